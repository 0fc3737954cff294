"""Latency of the HTTP API: filtered events pages over a store of synthetic events.

Builds (once) a SQLite store of N made-up events, each reported by one of 20 made-up
outlets, by inserting rows straight into the store's tables; starts `eventwire.web.serve`
with uvicorn on a free loopback port in a subprocess; sends a bounded number of requests
per scenario with httpx from this process (one keep-alive connection, one request at a
time); prints p50/p95/p99 per scenario and overall; stops the server.

    python bench/api_latency.py [--events 100000] [--requests 100] [--index] [--rebuild]

`--index` adds to the synthetic store the indexes listed in EXTRA_INDEXES (not in the
migrations) so their effect can be measured.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import islice
from pathlib import Path

import httpx
from sqlalchemy import Connection, Table, text

from eventwire.store import Store, schema

OUT = Path(__file__).parent / "out"
RUN_ID = "bench-run"
OUTLETS = [f"Outlet {n:02d}" for n in range(20)]
COUNTRIES = [  # iso3, name, admin1 names, (south, west, north, east)
    ("SYR", "Syria", ["Aleppo", "Homs", "Idlib", "Damascus", "Daraa"], (32.5, 35.8, 37.2, 42.0)),
    ("IRQ", "Iraq", ["Nineveh", "Anbar", "Baghdad", "Basra"], (29.2, 38.9, 37.3, 48.5)),
    ("YEM", "Yemen", ["Sanaa", "Taiz", "Aden", "Marib"], (12.6, 42.6, 19.0, 53.1)),
    ("LBY", "Libya", ["Tripoli", "Benghazi", "Misrata"], (19.5, 9.4, 33.2, 25.1)),
    ("AFG", "Afghanistan", ["Kabul", "Helmand", "Kandahar"], (29.4, 60.5, 38.5, 74.9)),
    ("SOM", "Somalia", ["Banadir", "Lower Shabelle", "Bay"], (-1.7, 41.0, 12.0, 51.4)),
    ("MLI", "Mali", ["Gao", "Mopti", "Timbuktu"], (10.1, -12.2, 25.0, 4.3)),
    ("NGA", "Nigeria", ["Borno", "Yobe", "Adamawa", "Zamfara"], (4.3, 2.7, 13.9, 14.7)),
    ("UKR", "Ukraine", ["Donetsk", "Luhansk", "Kharkiv"], (44.4, 22.1, 52.4, 40.2)),
    ("COD", "Democratic Republic of Congo", ["North Kivu", "Ituri"], (-13.5, 12.2, 5.4, 31.3)),
]
TYPES = [  # disorder type, event type, sub-event type
    ("Political violence", "Battles", "Armed clash"),
    ("Political violence", "Battles", "Government regains territory"),
    ("Political violence", "Battles", "Non-state actor overtakes territory"),
    ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Demonstrations", "Protests", "Peaceful protest"),
    ("Strategic developments", "Strategic developments", "Looting/property destruction"),
]
ACTORS = ["Military Forces of {c}", "Rebel Group A ({c})", "Islamic State ({c})",
          "Unidentified Armed Group ({c})", "Civilians ({c})", "Police Forces of {c}"]  # fmt: skip
EXTRA_INDEXES = {
    "ix_events_iso3_date": "CREATE INDEX IF NOT EXISTS ix_events_iso3_date "
    "ON events (iso3, event_date)",
    "ix_events_date_span": "CREATE INDEX IF NOT EXISTS ix_events_date_span "
    "ON events (event_date, date_end)",
}
Params = dict[str, str | int]
SCENARIOS: dict[str, Params] = {
    "country+year": {"country": "SYR", "since": "2016-01-01", "until": "2016-12-31"},
    "type+min_sources": {"event_type": "Battles", "min_sources": 3},
    "bbox+desc": {"bbox": "36.0,35.0,38.0,37.0", "sort": "-date"},
    "country+admin1": {"country": "IRQ", "admin1": "Anbar"},
    "actor": {"actor": "islamic state", "since": "2019-01-01"},
    "outlet+month": {"outlet": "Outlet 07", "since": "2018-03-01", "until": "2018-03-31"},
    "all, offset 5000": {"offset": 5000},
}
BATCH = 5000


def synthetic_events(count: int, seed: int = 7) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    start = date(2012, 1, 1)
    for n in range(count):
        iso3, country, admin1s, (south, west, north, east) = rng.choice(COUNTRIES)
        disorder, event_type, sub_event_type = rng.choice(TYPES)
        day = (start + timedelta(days=rng.randrange(3650))).isoformat()
        actor1, actor2 = (name.format(c=country) for name in rng.sample(ACTORS, 2))
        sources = min(5, 1 + int(rng.expovariate(1.0)))
        low = rng.randrange(0, 40)
        yield {
            "event_id": f"{n:016x}", "founded_by": f"m{n:015x}", "event_date": day,
            "date_end": day, "time_precision": 1, "disorder_type": disorder,
            "event_type": event_type, "sub_event_type": sub_event_type,
            "actor1": actor1, "actor2": actor2, "inter1": 1, "inter2": 2, "interaction": 12,
            "country": country, "iso3": iso3, "admin1": rng.choice(admin1s),
            "location": f"Place {n % 5000}", "latitude": round(rng.uniform(south, north), 4),
            "longitude": round(rng.uniform(west, east), 4), "geo_precision": 1,
            "geonameid": 900000 + n % 5000, "fatalities": low, "fatalities_low": low,
            "fatalities_best": low, "fatalities_high": low + rng.randrange(0, 20),
            "source_count": sources, "independent_source_count": sources,
            "report_count": 1, "attributed": True, "sources": [OUTLETS[n % len(OUTLETS)]],
            "notes": "A synthetic event.", "stage": "bench.synthetic",
            "claims": [{"claim_id": f"c{n:015x}", "kind": "killed", "low": low,
                        "high": low, "text": str(low), "outlet": OUTLETS[n % len(OUTLETS)]}],
            "reports": [{"article_id": article_id(n), "outlet": OUTLETS[n % len(OUTLETS)],
                         "sentence": "A made-up sentence.", "span": [0, 19],
                         "mention_id": f"m{n:015x}"}],
        }  # fmt: skip


def article_id(n: int) -> str:
    return f"a{n % len(OUTLETS):015x}"


def sources_rows() -> dict[Table, list[dict[str, object]]]:
    """One run, and one document and article per outlet, for the mentions to point at."""
    run: dict[str, object] = {"run_id": RUN_ID, "started": "2026-01-01T00:00:00",
                              "version": "bench", "settings": {}}  # fmt: skip
    documents: list[dict[str, object]] = []
    articles: list[dict[str, object]] = []
    for n, outlet in enumerate(OUTLETS):
        doc_id = f"d{n:015x}"
        documents.append({"doc_id": doc_id, "source": outlet, "kind": "txt", "encoding": "utf-8",
                          "size": 1, "raw": b"x", "text": "x", "first_run": RUN_ID})  # fmt: skip
        articles.append({"article_id": article_id(n), "document": doc_id, "ordinal": 0,
                         "outlet": outlet, "credits": [outlet], "text": "x", "span_start": 0,
                         "span_end": 1, "stage": "bench"})  # fmt: skip
    return {schema.runs: [run], schema.documents: documents, schema.articles: articles}


def mention_rows(event: dict[str, object]) -> tuple[dict[str, object], dict[str, object]]:
    report = event["reports"][0]  # type: ignore[index]
    mention = {"mention_id": report["mention_id"], "article_id": report["article_id"],
               "start": 0, "end": 19, "sentence": report["sentence"], "label": "X",
               "disorder_type": event["disorder_type"], "event_type": event["event_type"],
               "sub_event_type": event["sub_event_type"], "score": 0.9,
               "event_date": event["event_date"], "actors": [], "relays": [],
               "alleged": False, "outlet": report["outlet"], "stage": "bench"}  # fmt: skip
    link = {"mention_id": report["mention_id"], "event_id": event["event_id"], "score": 1.0,
            "rule": "bench", "stage": "bench"}  # fmt: skip
    return mention, link


def build_store(path: Path, count: int) -> None:
    path.unlink(missing_ok=True)
    with Store.open(f"sqlite:///{path}") as store, store.engine.begin() as connection:
        for table, rows in sources_rows().items():
            connection.execute(table.insert(), rows)
        events = synthetic_events(count)
        while batch := list(islice(events, BATCH)):
            insert_events(connection, batch)


def insert_events(connection: Connection, batch: list[dict[str, object]]) -> None:
    connection.execute(schema.events.insert(), batch)
    pairs = [mention_rows(event) for event in batch]
    connection.execute(schema.mentions.insert(), [mention for mention, _link in pairs])
    connection.execute(schema.event_mentions.insert(), [link for _mention, link in pairs])


def add_indexes(path: Path) -> None:
    with Store.open(f"sqlite:///{path}") as store, store.engine.begin() as connection:
        for statement in EXTRA_INDEXES.values():
            connection.execute(text(statement))
        connection.execute(text("ANALYZE"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    code = f"from eventwire.web import serve; serve({url!r}, '127.0.0.1', {port}, False)"
    return subprocess.Popen([sys.executable, "-c", code])


def wait_ready(client: httpx.Client, server: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}")
        try:
            if client.get("/events", params={"limit": 1}).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("server did not answer in time")


def measure(client: httpx.Client, params: Params, count: int) -> list[float]:
    """Milliseconds per request (after two warm-up requests); checks each answer."""
    query: Params = {"limit": 50, **params}
    for _warm in range(2):
        client.get("/events", params=query).raise_for_status()
    found = []
    for _n in range(count):
        began = time.perf_counter()
        response = client.get("/events", params=query)
        found.append((time.perf_counter() - began) * 1000)
        response.raise_for_status()
    return found


def percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {cuts[49]:6.1f}  p95 {cuts[94]:6.1f}  p99 {cuts[98]:6.1f} ms"


def run(url: str, count: int) -> None:
    port = free_port()
    server = start_server(url, port)
    every: list[float] = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            wait_ready(client, server, timeout=60)
            for name, params in SCENARIOS.items():
                found = measure(client, params, count)
                rows = len(client.get("/events", params={"limit": 50, **params}).json()["events"])
                print(f"{name:18} {rows:3} rows  {percentiles(found)}")
                every += found
        print(f"{'all':18} {len(every):3} reqs  {percentiles(every)}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100, help="per scenario")
    parser.add_argument("--index", action="store_true", help="add EXTRA_INDEXES first")
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"api_{options.events}{'_indexed' if options.index else ''}.sqlite"
    if options.rebuild or not path.exists():
        began = time.perf_counter()
        build_store(path, options.events)
        print(f"built {path} ({options.events} events) in {time.perf_counter() - began:.1f} s")
    if options.index:
        add_indexes(path)
    run(f"sqlite:///{path}", options.requests)


if __name__ == "__main__":
    main()
