"""The figures lexicon (`resources/figures.v3.json`), loaded once into compiled patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from eventwire.resources import read_json

__all__ = ["LEXICON_FILE", "FigureLexicon", "alternation", "load_lexicon"]

LEXICON_FILE = "figures.v3.json"

KINDS = (
    "killed",
    "injured",
    "captured",
    "surrendered",
    "deserted",
    "arrested",
    "missing",
    "displaced",
    "weapons_seized",
    "other",
)


def alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of phrases, spaces matching any whitespace.

    Built as a prefix tree ("kill(?:ed|ing)"), which the regex engine scans several times
    faster than a flat list; a longer phrase is tried before its prefix, as "longest
    first" would.
    """
    trie: _Trie = {}
    for phrase in set(phrases):
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


_Trie = dict[str, "_Trie"]


def _branches(node: _Trie) -> str:
    branches = [_atom(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _atom(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


@dataclass(frozen=True, slots=True)
class FigureLexicon:
    """Word lists of the figures lexicon; immutable, so safe to share between workers."""

    vague: dict[str, tuple[int, int]]
    unquantified: tuple[str, ...]
    modifiers: dict[str, tuple[str, ...]]
    bands: dict[str, float]
    units: tuple[str, ...]
    tens: dict[str, int]
    scales: dict[str, int]
    dozen: int
    money_words: frozenset[str]
    year_words: frozenset[str]
    passive: dict[str, tuple[str, ...]]
    active: dict[str, tuple[str, ...]]
    nouns: dict[str, tuple[str, ...]]
    weapon_nouns: frozenset[str]
    person_singular: tuple[str, ...]
    person_plural: tuple[str, ...]
    time_units: frozenset[str]
    aggregate_markers: tuple[str, ...]
    multiples: dict[str, int]
    multiple_nouns: tuple[str, ...]
    months: frozenset[str]
    weekdays: tuple[str, ...]
    subject_stopwords: tuple[str, ...]
    not_a_hit_after: dict[str, tuple[str, ...]]

    @property
    def active_phrases(self) -> frozenset[str]:
        """Every active-voice verb phrase, of any kind."""
        return frozenset(phrase for phrases in self.active.values() for phrase in phrases)

    def modifier_of(self, phrase: str) -> str:
        """The modifier class ("below", "at_least", ...) of a modifier phrase."""
        norm = " ".join(phrase.lower().split())
        for name, phrases in self.modifiers.items():
            if norm in phrases:
                return name
        return "exact"


def _strings(raw: object) -> tuple[str, ...]:
    return tuple(str(item) for item in cast(list[object], raw))


def _kind_lists(kinds: dict[str, dict[str, object]], key: str) -> dict[str, tuple[str, ...]]:
    return {kind: _strings(kinds[kind][key]) for kind in KINDS}


@lru_cache(maxsize=1)
def load_lexicon() -> FigureLexicon:
    """The packaged lexicon (read-only data: caching it never changes results)."""
    data = cast(dict[str, object], read_json(LEXICON_FILE))
    words = cast(dict[str, object], data["number_words"])
    kinds = cast(dict[str, dict[str, object]], data["kinds"])
    vague = cast(dict[str, list[int]], data["vague"])
    return FigureLexicon(
        vague={k: (int(v[0]), int(v[1])) for k, v in vague.items()},
        unquantified=_strings(data["unquantified"]),
        modifiers={k: _strings(v) for k, v in cast(dict[str, object], data["modifiers"]).items()},
        bands={k: float(v) for k, v in cast(dict[str, float], data["bands"]).items()},
        units=_strings(words["units"]),
        tens={k: int(v) for k, v in cast(dict[str, int], words["tens"]).items()},
        scales={k: int(v) for k, v in cast(dict[str, int], words["scales"]).items()},
        dozen=int(cast(int, words["dozen"])),
        money_words=frozenset(_strings(data["money_words"])),
        year_words=frozenset(_strings(data["year_words"])),
        passive=_kind_lists(kinds, "passive"),
        active=_kind_lists(kinds, "active"),
        nouns=_kind_lists(kinds, "nouns"),
        weapon_nouns=frozenset(_strings(data["weapon_nouns"])),
        person_singular=_strings(data["person_singular"]),
        person_plural=_strings(data["person_plural"]),
        time_units=frozenset(_strings(data["time_units"])),
        aggregate_markers=_strings(data["aggregate_markers"]),
        multiples={k: int(v) for k, v in cast(dict[str, int], data["multiples"]).items()},
        multiple_nouns=_strings(data["multiple_nouns"]),
        months=frozenset(_strings(data["months"])),
        weekdays=_strings(data["weekdays"]),
        subject_stopwords=_strings(data["subject_stopwords"]),
        not_a_hit_after={
            k: _strings(v) for k, v in cast(dict[str, object], data["not_a_hit_after"]).items()
        },
    )
