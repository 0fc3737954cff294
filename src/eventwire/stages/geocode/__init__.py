"""Toponym resolution: place names -> gazetteer places, with context and ACLED precision.

Pure functions over an injected `Gazetteer`. The steps, for one document:
1. `document_context` counts the countries and admin1 areas the document names (country
   and region names, demonyms) and the confident readings of its other place names;
2. `rank_candidates` scores each gazetteer candidate: how the name matched (exact >
   alternate > fuzzy, so a fuzzy match never beats an exact one), feature type and
   population, and agreement with the context (leave-one-out: a name never votes for
   itself);
3. `resolve_place` returns the best candidate with its precision, or no place and a
   reason when unsure: never a country centroid in place of a town;
4. `place_facilities` puts a named facility the gazetteer lacks (a hospital, an airport)
   in the town its name starts with, or the one town its sentence names, with precision
   2; otherwise it stays unresolved, with the reason.

Modules: `model` (records, constants), `areas` (countries and regions a text names),
`resolve` (scoring and resolution), `facility` (named facilities), `location` (an
event's place), `ruler` (gazetteer names for spaCy's entity ruler).
"""

from __future__ import annotations

from eventwire.stages.geocode.areas import text_areas
from eventwire.stages.geocode.location import choose_event_place
from eventwire.stages.geocode.model import (
    EMPTY_CONTEXT,
    NAME,
    PRECISION,
    PlaceContext,
    Resolution,
    Toponym,
)
from eventwire.stages.geocode.resolve import (
    distance_km,
    document_context,
    expand_abbreviations,
    geo_precision,
    rank_candidates,
    resolve_document,
    resolve_place,
)
from eventwire.stages.geocode.ruler import (
    add_place_ruler,
    place_names,
    place_patterns,
    written_forms,
)

__all__ = [
    "EMPTY_CONTEXT",
    "NAME",
    "PRECISION",
    "PlaceContext",
    "Resolution",
    "Toponym",
    "add_place_ruler",
    "choose_event_place",
    "distance_km",
    "document_context",
    "expand_abbreviations",
    "geo_precision",
    "place_names",
    "place_patterns",
    "rank_candidates",
    "resolve_document",
    "resolve_place",
    "text_areas",
    "written_forms",
]
