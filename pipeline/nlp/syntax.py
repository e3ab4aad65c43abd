"""Small functions over the dependency parse that the rule frames share.

Everything here takes and returns spaCy tokens or ``(start, end)`` token
ranges (end-exclusive); nothing here knows about particular cue words: the
words come from the lexicon through :class:`WordLists`.

Size: about 940 lines, over the project's ~500, because it is one flat library
of small parse predicates (subjects, objects, clause extents, negation, time
expressions, comparison and ellipsis tests) that every frame family shares;
none calls into a frame, so it splits cleanly by topic when it grows further.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from spacy.attrs import POS as POS_ATTR
from spacy.parts_of_speech import IDS as UNIVERSAL_POS
from spacy.tokens import Token

from .rules import Lexicon, LexiconRule

__all__ = [
    "WordLists", "packaged_words", "valid_pair", "is_passive", "agent", "agents", "passive_subjects", "subjects",
    "objects", "conjuncts", "has_xcomp_to", "find_prep", "prep_objects", "gerund_object",
    "arg_span", "np_span", "phrase_extent", "clause_span", "clause_end", "is_temporal", "phrase_attachment",
    "previous_clause", "opened_conjunct", "have_subject", "copula_partner", "locative_copula_misparse", "phrase_objects", "adjacent",
    "participle_event", "causal_as", "is_time_expression", "core_clause_span", "means_clause", "support_verb", "resultative_so",
    "small_clause",
    "cleft_focus", "negated_alternatives", "subordinate_main",
    "is_participial_passive", "combination_members", "relative_misparse", "coordinated_misparse", "measured_time", "author_subject", "hung_list",
    "infinitive_complement", "hyphen_agent", "conjoined_complements", "degree_question_end",
    "open_doc", "forget_doc", "doc_text", "doc_noun_chunks", "doc_sentences", "doc_sentence_of", "token_sentence",
    "span_text", "doc_memo", "tokens_where", "TokenTable", "doc_table", "with_relative_antecedent",
    "with_controller",
]

_EDGE_TRIM_DEPS = {"punct", "cc", "mark", "prep_edge"}
_CLAUSE_LEAD_DEPS = {"mark", "cc", "punct", "preconj"}


@dataclass(frozen=True)
class WordLists:
    """Word lists from ``models/lexicon.jsonl`` that the frames consult."""

    dispute: frozenset[str] = frozenset()
    control_verbs: frozenset[str] = frozenset()
    intention_verbs: frozenset[str] = frozenset()
    have_verbs: frozenset[str] = frozenset()
    transparent: frozenset[str] = frozenset()
    causal_verbs: frozenset[str] = frozenset()
    by_kind: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def in_kinds(self, word: str, kinds: Iterable[str]) -> bool:
        """True when ``word`` is in the word list of one of ``kinds``."""
        return any(word in self.by_kind.get(kind, ()) for kind in kinds)

    @classmethod
    def from_lexicon(cls, lexicon: Iterable[LexiconRule]) -> "WordLists":
        """The word lists of ``lexicon`` (a :class:`argmine.nlp.rules.Lexicon` or its entries)."""
        if isinstance(lexicon, Lexicon):
            return cls.from_kinds(lexicon.by_kind)
        groups: dict[str, set[str]] = {}
        for rule in lexicon:
            groups.setdefault(rule.kind, set()).update(rule.words)
        return cls.from_kinds({kind: frozenset(words) for kind, words in groups.items()})

    @classmethod
    def from_kinds(cls, by_kind: Mapping[str, frozenset[str]]) -> "WordLists":
        """The word lists of a mapping from lexicon kind to words."""
        return cls(
            dispute=by_kind.get("dispute", frozenset()),
            control_verbs=by_kind.get("control_verb", frozenset()),
            intention_verbs=by_kind.get("intention_verb", frozenset()),
            have_verbs=by_kind.get("have_verb", frozenset()),
            transparent=by_kind.get("transparent", frozenset()),
            causal_verbs=by_kind.get("causal_gerund", frozenset()),
            by_kind=dict(by_kind),
        )

    @classmethod
    def of(cls, lexicon: Lexicon) -> "WordLists":
        """The word lists of ``lexicon``, made once per lexicon."""
        return lexicon.view(cls.from_lexicon)


def packaged_words() -> WordLists:
    """The :class:`WordLists` of the packaged lexicon: the closed-class words the parse helpers without a
    ``words`` argument read (kinds in :data:`argmine.nlp.rules.PACKAGED_KINDS`, which a custom lexicon may not change)."""
    from .rules import load_lexicon

    return WordLists.of(load_lexicon())


def valid_pair(cause: tuple[int, int], effect: tuple[int, int]) -> bool:
    """Both spans non-empty and not overlapping."""
    if cause[0] >= cause[1] or effect[0] >= effect[1]:
        return False
    return cause[1] <= effect[0] or effect[1] <= cause[0]


def is_passive(verb: Token) -> bool:
    """A passive verb, or a past participle modifying a noun ("X, unleashed by Y")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return True
    if is_participial_passive(verb):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.tag_ == "VBN":
        return is_passive(verb.head)
    return False


def is_participial_passive(verb: Token) -> bool:
    """A subjectless past participle set off as an adverbial clause: "Weakened by drought, the kingdom fell".

    The participle is said of the main clause's subject (its understood
    passive subject); it needs a by-agent so that "Founded in 1600, the
    company ..." (no agent, no cause) does not count.
    """
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux", "csubj") for c in verb.children):
        return False
    return _agent_of(verb) is not None


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def agents(verb: Token) -> list[Token]:
    """Every by-phrase of a passive: "caused by X or by Y" gives X and Y."""
    first = agent(verb)
    if first is None:
        return hyphen_agent(verb)
    found = [first]
    for prep in first.head.conjuncts:
        found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def hyphen_agent(verb: Token) -> list[Token]:
    """The noun of a hyphenated compound participle: "slavery-induced absolutism" gives [slavery]."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("amod", "acl") or verb.i < 2:
        return []
    doc = verb.doc
    hyphen = doc[verb.i - 1]
    if hyphen.text != "-" or hyphen.whitespace_ or doc[verb.i - 2].whitespace_:
        return []
    noun = doc[verb.i - 2]
    if noun.head.i != verb.i or noun.pos_ not in ("NOUN", "PROPN"):
        return []
    return [noun]


def agent(verb: Token) -> Token | None:
    """The by-phrase of a passive, shared across coordinated participles."""
    found = _agent_of(verb)
    if found is not None:
        return found
    for conj in verb.conjuncts:
        if conj.tag_ == "VBN":
            found = _agent_of(conj)
            if found is not None:
                return found
    return None


def passive_subjects(verb: Token) -> list[Token]:
    """What a passive verb is said of: its subject, or the noun its participle modifies."""
    found = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
    if found:
        return [_unrelative(t) for t in found]
    if verb.dep_ in ("acl", "amod"):
        return [verb.head]
    if is_participial_passive(verb):
        noun = _restrictive_host(verb)
        if noun is not None:
            return [noun]
        return subjects(verb.head) or [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return passive_subjects(verb.head)
    return []


def _restrictive_host(participle: Token) -> Token | None:
    """The noun a participle the parser hung on a verb as an adverbial clause modifies, when it follows that noun.

    A participle right after a noun, with no comma between, after the verb it is said to hang on, is a
    restrictive modifier of the noun (a reduced relative): "helped them avoid pain caused by the disease" (the
    pain), not "the kingdom fell, weakened by drought" nor "Weakened by drought, the kingdom fell" (the
    subject). Returns the first member of the noun's coordination ("pain and discomfort caused by X"), or None.
    """
    if participle.i <= participle.head.i or participle.i == 0:
        return None
    before = participle.doc[participle.i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or before.dep_ not in ("dobj", "pobj", "conj", "attr", "appos"):
        return None
    noun = before
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun if noun.dep_ != "conj" else None


def _unrelative(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the riots, which ..."; the focus of a cleft)."""
    if token.tag_ in ("WDT", "WP", "WP$") and token.lower_ in packaged_words().by_kind.get("relative_pronoun", ()):
        focus = cleft_focus(token)
        if focus is not None:
            return focus
        clause = token.head
        while clause.dep_ == "conj":
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
        # a cleft, "it was the defeat that weakened X": the focus is the subject; the copula is the
        # clause's head ("was ... that weakened") or, misparsed, its complement ("was X, not Y, that caused")
        copulas = [clause.head] if clause.dep_ == "ccomp" else []
        copulas += [c for c in clause.children if c.dep_ == "ccomp" and c.i < token.i]
        for copula in copulas:
            if copula.lemma_ != "be" or not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in copula.children):
                continue
            focus = next((c for c in copula.children if c.dep_ == "attr" and c.i < token.i), None)
            if focus is not None:
                return focus
    return token


def cleft_focus(pronoun: Token) -> Token | None:
    """The focus of a cleft that a relative pronoun subject stands for, or None.

    "It was A, not B, that caused C": a copula before the pronoun with a
    neuter pronoun subject ("it") and a predicate noun A, joined to the
    pronoun's clause (as its relative clause, or, as the parser may have it,
    as its complement). A negated alternative ("not B") is never the focus.
    """
    if pronoun.tag_ not in ("WDT", "WP") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    for be in pronoun.sent:
        if be.i >= pronoun.i:
            break
        if be.lemma_ != "be":
            continue
        it = next((c for c in be.children if c.dep_ in ("nsubj", "expl") and c.tag_ == "PRP"
                   and c.morph.get("Gender") == ["Neut"] and c.i < pronoun.i), None)  # "It was", "Was it"
        focus = next((c for c in be.children if c.dep_ == "attr" and c.i < pronoun.i), None)
        if it is None or focus is None:
            continue
        if be.head.i == clause.i or clause.head.i == be.i or clause.i in {t.i for t in focus.subtree}:
            while focus.dep_ in ("appos", "conj") and _negated_phrase(focus):
                focus = focus.head
            return focus
    return None


def _negated_phrase(token: Token) -> Token | None:
    """The "not" right before a phrase ("not the war"), commas aside."""
    doc = token.doc
    before = token.left_edge.i - 1
    if before >= 0 and doc[before].dep_ == "neg":
        return doc[before]
    own = next((c for c in token.children if c.dep_ == "neg" and c.i < token.i), None)
    return own


def negated_alternatives(head: Token) -> list[Token]:
    """The rejected alternatives of a noun: "A, not B" gives B for A.

    B is an apposition or conjunct opened by "not" whose phrase follows A's
    own phrase with only a comma and the "not" between, wherever the parser
    attached it (to A, inside A's phrase, or to the noun that governs A).
    """
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    found = []
    table = doc_table(head.doc)
    sent_end = table.sentence_bounds()[1][head.i]
    nouns = table.coordinated_nouns()  # the only tokens that can be an alternative
    for i in nouns[bisect_right(nouns, head.i):bisect_left(nouns, sent_end)]:
        other = head.doc[i]
        neg = _negated_phrase(other)
        if neg is None or neg.head.pos_ in ("VERB", "AUX"):
            continue
        focus = _cleft_focus_before(other)
        if focus is not None:  # "It was A that caused C, not B": B is the focus's alternative
            if focus.i == head.i:
                found.append(other)
            continue
        inner = {t.i for t in other.subtree} | {neg.i}
        own = [t.i for t in head.subtree if t.i not in inner and not t.is_punct]
        if not own:
            continue
        between = head.doc[max(own) + 1:other.left_edge.i]
        if all(t.is_punct or t.i == neg.i for t in between) and any(t.i == neg.i for t in between):
            found.append(other)
    return found


def _cleft_focus_before(alternative: Token) -> Token | None:
    """The focus of a cleft whose relative clause ends before ``alternative`` ("It was A that caused C, not B")."""
    for token in alternative.sent:
        if token.i >= alternative.i:
            return None
        if token.tag_ in ("WDT", "WP") and token.dep_ in ("nsubj", "nsubjpass"):
            focus = cleft_focus(token)
            clause = token.head
            if focus is not None and clause.right_edge.i < alternative.left_edge.i - 1 \
                    and alternative.i not in {t.i for t in focus.subtree}:
                return focus
            if focus is not None and alternative.head.i in {t.i for t in clause.subtree} and alternative.head.i != focus.i:
                return focus
    return None


def subjects(verb: Token) -> list[Token]:
    """The subject of a verb, looking through coordination, control and relatives."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if found:
        return [_unrelative(t) for t in found]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subjects(verb.head)
    if verb.dep_ == "xcomp":
        return _raised_subjects(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        if _is_date(verb.head):
            # "The duke, in 917 conquering the valley, founded X": a year or date does no act; the participle is
            # the clause's, and its subject is the clause's subject (or none is known)
            holder = verb.head.head.head if verb.head.dep_ == "pobj" else verb.head.head
            return subjects(holder) if holder.pos_ in ("VERB", "AUX") and holder.i != verb.i else []
        return [verb.head]
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "..., thus causing X"
        return subjects(verb.head)
    return []


def _is_date(token: Token) -> bool:
    """Whether ``token`` names a point in time by number or as a date entity ("917", "1204", "May 1812")."""
    return token.ent_type_ in ("DATE", "TIME") or (token.like_num and token.pos_ == "NUM")


def _raised_subjects(holder: Token) -> list[Token]:
    """The subject an infinitive shares with the word it complements.

    "X seems to have caused Y" (a raising verb: its subject), "X is likely to
    have caused Y" (an adjective: the copula's subject), "X is thought to have
    caused Y" (a passive verb: its passive subject).
    """
    if holder.pos_ == "ADJ" and holder.dep_ in ("acomp", "attr") and holder.head.pos_ in ("VERB", "AUX"):
        return subjects(holder.head)
    passive = [c for c in holder.children if c.dep_ == "nsubjpass"]
    if passive and not any(c.dep_ in ("nsubj", "csubj") for c in holder.children):
        return [_unrelative(t) for t in passive]
    return subjects(holder)


def objects(verb: Token) -> list[Token]:
    """Direct objects, shared across coordinated verbs ("broadened and revived X"); the object of a content
    clause whose sentence predicate the parser hung inside it (:func:`content_clause_misparse`)."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if found:
        return found
    misparse = content_clause_misparse(verb)
    if misparse is not None:
        return [misparse[0]]
    for conj in verb.conjuncts:
        if conj.i > verb.i:
            found = [c for c in conj.children if c.dep_ in ("dobj", "obj")]
            if found:
                return found
    return []


def conjuncts(token: Token) -> list[Token]:
    """The token and its coordinated nominal conjuncts, in text order.

    A rejected alternative ("A, not B") counts as a conjunct: it is an end
    of its own, which :mod:`argmine.extraction.factuality` reads as negated.
    """
    if token.pos_ in ("VERB", "AUX"):
        return [token]
    items = [token] + [c for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]
    items += [a for a in negated_alternatives(token) if a not in items]
    return sorted(items, key=lambda t: t.i)


def has_xcomp_to(verb: Token) -> bool:
    """True when the verb has an object and an infinitival complement ("led X to do")."""
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    return has_object and any(c.dep_ == "xcomp" for c in verb.children)


def find_prep(anchor: Token, preps: tuple[str, ...], verb: Token) -> Token | None:
    """The preposition (or particle) of a cue, on the anchor, the verb, or a comparative clause.

    "linked much more directly than other inquiries have done to X": the parser
    may hang "to X" on the elliptic comparative clause; it still belongs to the cue.
    """
    for holder in (anchor, verb):
        for child in holder.children:
            if child.dep_ in ("prep", "prt", "agent", "dative", "pcomp") and child.lower_ in preps:
                return child
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.lower_ in packaged_words().by_kind.get("comparison_mark", ()) for m in child.children if m.dep_ == "mark"):
            for grandchild in child.children:
                if grandchild.dep_ == "prep" and grandchild.lower_ in preps:
                    return grandchild
    return None


def prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition (its pobj, or its clausal complement)."""
    found = [c for c in prep.children if c.dep_ == "pobj"]
    if found:
        return found
    found = [c for c in prep.children if c.dep_ == "pcomp"]
    for pcomp in found:
        inner = [c for c in pcomp.children if c.dep_ == "pobj"]
        if inner and pcomp.pos_ == "ADP":  # "due to": to is pcomp of due
            return inner
    return found


def phrase_objects(phrase) -> list[Token]:
    """The objects of a multiword preposition ("because of X": X may hang on "because" or on "of")."""
    inside = {t.i for t in phrase}
    for token in reversed(phrase):
        found = [t for t in prep_objects(token) if t.i not in inside]
        if not found and token.tag_ == "VBG":  # "following the cuts" parsed as a verb with its object
            found = [c for c in token.children if c.dep_ == "dobj"]
        if found:
            return found
    return []


def adjacent(verb: Token, to: Token) -> bool:
    """True when only adverbs, negation or particles stand between ``verb`` and ``to`` ("decided not to")."""
    if to.i <= verb.i:
        return False
    return all(t.pos_ in ("ADV", "PART") or t.dep_ in ("neg", "prt", "advmod") for t in verb.doc[verb.i + 1:to.i])


def gerund_object(token: Token, words: WordLists) -> Token:
    """For "a part in engendering X", the object X of a causal gerund; else the token."""
    if token.tag_ == "VBG" and token.lemma_ in words.causal_verbs:
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    return token


def _contiguous(tokens: set[int], anchor: int) -> tuple[int, int]:
    if anchor not in tokens:
        return (anchor, anchor)
    start = anchor
    while start - 1 in tokens:
        start -= 1
    end = anchor + 1
    while end in tokens:
        end += 1
    return (start, end)


def _trim(doc, span: tuple[int, int], lead_deps=_CLAUSE_LEAD_DEPS) -> tuple[int, int]:
    """``span`` without leading tokens of ``lead_deps``, punctuation or space, and trailing punctuation, space or
    coordinators."""
    t = doc_table(doc)
    start, end = span
    while start < end and (t.dep[start] in lead_deps or t.is_punct[start] or t.text[start].isspace()):
        start += 1
    while end > start and (t.is_punct[end - 1] or t.text[end - 1].isspace() or t.dep[end - 1] == "cc"):
        end -= 1
    return (start, end)


def hung_list(subject: Token) -> list[Token]:
    """Listed subjects the parser hung inside a modifier of the first one.

    "The eagerness of the herders to trade with the settlers, their small
    numbers and weak leadership, meant that ...": the parser makes "numbers"
    and "leadership" conjuncts of "settlers"; the comma that closes the list
    right before the verb shows they are subjects of their own. Returns those
    nouns (``numbers``, ``leadership``) in text order, or ``[]``: only for a
    subject directly followed by ", VERB", and only from a conjunct after a
    comma that opens with a determiner or possessive.
    """
    doc = subject.doc
    t = doc_table(doc)
    i = subject.i
    end = t.edges()[1][i]
    if t.dep[i] not in ("nsubj", "nsubjpass") or t.text[end] != "," or t.head[i] != end + 1 \
            or t.pos[t.head[i]] not in ("VERB", "AUX"):
        return []
    for inner in subject.subtree:
        if inner.i == subject.i or inner.pos_ not in ("NOUN", "PROPN") or inner.dep_ == "conj":
            continue
        members = [c for c in inner.conjuncts if c.i > inner.i and c.pos_ in ("NOUN", "PROPN")]
        for k, member in enumerate(members):
            opener = doc[member.left_edge.i]
            if doc[member.left_edge.i - 1].text == "," and opener.tag_ in ("DT", "PRP$", "PDT") and opener.lower_ not in packaged_words().by_kind.get("relative_determiner", ()):
                return members[k:]
    return []


def np_span(head: Token, exclude: Iterable[int] = ()) -> tuple[int, int]:
    """The noun phrase of ``head``: its subtree without comma-set modifiers or cue words."""
    excluded = set(exclude)
    doc = head.doc
    t = doc_table(doc)
    left, right = t.edges()
    h = head.i
    hung = hung_list(head)
    if hung:  # "The eagerness of X to trade with the settlers, their small numbers, ..., meant": up to the list
        excluded.update(range(left[hung[0].i] - 1, right[h] + 1))
    tokens = set(t.subtree(h))
    for child in t.children[h]:
        dep = t.dep[child]
        if dep == "punct" and child > 0 and not t.space[child - 1] and not t.space[child]:
            continue  # the hyphen of "fund-raising" stays
        if dep in ("appos", "punct", "parataxis", "relcl") or (
            dep in ("acl", "advcl") and child > h and t.is_punct[left[child] - 1]
        ) or (dep == "acl" and not any(t.dep[c] == "aux" and t.lower[c] == "to" for c in t.children[child])):
            tokens -= t.subtree(child)  # what the noun is, not what is said of it
        if dep in ("cc", "conj"):
            tokens -= t.subtree(child)
    for inner in sorted((i for i in t.subtree(h) if i in tokens and i != h and t.pos[i] in ("NOUN", "PROPN")), reverse=True):
        for child in t.children[inner]:  # "the properties of the mount used in the frame": what is said of a nested
            # noun, when it ends the phrase ("the system (used in X) by Y" keeps it: the phrase goes on after it)
            dep = t.dep[child]
            # a comma closing the relative clause ("the mines, which caused X, forced") does not go on with the phrase
            if child > inner and not any(i > right[child] and not t.is_punct[i] for i in tokens) and (dep == "relcl" or (
                    dep == "acl" and not any(t.dep[c] == "aux" and t.lower[c] == "to" for c in t.children[child]))):
                tokens -= t.subtree(child)
    for inner in sorted(t.subtree(h)):
        if t.dep[inner] == "appos" and inner != h:
            negs = [c for c in (*t.children[inner], *t.children[t.head[inner]]) if t.dep[c] == "neg" and c < inner]
            if negs:  # "the collapse of credit, not the war": the contrasted item is not part of the phrase
                tokens -= t.subtree(inner) | set(negs)
    for index in list(excluded):
        if index in tokens and index != h:
            tokens -= t.subtree(index)
    for alternative in negated_alternatives(head):  # "the failure of the banks, not the drought"
        edge = left[alternative.i]
        tokens -= t.subtree(alternative.i) | set(range(*slice(edge - 2, edge).indices(len(doc))))  # as doc[edge - 2:edge]
    return _trim(doc, _contiguous(tokens, h), lead_deps={"cc", "punct", "mark", "preconj"})


def phrase_extent(head: Token, exclude: Iterable[int] = ()) -> tuple[int, int]:
    """The whole noun phrase of ``head``: everything said of the noun inside its phrase, comma-set or not.

    Where :func:`np_span` keeps what the noun is ("558 injuries"), this keeps
    the argument as the clause states it: relative clauses, participles,
    appositions and "including" phrases ("558 injuries, including 40 severe
    injuries"; "many landslides, some of which dammed the rivers"). Coordinated
    members stay out (each is an end of its own, joined again by
    :func:`argmine.batch.links.stated_relations`), and so do ``exclude`` (cue
    words) and their subtrees. Trailing punctuation, coordinators and a
    stranded relative word are trimmed. Returns end-exclusive token offsets
    ``(start, end)`` within the sentence of ``head``.
    """
    excluded = set(exclude)
    doc = head.doc
    t = doc_table(doc)
    h = head.i
    tokens = set(t.subtree(h))
    for child in t.children[h]:
        if t.dep[child] in ("cc", "conj"):
            tokens -= t.subtree(child)
    for index in excluded:
        if index in tokens and index != h:
            tokens -= t.subtree(index)
    start, end = _contiguous(tokens, h)
    while end - 1 > h and (t.is_punct[end - 1] or t.text[end - 1].isspace() or t.dep[end - 1] in ("cc", "mark")
                           or t.tag[end - 1] in ("WDT", "WP")):
        end -= 1
    while start < h and (t.is_punct[start] or t.text[start].isspace() or t.dep[start] in ("cc", "preconj")):
        start += 1
    return (start, end)


def clause_span(verb: Token, exclude: Iterable[int] = ()) -> tuple[int, int]:
    """The clause headed by ``verb`` without excluded tokens, as one contiguous range."""
    excluded = set(exclude)
    doc = verb.doc
    t = doc_table(doc)
    tokens = set(t.subtree(verb.i)) - excluded
    for child in t.children[verb.i]:
        dep = t.dep[child]
        if (dep in ("mark", "cc") and child < verb.i) or (dep == "advmod" and child < verb.i and child + 1 < len(doc)
                                                          and t.is_punct[child + 1]):
            tokens.discard(child)
        if dep == "conj" and t.pos[child] in ("VERB", "AUX") and any(t.dep[s].startswith("nsubj") for s in t.children[child]):
            tokens -= t.subtree(child)
    anchor = verb.i
    if anchor not in tokens:
        remaining = sorted(tokens)
        if not remaining:
            return (verb.i, verb.i)
        anchor = remaining[0]
    return _trim(doc, _contiguous(tokens, anchor))


def core_clause_span(verb: Token, exclude: Iterable[int] = ()) -> tuple[int, int]:
    """The clause of ``verb`` without its other adverbial clauses and page furniture.

    The end of a link that is a main clause ("the banks stayed shut" in "As
    the strike went on, the banks stayed shut, hurting trade") leaves out the
    clauses that are links' ends of their own (adverbial clauses), a
    dateline or headline before a colon ("MUMBAI : ...") and a bare date or
    measure before the subject ("12 June 1850 the council ...", "Two years
    later the council ..."). A conjoined verb without a subject of its own
    ("the marchers were beaten and hauled away") runs from the subject it
    shares with the first conjunct, unless excluded words lie between.
    Returns end-exclusive token offsets ``(start, end)``.
    """
    excluded = set(exclude)
    doc = verb.doc
    t = doc_table(doc)
    children = t.children[verb.i]
    subject = next((c for c in children if t.dep[c] in ("nsubj", "nsubjpass", "expl")), None)
    for child in children:
        if t.dep[child] in ("advcl", "parataxis", "dep", "meta", "intj"):
            excluded.update(t.subtree(child))
        elif subject is not None and child < t.edges()[0][subject] and t.dep[child] in ("npadvmod", "advmod", "nmod", "nummod") \
                and any(t.like_num[i] for i in t.subtree(child)):
            excluded.update(t.subtree(child))  # a dateline before the subject ("07th April 2016 12:37 AM Students ...")
    sent_start = t.sentence_bounds()[0][verb.i]
    colon = next((i for i in range(sent_start, verb.i) if t.text[i] == ":"), None)
    if colon is not None:
        excluded.update(range(sent_start, colon + 1))
    span = clause_span(verb, excluded)
    if subject is None and t.dep[verb.i] == "conj" and t.pos[t.head[verb.i]] in ("VERB", "AUX"):
        # "the marchers were beaten and hauled away by police": a conjoined verb states its clause with the
        # subject it shares with the first conjunct, so the end runs from that subject
        shared = next((c for c in t.children[t.head[verb.i]] if t.dep[c] in ("nsubj", "nsubjpass", "expl")), None)
        if shared is not None and shared < span[0]:
            start = t.edges()[0][shared]
            if not any(i in excluded for i in range(start, span[0])):
                span = _trim(doc, (start, span[1]))
    return span


def closed_brackets(span: tuple[int, int], doc) -> tuple[int, int]:
    """``span`` running on to the closing bracket of a bracket it opens: "the execution of the king (1649)", not "... (1649".

    The trims that drop trailing punctuation also drop a closing bracket; a
    span that opens "(" or "[" ends after the matching close when that
    follows right after it. Returns end-exclusive token offsets.
    """
    start, end = span
    t = doc_table(doc)
    depth = 0
    for i in range(start, end):
        if t.text[i] in ("(", "["):
            depth += 1
        elif t.text[i] in (")", "]") and depth:
            depth -= 1
    while depth and end < len(doc) and t.text[end] in (")", "]"):
        end += 1
        depth -= 1
    return (start, end)


_RELATIVE_TAGS = ("WDT", "WP")


def with_relative_antecedent(span: tuple[int, int], head: int, doc) -> tuple[int, int]:
    """``span`` widened to the noun phrase a relative clause hangs on, when the span is that relative clause.

    An end that opens with the relative pronoun of its own clause ("who
    marched to the capital", "which broke out last week") does not say who
    or what: the pronoun stands for the noun before it. The end then runs
    from the left edge of that noun's phrase ("the farmers who marched to
    the capital"), so that it states a whole event. ``head`` is the end's
    head token; the span is left as it is unless that token heads a relative
    clause (``relcl``) of a noun or pronoun before the span and the span's
    first token is a relative pronoun (tags WDT, WP) of that clause.
    Returns end-exclusive token offsets ``(start, end)``.
    """
    start, end = span
    if not start <= head < end:
        return span
    t = doc_table(doc)
    antecedent = t.head[head]
    if t.dep[head] != "relcl" or antecedent >= start or t.pos[antecedent] not in ("NOUN", "PROPN", "PRON"):
        return span
    if t.tag[start] not in _RELATIVE_TAGS or t.head[start] != head:
        return span
    return (t.edges()[0][antecedent], end)


def with_controller(span: tuple[int, int], head: int, doc) -> tuple[int, int]:
    """``span`` widened to the clause whose subject an infinitive end shares, when the span is that bare infinitive.

    An end that opens with the "to" of an infinitive complement ("to meet the
    envoys" in "the minister is set to meet the envoys", "to end" in "the strike
    has to end") leaves out who is to act: the infinitive's subject is the
    subject of the verb it complements (subject control or raising). The end
    then runs from the left edge of that subject ("the minister is set to meet
    the envoys"). ``head`` is the end's head token; the span is left as it is
    unless that token is an ``xcomp`` whose "to" opens the span, and the verb
    it complements comes before the span with a subject before it, and with no
    object before the infinitive: in "enabled the peasants to buy land" the
    infinitive is the act the causative verb brings about (its own end, read by
    the causative rules as it stands), not a clause of the subject's.
    Returns end-exclusive token offsets ``(start, end)``.
    """
    start, end = span
    if not start <= head < end:
        return span
    t = doc_table(doc)
    governor = t.head[head]
    if t.dep[head] != "xcomp" or governor >= start or t.pos[governor] not in ("VERB", "AUX"):
        return span
    if t.lower[start] != "to" or t.head[start] != head or t.dep[start] != "aux":
        return span
    if any(t.dep[c] in ("dobj", "nsubj") and governor < c < start for c in t.children[governor]):
        return span  # "enabled peasants to buy land": the causee's act is the causative's own end, read as it stands
    subject = next((c for c in t.children[governor] if t.dep[c] in ("nsubj", "nsubjpass")), None)
    if subject is None or subject > governor:
        return span
    return (t.edges()[0][subject], end)


def with_coordinated_passive(span: tuple[int, int], head: int, doc) -> tuple[int, int]:
    """``span`` widened to the first of two coordinated passive clauses, when the span is the second and a trailing adjunct hangs on it.

    In "twelve were killed and forty (were) injured when the mob attacked",
    the adjunct after the coordination scopes over both passive clauses,
    though the parser hangs it on the last. An end that is the second
    conjunct (its head a passive participle, dep ``conj`` of a passive verb
    before the span, with a passive subject of its own; or, with the
    auxiliary gapped, "and forty injured", a participle with a subject and no
    auxiliary, or one hung as ``amod`` or ``acl`` on a number or noun that is
    that verb's ``conj``) then runs from
    the left edge of the first conjunct's subject. Only clauses of the same
    voice are joined this way: "the mill was closed and the workers struck"
    is left as it is. Returns end-exclusive token offsets ``(start, end)``.
    """
    start, end = span
    if not start <= head < end:
        return span
    t = doc_table(doc)
    if t.tag[head] != "VBN":
        return span
    node = head
    if t.dep[head] in ("amod", "acl") and t.dep[t.head[head]] == "conj" and t.head[head] < head \
            and t.pos[t.head[head]] in ("NUM", "NOUN"):
        node = t.head[head]  # "and 55 injured": the gapped clause's subject carries the participle
    elif t.dep[head] != "conj" or not any(
            c < head and (t.dep[c] == "nsubjpass" or (t.dep[c] == "nsubj" and not any(
                t.dep[a] in ("aux", "auxpass") for a in t.children[head])))
            for c in t.children[head]):
        return span  # a participle with a subject and no auxiliary of its own shares the first clause's ("and three injured")
    first = t.head[node]
    if first >= start or t.dep[node] != "conj" or t.pos[first] not in ("VERB", "AUX") or t.tag[first] != "VBN":
        return span
    subject = next((c for c in t.children[first] if t.dep[c] == "nsubjpass"), None)
    if subject is None or subject > first:
        return span
    return (t.edges()[0][subject], end)


def arg_span(token: Token, exclude: Iterable[int] = ()) -> tuple[int, int]:
    """The span of a cause or effect: a clause for a verb, else a noun phrase."""
    if token.pos_ in ("VERB", "AUX"):
        return clause_span(token, exclude)
    return np_span(token, exclude)


def clause_end(verb: Token) -> int:
    """One past the last non-punctuation token of the verb's subtree."""
    end = verb.right_edge.i + 1
    while end > verb.i + 1 and verb.doc[end - 1].is_punct and verb.doc[end - 1].tag_ != "NN":
        end -= 1  # not a sign read as a noun: "fell 4 %"
    return end


def subordinate_main(sub: Token) -> Token:
    """The clause a subordinate clause modifies, past a subordinate clause it is coordinated with.

    "... not because X but because Y": the parser may make the second
    "because" clause a conjunct of the first; both modify the main clause.
    """
    main = sub.head
    while sub.dep_ == "conj" and any(c.dep_ == "mark" for c in main.children) and main.dep_ == "advcl" \
            and any(c.dep_ == "mark" for c in sub.children):
        sub, main = main, main.head
    return main


def is_temporal(sub: Token) -> bool:
    """A "since" clause read as time, not reason: "ever since", or a main clause in the perfect."""
    main = sub.head
    marker = next((c for c in sub.children if c.dep_ == "mark"), None)
    if marker is not None and marker.i > 0 and marker.doc[marker.i - 1].lower_ == "ever":
        return True
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in main.children)


def phrase_attachment(phrase) -> Token | None:
    """The token outside a multiword phrase that the phrase hangs on."""
    inside = {t.i for t in phrase}
    for token in phrase:
        head = token.head
        while head.i in inside and head.head.i != head.i:
            head = head.head
        if head.i not in inside:
            return head
    return None


def previous_clause(verb: Token, before: int) -> Token | None:
    """The clause a discourse adverb at ``before`` looks back to.

    A clause of the same sentence that ends before the adverb (a coordinated or
    juxtaposed clause), else the head verb the clause is coordinated with, else
    the main verb of the previous sentence.
    """
    for child in verb.children:
        if child.dep_ in ("ccomp", "conj", "parataxis", "advcl") and child.i < before and child.right_edge.i < before:
            if child.pos_ in ("VERB", "AUX"):
                return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < before:
        return verb.head
    sent = verb.sent
    if sent.start == 0:
        return None
    previous = verb.doc[sent.start - 1].sent
    root = previous.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    return root


def opened_conjunct(head: Token, cc: int) -> Token | None:
    """The coordinated clause a coordinator at index ``cc`` opens, when the parser hangs the coordinator on ``head``.

    In "The harvest failed, so the price rose" the parser makes "so" a ``cc``
    of "failed" and "rose" a ``conj`` of "failed": the clause "so" opens is
    the first verbal conjunct of ``head`` after it. Returns that verb, or
    None when ``head`` has no verbal conjunct after ``cc``.
    """
    after = [c for c in head.children if c.dep_ == "conj" and c.i > cc and c.pos_ in ("VERB", "AUX")]
    return min(after, key=lambda c: c.i) if after else None


def have_subject(noun: Token, words: WordLists) -> Token | None:
    """"X had (a range of) effects on Y": the subject X of the verb that has the noun."""
    current = noun
    for _ in range(3):
        if current.dep_ in ("dobj", "obj") and current.head.lemma_ in words.have_verbs:
            found = subjects(current.head)
            return found[0] if found else None
        if current.dep_ == "pobj" and current.head.lower_ == "of" and current.head.head.lemma_ in words.transparent:
            current = current.head.head
            continue
        return None
    return None


def copula_partner(noun: Token, words: WordLists | None = None) -> Token | None:
    """The other side of "X was the cause of Y" / "the cause of Y was X" / "X is one of the causes of Y" / "the cause of Y lay in X"."""
    words = words or packaged_words()
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in words.by_kind.get("partitive_head", ()):
        noun = noun.head.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "among":
        noun = noun.head
    host = _hyphen_host(noun)
    if host is None and noun.dep_ == "pobj" and noun.head.head.tag_ in ("JJR", "RBR") and noun.head.head.dep_ in ("acomp", "attr"):
        host = noun.head.head  # "was more than a consequence of X"
    if host is not None and host.head.lemma_ in words.by_kind.get("copula", ()):  # "was a by-product of X"
        found = subjects(host.head)
        return found[0] if found else None
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ in words.by_kind.get("copula", ()):
        found = subjects(head)
        return found[0] if found else None
    if noun.dep_ == "nsubj" and head.lemma_ in words.by_kind.get("copula", ()):
        return next((c for c in head.children if c.dep_ == "attr"), None)
    if noun.dep_ == "nsubj" and head.lemma_ in words.by_kind.get("locative_copula", ()):
        # "the roots of Y lay in X": the object of the verb's "in" (lexicon kind locative_copula, OEWN 02659476-v)
        return next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "in" for o in prep_objects(p)), None)
    if noun.dep_ == "appos":
        return head
    return None


def locative_copula_misparse(noun: Token, words: WordLists | None = None) -> tuple[tuple[int, int], Token, Token] | None:
    """For "the roots of Y lie in X" parsed with the present-tense verb as a noun ("[the Y lie] in X", the
    verb the object of "of", Y its compound): ``((start, end) of "the Y", Y, X)``; else None.

    The verb is a word of lexicon kind ``locative_copula`` (OEWN 02659476-v "originate (in)": consist, dwell,
    lie) tagged a noun, with a modifier before it (the real object of "of") and an "in" phrase after it. The
    past "lay" is parsed as a verb and read by :func:`copula_partner`.
    """
    words = words or packaged_words()
    verbs = words.by_kind.get("locative_copula", ())
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for verb in prep_objects(prep):
            if verb.tag_ not in ("NN", "NNS") or (verb.lemma_.lower() not in verbs and verb.lower_ not in verbs):
                continue
            named = [c for c in verb.children if c.i < verb.i and c.dep_ in ("compound", "amod", "nmod", "poss")]
            place = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" and p.i == verb.i + 1
                          for o in prep_objects(p)), None)
            if named and place is not None:
                return (verb.left_edge.i, verb.i), named[-1], place
    return None


def _hyphen_host(noun: Token) -> Token | None:
    """For a hyphenated noun the tokenizer split ("by - product"), the first part, which holds its place."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].text != "-" or doc[noun.i - 1].whitespace_ or doc[noun.i - 2].whitespace_:
        return None
    first = doc[noun.i - 2]
    return first if noun.head.i == first.i and first.dep_ in ("prep", "attr") else None


def participle_event(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """For "the dam broke, causing floods": the main clause's span and the token naming its event.

    A subjectless participial adverbial clause ("..., causing X", "..., leading
    to Y") says what the event of its main clause did; the event is named after
    the main clause's subject when it has one, else its verb. A participle
    coordinated with such a clause ("..., making rapid progress and forcing the
    garrison to surrender"; "..., allowing X, leading to Y") tells another
    result of the same main clause.
    """
    if verb.tag_ == "VBG" and verb.dep_ == "conj" and verb.head.tag_ == "VBG" and verb.head.dep_ == "advcl" \
            and verb.head.i < verb.i and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return participle_event(verb.head)
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return None
    main = verb.head
    span = core_clause_span(main, exclude={t.i for t in verb.subtree})
    named = subjects(main)
    return span, (named[0] if named else main)


def causal_as(phrase, sub: Token, main: Token, words: WordLists) -> bool:
    """Whether "as" introduces a reason or circumstance, not a comparison or a comment.

    Not "as ... as", "such as", "as if", "as well", "as usual"; not an elliptic
    clause without a subject; not a comment ("as he said", "as expected"); not
    when the main clause is itself a comparison ("more than others have done ...
    as it developed"); not a speaker's own time or comment, an "as" clause with
    "I"/"we" as subject ("as we watched the tape", "as I look at the figures");
    not time going by ("as the day wore on": a time noun as the subject of a
    clause that states no state).
    """
    marker = phrase[-1]
    doc = marker.doc
    before = doc[max(marker.sent.start, marker.i - 6):marker.i]
    if any(t.lower_ in words.by_kind.get("as_comparison_before", ()) for t in before[-1:]) or any(t.lower_ == "as" for t in before):
        return False
    after = doc[marker.i + 1] if marker.i + 1 < len(doc) else None
    if after is None or after.lower_ in words.by_kind.get("as_noncausal_after", ()):
        return False
    if after.pos_ == "AUX" and after.dep_ != "nsubj":
        return False  # "as could a charter", "as did the others": an elliptic comparison
    if any(c.dep_ == "mark" and c.lower_ in words.by_kind.get("comparison_mark", ()) for c in main.children):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in sub.children):
        return False
    personal = words.by_kind.get("first_person_pronoun", ())
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in personal for c in sub.children):
        return False
    if sub.lemma_.lower() == "be" and _stative_predicate(sub) and not any(c.dep_ == "xcomp" for c in sub.subtree):
        return True  # "as there were no apprentices", "as the roads were impassable": a state, not a comment
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in words.by_kind.get("time_noun", ()) for c in sub.children):
        return False  # "as the day wore on", "as the years passed": time going by
    return sub.lemma_.lower() not in words.by_kind.get("comment_verb", ())


def _stative_predicate(copula: Token) -> bool:
    """An existential ("there was no X") or a copula with a predicate ("the roads were impassable")."""
    if any(c.dep_ == "expl" for c in copula.children):
        return any(c.dep_ in ("attr", "nsubj", "acomp") for c in copula.children)
    return any(c.dep_ in ("attr", "acomp") for c in copula.children) and any(
        c.dep_ == "nsubj" and c.tag_ != "PRP" and c.lower_ not in packaged_words().by_kind.get("singular_demonstrative", ())
        for c in copula.children)


def is_time_expression(token: Token, words: WordLists) -> bool:
    """A number, date or stretch of time ("after ten years", "following Monday")."""
    return token.like_num or token.pos_ == "NUM" or token.lemma_.lower() in words.by_kind.get("time_noun", ())


def means_clause(verb: Token) -> Token | None:
    """The gerund of "by doing X" on ``verb`` ("caused uproar by expressing support"), if any.

    A fronted "By doing X, they reduced A and built B" is the means of both
    conjoined verbs: a conjunct verb takes its head's fronted means clause.
    """
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            gerund = next((c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
            if gerund is not None:
                return gerund
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        fronted = means_clause(verb.head)
        if fronted is not None and fronted.i < verb.head.i:
            return fronted
    return None


def support_verb(noun: Token, words: WordLists) -> Token | None:
    """The verb of a support-verb construction whose object is ``noun`` ("staged a protest"), if any."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "pobj", "attr"):
        return None
    verb = noun.head if noun.dep_ != "pobj" else noun.head.head  # "went on strike"
    support = words.by_kind.get("support_verb", ())
    if verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in support or verb.lower_ in support):
        return verb
    return None


def resultative_so(token: Token, words: WordLists | None = None) -> bool:
    """"..., so Y": "so" opening a clause after a comma or "and", not "so much", "so that", "so far"."""
    words = words or packaged_words()
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].lower_ not in (",", "and", ";"):
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.pos_ == "DET" and after.dep_ in ("det", "poss") and after.head.dep_ in ("nsubj", "nsubjpass"):
        return True  # "..., so the crown did not ...": a determiner opening the next clause's subject
    return after is not None and after.pos_ not in ("ADJ", "ADV", "DET", "NUM", "PUNCT") and after.lower_ not in words.by_kind.get("so_nonresult_after", ())



def small_clause(verb: Token) -> tuple[Token, Token] | None:
    """For "left the city vulnerable", "kept the mills running": the (subject, predicate) of the verb's small clause.

    The predicate is an adjective or an -ing verb: an object with an object
    predicative or complement ("left [the city] [vulnerable]"), a clausal
    complement with its own subject ("made [the trade profitable]"), or, in
    the passive, the verb's subject with its predicative ("was left empty").
    A bare infinitive ("made them leave") is the causative frame's, and an
    expletive "it" ("made it clear that") names no factor.
    """
    passive = is_passive(verb)

    def predicate_ok(token: Token) -> bool:
        # "were left stranded by the strike": in the passive a past participle is the subject's state
        return token.pos_ == "ADJ" or (token.pos_ == "VERB" and (token.tag_ == "VBG" or (passive and token.tag_ == "VBN")))

    subject = None
    predicate = None
    # a misparse is repaired only when the verb's subject names a factor: "we leave the reel open" instructs
    named_subject = any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp", "acomp") and predicate_ok(child):
            predicate = child
        elif child.dep_ == "ccomp" and predicate_ok(child):
            inner = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if inner is not None:
                subject, predicate = inner, child
            elif child.pos_ == "ADJ" and child.tag_ == "JJ" and named_subject and any(
                    c.dep_ in ("dobj", "obj") and c.i < child.i for c in verb.children):
                # "made a return to Rome impossible": with a phrase after the object the parser hangs the
                # adjective as a clause of its own, without a subject; it is the object's predicative
                predicate = child
    if predicate is None:
        # "leaving hundreds homeless", "left ten dead": the parser hangs the predicate on the object as a
        # modifier after it; an adjective after its noun is the object's predicative, not an attribute
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i):
            after = [c for c in obj.children if c.i > obj.i and c.dep_ == "amod" and c.pos_ == "ADJ"]
            if after and after[0].i == obj.right_edge.i - len(list(after[0].subtree)) + 1 \
                    and not any(c.dep_ == "prep" and c.i < after[0].i for c in obj.children):
                subject, predicate = obj, after[0]
                break
            last = obj.doc[obj.right_edge.i]
            if named_subject and last.pos_ == "ADJ" and last.i > obj.i and last.dep_ == "pobj" and any(
                    c.dep_ == "compound" and c.i < last.i for c in last.children):
                # "made the import of grain unprofitable": the parser takes the noun before the adjective for a
                # compound of it ("[grain unprofitable]"); an adjective heads no object of a preposition, so it
                # is the object's predicative (an adjective the parser hangs after the inner noun is left
                # alone: "a tender offer for the stock outstanding" is a post-nominal attribute)
                subject, predicate = obj, last
                break
    if predicate is None:
        return None
    if subject is None:
        found = passive_subjects(verb) if passive else [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        subject = found[0] if found else None
    if subject is None or subject.lower_ == "it" or subject.i == predicate.i:
        return None
    return subject, predicate


def combination_members(token: Token, words: WordLists) -> list[Token]:
    """The members of "the combination of X and Y" (lexicon kind ``combination``): [X, Y]; else [token].

    A noun that only bundles its of-object's conjuncts ("the conjunction of
    drought and war") is not itself a cause: each member is. An of-object
    without conjuncts is no bundle: in "the convergence of the plates" or
    "an accumulation of debts" the noun names the event, which is the cause.
    """
    if token.lemma_.lower() not in words.by_kind.get("combination", ()):
        return [token]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            found = [c for c in prep.children if c.dep_ == "pobj"]
            if found:
                members = conjuncts(found[0])
                return members if len(members) > 1 else [token]
    return [token]


def content_clause_misparse(verb: Token) -> tuple[Token, Token] | None:
    """(object, predicate) of a noun's content clause whose sentence predicate the parser hung inside it, or None.

    "The claim that the blockade caused the famine is false" is often parsed
    with the noun "claim" as the root, "is" as a clausal complement of
    "caused" and "famine" as the subject of "is". Then the content clause's
    verb (``acl`` of a root noun, with a complementizer) has no object, and a
    complement clause without a complementizer of its own follows it whose
    subject starts right after the verb: that subject is the verb's object,
    and the complement clause is the predicate the sentence states of the noun.
    """
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "ROOT" or verb.pos_ != "VERB":
        return None
    if not any(c.dep_ == "mark" and c.i < verb.i for c in verb.children) or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i or any(c.dep_ == "mark" for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.left_edge.i == verb.i + 1:
            return subject, clause
    return None


def relative_misparse(verb: Token) -> tuple[Token, Token] | None:
    """(antecedent, object) of a relative clause the parser read as a noun phrase.

    "a massacre that hardened demands for independence" is often parsed with
    the verb as an adjective ("hardened" amod of "demands") and "demands" as the
    relative clause. A verb form tagged as an adjectival modifier, right after
    the relative pronoun of that clause, is the clause's verb; the noun it
    modifies is its object and the antecedent its subject.
    """
    if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or verb.i == 0:
        return None
    pronoun = verb.doc[verb.i - 1]
    noun = verb.head
    if pronoun.lower_ not in packaged_words().by_kind.get("relative_pronoun", ()) or pronoun.head.i not in (noun.i, verb.i) or noun.i <= verb.i:
        return None
    if noun.dep_ != "relcl" or noun.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return noun.head, noun


def coordinated_misparse(verb: Token) -> tuple[Token, Token] | None:
    """(subject, object) of a verb coordinated after another verb that the parser read as an adjective.

    "The Dutch seized the islands and undermined Portuguese trade" is often parsed with "undermined" as an
    adjectival modifier of "trade" and "trade" as a conjunct (or object) of "seized". A past verb form
    (tagged ``VBD``/``VBN``) that modifies a noun, right after a coordinator (or a coordinator and an
    adverb: "and thereby", "and so"), with no determiner before it, is the second verb of the clause: the
    noun is its object and the first verb's subject is its subject. None otherwise ("the islands and the
    ruined towns": a determiner; "and weakened trade" with no verb before it).
    """
    if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or verb.i < 2:
        return None
    noun = verb.head
    if noun.i <= verb.i or any(c.dep_ in ("det", "poss", "nummod") and c.i < verb.i for c in noun.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.dep_ == "advmod" and before.head.i in (verb.i, noun.i):
        before = verb.doc[verb.i - 2]
    if before.dep_ != "cc":
        return None
    if noun.dep_ not in ("conj", "dobj"):
        return None
    first = noun.head  # the first verb, or (a conjunct of its object) the object it is coordinated with
    if noun.dep_ == "conj" and first.pos_ in ("NOUN", "PROPN") and first.dep_ == "dobj":
        first = first.head
    if first.pos_ != "VERB" or first.i > verb.i:
        return None
    found = subjects(first)
    return (found[0], noun) if found else None


def measured_time(marker: Token, words: WordLists) -> bool:
    """"two years after X", "a week following X", "shortly after X": a measured stretch of time before the marker.

    A noun of measure ("two years") or an adverb of time (lexicon kind
    ``time_adverb``: "shortly", "soon") right before the marker; not "simply
    because", "partly because".
    """
    holders = [marker, marker.head] if marker.dep_ == "mark" else [marker]
    for holder in holders:
        for child in holder.children:
            if not (marker.i - 3 <= child.i < marker.i):
                continue
            if child.dep_ == "npadvmod" and child.pos_ == "NOUN":
                return True
            if child.dep_ == "advmod" and child.lemma_.lower() in words.by_kind.get("time_adverb", ()):
                return True
    if marker.dep_ == "prep" and marker.head.i < marker.i and marker.head.dep_ == "npadvmod" and marker.head.pos_ == "NOUN":
        return True  # "[two years] after the war": the preposition hangs on the measure noun
    return False


def author_subject(verb: Token, words: WordLists) -> bool:
    """The clause states the author's or the scholarship's method, not an actor's act.

    Its subject is the work or scholarship ("this chapter", "historians":
    lexicon kinds ``self`` and ``cited``), or "I"/"we" with a verb of method
    (kind ``method_verb``: "I use tax rolls to show ..."); a speaker's "we
    took the time to ..." is an act of its own.
    """
    personal = words.by_kind.get("first_person_pronoun", ())
    for subject in subjects(verb):
        if subject.lower_ in personal:
            if verb.lemma_.lower() in words.by_kind.get("method_verb", ()):
                return True
        elif words.in_kinds(subject.lemma_.lower(), ("self", "cited")) or words.in_kinds(subject.lower_, ("self", "cited")):
            return True
    return False


def infinitive_complement(verb: Token) -> Token | None:
    """The to-infinitive of "drove X to flee" however it is attached (xcomp, ccomp or, misread as a purpose, advcl)."""
    for child in verb.children:
        if child.i <= verb.i or child.pos_ not in ("VERB", "AUX"):
            continue
        if child.dep_ in ("xcomp", "ccomp"):
            return child
        if child.dep_ == "advcl" and child.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            objects_before = [c for c in verb.children if c.dep_ == "dobj" and c.i < child.i]
            if objects_before and child.left_edge.i == objects_before[-1].right_edge.i + 1:
                return child
            if not objects_before and any(c.dep_ == "nsubjpass" for c in verb.children):
                by = next((c for c in verb.children if c.dep_ == "agent" and c.i < child.i), None)
                if child.left_edge.i == (by.right_edge.i if by is not None else verb.i) + 1:
                    return child  # "peasants were driven (by hunger) to flee"
    return None


def conjoined_complements(subject: Token, clause: Token) -> list[tuple[Token, tuple[int, int], int]]:
    """The effects of "drove X to sell Y and (to) leave Z": one per coordinated infinitive.

    Each item is (verb, span, own start): the first span runs from the causee
    ``subject`` (or the verb) to the end of the first infinitive; a later
    conjunct's span is its own clause. ``own start`` is where the verb's own
    clause begins, for when the causee cannot be part of the span.
    """
    doc = clause.doc
    conjoined = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                 and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
                 and infinitive_complement(c) is None]  # "to sell and make them leave": "make" has its own
    found = []
    heads = [clause] + conjoined
    for n, head in enumerate(heads):
        start = min(subject.left_edge.i, head.i) if n == 0 else head.left_edge.i
        own_start = head.left_edge.i
        later = [c.left_edge.i for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > head.i]
        if later:  # up to the next coordinated verb, whether it is an effect of its own or not
            end = min(later + [c.i for c in clause.children if c.dep_ == "cc" and c.i > head.i])
        else:
            end = clause_end(head)
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
            end -= 1
        found.append((head, (start, end), own_start))
    return found


def degree_question_end(doc: Doc, span: tuple[int, int], head: int) -> tuple[tuple[int, int], int]:
    """An end without the degree question that asks about it: "how much of the decline" → "the decline".

    ``span`` is (start, end) token indices and ``head`` the end's head; when
    the head is a quantity word with a question adverb ("how much/many",
    tag WRB) and an *of*-phrase, the end is the *of*-phrase's object and the
    span starts after *of*; otherwise both come back unchanged.

    >>> import spacy
    >>> doc = spacy.blank("en")("x")
    >>> degree_question_end(doc, (0, 1), 0)
    ((0, 1), 0)
    """
    quantity = doc[head]
    wh = next((c for c in quantity.children if c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < quantity.i), None)
    of = next((c for c in quantity.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > quantity.i), None)
    target = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if wh is None or target is None or not span[0] <= wh.i < span[1]:
        return span, head
    return (of.i + 1, span[1]), target.i


# -- per-Doc values computed once -----------------------------------------------------------------
#
# ``Doc.text``, ``Doc.noun_chunks``, ``Doc.sents`` and ``Token.sent`` are rebuilt from the tokens on each access;
# the extraction reads each of them in several places. Between :func:`open_doc` and :func:`forget_doc` (the
# whole of :func:`argmine.extraction.extract.extract`, during which the Doc does not change) they are kept for
# that one Doc (a single slot holding the Doc itself, so its identity cannot be reused); for any other Doc the
# helpers below compute the value afresh, exactly as spaCy's attribute would.

_SLOT_DOC = None
_SLOT: dict = {}


def open_doc(doc) -> None:
    """Keep the values of the helpers below for ``doc`` (dropping those of any other Doc) until :func:`forget_doc`.

    The caller vouches that ``doc`` (its tokens, parse and extension values) does not change meanwhile.
    """
    global _SLOT_DOC, _SLOT
    _SLOT_DOC, _SLOT = doc, {}


def forget_doc(doc=None) -> None:
    """Drop the values kept for ``doc`` (for any Doc when None), so that the Doc can be freed, and the subtrees its
    :func:`doc_table` kept (the bulk of a long text's table).

    The table of a Doc of up to :data:`_KEPT_TABLE_TOKENS` tokens stays the last one until the next Doc's
    replaces it: dropping it, and with it the last Doc, at once made the allocator hand the memory back and fetch
    it again for the next Doc (nine times the page faults, 1.4 s more system time over 1,000 short documents).
    A longer Doc's table is dropped with it: kept, it held the previous 100,000-character piece of a book while
    the next was parsed (peak 0.80 GB instead of 0.64).
    """
    global _SLOT_DOC, _SLOT
    if doc is None or _SLOT_DOC is doc:
        _SLOT_DOC, _SLOT = None, {}
    last = _LAST_TABLE[0]
    if last is not None and (doc is None or last[0] is doc):
        if last[2] > _KEPT_TABLE_TOKENS:
            _LAST_TABLE[0] = None
        else:
            last[1].release()


#: the longest Doc (in tokens) whose table :func:`forget_doc` keeps as the last one
_KEPT_TABLE_TOKENS = 10_000


def _kept(doc, name: str, compute):
    if _SLOT_DOC is not doc:
        return compute(doc)
    value = _SLOT.get(name)
    if value is None:
        value = _SLOT[name] = compute(doc)
    return value


def doc_text(doc) -> str:
    """``doc.text`` (kept between :func:`open_doc` and :func:`forget_doc`, and then joined from the token table's
    words and their one space each, without making a ``Token``)."""
    if _SLOT_DOC is not doc:
        return doc.text
    return _kept(doc, "text", _table_text)


def _table_text(doc) -> str:
    table = doc_table(doc)
    return "".join([f"{word} " if space else word for word, space in zip(table.text, table.space)])


def doc_noun_chunks(doc) -> tuple:
    """``tuple(doc.noun_chunks)``: spaCy's base noun phrases in text order (kept while the Doc is open).

    Raises what ``doc.noun_chunks`` raises (ValueError without a dependency parse).
    """
    return _kept(doc, "noun_chunks", lambda d: tuple(d.noun_chunks))


def doc_sentences(doc) -> tuple:
    """``tuple(doc.sents)``: the sentence spans in text order (kept while the Doc is open)."""
    return _kept(doc, "sents", lambda d: tuple(d.sents))


def doc_sentence_of(doc) -> dict[int, int]:
    """Token index -> index of its sentence in :func:`doc_sentences`, for every token (kept while the Doc is open).

    Read-only: while the Doc is open the same dict is returned to every caller.
    """
    return _kept(doc, "sentence_of", lambda d: {i: n for n, sent in enumerate(doc_sentences(d))
                                                for i in range(sent.start, sent.end)})


def token_sentence(token):
    """``token.sent``: the sentence span that holds ``token`` (read from :func:`doc_sentences` while the Doc is open)."""
    doc = token.doc
    if _SLOT_DOC is not doc:
        return token.sent
    return doc_sentences(doc)[doc_sentence_of(doc)[token.i]]


def span_text(span) -> str:
    """``span.text``, sliced from :func:`doc_text` while the Doc is open."""
    doc = span.doc
    if _SLOT_DOC is not doc:
        return span.text
    return doc_text(doc)[span.start_char:span.end_char]


def doc_memo(doc, name: str) -> dict | None:
    """A memo dict ``name`` kept with ``doc``'s values while the Doc is open (:func:`open_doc`), else None."""
    if _SLOT_DOC is not doc:
        return None
    memo = _SLOT.get(("memo", name))
    if memo is None:
        memo = _SLOT[("memo", name)] = {}
    return memo


def tokens_where(doc, attr: int, value: str, flag: int | None = None) -> list:
    """The tokens of ``doc`` whose attribute ``attr`` (a ``spacy.attrs`` id such as ``DEP`` or ``POS``) is the
    string ``value``, or, when ``flag`` (a boolean ``spacy.attrs`` id such as ``LIKE_NUM``) is given, whose flag is
    set; in text order. Read from ``doc.to_array``, so no ``Token`` is made for the others."""
    if not len(doc):
        return []
    wanted = doc.vocab.strings[value] if attr != POS_ATTR else UNIVERSAL_POS[value]
    columns = doc.to_array([attr] if flag is None else [attr, flag])
    if flag is None:
        hits = (columns == wanted).nonzero()[0]
    else:
        hits = ((columns[:, 0] == wanted) | (columns[:, 1] != 0)).nonzero()[0]
    return [doc[int(i)] for i in hits]


class TokenTable:
    """The columns of one parsed Doc as Python lists, read once with ``Doc.to_array``, so that a walk of the
    parse reads list items instead of making a ``Token`` object for every step (``doc[i]``, ``.children``,
    ``.head`` each make new ones).

    Every list has one item per token, indexed by token index: ``head`` (absolute index; a root is its own
    head), ``dep``, ``pos``, ``tag``, ``text``, ``lower``, ``lemma``, ``ent_type`` (``Token.dep_``, ``.pos_``,
    ``.tag_``, ``.text``, ``.lower_``, ``.lemma_``, ``.ent_type_`` as strings), ``lemma_lower``
    (``.lemma_.lower()``), ``is_punct``, ``like_num``, ``space`` (``bool(.whitespace_)``) and ``sent_start``
    (``.is_sent_start`` is ``sent_start[i] == 1``) as bools and ints, and ``children`` (tuples of the child
    indices in text order, as ``Token.children``). The values are those of the Doc when the table was made; a
    Doc that is changed afterwards needs a new table.
    """

    __slots__ = ("head", "dep", "pos", "tag", "text", "lower", "lemma", "ent_type", "lemma_lower", "is_punct",
                 "like_num", "space", "sent_start", "children", "_subtrees", "_edges")

    #: the ``spacy.attrs`` names read, in the order of the columns of ``Doc.to_array``
    _ATTRS = ("HEAD", "DEP", "POS", "TAG", "ORTH", "LOWER", "LEMMA", "ENT_TYPE", "IS_PUNCT", "LIKE_NUM", "SPACY",
              "SENT_START")

    def __init__(self, doc) -> None:
        n = len(doc)
        columns = doc.to_array(_TABLE_ATTRS).T.tolist() if n else [[] for _ in self._ATTRS]
        heads, deps, pos, tags, orths, lowers, lemmas, ents, punct, like_num, space, sent_start = columns
        strings = doc.vocab.strings

        if len(_STRINGS) > 1_000_000:  # bounded: a hash always names the same string, whichever the Doc
            _STRINGS.clear()
            _LOWERED.clear()

        def text_column(values: list[int]) -> list[str]:
            for value in set(values).difference(_STRINGS):
                _STRINGS[value] = strings[value] if value else ""
            return list(map(_STRINGS.__getitem__, values))

        # HEAD holds the offset to the head as an unsigned 64-bit number: a negative offset wraps around
        self.head = [(i + offset) if offset < 2 ** 63 else (i + offset - 2 ** 64) for i, offset in enumerate(heads)]
        self.dep, self.tag, self.text, self.lower, self.lemma, self.ent_type = (
            text_column(deps), text_column(tags), text_column(orths), text_column(lowers), text_column(lemmas),
            text_column(ents))
        self.pos = [_POS_NAMES.get(value, "") for value in pos]
        for lemma in set(self.lemma).difference(_LOWERED):
            _LOWERED[lemma] = lemma.lower()
        self.lemma_lower = list(map(_LOWERED.__getitem__, self.lemma))
        # a sign the tagger reads as a noun ("4 %": the unit of a figure) is no punctuation to trim off a span's edge
        self.is_punct = [bool(p) and tag != "NN" for p, tag in zip(punct, self.tag)]
        self.like_num = list(map(bool, like_num))
        self.space = list(map(bool, space))
        # SENT_START is 1, -1 or 0 as an unsigned number: anything else than 1 is not a start
        self.sent_start = [1 if value == 1 else 0 for value in sent_start]
        kids: list[list[int]] = [[] for _ in range(n)]
        for i, head in enumerate(self.head):
            if head != i:
                kids[head].append(i)
        self.children = [tuple(k) for k in kids]
        self._subtrees: dict = {}  # token index -> its subtree; -1, -2: sentence bounds, coordinated nouns
        self._edges: tuple[list[int], list[int]] | None = None

    def edges(self) -> tuple[list[int], list[int]]:
        """``(left, right)``: for every token, the index of ``Token.left_edge`` and of ``Token.right_edge`` (the
        first and the last token of its subtree), computed for all tokens at the first call."""
        if self._edges is None:
            n = len(self.head)
            left, right = list(range(n)), list(range(n))
            for i in range(n):  # in text order: the first token to reach an ancestor is its left edge
                a = i
                while self.head[a] != a:
                    a = self.head[a]
                    if left[a] <= i:
                        break  # reached before, and so were all above it
                    left[a] = i
            for i in range(n - 1, -1, -1):
                a = i
                while self.head[a] != a:
                    a = self.head[a]
                    if right[a] >= i:
                        break
                    right[a] = i
            self._edges = (left, right)
        return self._edges

    def subtree(self, i: int) -> frozenset[int]:
        """The indices of ``Token.subtree`` of token ``i`` (itself and all its descendants), kept once asked for."""
        found = self._subtrees.get(i)
        if found is None:
            out = {i}
            stack = list(self.children[i])
            while stack:
                j = stack.pop()
                out.add(j)
                stack.extend(self.children[j])
            found = self._subtrees[i] = frozenset(out)
        return found

    def release(self) -> None:
        """Drop the kept subtrees, sentence bounds and edges (they are computed again when asked for)."""
        self._subtrees = {}
        self._edges = None

    def sentence_bounds(self) -> tuple[list[int], list[int]]:
        """``(start, end)``: for every token, the first index of its sentence and the end (exclusive) of it, as
        ``Token.sent`` gives them (a sentence starts where ``Token.is_sent_start`` is true, and at token 0)."""
        found = self._subtrees.get(-1)  # kept with the subtrees, under a key no token has
        if found is None:
            n = len(self.head)
            starts = [i for i in range(n) if i == 0 or self.sent_start[i] == 1]
            start, end = [0] * n, [n] * n
            for k, first in enumerate(starts):
                last = starts[k + 1] if k + 1 < len(starts) else n
                for i in range(first, last):
                    start[i], end[i] = first, last
            found = self._subtrees[-1] = (start, end)
        return found

    def coordinated_nouns(self) -> tuple[int, ...]:
        """Indices of the nouns and proper nouns attached as ``appos`` or ``conj``, in order."""
        found = self._subtrees.get(-2)
        if found is None:
            found = self._subtrees[-2] = tuple(i for i, (dep, pos) in enumerate(zip(self.dep, self.pos))
                                               if dep in ("appos", "conj") and pos in ("NOUN", "PROPN"))
        return found

    def ancestors(self, i: int):
        """The indices of ``Token.ancestors`` of token ``i``: its head, the head's head ... up to the root."""
        while self.head[i] != i:
            i = self.head[i]
            yield i


def _attr_ids(names: tuple[str, ...]) -> list[int]:
    import spacy.attrs

    return [getattr(spacy.attrs, name) for name in names]


_TABLE_ATTRS = _attr_ids(TokenTable._ATTRS)
_STRINGS: dict[int, str] = {}  # string hash -> string, for every table (a hash names one string in any vocab)
_LOWERED: dict[str, str] = {}  # lemma -> its lower case
_POS_NAMES = {value: name for name, value in UNIVERSAL_POS.items()}


#: (Doc, its table, its length) of the last Doc a table was made for outside :func:`open_doc`, one tuple so that
#: threads read a consistent triple
_LAST_TABLE: list = [None]


def doc_table(doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``: kept between :func:`open_doc` and :func:`forget_doc`; otherwise the one
    of the last Doc asked about is kept, so that argmine's components and then the extraction, which see one
    Doc after the other, read it once.

    The caller vouches that the parse of a Doc does not change once a helper has read it (argmine's components
    only add ``Doc._`` values and span groups after the parser).
    """
    if _SLOT_DOC is doc:
        table = _SLOT.get("table")
        if table is None:
            table = _SLOT["table"] = _last_table(doc)
        return table
    return _last_table(doc)


def _last_table(doc) -> TokenTable:
    last = _LAST_TABLE[0]
    if last is not None and last[0] is doc and last[2] == len(doc):
        return last[1]
    table = TokenTable(doc)
    _LAST_TABLE[0] = (doc, table, len(doc))
    return table
