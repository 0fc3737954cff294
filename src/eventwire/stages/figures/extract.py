"""Extract casualty and other figures from an article's text as `Claim` records.

Rules only (regular expressions over the lexicon in `resources/figures.v3.json`); see
`patterns.py` for the pattern families. Claims carry the quantity as written
(`text`), the subject as written, character offsets into the given text, and the stage
name. Attribution (`claimant`) is left to a later stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from eventwire.records import Article, Claim
from eventwire.stages.figures.lexicon import FigureLexicon, alternation, load_lexicon
from eventwire.stages.figures.patterns import (
    AGE_ASIDE,
    NAMES_ASIDE,
    FigurePatterns,
    matches,
    patterns,
)
from eventwire.stages.figures.quantity import Quantity, grammar, parse_quantity

__all__ = [
    "SELF_SUBJECTS",
    "STAGE",
    "extract_article_figures",
    "extract_figures",
    "written_as_count",
]

STAGE = "extract.figures.rules.v4"

_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥]|\b(?:usd|us\$|eur|gbp))\s*$", re.IGNORECASE)
_BAD_AFTER = re.compile(
    r"(?:-[A-Za-z]|-?\d|%|\s*percent\b|:\d|\s*(?:a\.?m\.?|p\.?m\.?)(?![a-z])|/|\.\d|[,.]\d"
    r"|\s*(?:years?|months?|weeks?|days?)[\s-]+old\b|\s*(?:st|nd|rd|th)\b)",
    re.IGNORECASE,
)
_BAD_BEFORE = re.compile(
    r"(?:[\d/#:.,-]|(?:\bno\.|\bnumber|\bage[sd]?|\bage\s+of"
    r"|\b(?:image|photo|photos|page|slide|\d+|father|mother|parent|dad|mom)\s+of"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|all|both|most|some)"
    r"\s+of\s+(?:the|those|these))\s*)$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CONJUNCTS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
_ONE = frozenset(("a", "an", "one", "the", "his", "her", "their"))
_OPENERS = frozenset(("the", "his", "her", "their", "all"))
# The subject of a perpetrator's own death ("before killing himself")
SELF_SUBJECTS = frozenset(("himself", "herself"))
_AGE_ASIDE = re.compile(AGE_ASIDE, re.IGNORECASE)
_FIRED_BEFORE = re.compile(r"\b(?:fired|fire|fires|firing|heard|hear|hears)\s+$", re.IGNORECASE)
# "both civilians and insurgents": "and" then a bare plural that ends the phrase (no
# article or number before it, no verb after it: "both gunmen and dozens were hurt")
_AND_NEXT = re.compile(
    r"\s+and\s+(?!(?:a|an|the|his|her|their|its|one|two|three|four|five|dozens|scores|"
    r"hundreds|thousands|\d+)\b)[a-z]+s\b(?!\s+(?:were|was|are|is|had|have|has|\w+ed)\b)",
    re.IGNORECASE,
)
# "the gunmen who (police say) killed a farmer fled": the verb of a relative clause
_RELATIVE_BEFORE = re.compile(r"\b(?:who|that|which)(?:\s+[A-Za-z'-]+){0,3}\s+$", re.IGNORECASE)
# Words that end a headline-list item's figure phrase: a conjunction, or a sentence's end
_NOT_ONE_PHRASE = re.compile(r"\band\b|[.!?;:,]")
# An object of "injured"/"killed": "injured another ten", "wounded others", "killed scores"
_OBJECT_WORDS = frozenset(
    ("another", "others", "a", "an", "the", "his", "her", "their", "its", "several", "many",
     "some", "dozens", "scores", "hundreds", "thousands", "him", "them")
)  # fmt: skip
# A determiner or adjective before an -ing word makes it a noun: "the shooting", "a fatal
# stabbing", "another killing"
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|another|second|third|first|fatal|deadly|latest|earlier|"
    r"separate|double|triple|mass|drive-by)\s+$"
)
# The casualty participles of a headline list ("8 killed 58 injured")
_PARTICIPLE = re.compile(r"\b(?:injured|wounded|hurt|killed)\b", re.IGNORECASE)
_ALL_OVER = re.compile(r"over\s+", re.IGNORECASE)
_ALL_BEFORE = re.compile(r"\b(?:was|were|is|are|it['’]s)\s+all\s+$", re.IGNORECASE)
# After "who"/"that", a transitive verb is passive only with a form of "be": "who were
# killed", not "who had killed" or "who allegedly killed"
_BE = re.compile(r"\b(?:was|were|is|are|be|been|being)\b")
_FINITE_AUX = re.compile(r"\b(?:were|was|are|is|have|has|had)\b")
# Counts are of people born: "an unborn child" is kept in the text, not in the count
_UNBORN = re.compile(r"\bunborn\b", re.IGNORECASE)
_UNBORN_NEXT = re.compile(r"\s+unborn\b", re.IGNORECASE)
# "Jerry Roe, 31 all died": a number right after a name and a comma is an age
_AFTER_NAME = re.compile(
    r"(?<![\w.])(?!(?:In|At|On|Of|From|Near|And|For|By|The)\b)[A-Z][a-z]+\s+[A-Z][a-z'’-]+,\s*$"
)


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: str
    quantity: Quantity
    q_span: tuple[int, int]
    span: tuple[int, int]
    subject: str | None
    passive: bool = False
    listed: bool = False  # "two of the men, <names>, died": the names are the same people


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _bad_number_context(text: str, start: int, end: int, lex: FigureLexicon) -> bool:
    """Money, years, ages, times, phone numbers and percentages are not figures.

    A bare 1800-2099 written without a thousands separator is read as a year.
    """
    before = text[max(0, start - 24) : start]
    if _CURRENCY_BEFORE.search(before) or _BAD_BEFORE.search(before):
        return True
    if _BAD_AFTER.match(text, end):
        return True
    words = before.lower().split()
    figure = text[start:end].strip()
    if words and words[-1].strip(".,") in lex.months:
        return True
    return bool(_YEAR.fullmatch(figure))


def written_as_count(text: str, start: int, end: int) -> bool:
    """False when the number at text[start:end] is not a count: an age, a time, a phone
    number, money, a percentage, an ordinal, a year (the contexts the extractor skips)."""
    return not _bad_number_context(text, start, end, load_lexicon())


def _clean_subject(raw: str | None, lex: FigureLexicon) -> str | None:
    words = (raw or "").split()
    while words and words[0].lower() == "of":
        words = words[1:]
    if not words:
        return None
    if words[0].lower() in lex.time_units or words[-1].lower().strip(".") in lex.time_units:
        return ""
    return " ".join(words)


def _is_weapon(subject: str | None, lex: FigureLexicon) -> bool:
    words = (subject or "").lower().split()
    pairs = [" ".join(words[n : n + 2]) for n in range(len(words) - 1)]
    return any(word in lex.weapon_nouns for word in [*words, *pairs])


def _kind(
    verb: str, table: dict[str, tuple[str, ...]], subject: str | None, lex: FigureLexicon
) -> str | None:
    verb = _norm(verb)
    kinds = [kind for kind, phrases in table.items() if verb in phrases]
    if _is_weapon(subject, lex):
        return "weapons_seized" if "weapons_seized" in kinds else None
    people = [kind for kind in kinds if kind != "weapons_seized"]
    return people[0] if people else None


def _verb_table(match: re.Match[str], lex: FigureLexicon) -> tuple[str, dict[str, tuple[str, ...]]]:
    groups = match.groupdict()
    if groups.get("pv"):
        return groups["pv"], lex.passive
    if groups.get("av"):
        return groups["av"], lex.active
    if groups.get("nv"):
        return groups["nv"], lex.nouns
    return "death toll", {"killed": ("death toll",)}


def _is_particle_verb(verb: str, text: str, end: int, lex: FigureLexicon) -> bool:
    """ "shot at", "shot down": the verb with this particle is not a hit on a person."""
    particles = lex.not_a_hit_after.get(_norm(verb), ())
    following = text[end : end + 12].split()
    return bool(particles) and bool(following) and following[0].lower().strip(".,") in particles


def _is_shots_fired(match: re.Match[str], text: str) -> bool:
    """ "He fired one shot", "neighbours heard three shots": shots, not people hit."""
    verb = match.groupdict().get("pv")
    if not verb or _norm(verb) != "shot":
        return False
    return _FIRED_BEFORE.search(text, max(0, match.start() - 30), match.start()) is not None


def _is_active_clause(match: re.Match[str], text: str, pats: FigurePatterns) -> bool:
    """ "Two gunmen killed a guard", "the man who (had, allegedly) shot and killed ...": a
    passive-pattern match that is really active voice. After "who", a transitive verb is
    passive only with a form of "be" ("who were killed")."""
    groups = match.groupdict()
    verb = groups.get("pv")
    if not verb:
        return False
    transitive = _norm(verb) in pats.active_phrases
    aux = match.group("aux")
    if groups.get("rel"):
        return transitive and not _BE.search(aux)
    if aux.strip():
        return False
    return transitive and pats.object_start.match(text, match.end()) is not None


# How a pattern family's match is counted: the quantity as written, one or two people
# named by noun phrases, a "double/triple" word, or the sum of coordinated figures.
Count = Literal["written", "listed", "one", "two", "multiple", "sum", "self"]
_WRITTEN = frozenset({"written", "listed"})
Cue = re.Pattern[str] | None


def _conjunct_count(part: str) -> int | None:
    """ "a woman" -> 1, "their three children" -> 3, "two men" -> 2; None if not a count.

    An unborn child is not counted: "four adults and an unborn baby" -> 4."""
    words = part.split()
    if _UNBORN.search(part):
        return 0
    rest = part
    if words and words[0].lower() in _OPENERS:
        rest = part.strip()[len(words[0]) :].lstrip()
    match = grammar().quantity.match(rest)
    if match is None or not rest[match.end() : match.end() + 1].isspace():
        bare = len(words) == 1 and words[0].lower() in patterns().lexicon.person_singular
        return 1 if words and (words[0].lower() in _ONE or bare) else None
    quantity = parse_quantity(match.group(0))
    return quantity.best if quantity is not None else None


def _summed(q_text: str) -> Quantity | None:
    """ "two men and a woman" -> 3; None when a conjunct has no point value."""
    total = 0
    for part in _CONJUNCTS.split(_AGE_ASIDE.sub("", q_text).strip()):
        count = _conjunct_count(part)
        if count is None:
            return None
        total += count
    return Quantity(total, total, q_text, total)


def _quantity(q_text: str, count: Count, lex: FigureLexicon) -> Quantity | None:
    if count in _WRITTEN:
        return parse_quantity(q_text)
    if count == "sum":
        return _summed(q_text)
    value = {"one": 1, "two": 2, "self": 1}.get(count) or lex.multiples[q_text.lower()]
    return Quantity(value, value, q_text, value)


def _group(match: re.Match[str], text: str, name: str) -> str | None:
    """A group of a match over the lowered text, as written in `text` (None if unset)."""
    start, end = match.span(name)
    return None if start < 0 else text[start:end]


def _subject(match: re.Match[str], text: str, count: Count, lex: FigureLexicon) -> str | None:
    q_text = _group(match, text, "q") or ""
    if count == "sum":
        return q_text
    if count == "self":
        return q_text.lower()
    return _clean_subject(_group(match, text, "subj"), lex)


def _is_age_after_name(match: re.Match[str], text: str, pats: FigurePatterns) -> bool:
    """ "Jerry Roe, 31 all died": digits right after a first and last name and a comma.

    Not an age: "In East Ghouta, 7 were killed" (a finite auxiliary follows, but not after
    "who": "Jerry Roe, 31 who was shot"), "Two Dead, 2 Hurt" in a title-case headline (the
    words before are a number or a casualty word)."""
    q_start, q_end = match.span("q")
    name = _AFTER_NAME.search(text, max(0, q_start - 60), q_start)
    if name is None or not text[q_start:q_end].isdigit():
        return False
    words = {word.strip(",").lower() for word in name.group(0).split()}
    numbers = {*pats.lexicon.units, *pats.lexicon.tens}
    if words & numbers or pats.verb_cue.search(name.group(0).lower()):
        return False
    groups = match.groupdict()
    return bool(groups.get("rel")) or not _FINITE_AUX.search(groups.get("aux") or "")


@lru_cache(maxsize=1)
def _verb_before() -> re.Pattern[str]:
    verbs = alternation(sorted(patterns().active_phrases))
    return re.compile(rf"\b(?:{verbs})\s+$")


def _is_object_of_a_verb(match: re.Match[str], text: str, count: Count) -> bool:
    """ "The man who shot and killed a guard was arrested": "a guard" is the object of
    "killed", so "was arrested" is said of someone else, not of the guard. Only for people
    named by noun phrases: "8 killed 58 injured" in a headline is two figures."""
    if not match.groupdict().get("pv") or count not in ("one", "two", "sum"):
        return False
    q_start = match.start("q")
    before = lowered(text[max(0, q_start - 40) : q_start])
    before = re.split(r"[.!?;:\n]", before)[-1]  # the verb is in the figure's sentence
    verb = _verb_before().search(before)
    # "in a second shooting a woman was shot dead": "shooting" there is a noun
    return verb is not None and not _NOUN_BEFORE.search(before, 0, verb.start())


def _not_a_person_count(
    match: re.Match[str], text: str, count: Count, subject: str | None, pats: FigurePatterns
) -> bool:
    """An age after a name, or an unborn child: not a count of people killed."""
    q_start, q_end = match.span("q")
    if count in _WRITTEN and subject is None and _is_age_after_name(match, text, pats):
        return True
    # "killed her unborn child": the pronoun family reads "her" as the one killed
    unborn = _UNBORN.search(text, q_start, q_end) or _UNBORN_NEXT.match(text, q_end)
    return count in ("one", "two") and unborn is not None


def _past_all_over(text: str, q_start: int) -> int:
    """ "When it was all over one man was dead": "over" ends "it was all over", it is no
    "more than" ("in all over 40 people" is)."""
    over = _ALL_OVER.match(text, q_start)
    before = _ALL_BEFORE.search(text, max(0, q_start - 12), q_start)
    return over.end() if over and before else q_start


def _is_subject_of_a_participle(match: re.Match[str], text: str, pats: FigurePatterns) -> bool:
    """ "8 people killed 58 others injured" (a headline): "58 others" are the injured, not
    people the 8 killed. An active verb's figure whose words run into "injured", "wounded",
    "hurt" or "killed" with no object after it ("injured in rocket attacks") is that
    participle's subject; not after "who" ("two gunmen who killed a farmer fled"), nor
    when the participle takes an object ("killed two policemen, wounded a third")."""
    if not match.groupdict().get("av"):
        return False
    if _RELATIVE_BEFORE.search(text, max(0, match.start("av") - 40), match.start("av")):
        return False
    participle = _PARTICIPLE.search(text, match.start("q"), match.end() + 25)
    if participle is None:
        return False
    between = text[match.start("q") : participle.start()]
    if between.count(" ") > 5 or _NOT_ONE_PHRASE.search(between):
        return False  # "killed six people and injured ...": a second verb of the clause
    after = lowered(text[participle.end() : participle.end() + 40]).split()
    takes_object = bool(after) and (
        after[0] in _OBJECT_WORDS or bool(grammar().quantity.match(after[0]))
    )
    return not takes_object and pats.object_start.match(text, participle.end()) is None


def _hit(match: re.Match[str], text: str, pats: FigurePatterns, count: Count) -> _Hit | None:
    lex = pats.lexicon
    q_start, q_end = match.span("q")
    if count in _WRITTEN:
        q_start = _past_all_over(text, q_start)
    q_text = text[q_start:q_end]
    if count in ("written", "listed", "sum") and _bad_number_context(text, q_start, q_end, lex):
        return None
    if count == "listed" and not NAMES_ASIDE.fullmatch(text, *match.span("aside")):
        return None
    both = q_text.lower() == "both" and bool(match.groupdict().get("av"))
    if both and _AND_NEXT.match(text, match.end()):
        return None  # "killing both civilians and fighters": a pair of groups, not two
    quantity = _quantity(q_text, count, lex)
    subject = _subject(match, text, count, lex)
    if _not_a_person_count(match, text, count, subject, pats):
        return None
    if quantity is None or subject == "" or "\n\n" in match.group(0):
        return None
    if _is_active_clause(match, text, pats) or _is_object_of_a_verb(match, text, count):
        return None
    if _is_subject_of_a_participle(match, text, pats):
        return None
    verb, table = _verb_table(match, lex)
    if _is_particle_verb(verb, text, match.end(), lex) or _is_shots_fired(match, text):
        return None
    kind = "killed" if count in ("multiple", "self") else _kind(verb, table, subject, lex)
    if kind is None:
        return None
    passive = bool(match.groupdict().get("pv")) and count in _WRITTEN
    listed = count == "listed"
    return _Hit(kind, quantity, (q_start, q_end), match.span(), subject, passive, listed)


def lowered(text: str) -> str:
    """`text` in lower case with the same length, so offsets carry over to the original.

    A character whose lower case is longer ("İ") is kept as it is.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _families(pats: FigurePatterns) -> tuple[tuple[re.Pattern[str], Count, Cue, bool], ...]:
    """Each family, how its matches are counted, the cue it ends at (None: run it all) and
    whether it reads the text as written (True) rather than lowered."""
    verb, noun = pats.verb_cue, pats.noun_cue
    return (
        (pats.passive, "written", verb, False),
        (pats.partitive_listed, "listed", verb, False),
        (pats.active, "written", None, False),
        (pats.noun, "written", noun, False),
        (pats.toll, "written", None, False),
        (pats.singular_passive, "one", verb, False),
        (pats.singular_active, "one", None, False),
        (pats.pronoun_active, "one", None, False),
        (pats.headline, "one", verb, False),
        (pats.pair_passive, "two", verb, False),
        (pats.pair_active, "two", None, False),
        (pats.named_pair, "two", verb, True),
        (pats.coordinated, "sum", verb, False),
        (pats.coordinated_active, "sum", None, False),
        (pats.multiple, "multiple", None, False),
        (pats.reflexive, "self", pats.self_cue, False),
        (pats.reflexive_listed, "self", pats.self_cue, False),
    )


def _headline_hits(text: str, low: str, pats: FigurePatterns) -> Iterator[_Hit]:
    """Lists joined by commas alone, "Gunman kills 2 adults, 2 teens", and people without
    an article, "Man kills wife": only in a headline,
    the first line of a text that has more than one ("killing 15 people, the UN refugee
    agency said" in a single-line text is not a list)."""
    end = low.find("\n")
    if end < 0:
        return
    families: tuple[tuple[re.Pattern[str], Count], ...] = (
        (pats.headline_list, "sum"),
        (pats.headline_list_active, "sum"),
        (pats.headline_bare_active, "one"),
    )
    for pattern, count in families:
        for match in pattern.finditer(low, 0, end):
            hit = _hit(match, text, pats, count)
            if hit is not None:
                yield hit


def _hits(text: str, pats: FigurePatterns) -> Iterator[_Hit]:
    low = lowered(text)
    for pattern, count, cue, as_written in _families(pats):
        for match in matches(pattern, text if as_written else low, low, cue):
            hit = _hit(match, text, pats, count)
            if hit is not None:
                yield hit
    yield from _headline_hits(text, low, pats)


def _inherit_subjects(hits: list[_Hit], text: str, pats: FigurePatterns) -> list[_Hit]:
    """ "Hundreds of fighters were killed and many captured": "many" are the fighters."""
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if hit.passive and hit.subject is None and prev is not None and prev.subject is not None:
            gap = text[prev.span[1] : hit.span[0]] if prev.span[1] <= hit.span[0] else "\n\n"
            if not pats.boundary.search(gap):
                hit = replace(hit, subject=prev.subject)
        out.append(hit)
    return out


def _drop_nested(hits: list[_Hit]) -> list[_Hit]:
    """ "a man and a boy were killed" counts 2, not also 1 for "a boy"; "two of the men,
    Jane Doe and John Roe, died" counts the two once (the names are those two)."""

    def inside(hit: _Hit, other: _Hit) -> bool:
        (a, b), (c, d) = hit.q_span, other.q_span
        if other.kind != hit.kind or (c, d) == (a, b):
            return False
        named = other.listed and d <= a and b <= other.span[1]
        return (c <= a and b <= d) or (named and hit.quantity.low == other.quantity.low)

    return [hit for hit in hits if not any(inside(hit, other) for other in hits)]


def _dedupe(hits: list[_Hit]) -> list[_Hit]:
    """One claim per kind, subject and band, and one per quantity position and kind."""
    seen: set[tuple[object, ...]] = set()
    out: list[_Hit] = []
    for hit in hits:
        keys = [
            (hit.kind, (hit.subject or "").lower(), hit.quantity.low, hit.quantity.high),
            (hit.kind, hit.q_span),
        ]
        if any(key in seen for key in keys):
            continue
        seen.update(keys)
        out.append(hit)
    return out


def extract_figures(text: str, article_id: str = "", outlet: str | None = None) -> list[Claim]:
    """All figures in `text`, in text order; a figure an article repeats is kept once."""
    pats = patterns()
    hits = sorted(_hits(text, pats), key=lambda h: (h.q_span[0], h.span[0]))
    hits = _dedupe(_inherit_subjects(_drop_nested(hits), text, pats))
    return [
        Claim(
            kind=hit.kind,
            text=hit.quantity.text,
            article_id=article_id,
            span=hit.span,
            low=hit.quantity.low,
            high=hit.quantity.high,
            subject=hit.subject,
            outlet=outlet,
            stage=STAGE,
        )
        for hit in hits
    ]


def extract_article_figures(article: Article) -> list[Claim]:
    """The figures of one article, with its id and outlet."""
    return extract_figures(article.text, article.article_id, article.outlet)
