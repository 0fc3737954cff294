"""Rows are built from a record's fields without `asdict`'s deep copy, to the same result."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest

from eventwire.records import Actor, Claim, Label, Place
from eventwire.store._extracted import flat

RECORDS: list[Any] = [
    Actor("Military Forces of Syria", 1, "the army", "Example Wire"),
    Place("a1", "Tal Sousin", 10, 20, "Tal Sousin", "Syria", "SYR", None, None, 34.5, 36.6, 1),
    Label("a1", "Example Wire", "Military Forces of Syria", "heroes", True, 3, 9, "labels.v1"),
    Claim(
        "killed", "six soldiers", "a1", (4, 16), 6, 6, "soldiers", None, "the ministry",
        "government", ("Example Wire",), None, "Example Wire", "figures.v3",
    ),
]  # fmt: skip


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: type(record).__name__)
def test_flat_is_asdict_for_the_stored_records(record: Any) -> None:
    assert flat(record) == asdict(record)
