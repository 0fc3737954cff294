"""Exact and near-duplicate paragraphs inside one document (word 3-gram containment)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

__all__ = ["find_duplicates"]

_WORD = re.compile(r"\w+")
MIN_WORDS = 15
CONTAINMENT = 0.8
MAX_GROWTH = 1.2


def shingles(text: str, size: int = 3) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return frozenset(tuple(words[i : i + size]) for i in range(max(len(words) - size + 1, 1)))


def find_duplicates(texts: Sequence[str | None]) -> dict[int, int]:
    """Map index -> index of the earlier paragraph it repeats.

    A paragraph repeats an earlier one when at least 80% of the shorter one's word
    3-grams occur in the other, and it is not much longer than the earlier one (a later,
    longer version adds information and is kept). Short units (< 15 words: datelines,
    bylines, headlines, list items) are never duplicates. `None` entries are skipped.
    """
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    kept: dict[int, frozenset[tuple[str, ...]]] = {}
    found: dict[int, int] = {}
    for position, text in enumerate(texts):
        if text is None or len(_WORD.findall(text)) < MIN_WORDS:
            continue
        grams = shingles(text)
        original = best_match(grams, index, kept)
        if original is not None:
            found[position] = original
            continue
        kept[position] = grams
        for gram in grams:
            index[gram].append(position)
    return found


def best_match(
    grams: frozenset[tuple[str, ...]],
    index: dict[tuple[str, ...], list[int]],
    kept: dict[int, frozenset[tuple[str, ...]]],
) -> int | None:
    shared: Counter[int] = Counter()
    for gram in grams:
        shared.update(index.get(gram, ()))
    for candidate, overlap in shared.most_common(5):
        other = kept[candidate]
        if len(grams) > MAX_GROWTH * len(other):
            continue
        if overlap >= CONTAINMENT * min(len(grams), len(other)):
            return candidate
    return None
