"""The quantity parser: bands for exact, modified, vague and unquantified figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.stages.figures.quantity import parse_quantity


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("6", 6, 6),
        ("six", 6, 6),
        ("twenty-one", 21, 21),
        ("a dozen", 12, 12),
        ("two hundred", 200, 200),
        ("two hundred and fifty", 250, 250),
        ("1,500", 1500, 1500),
        ("1.5 million", 1_500_000, 1_500_000),
        ("nearly 930", 883, 930),
        ("about 20", 18, 22),
        ("more than 300", 301, None),
        ("at least 12", 12, None),
        ("up to 40", None, 40),
        ("fewer than 10", None, 9),
        ("between 10 and 15", 10, 15),
        ("10-15", 10, 15),
        ("fifteen to ten", 10, 15),
        ("hundreds", 200, 999),
        ("dozens of", 24, 99),
        ("scores", 40, 99),
        ("tens of thousands", 20_000, 99_999),
    ],
)
def test_parse_quantity_bands(text: str, low: int | None, high: int | None) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert (quantity.low, quantity.high) == (low, high)
    assert quantity.text == text


def test_parse_quantity_unquantified_keeps_text() -> None:
    quantity = parse_quantity("a large number")
    assert quantity is not None
    assert (quantity.low, quantity.high, quantity.text) == (None, None, "a large number")
    assert not quantity.quantified


def test_parse_quantity_best_is_the_written_number() -> None:
    nearly = parse_quantity("nearly 930")
    assert nearly is not None and nearly.best == 930
    vague = parse_quantity("hundreds")
    assert vague is not None and vague.best is None


@pytest.mark.parametrize(
    "text", ["in 2013", "since 2011", "$5 million", "5 million dollars", "2.5", "", "soldiers"]
)
def test_parse_quantity_rejects_non_counts(text: str) -> None:
    assert parse_quantity(text) is None


_MODIFIERS = st.sampled_from(
    ["", "nearly ", "about ", "more than ", "at least ", "up to ", "fewer than ", "some "]
)


@given(_MODIFIERS, st.integers(min_value=0, max_value=10_000_000), st.booleans())
def test_parse_quantity_band_is_ordered_and_non_negative(
    modifier: str, number: int, separators: bool
) -> None:
    written = f"{number:,}" if separators else str(number)
    quantity = parse_quantity(modifier + written)
    assert quantity is not None
    assert quantity.low is None or quantity.low >= 0
    assert quantity.high is None or quantity.high >= 0
    if quantity.low is not None and quantity.high is not None:
        assert quantity.low <= quantity.high


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=99))
def test_parse_quantity_range_is_ordered(first: int, second: int) -> None:
    quantity = parse_quantity(f"between {first} and {second}")
    assert quantity is not None
    assert quantity.low == min(first, second)
    assert quantity.high == max(first, second)


@given(st.sampled_from(["in", "since", "by", "until"]), st.integers(min_value=1900, max_value=2099))
def test_parse_quantity_year_is_not_a_count(word: str, year: int) -> None:
    assert parse_quantity(f"{word} {year}") is None


@given(st.sampled_from(["$", "€", "£", "US$"]), st.integers(min_value=1, max_value=10**9))
def test_parse_quantity_money_is_not_a_count(symbol: str, amount: int) -> None:
    assert parse_quantity(f"{symbol}{amount:,}") is None
    assert parse_quantity(f"{amount} dollars") is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("half a dozen", 6, 6),
        ("a quarter of a million", 250_000, 250_000),
        ("nearly half a million", 475_000, 500_000),
        ("three quarters of a million", 750_000, 750_000),
        ("three-quarters of a million", 750_000, 750_000),
        ("a half dozen", 6, 6),
        ("quarter of a million", 250_000, 250_000),
    ],
)
def test_parse_quantity_fractions_of_a_dozen_or_a_scale(text: str, low: int, high: int) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None and (quantity.low, quantity.high) == (low, high)


@pytest.mark.parametrize("text", ["half a one", "a quarter of a two", "half a twelve"])
def test_parse_quantity_a_fraction_needs_a_dozen_or_a_scale(text: str) -> None:
    assert parse_quantity(text) is None
