"""Versioned data files shipped inside the package (lexicons, alias tables, vocabularies)."""

from __future__ import annotations

import csv
import json
from importlib import resources

__all__ = ["read_csv", "read_json", "read_text"]


def read_text(name: str) -> str:
    """The text of a resource file, e.g. `read_text("outlets.v1.csv")`."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def read_json(name: str) -> object:
    return json.loads(read_text(name))


def read_csv(name: str) -> list[dict[str, str]]:
    lines = [line for line in read_text(name).splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))
