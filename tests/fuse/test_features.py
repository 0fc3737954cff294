"""Features kept with a mention or article so that comparisons do not recompute them."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.fuse.features import (
    PAD_DAYS,
    TIGHT_PAD_DAYS,
    cosine,
    length,
    mention_view,
    minhash,
    padded,
    resemblance,
    tokens_of,
    window,
    words_of,
)

SENTENCES = (
    "Shells hit the market of Tel Harun on Tuesday killing four people, a monitor said.",
    "Shells hit the market of Tel Harun on Tuesday killing five people, a monitor said.",
    "Rebels stormed a checkpoint near the dam at night.",
    "",
)


@pytest.mark.parametrize("one", SENTENCES)
@pytest.mark.parametrize("two", SENTENCES)
def test_features_resemblance_is_the_minhash_jaccard(one: str, two: str) -> None:
    left, right = minhash(tokens_of(one)), minhash(tokens_of(two))
    assert resemblance(left, right) == left.jaccard(right)


@pytest.mark.parametrize("one", SENTENCES)
@pytest.mark.parametrize("two", SENTENCES)
def test_features_cosine_with_kept_lengths_is_the_same_float(one: str, two: str) -> None:
    left, right = words_of(tokens_of(one)), words_of(tokens_of(two))
    assert cosine(left, right, (length(left), length(right))) == cosine(left, right)
    weighed = {word: count * 0.37 for word, count in left.items()}
    assert cosine(weighed, right, (length(weighed), length(right))) == cosine(weighed, right)


@pytest.mark.parametrize("precision", [1, 2, 3, None])
@pytest.mark.parametrize("end", [None, "2013-06-20"])
def test_features_kept_windows_are_the_padded_dates(precision: int | None, end: str | None) -> None:
    row: dict[str, Any] = {"mention_id": "m", "article_id": "a", "start": 0, "end": 5,
                           "event_date": "2013-06-05", "date_end": end,
                           "time_precision": precision}  # fmt: skip
    found = mention_view(row)
    assert found.first is not None
    for pads in (PAD_DAYS, TIGHT_PAD_DAYS):
        assert window(found, pads) == padded(found.first, found.last, precision, pads)
    assert window(found, {1: 0, 2: 0, 3: 0}) == (found.first, found.last or found.first)


def test_features_undated_mention_has_no_window() -> None:
    found = mention_view({"mention_id": "m", "article_id": "a", "start": 0, "end": 5})
    assert window(found) is None and window(found, TIGHT_PAD_DAYS) is None
