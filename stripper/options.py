"""The one frozen options object every layer passes down (trafilatura-style)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

CATEGORIES: tuple[str, ...] = (
    "byline",
    "caption",
    "comment_notice",
    "forum_header",
    "social",
    "promo",
    "footer",
    "masthead",
    "residue",
    "duplicate",
    "provenance_ai",
    "provenance_syndication",
)
PROVENANCE_CATEGORIES = frozenset({"provenance_ai", "provenance_syndication"})


@dataclass(frozen=True)
class Options:
    """How to strip. Hashable, so compiled state can be cached per options value.

    select / ignore hold rule codes ("CAP001"), code prefixes ("CAP") or category
    names ("caption"); empty select means everything.
    keep_provenance keeps provenance lines in the text (they are still flagged).
    rule_paths adds user rule packs (files or folders) to the bundled ones;
    bundled=False drops the bundled packs (useful for `rules test DIR`).
    """

    select: frozenset[str] = field(default_factory=frozenset)
    ignore: frozenset[str] = field(default_factory=frozenset)
    keep_provenance: bool = False
    rule_paths: tuple[Path, ...] = ()
    bundled: bool = True

    def with_(self, **changes: object) -> "Options":
        return replace(self, **changes)  # type: ignore[arg-type]

    def enabled(self, code: str, category: str) -> bool:
        """ruff semantics: a code is on when selected (or nothing is) and not ignored."""

        def hit(selectors: frozenset[str]) -> bool:
            return any(code.startswith(s) or s == category for s in selectors)

        if self.select and not hit(self.select):
            return False
        return not hit(self.ignore)


DEFAULT_OPTIONS = Options()
