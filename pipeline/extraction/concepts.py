"""Concept names: one short canonical name per referent, within and across documents.

Within a document a cause or effect is named from its head word, the head's
naming modifiers and its first relational complement ("criticism of
management", "demands on managers", "Great Terror"); transparent nouns pass
to their complement ("this wave of criticism" -> "criticism"). A clause is
named as the state of affairs it states:

- a clause whose verb is itself a causal cue stands for its result ("the
  harvest failure produced mass starvation" -> "mass starvation");
- a copula with a participle names the changed thing ("the unions were
  overwhelmed" -> "overwhelmed unions"), other copulas their subject;
- a negated verb is a failure ("could not pay its soldiers" -> "failure to
  pay soldiers");
- verbs with a nominalization in ``models/lexicon.jsonl`` become nouns ("to
  suspect managers of sabotage" -> "suspicion of sabotage", "relief
  collapsed" -> "collapse of relief", "relied on a single crop" ->
  "dependence on single crop");
- a passive verb names its subject with the participle ("banks were
  weakened" -> "weakened banks");
- verbs of emergence name what emerged ("a black market emerged" -> "black
  market").

Synonyms share a key. Across documents, :func:`merge_concepts` joins names
that are the same concept and records why; it, the keys and the word tables
live in :mod:`.merge` (no spaCy there, so the process that writes a run's
outputs need not import it) and are named here too.

Size: about 510 lines: naming a cause or effect (nominalisation, light verbs,
negated clauses).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from spacy.attrs import LIKE_NUM, POS
from spacy.tokens import Doc, Token

from ..nlp.syntax import TokenTable, doc_memo, doc_table, tokens_where
from ..nlp.wordnet import wordnet
from .merge import ConceptWords, Merge, _concept_words, _fold, concept_key, concept_words, merge_concepts  # noqa: F401

__all__ = ["ConceptWords", "concept_words", "ConceptName", "name_token", "negated_result", "concept_key", "Merge", "merge_concepts",
           "document_context"]

_MAX_WORDS = 6
_MAX_DEPTH = 3  # how deep clause names may nest ("the clause whose subject is the clause whose result ...")
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})s?$")
#: entity types whose words keep their capital letter and that tell two documents share a setting
_NAME_ENTITIES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_NOUNS = ("NOUN", "PROPN")


@dataclass(frozen=True)
class ConceptName:
    """A concept's display name, its matching key, and the token it is named after.

    ``head_lemma`` is the (synonym-mapped) noun the name is about: the noun
    head, or the noun of a nominalized verb ("criticism" for "to criticize
    management").
    """

    name: str
    key: str
    head: int  # token index of the naming head (after transparent nouns)
    head_lemma: str


# -- surface forms -------------------------------------------------------------

def _surface_at(t: TokenTable, i: int) -> str:
    """Token ``i`` as it appears in a name: a capital kept only where it marks a name."""
    text = t.text[i]
    if t.pos[i] == "PRON":
        return t.lower[i]
    if not text[:1].isupper():
        return text
    if t.sent_start[i] != 1 or t.ent_type[i] in _NAME_ENTITIES or (len(text) > 1 and text.isupper()):
        return text
    return text if t.pos[i] == "PROPN" else t.lower[i]


def _is_name_at(t: TokenTable, i: int) -> bool:
    """Whether token ``i`` is (part of) a name: a proper noun, or written with a capital that marks one."""
    return t.pos[i] == "PROPN" or _surface_at(t, i) != t.lower[i]


def _modifiers_at(t: TokenTable, head: int, lex: ConceptWords) -> list[int]:
    """The naming modifiers before the noun ``head`` (compounds, adjectives, possessors), as token indices in
    text order."""
    mods: list[int] = []
    for child in t.children[head]:
        if child > head:
            continue
        low, dep, pos = t.lower[child], t.dep[child], t.pos[child]
        if low in lex.drop and not _is_name_at(t, child) and f"{low} {t.lemma_lower[head]}" not in lex.terms:
            continue
        if dep == "amod" and t.tag[child] == "VBD":
            continue  # a past-tense verb the parser hung on its object ("and undermined Portuguese trade")
        if dep == "compound" or (dep == "amod" and pos in ("ADJ", "PROPN", "NOUN", "VERB")):
            mods.extend(i for i in t.subtree(child) if (not t.is_punct[i] or t.text[i] == "-")
                        and not (t.dep[i] == "advmod" and t.lower[i] in lex.focus))
        elif dep == "poss" and pos in _NOUNS and t.lemma[head] not in lex.transparent:
            mods.extend(i for i in t.subtree(child) if t.dep[i] not in ("det", "predet"))
        elif (dep == "nmod" and pos in _NOUNS and t.lemma[head] not in lex.transparent
              and child + 1 < head and t.text[child + 1] in ("’", "'") and not t.space[child]):
            # "the merchants’ activities": a possessor the parser split off with a curly apostrophe
            mods.extend([i for i in t.subtree(child) if t.dep[i] not in ("det", "predet")] + [child + 1])
    return sorted(set(mods))


def _phrase_at(t: TokenTable, indices: Iterable[int]) -> str:
    """The tokens ``indices`` written as a name: surface forms, joined by spaces except around a hyphen or a
    possessive ending."""
    out = ""
    for i in indices:
        text = _surface_at(t, i)
        if t.tag[i] == "POS" or t.text[i] == "-" or (out.endswith("-")) or (t.text[i] in ("’", "'") and t.dep[i] == "punct"):
            out += text
        else:
            out += (" " if out else "") + text
    return out


def _short_np(token: Token, lex: ConceptWords) -> str:
    """A noun with its naming modifiers only, no complements."""
    return _short_np_at(doc_table(token.doc), token.i, lex)


def _short_np_at(t: TokenTable, i: int, lex: ConceptWords) -> str:
    """:func:`_short_np` of token ``i``; a relational noun keeps the complement its sense needs."""
    name = _phrase_at(t, _modifiers_at(t, i, lex) + [i])
    complement = _relational_complement_at(t, i, lex)
    return f"{name} {complement}" if complement else name


def _relational_complement_at(t: TokenTable, head: int, lex: ConceptWords) -> str:
    """The complement that completes a noun of kind ``relational_noun``, as written in a name; ``""`` for
    another noun or none.

    A noun of an entry without a preposition ("means", "threat", "access") keeps its first prepositional
    phrase of kind ``relational_prep`` or ``complement_prep`` ("threat to the provinces" -> "to provinces"),
    or an adjective after it with such a phrase ("the means available for imports" -> "available for
    imports"). A noun of entries with a preposition (``value``; "dependence": on, "commitment": to,
    "confidence": in) keeps its phrase of that preposition, after an "of" phrase that precedes it ("the
    dependence of the towns on foreign grain" -> "of towns on foreign grain"), also when the parser hung it
    on the "of" phrase's noun.
    """
    if t.pos[head] != "NOUN":
        return ""
    lemma, low = t.lemma_lower[head], t.lower[head]
    if lemma not in lex.relational and low not in lex.relational:
        own = lex.relational_prep_of.get(lemma) or lex.relational_prep_of.get(low)
        return _own_complement_at(t, head, own, lex) if own else ""
    for child in t.children[head]:
        if child < head:
            continue
        if t.dep[child] == "prep" and t.lower[child] in lex.relational_preps:
            pobj = next((c for c in t.children[child] if t.dep[c] == "pobj"), None)
            if pobj is not None and t.pos[pobj] in _NOUNS:
                return f"{t.lower[child]} {_phrase_at(t, _modifiers_at(t, pobj, lex) + [pobj])}"
            return ""
        if t.dep[child] == "amod" and t.pos[child] == "ADJ":
            prep = next((c for c in t.children[child] if t.dep[c] == "prep" and t.lower[c] in lex.relational_preps), None)
            pobj = next((c for c in t.children[prep] if t.dep[c] == "pobj"), None) if prep is not None else None
            if pobj is not None and t.pos[pobj] in _NOUNS:
                return f"{t.lower[child]} {t.lower[prep]} {_phrase_at(t, _modifiers_at(t, pobj, lex) + [pobj])}"
    return ""


def _own_complement_at(t: TokenTable, head: int, preps: frozenset[str], lex: ConceptWords) -> str:
    """The phrase of one of ``preps`` after the noun ``head`` (see :func:`_relational_complement_at`), with an
    "of" phrase before it; ``""`` when there is none."""
    def pobj_of(prep: int) -> int | None:
        found = next((c for c in t.children[prep] if t.dep[c] == "pobj"), None)
        return found if found is not None and t.pos[found] in _NOUNS else None

    def written(prep: int, pobj: int) -> str:
        return f"{t.lower[prep]} {_phrase_at(t, _modifiers_at(t, pobj, lex) + [pobj])}"

    of_phrase = ""
    for child in t.children[head]:
        if child < head or t.dep[child] != "prep":
            continue
        pobj = pobj_of(child)
        if pobj is None:
            return ""
        if t.lower[child] in preps:
            return f"{of_phrase} {written(child, pobj)}".strip()
        if t.lower[child] != "of" or of_phrase:
            return ""
        of_phrase = written(child, pobj)
        inner = next((c for c in t.children[pobj] if t.dep[c] == "prep" and t.lower[c] in preps and pobj_of(c) is not None), None)
        if inner is not None:  # "the dependence of [the towns on foreign grain]": the parser's attachment
            return f"{of_phrase} {written(inner, pobj_of(inner))}"
    return ""


def _noun_name(head: Token, lex: ConceptWords) -> str:
    """A noun with its naming modifiers and its first relational complement."""
    return _noun_name_at(doc_table(head.doc), head.i, lex)


def _noun_name_at(t: TokenTable, head: int, lex: ConceptWords) -> str:
    """:func:`_noun_name` of token ``head``."""
    name = _short_np_at(t, head, lex)
    if t.pos[head] == "PROPN" or _relational_complement_at(t, head, lex):
        return name
    # "the effects of inflation on households": "on households" belongs to "effects"
    above = t.head[head]
    of_effect = t.dep[head] == "pobj" and t.lower[above] == "of" and t.lemma_lower[t.head[above]] in lex.effect_nouns
    preps = lex.complement_preps | ({"in"} if t.lemma_lower[head] in lex.in_nouns else set())
    for child in t.children[head]:
        if of_effect and t.lower[child] in lex.effect_target_preps:
            continue
        if t.dep[child] == "prep" and t.lower[child] in preps and child > head:
            pobj = next((c for c in t.children[child] if t.dep[c] == "pobj"), None)
            if pobj is not None and t.pos[pobj] in _NOUNS:
                name = f"{name} {t.lower[child]} {_short_np_at(t, pobj, lex)}"
            break
    return name


# -- clauses ---------------------------------------------------------------------

def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    """The first child of ``token`` whose dependency label is one of ``deps``, or None."""
    t = doc_table(token.doc)
    found = next((c for c in t.children[token.i] if t.dep[c] in deps), None)
    return token.doc[found] if found is not None else None


_cue_index: list = [None, {}]  # [the causal_links list it was built from, {cue token: effect head}]


def _result_of(verb: Token) -> Token | None:
    """The effect head of a positive causal link whose cue is ``verb``, if any."""
    doc = verb.doc
    if not Doc.has_extension("causal_links"):
        return None
    links = doc._.causal_links or []
    if _cue_index[0] is not links:  # one index per document, rebuilt when another document comes
        index: dict[int, int] = {}
        for data in links:
            if data.get("polarity", "positive") != "positive":
                continue
            for i in set(range(*data["cue"])) | set(data.get("cue_extra", [])):
                if i not in (data["effect_head"], data["cause_head"]):
                    index.setdefault(i, data["effect_head"])
        _cue_index[:] = [links, index]
    effect = _cue_index[1].get(verb.i)
    return doc[effect] if effect is not None else None


def _gerund(lemma: str) -> str:
    """The -ing form of a verb lemma, by the spelling rules.

    >>> [_gerund(v) for v in ("hoard", "make", "die", "cut", "see", "join", "visit", "begin")]
    ['hoarding', 'making', 'dying', 'cutting', 'seeing', 'joining', 'visiting', 'beginning']
    """
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    doubled = lemma + lemma[-1] + "ing"
    if lemma[-1] not in "aeiouwxy" and wordnet().verb_of.get(doubled) == lemma:
        return doubled  # "begin" -> "beginning": a stressed last syllable, which spelling alone does not show (WordNet)
    vowels = re.findall(r"[aeiou]+", lemma)
    if (len(vowels) == 1 and len(vowels[0]) == 1 and len(lemma) >= 3 and lemma[-1] not in "aeiouwxy"
            and lemma[-2] in "aeiou"):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def _participle(verb: Token) -> str:
    return verb.lower_ if verb.tag_ in ("VBN", "VBD") or verb.lower_.endswith("ed") else verb.lemma_.lower()


def _negated_verb(verb: Token) -> bool:
    """A verb with its own negation ("did not promote", "was never embraced"); a "not" before the
    clause's subordinator ("not because X objected") denies the reason, not the verb."""
    if verb.pos_ != "VERB":
        return False
    t = doc_table(verb.doc)
    children = t.children[verb.i]
    marks = [c for c in children if t.dep[c] == "mark"]
    return any(t.dep[c] == "neg" and not (marks and c < min(marks)) for c in children)


def negated_result(verb: Token) -> Token | None:
    """The result of a negated causal clause: "the state did not promote export" → the token "export".

    ``verb`` heads a clause whose verb is the cue of another causal link and
    carries its own negation; the result is that link's effect head, or None
    when ``verb`` is not such a clause. A link whose effect is this clause
    reaches the result with negative polarity ("The reforms were never adopted.
    Thus trade was not fostered by the crown" → failure to adopt ⇸
    trade), as the clause's own link does; a cause clause of this kind is
    named as a failure instead ("failure to foster trade").
    """
    if verb.pos_ != "VERB" or not _negated_verb(verb):
        return None
    return _result_of(verb)


def _adjective_infinitive(state: Token, lex: ConceptWords) -> tuple[str, Token, str] | None:
    """A predicative adjective with an infinitive complement names the state with what it is about.

    "the masters proved unable to break into the export trade" -> "unable to break into export trade";
    "the banks were reluctant to lend money" -> "reluctant to lend money". Without the infinitive the name
    would be "unable masters", which says nothing of what they could not do; like "failure to foster
    trade" (a negated clause), the name leaves out the subject, which the link's sentence gives. Returns
    (name, naming head, head lemma), or None when ``state`` has no infinitive complement.
    """
    inner = next((c for c in state.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.i > state.i
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if inner is None:
        return None
    words = [state.lower_, "to", inner.lemma_.lower()]
    particle = _child(inner, ("prt",))
    if particle is not None:
        words.append(particle.lower_)
    obj = _child(inner, ("dobj",))
    prep = _child(inner, ("prep",))
    pobj = _child(prep, ("pobj",)) if prep is not None else None
    if obj is not None and obj.pos_ in _NOUNS:
        words.append(_short_np(obj, lex))
    elif pobj is not None and pobj.pos_ in _NOUNS:
        words.extend([prep.lower_, _short_np(pobj, lex)])
    return " ".join(words), state, state.lemma_.lower()


def _clause_concept(verb: Token, lex: ConceptWords, depth: int) -> tuple[str, Token, str]:
    """(name, naming head, head noun) of a clause headed by ``verb``."""
    if depth < 2 and not _negated_verb(verb):  # a negated causal clause did not bring its result about
        result = _result_of(verb)
        if result is not None:
            inner = name_token(result, lex, _depth=depth + 1)
            return inner.name, verb.doc[inner.head], inner.head_lemma
    subject = _child(verb, ("nsubj", "nsubjpass"))
    if (subject is None and verb.dep_ == "acl" and verb.head.pos_ in _NOUNS and verb.head.i < verb.i
            and verb.head.lemma_.lower() not in lex.transparent):
        subject = verb.head  # "evictions multiplied as ...", parsed as a noun with a participle
    subject = subject if subject is not None and subject.pos_ in _NOUNS else None
    obj = _child(verb, ("dobj", "obj"))
    obj = obj if obj is not None and obj.pos_ != "PRON" else None
    lemma = verb.lemma_.lower()
    there = _existential(verb, lex, depth)
    if there is not None:
        return there
    state = _child(verb, ("acomp", "attr", "oprd"))
    if state is not None and state.pos_ == "ADJ" and obj is None:
        capacity = _adjective_infinitive(state, lex)
        if capacity is not None:
            return capacity
    if lemma in lex.adjective_copulas and subject is not None and (lemma == "be" or (state is not None and state.pos_ == "ADJ")):
        # "the unions were overwhelmed" -> "overwhelmed unions"; "labour became scarce" -> "scarce labour"
        if state is not None and state.pos_ in ("ADJ", "VERB") and (lemma != "be" or state.tag_ == "VBN" or state.lower_.endswith("ed")):
            return f"{state.lower_} {_noun_name(subject, lex)}", subject, _noun_lemma(subject, lex)
        inner = name_token(subject, lex, _depth=depth + 1)
        return inner.name, verb.doc[inner.head], inner.head_lemma
    if lemma in lex.transform:
        into = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "into"), None)
        target = _child(into, ("pobj",)) if into is not None else None
        if target is not None and target.pos_ in _NOUNS:
            inner = name_token(target, lex, _depth=depth + 1)  # "turned shortage into famine" -> "famine"
            return inner.name, verb.doc[inner.head], inner.head_lemma
    particle = _child(verb, ("prt",))
    verb_words = [lemma] + ([particle.lower_] if particle is not None else [])
    doing = [_gerund(lemma)] + verb_words[1:]
    if _negated_verb(verb):  # "not because X objected": the reason is denied, not X
        undergoer = obj
        if undergoer is None and subject is not None and (subject.dep_ == "nsubjpass" or any(
                c.dep_ == "auxpass" for c in verb.children)):
            undergoer = subject  # "trade was not fostered" -> "failure to foster trade"
        words = ["failure to", *verb_words] + ([_short_np(undergoer, lex)] if undergoer is not None else [])
        return " ".join(words), verb, "failure"
    if lemma in lex.undergoing and obj is not None and obj.pos_ in _NOUNS and depth < _MAX_DEPTH:
        # "the towns suffered a long depression", "the decade saw a rise in prices": what is undergone is the concept
        inner = name_token(obj, lex, _depth=depth + 1)
        return inner.name, verb.doc[inner.head], inner.head_lemma
    nominal = lex.nominal_of.get(lemma)
    if nominal:
        return _nominalized(verb, nominal, subject, obj, lex)
    passive = subject is not None and (subject.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children)
                                       or (verb.dep_ == "acl" and verb.tag_ == "VBN"))
    if lemma in lex.emergence and obj is None and subject is not None:
        inner = name_token(subject, lex, _depth=depth + 1)
        return inner.name, verb.doc[inner.head], inner.head_lemma
    if passive:
        return f"{_participle(verb)} {_noun_name(subject, lex)}", subject, _noun_lemma(subject, lex)
    if state is not None and (state.pos_ == "ADJ" or (state.pos_ == "ADV" and state.dep_ == "oprd")) \
            and obj is not None and obj.pos_ in _NOUNS and state.i > obj.i:
        # "keeping prices low", "left the ports idle": an object with its resulting state names the state of the
        # thing, as the adjective end of a resultative does ("low prices", :func:`name_token`)
        return f"{state.lower_} {_noun_name(obj, lex)}", obj, _noun_lemma(obj, lex)
    if state is not None and state.pos_ == "ADJ" and subject is not None and obj is None:
        # "producers proved unable to ...", "prices stayed high": a linking verb names the changed thing
        return f"{state.lower_} {_noun_name(subject, lex)}", subject, _noun_lemma(subject, lex)
    if lemma in lex.light:
        # "had a persistent impact", "had to be curtailed": a light verb never names a concept on its own
        inner_verb = _child(verb, ("xcomp",))
        if inner_verb is not None and inner_verb.pos_ in ("VERB", "AUX") and depth < _MAX_DEPTH:
            inner = name_token(inner_verb, lex, _depth=depth + 1)
            if subject is not None and subject.pos_ in _NOUNS and len(inner.name.split()) == 1:
                return f"{inner.name} of {_noun_name(subject, lex)}", inner_verb, inner.head_lemma  # "curtailment of imports"
            return inner.name, verb.doc[inner.head], inner.head_lemma
        for holder in (obj, state, subject):
            if holder is not None and holder.pos_ in _NOUNS:
                inner = name_token(holder, lex, _depth=depth + 1)
                return inner.name, verb.doc[inner.head], inner.head_lemma
    noun = _event_noun(lemma) if verb.tag_ != "VBG" else ""  # a gerund is already a noun phrase ("supplying the market")
    words = list(doing)
    if obj is not None:
        if noun and not noun.endswith("ing"):  # "refused the taxes" -> "refusal of taxes"
            by = f" by {_short_np(subject, lex)}" if subject is not None and subject.pos_ == "PROPN" else ""
            return f"{noun} of {_short_np(obj, lex)}{by}", verb, noun
        words.append(_short_np(obj, lex))  # "hoarded cash" -> "hoarding cash"
    elif subject is not None:
        # "the mines closed" -> "closure of mines", "the blight passed" -> "passage of blight"
        return f"{noun or doing[0]} of {_noun_name(subject, lex)}", verb, noun or lemma
    else:
        prep = _child(verb, ("prep",))
        pobj = _child(prep, ("pobj",)) if prep is not None else None
        if pobj is not None and pobj.pos_ in _NOUNS:
            words.extend([prep.lower_, _short_np(pobj, lex)])
        elif noun:
            return noun, verb, noun  # a bare verb is named by its noun ("to expand" -> "expansion")
    return " ".join(words), verb, lemma


def _existential(verb: Token, lex: ConceptWords, depth: int) -> tuple[str, Token, str] | None:
    """"there were no apprentices" -> "lack of apprentices"; "there was a famine" -> "famine"."""
    if verb.lemma_.lower() != "be" or _child(verb, ("expl",)) is None:
        return None
    what = _child(verb, ("attr", "nsubj"))
    if what is None or what.pos_ not in _NOUNS:
        return None
    inner = name_token(what, lex, _depth=depth + 1)
    if any(c.dep_ == "det" and c.lower_ == "no" for c in what.children):
        return f"lack of {inner.name}", verb.doc[inner.head], "lack"
    return inner.name, verb.doc[inner.head], inner.head_lemma


def _event_noun(lemma: str) -> str:
    """The WordNet nominalization of a verb: the first derived abstract noun that is not a plural form."""
    from ..nlp.wordnet import wordnet

    # the noun must start like the verb ("refuse" -> "refusal", "close" -> "closure"; not "join" -> "junction")
    nouns = [n for n in wordnet().nominals(lemma) if (not n.endswith("s") or n.endswith(("ss", "sis", "us")))
             and n.startswith(lemma[:4])]
    events = [n for n in nouns if n in wordnet().event_nouns]  # "dissolve" -> "dissolution", not the film "dissolve"
    nouns = [n for n in nouns if n != lemma]  # a noun spelled as the verb names an event only if WordNet says so: not "rock"
    return (events or nouns or [""])[0]


def _nominalized(verb: Token, nominal: str, subject: Token | None, obj: Token | None,
                 lex: ConceptWords) -> tuple[str, Token, str]:
    """"suspect X of Y" -> "suspicion of Y"; "rely on X" -> "dependence on X"; "X collapsed" -> "collapse of X"."""
    noun, _, prep = nominal.partition(" ")
    head_lemma = lex.synonym(noun)
    complement = None
    holders = [verb] + ([obj] if obj is not None and verb.lemma_.lower() in lex.of_verbs else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and prep and child.lower_ == prep and child.i > verb.i:
                pobj = _child(child, ("pobj",))
                if pobj is not None and pobj.pos_ in _NOUNS:
                    complement = pobj
    if complement is not None and (prep == "of" or obj is None):
        return f"{noun} {prep} {_short_np(complement, lex)}", verb, head_lemma
    if obj is not None:
        return f"{noun} {prep or 'of'} {_short_np(obj, lex)}", verb, head_lemma
    if subject is not None and prep in lex.nominal_subject_preps and verb.pos_ == "VERB":
        return f"{noun} {prep} {_noun_name(subject, lex)}", verb, head_lemma
    return noun, verb, head_lemma


def _noun_lemma(token: Token, lex: ConceptWords) -> str:
    """The synonym key of a noun; the surface form first ("the rising" is a revolt, not a rise)."""
    return lex.synonym_of.get(token.lower_) or lex.synonym(token.lemma_.lower())


def _relative_antecedent(pronoun: Token) -> Token | None:
    """What "which"/"that"/"who" stands for: the noun its clause modifies, or the clause it follows."""
    clause = pronoun.head
    if clause.dep_ not in ("relcl", "advcl") or clause.head.i > pronoun.i:
        return None
    return clause.head


def _through_transparent(token: Token, lex: ConceptWords) -> Token:
    """Follow "a wave of X", "all of X", "opportunities to do X" to X."""
    for _ in range(4):
        is_quantifier = token.pos_ in ("PRON", "DET") and token.lower_ in lex.quantifiers
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


def name_token(token: Token, lex: ConceptWords | None = None, _depth: int = 0) -> ConceptName:
    """The concept name of a cause or effect whose head is ``token``.

    Pronouns get their own lower-case text as name; the anaphora stage
    replaces them. ``lex`` defaults to the packaged lexicon's :func:`concept_words`.
    Within :func:`argmine.extraction.extract.extract` a name is computed once per token (the Doc does not change
    there: :func:`argmine.nlp.syntax.doc_memo`).
    """
    lex = lex or concept_words()
    memo = doc_memo(token.doc, "name_token")
    if memo is None:
        return _name_token(token, lex, _depth)
    key = (token.i, _depth, id(lex))
    found = memo.get(key)
    if found is None or found[0] is not lex:
        found = memo[key] = (lex, _name_token(token, lex, _depth))
    return found[1]


def _name_token(token: Token, lex: ConceptWords, _depth: int) -> ConceptName:
    head = _through_transparent(token, lex) if _depth <= _MAX_DEPTH else token
    if _depth > _MAX_DEPTH:  # clauses naming each other in a circle: stop at the word itself
        name = _short_np(head, lex) if head.pos_ in _NOUNS else head.lemma_.lower()
        return ConceptName(name=name, key=concept_key(name, lex), head=head.i, head_lemma=_noun_lemma(head, lex))
    gerund = head.pos_ == "VERB" and head.tag_ == "VBG" and any(c.dep_ == "det" for c in head.children)
    if gerund:
        name, head_lemma = _noun_name(head, lex), _noun_lemma(head, lex)  # "the rising"
    elif head.pos_ in ("VERB", "AUX") or (head.pos_ == "ADJ" and head.lemma_.lower() in lex.nominal_of):
        name, head, head_lemma = _clause_concept(head, lex, _depth)
    elif head.pos_ == "PRON" and head.tag_ in ("WDT", "WP") and _depth < 2 and _relative_antecedent(head) is not None:
        inner = name_token(_relative_antecedent(head), lex, _depth=_depth + 1)  # "..., which exacerbated X"
        name, head, head_lemma = inner.name, token.doc[inner.head], inner.head_lemma
    elif head.pos_ == "PRON":
        name, head_lemma = head.lower_, head.lower_
    elif head.pos_ == "ADJ" and head.dep_ in ("oprd", "acomp") and head.head.pos_ in ("VERB", "AUX") and _depth <= _MAX_DEPTH:
        # "keeping prices low" -> "low prices": an adjective complement names the thing it describes
        described = _child(head.head, ("dobj",)) or _child(head.head, ("nsubj", "nsubjpass"))
        if described is not None and described.pos_ in _NOUNS:
            name, head_lemma = f"{head.lower_} {_noun_name(described, lex)}", _noun_lemma(described, lex)
            head = described
        else:
            name, head_lemma = _noun_name(head, lex), _noun_lemma(head, lex)
    else:
        name, head_lemma = _noun_name(head, lex), _noun_lemma(head, lex)
    words = name.split()
    if len(words) > _MAX_WORDS:
        name = " ".join(words[:_MAX_WORDS])
    return ConceptName(name=name, key=concept_key(name, lex), head=head.i, head_lemma=head_lemma)


# -- across documents ---------------------------------------------------------------

def document_context(doc: Doc) -> frozenset[str]:
    """What places a document in history: its proper names and its years (``"year:1937"``).

    Two documents that share an item are taken to share a setting, which
    is what lets a short name ("the Terror") join a longer one ("the Great
    Terror") across them. Proper names are the named entities when the
    pipeline has a recognizer, else proper nouns inside a sentence; a month
    or day next to a number ("September 1935") is a date, not a setting.
    """
    items = set()
    for ent in doc.ents:
        if ent.label_ in _NAME_ENTITIES:
            items.add(" ".join(t.lower_ for t in ent if t.dep_ != "det" and not t.is_punct))
    for token in tokens_where(doc, POS, "PROPN", LIKE_NUM):  # the only tokens the tests below can accept
        if token.like_num and _YEAR.match(token.text):
            items.add("year:" + token.text.rstrip("s"))
        elif (token.pos_ == "PROPN" and not token.is_sent_start and token.is_alpha
              and not any(t.like_num for t in (*token.children, token.head))):
            items.add(token.lower_)
    return frozenset(i for i in items if i)

