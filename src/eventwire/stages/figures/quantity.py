"""Parse a quantity as written ("nearly 930", "hundreds", "twenty-one") into a low/high band.

Rules (the word lists live in `resources/figures.v3.json`; docs/claims.md has the table):

- exact "6", "six", "1,500", "a dozen", "two hundred" -> N/N; a fraction of a dozen or a
  scale word "half a dozen" -> 6/6, "a quarter of a million" -> 250,000
- approximate "about N", "some N" -> floor(0.9 N)/ceil(1.1 N), best N
- below "nearly N", "almost N" -> floor(0.95 N)/N, best N ("nearly 930" -> 883/930)
- "at least N" -> N/open; "more than N" -> N+1/open (no cap: open is None)
- "up to N" -> open/N; "fewer than N" -> open/N-1
- ranges "between 10 and 15", "10-15", "10 to 15" -> 10/15, best 10 (conservative)
- vague words -> the table's band, best None ("hundreds" -> 200/999)
- unquantified "a large number", "many" -> None/None, text kept
- years ("in 2013") and money ("$5 million") are not quantities of people: None
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.stages.figures.lexicon import FigureLexicon, alternation, load_lexicon

__all__ = ["Quantity", "QuantityGrammar", "grammar", "parse_quantity"]

_CURRENCY = re.compile(r"^(?:us\s*)?[$€£¥]|^(?:usd|eur|gbp)\b")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed quantity: `low`/`high` bound the count (None is open), `best` a point value."""

    low: int | None
    high: int | None
    text: str
    best: int | None = None

    @property
    def quantified(self) -> bool:
        return self.low is not None or self.high is not None


@dataclass(frozen=True, slots=True)
class QuantityGrammar:
    """Compiled quantity patterns built from the lexicon."""

    lexicon: FigureLexicon
    number: re.Pattern[str]
    quantity: re.Pattern[str]
    modifier: re.Pattern[str]
    range_: re.Pattern[str]

    def word_value(self, phrase: str) -> int | None:
        """The value of a number in words ("twenty-one", "a dozen", "two hundred")."""
        total, current = 0, 0
        for token in re.split(r"[\s-]+", phrase.lower()):
            step = self._apply_word(token, current)
            if step is None:
                return None
            current, carry = step
            total += carry
        return total + current

    def _apply_word(self, token: str, current: int) -> tuple[int, int] | None:
        lex = self.lexicon
        if token in ("and", "a", "an", ""):
            return current, 0
        if token in lex.units:
            return current + lex.units.index(token), 0
        if token in lex.tens:
            return current + lex.tens[token], 0
        if token == "dozen":
            return (current or 1) * lex.dozen, 0
        if token == "hundred":
            return (current or 1) * 100, 0
        if token in lex.scales:
            return 0, (current or 1) * lex.scales[token]
        return None

    def number_value(self, text: str) -> int | None:
        """The value of one number in digits or words ("half a dozen" is 6); None for other
        fractions ("a third of a two", "1/2") and non-numbers."""
        norm = " ".join(text.lower().split())
        if fraction := _FRACTION_HEAD.match(norm):
            rest = fraction.group("rest")
            if rest.split()[-1] not in _counted_words(self.lexicon):
                return None
            return _fraction_value(fraction.group("fraction"), self.word_value(rest))
        match = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(\w+))?", norm)
        if match is None:
            return self.word_value(norm) if self.number.fullmatch(norm) else None
        scale = self.lexicon.scales.get(match.group(2) or "", 1)
        if match.group(2) and scale == 1:
            return None
        value = float(match.group(1).replace(",", "")) * scale
        return int(value) if value.is_integer() else None


# "half a dozen", "a quarter of a million", "two thirds of a million": a fraction of a
# dozen, hundred or scale word
_FRACTIONS = {"half": (1, 2), "quarter": (1, 4), "third": (1, 3)}
_FRACTION = (
    r"(?:(?:a|one)\s+)?half(?:\s+of)?(?:\s+an?)?"
    r"|(?:(?:a|one|three)[\s-]+)?quarters?\s+of\s+an?"
    r"|(?:(?:a|one|two)[\s-]+)?thirds?\s+of\s+an?"
)
_FRACTION_HEAD = re.compile(rf"^(?P<fraction>{_FRACTION})\s+(?P<rest>.+)$")


def _fraction_value(fraction: str, whole: int | None) -> int | None:
    """The value of a fraction ("half a", "three-quarters of a") of `whole`: "half a dozen"
    is 6, "a quarter of a million" 250,000."""
    if whole is None:
        return None
    words = re.split(r"[\s-]+", fraction)
    top, bottom = next(_FRACTIONS[w.rstrip("s")] for w in words if w.rstrip("s") in _FRACTIONS)
    times = {"three": 3, "two": 2}.get(words[0], 1)
    return whole * top * times // bottom


def _counted_words(lex: FigureLexicon) -> tuple[str, ...]:
    """The words "a" or a fraction may stand before: "a dozen", "half a million"."""
    return ("dozen", *lex.scales)


def _number_pattern(lex: FigureLexicon) -> str:
    atoms = alternation([*lex.units, *lex.tens, *lex.scales, "dozen"])
    words = (
        rf"(?:(?:{_FRACTION}|an?)\s+(?=(?:{alternation(_counted_words(lex))})\b))?"
        rf"(?:{atoms})\b"
        rf"(?:(?:\s*-\s*|\s+(?:and\s+)?)(?:{atoms})\b){{0,7}}"
    )
    scale = alternation(list(lex.scales))
    digits = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+(?:\.\d+)?)(?:\s+(?:{scale})\b)?"
    return rf"(?:{digits}|{words})"


@lru_cache(maxsize=1)
def grammar() -> QuantityGrammar:
    """The compiled grammar for the packaged lexicon."""
    lex = load_lexicon()
    number = _number_pattern(lex)
    range_ = (
        rf"between\s+({number})\s+and\s+({number})"
        rf"|({number})\s*(?:-|–|—|to|or)\s*({number})"
    )
    mods = alternation([p for phrases in lex.modifiers.values() for p in phrases])
    vague = alternation(list(lex.vague))
    unquantified = alternation(list(lex.unquantified))
    quantity = (
        rf"\b(?:(?:{mods})\s+)?(?:(?:{range_})|(?:{number})|(?:{vague}))\b"
        rf"|\b(?:{unquantified})\b"
    )
    return QuantityGrammar(
        lexicon=lex,
        number=re.compile(number, re.IGNORECASE),
        quantity=re.compile(quantity, re.IGNORECASE),
        modifier=re.compile(rf"({mods})\s+(.+)", re.IGNORECASE),
        range_=re.compile(range_, re.IGNORECASE),
    )


def _is_money_or_year(norm: str, lex: FigureLexicon) -> bool:
    if _CURRENCY.search(norm):
        return True
    tokens = norm.split()
    if any(token.strip(".,") in lex.money_words for token in tokens[1:]):
        return True
    return len(tokens) == 2 and tokens[0] in lex.year_words and bool(_YEAR.fullmatch(tokens[1]))


def _core_band(core: str, gram: QuantityGrammar) -> tuple[int, int, int | None] | None:
    """(low, high, best) of a quantity without its modifier."""
    if core in gram.lexicon.vague:
        low, high = gram.lexicon.vague[core]
        return low, high, None
    value = gram.number_value(core)
    if value is not None:
        return value, value, value
    match = gram.range_.fullmatch(core)
    if match is None:
        return None
    ends = [gram.number_value(g) for g in match.groups() if g is not None]
    if len(ends) != 2 or ends[0] is None or ends[1] is None:
        return None
    low, high = min(ends[0], ends[1]), max(ends[0], ends[1])
    return low, high, low


def _modified(
    modifier: str, band: tuple[int, int, int | None], text: str, gram: QuantityGrammar
) -> Quantity:
    low, high, best = band
    exact = best is not None and low == high
    if modifier == "approximate" and exact:
        width = gram.lexicon.bands["approximate"]
        return Quantity(math.floor(low * (1 - width)), math.ceil(high * (1 + width)), text, best)
    if modifier == "below" and exact:
        return Quantity(math.floor(low * (1 - gram.lexicon.bands["below"])), high, text, best)
    if modifier == "at_least":
        return Quantity(low, None, text, low)
    if modifier == "more_than":
        return Quantity(low + 1 if exact else low, None, text, low + 1 if exact else None)
    if modifier == "at_most":
        return Quantity(None, high, text, high if exact else None)
    if modifier == "less_than":
        top = max(high - 1, 0) if exact else high
        return Quantity(None, top, text, top if exact else None)
    return Quantity(low, high, text, best)


def _split_modifier(norm: str, gram: QuantityGrammar) -> tuple[str, str]:
    match = gram.modifier.fullmatch(norm)
    if match is not None and _core_band(match.group(2), gram) is not None:
        return gram.lexicon.modifier_of(match.group(1)), match.group(2)
    return "exact", norm


def parse_quantity(text: str) -> Quantity | None:
    """Parse a quantity phrase; None when the text is not a count of people or things.

    Unquantified phrases ("a large number") give Quantity(None, None, text).
    """
    gram = grammar()
    norm = " ".join(text.lower().split())
    norm = re.sub(r"\s+of$", "", norm)
    if not norm or _is_money_or_year(norm, gram.lexicon):
        return None
    if norm in gram.lexicon.unquantified:
        return Quantity(None, None, text.strip())
    modifier, core = _split_modifier(norm, gram)
    band = _core_band(core, gram)
    if band is None:
        return None
    return _modified(modifier, band, text.strip(), gram)
