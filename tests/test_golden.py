"""black-style golden cases: every fixtures/golden/NAME.txt must clean to NAME.clean.txt."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from stripper import strip_text

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden"
CASES = sorted(p for p in GOLDEN.glob("*.txt") if not p.name.endswith(".clean.txt"))


def _norm(text: str) -> str:
    return text.rstrip("\n")


@pytest.mark.parametrize("src", CASES, ids=[p.stem for p in CASES])
def test_golden_clean_text(src: Path) -> None:
    want = src.with_name(src.stem + ".clean.txt").read_text(encoding="utf-8")
    got = strip_text(src.read_text(encoding="utf-8")).text
    assert _norm(got) == _norm(want)


@pytest.mark.parametrize("src", CASES, ids=[p.stem for p in CASES])
def test_golden_second_pass_changes_nothing(src: Path) -> None:
    once = strip_text(src.read_text(encoding="utf-8")).text
    assert strip_text(once).text == once


LABELLED = [p for p in CASES if p.with_name(p.stem + ".labels.json").exists()]


@pytest.mark.parametrize("src", LABELLED, ids=[p.stem for p in LABELLED])
def test_golden_labels(src: Path) -> None:
    spec = json.loads(src.with_name(src.stem + ".labels.json").read_text(encoding="utf-8"))
    res = strip_text(src.read_text(encoding="utf-8"))
    by_line = {v.line: v for v in res.verdicts}
    for want in spec["lines"]:
        if want["action"] == "blank":
            assert want["line"] not in by_line
            continue
        got = by_line[want["line"]]
        assert got.action == want["action"], (want["line"], got)
        if want["action"] == "strip":
            assert got.category in want["category"], (want["line"], got)
    assert res.provenance.ai_generated == spec["provenance"]["ai_generated"]
    assert res.provenance.syndicated == spec["provenance"]["syndicated"]
    for key, val in spec["provenance"].get("details", {}).items():
        assert res.provenance.details.get(key) == val, key
    if "evidence_lines" in spec["provenance"]:
        got_lines = sorted({e.line for e in res.provenance.evidence})
        assert got_lines == spec["provenance"]["evidence_lines"]
