"""The labels stage: the words each outlet used for each actor, for the framing table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from eventwire.records import Label, Parcel
from eventwire.stages.actors import ActorDictionary
from eventwire.stages.context import OutletTable, articles_in_context

__all__ = ["LabelCollector"]


class LabelCollector:
    """Records every actor mention with the label as written and whether it is loaded."""

    name: ClassVar[str] = "extract.labels.v1"
    requires: ClassVar[tuple[str, ...]] = ("articles", "places")
    provides: ClassVar[tuple[str, ...]] = ("labels",)

    def __init__(self) -> None:
        self.actors: ActorDictionary | None = None
        self.outlets: OutletTable | None = None

    def setup(self) -> None:
        self.actors = self.actors or ActorDictionary.load()
        self.outlets = self.outlets or OutletTable()

    def __call__(self, batch: Sequence[Parcel]) -> list[Parcel]:
        self.setup()
        return [parcel if parcel.reject is not None else self.collect(parcel) for parcel in batch]

    def collect(self, parcel: Parcel) -> Parcel:
        assert self.actors is not None and self.outlets is not None
        labels: list[Label] = []
        for article, _, context in articles_in_context(parcel, self.outlets):
            found = self.actors.find_actors(article.text, context.country, stance=context.stance)
            labels.extend(
                Label(
                    article.article_id,
                    article.outlet,
                    actor.name,
                    actor.label,
                    actor.loaded,
                    start,
                    end,
                    self.name,
                )
                for (start, end), actor in found
            )
        return replace(parcel, labels=tuple(labels))
