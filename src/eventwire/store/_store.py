"""The store: documents, articles, removals, rejects and runs in SQLite or PostgreSQL."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    RowMapping,
    Select,
    Table,
    case,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from eventwire.errors import Code, EventwireError
from eventwire.records import Parcel
from eventwire.store import schema
from eventwire.store._events import event_export_row, events_query
from eventwire.store._extracted import (
    claim_export_row,
    collect_extracted,
    framing_export_row,
    mention_export_row,
    place_export_row,
)
from eventwire.store._migrate import migrate
from eventwire.store._rows import (
    REMOVAL_FIELDS,
    article_export_rows,
    collect_rows,
    reject_export_row,
)

__all__ = ["DEFAULT_URL", "Store"]

DEFAULT_URL = "sqlite:///eventwire.db"
STREAM_BATCH = 500
DIALECTS = ("sqlite", "postgresql")
COUNTED = (
    schema.documents,
    schema.articles,
    schema.removals,
    schema.rejects,
    schema.runs,
    schema.places,
    schema.mentions,
    schema.claims,
    schema.labels,
    schema.events,
    schema.event_mentions,
    schema.event_claims,
)


class Store:
    """A migrated database. Writes are idempotent by content-hash id; only `runs` grows."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str = DEFAULT_URL) -> Store:
        """Connect to `url` (SQLite file or PostgreSQL), creating and migrating the schema."""
        engine = build_engine(url)
        try:
            with store_errors(), engine.begin() as connection:
                migrate(connection)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def begin_run(self, version: str, settings: Mapping[str, object]) -> str:
        """Record the start of a run; returns its id (time-ordered, unique)."""
        started = now()
        run_id = f"{started[:19].replace('-', '').replace(':', '')}-{secrets.token_hex(4)}"
        row = {"run_id": run_id, "started": started, "version": version}
        row["settings"] = json.loads(json.dumps(dict(settings), default=str))
        with store_errors(), self.engine.begin() as connection:
            connection.execute(schema.runs.insert(), row)
        return run_id

    def finish_run(self, run_id: str, counts: Mapping[str, int]) -> None:
        values = {"finished": now(), "counts": dict(counts)}
        statement = schema.runs.update().where(schema.runs.c.run_id == run_id).values(values)
        with store_errors(), self.engine.begin() as connection:
            if connection.execute(statement).rowcount != 1:
                raise EventwireError(Code.STORE_FAILED, detail=f"no run {run_id!r}")

    def write_parcels(self, parcels: Sequence[Parcel], run_id: str) -> None:
        """Write the parcels' documents, articles with removals, and rejects in one transaction."""
        batch, found = collect_rows(parcels, run_id), collect_extracted(parcels)
        with store_errors(), self.engine.begin() as connection:
            insert_new(connection, schema.documents, list(batch.documents.values()))
            insert_new(connection, schema.articles, list(batch.articles.values()))
            insert_new(connection, schema.removals, list(batch.removals.values()))
            insert_new(connection, schema.rejects, list(batch.rejects.values()))
            insert_new(connection, schema.places, list(found.places.values()))
            insert_new(connection, schema.mentions, list(found.mentions.values()))
            insert_new(connection, schema.claims, list(found.claims.values()))
            insert_new(connection, schema.labels, list(found.labels.values()))

    def iter_rows(self, table: str) -> Iterator[dict[str, object]]:
        """Stream export rows of a table in `schema.EXPORT_TABLES`, in a stable order."""
        if table == "articles":
            return article_export_rows(self._stream(articles_query()))
        if table == "rejects":
            query = select(schema.rejects).order_by(schema.rejects.c.reject_id)
            return (reject_export_row(row) for row in self._stream(query))
        if table in EXTRACTED:
            source, convert = EXTRACTED[table]
            return (convert(row) for row in self._stream(ordered_by_article(source)))
        if table == "framing":
            return (framing_export_row(row) for row in self._stream(framing_query()))
        if table == "events":
            return (event_export_row(row) for row in self._stream(events_query()))
        known = ", ".join(schema.EXPORT_TABLES)
        raise EventwireError(Code.STORE_FAILED, detail=f"cannot export {table!r} (known: {known})")

    def counts(self) -> dict[str, int]:
        """Number of rows per table."""
        with store_errors(), self.engine.connect() as connection:
            return {table.name: count_rows(connection, table) for table in COUNTED}

    def _stream(self, query: Select[Any]) -> Iterator[RowMapping]:
        with store_errors(), self.engine.connect() as connection:
            result = connection.execution_options(yield_per=STREAM_BATCH).execute(query)
            for row in result:
                yield row._mapping


def build_engine(url: str) -> Engine:
    """An engine for a supported URL; SQLite gets WAL and foreign keys on every connection."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() not in DIALECTS:
            raise EventwireError(Code.STORE_FAILED, detail=f"unsupported database {url!r}")
        engine = create_engine(parsed)
    except (ArgumentError, ValueError) as exc:
        raise EventwireError(Code.STORE_FAILED, detail=f"bad database URL: {exc}") from exc
    except ModuleNotFoundError as exc:
        detail = f"driver {exc.name} is not installed (for PostgreSQL: pip install eventwire[pg])"
        raise EventwireError(Code.STORE_FAILED, detail=detail) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", set_sqlite_pragmas)
    return engine


def set_sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@contextmanager
def store_errors() -> Iterator[None]:
    """Turn database errors into EventwireError(E401) with a one-line detail."""
    try:
        yield
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise EventwireError(Code.STORE_FAILED, detail=detail) from exc


def insert_new(connection: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING: rows whose id exists are left as they are."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
    else:
        connection.execute(sqlite.insert(table).on_conflict_do_nothing(), rows)


def articles_query() -> Select[Any]:
    articles, removals = schema.articles, schema.removals
    removal_columns = [removals.c.ordinal.label("removal_ordinal")]
    removal_columns += [removals.c[name].label(f"removal_{name}") for name in REMOVAL_FIELDS]
    joined = articles.outerjoin(removals, removals.c.article_id == articles.c.article_id)
    order = (articles.c.document, articles.c.ordinal, articles.c.article_id, removals.c.ordinal)
    return select(articles, *removal_columns).select_from(joined).order_by(*order)


EXTRACTED = {
    "mentions": (schema.mentions, mention_export_row),
    "claims": (schema.claims, claim_export_row),
    "places": (schema.places, place_export_row),
}


def ordered_by_article(table: Table) -> Select[Any]:
    """Rows in article order (document, then position in it), then by offset."""
    articles = schema.articles
    joined = table.join(articles, articles.c.article_id == table.c.article_id)
    order = (articles.c.document, articles.c.ordinal, table.c.start, table.c.end)
    return select(table).select_from(joined).order_by(*order)


def framing_query() -> Select[Any]:
    """Per outlet and actor: each label used, how often, and whether it is loaded."""
    labels = schema.labels
    columns = (labels.c.outlet, labels.c.actor, labels.c.label)
    count = func.count().label("count")
    loaded = func.max(case((labels.c.loaded, 1), else_=0)).label("loaded")
    query = select(*columns, count, loaded).group_by(*columns)
    return query.order_by(labels.c.outlet, labels.c.actor, count.desc(), labels.c.label)


def count_rows(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
