"""Attribution from surface patterns only (no parse)."""

from __future__ import annotations

import pytest

from eventwire.stages.attribution import PLAIN_STAGE, attribute, claimant_at
from eventwire.stages.attribution.plain import split_sentences


@pytest.mark.parametrize(
    ("text", "phrase", "claimant"),
    [
        (
            "Nine fighters were captured near the dam, the governor said.",
            "Nine fighters",
            "the governor",
        ),
        ("“The bridge is ours,” said Major Ali Hamdan.", "The bridge", "Major Ali Hamdan"),
        ("The ministry said that 14 soldiers were injured.", "14 soldiers", "The ministry"),
        ("According to local medics, 30 people were hurt.", "30 people", "local medics"),
    ],
)
def test_attribute_plain_forms(text: str, phrase: str, claimant: str) -> None:
    attributions = attribute(text)
    start = text.index(phrase)
    found = claimant_at(attributions, start, start + len(phrase))
    assert found.claimant == claimant
    assert found.stage == PLAIN_STAGE


def test_attribute_plain_adding_inherits_the_speaker() -> None:
    text = "The general said the town was taken, adding that 50 gunmen surrendered."
    start = text.index("50 gunmen")
    found = claimant_at(attribute(text), start, start + 9)
    assert found.claimant == "The general"


def test_split_sentences_offsets_cover_the_text() -> None:
    text = "The army advanced. “We will hold,” he said. Rebels withdrew."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "The army advanced.",
        "“We will hold,” he said.",
        "Rebels withdrew.",
    ]
