"""Plain-Python adapters: a dict-per-document stream, as Spark's mapPartitions, Dask bags,
Ray Data's map_batches and Beam's FlatMap hand it over.

    rdd.mapPartitions(lambda part: strip_records(part))          # Spark
    bag.map_partitions(lambda part: list(strip_records(part)))    # Dask
    ds.map(lambda row: strip_record(row))                         # Ray Data
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

from ..corpus import stripper_metadata
from ..options import DEFAULT_OPTIONS, Options
from ..pipeline import strip_text


def strip_record(record: Mapping[str, Any], options: Options = DEFAULT_OPTIONS,
                 text_field: str = "text", metadata_field: str = "metadata") -> dict[str, Any]:
    """A new dict: clean text, and stripper's facts under metadata.stripper."""
    out = dict(record)
    res = strip_text(out[text_field], options)
    out[text_field] = res.text
    meta = dict(out.get(metadata_field) or {})
    meta["stripper"] = stripper_metadata(res)
    out[metadata_field] = meta
    return out


def strip_records(records: Iterable[Mapping[str, Any]], options: Options = DEFAULT_OPTIONS,
                  text_field: str = "text", drop_empty: bool = False) -> Iterator[dict[str, Any]]:
    for rec in records:
        out = strip_record(rec, options, text_field)
        if drop_empty and not out[text_field].strip():
            continue
        yield out
