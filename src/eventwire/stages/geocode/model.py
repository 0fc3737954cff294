"""The geocoder's records and shared constants."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from eventwire.resources.gazetteer import Gazetteer, Place

__all__ = ["EMPTY_CONTEXT", "NAME", "PRECISION", "PlaceContext", "Resolution", "Toponym"]

NAME = "resolve.places.gazetteer.v2"

CELL_DEGREES = 1.0  # "nearby" = in the same or an adjacent 1-degree cell (111-220 km)
_AREAS = frozenset({"continent", "country", "admin1", "area"})
_LOCAL = frozenset({"city", "district", "admin2", "region"})
PRECISION = {
    "continent": 3,
    "country": 3,
    "admin1": 3,
    "admin2": 3,
    "region": 2,
    "city": 1,
    "district": 1,
    "area": 3,
}


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention: the name as written and its character span in the text."""

    name: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """Votes for countries and admin1 areas (country, admin1 code) from one document, and
    the grid cells where its names have local candidates."""

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1: Mapping[tuple[str, str], float] = field(default_factory=dict)
    cells: Mapping[tuple[int, int], frozenset[str]] = field(default_factory=dict)
    _weights: dict[object, float] = field(default_factory=dict, repr=False, compare=False)
    _near: dict[tuple[int, int], frozenset[str]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        top = max(self.countries.values(), default=0.0)
        self._weights.update({c: v / top for c, v in self.countries.items()})
        top = max(self.admin1.values(), default=0.0)
        self._weights.update({a: v / top for a, v in self.admin1.items()})

    def country_weight(self, country: str) -> float:
        """Votes for the country relative to the best-voted one (0..1)."""
        return self._weights.get(country, 0.0)

    def admin1_weight(self, country: str, admin1_code: str) -> float:
        return self._weights.get((country, admin1_code), 0.0)

    def neighbour_weight(self, country: str, gazetteer: Gazetteer) -> float:
        """The best weight among the countries bordering `country`."""
        cached = self._weights.get(("borders", country))
        if cached is None:
            cached = max(
                (self.country_weight(c) for c in gazetteer.neighbours(country)), default=0.0
            )
            self._weights[("borders", country)] = cached
        return cached

    def without(self, place: Place | None) -> PlaceContext:
        """This context less one vote for `place` (leave-one-out)."""
        if place is None:
            return self
        countries = dict(self.countries)
        countries[place.country] = countries.get(place.country, 0.0) - 1.0
        admin1 = dict(self.admin1)
        area = (place.country, place.admin1_code)
        admin1[area] = admin1.get(area, 0.0) - 1.0
        return PlaceContext(
            {k: v for k, v in countries.items() if v > 0},
            {k: v for k, v in admin1.items() if v > 0},
            self.cells,
            _near=self._near,
        )

    def names_nearby(self, place: Place, own_key: str) -> int:
        """How many other names of the document have a candidate near `place`."""
        cell = _cell(place.lat, place.lon)
        keys = self._near.get(cell)
        if keys is None:
            row, col = cell
            keys = frozenset().union(
                *(
                    self.cells.get((row + dr, col + dc), frozenset())
                    for dr in (-1, 0, 1)
                    for dc in (-1, 0, 1)
                )
            )
            self._near[cell] = keys
        return len(keys) - (own_key in keys)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


EMPTY_CONTEXT = PlaceContext()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome for one toponym: a place and precision, or no place and a reason."""

    toponym: Toponym
    place: Place | None
    precision: int | None = None
    score: float = 0.0
    reason: str | None = None
    component: str = NAME
