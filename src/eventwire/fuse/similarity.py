"""How alike two mentions are: hard gates, then a weighted mean of what both sides know.

`fuse.similarity.v2`. Gates make a pair 0: date windows that do not meet, two towns
farther apart than the radius (or two regions, two countries that differ), and two types
no report of one event would mix unless the texts say otherwise (text evidence of at
least `STRONG_TEXT` overrides a type disagreement: classifiers err, reposts do not).
Otherwise the score is the weighted mean of type, place, date, actor and text agreement
over the parts both mentions have (a missing place neither helps nor hurts). Text is the
larger of sentence and article cosine (tf-idf over the articles at hand), read as full
agreement from `TEXT_SATURATION` up; two mentions of one article have text agreement 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.fuse.features import ArticleView, MentionView, cosine, distance_km, window

__all__ = ["NO_MATCH", "WEIGHTS", "Match", "compare", "place_fit", "type_score"]

WEIGHTS = {"type": 0.25, "place": 0.20, "date": 0.10, "actors": 0.15, "text": 0.30}
TOWN_RADIUS_KM = 30.0  # two town-level places (geo precision 1) farther apart: two events
NEAR_RADIUS_KM = 40.0  # when either place is only "near" a town (precision 2)
TEXT_SATURATION = 0.4  # cosine from which two texts count as telling one story
STRONG_TEXT = 0.5  # text agreement that overrides a type disagreement
FOCUSED = 3  # article similarity speaks for a mention only in articles of few strong mentions
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


@dataclass(frozen=True, slots=True)
class Match:
    """The similarity of a mention to another, and the rule that decided it."""

    score: float
    rule: str


NO_MATCH = Match(0.0, "gated")


def type_score(left: MentionView, right: MentionView) -> float | None:
    """1 same sub-type, 0.8 same family, 0.7 same type, 0.4 same disorder, 0.3 one is a
    strategic development (the catch-all of statements about violence) and both come from
    one article, else 0; None when either mention is untyped."""
    if not left.sub_event_type or not right.sub_event_type:
        return None
    if left.sub_event_type == right.sub_event_type:
        return 1.0
    if any({left.sub_event_type, right.sub_event_type} <= family for family in FAMILIES):
        return 0.8
    if left.event_type == right.event_type:
        return 0.7
    if left.disorder_type and left.disorder_type == right.disorder_type:
        return 0.4
    same_article = left.article_id == right.article_id
    if same_article and "Strategic developments" in (left.disorder_type, right.disorder_type):
        return 0.3
    return 0.0


def date_fit(left: MentionView, right: MentionView) -> tuple[bool, float | None]:
    """(apart?, agreement): 1 for one exact day, 0.6 for windows that meet."""
    one, two = window(left), window(right)
    if one is None or two is None:
        return False, None
    if one[1] < two[0] or two[1] < one[0]:
        return True, None
    exact = left.precision == right.precision == 1 and left.first == right.first
    return False, 1.0 if exact else 0.6


def place_fit(left: MentionView, right: MentionView) -> tuple[bool, float | None]:
    """(apart?, agreement) of two mentions' places."""
    one, two = left.place, right.place
    if one is None or two is None:
        return False, None
    if one.get("iso3") and two.get("iso3") and one.get("iso3") != two.get("iso3"):
        return True, None
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


def text_score(left: MentionView, right: MentionView, articles: dict[str, ArticleView]) -> float:
    if left.article_id == right.article_id:
        return 1.0
    sentence = cosine(left.words, right.words)
    one, two = articles.get(left.article_id), articles.get(right.article_id)
    focused = one is not None and two is not None and max(one.strong, two.strong) <= FOCUSED
    article = cosine(one.weights, two.weights) if one and two and focused else 0.0
    return min(1.0, max(sentence, article) / TEXT_SATURATION)


def compare(
    left: MentionView, right: MentionView, articles: dict[str, ArticleView], near_copy: float
) -> Match:
    """The similarity of two mentions under `fuse.similarity.v2`."""
    if left.shingles.jaccard(right.shingles) >= near_copy:
        return Match(1.0, "near-copy")
    (dates_apart, date), (places_apart, place) = date_fit(left, right), place_fit(left, right)
    text, kind = text_score(left, right, articles), type_score(left, right)
    if dates_apart or places_apart or (kind == 0.0 and text < STRONG_TEXT):
        return NO_MATCH
    parts = {"type": kind, "place": place, "date": date,
             "actors": actor_score(left, right), "text": text}  # fmt: skip
    if left.article_id != right.article_id:
        if text < CROSS_TEXT or (parts["place"] is None and text < 1.0):
            return NO_MATCH  # across articles, reports of one event share some words
        parts["place"] = UNPLACED if parts["place"] is None else parts["place"]
    known = {name: value for name, value in parts.items() if value is not None}
    total = sum(WEIGHTS[name] * value for name, value in known.items())
    return Match(round(total / sum(WEIGHTS[name] for name in known), 4), "similar")
