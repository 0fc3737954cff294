"""The store's tables, as SQLAlchemy Core metadata.

The tables here must match what the Alembic migrations create; a test compares them.
Ids are content hashes (`records.content_id`), so re-running the same inputs inserts
nothing new; only `runs` grows by one row per run.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = ["EXPORT_TABLES", "articles", "documents", "metadata", "rejects", "removals", "runs"]

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("run_id", String(64), primary_key=True),
    Column("started", String(32), nullable=False),
    Column("finished", String(32), nullable=True),
    Column("version", String(32), nullable=False),
    Column("settings", JSON, nullable=False),
    Column("counts", JSON, nullable=True),
)

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("encoding", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("url", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("published", String(64), nullable=True),
    Column("outlet", Text, nullable=True),
    Column("raw", LargeBinary, nullable=False),
    Column("text", Text, nullable=False),
    Column("first_run", String(64), ForeignKey("runs.run_id"), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("document", String(64), ForeignKey("documents.doc_id"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("url", Text, nullable=True),
    Column("outlet", Text, nullable=True),
    Column("credits", JSON, nullable=False),
    Column("title", Text, nullable=True),
    Column("title_from", String(64), nullable=True),
    Column("published", String(64), nullable=True),
    Column("dateline_place", Text, nullable=True),
    Column("byline", Text, nullable=True),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("stage", String(128), nullable=False),
    Index("ix_articles_document_ordinal", "document", "ordinal"),
)

removals = Table(
    "removals",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.article_id"), primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("rule", String(128), nullable=False),
)

rejects = Table(
    "rejects",
    metadata,
    Column("reject_id", String(64), primary_key=True),
    Column("document", String(64), nullable=False),
    Column("source", Text, nullable=False),
    Column("stage", String(128), nullable=False),
    Column("code", String(8), nullable=False),
    Column("message", Text, nullable=False),
    Column("run_id", String(64), ForeignKey("runs.run_id"), nullable=False),
    Index("ix_rejects_document", "document"),
)

# Tables `Store.iter_rows` can stream for export.
EXPORT_TABLES = ("articles", "rejects")
