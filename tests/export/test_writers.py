"""JSONL and CSV row writers."""

from __future__ import annotations

import csv
import io
import json
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.export import Format, write_rows
from eventwire.export.writers import format_cell

ROWS: list[dict[str, object]] = [
    {
        "article_id": "a1",
        "title": "Army retakes Tel Harun",
        "span_in_document": [0, 150],
        "removed": [{"kind": "comment", "text": "Leave a comment"}],
        "byline": None,
        "loaded": True,
    },
    {
        "article_id": "a2",
        "title": "Fighting near Wadi Sahel, «عاجل»",
        "span_in_document": [0, 60],
        "removed": [],
        "byline": 'Staff, "Desert Wire"\nreporter',
        "loaded": False,
    },
]


def render(rows: list[dict[str, object]], fmt: str, **options: object) -> tuple[int, str]:
    out = io.StringIO()
    count = write_rows(rows, cast(Format, fmt), out, **options)  # type: ignore[arg-type]
    return count, out.getvalue()


def test_write_rows_jsonl_one_object_per_line() -> None:
    count, text = render(ROWS, "jsonl")
    assert count == 2
    assert [json.loads(line) for line in text.splitlines()] == ROWS
    assert "«عاجل»" in text  # not \u-escaped


def test_write_rows_csv_header_in_first_row_order() -> None:
    count, text = render(ROWS, "csv")
    assert count == 2
    assert text.splitlines()[0] == "article_id,title,span_in_document,removed,byline,loaded"


def test_write_rows_csv_nested_values_are_json() -> None:
    _, text = render(ROWS, "csv")
    first, second = csv.DictReader(io.StringIO(text))
    assert json.loads(first["removed"]) == ROWS[0]["removed"]
    assert json.loads(first["span_in_document"]) == [0, 150]
    assert (first["byline"], first["loaded"], second["loaded"]) == ("", "true", "false")
    assert second["byline"] == ROWS[1]["byline"]
    assert second["title"] == ROWS[1]["title"]


def test_write_rows_csv_columns_fix_order_and_fill_missing() -> None:
    _, text = render([{"b": 1}, {"a": 2}], "csv", columns=["a", "b"])
    assert text == "a,b\r\n,1\r\n2,\r\n"


def test_write_rows_csv_extra_column_fails() -> None:
    with pytest.raises(ValueError, match="not in the CSV header: c"):
        render([{"a": 1}, {"a": 2, "c": 3}], "csv")


@pytest.mark.parametrize(("columns", "expected"), [(None, ""), (["a", "b"], "a,b\r\n")])
def test_write_rows_csv_no_rows(columns: list[str] | None, expected: str) -> None:
    assert render([], "csv", columns=columns) == (0, expected)


def test_write_rows_unknown_format_fails() -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        render(ROWS, "xml")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (3, "3"),
        (1.5, "1.5"),
        ("x", "x"),
        ((1, 2), "[1, 2]"),
        ({"k": "é"}, '{"k": "é"}'),
    ],
)
def test_format_cell(value: object, cell: str) -> None:
    assert format_cell(value) == cell


@given(st.lists(st.fixed_dictionaries({"id": st.integers(), "text": st.text(max_size=40)})))
def test_write_rows_csv_round_trips_text(rows: list[dict[str, object]]) -> None:
    count, text = render(rows, "csv", columns=["id", "text"])
    parsed = list(csv.DictReader(io.StringIO(text, newline="")))
    assert count == len(parsed) == len(rows)
    assert parsed == [{"id": str(row["id"]), "text": row["text"]} for row in rows]


@given(st.lists(st.fixed_dictionaries({"text": st.text(max_size=40)}), max_size=5))
def test_write_rows_jsonl_one_line_per_row(rows: list[dict[str, object]]) -> None:
    count, text = render(rows, "jsonl")
    assert [json.loads(line) for line in text.splitlines()] == rows
    assert count == len(rows)
