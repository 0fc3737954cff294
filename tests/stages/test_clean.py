from __future__ import annotations

import pytest

from eventwire.stages.boilerplate import BoilerplateRules
from eventwire.stages.clean import clean_text
from eventwire.stages.datelines import DatelineRules
from tests.factories import BLOG, ROUNDUP


@pytest.fixture(scope="module")
def rules() -> tuple[BoilerplateRules, DatelineRules]:
    return BoilerplateRules.load(), DatelineRules()


def kinds(text: str, rules: tuple[BoilerplateRules, DatelineRules]) -> dict[str, list[str]]:
    _, removed = clean_text(text, *rules)
    found: dict[str, list[str]] = {}
    for removal in removed:
        found.setdefault(removal.kind, []).append(removal.text)
    return found


def test_clean_removes_comment_section_form_and_pingback(rules):
    found = kinds(BLOG, rules)
    assert any(text.startswith("2 thoughts on") for text in found["comment"])
    assert any("my cousin lives there" in text for text in found["comment"])
    assert any("Pingback" in text for text in found["pingback"])
    assert {"Leave a Reply", "Connecting to %s"} <= set(found["form"])


def test_clean_keeps_first_copy_of_near_duplicate(rules):
    kept, removed = clean_text(BLOG, *rules)
    duplicates = [removal for removal in removed if removal.kind == "duplicate"]
    assert len(duplicates) == 1
    assert duplicates[0].text.startswith("Syrian state television said that")
    assert any("said on Tuesday that" in unit.text for unit in kept)


def test_clean_removal_offsets_point_at_the_removed_text(rules):
    _, removed = clean_text(BLOG, *rules)
    for removal in removed:
        assert BLOG[removal.start : removal.end] == removal.text


def test_clean_keeps_roundup_headers_and_body(rules):
    kept, removed = clean_text(ROUNDUP, *rules)
    assert removed == []
    assert any(unit.text == "K. Nasser" for unit in kept)


@pytest.mark.parametrize(
    "line",
    [
        "Share this:",
        "Click to share on Twitter (Opens in new window)",
        "Advertisement",
        "Tags: Syria, Homs",
    ],
)
def test_clean_removes_widgets_anywhere(rules, line):
    text = f"Government forces entered the town on Monday, residents said.\n\n{line}\n\nMore text follows."
    assert kinds(text, rules)["widget"] == [line]


def test_clean_comment_section_ends_at_next_dated_article(rules):
    text = BLOG + "\n\n" + ROUNDUP
    kept, _ = clean_text(text, *rules)
    assert any(unit.text.startswith("A military source told Prensa Latina") for unit in kept)
