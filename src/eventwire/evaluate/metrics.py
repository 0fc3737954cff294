"""Small, generic metric helpers shared by evaluation tasks.

Counts may be floats (some benchmarks normalise per-item counts before averaging).
Every ratio with a zero denominator is 0.0, never an error, unless stated otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

__all__ = [
    "PRF",
    "accuracy",
    "f1_score",
    "label_scores",
    "macro_f1",
    "prf",
    "safe_ratio",
    "weighted_f1",
]


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def safe_ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, or 0.0 when the denominator is 0."""
    return numerator / denominator if denominator else 0.0


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    return safe_ratio(2 * precision * recall, precision + recall)


def prf(tp: float, fp: float, fn: float) -> PRF:
    """Precision, recall and F1 from true positive, false positive and false negative counts."""
    precision = safe_ratio(tp, tp + fp)
    recall = safe_ratio(tp, tp + fn)
    return PRF(precision, recall, f1_score(precision, recall))


def accuracy(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Share of positions where the predicted label equals the gold label."""
    _check_lengths(gold, predicted)
    return safe_ratio(sum(g == p for g, p in zip(gold, predicted, strict=True)), len(gold))


def label_scores(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[Hashable, PRF]:
    """Per-label precision/recall/F1 over the labels seen in gold or predictions."""
    _check_lengths(gold, predicted)
    tp: Counter[Hashable] = Counter()
    fp: Counter[Hashable] = Counter()
    fn: Counter[Hashable] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    labels = dict.fromkeys([*gold, *predicted])
    return {label: prf(tp[label], fp[label], fn[label]) for label in labels}


def macro_f1(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Unweighted mean of per-label F1 over labels seen in gold or predictions."""
    scores = label_scores(gold, predicted)
    return safe_ratio(sum(score.f1 for score in scores.values()), len(scores))


def weighted_f1(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Mean of per-label F1 weighted by gold support (as scikit-learn's 'weighted')."""
    scores = label_scores(gold, predicted)
    support = Counter(gold)
    total = sum(scores[label].f1 * count for label, count in support.items())
    return safe_ratio(total, len(gold))


def _check_lengths(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} labels but predictions have {len(predicted)}")
