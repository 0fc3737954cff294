"""Export: writers that turn store rows into files (JSONL and CSV)."""

from __future__ import annotations

from eventwire.export.writers import FORMATS, Format, write_rows

__all__ = ["FORMATS", "Format", "write_rows"]
