"""JSONL corpora: records cleaned in order, untouched lines byte-identical, bad lines kept."""
from __future__ import annotations

import gzip
import json

from stripper.corpus import dolma_attributes, process_records, read_lines, render, write_output
from stripper.options import Options

DOC = "A soldier crossed the border on Sunday, officials said.\nPhoto: Reuters\nHe was taken into custody."


def _line(obj: dict) -> bytes:
    return json.dumps(obj).encode() + b"\n"


def test_record_is_cleaned_and_annotated() -> None:
    (rec,) = process_records([_line({"id": "x1", "text": DOC, "source": "cc"})], Options())
    out = json.loads(render(rec))
    assert out["text"] == "A soldier crossed the border on Sunday, officials said.\nHe was taken into custody."
    assert out["id"] == "x1" and out["source"] == "cc"
    meta = out["metadata"]["stripper"]
    assert meta["counts"] == {"caption": 1}
    assert meta["removed"] == [[56, 70, "CAP001", "caption"]]
    assert DOC[56:70] == "Photo: Reuters"


def test_untouched_record_stays_byte_identical() -> None:
    raw = b'{"text":"Nothing to strip here.",  "id": 7}\r\n'
    (rec,) = process_records([raw], Options())
    assert render(rec) == raw


def test_bad_lines_are_reported_and_kept() -> None:
    lines = [b"not json\n", b"[1, 2]\n", b'{"id": 1}\n', b"\n"]
    recs = list(process_records(lines, Options()))
    assert [r.error is not None for r in recs] == [True, True, True, False]
    assert "no string field 'text'" in recs[2].error
    assert b"".join(render(r) for r in recs) == b"".join(lines)


def test_provenance_only_record_gets_metadata() -> None:
    text = "SEOUL (AP) — A soldier crossed the border on Sunday.\nHe was taken into custody by troops."
    (rec,) = process_records([_line({"text": text, "metadata": {"url": "u"}})], Options())
    out = json.loads(render(rec))
    assert out["text"] == text
    assert out["metadata"]["url"] == "u"
    assert out["metadata"]["stripper"]["syndicated"] is True


def test_custom_text_field_and_order_with_pool() -> None:
    lines = [_line({"id": i, "body": f"Paragraph number {i} of the corpus.\nPhoto: AFP"}) for i in range(600)]
    recs = list(process_records(lines, Options(), text_field="body", jobs=2))
    assert [r.number for r in recs] == list(range(1, 601))
    assert all(json.loads(render(r, "body"))["body"].endswith("of the corpus.") for r in recs)


def test_gzip_round_trip() -> None:
    data = gzip.compress(_line({"text": DOC}))
    lines = read_lines(data, "c.jsonl.gz")
    recs = list(process_records(lines, Options()))
    out = gzip.decompress(write_output(recs, "c.jsonl.gz"))
    assert b"Photo: Reuters" not in out and b"custody" in out


def test_dolma_attributes_spans() -> None:
    (rec,) = process_records([_line({"id": "d", "text": DOC})], Options())
    attrs = dolma_attributes(rec)
    assert attrs == {"id": "d", "attributes": {"stripper__caption": [[56, 70, 1.0]]}}
