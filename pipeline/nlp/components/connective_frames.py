"""Frames of connectives: subordinators, prepositions and adverbs within and across clauses, "thus"/"thereby", and necessary conditions ("only when").

The methods of :class:`ConnectiveFrames` are mixed into
:class:`argmine.nlp.components.causal.CausalLinkFinder`, which gives them ``self.words``,
``self.by_lemma`` and the shared helpers they call; each frame yields
:class:`~argmine.nlp.components.causal.TokenLink` records (or ``None`` for a cue it read and rejected).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Span, Token

from .. import nominal
from .. import syntax
from ..rules import CueRule
from .token_link import TokenLink

__all__ = ["ConnectiveFrames"]


class ConnectiveFrames:
    """Frames of connectives (a mixin of the causal link finder)."""

    def _result_adverb(self, rule: CueRule, adverb: Token) -> Iterator[TokenLink | None]:
        """The scope of "thus"/"thereby" inside a sentence.

        - on a coordinated noun ("eroded wages and thus urban demand"): the
          first conjunct -> that noun;
        - on a gerund clause (", thereby draining silver"): the governing
          clause's result -> the gerund's clause. With an enabling or causing
          verb that result is its infinitive complement(s) ("enabled X to
          accumulate capital, thus overcoming Y"), else the governing clause.
        """
        if adverb.dep_ != "advmod":
            return
        head = adverb.head
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
            first = head.head
            yield TokenLink(rule.id, (adverb.i, adverb.i + 1), syntax.np_span(first), syntax.np_span(head, exclude={adverb.i}),
                            first.i, head.i, rule.strength, rule.polarity, rule.confidence)
            return
        if head.tag_ != "VBG" or head.dep_ not in ("advcl", "conj", "xcomp") or head.head.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            return
        main = head.head
        effect = syntax.clause_span(head, exclude={adverb.i})
        complement = syntax.infinitive_complement(main) if any(
            r.frame == "causative" for r in self.by_lemma.get(main.lemma_.lower(), ())) else None
        if complement is not None and complement.i < head.i:
            for end in [complement] + [c for c in complement.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
                skip = {t.i for k in end.children if k.dep_ in ("conj", "cc", "nsubj") for t in k.subtree}
                yield TokenLink(rule.id, (adverb.i, adverb.i + 1), syntax.clause_span(end, exclude=skip), effect,
                                end.i, head.i, rule.strength, rule.polarity, rule.confidence)
                yield from self._countered_result(head, syntax.clause_span(end, exclude=skip), end.i)
            return
        cause = syntax.core_clause_span(main, exclude={t.i for t in head.subtree})
        yield TokenLink(rule.id, (adverb.i, adverb.i + 1), cause, effect, main.i, head.i,
                        rule.strength, rule.polarity, rule.confidence)

    def _countered_result(self, gerund: Token, cause: tuple[int, int], cause_head: int) -> Iterator[TokenLink | None]:
        """The negative link of a result gerund that stops its object (", thus overcoming Y", ", thereby averting Y").

        The complement that brings the result about counters what the gerund's verb stops: ``cause`` -> each object
        of ``gerund``, polarity negative, read by the gerund's own negative verb rule (e.g. ``verb-counteract``).
        """
        rule = next((r for r in self.by_lemma.get(gerund.lemma_.lower(), ())
                     if r.frame == "verb" and r.polarity == "negative"), None)
        if rule is None:
            return
        for obj in syntax.objects(gerund):
            for e in syntax.conjuncts(obj):
                yield TokenLink(rule.id, (gerund.i, gerund.i + 1), cause, syntax.np_span(e), cause_head, e.i,
                                rule.strength, rule.polarity, rule.confidence)

    def _connective_mark(self, rule: CueRule, phrase: Span) -> Iterator[TokenLink | None]:
        marker = phrase[-1]
        # "when" is the adverb of its clause, not a marker: it must open an adverbial clause ("fighting broke out when X")
        opening = marker.tag_ == "WRB" and marker.dep_ == "advmod" and marker.head.dep_ == "advcl" \
            and marker.i == marker.head.left_edge.i
        # an absolute phrase parsed as a preposition with a clause of its own subject ("with prices rising, X")
        absolute = next((c for c in marker.children if c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX", "ADJ")
                         and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None) \
            if marker.dep_ == "prep" and marker.head.pos_ in ("VERB", "AUX") else None
        if absolute is not None:
            sub = absolute
        elif (marker.dep_ != "mark" and not opening) or marker.head.dep_ not in ("advcl", "ccomp", "conj"):
            return
        else:
            sub = marker.head
        main = syntax.subordinate_main(sub) if absolute is None else marker.head
        while main.dep_ == "xcomp" and main.head.pos_ in ("VERB", "AUX"):
            main = main.head  # "warned motorists to stay away as ...": the reason is for the finite clause
        if main.i == sub.i or main.pos_ not in ("VERB", "AUX", "ADJ"):
            return
        if rule.attach and not self._attached_to(main, rule.attach) \
                and not (rule.cause_attach and self._attached_to(sub, rule.cause_attach)):
            return  # "after police arrested the leaders, the town was quiet": the arrest is a sanction, so a reason
        if rule.fronted and sub.i > main.i:
            return  # "the regiment marched north, with the cavalry leading": an absolute after its clause accompanies it
        concessive = self.words.by_kind.get("concessive", ())
        before = marker.doc[marker.i - 1] if marker.i > 0 else None
        if any(c.dep_ == "advmod" and c.lower_ in concessive for c in marker.children) \
                or (before is not None and before.dep_ == "advmod" and before.lower_ in concessive):
            return  # "even with the strike continuing, ...", "even as the talks went on, ...": a concession, not a reason
        if syntax.measured_time(marker, self.words):
            return  # "three months after the truce was agreed": a stretch of time, not a reason
        if marker.lower_ == "since" and syntax.is_temporal(sub):
            return
        if marker.lower_ == "as" and not syntax.causal_as(phrase, sub, main, self.words):
            return
        # the reason without a closing participle clause, which tells a result of its own ("as the strike entered
        # its second day, hurting trade": the strike entered its second day)
        trailing = {t.i for c in sub.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > sub.i
                    and not any(m.dep_ in ("mark", "nsubj", "nsubjpass") for m in c.children)
                    and c.doc[c.left_edge.i - 1].text == "," for t in c.subtree}
        # ... nor a motive participle that is a link of its own ("as the doctors struck work demanding X")
        trailing |= {t.i for c in sub.subtree if c.i > sub.i and c.tag_ == "VBG" and c.dep_ in ("advcl", "acl")
                     and not any(m.dep_ in ("mark", "nsubj", "nsubjpass") for m in c.children)
                     and any(r.frame == "participle" and not r.reverse for r in self.by_lemma.get(c.lemma_.lower(), ()))
                     for t in c.subtree}

        cause_span = syntax.clause_span(sub, exclude={t.i for t in phrase} | trailing)
        effect_span = self._main_clause_span(main, exclude={t.i for t in (marker if absolute is not None else sub).subtree}
                                             | {t.i for t in phrase})  # "granted bail on the ground that X"
        strength, reverse = rule.strength, rule.reverse
        if rule.purpose_modal and any(c.tag_ == "MD" for c in sub.children) \
                and (phrase.start == 0 or marker.doc[phrase.start - 1].text != ","):
            # "cut rents so that tenants would stay": an intention, not an achieved effect; as every motive,
            # the purpose is what moved the act ("in order to", "demanding X")
            strength, reverse = "motive", False
        if reverse:
            cause_span, effect_span = effect_span, cause_span
            cause_head, effect_head = main.i, sub.i
        else:
            cause_head, effect_head = sub.i, main.i
        yield TokenLink(rule.id, (phrase.start, phrase.end), cause_span, effect_span, cause_head, effect_head,
                        strength, rule.polarity, rule.confidence)

    def _range_start(self, phrase: Span, targets: list[Token]) -> bool:
        """Whether ``phrase`` opens a path or a range ("from X to Y", lexicon kinds ``range_start_prep`` and
        ``range_end_prep``): a closing preposition after the phrase's object hangs on the same head, on the
        opening preposition or on its object. Its object is then where the path or range starts, not a cause."""
        marker = phrase[-1]
        if phrase.text.lower() not in self.words.by_kind.get("range_start_prep", ()) or not targets:
            return False
        closing = self.words.by_kind.get("range_end_prep", ())
        after = max(t.right_edge.i for t in targets)
        heads = {marker.i, marker.head.i} | {t.i for t in targets}
        return any(t.i > after and t.dep_ in ("prep", "dative") and t.lower_ in closing and t.head.i in heads
                   for t in marker.doc[after + 1:marker.sent.end])

    def _connective_prep(self, rule: CueRule, phrase: Span) -> Iterator[TokenLink | None]:
        if phrase[0].dep_ not in ("prep", "agent", "advmod", "npadvmod", "mark", "advcl", "acl") and phrase[0].head.i not in {t.i for t in phrase} \
                and not (phrase[0].tag_ == "VBG" and phrase[0].dep_ == "xcomp"):
            return
        # a gerund clause of "be" or "have" is an act too ("thanked them for being here", "fined for having no licence")
        targets = [t for t in syntax.phrase_objects(phrase)
                   if (t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") or (t.pos_ == "AUX" and t.dep_ == "pcomp")) and not syntax.is_time_expression(t, self.words)
                   and not self._set_phrase(t)]
        # "the explosion in which forty men were killed": a relative pronoun stands for the noun its clause describes
        relative: dict[int, set[int]] = {}  # antecedent -> the tokens of its relative clause
        for k, t in enumerate(targets):
            antecedent = self._antecedent(t) if t.tag_ == "WDT" else None
            if antecedent is not None:
                relative[antecedent.i] = {x.i for x in antecedent.subtree if x.i > antecedent.i and x.i >= t.left_edge.i - 1}
                targets[k] = antecedent
        if phrase.text.lower() in self.words.by_kind.get("temporal_connective", ()):
            # "after the clashes", not "after Smith"; a gerund clause is an act as well ("arrested after going on a rampage")
            targets = [t for t in targets if t.pos_ == "NOUN" or (t.tag_ == "VBG" and t.dep_ == "pcomp")]
            if syntax.measured_time(phrase[0], self.words):
                return
        if not targets:
            return
        attach = syntax.phrase_attachment(phrase)
        if attach is None:
            return
        if self._range_start(phrase, targets):
            return  # "the pain spread from the wrist to the elbow", "passed from hope into despair": a path or a range
        if rule.attach and not self._attached_to(attach, rule.attach, skip=range(phrase.start, phrase.end),
                                                 nominal=rule.nominal_attach) \
                and not (rule.cause_attach and any(self._attached_to(t, rule.cause_attach, nominal=rule.nominal_attach)
                                                   for t in targets)) \
                and not (rule.judged_target and self._judged_target(attach, targets, phrase)):
            return  # "following the clashes, the curfew was extended": a reaction to a disruption
        if phrase.text.lower() in self.words.by_kind.get("temporal_connective", ()) and any(t.tag_ == "VBG" for t in targets):
            # "arrested after protesting against X": a gerund clause is the cause only when it is itself an act of
            # protest (when ``cause_attach`` has that kind); "arrested after attempting to sell the coin",
            # "met after holding talks" are sequences of one actor's acts
            protest = ("protest",) if "protest" in rule.cause_attach else ()
            targets = [t for t in targets if t.tag_ != "VBG" or (protest and self._attached_to(t, protest))]
            if not targets:
                return
        exclude = {t.i for t in phrase} | {t.i for target in targets if target.i not in relative for t in target.subtree}
        for token in phrase:
            exclude.update(t.i for t in token.subtree)
        doc = phrase.doc
        act = syntax.support_verb(attach, self.words)
        if act is None and attach.pos_ == "NOUN" and rule.attach:
            # "sentenced him to ten years' imprisonment for sedition": a noun of the cue's kind under a verb of the same
            # kind; the verb's act is the effect
            governor = attach.head.head if attach.dep_ == "pobj" and attach.head.dep_ in ("prep", "dative") else attach.head
            if attach.dep_ in ("dobj", "pobj") and governor.pos_ == "VERB" \
                    and self.words.in_kinds(governor.lemma_.lower(), rule.attach):
                act = governor
        if act is None and not (attach.pos_ == "NOUN" and self._eventive(attach)) and "result_noun" not in rule.attach:
            # "farmers shouted slogans against X"; not "triggered a strike for X", nor "fear from X" (the noun is the result)
            act = self._governing_act(attach)
        if "protest" in rule.attach and self._in_purpose(act if act is not None else attach):
            return  # "staged a dharna to protest against the tolls": the tolls are what the purpose is about (its link)
        if act is not None:  # "villagers staged a protest against X": the act is the effect
            effect_span = self._main_clause_span(act, exclude=exclude)
            while effect_span[0] < act.i and (doc[effect_span[0]].tag_ in ("WDT", "WP", "WRB") or doc[effect_span[0]].dep_ == "mark"):
                effect_span = (effect_span[0] + 1, effect_span[1])  # "..., which triggered X": the clause without its relative word
        elif attach.pos_ in ("VERB", "AUX") and attach.dep_ in ("acl", "relcl") and attach.tag_ == "VBN" \
                and attach.head.pos_ in ("NOUN", "PROPN", "PRON") and attach.head.i < attach.i and attach.head.i not in relative:
            # "four workers who were killed in the fire", "the men arrested for X": the noun with what befell it
            clause = syntax.clause_span(attach, exclude=exclude)
            effect_span = (attach.head.left_edge.i, clause[1])
        elif attach.pos_ in ("VERB", "AUX"):
            effect_span = self._main_clause_span(attach, exclude=exclude)
            first = attach
            while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX") and rule.attach \
                    and self.words.in_kinds(first.head.lemma_.lower(), rule.attach):
                first = first.head  # "ten were killed and forty injured in the blast": the phrase ends both
            if first is not attach:
                head_span = self._main_clause_span(first, exclude=exclude | {t.i for t in attach.subtree})
                effect_span = (min(head_span[0], effect_span[0]), effect_span[1])
        else:
            effect_span = syntax.np_span(attach, exclude=exclude)
        for target in targets:
            members = syntax.conjuncts(target)
            for c in members:
                if c.i in relative:
                    cause_span = syntax.np_span(c, exclude=relative[c.i])
                else:
                    cause_span = self._np_extent(c, exclude={t.i for t in phrase}) if len(members) == 1 \
                        else self._member_extent(c, members, exclude={t.i for t in phrase})
                yield TokenLink(rule.id, (phrase.start, phrase.end), cause_span, effect_span, c.i, attach.i,
                                rule.strength, rule.polarity, rule.confidence)

    @staticmethod
    def _set_phrase(noun: Token) -> bool:
        """A preposition and a bare singular noun set off as a phrase of their own: a discourse adverbial ("For
        example, ...", "..., for instance, ..."), not what the preposition gives as a reason ("arrested the
        leaders for fraud, and ..." keeps it: the phrase follows its verb's object)."""
        doc = noun.doc
        prep = noun.head
        if noun.tag_ != "NN" or any(noun.children) or prep.i != noun.i - 1:
            return False
        opens = prep.i == prep.sent.start or doc[prep.i - 1].text in (",", ";", "(")
        closes = noun.i + 1 < len(doc) and doc[noun.i + 1].text in (",", ";", ":", ")")
        return opens and closes

    def _judged_target(self, verb: Token, targets: list[Token], phrase: Span) -> bool:
        """Whether ``phrase`` ("for V-ing X") gives what a person ``verb`` treats in some way did (rule flag ``judged_target``).

        "The guards targeted two women for wearing red", "the crowd shouted
        slogans at the envoys for visiting the shrine": every object of the
        phrase is a gerund clause, and the verb has, before the phrase, an
        object or a prepositional object that is a person, group or name
        (:meth:`_target`; of pronouns only a personal one, lexicon kind
        ``personal_pronoun``, as "it" and "them" may stand for things): the
        gerund is that person's act, the reason for the verb's act. Not "used
        the hall for dancing" (a thing), not a date ("cited in December for
        driving ...": a month's name is no one acted on), not a passive
        ("cited by the watch for riding X": the watch acts), nor
        "went out for shopping" (no one is acted on).
        """
        if verb.pos_ != "VERB" or not targets or any(t.tag_ != "VBG" for t in targets):
            return False
        if syntax.is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl")):
            return False  # "(was) cited by the watch for riding X": a passive's person is its subject; the by-phrase's is the actor
        before = [c for c in verb.children if c.i < phrase.start]
        people = [c for c in before if c.dep_ == "dobj"]
        people += [o for c in before if c.dep_ == "prep" for o in syntax.prep_objects(c)]
        persons = self.words.by_kind.get("personal_pronoun", ())
        people = [p for p in people if not (syntax.is_time_expression(p, self.words) or p.ent_type_ in ("DATE", "TIME"))]
        return any(p.lower_ in persons if p.pos_ == "PRON" else self._target(p) for p in people)

    @staticmethod
    def _motive_span(verb: Token) -> tuple[int, int]:
        """The clause of a purpose or motive verb without a non-restrictive relative clause that closes it.

        "They marched to the town hall, demanding a new road, which the council
        had promised": the motive is "demanding a new road"; what the
        comma-set relative clause says of the road is a comment, not part of
        it. A restrictive one ("to disperse a crowd that was throwing stones")
        stays: it tells which crowd. A closing comma-set apposition ("to hold
        a rally in Ely, the market town of the fens") is a comment as well. Returns ``(start, end)``
        token offsets, end-exclusive (:func:`argmine.nlp.syntax.clause_span`).
        """
        closing: set[int] = set()
        for relative in verb.subtree:
            if relative.dep_ in ("relcl", "appos") and relative.right_edge.i == verb.right_edge.i \
                    and relative.left_edge.i > 0 and relative.doc[relative.left_edge.i - 1].text in (",", ";", "(", "–", "—"):
                closing.update(t.i for t in relative.subtree)
        return syntax.clause_span(verb, exclude=closing)

    @staticmethod
    def _main_clause_span(verb: Token, exclude: Iterable[int] = ()) -> tuple[int, int]:
        """:func:`argmine.nlp.syntax.core_clause_span` without a source attribution or a fronted scene-setting phrase.

        The phrase names who reports the clause, not what happened: "According
        to the union, the workers walked out, demanding X" gives the effect
        "the workers walked out". A fronted prepositional phrase set off by a
        comma ("In the spring of 1789, the peasants rioted because ...") sets
        the scene and stays out as well: the effect is "the peasants rioted". So does
        the first half of a correlative "not (just) X but because Y" ("annulled, not
        just on humanitarian grounds but because Y": "annulled").
        Returns ``(start, end)``, end-exclusive.
        """
        excluded = set(exclude)
        doc = verb.doc
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        for child in verb.children:
            if child.i < verb.i and child.lower_ == "according" and child.dep_ in ("prep", "advcl", "advmod"):
                excluded.update(t.i for t in child.subtree)
            elif subject is not None and child.i < subject.i and child.dep_ in ("prep", "npadvmod") \
                    and child.right_edge.i + 1 < len(doc) and doc[child.right_edge.i + 1].text == ",":
                excluded.update(t.i for t in child.subtree)
            elif child.i > verb.i and child.dep_ in ("prep", "advcl", "advmod") and any(
                    c.dep_ == "preconj" and c.lower_ in syntax.packaged_words().by_kind.get("negation", ())
                    for c in child.children):
                # "annulled, not just on humanitarian grounds but because X": the first half of "not X but Y"
                # is another reason, not part of what is explained
                excluded.update(t.i for t in child.subtree)
        return syntax.core_clause_span(verb, exclude=excluded)

    @staticmethod
    def _antecedent(pronoun: Token) -> Token | None:
        """The noun a relative clause hangs on, for the relative pronoun of a phrase in it ("the blast in which
        ten were killed": "blast"), or None when the pronoun opens no relative clause of a noun."""
        clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
        if clause is None or clause.head.pos_ not in ("NOUN", "PROPN"):
            return None
        return clause.head

    @staticmethod
    def _governing_act(token: Token) -> Token | None:
        """The verb whose act a connective's phrase explains when the phrase hangs on its object or on a non-finite verb.

        "Farmers shouted slogans against the levy": the shouting of slogans,
        the clause of ``shouted``; "the shops remained closed because of the
        strike", "they were forced to look for transport due to X": the finite
        verb above ``closed`` / ``look``. Returns the verb, or None when
        ``token`` is a subject, a noun outside a clause or a finite verb.
        """
        if token.pos_ == "NOUN" and token.dep_ in ("dobj", "attr"):
            head = token.head
        elif token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
            head = token.head.head  # "gathered in protests against X"
        elif token.pos_ in ("VERB", "AUX", "ADJ") and token.dep_ in ("xcomp", "acomp"):
            head = token.head
        else:
            return None
        while head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None

    @staticmethod
    def _np_extent(noun: Token, exclude: Iterable[int] = ()) -> tuple[int, int]:
        """A noun phrase with everything said of it inside the phrase: relative clauses and participles included.

        "because of the strike called by the union last week": the whole
        phrase, where :func:`argmine.nlp.syntax.np_span` keeps "the strike"
        only. Appositions, coordinated members and parentheticals stay out;
        a verb end keeps its clause (:func:`argmine.nlp.syntax.arg_span`).
        Returns ``(start, end)`` token offsets, end-exclusive.
        """
        if noun.pos_ not in ("NOUN", "PROPN"):
            return syntax.arg_span(noun, exclude)
        tokens = {t.i for t in noun.subtree} - set(exclude)
        for child in noun.children:
            if child.dep_ in ("appos", "conj", "cc", "parataxis") or (child.dep_ == "punct" and child.i > noun.i):
                tokens -= {t.i for t in child.subtree}
        start = end = noun.i
        while start - 1 in tokens:
            start -= 1
        while end + 1 in tokens:
            end += 1
        doc = noun.doc
        while end > noun.i and (doc[end].is_punct or doc[end].dep_ in ("cc", "mark") or doc[end].tag_ in ("WDT", "WP")):
            end -= 1
        return (start, end + 1)

    @staticmethod
    def _in_purpose(verb: Token) -> bool:
        """Whether ``verb`` heads a purpose infinitive: an adverbial "to V" clause ("marched to protest against X").

        What a connective inside it names (the tolls in "to protest against
        the tolls") is part of the intention the purpose link states, not a
        relation of its own: the protest is intended, not reported.
        An infinitive complement ("decided to protest against X") is not one.
        """
        return verb.pos_ == "VERB" and verb.tag_ == "VB" and verb.dep_ == "advcl" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)

    @classmethod
    def _member_extent(cls, member: Token, members: list[Token], exclude: Iterable[int] = ()) -> tuple[int, int]:
        """One coordinated noun of a connective's object, with what is said of it inside the phrase.

        Each member is its own phrase (:func:`argmine.nlp.syntax.arg_span`); the last
        member also takes the prepositional phrases the first one carries after
        the whole coordination, which describe every member: "against the rape and
        murder of a young nurse" (the parser hangs "of a young nurse" on
        "rape") gives "murder of a young nurse", so that the joined end is the
        whole phrase.
        """
        start, end = syntax.arg_span(member, exclude)
        if member.pos_ not in ("NOUN", "PROPN"):
            return (start, end)
        first, last = members[0], max(members, key=lambda m: m.i)
        if member.i == last.i and first.i != last.i and first.pos_ in ("NOUN", "PROPN"):
            shared = [c for c in first.children if c.i > end - 1 and c.dep_ == "prep"]
            if shared:
                tail = max(t.i for c in shared for t in c.subtree if t.i not in set(exclude))
                doc = member.doc
                while tail >= end and (doc[tail].is_punct or doc[tail].dep_ in ("cc", "mark") or doc[tail].tag_ in ("WDT", "WP")):
                    tail -= 1
                end = max(end, tail + 1)
        return (start, end)

    def _connective_adverb(self, rule: CueRule, phrase: Span) -> Iterator[TokenLink | None]:
        if phrase.text.lower() == "so" and not syntax.resultative_so(phrase[0]):
            return
        if phrase.text.lower() == "so" and phrase.end + 1 < len(phrase.doc) and self._inverted_ellipsis(phrase.doc[phrase.end]):
            return  # "..., and so did the towns that X": an elided predicate shared, not a result
        attach = syntax.phrase_attachment(phrase)
        if len(phrase) == 1 and phrase[0].dep_ == "cc" and attach is not None and attach.i < phrase.start:
            # "The harvest failed, so the price rose": the parser hangs a coordinating "so" on the first
            # clause, as it hangs "and"; the adverb belongs to the clause it opens, the conjunct after it
            attach = syntax.opened_conjunct(attach, phrase.start)
        if attach is None or attach.pos_ not in ("VERB", "AUX"):
            return
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in phrase[-1].children):
            return  # "as a result of X" is the prepositional cue
        exclude = {t.i for t in phrase}
        if len(phrase) == 1 and attach.tag_ == "VBG" and attach.dep_ in ("advcl", "conj", "xcomp") \
                and any(r.frame == "result_adverb" for r in self.by_lemma.get(phrase[0].lower_, ())):
            return  # ", thus overcoming X": the governing clause is the cause (result_adverb frame), not the previous sentence
        previous = syntax.previous_clause(attach, phrase.start)
        if previous is None:
            return
        if previous.sent.start != attach.sent.start and self._own_cause(attach):
            return  # "The collapse thus had a lasting impact on X": a conclusion with its own causal predicate
        # the adverb's clause is cut out of the previous clause when it hangs below it ("X, and so Y" as conj);
        # a previous clause that hangs below the adverb's ("X, so Y" with X as ccomp of Y) keeps its own words
        exclude_prev = {t.i for t in attach.subtree} if attach in previous.subtree and attach.i != previous.i else set()
        cause_span = syntax.clause_span(previous, exclude=exclude_prev | exclude)
        own = {t.i for t in previous.subtree} if previous.head.i == attach.i else set()
        effect_span = syntax.clause_span(attach, exclude=exclude | own)
        yield TokenLink(rule.id, (phrase.start, phrase.end), cause_span, effect_span, previous.i, attach.i,
                        rule.strength, rule.polarity, rule.confidence)

    def _inverted_ellipsis(self, verb: Token) -> bool:
        """An auxiliary before its subject with the predicate elided: "(so / as) did the towns", "so was the army"."""
        if not (verb.tag_ == "MD" or (verb.lemma_ in self.words.by_kind.get("auxiliary_verb", ())
                                      and verb.tag_ in ("VBD", "VBZ", "VBP"))):
            return False
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        return after is not None and after.pos_ in ("DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM")

    def _necessary_condition(self, rule: CueRule, marker: Token) -> Iterator[TokenLink | None]:
        """"Revolts succeeded only when the nobility was divided": the condition is necessary for the main clause.

        See :func:`argmine.nlp.nominal.necessary_condition`; the link is
        contributory (a necessary, not a sufficient, condition).
        """
        found = nominal.necessary_condition(marker, self.words)
        if found is None:
            return
        focus, sub, main = found
        if not self._asserted_clause(main):
            return
        cue = {focus.i, marker.i}
        cause_span = syntax.clause_span(sub, exclude=cue)
        effect_span = syntax.core_clause_span(main, exclude={t.i for t in sub.subtree} | {marker.i})
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children)
        named = [] if own else syntax.subjects(main)  # "X was Z and was only levied when ...": the shared subject
        effect_head = named[0] if named and named[0].pos_ in ("NOUN", "PROPN") else main
        yield TokenLink(rule.id, (marker.i, marker.i + 1), cause_span, effect_span, sub.i, effect_head.i,
                        rule.strength, rule.polarity, rule.confidence, (focus.i,))

    def _connective_phrase(self, verb: Token, prep: Token) -> bool:
        """"owing to X": a participle and its preposition that make a connective cue of their own."""
        phrase = f"{verb.lower_} {prep.lower_}"
        return any(key.endswith(f"::{phrase}") and rule.frame == "connective_prep" for key, rule in self.phrase_rules.items())
