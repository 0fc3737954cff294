"""Alembic migrations applied in code: no alembic.ini, scripts shipped in the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

__all__ = ["MIGRATIONS", "migrate"]

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def migrate(connection: Connection, revision: str = "head") -> None:
    """Bring the database behind `connection` up to `revision` (idempotent)."""
    command.upgrade(alembic_config(connection), revision)
