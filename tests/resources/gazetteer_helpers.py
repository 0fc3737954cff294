"""A small gazetteer for tests: countries, the curated aliases and the GeoNames fixture.

The fixture's places 9000001-9000007 and 9100001-9100002 are invented for the tests;
the others copy a few fields of real GeoNames rows (CC BY 4.0).
"""

from __future__ import annotations

from pathlib import Path

from eventwire.resources.gazetteer import build_gazetteer, import_geonames

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "geonames_mini.txt"


def build_small_gazetteer(folder: Path) -> Path:
    path = folder / "gazetteer-test.sqlite"
    build_gazetteer(path, cities=False)
    import_geonames(FIXTURE, path)
    return path
