"""One killed (injured) count per article from its figure claims (`count.figures.v1`).

The product's reading of "how many were killed in the incident this article reports", used
by the `casualties-gva` and `plover-size` evaluations and meant for the event-level band in
`fuse` (one count per article, then combined across articles):

- A figure's point value is `low` when low == high, else the quantity's `best` ("nearly
  930" -> 930); vague bands ("hundreds") have none and are left out.
- Left out: figures in a sentence that states a running total ("so far this year", "since
  2011") or names a year ("in 2014, when 58 deputies were shot dead": a past tally), and
  figures after "among" ("among 17 killed this weekend").
- The count is the largest point value among the figures in the headline and the lead
  (`LEAD_CHARS` of the body); only when those have none, the largest anywhere. Later
  paragraphs more often recall other incidents than correct the lead.
- A perpetrator's own death written next to the victims ("killed his two daughters before
  killing herself", "killed 2 children, herself") adds one to the victims' figure of that
  sentence.
- An article with no countable killed figure whose headline or first 300 characters report
  a death ("dies", "fatal shooting") outside the sentences of figures left out counts 1:
  one death told without a number.
- An injured figure that says "shot" ("6 shot, 3 fatally") counts the shot minus the
  killed count (never below 0), as injured counts exclude the dead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.records import Claim
from eventwire.stages.figures.extract import SELF_SUBJECTS
from eventwire.stages.figures.lexicon import load_lexicon
from eventwire.stages.figures.quantity import parse_quantity

__all__ = ["COUNT", "LEAD_CHARS", "article_count", "point_value"]

COUNT = "count.figures.v1"
# The headline and this many characters of the body are the lead of an article.
LEAD_CHARS = 1000
_DEATH_LEAD_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+|\n")
_DEATH_CUE = re.compile(
    r"\b(?:killed|kills|dies|died|dead|deadly|fatal|fatally|slain|murder|murdered|homicide|"
    r"death)\b",
    re.IGNORECASE,
)
# "The record was set in 2014, when 58 deputies were shot dead": a past tally
_IN_YEAR = re.compile(r"\b(?:in|during|of|since)\s+(?:19|20)\d\d\b")
_SHOT = re.compile(r"\bshot\b|\bshooting\b(?![\s\w]{0,20}\b(?:wound|injur|hurt))", re.IGNORECASE)


def point_value(claim: Claim) -> int | None:
    """The claim's count as one number, None for a band without one ("hundreds")."""
    if claim.low is not None and claim.low == claim.high:
        return claim.low
    quantity = parse_quantity(claim.text)
    return quantity.best if quantity is not None else None


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence or line around text[start:end]."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    stop = _SENTENCE_END.search(text, end)
    return (starts[-1] if starts else 0, stop.start() if stop else len(text))


def _is_running_total(claim: Claim, text: str) -> bool:
    start, end = sentence_of(text, *claim.span)
    sentence = text[start:end].lower()
    if _IN_YEAR.search(sentence):
        return True
    return any(re.search(rf"\b{re.escape(m)}", sentence) for m in load_lexicon().aggregate_markers)


def _is_wider_total(claim: Claim, text: str) -> bool:
    """ "twin brothers, among 17 killed this weekend": the 17 is a wider total."""
    return text[max(0, claim.span[0] - 8) : claim.span[0]].rstrip().lower().endswith("among")


def _reports_death(text: str, claims: list[Claim]) -> bool:
    """A death word in the headline or the start of the body, outside the sentences of
    figures left out ("So far this year 40 people have been killed": no death reported)."""
    for claim in claims:
        start, end = sentence_of(text, *claim.span)
        text = text[:start] + " " * (end - start) + text[end:]
    title, _, body = text.partition("\n\n")
    return _DEATH_CUE.search(f"{title}\n{body[:_DEATH_LEAD_CHARS]}") is not None


def _lead_end(text: str) -> int:
    title_end = text.find("\n\n")
    return (title_end if title_end >= 0 else 0) + LEAD_CHARS


def _points(claims: list[Claim], kind: str, text: str) -> list[tuple[int, int]]:
    """(start, point value) of every countable `kind` claim, the perpetrator's own death
    added to the victims' figure of the same sentence."""
    selves = [c for c in claims if c.kind == kind and (c.subject or "") in SELF_SUBJECTS]
    found: list[tuple[int, int]] = []
    for claim in claims:
        point = point_value(claim) if claim.kind == kind else None
        if point is None or _is_running_total(claim, text) or _is_wider_total(claim, text):
            continue
        if (claim.subject or "") not in SELF_SUBJECTS:
            sentence = sentence_of(text, *claim.span)
            point += any(sentence[0] <= s.span[0] < sentence[1] for s in selves)
        found.append((claim.span[0], point))
    return found


def _best(points: list[tuple[int, int]], text: str) -> int:
    lead_end = _lead_end(text)
    lead = [point for start, point in points if start < lead_end]
    return max(lead or [point for _, point in points], default=0)


def _max_point(claims: list[Claim], kind: str, text: str, minus: int = 0) -> int:
    """The count of `kind`; `minus` is taken off figures that say "shot"."""
    points = _points(claims, kind, text)
    if minus:
        shot = {c.span[0] for c in claims if c.kind == kind and _SHOT.search(text, *c.span)}
        points = [(s, max(0, p - minus) if s in shot else p) for s, p in points]
    return _best(points, text)


def article_count(claims: Iterable[Claim], kind: str, text: str) -> int:
    """One count of `kind` ("killed", "injured", ...) for the article `text` (its headline,
    a blank line, its body) from the article's claims; 0 when none. See the module doc."""
    claims = list(claims)
    if kind == "injured":
        return _max_point(claims, kind, text, minus=article_count(claims, "killed", text))
    count = _max_point(claims, kind, text)
    if kind == "killed" and not count and not any(c.kind == "other" for c in claims):
        left_out = [claim for claim in claims if claim.kind == kind]
        return 1 if _reports_death(text, left_out) else 0
    return count
