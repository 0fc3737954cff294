"""Claimant types from the lexicon, and the reporter's voice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.stages.attribution import CLAIMANT_TYPES, ClaimantTyper, TextSpan, claimant_at
from eventwire.stages.attribution.lexicon import load_lexicon
from eventwire.stages.attribution.model import Attribution


@pytest.mark.parametrize(
    ("claimant", "expected"),
    [
        ("the UN envoy", ("international organisation", None)),
        ("opposition activists", ("armed group", None)),
        ("Syrian state television", ("media", None)),
        ("a military source", ("anonymous", "military")),
        ("an official who preferred to remain anonymous", ("anonymous", None)),
        ("the Foreign Ministry spokesman", ("government", None)),
        ("the army's general command", ("military", None)),
        ("the White House press secretary", ("government", None)),
        ("Karim", (None, None)),
    ],
)
def test_claimant_typer_classifies(claimant: str, expected: tuple[str | None, str | None]) -> None:
    assert ClaimantTyper(load_lexicon()).classify(claimant) == expected


def test_lexicon_types_are_known() -> None:
    lexicon = load_lexicon()
    assert set(lexicon.claimant_types) <= set(CLAIMANT_TYPES)
    assert lexicon.version == "attribution.v1"


def _said(start: int, end: int, who: str) -> Attribution:
    return Attribution(
        source=TextSpan(0, len(who), who),
        cue=TextSpan(len(who), len(who) + 5, " said"),
        content=TextSpan(start, end, "x" * (end - start)),
        claimant_type=None,
    )


def test_claimant_at_prefers_the_innermost_content() -> None:
    outer, inner = _said(10, 100, "the minister"), _said(40, 60, "the army")
    assert claimant_at([outer, inner], 45, 50) is inner


def test_claimant_at_falls_back_to_the_largest_overlap() -> None:
    found = _said(10, 20, "the minister")
    assert claimant_at([found], 15, 30) is found


def test_claimant_at_reporter_carries_the_outlet() -> None:
    reporter = claimant_at([], 0, 5, outlet="Example News")
    assert reporter.claimant == "reporter"
    assert reporter.chain == ("Example News",)


def test_claimant_at_defers_an_untyped_stance_to_the_enclosing_speaker() -> None:
    minister = replace(_said(10, 100, "the minister"), claimant_type="government")
    stance = _said(40, 60, "the new figures")
    assert claimant_at([minister, stance], 45, 50) is minister
