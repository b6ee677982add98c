"""split_lines and the small text measures."""
from __future__ import annotations

import pytest

from stripper.lines import dominant_script, looks_like_sentence, normalize, script_counts, split_lines, words


def test_split_lines_lf_crlf_and_no_final_newline() -> None:
    text = "one\r\ntwo\nthree"
    lines = split_lines(text)
    assert [(ln.number, ln.text, ln.eol) for ln in lines] == [
        (1, "one", "\r\n"), (2, "two", "\n"), (3, "three", "")]
    for ln in lines:
        assert text[ln.start:ln.end] == ln.text


def test_split_lines_final_newline_gives_no_empty_line() -> None:
    assert [ln.text for ln in split_lines("a\nb\n")] == ["a", "b"]
    assert split_lines("") == []
    assert [ln.text for ln in split_lines("\n")] == [""]


def test_split_lines_keeps_unicode_separators_inside_a_line() -> None:
    text = "a\u2028b\x0cc\u0085d\re\nnext"
    lines = split_lines(text)
    assert len(lines) == 2
    assert lines[0].text == "a\u2028b\x0cc\u0085d\re"
    assert lines[0].eol == "\n"


def test_split_lines_offsets_are_code_points() -> None:
    text = "😀🎉\n𝔘𝔫𝔦\r\nend"
    lines = split_lines(text)
    assert [(ln.start, ln.end) for ln in lines] == [(0, 2), (3, 6), (8, 11)]
    assert "".join(ln.text + ln.eol for ln in lines) == text


def test_blank_and_stripped() -> None:
    a, b = split_lines("  \t \nx  \n")
    assert a.blank and not b.blank and b.stripped == "x"


def test_normalize() -> None:
    assert normalize("Hello,  WORLD!") == normalize("hello world") == "hello world"
    assert normalize("ＦＵＬＬ width") == "full width"
    assert normalize("---") == ""


def test_words() -> None:
    assert words("Don’t stop, it's 2025!") == ["Don’t", "stop", "it's", "2025"]
    assert words("— …") == []


@pytest.mark.parametrize("s,want", [
    ("It rained.", True), ('He said "no."', True), ("Really?”", True), ("Why not!", True),
    ("End of list:", True), ("漂亮。", True), ("Headline without stop", False), ("Photo: AP", False),
])
def test_looks_like_sentence(s: str, want: bool) -> None:
    assert looks_like_sentence(s) is want


def test_script_counts_and_dominant() -> None:
    c = script_counts("abc שלום 漢字かな")
    assert c == {"Latin": 3, "Hebrew": 4, "Cjk": 4}
    assert dominant_script({}) == (None, 0.0)
    sc, share = dominant_script({"Latin": 3, "Hebrew": 1})
    assert sc == "Latin" and share == pytest.approx(0.75)
