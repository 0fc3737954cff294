"""The store: SQLAlchemy 2 Core tables in SQLite (default) or PostgreSQL, migrated by Alembic.

A run opens the store (`Store.open(url)` creates and migrates it), calls `begin_run`, writes
each batch of parcels with `write_parcels` (one transaction per batch), then `finish_run`.
Export streams contract rows with `iter_rows("articles")` or `iter_rows("rejects")`.
"""

from __future__ import annotations

from eventwire.store._rows import EXPORT_COLUMNS
from eventwire.store._store import DEFAULT_URL, Store
from eventwire.store.schema import EXPORT_TABLES

__all__ = ["DEFAULT_URL", "EXPORT_COLUMNS", "EXPORT_TABLES", "Store"]
