from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.resources.gazetteer import (
    GAZETTEER_VERSION,
    Gazetteer,
    build_gazetteer,
    default_gazetteer_path,
    import_geonames,
)
from eventwire.resources.gazetteer import geonames as geonames_module
from eventwire.resources.gazetteer import query as query_module
from tests.resources.gazetteer_helpers import FIXTURE, build_small_gazetteer


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer(build_small_gazetteer(tmp_path_factory.mktemp("gaz")))


def test_build_gazetteer_has_countries_with_centroids(gazetteer: Gazetteer) -> None:
    (syria,) = gazetteer.candidates("Syria")
    assert syria.place.feature == "country"
    assert syria.place.country == "SY"


def test_build_gazetteer_keeps_demonyms_for_context_only(gazetteer: Gazetteer) -> None:
    (lebanon,) = gazetteer.candidates("Lebanese")
    assert lebanon.match == "demonym"
    assert lebanon.place.country == "LB"
    assert "lebanese" in gazetteer.areas()


def test_build_gazetteer_reads_curated_aliases_with_sources(gazetteer: Gazetteer) -> None:
    (jobar,) = gazetteer.candidates("Jawbar")
    assert jobar.match == "alias"
    assert jobar.place.feature == "district"
    assert jobar.place.source.startswith("OpenStreetMap")


def test_build_gazetteer_moves_country_centroid_from_alias_table(gazetteer: Gazetteer) -> None:
    (usa,) = gazetteer.candidates("United States")
    assert (usa.place.lat, usa.place.lon) == (39.76, -98.5)


def test_build_gazetteer_records_version(tmp_path: Path) -> None:
    path = build_gazetteer(tmp_path / "g.sqlite", cities=False)
    with sqlite3.connect(path) as db:
        (version,) = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    assert version == GAZETTEER_VERSION


def test_import_geonames_adds_places_and_alternate_names(gazetteer: Gazetteer) -> None:
    (hamra,) = gazetteer.candidates("Tell el-Hamra")
    assert hamra.match == "alternate"
    assert hamra.place.geonameid == 9000001
    assert hamra.place.admin1 == "Homs"  # the admin1 name the gazetteer already had


def test_import_geonames_maps_feature_codes(gazetteer: Gazetteer) -> None:
    features = {
        name: gazetteer.candidates(name)[0].place.feature
        for name in ("Wadi Sharqi", "Mantiqat Bahr", "Sahl Akhdar", "Aleppo Governorate")
    }
    assert features == {
        "Wadi Sharqi": "district",
        "Mantiqat Bahr": "admin2",
        "Sahl Akhdar": "region",
        "Aleppo Governorate": "admin1",
    }
    assert gazetteer.candidates("Jabal Tawil") == ()  # mountains are not imported


def test_import_geonames_moves_country_to_geonames_point(gazetteer: Gazetteer) -> None:
    (syria,) = gazetteer.candidates("Syria")
    assert (syria.place.lat, syria.place.lon) == (35.0, 38.0)
    assert syria.place.geonameid == 9000006


def test_import_geonames_skips_places_already_present(tmp_path: Path) -> None:
    path = build_small_gazetteer(tmp_path)
    assert import_geonames(FIXTURE, path) == 0


def test_import_geonames_reads_zip_and_alternate_names(tmp_path: Path) -> None:
    path = build_gazetteer(tmp_path / "g.sqlite", cities=False)
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(FIXTURE, "SY.txt")
        zipped.writestr("readme.txt", "not data\n")
    assert import_geonames(archive, path) == 21
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(
        "1\t9000001\ten\tRed Hill\t1\t\t\t\t\t\n"
        "2\t9000001\tlink\thttps://example.org/x\t\t\t\t\t\t\n"
        "3\t424242\ten\tNowhere\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    assert import_geonames(alternates, path) == 1
    (hill,) = Gazetteer(path).candidates("Red Hill")
    assert hill.place.geonameid == 9000001


def test_import_geonames_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EventwireError, match="E110"):
        import_geonames(tmp_path / "absent.zip", tmp_path / "g.sqlite")


def test_default_gazetteer_path_follows_env_var(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTWIRE_GAZETTEER", str(tmp_path / "mine.sqlite"))
    assert default_gazetteer_path() == tmp_path / "mine.sqlite"
    monkeypatch.delenv("EVENTWIRE_GAZETTEER")
    name = default_gazetteer_path().name
    assert name.startswith(f"gazetteer-{GAZETTEER_VERSION}-") and name.endswith(".sqlite")


def test_gazetteer_builds_lazily_on_first_query(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[Path] = []

    def small_build(path: Path) -> Path:
        built.append(path)
        return build_gazetteer(path, cities=False)

    monkeypatch.setattr(query_module, "build_gazetteer", small_build)
    gazetteer = Gazetteer(tmp_path / "lazy.sqlite")
    assert built == []
    assert gazetteer.candidates("Lebanon")
    assert built == [tmp_path / "lazy.sqlite"]


def test_gazetteer_fuzzy_match_scores_below_exact(gazetteer: Gazetteer) -> None:
    fuzzy = gazetteer.candidates("Qusseyr")
    assert {c.match for c in fuzzy} == {"fuzzy"}
    assert all(c.similarity < 1.0 for c in fuzzy)
    assert {c.place.geonameid for c in fuzzy} == {173322, 360531}


def test_gazetteer_fuzzy_match_needs_a_close_spelling(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Qasr") == ()


def test_build_gazetteer_leaves_no_partial_file_on_error(tmp_path: Path) -> None:
    broken = tmp_path / "aliases.csv"
    broken.write_text("name,feature\nNowhere,city\n", encoding="utf-8")
    with pytest.raises(KeyError):
        build_gazetteer(tmp_path / "g.sqlite", cities=False, aliases=broken)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aliases.csv"]


def test_import_geonames_marks_capitals(gazetteer: Gazetteer) -> None:
    (damascus,) = gazetteer.candidates("Damascus")[:1]
    assert damascus.place.capital
    assert not gazetteer.candidates("Tall Hamra")[0].place.capital


def test_import_geonames_builds_the_base_gazetteer_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def small_build(path: Path) -> Path:
        return build_gazetteer(path, cities=False)

    monkeypatch.setattr(geonames_module, "build_gazetteer", small_build)
    path = tmp_path / "new.sqlite"
    assert import_geonames(FIXTURE, path) == 21
    assert Gazetteer(path).candidates("Lebanon")  # countries from the base build
