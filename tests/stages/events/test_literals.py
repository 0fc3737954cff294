"""Required literals: a pattern skipped for lack of one would never have matched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.events.literals import LiteralIndex, required_literals


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bsuicide (?:bomb|vest)s?\b", {"suicide "}),
        (r"(?:grenade|bomb)s?", {"grenade", "bomb"}),
        (r"shell(?:s|ed|ing)|mortars?", {"shell", "mortar"}),
        (r"self-detonat\w*|detonated (?:his|her) vest", {"self-detonat", "detonated h"}),
        (r"(?:hand[- ])?grenades?", {"grenade"}),  # an optional part asks for nothing
        (r"(?:ab)+c", {"ab"}),  # a repeat that must happen once asks for its body
        (r"(?>lob)bed", {"lob"}),  # as selective as "bed": the first is kept
        (r"x(?i:bomb)y", {"x"}),  # a case-insensitive part asks for nothing
        (r"\w+ \d+", {" "}),
        (r"\w+\d*", None),
        (r"bombs?|\w+", None),  # one branch without a literal: no need at all
        (r"(?i)bomb", None),
        ("", None),
    ],
)
def test_required_literals_known_patterns(pattern: str, needs: set[str] | None) -> None:
    found = required_literals(re.compile(pattern))
    assert found == (None if needs is None else frozenset(needs))


# Pieces of made-up patterns: literals, hyphens and apostrophes, en dashes, classes,
# optional and repeated groups, alternations, word boundaries, a case-insensitive group.
_PIECES = [
    "a", "b", "ab", "ba", "-", "'", "–", " ", r"\b", r"\w", r"\d", "[ab]", "[- ]", ".",
    "(?:a|b)", "(?:ab|ba|b)", "(?:a)?", "(?:ba)+", "b*", "a+?", "(?:x|ab)", "(?i:a)", "(?=b)",
]  # fmt: skip
_TEXT = st.text(alphabet="abAB -–'x1", max_size=16)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6), st.lists(_TEXT, max_size=6))
def test_required_literals_never_miss_a_match(pieces: list[str], texts: list[str]) -> None:
    pattern = re.compile("".join(pieces))
    needs = required_literals(pattern)
    for text in texts:
        if needs is not None and pattern.search(text):
            assert any(literal in text for literal in needs)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4), min_size=1, max_size=5),
    st.lists(_TEXT, max_size=6),
)
def test_literal_index_keeps_every_pattern_that_matches(
    sources: list[list[str]], texts: list[str]
) -> None:
    patterns = [re.compile("".join(pieces)) for pieces in sources]
    index = LiteralIndex(patterns)
    for text in texts:
        matching = [i for i, pattern in enumerate(patterns) if pattern.search(text)]
        possible = index.possible(text)
        assert possible == sorted(possible)
        assert set(matching) <= set(possible)


@pytest.mark.parametrize(
    ("text", "possible"),
    [
        ("a car bomb went off", [0, 1, 2]),  # "car bomb" found also stands for "car"
        ("the bombardment", [1, 3]),  # "bombard" found also stands for "bomb"
        ("bomb", [1]),  # at the end of the text
        ("BOMB", []),  # literals are case-sensitive: patterns see lowered text
        ("a protest", []),
    ],
)
def test_literal_index_finds_literals_inside_longer_ones(text: str, possible: list[int]) -> None:
    patterns = [re.compile(p) for p in (r"\bcar\b", r"bombs?", r"car bombs?", r"bombard\w*")]
    assert LiteralIndex(patterns).possible(text) == possible


def test_literal_index_runs_patterns_without_literals() -> None:
    index = LiteralIndex([re.compile(r"\d+"), re.compile("bomb"), re.compile(r"(?i)x")])
    assert index.possible("no figures here") == [0, 2]
    assert LiteralIndex([]).possible("text") == []


def test_a_very_long_literal_is_cut_and_still_selects_its_pattern() -> None:
    pattern = re.compile("x" * 1500)
    assert required_literals(pattern) == frozenset({"x" * 32})
    index = LiteralIndex([pattern, re.compile("y")])
    assert index.possible("x" * 1500) == [0]
    assert index.possible("x" * 31) == []
