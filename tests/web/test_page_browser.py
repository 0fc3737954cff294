"""The page in a real browser: Debian's chromium, headless, driven by Playwright, against a
uvicorn server on a free loopback port over the bundled demo articles (Tal Sousin, north of
Aleppo). Every request that is not to that server is refused, and the tests check none was
tried. A screenshot goes to $EVENTWIRE_SCREENSHOT_DIR, or to pytest's tmp dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from eventwire import api
from eventwire.web import create_app
from eventwire.web.running import running

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"no {CHROMIUM}: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ALEPPO = (36.20, 37.16)  # the city, from general knowledge; Tal Sousin lies a few km north

MARKER_JS = """(id) => {
  const el = document.querySelector(`path.event-marker[data-event-id="${id}"]`);
  if (!el) return null;
  const box = el.getBoundingClientRect();
  const point = window.eventwire.map.latLngToContainerPoint([+el.dataset.lat, +el.dataset.lon]);
  const map = document.getElementById('map').getBoundingClientRect();
  return {lat: +el.dataset.lat, lon: +el.dataset.lon, x: box.left + box.width / 2,
          y: box.top + box.height / 2, px: map.left + point.x, py: map.top + point.y};
}"""
PROJECT_JS = """([lat, lon]) => {
  const point = window.eventwire.map.latLngToContainerPoint([lat, lon]);
  const map = document.getElementById('map').getBoundingClientRect();
  return [map.left + point.x, map.top + point.y];
}"""
MARKER_IDS_JS = (
    "() => [...document.querySelectorAll('path.event-marker')].map((el) => el.dataset.eventId)"
)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('page') / 'demo.db'}"
    api.run_paths([str(api.demo_inputs())], url)
    return url


@pytest.fixture(scope="module")
def claims_by_text(demo_url: str) -> dict[str, dict[str, Any]]:
    """event -> {claim text: claim}, keyed by event id, from the store itself."""
    return {
        str(event["event_id"]): {claim["text"]: claim for claim in event["claims"]}
        for event in api.iter_table("events", demo_url)
    }


@pytest.fixture(scope="module")
def base_url(demo_url: str) -> Iterator[str]:
    with running(create_app(demo_url)) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Visit:
    """One page load; what it tried to reach elsewhere, and the script errors it raised."""

    def __init__(self, browser: Any, base: str) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.set_default_timeout(30_000)
        self.local = urlsplit(base).netloc
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.route("**/*", self.guard)
        self.page.goto(base + "/")
        self.page.wait_for_selector("body[data-ready='true']")

    def guard(self, route: Any) -> None:
        if urlsplit(route.request.url).netloc == self.local:
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()

    def markers(self) -> set[str]:
        return set(self.page.evaluate(MARKER_IDS_JS))

    def check_clean(self) -> None:
        assert self.refused == []
        assert self.errors == []


@pytest.fixture
def visit(browser: Any, base_url: str) -> Iterator[Visit]:
    opened = Visit(browser, base_url)
    yield opened
    opened.page.close()


def event_with(claims_by_text: dict[str, dict[str, Any]], text: str, outlet: str) -> str:
    found = [
        event_id
        for event_id, claims in claims_by_text.items()
        if text in claims and claims[text]["outlet"] == outlet
    ]
    assert len(found) == 1, (text, outlet)
    return found[0]


def screenshot_path(tmp_path: Path, name: str) -> Path:
    folder = Path(os.environ.get("EVENTWIRE_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def test_page_browser_places_tal_sousin_marker(
    visit: Visit, claims_by_text: dict[str, dict[str, Any]]
) -> None:
    event_id = event_with(claims_by_text, "dozens", "JNN")
    marker = visit.page.evaluate(MARKER_JS, event_id)
    assert marker is not None
    # the event was placed at Aleppo (near the village: geo precision 2) ...
    assert abs(marker["lat"] - ALEPPO[0]) < 0.1 and abs(marker["lon"] - ALEPPO[1]) < 0.1
    # ... and the marker is drawn where the map projects that point
    assert abs(marker["x"] - marker["px"]) < 2 and abs(marker["y"] - marker["py"]) < 2
    known_x, known_y = visit.page.evaluate(PROJECT_JS, list(ALEPPO))
    edge_x, _y = visit.page.evaluate(PROJECT_JS, [ALEPPO[0], ALEPPO[1] + 0.1])
    assert abs(marker["x"] - known_x) < abs(edge_x - known_x)
    assert abs(marker["y"] - known_y) < abs(edge_x - known_x)
    visit.check_clean()


def test_page_browser_panel_shows_both_outlets_claims(
    visit: Visit, claims_by_text: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    jnn = event_with(claims_by_text, "dozens", "JNN")
    latina = event_with(claims_by_text, "nearly 60", "Prensa Latina")
    visit.page.locator(f'path.event-marker[data-event-id="{jnn}"]').click()
    panel = visit.page.locator("#event-panel[data-state='open']")
    panel.wait_for()
    assert panel.get_attribute("data-event-id") == jnn
    # the two outlets' reports of the place (two events at one point) side by side
    jnn_column = panel.locator(f'[data-event-id="{jnn}"] .outlet-column[data-outlet="JNN"]')
    latina_column = panel.locator(
        f'[data-event-id="{latina}"] .outlet-column[data-outlet="Prensa Latina"]'
    )
    state_tv = jnn_column.locator(':scope > .claimant[data-claimant="Syrian state television"]')
    assert state_tv.locator(".claim.figure .claim-text").all_inner_texts() == ["dozens"]
    assert state_tv.locator(".claimant-type").inner_text().lower() == "media"
    military = latina_column.locator(':scope > .claimant[data-claimant="a military source"]')
    assert "nearly 60" in military.locator(".claim.figure .claim-text").all_inner_texts()
    assert military.locator(".claimant-type").inner_text().lower() == "anonymous"
    visit.page.mouse.move(1, 1)
    shot = screenshot_path(tmp_path, "page_demo.png")
    visit.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    visit.check_clean()


def test_page_browser_brush_filters_map_and_list(visit: Visit) -> None:
    visit.page.wait_for_selector("#timeline-svg g.bar", state="attached")
    every = visit.markers()
    rows = visit.page.locator("#event-list .event-row")
    total = rows.count()
    bar = visit.page.locator('#timeline-svg g.bar[data-date="2019-03-13"]').bounding_box()
    area = visit.page.locator("#timeline-brush").bounding_box()
    assert bar is not None and area is not None and len(every) >= 3
    middle = area["y"] + area["height"] / 2
    visit.page.mouse.move(bar["x"] + 1, middle)
    visit.page.mouse.down()
    visit.page.mouse.move(bar["x"] + bar["width"] / 2, middle, steps=5)
    visit.page.mouse.up()
    visit.page.locator("#clear-filter").wait_for()
    kept = visit.markers()
    assert kept and kept < every
    assert visit.page.locator("#range-label").inner_text() == "selected: 2019-03-13 to 2019-03-13"
    assert 0 < rows.count() < total
    assert set(rows.evaluate_all("(rows) => rows.map((row) => row.dataset.eventId)")) == kept
    visit.page.locator("#clear-filter").click()
    assert visit.markers() == every
    assert rows.count() == total
    visit.check_clean()


def test_page_browser_framing_table(visit: Visit) -> None:
    table = visit.page.locator("#framing-table")
    outlets = table.locator("thead th").all_inner_texts()[1:]
    assert {"JNN", "Prensa Latina"} <= set(outlets)
    loaded = table.locator(".label.loaded")
    assert loaded.count() >= 1
    visit.check_clean()


def test_page_browser_tile_option_adds_tile_layer(browser: Any, demo_url: str) -> None:
    """With a tile URL template the page asks for tiles there (refused here), else nowhere."""
    template = "http://tiles.invalid/{z}/{x}/{y}.png"
    with running(create_app(demo_url, template)) as base:
        online = Visit(browser, base)
        try:
            online.page.wait_for_selector(".leaflet-tile-pane img", state="attached")
            online.page.wait_for_timeout(500)
        finally:
            online.page.close()
    assert online.refused
    assert all(url.startswith("http://tiles.invalid/") for url in online.refused)
    assert online.errors == []


def test_page_browser_empty_store(browser: Any, tmp_path: Path) -> None:
    with running(create_app(f"sqlite:///{tmp_path / 'empty.db'}")) as base:
        empty = Visit(browser, base)
        try:
            assert empty.markers() == set()
            assert empty.page.locator("#event-list .event-row").count() == 0
            assert "no dated events" in empty.page.locator("#timeline").inner_text()
            assert "No labels recorded." in empty.page.locator("#framing").inner_text()
        finally:
            empty.page.close()
    empty.check_clean()
