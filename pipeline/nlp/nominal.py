"""Parse helpers for causes and effects that hang outside the usual frames.

- hanging participles: "the depopulation resulting from the war", "called
  the riots spontaneous, arising from hunger" (:func:`participle_host`);
- cause nouns after a verb of regarding: "X should not be regarded as the
  cause of Y" (:func:`regarded_as_partner`);
- a cause noun whose effect is named by a sibling cause noun of the same
  sentence: "X was the deeper cause of Y, while the immediate cause was Z"
  (:func:`sibling_effects`);
- a relative clause extracted across a reporting verb: "a tariff that
  historians have argued caused the slump" (:func:`bridged_antecedent`);
- a necessary condition: "revolts succeeded only when the nobility was
  divided" (:func:`necessary_condition`).

Every function takes spaCy tokens (and the :class:`argmine.nlp.syntax.WordLists`
of ``models/lexicon.jsonl`` where words matter) and returns tokens, or
``None``/``[]`` when the construction is absent; none raises.
"""
from __future__ import annotations


from spacy.tokens import Token

from .rules import Lexicon, load_lexicon
from .syntax import WordLists, conjuncts, packaged_words, is_passive, objects, passive_subjects, prep_objects, subjects

__all__ = ["participle_host", "regarded_as_partner", "weighing_verb", "sibling_effects", "bridged_antecedent",
           "relative_subject", "necessary_condition", "copula_complement", "is_date_phrase", "is_setting_phrase", "without_time", "without_setting",
           "lexicon_words", "with_possessor", "denied_rank"]

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def participle_host(verb: Token) -> list[Token]:
    """What a subjectless participle is said of: the noun it modifies, or its governing clause's argument.

    "the depopulation resulting from the war" (``acl``): [depopulation].
    "Officials called the riots spontaneous, arising from hunger" (``advcl``):
    the governing clause's object [riots], looked for through its
    infinitive complements ("tend to consider them ..."), then the subject of
    an object small clause ("consider [them man-made]"), then the passive
    subject, then the subject. [] for a finite verb or a participle with a
    subject of its own.
    """
    if verb.tag_ not in ("VBG", "VBN") or any(c.dep_ in _SUBJECT_DEPS + ("auxpass", "aux") for c in verb.children):
        return []
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [verb.head]
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    main = verb.head
    chain = [main]
    while True:
        inner = next((c for c in chain[-1].children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if inner is None or inner in chain:
            break
        chain.append(inner)
    for clause in reversed(chain):
        found = [c for c in clause.children if c.dep_ in ("dobj", "obj")]
        if found:
            return found
        small = next((c for c in clause.children if c.dep_ == "ccomp"
                      and not any(m.dep_ == "mark" for m in c.children)), None)
        if small is not None:
            inner_subject = [c for c in small.children if c.dep_ in ("nsubj", "nsubjpass")]
            if inner_subject:
                return inner_subject
    if is_passive(main):
        return passive_subjects(main)
    return subjects(main)


def regarded_as_partner(noun: Token, words: WordLists) -> Token | None:
    """For "X was regarded as the cause of Y" / "they saw X as the root of Y": X (else None).

    ``noun`` is the object of "as" on a verb of regarding (lexicon kind
    ``regard_verb``: consider, regard, see, view, ...). The partner is the
    verb's passive subject, or else its direct object. On a verb of kind
    ``as_copula_verb`` ("X served as a catalyst for Y") it is the subject.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ in ("NOUN", "PROPN"):
        # "older work saw the blockade as the cause of the famine": the parser hung "as" on the object; "overstated
        # the importance of the drought as a cause of X": on the of-object of a weight noun, the object
        holder = verb.head.head if verb.dep_ == "pobj" and verb.head.lower_ == "of" else verb
        if holder.dep_ == "dobj" and holder.head.pos_ == "VERB" and _regarding(holder.head, words):
            return _weighed(holder, words) or verb
        return None
    if verb.pos_ == "VERB" and verb.lemma_.lower() in words.by_kind.get("as_copula_verb", ()):
        found = subjects(verb)  # "the salt tax served as a catalyst for the revolt"
        return found[0] if found else None
    if verb.pos_ != "VERB" or not _regarding(verb, words):
        return None
    if is_passive(verb):
        found = passive_subjects(verb)
    else:
        found = [o for o in objects(verb) if o.i < prep.i]
    return (_weighed(found[0], words) or found[0]) if found else None


def _regarding(verb: Token, words: WordLists) -> bool:
    """A verb of regarding (kind ``regard_verb``) or of over- or understating (``overstate_verb``,
    ``understate_verb``: "overstated X as the trigger of Y")."""
    return words.in_kinds(verb.lemma_.lower(), ("regard_verb", "overstate_verb", "understate_verb"))


def weighing_verb(noun: Token, words: WordLists) -> Token | None:
    """The verb of over- or understating that an "as" phrase with ``noun`` hangs on, directly or through its
    object ("overstated the role of X as the trigger of Y", "overstated X as the cause of Y"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    for verb in (prep.head, prep.head.head, prep.head.head.head, prep.head.head.head.head):
        if verb.pos_ == "VERB":
            return verb if words.in_kinds(verb.lemma_.lower(), ("overstate_verb", "understate_verb")) else None
    return None


def _weighed(noun: Token, words: WordLists) -> Token | None:
    """The of-object of a weight noun (kind ``weight_noun``: "the role / importance of X"), or None."""
    if noun.lemma_.lower() not in words.by_kind.get("weight_noun", ()):
        return None
    return next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"), None)


def copula_complement(noun: Token) -> Token | None:
    """For "the immediate cause was fiscal" / "... was the drought": the predicate of the subject ``noun``."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ not in packaged_words().by_kind.get("being_verb", ()):
        return None
    return next((c for c in head.children if c.dep_ in ("attr", "acomp") and c.i > noun.i), None)


def sibling_effects(noun: Token, lemmas: tuple[str, ...], effect_preps: tuple[str, ...]) -> list[Token]:
    """The effects a cause noun without a complement shares with another cause noun of its sentence.

    "Debt was the deeper cause of the revolts, while the immediate cause was
    fiscal": for the second "cause" (no of-phrase) the objects of the first
    one's of-phrase, [revolts]. The sibling is the nearest other noun of
    ``lemmas`` in the sentence that has a preposition of ``effect_preps``.
    """
    if any(c.dep_ == "prep" and c.lower_ in effect_preps for c in noun.children):
        return []
    siblings = [t for t in noun.sent if t.i != noun.i and t.pos_ == "NOUN" and t.lemma_.lower() in lemmas]
    for sibling in sorted(siblings, key=lambda t: abs(t.i - noun.i)):
        prep = next((c for c in sibling.children if c.dep_ == "prep" and c.lower_ in effect_preps), None)
        if prep is not None:
            found = prep_objects(prep)
            if found:
                return conjuncts(found[0])
    return []


def _reporting(verb: Token, words: WordLists) -> bool:
    return words.in_kinds(verb.lemma_.lower(), ("reporting_verb", "belief_verb", "speech_verb"))


def bridged_antecedent(verb: Token, words: WordLists) -> tuple[Token, Token] | None:
    """(antecedent, reporting verb) of a relative extracted across a reporting verb, else None.

    "a tariff that historians have argued caused the slump": the parser
    leaves "caused" without a subject, hanging it on the main clause (as a
    ``conj``, ``advcl`` or ``ccomp``) right after the relative clause
    "that historians have argued", whose verb reports (lexicon kinds
    ``reporting_verb``, ``belief_verb``, ``speech_verb``) and takes the
    relative pronoun as its object. The cause is the antecedent ("tariff").
    When the parse is right ("that" the subject of the complement clause of
    the relative verb), :func:`relative_subject` reads it.
    """
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children) or verb.i == 0:
        return None
    doc = verb.doc
    previous = doc[verb.i - 1]
    relative = next((a for a in [previous] + list(previous.ancestors) if a.dep_ == "relcl"), None)
    if relative is None or relative.right_edge.i != verb.i - 1 or not _reporting(relative, words):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in relative.children):
        return None
    pronoun = next((c for c in relative.children if c.dep_ in ("dobj", "mark", "nsubj") and c.lower_ in words.by_kind.get("relative_pronoun", ())
                    and c.i < relative.i and c.i == relative.left_edge.i), None)
    if pronoun is None:
        return None
    return relative.head, relative


def relative_subject(verb: Token, words: WordLists) -> tuple[Token, Token] | None:
    """(antecedent, reporting verb) for "rents that historians believe caused the flight", parsed right.

    The verb's subject is a relative pronoun, and the verb is the complement
    clause of a reporting relative clause on the antecedent.
    """
    pronoun = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in words.by_kind.get("relative_pronoun", ())
                    and c.tag_ in ("WDT", "WP")), None)
    if pronoun is None or verb.dep_ != "ccomp" or verb.head.dep_ != "relcl" or not _reporting(verb.head, words):
        return None
    return verb.head.head, verb.head


def _stative(verb: Token, words: WordLists) -> bool:
    """A clause that states a state: a copula, a verb of possession, a passive, the present or the perfect."""
    lemma = verb.lemma_.lower()
    if lemma == "be" or lemma in words.by_kind.get("possession_verb", ()) or verb.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ == "have") for c in verb.children)


def necessary_condition(marker: Token, words: WordLists) -> tuple[Token, Token, Token] | None:
    """(focus word, condition clause, main clause) of "Y only when X", "only if X", "not Y until X", else None.

    ``marker`` is a subordinator (the cue rule's lemmas: when, if, once)
    opening an adverbial clause with a subject of its own; a focus
    word of kind ``necessity_focus`` ("only") sits on the marker or on the
    main verb before the marker ("was only imposed when X"). A prepositional
    "only after 1710" is not a clause and never counts; after "when" and
    "once" (kind ``temporal_condition_marker``) the clause must state a state
    (:func:`_stative`), else it tells a time ("ended only when the police came").
    "Not Y until X" (marker of kind ``negated_condition_marker``) takes the main
    clause's negation ("not", "n't", "never" as dep ``neg``) for its focus.
    """
    if marker.dep_ not in ("advmod", "mark"):
        return None
    sub = marker.head
    if sub.pos_ not in ("VERB", "AUX") or marker.i > sub.i:
        return None
    opens = sub.left_edge.i in (marker.i, marker.i - 1)  # "only where lords ...": the parser may call it a ccomp
    if sub.dep_ != "advcl" and not (sub.dep_ == "ccomp" and opens and marker.tag_ == "WRB" and not words.in_kinds(
            sub.head.lemma_.lower(), ("question_verb", "speech_verb", "reporting_verb", "belief_verb", "comment_verb"))):
        return None  # "asked only where the lords lived" is an embedded question
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") and (t.head.i == sub.i or t.head.head.i == sub.i and
               t.head.dep_ in ("aux", "auxpass")) for t in sub.subtree):
        return None  # "only when necessary" is no clause; the parser may hang the subject on the auxiliary
    main = sub.head
    if main.pos_ not in ("VERB", "AUX"):
        return None
    if marker.lower_ in words.by_kind.get("negated_condition_marker", ()):
        # "the sanctions cannot be lifted until X": the main clause's negation is the focus
        return next(((c, sub, main) for c in main.children if c.dep_ == "neg" and c.i < marker.i), None)
    if marker.lower_ in words.by_kind.get("temporal_condition_marker", ()) and not _stative(sub, words):
        return None  # "it ended only when the police cleared the plant": a time, not a condition
    focus_words = words.by_kind.get("necessity_focus", ())
    focus = next((c for c in marker.children if c.lower_ in focus_words), None)
    if focus is None and marker.i > 0 and marker.doc[marker.i - 1].lower_ in focus_words:
        focus = marker.doc[marker.i - 1]
    if focus is None:
        focus = next((c for c in main.children if c.dep_ == "advmod" and c.lower_ in focus_words and c.i < marker.i), None)
    if focus is None:
        return None
    return focus, sub, main


def _year(token: Token) -> bool:
    """A year written as a number ("1710", "1850s")."""
    text = token.text.rstrip("s")
    return token.like_num and text.isdigit() and len(text) == 4 and 1000 <= int(text) <= 2099


def _timely(tokens, words: WordLists) -> bool:
    """Every noun of ``tokens`` names a time or a part of one ("by the middle of the 19th century"), and one is a time."""
    times = words.by_kind.get("time_noun", ())
    parts = words.by_kind.get("time_part", ())
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "NUM")]
    timed = [t for t in nouns if _year(t) or t.lemma_.lower() in times]
    return bool(timed) and all(_year(t) or t.lemma_.lower() in times or t.lemma_.lower() in parts
                               or (t.like_num and t.pos_ == "NUM") for t in nouns)


def is_date_phrase(head: Token, words: WordLists) -> bool:
    """Whether the noun phrase of ``head`` names a time and nothing else.

    A year ("in 1998"), a phrase whose nouns are all times or parts of one
    ("in the spring of 1848", "at the end of the decade": lexicon kinds
    ``time_noun``, ``time_part``), or a name followed by a year ("May 1941",
    "Easter 1916": a year can date a name, never describe it).
    """
    tokens = list(head.subtree)
    if _timely(tokens, words):
        return True
    return head.pos_ == "PROPN" and any(_year(c) and c.dep_ == "nummod" for c in head.children) \
        and all(t.i == head.i or _year(t) or t.is_punct for t in tokens)


def without_time(span: tuple[int, int], keep: int, doc, words: WordLists) -> tuple[int, int]:
    """``span`` without the time phrases at its edges; ``keep`` (the end's head) always stays inside.

    At the start: a year ("1710 high population pressure") and a
    prepositional phrase of time ("by the middle of the 19th century, X ...";
    its nouns are times, lexicon kind ``time_noun``, or parts of one, kind
    ``time_part``). At the end: a when-clause after a time noun ("... in the
    sixteenth century, when the gulf had widened"). Returns ``(start, end)``,
    end-exclusive; the span unchanged when nothing is cut.
    """
    start, end = span
    changed = True
    while changed and start < end:
        changed = False
        first = doc[start]
        if _year(first) and start + 1 < end and start + 1 <= keep:
            start += 1
            changed = True
        elif first.dep_ == "prep" and first.i != keep:
            stop = first.right_edge.i + 1
            if stop < end and stop <= keep and first.left_edge.i == start and _timely(doc[start + 1:stop], words):
                start = stop
                changed = True
        while start < end and start < keep and (doc[start].is_punct or doc[start].dep_ in ("cc", "mark")):
            start += 1
    for token in doc[start:end]:
        if token.lower_ != "when" or token.tag_ != "WRB" or token.i <= keep:
            continue
        clause = token.head
        if clause.left_edge.i != token.i or not all(t.is_punct for t in doc[clause.right_edge.i + 1:end]):
            continue  # only a when-clause that closes the span
        before = token.i - 1
        while before > start and doc[before].is_punct:
            before -= 1
        if before > keep and doc[before].lemma_.lower() in words.by_kind.get("time_noun", ()):
            cut = token.i
            while cut > start and doc[cut - 1].is_punct:
                cut -= 1
            return (start, cut)
    return (start, end)


def is_setting_phrase(prep: Token, words: WordLists) -> bool:
    """Whether ``prep`` heads a phrase of place: a preposition of lexicon kind ``setting_prep`` whose object is a
    place (:func:`_place`): "in the hills", "on the northern coast". Such a phrase says where, not what, and
    stays out of a verb cue's noun end (:func:`without_setting`)."""
    return prep.lower_ in words.by_kind.get("setting_prep", ()) and _place(prep, words)


def _place(prep: Token, words: WordLists) -> bool:
    """The object of ``prep`` is a place: its head noun (and each noun coordinated with it) has its first WordNet
    sense among locations, natural objects and parts of the body (lexicon kind ``place_noun``: "the landing
    beaches", "the left side of the roof"). A name is not judged (the pipeline runs no entity recognizer)."""
    places = words.by_kind.get("place_noun", ())
    heads = [o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
    return bool(heads) and all(t.pos_ == "NOUN" and t.lemma_.lower() in places for t in heads)


def without_setting(span: tuple[int, int], keep: int, doc, words: WordLists) -> tuple[int, int]:
    """``span`` without the phrases of place that close it: "cracks in the valley floor" -> "cracks".

    A noun phrase that ends an argument may close with prepositional phrases
    that set its noun in a place ("heavy damage on the northern coast", "a
    blister on the left heel"): they say where the thing was, not what it
    was, and are left out. Cut, from the end and repeatedly: a phrase of a
    setting preposition (lexicon kind ``setting_prep``: "in", "on", "at",
    "near", ...) that hangs on a noun of the span at or after ``keep``, runs
    to the span's end, and whose object is a place (:func:`_place`). Not cut:
    an end whose head ``keep`` is no noun, name, number or gerund used as a
    noun (a clause keeps its adverbials); an end whose head has a conjunct after the span ("damage at
    the site and the roads nearby" parsed as two members: the members are
    joined again, see :func:`argmine.batch.links.stated_relations`); a
    phrase with a conjunct beyond the span (the list goes on); a phrase after
    a comma (inside an elaboration: "300 deaths, including forty children in
    the lower town"). ``keep``
    always stays inside. Returns end-exclusive token offsets ``(start,
    end)``, the span unchanged when nothing is cut.
    """
    start, end = span
    head = doc[keep]
    gerund = head.tag_ == "VBG" and head.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj")  # "caused by clogging of X"
    if not start <= keep < end or (head.pos_ not in ("NOUN", "PROPN", "NUM") and not gerund) \
            or any(c.i >= end for c in head.conjuncts):
        return span
    preps = words.by_kind.get("setting_prep", ())
    changed = True
    while changed:
        changed = False
        last = end
        while last > keep + 1 and doc[last - 1].is_punct and doc[last - 1].tag_ != "NN":
            last -= 1
        for token in doc[keep + 1:last]:
            if token.dep_ != "prep" or token.lower_ not in preps or token.right_edge.i + 1 != last:
                continue
            host = token.head
            if host.pos_ not in ("NOUN", "PROPN", "NUM") or not keep <= host.i < token.i:
                continue
            if any(t.text == "," for t in doc[keep:token.i]):
                continue  # "300 deaths, including forty children in the lower town": inside a comma-set elaboration
            if any(c.i >= end for t in token.subtree for c in t.conjuncts):
                continue  # "in the north, the west and the south": the list runs on past the span
            if _place(token, words):
                cut = token.i
                while cut > keep + 1 and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
                    cut -= 1
                end, changed = cut, True
                break
    return (start, end)


def lexicon_words(lexicon: Lexicon | None = None) -> WordLists:
    """The :class:`WordLists` of ``lexicon`` (default: the packaged :func:`argmine.nlp.rules.load_lexicon`), made once."""
    return WordLists.of(lexicon or load_lexicon())


def _apostrophe_possessor(head: Token) -> Token | None:
    """"the merchants’ activities": a noun the parser hung on ``head`` as ``nmod`` before a bare apostrophe."""
    doc = head.doc
    for child in head.children:
        if child.dep_ == "nmod" and child.pos_ in ("NOUN", "PROPN") and child.i + 1 < head.i:
            mark = doc[child.i + 1]
            if mark.text in ("’", "'") and mark.head.i == head.i and not child.whitespace_:
                return child
    return None


def with_possessor(span: tuple[int, int], head: Token) -> tuple[int, int]:
    """``span`` widened to a possessor the parser split off with a curly apostrophe ("the merchants’ activities")."""
    owner = _apostrophe_possessor(head)
    if owner is None or not span[0] <= head.i < span[1] or span[0] != owner.i + 2:
        return span
    start = owner.left_edge.i
    doc = head.doc
    if start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].head.i == head.i:
        start -= 1  # "the merchants’ activities": the article hangs on the possessed noun
    return (start, span[1])


def denied_rank(noun: Token, words: WordLists) -> bool:
    """"X was not the root / the main cause of Y": a ranked cause noun under a negated copula or verb of regarding.

    The noun or one of its modifiers is of lexicon kind ``ranked_cause``
    (root, origin, main, sole, ...), and the verb that states it ("was",
    "be regarded") has a ``neg``. Denying the rank leaves the plain link
    open, so the denied effect is the ranked noun phrase itself.
    """
    ranked = words.by_kind.get("ranked_cause", ())
    if any(c.lower_ in words.by_kind.get("exclusive", ()) for c in noun.children):
        return False  # "not the only cause of Y": the exclusive focus makes it positive and contributory
    if noun.lemma_.lower() not in ranked and not any(
            c.dep_ == "amod" and c.lower_ in ranked for c in noun.children):
        return False
    verb = noun.head
    if verb.dep_ == "prep":  # "regarded as the root of"
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in verb.children)
