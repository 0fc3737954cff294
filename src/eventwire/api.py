"""The library facade: what the CLI and the web app call. No printing here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import IO, TextIO

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.evaluate import EvalResult, run_task
from eventwire.export import (
    EXPORT_FORMATS,
    FORMATS,
    BBox,
    EventFilter,
    Exported,
    article_refs,
    export_rows,
    filter_events,
    parse_bbox,
)
from eventwire.export.reader import (
    EventPage,
    StoreReader,
)
from eventwire.fuse import FuseSummary, fuse
from eventwire.ingest import IngestSettings, read_inputs
from eventwire.pipeline import Pipeline, PipelineSettings
from eventwire.records import Document, Parcel
from eventwire.resources.gazetteer import build_gazetteer, default_gazetteer_path, import_geonames
from eventwire.stages import DEFAULT_STAGES, EMBEDDING_STAGES, WORDS_STAGES, default_stages
from eventwire.store import DEFAULT_URL, EXPORT_TABLES, Store

__all__ = [
    "DEFAULT_STAGES",
    "DEFAULT_URL",
    "EMBEDDING_STAGES",
    "EXPORT_FORMATS",
    "EXPORT_TABLES",
    "FORMATS",
    "WORDS_STAGES",
    "BBox",
    "EventFilter",
    "EventPage",
    "EventwireError",
    "IngestSettings",
    "PipelineSettings",
    "RunSummary",
    "StoreReader",
    "build_gazetteer_file",
    "default_stages",
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
    pipeline.setup()  # a missing model or resource stops the run here, with one message
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
    """One event row (with its claims and reports), or None; one indexed lookup."""
    reader = StoreReader(db_url)
    try:
        return reader.event(event_id)
    finally:
        reader.close()


def demo_inputs() -> Path:
    """The folder of sample articles bundled with the package (written by the team)."""
    return Path(str(resources.files("eventwire.resources").joinpath("demo")))


def evaluate(task: str, gold: Path) -> EvalResult:
    return run_task(task, gold)
