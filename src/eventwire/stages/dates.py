"""Date resolution: date expressions in news text -> absolute dates with ACLED precision.

Expressions are resolved against an anchor, the article's dateline or published date.
Precision follows ACLED: 1 day, 2 week (or part of a month, or a window of days),
3 month. Rules are own regexes compiled once; relative forms ("early Wednesday",
"a few days ago", "June 30th of last year") need them, and they keep the precision that
a generic parser loses.

Two flags keep non-event dates apart: `background` (a period such as "since March 2011"
or "for more than two years", never an event date) and `future` (a date after the anchor,
or one a clause puts in the future: "will be resumed on June 25th"). A future reference
is never moved into the past, and a past-tense reference never lands after the anchor
unless the text gives an explicit year.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

__all__ = [
    "DAY",
    "MONTH",
    "NAME",
    "WEEK",
    "ResolvedDate",
    "Tense",
    "anchor_date",
    "event_date",
    "find_dates",
    "infer_tense",
    "resolve_date",
]

NAME = "resolve.dates.rules.v1"
DAY, WEEK, MONTH = 1, 2, 3
Tense = Literal["past", "future"]
Range = tuple[date, date, int]
_HORIZON_DAYS = 31  # without a tense, a date without a year is future only this close


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """An absolute date range with ACLED precision, and the expression as written."""

    start: date
    end: date
    precision: int
    text: str
    future: bool = False
    background: bool = False


# --- vocabulary --------------------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Vague quantities as (fewest, most) units.
_VAGUE = {"couple": (1, 3), "few": (2, 6), "several": (3, 9), "some": (2, 9)}
_PARTS = {"early": (1, 10), "beginning": (1, 10), "mid": (11, 20), "late": (21, 31)}
_DAY_WORDS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0,
    "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "tomorrow": 1, "the day after tomorrow": 2,
}  # fmt: skip

MONTH_RE = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
YEAR_RE = r"(?P<year>(?:1[89]|20)\d\d)\b"
REL_YEAR = rf"(?:,?\s+(?:of\s+)?(?:{YEAR_RE}|(?P<rel>last|this|next|the\s+previous)\s+year))?"
PART_RE = r"(?:(?:the\s+)?(?P<part>early|beginning\s+of|mid|late|end\s+of)[\s-]+)?"
NUM_RE = (
    r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:a\s+)?(?:couple(?:\s+of)?|few)|several|some)"
)
UNIT_RE = r"(?P<unit>day|week|month|year)s?"
WEEKDAY_RE = (
    r"(?:(?P<when>early|late|overnight)\s+)?(?:(?P<rel>last|next|this|past|coming)\s+)?"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)

# --- small date arithmetic -----------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _number(word: str) -> tuple[int, int]:
    """(fewest, most) for a number word: "two" -> (2, 2), "a few" -> (2, 6)."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word), int(word)
    if word in _NUMBERS:
        return _NUMBERS[word], _NUMBERS[word]
    key = word.removeprefix("a ").split()[0]
    return _VAGUE.get(key, (2, 9))


def _span(days: int) -> int:
    return DAY if days <= 1 else WEEK if days <= 10 else MONTH


def _month_number(token: str) -> int:
    return _MONTHS.index(token[:3].lower()) + 1


def _nearest(candidates: list[date], anchor: date, tense: Tense | None) -> date | None:
    """The candidate a tense points to: latest <= anchor, earliest >= anchor, or nearest.

    Without a tense, news reports the past: a future candidate needs to be near.
    """
    past = [c for c in candidates if c <= anchor]
    future = [c for c in candidates if c >= anchor]
    if tense == "past":
        return max(past, default=None)
    if tense == "future":
        return min(future, default=None)
    soon = [c for c in future if (c - anchor).days <= _HORIZON_DAYS]
    return min(past + soon, key=lambda c: (abs((c - anchor).days), c > anchor), default=None)


def _candidates(make: Callable[[int], date], anchor: date) -> list[date]:
    found = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            found.append(make(year))
        except ValueError:
            continue
    return found


def _group(m: re.Match[str], name: str) -> str | None:
    """A named group's text; None when the rule has no such group or it did not match."""
    value = m.groupdict().get(name)
    return value.lower() if value else None


def _explicit_year(m: re.Match[str], anchor: date) -> int | None:
    year, rel = _group(m, "year"), _group(m, "rel")
    if year:
        return int(year)
    if not rel:
        return None
    return anchor.year + {"last": -1, "previous": -1, "this": 0, "next": 1}[rel.split()[-1]]


# --- rule builders: (match, anchor, tense) -> (start, end, precision) | None -------------


def _iso(m: re.Match[str], anchor: date, tense: Tense | None) -> Range | None:
    day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day, day, DAY


def _month_day(m: re.Match[str], anchor: date, tense: Tense | None) -> Range | None:
    month, day = _month_number(m["month"]), int(m["day"])
    year = _explicit_year(m, anchor)
    if year is not None:
        exact = date(year, month, day)
        return exact, exact, DAY
    found = _nearest(_candidates(lambda y: date(y, month, day), anchor), anchor, tense)
    return None if found is None else (found, found, DAY)


def _month_part(year: int, month: int, part: str | None) -> Range:
    last = _month_end(year, month)
    if part is None:
        return last.replace(day=1), last, MONTH
    key = "late" if part.startswith("end") else part.split()[0].lower()
    first, final = _PARTS[key]
    return date(year, month, first), last.replace(day=min(final, last.day)), WEEK


def _month(m: re.Match[str], anchor: date, tense: Tense | None) -> Range | None:
    month = _month_number(m["month"])
    year = _explicit_year(m, anchor)
    if year is not None:
        return _month_part(year, month, _group(m, "part"))
    year = _month_year(month, anchor, tense, _group(m, "mrel"))
    if year is None:
        return None
    found = _month_part(year, month, _group(m, "part"))
    if tense == "past" and found[0] > anchor:  # "late June" in an early-June past report
        return _month_part(year - 1, month, _group(m, "part"))
    return found


def _month_year(month: int, anchor: date, tense: Tense | None, rel: str | None) -> int | None:
    """The year of a month named without one: "in March", "last March", "next June"."""
    this_month = anchor.replace(day=1)
    starts = [date(year, month, 1) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if rel == "this":
        return anchor.year
    if rel == "last":
        return max(s for s in starts if s < this_month).year
    if rel == "next":
        return min(s for s in starts if s > this_month).year
    found = _nearest(starts, this_month, tense)
    return None if found is None else found.year


def _year(m: re.Match[str], anchor: date, tense: Tense | None) -> Range | None:
    year = int(m["year"])
    return date(year, 1, 1), date(year, 12, 31), MONTH


def _weekday(m: re.Match[str], anchor: date, tense: Tense | None) -> Range | None:
    target = _WEEKDAYS.index(m["weekday"].lower())
    rel = (m["rel"] or "").lower()
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if rel in ("next", "coming") or (tense == "future" and rel not in ("last", "past")):
        offset = ahead or (7 if rel == "next" else 0)
    else:
        offset = -(back or (7 if rel in ("last", "past") else 0))
    day = anchor + timedelta(days=offset)
    return day, day, DAY


def _day_word(m: re.Match[str], anchor: date, tense: Tense | None) -> Range | None:
    day = anchor + timedelta(days=_DAY_WORDS[" ".join(m[0].lower().split())])
    return day, day, DAY


def _ago(m: re.Match[str], anchor: date, tense: Tense | None) -> Range | None:
    """ "two days ago" (a day), "a few days ago" (a window), "three weeks ago", "a year ago"."""
    fewest, most = _number(m["n"])
    unit = m["unit"].lower()
    if unit == "day":
        start, end = anchor - timedelta(days=most), anchor - timedelta(days=fewest)
        return start, end, DAY if fewest == most else WEEK
    if unit == "week":
        start = anchor - timedelta(weeks=most, days=3)
        end = min(anchor - timedelta(weeks=fewest) + timedelta(days=3), anchor - timedelta(days=1))
        return start, end, WEEK if fewest == most else _span((end - start).days)
    if unit == "month":
        start = _shift_months(anchor.replace(day=1), -most)
        last = _shift_months(anchor.replace(day=1), -fewest)
        return start, _month_end(last.year, last.month), MONTH
    return date(anchor.year - most, 1, 1), date(anchor.year - fewest, 12, 31), MONTH


def _relative_unit(m: re.Match[str], anchor: date, tense: Tense | None) -> Range | None:
    """last/this/next week|month|year, "earlier this week", "later this month"."""
    rel, unit = m["rel"].lower(), m["unit"].lower()
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        start, end, precision = monday, monday + timedelta(days=6), WEEK
    elif unit == "month":
        start = _shift_months(anchor.replace(day=1), step)
        end, precision = _month_end(start.year, start.month), MONTH
    else:
        start, end, precision = (
            date(anchor.year + step, 1, 1),
            date(anchor.year + step, 12, 31),
            MONTH,
        )
    if m["side"] and m["side"].lower() == "earlier":
        end = min(end, anchor)
    elif m["side"]:
        start = max(start, anchor)
    return start, end, precision


def _period(m: re.Match[str], anchor: date, tense: Tense | None) -> Range | None:
    """ "for two years", "over the past two months", "in recent weeks": a span to the anchor."""
    most = _number(m["n"])[1] if m["n"] else 2
    unit = m["unit"].lower().rstrip("s")
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * most
    start = anchor - timedelta(days=days)
    return start, anchor, _span(days)


# --- rules ---------------------------------------------------------------------------

Builder = Callable[[re.Match[str], date, Tense | None], Range | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    build: Builder
    background: bool = False
    needs: re.Pattern[str] | None = None  # found in every text the rule matches


def _rule(
    pattern: str, build: Builder, background: bool = False, needs: re.Pattern[str] | None = None
) -> _Rule:
    return _Rule(re.compile(pattern, re.IGNORECASE), build, background, needs)


# What some rules' matches always contain, whole words: a text without it skips the rules.
_DIGIT = re.compile(r"\d")
_MONTH_TOKEN = re.compile(r"\b" + MONTH_RE, re.IGNORECASE)
_WEEKDAY_TOKEN = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_UNIT_TOKEN = re.compile(r"\b(?:day|week|month|year)s?\b", re.IGNORECASE)
_RULES = (
    _rule(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", _iso, needs=_DIGIT),
    _rule(rf"\b{MONTH_RE}\s+{DAY_RE}{REL_YEAR}", _month_day, needs=_MONTH_TOKEN),
    _rule(rf"\b{DAY_RE}\s+(?:of\s+)?{MONTH_RE}{REL_YEAR}", _month_day, needs=_MONTH_TOKEN),
    _rule(
        rf"\b{PART_RE}{MONTH_RE}(?:,?\s+(?:of\s+)?(?:{YEAR_RE}|(?P<rel>last|this|next)\s+year))",
        _month,
        needs=_MONTH_TOKEN,
    ),
    _rule(rf"\b(?:in|since|during|of)\s+(?P<x>{PART_RE}{MONTH_RE})", _month, needs=_MONTH_TOKEN),
    _rule(rf"\b(?P<part>early|mid|late)[\s-]+{MONTH_RE}", _month, needs=_MONTH_TOKEN),
    _rule(rf"\b(?P<mrel>last|this|next)\s+{MONTH_RE}", _month, needs=_MONTH_TOKEN),
    _rule(rf"\b(?:in|since|during|of)\s+(?P<x>{YEAR_RE})", _year, needs=_DIGIT),
    _rule(rf"\b{WEEKDAY_RE}", _weekday, needs=_WEEKDAY_TOKEN),
    _rule(r"\b(?:" + "|".join(k.replace(" ", r"\s+") for k in _DAY_WORDS) + r")\b", _day_word),
    _rule(rf"\b{NUM_RE}\s+{UNIT_RE}\s+ago\b", _ago, needs=_UNIT_TOKEN),
    _rule(
        r"\b(?:(?P<side>earlier|later)\s+)?(?P<rel>last|previous|this|next)\s+"
        r"(?P<unit>week|month|year)\b",
        _relative_unit,
        needs=_UNIT_TOKEN,
    ),
    _rule(
        r"\b(?:(?:(?P<duration>for)|over|during)(?:\s+the)?(?:\s+(?:(?:more|less)\s+than|over|nearly|almost"
        r"|about|past|last|recent))?|in(?:\s+the)?\s+(?:past|last|recent))\s+"
        rf"(?:{NUM_RE}\s+)?(?P<unit>days|weeks|months|years)\b",
        _period,
        background=True,
        needs=_UNIT_TOKEN,
    ),
)
_NEEDS = frozenset(rule.needs for rule in _RULES if rule.needs is not None)
# Words that must appear for any rule to fire: a cheap gate before running the rules.
_GATE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|yesterday|today|tonight|tomorrow|morning|afternoon|evening|night|ago|week|month|year"
    r"|days)",
    re.IGNORECASE,
)
# A period longer than this ("over the past two months") is background, never an event date.
_LONGEST_EVENT_DAYS = 31
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|is\s+to|are\s+to|set\s+to|(?:is|are)\s+due\s+to|scheduled|expected\s+to"
    r"|plan(?:s|ned)?\s+to|going\s+to|upcoming)\b|'ll\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;:!?\"“”\n]|,\s|\bthat\b|\bwhich\b|\bsaid\b", re.IGNORECASE)
_CLAUSE_WINDOW = 160  # characters looked back for a clause's tense
_REPORTING = re.compile(
    r"\b(?:said|says|told|reported|announced|stated|statement|added|noted|claimed)\b"
    r"(?:\s+\w+){0,4}\s+(?:on\s+)?$",
    re.IGNORECASE,
)


# --- public API ----------------------------------------------------------------------


def infer_tense(text: str, position: int) -> Tense | None:
    """ "future" when the clause before `position` has a future marker ("will be resumed on")."""
    before = text[max(0, position - _CLAUSE_WINDOW) : position]
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(before)]
    clause = before[breaks[-1] if breaks else 0 :]
    return "future" if _FUTURE.search(clause) else None


def find_dates(
    text: str, anchor: date, tense_hint: Tense | None = None
) -> list[tuple[tuple[int, int], ResolvedDate]]:
    """Date expressions in `text` with their character spans, resolved against `anchor`.

    Without a `tense_hint`, each expression's tense comes from its own clause.
    """
    if not _GATE.search(text):
        return []
    strict = text != text.lower()
    found = []
    for span, rule, match in _non_overlapping(_matches(text)):
        if strict and not _month_cased(match):
            continue
        since = _after_since(text, span[0])  # "since" dates are past, whatever the clause
        tense = "past" if since else tense_hint or infer_tense(text, span[0])
        resolved = _resolve(match, rule, anchor, tense, since=since)
        if resolved is not None and span != match.span():
            resolved = replace(resolved, text=text[span[0] : span[1]])
        if resolved is not None:
            found.append((span, resolved))
    return found


def resolve_date(
    expression: str, anchor: date, tense_hint: Tense | None = None
) -> ResolvedDate | None:
    """The date an expression refers to ("early Wednesday", "last month"), or None.

    With several date expressions in `expression`, the longest wins.
    """
    found = find_dates(expression, anchor, tense_hint)
    if not found:
        return None
    return max(found, key=lambda item: (item[0][1] - item[0][0], -item[0][0]))[1]


def anchor_date(published: str | None) -> date | None:
    """The anchor for an article's dates: its published or dateline ISO date, when it has a day."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def event_date(text: str, anchor: date) -> ResolvedDate | None:
    """The date a sentence reports its event on, or None when it names none.

    Background periods and future dates are never event dates. Among the rest, a date
    outside a reporting phrase ("said on Tuesday") is preferred, then the finest
    precision, then the first.
    """
    found = [(span, d) for span, d in find_dates(text, anchor) if not (d.background or d.future)]
    if not found:
        return None
    ranked = sorted(found, key=lambda item: (_reported(text, item[0][0]), item[1].precision))
    return ranked[0][1]


def _reported(text: str, position: int) -> bool:
    """True when the date dates a statement, not the event: "said on Tuesday that"."""
    return _REPORTING.search(text, max(0, position - 30), position) is not None


def _matches(text: str) -> list[tuple[tuple[int, int], _Rule, re.Match[str]]]:
    """Every rule's matches; a rule's group `x` is the expression when it has a context.
    A rule whose `needs` is not in the text has none and is skipped."""
    present = {needs for needs in _NEEDS if needs.search(text)}
    return [
        (m.span("x") if "x" in rule.pattern.groupindex else m.span(), rule, m)
        for rule in _RULES
        if rule.needs is None or rule.needs in present
        for m in rule.pattern.finditer(text)
    ]


def _non_overlapping(
    matches: list[tuple[tuple[int, int], _Rule, re.Match[str]]],
) -> list[tuple[tuple[int, int], _Rule, re.Match[str]]]:
    """Longest matches first; a match overlapping a kept one is dropped."""
    kept: list[tuple[tuple[int, int], _Rule, re.Match[str]]] = []
    for item in sorted(matches, key=lambda i: (i[0][0] - i[0][1], i[0][0])):
        (start, end), _, _ = item
        if all(end <= s or start >= e for (s, e), _, _ in kept):
            kept.append(item)
    return sorted(kept, key=lambda i: i[0])


def _is_background(match: re.Match[str], start: date, end: date) -> bool:
    """A duration ("for two days") or a long period ("in the past two months")."""
    return bool(_group(match, "duration")) or (end - start).days > _LONGEST_EVENT_DAYS


def _after_since(text: str, position: int) -> bool:
    return _SINCE.search(text, max(0, position - 12), position) is not None


def _month_cased(match: re.Match[str]) -> bool:
    """In cased text a month needs its capital: "May 5" is a date, "may 5" is not."""
    token = _MONTH_TOKEN.search(match[0])
    return token is None or token[0][0].isupper()


def _resolve(
    match: re.Match[str], rule: _Rule, anchor: date, tense: Tense | None, since: bool
) -> ResolvedDate | None:
    try:
        found = rule.build(match, anchor, tense)
    except (ValueError, OverflowError, KeyError, IndexError):
        return None
    if found is None:
        return None
    start, end, precision = found
    if since and start <= anchor:
        end = max(end, anchor)
    elif tense != "future" and start <= anchor < end:
        end = anchor
    return ResolvedDate(
        start=start,
        end=max(start, end),
        precision=precision,
        text=match[0],
        future=start > anchor or (tense == "future" and start >= anchor),
        background=since or (rule.background and _is_background(match, start, end)),
    )
