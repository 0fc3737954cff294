"""Small hand-built parcels for the store tests: two made-up reports and two rejects."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eventwire.records import (
    Article,
    Document,
    DocumentMeta,
    Parcel,
    Reject,
    Removal,
    content_id,
)
from eventwire.store import Store

REPORT = (
    "Army retakes Tel Harun\n\n"
    "TEL HARUN, June 6 (Desert Wire) - Army units took full control of Tel Harun early "
    "Wednesday after three weeks of fighting, a military source said.\n\n"
    "Leave a comment\n\n"
    "Army units took full control of Tel Harun early Wednesday.\n"
)
SECOND = "Fighting near Wadi Sahel\n\nAt least 12 fighters were killed, a monitor said – «عاجل»\n"

ParcelFactory = Callable[[], list[Parcel]]


def make_document(text: str, source: str, url: str | None = None) -> Document:
    raw = text.encode("utf-8")
    meta = DocumentMeta(url=url, title=text.splitlines()[0], outlet="Desert Wire")
    return Document(content_id(raw), source, "txt", raw, text, "utf-8", meta)


def make_article(document: Document, ordinal: int, start: int, end: int) -> Article:
    comment = document.text.find("Leave a comment")
    removed: tuple[Removal, ...] = ()
    if comment >= 0:
        removed = (
            Removal("comment", "Leave a comment", comment, comment + 15, "clean.comments.v1"),
            Removal("duplicate", "Army units took", end, end + 15, "clean.duplicates.v1"),
        )
    return Article(
        article_id=content_id(document.doc_id, str(ordinal)),
        document=document.doc_id,
        ordinal=ordinal,
        text=document.text[start:end],
        span_in_document=(start, end),
        url=document.meta.url,
        outlet="Desert Wire",
        credits=("Desert Wire", "agencies"),
        title=document.text.splitlines()[0],
        title_from="first_line",
        published="2013-06-06",
        dateline_place="TEL HARUN",
        removed=removed,
        stage="split.articles.v1",
    )


def build_parcels() -> list[Parcel]:
    report = make_document(REPORT, "inbox/report.txt", url="https://example.org/a")
    second = make_document(SECOND, "inbox/second.txt")
    noise = make_document("Share this\n", "inbox/share.txt")
    unread = Reject(content_id("inbox/blob.bin"), "inbox/blob.bin", "ingest", "E102", "binary")
    empty = Reject(noise.doc_id, noise.source, "split.articles.v1", "E201", "only boilerplate")
    return [
        Parcel(report, articles=(make_article(report, 0, 0, 150),)),
        Parcel(second, articles=(make_article(second, 0, 0, len(SECOND)),)),
        Parcel(None, reject=unread),
        Parcel(noise, reject=empty),
    ]


@pytest.fixture
def parcels() -> ParcelFactory:
    return build_parcels


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/eventwire.db"


@pytest.fixture(scope="session")
def pg_socket_dir() -> Iterator[Path]:
    """A throwaway PostgreSQL server on a unix socket, for the whole test session."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("initdb/pg_ctl not on PATH: no local PostgreSQL server to test against")
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install eventwire[pg])")
    root = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    as_user = run_as_unprivileged(root)
    data, options = root / "data", f"-k {root} -c listen_addresses='' -c fsync=off"
    try:
        run([*as_user, initdb, "-D", str(data), "-U", "eventwire", "--auth=trust", "--no-sync"])
        run(
            [
                *as_user,
                pg_ctl,
                "-D",
                str(data),
                "-l",
                str(root / "log"),
                "-w",
                "-o",
                options,
                "start",
            ]
        )
        yield root
        run([*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"])
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_as_unprivileged(root: Path) -> list[str]:
    """PostgreSQL refuses to run as root: then run it as `nobody`, owning its directory."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL unprivileged")
    nobody = pwd.getpwnam("nobody")
    os.chown(root, nobody.pw_uid, nobody.pw_gid)
    return [runuser, "-u", "nobody", "--"]


def run(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def create_pg_database(socket_dir: Path, prefix: str = "t") -> str:
    """A fresh, empty database on the throwaway server; returns its URL."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(
        host=str(socket_dir), user="eventwire", dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://eventwire@/{name}?host={socket_dir}"


@pytest.fixture
def pg_url(pg_socket_dir: Path) -> str:
    """A fresh, empty database on the throwaway server."""
    return create_pg_database(pg_socket_dir)


@pytest.fixture(params=["sqlite_url", "pg_url"], ids=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest) -> str:
    """The same tests against both backends."""
    return str(request.getfixturevalue(request.param))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened
