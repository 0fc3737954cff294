"""The curated alias table: well-formed rows, and abbreviations attached by admin1 name."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventwire.resources.gazetteer import Gazetteer, build_gazetteer
from eventwire.resources.gazetteer.schema import ALIASES_PATH

FEATURES = {"names", "country", "city", "district", "region", "admin1", "area"}


def _rows(path: Path = ALIASES_PATH) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(row for row in handle if not row.startswith("#")))


def test_every_alias_row_has_a_source_and_a_known_feature() -> None:
    for row in _rows():
        assert row["source"].strip(), row["name"]
        assert row["feature"] in FEATURES, row["name"]


def test_every_names_row_points_at_a_place() -> None:
    for row in _rows():
        if row["feature"] == "names":
            assert row["geonameid"] or (row["country"] and row["admin1"]), row["name"]
            assert row["variants"], row["name"]


@pytest.mark.parametrize("abbreviation", ["NSW", "Qld", "Tas.", "ACT"])
def test_the_table_has_the_unambiguous_australian_abbreviations(abbreviation: str) -> None:
    australian = [r for r in _rows() if r["feature"] == "names" and r["country"] == "AU"]
    assert any(abbreviation in r["variants"].split("|") for r in australian)


def test_a_names_row_by_admin1_name_adds_the_abbreviation(tmp_path: Path) -> None:
    table = tmp_path / "aliases.csv"
    table.write_text(
        "name,variants,feature,country,admin1_code,admin1,admin2,lat,lon,population,"
        "geonameid,source\n"
        "Velmora Territory,,admin1,AU,09,Velmora Territory,,-30.0,140.0,1000,,invented\n"
        "Velmora Territory,VMT|V.M.T.,names,AU,,Velmora Territory,,,,,,invented\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer(build_gazetteer(tmp_path / "g.sqlite", cities=False, aliases=table))
    for written in ("VMT", "V.M.T."):
        (found,) = gazetteer.candidates(written)
        assert (found.place.name, found.place.feature) == ("Velmora Territory", "admin1")
    gazetteer.close()
