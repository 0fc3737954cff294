"""How alike two mentions are: hard gates, then a weighted mean of what both sides know.

`fuse.similarity.v3`. Gates make a pair 0: date windows that do not meet (day-precise
dates more than a day apart; week-precise dates padded by a day only when the articles were
published on different days), two towns farther apart than the radius (or two regions, two
countries that differ), across articles a town against a mere region unless the sentences
agree, two places or days of one round-up, and two types no report of one event would mix
unless the texts say otherwise. Across articles, two different event types need sentence
agreement. Otherwise the score is the weighted mean of type, place, date, actor and text
agreement over the parts both mentions have (a missing place, or a country alone, neither
helps nor hurts). Text is the larger of sentence and article cosine (tf-idf over the
articles at hand), read as full agreement from `TEXT_SATURATION` up; two mentions of one
focused article have text agreement 1, two of a round-up their sentence cosine.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.fuse.features import (
    PAD_DAYS,
    TIGHT_PAD_DAYS,
    ArticleView,
    MentionView,
    cosine,
    distance_km,
    resemblance,
    window,
)

__all__ = [
    "CONFLICT",
    "NO_MATCH",
    "WEIGHTS",
    "Match",
    "compare",
    "conflicts",
    "is_round_up",
    "place_fit",
    "type_score",
]

WEIGHTS = {"type": 0.25, "place": 0.20, "date": 0.10, "actors": 0.15, "text": 0.30}
TOWN_RADIUS_KM = 30.0  # two town-level places (geo precision 1) farther apart: two events
NEAR_RADIUS_KM = 40.0  # when either place is only "near" a town (precision 2)
TEXT_SATURATION = 0.4  # cosine from which two texts count as telling one story
STRONG_TEXT = 0.5  # text agreement that overrides a type disagreement
FOCUSED = 3  # article similarity speaks for a mention only in articles of few strong mentions
ROUND_UP_REGIONS = 4  # ... and a round-up's strong mentions span this many regions
SAME_TYPE = 0.7  # across articles, types of different event types need sentence agreement
UNPLACED = 0.3  # place agreement across articles when either side has no place
CROSS_TEXT = 0.5  # the text agreement two reports from different articles need at least
# Sub-types that reports of one event mix (a retaking is also a clash; a withdrawal is a
# transfer of territory). Same family scores 0.8.
FAMILIES = (
    frozenset({"Government regains territory", "Non-state actor overtakes territory",
               "Non-violent transfer of territory", "Armed clash"}),
    frozenset({"Shelling/artillery/missile attack", "Air/drone strike",
               "Remote explosive/landmine/IED", "Grenade", "Suicide bomb"}),
    frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence", "Mob violence"}),
    frozenset({"Peaceful protest", "Protest with intervention",
               "Excessive force against protesters", "Violent demonstration"}),
)  # fmt: skip
FAMILY_OF = {sub: number for number, family in enumerate(FAMILIES) for sub in family}


@dataclass(frozen=True, slots=True)
class Match:
    """The similarity of a mention to another, and the rule that decided it."""

    score: float
    rule: str


NO_MATCH = Match(0.0, "gated")
CONFLICT = Match(0.0, "conflict")  # hard evidence of two events: no match, and a veto


def type_score(left: MentionView, right: MentionView) -> float | None:
    """1 same sub-type, 0.8 same family, 0.7 same type, 0.4 same disorder, 0.3 one is a
    strategic development (the catch-all of statements about violence) and both come from
    one article, else 0; None when either mention is untyped."""
    if not left.sub_event_type or not right.sub_event_type:
        return None
    if left.sub_event_type == right.sub_event_type:
        return 1.0
    family = FAMILY_OF.get(left.sub_event_type)  # the families do not overlap
    if family is not None and family == FAMILY_OF.get(right.sub_event_type):
        return 0.8
    if left.event_type == right.event_type:
        return 0.7
    if left.disorder_type and left.disorder_type == right.disorder_type:
        return 0.4
    same_article = left.article_id == right.article_id
    if same_article and "Strategic developments" in (left.disorder_type, right.disorder_type):
        return 0.3
    return 0.0


def date_fit(
    left: MentionView, right: MentionView, articles: dict[str, ArticleView] | None = None
) -> tuple[bool, float | None]:
    """(apart?, agreement): 1 for one exact day, 0.6 for windows that meet. Given the
    articles, week-precise dates of articles published on different days get tight windows."""
    pads = TIGHT_PAD_DAYS if published_apart(left, right, articles or {}) else PAD_DAYS
    one, two = window(left, pads), window(right, pads)
    if one is None or two is None:
        return False, None
    if one[1] < two[0] or two[1] < one[0] or days_apart(left, right):
        return True, None
    exact = left.precision == right.precision == 1 and left.first == right.first
    return False, 1.0 if exact else 0.6


def days_apart(left: MentionView, right: MentionView) -> bool:
    """Two day-precise dates more than a day apart (a day of slack for "overnight" and for
    reports written the next morning) are two events."""
    if left.precision != 1 or right.precision != 1 or left.first is None or right.first is None:
        return False
    gap = max(
        (left.first - (right.last or right.first)).days,
        (right.first - (left.last or left.first)).days,
    )
    return gap > 1


def published_apart(
    left: MentionView, right: MentionView, articles: dict[str, ArticleView]
) -> bool:
    one, two = articles.get(left.article_id), articles.get(right.article_id)
    if one is None or two is None or one.published is None or two.published is None:
        return False
    return one.published != two.published


def place_fit(left: MentionView, right: MentionView) -> tuple[bool, float | None]:
    """(apart?, agreement) of two mentions' places. A country alone ("Syria") tells two
    countries apart but agrees with nothing: it is read as no place."""
    one, two = left.place, right.place
    if one is None or two is None:
        return False, None
    if one.get("iso3") and two.get("iso3") and one.get("iso3") != two.get("iso3"):
        return True, None
    if not one.get("admin1") or not two.get("admin1"):
        return False, None
    if one.get("geonameid") is not None and one.get("geonameid") == two.get("geonameid"):
        return False, 1.0
    near_one, near_two = left.point, right.point
    if near_one is None or near_two is None:
        return region_fit(one.get("admin1"), two.get("admin1"))
    radius = TOWN_RADIUS_KM if both_towns(left, right) else NEAR_RADIUS_KM
    km = distance_km(near_one, near_two)
    return (True, None) if km > radius else (False, 1.0 - 0.5 * km / radius)


def both_towns(left: MentionView, right: MentionView) -> bool:
    return all((mention.place or {}).get("geo_precision") == 1 for mention in (left, right))


def region_fit(one: object, two: object) -> tuple[bool, float | None]:
    if one and two and one != two:
        return True, None
    return False, (0.5 if one and two else None)


def actor_score(left: MentionView, right: MentionView) -> float | None:
    if not left.actors or not right.actors:
        return None
    return len(left.actors & right.actors) / len(left.actors | right.actors)


def is_round_up(mention: MentionView, articles: dict[str, ArticleView]) -> bool:
    """The mention's article is a round-up: more than `FOCUSED` strong mentions, placed in
    at least `ROUND_UP_REGIONS` regions (a long report of one battle names a few places
    around it; a day's round-up of a war names several provinces)."""
    article = articles.get(mention.article_id)
    if article is None:
        return False
    return article.strong > FOCUSED and article.regions >= ROUND_UP_REGIONS


def round_up_apart(left: MentionView, right: MentionView, articles: dict[str, ArticleView]) -> bool:
    """Two mentions of one round-up with different places or days: two events (a round-up
    lists several; only its sentences, not its article, say which belong together)."""
    if left.article_id != right.article_id or not is_round_up(left, articles):
        return False
    places = left.place, right.place
    placed = places[0] is not None and places[1] is not None
    if placed and places[0].get("geonameid") != places[1].get("geonameid"):  # type: ignore[union-attr]
        return True
    days = left.first, right.first
    return days[0] is not None and days[1] is not None and days[0] != days[1]


def conflicts(left: MentionView, right: MentionView, articles: dict[str, ArticleView]) -> bool:
    """Hard evidence that two mentions report different events: their date windows do not
    meet, their places are apart, or they are different places or days of one round-up.
    Used against every strong member of an event (complete linkage), not only the best."""
    if date_fit(left, right, articles)[0] or place_fit(left, right)[0]:
        return True
    return other_conflicts(left, right, articles)


def other_conflicts(
    left: MentionView, right: MentionView, articles: dict[str, ArticleView]
) -> bool:
    """`conflicts` once the dates and places are known to fit (`compare` has them)."""
    if left.article_id != right.article_id and region_only(left, right):
        return text_score(left, right, articles, sentence_only=True) < 1.0
    return round_up_apart(left, right, articles)


def region_only(left: MentionView, right: MentionView) -> bool:
    """Both placed, not at one place, and at least one known only to its region: across
    articles, the province alone does not say two reports are of one event."""
    if left.place is None or right.place is None:
        return False
    if not left.place.get("admin1") or not right.place.get("admin1"):
        return False  # a country alone is no place (see place_fit)
    if left.place.get("geonameid") is not None and left.place.get("geonameid") == right.place.get(
        "geonameid"
    ):
        return False
    return left.point is None or right.point is None


def sentence_text(left: MentionView, right: MentionView) -> float:
    return min(1.0, sentence_cosine(left, right) / TEXT_SATURATION)


def sentence_cosine(left: MentionView, right: MentionView) -> float:
    return cosine(left.words, right.words, (left.words_length, right.words_length))


def text_score(
    left: MentionView,
    right: MentionView,
    articles: dict[str, ArticleView],
    sentence_only: bool = False,
) -> float:
    """Text agreement; 1 within one focused article (a round-up's sentences speak for
    themselves: their sentence cosine)."""
    if left.article_id == right.article_id and not is_round_up(left, articles):
        return 1.0
    if left.article_id == right.article_id or sentence_only:
        return sentence_text(left, right)
    sentence = sentence_cosine(left, right)
    one, two = articles.get(left.article_id), articles.get(right.article_id)
    focused = one is not None and two is not None and max(one.strong, two.strong) <= FOCUSED
    article = article_cosine(one, two) if one and two and focused else 0.0
    return min(1.0, max(sentence, article) / TEXT_SATURATION)


def article_cosine(one: ArticleView, two: ArticleView) -> float:
    return cosine(one.weights, two.weights, (one.weights_length, two.weights_length))


def compare(
    left: MentionView, right: MentionView, articles: dict[str, ArticleView], near_copy: float
) -> Match:
    """The similarity of two mentions under `fuse.similarity.v3`; `CONFLICT` when they
    conflict (`conflicts`) and are no near-copies (a repost may resolve "on Tuesday"
    against another publication date)."""
    if resemblance(left.shingles, right.shingles) >= near_copy:
        return Match(1.0, "near-copy")
    (dates_apart, date), (places_apart, place) = (
        date_fit(left, right, articles),
        place_fit(left, right),
    )
    if dates_apart or places_apart or other_conflicts(left, right, articles):
        return CONFLICT
    text = text_score(left, right, articles)
    across = left.article_id != right.article_id or is_round_up(left, articles)
    if across and (text < CROSS_TEXT or (place is None and text < 1.0)):
        return NO_MATCH  # across articles, reports of one event share some words
    kind = type_score(left, right)
    if kind == 0.0 and text < STRONG_TEXT:
        return NO_MATCH
    parts = {"type": kind, "place": place, "date": date,
             "actors": actor_score(left, right), "text": text}  # fmt: skip
    if across:
        if kind is not None and kind < SAME_TYPE and sentence_text(left, right) < 1.0:
            return NO_MATCH  # an air strike and a clash: two events, unless the sentences agree
        parts["place"] = UNPLACED if parts["place"] is None else parts["place"]
    known = {name: value for name, value in parts.items() if value is not None}
    total = sum(WEIGHTS[name] * value for name, value in known.items())
    return Match(round(total / sum(WEIGHTS[name] for name in known), 4), "similar")
