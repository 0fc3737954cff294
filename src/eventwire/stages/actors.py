"""Actor resolution: an actor mention -> a neutral canonical actor, with the source's label.

The words a source used ("foreign-backed militants", "the al-Assad regime") are kept as
the label; the name comes from a curated dictionary (`resources/actors.v1.csv`) and is
never a source's label. Resolution tries, in order:

1. an alias of a named actor ("Syrian Arab Army", "al-Nusra Front"), confidence 1.0;
2. a generic word for the state ("government forces", "the army", "troops") in the
   country of the mention (a demonym in it, else the article's country), 0.9;
3. a term of the label lexicon (`resources/labels.v1.csv`) pointing to a generic actor:
   "rebels" -> opposition armed groups (0.7, or 0.6 for a loaded term); "terrorists"
   -> opposition armed groups only when the source is pro-government (0.5), else the
   neutral fallback "Unidentified Armed Group" (0.3);
4. a bare country, abbreviation or capital ("Syria", "the US", "Moscow") -> that
   country's government, 0.7.

Unknown actors are kept as written with inter None, unless their words are a loaded
label, which never becomes a name: they become "Unidentified actor". `find_actors` finds
the mentions in a sentence or an article (runs of dictionary words: "foreign-backed
militants") and resolves each one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from eventwire.errors import Code, EventwireError
from eventwire.records import Actor
from eventwire.resources import read_csv
from eventwire.stages.prefix_tree import prefix_tree

__all__ = [
    "NAME",
    "UNIDENTIFIED",
    "ActorDictionary",
    "ActorEntry",
    "LabelEntry",
    "ResolvedActor",
    "Stance",
    "Via",
    "find_actors",
    "normalize",
    "resolve_actor",
]

NAME = "resolve.actors.dictionary.v1"
UNIDENTIFIED = "Unidentified actor"
EXTERNAL = 8
Stance = Literal["pro_government", "pro_opposition"]
Via = Literal["alias", "context_alias", "label", "label_fallback", "country", "unresolved"]

_CONFIDENCE: dict[Via, float] = {
    "alias": 1.0,
    "context_alias": 0.9,
    "country": 0.7,
    "label": 0.7,
    "label_fallback": 0.3,
    "unresolved": 0.0,
}
_LOADED_PENALTY = 0.1  # a loaded term is a weaker pointer than a descriptive one
_STANCE_CONFIDENCE = 0.5  # a term read through the source's stance ("terrorists")


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """A neutral actor for a mention, and the words the source used for it."""

    name: str
    inter: int | None
    label: str
    known: bool
    confidence: float = 0.0
    via: Via = "unresolved"
    iso3: str | None = None
    loaded: bool = False
    terms: tuple[str, ...] = ()  # lexicon words found in the label, normalised

    def to_record(self, outlet: str | None = None) -> Actor:
        """The record form, with the label attributed to the outlet that used it."""
        return Actor(name=self.name, inter=self.inter, label=self.label, outlet=outlet)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A row of the actor dictionary; `iso3` None and "{country}" in `name` is a template."""

    key: str
    name: str
    inter: int | None
    iso3: str | None
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LabelEntry:
    """A term of the label lexicon and the actor key it usually points to."""

    term: str
    variants: tuple[str, ...]
    loaded: bool
    points_to: str | None = None
    when: str = "any"
    fallback: str | None = None
    iso3: str | None = None


# --- normalisation ------------------------------------------------------------------

_APOSTROPHES = re.compile(r"[’‘`´]")
_POSSESSIVE = re.compile(r"'s\b")
_NON_WORD = re.compile(r"[^\w']+")
_DETERMINERS = re.compile(
    r"^(?:the|a|an|some|those|these|several|many)\s+",
    re.IGNORECASE,
)
# "anti-Damascus militants", "US-backed groups": the name is not the actor.
_MODIFIED_AFTER = re.compile(
    r" (?:backed|sponsored|supported|funded|trained|armed|allied|led|linked|affiliated|aligned"
    r"|based|controlled|held|leaning)\b"
)
_PREFIX = re.compile(r"(?<!\w)(?:anti|pro|non|ex)[\-–]$", re.IGNORECASE)
_JOINER = re.compile(r"[\s\-–]{0,2}")
_MODIFIED_BEFORE = re.compile(r"(?:^|\s)(?:anti|pro|non|ex|former)\s$")


def normalize(text: str) -> str:
    """Lower case, straight apostrophes, no possessive "'s", punctuation and hyphens -> space."""
    text = _POSSESSIVE.sub("", _APOSTROPHES.sub("'", text.casefold()))
    return " ".join(_NON_WORD.sub(" ", text).replace("'", " ").split())


def _as_written(text: str) -> str:
    text = " ".join(text.split()).strip(" \"“”'‘’.,;:()")
    while (shorter := _DETERMINERS.sub("", text, count=1)) != text:
        text = shorter
    return text


def _alternation(phrases: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    if not ordered:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


_RAW_JOIN = r"(?:['’]s?)?[\s\-–.]+"  # between the words of a phrase in raw text


def _raw_alternation(phrases: Iterable[str]) -> re.Pattern[str]:
    """Normalised phrases matched in raw text: any case, hyphens, "'s" and dots between words."""
    words = [phrase.split() for phrase in sorted(set(phrases), key=lambda p: (-len(p), p))]
    body = "|".join(_RAW_JOIN.join(map(re.escape, w)) for w in words if w)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _raw_starts(phrases: Iterable[str]) -> re.Pattern[str]:
    """Where a match of `_raw_alternation(phrases)` can start: at the first word of a phrase,
    in any case, then a non-word character or the end (what joins words is no word
    character); when no phrase is that word alone, at it joined to a second word of one.
    A prefix tree: one test per position, not one per phrase."""
    seconds: dict[str, set[str]] = {}
    for words in map(str.split, set(phrases)):
        if words:
            seconds.setdefault(words[0], set()).add(words[1] if len(words) > 1 else "")
    heads: list[str] = []
    for first, nexts in seconds.items():
        heads += [first] if "" in nexts else [f"{first} {second}" for second in nexts]
    tree = prefix_tree(heads, lambda char: _RAW_JOIN if char == " " else re.escape(char))
    return re.compile(rf"(?<!\w)(?=(?:{tree})(?!\w))", re.IGNORECASE)


def _scan(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying `pattern` only at the positions `starts` finds.

    The matches are the same when `pattern` can match nowhere else (as with `_raw_starts`):
    `finditer` too takes the leftmost match, then goes on from its end.
    """
    end = 0
    for start in starts.finditer(text):
        if start.start() >= end and (match := pattern.match(text, start.start())):
            end = match.end()
            yield match


def _merge(matches: Iterable[re.Match[str]], text: str) -> list[tuple[int, int]]:
    """Spans of adjacent matches joined: "foreign-backed" + "militants" is one mention."""
    spans: list[tuple[int, int]] = []
    for match in matches:
        start, end = match.span()
        if spans and _JOINER.fullmatch(text, spans[-1][1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _with_prefix(text: str, start: int) -> int:
    """Start a mention at its "anti-"/"pro-" prefix: "anti-Damascus militants"."""
    prefix = _PREFIX.search(text, max(0, start - 8), start)
    return prefix.start() if prefix else start


def _free(norm: str, match: re.Match[str]) -> bool:
    """False for a name that only modifies the mention ("US-backed", "anti-Damascus")."""
    return not (
        _MODIFIED_AFTER.match(norm, match.end()) or _MODIFIED_BEFORE.search(norm[: match.start()])
    )


# --- loading ------------------------------------------------------------------------


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(normalize(part) for part in (cell or "").split("|") if part.strip())


def _actor_entry(row: dict[str, str]) -> ActorEntry:
    return ActorEntry(
        key=row["key"].strip(),
        name=row["name"].strip(),
        inter=int(row["inter"]) if row["inter"].strip() else None,
        iso3=row["iso3"].strip() or None,
        aliases=_split(row["aliases"]),
        context_aliases=_split(row["context_aliases"]),
    )


def _label_entry(row: dict[str, str]) -> LabelEntry:
    variants = _split(row["term"])
    return LabelEntry(
        term=variants[0],
        variants=variants,
        loaded=row["loaded"].strip().lower() == "true",
        points_to=row["points_to"].strip() or None,
        when=row["when"].strip() or "any",
        fallback=row["fallback"].strip() or None,
        iso3=row["iso3"].strip() or None,
    )


def _check(actors: Sequence[ActorEntry], labels: Sequence[LabelEntry]) -> None:
    """Every key a label points to exists: a typo in a data file fails at load, not later."""
    keys = {entry.key for entry in actors}
    for label in labels:
        for key in (label.points_to, label.fallback):
            if key is not None and key not in keys:
                detail = f"labels ({label.term!r} points to unknown actor key {key!r})"
                raise EventwireError(Code.RESOURCE_MISSING, detail=detail)


# --- the dictionary -----------------------------------------------------------------

Found = tuple[ActorEntry, str | None, Via, float]


class ActorDictionary:
    """Actor aliases and the label lexicon, with their matchers compiled once."""

    def __init__(self, actors: Sequence[ActorEntry], labels: Sequence[LabelEntry]) -> None:
        _check(actors, labels)
        self._countries = {e.iso3: e.name for e in actors if e.key == "country" and e.iso3}
        self._by_key = {(e.key, e.iso3): e for e in actors if e.key != "country"}
        self._named = {a: e for e in actors if e.key != "country" for a in e.aliases}
        self._generic = {a: e for e in actors if e.key != "country" for a in e.context_aliases}
        self._country_names = {
            a: e.iso3 for e in actors if e.key == "country" for a in e.aliases + e.context_aliases
        }
        self._labels = {v: label for label in labels for v in label.variants}
        self._named_re = _alternation(self._named)
        self._generic_re = _alternation(self._generic)
        self._country_re = _alternation(self._country_names)
        self._labels_re = _alternation(self._labels)
        self._state_names = {
            phrase: e.iso3
            for e in actors
            if e.key == "country"
            for phrase in (
                normalize(e.name),
                *e.context_aliases,
                *(a for a in e.aliases if len(a) <= 3),
            )
        }
        phrases = [*self._named, *self._generic, *self._labels, *self._country_names]
        self._mention_re = _raw_alternation(phrases)
        self._mention_starts = _raw_starts(phrases)

    @classmethod
    def load(
        cls, actors_file: str = "actors.v1.csv", labels_file: str = "labels.v1.csv"
    ) -> ActorDictionary:
        """The dictionary from versioned resource files."""
        actors = [_actor_entry(row) for row in read_csv(actors_file)]
        return cls(actors, [_label_entry(row) for row in read_csv(labels_file)])

    def resolve(
        self, text: str, country_iso3: str | None = None, *, stance: Stance | None = None
    ) -> ResolvedActor:
        """The neutral actor a mention names, in an article about `country_iso3`."""
        label = _as_written(text)
        norm = normalize(text)  # determiners kept: "the military", "the resistance"
        words = self.terms(norm)
        terms = [term for _, term in words]
        country = self.country_of(norm) or country_iso3
        found = (
            self._by_alias(norm, country)
            or self._by_context(norm, country)
            or self._by_label(terms, country, stance)
            or self._by_country(normalize(label))
        )
        loaded = any(t.loaded for t in terms)
        names = tuple(dict.fromkeys(word for word, _ in words))
        if found is None:
            return self._unresolved(label, loaded, names, country)
        entry, iso3, via, confidence = found
        return ResolvedActor(
            name=self._name(entry, iso3) or UNIDENTIFIED,
            inter=self._inter(entry, iso3, country_iso3),
            label=label,
            known=True,
            confidence=confidence,
            via=via,
            iso3=entry.iso3 or iso3,
            loaded=loaded,
            terms=names,
        )

    def find_actors(
        self,
        text: str,
        country_iso3: str | None = None,
        *,
        stance: Stance | None = None,
        countries: bool = False,
    ) -> list[tuple[tuple[int, int], ResolvedActor]]:
        """Actor mentions in a sentence or article, with their character spans.

        A mention is a run of dictionary words (aliases, generic state words, label terms,
        demonyms) joined only by spaces or hyphens: "foreign-backed militants", "Syrian
        troops". Mentions that resolve to nothing are skipped ("US-backed" alone is a
        modifier, not an actor), and so are bare country names and capitals unless
        `countries` is true ("the border with Lebanon" is a place more often than an actor).
        """
        found = []
        mentions = _scan(self._mention_re, self._mention_starts, text)
        for start, end in _merge(mentions, text):
            start = _with_prefix(text, start)
            actor = self.resolve(text[start:end], country_iso3, stance=stance)
            if actor.known and (countries or actor.via != "country"):
                found.append(((start, end), actor))
        return found

    def countries(self) -> frozenset[str]:
        """ISO3 codes of the countries the dictionary can name."""
        return frozenset(self._countries)

    def terms(self, norm: str) -> list[tuple[str, LabelEntry]]:
        """Label lexicon words in a normalised mention, left to right, with their entries."""
        return [(m[0], self._labels[m[0]]) for m in self._labels_re.finditer(norm)]

    def country_of(self, norm: str) -> str | None:
        """The country a demonym or country name sets ("Iraqi troops"); None if several."""
        found = {
            self._country_names[m[0]] for m in self._country_re.finditer(norm) if _free(norm, m)
        }
        return found.pop() if len(found) == 1 else None

    def entry(self, key: str, iso3: str | None) -> ActorEntry | None:
        """The actor for a key in a country: the country's own row, else the template."""
        own = self._by_key.get((key, iso3)) if iso3 else None
        return own or self._by_key.get((key, None))

    def _by_alias(self, norm: str, country: str | None) -> Found | None:
        matches = [m for m in self._named_re.finditer(norm) if _free(norm, m)]
        if not matches:
            return None
        entry = self._named[max(matches, key=lambda m: len(m[0]))[0]]
        if entry.iso3 is None and self._name(entry, country) is None:
            return None
        return entry, entry.iso3 or country, "alias", _CONFIDENCE["alias"]

    def _by_context(self, norm: str, country: str | None) -> Found | None:
        matches = [m for m in self._generic_re.finditer(norm) if _free(norm, m)]
        if not matches or country is None:
            return None
        generic = self._generic[max(matches, key=lambda m: len(m[0]))[0]]
        entry = self.entry(generic.key, country)
        if entry is None or self._name(entry, country) is None:
            return None
        return entry, country, "context_alias", _CONFIDENCE["context_alias"]

    def _by_label(
        self, terms: Sequence[LabelEntry], country: str | None, stance: Stance | None
    ) -> Found | None:
        """The best pointer among the terms; ties go to the rightmost (the head noun)."""
        best: Found | None = None
        for term in terms:
            found = self._pointer(term, country, stance)
            if found is not None and (best is None or found[3] >= best[3]):
                best = found
        return best

    def _pointer(
        self, term: LabelEntry, country: str | None, stance: Stance | None
    ) -> Found | None:
        iso3 = term.iso3 or country
        if term.points_to and term.when in ("any", stance):
            entry = self.entry(term.points_to, iso3)
            if entry is not None and self._name(entry, iso3):
                confidence = _CONFIDENCE["label"] - (_LOADED_PENALTY if term.loaded else 0.0)
                if term.when != "any":
                    confidence = _STANCE_CONFIDENCE
                return entry, iso3, "label", confidence
        entry = self.entry(term.fallback, iso3) if term.fallback else None
        if entry is None or self._name(entry, iso3) is None:
            return None
        return entry, iso3, "label_fallback", _CONFIDENCE["label_fallback"]

    def _by_country(self, norm: str) -> Found | None:
        """A bare country name or abbreviation ("Syria", "the US"), not a demonym."""
        iso3 = self._state_names.get(norm)
        entry = self.entry("state_government", iso3) if iso3 else None
        if entry is None:
            return None
        return entry, iso3, "country", _CONFIDENCE["country"]

    def _name(self, entry: ActorEntry, iso3: str | None) -> str | None:
        """The entry's name, a template filled with the country; None if it needs one."""
        if "{country}" not in entry.name:
            return entry.name
        country = self._countries.get(iso3 or "")
        if country is not None:
            return entry.name.replace("{country}", country)
        if entry.name.endswith(" ({country})"):
            return entry.name.removesuffix(" ({country})")
        return None

    @staticmethod
    def _inter(entry: ActorEntry, iso3: str | None, context: str | None) -> int | None:
        """State forces acting outside their own country are external (8), as in ACLED."""
        own = entry.iso3 or iso3
        if entry.key.startswith("state_") and own and context and own != context:
            return EXTERNAL
        return entry.inter

    @staticmethod
    def _unresolved(
        label: str, loaded: bool, terms: tuple[str, ...], country: str | None
    ) -> ResolvedActor:
        return ResolvedActor(
            name=UNIDENTIFIED if loaded or not label else label,
            inter=None,
            label=label,
            known=False,
            iso3=country,
            loaded=loaded,
            terms=terms,
        )


@cache
def _default() -> ActorDictionary:
    return ActorDictionary.load()


def resolve_actor(
    text: str, country_iso3: str | None = None, *, stance: Stance | None = None
) -> ResolvedActor:
    """Resolve with the packaged dictionary (`actors.v1.csv`, `labels.v1.csv`).

    The dictionary is immutable and loaded once per process; a stage that wants its own
    files builds an `ActorDictionary` in `setup()` instead.
    """
    return _default().resolve(text, country_iso3, stance=stance)


def find_actors(
    text: str, country_iso3: str | None = None, *, stance: Stance | None = None
) -> list[tuple[tuple[int, int], ResolvedActor]]:
    """Actor mentions in `text` with their spans, resolved with the packaged dictionary."""
    return _default().find_actors(text, country_iso3, stance=stance)
