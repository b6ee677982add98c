"""One input document through the core: format detection and the bytes that come out.

The CLI and integrations call process(); only this module knows that HTML goes through
extraction first. The core itself never sees bytes or paths.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Any

from .corpus import Record, is_jsonl, process_records, read_lines, render, write_output
from .options import Options
from .pipeline import strip_text
from .result import Result
from .textio import Decoded, InputError, decode

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
FORMATS = ("auto", "text", "html", "jsonl")


@dataclass(frozen=True)
class Outcome:
    path: str
    fmt: str
    original: bytes
    result: Result
    decoded: Decoded | None = None
    dom_removed: tuple[dict[str, Any], ...] = ()
    warnings: tuple[str, ...] = field(default=())
    doc_id: str | None = None

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

    def documents(self) -> tuple["Outcome", ...]:
        """The documents inside: one here, one per record in a corpus file."""
        return (self,)

    @property
    def record_errors(self) -> tuple[tuple[int, str], ...]:
        return ()

    def diff_texts(self) -> tuple[str, str]:
        before = self.decoded.text if self.decoded else ""
        return before, self.result.text

    def to_dict(self) -> dict[str, Any]:
        d = self.result.to_dict(self.path)
        if self.doc_id is not None:
            d["id"] = self.doc_id
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


@dataclass(frozen=True)
class CorpusOutcome:
    """A JSONL corpus file: one document per record, written back record by record."""

    path: str
    original: bytes
    records: tuple[Record, ...]
    text_field: str = "text"
    fmt: str = "jsonl"
    warnings: tuple[str, ...] = ()

    @cached_property
    def output(self) -> bytes:
        return write_output(self.records, self.path, self.text_field)

    @property
    def changed(self) -> bool:
        return self.output != self.original

    @property
    def record_errors(self) -> tuple[tuple[int, str], ...]:
        return tuple((r.number, r.error) for r in self.records if r.error)

    def documents(self) -> tuple[Outcome, ...]:
        out = []
        for r in self.records:
            if r.result is not None:
                name = f"{self.path}:{r.number}"
                out.append(Outcome(name, "text", b"", r.result, doc_id=r.doc_id))
        return tuple(out)

    def diff_texts(self) -> tuple[str, str]:
        return (b"".join(r.raw for r in self.records).decode("utf-8", "replace"),
                b"".join(render(r, self.text_field) for r in self.records).decode("utf-8", "replace"))


def process(data: bytes, path: str, options: Options, fmt: str = "auto",
            encoding: str | None = None, jobs: int = 1, text_field: str = "text") -> Outcome | CorpusOutcome:
    """Raises InputError with a one-line reason for input we cannot take."""
    if not data:
        raise InputError("empty file")
    if fmt == "jsonl" or (fmt == "auto" and is_jsonl(path)):
        try:
            lines = read_lines(data, path)
        except (OSError, EOFError) as exc:
            raise InputError(f"cannot decompress: {exc}") from None
        records = process_records(lines, options, text_field=text_field, jobs=jobs)
        return CorpusOutcome(path, data, tuple(records), text_field=text_field)
    kind = sniff_format(data, path if path != "-" else None) if fmt == "auto" else fmt
    if kind == "html":
        from .html import process_html  # trafilatura is imported only when HTML shows up

        return process_html(data, path, options, encoding)
    decoded = decode(data, encoding)
    if not decoded.text.strip():
        raise InputError("no text (only white space)")
    return Outcome(path, "text", data, strip_text(decoded.text, options), decoded)
