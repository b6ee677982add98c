"""The pure core: text in, Result out. No I/O; rule packs are compiled once per process."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

import regex

from . import sections  # noqa: F401  (registers section heuristics)
from .heuristics import HEURISTICS, Decision, View
from .lines import Line, split_lines
from .options import DEFAULT_OPTIONS, PROVENANCE_CATEGORIES, Options
from .provenance import build_provenance
from .result import Result, Verdict
from .rules import Rule, load_rules

PREFIX = 2
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# (rule, the patterns of it that can match a line starting this way)
Candidates = tuple[tuple[Rule, tuple[Callable[[str], "regex.Match[str] | None"], ...]], ...]
# (ASCII `requires` words, the others by their first non-ASCII character)
Words = tuple[tuple[str, ...], dict[str, tuple[str, ...]]]
_CACHE_LIMIT = 100_000


@dataclass(frozen=True)
class RulePlan:
    """Enabled rules in evaluation order, narrowed per line before any pattern runs.

    A mid-document line only meets rules without position limits; and a line only meets
    rules that can start the way it starts (2-character prefix, answered once per prefix by
    partial matching and cached). On article text this skips most pattern calls.
    """

    rules: tuple[Rule, ...]
    anywhere: tuple[Rule, ...]
    head: int  # a line among the first `head` lines may meet a positional rule
    tail: int  # likewise among the last `tail`
    limits: tuple[int, ...] = ()  # the distinct max_chars of the rules with `requires` words, ascending
    _by_prefix: dict[tuple[str, bool], Candidates] = field(default_factory=dict, compare=False)
    _words: dict[tuple[int, int, bool], tuple[Candidates, Words]] = field(default_factory=dict, compare=False)

    def words_for(self, cands: Candidates, n: int, wide: bool) -> Words:
        """The `requires` words of the candidate rules a line of n characters can meet: the
        ASCII ones, and in a non-ASCII line (wide) the others too, keyed by their first
        non-ASCII character. A word can only occur in a line that holds that character, so a
        Greek line is not searched for the Hindi, Hebrew or Thai words of other packs; and a
        line is searched only for the words of the rules that can start the way it starts."""
        # lines whose length falls between the same two rule limits meet the same rules;
        # candidate pools are cached by prefix, so their identity is a cheap key
        key = (id(cands), bisect_left(self.limits, n), wide)
        entry = self._words.get(key)
        if entry is not None and entry[0] is cands:
            return entry[1]
        if len(self._words) >= _CACHE_LIMIT:
            self._words.clear()
        found = sorted({w for r, _ in cands if r.requires and (r.max_chars is None or r.max_chars >= n)
                        for w in r.requires})
        other: dict[str, list[str]] = {}
        for w in found if wide else ():
            if not w.isascii():
                other.setdefault(next(c for c in w if not c.isascii()), []).append(w)
        hit = (tuple(w for w in found if w.isascii()), {c: tuple(ws) for c, ws in other.items()})
        self._words[key] = (cands, hit)
        return hit

    def candidates(self, text: str, k: int, total: int) -> Candidates:
        edge = k < self.head or total - k <= self.tail
        # Rule words are mostly ASCII: a non-ASCII start (CJK, Cyrillic...) keys on one character,
        # which keeps the cache small without losing exactness (partial matching decides).
        first = text[:1]
        key = (text[:PREFIX] if first.isascii() else first, edge)
        hit = self._by_prefix.get(key)
        if hit is None:
            pool = self._first_char(first, edge)
            if key[0] != first:  # a longer prefix can only narrow the first character's pool
                narrowed = ((r, r.starters(key[0])) for r, _ in pool)
                pool = tuple((r, fs) for r, fs in narrowed if fs)
            hit = pool
            if len(self._by_prefix) >= _CACHE_LIMIT:
                self._by_prefix.clear()
            self._by_prefix[key] = hit
        return hit

    def _first_char(self, first: str, edge: bool) -> Candidates:
        """Candidates for a first character: the pool a two-character prefix is refined from."""
        key = ("\0" + first, edge)
        hit = self._by_prefix.get(key)
        if hit is None:
            pairs = ((r, r.starters(first)) for r in (self.rules if edge else self.anywhere))
            hit = tuple((r, fs) for r, fs in pairs if fs)
            self._by_prefix[key] = hit
        return hit


# Language packs are tried in the order of their languages' share of web pages, so a line many
# languages print alike ("Foto: ...", "08.04.2015 12:46", "Comentar") is explained by the pack
# most readers expect (German, Spanish), not by whichever file sorts first (Catalan).
LANGUAGE_ORDER = ("en", "es", "de", "ja", "fr", "ru", "pt", "it", "nl", "pl", "tr", "zh", "fa", "vi",
                  "id", "cs", "ko", "uk", "ar", "el", "hu", "sv", "ro", "da", "sk", "fi", "th", "bg",
                  "he", "hi", "no", "sh", "ca")
_RANK = {lang: i for i, lang in enumerate(LANGUAGE_ORDER)}


def _rank(rule: Rule) -> int:
    return _RANK.get(rule.languages[0], len(_RANK)) if rule.languages else -1


@lru_cache(maxsize=64)
def _plan(options: Options) -> RulePlan:
    """Provenance first: an AP copyright line is evidence before it is a footer. Within each
    tier, rules for every language come before a language pack's: an English "(AP) —"
    dateline is explained by the wire-dateline rule, not by the Spanish one that also fits;
    then packs by LANGUAGE_ORDER, each in its own order."""
    rs = load_rules(options.rule_paths, options.bundled)
    active = [r for r in rs.rules if options.enabled(r.code, r.category)]
    ordered = tuple(sorted(active, key=lambda r: (r.category not in PROVENANCE_CATEGORIES, _rank(r))))
    anywhere = tuple(r for r in ordered if r.first is None and r.last is None)
    head = max((r.first or 0 for r in ordered), default=0)
    tail = max((r.last or 0 for r in ordered), default=0)
    limits = tuple(sorted({r.max_chars for r in ordered if r.requires and r.max_chars is not None}))
    return RulePlan(ordered, anywhere, head, tail, limits)


Hit = tuple[Rule, regex.Match] | None


_BULLET = regex.compile(r"^(?:[-*•·▪►]|\d{1,2}[.)])\s+(?=\S)")


def _first_hit(text: str, k: int, total: int, plan: RulePlan) -> Hit:
    """Rules see the line without a list bullet: extractors write widget links as list items.

    The line is searched once for the `requires` words of the rules its length allows (a
    paragraph is longer than most rules accept), and only if such a rule is a candidate.
    """
    text = _BULLET.sub("", text, count=1) if text[:1] in "-*•·▪►0123456789" else text
    n = len(text)
    present: set[str] | None = None
    n_words = -1
    # Rule.search's tests, each done once per line rather than once per rule
    cands = plan.candidates(text, k, total)
    for rule, finders in cands:
        if n < rule.min_chars or (rule.max_chars is not None and n > rule.max_chars):  # Rule.fits, inline
            continue
        if rule.requires:
            if present is None:
                folded = text.casefold()
                plain, by_char = plan.words_for(cands, n, not folded.isascii())
                present = {w for w in plain if w in folded}
                for c in by_char.keys() & set(_NON_ASCII.findall(folded)) if by_char else ():
                    present.update(w for w in by_char[c] if w in folded)
            if present.isdisjoint(rule.requires):
                continue
        if (rule.first is not None or rule.last is not None) and not rule.in_position(k, total):
            continue
        if rule.max_words is not None:
            if n_words < 0:
                n_words = len(text.split())
            if n_words > rule.max_words:
                continue
        for find in finders:
            m = find(text)
            if m:
                return rule, m
    return None


def _rule_round(view: View, plan: RulePlan, memo: dict[int, Hit]) -> None:
    """First matching rule wins for each line still standing.

    A mid-document line only meets position-free rules, so its answer holds in every later
    round: `memo` keeps it. Lines near the edges are asked again, as their windows move.
    """
    total = len(view)
    for k in range(total):
        idx = view.items[k]
        edge = k < plan.head or total - k <= plan.tail
        if not edge and idx in memo:
            hit = memo[idx]
        else:
            hit = _first_hit(view.text(k), k, total, plan)
            if not edge:
                memo[idx] = hit
        if hit is not None:
            rule, m = hit
            groups = {g: v for g, v in m.groupdict().items() if v}
            view.decided[idx] = Decision(rule.code, rule.category, rule.action, rule.message, groups, rule.flags)


def _heuristic_round(view: View, options: Options) -> None:
    for h in HEURISTICS:
        if not options.enabled(h.code, h.category):
            continue
        for k in list(h.fn(view)):
            idx = view.items[k]
            if idx not in view.decided:
                view.decided[idx] = Decision(h.code, h.category, "strip", h.message, from_rule=False)


def decide(lines: list[Line], options: Options) -> dict[int, Decision]:
    """Rounds over the surviving lines until nothing new is stripped (a fixpoint).

    Position limits ("last 15 lines") and neighbour tests see the document as a second pass
    would, so `clean(clean(x)) == clean(x)` holds by construction, not by luck.
    """
    plan = _plan(options)
    decided: dict[int, Decision] = {}
    texts = [ln.stripped for ln in lines]
    items = [i for i, t in enumerate(texts) if t]
    memo: dict[int, Hit] = {}
    keys: dict[int, str] = {}
    while True:  # each further round removes at least one line, so this ends
        view = View(lines, items, texts=texts, keys=keys)
        _rule_round(view, plan, memo)
        _heuristic_round(view, options)
        decided.update(view.decided)
        survivors = [i for i in items if _keeps(view.decided.get(i), options)]
        if len(survivors) == len(items):
            break
        items = survivors
    return decided


def _keeps(d: Decision | None, options: Options) -> bool:
    if d is None or d.action == "flag":
        return True
    return options.keep_provenance and d.category in PROVENANCE_CATEGORIES


def assemble(lines: list[Line], stripped: set[int], original: str) -> str:
    """Drop stripped lines; a gap they leave collapses to at most one blank line.

    Runs of blank lines the stripping did not touch stay as they are, and so does the
    presence or absence of a final newline.
    """
    if not stripped:
        return original
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        if i not in stripped and not lines[i].blank:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < n and (j in stripped or lines[j].blank):
            j += 1
        run = range(i, j)
        if not any(r in stripped for r in run):
            out.extend(lines[r] for r in run)
        elif out and j < n and any(lines[r].blank for r in run):
            out.append(next(lines[r] for r in run if lines[r].blank))
        i = j
    if not out:
        return ""
    eol = next((ln.eol for ln in lines if ln.eol), "\n")
    parts = [ln.text + (ln.eol or eol) for ln in out]
    if not original.endswith("\n"):
        last = out[-1]
        parts[-1] = last.text
    return "".join(parts)


def strip_text(text: str, options: Options | None = None) -> Result:
    """Clean one document. Pure: the same text and options always give the same Result."""
    options = options or DEFAULT_OPTIONS
    lines = split_lines(text)
    decided = decide(lines, options)
    verdicts: list[Verdict] = []
    stripped: set[int] = set()
    counts: dict[str, int] = {}
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        d = decided.get(i)
        if d is None:
            verdicts.append(Verdict(ln.number, ln.start, ln.end, "keep", ln.text))
            continue
        action = "keep" if _keeps(d, options) else "strip"
        if action == "strip":
            stripped.add(i)
            counts[d.category] = counts.get(d.category, 0) + 1
        verdicts.append(Verdict(ln.number, ln.start, ln.end, action, ln.text, d.category, d.code, d.message))
    provenance = build_provenance(lines, decided)
    return Result(assemble(lines, stripped, text), tuple(verdicts), provenance, counts)
