"""Both finders on arbitrary text: never raise, spans always point into the text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.attribution import Attribution, attribute

WORDS = st.sampled_from(
    [
        "the", "army", "said", "he", "added", "that", "“", "”", '"', ",", ".", ":", "―",
        "according", "to", "ministry", "source", "noted", "rebels", "killed", "12", "\n",
        "told", "it", "statement", "reports", "who", "Colonel", "Nasser", "claimed",
    ]
)  # fmt: skip
TEXTS = st.lists(WORDS, max_size=40).map(" ".join)


def _check(text: str, found: list[Attribution]) -> None:
    for attribution in found:
        for span in (attribution.source, attribution.cue, attribution.content):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text


@given(TEXTS)
def test_attribute_plain_never_raises(text: str) -> None:
    _check(text, attribute(text))


@settings(max_examples=40, deadline=None)
@given(TEXTS)
def test_attribute_parsed_never_raises(parse: Callable[[str], Any], text: str) -> None:
    _check(text, attribute(text, doc=parse(text)))
