"""How much of a split-sentence corpus's gap is its argument convention (a diagnostic, not a figure of argmine's).

Run from the repository root after ``python -m bench.eval_corpora`` has written
predictions (``out/eval/<corpus>.jsonl`` by default)::

    python -m bench.argument_level                                   # AltLex, predictions in out/eval
    python -m bench.argument_level --corpora unicausal_altlex --pred-dir /tmp/p

AltLex (Hidey & McKeown 2016, as UniCausal converts it) splits each sentence at
one connective: its cause and effect are the two sides of the sentence, from
its start to the connective and from the connective to its end. argmine's ends
are concepts ("the leak", not "Following the leak on the night of 2 December
1984"), so a right reading often fails the span rule of
:func:`argmine.evaluation.scoring.spans_match` (character Jaccard >= 0.5).

This script stretches every predicted relation whose two ends do not overlap to
the corpus's arguments: the end that comes first runs from the start of the text,
the other to its end; the direction is kept. The stretched predictions are then
scored by :func:`argmine.evaluation.scoring.score_records` as usual. The gap
between the two figures is what the argument convention costs; the stretched
figure is not a score of argmine (it credits a relation found at a connective
whatever its concept spans are) and is never reported as the corpus's figure in
``bench.eval_corpora``.

Output: a Markdown table, one row per corpus: relation P / R / F1 as stated and
stretched. Exit status 0, or 2 when a prediction or gold file is missing.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from argmine.evaluation.scoring import Scores, read_jsonl, score_records

__all__ = ["stretch_relation", "stretch_predictions", "main"]


def stretch_relation(relation: dict, text: str) -> dict | None:
    """``relation`` with its first end run to the start of ``text`` and its second to the end.

    ``relation`` is one relation of the ``argmine links`` schema (offsets into
    ``text``, end-exclusive). Returns a new dict with offsets and span texts
    changed and every other key kept, or ``None`` when the ends overlap (no
    side of a connective holds either end alone).

    >>> text = "After days of rain, the dyke broke and flooded the fields below."
    >>> r = {"cause": "the dyke broke", "cause_start": 20, "cause_end": 34,
    ...      "effect": "the fields", "effect_start": 47, "effect_end": 57, "signal": "flooded"}
    >>> s = stretch_relation(r, text)
    >>> s["cause"], s["effect"], s["signal"]
    ('After days of rain, the dyke broke', 'the fields below.', 'flooded')
    >>> stretch_relation(dict(r, effect_start=25, effect_end=40), text) is None
    True
    """
    cause = relation["cause_start"], relation["cause_end"]
    effect = relation["effect_start"], relation["effect_end"]
    if cause[1] <= effect[0]:
        cause, effect = (0, cause[1]), (effect[0], len(text))
    elif effect[1] <= cause[0]:
        effect, cause = (0, effect[1]), (cause[0], len(text))
    else:
        return None
    return dict(relation, cause=text[cause[0]:cause[1]], cause_start=cause[0], cause_end=cause[1],
                effect=text[effect[0]:effect[1]], effect_start=effect[0], effect_end=effect[1])


def stretch_predictions(predictions: Iterable[dict], texts: dict) -> Iterator[dict]:
    """Each prediction with its relations stretched (:func:`stretch_relation`); overlapping ones are dropped.

    ``texts`` maps a record id to its text; a prediction whose id is not in it is
    passed on unchanged (the scorer counts it as extra).
    """
    for prediction in predictions:
        text = texts.get(prediction.get("id"))
        if text is None or "relations" not in prediction:
            yield prediction
            continue
        stretched = [s for s in (stretch_relation(r, text) for r in prediction["relations"]) if s is not None]
        yield dict(prediction, relations=stretched, causal=bool(stretched) or bool(prediction.get("causal")))


def _row(name: str, stated: Scores, stretched: Scores) -> str:
    return (f"| {name} | {stated.precision:.3f} / {stated.recall:.3f} / {stated.f1:.3f} "
            f"| {stretched.precision:.3f} / {stretched.recall:.3f} / {stretched.f1:.3f} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score predictions stretched to a split-sentence corpus's arguments.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--pred-dir", type=Path, default=Path("out/eval"))
    parser.add_argument("--corpora", default="unicausal_altlex")
    args = parser.parse_args(argv)
    rows = ["| corpus | as stated: P / R / F1 | stretched to the arguments: P / R / F1 |", "|---|---|---|"]
    for corpus in args.corpora.split(","):
        gold_path, pred_path = args.data / corpus / "dev.jsonl", args.pred_dir / f"{corpus}.jsonl"
        for path in (gold_path, pred_path):
            if not path.exists():
                print(f"error: {path} does not exist (run python -m bench.eval_corpora --pred-dir {args.pred_dir} first)",
                      file=sys.stderr)
                return 2
        gold = list(read_jsonl(gold_path))
        predictions = list(read_jsonl(pred_path))
        texts = {record["id"]: record["text"] for record in gold}
        rows.append(_row(corpus, score_records(gold, predictions),
                         score_records(gold, stretch_predictions(predictions, texts))))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
