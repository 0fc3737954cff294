"""The shipped event resources agree with each other and with the training inputs."""

from __future__ import annotations

import pytest

from eventwire.errors import Code, EventwireError
from eventwire.stages.events import NOT_EVENT, load_event_resources
from eventwire.stages.events.resources import (
    LEXICON_FILE,
    SNIPPETS_FILE,
    TRAINING_FILE,
    TRAINING_FILES,
    read_resource,
    resource_digest,
)

ACLED_SUB_EVENT_TYPES = 25


def test_vocabulary_has_thirty_labels_and_twenty_five_acled_types() -> None:
    kinds = load_event_resources().kinds
    assert len(kinds) == 30
    assert sum(kind.acled for kind in kinds.values()) == ACLED_SUB_EVENT_TYPES
    assert {kind.event_type for kind in kinds.values() if kind.acled} == {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    }


def test_model_labels_match_vocabulary() -> None:
    found = load_event_resources()
    assert set(found.model.labels) == set(found.kinds) | {NOT_EVENT}
    assert len(found.model.bias) == len(found.model.labels)
    assert found.model.matrix.shape == (len(found.model.rows), len(found.model.labels))


def test_model_was_trained_on_the_shipped_sentences_and_lexicon() -> None:
    trained_on = load_event_resources().model.trained_on
    for name in TRAINING_FILES:
        assert trained_on[name] == resource_digest(name), "retrain the model"
    assert trained_on[LEXICON_FILE] == resource_digest(LEXICON_FILE), "retrain the model"


def test_training_sentences_use_known_labels() -> None:
    kinds = load_event_resources().kinds
    rows = [line.split("\t", 1) for line in read_resource(TRAINING_FILE).splitlines()]
    labels = {row[0] for row in rows if len(row) == 2 and not row[0].startswith("#")}
    assert labels - {"CONTEXT"} == set(kinds)


def test_training_snippets_have_a_set_a_known_label_and_a_text() -> None:
    kinds = load_event_resources().kinds
    lines = read_resource(SNIPPETS_FILE).splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert all(len(row) == 3 and row[2].strip() for row in rows)
    assert {row[1] for row in rows} == set(kinds) | {NOT_EVENT}
    assert len({row[0] for row in rows}) >= 6, "one set per writer"
    assert len({row[2] for row in rows}) == len(rows), "no snippet twice"


def test_missing_resource_raises_coded_error() -> None:
    with pytest.raises(EventwireError) as caught:
        read_resource("no-such-file.v0.tsv")
    assert caught.value.code is Code.RESOURCE_MISSING
    assert str(caught.value).startswith("E901 ")


def test_embedding_model_matches_vocabulary_and_embedding_width() -> None:
    found = load_event_resources(embedding=True)
    assert found.fallback is not None
    assert found.model.labels == found.fallback.labels
    assert set(found.model.labels) == set(found.kinds) | {NOT_EVENT}
    assert found.model.dense is not None
    assert found.model.dense.shape == (384, len(found.model.labels))
    assert found.fallback.dense is None


def test_embedding_model_was_trained_on_the_shipped_sentences_and_lexicon() -> None:
    trained_on = load_event_resources(embedding=True).model.trained_on
    for name in TRAINING_FILES:
        assert trained_on[name] == resource_digest(name), "retrain the model"
    assert trained_on[LEXICON_FILE] == resource_digest(LEXICON_FILE), "retrain the model"
    assert trained_on["embedding"].startswith("all-MiniLM-L6-v2")


@pytest.mark.parametrize(
    "text",
    [
        "A Suicide Bomber blew himself up near the CHECKPOINT; two grenades were thrown.",
        "Protesters were dispersed with tear gas and rubber bullets, police said on Monday.",
        "Troops shelled the village; a car-bomb exploded and a self-detonating vest killed 3.",
        "Officials said they will not be discussing the ceasefire until next week.",
        "Nothing of note happened.",
        "",
    ],
)
def test_pattern_tables_match_as_a_scan_of_every_pattern(text: str) -> None:
    """Skipping a pattern whose required literals the text lacks changes no match."""
    found = load_event_resources()
    low = text.lower()
    for table in (found.lexicon, found.cues):
        every = [name for name, pattern in table.patterns if pattern.search(low)]
        spans = sorted(
            (m.start(), m.end(), name)
            for name, pattern in table.patterns
            for m in pattern.finditer(low)
        )
        assert table.matches(text) == every
        assert table.spans(text) == spans
