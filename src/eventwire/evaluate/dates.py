"""Date task `dates-gva`: incident dates of Gun Violence Archive news articles.

Each article has a publication date (`dct`, the anchor) and the gold date of the incident
it reports. The prediction is the `event_date` of the first sentence of the article's
first 2,000 characters that has one (title first). An article counts as covered when a
date was predicted; a prediction is right when the gold date lies in its range, and
exactly right when it is a single day equal to the gold date. `exact_day_recent` is over
the articles published within a week after the incident (archived copies are often dated
months later, when no anchor helps). Two baselines show what the anchor alone gives: the
publication date, and the day before it.

The rules were written from the project's own examples. Half the articles (by a hash of
their id) were never looked at while writing them: `heldout_*` metrics are theirs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from eventwire.evaluate.result import EvalResult
from eventwire.stages.dates import DAY, ResolvedDate, anchor_date, event_date

__all__ = ["evaluate_gva_dates", "predict_date"]

TASK = "dates-gva"
_LEAD_CHARS = 2000
_RECENT_DAYS = 7  # published within a week of the incident: the anchor is informative
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+|\n+")


@dataclass(frozen=True, slots=True)
class _Item:
    item_id: str
    text: str
    anchor: date
    gold: date


def predict_date(text: str, anchor: date) -> ResolvedDate | None:
    """The first sentence-level event date in the lead of an article."""
    for sentence in _SENTENCE_END.split(text[:_LEAD_CHARS]):
        found = event_date(sentence, anchor)
        if found is not None:
            return found
    return None


def _gold_date(value: object) -> date | None:
    try:
        return datetime.strptime(str(value).strip(), "%B %d, %Y").date()
    except ValueError:
        return None


def _read(gold: Path) -> Iterator[_Item]:
    with gzip.open(gold, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            anchor, incident = anchor_date(row.get("dct")), _gold_date(row.get("date"))
            if anchor is not None and incident is not None:
                text = f"{row.get('title') or ''}\n{row.get('content') or ''}"
                yield _Item(str(row.get("doc_id", "")), text, anchor, incident)


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def _heldout(item_id: str) -> bool:
    return hashlib.md5(item_id.encode("utf-8")).digest()[0] % 2 == 1


def _score(items: list[_Item], prefix: str = "") -> dict[str, float | int | str]:
    covered = right = exact = recent_exact = 0
    recent = [0 <= (i.anchor - i.gold).days <= _RECENT_DAYS for i in items]
    for item, is_recent in zip(items, recent, strict=True):
        found = predict_date(item.text, item.anchor)
        if found is None:
            continue
        covered += 1
        right += found.start <= item.gold <= found.end
        hit = found.precision == DAY and found.start == item.gold
        exact += hit
        recent_exact += hit and is_recent
    same_day = sum(i.gold == i.anchor for i in items)
    day_before = sum(i.gold == i.anchor - timedelta(days=1) for i in items)
    return {
        f"{prefix}n": len(items),
        f"{prefix}coverage": _share(covered, len(items)),
        f"{prefix}accuracy_covered": _share(right, covered),
        f"{prefix}exact_day_covered": _share(exact, covered),
        f"{prefix}exact_day_all": _share(exact, len(items)),
        f"{prefix}n_recent": sum(recent),
        f"{prefix}exact_day_recent": _share(recent_exact, sum(recent)),
        f"{prefix}baseline_published_exact": _share(same_day, len(items)),
        f"{prefix}baseline_day_before_exact": _share(day_before, len(items)),
    }


def evaluate_gva_dates(gold: Path) -> EvalResult:
    """Coverage, range accuracy and exact-day accuracy of predicted incident dates."""
    items = list(_read(gold))
    metrics = _score(items)
    metrics.update(_score([i for i in items if _heldout(i.item_id)], prefix="heldout_"))
    summary = (
        f"{metrics['n']} articles; a date found in {metrics['coverage']:.1%}; of those, gold "
        f"in range {metrics['accuracy_covered']:.1%}, exact day {metrics['exact_day_covered']:.1%}",
        f"held-out half ({metrics['heldout_n']}): exact day "
        f"{metrics['heldout_exact_day_covered']:.1%} of covered, "
        f"{metrics['heldout_exact_day_all']:.1%} of all, "
        f"{metrics['heldout_exact_day_recent']:.1%} of those published within a week",
        f"baselines (exact day, all): published date {metrics['baseline_published_exact']:.1%}, "
        f"day before {metrics['baseline_day_before_exact']:.1%}",
    )
    return EvalResult(TASK, metrics, summary)
