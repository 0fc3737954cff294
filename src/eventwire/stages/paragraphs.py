"""Document text -> paragraph units with offsets."""

from __future__ import annotations

import re
from collections.abc import Callable

from eventwire.records import Paragraph

__all__ = ["split_paragraphs"]

_BLOCK = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•·])\s+")
_WRAP_MIN = 40
_TERMINAL = (".", "!", "?", '"', "”", "’", ":", ";")


def split_paragraphs(
    text: str, standalone: Callable[[str], bool] = lambda line: False
) -> list[Paragraph]:
    """Blank-line blocks; a block's lines are separate units unless the block is hard-wrapped.

    A block holding a `standalone` line (a dateline, a byline) is never taken as wrapped.
    """
    units: list[Paragraph] = []
    position = 0
    for match in [*_BLOCK.finditer(text), None]:
        end = match.start() if match else len(text)
        units.extend(block_units(text, position, end, standalone))
        position = match.end() if match else end
    return units


def block_units(
    text: str, start: int, end: int, standalone: Callable[[str], bool]
) -> list[Paragraph]:
    lines = line_spans(text, start, end)
    texts = [text[a:b] for a, b in lines]
    if len(lines) > 1 and is_wrapped(texts) and not any(map(standalone, texts)):
        first, last = lines[0][0], lines[-1][1]
        return [Paragraph(first, last, text[first:last].replace("\n", " "))]
    return [Paragraph(a, b, text[a:b]) for a, b in lines]


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines in text[start:end], stripped, as (start, end) offsets."""
    spans = []
    position = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            offset = position + (len(line) - len(line.lstrip()))
            spans.append((offset, offset + len(stripped)))
        position += len(line) + 1
    return spans


def is_wrapped(lines: list[str]) -> bool:
    """True when all lines but the last are long and run on without ending a sentence."""
    return all(len(line) >= _WRAP_MIN and not line.endswith(_TERMINAL) for line in lines[:-1])


def strip_marker(text: str) -> str:
    """A unit's text without a leading list marker ("1. ", "- ")."""
    return _LIST_MARKER.sub("", text, count=1)
