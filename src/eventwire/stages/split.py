"""The splitting stage: cleaned paragraphs -> articles with outlet, title, dateline, date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import ClassVar

from eventwire.errors import Code
from eventwire.records import Article, Document, Paragraph, Parcel, Reject, Removal, content_id
from eventwire.stages.datelines import Dateline, DatelineRules
from eventwire.stages.headers import DATED, UnitRole, classify_units
from eventwire.stages.metadata import ArticleFacts, article_facts

__all__ = ["ArticleSplitter", "Group", "group_units"]

HEADLINE_ONLY_MIN_WORDS = 25
PREAMBLE_MAX_WORDS = 80
LEADING_TITLE_MAX_WORDS = 20
SENTENCE_END = re.compile(r"[.!?:;,][\"”’)]?$")


@dataclass(slots=True)
class Group:
    """The units of one article: header units, body units, bylines."""

    header: list[int] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    bylines: list[int] = field(default_factory=list)
    dated: bool = False


class ArticleSplitter:
    """Splits a cleaned document at headlines and datelines into articles."""

    name: ClassVar[str] = "split.articles.v1"
    requires: ClassVar[tuple[str, ...]] = ("paragraphs", "removed")
    provides: ClassVar[tuple[str, ...]] = ("articles",)

    def __init__(self) -> None:
        self.rules: DatelineRules | None = None

    def setup(self) -> None:
        self.rules = DatelineRules()

    def __call__(self, batch: Sequence[Parcel]) -> list[Parcel]:
        if self.rules is None:
            self.setup()
        return [self.split(parcel) for parcel in batch]

    def split(self, parcel: Parcel) -> Parcel:
        if parcel.reject is not None or parcel.document is None:
            return parcel
        assert self.rules is not None
        articles = split_document(parcel.document, parcel.paragraphs, parcel.removed, self.rules)
        if not articles:
            return parcel.failed(no_article(parcel.document, self.name))
        return replace(parcel, articles=tuple(articles))


def no_article(document: Document, stage: str) -> Reject:
    message = "nothing but boilerplate was found"
    return Reject(document.doc_id, document.source, stage, Code.NO_ARTICLE.value, message)


def split_document(
    document: Document,
    units: Sequence[Paragraph],
    removed: Sequence[Removal],
    rules: DatelineRules,
) -> list[Article]:
    roles = classify_units(units, rules)
    if document.meta.title:
        roles = mark_title(units, roles, document.meta.title)
    roles = mark_leading_title(units, roles)
    groups = group_units(units, roles)
    groups, preamble = split_preamble(groups, units)
    removed = sorted([*removed, *preamble], key=lambda removal: removal.start)
    facts = article_facts(document, units, roles, groups, rules)
    return [
        build_article(
            document, units, roles, group, fact, ordinal, attached(removed, units, groups, ordinal)
        )
        for ordinal, (group, fact) in enumerate(zip(groups, facts, strict=True))
    ]


def group_units(units: Sequence[Paragraph], roles: Sequence[UnitRole]) -> list[Group]:
    """Walk the units, opening a new article at each dated header or headline-only start."""
    has_dates = any(is_dated(role) for role in roles)
    groups: list[Group] = []
    pending: list[int] = []
    pending_bylines: list[int] = []
    for index, role in enumerate(roles):
        if role.kind in DATED or role.kind == "headline":
            pending.append(index)
        elif role.kind == "byline":
            target = pending_bylines if pending or not groups else groups[-1].bylines
            target.append(index)
        else:
            dated = role.dateline is not None or any(roles[i].kind in DATED for i in pending)
            if not groups or dated or opens_by_headline(units, roles, pending, index, has_dates):
                groups.append(Group(header=pending, bylines=pending_bylines, dated=dated))
            else:
                groups[-1].body.extend(pending)
                groups[-1].bylines.extend(pending_bylines)
            groups[-1].body.append(index)
            pending, pending_bylines = [], []
    if groups:
        groups[-1].body.extend(pending)
        groups[-1].bylines.extend(pending_bylines)
    elif pending or pending_bylines:
        groups = [Group(body=sorted(pending + pending_bylines))]
    return groups


def mark_title(units: Sequence[Paragraph], roles: list[UnitRole], title: str) -> list[UnitRole]:
    """A unit that repeats the title the input's metadata gave is a headline."""
    wanted = " ".join(title.split()).casefold()
    return [
        UnitRole("headline") if " ".join(unit.text.split()).casefold() == wanted else role
        for unit, role in zip(units, roles, strict=True)
    ]


def mark_leading_title(units: Sequence[Paragraph], roles: list[UnitRole]) -> list[UnitRole]:
    """A short first line without final punctuation, before the text, is a headline."""
    if len(units) < 2 or roles[0].kind != "body" or roles[0].dateline is not None:
        return roles
    text = units[0].text
    if len(text.split()) > LEADING_TITLE_MAX_WORDS or SENTENCE_END.search(text):
        return roles
    return [UnitRole("headline"), *roles[1:]]


def is_dated(role: UnitRole) -> bool:
    return role.kind in DATED or (role.kind == "body" and role.dateline is not None)


def opens_by_headline(
    units: Sequence[Paragraph],
    roles: Sequence[UnitRole],
    pending: Sequence[int],
    index: int,
    has_dates: bool,
) -> bool:
    """In a document of dated articles, a headline before a long paragraph opens another."""
    if not has_dates or not pending or any(roles[i].kind != "headline" for i in pending):
        return False
    return len(units[index].text.split()) >= HEADLINE_ONLY_MIN_WORDS


def split_preamble(
    groups: list[Group], units: Sequence[Paragraph]
) -> tuple[list[Group], list[Removal]]:
    """An undated scrap before the first dated article (a blog tagline, an epigraph)."""
    if len(groups) < 2 or groups[0].dated or groups[0].header or not groups[1].dated:
        return groups, []
    words = sum(len(units[i].text.split()) for i in groups[0].body)
    if len(groups[0].body) > 2 or words > PREAMBLE_MAX_WORDS:
        return groups, []
    rule = "split.articles.v1:undated text before the first dated article"
    removals = [removal_of(units[i], "preamble", rule) for i in groups[0].body + groups[0].bylines]
    return groups[1:], removals


def removal_of(
    unit: Paragraph, kind: str, rule: str, start: int = 0, end: int | None = None
) -> Removal:
    stop = len(unit.text) if end is None else end
    return Removal(kind, unit.text[start:stop], unit.start + start, unit.start + stop, rule)


def attached(
    removed: Sequence[Removal], units: Sequence[Paragraph], groups: Sequence[Group], ordinal: int
) -> list[Removal]:
    """Removals that fall in this article's stretch of the document (the first takes the head)."""
    starts = [units[min(group.header + group.body)].start for group in groups]
    low = starts[ordinal] if ordinal else -1
    high = starts[ordinal + 1] if ordinal + 1 < len(starts) else None
    return [item for item in removed if low <= item.start and (high is None or item.start < high)]


def build_article(
    document: Document,
    units: Sequence[Paragraph],
    roles: Sequence[UnitRole],
    group: Group,
    facts: ArticleFacts,
    ordinal: int,
    removed: list[Removal],
) -> Article:
    rule = DatelineRules.version
    removed = removed + [header_removal(units[i], roles[i]) for i in group.header]
    removed += [removal_of(units[i], "byline", f"{rule}:byline") for i in group.bylines]
    first = units[group.body[0]]
    dateline = roles[group.body[0]].dateline
    cut = dateline.prefix_end if dateline is not None and group.dated else 0
    removed += prefix_removals(first, dateline, cut)
    texts = [first.text[cut:], *(units[i].text for i in group.body[1:])]
    span = (first.start + cut, units[group.body[-1]].end)
    return Article(
        article_id=content_id(document.doc_id, str(span[0]), str(span[1])),
        document=document.doc_id,
        ordinal=ordinal,
        text="\n\n".join(texts),
        span_in_document=span,
        url=document.meta.url,
        outlet=facts.outlet,
        credits=facts.credits,
        title=facts.title,
        title_from=facts.title_from,
        published=facts.published,
        dateline_place=facts.place,
        byline=" ; ".join(units[i].text for i in group.bylines) or None,
        removed=tuple(sorted(removed, key=lambda item: item.start)),
        stage=ArticleSplitter.name,
    )


def header_removal(unit: Paragraph, role: UnitRole) -> Removal:
    kind = "headline" if role.kind == "headline" else "dateline"
    return removal_of(unit, kind, f"{DatelineRules.version}:{role.kind}")


def prefix_removals(unit: Paragraph, dateline: Dateline | None, cut: int) -> list[Removal]:
    if dateline is None or cut == 0:
        return []
    rule = f"{DatelineRules.version}:inline"
    headline_end = (
        unit.text.find(dateline.headline) + len(dateline.headline) if dateline.headline else 0
    )
    removals = [removal_of(unit, "dateline", rule, headline_end, cut)]
    if headline_end:
        removals.insert(0, removal_of(unit, "headline", rule, 0, headline_end))
    return removals
