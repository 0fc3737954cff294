from __future__ import annotations

import pytest

from eventwire.records import Article, Parcel
from eventwire.stages.clean import DocumentCleaner
from eventwire.stages.split import ArticleSplitter
from tests.factories import BLOG, ROUNDUP, document


def split(text: str, **meta: str) -> list[Article]:
    parcel = Parcel(document=document(text, **meta))
    (cleaned,) = DocumentCleaner()([parcel])
    (result,) = ArticleSplitter()([cleaned])
    assert result.reject is None
    return list(result.articles)


def test_split_blog_repost_is_one_article_with_credits():
    (article,) = split(BLOG)
    assert article.outlet == "JNN"
    assert article.published == "2018-05-03"
    assert article.dateline_place == "Damascus"
    assert article.title == "Army Advances Near the Border, A Blow to the Armed Groups"
    assert article.credits[:3] == ("JNN", "Syrian state TV", "Al Jazeera")
    assert article.text.startswith("Government forces took control")
    assert "thoughts on" not in article.text


def test_split_roundup_into_articles_with_outlets_and_bylines():
    articles = split(ROUNDUP)
    assert [article.outlet for article in articles] == ["Prensa Latina", "SANA", "SANA"]
    assert [article.published for article in articles] == ["2018-05-04"] * 3
    assert articles[0].dateline_place == "Damascus"
    assert articles[0].title_from == "lead"
    assert articles[1].title == "Army Restores Security to Tal Hamra Village in Countryside"
    assert articles[1].dateline_place == "Homs"
    assert articles[1].byline == "K. Nasser"
    assert articles[1].text.startswith("Army units restored")
    assert articles[2].title == "Ministry Says Talks Will Resume Next Month in the Capital"


def test_split_year_comes_from_other_dates_in_the_document():
    (first, *_) = split(ROUNDUP)
    assert first.published == "2018-05-04"


def test_split_year_from_metadata_when_document_has_none():
    text = (
        "Prensa Latina\nDamascus, Jun 6\n\nThe army entered the town on Wednesday, a source said."
    )
    (article,) = split(text, published="2013-06-06T10:00:00Z")
    assert article.published == "2013-06-06"


def test_split_removals_are_recorded_per_article():
    articles = split(ROUNDUP)
    kinds = [sorted({removal.kind for removal in article.removed}) for article in articles]
    assert kinds == [["dateline"], ["byline", "dateline", "headline"], ["headline"]]


def test_split_plain_text_without_datelines_is_one_article():
    text = "Clashes in the north\n\nFighting continued on Monday near the town, residents said.\n\nMore fighting."
    (article,) = split(text)
    assert article.outlet is None
    assert article.published is None
    assert article.title == "Clashes in the north"


def test_split_uses_metadata_title_for_single_article():
    (article,) = split("Some text about an attack on a checkpoint.", title="Checkpoint attacked")
    assert (article.title, article.title_from) == ("Checkpoint attacked", "metadata")


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_split_nothing_but_blank_is_rejected(text):
    parcel = Parcel(document=document(text))
    (cleaned,) = DocumentCleaner()([parcel])
    (result,) = ArticleSplitter()([cleaned])
    assert result.reject is not None and result.reject.code == "E201"


@pytest.mark.parametrize(
    "text", ["K. Nasser", "Jun 06, 2013\n\nPrensa Latina", "Army Restores Security to the Village"]
)
def test_split_document_of_header_lines_only_is_one_article(text):
    (article,) = split(text)
    assert article.text


def test_split_byline_before_a_continuation_is_kept():
    text = "Jun 06, 2013\n\nThe army entered.\n\nArmy Restores Security to the Village Near the Border\n\nK. Nasser\n\nMore text."
    articles = split(text)
    assert [article.byline for article in articles] == ["K. Nasser"]
