"""strip_text: offsets, line endings, blank lines, select/ignore, counts, purity."""
from __future__ import annotations

import pytest

from stripper import Options, strip_text
from stripper.pipeline import assemble
from stripper.lines import split_lines

B = [
    "The minister said on Monday that the talks would resume next week in Geneva after a long pause.",
    "Officials from both countries have met several times this year without reaching any agreement.",
    "Analysts expect the negotiations to focus on trade, border security and the fate of prisoners.",
    "The opposition called the plan reckless and promised to fight it in parliament next month.",
]
CREDIT = "Photo: Reuters"
PROMO = "Read more: Inside the DMZ"


def test_untouched_text_is_returned_identical() -> None:
    for text in ["\n".join(B), "\r\n".join(B) + "\r\n", B[0] + "\n\n\n\n" + B[1] + "\n\n", "  " + B[0]]:
        res = strip_text(text)
        assert res.text is text or res.text == text
        assert not res.changed and res.counts == {} and res.stripped == ()


def test_offsets_are_code_points_end_exclusive_after_non_bmp() -> None:
    text = "😀🎉 " + B[0] + "\n\n𝔘𝔫𝔦𝔠𝔬𝔡𝔢 " + B[1] + "\r\n" + CREDIT + "\r\n  " + B[2] + "  \n🇰🇷"
    res = strip_text(text)
    assert [v.line for v in res.verdicts] == [1, 3, 4, 5, 6]
    for v in res.verdicts:
        assert text[v.start:v.end] == v.text
        assert "\n" not in v.text and "\r" not in v.text
    credit = next(v for v in res.verdicts if v.text == CREDIT)
    assert credit.start == text.index(CREDIT) and credit.end == credit.start + len(CREDIT)
    assert credit.stripped and credit.rule == "CAP001"
    assert res.verdicts[-1].text == "🇰🇷" and res.verdicts[-1].end == len(text)


def test_verdicts_cover_every_non_blank_line() -> None:
    text = "\n".join([B[0], "", "   ", CREDIT, B[1], "\t"])
    res = strip_text(text)
    assert [v.line for v in res.verdicts] == [1, 4, 5]
    assert [v.action for v in res.verdicts] == ["keep", "strip", "keep"]


def test_crlf_preserved() -> None:
    text = "\r\n".join([B[0], CREDIT, B[1], "", PROMO, "", B[2]]) + "\r\n"
    out = strip_text(text).text
    assert out == B[0] + "\r\n" + B[1] + "\r\n\r\n" + B[2] + "\r\n"


def test_mixed_endings_kept_per_line() -> None:
    text = B[0] + "\r\n" + CREDIT + "\n" + B[1] + "\n" + B[2] + "\r\n"
    assert strip_text(text).text == B[0] + "\r\n" + B[1] + "\n" + B[2] + "\r\n"


@pytest.mark.parametrize("final", ["", "\n", "\r\n"])
def test_final_newline_presence_preserved(final: str) -> None:
    eol = "\r\n" if final == "\r\n" else "\n"
    text = eol.join([B[0], CREDIT, B[1]]) + final
    assert strip_text(text).text == B[0] + eol + B[1] + final


@pytest.mark.parametrize("final", ["", "\n"])
def test_final_newline_when_last_line_is_stripped(final: str) -> None:
    text = "\n".join([B[0], B[1], CREDIT]) + final
    assert strip_text(text).text == B[0] + "\n" + B[1] + final


def test_blank_lines_collapse_only_where_lines_were_removed() -> None:
    text = "\n".join([B[0], "", "", "", CREDIT, "", "", B[1], "", "", "", B[2], "", PROMO, B[3]]) + "\n"
    out = strip_text(text).text
    assert out == "\n".join([B[0], "", B[1], "", "", "", B[2], "", B[3]]) + "\n"


def test_removed_line_without_blank_neighbours_leaves_no_gap() -> None:
    text = "\n".join([B[0], CREDIT, B[1]])
    assert strip_text(text).text == B[0] + "\n" + B[1]


def test_leading_and_trailing_removals_leave_no_blank_edges() -> None:
    text = "\n".join(["", "Photo: AP", "", B[0], B[1], "", CREDIT, "", ""]) + "\n"
    assert strip_text(text).text == B[0] + "\n" + B[1] + "\n"


def test_everything_stripped_gives_empty_text() -> None:
    res = strip_text(CREDIT + "\n\n" + PROMO + "\n")
    assert res.text == "" and res.counts == {"caption": 1, "promo": 1}


def test_counts_per_category() -> None:
    text = "\n".join([B[0], CREDIT, "Picture: Getty Images", PROMO, B[1], B[0], B[2], '""',
                      "Sources: AP, AFP"])
    res = strip_text(text)
    assert res.counts == {"caption": 2, "promo": 1, "duplicate": 1, "residue": 1,
                          "provenance_syndication": 1}
    assert sum(res.counts.values()) == len(res.stripped) == 6


def test_result_to_dict_lists_touched_lines() -> None:
    text = "\n".join([B[0], CREDIT, B[1]])
    d = strip_text(text).to_dict("x.txt")
    assert d["path"] == "x.txt" and d["counts"] == {"caption": 1}
    [line] = d["lines"]
    assert {k: line[k] for k in ("line", "action", "category", "rule", "text")} == {
        "line": 2, "action": "strip", "category": "caption", "rule": "CAP001", "text": CREDIT}
    assert text[line["start"]:line["end"]] == CREDIT
    assert len(strip_text(text).to_dict(all_lines=True)["lines"]) == 3


SELECT_DOC = "\n".join([B[0], CREDIT, "1 View gallery", PROMO, B[1], B[0], B[2]])


def _stripped_rules(opts: Options) -> set[str]:
    return {v.rule for v in strip_text(SELECT_DOC, opts).stripped}


@pytest.mark.parametrize("opts,want", [
    (Options(), {"CAP001", "CAP003", "PRO001", "DUP001"}),
    (Options(select=frozenset({"CAP001"})), {"CAP001"}),
    (Options(select=frozenset({"CAP"})), {"CAP001", "CAP003"}),
    (Options(select=frozenset({"caption"})), {"CAP001", "CAP003"}),
    (Options(select=frozenset({"promo", "DUP"})), {"PRO001", "DUP001"}),
    (Options(ignore=frozenset({"CAP"})), {"PRO001", "DUP001"}),
    (Options(ignore=frozenset({"caption", "duplicate"})), {"PRO001"}),
    (Options(select=frozenset({"caption"}), ignore=frozenset({"CAP003"})), {"CAP001"}),
    (Options(select=frozenset({"NOPE"})), set()),
])
def test_select_and_ignore(opts: Options, want: set[str]) -> None:
    assert _stripped_rules(opts) == want


def test_ignored_rule_lets_next_rule_decide() -> None:
    # CAP001 off: the same credit is still a caption by another caption rule
    res = strip_text("\n".join([B[0], CREDIT, B[1]]), Options(ignore=frozenset({"CAP001"})))
    [v] = res.stripped
    assert v.rule != "CAP001" and v.category == "caption"


def test_position_limits_count_non_blank_lines() -> None:
    byline = "By Jane Smith"
    top = "\n\n\n".join([byline, *B])
    assert [v.rule for v in strip_text(top).stripped] == ["BYL001"]
    middle = "\n".join([*B, B[0] + " Again.", B[1] + " Again.", "", byline, *[b + " More." for b in B]])
    assert strip_text(middle).stripped == ()


def test_provenance_rules_win_over_footer() -> None:
    line = "Copyright 2025 The Associated Press. All rights reserved."
    res = strip_text("\n".join([*B, line]))
    [v] = res.stripped
    assert v.category == "provenance_syndication" and res.provenance.syndicated


def test_rules_for_every_language_win_over_a_language_packs() -> None:
    """es.toml sorts before provenance_syndication.toml; the verdict must still name the
    general wire-dateline rule, whose message fits an English dateline."""
    line = "MOSCOW (AP) — An unmanned Russian cargo ship heading to the space station is off course."
    res = strip_text("\n".join([line, *B]))
    assert [v.rule for v in res.verdicts if v.rule] == ["PSY005"]
    res = strip_text("\n".join(["MADRID, 3 May. (EUROPA PRESS) - El Congreso ha aprobado la ley.", *B]))
    assert [v.rule for v in res.verdicts if v.rule] == ["PSY403"]
    # a Spanish dateline the general rule also covers is credited to it; the flag is the same
    res = strip_text("\n".join(["Madrid, 3 may (EFE).- El Gobierno aprobó este martes la reforma.", *B]))
    assert [(v.rule, v.action) for v in res.verdicts if v.rule] == [("PSY005", "keep")]
    assert res.provenance.syndicated


def test_pure_same_input_same_result() -> None:
    text = "\n".join([B[0], CREDIT, B[1], B[0]])
    assert strip_text(text) == strip_text(text)


def test_rounds_reach_lines_pulled_into_a_position_window() -> None:
    # contact lines are only looked for in the last 6 lines (FTR002); after the first
    # round strips those, earlier ones fall into the window.
    tail = [f"Contact: desk{i}@example.com" for i in range(8)]
    text = "\n".join([*B, *tail]) + "\n"
    once = strip_text(text).text
    assert once == "\n".join(B) + "\n"


def test_second_pass_changes_nothing_with_long_footer() -> None:
    tail = [f"Contact: desk{i}@example.com" for i in range(40)]  # many "last 6" windows deep
    once = strip_text("\n".join([*B, *tail]) + "\n").text
    assert strip_text(once).text == once


def test_assemble_without_removals_is_identity() -> None:
    text = "a\r\n\r\n\r\nb\n"
    assert assemble(split_lines(text), set(), text) is text


def test_required_words_outside_ascii_still_admit_their_lines(tmp_path) -> None:
    """Non-ASCII `requires` words are skipped for ASCII lines only: a line that holds one must
    still reach the rule, and an ASCII line the same pattern would fit must not."""
    (tmp_path / "x.toml").write_text(
        '[[rule]]\ncode = "RES990"\ncategory = "residue"\nrequires = ["版权", "copy"]\n'
        "patterns = ['''^(?:版权|copy)(?:所有|right)?\\b.{0,30}$''']\n"
        'match = ["版权所有 2024", "copyright 2024"]\nkeep = ["版面"]\n', encoding="utf-8")
    opts = Options(rule_paths=(tmp_path,), bundled=False)
    res = strip_text("\n".join([B[0], "版权所有 2024 新华网", B[1], "copyright 2024 Example"]) + "\n", opts)
    assert [v.text for v in res.stripped] == ["版权所有 2024 新华网", "copyright 2024 Example"]


def test_bare_comments_heading_kept_inside_the_story_stripped_at_the_foot() -> None:
    """"Comments" heads the public-comment part of a story on a draft law; the same word in
    the last lines is the comment widget's title."""
    story = ["Comments"] + [f"{B[k % len(B)]} ({k})" for k in range(7)]
    res = strip_text("\n".join(B[:2] + story))
    assert not res.changed
    res = strip_text("\n".join(B + ["Comments"]))
    assert [(v.action, v.rule) for v in res.verdicts if v.text == "Comments"] == [("strip", "COM009")]


def test_plan_words_for_a_line_length() -> None:
    """Only the words of candidate rules that accept a line this long, and no non-ASCII word
    for an ASCII line: the same answer for every length between two rule limits. Non-ASCII
    words come keyed by their first non-ASCII character."""
    from types import SimpleNamespace

    from stripper.pipeline import RulePlan
    rules = [SimpleNamespace(max_chars=80, requires=("photo",)),
             SimpleNamespace(max_chars=300, requires=("reuters", "фото", "ξένα")),
             SimpleNamespace(max_chars=None, requires=("(ap)", "foto©")),
             SimpleNamespace(max_chars=None, requires=())]
    plan = RulePlan((), (), 0, 0, limits=(80, 300))
    cands = tuple((r, ()) for r in rules)
    assert plan.words_for(cands, 50, False) == (("(ap)", "photo", "reuters"), {})
    assert plan.words_for(cands, 80, True) == (("(ap)", "photo", "reuters"), {"©": ("foto©",), "ф": ("фото",), "ξ": ("ξένα",)})
    assert plan.words_for(cands, 81, False) == (("(ap)", "reuters"), {})
    assert plan.words_for(cands, 299, True) == (("(ap)", "reuters"), {"©": ("foto©",), "ф": ("фото",), "ξ": ("ξένα",)})
    assert plan.words_for(cands, 301, True) == (("(ap)",), {"©": ("foto©",)})
    # a line is searched only for the words of the rules that can start the way it starts
    assert plan.words_for(cands[:1], 50, True) == (("photo",), {})


def test_a_line_is_searched_only_for_words_in_its_own_script() -> None:
    """The Greek word is not looked for in a Cyrillic line, and a rule still sees its word."""
    from stripper import strip_text
    art = "\n".join(f"Абзац {i}: рада ухвалила рішення про ремонт мосту в понеділок." for i in range(8))
    res = strip_text(f"{art}\nΦωτογραφία: Reuters\nФото: Reuters\n")
    assert [v.text for v in res.stripped][-2:] == ["Φωτογραφία: Reuters", "Фото: Reuters"]


def test_language_packs_are_tried_in_language_order() -> None:
    """A line many languages print alike is explained by the pack most readers expect, and a
    new pack for a smaller language never takes over the lines an older pack explained."""
    from stripper.pipeline import _RANK, _plan
    from stripper.options import DEFAULT_OPTIONS, PROVENANCE_CATEGORIES
    plan = _plan(DEFAULT_OPTIONS)
    for tier in (True, False):
        ranks = [_RANK.get(r.languages[0], len(_RANK)) if r.languages else -1
                 for r in plan.rules if (r.category in PROVENANCE_CATEGORIES) is tier]
        assert ranks == sorted(ranks)
    langs = {r.languages[0] for r in plan.rules if r.languages}
    assert langs <= set(_RANK), langs - set(_RANK)  # every bundled pack has its place
