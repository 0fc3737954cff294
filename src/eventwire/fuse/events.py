"""From clusters to event rows: claims attached, fields reconciled, sources counted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from eventwire.fuse.cluster import Cluster, event_id_for
from eventwire.fuse.corroborate import Signatures, corroboration
from eventwire.fuse.features import ArticleView, MentionView
from eventwire.fuse.notes import note
from eventwire.fuse.reconcile import actors, attributed, best_date, best_place, coding, fatalities
from eventwire.fuse.settings import FuseSettings

__all__ = ["STAGE", "attach_claims", "event_row"]

STAGE = "fuse.events.v1"
Row = dict[str, Any]
CLAIM_KEYS = ("claim_id", "kind", "low", "high", "text", "subject", "subject_actor", "claimant",
              "claimant_type", "relays", "origin", "outlet", "article_id")  # fmt: skip


def attach_claims(
    clusters: Sequence[Cluster], claims: Sequence[Mapping[str, Any]], gap: int
) -> dict[str, str]:
    """claim_id -> event_id. A claim belongs to the event of a member sentence that holds
    it (within `gap` characters); failing that, to the only event of its article; else to
    none (a figure in a sentence no event was read from, in an article of several events)."""
    by_article: dict[str, list[tuple[MentionView, str]]] = defaultdict(list)
    for cluster in clusters:
        for member in cluster.members:
            by_article[member.article_id].append((member, cluster.event_id))
    attached: dict[str, str] = {}
    for claim in claims:
        event_id = claim_event(claim, by_article.get(claim["article_id"], []), gap)
        if event_id is not None:
            attached[str(claim["claim_id"])] = event_id
    return attached


def claim_event(
    claim: Mapping[str, Any], members: list[tuple[MentionView, str]], gap: int
) -> str | None:
    for member, event_id in members:
        if member.start - gap <= int(claim["start"]) and int(claim["end"]) <= member.end + gap:
            return event_id
    events = {event_id for _member, event_id in members}
    return events.pop() if len(events) == 1 else None


def event_row(
    cluster: Cluster,
    claims: Sequence[Mapping[str, Any]],
    articles: Mapping[str, ArticleView],
    settings: FuseSettings,
    signatures: Signatures | None = None,
) -> Row:
    """The event's row; `signatures` of article texts may be shared by the rows of a pass."""
    members = sorted(cluster.members, key=lambda m: (report_order(m, articles), m.start))
    mentions = [member.row for member in members]
    reporting = [articles[a] for a in dict.fromkeys(m.article_id for m in members) if a in articles]
    row: Row = {"event_id": cluster.event_id, "founded_by": founder(cluster)}
    row |= coding(mentions) | best_date(mentions) | best_place(mentions) | actors(mentions)
    row |= fatalities(claims, settings) | corroboration(
        reporting, settings.duplicate_article, signatures
    )
    row["attributed"] = attributed(mentions, settings)
    row["claims"] = [claim_json(claim) for claim in claims]
    row["reports"] = [report_json(member) for member in members]
    row["report_count"] = len(members)
    row["notes"] = note(row)
    row["stage"] = STAGE
    return row


def founder(cluster: Cluster) -> str:
    for member in cluster.members:
        if event_id_for(member) == cluster.event_id:
            return member.mention_id
    return cluster.members[0].mention_id


def report_order(mention: MentionView, articles: Mapping[str, ArticleView]) -> tuple[str, str, int]:
    article = articles.get(mention.article_id)
    if article is None:
        return ("", mention.article_id, 0)
    published = article.published.isoformat() if article.published else "9999"
    return (published, article.document, article.ordinal)


def claim_json(claim: Mapping[str, Any]) -> Row:
    found = {key: claim.get(key) for key in CLAIM_KEYS}
    found["span"] = [claim["start"], claim["end"]]
    return found


def report_json(mention: MentionView) -> Row:
    return {
        "article_id": mention.article_id,
        "outlet": mention.outlet,
        "sentence": mention.sentence,
        "span": [mention.start, mention.end],
        "mention_id": mention.mention_id,
    }
