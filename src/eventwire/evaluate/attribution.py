"""`attribution-polnear`: source, cue and content spans against PolNeAR (dev + test).

Gold: `<split>/text/<name>.txt` and `<split>/attributions/<name>_<annotator>.ann` (BRAT
Source, Cue, Content spans; discontinuous spans are `start end;start end`). Articles with
several annotators are scored against the first annotator file in name order.

Scoring per kind (source, cue, content), spans deduplicated per article:
- exact: a predicted span equals a gold span (a discontinuous gold span can't be matched);
- overlap: a predicted span counts toward precision when it shares at least one character
  with a gold span of the same kind, and a gold span counts toward recall when at least
  one predicted span of that kind shares a character with it.
Both finders are scored: `parsed` (on a spaCy parse of each article) and `plain` (no parse).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.metrics import SpanCounts
from eventwire.evaluate.result import EvalResult
from eventwire.resources.models import load_spacy
from eventwire.stages.attribution import Attribution, attribute

__all__ = ["evaluate_polnear", "read_brat"]

KINDS = ("source", "cue", "content")
SPLITS = ("dev", "test")
Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class _Article:
    split: str
    name: str
    text: str
    gold: dict[str, set[Fragments]]


def read_brat(ann: str) -> dict[str, set[Fragments]]:
    """Source/Cue/Content spans of a BRAT file, by lower-cased kind."""
    spans: dict[str, set[Fragments]] = {kind: set() for kind in KINDS}
    for line in ann.splitlines():
        if not line.startswith("T") or "\t" not in line:
            continue
        label, _, offsets = line.split("\t")[1].partition(" ")
        if label.lower() in spans:
            spans[label.lower()].add(_fragments(offsets))
    return spans


def _fragments(offsets: str) -> Fragments:
    pairs = (part.split() for part in offsets.split(";"))
    return tuple((int(start), int(end)) for start, end in pairs)


def _articles(gold: Path) -> Iterator[_Article]:
    for split in SPLITS:
        for text_file in sorted((gold / split / "text").glob("*.txt")):
            anns = sorted((gold / split / "attributions").glob(f"{text_file.stem}_*.ann"))
            if anns:
                text = text_file.read_text(encoding="utf-8")
                yield _Article(split, text_file.stem, text, read_brat(anns[0].read_text("utf-8")))


def _predicted(attributions: list[Attribution]) -> dict[str, set[Fragments]]:
    spans: dict[str, set[Fragments]] = {kind: set() for kind in KINDS}
    for a in attributions:
        for kind, span in (("source", a.source), ("cue", a.cue), ("content", a.content)):
            if span is not None:
                spans[kind].add(((span.start, span.end),))
    return spans


def _overlaps(span: Fragments, others: set[Fragments]) -> bool:
    return any(min(e1, e2) > max(s1, s2) for s1, e1 in span for other in others for s2, e2 in other)


def _counts() -> SpanCounts[Fragments]:
    return SpanCounts(_overlaps)


def evaluate_polnear(gold: Path) -> EvalResult:
    articles = list(_articles(gold))
    spacy_pipeline = load_spacy()
    counts = {key: _counts() for key in _keys()}
    seconds = {"parse": 0.0, "parsed": 0.0, "plain": 0.0}
    for article in articles:
        clock = time.perf_counter()
        doc = spacy_pipeline(article.text)
        seconds["parse"] += time.perf_counter() - clock
        for finder in FINDERS:
            clock = time.perf_counter()
            found = attribute(article.text, doc=doc if finder == "parsed" else None)
            seconds[finder] += time.perf_counter() - clock
            predicted = _predicted(found)
            for kind in KINDS:
                for split in ("all", article.split):
                    counts[finder, kind, split].add(article.gold[kind], predicted[kind])
    return EvalResult(
        "attribution-polnear", _metrics(len(articles), counts, seconds), _summary(counts)
    )


FINDERS = ("parsed", "plain")
_Key = tuple[str, str, str]


def _keys() -> list[_Key]:
    return [(f, k, s) for f in FINDERS for k in KINDS for s in ("all", *SPLITS)]


def _metrics(
    articles: int, counts: dict[_Key, SpanCounts[Fragments]], seconds: dict[str, float]
) -> dict[str, float | int | str]:
    metrics: dict[str, float | int | str] = {"articles": articles}
    for (finder, kind, split), count in counts.items():
        if split == "all":
            metrics.update(count.metrics(f"{finder}_{kind}"))
            metrics[f"{finder}_{kind}_gold"] = count.gold
        else:
            overlap = count.metrics(f"{finder}_{kind}")[f"{finder}_{kind}_overlap_f1"]
            metrics[f"{finder}_{kind}_overlap_f1_{split}"] = overlap
    for name, spent in seconds.items():
        metrics[f"{name}_seconds"] = round(spent, 2)
    metrics["source_overlap_f1"] = metrics["parsed_source_overlap_f1"]  # the gated figure
    return metrics


def _summary(counts: dict[_Key, SpanCounts[Fragments]]) -> tuple[str, ...]:
    lines = []
    for (finder, kind, split), count in counts.items():
        if split == "all":
            m = count.metrics("x")
            lines.append(
                f"{finder} {kind}: overlap P/R/F1 {m['x_overlap_p']}/{m['x_overlap_r']}/"
                f"{m['x_overlap_f1']}, exact F1 {m['x_exact_f1']}"
            )
    return tuple(lines)
