from __future__ import annotations

import pytest

from eventwire.resources.gazetteer import Gazetteer
from eventwire.stages.geocode import (
    PlaceContext,
    Toponym,
    choose_event_place,
    document_context,
    expand_abbreviations,
    geo_precision,
    resolve_document,
    resolve_place,
    text_areas,
)
from tests.resources.gazetteer_helpers import build_small_gazetteer

BORDER_STORY = (
    "Syrian government forces and Hezbollah fighters entered Qusseir at dawn on "
    "Wednesday after a three-week siege, state television said. Opposition fighters "
    "withdrew north towards Homs and west to Arsal, and wounded men were taken to "
    "hospitals in Tripoli port, a Lebanese security official said. Shelling was also "
    "reported in Jobar, on the edge of Damascus, and near Khan al-Assal."
)


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer(build_small_gazetteer(tmp_path_factory.mktemp("gaz")))


def toponyms(text: str, *names: str) -> list[Toponym]:
    spans = []
    for name in names:
        start = text.index(name)
        spans.append(Toponym(name, start, start + len(name)))
    return spans


@pytest.fixture(scope="module")
def border_story(gazetteer: Gazetteer) -> dict[str, object]:
    names = ("Qusseir", "Homs", "Arsal", "Tripoli", "Jobar", "Damascus", "Khan al-Assal")
    results = resolve_document(gazetteer, BORDER_STORY, toponyms(BORDER_STORY, *names))
    return {r.toponym.name: r for r in results}


def test_resolve_document_finds_qusayr_from_a_spelling_variant(
    border_story: dict[str, object],
) -> None:
    result = border_story["Qusseir"]
    assert result.place is not None  # type: ignore[attr-defined]
    place = result.place  # type: ignore[attr-defined]
    assert (place.country, place.geonameid) == ("SY", 173322)
    assert abs(place.lat - 34.51) < 0.05 and abs(place.lon - 36.58) < 0.05


def test_resolve_document_puts_tripoli_in_lebanon_by_context(
    border_story: dict[str, object],
) -> None:
    assert border_story["Tripoli"].place.country == "LB"  # type: ignore[attr-defined]


def test_resolve_place_without_context_prefers_the_larger_tripoli(gazetteer: Gazetteer) -> None:
    assert resolve_place(gazetteer, "Tripoli").place.country == "LY"  # type: ignore[union-attr]


def test_resolve_document_keeps_jobar_in_damascus(border_story: dict[str, object]) -> None:
    jobar = border_story["Jobar"].place  # type: ignore[attr-defined]
    assert jobar.name == "Jobar" and jobar.admin1 == "Damascus"


def test_resolve_document_gives_precision_two_on_the_edge_of_a_town(
    border_story: dict[str, object],
) -> None:
    damascus = border_story["Damascus"]
    assert damascus.place.name == "Damascus"  # type: ignore[attr-defined]
    assert damascus.precision == 2  # type: ignore[attr-defined]
    assert border_story["Khan al-Assal"].precision == 2  # type: ignore[attr-defined]
    assert border_story["Jobar"].precision == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "country"), [("Kaliningrad", "RU"), ("Geneva", "CH"), ("Al Quşayr", "SY")]
)
def test_resolve_place_uses_population_when_alone(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    assert resolve_place(gazetteer, name).place.country == country  # type: ignore[union-attr]


def test_resolve_place_uses_context_over_population(gazetteer: Gazetteer) -> None:
    context = PlaceContext({"US": 3.0}, {("US", "IL"): 1.0})
    place = resolve_place(gazetteer, "Geneva", context).place
    assert place is not None and (place.country, place.admin1_code) == ("US", "IL")


def test_resolve_place_tells_city_from_governorate(gazetteer: Gazetteer) -> None:
    city = resolve_place(gazetteer, "Aleppo")
    region = resolve_place(gazetteer, "Homs Province")
    assert city.place is not None and city.place.feature == "city" and city.precision == 1
    assert region.place is not None and region.place.feature == "admin1"
    assert region.precision == 3


def test_resolve_place_gives_a_country_precision_three(gazetteer: Gazetteer) -> None:
    result = resolve_place(gazetteer, "Syria")
    assert result.place is not None and result.place.feature == "country"
    assert result.precision == 3


def test_resolve_place_returns_none_with_reason_for_unknown_name(gazetteer: Gazetteer) -> None:
    result = resolve_place(gazetteer, "Zqxw Hamlet")
    assert result.place is None and result.precision is None
    assert result.reason == "not in the gazetteer"


def test_resolve_place_refuses_fuzzy_match_without_support(gazetteer: Gazetteer) -> None:
    result = resolve_place(gazetteer, "Qusseyr")
    assert result.place is None
    assert result.reason is not None and "fuzzy" in result.reason


def test_resolve_document_unknown_name_does_not_blank_out_others(gazetteer: Gazetteer) -> None:
    text = "Clashes were reported in Zqxw Hamlet and in Aleppo, Syria."
    results = resolve_document(gazetteer, text, toponyms(text, "Zqxw Hamlet", "Aleppo"))
    assert results[0].place is None and results[0].reason
    assert results[1].place is not None and results[1].place.name == "Aleppo"


def test_resolve_document_keeps_length_and_order(gazetteer: Gazetteer) -> None:
    text = "From Geneva to Kaliningrad and back to Geneva."
    names = [Toponym("Geneva", 5, 11), Toponym("Kaliningrad", 15, 26), Toponym("Geneva", 39, 45)]
    results = resolve_document(gazetteer, text, names)
    assert [r.toponym for r in results] == names


def test_text_areas_counts_names_and_demonyms(gazetteer: Gazetteer) -> None:
    found = [p.country for p in text_areas(gazetteer, "A Lebanese official in Syria said.")]
    assert found == ["LB", "SY"]


def test_text_areas_skips_a_country_used_as_first_name(gazetteer: Gazetteer) -> None:
    assert text_areas(gazetteer, "Officer Jordan Smith said it was quiet.") == []


def test_document_context_votes_for_the_countries_of_clear_readings(
    gazetteer: Gazetteer,
) -> None:
    text = "Fighting in Homs and Damascus."
    context, _ = document_context(gazetteer, text, toponyms(text, "Homs", "Damascus"))
    assert context.country_weight("SY") == 1.0
    assert context.country_weight("LY") == 0.0


@pytest.mark.parametrize(
    ("before", "precision"),
    [
        ("fighters entered ", 1),
        ("shelling on the outskirts of ", 2),
        ("a village north of ", 2),
        ("clashes near ", 2),
        ("on the edge of the city of ", 2),
    ],
)
def test_geo_precision_reads_the_words_before_a_town(
    gazetteer: Gazetteer, before: str, precision: int
) -> None:
    place = resolve_place(gazetteer, "Damascus").place
    assert place is not None
    assert geo_precision(place, before) == precision


def test_resolve_document_small_namesakes_do_not_pull_a_town_abroad(
    gazetteer: Gazetteer,
) -> None:
    text = "Diplomats met in Geneva while shelling hit Damascus again."
    results = resolve_document(gazetteer, text, toponyms(text, "Geneva", "Damascus"))
    assert [r.place.country for r in results if r.place] == ["CH", "SY"]


def test_choose_event_place_prefers_the_town_in_the_sentence(gazetteer: Gazetteer) -> None:
    text = "Talks went on in Geneva. Troops took Qusayr near the Syrian border with Lebanon."
    names = toponyms(text, "Geneva", "Qusayr", "Lebanon")
    results = resolve_document(gazetteer, text, names)
    sentence = (text.index("Troops"), len(text))
    chosen, how = choose_event_place(results, sentence)
    assert chosen is not None and chosen.toponym.name == "Qusayr" and how == "sentence"


def test_choose_event_place_falls_back_to_the_last_town_before(gazetteer: Gazetteer) -> None:
    text = "Shelling resumed in Homs on Monday. Five people were killed, a monitor said."
    results = resolve_document(gazetteer, text, toponyms(text, "Homs"))
    chosen, how = choose_event_place(results, (text.index("Five"), len(text)))
    assert chosen is not None and chosen.toponym.name == "Homs" and how == "preceding"


def test_choose_event_place_uses_the_dateline_then_gives_up(gazetteer: Gazetteer) -> None:
    dateline = resolve_place(gazetteer, "Damascus")
    assert choose_event_place([], (0, 10), dateline) == (dateline, "dateline")
    assert choose_event_place([], (0, 10)) == (None, "no resolved place")


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Platte Co.", "Platte County"),
        ("PLYMOUTH CO.", "PLYMOUTH County"),
        ("Madison Twp.", "Madison Township"),
        ("Mt. Hermon", "Mount Hermon"),
        ("Ft. Worth", "Fort Worth"),
        ("Cobalt", "Cobalt"),
    ],
)
def test_expand_abbreviations_writes_out_generic_words(written: str, full: str) -> None:
    assert expand_abbreviations(written) == full


def test_resolve_place_reads_a_township_as_near_its_town(gazetteer: Gazetteer) -> None:
    result = resolve_place(gazetteer, "Tall Hamra Twp.")
    assert result.place is not None and result.place.geonameid == 9000001
    assert result.precision == 2


def test_resolve_place_keeps_an_unknown_abbreviated_name_unresolved(
    gazetteer: Gazetteer,
) -> None:
    assert resolve_place(gazetteer, "Nowhereville Co.").place is None
