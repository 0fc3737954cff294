"""Admin1 points from a states table in the countrystatecity-countries layout."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.resources.gazetteer.admin_points import (
    ListedArea,
    admin_point_keys,
    at_town,
    listed_area,
    load_admin_points,
    quarter_degree,
)

PRAIRIE = (49.0, 53.9, -120.0, -110.0)  # south, north, west, east of the towns seen


def _states(folder: Path, country: str, records: list[dict[str, object]]) -> Path:
    target = folder / country
    target.mkdir(parents=True)
    (target / "states.json").write_text(json.dumps(records), encoding="utf-8")
    return folder


def _state(name: str, lat: str, lon: str, native: str = "") -> dict[str, object]:
    return {"name": name, "native": native or name, "latitude": lat, "longitude": lon}


def test_admin_point_keys_drops_generic_words() -> None:
    assert admin_point_keys("Basra Governorate") == {"basra governorate", "basra"}
    assert admin_point_keys("Homs") == {"homs"}


def test_load_admin_points_reads_names_and_native_names(tmp_path: Path) -> None:
    folder = _states(tmp_path, "XC", [_state("Westmark", "55.0", "-115.0", native="Ouestmarc")])
    points = load_admin_points(folder)
    assert points[("XC", "westmark")] == ListedArea(55.0, -115.0, ("Westmark", "Ouestmarc"))
    assert points[("XC", "ouestmarc")] is points[("XC", "westmark")]


def test_load_admin_points_drops_a_key_two_areas_share(tmp_path: Path) -> None:
    records = [_state("North Province", "10.0", "20.0"), _state("North Region", "12.0", "22.0")]
    points = load_admin_points(_states(tmp_path, "XN", records))
    assert ("XN", "north") not in points
    assert (points[("XN", "north province")].lat, points[("XN", "north province")].lon) == (
        10.0,
        20.0,
    )


def test_load_admin_points_skips_records_without_coordinates(tmp_path: Path) -> None:
    records = [_state("Blankshire", "", ""), _state("Fullshire", "1.5", "2.5")]
    points = load_admin_points(_states(tmp_path, "XB", records))
    assert ("XB", "blankshire") not in points
    assert points[("XB", "fullshire")].names == ("Fullshire",)


def test_load_admin_points_is_empty_for_an_empty_folder(tmp_path: Path) -> None:
    assert load_admin_points(tmp_path) == {}


def test_listed_area_taken_inside_the_towns_extent() -> None:
    area = ListedArea(54.5, -115.0, ("Westmark",))
    assert listed_area({("XC", "westmark"): area}, "XC", "Westmark Province", PRAIRIE) is area


def test_listed_area_refused_far_outside_the_towns_extent() -> None:
    points = {("XC", "westmark"): ListedArea(40.0, -80.0, ("Westmark",))}
    assert listed_area(points, "XC", "Westmark", PRAIRIE) is None


def test_listed_area_needs_the_same_country() -> None:
    points = {("XD", "westmark"): ListedArea(52.0, -115.0, ("Westmark",))}
    assert listed_area(points, "XC", "Westmark", PRAIRIE) is None


def test_admin_point_keys_meet_transliterated_generic_words() -> None:
    assert "zhejiang" in admin_point_keys("Zhejiang Sheng")
    assert "guangxi" in admin_point_keys("Guangxi Zhuangzu Zizhiqu")


def test_quarter_degree_accepts_geonames_style_points() -> None:
    assert quarter_degree(ListedArea(55.00019, -97.00049, ("Eastmark",)))
    assert quarter_degree(ListedArea(44.50024, -90.25, ("Eastmark",)))


def test_quarter_degree_refuses_geocoder_points() -> None:
    assert not quarter_degree(ListedArea(55.5321257, -106.141224, ("Eastmark",)))


def test_at_town_spots_a_point_on_the_largest_town() -> None:
    area = ListedArea(40.7127, -74.0059, ("Harbour State",))
    assert at_town(area, (40.71427, -74.00597))
    assert not at_town(area, (42.65, -73.75))
