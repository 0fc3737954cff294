"""The `dates-gva` task on a tiny self-written gold file."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from eventwire.evaluate.dates import evaluate_gva_dates, predict_date

ROWS = [
    {"doc_id": "a", "dct": "2015-03-12", "date": "March 10, 2015", "title": "Man shot",
     "content": "Police said a man was shot early Tuesday outside a bar. He survived."},
    {"doc_id": "b", "dct": "2015-03-12", "date": "March 12, 2015", "title": "Two hurt",
     "content": "Two people were hurt in a shooting today, police said."},
    {"doc_id": "c", "dct": "2015-03-12", "date": "March 1, 2015", "title": "No date here",
     "content": "A shooting left one person injured."},
]  # fmt: skip


def _gold(tmp_path: Path) -> Path:
    path = tmp_path / "gva.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(row) + "\n" for row in ROWS)
    return path


def test_evaluate_gva_dates_scores_coverage_and_exact_days(tmp_path: Path) -> None:
    result = evaluate_gva_dates(_gold(tmp_path))
    assert result.task == "dates-gva"
    assert result.metrics["n"] == 3
    assert result.metrics["coverage"] == round(2 / 3, 4)
    assert result.metrics["exact_day_covered"] == 1.0
    assert result.metrics["baseline_published_exact"] == round(1 / 3, 4)


def test_predict_date_takes_the_first_dated_sentence() -> None:
    text = "Shooting in town\nA man was shot Tuesday night. Police arrived on Wednesday."
    found = predict_date(text, date(2015, 3, 12))
    assert found is not None and found.start == date(2015, 3, 10)
