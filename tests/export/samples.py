"""Hand-written export rows (events, claims, articles) of invented events."""

from __future__ import annotations

from eventwire.store import EXPORT_COLUMNS

Row = dict[str, object]

CLAIM: Row = {
    "claim_id": "c1",
    "kind": "killed",
    "low": 30,
    "high": 40,
    "text": "dozens of fighters",
    "subject": "fighters",
    "subject_actor": "Opposition armed groups (Syria)",
    "claimant": "a military source",
    "claimant_type": "military",
    "relays": ["SANA", "Prensa Latina"],
    "origin": None,
    "outlet": "SANA",
    "article_id": "a1",
    "span": [120, 160],
    "stage": "extract.claims.v1",
}

REPORT: Row = {
    "article_id": "a1",
    "outlet": "SANA",
    "sentence": "Army units restored security.",
    "span": [0, 29],
    "mention_id": "m1",
}


def event(**changes: object) -> Row:
    """An event row in the export contract's field order; `changes` override fields."""
    row: Row = dict.fromkeys(EXPORT_COLUMNS["events"])
    row.update(
        event_id="e1",
        event_date="2018-05-02",
        date_end="2018-05-02",
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Government regains territory",
        actor1="Military Forces of Syria (2000-)",
        inter1=1,
        actor2="Opposition armed groups (Syria)",
        inter2=2,
        interaction=12,
        country="Syria",
        iso3="SYR",
        admin1="Homs",
        location="Tal Hamra",
        latitude=34.5,
        longitude=36.55,
        geo_precision=1,
        fatalities=30,
        fatalities_low=30,
        fatalities_best=30,
        fatalities_high=40,
        sources=["SANA", "Prensa Latina"],
        source_count=2,
        independent_source_count=1,
        attributed=False,
        notes="Government regains territory (Battles) in Tal Hamra on 2018-05-02.",
        claims=[{key: value for key, value in CLAIM.items() if key != "stage"}],
        reports=[REPORT, {**REPORT, "article_id": "a2", "outlet": "Prensa Latina"}],
        founded_by="m1",
        report_count=2,
    )
    row.update(changes)
    return row


UNPLACED = event(
    event_id="e2",
    event_date=None,
    date_end=None,
    time_precision=None,
    event_type="Violence against civilians",
    sub_event_type="Attack",
    actor1="Unidentified Armed Group (Syria)",
    inter1=3,
    actor2="Civilians (Syria)",
    inter2=7,
    country=None,
    iso3=None,
    admin1=None,
    location=None,
    latitude=None,
    longitude=None,
    geo_precision=None,
    fatalities=None,
    fatalities_low=None,
    fatalities_best=None,
    fatalities_high=None,
    sources=["JNN"],
    source_count=1,
    claims=[],
    reports=[],
)

ARTICLE: Row = {
    "article_id": "a1",
    "document": "d1",
    "url": None,
    "outlet": "SANA",
    "title": "Army Restores Security to Tal Hamra Village",
    "published": "2018-05-04",
    "dateline_place": "Homs",
    "byline": "K. Nasser",
    "text": "Army units restored security to Tal Hamra village early Wednesday.",
    "span_in_document": [0, 66],
    "removed": [{"kind": "comment", "text": "Leave a Reply", "start": 70, "end": 83,
                 "rule": "comment.wordpress.v1"}],
    "ordinal": 0,
    "credits": ["SANA"],
    "title_from": "headline",
    "stage": "split.articles.v1",
}  # fmt: skip
