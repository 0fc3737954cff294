"""ACLED-format CSV."""

from __future__ import annotations

import csv
import io

import pytest

from eventwire.export.acled import acled_date, write_acled
from tests.export.samples import UNPLACED, event

# ACLED's export columns, in order (ACLED Codebook 2023, Data Export Tool CSV).
ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip


def load(rows: list[dict[str, object]]) -> tuple[int, list[str], list[dict[str, str]]]:
    out = io.StringIO(newline="")
    count = write_acled(rows, out)
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    return count, list(reader.fieldnames or []), list(reader)


def test_write_acled_header_is_acleds() -> None:
    _, header, _ = load([event()])
    assert header == ACLED_HEADER


def test_write_acled_header_without_events() -> None:
    count, header, rows = load([])
    assert (count, header, rows) == (0, ACLED_HEADER, [])


def test_write_acled_one_row_per_event() -> None:
    count, _, rows = load([event(), UNPLACED])
    assert count == 2
    assert [row["event_id_cnty"] for row in rows] == ["e1", "e2"]


def test_write_acled_fields_as_acled_writes_them() -> None:
    _, _, (row,) = load([event()])
    assert row["event_date"] == "02 May 2018"
    assert row["year"] == "2018"
    assert row["source"] == "SANA; Prensa Latina"
    assert row["iso"] == "760"
    assert row["notes"].startswith("Government regains territory")
    assert (row["latitude"], row["longitude"]) == ("34.5", "36.55")
    assert (row["fatalities"], row["civilian_targeting"], row["region"]) == ("30", "", "")


def test_write_acled_unknowns() -> None:
    _, _, (row,) = load([UNPLACED])
    assert (row["event_date"], row["year"], row["iso"]) == ("", "", "")
    assert row["fatalities"] == "0"  # ACLED writes 0 when no figure is reported
    assert row["civilian_targeting"] == "Civilian targeting"


@pytest.mark.parametrize(
    ("date", "written"),
    [("2013-06-05", "05 June 2013"), ("2019-12-31", "31 December 2019"), ("2013-06", "2013-06"),
     ("", "")],
)  # fmt: skip
def test_acled_date_day_month_year(date: str, written: str) -> None:
    assert acled_date(date) == written


def test_write_acled_awkward_text_round_trips() -> None:
    notes = 'Clashes near "Tal Hamra",\nsecond line; «عاجل»'
    _, _, (row,) = load([event(notes=notes, sources=["Al-Masdar, English", "SANA"])])
    assert row["notes"] == notes
    assert row["source"] == "Al-Masdar, English; SANA"


def test_write_acled_loads_with_pandas() -> None:
    pandas = pytest.importorskip("pandas")
    out = io.StringIO(newline="")
    write_acled([event(), UNPLACED], out)
    frame = pandas.read_csv(io.StringIO(out.getvalue()))
    assert list(frame.columns) == ACLED_HEADER
    assert list(frame.fatalities) == [30, 0]
