"""EventTyper on short made-up wire sentences: types, the not-an-event gate, the API."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from eventwire.stages.events import (
    COMMENTARY,
    EMBED_BELOW,
    NOT_EVENT,
    UNCERTAIN,
    EventResources,
    EventTyper,
    TypedEvent,
    load_event_resources,
)
from eventwire.stages.events.encoder import ENCODER_PACKAGE, SentenceEncoder
from eventwire.stages.events.features import featurize
from eventwire.stages.events.model import best_types, probabilities, readings
from eventwire.stages.events.resources import LinearWeights
from eventwire.stages.events.typer import is_candidate

DIMENSIONS = 384


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    typer = EventTyper()
    typer.setup()
    return typer


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Troops recaptured the hill town of Tal Abyad from the insurgents on Friday.",
            "GOV_REGAINS_TERIT",
        ),
        (
            "A suicide bomber blew himself up at a checkpoint outside Kirkuk, killing four guards.",
            "SUIC_BOMB",
        ),
        (
            "Someone hurled a hand grenade at a police kiosk in Anantnag, wounding a constable.",
            "GRENADE",
        ),
        ("Warplanes bombed the market in Maarat al-Numan, killing eleven shoppers.", "AIR_STRIKE"),
        (
            "Doctors said victims showed signs of sarin exposure after the attack on the suburb.",
            "CHEM_WEAP",
        ),
        (
            "Engineers defused a roadside bomb and seized two rifles in an abandoned house.",
            "DISR_WEAP",
        ),
        ("Gunmen kidnapped three road workers near Gao and demanded a ransom.", "ABDUCT_DISSAP"),
        (
            "Thousands of nurses marched peacefully to the health ministry over unpaid wages.",
            "PEACE_PROTEST",
        ),
        (
            "Police fired tear gas to disperse students marching on the parliament.",
            "PROTEST_WITH_INTER",
        ),
        ("A mob lynched a man accused of stealing a cow in the village.", "MOB_VIOL"),
        ("The Taliban claimed responsibility for the ambush on the convoy.", "ATTRIB"),
        (
            "A magnitude 6.2 earthquake shook the province, flattening mud-brick houses.",
            "NATURAL_DISASTER",
        ),
        ("A fire broke out at a shoe factory, killing nine workers.", "MAN_MADE_DISASTER"),
        (
            "Police seized 400 kg of heroin hidden in a lorry and arrested the smugglers.",
            "ORG_CRIME",
        ),
    ],
)
def test_typer_types_clear_wire_sentences(typer: EventTyper, text: str, label: str) -> None:
    event = typer.classify_one(text)
    assert event.type_label == label
    assert event.label == label


def test_typer_fills_acled_coding_for_acled_types(typer: EventTyper) -> None:
    event = typer.classify_one("Government forces retook the village of Kafr Halab from rebels.")
    assert event.sub_event_type == "Government regains territory"
    assert event.event_type == "Battles"
    assert event.disorder_type == "Political violence"
    assert event.is_event


def test_typer_leaves_acled_coding_empty_for_non_acled_kinds(typer: EventTyper) -> None:
    event = typer.classify_one("A cyclone destroyed thousands of huts along the coast.")
    assert event.label == "NATURAL_DISASTER"
    assert (event.sub_event_type, event.event_type, event.disorder_type) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The province has been ravaged by fighting since 2014.", "background"),
        ("Air raids across the north have up till now killed thousands of people.", "background"),
        ("The negotiations will be resumed on 12 July in Nairobi.", "future"),
        ("If the militants enter the town, the army would shell it.", "hypothetical"),
        ("The soldiers did not open fire on the marchers, witnesses said.", "negated"),
        ("The foreign minister condemned the kidnapping of the aid workers.", "statement"),
        ("The governor congratulated the police on a peaceful election day.", "statement"),
    ],
)
def test_typer_gates_sentences_that_report_no_dated_event(
    typer: EventTyper, text: str, reason: str
) -> None:
    event = typer.classify_one(text)
    assert event.label == NOT_EVENT
    assert event.not_event_reason == reason
    assert event.sub_event_type is None
    assert not event.is_event


def test_typer_keeps_an_attack_that_mentions_a_condemnation(typer: EventTyper) -> None:
    text = "A car bomb exploded near the court in Quetta, an attack the governor condemned."
    event = typer.classify_one(text)
    assert event.is_event
    assert event.label == "REM_EXPLOS"


def test_typer_keeps_events_with_no_casualties(typer: EventTyper) -> None:
    event = typer.classify_one(
        "Mortar rounds hit the airport on Sunday; no casualties were reported."
    )
    assert event.is_event


def test_typer_marks_allegations(typer: EventTyper) -> None:
    text = "The army accused rebels of firing chlorine-filled rockets at Khan Tuman on 3 May."
    event = typer.classify_one(text)
    assert event.type_label == "CHEM_WEAP"
    assert event.alleged


def test_typer_classify_keeps_length_and_order(typer: EventTyper) -> None:
    texts = ["Rebels shelled the airport.", "Police arrested a blogger in the capital.", ""]
    events = typer.classify(texts)
    assert len(events) == 3
    assert all(isinstance(event, TypedEvent) for event in events)
    assert events[1].label == "ARREST"


def test_typer_is_deterministic(typer: EventTyper) -> None:
    text = "Fighters of two militias clashed near the oil terminal at dawn."
    assert typer.classify([text] * 3) == [typer.classify_one(text)] * 3
    assert EventTyper().classify_one(text) == typer.classify_one(text)


def test_typer_scores_are_probabilities(typer: EventTyper) -> None:
    event = typer.classify_one("Bandits stole cattle from the herders.")
    assert 0.0 < event.score <= 1.0


def test_probabilities_are_the_full_distribution_behind_the_readings() -> None:
    found = load_event_resources()
    texts = ["Troops recaptured the town.", "Protesters marched to parliament.", "It rained."]
    features = [featurize(text, found.lexicon) for text in texts]
    probs = probabilities(found.model, features)
    assert probs.shape == (3, len(found.model.labels))
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert readings(found.model.labels, probs) == best_types(found.model, features)
    best, score, commentary = readings(found.model.labels, probs)[0]
    labels = list(found.model.labels)
    assert score == probs[0, labels.index(best)]
    assert commentary == probs[0, labels.index(NOT_EVENT)]


def tiny_resources(favoured: str, bias: float) -> EventResources:
    shipped = load_event_resources()
    labels = shipped.model.labels
    biases = tuple(bias if label == favoured else 0.0 for label in labels)
    return load_event_resources(model=LinearWeights.of(labels, biases, {}, {}))


def test_typer_uses_injected_model() -> None:
    typer = EventTyper(tiny_resources("OTHER", 10.0))
    event = typer.classify_one("Troops recaptured the town.")
    assert event.type_label == "OTHER"
    assert event.sub_event_type == "Other"


def test_typer_calls_low_scores_uncertain() -> None:
    typer = EventTyper(tiny_resources("OTHER", 1.0))
    event = typer.classify_one("Troops recaptured the town.")
    assert event.type_label == "OTHER"
    assert event.label == NOT_EVENT
    assert event.not_event_reason == UNCERTAIN
    assert EventTyper(tiny_resources("OTHER", 1.0), min_score=0.0).classify_one("x").is_event


def test_typer_calls_what_the_model_reads_as_comment_commentary() -> None:
    event = EventTyper(tiny_resources(NOT_EVENT, 10.0)).classify_one("Troops took the town.")
    assert event.label == NOT_EVENT
    assert event.not_event_reason == COMMENTARY
    assert event.type_label != NOT_EVENT, "type_label is always an event type"
    assert event.sub_event_type is None


def test_a_model_without_the_not_event_class_never_says_commentary() -> None:
    shipped = load_event_resources()
    labels = tuple(label for label in shipped.model.labels if label != NOT_EVENT)
    biases = tuple(3.0 if label == "ARMED_CLASH" else 0.0 for label in labels)
    model = LinearWeights.of(labels, biases, {}, {})
    event = EventTyper(load_event_resources(model=model)).classify_one("Troops took the town.")
    assert event.label == "ARMED_CLASH"


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say the long offensive has tilted the balance of power towards the army.",
        "The militia is made up mostly of former soldiers from the northern provinces.",
        "Residents of the valley say they have lived in fear for years.",
    ],
)
def test_comment_and_context_are_not_events(typer: EventTyper, text: str) -> None:
    assert not typer.classify_one(text).is_event


class CountingEncoder(SentenceEncoder):
    """A stand-in for the MiniLM encoder: zero vectors, and a record of what it embedded."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def setup(self) -> None:
        return None

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.seen += list(texts)
        return np.zeros((len(texts), DIMENSIONS), dtype=np.float32)


def embedding_typer(
    *, embed_all: bool = False, embed_below: float | None = None
) -> tuple[EventTyper, CountingEncoder]:
    encoder = CountingEncoder()
    resources = load_event_resources(embedding=True)
    typer = EventTyper(resources, encoder=encoder, embed_all=embed_all, embed_below=embed_below)
    return typer, encoder


def test_embedding_typer_embeds_only_event_candidates() -> None:
    typer, encoder = embedding_typer()
    texts = ["Gunmen kidnapped two engineers near the dam.", "The report was published on Monday."]
    assert is_candidate(featurize(texts[0], typer.resources.lexicon))
    assert not is_candidate(featurize(texts[1], typer.resources.lexicon))
    events = typer.classify(texts)
    assert encoder.seen == texts[:1]
    assert [event.embedded for event in events] == [True, False]
    assert typer.model_name == EventTyper.embedding_name


def test_embedding_typer_types_non_candidates_with_the_words_model() -> None:
    typer, _ = embedding_typer()
    text = "The report was published on Monday."
    assert typer.classify_one(text) == EventTyper().classify_one(text)


def test_embedding_typer_can_embed_every_text() -> None:
    typer, encoder = embedding_typer(embed_all=True)
    texts = ["Gunmen kidnapped two engineers near the dam.", "The report was published on Monday."]
    typer.classify(texts)
    assert encoder.seen == texts


def test_words_typer_embeds_nothing(typer: EventTyper) -> None:
    assert typer.resources.model.dense is None
    assert not typer.wants_embedding(
        "Gunmen kidnapped two men.", ["lex:kidnap"], ("KIDNAP", 0.3, 0)
    )
    assert typer.model_name == EventTyper.name


UNSURE = "Gunmen kidnapped two engineers near the dam."
FUTURE = "Rebels say they will storm the airport next week."


@pytest.mark.parametrize(("below", "seen"), [(0.0, []), (1.01, [UNSURE])])
def test_gated_typer_embeds_the_candidates_the_words_are_unsure_of(
    below: float, seen: list[str]
) -> None:
    """Under a gate of 1.01 every candidate is unsure, under 0 none is; a text with a
    not-an-event cue (a future plan) is never embedded, nor one with no event word."""
    typer, encoder = embedding_typer(embed_below=below)
    events = typer.classify([UNSURE, FUTURE, "The report was published on Monday."])
    assert encoder.seen == seen
    assert [event.embedded for event in events] == [bool(seen), False, False]
    assert typer.model_name == f"{EventTyper.embedding_name}+below-{below:g}"


def test_gated_typer_gives_the_words_reading_where_it_does_not_embed() -> None:
    typer, _ = embedding_typer(embed_below=0.0)
    assert typer.classify_one(UNSURE) == EventTyper().classify_one(UNSURE)


def test_the_pipelines_typer_is_gated() -> None:
    typer = EventTyper.gated()
    assert typer.embedding and typer.embed_below == EMBED_BELOW


@pytest.mark.skipif(
    importlib.util.find_spec(ENCODER_PACKAGE) is None, reason=f"{ENCODER_PACKAGE} not installed"
)
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Warplanes bombed the market in Maarat al-Numan, killing eleven shoppers.", "AIR_STRIKE"),
        ("Thousands of nurses marched peacefully to the health ministry.", "PEACE_PROTEST"),
        ("A magnitude 6.2 earthquake shook the province, flattening houses.", "NATURAL_DISASTER"),
        ("Troops recaptured the hill town from the insurgents on Friday.", "GOV_REGAINS_TERIT"),
    ],
)
def test_embedding_typer_types_clear_wire_sentences(text: str, label: str) -> None:
    typer = EventTyper(embedding=True)
    assert typer.classify_one(text).label == label


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Iran congratulated the army on the success of its operation to retake Tal Hamra.",
            "statement",
        ),
        (
            "On the other hand the embassy strongly condemned the army's capture of the town.",
            "statement",
        ),
        (
            "The ministry welcomed the withdrawal of the fighters from the northern villages.",
            "statement",
        ),
        (
            "Officials fear that armed groups in the valley own toxic materials needed to make "
            "a chemical weapon.",
            "capability",
        ),
        (
            "The ministry says the rebels possess chemical weapons and the means to deliver them.",
            "capability",
        ),
    ],
)
def test_typer_gates_a_statement_or_owned_arms(typer: EventTyper, text: str, reason: str) -> None:
    typed = typer.classify_one(text)
    assert typed.label == NOT_EVENT and typed.not_event_reason == reason


def test_typer_keeps_an_event_told_before_a_condemnation(typer: EventTyper) -> None:
    text = "Gunmen stormed the checkpoint and killed four soldiers, and the minister condemned it."
    assert typer.classify_one(text).is_event


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two men possessing rifles and grenades near the market.",
        "A man in possession of two grenades was arrested at the checkpoint.",
        "Militants who possess heavy weapons attacked the army base at dawn.",
        "Militants who possess heavy weapons attacked the village at dawn.",
        "A suicide bomber who had access to explosives blew himself up in a crowded market.",
        "The army, which owns helicopters and drones, bombed the village at dawn.",
        "Gunmen who own weapons raided the village.",
        "The rebels said the explosion was caused by one of their own rockets.",
        "Troops shelled the camp, which possessed no weapons, residents said.",
    ],
)
def test_typer_keeps_an_act_told_with_owned_arms(typer: EventTyper, text: str) -> None:
    assert typer.classify_one(text).not_event_reason != "capability"
