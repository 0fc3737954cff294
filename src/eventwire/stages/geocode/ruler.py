"""Gazetteer names for spaCy's entity ruler, so places are recognised consistently.

spaCy's small model labels "Qusayr" a person or an organisation about half the time.
`add_place_ruler(nlp, gazetteer)` adds two entity rulers of phrase patterns. Before the
statistical NER, whose choices it overrides: every country, continent and conflict
region, admin1 areas, every town of the `focus` countries and every curated spelling of
`places_aliases.v1.csv` (Qusseir, al-Qseir, Jobar, Khan al-Assal). After the NER, only
filling gaps it left: the other countries' towns of at least `min_population`.
"""

from __future__ import annotations

import csv
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eventwire.resources.gazetteer import ALIASES_PATH, Gazetteer

__all__ = [
    "RULER_NAME",
    "WORLD_RULER_NAME",
    "add_place_ruler",
    "place_names",
    "place_patterns",
    "written_forms",
]

RULER_NAME = "place_ruler"
WORLD_RULER_NAME = "place_ruler_world"
FOCUS_COUNTRIES = ("SY", "LB", "IQ", "JO", "TR", "IL", "PS", "YE", "LY", "AF", "UA")
_DOTLESS = str.maketrans({"ı": "i", "İ": "I"})
_LOC_FEATURES = frozenset({"continent", "area", "region"})
_CORE_SQL = """
SELECT DISTINCT name, feature FROM places
WHERE feature IN ('continent', 'country', 'area', 'region', 'district')
   OR (feature IN ('city', 'admin1') AND country IN ({focus}))
"""
_WORLD_SQL = """
SELECT DISTINCT name, feature FROM places
WHERE ((feature = 'city' AND population >= ?) OR feature = 'admin1')
  AND country NOT IN ({focus})
"""


def place_names(
    gazetteer_path: Path,
    *,
    world: bool = False,
    min_population: int = 15_000,
    focus: Iterable[str] = FOCUS_COUNTRIES,
    aliases: Path = ALIASES_PATH,
) -> Iterator[tuple[str, str]]:
    """(name as written, GPE or LOC). The core set: countries, continents, conflict
    regions, every town and admin1 area of the `focus` countries and the curated
    spellings; `world=True`: the other countries' admin1 areas (Washington, Georgia,
    Victoria are also people) and towns of `min_population` or more."""
    countries = tuple(focus)
    marks = ",".join("?" * len(countries)) or "''"
    sql = (_WORLD_SQL if world else _CORE_SQL).format(focus=marks)
    args = (min_population, *countries) if world else countries
    with sqlite3.connect(f"file:{gazetteer_path}?mode=ro", uri=True) as db:
        for name, feature in db.execute(sql, args):
            label = "LOC" if feature in _LOC_FEATURES else "GPE"
            yield from ((variant, label) for variant in written_forms(str(name)))
    if not world:
        yield from _alias_names(aliases)


_ARTICLE = re.compile(r"^(?:Al|El|Ad|As|Ash|Ar|An|Az|At|Ath|Adh)[ -](?=[A-Z])")


def written_forms(name: str) -> list[str]:
    """The name, without diacritics (Al Quşayr -> Al Qusayr), and without a leading
    Arabic article (Qusayr), as the news writes it."""
    folded = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", name.translate(_DOTLESS))
        if not unicodedata.combining(ch)
    )
    forms = dict.fromkeys([name, folded, _ARTICLE.sub("", folded)])
    return [form for form in forms if form]


def _alias_names(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(row for row in handle if not row.startswith("#")):
            label = "LOC" if record["feature"] in _LOC_FEATURES else "GPE"
            for name in [record["name"], *(record.get("variants") or "").split("|")]:
                if name.strip() and not _is_abbreviation(name):
                    yield name.strip(), label


def _is_abbreviation(name: str) -> bool:
    """ "Ga.", "Va.", "L.A.": left to the NER, which sees their context."""
    return "." in name


@contextmanager
def _plain_names_split(nlp: Any) -> Iterator[None]:
    """While patterns are added, a name of plain words (letters only, one space apart, none
    a tokenizer special case such as "Cannot") is split at its spaces, which is what the
    tokenizer would do after trying its affix rules; other names go through the tokenizer.
    Nineteen names in twenty are plain, so the rulers build in a fraction of the time."""
    from spacy.tokens import Doc

    tokenizer, special = nlp.tokenizer, frozenset(nlp.tokenizer.rules or ())

    def split(name: str) -> Any:
        words = name.split(" ")
        if all(word.isalpha() and word not in special for word in words):
            return Doc(nlp.vocab, words=words)
        return tokenizer(name)

    nlp.tokenizer = split
    try:
        yield
    finally:
        nlp.tokenizer = tokenizer


def place_patterns(
    names: Iterable[tuple[str, str]], stop_words: frozenset[str] = frozenset()
) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns, one per distinct (name, label). Phrase patterns are
    case-sensitive, so "Mobile" never matches "mobile"; names must start with a capital or
    a lower-case article (al-Qseir); stop words ("Most", a Czech town) and names under
    three letters are left out."""
    seen: set[tuple[str, str]] = set()
    patterns = []
    for name, label in names:
        capitalised = name[0].isupper() or _ARTICLE.match(name[0].upper() + name[1:]) is not None
        skip = len(name) < 3 or not capitalised or name.lower() in stop_words
        if skip or (name, label) in seen:
            continue
        seen.add((name, label))
        patterns.append({"label": label, "pattern": name})
    return patterns


def add_place_ruler(nlp: Any, gazetteer: Gazetteer, **options: Any) -> tuple[Any, Any]:
    """Add two entity rulers to a spaCy pipeline: the core names before its "ner" (they
    win: Qusayr is a place, whatever the model thinks), the world's towns after it (they
    only fill gaps: "Paris Hilton" stays a person). Returns both rulers."""
    path = gazetteer.ensure()
    stop_words = frozenset(getattr(nlp.Defaults, "stop_words", ()))
    has_ner = "ner" in nlp.pipe_names
    core = nlp.add_pipe("entity_ruler", name=RULER_NAME, **({"before": "ner"} if has_ner else {}))
    world = nlp.add_pipe("entity_ruler", name=WORLD_RULER_NAME)
    # Patterns are tokenised with every component disabled: only the tokenizer runs
    # (seconds, not the half minute it takes through the tagger and parser).
    with nlp.select_pipes(disable=nlp.pipe_names), _plain_names_split(nlp):
        core.add_patterns(place_patterns(place_names(path, **options), stop_words))
        world.add_patterns(place_patterns(place_names(path, world=True, **options), stop_words))
    return core, world
