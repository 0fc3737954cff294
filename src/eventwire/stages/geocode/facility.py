"""Named facilities the gazetteer lacks (airports, hospitals, churches, parks, squares):
placed in the town of their document, with precision 2.

A building or park named in a news story is almost always in or near the town the story
is about, and the bundled gazetteer has towns, not buildings. So a facility name that
found no place is given the town named at its start when the document supports that
town ("Homs Clock Tower" -> Homs; "Damascus-Mezzeh Military Airport" -> Damascus), else
the town the document names most often. Without a town in the document it stays
unresolved. Remote facilities (national parks and forests) are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from eventwire.resources.gazetteer import Place, name_key
from eventwire.stages.geocode.model import PlaceContext, Resolution

__all__ = [
    "FACILITY_PRECISION",
    "TownLookup",
    "facility_words",
    "is_facility",
    "main_town",
    "place_facilities",
]

FACILITY_PRECISION = 2  # in or near the town: ACLED's "near a place"
_TOWNS = frozenset({"city", "district"})

# Words that make a name a facility's: buildings and grounds a story is set in.
_FACILITY = re.compile(
    r"\b(?:airports?|airfield|aerodrome|hospitals?|clinic|infirmary|medical cent(?:er|re)"
    r"|church|cathedral|chapel|basilica|mosque|synagogue|temple|monastery|convent"
    r"|stadium|stade|arena|ballpark|gallery|museum|university|college|school|academy"
    r"|library|hotel|prison|jail|penitentiary|courthouse|station|terminal|bridge|square"
    r"|street|avenue|boulevard|plaza|mall|market|palace|castle|tower|cent(?:er|re)|hall"
    r"|theat(?:er|re)|cemetery|embassy|consulate|barracks|base|fort|zoo|park|pier"
    r"|harbou?r|marina)\b",
    re.IGNORECASE,
)
_REMOTE = re.compile(
    r"\bnational\s+(?:park|forest|monument|seashore|lakeshore|wildlife|recreation)\b"
    r"|\bstate\s+(?:park|forest)\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[\s\-–—/]+")

TownLookup = Callable[[str, PlaceContext], Place | None]


def is_facility(name: str) -> bool:
    """Whether the name is a building's or ground's ("St. Elm's Cathedral", "Velmora
    Park"), not a remote one's ("Velmora National Park")."""
    return bool(_FACILITY.search(name)) and not _REMOTE.search(name)


def facility_words(name: str) -> list[str]:
    """The words before the first facility word: where a town's name may stand
    ("Homs Clock Tower" -> ["Homs", "Clock"])."""
    match = _FACILITY.search(name)
    head = name[: match.start()] if match else name
    return [w for w in _WORDS.split(head) if w]


def main_town(resolutions: Sequence[Resolution]) -> Place | None:
    """The town (or district) the document names most often; the first named on a tie."""
    counts: Counter[int] = Counter()
    first: dict[int, Place] = {}
    for res in resolutions:
        place = res.place
        if place is not None and place.feature in _TOWNS:
            counts[place.place_id] += 1
            first.setdefault(place.place_id, place)
    if not counts:
        return None
    best = max(first, key=lambda pid: counts[pid])  # dicts keep order: first wins ties
    return first[best]


def _town_in_name(name: str, context: PlaceContext, town_named: TownLookup) -> Place | None:
    words = facility_words(name)
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        if len(name_key(phrase)) < 3:
            continue
        place = town_named(phrase, context)
        if place is not None:
            return place
    return None


def place_facilities(
    resolutions: list[Resolution], context: PlaceContext, town_named: TownLookup
) -> list[Resolution]:
    """The resolutions with each unresolved facility placed in a town of the document
    (see the module doc); `town_named(words, context)` returns the town those words name
    when the document supports it, else None."""
    town = main_town(resolutions)
    placed: dict[str, Resolution] = {}
    results = []
    for res in resolutions:
        name = res.toponym.name
        if res.place is not None or not is_facility(name):
            results.append(res)
            continue
        key = name_key(name)
        if key not in placed:
            found = _town_in_name(name, context, town_named) or town
            placed[key] = (
                res
                if found is None
                else Resolution(res.toponym, found, FACILITY_PRECISION, 0.0, None)
            )
        results.append(replace(placed[key], toponym=res.toponym))
    return results
