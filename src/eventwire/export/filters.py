"""Filters on event rows, shared by `events`, `export` and the HTTP API.

One frozen `EventFilter` holds every criterion; an unset field keeps everything.
Text criteria ignore case. Dates are ISO strings and compared as such.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from eventwire.errors import Code, EventwireError

__all__ = ["BBox", "EventFilter", "filter_events", "parse_bbox"]

Row = Mapping[str, object]
ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")


@dataclass(frozen=True, slots=True)
class BBox:
    """A bounding box in degrees (RFC 7946 order); `west > east` crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    def holds(self, longitude: float, latitude: float) -> bool:
        if not self.south <= latitude <= self.north:
            return False
        if self.west <= self.east:
            return self.west <= longitude <= self.east
        return longitude >= self.west or longitude <= self.east


def parse_bbox(text: str) -> BBox:
    """`"west,south,east,north"` -> BBox; E601 when it is not four numbers in range."""
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError as exc:
        detail = f"bounding box {text!r} is not 'west,south,east,north' in degrees"
        raise EventwireError(Code.EXPORT_FAILED, detail=detail) from exc
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise EventwireError(Code.EXPORT_FAILED, detail=f"bounding box {text!r} is out of range")
    return BBox(west, south, east, north)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to keep.

    - `since`, `until`: ISO dates; an event is kept when its date range
      [`event_date`, `date_end`] meets [since, until]; undated events go when either is set.
    - `country`: country name or ISO3 code. `admin1`: admin1 name.
    - `event_type`: an ACLED event type or sub-event type.
    - `actor`: part of a name in actor1, actor2 or the associated actors.
    - `outlet`: one of the event's `sources`.
    - `min_sources`: least `independent_source_count`.
    - `bbox`: events with coordinates inside the box.
    """

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    outlet: str | None = None
    min_sources: int = 0
    bbox: BBox | None = None

    def keeps(self, row: Row) -> bool:
        return (
            self.keeps_dates(row)
            and matches(self.country, row, ("country", "iso3"))
            and matches(self.admin1, row, ("admin1",))
            and matches(self.event_type, row, ("event_type", "sub_event_type"))
            and self.keeps_actor(row)
            and self.keeps_outlet(row)
            and as_int(row.get("independent_source_count")) >= self.min_sources
            and self.keeps_place(row)
        )

    def keeps_dates(self, row: Row) -> bool:
        if self.since is None and self.until is None:
            return True
        start = row.get("event_date")
        if not start:
            return False
        end = str(row.get("date_end") or start)
        return (self.since is None or end >= self.since) and (
            self.until is None or str(start) <= self.until
        )

    def keeps_actor(self, row: Row) -> bool:
        if self.actor is None:
            return True
        wanted = self.actor.casefold()
        return any(wanted in str(row.get(name) or "").casefold() for name in ACTOR_FIELDS)

    def keeps_outlet(self, row: Row) -> bool:
        if self.outlet is None:
            return True
        sources = row.get("sources")
        outlets = sources if isinstance(sources, list | tuple) else ()
        return self.outlet.casefold() in {str(outlet).casefold() for outlet in outlets}

    def keeps_place(self, row: Row) -> bool:
        if self.bbox is None:
            return True
        longitude, latitude = row.get("longitude"), row.get("latitude")
        if not isinstance(longitude, int | float) or not isinstance(latitude, int | float):
            return False
        return self.bbox.holds(float(longitude), float(latitude))


def matches(wanted: str | None, row: Row, fields: tuple[str, ...]) -> bool:
    if wanted is None:
        return True
    folded = wanted.casefold()
    return any(str(row.get(name) or "").casefold() == folded for name in fields)


def as_int(value: object) -> int:
    return value if isinstance(value, int) else 0


def filter_events(
    rows: Iterable[dict[str, object]], wanted: EventFilter
) -> Iterator[dict[str, object]]:
    """The rows `wanted` keeps, streamed in their order."""
    return (row for row in rows if wanted.keeps(row))
