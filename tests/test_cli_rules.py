"""`stripper rules list | show | test`."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from stripper.cli import main
from stripper.heuristics import HEURISTICS
from stripper.rules import load_rules

GOOD = """
[[rule]]
code = "TST001"
category = "promo"
pattern = '^Buy now$'
match = ["Buy now"]
keep = ["Buy now or never, he said."]
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_list_shows_every_rule_and_heuristic() -> None:
    res = run("rules", "list")
    assert res.exit_code == 0
    listed = [ln.split()[0] for ln in res.stdout.splitlines()]
    want = {r.code for r in load_rules().rules} | {h.code for h in HEURISTICS}
    assert set(listed) == want and len(listed) == len(want)
    assert listed == sorted(listed)
    row = next(ln for ln in res.stdout.splitlines() if ln.startswith("DUP001"))
    assert "duplicate" in row and "context (code)" in row
    row = next(ln for ln in res.stdout.splitlines() if ln.startswith("BYL001"))
    assert "first 6 or last 3 lines" in row


def test_list_by_category() -> None:
    res = run("rules", "list", "--category", "caption")
    codes = [ln.split()[0] for ln in res.stdout.splitlines()]
    assert "CAP001" in codes and "CAP103" in codes and "PRO001" not in codes
    assert all(ln.split()[1] == "caption" for ln in res.stdout.splitlines())


def test_show_rule() -> None:
    res = run("rules", "show", "cap001")
    assert res.exit_code == 0
    rule = load_rules().by_code("CAP001")
    assert res.stdout.startswith("CAP001  caption  action=strip")
    assert f"pack: {rule.source}" in res.stdout
    for ex in rule.match:
        assert f"match:   {ex}" in res.stdout
    for ex in rule.keep:
        assert f"keep:    {ex}" in res.stdout
    assert res.stdout.count("pattern: ") == len(rule.patterns)


def test_show_flag_rule() -> None:
    res = run("rules", "show", "PSY005")
    assert res.exit_code == 0 and "action=flag" in res.stdout and "flags=syndicated" in res.stdout
    assert "position: first 4 lines" in res.stdout


def test_show_heuristic() -> None:
    res = run("rules", "show", "DUP001")
    assert res.exit_code == 0
    assert "DUP001  duplicate  (heuristic in code: stripper.heuristics.duplicate_paragraphs)" in res.stdout
    assert "first copy kept" in res.stdout


def test_show_unknown_code() -> None:
    res = run("rules", "show", "ZZZ999")
    assert res.exit_code == 2
    assert res.stderr.strip() == "stripper: error: no rule 'ZZZ999'"
    assert res.stdout == ""


def test_test_bundled_packs_pass() -> None:
    res = run("rules", "test")
    assert res.exit_code == 0, res.stdout
    rs = load_rules()
    assert f"{len(rs.rules)} rules" in res.stdout and "all pass" in res.stdout
    assert f"in {len(rs.files)} pack(s)" in res.stdout


def test_test_dir_with_good_pack(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(GOOD, encoding="utf-8")
    res = run("rules", "test", str(tmp_path))
    assert res.exit_code == 0
    assert res.stdout.strip() == "1 rules, 2 examples in 1 pack(s): all pass"


def test_test_dir_with_failing_example(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.toml").write_text(GOOD.replace("TST001", "TST002").replace(
        'match = ["Buy now"]', 'match = ["Buy now", "Buy today"]'), encoding="utf-8")
    res = run("rules", "test", str(tmp_path))
    assert res.exit_code == 1
    assert "TST002: match example not matched: 'Buy today'" in res.stdout
    assert "2 rules, 5 examples in 2 pack(s): 1 failing" in res.stdout


def test_test_single_file(tmp_path: Path) -> None:
    f = tmp_path / "one.toml"
    f.write_text(GOOD.replace('keep = ["Buy now or never, he said."]', 'keep = ["Buy now"]'), encoding="utf-8")
    res = run("rules", "test", str(f))
    assert res.exit_code == 1 and "keep example matched: 'Buy now'" in res.stdout


def test_test_broken_pack(tmp_path: Path) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text(GOOD.replace('pattern = \'^Buy now$\'', 'pattern = \'^(Buy now\''), encoding="utf-8")
    res = run("rules", "test", str(tmp_path))
    assert res.exit_code == 2
    [line] = res.stderr.splitlines()
    assert line.startswith("stripper: error:") and str(bad) in line and "TST001" in line
    assert "does not compile" in line and "Traceback" not in res.output


def test_test_invalid_toml_and_empty_dir(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text("[[rule]\n", encoding="utf-8")
    res = run("rules", "test", str(tmp_path))
    assert res.exit_code == 2 and "invalid TOML" in res.stderr and "x.toml" in res.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    res = run("rules", "test", str(empty))
    assert res.exit_code == 2 and "no *.toml rule packs found" in res.stderr
    res = run("rules", "test", str(tmp_path / "missing"))
    assert res.exit_code == 2 and "missing" in res.stderr
