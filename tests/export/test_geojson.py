"""GeoJSON FeatureCollection (RFC 7946)."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from eventwire.export.geojson import write_geojson
from tests.export.samples import UNPLACED, event


def collection(rows: list[dict[str, object]]) -> tuple[Any, int, int]:
    out = io.StringIO()
    count = write_geojson(rows, out)
    return json.loads(out.getvalue()), count.written, count.skipped


def assert_valid_feature(feature: Any) -> None:
    assert feature["type"] == "Feature"
    geometry = feature["geometry"]
    assert isinstance(geometry, dict) and geometry["type"] == "Point"
    longitude, latitude = geometry["coordinates"]
    assert -180 <= longitude <= 180 and -90 <= latitude <= 90
    assert isinstance(feature["properties"], dict)


def test_write_geojson_points_are_lon_lat() -> None:
    found, written, skipped = collection([event()])
    assert found["type"] == "FeatureCollection" and (written, skipped) == (1, 0)
    (feature,) = found["features"]
    assert_valid_feature(feature)
    assert feature["geometry"]["coordinates"] == [36.55, 34.5]
    assert feature["id"] == "e1"


def test_write_geojson_properties_keep_claims_and_reports() -> None:
    found, _, _ = collection([event()])
    properties = found["features"][0]["properties"]
    assert properties == event()
    assert properties["claims"][0]["claimant"] == "a military source"


def test_write_geojson_leaves_out_and_counts_unplaced() -> None:
    rows = [event(), UNPLACED, event(event_id="e3", latitude=91.0), event(event_id="e4")]
    found, written, skipped = collection(rows)
    assert (written, skipped) == (2, 2)
    assert [feature["id"] for feature in found["features"]] == ["e1", "e4"]
    for feature in found["features"]:
        assert_valid_feature(feature)


def test_write_geojson_empty_collection() -> None:
    found, written, skipped = collection([UNPLACED])
    assert found == {"type": "FeatureCollection", "features": []}
    assert (written, skipped) == (0, 1)


@given(st.lists(st.tuples(st.floats(), st.floats()), max_size=8))
def test_write_geojson_any_coordinates_valid_document(points: list[tuple[float, float]]) -> None:
    rows = [
        event(event_id=f"e{n}", latitude=lat, longitude=lon) for n, (lat, lon) in enumerate(points)
    ]
    found, written, skipped = collection(rows)
    assert written + skipped == len(points) == len(found["features"]) + skipped
    for feature in found["features"]:
        assert_valid_feature(feature)
        longitude, latitude = feature["geometry"]["coordinates"]
        assert [latitude, longitude] == [
            feature["properties"]["latitude"],
            feature["properties"]["longitude"],
        ]
