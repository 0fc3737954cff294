"""Named facilities the gazetteer lacks (airports, hospitals, churches, parks, squares):
placed in a town with precision 2 only when the text says which town.

The bundled gazetteer has towns, not buildings. A facility name that found no place is
given the town named at its start when the document supports that town ("Homs Clock
Tower" -> Homs; "Damascus-Mezzeh Military Airport" -> Damascus), else the town named on
its own in the facility's sentence ("an air strike on Mujtahid Hospital in Damascus").
Otherwise it stays unresolved with a reason: the story's main town is no evidence (a
foreign "... Air Base" in a Syria story is not in Damascus), and neither is a sentence
naming several towns. Remote facilities (national parks and forests) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from eventwire.resources.gazetteer import Place, name_key
from eventwire.stages.geocode.model import PlaceContext, Resolution

__all__ = [
    "FACILITY_PRECISION",
    "TownLookup",
    "facility_words",
    "is_facility",
    "place_facilities",
    "sentence_of",
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
# A sentence ends at . ! or ? (and closing quotes) before a space, or at a line break;
# not after an initial ("U.S.", "J.") or the short words place names and titles abbreviate.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n")
_ABBREVIATED = re.compile(r"(?<!\w)(?:[A-Z]|St|Mt|Ft|Mr|Mrs|Ms|Dr|Gen|Gov|Sen|Rep|No)\.$")
_NO_TOWN = "a facility the gazetteer lacks, with no town in its name or its sentence"

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


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) offsets of the sentence around text[start:end]."""
    first, last = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        stop = match.start()
        if match.group() != "\n" and _ABBREVIATED.search(text, max(0, stop - 3), stop + 1):
            continue
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = stop + len(match.group().rstrip())
            break
    return first, last


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


def _towns_in_sentences(
    mentions: Sequence[Resolution], resolutions: Sequence[Resolution], text: str
) -> list[Place]:
    """The distinct towns (or districts) named on their own, and resolved, in the
    sentences where the facility is named (first named first)."""
    towns: dict[int, Place] = {}
    for mention in mentions:
        if not text or not mention.toponym.end:
            continue
        start, end = sentence_of(text, mention.toponym.start, mention.toponym.end)
        for res in resolutions:
            topo, place = res.toponym, res.place
            if place is None or place.feature not in _TOWNS or not topo.end:
                continue
            if topo.start < end and topo.end > start:
                towns.setdefault(place.place_id, place)
    return list(towns.values())


def _place_one(
    mentions: Sequence[Resolution],
    resolutions: Sequence[Resolution],
    context: PlaceContext,
    town_named: TownLookup,
    text: str,
) -> Resolution:
    first = mentions[0]
    found = _town_in_name(first.toponym.name, context, town_named)
    if found is None:
        towns = _towns_in_sentences(mentions, resolutions, text)
        if len(towns) > 1:
            named = ", ".join(t.name for t in towns[:3])
            reason = f"a facility the gazetteer lacks; its sentences name several towns ({named})"
            return Resolution(first.toponym, None, reason=reason)
        if not towns:
            return Resolution(first.toponym, None, reason=_NO_TOWN)
        found = towns[0]
    return Resolution(first.toponym, found, FACILITY_PRECISION, 0.0, None)


def place_facilities(
    resolutions: list[Resolution],
    context: PlaceContext,
    town_named: TownLookup,
    text: str = "",
) -> list[Resolution]:
    """The resolutions with each unresolved facility placed in a town (see the module
    doc): the town at the start of its name, which `town_named(words, context)` returns
    when the document supports it (else None), or else the one town resolved on its own
    in the sentences of `text` where the facility is named (all mentions of one name get
    the same answer). Without `text` only the first rule applies."""
    mentions: dict[str, list[Resolution]] = {}
    for res in resolutions:
        if res.place is None and is_facility(res.toponym.name):
            mentions.setdefault(name_key(res.toponym.name), []).append(res)
    placed = {
        key: _place_one(found, resolutions, context, town_named, text)
        for key, found in mentions.items()
    }
    results = []
    for res in resolutions:
        key = name_key(res.toponym.name)
        if res.place is None and key in placed:
            res = replace(placed[key], toponym=res.toponym)
        results.append(res)
    return results
