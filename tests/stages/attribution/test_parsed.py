"""Attribution on a spaCy parse, over short made-up conflict reports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.stages.attribution import PARSED_STAGE, Attribution, attribute, claimant_at

Parse = Callable[[str], Any]


def _attribute(parse: Parse, text: str, outlet: str | None = None) -> list[Attribution]:
    return attribute(text, outlet=outlet, doc=parse(text))


def _at(parse: Parse, text: str, phrase: str, outlet: str | None = None) -> Attribution:
    start = text.index(phrase)
    return claimant_at(_attribute(parse, text, outlet), start, start + len(phrase), outlet)


@pytest.mark.parametrize(
    ("text", "phrase", "claimant", "claimant_type"),
    [
        (
            "Rebels shelled the market on Monday, the provincial governor said.",
            "shelled the market",
            "the provincial governor",
            "government",
        ),
        (
            "“We pushed the fighters back across the river,” said Colonel Fadi Nassar.",
            "pushed the fighters",
            "Colonel Fadi Nassar",
            "military",
        ),
        (
            "A police officer told the wire service that four people were killed at the checkpoint.",
            "four people were killed",
            "A police officer",
            "government",
        ),
        (
            "According to the health ministry, twelve civilians died in the air strike.",
            "twelve civilians died",
            "the health ministry",
            "government",
        ),
        (
            "Opposition activists claimed that 25 soldiers died near the dam.",
            "25 soldiers died",
            "Opposition activists",
            "armed group",
        ),
        (
            "Rival fighters withdrew from the hills overnight, state radio reports.",
            "withdrew from the hills",
            "state radio",
            "media",
        ),
    ],
)
def test_attribute_reported_speech_forms(
    parse: Parse, text: str, phrase: str, claimant: str, claimant_type: str | None
) -> None:
    found = _at(parse, text, phrase)
    assert found.claimant == claimant
    assert found.claimant_type == claimant_type
    assert found.stage == PARSED_STAGE


def test_attribute_statement_then_it_added_resolves_to_the_command(parse: Parse) -> None:
    text = (
        "The army command said in a statement that troops entered the village. "
        "It added that 40 fighters surrendered to the troops."
    )
    found = _at(parse, text, "40 fighters surrendered")
    assert found.source is not None and found.source.text == "It"
    assert found.resolved_from == "The army command"
    assert found.claimant_type == "military"


def test_attribute_the_statement_said_refers_to_its_author(parse: Parse) -> None:
    text = (
        "The interior ministry said in a statement late on Friday that the curfew was lifted. "
        "“Order has returned to every district,” the statement said."
    )
    found = _at(parse, text, "Order has returned")
    assert found.resolved_from == "The interior ministry"
    assert found.claimant_type == "government"


def test_attribute_the_source_noted_is_the_anonymous_military_source(parse: Parse) -> None:
    text = (
        "A security source who asked not to be named told the agency that the bridge was cut. "
        "About 200 gunmen were killed in the fighting, the source noted."
    )
    found = _at(parse, text, "About 200 gunmen")
    assert found.source is not None and found.source.text == "the source"
    assert found.claimant.startswith("A security source")
    assert (found.claimant_type, found.affiliation) == ("anonymous", "military")


def test_attribute_he_added_refers_to_the_named_minister(parse: Parse) -> None:
    text = (
        "Defence Minister Karim Aziz said the road to the airport was open again. "
        "He added that ten suspects had been arrested."
    )
    found = _at(parse, text, "ten suspects")
    assert found.resolved_from is not None and "Karim Aziz" in found.resolved_from


def test_attribute_chain_keeps_the_relaying_outlet(parse: Parse) -> None:
    text = (
        "Government troops took the hill after a week of fighting, Channel Five reports.\n\n"
        "State radio said that 30 militants were killed on the slopes."
    )
    found = _at(parse, text, "30 militants", outlet="Example News")
    assert found.claimant == "State radio"
    assert found.chain == ("Example News", "Channel Five")
    assert found.outlet == "Example News"


def test_claimant_at_reporter_when_nobody_is_named(parse: Parse) -> None:
    text = "Heavy shelling hit the northern district on Tuesday. Six houses burned down."
    found = _at(parse, text, "Six houses", outlet="Example News")
    assert (found.claimant, found.claimant_type) == ("reporter", "reporter")
    assert found.outlet == "Example News"
    assert found.source is None and found.cue is None


def test_attribute_speech_inside_a_quote_belongs_to_the_quoted_speaker(parse: Parse) -> None:
    text = "“Our scouts said the road was mined,” the commander told reporters."
    found = _attribute(parse, text)
    assert [a.claimant for a in found] == ["the commander"]


def test_attribute_spans_point_into_the_text(parse: Parse) -> None:
    text = "Militants fired rockets at the base, a military spokesman said on Sunday."
    for found in _attribute(parse, text):
        for span in (found.source, found.cue, found.content):
            assert span is not None
            assert text[span.start : span.end] == span.text


def test_attribute_passive_subject_is_not_the_speaker(parse: Parse) -> None:
    text = "The convoy was reported missing near the border."
    assert _attribute(parse, text) == []


def test_attribute_respects_given_sentences(parse: Parse) -> None:
    text = "The town fell, the governor said. Fighting went on, a resident said."
    first = attribute(text, sentences=[(0, 33)], doc=parse(text))
    assert [a.claimant for a in first] == ["the governor"]


def test_attribute_transcript_line_names_its_speaker(parse: Parse) -> None:
    text = "Partial transcript.\n\nHOST: How many fighters crossed the river?\n\nThe end."
    found = _at(parse, text, "How many fighters")
    assert found.claimant == "HOST"
    assert found.cue is not None and found.cue.text == ":"


def test_attribute_signed_quote_names_its_author(parse: Parse) -> None:
    text = "Readers wrote in.\n\n“The shelling never stopped that night.” ― Lina Haddad\n\nMore."
    found = _at(parse, text, "The shelling never stopped")
    assert found.claimant == "Lina Haddad"


def test_attribute_quote_over_several_sentences_belongs_to_its_speaker(parse: Parse) -> None:
    text = (
        "“Nearly 500 gunmen were killed. The rest fled to the hills,” the general said. "
        "Roads reopened later."
    )
    assert _at(parse, text, "Nearly 500 gunmen").claimant == "the general"
    assert _at(parse, text, "Roads reopened").claimant == "reporter"


def test_attribute_surname_takes_the_type_of_the_full_mention(parse: Parse) -> None:
    text = (
        "Foreign Minister Omar Saleh said the talks would resume. "
        "“We expect a ceasefire within days,” Saleh said."
    )
    found = _at(parse, text, "We expect a ceasefire")
    assert (found.claimant, found.claimant_type) == ("Saleh", "government")


@pytest.mark.parametrize(
    ("text", "phrase", "claimant"),
    [
        (
            "Air raids on the town have killed nearly 40 people over two days a monitoring"
            " group said on Tuesday.",
            "nearly 40 people",
            "a monitoring group",
        ),
        (
            "A car bomb killed at least 12 people in the village on Friday the state news"
            " agency reported.",
            "at least 12 people",
            "the state news agency",
        ),
    ],
)
def test_attribute_speaker_after_the_clause_with_the_comma_lost(
    parse: Parse, text: str, phrase: str, claimant: str
) -> None:
    assert _at(parse, text, phrase).claimant == claimant


def test_attribute_claimed_the_lives_of_is_a_toll_not_a_claim(parse: Parse) -> None:
    text = "The blast claimed the lives of 12 people in the market, police said."
    found = _attribute(parse, text)
    assert [a.claimant for a in found] == ["police"]
    assert _at(parse, text, "12 people").claimant == "police"


@pytest.mark.parametrize(
    "text",
    [
        "The truce that the envoy announced collapsed within a week.",
        "Fighters ignored the truce the envoy announced.",
    ],
)
def test_attribute_a_relative_clause_speaker_says_nothing_before_it(
    parse: Parse, text: str
) -> None:
    assert _attribute(parse, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 9 people in the market but police said otherwise.",
        "The attack left 4 dead and the army said nothing.",
        "The rebels killed 6 soldiers in the ambush contrary to what the army said.",
    ],
)
def test_attribute_a_speaker_after_but_or_what_says_something_else(parse: Parse, text: str) -> None:
    phrase = text.split(" in ")[0].split(" left ")[-1]
    assert _at(parse, text, phrase).claimant == "reporter"


@pytest.mark.parametrize(
    "text",
    [
        "Renewed shelling claimed dozens of lives overnight, medics said.",
        "The explosion claimed 18 victims, police said.",
    ],
)
def test_attribute_a_toll_claimed_is_no_claim(parse: Parse, text: str) -> None:
    assert [a.claimant for a in _attribute(parse, text)] == [text.split(", ")[1].split()[0]]
