"""Provenance cases from fixtures/provenance/: one line each, inside a short article.

Each disclosure or wire line must flag the document and be stripped wherever it stands;
each look-alike must leave the document unflagged and untouched.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from stripper import strip_text

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "provenance"
BODY = ("The council voted on Tuesday to approve the new budget after a long debate.\n"
        "Officials said the plan would take effect next year, pending review by regulators.\n")


def _lines(name: str) -> list[str]:
    text = (CASES / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _doc(line: str, where: str) -> str:
    return f"{line}\n{BODY}" if where == "top" else f"{BODY}{line}\n"


@pytest.mark.parametrize("where", ["top", "end"])
@pytest.mark.parametrize("line", _lines("ai_generated.txt"))
def test_ai_disclosure_flags_and_strips(line: str, where: str) -> None:
    res = strip_text(_doc(line, where))
    assert res.provenance.ai_generated
    assert line not in res.text


@pytest.mark.parametrize("line", _lines("syndicated.txt"))
def test_wire_line_at_the_end_flags_and_strips(line: str) -> None:
    res = strip_text(_doc(line, "end"))
    assert res.provenance.syndicated
    assert line not in res.text
    assert res.text.startswith(BODY.splitlines()[0])


@pytest.mark.parametrize("where", ["top", "end"])
@pytest.mark.parametrize("line", _lines("lookalike.txt"))
def test_lookalike_is_article_text(line: str, where: str) -> None:
    doc = _doc(line, where)
    res = strip_text(doc)
    assert not res.provenance.ai_generated and not res.provenance.syndicated
    assert res.text == doc


@pytest.mark.parametrize("line", _lines("datelines.txt"))
def test_wire_dateline_flags_but_stays(line: str) -> None:
    doc = _doc(line, "top")
    res = strip_text(doc)
    assert res.provenance.syndicated and res.provenance.details.get("agencies")
    assert res.text == doc
