"""Extraction tables: places, mentions, claims, labels.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Frozen: a schema change is a new revision, never an edit of this one.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TEXT, KEY, INT, REAL = sa.Text, sa.String(64), sa.Integer, sa.Float


def upgrade() -> None:
    create_places()
    create_mentions()
    create_claims()
    create_labels()


def downgrade() -> None:
    for table in ("labels", "claims", "mentions", "places"):
        op.drop_table(table)


def column(name: str, kind: Any, nullable: bool = True) -> sa.Column[Any]:
    return sa.Column(name, kind, nullable=nullable)


def owner() -> list[sa.Column[Any]]:
    article = sa.ForeignKey("articles.article_id")
    return [sa.Column("article_id", KEY, article, nullable=False)]


def create_places() -> None:
    op.create_table(
        "places",
        sa.Column("place_id", KEY, primary_key=True),
        *owner(),
        column("name", TEXT, False),
        column("start", INT, False),
        column("end", INT, False),
        *(column(name, TEXT) for name in ("location", "country")),
        column("iso3", sa.String(3)),
        *(column(name, TEXT) for name in ("admin1", "admin2")),
        column("latitude", REAL),
        column("longitude", REAL),
        column("geo_precision", INT),
        column("geonameid", INT),
        column("reason", TEXT),
        column("stage", sa.String(128), False),
    )
    op.create_index("ix_places_article", "places", ["article_id"])


def create_mentions() -> None:
    op.create_table(
        "mentions",
        sa.Column("mention_id", KEY, primary_key=True),
        *owner(),
        column("start", INT, False),
        column("end", INT, False),
        column("sentence", TEXT, False),
        column("label", KEY, False),
        *(column(name, TEXT, False) for name in ("disorder_type", "event_type", "sub_event_type")),
        column("score", REAL, False),
        column("event_date", sa.String(10)),
        column("date_end", sa.String(10)),
        column("time_precision", INT),
        column("actors", sa.JSON, False),
        column("place", sa.JSON),
        column("claimant", TEXT),
        column("claimant_type", KEY),
        column("relays", sa.JSON, False),
        column("alleged", sa.Boolean, False),
        column("outlet", TEXT),
        column("stage", sa.String(128), False),
    )
    op.create_index("ix_mentions_article", "mentions", ["article_id"])


def create_claims() -> None:
    op.create_table(
        "claims",
        sa.Column("claim_id", KEY, primary_key=True),
        *owner(),
        column("kind", sa.String(32), False),
        column("low", INT),
        column("high", INT),
        column("text", TEXT, False),
        *(column(name, TEXT) for name in ("subject", "subject_actor", "claimant")),
        column("claimant_type", KEY),
        column("relays", sa.JSON, False),
        column("origin", TEXT),
        column("outlet", TEXT),
        column("start", INT, False),
        column("end", INT, False),
        column("stage", sa.String(128), False),
    )
    op.create_index("ix_claims_article", "claims", ["article_id"])


def create_labels() -> None:
    op.create_table(
        "labels",
        sa.Column("label_id", KEY, primary_key=True),
        *owner(),
        column("outlet", TEXT),
        column("actor", TEXT, False),
        column("label", TEXT, False),
        column("loaded", sa.Boolean, False),
        column("start", INT, False),
        column("end", INT, False),
        column("stage", sa.String(128), False),
    )
    op.create_index("ix_labels_outlet_actor", "labels", ["outlet", "actor"])
