from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.evaluate import TASKS, run_task


@pytest.mark.parametrize("name", sorted(TASKS))
def test_registry_every_task_loads(name):
    assert callable(TASKS[name].load())


def test_registry_unknown_task_and_missing_gold_are_coded(tmp_path: Path):
    with pytest.raises(EventwireError, match="E502"):
        run_task("nope", tmp_path)
    with pytest.raises(EventwireError, match="E501"):
        run_task("events-case", tmp_path / "absent.tsv")
