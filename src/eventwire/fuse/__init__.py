"""Fusion: mentions across articles and outlets into events (corpus-level, over the store).

`fuse(store)` clusters every mention not yet in an event, attaches claims, reconciles
fatalities, date and place, and counts independent sources; `store.iter_rows("events")`
(or `iter_events(store)`) streams the export rows. See docs/fusion.md.
"""

from __future__ import annotations

from eventwire.fuse._fuse import fuse, fuse_store, iter_events
from eventwire.fuse.cluster import Assignment, Cluster, cluster_mentions
from eventwire.fuse.features import (
    ArticleView,
    MentionView,
    article_row_of,
    article_view,
    mention_row_of,
    mention_view,
    weigh_articles,
)
from eventwire.fuse.settings import FuseSettings, FuseSummary
from eventwire.fuse.similarity import Match, compare

__all__ = [
    "ArticleView",
    "Assignment",
    "Cluster",
    "FuseSettings",
    "FuseSummary",
    "Match",
    "MentionView",
    "article_row_of",
    "article_view",
    "cluster_mentions",
    "compare",
    "fuse",
    "fuse_store",
    "iter_events",
    "mention_row_of",
    "mention_view",
    "weigh_articles",
]
