"""Pairwise similarity: gates on date, place and type; agreement over what both know."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from eventwire.fuse import ArticleView, MentionView, article_view, mention_view
from eventwire.fuse.similarity import (
    CONFLICT,
    FAMILIES,
    FAMILY_OF,
    NO_MATCH,
    compare,
    conflicts,
    date_fit,
    place_fit,
    type_score,
)


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
    [(1, "2013-06-06", False), (1, "2013-06-07", True), (2, "2013-06-10", False),
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


def article(
    article_id: str, published: str = "2013-06-06", strong: int = 1, regions: int = 1
) -> ArticleView:
    row = {"article_id": article_id, "document": article_id, "ordinal": 0, "outlet": "Wire",
           "credits": [], "published": published, "text": "Army units took the town."}  # fmt: skip
    return replace(article_view(row), strong=strong, regions=regions)


def test_similarity_day_precise_dates_two_days_apart_are_apart() -> None:
    one = mention(event_date="2013-06-05", time_precision=1)
    assert date_fit(one, mention("b", event_date="2013-06-06", time_precision=1))[0] is False
    assert date_fit(one, mention("b", event_date="2013-06-07", time_precision=1))[0] is True


def test_similarity_week_dates_tight_when_published_apart() -> None:
    one = mention("a", event_date="2013-06-05", time_precision=2)
    two = mention("b", event_date="2013-06-08", time_precision=2)
    same_day = {"a": article("a"), "b": article("b")}
    apart = {"a": article("a", "2013-06-05"), "b": article("b", "2013-06-08")}
    assert date_fit(one, two, same_day)[0] is False
    assert date_fit(one, two, apart)[0] is True


def test_similarity_country_alone_is_no_place() -> None:
    syria = {"location": "Syria", "iso3": "SYR", "geonameid": 163843, "geo_precision": 3}
    iraq = {"location": "Iraq", "iso3": "IRQ", "geonameid": 99237, "geo_precision": 3}
    assert place_fit(mention(place=syria), mention("b", place=dict(syria))) == (False, None)
    assert place_fit(mention(place=syria), mention("b", place=iraq)) == (True, None)


def test_similarity_region_alone_needs_sentence_agreement_across_articles() -> None:
    region = town(34.7, 36.7, 170000, precision=3) | {"location": "Homs Governorate"}
    placed = mention("a", place=town(34.50, 36.60, 1), sentence="Shells fell on a bakery.")
    other = mention("b", place=region, sentence="Rebels stormed a checkpoint at night.")
    retold = mention("c", place=region, sentence="Shells fell on a bakery in the town.")
    articles = {key: article(key) for key in "abc"}
    assert conflicts(placed, other, articles) is True
    assert conflicts(placed, retold, articles) is False


def test_similarity_round_up_places_and_days_stay_apart() -> None:
    busy = {"a": article("a", strong=6, regions=4)}
    first = mention("a", place=town(34.50, 36.60, 1), event_date="2013-06-05", time_precision=1)
    nearby = mention("a", place=town(34.52, 36.62, 2), event_date="2013-06-05", time_precision=1)
    next_day = mention("a", place=town(34.50, 36.60, 1), event_date="2013-06-06", time_precision=1)
    assert conflicts(first, nearby, busy) and conflicts(first, next_day, busy)
    focused = {"a": article("a", strong=6, regions=2)}
    assert not conflicts(first, nearby, focused)


def test_similarity_round_up_siblings_need_shared_words() -> None:
    busy = {"a": article("a", strong=6, regions=4)}
    one = mention("a", place=None, sentence="Gunmen ambushed a bus on the highway.")
    two = mention("a", place=None, sentence="Jets bombed a bakery in the old quarter.")
    assert compare(one, two, busy, near_copy=0.7).score == 0.0
    assert compare(one, two, {"a": article("a")}, near_copy=0.7).score > 0.5


def test_similarity_other_event_type_across_articles_needs_sentence_agreement() -> None:
    clash = {"sub_event_type": "Armed clash", "event_type": "Battles"}
    strike = {"sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence"}
    place = town(34.50, 36.60, 1)
    one = mention("a", place=place, sentence="Jets bombed the crowded market on Monday morning "
                  "killing nine.", **strike)  # fmt: skip
    two = mention("b", place=place, sentence="Gunmen fought soldiers at a checkpoint on Monday "
                  "evening.", **clash)  # fmt: skip
    same_article = mention("a", place=place, sentence=two.sentence, **clash)
    articles = {"a": article("a"), "b": article("b")}
    assert compare(one, two, articles, near_copy=0.7).score == 0.0
    assert compare(one, same_article, articles, near_copy=0.7).score > 0.5


def test_similarity_conflict_is_told_apart_unless_near_copy() -> None:
    text = "Shells hit the market of Tel Harun on Tuesday killing four people a monitor said."
    one = mention("a", event_date="2013-06-05", time_precision=1, sentence=text)
    other = mention("b", event_date="2013-06-09", time_precision=1, sentence="Jets hit a bridge.")
    repost = mention("b", event_date="2013-06-09", time_precision=1, sentence=text)
    unlike = mention("b", event_date="2013-06-05", time_precision=1, sentence="Jets hit a bridge.",
                     sub_event_type="Peaceful protest", event_type="Protests")  # fmt: skip
    assert compare(one, other, {}, near_copy=0.7) == CONFLICT
    assert compare(one, repost, {}, near_copy=0.7).rule == "near-copy"
    assert compare(one, unlike, {}, near_copy=0.7) == NO_MATCH


def test_similarity_type_families_do_not_overlap() -> None:
    """`type_score` looks a sub-type's family up: each sub-type is in one family at most."""
    assert sum(len(family) for family in FAMILIES) == len(FAMILY_OF)
