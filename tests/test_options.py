"""Options: ruff-style select/ignore over codes, prefixes and categories."""
from __future__ import annotations

import dataclasses

import pytest

from stripper import CATEGORIES, DEFAULT_OPTIONS, Options


def test_default_enables_everything() -> None:
    for cat in CATEGORIES:
        assert DEFAULT_OPTIONS.enabled("XYZ001", cat)


@pytest.mark.parametrize("sel,code,cat,want", [
    ({"CAP001"}, "CAP001", "caption", True),
    ({"CAP001"}, "CAP002", "caption", False),
    ({"CAP"}, "CAP101", "caption", True),
    ({"CAP"}, "BYL001", "byline", False),
    ({"caption"}, "CAP004", "caption", True),
    ({"caption"}, "PRO001", "promo", False),
    ({"byline", "PRO001"}, "PRO001", "promo", True),
])
def test_select(sel: set[str], code: str, cat: str, want: bool) -> None:
    assert Options(select=frozenset(sel)).enabled(code, cat) is want


@pytest.mark.parametrize("ign,code,cat,want", [
    ({"CAP001"}, "CAP001", "caption", False),
    ({"CAP001"}, "CAP002", "caption", True),
    ({"CAP"}, "CAP103", "caption", False),
    ({"provenance_ai"}, "PAI001", "provenance_ai", False),
    ({"provenance_ai"}, "PSY001", "provenance_syndication", True),
])
def test_ignore(ign: set[str], code: str, cat: str, want: bool) -> None:
    assert Options(ignore=frozenset(ign)).enabled(code, cat) is want


def test_ignore_wins_over_select() -> None:
    o = Options(select=frozenset({"caption"}), ignore=frozenset({"CAP103"}))
    assert o.enabled("CAP001", "caption")
    assert not o.enabled("CAP103", "caption")
    assert not o.enabled("BYL001", "byline")


def test_frozen_hashable_and_with() -> None:
    o = Options()
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.keep_provenance = True  # type: ignore[misc]
    o2 = o.with_(keep_provenance=True)
    assert o2.keep_provenance and not o.keep_provenance
    assert hash(o) == hash(Options()) and o == Options()
    assert {o, o2, Options()} == {o, o2}


def test_categories_cover_provenance() -> None:
    assert "provenance_ai" in CATEGORIES and "provenance_syndication" in CATEGORIES
    assert len(set(CATEGORIES)) == len(CATEGORIES)
