"""Concept names: one short canonical name per referent, within and across documents.

Within a document a cause or effect is named from its head word, the head's
naming modifiers and its first relational complement ("criticism of
management", "demands on managers", "Great Terror"); transparent nouns pass
to their complement ("this wave of criticism" -> "criticism"), verbs are
nominalized ("to suspect managers of sabotage" -> "suspicion of sabotage"),
and synonyms share a key. Across documents, :func:`merge_concepts` joins
names that are the same concept and records why.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from spacy.tokens import Token

from .rules import load_lexicon

__all__ = ["Lexicon", "lexicon", "ConceptName", "name_token", "concept_key", "Merge", "merge_concepts"]

_COMPLEMENT_PREPS = ("of", "on", "upon", "within", "between", "among", "against", "for", "over", "towards", "toward")
_MAX_WORDS = 6
_ISM = re.compile(r"^(?P<stem>[A-Z][a-z]+?)(?:ite|ist)s?$")


@dataclass(frozen=True)
class Lexicon:
    """The word lists concept naming and anaphora use."""

    drop: frozenset[str]
    transparent: frozenset[str]
    summary: frozenset[str]
    discourse: frozenset[str]
    synonym_of: dict[str, str] = field(default_factory=dict)
    nominal_of: dict[str, str] = field(default_factory=dict)

    def synonym(self, lemma: str) -> str:
        return self.synonym_of.get(lemma, lemma)


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    groups: dict[str, set[str]] = defaultdict(set)
    synonym_of: dict[str, str] = {}
    nominal_of: dict[str, str] = {}
    for rule in load_lexicon():
        groups[rule.kind].update(rule.words)
        if rule.kind == "synonym":
            for word in rule.words:
                synonym_of[word] = rule.value
        elif rule.kind == "nominalization":
            for word in rule.words:
                nominal_of[word] = rule.value
    return Lexicon(
        drop=frozenset(groups["drop_modifier"]),
        transparent=frozenset(groups["transparent"]),
        summary=frozenset(groups["summary"]),
        discourse=frozenset(groups["discourse_noun"]),
        synonym_of=synonym_of,
        nominal_of=nominal_of,
    )


@dataclass(frozen=True)
class ConceptName:
    """A concept's display name, its matching key, and the token it is named after."""

    name: str
    key: str
    head: int  # token index of the naming head (after transparent nouns)
    head_lemma: str


def concept_key(name: str) -> str:
    """A matching key: lower case, synonyms mapped, simple plural folded.

    >>> concept_key("new Tensions")
    'new tension'
    >>> concept_key("strains")
    'tension'
    """
    lex = lexicon()
    words = []
    for word in name.lower().split():
        base = word
        if len(base) > 4 and base.endswith("ies"):
            base = base[:-3] + "y"
        elif len(base) > 3 and base.endswith("s") and not base.endswith(("ss", "us", "is", "ics")):
            base = base[:-1]
        words.append(lex.synonym(base))
    return " ".join(words)


def _surface(token: Token) -> str:
    if token.pos_ == "PROPN" or (token.text[:1].isupper() and token.i > token.sent.start and token.pos_ != "PRON"):
        return token.text
    return token.lower_


def _modifiers(head: Token, lex: Lexicon) -> list[Token]:
    mods = []
    for child in head.children:
        if child.i > head.i:
            continue
        is_name = child.pos_ == "PROPN" or (child.text[:1].isupper() and child.i > child.sent.start)
        if child.lower_ in lex.drop and not is_name:
            continue
        if child.dep_ == "compound" or (child.dep_ == "amod" and child.pos_ in ("ADJ", "PROPN", "NOUN", "VERB")):
            mods.extend(t for t in child.subtree if not t.is_punct or t.text == "-")
        elif child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN") and head.lemma_ not in lex.transparent:
            mods.extend(t for t in child.subtree)
    return sorted(set(mods), key=lambda t: t.i)


def _phrase(tokens: Iterable[Token]) -> str:
    out = ""
    for token in tokens:
        text = _surface(token)
        if token.tag_ == "POS" or token.text == "-" or (out.endswith("-")):
            out += text
        else:
            out += (" " if out else "") + text
    return out


def _short_np(token: Token, lex: Lexicon) -> str:
    """A noun with its naming modifiers only, no complements."""
    return _phrase(_modifiers(token, lex) + [token])


def _verb_concept(verb: Token, lex: Lexicon) -> tuple[str, Token]:
    nominal = lex.nominal_of.get(verb.lemma_.lower())
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    of_phrase = None
    for holder in [verb] + ([obj] if obj is not None else []):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    of_phrase = pobj
    if nominal:
        noun, _, prep = nominal.partition(" ")
        if of_phrase is not None and prep == "of":
            return f"{noun} of {_short_np(of_phrase, lex)}", verb
        if obj is not None and obj.pos_ != "PRON":
            return f"{noun} {prep or 'of'} {_short_np(obj, lex)}", verb
        return noun, verb
    words = [verb.lemma_.lower()]
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    if particle is not None:
        words.append(particle.lower_)
    if obj is not None and obj.pos_ != "PRON":
        words.append(_short_np(obj, lex))
    else:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return f"{_short_np(subject, lex)} {verb.lemma_.lower()}", verb
        prep = next((c for c in verb.children if c.dep_ == "prep"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
            words.extend([prep.lower_, _short_np(pobj, lex)])
    return " ".join(words), verb


def _through_transparent(token: Token, lex: Lexicon) -> Token:
    """Follow "a wave of X", "all of X", "opportunities to do X" to X."""
    for _ in range(4):
        is_quantifier = token.pos_ in ("PRON", "DET") and token.lower_ in ("all", "some", "many", "most", "each", "both", "none", "much")
        if token.lemma_.lower() in lex.transparent or is_quantifier:
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None:
                token = pobj
                continue
            clause = next((c for c in token.children if c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ == "VERB"
                           and any(a.lower_ == "to" for a in c.children)), None)
            if clause is not None:
                return clause
        break
    return token


def name_token(token: Token) -> ConceptName:
    """The concept name of a cause or effect whose head is ``token``.

    Pronouns get their own lower-case text as name; the anaphora stage
    replaces them.
    """
    lex = lexicon()
    head = _through_transparent(token, lex)
    if head.pos_ in ("VERB", "AUX"):
        name, head = _verb_concept(head, lex)
    elif head.pos_ == "PRON":
        name = head.lower_
    else:
        name = _short_np(head, lex)
        if head.pos_ != "PROPN":
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPS and child.i > head.i:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                        name = f"{name} {child.lower_} {_short_np(pobj, lex)}"
                    break
    words = name.split()
    if len(words) > _MAX_WORDS:
        name = " ".join(words[:_MAX_WORDS])
    if name and name[0].islower() is False and head.pos_ != "PROPN" and not name.split()[0].isupper():
        first = name.split()[0]
        if not any(t.text == first and t.pos_ == "PROPN" for t in token.doc[max(0, head.i - 4):head.i + 1]):
            name = name[0].lower() + name[1:]
    return ConceptName(name=name, key=concept_key(name), head=head.i, head_lemma=lex.synonym(head.lemma_.lower()))


@dataclass(frozen=True)
class Merge:
    """Two concept names joined into one across documents, and why."""

    alias: str
    canonical: str
    reason: str


def _ism_form(name: str) -> str | None:
    """"Stakhanovite movement" -> "Stakhanovism"."""
    words = name.split()
    if len(words) == 2 and words[1].lower() == "movement":
        match = _ISM.match(words[0])
        if match:
            return match.group("stem") + "ism"
    return None


def merge_concepts(mentions: dict[str, Counter], documents: dict[str, set[str]]) -> tuple[dict[str, str], list[Merge]]:
    """Map concept names to canonical names across documents.

    Parameters
    ----------
    mentions:
        concept name -> Counter of its mention texts.
    documents:
        concept name -> ids of the documents it occurs in.

    Returns
    -------
    (mapping, merges): ``mapping[name]`` is the canonical name of every name;
    ``merges`` records each join with its reason.

    >>> m, why = merge_concepts({"Stakhanovite movement": Counter(), "Stakhanovism": Counter()},
    ...                         {"Stakhanovite movement": {"a"}, "Stakhanovism": {"b"}})
    >>> m["Stakhanovite movement"], why[0].reason
    ('Stakhanovism', "'-ite movement' is the movement of '-ism'")
    """
    names = sorted(mentions, key=lambda n: (-sum(mentions[n].values()), n))
    mapping = {name: name for name in names}
    merges: list[Merge] = []
    by_key: dict[str, str] = {}
    for name in names:
        key = concept_key(name)
        if key in by_key and by_key[key] != name:
            mapping[name] = by_key[key]
            merges.append(Merge(name, by_key[key], "same key after lower-casing, plural and synonyms"))
        else:
            by_key.setdefault(key, name)
    lowered = {n.lower(): n for n in names}
    for name in names:
        ism = _ism_form(name)
        if ism and ism.lower() in lowered and mapping[name] == name:
            target = mapping[lowered[ism.lower()]]
            mapping[name] = target
            merges.append(Merge(name, target, "'-ite movement' is the movement of '-ism'"))
    # "Terror" -> "Great Terror": a proper name that ends a longer proper name,
    # when the documents share another named concept (the same historical context).
    for name in names:
        if mapping[name] != name or not name[:1].isupper():
            continue
        longer = [n for n in names if n != name and n.endswith(" " + name) and n[:1].isupper() and mapping[n] == n]
        if len(longer) != 1:
            continue
        target = longer[0]
        shared = _shared_context(name, target, documents, mapping)
        if shared:
            mapping[name] = target
            merges.append(Merge(name, target, f"shorter form of a proper name; documents share {shared!r}"))
    return {name: _final(mapping, name) for name in mapping}, merges


def _final(mapping: dict[str, str], name: str) -> str:
    seen = set()
    while mapping[name] != name and name not in seen:
        seen.add(name)
        name = mapping[name]
    return name


def _shared_context(a: str, b: str, documents: dict[str, set[str]], mapping: dict[str, str]) -> str:
    docs_a, docs_b = documents.get(a, set()), documents.get(b, set())
    if docs_a & docs_b:
        return "the same document"
    for other, docs in documents.items():
        if other in (a, b) or mapping.get(other, other) in (a, b) or not other[:1].isupper():
            continue
        if docs & docs_a and docs & docs_b:
            return other
    return ""
