"""Probe: how far a small learned sentence classifier lifts sentence-level causal detection.

Not part of argmine (nothing here is shipped or loaded by the pipeline): it
measures whether a learned component would earn its place. Run from the
repository root::

    python -m bench.sentence_probe                 # train on cnc_v2 + because, report held-out halves
    python -m bench.sentence_probe --seed-split 1  # another deterministic split

Only the corpora whose licences permit training are used for training
(cnc_v2: CC0, because: MIT). Each of their dev files is split in two by a hash
of the record id (:func:`in_train`); the classifier is trained on one half and
scored on the other, never on records it saw. The other corpora are scored
whole (none of their records is trained on).

The classifier is a logistic regression (NumPy, L2, full-batch gradient
descent) over sparse features of the parsed passage: which argmine cue rules
fired and on which cue lemma, lemma unigrams and bigrams, and dependency
relations with their tag or lemma. It is compared with the rules alone (a
passage is causal when argmine finds a link in it).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from argmine.evaluation.scoring import read_jsonl
from argmine.nlp.model import load_nlp

from bench.eval_corpora import CAUSAL_CORPORA

__all__ = ["in_train", "features", "main"]

#: Corpora whose licences allow training on them.
TRAINABLE = ("cnc_v2", "because")
_DEPS = {"advcl", "acl", "xcomp", "relcl", "prep", "mark", "agent", "pcomp"}


def in_train(record_id: str, seed: int = 0) -> bool:
    """Whether a record is in the training half (a deterministic hash of its id).

    >>> in_train("cnc_v2:train_01_2_3") in (True, False)
    True
    """
    digest = hashlib.sha256(f"{seed}:{record_id}".encode()).hexdigest()
    return int(digest, 16) % 2 == 0


def features(doc) -> Counter:
    """Sparse features of one parsed passage."""
    found: Counter = Counter()
    for link in doc._.causal_links or []:
        found["rule=" + link["rule"]] += 1
        found["cue=" + doc[link["cue"][0]].lemma_.lower()] += 1
    found["has_link"] = 1 if doc._.causal_links else 0
    lemmas = [t.lemma_.lower() for t in doc if not (t.is_punct or t.is_space)]
    for lemma in lemmas:
        found["w=" + lemma] = 1
    for first, second in zip(lemmas, lemmas[1:]):
        found[f"b={first}_{second}"] = 1
    for token in doc:
        if token.dep_ in _DEPS:
            found[f"d={token.dep_}:{token.tag_}"] = 1
            found[f"dw={token.dep_}:{token.lemma_.lower()}"] = 1
    return found


def _causal(record: dict) -> bool:
    return bool(record["causal"]) if record.get("causal") is not None else bool(record.get("relations"))


def _f1(pairs: list[tuple[bool, bool]]) -> float:
    tp = sum(1 for p, g in pairs if p and g)
    fp = sum(1 for p, g in pairs if p and not g)
    fn = sum(1 for p, g in pairs if g and not p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _train(rows: list[tuple[Counter, bool]], l2: float, steps: int) -> tuple[dict[str, int], np.ndarray]:
    counts = Counter(name for found, _ in rows for name in found)
    vocab = {name: i for i, name in enumerate(n for n, c in counts.items() if c >= 2)}
    x = np.array([_vector(found, vocab) for found, _ in rows])
    y = np.array([float(label) for _, label in rows])
    weights = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ weights))
        weights -= 2.0 * (x.T @ (p - y) / len(y) + l2 * weights / len(y))
    return vocab, weights


def _vector(found: Counter, vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros(len(vocab) + 1)
    x[-1] = 1.0  # bias
    for name, value in found.items():
        if name in vocab:
            x[vocab[name]] = min(value, 3)
    return x


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Held-out sentence-level causal F1: rules vs rules + classifier.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--seed-split", type=int, default=0, help="which deterministic half-split to use")
    parser.add_argument("--l2", type=float, default=10.0)
    parser.add_argument("--steps", type=int, default=3000)
    args = parser.parse_args(argv)
    nlp = load_nlp()
    parsed: dict[str, list[tuple[dict, Counter]]] = {}
    for name in CAUSAL_CORPORA:
        path = args.data / name / "dev.jsonl"
        if not path.is_file():
            print(f"warning: {path} not found; skipping {name}", file=sys.stderr)
            continue
        print(f"parsing {name} ...", file=sys.stderr)
        records = list(read_jsonl(path))
        docs = nlp.pipe((r["text"] for r in records), batch_size=64)
        parsed[name] = [(r, features(d)) for r, d in zip(records, docs)]
    train = [(found, _causal(r)) for name in TRAINABLE if name in parsed
             for r, found in parsed[name] if in_train(str(r["id"]), args.seed_split)]
    if not train:
        print("error: no training records (cnc_v2 and because are missing)", file=sys.stderr)
        return 2
    vocab, weights = _train(train, args.l2, args.steps)
    print(f"trained on {len(train)} passages, {len(vocab)} features\n")
    print("| corpus | scored passages | rules: sentence F1 | rules + classifier: sentence F1 |")
    print("|---|---:|---:|---:|")
    for name, rows in parsed.items():
        held = [(r, found) for r, found in rows
                if name not in TRAINABLE or not in_train(str(r["id"]), args.seed_split)]
        rules = [(found["has_link"] > 0, _causal(r)) for r, found in held]
        learned = [(1.0 / (1.0 + np.exp(-_vector(found, vocab) @ weights)) >= 0.5, _causal(r)) for r, found in held]
        print(f"| {name} | {len(held)} | {_f1(rules):.3f} | {_f1(learned):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
