"""Train the event-type model shipped as resources/events/model.v1.json.

Trains a multinomial logistic regression (scikit-learn, needed only here) on the
team-written sentences in resources/events/train.v1.tsv, over the features of
eventwire.stages.events.features, and writes plain JSON weights that the package reads
without scikit-learn. Deterministic: same inputs, same file.

    python scripts/train_events.py                    # write the model
    python scripts/train_events.py --cv 5             # k-fold accuracy on the training sentences
    python scripts/train_events.py --dev bench/events_dev.v1.tsv --dry-run
                                                      # score the team's held-out dev snippets

Settings are chosen on the training sentences and the team's own dev snippets only,
never on a third-party gold set.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from eventwire.stages.events.features import featurize
from eventwire.stages.events.resources import (
    LEXICON_FILE,
    MODEL_FILE,
    TRAINING_FILE,
    LinearWeights,
    load_event_resources,
    parse_patterns,
    read_resource,
    resource_digest,
)
from eventwire.stages.events.typer import EventTyper

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/resources/events" / MODEL_FILE
NAME = "extract.events.typer.linear.v1"
MIN_COUNT = 4  # each sentence is seen 3 times (augment): keep features of 2+ sentences
LEXICON = parse_patterns(read_resource(LEXICON_FILE))


def read_rows(text: str) -> list[tuple[str, str]]:
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            label, sentence = line.split("\t", 1)
            rows.append((label, sentence))
    return rows


def load_sentences() -> tuple[list[str], list[str], list[str]]:
    """Labels and texts of the labelled rows, and the neutral CONTEXT sentences."""
    rows = read_rows(read_resource(TRAINING_FILE))
    labelled = [(label, text) for label, text in rows if label != "CONTEXT"]
    context = [text for label, text in rows if label == "CONTEXT"]
    return [label for label, _ in labelled], [text for _, text in labelled], context


def augment(labels: list[str], texts: list[str], context: list[str]) -> tuple[list[str], list[str]]:
    """Each sentence as written, followed by a context sentence, and preceded by another."""
    out_labels, out_texts = list(labels), list(texts)
    for i, (label, text) in enumerate(zip(labels, texts, strict=True)):
        after, before = context[i % len(context)], context[(7 * i + 3) % len(context)]
        out_labels += [label, label]
        out_texts += [f"{text} {after}", f"{before} {text}"]
    return out_labels, out_texts


def to_matrix(rows: Sequence[Sequence[str]], index: dict[str, int], norm: str) -> csr_matrix:
    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for row in rows:
        hits = sorted({index[f] for f in row if f in index})
        value = 1.0 / math.sqrt(len(row)) if norm == "sqrt" and row else 1.0
        cols += hits
        data += [value] * len(hits)
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(rows), len(index)))


def fit(
    labels: list[str], texts: list[str], c: float, norm: str, balanced: bool = False
) -> LinearWeights:
    rows = [featurize(text, LEXICON) for text in texts]
    counts = Counter(feature for row in rows for feature in row)
    vocab = sorted(feature for feature, n in counts.items() if n >= MIN_COUNT)
    index = {feature: i for i, feature in enumerate(vocab)}
    weighting = "balanced" if balanced else None
    model = LogisticRegression(C=c, max_iter=5000, class_weight=weighting)
    model.fit(to_matrix(rows, index, norm), labels)
    coef = np.round(model.coef_.T, 3)
    return LinearWeights(
        labels=tuple(str(label) for label in model.classes_),
        bias=tuple(np.round(model.intercept_, 3).tolist()),
        weights={f: tuple(coef[i].tolist()) for i, f in enumerate(vocab) if np.any(coef[i])},
        trained_on={
            TRAINING_FILE: resource_digest(TRAINING_FILE),
            LEXICON_FILE: resource_digest(LEXICON_FILE),
            "trainer": f"sklearn LogisticRegression C={c} class_weight={weighting}",
        },
        norm=norm,
    )


def predict(weights: LinearWeights, texts: list[str]) -> list[str]:
    typer = EventTyper(load_event_resources(model=weights))
    return [event.type_label for event in typer.classify(texts)]


def cross_validate(
    labels: list[str], texts: list[str], context: list[str], args: argparse.Namespace
) -> float:
    folds = StratifiedKFold(n_splits=args.cv, shuffle=True, random_state=0)
    hits = 0
    for train, test in folds.split(texts, labels):
        fold = augment([labels[i] for i in train], [texts[i] for i in train], context)
        weights = fit(*fold, c=args.c, norm=args.norm, balanced=args.balanced)
        predicted = predict(weights, [texts[i] for i in test])
        hits += sum(p == labels[i] for p, i in zip(predicted, test, strict=True))
    return hits / len(texts)


def dev_scores(weights: LinearWeights, path: Path) -> str:
    rows = read_rows(path.read_text(encoding="utf-8"))
    predicted = predict(weights, [text for _, text in rows])
    gold = [label for label, _ in rows]
    accuracy = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(rows)
    misses = [f"{g}->{p}" for p, g in zip(predicted, gold, strict=True) if p != g]
    return f"dev accuracy {accuracy:.3f} on {len(rows)} snippets; misses: {', '.join(misses)}"


def write_model(weights: LinearWeights) -> None:
    payload = {
        "name": NAME,
        "labels": list(weights.labels),
        "bias": list(weights.bias),
        "norm": weights.norm,
        "weights": {f: list(row) for f, row in weights.weights.items()},
        "trained_on": weights.trained_on,
    }
    OUT.write_text(json.dumps(payload, separators=(",", ":"), sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cv", type=int, default=0)
    parser.add_argument("--dev", type=Path)
    parser.add_argument("--c", type=float, default=4.0)
    parser.add_argument("--norm", choices=("none", "sqrt"), default="none")
    parser.add_argument("--unbalanced", dest="balanced", action="store_false")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    labels, texts, context = load_sentences()
    if args.cv:
        print(f"cv accuracy {cross_validate(labels, texts, context, args):.3f}")
    weights = fit(
        *augment(labels, texts, context), c=args.c, norm=args.norm, balanced=args.balanced
    )
    if args.dev:
        print(dev_scores(weights, args.dev))
    if not args.dry_run:
        write_model(weights)
        print(f"wrote {OUT} ({len(weights.weights)} features, {len(weights.labels)} labels)")


if __name__ == "__main__":
    main()
