"""Parquet files of the events, claims and articles tables (pyarrow).

Column types are fixed per table (so every file of a table has one schema, whatever
its rows hold): text as string, counts and codes as int64, coordinates as float64,
flags as bool, lists of names as list<string>, spans as list<int64>. Lists of objects
(`claims`, `reports`, `removed`) are JSON text, marked `eventwire.encoding: json` in the
field metadata; `read_parquet_rows` decodes them. Rows are written in row groups of
`BATCH` rows, so memory stays flat. pyarrow is imported on first use only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import IO, Any

from eventwire.errors import Code, EventwireError
from eventwire.store import EXPORT_COLUMNS

__all__ = ["PARQUET_TABLES", "arrow_schema", "read_parquet_rows", "write_parquet"]

PARQUET_TABLES = ("events", "claims", "articles")
BATCH = 10_000
JSON_MARK = {b"eventwire.encoding": b"json"}
INT_FIELDS = frozenset({
    "time_precision", "inter1", "inter2", "interaction", "geo_precision", "geonameid",
    "fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "source_count",
    "independent_source_count", "report_count", "low", "high", "ordinal",
})  # fmt: skip
FLOAT_FIELDS = frozenset({"latitude", "longitude"})
BOOL_FIELDS = frozenset({"attributed"})
NAME_LIST_FIELDS = frozenset({"sources", "relays", "credits"})
SPAN_FIELDS = frozenset({"span", "span_in_document"})
JSON_FIELDS = frozenset({"claims", "reports", "removed"})
TYPED = INT_FIELDS | FLOAT_FIELDS | BOOL_FIELDS | NAME_LIST_FIELDS | SPAN_FIELDS | JSON_FIELDS


def load_pyarrow() -> Any:
    try:
        import pyarrow  # type: ignore[import-untyped,unused-ignore]
        import pyarrow.parquet  # type: ignore[import-untyped,unused-ignore]
    except ModuleNotFoundError as exc:
        raise EventwireError(Code.EXPORT_FAILED, detail="Parquet needs pyarrow>=15") from exc
    return pyarrow


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a table's Parquet file (E601 for other tables)."""
    if table not in PARQUET_TABLES:
        known = ", ".join(PARQUET_TABLES)
        raise EventwireError(Code.EXPORT_FAILED, detail=f"no Parquet for {table!r} ({known})")
    pa = load_pyarrow()
    return pa.schema([arrow_field(pa, name) for name in EXPORT_COLUMNS[table]])


def arrow_field(pa: Any, name: str) -> Any:
    if name in JSON_FIELDS:
        return pa.field(name, pa.string(), metadata=JSON_MARK)
    kinds = (
        (INT_FIELDS, pa.int64()),
        (FLOAT_FIELDS, pa.float64()),
        (BOOL_FIELDS, pa.bool_()),
        (NAME_LIST_FIELDS, pa.list_(pa.string())),
        (SPAN_FIELDS, pa.list_(pa.int64())),
    )
    kind = next((kind for names, kind in kinds if name in names), pa.string())
    return pa.field(name, kind)


def write_parquet(
    rows: Iterable[Mapping[str, object]], table: str, out: str | Path | IO[bytes]
) -> int:
    """Write a table's export rows as Parquet to a path or binary stream; returns the count."""
    schema = arrow_schema(table)
    pa = load_pyarrow()
    count = 0
    with pa.parquet.ParquetWriter(out, schema) as writer:
        for batch in batches(rows, BATCH):
            columns = {name: column(batch, name) for name in schema.names}
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            count += len(batch)
    return count


def batches(
    rows: Iterable[Mapping[str, object]], size: int
) -> Iterator[list[Mapping[str, object]]]:
    source = iter(rows)
    while batch := list(islice(source, size)):
        yield batch


def column(batch: Sequence[Mapping[str, object]], name: str) -> list[object]:
    values = [row.get(name) for row in batch]
    if name in JSON_FIELDS:
        return [
            None if value is None else json.dumps(value, ensure_ascii=False) for value in values
        ]
    if name not in TYPED:
        return [None if value is None else str(value) for value in values]
    return values


def read_parquet_rows(source: str | Path | IO[bytes]) -> list[dict[str, object]]:
    """Rows of a Parquet file written here, JSON columns decoded (as the JSONL export has them)."""
    pa = load_pyarrow()
    table = pa.parquet.read_table(source)
    encoded = [f.name for f in table.schema if (f.metadata or {}).get(b"eventwire.encoding")]
    rows: list[dict[str, object]] = table.to_pylist()
    for row in rows:
        for name in encoded:
            if row[name] is not None:
                row[name] = json.loads(str(row[name]))
    return rows
