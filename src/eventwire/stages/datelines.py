"""Datelines, headlines, bylines, outlets and published dates of news articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from eventwire.resources import read_csv

__all__ = ["Dateline", "DatelineRules", "PartialDate", "parse_date"]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
ORD = r"(?:st|nd|rd|th|ST|ND|RD|TH)?"
DATE = (
    rf"(?:(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+\d{{1,2}}{ORD}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}{ORD}\s+{MONTH}(?:,?\s+\d{{4}})?)|\d{{4}}-\d{{2}}-\d{{2}})"
)
PLACE = r"[A-Z][A-Za-z'’.\-]+(?:[ \-][A-Z][A-Za-z'’.\-]+){0,3}"
_DATE_RE = re.compile(DATE)
_DATE_LINE = re.compile(rf"^{DATE}(?:\s*[-|,]?\s*\d{{1,2}}:\d{{2}}(?:\s*[AaPp][Mm])?.{{0,20}})?$")
_PLACE_DATE_LINE = re.compile(rf"^(?P<place>{PLACE}),\s*(?P<date>{DATE})$")
_PAREN_DATELINE = re.compile(
    rf"^(?P<place>{PLACE})\s*,?\s*(?:(?P<date>{DATE})\s*)?\((?P<outlet>[^()\n]{{2,40}})\)\s*[-–—:]+\s*"
)
_CAPS_DATELINE = re.compile(
    r"^(?P<place>[A-Z]{3,}(?:[ \-][A-Z]{2,}){0,2})\s*[,]?\s*[-–—:]+\s+(?=[A-Z\"“])"
)
_BYLINE = re.compile(
    r"^(?:By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"|(?:[A-Z]\.\s?)+[A-Z][a-z’'-]+(?:\s*/\s*(?:(?:[A-Z]\.\s?)*[A-Z][a-z’'-]+))*)$"
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")
_CAP_WORD = re.compile(r"[A-Za-z][\w’'-]{3,}")
_WORDS = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as written; `year` is None when the text gave none ("Jun 6")."""

    year: int | None
    month: int
    day: int

    def with_year(self, year: int) -> PartialDate:
        return PartialDate(year, self.month, self.day)

    def iso(self) -> str | None:
        if self.year is None:
            return None
        try:
            return date(self.year, self.month, self.day).isoformat()
        except ValueError:
            return None


def parse_date(text: str) -> PartialDate | None:
    """Parse '6 June 2013', 'Jun 06, 2013', 'Jun 6', '2013-06-06' (first date in text)."""
    iso = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return PartialDate(int(iso[1]), int(iso[2]), int(iso[3]))
    month = re.search(MONTH, text)
    if month is None:
        return None
    number = month_number(month[0])
    after = re.match(
        r"\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", text[month.end() :], re.I
    )
    before = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s+$", text[: month.start()], re.I)
    if after:
        return PartialDate(int(after[2]) if after[2] else None, number, int(after[1]))
    if before:
        year = re.match(r",?\s+(\d{4})", text[month.end() :])
        return PartialDate(int(year[1]) if year else None, number, int(before[1]))
    return None


def month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a header line or a paragraph's opening told about its article."""

    outlet: str | None = None
    place: str | None = None
    date: PartialDate | None = None
    prefix_end: int = 0
    headline: str | None = None


class DatelineRules:
    """Recognisers for header units, with the outlet table from `outlets.v1.csv`."""

    version = "split.datelines.v1"

    def __init__(self) -> None:
        rows = read_csv("outlets.v1.csv")
        self.aliases: dict[str, str] = {}
        for row in rows:
            for alias in row["aliases"].split("|"):
                self.aliases[alias.strip()] = row["outlet"]
        self.kinds = {row["outlet"]: row["kind"] for row in rows}

    @cached_property
    def outlet_pattern(self) -> str:
        names = sorted(self.aliases, key=len, reverse=True)
        return "|".join(re.escape(name) for name in names)

    @cached_property
    def _glued(self) -> re.Pattern[str]:
        pattern = (
            rf"(?P<outlet>{self.outlet_pattern})\s*(?P<date>{DATE})\s+(?P<place>{PLACE})\s*:\s+"
        )
        return re.compile(pattern)

    def canonical_outlet(self, name: str) -> str | None:
        name = name.strip()
        return self.aliases.get(name) or self.aliases.get(name.strip("() "))

    def outlet_line(self, text: str) -> str | None:
        return self.canonical_outlet(text) if len(text) <= 40 else None

    def date_line(self, text: str) -> PartialDate | None:
        return parse_date(text) if _DATE_LINE.match(text) else None

    def place_date_line(self, text: str) -> Dateline | None:
        match = _PLACE_DATE_LINE.match(text)
        if match is None:
            return None
        return Dateline(place=tidy_place(match["place"]), date=parse_date(match["date"]))

    def inline(self, text: str) -> Dateline | None:
        """A dateline opening a paragraph: 'DAMASCUS, (SANA)-', 'JNN 6 June 2013 Damascus :'."""
        match = _PAREN_DATELINE.match(text)
        if match and self.credible_paren_outlet(match):
            outlet = self.canonical_outlet(match["outlet"]) or match["outlet"].strip()
            found = parse_date(match["date"]) if match["date"] else None
            return Dateline(outlet, tidy_place(match["place"]), found, match.end())
        glued = self._glued.search(text[:250])
        if glued:
            headline = text[: glued.start()].strip() or None
            outlet = self.canonical_outlet(glued["outlet"])
            found = parse_date(glued["date"])
            return Dateline(outlet, tidy_place(glued["place"]), found, glued.end(), headline)
        caps = _CAPS_DATELINE.match(text)
        if caps:
            return Dateline(place=tidy_place(caps["place"]), prefix_end=caps.end())
        return None

    def standalone(self, line: str) -> bool:
        """A line that is a unit of its own even inside a block (date, outlet, byline)."""
        line = line.strip()
        return bool(
            self.date_line(line) or self.outlet_line(line) or self.place_date_line(line)
        ) or self.byline(line)

    def credible_paren_outlet(self, match: re.Match[str]) -> bool:
        """A known outlet in '(…)', or an unknown all-caps one followed by a dash."""
        if self.canonical_outlet(match["outlet"]):
            return True
        name, separator = match["outlet"].strip(), match[0].rstrip()[-1]
        return name.isupper() and len(name) >= 3 and separator in "-–—"

    def byline(self, text: str) -> bool:
        return len(text) <= 60 and _BYLINE.match(text) is not None

    def headline(self, text: str) -> bool:
        """Short, title-cased, no sentence-final punctuation."""
        words = _WORDS.findall(text)
        if not 3 <= len(words) <= 30 or len(text) > 220 or _SENTENCE_END.search(text):
            return False
        if text[0] in "\"“‘'(" or self.byline(text) or _DATE_RE.fullmatch(text):
            return False
        content = _CAP_WORD.findall(text)
        capitals = sum(1 for word in content if word[0].isupper())
        return bool(content) and capitals >= 0.6 * len(content)


def tidy_place(place: str) -> str:
    place = place.strip(" ,")
    return place.title() if place.isupper() else place
