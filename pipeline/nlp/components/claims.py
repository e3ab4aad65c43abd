"""The ``argmine_claims`` component: argumentative units, their type, who asserts them, how firmly.

A unit is a sentence, or one clause of a sentence that makes two claims
("X, but Y"; "X; Y"; "Although X, Y"; "X: Y"). Each unit gets

- a **type**: thesis, claim, premise, background or meta. Rules decide first
  (``models/claim_rules.jsonl``, ``"sets": "type"``; cited scholarship with no
  type rule is background). Then structure: the unit announcing a list ("X had
  several effects." before "First, …") and the first unit of a later paragraph
  are claims. Any other unit is a premise (a reason for the claim or thesis
  near it) unless something supports it or it has nothing to support, which
  makes it a claim; in a text where nothing is a claim, the last such unit
  concludes;
- an **asserter**: the author, cited scholarship, or a historical actor whose
  belief the text reports (rules ``"sets": "asserted_by"``, then the subject and
  main verb of the unit);
- its **hedge** words (``models/lexicon.jsonl`` kind ``hedge``), **polarity**
  (negative when the main verb is negated) and **strength** (of the causal link
  it states, if any: sufficient, unspecified, contributory, associative or motive);
- its **relations**: the unit it contrasts with ("However", "but", "than other
  inquiries have done" against the cited scholarship) and the unit it supports
  (a premise supports the claim or thesis of its paragraph, a claim the
  thesis, a concluding thesis the document's first thesis).

Units are stored as plain data in ``doc._.claim_units``: one dict per unit, in
text order, whose ``supports``/``contrasts`` are indices into that list (-1 for
none).

Rule patterns are lower-case token sequences matched against each token's
lower-case form or its lemma; ``*`` matches any one token and a leading ``^``
anchors the pattern at the start of the unit (after leading punctuation). A
type rule with ``conclusion`` set marks a concluding unit,
which the premises of its paragraph support.

Size: about 740 lines: the component (settings, compilation, serialisation),
the splitter into units and the relation pass, which share the unit dicts
they build; the phrase matcher (:class:`PhraseRules`) is the part to move out
first if it grows.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import syntax
from ..extensions import ensure_extensions
from ..rules import ClaimRule, load_claim_rules, load_lexicon, record_lexicon

__all__ = ["ClaimUnitFinder", "make_claim_unit_finder", "PhraseRules", "RuleMatch", "split_units", "relate_units"]

#: coordinators that join two claims ("X, but Y") when the second has its own subject
_SPLIT_COORDINATORS = load_lexicon().words("split_coordinator")
#: subordinators of a clause that is a claim of its own ("Although X, Y"; "X, while Y")
_SPLIT_SUBORDINATORS = load_lexicon().words("split_subordinator")
_ORDINALS = load_lexicon().words("ordinal", "first") | load_lexicon().words("ordinal", "later")
_CLOSING_ORDINALS = load_lexicon().words("ordinal", "closing")
_MODALS = load_lexicon().words("modal")
_CONCESSIVES = load_lexicon().words("concessive")
_FIRST_PERSON = load_lexicon().words("first_person_pronoun")
_THIRD_PERSON = load_lexicon().words("third_person_pronoun")
_DEMONSTRATIVES = load_lexicon().words("demonstrative")
_EXEMPLIFYING = load_lexicon().words("exemplifying_prep")
_AUTHOR_WORK_DETERMINERS = load_lexicon().words("author_work_determiner")
_ABILITY_MODALS = load_lexicon().words("ability_modal")
_INABILITY_NEGATORS = load_lexicon().words("inability_negator")
_COMPARATIVE_HEDGES = load_lexicon().words("comparative_hedge")
_ORDINAL_ADVERBS = load_lexicon().words("ordinal_adverb")


@Language.factory(
    "argmine_claims",
    # doc._.causal_links gives a unit the strength of the causal link it states
    requires=["token.dep", "token.head", "token.lemma", "token.is_sent_start", "doc._.causal_links"],
    assigns=["doc._.claim_units"],
    default_config={"rules_path": None, "lexicon_path": None},
)
def make_claim_unit_finder(nlp: Language, name: str, rules_path: str | None, lexicon_path: str | None):
    return ClaimUnitFinder(rules_path=rules_path, lexicon_path=lexicon_path)


@dataclass(frozen=True)
class RuleMatch:
    """A rule that matched a unit, and the words it matched."""

    rule: ClaimRule
    words: str


@dataclass(frozen=True)
class PhraseRules:
    """Claim rules matched against a unit's tokens, highest priority first.

    The patterns are compiled once per rule set (:func:`_compile`): each is
    split into its words, and an index maps a word to the patterns that need
    it, so a unit is only tested against the patterns one of whose words it
    contains, in rule order. The result is the same as testing every pattern
    of every rule in order.
    """

    rules: tuple[ClaimRule, ...]
    #: sets -> compiled patterns, filled once in __post_init__ (hashing the rules on every call cost more than the match)
    compiled: dict = field(init=False, repr=False, compare=False, hash=False, default=None)

    def __post_init__(self):
        object.__setattr__(self, "compiled", {sets: _compile(self.rules, sets) for sets in ("type", "asserted_by", "relation")})

    def first(self, forms: list[tuple[str, str]], sets: str, present: set[str] | None = None) -> RuleMatch | None:
        """The highest-priority rule deciding ``sets`` that matches ``forms`` ((lower, lemma) per token).

        ``present`` is the set of every lower-case form and lemma of ``forms``
        (computed here when not given). Returns None when no rule matches.

        >>> rule = ClaimRule(id="r", sets="type", value="meta", patterns=("^ this chapter examine",), example="")
        >>> PhraseRules((rule,)).first([("this", "this"), ("chapter", "chapter"), ("examines", "examine")], "type").words
        'this chapter examines'
        """
        if present is None:
            present = {word for pair in forms for word in pair}
        compiled = self.compiled.get(sets) or _compile(self.rules, sets)
        candidates: set[int] = set(compiled.always)
        index = compiled.index
        for word in present:
            found = index.get(word)
            if found:
                candidates.update(found)
        for order in sorted(candidates):
            rule, parts, anchored, literals = compiled.patterns[order]
            if not literals <= present:
                continue  # a word of the pattern is not in the unit: it cannot match
            span = _find_parts(forms, parts, anchored)
            if span is not None:
                return RuleMatch(rule, " ".join(forms[i][0] for i in range(*span)))
        return None


@dataclass(frozen=True)
class _CompiledRules:
    """The patterns of the rules deciding one ``sets``, in the order they are tried.

    ``patterns[i]`` is (rule, words, anchored, literal words); ``index`` maps a
    word to the positions of the patterns it is a literal of (each pattern is
    indexed under one of its literals); ``always`` holds the patterns without
    a literal word.
    """

    patterns: tuple[tuple[ClaimRule, tuple[str, ...], bool, frozenset[str]], ...]
    index: dict[str, tuple[int, ...]]
    always: tuple[int, ...]


@lru_cache(maxsize=None)
def _compile(rules: tuple[ClaimRule, ...], sets: str) -> _CompiledRules:
    """Compile the patterns of the rules deciding ``sets`` (once per rule set and ``sets``)."""
    patterns = []
    index: dict[str, list[int]] = {}
    always = []
    for rule in _ranked(rules, sets):
        for pattern in rule.patterns:
            parts = tuple(pattern.split())
            anchored = bool(parts) and parts[0] == "^"
            if anchored:
                parts = parts[1:]
            literals = frozenset(parts) - {"^", "*"}
            order = len(patterns)
            patterns.append((rule, parts, anchored, literals))
            if literals:
                index.setdefault(max(literals, key=lambda w: (len(w), w)), []).append(order)
            else:
                always.append(order)
    return _CompiledRules(tuple(patterns), {w: tuple(o) for w, o in index.items()}, tuple(always))


@lru_cache(maxsize=None)
def _ranked(rules: tuple[ClaimRule, ...], sets: str) -> tuple[ClaimRule, ...]:
    """The rules deciding ``sets``, highest priority first (sorted once per rule set)."""
    return tuple(sorted((r for r in rules if r.sets == sets), key=lambda r: -r.priority))


def find_pattern(forms: list[tuple[str, str]], pattern: str) -> tuple[int, int] | None:
    """Where ``pattern`` first matches ``forms`` as a token range, or None.

    >>> find_pattern([("however", "however"), (",", ","), ("it", "it")], "^ however")
    (0, 1)
    >>> find_pattern([("they", "they"), ("argued", "argue")], "they argue")
    (0, 2)
    """
    parts = tuple(pattern.split())
    anchored = bool(parts) and parts[0] == "^"
    return _find_parts(forms, parts[1:] if anchored else parts, anchored)


def _find_parts(forms: list[tuple[str, str]], parts: tuple[str, ...], anchored: bool) -> tuple[int, int] | None:
    """:func:`find_pattern` for a pattern already split (without its ``^``)."""
    width = len(parts)
    if not width:
        return None
    if anchored:
        first = next((i for i, (low, _) in enumerate(forms) if low.isalnum() or low[:1].isalnum()), len(forms))
        starts = [first]
    else:
        starts = range(len(forms) - width + 1)
    for start in starts:
        window = forms[start:start + width]
        if len(window) == width and all(p == "*" or p == low or p == lemma for p, (low, lemma) in zip(parts, window)):
            return start, start + width
    return None


def split_units(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of the argumentative units of one sentence.

    A sentence is cut before a coordinating "but"/"yet"/"whereas" whose clause
    has its own subject, after a semicolon, after a colon followed by a clause
    with a subject, and around a concessive or contrastive subordinate clause
    ("although", "though", "whereas", "while") with its own subject; never
    inside brackets. A comma before the cut stays with the first unit. Every unit keeps at least three
    words; anything shorter stays joined to its neighbour.
    """
    doc = sent.doc
    cuts: set[int] = set()
    depth = 0
    for token in sent:
        low = token.lower_
        if low in ("(", "["):
            depth += 1
        elif low in (")", "]"):
            depth = max(depth - 1, 0)
        if depth:
            continue  # nothing inside brackets starts a unit: "(95% CI 1.2 to 1.9; P = .01)"
        if low in _SPLIT_COORDINATORS and token.dep_ == "cc":
            clause = next((c for c in token.head.children if c.dep_ == "conj" and c.i > token.i), None)
            if clause is not None and _has_subject(clause):
                cuts.add(token.i)
        elif low in _SPLIT_SUBORDINATORS and token.dep_ == "mark" and token.head.dep_ == "advcl" and _has_subject(token.head):
            clause = token.head
            left, right = clause.left_edge.i, clause.right_edge.i + 1
            while right < sent.end and doc[right].is_punct and doc[right].text in ",;":
                right += 1
            if left > sent.start:
                cuts.add(left)
            if right < sent.end:
                cuts.add(right)
        elif low == ";":
            cuts.add(token.i + 1)
        elif low == ":" and token.i + 1 < sent.end:
            right = range(token.i + 1, sent.end)
            clause_right = any(t.pos_ in ("VERB", "AUX") and _has_subject(t) and (t.head.i not in right or t.head.i == t.i)
                               for t in doc[token.i + 1:sent.end])
            clause_left = any(t.pos_ in ("VERB", "AUX") and _has_subject(t) for t in doc[sent.start:token.i])
            if clause_left and clause_right:
                cuts.add(token.i + 1)
    bounds = [sent.start] + sorted(c for c in cuts if sent.start < c < sent.end) + [sent.end]
    ranges = []
    for start, end in zip(bounds, bounds[1:]):
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            ranges.append([start, end])
    merged: list[list[int]] = []
    for piece in ranges:
        if merged and (_words(doc, merged[-1]) < 3 or _words(doc, piece) < 3):
            merged[-1][1] = piece[1]
        else:
            merged.append(piece)
    return [(start, end) for start, end in merged]


def _words(doc: Doc, span: list[int]) -> int:
    return sum(1 for t in doc[span[0]:span[1]] if not (t.is_punct or t.is_space))


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


class ClaimUnitFinder:
    """Segment sentences into units; type, attribute, grade and relate each.

    The claim rules are compiled once per rule set (:class:`PhraseRules`),
    when the component is made or (re)initialised (:meth:`initialize`,
    :meth:`from_disk`); :meth:`to_disk` saves them with a pipeline, so
    ``spacy.load`` of the saved folder types the units the same way in
    another process.
    """

    #: the file :meth:`to_disk` writes the claim rules to, inside the component's folder
    RULES_FILE = "claim_rules.jsonl"

    def __init__(self, rules_path: str | None = None, lexicon_path: str | None = None):
        ensure_extensions()
        self.rules = PhraseRules(load_claim_rules(rules_path))
        self.lexicon = load_lexicon(lexicon_path)
        self._cue_index: tuple | None = None  # (doc, its links, cue starts, links by cue start): see _links_by_cue
        groups = self.lexicon.by_kind
        self.hedges = sorted((tuple(w.split()) for w in groups.get("hedge", ())), key=lambda h: (-len(h), h))
        self.contributory = sorted((tuple(w.split()) for w in groups.get("contributory", ())), key=lambda h: (-len(h), h))
        self.negations = frozenset(groups.get("negation", ()))
        self.cited = frozenset(groups.get("cited", ()))
        self.self_words = frozenset(groups.get("self", ()))
        self.belief_verbs = frozenset(groups.get("belief_verb", ()))
        self.speech_verbs = frozenset(groups.get("speech_verb", ()))
        self.reporting_verbs = frozenset(groups.get("reporting_verb", ()))
        self.discourse_nouns = frozenset(groups.get("discourse_noun", ()))
        self.disputing = frozenset(groups.get("denial", ())) | frozenset(groups.get("doubt", ()))
        self.propositions = frozenset(groups.get("proposition_noun", ()))
        # WordNet noun.person lemmas (scripts/derive_causal_lexicon.py, kind concrete_noun, value person)
        self.persons = frozenset(w for rule in self.lexicon.of_kind("concrete_noun") if rule.value == "person"
                                 for w in rule.words)

        self.compile_rules(self.rules.rules)

    def compile_rules(self, rules: Iterable[ClaimRule]) -> None:
        """Use ``rules`` as the claim rules, compiled into their word indexes now rather than at the first unit."""
        self.rules = PhraseRules(tuple(rules))

    # -- spaCy's component protocol ------------------------------------------

    def initialize(self, get_examples=None, *, nlp: Language | None = None, rules_path: str | None = None) -> None:
        """Compile the claim rules of ``rules_path`` (a claim-rule JSONL file), or keep the ones loaded; nothing is trained.

        Called by ``nlp.initialize()``; ``[initialize.components.argmine_claims]``
        ``rules_path`` in a pipeline config chooses the file. Raises
        :class:`argmine.errors.RuleFileError` on a malformed file.
        """
        if rules_path is not None:
            self.compile_rules(load_claim_rules(rules_path))

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        """Write the claim rules in use to ``path``/``claim_rules.jsonl`` (one rule per line, in order)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps(rule.to_json(), ensure_ascii=False) for rule in self.rules.rules)
        (folder / self.RULES_FILE).write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "ClaimUnitFinder":
        """Read the claim rules :meth:`to_disk` wrote under ``path`` and compile them."""
        self.compile_rules(load_claim_rules(str(Path(path) / self.RULES_FILE)))
        return self

    def __call__(self, doc: Doc) -> Doc:
        record_lexicon(doc, self.lexicon)
        units: list[dict] = []
        breaks = _paragraph_breaks(doc)
        for sent_index, sent in enumerate(doc.sents):
            if not sent.text.strip():
                continue
            paragraph = bisect_right(breaks, sent.start_char)  # the blank lines before the sentence
            for start, end in split_units(sent):
                units.append(self.describe(doc[start:end], sent_index, paragraph))
        self._attribute_continuations(doc, units)
        self._type_enumerations(units)
        self._type_topic_sentences(units)
        relate_units(units)
        if _settle_defaults(units):
            relate_units(units)
        doc._.claim_units = units
        self._cue_index = None  # holds no Doc between calls
        return doc

    # -- one unit --------------------------------------------------------------

    def describe(self, unit: Span, sent_index: int, paragraph: int = 0) -> dict:
        """Type, asserter, hedge, polarity and strength of one unit, and its relation cues."""
        tokens = [t for t in unit if not t.is_space]
        forms = [(t.lower_, t.lemma_.lower()) for t in tokens]
        present = {word for pair in forms for word in pair}
        type_match = self.rules.first(forms, "type", present)
        who_match = self.rules.first(forms, "asserted_by", present)
        relation_match = self.rules.first(forms, "relation", present)
        asserted_by = who_match.rule.value if who_match else self._subject_asserter(unit)
        if type_match is not None:
            unit_type = type_match.rule.value
        elif asserted_by == "cited":
            unit_type = "background"
        else:
            unit_type = "premise"  # provisional: settled once the relations are known (see _settle_defaults)
        hedge = self._hedge(unit, tokens, forms)
        return {
            "start": unit.start, "end": unit.end, "sentence_index": sent_index, "paragraph": paragraph,
            "type": unit_type, "asserted_by": asserted_by,
            "hedged": bool(hedge), "hedge": hedge,
            "polarity": "negative" if self._negated(unit) else "positive",
            "strength": self._strength(unit),
            "relation": relation_match.rule.value if relation_match else "",
            "concessive": bool(forms) and _ordinal_word(unit) in _CONCESSIVES,
            "conclusion": self._is_conclusion(type_match),
            "ordinal": _ordinal(unit),
            "typed_by_rule": type_match is not None,
            "attributed_by_rule": who_match is not None,
            "rules": [m.rule.id for m in (type_match, who_match, relation_match) if m is not None],
            "cue": type_match.words if type_match else "",
            "supports": -1, "attacks": -1,
        }

    def _is_conclusion(self, type_match: RuleMatch | None) -> bool:
        return type_match is not None and type_match.rule.conclusion

    def _hedge(self, unit: Span, tokens: list[Token] | None = None, forms: list[tuple[str, str]] | None = None) -> str:
        """The first hedge of the lexicon (longest first) found in ``unit``, as its lower-case words; "" for none.

        ``tokens`` are the unit's tokens without spaces and ``forms`` their
        (lower, lemma) pairs (computed here when not given). The hedges are
        indexed by their first word once (:meth:`_hedge_index`); the
        candidates are tried in the order hedge, then position.
        """
        if tokens is None:
            tokens = [t for t in unit if not t.is_space]
        if forms is None:
            forms = [(t.lower_, t.lemma_.lower()) for t in tokens]
        lows = [low for low, _ in forms]
        lemmas = [lemma for _, lemma in forms]
        index = self._hedge_index()
        found: set[tuple[int, int]] = set()
        for start, (low, lemma) in enumerate(forms):
            for word in (low, lemma) if low != lemma else (low,):
                for rank, hedge in index.get(word, ()):
                    width = len(hedge)
                    if start + width > len(forms):
                        continue
                    if tuple(lows[start:start + width]) == hedge or tuple(lemmas[start:start + width]) == hedge:
                        found.add((rank, start))
        for rank, start in sorted(found):
            hedge = self.hedges[rank]
            width = len(hedge)
            head = tokens[start]
            if width == 1 and head.pos_ == "PROPN":
                continue  # "May 1937"
            if width == 1 and head.pos_ == "NOUN":
                continue  # "a suggestion", "the appearance"
            if head.lower_ in _MODALS and not _in_main_clause(head, unit):
                continue  # "so that they could control it": not the claim's own modality
            if head.lower_ in _ABILITY_MODALS and start + 1 < len(tokens) and lows[start + 1] in _INABILITY_NEGATORS:
                continue  # "could not leave": inability, not a hedge
            if " ".join(hedge) in _COMPARATIVE_HEDGES and start + 2 < len(tokens) and lows[start + 2] == "as":
                continue  # "at least as important": a comparison
            return " ".join(lows[start:start + width])
        return ""

    def _hedge_index(self) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
        """First word -> (rank, hedge) of every hedge starting with it, built once per hedge list."""
        key = tuple(self.hedges)
        if getattr(self, "_hedge_key", None) != key:
            index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
            for rank, hedge in enumerate(self.hedges):
                if hedge:
                    index.setdefault(hedge[0], []).append((rank, hedge))
            self._hedge_table = {word: tuple(entries) for word, entries in index.items()}
            self._hedge_key = key
        return self._hedge_table

    def _negated(self, unit: Span) -> bool:
        root = unit.root
        verbs = [root] + [c for c in root.children if c.dep_ in ("xcomp",) and c.i in range(unit.start, unit.end)]
        return any(c.dep_ == "neg" or (c.lower_ in self.negations and c.dep_ in ("advmod", "neg"))
                   for v in verbs for c in v.children)

    def _links_by_cue(self, doc: Doc) -> tuple[list[int], list[dict]]:
        """``doc._.causal_links`` sorted by the start of their cue (stably: links with the same cue start keep their
        order) and the list of those starts, for a bisection; made once per Doc and links list."""
        links = doc._.causal_links or []
        cached = self._cue_index
        if cached is not None and cached[0] is doc and cached[1] is links:
            return cached[2], cached[3]
        ordered = sorted(links, key=lambda l: l["cue"][0])
        starts = [l["cue"][0] for l in ordered]
        self._cue_index = (doc, links, starts, ordered)
        return starts, ordered

    def _strength(self, unit: Span) -> str:
        doc = unit.doc
        starts, ordered = self._links_by_cue(doc)
        # the unit's links, in the order of doc._.causal_links among those with the same cue start
        in_unit = ordered[bisect_left(starts, unit.start):bisect_left(starts, unit.end)]
        links = [l for l in in_unit
                 if not {doc[l["cause_head"]].lemma_.lower(), doc[l["effect_head"]].lemma_.lower()} & self.discourse_nouns]
        if not links:
            return ""
        main = min(links, key=lambda l: (_tree_distance(doc[l["cue"][0]], unit.root), l["cue"][0]))
        strength = main["strength"]
        if strength in ("sufficient", "unspecified"):
            lows = [t.lower_ for t in unit]
            if _contains_phrase(lows, _first_word_index(tuple(self.contributory))):
                strength = "contributory"
        return strength

    def _subject_asserter(self, unit: Span) -> str:
        """Who asserts a unit no attribution rule decided, read off its subject and main verb."""
        root = unit.root
        if root.pos_ not in ("VERB", "AUX"):
            # a finite verb parsed as a modifier ("The leadership suspected managers …")
            root = next((t for t in unit if t.pos_ == "VERB" and t.head.i == root.i
                         and any(c.dep_ == "nsubj" for c in t.children)), root)
        # the subject nearest before the verb when the parser gave two ("The belief that ... is challenged,
        # and it is maintained that": "it"), as argmine.extraction.factuality reads it
        found = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        before = [c for c in found if c.i < root.i]
        subject = before[-1] if before else (found[0] if found else None)
        if subject is None:
            return "author"
        sub_low, sub_lemma = subject.lower_, subject.lemma_.lower()
        determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "predet", "poss")}
        # "the article argues" is the work itself only in the present, as the links read it
        # (argmine.extraction.factuality.source_of); "the book claimed that" reports
        present = root.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in root.children)
        if sub_low in _FIRST_PERSON or (sub_lemma in self.self_words
                                      and (determiners & _AUTHOR_WORK_DETERMINERS or ("the" in determiners and present))
                                      and sub_lemma not in self.cited - self.self_words):
            return "author"
        owned = any(c.dep_ in ("poss", "nmod") or (c.dep_ == "compound" and c.pos_ == "PROPN")
                    or (c.dep_ == "prep" and c.lower_ == "by") for c in subject.children)
        if sub_lemma in self.self_words and owned and root.lemma_.lower() in self.reporting_verbs:
            return "cited"  # "Smith's article argues that ...", as the links read it
        if sub_low in self.cited or sub_lemma in self.cited:
            if determiners & _DEMONSTRATIVES and sub_lemma not in self.persons:
                return "author"  # "this view ignores ...": the author judging cited work
            return "cited"  # "historians hold", and "these historians attribute Y to X": the scholars just named
        verb = root
        if root.lemma_.lower() == "come":
            verb = next((c for c in root.children if c.dep_ == "xcomp"), root)  # "came to suspect"
        lemma = verb.lemma_.lower()
        if lemma in self.reporting_verbs and _has_clause(verb) and _names_a_scholar(subject, verb, self.discourse_nouns):
            return "cited"  # "Davies argues that ...", "Revisionists like Cobban denied that ..."
        if lemma in self.disputing and _named(subject) and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.propositions for c in verb.children):
            return "cited"  # "Sen rejected this explanation", "Revisionists like Cobban challenged the thesis"
        judged = subject.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in verb.children)
        if judged and not _has_clause(verb):
            return "author"  # "the drought cannot be blamed for X", "should not be regarded as": no believer named
        if subject.pos_ in ("NOUN", "PROPN") and (lemma in self.belief_verbs or lemma in self.speech_verbs and _has_clause(verb)):
            return "actor"  # "the prefect said that ...", as the links read it (argmine.extraction.factuality.source_of)
        return "author"

    # -- across units ------------------------------------------------------------

    def _attribute_continuations(self, doc: Doc, units: list[dict]) -> None:
        """"They also argue …" after cited scholarship is still cited scholarship."""
        for index in range(1, len(units)):
            unit, before = units[index], units[index - 1]
            if before["asserted_by"] != "cited" or unit["asserted_by"] == "cited" or unit["attributed_by_rule"]:
                continue
            span = doc[unit["start"]:unit["end"]]
            root = span.root
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ in _THIRD_PERSON and root.lemma_.lower() in self.reporting_verbs | self.belief_verbs:
                unit["asserted_by"] = "cited"
                if not unit["typed_by_rule"]:
                    unit["type"] = "background"

    def _type_enumerations(self, units: list[dict]) -> None:
        """The unit that announces a list ("X had several effects." before "First, …") is a claim.

        The listed units themselves stay premises of the claim or conclusion
        they are reasons for.
        """
        for index, unit in enumerate(units):
            if unit["ordinal"] not in _ORDINALS or index == 0:
                continue
            before = units[index - 1]
            earlier_items = [u for u in units[:index] if u["paragraph"] == unit["paragraph"] and u["ordinal"] in _ORDINALS]
            if before["paragraph"] == unit["paragraph"] and not earlier_items and not before["typed_by_rule"] and before["asserted_by"] == "author":
                before["type"] = "claim"
                before["typed_by_rule"] = True
                before["rules"].append("structure:enumeration-header")


    def _type_topic_sentences(self, units: list[dict]) -> None:
        """The first unit of a later paragraph of three or more units is that paragraph's claim.

        The first paragraph is left alone: it usually opens with context or
        with the state of the field.
        """
        if not units:
            return
        first_paragraph = units[0]["paragraph"]
        sizes = Counter(u["paragraph"] for u in units)
        seen = set()
        for unit in units:
            paragraph = unit["paragraph"]
            if paragraph in seen:
                continue
            seen.add(paragraph)
            if paragraph != first_paragraph and sizes[paragraph] >= 3 and not unit["typed_by_rule"] and unit["asserted_by"] == "author":
                unit["type"] = "claim"
                unit["typed_by_rule"] = True
                unit["rules"].append("structure:topic-sentence")


def relate_units(units: list[dict]) -> None:
    """Fill each unit's ``contrasts`` and ``supports`` (indices into ``units``; -1 for none).

    - contrast: a unit opening with a contrast marker contrasts with the unit
      before (a concessive "Although X" with the unit after, in its sentence);
      a unit set against cited scholarship ("than other inquiries have done")
      contrasts with the nearest cited unit before it;
    - support: a premise supports the concluding claim or thesis of its
      paragraph, else the nearest claim or thesis in its paragraph (a later
      one on a tie), else the document's nearest thesis; a claim supports the
      nearest thesis, preferring its own paragraph; a concluding thesis in a
      later paragraph supports the document's first thesis.

    >>> def unit(kind, relation=""):
    ...     return dict(type=kind, paragraph=0, relation=relation, asserted_by="author", conclusion=False, sentence_index=0)
    >>> units = [unit("thesis"), unit("premise"), unit("claim", "contrast")]
    >>> relate_units(units); [(u["supports"], u["attacks"]) for u in units]
    [(-1, -1), (2, -1), (0, 1)]
    """
    for index, unit in enumerate(units):
        unit["supports"], unit["attacks"] = -1, -1
        if unit["relation"] == "contrast-cited":
            cited = [i for i in range(index) if units[i]["asserted_by"] == "cited"]
            if cited:
                unit["attacks"] = cited[-1]
        if unit["attacks"] < 0 and unit["relation"] == "contrast":
            opens_sentence = index == 0 or units[index - 1]["sentence_index"] != unit["sentence_index"]
            if unit.get("concessive") and opens_sentence and index + 1 < len(units) and units[index + 1]["sentence_index"] == unit["sentence_index"]:
                unit["attacks"] = index + 1
            elif index > 0:
                unit["attacks"] = index - 1
    theses = [i for i, u in enumerate(units) if u["type"] == "thesis"]
    # the claims and theses of each paragraph, in order (types do not change below)
    arguable: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        if u["type"] in ("claim", "thesis"):
            arguable.setdefault(u["paragraph"], []).append(i)
    for index, unit in enumerate(units):
        kind = unit["type"]
        if unit["relation"] == "support" and index > 0 and units[index - 1]["paragraph"] == unit["paragraph"] and kind not in ("meta", "background"):
            unit["supports"] = index - 1  # "For example, …", "Indeed, …" back up the unit before
        elif kind == "premise":
            same = [i for i in arguable.get(unit["paragraph"], ()) if i != index]
            conclusions = [i for i in same if i > index and units[i]["conclusion"]]
            if conclusions:
                unit["supports"] = conclusions[0]
            elif same:
                unit["supports"] = min(same, key=lambda i: (abs(i - index), i < index))
            elif theses:
                unit["supports"] = min(theses, key=lambda i: (abs(i - index), i < index))
        elif kind == "claim" and theses:
            unit["supports"] = min(theses, key=lambda i: (units[i]["paragraph"] != unit["paragraph"], abs(i - index), i < index))
        elif kind == "thesis" and unit["conclusion"] and theses and theses[0] != index and units[theses[0]]["paragraph"] != unit["paragraph"]:
            unit["supports"] = theses[0]
        if unit["supports"] == unit["attacks"] and unit["supports"] >= 0:
            unit["supports"] = -1  # a unit does not both back and oppose the same unit


def _settle_defaults(units: list[dict]) -> bool:
    """Type the units no rule typed, by the part they play: premise or claim.

    A unit no rule typed is provisionally a premise. When no unit of the text
    is a claim or thesis, the last such unit is its conclusion, a claim. A
    provisional premise is a claim when another unit supports it (it is argued
    for) or when it is related to nothing (there is no thesis or claim for it
    to be a reason for, and it opposes nothing: a concession or objection is a
    premise too). Returns whether any type changed.
    """
    changed = False
    if units and not any(u["type"] in ("claim", "thesis") for u in units):
        open_units = [u for u in units if u["type"] == "premise" and not u["typed_by_rule"]]
        if open_units:
            open_units[-1]["type"] = "claim"  # nothing marks a claim: the last unit concludes
            open_units[-1]["rules"].append("structure:final-conclusion")
            relate_units(units)
            changed = True
    supported = {u["supports"] for u in units if u["supports"] >= 0}
    for index, unit in enumerate(units):
        if unit["typed_by_rule"] or unit["type"] != "premise":
            continue
        if index in supported or (unit["supports"] < 0 and unit["attacks"] < 0):
            unit["type"] = "claim"
            unit["rules"].append("structure:supported" if index in supported else "structure:supports-nothing")
            changed = True
    return changed


def _paragraph_breaks(doc: Doc) -> list[int]:
    """End offsets of the blank lines ("\\n\\n", counted as ``str.count`` counts them) in the text of ``doc``.

    The number of these ends at or before an offset k is ``doc.text[:k].count("\\n\\n")``:
    ``str.count`` and ``re.finditer`` both take non-overlapping matches from the
    left, so the matches inside a prefix are the text's matches that end
    within it. The text is joined from the Doc's token table
    (:func:`argmine.nlp.syntax.doc_table`: ``text`` and ``space``, as
    ``Doc.text`` joins ``text_with_ws``) without building a ``Token`` per token.
    """
    table = syntax.doc_table(doc)
    text = "".join([word + " " if space else word for word, space in zip(table.text, table.space)])
    return [match.end() for match in _BLANK_LINE.finditer(text)]


_BLANK_LINE = re.compile("\n\n")


@lru_cache(maxsize=16)
def _first_word_index(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the phrases (word tuples) that start with it, built once per phrase list."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in index.items()}


def _contains_phrase(words: list[str], index: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether one of the indexed phrases occurs in ``words`` as consecutive words.

    >>> _contains_phrase(["in", "part", "because"], _first_word_index((("in", "part"),)))
    True
    >>> _contains_phrase(["part", "in"], _first_word_index((("in", "part"),)))
    False
    """
    for start, word in enumerate(words):
        for phrase in index.get(word, ()):
            if tuple(words[start:start + len(phrase)]) == phrase:
                return True
    return False


def _ordinal_word(unit: Span) -> str:
    first = next((t for t in unit if not (t.is_space or t.is_punct)), None)
    return first.lower_ if first is not None else ""


def _ordinal(unit: Span) -> str:
    first = next((t for t in unit if not (t.is_space or t.is_punct)), None)
    if first is None:
        return ""
    low = first.lower_
    if low in _ORDINALS | _CLOSING_ORDINALS and first.i + 1 < len(first.doc) and first.doc[first.i + 1].text == ",":
        return low
    return low if low in _ORDINAL_ADVERBS else ""


def _in_main_clause(token: Token, unit: Span) -> bool:
    """Whether ``token`` belongs to the unit's main clause, a clause coordinated with it or its complement clause."""
    verb = token.head if token.dep_ in ("aux", "auxpass", "neg", "advmod") else token
    while verb.i != unit.root.i:
        if verb.dep_ not in ("conj", "ccomp", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return True


def _named(subject: Token) -> bool:
    """A proper name, or a noun exemplified by one (lexicon kind ``exemplifying_prep``: "Revisionists
    like Cobban", "critics such as Hill"): the name stands for the group."""
    if subject.pos_ == "PROPN":
        return True
    doc = subject.doc
    for prep in subject.children:
        if prep.dep_ != "prep" or not any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children):
            continue
        before = doc[prep.i - 1].lower_ + " " if prep.i > subject.i + 1 else ""
        if prep.lower_ in _EXEMPLIFYING or (before + prep.lower_) in _EXEMPLIFYING:
            return True  # "such as" is parsed as "as" with "such" right before it
    return False


def _names_a_scholar(subject: Token, verb: Token, discourse_nouns: frozenset[str]) -> bool:
    """Whether a reporting verb's subject is a named writer: a proper name or a noun exemplified by one
    (:func:`_named`), or a capitalised bare noun with a verb in the present or perfect, the tense in
    which scholarship is reported."""
    if _named(subject):
        return True
    if subject.lemma_.lower() in discourse_nouns or any(c.dep_ in ("det", "poss") for c in subject.children):
        return False
    present = verb.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return subject.text[:1].isupper() and present


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _tree_distance(token: Token, root: Token) -> int:
    path = [token] + list(token.ancestors)
    return next((n for n, t in enumerate(path) if t.i == root.i), len(path))
