"""Representative points and English names for admin1 areas from countrystatecity-countries.

GeoNames gives a province or state one point that is neither the mean of its towns nor
the middle of their extent (Manitoba: 55.0 N, 97.0 W; its towns crowd the south). The
countries-states-cities database shipped in the `countrystatecity_countries` package
(`data/by-country/<CC>/states.json`, read as data at build time; optional) carries a
point for each state or province and its English and native names. An admin1 area
takes the listed names as alternates when the names match within the country
("Rhineland-Palatinate" for GeoNames' Rheinland-Pfalz), and the listed point only when
it also lies within the area's towns' extent widened by `SLACK_DEGREES`, follows
GeoNames' quarter-degree convention (`quarter_degree`: most other points come from
geocoders) and is not the area's largest town (`at_town`); otherwise the area keeps the
point computed from its towns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.resources.gazetteer.normalize import name_key
from eventwire.resources.gazetteer.schema import load_json, package_data

__all__ = [
    "AT_TOWN_DEGREES",
    "QUARTER_TOLERANCE",
    "SLACK_DEGREES",
    "SOURCE",
    "AdminPoints",
    "Extent",
    "ListedArea",
    "admin_point_keys",
    "at_town",
    "listed_area",
    "load_admin_points",
    "quarter_degree",
]

SLACK_DEGREES = 1.0
QUARTER_TOLERANCE = 0.005
AT_TOWN_DEGREES = 0.1  # a listed point this close to a town is that town's point
SOURCE = "countrystatecity-countries"

Extent = tuple[float, float, float, float]  # south, north, west, east

# Generic words of admin area names, in English and in GeoNames' transliterations
# (Zhejiang Sheng, Guangxi Zhuangzu Zizhiqu, Muhafazat Kirkuk, Chukotskiy Avtonomnyy Okrug).
_GENERIC = re.compile(
    r"\b(governorate|province|provincia|region|state|oblast|krai|kray|republic|prefecture"
    r"|department|county|district|territory|land|muhafazat|mohafazat|wilayat|ostan"
    r"|sheng|shi|zizhiqu|zhuangzu|huizu|uygur|autonomous|avtonomnyy|okrug)\b"
)


@dataclass(frozen=True, slots=True)
class ListedArea:
    """A state or province as the package lists it."""

    lat: float
    lon: float
    names: tuple[str, ...]


AdminPoints = dict[tuple[str, str], ListedArea]


def admin_point_keys(name: str) -> set[str]:
    """Keys an admin area's name is matched by: its normalised form, and that form
    without generic words ("Basra Governorate" and "Basra" meet)."""
    key = name_key(name)
    bare = " ".join(_GENERIC.sub(" ", key).split())
    return {k for k in (key, bare) if k}


def _states_files(folder: Path) -> Iterator[tuple[str, Path]]:
    for country in sorted(folder.iterdir()):
        path = country / "states.json"
        if path.is_file():
            yield country.name, path


def _listed(record: dict[str, object]) -> ListedArea | None:
    try:
        lat, lon = float(str(record["latitude"])), float(str(record["longitude"]))
    except (KeyError, TypeError, ValueError):
        return None
    names = dict.fromkeys(str(record.get(k) or "") for k in ("name", "native"))
    return ListedArea(lat, lon, tuple(n for n in names if n))


def load_admin_points(folder: Path | None = None) -> AdminPoints:
    """(country, key) -> listed area for every state or province the package lists;
    empty when the package is not installed. A key two areas of a country share is
    dropped (it names neither)."""
    folder = folder or package_data("countrystatecity_countries", "data/by-country")
    if folder is None:
        return {}
    points: AdminPoints = {}
    shared: set[tuple[str, str]] = set()
    for country, path in _states_files(folder):
        for record in load_json(path):
            area = _listed(record)
            if area is None:
                continue
            for key in set().union(*(admin_point_keys(n) for n in area.names)):
                spot = (country, key)
                if spot in points and points[spot] != area:
                    shared.add(spot)
                points[spot] = area
    for spot in shared:
        del points[spot]
    return points


def _covers(extent: Extent, lat: float, lon: float) -> bool:
    south, north, west, east = extent
    return (
        south - SLACK_DEGREES <= lat <= north + SLACK_DEGREES
        and west - SLACK_DEGREES <= lon <= east + SLACK_DEGREES
    )


def listed_area(points: AdminPoints, country: str, name: str, extent: Extent) -> ListedArea | None:
    """The listed area `name` in `country`, if its point lies within `extent` (the
    area's towns' south, north, west, east) widened by SLACK_DEGREES."""
    for key in sorted(admin_point_keys(name)):
        area = points.get((country, key))
        if area is not None and _covers(extent, area.lat, area.lon):
            return area
    return None


def at_town(area: ListedArea, town: tuple[float, float]) -> bool:
    """Whether the listed point is the given town's (within AT_TOWN_DEGREES)."""
    lat, lon = town
    return abs(area.lat - lat) < AT_TOWN_DEGREES and abs(area.lon - lon) < AT_TOWN_DEGREES


def quarter_degree(area: ListedArea) -> bool:
    """Whether the listed point follows GeoNames' convention for admin areas: both
    coordinates within QUARTER_TOLERANCE of a multiple of a quarter degree (Manitoba
    55.00019, -97.00049; Wisconsin 44.50024, -90.00041). Other points in the table come
    from geocoders and are no better than the point computed from the towns."""
    return all(abs(v * 4 - round(v * 4)) < QUARTER_TOLERANCE * 4 for v in (area.lat, area.lon))
