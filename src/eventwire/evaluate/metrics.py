"""Small, generic metric helpers shared by evaluation tasks.

Counts may be floats (some benchmarks normalise per-item counts before averaging).
Every ratio with a zero denominator is 0.0, never an error, unless stated otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = [
    "PRF",
    "SpanCounts",
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


S = TypeVar("S", bound=Hashable)


@dataclass
class SpanCounts(Generic[S]):
    """Span matching counts, exact and overlap, for precision/recall/F1 of span finders.

    `overlaps(span, others)` says whether a span overlaps any of `others`: an overlap match
    is any shared character with a span of the same kind.
    """

    overlaps: Callable[[S, set[S]], bool]
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    precise: int = 0
    recalled: int = 0

    def add(self, gold: set[S], predicted: set[S]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.exact += len(gold & predicted)
        self.precise += sum(self.overlaps(span, gold) for span in predicted)
        self.recalled += sum(self.overlaps(span, predicted) for span in gold)

    def metrics(self, prefix: str) -> dict[str, float | int | str]:
        exact_p, exact_r = safe_ratio(self.exact, self.predicted), safe_ratio(self.exact, self.gold)
        loose_p = safe_ratio(self.precise, self.predicted)
        loose_r = safe_ratio(self.recalled, self.gold)
        return {
            f"{prefix}_gold": self.gold,
            f"{prefix}_predicted": self.predicted,
            f"{prefix}_exact_p": round(exact_p, 4),
            f"{prefix}_exact_r": round(exact_r, 4),
            f"{prefix}_exact_f1": round(f1_score(exact_p, exact_r), 4),
            f"{prefix}_overlap_p": round(loose_p, 4),
            f"{prefix}_overlap_r": round(loose_r, 4),
            f"{prefix}_overlap_f1": round(f1_score(loose_p, loose_r), 4),
        }
