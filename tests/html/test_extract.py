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


def test_inline_code_stays_in_its_sentence() -> None:
    body = etree.fromstring(
        "<body><head>Response</head><p><code>Response</code> instances are returned by calls to "
        "<code>fetch()</code>, checked for <code>Headers</code>,<code>Request</code> or "
        "<code>Response</code>.</p><code>const r = await fetch(url);\nconsole.log(r.status);</code></body>")
    assert body_lines(body) == [
        "Response",
        "Response instances are returned by calls to fetch(), checked for Headers,Request or Response.",
        "const r = await fetch(url);",
        "console.log(r.status);",
    ]


def test_a_multi_line_code_block_inside_a_paragraph_keeps_its_lines() -> None:
    body = etree.fromstring("<body><p>Run this:<code>make\nmake install</code></p></body>")
    assert body_lines(body) == ["Run this:", "make", "make install"]
