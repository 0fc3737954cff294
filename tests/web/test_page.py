"""The page at `/`: served with its files, self-contained (nothing loaded from elsewhere),
vendored files as the manifest records them, and the optional tile URL setting."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import eventwire.web
from eventwire.cli import app as cli_app
from eventwire.web import create_app
from eventwire.web.app import STATIC

PAGE_FILES = [
    path
    for path in sorted(STATIC.rglob("*"))
    if path.suffix in (".html", ".js", ".css", ".json") and path.name != "manifest.json"
]
# URL-shaped strings that are no request: the SVG namespace (an XML identifier, never
# fetched) and the link in Leaflet's default attribution prefix (the page sets its own).
NOT_FETCHED = {"http://www.w3.org/2000/svg", "https://leafletjs.com"}
URL = re.compile(r"https?://[^\s\"'`)<>]*")
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
LINE_COMMENT = re.compile(r"^\s*//.*$", re.MULTILINE)  # whole-line comments only
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def test_page_served_at_root(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for anchor in ('id="map"', 'id="timeline"', 'id="event-panel"', 'id="framing"'):
        assert anchor in response.text


@pytest.mark.parametrize(
    ("path", "media"),
    [
        ("/static/app.css", "text/css"),
        ("/static/js/main.js", "javascript"),
        ("/static/vendor/leaflet/leaflet.js", "javascript"),
        ("/static/vendor/leaflet/leaflet.css", "text/css"),
        ("/static/vendor/leaflet/images/layers.png", "image/png"),
        ("/static/vendor/topojson-client/topojson-client.min.js", "javascript"),
        ("/static/vendor/world-atlas/countries-50m.json", "application/json"),
        ("/static/vendor/world-atlas/LICENSE.txt", "text/plain"),
    ],
)
def test_page_static_files_have_their_types(client: TestClient, path: str, media: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert media in response.headers["content-type"]


def test_page_every_file_it_names_is_served(client: TestClient) -> None:
    """The src/href of index.html, the modules the scripts import and the basemap."""
    html = client.get("/").text
    named = set(re.findall(r'(?:src|href)="(/static/[^"]+)"', html))
    for script in (STATIC / "js").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        named |= {f"/static/js/{name}" for name in re.findall(r'from "\./([\w.]+)"', text)}
        named |= set(re.findall(r'"(/static/[^"]+)"', text))
    assert "/static/js/panel.js" in named and "/static/vendor/leaflet/leaflet.js" in named
    missing = [path for path in sorted(named) if client.get(path).status_code != 200]
    assert missing == []


def test_page_missing_file_answers_the_json_error_shape(client: TestClient) -> None:
    response = client.get("/static/nope.js")
    assert response.status_code == 404
    assert response.json()["ok"] is False


def external_urls(text: str) -> set[str]:
    """URLs left once licence and other comments are cut out, less the ones never fetched."""
    for comment in (BLOCK_COMMENT, LINE_COMMENT, HTML_COMMENT):
        text = comment.sub("", text)
    return {url for url in URL.findall(text) if url not in NOT_FETCHED}


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda path: str(path.relative_to(STATIC)))
def test_page_files_reference_no_external_url(path: Path) -> None:
    assert external_urls(path.read_text(encoding="utf-8")) == set()


def test_page_url_check_sees_urls_outside_comments() -> None:
    code = '/* (c) https://a.example */\n// https://b.example\nload("https://c.example/x.js")'
    assert external_urls(code) == {"https://c.example/x.js"}


def test_page_replaces_leaflet_attribution_link() -> None:
    assert 'setPrefix("Leaflet")' in (STATIC / "js" / "map.js").read_text(encoding="utf-8")


def test_page_vendored_files_match_manifest() -> None:
    """What scripts/vendor_web.py wrote, byte for byte, licences included."""
    vendor = STATIC / "vendor"
    manifest = json.loads((vendor / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest) == {"leaflet", "topojson-client", "world-atlas"}
    for name, entry in manifest.items():
        assert f"{name}/LICENSE.txt" in entry["files"]
        for path, digest in entry["files"].items():
            assert hashlib.sha256((vendor / path).read_bytes()).hexdigest() == digest, path
    on_disk = {str(path.relative_to(vendor)) for path in vendor.rglob("*") if path.is_file()}
    listed = {path for entry in manifest.values() for path in entry["files"]}
    assert on_disk - listed == {"manifest.json"}


def test_page_config_has_no_tiles_by_default(client: TestClient) -> None:
    assert client.get("/config").json() == {
        "ok": True,
        "tiles": None,
        "version": eventwire.__version__,
    }


def test_page_config_passes_the_tile_template(tmp_path: Path) -> None:
    template = "https://tiles.invalid/{z}/{x}/{y}.png"
    with TestClient(create_app(f"sqlite:///{tmp_path / 'tiles.db'}", template)) as client:
        assert client.get("/config").json()["tiles"] == template


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        ([], {}, None),
        (["--tiles", "https://a.invalid/{z}/{x}/{y}.png"], {}, "https://a.invalid/{z}/{x}/{y}.png"),
        (
            [],
            {"EVENTWIRE_TILES": "https://b.invalid/{z}/{x}/{y}.png"},
            "https://b.invalid/{z}/{x}/{y}.png",
        ),
    ],
)
def test_page_serve_takes_tiles_option_or_env(
    monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str], expected: str | None
) -> None:
    seen: dict[str, object] = {}

    def fake_serve(db: str, host: str, port: int, tiles: str | None = None) -> None:
        seen.update(db=db, host=host, port=port, tiles=tiles)

    monkeypatch.setattr(eventwire.web, "serve", fake_serve)
    monkeypatch.delenv("EVENTWIRE_TILES", raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--db", "sqlite://", *args], env=env)
    assert result.exit_code == 0, result.output
    assert seen == {"db": "sqlite://", "host": "127.0.0.1", "port": 8000, "tiles": expected}
