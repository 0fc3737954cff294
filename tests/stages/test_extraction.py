"""The extraction stages on one self-written article, through the default pipeline."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline, PipelineSettings
from eventwire.records import Parcel
from tests.factories import CLASHES, document


@pytest.fixture(scope="module")
def parcel() -> Parcel:
    (result,) = Pipeline.from_settings(PipelineSettings()).run_batch(
        [Parcel(document=document(CLASHES))]
    )
    assert result.reject is None
    return result


def test_extraction_places_resolve_with_precision(parcel):
    yabroud = [place for place in parcel.places if place.name == "Yabroud"]
    assert yabroud and yabroud[0].iso3 == "SYR" and yabroud[0].geo_precision == 1
    assert abs(yabroud[0].latitude - 33.97) < 0.2 and abs(yabroud[0].longitude - 36.66) < 0.2


def test_extraction_mention_is_typed_dated_and_placed(parcel):
    first = parcel.mentions[0]
    assert first.sub_event_type == "Government regains territory"
    assert (first.date, first.time_precision) == ("2014-03-11", 1)
    assert first.place is not None and first.place.location is not None
    assert "Military Forces of Syria (2000-)" in [actor.name for actor in first.actors]
    assert first.outlet == "SANA"
    assert first.claimant == "a military source"


def test_extraction_claims_keep_figures_subjects_and_claimant(parcel):
    killed = next(claim for claim in parcel.claims if claim.kind == "killed")
    assert (killed.text, killed.subject, killed.high) == ("nearly 40", "terrorists", 40)
    assert killed.low is not None and 30 <= killed.low < 40
    assert killed.claimant_type == "anonymous"
    assert killed.outlet == "SANA"
    assert any(claim.kind == "injured" and claim.low == 12 for claim in parcel.claims)


def test_extraction_labels_keep_the_outlets_words(parcel):
    labels = {(label.label, label.actor, label.loaded) for label in parcel.labels}
    assert ("terrorists", "Opposition armed groups (Syria)", True) in labels
    assert all(label.outlet == "SANA" for label in parcel.labels)
