"""Loaded language: the actor labels' loaded terms and the general lexicon, found in text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import EventwireError
from eventwire.resources import read_csv
from eventwire.stages.loaded import (
    KINDS,
    LoadedLexicon,
    LoadedTerm,
    find_loaded,
    general_terms,
    label_terms,
)

ARTICLE = (
    "HOMS, June 5 - Foreign-backed terrorists committed a barbaric crime in the village, "
    "the ministry said, while the army's heroic units restored security. Rebels said the "
    "so-called liberation was a brutal onslaught by regime forces."
)


def _words(text: str) -> list[tuple[str, str, str]]:
    return [(text[start:end], term, kind) for start, end, term, kind in find_loaded(text)]


def test_find_loaded_finds_both_lexicons_with_kinds() -> None:
    found = _words(ARTICLE)
    assert ("Foreign-backed", "foreign backed", "loaded") in found
    assert ("terrorists", "terrorists", "name_calling") in found
    assert ("barbaric", "barbaric", "loaded") in found
    assert ("heroic", "heroic", "loaded") in found
    assert ("so-called", "so called", "loaded") in found
    assert ("regime forces", "regime forces", "name_calling") in found


def test_find_loaded_skips_descriptive_words() -> None:
    found = {written.lower() for written, _, _ in _words(ARTICLE)}
    assert "rebels" not in found
    assert "army" not in found
    assert _words("Government troops and rebels clashed near the river; two civilians died.") == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The ASSAD REGIME said", "ASSAD REGIME"),
        ("a cold-blooded attack", "cold-blooded"),
        ("a cold blooded attack", "cold blooded"),
        ("the butchers of Aleppo", "butchers"),
    ],
)
def test_find_loaded_matches_any_case_and_hyphenation(text: str, written: str) -> None:
    assert [w for w, _, _ in _words(text)] == [written]


@pytest.mark.parametrize("text", ["the evildoer", "anti-regime protests", "brutalist towers"])
def test_find_loaded_matches_whole_words_only(text: str) -> None:
    assert find_loaded(text) == []


def test_find_loaded_prefers_the_longest_phrase() -> None:
    text = "armed terrorist groups attacked"
    assert find_loaded(text) == [(0, 22, "armed terrorist groups", "name_calling")]


def test_lexicon_first_row_wins_a_shared_variant() -> None:
    lexicon = LoadedLexicon(
        [
            LoadedTerm("thugs", ("thugs", "thug"), "name_calling"),
            LoadedTerm("thuggish", ("thuggish", "thugs"), "loaded"),
        ]
    )
    assert lexicon.find("the thugs") == [(4, 9, "thugs", "name_calling")]
    assert [t.term for t in lexicon.terms()] == ["thugs", "thuggish"]


def test_label_terms_modifiers_are_loaded_and_descriptive_rows_are_a_control() -> None:
    rows = read_csv("labels.v1.csv")
    loaded = {t.term: t.kind for t in label_terms(rows)}
    descriptive = {t.term for t in label_terms(rows, loaded=False)}
    assert loaded["so called"] == "loaded"
    assert loaded["terrorists"] == "name_calling"
    assert "rebels" in descriptive and "rebels" not in loaded


def test_general_terms_reject_an_unknown_kind() -> None:
    with pytest.raises(EventwireError, match="E901"):
        general_terms([{"term": "vile", "kind": "spicy", "note": ""}])


def test_packaged_lexicon_has_only_known_kinds() -> None:
    terms = general_terms(read_csv("loaded_terms.v1.csv"))
    assert terms and all(t.kind in KINDS for t in terms)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_find_loaded_spans_are_ordered_and_inside_the_text(text: str) -> None:
    found = find_loaded(text)
    assert [start for start, *_ in found] == sorted(start for start, *_ in found)
    for start, end, _, kind in found:
        assert 0 <= start < end <= len(text) and kind in KINDS


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("terrorist groups", "terrorist groups"),
        ("terrorist-groups", "terrorist-groups"),
        ("terrorists", "terrorists"),
        ("a terrorist grouping", "terrorist"),
        ("the regime's forces", "regime's forces"),
    ],
)
def test_lexicon_trie_keeps_the_longest_whole_phrase(text: str, written: str) -> None:
    lexicon = LoadedLexicon(
        [
            LoadedTerm("terrorist", ("terrorist", "terrorists", "terrorist groups"), "loaded"),
            LoadedTerm("regime forces", ("regime forces",), "name_calling"),
        ]
    )
    assert [text[start:end] for start, end, _, _ in lexicon.find(text)] == [written]
