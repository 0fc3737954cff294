"""The labels stage: the words each outlet used for each actor, for the framing table."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from eventwire.records import Label, Parcel
from eventwire.stages.context import ContextStage

__all__ = ["LabelCollector"]


class LabelCollector(ContextStage):
    """Records every actor mention with the label as written and whether it is loaded."""

    name: ClassVar[str] = "extract.labels.v1"
    requires: ClassVar[tuple[str, ...]] = ("articles", "places")
    provides: ClassVar[tuple[str, ...]] = ("labels",)

    def extract(self, parcel: Parcel) -> Parcel:
        assert self.actors is not None
        labels: list[Label] = []
        for article, _, context in self.contexts(parcel):
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
