"""export_rows: one entry point for every format, to paths and streams."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.export import EXPORT_FORMATS, Exported, export_events, export_rows
from tests.export.samples import CLAIM, UNPLACED, event

EVENTS = [event(), UNPLACED]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "acled", "ucdp", "geojson"])
def test_export_events_text_formats_to_path_and_streams(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"events.{fmt}"
    text, binary = io.StringIO(newline=""), io.BytesIO()
    found = export_events(EVENTS, fmt, path)
    assert export_events(EVENTS, fmt, text) == found
    assert export_events(EVENTS, fmt, binary) == found
    assert path.read_bytes() == text.getvalue().encode() == binary.getvalue()
    assert not binary.closed


def test_export_events_counts() -> None:
    assert export_events(EVENTS, "geojson", io.StringIO()) == Exported(1, 1)
    assert export_events(EVENTS, "acled", io.StringIO()) == Exported(2, 0)


def test_export_rows_csv_uses_the_table_columns() -> None:
    out = io.StringIO(newline="")
    export_rows([CLAIM], "claims", "csv", out)
    assert next(csv.reader(io.StringIO(out.getvalue())))[:3] == ["claim_id", "kind", "low"]


def test_export_rows_jsonl_any_table() -> None:
    out = io.StringIO()
    assert export_rows([CLAIM], "claims", "jsonl", out) == Exported(1)
    assert json.loads(out.getvalue()) == CLAIM


def test_export_rows_parquet_to_binary_stream() -> None:
    pytest.importorskip("pyarrow")
    out = io.BytesIO()
    assert export_rows(EVENTS, "events", "parquet", out) == Exported(2)
    assert out.getvalue()[:4] == b"PAR1"


def test_export_rows_parquet_needs_binary() -> None:
    with pytest.raises(EventwireError, match="E601"):
        export_rows(EVENTS, "events", "parquet", io.StringIO())


@pytest.mark.parametrize(
    ("table", "fmt"), [("events", "xml"), ("claims", "acled"), ("framing", "geojson"),
                       ("rejects", "parquet")],
)  # fmt: skip
def test_export_rows_refuses_what_a_table_has_not(table: str, fmt: str) -> None:
    with pytest.raises(EventwireError, match="E601"):
        export_rows([], table, fmt, io.StringIO())


def test_export_formats_listed() -> None:
    assert EXPORT_FORMATS == ("jsonl", "csv", "acled", "ucdp", "geojson", "parquet")
