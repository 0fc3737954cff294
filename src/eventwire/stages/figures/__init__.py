"""Figures in conflict reports: quantities ("nearly 930") and casualty claims.

`parse_quantity` turns a quantity as written into a low/high band; `extract_figures` finds
the figures of a text (killed, injured, captured, ...) as `records.Claim`s.
"""

from __future__ import annotations

from eventwire.stages.figures.extract import STAGE, extract_article_figures, extract_figures
from eventwire.stages.figures.quantity import Quantity, parse_quantity

__all__ = [
    "STAGE",
    "Quantity",
    "extract_article_figures",
    "extract_figures",
    "parse_quantity",
]
