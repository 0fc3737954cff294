"""The result of an evaluation task: human summary lines and a flat metrics object."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["EvalResult"]


@dataclass(frozen=True, slots=True)
class EvalResult:
    task: str
    metrics: dict[str, float | int | str]
    summary: tuple[str, ...] = field(default=())
