"""Casualty-count tasks: `casualties-gva` (Gun Violence Archive articles) and `plover-size`.

Per article (or PLOVER sentence) the predicted killed and injured counts are the product's
own: `extract_figures` aggregated by `stages.figures.count.article_count` (the largest
point value in the headline and lead, running totals and past years left out; see that
module and docs/claims.md).

An article "states the number" when the gold number n >= 1 is written as a count, in
digits ("12", "1,500") or a number word ("twelve", "twenty-one", "one"), in a sentence or
headline line that also has a word for the kind (killed: kill*, dead, died, death, fatal*,
slain, murder*, homicide; injured: injur*, wound*, hurt, hospital*, shot); an age ("2-year-
old"), a time, a phone number or money is not a count. "Mentions the number" is
the looser reading: n written anywhere. Articles with gold 0 do neither. See docs/claims.md.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from eventwire.evaluate.result import EvalResult
from eventwire.stages.figures.count import article_count
from eventwire.stages.figures.extract import extract_figures, written_as_count
from eventwire.stages.figures.lexicon import load_lexicon

__all__ = ["article_count", "evaluate_gva", "evaluate_plover", "mentions_number", "states_number"]

_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+|\n")


@dataclass(frozen=True, slots=True)
class _Item:
    item_id: str
    text: str
    killed: int
    injured: int


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
    """True when n >= 1 is written as a count, in digits or words, in a sentence (or
    headline) that also has a word for `kind` ("killed", "dead", "died", ...; "injured",
    "wounded", "shot", ...). A number that is not a count (an age "2-year-old", a time
    "2 a.m.", a phone number "1-888", money, a percentage) states nothing."""
    if not mentions_number(n, text):
        return False
    forms = _number_forms(n)
    return any(
        _KIND_WORDS[kind].search(sentence) and _has_count(forms, sentence)
        for sentence in _SENTENCE_END.split(text)
    )


def _has_count(forms: re.Pattern[str], sentence: str) -> bool:
    return any(written_as_count(sentence, *m.span()) for m in forms.finditer(sentence))


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
