"""Clusters filed by their anchor date window, so a mention meets only those within reach.

`best_match` used to test every cluster of a chunk against every mention (millions of
`Cluster.may_hold` calls on FA-KES). `ClusterIndex` narrows that to the clusters whose
anchor window can meet the mention's window, plus those with no anchor date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from eventwire.fuse.features import MentionView, window

if TYPE_CHECKING:  # cluster.py uses the index
    from eventwire.fuse.cluster import Cluster

__all__ = ["BUCKET_DAYS", "ClusterIndex"]

BUCKET_DAYS = 16  # days per bucket: a day- or week-precise window falls in one or two


class ClusterIndex:
    """Clusters bucketed by the days of their anchor window (`Cluster.when`).

    `near(mention)` returns every cluster whose anchor window meets the mention's window,
    every cluster without an anchor date, and, for an undated mention, every cluster: the
    date half of `Cluster.may_hold`, which callers still make in full. Clusters come back
    in the order they were added, so ties between equally similar clusters go the way a
    scan of the whole list would send them. The list given is extended in place by `add`.
    """

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters
        self.buckets: defaultdict[int, list[int]] = defaultdict(list)  # bucket -> positions
        self.undated: set[int] = set()  # positions of clusters without an anchor date
        self.positions: dict[int, int] = {}  # id(cluster) -> its position in `clusters`
        for position, cluster in enumerate(clusters):
            self.file(position, cluster)

    def add(self, cluster: Cluster) -> None:
        """Append a new cluster to the list and file it."""
        self.clusters.append(cluster)
        self.file(len(self.clusters) - 1, cluster)

    def add_member(self, cluster: Cluster, mention: MentionView) -> None:
        """Add a mention to a filed cluster, refiling it if the mention gives it its anchor."""
        undated = cluster.when is None
        cluster.add(mention)
        if undated and cluster.when is not None:
            position = self.positions[id(cluster)]
            self.undated.discard(position)
            self.file(position, cluster)

    def near(self, mention: MentionView) -> list[Cluster]:
        """The clusters whose anchor window meets the mention's (see the class docstring)."""
        span = window(mention)
        if span is None:
            return list(self.clusters)
        found = set(self.undated)
        for bucket in buckets(span):
            found.update(self.buckets.get(bucket, ()))
        return [
            self.clusters[position]
            for position in sorted(found)
            if self.clusters[position].meets(span)
        ]

    def file(self, position: int, cluster: Cluster) -> None:
        self.positions[id(cluster)] = position
        if cluster.when is None:
            self.undated.add(position)
            return
        for bucket in buckets(cluster.when):
            self.buckets[bucket].append(position)


def buckets(span: tuple[date, date]) -> Iterable[int]:
    """The buckets a window's days fall in (both ends included; a window stored the wrong
    way round, end before start, covers the days between them, as `Cluster.meets` reads it)."""
    first, last = sorted(span)
    return range(first.toordinal() // BUCKET_DAYS, last.toordinal() // BUCKET_DAYS + 1)
