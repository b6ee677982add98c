"""JSONL corpora (Dolma, datatrove, plain {"text": ...} lines) through the core.

Each record is one document. The record keeps every field it had; its text is replaced by
the clean text and `metadata.stripper` gets the provenance and counts. A record with nothing
to strip or flag is written back byte-identical. A line that is not a JSON object, or has no
string text field, is written back unchanged and reported: nothing is lost.
"""
from __future__ import annotations

import gzip
import json
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .options import Options
from .pipeline import strip_text
from .result import Result

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")
CHUNK = 256


@dataclass(frozen=True)
class Record:
    number: int  # 1-based line number in the file
    raw: bytes  # the line as read, terminator included
    doc_id: str | None
    result: Result | None
    error: str | None = None
    obj: dict[str, Any] | None = None  # the parsed line, kept so render() need not parse it again

    @property
    def touched(self) -> bool:
        r = self.result
        return r is not None and (r.changed or r.provenance.ai_generated or r.provenance.syndicated)


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def read_lines(data: bytes, path: str) -> list[bytes]:
    if path.lower().endswith(".gz") or data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.splitlines(keepends=True)


def stripper_metadata(result: Result) -> dict[str, Any]:
    """What a record carries about its cleaning: Dolma/datatrove keep such facts in metadata."""
    prov = result.provenance
    return {
        "ai_generated": prov.ai_generated,
        "syndicated": prov.syndicated,
        "provenance": prov.details,
        "evidence": [{"rule": e.rule, "category": e.category, "text": e.text} for e in prov.evidence],
        "counts": dict(result.counts),
        "removed": [[v.start, v.end, v.rule, v.category] for v in result.stripped],
    }


def _parse(raw: bytes, text_field: str) -> tuple[dict[str, Any] | None, str | None]:
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return None, f"not valid JSON ({exc.__class__.__name__}: {str(exc)[:80]})"
    if not isinstance(obj, dict):
        return None, "not a JSON object"
    if not isinstance(obj.get(text_field), str):
        return None, f"no string field {text_field!r}"
    return obj, None


def _work(args: tuple[list[tuple[int, bytes]], Options, str, str]) -> list[Record]:
    chunk, options, text_field, id_field = args
    out = []
    for number, raw in chunk:
        if not raw.strip():
            out.append(Record(number, raw, None, None))
            continue
        obj, err = _parse(raw, text_field)
        if obj is None:
            out.append(Record(number, raw, None, None, err))
            continue
        doc_id = obj.get(id_field)
        out.append(Record(number, raw, None if doc_id is None else str(doc_id),
                          strip_text(obj[text_field], options), obj=obj))
    return out


def process_records(lines: list[bytes], options: Options, text_field: str = "text",
                    id_field: str = "id", jobs: int = 1) -> Iterator[Record]:
    """Records in file order; with jobs > 1, chunks go to a process pool (order kept)."""
    numbered = list(enumerate(lines, 1))
    chunks = [(numbered[i: i + CHUNK], options, text_field, id_field) for i in range(0, len(numbered), CHUNK)]
    if jobs > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            for recs in pool.map(_work, chunks):
                yield from recs
    else:
        for c in chunks:
            yield from _work(c)


def render(record: Record, text_field: str = "text") -> bytes:
    """The output line: untouched records byte-identical, others re-serialised."""
    if record.result is None or not record.touched:
        return record.raw
    obj = dict(record.obj) if record.obj is not None else json.loads(record.raw)
    obj[text_field] = record.result.text
    meta = obj.get("metadata")
    if not isinstance(meta, dict):
        meta = obj["metadata"] = {} if meta is None else {"_original": meta}
    meta["stripper"] = stripper_metadata(record.result)
    eol = b"\r\n" if record.raw.endswith(b"\r\n") else (b"\n" if record.raw.endswith(b"\n") else b"")
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + eol


def write_output(records: Iterable[Record], path: str, text_field: str = "text") -> bytes:
    body = b"".join(render(r, text_field) for r in records)
    return gzip.compress(body, mtime=0) if path.lower().endswith(".gz") else body


def dolma_attributes(record: Record, prefix: str = "stripper") -> dict[str, Any]:
    """Dolma tagger output: {"id", "attributes": {"stripper__caption": [[start, end, 1.0], ...]}}."""
    attrs: dict[str, list[list[float]]] = {}
    if record.result is not None:
        for v in record.result.stripped:
            attrs.setdefault(f"{prefix}__{v.category}", []).append([v.start, v.end, 1.0])
        prov = record.result.provenance
        n = len(record.result.text)
        if prov.ai_generated:
            attrs[f"{prefix}__ai_generated"] = [[0, n, 1.0]]
        if prov.syndicated:
            attrs[f"{prefix}__syndicated"] = [[0, n, 1.0]]
    return {"id": record.doc_id, "attributes": attrs}
