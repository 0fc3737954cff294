"""The NLP stage: sentences, entities and a dependency parse for every article (spaCy)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, ClassVar

from eventwire.records import Parcel, Sentence, Span
from eventwire.resources.gazetteer import Gazetteer
from eventwire.resources.models import SPACY_MODEL, load_spacy
from eventwire.stages.geocode.ruler import add_place_ruler

__all__ = ["SpacyParser", "sentences_of"]


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
    ) -> None:
        self.model = model
        self.batch_size = batch_size
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
        docs = iter(self.nlp.pipe(texts, batch_size=self.batch_size))
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
