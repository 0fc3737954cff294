"""A small fused store (three made-up reports of Tel Harun, one of Wadi Sahel, one reject)
and a TestClient over it, in SQLite and in PostgreSQL (skipped when no server can start)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.fuse import fuse
from eventwire.records import Parcel, Reject, content_id
from eventwire.store import Store
from eventwire.web import create_app
from tests.fuse.conftest import desert_wire, levant_post, parcel, state_radio
from tests.store.conftest import (
    create_pg_database,
    pg_socket_dir,  # noqa: F401  # the session's PostgreSQL server
)


def reject_parcel() -> Parcel:
    blob = Reject(content_id("inbox/blob.bin"), "inbox/blob.bin", "ingest", "E102", "binary")
    return Parcel(None, reject=blob)


def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'web.db'}"
    socket_dir: Path = request.getfixturevalue("pg_socket_dir")
    return create_pg_database(socket_dir, "web")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = new_database(request, Path(tmp_path_factory.mktemp("web")))
    with Store.open(url) as store:
        run_id = store.begin_run("test", {})
        parcels = [parcel(report()) for report in (desert_wire, state_radio, levant_post)]
        store.write_parcels([*parcels, reject_parcel()], run_id)
        fuse(store)
    return url


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url), raise_server_exceptions=False) as opened:
        yield opened
