"""Import a GeoNames dump a user downloaded into the gazetteer (no download here).

Accepted: `allCountries.zip`, a country file (`SY.zip`, `SY.txt`), `alternateNamesV2.zip`
or its `.txt`. Places already present (same geonameid) are kept; a dump's country rows
move the country's centroid to GeoNames' point. Alternate names attach to every place with
their geonameid.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import Code, EventwireError
from eventwire.resources.gazetteer.build import build_gazetteer
from eventwire.resources.gazetteer.normalize import skeleton
from eventwire.resources.gazetteer.schema import (
    INDEXES,
    NameKind,
    PlaceRow,
    connect_for_writing,
    insert_place,
    unique_keys,
    usable_alternate,
)

__all__ = ["import_geonames"]

_BATCH = 50_000
_MAIN_COLUMNS = 19
_ALTERNATE_COLUMNS = 10
_SKIPPED_LANGUAGES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc"})
_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL"})
_ADMIN_FEATURES = {"ADM1": "admin1", "ADM2": "admin2", "ADMD": "region"}
_DISTRICT_CODES = frozenset({"PPLX"})
_FILL_ADMIN1 = """
UPDATE places SET admin1 = (
    SELECT a.name FROM places a WHERE a.feature = 'admin1' AND a.country = places.country
    AND a.admin1_code = places.admin1_code LIMIT 1)
WHERE admin1 = '' AND admin1_code NOT IN ('', '00') AND EXISTS (
    SELECT 1 FROM places a WHERE a.feature = 'admin1' AND a.country = places.country
    AND a.admin1_code = places.admin1_code)
"""


def import_geonames(path: Path, gazetteer: Path) -> int:
    """Add a GeoNames dump to the gazetteer file (built first when it does not exist yet);
    returns the places (or names) added."""
    if not path.exists():
        raise EventwireError(Code.UNREADABLE, detail=f"{path}: no such file")
    if not gazetteer.exists():
        build_gazetteer(gazetteer)  # the dump adds to the bundled places, not instead
    db = connect_for_writing(gazetteer)
    try:
        with db:
            added = sum(_import_member(db, name, lines) for name, lines in _members(path))
            db.executescript(INDEXES)
            db.execute(_FILL_ADMIN1)
    finally:
        db.close()
    return added


def _members(path: Path) -> Iterator[tuple[str, Iterator[str]]]:
    """(file name, lines) for each data file: a .txt, or the .txt files of a .zip."""
    if not zipfile.is_zipfile(path):
        with path.open(encoding="utf-8") as handle:
            yield path.name, iter(handle)
        return
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            name = Path(info.filename).name
            if not name.endswith(".txt") or name.startswith(("readme", "iso-language")):
                continue
            with archive.open(info) as raw:
                yield name, iter(io.TextIOWrapper(raw, encoding="utf-8"))


def _import_member(db: sqlite3.Connection, name: str, lines: Iterator[str]) -> int:
    if name.lower().startswith("alternatename"):
        return _import_alternates(db, lines)
    return _import_places(db, lines)


# --- main dump ---------------------------------------------------------------------------


def _import_places(db: sqlite3.Connection, lines: Iterator[str]) -> int:
    known = {int(r[0]) for r in db.execute("SELECT geonameid FROM places WHERE geonameid")}
    admin1_names = _admin1_names(db)
    added = 0
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        if len(fields) != _MAIN_COLUMNS or fields[0].startswith("#"):
            continue
        if fields[7] in _COUNTRY_CODES:
            _move_country(db, fields)
            continue
        row = _place_row(fields, admin1_names)
        if row is None or row.geonameid in known:
            continue
        names = [(row.name, NameKind.PRIMARY), (fields[2], NameKind.PRIMARY)]
        names += [(n, NameKind.ALTERNATE) for n in fields[3].split(",") if usable_alternate(n)]
        insert_place(db, row, names)
        known.add(int(fields[0]))
        added += 1
    return added


def _admin1_names(db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = db.execute("SELECT country, admin1_code, admin1 FROM places WHERE admin1 != ''")
    return {(str(c), str(code)): str(name) for c, code, name in rows}


def _feature(feature_class: str, code: str) -> str | None:
    if feature_class == "P":
        return "district" if code in _DISTRICT_CODES else "city"
    if feature_class == "A":
        return _ADMIN_FEATURES.get(code)
    if feature_class == "L" and code in ("RGN", "AREA"):
        return "region"
    return None


def _place_row(fields: list[str], admin1_names: dict[tuple[str, str], str]) -> PlaceRow | None:
    feature = _feature(fields[6], fields[7])
    if feature is None:
        return None
    country, admin1_code = fields[8], fields[10]
    return PlaceRow(
        name=fields[1],
        feature=feature,
        country=country,
        lat=float(fields[4]),
        lon=float(fields[5]),
        geonameid=int(fields[0]),
        admin1_code=admin1_code,
        admin1=fields[1] if feature == "admin1" else admin1_names.get((country, admin1_code), ""),
        admin2=fields[1] if feature == "admin2" else "",
        population=int(fields[14] or 0),
        capital=fields[7] == "PPLC",
        source=f"GeoNames {fields[0]}",
    )


def _move_country(db: sqlite3.Connection, fields: list[str]) -> None:
    db.execute(
        "UPDATE places SET lat = ?, lon = ?, geonameid = ?, source = ? "
        "WHERE feature = 'country' AND country = ?",
        (float(fields[4]), float(fields[5]), int(fields[0]), f"GeoNames {fields[0]}", fields[8]),
    )


# --- alternate names ---------------------------------------------------------------------


def _import_alternates(db: sqlite3.Connection, lines: Iterator[str]) -> int:
    places: dict[int, list[int]] = {}
    for place_id, geonameid in db.execute("SELECT id, geonameid FROM places WHERE geonameid"):
        places.setdefault(int(geonameid), []).append(int(place_id))
    batch: list[tuple[str, str, int, int]] = []
    added = 0
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        if len(fields) < _ALTERNATE_COLUMNS - 2 or fields[2] in _SKIPPED_LANGUAGES:
            continue
        targets = places.get(int(fields[1]) if fields[1].isdigit() else -1, [])
        if not targets or not usable_alternate(fields[3]):
            continue
        for key, kind in unique_keys([(fields[3], NameKind.ALTERNATE)]):
            batch += [(key, skeleton(key), place_id, kind) for place_id in targets]
        if len(batch) >= _BATCH:
            added += _flush(db, batch)
    return added + _flush(db, batch)


def _flush(db: sqlite3.Connection, batch: list[tuple[str, str, int, int]]) -> int:
    db.executemany("INSERT INTO names (key, skel, place, kind) VALUES (?,?,?,?)", batch)
    count = len(batch)
    batch.clear()
    return count
