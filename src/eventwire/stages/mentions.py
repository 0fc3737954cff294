"""The event-mention stage: sentences that report an event, typed, dated, with actors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import ClassVar

from eventwire.records import Actor, Article, Mention, Parcel, Place, Sentence, Span, content_id
from eventwire.stages.context import ArticleContext, ContextStage
from eventwire.stages.dates import event_date
from eventwire.stages.events import EventTyper, TypedEvent

__all__ = ["EmbeddingEventExtractor", "EventExtractor", "WordsEventExtractor"]

UNDATED_PRECISION = 2  # no date in the sentence: the report's date, within a week


class EventExtractor(ContextStage):
    """Types every sentence; keeps ACLED events as mentions with date, actors and place.

    The typer is the pipeline's default, `EventTyper.gated()`: words and lexicon, plus the
    MiniLM sentence embedding for the event candidates the words leave unsure (about one
    sentence in ten of conflict news)."""

    name: ClassVar[str] = "extract.mentions.v5"
    requires: ClassVar[tuple[str, ...]] = ("articles", "sentences", "places")
    provides: ClassVar[tuple[str, ...]] = ("mentions",)

    def __init__(self) -> None:
        super().__init__()
        self.typer = self.new_typer()

    @staticmethod
    def new_typer() -> EventTyper:
        return EventTyper.gated()

    def setup(self) -> None:
        super().setup()
        self.typer.setup()

    def extract(self, parcel: Parcel) -> Parcel:
        mentions: list[Mention] = []
        for article, places, context in self.contexts(parcel):
            sentences = [s for s in parcel.sentences if s.article_id == article.article_id]
            typed = self.typer.classify([sentence.text for sentence in sentences])
            for sentence, found in zip(sentences, typed, strict=True):
                if found.is_event and found.event_type is not None:
                    mentions.append(self.mention(article, sentence, found, context, places))
        return replace(parcel, mentions=tuple(mentions))

    def mention(
        self,
        article: Article,
        sentence: Sentence,
        typed: TypedEvent,
        context: ArticleContext,
        places: Sequence[Place],
    ) -> Mention:
        start, end = sentence.start, sentence.end
        dated = dated_range(sentence.text, context.anchor)
        return Mention(
            mention_id=content_id(article.article_id, str(start), str(end), self.name),
            article_id=article.article_id,
            span=Span(article.article_id, start, end, "event", sentence.text, self.name),
            label=typed.label,
            event_type=typed.event_type or "",
            sub_event_type=typed.sub_event_type or "",
            disorder_type=typed.disorder_type or "",
            score=typed.score,
            actors=self.actors_in(sentence.text, context, article.outlet),
            date=dated[0],
            date_end=dated[1],
            time_precision=dated[2],
            place=place_in(places, start, end),
            alleged=typed.alleged,
            outlet=article.outlet,
            stage=self.name,
        )

    def actors_in(
        self, text: str, context: ArticleContext, outlet: str | None
    ) -> tuple[Actor, ...]:
        assert self.actors is not None
        found = self.actors.find_actors(text, context.country, stance=context.stance)
        return tuple(dict.fromkeys(actor.to_record(outlet) for _, actor in found))


def dated_range(text: str, anchor: date | None) -> tuple[str | None, str | None, int | None]:
    """(start, end, ACLED precision) of the event a sentence reports."""
    if anchor is None:
        return None, None, None
    found = event_date(text, anchor)
    if found is None:
        return anchor.isoformat(), anchor.isoformat(), UNDATED_PRECISION
    return found.start.isoformat(), found.end.isoformat(), found.precision


def place_in(places: Sequence[Place], start: int, end: int) -> Place | None:
    """The most precise resolved place named inside the sentence (first on ties)."""
    inside = [p for p in places if start <= p.start < end and p.latitude is not None]
    return min(inside, key=lambda p: (p.geo_precision or 9, p.start), default=None)


class WordsEventExtractor(EventExtractor):
    """The same stage with the words-only typer (no sentence encoder needed): the
    pipeline's fallback when the encoder's wheel is missing. `eventwire run --typer words`."""

    name: ClassVar[str] = "extract.mentions.v4"

    @staticmethod
    def new_typer() -> EventTyper:
        return EventTyper()


class EmbeddingEventExtractor(EventExtractor):
    """The same stage with every event candidate embedded, not only the unsure ones
    (about three sentences in four): about 80% more than the cost of the spaCy pass.
    `eventwire run --typer embedding`."""

    name: ClassVar[str] = "extract.mentions.minilm.v3"

    @staticmethod
    def new_typer() -> EventTyper:
        return EventTyper(embedding=True)
