"""Spot-check fusion on FA-KES: how many events, reports per event, and a seeded sample.

    python bench/fakes_clusters.py --db /tmp/h13/fakes.db [--refuse] [--run] [--sample 20]
                                   [--seed 13] [--jsonl bench/out/fakes.jsonl]

`--run` runs the whole pipeline over the JSONL into the db first (`eventwire run`, which
stores and fuses; minutes). `--refuse` copies the db, empties the event tables of the copy
and fuses it again with the current code (seconds), so rule changes can be compared on one
extraction. Then it prints the number of events, the distribution of reporting articles per
event, and `--sample` random events with at least two articles (seeded), each with its
members' dates, places, outlets and sentences, for a person to judge. The last line
printed is JSON. FA-KES text is printed to the terminal only; never copy it into the repo.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select

from eventwire.fuse import fuse
from eventwire.store import Store, schema

BUCKETS = ((1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (10, 19), (20, 10**9))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/h13/fakes.db"))
    parser.add_argument("--jsonl", type=Path, default=Path("bench/out/fakes.jsonl"))
    parser.add_argument("--run", action="store_true", help="run the pipeline into --db first")
    parser.add_argument("--refuse", action="store_true", help="re-fuse a copy of --db")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    return parser.parse_args()


def run_pipeline(jsonl: Path, db: Path) -> None:
    command = ["eventwire", "run", str(jsonl), "--db", f"sqlite:///{db}"]
    subprocess.run(command, check=False)


def refuse(db: Path) -> Path:
    """A copy of `db` with its events rebuilt by the current fusion code."""
    copy = Path(tempfile.mkdtemp(prefix="fakes-")) / "fused.db"
    shutil.copy(db, copy)
    with Store.open(f"sqlite:///{copy}") as store, store.engine.begin() as connection:
        for table in (schema.event_claims, schema.event_mentions, schema.events):
            connection.execute(delete(table))
    with Store.open(f"sqlite:///{copy}") as store:
        print("fuse:", fuse(store).counts(), file=sys.stderr)
    return copy


def load(db: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, Any]]]:
    """Members of every event (mention rows), and the articles they come from."""
    mentions, links, articles = schema.mentions, schema.event_mentions, schema.articles
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with Store.open(f"sqlite:///{db}") as store, store.engine.connect() as connection:
        joined = mentions.join(links, links.c.mention_id == mentions.c.mention_id)
        query = select(links.c.event_id, links.c.rule, mentions).select_from(joined)
        for row in connection.execute(query).mappings():
            members[row["event_id"]].append(dict(row))
        columns = (articles.c.article_id, articles.c.outlet, articles.c.published)
        found = {
            row["article_id"]: dict(row) for row in connection.execute(select(*columns)).mappings()
        }
    return members, found


def distribution(members: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    sizes = Counter(len({m["article_id"] for m in rows}) for rows in members.values())
    result = {}
    for low, high in BUCKETS:
        label = str(low) if low == high else (f"{low}-{high}" if high < 10**9 else f"{low}+")
        result[label] = sum(count for size, count in sizes.items() if low <= size <= high)
    return result


def place_of(row: dict[str, Any]) -> str:
    place = row.get("place") or {}
    if not isinstance(place, dict) or not place.get("location"):
        return "-"
    return f"{place['location']} ({place.get('admin1') or '?'}, p{place.get('geo_precision')})"


def show(event_id: str, rows: list[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> None:
    count = len({row["article_id"] for row in rows})
    print(f"\n=== event {event_id[:12]}  articles {count}  mentions {len(rows)}")
    for row in sorted(rows, key=lambda r: (r["article_id"], r["start"])):
        article = articles.get(row["article_id"], {})
        print(
            f"  [{row['article_id'][:8]} {article.get('outlet')} pub {article.get('published')}]"
            f" {row['event_date']}..{row['date_end']} p{row['time_precision']}"
            f" | {place_of(row)} | {row['sub_event_type']} {row['score']:.2f} {row['rule']}"
        )
        print(f"      {str(row['sentence'])[:300]}")


def main() -> int:
    args = parse()
    if args.run:
        run_pipeline(args.jsonl, args.db)
    db = refuse(args.db) if args.refuse else args.db
    members, articles = load(db)
    multi = sorted(e for e, rows in members.items() if len({r["article_id"] for r in rows}) >= 2)
    sample = random.Random(args.seed).sample(multi, min(args.sample, len(multi)))
    for event_id in sample:
        show(event_id, members[event_id], articles)
    summary = {"events": len(members), "multi_article_events": len(multi),
               "articles_per_event": distribution(members), "sampled": len(sample),
               "seed": args.seed, "db": str(db)}  # fmt: skip
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
