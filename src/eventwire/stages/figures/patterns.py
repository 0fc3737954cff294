"""Compiled regular expressions for figure extraction, built from the figures lexicon.

Pattern families, each with the groups `q` (the figure, or the noun phrase that implies
one), `subj` and a verb group (`pv` passive/intransitive, `av` active, `nv` noun):

- passive      "nearly 930 terrorists died", "1,500 were injured", "2 dead", "two men who
               were killed"
- partitive listed  "two of the men, Jane Doe and John Roe, died"
- active       "killed hundreds of fighters", "killing five", "wounded two others",
               "wounded another nine"
- noun         "12 deaths", "800 deserters", "the death toll rose to 40", "a double homicide"
- singular     "a 22-year-old man was killed", "killed the deputy commander", "killing him",
               a headline "Teen shot near school" (1)
- pair         "a man and a boy were killed", "killing a father and his son", "killing his
               wife and son" (2)
- named pair   "Jane Doe and John Roe (, both 25,) were shot dead" (2; matched on the text
               as written)
- coordinated  "two men and a woman were killed", "killing his wife and their three
               children", "the deaths of a pastor, his wife and their two sons", "two
               boys, ages 6 and 9, and their father died" (the sum)
- headline list  a headline "Gunman kills 2 adults, 2 teens", "Infant, 2 women killed"
               (the sum; commas alone join the parts, a bare "infant" is one)
- headline bare  "Man kills wife" in a headline (1)
- reflexive    "before killing himself", "turned the gun on herself", "killed two
               children, herself" (1: the perpetrator's own death)

The other families match the text in lower case (`extract.lowered`) without IGNORECASE,
and their alternations are prefix trees: both make the scan several times faster. The
families that end at a verb or noun only run within REACH characters before one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from eventwire.stages.figures.lexicon import FigureLexicon, alternation
from eventwire.stages.figures.quantity import grammar

__all__ = ["NAMES_ASIDE", "REACH", "FigurePatterns", "matches", "patterns"]

# How far before its verb or noun a figure clause may start ("two men and a woman, both
# from the village, were killed"); families that end at a verb or noun are only run within
# this reach of one, which keeps their output and makes extraction several times faster.
REACH = 300
_WORD_END = re.compile(r"\w*")

_AUX = (
    r"(?P<aux>(?:(?:were|was|are|is|have|has|had|been|being|be|will|would|got|get|"
    r"reportedly|also|all|both|later|allegedly|subsequently|eventually|now|already|"
    r"each|since|then|initially|believed\s+to\s+have\s+been|said\s+to\s+have\s+been|"
    r"reported\s+to\s+have\s+been|thought\s+to\s+have\s+been)\s+)*)"
)
_DETERMINER = r"(?:an?|one|the|his|her|their)"
# "killing their three children", "the deaths of the five adults"
_POSSESSIVE = r"(?:the|his|her|their|all)"
# "two people, including a girl, were killed": an aside between subject and verb
_ASIDE = (
    r"(?:[,—–]\s*(?:including|among\s+them)\b[^,—–.;\n]{1,60}[,—–]\s*"
    r"|\s*[—–]\s*[^—–.;\n]{1,60}[—–]\s*)?"
)
# "two boys, ages 6 and 9, and their father": ages between the parts of a list
AGE_ASIDE = r"(?:\s*,\s*(?:ages?\s+)?\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*(?=\s*,))"
# Verbs of a perpetrator's own death: "killing himself", "turned the gun on herself"
_SELF_VERBS = (
    "killing", "killed", "kills", "kill", "fatally shooting", "fatally shot",
    "shot and killed", "shooting and killing", "turned the gun on", "turning the gun on",
    "turns the gun on", "turned a gun on", "turning a gun on", "turns a gun on",
    "before shooting", "then shot", "then shooting", "then shoots",
)  # fmt: skip
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9])|\n\s*\n|;")


@dataclass(frozen=True, slots=True)
class FigurePatterns:
    lexicon: FigureLexicon
    active_phrases: frozenset[str]
    passive: re.Pattern[str]
    partitive_listed: re.Pattern[str]
    active: re.Pattern[str]
    singular_passive: re.Pattern[str]
    singular_active: re.Pattern[str]
    pronoun_active: re.Pattern[str]
    headline: re.Pattern[str]
    pair_passive: re.Pattern[str]
    pair_active: re.Pattern[str]
    coordinated: re.Pattern[str]
    coordinated_active: re.Pattern[str]
    headline_list: re.Pattern[str]
    headline_list_active: re.Pattern[str]
    headline_bare_active: re.Pattern[str]
    reflexive: re.Pattern[str]
    reflexive_listed: re.Pattern[str]
    named_pair: re.Pattern[str]
    multiple: re.Pattern[str]
    noun: re.Pattern[str]
    toll: re.Pattern[str]
    object_start: re.Pattern[str]
    boundary: re.Pattern[str]
    verb_cue: re.Pattern[str]
    noun_cue: re.Pattern[str]
    self_cue: re.Pattern[str]


def _verbs(table: dict[str, tuple[str, ...]]) -> str:
    return alternation([phrase for phrases in table.values() for phrase in phrases])


def _token(lex: FigureLexicon) -> str:
    """A word of a subject: not a stopword, not a number (digits or words)."""
    stop = alternation(lex.subject_stopwords)
    numbers = alternation([*lex.units, *lex.tens])
    return (
        rf"(?!(?:{stop})\b|(?:{numbers}|\d+)(?![\w-]))"
        rf"(?:(?:[A-Za-z]\.){{2,}}|[A-Za-z][\w'’-]*|\d+-(?:year|month|week|day)-old"
        rf"|of\s+(?:a|an|the|his|her|their))"
    )


@dataclass(frozen=True, slots=True)
class _Pieces:
    """Regex sources shared by several pattern families."""

    qty: str
    adjective: str
    person: str
    np: str
    np2: str
    coordinated: str
    headline_list: str
    kv: str
    pv: str
    av: str
    nv: str


def _pieces(lex: FigureLexicon, qty: str) -> _Pieces:
    token = _token(lex)
    adjective = rf"(?:{token}|\d[\w'’-]*)"
    person = alternation(list(lex.person_singular))
    aged = r"\d+-(?:year|month|week|day)-old"
    phrase = rf"(?:{adjective}\s+){{0,3}}(?:{person})"
    people = alternation([*lex.person_singular, *lex.person_plural])
    counted = rf"(?:{_POSSESSIVE}\s+)?(?:{qty})\s+|{_DETERMINER}\s+"
    conjunct = rf"(?:{counted})(?:{adjective}\s+){{0,3}}?(?:{people})\b{AGE_ASIDE}?"
    # a headline drops articles: "Infant, 2 women killed"
    bare = rf"(?:{conjunct}|(?:{person})\b)"
    return _Pieces(
        qty=qty,
        adjective=adjective,
        person=person,
        np=rf"(?P<q>{_DETERMINER}\s+(?P<subj>{phrase}))\b",
        # "a man and a boy"; after a possessive the second article may go: "his wife and son"
        # (not "her husband and father of her children", one person)
        np2=(
            rf"(?P<q>(?:{_DETERMINER}\s+{phrase}\s+and\s+{_DETERMINER}\s+"
            rf"|(?:his|her|their)\s+{phrase}\s+and\s+(?=(?:{aged}\s+)?(?:{person})\b))"
            rf"(?P<subj>{phrase}))\b(?!\s+of\b)"
        ),
        coordinated=rf"(?P<q>{conjunct}(?:\s*,\s*{conjunct})*,?\s+and\s+{conjunct})(?P<subj>)",
        headline_list=(
            rf"(?P<q>{bare}(?:\s*,\s*{bare})+(?:,?\s+(?:and|&)\s+{bare})?)(?P<subj>)(?![\w,])"
        ),
        kv=alternation(lex.active["killed"]),
        pv=_verbs(lex.passive),
        av=_verbs(lex.active),
        nv=_verbs(lex.nouns),
    )


def _clause_sources(lex: FigureLexicon, p: _Pieces) -> dict[str, str]:
    """Figures written as numbers: passive, active, noun and death-toll clauses."""
    token = _token(lex)
    subj_before = rf"(?P<subj>(?:{token}(?:\s+|(?=[,—–]))){{0,4}}?)"
    subj_after = rf"(?P<subj>(?:\s+{token}){{0,4}})"
    partitive = rf"(?:\s+of(?:\s+(?:the|them|those|whom))?(?:\s+{p.qty}(?=\s))?)?"
    return {
        # "two men who were killed": a relative pronoun may stand before the verb
        "passive": (
            rf"(?P<q>{p.qty}){partitive}\s+{subj_before}{_ASIDE}(?P<rel>(?:who|that)\s+)?{_AUX}"
            rf"(?P<pv>{p.pv})\b"
        ),
        # "two of the men, Jane Doe and John Roe, died": those named between the commas
        # (`extract` keeps the match only when the aside is a list of names)
        "partitive_listed": (
            rf"(?P<q>{p.qty})\s+of\s+(?:the|those|these|them)(?P<subj>(?:\s+{token}){{0,2}}?)"
            rf"\s*,(?P<aside>[^;\n]{{1,120}}?),\s*{_AUX}(?P<pv>{p.pv})\b"
        ),
        "active": (
            rf"\b(?P<av>{p.av})\s+(?:(?:{_POSSESSIVE}|another)\s+)?(?P<q>{p.qty})[\"”’]?{partitive}"
            rf"{subj_after}\b"
        ),
        "noun": rf"(?P<q>{p.qty})\s+(?P<subj>)(?:[a-z][\w-]*\s+){{0,2}}?(?P<nv>{p.nv})\b",
        "toll": (
            rf"\bdeath\s+toll\b[^.;\n]{{0,40}}?\b(?:to|at|of|is|was|reached|hit)\s+"
            rf"(?P<q>{p.qty})(?P<subj>)"
        ),
        "multiple": (
            rf"\b(?P<q>{alternation(list(lex.multiples))})[\s-]+(?P<subj>)"
            rf"(?P<nv>{alternation(list(lex.multiple_nouns))})\b"
        ),
    }


def _phrase_sources(p: _Pieces) -> dict[str, str]:
    """Figures implied by noun phrases: "a man", "a man and his son", "him"."""
    headline = rf"(?P<q>(?P<subj>(?:{p.adjective}\s+){{0,3}}?(?:{p.person}|\d+-year-old)))"
    return {
        "singular_passive": (
            rf"\b{p.np}(?:\s*,[^,.;\n]{{1,60}},)?\s+(?P<rel>(?:who|that)\s+)?{_AUX}"
            rf"(?P<pv>{p.pv})\b"
        ),
        "singular_active": rf"\b(?P<av>{p.av})\s+{p.np}",
        "headline": rf"(?m:^)[^\S\n]*{headline}\s+{_AUX}(?P<pv>{p.pv})\b",
        "pronoun_active": rf"\b(?P<av>{p.av})\s+(?P<q>him|her)(?P<subj>)\b",
        "pair_passive": rf"\b{p.np2}\s+{_AUX}(?P<pv>{p.pv})\b",
        "pair_active": rf"\b(?P<av>{p.av})\s+{p.np2}",
        "coordinated": rf"\b{p.coordinated}\s+{_AUX}(?P<pv>{p.pv})\b",
        "coordinated_active": rf"\b(?P<av>{p.av})\s+{p.coordinated}",
        "headline_list": rf"\b{p.headline_list}\s+{_AUX}(?P<pv>{p.pv})\b",
        "headline_list_active": rf"\b(?P<av>{p.av})\s+{p.headline_list}",
        # a headline drops articles: "Man kills wife, himself"
        "headline_bare_active": (
            rf"\b(?P<av>{p.kv})\s+(?P<q>(?P<subj>{p.person}|\d+-(?:year|month|week|day)-old))"
            rf"\b(?!['’-])"
        ),
        "reflexive": rf"\b(?P<av>{alternation(_SELF_VERBS)})\s+(?P<q>himself|herself)(?P<subj>)\b",
        "reflexive_listed": (
            rf"\b(?P<av>{p.kv})\b[^.;\n]{{1,80}}?(?:,|\s+and|\s+then|\s+and\s+then)\s+"
            rf"(?P<q>himself|herself)(?P<subj>)\b"
        ),
    }


def _named_pair(lex: FigureLexicon, pv: str) -> re.Pattern[str]:
    """ "Jane Doe and John Roe were shot dead", "Jane Doe, 25, and John Roe, 30, died" (2).

    Matched against the text as written (names are capitalised), unlike the other families.
    """
    calendar = alternation([day.capitalize() for day in (*lex.weekdays, *lex.months)])
    word = rf"(?!(?:{calendar})\b|(?i:{pv})\b)[A-Z][a-z]+(?:['’-][A-Za-z]+)*"
    name = rf"(?:[A-Z][a-z]{{1,3}}\.\s+)?{word}(?:\s+(?:[A-Z]\.\s+)?{word}){{0,3}}"
    named = rf"{name}(?:\s*,\s*\d{{1,3}}(?=\s*,))?"
    # "Jane Doe and John Roe, both 25 years old, were shot"
    both = (
        r"(?:\s*,\s*(?i:both)\s+(?i:aged\s+)?\d{1,3}(?:[\s-]+(?i:years?)[\s-]+(?i:old))?(?=\s*,))?"
    )
    return re.compile(
        rf"\b(?P<q>{named},?\s+and\s+{named}){both}(?P<subj>),?\s+(?i:{_AUX}(?P<pv>{pv}))\b"
    )


_NAME = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Sgt|Cpl|Pvt|Lt|Capt|Col|Gen|Maj)\.?\s+)?[A-Z][\w'’-]+"
    r"(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+){0,3}"
)
_LISTED = rf"(?:\d{{1,3}}[\s-]+years?[\s-]+old\s+)?{_NAME}(?:\s*,\s*\d{{1,3}})?"
# The aside of "two of the men, Jane Doe, 25, and John Roe, 31, died": names and ages only
NAMES_ASIDE = re.compile(rf"\s*{_LISTED}(?:\s*,\s*(?:and\s+)?{_LISTED}|\s+and\s+{_LISTED})*\s*")


# Capitalised in a title-case headline ("3 Killed In Shooting"), but not a name
_TITLE_WORDS = (
    "in", "at", "on", "near", "after", "during", "as", "by", "from", "outside", "inside",
    "and", "while", "when", "following", "over", "amid", "with", "for", "to", "of",
)  # fmt: skip


def _object_start(lex: FigureLexicon, qty: str) -> re.Pattern[str]:
    """What follows a verb in active voice, on the same line: a determiner, pronoun, number
    or a name ("3 killed" ending a headline is not active before the body's "The ...")."""
    not_a_name = alternation([*lex.weekdays, *lex.months, *_TITLE_WORDS])
    return re.compile(
        rf"[^\S\n]+(?:(?i:(?:a|an|the|his|her|their|its|our|my|both|him|them|us|himself"
        rf"|herself|themselves)\b|{qty})|(?!(?i:{not_a_name})\b)[A-Z][a-z])"
    )


@lru_cache(maxsize=1)
def patterns() -> FigurePatterns:
    """The compiled patterns of `extract.figures.rules.v4`."""
    gram = grammar()
    lex = gram.lexicon
    pieces = _pieces(lex, gram.quantity.pattern)
    sources = {**_clause_sources(lex, pieces), **_phrase_sources(pieces)}
    # The families match text lowered by `lowered` (no IGNORECASE: several times faster).
    compiled = {name: re.compile(source) for name, source in sources.items()}
    return FigurePatterns(
        lexicon=lex,
        active_phrases=lex.active_phrases,
        object_start=_object_start(lex, gram.quantity.pattern),
        boundary=_BOUNDARY,
        named_pair=_named_pair(lex, pieces.pv),
        verb_cue=re.compile(rf"\b(?:{pieces.pv})\b"),
        noun_cue=re.compile(rf"\b(?:{pieces.nv})\b"),
        self_cue=re.compile(r"\b(?:himself|herself)\b"),
        **compiled,
    )


def _word_end(low: str, pos: int) -> int:
    """The end of the word at `pos` (`pos` itself when no word starts there)."""
    found = _WORD_END.match(low, pos)
    return found.end() if found else min(pos, len(low))


@lru_cache(maxsize=4)
def _windows(low: str, cue: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    """Merged stretches of `low` from REACH before each cue to the end of the word after it.

    Several families share a cue: remembering the last few texts' windows (a function of
    its arguments alone, so no result depends on the cache) scans each text once per cue,
    not once per family.
    """
    windows: list[tuple[int, int]] = []
    for found in cue.finditer(low):
        start = max(0, found.start() - REACH)
        end = _word_end(low, found.end() + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return tuple(windows)


def matches(
    pattern: re.Pattern[str], text: str, low: str, cue: re.Pattern[str] | None
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, run only near a `cue` in `low` when the pattern ends at one.

    `text` is the lowered text `low` or the text as written (same offsets). A match of a
    family that ends at its verb (noun) starts at most REACH before it, so every match lies
    inside one window and the windows give the same matches.
    """
    if cue is None:
        yield from pattern.finditer(text)
        return
    for start, end in _windows(low, cue):
        yield from pattern.finditer(text, start, end)
