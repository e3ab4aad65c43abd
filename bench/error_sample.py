"""Print gold and predicted relations side by side, to read what extraction misses or invents.

Run from the repository root after ``python -m bench.eval_corpora`` has written
predictions (``out/eval/<corpus>.jsonl`` by default)::

    python -m bench.error_sample cnc_v2                 # 20 records with an error, seed 0
    python -m bench.error_sample because --n 40 --only fn
    python -m bench.error_sample fincausal --pred out/eval/fincausal.jsonl --seed 3

Each record is marked with its counts (tp/fp/fn under the overlap rule of
:mod:`argmine.evaluation.scoring`); gold relations are marked ``+`` (matched) or ``-``
(missed), predictions ``+`` (matched) or ``!`` (false positive). The sample
is a deterministic draw (``--seed``) from the records with at least one error
of the chosen kind, so a reader can count error kinds and others can redraw
the same sample.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from argmine.evaluation.scoring import match_relations, read_jsonl

__all__ = ["main"]


def _show(text: str, rel: dict, role: str) -> str:
    return text[rel[f"{role}_start"]:rel[f"{role}_end"]]


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Sample gold/prediction disagreements of one corpus.")
    parser.add_argument("corpus", help="corpus folder name, e.g. cnc_v2")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--pred", type=Path, default=None, help="predictions (default: out/eval/<corpus>.jsonl)")
    parser.add_argument("--n", type=int, default=20, help="records to print")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=("any", "fn", "fp", "sent_fn", "sent_fp"), default="any",
                        help="which records to sample: with a missed gold relation (fn), a false "
                             "positive (fp), a causal passage predicted empty (sent_fn), a "
                             "non-causal passage with predictions (sent_fp), or any error")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    pred_path = args.pred or Path("out/eval") / f"{args.corpus}.jsonl"
    gold = list(read_jsonl(args.data / args.corpus / "dev.jsonl"))
    preds = {p["id"]: p for p in read_jsonl(pred_path)}
    rows = []
    for record in gold:
        if record["id"] not in preds:
            continue
        pred = preds[record["id"]].get("relations") or []
        gold_rels = record.get("relations") or []
        matches = match_relations(gold_rels, pred, record["text"])
        tp = len(matches)
        fp, fn = len(pred) - tp, len(gold_rels) - tp
        gold_causal = record.get("causal")
        if gold_causal is None:
            gold_causal = bool(gold_rels)
        kinds = {"fn": fn > 0, "fp": fp > 0 and (gold_rels or not gold_causal),
                 "sent_fn": bool(gold_causal) and not pred, "sent_fp": not gold_causal and bool(pred)}
        kinds["any"] = any(kinds.values())
        if kinds[args.only]:
            rows.append((record, pred, matches, tp, fp, fn))
    print(f"{len(rows)} records of {len(gold)} with errors of kind {args.only!r}; showing {min(args.n, len(rows))}",
          file=sys.stderr)
    for record, pred, matches, tp, fp, fn in random.Random(args.seed).sample(rows, min(args.n, len(rows))):
        text = record["text"]
        print(f"## {record['id']}  causal={record.get('causal')}  tp={tp} fp={fp} fn={fn}")
        print(f"   {text}")
        matched_gold = {g for g, _ in matches}
        matched_pred = {p for _, p in matches}
        for i, rel in enumerate(record.get("relations") or []):
            mark = "+" if i in matched_gold else "-"
            print(f"   gold {mark} C[{_show(text, rel, 'cause')}]  E[{_show(text, rel, 'effect')}]"
                  f"  S[{rel.get('signal')}]")
        for i, rel in enumerate(pred):
            mark = "+" if i in matched_pred else "!"
            print(f"   pred {mark} C[{_show(text, rel, 'cause')}]  E[{_show(text, rel, 'effect')}]"
                  f"  S[{rel.get('signal')}]")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
