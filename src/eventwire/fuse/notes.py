"""One neutral sentence per event, built only from coded fields (`fuse.notes.v1`).

No word of any source reaches the note: actors are canonical names, the action is the
ACLED sub-type, figures are the reconciled band.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["note"]

PRECISION = {1: "on", 2: "in the week of", 3: "in the month of"}


def note(event: Mapping[str, Any]) -> str:
    parts = [f"{event['sub_event_type']} ({event['event_type']})"]
    if event.get("actor1"):
        parts.append(f"involving {event['actor1']}")
        if event.get("actor2"):
            parts[-1] += f" and {event['actor2']}"
    if event.get("location"):
        parts.append(f"in {where(event)}")
    if event.get("event_date"):
        parts.append(
            f"{PRECISION.get(event.get('time_precision') or 1, 'on')} {event['event_date']}"
        )
    sentence = " ".join(parts)
    return f"{sentence}; {figures(event)}; reported by {reports(event)}."


def where(event: Mapping[str, Any]) -> str:
    names = [event.get("location"), event.get("admin1"), event.get("country")]
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(str(name))
    return ", ".join(seen)


def figures(event: Mapping[str, Any]) -> str:
    low, high = event.get("fatalities_low"), event.get("fatalities_high")
    if low is None:
        return "no fatality figure claimed"
    band = str(low) if low == high else f"{low}-{high}"
    return f"claimed fatalities {band} (conservative count {event['fatalities']})"


def reports(event: Mapping[str, Any]) -> str:
    count, independent = event.get("source_count") or 0, event.get("independent_source_count") or 0
    outlets = "outlet" if count == 1 else "outlets"
    return f"{count} {outlets} ({independent} independent)"


def when(event: Mapping[str, Any]) -> str:
    first, last = event["event_date"], event.get("date_end") or event["event_date"]
    if last != first:
        return f"between {first} and {last}"
    return f"{PRECISION.get(event.get('time_precision') or 1, 'on')} {first}"
