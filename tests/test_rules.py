"""Rule packs: every bundled example behaves, and broken packs fail loudly with file and code."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from stripper.options import CATEGORIES
from stripper.rules import (RulePackError, bundled_rules_dir, check_examples, load_pack, load_rules,
                            pack_files)

BUNDLED = load_rules().rules


def test_bundled_packs_load_and_are_not_empty() -> None:
    rs = load_rules()
    assert len(rs.rules) >= 20
    assert rs.files and all(f.endswith(".toml") for f in rs.files)
    assert len({r.code for r in rs.rules}) == len(rs.rules)
    assert Path(rs.files[0]).parent == bundled_rules_dir()


@pytest.mark.parametrize("rule", BUNDLED, ids=[r.code for r in BUNDLED])
def test_bundled_rule_match_examples_match(rule) -> None:
    assert rule.match, f"{rule.code} has no match examples"
    for ex in rule.match:
        assert rule.search(ex.strip()) is not None, f"{rule.code} does not match {ex!r}"


@pytest.mark.parametrize("rule", BUNDLED, ids=[r.code for r in BUNDLED])
def test_bundled_rule_keep_examples_do_not_match(rule) -> None:
    assert rule.keep, f"{rule.code} has no keep examples"
    for ex in rule.keep:
        assert rule.search(ex.strip()) is None, f"{rule.code} wrongly matches {ex!r}"


# A keep example that another rule answers for on purpose: (rule with the example, other rule).
# 'Video: Reuters' is kept by the Swedish caption rule because the English one strips it.
HAND_OFFS = {
    ("BYL901", "PSY901"), ("CAP377", "SOC375"), ("CAP378", "CAP004"), ("CAP378", "CAP352"),
    ("CAP378", "CAP452"), ("CAP627", "CAP004"), ("CAP627", "CAP352"), ("CAP627", "CAP402"),
    ("CAP627", "CAP452"), ("CAP627", "CAP657"), ("CAP627", "PSY777"), ("CAP725", "CAP001"),
    ("CAP725", "CAP002"), ("CAP725", "CAP201"), ("CAP725", "CAP401"), ("CAP725", "CAP483"),
    ("CAP725", "CAP535"), ("COM008", "FRM001"), ("PSY019", "PSY002"), ("PSY019", "PSY006"),
    ("PSY735", "CAP735"), ("PSY743", "CAP735"), ("PSY926", "BYL925"),
}


def test_keep_examples_survive_the_rules_of_other_packs() -> None:
    """Every pack runs on every document: a Korean copyright rule must not strip the Korean
    list item another pack keeps, nor a Russian caption rule a Russian sentence. Rules with
    position limits are left out (they depend on where the line stands)."""
    anywhere = [o for o in BUNDLED if o.first is None and o.last is None]
    found = {(r.code, o.code, ex) for r in BUNDLED for ex in r.keep for o in anywhere
             if o is not r and (r.code, o.code) not in HAND_OFFS and o.search(ex.strip()) is not None}
    assert not found


@pytest.mark.parametrize("rule", BUNDLED, ids=[r.code for r in BUNDLED])
def test_bundled_rule_is_well_formed(rule) -> None:
    assert rule.category in CATEGORIES
    assert rule.action in ("strip", "flag")
    assert check_examples(rule) == []
    if rule.category.startswith("provenance_"):
        assert rule.flags, f"{rule.code}: provenance rule without a flag"


# --- a pack written by hand ------------------------------------------------------

GOOD_RULE = """
[[rule]]
code = "TST001"
category = "promo"
message = "test promo"
pattern = '^Buy now$'
match = ["Buy now"]
keep = ["Buy now or never, he said."]
"""


def write(tmp_path: Path, name: str, body: str) -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_good_pack_parses(tmp_path: Path) -> None:
    p = write(tmp_path, "good.toml", GOOD_RULE)
    [rule] = load_pack(p)
    assert rule.code == "TST001" and rule.category == "promo" and rule.action == "strip"
    assert rule.source == str(p)
    assert rule.search("Buy now") and not rule.search("Buy now or never")


def test_user_pack_is_added_to_bundled(tmp_path: Path) -> None:
    p = write(tmp_path, "good.toml", GOOD_RULE)
    rs = load_rules((p,))
    assert rs.by_code("TST001") is not None
    assert rs.by_code("CAP001") is not None
    assert str(p) in rs.files
    only = load_rules((tmp_path,), bundled=False)
    assert [r.code for r in only.rules] == ["TST001"]


def _rule(**over: object) -> str:
    base = {
        "code": '"TST001"', "category": '"promo"', "pattern": "'^Buy now$'",
        "match": '["Buy now"]', "keep": '["Buy later, he said."]',
    }
    base.update({k: v for k, v in over.items() if v is not None})
    lines = ["[[rule]]"] + [f"{k} = {v}" for k, v in base.items() if over.get(k, "") is not None]
    return "\n".join(lines) + "\n"


BROKEN = {
    "unknown_key": (_rule(colour='"red"'), "unknown key"),
    "bad_category": (_rule(category='"weather"'), "category"),
    "bad_action": (_rule(action='"delete"'), "action"),
    "bad_pattern": (_rule(pattern="'^(unclosed'"), "does not compile"),
    "no_pattern": (_rule(pattern=None), "pattern"),
    "no_match": (_rule(match=None), "match"),
    "empty_match": (_rule(match="[]"), "match"),
    "no_keep": (_rule(keep=None), "keep"),
    "bad_first": (_rule(first="-1"), "first"),
    "bad_flag": (_rule(flags='["secret"]'), "flag"),
    "flag_without_flags": (_rule(action='"flag"'), "flag"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_rule_names_file_and_code(tmp_path: Path, case: str) -> None:
    body, reason = BROKEN[case]
    p = write(tmp_path, f"{case}.toml", body)
    with pytest.raises(RulePackError) as ei:
        load_pack(p)
    msg = str(ei.value)
    assert str(p) in msg
    assert "TST001" in msg
    assert reason in msg
    assert ei.value.code == "TST001" and ei.value.path == str(p)
    assert "\n" not in msg


def test_missing_keys_are_removed_from_generated_rule() -> None:
    # guard for the helper above: None really drops the key
    assert "match" not in _rule(match=None)
    assert "keep = " in _rule(match=None)


def test_invalid_toml_names_file(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.toml", '[[rule]]\ncode = "TST001\n')
    with pytest.raises(RulePackError) as ei:
        load_pack(p)
    assert str(p) in str(ei.value) and "invalid TOML" in str(ei.value)


@pytest.mark.parametrize("code", ["cap001", "CAP01", "CAPTION001", "C001", "", "12345"])
def test_bad_code_names_file_and_code(tmp_path: Path, code: str) -> None:
    p = write(tmp_path, "code.toml", _rule(code=f'"{code}"'))
    with pytest.raises(RulePackError) as ei:
        load_pack(p)
    msg = str(ei.value)
    assert str(p) in msg and repr(code) in msg and "CAP001" in msg


def test_rule_table_must_be_array(tmp_path: Path) -> None:
    p = write(tmp_path, "t.toml", '[rule]\ncode = "TST001"\n')
    with pytest.raises(RulePackError, match="array of tables"):
        load_pack(p)


def test_language_pack_rules_inherit_its_language(tmp_path: Path) -> None:
    p = write(tmp_path, "es.toml", 'language = "es"\n' + GOOD_RULE)
    [rule] = load_pack(p)
    assert rule.languages == ("es",)
    bundled = {r.code: r for r in load_rules().rules}
    assert bundled["PSY403"].languages == ("es",) and bundled["PSY005"].languages == ()


def test_a_rule_can_opt_out_of_its_packs_language(tmp_path: Path) -> None:
    p = write(tmp_path, "es.toml", 'language = "es"\n' + GOOD_RULE.replace('category = "promo"', 'category = "promo"\nlanguages = []'))
    [rule] = load_pack(p)
    assert rule.languages == ()


@pytest.mark.parametrize("top, problem", [
    ('language = 3', "language code"),
    ('language = "Spanish"', "language code"),
    ('lang = "es"', r"unknown top-level key\(s\) lang"),
])
def test_bad_pack_level_keys_name_the_file(tmp_path: Path, top: str, problem: str) -> None:
    p = write(tmp_path, "x.toml", top + "\n" + GOOD_RULE)
    with pytest.raises(RulePackError, match=problem) as ei:
        load_pack(p)
    assert str(p) in str(ei.value)


def test_not_utf8_pack(tmp_path: Path) -> None:
    p = tmp_path / "latin1.toml"
    p.write_bytes(_rule(message='"caf\xe9"').encode("latin-1"))
    with pytest.raises(RulePackError, match="not UTF-8") as ei:
        load_pack(p)
    assert str(p) in str(ei.value)


def test_duplicate_code_across_packs(tmp_path: Path) -> None:
    a = write(tmp_path, "a.toml", _rule())
    b = write(tmp_path, "b.toml", _rule(message='"again"'))
    with pytest.raises(RulePackError) as ei:
        load_rules((tmp_path,), bundled=False)
    msg = str(ei.value)
    assert "TST001" in msg and str(b) in msg and str(a) in msg and "duplicate" in msg


def test_duplicate_of_bundled_code(tmp_path: Path) -> None:
    p = write(tmp_path, "dup.toml", _rule(code='"CAP001"', category='"caption"'))
    with pytest.raises(RulePackError) as ei:
        load_rules((p,))
    assert "CAP001" in str(ei.value) and str(p) in str(ei.value)


def test_missing_pack_path(tmp_path: Path) -> None:
    with pytest.raises(RulePackError) as ei:
        pack_files([tmp_path / "nope.toml"])
    assert "nope.toml" in str(ei.value)


def test_check_examples_reports_failures(tmp_path: Path) -> None:
    p = write(tmp_path, "f.toml", _rule(match='["Buy now", "Buy soon"]', keep='["Buy now"]'))
    [rule] = load_pack(p)
    problems = check_examples(rule)
    assert len(problems) == 2
    assert any("not matched" in x and "Buy soon" in x for x in problems)
    assert any("keep example matched" in x for x in problems)


def test_provenance_category_implies_flag(tmp_path: Path) -> None:
    p = write(tmp_path, "p.toml", _rule(category='"provenance_ai"'))
    [rule] = load_pack(p)
    assert rule.flags == frozenset({"ai_generated"})


def test_limits_and_position() -> None:
    rs = load_rules()
    byl = rs.by_code("BYL001")  # first 6 or last 3, max 14 words
    assert byl.in_position(0, 100) and byl.in_position(5, 100)
    assert not byl.in_position(6, 100)
    assert byl.in_position(97, 100) and not byl.in_position(96, 100)
    assert byl.search("By " + " ".join(["Name"] * 20)) is None
    anywhere = rs.by_code("CAP001")
    assert anywhere.in_position(50, 100) and anywhere.position_text == "anywhere"
    assert byl.position_text == "first 6 or last 3 lines"
