"""Held-out figures of a learned link scorer, by k-fold cross-validation on one corpus's dev file.

Run from the repository root::

    python -m bench.link_scorer_cv                          # CNC v2, 5 folds, seeds 0,1,2
    python -m bench.link_scorer_cv --corpus cnc_v2 --folds 5 --seeds 0,1,2 --thresholds 0.1,0.2,0.3

argmine states its relations on every record once (no scorer); the records are grouped by
:func:`argmine.batch.link_scorer.record_group` (the sentences of one news article together)
and dealt into ``--folds`` folds with each seed. For each fold a logistic regression
(:func:`~argmine.batch.link_scorer.fit_logistic`) is fitted on the relations of the other folds
and drops the held-out fold's relations whose probability is below the threshold; all held-out
predictions are then scored together with :func:`argmine.evaluation.scoring.score_records`
(as ``bench.eval_corpora``). No relation is ever scored by weights that saw its record.

Prints a Markdown table: relation precision, recall and F1 without the scorer and, for each
seed and threshold, on held-out folds, with their mean over seeds. ``--shipped FILE`` instead
applies a shipped model as it is (its full weights; its fold models only for records it held
out) to the corpus, to see whether it carries over to another corpus::

    python -m bench.link_scorer_cv --corpus because --shipped cnc_link_scorer.json

Exit status 2 when the corpus file is missing.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from argmine.batch.link_scorer import LinkScorer, load_scorer
from argmine.evaluation.link_training import cross_fit, stated_items, training_rows
from argmine.evaluation.scoring import Scores, read_jsonl, score_records

__all__ = ["held_out_predictions", "main"]


def held_out_predictions(items, scorer: LinkScorer | None) -> list[dict]:
    """Predictions for :func:`~argmine.evaluation.link_training.stated_items`, each record's relations kept
    by ``scorer`` with the weights that never saw the record (all of them when ``scorer`` is None);
    ``causal`` stays whether argmine states any relation, as in :func:`argmine.batch.links.predict_records`."""
    out = []
    for record, relations in items:
        kept = [relation for relation, features, _ in relations
                if scorer is None or scorer.keeps(features, record["id"])]
        out.append({"id": record["id"], "causal": bool(relations), "relations": kept})
    return out


def _row(name: str, s: Scores) -> str:
    return f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.4f} | {s.tp} | {s.fp} |"


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="k-fold held-out figures of the learned link scorer.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="folder of corpus folders")
    parser.add_argument("--corpus", default="cnc_v2", help="corpus folder with a dev.jsonl (default: cnc_v2)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", default="0,1,2", help="comma-separated fold-assignment seeds")
    parser.add_argument("--thresholds", default="0.2", help="comma-separated probability thresholds")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the logistic regression")
    parser.add_argument("--min-count", type=int, default=2, help="rows a feature must occur in to be used")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N records")
    parser.add_argument("--shipped", default=None, metavar="FILE",
                        help="score a shipped model (a path or a file name in models/) instead of cross-validating")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; return the exit status."""
    args = _parse_args(argv)
    path = args.data / args.corpus / "dev.jsonl"
    if not path.is_file():
        print(f"error: {path} not found", file=sys.stderr)
        return 2
    gold = list(read_jsonl(path))[:args.limit]
    items = stated_items(gold)
    rows = training_rows(items)
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    thresholds = [float(t) for t in args.thresholds.split(",") if t.strip()]
    print(f"{args.corpus}: {len(gold)} records, {len(rows)} stated relations, {sum(y for *_, y in rows)} right; "
          f"{args.folds} folds by record group, l2 {args.l2}, min count {args.min_count}")
    print("| run | precision | recall | F1 | TP | FP |")
    print("|---|---:|---:|---:|---:|---:|")
    print(_row("no scorer", score_records(gold, held_out_predictions(items, None))))
    if args.shipped:
        print(_row(f"shipped {args.shipped}", score_records(gold, held_out_predictions(items, load_scorer(args.shipped)))))
        return 0
    means: dict[float, list[float]] = {t: [] for t in thresholds}
    for seed in seeds:
        folds = cross_fit(rows, args.folds, seed, l2=args.l2, min_count=args.min_count)
        for threshold in thresholds:
            scorer = LinkScorer({}, threshold, folds)
            scores = score_records(gold, held_out_predictions(items, scorer))
            means[threshold].append(scores.f1)
            print(_row(f"held out, seed {seed}, threshold {threshold}", scores))
    for threshold, values in means.items():
        print(f"| mean held-out F1 over seeds {args.seeds}, threshold {threshold} | | | "
              f"{sum(values) / len(values):.4f} | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
