"""Heuristics that need context, each a small function with its own code and category.

Every heuristic sees a View of the lines still standing and yields the positions it
would strip. Lines already decided by a rule pack are never overridden: rules are
precise, heuristics fill in what only context shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

import regex

from .lines import Line, dominant_script, looks_like_sentence, normalize, script_counts, words


@dataclass
class Decision:
    code: str
    category: str
    action: str  # "strip" or "flag"
    message: str
    groups: dict[str, str] = field(default_factory=dict)
    flags: frozenset[str] = frozenset()
    from_rule: bool = True


@dataclass
class View:
    """Non-blank lines still standing in this round, with the decisions made so far."""

    lines: list[Line]
    items: list[int]  # indices into lines
    decided: dict[int, Decision] = field(default_factory=dict)
    texts: list[str] | None = None  # lines[i].stripped for every i, computed once per document
    keys: dict[int, str] = field(default_factory=dict)  # normalize() per line, kept across rounds

    def __post_init__(self) -> None:
        if self.texts is None:
            self.texts = [ln.stripped for ln in self.lines]

    def key(self, k: int) -> str:
        """The duplicate-detection key of line k (case, white space, punctuation folded)."""
        idx = self.items[k]
        key = self.keys.get(idx)
        if key is None:
            key = self.keys[idx] = normalize(self.texts[idx])  # type: ignore[index]
        return key

    def __len__(self) -> int:
        return len(self.items)

    def text(self, k: int) -> str:
        return self.texts[self.items[k]]  # type: ignore[index]

    def decision(self, k: int) -> Decision | None:
        return self.decided.get(self.items[k])

    def free(self, k: int) -> bool:
        return self.items[k] not in self.decided

    def words_before(self, end: int) -> int:
        """Words on the lines above line `end`: is there an article above a footer or a thread?"""
        return sum(len(words(self.text(k))) for k in range(end))


@dataclass(frozen=True)
class Heuristic:
    code: str
    category: str
    message: str
    fn: Callable[[View], Iterator[int]]


HEURISTICS: list[Heuristic] = []


def heuristic(code: str, category: str, message: str):
    def wrap(fn: Callable[[View], Iterator[int]]) -> Callable[[View], Iterator[int]]:
        HEURISTICS.append(Heuristic(code, category, message, fn))
        return fn
    return wrap


# --- residue -----------------------------------------------------------------

_RESIDUE = regex.compile(
    r"""^(?:
        ["'“”„‟‘’«»‹›「」『』]{1,4}              # empty quotes
      | [.:|•·\-–—*#~_…【】〔〕［］]                # one lone mark (not , ; = + / \: code)
      | (?:[-=*_~#•·.]\s?){3,}                  # a separator rule: --- *** ===
    )$""",
    regex.VERBOSE,
)


@heuristic("RES101", "residue", "no words: empty quotes, lone punctuation or a separator")
def residue(view: View) -> Iterator[int]:
    for k in range(len(view)):
        if view.free(k) and _RESIDUE.match(view.text(k)):
            yield k


# A site menu flattened to one line: "Home | Video | World | U.S. | Business". Five or more
# short items (at most four words, opening with a letter, no sentence punctuation), or four
# in the last lines, where footers print them ("Imprint | Privacy | Advertise | Contact"). Tables
# come out of extractors as the same shape, one row per line ("Team | Played | Won | ...",
# or "| a | b |" with a leading pipe, never matched): a row next to another row with as many
# cells is a table, and stays.
_PIPE_ROW = regex.compile(
    r"^\p{L}[\p{L}\p{M}\p{N}&'’.\-/+#()]*+(?:[ \t\u00a0]+[\p{L}\p{M}\p{N}&'’.\-/+#()]++){0,3}"
    r"(?:[ \t\u00a0]*\|[ \t\u00a0]*\p{L}[\p{L}\p{M}\p{N}&'’.\-/+#()]*+(?:[ \t\u00a0]+[\p{L}\p{M}\p{N}&'’.\-/+#()]++){0,3}){3,}"
    r"[ \t\u00a0]*\|?$")


MENU_ITEMS = 5
FOOTER_LINES = 4
FOOTER_AFTER_WORDS = 60


def _cells(text: str) -> int:
    return len(text.strip().strip("|").split("|")) if "|" in text else 0


@heuristic("RES102", "residue", "site navigation row joined by pipes, not part of a table")
def pipe_menu(view: View) -> Iterator[int]:
    n = len(view)
    for k in range(n):
        text = view.text(k)
        if "|" not in text or not view.free(k) or not _PIPE_ROW.match(text):
            continue
        cells = _cells(text)
        if cells < MENU_ITEMS and (k < n - FOOTER_LINES
                                   or view.words_before(k) < FOOTER_AFTER_WORDS):
            continue
        if any(0 <= j < n and _cells(view.text(j)) == cells for j in (k - 1, k + 1)):
            continue
        yield k


# --- forum header --------------------------------------------------------------

_RANK = regex.compile(
    r"""^(?:
        (?:(?:new|junior|senior|active|well[- ]known|established|valued|veteran|registered|
            regular|premium|supporting|elite|famous|respected|full|trusted|banned|inactive|
            retired|platinum|gold|silver|bronze|verified|vip|legendary|honored|honoured)\s+)
        (?:member|user|poster|contributor|participant)
      | member|moderator|super\s+moderator|global\s+moderator|administrator|admin|
        staff(?:\s+member)?|site\s+(?:admin|staff)|forum\s+(?:admin|moderator|veteran)|
        newbie|lurker|neues\s+mitglied|mitglied|aktives\s+mitglied|bekanntes\s+mitglied|
        nouveau\s+membre|membre(?:\s+actif)?|nuevo\s+miembro|miembro(?:\s+activo)?|
        nuovo\s+utente|utente(?:\s+attivo|\s+registrato)?|membro(?:\s+attivo|\s+novo|\s+ativo)?|
        novo\s+membro|moderatore|amministratore|moderador|administrador|
        nieuw\s+lid|actief\s+lid|lid|beheerder|moderatie
    )$""",
    regex.VERBOSE | regex.IGNORECASE,
)
_STAT_LABELS = (
    r"joined|messages|posts|reaction\s+score|likes(?:\s+received)?|points|trophy\s+points|"
    r"member\s+since|registered|location|beiträge|dabei\s+seit|registriert|messages?\s+postés?|"
    r"inscrit|mensajes|registrado|messaggi|iscritto(?:\s+il)?|località|mensagens|"
    r"membro\s+desde|berichten|lid\s+sinds|geregistreerd|woonplaats"
)
_BULLET = r"(?:[-•*·]\s+)?"
_STAT = regex.compile(
    rf"^{_BULLET}(?:{_STAT_LABELS})\s*:?\s*[\p{{L}}\p{{N}}][\p{{L}}\p{{N}} ,./-]{{0,30}}$", regex.IGNORECASE)
# XenForo and Discourse print the member card as a definition list, which an extractor
# turns into one line per term and one per value: "- Joined" / "- Jan 4, 2023".
_STAT_LABEL = regex.compile(rf"^{_BULLET}(?:{_STAT_LABELS})\s*:?$", regex.IGNORECASE)
_STAT_VALUE = regex.compile(rf"^{_BULLET}[\p{{L}}\p{{N}}][\p{{L}}\p{{N}} ,.'/-]{{0,30}}$")
_HANDLE = regex.compile(r"^@?[\p{L}\p{N}_.\-]{2,32}(?: [\p{L}\p{N}_.\-]{1,20}){0,2}$")


def _handle_like(s: str) -> bool:
    return bool(_HANDLE.match(s)) and not looks_like_sentence(s)


def _forum_handle(s: str) -> bool:
    """One token, or one with digits or an underscore: a user name, not a person's name."""
    s = s.lstrip("@")
    return " " not in s or any(c.isdigit() or c == "_" for c in s)


@heuristic("FRM101", "forum_header", "forum post header: user name, member rank, join and post counts")
def forum_header(view: View) -> Iterator[int]:
    n = len(view)
    for k in range(n):
        if not (view.free(k) and _RANK.match(view.text(k))):
            continue
        block = [k]
        name = k > 0 and view.free(k - 1) and _handle_like(view.text(k - 1))
        if name:
            block.insert(0, k - 1)
        j = k + 1
        while j < n and view.free(j):
            if (j + 1 < n and view.free(j + 1) and _STAT_LABEL.match(view.text(j))
                    and _STAT_VALUE.match(view.text(j + 1))):
                block += [j, j + 1]
                j += 2
            elif _STAT.match(view.text(j)):
                block.append(j)
                j += 1
            else:
                break
        # Without join or post counts below, a rank under a name is a header only when the
        # name is a forum handle: "Piet Jansen / Lid" lists a board member, "kaaskop77 / Lid"
        # heads a post.
        if j > k + 1 or (name and _forum_handle(view.text(k - 1))):
            yield from block


# --- masthead -----------------------------------------------------------------

_BREADCRUMB = regex.compile(r"^[\p{L}\p{N}&' .-]{2,30}(?:\s*[>|/»›:]\s*[\p{L}\p{N}&' .-]{2,30}){1,3}$")
_SINGLE_LABEL = regex.compile(r"^(?:\p{Lu}[\p{L}\p{N}&'.-]{1,24}|\p{Lu}{2,}(?:\s+\p{Lu}{2,}){0,2})$")


def _headline_like(s: str) -> bool:
    n = len(words(s))
    return 4 <= n <= 30 and not s.rstrip().endswith((".", ";", ","))


@heuristic("MAS101", "masthead", "section label or site name above the headline")
def masthead(view: View) -> Iterator[int]:
    if len(view) < 3 or not view.free(0) or not view.free(1):
        return
    label, head = view.text(0), view.text(1)
    if len(label) > 40 or looks_like_sentence(label) or not _headline_like(head):
        return
    # label, headline, then body: a heading above a list of short items is document structure
    if len(words(view.text(2))) < 12:
        return
    if _SINGLE_LABEL.match(label) or _BREADCRUMB.match(label):
        yield 0


# --- captions by context ------------------------------------------------------------

_NON_LATIN_LETTER = regex.compile(r"[^\P{L}\p{Latin}]")


@heuristic("CAP103", "caption", "line in another script than the document, not a sentence")
def other_script(view: View) -> Iterator[int]:
    if not any(_NON_LATIN_LETTER.search(view.text(k)) for k in range(len(view))):
        return
    counts: dict[str, int] = {}
    per_line = []
    for k in range(len(view)):
        c = script_counts(view.text(k))
        per_line.append(c)
        for sc, v in c.items():
            counts[sc] = counts.get(sc, 0) + v
    doc_script, share = dominant_script(counts)
    total = sum(counts.values())
    if doc_script is None or share < 0.8 or total < 200:
        return
    for k, c in enumerate(per_line):
        if not view.free(k) or sum(c.values()) < 3:
            continue
        sc, line_share = dominant_script(c)
        # Latin is everywhere (names, code, brands) and never marks a caption on its own.
        if sc in (doc_script, "Latin") or line_share < 0.6:
            continue
        text = view.text(k)
        if (len(text) <= 200 and not looks_like_sentence(text) and not _INNER_SENTENCE.search(text)
                and counts[sc] <= 0.15 * total):
            yield k


# A sentence ending inside the line: prose hard-wrapped mid-sentence ("...参加しませんか？今のところ"),
# which a caption, a name or a label never is.
_INNER_SENTENCE = regex.compile(r"\p{L}{2}[.!?。！？]+[\"'”’»)」』]*\s*\p{L}")


_CODE_CHARS = regex.compile(r"[{}\[\]<>;=$`]|^\s{2,}|^\t|\w\(|::|->|=>")


def code_like(raw: str) -> bool:
    """Indented or bracket-heavy lines are code or preformatted output, never boilerplate."""
    return bool(_CODE_CHARS.search(raw))


def _short_non_sentence(s: str, max_words: int = 20) -> bool:
    return 0 < len(words(s)) <= max_words and len(s) <= 160 and not looks_like_sentence(s)


def _credit_below(view: View, k: int) -> bool:
    d = view.decision(k + 1) if k + 1 < len(view) else None
    return d is not None and d.category == "caption" and d.from_rule


@heuristic("CAP101", "caption", "short non-sentence line right above a photo credit")
def caption_above_credit(view: View) -> Iterator[int]:
    """In a document with section headings, a heading can sit right above an image credit:
    there the line also needs caption context above it (a gallery label, another caption)."""
    # The first line stays: a headline sits right above the lead picture's credit when the
    # picture has no caption, and a page rarely opens with a caption.
    candidates = [k for k in range(1, len(view) - 1)
                  if view.free(k) and _credit_below(view, k) and _short_non_sentence(view.text(k))]
    if not candidates:
        return
    headings = sum(1 for k in range(2, len(view)) if view.free(k) and not _credit_below(view, k)
                   and _short_non_sentence(view.text(k), 12))
    for k in candidates:
        above = view.decision(k - 1) if k > 0 else None
        if headings < 2 or (above is not None and above.category == "caption"):
            yield k


@heuristic("CAP102", "caption", "short non-sentence line printed twice in a row")
def printed_twice(view: View) -> Iterator[int]:
    for k in range(1, len(view)):
        text, prev = view.text(k), view.text(k - 1)
        if not view.free(k) or abs(len(text) - len(prev)) > 8 or len(text) > 160:
            continue
        key = view.key(k)
        # the same text, not only the same key: "Lots and lots of changes" then "LOTS AND
        # LOTS of changes" is a joke of the writer's, a caption is printed alike twice
        if (key and key == view.key(k - 1) and text == prev and _short_non_sentence(text, 30)
                and not code_like(view.lines[view.items[k]].text)):
            yield k


# --- duplicates ---------------------------------------------------------------

DUP_MIN_WORDS = 10


@heuristic("DUP001", "duplicate", "paragraph repeated from earlier in the document (first copy kept)")
def duplicate_paragraphs(view: View) -> Iterator[int]:
    """Prose only: repeated headings (a table of contents), code and tool output are structure."""
    seen: set[str] = set()
    for k in range(len(view)):
        text = view.text(k)
        if len(text) < 4 * DUP_MIN_WORDS or not looks_like_sentence(text):
            continue
        key = view.key(k)
        if key.count(" ") + 1 < DUP_MIN_WORDS:
            continue
        if key in seen:
            if view.free(k) and not code_like(view.lines[view.items[k]].text):
                yield k
        else:
            seen.add(key)
