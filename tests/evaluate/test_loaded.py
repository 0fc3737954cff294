"""The loaded-ptc task on a tiny hand-written PTC-style set."""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluate.loaded import _counts, evaluate_ptc, read_labels

# Article 4 (an even id: the dev half); article 7 has labels but no text.
TEXT = "Clashes near the dam\n\nThe barbaric shelling went on, and thugs looted the market.\n"
# "barbaric" 26-34; "thugs" 57-62; "the market" 70-80 (a gold span nothing predicts).
LABELS = (
    "4\tLoaded_Language\t26\t34\n"
    "4\tName_Calling,Labeling\t57\t62\n"
    "4\tLoaded_Language\t70\t80\n"
    "4\tDoubt\t0\t7\n"
    "7\tName_Calling,Labeling\t0\t4\n"
)


def _gold(tmp_path: Path) -> Path:
    (tmp_path / "train-articles").mkdir()
    (tmp_path / "train-articles" / "article4.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "train-task2-TC.labels").write_text(LABELS, encoding="utf-8")
    return tmp_path


def test_read_labels_keeps_the_two_techniques_by_kind(tmp_path: Path) -> None:
    gold = read_labels(_gold(tmp_path) / "train-task2-TC.labels")
    assert gold["4"]["loaded"] == {(26, 34), (70, 80)}
    assert gold["4"]["name_calling"] == {(57, 62)}
    assert gold["7"]["loaded"] == set()


def test_counts_exact_and_overlap() -> None:
    counts = _counts()
    counts.add({(0, 10), (20, 30)}, {(5, 8), (40, 50)})
    metrics = counts.metrics("x")
    assert metrics["x_exact_f1"] == 0.0
    assert metrics["x_overlap_p"] == 0.5
    assert metrics["x_overlap_r"] == 0.5


def test_evaluate_ptc_on_a_tiny_set(tmp_path: Path) -> None:
    result = evaluate_ptc(_gold(tmp_path))
    metrics = result.metrics
    assert metrics["articles"] == 1
    assert metrics["loaded_exact_p"] == 1.0
    assert metrics["loaded_exact_r"] == 0.5
    assert metrics["name_calling_exact_f1"] == 1.0
    assert metrics["combined_overlap_r"] == round(2 / 3, 4)
    assert metrics["general_combined_predicted"] == 1
    assert metrics["dev_combined_gold"] == 3 and metrics["heldout_combined_gold"] == 0
    assert any(line.startswith("dev term 'barbaric'") for line in result.summary)
