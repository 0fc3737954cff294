"""The attribution stage: gives every claim and event mention its claimant and outlet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, ClassVar

from eventwire.records import Article, Claim, Mention, Parcel
from eventwire.stages.attribution.claimants import claimant_at
from eventwire.stages.attribution.core import attribute
from eventwire.stages.attribution.lexicon import AttributionLexicon, load_lexicon
from eventwire.stages.attribution.model import Attribution
from eventwire.stages.attribution.origin import find_origin

__all__ = ["ClaimAttributor"]

Found = dict[str, tuple[Article, list[Attribution]]]


class ClaimAttributor:
    """Fills `claimant`, `claimant_type`, `relays` and `outlet` of claims and mentions.

    Uses the parcel's spaCy docs when the nlp stage left them (never parses again) and the
    plain finder otherwise. What nobody is reported to assert is the reporter's own.
    """

    name: ClassVar[str] = "attribute.claims.v1"
    requires: ClassVar[tuple[str, ...]] = ("articles", "claims", "mentions")
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
        claims = tuple(attributed_claim(claim, found) for claim in parcel.claims)
        mentions = tuple(attributed_mention(mention, found) for mention in parcel.mentions)
        return replace(parcel, claims=claims, mentions=mentions)

    def attribute(self, article: Article, doc: Any) -> list[Attribution]:
        return attribute(article.text, outlet=article.outlet, doc=doc, lexicon=self.lexicon)


def speaker(
    found: Found, article_id: str, start: int, end: int
) -> tuple[Article, Attribution] | None:
    if article_id not in found:
        return None
    article, attributions = found[article_id]
    return article, claimant_at(attributions, start, end, article.outlet)


def relays(who: Attribution, outlet: str | None) -> tuple[str, ...]:
    """Who relays the claimant, outermost first, without the claimant itself."""
    return tuple(name for name in who.chain if name not in (who.claimant, None)) or (
        (outlet,) if outlet and who.claimant != "reporter" else ()
    )


def attributed_claim(claim: Claim, found: Found) -> Claim:
    located = speaker(found, claim.article_id, *claim.span)
    if located is None:
        return claim
    article, who = located
    outlet = claim.outlet or article.outlet
    origin = find_origin(who.content.text or claim.text)
    return replace(
        claim,
        claimant=who.claimant,
        claimant_type=who.claimant_type,
        relays=relays(who, outlet),
        origin=origin if origin != who.claimant else None,
        outlet=outlet,
    )


def attributed_mention(mention: Mention, found: Found) -> Mention:
    located = speaker(found, mention.article_id, mention.span.start, mention.span.end)
    if located is None:
        return mention
    article, who = located
    outlet = mention.outlet or article.outlet
    return replace(
        mention,
        claimant=who.claimant,
        claimant_type=who.claimant_type,
        relays=relays(who, outlet),
        outlet=outlet,
    )
