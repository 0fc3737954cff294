"""The attribution stage over hand-built parcels."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.errors import EventwireError
from eventwire.records import Article, Claim, Parcel
from eventwire.stages.attribution import ClaimAttributor, attribute

TEXT = (
    "The army took the crossing at dawn, a military spokesman said. "
    "Two bridges were damaged in the fighting."
)


def _parcel(docs: tuple[Any, ...] = ()) -> Parcel:
    article = Article("a1", "d1", 0, TEXT, (0, len(TEXT)), outlet="Example News")
    claims = tuple(
        Claim("other", phrase, "a1", (TEXT.index(phrase), TEXT.index(phrase) + len(phrase)))
        for phrase in ("took the crossing", "Two bridges")
    )
    return Parcel(document=None, articles=(article,), docs=docs, claims=claims)


def test_claim_attributor_fills_claimants_without_a_parse() -> None:
    (parcel,) = ClaimAttributor()([_parcel()])
    first, second = parcel.claims
    assert (first.claimant, first.claimant_type) == ("a military spokesman", "military")
    assert (second.claimant, second.claimant_type) == ("reporter", "reporter")
    assert first.outlet == second.outlet == "Example News"


def test_claim_attributor_uses_the_parcel_docs(parse: Callable[[str], Any]) -> None:
    (parcel,) = ClaimAttributor()([_parcel(docs=(parse(TEXT),))])
    assert parcel.claims[0].claimant == "a military spokesman"


def test_attribute_refuses_a_doc_of_another_text(parse: Callable[[str], Any]) -> None:
    with pytest.raises(EventwireError, match="E301"):
        attribute(TEXT, doc=parse("Another text."))
