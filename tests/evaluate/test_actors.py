"""The `actors-plover` task on a tiny self-written gold file."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.evaluate.actors import evaluate_plover_actors

RECORDS = [
    {"id": "doc", "event": "DOCUMENT"},
    {"id": "1", "text": "Syrian troops shelled the village.",
     "source": [{"actorText": "Syrian troops", "code": "SYR", "sector": "MIL"}],
     "target": [{"actorText": "villagers", "code": "SYR", "sector": "CVL"}]},
    {"id": "2", "text": "Atlantean officials met.",
     "source": [{"actorText": "Atlantean officials", "code": "ATL", "sector": "GOV"}]},
]  # fmt: skip


def test_evaluate_plover_actors_counts_coverage_country_and_inter(tmp_path: Path) -> None:
    gold = tmp_path / "plover.json"
    gold.write_text(json.dumps(RECORDS), encoding="utf-8")
    result = evaluate_plover_actors(gold)
    assert result.metrics["n"] == 3
    assert result.metrics["coverage"] == round(2 / 3, 4)  # "Atlantean" is not listed
    assert (result.metrics["country_accuracy"], result.metrics["n_country"]) == (1.0, 1)
    assert (result.metrics["inter_accuracy"], result.metrics["n_inter"]) == (1.0, 2)
    assert result.metrics["in_scope_n"] == 2
