"""One fusion pass over the store: pending mentions into events, touched events rewritten."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection

from eventwire.errors import Code, EventwireError
from eventwire.fuse.cluster import (
    Assignment,
    Cluster,
    cluster_mentions,
    eligible_mentions,
    event_id_for,
)
from eventwire.fuse.corroborate import Signatures
from eventwire.fuse.events import STAGE, attach_claims, event_row
from eventwire.fuse.features import (
    PAD_DAYS,
    ArticleView,
    MentionView,
    article_view,
    count_strong,
    mention_view,
    weigh_articles,
    window,
)
from eventwire.fuse.settings import FuseSettings, FuseSummary
from eventwire.fuse.storage import (
    article_rows,
    claim_rows,
    event_count,
    events_in_articles,
    events_in_ranges,
    member_rows,
    pending_articles,
    pending_rows,
    replace_events,
)
from eventwire.store import Store

__all__ = ["fuse", "fuse_store", "iter_events"]

# The largest padding of a founding mention's window (a month-precise date): a stored event
# can take a mention whose window meets its founder's dates widened by this.
FOUNDER_PAD = timedelta(days=max(PAD_DAYS.values()))


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
    """Pending mentions in chunks of `settings.chunk_articles` articles, oldest first: each
    chunk is compared only with the events its dates can reach, so the memory a pass needs
    does not grow with the store or the run. The views of a chunk's mentions are kept for
    the next chunk only: the events it reaches were mostly built from them."""
    touched: set[str] = set()
    after = None
    previous: dict[str, MentionView] = {}
    while keys := pending_articles(connection, after, settings.chunk_articles):
        pending = [mention_view(row) for row in pending_rows(connection, [k[3] for k in keys])]
        touched |= fuse_chunk(connection, pending, previous, settings, summary)
        previous = {mention.mention_id: mention for mention in pending}
        after = keys[-1]
    summary.events_touched = len(touched)
    summary.events_total = event_count(connection)


def fuse_chunk(
    connection: Connection,
    pending: list[MentionView],
    previous: Mapping[str, MentionView],
    settings: FuseSettings,
    summary: FuseSummary,
) -> set[str]:
    """Cluster one chunk of pending mentions into the events within reach (reusing the
    `previous` chunk's views of their members); returns the ids of the events it touched."""
    summary.mentions_seen += len(pending)
    known: dict[str, ArticleView] = {}
    plain = load_views(connection, {m.article_id for m in pending}, known)
    candidates = eligible_mentions(pending, plain, settings)
    clusters = load_clusters(member_rows(connection, reachable(connection, candidates)), previous)
    found = views_of(connection, pending, clusters, settings, known)
    founded_before = {cluster.event_id for cluster in clusters}
    assignments = cluster_mentions(pending, clusters, found, settings)
    count(summary, assignments, pending)
    touched = {assignment.event_id for assignment in assignments}
    reported = {m.article_id for c in clusters if c.event_id in touched for m in c.members}
    loaded = {cluster.event_id for cluster in clusters}
    sharing = events_in_articles(connection, reported) - loaded
    clusters += load_clusters(member_rows(connection, sharing), previous)
    found = views_of(connection, pending, clusters, settings, known) if sharing else found
    write(connection, clusters, touched, assignments, found, settings)
    summary.founded += len(touched - founded_before)
    return touched


def reachable(connection: Connection, pending: Sequence[MentionView]) -> set[str] | None:
    """Stored events a pending mention could join (None: every event). An event's window
    is its founding mention's, so only events founded within reach of the mentions' own
    windows; an undated mention may join any event."""
    windows = [window(mention) for mention in pending]
    if any(span is None for span in windows):
        return None
    spans = [(lo - FOUNDER_PAD, hi + FOUNDER_PAD) for lo, hi in filter(None, windows)]
    return events_in_ranges(connection, iso(merge(spans, timedelta(0))))


def merge(spans: Sequence[tuple[date, date]], gap: timedelta) -> list[tuple[date, date]]:
    """Overlapping (or nearly touching) date spans merged into as few ranges as possible."""
    merged: list[tuple[date, date]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + gap:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def iso(ranges: Sequence[tuple[date, date]]) -> list[tuple[str, str]]:
    return [(lo.isoformat(), hi.isoformat()) for lo, hi in ranges]


def views_of(
    connection: Connection,
    pending: Sequence[MentionView],
    clusters: Sequence[Cluster],
    settings: FuseSettings,
    known: dict[str, ArticleView],
) -> dict[str, ArticleView]:
    """The articles at hand (of the pending mentions and the loaded events), with their
    strong mentions counted and their words weighed against each other."""
    ids = {m.article_id for m in pending} | {m.article_id for c in clusters for m in c.members}
    everyone = [*pending, *(m for c in clusters for m in c.members)]
    found = load_views(connection, ids, known)
    return weigh_articles(count_strong(found, everyone, settings.found))


def load_views(
    connection: Connection, ids: set[str], known: dict[str, ArticleView]
) -> dict[str, ArticleView]:
    """Views of the articles `ids`, read once per chunk: those in `known` are reused and
    the new ones added to it."""
    missing = ids - known.keys()
    known.update(
        (row["article_id"], article_view(row)) for row in article_rows(connection, missing)
    )
    return {key: known[key] for key in ids if key in known}


def load_clusters(
    members: Iterable[tuple[str, Mapping[str, Any]]], made: Mapping[str, MentionView]
) -> list[Cluster]:
    """Stored events, each with its founding mention added first (it anchors the event);
    members whose view was `made` already are not viewed again."""
    grouped: dict[str, list[MentionView]] = defaultdict(list)
    for event_id, row in members:
        view = made.get(str(row["mention_id"]))
        grouped[event_id].append(view if view is not None else mention_view(row))
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
    summary.attached += sum(1 for a in assignments if a.rule != "founded")
    summary.left_out += len(pending) - len(assignments)


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
    signatures = Signatures()
    rows = [
        event_row(cluster, by_event[cluster.event_id], articles, settings, signatures)
        for cluster in holders
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
