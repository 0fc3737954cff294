"""EventFilter: the filters shared by events, export and the API."""

from __future__ import annotations

import pytest

from eventwire.errors import EventwireError
from eventwire.export.filters import BBox, EventFilter, filter_events, parse_bbox
from tests.export.samples import UNPLACED, event

WEEK = event(event_date="2018-04-30", date_end="2018-05-06", time_precision=2)


@pytest.mark.parametrize(
    ("wanted", "kept"),
    [
        (EventFilter(), True),
        (EventFilter(since="2018-05-02", until="2018-05-02"), True),
        (EventFilter(since="2018-05-03"), False),
        (EventFilter(until="2018-05-01"), False),
        (EventFilter(country="Syria"), True),
        (EventFilter(country="syr"), True),
        (EventFilter(country="Lebanon"), False),
        (EventFilter(admin1="homs"), True),
        (EventFilter(admin1="Idlib"), False),
        (EventFilter(event_type="Battles"), True),
        (EventFilter(event_type="government regains territory"), True),
        (EventFilter(event_type="Protests"), False),
        (EventFilter(actor="military forces of syria"), True),
        (EventFilter(actor="Opposition"), True),
        (EventFilter(actor="Hezbollah"), False),
        (EventFilter(outlet="prensa latina"), True),
        (EventFilter(outlet="Reuters"), False),
        (EventFilter(min_sources=1), True),
        (EventFilter(min_sources=2), False),
        (EventFilter(bbox=BBox(36.0, 34.0, 37.0, 35.0)), True),
        (EventFilter(bbox=BBox(35.0, 34.0, 36.0, 35.0)), False),
        (EventFilter(country="SYR", event_type="Battles", min_sources=1), True),
        (EventFilter(country="SYR", event_type="Riots"), False),
    ],
)
def test_event_filter_keeps(wanted: EventFilter, kept: bool) -> None:
    assert wanted.keeps(event()) is kept


@pytest.mark.parametrize(
    ("since", "until", "kept"),
    [("2018-05-03", None, True), ("2018-05-07", None, False), (None, "2018-04-30", True),
     (None, "2018-04-29", False), ("2018-05-01", "2018-05-02", True)],
)  # fmt: skip
def test_event_filter_dates_meet_the_event_range(
    since: str | None, until: str | None, kept: bool
) -> None:
    assert EventFilter(since=since, until=until).keeps(WEEK) is kept


def test_event_filter_unplaced_and_undated() -> None:
    assert EventFilter().keeps(UNPLACED)
    assert not EventFilter(since="2000-01-01").keeps(UNPLACED)
    assert not EventFilter(bbox=BBox(-180, -90, 180, 90)).keeps(UNPLACED)
    assert not EventFilter(country="Syria").keeps(UNPLACED)


def test_bbox_across_the_antimeridian() -> None:
    box = BBox(170.0, -20.0, -170.0, 0.0)
    assert box.holds(175.0, -10.0) and box.holds(-175.0, -10.0)
    assert not box.holds(0.0, -10.0)


def test_parse_bbox() -> None:
    assert parse_bbox("36,34,37.5,35") == BBox(36.0, 34.0, 37.5, 35.0)


@pytest.mark.parametrize("text", ["36,34,37", "a,b,c,d", "36,95,37,96", "36,35,37,34"])
def test_parse_bbox_rejects_bad_boxes(text: str) -> None:
    with pytest.raises(EventwireError, match="E601"):
        parse_bbox(text)


def test_filter_events_streams_in_order() -> None:
    rows = [event(), UNPLACED, event(event_id="e3")]
    kept = filter_events(iter(rows), EventFilter(country="Syria"))
    assert [row["event_id"] for row in kept] == ["e1", "e3"]
