"""Event typing: ACLED sub-event types plus the non-ACLED kinds of CASE 2021 (issue 3).

Public API: `EventTyper().classify(texts) -> list[TypedEvent]` (words only);
`EventTyper.gated()` is the pipeline's typer (words, plus a sentence embedding where the
words are unsure).
"""

from __future__ import annotations

from eventwire.stages.events.resources import EventKind, EventResources, load_event_resources
from eventwire.stages.events.typer import (
    COMMENTARY,
    EMBED_BELOW,
    NOT_EVENT,
    UNCERTAIN,
    EventTyper,
    TypedEvent,
)

__all__ = [
    "COMMENTARY",
    "EMBED_BELOW",
    "NOT_EVENT",
    "UNCERTAIN",
    "EventKind",
    "EventResources",
    "EventTyper",
    "TypedEvent",
    "load_event_resources",
]
