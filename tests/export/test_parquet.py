"""Parquet files of events, claims and articles read back equal to the JSONL export."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.export import write_rows
from eventwire.export.parquet import arrow_schema, read_parquet_rows, write_parquet
from tests.export.samples import ARTICLE, CLAIM, UNPLACED, event

pytest.importorskip("pyarrow")

TABLES = {
    "events": [event(), UNPLACED],
    "claims": [CLAIM, {**CLAIM, "claim_id": "c2", "low": None, "high": None, "relays": []}],
    "articles": [ARTICLE, {**ARTICLE, "article_id": "a2", "removed": [], "byline": None}],
}


def jsonl_rows(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    out = io.StringIO()
    write_rows(rows, "jsonl", out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_write_parquet_reads_back_equal_to_jsonl(table: str, tmp_path: Path) -> None:
    path = tmp_path / f"{table}.parquet"
    assert write_parquet(TABLES[table], table, path) == 2
    assert read_parquet_rows(path) == jsonl_rows(TABLES[table])


def test_write_parquet_to_a_stream_in_row_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventwire.export.parquet.BATCH", 2)
    rows = [event(event_id=f"e{number}") for number in range(5)]
    out = io.BytesIO()
    assert write_parquet(rows, "events", out) == 5
    assert read_parquet_rows(io.BytesIO(out.getvalue())) == jsonl_rows(rows)


def test_write_parquet_no_rows_keeps_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert write_parquet([], "claims", path) == 0
    assert read_parquet_rows(path) == []


def test_arrow_schema_types() -> None:
    schema = arrow_schema("events")
    assert str(schema.field("fatalities").type) == "int64"
    assert str(schema.field("sources").type) == "list<item: string>"
    assert schema.field("claims").metadata == {b"eventwire.encoding": b"json"}


def test_arrow_schema_other_tables_refused() -> None:
    with pytest.raises(EventwireError, match="E601"):
        arrow_schema("rejects")
