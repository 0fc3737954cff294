"""What clustering compares: a mention's type, date window, place, actors and words.

Built from stored rows (the `mentions` and `articles` tables' shape), so the store and the
pairs evaluation feed clustering the same way.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

import numpy as np
from datasketch import MinHash

from eventwire.records import Article, Mention

__all__ = [
    "PAD_DAYS",
    "TIGHT_PAD_DAYS",
    "ArticleView",
    "MentionView",
    "article_row_of",
    "article_view",
    "cosine",
    "count_strong",
    "distance_km",
    "length",
    "mention_row_of",
    "mention_view",
    "minhash",
    "resemblance",
    "tokens_of",
    "weigh_articles",
    "window",
]

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
STEM = 6  # words compared by their first six letters: Qusayr's/Qusayr, retakes/retaken
PERMUTATIONS = 64
# Padding around a date by ACLED time precision (1 day, 2 week, 3 month): a week-precise
# date is a week window centred on it; a month-precise date is stored as a range already,
# so it gets half a month on each side, not a month.
PAD_DAYS = {1: 1, 2: 3, 3: 15}
# Across articles published on different days, a week-precise date ("this week", or a date
# taken from the article's own) is padded by one day only: the two articles' clocks differ,
# and a week of slack on both sides let neighbouring events of one week meet.
TIGHT_PAD_DAYS = {1: 1, 2: 1, 3: 15}
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "that",
        "this",
        "with",
        "from",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "been",
        "for",
        "its",
        "their",
        "they",
        "them",
        "which",
        "who",
        "what",
        "when",
        "where",
        "after",
        "before",
        "also",
        "said",
        "says",
        "but",
        "not",
        "all",
        "any",
        "into",
        "over",
        "than",
        "then",
        "there",
        "these",
        "those",
        "while",
        "will",
        "would",
        "could",
        "should",
        "about",
        "against",
        "between",
        "during",
        "other",
        "some",
        "such",
        "more",
        "most",
        "many",
        "only",
        "own",
        "same",
        "very",
        "can",
        "just",
    ]
)
GENERIC_ACTORS = ("Unidentified Armed Group", "Civilians")


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article as fusion sees it: outlet, credits, date and a bag of words."""

    article_id: str
    outlet: str | None
    credits: tuple[str, ...]
    published: date | None
    document: str
    ordinal: int
    words: Counter[str]
    text: str  # signed (`minhash`) only when two outlets' texts are compared
    weights: Mapping[str, float] = field(default_factory=dict)
    weights_length: float = 0.0  # `length(weights)`, set with them
    strong: int = 0  # strong mentions in the article: more than a few, a round-up
    regions: int = 0  # distinct admin1 regions its strong mentions are placed in


@dataclass(frozen=True, slots=True)
class MentionView:
    """A mention as fusion sees it."""

    mention_id: str
    article_id: str
    outlet: str | None
    start: int
    end: int
    sentence: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    score: float
    first: date | None
    last: date | None
    precision: int | None
    place: Mapping[str, Any] | None
    actors: frozenset[str]
    claimant_type: str | None
    alleged: bool
    words: Counter[str]
    words_length: float  # `length(words)`: cosine divides by it, once per comparison
    shingles: MinHash
    row: Mapping[str, Any]
    # `window(self)` with the default and the tight pads, computed once (they are asked
    # for every pair compared)
    span: tuple[date, date] | None = None
    tight_span: tuple[date, date] | None = None
    point: tuple[float, float] | None = None  # `point_of(place)`


def point_of(place: Mapping[str, Any] | None) -> tuple[float, float] | None:
    """Coordinates when the place is a town or near one (geo precision 1 or 2)."""
    place = place or {}
    if place.get("latitude") is None or (place.get("geo_precision") or 3) > 2:
        return None
    return float(place["latitude"]), float(place["longitude"])


def tokens_of(text: str) -> list[str]:
    """The text's words of three letters or more, lower-cased: what its bag of words and
    its shingles are made of."""
    return [word.lower() for word in WORD.findall(text)]


def words_of(tokens: list[str]) -> Counter[str]:
    found = (token[:STEM] for token in tokens)
    return Counter(word for word in found if word not in STOPWORDS)


@cache
def permutations() -> Any:
    """The seeded MinHash permutations, made once and shared by every signature."""
    return MinHash(num_perm=PERMUTATIONS, seed=1).permutations


def minhash(tokens: list[str]) -> MinHash:
    """MinHash of a text's word 3-shingles (`tokens_of(text)`; seeded, so the same text
    gives the same signature)."""
    signature = MinHash(num_perm=PERMUTATIONS, seed=1, permutations=permutations())
    shingles = [" ".join(tokens[i : i + 3]).encode("utf-8") for i in range(max(len(tokens) - 2, 1))]
    signature.update_batch(shingles)
    return signature


def resemblance(left: MinHash, right: MinHash) -> float:
    """`left.jaccard(right)`, without its checks of seed and size (every signature here is
    made by `minhash`): fusion asks it of hundreds of thousands of pairs."""
    return float(np.count_nonzero(left.hashvalues == right.hashvalues)) / len(left.hashvalues)


def cosine(
    left: Mapping[str, float],
    right: Mapping[str, float],
    lengths: tuple[float, float] | None = None,
) -> float:
    """Cosine of two bags of words; `lengths`, when given, are theirs (`length`), so a bag
    compared many times is measured once."""
    if not left or not right:
        return 0.0
    dot = sum(count * right[word] for word, count in left.items() if word in right)
    one, two = lengths or (length(left), length(right))
    return dot / (one * two)


def length(bag: Mapping[str, float]) -> float:
    """The Euclidean length of a bag of words."""
    return math.sqrt(sum(count * count for count in bag.values()))


def parse_date(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def window(mention: MentionView, pads: Mapping[int, int] = PAD_DAYS) -> tuple[date, date] | None:
    """The days the mention may refer to, widened by its precision (with the default or
    the tight pads, as the mention was made with them)."""
    if mention.first is None:
        return None
    if pads is PAD_DAYS:
        return mention.span or padded(mention.first, mention.last, mention.precision, pads)
    if pads is TIGHT_PAD_DAYS:
        return mention.tight_span or padded(mention.first, mention.last, mention.precision, pads)
    return padded(mention.first, mention.last, mention.precision, pads)


def padded(
    first: date | None, last: date | None, precision: int | None, pads: Mapping[int, int]
) -> tuple[date, date] | None:
    if first is None:
        return None
    pad = timedelta(days=pads.get(precision or 3, 15))
    return first - pad, (last or first) + pad


def distance_km(left: tuple[float, float], right: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*left, *right))
    step = math.sin((lat2 - lat1) / 2) ** 2
    step += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, step)))


def actor_names(actors: object) -> frozenset[str]:
    names = (
        (actor.get("name") for actor in actors if isinstance(actor, dict))
        if isinstance(actors, list)
        else ()
    )
    return frozenset(
        str(name) for name in names if name and not str(name).startswith(GENERIC_ACTORS)
    )


def place_name(place: object) -> str:
    """The gazetteer's name of a mention's place, added to its words so that Qusseir and
    al-Qseir, resolved to one town, count as one word."""
    return str(place.get("location") or "") if isinstance(place, dict) else ""


def article_view(row: Mapping[str, Any]) -> ArticleView:
    text = str(row.get("text") or "")
    return ArticleView(
        article_id=str(row["article_id"]),
        outlet=row.get("outlet"),
        credits=tuple(row.get("credits") or ()),
        published=parse_date(row.get("published")),
        document=str(row.get("document") or ""),
        ordinal=int(row.get("ordinal") or 0),
        words=words_of(tokens_of(text)),
        text=text,
    )


def mention_view(row: Mapping[str, Any]) -> MentionView:
    sentence = str(row.get("sentence") or "")
    place = row.get("place")
    place = place if isinstance(place, dict) and place.get("location") else None
    first, last = parse_date(row.get("event_date")), parse_date(row.get("date_end"))
    precision = row.get("time_precision")
    tokens = tokens_of(sentence)
    words = words_of([*tokens, *tokens_of(place_name(place))])
    return MentionView(
        mention_id=str(row["mention_id"]),
        article_id=str(row["article_id"]),
        outlet=row.get("outlet"),
        start=int(row["start"]),
        end=int(row["end"]),
        sentence=sentence,
        event_type=str(row.get("event_type") or ""),
        sub_event_type=str(row.get("sub_event_type") or ""),
        disorder_type=str(row.get("disorder_type") or ""),
        score=float(row.get("score") or 0.0),
        first=first,
        last=last,
        precision=precision,
        place=place,
        actors=actor_names(row.get("actors")),
        claimant_type=row.get("claimant_type"),
        alleged=bool(row.get("alleged")),
        words=words,
        words_length=length(words),
        shingles=minhash(tokens),
        row=row,
        span=padded(first, last, precision, PAD_DAYS),
        tight_span=padded(first, last, precision, TIGHT_PAD_DAYS),
        point=point_of(place),
    )


def count_strong(
    articles: Mapping[str, ArticleView], mentions: Iterable[MentionView], floor: float
) -> dict[str, ArticleView]:
    """Articles with the number of their mentions scoring at least `floor`, and the number
    of regions those mentions are placed in."""
    strong = [m for m in mentions if m.score >= floor]
    counts = Counter(m.article_id for m in strong)
    regions: dict[str, set[str]] = {}
    for mention in strong:
        region = (mention.place or {}).get("admin1")
        regions.setdefault(mention.article_id, set()).update([str(region)] if region else [])
    return {
        key: replace(view, strong=counts[key], regions=len(regions.get(key, ())))
        for key, view in articles.items()
    }


def weigh_articles(articles: Mapping[str, ArticleView]) -> dict[str, ArticleView]:
    """Articles with tf-idf word weights over the articles at hand, so words every article
    of the corpus shares ("army", "killed") count for little."""
    frequency: Counter[str] = Counter()
    for article in articles.values():
        frequency.update(article.words.keys())
    total = len(articles) + 1
    idf = {word: math.log(total / count) for word, count in frequency.items()}
    weighed = {key: weigh(view.words, idf) for key, view in articles.items()}
    return {
        key: replace(view, weights=weighed[key], weights_length=length(weighed[key]))
        for key, view in articles.items()
    }


def weigh(words: Counter[str], idf: Mapping[str, float]) -> dict[str, float]:
    return {word: count * idf[word] for word, count in words.items() if idf[word] > 0}


def mention_row_of(mention: Mention) -> dict[str, Any]:
    """A mention record in the `mentions` table's shape (for fusion outside the store)."""
    place = asdict(mention.place) if mention.place is not None else None
    return {
        "mention_id": mention.mention_id, "article_id": mention.article_id,
        "outlet": mention.outlet, "start": mention.span.start, "end": mention.span.end,
        "sentence": mention.span.text, "event_type": mention.event_type,
        "sub_event_type": mention.sub_event_type, "disorder_type": mention.disorder_type,
        "score": mention.score, "event_date": mention.date, "date_end": mention.date_end,
        "time_precision": mention.time_precision, "place": place,
        "actors": [asdict(actor) for actor in mention.actors],
        "claimant_type": mention.claimant_type, "alleged": mention.alleged,
    }  # fmt: skip


def article_row_of(article: Article) -> dict[str, Any]:
    """An article record in the `articles` table's shape."""
    names = ("article_id", "document", "ordinal", "outlet", "credits", "published", "text")
    return {name: getattr(article, name) for name in names}
