"""The attribution-polnear task on a tiny hand-written BRAT set."""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluate.attribution import _counts, evaluate_polnear, read_brat

TEXT = "Troops shelled the ridge, the governor said. Nothing else happened."
ANN = (
    "T1\tSource 26 38\tthe governor\n"
    "T2\tCue 39 43\tsaid\n"
    "T3\tContent 0 24\tTroops shelled the ridge\n"
    "T4\tAttribution 39 43\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tContent 0 6;15 24\tTroops the ridge\n"
)


def test_read_brat_keeps_fragments_by_kind() -> None:
    spans = read_brat(ANN)
    assert spans["source"] == {((26, 38),)}
    assert spans["content"] == {((0, 24),), ((0, 6), (15, 24))}


def test_counts_overlap_and_exact() -> None:
    counts = _counts()
    counts.add({((26, 38),), ((50, 60),)}, {((30, 38),), ((70, 80),)})
    metrics = counts.metrics("source")
    assert metrics["source_exact_f1"] == 0.0
    assert metrics["source_overlap_p"] == 0.5
    assert metrics["source_overlap_r"] == 0.5


def test_evaluate_polnear_on_a_tiny_set(tmp_path: Path) -> None:
    for split in ("dev", "test"):
        (tmp_path / split / "text").mkdir(parents=True)
        (tmp_path / split / "attributions").mkdir(parents=True)
        (tmp_path / split / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / split / "attributions" / "story_ab12.ann").write_text(ANN, encoding="utf-8")
    result = evaluate_polnear(tmp_path)
    assert result.metrics["articles"] == 2
    assert result.metrics["parsed_source_exact_f1"] == 1.0
    assert result.metrics["plain_source_overlap_f1"] == 1.0
