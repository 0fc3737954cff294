"""Per-document stages, registered in one explicit table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventwire.stages.attribution import ClaimAttributor
from eventwire.stages.base import Stage
from eventwire.stages.claims import FigureExtractor
from eventwire.stages.clean import DocumentCleaner
from eventwire.stages.events.encoder import available as encoder_available
from eventwire.stages.geocode.stage import GazetteerGeocoder
from eventwire.stages.labels import LabelCollector
from eventwire.stages.mentions import EmbeddingEventExtractor, EventExtractor, WordsEventExtractor
from eventwire.stages.nlp import SpacyParser
from eventwire.stages.split import ArticleSplitter

__all__ = [
    "DEFAULT_STAGES",
    "EMBEDDING_STAGES",
    "REGISTRY",
    "TEXT_STAGES",
    "WORDS_STAGES",
    "Stage",
    "build_stages",
    "default_stages",
]

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
    # in place of the above: words only (no encoder), and every event candidate embedded
    WordsEventExtractor.name: WordsEventExtractor,
    EmbeddingEventExtractor.name: EmbeddingEventExtractor,
}
_ALTERNATIVES = (WordsEventExtractor.name, EmbeddingEventExtractor.name)

# The default per-document pipeline, in order.
DEFAULT_STAGES: tuple[str, ...] = tuple(name for name in REGISTRY if name not in _ALTERNATIVES)


def _swapped(name: str) -> tuple[str, ...]:
    return tuple(name if stage == EventExtractor.name else stage for stage in DEFAULT_STAGES)


# The same with the words-only typer (`eventwire run --typer words`), and with every event
# candidate embedded (`--typer embedding`).
WORDS_STAGES: tuple[str, ...] = _swapped(WordsEventExtractor.name)
EMBEDDING_STAGES: tuple[str, ...] = _swapped(EmbeddingEventExtractor.name)


def default_stages() -> tuple[str, ...]:
    """The default pipeline, or the words-only one when the sentence encoder is missing."""
    return DEFAULT_STAGES if encoder_available() else WORDS_STAGES


# Cleaning and splitting only: no model, no gazetteer.
TEXT_STAGES: tuple[str, ...] = (DocumentCleaner.name, ArticleSplitter.name)


def build_stages(names: Sequence[str]) -> list[Stage]:
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown stages: {', '.join(unknown)} (known: {', '.join(REGISTRY)})")
    return [REGISTRY[name]() for name in names]
