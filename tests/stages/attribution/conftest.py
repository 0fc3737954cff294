"""One spaCy pipeline for the attribution tests (loading it is the slow part)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.resources.models import load_spacy


@pytest.fixture(scope="session")
def parse() -> Callable[[str], Any]:
    spacy_pipeline = load_spacy()
    return spacy_pipeline  # type: ignore[no-any-return]
