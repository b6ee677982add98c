"""Line splitting with code-point offsets, and the small text measures heuristics share."""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_SENTENCE_END = regex.compile(r"[.!?。！？…:;][\"'”’»)\]]*\s*$")


@dataclass(frozen=True)
class Line:
    """One physical line. text excludes the terminator; eol is "\\n", "\\r\\n" or ""."""

    number: int  # 1-based
    start: int
    end: int
    text: str
    eol: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Split on \\n only (not str.splitlines) so U+2028, form feeds and the like stay inside a line."""
    out: list[Line] = []
    pos = 0
    n = len(text)
    number = 0
    while pos < n:
        nl = text.find("\n", pos)
        number += 1
        if nl < 0:
            out.append(Line(number, pos, n, text[pos:n], ""))
            break
        end = nl
        eol = "\n"
        if end > pos and text[end - 1] == "\r":
            end -= 1
            eol = "\r\n"
        out.append(Line(number, pos, end, text[pos:end], eol))
        pos = nl + 1
    return out


def normalize(s: str) -> str:
    """Case, white space and punctuation folded away: the key for duplicate detection."""
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
    s = s.casefold()
    return _NON_WORD.sub(" ", s).strip()


def words(s: str) -> list[str]:
    return _WORD.findall(s)


def looks_like_sentence(s: str) -> bool:
    """A line ending like prose: terminal punctuation, possibly inside closing quotes."""
    return bool(_SENTENCE_END.search(s))


@lru_cache(maxsize=4096)
def _char_script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "Unknown"
    head = name.split(" ", 1)[0]
    if head in {"CJK", "HIRAGANA", "KATAKANA"}:
        return "Cjk"  # Japanese mixes kanji and kana in every sentence: one family
    if head == "FULLWIDTH":
        return "Latin"
    return head.title()


_NON_LETTER = regex.compile(r"\P{L}+")


def script_counts(s: str) -> dict[str, int]:
    """Letters counted per script (Latin, Hebrew, Cyrillic, ...), from the Unicode name."""
    letters = _NON_LETTER.sub("", s)
    if letters.isascii():
        return {"Latin": len(letters)} if letters else {}
    counts: dict[str, int] = {}
    for ch, n in Counter(letters).items():
        sc = _char_script(ch)
        counts[sc] = counts.get(sc, 0) + n
    return counts


def dominant_script(counts: dict[str, int]) -> tuple[str | None, float]:
    total = sum(counts.values())
    if not total:
        return None, 0.0
    sc, n = max(counts.items(), key=lambda kv: kv[1])
    return sc, n / total
