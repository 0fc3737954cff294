"""Classify paragraph units as header parts (headline, dateline, outlet, byline) or body."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.records import Paragraph
from eventwire.stages.datelines import Dateline, DatelineRules

__all__ = ["DATED", "UnitRole", "classify_units", "starts_dated_article"]

DATED = frozenset({"date", "outlet", "placedate"})


@dataclass(frozen=True, slots=True)
class UnitRole:
    """`kind` is one of: headline, date, outlet, placedate, byline, body."""

    kind: str
    dateline: Dateline | None = None


def classify_units(units: Sequence[Paragraph], rules: DatelineRules) -> list[UnitRole]:
    return [classify_unit(unit.text, rules) for unit in units]


def classify_unit(text: str, rules: DatelineRules) -> UnitRole:
    if (found := rules.date_line(text)) is not None:
        return UnitRole("date", Dateline(date=found))
    if (outlet := rules.outlet_line(text)) is not None:
        return UnitRole("outlet", Dateline(outlet=outlet))
    if (placed := rules.place_date_line(text)) is not None:
        return UnitRole("placedate", placed)
    if rules.byline(text):
        return UnitRole("byline")
    if (inline := rules.inline(text)) is not None:
        return UnitRole("body", inline)
    if rules.headline(text):
        return UnitRole("headline")
    return UnitRole("body")


def starts_dated_article(roles: Sequence[UnitRole], index: int) -> bool:
    """True when unit `index` opens a dated article header (used to end comment sections)."""
    role = roles[index]
    if role.kind in DATED or (role.kind == "body" and role.dateline is not None):
        return True
    following = roles[index + 1] if index + 1 < len(roles) else None
    return role.kind == "headline" and following is not None and following.kind in DATED
