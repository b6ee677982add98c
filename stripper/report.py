"""Human and machine views of outcomes: explain, check (text/json/github), statistics, diff."""
from __future__ import annotations

import difflib
import json
from collections import Counter
from typing import Any, Iterable

import click

from .documents import CorpusOutcome, Outcome

CATEGORY_COLOURS = {
    "provenance_ai": "magenta", "provenance_syndication": "magenta", "caption": "cyan",
    "byline": "blue", "duplicate": "yellow", "footer": "blue", "promo": "yellow",
}


def explain_text(outcome: Outcome, colour: bool) -> str:
    """One block per file: DOM removals, stripped lines with code and category, provenance."""
    s = (lambda t, **kw: click.style(t, **kw)) if colour else (lambda t, **kw: t)
    res = outcome.result
    out = [s(outcome.path, bold=True)]
    for item in outcome.dom_removed:
        out.append(f"  {s('dom', fg='cyan')}  {item.get('rule', ''):7} {item.get('category', ''):22} "
                   f"{item.get('selector', '')}  {_clip(item.get('text', ''), 70)}")
    for v in res.verdicts:
        if v.rule is None:
            continue
        mark = s("strip", fg="red") if v.stripped else s("flag ", fg="green")
        cat = s(f"{v.category:22}", fg=CATEGORY_COLOURS.get(v.category or ""))
        out.append(f"  {v.line:>5}  {mark}  {v.rule:7} {cat} {_clip(v.text.strip(), 80)}")
        if v.message:
            out.append(s(f"{'':17}{v.message}", dim=True))
    prov = res.provenance
    if prov.ai_generated or prov.syndicated:
        flags = [f for f, on in (("ai_generated", prov.ai_generated), ("syndicated", prov.syndicated)) if on]
        out.append("  provenance: " + s(", ".join(flags), fg="magenta", bold=True))
        for key, val in prov.details.items():
            out.append(f"    {key}: {', '.join(val) if isinstance(val, list) else val}")
    n = sum(res.counts.values())
    summary = ", ".join(f"{c} {k}" for k, c in sorted(res.counts.items())) or "nothing"
    out.append(f"  {n} line(s) stripped: {summary}")
    for w in outcome.warnings:
        out.append("  " + s(f"warning: {w}", fg="yellow"))
    return "\n".join(out)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def findings(outcome: Outcome) -> list[dict[str, Any]]:
    return [
        {"filename": outcome.path, "line": v.line, "start": v.start, "end": v.end, "code": v.rule,
         "category": v.category, "message": v.message, "text": v.text}
        for v in outcome.result.verdicts if v.stripped
    ]


def check_text(items: Iterable[dict[str, Any]]) -> str:
    return "\n".join(f"{f['filename']}:{f['line']}: {f['code']} {f['category']}: {_clip(f['text'].strip(), 100)}"
                     for f in items)


def check_github(items: Iterable[dict[str, Any]]) -> str:
    def esc(t: str) -> str:
        return t.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return "\n".join(
        f"::warning title=stripper ({f['code']}),file={esc(f['filename'])},line={f['line']}::"
        f"{esc(f['category'] + ': ' + (f['message'] or '') + ': ' + _clip(f['text'].strip(), 100))}"
        for f in items)


def check_json(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2)


def statistics(items: Iterable[dict[str, Any]]) -> str:
    """ruff --statistics: count, code, category, message; most frequent first."""
    counter = Counter((f["code"], f["category"], f["message"] or "") for f in items)
    return "\n".join(f"{n:>6}\t{code}\t{cat}\t{msg}" for (code, cat, msg), n in counter.most_common())


def unified_diff(outcome: Outcome | CorpusOutcome) -> str:
    before, after = outcome.diff_texts()
    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{outcome.path}", tofile=f"b/{outcome.path}"))
