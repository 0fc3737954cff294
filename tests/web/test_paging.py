"""Pages follow one order, across the dated events and then the undated ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from time import monotonic

import pytest
from fastapi.testclient import TestClient

from eventwire import api
from eventwire.export.reader import widest_span
from eventwire.store import Store, schema
from eventwire.web import create_app

DATES = ["2013-06-05", None, "2013-06-04", "2013-06-05", None, "2013-06-07", None]


def event_row(n: int, day: str | None, end: str | None = None) -> dict[str, object]:
    return {"event_id": f"e{n:03d}", "founded_by": f"m{n:03d}", "event_date": day,
            "date_end": end or day,
            "attributed": False, "sources": [], "claims": [], "reports": [], "stage": "test",
            "iso3": "SYR", "country": "Syria"}  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('paging')) / 'paging.db'}"
    with Store.open(url) as store, store.engine.begin() as connection:
        rows = [event_row(n, day) for n, day in enumerate(DATES)]
        rows.append(event_row(len(DATES), "2013-05-01", "2013-06-05"))  # a range: "in May"
        connection.execute(schema.events.insert(), rows)
    with TestClient(create_app(url)) as opened:
        yield opened


def walk(client: TestClient, limit: int, **params: str | int) -> list[str]:
    found: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/events", params={**params, "limit": limit, "offset": offset}).json()
        found += [row["event_id"] for row in page["events"]]
        offset = page["next_offset"]
    return found


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 50])
def test_paging_walks_the_export_order(client: TestClient, limit: int) -> None:
    db_url = client.app.state.reader.db_url  # type: ignore[attr-defined]
    expected = [row["event_id"] for row in api.iter_table("events", db_url)]
    assert walk(client, limit) == expected
    assert walk(client, limit, country="SYR") == expected


@pytest.mark.parametrize("limit", [1, 3])
def test_paging_descending_keeps_undated_last(client: TestClient, limit: int) -> None:
    assert walk(client, limit, sort="-date") == ["e005", "e003", "e000", "e002", "e007", "e006",
                                                 "e004", "e001"]  # fmt: skip


def test_paging_with_a_date_filter_skips_undated(client: TestClient) -> None:
    assert walk(client, 2, since="2013-06-05") == ["e007", "e000", "e003", "e005"]
    assert walk(client, 2, since="2013-06-06") == ["e005"]
    assert walk(client, 2, until="2013-05-31") == ["e007"]


def test_paging_past_the_end_is_empty(client: TestClient) -> None:
    page = client.get("/events", params={"offset": 100}).json()
    assert page["events"] == [] and page["next_offset"] is None


def test_paging_widest_span_of_date_ranges() -> None:
    assert widest_span([]) == 0
    assert widest_span([("2013-05-01", "2013-06-05"), ("2013-06-01", "2013-06-02")]) == 35
    assert widest_span([("2013-05-01", "sometime")]) == 366_000


def test_paging_since_without_a_usable_bound_is_still_exact(client: TestClient) -> None:
    reader = client.app.state.reader  # type: ignore[attr-defined]
    reader.span = (monotonic(), 366_000)  # wider than the calendar: no bound at all
    try:
        assert walk(client, 2, since="2013-06-05") == ["e007", "e000", "e003", "e005"]
    finally:
        reader.span = None
