"""Ingest: paths (files, directories, `-` for stdin) -> Documents or Rejects, streamed.

Every input record ends as exactly one Document or one Reject.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from eventwire.errors import Code, EventwireError
from eventwire.ingest.readers import (
    IngestSettings,
    human_size,
    open_maybe_gzip,
    read_html,
    read_jsonl,
    read_text,
    read_warc,
    reject,
)
from eventwire.records import Document, Reject

__all__ = ["IngestSettings", "read_inputs"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read_inputs(
    paths: Sequence[str],
    settings: IngestSettings | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Document | Reject]:
    """Yield one Document or Reject per input record, in a stable order."""
    settings = settings or IngestSettings()
    for path in paths:
        if path == "-":
            yield from read_stream(stdin or sys.stdin.buffer, "<stdin>", settings)
        elif os.path.isdir(path):
            for file in walk(Path(path)):
                yield from read_file(str(file), settings)
        else:
            yield from read_file(path, settings)


def walk(root: Path) -> Iterator[Path]:
    """Files under `root`, recursively, sorted, hidden files and folders skipped."""
    for directory, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(directory) / name


def read_file(path: str, settings: IngestSettings) -> Iterator[Document | Reject]:
    lower = path.lower()
    try:
        if lower.endswith(JSONL_SUFFIXES):
            with open_maybe_gzip(path) as stream:
                yield from read_jsonl(stream, path, settings)
        elif lower.endswith(WARC_SUFFIXES):
            with open(path, "rb") as stream:
                yield from read_warc(stream, path, settings)
        else:
            yield from read_small_file(path, settings)
    except FileNotFoundError:
        yield reject(path, EventwireError(Code.NOT_FOUND))
    except OSError as exc:
        yield reject(
            path, EventwireError(Code.UNREADABLE, detail=exc.strerror or type(exc).__name__)
        )


def read_small_file(path: str, settings: IngestSettings) -> Iterator[Document | Reject]:
    size = os.path.getsize(path)
    if size > settings.max_bytes:
        detail, limit = human_size(size), human_size(settings.max_bytes)
        yield reject(path, EventwireError(Code.TOO_LARGE, detail=detail, limit=limit))
        return
    with open(path, "rb") as stream:
        raw = stream.read()
    yield from read_bytes(raw, path, settings)


def read_stream(
    stream: IO[bytes], source: str, settings: IngestSettings
) -> Iterator[Document | Reject]:
    raw = stream.read(settings.max_bytes + 1)
    if len(raw) > settings.max_bytes:
        limit = human_size(settings.max_bytes)
        yield reject(
            source, EventwireError(Code.TOO_LARGE, detail=f"more than {limit}", limit=limit)
        )
        return
    yield from read_bytes(raw, source, settings)


def read_bytes(raw: bytes, source: str, settings: IngestSettings) -> Iterator[Document | Reject]:
    """Dispatch on content: WARC, JSONL, HTML or plain text."""
    head = raw.lstrip()[:512].lower()
    lower = source.lower()
    if head.startswith(b"warc/"):
        yield from read_warc(io.BytesIO(raw), source, settings)
    elif source == "<stdin>" and head.startswith(b"{"):
        yield from read_jsonl(io.BytesIO(raw), source, settings)
    elif lower.endswith(HTML_SUFFIXES) or head.startswith((b"<!doctype html", b"<html")):
        yield from read_html(raw, source)
    else:
        yield from read_text(raw, source)
