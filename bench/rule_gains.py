"""What each cue rule gains on each corpus: matched and unmatched relations per rule.

Run from the repository root::

    python -m bench.rule_gains                               # every causal corpus, all records
    python -m bench.rule_gains --limit 300 --corpora cnc_v2,because
    python -m bench.rule_gains --save-json bench/results/rule_gains.json

The predictions are exactly those of ``argmine links`` (:func:`argmine.batch.links.stated_relations`
over :func:`argmine.batch.process.process_chapters`); here each predicted relation
keeps the id of the rule that found it, so the matching of
:mod:`argmine.evaluation.scoring` credits every true positive (tp) and false positive
(fp) to a rule. A rule's tp count is what the relation F1 loses without it. For
each annotated signal ("because", "to", none) it also counts how many gold
relations were found.
Predictions are also written to ``<pred-dir>/<corpus>.jsonl`` for
``python -m bench.error_sample``.
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from argmine.evaluation.scoring import match_relations, read_jsonl, score_records
from argmine.batch.links import extract_records, stated_relations

from bench.eval_corpora import CAUSAL_CORPORA, format_table

__all__ = ["corpus_gains", "main"]


def corpus_gains(records: list[dict], nlp=None) -> tuple[list[dict], Counter, Counter, Counter, Counter]:
    """Predictions for ``records``, the tp and fp counts of each rule, and gold relations found and present per gold signal."""
    tp: Counter = Counter()
    fp: Counter = Counter()
    found: Counter = Counter()
    present: Counter = Counter()
    predictions = []
    for record, links in extract_records(records, nlp):
        if isinstance(links, Exception):
            predictions.append({"id": record["id"], "error": f"{type(links).__name__}: {links}"})
            continue
        stated = stated_relations(links, record["text"])
        relations = [relation for _, relation in stated]
        predictions.append({"id": record["id"], "causal": bool(relations), "relations": relations})
        gold = record.get("relations") or []
        if record.get("causal") and not gold:
            continue  # sentence-only gold: relations are neither right nor wrong
        pairs = match_relations(gold, relations, record["text"])
        matched = {p for _, p in pairs}
        for index, (behind, _) in enumerate(stated):
            (tp if index in matched else fp)[behind[0].rule] += 1
        hit = {g for g, _ in pairs}
        for index, relation in enumerate(gold):
            signal = (relation.get("signal") or "(none)").lower()
            present[signal] += 1
            found[signal] += index in hit
    return predictions, tp, fp, found, present


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Per-rule true and false positives on the causal corpora.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--corpora", default=",".join(CAUSAL_CORPORA))
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="first N records of each corpus")
    parser.add_argument("--pred-dir", type=Path, default=Path("out/eval"))
    parser.add_argument("--save-json", type=Path, default=None, metavar="PATH")
    parser.add_argument("--signals", type=int, default=12, metavar="N",
                        help="print recall for the N most frequent annotated signals of each corpus")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    unknown = [c for c in corpora if c not in CAUSAL_CORPORA]
    if unknown:
        print(f"error: unknown corpora {unknown}; expected some of {', '.join(CAUSAL_CORPORA)}", file=sys.stderr)
        return 2
    rows, gains, recall = [], {}, {}
    for name in corpora:
        path = args.data / name / "dev.jsonl"
        if not path.is_file():
            print(f"warning: {path} not found; skipping {name}", file=sys.stderr)
            continue
        print(f"scoring {name} ...", file=sys.stderr)
        records = list(itertools.islice(read_jsonl(path), args.limit))
        predictions, tp, fp, found, present = corpus_gains(records)
        args.pred_dir.mkdir(parents=True, exist_ok=True)
        with (args.pred_dir / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for prediction in predictions:
                handle.write(json.dumps(prediction, ensure_ascii=False) + "\n")
        rows.append((name, score_records(records, predictions)))
        gains[name] = {rule: {"tp": tp[rule], "fp": fp[rule]} for rule in sorted(set(tp) | set(fp))}
        recall[name] = {signal: {"found": found[signal], "gold": n} for signal, n in present.most_common()}
    if not rows:
        print("error: no corpus was scored", file=sys.stderr)
        return 2
    print(format_table(rows))
    rules = sorted({rule for per in gains.values() for rule in per})
    names = [name for name, _ in rows]
    print("\n| rule | " + " | ".join(f"{n} tp/fp" for n in names) + " |")
    print("|---|" + "---:|" * len(names))
    for rule in rules:
        cells = [f"{gains[n].get(rule, {}).get('tp', 0)}/{gains[n].get(rule, {}).get('fp', 0)}" for n in names]
        print(f"| {rule} | " + " | ".join(cells) + " |")
    for name in names:
        top = list(recall[name].items())[:args.signals]
        if top:
            print(f"\n{name}: gold relations found, by annotated signal: "
                  + ", ".join(f"{signal} {c['found']}/{c['gold']}" for signal, c in top))
    if args.save_json is not None:
        args.save_json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"scores": {n: dataclasses.asdict(s) for n, s in rows}, "rules": gains,
                   "signals": recall, "limit": args.limit}
        args.save_json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
