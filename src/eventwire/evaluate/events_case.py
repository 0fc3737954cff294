"""`events-case`: event typing on CASE 2021 Shared Task 2 (30 labels), weighted/macro F1.

Reads the TSV `id, EventSnippet, SubType` by path. Each snippet is typed with the
classifier's `type_label` (CASE snippets are all reports of events, so the not-an-event
gate is counted, not applied), by the typer as the pipeline runs it: by default words plus
the MiniLM sentence embedding where the words are unsure (`EventTyper.gated()`; words only
when the encoder is not installed); `embedded` counts the snippets whose embedding was
read. The summary has per-label F1 and the top confusions.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from eventwire.errors import Code, EventwireError
from eventwire.evaluate.result import EvalResult
from eventwire.stages.events import EventTyper
from eventwire.stages.events.encoder import available as encoder_available

__all__ = [
    "averages",
    "evaluate_case",
    "evaluate_case_minilm",
    "evaluate_case_words",
    "f1_scores",
    "read_case",
]

TASK = "events-case"


def read_case(gold: Path) -> list[tuple[str, str]]:
    """(snippet, label) pairs from a CASE 2021 task 2 TSV."""
    if not gold.is_file():
        raise EventwireError(Code.GOLD_MISSING, detail=str(gold))
    with gold.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["EventSnippet"], row["SubType"].strip()) for row in rows]


def f1_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, tuple[float, int]]:
    """Per gold label: (F1, support)."""
    pairs = Counter(zip(gold, predicted, strict=True))
    gold_n, pred_n = Counter(gold), Counter(predicted)
    scores: dict[str, tuple[float, int]] = {}
    for label in sorted(gold_n):
        hit = pairs[(label, label)]
        denominator = gold_n[label] + pred_n[label]
        scores[label] = (2 * hit / denominator if denominator else 0.0, gold_n[label])
    return scores


def averages(scores: dict[str, tuple[float, int]]) -> tuple[float, float]:
    total = sum(n for _, n in scores.values())
    weighted = sum(f1 * n for f1, n in scores.values()) / total if total else 0.0
    macro = sum(f1 for f1, _ in scores.values()) / len(scores) if scores else 0.0
    return weighted, macro


def _confusions(gold: Sequence[str], predicted: Sequence[str], top: int) -> list[str]:
    pairs = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    return [f"  {g} -> {p}: {n}" for (g, p), n in pairs.most_common(top)]


def _summary(
    scores: dict[str, tuple[float, int]], gold: Sequence[str], predicted: Sequence[str]
) -> tuple[str, ...]:
    lines = ["label F1 (support):"]
    lines += [f"  {label:<30} {f1:.3f} ({n})" for label, (f1, n) in scores.items()]
    lines.append("most frequent confusions (gold -> predicted: count):")
    lines += _confusions(gold, predicted, top=20)
    return tuple(lines)


def evaluate_case(gold: Path, typer: EventTyper | None = None) -> EvalResult:
    """F1 of `typer` (by default the pipeline's) on a CASE 2021 file."""
    items = read_case(gold)
    typer = typer or (EventTyper.gated() if encoder_available() else EventTyper())
    typed = typer.classify([text for text, _ in items])
    labels = [label for _, label in items]
    predicted = [event.type_label for event in typed]
    scores = f1_scores(labels, predicted)
    weighted, macro = averages(scores)
    metrics: dict[str, float | int | str] = {
        "n": len(items),
        "weighted_f1": round(weighted, 4),
        "macro_f1": round(macro, 4),
        "accuracy": round(
            sum(g == p for g, p in zip(labels, predicted, strict=True)) / len(items), 4
        )
        if items
        else 0.0,
        "gated_not_event": sum(not event.is_event for event in typed),
        "embedded": sum(event.embedded for event in typed),
        "model": typer.model_name,
    }
    return EvalResult(task=TASK, metrics=metrics, summary=_summary(scores, labels, predicted))


def evaluate_case_minilm(gold: Path) -> EvalResult:
    """`evaluate_case` with every event candidate embedded (`run --typer embedding`)."""
    return evaluate_case(gold, EventTyper(embedding=True))


def evaluate_case_words(gold: Path) -> EvalResult:
    """`evaluate_case` with the words-only typer (`run --typer words`)."""
    return evaluate_case(gold, EventTyper())
