"""Store tests, run against SQLite and (when a server can be started) PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from eventwire.errors import EventwireError
from eventwire.records import Article, Parcel, Reject
from eventwire.store import Store, schema

ParcelFactory = Callable[[], list[Parcel]]

TABLES = {
    "documents",
    "articles",
    "removals",
    "rejects",
    "runs",
    "places",
    "mentions",
    "claims",
    "labels",
    "events",
    "event_mentions",
    "event_claims",
}


def expected_article(article: Article) -> dict[str, object]:
    return {
        "article_id": article.article_id,
        "document": article.document,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "dateline_place": article.dateline_place,
        "byline": article.byline,
        "text": article.text,
        "span_in_document": list(article.span_in_document),
        "removed": [
            {"kind": r.kind, "text": r.text, "start": r.start, "end": r.end, "rule": r.rule}
            for r in article.removed
        ],
        "ordinal": article.ordinal,
        "credits": list(article.credits),
        "title_from": article.title_from,
        "stage": article.stage,
    }


def write_run(store: Store, parcels: list[Parcel]) -> str:
    run_id = store.begin_run("0.1.0", {"stages": ("clean.paragraphs.v1",), "batch_size": 2})
    store.write_parcels(parcels[:2], run_id)
    store.write_parcels(parcels[2:], run_id)
    store.finish_run(run_id, {"inputs": len(parcels)})
    return run_id


def test_store_open_creates_tables(store: Store) -> None:
    names = set(inspect(store.engine).get_table_names())
    assert names >= TABLES | {"alembic_version"}
    assert store.counts() == dict.fromkeys(TABLES, 0)


def test_store_migrations_match_schema(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == "0003"
        assert compare_metadata(context, schema.metadata) == []


def test_store_open_twice_keeps_data(store: Store, store_url: str, parcels: ParcelFactory) -> None:
    write_run(store, parcels())
    with Store.open(store_url) as again:
        assert again.counts() == store.counts()


def test_store_round_trip_articles(store: Store, parcels: ParcelFactory) -> None:
    batch = parcels()
    write_run(store, batch)
    articles = sorted((a for p in batch for a in p.articles), key=lambda a: (a.document, a.ordinal))
    assert list(store.iter_rows("articles")) == [expected_article(a) for a in articles]


def test_store_round_trip_documents_keep_raw_bytes(store: Store, parcels: ParcelFactory) -> None:
    batch = parcels()
    run_id = write_run(store, batch)
    stored = {d.doc_id: d for p in batch if (d := p.document) is not None}
    with store.engine.connect() as connection:
        rows = connection.execute(select(schema.documents)).mappings().all()
    assert {row["doc_id"] for row in rows} == set(stored)
    for row in rows:
        document = stored[row["doc_id"]]
        assert (row["raw"], row["text"], row["size"]) == (
            document.raw,
            document.text,
            len(document.raw),
        )
        assert (row["source"], row["outlet"], row["first_run"]) == (
            document.source,
            "Desert Wire",
            run_id,
        )


def test_store_rejects_stored(store: Store, parcels: ParcelFactory) -> None:
    batch = parcels()
    run_id = write_run(store, batch)
    rows = list(store.iter_rows("rejects"))
    expected = sorted((p.reject for p in batch if p.reject), key=lambda r: r.reject_id)
    assert [row["reject_id"] for row in rows] == [r.reject_id for r in expected]
    assert [(row["code"], row["stage"]) for row in rows] == [(r.code, r.stage) for r in expected]
    assert {row["run_id"] for row in rows} == {run_id}


def test_store_article_rejects_stored(store: Store, parcels: ParcelFactory) -> None:
    first = parcels()[0]
    article = first.articles[0]
    failed = Reject(article.article_id, "inbox/report.txt", "extract.v1", "E301", "stage failed")
    write_run(store, [replace(first, article_rejects=(failed,))])
    assert [row["reject_id"] for row in store.iter_rows("rejects")] == [failed.reject_id]
    assert store.counts()["articles"] == 1


def test_store_rerun_changes_nothing(store: Store, parcels: ParcelFactory) -> None:
    write_run(store, parcels())
    before = store.counts()
    exported = list(store.iter_rows("articles")), list(store.iter_rows("rejects"))
    write_run(store, parcels())
    after = store.counts()
    assert after == {**before, "runs": before["runs"] + 1}
    assert (list(store.iter_rows("articles")), list(store.iter_rows("rejects"))) == exported
    assert before["removals"] == 2 and before["documents"] == 3 and before["rejects"] == 2


def test_store_duplicates_in_one_batch_written_once(store: Store, parcels: ParcelFactory) -> None:
    batch = parcels()
    write_run(store, batch + batch)
    assert store.counts()["articles"] == 2


def test_store_finish_run_records_counts(store: Store) -> None:
    run_id = store.begin_run("0.1.0", {"workers": 1})
    store.finish_run(run_id, {"inputs": 3, "rejected": 1})
    with store.engine.connect() as connection:
        row = connection.execute(select(schema.runs)).mappings().one()
    assert (row["run_id"], row["version"], row["settings"]) == (run_id, "0.1.0", {"workers": 1})
    assert row["counts"] == {"inputs": 3, "rejected": 1}
    assert row["finished"] >= row["started"]


def test_store_finish_unknown_run_fails(store: Store) -> None:
    with pytest.raises(EventwireError, match="E401"):
        store.finish_run("no-such-run", {})


def test_store_article_without_document_fails(store: Store, parcels: ParcelFactory) -> None:
    orphan = replace(parcels()[0], document=None)
    run_id = store.begin_run("0.1.0", {})
    with pytest.raises(EventwireError, match="E401"):
        store.write_parcels([orphan], run_id)
    assert store.counts()["articles"] == 0


def test_store_unknown_table_fails(store: Store) -> None:
    with pytest.raises(EventwireError, match="E401 store error: cannot export 'documents'"):
        store.iter_rows("documents")
