"""Per-document stages, registered in one explicit table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventwire.stages.attribution import ClaimAttributor
from eventwire.stages.base import Stage
from eventwire.stages.claims import FigureExtractor
from eventwire.stages.clean import DocumentCleaner
from eventwire.stages.geocode.stage import GazetteerGeocoder
from eventwire.stages.labels import LabelCollector
from eventwire.stages.mentions import EmbeddingEventExtractor, EventExtractor
from eventwire.stages.nlp import SpacyParser
from eventwire.stages.split import ArticleSplitter

__all__ = ["DEFAULT_STAGES", "EMBEDDING_STAGES", "REGISTRY", "TEXT_STAGES", "Stage", "build_stages"]

# versioned name -> factory. A change in a stage's output is a new name, never an edit here.
REGISTRY: dict[str, Callable[[], Stage]] = {
    DocumentCleaner.name: DocumentCleaner,
    ArticleSplitter.name: ArticleSplitter,
    SpacyParser.name: SpacyParser,
    GazetteerGeocoder.name: GazetteerGeocoder,
    EventExtractor.name: EventExtractor,
    FigureExtractor.name: FigureExtractor,
    ClaimAttributor.name: ClaimAttributor,
    LabelCollector.name: LabelCollector,
    EmbeddingEventExtractor.name: EmbeddingEventExtractor,  # opt-in, in place of the above
}

# The default per-document pipeline, in order.
DEFAULT_STAGES: tuple[str, ...] = tuple(
    name for name in REGISTRY if name != EmbeddingEventExtractor.name
)
# The same with the opt-in embedding typer (`eventwire run --embedding`).
EMBEDDING_STAGES: tuple[str, ...] = tuple(
    EmbeddingEventExtractor.name if name == EventExtractor.name else name for name in DEFAULT_STAGES
)
# Cleaning and splitting only: no model, no gazetteer.
TEXT_STAGES: tuple[str, ...] = (DocumentCleaner.name, ArticleSplitter.name)


def build_stages(names: Sequence[str]) -> list[Stage]:
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown stages: {', '.join(unknown)} (known: {', '.join(REGISTRY)})")
    return [REGISTRY[name]() for name in names]
