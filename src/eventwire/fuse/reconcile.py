"""One row per event from its mentions and claims (`fuse.reconcile.v1`).

Type: the sub-type with the largest summed mention score. Date: the most common date among
the most precise mentions. Place: the most common place among the most precise geocoded
mentions (country-level places only when nothing finer exists). Fatalities: see
`fatalities` below and docs/fusion.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from statistics import median
from typing import Any

from eventwire.fuse.settings import FuseSettings

__all__ = ["attributed", "best_date", "best_place", "coding", "fatalities"]

Row = Mapping[str, Any]
PLACE_FIELDS = ("country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
                "geo_precision", "geonameid")  # fmt: skip
STATE_PREFIXES = ("Military Forces of", "Government of", "Police Forces of")
# ACLED's conservative count for a vague plural ("a large number", "many") with no figure.
VAGUE_FATALITIES = 10


def coding(mentions: Sequence[Row]) -> dict[str, Any]:
    """Disorder type, type and sub-type: the sub-type with the largest summed score."""
    weight: dict[str, float] = defaultdict(float)
    for mention in mentions:
        weight[mention["sub_event_type"]] += float(mention["score"])
    sub = min(weight, key=lambda name: (-weight[name], name))
    chosen = next(mention for mention in mentions if mention["sub_event_type"] == sub)
    return {name: chosen[name] for name in ("disorder_type", "event_type", "sub_event_type")}


def best_date(mentions: Sequence[Row]) -> dict[str, Any]:
    dated = [m for m in mentions if m.get("event_date") and m.get("time_precision")]
    if not dated:
        return {"event_date": None, "date_end": None, "time_precision": None}
    finest = min(int(m["time_precision"]) for m in dated)
    spans = Counter(
        (m["event_date"], m["date_end"]) for m in dated if m["time_precision"] == finest
    )
    first, end = min(spans, key=lambda span: (-spans[span], span))
    return {"event_date": first, "date_end": end or first, "time_precision": finest}


def best_place(mentions: Sequence[Row]) -> dict[str, Any]:
    places = [m["place"] for m in mentions if isinstance(m.get("place"), dict)]
    places = [place for place in places if place.get("location") and place.get("geo_precision")]
    if not places:
        return dict.fromkeys(PLACE_FIELDS)
    finest = min(int(place["geo_precision"]) for place in places)
    counts = Counter(place.get("geonameid") or place["location"] for place in places
                     if place["geo_precision"] == finest)  # fmt: skip
    key = min(counts, key=lambda found: (-counts[found], str(found)))
    chosen = next(p for p in places if (p.get("geonameid") or p["location"]) == key)
    return {name: chosen.get(name) for name in PLACE_FIELDS}


def actors(mentions: Sequence[Row]) -> dict[str, Any]:
    """actor1: the most common first actor; actor2: the most common other one."""
    firsts: Counter[tuple[str, int | None]] = Counter()
    others: Counter[tuple[str, int | None]] = Counter()
    for mention in mentions:
        found = [(a["name"], a.get("inter")) for a in mention.get("actors") or () if a.get("name")]
        firsts.update(found[:1])
        others.update(found)
    one = most_common(firsts)
    two = most_common(Counter({k: v for k, v in others.items() if one is None or k[0] != one[0]}))
    inter1, inter2 = (one[1] if one else None), (two[1] if two else None)
    return {
        "actor1": one[0] if one else None, "assoc_actor_1": None, "inter1": inter1,
        "actor2": two[0] if two else None, "assoc_actor_2": None, "inter2": inter2,
        "interaction": interaction(inter1, inter2),
    }  # fmt: skip


def most_common(counts: Counter[tuple[str, int | None]]) -> tuple[str, int | None] | None:
    if not counts:
        return None
    return min(counts, key=lambda key: (-counts[key], key[0]))


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: the two inter codes, smaller first (10 * inter when alone)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return 10 * inter1
    low, high = sorted((inter1, inter2))
    return 10 * low + high


def is_party(claim: Row, settings: FuseSettings) -> bool:
    return (claim.get("claimant_type") or "") in settings.party_types


def about_enemy(claim: Row, settings: FuseSettings) -> bool:
    """A party's figure for the other side's losses (state claimant on a non-state subject,
    or the reverse); civilians and unknown subjects are nobody's enemy here."""
    subject = claim.get("subject_actor") or ""
    if not is_party(claim, settings) or not subject or subject.startswith("Civilians"):
        return False
    claimant_is_state = claim.get("claimant_type") in ("government", "military")
    return claimant_is_state != subject.startswith(STATE_PREFIXES)


def fatalities(claims: Sequence[Row], settings: FuseSettings) -> dict[str, int | None]:
    """UCDP-style band over every killed-claim; ACLED's conservative `fatalities`."""
    killed = [claim for claim in claims if claim.get("kind") == "killed"]
    counted = [claim for claim in killed if claim.get("low") is not None]
    band: dict[str, int | None] = {"fatalities_low": None, "fatalities_best": None,
                                   "fatalities_high": None}  # fmt: skip
    if counted:
        band["fatalities_low"] = min(int(c["low"]) for c in counted)
        band["fatalities_high"] = max(int(c["high"] or c["low"]) for c in counted)
        band["fatalities_best"] = int(median(claim_best(c) for c in counted))
    return {"fatalities": conservative(killed, counted, settings), **band}


def claim_best(claim: Row) -> float:
    low, high = int(claim["low"]), int(claim["high"] or claim["low"])
    return (low + high) / 2


def conservative(killed: Sequence[Row], counted: Sequence[Row], settings: FuseSettings) -> int:
    """The lowest figure among credible claims: a party's figure for its enemy's losses
    counts only when no other figure exists. Vague plurals count 10; nothing claimed, 0."""
    credible = [claim for claim in counted if not about_enemy(claim, settings)] or list(counted)
    if credible:
        return min(int(claim["low"]) for claim in credible)
    return VAGUE_FATALITIES if killed else 0


def attributed(mentions: Sequence[Row], settings: FuseSettings) -> bool:
    """True when every report rests on a party's allegation."""
    return all(
        bool(m.get("alleged")) or (m.get("claimant_type") or "") in settings.party_types
        for m in mentions
    )
