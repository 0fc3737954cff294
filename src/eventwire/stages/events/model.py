"""Score features with the shipped linear model."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from eventwire.stages.events.resources import LinearWeights

__all__ = ["NOT_EVENT", "best_type", "feature_value", "is_commentary", "probabilities", "rank"]

Dense = npt.NDArray[np.float32]
# the typer's label for texts that report no event; also the model's class for comment,
# context and analysis, trained on the team's sentences of that kind
NOT_EVENT = "NOT_EVENT"


def feature_value(model: LinearWeights, features: Sequence[str]) -> float:
    """The value of each present feature: 1, or 1/sqrt(n) when the model is length-normed."""
    if model.norm == "sqrt" and features:
        return 1.0 / math.sqrt(len(features))
    return 1.0


def _scores(model: LinearWeights, features: Sequence[str], dense: Dense | None) -> list[float]:
    totals = [0.0] * len(model.labels)
    for feature in features:
        row = model.weights.get(feature)
        if row is None:
            continue
        for index, weight in enumerate(row):
            totals[index] += weight
    value = feature_value(model, features)
    scores = [bias + value * total for bias, total in zip(model.bias, totals, strict=True)]
    if model.dense is not None and dense is not None:
        extra = dense.astype(np.float64) @ model.dense
        scores = [score + float(add) for score, add in zip(scores, extra, strict=True)]
    return scores


def probabilities(
    model: LinearWeights, features: Sequence[str], dense: Dense | None = None
) -> list[float]:
    """Softmax over the labels' scores, in `model.labels` order."""
    scores = _scores(model, features, dense)
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]


def rank(
    model: LinearWeights, features: Sequence[str], dense: Dense | None = None
) -> list[tuple[str, float]]:
    """Labels with their probability, best first (ties broken by label order)."""
    probs = probabilities(model, features, dense)
    order = sorted(range(len(probs)), key=lambda index: (-probs[index], index))
    return [(model.labels[index], probs[index]) for index in order]


def best_type(
    model: LinearWeights, features: Sequence[str], dense: Dense | None = None
) -> tuple[str, float, float]:
    """The best event type and its probability, and the probability of the model's
    NOT_EVENT class (0 for a model without one). The event type is never NOT_EVENT."""
    ranked = rank(model, features, dense)
    label, score = next((label, p) for label, p in ranked if label != NOT_EVENT)
    return label, score, dict(ranked).get(NOT_EVENT, 0.0)


def is_commentary(score: float, commentary: float) -> bool:
    """Whether the model reads a text as comment or context: its NOT_EVENT class (of
    probability `commentary`) outscores the best event type (of probability `score`)."""
    return commentary > score
