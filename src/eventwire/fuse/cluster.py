"""Incremental clustering of mentions into events (`fuse.cluster.v2`).

Mentions are taken in a stable order (article date, document, position; the strongest
mention of an article first). Article by article, strong mentions (`settings.found`, or
`settings.found_background` when they report something more than a week before their
article) join the event they are most similar to when that similarity reaches
`settings.attach`; the strongest one left founds an event, and the rest try again. Weak
mentions go last and may only join. An event's id is a content hash of the mention that
founded it, so it never changes as reports arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from itertools import groupby

from eventwire.fuse.features import ArticleView, MentionView, window
from eventwire.fuse.index import ClusterIndex
from eventwire.fuse.settings import FuseSettings
from eventwire.fuse.similarity import CONFLICT, NO_MATCH, Match, compare, place_fit
from eventwire.records import content_id

__all__ = [
    "Assignment",
    "Cluster",
    "cluster_mentions",
    "eligible_mentions",
    "event_id_for",
    "mention_order",
]

BACKGROUND_DAYS = 7


@dataclass(slots=True)
class Cluster:
    """An event being built: its founding mention and every mention that joined it."""

    event_id: str
    members: list[MentionView] = field(default_factory=list)
    when: tuple[date, date] | None = None
    where: MentionView | None = None

    def add(self, mention: MentionView) -> None:
        """Add a member; the first dated member anchors the date window and the first
        member placed at or near a town anchors the place, so chains cannot drift."""
        self.members.append(mention)
        if self.when is None:
            self.when = window(mention)
        if self.where is None and mention.point is not None:
            self.where = mention

    def meets(self, span: tuple[date, date] | None) -> bool:
        """No date on either side, or the anchor window shares a day with `span`."""
        anchor = self.when
        return span is None or anchor is None or (anchor[0] <= span[1] and span[0] <= anchor[1])

    def may_hold(self, mention: MentionView) -> bool:
        """The event-level gates: the mention's window meets the anchor window, and its
        town is within reach of the anchor town."""
        if not self.meets(window(mention)):
            return False
        if self.where is None or mention.point is None:
            return True
        return not place_fit(mention, self.where)[0]


@dataclass(frozen=True, slots=True)
class Assignment:
    """A mention put into an event, with the similarity and rule that put it there."""

    mention_id: str
    event_id: str
    score: float
    rule: str


def event_id_for(mention: MentionView) -> str:
    return content_id("event", mention.mention_id)


def mention_order(
    mention: MentionView, articles: dict[str, ArticleView]
) -> tuple[date, str, int, float, int, str]:
    article = articles.get(mention.article_id)
    published = article.published if article and article.published else date.max
    document, ordinal = (article.document, article.ordinal) if article else ("", 0)
    return (published, document, ordinal, -mention.score, mention.start, mention.mention_id)


def is_background(mention: MentionView, article: ArticleView | None) -> bool:
    if article is None or article.published is None or mention.first is None:
        return False
    return (article.published - (mention.last or mention.first)).days > BACKGROUND_DAYS


def can_found(mention: MentionView, article: ArticleView | None, settings: FuseSettings) -> bool:
    """Strong enough to start an event; a past event (dated to the day or week: context
    mentions never get here) needs a higher score."""
    if settings.acled_only and not mention.disorder_type:
        return False
    if not is_background(mention, article):
        return mention.score >= settings.found
    return mention.score >= settings.found_background


def eligible_mentions(
    mentions: Iterable[MentionView], articles: Mapping[str, ArticleView], settings: FuseSettings
) -> list[MentionView]:
    """The mentions that may found or join an event: typed as ACLED asks (with
    `settings.acled_only`), and not context."""
    typed = [m for m in mentions if m.disorder_type or not settings.acled_only]
    return [m for m in typed if not is_context(m, articles.get(m.article_id))]


def is_context(mention: MentionView, article: ArticleView | None) -> bool:
    """A past reference dated only to a month or more ("since March 2011"): context, not a
    report of an event; such a mention neither founds nor joins one."""
    return is_background(mention, article) and (mention.precision or 3) >= 3


Links = Callable[[MentionView, Cluster], list[Match]]  # `links` over one run's articles


def best_match(
    mention: MentionView, clusters: Iterable[Cluster], link: Links
) -> tuple[Cluster | None, Match]:
    """The cluster most similar to the mention (the first one, among equals) and how similar."""
    best: tuple[Cluster | None, Match] = (None, NO_MATCH)
    for cluster in clusters:
        if not cluster.may_hold(mention):
            continue
        for match in link(mention, cluster):
            if match.score > best[1].score:
                best = (cluster, match)
    return best


def links(
    mention: MentionView,
    cluster: Cluster,
    articles: dict[str, ArticleView],
    settings: FuseSettings,
) -> list[Match]:
    """The mention compared with each strong member of the cluster (weak members do not
    link: no chains through them); none at all when one of them conflicts with it
    (complete linkage: no strong member may speak against the mention)."""
    matches = []
    for member in cluster.members:
        if member.score >= settings.found:
            match = compare(mention, member, articles, settings.near_copy)
            if match is CONFLICT:
                return []
            matches.append(match)
    return matches


class RememberedLinks:
    """`links` over one run's articles, each answer kept while the cluster has the members
    it had when asked (members are only ever added). An article's strong mentions that
    join no event are compared again after each founding, mostly with clusters that have
    not changed since."""

    def __init__(self, articles: dict[str, ArticleView], settings: FuseSettings) -> None:
        self.articles, self.settings = articles, settings
        # (mention, cluster, members) -> links; by identity, as two views may share an id
        # (one text on both sides of a pair): both outlive this (one article's `settle`)
        self.known: dict[tuple[int, int, int], list[Match]] = {}

    def __call__(self, mention: MentionView, cluster: Cluster) -> list[Match]:
        key = (id(mention), id(cluster), len(cluster.members))
        if key not in self.known:
            self.known[key] = links(mention, cluster, self.articles, self.settings)
        return self.known[key]


def cluster_mentions(
    pending: Sequence[MentionView],
    clusters: list[Cluster],
    articles: dict[str, ArticleView],
    settings: FuseSettings,
) -> list[Assignment]:
    """Assign pending mentions to `clusters` (extended in place); returns what was assigned.

    Article by article, strong mentions first join existing events where they can; then the
    strongest left founds an event and the rest try again, until none is left. Weak
    mentions go last and only join."""
    index = ClusterIndex(clusters)
    ordered = sorted(pending, key=lambda mention: mention_order(mention, articles))
    eligible = eligible_mentions(ordered, articles, settings)
    strong = [m for m in eligible if can_found(m, articles.get(m.article_id), settings)]
    found: list[Assignment] = []
    for _article, group in groupby(strong, key=lambda mention: mention.article_id):
        found += settle(list(group), index, articles, settings)
    weak = [m for m in eligible if not can_found(m, articles.get(m.article_id), settings)]
    link = partial(links, articles=articles, settings=settings)  # one try each: no memory
    joined = (join(mention, index, link, settings) for mention in weak)
    return found + [assignment for assignment in joined if assignment is not None]


def settle(
    group: list[MentionView],
    index: ClusterIndex,
    articles: dict[str, ArticleView],
    settings: FuseSettings,
) -> list[Assignment]:
    """One article's strong mentions: join where possible, else found with the strongest."""
    link = RememberedLinks(articles, settings)
    done: list[Assignment] = []
    while group:
        left = []
        for mention in group:
            assignment = join(mention, index, link, settings)
            if assignment is None:
                left.append(mention)
            else:
                done.append(assignment)
        if not left:
            break
        founded = Cluster(event_id_for(left[0]))
        founded.add(left[0])
        index.add(founded)
        done.append(Assignment(left[0].mention_id, founded.event_id, 1.0, "founded"))
        group = left[1:]
    return done


def join(
    mention: MentionView, index: ClusterIndex, link: Links, settings: FuseSettings
) -> Assignment | None:
    cluster, match = best_match(mention, index.near(mention), link)
    if cluster is None or match.score < settings.attach:
        return None
    index.add_member(cluster, mention)
    return Assignment(mention.mention_id, cluster.event_id, match.score, match.rule)
