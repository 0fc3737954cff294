"""Readers: one function per input kind, each yielding Documents or Rejects."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from typing import IO, cast

from warcio.archiveiterator import ArchiveIterator

from eventwire.errors import Code, EventwireError
from eventwire.ingest.decode import decode_bytes, dominant_script
from eventwire.ingest.html import extract_html
from eventwire.records import Document, DocumentMeta, InputKind, Reject, content_id

__all__ = ["IngestSettings", "read_html", "read_jsonl", "read_text", "read_warc", "reject"]

STAGE = "ingest"


class IngestSettings:
    """Limits for ingest. One options object rather than keyword arguments everywhere."""

    __slots__ = ("max_bytes",)

    def __init__(self, max_bytes: int = 50 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes


def reject(source: str, error: EventwireError, raw: bytes = b"") -> Reject:
    document = content_id(raw) if raw else content_id(source)
    return Reject(document, source, STAGE, error.code.value, error.message)


def make_document(
    raw: bytes, source: str, kind: InputKind, text: str, encoding: str, meta: DocumentMeta
) -> Document:
    script = dominant_script(text)
    if script != "LATIN":
        raise EventwireError(Code.UNSUPPORTED_SCRIPT, detail=script.title())
    text = normalise_newlines(text)
    return Document(content_id(raw), source, kind, raw, text, encoding, meta)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def read_text(raw: bytes, source: str) -> Iterator[Document | Reject]:
    try:
        decoded = decode_bytes(raw)
        yield make_document(raw, source, "txt", decoded.text, decoded.encoding, DocumentMeta())
    except EventwireError as error:
        yield reject(source, error, raw)


def read_html(raw: bytes, source: str, url: str | None = None) -> Iterator[Document | Reject]:
    try:
        decoded = decode_bytes(raw)
        yield html_document(raw, source, decoded.text, decoded.encoding, DocumentMeta(url=url))
    except EventwireError as error:
        yield reject(source, error, raw)


def html_document(
    raw: bytes, source: str, html: str, encoding: str, meta: DocumentMeta
) -> Document:
    extract = extract_html(html, url=meta.url)
    if extract is None:
        raise EventwireError(Code.NO_MAIN_TEXT)
    merged = DocumentMeta(
        url=meta.url or extract.url,
        title=meta.title or extract.title,
        published=meta.published or extract.published,
        outlet=meta.outlet or extract.outlet,
    )
    return make_document(raw, source, "html", extract.text, encoding, merged)


def read_jsonl(
    stream: IO[bytes], source: str, settings: IngestSettings
) -> Iterator[Document | Reject]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        if len(line) > settings.max_bytes:
            error = EventwireError(
                Code.TOO_LARGE, detail=human_size(len(line)), limit=human_size(settings.max_bytes)
            )
            yield reject(where, error)
            continue
        try:
            yield jsonl_document(line, where)
        except EventwireError as error:
            yield reject(where, error, line)


def jsonl_document(line: bytes, source: str) -> Document:
    try:
        record = json.loads(line.decode("utf-8", errors="strict"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise EventwireError(Code.BAD_JSONL, detail=str(exc).splitlines()[0][:120]) from None
    if not isinstance(record, dict):
        raise EventwireError(
            Code.BAD_RECORD, detail=f"a JSON {type(record).__name__}, not an object"
        )
    meta = DocumentMeta(
        url=optional_str(record.get("url")),
        title=optional_str(record.get("title")),
        published=optional_str(record.get("published")),
        outlet=optional_str(record.get("outlet")),
    )
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return make_document(line, source, "jsonl", text, "utf-8", meta)
    if isinstance(html, str) and html.strip():
        return html_document(line, source, html, "utf-8", meta)
    raise EventwireError(Code.BAD_RECORD, detail="no non-empty 'text' or 'html' field")


def optional_str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def read_warc(
    stream: IO[bytes], source: str, settings: IngestSettings
) -> Iterator[Document | Reject]:
    count = 0
    records = ArchiveIterator(stream)
    while True:
        try:
            record = next(records)
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read(settings.max_bytes + 1)
            while record.raw_stream.read(1 << 20):
                pass  # drain the rest of the record to see whether it is complete
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise EOFError("record shorter than its Content-Length")
        except StopIteration:
            return
        except Exception as exc:  # warcio raises several types on truncated data
            detail = f"{count} records ({type(exc).__name__})"
            yield reject(source, EventwireError(Code.TRUNCATED_WARC, detail=detail))
            return
        count += 1
        yield from warc_record(payload, f"{source}#{count}", url, record_type(record), settings)


def record_type(record: object) -> str:
    headers = getattr(record, "http_headers", None) or getattr(record, "rec_headers", None)
    value = headers.get_header("Content-Type") if headers is not None else None
    return str(value or "")


def warc_record(
    payload: bytes, source: str, url: str | None, content_type: str, settings: IngestSettings
) -> Iterator[Document | Reject]:
    if len(payload) > settings.max_bytes:
        limit = human_size(settings.max_bytes)
        yield reject(
            source, EventwireError(Code.TOO_LARGE, detail=f"more than {limit}", limit=limit)
        )
    elif "html" in content_type or payload.lstrip()[:15].lower().startswith(
        (b"<!doctype", b"<html")
    ):
        yield from read_html(payload, source, url)
    else:
        yield from read_text(payload, source)


def open_maybe_gzip(path: str) -> IO[bytes]:
    if path.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"
