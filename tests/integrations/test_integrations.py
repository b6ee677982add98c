"""Engine adapters call the core and keep datatrove's Document shape and the record dicts."""
from __future__ import annotations

from dataclasses import dataclass, field


from stripper.integrations.datatrove import strip_documents
from stripper.integrations.records import strip_record, strip_records

TEXT = "A soldier crossed the border on Sunday, officials said.\nFollow us on Twitter @news"


@dataclass
class Document:  # the fields of datatrove.data.Document the step uses
    text: str
    id: str
    metadata: dict = field(default_factory=dict)


def test_datatrove_callable_step_cleans_and_drops_empty() -> None:
    docs = [Document(TEXT, "1"), Document("Follow us on Twitter @news", "2")]
    out = list(strip_documents(docs, rank=0, world_size=1))
    assert [d.id for d in out] == ["1"]
    assert out[0].text == "A soldier crossed the border on Sunday, officials said."
    assert out[0].metadata["stripper"]["counts"] == {"social": 1}


def test_datatrove_keep_empty_when_asked() -> None:
    out = list(strip_documents([Document("Follow us on Twitter @news", "2")], drop_empty=False))
    assert out[0].text == ""


def test_record_adapters_do_not_mutate_input() -> None:
    rec = {"text": TEXT, "metadata": {"lang": "en"}}
    out = strip_record(rec)
    assert rec["text"] == TEXT and "stripper" not in rec["metadata"]
    assert out["metadata"]["lang"] == "en" and out["metadata"]["stripper"]["counts"] == {"social": 1}
    assert [r["text"] for r in strip_records([rec, {"text": "Follow us:"}], drop_empty=True)] == [
        "A soldier crossed the border on Sunday, officials said."]


def test_datatrove_pipeline_step_with_the_real_library() -> None:
    """StripperStep subclasses datatrove's PipelineStep: run it as datatrove would, with its
    own Document type and stats (datatrove is in the test extra, so this never skips in CI)."""
    import datatrove.pipeline.base
    from datatrove.data import Document as DtDocument

    from stripper.integrations.datatrove import StripperStep

    step = StripperStep()
    assert isinstance(step, datatrove.pipeline.base.PipelineStep)
    assert StripperStep is type(step)  # one class, however often the name is looked up
    docs = [DtDocument(text=TEXT, id="1"),
            DtDocument(text="Follow us on Twitter @news", id="2"),
            DtDocument(text="A soldier crossed the border on Sunday, officials said.\n"
                            "This article originally appeared on The Atlantic.", id="3")]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["1", "3"]
    assert out[0].text == "A soldier crossed the border on Sunday, officials said."
    assert out[1].metadata["stripper"]["syndicated"] is True
    stats = step.stats.to_dict()["stats"]
    assert stats["social"] == 2 and stats["syndicated"] == 1
    assert stats["forwarded"] == 2 and stats["dropped_empty"] == 1
