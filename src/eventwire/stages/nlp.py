"""The NLP stage: sentences, entities and a dependency parse for every article (spaCy)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from eventwire.records import Parcel, Sentence, Span
from eventwire.resources.gazetteer import Gazetteer
from eventwire.resources.models import SPACY_MODEL, load_spacy
from eventwire.stages.geocode.ruler import add_place_ruler

__all__ = ["MAX_BATCH_CHARS", "SpacyParser", "sentences_of", "text_batches"]

MAX_BATCH_CHARS = 40_000  # about 6,500 words: a few long articles, or 16 short ones


class SpacyParser:
    """Parses every article of a batch in one `nlp.pipe` call."""

    name: ClassVar[str] = "nlp.spacy.en_core_web_sm.v1"
    requires: ClassVar[tuple[str, ...]] = ("articles",)
    provides: ClassVar[tuple[str, ...]] = ("docs", "sentences")

    def __init__(
        self,
        model: str = SPACY_MODEL,
        batch_size: int = 16,
        place_ruler: bool = True,
        gazetteer: Gazetteer | None = None,
        max_chars: int = MAX_BATCH_CHARS,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.place_ruler = place_ruler
        self.gazetteer = gazetteer
        self.nlp: Any = None

    def setup(self) -> None:
        """Load the model; with `place_ruler`, gazetteer names are recognised as places."""
        if self.nlp is None:
            nlp = load_spacy(self.model)
            if self.place_ruler:
                add_place_ruler(nlp, self.gazetteer or Gazetteer())
            self.nlp = nlp

    def __call__(self, batch: Sequence[Parcel]) -> list[Parcel]:
        self.setup()
        texts = [
            article.text for parcel in batch if parcel.reject is None for article in parcel.articles
        ]
        docs = (
            doc
            for group in text_batches(texts, self.batch_size, self.max_chars)
            for doc in self.nlp.pipe(group, batch_size=len(group))
        )
        return [self.attach(parcel, docs) for parcel in batch]

    def attach(self, parcel: Parcel, docs: Any) -> Parcel:
        if parcel.reject is not None:
            return parcel
        parsed = tuple(next(docs) for _ in parcel.articles)
        sentences = tuple(
            sentence
            for article, doc in zip(parcel.articles, parsed, strict=True)
            for sentence in sentences_of(article.article_id, doc, self.name)
        )
        return replace(parcel, docs=parsed, sentences=sentences)


def text_batches(texts: Sequence[str], size: int, max_chars: int) -> Iterator[list[str]]:
    """Consecutive groups of at most `size` texts and, unless one text alone is longer, at
    most `max_chars` characters: spaCy's peak memory follows a batch's length, so a run's
    peak is set by this cap and not by the heaviest articles it happens to meet."""
    group: list[str] = []
    length = 0
    for text in texts:
        if group and (len(group) == size or length + len(text) > max_chars):
            yield group
            group, length = [], 0
        group.append(text)
        length += len(text)
    if group:
        yield group


def sentences_of(article_id: str, doc: Any, stage: str) -> list[Sentence]:
    """Sentence records with their named entities, offsets into the article text."""
    found = []
    for sent in doc.sents:
        entities = tuple(
            Span(article_id, ent.start_char, ent.end_char, ent.label_, ent.text, stage)
            for ent in sent.ents
        )
        text = sent.text.rstrip()
        start = sent.start_char
        found.append(Sentence(article_id, start, start + len(text), text, entities))
    return found
