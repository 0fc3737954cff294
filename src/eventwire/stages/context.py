"""What extraction stages need to know about an article: its country and its outlet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from eventwire.records import Article, Parcel, Place
from eventwire.resources import read_csv
from eventwire.stages.actors import ActorDictionary, Stance
from eventwire.stages.dates import anchor_date

__all__ = [
    "ArticleContext",
    "ContextStage",
    "OutletTable",
    "article_context",
    "articles_in_context",
]


@dataclass(frozen=True, slots=True)
class OutletFacts:
    country: str | None
    state_owned: bool


class OutletTable:
    """Country and state ownership of the outlets in `outlets.v1.csv`."""

    def __init__(self) -> None:
        self.facts = {
            row["outlet"]: OutletFacts(row["country"] or None, row["state_owned"] == "yes")
            for row in read_csv("outlets.v1.csv")
        }

    def stance(self, outlet: str | None, country: str | None) -> Stance | None:
        """A state-owned outlet reporting on its own country speaks for its government.

        This is read from ownership only; it selects how a label such as "terrorists" is
        resolved (and lowers confidence), and the label is kept as the outlet's words.
        """
        facts = self.facts.get(outlet or "")
        if facts is not None and facts.state_owned and country and facts.country == country:
            return "pro_government"
        return None


@dataclass(frozen=True, slots=True)
class ArticleContext:
    country: str | None
    anchor: date | None
    stance: Stance | None


def article_context(
    article: Article, places: Sequence[Place], outlets: OutletTable
) -> ArticleContext:
    """The article's main country (most named among its resolved places) and date anchor."""
    countries = Counter(place.iso3 for place in places if place.iso3)
    country = countries.most_common(1)[0][0] if countries else None
    return ArticleContext(
        country, anchor_date(article.published), outlets.stance(article.outlet, country)
    )


def articles_in_context(
    parcel: Parcel, outlets: OutletTable
) -> Iterator[tuple[Article, list[Place], ArticleContext]]:
    """Each article of a parcel with its resolved places and its context."""
    for article in parcel.articles:
        places = [place for place in parcel.places if place.article_id == article.article_id]
        yield article, places, article_context(article, places, outlets)


class ContextStage:
    """Base of the stages that read actors in an article's context (country, stance).

    Subclasses set `name`, `requires`, `provides` and implement `extract(parcel)`.
    """

    def __init__(self) -> None:
        self.actors: ActorDictionary | None = None
        self.outlets: OutletTable | None = None

    def setup(self) -> None:
        self.actors = self.actors or ActorDictionary.load()
        self.outlets = self.outlets or OutletTable()

    def __call__(self, batch: Sequence[Parcel]) -> list[Parcel]:
        self.setup()
        return [parcel if parcel.reject is not None else self.extract(parcel) for parcel in batch]

    def extract(self, parcel: Parcel) -> Parcel:
        raise NotImplementedError

    def contexts(self, parcel: Parcel) -> Iterator[tuple[Article, list[Place], ArticleContext]]:
        assert self.outlets is not None
        return articles_in_context(parcel, self.outlets)
