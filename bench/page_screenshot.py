"""The web page over the seeds, checked in a real browser, and a screenshot of it.

    python bench/page_screenshot.py [INPUT ...] [--out bench/out/page_seeds.png] [--db URL]

Builds a store from the inputs (default ../shared/seeds; skips with a message when they are
absent), serves it with uvicorn on a free loopback port, opens the page in Debian's chromium
(headless; every request that is not to the loopback server is refused and counted), checks
that the al-Qusayr marker sits near 34.51N 36.58E, opens it, checks that the panel shows
Prensa Latina's figures next to Syrian state television's, and writes the screenshot.
Needs the `playwright` package and /usr/bin/chromium (`apt-get install -y chromium`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from eventwire import api
from eventwire.web import create_app
from eventwire.web.running import running

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
QUSAYR = (34.51, 36.58)  # the town, from general knowledge; markers within 0.1 degree match
NEAR = 0.1

MARKERS_JS = """() => [...document.querySelectorAll('path.event-marker')].map((el) => {
  const box = el.getBoundingClientRect();
  return {id: el.dataset.eventId, lat: +el.dataset.lat, lon: +el.dataset.lon,
          x: box.left + box.width / 2, y: box.top + box.height / 2};
})"""
PROJECT_JS = """([lat, lon]) => {
  const point = window.eventwire.map.latLngToContainerPoint([lat, lon]);
  const box = document.getElementById('map').getBoundingClientRect();
  return [box.left + point.x, box.top + point.y];
}"""
# a point of the marker that the marker itself receives (a smaller one may lie on top)
VISIBLE_POINT_JS = """(id) => {
  const el = document.querySelector(`path.event-marker[data-event-id="${id}"]`);
  const box = el.getBoundingClientRect();
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  for (let d = 0; d < box.width / 2; d += 1) {
    for (let a = 0; a < 360; a += 20) {
      const x = cx + d * Math.cos(a * Math.PI / 180), y = cy + d * Math.sin(a * Math.PI / 180);
      if (document.elementFromPoint(x, y) === el) return [x, y];
    }
  }
  return null;
}"""
SOURCES_JS = "(id) => window.eventwire.state.events.find((e) => e.event_id === id).source_count"
PANEL_JS = """() => [...document.querySelectorAll('#event-panel .outlet-column')].map((column) => ({
  outlet: column.dataset.outlet,
  claimants: [...column.querySelectorAll('.claimant')].map((block) => ({
    name: block.dataset.claimant,
    figures: [...block.querySelectorAll('.claim.figure .claim-text')].map((q) => q.textContent),
  })),
}))"""


def build_store(inputs: list[str], folder: Path) -> str:
    url = f"sqlite:///{folder / 'page.db'}"
    summary = api.run_paths(inputs, url)
    print(f"store: {summary}", file=sys.stderr)
    return url


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


def open_page(browser: Any, base: str, refused: list[str], width: int, height: int) -> Any:
    page = browser.new_page(viewport={"width": width, "height": height})
    local = urlsplit(base).netloc

    def guard(route: Any) -> None:
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    began = time.perf_counter()
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready='true']", timeout=30_000)
    page.wait_for_selector("#timeline-svg g.bar", state="attached")
    print(f"page ready in {time.perf_counter() - began:.2f} s", file=sys.stderr)
    return page


def qusayr_marker(page: Any) -> str:
    """The id of the best-sourced marker near al-Qusayr, after checking its screen place."""
    near = [
        marker
        for marker in page.evaluate(MARKERS_JS)
        if abs(marker["lat"] - QUSAYR[0]) < NEAR and abs(marker["lon"] - QUSAYR[1]) < NEAR
    ]
    if not near:
        raise SystemExit(f"no marker within {NEAR} degree of {QUSAYR}")
    x, y = page.evaluate(PROJECT_JS, list(QUSAYR))
    edge_x, edge_y = page.evaluate(PROJECT_JS, [QUSAYR[0] + NEAR, QUSAYR[1] + NEAR])
    tolerance = max(abs(edge_x - x), abs(edge_y - y))
    for marker in near:
        off = max(abs(marker["x"] - x), abs(marker["y"] - y))
        where = f"{marker['lat']}, {marker['lon']}"
        note = f"{off:.1f} px from 34.51N 36.58E (tolerance {tolerance:.1f} px)"
        print(f"marker {marker['id']} at {where}: {note}", file=sys.stderr)
        if off > tolerance:
            raise SystemExit("the al-Qusayr marker is not where it should be")
    best: str = max(near, key=lambda marker: page.evaluate(SOURCES_JS, marker["id"]))["id"]
    return best


def open_event(page: Any, event_id: str) -> list[dict[str, Any]]:
    point = page.evaluate(VISIBLE_POINT_JS, event_id)
    if point is None:
        raise SystemExit(f"marker {event_id} is hidden under others")
    page.mouse.click(*point)
    page.wait_for_selector(f"#event-panel[data-state='open'][data-event-id='{event_id}']")
    page.mouse.move(1, 1)  # no hover tooltip in the picture
    columns: list[dict[str, Any]] = page.evaluate(PANEL_JS)
    return columns


def check_claims(columns: list[dict[str, Any]]) -> None:
    """Prensa Latina's figures and Syrian state television's are both in the panel."""
    outlets = {column["outlet"]: column for column in columns}
    for column in columns:
        for claimant in column["claimants"]:
            line = f"{column['outlet']} | {claimant['name']}: {claimant['figures']}"
            print(f"  {line}", file=sys.stderr)
    latina = outlets.get("Prensa Latina")
    if latina is None or not any(block["figures"] for block in latina["claimants"]):
        raise SystemExit("no Prensa Latina figure in the panel")
    state_tv = [
        block
        for column in columns
        for block in column["claimants"]
        if "state television" in block["name"].lower() and block["figures"]
    ]
    if not state_tv:
        raise SystemExit("no figure from Syrian state television in the panel")


def main() -> int:
    parser = argparse.ArgumentParser(description="Screenshot of the page over the seeds.")
    parser.add_argument("inputs", nargs="*", default=[str(SEEDS)])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "page_seeds.png")
    parser.add_argument("--db", help="serve this store as it is instead of building one")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    missing = [path for path in args.inputs if not Path(path).exists()]
    if missing and not args.db:
        print(f"skipped: no inputs at {', '.join(missing)}", file=sys.stderr)
        return 0
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skipped: the playwright package is not installed", file=sys.stderr)
        return 0
    if not CHROMIUM.exists():
        print(f"skipped: no {CHROMIUM} (apt-get install -y chromium)", file=sys.stderr)
        return 0
    refused: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or build_store(args.inputs, Path(folder))
        with running(create_app(url)) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                page = open_page(browser, base, refused, args.width, args.height)
                check_claims(open_event(page, qusayr_marker(page)))
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.wait_for_timeout(1500)  # let a loaded machine finish painting
                page.screenshot(path=str(args.out))
            finally:
                browser.close()
    if refused:
        raise SystemExit(f"the page tried to reach outside: {refused}")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes); no request left the machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
