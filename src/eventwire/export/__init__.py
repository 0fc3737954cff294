"""Export: writers that turn store rows into files (JSONL, CSV, ACLED, UCDP, GeoJSON, Parquet).

`export_rows(rows, table, fmt, out)` is the one entry point; `EventFilter` selects events
for `events`, `export` and the API.
"""

from __future__ import annotations

from eventwire.export.exporter import (
    EXPORT_FORMATS,
    Exported,
    ExportFormat,
    export_events,
    export_rows,
)
from eventwire.export.filters import BBox, EventFilter, filter_events, parse_bbox
from eventwire.export.ucdp import article_refs
from eventwire.export.writers import FORMATS, Format, write_rows

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "BBox",
    "EventFilter",
    "ExportFormat",
    "Exported",
    "Format",
    "article_refs",
    "export_events",
    "export_rows",
    "filter_events",
    "parse_bbox",
    "write_rows",
]
