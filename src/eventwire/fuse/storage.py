"""What fusion reads from and writes to the store, in one transaction per pass."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, select

from eventwire.store import schema

__all__ = [
    "article_rows",
    "claim_rows",
    "member_rows",
    "pending_rows",
    "replace_events",
]

Row = dict[str, Any]
ARTICLE_COLUMNS = ("article_id", "document", "ordinal", "outlet", "credits", "published", "text")


def pending_rows(connection: Connection) -> list[Row]:
    """Mentions not yet in any event."""
    mentions, links = schema.mentions, schema.event_mentions
    joined = mentions.outerjoin(links, links.c.mention_id == mentions.c.mention_id)
    query = select(mentions).select_from(joined).where(links.c.mention_id.is_(None))
    return [
        dict(row) for row in connection.execute(query.order_by(mentions.c.mention_id)).mappings()
    ]


def member_rows(connection: Connection) -> list[tuple[str, Row]]:
    """(event_id, mention row) for every mention already in an event, in joining order."""
    mentions, links = schema.mentions, schema.event_mentions
    joined = mentions.join(links, links.c.mention_id == mentions.c.mention_id)
    query = select(links.c.event_id, mentions).select_from(joined)
    order = query.order_by(links.c.event_id, mentions.c.article_id, mentions.c.start)
    return [(row["event_id"], dict(row)) for row in connection.execute(order).mappings()]


def article_rows(connection: Connection, ids: Iterable[str]) -> list[Row]:
    articles = schema.articles
    columns = [articles.c[name] for name in ARTICLE_COLUMNS]
    found: list[Row] = []
    for chunk in chunks(sorted(set(ids))):
        query = select(*columns).where(articles.c.article_id.in_(chunk))
        found += [dict(row) for row in connection.execute(query).mappings()]
    return found


def claim_rows(connection: Connection, article_ids: Iterable[str]) -> list[Row]:
    claims = schema.claims
    found: list[Row] = []
    for chunk in chunks(sorted(set(article_ids))):
        query = select(claims).where(claims.c.article_id.in_(chunk)).order_by(claims.c.claim_id)
        found += [dict(row) for row in connection.execute(query).mappings()]
    return found


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
        else:
            connection.execute(table.insert(), event)
    if links:
        connection.execute(schema.event_mentions.insert(), list(links))
    rows = [{"claim_id": claim_id, "event_id": event_id} for claim_id, event_id in claims.items()]
    if rows:
        connection.execute(claim_links.insert(), rows)


def chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
