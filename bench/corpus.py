"""Benchmark corpora: the FA-KES conversion, scaled copies of it, or made-up articles.

Imported by the other bench scripts; run on its own it writes a corpus of N articles:

    python bench/corpus.py 5000 bench/out/fakes_5000.jsonl [--synthetic]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator, Sequence
from itertools import cycle, islice
from pathlib import Path

from fakes_to_jsonl import DEFAULT_CSV, DEFAULT_OUT, convert

Record = dict[str, str | None]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def fakes_jsonl(csv_path: Path = DEFAULT_CSV, out: Path = DEFAULT_OUT) -> Path | None:
    """The FA-KES JSONL, converted on first use; None when the CSV is absent."""
    if not out.exists():
        if not csv_path.exists():
            return None
        convert(csv_path, out)
    return out


def read_records(path: Path) -> list[Record]:
    return list(iter_records(path))


def iter_records(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def words(records: Sequence[Record]) -> int:
    return sum(len((record.get("text") or "").split()) for record in records)


def perturb(record: Record, copy: int) -> Record:
    """Copy `copy` of a record: its own url, and its sentences after the first rotated, with
    their digits shifted by `copy` (so numbers are new strings to the parser).

    Copy 0 is the record itself. Later copies have different bytes (so a different content
    id in the store) and the same number of words.
    """
    if copy == 0:
        return record
    head, *rest = _SENTENCE_END.split(record.get("text") or "")
    shift = copy % len(rest) if rest else 0
    body = " ".join([*rest[shift:], *rest[:shift]]).translate(digit_shift(copy))
    text = f"{head} {body}".strip()
    url = f"{record.get('url') or 'bench:'}#copy{copy}"
    return {**record, "url": url, "text": text}


def digit_shift(copy: int) -> dict[int, str]:
    return {ord(str(digit)): str((digit + copy) % 10) for digit in range(10)}


def scaled(records: Sequence[Record], count: int) -> Iterator[Record]:
    """Exactly `count` records: the originals, then perturbed copies, round-robin."""
    if not records:
        return
    for position, record in enumerate(islice(cycle(records), count)):
        yield perturb(record, position // len(records))


def write_jsonl(records: Iterator[Record] | Sequence[Record], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as sink:
        for record in records:
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


PLACES = ("Homs", "Aleppo", "Idlib", "Hama", "Daraa", "Raqqa", "Deir ez-Zor", "Qamishli")
ACTORS = ("government forces", "opposition fighters", "a Kurdish-led alliance", "militants")
OUTLETS = ("Example Wire", "Sample Daily", "Test Agency", "Demo News")
SENTENCES = (
    "Clashes between {a} and {b} near {p} killed at least {n} people on {d}, a monitoring "
    "group said.",
    "A spokesman for {a} said {n} fighters had been captured in the countryside of {p}.",
    "Residents of {p} reported heavy shelling overnight and said {n} families had fled.",
    "The claims could not be independently verified, and {b} denied losing any positions.",
    "Aid agencies warned that supplies in {p} would run out within {n} days.",
    "Officials from {a} said the operation in {p} would continue until the area was secured.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def synthetic_record(rng: random.Random, number: int) -> Record:
    """A made-up article of about 300 words in the style of a wire report."""
    place, outlet = rng.choice(PLACES), rng.choice(OUTLETS)
    lines = []
    for _ in range(18):
        a, b = rng.sample(ACTORS, 2)
        fields = {"a": a, "b": b, "p": place, "n": rng.randint(2, 400), "d": rng.choice(DAYS)}
        lines.append(rng.choice(SENTENCES).format(**fields))
    lines[0] = f"{place.upper()}, Syria ({outlet}) - {lines[0]}"
    return {
        "url": f"bench:synthetic:{number}",
        "title": f"Fighting reported near {place}",
        "published": f"2014-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "outlet": outlet,
        "text": "\n\n".join(" ".join(lines[i : i + 4]) for i in range(0, len(lines), 4)),
    }


def synthetic(count: int, seed: int = 7) -> Iterator[Record]:
    rng = random.Random(seed)
    return (synthetic_record(rng, number) for number in range(count))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of articles to write")
    parser.add_argument("out", type=Path, help="the JSONL to write")
    parser.add_argument("--synthetic", action="store_true", help="made-up articles only")
    args = parser.parse_args()
    source = None if args.synthetic else fakes_jsonl()
    records = scaled(read_records(source), args.count) if source else synthetic(args.count)
    write_jsonl(records, args.out)
    print(f"wrote {args.count} {'FA-KES' if source else 'synthetic'} articles to {args.out}")


if __name__ == "__main__":
    main()
