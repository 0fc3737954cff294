"""Actor task `actors-plover`: actor country and kind on PLOVER gold records.

Each source or target actor of a PLOVER record has its text as written ("Croatian
authorities"), a CAMEO country code and often a sector (GOV, MIL, COP, REB, CVL, ...).
Every actor text is resolved with `resolve_actor(text, None)` (PLOVER gives no article
country). Reported: coverage (the dictionary resolved it), the country agreement of the
resolved actors, and the agreement of their ACLED inter code with the sector where the
sector maps onto one (GOV/MIL/COP/SPY -> 1 state, REB -> 2 rebels, CVL/REF -> 7
civilians). `in_scope_*` repeats the figures for the countries the dictionary lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from eventwire.evaluate.result import EvalResult
from eventwire.stages.actors import ActorDictionary, ResolvedActor

__all__ = ["evaluate_plover_actors"]

TASK = "actors-plover"
_SECTOR_INTER = {"GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "REB": 2, "CVL": 7, "REF": 7}


@dataclass(frozen=True, slots=True)
class _Gold:
    text: str
    code: str
    sector: str | None


def _read(gold: Path) -> Iterator[_Gold]:
    records = cast(list[dict[str, object]], json.loads(gold.read_text(encoding="utf-8")))
    for record in records:
        for side in ("source", "target"):
            actors = record.get(side)
            for actor in actors if isinstance(actors, list) else []:
                if isinstance(actor, dict) and actor.get("actorText") and actor.get("code"):
                    sector = str(actor.get("sector") or "")[:3].upper() or None
                    yield _Gold(str(actor["actorText"]), str(actor["code"]), sector)


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def _score(pairs: list[tuple[_Gold, ResolvedActor]], prefix: str) -> dict[str, float | int | str]:
    known = [(g, r) for g, r in pairs if r.known]
    placed = [(g, r) for g, r in known if r.iso3]
    typed = [(g, r) for g, r in known if g.sector in _SECTOR_INTER and r.inter is not None]
    inter_hits = sum(_SECTOR_INTER[g.sector or ""] == r.inter for g, r in typed)
    return {
        f"{prefix}n": len(pairs),
        f"{prefix}coverage": _share(len(known), len(pairs)),
        f"{prefix}country_accuracy": _share(sum(g.code == r.iso3 for g, r in placed), len(placed)),
        f"{prefix}n_country": len(placed),
        f"{prefix}inter_accuracy": _share(inter_hits, len(typed)),
        f"{prefix}n_inter": len(typed),
    }


def evaluate_plover_actors(gold: Path) -> EvalResult:
    """Coverage, country agreement and inter/sector agreement of resolved PLOVER actors."""
    dictionary = ActorDictionary.load()
    pairs = [(g, dictionary.resolve(g.text, None)) for g in _read(gold)]
    listed = dictionary.countries()
    metrics = _score(pairs, "")
    metrics.update(_score([(g, r) for g, r in pairs if g.code in listed], "in_scope_"))
    summary = (
        f"{metrics['n']} actor mentions; resolved {metrics['coverage']:.1%}; country right "
        f"{metrics['country_accuracy']:.1%} of {metrics['n_country']} placed; inter matches "
        f"the sector {metrics['inter_accuracy']:.1%} of {metrics['n_inter']}",
        f"countries in the dictionary ({metrics['in_scope_n']} mentions): resolved "
        f"{metrics['in_scope_coverage']:.1%}, country right "
        f"{metrics['in_scope_country_accuracy']:.1%}, inter matches the sector "
        f"{metrics['in_scope_inter_accuracy']:.1%}",
    )
    return EvalResult(TASK, metrics, summary)
