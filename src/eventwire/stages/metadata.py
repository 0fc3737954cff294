"""Per-article facts: outlet, in-text credits, title, published date, dateline place."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from eventwire.records import Document, Paragraph
from eventwire.stages.datelines import Dateline, DatelineRules, PartialDate, parse_date
from eventwire.stages.headers import UnitRole

if TYPE_CHECKING:
    from eventwire.stages.split import Group

__all__ = ["ArticleFacts", "article_facts", "find_credits"]

T = TypeVar("T")
LEAD_TITLE_WORDS = 14
_CREDIT_VERBS = (
    r"reports?|reported|said|says|quoted|cited|added|announced|stated|claimed|aired"
    r"|broadcast|showed|correspondent|reporter|news agency|footage|website"
)


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    outlet: str | None
    credits: tuple[str, ...]
    title: str | None
    title_from: str | None
    published: str | None
    place: str | None


def article_facts(
    document: Document,
    units: Sequence[Paragraph],
    roles: Sequence[UnitRole],
    groups: Sequence[Group],
    rules: DatelineRules,
) -> list[ArticleFacts]:
    years = full_date_years(roles)
    facts: list[ArticleFacts] = []
    for group in groups:
        previous = facts[-1] if facts else None
        facts.append(group_facts(document, units, roles, group, rules, years, previous))
    return facts


def group_facts(
    document: Document,
    units: Sequence[Paragraph],
    roles: Sequence[UnitRole],
    group: Group,
    rules: DatelineRules,
    years: Sequence[tuple[int, int]],
    previous: ArticleFacts | None,
) -> ArticleFacts:
    lines = group_datelines(roles, group)
    outlet = first(line.outlet for line in lines)
    if outlet is None:
        outlet = previous.outlet if previous and not group.dated else document.meta.outlet
    body = " ".join(units[i].text for i in group.body)
    anchor = min(group.header + group.body)
    published = resolve_published(first(line.date for line in lines), anchor, years, document)
    title, title_from = choose_title(document, units, roles, group, lines, previous is None, body)
    return ArticleFacts(
        outlet=outlet,
        credits=tuple(dict.fromkeys([*([outlet] if outlet else []), *find_credits(body, rules)])),
        title=title,
        title_from=title_from,
        published=published or (previous.published if previous else None),
        place=first(line.place for line in lines),
    )


def group_datelines(roles: Sequence[UnitRole], group: Group) -> list[Dateline]:
    indexes = group.header + (group.body[:1] if group.dated else [])
    return [line for i in indexes if (line := roles[i].dateline) is not None]


def first(values: Iterable[T | None]) -> T | None:
    return next((value for value in values if value is not None), None)


def full_date_years(roles: Sequence[UnitRole]) -> list[tuple[int, int]]:
    """(unit index, year) of every dateline date that states its year."""
    return [
        (index, role.dateline.date.year)
        for index, role in enumerate(roles)
        if role.dateline and role.dateline.date and role.dateline.date.year
    ]


def resolve_published(
    found: PartialDate | None, anchor: int, years: Sequence[tuple[int, int]], document: Document
) -> str | None:
    """ISO date; a date without a year takes the year of the document's nearest full date."""
    meta = parse_date(document.meta.published) if document.meta.published else None
    if found is None:
        return meta.iso() if meta else None
    if found.year is None:
        nearest = min(years, key=lambda item: abs(item[0] - anchor), default=None)
        year = nearest[1] if nearest else (meta.year if meta else None)
        found = found.with_year(year) if year else found
    return found.iso()


def choose_title(
    document: Document,
    units: Sequence[Paragraph],
    roles: Sequence[UnitRole],
    group: Group,
    lines: Sequence[Dateline],
    is_first: bool,
    body: str,
) -> tuple[str | None, str | None]:
    if is_first and document.meta.title:
        return document.meta.title, "metadata"
    headlines = [units[i].text for i in group.header if roles[i].kind == "headline"]
    headlines += [line.headline for line in lines if line.headline]
    if headlines:
        return " ".join(headlines[0].split()), "headline"
    return lead_title(body), "lead"


def lead_title(body: str) -> str | None:
    """The first sentence, clipped: a display label for an article printed without a headline."""
    sentence = re.split(r"(?<=[.!?])\s+", body.strip(), maxsplit=1)[0]
    words = sentence.split()
    if not words:
        return None
    clipped = " ".join(words[:LEAD_TITLE_WORDS])
    return clipped + ("…" if len(words) > LEAD_TITLE_WORDS else "")


def find_credits(text: str, rules: DatelineRules) -> list[str]:
    """Outlets the text credits ("Press TV reports", "told Prensa Latina", "(SANA)")."""
    found = []
    for match in credit_pattern(rules.outlet_pattern).finditer(text):
        name = next(group for group in match.groups() if group)
        if (outlet := rules.canonical_outlet(name)) is not None:
            found.append((match.start(), outlet))
    return list(dict.fromkeys(outlet for _, outlet in sorted(found)))


@lru_cache(maxsize=4)
def credit_pattern(outlets: str) -> re.Pattern[str]:
    return re.compile(
        rf"\((?:[^()]{{0,30}}\b)?({outlets})\)"
        rf"|\b({outlets})(?:['’]s)?\s+(?:{_CREDIT_VERBS})\b"
        rf"|\b(?:according to|told|quoted by|cited by|reported by|via|in an interview with)"
        rf"\s+(?:the\s+)?({outlets})\b"
    )
