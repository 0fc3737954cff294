"""Load the event-typing resources (vocabulary, lexicon, cues, model) from package files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from importlib.abc import Traversable

import numpy as np
import numpy.typing as npt

from eventwire.errors import Code, EventwireError
from eventwire.stages.events.literals import LiteralIndex

__all__ = [
    "TRAINING_FILES",
    "EventKind",
    "EventResources",
    "LinearWeights",
    "PatternTable",
    "load_event_resources",
    "parse_patterns",
    "resource_digest",
]

_PACKAGE = "eventwire.resources"
VOCABULARY_FILE = "acled_types.v1.csv"
LEXICON_FILE = "lexicon.v1.tsv"
CUES_FILE = "not_event.v1.tsv"
MODEL_FILE = "model.v1.json"
EMBEDDING_MODEL_FILE = "model_minilm.v1.json"
TRAINING_FILE = "train.v1.tsv"
# team-written snippets, `set<TAB>label<TAB>text`, one set per writer: by region, by
# style, and two of comment and context (label NOT_EVENT)
SNIPPETS_FILE = "train_snippets.v1.tsv"
TRAINING_FILES = (TRAINING_FILE, SNIPPETS_FILE)


@dataclass(frozen=True, slots=True)
class EventKind:
    """One label of the classifier with its ACLED coding (None for non-ACLED kinds)."""

    label: str
    disorder_type: str | None
    event_type: str
    sub_event_type: str
    acled: bool


@dataclass(frozen=True, slots=True)
class PatternTable:
    """Named regular expressions, one compiled pattern per name, in file order.

    A pattern runs only on a text that has one of its required literals (most texts have
    none of a given pattern's words): the same matches at a fraction of the scans.
    """

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    _index: LiteralIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = LiteralIndex([pattern for _, pattern in self.patterns])
        object.__setattr__(self, "_index", index)

    def matches(self, text: str) -> list[str]:
        lowered = text.lower()
        return [name for name, pattern in self._possible(lowered) if pattern.search(lowered)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Every match as (start, end, name), in text order."""
        lowered = text.lower()
        found = [
            (match.start(), match.end(), name)
            for name, pattern in self._possible(lowered)
            for match in pattern.finditer(lowered)
        ]
        return sorted(found)

    def _possible(self, lowered: str) -> list[tuple[str, re.Pattern[str]]]:
        """The patterns that can match `lowered`, in order."""
        return [self.patterns[i] for i in self._index.possible(lowered)]


@dataclass(frozen=True, slots=True)
class LinearWeights:
    """A linear model over string features: one weight per label for each feature.

    `matrix` holds a row of label weights per feature (`rows` maps a feature to its row);
    `dense`, when set, holds one row of label weights per dimension of the sentence
    embedding (`encoder.SentenceEncoder`, 384-d); the scaling used in training is folded in.
    """

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    rows: dict[str, int] = field(repr=False)
    matrix: npt.NDArray[np.float64] = field(repr=False, compare=False)
    trained_on: dict[str, str] = field(default_factory=dict)
    norm: str = "none"
    dense: npt.NDArray[np.float64] | None = field(default=None, compare=False)

    @classmethod
    def of(
        cls,
        labels: Sequence[str],
        bias: Sequence[float],
        weights: Mapping[str, Sequence[float]],
        trained_on: Mapping[str, str],
        *,
        norm: str = "none",
        dense: npt.NDArray[np.float64] | None = None,
    ) -> LinearWeights:
        """The model from one row of label weights per feature."""
        matrix = np.array(list(weights.values()), dtype=np.float64)
        return cls(
            labels=tuple(labels),
            bias=tuple(bias),
            rows={feature: index for index, feature in enumerate(weights)},
            matrix=matrix.reshape(len(weights), len(labels)),
            trained_on=dict(trained_on),
            norm=norm,
            dense=dense,
        )

    def weight_rows(self) -> dict[str, list[float]]:
        """Feature -> label weights, as `of` takes them."""
        return {feature: self.matrix[row].tolist() for feature, row in self.rows.items()}


@dataclass(frozen=True, slots=True)
class EventResources:
    kinds: dict[str, EventKind]
    lexicon: PatternTable
    cues: PatternTable
    model: LinearWeights
    # with an embedding model: the words-only model, for texts not embedded (see EventTyper)
    fallback: LinearWeights | None = None


def _folder() -> Traversable:
    return importlib_resources.files(_PACKAGE).joinpath("events")


def read_resource(name: str) -> str:
    path = _folder().joinpath(name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EventwireError(Code.RESOURCE_MISSING, detail=f"events/{name}") from exc


def resource_digest(name: str) -> str:
    """sha256 of a resource file's text, to tie a trained model to its inputs."""
    return hashlib.sha256(read_resource(name).encode("utf-8")).hexdigest()


def parse_kinds(text: str) -> dict[str, EventKind]:
    kinds: dict[str, EventKind] = {}
    for row in csv.DictReader(io.StringIO(text)):
        kinds[row["label"]] = EventKind(
            label=row["label"],
            disorder_type=row["disorder_type"] or None,
            event_type=row["event_type"],
            sub_event_type=row["sub_event_type"],
            acled=row["acled"] == "yes",
        )
    return kinds


def parse_patterns(text: str) -> PatternTable:
    """Rows `NAME<TAB>regex` (`#` comments); rows sharing a name are OR-ed together.

    Patterns are written in lower case and matched against the lower-cased text (faster
    than a case-insensitive match), on word boundaries.
    """
    grouped: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, pattern = line.split("\t", 1)
        grouped.setdefault(name, []).append(f"(?:{pattern})")
    compiled = tuple(
        (name, re.compile(r"\b(?:" + "|".join(parts) + r")\b")) for name, parts in grouped.items()
    )
    return PatternTable(compiled)


def parse_model(text: str) -> LinearWeights:
    data = json.loads(text)
    dense = data.get("dense")
    return LinearWeights.of(
        data["labels"],
        data["bias"],
        data["weights"],
        data.get("trained_on", {}),
        norm=str(data.get("norm", "none")),
        dense=np.asarray(dense, dtype=np.float64) if dense else None,
    )


def load_event_resources(
    *,
    model: LinearWeights | None = None,
    fallback: LinearWeights | None = None,
    embedding: bool = False,
) -> EventResources:
    """Load every event resource shipped in the package.

    By default the model is the words-only one. With `embedding`, it is the model that also
    reads the MiniLM sentence embedding, with the words-only one as `fallback`. `model` and
    `fallback` override the shipped files.
    """
    if model is None and embedding:
        model = parse_model(read_resource(EMBEDDING_MODEL_FILE))
        fallback = fallback or parse_model(read_resource(MODEL_FILE))
    elif model is None:
        model = parse_model(read_resource(MODEL_FILE))
    return EventResources(
        kinds=parse_kinds(read_resource(VOCABULARY_FILE)),
        lexicon=parse_patterns(read_resource(LEXICON_FILE)),
        cues=parse_patterns(read_resource(CUES_FILE)),
        model=model,
        fallback=fallback,
    )
