"""The gazetteer file: schema, name kinds and the write primitives shared by its builders."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from eventwire.resources.gazetteer.normalize import name_key, skeleton

__all__ = [
    "ALIASES_PATH",
    "BUILD_REVISION",
    "GAZETTEER_VERSION",
    "INDEXES",
    "NameKind",
    "PlaceRow",
    "connect_for_writing",
    "insert_place",
    "unique_keys",
    "usable_alternate",
]

GAZETTEER_VERSION = "v1"
# Changes with how the base gazetteer is built (not its schema): part of the default
# file's digest, so a build change means one fresh build, not a stale cached file.
BUILD_REVISION = "admin1-points-1"
LARGE_AREA_DEGREES = 10.0
ALIASES_PATH = Path(__file__).resolve().parent.parent / "places_aliases.v1.csv"

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, feature TEXT NOT NULL,
    country TEXT NOT NULL, admin1_code TEXT NOT NULL, admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL, source TEXT NOT NULL, capital INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, skel TEXT NOT NULL,
    place INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_skel ON names(skel);
CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid);
CREATE INDEX IF NOT EXISTS places_admin1 ON places(country, admin1_code, feature);
"""


class NameKind:
    """Values of names.kind: how a name belongs to its place."""

    PRIMARY = 0
    ALTERNATE = 1
    ALIAS = 2
    DEMONYM = 3  # context only ("Lebanese"), never a toponym candidate


@dataclass(frozen=True, slots=True)
class PlaceRow:
    name: str
    feature: str  # continent | country | area | admin1 | admin2 | region | city | district
    country: str
    lat: float
    lon: float
    geonameid: int | None = None
    admin1_code: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    source: str = ""
    capital: bool = False  # the country's capital


def connect_for_writing(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    return db


def insert_place(db: sqlite3.Connection, row: PlaceRow, names: Iterable[tuple[str, int]]) -> int:
    """Insert one place and its names (name, kind); returns the new place id."""
    cur = db.execute(
        "INSERT INTO places (geonameid, name, feature, country, admin1_code, admin1, admin2,"
        " lat, lon, population, source, capital) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            row.geonameid,
            row.name,
            row.feature,
            row.country,
            row.admin1_code,
            row.admin1,
            row.admin2,
            row.lat,
            row.lon,
            row.population,
            row.source,
            int(row.capital),
        ),
    )
    place_id = int(cur.lastrowid or 0)
    add_names(db, place_id, names)
    return place_id


def unique_keys(names: Iterable[tuple[str, int]]) -> Iterator[tuple[str, int]]:
    """Normalised keys, each once, with the strongest (lowest) kind it was given."""
    best: dict[str, int] = {}
    for name, kind in names:
        key = name_key(name)
        if key and (key not in best or kind < best[key]):
            best[key] = kind
    yield from best.items()


def usable_alternate(name: str) -> bool:
    """Skip airport codes (ALP) and GeoNames' lower-case machine transliterations (hlb)."""
    if not name or name.lower() == name:
        return False
    if name.isupper() and len(name) <= 4:
        return False
    key = name_key(name)
    return bool(key) and key.isascii()


def package_data(package: str, filename: str) -> Path | None:
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / filename
        if candidate.exists():
            return candidate
    return None


def load_json(path: Path | None) -> Any:
    if path is None:
        return {}
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def add_names(db: sqlite3.Connection, place_id: int, names: Iterable[tuple[str, int]]) -> None:
    db.executemany(
        "INSERT INTO names (key, skel, place, kind) VALUES (?,?,?,?)",
        [(key, skeleton(key), place_id, kind) for key, kind in unique_keys(names)],
    )


def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
