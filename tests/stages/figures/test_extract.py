"""Figure extraction over short made-up conflict reports."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.records import Article, Claim
from eventwire.stages.figures.extract import (
    SELF_SUBJECTS,
    STAGE,
    extract_article_figures,
    extract_figures,
    written_as_count,
)
from tests.factories import BLOG


def _only(text: str) -> Claim:
    claims = extract_figures(text, article_id="a1", outlet="Test Wire")
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("text", "kind", "figure", "low", "high", "subject"),
    [
        (
            "An army source said nearly 640 gunmen died in the valley.",
            "killed",
            "nearly 640",
            608,
            640,
            "gunmen",
        ),
        (
            "The army killed hundreds of fighters near the dam.",
            "killed",
            "hundreds",
            200,
            999,
            "fighters",
        ),
        (
            "The troops killed a large number of militants.",
            "killed",
            "a large number",
            None,
            None,
            "militants",
        ),
        (
            "The officer said nearly 300 men had deserted the militia.",
            "deserted",
            "nearly 300",
            285,
            300,
            "men",
        ),
        (
            "At least 14 civilians were killed in the shelling.",
            "killed",
            "At least 14",
            14,
            None,
            "civilians",
        ),
        ("Gunmen opened fire on the convoy, killing seven.", "killed", "seven", 7, 7, None),
        (
            "Militiamen wounded two Kenyan soldiers on Monday.",
            "injured",
            "two",
            2,
            2,
            "Kenyan soldiers",
        ),
        (
            "Twenty-one villagers were abducted overnight.",
            "captured",
            "Twenty-one",
            21,
            21,
            "villagers",
        ),
        (
            "Police arrested 1,200 protesters in the capital.",
            "arrested",
            "1,200",
            1200,
            1200,
            "protesters",
        ),
        (
            "Customs officers seized 40 rifles at the border.",
            "weapons_seized",
            "40",
            40,
            40,
            "rifles",
        ),
        (
            "Between 10 and 15 people are missing after the raid.",
            "missing",
            "Between 10 and 15",
            10,
            15,
            "people",
        ),
        (
            "The clashes displaced tens of thousands of residents.",
            "displaced",
            "tens of thousands",
            20000,
            99999,
            "residents",
        ),
        ("Some 60 fighters surrendered to the army.", "surrendered", "Some 60", 54, 66, "fighters"),
        (
            "A 30-year-old shepherd was shot dead near the village.",
            "killed",
            "A 30-year-old shepherd",
            1,
            1,
            "30-year-old shepherd",
        ),
        ("The death toll rose to 31 on Friday.", "killed", "31", 31, 31, None),
        ("Officials said two of the five hostages had died.", "killed", "two", 2, 2, "hostages"),
        (
            "Three men and a boy were wounded.",
            "injured",
            "Three men and a boy",
            4,
            4,
            "Three men and a boy",
        ),
        ("Four people were shot near the checkpoint.", "injured", "Four", 4, 4, "people"),
        ("Police are investigating a double homicide.", "killed", "double", 2, 2, None),
        ("Teen shot near checkpoint", "injured", "Teen", 1, 1, "Teen"),
        ("The blast went off, killing him.", "killed", "him", 1, 1, None),
        ("Officials reported 12 casualties after the blast.", "other", "12", 12, 12, None),
    ],
)
def test_extract_figures_patterns(
    text: str, kind: str, figure: str, low: int | None, high: int | None, subject: str | None
) -> None:
    claim = _only(text)
    assert (claim.kind, claim.text, claim.low, claim.high, claim.subject) == (
        kind,
        figure,
        low,
        high,
        subject,
    )


def test_extract_figures_provenance() -> None:
    text = "Residents said 9 civilians were killed."
    claim = _only(text)
    assert claim.stage == STAGE == "extract.figures.rules.v4"
    assert (claim.article_id, claim.outlet, claim.claimant) == ("a1", "Test Wire", None)
    assert text[claim.span[0] : claim.span[1]] == "9 civilians were killed"


def test_extract_figures_killed_and_injured_in_one_sentence() -> None:
    claims = extract_figures("A car bomb left 4 dead and 11 wounded in the market.")
    assert [(c.kind, c.low) for c in claims] == [("killed", 4), ("injured", 11)]


def test_extract_figures_coordination_inherits_subject() -> None:
    claims = extract_figures("Dozens of gunmen have been killed and many captured.")
    assert [(c.kind, c.text, c.subject) for c in claims] == [
        ("killed", "Dozens", "gunmen"),
        ("captured", "many", "gunmen"),
    ]


def test_extract_figures_active_clause_is_not_a_death_toll() -> None:
    claims = extract_figures("Three gunmen killed a guard at the gate.")
    assert [(c.kind, c.low, c.subject) for c in claims] == [("killed", 1, "guard")]


def test_extract_figures_pair_counts_two() -> None:
    claims = extract_figures("A farmer and his son were killed by a mine.")
    assert [(c.kind, c.low, c.high) for c in claims] == [("killed", 2, 2)]


def test_extract_figures_repeated_figure_counted_once() -> None:
    text = (
        "Nearly 500 fighters were killed in the offensive, a source said.\n\n"
        "The source repeated that nearly 500 fighters were killed."
    )
    assert len(extract_figures(text)) == 1


def test_extract_figures_ignores_ages_times_and_phones() -> None:
    text = "The 45-year-old was hurt at 6 p.m. Call 555-210-3344 with tips."
    assert [c.low for c in extract_figures(text) if c.low and c.low > 1] == []


@given(st.integers(min_value=1900, max_value=2099), st.sampled_from(["in", "since", "by"]))
def test_extract_figures_never_reads_a_year(year: int, word: str) -> None:
    text = f"The war that began {word} {year} has killed 12 people, and {year} killed more."
    assert all(c.low != year and c.high != year for c in extract_figures(text))


@given(st.integers(min_value=1, max_value=10**8), st.sampled_from(["$", "€", "£"]))
def test_extract_figures_never_reads_money(amount: int, symbol: str) -> None:
    text = f"Rebels seized {symbol}{amount:,} and killed {symbol}{amount} worth of cattle."
    assert all(c.low != amount for c in extract_figures(text))


def test_extract_article_figures_keeps_article_provenance() -> None:
    text = "Officials said 6 soldiers were wounded near the dam."
    article = Article(
        article_id="art-1",
        document="doc-1",
        ordinal=0,
        text=text,
        span_in_document=(0, len(text)),
        outlet="Test Wire",
    )
    [claim] = extract_article_figures(article)
    assert (claim.article_id, claim.outlet, claim.kind, claim.low) == (
        "art-1",
        "Test Wire",
        "injured",
        6,
    )


def test_extract_figures_on_a_scraped_blog_repeat() -> None:
    claims = extract_figures(BLOG)
    assert [(c.kind, c.text, c.subject) for c in claims] == [
        ("killed", "dozens", "fighters"),
        ("captured", "several", "others"),
        ("displaced", "hundreds", "families"),
    ]


_WORDS = st.sampled_from(
    [
        "a",
        "the",
        "one",
        "two",
        "12",
        "1,500",
        "nearly",
        "more",
        "than",
        "at",
        "least",
        "hundreds",
        "of",
        "dozens",
        "many",
        "men",
        "people",
        "soldiers",
        "were",
        "was",
        "killed",
        "died",
        "wounded",
        "shot",
        "dead",
        "and",
        ",",
        ".",
        "in",
        "2013",
        "$5",
        "million",
        "killing",
        "arrested",
        "seized",
        "rifles",
        "between",
        "10-15",
        "up",
        "to",
    ]
)


@given(st.lists(_WORDS, max_size=40))
def test_extract_figures_claims_are_well_formed(words: list[str]) -> None:
    text = " ".join(words)
    for claim in extract_figures(text):
        assert 0 <= claim.span[0] < claim.span[1] <= len(text)
        assert claim.low is None or claim.low >= 0
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high


@pytest.mark.parametrize(
    ("text", "figure", "count"),
    [
        ("The militia killed his wife and their three children at dawn.", "his wife and", 4),
        ("Gunmen killed two farmers and a boy near the well.", "two farmers", 3),
        (
            "Residents mourned the deaths of a village elder, his wife and their two sons.",
            "a village elder",
            4,
        ),
        ("The court heard about the killings of the five farmers.", "five", 5),
        ("The raid ended with the deaths of all nine prisoners.", "nine", 9),
    ],
)
def test_extract_figures_lists_after_a_verb_or_noun_are_summed(
    text: str, figure: str, count: int
) -> None:
    claim = _only(text)
    assert claim.kind == "killed"
    assert claim.text.startswith(figure)
    assert (claim.low, claim.high) == (count, count)


@pytest.mark.parametrize(
    "text",
    [
        "Hassan Omar and Leila Haddad were shot dead at the checkpoint.",
        "The victims, Hassan Omar, 31, and Leila Haddad, 27, were found dead on the road.",
        "On Tuesday, Hassan Omar and Leila Haddad were killed in the market.",
        "Farmer and Son Found Dead Near Border Post",
    ],
)
def test_extract_figures_two_named_people_count_two(text: str) -> None:
    claim = _only(text)
    assert (claim.kind, claim.low, claim.high) == ("killed", 2, 2)
    assert "Tuesday" not in claim.text
    assert not claim.text.endswith(",")


def test_extract_figures_named_pair_needs_capitalised_names() -> None:
    assert extract_figures("the rebels and the army were not killed in the talks.") == []


@pytest.mark.parametrize(
    ("text", "figure", "low", "high", "subject"),
    [
        (
            "The army announced the killing of a large number of fighters.",
            "a large number",
            None,
            None,
            "fighters",
        ),
        (
            "She was arrested over the shooting death of a 19-year-old shopkeeper.",
            "a 19-year-old shopkeeper",
            1,
            1,
            "19-year-old shopkeeper",
        ),
        ("The shelling resulted in the deaths of three people.", "three", 3, 3, "people"),
        (
            "Villagers protested the murder of a shepherd near the wall.",
            "a shepherd",
            1,
            1,
            "shepherd",
        ),
    ],
)
def test_extract_figures_nominal_deaths(
    text: str, figure: str, low: int | None, high: int | None, subject: str
) -> None:
    claim = _only(text)
    assert (claim.kind, claim.text, claim.low, claim.high) == ("killed", figure, low, high)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("text", "reflexive"),
    [
        ("A farmer shot his brother dead before killing himself in the barn.", "himself"),
        ("The guard turned the gun on herself after the attack.", "herself"),
        ("Police said the woman killed her two sons, then herself.", "herself"),
        ("Officer kills 2 neighbors, himself", "himself"),
    ],
)
def test_extract_figures_reflexive_is_the_perpetrators_death(text: str, reflexive: str) -> None:
    selves = [c for c in extract_figures(text) if c.subject in SELF_SUBJECTS]
    assert [(c.kind, c.text, c.low, c.high) for c in selves] == [("killed", reflexive, 1, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "A boy accidentally shot himself in the hand on Monday.",
        "The gunman killed two villagers and injured himself.",
    ],
)
def test_extract_figures_reflexive_needs_a_killing_verb(text: str) -> None:
    assert not [c for c in extract_figures(text) if c.subject in SELF_SUBJECTS]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Gunman kills 2 farmers, 3 soldiers near dam\n\nThe body text.", 5),
        ("Infant, 2 women killed in raid on village\n\nThe body text.", 3),
        ("Teacher, student, driver shot dead at checkpoint\n\nThe body text.", 3),
    ],
)
def test_extract_figures_headline_lists_joined_by_commas_are_summed(text: str, count: int) -> None:
    (claim,) = [c for c in extract_figures(text) if c.span[0] < text.index("\n")]
    assert (claim.kind, claim.low, claim.high) == ("killed", count, count)


def test_extract_figures_comma_lists_in_the_body_need_and() -> None:
    text = "Headline\n\nThe shelling killed 2 farmers, 3 soldiers were missing."
    assert [(c.text, c.low) for c in extract_figures(text) if c.kind == "killed"] == [("2", 2)]


def test_extract_figures_ages_between_list_parts() -> None:
    claim = _only("Two girls, ages 4 and 7, and their father were found dead in the car.")
    assert (claim.kind, claim.low, claim.high) == ("killed", 3, 3)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The militiamen killed four adults and an unborn child in the raid.", 4),
        ("Three villagers and an unborn baby were killed on the road.", 3),
    ],
)
def test_extract_figures_unborn_children_are_not_counted(text: str, count: int) -> None:
    claim = _only(text)
    assert "unborn" in claim.text
    assert (claim.low, claim.high) == (count, count)


def test_extract_figures_unborn_child_alone_is_not_a_figure() -> None:
    assert extract_figures("The blast also killed her unborn child.") == []


def test_extract_figures_age_after_a_name_is_not_a_figure() -> None:
    text = "Omar Haddad, 30; and Leila Nasser, 27 both died in hospital."
    assert [c.text for c in extract_figures(text)] == []
    assert _only("In East Ghouta, 7 were killed on Monday.").low == 7


def test_extract_figures_partner_is_a_person() -> None:
    claim = _only("A farmer fatally shot his partner and their three sons on Sunday.")
    assert (claim.kind, claim.low, claim.high) == ("killed", 4, 4)


def test_written_as_count_skips_ages_times_and_phones() -> None:
    text = "A 2-year-old died at 2 a.m.; call 1-800-555 or see 2 victims."
    starts = [n for n, char in enumerate(text) if char in "12"]
    counted = [text[n] for n in starts if written_as_count(text, n, n + 1)]
    assert counted == ["2"]
    assert text.index("2 victims") in [n for n in starts if written_as_count(text, n, n + 1)]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Man kills wife, then himself\n\nThe body text.", ["wife", "himself"]),
        ("Guard kills 4-month-old before shooting himself\n\nBody.", ["4-month-old", "himself"]),
    ],
)
def test_extract_figures_headline_people_without_an_article(text: str, subjects: list[str]) -> None:
    assert [c.subject for c in extract_figures(text) if c.kind == "killed"] == subjects


def test_extract_figures_people_without_an_article_only_in_a_headline() -> None:
    assert [c.subject for c in extract_figures("Man kills wife, then himself")] == ["himself"]
    assert [c.subject for c in extract_figures("Raid\n\nThe man kills wife.")] == []


@pytest.mark.parametrize(
    "text", ["The guard fired one shot into the air.", "Residents heard two shots."]
)
def test_extract_figures_shots_fired_are_not_people_hit(text: str) -> None:
    assert extract_figures(text) == []


def test_extract_figures_title_case_headline_is_not_a_name_and_age() -> None:
    text = "Two Dead, 2 Hurt\n\nThe body text."
    assert [(c.kind, c.low) for c in extract_figures(text)] == [("killed", 2), ("injured", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "3 killed\n\nThe attack began at dawn.",
        "3 Killed In Market Attack\n\nThe attack began at dawn.",
    ],
)
def test_extract_figures_headline_figure_before_the_body_is_not_active_voice(text: str) -> None:
    assert [(c.kind, c.low) for c in extract_figures(text)] == [("killed", 3)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Two of the fighters, Omar Haddad and Sami Nour, died at the checkpoint.", 2),
        ("Two of them, Omar Haddad, 24, and Sami Nour, 31, died in hospital.", 2),
        ("Two of the victims, Mr. Roe and Ms. Doe, died in hospital.", 2),
        ("Two of those men, 31-year-old Omar Haddad and 27 year old Sami Nour, died.", 2),
    ],
)
def test_extract_figures_partitive_with_names_between_commas(text: str, count: int) -> None:
    claim = _only(text)
    assert (claim.kind, claim.low, claim.high) == ("killed", count, count)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The two men who were killed in the raid have been named.", 2),
        ("Four villagers that died in the shelling were buried on Friday.", 4),
        ("Among the wounded was a 16-year-old boy who later died of his wounds.", 1),
    ],
)
def test_extract_figures_relative_clause_after_the_figure(text: str, count: int) -> None:
    killed = [c for c in extract_figures(text) if c.kind == "killed"]
    assert [(c.low, c.high) for c in killed] == [(count, count)]


@pytest.mark.parametrize(
    "text",
    [
        "A man who shot and killed a shopkeeper was arrested.",
        "The gunman who killed the guard fled on foot.",
        "Police arrested four suspects who had killed a trader.",
        "Police arrested three men who allegedly killed a shopkeeper.",
        "A gunman who has wounded four people remains at large.",
        "The soldier who later killed three civilians was arrested.",
    ],
)
def test_extract_figures_relative_clause_of_the_attacker_is_not_a_victim(text: str) -> None:
    attackers = ("man", "gunman", "suspects", "men", "soldier")
    hurt = [c for c in extract_figures(text) if c.kind in ("killed", "injured")]
    assert all(c.subject not in attackers for c in hurt)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two of the men, along with three women, were killed.", []),
        ("Two of the gunmen, who killed two guards, were shot dead by police.", [2]),
        ("One of the attackers, a man who had killed a policeman, was shot dead.", [1]),
    ],
)
def test_extract_figures_only_names_between_a_partitives_commas(
    text: str, killed: list[int]
) -> None:
    # the aside is no list of names: the partitive gives no figure, the aside's own stays
    assert [c.low for c in extract_figures(text) if c.kind == "killed"] == killed


def test_extract_figures_relative_after_a_name_and_age_is_an_age() -> None:
    text = "The victims were Lena Ross, 33, and Omar Ross, 34 who were shot at home."
    assert all(c.text != "34" for c in extract_figures(text))


def test_extract_figures_possessive_pair_without_a_second_article() -> None:
    claim = [
        c for c in extract_figures("He is accused of fatally shooting his wife and 9-year-old son.")
    ]
    assert [(c.kind, c.low) for c in claim] == [("killed", 2)]
    verbs = "He fired, killing his sister and injuring his brother."
    assert sorted((c.kind, c.low) for c in extract_figures(verbs)) == [
        ("injured", 1),
        ("killed", 1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Police said a husband and father was killed on the road.",
        "The blast killed her husband and father of her children.",
    ],
)
def test_extract_figures_a_husband_and_father_is_one_person(text: str) -> None:
    assert [c.low for c in extract_figures(text) if c.kind == "killed"] in ([], [1])


def test_extract_figures_named_pair_with_a_shared_age() -> None:
    claim = _only("Omar Haddad and Sami Nour, both 19 years old, were shot dead near the mill.")
    assert (claim.kind, claim.low) == ("killed", 2)


def test_extract_figures_all_over_is_not_more_than() -> None:
    claims = extract_figures("When it was all over one man was dead and four were wounded.")
    killed = [c for c in claims if c.kind == "killed"]
    assert [(c.low, c.high) for c in killed] == [(1, 1)]
    assert extract_figures("Over 30 people were killed.")[0].low == 31
    assert extract_figures("In all over 40 people were killed.")[0].low == 41


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man who shot and killed a guard was arrested.", [("killed", 1)]),
        ("Two gunmen who killed a farmer fled.", [("killed", 1)]),
        ("The teenager who wounded a neighbour died in custody.", [("injured", 1)]),
    ],
)
def test_extract_figures_object_of_a_verb_is_not_the_next_verbs_subject(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.kind, c.low) for c in extract_figures(text)] == expected


def test_extract_figures_a_casualty_word_before_people_is_an_adjective() -> None:
    claims = extract_figures("The strike killed 26 displaced people in a camp.")
    assert ("killed", 26) in [(c.kind, c.low) for c in claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8 people killed 58 others injured in rocket attacks on the city", [("injured", 58)]),
        (
            "6 citizens killed, 22 injured in shelling on the capital",
            [("injured", 22), ("killed", 6)],
        ),
        ("Army kills 33 fighters Captured 10 in the south", [("killed", 33)]),
    ],
)
def test_extract_figures_headline_figures_after_a_verb(
    text: str, expected: list[tuple[str, int]]
) -> None:
    # "killed 58 others injured": the 58 are the injured, not people the 8 killed
    assert sorted((c.kind, c.low) for c in extract_figures(text)) == expected


def test_extract_figures_both_groups_is_no_count_of_two() -> None:
    assert extract_figures("The army is accused of killing both civilians and fighters.") == []
    claims = extract_figures("The blast killed both brothers and their father was wounded.")
    assert ("killed", 2) in [(c.kind, c.low) for c in claims]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The man accused of killing two women fled the country.", 2),
        ("Troops killed three militants found hiding in a cave.", 3),
        ("The strike killed 26 displaced Syrians in a camp.", 26),
        ("Gunmen killed two policemen wounded a third in the ambush.", 2),
        ("The gunman who police say killed three people fled on foot.", 3),
        ("A blast killed five people and wounded another nine near the market.", 5),
        ("In the shooting a man and a woman were killed.", 2),
    ],
)
def test_extract_figures_prose_keeps_its_killed_figure(text: str, killed: int) -> None:
    assert ("killed", killed) in [(c.kind, c.low) for c in extract_figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The raid killed both gunmen and dozens were hurt.",
        "Police shot both attackers and hostages were freed.",
    ],
)
def test_extract_figures_both_before_a_new_clause_is_two(text: str) -> None:
    assert 2 in [c.low for c in extract_figures(text) if c.text.lower() == "both"]


def test_extract_figures_another_before_the_figure() -> None:
    claims = extract_figures("A blast killed five people and wounded another nine near the market.")
    assert sorted((c.kind, c.low) for c in claims) == [("injured", 9), ("killed", 5)]
