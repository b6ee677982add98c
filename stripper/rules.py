"""Rule packs: TOML data under rules/, validated and compiled once per process."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import regex

from .options import CATEGORIES, PROVENANCE_CATEGORIES
from .patcache import compile_many

ACTIONS = ("strip", "flag")
FLAG_OF_CATEGORY = {"provenance_ai": "ai_generated", "provenance_syndication": "syndicated"}
_ANCHORED = regex.compile(r"^(?:\(\?[aiLmsux]+\))?\^")
_CODE = regex.compile(r"^[A-Z]{2,4}[0-9]{3}$")
_KNOWN_KEYS = {
    "code", "category", "action", "message", "pattern", "patterns", "first", "last",
    "min_chars", "max_chars", "max_words", "flags", "match", "keep", "languages", "note", "requires",
}


class RulePackError(ValueError):
    """A broken pack: which file, which rule, why. Shown to users as one line."""

    def __init__(self, path: Path | str, reason: str, code: str | None = None):
        self.path, self.reason, self.code = str(path), reason, code
        where = f"{self.path}: rule {code}" if code else self.path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Rule:
    code: str
    category: str
    action: str
    message: str
    patterns: tuple[regex.Pattern[str], ...]
    source: str
    first: int | None = None  # within the first N non-blank lines
    last: int | None = None  # within the last N non-blank lines
    min_chars: int = 0
    max_chars: int | None = None
    max_words: int | None = None
    flags: frozenset[str] = frozenset()
    match: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    # casefolded words one of which must occur in the line: a cheap test before the patterns
    requires: tuple[str, ...] = ()
    # pattern.match for ^-anchored patterns (it never scans), pattern.search otherwise
    finders: tuple[Callable[[str], regex.Match[str] | None], ...] = field(default=(), compare=False, repr=False)

    def search(self, line: str, folded: str | None = None,
               finders: tuple[Callable[[str], regex.Match[str] | None], ...] | None = None,
               ) -> regex.Match[str] | None:
        """The line (already stripped of surrounding white space) against limits and patterns.

        `folded` is line.casefold(), passed in when the caller tests many rules on one line;
        `finders` narrows the patterns to those that can start the way the line starts.
        """
        if not self.fits(len(line)):
            return None
        if self.max_words is not None and len(line.split()) > self.max_words:
            return None
        if self.requires:
            low = line.casefold() if folded is None else folded
            if not any(w in low for w in self.requires):
                return None
        for find in self.finders if finders is None else finders:
            m = find(line)
            if m:
                return m
        return None

    def fits(self, n: int) -> bool:
        """A line of n characters is within the rule's length limits."""
        return n >= self.min_chars and (self.max_chars is None or n <= self.max_chars)

    def starters(self, prefix: str) -> tuple[Callable[[str], regex.Match[str] | None], ...]:
        """The patterns that could match a line beginning with `prefix`: exact, via the engine's
        partial matching. Unanchored patterns can match anywhere, so they always qualify."""
        return tuple(find for pat, find in zip(self.patterns, self.finders)
                     if find != pat.match or pat.match(prefix, partial=True) is not None)

    def in_position(self, index: int, total: int) -> bool:
        """index is the 0-based position among non-blank lines; either limit suffices."""
        if self.first is None and self.last is None:
            return True
        if self.first is not None and index < self.first:
            return True
        return self.last is not None and total - index <= self.last

    @property
    def position_text(self) -> str:
        parts = []
        if self.first is not None:
            parts.append(f"first {self.first}")
        if self.last is not None:
            parts.append(f"last {self.last}")
        return " or ".join(parts) + " lines" if parts else "anywhere"


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    files: tuple[str, ...] = field(default=())

    def by_code(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)


_LANGUAGE = regex.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")


def bundled_rules_dir() -> Path:
    """Inside the wheel the packs live at stripper/rules; in a checkout, at the top-level rules/."""
    packaged = Path(str(resources.files("stripper"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def _int_or_none(path: Path, code: str, raw: dict[str, Any], key: str) -> int | None:
    v = raw.get(key)
    if v is None:
        return None
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise RulePackError(path, f"'{key}' must be a non-negative integer, got {v!r}", code)
    return v


def _str_list(path: Path, code: str, raw: dict[str, Any], key: str) -> tuple[str, ...]:
    v = raw.get(key, [])
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise RulePackError(path, f"'{key}' must be a string or a list of strings", code)
    return tuple(v)


def parse_rule(path: Path, raw: dict[str, Any], language: str | None = None,
               compiled: Mapping[str, regex.Pattern[str]] | None = None) -> Rule:
    """compiled: patterns already compiled (from the disk cache), by source."""
    code = raw.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise RulePackError(path, f"rule code {code!r} must look like CAP001 (2-4 capitals, 3 digits)")
    unknown = set(raw) - _KNOWN_KEYS
    if unknown:
        raise RulePackError(path, f"unknown key(s) {', '.join(sorted(unknown))}", code)
    category = raw.get("category")
    if category not in CATEGORIES:
        raise RulePackError(path, f"category {category!r} is not one of {', '.join(CATEGORIES)}", code)
    action = raw.get("action", "strip")
    if action not in ACTIONS:
        raise RulePackError(path, f"action {action!r} must be one of {', '.join(ACTIONS)}", code)
    sources = _pattern_sources(path, code, raw)
    if not sources:
        raise RulePackError(path, "no 'pattern' or 'patterns'", code)
    patterns: list[regex.Pattern[str]] = []
    for src in sources:
        hit = compiled.get(src) if compiled is not None else None
        if hit is not None:
            patterns.append(hit)
            continue
        try:
            patterns.append(regex.compile(src))
        except regex.error as exc:
            raise RulePackError(path, f"pattern {src!r} does not compile: {exc}", code) from None
    flags = set(_str_list(path, code, raw, "flags"))
    if category in FLAG_OF_CATEGORY:
        flags.add(FLAG_OF_CATEGORY[category])
    bad = flags - set(FLAG_OF_CATEGORY.values())
    if bad:
        raise RulePackError(path, f"unknown flag(s) {', '.join(sorted(bad))}", code)
    if action == "flag" and not flags:
        raise RulePackError(path, "action 'flag' needs a provenance category or 'flags'", code)
    match = _str_list(path, code, raw, "match")
    if not match:
        raise RulePackError(path, "every rule needs at least one 'match' example", code)
    keep = _str_list(path, code, raw, "keep")
    if not keep:
        raise RulePackError(path, "every rule needs at least one 'keep' example", code)
    requires = tuple(w.casefold() for w in _str_list(path, code, raw, "requires"))
    if any(not w for w in requires):
        raise RulePackError(path, "'requires' holds an empty word", code)
    message = raw.get("message") or f"{category} line"
    return Rule(
        code=code,
        category=category,
        action=action,
        message=str(message),
        patterns=tuple(patterns),
        finders=tuple(p.match if _ANCHORED.match(p.pattern) else p.search for p in patterns),
        source=str(path),
        first=_int_or_none(path, code, raw, "first"),
        last=_int_or_none(path, code, raw, "last"),
        min_chars=_int_or_none(path, code, raw, "min_chars") or 0,
        max_chars=_int_or_none(path, code, raw, "max_chars"),
        max_words=_int_or_none(path, code, raw, "max_words"),
        flags=frozenset(flags),
        match=match,
        keep=keep,
        # a pack's language unless the rule names its own (languages = [] opts out)
        languages=_str_list(path, code, raw, "languages") if "languages" in raw else ((language,) if language else ()),
        requires=requires,
    )


def load_pack(path: Path) -> list[Rule]:
    raw_rules, language = _read_pack(path)
    return [parse_rule(path, r, language) for r in raw_rules]


def _pattern_sources(path: Path, code: str, raw: dict[str, Any]) -> list[str]:
    return list(_str_list(path, code, raw, "patterns")) + list(_str_list(path, code, raw, "pattern"))


def _sources(path: Path, raw_rules: list[dict[str, Any]]) -> Iterable[str]:
    """Every pattern of a pack, for the compile cache; a malformed rule is left to parse_rule."""
    for raw in raw_rules:
        try:
            yield from _pattern_sources(path, "", raw)
        except RulePackError:
            continue


def _read_pack(path: Path) -> tuple[list[dict[str, Any]], str | None]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulePackError(path, "no such rule pack") from None
    except UnicodeDecodeError as exc:
        raise RulePackError(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(path, f"invalid TOML: {exc}") from None
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not all(isinstance(r, dict) for r in raw_rules):
        raise RulePackError(path, "'rule' must be an array of tables ([[rule]])")
    # A language pack says so once at the top (language = "es"); its rules inherit it.
    language = data.get("language")
    if language is not None and (not isinstance(language, str) or not _LANGUAGE.match(language)):
        raise RulePackError(path, f"'language' must be a language code such as \"es\", not {language!r}")
    unknown = set(data) - {"rule", "language"}
    if unknown:
        raise RulePackError(path, f"unknown top-level key(s) {', '.join(sorted(unknown))}")
    return raw_rules, language


def pack_files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.glob("*.toml")))
        elif p.exists():
            out.append(p)
        else:
            raise RulePackError(p, "no such rule pack file or folder")
    return out


@lru_cache(maxsize=16)
def load_rules(rule_paths: tuple[Path, ...] = (), bundled: bool = True) -> RuleSet:
    """Compiled once per process and per set of pack paths; codes are unique across packs."""
    files = pack_files(([bundled_rules_dir()] if bundled else []) + list(rule_paths))
    packs = [(f, *_read_pack(f)) for f in files]
    compiled = compile_many(src for f, raw_rules, _ in packs for src in _sources(f, raw_rules))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for f, raw_rules, language in packs:
        for rule in (parse_rule(f, r, language, compiled) for r in raw_rules):
            if rule.code in seen:
                raise RulePackError(f, f"duplicate code, already defined in {seen[rule.code]}", rule.code)
            seen[rule.code] = str(f)
            rules.append(rule)
    return RuleSet(tuple(rules), tuple(str(f) for f in files))


def check_examples(rule: Rule) -> list[str]:
    """The semgrep-style self test: every `match` must hit, every `keep` must not."""
    problems = []
    for ex in rule.match:
        if rule.search(ex.strip()) is None:
            problems.append(f"{rule.code}: match example not matched: {ex!r}")
    for ex in rule.keep:
        if rule.search(ex.strip()) is not None:
            problems.append(f"{rule.code}: keep example matched: {ex!r}")
    return problems


__all__ = [
    "ACTIONS", "FLAG_OF_CATEGORY", "PROVENANCE_CATEGORIES", "Rule", "RulePackError", "RuleSet",
    "bundled_rules_dir", "check_examples", "load_pack", "load_rules", "parse_rule",
]
