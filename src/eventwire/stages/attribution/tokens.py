"""Token helpers shared by the parse-based finders: spans of a spaCy `Doc`, quote marks.

Never `doc.text`: it rebuilds the whole article on every call.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from eventwire.stages.attribution.model import TextSpan

__all__ = [
    "QUOTES",
    "QUOTE_TRIM",
    "TRIM",
    "Doc",
    "Token",
    "outside_span",
    "sentence_spans",
    "subtree_span",
    "text_span",
]

Token = Any
Doc = Any

QUOTES = frozenset({'"', "“", "”", "«", "»", "''", "``"})
QUOTE_TRIM = " ,.\n\t"
TRIM = " ,.;:-—–\n\t"


def sentence_spans(doc: Doc, sentences: Sequence[tuple[int, int]] | None) -> Iterator[Any]:
    if sentences is None:
        yield from doc.sents
        return
    for start, end in sentences:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            yield span


def text_span(doc: Doc, first: int, last: int, trim: str = TRIM) -> TextSpan | None:
    """Tokens first..last (inclusive) as a text span, outer punctuation trimmed."""
    if last < first:
        return None
    start = doc[first].idx
    text = doc[first : last + 1].text  # never `doc.text`: it rebuilds the whole article
    left = len(text) - len(text.lstrip(trim))
    right = len(text.rstrip(trim))
    if right <= left:
        return None
    return TextSpan(start + left, start + right, text[left:right])


def subtree_span(doc: Doc, token: Token) -> TextSpan | None:
    return text_span(doc, token.left_edge.i, token.right_edge.i)


def outside_span(doc: Doc, sent: Any, inner: Token) -> TextSpan | None:
    """The part of the sentence outside `inner`'s subtree, as one extent."""
    left = text_span(doc, sent.start, inner.left_edge.i - 1)
    right = text_span(doc, inner.right_edge.i + 1, sent.end - 1)
    if left is None or right is None:
        return left or right
    whole = doc.char_span(left.start, right.end)
    return TextSpan(left.start, right.end, whole.text) if whole is not None else left
