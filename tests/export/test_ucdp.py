"""UCDP-GED-style CSV."""

from __future__ import annotations

import csv
import io

import pytest

from eventwire.export.ucdp import (
    UCDP_COLUMNS,
    article_refs,
    priogrid_gid,
    ucdp_row,
    write_ucdp,
)
from tests.export.samples import ARTICLE, UNPLACED, event


def load(rows: list[dict[str, object]], **options: object) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    write_ucdp(rows, out, **options)  # type: ignore[arg-type]
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert reader.fieldnames == list(UCDP_COLUMNS)
    return list(reader)


def test_write_ucdp_band_and_coordinates() -> None:
    (row,) = load([event()])
    assert (row["best"], row["low"], row["high"]) == ("30", "30", "40")
    assert row["deaths_unknown"] == "30" and row["deaths_civilians"] == ""
    assert row["geom_wkt"] == "POINT (36.55 34.5)"
    assert (row["type_of_violence"], row["where_prec"], row["date_prec"]) == ("1", "1", "1")
    assert row["dyad_name"] == "Military Forces of Syria (2000-) - Opposition armed groups (Syria)"


def test_write_ucdp_sources_with_article_refs() -> None:
    (row,) = load([event()], articles=article_refs([ARTICLE]))
    assert row["source_article"] == "a1; a2"
    assert row["source_office"] == "SANA; Prensa Latina"
    assert row["source_date"] == "2018-05-04"
    assert row["source_headline"] == "Army Restores Security to Tal Hamra Village"
    assert row["source_original"] == "a military source"


def test_write_ucdp_one_sided_without_place() -> None:
    (row,) = load([UNPLACED])
    assert row["type_of_violence"] == "3"
    assert (row["where_prec"], row["geom_wkt"], row["priogrid_gid"]) == ("", "", "")
    assert (row["date_start"], row["best"]) == ("", "")


@pytest.mark.parametrize(("acled", "ucdp"), [(1, 1), (2, 2), (3, 4)])
def test_ucdp_row_where_prec_from_geo_precision(acled: int, ucdp: int) -> None:
    assert ucdp_row(event(geo_precision=acled), {})["where_prec"] == ucdp


def test_ucdp_row_where_prec_country_only() -> None:
    row = ucdp_row(event(latitude=None, longitude=None), {})
    assert row["where_prec"] == 6


@pytest.mark.parametrize(("acled", "ucdp"), [(1, 1), (2, 3), (3, 4), (None, None)])
def test_ucdp_row_date_prec_from_time_precision(acled: int | None, ucdp: int | None) -> None:
    assert ucdp_row(event(time_precision=acled), {})["date_prec"] == ucdp


def test_ucdp_row_state_is_side_a() -> None:
    row = ucdp_row(event(actor1="Rebels X", inter1=2, actor2="State Y", inter2=1), {})
    assert (row["side_a"], row["side_b"]) == ("State Y", "Rebels X")


@pytest.mark.parametrize(
    ("event_type", "inter2", "violence"),
    [("Battles", 1, 1), ("Battles", 3, 2), ("Violence against civilians", 7, 3),
     ("Protests", None, None)],
)  # fmt: skip
def test_ucdp_row_type_of_violence(
    event_type: str, inter2: int | None, violence: int | None
) -> None:
    row = ucdp_row(event(event_type=event_type, inter1=2, inter2=inter2), {})
    assert row["type_of_violence"] == violence


@pytest.mark.parametrize(
    ("latitude", "longitude", "gid"),
    [(-90.0, -180.0, 1), (-89.9, 179.9, 720), (-89.4, -180.0, 721), (89.9, 179.9, 259200)],
)
def test_priogrid_gid_half_degree_cells(latitude: float, longitude: float, gid: int) -> None:
    assert priogrid_gid(latitude, longitude) == gid
