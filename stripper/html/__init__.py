"""HTML pages: decode, one selectolax parse and DOM pass, trafilatura, then the text core.

The page is parsed once with selectolax (fast, C): the DOM pass removes captions, bylines,
widgets and comment sections there, the metadata helper reads <meta>/JSON-LD from the same
tree, and trafilatura gets the cleaned HTML string. Its text then goes through strip_text
like any text document, so `explain` shows both stages.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import replace
from typing import Any, Callable

from selectolax.lexbor import LexborHTMLParser

from ..documents import Outcome
from ..lines import looks_like_sentence, words
from ..options import DEFAULT_OPTIONS, Options
from ..pipeline import strip_text
from ..provenance import merge_details
from ..result import Evidence, Provenance, Result
from ..textio import InputError, NoContent
from .dom import DOM_RULES, dom_pass
from .extract import extract_lines

MIN_WORDS = 8
INERT_TAGS = ("script", "style", "noscript", "svg", "template", "iframe", "link", "object", "embed", "canvas")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _fallback_decode(data: bytes, encoding: str | None) -> str:
    """Stand-in until stripper.html.decode exists: BOM, --encoding, meta charset, UTF-8, cp1252."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    candidates: list[str] = [encoding] if encoding else []
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8", "cp1252"]
    for codec in candidates:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


try:  # the metadata helper's modules; stand-ins keep this path usable without them
    from .decode import decode_html as _decode_html
except ImportError:  # pragma: no cover - depends on the helper's progress
    _decode_html = _fallback_decode

MarkupFn = Callable[[LexborHTMLParser, "str | None"], "list[tuple[Evidence, dict[str, str]]]"]
try:
    from .metadata import markup_provenance as _markup_provenance
    markup_provenance: MarkupFn | None = _markup_provenance
except ImportError:  # pragma: no cover
    markup_provenance = None


def _enabled_dom(options: Options) -> frozenset[str] | None:
    if not options.select and not options.ignore:
        return None
    return frozenset(r.code for r in DOM_RULES if options.enabled(r.code, r.category))


def merge_provenance(prov: Provenance, extra: list[tuple[Evidence, dict[str, str]]]) -> Provenance:
    """Markup evidence joins the text evidence; the flags are the OR of both."""
    if not extra:
        return prov
    details: dict[str, Any] = {k: (list(v) if isinstance(v, list) else v) for k, v in prov.details.items()}
    ai, synd = prov.ai_generated, prov.syndicated
    evidence = list(prov.evidence)
    for ev, groups in extra:
        ai = ai or ev.category == "provenance_ai"
        synd = synd or ev.category == "provenance_syndication"
        evidence.append(ev)
        merge_details(details, groups, ev.text, ev.category == "provenance_syndication")
    return Provenance(ai, synd, tuple(evidence), details)


def has_article_text(text: str) -> bool:
    """A few menu words ("Home About") that trafilatura's fallbacks return are not an article."""
    n = len(words(text))
    return n >= MIN_WORDS or (n > 0 and any(looks_like_sentence(ln) for ln in text.splitlines()))


def process_html(data: bytes, path: str, options: Options | None = None,
                 encoding: str | None = None) -> Outcome:
    """Raises NoContent when the page has no article text, InputError when it is not HTML."""
    options = options or DEFAULT_OPTIONS
    if not data:
        raise InputError("empty file")
    html = _decode_html(data, encoding)
    if "\x00" in html:
        html = html.replace("\x00", "")
    tree = LexborHTMLParser(html)
    warnings: list[str] = []
    url: str | None = None  # a page read from a file or stdin has no address of its own
    extra: list[tuple[Evidence, dict[str, str]]] = []
    if markup_provenance is not None:
        try:
            extra = list(markup_provenance(tree, url))
        except Exception as exc:  # noqa: BLE001 - metadata must never lose the article
            warnings.append(f"markup provenance skipped: {type(exc).__name__}: {exc}")
    removed = dom_pass(tree, _enabled_dom(options))
    # trafilatura drops these anyway; cut before it parses the page again they halve the bytes
    # it reads (JSON-LD was read above). Output is the same, about a tenth faster.
    tree.strip_tags(list(INERT_TAGS))
    lines = extract_lines(tree.html or "", url) if tree.body is not None else []
    if not lines:
        raise NoContent("no article text found")
    result: Result = strip_text("\n".join(lines) + "\n", options)
    if not has_article_text(result.text):
        raise NoContent("no article text found")
    if extra:
        result = replace(result, provenance=merge_provenance(result.provenance, extra))
    return Outcome(path, "html", data, result, None, dom_removed=tuple(removed), warnings=tuple(warnings))
