"""Toponym recognition with spaCy's small model, without and with the gazetteer ruler.

    python bench/geocode_ruler.py [--data ../shared/data/geo] [--seeds ../shared/seeds]

For LGL and TR-News: precision, recall and F1 of spaCy's GPE/LOC/FAC entities against
every gold toponym span (exact offsets; "overlap" counts a gold toponym found when an
entity overlaps it). For the seed documents: how many mentions of al-Qusayr's spellings
are labelled as a place. Skips what is absent. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from eventwire.resources.gazetteer import Gazetteer
from eventwire.resources.models import load_spacy
from eventwire.stages.geocode import add_place_ruler

SHARED = Path(__file__).resolve().parents[2] / "shared"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUSAYR = re.compile(r"\b(?:al-)?(?:Qusayr|Qusseir|Qseir|Qusair)\b")

Spans = set[tuple[int, int]]


def gold_spans(path: Path) -> list[tuple[str, Spans]]:
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        spans = {
            (int(t.findtext("start") or 0), int(t.findtext("end") or 0))
            for t in article.iter("toponym")
        }
        articles.append((article.findtext("text") or "", spans))
    return articles


def found_spans(nlp: Any, texts: list[str]) -> list[Spans]:
    return [
        {(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS}
        for doc in nlp.pipe(texts, batch_size=16)
    ]


def prf(gold: list[Spans], found: list[Spans]) -> dict[str, float]:
    hits = sum(len(g & f) for g, f in zip(gold, found, strict=True))
    overlap = sum(
        sum(any(s < fe and fs < e for fs, fe in f) for s, e in g)
        for g, f in zip(gold, found, strict=True)
    )
    n_gold, n_found = sum(map(len, gold)), sum(map(len, found))
    p, r = hits / max(n_found, 1), hits / max(n_gold, 1)
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "recall_overlap": round(overlap / max(n_gold, 1), 3),
    }


def seed_counts(nlp: Any, seeds: Path) -> dict[str, int]:
    mentions = places = 0
    for path in sorted(seeds.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8", errors="replace"))
        for match in QUSAYR.finditer(doc.text):
            mentions += 1
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            places += bool(span and any(t.ent_type_ in PLACE_LABELS for t in span))
    return {"qusayr_mentions": mentions, "qusayr_as_place": places}


def measure(nlp: Any, data: Path, seeds: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for name in ("lgl.xml", "tr-news.xml"):
        if (data / name).exists():
            articles = gold_spans(data / name)
            started = time.perf_counter()
            found = found_spans(nlp, [text for text, _ in articles])
            figures[name] = prf([spans for _, spans in articles], found)
            figures[name]["seconds"] = round(time.perf_counter() - started, 1)
    if seeds.exists():
        figures["seeds"] = seed_counts(nlp, seeds)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "geo")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    args = parser.parse_args()
    nlp = load_spacy()
    results = {"spacy_sm": measure(nlp, args.data, args.seeds)}
    started = time.perf_counter()
    add_place_ruler(nlp, Gazetteer())
    results["ruler_setup_seconds"] = round(time.perf_counter() - started, 1)
    results["spacy_sm_with_ruler"] = measure(nlp, args.data, args.seeds)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
