"""How each causal corpus draws its spans: the conventions argmine's figures depend on.

Run from the repository root::

    python -m bench.corpus_stats                 # every causal corpus in ../shared/data
    python -m bench.corpus_stats --data DIR

For each corpus: records, causal records, relations, the median words of a
cause and of an effect, the share of gold spans short enough for the
head-word rule of :mod:`argmine.evaluation.scoring` (at most 3 words), the share of
relations without an annotated signal, the share whose two spans together
cover the whole passage (a sentence split in two around the signal), and the
share whose cause comes after its effect. Reads only the gold; no model.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

from argmine.evaluation.scoring import HEAD_MAX_GOLD_WORDS, read_jsonl

from bench.eval_corpora import CAUSAL_CORPORA

__all__ = ["corpus_stats", "main"]


def corpus_stats(records: list[dict]) -> dict:
    """Span statistics of one corpus's gold records."""
    relations = [(r["text"], x) for r in records for x in r.get("relations") or []]
    cause_words = [len(x["cause"].split()) for _, x in relations]
    effect_words = [len(x["effect"].split()) for _, x in relations]
    spans = len(relations) * 2 or 1
    count = len(relations) or 1

    def covers(text: str, rel: dict) -> bool:
        start = min(rel["cause_start"], rel["effect_start"])
        end = max(rel["cause_end"], rel["effect_end"])
        return not text[:start].strip() and len(text[end:].strip(" .")) == 0

    return {
        "records": len(records),
        "causal": sum(1 for r in records if r.get("causal") or (r.get("causal") is None and r.get("relations"))),
        "relations": len(relations),
        "cause_words": statistics.median(cause_words) if cause_words else 0,
        "effect_words": statistics.median(effect_words) if effect_words else 0,
        "head_spans": (sum(1 for w in cause_words + effect_words if w <= HEAD_MAX_GOLD_WORDS)) / spans,
        "no_signal": sum(1 for _, x in relations if not x.get("signal")) / count,
        "whole_passage": sum(1 for text, x in relations if covers(text, x)) / count,
        "cause_after_effect": sum(1 for _, x in relations if x["cause_start"] > x["effect_start"]) / count,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Span conventions of the causal corpora.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args(argv)
    print("| corpus | records | causal | relations | median cause words | median effect words "
          "| spans of ≤3 words | no signal | spans cover the passage | cause after effect |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    found = 0
    for name in CAUSAL_CORPORA:
        path = args.data / name / "dev.jsonl"
        if not path.is_file():
            print(f"warning: {path} not found; skipping {name}", file=sys.stderr)
            continue
        found += 1
        s = corpus_stats(list(read_jsonl(path)))
        print(f"| {name} | {s['records']} | {s['causal']} | {s['relations']} | {s['cause_words']:g} "
              f"| {s['effect_words']:g} | {s['head_spans']:.0%} | {s['no_signal']:.0%} "
              f"| {s['whole_passage']:.0%} | {s['cause_after_effect']:.0%} |")
    return 0 if found else 2


if __name__ == "__main__":
    sys.exit(main())
