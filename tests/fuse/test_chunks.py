"""Fusion in chunks: a pass holds a bounded set of articles and only the events its dates
can reach, and gives the same events as one pass over everything."""

from __future__ import annotations

import pytest

from eventwire.fuse import FuseSettings, _fuse, fuse, iter_events, storage
from eventwire.store import Store
from tests.fuse.conftest import (
    Report,
    Writer,
    desert_wire,
    levant_post,
    parcel,
    state_radio,
)


def dated_report(outlet: str, day: str) -> Report:
    """An invented clash in Tel Harun, reported the day after it happened."""
    published = f"{day[:8]}{int(day[8:]) + 1:02d}"
    report = Report(outlet, published=published)
    return report.mention("Troops retook Tel Harun from the gunmen.", date=day)


def event_keys(store: Store) -> list[tuple[object, ...]]:
    fields = ("event_id", "event_date", "sources", "report_count", "fatalities")
    return sorted(tuple(str(event[f]) for f in fields) for event in iter_events(store))


def test_one_article_chunks_give_the_same_events(
    store: Store, write: Writer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    write(desert_wire(), state_radio(), levant_post())
    fuse(store, FuseSettings(chunk_articles=1))
    chunked = event_keys(store)
    other = Store.open(f"sqlite:///{tmp_path_factory.mktemp('whole') / 'one.db'}")
    with other:
        run_id = other.begin_run("test", {})
        other.write_parcels([parcel(r()) for r in (desert_wire, state_radio, levant_post)], run_id)
        fuse(other)
        assert event_keys(other) == chunked


def test_chunked_summary_counts_every_mention(store: Store, write: Writer) -> None:
    write(desert_wire(), state_radio(), levant_post())
    summary = fuse(store, FuseSettings(chunk_articles=1))
    assert summary.mentions_seen == 6
    assert summary.attached + summary.founded + summary.left_out == summary.mentions_seen
    assert summary.events_total == len(list(iter_events(store)))


def test_events_out_of_reach_are_not_loaded(
    store: Store, write: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(dated_report("Desert Wire", "2013-06-05"))
    fuse(store)
    (old,) = [event["event_id"] for event in iter_events(store)]
    asked: list[set[str] | None] = []
    real = storage.member_rows

    def spy(connection: object, event_ids: set[str] | None = None) -> object:
        asked.append(None if event_ids is None else set(event_ids))
        return real(connection, event_ids)  # type: ignore[arg-type]

    monkeypatch.setattr("eventwire.fuse._fuse.member_rows", spy)
    write(dated_report("State Radio", "2019-03-10"))
    summary = fuse(store)
    assert summary.founded == 1
    assert asked and all(ids is not None and old not in ids for ids in asked)


def test_events_within_reach_are_joined(store: Store, write: Writer) -> None:
    write(dated_report("Desert Wire", "2013-06-05"))
    fuse(store)
    write(dated_report("State Radio", "2013-06-05"))
    summary = fuse(store)
    assert (summary.mentions_seen, summary.founded, summary.attached) == (1, 0, 1)
    (event,) = list(iter_events(store))
    assert event["sources"] == ["Desert Wire", "State Radio"]


def test_a_founder_dated_to_a_whole_year_still_takes_a_later_report(
    store: Store, write: Writer
) -> None:
    """The founder's own dates anchor an event, whatever date the event settles on."""
    founder = Report("Desert Wire", published="2019-12-31")
    founder.mention(
        "Troops retook Tel Harun from the gunmen this year.",
        date="2019-01-01", date_end="2019-12-31", time_precision=3, score=0.95,
    )  # fmt: skip
    write(founder)
    fuse(store)
    (first,) = [event["event_id"] for event in iter_events(store)]
    later = Report("State Radio", published="2019-08-02")
    later.mention("Troops retook Tel Harun from the gunmen this year.", date="2019-08-01")
    write(later)
    summary = fuse(store, FuseSettings(chunk_articles=1))
    assert (summary.founded, summary.attached) == (0, 1)
    assert [event["event_id"] for event in iter_events(store)] == [first]


def test_a_founder_one_day_before_a_window_is_within_reach(store: Store, write: Writer) -> None:
    """The founder's window is padded: a day-precise founder on the 5th meets a mention
    whose own window starts on the 6th."""
    write(dated_report("Desert Wire", "2013-06-05"))
    fuse(store)
    write(dated_report("State Radio", "2013-06-07"))
    summary = fuse(store)
    assert (summary.founded, summary.attached) == (0, 1)


def test_a_chunk_reuses_the_previous_chunks_views_of_its_members(
    store: Store, write: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each mention is viewed once: as pending in its chunk, and not again as a member of
    the event the next chunk joins."""
    write(dated_report("Desert Wire", "2013-06-05"), dated_report("State Radio", "2013-06-05"))
    viewed: list[str] = []
    real = _fuse.mention_view

    def spy(row: dict[str, object]) -> object:
        viewed.append(str(row["mention_id"]))
        return real(row)

    monkeypatch.setattr("eventwire.fuse._fuse.mention_view", spy)
    summary = fuse(store, FuseSettings(chunk_articles=1))
    assert (summary.founded, summary.attached) == (1, 1)
    assert sorted(viewed) == sorted(set(viewed)) and len(viewed) == 2
