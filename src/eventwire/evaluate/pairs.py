"""`pairs-semeval`: do two news texts' main events fall into one event?

Reads the SemEval-2022 task 8 pairs CSV (`pair_id, text1, text2, ..., Overall`, where
Overall runs from 1 "same story" to 4 "unrelated") by path. Every text goes through the
default per-document pipeline (batched); each pair's mentions are then clustered with
fusion's own logic (`fuse.cluster.v2`, all event labels, not only ACLED ones: the pairs
are news of every kind, and without dates). A text's main event is its highest-scoring
mention (a text with none stands for its story by its opening, untyped); the pair is
"same" when both main mentions end in one event. Accuracy is over pairs with Overall
<= 1.5 (same) or >= 3 (different); Pearson r is between the main mentions' similarity
and Overall over all pairs (negative is good: similar -> low Overall).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import StatisticsError, correlation

from eventwire.errors import Code, EventwireError
from eventwire.evaluate.result import EvalResult
from eventwire.fuse import (
    ArticleView,
    Cluster,
    FuseSettings,
    MentionView,
    cluster_mentions,
    compare,
)
from eventwire.fuse.features import (
    article_row_of,
    article_view,
    count_strong,
    mention_row_of,
    mention_view,
    weigh_articles,
)
from eventwire.pipeline import Pipeline, PipelineSettings
from eventwire.records import Article, Document, Parcel, content_id

__all__ = ["PairOutcome", "evaluate_pairs", "judge_pair", "read_pairs"]

TASK = "pairs-semeval"
SAME, DIFFERENT = 1.5, 3.0
SETTINGS = FuseSettings(acled_only=False)
LEAD_CHARS = 300


@dataclass(frozen=True, slots=True)
class Pair:
    pair_id: str
    texts: tuple[str, str]
    overall: float


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """Whether the two main events were fused, and how similar the main mentions were."""

    pair_id: str
    overall: float
    same: bool
    similarity: float


def read_pairs(gold: Path) -> list[Pair]:
    if not gold.is_file():
        raise EventwireError(Code.GOLD_MISSING, detail=str(gold))
    csv.field_size_limit(sys.maxsize)
    with gold.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Pair(row["pair_id"], (row["text1"], row["text2"]), float(row["Overall"])) for row in rows
    ]


def text_document(pair_id: str, side: int, text: str) -> Document:
    raw = text.encode("utf-8")
    source = f"{pair_id}/{side}"
    return Document(content_id(source, raw), source, "txt", raw, text, "utf-8")


def parse_texts(pairs: Sequence[Pair]) -> dict[str, Parcel]:
    """Every text through the default pipeline, keyed by `pair_id/side`."""
    pipeline = Pipeline.from_settings(PipelineSettings())
    documents = (
        Parcel(text_document(pair.pair_id, side, text))
        for pair in pairs
        for side, text in enumerate(pair.texts, start=1)
    )
    return {
        parcel.document.source: parcel
        for parcel in pipeline.run(documents)
        if parcel.document is not None
    }


def views(parcel: Parcel | None) -> tuple[list[MentionView], list[ArticleView]]:
    if parcel is None or parcel.reject is not None:
        return [], []
    mentions = [mention_view(mention_row_of(mention)) for mention in parcel.mentions]
    if not mentions and parcel.articles:
        mentions = [lead_mention(parcel.articles[0])]
    return mentions, [article_view(article_row_of(article)) for article in parcel.articles]


def lead_mention(article: Article) -> MentionView:
    """A text with no event mention (most of these pairs are not about conflict) stands for
    its story by its opening, as an untyped, undated, unplaced mention that may found."""
    lead = article.text[:LEAD_CHARS]
    row: dict[str, object] = {
        "mention_id": content_id(article.article_id, "lead"), "article_id": article.article_id,
        "outlet": article.outlet, "start": 0, "end": len(lead), "sentence": lead,
        "score": SETTINGS.found, "actors": [],
    }  # fmt: skip
    return mention_view(row)


def judge_pair(
    left: Sequence[MentionView],
    right: Sequence[MentionView],
    articles: dict[str, ArticleView],
    settings: FuseSettings = SETTINGS,
) -> tuple[bool, float]:
    """(same event?, similarity of the two main mentions) under fusion's clustering."""
    if not left or not right:
        return False, 0.0
    main_left, main_right = (max(side, key=lambda m: (m.score, -m.start)) for side in (left, right))
    clusters: list[Cluster] = []
    assigned = cluster_mentions([*left, *right], clusters, articles, settings)
    events = {a.mention_id: a.event_id for a in assigned}
    one, two = events.get(main_left.mention_id), events.get(main_right.mention_id)
    similarity = compare(main_left, main_right, articles, settings.near_copy).score
    return one is not None and one == two, similarity


def outcomes(pairs: Sequence[Pair], parcels: dict[str, Parcel]) -> Iterator[PairOutcome]:
    parsed = {source: views(parcel) for source, parcel in parcels.items()}
    found = {a.article_id: a for _m, views_of in parsed.values() for a in views_of}
    mentions = [m for found_mentions, _a in parsed.values() for m in found_mentions]
    articles = weigh_articles(count_strong(found, mentions, SETTINGS.found))
    for pair in pairs:
        left, _ = parsed.get(f"{pair.pair_id}/1", ([], []))
        right, _ = parsed.get(f"{pair.pair_id}/2", ([], []))
        same, similarity = judge_pair(left, right, articles)
        yield PairOutcome(pair.pair_id, pair.overall, same, similarity)


def evaluate_pairs(gold: Path) -> EvalResult:
    pairs = read_pairs(gold)
    return score(list(outcomes(pairs, parse_texts(pairs))))


def score(found: Sequence[PairOutcome]) -> EvalResult:
    judged = [o for o in found if o.overall <= SAME or o.overall >= DIFFERENT]
    right = sum(1 for o in judged if o.same == (o.overall <= SAME))
    same = [o for o in judged if o.overall <= SAME]
    different = [o for o in judged if o.overall >= DIFFERENT]
    metrics: dict[str, float | int | str] = {
        "pairs": len(found),
        "judged": len(judged),
        "accuracy": round(right / len(judged), 4) if judged else 0.0,
        "same_recall": round(sum(o.same for o in same) / len(same), 4) if same else 0.0,
        "different_recall": round(sum(not o.same for o in different) / len(different), 4)
        if different
        else 0.0,
        "pearson_r": round(pearson(found), 4),
    }
    summary = (
        f"{len(found)} pairs, {len(judged)} judged ({len(same)} same, {len(different)} different)",
        f"accuracy {metrics['accuracy']}; same recall {metrics['same_recall']}, "
        f"different recall {metrics['different_recall']}",
        f"Pearson r(similarity, Overall) = {metrics['pearson_r']} (negative: similar pairs "
        "have low Overall)",
    )
    return EvalResult(TASK, metrics, summary)


def pearson(found: Sequence[PairOutcome]) -> float:
    try:
        return correlation([o.similarity for o in found], [o.overall for o in found])
    except StatisticsError:
        return 0.0
