"""Records to table rows, and table rows back to export rows (the design's contract)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from eventwire.records import Article, Document, Parcel, Reject
from eventwire.store import schema
from eventwire.store._extracted import CLAIM_FIELDS, FRAMING_FIELDS, MENTION_FIELDS, PLACE_FIELDS

__all__ = [
    "ARTICLE_FIELDS",
    "EXPORT_COLUMNS",
    "REJECT_FIELDS",
    "REMOVAL_FIELDS",
    "RowBatch",
    "article_export_rows",
    "collect_rows",
    "reject_export_row",
]

Row = dict[str, object]

# Export column order: the contract's fields first, then the extra ones.
ARTICLE_FIELDS = (
    "article_id",
    "document",
    "url",
    "outlet",
    "title",
    "published",
    "dateline_place",
    "byline",
    "text",
    "span_in_document",
    "removed",
    "ordinal",
    "credits",
    "title_from",
    "stage",
)
REMOVAL_FIELDS = ("kind", "text", "start", "end", "rule")
REJECT_FIELDS = ("reject_id", "document", "source", "stage", "code", "message", "run_id")
EXPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_FIELDS,
    "rejects": REJECT_FIELDS,
    "mentions": MENTION_FIELDS,
    "claims": CLAIM_FIELDS,
    "places": PLACE_FIELDS,
    "framing": FRAMING_FIELDS,
    "events": schema.EVENT_FIELDS,
}


@dataclass(slots=True)
class RowBatch:
    """Rows for one write transaction, keyed by id so a batch holds each row once."""

    documents: dict[str, Row] = field(default_factory=dict)
    articles: dict[str, Row] = field(default_factory=dict)
    removals: dict[tuple[str, int], Row] = field(default_factory=dict)
    rejects: dict[str, Row] = field(default_factory=dict)


def collect_rows(parcels: Iterable[Parcel], run_id: str) -> RowBatch:
    """Every document, article, removal and reject the parcels carry, as table rows."""
    batch = RowBatch()
    for parcel in parcels:
        if parcel.document is not None:
            add_document(batch, parcel.document, run_id)
        for article in parcel.articles:
            add_article(batch, article)
        for reject in (parcel.reject, *parcel.article_rejects):
            if reject is not None:
                batch.rejects.setdefault(reject.reject_id, reject_row(reject, run_id))
    return batch


def add_document(batch: RowBatch, document: Document, run_id: str) -> None:
    batch.documents.setdefault(document.doc_id, document_row(document, run_id))


def add_article(batch: RowBatch, article: Article) -> None:
    batch.articles.setdefault(article.article_id, article_row(article))
    for ordinal, removal in enumerate(article.removed):
        row: Row = {"article_id": article.article_id, "ordinal": ordinal}
        row.update({name: getattr(removal, name) for name in REMOVAL_FIELDS})
        batch.removals.setdefault((article.article_id, ordinal), row)


def document_row(document: Document, run_id: str) -> Row:
    return {
        "doc_id": document.doc_id,
        "source": document.source,
        "kind": document.kind,
        "encoding": document.encoding,
        "size": len(document.raw),
        "url": document.meta.url,
        "title": document.meta.title,
        "published": document.meta.published,
        "outlet": document.meta.outlet,
        "raw": document.raw,
        "text": document.text,
        "first_run": run_id,
    }


def article_row(article: Article) -> Row:
    start, end = article.span_in_document
    return {
        "article_id": article.article_id,
        "document": article.document,
        "ordinal": article.ordinal,
        "url": article.url,
        "outlet": article.outlet,
        "credits": list(article.credits),
        "title": article.title,
        "title_from": article.title_from,
        "published": article.published,
        "dateline_place": article.dateline_place,
        "byline": article.byline,
        "text": article.text,
        "span_start": start,
        "span_end": end,
        "stage": article.stage,
    }


def reject_row(reject: Reject, run_id: str) -> Row:
    return {
        "reject_id": reject.reject_id,
        "document": reject.document,
        "source": reject.source,
        "stage": reject.stage,
        "code": reject.code,
        "message": reject.message,
        "run_id": run_id,
    }


def article_export_rows(joined: Iterable[Mapping[Any, Any]]) -> Iterator[Row]:
    """Group article-LEFT-JOIN-removal rows (ordered by article) into export rows."""
    for _, group in groupby(joined, key=lambda row: row["article_id"]):
        rows = list(group)
        yield article_export_row(rows[0], rows)


def article_export_row(article: Mapping[Any, Any], joined: Sequence[Mapping[Any, Any]]) -> Row:
    removed = [
        {name: row[f"removal_{name}"] for name in REMOVAL_FIELDS}
        for row in joined
        if row["removal_ordinal"] is not None
    ]
    derived: Row = {
        "span_in_document": [article["span_start"], article["span_end"]],
        "removed": removed,
        "credits": list(article["credits"] or []),
    }
    return {name: derived[name] if name in derived else article[name] for name in ARTICLE_FIELDS}


def reject_export_row(reject: Mapping[Any, Any]) -> Row:
    return {name: reject[name] for name in REJECT_FIELDS}
