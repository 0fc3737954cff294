"""Convert the FA-KES CSV (Syrian-war news from 15 outlets) to eventwire JSONL.

    python bench/fakes_to_jsonl.py [--csv ../shared/data/conflict_news/fa-kes_...csv]
                                   [--out bench/out/fakes.jsonl] [--no-url]

One JSON object per article: `url` (a synthetic `fakes:<unit_id>`, or null), `title`,
`published` (ISO date from the M/D/YYYY `date` column), `outlet` (the `source` column)
and `text`. The `labels` column is not used. The CSV is decoded as UTF-8 (with or without
a byte-order mark), falling back to Windows-1252 and then Latin-1, so odd bytes never stop
the conversion; quoted fields with embedded newlines are kept whole, line endings become
`\\n` and NUL bytes are dropped. Rows without article text are skipped and counted.
Exits 0 with a message when the CSV is absent. The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_CSV = (
    BENCH.parents[1] / "shared" / "data" / "conflict_news" / "fa-kes_2011-2018_without_2013.csv"
)
DEFAULT_OUT = BENCH / "out" / "fakes.jsonl"
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the first encoding of ENCODINGS that decodes it (Latin-1 always does)."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def iso_date(value: str | None) -> str | None:
    """`4/5/2017` (M/D/YYYY) or `2017-04-05` -> `2017-04-05`; None when not a real date."""
    value = (value or "").strip()
    if match := _US_DATE.fullmatch(value):
        month, day, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def clean_field(value: str | None) -> str:
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def read_rows(text: str) -> Iterator[dict[str, str | None]]:
    """CSV rows keyed by lower-cased, stripped header names."""
    csv.field_size_limit(2**31 - 1)
    reader = csv.reader(io.StringIO(text.replace("\x00", ""), newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield {name: cells[i] if i < len(cells) else None for i, name in enumerate(header)}


def to_record(row: dict[str, str | None], with_url: bool) -> dict[str, str | None]:
    unit_id = clean_field(row.get("unit_id"))
    return {
        "url": f"fakes:{unit_id}" if with_url and unit_id else None,
        "title": clean_field(row.get("article_title")) or None,
        "published": iso_date(row.get("date")),
        "outlet": clean_field(row.get("source")) or None,
        "text": clean_field(row.get("article_content")),
    }


def convert(source: Path, out: Path, with_url: bool = True) -> tuple[str, Counter[str]]:
    """Write one JSON line per usable row of `source` to `out`; the encoding and counts."""
    text, encoding = decode(source.read_bytes())
    counts: Counter[str] = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as sink:
        for row in read_rows(text):
            counts["rows"] += 1
            record = to_record(row, with_url)
            if not record["text"]:
                counts["skipped_no_text"] += 1
                continue
            counts["no_date"] += record["published"] is None
            counts["replacement_chars"] += str(record["text"]).count("\ufffd")
            counts["words"] += len(str(record["text"]).split())
            counts["written"] += 1
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return encoding, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="the FA-KES CSV")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSONL to write")
    parser.add_argument("--no-url", action="store_true", help="write url as null")
    parser.add_argument("out_path", type=Path, nargs="?", help="same as --out")
    args = parser.parse_args()
    if not args.csv.exists():
        print(f"skipped: {args.csv} not found (the shared data folder is absent)")
        sys.exit(0)
    out = args.out_path or args.out
    encoding, counts = convert(args.csv, out, with_url=not args.no_url)
    print(f"wrote {counts['written']} articles ({counts['words']} words) to {out}")
    print(json.dumps({"out": str(out), "encoding": encoding, **counts}))


if __name__ == "__main__":
    main()
