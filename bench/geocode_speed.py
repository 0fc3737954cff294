"""Toponym resolution speed and memory on one core.

    python bench/geocode_speed.py [--gold ../shared/data/geo/lgl.xml] [--rounds 3]
    python bench/geocode_speed.py --build      # also time a fresh gazetteer build

Resolves every gold toponym of the LGL file with its article as context (or, when the
file is absent, synthetic documents naming gazetteer towns), with the gazetteer opened
lazily by the first query. Prints toponyms/s per wall-clock second for the first round
(cold: includes opening the file) and the best round, and per CPU second of this process
(what one core does when the machine is shared); peak memory (max RSS), and the
gazetteer's size and build time. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from eventwire.evaluate.geo import GoldArticle, GoldToponym, read_geo_xml
from eventwire.resources.gazetteer import Gazetteer, build_gazetteer, default_gazetteer_path
from eventwire.stages.geocode import Toponym, resolve_document

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo" / "lgl.xml"


def synthetic_articles(path: Path, count: int = 600) -> list[GoldArticle]:
    """Made-up documents: 'Clashes in A and B, near C.' with random gazetteer towns."""
    with sqlite3.connect(path) as db:
        names = [
            r[0]
            for r in db.execute(
                "SELECT name FROM places WHERE feature = 'city' ORDER BY id LIMIT 20000"
            )
        ]
    rng = random.Random(5)
    articles = []
    for _ in range(count):
        picked = rng.sample(names, 8)
        text = f"Clashes in {picked[0]} and {picked[1]}, near {picked[2]}. " + ", ".join(picked[3:])
        toponyms = tuple(
            GoldToponym(n, text.index(n), text.index(n) + len(n), 0.0, 0.0) for n in picked
        )
        articles.append(GoldArticle(text, toponyms))
    return articles


def resolve_all(gazetteer: Gazetteer, articles: list[GoldArticle]) -> int:
    count = 0
    for article in articles:
        toponyms = [Toponym(t.name, t.start, t.end) for t in article.toponyms]
        count += len(resolve_document(gazetteer, article.text, toponyms))
    return count


def timed_build() -> float:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        build_gazetteer(Path(folder) / "g.sqlite")
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--build", action="store_true", help="also time a fresh build")
    args = parser.parse_args()
    path = default_gazetteer_path()
    if not path.exists():
        build_gazetteer(path)
    articles = list(read_geo_xml(args.gold)) if args.gold.exists() else synthetic_articles(path)
    figures: dict[str, float | int | str] = {
        "workload": str(args.gold.name) if args.gold.exists() else "synthetic"
    }
    rates, cpu_rates = [], []
    for _ in range(args.rounds):
        gazetteer = Gazetteer(path)  # opened lazily, caches empty: each round starts cold
        started, cpu_started = time.perf_counter(), time.process_time()
        count = resolve_all(gazetteer, articles)
        rates.append(count / (time.perf_counter() - started))
        cpu_rates.append(count / (time.process_time() - cpu_started))
        gazetteer.close()
    figures.update(
        {
            "toponyms": count,
            "toponyms_per_s_first": round(rates[0]),
            "toponyms_per_s_best": round(max(rates)),
            "toponyms_per_cpu_s_best": round(max(cpu_rates)),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "gazetteer_mb": round(path.stat().st_size / 2**20, 1),
        }
    )
    if args.build:
        figures["build_seconds"] = round(timed_build(), 1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
