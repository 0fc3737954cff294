"""GeoJSON (RFC 7946): events as Point features in one FeatureCollection.

Coordinates are `[longitude, latitude]` in WGS 84. Every field of the event row is a
property, `claims` and `reports` included (as JSON arrays). Events without valid
coordinates are left out and counted. Features are written as they come, so memory stays
flat; the output is one JSON document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TextIO

__all__ = ["GeoJSONCount", "event_feature", "write_geojson"]


@dataclass(frozen=True, slots=True)
class GeoJSONCount:
    """Features written, and events left out for want of coordinates."""

    written: int
    skipped: int


def write_geojson(rows: Iterable[Mapping[str, object]], out: TextIO) -> GeoJSONCount:
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for row in rows:
        feature = event_feature(row)
        if feature is None:
            skipped += 1
            continue
        out.write(",\n" if written else "\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return GeoJSONCount(written, skipped)


def event_feature(event: Mapping[str, object]) -> dict[str, object] | None:
    """A Point feature for an event with coordinates in range, else None."""
    longitude, latitude = event.get("longitude"), event.get("latitude")
    if not valid(longitude, -180, 180) or not valid(latitude, -90, 90):
        return None
    return {
        "type": "Feature",
        "id": event.get("event_id"),
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": dict(event),
    }


def valid(value: object, low: float, high: float) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return low <= value <= high
