"""Missed gold relations counted by their signal and by why they were missed; en_dimlex's causal connectives checked.

Run from the repository root, after ``python -m bench.eval_corpora`` has written its predictions::

    python -m bench.signal_misses unicausal_altlex             # out/eval/unicausal_altlex.jsonl against the gold
    python -m bench.signal_misses because --pred-dir out/eval --top 30
    python -m bench.signal_misses --dimlex ../shared/resources/en_dimlex/en_dimlex.xml

The signal of a gold relation is its annotated signal, or else (AltLex and the other
UniCausal conversions name none) the words between its cause and its effect, which in
AltLex are the alternative lexicalisation the sentence was split at. Each gold relation
the predictions miss is sorted as ``no prediction`` (the record has none), ``cause``,
``effect`` or ``both`` (a prediction overlaps it at both ends and the named end or ends
fail the span match), ``reversed`` (a prediction overlaps it with cause and effect
swapped) or ``elsewhere`` (predictions only at other words).

``--dimlex`` lists the connectives of en_dimlex (Das et al. 2018) whose PDTB senses are
mostly ``Contingency.Cause`` and says whether ``models/causal_cues.jsonl`` has each. It
reads the lexicon and prints; nothing of it is written to the repository (en_dimlex is
CC BY-NC-SA: see models/ATTRIBUTION.md).
"""
from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from argmine.evaluation.scoring import match_relations, read_jsonl, spans_match
from argmine.nlp.rules import load_cue_rules

__all__ = ["signal_of", "miss_kind", "signal_misses", "dimlex_causal", "main"]


def signal_of(text: str, relation: dict) -> str:
    """The relation's signal: its annotation, or the words between its two spans (lower case)."""
    if relation.get("signal"):
        return relation["signal"].lower()
    first, second = sorted([(relation["cause_start"], relation["cause_end"]),
                            (relation["effect_start"], relation["effect_end"])])
    return text[first[1]:second[0]].strip(" ,").lower()


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def miss_kind(text: str, gold: dict, predicted: list[dict]) -> str:
    """Why ``gold`` is unmatched by ``predicted`` (see the module docstring)."""
    if not predicted:
        return "no prediction"
    cause, effect = (gold["cause_start"], gold["cause_end"]), (gold["effect_start"], gold["effect_end"])
    for p in predicted:
        p_cause, p_effect = (p["cause_start"], p["cause_end"]), (p["effect_start"], p["effect_end"])
        if _overlap(cause, p_cause) and _overlap(effect, p_effect):
            bad_cause = not spans_match(cause, p_cause, gold["cause"], p["cause"])
            bad_effect = not spans_match(effect, p_effect, gold["effect"], p["effect"])
            return "both" if bad_cause and bad_effect else "cause" if bad_cause else "effect"
    if any(_overlap(cause, (p["effect_start"], p["effect_end"])) and _overlap(effect, (p["cause_start"], p["cause_end"]))
           for p in predicted):
        return "reversed"
    return "elsewhere"


def signal_misses(gold_records: list[dict], predictions: dict) -> tuple[Counter, Counter, Counter]:
    """(gold relations by signal, matched by signal, misses by (signal, kind))."""
    total, hit, missed = Counter(), Counter(), Counter()
    for record in gold_records:
        relations = record.get("relations") or []
        predicted = predictions.get(record["id"], {}).get("relations") or []
        matched = {g for g, _ in match_relations(relations, predicted, record["text"])}
        for k, relation in enumerate(relations):
            signal = signal_of(record["text"], relation)
            total[signal] += 1
            if k in matched:
                hit[signal] += 1
            else:
                missed[(signal, miss_kind(record["text"], relation, predicted))] += 1
    return total, hit, missed


def dimlex_causal(path: Path, share: float = 0.5) -> list[tuple[str, int, int]]:
    """en_dimlex entries whose PDTB senses are at least ``share`` Contingency.Cause: (word, cause count, all)."""
    out = []
    for entry in ET.parse(path).getroot():
        senses = Counter()
        for relation in entry.iter("pdtb2_relation"):
            senses[relation.get("sense") or ""] += int(relation.get("pdtb_freq") or 0)
        cause = sum(n for s, n in senses.items() if s.startswith("Contingency.Cause"))
        every = sum(senses.values())
        if cause and cause >= share * every:
            out.append((entry.get("word"), cause, every))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", help="corpus folder name under --data")
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--pred-dir", default="out/eval")
    parser.add_argument("--top", type=int, default=25, help="signals to print, most frequent first")
    parser.add_argument("--dimlex", type=Path, help="en_dimlex.xml: list its causal connectives against the cue lexicon")
    args = parser.parse_args(argv)
    if args.dimlex:
        known = {lemma.lower() for rule in load_cue_rules() for lemma in rule.lemmas}
        for word, cause, every in dimlex_causal(args.dimlex):
            print(f"{word:24} {cause:4d}/{every:<4d} {'in the cue lexicon' if word.lower() in known else 'MISSING'}")
    if not args.corpus:
        return 0
    gold = list(read_jsonl(Path(args.data) / args.corpus / "dev.jsonl"))
    predictions = {p["id"]: p for p in read_jsonl(Path(args.pred_dir) / f"{args.corpus}.jsonl")}
    gold = [g for g in gold if g["id"] in predictions]  # a --limit run predicted only the first records
    total, hit, missed = signal_misses(gold, predictions)
    kinds = Counter()
    for (_, kind), n in missed.items():
        kinds[kind] += n
    print(f"## {args.corpus}: {sum(hit.values())}/{sum(total.values())} gold relations matched")
    print("missed by kind: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))
    print("| signal | gold | matched | missed by kind |\n|---|---:|---:|---|")
    for signal, n in total.most_common(args.top):
        by_kind = ", ".join(f"{kind} {m}" for (s, kind), m in sorted(missed.items(), key=lambda x: -x[1]) if s == signal)
        print(f"| {signal or '(adjacent)'} | {n} | {hit[signal]} | {by_kind} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
