"""Reading and writing documents without losing a byte: encodings, BOMs, atomic writes."""
from __future__ import annotations

import codecs
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Explicit byte order: the generic "utf-16"/"utf-32" codecs would write a big-endian file back
# in the machine's (little-endian) order.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """A document we cannot take: the message names the problem in one line."""


class NoContent(InputError):
    """The input had no article text at all (an HTML page that is all chrome): a warning."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec of the bytes after the byte-order mark
    bom: bytes = b""  # written back in front, so the bytes round-trip

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """BOM first, then the encoding asked for, then strict UTF-8; no silent guessing for text."""
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding} at byte {exc.start}") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(codec), codec, bom)
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {codec} after its byte-order mark (byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes); not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 at byte {exc.start} (pass --encoding, e.g. --encoding cp1252)"
        ) from None


def read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise InputError("is a directory with no .txt, .html or .jsonl files to process")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory with no .txt, .html or .jsonl files to process") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: readers see the old or the new file, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".stripper-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:  # a new file: what open() would give, not mkstemp's 0600
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
