"""How well argmine finds and types argumentative units.

Run from the repository root::

    python -m bench.eval_arguments                       # both corpora, the seed gold, the classifier check
    python -m bench.eval_arguments --limit 50 --no-classifier
    python -m bench.eval_arguments --data /path/to/data --save-json out/eval/arguments.json

Three measurements:

1. **Component types** on the dev portions of ``<data>/abstrct`` and
   ``<data>/arg_microtexts`` (the argument schema of ``../shared/data/README.md``).
   argmine's units typed thesis or claim count as *claim*, premise as *premise*;
   background and meta units are not argument components. Gold MajorClaim and
   ArgumentativeUnit are *claim*, Premise is *premise*. A predicted unit matches a gold
   component when their character-level Jaccard overlap is at least 0.5 (as for
   causal spans); each gold component is matched once. Reported per label,
   micro-averaged over both labels, and unlabelled (is the span a component at
   all, whatever its type).
2. **The seed gold** (``gold/seed-claims.jsonl``): accuracy of unit types and of
   attribution over the gold units (a gold unit no predicted unit matches counts
   as wrong), and precision/recall of support and contrast edges.
3. **Would a learned classifier earn its place?** A multinomial naive Bayes
   over the words of argmine's own units (labels claim / premise / none, taken
   from the gold component each unit matches), scored with the same metric:
   5-fold cross-validation within AbstRCT, training on AbstRCT and testing on
   the microtexts, and training on both and typing the seed's units.

Exit status: 0 on success, 2 when the data folder or a requested corpus is missing.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["Span", "jaccard", "match_spans", "LabelScores", "score_spans", "predict_units", "NaiveBayes", "main"]

ARGUMENT_CORPORA = ("abstrct", "arg_microtexts")
GOLD_LABEL = {"MajorClaim": "claim", "Claim": "claim", "Premise": "premise"}
UNIT_LABEL = {"thesis": "claim", "claim": "claim", "premise": "premise"}
LABELS = ("claim", "premise")
THRESHOLD = 0.5
_WORD = re.compile(r"[a-z]+|[0-9]+|[%?=<>]")


@dataclass(frozen=True)
class Span:
    """A labelled character span (end-exclusive)."""

    start: int
    end: int
    label: str


def jaccard(a: Span, b: Span) -> float:
    """Character-level Jaccard overlap of two spans.

    >>> jaccard(Span(0, 10, "claim"), Span(5, 15, "claim"))
    0.3333333333333333
    """
    overlap = min(a.end, b.end) - max(a.start, b.start)
    if overlap <= 0:
        return 0.0
    return overlap / (max(a.end, b.end) - min(a.start, b.start))


def match_spans(predicted: list[Span], gold: list[Span], *, labelled: bool) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index), each used once, best overlaps first, Jaccard >= 0.5.

    >>> match_spans([Span(0, 10, "claim")], [Span(0, 9, "premise")], labelled=True)
    []
    >>> match_spans([Span(0, 10, "claim")], [Span(0, 9, "premise")], labelled=False)
    [(0, 0)]
    """
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if labelled and p.label != g.label:
                continue
            overlap = jaccard(p, g)
            if overlap >= THRESHOLD:
                candidates.append((-overlap, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return sorted(pairs)


@dataclass
class LabelScores:
    """True positives, false positives and false negatives of one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "LabelScores") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


def score_spans(predicted: list[Span], gold: list[Span]) -> dict[str, LabelScores]:
    """Scores per label, ``micro`` over the labels, and ``unlabelled`` (any component)."""
    scores = {label: LabelScores() for label in (*LABELS, "micro", "unlabelled")}
    for label in LABELS:
        p = [s for s in predicted if s.label == label]
        g = [s for s in gold if s.label == label]
        tp = len(match_spans(p, g, labelled=True))
        scores[label] = LabelScores(tp, len(p) - tp, len(g) - tp)
        scores["micro"].add(scores[label])
    tp = len(match_spans(predicted, gold, labelled=False))
    scores["unlabelled"] = LabelScores(tp, len(predicted) - tp, len(gold) - tp)
    return scores


# -- predictions ----------------------------------------------------------------

@dataclass
class Unit:
    """One argmine unit of a record: its span, argmine's type and its words (for the classifier)."""

    start: int
    end: int
    type: str
    asserted_by: str
    words: list[str] = field(default_factory=list)


def predict_units(texts: list[str], nlp=None, batch_size: int = 32) -> list[list[Unit]]:
    """argmine's units of each text, with character offsets into it."""
    from argmine.nlp.model import load_nlp

    nlp = nlp or load_nlp()
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        units = []
        for data in doc._.claim_units or []:
            span = doc[data["start"]:data["end"]]
            units.append(Unit(span.start_char, span.end_char, data["type"], data["asserted_by"], _features(span.text, data, len(doc._.claim_units))))
        out.append(units)
    return out


def _features(text: str, data: dict, n_units: int) -> list[str]:
    words = _WORD.findall(text.lower())
    position = "first" if data.get("sentence_index", 0) == 0 else "later"
    return words + [f"__{position}__"]


def rule_spans(units: list[Unit]) -> list[Span]:
    return [Span(u.start, u.end, UNIT_LABEL[u.type]) for u in units if u.type in UNIT_LABEL]


def gold_spans(record: dict) -> list[Span]:
    return [Span(c["start"], c["end"], GOLD_LABEL[c["label"]]) for c in record["components"]]


# -- a learned classifier, for comparison --------------------------------------------

class NaiveBayes:
    """Multinomial naive Bayes with add-one smoothing over a unit's words.

    >>> nb = NaiveBayes().fit([["p", "=", "0"], ["we", "conclude"]], ["premise", "claim"])
    >>> nb.predict(["p", "="])
    'premise'
    """

    def fit(self, documents: list[list[str]], labels: list[str]) -> "NaiveBayes":
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.priors = Counter(labels)
        for words, label in zip(documents, labels):
            self.counts[label].update(words)
        self.vocabulary = {w for c in self.counts.values() for w in c}
        self.totals = {label: sum(c.values()) for label, c in self.counts.items()}
        return self

    def predict(self, words: list[str]) -> str:
        n = sum(self.priors.values())
        v = len(self.vocabulary) + 1

        def log_prob(label: str) -> float:
            counts, total = self.counts[label], self.totals[label]
            return math.log(self.priors[label] / n) + sum(math.log((counts[w] + 1) / (total + v)) for w in words)

        return max(sorted(self.priors), key=log_prob)


def unit_labels(units: list[Unit], gold: list[Span]) -> list[str]:
    """The gold label of each unit (the component it matches), or "none"."""
    pairs = dict(match_spans([Span(u.start, u.end, "") for u in units], gold, labelled=False))
    return [gold[pairs[i]].label if i in pairs else "none" for i in range(len(units))]


def classifier_spans(model: NaiveBayes, units: list[Unit]) -> list[Span]:
    spans = []
    for unit in units:
        label = model.predict(unit.words)
        if label != "none":
            spans.append(Span(unit.start, unit.end, label))
    return spans


def _training(records, units_of) -> tuple[list[list[str]], list[str]]:
    documents, labels = [], []
    for record, units in zip(records, units_of):
        documents += [u.words for u in units]
        labels += unit_labels(units, gold_spans(record))
    return documents, labels


def _sum_scores(pairs) -> dict[str, LabelScores]:
    total = {label: LabelScores() for label in (*LABELS, "micro", "unlabelled")}
    for predicted, gold in pairs:
        for label, scores in score_spans(predicted, gold).items():
            total[label].add(scores)
    return total


# -- the seed gold ----------------------------------------------------------------------

def evaluate_seed_gold(gold_path: Path, seed_path: Path) -> dict:
    """Type and attribution accuracy, and support/contrast edges, of argmine's units on the seed."""
    from argmine import analyze

    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = analyze(seed_path)
    text = result.documents["text"].iloc[0]
    claims = list(result.claims.itertuples(index=False))
    gold_span = []
    for row in gold:
        start = text.index(row["text"])
        gold_span.append(Span(start, start + len(row["text"]), row["type"]))
    predicted = [Span(int(c.start), int(c.end), c.type) for c in claims]
    pairs = match_spans(predicted, gold_span, labelled=False)
    pred_of_gold = {j: i for i, j in pairs}
    gold_id_of_pred = {i: gold[j]["id"] for i, j in pairs}
    claim_index = {c.claim_id: i for i, c in enumerate(claims)}
    type_ok = sum(1 for j, i in pred_of_gold.items() if claims[i].type == gold[j]["type"])
    who_ok = sum(1 for j, i in pred_of_gold.items() if claims[i].asserted_by == gold[j]["asserted_by"])
    confusion = Counter((gold[j]["type"], claims[i].type) for j, i in pred_of_gold.items())
    edges = {}
    for relation in ("supports", "attacks"):
        gold_edges = {(row["id"], row[relation]) for row in gold if row[relation]}
        predicted_edges = set()
        for i, claim in enumerate(claims):
            target = getattr(claim, relation)
            if target and i in gold_id_of_pred and claim_index.get(target) in gold_id_of_pred:
                predicted_edges.add((gold_id_of_pred[i], gold_id_of_pred[claim_index[target]]))
            elif target:
                predicted_edges.add((f"p{i}", target))
        tp = len(gold_edges & predicted_edges)
        edges[relation] = LabelScores(tp, len(predicted_edges) - tp, len(gold_edges) - tp).as_dict()
    n = len(gold)
    return {
        "gold_units": n, "predicted_units": len(claims), "segmentation_matches": len(pairs),
        "type_accuracy": round(type_ok / n, 3), "asserted_by_accuracy": round(who_ok / n, 3),
        "type_confusion": {f"{g}->{p}": k for (g, p), k in sorted(confusion.items())},
        "edges": edges,
    }


def classifier_on_seed(model: NaiveBayes, gold_path: Path, seed_path: Path, nlp=None) -> dict:
    """Three-way (claim / premise / none) accuracy of argmine's rules and of ``model`` on the seed's gold units."""
    from argmine.input import load_file

    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    text = load_file(seed_path)[0].text
    units = predict_units([text], nlp)[0]
    spans = []
    for row in gold:
        start = text.index(row["text"])
        spans.append(Span(start, start + len(row["text"]), UNIT_LABEL.get(row["type"], "none")))
    pairs = dict(match_spans([Span(u.start, u.end, "") for u in units], spans, labelled=False))
    rules_ok = model_ok = 0
    for i, unit in enumerate(units):
        if i not in pairs:
            continue
        truth = spans[pairs[i]].label
        rules_ok += UNIT_LABEL.get(unit.type, "none") == truth
        model_ok += model.predict(unit.words) == truth
    return {"units": len(gold), "rules_accuracy": round(rules_ok / len(gold), 3),
            "classifier_accuracy": round(model_ok / len(gold), 3)}


# -- report --------------------------------------------------------------------------------

def _table(rows: dict[str, dict[str, LabelScores]]) -> str:
    lines = ["| corpus | label | P | R | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|---|"]
    for name, scores in rows.items():
        for label in (*LABELS, "micro", "unlabelled"):
            s = scores[label]
            lines.append(f"| {name} | {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    parser.add_argument("--corpora", default=",".join(ARGUMENT_CORPORA))
    parser.add_argument("--limit", type=int, default=0, help="only the first N records of each corpus")
    parser.add_argument("--seed", type=Path, default=root / "corpus" / "stakhanovite-movement.cambridge-core.txt")
    parser.add_argument("--seed-gold", type=Path, default=root / "gold" / "seed-claims.jsonl")
    parser.add_argument("--no-classifier", action="store_true", help="skip the naive Bayes comparison")
    parser.add_argument("--save-json", type=Path)
    args = parser.parse_args(argv)

    from argmine.nlp.model import load_nlp

    nlp = load_nlp()
    report: dict = {"threshold": THRESHOLD}
    records_of, units_of = {}, {}
    for name in [c for c in args.corpora.split(",") if c]:
        path = args.data / name / "dev.jsonl"
        if not path.is_file():
            print(f"error: {path} is missing", file=sys.stderr)
            return 2
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if args.limit:
            records = records[: args.limit]
        records_of[name] = records
        units_of[name] = predict_units([r["text"] for r in records], nlp)

    rules = {name: _sum_scores((rule_spans(u), gold_spans(r)) for r, u in zip(records_of[name], units_of[name]))
             for name in records_of}
    report["rules"] = {name: {k: v.as_dict() for k, v in scores.items()} for name, scores in rules.items()}
    print(f"## argmine's rules (Jaccard >= {THRESHOLD})\n")
    print(_table(rules))

    if args.seed_gold.is_file():
        report["seed_gold"] = evaluate_seed_gold(args.seed_gold, args.seed)
        seed = report["seed_gold"]
        print(f"\n## Seed gold ({seed['gold_units']} units)\n")
        print(f"- segmentation: {seed['segmentation_matches']}/{seed['gold_units']} gold units matched "
              f"({seed['predicted_units']} predicted)")
        print(f"- type accuracy {seed['type_accuracy']:.3f}, attribution accuracy {seed['asserted_by_accuracy']:.3f}")
        print(f"- type confusion (gold->predicted): {seed['type_confusion']}")
        for relation, s in seed["edges"].items():
            print(f"- {relation} edges: P {s['precision']:.3f} R {s['recall']:.3f} (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")

    if not args.no_classifier and "abstrct" in records_of:
        learned = {}
        records, units = records_of["abstrct"], units_of["abstrct"]
        order = list(range(len(records)))
        random.Random(13).shuffle(order)
        folds = [order[k::5] for k in range(5)]
        pairs = []
        for fold in folds:
            held = set(fold)
            train = [i for i in order if i not in held]
            model = NaiveBayes().fit(*_training([records[i] for i in train], [units[i] for i in train]))
            pairs += [(classifier_spans(model, units[i]), gold_spans(records[i])) for i in fold]
        learned["abstrct (5-fold CV)"] = _sum_scores(pairs)
        abstrct_model = NaiveBayes().fit(*_training(records, units))
        if "arg_microtexts" in records_of:
            learned["arg_microtexts (trained on abstrct)"] = _sum_scores(
                (classifier_spans(abstrct_model, u), gold_spans(r)) for r, u in zip(records_of["arg_microtexts"], units_of["arg_microtexts"]))
        report["classifier"] = {name: {k: v.as_dict() for k, v in scores.items()} for name, scores in learned.items()}
        print("\n## Naive Bayes over argmine's units, for comparison\n")
        print(_table(learned))
        if args.seed_gold.is_file():
            all_records = [r for name in records_of for r in records_of[name]]
            all_units = [u for name in records_of for u in units_of[name]]
            both = NaiveBayes().fit(*_training(all_records, all_units))
            report["classifier_seed"] = classifier_on_seed(both, args.seed_gold, args.seed, nlp)
            s = report["classifier_seed"]
            print(f"\n- seed, claim/premise/none accuracy over {s['units']} gold units: rules {s['rules_accuracy']:.3f}, "
                  f"naive Bayes trained on both corpora {s['classifier_accuracy']:.3f}")

    if args.save_json:
        args.save_json.parent.mkdir(parents=True, exist_ok=True)
        args.save_json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
