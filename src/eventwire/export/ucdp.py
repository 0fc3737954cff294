"""UCDP-GED-style CSV: UCDP GED's column names, in GED order, where we have the data.

ACLED precisions are mapped to UCDP's scales (docs/exports.md has the tables):
`where_prec` from `geo_precision` (1 -> 1 exact place, 2 -> 2 near a place,
3 -> 4 first-order admin unit; no coordinates but a country -> 6), `date_prec` from
`time_precision` (1 day -> 1, 2 week -> 3, 3 month -> 4). Fatalities: `best`, `low`,
`high` are the band over all claims; with no per-side figures, the best estimate goes
to `deaths_civilians` for violence against civilians and to `deaths_unknown` otherwise.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping
from typing import TextIO

from eventwire.export.writers import format_cell

__all__ = ["UCDP_COLUMNS", "ArticleRef", "article_refs", "priogrid_gid", "ucdp_row", "write_ucdp"]

UCDP_COLUMNS = (
    "id", "relid", "year", "active_year", "type_of_violence", "conflict_name", "dyad_name",
    "side_a", "side_b", "number_of_sources", "source_article", "source_office", "source_date",
    "source_headline", "source_original", "where_prec", "where_coordinates", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "iso", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low",
)  # fmt: skip
WHERE_PREC = {1: 1, 2: 2, 3: 4}
COUNTRY_ONLY = 6
DATE_PREC = {1: 1, 2: 3, 3: 4}
STATE_FORCES = 1  # ACLED inter code
ONE_SIDED = "Violence against civilians"
ORGANISED = ("Battles", "Explosions/Remote violence")
LIST_SEPARATOR = "; "

ArticleRef = tuple[str | None, str | None]  # (published, title) of an article


def article_refs(articles: Iterable[Mapping[str, object]]) -> dict[str, ArticleRef]:
    """article_id -> (published, title), from article export rows (texts are not kept)."""
    return {
        str(row["article_id"]): (optional(row.get("published")), optional(row.get("title")))
        for row in articles
    }


def write_ucdp(
    rows: Iterable[Mapping[str, object]],
    out: TextIO,
    articles: Mapping[str, ArticleRef] | None = None,
) -> int:
    """Write event rows as UCDP-GED-style CSV (header always); returns the number of events.

    With `articles` (see `article_refs`), `source_date` and `source_headline` are filled."""
    writer = csv.writer(out)
    writer.writerow(UCDP_COLUMNS)
    count = 0
    for row in rows:
        found = ucdp_row(row, articles or {})
        writer.writerow(format_cell(found[name]) for name in UCDP_COLUMNS)
        count += 1
    return count


def ucdp_row(event: Mapping[str, object], articles: Mapping[str, ArticleRef]) -> dict[str, object]:
    """One event row of the export contract as a UCDP-GED-style row."""
    found: dict[str, object] = dict.fromkeys(UCDP_COLUMNS)
    found.update(identity(event) | sides(event) | sourcing(event, articles))
    found.update(geography(event) | timing(event) | deaths(event))
    return found


def identity(event: Mapping[str, object]) -> dict[str, object]:
    year = str(event.get("event_date") or "")[:4]
    event_id = str(event.get("event_id") or "")
    return {
        "id": event_id,
        "relid": f"{event.get('iso3') or 'XXX'}-{year or 'undated'}-{event_id}",
        "year": int(year) if year.isdigit() else None,
        "type_of_violence": violence_type(event),
    }


def violence_type(event: Mapping[str, object]) -> int | None:
    """UCDP 1 state-based, 2 non-state, 3 one-sided; None for what UCDP does not count."""
    if event.get("event_type") == ONE_SIDED:
        return 3
    if event.get("event_type") not in ORGANISED:
        return None
    state = STATE_FORCES in (event.get("inter1"), event.get("inter2"))
    return 1 if state else 2


def sides(event: Mapping[str, object]) -> dict[str, object]:
    """side_a is the state's side when only actor2 is a state force (UCDP's convention)."""
    side_a, side_b = event.get("actor1"), event.get("actor2")
    if event.get("inter2") == STATE_FORCES and event.get("inter1") != STATE_FORCES:
        side_a, side_b = side_b, side_a
    dyad = f"{side_a} - {side_b}" if side_a and side_b else None
    return {"side_a": side_a, "side_b": side_b, "dyad_name": dyad}


def sourcing(event: Mapping[str, object], articles: Mapping[str, ArticleRef]) -> dict[str, object]:
    reports = [r for r in as_list(event.get("reports")) if isinstance(r, Mapping)]
    ids = list(dict.fromkeys(str(report.get("article_id")) for report in reports))
    refs = [articles[article_id] for article_id in ids if article_id in articles]
    claims = [c for c in as_list(event.get("claims")) if isinstance(c, Mapping)]
    return {
        "number_of_sources": event.get("source_count"),
        "source_article": joined(ids),
        "source_office": joined(as_list(event.get("sources"))),
        "source_date": joined(published for published, _ in refs if published),
        "source_headline": joined(title for _, title in refs if title),
        "source_original": joined(claim.get("claimant") for claim in claims),
    }


def geography(event: Mapping[str, object]) -> dict[str, object]:
    point = point_of(event)
    return {
        "where_prec": where_prec(event, point is not None),
        "where_coordinates": event.get("location"),
        "adm_1": event.get("admin1"),
        "adm_2": event.get("admin2"),
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "geom_wkt": f"POINT ({point[1]} {point[0]})" if point else None,
        "priogrid_gid": priogrid_gid(*point) if point else None,
        "country": event.get("country"),
        "iso": event.get("iso3"),
    }


def point_of(event: Mapping[str, object]) -> tuple[float, float] | None:
    """(latitude, longitude) when the event has both."""
    latitude, longitude = event.get("latitude"), event.get("longitude")
    if isinstance(latitude, int | float) and isinstance(longitude, int | float):
        return float(latitude), float(longitude)
    return None


def where_prec(event: Mapping[str, object], point: bool) -> int | None:
    precision = event.get("geo_precision")
    if point and isinstance(precision, int) and precision in WHERE_PREC:
        return WHERE_PREC[precision]
    return COUNTRY_ONLY if event.get("country") else None


def priogrid_gid(latitude: float, longitude: float) -> int:
    """PRIO-GRID cell (0.5 degrees): rows from the south pole, columns from -180, 1-based."""
    row = min(math.floor((latitude + 90) * 2), 359)
    col = min(math.floor((longitude + 180) * 2), 719)
    return row * 720 + col + 1


def timing(event: Mapping[str, object]) -> dict[str, object]:
    precision = event.get("time_precision")
    start = event.get("event_date")
    return {
        "date_prec": DATE_PREC.get(precision) if isinstance(precision, int) else None,
        "event_clarity": 1 if precision == 1 else 2,
        "date_start": start,
        "date_end": event.get("date_end") or start,
    }


def deaths(event: Mapping[str, object]) -> dict[str, object]:
    best = event.get("fatalities_best")
    one_sided = event.get("event_type") == ONE_SIDED
    return {
        "best": best,
        "low": event.get("fatalities_low"),
        "high": event.get("fatalities_high"),
        "deaths_civilians": best if one_sided else None,
        "deaths_unknown": None if one_sided else best,
    }


def joined(values: Iterable[object]) -> str | None:
    unique = [str(value) for value in dict.fromkeys(values) if value]
    return LIST_SEPARATOR.join(unique) or None


def optional(value: object) -> str | None:
    return None if value is None else str(value)


def as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []
