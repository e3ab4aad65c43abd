"""Resolution accuracy of argmine's anaphora on a folder of texts with a hand-made anaphora gold.

Run from the repository root (the texts are not in the repository)::

    python -m bench.eval_anaphora ../shared/history-dev                # history-dev gold
    python -m bench.eval_anaphora ../shared/history-dev -v             # ... and every miss
    python -m bench.eval_anaphora --seed                               # seed + test-chapter golds

The gold (``gold/history-dev-anaphora.jsonl`` by default, format in
``gold/README.md``) lists every anaphoric mention with its antecedent
concept(s). A mention counts as *correct* when a row of ``resolutions.csv``
overlaps its characters and the row's antecedents are the gold ones, no more
and no fewer (:func:`bench.eval_seed.resolution_correct`: word-stem matching
of names and aliases). *Found* counts mentions that argmine reported at all
(resolved or not). Prints the overall figure, then one line per kind; exits 0.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections import Counter
from pathlib import Path

from bench.eval_seed import GOLD, _read, resolution_correct, score_resolutions

__all__ = ["score_by_kind", "main"]


def score_by_kind(rows: list[dict], gold: list[dict]) -> dict[str, tuple[int, int]]:
    """kind -> (correct, gold mentions) for the gold lines of each kind."""
    out: dict[str, tuple[int, int]] = {}
    for kind in sorted({g["kind"] for g in gold}):
        lines = [g for g in gold if g["kind"] == kind]
        scores = score_resolutions(rows, lines)
        out[kind] = (scores.correct, scores.gold)
    return out


def _report(name: str, rows: list[dict], gold: list[dict], verbose: bool) -> dict:
    scores = score_resolutions(rows, gold)
    kinds = score_by_kind(rows, gold)
    print(f"{name}: resolution accuracy {scores.accuracy:.2f} ({scores.correct}/{scores.gold}), "
          f"found {scores.found}/{scores.gold}, with evidence {scores.with_evidence}, extra {scores.extra}")
    for kind, (correct, total) in kinds.items():
        print(f"  {kind:14} {correct}/{total}")
    if verbose:
        for miss in scores.wrong:
            print(f"    - {miss}")
    return {"accuracy": round(scores.accuracy, 3), "correct": scores.correct, "gold": scores.gold,
            "found": scores.found, "by_kind": kinds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", help="folder of the texts the gold is about (NAME.txt, NAME.page.txt)")
    parser.add_argument("--gold", default=str(GOLD / "history-dev-anaphora.jsonl"))
    parser.add_argument("--seed", action="store_true", help="also score gold/seed-anaphora.jsonl and gold/test-anaphora.jsonl")
    parser.add_argument("--json", help="write the figures here as JSON")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    from argmine import analyze, analyze_corpus

    figures = {}
    if args.folder:
        paths = sorted(glob.glob(os.path.join(args.folder, "*.txt")))
        if not paths:
            print(f"no .txt files in {args.folder}", file=sys.stderr)
            return 2
        result = analyze_corpus(paths)
        figures["history-dev"] = _report("history-dev", result.resolutions.to_dict("records"), _read(Path(args.gold)),
                                         args.verbose)
    if args.seed:
        from bench.eval_seed import CHAPTERS, SEED

        seed = analyze(SEED)
        figures["seed"] = _report("seed", seed.resolutions.to_dict("records"), _read(GOLD / "seed-anaphora.jsonl"),
                                  args.verbose)
        chapters = analyze_corpus(sorted(CHAPTERS.glob("*.txt")))
        figures["test-chapters"] = _report("test-chapters", chapters.resolutions.to_dict("records"),
                                           _read(GOLD / "test-anaphora.jsonl"), args.verbose)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
