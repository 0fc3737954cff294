"""`loaded-ptc`: loaded-language spans against the PTC corpus (SemEval 2020 task 11).

Gold: `train-articles/article<id>.txt` and `train-task2-TC.labels` (tab separated: id,
technique, start, end; end exclusive). Two techniques are scored: Loaded_Language against
our `loaded` hits and Name_Calling,Labeling against our `name_calling` hits, and both
together (`combined`: every hit against the union of both techniques' spans). The
combined scores are also given for each source lexicon alone (`labels_`: the loaded actor
labels of `labels.v1.csv`; `general_`: `loaded_terms.v1.csv`), and for the descriptive
labels of `labels.v1.csv` ("militants", "rebels") as a control of its `loaded` flag.

Scoring per technique, spans deduplicated per article:
- exact: a predicted span equals a gold span;
- overlap: a predicted span counts toward precision when it shares at least one character
  with a gold span, and a gold span counts toward recall when at least one predicted span
  shares a character with it.
Articles with an even id are the dev half, odd ids the held-out half (`heldout_`). The
summary adds each frequent term's overlap precision on the dev half against either
technique: the only aggregate used to drop terms that are usually not loaded.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.evaluate.metrics import SpanCounts
from eventwire.evaluate.result import EvalResult
from eventwire.resources import read_csv
from eventwire.stages.loaded import KINDS, Kind, LoadedLexicon, general_terms, label_terms

__all__ = ["TECHNIQUES", "evaluate_ptc", "read_labels"]

Span = tuple[int, int]
TECHNIQUES: dict[str, Kind] = {
    "Loaded_Language": "loaded",
    "Name_Calling,Labeling": "name_calling",
}
GROUPS = ("loaded", "name_calling", "combined")
_TERMS_SHOWN = 40


def read_labels(path: Path) -> dict[str, dict[Kind, set[Span]]]:
    """Gold spans of the two techniques by article id and our kind."""
    gold: dict[str, dict[Kind, set[Span]]] = defaultdict(lambda: {k: set() for k in KINDS})
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) == 4 and row[1] in TECHNIQUES:
                gold[row[0]][TECHNIQUES[row[1]]].add((int(row[2]), int(row[3])))
    return gold


def _overlaps(span: Span, others: set[Span]) -> bool:
    return any(min(span[1], end) > max(span[0], start) for start, end in others)


def _counts() -> SpanCounts[Span]:
    return SpanCounts(_overlaps)


@dataclass
class _Tally:
    """Counts per group, and per term how many hits overlap a gold span of either technique."""

    groups: dict[str, SpanCounts[Span]] = field(
        default_factory=lambda: {g: _counts() for g in GROUPS}
    )
    hits: Counter[str] = field(default_factory=Counter)
    good: Counter[str] = field(default_factory=Counter)

    def add(self, gold: dict[Kind, set[Span]], found: list[tuple[int, int, str, Kind]]) -> None:
        predicted: dict[Kind, set[Span]] = {k: set() for k in KINDS}
        for start, end, _, kind in found:
            predicted[kind].add((start, end))
        for kind in KINDS:
            self.groups[kind].add(gold[kind], predicted[kind])
        every_gold = gold["loaded"] | gold["name_calling"]
        self.groups["combined"].add(every_gold, predicted["loaded"] | predicted["name_calling"])
        for start, end, term, _ in found:
            self.hits[term] += 1
            self.good[term] += _overlaps((start, end), every_gold)


def _articles(gold: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((gold / "train-articles").glob("article*.txt")):
        yield path.stem.removeprefix("article"), path.read_text(encoding="utf-8")


def _lexicons() -> dict[str, LoadedLexicon]:
    """The product's lexicon, each of its two sources alone, and the descriptive labels."""
    return {
        "": LoadedLexicon.load(),
        "labels_": LoadedLexicon(label_terms(read_csv("labels.v1.csv"))),
        "general_": LoadedLexicon(general_terms(read_csv("loaded_terms.v1.csv"))),
        "descriptive_labels_": LoadedLexicon(label_terms(read_csv("labels.v1.csv"), loaded=False)),
    }


def _half(article_id: str) -> str:
    """Even ids are the dev half (term pruning looks only there), odd ids are held out."""
    return "dev_" if article_id[-1:] in "02468" else "heldout_"


def evaluate_ptc(gold: Path) -> EvalResult:
    spans = read_labels(gold / "train-task2-TC.labels")
    lexicons = _lexicons()
    tallies = {prefix: _Tally() for prefix in [*lexicons, "dev_", "heldout_"]}
    articles = 0
    for article_id, text in _articles(gold):
        articles += 1
        article_gold = spans.get(article_id, {k: set() for k in KINDS})
        found = {prefix: lexicon.find(text) for prefix, lexicon in lexicons.items()}
        for prefix, hits in found.items():
            tallies[prefix].add(article_gold, hits)
        tallies[_half(article_id)].add(article_gold, found[""])
    return EvalResult("loaded-ptc", _metrics(articles, tallies), _summary(tallies))


def _metrics(articles: int, tallies: dict[str, _Tally]) -> dict[str, float | int | str]:
    """Every group for the product lexicon and its halves; `combined` for the others."""
    metrics: dict[str, float | int | str] = {"articles": articles}
    for prefix, tally in tallies.items():
        for group, counts in tally.groups.items():
            if prefix in ("", "dev_", "heldout_") or group == "combined":
                metrics.update(counts.metrics(prefix + group))
    return metrics


def _summary(tallies: dict[str, _Tally]) -> tuple[str, ...]:
    lines = [
        f"{half.rstrip('_') or 'all'} {group}: exact F1 {c.metrics(group)[f'{group}_exact_f1']}, "
        f"overlap F1 {c.metrics(group)[f'{group}_overlap_f1']} "
        f"({c.predicted} predicted, {c.gold} gold)"
        for half in ("", "heldout_")
        for group, c in tallies[half].groups.items()
    ]
    dev = tallies["dev_"]
    for term, hits in dev.hits.most_common(_TERMS_SHOWN):
        lines.append(
            f"dev term {term!r}: {hits} hits, overlap precision {dev.good[term] / hits:.2f}"
        )
    return tuple(lines)
