"""The cluster index: exactly the clusters whose anchor window meets a mention's, in order."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.fuse import Cluster, MentionView, mention_view
from eventwire.fuse.features import window
from eventwire.fuse.index import BUCKET_DAYS, ClusterIndex

DAY = date(2013, 6, 5)


def mention(first: date | None, last: date | None = None, precision: int = 1) -> MentionView:
    """A day-precise mention's window is its days padded by one day on each side."""
    row: dict[str, Any] = {
        "mention_id": f"m-{first}-{last}-{precision}", "article_id": "a", "start": 0,
        "end": 10, "sentence": "Shells hit the town.", "score": 0.9, "actors": [],
        "event_date": first and first.isoformat(), "date_end": last and last.isoformat(),
        "time_precision": precision,
    }  # fmt: skip
    return mention_view(row)


def cluster(name: str, founder: MentionView) -> Cluster:
    found = Cluster(name)
    found.add(founder)
    return found


def names(clusters: list[Cluster]) -> list[str]:
    return [found.event_id for found in clusters]


def test_index_keeps_clusters_within_reach_in_the_order_added() -> None:
    later = cluster("later", mention(DAY + timedelta(days=2)))
    apart = cluster("apart", mention(DAY + timedelta(days=30)))
    same = cluster("same", mention(DAY))
    index = ClusterIndex([later, apart, same])
    assert names(index.near(mention(DAY))) == ["later", "same"]


@pytest.mark.parametrize(("gap", "meets"), [(2, True), (3, False)])
def test_index_windows_touching_at_one_day_meet(gap: int, meets: bool) -> None:
    """Day windows (day +- 1) two days apart share one day; three days apart, none."""
    index = ClusterIndex([cluster("anchor", mention(DAY))])
    assert names(index.near(mention(DAY + timedelta(days=gap)))) == (["anchor"] if meets else [])
    assert names(index.near(mention(DAY - timedelta(days=gap)))) == (["anchor"] if meets else [])


def test_index_windows_touching_across_a_bucket_boundary_meet() -> None:
    """The anchor window ends on the last day of a bucket; a window from the next day on
    misses it, one from that day on meets it."""
    last = date.fromordinal((DAY.toordinal() // BUCKET_DAYS + 1) * BUCKET_DAYS - 1)
    index = ClusterIndex([cluster("anchor", mention(last - timedelta(days=1)))])
    assert window(mention(last + timedelta(days=2)))[0] == last + timedelta(days=1)  # type: ignore[index]
    assert names(index.near(mention(last + timedelta(days=2)))) == []
    assert names(index.near(mention(last + timedelta(days=1)))) == ["anchor"]


def test_index_year_long_anchor_meets_its_middle_and_both_ends() -> None:
    year = mention(date(2019, 1, 1), date(2019, 12, 31), precision=3)
    index = ClusterIndex([cluster("year", year)])
    for day in (date(2018, 12, 20), date(2019, 7, 1), date(2020, 1, 14)):
        assert names(index.near(mention(day))) == ["year"]
    assert names(index.near(mention(date(2020, 1, 20)))) == []


def test_index_undated_cluster_is_near_every_mention_until_it_gets_a_date() -> None:
    undated = cluster("undated", mention(None))
    index = ClusterIndex([undated])
    assert names(index.near(mention(DAY))) == ["undated"]
    index.add_member(undated, mention(DAY + timedelta(days=40)))
    assert undated.when is not None
    assert not index.undated  # refiled under its anchor's days
    assert names(index.near(mention(DAY))) == []
    assert names(index.near(mention(DAY + timedelta(days=40)))) == ["undated"]


def test_index_undated_mention_is_near_every_cluster() -> None:
    clusters = [cluster("one", mention(DAY)), cluster("two", mention(date(2001, 1, 1)))]
    index = ClusterIndex(clusters)
    index.add(cluster("three", mention(None)))
    assert names(index.near(mention(None))) == ["one", "two", "three"]
    assert names(clusters) == ["one", "two", "three"]  # `add` extends the list given


def test_index_member_of_a_dated_cluster_does_not_move_it() -> None:
    anchored = cluster("anchored", mention(DAY))
    index = ClusterIndex([anchored])
    index.add_member(anchored, mention(DAY + timedelta(days=90)))
    assert names(index.near(mention(DAY))) == ["anchored"]
    assert names(index.near(mention(DAY + timedelta(days=90)))) == []


windows = st.tuples(
    st.integers(0, 120),  # first day, from DAY
    st.one_of(st.integers(0, 2), st.integers(300, 400)),  # extra days: a few or a year
    st.sampled_from([1, 2, 3]),
)


def made(spec: tuple[int, int, int] | None) -> MentionView:
    if spec is None:
        return mention(None)
    start, length, precision = spec
    first = DAY + timedelta(days=start)
    return mention(first, first + timedelta(days=length), precision)


@settings(max_examples=200, deadline=None)
@given(
    founders=st.lists(st.one_of(st.none(), windows), max_size=12),
    asked=st.one_of(st.none(), windows),
)
def test_index_is_a_whole_list_scan_with_the_far_clusters_left_out(
    founders: list[tuple[int, int, int] | None], asked: tuple[int, int, int] | None
) -> None:
    clusters = [cluster(f"c{n}", made(spec)) for n, spec in enumerate(founders)]
    query = made(asked)
    span = window(query)

    def meets(found: Cluster) -> bool:
        anchor = found.when
        return span is None or anchor is None or not (span[1] < anchor[0] or anchor[1] < span[0])

    index = ClusterIndex(clusters[: len(clusters) // 2])
    for found in clusters[len(clusters) // 2 :]:
        index.add(found)
    assert names(index.near(query)) == names([found for found in clusters if meets(found)])


def test_a_window_stored_end_before_start_is_found_where_it_may_hold() -> None:
    """An older store may hold a date_end before the event date; the index files the
    event over the days between them, so it offers it wherever `may_hold` accepts it."""
    reversed_founder = cluster("reversed", mention(DAY + timedelta(days=9), DAY))
    probe = mention(DAY + timedelta(days=1), DAY + timedelta(days=19))
    assert reversed_founder.may_hold(probe)
    assert names(ClusterIndex([reversed_founder]).near(probe)) == ["reversed"]
