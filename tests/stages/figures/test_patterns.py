"""The figure patterns: the prefix-tree alternation and the cue windows keep matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.stages.figures.extract import lowered
from eventwire.stages.figures.lexicon import alternation
from eventwire.stages.figures.patterns import REACH, matches, patterns

_REPORT = (
    "Army sources said nearly 640 gunmen died in the valley. Two men and a woman were "
    "killed near the dam, and the deaths of five shepherds were confirmed.\n\n"
    + "The market was quiet on Monday and the roads were open again. " * 12
    + "Later, 3 soldiers were wounded and 12 deaths were recorded at the clinic."
)


def _flat(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@pytest.mark.parametrize(
    "text",
    ["killed or wounded", "killed", "kill", "shot  dead", "shot at", "killings of"],
)
def test_alternation_prefers_the_longest_phrase(text: str) -> None:
    phrases = ["kill", "killed", "killed or wounded", "killings of", "shot", "shot dead"]
    tree = re.match(rf"(?:{alternation(phrases)})", text)
    flat = re.match(rf"(?:{_flat(phrases)})", text)
    assert (tree and tree.group(0)) == (flat and flat.group(0))


@given(st.lists(st.sampled_from(["a", "b", "ab", "ba", "a b", "abb"]), min_size=1, max_size=5))
def test_alternation_matches_as_the_flat_list(phrases: list[str]) -> None:
    text = "ab ba a b abb b a"
    tree = [m.span() for m in re.finditer(alternation(phrases), text)]
    flat = [m.span() for m in re.finditer(_flat(phrases), text)]
    assert tree == flat


@pytest.mark.parametrize("family", ["passive", "noun", "coordinated", "singular_passive"])
def test_matches_in_cue_windows_equal_a_full_scan(family: str) -> None:
    pats = patterns()
    pattern = getattr(pats, family)
    cue = pats.noun_cue if family == "noun" else pats.verb_cue
    low = lowered(_REPORT)
    windowed = [m.span() for m in matches(pattern, low, low, cue)]
    assert windowed == [m.span() for m in pattern.finditer(low)]
    assert windowed


def test_matches_skip_text_far_from_any_cue() -> None:
    low = lowered("Two men were seen at the market. " + "The roads were quiet. " * 40)
    assert len(low) > 2 * REACH
    assert list(matches(patterns().passive, low, low, patterns().verb_cue)) == []


def test_matches_windows_follow_the_text_and_the_cue() -> None:
    """Windows are remembered per text and cue: each family, text and cue in turn still
    gets the matches of a full scan."""
    pats = patterns()
    texts = [lowered(_REPORT), lowered(_REPORT.replace("were killed", "died")), lowered(_REPORT)]
    for low in texts:
        for family, cue in [("passive", pats.verb_cue), ("noun", pats.noun_cue)] * 2:
            pattern = getattr(pats, family)
            found = [m.span() for m in matches(pattern, low, low, cue)]
            assert found == [m.span() for m in pattern.finditer(low)]


def test_lowered_keeps_offsets() -> None:
    text = "İzmir: Two Men Killed"
    assert len(lowered(text)) == len(text)
    assert lowered(text).endswith("two men killed")
