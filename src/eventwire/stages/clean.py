"""The cleaning stage: boilerplate, reader comments and repeated paragraphs removed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from eventwire.records import Paragraph, Parcel, Removal
from eventwire.stages.boilerplate import BoilerplateRules, classify_boilerplate
from eventwire.stages.datelines import DatelineRules
from eventwire.stages.duplicates import find_duplicates
from eventwire.stages.headers import classify_units, starts_dated_article
from eventwire.stages.paragraphs import split_paragraphs

__all__ = ["DocumentCleaner", "clean_text"]


class DocumentCleaner:
    """Splits a document into paragraphs and records every one it removes, with why."""

    name: ClassVar[str] = "clean.document.v1"
    requires: ClassVar[tuple[str, ...]] = ("document",)
    provides: ClassVar[tuple[str, ...]] = ("paragraphs", "removed")

    def __init__(self) -> None:
        self.boilerplate: BoilerplateRules | None = None
        self.datelines: DatelineRules | None = None

    def setup(self) -> None:
        self.boilerplate = BoilerplateRules.load()
        self.datelines = DatelineRules()

    def __call__(self, batch: Sequence[Parcel]) -> list[Parcel]:
        if self.boilerplate is None or self.datelines is None:
            self.setup()
        return [self.clean(parcel) for parcel in batch]

    def clean(self, parcel: Parcel) -> Parcel:
        if parcel.reject is not None or parcel.document is None:
            return parcel
        assert self.boilerplate is not None and self.datelines is not None
        kept, removed = clean_text(parcel.document.text, self.boilerplate, self.datelines)
        return replace(parcel, paragraphs=tuple(kept), removed=tuple(removed))


def clean_text(
    text: str, boilerplate: BoilerplateRules, datelines: DatelineRules
) -> tuple[list[Paragraph], list[Removal]]:
    """(kept paragraphs, removals); together they cover every non-blank unit of `text`."""
    units = split_paragraphs(text, datelines.standalone)
    roles = classify_units(units, datelines)
    found = classify_boilerplate(units, boilerplate, lambda i: starts_dated_article(roles, i))
    candidates = [None if i in found else unit.text for i, unit in enumerate(units)]
    for position, original in find_duplicates(candidates).items():
        rule = f"clean.duplicates.v1:repeats paragraph at offset {units[original].start}"
        found[position] = ("duplicate", rule)
    kept = [unit for i, unit in enumerate(units) if i not in found]
    removed = [
        Removal(found[i][0], unit.text, unit.start, unit.end, found[i][1])
        for i, unit in enumerate(units)
        if i in found
    ]
    return kept, removed
