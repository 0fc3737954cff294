"""Toponym resolution on gold toponyms: LGL / TR-News (`geo-xml`) and GeoVirus.

Each gold toponym (its phrase and span, with the article text as context) is resolved
by `resolve_document`; the gold coordinates are never shown to the resolver. Metrics as
in Gritta et al., "A pragmatic guide to geoparsing evaluation" (2019): accuracy@161 km,
mean and median error in km, and AUC (area under the sorted log-error curve, 0 best).

Convention: a toponym left unresolved counts as an error of 20,039 km (half the
equator, the largest possible) in every metric, and is also counted on its own.
Gold toponyms without coordinates are skipped (they can't be scored).
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from eventwire.errors import Code, EventwireError
from eventwire.evaluate.result import EvalResult
from eventwire.resources.gazetteer import Gazetteer
from eventwire.stages.geocode import Toponym, resolve_document

__all__ = [
    "GoldArticle",
    "GoldToponym",
    "auc",
    "evaluate_geo_xml",
    "evaluate_geovirus",
    "haversine_km",
    "read_geo_xml",
    "read_geovirus",
    "score_errors",
]

MAX_ERROR_KM = 20039.0
ACCURACY_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    name: str
    start: int
    end: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def auc(errors: list[float]) -> float:
    """Gritta et al.'s AUC: mean height of the sorted ln(1 + error) curve, scaled by
    ln(MAX_ERROR_KM), trapezoid rule over an x axis scaled to [0, 1]."""
    points = sorted(math.log(1 + e) for e in errors)
    if len(points) < 2:
        return points[0] / math.log(MAX_ERROR_KM) if points else 0.0
    area = sum((a + b) / 2 for a, b in pairwise(points))
    return area / (len(points) - 1) / math.log(MAX_ERROR_KM)


def score_errors(errors: list[float | None]) -> dict[str, float | int | str]:
    """Metrics over per-toponym errors; `None` marks an unresolved toponym."""
    filled = [MAX_ERROR_KM if e is None else e for e in errors]
    resolved = [e for e in errors if e is not None]
    if not filled:
        return {"toponyms": 0}
    return {
        "toponyms": len(filled),
        "unresolved": len(filled) - len(resolved),
        "accuracy_161km": round(sum(e <= ACCURACY_KM for e in filled) / len(filled), 4),
        "mean_error_km": round(statistics.fmean(filled), 1),
        "median_error_km": round(statistics.median(filled), 1),
        "auc": round(auc(filled), 4),
        "accuracy_161km_resolved": round(sum(e <= ACCURACY_KM for e in resolved) / len(resolved), 4)
        if resolved
        else 0.0,
        "unresolved_convention": f"unresolved = {MAX_ERROR_KM:.0f} km error",
    }


# --- readers ---------------------------------------------------------------------------


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    return float(node.text)


def _int(node: ET.Element | None) -> int:
    return int(node.text) if node is not None and node.text else 0


def _gold(
    name: str | None,
    start: ET.Element | None,
    end: ET.Element | None,
    lat: float | None,
    lon: float | None,
) -> GoldToponym | None:
    if not name or lat is None or lon is None:
        return None
    return GoldToponym(name, _int(start), _int(end), lat, lon)


def read_geo_xml(path: Path) -> Iterator[GoldArticle]:
    """LGL / TR-News: <article><text/><toponyms><toponym><phrase/><gaztag><lat/><lon/>."""
    return _read_articles(path, "toponym", "phrase", "gaztag/lat", "gaztag/lon")


def read_geovirus(path: Path) -> Iterator[GoldArticle]:
    """GeoVirus: <article><text/><locations><location><name/><start/><end/><lat/><lon/>."""
    return _read_articles(path, "location", "name", "lat", "lon")


def _read_articles(path: Path, item: str, name: str, lat: str, lon: str) -> Iterator[GoldArticle]:
    """Articles with their gold toponyms; the tag names are the format's."""
    for article in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for node in article.iter(item):
            gold = _gold(
                node.findtext(name),
                node.find("start"),
                node.find("end"),
                _float(node.find(lat)),
                _float(node.find(lon)),
            )
            if gold is not None:
                toponyms.append(gold)
        yield GoldArticle(article.findtext("text") or "", tuple(toponyms))


# --- tasks -----------------------------------------------------------------------------


def resolution_errors(gazetteer: Gazetteer, articles: list[GoldArticle]) -> list[float | None]:
    """Error in km of each gold toponym's resolution (None when unresolved)."""
    errors: list[float | None] = []
    for article in articles:
        toponyms = [Toponym(t.name, t.start, t.end) for t in article.toponyms]
        for gold, res in zip(
            article.toponyms, resolve_document(gazetteer, article.text, toponyms), strict=True
        ):
            place = res.place
            errors.append(
                None if place is None else haversine_km(gold.lat, gold.lon, place.lat, place.lon)
            )
    return errors


def _evaluate(task: str, articles: list[GoldArticle], gazetteer: Gazetteer | None) -> EvalResult:
    gazetteer = gazetteer or Gazetteer()
    gazetteer.candidates("warm up")  # open (and build if needed) outside the timing
    started = time.perf_counter()
    errors = resolution_errors(gazetteer, articles)
    seconds = time.perf_counter() - started
    metrics = score_errors(errors)
    metrics["articles"] = len(articles)
    metrics["toponyms_per_second"] = round(len(errors) / seconds) if seconds else 0
    summary = (
        f"{task}: {metrics['toponyms']} gold toponyms in {len(articles)} articles",
        f"accuracy@161km {metrics['accuracy_161km']}, mean {metrics['mean_error_km']} km, "
        f"median {metrics['median_error_km']} km, AUC {metrics['auc']}",
        f"unresolved {metrics['unresolved']} (counted as {MAX_ERROR_KM:.0f} km errors)",
    )
    return EvalResult(task, metrics, summary)


def _articles(reader: Iterator[GoldArticle], gold: Path) -> list[GoldArticle]:
    try:
        return list(reader)
    except (ET.ParseError, ValueError) as err:
        raise EventwireError(Code.UNREADABLE, detail=f"{gold}: {err}") from err


def evaluate_geo_xml(gold: Path, gazetteer: Gazetteer | None = None) -> EvalResult:
    """`geo-xml`: LGL or TR-News; `gold` is one XML file, or a folder holding lgl.xml and
    tr-news.xml (metrics per file, prefixed `lgl_` / `tr_news_`, then overall)."""
    if gold.is_dir():
        return _evaluate_folder(gold, gazetteer)
    return _evaluate("geo-xml", _articles(read_geo_xml(gold), gold), gazetteer)


def _evaluate_folder(folder: Path, gazetteer: Gazetteer | None) -> EvalResult:
    gazetteer = gazetteer or Gazetteer()
    metrics: dict[str, float | int | str] = {}
    summary: list[str] = []
    for path in sorted(folder.glob("*.xml")):
        if path.name == "geovirus.xml":
            continue
        result = _evaluate("geo-xml", _articles(read_geo_xml(path), path), gazetteer)
        prefix = path.stem.replace("-", "_")
        metrics.update({f"{prefix}_{k}": v for k, v in result.metrics.items()})
        summary += [f"[{path.name}] {line}" for line in result.summary]
    return EvalResult("geo-xml", metrics, tuple(summary))


def evaluate_geovirus(gold: Path, gazetteer: Gazetteer | None = None) -> EvalResult:
    """`geovirus`: GeoVirus XML (no GeoNames ids; coordinates only)."""
    if gold.is_dir():
        gold = gold / "geovirus.xml"
    return _evaluate("geovirus", _articles(read_geovirus(gold), gold), gazetteer)
