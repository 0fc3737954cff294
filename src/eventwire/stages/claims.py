"""The claims stage: casualty and other figures, with the subject linked to an actor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from eventwire.records import Article, Claim, Mention, Parcel
from eventwire.stages.context import ArticleContext, ContextStage
from eventwire.stages.figures import extract_figures

__all__ = ["FigureExtractor", "assertions_of"]

TERRITORY = dict.fromkeys(
    (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    ),
    "territory_control",
)


class FigureExtractor(ContextStage):
    """Finds figures in each article; `subject_actor` is the subject's neutral actor."""

    name: ClassVar[str] = "extract.claims.v1"
    requires: ClassVar[tuple[str, ...]] = ("articles", "places", "mentions")
    provides: ClassVar[tuple[str, ...]] = ("claims",)

    def extract(self, parcel: Parcel) -> Parcel:
        claims: list[Claim] = []
        for article, _, context in self.contexts(parcel):
            claims.extend(self.link(claim, context) for claim in figures_of(article))
        claims.extend(assertions_of(parcel.mentions, self.name))
        return replace(parcel, claims=tuple(claims))

    def link(self, claim: Claim, context: ArticleContext) -> Claim:
        assert self.actors is not None
        if not claim.subject:
            return claim
        actor = self.actors.resolve(claim.subject, context.country, stance=context.stance)
        return replace(claim, subject_actor=actor.name if actor.known else None)


def figures_of(article: Article) -> list[Claim]:
    return extract_figures(article.text, article.article_id, article.outlet)


def assertions_of(mentions: Sequence[Mention], stage: str) -> list[Claim]:
    """Assertions that are not figures: who holds territory, and events told as allegations.

    The claim's text is the sentence; attribution then names who asserts it.
    """
    found = []
    for mention in mentions:
        kind = "other" if mention.alleged else TERRITORY.get(mention.sub_event_type)
        if kind is not None:
            span = (mention.span.start, mention.span.end)
            found.append(Claim(kind, mention.span.text, mention.article_id, span, stage=stage))
    return found
