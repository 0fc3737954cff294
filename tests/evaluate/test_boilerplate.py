"""Zyte benchmark scoring on hand-made texts, and the task on a tiny self-written gold set."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.errors import Code, EventwireError
from eventwire.evaluate.boilerplate import (
    PageScore,
    bootstrap_std,
    evaluate_zyte,
    page_score,
    read_html,
    score_pages,
    shingles,
    tokenize,
)

PARAGRAPHS = (
    "Residents of the café district said shelling resumed before dawn on Thursday and "
    "that at least seven houses near the bakery were hit in the first hour.",
    "A spokesman for the provincial council said ambulances could not reach the area "
    "because the main road had been closed by checkpoints since the weekend.",
    "The army said its units had only returned fire at positions used by armed groups "
    "and accused them of hiding weapons in the basements of apartment blocks.",
)


def test_tokenize_keeps_case_and_splits_on_non_word() -> None:
    assert tokenize("The army's 3rd unit, al_Qarya: 'done'") == [
        "The",
        "army",
        "s",
        "3rd",
        "unit",
        "al_Qarya",
        "done",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a b c d e", {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}),
        ("a b", {("a", "b"): 1}),
        (
            "a b c d a b c d",
            {
                ("a", "b", "c", "d"): 2,
                ("b", "c", "d", "a"): 1,
                ("c", "d", "a", "b"): 1,
                ("d", "a", "b", "c"): 1,
            },
        ),
        ("", {}),
        (" , ; ", {}),
    ],
)
def test_shingles_are_a_multiset_of_word_4grams(
    text: str, expected: dict[tuple[str, ...], int]
) -> None:
    assert dict(shingles(text)) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("a b c d e f", "a b c d e x", PageScore(0.5, 0.25, 0.25, exact=False)),
        ("The army said it", "the army said it", PageScore(0.0, 0.5, 0.5, exact=False)),
        ("a b c d", "a b c d a b c d", PageScore(0.2, 0.8, 0.0, exact=False)),
        ("a b c d", "", PageScore(0.0, 0.0, 1.0, exact=False)),
        ("", "", PageScore(0.0, 0.0, 0.0, exact=True)),
        ("a, b: c d!", "a b c d", PageScore(1.0, 0.0, 0.0, exact=True)),
    ],
)
def test_page_score_normalises_shingle_counts(
    gold: str, predicted: str, expected: PageScore
) -> None:
    assert page_score(gold, predicted) == pytest.approx(expected)


def test_score_pages_averages_per_page_like_the_benchmark() -> None:
    pages = [
        page_score("a b c d e f", "a b c d e x"),  # P 2/3, R 2/3
        page_score("a b c d", "a b c d a b c d"),  # P 0.2, R 1
        page_score("a b c d", ""),  # no prediction: only in recall, R 0
        page_score("a b c d e", "a b c d e"),  # P 1, R 1, exact
        page_score("", ""),  # nothing on either side: in neither mean
    ]
    metrics = score_pages(pages)
    assert metrics["precision"] == pytest.approx(28 / 45)
    assert metrics["recall"] == pytest.approx(2 / 3)
    assert metrics["f1"] == pytest.approx(56 / 87)
    assert metrics["accuracy"] == pytest.approx(2 / 5)


def test_score_pages_empty_is_zero() -> None:
    assert score_pages([]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "accuracy": 0.0}


def test_bootstrap_std_is_reproducible_and_zero_for_equal_pages() -> None:
    equal = [page_score("a b c d e", "a b c d x")] * 5
    assert bootstrap_std(equal, samples=50)["f1_std"] == 0.0
    mixed = [page_score("a b c d e", "a b c d e"), page_score("a b c d e", "x y z w")] * 3
    first = bootstrap_std(mixed, samples=50)
    assert first == bootstrap_std(mixed, samples=50)
    assert set(first) == {"precision_std", "recall_std", "f1_std", "accuracy_std"}
    assert first["recall_std"] > 0.0


def test_bootstrap_std_needs_two_pages() -> None:
    assert bootstrap_std([page_score("a b c d", "a b c d")]) == {}


def page_html(charset: str) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (
        f'<html><head><meta charset="{charset}"><title>Shelling resumes</title></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article>{body}</article><footer>Contact us | Terms of use</footer></body></html>"
    )


def write_gold(folder: Path, pages: dict[str, bytes], truth: dict[str, str]) -> Path:
    (folder / "html").mkdir(parents=True)
    for page_id, raw in pages.items():
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(raw))
    records = {
        key: {"articleBody": text, "url": f"https://news.example.org/{key}"}
        for key, text in truth.items()
    }
    (folder / "ground-truth.json").write_text(json.dumps(records), encoding="utf-8")
    return folder


def test_read_html_uses_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page_html("windows-1252").encode("cp1252")))
    assert "café district" in read_html(path)


def test_evaluate_zyte_scores_extract_html_output(tmp_path: Path) -> None:
    text = "\n\n".join(PARAGRAPHS)
    pages = {
        "p1": page_html("utf-8").encode("utf-8"),
        "p2": page_html("windows-1252").encode("cp1252"),
    }
    gold = write_gold(tmp_path / "zyte", pages, {"p1": text, "p2": text})
    result = evaluate_zyte(gold)
    assert result.task == "boilerplate-zyte"
    expected = {"precision": 1.0, "recall": 1.0, "f1": 1.0, "accuracy": 1.0, "f1_std": 0.0}
    assert {key: result.metrics[key] for key in expected} == expected
    assert (result.metrics["pages"], result.metrics["no_text"]) == (2, 0)
    assert any("F1 1.000" in line for line in result.summary)


def test_evaluate_zyte_counts_pages_without_text(tmp_path: Path) -> None:
    pages = {"empty": b"<html><body><script>var page = 1;</script></body></html>"}
    gold = write_gold(tmp_path / "zyte", pages, {"empty": "Some gold text here"})
    result = evaluate_zyte(gold)
    assert result.metrics["no_text"] == 1
    assert result.metrics["recall"] == 0.0


def test_evaluate_zyte_missing_truth_raises_gold_missing(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as caught:
        evaluate_zyte(tmp_path)
    assert caught.value.code is Code.GOLD_MISSING
