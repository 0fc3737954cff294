"""Rows for what the extraction stages found: places, mentions, claims, labels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields
from typing import Any

from eventwire.records import Claim, Label, Mention, Parcel, Place, content_id

__all__ = [
    "CLAIM_FIELDS",
    "FRAMING_FIELDS",
    "MENTION_FIELDS",
    "PLACE_FIELDS",
    "ExtractedRows",
    "claim_export_row",
    "collect_extracted",
    "framing_export_row",
    "mention_export_row",
    "place_export_row",
]

Row = dict[str, object]

PLACE_FIELDS = (
    "place_id", "article_id", "name", "start", "end", "location", "country", "iso3",
    "admin1", "admin2", "latitude", "longitude", "geo_precision", "geonameid", "reason", "stage",
)  # fmt: skip
MENTION_FIELDS = (
    "mention_id", "article_id", "outlet", "sentence", "span", "label", "disorder_type",
    "event_type", "sub_event_type", "score", "event_date", "date_end", "time_precision",
    "actors", "place", "claimant", "claimant_type", "relays", "alleged", "stage",
)  # fmt: skip
CLAIM_FIELDS = (
    "claim_id", "kind", "low", "high", "text", "subject", "subject_actor", "claimant",
    "claimant_type", "relays", "origin", "outlet", "article_id", "span", "stage",
)  # fmt: skip
FRAMING_FIELDS = ("outlet", "actor", "label", "count", "loaded")


class ExtractedRows:
    """Rows of one write transaction, keyed by id so a batch holds each row once."""

    __slots__ = ("claims", "labels", "mentions", "places")

    def __init__(self) -> None:
        self.places: dict[str, Row] = {}
        self.mentions: dict[str, Row] = {}
        self.claims: dict[str, Row] = {}
        self.labels: dict[str, Row] = {}


def collect_extracted(parcels: Iterable[Parcel]) -> ExtractedRows:
    rows = ExtractedRows()
    for parcel in parcels:
        if parcel.reject is not None:
            continue
        for place in parcel.places:
            rows.places.setdefault(place_id(place), place_row(place))
        for mention in parcel.mentions:
            rows.mentions.setdefault(mention.mention_id, mention_row(mention))
        for claim in parcel.claims:
            rows.claims.setdefault(claim_id(claim), claim_row(claim))
        for label in parcel.labels:
            rows.labels.setdefault(label_id(label), label_row(label))
    return rows


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def flat(record: Any) -> dict[str, Any]:
    """A record's fields by name: `asdict` without its deep copy, which the flat records
    stored here (places, labels, claims, actors) do not need."""
    kind = type(record)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(field.name for field in fields(kind))
    return {name: getattr(record, name) for name in names}


def place_id(place: Place) -> str:
    return content_id(place.article_id, str(place.start), str(place.end))


def claim_id(claim: Claim) -> str:
    return content_id(claim.article_id, str(claim.span[0]), str(claim.span[1]), claim.kind)


def label_id(label: Label) -> str:
    return content_id(label.article_id, str(label.start), str(label.end), label.actor)


def place_row(place: Place) -> Row:
    return {"place_id": place_id(place), **flat(place)}


def place_json(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    found = flat(place)
    del found["article_id"], found["stage"]
    return found


def mention_row(mention: Mention) -> Row:
    return {
        "mention_id": mention.mention_id,
        "article_id": mention.article_id,
        "start": mention.span.start,
        "end": mention.span.end,
        "sentence": mention.span.text,
        "label": mention.label,
        "disorder_type": mention.disorder_type,
        "event_type": mention.event_type,
        "sub_event_type": mention.sub_event_type,
        "score": mention.score,
        "event_date": mention.date,
        "date_end": mention.date_end,
        "time_precision": mention.time_precision,
        "actors": [flat(actor) for actor in mention.actors],
        "place": place_json(mention.place),
        "claimant": mention.claimant,
        "claimant_type": mention.claimant_type,
        "relays": list(mention.relays),
        "alleged": mention.alleged,
        "outlet": mention.outlet,
        "stage": mention.stage,
    }


def claim_row(claim: Claim) -> Row:
    row: Row = {"claim_id": claim_id(claim), **flat(claim)}
    row["start"], row["end"] = claim.span
    row["relays"] = list(claim.relays)
    del row["span"]
    return row


def label_row(label: Label) -> Row:
    return {"label_id": label_id(label), **flat(label)}


def with_span(row: Mapping[Any, Any]) -> dict[str, Any]:
    found = dict(row)
    found["span"] = [found.pop("start"), found.pop("end")]
    return found


def mention_export_row(row: Mapping[Any, Any]) -> Row:
    found = with_span(row)
    return {name: found[name] for name in MENTION_FIELDS}


def claim_export_row(row: Mapping[Any, Any]) -> Row:
    found = with_span(row)
    return {name: found[name] for name in CLAIM_FIELDS}


def framing_export_row(row: Mapping[Any, Any]) -> Row:
    return {**{name: row[name] for name in FRAMING_FIELDS}, "loaded": bool(row["loaded"])}


def place_export_row(row: Mapping[Any, Any]) -> Row:
    return {name: row[name] for name in PLACE_FIELDS}
