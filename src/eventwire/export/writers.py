"""Row writers: JSONL (one object per line) and CSV (header, nested values as JSON).

Rows are written as they come, so memory stays flat however many rows a table has.
Column order is the key order of the first row (or `columns` when given). Open a CSV
output file with `newline=""`, as the csv module asks.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import Literal, TextIO

__all__ = ["FORMATS", "Format", "format_cell", "write_csv", "write_jsonl", "write_rows"]

Format = Literal["jsonl", "csv"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv")

# Characters `str.splitlines` breaks on that json.dumps leaves raw with ensure_ascii=False;
# escaped so that one row stays one line for every line reader.
LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_rows(
    rows: Iterable[Mapping[str, object]],
    fmt: Format,
    out: TextIO,
    columns: Sequence[str] | None = None,
) -> int:
    """Write `rows` to `out` as `fmt`; returns the number of rows written."""
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    if fmt == "csv":
        return write_csv(rows, out, columns)
    raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")


def write_jsonl(rows: Iterable[Mapping[str, object]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False).translate(LINE_BREAKS))
        out.write("\n")
        count += 1
    return count


def write_csv(
    rows: Iterable[Mapping[str, object]], out: TextIO, columns: Sequence[str] | None = None
) -> int:
    """CSV with a header line; with no rows and no `columns`, nothing is written."""
    source = iter(rows)
    first = next(source, None)
    if first is None and columns is None:
        return 0
    header = list(columns if columns is not None else first or ())
    writer = csv.writer(out)  # RFC 4180 "\r\n" endings; also makes csv quote a lone "\r"
    writer.writerow(header)
    count = 0
    for row in chain([first] if first is not None else [], source):
        writer.writerow(csv_record(row, header))
        count += 1
    return count


def csv_record(row: Mapping[str, object], header: Sequence[str]) -> Iterator[str]:
    extra = row.keys() - set(header)
    if extra:
        raise ValueError(f"row has columns not in the CSV header: {', '.join(sorted(extra))}")
    return (format_cell(row.get(name)) for name in header)


def format_cell(value: object) -> str:
    """A CSV cell: empty for null, JSON for lists, dicts and booleans, text otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool | list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
