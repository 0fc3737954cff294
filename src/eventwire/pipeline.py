"""The per-document pipeline runner: ordered stages, failures isolated per document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from eventwire.errors import Code, EventwireError
from eventwire.records import Parcel, Reject
from eventwire.stages import build_stages, default_stages
from eventwire.stages.base import Stage

__all__ = ["Pipeline", "PipelineSettings"]

INITIAL_FACETS = ("document",)


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    """One options object for a run. The stages default to the pipeline with the gated
    embedding typer, or the words-only one when the sentence encoder is not installed."""

    stages: tuple[str, ...] = field(default_factory=default_stages)
    batch_size: int = 32


class Pipeline:
    """Runs stages over batches of parcels; a failing document becomes a Reject."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        check_order(stages)
        self.stages = tuple(stages)
        self._ready = False

    @classmethod
    def from_settings(cls, settings: PipelineSettings) -> Pipeline:
        return cls(build_stages(settings.stages))

    def setup(self) -> None:
        if not self._ready:
            for stage in self.stages:
                stage.setup()
            self._ready = True

    def run(self, parcels: Iterable[Parcel], batch_size: int = 32) -> Iterator[Parcel]:
        """Yield every input parcel, processed or rejected, in input order."""
        self.setup()
        source = iter(parcels)
        while batch := list(islice(source, batch_size)):
            yield from self.run_batch(batch)

    def run_batch(self, batch: Sequence[Parcel]) -> list[Parcel]:
        current = list(batch)
        for stage in self.stages:
            current = apply_stage(stage, current)
        return current


def check_order(stages: Sequence[Stage]) -> None:
    """Fail before a run when a stage requires a facet no earlier stage provides."""
    available = set(INITIAL_FACETS)
    for stage in stages:
        missing = [facet for facet in stage.requires if facet not in available]
        if missing:
            detail = f"{stage.name} requires {', '.join(missing)}, which no earlier stage provides"
            raise EventwireError(Code.PIPELINE_ORDER, detail=detail)
        available.update(stage.provides)


def apply_stage(stage: Stage, batch: list[Parcel]) -> list[Parcel]:
    """Apply a stage to a batch; if the batch fails, retry per parcel to isolate failures."""
    try:
        result = stage(batch)
    except Exception:  # a stage bug must not stop the batch: isolate it below
        return [apply_one(stage, parcel) for parcel in batch]
    if len(result) != len(batch):
        detail = f"{stage.name} returned {len(result)} parcels for {len(batch)}"
        raise EventwireError(Code.PIPELINE_ORDER, detail=detail)
    return result


def apply_one(stage: Stage, parcel: Parcel) -> Parcel:
    if parcel.reject is not None:
        return parcel
    try:
        return stage([parcel])[0]
    except Exception as exc:  # recorded as data: the reason is a query, not a log line
        return parcel.failed(stage_reject(stage, parcel, exc))


def stage_reject(stage: Stage, parcel: Parcel, exc: Exception) -> Reject:
    document = parcel.document
    reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    return Reject(
        document=document.doc_id if document else "",
        source=document.source if document else "",
        stage=stage.name,
        code=Code.STAGE_FAILED.value,
        message=f"stage {stage.name} failed: {reason}",
    )
