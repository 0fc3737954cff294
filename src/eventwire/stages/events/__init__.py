"""Event typing: ACLED sub-event types plus the non-ACLED kinds of CASE 2021 (issue 3).

Public API: `EventTyper().classify(texts) -> list[TypedEvent]`.
"""

from __future__ import annotations

from eventwire.stages.events.resources import EventKind, EventResources, load_event_resources
from eventwire.stages.events.typer import (
    COMMENTARY,
    NOT_EVENT,
    UNCERTAIN,
    EventTyper,
    TypedEvent,
)

__all__ = [
    "COMMENTARY",
    "NOT_EVENT",
    "UNCERTAIN",
    "EventKind",
    "EventResources",
    "EventTyper",
    "TypedEvent",
    "load_event_resources",
]
