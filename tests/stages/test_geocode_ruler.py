from __future__ import annotations

from typing import Any

import pytest
import spacy

from eventwire.resources.gazetteer import Gazetteer
from eventwire.stages.geocode import add_place_ruler, place_names, place_patterns, written_forms
from eventwire.stages.geocode.ruler import FEEDER_NAME, plain_words
from tests.resources.gazetteer_helpers import build_small_gazetteer


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer(build_small_gazetteer(tmp_path_factory.mktemp("gaz")))


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Al Quşayr", ["Al Quşayr", "Al Qusayr", "Qusayr"]),
        ("Şanlıurfa", ["Şanlıurfa", "Sanliurfa"]),
        ("Aleppo", ["Aleppo"]),
        ("Alma", ["Alma"]),
    ],
)
def test_written_forms_fold_accents_and_drop_articles(name: str, forms: list[str]) -> None:
    assert written_forms(name) == forms


def test_place_patterns_skip_stop_words_short_and_lower_case_names() -> None:
    names = [
        ("Most", "GPE"),
        ("Ur", "GPE"),
        ("paris", "GPE"),
        ("al-Qseir", "GPE"),
        ("Homs", "GPE"),
        ("Homs", "GPE"),
    ]
    patterns = place_patterns(names, stop_words=frozenset({"most"}))
    assert patterns == [
        {"label": "GPE", "pattern": "al-Qseir"},
        {"label": "GPE", "pattern": "Homs"},
    ]


def test_place_names_core_covers_focus_towns_aliases_and_regions(gazetteer: Gazetteer) -> None:
    names = dict(place_names(gazetteer.ensure(), focus=("SY",)))
    assert names["Tall Hamra"] == "GPE"  # a small town, but in a focus country
    assert names["Qusseir"] == "GPE"  # a curated spelling
    assert names["Darfur"] == "LOC"
    assert "Geneva" not in names


def test_place_names_world_covers_large_towns_elsewhere(gazetteer: Gazetteer) -> None:
    names = dict(place_names(gazetteer.ensure(), world=True, min_population=100_000, focus=("SY",)))
    assert {"Geneva", "Kaliningrad", "Tripoli"} <= set(names)
    assert "Aleppo" not in names and "Qusseir" not in names


def test_add_place_ruler_labels_spellings_as_places(gazetteer: Gazetteer) -> None:
    nlp = spacy.blank("en")
    add_place_ruler(nlp, gazetteer, focus=("SY",))
    doc = nlp("Fighters left al-Qseir for Jobar and Khan al-Assal, then Tall Hamra and Geneva.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("al-Qseir", "GPE"),
        ("Jobar", "GPE"),
        ("Khan al-Assal", "GPE"),
        ("Tall Hamra", "GPE"),
        ("Geneva", "GPE"),
    ]


def test_add_place_ruler_puts_core_names_before_the_world(gazetteer: Gazetteer) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    core, world = add_place_ruler(nlp, gazetteer)
    assert nlp.pipe_names == [FEEDER_NAME, "sentencizer", "place_ruler", "place_ruler_world"]
    held = [
        ruler for entries in nlp.get_pipe(FEEDER_NAME).pending.values() for ruler, *_ in entries
    ]
    assert core in held and world in held


def test_a_plain_name_reaches_its_ruler_when_its_first_word_appears(
    gazetteer: Gazetteer,
) -> None:
    nlp = spacy.blank("en")
    core, _world = add_place_ruler(nlp, gazetteer, focus=("SY",))
    feeder = nlp.get_pipe(FEEDER_NAME)
    assert "Tall" in feeder.pending and "Tall Hamra" not in [p["pattern"] for p in core.patterns]
    assert [e.text for e in nlp("Tall Hamra was shelled.").ents] == ["Tall Hamra"]
    assert "Tall" not in feeder.pending
    assert "Tall Hamra" in [p["pattern"] for p in core.patterns]
    assert [e.text for e in nlp("Shelling near Tall Hamra.").ents] == ["Tall Hamra"]


@pytest.mark.parametrize(
    "name",
    [
        "Tal Sousin",
        "Ras al Ain",
        "Al-Qusayr",
        "St. Louis",
        "N'Djamena",
        "Cannot",
        "Dont Dam",
        "Quşayr",
        "Khan  Shaykhun",
        "Zone 3",
    ],
)
def test_plain_words_are_the_tokenizers_tokens(name: str) -> None:
    nlp = spacy.blank("en")
    words = plain_words(name, frozenset(nlp.tokenizer.rules))
    assert words is None or words == [token.text for token in nlp.make_doc(name)]
    if name in ("Tal Sousin", "Ras al Ain", "Quşayr"):
        assert words is not None


def test_fed_rulers_hold_what_rulers_filled_at_once_hold(gazetteer: Gazetteer) -> None:
    fed = spacy.blank("en")
    fed_rulers = add_place_ruler(fed, gazetteer)
    fed.get_pipe(FEEDER_NAME).feed_all()
    assert not fed.get_pipe(FEEDER_NAME).pending
    whole = spacy.blank("en")
    path = gazetteer.ensure()
    for world, ruler in ((False, "core"), (True, "world")):
        added = whole.add_pipe("entity_ruler", name=ruler)
        stop_words = frozenset(whole.Defaults.stop_words)
        added.add_patterns(place_patterns(place_names(path, world=world), stop_words))
    for fed_ruler, name in zip(fed_rulers, ("core", "world"), strict=True):

        def key(pattern: dict[str, Any]) -> tuple[str, str]:
            return pattern["label"], pattern["pattern"]

        assert sorted(fed_ruler.patterns, key=key) == sorted(whole.get_pipe(name).patterns, key=key)
        assert len(fed_ruler.phrase_matcher) == len(whole.get_pipe(name).phrase_matcher)
