"""Score features with the shipped linear model."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from eventwire.stages.events.resources import LinearWeights

__all__ = [
    "NOT_EVENT",
    "Reading",
    "best_type",
    "best_types",
    "feature_value",
    "is_commentary",
    "probabilities",
    "readings",
]

Dense = npt.NDArray[np.float32]
# the typer's label for texts that report no event; also the model's class for comment,
# context and analysis, trained on the team's sentences of that kind
NOT_EVENT = "NOT_EVENT"
# (best event type, its probability, the probability of NOT_EVENT)
Reading = tuple[str, float, float]


def feature_value(model: LinearWeights, features: Sequence[str]) -> float:
    """The value of each present feature: 1, or 1/sqrt(n) when the model is length-normed."""
    if model.norm == "sqrt" and features:
        return 1.0 / math.sqrt(len(features))
    return 1.0


def best_type(model: LinearWeights, features: Sequence[str], dense: Dense | None = None) -> Reading:
    """The best event type and its probability, and the probability of the model's
    NOT_EVENT class (0 for a model without one). The event type is never NOT_EVENT."""
    vectors = None if dense is None else dense[None, :]
    return best_types(model, [features], vectors)[0]


def probabilities(
    model: LinearWeights,
    features: Sequence[Sequence[str]],
    dense: npt.NDArray[np.float32] | None = None,
) -> npt.NDArray[np.float64]:
    """The model's probabilities over its labels (NOT_EVENT included), one row per text
    (`dense`: one embedding row per text, or None), scored as one matrix."""
    rows = [[model.rows[f] for f in row if f in model.rows] for row in features]
    totals = np.zeros((len(features), len(model.labels)))
    counts = np.array([len(found) for found in rows])
    if counts.sum():
        flat = model.matrix[[index for found in rows for index in found]]
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        filled = counts > 0
        totals[filled] = np.add.reduceat(flat, starts[filled], axis=0)
    values = np.array([feature_value(model, row) for row in features])
    scores = np.asarray(model.bias) + values[:, None] * totals
    if model.dense is not None and dense is not None:
        scores = scores + dense.astype(np.float64) @ model.dense
    probs: npt.NDArray[np.float64] = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    return probs


def best_types(
    model: LinearWeights,
    features: Sequence[Sequence[str]],
    dense: npt.NDArray[np.float32] | None = None,
) -> list[Reading]:
    """`best_type` of many texts at once (`dense`: one embedding row per text, or None):
    the same readings, ties going to the earlier label."""
    return readings(model.labels, probabilities(model, features, dense))


def readings(labels: Sequence[str], probs: npt.NDArray[np.float64]) -> list[Reading]:
    """The best event type of each row of `probs` (over `labels`), its probability, and
    NOT_EVENT's (0 when `labels` has no NOT_EVENT)."""
    none = list(labels).index(NOT_EVENT) if NOT_EVENT in labels else None
    types = probs.copy()
    if none is not None:
        types[:, none] = -1.0
    best = types.argmax(axis=1)
    return [
        (
            labels[int(b)],
            float(probs[i, b]),
            0.0 if none is None else float(probs[i, none]),
        )
        for i, b in enumerate(best)
    ]


def is_commentary(score: float, commentary: float) -> bool:
    """Whether the model reads a text as comment or context: its NOT_EVENT class (of
    probability `commentary`) outscores the best event type (of probability `score`)."""
    return commentary > score
