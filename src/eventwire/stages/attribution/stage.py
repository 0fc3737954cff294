"""The attribution stage: gives every claim of a parcel its claimant and outlet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, ClassVar

from eventwire.records import Article, Claim, Parcel
from eventwire.stages.attribution.claimants import claimant_at
from eventwire.stages.attribution.core import attribute
from eventwire.stages.attribution.lexicon import AttributionLexicon, load_lexicon
from eventwire.stages.attribution.model import Attribution

__all__ = ["ClaimAttributor"]


class ClaimAttributor:
    """Fills `claimant`, `claimant_type` and `outlet` of each claim from the article's parse.

    Uses the parcel's spaCy docs when the nlp stage left them (never parses again) and the
    plain finder otherwise. A claim nobody is reported to assert is the reporter's own.
    """

    name: ClassVar[str] = "attribute.claims.v1"
    requires: ClassVar[tuple[str, ...]] = ("articles", "claims")
    provides: ClassVar[tuple[str, ...]] = ("claimants",)

    def __init__(self) -> None:
        self.lexicon: AttributionLexicon | None = None

    def setup(self) -> None:
        if self.lexicon is None:
            self.lexicon = load_lexicon()

    def __call__(self, batch: Sequence[Parcel]) -> list[Parcel]:
        self.setup()
        return [parcel if parcel.reject is not None else self.attach(parcel) for parcel in batch]

    def attach(self, parcel: Parcel) -> Parcel:
        docs: tuple[Any, ...] = parcel.docs or (None,) * len(parcel.articles)
        found = {
            article.article_id: (article, self.attribute(article, doc))
            for article, doc in zip(parcel.articles, docs, strict=True)
        }
        claims = tuple(_attributed(claim, found) for claim in parcel.claims)
        return replace(parcel, claims=claims)

    def attribute(self, article: Article, doc: Any) -> list[Attribution]:
        return attribute(article.text, outlet=article.outlet, doc=doc, lexicon=self.lexicon)


def _attributed(claim: Claim, found: dict[str, tuple[Article, list[Attribution]]]) -> Claim:
    if claim.article_id not in found:
        return claim
    article, attributions = found[claim.article_id]
    who = claimant_at(attributions, claim.span[0], claim.span[1], article.outlet)
    return replace(
        claim,
        claimant=who.claimant,
        claimant_type=who.claimant_type,
        outlet=claim.outlet or article.outlet,
    )
