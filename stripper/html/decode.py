"""Bytes of an HTML page to text, the way a forgiving browser would, and never raising on bytes.

Order: explicit encoding > byte-order mark > <meta charset> / http-equiv / XML declaration in
the first 4 KB > UTF-8 > charset_normalizer > cp1252 with replacement characters. A declared
charset that the bytes contradict loses: a page that says iso-8859-1 but is valid UTF-8 with
non-ASCII bytes is read as UTF-8.
"""
from __future__ import annotations

import codecs
import re

from ..textio import InputError

PRESCAN = 4096

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:()+-]{1,40})""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:()+-]{1,40})["']""", re.I)

# WHATWG: these labels are decoded with a superset, as browsers do.
_BROWSER_MAP = {
    "latin_1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252",
    "iso8859-9": "cp1254", "iso8859-11": "cp874", "tis-620": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949", "big5": "big5hkscs",
    "shift_jis": "cp932",
    # a page cannot declare UTF-16/32 in ASCII-compatible markup and mean it
    "utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8",
    "utf-32": "utf-8", "utf-32-le": "utf-8", "utf-32-be": "utf-8",
}
# charset_normalizer guesses we trust for undeclared, non-UTF-8 bytes; anything more exotic
# on a mostly-ASCII page is usually a misfire, and cp1252 is the better bet.
_TRUSTED_GUESSES = frozenset({
    "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_15", "koi8_r", "koi8_u",
    "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp", "iso2022_jp",
    "euc_kr", "cp949", "utf_16", "utf_16_le", "utf_16_be", "utf_32",
})


def _codec(label: str) -> str | None:
    """A Python codec name for a charset label, browser-mapped; None if unknown."""
    label = label.strip().strip("\"'").lower()
    if label in ("x-user-defined", "replacement"):
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _BROWSER_MAP.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first 4 KB, as a Python codec name."""
    head = data[:PRESCAN]
    for rx in (_XML_DECL, _META_CHARSET):
        for m in rx.finditer(head):
            codec = _codec(m.group(1).decode("ascii", "replace"))
            if codec:
                return codec
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


_ASCII_OR_BAD = re.compile(r"[\x00-\x7f\ufffd]+")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes (a pasted cp1252 quote): keep it UTF-8, replace the strays."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    multibyte = len(_ASCII_OR_BAD.sub("", text))
    if multibyte >= 2 and bad <= multibyte:
        return text
    return None


def _few_errors(data: bytes, codec: str) -> str | None:
    """The declared charset with a handful of undecodable bytes replaced (at most 1 in 1000)."""
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        return None
    bad = text.count("\ufffd")
    return text if bad * 1000 <= max(len(text), 1000) else None


def _guess(data: bytes) -> str | None:
    """charset_normalizer's best reading of undeclared, non-UTF-8 bytes, or None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a trafilatura dependency
        return None
    try:
        matches = from_bytes(data[: 2 * 1024 * 1024])
        best = matches.best()
    except Exception:  # noqa: BLE001 - a detector failure must not fail the page
        return None
    if best is None:
        return None
    # Western pages are the common case and the single-byte Latin tables overlap: when cp1252
    # reads the bytes as cleanly as the winner, take cp1252 (what browsers default to).
    for m in matches:
        if _codec(m.encoding) == "cp1252" and m.chaos <= best.chaos + 0.01:
            return _strict(data, "cp1252")
    codec = _codec(best.encoding)
    if codec not in _TRUSTED_GUESSES:
        return None
    return _strict(data, codec)


def _finish(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """Decode an HTML page. Raises InputError only for an unknown explicit encoding."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        return _finish(data.decode(codec, errors="replace"))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _finish(data[len(bom):].decode(codec, errors="replace"))
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf_8"):
        if not data.isascii():
            utf8 = _strict(data, "utf-8")
            if utf8 is not None:
                return _finish(utf8)  # declared legacy charset, but the bytes are UTF-8
        text = _strict(data, declared)
        if text is not None:
            return _finish(text)
    utf8 = _strict(data, "utf-8")
    if utf8 is not None:
        return _finish(utf8)
    text = _mostly_utf8(data)
    if text is None and declared:
        text = _few_errors(data, declared)
    if text is None:
        text = _guess(data)
    if text is None:
        text = data.decode("cp1252", errors="replace")
    return _finish(text)
