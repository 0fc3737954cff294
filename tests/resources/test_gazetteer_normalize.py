from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.resources.gazetteer import name_key, skeleton, strip_accents


@pytest.mark.parametrize(
    ("variant", "key"),
    [
        ("al-Qseir", "qseir"),
        ("Al Quşayr", "qusayr"),
        ("Deir ez-Zor", "deir zor"),
        ("Şanlıurfa", "sanliurfa"),
        ("W.Va.", "w va"),
        ("El Paso", "paso"),
    ],
)
def test_name_key_drops_articles_diacritics_and_punctuation(variant: str, key: str) -> None:
    assert name_key(variant) == key


@pytest.mark.parametrize(
    "variant", ["Qusayr", "Qusseir", "Qusair", "al-Qseir", "Al Quşayr", "Al-Qusair"]
)
def test_skeleton_joins_qusayr_spellings(variant: str) -> None:
    assert skeleton(variant) == skeleton("Al Qusayr")


@pytest.mark.parametrize(
    ("one", "other"),
    [("Idleb", "Idlib"), ("Deir ez-Zor", "Deir Ezzor"), ("Deir ez-Zor", "Dayr az Zawr")],
)
def test_skeleton_joins_common_spelling_pairs(one: str, other: str) -> None:
    assert skeleton(one) == skeleton(other)


@pytest.mark.parametrize(
    ("one", "other"), [("Jobar", "Yabrud"), ("South Ossetia", "South Houston")]
)
def test_skeleton_keeps_unrelated_names_apart(one: str, other: str) -> None:
    assert skeleton(one) != skeleton(other)


def test_name_key_keeps_a_name_that_is_only_an_article() -> None:
    assert name_key("As") == "as"


def test_strip_accents_handles_dotless_i() -> None:
    assert strip_accents("Şırnak") == "sirnak"


@given(st.text(max_size=40))
def test_name_key_is_idempotent(text: str) -> None:
    key = name_key(text)
    assert name_key(key) == key or not key


@given(st.text(max_size=40))
def test_skeleton_depends_only_on_the_key(text: str) -> None:
    assert skeleton(text) == skeleton(name_key(text))
