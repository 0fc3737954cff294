"""Scoring, disambiguation and precision: one document's place names -> places."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from eventwire.resources.gazetteer import Candidate, Gazetteer, Place, name_key
from eventwire.stages.geocode.areas import text_areas
from eventwire.stages.geocode.facility import TownLookup, place_facilities
from eventwire.stages.geocode.model import (
    _AREAS,
    _LOCAL,
    EMPTY_CONTEXT,
    PRECISION,
    PlaceContext,
    Resolution,
    Toponym,
    _cell,
)

__all__ = [
    "distance_km",
    "document_context",
    "expand_abbreviations",
    "geo_precision",
    "rank_candidates",
    "resolve_document",
    "resolve_place",
]

MATCH_SCORE = {"exact": 3.0, "alias": 3.0, "alternate": 2.6, "demonym": 2.6, "part": 2.6}
SHADOWED_ALTERNATE = -1.5  # an alternate name of one place that is another's own name
SHADOWED_AREA = -1.5  # an admin area named like its country's capital (Washington state)
FUZZY_BASE = 1.0  # + similarity (<= 1): always below an exact or alternate match
COUNTRY_PRIOR = 3.2  # a name that is a country's name means the country
ADMIN1_BONUS = 0.5  # over a town of the same population: a region is named more
POPULATION_SCALE = 2.5  # prior = log10(population + 1) / scale
CONTEXT_COUNTRY = 2.5
CONTEXT_NEIGHBOUR = 0.8
CONTEXT_ADMIN1 = 1.5
CONTEXT_NEARBY = 1.0  # per other name of the document with a candidate nearby (max 3)
COHERENCE_MARGIN = 1.0
COHERENCE_CANDIDATES = 15  # per name, by prior, for the nearby test
AMBIGUOUS_MARGIN = 0.05
_TOWNS = frozenset({"city", "district"})
SMALL_TOWN = 100_000  # a town below this named like a state elsewhere yields to the state

_NEAR = re.compile(
    r"\b(near|nearby|outside|around|close to|edge of|outskirts of|vicinity of|suburbs? of|"
    r"countryside of|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?ern)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|province|governorate)\s+of\s+)?$",
    re.IGNORECASE,
)
_ADMIN_WORDS = re.compile(
    r"\b(province|governorate|governate|region|state|oblast|prefecture|muhafazat|district)\b",
    re.IGNORECASE,
)
_TOWN_WORDS = re.compile(
    r"^(?:the\s+)?(?:city|town|village|port)\s+of\s+|\s+(?:city|town|village|port)$",
    re.IGNORECASE,
)
# Abbreviations of generic words in place names, expanded when the name as written is
# not in the gazetteer ("Platte Co." -> "Platte County", "Ft. Worth" -> "Fort Worth").
_ABBREVIATIONS = (
    (re.compile(r"\s+Co\.?$", re.IGNORECASE), " County"),
    (re.compile(r"\s+Twp\.?$", re.IGNORECASE), " Township"),
    (re.compile(r"^Mt\.?\s+", re.IGNORECASE), "Mount "),
    (re.compile(r"^Ft\.?\s+", re.IGNORECASE), "Fort "),
)
# Words for the people of a place: suffix, and the endings that may replace it to give
# the place's name (Californian -> California, Ohioan -> Ohio, Texan -> Texas, Floridian ->
# Florida, Parisian -> Paris, New Yorker -> New York).
_PEOPLE_SUFFIXES = (
    ("ians", ("", "a")),
    ("ans", ("", "a", "as")),
    ("ers", ("",)),
    ("ian", ("", "a")),
    ("an", ("", "a", "as")),
    ("er", ("",)),
)
_TOWNSHIP = re.compile(r"\s+Township$", re.IGNORECASE)
_PART_OF = re.compile(
    r"^(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|upper|lower|"
    r"greater|downtown|outer|inner|rural)\s+(.+?)(?:\s+(?:area|region|countryside))?$",
    re.IGNORECASE,
)


# --- scoring ---------------------------------------------------------------------------


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _prior(place: Place) -> float:
    if place.feature == "country":  # + a little for size: "French" is France
        return COUNTRY_PRIOR + math.log10(place.population + 1) / 20
    if place.feature == "admin1":
        return min(
            ADMIN1_BONUS + math.log10(place.population + 1) / POPULATION_SCALE, COUNTRY_PRIOR
        )
    return min(math.log10(place.population + 1) / POPULATION_SCALE, COUNTRY_PRIOR - 0.2)


def _context_score(place: Place, context: PlaceContext, gazetteer: Gazetteer, key: str) -> float:
    own = context.country_weight(place.country)
    near = context.neighbour_weight(place.country, gazetteer)
    admin1 = context.admin1_weight(place.country, place.admin1_code)
    if place.feature == "country":
        admin1 = 0.0
    nearby = 0.0
    if context.cells and place.feature in _LOCAL:
        nearby = CONTEXT_NEARBY * min(context.names_nearby(place, key), 3)
    return CONTEXT_COUNTRY * own + CONTEXT_NEIGHBOUR * near + CONTEXT_ADMIN1 * admin1 + nearby


def _match_score(cand: Candidate) -> float:
    if cand.match == "fuzzy":
        return FUZZY_BASE + cand.similarity
    return MATCH_SCORE[cand.match]


def rank_candidates(
    gazetteer: Gazetteer,
    candidates: Sequence[Candidate],
    context: PlaceContext,
    key: str = "",
) -> list[tuple[float, Candidate]]:
    """Candidates with their scores, best first (ties broken by population, then id).
    `key` is the name's own key, so that it is not its own neighbour."""
    named = any(c.match in ("exact", "alias") for c in candidates)
    capitals = _named_capitals(candidates)
    with_context = bool(context.countries or context.cells)
    scored = []
    for cand in candidates:
        score = _match_score(cand) + _prior(cand.place)
        if named and cand.match == "alternate" and cand.place.feature not in _AREAS:
            score += SHADOWED_ALTERNATE
        if cand.place.country in capitals and cand.place.feature in ("admin1", "admin2"):
            score += SHADOWED_AREA
        if with_context:
            score += _context_score(cand.place, context, gazetteer, key)
        scored.append((score, cand))
    scored.sort(key=lambda sc: (-sc[0], -sc[1].place.population, sc[1].place.place_id))
    return scored


def _named_capitals(candidates: Sequence[Candidate]) -> frozenset[str]:
    """Countries whose capital the name is (exact or curated): an admin area of the same
    country and name elsewhere ranks below it unless the document points to the area
    (Washington is the capital, not Washington state, unless the story is in Seattle)."""
    return frozenset(
        c.place.country for c in candidates if c.place.capital and c.match in ("exact", "alias")
    )


def _prefer_towns(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Drop an admin area when a town of the same name lies inside it (Aleppo city, not
    Aleppo governorate): the bare name of a capital means the town."""
    towns = {
        (c.place.country, c.place.admin1_code)
        for c in candidates
        if c.place.feature in ("city", "district") and c.match in ("exact", "alias")
    }
    return [
        c
        for c in candidates
        if c.place.feature not in ("admin1", "admin2")
        or (c.place.country, c.place.admin1_code) not in towns
    ]


def _prefer_areas(candidates: list[Candidate]) -> list[Candidate]:
    """Drop small towns named after a country or a state elsewhere (Russia, Ohio;
    Florida, New York): the bare name means the area. A town inside the area it is named
    after stays (Aleppo, Quebec: see `_prefer_towns`). Counties named after a state or
    a country are dropped when found by their bare name ("Iowa" is the state, not Iowa
    County, Wisconsin, which is written out in full)."""
    areas = [
        c.place
        for c in candidates
        if c.place.feature in ("country", "admin1") and c.match in ("exact", "alias")
    ]
    if not areas:
        return candidates
    return [
        c
        for c in candidates
        if not _named_after(c.place, areas)
        and not (c.place.feature == "admin2" and c.match == "alternate")
    ]


def _named_after(place: Place, areas: list[Place]) -> bool:
    if place.feature != "city" or place.population >= SMALL_TOWN:
        return False
    return any(_elsewhere(place, area) for area in areas)


def _elsewhere(place: Place, area: Place) -> bool:
    if area.feature == "country":
        return area.country != place.country
    return area.country == place.country and area.admin1_code != place.admin1_code


def _lookup_uncached(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """Candidates for a name; a generic word ("Homs Province", "the town of Qusayr")
    narrows the feature type and is retried without the word when nothing matched; a
    part of a place ("northern Aleppo", "South Los Angeles") yields the place (match
    "part", precision at least 2)."""
    clean = re.sub(r"^the\s+|['’]s$", "", name.strip(), flags=re.IGNORECASE)
    if _ADMIN_WORDS.search(clean):
        return _admin_named(gazetteer, clean)
    candidates = list(gazetteer.candidates(clean))
    if not candidates:
        candidates = _abbreviated(gazetteer, clean)
    if all(c.match == "fuzzy" for c in candidates):
        candidates = _people_of(gazetteer, clean) or candidates
    if not candidates and _TOWN_WORDS.search(clean):
        bare = _TOWN_WORDS.sub("", clean)
        candidates = [c for c in gazetteer.candidates(bare) if c.place.feature == "city"]
    if not candidates and (part := _PART_OF.match(clean)):
        candidates = [replace(c, match="part") for c in _exact_only(gazetteer, part.group(1))]
    return _prefer_areas(_prefer_towns(candidates))


def _admin_named(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """ "Homs Province", "Kandahar district": the area without the generic word, else the
    name as written, else the town the area is named after (match "part": precision at
    least 2; a district or province is mostly named after its main town)."""
    bare = _ADMIN_WORDS.sub(" ", name)
    found = [c for c in gazetteer.candidates(bare) if c.place.feature != "city"]
    if not found:
        found = list(gazetteer.candidates(name))
    if not found:
        towns = [c for c in _exact_only(gazetteer, bare) if c.place.feature == "city"]
        found = [replace(c, match="part") for c in towns]
    return found


def _people_of(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """The states or towns whose people a word names ("Californians", "Ohioan", "Texans",
    "New Yorkers"; match "part"). Countries' demonyms are the gazetteer's own
    ("Lebanese"). Only asked when the name has no exact or alternate match."""
    lower = name.lower()
    for suffix, endings in _PEOPLE_SUFFIXES:
        stem = name[: -len(suffix)]
        if not lower.endswith(suffix) or len((stem.split() or [""])[-1]) < 3:
            continue  # "Asian" is no "As": a stem's last word must stay a word
        found = {
            c.place.place_id: replace(c, match="part")
            for ending in endings
            for c in _exact_only(gazetteer, stem + ending)
            if c.place.feature in ("admin1", "city")
        }
        if found:
            return list(found.values())
    return []


def expand_abbreviations(name: str) -> str:
    """The name with abbreviated generic words written out ("Loudoun Co." -> "Loudoun
    County", "Madison Twp." -> "Madison Township", "Mt. Lebanon" -> "Mount Lebanon")."""
    for pattern, full in _ABBREVIATIONS:
        name = pattern.sub(full, name)
    return name


def _abbreviated(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """Candidates for a name with abbreviations written out; a township the gazetteer
    lacks falls back to the town it is named after (match "part": precision 2)."""
    full = expand_abbreviations(name)
    found = list(gazetteer.candidates(full)) if full != name else []
    if not found and _TOWNSHIP.search(full):
        town = _TOWNSHIP.sub("", full)
        found = [
            replace(c, match="part")
            for c in _exact_only(gazetteer, town)
            if c.place.feature == "city"
        ]
    return found


def _exact_only(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    return [c for c in gazetteer.candidates(name) if c.match in ("exact", "alias")]


def _lookup(
    gazetteer: Gazetteer, name: str, memo: dict[str, list[Candidate]] | None = None
) -> list[Candidate]:
    """`_lookup_uncached`, remembered in `memo` (one document's) when given."""
    if memo is None:
        return _lookup_uncached(gazetteer, name)
    found = memo.get(name)
    if found is None:
        found = memo[name] = _lookup_uncached(gazetteer, name)
    return found


# --- resolution ------------------------------------------------------------------------


def _supported(place: Place, context: PlaceContext, key: str) -> bool:
    """A fuzzy match needs the document's country and its region or a nearby name."""
    if context.country_weight(place.country) == 0.0:
        return False
    return context.admin1_weight(place.country, place.admin1_code) > 0 or (
        context.names_nearby(place, key) > 0
    )


def geo_precision(place: Place, before: str = "") -> int:
    """ACLED geo precision: 1 town, 2 near a town or part of a region, 3 region only."""
    base = PRECISION.get(place.feature, 3)
    if base == 1 and _NEAR.search(before[-40:]):
        return 2
    return base


def _decide(
    name: str, ranked: list[tuple[float, Candidate]], context: PlaceContext
) -> tuple[Candidate | None, str | None]:
    if not ranked:
        return None, "not in the gazetteer"
    score, best = ranked[0]
    if best.match == "fuzzy" and not _supported(best.place, context, name_key(name)):
        return None, f"only a fuzzy match ({best.place.name}) without support in the document"
    if len(ranked) > 1:
        runner_score, runner = ranked[1]
        different = runner.place.country != best.place.country
        if different and score - runner_score < AMBIGUOUS_MARGIN:
            return (
                None,
                f"ambiguous: {best.place.name}, {best.place.country} or "
                f"{runner.place.name}, {runner.place.country}",
            )
    return best, None


def resolve_place(
    gazetteer: Gazetteer,
    toponym: Toponym | str,
    context: PlaceContext = EMPTY_CONTEXT,
    before: str = "",
) -> Resolution:
    """Resolve one place name in a context; `before` is the text just before the name."""
    topo = toponym if isinstance(toponym, Toponym) else Toponym(toponym)
    return _resolution(topo, _choose(gazetteer, topo.name, context, None), before)


Choice = tuple[Candidate | None, float, str | None]


def _choose(
    gazetteer: Gazetteer,
    name: str,
    context: PlaceContext,
    memo: dict[str, list[Candidate]] | None,
) -> Choice:
    ranked = rank_candidates(gazetteer, _lookup(gazetteer, name, memo), context, name_key(name))
    best, reason = _decide(name, ranked, context)
    return best, ranked[0][0] if best else 0.0, reason


def _resolution(topo: Toponym, choice: Choice, before: str) -> Resolution:
    best, score, reason = choice
    if best is None:
        return Resolution(topo, None, reason=reason)
    precision = geo_precision(best.place, before)
    if best.match == "part":
        precision = max(precision, 2)
    return Resolution(topo, best.place, precision, score)


def _first_readings(
    gazetteer: Gazetteer, toponyms: Sequence[Toponym], memo: dict[str, list[Candidate]]
) -> dict[str, Place | None]:
    """Each distinct name's reading without context, kept only when clear-cut."""
    readings: dict[str, Place | None] = {}
    for topo in toponyms:
        key = name_key(topo.name)
        if key in readings:
            continue
        ranked = rank_candidates(gazetteer, _lookup(gazetteer, topo.name, memo), EMPTY_CONTEXT)
        clear = len(ranked) == 1 or (len(ranked) > 1 and ranked[0][0] - ranked[1][0] >= 1.0)
        readings[key] = ranked[0][1].place if ranked and clear else None
    return readings


def document_context(
    gazetteer: Gazetteer,
    text: str,
    toponyms: Sequence[Toponym] = (),
    memo: dict[str, list[Candidate]] | None = None,
) -> tuple[PlaceContext, dict[str, Place | None]]:
    """The document's area votes, and the clear-cut readings they include (for
    leave-one-out)."""
    countries: Counter[str] = Counter()
    admin1: Counter[tuple[str, str]] = Counter()
    memo = {} if memo is None else memo
    readings = _first_readings(gazetteer, toponyms, memo)
    places = text_areas(gazetteer, text) + [p for p in readings.values() if p is not None]
    for place in places:
        if not place.country:
            continue
        countries[place.country] += 1
        if place.feature != "country" and place.admin1_code:
            admin1[(place.country, place.admin1_code)] += 1
    cells = _candidate_cells(gazetteer, toponyms, memo, readings)
    votes = {c: float(n) for c, n in countries.items()}
    areas = {a: float(n) for a, n in admin1.items()}
    return PlaceContext(votes, areas, cells), readings


def _candidate_cells(
    gazetteer: Gazetteer,
    toponyms: Sequence[Toponym],
    memo: dict[str, list[Candidate]],
    readings: dict[str, Place | None],
) -> dict[tuple[int, int], frozenset[str]]:
    """Grid cell -> names of the document with a local candidate there (coherence: the
    towns of one local story lie near each other). A name with a clear-cut reading adds
    only that place; an ambiguous one adds its candidates that score, without context,
    within COHERENCE_MARGIN of its best (Damascus, Ohio is too small to vote)."""
    cells: dict[tuple[int, int], set[str]] = {}
    for key, name in {name_key(t.name): t.name for t in toponyms}.items():
        clear = readings.get(key)
        if clear is not None:
            local = [clear] if clear.feature in _LOCAL else []
        else:
            ranked = rank_candidates(gazetteer, _lookup(gazetteer, name, memo), EMPTY_CONTEXT)
            floor = ranked[0][0] - COHERENCE_MARGIN if ranked else 0.0
            local = [c.place for sc, c in ranked if sc >= floor and c.place.feature in _LOCAL]
        for place in local[:COHERENCE_CANDIDATES]:
            cells.setdefault(_cell(place.lat, place.lon), set()).add(key)
    return {cell: frozenset(keys) for cell, keys in cells.items()}


def resolve_document(
    gazetteer: Gazetteer, text: str, toponyms: Sequence[Toponym]
) -> list[Resolution]:
    """Resolve every toponym of one document; an unresolvable name never blanks out the
    others (it gets its own `None` with a reason)."""
    memo: dict[str, list[Candidate]] = {}
    context, readings = document_context(gazetteer, text, toponyms, memo)
    choices: dict[str, Choice] = {}
    results = []
    for topo in toponyms:
        key = name_key(topo.name)
        if key not in choices:
            own = context.without(readings.get(key))
            choices[key] = _choose(gazetteer, topo.name, own, memo)
        before = text[max(0, topo.start - 40) : topo.start] if topo.end else ""
        results.append(_resolution(topo, choices[key], before))
    return place_facilities(results, context, _town_lookup(gazetteer, memo), text)


def _town_lookup(gazetteer: Gazetteer, memo: dict[str, list[Candidate]]) -> TownLookup:
    """For `place_facilities`: the town some words name (by its name or an alternate
    spelling: "Sednaya prison"; never a fuzzy match), if it lies in a country the
    document names (a "Geneva Hospital" in a story set in Syria is not in Geneva)."""

    def town_named(words: str, context: PlaceContext) -> Place | None:
        towns = [c for c in _lookup(gazetteer, words, memo) if c.place.feature in _TOWNS]
        towns = [c for c in towns if c.match in ("exact", "alias", "alternate")]
        ranked = rank_candidates(gazetteer, towns, context)
        if ranked and context.country_weight(ranked[0][1].place.country) > 0:
            return ranked[0][1].place
        return None

    return town_named
