"""Boilerplate and reader comments: rules from `resources/boilerplate.v1.json`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.records import Paragraph
from eventwire.resources import read_json
from eventwire.stages.paragraphs import strip_marker

__all__ = ["BoilerplateRules", "classify_boilerplate"]


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    version: str
    comment_start: tuple[re.Pattern[str], ...]
    weak_comment_start: tuple[re.Pattern[str], ...]
    kinds: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]

    @classmethod
    def load(cls, name: str = "boilerplate.v1.json") -> BoilerplateRules:
        data = read_json(name)
        assert isinstance(data, dict)
        kinds = tuple((kind, compile_all(patterns)) for kind, patterns in data["kinds"].items())
        strong, weak = compile_all(data["comment_start"]), compile_all(data["weak_comment_start"])
        return cls(str(data["version"]), strong, weak, kinds)

    def kind_of(self, text: str, allowed: Sequence[str]) -> tuple[str, str] | None:
        """(kind, rule) of the first matching pattern among `allowed` kinds."""
        for kind, patterns in self.kinds:
            if kind in allowed:
                for pattern in patterns:
                    if pattern.search(text):
                        return kind, f"{self.version}:{kind}:{pattern.pattern}"
        return None

    def opens_comments(self, text: str, near_end: bool) -> str | None:
        for pattern in self.comment_start:
            if pattern.search(text):
                return f"{self.version}:comment_start:{pattern.pattern}"
        return self.weak_heading(text) if near_end else None

    def weak_heading(self, text: str) -> str | None:
        for pattern in self.weak_comment_start:
            if pattern.search(text):
                return f"{self.version}:weak_comment_start:{pattern.pattern}"
        return None


def compile_all(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


def classify_boilerplate(
    units: Sequence[Paragraph],
    rules: BoilerplateRules,
    starts_article: Callable[[int], bool],
) -> dict[int, tuple[str, str]]:
    """Map unit index -> (kind, rule) for every unit that is boilerplate or a comment.

    A comment section runs from its opening line to the next article start or the end; a
    bare "Comments" heading opens one only in the last third of the document.
    """
    found: dict[int, tuple[str, str]] = {}
    section: str | None = None
    for index, unit in enumerate(units):
        text = strip_marker(unit.text).strip()
        if section is not None and starts_article(index):
            section = None
        opened = rules.opens_comments(text, near_end=index >= len(units) * 2 / 3)
        if section is None and opened is not None:
            section = opened
        if section is not None:
            found[index] = rules.kind_of(text, ("pingback", "form")) or ("comment", section)
        elif (hit := rules.kind_of(text, ("pingback", "form", "widget"))) is not None:
            found[index] = hit
        elif (heading := rules.weak_heading(text)) is not None:
            found[index] = ("widget", heading)
    return found
