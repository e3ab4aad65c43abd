"""Score prediction files already written (by any version of argmine) under each corpus's scheme.

``bench.eval_corpora`` predicts and scores in one go, leaving out purposes and motives at
prediction time (links of strength ``motive``). Predictions written by an older version
(for instance ``bench/results/after.json``'s commit 26b3d2c, whose ``argmine links`` output
has no strength) can only be put under a scheme afterwards. This script does that, so that
an old version and main are compared on the same protocol::

    python -m bench.rescore --pred-dir /tmp/old/pred --purpose-signals "to,in order to,so that"

For each ``<pred-dir>/<corpus>.jsonl`` whose corpus has a scheme in
:data:`bench.eval_corpora.SCHEMES`, it scores the file as it is (raw) and under the
scheme: a relation whose ``strength`` is ``motive`` is a purpose; a relation without a
``strength`` is one when its ``signal``, lower-cased, is one of ``--purpose-signals``
(an approximation: a causative's infinitive complement, "drove them to flee", also has
the signal "to" in old outputs and is dropped with the purposes). Then FinCausal's
figure filter (:meth:`Scheme.conform`) applies. Prints a Markdown table of raw and scheme
F1 per corpus. Exit status 2 when the prediction folder or the data folder is missing.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from argmine.evaluation.scoring import read_jsonl, score_records
from bench.eval_corpora import SCHEMES, Scheme

__all__ = ["without_purposes", "main"]


def without_purposes(predictions: Iterable[dict], purpose_signals: frozenset[str]) -> Iterator[dict]:
    """The predictions without their purposes and motives; ``causal`` follows what is left.

    >>> preds = [{"id": "a", "causal": True, "relations": [{"signal": "To"}, {"signal": "caused"}]}]
    >>> [len(p["relations"]) for p in without_purposes(preds, frozenset({"to"}))]
    [1]
    >>> next(without_purposes([{"id": "b", "relations": [{"strength": "motive", "signal": "for"}]}], frozenset()))
    {'id': 'b', 'relations': [], 'causal': False}
    """
    for prediction in predictions:
        relations = prediction.get("relations")
        if relations is None:
            yield prediction
            continue

        def purpose(relation: dict) -> bool:
            if "strength" in relation:
                return relation["strength"] == "motive"
            return (relation.get("signal") or "").lower() in purpose_signals

        kept = [relation for relation in relations if not purpose(relation)]
        yield dict(prediction, relations=kept, causal=bool(kept)) if len(kept) != len(relations) else prediction


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Score existing prediction files under each corpus's scheme.")
    parser.add_argument("--pred-dir", type=Path, required=True, help="folder of <corpus>.jsonl predictions")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"),
                        help="folder of corpus folders (default: ../shared/data)")
    parser.add_argument("--purpose-signals", default="",
                        help="comma-separated signals that mark a purpose in predictions without a strength")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="score only the first N records of each corpus (as the predictions were made)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Score every scheme corpus found in ``--pred-dir``; return the exit status."""
    args = _parse_args(argv)
    for folder, what in ((args.pred_dir, "prediction"), (args.data, "data")):
        if not folder.is_dir():
            print(f"error: {what} folder {folder} not found", file=sys.stderr)
            return 2
    signals = frozenset(s.strip().lower() for s in args.purpose_signals.split(",") if s.strip())
    print("| corpus | raw P | raw R | raw F1 | scheme P | scheme R | scheme F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, scheme in SCHEMES.items():
        pred_path = args.pred_dir / f"{name}.jsonl"
        gold_path = args.data / name / "dev.jsonl"
        if not pred_path.is_file() or not gold_path.is_file():
            continue
        gold = list(itertools.islice(read_jsonl(gold_path), args.limit))
        predictions = list(read_jsonl(pred_path))
        raw = score_records(gold, predictions, gold_name=str(gold_path), pred_name=str(pred_path))
        kept: Iterable[dict] = predictions
        if not scheme.motives:
            kept = without_purposes(kept, signals)
        kept = scheme.conform(kept) if scheme.quantified_effect else kept
        schemed = score_records(gold, list(kept), gold_name=str(gold_path), pred_name=str(pred_path))
        print(f"| {name} | {raw.precision:.3f} | {raw.recall:.3f} | {raw.f1:.3f} "
              f"| {schemed.precision:.3f} | {schemed.recall:.3f} | {schemed.f1:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
