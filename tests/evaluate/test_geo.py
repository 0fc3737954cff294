from __future__ import annotations

import math
from pathlib import Path

import pytest

from eventwire.evaluate.geo import (
    MAX_ERROR_KM,
    auc,
    evaluate_geo_xml,
    evaluate_geovirus,
    haversine_km,
    score_errors,
)
from eventwire.resources.gazetteer import Gazetteer
from tests.resources.gazetteer_helpers import build_small_gazetteer

TEXT = "Talks resumed in Geneva while shelling hit Zqxw Hamlet near Aleppo."

GEO_XML = f"""<articles><article><text>{TEXT}</text><toponyms>
<toponym><start>17</start><end>23</end><phrase>Geneva</phrase>
  <gaztag geonameid="2660646"><lat>46.20</lat><lon>6.15</lon></gaztag></toponym>
<toponym><start>43</start><end>54</end><phrase>Zqxw Hamlet</phrase>
  <gaztag geonameid="1"><lat>36.0</lat><lon>37.0</lon></gaztag></toponym>
<toponym><start>60</start><end>66</end><phrase>Aleppo</phrase>
  <gaztag geonameid="170063"><lat>36.20</lat><lon>37.16</lon></gaztag></toponym>
<toponym><start>0</start><end>5</end><phrase>Talks</phrase></toponym>
</toponyms></article></articles>"""

GEOVIRUS = f"""<articles><article><source>made up</source><text>{TEXT}</text><locations>
<location><name>Geneva</name><start>17</start><end>23</end><lat>46.2</lat><lon>6.15</lon>
<page>x</page></location></locations></article></articles>"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer(build_small_gazetteer(tmp_path_factory.mktemp("gaz")))


def test_haversine_km_one_degree_of_latitude() -> None:
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.2, abs=0.1)


def test_auc_is_zero_when_every_error_is_zero() -> None:
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([MAX_ERROR_KM, MAX_ERROR_KM]) == pytest.approx(
        math.log(MAX_ERROR_KM + 1) / math.log(MAX_ERROR_KM)
    )


def test_score_errors_counts_unresolved_as_maximal_error() -> None:
    metrics = score_errors([0.0, 100.0, None, 500.0])
    assert metrics["unresolved"] == 1
    assert metrics["accuracy_161km"] == 0.5
    assert metrics["accuracy_161km_resolved"] == pytest.approx(0.6667, abs=1e-4)
    assert metrics["median_error_km"] == 300.0


def test_evaluate_geo_xml_scores_gold_toponyms(tmp_path: Path, gazetteer: Gazetteer) -> None:
    gold = tmp_path / "mini.xml"
    gold.write_text(GEO_XML, encoding="utf-8")
    result = evaluate_geo_xml(gold, gazetteer)
    assert result.metrics["toponyms"] == 3  # the toponym without coordinates is skipped
    assert result.metrics["unresolved"] == 1
    assert result.metrics["accuracy_161km"] == pytest.approx(2 / 3, abs=1e-4)


def test_evaluate_geovirus_reads_its_format(tmp_path: Path, gazetteer: Gazetteer) -> None:
    gold = tmp_path / "geovirus.xml"
    gold.write_text(GEOVIRUS, encoding="utf-8")
    result = evaluate_geovirus(tmp_path, gazetteer)
    assert result.metrics["toponyms"] == 1
    assert result.metrics["accuracy_161km"] == 1.0
