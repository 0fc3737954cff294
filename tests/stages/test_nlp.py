"""The NLP stage cuts a batch by count and by length, and keeps every article in order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.stages.nlp import text_batches

texts = st.lists(st.text(alphabet="ab ", max_size=60), max_size=40)


@given(texts, st.integers(1, 8), st.integers(1, 120))
def test_batches_keep_every_text_in_order(found: list[str], size: int, cap: int) -> None:
    groups = list(text_batches(found, size, cap))
    assert [text for group in groups for text in group] == found
    assert all(group for group in groups)


@given(texts, st.integers(1, 8), st.integers(1, 120))
def test_batches_respect_count_and_length(found: list[str], size: int, cap: int) -> None:
    for group in text_batches(found, size, cap):
        assert len(group) <= size
        assert len(group) == 1 or sum(map(len, group)) <= cap


def test_a_long_article_gets_a_batch_of_its_own() -> None:
    long = "word " * 30
    groups = list(text_batches(["short", long, "short"], size=16, max_chars=50))
    assert groups == [["short"], [long], ["short"]]
