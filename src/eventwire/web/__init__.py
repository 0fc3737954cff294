"""The HTTP API: read endpoints over a store (FastAPI). `eventwire serve` calls `serve`.

The app imports `eventwire.api` only; every error answers with one JSON shape
(`ok`, `status`, `code`, `error`), see `eventwire.web.errors`.
"""

from __future__ import annotations

from eventwire.web.app import create_app, serve

__all__ = ["create_app", "serve"]
