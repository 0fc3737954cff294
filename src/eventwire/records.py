"""Frozen records passed between stages. Every extracted fact keeps its provenance.

Offsets are character offsets: `Span` into an article's text, `Removal.start/end` and
`Article.span_in_document` into the document's decoded text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any, Literal

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "Document",
    "DocumentMeta",
    "Event",
    "Label",
    "Mention",
    "Paragraph",
    "Parcel",
    "Place",
    "Reject",
    "Removal",
    "Sentence",
    "Span",
    "content_id",
]

InputKind = Literal["txt", "html", "jsonl", "warc"]


def content_id(*parts: str | bytes, length: int = 16) -> str:
    """A stable hex id from content: same inputs, same id."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x1f")
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """Metadata an input carried with it (JSONL fields, HTML metadata, WARC headers)."""

    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One input record: a file, a JSONL line or a WARC response, decoded to text."""

    doc_id: str
    source: str
    kind: InputKind
    raw: bytes
    text: str
    encoding: str
    meta: DocumentMeta = DocumentMeta()


@dataclass(frozen=True, slots=True)
class Reject:
    """An input, or an article of one, that could not be processed, and why."""

    document: str
    source: str
    stage: str
    code: str
    message: str

    @property
    def reject_id(self) -> str:
        return content_id(self.document, self.source, self.stage, self.code)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A unit of document text: a paragraph, or a line when lines stand alone."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Removal:
    """Text cut from a document, with the reason (`kind`) and the rule that cut it."""

    kind: str
    text: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, found in a document after cleaning and splitting."""

    article_id: str
    document: str
    ordinal: int
    text: str
    span_in_document: tuple[int, int]
    url: str | None = None
    outlet: str | None = None
    credits: tuple[str, ...] = ()
    title: str | None = None
    title_from: str | None = None
    published: str | None = None
    dateline_place: str | None = None
    byline: str | None = None
    removed: tuple[Removal, ...] = ()
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled span of an article's text."""

    article_id: str
    start: int
    end: int
    label: str
    text: str
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with its entities."""

    article_id: str
    start: int
    end: int
    text: str
    entities: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    """A neutral canonical actor, with the words a source used for it."""

    name: str
    inter: int | None
    label: str
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in an article, resolved against the gazetteer, or not and why."""

    article_id: str
    name: str
    start: int
    end: int
    location: str | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    reason: str | None = None
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Label:
    """The words an outlet used for an actor ("terrorists"), kept as that outlet's framing."""

    article_id: str
    outlet: str | None
    actor: str
    label: str
    loaded: bool
    start: int
    end: int
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A sentence (or clause) that reports an event, with its coding and provenance."""

    mention_id: str
    article_id: str
    span: Span
    label: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    score: float
    actors: tuple[Actor, ...] = ()
    date: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    place: Place | None = None
    claimant: str | None = None
    claimant_type: str | None = None
    relays: tuple[str, ...] = ()
    alleged: bool = False
    outlet: str | None = None
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure or assertion, with who said it and which outlet carried it."""

    kind: str
    text: str
    article_id: str
    span: tuple[int, int]
    low: int | None = None
    high: int | None = None
    subject: str | None = None
    subject_actor: str | None = None
    claimant: str | None = None
    claimant_type: str | None = None
    relays: tuple[str, ...] = ()
    origin: str | None = None
    outlet: str | None = None
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event fused from mentions across articles and outlets."""

    event_id: str
    event_type: str
    sub_event_type: str
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Parcel:
    """What flows through the per-document pipeline: one document and what stages added.

    A parcel with a `reject` is passed through untouched by later stages. `docs` holds
    the parsed spaCy documents of `articles` (same order) while the parcel is in a worker;
    they are never stored.
    """

    document: Document | None
    reject: Reject | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    removed: tuple[Removal, ...] = ()
    articles: tuple[Article, ...] = ()
    article_rejects: tuple[Reject, ...] = field(default=())
    docs: tuple[Any, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    places: tuple[Place, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    labels: tuple[Label, ...] = ()

    def failed(self, reject: Reject) -> Parcel:
        return replace(self, reject=reject)
