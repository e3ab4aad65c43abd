"""What the author commits to, per causal link: polarity, modality and source.

After FactBank (Saurí & Pustejovsky 2009, "FactBank: a corpus annotated with
event factuality", *Language Resources and Evaluation* 43(3)): the factuality
of a link is read off the parse around its cue, as three values:

- **polarity** (``positive`` | ``negative``): the text says the cause did, or
  did not, bring about the effect. Negation scope is per clause: a negation in
  the cause clause ("because the mines could not supply silver") or in another
  clause of a contrast ("While A caused B, C did not produce D") stays there.
  A negation on a governing clause reaches the link ("there is no evidence
  that X caused Y", "it is untrue that ..."), and so does a constituent
  negation on the path from an end to the cue ("not because of X", "caused
  not by X", "It was A, not B, that caused C"). Negating an exclusive focus
  ("not only a consequence of X") or "more than a product of X" keeps the
  link positive and makes it contributory.
- **modality** (``asserted`` | ``hedged`` | ``hypothetical`` | ``question``):
  hedges ("might", "perhaps", "seems", "it is likely that"), conditions and
  counterfactuals ("if ...", "without X, ... would have", "Had X ..."),
  forecasts and intentions ("predicted that X would ruin Y", "intended to"),
  questions ("Did X cause Y?", "debate whether X caused Y").
- **source** (``author`` | ``cited`` | ``actor``, or ``""`` when the parse
  names no source and the caller falls back to the claim's): reported speech
  or belief of historical actors ("the prefect said that"), cited scholarship
  ("historians have argued", "Smith (1990) claims"), the author's own ("I argue
  that"). The author's stance on an attributed claim counts ("few historians
  now believe that" → negative, hedged; "have wrongly argued" → negative;
  "rightly argued" → the author's); a link in the content clause of a
  proposition noun ("the claim / thesis / view that") is its holder's
  ("Smith's thesis" → cited, "our argument" → author), and ``cited`` when
  the noun has none and the author denies or doubts it ("the evidence does
  not support the claim that", "this chapter challenges the view that",
  "cast doubt on the notion that" → negative, cited).

Every word list comes from ``models/lexicon.jsonl`` (kinds ``negation``,
``negative_quantifier``, ``weak_negative_quantifier``, ``exclusive``,
``exceeding``, ``hedge``, ``hedge_predicate``, ``denial``, ``doubt``,
``question_complementizer``, ``condition_marker``, ``counterfactual_prep``,
``conditional_modal``, ``inverted_conditional``, ``prediction_verb``,
``intention_verb``, ``speech_verb``, ``belief_verb``, ``reporting_verb``,
``cited``, ``self``, ``contributory``, ``stance_negative``,
``stance_positive``, ``proposition_noun``, ``doubt_noun``, ``holder_prep``,
``minor_degree``, ``overstate_verb``; the WordNet-derived ones are in
``models/stance_words.jsonl``); the functions here only walk
the dependency parse.

Size: about 1,150 lines: polarity, modality and source of a link, which read the
same clause structure (negation scope, modal and reporting frames) and must
agree with one another; each part is a small function over that structure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Literal, Mapping

from spacy.tokens import Doc, Span, Token

from ..records import Asserter, Modality, Polarity, Strength
from ..nlp.rules import Lexicon, LexiconRule, load_cue_rules, load_lexicon
from .concepts import negated_result
from ..nlp.nominal import weighing_verb
from ..nlp.syntax import (TokenTable, WordLists, cleft_focus, content_clause_misparse, doc_memo, doc_table, span_text,
                          token_sentence)

__all__ = [
    "Modality", "MODALITIES", "Factuality", "FactualityWords", "factuality_words", "assess",
    "link_clause", "clause_negations", "path_negations", "exclusive_negation", "exceeding", "Governor",
    "governors", "clause_modality", "source_of", "is_question_end", "rejection_of_previous",
]

#: the modality values, strongest commitment first
MODALITIES: tuple[str, ...] = ("asserted", "hedged", "hypothetical", "question")
_RANK = {m: n for n, m in enumerate(MODALITIES)}

_NOMINAL = ("NOUN", "PROPN", "PRON")
_VERBAL = ("VERB", "AUX")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_WH_TAGS = ("WP", "WDT", "WP$")


@dataclass(frozen=True)
class Factuality:
    """The factuality of one causal link.

    ``polarity``: ``"positive"`` or ``"negative"``; ``modality``: one of
    :data:`MODALITIES`; ``source``: ``"author"``, ``"cited"``, ``"actor"`` or
    ``""`` (the parse names none); ``strength``: ``"sufficient"``,
    ``"unspecified"`` (a change-of-state verb), ``"contributory"``, ``"associative"`` or ``"motive"``; ``markers``: the words that
    decided (e.g. ``("not", "would", "have")``).

    >>> Factuality(polarity="negative", modality="hypothetical").hedged
    True
    >>> Factuality().hedged
    False
    """

    polarity: Polarity = "positive"
    modality: Modality = "asserted"
    source: Asserter | Literal[""] = ""
    strength: Strength = "sufficient"
    markers: tuple[str, ...] = ()

    @property
    def hedged(self) -> bool:
        """True unless the link is asserted (the ``hedged`` column of links.csv)."""
        return self.modality != "asserted"


@dataclass(frozen=True)
class FactualityWords:
    """The lexicon kinds the factuality functions read (single words and phrases)."""

    by_kind: Mapping[str, frozenset[str]] = field(default_factory=dict)
    _phrases: dict = field(default_factory=dict, compare=False, repr=False)

    def has(self, kind: str, word: str) -> bool:
        """Whether ``word`` (lower case) is in the list of ``kind``."""
        return word in self.by_kind.get(kind, ())

    def token_in(self, token: Token, *kinds: str) -> bool:
        """Whether the token's lower-case form or lemma is in one of ``kinds``."""
        low, lemma = token.lower_, token.lemma_.lower()
        return any(low in self.by_kind.get(k, ()) or lemma in self.by_kind.get(k, ()) for k in kinds)

    def index_in(self, table: TokenTable, i: int, *kinds: str) -> bool:
        """:meth:`token_in` for token ``i`` of the Doc whose :class:`~argmine.nlp.syntax.TokenTable` is ``table``."""
        low, lemma = table.lower[i], table.lemma_lower[i]
        return any(low in self.by_kind.get(k, ()) or lemma in self.by_kind.get(k, ()) for k in kinds)

    def phrases(self, kind: str) -> tuple[tuple[str, ...], ...]:
        """The entries of ``kind`` as word tuples, longest first.

        >>> FactualityWords({"hedge": frozenset({"may", "in part"})}).phrases("hedge")
        (('in', 'part'), ('may',))
        """
        found = self._phrases.get(kind)
        if found is None:
            found = tuple(sorted((tuple(w.split()) for w in self.by_kind.get(kind, ())), key=lambda p: (-len(p), p)))
            self._phrases[kind] = found
        return found

    @property
    def lists(self) -> WordLists:
        """The same words as the frames' :class:`argmine.nlp.syntax.WordLists`."""
        found = self._phrases.get(None)
        if found is None:
            found = self._phrases[None] = WordLists.from_kinds(self.by_kind)
        return found

    @classmethod
    def from_lexicon(cls, lexicon: Iterable[LexiconRule]) -> "FactualityWords":
        """The same kinds as the frames' :class:`argmine.nlp.syntax.WordLists` (the lexicon's words are lower case)."""
        return cls(WordLists.from_lexicon(lexicon).by_kind)

    @classmethod
    def of(cls, lexicon: Lexicon) -> "FactualityWords":
        """The factuality words of ``lexicon``, made once per lexicon."""
        return lexicon.view(cls.from_lexicon)


def factuality_words(lexicon_path: str | None = None) -> FactualityWords:
    """The :class:`FactualityWords` of ``models/lexicon.jsonl`` (or of ``lexicon_path``), loaded once."""
    return FactualityWords.of(load_lexicon(lexicon_path))


@lru_cache(maxsize=None)
def _frames() -> dict[str, str]:
    return {rule.id: rule.frame for rule in load_cue_rules()}


# -- where the link is stated ------------------------------------------------------

def _verb_of(token: Token) -> Token:
    """The nearest verb at or above ``token`` (the token itself when none)."""
    if token.pos_ in _VERBAL:
        return token
    return next((a for a in token.ancestors if a.pos_ in _VERBAL), token)


def link_clause(doc: Doc, data: Mapping) -> Token:
    """The head of the clause that states a link (``data`` as in ``doc._.causal_links``).

    A verb cue states it in its own clause; a noun cue in the clause of the
    verb above it ("X was the cause of Y", "X had no effect on Y"); a
    subordinator or adverb ("because", "as a result") in the main clause, the
    effect's; a counterfactual construction in its consequent (the effect).
    """
    cue = doc[data["cue"][0]]
    frame = _frames().get(data.get("rule", ""), "")
    if frame == "necessary_condition":  # "Y only when X": the main clause states it
        return _verb_of(doc[data["effect_head"]]) if doc[data["effect_head"]].pos_ in _VERBAL else doc[data["effect_head"]].head
    if frame in ("connective_mark", "connective_adverb", "purpose", "counterfactual"):
        return _verb_of(doc[data["effect_head"]])
    if frame == "connective_prep":
        attach = cue.head if cue.head.i not in range(*data["cue"]) else cue.head.head
        return attach if _inside_subject(attach) else _verb_of(attach)
    if frame == "noun" and _inside_subject(cue):
        return cue
    return _verb_of(cue)


def _inside_subject(noun: Token) -> bool:
    """A noun heading the subject: a link inside it ("grievances over X were ...") is presupposed,
    not what the predicate says."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("nsubj", "nsubjpass")


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _coordinator(verb: Token) -> str:
    """The coordinating word before a conjunct verb ("but", "or"), lower case ('' for none)."""
    cc = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
    return cc[-1].lower_ if cc else ""


def _is_negator(token: Token, words: FactualityWords) -> bool:
    """A negation of its head: "not", "never"; "no longer" (an adverb led by a negation word); a clause-opening
    "Nor" ("Nor did X cause Y")."""
    return _negator_at(doc_table(token.doc), token.i, words)


def _negator_at(t: TokenTable, i: int, words: FactualityWords) -> bool:
    """:func:`_is_negator` of token ``i``, read from the Doc's token table."""
    dep = t.dep[i]
    if dep == "neg" or (dep in ("advmod", "preconj") and words.index_in(t, i, "negation")):
        return True
    if dep == "advmod" and any(t.dep[c] == "neg" and c == i - 1 and words.index_in(t, c, "negation")
                               for c in t.children[i]):
        return True  # "historians no longer believe that"
    head = t.head[i]
    return dep == "cc" and i == t.edges()[0][head] and t.pos[head] in _VERBAL and words.index_in(t, i, "negation")


def _exclusive_after(neg: Token, words: FactualityWords) -> Token | None:
    """The exclusive word a negation bears on ("not only", "not simply"), if any."""
    found = _exclusive_after_at(doc_table(neg.doc), neg.i, words)
    return neg.doc[found] if found is not None else None


def _exclusive_after_at(t: TokenTable, i: int, words: FactualityWords) -> int | None:
    """:func:`_exclusive_after` of the negation at token ``i``, as a token index."""
    if i + 1 < len(t.head) and words.index_in(t, i + 1, "exclusive"):
        return i + 1
    return next((c for c in t.children[i] if words.index_in(t, c, "exclusive")), None)


def clause_negations(verb: Token, words: FactualityWords) -> list[Token]:
    """The negations of the clause headed by ``verb``: its own, or a negative subject.

    "did not cause", "never led to", "Nothing caused"; a subjectless conjunct
    shares its head's negation under "or"/"nor" ("did not cause or worsen"),
    not under "but" or "and". A negation placed right before a preposition or
    subordinator of the verb negates that phrase only ("caused not by X").
    """
    doc = verb.doc
    return [doc[i] for i in _clause_negations_at(doc_table(doc), verb.i, words)]


def _clause_negations_at(t: TokenTable, verb: int, words: FactualityWords) -> list[int]:
    """:func:`clause_negations` of the clause headed by token ``verb``, as token indices."""
    found = []
    for child in t.children[verb]:
        if _negator_at(t, child, words):
            after = child + 1
            if after < len(t.head) and t.head[after] == verb and t.dep[after] in ("prep", "agent", "mark", "advcl"):
                continue
            found.append(child)
        elif t.dep[child] in ("nsubj", "nsubjpass") and _negative_nominal_at(t, child, words):
            found.append(child)
    if found or t.dep[verb] != "conj":
        return found
    head = t.head[verb]
    coordinator = _coordinator_at(t, verb)
    own_subject = any(t.dep[c] in _SUBJECTS for c in t.children[verb])
    if words.has("negation", coordinator) and own_subject:
        # "X did not cause Y, nor did it deepen Z": "nor" negates a conjunct clause of its own
        return [c for c in t.children[head] if t.dep[c] == "cc" and c < verb and t.lower[c] == coordinator]
    if not own_subject and words.has("negation_sharing_coordinator", coordinator):
        return _clause_negations_at(t, head, words)
    return found


def _coordinator_at(t: TokenTable, verb: int) -> str:
    """:func:`_coordinator` of token ``verb``."""
    cc = [c for c in t.children[t.head[verb]] if t.dep[c] == "cc" and c < verb]
    return t.lower[cc[-1]] if cc else ""


def _negative_nominal(noun: Token, words: FactualityWords) -> bool:
    """"nothing", "no evidence", "none of them": a nominal that is itself a negation."""
    return _negative_nominal_at(doc_table(noun.doc), noun.i, words)


def _negative_nominal_at(t: TokenTable, i: int, words: FactualityWords) -> bool:
    """:func:`_negative_nominal` of token ``i``."""
    if t.pos[i] == "PRON" and words.index_in(t, i, "negative_quantifier"):
        return True
    return any(t.dep[c] in ("det", "amod", "advmod", "nummod") and words.has("negative_quantifier", t.lower[c])
               for c in t.children[i])


def _weak_nominal(noun: Token, words: FactualityWords) -> bool:
    """"few historians", "little evidence"."""
    t = doc_table(noun.doc)
    return any(t.dep[c] in ("det", "amod", "advmod") and words.has("weak_negative_quantifier", t.lower[c])
               for c in t.children[noun.i])


def _constituent_negation(token: Token, words: FactualityWords) -> Token | None:
    """A "not" that negates the phrase of ``token``: "not the war", "not because of", "not by".

    The negation is a child of ``token`` placed before it ("not", or "neither"
    of "neither A nor B", which reaches B through the coordination), or the
    word right before the phrase (commas aside); "no", "nor" and "without"
    are not constituent negations.
    """
    found = _constituent_negation_at(doc_table(token.doc), token.i, words)
    return token.doc[found] if found is not None else None


def _constituent_negation_at(t: TokenTable, i: int, words: FactualityWords) -> int | None:
    """:func:`_constituent_negation` of token ``i``, as a token index."""
    for child in t.children[i]:
        if child < i and (t.dep[child] == "neg" or t.dep[child] == "preconj" and words.has("negation", t.lower[child])):
            return child  # "not the war", "neither the drought (nor the war)"
    before = t.edges()[0][i] - 1  # the token before the left edge
    while before >= 0 and t.lower[before] == ",":
        before -= 1
    if before < 0:
        return None
    if t.dep[before] != "neg" and not (t.dep[before] == "advmod" and words.has("negation", t.lower[before])):
        return None
    if t.dep[i] == "mark" and before == i - 1:
        return before  # "not because they objected": the negation of the reason, wherever it hangs
    head = t.head[before]
    if t.pos[head] in _VERBAL and head > before:
        return None  # "did not cause": the clause's negation
    if t.pos[head] in _VERBAL and not _dominates(t, head, i):
        return None  # "where they were not, the famine ruined it": an elliptical clause's own negation
    return before


def _dominates(t: TokenTable, upper: int, i: int) -> bool:
    """Whether token ``upper`` is token ``i`` or one of its heads."""
    for _ in range(len(t.head)):
        if i == upper:
            return True
        if t.head[i] == i:
            return False
        i = t.head[i]
    return False


def path_negations(end: Token, clause: Token, cue: Iterable[int], words: FactualityWords) -> list[Token]:
    """Constituent negations on the path from an end's head up to the link's clause.

    "not because of X" (on the cue), "caused not by X" (on the by-phrase),
    "It was A, not B, that ..." and "A, not B" (on B), "Not A but B caused"
    (on A). Crossing a conjunct ("not by A but by B") leaves the first
    conjunct's negation behind unless the conjuncts are joined by "or"/"nor".
    A clausal end's own negation belongs to the end ("because X could not").
    """
    cue_tokens = set(cue)
    doc = end.doc
    t = doc_table(doc)
    found: list[int] = []
    current = end.i
    skip_next = False
    for _ in range(12):
        if current == clause.i:
            break
        if not skip_next and (t.pos[current] not in _VERBAL or current in cue_tokens):
            neg = _constituent_negation_at(t, current, words)
            if neg is not None and _exclusive_after_at(t, neg, words) is None and neg not in found:
                found.append(neg)
        if t.dep[current] == "conj":
            rejecting = _rejecting_coordinator(doc[current], words)
            if rejecting is not None and rejecting.i not in found:
                found.append(rejecting.i)  # "A rather than B": B is rejected
        skip_next = t.dep[current] == "conj" and not words.has("negation_sharing_coordinator", _coordinator_at(t, current))
        head = t.head[current]
        if head == current:
            break
        if t.pos[head] in _VERBAL and head not in cue_tokens and head != clause.i \
                and t.dep[current] in ("advcl", "ccomp", "relcl", "acl"):
            break  # another clause: its negation is its own
        current = head
    return [doc[i] for i in found]


def _rejecting_coordinator(conjunct: Token, words: FactualityWords) -> Token | None:
    """The coordinator of "A rather than B", "A instead of B", "A but not B" (kind ``rejecting_coordinator``)
    before the conjunct B, as a token; None for a plain coordination."""
    doc = conjunct.doc
    head = conjunct.head
    left_out = {t.i for t in conjunct.subtree}
    for child in head.children:
        if child.dep_ in ("cc", "preconj") or child.dep_ == "conj" and child.i != conjunct.i:
            left_out |= {t.i for t in child.subtree}
    own = [t.i for t in head.subtree if t.i < conjunct.left_edge.i and t.i not in left_out and not t.is_punct]
    if not own:
        return None
    start = max(own)
    words_between = [t for t in doc[start + 1:conjunct.left_edge.i] if not t.is_punct]
    if not words_between:
        return None
    phrase = " ".join(t.lower_ for t in words_between)
    return words_between[0] if words.has("rejecting_coordinator", phrase) else None


def exclusive_negation(verb: Token, cue: Iterable[int], words: FactualityWords) -> tuple[Token, Token] | None:
    """``(negation, exclusive word)`` of "not only", "not simply", "not the only cause" on the link's
    clause or cue: a partial cause, not a denial; None when there is none."""
    doc = verb.doc
    t = doc_table(doc)
    holders = [verb.i, *cue]
    for holder in holders:
        for child in t.children[holder]:
            if _negator_at(t, child, words):
                exclusive = _exclusive_after_at(t, child, words)
                if exclusive is None:  # "was not the only cause of X"
                    exclusive = next((m for h in holders for m in t.children[h] if t.dep[m] in ("amod", "advmod")
                                      and m < h and words.index_in(t, m, "exclusive")), None)
                if exclusive is not None:
                    return doc[child], doc[exclusive]
    return None


def exceeding(doc: Doc, data: Mapping, clause: Token, words: FactualityWords) -> bool:
    """"more than a product of X": an exceeding comparative before a noun cue, in its clause."""
    cue = doc[data["cue"][0]]
    if cue.pos_ in _VERBAL:
        return False
    lows = [t.lower_ for t in doc[max(clause.i, cue.i - 6):cue.i]]
    for phrase in words.phrases("exceeding"):
        width = len(phrase)
        if any(tuple(lows[k:k + width]) == phrase for k in range(len(lows) - width + 1)):
            return True
    return False


# -- governing clauses -------------------------------------------------------------

@dataclass(frozen=True)
class Governor:
    """A predicate that governs the link's clause: "believe" in "few believe that X caused Y".

    ``token`` is the predicate (a verb, an adjective or a noun such as
    "evidence"); ``complement`` the clause or noun below it on the path to the
    link.
    """

    token: Token
    complement: Token


def governors(clause: Token, limit: int = 4) -> list[Governor]:
    """The predicates that govern ``clause``, nearest first.

    Climbs complement clauses (``ccomp``, ``xcomp``, subject clauses), a
    clause that complements a noun ("the evidence that ...", "the view that
    ...") and that noun's own predicate, and subjectless conjuncts; stops at
    adverbial and relative clauses, whose governors are not the link's.
    """
    found: list[Governor] = []
    current = clause
    for _ in range(limit * 2):
        head = current.head
        if head.i == current.i:
            break
        dep = current.dep_
        if _across_clause_break(current, head):
            break  # "X argued that ...; I will suggest ...": the parser's link across a semicolon
        if dep == "conj" and not _own_subject(current):
            current = head
            continue
        if dep in ("ccomp", "xcomp", "csubj", "csubjpass", "oprd"):
            found.append(Governor(head, current))
        elif dep == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i and any(
                c.dep_ == "mark" for c in current.children):
            found.append(Governor(head.head, current))  # "the question of whether X caused Y"
        elif dep in ("acl", "appos") and head.pos_ in _NOMINAL and (
                _own_subject(current) or any(c.dep_ == "mark" for c in current.children)):
            found.append(Governor(head, current))  # "the evidence that X caused Y"
            misparse = content_clause_misparse(current)
            if misparse is not None:  # "the claim that X caused Y is false", parsed with "is" inside the clause
                found.append(Governor(misparse[1], head))
                break
        elif dep == "relcl" and head.pos_ in _NOMINAL and any(c.dep_ == "mark" for c in current.children):
            found.append(Governor(head, current))  # "the thesis of Pirenne that X caused Y": a content clause the
            # parser hung as a relative one; its "that" is a complementizer (mark), no relative pronoun
        elif dep == "relcl" and head.dep_ in ("attr", "nsubj") and any(c.dep_ == "expl" for c in head.head.children):
            found.append(Governor(head, current))  # "there may have been a loop through which X caused Y"
        elif dep in ("dobj", "attr", "nsubj", "nsubjpass", "pobj") and current.pos_ in _NOMINAL and found \
                and found[-1].token.i == current.i:
            found.append(Governor(head if dep != "pobj" else _verb_of(head), current))
        else:
            break
        current = found[-1].token
        if len(found) >= limit:
            break
    return found


def _across_clause_break(lower: Token, upper: Token) -> bool:
    """Whether a semicolon or colon (tag ``:``) stands between a clause and the head the parser gave it."""
    doc = lower.doc
    if lower.i < upper.i:
        between = doc[lower.right_edge.i + 1:upper.i]
    else:
        between = doc[upper.i + 1:lower.left_edge.i]
    return any(t.tag_ == ":" for t in between)


def _predicate_words(token: Token) -> list[Token]:
    """The predicate and its predicative complement ("seems unlikely", "is untrue")."""
    t = doc_table(token.doc)
    return [token] + [token.doc[c] for c in t.children[token.i] if t.dep[c] in ("acomp", "oprd", "attr")]


def _subject(token: Token) -> Token | None:
    """The subject of a predicate: the one nearest before it when the parser gave two ("The belief that
    ... is challenged, and it is maintained that": "it"); a relative pronoun only when there is no other
    ("a tariff that Smith argued caused X")."""
    found = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = [c for c in found if c.tag_ not in _WH_TAGS] or found
    before = [c for c in found if c.i < token.i]
    subject = before[-1] if before else (found[0] if found else None)
    if subject is None and token.dep_ in ("acomp", "oprd", "attr"):
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ == "xcomp":
        return _subject(token.head)
    return subject


def _impersonal(pronoun: Token) -> bool:
    """The neuter singular personal pronoun ("it seems that"), by its morphology."""
    morph = pronoun.morph
    return pronoun.tag_ == "PRP" and morph.get("Person") == ["3"] and morph.get("Number") == ["Sing"] \
        and morph.get("Gender") == ["Neut"]


def _owned(noun: Token) -> bool:
    """A noun with an owner: a possessor, a name before it or an agentive *by*-phrase."""
    return any(c.dep_ in ("poss", "nmod") or (c.dep_ == "compound" and c.pos_ == "PROPN")
               or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)


def _the_work(noun: Token) -> bool:
    """A work noun with the definite article and no owner ("the article", not "Smith's article", "the
    article by Smith" or "the Annales article"): in the present tense, the text speaking of itself."""
    children = list(noun.children)
    definite = any(c.dep_ == "det" and c.morph.get("PronType") == ["Art"] and c.morph.get("Definite") == ["Def"]
                   for c in children)
    return definite and not _owned(noun) and noun.morph.get("Number") != ["Plur"]


def source_of(predicate: Token, words: FactualityWords) -> Asserter | Literal[""]:
    """Who asserts what ``predicate`` (a verb of saying, believing or forecasting) governs.

    "I/we" or "this chapter" (lexicon kinds ``self`` and ``self_determiner``),
    or a work noun with the definite article in the present ("the article
    argues that") → author; a scholarly subject (kind ``cited``), a name with a bracketed
    year ("Smith (1990)"), a named writer with a scholarly reporting verb in
    the present or perfect, or an agentless scholarly passive in the perfect
    or past ("it has been argued") → cited; an agentless scholarly passive in
    the present ("it is argued that") → author; an impersonal subject ("it
    seems") or a scholarly verb alone ("the data show that") → ``""`` (no
    source named); anyone else → actor.
    """
    subject = _subject(predicate)
    present = predicate.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in predicate.children)
    scholarly_verb = words.token_in(predicate, "reporting_verb")
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in predicate.children)
    agent = next((g for c in predicate.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None:
        subject = agent
    elif passive and (subject is None or subject.dep_ == "nsubjpass" and subject.pos_ == "PRON"):
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in predicate.children)
        now = any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in predicate.children)
        if scholarly_verb and now and not perfect:
            return "author"  # "it is argued here that": the text's own argument
        return "cited" if scholarly_verb else "actor"  # "it has been argued" / "it was rumoured"
    if subject is None or subject.dep_ == "expl" or _impersonal(subject):
        return ""
    determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "poss")}
    if words.token_in(subject, "self") and (subject.pos_ == "PRON" or determiners & words.by_kind.get("self_determiner", frozenset())):
        return "author"
    if words.token_in(subject, "self") and subject.pos_ == "NOUN" and present and _the_work(subject):
        return "author"  # "The article argues that", "the present study shows that": the work itself
    if words.token_in(subject, "self") and subject.pos_ == "NOUN" and scholarly_verb and _owned(subject):
        return "cited"  # "Smith's article argues that", "a book by Smith contends that"
    if words.token_in(subject, "cited"):
        return "cited"
    if scholarly_verb and subject.pos_ in ("PRON", "DET"):
        return ""  # "some argue that", "they contend that": who they are is the claim's to say
    if subject.pos_ == "PROPN":
        year = any(t.like_num for t in subject.subtree if t.i != subject.i)
        if year or (scholarly_verb and present):
            return "cited"
    if not words.token_in(predicate, "speech_verb", "belief_verb", "prediction_verb"):
        return ""  # "the evidence shows that", "the project has demonstrated that": not an actor's word
    return "actor"


# -- modality ----------------------------------------------------------------------

def _modal_aux(verb: Token) -> list[Token]:
    t = doc_table(verb.doc)
    return [verb.doc[c] for c in t.children[verb.i] if t.dep[c] == "aux" and t.tag[c] == "MD"]


def _is_counterfactual(verb: Token, words: FactualityWords, condition: bool = False) -> bool:
    """"would have caused" (kind ``counterfactual_modal``), or, with a ``condition``, "might/could have led"
    (kind ``conditional_modal``): a modal before perfect "have"."""
    kinds = ("conditional_modal", "counterfactual_modal") if condition else ("counterfactual_modal",)
    modal = [c for c in _modal_aux(verb) if any(words.has(k, c.lower_) for k in kinds)]
    if not modal:
        return False
    t = doc_table(verb.doc)
    return any(t.dep[c] == "aux" and t.lemma[c] == "have" and c > modal[0].i for c in t.children[verb.i])


def _condition_of(verb: Token, words: FactualityWords) -> Token | None:
    """An "if"/"unless" clause, an inverted "Had X ..." clause or a "without X" phrase on ``verb``."""
    doc = verb.doc
    t = doc_table(doc)
    for child in t.children[verb.i]:
        if t.dep[child] == "advcl":
            mark = next((m for m in t.children[child] if t.dep[m] == "mark"), None)
            if mark is not None and words.has("condition_marker", t.lower[mark]):
                return doc[mark]
            first = t.edges()[0][child]  # the clause's left edge
            if mark is None and t.dep[first] in ("aux", "auxpass") and t.head[first] == child \
                    and words.has("inverted_conditional", t.lower[first]):
                return doc[first]
            if mark is None and child == first and words.has("inverted_conditional", t.lower[child]) \
                    and any(t.dep[s] in _SUBJECTS and s > child for s in t.children[child]):
                return doc[child]  # "Were it not for X, ..."
        if t.dep[child] == "prep" and words.has("counterfactual_prep", t.lower[child]):
            return doc[child]
    return None


def clause_modality(verb: Token, cue: Iterable[int], words: FactualityWords) -> tuple[Modality, list[str]]:
    """The modality a clause gives its link, and the words that gave it.

    hypothetical: a counterfactual ("would have"), a modal consequent with a
    condition ("if ..., X would cause Y", "without X, ... would"), or the
    antecedent of a condition ("if X caused Y, ..."); hedged: a hedging modal,
    adverb or phrase on the clause or the cue ("might", "perhaps", "in part",
    "a possible cause"). "could not"/"cannot" deny rather than hedge.
    """
    doc = verb.doc
    markers: list[str] = []
    condition = _condition_of(verb, words)
    modals = _modal_aux(verb)
    if _is_counterfactual(verb, words, condition is not None):
        return "hypothetical", [m.lower_ for m in modals] + ["have"]
    if condition is not None and (modals or condition.dep_ != "prep"):
        return "hypothetical", [condition.lower_]
    if verb.dep_ == "advcl":
        mark = next((m for m in verb.children if m.dep_ == "mark"), None)
        if mark is not None and words.has("condition_marker", mark.lower_):
            return "hypothetical", [mark.lower_]
    t = doc_table(doc)
    holders = [verb.i] + [i for i in cue if i != verb.i]
    hedges = words.by_kind.get("hedge", frozenset())
    for holder in holders:
        for child in t.children[holder]:
            low = t.lower[child]
            if t.dep[child] == "aux" and t.tag[child] == "MD" and low in hedges:
                if any(_negator_at(t, c, words) for c in t.children[verb.i]) and words.has("ability_modal", low):
                    continue  # "could not have caused": a denial, not a hedge
                markers.append(low)
            elif t.dep[child] in ("advmod", "amod", "npadvmod") and (low in hedges or t.lemma_lower[child] in hedges) \
                    and t.pos[child] in ("ADV", "ADJ"):
                markers.append(low)
    if not markers:
        lows, starts = _own_words(verb, cue)
        for phrase in words.phrases("hedge"):
            if len(phrase) >= 2 and phrase[0] in starts and _has_phrase(lows, phrase, starts):
                markers.append(" ".join(phrase))
                break
    return ("hedged" if markers else "asserted"), markers


def _own_tokens(verb: Token, cue: Iterable[int]) -> list[int]:
    """The tokens of the clause of ``verb`` without its subordinate and relative clauses, in order."""
    cue = set(cue)
    t = doc_table(verb.doc)
    subtree = t.subtree(verb.i)
    keep = set(subtree)
    for i in subtree:
        if i != verb.i and t.dep[i] in ("advcl", "relcl", "ccomp", "acl", "parataxis"):
            inner = t.subtree(i)
            if cue.isdisjoint(inner):
                keep -= inner
    return sorted(keep)


def _own_words(verb: Token, cue: Iterable[int]) -> tuple[list[str], dict[str, list[int]]]:
    """The lower-case words of :func:`_own_tokens` and their :func:`_starts`, computed once per clause and cue
    while the Doc is open (modality and strength both read them)."""
    cue = tuple(cue)
    memo = doc_memo(verb.doc, "own_words")
    found = memo.get((verb.i, cue)) if memo is not None else None
    if found is None:
        lower = doc_table(verb.doc).lower
        lows = [lower[i] for i in _own_tokens(verb, cue)]
        found = (lows, _starts(lows))
        if memo is not None:
            memo[(verb.i, cue)] = found
    return found


def _question(clause: Token, words: FactualityWords) -> bool:
    """A direct polar question ("Did X cause Y?") whose main clause states the link.

    A why- or how-question presupposes its content ("Why did X cause Y?"): it
    stays asserted; a question of degree ("How far did X cause Y?") asks.
    """
    sent = token_sentence(clause)
    text = span_text(sent).rstrip().rstrip("\"'”’)")
    if not text.endswith("?"):
        return False
    top = clause
    focus = next((cleft_focus(c) for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                  and cleft_focus(c) is not None), None)
    if focus is not None:
        top = focus.head  # "Was it the war that caused X?": the cleft's copula asks
    while top.dep_ in ("conj", "ccomp", "xcomp") and top.head.i != top.i:
        top = top.head
    if top.i != sent.root.i:
        return False
    return not any(t.tag_ == "WRB" and t.i < clause.i and t.head.pos_ in _VERBAL for t in sent)


def _degree_wh(clause: Token, governor: Token) -> Token | None:
    """The question word of an embedded question of degree ("ask how much of X was due to Y",
    "examine how far X caused Y", "ask to what extent X ..."), or None.

    A question adverb (tag WRB) on a quantity or degree word rather than on a
    verb, or a wh-determiner (tag WDT) in a prepositional phrase, between
    ``governor`` and the verb of ``clause``. A why- or how-clause on the verb
    itself ("examine why X caused Y") presupposes its content and is not one.
    """
    doc = clause.doc
    for token in doc[governor.i + 1:clause.i] if governor.i < clause.i else ():
        if token.tag_ == "WRB" and token.dep_ == "advmod" and token.head.pos_ in ("ADJ", "ADV") \
                and token.head.i < clause.i and clause in token.head.ancestors:
            return token
        if token.tag_ == "WDT" and token.dep_ == "det" and token.head.dep_ in ("pobj", "pcomp") \
                and token.head.head.head.i in (clause.i, governor.i):
            return token
    return None


def is_question_end(token: Token) -> bool:
    """An end that is a question word or asked about ("What caused X?", "Which factor caused X?").

    Such a link names no cause (or effect): it is not reported.
    """
    t = doc_table(token.doc)
    if t.tag[token.i] in _WH_TAGS and t.dep[token.i] != "det":
        return True
    return any(t.dep[c] == "det" and t.tag[c] in _WH_TAGS for c in t.children[token.i])


# -- putting it together -------------------------------------------------------------

def assess(doc: Doc, data: Mapping, words: FactualityWords | None = None) -> Factuality:
    """The :class:`Factuality` of one token-level link of ``doc`` (a dict of ``doc._.causal_links``).

    ``data`` needs ``rule``, ``cue`` (start, end), ``cause_head``,
    ``effect_head`` and ``strength``; ``polarity`` (the rule's, default
    positive) and ``cue_extra`` are optional; a missing required key raises
    ``KeyError``. A positive link turns negative once per distinct negation
    that reaches it (two cancel out); a negative cue ("prevented") stays
    negative when denied ("did not prevent Y" does not say X brought Y about).
    """
    words = words or factuality_words()
    cue_tokens = list(range(*data["cue"])) + list(data.get("cue_extra", ()))
    clause = link_clause(doc, data)
    frame = _frames().get(data.get("rule", ""), "")
    strength = data.get("strength", "sufficient")
    negators: dict[int, Token] = {}
    markers: list[str] = []
    flips = 0
    weak = False

    exclusive = exclusive_negation(clause, cue_tokens, words)
    if exclusive is None:  # "Y cannot be explained by X alone", "X alone did not cause Y": X is a partial cause
        only = next((m for m in doc[data["cause_head"]].children if m.dep_ in ("advmod", "amod")
                     and words.token_in(m, "exclusive")), None)
        denial = clause_negations(clause, words) if only is not None else []
        if denial:
            exclusive = (denial[0], only)
    ignored: set[int] = set()
    if exclusive is not None:
        strength = "contributory"
        ignored.add(exclusive[0].i)
        markers.append(f"{exclusive[0].lower_} {exclusive[1].lower_}")
    elif exceeding(doc, data, clause, words):
        strength = "contributory"
        markers.append("more than")
    if frame not in ("connective_mark", "connective_adverb", "purpose") and not (
            frame == "connective_prep" and clause.lemma_ != "be"):
        negators.update((n.i, n) for n in clause_negations(clause, words))
    cue_head = doc[data["cue"][0]]
    grade = _minor_degree(cue_head, [doc[i] for i in data.get("cue_extra", ())], words)
    if grade is None and cue_head.pos_ == "NOUN":
        weighing = weighing_verb(cue_head, words.lists)  # "overstated the role of X as the trigger of Y"
        grade = weighing if weighing is not None and words.token_in(weighing, "overstate_verb") else None
    if grade is not None and strength in ("sufficient", "unspecified"):
        strength = "contributory"  # "a minor / secondary / contributing factor in Y", "played a subsidiary role in"
        markers.append(grade.lower_)
    if cue_head.pos_ == "NOUN" and _negative_nominal(cue_head, words):
        negators[cue_head.i] = cue_head  # "had no effect on"
    for word in [doc[i] for i in data.get("cue_extra", ())]:
        if word.pos_ == "NOUN" and word.i != cue_head.i and _negative_nominal(word, words):
            negators[word.i] = word  # "played no role in", "gave no rise to": the cue's own noun is negated
    for child in clause.children:
        if child.dep_ == "dobj" and child.i not in (data["cause_head"], data["effect_head"]) and child.i not in negators \
                and _negative_nominal(child, words):
            negators[child.i] = child  # "Y owed nothing to X": the object that is no amount denies the link
        elif child.dep_ == "dobj" and child.i not in (data["cause_head"], data["effect_head"]) \
                and words.token_in(child, "amount_word") and not any(c.dep_ == "prep" for c in child.children) \
                and data.get("polarity", "positive") == "positive":  # not "did little to": the rule's own negation
            if words.token_in(child, "weak_negative_quantifier"):
                flips += 1  # "Y owed little to X": hardly anything, so negative and hedged
                weak = True
                markers.append(child.lower_)
            elif words.token_in(child, "degree_comparative") and strength in ("sufficient", "unspecified"):
                strength = "contributory"  # "Y owed more to X (than to Z)": X one cause among others
                markers.append(child.lower_)
    for word in [cue_head] + [doc[i] for i in data.get("cue_extra", ())]:
        if word.pos_ == "NOUN" and _weak_nominal(word, words) and not any(
                c.dep_ == "det" and words.has("indefinite_article", c.lower_) for c in word.children):
            flips += 1  # "had little effect on", "played little part in": hardly any, so negative and hedged
            weak = True
            markers.append(word.lower_)
            break
    if clause.pos_ in _NOMINAL and _negative_nominal(clause, words):
        negators[clause.i] = clause  # "no protest against X was recorded"
    for end in (doc[data["cause_head"]], doc[data["effect_head"]]):
        negators.update((n.i, n) for n in path_negations(end, clause, cue_tokens, words))
    if frame == "connective_mark":
        marker = _constituent_negation(doc[data["cue"][1] - 1], words)
        if marker is not None:
            negators[marker.i] = marker  # "not because X"
    effect_end = doc[data["effect_head"]]
    if negated_result(effect_end) is not None:
        # "The reforms were never adopted. Thus trade was not fostered by the crown": the effect clause
        # stands for its result (export), which its own negation denies, whatever the connective
        negators.update((c.i, c) for c in effect_end.children if c.dep_ == "neg")
    if frame == "necessary_condition":
        ignored.update(data.get("cue_extra", ()))  # "Y was not done until X": the negation is the cue's focus
    for index in ignored:
        negators.pop(index, None)
    flips += len(negators)
    markers.extend(n.lower_ for n in negators.values())

    modality, modal_words = clause_modality(clause, cue_tokens, words)
    if frame == "necessary_condition" and modal_words == [doc[data["cue"][0]].lower_] and not _modal_aux(clause):
        modality, modal_words = "asserted", []  # "Y only if X" asserts that Y needs X: its "if" is the cue
    markers.extend(modal_words)
    if modality == "asserted" and any(_disjunct(doc[data[k]], words) for k in ("cause_head", "effect_head")):
        modality = "hedged"  # "either the drought or the war caused X": each only possibly
        markers.append("or")
    if frame in ("connective_mark", "connective_adverb") and modality == "asserted":
        reason = _verb_of(doc[data["cause_head"]])
        doubtful = [c for c in reason.children if c.dep_ == "advmod" and words.token_in(c, "hedge")
                    or c.dep_ == "aux" and c.tag_ == "MD" and words.has("hedge", c.lower_)
                    and not words.has("conditional_modal", c.lower_)]
        if reason.i != clause.i and doubtful:
            modality = "hedged"  # "Presumably X; thus Y", "because X may have ...": the reason is hedged
            markers.append(doubtful[0].lower_)
    source: str = ""
    if _question(clause, words):
        modality = "question"
        markers.append("?")
    held_at: int | None = None  # the flips counted when the link was met as an unowned held proposition
    before_governors = flips
    for governor in governors(clause):
        g = governor.token
        complement = governor.complement
        if g.pos_ == "NOUN" and complement.dep_ in ("acl", "appos", "relcl") and words.token_in(g, "proposition_noun"):
            holder = _proposition_holder(g, words)  # "Smith's claim that X caused Y", "my argument that"
            if holder:
                source = source or holder
            elif held_at is None:
                held_at = flips  # "the claim that X caused Y": whoever holds it, if the author disputes it
            opposing = _opposing_phrase(g, words)
            if opposing:
                flips += 1  # "contrary to the view that X caused Y, ...": the sentence sets itself against it
                markers.append(opposing)
        if g.pos_ in _VERBAL:
            doubting = _doubting_object(g, complement, words)
            if doubting is not None:
                flips += 1  # "cast doubt on the notion that", "raised objections to the claim that"
                modality = _stronger(modality, "hedged")
                markers.append(doubting.lower_)
        mark = next((m for m in complement.children if m.dep_ == "mark"), None)
        predicate = _predicate_words(g)
        if mark is not None and words.has("question_complementizer", mark.lower_) and complement.dep_ != "advcl" \
                and not any(words.token_in(p, "doubt", "denial") for p in predicate if p.pos_ in ("VERB", "ADJ", "AUX")):
            modality = _stronger(modality, "question")  # "debate whether", not "doubtful whether" (a doubt)
            markers.append(mark.lower_)
            if g.pos_ == "VERB" and not source:
                source = source_of(g, words) or ("cited" if words.token_in(_subject(g) or g, "cited") else "")
        degree = _degree_wh(complement, g)
        if degree is not None and complement.dep_ != "advcl":
            modality = _stronger(modality, "question")  # "we ask how much of X was due to Y", "examine how far"
            markers.append(degree.lower_)
            if g.pos_ == "VERB" and not source:
                source = source_of(g, words) or ("cited" if words.token_in(_subject(g) or g, "cited") else "")
        if any(words.token_in(p, "denial") for p in predicate):
            flips += 1
            markers.append(g.lower_)
        if any(words.token_in(p, "doubt") for p in predicate if p.pos_ in ("VERB", "ADJ", "AUX")):
            flips += 1  # the verb or adjective ("doubt that", "unlikely that"), not the noun "question"
            modality = _stronger(modality, "hedged")
            markers.append(g.lower_)
        arguments = [c for c in g.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c.i != complement.i]
        nobody = any(_negative_nominal(a, words) for a in arguments)
        if not nobody and any(words.token_in(p, "hedge_predicate", "hedge") for p in predicate
                              if p.pos_ in ("VERB", "ADJ", "AUX")):
            modality = _stronger(modality, "hedged")  # not "nothing suggests that": a plain denial
            markers.append(g.lower_)
        hedging_modal = [c for c in g.children if c.dep_ == "aux" and c.tag_ == "MD" and words.has("hedge", c.lower_)]
        if hedging_modal and g.pos_ in _VERBAL:
            modality = _stronger(modality, "hedged")  # "historians may argue that", "there may have been"
            markers.append(hedging_modal[0].lower_)
        own_neg = [c for p in predicate for c in p.children if _is_negator(c, words)]
        if g.pos_ in _NOMINAL and _negative_nominal(g, words):
            own_neg.append(g)  # "no evidence that"
        if not own_neg and nobody:
            own_neg.append(g)  # "nothing suggests that", "no historian believes that": the author's denial
            source = source or "author"
        if own_neg:
            flips += 1
            markers.append(own_neg[0].lower_)
        elif (g.pos_ in _NOMINAL and _weak_nominal(g, words)) or any(_weak_nominal(a, words) for a in arguments):
            flips += 1  # "few historians believe that", "little evidence that"
            weak = True
            markers.append(g.lower_)
        if g.pos_ == "NOUN" and words.token_in(g, "doubt_noun") and complement.dep_ in ("acl", "appos", "relcl") and not (
                mark is not None and words.has("question_complementizer", mark.lower_)):
            flips += 1  # "some doubt that X caused Y" doubts it; "no doubt that" (with the negation above) asserts it
            if not own_neg and not _weak_nominal(g, words):
                modality = _stronger(modality, "hedged")
            markers.append(g.lower_)
        if complement.dep_ == "xcomp" and words.token_in(g, "negative_implicative"):
            flips += 1  # "failed to produce": did not produce
            markers.append(g.lower_)
            continue
        if g.pos_ == "VERB" and words.token_in(g, "prediction_verb", "intention_verb"):
            if complement.dep_ == "xcomp" or any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to")
                                                 for c in complement.children):
                modality = _stronger(modality, "hypothetical")
                markers.append(g.lower_)
        condition = _condition_of(g, words)
        if condition is not None and condition.dep_ != "prep":
            modality = _stronger(modality, "hypothetical")
            markers.append(condition.lower_)
        if not source and not nobody and g.pos_ == "VERB" and words.token_in(
                g, "speech_verb", "belief_verb", "reporting_verb", "prediction_verb", "doubt", "denial"):
            source = source_of(g, words)
        if g.pos_ in _VERBAL and _contributory_word(g, words):
            strength = "contributory" if strength in ("sufficient", "unspecified") else strength
        stance = [c for c in g.children if c.dep_ == "advmod"]
        if any(words.token_in(c, "stance_negative") for c in stance):
            flips += 1
            markers.append(next(c.lower_ for c in stance if words.token_in(c, "stance_negative")))
        elif any(words.token_in(c, "stance_positive") for c in stance):
            source = "author"
    focus = _exclusive_focus(doc, data, cue_head, words) if exclusive is None else None
    if focus is not None and (flips - before_governors) % 2:
        # "rejects the view that X alone caused Y", "the evidence does not support the view that X was the sole
        # cause of Y": what is disputed is that X was the only cause, so X remains a partial cause
        flips -= 1
        strength = "contributory"
        markers.append(focus.lower_)
    if held_at is not None and (flips - held_at) % 2:
        source = "cited"  # the author (or cited scholarship) disputes a claim held by others: it is theirs
    if not source and clause.pos_ in _VERBAL:
        source = _bridge_source(clause, data, words)
    aside = next((c for c in clause.children if c.dep_ in ("parataxis", "ccomp") and c.pos_ == "VERB"
                  and words.token_in(c, "speech_verb", "belief_verb", "reporting_verb")
                  and not any(m.dep_ == "mark" for m in c.children) and not any(
                      o.dep_ in ("dobj", "ccomp", "xcomp") for o in c.children)), None)
    if aside is not None and not source:
        source = source_of(aside, words)  # "X, contemporaries claimed, caused Y"
    table = doc_table(doc)
    according, head = None, clause
    while according is None:
        according = next((doc[c] for c in table.children[head.i] if table.dep[c] == "prep" and table.lower[c] == "according"),
                         None)
        if head.dep_ != "conj" or head.head.i == head.i:
            break
        head = head.head  # "According to X, A ruined B and provoked C": the phrase covers every conjunct
    if according is not None and not source:
        holder = next((g for c in according.children for g in c.children if g.dep_ == "pobj"), None)
        if holder is not None:
            year = holder.pos_ == "PROPN" and any(t.like_num for t in holder.subtree if t.i != holder.i)
            source = "cited" if words.token_in(holder, "cited") or year else "actor"
    if weak:
        modality = _stronger(modality, "hedged")
    if strength in ("sufficient", "unspecified") and _contributory(clause, cue_tokens, words):
        strength = "contributory"
    polarity = data.get("polarity", "positive")
    if flips % 2 and polarity == "positive":
        polarity = "negative"
    # a denied prevention ("did not prevent Y") does not say that X brought Y about: it stays negative
    return Factuality(polarity=polarity, modality=modality, source=source, strength=strength, markers=tuple(markers))


def _proposition_holder(noun: Token, words: FactualityWords) -> Asserter | Literal[""]:
    """Who holds the proposition a noun of kind ``proposition_noun`` names, by its owner.

    "my / our argument that" → author (kind ``self``); "Smith's thesis", "the
    thesis of Smith", "the Pirenne thesis", "the historians' view", "the
    argument by Smith" → cited (a name, or a subject of kind ``cited``); "the
    government's claim" → actor; no owner ("the claim that", "this view")
    → ``""``.
    """
    owners = [c for c in noun.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")]
    owners += [o for c in noun.children if c.dep_ == "prep" and words.has("holder_prep", c.lower_) and c.i > noun.i
               for o in c.children if o.dep_ == "pobj" and (c.lower_ == "by" or o.pos_ == "PROPN")]
    for owner in owners:
        if owner.pos_ == "PRON" or owner.tag_ == "PRP$":
            if words.token_in(owner, "self"):
                return "author"
            continue  # "their view": who they are is the sentence's to say
        if owner.pos_ == "PROPN" or words.token_in(owner, "cited"):
            return "cited"
        return "actor"
    return ""


def _exclusive_focus(doc: Doc, data: Mapping, cue: Token, words: FactualityWords) -> Token | None:
    """An exclusive word (kind ``exclusive``) on the cause ("X alone") or before a noun cue ("the sole / only
    cause of"), or None."""
    holders = [doc[data["cause_head"]]] + ([cue] if cue.pos_ == "NOUN" else [])
    return next((m for h in holders for m in h.children if m.dep_ in ("advmod", "amod")
                 and words.token_in(m, "exclusive")), None)


def _minor_degree(cue: Token, extra: list[Token], words: FactualityWords) -> Token | None:
    """An adjective of kind ``minor_degree`` before a noun of the cue ("a minor cause of", "a contributing
    factor in", "played a secondary role in"): the word that grades the cause as a lesser one, or None."""
    for noun in [cue, *extra]:
        if noun.pos_ != "NOUN":
            continue
        found = next((m for m in noun.children if m.dep_ in ("amod", "compound") and m.i < noun.i
                      and words.token_in(m, "minor_degree")), None)
        if found is not None:
            return found
    return None


def _opposing_phrase(noun: Token, words: FactualityWords) -> str:
    """The preposition of kind ``opposing_prep`` whose object ``noun`` is ("against the thesis", "contrary to
    the view", "in contrast to the view", "unlike the view"), lower case; ``""`` for none."""
    if noun.dep_ != "pobj":
        return ""
    prep = noun.head
    chain = [prep.lower_]
    above = prep.head
    if above.i != prep.i and above.i < prep.i:
        chain.insert(0, above.lower_)  # "contrary to", "contrast to"
        if above.dep_ == "pobj" and above.head.i < above.i:
            chain.insert(0, above.head.lower_)  # "in contrast to"
    for start in range(len(chain)):
        phrase = " ".join(chain[start:])
        if words.has("opposing_prep", phrase):
            return phrase
    return ""


def _doubting_object(verb: Token, complement: Token, words: FactualityWords) -> Token | None:
    """The noun of kind ``doubt_noun`` a light verb takes besides the proposition it doubts: "cast doubt on
    the notion that", "raised objections to the claim that", "called into question the view that"; None
    when there is none."""
    for child in verb.children:
        if child.i == complement.i:
            continue
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and words.token_in(child, "doubt_noun"):
            return child
        if child.dep_ == "prep":
            pobj = next((o for o in child.children if o.dep_ == "pobj" and o.i != complement.i), None)
            if pobj is not None and pobj.pos_ == "NOUN" and words.token_in(pobj, "doubt_noun") \
                    and not any(o.i == complement.i for o in child.children):
                return pobj
    return None


def _bridge_source(clause: Token, data: Mapping, words: FactualityWords) -> Asserter | Literal[""]:
    """The source of "a tariff that historians have argued caused the slump": the relative reporting verb's subject.

    Only when the link's cause is the antecedent the relative clause was
    extracted from (:func:`argmine.nlp.nominal.bridged_antecedent`,
    :func:`argmine.nlp.nominal.relative_subject`); else ``""``.
    """
    from ..nlp.nominal import bridged_antecedent, relative_subject

    lists = words.lists
    bridge = bridged_antecedent(clause, lists) or relative_subject(clause, lists)
    if bridge is None or bridge[0].i != data["cause_head"]:
        return ""
    return source_of(bridge[1], words)


def _disjunct(end: Token, words: FactualityWords) -> bool:
    """An end that is one of nominal alternatives joined by "or" ("A or B", "either A or B")."""
    if end.pos_ not in _NOMINAL:
        return False
    first = end.head if end.dep_ == "conj" else end
    if first is not end and first.pos_ not in _NOMINAL:
        return False
    return any(c.dep_ in ("cc", "preconj") and words.has("disjunction", c.lower_) for c in first.children) and (
        first is not end or any(c.dep_ == "conj" for c in first.children))


def _contributory_word(token: Token, words: FactualityWords) -> bool:
    return words.has("contributory", token.lower_) or words.has("contributory", token.lemma_.lower())


def _stronger(current: str, new: str) -> str:
    """The modality further from assertion (a hedged question is a question)."""
    return new if _RANK[new] > _RANK[current] else current


def _contributory(clause: Token, cue: Iterable[int], words: FactualityWords) -> bool:
    """"partly", "in part", "helped" in the link's own clause."""
    lows, starts = _own_words(clause, cue)
    for phrase in words.phrases("contributory"):
        if (not phrase or phrase[0] in starts) and _has_phrase(lows, phrase, starts):
            return True
    return False


def _starts(lows: list[str]) -> dict[str, list[int]]:
    """Word -> its positions in ``lows``, in order."""
    starts: dict[str, list[int]] = {}
    for k, low in enumerate(lows):
        starts.setdefault(low, []).append(k)
    return starts


def _has_phrase(lows: list[str], phrase: tuple[str, ...], starts: dict[str, list[int]]) -> bool:
    """Whether the words ``phrase`` occur consecutively in ``lows`` (``starts`` = :func:`_starts` of ``lows``);
    an empty phrase occurs everywhere."""
    width = len(phrase)
    if not width:
        return True
    return any(k + width <= len(lows) and tuple(lows[k:k + width]) == phrase for k in starts.get(phrase[0], ()))


def rejection_of_previous(sent: Span, words: FactualityWords | None = None) -> tuple[bool, bool] | None:
    """Whether ``sent`` judges the claim of the sentence before: ``(denies, doubts)``, or None.

    "This view has been rejected", "This argument is mistaken" → (True,
    False); "This interpretation has been challenged" → (True, True): a
    demonstrative proposition noun (lexicon kind ``proposition_noun``) as
    subject of a denial or doubt predicate.
    """
    words = words or factuality_words()
    root = sent.root
    for predicate in _predicate_words(root):
        denial = words.token_in(predicate, "denial")
        doubt = words.token_in(predicate, "doubt")
        if not (denial or doubt):
            continue
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not words.token_in(subject, "proposition_noun"):
            continue
        if not any(c.dep_ == "det" and c.tag_ == "DT" and not words.has("article", c.lower_) for c in subject.children):
            continue
        if any(_is_negator(c, words) for c in root.children):
            return None  # "this view has not been rejected"
        return (True, doubt and not denial)
    return None
