"""extract_html on small self-written pages."""

from __future__ import annotations

import pytest

from eventwire.ingest.html import HtmlExtract, extract_html, split_paragraphs

PARAGRAPHS = (
    "Government forces said on Wednesday they had taken full control of the town of "
    "Kafr Salam after three weeks of fighting with opposition armed groups.",
    "A military source told the state news agency that dozens of fighters were killed "
    "and that troops were clearing the old market district street by street.",
    "An opposition spokesman denied the town had fallen and said his men had withdrawn "
    "to the northern villages to protect the civilians still trapped there.",
    "Local medics reported that the field hospital had run out of blood and that more "
    "than two hundred wounded people were waiting to be evacuated to the border.",
)
NAV = "Home World Politics Sport Subscribe to our newsletter"
FOOTER = "Copyright Example Daily Media Group, all rights reserved, privacy policy"
COMMENT = "Great report, keep it up brothers, victory is near for the heroes"


def article_page(paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Army says it holds Kafr Salam | Example Daily</title>
<meta property="og:title" content="Army says it holds Kafr Salam">
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2013-06-05T09:30:00+03:00">
<link rel="canonical" href="https://daily.example.com/news/kafr-salam">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<main><article>
<h1>Army says it holds Kafr Salam</h1>
{body}</article>
<section id="comments" class="comments"><h3>3 comments</h3>
<div class="comment"><p>{COMMENT}</p></div>
<form class="comment-form"><textarea>Leave a reply</textarea><button>Post comment</button></form>
</section></main>
<footer><p>{FOOTER}</p></footer>
</body></html>"""


def test_extract_html_keeps_main_text_as_blank_line_paragraphs() -> None:
    extract = extract_html(article_page())
    assert extract is not None
    assert [p for p in extract.text.split("\n\n") if p in PARAGRAPHS] == list(PARAGRAPHS)


@pytest.mark.parametrize("boilerplate", [NAV, FOOTER, COMMENT, "Leave a reply", "Post comment"])
def test_extract_html_drops_navigation_footer_and_comments(boilerplate: str) -> None:
    extract = extract_html(article_page())
    assert extract is not None
    assert boilerplate not in extract.text


def test_extract_html_reads_metadata() -> None:
    extract = extract_html(article_page(), url="https://daily.example.com/news/kafr-salam?ref=rss")
    assert extract is not None
    assert extract.title == "Army says it holds Kafr Salam"
    assert extract.published == "2013-06-05"
    assert extract.outlet == "Example Daily"
    assert extract.url is not None and extract.url.startswith("https://daily.example.com/news/")


def test_extract_html_metadata_missing_is_none() -> None:
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    extract = extract_html(html + "</article></body></html>")
    assert extract is not None
    assert (extract.title, extract.published, extract.url) == (None, None, None)


def test_extract_html_recovers_text_from_unclosed_tags() -> None:
    html = "<html><body><div><article><p>" + "<p>".join(PARAGRAPHS) + "<div><span><b>"
    extract = extract_html(html)
    assert extract is not None
    assert PARAGRAPHS[0] in extract.text and PARAGRAPHS[-1] in extract.text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n\t ",
        "<<<>>></p></div><html",
        "\x00\x01\x02\ufffd\ufffd",
        "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 10,
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><p>--- *** ---</p><p>|||</p></body></html>",
    ],
    ids=["empty", "blank", "garbage", "control", "deep", "title-only", "no-words"],
)
def test_extract_html_none_without_main_text(html: str) -> None:
    assert extract_html(html) is None


@pytest.mark.parametrize(
    "html",
    [
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>A line.</p></body></html>',
        "<html><body><table><tr><td><p>Cell<td>cell</table></p></tr>",
        "<p>Unclosed <b>bold <i>italic <a href='javascript:'>link",
        "<html><body><script>var a = '<p>';</script><style>p{}</style></body></html>",
        "<html>\ud800 lone surrogate</html>",
    ],
    ids=["xml-declaration", "misnested-table", "unclosed-inline", "script-only", "surrogate"],
)
def test_extract_html_never_raises_on_broken_markup(html: str) -> None:
    result = extract_html(html)
    assert result is None or isinstance(result, HtmlExtract)


def test_extract_html_none_when_only_navigation() -> None:
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(30))
    assert extract_html(f"<html><body><nav><ul>{links}</ul></nav></body></html>") is None


def test_extract_html_is_deterministic() -> None:
    first = extract_html(article_page())
    extract_html(article_page(PARAGRAPHS[::-1]))
    assert extract_html(article_page()) == first
    assert isinstance(first, HtmlExtract)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one\ntwo", "one\n\ntwo"),
        ("  one  \n\n\n two\tthree \n", "one\n\ntwo three"),
        ("\n \n", ""),
        ("single", "single"),
    ],
)
def test_split_paragraphs_one_per_line(text: str, expected: str) -> None:
    assert split_paragraphs(text) == expected
