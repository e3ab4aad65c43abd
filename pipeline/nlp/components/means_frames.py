"""Frames of means and purpose: "by doing X", "through X", instruments, "the only way to", lack of means, purposes and their links.

The methods of :class:`MeansFrames` are mixed into
:class:`argmine.nlp.components.causal.CausalLinkFinder`, which gives them ``self.words``,
``self.by_lemma`` and the shared helpers they call; each frame yields
:class:`~argmine.nlp.components.causal.TokenLink` records (or ``None`` for a cue it read and rejected).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Span, Token

from .. import syntax
from ..rules import CueRule
from .token_link import TokenLink

__all__ = ["MeansFrames"]


class MeansFrames:
    """Frames of means and purpose (a mixin of the causal link finder)."""

    def _reads_means(self, verb: Token) -> bool:
        """The verb is a cue whose own frame reads a "by doing X" on it (verb, verb_prep)."""
        return any(r.frame in ("verb", "verb_prep") for r in self.by_lemma.get(verb.lemma_.lower(), ()))

    def _cue_verb(self, verb: Token) -> bool:
        return any(r.frame in ("verb", "verb_prep", "causative", "resultative", "verb_clause")
                   for r in self.by_lemma.get(verb.lemma_.lower(), ()))

    def _means(self, rule: CueRule, prep: Token) -> Iterator[TokenLink | None]:
        """"By debasing the coin, the crown paid its troops and raised prices": the means (the gerund) -> each end.

        The end is the verb the by/through/via phrase hangs on and every conjoined
        verb without a subject of its own. A causal verb's end is its object
        ("raised prices" -> prices); another verb's end is its clause ("paid its
        troops"), and only when the phrase comes first: set before the clause,
        "By V-ing" names the means to an end; after a verb that is no cue it
        tells the manner of the act ("he heated the wax by holding it over a
        flame"). A verb whose own frame reads the means ("caused X by doing Y")
        is left to that frame.
        """
        if prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
            return
        gerund = next((c for c in prep.children if c.dep_ in ("pcomp", "pobj") and c.tag_ == "VBG"), None)
        verb = prep.head
        if not self._asserted_clause(verb) or syntax.is_passive(verb):
            return
        if gerund is None:
            yield from self._acquired_through(rule, prep, verb)
            return
        if verb.lemma_.lower() == "be":
            yield from self._way_through(rule, prep, verb, gerund)
            return  # "this is done by X": no end of its own
        if syntax.author_subject(verb, self.words):
            return  # "we proceed by comparing": method, not means to an end
        means = (syntax.clause_span(gerund), gerund)
        ends = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and not any(s.dep_ in ("nsubj", "nsubjpass", "csubj") for s in c.children)]
        for end in ends:
            if end.i == verb.i and self._reads_means(end):
                continue
            if self._cue_verb(end):
                for obj in syntax.objects(end):
                    for e in syntax.conjuncts(obj):
                        yield self._make_event(rule, (prep.i, prep.i + 1), means, e)
                continue
            if not any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "ccomp", "oprd") or (c.dep_ in ("prep", "prt") and c.i != prep.i)
                       for c in end.children):
                continue  # "we proceed by comparing X" names no end
            if prep.i > verb.i:
                continue  # "she warmed the milk by stirring it": after a verb that is no cue, a manner of acting
            skip = {t.i for t in prep.subtree} | {t.i for c in end.children if c.dep_ in ("nsubj", "conj", "cc", "punct")
                                                   for t in c.subtree}
            effect = syntax.core_clause_span(end, exclude=skip)
            yield TokenLink(rule.id, (prep.i, prep.i + 1), means[0], effect, gerund.i, end.i,
                            rule.strength, rule.polarity, rule.confidence)

    def _way_through(self, rule: CueRule, prep: Token, copula: Token, gerund: Token | None) -> Iterator[TokenLink | None]:
        """"One way the guilds won this influence was through lending": the means -> what the way led to.

        The way noun (``way_means`` rule words) is the copula's subject with the
        verb in a relative clause, or (a common misparse) an adverbial noun of
        that verb, with the copula hung on the verb.
        """
        ways = {w for r in self.rules if r.frame == "way_means" for w in r.lemmas}
        verb = None
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in ways:
            verb = next((c for c in subject.children if c.dep_ == "relcl" and c.pos_ == "VERB"), None)
        elif copula.dep_ in ("advcl", "ccomp") and copula.head.pos_ == "VERB" and any(
                c.dep_ in ("npadvmod", "nsubj") and c.lemma_.lower() in ways for c in copula.head.children):
            verb = copula.head
        if verb is None:
            return
        means = [gerund] if gerund is not None else [o for o in syntax.prep_objects(prep) if o.pos_ == "NOUN"]
        ends = syntax.objects(verb) if verb.lemma_.lower() in self.words.by_kind.get("acquisition_verb", ()) else [verb]
        for m in means:
            for end in ends:
                for e in syntax.conjuncts(end):
                    if e.pos_ == "VERB":
                        if not any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "ccomp", "oprd", "prt") for c in e.children):
                            continue  # "the way he spoke was by shouting": a manner, no end
                        skip = {copula.i} | {t.i for t in prep.subtree} | {t.i for c in e.children if c.dep_ in ("nsubj", "npadvmod", "advcl")
                                                                for t in c.subtree}
                        yield TokenLink(rule.id, (prep.i, prep.i + 1), syntax.arg_span(m), syntax.clause_span(e, exclude=skip),
                                        m.i, e.i, rule.strength, rule.polarity, rule.confidence)
                    else:
                        yield self._make(rule, (prep.i, prep.i + 1), m, e)

    def _acquired_through(self, rule: CueRule, prep: Token, verb: Token) -> Iterator[TokenLink | None]:
        """"The guilds won their charters through loans to the crown": the means noun -> what was won (lexicon kind acquisition_verb)."""
        if verb.lemma_.lower() not in self.words.by_kind.get("acquisition_verb", ()):
            return
        gained = [o for o in syntax.objects(verb) if o.i < prep.i]
        means = [o for o in syntax.prep_objects(prep) if o.pos_ == "NOUN" and o.lemma_.lower() not in self.words.by_kind.get("time_noun", ())]
        for m in means:
            for g in gained:
                for c in syntax.conjuncts(m):
                    for e in syntax.conjuncts(g):
                        yield self._make(rule, (prep.i, prep.i + 1), c, e)

    def _instrument(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        """"The garrison needed grain to hold the fort": what is needed (used, relied on) -> the infinitive's end.

        The thing is the object, or the object of ``rule.prep`` ("relied on
        bankers to X"); the infinitive is its purpose (a motive, not an
        achieved effect). With ``lack`` (``rule.polarity`` negative) the end
        was not reached for want of the thing. A person as the object of a verb
        that is also a causative cue ("required the tenants to pay") is that
        frame's causee, not a thing used.
        """
        if verb.pos_ != "VERB" or not self._asserted_clause(verb) or syntax.author_subject(verb, self.words):
            return
        things = [c for c in verb.children if c.dep_ == "dobj"]
        if syntax.is_passive(verb):  # "the famine was used (by the governor) to justify a levy"
            things += [c for c in verb.children if c.dep_ == "nsubjpass"]
        if rule.prep:
            things += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in rule.prep for o in syntax.prep_objects(c)]
        things = [t for t in things if t.pos_ in ("NOUN", "PROPN", "VERB")]
        if any(r.frame == "causative" for r in self.by_lemma.get(verb.lemma_.lower(), ())):
            # "the law required landlords to repair X": a person under a verb of obliging is the causee of the
            # causative frame, not a means ("required a ventilator to breathe" stays an instrument)
            things = [t for t in things if not (t.dep_ == "dobj" and self._person(t))]
        if not things:
            return
        last = max(t.right_edge.i for t in things)
        clause = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and c.i > last
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if clause is None:
            clause = next((c for t in things for c in t.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if clause is None:  # "used X in order to do Y": the infinitive hangs on the noun of a purpose phrase
            clause = next((c for p in verb.children if p.dep_ == "prep" and p.i > last for o in p.children
                           if o.dep_ == "pobj" for c in o.children if c.dep_ == "acl" and c.tag_ == "VB"
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                           and self._purpose_phrase(verb.doc[p.i:c.i])), None)
        if clause is None:
            return
        ends = [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        for thing in things:
            for c in syntax.conjuncts(thing):
                for end in ends:
                    skip = {t.i for k in end.children if k.dep_ in ("conj", "cc") for t in k.subtree}
                    yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c), syntax.clause_span(end, exclude=skip),
                                    c.i, end.i, rule.strength, rule.polarity, rule.confidence)

    def _way_means(self, rule: CueRule, noun: Token) -> Iterator[TokenLink | None]:
        """"Requisitioning was the (only) way to feed the garrisons": the subject -> the infinitive's end (and its conjuncts)."""
        if noun.dep_ != "attr" or noun.head.lemma_ != "be":
            return
        clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.tag_ == "VB"
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "csubj")), None)
        if clause is None or subject is None or self._actor(subject):
            return
        if any(c.dep_ == "neg" for c in noun.head.children):
            return  # factuality reads "was not the way to X" from the clause
        for end in [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
            skip = {t.i for k in end.children if k.dep_ in ("conj", "cc") for t in k.subtree}
            for c in syntax.conjuncts(subject):
                yield TokenLink(rule.id, (noun.i, noun.i + 1), syntax.arg_span(c), syntax.clause_span(end, exclude=skip),
                                c.i, end.i, rule.strength, rule.polarity, rule.confidence)

    def _purpose(self, rule: CueRule, phrase: Span) -> Iterator[TokenLink | None]:
        to = phrase[-1]
        verb = to.head
        if to.dep_ != "aux" or verb.pos_ != "VERB" or verb.tag_ != "VB":
            return
        if verb.dep_ == "advcl":
            main = verb.head
        elif len(phrase) > 1 and verb.dep_ in ("acl", "relcl", "xcomp") and verb.head.i in range(phrase.start, phrase.end):
            main = syntax.phrase_attachment(phrase)  # "in a bid to X", "in order to X"
        elif len(phrase) == 1 and verb.dep_ in ("acl", "relcl") and verb.head.i == verb.left_edge.i - 1:
            main = self._purpose_host(verb.head, verb)
            if main is None:
                return
        elif len(phrase) == 1 and verb.dep_ == "xcomp" and self._purpose_xcomp(verb):
            main = verb.head  # "barged in to break up the meeting": the parser's xcomp of a verb that takes no infinitive
        else:
            return
        if main is None or main.pos_ not in ("VERB", "AUX") or (main.lemma_ in self.words.control_verbs and syntax.adjacent(main, to)):
            return
        if syntax.author_subject(main, self.words):
            return  # "this chapter uses court records to explore X": the author's design, not a link
        if main.lemma_.lower() in self.words.by_kind.get("possession_verb", ()):
            return  # "lacked the means to enforce X": the infinitive says what the means are for
        if any(next(self._instrument(r, main), None) for r in self.by_lemma.get(main.lemma_.lower(), ()) if r.frame == "instrument"):
            return  # "relied on bankers to finance the war": the instrument frame reads it
        if not self._purpose_clause(verb, main):
            return
        cause_span = self._motive_span(verb)
        if len(phrase) > 1:
            cause_span = (min(cause_span[0], phrase.start), cause_span[1])
        effect_span = self._main_clause_span(main, exclude={t.i for t in verb.subtree} | set(range(phrase.start, phrase.end)))
        yield TokenLink(rule.id, (phrase.start, phrase.end), cause_span, effect_span, verb.i, main.i,
                        rule.strength, rule.polarity, rule.confidence)

    def _purpose_xcomp(self, infinitive: Token) -> bool:
        """Whether the infinitive the parser hung as ``xcomp`` on a verb is an adverbial of purpose, not a complement.

        A verb of the lexicon kind ``control_verb`` ("decided to", "worked to",
        "demanded to") takes the infinitive as its complement, and a causative
        cue verb ("forced them to") as its causee's act; a copula or auxiliary
        ("is to") and a verb with an object before the infinitive ("urged the
        crowd to disperse": object control) are left alone. After any other verb
        whose subject is no concrete thing (an artifact, animal or plant, lexicon kind
        ``concrete_noun``: "the boat departs at eight to arrive by ten" is no
        purpose; "the workers barged in to break up the meeting" is) the
        infinitive says what the act was for, when an adverbial (an adverb, a
        particle, a prepositional phrase) stands between the verb and the
        infinitive: a complement comes before the verb's adjuncts, so an
        infinitive after them is an adjunct too (right after an unknown verb,
        "she longed to leave", it may be the complement). Not an infinitive
        of a question ("did not know whom to ask"), nor after a light verb, a
        passive, or a verb whose person through a preposition is the one asked
        to act ("called on him to").
        The verb is matched by its lemma or, where the lemmatizer missed,
        its inflected form ("hopes" read as "hop"; :func:`_inflected_from`).
        """
        main = infinitive.head
        if main.pos_ != "VERB" or main.i > infinitive.i or _inflected_from(main, self.words.control_verbs):
            return False
        if syntax.is_passive(main) or _inflected_from(main, self.words.by_kind.get("light_verb", ())):
            return False
        if not any(c.dep_ in ("prep", "advmod", "npadvmod", "prt") and main.i < c.i < infinitive.i for c in main.children):
            return False  # "she longed to leave": right after its verb an infinitive may be the verb's complement
        if any(c.dep_ == "prep" and c.i < infinitive.i and any(self._agent(o) for o in syntax.prep_objects(c))
               for c in main.children):
            return False  # "called on him to release X": object control through a preposition
        if any(r.frame in ("causative", "verb", "verb_prep", "resultative") for r in self.by_lemma.get(main.lemma_.lower(), ())):
            return False
        if any(c.tag_.startswith("W") and c.i < infinitive.i for c in infinitive.subtree):
            return False  # "did not know whom to check": a question, not a purpose
        subjects = syntax.subjects(main)
        if not subjects or any(self._thing(s) for s in subjects):
            return False  # a thing does not act for an end ("the boat departs at eight to arrive by ten"); a headline's
            # noun read as a verb ("Strike to go on") has no subject at all
        return not any(c.dep_ in ("dobj", "dative", "ccomp") and c.i < infinitive.i for c in main.children)

    def _purpose_host(self, noun: Token, infinitive: Token) -> Token | None:
        """The act whose purpose ``infinitive``, which the parser hung on ``noun``, states, or None.

        "The guilds held a meeting to discuss the levy" (a support verb and its
        event noun: the meeting is the act) and "they marched on Sunday to
        demand X" (a time expression is no noun an infinitive describes): the
        verb. Not "the right to vote", "a plan to build", "launched an attempt to
        seize X" (a noun of kind ``infinitive_complement_noun``): there the
        infinitive says what the noun is.
        """
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        if noun.lemma_.lower() in self.words.by_kind.get("infinitive_complement_noun", ()):
            return None  # "launched an attempt to seize X": the infinitive states what the attempt is
        act = syntax.support_verb(noun, self.words)
        if act is not None:
            return act
        head = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ not in ("pobj", "npadvmod") or head.pos_ not in ("VERB", "AUX"):
            return None
        if syntax.is_time_expression(noun, self.words) or noun.ent_type_ in ("DATE", "TIME"):
            return head
        # "waded into the river on an elephant to visit X", "worked with the authorities to settle X": a person,
        # group, place or thing in an adverbial phrase has no content an infinitive could state; not
        # "the first man to cross", nor "a house to live in" (an infinitive relative)
        ranked = any(c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or c.lemma_.lower() in self.words.by_kind.get("exclusive", ())
                     for c in noun.children)
        last = infinitive.right_edge
        while last.i > infinitive.i and last.is_punct:
            last = last.doc[last.i - 1]
        stranded = last.tag_ in ("IN", "RP")
        if not ranked and not stranded and (self._concrete(noun) or self._agent(noun)
                                            or noun.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP")):
            return head
        return None

    def _purpose_phrase(self, words: Span) -> bool:
        """Whether ``words`` (up to an infinitive) is a multiword cue of a purpose rule ("in order to", "so as to")."""
        text = " ".join(t.lower_ for t in words if not t.is_space)
        return any(text == lemma for rule in self.rule_by_id.values() if rule.frame == "purpose"
                   for lemma in rule.lemmas if " " in lemma)

    def _purpose_clause(self, verb: Token, main: Token) -> bool:
        """Whether the infinitive ``verb`` on ``main`` is an end the agent acts for, not a complement of another kind.

        Not the complement of a causative verb after its causee ("caused the
        bridge to collapse"), not the measure of a degree ("held out long enough for the relief to
        arrive", "too weak to hold": lexicon kind ``degree_complement``), not
        the complement of a verb that takes "for X to V" ("waited for the
        fleet to sail": ``for_complement_verb``), and not an infinitival
        relative whose preposition lacks its object ("dug a channel for the
        water to run in", "a pile of debts to contend with"), and not the
        extraposed subject of an "it" clause with a predicate adjective or noun
        ("it was hard for the farms to survive", "it was natural for some to
        resign", "it is the custom to ring the bells": lexicon kind ``expletive_predicate``), which says what is hard or
        customary, not what an agent acted for; and not the
        infinitive of "take" + a stretch of time ("took ten years to rebuild the
        walls": lexicon kind ``duration_verb``); and not the infinitive right
        after an object that is a relational noun ("reduced the means of the
        farmers to pay their debts": lexicon kind ``relational_noun``), which
        completes the noun; nor the infinitive right after an object whose noun
        takes an infinitive complement ("made an attempt to cross", "swore a
        vow to accept": lexicon kind ``infinitive_complement_noun``,
        ``models/complement_nouns.jsonl``), which states the noun's content.
        """
        if main.lemma_.lower() in self.words.by_kind.get("expletive_predicate", ()) \
                and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in main.children) \
                and any(c.dep_ in ("acomp", "attr") and c.i < verb.i for c in main.children):
            return False
        if any(r.frame == "causative" for r in self.by_lemma.get(main.lemma_.lower(), ())) \
                and getattr(syntax.infinitive_complement(main), "i", None) == verb.i \
                and not (verb.dep_ == "advcl" and main.lemma_.lower() in self.words.by_kind.get("bare_causative", ())):
            return False  # "the flood caused the bridge to collapse": the causative frame's complement
        degree = self.words.by_kind.get("degree_complement", ())
        if any(t.lower_ in degree and not (t.i == c.i and t.i < main.i)
               for c in main.children if c.i < verb.i and c.dep_ in ("advmod", "acomp", "oprd", "dobj")
               for t in c.subtree):
            return False  # not a degree word standing alone before the verb: "the workers too came out to X" is "also"
        if main.lemma_.lower() in self.words.by_kind.get("duration_verb", ()) and any(
                syntax.is_time_expression(c, self.words) and (c.dep_ == "dobj" or (c.dep_ == "npadvmod" and any(
                    m.dep_ in ("nummod", "det", "amod", "quantmod") for m in c.children)))
                for c in main.children):  # a stretch of time as object: "the time", "ten years"; not "yesterday"
            return False  # "took ten years to rebuild the walls": the time the infinitive needs, not a purpose
        if self._completes_relational_object(main, verb):
            return False  # "reduced the means of the farmers to pay their debts": the infinitive completes the noun
        complement_nouns = self.words.by_kind.get("infinitive_complement_noun", ())
        if any(c.dep_ == "dobj" and c.lemma_.lower() in complement_nouns and c.right_edge.i + 1 == verb.left_edge.i
               for c in main.children):
            return False  # "swore a vow to accept the terms": the infinitive states the vow, not why it was sworn
        subject_for = any(c.dep_ == "mark" and c.i < verb.i for c in verb.children)
        if subject_for and main.lemma_.lower() in self.words.by_kind.get("for_complement_verb", ()):
            return False
        return not any(c.dep_ == "prep" and c.i > verb.i and c.i == c.right_edge.i and not any(c.children)
                       for c in verb.children)

    def _lack_means(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        """"X lacked the means / capacity / power to V": X's want of a means keeps V from happening.

        The verb's object must be one of ``rule.object``; the effect is the
        infinitive clause hanging on the object or on the verb. The link's
        polarity is the rule's (negative: a negative enabling of V).
        """
        if verb.pos_ != "VERB" or not self._asserted_clause(verb) or syntax.is_passive(verb):
            return
        obj = next((c for c in verb.children if c.dep_ == "dobj" and (c.lemma_.lower() in rule.object or c.lower_ in rule.object)), None)
        if obj is None:
            return
        infinitives = [c for holder in (obj, verb) for c in holder.children
                       if c.dep_ in ("acl", "advcl", "xcomp", "relcl") and c.pos_ in ("VERB", "AUX") and c.i > obj.i
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        if not infinitives:
            return
        clause = infinitives[0]
        cue = {verb.i, obj.i} | {t.i for t in obj.subtree if t.i < clause.left_edge.i}
        effect_span = syntax.clause_span(clause)
        for cause in syntax.subjects(verb):
            for c in self._members(cause):
                yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c, exclude=cue), effect_span, c.i, clause.i,
                                rule.strength, rule.polarity, rule.confidence, (obj.i,))

    def _means_links(self, rule: CueRule, verb: Token, means: Token, extra: Iterable[int] = ()) -> Iterator[TokenLink | None]:
        """"A caused B by doing C": A brings about C (the means), which brings about B: the A -> C link.

        A does C whatever the cue says of B: the link is positive even when the
        cue is negative ("the king averted a revolt by lowering taxes").
        """
        reflexive = any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in means.children)
        for cause in syntax.subjects(verb):
            if self._actor(cause) or reflexive:
                continue  # "by uncoupling themselves, the colonists reduced X": the actor does not cause its own means
            for c in self._members(cause):
                if c.i in {t.i for t in means.subtree}:
                    continue
                cue_tokens = {verb.i} | set(extra)
                means_span = syntax.clause_span(means, exclude=cue_tokens)
                yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c, exclude=cue_tokens), means_span,
                                c.i, means.i, rule.strength, "positive", rule.confidence, tuple(extra))


def _inflected_from(verb: Token, lemmas) -> bool:
    """Whether ``verb``'s lemma is in ``lemmas``, or its form is a regular inflection of one of them.

    The lemmatizer now and then takes a form for another verb's ("hopes" as
    "hop", "hoping" as "hop"); the forms tried are lemma + s, es, d, ed, ing,
    and with a final e dropped before ing and ed ("hoping", "hoped").

    >>> class _T: lemma_, lower_ = "hop", "hopes"
    >>> _inflected_from(_T(), {"hope"})
    True
    >>> _inflected_from(_T(), {"hopping"})
    False
    """
    lemma = verb.lemma_.lower()
    if lemma in lemmas:
        return True
    form = verb.lower_
    if not form.endswith(("s", "es", "d", "ed", "ing")):
        return False
    return any(form[:-cut] in lemmas or form[:-cut] + "e" in lemmas for cut in (1, 2, 3))
