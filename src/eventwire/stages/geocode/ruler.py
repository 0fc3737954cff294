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
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.resources.gazetteer import ALIASES_PATH, Gazetteer

__all__ = [
    "FEEDER_NAME",
    "RULER_NAME",
    "WORLD_RULER_NAME",
    "PlaceFeeder",
    "add_place_ruler",
    "place_names",
    "place_patterns",
    "plain_words",
    "written_forms",
]

RULER_NAME = "place_ruler"
WORLD_RULER_NAME = "place_ruler_world"
FEEDER_NAME = "place_ruler_feeder"
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


def plain_words(name: str, special: frozenset[str]) -> list[str] | None:
    """A name of plain words (letters only, one space apart, none a tokenizer special case
    such as "Cannot") as the tokenizer splits it: at its spaces. None for other names."""
    words = name.split(" ")
    if all(word.isalpha() and word not in special for word in words):
        return words
    return None


class PlaceFeeder:
    """Gives a ruler a plain name's pattern when the name's first word first appears in a
    document, before the rulers run on it (the feeder comes first in the pipeline).

    A pattern matches only where its first word is, so a ruler fed this way finds what it
    would find holding every pattern from the start; but a run makes the patterns of the
    names whose first word it meets, not of all the gazetteer's (most of the setup). A
    ruler called on its own, outside the pipeline, has only what it was given so far:
    `feed_all()` first. Documents of one pipeline in several threads are fed one at a
    time, so no ruler runs on a document before its patterns are in."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.pending: dict[str, list[tuple[Any, str, list[str]]]] = {}
        self._lock = threading.Lock()

    def hold(self, ruler: Any, label: str, words: list[str]) -> None:
        self.pending.setdefault(words[0], []).append((ruler, label, words))

    def __call__(self, doc: Any) -> Any:
        with self._lock:
            if self.pending:
                self._give(token.text for token in doc)
        return doc

    def feed_all(self) -> None:
        """Give the rulers every pattern still held."""
        with self._lock:
            self._give(list(self.pending))

    def _give(self, words: Iterable[str]) -> None:
        from spacy.tokens import Doc

        for word in words:
            for ruler, label, name in self.pending.pop(word, ()):
                spaces = [True] * (len(name) - 1) + [False]  # the tokenizer's Doc of the name
                pattern = Doc(self.vocab, words=name, spaces=spaces)
                # filed as `EntityRuler.add_patterns` files a phrase pattern
                ruler.phrase_patterns[label].append(pattern)
                ruler.phrase_matcher.add(label, [pattern])


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
    only fill gaps: "Paris Hilton" stays a person). Returns both rulers.

    Names of plain words reach the rulers through a `PlaceFeeder` put first in the
    pipeline, as documents need them; the others (hyphens, apostrophes, dots) are
    tokenised now. Call the feeder's `feed_all()` to have complete rulers at once."""
    from spacy.language import Language

    path = gazetteer.ensure()
    stop_words = frozenset(getattr(nlp.Defaults, "stop_words", ()))
    special = frozenset(nlp.tokenizer.rules or ())
    has_ner = "ner" in nlp.pipe_names
    core = nlp.add_pipe("entity_ruler", name=RULER_NAME, **({"before": "ner"} if has_ner else {}))
    world = nlp.add_pipe("entity_ruler", name=WORLD_RULER_NAME)
    if not Language.has_factory(FEEDER_NAME):
        Language.factory(FEEDER_NAME, func=_make_feeder)
    feeder = nlp.add_pipe(FEEDER_NAME, first=True)
    for ruler, world_names in ((core, False), (world, True)):
        patterns = place_patterns(place_names(path, world=world_names, **options), stop_words)
        plain = [(pattern, plain_words(pattern["pattern"], special)) for pattern in patterns]
        now = [pattern for pattern, words in plain if words is None]
        if not now and plain:
            now.append(plain.pop(0)[0])  # spaCy warns about a ruler without patterns
        for pattern, words in plain:
            if words is not None:
                feeder.hold(ruler, pattern["label"], words)
        # tokenised with every component disabled: only the tokenizer runs
        with nlp.select_pipes(disable=nlp.pipe_names):
            ruler.add_patterns(now)
    return core, world


def _make_feeder(nlp: Any, name: str) -> PlaceFeeder:
    return PlaceFeeder(nlp.vocab)
