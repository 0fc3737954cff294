"""Per-document stages, registered in one explicit table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventwire.stages.base import Stage
from eventwire.stages.clean import DocumentCleaner
from eventwire.stages.split import ArticleSplitter

__all__ = ["REGISTRY", "Stage", "build_stages"]

# versioned name -> factory. A change in a stage's output is a new name, never an edit here.
REGISTRY: dict[str, Callable[[], Stage]] = {
    DocumentCleaner.name: DocumentCleaner,
    ArticleSplitter.name: ArticleSplitter,
}


def build_stages(names: Sequence[str]) -> list[Stage]:
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown stages: {', '.join(unknown)} (known: {', '.join(REGISTRY)})")
    return [REGISTRY[name]() for name in names]
