"""Main text with trafilatura, written one paragraph per line with headings kept.

trafilatura's own txt output keeps the source's line breaks inside a paragraph, which the
line-based core would read as several lines; walking its XML body instead gives exactly one
line per block (paragraph, heading, list item, table row, quote) and keeps code verbatim.
"""
from __future__ import annotations

import re
from typing import Iterator

import regex
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


# trafilatura's inline elements: text runs on across them ("<hi>W</hi>ord" is one word).
_INLINE = frozenset({"hi", "ref", "del", "graphic", "span", "sub", "sup"})
_TEXT_HOSTS = frozenset({"p", "head", "item", "cell", "hi", "ref", "del", "span", "sub", "sup"})


_GAP = "\x00"
# CJK writing puts no space between words: a block boundary inside CJK text stays closed.
_CJK_GAP = regex.compile(r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}])\x00+(?=[\p{Han}\p{Hiragana}\p{Katakana}])")


def _inline_code(node: etree._Element) -> bool:
    """trafilatura writes `<code>fetch()</code>` inside a sentence and a code block alike as
    <code>: one without a line break, inside a paragraph, heading, item or cell, is a word
    of that sentence ("calls to fetch() return ...") and must not become a line of its own."""
    if node.tag != "code":
        return False
    parent = node.getparent()
    return parent is not None and parent.tag in _TEXT_HOSTS and "\n" not in "".join(node.itertext()).strip()


def _flat(el: etree._Element) -> str:
    """The element's text on one line; block children (cells, items, paragraphs) are set
    apart by a space, which itertext() would not do ("Edition" + "Front" -> "EditionFront")."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):  # a comment or processing instruction: its tail is text
            if event == "end" and node is not el and node.tail:
                parts.append(node.tail)
            continue
        block = node.tag not in _INLINE and not _inline_code(node)
        if event == "start":
            if block:
                parts.append(_GAP)
            if node.text:
                parts.append(node.text)
        else:
            if block:
                parts.append(_GAP)
            if node is not el and node.tail:
                parts.append(node.tail)
    text = _CJK_GAP.sub("", "".join(parts)).replace(_GAP, " ")
    return _WS.sub(" ", text).strip()


def _has_block_child(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCKS and c.tag != "lb" and not _inline_code(c) for c in el)


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
    # <lb/> (a <br> in the page) has no text, so itertext() would glue the words on either
    # side ("wasm" + "hello" -> "wasmhello"): give it a newline, which paragraphs fold to a
    # space and code blocks split on.
    for lb in body.iter("lb"):
        lb.text = "\n"
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
