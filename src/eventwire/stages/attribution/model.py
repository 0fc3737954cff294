"""Attribution records: who asserts which stretch of an article's text."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CLAIMANT_TYPES", "Attribution", "Found", "TextSpan"]

CLAIMANT_TYPES = (
    "government",
    "military",
    "armed group",
    "media",
    "international organisation",
    "anonymous",
    "reporter",
)


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the article text: character offsets and the text as written."""

    start: int
    end: int
    text: str

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.end, end) - max(self.start, start))


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution relation: `source` asserts `content` through `cue`.

    `source` is the claimant as written ("he", "the source", "Syrian state television");
    `resolved_from` is the earlier speaker an anaphoric source refers back to. `source`
    and `cue` are None for the reporter's own voice. `chain` lists the speakers that relay
    this one, outermost first (e.g. the outlet that reports what state television said).
    `affiliation` is the type behind an anonymous source ("military" for "a military
    source"); `claimant_type` is None when the lexicon cannot tell.
    """

    source: TextSpan | None
    cue: TextSpan | None
    content: TextSpan
    claimant_type: str | None
    resolved_from: str | None = None
    affiliation: str | None = None
    outlet: str | None = None
    chain: tuple[str, ...] = ()
    stage: str = ""

    @property
    def claimant(self) -> str:
        """Who asserts the content: the antecedent, the source as written, or "reporter"."""
        if self.resolved_from is not None:
            return self.resolved_from
        if self.source is not None:
            return self.source.text
        return "reporter"


@dataclass(frozen=True, slots=True)
class Found:
    """A raw attribution from a finder, before anaphora, types and chains are resolved.

    `person` is True for a person, False for a body (ministry, statement), None if unknown;
    `statement` marks a written statement ("said in a statement"); `antecedent` is the noun
    a relative pronoun source ("who") attaches to, when the finder knows it.
    """

    source: TextSpan | None
    cue: TextSpan
    content: TextSpan
    lemma: str
    person: bool | None = None
    statement: bool = False
    antecedent: str | None = None
