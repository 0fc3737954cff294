"""Initial tables: runs, documents, articles, removals, rejects.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Frozen: a schema change is a new revision, never an edit of this one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_runs()
    create_documents()
    create_articles()
    create_removals()
    create_rejects()


def downgrade() -> None:
    for table in ("rejects", "removals", "articles", "documents", "runs"):
        op.drop_table(table)


def create_runs() -> None:
    op.create_table(
        "runs",
        sa.Column("run_id", sa.String(64), primary_key=True),
        sa.Column("started", sa.String(32), nullable=False),
        sa.Column("finished", sa.String(32), nullable=True),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON, nullable=True),
    )


def create_documents() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("encoding", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("published", sa.String(64), nullable=True),
        sa.Column("outlet", sa.Text, nullable=True),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("first_run", sa.String(64), sa.ForeignKey("runs.run_id"), nullable=False),
    )


def create_articles() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("document", sa.String(64), sa.ForeignKey("documents.doc_id"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("outlet", sa.Text, nullable=True),
        sa.Column("credits", sa.JSON, nullable=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("title_from", sa.String(64), nullable=True),
        sa.Column("published", sa.String(64), nullable=True),
        sa.Column("dateline_place", sa.Text, nullable=True),
        sa.Column("byline", sa.Text, nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("stage", sa.String(128), nullable=False),
    )
    op.create_index("ix_articles_document_ordinal", "articles", ["document", "ordinal"])


def create_removals() -> None:
    op.create_table(
        "removals",
        sa.Column(
            "article_id", sa.String(64), sa.ForeignKey("articles.article_id"), primary_key=True
        ),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("rule", sa.String(128), nullable=False),
    )


def create_rejects() -> None:
    op.create_table(
        "rejects",
        sa.Column("reject_id", sa.String(64), primary_key=True),
        sa.Column("document", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("stage", sa.String(128), nullable=False),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("run_id", sa.String(64), sa.ForeignKey("runs.run_id"), nullable=False),
    )
    op.create_index("ix_rejects_document", "rejects", ["document"])
