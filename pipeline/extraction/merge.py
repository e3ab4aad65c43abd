"""Concept names across documents: matching keys and the merge of names that are one concept.

:func:`concept_key` gives a name's matching key (lower case, synonyms mapped, plural folded, "N of M" read
as "M N") from the word lists of ``models/lexicon.jsonl`` (:class:`ConceptWords`, :func:`concept_words`);
:func:`merge_concepts` joins the names of a corpus that are the same concept and records why
(:class:`Merge`). Naming a cause or effect inside one document (:mod:`.concepts`, which reads the parse)
uses the same word lists and keys; this part reads names and word lists only, not spaCy objects, so the
process that writes a run's outputs merges concepts without importing spaCy.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping

from ..nlp.rules import Lexicon, load_lexicon

__all__ = ["ConceptWords", "concept_words", "concept_key", "Merge", "merge_concepts"]

_ISM = re.compile(r"^(?P<stem>[A-Z][a-z]+?)(?:ite|ist)s?$")


@dataclass(frozen=True)
class ConceptWords:
    """The word lists concept naming and anaphora use."""

    drop: frozenset[str]
    transparent: frozenset[str]
    summary: frozenset[str]
    discourse: frozenset[str]
    synonym_of: dict[str, str] = field(default_factory=dict)
    nominal_of: dict[str, str] = field(default_factory=dict)
    focus: frozenset[str] = frozenset()  # focusing adverbs ("especially longer winters" names "longer winters")
    emergence: frozenset[str] = frozenset()
    self_reference: frozenset[str] = frozenset()
    effect_nouns: frozenset[str] = frozenset()
    transform: frozenset[str] = frozenset()
    of_verbs: frozenset[str] = frozenset()
    consequence: frozenset[str] = frozenset()  # "the ensuing X", "the resulting X"
    ordinal_index: dict[str, int] = field(default_factory=dict)  # "second" -> 2
    light: frozenset[str] = frozenset()  # verbs that never name a concept on their own ("be", "have")
    undergoing: frozenset[str] = frozenset()  # "suffered a depression" names the depression
    terms: frozenset[str] = frozenset()  # "growing season": a drop modifier that is part of a term
    former_latter: dict[str, int] = field(default_factory=dict)  # "former" -> 1, "latter" -> -1
    complement_preps: frozenset[str] = frozenset()  # "tensions between the guilds"
    effect_target_preps: frozenset[str] = frozenset()  # "the effects of X on Y"
    adjective_copulas: frozenset[str] = frozenset()  # "grew poor"
    quantifiers: frozenset[str] = frozenset()  # "many of the guilds"
    nominal_subject_preps: frozenset[str] = frozenset()  # "the rise in wages"
    #: verbs of the author's own work ("we argue", "I examine", "we ask"): with "I"/"we" as subject the
    #: clause is the text speaking of itself (kinds ``method_verb``, ``reporting_verb``, ``question_verb``)
    author_verbs: frozenset[str] = frozenset()
    relational: frozenset[str] = frozenset()  # "means", "threat": nouns whose name keeps their complement
    #: "dependence" -> {"on", "toward", ...}: nouns whose name keeps a complement of these prepositions (kind
    #: ``relational_noun`` entries with a ``value``, models/complement_nouns.jsonl)
    relational_prep_of: dict[str, frozenset[str]] = field(default_factory=dict)
    relational_preps: frozenset[str] = frozenset()  # "threat to X": prepositions that complete them
    #: the lexicon these words come from (for the other stages' views of it)
    lexicon: Lexicon | None = field(default=None, compare=False, repr=False)

    @cached_property
    def in_nouns(self) -> frozenset[str]:
        """Nouns whose "in" complement is relational ("rise in wages"), from the nominalizations."""
        return frozenset(v.split()[0] for v in self.nominal_of.values() if v.endswith(" in"))

    def synonym(self, lemma: str) -> str:
        return self.synonym_of.get(lemma, lemma)


def concept_words(lexicon: Lexicon | None = None) -> ConceptWords:
    """The :class:`ConceptWords` of ``lexicon`` (default: the packaged :func:`argmine.nlp.rules.load_lexicon`), made once."""
    return (lexicon or load_lexicon()).view(_concept_words)


def _concept_words(lexicon: Lexicon) -> ConceptWords:
    groups: dict[str, set[str]] = defaultdict(set)
    synonym_of: dict[str, str] = {}
    nominal_of: dict[str, str] = {}
    ordinal_index: dict[str, int] = {}
    former_latter: dict[str, int] = {}
    relational_prep_of: dict[str, set[str]] = defaultdict(set)
    for rule in lexicon:
        if rule.kind == "relational_noun" and rule.value:
            for word in rule.words:
                relational_prep_of[word].add(rule.value)
            continue
        if rule.kind == "ordinal_number":
            for word in rule.words:
                ordinal_index[word] = int(rule.value)
        if rule.kind == "former_latter":
            for word in rule.words:
                former_latter[word] = int(rule.value)
        groups[rule.kind].update(rule.words)
        if rule.kind == "enumeration_noun" and rule.value == "effect":
            groups["effect_noun"].update(rule.words)
        if rule.kind == "synonym":
            for word in rule.words:
                synonym_of[word] = rule.value
        elif rule.kind == "nominalization":
            for word in rule.words:
                nominal_of[word] = rule.value
    return ConceptWords(
        drop=frozenset(groups["drop_modifier"]),
        focus=frozenset(groups["focusing_adverb"]),
        transparent=frozenset(groups["transparent"]),
        summary=frozenset(groups["summary"]),
        discourse=frozenset(groups["discourse_noun"]),
        synonym_of=synonym_of,
        nominal_of=nominal_of,
        emergence=frozenset(groups["emergence_verb"]),
        self_reference=frozenset(groups["self"]),
        effect_nouns=frozenset(groups["effect_noun"]),
        transform=frozenset(groups["transform_verb"]),
        of_verbs=frozenset(groups["of_verb"]),
        consequence=frozenset(groups["consequence_modifier"]),
        ordinal_index=ordinal_index,
        light=frozenset(groups["light_verb"]),
        undergoing=frozenset(groups["undergoing_verb"]),
        terms=frozenset(groups["term_modifier"]),
        former_latter=former_latter,
        complement_preps=frozenset(groups["complement_prep"]),
        effect_target_preps=frozenset(groups["effect_target_prep"]),
        adjective_copulas=frozenset(groups["adjective_copula"]),
        quantifiers=frozenset(groups["quantifier"]),
        nominal_subject_preps=frozenset(groups["nominal_subject_prep"]),
        author_verbs=frozenset(groups["method_verb"] | groups["reporting_verb"] | groups["question_verb"]),
        relational=frozenset(groups["relational_noun"]),
        relational_prep_of={word: frozenset(preps) for word, preps in relational_prep_of.items()},
        relational_preps=frozenset(groups["complement_prep"] | groups["relational_prep"]),
        lexicon=lexicon,
    )


def _fold(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "'")):
        return word[:-1]
    return word


def concept_key(name: str, lex: ConceptWords | None = None) -> str:
    """A matching key: lower case, synonyms mapped, simple plural folded, "N of M" read as "M N".

    >>> concept_key("new Tensions")
    'new tension'
    >>> concept_key("strains")
    'tension'
    >>> concept_key("failure of harvest") == concept_key("harvest failures")
    True
    """
    lex = lex or concept_words()
    if _KEYS[0] is not lex or len(_KEYS[1]) > 200_000:  # one table per word lists, bounded
        _KEYS[:] = [lex, {}]
    found = _KEYS[1].get(name)
    if found is None:
        words = [lex.synonym(_fold(word)) for word in name.lower().split()]
        if len(words) == 3 and words[1] == "of":
            words = [words[2], words[0]]
        found = _KEYS[1][name] = " ".join(words)
    return found


_KEYS: list = [None, {}]  # [the ConceptWords the keys were made with, {name: key}]


@dataclass(frozen=True)
class Merge:
    """Two concept names joined into one across documents, and why."""

    alias: str
    canonical: str
    reason: str
    documents: tuple[str, ...] = ()  # documents where ``alias`` occurs


def _ism_form(name: str) -> str | None:
    """"Stakhanovite movement" -> "Stakhanovism"."""
    words = name.split()
    if len(words) == 2 and words[1].lower() == "movement":
        match = _ISM.match(words[0])
        if match:
            return match.group("stem") + "ism"
    return None


def _proper_parts(name: str) -> list[str]:
    """Runs of capitalized words in a name: "harshness of Great Terror" -> ["Great Terror"]."""
    parts, run = [], []
    for word in name.split():
        if word[:1].isupper():
            run.append(word)
        else:
            if run:
                parts.append(" ".join(run))
            run = []
    if run:
        parts.append(" ".join(run))
    return parts


def merge_concepts(
    occurrences: Mapping[tuple[str, str], Counter],
    contexts: Mapping[str, frozenset[str]] | None = None,
) -> tuple[dict[tuple[str, str], str], list[Merge]]:
    """Map each document's concept names to canonical names across documents.

    Parameters
    ----------
    occurrences:
        (doc_id, concept name) -> Counter of the mention texts of that name in that document.
    contexts:
        doc_id -> :func:`document_context` of the document; without it a short
        proper name joins a longer one only inside one document.

    Returns
    -------
    (mapping, merges): ``mapping[(doc_id, name)]`` is the canonical name;
    ``merges`` records each join with its reason and the documents involved.
    Three joins are made, in this order:

    1. a short proper name becomes the one longer proper name it ends
       ("Terror" -> "Great Terror", also inside "harshness of Terror") when
       that name occurs in the same document or in a document that shares a
       setting (a named entity or a year);
    2. "X-ite movement" becomes "X-ism" when "X-ism" occurs anywhere;
    3. names with the same :func:`concept_key` become the most mentioned one.

    >>> m, why = merge_concepts({("a", "Stakhanovite movement"): Counter(), ("b", "Stakhanovism"): Counter()})
    >>> m[("a", "Stakhanovite movement")], why[0].reason
    ('Stakhanovism', "'-ite movement' is the movement of '-ism'")
    >>> m, why = merge_concepts({("fr", "Terror"): Counter(), ("su", "Great Terror"): Counter()},
    ...                         {"fr": frozenset({"paris", "year:1793"}), "su": frozenset({"moscow", "year:1937"})})
    >>> m[("fr", "Terror")], why
    ('Terror', [])
    """
    contexts = contexts or {}
    total: Counter = Counter()
    docs_of: dict[str, set[str]] = defaultdict(set)
    for (doc_id, name), texts in occurrences.items():
        total[name] += sum(texts.values()) or 1
        docs_of[name].add(doc_id)
    mapping = {key: key[1] for key in occurrences}
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)

    # 1. short proper names -> the longer proper name in the same setting
    proper = sorted({n for n in total if _proper_parts(n) == [n]}, key=lambda n: (-len(n.split()), n))
    for (doc_id, name) in sorted(occurrences):
        renamed = name
        for part in _proper_parts(name):
            longer = [p for p in proper if p != part and p.endswith(" " + part)]
            settings = {p: _shared_setting(doc_id, docs_of[p], contexts, part, p) for p in longer}
            settled = [p for p in longer if settings[p]]
            if len(settled) == 1:
                target = settled[0]
                renamed = re.sub(rf"(?<![\w-]){re.escape(part)}(?![\w-])", target, renamed, count=1)
                found[(name, renamed, f"shorter form of the proper name {target!r}; {settings[target]}")].add(doc_id)
        mapping[(doc_id, name)] = renamed

    # 2. "-ite movement" -> "-ism"
    lowered = {n.lower(): n for n in total}
    for key, name in mapping.items():
        ism = _ism_form(name)
        if ism and ism.lower() in lowered:
            mapping[key] = lowered[ism.lower()]
            found[(name, mapping[key], "'-ite movement' is the movement of '-ism'")].add(key[0])

    # 3. the same key -> the most mentioned name
    by_key: dict[str, list[str]] = defaultdict(list)
    weight: Counter = Counter()
    for key, name in mapping.items():
        weight[name] += total[key[1]]
    for name in sorted(weight, key=lambda n: (-weight[n], len(n), n)):
        by_key[concept_key(name)].append(name)
    for key, name in mapping.items():
        first = by_key[concept_key(name)][0]
        if first != name:
            mapping[key] = first
            found[(name, first, "same key after lower-casing, plural, synonyms and 'N of M' = 'M N'")].add(key[0])

    merges = [Merge(alias, canonical, reason, tuple(sorted(docs)))
              for (alias, canonical, reason), docs in sorted(found.items()) if alias != canonical]
    return mapping, merges


def _shared_setting(doc_id: str, docs: set[str], contexts: Mapping[str, frozenset[str]], *names: str) -> str:
    """Why ``doc_id`` shares a setting with one of ``docs`` ("" when it does not)."""
    if doc_id in docs:
        return "the same document"
    words = {w.lower() for n in names for w in n.split()}
    own = {i for i in contexts.get(doc_id, frozenset()) if not set(i.split()) & words}
    for other in sorted(docs):
        shared = sorted(own & contexts.get(other, frozenset()))
        if shared:
            return f"{doc_id} and {other} share {shared[0].replace('year:', '')!r}"
    return ""
