"""What the core returns: clean text, one verdict per non-blank line, provenance, counts."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Verdict:
    """The decision on one non-blank line.

    start/end are code-point offsets into the original text, end-exclusive, covering
    the line without its terminator. action is "keep" or "strip"; a kept line may still
    carry a rule when it is provenance evidence left in the text (a wire dateline).
    """

    line: int
    start: int
    end: int
    action: str
    text: str
    category: str | None = None
    rule: str | None = None
    message: str | None = None

    @property
    def stripped(self) -> bool:
        return self.action == "strip"

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "action": self.action,
            "category": self.category,
            "rule": self.rule,
            "message": self.message,
            "text": self.text,
        }


@dataclass(frozen=True)
class Evidence:
    line: int
    rule: str
    category: str
    text: str
    source: str = "text"  # "text" for a line verdict; "html" for a tag in the page

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "rule": self.rule, "category": self.category,
                "text": self.text, "source": self.source}


@dataclass(frozen=True)
class Provenance:
    ai_generated: bool = False
    syndicated: bool = False
    evidence: tuple[Evidence, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ai_generated": self.ai_generated,
            "syndicated": self.syndicated,
            "evidence": [e.to_dict() for e in self.evidence],
            "details": self.details,
        }


@dataclass(frozen=True)
class Result:
    text: str
    verdicts: tuple[Verdict, ...]
    provenance: Provenance
    counts: dict[str, int]

    @property
    def changed(self) -> bool:
        return any(v.stripped for v in self.verdicts)

    @property
    def stripped(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if v.stripped)

    def to_dict(self, path: str | None = None, all_lines: bool = False) -> dict[str, Any]:
        """The `explain --json` shape. By default only lines a rule touched are listed."""
        lines = [v.to_dict() for v in self.verdicts if all_lines or v.rule is not None]
        return {
            "path": path,
            "lines": lines,
            "provenance": self.provenance.to_dict(),
            "counts": dict(self.counts),
        }
