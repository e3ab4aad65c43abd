"""Train argmine's link scorer for the Causal News Corpus v2 and write it as JSON.

    python scripts/train_link_scorer.py --data ../shared/data --corpus cnc_v2 --out models/cnc_link_scorer.json

Runs argmine (no scorer) on ``<data>/<corpus>/dev.jsonl``, labels each stated relation 1 when
the corpus's scorer matches it to a gold relation (:func:`argmine.evaluation.link_training.stated_items`),
and fits a logistic regression over :func:`argmine.batch.link_scorer.relation_features`
(:func:`~argmine.batch.link_scorer.fit_logistic`, numpy, about a minute on two cores) on all of
them; it also fits one model per cross-validation fold (``--folds`` folds of record groups,
``--seed``) and stores each with the groups it held out, so that ``bench.eval_corpora`` scores
every record of the training corpus with weights that never saw it. The held-out figure is
``python -m bench.link_scorer_cv``.

The threshold (default 0.2) is fixed before looking at held-out figures: dropping a relation
raises F1 when its chance of being right is below half the F1 (2TP / (2TP + FP + FN) grows when
one FP goes and one TP in fewer than F1 / 2 such drops does), and argmine's CNC F1 without the
scorer is about 0.42.

Licence: the Causal News Corpus v2 is CC0 1.0 (tanfiona/CausalNewsCorpus); the model file holds
weights of features named by argmine (rule ids, cue words, bins) and the ids of record groups,
no text of the corpus. Exit status 2 when the corpus file is missing.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from argmine.batch.link_scorer import FEATURE_VERSION, LinkScorer, fit_logistic
from argmine.evaluation.link_training import cross_fit, stated_items, training_rows
from argmine.evaluation.scoring import read_jsonl

LICENCES = {
    "cnc_v2": "CC0 1.0 (Causal News Corpus v2, tanfiona/CausalNewsCorpus; Tan et al. 2022, 2023)",
    "because": "MIT (BECauSE 2.0 annotations, duncanka/BECAUSE; Dunietz et al. 2017)",
}


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the link scorer on one corpus's dev file.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--corpus", default="cnc_v2", choices=sorted(LICENCES))
    parser.add_argument("--out", type=Path, default=Path("models/cnc_link_scorer.json"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.2)
    args = parser.parse_args(argv)
    path = args.data / args.corpus / "dev.jsonl"
    if not path.is_file():
        print(f"error: {path} not found", file=sys.stderr)
        return 2
    gold = list(read_jsonl(path))
    rows = training_rows(stated_items(gold))
    weights = fit_logistic([x for _, x, _ in rows], [y for *_, y in rows], l2=args.l2, min_count=args.min_count)
    folds = cross_fit(rows, args.folds, args.seed, l2=args.l2, min_count=args.min_count)
    meta = {
        "corpus": f"{args.corpus}/dev.jsonl ({len(gold)} records, {len(rows)} stated relations, "
                  f"{sum(y for *_, y in rows)} matched to gold)",
        "licence": LICENCES[args.corpus],
        "trained_by": f"python scripts/train_link_scorer.py --corpus {args.corpus} --folds {args.folds} "
                      f"--seed {args.seed} --l2 {args.l2} --min-count {args.min_count} --threshold {args.threshold}",
        "argmine_commit": _commit(),
        "features": f"argmine.batch.link_scorer.relation_features, version {FEATURE_VERSION}",
        "held_out_figure": "python -m bench.link_scorer_cv",
    }
    scorer = LinkScorer(weights, args.threshold, folds, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(scorer.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights, {len(folds)} fold models, "
          f"{args.out.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
