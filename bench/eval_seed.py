"""Score argmine's concept-level links, anaphora and chains on the hand-made golds.

Run from the repository root::

    python -m bench.eval_seed                 # Markdown report
    python -m bench.eval_seed --json out.json # the same figures as JSON too

Two golds are scored:

- the seed page (``corpus/stakhanovite-movement.cambridge-core.txt``) against
  ``gold/seed.jsonl`` (every causal link, with a tier), ``gold/seed-anaphora.jsonl``
  (every anaphoric mention and its antecedents) and the headline chain
  Stakhanovism → criticism of management → suspicion of sabotage → Great Terror;
- the invented test chapters (``tests/texts/chapters/*.txt``, analysed
  together as one corpus, so that cross-document merging is in play) against
  ``gold/test-chapters.jsonl`` and ``gold/test-chains.jsonl``.

How a predicted concept name matches a gold concept (see
``docs/EVALUATION.md``): both are reduced to a set of word stems (lower case;
possessive marks, punctuation and a fixed list of function words removed; a
light suffix stripper folds plural, ``-ing``, ``-ed`` and ``-ment``). The prediction
matches when its set equals the set of the gold name or of one of its aliases,
or when one set contains the other and the smaller holds at least half of the
words of the larger. Aliases that are anaphors by their form (pronouns,
phrases opening with a demonstrative, "such", "all of" or ending in "ones")
are never used: a link only counts when the anaphor was resolved to the
concept. A link matches a gold line when the document, the reader's sentence
(sentences counted as ``gold/README.md`` says, located from the cue's
character offset), the polarity, the cause and the effect all match; each gold
line takes at most one prediction and each prediction at most one gold line,
lines with the same cue words first.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

__all__ = [
    "HEADLINE_CHAIN",
    "reader_sentences",
    "stems",
    "is_anaphoric_alias",
    "concept_matches",
    "LinkScores",
    "score_links",
    "ResolutionScores",
    "score_resolutions",
    "find_chain",
    "evaluate",
    "main",
]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "stakhanovite-movement.cambridge-core.txt"
CHAPTERS = ROOT / "tests" / "texts" / "chapters"
GOLD = ROOT / "gold"
HEADLINE_CHAIN = ("Stakhanovism", "criticism of management", "suspicion of sabotage", "Great Terror")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_WORD = re.compile(r"[a-z0-9]+")
_FUNCTION_WORDS = frozenset(
    "a an the of on in to for by from with within between among at as and or its their his her our "
    "this that these those such all some any".split())
_ANAPHORIC_OPENERS = ("this ", "these ", "that ", "those ", "such ", "all of ", "each of ", "both of ", "all these ")
_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "this", "these", "that", "those", "which", "who"})


# -- sentences and concept names ------------------------------------------------

def reader_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences as ``gold/README.md`` counts them.

    >>> reader_sentences("It rained. Crops failed.\\n\\nPrices rose.")
    [(0, 10), (11, 24), (26, 38)]
    """
    spans = []
    position = 0
    for paragraph in text.split("\n\n"):
        start = position
        for piece in _SENTENCE_END.split(paragraph):
            offset = text.index(piece, start) if piece else start
            if piece.strip():
                spans.append((offset, offset + len(piece)))
            start = offset + len(piece)
        position += len(paragraph) + 2
    return spans


def _sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> int:
    for index, (start, end) in enumerate(spans):
        if offset < end:
            return index
    return len(spans) - 1


def _stem(word: str) -> str:
    for suffix in ("ment", "ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix) and not word.endswith(("ss", "us", "is")):
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def stems(name: str) -> frozenset[str]:
    """The content-word stems a concept name is compared by.

    >>> sorted(stems("the failure of the harvest"))
    ['failur', 'harvest']
    >>> stems("Supervisors' reactions") == stems("supervisor reaction")
    True
    """
    words = _WORD.findall(name.lower().replace("'s", " ").replace("'", " "))
    return frozenset(_stem(w) for w in words if w not in _FUNCTION_WORDS)


def is_anaphoric_alias(alias: str) -> bool:
    """Aliases that only refer ("these strains", "It", "new ones") never name a concept.

    >>> is_anaphoric_alias("All of these pressures"), is_anaphoric_alias("the famine")
    (True, False)
    """
    low = alias.lower().strip()
    return low in _PRONOUNS or low.startswith(_ANAPHORIC_OPENERS) or low.endswith(" ones")


def concept_matches(predicted: str, names: Iterable[str]) -> bool:
    """Whether a predicted concept name matches any of a gold concept's names.

    >>> concept_matches("failure of harvest", ["harvest failure", "failure of the harvest"])
    True
    >>> concept_matches("crisis", ["famine", "this crisis"]), concept_matches("crisis", ["famine", "the crisis"])
    (False, True)
    """
    got = stems(predicted)
    names = list(names)
    if not got:
        return False
    for index, name in enumerate(names):
        if index > 0 and is_anaphoric_alias(name):
            continue
        want = stems(name)
        if not want:
            continue
        if got == want:
            return True
        small, large = (got, want) if len(got) <= len(want) else (want, got)
        if small <= large and 2 * len(small) >= len(large):
            return True
    return False


# -- links -----------------------------------------------------------------------

@dataclass
class LinkScores:
    """Concept-level link scores of one gold file."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    gold_by_tier: Counter = field(default_factory=Counter)
    matched_by_tier: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def recall_of(self, tier: str) -> float:
        return self.matched_by_tier[tier] / self.gold_by_tier[tier] if self.gold_by_tier[tier] else 0.0

    def as_dict(self) -> dict:
        out = {k: v for k, v in asdict(self).items() if k not in ("gold_by_tier", "matched_by_tier")}
        out.update(precision=round(self.precision, 3), recall=round(self.recall, 3), f1=round(self.f1, 3),
                   recall_by_tier={t: round(self.recall_of(t), 3) for t in sorted(self.gold_by_tier)},
                   gold_by_tier=dict(self.gold_by_tier), matched_by_tier=dict(self.matched_by_tier))
        return out


def _cue_words(cue: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(cue.lower()) if w not in _FUNCTION_WORDS)


def score_links(links: Iterable[Mapping], texts: Mapping[str, str], gold: Sequence[Mapping]) -> LinkScores:
    """Match predicted link rows (``links.csv`` columns) to gold lines of the documents in ``gold``."""
    doc_ids = {g["doc_id"] for g in gold}
    spans = {doc_id: reader_sentences(texts[doc_id]) for doc_id in doc_ids if doc_id in texts}
    predicted = [dict(l) for l in links if l["doc_id"] in doc_ids]
    for link in predicted:
        link["_sentence"] = _sentence_at(spans[link["doc_id"]], int(link["cue_start"]))
    scores = LinkScores(gold=len(gold), predicted=len(predicted))
    for line in gold:
        scores.gold_by_tier[line["tier"]] += 1
    candidates = []
    for gi, line in enumerate(gold):
        cause_names = [line["cause"], *line.get("cause_aliases", [])]
        effect_names = [line["effect"], *line.get("effect_aliases", [])]
        for pi, link in enumerate(predicted):
            if (link["doc_id"], link["_sentence"], link["polarity"]) != (line["doc_id"], line["sentence_index"], line["polarity"]):
                continue
            if concept_matches(link["cause_concept"], cause_names) and concept_matches(link["effect_concept"], effect_names):
                same_cue = bool(_cue_words(line["cue"]) & _cue_words(link["cue"]))
                candidates.append((not same_cue, gi, pi))
    used_gold, used_pred = set(), set()
    for _, gi, pi in sorted(candidates):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        scores.matched += 1
        scores.matched_by_tier[gold[gi]["tier"]] += 1
    for gi, line in enumerate(gold):
        if gi not in used_gold:
            scores.misses.append(f"{line['doc_id']} s{line['sentence_index']} [{line['tier']}] "
                                 f"{line['cause']} -> {line['effect']} ({line['cue']})")
    for pi, link in enumerate(predicted):
        if pi not in used_pred:
            scores.false_positives.append(f"{link['doc_id']} s{link['_sentence']} {link['cause_concept']} -> "
                                          f"{link['effect_concept']} ({link['cue']})")
    return scores


# -- anaphora --------------------------------------------------------------------

@dataclass
class ResolutionScores:
    """How many gold anaphoric mentions argmine resolved to exactly the right concepts."""

    gold: int = 0
    found: int = 0  # a resolution row covers the mention
    correct: int = 0  # ... and its antecedents are the gold ones, no more, no fewer
    with_evidence: int = 0  # ... correct and with a reason and antecedent mentions
    extra: int = 0  # resolved mentions (with antecedents) that the gold does not list
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "accuracy": round(self.accuracy, 3)}


def _split(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v)]
    return [v.strip() for v in str(value or "").split(";") if v.strip()]


def resolution_correct(predicted: Sequence[str], gold_line: Mapping) -> bool:
    """Each gold antecedent matched by a predicted one, and no predicted one left over."""
    aliases = gold_line.get("antecedent_aliases", {})
    names = {a: [a, *aliases.get(a, [])] for a in gold_line["antecedents"]}
    if len(predicted) != len(names):
        return False
    left = dict(names)
    for concept in predicted:
        hit = next((a for a, n in left.items() if concept_matches(concept, n)), None)
        if hit is None:
            return False
        del left[hit]
    return not left


def score_resolutions(resolutions: Iterable[Mapping], gold: Sequence[Mapping]) -> ResolutionScores:
    """Score ``resolutions.csv`` rows against gold anaphoric mentions (matched by overlapping offsets)."""
    rows = [dict(r) for r in resolutions]
    scores = ResolutionScores(gold=len(gold))
    claimed = set()
    for line in gold:
        best, overlap = None, 0
        for index, row in enumerate(rows):
            if row["doc_id"] != line["doc_id"]:
                continue
            shared = min(int(row["end"]), line["end"]) - max(int(row["start"]), line["start"])
            if shared > overlap:
                best, overlap = index, shared
        if best is None:
            scores.wrong.append(f"{line['doc_id']} s{line['sentence_index']} {line['mention']!r}: not resolved (no row)")
            continue
        claimed.add(best)
        row = rows[best]
        scores.found += 1
        predicted = _split(row["antecedents"])
        if resolution_correct(predicted, line):
            scores.correct += 1
            if row.get("reason") and _split(row.get("antecedent_mentions")):
                scores.with_evidence += 1
        else:
            scores.wrong.append(f"{line['doc_id']} s{line['sentence_index']} {line['mention']!r}: got {predicted} ({row.get('reason')}), "
                                f"want {line['antecedents']}")
    doc_ids = {g["doc_id"] for g in gold}
    scores.extra = sum(1 for i, r in enumerate(rows)
                       if i not in claimed and r["doc_id"] in doc_ids and _split(r["antecedents"]))
    return scores


# -- chains ----------------------------------------------------------------------

def concept_names(gold_links: Sequence[Mapping]) -> dict[tuple[str, str], list[str]]:
    """(doc_id, concept) -> the concept's name and every alias it has in the link file."""
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for line in gold_links:
        for side in ("cause", "effect"):
            key = (line["doc_id"], line[side])
            for name in [line[side], *line.get(f"{side}_aliases", [])]:
                if name not in names[key]:
                    names[key].append(name)
    return names


def find_chain(result, doc_id: str, chain: Sequence[str], names: Mapping[tuple[str, str], list[str]]):
    """A continuous path of ``doc_id``'s causal graph whose concepts match ``chain`` hop by hop, or None."""
    graph = result.causal_graph(doc_id)

    def matching(index: int, nodes) -> list[str]:
        wanted = names.get((doc_id, chain[index]), [chain[index]])
        return [n for n in nodes if concept_matches(n, wanted)]

    def extend(path: list[str]) -> list[str] | None:
        if len(path) == len(chain):
            return path
        for node in matching(len(path), graph.successors(path[-1])):
            if node not in path:
                found = extend(path + [node])
                if found:
                    return found
        return None

    for start in matching(0, graph.nodes):
        found = extend([start])
        if found:
            return found
    return None


# -- the report --------------------------------------------------------------------

def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _texts(result) -> dict[str, str]:
    return dict(zip(result.documents["doc_id"], result.documents["text"]))


def evaluate(seed_result=None, chapters_result=None) -> dict:
    """Every figure of the report as a dict (results are computed when not given)."""
    from argmine import analyze, analyze_corpus

    seed_result = seed_result if seed_result is not None else analyze(SEED)
    chapters_result = chapters_result if chapters_result is not None else analyze_corpus(sorted(CHAPTERS.glob("*.txt")))
    seed_gold = _read(GOLD / "seed.jsonl")
    seed_anaphora = _read(GOLD / "seed-anaphora.jsonl")
    seed_links = score_links(seed_result.links.to_dict("records"), _texts(seed_result), seed_gold)
    resolutions = score_resolutions(seed_result.resolutions.to_dict("records"), seed_anaphora)
    doc_id = seed_gold[0]["doc_id"]
    headline = find_chain(seed_result, doc_id, HEADLINE_CHAIN, concept_names(seed_gold))

    test_gold = _read(GOLD / "test-chapters.jsonl")
    test_chains = _read(GOLD / "test-chains.jsonl")
    test_links = score_links(chapters_result.links.to_dict("records"), _texts(chapters_result), test_gold)
    test_resolutions = score_resolutions(chapters_result.resolutions.to_dict("records"), _read(GOLD / "test-anaphora.jsonl"))
    names = concept_names(test_gold)
    chains = []
    for line in test_chains:
        path = find_chain(chapters_result, line["doc_id"], line["chain"], names)
        chains.append({"doc_id": line["doc_id"], "chain": line["chain"], "found": path})
    return {
        "seed": {"links": seed_links.as_dict(), "resolutions": resolutions.as_dict(),
                 "headline_chain": {"chain": list(HEADLINE_CHAIN), "found": headline, "continuous": headline is not None}},
        "test_chapters": {"links": test_links.as_dict(), "resolutions": test_resolutions.as_dict(), "chains": chains,
                          "chains_found": sum(1 for c in chains if c["found"]), "chains_gold": len(chains)},
    }


def format_report(figures: Mapping) -> str:
    """The figures as Markdown."""
    seed, test = figures["seed"], figures["test_chapters"]
    lines = ["| gold | links | predicted | matched | precision | recall | F1 | recall plain / anaphora / enumeration |",
             "|---|---|---|---|---|---|---|---|"]
    for label, links in (("seed (`gold/seed.jsonl`)", seed["links"]), ("test chapters (`gold/test-chapters.jsonl`)", test["links"])):
        tiers = links["recall_by_tier"]
        by_tier = " / ".join(f"{tiers.get(t, 0):.2f} ({links['matched_by_tier'].get(t, 0)}/{links['gold_by_tier'].get(t, 0)})"
                             for t in ("plain", "anaphora", "enumeration"))
        lines.append(f"| {label} | {links['gold']} | {links['predicted']} | {links['matched']} | {links['precision']:.2f} "
                     f"| {links['recall']:.2f} | {links['f1']:.2f} | {by_tier} |")
    res = seed["resolutions"]
    head = seed["headline_chain"]
    lines += ["",
              f"- Seed anaphora (`gold/seed-anaphora.jsonl`): {res['correct']}/{res['gold']} mentions resolved to exactly "
              f"the gold antecedents (accuracy {res['accuracy']:.2f}); {res['with_evidence']} of them with reason and "
              f"antecedent mentions; {res['extra']} resolved mentions the gold does not list.",
              f"- Seed headline chain {' → '.join(head['chain'])}: "
              + ("found as a continuous chain." if head["continuous"] else "NOT found as a continuous chain."),
              f"- Test-chapter anaphora (`gold/test-anaphora.jsonl`): {test['resolutions']['correct']}/"
              f"{test['resolutions']['gold']} mentions resolved to exactly the gold antecedents (accuracy "
              f"{test['resolutions']['accuracy']:.2f}); {test['resolutions']['extra']} resolved mentions the gold does not list.",
              f"- Test-chapter chains (`gold/test-chains.jsonl`): {test['chains_found']}/{test['chains_gold']} found as "
              "continuous paths whose concepts match hop by hop."]
    for label, key in (("Seed", "seed"), ("Test chapters", "test_chapters")):
        links = figures[key]["links"]
        if links["misses"]:
            lines += ["", f"{label} misses:", *[f"  - {m}" for m in links["misses"]]]
        if links["false_positives"]:
            lines += ["", f"{label} false positives:", *[f"  - {m}" for m in links["false_positives"]]]
    if res["wrong"]:
        lines += ["", "Seed anaphora errors:", *[f"  - {w}" for w in res["wrong"]]]
    if test["resolutions"]["wrong"]:
        lines += ["", "Test-chapter anaphora errors:", *[f"  - {w}" for w in test["resolutions"]["wrong"]]]
    missing = [c for c in test["chains"] if not c["found"]]
    if missing:
        lines += ["", "Test chains not found:", *[f"  - {c['doc_id']}: {' → '.join(c['chain'])}" for c in missing]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    figures = evaluate()
    print(format_report(figures))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
