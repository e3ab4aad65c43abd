"""Anaphora over discourse: what "the movement", "these strains", "such
interaction", "all of these factors" and "it" refer to.

No offline coreference model works with spaCy 3.8 here (see README), so the
rules are argmine's own, on the parse. Each resolution keeps its reason:

- *one-anaphora*: "old ones" -> the nearest earlier plural noun ("tensions");
- *head-noun*, *synonym*, *nominalization*: a definite or demonstrative noun
  phrase whose head (or a synonym of it, or the noun of an earlier verb or
  adjective: "to criticize" -> "this wave of criticism", "suspicious" ->
  "this suspicion") names an earlier concept, and whose other words all
  occur in that concept ("the fall of Beijing" does not refer back to "tax
  receipts fell");
- *apposition*: "Stakhanovism, the movement of model workers" makes a later
  "the movement" refer to Stakhanovism;
- *pronoun*: "it", "its", "they" -> an earlier noun phrase of the same
  number: the subject of a coordinated clause first ("X was triggered by Y,
  and it sparked Z"), then the nearest in the sentence, then the subjects
  and noun phrases of the sentences before; "X and its Y" -> X; "itself" ->
  the subject of its clause;
- *coordination*: "these three calamities" -> the latest coordination of
  three noun phrases;
- *summary*: "such interaction", "all of these factors", "these
  developments" with no matching earlier head sum up the effects stated
  earlier in the same paragraph; at the start of a paragraph, the effects
  the previous paragraph ended on (those that cause nothing further there);
- anything else is left unresolved rather than guessed.

Size: about 930 lines: one resolver (a Lappin–Leass style salience over
mentions) whose kinds of anaphor (pronouns, demonstratives, summaries,
enumerations, WordNet-related heads) share its window and its mention table.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from .concepts import ConceptName, ConceptWords, concept_key, concept_words, name_token
from ..nlp.rules import Lexicon, load_lexicon
from ..nlp.syntax import TokenTable, doc_noun_chunks, doc_sentence_of, doc_sentences, doc_table, span_text, tokens_where
from ..nlp.wordnet import wordnet

__all__ = ["Mention", "Antecedent", "Enumeration", "Found", "Resolver", "anaphor_kind", "clause_events"]



def _words(lex: ConceptWords, kind: str, value: str | None = None) -> frozenset[str]:
    """The closed-class words of ``kind`` in the lexicon ``lex`` was made from (models/lexicon.jsonl)."""
    return (lex.lexicon or load_lexicon()).words(kind, value)
_NOUNS = ("NOUN", "PROPN")
_SUBJECTS = ("nsubj", "nsubjpass")
_SEARCH_BACK = 2  # sentences before the anaphor's own that pronouns and nominalizations search
_SUMMARY_WINDOW = 6  # sentences before its own that a summary phrase ("all of these factors") takes in


@dataclass(frozen=True)
class Mention:
    """A noun phrase of the document that a later anaphor may point to."""

    token: int
    sentence: int
    paragraph: int
    name: ConceptName
    text: str
    role: str = ""  # "cause", "effect" or "" for other noun phrases
    header: bool = False  # effect of an enumeration header ("had effects on Y")
    also_cause: bool = False  # an effect that is the cause of another link as well


@dataclass(frozen=True)
class Antecedent:
    """The result of resolving one anaphor."""

    names: tuple[str, ...]
    mentions: tuple[str, ...]
    reason: str
    keep_own: bool  # the anaphor names a concept of its own as well ("interaction within enterprises")
    tokens: tuple[int, ...] = ()  # head token of each antecedent, where the text has one
    expand: bool = True  # as a cause, a kept own concept also stands for each antecedent ("such interaction")


@dataclass(frozen=True)
class Enumeration:
    """A list announced by a noun ("two buffers", "three causes: ...") and its items in text order."""

    header: int  # token of the announcing noun
    items: tuple[tuple[int, ConceptName, str], ...]  # (head token, name, text) of each item
    marker: str  # "ordinal" ("First, ... Second, ...") or "colon"


@dataclass(frozen=True)
class Found:
    """One anaphoric mention of a document: where it is, its kind, and what it refers to."""

    token: int
    span: tuple[int, int]  # token offsets of the whole mention
    kind: str
    antecedent: Antecedent | None


def _follow_complements(verb: Token) -> Token:
    """"tended to exacerbate X" -> "exacerbate": raising and aspect verbs pass to their complement."""
    for _ in range(3):
        inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if inner is None:
            break
        verb = inner
    return verb


def clause_events(verb: Token) -> list[Token]:
    """The heads of the events a clause states, for an anaphor that sums the clause up.

    A copula whose subject is itself a clause ("supplying the market, and
    keeping prices low, was a priority") states its subject's events;
    otherwise the verb and the verbs coordinated with it that share its
    subject ("X shortened the seasons and ruined the crops").
    Raising and aspect verbs pass to their complement ("tended to
    exacerbate X"). Returns token heads in text order.
    """
    verb = _follow_complements(verb)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if verb.lemma_ == "be" and subject is not None and subject.pos_ in ("VERB", "AUX"):
        return [subject] + [c for c in subject.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    heads = [verb] + [_follow_complements(c) for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                      and not any(g.dep_ in _SUBJECTS for g in c.children)]
    return sorted(heads, key=lambda t: t.i)


def frontier_clause(sent) -> Token:
    """The clause a sentence ends on, which a following "this" or "this shortfall" takes up.

    Reported content is followed into ("I argue that X", "our understanding
    of Y: X"), and of coordinated clauses with their own subjects the last
    one is taken ("India led, but by 1850 it had lost its markets").
    """
    verb = sent.root
    for _ in range(4):
        inner = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i > verb.i and c.pos_ in ("VERB", "AUX")]
        if not inner:
            inner = _reported_through_object(verb)  # "I present evidence showing that X": X
        conj = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                and any(g.dep_ in _SUBJECTS for g in c.children)]
        following = sorted(inner + conj, key=lambda t: t.i)
        if not following:
            break
        verb = following[-1]
    return verb


_CORE = ("nsubj", "nsubjpass", "dobj", "attr", "dative", "agent", "pobj")


def _coarguments(first: Token, second: Token) -> bool:
    """Subject, object or complement of the same verb (which never corefer unless reflexive)."""
    return _coarguments_at(doc_table(first.doc), first.i, second.i)


def _coarguments_at(t: TokenTable, first: int, second: int) -> bool:
    """:func:`_coarguments` of tokens ``first`` and ``second`` of one Doc."""
    if t.dep[first] not in _CORE or t.dep[second] not in _CORE:
        return False
    governor = _core_governor(t, first)
    return governor is not None and governor == _core_governor(t, second)


def _core_governor(t: TokenTable, i: int) -> int | None:
    """The verb (or noun) a core argument ``i`` belongs to: its head, or its preposition's head."""
    if t.dep[i] == "pobj":
        i = t.head[i]  # the preposition
    return t.head[i] if t.dep[i] in _CORE or t.dep[i] == "prep" else None


def _reported_through_object(verb: Token) -> list[Token]:
    """The clause a verb's object reports: "present evidence showing that X", "offer data which suggest that X"
    (a clause of the object with a complement clause of its own) and "advance the claim that X" (a complement
    clause of the noun). A relative clause without a complement ("studied the towns that the plague struck")
    reports nothing. Returns the reported verbs after ``verb``."""
    out = []
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "attr", "oprd") or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        for clause in obj.children:
            if clause.dep_ not in ("acl", "relcl") or clause.pos_ not in ("VERB", "AUX"):
                continue
            reported = [c for c in clause.children if c.dep_ == "ccomp" and c.i > clause.i and c.pos_ in ("VERB", "AUX")]
            if reported:
                out += reported
            elif clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                out.append(clause)
    return out


def _event_text(head: Token) -> str:
    """The words of an event for evidence: a clause without its subordinate clauses, or a noun phrase."""
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        tokens = [head] + [t for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "prt", "neg", "oprd",
                                                                       "acomp", "attr", "agent", "prep", "aux", "auxpass")
                           for t in c.subtree]
    else:
        tokens = list(head.subtree)
    tokens = sorted(tokens, key=lambda t: t.i)
    return span_text(head.doc[tokens[0].i:tokens[-1].i + 1]) if tokens else head.text


def _nominal(token: Token) -> bool:
    """A noun, or a gerund used as one ("the rising")."""
    return _nominal_at(doc_table(token.doc), token.i)


def _nominal_at(t: TokenTable, i: int) -> bool:
    """:func:`_nominal` of token ``i``."""
    return t.pos[i] in _NOUNS or (t.tag[i] == "VBG" and any(t.dep[c] == "det" for c in t.children[i]))


def _expletive_at(t: TokenTable, i: int, lex: ConceptWords) -> bool:
    """Whether token ``i`` is an expletive "it": "it is possible that ...", "it seems that ..."."""
    if t.lower[i] != "it":
        return False
    head = t.head[i]
    if t.dep[i] == "nsubjpass" and any(t.dep[c] == "ccomp" and c > i for c in t.children[head]):
        return True  # "it is maintained that ...", "it was argued that ..."
    return (t.dep[i] in _SUBJECTS and t.lemma[head] in _words(lex, "expletive_predicate")
            and any(t.dep[c] in ("ccomp", "xcomp", "csubj") and c > i for c in t.children[head]))


def anaphor_kind(token: Token, lex: ConceptWords, earlier_lemmas: set[str]) -> str:
    """How a noun phrase head refers: "", "one", "pronoun", "demonstrative", "definite", "summary".

    ``token`` is the raw head of the phrase (before transparent nouns).
    """
    return _anaphor_kind_at(doc_table(token.doc), token.i, lex, earlier_lemmas)


def _of_object(t: TokenTable, i: int) -> int | None:
    """The object of the "of" phrase of token ``i`` ("all of X", "a wave of X"), or None."""
    of = next((c for c in t.children[i] if t.dep[c] == "prep" and t.lower[c] == "of"), None)
    return next((c for c in t.children[of] if t.dep[c] == "pobj"), None) if of is not None else None


def _anaphor_kind_at(t: TokenTable, i: int, lex: ConceptWords, earlier_lemmas: set[str]) -> str:
    """:func:`anaphor_kind` of token ``i``, read from the Doc's token table."""
    low, pos, children = t.lower[i], t.pos[i], t.children[i]
    if (low in _words(lex, "one_anaphor") and t.tag[i] in ("NN", "NNS")
            and any(t.dep[c] == "amod" and t.pos[c] == "ADJ" and t.lower[c] not in _words(lex, "degree_comparative")
                    for c in children)):
        return "one"
    if pos in ("PRON", "DET") and low in _words(lex, "quantifier", "anaphoric"):
        pobj = _of_object(t, i)
        if pobj is not None:
            inner = _anaphor_kind_at(t, pobj, lex, earlier_lemmas)
            return "summary" if inner in ("demonstrative", "summary") and t.lemma[pobj] in lex.summary else inner
        if low == "all" and i + 1 < len(t.head) and t.lower[i + 1] in _words(lex, "summary_determiner"):
            return "summary"
    if pos in ("PRON", "DET") and low in _words(lex, "anaphoric_pronoun") and t.dep[i] != "det":
        distal = low in _words(lex, "distal_demonstrative")
        if t.tag[i] in ("WDT", "WP", "WP$") or _expletive_at(t, i, lex) or any(t.dep[c] in ("relcl", "amod") for c in children) or (
                not distal and any(t.dep[c] in ("acl", "prep") for c in children)):
            return ""  # "which", "it is possible that", "those who left" do not refer back
        if distal and any(t.dep[c] == "acl" and t.tag[c] != "VBN" for c in children):
            return ""  # "those living abroad": who they are is said after
        return "pronoun"
    if t.lemma_lower[i] in lex.self_reference:
        return ""  # "this chapter" points at the text, not at a concept
    chain = [i]
    if t.lemma[i] in lex.transparent:
        pobj = _of_object(t, i)
        if pobj is not None:
            chain.append(pobj)
    demonstratives = _words(lex, "demonstrative")
    for link in chain:
        if any(t.dep[c] in ("det", "amod", "predet") and t.lower[c] in demonstratives for c in t.children[link]):
            return "demonstrative"
    if pos == "PROPN":
        return ""  # a proper name names itself
    if any(t.dep[c] == "det" and t.lower[c] == "the" for c in children) and t.lemma_lower[i] in earlier_lemmas:
        return "definite"
    return ""


def _has_the(token: Token) -> bool:
    """Whether ``token`` has the definite article "the" as a determiner."""
    t = doc_table(token.doc)
    return any(t.dep[c] == "det" and t.lower[c] == "the" for c in t.children[token.i])


_RELATIONS: list = [None, {}]  # [the WordNet data, {(anaphor, antecedent, words): relation}]


def _relation(wn, anaphor: str, antecedent: str, words: bool) -> str:
    """``wn.relation(anaphor, antecedent, 4, words=words)``, computed once per pair while ``wn`` is the same."""
    if _RELATIONS[0] is not wn or len(_RELATIONS[1]) > 200_000:
        _RELATIONS[:] = [wn, {}]
    key = (anaphor, antecedent, words)
    found = _RELATIONS[1].get(key)
    if found is None:
        found = _RELATIONS[1][key] = wn.relation(anaphor, antecedent, 4, words=words)
    return found


class Resolver:
    """Resolve the anaphoric noun phrases and pronouns of a document."""

    def __init__(self, doc: Doc, mentions: list[Mention], enumerations: tuple[Enumeration, ...] = (),
                 caused_by: dict[int, set[str]] | None = None, lexicon: Lexicon | None = None):
        self.doc = doc
        lexicon = lexicon or load_lexicon()
        self.lex = concept_words(lexicon)
        #: nouns whose first WordNet sense is a group ("nobility", "elite"): lexicon kinds concrete_noun (value
        #: group) and group_noun
        self.group_nouns = lexicon.words("concrete_noun", "group") | lexicon.words("group_noun")
        self.wn = wordnet()
        self.enumerations = tuple(sorted(enumerations, key=lambda e: e.header))
        #: raw head of a cause end -> concept keys of the effects it is the cause of
        self.caused_by = caused_by or {}
        self.mentions = sorted(mentions, key=lambda m: m.token)
        self.by_token = {m.token: m for m in self.mentions}
        self.sentences = list(doc_sentences(doc))
        self.sentence_of = doc_sentence_of(doc)
        self.aliases = self._appositions()
        #: head lemma (and synonym of the token lemma) -> mentions with it, in text order
        self.table = doc_table(doc)
        self.by_lemma: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            for lemma in {mention.name.head_lemma, self.lex.synonym(self.table.lemma_lower[mention.token])}:
                self.by_lemma.setdefault(lemma, []).append(mention)
        #: token index -> the concept name an earlier resolution gave it
        self.resolved: dict[int, str] = {}
        #: concept name -> the token of the first anaphor (not a summary) that took it up alone
        self.taken_up: dict[str, int] = {}
        self._paragraph_of_sentence: dict[int, int] | None = None  # built by _window when first needed
        self._mention_tokens: list[int] = [m.token for m in self.mentions]  # ascending, for bisection
        self._enumeration_headers = [e.header for e in self.enumerations]  # ascending, for bisection
        self._header_lemmas: dict[int, str] = {}

    # -- the whole document ---------------------------------------------------------

    def resolve_document(self, ends: dict[int, tuple[ConceptName, tuple[int, int]]],
                         paragraph_of: list[int]) -> dict[int, Found]:
        """Resolve, in text order, every link end in ``ends`` and every other anaphoric phrase.

        ``ends`` maps the raw head token of each cause or effect to its name
        and token span. Returns the anaphoric mentions by head token; earlier
        resolutions feed later ones ("the movement" ... "the movement").
        """
        candidates: dict[int, tuple[ConceptName | None, tuple[int, int]]] = dict(ends)
        covered = {t.i for index in ends for t in self._naming_chain(self.doc[index])}
        for chunk in doc_noun_chunks(self.doc):
            root = chunk.root
            if root.i not in candidates and root.i not in covered and root.pos_ != "PRON":
                candidates[root.i] = (None, (chunk.start, chunk.end))
        pronouns = _words(self.lex, "anaphoric_pronoun")
        t = self.table
        for i, (pos, low, lemma) in enumerate(zip(t.pos, t.lower, t.lemma_lower)):
            if pos == "PRON" and low in pronouns and i not in candidates and i not in covered and t.dep[i] != "det":
                candidates[i] = (None, (i, i + 1))
            elif lemma in self.lex.former_latter and i not in candidates and i > 0:
                candidates[i] = (None, (i - 1, i + 1))  # "the former", "the latter"
        found: dict[int, Found] = {}
        for index in sorted(candidates):
            name, span = candidates[index]
            raw = self.doc[index]
            name = name or (self.by_token[index].name if index in self.by_token else name_token(raw, self.lex))
            sentence = self.sentence_of[index]
            kind, antecedent = self.resolve(raw, name, sentence, paragraph_of[sentence])
            if not kind:
                continue
            if antecedent is not None and len(antecedent.names) == 1 and not antecedent.keep_own:
                self.resolved[index] = antecedent.names[0]
            if antecedent is not None and len(antecedent.names) == 1 and kind != "summary":
                self.taken_up.setdefault(antecedent.names[0], index)  # the discourse went on with this concept
            found[index] = Found(index, span, kind, antecedent)
        return found

    def _naming_chain(self, raw: Token) -> list[Token]:
        """The tokens a link end is named through: "All" -> "factors" in "All of these factors"."""
        chain = [raw]
        while chain[-1].lower_ in _words(self.lex, "quantifier", "anaphoric") or chain[-1].lemma_.lower() in self.lex.transparent:
            of = next((c for c in chain[-1].children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is None:
                break
            chain.append(pobj)
        return chain

    def resolve(self, raw: Token, name: ConceptName, sentence: int, paragraph: int) -> tuple[str, Antecedent | None]:
        """The anaphor kind of a phrase head and, if it refers back, what to."""
        enumerated = self._enumerated(raw)
        if enumerated is not None:
            return enumerated
        if raw.lemma_.lower() in self.lex.former_latter and any(c.lower_ == "the" for c in raw.children):
            return "pronoun", self._former_latter(raw)
        if self._consequence(raw):
            return "bridging", self._previous_event(raw, "consequence")
        kind = anaphor_kind(raw, self.lex, self.earlier_lemmas(raw.i))
        if not kind and raw.pos_ == "NOUN" and _has_the(raw):
            found = self._by_wordnet(raw, name, "definite")  # "the pestilence" after "the plague"
            if found is not None:
                return "definite", found
        if not kind:
            return "", None
        if kind == "one":
            return kind, self._one(raw)
        if kind == "summary":
            return kind, self._summary(raw, name, sentence, paragraph)
        if kind == "pronoun":
            if raw.lower_ in _words(self.lex, "distal_demonstrative") and (raw.dep_ == "appos" or any(c.dep_ in ("prep", "acl") for c in raw.children)):
                return kind, self._pronoun(raw)  # "that of the state", "those in the towns": the nearest fitting noun
            if raw.lower_ in _words(self.lex, "singular_demonstrative") and raw.dep_ != "det":
                return kind, self._demonstrative_pronoun(raw) or self._summary(raw, name, sentence, paragraph,
                                                                                previous_only=True)
            if raw.lower_ in _words(self.lex, "plural_demonstrative"):
                return kind, self._summary(raw, name, sentence, paragraph, previous_only=True)
            return kind, self._pronoun(raw)
        number = next((c for c in self.doc[name.head].children if c.dep_ == "nummod" and c.like_num), None)
        found = self._by_head(raw, name)
        if found is None and kind == "demonstrative" and number is not None:
            found = self._coordination(raw, number)  # "these three calamities": a count names a list
        found = found or self._by_wordnet(raw, name, kind)
        if found is not None:
            return kind, found
        if kind == "demonstrative":
            if number is not None:
                return kind, None
            found = self._nominalization(raw, name)
            if found is not None:
                return kind, found
            if name.head_lemma in self.lex.summary or self.doc[name.head].lemma_ in self.lex.summary:
                return "summary", self._summary(raw, name, sentence, paragraph)
            head = self.doc[name.head]
            if head.tag_ in ("NN", "NNS") and self.wn.is_event_noun(head.lemma_.lower()):
                return kind, self._previous_event(raw, "event noun")
        return kind, None

    def earlier_lemmas(self, before: int) -> set[str]:
        """Lemmas of the mentions before token ``before`` (grown incrementally for calls in text order)."""
        if not hasattr(self, "_lemmas") or before < self._lemmas_upto:
            self._lemmas, self._lemmas_upto, self._lemmas_next = set(), 0, 0
        while self._lemmas_next < len(self.mentions) and self.mentions[self._lemmas_next].token < before:
            self._lemmas.add(self.table.lemma_lower[self.mentions[self._lemmas_next].token])
            self._lemmas_next += 1
        self._lemmas_upto = before
        return self._lemmas

    # -- naming -----------------------------------------------------------------------

    def _appositions(self) -> dict[int, Mention]:
        """"X, the N of ..." : the head N stands for the proper name X before it."""
        aliases: dict[int, Mention] = {}
        t = doc_table(self.doc)
        for chunk in doc_noun_chunks(self.doc):
            start = chunk.start
            if start < 2 or t.lower[start] != "the" or t.text[start - 1] != "," or t.pos[start - 2] != "PROPN":
                continue
            aliases[chunk.root.i] = self._mention_at(self.doc[start - 2])
        for token in tokens_where(self.doc, DEP, "appos"):
            if token.head.pos_ == "PROPN":
                aliases[token.i] = self._mention_at(token.head)
        return aliases

    def _mention_at(self, token: Token) -> Mention:
        if token.i in self.by_token:
            return self.by_token[token.i]
        sentence = self.sentence_of.get(token.i, 0)
        return Mention(token.i, sentence, 0, name_token(token, self.lex), token.text)

    def _named(self, mention: Mention) -> str:
        if mention.token in self.resolved:
            return self.resolved[mention.token]
        alias = self.aliases.get(mention.token)
        return alias.name.name if alias is not None else mention.name.name

    def _single(self, mention: Mention, reason: str, text: str | None = None) -> Antecedent:
        alias = self.aliases.get(mention.token)
        if alias is not None and mention.token not in self.resolved:
            return Antecedent((alias.name.name,), (f"{alias.text}, {mention.text}",), "apposition", keep_own=False)
        text = text or mention.text
        if mention.token in self.resolved:
            reason = f"{reason} (chained)"
            text = f"{text} [= {self.resolved[mention.token]}]"
        return Antecedent((self._named(mention),), (text,), reason, keep_own=False)

    # -- the rules ----------------------------------------------------------------------

    def _window(self, raw: Token, back: int) -> list[Mention]:
        """Mentions before ``raw`` in its paragraph and at most ``back`` sentences before it, nearest first."""
        sentence = self.sentence_of[raw.i]
        if self._paragraph_of_sentence is None:  # the paragraph of the first mention in each sentence
            self._paragraph_of_sentence = {}
            for m in self.mentions:
                self._paragraph_of_sentence.setdefault(m.sentence, m.paragraph)
        paragraph = self._paragraph_of_sentence.get(sentence)
        inside = self.table.subtree(raw.i)
        before = self.mentions[:bisect_left(self._mention_tokens, raw.i)]  # those with m.token < raw.i
        out = [m for m in before if sentence - m.sentence <= back
               and (paragraph is None or m.paragraph == paragraph) and m.token not in inside]
        return sorted(out, key=lambda m: -m.token)

    def _by_wordnet(self, raw: Token, name: ConceptName, kind: str) -> Antecedent | None:
        """"this epidemic" -> "the Plague of Cyprian", "the pestilence" -> "plague": a WordNet synonym or
        hypernym of an earlier noun head names it (definite noun phrases: synonyms and whole hypernyms only)."""
        head = self.doc[name.head]
        if head.pos_ != "NOUN" or self.doc[name.head].lemma_.lower() in self.lex.self_reference:
            return None
        if any(c.dep_ in ("relcl", "acl") for c in raw.children):
            return None  # "those subjects who traded abroad": the clause says which, nothing earlier does
        lemma = head.lemma_.lower()
        definite = kind == "definite"
        if definite and any(c.dep_ == "prep" for c in head.children):
            return None  # "the burden of the depression": a complement makes a new referent, not a new word for an old one
        t = self.table
        for mention in self._window(raw, 4 if not definite else 3):
            other = mention.name.head
            if t.pos[other] not in _NOUNS or other == head.i or _coarguments_at(t, other, raw.i):
                continue  # "the crown debased the coinage": the subject and object of one verb are two things
            theirs = [t.lemma_lower[other]]
            if mention.token in self.resolved:  # "the disease" (= the Plague of Cyprian) ... "the pestilence"
                named = self.resolved[mention.token].lower().split()
                theirs += [named[0], named[-1]]
            relation, their = "", theirs[0]
            for their in theirs:
                relation = _relation(self.wn, lemma, their, not definite)
                if relation:
                    break
            if not relation or (definite and their == lemma):
                continue
            if not self._compatible(name, mention, ignore=head.lemma_.lower()):
                continue
            return self._single(mention, f"{relation} (WordNet: {lemma} / {their})")
        return None

    def _consequence(self, raw: Token) -> bool:
        """"the ensuing deindustrialization", "the resulting famine": a noun presented as a consequence."""
        t = self.table
        return t.pos[raw.i] == "NOUN" and any(t.dep[c] == "amod" and t.lower[c] in self.lex.consequence
                                                for c in t.children[raw.i])

    def _event_antecedent(self, heads: list[Token], reason: str) -> Antecedent | None:
        heads = [h for h in heads if h.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ")]
        if not heads:
            return None
        names, texts = [], []
        for head in heads:
            concept = name_token(head, self.lex)
            if concept.name in names or concept.name in _words(self.lex, "anaphoric_pronoun"):
                continue
            names.append(concept.name)
            texts.append(_event_text(head))
        return Antecedent(tuple(names), tuple(texts), reason, keep_own=False, tokens=tuple(h.i for h in heads))

    def _previous_event(self, raw: Token, why: str) -> Antecedent | None:
        """The events of the clause the previous sentence ends on ("The mines closed. This shortfall ...")."""
        index = self.sentence_of[raw.i]
        if index == 0:
            return None
        verb = frontier_clause(self.sentences[index - 1])
        events = clause_events(verb)
        head = raw.lemma_.lower() if raw.pos_ == "NOUN" else ""
        if head and len(events) == 1 and events[0].pos_ == "VERB":
            verb_lemma = events[0].lemma_.lower()
            nominals = self.wn.nominals(verb_lemma)
            if head in nominals:
                why = f"nominalization (WordNet: {verb_lemma} -> {head})"
            else:
                related = next((n for n in nominals if self.wn.relation(head, n)), None)
                if related is not None:
                    why = f"{self.wn.relation(head, related)} of the nominalization (WordNet: {verb_lemma} -> {related})"
        if why == "event noun" and head not in self.wn.event_nouns:
            return None  # "this view": a noun of thought or speech that is not the noun of the verb before
        return self._event_antecedent(events, f"{why}: the clause of the sentence before")

    def _demonstrative_pronoun(self, raw: Token) -> Antecedent | None:
        """"A, and B as a consequence of this": the conjunct before; "X. This ...": the clause X ends on."""
        for ancestor in raw.ancestors:
            if ancestor.dep_ == "conj" and ancestor.head.i < raw.i and ancestor.pos_ in ("VERB", "AUX"):
                return self._event_antecedent([ancestor.head], "demonstrative: the conjunct before it")
        if raw.dep_ in _SUBJECTS:
            # "if the sultans cared about the traders, this was for political reasons": the clause before it
            before = [c for c in raw.head.children if c.dep_ == "advcl" and c.i < raw.i and c.pos_ in ("VERB", "AUX")]
            if before:
                return self._event_antecedent(clause_events(before[-1]), "demonstrative: the clause before it")
        if self.sentence_of[raw.i] > 0 and raw.dep_ in _SUBJECTS:
            return self._previous_event(raw, "demonstrative")
        return None

    def _former_latter(self, raw: Token) -> Antecedent | None:
        """"the former" / "the latter": the first or last of the latest coordinated noun phrases before it."""
        position = self.lex.former_latter[raw.lemma_.lower()]
        first = self.sentences[max(0, self.sentence_of[raw.i] - _SEARCH_BACK)].start
        for token in reversed(self.doc[first:raw.i]):
            if token.pos_ not in _NOUNS or token.dep_ == "conj" or token.i >= raw.i:
                continue
            group = [token] + [t for t in token.subtree if t.dep_ == "conj" and t.pos_ in _NOUNS and t.i < raw.i]
            if len(group) >= 2:
                chosen = group[0] if position == 1 else group[-1]
                return self._single(self._mention_at(chosen), "former/latter")
        return None

    def _enumerated(self, raw: Token) -> tuple[str, Antecedent | None] | None:
        """The announcing noun of an enumeration ("two buffers", "three causes: ...") and the phrases that take
        its items up again ("both buffers", "the first buffer", "the second one")."""
        raw_i, raw_lower, raw_lemma, raw_tag = raw.i, raw.lower_, raw.lemma_.lower(), raw.tag_
        one_anaphor = raw_lower in _words(self.lex, "one_anaphor") and raw_tag in ("NN", "NNS")
        children = None
        # the enumerations whose header is at or before the anaphor, last first (those after it were skipped)
        for enum in reversed(self.enumerations[:bisect_right(self._enumeration_headers, raw_i)]):
            items = enum.items
            if raw_i == enum.header:
                return "enumeration", Antecedent(tuple(n.name for _, n, _ in items), tuple(t for _, _, t in items),
                                                 f"enumeration ({enum.marker})", keep_own=False,
                                                 tokens=tuple(i for i, _, _ in items))
            header_lemma = self._header_lemmas.get(enum.header)
            if header_lemma is None:
                header_lemma = self._header_lemmas[enum.header] = self.doc[enum.header].lemma_.lower()
            if raw_lower in self.lex.ordinal_index and raw_i > max(i for i, _, _ in items):
                children = list(raw.children) if children is None else children
                if not any(c.dep_ == "prep" for c in children) and any(c.dep_ == "det" and c.lower_ == "the" for c in children):
                    # "Two forces ...: A and B. The first ..., the second ...": a bare ordinal takes up an item
                    number = self.lex.ordinal_index[raw_lower]
                    if 0 < number <= len(items):
                        i, item, text = items[number - 1]
                        return "definite", Antecedent((item.name,), (text,), f"enumeration item {number}", keep_own=False,
                                                      tokens=(i,), expand=False)
            same = raw_lemma == header_lemma or one_anaphor
            if not same or raw_i <= max(i for i, _, _ in items):
                continue
            children = list(raw.children) if children is None else children
            ordinal = next((c for c in children if c.dep_ == "amod" and c.lower_ in self.lex.ordinal_index), None)
            if ordinal is not None:
                number = self.lex.ordinal_index[ordinal.lower_]
                if 0 < number <= len(items):
                    i, item, text = items[number - 1]
                    return "definite", Antecedent((item.name,), (text,), f"enumeration item {number}", keep_own=True,
                                                  tokens=(i,), expand=False)
            if raw_lemma == header_lemma and raw_tag == "NNS" and any(
                    c.dep_ in ("det", "predet", "nummod") for c in children):
                return "summary", Antecedent(tuple(n.name for _, n, _ in items), tuple(t for _, _, t in items),
                                             "enumeration (all items)", keep_own=True, tokens=tuple(i for i, _, _ in items),
                                             expand=False)
        return None


    def _one(self, raw: Token) -> Antecedent | None:
        # the mentions before the anaphor, nearest first (those at or after it were skipped)
        for mention in reversed(self.mentions[:bisect_left(self._mention_tokens, raw.i)]):
            token = self.doc[mention.token]
            if token.tag_ not in ("NNS", "NNPS") or token.lower_ in ("ones",):
                continue
            if self.sentence_of[raw.i] - self.sentence_of[token.i] > 1:
                break
            return Antecedent((self._named(mention),), (mention.text,), "one-anaphora", keep_own=False)
        return None

    def _compatible(self, name: ConceptName, mention: Mention, ignore: str = "") -> bool:
        """Every word of the anaphor's name occurs in the candidate (or in its apposition).

        Adjectives and participles before the head may be new ("the worldwide deflation",
        "this slavery-induced absolutism"); nouns and complements may not ("the fall of Beijing").
        """
        own = set(name.key.split())
        head = self.doc[name.head]
        for child in head.children:
            if child.dep_ == "amod" and child.i < head.i and child.pos_ in ("ADJ", "VERB"):
                words = span_text(self.doc[child.left_edge.i:child.right_edge.i + 1])  # "slavery-induced"
                own -= set(concept_key(words, self.lex).split()) | set(concept_key(" ".join(t.text for t in child.subtree), self.lex).split())
        if ignore:
            own -= {ignore, self.lex.synonym(ignore), name.head_lemma}
        if len(own) <= 1 and not ignore:
            return True
        if not own:
            return True
        theirs = set(mention.name.key.split()) | {mention.name.head_lemma}
        alias = self.aliases.get(mention.token)
        if alias is not None:
            theirs |= set(alias.name.key.split())
        return own <= theirs

    def _by_head(self, raw: Token, name: ConceptName) -> Antecedent | None:
        lemma = name.head_lemma
        for mention in reversed(self.by_lemma.get(lemma, [])):
            if mention.token >= raw.i or mention.token == name.head:
                continue
            token = self.doc[mention.token]
            if not self._compatible(name, mention):
                continue
            named = self.doc[mention.name.head]
            if named.pos_ in ("VERB", "ADJ", "AUX") and mention.name.head_lemma == lemma and named.lemma_.lower() != lemma:
                reason = "nominalization"
            elif named.lemma_.lower() == self.doc[name.head].lemma_.lower() or token.lemma_.lower() == self.doc[name.head].lemma_.lower():
                reason = "head-noun"
            else:
                reason = "synonym"
            return self._single(mention, reason)
        return None

    def _nominalization(self, raw: Token, name: ConceptName) -> Antecedent | None:
        """"suspicious of the villages" ... "this suspicion": the noun of an earlier verb or adjective."""
        first = self.sentences[max(0, self.sentence_of[raw.i] - _SEARCH_BACK)].start
        for token in reversed(self.doc[first:raw.i]):
            if token.pos_ not in ("VERB", "ADJ"):
                continue
            nominal = self.lex.nominal_of.get(token.lemma_.lower())
            if nominal and self.lex.synonym(nominal.split()[0]) == name.head_lemma:
                concept = name_token(token, self.lex)
                return Antecedent((concept.name,), (token.text,), "nominalization", keep_own=False)
        return None

    def _coordination(self, raw: Token, number: Token) -> Antecedent | None:
        """"these three calamities" -> the latest "A, B and C" before it."""
        try:
            wanted = int(number.text)
        except ValueError:
            wanted = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(number.lower_, 0)
        if wanted < 2:
            return None
        first = self.sentences[max(0, self.sentence_of[raw.i] - _SEARCH_BACK)].start
        for token in reversed(self.doc[first:raw.i]):
            if token.pos_ not in _NOUNS or token.dep_ == "conj":
                continue
            group = [token] + [t for t in token.subtree if t.dep_ == "conj" and t.pos_ in _NOUNS and t.i < raw.i]
            if len(group) == wanted:
                mentions = [self._mention_at(t) for t in group]
                return Antecedent(tuple(self._named(m) for m in mentions), tuple(m.text for m in mentions),
                                  f"coordination of {wanted}", keep_own=False)
        return None

    def _pronoun(self, raw: Token) -> Antecedent | None:
        low = raw.lower_
        plural = low in _words(self.lex, "anaphoric_pronoun", "plural")
        if low in _words(self.lex, "reflexive_pronoun"):
            # the subject of the nearest clause above that has one ("By uncoupling themselves ..., the states ...";
            # "the source of the slump itself": the noun it stands beside)
            if raw.dep_ in ("appos", "npadvmod") and raw.head.pos_ in _NOUNS:
                return self._single(self._mention_at(raw.head), "reflexive")
            for verb in [a for a in [raw.head, *raw.head.ancestors] if a.pos_ in ("VERB", "AUX")]:
                subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i != raw.i), None)
                if subject is not None:
                    if subject.pos_ in _NOUNS:
                        return self._single(self._mention_at(subject), "reflexive")
                    return None
            return None
        if raw.dep_ == "poss" and raw.head.dep_ == "conj" and raw.head.head.pos_ in _NOUNS and raw.head.head.i < raw.i:
            head = raw.head.head
            if head.tag_ in ("NNS", "NNPS") or not plural:  # "X and its Y"; "the peoples and their Y"
                return self._single(self._mention_at(head), "pronoun (coordinated noun phrase)")
        if raw.dep_ == "appos" and raw.head.pos_ in _NOUNS and raw.head.i < raw.i and self._agrees(raw.head, plural):
            return self._single(self._mention_at(raw.head), "pronoun (apposition)")  # "panics, particularly those in X"
        parallel = self._parallel_object(raw, plural)
        if parallel is not None:
            return self._single(self._mention_at(parallel), "pronoun (parallel object)")
        excluded = self._own_subject_referent(raw) if raw.lower_ not in _words(self.lex, "distal_demonstrative") else None
        for token in self._pronoun_candidates(raw):
            if self._agrees(token, plural) and self._named(self._mention_at(token)) != excluded:
                return self._single(self._mention_at(token), "pronoun")
        return None

    def _parallel_object(self, raw: Token, plural: bool) -> Token | None:
        """"X did not cause Y, but it deepened it": the object of a coordinated clause is the first clause's object."""
        if raw.dep_ not in ("dobj", "pobj") or raw.head.pos_ not in ("VERB", "AUX") or raw.head.dep_ != "conj":
            return None
        first = raw.head.head
        obj = next((c for c in first.children if c.dep_ == raw.dep_ and c.pos_ in _NOUNS), None)
        return obj if obj is not None and self._agrees(obj, plural) else None

    def _own_subject_referent(self, raw: Token) -> str | None:
        """An object pronoun never refers to what the subject of its own clause refers to ("it deepened it")."""
        if raw.dep_ not in ("dobj", "pobj"):
            return None
        verb = next((a for a in raw.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None) if verb is not None else None
        if subject is None:
            return None
        if subject.i in self.resolved:
            return self.resolved[subject.i]
        return self._named(self._mention_at(subject)) if subject.pos_ in _NOUNS else None

    def _agrees(self, token: Token, plural: bool) -> bool:
        if not _nominal(token):
            return False
        word = token.lemma_.lower() if token.pos_ in _NOUNS else token.lower_
        if word in self.lex.transparent and not any(c.lower_ == "of" for c in token.children):
            return False  # "played a part in its escalation": a quantity is not what "its" refers to
        if word in self.lex.self_reference:
            return False  # "this chapter" is the text, not a referent of the argument
        is_plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
        if not plural and token.ent_type_ == "PERSON":
            return False
        if plural and not is_plural and (word in self.group_nouns or (token.pos_ == "PROPN" and token.tag_ == "NNP"
                                                                          and not any(c.dep_ == "compound" for c in token.children))):
            return True  # "the nobility ... their will", "the Khoi ... their cattle": a group or a people
        return is_plural == plural

    def _salience(self, token: Token, raw: Token) -> float:
        """Lappin and Leass (1994), simplified: recency 100, subject 80, object 50, oblique 40, head noun 80,
        not inside a prepositional phrase 50; every factor halves with each sentence back."""
        return self._salience_at(token.i, raw.i)

    def _salience_at(self, i: int, raw: int) -> float:
        """:meth:`_salience` of token ``i`` for the pronoun at token ``raw``."""
        t = self.table
        distance = self.sentence_of[raw] - self.sentence_of[i]
        role = {"nsubj": 80, "nsubjpass": 80, "dobj": 50, "attr": 50, "appos": 50, "pobj": 40}.get(t.dep[i], 0)
        ancestors = list(t.ancestors(i))
        score = 100 + role + 80 + (0 if any(t.dep[a] == "pobj" for a in ancestors) else 50)
        return score / (2 ** distance) - 0.01 * len(ancestors)

    def _pronoun_candidates(self, raw: Token) -> list[Token]:
        """Noun heads a pronoun may refer to, most likely first."""
        table = self.table
        sent = self.sentences[self.sentence_of[raw.i]]
        above = set(table.ancestors(raw.i))
        before = [i for i in range(sent.start, raw.i) if _nominal_at(table, i) and i not in above]
        clause = next((a for a in [raw.head, *raw.head.ancestors] if a.pos_ in ("VERB", "AUX")), None)
        first: list[Token] = []
        if raw.dep_ == "poss" and clause is not None:
            # "the movement did not lead to X on its own": the subject of its own clause
            first = [c for c in clause.children if c.dep_ in _SUBJECTS and raw not in list(c.subtree)]
            # "the Khoisan response to their dispossession": the people the noun above it is about
            owner = raw.head.head.head if raw.head.dep_ == "pobj" else None
            if owner is not None and owner.pos_ in _NOUNS:
                first += [c for c in owner.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
        if clause is not None and clause.dep_ == "conj" and raw.dep_ in _SUBJECTS:
            # "X was triggered by Y, and it sparked Z": the subject of the first clause
            first += [c for c in clause.head.children if c.dep_ in _SUBJECTS]
        index = self.sentence_of[raw.i]
        pool = list(before)
        for previous in self.sentences[max(0, index - _SEARCH_BACK):index]:
            pool += [i for i in range(previous.start, previous.end) if _nominal_at(table, i)]
        ranked = sorted(pool, key=lambda i: (-self._salience_at(i, raw.i), -i))
        taken = {t.i for t in first}
        return first + [self.doc[i] for i in ranked if i not in taken]

    def _summary(self, raw: Token, name: ConceptName, sentence: int, paragraph: int,
                 previous_only: bool = False) -> Antecedent | None:
        start = self._phrase_start(raw)
        # "such interaction within enterprises" still names a concept of its own;
        # "all of these factors" does not
        keep_own = raw.pos_ not in ("PRON", "DET") and (
            name.head_lemma not in self.lex.summary or len(name.name.split()) > 1)
        own_mention = self.by_token.get(raw.i)
        outcome = own_mention is not None and (own_mention.role == "effect" or own_mention.also_cause)
        if raw.pos_ not in ("PRON", "DET") and not outcome and self._content(raw):
            # a summary with words of its own ("this growth of royal courts") takes up only what they name;
            # one that is itself brought about ("such unrest, unleashed by X") sums up outcomes, below
            named = self._named_before(raw, name, start, sentence, paragraph)
            if not named:
                return None
            return Antecedent(tuple(self._named(m) for m in named), tuple(m.text for m in named),
                              "summary (named)", keep_own=keep_own, tokens=tuple(m.token for m in named))
        chosen = self._joint_causes(start, sentence, paragraph) if raw.tag_ == "NNS" else []
        reason = "summary (joint causes)" if chosen else "summary"
        chosen = chosen or self._effects_before(start, sentence, paragraph, previous_only)
        if not chosen and not previous_only and paragraph > 0 and not any(
                m.paragraph == paragraph and m.sentence < sentence for m in self.mentions):
            chosen = self._paragraph_outcomes(paragraph - 1)
        # a summary never takes in the effect it is itself the cause of
        own_effects = self.caused_by.get(raw.i, set())
        chosen = [m for m in chosen if concept_key(self._named(m), self.lex) not in own_effects]
        if not chosen:
            return None
        return Antecedent(tuple(self._named(m) for m in chosen), tuple(m.text for m in chosen), reason,
                          keep_own=keep_own, tokens=tuple(m.token for m in chosen))

    def _content(self, token: Token, stop: int | None = None) -> set[str]:
        """Lemmas of the content words of the phrase ``token`` heads (up to token ``stop``), without summary words."""
        words = set()
        stack = [token]
        while stack:  # the phrase without its conjuncts: "the weakness of the council and the cost of bread"
            t = stack.pop()
            if stop is not None and t.i >= stop:
                continue
            lemma = t.lemma_.lower()
            if (t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and lemma not in self.lex.summary
                    and lemma not in self.lex.drop and lemma not in _words(self.lex, "demonstrative")):  # not "such", "new", "other"
                words.add(lemma)
            stack += [c for c in t.children if c.dep_ not in ("conj", "cc", "appos", "relcl", "acl", "advcl")]
        return words

    def _named_before(self, raw: Token, name: ConceptName | None, start: int, sentence: int,
                      paragraph: int) -> list[Mention]:
        """What a summary with words of its own names in the two sentences before it, nearest first.

        A mention is named when it shares a content lemma with the summary or
        its head is a WordNet synonym or hyponym of a noun of the summary
        ("this development of repressive forces" names "the growth of royal
        power"). Effects are never taken: a summary that a sentence opens with
        sums up what acted, not what was acted upon. Causes win over other
        noun phrases of the same sentence.
        """
        own = self._content(raw)
        head_noun = self.doc[name.head] if name is not None else raw
        # the head may be a WordNet synonym or hypernym, a modifier noun only a synonym (WordNet sense
        # chains through modifiers run wild: a force is a hypernym of a moment)
        own_nouns = [(t.lemma_.lower(), t.i in (raw.i, head_noun.i)) for t in raw.subtree if t.pos_ == "NOUN"]
        for back in (1, 2):
            before = [m for m in self.mentions if m.sentence == sentence - back and m.paragraph == paragraph
                      and m.token < start and m.token != raw.i and not m.header
                      and (m.role != "effect" or m.also_cause)]
            named: list[Mention] = []
            names: list[str] = []
            for mention in before:
                heads = {self.doc[mention.token], self.doc[mention.name.head]}  # "the growth of royal power"
                theirs = set().union(*(self._content(h, stop=start) for h in heads))
                related = bool(own & theirs) or any(
                    self.wn.relation(noun, h.lemma_.lower(), 3, words=False) in (("synonym", "hypernym") if wide else ("synonym",))
                    for noun, wide in own_nouns for h in heads if h.pos_ == "NOUN")
                label = self._named(mention)
                if related and label not in names:
                    named.append(mention)
                    names.append(label)
            causes = [m for m in named if m.role == "cause" or m.also_cause]
            if named:
                return causes or named
        return []

    def _joint_causes(self, start: int, sentence: int, paragraph: int) -> list[Mention]:
        """"A, B and C weakened X. These pressures ...": when the sentence before states several causes of one
        effect, a plural summary takes up the causes (what pressed), not the effect."""
        if sentence == 0:
            return []
        before = [m for m in self.mentions if m.sentence == sentence - 1 and m.paragraph == paragraph and m.token < start]
        causes = [m for m in before if m.role == "cause" or (m.also_cause and m.role == "effect")]
        effects = {self._named(m) for m in before if m.role == "effect" and not m.also_cause}
        names: list[str] = []
        chosen: list[Mention] = []
        for mention in causes:
            named = self._named(mention)
            if named not in names and named not in effects:
                names.append(named)
                chosen.append(mention)
        return chosen if len(chosen) >= 2 and len(effects) == 1 else []

    def _phrase_start(self, raw: Token) -> int:
        return min(t.i for t in raw.subtree) if raw.pos_ not in ("PRON",) or raw.lower_ in _words(self.lex, "quantifier", "anaphoric") else raw.i

    def _effects_before(self, start: int, sentence: int, paragraph: int, previous_only: bool) -> list[Mention]:
        """Effects stated in the paragraph before ``start``, one per concept.

        Of the effects of one sentence, when a later sentence (before the summary) took some of them up by an
        anaphor of their own ("X widened the chance to A and to B. This A ..."), only those are summed up: the
        discourse went on with them and left the others aside (the backward-looking centre of centering theory).
        """
        chosen: list[Mention] = []
        names: list[str] = []
        for mention in self.mentions:
            if mention.role != "effect" or mention.header or mention.paragraph != paragraph or mention.token >= start:
                continue
            if previous_only and mention.sentence != sentence - 1:
                continue
            if sentence - mention.sentence > _SUMMARY_WINDOW:
                continue  # a summary takes up what was just argued, not the whole of a long paragraph
            named = self._named(mention)
            if named not in names:
                chosen.append(mention)
                names.append(named)
        return [m for m in chosen if not self._left_aside(m, chosen, start)]

    def _left_aside(self, mention: Mention, effects: list[Mention], start: int) -> bool:
        """Whether a later anaphor before token ``start`` took up another effect of ``mention``'s sentence, not it."""
        end = self.sentences[mention.sentence].end if mention.sentence < len(self.sentences) else mention.token
        def taken(m: Mention) -> bool:
            return end <= self.taken_up.get(self._named(m), -1) < start
        if taken(mention):
            return False
        return any(taken(m) for m in effects if m.sentence == mention.sentence and m is not mention)

    def _paragraph_outcomes(self, paragraph: int) -> list[Mention]:
        """The effects a paragraph ends on: those that are not the cause of a later link in it."""
        inside = [m for m in self.mentions if m.paragraph == paragraph]
        chosen: list[Mention] = []
        names: list[str] = []
        for mention in inside:
            if mention.role != "effect" or mention.header:
                continue
            named = self._named(mention)
            later_cause = mention.also_cause or any(
                m.role == "cause" and m.token > mention.token and self._named(m) == named for m in inside)
            if not later_cause and named not in names:
                chosen.append(mention)
                names.append(named)
        return chosen

