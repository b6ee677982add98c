"""Turning trafilatura's XML body into lines: no words glued across element boundaries."""
from __future__ import annotations

from lxml import etree

from stripper.html.extract import _flat, body_lines


def test_block_children_are_set_apart_but_inline_ones_are_not() -> None:
    el = etree.fromstring("<row><cell>Weekly Edition</cell><cell>Front page</cell>"
                          "<cell><hi>W</hi>ord and <ref>link</ref>.</cell></row>")
    assert _flat(el) == "Weekly Edition Front page Word and link."


def test_cjk_blocks_join_without_a_space() -> None:
    el = etree.fromstring("<cell><p>きょうの記念日</p><p>元旦</p><p>New Year</p></cell>")
    assert _flat(el) == "きょうの記念日元旦 New Year"


def test_line_breaks_do_not_glue_words() -> None:
    body = etree.fromstring("<body><p>first line<lb/>second line</p>"
                            "<code>int add();<lb/>// add.c</code></body>")
    assert body_lines(body) == ["first line second line", "int add();", "// add.c"]
