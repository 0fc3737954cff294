"""Every error answers with one JSON shape: ok, status, code, error (one line)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from eventwire.web import create_app

KEYS = {"ok", "status", "code", "error"}


def assert_error(response: object, status: int, code: str) -> str:
    body = response.json()  # type: ignore[attr-defined]
    assert response.status_code == status  # type: ignore[attr-defined]
    assert set(body) == KEYS
    assert body["ok"] is False and body["status"] == status and body["code"] == code
    assert body["error"] and "\n" not in body["error"]
    return str(body["error"])


def test_error_shape_for_unknown_event(client: TestClient) -> None:
    assert "nope" in assert_error(client.get("/events/nope"), 404, "404")


def test_error_shape_for_unknown_route_and_export(client: TestClient) -> None:
    assert_error(client.get("/no/such/page"), 404, "404")
    assert "tables:" in assert_error(client.get("/export/secrets.jsonl"), 404, "404")
    assert_error(client.get("/export/events.xml"), 404, "404")


def test_error_shape_for_a_format_the_table_has_not(client: TestClient) -> None:
    assert "geojson" in assert_error(client.get("/export/rejects.geojson"), 400, "E601")


def test_error_shape_for_wrong_method(client: TestClient) -> None:
    assert_error(client.post("/events"), 405, "405")


def test_error_shape_for_validation(client: TestClient) -> None:
    assert "limit" in assert_error(client.get("/events?limit=0"), 422, "422")
    assert "since" in assert_error(client.get("/events?since=June"), 422, "422")
    assert "until" in assert_error(client.get("/events?until=2013-13-45"), 422, "422")
    assert "sort" in assert_error(client.get("/events?sort=fatalities"), 422, "422")
    assert "bbox" in assert_error(client.get("/events?bbox=1,2,3"), 422, "422")
    assert_error(client.get("/events?bbox=0,50,10,40"), 422, "422")


def test_error_shape_for_store_error(client: TestClient) -> None:
    reader = client.app.state.reader  # type: ignore[attr-defined]
    saved = reader.db_url
    reader.db_url = "mysql://nobody@localhost/none"
    try:
        assert_error(client.get("/export/events.csv"), 500, "E401")
    finally:
        reader.db_url = saved


def test_error_shape_for_unexpected_error(db_url: str) -> None:
    app = create_app(db_url)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire\nsecond line")

    app.state.reader.events = broken
    with TestClient(app, raise_server_exceptions=False) as client:
        error = assert_error(client.get("/events"), 500, "500")
    assert "RuntimeError" in error and "second line" not in error
