"""The library facade: what the CLI and the web app call. No printing here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import IO, Any, TextIO

from sqlalchemy import ColumnElement, Row, Select, and_, distinct, exists, func, or_, select

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.evaluate import EvalResult, run_task
from eventwire.export import (
    FORMATS,
    EventFilter,
    Exported,
    article_refs,
    export_rows,
    filter_events,
    parse_bbox,
)
from eventwire.fuse import FuseSummary, fuse
from eventwire.ingest import IngestSettings, read_inputs
from eventwire.pipeline import Pipeline, PipelineSettings
from eventwire.records import Document, Parcel
from eventwire.resources.gazetteer import build_gazetteer, default_gazetteer_path, import_geonames
from eventwire.store import DEFAULT_URL, EXPORT_TABLES, Store, schema
from eventwire.store.schema import EVENT_FIELDS

__all__ = [
    "DEFAULT_URL",
    "EXPORT_TABLES",
    "FORMATS",
    "EventFilter",
    "EventPage",
    "EventQuery",
    "EventwireError",
    "IngestSettings",
    "PipelineSettings",
    "RunSummary",
    "StoreReader",
    "build_gazetteer_file",
    "demo_inputs",
    "evaluate",
    "export_table",
    "filter_events",
    "find_event",
    "gazetteer_path",
    "import_gazetteer",
    "iter_table",
    "parse_bbox",
    "run_paths",
]


@dataclass(slots=True)
class RunSummary:
    """What a run did: counts, rejects by code, and the rejects themselves."""

    run_id: str = ""
    documents: int = 0
    articles: int = 0
    removals: int = 0
    rejects_by_code: Counter[str] = field(default_factory=Counter)
    reject_messages: list[tuple[str, str, str]] = field(default_factory=list)
    fused: FuseSummary | None = None
    articles_per_event: Counter[int] = field(default_factory=Counter)

    @property
    def rejects(self) -> int:
        return sum(self.rejects_by_code.values())

    def add(self, parcel: Parcel) -> None:
        if parcel.reject is not None:
            reject = parcel.reject
            self.rejects_by_code[reject.code] += 1
            self.reject_messages.append((reject.source, reject.code, reject.message))
            return
        self.documents += 1
        self.articles += len(parcel.articles)
        self.removals += sum(len(article.removed) for article in parcel.articles)

    def counts(self) -> dict[str, int]:
        inputs = self.documents + self.rejects
        return {"inputs": inputs, "documents": self.documents, "articles": self.articles,
                "removals": self.removals, "rejects": self.rejects}  # fmt: skip


def to_parcels(
    paths: Sequence[str], settings: IngestSettings, stdin: IO[bytes] | None
) -> Iterator[Parcel]:
    for item in read_inputs(paths, settings, stdin):
        if isinstance(item, Document):
            yield Parcel(document=item)
        else:
            yield Parcel(document=None, reject=item)


def run_paths(
    paths: Sequence[str],
    db_url: str = DEFAULT_URL,
    settings: PipelineSettings | None = None,
    ingest: IngestSettings | None = None,
    progress: Callable[[Parcel], None] | None = None,
    stdin: IO[bytes] | None = None,
) -> RunSummary:
    """Ingest, clean and split every input under `paths`, and store the results."""
    settings = settings or PipelineSettings()
    ingest = ingest or IngestSettings()
    pipeline = Pipeline.from_settings(settings)
    summary = RunSummary()
    with Store.open(db_url) as store:
        run_settings = {**asdict(settings), "max_bytes": ingest.max_bytes, "paths": list(paths)}
        summary.run_id = store.begin_run(__version__, run_settings)
        parcels = to_parcels(paths, ingest, stdin)
        while batch := list(islice(parcels, settings.batch_size)):
            processed = pipeline.run_batch(batch)
            store.write_parcels(processed, summary.run_id)
            for parcel in processed:
                summary.add(parcel)
                if progress is not None:
                    progress(parcel)
        summary.fused = fuse(store)
        summary.articles_per_event = articles_per_event(store)
        store.finish_run(summary.run_id, {**summary.counts(), **summary.fused.counts()})
    return summary


def articles_per_event(store: Store) -> Counter[int]:
    """How many events rest on 1, 2, 3, ... articles, over the whole store."""
    found: Counter[int] = Counter()
    for row in store.iter_rows("events"):
        reports = row["reports"] if isinstance(row["reports"], list) else []
        found[len({report["article_id"] for report in reports})] += 1
    return found


def export_table(
    table: str,
    fmt: str,
    out: TextIO | IO[bytes] | str,
    db_url: str = DEFAULT_URL,
    wanted: EventFilter | None = None,
) -> Exported:
    """Stream one table of the store to `out` in `fmt`; events can be filtered."""
    with Store.open(db_url) as store:
        rows = store.iter_rows(table)
        if table == "events" and wanted is not None:
            rows = filter_events(rows, wanted)
        articles = article_refs(store.iter_rows("articles")) if fmt == "ucdp" else None
        return export_rows(rows, table, fmt, out, articles)


def iter_table(table: str, db_url: str = DEFAULT_URL) -> Iterator[dict[str, object]]:
    """Rows of one table of the store, streamed."""
    with Store.open(db_url) as store:
        yield from store.iter_rows(table)


def gazetteer_path() -> Path:
    """Where the gazetteer lives (`$EVENTWIRE_GAZETTEER` or the user cache)."""
    return default_gazetteer_path()


def build_gazetteer_file() -> Path:
    """Build (or rebuild) the gazetteer from the installed packages and the alias table."""
    return build_gazetteer(gazetteer_path())


def import_gazetteer(dump: Path) -> int:
    """Add a GeoNames dump (allCountries.zip, XX.zip, XX.txt, alternateNamesV2.zip)."""
    return import_geonames(dump, gazetteer_path())


def find_event(event_id: str, db_url: str = DEFAULT_URL) -> dict[str, object] | None:
    """One event row (with its claims and reports), or None."""
    return next((row for row in iter_table("events", db_url) if row["event_id"] == event_id), None)


def demo_inputs() -> Path:
    """The folder of sample articles bundled with the package (written by the team)."""
    return Path(str(resources.files("eventwire.resources").joinpath("demo")))


def evaluate(task: str, gold: Path) -> EvalResult:
    return run_task(task, gold)


# --- Read queries for the HTTP API (`eventwire.web`): SQL over one long-lived store. ---

Bbox = tuple[float, float, float, float]
LIST_FIELDS = tuple(name for name in EVENT_FIELDS if name not in ("claims", "reports"))


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters and order of an events page, run as SQL. `bbox` is (west, south, east, north);
    a box whose west edge lies east of its east edge crosses the antimeridian."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    outlet: str | None = None
    min_sources: int = 0
    bbox: Bbox | None = None
    descending: bool = False


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of events (without their claims and reports) and where the next one starts."""

    events: list[dict[str, object]]
    offset: int
    next_offset: int | None


class StoreReader:
    """Read-only queries over a store that stays open (one engine, pooled connections)."""

    def __init__(self, db_url: str = DEFAULT_URL) -> None:
        self.db_url = db_url
        self.store = Store.open(db_url)

    def close(self) -> None:
        self.store.close()

    def events(self, wanted: EventQuery, limit: int = 50, offset: int = 0) -> EventPage:
        """Dated events by date, then undated ones: two queries, so that the date index
        gives the order and a page stops reading once it is full."""
        query = events_page_query(wanted, dated=True)
        rows = self._rows(query.limit(limit + 1).offset(offset))
        if len(rows) <= limit and wanted.since is None and wanted.until is None:
            skip = offset - self._count(query) if not rows else 0
            undated = events_page_query(wanted, dated=False)
            rows += self._rows(undated.limit(limit + 1 - len(rows)).offset(max(skip, 0)))
        more = offset + limit if len(rows) > limit else None
        return EventPage([event_json(row) for row in rows[:limit]], offset, more)

    def event(self, event_id: str) -> dict[str, object] | None:
        """One event with its claims and reports, or None."""
        query = select(schema.events).where(schema.events.c.event_id == event_id)
        return next((event_json(row) for row in self._rows(query)), None)

    def outlets(self) -> list[dict[str, object]]:
        """Every outlet with its number of articles and of events it reported."""
        found: dict[str, dict[str, object]] = {}
        for name, count in self._rows(outlet_articles_query()):
            found[str(name)] = {"outlet": name, "articles": count, "events": 0}
        for name, count in self._rows(outlet_events_query()):
            found.setdefault(str(name), {"outlet": name, "articles": 0})["events"] = count
        return sorted(found.values(), key=lambda row: str(row["outlet"]).casefold())

    def rows(self, table: str, limit: int, offset: int = 0) -> list[dict[str, object]]:
        """A slice of one export table (`rejects`, `framing`, ...) in its stable order."""
        return list(islice(self.store.iter_rows(table), offset, offset + limit))

    def _count(self, query: Select[Any]) -> int:
        counted = select(func.count()).select_from(query.order_by(None).subquery())
        with self.store.engine.connect() as connection:
            return int(connection.execute(counted).scalar_one())

    def _rows(self, query: Select[Any]) -> list[Row[Any]]:
        with self.store.engine.connect() as connection:
            return list(connection.execute(query))


def event_json(row: Row[Any]) -> dict[str, object]:
    found = dict(row._mapping)
    found["attributed"] = bool(found["attributed"])
    return {name: found[name] for name in EVENT_FIELDS if name in found}


def events_page_query(wanted: EventQuery, dated: bool) -> Select[Any]:
    """The dated (or the undated) events `wanted`, by date then id (`sort=-date`: reversed)."""
    events = schema.events
    columns = [events.c[name] for name in LIST_FIELDS]
    has_date = events.c.event_date.is_not(None) if dated else events.c.event_date.is_(None)
    query = event_conditions(select(*columns).where(has_date), wanted)
    if wanted.descending:
        return query.order_by(events.c.event_date.desc(), events.c.event_id.desc())
    return query.order_by(events.c.event_date, events.c.event_id)


def event_conditions(query: Select[Any], wanted: EventQuery) -> Select[Any]:
    events = schema.events
    checks: list[ColumnElement[bool]] = []
    if wanted.since is not None:
        checks.append(events.c.event_date >= wanted.since)
    if wanted.until is not None:
        checks.append(events.c.event_date <= wanted.until)
    if wanted.country is not None:
        checks.append(country_is(wanted.country))
    if wanted.admin1 is not None:
        checks.append(func.lower(events.c.admin1) == wanted.admin1.lower())
    if wanted.event_type is not None:
        checks.append(type_is(wanted.event_type))
    if wanted.actor is not None:
        checks.append(actor_like(wanted.actor))
    if wanted.outlet is not None:
        checks.append(reported_by(wanted.outlet))
    if wanted.min_sources > 0:
        checks.append(events.c.independent_source_count >= wanted.min_sources)
    if wanted.bbox is not None:
        checks.append(inside(wanted.bbox))
    return query.where(*checks)


def country_is(country: str) -> ColumnElement[bool]:
    """An ISO3 code (exact, upper case) or a country name (any case)."""
    events = schema.events
    if len(country) == 3 and country.isalpha():
        return events.c.iso3 == country.upper()
    return func.lower(events.c.country) == country.lower()


def type_is(event_type: str) -> ColumnElement[bool]:
    events, wanted = schema.events, event_type.lower()
    return or_(func.lower(events.c.event_type) == wanted,
               func.lower(events.c.sub_event_type) == wanted)  # fmt: skip


def actor_like(actor: str) -> ColumnElement[bool]:
    """Any actor or associated actor whose name contains `actor` (any case)."""
    pattern = "%" + actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    names = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
    return or_(*(schema.events.c[name].ilike(pattern, escape="\\") for name in names))


def reported_by(outlet: str) -> ColumnElement[bool]:
    """Some mention of the event came from an article of `outlet` (any case)."""
    links, mentions = schema.event_mentions, schema.mentions
    joined = links.join(mentions, mentions.c.mention_id == links.c.mention_id)
    found = select(links.c.event_id).select_from(joined)
    found = found.where(links.c.event_id == schema.events.c.event_id)
    return exists(found.where(func.lower(mentions.c.outlet) == outlet.lower()))


def inside(bbox: Bbox) -> ColumnElement[bool]:
    west, south, east, north = bbox
    events = schema.events
    across = (events.c.longitude >= west) | (events.c.longitude <= east)
    longitude = events.c.longitude.between(west, east) if west <= east else across
    return and_(events.c.latitude.between(south, north), longitude)


def outlet_articles_query() -> Select[Any]:
    articles = schema.articles
    named = articles.c.outlet.is_not(None)
    return select(articles.c.outlet, func.count()).where(named).group_by(articles.c.outlet)


def outlet_events_query() -> Select[Any]:
    links, mentions = schema.event_mentions, schema.mentions
    joined = links.join(mentions, mentions.c.mention_id == links.c.mention_id)
    count = func.count(distinct(links.c.event_id))
    query = select(mentions.c.outlet, count).select_from(joined)
    return query.where(mentions.c.outlet.is_not(None)).group_by(mentions.c.outlet)
