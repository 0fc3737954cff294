"""One killed/injured count per article (`stages.figures.count`) on made-up reports."""

from __future__ import annotations

import pytest

from eventwire.stages.figures.count import LEAD_CHARS, article_count, point_value
from eventwire.stages.figures.extract import extract_figures


def _count(text: str, kind: str = "killed") -> int:
    return article_count(extract_figures(text), kind, text)


def test_point_value_of_bands() -> None:
    (exact,) = extract_figures("Six soldiers were killed.")
    (nearly,) = extract_figures("Nearly 40 soldiers were killed.")
    (vague,) = extract_figures("Hundreds of soldiers were killed.")
    assert (point_value(exact), point_value(nearly), point_value(vague)) == (6, 40, None)


def test_count_prefers_the_lead_over_later_incidents() -> None:
    filler = "Residents gathered at the market square on Monday. " * (LEAD_CHARS // 50 + 2)
    text = (
        "Two guards killed at border post\n\n"
        f"Two guards were killed at the post on Monday. {filler}"
        "A bombing at the same post once killed 11 soldiers."
    )
    assert _count(text) == 2


def test_count_falls_back_to_the_whole_article_when_the_lead_has_no_figure() -> None:
    filler = "Residents gathered at the market square on Monday. " * (LEAD_CHARS // 50 + 2)
    text = f"Attack at border post\n\n{filler}Officials said four guards were killed."
    assert _count(text) == 4


def test_count_takes_the_largest_figure_within_the_lead() -> None:
    text = "Raid on village\n\nA farmer was killed. Later, police said three people died."
    assert _count(text) == 3


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Feud\n\nA man killed his two brothers before killing himself.", 3),
        ("Feud\n\nA woman killed her son, then herself, police said.", 2),
        ("Feud\n\nThe gunman turned the gun on himself.", 1),
        # the perpetrator's death in another sentence is not added: it may be counted already
        ("Feud\n\nTwo men died in the shooting. The gunman then killed himself.", 2),
    ],
)
def test_count_adds_the_perpetrators_death_in_the_same_sentence(text: str, killed: int) -> None:
    assert _count(text) == killed


def test_count_without_a_countable_figure_falls_back_to_a_reported_death() -> None:
    text = (
        "Farmer dies after shooting\n\nA farmer died on Sunday. So far this year 40 people "
        "have been killed in the province."
    )
    assert _count(text) == 1


def test_count_is_zero_without_a_figure_or_a_death() -> None:
    assert _count("Talks resume\n\nThe delegations met in the capital.") == 0


def test_injured_shot_minus_killed() -> None:
    text = "5 shot, 2 fatally, at a market\n\nPolice said five people were shot."
    assert (_count(text), _count(text, "injured")) == (2, 3)


def test_injured_is_never_negative() -> None:
    text = "Three dead\n\nThree people were killed. One man was shot, police said."
    assert (_count(text), _count(text, "injured")) == (3, 0)
