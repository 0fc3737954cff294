"""`attribute()`: one article's attributions, from its parse or from surface patterns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire.errors import Code, EventwireError
from eventwire.stages.attribution.claimants import resolve
from eventwire.stages.attribution.lexicon import AttributionLexicon, load_lexicon
from eventwire.stages.attribution.model import Attribution
from eventwire.stages.attribution.parsed import find_in_doc
from eventwire.stages.attribution.plain import find_in_text

__all__ = ["PARSED_STAGE", "PLAIN_STAGE", "attribute"]

PARSED_STAGE = "extract.attribution.parsed.v2"
PLAIN_STAGE = "extract.attribution.plain.v1"


def attribute(
    text: str,
    sentences: Sequence[tuple[int, int]] | None = None,
    outlet: str | None = None,
    *,
    doc: Any = None,
    lexicon: AttributionLexicon | None = None,
) -> list[Attribution]:
    """The attributions of one article, in text order.

    `sentences` are (start, end) character offsets (optional); `doc` is the article's
    spaCy parse when the pipeline has one (its text must be `text`); `outlet` is the outlet
    that carried the article, kept on every attribution and at the head of its chain.
    """
    lexicon = lexicon or load_lexicon()
    if doc is not None and doc.text != text:
        raise EventwireError(Code.STAGE_FAILED, detail=f"{PARSED_STAGE}: doc is not of this text")
    if doc is not None:
        finds = find_in_doc(doc, lexicon, sentences)
        return resolve(finds, lexicon, outlet, PARSED_STAGE)
    return resolve(find_in_text(text, lexicon, sentences), lexicon, outlet, PLAIN_STAGE)
