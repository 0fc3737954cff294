"""`Grammar` gives every token what spaCy's attribute ruler and lemmatizer would."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from eventwire.resources.grammar import GRAMMAR_PIPE, REPLACED, add_grammar, readable
from eventwire.resources.models import SPACY_MODEL, load_spacy

TEXTS = [
    "Government troops retook the town of Tal Sousin early Wednesday, the army said.",
    "There is no water, and there were no doctors; aid workers said they're gonna leave.",
    "\"We ain't leaving,\" a resident told the channel. Let's see, y'all said that before.",
    "The militia got what it wanted and gets paid: two fighters were killed, 14 wounded.",
    "Some say a ceasefire will be resumed on June 25th; others said the talks had failed.",
    "She c'mon-ed them in.  Gotta go.\n\nThe ministry's statement, issued in Damascus, "
    "accused the rebels of shelling a school — a claim they denied.",
    "That was that. Which one? Those who fled have not returned, according to the UN.",
]


def values(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, str(t.head.i)) for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    return spacy.load(SPACY_MODEL), load_spacy()


def test_the_pipeline_runs_grammar_in_place_of_the_two_components(
    pipelines: tuple[Any, Any],
) -> None:
    full, fast = pipelines
    assert all(name in full.pipe_names for name in REPLACED)
    assert not any(name in fast.pipe_names for name in REPLACED)
    assert fast.pipe_names[-1] == GRAMMAR_PIPE


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_gets_the_models_values(pipelines: tuple[Any, Any], text: str) -> None:
    full, fast = pipelines
    assert values(fast(text)) == values(full(text))


def test_values_are_the_same_when_the_caches_are_warm(pipelines: tuple[Any, Any]) -> None:
    full, fast = pipelines
    expected = [values(doc) for doc in full.pipe(TEXTS * 2)]
    assert [values(doc) for doc in fast.pipe(TEXTS * 2)] == expected


def test_adding_twice_changes_nothing(pipelines: tuple[Any, Any]) -> None:
    _full, fast = pipelines
    names = list(fast.pipe_names)
    assert add_grammar(fast).pipe_names == names


def test_rules_with_conditions_it_cannot_read_are_left_to_spacy() -> None:
    known = {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["war"]}}]], "attrs": {"POS": "NOUN"}}
    assert readable([known])
    assert not readable([{"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "X"}}])
    assert not readable([{"patterns": [[{"LOWER": {"FUZZY": "war"}}]], "attrs": {"POS": "X"}}])


def test_values_are_the_same_after_the_caches_start_again(
    pipelines: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    full, fast = pipelines
    monkeypatch.setattr("eventwire.resources.grammar.MAX_CACHED", 5)
    expected = [values(doc) for doc in full.pipe(TEXTS)]
    assert [values(doc) for doc in fast.pipe(TEXTS)] == expected
    grammar = fast.get_pipe(GRAMMAR_PIPE)
    assert len(grammar._seen) + len(grammar._lemmas) < 5 + 2 * len(fast(TEXTS[-1]))
