"""Attribution: who asserts each stretch of an article ("X said", "according to X", ...).

`attribute(text, sentences, outlet, doc=...)` returns the attribution relations of one
article; `claimant_at(attributions, start, end)` says who asserts a span (a figure, an
event mention): the nearest speaker whose content covers it, or the reporter's own voice.
With a spaCy `Doc` the dependency finder reads the parse (it never parses again); without
one, the plain finder uses surface patterns only. `ClaimAttributor` is the pipeline stage.
"""

from __future__ import annotations

from eventwire.stages.attribution.claimants import ClaimantTyper, claimant_at
from eventwire.stages.attribution.core import PARSED_STAGE, PLAIN_STAGE, attribute
from eventwire.stages.attribution.model import CLAIMANT_TYPES, Attribution, TextSpan
from eventwire.stages.attribution.stage import ClaimAttributor

__all__ = [
    "CLAIMANT_TYPES",
    "PARSED_STAGE",
    "PLAIN_STAGE",
    "Attribution",
    "ClaimAttributor",
    "ClaimantTyper",
    "TextSpan",
    "attribute",
    "claimant_at",
]
