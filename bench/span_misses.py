"""Why predicted relations that sit on a gold relation still fail the span match.

Run from the repository root after ``python -m bench.eval_corpora`` has written
predictions (``out/eval/<corpus>.jsonl`` by default)::

    python -m bench.span_misses                                # every corpus with predictions
    python -m bench.span_misses --corpora unicausal_altlex,cnc_v2 --pred-dir /tmp/p --show 10

A *near miss* is an unmatched predicted relation of a record that has an
unmatched gold relation whose cause and effect it overlaps (each predicted end
shares at least one character with the gold end of the same role), or whose
ends it overlaps the other way round (then it is counted as ``direction`` when
swapping the ends would match). Near misses are paired with the gold relation
they overlap most (summed character overlap), each gold relation at most once.

Each failing end of a near miss (``spans_match`` says no) gets one category:

- ``short``: the predicted end lies inside the gold end (the gold takes a
  larger clause or phrase); split by where the gold goes on: ``short-left``
  (only before it: a subject, a fronted phrase), ``short-right`` (only after
  it: a complement, a relative clause, the rest of the sentence), ``short-both``.
- ``long``: the gold end lies inside the predicted end; split by what the
  extra text holds: ``long-cue`` (the relation's signal), ``long-relative``
  (a relative clause after the gold: "which", "who", "that"), ``long-punct``
  (only punctuation), ``long-lead`` (only words before the gold: an adverbial,
  a dateline), ``long-trail`` (other words after), ``long-both``.
- ``shifted``: the ends overlap, neither holds the other (another clause
  boundary on one side, usually in a multi-clause sentence).

Output: per corpus, the number of near misses, how many fail at one end or
both, and the counts of the end categories. ``--show N`` prints N examples of
each category (gold and predicted text). Sizes: a few hundred lines of output
at most; the scorer is :mod:`argmine.evaluation.scoring`.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from argmine.evaluation.scoring import match_relations, read_jsonl, spans_match

__all__ = ["classify_end", "near_misses", "main"]

_RELATIVE = re.compile(r"^\W*(which|who|whom|whose|that|where)\b", re.I)
_PUNCT = re.compile(r"^[\W_]*$")
_CORPORA = ("cnc_v2", "because", "unicausal_altlex", "unicausal_ctb", "unicausal_esl",
            "unicausal_semeval", "fincausal")


def _span(rel: dict, role: str) -> tuple[int, int]:
    return rel[f"{role}_start"], rel[f"{role}_end"]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(text: str, gold: tuple[int, int], pred: tuple[int, int]) -> bool:
    return spans_match(gold, pred, text[gold[0]:gold[1]], text[pred[0]:pred[1]])


def classify_end(text: str, gold: tuple[int, int], pred: tuple[int, int], signal: str | None) -> str:
    """The category of one failing end (see the module docstring), from offsets into ``text``.

    >>> t = "Heavy rain fell for days, which caused floods in the valley."
    >>> classify_end(t, (0, 24), (0, 10), None)
    'short-right'
    >>> classify_end(t, (39, 59), (26, 59), "which caused")
    'long-cue'
    >>> classify_end(t, (39, 59), (39, 60), None)
    'long-punct'
    >>> classify_end(t, (39, 45), (39, 59), None)
    'long-trail'
    """
    (gs, ge), (ps, pe) = gold, pred
    if ps >= gs and pe <= ge:
        left, right = text[gs:ps].strip(), text[pe:ge].strip()
        if left and right and not _PUNCT.match(left) and not _PUNCT.match(right):
            return "short-both"
        return "short-left" if left and not _PUNCT.match(left) else "short-right"
    if gs >= ps and ge <= pe:
        lead, trail = text[ps:gs], text[ge:pe]
        extra = lead + " " + trail
        if signal and re.search(r"\b" + re.escape(signal.lower()) + r"\b", extra.lower()):
            return "long-cue"
        if _RELATIVE.match(trail):
            return "long-relative"
        if _PUNCT.match(extra):
            return "long-punct"
        if _PUNCT.match(trail):
            return "long-lead"
        if _PUNCT.match(lead):
            return "long-trail"
        return "long-both"
    return "shifted"


def near_misses(gold_rels: list[dict], pred_rels: list[dict], text: str) -> list[tuple[dict, dict, bool]]:
    """The near misses of one record: ``(gold, pred, reversed)`` triples (see the module docstring)."""
    matches = match_relations(gold_rels, pred_rels, text)
    free_gold = [g for i, g in enumerate(gold_rels) if i not in {m[0] for m in matches}]
    free_pred = [p for i, p in enumerate(pred_rels) if i not in {m[1] for m in matches}]
    out = []
    used: set[int] = set()
    for pred in free_pred:
        best = None
        for gi, gold in enumerate(free_gold):
            if gi in used:
                continue
            for rev in (False, True):
                gc, ge = (_span(gold, "effect"), _span(gold, "cause")) if rev else (_span(gold, "cause"), _span(gold, "effect"))
                oc, oe = _overlap(gc, _span(pred, "cause")), _overlap(ge, _span(pred, "effect"))
                if oc and oe and (best is None or oc + oe > best[0]):
                    best = (oc + oe, gi, rev)
        if best is not None:
            used.add(best[1])
            out.append((free_gold[best[1]], pred, best[2]))
    return out


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Classify the span near misses of argmine's predictions.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--pred-dir", type=Path, default=Path("out/eval"))
    parser.add_argument("--corpora", default=",".join(_CORPORA))
    parser.add_argument("--show", type=int, default=0, help="examples to print per category")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    for corpus in args.corpora.split(","):
        pred_path = args.pred_dir / f"{corpus}.jsonl"
        if not pred_path.exists():
            continue
        preds = {p["id"]: p for p in read_jsonl(pred_path)}
        counts: Counter = Counter()
        ends: Counter = Counter()
        examples: dict[str, list[str]] = defaultdict(list)
        for record in read_jsonl(args.data / corpus / "dev.jsonl"):
            if record["id"] not in preds:
                continue
            text = record["text"]
            for gold, pred, rev in near_misses(record.get("relations") or [], preds[record["id"]].get("relations") or [], text):
                counts["near misses"] += 1
                roles = (("cause", "effect"), ("effect", "cause")) if rev else (("cause", "cause"), ("effect", "effect"))
                if rev and all(_match(text, _span(gold, g), _span(pred, p)) for g, p in roles):
                    counts["direction"] += 1
                    continue
                failing = [(g, p) for g, p in roles if not _match(text, _span(gold, g), _span(pred, p))]
                counts[f"fail at {len(failing)} end(s)" + (" (reversed)" if rev else "")] += 1
                for g, p in failing:
                    kind = classify_end(text, _span(gold, g), _span(pred, p), pred.get("signal"))
                    ends[kind] += 1
                    ends[f"{p}:{kind.split('-')[0]}"] += 1
                    if len(examples[kind]) < args.show:
                        examples[kind].append(f"  [{p}] gold {text[slice(*_span(gold, g))]!r}\n"
                                              f"  {' ' * len(p)}   pred {text[slice(*_span(pred, p))]!r}  ({pred.get('signal')})")
        print(f"## {corpus}")
        for key in sorted(counts):
            print(f"  {key}: {counts[key]}")
        for key, n in sorted(ends.items(), key=lambda kv: (":" in kv[0], -kv[1])):
            print(f"  end {key}: {n}")
        for kind, rows in sorted(examples.items()):
            if not rows:
                continue
            print(f"### {kind}")
            print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
