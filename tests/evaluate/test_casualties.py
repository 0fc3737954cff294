"""Casualty-count tasks on tiny self-written gold files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.evaluate import TASKS, run_task
from eventwire.evaluate.casualties import article_count, mentions_number, states_number
from eventwire.stages.figures.count import article_count as product_article_count
from eventwire.stages.figures.extract import extract_figures


def _count(text: str, kind: str) -> int:
    return article_count(extract_figures(text), kind, text)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("6 shot, 3 fatally, near a bus stop\n\nOfficers said six people were shot.", 3, 3),
        ("Farmer dies after attack\n\nA farmer died on Sunday, officials said.", 1, 0),
        ("Shelling hits town\n\nResidents said 3 people were wounded.", 0, 3),
        ("Raid\n\nSo far this year 400 people have been killed in the province.", 0, 0),
        ("Clashes\n\nNearly 50 fighters were killed and dozens were wounded.", 50, 0),
        ("Raid\n\nTwo brothers were killed, among 17 people killed in the city.", 2, 0),
        (
            "Ambush\n\nTwo guards were killed on Monday. The worst year came in 2014, with "
            "60 soldiers killed on the road.",
            2,
            0,
        ),
    ],
)
def test_article_count_aggregates_claims(text: str, killed: int, injured: int) -> None:
    assert (_count(text, "killed"), _count(text, "injured")) == (killed, injured)


def test_states_number_needs_the_number_near_a_kind_word() -> None:
    text = "Two people were killed in the raid. Image 1 of 3."
    assert states_number(2, text, "killed")
    assert not states_number(3, text, "killed")
    assert mentions_number(3, text)
    assert not states_number(0, text, "killed")


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (2, "A 2-year-old boy was killed on Friday."),
        (2, "The fatal shooting happened at 2 a.m. near the bridge."),
        (1, "Anyone with information on the shooting death can call 1-800-555-0100."),
    ],
)
def test_states_number_skips_numbers_that_are_not_counts(n: int, text: str) -> None:
    assert mentions_number(n, text)
    assert not states_number(n, text, "killed")


def test_eval_uses_the_products_article_count() -> None:
    assert article_count is product_article_count


def _write_gva(path: Path) -> Path:
    rows = [
        {
            "doc_id": "d1",
            "title": "Two dead in shooting",
            "content": "Two men were killed.",
            "num_killed": 2,
            "num_injured": 0,
        },
        {
            "doc_id": "d2",
            "title": "Man hurt",
            "content": "A man was wounded on Friday.",
            "num_killed": 0,
            "num_injured": 1,
        },
    ]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(row) + "\n" for row in rows)
    return path


def test_casualties_gva_task_scores_a_small_file(tmp_path: Path) -> None:
    result = run_task("casualties-gva", _write_gva(tmp_path / "gva.jsonl.gz"))
    assert result.metrics["n"] == 2
    assert result.metrics["killed_accuracy"] == 1.0
    assert result.metrics["injured_accuracy"] == 1.0
    assert result.metrics["killed_n_stated"] == 1


def test_plover_size_task_treats_missing_gold_as_zero(tmp_path: Path) -> None:
    records = [
        {"id": "doc", "event": "DOCUMENT"},
        {"id": "x1", "text": "Rebels killed three soldiers in an ambush.", "dead": "3"},
        {"id": "x2", "text": "The ministers met in Geneva on Monday.", "dead": ""},
    ]
    gold = tmp_path / "plover.json"
    gold.write_text(json.dumps(records), encoding="utf-8")
    result = run_task("plover-size", gold)
    assert result.metrics["n"] == 2
    assert result.metrics["exact_match"] == 1.0


def test_casualty_tasks_are_registered() -> None:
    assert {"casualties-gva", "plover-size"} <= set(TASKS)
