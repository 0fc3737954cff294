"""Casualty-count tasks: `casualties-gva` (Gun Violence Archive articles) and `plover-size`.

Per article (or PLOVER sentence) the predicted killed and injured counts come from
`extract_figures` aggregated by `article_count`: the largest point value ("best") of the
claims of that kind, leaving out figures in sentences that state a running total ("so far
this year", "since 2011", ...) or name a year ("in 2011": a past tally); 0 when there is no
such claim. Point value: `low` when
low == high, else the parsed quantity's best ("nearly 930" -> 930, "more than 300" ->
301); vague bands with no point value ("hundreds") are left out, and so are figures after
"among" ("among 17 killed this weekend": a wider total). When an article has no
killed (or "killed or wounded") figure at all but its headline or first 300 characters
report a death ("dies", "fatal shooting", "homicide"), its killed count is 1 (a report of a
death without a number). An injured figure that says "shot" ("4 shot, 2 fatally") counts
the shot minus the killed count, as GVA's injured excludes the dead.

An article "states the number" when the gold number n >= 1 is written as digits ("12",
"1,500") or a number word ("twelve", "twenty-one", "one") in a sentence or headline line
that also has a word for the kind (killed: kill*, dead, died, death, fatal*, slain,
murder*, homicide; injured: injur*, wound*, hurt, hospital*, shot). "Mentions the number" is
the looser reading: n written anywhere. Articles with gold 0 do neither. See docs/claims.md.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from eventwire.evaluate.result import EvalResult
from eventwire.records import Claim
from eventwire.stages.figures.extract import extract_figures
from eventwire.stages.figures.lexicon import load_lexicon
from eventwire.stages.figures.quantity import parse_quantity

__all__ = ["article_count", "evaluate_gva", "evaluate_plover", "mentions_number", "states_number"]

_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+|\n")
_DEATH_CUE = re.compile(
    r"\b(?:killed|kills|dies|died|dead|deadly|fatal|fatally|slain|murder|murdered|homicide|"
    r"death)\b",
    re.IGNORECASE,
)
_LEAD_CHARS = 300
# "The decade's highest total came in 2011, with 73 officers shot dead": a past tally
_IN_YEAR = re.compile(r"\b(?:in|during|of|since)\s+(?:19|20)\d\d\b")
_SHOT = re.compile(r"\bshot\b|\bshooting\b(?![\s\w]{0,20}\b(?:wound|injur|hurt))", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Item:
    item_id: str
    text: str
    killed: int
    injured: int


def _point(claim: Claim) -> int | None:
    if claim.low is not None and claim.low == claim.high:
        return claim.low
    quantity = parse_quantity(claim.text)
    return quantity.best if quantity is not None else None


def _sentence_of(text: str, start: int, end: int) -> str:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    stop = _SENTENCE_END.search(text, end)
    return text[starts[-1] if starts else 0 : stop.start() if stop else len(text)]


def _is_running_total(claim: Claim, text: str) -> bool:
    sentence = _sentence_of(text, *claim.span).lower()
    if _IN_YEAR.search(sentence):
        return True
    return any(re.search(rf"\b{re.escape(m)}", sentence) for m in load_lexicon().aggregate_markers)


def _is_wider_total(claim: Claim, text: str) -> bool:
    """ "twin brothers, among 17 killed this weekend": the 17 is a wider total."""
    return text[max(0, claim.span[0] - 8) : claim.span[0]].rstrip().lower().endswith("among")


def _reports_death(text: str) -> bool:
    title, _, body = text.partition("\n\n")
    return _DEATH_CUE.search(f"{title}\n{body[:_LEAD_CHARS]}") is not None


def _max_point(claims: list[Claim], kind: str, text: str, minus: int = 0) -> int:
    """The largest point value of `kind` claims; `minus` is taken off figures that say "shot"."""
    best = 0
    for claim in claims:
        point = _point(claim) if claim.kind == kind else None
        if point is None or _is_running_total(claim, text) or _is_wider_total(claim, text):
            continue
        if minus and _SHOT.search(text, *claim.span):
            point -= minus
        best = max(best, point)
    return best


def article_count(claims: Iterable[Claim], kind: str, text: str) -> int:
    """One count per article: the largest point value of `kind` claims, 0 when none.

    An article with no killed (or "killed or wounded") figure at all whose headline or lead
    reports a death counts 1 killed. An injured figure that only says "shot" ("4 shot, 2
    fatally") counts the shot minus the article's killed count, as GVA's injured excludes
    the dead.
    """
    claims = list(claims)
    if kind == "killed" and not any(c.kind in ("killed", "other") for c in claims):
        return 1 if _reports_death(text) else 0
    if kind == "injured":
        return _max_point(claims, kind, text, minus=article_count(claims, "killed", text))
    return _max_point(claims, kind, text)


def _number_words(n: int) -> list[str]:
    lex = load_lexicon()
    if n < len(lex.units):
        return [lex.units[n]]
    tens = {value: word for word, value in lex.tens.items()}
    if n < 100 and n // 10 * 10 in tens:
        head, unit = tens[n // 10 * 10], n % 10
        return [head] if unit == 0 else [f"{head}-{lex.units[unit]}", f"{head} {lex.units[unit]}"]
    return []


_KIND_WORDS = {
    "killed": re.compile(
        r"\b(?:kill\w*|dead|die[sd]?|dying|deaths?|fatal\w*|slain|murder\w*|homicides?)\b", re.I
    ),
    "injured": re.compile(r"\b(?:injur\w*|wound\w*|hurt|hospital\w*|shot)\b", re.I),
}


def _number_forms(n: int) -> re.Pattern[str]:
    forms = [str(n), f"{n:,}", *_number_words(n)]
    pattern = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\w,.])(?:{pattern})(?![\w]|,\d|\.\d)", re.IGNORECASE)


def mentions_number(n: int, text: str) -> bool:
    """True when n >= 1 is written anywhere in the text as digits or as a number word."""
    return n >= 1 and _number_forms(n).search(text) is not None


def states_number(n: int, text: str, kind: str) -> bool:
    """True when n >= 1 is written, as digits or a number word, in a sentence (or headline)
    that also has a word for `kind` ("killed", "dead", "died", ...; "injured", "wounded",
    "shot", ...)."""
    if not mentions_number(n, text):
        return False
    forms = _number_forms(n)
    return any(
        forms.search(sentence) and _KIND_WORDS[kind].search(sentence)
        for sentence in _SENTENCE_END.split(text)
    )


def _heldout(item_id: str) -> bool:
    """Half the items, by hash, were never looked at while writing the rules."""
    return hashlib.md5(item_id.encode("utf-8")).digest()[0] % 2 == 1


@dataclass(frozen=True, slots=True)
class _Outcome:
    """Predicted and gold count of one kind for one item, and whether the text states it."""

    item_id: str
    kind: str
    predicted: int
    gold: int
    stated: bool
    mentioned: bool

    @property
    def correct(self) -> bool:
        return self.predicted == self.gold


def _outcomes(items: list[_Item]) -> list[_Outcome]:
    out: list[_Outcome] = []
    for item in items:
        claims = extract_figures(item.text, item.item_id)
        for kind, gold in (("killed", item.killed), ("injured", item.injured)):
            predicted = article_count(claims, kind, item.text)
            stated = states_number(gold, item.text, kind)
            mentioned = mentions_number(gold, item.text)
            out.append(_Outcome(item.item_id, kind, predicted, gold, stated, mentioned))
    return out


def _accuracy(outcomes: list[_Outcome]) -> float:
    return round(sum(o.correct for o in outcomes) / len(outcomes), 4) if outcomes else 0.0


def _score(outcomes: list[_Outcome], prefix: str = "") -> dict[str, float | int | str]:
    metrics: dict[str, float | int | str] = {f"{prefix}n": len(outcomes) // 2}
    for kind in ("killed", "injured"):
        of_kind = [o for o in outcomes if o.kind == kind]
        stated = [o for o in of_kind if o.stated]
        mentioned = [o for o in of_kind if o.mentioned]
        metrics[f"{prefix}{kind}_accuracy"] = _accuracy(of_kind)
        metrics[f"{prefix}{kind}_accuracy_stated"] = _accuracy(stated)
        metrics[f"{prefix}{kind}_n_stated"] = len(stated)
        metrics[f"{prefix}{kind}_accuracy_mentioned"] = _accuracy(mentioned)
        metrics[f"{prefix}{kind}_n_mentioned"] = len(mentioned)
    return metrics


def _read_gva(gold: Path) -> Iterator[_Item]:
    with gzip.open(gold, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            text = f"{row.get('title') or ''}\n\n{row.get('content') or ''}"
            yield _Item(str(row["doc_id"]), text, int(row["num_killed"]), int(row["num_injured"]))


def evaluate_gva(gold: Path) -> EvalResult:
    """Killed/injured accuracy per article, over all articles and those stating the number."""
    outcomes = _outcomes(list(_read_gva(gold)))
    metrics = _score(outcomes)
    metrics.update(_score([o for o in outcomes if _heldout(o.item_id)], prefix="heldout_"))
    summary = (
        f"{metrics['n']} articles; killed accuracy {metrics['killed_accuracy']}, "
        f"{metrics['killed_accuracy_stated']} where the text states the number "
        f"({metrics['killed_n_stated']} articles)",
        f"injured accuracy {metrics['injured_accuracy']}, "
        f"{metrics['injured_accuracy_stated']} where stated ({metrics['injured_n_stated']})",
    )
    return EvalResult("casualties-gva", metrics, summary)


def _gold_count(value: object) -> int:
    """PLOVER `dead`/`injured`: a missing or empty field means nobody was reported (0)."""
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isdigit() else 0


def _read_plover(gold: Path) -> list[_Item]:
    records = cast(list[dict[str, object]], json.loads(gold.read_text(encoding="utf-8")))
    return [
        _Item(
            f"{n}:{r.get('id', '')}",  # ids are not unique in the file
            str(r["text"]),
            _gold_count(r.get("dead")),
            _gold_count(r.get("injured")),
        )
        for n, r in enumerate(records)
        if r.get("text")
    ]


def evaluate_plover(gold: Path) -> EvalResult:
    """Exact match of the dead and injured counts of PLOVER gold records with a text."""
    outcomes = _outcomes(_read_plover(gold))
    metrics = _score(outcomes)
    items: dict[str, list[_Outcome]] = {}
    for outcome in outcomes:
        items.setdefault(outcome.item_id, []).append(outcome)
    exact = [all(o.correct for o in pair) for pair in items.values()]
    nonzero = [all(o.correct for o in pair) for pair in items.values() if any(o.gold for o in pair)]
    metrics["exact_match"] = round(sum(exact) / len(exact), 4) if exact else 0.0
    metrics["exact_match_nonzero_gold"] = round(sum(nonzero) / len(nonzero), 4) if nonzero else 0.0
    metrics["n_nonzero_gold"] = len(nonzero)
    summary = (f"{metrics['n']} records; dead and injured both exact {metrics['exact_match']}",)
    return EvalResult("plover-size", metrics, summary)
