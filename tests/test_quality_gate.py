"""The quality gate (trafilatura keeps one too): on the self-made pages in fixtures/quality,
stripper must hold pinned precision and recall floors in both tasks of
benchmarks/quality.py, and keep the margins issue 3 asks over trafilatura and over the
noisy text. The floors sit a little under the figures measured when they were pinned:
raise them when the figures rise, never lower them to make a change pass.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import trafilatura

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "quality"

_spec = importlib.util.spec_from_file_location("quality_benchmark", ROOT / "benchmarks" / "quality.py")
assert _spec is not None and _spec.loader is not None
Q = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = Q  # dataclasses look their module up there
_spec.loader.exec_module(Q)

# (precision, recall) floors, pinned 2026-11-21 from html P 0.9893 R 0.9956 and text P 0.9534
# R 1.0000 (trafilatura alone: P 0.8187 R 0.9686; noisy text: P 0.7671 R 0.9708). The rules
# saw these pages while they were written, so the figures say "no regression", not how
# stripper does on unseen pages: benchmarks/quality.py on real datasets says that.
HTML_FLOOR = (0.98, 0.99)
TEXT_FLOOR = (0.945, 0.99)
# issue 3: HTML F1 at least 0.008 over trafilatura (comments off), recall at most 0.005 under;
# text mode F1 at least 0.013 over the noisy text, recall at most 0.01 under.
HTML_GAIN, HTML_RECALL_LOSS = 0.008, 0.005
TEXT_GAIN, TEXT_RECALL_LOSS = 0.013, 0.01


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _average(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p for p, _ in pairs) / len(pairs), sum(r for _, r in pairs) / len(pairs)


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[float, float]]:
    docs = Q.load([str(PAGES)], None)[PAGES.name]
    assert len(docs) >= 10, "the gate needs its pages"
    runs: dict[str, list[tuple[float, float]]] = {"base": [], "html": [], "noisy": [], "text": []}
    for doc in docs:
        runs["base"].append(Q.score(trafilatura.extract(doc.html, include_comments=False) or "", doc.gold))
        runs["html"].append(Q.score(Q.stripper_html(doc.html), doc.gold))
        noisy = trafilatura.extract(doc.html, **Q.NOISY) or ""
        runs["noisy"].append(Q.score(noisy, doc.gold))
        out = Q.strip_text(noisy, Q.DEFAULT_OPTIONS).text if noisy.strip() else ""
        runs["text"].append(Q.score(out, doc.gold))
    return {name: _average(pairs) for name, pairs in runs.items()}


def test_html_floors(scores: dict[str, tuple[float, float]]) -> None:
    p, r = scores["html"]
    assert p >= HTML_FLOOR[0] and r >= HTML_FLOOR[1], (p, r)


def test_text_floors(scores: dict[str, tuple[float, float]]) -> None:
    p, r = scores["text"]
    assert p >= TEXT_FLOOR[0] and r >= TEXT_FLOOR[1], (p, r)


def test_html_beats_trafilatura(scores: dict[str, tuple[float, float]]) -> None:
    (bp, br), (p, r) = scores["base"], scores["html"]
    assert _f1(p, r) - _f1(bp, br) >= HTML_GAIN, (scores["base"], scores["html"])
    assert br - r <= HTML_RECALL_LOSS, (br, r)


def test_text_mode_beats_noisy_text(scores: dict[str, tuple[float, float]]) -> None:
    (np_, nr), (p, r) = scores["noisy"], scores["text"]
    assert _f1(p, r) - _f1(np_, nr) >= TEXT_GAIN, (scores["noisy"], scores["text"])
    assert nr - r <= TEXT_RECALL_LOSS, (nr, r)

