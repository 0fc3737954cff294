"""Loaded language: words that judge an actor or an event instead of describing it.

Two versioned lexicons are combined: the loaded terms of the actor label lexicon
(`resources/labels.v1.csv`: "terrorists", "regime", "so-called") and the general loaded
terms (`resources/loaded_terms.v1.csv`: "barbaric", "massacre", "butchers", "martyrs").
Each hit has a kind, after the two PTC techniques:

- `name_calling`: a label for people ("thugs", "puppets", the actor labels that point to
  an actor);
- `loaded`: an emotive word for an act or a quality ("barbaric", "massacre"), and the
  label lexicon's modifiers ("foreign-backed", "so-called").

`find_loaded` is pure and needs no parse: one compiled alternation, longest phrase first,
matched case-insensitively as whole words, with hyphens and spaces between words alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from eventwire.errors import Code, EventwireError
from eventwire.resources import read_csv
from eventwire.stages.actors import normalize

__all__ = [
    "KINDS",
    "NAME",
    "Kind",
    "LoadedLexicon",
    "LoadedTerm",
    "find_loaded",
    "general_terms",
    "label_terms",
]

NAME = "extract.loaded.lexicon.v1"
Kind = Literal["loaded", "name_calling"]
KINDS: tuple[Kind, ...] = ("loaded", "name_calling")
Hit = tuple[int, int, str, Kind]


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """A lexicon row: its canonical term, the variants matched, and its kind."""

    term: str
    variants: tuple[str, ...]
    kind: Kind


def _variants(cell: str) -> tuple[str, ...]:
    return tuple(v for v in (normalize(part) for part in cell.split("|")) if v)


def _kind(cell: str) -> Kind:
    kind = cell.strip()
    if kind not in KINDS:
        raise EventwireError(Code.RESOURCE_MISSING, detail=f"loaded terms (unknown kind {kind!r})")
    return "loaded" if kind == "loaded" else "name_calling"


def general_terms(rows: Iterable[dict[str, str]]) -> list[LoadedTerm]:
    """Rows of `loaded_terms.v1.csv` as terms."""
    terms = []
    for row in rows:
        variants = _variants(row["term"])
        terms.append(LoadedTerm(variants[0], variants, _kind(row["kind"])))
    return terms


def label_terms(rows: Iterable[dict[str, str]], *, loaded: bool = True) -> list[LoadedTerm]:
    """The loaded rows of `labels.v1.csv` (or, for a control, the descriptive ones).

    A row that names no actor ("foreign-backed", "so-called") is a modifier: `loaded`.
    """
    terms = []
    for row in rows:
        if (row["loaded"].strip().lower() == "true") != loaded:
            continue
        variants = _variants(row["term"])
        names_actor = bool(row["points_to"].strip() or row["fallback"].strip())
        terms.append(LoadedTerm(variants[0], variants, "name_calling" if names_actor else "loaded"))
    return terms


Trie = dict[str, "Trie"]
_JOIN = r"(?:['’]s)?[\s\-–]+"  # between words: spaces or hyphens, after an optional "'s"


def _pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Normalised phrases in raw text: any case, hyphens or spaces between words, "'s".

    The alternation is a character trie, so a position costs one branch per character
    rather than one try per phrase; optional tails are greedy, so the longest phrase wins.
    """
    trie: Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return re.compile(rf"(?<![\w\-]){_alternatives(trie)}(?!\w)", re.IGNORECASE)


def _alternatives(node: Trie) -> str:
    branches = [
        (_JOIN if char == " " else re.escape(char)) + _alternatives(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    ends = "" in node
    body = branches[0] if len(branches) == 1 and not ends else f"(?:{'|'.join(branches)})"
    return body + "?" if ends else body


class LoadedLexicon:
    """Loaded terms with their matcher compiled once; later rows never override earlier ones."""

    def __init__(self, terms: Sequence[LoadedTerm]) -> None:
        self._by_variant: dict[str, LoadedTerm] = {}
        for term in terms:
            for variant in term.variants:
                self._by_variant.setdefault(variant, term)
        self._pattern = _pattern(self._by_variant)

    @classmethod
    def load(
        cls, labels_file: str = "labels.v1.csv", terms_file: str = "loaded_terms.v1.csv"
    ) -> LoadedLexicon:
        """Actor labels first (their kind wins on a shared word), then the general terms."""
        return cls([*label_terms(read_csv(labels_file)), *general_terms(read_csv(terms_file))])

    def find(self, text: str) -> list[Hit]:
        """(start, end, canonical term, kind) of every loaded word or phrase, left to right."""
        hits: list[Hit] = []
        for match in self._pattern.finditer(text):
            term = self._by_variant.get(normalize(match[0]))
            if term is not None:
                hits.append((match.start(), match.end(), term.term, term.kind))
        return hits

    def terms(self) -> list[LoadedTerm]:
        """Every term once, in lexicon order."""
        return list(dict.fromkeys(self._by_variant.values()))


@cache
def _default() -> LoadedLexicon:
    return LoadedLexicon.load()


def find_loaded(text: str) -> list[Hit]:
    """Loaded words in `text` with the packaged lexicons: (start, end, term, kind).

    The lexicon is immutable and loaded once per process; code that wants its own files
    builds a `LoadedLexicon` instead.
    """
    return _default().find(text)
