"""The CLI on JSONL corpora and with worker processes."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from stripper.cli import main

REC = {"id": "a", "text": "A soldier crossed the border on Sunday, officials said.\nPhoto: Reuters\nHe was detained."}
CLEAN = "A soldier crossed the border on Sunday, officials said.\nHe was detained."


def _corpus(tmp_path: Path, *lines: bytes, name: str = "c.jsonl") -> Path:
    p = tmp_path / name
    p.write_bytes(b"".join(lines))
    return p


def _rec(obj: dict) -> bytes:
    return json.dumps(obj).encode() + b"\n"


def test_clean_jsonl_to_stdout(tmp_path: Path) -> None:
    p = _corpus(tmp_path, _rec(REC), _rec({"id": "b", "text": "Nothing to strip."}))
    res = CliRunner().invoke(main, ["clean", str(p)])
    assert res.exit_code == 0, res.output
    first, second = res.stdout_bytes.splitlines()
    assert json.loads(first)["text"] == CLEAN
    assert second == b'{"id": "b", "text": "Nothing to strip."}'


def test_bad_record_is_kept_reported_and_exit_2(tmp_path: Path) -> None:
    p = _corpus(tmp_path, _rec(REC), b"{broken\n")
    res = CliRunner().invoke(main, ["clean", str(p)])
    assert res.exit_code == 2
    assert f"stripper: error: {p}:2: not valid JSON" in res.stderr
    assert res.stdout_bytes.endswith(b"{broken\n")


def test_fix_jsonl_in_place_and_gzip(tmp_path: Path) -> None:
    plain = _corpus(tmp_path, _rec(REC))
    gz = _corpus(tmp_path, gzip.compress(_rec(REC)), name="c.jsonl.gz")
    res = CliRunner().invoke(main, ["fix", str(plain), str(gz)])
    assert res.exit_code == 1, res.output
    assert json.loads(plain.read_bytes())["text"] == CLEAN
    assert json.loads(gzip.decompress(gz.read_bytes()))["text"] == CLEAN
    again = CliRunner().invoke(main, ["fix", str(plain), str(gz)])
    assert again.exit_code == 0


def test_check_and_explain_name_the_record(tmp_path: Path) -> None:
    p = _corpus(tmp_path, _rec({"id": "z", "text": "Nothing."}), _rec(REC))
    res = CliRunner().invoke(main, ["check", str(p)])
    assert res.exit_code == 1
    assert res.stdout.strip() == f"{p}:2:2: CAP001 caption: Photo: Reuters"
    res = CliRunner().invoke(main, ["explain", "--json", str(p)])
    objs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in objs] == ["z", "a"]
    assert objs[1]["path"] == f"{p}:2" and objs[1]["counts"] == {"caption": 1}


def test_jobs_keep_order_and_results(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        (src / f"{i:02}.txt").write_text(REC["text"] + f"\nParagraph {i} ends here.\n", encoding="utf-8")
    one = CliRunner().invoke(main, ["check", str(src)])
    two = CliRunner().invoke(main, ["check", "-j", "2", str(src)])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and one.stdout.count("CAP001") == 12
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["clean", "-j", "2", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert (out / "05.txt").read_text(encoding="utf-8") == CLEAN + "\nParagraph 5 ends here.\n"


def test_a_jsonl_file_that_is_no_corpus_is_one_error(tmp_path: Path) -> None:
    p = _corpus(tmp_path, *[_rec({"id": i, "url": "u"}) for i in range(50)])
    res = CliRunner().invoke(main, ["check", str(p)])
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "no string field 'text' in any of its 50 records" in lines[0]


def test_many_bad_records_are_capped(tmp_path: Path) -> None:
    p = _corpus(tmp_path, _rec(REC), *[b"{broken\n"] * 25)
    res = CliRunner().invoke(main, ["check", str(p)])
    assert res.exit_code == 2
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("stripper: error:")]
    assert len(errors) == 11 and "15 more bad records" in errors[-1]


def test_text_field_names_the_field_to_clean(tmp_path: Path) -> None:
    rec = {"id": "a", "content": REC["text"], "text": "Photo: Reuters"}
    p = _corpus(tmp_path, _rec(rec))
    res = CliRunner().invoke(main, ["clean", "--text-field", "content", str(p)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout_bytes)
    assert out["content"] == CLEAN
    assert out["text"] == "Photo: Reuters"  # other fields are left as they were
    check = CliRunner().invoke(main, ["check", "--text-field", "content", "-j", "2", str(p), str(p)])
    assert check.exit_code == 1 and "CAP" in check.stdout


def test_missing_text_field_is_named(tmp_path: Path) -> None:
    p = _corpus(tmp_path, _rec(REC))
    res = CliRunner().invoke(main, ["clean", "--text-field", "body", str(p)])
    assert res.exit_code == 2
    assert "'body'" in res.stderr
