"""From raw finds to attributions: claimant types, anaphora, relay chains, the reporter."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from eventwire.stages.attribution.lexicon import AttributionLexicon, personhood
from eventwire.stages.attribution.model import Attribution, Found, TextSpan

__all__ = ["ClaimantTyper", "claimant_at", "resolve"]


class ClaimantTyper:
    """Classifies a claimant as written into one of the claimant types (or None)."""

    def __init__(self, lexicon: AttributionLexicon) -> None:
        self.patterns = lexicon.type_patterns
        self.priority = lexicon.type_priority

    def hits(self, text: str) -> dict[str, int]:
        """Claimant type -> length of its longest phrase found in the text."""
        found: dict[str, int] = {}
        for kind, pattern in self.patterns.items():
            lengths = [len(match.group()) for match in pattern.finditer(text)]
            if lengths:
                found[kind] = max(lengths)
        return found

    def best(self, hits: dict[str, int]) -> str | None:
        if not hits:
            return None
        return max(hits, key=lambda kind: (hits[kind], -self.rank(kind)))

    def rank(self, kind: str) -> int:
        return self.priority.index(kind) if kind in self.priority else len(self.priority)

    def classify(self, text: str) -> tuple[str | None, str | None]:
        """(claimant_type, affiliation): anonymous sources keep the type they speak for."""
        hits = self.hits(text)
        if "anonymous" in hits and not _named(text):
            hits.pop("anonymous")
            return "anonymous", self.best(hits)
        hits.pop("anonymous", None)
        return self.best(hits), None


_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")


def _named(text: str) -> bool:
    """A personal name in a source ("an official, Ali Hassan") makes it not anonymous."""
    return any(
        not match.group().startswith(("A ", "An ", "The ")) for match in _NAME.finditer(text)
    )


@dataclass(frozen=True, slots=True)
class _Speaker:
    text: str
    claimant_type: str | None
    affiliation: str | None
    person: bool | None
    statement: bool


def resolve(
    finds: Sequence[Found],
    lexicon: AttributionLexicon,
    outlet: str | None = None,
    stage: str = "",
) -> list[Attribution]:
    """Attributions in text order, anaphoric sources resolved to the last fitting speaker."""
    typer = ClaimantTyper(lexicon)
    history: list[_Speaker] = []
    made = []
    for find in sorted(finds, key=lambda f: (f.cue.start, f.cue.end)):
        speaker, resolved = _speaker(find, history, lexicon, typer)
        if resolved is None and find.source is not None:
            history.append(speaker)
        attribution = Attribution(
            source=find.source,
            cue=find.cue,
            content=find.content,
            claimant_type=speaker.claimant_type,
            resolved_from=resolved,
            affiliation=speaker.affiliation,
            outlet=outlet,
            stage=stage,
        )
        made.append(attribution)
    return _with_chains(made, outlet)


def _speaker(
    find: Found, history: list[_Speaker], lexicon: AttributionLexicon, typer: ClaimantTyper
) -> tuple[_Speaker, str | None]:
    """The speaker behind a find, and the antecedent's text when the source is anaphoric."""
    text = find.source.text if find.source is not None else ""
    kind = lexicon.anaphor_kind(text) if text else "inherited"
    antecedent = _antecedent(find, kind, history, lexicon) if kind else None
    if antecedent is not None:
        return antecedent, antecedent.text
    if kind == "relative" and find.antecedent is not None:
        claimant_type, affiliation = typer.classify(find.antecedent)
        speaker = _Speaker(find.antecedent, claimant_type, affiliation, find.person, False)
        return speaker, find.antecedent
    claimant_type, affiliation = typer.classify(text)
    person = find.person if find.person is not None else personhood(lexicon, text)
    speaker = _Speaker(text, claimant_type, affiliation, person, find.statement)
    return _known_as(speaker, history), None


def _known_as(speaker: _Speaker, history: list[_Speaker]) -> _Speaker:
    """ "Lavrov" after "Russian Foreign Minister Sergei Lavrov" takes that speaker's type."""
    if speaker.claimant_type is not None or not speaker.text[:1].isupper():
        return speaker
    name = re.compile(rf"\b{re.escape(speaker.text)}$")
    earlier = _last(history, lambda s: s.claimant_type is not None and bool(name.search(s.text)))
    if earlier is None:
        return speaker
    return replace(
        speaker,
        claimant_type=earlier.claimant_type,
        affiliation=earlier.affiliation,
        person=speaker.person if speaker.person is not None else earlier.person,
    )


def _antecedent(
    find: Found, kind: str, history: list[_Speaker], lexicon: AttributionLexicon
) -> _Speaker | None:
    if not history:
        return None
    if kind == "relative":
        return None
    if kind == "person":
        return _last(history, lambda s: s.person is True) or _last(
            history, lambda s: s.person is None
        )
    if kind == "thing":
        return _last(history, lambda s: s.person is not True) or history[-1]
    if kind in ("plural", "inherited"):
        return history[-1]
    return _definite(find.source.text if find.source else "", history, lexicon)


def _definite(text: str, history: list[_Speaker], lexicon: AttributionLexicon) -> _Speaker | None:
    """ "the source" -> the last source; "the statement" -> the last statement's author."""
    head = text.lower().split()[-1].rstrip("s")
    if head in lexicon.statement_words:
        return _last(history, lambda s: s.statement) or _last(history, lambda s: not s.person)
    return _last(history, lambda s: head in s.text.lower())


def _last(history: list[_Speaker], test: Callable[[_Speaker], bool]) -> _Speaker | None:
    return next((speaker for speaker in reversed(history) if test(speaker)), None)


def _with_chains(made: list[Attribution], outlet: str | None) -> list[Attribution]:
    """Give each attribution the speakers that relay it, outermost first."""
    chained = []
    for attribution in made:
        relays = _relays(attribution, made)
        chain = _dedupe([outlet, *relays] if outlet else relays, attribution.claimant)
        chained.append(replace(attribution, chain=chain))
    return chained


def _relays(attribution: Attribution, made: list[Attribution]) -> list[str]:
    """An earlier "X reports" outlet, then every speaker whose content encloses this cue."""
    assert attribution.cue is not None
    cue = attribution.cue
    relays = []
    reporting = [
        other
        for other in made
        if other.cue is not None
        and other.cue.end <= cue.start
        and other.claimant_type == "media"
        and not other.content.covers(cue.start, cue.end)
        and other.cue.text.lower().split()[-1].startswith("report")
    ]
    if reporting:
        relays.append(reporting[-1].claimant)
    enclosing = [
        other
        for other in made
        if other is not attribution and other.content.covers(cue.start, cue.end)
    ]
    enclosing.sort(key=lambda other: other.content.start - other.content.end)
    relays.extend(other.claimant for other in enclosing)
    return relays


def _dedupe(names: Sequence[str], own: str) -> tuple[str, ...]:
    seen = {own.lower()}
    kept = []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            kept.append(name)
    return tuple(kept)


def _claimant_like(attribution: Attribution) -> bool:
    """A typed, resolved or named claimant, not "the latest developments" (that confirm...)."""
    if attribution.claimant_type is not None or attribution.resolved_from is not None:
        return True
    return attribution.claimant[:1].isupper()


def claimant_at(
    attributions: Sequence[Attribution], start: int, end: int, outlet: str | None = None
) -> Attribution:
    """Who asserts the text in [start, end): the innermost covering content, else the reporter.

    Among nested contents the innermost whose claimant is typed, resolved or named wins
    (a stance like "the figures show that ..." inside a minister's statement defers to the
    minister); if none is, the innermost. When no content covers the span, the one
    overlapping it most is taken; when none overlaps, the reporter's own voice (claimant
    "reporter", type "reporter") is returned.
    """
    covering = sorted(
        (a for a in attributions if a.content.covers(start, end)),
        key=lambda a: a.content.end - a.content.start,
    )
    if covering:
        return next((a for a in covering if _claimant_like(a)), covering[0])
    overlapping = [a for a in attributions if a.content.overlap(start, end) > 0]
    if overlapping:
        return max(overlapping, key=lambda a: a.content.overlap(start, end))
    carrier = outlet or next((a.outlet for a in attributions if a.outlet), None)
    return Attribution(
        source=None,
        cue=None,
        content=TextSpan(start, end, ""),
        claimant_type="reporter",
        outlet=carrier,
        chain=(carrier,) if carrier else (),
        stage=attributions[0].stage if attributions else "",
    )
