"""Resolver rules for names of a given shape: capitals and same-named states, counties
named after a state, "X district", words for a place's people, and named facilities.

The places below (Velmora, Corvania, Kestrel, Brenton) are invented for these tests and
added to the small test gazetteer as a GeoNames-format dump; the air bases (Korvath,
Dresmar, Ostrel) are invented too, and in no gazetteer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.resources.gazetteer import Gazetteer, import_geonames
from eventwire.stages.geocode import PlaceContext, Resolution, Toponym, resolve_document
from eventwire.stages.geocode import resolve_place as resolve
from eventwire.stages.geocode.facility import (
    FACILITY_PRECISION,
    facility_words,
    is_facility,
    sentence_of,
)
from tests.resources.gazetteer_helpers import build_small_gazetteer

# geonameid, name, class, code, admin1 code, population, lat, lon, alternate names
_INVENTED = (
    (9300001, "Velmora", "P", "PPLC", "VD", 600_000, 38.9, -77.0, ""),
    (9300002, "Velmora", "A", "ADM1", "VM", 6_000_000, 47.4, -120.5, ""),
    (9300004, "Corvania", "A", "ADM1", "CV", 900_000, 39.0, -75.5, ""),
    (9300005, "Corvania County", "A", "ADM2", "KT", 200_000, 40.3, -83.0, "Corvania"),
    (9300006, "Brenton", "P", "PPL", "KT", 30_000, 40.35, -83.05, ""),
    (9300007, "Kestrel", "A", "ADM1", "KT", 11_000_000, 40.4, -82.7, ""),
)


def _dump_line(row: tuple[int, str, str, str, str, int, float, float, str]) -> str:
    gid, name, fclass, code, admin1, population, lat, lon, alternates = row
    fields = [str(gid), name, name, alternates, str(lat), str(lon), fclass, code, "US", ""]
    fields += [admin1, "", "", "", str(population), "", "100", "America/New_York", "2024-01-01"]
    return "\t".join(fields)


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("gaz")
    path = build_small_gazetteer(folder)
    dump = Path(folder) / "invented.txt"
    dump.write_text("\n".join(_dump_line(row) for row in _INVENTED) + "\n", encoding="utf-8")
    import_geonames(dump, path)
    return Gazetteer(path)


def test_a_capital_ranks_above_a_state_of_its_name_elsewhere(gazetteer: Gazetteer) -> None:
    place = resolve(gazetteer, "Velmora").place
    assert place is not None and place.feature == "city" and place.capital


def test_a_story_set_in_the_state_keeps_the_state(gazetteer: Gazetteer) -> None:
    context = PlaceContext({"US": 1.0}, {("US", "VM"): 1.0})
    place = resolve(gazetteer, "Velmora", context).place
    assert place is not None and place.feature == "admin1"


def test_a_bare_county_name_named_after_a_state_means_the_state(gazetteer: Gazetteer) -> None:
    # Everything else in the story lies next to the county and in its state.
    near_county = {(40, -83): frozenset({"brenton", "kestrel", "elsewhere"})}
    context = PlaceContext({"US": 1.0}, {("US", "KT"): 1.0}, near_county)
    place = resolve(gazetteer, "Corvania", context).place
    assert place is not None and (place.feature, place.admin1_code) == ("admin1", "CV")


def test_the_county_written_out_is_still_the_county(gazetteer: Gazetteer) -> None:
    place = resolve(gazetteer, "Corvania County").place
    assert place is not None and place.feature == "admin2"


def test_a_district_missing_from_the_gazetteer_falls_back_to_its_town(
    gazetteer: Gazetteer,
) -> None:
    result = resolve(gazetteer, "Tall Hamra district")
    assert result.place is not None and result.place.geonameid == 9000001
    assert result.precision == 2


@pytest.mark.parametrize(
    ("word", "geonameid", "precision"),
    [("Corvanians", 9300004, 3), ("Tall Hamrans", 9000001, 2), ("Brentoners", 9300006, 2)],
)
def test_a_word_for_a_places_people_gives_the_place(
    gazetteer: Gazetteer, word: str, geonameid: int, precision: int
) -> None:
    result = resolve(gazetteer, word)
    assert result.place is not None and result.place.geonameid == geonameid
    assert result.precision == precision


def test_a_people_word_never_cuts_a_word_down_to_an_article(gazetteer: Gazetteer) -> None:
    # "...As" + "ian" would leave "as", which name keys drop as an Arabic article.
    assert resolve(gazetteer, "Wadi Sharqi Asian").place is None


STORY = (
    "Shells hit Damascus on Monday. The wounded were taken to Mujtahid Hospital and the "
    "Geneva Hospital, and crowds gathered at the Homs Clock Tower. Damascus was quiet "
    "later; rangers closed Jabal Tawil National Park."
)


def _story_results(gazetteer: Gazetteer) -> dict[str, Resolution]:
    names = (
        "Damascus",
        "Mujtahid Hospital",
        "Geneva Hospital",
        "Homs Clock Tower",
        "Jabal Tawil National Park",
    )
    spans = [Toponym(n, STORY.index(n), STORY.index(n) + len(n)) for n in names]
    spans.append(Toponym("Damascus", STORY.rindex("Damascus"), STORY.rindex("Damascus") + 8))
    return {r.toponym.name: r for r in resolve_document(gazetteer, STORY, spans)}


def test_a_facility_is_not_put_in_the_town_the_story_names_most(gazetteer: Gazetteer) -> None:
    result = _story_results(gazetteer)["Mujtahid Hospital"]
    assert result.place is None and result.reason and "no town" in result.reason


def test_a_facility_named_after_a_town_of_the_story_goes_there(gazetteer: Gazetteer) -> None:
    result = _story_results(gazetteer)["Homs Clock Tower"]
    assert result.place is not None and result.place.name == "Homs"


def test_a_facility_may_name_its_town_by_an_alternate_spelling(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Damascus, and the Tell el-Hamra Hospital in Syria was full."
    names = [Toponym("Damascus", 13, 21), Toponym("Tell el-Hamra Hospital", 31, 53)]
    results = resolve_document(gazetteer, text, names)
    assert results[1].place is not None and results[1].place.geonameid == 9000001
    assert results[1].precision == FACILITY_PRECISION


def test_a_facility_named_after_a_town_abroad_stays_unresolved(gazetteer: Gazetteer) -> None:
    # Not Geneva (no Swiss story), and not the story's Damascus either.
    result = _story_results(gazetteer)["Geneva Hospital"]
    assert result.place is None and result.reason


AIR_BASE_STORY = (
    "Jets struck Damascus again on Tuesday. In Damascus, families sheltered in basements. "
    "The jets had taken off from Korvath Air Base, the monitor said. "
    "Later, a drone hit the Dresmar Air Base near Homs. "
    "Planes from Ostrel Air Base flew over Homs and Aleppo."
)


def _air_base_results(gazetteer: Gazetteer) -> dict[str, Resolution]:
    text = AIR_BASE_STORY
    names = (
        "Damascus",
        "Homs",
        "Aleppo",
        "Korvath Air Base",
        "Dresmar Air Base",
        "Ostrel Air Base",
    )
    spans = [Toponym(n, at, at + len(n)) for n in names for at in _offsets(text, n)]
    spans.sort(key=lambda t: t.start)
    return {r.toponym.name: r for r in resolve_document(gazetteer, text, spans)}


def _offsets(text: str, name: str) -> list[int]:
    found, at = [], text.find(name)
    while at >= 0:
        found.append(at)
        at = text.find(name, at + 1)
    return found


def test_an_air_base_abroad_is_not_put_in_the_storys_town(gazetteer: Gazetteer) -> None:
    # A Syria story naming Damascus most; the base's sentence names no town.
    result = _air_base_results(gazetteer)["Korvath Air Base"]
    assert result.place is None
    assert (
        result.reason == "a facility the gazetteer lacks, with no town in its name or its sentence"
    )


def test_a_facility_goes_to_the_one_town_of_its_sentence(gazetteer: Gazetteer) -> None:
    result = _air_base_results(gazetteer)["Dresmar Air Base"]
    assert result.place is not None and result.place.name == "Homs"
    assert result.precision == FACILITY_PRECISION and result.reason is None


def test_a_facility_whose_sentence_names_several_towns_stays_unresolved(
    gazetteer: Gazetteer,
) -> None:
    result = _air_base_results(gazetteer)["Ostrel Air Base"]
    assert result.place is None and result.reason and "several towns" in result.reason


def test_a_facility_named_again_without_a_town_keeps_its_town(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Mujtahid Hospital in Damascus. Mujtahid Hospital later closed."
    names = [Toponym("Mujtahid Hospital", 13, 30), Toponym("Damascus", 34, 42)]
    names.append(Toponym("Mujtahid Hospital", 44, 61))
    results = resolve_document(gazetteer, text, names)
    assert [r.place.name if r.place else None for r in results] == ["Damascus"] * 3


def test_a_remote_facility_stays_unresolved(gazetteer: Gazetteer) -> None:
    result = _story_results(gazetteer)["Jabal Tawil National Park"]
    assert result.place is None and result.reason


def test_a_facility_without_a_town_in_the_story_stays_unresolved(gazetteer: Gazetteer) -> None:
    text = "Crowds gathered at Mujtahid Hospital."
    (result,) = resolve_document(gazetteer, text, [Toponym("Mujtahid Hospital", 19, 36)])
    assert result.place is None and result.reason and "no town" in result.reason


@pytest.mark.parametrize(
    ("name", "facility"),
    [
        ("Mujtahid Hospital", True),
        ("St. Elm's Cathedral", True),
        ("Stade de Velmora", True),
        ("Velmora Market Square", True),
        ("Lake Velmora", False),
        ("Velmora National Park", False),
        ("Corvania State Forest", False),
    ],
)
def test_is_facility(name: str, facility: bool) -> None:
    assert is_facility(name) is facility


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Velmora Art Gallery", ["Velmora", "Art"]),
        ("Velmora-Brenton International Airport", ["Velmora", "Brenton", "International"]),
        ("Stade de Velmora", []),
    ],
)
def test_facility_words_are_the_words_before_the_facility(name: str, words: list[str]) -> None:
    assert facility_words(name) == words


@pytest.mark.parametrize(
    ("text", "name", "sentence"),
    [
        (
            "Rain fell. Fans met at Velmora Stadium. Then",
            "Velmora Stadium",
            "Fans met at Velmora Stadium.",
        ),
        (
            "Jets left the U.S. Air Base in St. Elm today!",
            "U.S. Air Base",
            "Jets left the U.S. Air Base in St. Elm today!",
        ),
        (
            "Heading\nCrowds filled Velmora Square\nMore",
            "Velmora Square",
            "Crowds filled Velmora Square",
        ),
        (
            'Mrs. Hale said "Velmora Park is shut." Later',
            "Velmora Park",
            'Mrs. Hale said "Velmora Park is shut."',
        ),
    ],
)
def test_sentence_of(text: str, name: str, sentence: str) -> None:
    start = text.index(name)
    first, last = sentence_of(text, start, start + len(name))
    assert text[first:last].strip() == sentence
