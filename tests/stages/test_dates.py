"""Date resolution against an article's dateline (here Thursday 6 June 2013)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.dates import (
    _RULES,
    DAY,
    MONTH,
    WEEK,
    Tense,
    _matches,
    anchor_date,
    event_date,
    find_dates,
    infer_tense,
    resolve_date,
)

ANCHOR = date(2013, 6, 6)  # a Thursday


@pytest.mark.parametrize(
    ("expression", "start", "end", "precision"),
    [
        ("early Wednesday", "2013-06-05", "2013-06-05", DAY),
        ("on Wednesday", "2013-06-05", "2013-06-05", DAY),
        ("Tuesday", "2013-06-04", "2013-06-04", DAY),
        ("overnight Wednesday", "2013-06-05", "2013-06-05", DAY),
        ("Wednesday night", "2013-06-05", "2013-06-05", DAY),
        ("Thursday", "2013-06-06", "2013-06-06", DAY),
        ("last Thursday", "2013-05-30", "2013-05-30", DAY),
        ("March 19", "2013-03-19", "2013-03-19", DAY),
        ("on March 19th", "2013-03-19", "2013-03-19", DAY),
        ("19 March", "2013-03-19", "2013-03-19", DAY),
        ("June 30th of last year", "2012-06-30", "2012-06-30", DAY),
        ("Jun 06, 2013", "2013-06-06", "2013-06-06", DAY),
        ("5 June 2013", "2013-06-05", "2013-06-05", DAY),
        ("2013-06-05", "2013-06-05", "2013-06-05", DAY),
        ("yesterday", "2013-06-05", "2013-06-05", DAY),
        ("the day before yesterday", "2013-06-04", "2013-06-04", DAY),
        ("last night", "2013-06-05", "2013-06-05", DAY),
        ("today", "2013-06-06", "2013-06-06", DAY),
        ("this morning", "2013-06-06", "2013-06-06", DAY),
        ("two days ago", "2013-06-04", "2013-06-04", DAY),
        ("a few days ago", "2013-05-31", "2013-06-04", WEEK),
        ("a couple of days ago", "2013-06-03", "2013-06-05", WEEK),
        ("last week", "2013-05-27", "2013-06-02", WEEK),
        ("earlier this week", "2013-06-03", "2013-06-06", WEEK),
        ("late May", "2013-05-21", "2013-05-31", WEEK),
        ("last month", "2013-05-01", "2013-05-31", MONTH),
        ("in March", "2013-03-01", "2013-03-31", MONTH),
        ("in June of last year", "2012-06-01", "2012-06-30", MONTH),
        ("March 2011", "2011-03-01", "2011-03-31", MONTH),
        ("two months ago", "2013-04-01", "2013-04-30", MONTH),
        ("in the past few days", "2013-05-31", "2013-06-06", WEEK),
    ],
)
def test_resolve_date_cases(expression: str, start: str, end: str, precision: int) -> None:
    found = resolve_date(expression, ANCHOR)
    assert found is not None
    assert (found.start.isoformat(), found.end.isoformat(), found.precision) == (
        start,
        end,
        precision,
    )
    assert not found.background
    assert not found.future


def test_resolve_date_weekday_of_the_dateline_is_that_day() -> None:
    friday = date(2013, 6, 7)
    found = resolve_date("Friday", friday)
    assert found is not None and found.start == friday


def test_resolve_date_since_is_background() -> None:
    found = resolve_date("since March 2011", ANCHOR)
    assert found is not None
    assert found.background
    assert (found.start, found.end) == (date(2011, 3, 1), ANCHOR)


@pytest.mark.parametrize(
    "expression",
    ["for more than two years", "in the past two months", "over the past years", "for two days"],
)
def test_resolve_date_long_periods_are_background(expression: str) -> None:
    found = resolve_date(expression, ANCHOR)
    assert found is not None and found.background and found.end == ANCHOR


def test_resolve_date_future_reference_stays_in_the_future() -> None:
    found = resolve_date("the talks will be resumed on June 25th", ANCHOR)
    assert found is not None
    assert found.start == date(2013, 6, 25)
    assert found.future


def test_resolve_date_past_hint_never_lands_after_the_anchor() -> None:
    found = resolve_date("June 25th", ANCHOR, tense_hint="past")
    assert found is not None and found.start == date(2012, 6, 25) and not found.future


def test_resolve_date_future_hint_takes_the_next_weekday() -> None:
    found = resolve_date("Monday", ANCHOR, tense_hint="future")
    assert found is not None and found.start == date(2013, 6, 10) and found.future


@pytest.mark.parametrize("expression", ["next week", "tomorrow", "next Wednesday"])
def test_resolve_date_future_words_are_flagged(expression: str) -> None:
    found = resolve_date(expression, ANCHOR)
    assert found is not None and found.future and found.start > ANCHOR


@pytest.mark.parametrize("expression", ["", "the army", "they may 5", "in two words", "March"])
def test_resolve_date_no_date_is_none(expression: str) -> None:
    text = expression if expression != "they may 5" else "They may 5"
    assert resolve_date(text, ANCHOR) is None


def test_find_dates_spans_and_clause_tense() -> None:
    text = (
        "The ministry said on Wednesday that the meeting will be resumed on June 25th, "
        "recalling the communiqué of June 30th of last year."
    )
    found = [(text[s:e], d.start.isoformat(), d.future) for (s, e), d in find_dates(text, ANCHOR)]
    assert found == [
        ("Wednesday", "2013-06-05", False),
        ("June 25th", "2013-06-25", True),
        ("June 30th of last year", "2012-06-30", False),
    ]


def test_find_dates_background_sentence() -> None:
    text = "The country has been gripped by unrest since March 2011, the agency said."
    [(_, found)] = find_dates(text, ANCHOR)
    assert found.background and found.text == "March 2011"


@pytest.mark.parametrize(
    ("text", "expected", "future"),
    [
        ("They will keep the truce in place since May 18.", "2013-05-18", False),
        ("Homes burned due to shelling on Sunday, residents said.", "2013-06-02", False),
        ("In December the council met again.", "2012-12-01", False),
        ("The council meets again in July.", "2013-07-01", True),
    ],
)
def test_find_dates_tense_without_hint(text: str, expected: str, future: bool) -> None:
    [(_, found)] = find_dates(text, ANCHOR)
    assert (found.start.isoformat(), found.future) == (expected, future)


def test_find_dates_lowercase_may_in_cased_text_is_not_a_month() -> None:
    assert find_dates("Officials said talks may 5 times be delayed.", ANCHOR) == []


def test_find_dates_without_date_words_is_empty() -> None:
    assert find_dates("Troops entered the town after heavy fighting.", ANCHOR) == []


def test_infer_tense_reads_the_clause_before_the_date() -> None:
    text = "He said on Monday that talks will resume on Friday."
    assert infer_tense(text, text.index("Monday")) is None
    assert infer_tense(text, text.index("Friday")) == "future"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency said on Thursday that troops entered the village on Monday.", "2013-06-03"),
        ("The agency said Tuesday that troops restored control of the district.", "2013-06-04"),
        ("Rebels withdrew overnight Wednesday after weeks of fighting, the group said.", "2013-06-05"),
        ("The town has been besieged since March 2011.", None),
        ("Talks will be resumed on June 25th.", None),
        ("Troops entered the village.", None),
    ],
)  # fmt: skip
def test_event_date_skips_statements_background_and_future(text: str, expected: str | None) -> None:
    found = event_date(text, ANCHOR)
    assert (found.start.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2013-06-06", ANCHOR), ("2013-06-06T10:00:00", ANCHOR), ("2013-06", None), (None, None)],
)
def test_anchor_date_needs_a_day(published: str | None, expected: date | None) -> None:
    assert anchor_date(published) == expected


# --- properties ------------------------------------------------------------------------

ANCHORS = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))
PAST_WORDS = [
    "yesterday", "today", "last night", "this morning", "last week", "last month",
    "earlier this week", "this month", "this year", "a few days ago", "several weeks ago",
    "a couple of days ago", "last year", "in recent weeks", "in March", "late June",
    "early December", "mid-February", "last March",
]  # fmt: skip
PAST_EXPRESSIONS = st.one_of(
    st.sampled_from(PAST_WORDS),
    st.builds(
        "{} {}".format,
        st.sampled_from(["", "early", "late", "overnight", "last", "on"]),
        st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]),
    ),
    st.builds(
        "{} {}".format,
        st.sampled_from(["January", "February", "March", "June", "September", "December"]),
        st.integers(min_value=1, max_value=31),
    ),
    st.builds("{} days ago".format, st.integers(min_value=1, max_value=400)),
    st.builds("{} weeks ago".format, st.integers(min_value=1, max_value=60)),
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), ANCHORS, st.sampled_from([None, "past", "future"]))
def test_find_dates_never_raises_and_keeps_order(
    text: str, anchor: date, tense: Tense | None
) -> None:
    for (start, end), found in find_dates(text, anchor, tense):
        assert 0 <= start < end <= len(text)
        assert found.start <= found.end
        assert found.precision in (DAY, WEEK, MONTH)


@settings(max_examples=300, deadline=None)
@given(PAST_EXPRESSIONS, ANCHORS)
def test_resolve_date_past_expressions_never_after_anchor(expression: str, anchor: date) -> None:
    found = resolve_date(expression, anchor, tense_hint="past")
    if found is not None:
        assert found.start <= found.end <= anchor
        assert not found.future
        assert found.precision in (DAY, WEEK, MONTH)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=6), ANCHORS)
def test_resolve_date_weekday_is_within_the_week_before(offset: int, anchor: date) -> None:
    day = anchor - timedelta(days=offset)
    found = resolve_date(day.strftime("%A"), anchor)
    assert found is not None and found.start == day


def _every_rule(text: str) -> list[tuple[tuple[int, int], str, tuple[int, int]]]:
    """Each rule run on the text, none skipped."""
    return [
        (m.span("x") if "x" in rule.pattern.groupindex else m.span(), rule.build.__name__, m.span())
        for rule in _RULES
        for m in rule.pattern.finditer(text)
    ]


def _kept(text: str) -> list[tuple[tuple[int, int], str, tuple[int, int]]]:
    return [(span, rule.build.__name__, m.span()) for span, rule, m in _matches(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Sunday",  # the whole text
        "on 5 June, early-July, in mid May 2012 and last March",
        "MONDAY night, two WEEKS ago, 2013-06-01, in 2011",
        "earlier this week, over the past three months, for two years",
        "ſunday and ſeptember 3 (a long s, which matches s in any case)",
        "Killed on Tuesday.",
        "no date here at all",
    ],
)
def test_matches_skip_no_rule_that_matches(text: str) -> None:
    assert _kept(text) == _every_rule(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["on", "in", "since", "of", "the", "early", "mid", "late", "end of", "last", "this",
             "next", "Monday", "sunday", "May", "JUNE", "Sept.", "dec", "3rd", "15", "2013",
             "2013-06-01", "two", "a few", "days", "week", "months", "year", "ago", "past",
             "over", "for", "earlier", " ", " ", "-", ",", ".", "ſ", "x"]
        ),
        max_size=10,
    ).map(" ".join),
)  # fmt: skip
def test_matches_equal_every_rule_run(text: str) -> None:
    assert _kept(text) == _every_rule(text)
