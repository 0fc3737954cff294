"""Mentions, claims, places and labels: written once, exported in the contract's shape."""

from __future__ import annotations

from dataclasses import replace

from eventwire.records import Actor, Claim, Label, Mention, Parcel, Place, Span
from eventwire.store import Store
from tests.store.conftest import ParcelFactory


def with_extractions(parcel: Parcel) -> Parcel:
    article = parcel.articles[0]
    aid = article.article_id
    place = Place(
        aid,
        "Tel Harun",
        0,
        9,
        "Tel Harun",
        "Syria",
        "SYR",
        "Homs",
        None,
        34.5,
        36.6,
        1,
        123,
        stage="geo.v1",
    )
    unresolved = Place(aid, "Wadi Nowhere", 20, 32, reason="not in the gazetteer", stage="geo.v1")
    mention = Mention(
        "m1", aid, Span(aid, 0, 60, "event", "Army units took full control of Tel Harun.", "ev.v1"),
        "GOV_REGAINS_TERRITORY", "Battles", "Government regains territory", "Political violence", 0.9,
        actors=(Actor("Military Forces of Syria (2000-)", 1, "Army units", "Desert Wire"),),
        date="2013-06-05", date_end="2013-06-05", time_precision=1, place=place,
        claimant="a military source", claimant_type="anonymous", relays=("Desert Wire",), outlet="Desert Wire", stage="ev.v1",
    )  # fmt: skip
    claims = (
        Claim("killed", "nearly 30", aid, (61, 70), 28, 30, "fighters", None, "a monitor", "media", ("Desert Wire",), "Desert Wire", "fig.v1"),
        Claim("killed", "a large number", aid, (80, 94), None, None, "fighters", stage="fig.v1"),
    )  # fmt: skip
    labels = (
        Label(aid, "Desert Wire", "Opposition armed groups (Syria)", "terrorists", True, 100, 110, "lab.v1"),
        Label(aid, "Desert Wire", "Opposition armed groups (Syria)", "terrorists", True, 200, 210, "lab.v1"),
        Label(aid, "Desert Wire", "Opposition armed groups (Syria)", "rebels", False, 300, 306, "lab.v1"),
    )  # fmt: skip
    return replace(
        parcel, places=(place, unresolved), mentions=(mention,), claims=claims, labels=labels
    )


def written(store: Store, parcels: ParcelFactory) -> None:
    run_id = store.begin_run("0.1.0", {})
    built = parcels()
    store.write_parcels([with_extractions(built[0]), *built[1:]], run_id)


def test_store_extracted_round_trip(store: Store, parcels: ParcelFactory) -> None:
    written(store, parcels)
    (mention,) = store.iter_rows("mentions")
    assert mention["span"] == [0, 60] and mention["place"]["location"] == "Tel Harun"
    assert mention["actors"][0]["label"] == "Army units" and mention["relays"] == ["Desert Wire"]
    claims = list(store.iter_rows("claims"))
    assert [(c["text"], c["low"], c["high"], c["span"]) for c in claims] == [
        ("nearly 30", 28, 30, [61, 70]),
        ("a large number", None, None, [80, 94]),
    ]
    places = list(store.iter_rows("places"))
    assert [p["reason"] for p in places] == [None, "not in the gazetteer"]


def test_store_extracted_rerun_changes_nothing(store: Store, parcels: ParcelFactory) -> None:
    written(store, parcels)
    before = store.counts()
    written(store, parcels)
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in before.items() if k != "runs"
    }


def test_store_framing_counts_labels_per_outlet_and_actor(
    store: Store, parcels: ParcelFactory
) -> None:
    written(store, parcels)
    assert list(store.iter_rows("framing")) == [
        {
            "outlet": "Desert Wire",
            "actor": "Opposition armed groups (Syria)",
            "label": "terrorists",
            "count": 2,
            "loaded": True,
        },
        {
            "outlet": "Desert Wire",
            "actor": "Opposition armed groups (Syria)",
            "label": "rebels",
            "count": 1,
            "loaded": False,
        },
    ]
