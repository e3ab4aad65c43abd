"""Missed gold relations counted by their signal and by why they were missed; en_dimlex's causal connectives checked.

Run from the repository root, after ``python -m bench.eval_corpora`` has written its predictions::

    python -m bench.signal_misses unicausal_altlex             # out/eval/unicausal_altlex.jsonl against the gold
    python -m bench.signal_misses because --pred-dir out/eval --top 30
    python -m bench.signal_misses --dimlex ../shared/resources/en_dimlex/en_dimlex.xml
    python -m bench.signal_misses unicausal_altlex --false-positives   # unmatched predictions by kind and cue

The signal of a gold relation is its annotated signal, or else (AltLex and the other
UniCausal conversions name none) the words between its cause and its effect, which in
AltLex are the alternative lexicalisation the sentence was split at. Each gold relation
the predictions miss is sorted as ``no prediction`` (the record has none), ``cause``,
``effect`` or ``both`` (a prediction overlaps it at both ends and the named end or ends
fail the span match), ``reversed`` (a prediction overlaps it with cause and effect
swapped) or ``elsewhere`` (predictions only at other words).

``--false-positives`` sorts the predicted relations that match no gold relation
(:func:`false_positive_kind`): ``no gold`` (the record has no gold relation),
``near`` (it overlaps an unmatched gold relation at both ends, cause to cause and
effect to effect, but an end fails the span match), ``near matched`` (the same
with a gold relation another prediction matches), ``reversed`` (it overlaps a
gold relation with cause and effect swapped), ``extra`` (gold elsewhere in the
record, some of it unmatched) and ``extra, gold all matched`` (every gold
relation of the record is matched by other predictions), each counted by the
predicted cue.

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

__all__ = ["signal_of", "miss_kind", "signal_misses", "false_positive_kind", "false_positives", "dimlex_causal", "main"]


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


def false_positive_kind(text: str, gold: list[dict], predicted: dict, matched_gold: set[int]) -> str:
    """What an unmatched ``predicted`` relation is to the record's ``gold`` (see the module docstring).

    ``matched_gold`` holds the indices of the gold relations other predictions match.
    """
    if not gold:
        return "no gold"
    p_cause = (predicted["cause_start"], predicted["cause_end"])
    p_effect = (predicted["effect_start"], predicted["effect_end"])
    for k, g in enumerate(gold):
        if _overlap((g["cause_start"], g["cause_end"]), p_cause) and _overlap((g["effect_start"], g["effect_end"]), p_effect):
            return "near matched" if k in matched_gold else "near"
    for g in gold:
        if _overlap((g["cause_start"], g["cause_end"]), p_effect) and _overlap((g["effect_start"], g["effect_end"]), p_cause):
            return "reversed"
    return "extra, gold all matched" if len(matched_gold) == len(gold) else "extra"


def false_positives(gold_records: list[dict], predictions: dict) -> tuple[Counter, Counter, Counter]:
    """(unmatched predictions by kind, by (kind, cue), matched predictions by cue); cues in lower case."""
    kinds, by_cue, matched_by_cue = Counter(), Counter(), Counter()
    for record in gold_records:
        relations = record.get("relations") or []
        predicted = predictions.get(record["id"], {}).get("relations") or []
        pairs = match_relations(relations, predicted, record["text"])
        matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
        for k, relation in enumerate(predicted):
            cue = (relation.get("signal") or "").lower()
            if k in matched_pred:
                matched_by_cue[cue] += 1
                continue
            kind = false_positive_kind(record["text"], relations, relation, matched_gold)
            kinds[kind] += 1
            by_cue[(kind, cue)] += 1
    return kinds, by_cue, matched_by_cue


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
    parser.add_argument("--false-positives", action="store_true",
                        help="sort the unmatched predicted relations by kind and cue instead of the missed gold")
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
    if args.false_positives:
        kinds, by_cue, matched = false_positives(gold, predictions)
        print(f"## {args.corpus}: {sum(kinds.values())} unmatched predicted relations, {sum(matched.values())} matched")
        print("by kind: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))
        print("| cue | matched | unmatched by kind |\n|---|---:|---|")
        cues = Counter()
        for (kind, cue), n in by_cue.items():
            cues[cue] += n
        for cue, n in cues.most_common(args.top):
            detail = ", ".join(f"{kind} {m}" for (k, c), m in sorted(by_cue.items(), key=lambda x: -x[1])
                               for kind in [k] if c == cue)
            print(f"| {cue or '(none)'} | {matched[cue]} | {n}: {detail} |")
        return 0
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
