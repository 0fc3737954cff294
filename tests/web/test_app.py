"""The read endpoints over a small fused store."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire import api


def events(client: TestClient, **params: str | int) -> list[dict[str, Any]]:
    response = client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["events"])


def test_events_lists_all_by_date(client: TestClient) -> None:
    rows = events(client)
    every = list(api.iter_table("events", client.app.state.reader.db_url))  # type: ignore[attr-defined]
    assert [row["event_id"] for row in rows] == [row["event_id"] for row in every]
    assert "claims" not in rows[0] and "reports" not in rows[0]


def test_events_sorted_descending(client: TestClient) -> None:
    dates = [row["event_date"] for row in events(client, sort="-date") if row["event_date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"country": "syr"}, lambda row: row["iso3"] == "SYR"),
        ({"country": "Syria"}, lambda row: row["country"] == "Syria"),
        ({"admin1": "homs"}, lambda row: row["admin1"] == "Homs"),
        ({"event_type": "Shelling/artillery/missile attack"},
         lambda row: row["sub_event_type"] == "Shelling/artillery/missile attack"),
        ({"actor": "military forces"}, lambda row: "Military" in str(row["actor1"])),
        ({"min_sources": 2}, lambda row: int(row["independent_source_count"]) >= 2),
        ({"since": "2013-06-05", "until": "2013-06-05"}, lambda row: row["event_date"] == "2013-06-05"),
        ({"bbox": "36.5,34.4,36.7,34.6"}, lambda row: 34.4 <= float(row["latitude"]) <= 34.6),
    ],
)  # fmt: skip
def test_events_filters_keep_only_matching(
    client: TestClient, params: dict[str, str | int], check: Callable[[dict[str, Any]], bool]
) -> None:
    rows = events(client, **params)
    assert rows, params
    assert all(check(row) for row in rows)


def test_events_filters_exclude(client: TestClient) -> None:
    assert events(client, country="IRQ") == []
    assert events(client, bbox="-10,-10,10,10") == []
    assert events(client, min_sources=99) == []
    assert events(client, actor="100%_") == []


def test_events_outlet_filter_uses_reports(client: TestClient) -> None:
    rows = events(client, outlet="levant post")
    assert len(rows) == 1
    found = client.get(f"/events/{rows[0]['event_id']}").json()["event"]
    assert "Levant Post" in found["sources"]
    assert len(events(client, outlet="Desert Wire")) >= 2


def test_events_pages_with_next_offset(client: TestClient) -> None:
    every = events(client)
    first = client.get("/events", params={"limit": 1}).json()
    assert first["next_offset"] == 1 and len(first["events"]) == 1
    last = client.get("/events", params={"limit": 1, "offset": len(every) - 1}).json()
    assert last["next_offset"] is None
    assert last["events"][0]["event_id"] == every[-1]["event_id"]


def test_event_has_claims_and_reports(client: TestClient) -> None:
    event_id = events(client, outlet="Levant Post")[0]["event_id"]
    found = client.get(f"/events/{event_id}").json()["event"]
    assert found["event_id"] == event_id
    assert {claim["outlet"] for claim in found["claims"]} >= {"Levant Post"}
    assert {report["outlet"] for report in found["reports"]} >= {"Levant Post", "Desert Wire"}


def test_outlets_count_articles_and_events(client: TestClient) -> None:
    rows = client.get("/outlets").json()["outlets"]
    by_name = {row["outlet"]: row for row in rows}
    assert set(by_name) == {"Desert Wire", "Levant Post", "State Radio"}
    assert by_name["Desert Wire"]["articles"] == 1
    assert by_name["Desert Wire"]["events"] >= 2
    assert by_name["Levant Post"]["events"] == 1


def test_framing_and_rejects_are_listed(client: TestClient) -> None:
    assert client.get("/framing").json()["framing"] == []
    rejects = client.get("/rejects").json()["rejects"]
    assert [reject["code"] for reject in rejects] == ["E102"]


def test_export_events_jsonl_streams_every_event(client: TestClient) -> None:
    response = client.get("/export/events.jsonl")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [row["event_id"] for row in lines] == [row["event_id"] for row in events(client)]
    assert all("claims" in row for row in lines)


def test_export_events_filtered(client: TestClient) -> None:
    response = client.get("/export/events.jsonl", params={"outlet": "Levant Post"})
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [row["event_id"] for row in lines] == [
        row["event_id"] for row in events(client, outlet="Levant Post")
    ]


def test_export_events_in_each_format(client: TestClient) -> None:
    acled = client.get("/export/events.acled")
    assert acled.status_code == 200 and acled.headers["content-type"].startswith("text/csv")
    assert "events.acled.csv" in acled.headers["content-disposition"]
    assert next(csv.reader(io.StringIO(acled.text)))[0] == "event_id_cnty"
    geojson = client.get("/export/events.geojson").json()
    assert geojson["type"] == "FeatureCollection" and geojson["features"]


def test_export_events_parquet_reads_back(client: TestClient) -> None:
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    response = client.get("/export/events.parquet")
    assert response.status_code == 200
    table = pyarrow_parquet.read_table(io.BytesIO(response.content))
    assert table.num_rows == len(events(client))


def test_export_rejects_csv(client: TestClient) -> None:
    response = client.get("/export/rejects.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["code"] for row in rows] == ["E102"]


def test_openapi_docs_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/outlets", "/framing", "/rejects"} <= set(paths)


@pytest.mark.parametrize(
    "params",
    [
        {"country": "Syria", "since": "2013-06-05"},
        {"event_type": "battles", "min_sources": 2},
        {"actor": "opposition", "until": "2013-06-05"},
        {"outlet": "STATE RADIO"},
        {"admin1": "Homs", "bbox": "36.0,34.0,37.0,35.0"},
    ],
)
def test_events_sql_filters_mean_what_filter_events_means(
    client: TestClient, params: dict[str, str]
) -> None:
    fields = {**params, "min_sources": int(params.get("min_sources", 0))}
    if "bbox" in params:
        fields["bbox"] = api.parse_bbox(params["bbox"])
    wanted = api.EventFilter(**fields)  # type: ignore[arg-type]
    db_url = client.app.state.reader.db_url  # type: ignore[attr-defined]
    expected = [
        row["event_id"] for row in api.filter_events(api.iter_table("events", db_url), wanted)
    ]
    assert expected and [row["event_id"] for row in events(client, **params)] == expected


def test_every_route_is_documented(client: TestClient) -> None:
    docs = (Path(__file__).parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    paths = client.get("/openapi.json").json()["paths"]
    documented = {path.replace("{name}", "{table}.{format}") for path in paths}
    assert all(f"`GET {path}`" in docs for path in documented)
