"""One fusion pass over the store: pending mentions into events, touched events rewritten."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from eventwire.errors import Code, EventwireError
from eventwire.fuse.cluster import Assignment, Cluster, cluster_mentions, event_id_for
from eventwire.fuse.events import STAGE, attach_claims, event_row
from eventwire.fuse.features import (
    ArticleView,
    MentionView,
    article_view,
    count_strong,
    mention_view,
    weigh_articles,
)
from eventwire.fuse.settings import FuseSettings, FuseSummary
from eventwire.fuse.storage import (
    article_rows,
    claim_rows,
    member_rows,
    pending_rows,
    replace_events,
)
from eventwire.store import Store

__all__ = ["fuse", "fuse_store", "iter_events"]


def fuse(store: Store, settings: FuseSettings | None = None) -> FuseSummary:
    """Put every mention not yet in an event into one (or leave it out, if too weak), and
    rewrite the events that changed. Incremental and idempotent: a second call with no new
    mentions changes nothing; event ids never change."""
    settings = settings or FuseSettings()
    summary = FuseSummary()
    try:
        with store.engine.begin() as connection:
            fuse_pass(connection, settings, summary)
    except EventwireError:
        raise
    except Exception as exc:  # a database or data error: report it with the store's code
        raise EventwireError(Code.STORE_FAILED, detail=f"fusion failed: {exc}") from exc
    return summary


def fuse_store(store: Store) -> FuseSummary:
    """`fuse` with default settings: what `eventwire run` calls after storing a run."""
    return fuse(store)


def iter_events(store: Store) -> Iterator[dict[str, object]]:
    """Export rows of the events table (the design's contract), by date."""
    return store.iter_rows("events")


def fuse_pass(connection: Connection, settings: FuseSettings, summary: FuseSummary) -> None:
    pending = [mention_view(row) for row in pending_rows(connection)]
    summary.mentions_seen = len(pending)
    clusters = load_clusters(member_rows(connection))
    if not pending:
        summary.events_total = len(clusters)
        return
    ids = {m.article_id for m in pending} | {m.article_id for c in clusters for m in c.members}
    found = {row["article_id"]: article_view(row) for row in article_rows(connection, ids)}
    everyone = [*pending, *(m for c in clusters for m in c.members)]
    articles = weigh_articles(count_strong(found, everyone, settings.found))
    founded_before = {cluster.event_id for cluster in clusters}
    assignments = cluster_mentions(pending, clusters, articles, settings)
    count(summary, assignments, pending)
    touched = {assignment.event_id for assignment in assignments}
    write(connection, clusters, touched, assignments, articles, settings)
    summary.founded = len(touched - founded_before)
    summary.events_touched, summary.events_total = len(touched), len(clusters)


def load_clusters(members: Iterable[tuple[str, Mapping[str, Any]]]) -> list[Cluster]:
    """Stored events, each with its founding mention added first (it anchors the event)."""
    grouped: dict[str, list[MentionView]] = defaultdict(list)
    for event_id, row in members:
        grouped[event_id].append(mention_view(row))
    clusters = []
    for event_id, found in grouped.items():
        cluster = Cluster(event_id)
        for mention in sorted(found, key=lambda m: event_id_for(m) != event_id):
            cluster.add(mention)
        clusters.append(cluster)
    return clusters


def count(
    summary: FuseSummary, assignments: Sequence[Assignment], pending: Sequence[MentionView]
) -> None:
    summary.attached = sum(1 for a in assignments if a.rule != "founded")
    summary.left_out = len(pending) - len(assignments)


def write(
    connection: Connection,
    clusters: Sequence[Cluster],
    touched: set[str],
    assignments: Sequence[Assignment],
    articles: Mapping[str, ArticleView],
    settings: FuseSettings,
) -> None:
    """Rewrite the touched events and every event sharing an article with one (their claims
    may move), after reattaching the claims of all their articles."""
    reported = {m.article_id for c in clusters if c.event_id in touched for m in c.members}
    holders = [c for c in clusters if any(m.article_id in reported for m in c.members)]
    claims = claim_rows(connection, {m.article_id for c in holders for m in c.members})
    attached = attach_claims(clusters, claims, settings.claim_gap)
    by_event: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for claim in claims:
        if str(claim["claim_id"]) in attached:
            by_event[attached[str(claim["claim_id"])]].append(claim)
    rows = [
        event_row(cluster, by_event[cluster.event_id], articles, settings) for cluster in holders
    ]
    links = [link_row(assignment) for assignment in assignments]
    replace_events(connection, rows, links, [str(claim["claim_id"]) for claim in claims], attached)


def link_row(assignment: Assignment) -> dict[str, object]:
    return {
        "mention_id": assignment.mention_id,
        "event_id": assignment.event_id,
        "score": assignment.score,
        "rule": assignment.rule,
        "stage": STAGE,
    }
