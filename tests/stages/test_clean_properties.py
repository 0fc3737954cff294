"""Properties of cleaning and splitting on generated documents."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.records import Parcel
from eventwire.stages.boilerplate import BoilerplateRules
from eventwire.stages.clean import DocumentCleaner, clean_text
from eventwire.stages.datelines import DatelineRules
from eventwire.stages.split import ArticleSplitter
from tests.factories import document

BOILERPLATE = st.sampled_from(
    ["Leave a Reply", "Share this:", "Pingback: a roundup |", "2 thoughts on “A post”",
     "You are commenting using your account. Log Out /  Change )", "Advertisement"]
)  # fmt: skip
HEADERS = st.sampled_from(
    ["Jun 06, 2013", "Prensa Latina", "Damascus, Jun 6", "K. Nasser", "R. Haddad / Samir",
     "Army Restores Security to the Village Near the Border", "DAMASCUS, (SANA)- The army said."]
)  # fmt: skip
WORDS = st.text(alphabet="abcdefghij klmnop,.ÉéقA", min_size=1, max_size=120)
SENTENCES = st.lists(
    st.sampled_from(
        ["troops", "entered", "the", "town", "on", "Monday", "said", "a", "source", "killed", "12"]
    ),
    min_size=3,
    max_size=30,
).map(lambda words: " ".join(words).capitalize() + ".")
PARAGRAPHS = st.one_of(BOILERPLATE, HEADERS, WORDS, SENTENCES)
RULES = (BoilerplateRules.load(), DatelineRules())


def documents() -> st.SearchStrategy[str]:
    def build(paragraphs: list[str], repeat: list[int], separators: list[str]) -> str:
        for index in repeat:
            paragraphs.append(paragraphs[index % len(paragraphs)])
        joined = []
        for number, paragraph in enumerate(paragraphs):
            joined.append(paragraph + separators[number % len(separators)])
        return "".join(joined)

    return st.builds(
        build,
        st.lists(PARAGRAPHS, min_size=1, max_size=25),
        st.lists(st.integers(0, 50), max_size=5),
        st.lists(st.sampled_from(["\n\n", "\n", "\n \n", "\r\n\r\n"]), min_size=1, max_size=3),
    )


def visible(text: str) -> int:
    return len(re.sub(r"\s", "", text))


@settings(max_examples=150, deadline=None)
@given(documents())
def test_clean_accounts_for_every_character(text):
    kept, removed = clean_text(text, *RULES)
    assert visible(text) == sum(visible(unit.text) for unit in kept) + sum(
        visible(r.text) for r in removed
    )


@settings(max_examples=150, deadline=None)
@given(documents())
def test_clean_is_idempotent(text):
    kept, _ = clean_text(text, *RULES)
    again, removed = clean_text("\n\n".join(unit.text for unit in kept), *RULES)
    assert [unit.text for unit in again] == [unit.text for unit in kept]
    assert removed == []


@settings(max_examples=150, deadline=None)
@given(documents())
def test_split_loses_nothing_that_is_not_recorded(text):
    (cleaned,) = DocumentCleaner()([Parcel(document=document(text))])
    (parcel,) = ArticleSplitter()([cleaned])
    if parcel.reject is not None:
        assert not cleaned.paragraphs
        return
    total = sum(visible(a.text) + sum(visible(r.text) for r in a.removed) for a in parcel.articles)
    assert total == visible(text)
