"""Pairwise similarity: gates on date, place and type; agreement over what both know."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.fuse import MentionView, mention_view
from eventwire.fuse.similarity import compare, date_fit, place_fit, type_score


def mention(article: str = "a", **fields: Any) -> MentionView:
    row: dict[str, Any] = {
        "mention_id": f"m-{article}-{len(fields)}", "article_id": article, "start": 0, "end": 10,
        "sentence": "Army units took the hill town after heavy fighting.",
        "disorder_type": "Political violence", "event_type": "Battles",
        "sub_event_type": "Government regains territory", "score": 0.9, "actors": [],
    } | fields  # fmt: skip
    return mention_view(row)


def town(lat: float, lon: float, geonameid: int, precision: int = 1) -> dict[str, Any]:
    return {"location": f"Town {geonameid}", "iso3": "SYR", "admin1": "Homs", "latitude": lat,
            "longitude": lon, "geo_precision": precision, "geonameid": geonameid}  # fmt: skip


@pytest.mark.parametrize(
    ("sub", "event_type", "expected"),
    [
        ("Government regains territory", "Battles", 1.0),
        ("Armed clash", "Battles", 0.8),
        ("Shelling/artillery/missile attack", "Explosions/Remote violence", 0.4),
    ],
)
def test_similarity_type_families(sub: str, event_type: str, expected: float) -> None:
    other = mention("b", sub_event_type=sub, event_type=event_type)
    assert type_score(mention(), other) == expected


def test_similarity_statement_type_mixes_only_within_an_article() -> None:
    fields = {"sub_event_type": "Change to group/activity", "event_type": "Strategic developments",
              "disorder_type": "Strategic developments"}  # fmt: skip
    assert type_score(mention("a"), mention("a", **fields)) == 0.3
    assert type_score(mention("a"), mention("b", **fields)) == 0.0


@pytest.mark.parametrize(
    ("precision", "other_day", "apart"),
    [(1, "2013-06-07", False), (1, "2013-06-09", True), (2, "2013-06-10", False),
     (2, "2013-06-15", True)],
)  # fmt: skip
def test_similarity_date_window_follows_precision(
    precision: int, other_day: str, apart: bool
) -> None:
    one = mention(event_date="2013-06-05", time_precision=precision)
    two = mention("b", event_date=other_day, time_precision=precision)
    assert date_fit(one, two)[0] is apart


def test_similarity_towns_apart_beyond_radius() -> None:
    near = place_fit(
        mention(place=town(34.50, 36.60, 1)), mention("b", place=town(34.55, 36.65, 2))
    )
    far = place_fit(mention(place=town(34.50, 36.60, 1)), mention("b", place=town(33.50, 36.30, 3)))
    assert near[0] is False and near[1] is not None and near[1] > 0.5
    assert far == (True, None)


def test_similarity_missing_place_neither_helps_nor_hurts() -> None:
    assert place_fit(mention(), mention("b", place=town(34.5, 36.6, 1))) == (False, None)


def test_similarity_near_copy_wins() -> None:
    one, two = mention("a"), mention("b", sub_event_type="Armed clash")
    assert compare(one, two, {}, near_copy=0.7).rule == "near-copy"


def test_similarity_gated_pair_scores_zero() -> None:
    one = mention("a", event_date="2013-06-05", time_precision=1, sentence="Clashes near the dam.")
    two = mention("b", event_date="2013-07-05", time_precision=1, sentence="Shelling hit a market.")
    assert compare(one, two, {}, near_copy=0.7).score == 0.0
