"""What fusion reads from and writes to the store, in one transaction per pass."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Select, and_, delete, func, literal, or_, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from eventwire.store import schema

__all__ = [
    "DateRange",
    "article_rows",
    "claim_rows",
    "event_count",
    "events_in_articles",
    "events_in_ranges",
    "member_rows",
    "pending_articles",
    "pending_rows",
    "replace_events",
]

Row = dict[str, Any]
DateRange = tuple[str, str]  # ISO days, inclusive
ArticleKey = tuple[str, str, int, str]  # (published or "~", document, ordinal, article_id)
ARTICLE_COLUMNS = ("article_id", "document", "ordinal", "outlet", "credits", "published", "text")
LAST = "~"  # sorts after every ISO date: articles without a date go last


def rows_in(
    connection: Connection, query: Select[Any], column: ColumnElement[Any], ids: Iterable[str]
) -> list[Row]:
    """The rows of `query` whose `column` is one of `ids`, asked 500 ids at a time (the
    databases' limits on bound parameters)."""
    found: list[Row] = []
    for chunk in chunks(sorted(set(ids))):
        found += [
            dict(row) for row in connection.execute(query.where(column.in_(chunk))).mappings()
        ]
    return found


def pending_articles(
    connection: Connection, after: ArticleKey | None, limit: int
) -> list[ArticleKey]:
    """The next `limit` articles (by date, document, position) that have a mention not yet
    in any event, after the key `after`: keyset paging, so a pass never holds them all."""
    mentions, links, articles = schema.mentions, schema.event_mentions, schema.articles
    published = func.coalesce(articles.c.published, literal(LAST))
    key = tuple_(published, articles.c.document, articles.c.ordinal, articles.c.article_id)
    joined = mentions.join(articles, articles.c.article_id == mentions.c.article_id).outerjoin(
        links, links.c.mention_id == mentions.c.mention_id
    )
    query = select(published, articles.c.document, articles.c.ordinal, articles.c.article_id)
    query = query.select_from(joined).where(links.c.mention_id.is_(None)).distinct()
    if after is not None:
        query = query.where(key > tuple_(*map(literal, after)))
    order = query.order_by(
        published, articles.c.document, articles.c.ordinal, articles.c.article_id
    )
    return [
        (str(p), str(d), int(o), str(a)) for p, d, o, a in connection.execute(order.limit(limit))
    ]


def pending_rows(connection: Connection, article_ids: Iterable[str] | None = None) -> list[Row]:
    """Mentions not yet in any event (of the given articles, or of the whole store)."""
    mentions, links = schema.mentions, schema.event_mentions
    joined = mentions.outerjoin(links, links.c.mention_id == mentions.c.mention_id)
    query = select(mentions).select_from(joined).where(links.c.mention_id.is_(None))
    query = query.order_by(mentions.c.mention_id)
    if article_ids is None:
        return [dict(row) for row in connection.execute(query).mappings()]
    found = rows_in(connection, query, mentions.c.article_id, article_ids)
    return sorted(found, key=lambda row: str(row["mention_id"]))


def member_rows(
    connection: Connection, event_ids: Iterable[str] | None = None
) -> list[tuple[str, Row]]:
    """(event_id, mention row) for every mention already in an event (of the given events,
    or of the whole store), in joining order."""
    mentions, links = schema.mentions, schema.event_mentions
    joined = mentions.join(links, links.c.mention_id == mentions.c.mention_id)
    query = select(links.c.event_id, mentions).select_from(joined)
    order = query.order_by(links.c.event_id, mentions.c.article_id, mentions.c.start)
    if event_ids is None:
        rows = [dict(row) for row in connection.execute(order).mappings()]
    else:
        rows = rows_in(connection, order, links.c.event_id, event_ids)
    return [(row["event_id"], row) for row in rows]


def events_in_ranges(connection: Connection, ranges: Sequence[DateRange]) -> set[str]:
    """Events whose founding mention's own dates meet one of `ranges` (the caller widens
    them by the founder's largest padding: the founder's padded window anchors an event),
    or whose founder is undated. The exact test is `Cluster.may_hold`'s; this is a
    superset of it, read from the founders' dates, never from the event's own date."""
    events, founder = schema.events, schema.mentions
    first, last = founder.c.event_date, func.coalesce(founder.c.date_end, founder.c.event_date)
    meets: list[ColumnElement[bool]] = [and_(first <= hi, last >= lo) for lo, hi in ranges]
    joined = events.join(founder, founder.c.mention_id == events.c.founded_by)
    query = select(events.c.event_id).select_from(joined)
    query = query.where(or_(*meets, first.is_(None)) if meets else first.is_(None))
    return set(connection.execute(query).scalars())


def events_in_articles(connection: Connection, article_ids: Iterable[str]) -> set[str]:
    """Events with a member mention in any of the articles."""
    mentions, links = schema.mentions, schema.event_mentions
    joined = links.join(mentions, mentions.c.mention_id == links.c.mention_id)
    query = select(links.c.event_id).select_from(joined).distinct()
    return {
        str(row["event_id"])
        for row in rows_in(connection, query, mentions.c.article_id, article_ids)
    }


def event_count(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(schema.events)).scalar_one())


def article_rows(connection: Connection, ids: Iterable[str]) -> list[Row]:
    articles = schema.articles
    query = select(*(articles.c[name] for name in ARTICLE_COLUMNS))
    return rows_in(connection, query, articles.c.article_id, ids)


def claim_rows(connection: Connection, article_ids: Iterable[str]) -> list[Row]:
    claims = schema.claims
    query = select(claims).order_by(claims.c.claim_id)
    return rows_in(connection, query, claims.c.article_id, article_ids)


def replace_events(
    connection: Connection,
    events: Sequence[Row],
    links: Sequence[Mapping[str, object]],
    reassessed: Sequence[str],
    claims: Mapping[str, str],
) -> None:
    """Write touched events (updating older versions in place), new mention links, and the
    claim links of every claim reassessed in this pass."""
    table, claim_links = schema.events, schema.event_claims
    for chunk in chunks(sorted(reassessed)):
        connection.execute(delete(claim_links).where(claim_links.c.claim_id.in_(chunk)))
    known: set[str] = set()
    for chunk in chunks([event["event_id"] for event in events]):
        query = select(table.c.event_id).where(table.c.event_id.in_(chunk))
        known.update(connection.execute(query).scalars())
    for event in events:
        if event["event_id"] in known:
            match = table.c.event_id == event["event_id"]
            connection.execute(table.update().where(match).values(event))
    fresh = [event for event in events if event["event_id"] not in known]
    if fresh:
        connection.execute(table.insert(), fresh)  # one statement for all: executemany
    if links:
        connection.execute(schema.event_mentions.insert(), list(links))
    rows = [{"claim_id": claim_id, "event_id": event_id} for claim_id, event_id in claims.items()]
    if rows:
        connection.execute(claim_links.insert(), rows)


def chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
