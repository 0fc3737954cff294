"""Fused events: events, the mentions each was built from, the claims attached to each.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

Frozen: a schema change is a new revision, never an edit of this one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

KEY = sa.String(64)
EVENT_TEXT = ("disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
              "assoc_actor_2", "country", "admin1", "admin2", "location", "notes")  # fmt: skip
EVENT_INT = ("time_precision", "inter1", "inter2", "interaction", "geo_precision", "geonameid",
             "fatalities", "fatalities_low", "fatalities_best", "fatalities_high",
             "source_count", "independent_source_count", "report_count")  # fmt: skip


def upgrade() -> None:
    create_events()
    create_event_mentions()
    create_event_claims()


def downgrade() -> None:
    for table in ("event_claims", "event_mentions", "events"):
        op.drop_table(table)


def create_events() -> None:
    op.create_table(
        "events",
        sa.Column("event_id", KEY, primary_key=True),
        sa.Column("founded_by", KEY, nullable=False),
        sa.Column("event_date", sa.String(10), nullable=True),
        sa.Column("date_end", sa.String(10), nullable=True),
        *(sa.Column(name, sa.Text, nullable=True) for name in EVENT_TEXT),
        *(sa.Column(name, sa.Integer, nullable=True) for name in EVENT_INT),
        sa.Column("iso3", sa.String(3), nullable=True),
        sa.Column("latitude", sa.Float, nullable=True),
        sa.Column("longitude", sa.Float, nullable=True),
        sa.Column("attributed", sa.Boolean, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("claims", sa.JSON, nullable=False),
        sa.Column("reports", sa.JSON, nullable=False),
        sa.Column("stage", sa.String(128), nullable=False),
    )
    op.create_index("ix_events_date", "events", ["event_date"])


def create_event_mentions() -> None:
    mention = sa.ForeignKey("mentions.mention_id")
    op.create_table(
        "event_mentions",
        sa.Column("mention_id", KEY, mention, primary_key=True),
        sa.Column("event_id", KEY, sa.ForeignKey("events.event_id"), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("rule", sa.String(32), nullable=False),
        sa.Column("stage", sa.String(128), nullable=False),
    )
    op.create_index("ix_event_mentions_event", "event_mentions", ["event_id"])


def create_event_claims() -> None:
    op.create_table(
        "event_claims",
        sa.Column("claim_id", KEY, sa.ForeignKey("claims.claim_id"), primary_key=True),
        sa.Column("event_id", KEY, sa.ForeignKey("events.event_id"), nullable=False),
    )
    op.create_index("ix_event_claims_event", "event_claims", ["event_id"])
