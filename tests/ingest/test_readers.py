from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire.ingest import IngestSettings, read_inputs
from eventwire.records import Document, Reject

ARTICLE = "Government forces shelled the village of Tal Hamra on Monday, residents said.\n"


def read(*paths: Path | str, **settings: int) -> list[Document | Reject]:
    return list(read_inputs([str(path) for path in paths], IngestSettings(**settings)))


def only(items: list[Document | Reject]) -> Document | Reject:
    assert len(items) == 1
    return items[0]


def test_read_text_file_gets_content_hash_id_and_keeps_raw(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    first, second = read(path, path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.doc_id == second.doc_id and len(first.doc_id) == 16
    assert first.raw == ARTICLE.encode() and first.kind == "txt"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "E101"),
        (b"  \n\n \t", "E101"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "E102"),
        (bytes(range(256)) * 8, "E102"),
        ("قال مصدر عسكري إن الجيش دخل المدينة صباح الأربعاء".encode("windows-1256"), "E105"),
    ],
)
def test_read_bad_file_is_one_line_reject(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    reject = only(read(path))
    assert isinstance(reject, Reject)
    assert (reject.code, reject.stage, reject.source) == (code, "ingest", str(path))
    assert "\n" not in reject.message and reject.message


def test_read_latin1_text_is_decoded_not_lost(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "Le café de la place a été touché par un obus lundi, selon des témoins.".encode("latin-1")
    )
    document = only(read(path))
    assert isinstance(document, Document)
    assert "café" in document.text and "été" in document.text


def test_read_huge_file_is_rejected_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)
    reject = only(read(path))
    assert isinstance(reject, Reject) and reject.code == "E103"
    assert "200.0 MB" in reject.message


def test_read_missing_path_is_reject(tmp_path):
    reject = only(read(tmp_path / "nope.txt"))
    assert isinstance(reject, Reject) and reject.code == "E111"


def test_read_jsonl_malformed_line_does_not_stop_the_file(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {
        "url": "https://example.org/a",
        "title": "T",
        "published": "2018-05-03",
        "outlet": "AFP",
        "text": ARTICLE,
    }
    lines = [
        json.dumps(good),
        '{"text": "cut off',
        "[1, 2]",
        json.dumps({"title": "no text"}),
        json.dumps(good | {"url": "u2", "text": ARTICLE + "More."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(item).__name__ for item in items] == [
        "Document",
        "Reject",
        "Reject",
        "Reject",
        "Document",
    ]
    assert [item.code for item in items if isinstance(item, Reject)] == ["E107", "E108", "E108"]
    assert items[1].source == f"{path}:2"
    document = items[0]
    assert isinstance(document, Document)
    assert (document.meta.url, document.meta.outlet, document.meta.published) == (
        "https://example.org/a",
        "AFP",
        "2018-05-03",
    )


def test_read_gzipped_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"text": ARTICLE}) + "\n")
    assert isinstance(only(read(path)), Document)


def test_read_directory_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE + "Two.", encoding="utf-8")
    (tmp_path / "1.txt").write_text(ARTICLE + "One.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    sources = [item.source for item in read(tmp_path)]
    assert sources == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_read_stdin():
    items = list(read_inputs(["-"], stdin=io.BytesIO(ARTICLE.encode())))
    assert isinstance(only(items), Document) and items[0].source == "<stdin>"


def test_read_html_keeps_metadata_and_rejects_page_without_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Town shelled</title></head><body><article><h1>Town shelled</h1>"
        f"<p>{ARTICLE * 3}</p><p>{ARTICLE}</p></article></body></html>",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><div><p", encoding="utf-8")
    document, reject = read(page, broken)
    assert isinstance(document, Document) and document.kind == "html"
    assert "Tal Hamra" in document.text
    assert isinstance(reject, Reject) and reject.code == "E106"


def warc_record(url: str, number: int, body: bytes) -> bytes:
    """One WARC/1.0 response record, written out by hand."""
    block = b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    headers = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        f"WARC-Date: 2018-05-03T00:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return headers.encode() + block + b"\r\n\r\n"


def make_warc(path: Path, pages: int) -> None:
    records = []
    for number in range(pages):
        body = f"<html><body><article><p>{ARTICLE * 4} Page {number}.</p></article></body></html>"
        records.append(warc_record(f"https://example.org/{number}", number, body.encode()))
    path.write_bytes(b"".join(records))


def test_read_warc_responses_with_urls(tmp_path):
    path = tmp_path / "crawl.warc"
    make_warc(path, 2)
    items = read(path)
    assert [type(item).__name__ for item in items] == ["Document", "Document"]
    assert [item.meta.url for item in items if isinstance(item, Document)] == [
        "https://example.org/0",
        "https://example.org/1",
    ]


def test_read_truncated_warc_keeps_records_before_the_cut(tmp_path):
    path = tmp_path / "cut.warc"
    make_warc(path, 3)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.8)])
    items = read(path)
    assert isinstance(items[0], Document)
    assert isinstance(items[-1], Reject) and items[-1].code == "E109"
