"""datatrove: stripper as a pipeline step.

datatrove accepts any callable `(data, rank, world_size) -> Iterator[Document]` as a step,
so `strip_documents` needs no datatrove import and works on anything with `.text` and
`.metadata`. `StripperStep` is the same as a real PipelineStep, with datatrove's per-reason
counters (one stat per category), for users who have datatrove installed:

    from stripper.integrations.datatrove import StripperStep
    pipeline = [JsonlReader("s3://corpus/"), StripperStep(), JsonlWriter("s3://clean/")]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Iterator

from ..corpus import stripper_metadata
from ..options import DEFAULT_OPTIONS, Options
from ..pipeline import strip_text


def strip_document(doc: Any, options: Options = DEFAULT_OPTIONS) -> Any:
    """Cleans doc.text in place and records what happened in doc.metadata['stripper']."""
    res = strip_text(doc.text, options)
    doc.text = res.text
    doc.metadata["stripper"] = stripper_metadata(res)
    return doc


def strip_documents(data: Iterable[Any], rank: int = 0, world_size: int = 1,
                    options: Options = DEFAULT_OPTIONS, drop_empty: bool = True) -> Iterator[Any]:
    """The callable-step form; documents left without text are dropped unless drop_empty=False."""
    for doc in data:
        strip_document(doc, options)
        if drop_empty and not doc.text.strip():
            continue
        yield doc


@lru_cache(maxsize=1)
def _step_class() -> type:
    try:
        from datatrove.pipeline.base import PipelineStep
    except ImportError as exc:  # pragma: no cover - depends on the user's environment
        raise ImportError("StripperStep needs datatrove: pip install 'stripper[datatrove]' "
                          "(or use strip_documents as a callable step)") from exc

    class StripperStep(PipelineStep):  # type: ignore[misc, valid-type]
        name = "✂️ stripper"
        type = "🔻 - FILTER"

        def __init__(self, options: Options = DEFAULT_OPTIONS, drop_empty: bool = True):
            super().__init__()
            self.options, self.drop_empty = options, drop_empty

        def run(self, data: Iterable[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
            for doc in data:
                with self.track_time():
                    strip_document(doc, self.options)
                meta = doc.metadata["stripper"]
                for category, n in meta["counts"].items():
                    self.stat_update(category, value=n)
                for flag in ("ai_generated", "syndicated"):
                    if meta[flag]:
                        self.stat_update(flag)
                if self.drop_empty and not doc.text.strip():
                    self.stat_update("dropped_empty")
                    continue
                self.stat_update("forwarded")
                yield doc

    return StripperStep


def __getattr__(name: str) -> Any:
    if name == "StripperStep":
        return _step_class()
    raise AttributeError(name)
