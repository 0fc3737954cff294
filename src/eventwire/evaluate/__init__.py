"""Evaluation tasks over third-party gold sets: one explicit registration table.

Each task is a function `(gold: Path) -> EvalResult`, named in TASKS by module and
function so a task's dependencies load only when it runs. Tasks read `../shared/data`-
style files given by path; a missing path is EventwireError(Code.GOLD_MISSING).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import NamedTuple, cast

from eventwire.errors import Code, EventwireError
from eventwire.evaluate.result import EvalResult

__all__ = ["TASKS", "EvalResult", "TaskSpec", "run_task"]

Task = Callable[[Path], EvalResult]


class TaskSpec(NamedTuple):
    module: str
    function: str
    description: str

    def load(self) -> Task:
        module = import_module(f"eventwire.evaluate.{self.module}")
        return cast(Task, getattr(module, self.function))


# name -> where the task lives and what it measures. Add new tasks here, nowhere else.
TASKS: dict[str, TaskSpec] = {
    "boilerplate-zyte": TaskSpec(
        "boilerplate", "evaluate_zyte", "main-text extraction, Zyte AEB token 4-gram P/R/F1"
    ),
    "events-case": TaskSpec(
        "events_case", "evaluate_case", "event typing, CASE 2021 task 2 (30 labels): F1"
    ),
    "events-case-minilm": TaskSpec(
        "events_case",
        "evaluate_case_minilm",
        "the same with every event candidate embedded (`run --typer embedding`)",
    ),
    "events-case-words": TaskSpec(
        "events_case",
        "evaluate_case_words",
        "the same with the words-only typer (`run --typer words`, no encoder)",
    ),
    "casualties-gva": TaskSpec(
        "casualties", "evaluate_gva", "killed/injured count accuracy per GVA news article"
    ),
    "plover-size": TaskSpec(
        "casualties", "evaluate_plover", "PLOVER gold dead/injured exact match per sentence"
    ),
    "attribution-polnear": TaskSpec(
        "attribution", "evaluate_polnear", "PolNeAR who-said-what span P/R/F1"
    ),
    "geo-xml": TaskSpec(
        "geo", "evaluate_geo_xml", "toponym resolution, LGL/TR-News: acc@161km, km, AUC"
    ),
    "geovirus": TaskSpec(
        "geo", "evaluate_geovirus", "toponym resolution, GeoVirus: acc@161km, km, AUC"
    ),
    "dates-gva": TaskSpec(
        "dates", "evaluate_gva_dates", "incident date from GVA news articles and their date"
    ),
    "actors-plover": TaskSpec(
        "actors", "evaluate_plover_actors", "PLOVER actors: coverage, country, inter vs sector"
    ),
    "loaded-ptc": TaskSpec(
        "loaded", "evaluate_ptc", "loaded language and name calling, PTC spans: P/R/F1"
    ),
    "pairs-semeval": TaskSpec(
        "pairs", "evaluate_pairs", "same-story pairs fused into one event: accuracy, r"
    ),
}


def run_task(name: str, gold: Path) -> EvalResult:
    if name not in TASKS:
        raise EventwireError(Code.UNKNOWN_TASK, detail=f"{name!r} (known: {', '.join(TASKS)})")
    if not gold.exists():
        raise EventwireError(Code.GOLD_MISSING, detail=str(gold))
    return TASKS[name].load()(gold)
