"""The store's tables, as SQLAlchemy Core metadata.

The tables here must match what the Alembic migrations create; a test compares them.
Ids are content hashes (`records.content_id`), so re-running the same inputs inserts
nothing new; only `runs` grows by one row per run.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "EVENT_FIELDS",
    "EXPORT_TABLES",
    "articles",
    "claims",
    "documents",
    "event_claims",
    "event_mentions",
    "events",
    "labels",
    "mentions",
    "metadata",
    "places",
    "rejects",
    "removals",
    "runs",
]

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

places = Table(
    "places",
    metadata,
    Column("place_id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.article_id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("location", Text, nullable=True),
    Column("country", Text, nullable=True),
    Column("iso3", String(3), nullable=True),
    Column("admin1", Text, nullable=True),
    Column("admin2", Text, nullable=True),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("geo_precision", Integer, nullable=True),
    Column("geonameid", Integer, nullable=True),
    Column("reason", Text, nullable=True),
    Column("stage", String(128), nullable=False),
    Index("ix_places_article", "article_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("mention_id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.article_id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("label", String(64), nullable=False),
    Column("disorder_type", Text, nullable=False),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("event_date", String(10), nullable=True),
    Column("date_end", String(10), nullable=True),
    Column("time_precision", Integer, nullable=True),
    Column("actors", JSON, nullable=False),
    Column("place", JSON, nullable=True),
    Column("claimant", Text, nullable=True),
    Column("claimant_type", String(64), nullable=True),
    Column("relays", JSON, nullable=False),
    Column("alleged", Boolean, nullable=False),
    Column("outlet", Text, nullable=True),
    Column("stage", String(128), nullable=False),
    Index("ix_mentions_article", "article_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.article_id"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("low", Integer, nullable=True),
    Column("high", Integer, nullable=True),
    Column("text", Text, nullable=False),
    Column("subject", Text, nullable=True),
    Column("subject_actor", Text, nullable=True),
    Column("claimant", Text, nullable=True),
    Column("claimant_type", String(64), nullable=True),
    Column("relays", JSON, nullable=False),
    Column("origin", Text, nullable=True),
    Column("outlet", Text, nullable=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("stage", String(128), nullable=False),
    Index("ix_claims_article", "article_id"),
)

labels = Table(
    "labels",
    metadata,
    Column("label_id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.article_id"), nullable=False),
    Column("outlet", Text, nullable=True),
    Column("actor", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("loaded", Boolean, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("stage", String(128), nullable=False),
    Index("ix_labels_outlet_actor", "outlet", "actor"),
)

# Export field order of an event (the design's contract, then extras).
EVENT_FIELDS = (
    "event_id", "event_date", "date_end", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "geonameid", "fatalities", "fatalities_low", "fatalities_best",
    "fatalities_high", "sources", "source_count", "independent_source_count", "attributed",
    "notes", "claims", "reports", "founded_by", "report_count",
)  # fmt: skip
# Events fused from mentions across articles (`eventwire.fuse`); lists are JSON.
EVENT_TEXT = (
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "location",
    "notes",
)
EVENT_INT = (
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "geo_precision",
    "geonameid",
    "fatalities",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "source_count",
    "independent_source_count",
    "report_count",
)

events = Table(
    "events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("founded_by", String(64), nullable=False),
    Column("event_date", String(10), nullable=True),
    Column("date_end", String(10), nullable=True),
    *(Column(name, Text, nullable=True) for name in EVENT_TEXT),
    *(Column(name, Integer, nullable=True) for name in EVENT_INT),
    Column("iso3", String(3), nullable=True),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("attributed", Boolean, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("claims", JSON, nullable=False),
    Column("reports", JSON, nullable=False),
    Column("stage", String(128), nullable=False),
    Index("ix_events_date", "event_date"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("mention_id", String(64), ForeignKey("mentions.mention_id"), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.event_id"), nullable=False),
    Column("score", Float, nullable=False),
    Column("rule", String(32), nullable=False),
    Column("stage", String(128), nullable=False),
    Index("ix_event_mentions_event", "event_id"),
)

event_claims = Table(
    "event_claims",
    metadata,
    Column("claim_id", String(64), ForeignKey("claims.claim_id"), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.event_id"), nullable=False),
    Index("ix_event_claims_event", "event_id"),
)

# Tables `Store.iter_rows` can stream for export.
EXPORT_TABLES = ("articles", "rejects", "mentions", "claims", "places", "framing", "events")
