"""Main text with trafilatura, written one paragraph per line with headings kept.

trafilatura's own txt output keeps the source's line breaks inside a paragraph, which the
line-based core would read as several lines; walking its XML body instead gives exactly one
line per block (paragraph, heading, list item, table row, quote) and keeps code verbatim.
"""
from __future__ import annotations

import re
from typing import Iterator

from lxml import etree
from trafilatura import bare_extraction

_WS = re.compile(r"\s+")
# trafilatura's block elements: each becomes its own line(s).
BLOCKS = frozenset({"p", "head", "item", "quote", "row", "code", "list", "table", "div", "cell", "lb"})
_CONTAINER = frozenset({"list", "table", "quote", "div", "cell"})

# Extraction settings stripper uses internally (see benchmarks/quality.py for the comparison).
SETTINGS: dict[str, object] = dict(
    include_comments=False, include_tables=True, favor_precision=False, favor_recall=False,
    with_metadata=False, include_images=False, include_links=False, include_formatting=False,
)


def _flat(el: etree._Element) -> str:
    return _WS.sub(" ", "".join(el.itertext())).strip()


def _has_block_child(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCKS and c.tag != "lb" for c in el)


def _code_lines(el: etree._Element) -> Iterator[str]:
    for ln in "".join(el.itertext()).strip("\n").split("\n"):
        if ln.strip():
            yield ln.rstrip()


def block_lines(el: etree._Element) -> Iterator[str]:
    """Lines for one element of trafilatura's body, depth first."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "code" or (tag == "quote" and "\n" in (el.text or "") and not _has_block_child(el)
                         and el.getparent() is not None and el.getparent().tag == "cell"):
        yield from _code_lines(el)
        return
    if tag == "row":
        cells = [_flat(c) for c in el]
        line = " | ".join(c for c in cells if c)
        if line:
            yield line
        return
    if tag in _CONTAINER or _has_block_child(el):
        if el.text and el.text.strip():
            yield _WS.sub(" ", el.text).strip()
        for child in el:
            if isinstance(child.tag, str) and child.tag in BLOCKS:
                yield from block_lines(child)
            else:
                text = _flat(child) if isinstance(child.tag, str) else ""
                if text:
                    yield text
            if child.tail and child.tail.strip():
                yield _WS.sub(" ", child.tail).strip()
        return
    text = _flat(el)
    if text:
        yield text


def body_lines(body: etree._Element | None) -> list[str]:
    """All of the body's text: trafilatura leaves loose text directly in <body> (a paragraph
    after a heading whose <p> it dropped, text between blocks), in body.text and in the tails
    of its children, and its own txt output keeps it, so we must too."""
    if body is None:
        return []
    lines: list[str] = []
    if body.text and body.text.strip():
        lines.append(_WS.sub(" ", body.text).strip())
    for child in body:
        if isinstance(child.tag, str):
            lines.extend(block_lines(child))
        if child.tail and child.tail.strip():
            lines.append(_WS.sub(" ", child.tail).strip())
    return lines


def extract_lines(html: str, url: str | None = None, **overrides: object) -> list[str]:
    """The article as lines: one per paragraph, heading, list item or table row."""
    settings = {**SETTINGS, **overrides}
    try:
        doc = bare_extraction(html, url=url, **settings)  # type: ignore[arg-type]
    except (ValueError, TypeError, etree.LxmlError):
        return []
    if doc is None:
        return []
    return body_lines(doc.body)
