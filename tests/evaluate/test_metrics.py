"""Generic metric helpers, checked against hand-computed values."""

from __future__ import annotations

import pytest

from eventwire.evaluate.metrics import (
    PRF,
    accuracy,
    f1_score,
    label_scores,
    macro_f1,
    prf,
    safe_ratio,
    weighted_f1,
)

GOLD = ["attack", "attack", "attack", "protest"]
PREDICTED = ["attack", "attack", "protest", "protest"]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((2, 1, 1), PRF(2 / 3, 2 / 3, 2 / 3)),
        ((3, 0, 1), PRF(1.0, 0.75, 6 / 7)),
        ((0, 0, 0), PRF(0.0, 0.0, 0.0)),
        ((0.5, 0.25, 0.25), PRF(2 / 3, 2 / 3, 2 / 3)),
    ],
)
def test_prf_from_counts(counts: tuple[float, float, float], expected: PRF) -> None:
    assert prf(*counts) == pytest.approx(expected)


def test_f1_score_harmonic_mean() -> None:
    assert f1_score(0.5, 1.0) == pytest.approx(2 / 3)
    assert f1_score(0.0, 0.0) == 0.0


def test_safe_ratio_zero_denominator() -> None:
    assert safe_ratio(3, 0) == 0.0
    assert safe_ratio(1, 4) == 0.25


def test_accuracy_share_of_equal_labels() -> None:
    assert accuracy(GOLD, PREDICTED) == pytest.approx(0.75)
    assert accuracy([], []) == 0.0


def test_label_scores_per_label() -> None:
    scores = label_scores(GOLD, PREDICTED)
    assert scores["attack"] == pytest.approx(PRF(1.0, 2 / 3, 0.8))
    assert scores["protest"] == pytest.approx(PRF(0.5, 1.0, 2 / 3))


def test_macro_and_weighted_f1() -> None:
    assert macro_f1(GOLD, PREDICTED) == pytest.approx(11 / 15)
    assert weighted_f1(GOLD, PREDICTED) == pytest.approx(23 / 30)


def test_label_only_predicted_counts_in_macro_not_weighted() -> None:
    gold, predicted = ["attack", "attack"], ["attack", "riot"]
    assert macro_f1(gold, predicted) == pytest.approx(1 / 3)
    assert weighted_f1(gold, predicted) == pytest.approx(2 / 3)


def test_mismatched_lengths_raise() -> None:
    with pytest.raises(ValueError, match="2 labels"):
        accuracy(["a", "b"], ["a"])
