"""The prefix-tree alternation matches what the flat, longest-first alternation matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.stages.prefix_tree import prefix_tree


def _flat(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(map(re.escape, ordered))


@pytest.mark.parametrize("text", ["bombard", "bombs", "bomb", "bo", "car bomb", "c.a.r", ""])
def test_prefix_tree_prefers_the_longest_phrase(text: str) -> None:
    phrases = ["bomb", "bombard", "bombs", "car", "car bomb", "c.a.r"]
    tree = re.match(f"(?:{prefix_tree(phrases)})", text)
    flat = re.match(f"(?:{_flat(phrases)})", text)
    assert (tree and tree[0]) == (flat and flat[0])


@given(
    st.lists(st.sampled_from(["a", "b", "ab", "ba", "a b", "abb", "a.", "?"]), max_size=6),
    st.text(alphabet="ab .?", max_size=12),
)
def test_prefix_tree_matches_as_the_flat_list(phrases: list[str], text: str) -> None:
    tree = [m.span() for m in re.finditer(f"(?:{prefix_tree(phrases)})", text)]
    flat = [m.span() for m in re.finditer(f"(?:{_flat(phrases)})", text)]
    assert tree == flat


def test_prefix_tree_atom_sets_a_character_s_regex() -> None:
    tree = prefix_tree(["red hand", "red"], lambda c: r"[\s-]+" if c == " " else re.escape(c))
    assert [m[0] for m in re.finditer(tree, "red-hand, red  hand, red")] == [
        "red-hand",
        "red  hand",
        "red",
    ]
