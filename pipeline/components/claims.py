"""The ``argmine_claims`` component: argumentative units, their type and who asserts them.

A unit is a sentence, or one clause of a sentence that makes two claims
("X, but Y"; "X; Y"). Its type (thesis, claim, premise, background, meta),
its asserter (the author, cited scholarship, or a historical actor) and its
relation to the unit before (contrast, support) come from the rules in
``models/claim_rules.jsonl``; hedges and negation from ``models/lexicon.jsonl``.
Units are stored as plain data in ``doc._.claim_units``.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import ensure_extensions
from ..rules import ClaimRule, load_claim_rules, load_lexicon

__all__ = ["ClaimUnitFinder", "make_claim_unit_finder", "PhraseRules", "split_units"]

_SPLIT_CONJUNCTIONS = {"but", "whereas", "yet", "while"}


@Language.factory(
    "argmine_claims",
    requires=["token.dep", "token.head", "token.lemma", "token.is_sent_start"],
    assigns=["doc._.claim_units"],
    default_config={"rules_path": None, "lexicon_path": None},
)
def make_claim_unit_finder(nlp: Language, name: str, rules_path: str | None, lexicon_path: str | None):
    return ClaimUnitFinder(rules_path=rules_path, lexicon_path=lexicon_path)


@dataclass(frozen=True)
class PhraseRules:
    """Lower-case token patterns (``*`` matches any one token), matched in order of priority."""

    rules: tuple[ClaimRule, ...]

    def first(self, words: list[str], sets: str, *, at_start: bool = False) -> ClaimRule | None:
        candidates = sorted((r for r in self.rules if r.sets == sets), key=lambda r: -r.priority)
        for rule in candidates:
            for pattern in rule.patterns:
                if _contains(words, pattern.split(), at_start=at_start):
                    return rule
        return None


def _contains(words: list[str], pattern: list[str], *, at_start: bool = False) -> bool:
    width = len(pattern)
    last = 1 if at_start else len(words) - width + 1
    for start in range(max(last, 0)):
        if all(p == "*" or p == w for p, w in zip(pattern, words[start:start + width])):
            return True
    return False


def split_units(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of the argumentative units of one sentence.

    A sentence is split before a clause-joining "but"/"whereas"/"yet"/"while"
    and after a semicolon, when both sides have a verb with its own subject.
    """
    cuts: list[int] = []
    for token in sent:
        if token.lower_ in _SPLIT_CONJUNCTIONS and token.dep_ in ("cc", "mark") and token.i > sent.start + 2:
            clause = token.head if token.dep_ == "mark" else next((c for c in token.head.children if c.dep_ == "conj" and c.i > token.i), None)
            if clause is not None and any(c.dep_.startswith("nsubj") for c in clause.children):
                cut = token.i - 1 if token.i - 1 > sent.start and token.doc[token.i - 1].is_punct else token.i
                cuts.append(cut)
        elif token.text == ";" and sent.start < token.i < sent.end - 2:
            cuts.append(token.i + 1)
    bounds = [sent.start] + cuts + [sent.end]
    units = []
    for start, end in zip(bounds, bounds[1:]):
        while start < end and (sent.doc[start].is_space):
            start += 1
        while end > start and sent.doc[end - 1].is_space:
            end -= 1
        if end > start:
            units.append((start, end))
    return units


class ClaimUnitFinder:
    """Segment sentences into units and type, attribute and grade each."""

    def __init__(self, rules_path: str | None = None, lexicon_path: str | None = None):
        ensure_extensions()
        self.rules = PhraseRules(load_claim_rules(rules_path))
        groups: dict[str, set[str]] = {}
        for rule in load_lexicon(lexicon_path):
            groups.setdefault(rule.kind, set()).update(rule.words)
        self.hedges = [w.split() for w in sorted(groups.get("hedge", ()))]
        self.negations = groups.get("negation", set())
        self.cited = groups.get("cited", set())
        self.self_words = groups.get("self", set())
        self.belief_verbs = groups.get("belief_verb", set())

    def __call__(self, doc: Doc) -> Doc:
        units = []
        for sent_index, sent in enumerate(doc.sents):
            if not sent.text.strip():
                continue
            for start, end in split_units(sent):
                units.append(self.describe(doc[start:end], sent_index))
        doc._.claim_units = units
        return doc

    def describe(self, unit: Span, sent_index: int) -> dict:
        words = [t.lower_ for t in unit if not t.is_space]
        type_rule = self.rules.first(words, "type")
        who_rule = self.rules.first(words, "asserted_by")
        relation_rule = self.rules.first(words[:4], "relation", at_start=True)
        asserted_by = who_rule.value if who_rule else self._subject_asserter(unit)
        unit_type = type_rule.value if type_rule else "claim"
        if type_rule is None and asserted_by == "cited":
            unit_type = "background"
        hedge = next((" ".join(h) for h in self.hedges if _contains(words, h)), "")
        negated = any(t.dep_ == "neg" and t.head.dep_ in ("ROOT",) for t in unit)
        return {
            "start": unit.start, "end": unit.end, "sentence_index": sent_index,
            "type": unit_type, "asserted_by": asserted_by,
            "hedged": bool(hedge), "hedge": hedge,
            "polarity": "negative" if negated else "positive",
            "relation": relation_rule.value if relation_rule else "",
            "rules": [r.id for r in (type_rule, who_rule, relation_rule) if r is not None],
            "cue": type_rule.id if type_rule else "",
        }

    def _subject_asserter(self, unit: Span) -> str:
        root = unit.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return "author"
        if subject.lower_ in self.self_words and (subject.lower_ in ("i", "we") or any(c.lower_ == "this" for c in subject.children)):
            return "author"
        if subject.lemma_.lower() in self.cited or subject.lower_ in self.cited:
            if root.lemma_ in ("argue", "claim", "suggest", "show", "hold", "maintain", "find", "emphasize", "emphasise", "stress", "assert", "contend", "believe", "deepen", "establish", "demonstrate"):
                return "cited"
        if root.lemma_ in self.belief_verbs and subject.pos_ in ("NOUN", "PROPN"):
            return "actor"
        return "author"
