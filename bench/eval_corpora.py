"""Score ``argmine.batch.links.predict_records`` on the annotated causal corpora.

Run from the repository root (so that ``pipeline`` imports without an install)::

    python -m bench.eval_corpora                      # all causal corpora
    python -m bench.eval_corpora --limit 200 --corpora cnc_v2,because
    python -m bench.eval_corpora --data /path/to/data --save-json out/eval/scores.json

For each corpus it reads ``<data>/<corpus>/dev.jsonl``, hands the predictor
only ``id`` and ``text`` of each record, writes the predictions to
``<pred-dir>/<corpus>.jsonl``, scores them with :mod:`argmine.evaluation.scoring`, and
prints a Markdown table. On the corpora of :data:`SCHEMES` the default predictor leaves out
what the corpus's annotation scheme cannot hold (SemEval-2010 Task 8: purposes and
motives; FinCausal: effects that state no figure; the Causal News Corpus: relations its learned
link scorer rates below threshold, each record scored by a fold model that never saw it);
``--raw`` scores every relation argmine states. Exit status: 0 on success, 1 when a corpus file was
malformed (reported and skipped), 2 when the data folder, a requested corpus
name, or every corpus is missing.
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from argmine.errors import InputError
from argmine.evaluation.scoring import Scores, read_jsonl, score_records

__all__ = [
    "CAUSAL_CORPORA",
    "SCHEMES",
    "Scheme",
    "Predictor",
    "evaluate_corpus",
    "format_table",
    "main",
]

#: Folders of ``../shared/data`` in the causal schema, in report order.
CAUSAL_CORPORA = (
    "cnc_v2",
    "because",
    "unicausal_altlex",
    "unicausal_ctb",
    "unicausal_esl",
    "unicausal_semeval",
    "fincausal",
)

@dataclasses.dataclass(frozen=True)
class Scheme:
    """What a corpus's annotation scheme can hold among the relations argmine states.

    ``motives``: purposes and motives (links of strength ``motive``, intentions
    rather than achieved effects) count as relations. ``quantified_effect``:
    only a relation whose effect states a figure (a digit in the effect span)
    counts. ``scorer``: a link scorer shipped in ``models/`` (a file name; see
    :mod:`argmine.batch.link_scorer`) learned from this corpus: a relation it
    rates below its threshold is one the corpus does not annotate; each record
    of the corpus is scored by the fold model that never saw it, so the figure
    is a held-out one. ``note``: the scheme's own definition that says so. A corpus
    without an entry in :data:`SCHEMES` takes every relation (``Scheme()``).
    """

    motives: bool = True
    quantified_effect: bool = False
    scorer: str = ""
    note: str = ""

    def holds(self, relation: dict) -> bool:
        """Whether a relation of the ``argmine links`` schema is of a kind the scheme annotates.

        >>> Scheme(quantified_effect=True).holds({"cause": "the strike", "effect": "output fell 4%"})
        True
        >>> Scheme(quantified_effect=True).holds({"cause": "the strike", "effect": "output fell"})
        False
        """
        return not self.quantified_effect or any(ch.isdigit() for ch in relation.get("effect") or "")

    def conform(self, predictions: Iterable[dict]) -> Iterator[dict]:
        """The predictions with only the relations the scheme holds; ``causal`` follows them."""
        for prediction in predictions:
            if "relations" in prediction:
                kept = [r for r in prediction["relations"] if self.holds(r)]
                if len(kept) != len(prediction["relations"]):
                    prediction = dict(prediction, relations=kept, causal=bool(kept))
            yield prediction


#: The corpora whose scheme leaves out some kind of relation that argmine states.
SCHEMES: dict[str, Scheme] = {
    "cnc_v2": Scheme(
        scorer="cnc_link_scorer.json",
        note="the Causal News Corpus annotates the causal relations of protest-event news by its own conventions "
             "(harm suffered in an event and many agents' acts are not annotated); which of argmine's readings it "
             "counts is learned from its dev file (scripts/train_link_scorer.py, held out: bench.link_scorer_cv)"),
    "unicausal_semeval": Scheme(
        motives=False,
        note="SemEval-2010 Task 8 relates two nominals (heads of base noun phrases) of one sentence; "
             "a purpose is an infinitive clause and an intention, never one of its Cause-Effect pairs"),
    "fincausal": Scheme(
        quantified_effect=True,
        note="FinCausal 2020 annotates the causality associated with a quantified fact: the effect is a "
             "financial or economic outcome stated with its figure (Mariko et al. 2020)"),
}

Predictor = Callable[[Iterable[dict]], Iterator[dict]]


def _conformed(predict: Predictor, scheme: Scheme) -> Predictor:
    """``predict`` whose predictions keep only the relations ``scheme`` holds."""
    return lambda records: scheme.conform(predict(records))


def _default_predictor(motives: bool = True, scorer: str = "") -> Predictor:
    from argmine.batch.links import predict_records  # imported late: written separately

    if scorer:
        from argmine.batch.link_scorer import load_scorer

        loaded = load_scorer(scorer)
        return lambda records: predict_records(records, motives=motives, scorer=loaded)
    if motives:
        return predict_records
    return lambda records: predict_records(records, motives=False)


def evaluate_corpus(
    gold_path: Path,
    predict: Predictor,
    *,
    limit: int | None = None,
    pred_path: Path | None = None,
    exact: bool = False,
) -> Scores:
    """Predict and score the first ``limit`` records of one gold file.

    Parameters
    ----------
    gold_path : Path
        A JSON Lines file in the causal schema.
    predict : callable
        Takes records with ``id`` and ``text`` and yields one prediction per
        record in the ``argmine links`` output schema.
    limit : int, optional
        Score only the first ``limit`` records.
    pred_path : Path, optional
        Where to write the predictions as JSON Lines.
    exact : bool
        Require exact span offsets.

    Returns
    -------
    Scores
    """
    gold = list(itertools.islice(read_jsonl(gold_path), limit))
    inputs = ({"id": record["id"], "text": record["text"]} for record in gold)
    predictions = list(predict(inputs))
    if pred_path is not None:
        pred_path.parent.mkdir(parents=True, exist_ok=True)
        with pred_path.open("w", encoding="utf-8") as handle:
            for prediction in predictions:
                handle.write(json.dumps(prediction, ensure_ascii=False) + "\n")
    return score_records(
        gold, predictions, exact=exact, gold_name=str(gold_path),
        pred_name=str(pred_path) if pred_path is not None else "predictions",
    )


def format_table(rows: Sequence[tuple[str, Scores]]) -> str:
    """Render per-corpus scores as a Markdown table.

    Parameters
    ----------
    rows : sequence of (str, Scores)
        Corpus name and its scores, in display order.

    Returns
    -------
    str
        The table, without a trailing newline.

    Examples
    --------
    >>> s = Scores(4, 1, 1, 1, 0.5, 0.5, 0.5, 2, 0, 1, 1.0, 2/3, 0.8)
    >>> print(format_table([("cnc_v2", s)]))
    | corpus | records | precision | recall | F1 | sentence-causal F1 |
    |---|---:|---:|---:|---:|---:|
    | cnc_v2 | 4 | 0.500 | 0.500 | 0.500 | 0.800 |
    """
    lines = [
        "| corpus | records | precision | recall | F1 | sentence-causal F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, s in rows:
        lines.append(
            f"| {name} | {s.records} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f}"
            f" | {s.sent_f1:.3f} |"
        )
    return "\n".join(lines)


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Score argmine.batch.links.predict_records on the annotated causal corpora."
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data"),
                        help="folder of corpus folders (default: ../shared/data from the "
                             "current directory)")
    parser.add_argument("--corpora", default=",".join(CAUSAL_CORPORA),
                        help="comma-separated corpus names (default: all causal corpora)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="score only the first N records of each corpus")
    parser.add_argument("--pred-dir", type=Path, default=Path("out/eval"),
                        help="where to write <corpus>.jsonl predictions (default: out/eval/)")
    parser.add_argument("--save-json", type=Path, default=None, metavar="PATH",
                        help="also write the scores as JSON")
    parser.add_argument("--exact", action="store_true", help="require exact span offsets")
    parser.add_argument("--raw", action="store_true",
                        help="score every relation argmine states, also those a corpus's scheme cannot "
                             f"hold ({', '.join(sorted(SCHEMES))}: see bench.eval_corpora.SCHEMES)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error(f"--limit must be a positive number of records, got {args.limit}")
    return args


def main(argv: Sequence[str] | None = None, predict: Predictor | None = None) -> int:
    """Run the benchmark; return the exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        Command-line arguments (default: ``sys.argv[1:]``).
    predict : callable, optional
        The predictor (default: ``argmine.batch.links.predict_records``).
    """
    args = _parse_args(argv)
    if not args.data.is_dir():
        print(f"error: data folder {args.data} not found (resolved to {args.data.resolve()}); "
              "pass --data DIR", file=sys.stderr)
        return 2
    corpora = [name.strip() for name in args.corpora.split(",") if name.strip()]
    unknown = [name for name in corpora if name not in CAUSAL_CORPORA]
    if unknown or not corpora:
        print(f"error: unknown corpora {unknown or args.corpora!r}; expected some of "
              f"{', '.join(CAUSAL_CORPORA)}", file=sys.stderr)
        return 2
    present = [name for name in corpora if (args.data / name / "dev.jsonl").is_file()]
    for name in corpora:
        if name not in present:
            print(f"warning: {args.data / name / 'dev.jsonl'} not found; skipping {name}",
                  file=sys.stderr)
    if not present:
        print(f"error: none of the requested corpora is in {args.data}", file=sys.stderr)
        return 2

    default = predict is None
    if default:
        try:
            predict = _default_predictor()
        except ImportError as error:
            print(f"error: cannot import argmine.batch.links.predict_records ({error})", file=sys.stderr)
            return 2
    rows = []
    failed = 0
    for name in present:
        print(f"scoring {name} ...", file=sys.stderr)
        corpus_predict = predict
        scheme = Scheme() if args.raw else SCHEMES.get(name, Scheme())
        if default and (not scheme.motives or scheme.scorer):
            corpus_predict = _default_predictor(motives=scheme.motives, scorer=scheme.scorer)
        if scheme.quantified_effect:
            corpus_predict = _conformed(corpus_predict, scheme)
        try:
            scores = evaluate_corpus(
                args.data / name / "dev.jsonl", corpus_predict, limit=args.limit,
                pred_path=args.pred_dir / f"{name}.jsonl", exact=args.exact,
            )
        except InputError as error:
            print(f"error: {error}; skipping {name}", file=sys.stderr)
            failed += 1
            continue
        rows.append((name, scores))
    print(format_table(rows))
    def conventions(scheme: Scheme) -> list[str]:
        return [what for what, on in (
            ("no purposes or motives", not scheme.motives),
            ("effects that state a figure", scheme.quantified_effect),
            (f"relations the link scorer {scheme.scorer} keeps (each record scored by a fold model that never "
             "saw it; held out: python -m bench.link_scorer_cv)", bool(scheme.scorer) and default)) if on]

    applied = [(name, conventions(SCHEMES[name])) for name, _ in rows if name in SCHEMES and not args.raw]
    applied = [(name, what) for name, what in applied if what]
    if applied:
        print("\nscored as each scheme annotates (--raw: every relation): " + "; ".join(
            f"{name}: " + ", ".join(what) for name, what in applied))
    troubled = [f"{name}: {s.errors} errors, {s.missing} missing"
                for name, s in rows if s.errors or s.missing]
    if troubled:
        print("\nrecords scored as empty predictions: " + "; ".join(troubled))
    if args.save_json is not None:
        args.save_json.parent.mkdir(parents=True, exist_ok=True)
        payload = {name: dataclasses.asdict(s) for name, s in rows}
        args.save_json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
