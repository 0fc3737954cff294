"""Read queries for the HTTP API (`eventwire.web`): SQL over one long-lived store.

The SQL form of `EventFilter` (`event_conditions`) keeps the same events, in the same
order, as `filter_events` does in Python; a test in tests/web checks it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from time import monotonic
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, Text, and_, cast, distinct, func, or_, select

from eventwire.export.filters import BBox, EventFilter
from eventwire.store import DEFAULT_URL, Store, schema
from eventwire.store.schema import EVENT_FIELDS

__all__ = [
    "EventPage",
    "StoreReader",
    "event_conditions",
    "events_page_query",
    "widest_span",
]

LIST_FIELDS = tuple(name for name in EVENT_FIELDS if name not in ("claims", "reports"))
SPAN_TTL = 60.0  # seconds before the widest date range of the events is measured again


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of events (without their claims and reports) and where the next one starts."""

    events: list[dict[str, object]]
    offset: int
    next_offset: int | None


class StoreReader:
    """Read-only queries over a store that stays open (one engine, pooled connections).

    Event pages apply `EventFilter` in SQL, with the same meaning as `filter_events`."""

    def __init__(self, db_url: str = DEFAULT_URL) -> None:
        self.db_url = db_url
        self.store = Store.open(db_url)
        self.span: tuple[float, int] | None = None  # (measured at, widest range in days)

    def close(self) -> None:
        self.store.close()

    def events(
        self, wanted: EventFilter, limit: int = 50, offset: int = 0, descending: bool = False
    ) -> EventPage:
        """Dated events by date, then undated ones: two queries, so that the date index
        gives the order and a page stops reading once it is full."""
        floor = self._since_floor(wanted.since)
        query = events_page_query(wanted, floor, descending, dated=True)
        rows = self._rows(query.limit(limit + 1).offset(offset))
        if len(rows) <= limit and wanted.since is None and wanted.until is None:
            skip = offset - self._count(query) if not rows else 0
            undated = events_page_query(wanted, floor, descending, dated=False)
            rows += self._rows(undated.limit(limit + 1 - len(rows)).offset(max(skip, 0)))
        more = offset + limit if len(rows) > limit else None
        return EventPage([event_json(row) for row in rows[:limit]], offset, more)

    def event(self, event_id: str) -> dict[str, object] | None:
        """One event with its claims and reports, or None."""
        query = select(schema.events).where(schema.events.c.event_id == event_id)
        return next((event_json(row) for row in self._rows(query)), None)

    def outlets(self) -> list[dict[str, object]]:
        """Every outlet with its number of articles and of events it reported."""
        found: dict[str, dict[str, object]] = {}
        for name, count in self._rows(outlet_articles_query()):
            found[str(name)] = {"outlet": name, "articles": count, "events": 0}
        for name, count in self._rows(outlet_events_query()):
            found.setdefault(str(name), {"outlet": name, "articles": 0})["events"] = count
        return sorted(found.values(), key=lambda row: str(row["outlet"]).casefold())

    def rows(self, table: str, limit: int, offset: int = 0) -> list[dict[str, object]]:
        """A slice of one export table (`rejects`, `framing`, ...) in its stable order."""
        return list(islice(self.store.iter_rows(table), offset, offset + limit))

    def _since_floor(self, since: str | None) -> str | None:
        """No event that ends on or after `since` starts before this date: a bound the
        date index can use (the widest date range is measured at most every SPAN_TTL s)."""
        if since is None:
            return None
        if self.span is None or monotonic() - self.span[0] > SPAN_TTL:
            self.span = (monotonic(), widest_span(self._rows(spans_query())))
        try:
            return (date.fromisoformat(since) - timedelta(days=self.span[1])).isoformat()
        except (ValueError, OverflowError):  # an odd `since`, or a range wider than the calendar
            return None

    def _count(self, query: Select[Any]) -> int:
        counted = select(func.count()).select_from(query.order_by(None).subquery())
        with self.store.engine.connect() as connection:
            return int(connection.execute(counted).scalar_one())

    def _rows(self, query: Select[Any]) -> list[Row[Any]]:
        with self.store.engine.connect() as connection:
            return list(connection.execute(query))


def event_json(row: Row[Any]) -> dict[str, object]:
    found = dict(row._mapping)
    found["attributed"] = bool(found["attributed"])
    return {name: found[name] for name in EVENT_FIELDS if name in found}


def spans_query() -> Select[Any]:
    events = schema.events
    ranged = and_(events.c.event_date.is_not(None), events.c.date_end > events.c.event_date)
    return select(events.c.event_date, events.c.date_end).where(ranged)


def widest_span(rows: Iterable[Sequence[Any]]) -> int:
    """The most days between `event_date` and `date_end` (one more when a date is odd)."""
    widest = 0
    for start, end in rows:
        try:
            widest = max(widest, (date.fromisoformat(end) - date.fromisoformat(start)).days)
        except (TypeError, ValueError):
            return 366_000  # unreadable dates: no usable bound
    return widest


def events_page_query(
    wanted: EventFilter, floor: str | None, descending: bool, dated: bool
) -> Select[Any]:
    """The dated (or the undated) events `wanted`, by date then id (or both reversed)."""
    events = schema.events
    columns = [events.c[name] for name in LIST_FIELDS]
    has_date = events.c.event_date.is_not(None) if dated else events.c.event_date.is_(None)
    query = select(*columns).where(has_date, *event_conditions(wanted))
    if floor is not None:
        query = query.where(events.c.event_date >= floor)
    if descending:
        return query.order_by(events.c.event_date.desc(), events.c.event_id.desc())
    return query.order_by(events.c.event_date, events.c.event_id)


def event_conditions(wanted: EventFilter) -> list[ColumnElement[bool]]:
    """`wanted` as SQL conditions (text compared case-insensitively, as `EventFilter.keeps`)."""
    events = schema.events
    checks: list[ColumnElement[bool]] = []
    if wanted.since is not None:
        checks.append(func.coalesce(events.c.date_end, events.c.event_date) >= wanted.since)
    if wanted.until is not None:
        checks.append(events.c.event_date <= wanted.until)
    for value, names in ((wanted.country, ("country", "iso3")), (wanted.admin1, ("admin1",)),
                         (wanted.event_type, ("event_type", "sub_event_type"))):  # fmt: skip
        if value is not None:
            checks.append(or_(*(func.lower(events.c[name]) == value.lower() for name in names)))
    if wanted.actor is not None:
        checks.append(actor_like(wanted.actor))
    if wanted.outlet is not None:
        checks.append(among_sources(wanted.outlet))
    if wanted.min_sources > 0:
        checks.append(events.c.independent_source_count >= wanted.min_sources)
    if wanted.bbox is not None:
        checks.append(inside(wanted.bbox))
    return checks


def like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def actor_like(actor: str) -> ColumnElement[bool]:
    """Any actor or associated actor whose name contains `actor` (any case)."""
    pattern = f"%{like_escaped(actor)}%"
    names = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
    return or_(*(schema.events.c[name].ilike(pattern, escape="\\") for name in names))


def among_sources(outlet: str) -> ColumnElement[bool]:
    """`outlet` is one of the event's `sources` (any case): the quoted name in the JSON list."""
    pattern = f"%{like_escaped(json.dumps(outlet.lower()))}%"
    sources = func.lower(cast(schema.events.c.sources, Text))
    return sources.like(pattern, escape="\\")


def inside(bbox: BBox) -> ColumnElement[bool]:
    events = schema.events
    across = (events.c.longitude >= bbox.west) | (events.c.longitude <= bbox.east)
    within = events.c.longitude.between(bbox.west, bbox.east)
    longitude = within if bbox.west <= bbox.east else across
    return and_(events.c.latitude.between(bbox.south, bbox.north), longitude)


def outlet_articles_query() -> Select[Any]:
    articles = schema.articles
    named = articles.c.outlet.is_not(None)
    return select(articles.c.outlet, func.count()).where(named).group_by(articles.c.outlet)


def outlet_events_query() -> Select[Any]:
    """Events per outlet, from the mentions fused into them (`sources` holds the same names)."""
    links, mentions = schema.event_mentions, schema.mentions
    joined = links.join(mentions, mentions.c.mention_id == links.c.mention_id)
    count = func.count(distinct(links.c.event_id))
    query = select(mentions.c.outlet, count).select_from(joined)
    return query.where(mentions.c.outlet.is_not(None)).group_by(mentions.c.outlet)
