"""Fusion over the store: one event per real event, claims reconciled, sources counted."""

from __future__ import annotations

from sqlalchemy import select

from eventwire.fuse import FuseSettings, fuse, iter_events
from eventwire.store import Store, schema
from tests.fuse.conftest import (
    WADI_SAHEL,
    Report,
    Writer,
    desert_wire,
    levant_post,
    state_radio,
)


def events_of(store: Store) -> list[dict[str, object]]:
    return list(iter_events(store))


def tel_harun(store: Store) -> dict[str, object]:
    (found,) = [
        e for e in events_of(store) if e["sub_event_type"] == "Government regains territory"
    ]
    return found


def test_fuse_one_event_across_outlets(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio(), levant_post())
    fuse(store)
    event = tel_harun(store)
    assert event["sources"] == ["Desert Wire", "Levant Post", "State Radio"]
    assert event["report_count"] == 5
    assert {r["outlet"] for r in event["reports"]} == set(event["sources"])  # type: ignore[union-attr]


def test_fuse_far_place_is_another_event(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio())
    fuse(store)
    types = sorted(str(e["sub_event_type"]) for e in events_of(store))
    assert types == ["Government regains territory", "Shelling/artillery/missile attack"]


def test_fuse_credits_count_one_origin(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio(), levant_post())
    fuse(store)
    event = tel_harun(store)
    assert event["source_count"] == 3
    assert event["independent_source_count"] == 2


def test_fuse_near_duplicate_articles_count_once(store: Store, write: Writer) -> None:
    copy = state_radio()
    copy.outlet = "Mirror Blog"
    write(state_radio(), copy)
    fuse(store)
    event = tel_harun(store)
    assert event["source_count"] == 2
    assert event["independent_source_count"] == 1


def test_fuse_claims_of_every_outlet_attached(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio(), levant_post())
    fuse(store)
    claims = tel_harun(store)["claims"]
    assert sorted(c["text"] for c in claims) == ["12", "about 300", "dozens"]  # type: ignore[union-attr]


def test_fuse_background_figure_in_busy_article_left_unattached(
    store: Store, write: Writer
) -> None:
    write(desert_wire())
    fuse(store)
    texts = [c["text"] for e in events_of(store) for c in e["claims"]]  # type: ignore[union-attr]
    assert "Thousands" not in texts


def test_fuse_fatalities_band_and_conservative_count(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio(), levant_post())
    fuse(store)
    event = tel_harun(store)
    assert (event["fatalities_low"], event["fatalities_high"]) == (12, 330)
    # The army's figure for its enemy's dead is not credible on its own: 12, not 24.
    assert event["fatalities"] == 12


def test_fuse_party_figure_used_when_alone(store: Store, write: Writer) -> None:
    report = Report("Desert Wire")
    report.mention("Army units took Tel Harun on Wednesday, killing dozens of gunmen.")
    report.claim("dozens", 24, 99, subject_actor="Opposition armed groups (Syria)",
                 claimant_type="military")  # fmt: skip
    write(report)
    fuse(store)
    assert tel_harun(store)["fatalities"] == 24


def test_fuse_attributed_only_when_every_report_is_a_party_claim(
    store: Store, write: Writer
) -> None:
    write(state_radio())
    fuse(store)
    assert tel_harun(store)["attributed"] is False
    alone = Report("State Radio", published="2013-06-09")
    alone.mention("The army said it crushed the gunmen in Tel Harun.", claimant_type="military",
                  place=WADI_SAHEL)  # fmt: skip
    write(alone)
    fuse(store)
    claimed = [e for e in events_of(store) if e["location"] == "Place 900003"]
    assert [e["attributed"] for e in claimed] == [True]


def test_fuse_weak_mention_founds_nothing(store: Store, write: Writer) -> None:
    report = Report("Desert Wire")
    report.mention("Officials vowed to continue the campaign.", label="CHANGE_TO_GROUP_ACT",
                   score=0.3)  # fmt: skip
    write(report)
    summary = fuse(store)
    assert (summary.founded, summary.left_out, events_of(store)) == (0, 1, [])


def test_fuse_past_event_needs_a_strong_mention(store: Store, write: Writer) -> None:
    report = Report("Desert Wire")
    report.mention("Rebels had seized the town on 10 January.", date="2013-01-10", score=0.8)
    write(report)
    assert fuse(store).founded == 0
    assert fuse(store, FuseSettings(found_background=0.75)).founded == 1


def test_fuse_context_never_founds_or_joins(store: Store, write: Writer) -> None:
    report = desert_wire()
    report.mention("Rebels have held parts of the region since 2011.", date="2011-01-01",
                   date_end="2011-12-31", time_precision=3, score=0.99)  # fmt: skip
    write(report)
    summary = fuse(store, FuseSettings(found_background=0.5))
    assert summary.left_out == 1
    assert all(r["sentence"] != report.mentions[-1].span.text
               for e in events_of(store) for r in e["reports"])  # type: ignore[union-attr]  # fmt: skip


def test_fuse_incremental_keeps_event_ids(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio())
    fuse(store)
    before = tel_harun(store)["event_id"]
    write(levant_post())
    summary = fuse(store)
    assert (summary.mentions_seen, summary.founded) == (1, 0)
    assert tel_harun(store)["event_id"] == before
    assert "Levant Post" in tel_harun(store)["sources"]  # type: ignore[operator]


def test_fuse_rerun_changes_nothing(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio(), levant_post())
    fuse(store)
    first = events_of(store)
    summary = fuse(store)
    assert (summary.mentions_seen, summary.events_touched) == (0, 0)
    assert events_of(store) == first


def test_fuse_same_input_same_ids(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio())
    fuse(store)
    ids = {e["event_id"] for e in events_of(store)}
    with store.engine.begin() as connection:
        for table in (schema.event_claims, schema.event_mentions, schema.events):
            connection.execute(table.delete())
    fuse(store)
    assert {e["event_id"] for e in events_of(store)} == ids


def test_fuse_every_mention_in_at_most_one_event(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio(), levant_post())
    fuse(store)
    with store.engine.connect() as connection:
        linked = connection.execute(select(schema.event_mentions.c.mention_id)).scalars().all()
    assert len(linked) == len(set(linked)) == 6


def test_fuse_export_row_has_contract_fields(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio(), levant_post())
    fuse(store)
    event = tel_harun(store)
    assert tuple(event) == schema.EVENT_FIELDS
    assert event["time_precision"] == 1 and event["event_date"] == "2013-06-05"
    assert event["interaction"] == 12
    assert event["location"] == "Place 900001"


def test_fuse_notes_neutral(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio(), levant_post())
    fuse(store)
    notes = str(tel_harun(store)["notes"])
    assert "gunmen" not in notes and "Rebels" not in notes
    assert notes.startswith("Government regains territory (Battles) involving")
