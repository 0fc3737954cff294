"""Decoding checks: the dominant script of a text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.ingest.decode import dominant_script


def _script_letter_by_letter(text: str, sample: int = 20000) -> str:
    """The plain definition: name every letter, count per script, first-seen wins a tie."""
    counts: dict[str, int] = {}
    for char in text[:sample]:
        if char.isalpha():
            script = unicodedata.name(char, "UNKNOWN UNKNOWN").split(" ", 1)[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda key: counts[key]) if counts else "LATIN"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Two people were hurt in the market.", "LATIN"),
        ("12 - 3 = 9 !", "LATIN"),  # no letter
        ("", "LATIN"),
        ("Café “quoted” – naïve", "LATIN"),
        ("قتل شخصان في السوق", "ARABIC"),
        ("Ранены два человека in town", "CYRILLIC"),
        ("ab αβ", "LATIN"),  # a tie goes to the script seen first
        ("αβ ab", "GREEK"),
        ("ab αβγ", "GREEK"),
    ],
)
def test_dominant_script_examples(text: str, script: str) -> None:
    assert dominant_script(text) == script


def test_dominant_script_reads_only_the_sample() -> None:
    text = "ab" + "ж" * 10
    assert dominant_script(text, sample=4) == "LATIN"
    assert dominant_script(text) == "CYRILLIC"


@given(st.text(alphabet="aZ1 .’éßαωжЯقك中ㄱ\u0301", max_size=40), st.integers(0, 50))
def test_dominant_script_as_counted_letter_by_letter(text: str, sample: int) -> None:
    assert dominant_script(text, sample) == _script_letter_by_letter(text, sample)
