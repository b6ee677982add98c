"""One input document through the core: format detection and the bytes that come out.

The CLI and integrations call process(); only this module knows that HTML goes through
extraction first. The core itself never sees bytes or paths.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .options import Options
from .pipeline import strip_text
from .result import Result
from .textio import Decoded, InputError, decode

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
FORMATS = ("auto", "text", "html")


@dataclass(frozen=True)
class Outcome:
    path: str
    fmt: str
    original: bytes
    result: Result
    decoded: Decoded | None = None
    dom_removed: tuple[dict[str, Any], ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return self.output != self.original

    @property
    def output(self) -> bytes:
        """Text keeps its encoding and BOM and stays byte-identical when nothing was stripped."""
        if self.fmt == "text" and self.decoded is not None:
            if not self.result.changed:
                return self.original
            return self.decoded.encode(self.result.text)
        return self.result.text.encode("utf-8")

    def to_dict(self) -> dict[str, Any]:
        d = self.result.to_dict(self.path)
        d["format"] = self.fmt
        if self.fmt == "html":
            d["dom"] = list(self.dom_removed)
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d


def sniff_format(data: bytes, path: str | None) -> str:
    if path:
        suffix = PurePath(path).suffix.lower()
        if suffix in HTML_SUFFIXES:
            return "html"
        if suffix in TEXT_SUFFIXES:
            return "text"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        head.startswith(b"<") and (b"<body" in data[:65536].lower() or b"<head" in head)
    ):
        return "html"
    return "text"


def process(data: bytes, path: str, options: Options, fmt: str = "auto",
            encoding: str | None = None) -> Outcome:
    """Raises InputError with a one-line reason for input we cannot take."""
    if not data:
        raise InputError("empty file")
    kind = sniff_format(data, path if path != "-" else None) if fmt == "auto" else fmt
    if kind == "html":
        from .html import process_html  # trafilatura is imported only when HTML shows up

        return process_html(data, path, options, encoding)
    decoded = decode(data, encoding)
    if not decoded.text.strip():
        raise InputError("no text (only white space)")
    return Outcome(path, "text", data, strip_text(decoded.text, options), decoded)
