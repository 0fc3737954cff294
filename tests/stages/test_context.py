from __future__ import annotations

import pytest

from eventwire.records import Article, Place
from eventwire.stages.context import OutletTable, article_context


@pytest.mark.parametrize(
    ("outlet", "country", "stance"),
    [
        ("SANA", "SYR", "pro_government"),  # state-owned, reporting on its own country
        ("SANA", "LBN", None),
        ("Press TV", "SYR", None),  # state-owned, but another state
        ("Reuters", "SYR", None),
        (None, "SYR", None),
    ],
)
def test_context_stance_is_read_from_ownership_only(outlet, country, stance):
    assert OutletTable().stance(outlet, country) == stance


def test_context_country_is_the_most_named_and_anchor_the_published_date():
    article = Article("a1", "d1", 0, "text", (0, 4), outlet="SANA", published="2014-03-12")
    places = [
        Place("a1", "Homs", 0, 4, iso3="SYR"),
        Place("a1", "Beirut", 5, 11, iso3="LBN"),
        Place("a1", "Yabroud", 12, 19, iso3="SYR"),
        Place("a1", "Nowhere", 20, 27, reason="not in the gazetteer"),
    ]
    context = article_context(article, places, OutletTable())
    assert (context.country, str(context.anchor), context.stance) == (
        "SYR",
        "2014-03-12",
        "pro_government",
    )
