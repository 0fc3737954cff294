"""Clustering: complete linkage against every strong member of an event."""

from __future__ import annotations

from typing import Any

from eventwire.fuse import (
    ArticleView,
    Cluster,
    FuseSettings,
    MentionView,
    article_view,
    cluster_mentions,
    mention_view,
)
from eventwire.fuse.cluster import RememberedLinks, links

TOWN = {"location": "Tel Harun", "iso3": "SYR", "admin1": "Homs", "latitude": 34.5,
        "longitude": 36.6, "geo_precision": 1, "geonameid": 900001}  # fmt: skip


def report(article: str, day: str, sentence: str) -> MentionView:
    row: dict[str, Any] = {
        "mention_id": f"m-{article}", "article_id": article, "start": 0, "end": len(sentence),
        "sentence": sentence, "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack", "score": 0.9, "actors": [],
        "event_date": day, "time_precision": 1, "place": TOWN,
    }  # fmt: skip
    return mention_view(row)


def articles(*mentions: MentionView) -> dict[str, ArticleView]:
    rows = ({"article_id": m.article_id, "document": m.article_id, "ordinal": 0, "outlet": "W",
             "credits": [], "published": "2013-06-06", "text": m.sentence} for m in mentions)  # fmt: skip
    return {row["article_id"]: article_view(row) for row in rows}


def event_of(mention: MentionView, clusters: list[Cluster]) -> str:
    (found,) = [c.event_id for c in clusters if mention in c.members]
    return found


def test_cluster_mention_must_fit_every_strong_member() -> None:
    first = report("a", "2013-06-04", "Shells hit the market of Tel Harun on Tuesday.")
    second = report("b", "2013-06-05", "Shells hit the market of Tel Harun, a monitor said.")
    third = report("c", "2013-06-06", "Shells hit the market of Tel Harun again on Thursday.")
    clusters: list[Cluster] = []
    cluster_mentions([first, second, third], clusters, articles(first, second, third),
                     FuseSettings())  # fmt: skip
    assert event_of(first, clusters) == event_of(second, clusters)
    assert event_of(third, clusters) != event_of(first, clusters)


def test_cluster_near_copy_joins_despite_a_date_conflict() -> None:
    text = "Shells hit the market of Tel Harun on Tuesday killing four people a monitor said."
    first = report("a", "2013-06-04", text)
    repost = report("b", "2013-06-06", text)
    clusters: list[Cluster] = []
    cluster_mentions([first, repost], clusters, articles(first, repost), FuseSettings())
    assert event_of(first, clusters) == event_of(repost, clusters)


def test_cluster_remembered_links_are_asked_again_once_the_cluster_grows() -> None:
    first = report("a", "2013-06-04", "Shells hit the market of Tel Harun on Tuesday.")
    second = report("b", "2013-06-05", "Shells hit the market of Tel Harun, a monitor said.")
    later = report("c", "2013-06-06", "Shells hit the market of Tel Harun again on Thursday.")
    found = articles(first, second, later)
    link = RememberedLinks(found, FuseSettings())
    cluster = Cluster("e")
    cluster.add(second)
    assert [match.rule for match in link(later, cluster)] == ["similar"]
    assert link(later, cluster) == links(later, cluster, found, FuseSettings())
    cluster.add(first)  # two days before `later`: a conflict, which vetoes the cluster
    assert link(later, cluster) == links(later, cluster, found, FuseSettings()) == []
