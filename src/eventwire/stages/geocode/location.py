"""The place of an event: chosen from the resolved places around its sentence."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.stages.geocode.model import Resolution

__all__ = ["choose_event_place"]


def choose_event_place(
    resolutions: Sequence[Resolution],
    sentence: tuple[int, int],
    dateline: Resolution | None = None,
) -> tuple[Resolution | None, str]:
    """The place of an event reported in `sentence` (start, end offsets), and how it was
    chosen: the most precise resolved place inside the sentence (a town over its
    country: "took Qusayr near the Lebanese border" is Qusayr); else the last resolved
    town before the sentence; else the dateline's place; else none. Never simply the
    article's first place."""
    start, end = sentence
    inside = [r for r in resolutions if r.place and start <= r.toponym.start < end]
    if inside:
        return min(inside, key=_specificity), "sentence"
    before = [
        r
        for r in resolutions
        if r.place and r.precision == 1 and r.toponym.end and r.toponym.end <= start
    ]
    if before:
        return max(before, key=lambda r: r.toponym.start), "preceding"
    if dateline is not None and dateline.place is not None:
        return dateline, "dateline"
    return None, "no resolved place"


def _specificity(result: Resolution) -> tuple[int, int, int]:
    order = {"district": 0, "city": 0, "region": 1, "admin2": 2, "admin1": 3}
    assert result.place is not None
    return (result.precision or 3, order.get(result.place.feature, 4), result.toponym.start)
