"""EventTyper: an ACLED/CASE event type for each sentence or snippet, or "not an event"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from eventwire.stages.events.features import featurize
from eventwire.stages.events.model import rank
from eventwire.stages.events.resources import EventResources, load_event_resources

__all__ = ["NOT_EVENT", "UNCERTAIN", "EventTyper", "TypedEvent"]

NOT_EVENT = "NOT_EVENT"
# The reason given when no type reaches `min_score`: the text has no clear event in it.
UNCERTAIN = "uncertain"
# Reasons that hold only when the classifier itself saw no conflict event in the text.
_WEAK_REASONS = frozenset({"statement"})
_STATEMENT_TYPES = frozenset({"DIPLO", "OTHER"})
_ALLEGATION = "lex:allegation"


@dataclass(frozen=True, slots=True)
class TypedEvent:
    """The type of one text.

    `label` is a CASE 2021 code (`ARMED_CLASH`, `DIPLO`, ...) or `NOT_EVENT` when the text
    is background, opinion, a future plan, a negation or a hypothetical; `type_label` is the
    classifier's best type either way. The ACLED fields are None for non-ACLED kinds and
    for non-events. `alleged` is true when the text words the event as a party's allegation
    ("accused", "alleged", "claimed"), so the export can mark it `attributed`.
    """

    label: str
    type_label: str
    score: float
    sub_event_type: str | None
    event_type: str | None
    disorder_type: str | None
    not_event_reason: str | None = None
    alleged: bool = False

    @property
    def is_event(self) -> bool:
        return self.label != NOT_EVENT


class EventTyper:
    """Types texts with a linear model over words and lexicon hits, then gates non-events.

    A text whose best type scores under `min_score` is reported as NOT_EVENT ("uncertain").
    """

    name: ClassVar[str] = "extract.events.typer.linear.v1"

    def __init__(self, resources: EventResources | None = None, *, min_score: float = 0.2) -> None:
        self._resources = resources
        self.min_score = min_score

    def setup(self) -> None:
        if self._resources is None:
            self._resources = load_event_resources()

    @property
    def resources(self) -> EventResources:
        self.setup()
        assert self._resources is not None
        return self._resources

    def classify(self, texts: Sequence[str]) -> list[TypedEvent]:
        return [self.classify_one(text) for text in texts]

    def classify_one(self, text: str) -> TypedEvent:
        found = self.resources
        features = featurize(text, found.lexicon)
        best, score = rank(found.model, features)[0]
        reason = self.not_event_reason(text, best)
        if reason is None and score < self.min_score:
            reason = UNCERTAIN
        alleged = _ALLEGATION in features
        return self._typed(best, score, reason, alleged)

    def not_event_reason(self, text: str, type_label: str) -> str | None:
        """The first cue saying `text` is not a dated event, or None."""
        for reason in self.resources.cues.matches(text):
            if reason in _WEAK_REASONS and type_label not in _STATEMENT_TYPES:
                continue
            return reason
        return None

    def _typed(
        self, type_label: str, score: float, reason: str | None, alleged: bool
    ) -> TypedEvent:
        kind = self.resources.kinds.get(type_label)
        coded = kind if kind is not None and kind.acled and reason is None else None
        return TypedEvent(
            label=type_label if reason is None else NOT_EVENT,
            type_label=type_label,
            score=round(score, 4),
            sub_event_type=coded.sub_event_type if coded else None,
            event_type=coded.event_type if coded else None,
            disorder_type=coded.disorder_type if coded else None,
            not_event_reason=reason,
            alleged=alleged,
        )
