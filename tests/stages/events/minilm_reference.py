"""A plain numpy forward pass of a BERT encoder with mean pooling: the reference the
ONNX graph of `eventwire.stages.events.minilm_graph` is checked against (the package once
ran MiniLM this way; onnxruntime now runs it)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from eventwire.stages.events.encoder import pad

Array = npt.NDArray[np.float32]
_HEADS = 12
_EPS = 1e-12


@dataclass(frozen=True, slots=True)
class Layer:
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


def erf(x: Array) -> Array:
    """Abramowitz-Stegun 7.1.26 (error under 1.5e-7): numpy has no erf."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return np.asarray(sign * (1.0 - poly * np.exp(-a * a)), dtype=np.float32)


def gelu(x: Array) -> Array:
    return np.asarray(0.5 * x * (1.0 + erf(x / np.float32(np.sqrt(2.0)))), dtype=np.float32)


def layer_norm(x: Array, norm: tuple[Array, Array]) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + _EPS) * norm[0] + norm[1], dtype=np.float32)


def load_layer(weights: dict[str, Array], index: int) -> Layer:
    p = f"encoder.layer.{index}."

    def w(name: str) -> Array:
        return weights[p + name]

    names = ("query", "key", "value")
    return Layer(
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


def attention(x: Array, mask: Array, layer: Layer) -> Array:
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


def block(x: Array, mask: Array, layer: Layer) -> Array:
    x = layer_norm(x + attention(x, mask, layer), layer.norm1)
    hidden = gelu(x @ layer.up + layer.up_bias)
    return layer_norm(x + hidden @ layer.down + layer.down_bias, layer.norm2)


def encode(weights: dict[str, Array], batch: list[list[int]], layers: int) -> Array:
    """Mean-pooled, L2-normalised vectors of wordpiece id lists (padded to one length)."""
    tokens, present = pad(batch)
    length = tokens.shape[1]
    x = (
        weights["embeddings.word_embeddings.weight"][tokens]
        + weights["embeddings.position_embeddings.weight"][:length][None]
        + weights["embeddings.token_type_embeddings.weight"][0]
    )
    x = layer_norm(
        x, (weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
    )
    mask = (1.0 - present) * np.float32(-1e9)
    for index in range(layers):
        x = block(x, mask, load_layer(weights, index))
    pooled = (x * present[..., None]).sum(axis=1) / present.sum(axis=1, keepdims=True)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return np.asarray(pooled / np.maximum(norms, _EPS), dtype=np.float32)
