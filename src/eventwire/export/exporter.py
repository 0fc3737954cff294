"""One entry point for every export format: rows of a table -> a file or a stream.

`export_rows(rows, "events", "acled", "events.csv")` writes and returns what it wrote.
`out` is a path (opened here: UTF-8 text, or binary for Parquet) or an open stream;
text formats take a text or a binary stream, Parquet a binary one (or a text stream
with a `.buffer`, such as `sys.stdout`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal, TextIO, cast, get_args

from eventwire.errors import Code, EventwireError
from eventwire.export.acled import write_acled
from eventwire.export.geojson import write_geojson
from eventwire.export.parquet import PARQUET_TABLES, write_parquet
from eventwire.export.ucdp import ArticleRef, write_ucdp
from eventwire.export.writers import write_rows
from eventwire.store import EXPORT_COLUMNS

__all__ = ["EXPORT_FORMATS", "ExportFormat", "Exported", "export_events", "export_rows"]

ExportFormat = Literal["jsonl", "csv", "acled", "ucdp", "geojson", "parquet"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
EVENTS_ONLY = ("acled", "ucdp", "geojson")
Rows = Iterable[Mapping[str, object]]
Out = str | Path | IO[str] | IO[bytes]


@dataclass(frozen=True, slots=True)
class Exported:
    """Rows written, and rows left out (GeoJSON: events without coordinates)."""

    written: int
    skipped: int = 0


def export_events(
    rows: Rows, fmt: str, out: Out, articles: Mapping[str, ArticleRef] | None = None
) -> Exported:
    """Export event rows (`Store.iter_rows("events")`, filtered or not) in `fmt`."""
    return export_rows(rows, "events", fmt, out, articles)


def export_rows(
    rows: Rows,
    table: str,
    fmt: str,
    out: Out,
    articles: Mapping[str, ArticleRef] | None = None,
) -> Exported:
    """Export rows of `table` in `fmt` to `out`; E601 for a format the table has not.

    `articles` (`ucdp.article_refs(...)`) fills UCDP's source dates and headlines."""
    check(table, fmt)
    if fmt == "parquet":
        return Exported(write_parquet_to(rows, table, out))
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return write_text(rows, table, fmt, stream, articles)
    if isinstance(out, io.TextIOBase):
        return write_text(rows, table, fmt, cast(TextIO, out), articles)
    wrapper = io.TextIOWrapper(cast(IO[bytes], out), encoding="utf-8", newline="")
    try:
        return write_text(rows, table, fmt, wrapper, articles)
    finally:
        wrapper.flush()
        wrapper.detach()


def check(table: str, fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS)
        raise EventwireError(Code.EXPORT_FAILED, detail=f"unknown format {fmt!r} ({known})")
    if fmt in EVENTS_ONLY and table != "events":
        raise EventwireError(Code.EXPORT_FAILED, detail=f"{fmt} exports events, not {table}")
    if fmt == "parquet" and table not in PARQUET_TABLES:
        known = ", ".join(PARQUET_TABLES)
        raise EventwireError(Code.EXPORT_FAILED, detail=f"Parquet exports {known}, not {table}")


def write_text(
    rows: Rows,
    table: str,
    fmt: str,
    out: TextIO,
    articles: Mapping[str, ArticleRef] | None,
) -> Exported:
    if fmt == "acled":
        return Exported(write_acled(rows, out))
    if fmt == "ucdp":
        return Exported(write_ucdp(rows, out, articles))
    if fmt == "geojson":
        found = write_geojson(rows, out)
        return Exported(found.written, found.skipped)
    text_format = cast(Literal["jsonl", "csv"], fmt)
    return Exported(write_rows(rows, text_format, out, EXPORT_COLUMNS.get(table)))


def write_parquet_to(rows: Rows, table: str, out: Out) -> int:
    if isinstance(out, str | Path):
        return write_parquet(rows, table, out)
    if isinstance(out, io.TextIOBase):
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            raise EventwireError(Code.EXPORT_FAILED, detail="Parquet needs a binary output")
        out.flush()
        return write_parquet(rows, table, buffer)
    return write_parquet(rows, table, cast(IO[bytes], out))
