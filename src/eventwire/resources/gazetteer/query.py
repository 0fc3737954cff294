"""Read side of the gazetteer: lazily opened, per-instance caches, no module globals."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz.fuzz import ratio

from eventwire.resources.gazetteer.build import build_gazetteer
from eventwire.resources.gazetteer.normalize import name_key, skeleton
from eventwire.resources.gazetteer.schema import (
    ALIASES_PATH,
    BUILD_REVISION,
    GAZETTEER_VERSION,
    NameKind,
    package_data,
)

__all__ = ["Candidate", "Gazetteer", "Place", "default_gazetteer_path"]

ENV_VAR = "EVENTWIRE_GAZETTEER"
FUZZY_FLOOR = 0.72  # rapidfuzz similarity of normalised names below which no fuzzy match
_CACHE_LIMIT = 50_000
_COLUMNS = (
    "p.id, p.geonameid, p.name, p.feature, p.country, p.admin1_code, p.admin1, p.admin2,"
    " p.lat, p.lon, p.population, p.source, p.capital, n.kind, n.key"
)


def default_gazetteer_path() -> Path:
    """`$EVENTWIRE_GAZETTEER`, else `~/.cache/eventwire/gazetteer-<version>-<digest>.sqlite`,
    the digest being that of the curated alias table, the build revision and whether the
    optional admin1 points are installed: changing any of them means one fresh build."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    points = package_data("countrystatecity_countries", "data") is not None
    salt = f"{BUILD_REVISION};admin1-points={points}".encode()
    digest = hashlib.sha256(ALIASES_PATH.read_bytes() + salt).hexdigest()[:8]
    name = f"gazetteer-{GAZETTEER_VERSION}-{digest}.sqlite"
    return Path.home() / ".cache" / "eventwire" / name


@dataclass(frozen=True, slots=True)
class Place:
    place_id: int
    geonameid: int | None
    name: str
    feature: str  # continent | country | area | admin1 | admin2 | region | city | district
    country: str  # ISO 3166 alpha-2
    admin1_code: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int
    source: str
    capital: bool = False  # the country's capital


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to, and how well the name matched it."""

    place: Place
    match: str  # exact | alias | alternate | demonym | fuzzy (| part, set by the resolver)
    similarity: float  # 1.0 for exact matches, rapidfuzz ratio / 100 for fuzzy ones


_MATCH_BY_KIND = {
    NameKind.PRIMARY: "exact",
    NameKind.ALTERNATE: "alternate",
    NameKind.ALIAS: "alias",
}


class Gazetteer:
    """An indexed SQLite gazetteer, opened (and built if absent) on first use."""

    def __init__(self, path: Path | None = None, *, build_if_missing: bool = True) -> None:
        self.path = path or default_gazetteer_path()
        self._build_if_missing = build_if_missing
        self._db: sqlite3.Connection | None = None
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._areas: dict[str, tuple[Place, ...]] | None = None
        self._borders: dict[str, frozenset[str]] | None = None
        self._first_words: frozenset[str] | None = None
        self._demonyms: dict[str, tuple[Candidate, ...]] | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            if not self.path.exists() and self._build_if_missing:
                build_gazetteer(self.path)
            self._db = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
        return self._db

    def ensure(self) -> Path:
        """Open the file (building it first if it is missing); returns its path."""
        self._connect()
        return self.path

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """A demonym's country ("Canadian" is Canada, not Canadian, Texas); else exact
        (normalised) matches; fuzzy skeleton matches only when there is none."""
        key = name_key(name)
        if key in self._cache:
            return self._cache[key]
        found = self._demonym(key) or self._exact(key) or self._fuzzy(key)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = found
        return found

    def _rows(self, where: str, value: str, kind: int = NameKind.DEMONYM) -> list[tuple[Any, ...]]:
        sql = f"SELECT {_COLUMNS} FROM names n JOIN places p ON p.id = n.place WHERE {where}"
        return list(self._connect().execute(sql, (value, kind)))

    def _exact(self, key: str) -> tuple[Candidate, ...]:
        rows = self._rows("n.key = ? AND n.kind != ?", key)
        return _dedupe(Candidate(_place(r), _MATCH_BY_KIND[int(r[13])], 1.0) for r in rows)

    def _demonym(self, key: str) -> tuple[Candidate, ...]:
        """ "Lebanese", "Russians" -> the country (demonyms are held in memory)."""
        if self._demonyms is None:
            sql = f"SELECT {_COLUMNS} FROM names n JOIN places p ON p.id = n.place WHERE n.kind = ?"
            grouped: dict[str, list[Candidate]] = {}
            for row in self._connect().execute(sql, (NameKind.DEMONYM,)):
                grouped.setdefault(str(row[14]), []).append(Candidate(_place(row), "demonym", 1.0))
            self._demonyms = {k: _dedupe(v) for k, v in grouped.items()}
        return self._demonyms.get(key) or self._demonyms.get(key.removesuffix("s"), ())

    def _fuzzy(self, key: str) -> tuple[Candidate, ...]:
        if len(key) < 4:
            return ()
        rows = self._rows("n.skel = ? AND n.kind != ?", skeleton(key))
        scored = ((r, ratio(key, str(r[14])) / 100) for r in rows)
        return _dedupe(Candidate(_place(r), "fuzzy", s) for r, s in scored if s >= FUZZY_FLOOR)

    def places(self, geonameid: int) -> tuple[Place, ...]:
        sql = (
            f"SELECT {_COLUMNS} FROM places p JOIN names n ON n.place = p.id "
            "WHERE p.geonameid = ? GROUP BY p.id"
        )
        return tuple(_place(r) for r in self._connect().execute(sql, (geonameid,)))

    def areas(self) -> dict[str, tuple[Place, ...]]:
        """Name key -> countries, admin1 and admin2 areas by their names, curated aliases
        and demonyms (not GeoNames' alternate names): for context."""
        if self._areas is None:
            sql = (
                f"SELECT {_COLUMNS} FROM names n JOIN places p ON p.id = n.place "
                "WHERE p.feature IN ('country', 'admin1') "
                "AND (n.kind != 1 OR p.feature = 'country')"
            )
            grouped: dict[str, list[Place]] = {}
            for row in self._connect().execute(sql):
                grouped.setdefault(str(row[14]), []).append(_place(row))
            self._areas = {key: tuple(places) for key, places in grouped.items()}
        return self._areas

    def area_first_words(self) -> frozenset[str]:
        """First words of the area names: a cheap filter before looking up a phrase."""
        if self._first_words is None:
            self._first_words = frozenset(key.split(" ", 1)[0] for key in self.areas())
        return self._first_words

    def neighbours(self, country: str) -> frozenset[str]:
        """Countries sharing a land border with `country` (ISO alpha-2)."""
        if self._borders is None:
            row = self._connect().execute("SELECT value FROM meta WHERE key = 'borders'").fetchone()
            table = json.loads(row[0]) if row else {}
            self._borders = {c: frozenset(others) for c, others in table.items()}
        return self._borders.get(country, frozenset())


def _place(row: tuple[Any, ...]) -> Place:
    """A place from a row of `_COLUMNS` (SQLite gives the columns' own types)."""
    pid, gid, name, feature, country, code, admin1, admin2, lat, lon, pop, source = row[:12]
    return Place(
        pid,
        gid,
        name,
        feature,
        country,
        code,
        admin1,
        admin2,
        lat,
        lon,
        pop,
        source,
        capital=bool(row[12]),
    )


_MATCH_RANK = {"exact": 0, "alias": 0, "alternate": 1, "demonym": 1, "fuzzy": 2}


def _dedupe(candidates: Iterable[Candidate]) -> tuple[Candidate, ...]:
    """One candidate per place (per GeoNames id when known), keeping the best match."""
    best: dict[int, Candidate] = {}
    for cand in candidates:
        ident = cand.place.geonameid or -cand.place.place_id
        current = best.get(ident)
        if current is None or _better(cand, current):
            best[ident] = cand
    return tuple(best.values())


def _better(new: Candidate, old: Candidate) -> bool:
    new_rank = (_MATCH_RANK[new.match], -new.similarity, new.place.source.startswith("GeoNames"))
    old_rank = (_MATCH_RANK[old.match], -old.similarity, old.place.source.startswith("GeoNames"))
    return new_rank < old_rank
