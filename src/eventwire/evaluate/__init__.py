"""Evaluation tasks over third-party gold sets: one explicit registration table.

Each task is a function `(gold: Path) -> EvalResult`. Tasks read `../shared/data`-style
files given by path and raise EventwireError(Code.GOLD_MISSING) when the path is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventwire.errors import Code, EventwireError
from eventwire.evaluate.result import EvalResult

__all__ = ["TASKS", "EvalResult", "run_task"]

Task = Callable[[Path], EvalResult]


def _boilerplate_zyte(gold: Path) -> EvalResult:
    from eventwire.evaluate.boilerplate import evaluate_zyte

    return evaluate_zyte(gold)


# name -> (task, one-line description). Add new tasks here, nowhere else.
TASKS: dict[str, tuple[Task, str]] = {
    "boilerplate-zyte": (_boilerplate_zyte, "main-text extraction, Zyte AEB token 4-gram P/R/F1"),
}


def run_task(name: str, gold: Path) -> EvalResult:
    if name not in TASKS:
        raise EventwireError(Code.UNKNOWN_TASK, detail=f"{name!r} (known: {', '.join(TASKS)})")
    if not gold.exists():
        raise EventwireError(Code.GOLD_MISSING, detail=str(gold))
    task, _ = TASKS[name]
    return task(gold)
