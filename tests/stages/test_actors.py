"""Actor resolution: neutral canonical names, ACLED inter codes, labels kept as written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import EventwireError
from eventwire.resources import read_csv
from eventwire.stages.actors import (
    UNIDENTIFIED,
    ActorDictionary,
    ActorEntry,
    LabelEntry,
    Stance,
    _actor_entry,
    _label_entry,
    _raw_alternation,
    _raw_starts,
    _scan,
    find_actors,
    normalize,
    resolve_actor,
)

SYRIAN_ARMY = "Military Forces of Syria (2000-)"
OPPOSITION = "Opposition armed groups (Syria)"
UNIDENTIFIED_SYRIA = "Unidentified Armed Group (Syria)"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Syrian Arab Army", None),
        ("the Syrian troops", None),
        ("Syria’s army", None),
        ("government forces", "SYR"),
        ("the army", "SYR"),
        ("troops", "SYR"),
        ("our armed forces", "SYR"),
    ],
)
def test_resolve_actor_syrian_army_aliases(text: str, country: str | None) -> None:
    actor = resolve_actor(text, country)
    assert (actor.name, actor.inter, actor.known) == (SYRIAN_ARMY, 1, True)


def test_resolve_actor_generic_word_needs_a_country() -> None:
    actor = resolve_actor("the army", None)
    assert (actor.name, actor.inter, actor.known) == ("army", None, False)


def test_resolve_actor_demonym_beats_the_article_country() -> None:
    actor = resolve_actor("Iraqi troops", "SYR")
    assert actor.name == "Military Forces of Iraq"
    assert actor.inter == 8  # state forces outside their own country are external


@pytest.mark.parametrize(
    ("text", "name", "inter"),
    [
        ("the terrorist al-Nusra Front forces", "Al Nusrah Front", 2),
        ("Jabhat al-Nusra", "Al Nusrah Front", 2),
        ("Hezbollah fighters", "Hezbollah", 3),
        ("Free Syrian Army", "Free Syrian Army", 2),
        ("ISIS", "Islamic State (Syria)", 2),
        ("Syrian Democratic Forces", "QSD: Syrian Democratic Forces", 2),
    ],
)
def test_resolve_actor_named_groups(text: str, name: str, inter: int) -> None:
    actor = resolve_actor(text, "SYR")
    assert (actor.name, actor.inter, actor.via) == (name, inter, "alias")


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        ("Houthis", "YEM", "Houthi Movement"),
        ("the RSF", "SDN", "Rapid Support Forces"),
        ("Taliban fighters", "AFG", "Taliban"),
        ("Hamas", "PSE", "Hamas Movement"),
        ("PKK militants", "TUR", "PKK: Kurdistan Workers Party"),
        ("Russian forces", "UKR", "Military Forces of Russia (2000-)"),
        ("Ukrainian troops", "UKR", "Military Forces of Ukraine"),
        ("the IDF", "PSE", "Military Forces of Israel"),
    ],
)
def test_resolve_actor_other_conflicts(text: str, country: str, name: str) -> None:
    assert resolve_actor(text, country).name == name


@pytest.mark.parametrize(
    "text",
    ["terrorists", "foreign-backed militants", "Takfiri militants", "gunmen", "mercenaries"],
)
def test_resolve_actor_pro_government_terms_point_to_opposition(text: str) -> None:
    actor = resolve_actor(text, "SYR", stance="pro_government")
    assert (actor.name, actor.inter) == (OPPOSITION, 2)
    assert actor.confidence < 0.6
    assert actor.label == text


@pytest.mark.parametrize("text", ["terrorists", "foreign-backed militants", "gunmen"])
def test_resolve_actor_without_stance_falls_back_to_unidentified(text: str) -> None:
    actor = resolve_actor(text, "SYR")
    assert (actor.name, actor.inter, actor.via) == (UNIDENTIFIED_SYRIA, 3, "label_fallback")
    assert actor.confidence <= 0.3


@pytest.mark.parametrize(
    ("text", "label", "loaded", "terms"),
    [
        ("the so-called rebels", "so-called rebels", True, ("so called", "rebels")),
        ("foreign-backed militants", "foreign-backed militants", True, ("foreign backed", "militants")),
        ("Takfiri terrorists", "Takfiri terrorists", True, ("takfiri terrorists",)),
        ("rebels", "rebels", False, ("rebels",)),
    ],
)  # fmt: skip
def test_resolve_actor_keeps_the_label_as_written(
    text: str, label: str, loaded: bool, terms: tuple[str, ...]
) -> None:
    actor = resolve_actor(text, "SYR")
    assert (actor.label, actor.loaded, actor.terms) == (label, loaded, terms)


@pytest.mark.parametrize(
    "text", ["terrorists", "the regime", "so-called rebels", "Takfiris", "the aggressors", "thugs"]
)
@pytest.mark.parametrize("country", [None, "SYR", "ISR"])
def test_resolve_actor_label_never_becomes_the_name(text: str, country: str | None) -> None:
    actor = resolve_actor(text, country)
    assert actor.loaded
    assert normalize(text) not in normalize(actor.name)


def test_resolve_actor_regime_is_the_state() -> None:
    actor = resolve_actor("the al-Assad regime", "LBN")
    assert (actor.name, actor.label, actor.loaded) == (
        "Government of Syria (2000-)",
        "al-Assad regime",
        True,
    )


def test_resolve_actor_sponsor_is_not_the_actor() -> None:
    actor = resolve_actor("anti-Damascus militants", "SYR", stance="pro_government")
    assert actor.name == OPPOSITION
    assert resolve_actor("US-backed gunmen", "SYR").iso3 == "SYR"


def test_resolve_actor_bare_country_is_its_government() -> None:
    actor = resolve_actor("Syria", None)
    assert (actor.name, actor.via) == ("Government of Syria (2000-)", "country")


def test_resolve_actor_civilians_take_the_country() -> None:
    actor = resolve_actor("innocent civilians", "SYR")
    assert (actor.name, actor.inter, actor.loaded) == ("Civilians (Syria)", 7, True)


def test_resolve_actor_unknown_is_kept_as_written() -> None:
    actor = resolve_actor("the Farouq Brigade", "SYR")
    assert (actor.name, actor.inter, actor.known, actor.label) == (
        "Farouq Brigade",
        None,
        False,
        "Farouq Brigade",
    )


def test_resolve_actor_record_carries_the_outlet() -> None:
    record = resolve_actor("terrorists", "SYR", stance="pro_government").to_record("SANA")
    assert (record.name, record.label, record.outlet) == (OPPOSITION, "terrorists", "SANA")


def test_actor_dictionary_rejects_unknown_keys() -> None:
    actors = [ActorEntry("civilians", "Civilians ({country})", 7, None)]
    labels = [LabelEntry("locals", ("locals",), False, points_to="villagers")]
    with pytest.raises(EventwireError, match="E901"):
        ActorDictionary(actors, labels)


def test_actor_dictionary_small_injected_tables() -> None:
    actors = [
        ActorEntry("country", "Atlantis", None, "ATL", aliases=("atlantean",)),
        ActorEntry("state_military", "Military Forces of {country}", 1, None, (), ("army",)),
    ]
    dictionary = ActorDictionary(actors, [])
    assert dictionary.resolve("the Atlantean army").name == "Military Forces of Atlantis"


def test_actor_packaged_files_are_consistent() -> None:
    """No phrase names two things, and every actor has an ACLED inter code."""
    actors = [_actor_entry(row) for row in read_csv("actors.v1.csv")]
    labels = [_label_entry(row) for row in read_csv("labels.v1.csv")]
    phrases = [a for e in actors for a in e.aliases + e.context_aliases]
    phrases += [v for label in labels for v in label.variants]
    assert len(phrases) == len(set(phrases))
    assert all(e.inter in range(1, 9) for e in actors if e.key != "country")
    assert len({e.iso3 for e in actors if e.key == "country"}) == sum(
        e.key == "country" for e in actors
    )


def test_actor_packaged_labels_all_resolve_or_fall_back() -> None:
    """Every loaded head term names a neutral actor in a known country."""
    for text in ["terrorists", "militants", "gunmen", "mercenaries", "extremists", "Daesh"]:
        actor = resolve_actor(text, "SYR")
        assert actor.known and actor.name != UNIDENTIFIED


def test_find_actors_spans_labels_and_names() -> None:
    text = (
        "Syria’s army drove the foreign-backed militants out of the town, while "
        "anti-Damascus gunmen fled towards the border with Lebanon, the agency said."
    )
    found = [
        (text[s:e], actor.name, actor.label)
        for (s, e), actor in find_actors(text, "SYR", stance="pro_government")
    ]
    assert found == [
        ("Syria’s army", SYRIAN_ARMY, "Syria’s army"),
        ("foreign-backed militants", OPPOSITION, "foreign-backed militants"),
        ("anti-Damascus gunmen", OPPOSITION, "anti-Damascus gunmen"),
    ]


def test_find_actors_modifier_alone_is_not_a_mention() -> None:
    assert find_actors("US-backed states in the region sent arms.", "SYR") == []


def test_find_actors_countries_on_request() -> None:
    dictionary = ActorDictionary.load()
    text = "Moscow said the talks would go ahead."
    assert dictionary.find_actors(text, "SYR") == []
    [(_, actor)] = dictionary.find_actors(text, "SYR", countries=True)
    assert (actor.name, actor.via) == ("Government of Russia (2000-)", "country")


@pytest.mark.parametrize("text", ["Syrian", "Syrians", "Israeli"])
def test_resolve_actor_demonym_alone_is_no_actor(text: str) -> None:
    assert not resolve_actor(text, None).known


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=60),
    st.sampled_from([None, "SYR", "UKR", "XXX"]),
    st.sampled_from([None, "pro_government", "pro_opposition"]),
)
def test_resolve_actor_never_raises(text: str, country: str | None, stance: Stance | None) -> None:
    actor = resolve_actor(text, country, stance=stance)
    assert actor.name
    assert actor.inter is None or 1 <= actor.inter <= 8
    assert 0.0 <= actor.confidence <= 1.0
    for (start, end), found in find_actors(text, country, stance=stance):
        assert 0 <= start < end <= len(text)
        assert found.known


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["the", "Syrian", "army", "terrorists", "so-called", "rebels", "regime", "US-backed",
             "anti-", "Damascus", "’s", " ", "-", "gunmen", "Hezbollah", "civilians", "forces"]
        ),
        max_size=12,
    ).map("".join),
)  # fmt: skip
def test_find_actors_names_never_repeat_a_loaded_label(text: str) -> None:
    for _, actor in find_actors(text, "SYR"):
        name = normalize(actor.name)
        assert not any(word in name for word in ("terrorist", "regime", "so called", "backed"))


# A made-up phrase table: one-word and several-word phrases, phrases sharing a first word,
# a phrase that is the prefix of another, a two-letter abbreviation.
_PHRASES = ["valley guard", "valley guard corps", "river militia", "militia", "us", "red hand"]


def _scanned(phrases: list[str], text: str) -> list[tuple[int, int]]:
    pattern = _raw_alternation(phrases)
    return [m.span() for m in _scan(pattern, _raw_starts(phrases), text)]


@pytest.mark.parametrize(
    "text",
    [
        "valley guard",  # the whole text
        "Valley Guard Corps fighters",  # at the start, title case
        "fighters of the VALLEY-GUARD",  # at the end, upper case, hyphen
        "the Valley’s guard corps and the river–militia",  # curly "’s", en dash
        "the valley's guard. corps",  # apostrophe, dots between words
        "River\n militia, militia-led, militias",  # newline; a longer word is no match
        "the US-backed Red  Hand",  # abbreviation, two spaces
        "Us, us. uS!",  # any case, next to punctuation
        "VALLEY GUARD CORPSMEN and valleyguard",  # a word that runs on is no match
        "ſt. us RİVER MILITIA",  # letters that match other letters in any case
        "the valley, guard and river; militia",  # a comma or semicolon joins no words
        "the valley was quiet by the river",  # first words alone
        "",
    ],
)
def test_scan_finds_what_the_full_alternation_finds(text: str) -> None:
    expected = [m.span() for m in _raw_alternation(_PHRASES).finditer(text)]
    assert _scanned(_PHRASES, text) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["valley", "Valley", "GUARD", "guard", "corps", "river", "Militia", "us", "US",
             "red", "hand", "’s", "'s", "'", " ", "-", "–", ".", "\n", "x", "İ", "ı", "ſ"]
        ),
        max_size=14,
    ).map("".join),
)  # fmt: skip
def test_scan_never_drops_a_match(text: str) -> None:
    expected = [m.span() for m in _raw_alternation(_PHRASES).finditer(text)]
    assert _scanned(_PHRASES, text) == expected
