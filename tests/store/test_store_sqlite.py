"""SQLite specifics, URL handling and streaming export from the store."""

from __future__ import annotations

import csv
import io
import json
import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from eventwire.errors import EventwireError
from eventwire.export import write_rows
from eventwire.records import Article, Document, Parcel, content_id
from eventwire.store import EXPORT_COLUMNS, EXPORT_TABLES, Store

ParcelFactory = Callable[[], list[Parcel]]


def many_articles(count: int, size: int) -> Parcel:
    raw = b"placeholder document"
    document = Document(content_id(raw), "bulk.txt", "txt", raw, raw.decode(), "utf-8")
    body = ("Shelling was reported near the river crossing. " * size)[:size]
    articles = tuple(
        Article(content_id(document.doc_id, str(n)), document.doc_id, n, body, (0, size))
        for n in range(count)
    )
    return Parcel(document, articles=articles)


def test_store_sqlite_uses_wal_and_foreign_keys(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store, store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("mysql://user@localhost/db", "unsupported database"),
        ("not a url", "bad database URL"),
        ("postgresql+pg8000://user@/db", "driver pg8000 is not installed"),
    ],
)
def test_store_open_bad_url_fails(url: str, detail: str) -> None:
    with pytest.raises(EventwireError, match=f"E401 store error: {detail}"):
        Store.open(url)


def test_store_open_unwritable_path_fails(tmp_path: Path) -> None:
    with pytest.raises(EventwireError, match="E401 store error: unable to open database file"):
        Store.open(f"sqlite:///{tmp_path}/missing/dir/eventwire.db")


def test_store_export_jsonl_parses_back(sqlite_url: str, parcels: ParcelFactory) -> None:
    with Store.open(sqlite_url) as store:
        run_id = store.begin_run("0.1.0", {})
        store.write_parcels(parcels(), run_id)
        out = io.StringIO()
        written = write_rows(store.iter_rows("articles"), "jsonl", out)
        rows = [json.loads(line) for line in out.getvalue().splitlines()]
        assert written == len(rows) == 2
        assert rows == list(store.iter_rows("articles"))
        assert "«عاجل»" in out.getvalue()


def test_store_export_csv_parses_back(sqlite_url: str, parcels: ParcelFactory) -> None:
    with Store.open(sqlite_url) as store:
        run_id = store.begin_run("0.1.0", {})
        store.write_parcels(parcels(), run_id)
        out = io.StringIO()
        assert write_rows(store.iter_rows("rejects"), "csv", out) == 2
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        expected = list(store.iter_rows("rejects"))
        assert [list(row) for row in rows] == [list(row) for row in expected]
        assert rows == [{k: str(v) for k, v in row.items()} for row in expected]


def test_store_export_memory_stays_flat(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        run_id = store.begin_run("0.1.0", {})
        store.write_parcels([many_articles(3000, 4000)], run_id)  # 12 MB of article text
        tracemalloc.start()
        try:
            with open(os.devnull, "w", encoding="utf-8") as sink:
                written = write_rows(store.iter_rows("articles"), "jsonl", sink)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert written == 3000
    assert peak < 6_000_000


@pytest.mark.parametrize("table", EXPORT_TABLES)
def test_store_export_columns_match_rows(
    sqlite_url: str, parcels: ParcelFactory, table: str
) -> None:
    with Store.open(sqlite_url) as store:
        out = io.StringIO()
        assert write_rows(store.iter_rows(table), "csv", out, EXPORT_COLUMNS[table]) == 0
        store.write_parcels(parcels(), store.begin_run("0.1.0", {}))
        assert all(tuple(row) == EXPORT_COLUMNS[table] for row in store.iter_rows(table))
    assert out.getvalue().split("\r\n")[0] == ",".join(EXPORT_COLUMNS[table])
