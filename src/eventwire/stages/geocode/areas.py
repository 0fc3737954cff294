"""Countries and regions a text names: the document's area votes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventwire.resources.gazetteer import Gazetteer, Place, name_key

__all__ = ["text_areas"]

_CAPITALISED = re.compile(r"(?:[A-Z][\w'’.-]*\s?){1,4}")


def text_areas(gazetteer: Gazetteer, text: str) -> list[Place]:
    """Countries and admin1 areas named in the text (by name, demonym or abbreviation),
    unambiguous ones only: "Lebanese" and "Lebanon" vote for Lebanon, "Georgia" (a state
    and a country) votes for neither. Longest match first, left to right."""
    found: list[Place] = []
    first_words = gazetteer.area_first_words()
    memo: dict[str, str] = {}
    for match in _CAPITALISED.finditer(text):
        words = match.group().split()
        keys = [memo.get(word) or memo.setdefault(word, name_key(word)) for word in words]
        i = 0
        while i < len(words):
            size, place = (0, None)
            if keys[i].split(" ", 1)[0] in first_words:
                size, place = _area_at(gazetteer, words, keys, i)
            if place is not None:
                found.append(place)
            i += size or 1
    return found


def _area_at(
    gazetteer: Gazetteer, words: list[str], keys: list[str], i: int
) -> tuple[int, Place | None]:
    areas = gazetteer.areas()
    for size in range(min(3, len(words) - i), 0, -1):
        phrase = " ".join(words[i : i + size])
        places = areas.get(" ".join(k for k in keys[i : i + size] if k), ())
        if not places or len({p.country for p in places}) != 1 or not _plausible(phrase):
            continue
        place = _widest(places)
        if len({p.admin1_code for p in places}) > 1:
            place = replace(place, admin1_code="")  # a region name shared within a country
        if size == 1 and i + 1 < len(words) and place.name == phrase:
            return size, None  # "Jordan Smith", "Chad Harris": a first name
        if place.feature in ("country", "admin2") or _only_area(gazetteer, phrase, place):
            return size, place
        return size, None
    return 0, None


def _plausible(phrase: str) -> bool:
    letters = phrase.replace(".", "")
    return len(letters) >= 4 or letters.isupper() or phrase.endswith(".")


def _widest(places: Sequence[Place]) -> Place:
    order = {"country": 0, "admin1": 1, "admin2": 2}
    return min(places, key=lambda p: order.get(p.feature, 2))


def _only_area(gazetteer: Gazetteer, phrase: str, area: Place) -> bool:
    """A region's name votes only when no sizeable town elsewhere shares it ("Mary" is a
    province of Turkmenistan, and a first name; "Washington" is also a city)."""
    return not any(
        c.place.feature == "city"
        and c.place.population >= 20_000
        and (c.place.country, c.place.admin1_code) != (area.country, area.admin1_code)
        for c in gazetteer.candidates(phrase)
    )
