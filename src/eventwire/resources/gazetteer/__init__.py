"""The offline gazetteer: build, normalise, query, and import GeoNames dumps."""

from __future__ import annotations

from eventwire.resources.gazetteer.build import (
    ALIASES_PATH,
    GAZETTEER_VERSION,
    build_gazetteer,
)
from eventwire.resources.gazetteer.geonames import import_geonames
from eventwire.resources.gazetteer.normalize import name_key, skeleton, strip_accents
from eventwire.resources.gazetteer.query import (
    Candidate,
    Gazetteer,
    Place,
    default_gazetteer_path,
)

__all__ = [
    "ALIASES_PATH",
    "GAZETTEER_VERSION",
    "Candidate",
    "Gazetteer",
    "Place",
    "build_gazetteer",
    "default_gazetteer_path",
    "import_geonames",
    "name_key",
    "skeleton",
    "strip_accents",
]
