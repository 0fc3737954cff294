"""Export rows of fused events (the `events`, `event_mentions`, `event_claims` tables)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select, select

from eventwire.store import schema

__all__ = ["event_export_row", "events_query"]


def events_query() -> Select[Any]:
    """Events by date (undated last), then id: a stable order."""
    events = schema.events
    undated = events.c.event_date.is_(None)
    return select(events).order_by(undated, events.c.event_date, events.c.event_id)


def event_export_row(row: Mapping[Any, Any]) -> dict[str, object]:
    found = {name: row[name] for name in schema.EVENT_FIELDS}
    found["attributed"] = bool(found["attributed"])
    return found
