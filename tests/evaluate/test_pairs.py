"""`pairs-semeval` on small hand-written pairs: reading, judging, scoring."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.evaluate.pairs import PairOutcome, judge_pair, lead_mention, read_pairs, score
from eventwire.fuse import article_row_of, article_view, mention_view, weigh_articles
from eventwire.records import Article

STORY = (
    "Flood waters rose along the Marren river on Sunday, forcing hundreds of families in "
    "Oster Vale to leave their homes, the regional council said."
)
RETOLD = (
    "Hundreds of families left Oster Vale on Sunday as the Marren river flooded the valley, "
    "council officials said, and shelters opened in the town hall."
)
OTHER = (
    "The city orchestra announced its winter season on Tuesday, with three new symphonies "
    "and a festival of chamber music in the old library."
)
FILLER = (
    "Traders in the harbour market reported quiet business on Monday as the ferries kept "
    "to their usual timetable and prices for fish stayed the same."
)


def article(article_id: str, text: str) -> Article:
    return Article(article_id, f"doc-{article_id}", 0, text, (0, len(text)), outlet=article_id)


def test_pairs_read_gold(tmp_path: Path) -> None:
    gold = tmp_path / "pairs.csv"
    with gold.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pair_id", "text1", "text2", "Overall"])
        writer.writerow(["1_2", STORY, RETOLD, "1.0"])
    (pair,) = read_pairs(gold)
    assert (pair.pair_id, pair.texts, pair.overall) == ("1_2", (STORY, RETOLD), 1.0)


def test_pairs_missing_gold_is_coded(tmp_path: Path) -> None:
    with pytest.raises(EventwireError, match="E501"):
        read_pairs(tmp_path / "absent.csv")


def test_pairs_same_story_told_twice_is_one_event() -> None:
    texts = {"a": STORY, "b": RETOLD, "c": OTHER, "d": FILLER}
    found = {key: article(key, text) for key, text in texts.items()}
    articles = weigh_articles({k: article_view(article_row_of(a)) for k, a in found.items()})
    same, similarity = judge_pair([lead_mention(found["a"])], [lead_mention(found["b"])], articles)
    different, low = judge_pair([lead_mention(found["a"])], [lead_mention(found["c"])], articles)
    assert (same, different) == (True, False)
    assert similarity > low


def test_pairs_text_without_mention_is_different() -> None:
    row = {"mention_id": "m", "article_id": "a", "start": 0, "end": 5, "sentence": "Rain.",
           "score": 0.9, "actors": []}  # fmt: skip
    assert judge_pair([mention_view(row)], [], {}) == (False, 0.0)


def test_pairs_score_accuracy_and_correlation() -> None:
    found = [
        PairOutcome("1", 1.0, True, 0.9),
        PairOutcome("2", 1.5, False, 0.4),
        PairOutcome("3", 4.0, False, 0.1),
        PairOutcome("4", 2.0, True, 0.6),
    ]
    result = score(found)
    assert result.metrics["judged"] == 3
    assert result.metrics["accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert result.metrics["same_recall"] == 0.5
    assert float(result.metrics["pearson_r"]) < 0
