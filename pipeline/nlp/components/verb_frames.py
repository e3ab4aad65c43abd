"""Frames read off a cue verb: plain verbs, verb + preposition, causatives and their results, resultatives, verb clauses, degree of effort, counterfactuals, participles and depictives.

The methods of :class:`VerbFrames` are mixed into
:class:`argmine.nlp.components.causal.CausalLinkFinder`, which gives them ``self.words``,
``self.by_lemma`` and the shared helpers they call; each frame yields
:class:`~argmine.nlp.components.causal.TokenLink` records (or ``None`` for a cue it read and rejected).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from spacy.tokens import Token

from .. import nominal
from .. import syntax
from ..wordnet import wordnet
from ..rules import CueRule
from .token_link import TokenLink

__all__ = ["VerbFrames"]


class VerbFrames:
    """Frames read off a cue verb (a mixin of the causal link finder)."""

    def _completes_relational_object(self, verb: Token, infinitive: Token) -> bool:
        """Whether ``infinitive`` comes right after ``verb``'s object and that object is a noun of kind
        ``relational_noun`` ("reduced the means of the farmers to pay their debts", "removed the need to borrow"):
        the infinitive completes the noun; it is neither a purpose nor a causative complement."""
        # the nouns of entries without a preposition: an infinitive completes "means", "need", "capacity"; the
        # nouns of a prepositional complement ("dependence on", models/complement_nouns.jsonl) are not meant
        relational = self.lexicon.words("relational_noun", "")
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in relational or c.lower_ in relational)
                   and c.right_edge.i + 1 == infinitive.left_edge.i for c in verb.children)

    def _verb(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        if verb.pos_ not in ("VERB",) or not self._asserted_clause(verb):
            return
        if verb.i >= 2 and verb.doc[verb.i - 1].tag_ == "HYPH" and not verb.doc[verb.i - 2].whitespace_ \
                and not verb.doc[verb.i - 1].whitespace_ and not self._eventive(verb.doc[verb.i - 2]):
            # "a trough-shaped pit", "an air-conditioned hall": a compound modifier whose first part is a thing names
            # a form, no act; "famine-induced migration" names its cause
            return
        causes: list[Token] = []
        relative = syntax.relative_misparse(verb)
        if relative is not None:  # "a massacre that hardened demands": read as the relative clause it is
            for c in self._members(relative[0]):
                for e in syntax.conjuncts(relative[1]):
                    yield self._make(rule, (verb.i, verb.i + 1), c, e)
            return
        coordinated = syntax.coordinated_misparse(verb)
        if coordinated is not None:  # "seized the islands and undermined Portuguese trade": the shared subject
            for c in self._members(coordinated[0]):
                yield self._make(rule, (verb.i, verb.i + 1), c, coordinated[1])
            return
        if syntax.is_participial_passive(verb) and verb.lemma_.lower() in self.words.by_kind.get("emotion_verb", ()):
            return  # "Angered by the tax, the townsmen rioted": the motive of the main clause (participle frame)
        if syntax.is_passive(verb):
            causes = syntax.agents(verb)
            cause = causes[0] if causes else None
            effects = [self._event_holder(e) for e in syntax.passive_subjects(verb)]
            if rule.object:  # "the threat to order posed by X": the parser may hang "posed" on "order"
                effects = [self._named_noun(e, rule.object) for e in effects]
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if causes and subject is not None and subject.tag_ not in ("WDT", "WP"):
                # "the floods were caused by rains": the effect is what happened to the subject
                by_phrases = {t.i for by in causes for t in by.head.subtree}
                effect_span = syntax.clause_span(verb, exclude=by_phrases)
                if subject.i < verb.i and effect_span[0] < subject.left_edge.i <= effect_span[1]:
                    # "In most years, the floods were caused by X": a fronted phrase is not part of the effect
                    effect_span = (subject.left_edge.i, effect_span[1])
                effect_ends = [(effect_span, subject)]
                partitive = subject.pos_ in ("ADJ", "DET", "NUM", "PRON") and any(
                    k.dep_ == "prep" and k.lower_ == "of" for k in subject.children)
                if subject.i < verb.i and (subject.pos_ in ("NOUN", "PROPN") or partitive):
                    # "the floods (and fires) were caused by X" name the same effects as "X caused the floods (and
                    # fires)": each noun phrase, as the active verb's objects are; so does a partitive subject
                    # ("most of the floods were caused by X": "most of the floods")
                    effect_ends = [(syntax.np_span(e), e) for e in self._partitive_conjuncts(subject)]
                for by in causes:
                    for c in self._members(by):
                        for span, effect in effect_ends:
                            yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c), span, c.i, effect.i,
                                            rule.strength, rule.polarity, rule.confidence)
                return
        else:
            complement = syntax.infinitive_complement(verb)
            if (syntax.has_xcomp_to(verb) or (complement is not None and complement.dep_ == "advcl")) and not rule.keeps_infinitive \
                    and not (complement is not None and self._completes_relational_object(verb, complement)):
                return  # "led X to do": the causative frame reads it
            if not rule.keeps_infinitive and self._causative_state(verb):
                return  # "encouraged the barons to revolt" (parsed "to" + noun): the causative frame reads the state
            effects = syntax.objects(verb)
            event = syntax.participle_event(verb)
            if event is None and verb.dep_ == "xcomp":  # "the camp was bombed, threatening to raise tensions"
                event = syntax.participle_event(verb.head)
            if event is not None:  # "the dam broke, causing floods": the breaking causes
                for effect in effects:
                    for effect_head in syntax.conjuncts(effect):
                        yield self._make_event(rule, (verb.i, verb.i + 1), event, effect_head)
                return
            means = syntax.means_clause(verb)
            if means is not None:  # "he caused uproar by expressing support": the act is the cause
                for effect in effects:
                    for effect_head in syntax.conjuncts(effect):
                        yield self._make_event(rule, (verb.i, verb.i + 1), (syntax.clause_span(means), means), effect_head)
                        # "falling prices, by reducing net worth, can affect credit": prices -> credit as well
                        for cause in syntax.subjects(verb):
                            if not self._actor(cause) and cause.i < means.i:
                                for c in self._members(cause):
                                    yield self._make(rule, (verb.i, verb.i + 1), c, effect_head)
                yield from self._means_links(rule, verb, means)
                return
            causes = self._bridged_subjects(verb) or syntax.subjects(verb)
            if not causes and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in ("acomp", "oprd") \
                    and verb.head.head.pos_ in ("VERB", "AUX"):
                causes = syntax.subjects(verb.head.head)  # "X proved unable to halt Y", "X was not enough to stop Y"
            cause = causes[0] if causes else None
            if cause is None:
                yield from self._denied_gerund(rule, verb, effects)
                return
        if cause is None:
            return
        for cause_head in [c for by in causes or [cause] for c in self._members(by)]:
            for effect in effects:
                for effect_head in self._partitive_conjuncts(effect):
                    yield self._make(rule, (verb.i, verb.i + 1), cause_head, effect_head)

    def _event_holder(self, noun: Token) -> Token:
        """The event noun whose prepositional phrase holds ``noun``, when ``noun`` is no event and the holder is.

        "an infection of the lungs caused by a virus", "the swelling in the
        joints (that was) caused by gout": the parser hangs the participle or
        relative clause on the nearest noun, but a body part, a place or a thing
        is not brought about; the infection or the swelling is. Below a place
        or a thing (lexicon kind ``place_noun``: locations, natural objects and
        parts of the body; or a concrete thing) the holder may lie several
        phrases up, through nouns that name no event either ("the swelling in
        the upper part of the knee caused by gout": the knee, the part, the
        swelling). A superlative with no noun after a copula stands for the
        subject's noun ("the outbreak is the biggest ever caused by X": the
        outbreak). A verb's first nominalization counts as an event noun here
        (``_act_nominal``) above a place or a thing ("the release of milk
        triggered by X"), not above another noun ("the event of a delay"). Returns
        ``noun`` itself when no event noun holds it.
        """
        if noun.tag_ == "JJS" and noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subject = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
            return subject if subject is not None else noun
        if noun.pos_ != "NOUN" or self._eventive(noun):
            return noun
        physical = noun.lemma_.lower() in self.words.by_kind.get("place_noun", ()) or self._concrete(noun)
        holder = noun
        while holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.head.head.pos_ == "NOUN":
            holder = holder.head.head
            if self._eventive(holder) or (physical and self._act_nominal(holder)):
                return holder
            if not physical:
                break  # "rights in the event of a delay (that was) caused by X": a delay is no place nor thing
        if physical and holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.head.head.pos_ in ("VERB", "AUX"):
            # "caught in the debt crisis in the developing world caused by X": the parser hangs the place's phrase on
            # the verb; the event noun right before it is what the phrase and its participle describe
            before = holder.doc[holder.head.i - 1]
            if before.pos_ == "NOUN" and self._eventive(before):
                return before
        return noun

    @staticmethod
    def _act_nominal(noun: Token) -> bool:
        """The first nominalization WordNet derives from a verb ("release" of release, "burning" of burn), so the
        name of its act even where the noun's first sense is no act ("the release of milk triggered by X");
        not an agent or product noun listed after it ("producer", "product" of produce)."""
        lemma = noun.lemma_.lower()
        verb = wordnet().verb_of.get(lemma)
        return verb is not None and wordnet().nominals(verb)[:1] == (lemma,)

    def _denied_gerund(self, rule: CueRule, verb: Token, effects: list[Token]) -> Iterator[TokenLink | None]:
        """"Far from causing X, Y ...", "Rather than / instead of / without provoking X, Y ...": Y -> X, denied.

        ``verb`` is a causal gerund with no subject of its own, the complement of a denying preposition (lexicon
        kind ``denying_prep``); its cause is what the phrase hangs on (the main clause's subject, or the noun "Y,
        far from causing X, ..."). The link is negative whatever the rule's polarity.
        """
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or not effects:
            return
        prep = verb.head
        before = verb.doc[prep.i - 1] if prep.i > 0 else None
        phrase = f"{before.lower_} {prep.lower_}" if before is not None else prep.lower_
        if not self.words.in_kinds(phrase, ("denying_prep",)) and not self.words.in_kinds(prep.lower_, ("denying_prep",)):
            return
        anchor = prep.head.head if prep.head.lower_ == "far" and prep.head.dep_ == "advmod" else prep.head
        if anchor.pos_ in ("VERB", "AUX"):
            holders = syntax.subjects(anchor) or syntax.passive_subjects(anchor)
        elif anchor.pos_ in ("NOUN", "PROPN"):
            holders = [anchor]
        else:
            return
        for holder in holders:
            if holder.pos_ == "PRON" or self._actor(holder):
                continue  # "they ..., rather than provoking X": a person's choice, not a cause denied
            for c in self._members(holder):
                for effect in effects:
                    for e in self._partitive_conjuncts(effect):
                        link = self._make(rule, (verb.i, verb.i + 1), c, e)
                        if link is not None:
                            yield replace(link, polarity="negative")

    def _verb_prep(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        if verb.pos_ not in ("VERB", "AUX") or not self._asserted_clause(verb):
            return
        if verb.dep_ == "acl" and self._additive(verb):
            return  # "X, coupled with Y, caused Z": Y is added to X as a cause (see _members), not linked to X
        if rule.bare_verb and any(c.dep_ == "prt" for c in verb.children):
            return  # "prices came down from their peak": a phrasal verb of motion, not "came from" of a cause
        anchor = verb
        extra: list[int] = []
        if rule.object:
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.lemma_ in rule.object), None)
            if obj is None:
                return
            anchor = obj
            extra.append(obj.i)
        if rule.acomp:
            comp = next((c for c in verb.children if c.dep_ in ("acomp", "oprd", "amod", "advmod", "prep") and c.lower_ in rule.acomp), None)
            if comp is None:
                return
            anchor = comp
            extra.append(comp.i)
        prep = syntax.find_prep(anchor, rule.prep, verb)
        if prep is None and rule.subject_cause:  # "deprived [the city of grain]": the parser hangs "of" on the object
            prep = next((p for o in syntax.objects(verb) if (p := syntax.find_prep(o, rule.prep, o)) is not None), None)
        if prep is None:
            return
        if prep.i < anchor.i and not any(o.tag_ in ("WDT", "WP") for o in prep.children):
            return  # "In addition to X, the raid resulted ...": a fronted phrase is no object of the verb ("the war in
            # which it resulted" keeps its pied-piped preposition)
        if verb.tag_ == "VBG" and self._connective_phrase(verb, prep) and not any(
                c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
            return  # "Owing to X, S did Y": a participle and preposition that make a connective cue read by it
        extra.append(prep.i)
        if prep.dep_ == "prt":  # "brought about X"
            targets = syntax.objects(verb)
        else:
            targets = syntax.prep_objects(prep) + self._coordinated_prep_objects(prep)
        if not targets:
            return
        event = syntax.participle_event(verb) if not rule.reverse and not syntax.is_passive(verb) else None
        means = syntax.means_clause(verb) if not rule.reverse and not syntax.is_passive(verb) else None
        if event is None and means is not None:  # "X contributed to Y by doing Z": the act is the cause
            event = (syntax.clause_span(means), means)
            yield from self._means_links(rule, verb, means, extra)
        if event is not None:  # "..., leading to Y": the event of the main clause leads to Y
            for target in targets:
                target = syntax.gerund_object(target, self.words)
                for e in syntax.conjuncts(target):
                    yield self._make_event(rule, (verb.i, verb.i + 1), event, e, extra)
                    if means is not None:  # "heavy taxes, by impoverishing X, contributed to Y": taxes -> Y as well
                        for cause in syntax.subjects(verb):
                            if not self._actor(cause) and cause.i < verb.i:
                                for c in self._members(cause):
                                    yield self._make(rule, (verb.i, verb.i + 1), c, e, extra)
            return
        if syntax.is_passive(verb):
            first = syntax.passive_subjects(verb)
            by_agent = syntax.agent(verb)
        else:
            # "led to the Long War ( 1337 -- 1453 ) , a series of battles": a noun set off by a comma after the
            # preposition's object is an apposition to it, however the parser hangs it, not the verb's object
            objects = [o for o in syntax.objects(verb) if o.i not in extra
                       and not (o.i > prep.i and o.left_edge.i > 0 and o.doc[o.left_edge.i - 1].text == ",")]
            first = objects if objects and prep.dep_ != "prt" else syntax.subjects(verb)
            by_agent = None
            if first is objects and not (rule.reverse or rule.subject_cause or rule.object) and any(
                    r.frame == "causative" for r in self.by_lemma.get(verb.lemma_.lower(), ())):
                return  # "led the army to the river", "led X to ruin": a causative with its causee; its own frame reads it
        if rule.object or rule.acomp or prep.dep_ == "prt":
            first = syntax.passive_subjects(verb) or syntax.subjects(verb)
        if rule.intransitive and any(c.dep_ == "dobj" for c in verb.children):
            return  # "wanted to end slavery in the colonies": the transitive verb, not "X ended in Y"
        if rule.needs_object and not syntax.objects(verb) and not syntax.is_passive(verb):
            return  # "the protest turned into a riot" tells a change, not what changed it
        if rule.subject_cause:  # "X deprived the city of Y": X causes (the loss of) Y
            first = syntax.agents(verb) if syntax.is_passive(verb) else syntax.subjects(verb)
        if rule.reverse and not (rule.object or rule.acomp) and not self._connective_phrase(verb, prep):
            first = nominal.participle_host(verb) or first  # "the losses resulting from X", "..., arising from X"
        elif not syntax.is_passive(verb) and not rule.subject_cause and (not first or first == syntax.subjects(verb)):
            first = self._bridged_subjects(verb) or first  # "a reform that historians argue played a role in Y"
        if rule.reverse and first and not syntax.is_passive(verb) and all(
                self.words.in_kinds(h.lower_, ("negative_quantifier",)) for h in first):
            first = syntax.subjects(verb) or first  # "Y owed nothing to X": X did not bring Y about
        elif rule.reverse and first and not syntax.is_passive(verb) and all(
                self.words.in_kinds(h.lower_, ("amount_word",)) and not any(c.dep_ == "prep" for c in h.children)
                for h in first):
            # "Y owed much / more / a great deal to X": the object is how much, Y itself is the effect (not a
            # partitive, "lost most of its tenants to X"); a person as subject is the one who judges
            # ("historians attribute much to X"), no effect named
            first = [s for s in syntax.subjects(verb) if not self._agent(s)]
        if not first:
            return
        for head in first:
            for target in targets:
                reached = syntax.gerund_object(target, self.words)
                # "a part in engendering X": the causal gerund belongs to the cue
                cue_words = extra + [target.i] if reached.i != target.i else extra
                if rule.reverse:
                    cause, effect = reached, head
                else:
                    cause, effect = head, reached
                for c in self._members(cause):
                    for e in self._partitive_conjuncts(effect):
                        yield self._make(rule, (verb.i, verb.i + 1), c, e, cue_words)
        if rule.needs_object and not rule.reverse and not syntax.is_passive(verb) and first != syntax.subjects(verb):
            # "the missions absorbed local elites and turned them into clerks": the agent of the change, shared
            # by the coordinated verbs, brings about the result too (not a person's act: "the king turned X into Y")
            for subject in syntax.subjects(verb):
                if subject.pos_ == "PRON" or self._person(subject):
                    continue
                for c in self._members(subject):
                    for target in targets:
                        for e in syntax.conjuncts(syntax.gerund_object(target, self.words)):
                            if not (self._concrete(e) and not self._person(e)):  # not "... into a prison"
                                yield self._make(rule, (verb.i, verb.i + 1), c, e, extra)
        del by_agent

    def _causative(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        if verb.pos_ != "VERB" or not self._asserted_clause(verb):
            return
        clause = syntax.infinitive_complement(verb)
        if clause is None:
            yield from self._causative_result(rule, verb)
            return
        if syntax.content_clause_misparse(verb) is not None:
            return  # "the belief that X caused Y is mistaken": "is" is the sentence's predicate, not a result of Y
        if clause.dep_ == "advcl" and verb.lemma_.lower() in self.words.by_kind.get("bare_causative", ()):
            return  # "they made bread to feed the troops": "make X V" takes no "to"; this is a purpose
        if clause.tag_ == "VBG" and verb.lemma_.lower() in self.words.by_kind.get("bare_causative", ()):
            return  # "the mill makes cloth using local wool": "make X V" takes a bare verb, not a participle
        if verb.tag_ == "VB" and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.tag_ != "VB")) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
            return  # an imperative ("Let's get it done", "Make them pay"): nobody's act brings it about
        if syntax.is_passive(verb):
            # "peasants were forced by hunger to leave"; a passive causative takes a to-infinitive only: a finite or
            # participial clause after "was caused by X" belongs inside the agent's phrase ("caused by drugs that
            # the workers were exposed to", "by the one plate and the other moving past it"), not to the causee
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                return
            cause = syntax.agent(verb)
            subject = next(iter(syntax.passive_subjects(verb)), None)
        else:
            causes = syntax.subjects(verb)
            cause = causes[0] if causes else None
            subject = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if subject is None:
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is None and rule.strength == "contributory" and clause.dep_ == "xcomp":
                subject = clause  # "the levy helped (to) keep rents high": an enabling verb needs no causee
        event = syntax.participle_event(verb) if not syntax.is_passive(verb) else None
        if event is not None:
            cause = event[1]
        if cause is None or subject is None:
            return
        to = next((c.i for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        extra = [to] if to is not None else []
        for head, effect, own_start in syntax.conjoined_complements(subject, clause):
            if event is not None:
                yield TokenLink(rule.id, (verb.i, verb.i + 1), event[0], effect, event[1].i, head.i,
                                rule.strength, rule.polarity, rule.confidence, tuple(extra))
                continue
            for c in self._members(cause):
                cause_span = syntax.np_span(c, exclude={verb.i})
                if not syntax.valid_pair(cause_span, effect):  # "peasants were driven by hunger to flee"
                    effect = (own_start, effect[1])
                yield TokenLink(
                    rule.id, (verb.i, verb.i + 1), cause_span, effect, c.i, head.i,
                    rule.strength, rule.polarity, rule.confidence, tuple(extra),
                )

    def _causative_state(self, verb: Token) -> bool:
        """The verb is a causative (a rule of frame ``causative`` with ``prep``) with an object and a result phrase
        of that preposition after it ("encouraged the barons to revolt", "drove X into debt")."""
        preps = {p for r in self.by_lemma.get(verb.lemma_.lower(), ()) if r.frame == "causative" for p in r.prep}
        causee = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return causee is not None and any(c.dep_ == "prep" and c.lower_ in preps and c.i > causee.i
                                          and self._state_objects(c) for c in verb.children)

    def _state_objects(self, prep: Token) -> list[Token]:
        """The nouns of a result phrase that name a state ("into revolt", "into a war", "to despair"), not a place
        ("into the valley", "to their towns")."""
        return [t for t in syntax.prep_objects(prep) if t.pos_ == "NOUN"
                and not any(c.dep_ in ("det", "poss") and c.tag_ in ("DT", "PRP$", "POS")
                            and c.lower_ not in self.words.by_kind.get("state_determiner", ()) for c in t.children)]

    def _causative_result(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        """"The levies drove the peasants into revolt": the causee's result state (``rule.prep``) is the effect."""
        if not rule.prep or verb.lemma_.lower() in self.words.by_kind.get("bare_causative", ()) or syntax.is_passive(verb):
            return
        causee = next((c for c in verb.children if c.dep_ == "dobj"), None)
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in rule.prep and c.i > verb.i), None)
        if causee is None or prep is None or prep.i < causee.i:
            return
        if any(r.frame == "verb_prep" and prep.lower_ in r.prep and r.subject_cause
               for r in self.by_lemma.get(verb.lemma_.lower(), ())):
            return  # "drove X into debt": the lexicon's verb-preposition rule reads it (its subject is the cause)
        # a state ("into revolt", "into a war", "into debt"), not a place ("into the valley", "into their towns")
        results = self._state_objects(prep)
        causes = syntax.subjects(verb)
        event = syntax.participle_event(verb)
        for result in results:
            effect = (causee.left_edge.i, result.right_edge.i + 1)
            if event is not None:
                yield TokenLink(rule.id, (verb.i, verb.i + 1), event[0], effect, event[1].i, result.i,
                                rule.strength, rule.polarity, rule.confidence, (prep.i,))
                continue
            for cause in causes:
                for c in self._members(cause):
                    yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c, exclude={verb.i}), effect, c.i, result.i,
                                    rule.strength, rule.polarity, rule.confidence, (prep.i,))

    def _resultative(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        """"X left Y vulnerable (to Z)", "X made Y profitable", "X kept Y flowing": X causes Y's state."""
        if verb.pos_ != "VERB" or not self._asserted_clause(verb):
            return
        found = syntax.small_clause(verb)
        if found is None:
            return
        if verb.dep_ == "xcomp" and any(r.frame == "causative" for r in self.by_lemma.get(verb.head.lemma_.lower(), ())) \
                and getattr(syntax.infinitive_complement(verb.head), "i", None) == verb.i:
            return  # "the levy helped to keep prices high": the causative already reads its infinitive, with its strength
        subject, predicate = found
        if predicate.tag_ == "VBG" and verb.lemma_.lower() in self.words.by_kind.get("bare_causative", ()):
            return  # "the mill makes cloth using local wool": "make" takes no participle ("kept the mills running" does)
        causes = (syntax.agents(verb) or syntax.agents(predicate)) if syntax.is_passive(verb) else syntax.subjects(verb)
        event = syntax.participle_event(verb) if not syntax.is_passive(verb) else None
        start = min(subject.left_edge.i, predicate.i)
        effect = (start, max(syntax.clause_end(predicate), subject.right_edge.i + 1))
        by_phrase = [c.head.i for c in causes if c.head.head.i == predicate.i and c.head.i > predicate.i]
        if by_phrase:  # "were left stranded by the strike": the state ends before its by-phrase
            effect = (start, max(min(by_phrase), subject.right_edge.i + 1))
        if event is not None:
            yield TokenLink(rule.id, (verb.i, verb.i + 1), event[0], effect, event[1].i, subject.i,
                            rule.strength, rule.polarity, rule.confidence)
            return
        for cause in causes:
            for c in syntax.conjuncts(cause):
                yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c, exclude={verb.i}), effect, c.i,
                                subject.i, rule.strength, rule.polarity, rule.confidence)

    def _verb_clause(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        """"The drought meant that the harvest failed": the subject causes the that-clause.

        Not with a person or a pronoun as the subject ("he meant that ..." reports speech).
        """
        if verb.pos_ != "VERB" or not self._asserted_clause(verb):
            return
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            return
        for cause in syntax.subjects(verb):
            if cause.pos_ == "PRON" or cause.ent_type_ in ("PERSON", "NORP", "ORG") or self._concrete(cause):
                continue
            for c in self._members(cause):
                yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c), syntax.clause_span(clause), c.i,
                                clause.i, rule.strength, rule.polarity, rule.confidence)

    def _result_conjunct(self, token: Token) -> bool:
        """A coordinated noun marked as a result: "wages and thus demand" (``demand``)."""
        return token.pos_ in ("NOUN", "PROPN") and token.dep_ == "conj" and any(
            c.dep_ == "advmod" and c.lower_ in self.result_adverbs for c in token.children)

    def _degree_effort(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        """"X did little (nothing, much) to V": X -> the infinitive's clause, with the rule's polarity.

        The object of "do" is a degree word of ``rule.object``; the infinitive hangs on the verb or on that word.
        How much X did says whether it brought the end about ("little", "nothing": negative), not a purpose.
        """
        if verb.pos_ not in ("VERB", "AUX") or not self._asserted_clause(verb):
            return
        degree = next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "advmod") and c.lower_ in rule.object), None)
        if degree is None:
            return
        clause = next((c for c in list(verb.children) + list(degree.children) if c.dep_ in ("advcl", "xcomp", "relcl", "acl")
                       and c.tag_ == "VB" and c.i > degree.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if clause is None:
            return
        ends = [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        for subject in syntax.subjects(verb):
            for c in self._members(subject):
                for end in ends:
                    skip = {t.i for k in end.children if k.dep_ in ("conj", "cc") for t in k.subtree}
                    to = [a.i for a in end.children if a.dep_ == "aux" and a.lower_ == "to"]
                    yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c), syntax.clause_span(end, exclude=skip),
                                    c.i, end.i, rule.strength, rule.polarity, rule.confidence, (degree.i, *to))

    def _degree_result(self, rule: CueRule, degree: Token) -> Iterator[TokenLink | None]:
        """"so poor that the peasants fled", "strong enough to hold", "too weak to hold": a degree and what it brings.

        ``degree`` is the degree word (``rule.lemmas``: "so", "enough", "sufficiently", "too") modifying an
        adjective, adverb or participle (the scale). "so" stands right before the scale and its clause is a
        that-clause of the scale ("so poor that X"); the others take an infinitive on the scale or on the degree
        word ("strong enough to V", "too late to V", "old enough for X to V"). Cause: the degree phrase from the
        scale's first word (without the clause); effect: the clause without "that" or "to". "too" gives the
        rule's negative polarity (the degree keeps the end from happening). Not a comparison ("so much as"), nor
        an adjective that takes a that-clause of its own ("so relieved that X": lexicon kind
        ``that_complement_adjective``).
        """
        if degree.dep_ != "advmod" or degree.head.pos_ not in ("ADJ", "ADV", "VERB"):
            return
        scale = degree.head
        if scale.pos_ == "VERB" and scale.tag_ != "VBN":
            return  # "developed enough to V"; not "worked enough to V"
        drop: set[int] = set()
        if degree.lower_ == "so":
            if degree.i != scale.i - 1 or scale.lemma_.lower() in self.words.by_kind.get("that_complement_adjective", ()):
                return  # "so relieved that X": the that-clause is what the feeling is about
            clause = next((c for c in scale.children if c.dep_ in ("ccomp", "advcl") and c.i > scale.i
                           and c.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if clause is not None:
                drop = {m.i for m in clause.children if m.dep_ == "mark"}
        else:
            clause = next((c for c in list(scale.children) + list(degree.children)
                           if c.dep_ in ("xcomp", "advcl", "ccomp") and c.tag_ == "VB" and c.i > degree.i
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if clause is not None:
                drop = {a.i for a in clause.children if a.dep_ == "aux" and a.lower_ == "to"}
                drop |= {m.i for m in clause.children if m.dep_ == "mark" and m.lower_ == "for"}
        if clause is None:
            return
        start = min(degree.i, scale.i) if scale.pos_ == "VERB" else min(degree.i, scale.left_edge.i)
        end = max(degree.i, scale.i) + 1
        if scale.pos_ != "VERB":
            # the scale's own complement before the clause stays ("so dependent on imports that X")
            end = max([end] + [t.i + 1 for c in scale.children if c.i > scale.i and c.i < clause.left_edge.i
                                and c.dep_ == "prep" for t in c.subtree])
        effect = syntax.clause_span(clause, exclude=drop)
        yield TokenLink(rule.id, (degree.i, degree.i + 1), (start, end), effect, scale.i, clause.i,
                        rule.strength, rule.polarity, rule.confidence, tuple(sorted(drop)))

    def _participle(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        """"They marched, demanding Y" (motive: the participle causes) or, reversed, "it exploded, killing five"."""
        if verb.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children):
            return
        emotion = verb.lemma_.lower() in self.words.by_kind.get("emotion_verb", ())
        if verb.tag_ == "VBN" and (not emotion or (syntax.agent(verb) is None and not self._feeling_object(verb))):
            return  # "a method called X", "money demanded by rebels" describe; "angered by X" gives a motive
        if verb.tag_ == "VBG" and emotion:
            return  # "..., angering residents" tells a result, not a motive
        misparsed = self._misparsed_participle(verb) if not rule.reverse else None
        if misparsed is not None:
            main = misparsed
        elif verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
            main = verb.head
        elif verb.dep_ == "acl" and not rule.reverse:
            # "workers demanding Y blocked the road", "they staged a protest urging Y"
            main = next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if main is None or verb.head.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
                return
        else:
            return
        if rule.attach and not self.words.in_kinds(main.lemma_.lower(), rule.attach):
            return
        if rule.level_cause and any(c.dep_ == "mark" for c in verb.children):
            return  # "batted .208 while hitting three home runs": a participle with a subordinator tells a time
        if rule.level_cause and not ((self.words.in_kinds(main.lemma_.lower(), ("level_verb",))
                                      and not any(c.dep_ == "dobj" for c in main.children))  # not "plunged X into war"
                                     or self._states_figure(main, skip={t.i for t in verb.subtree})):
            return  # "shares traded up 20 cents, hitting X": only a change of level has a level as its result
        if self._progressive(verb, main):
            return  # "the union was on Friday protesting outside the offices": the participle is the predicate
        if misparsed is not None:  # "went on strike demanding higher pay": the participle with the phrase it governs
            own = (verb.i, verb.head.right_edge.i + 1)
            other = self._main_clause_span(main, exclude=set(range(verb.i, verb.head.right_edge.i + 1)))
            yield TokenLink(rule.id, (verb.i, verb.i + 1), own, other, verb.i, main.i,
                            rule.strength, rule.polarity, rule.confidence)
            return
        # a result participle's clause without a subordinate clause of its own ("killing five while trying to X")
        own = self._motive_span(verb) if not rule.reverse else syntax.clause_span(verb, exclude={
            t.i for c in verb.subtree if c.i != verb.i and c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)
            for t in c.subtree})
        other = self._main_clause_span(main, exclude={t.i for t in verb.subtree})
        if rule.reverse:
            head = syntax.subjects(main)
            yield TokenLink(rule.id, (verb.i, verb.i + 1), other, own, (head[0] if head else main).i, verb.i,
                            rule.strength, rule.polarity, rule.confidence)
        else:
            yield TokenLink(rule.id, (verb.i, verb.i + 1), own, other, verb.i, main.i,
                            rule.strength, rule.polarity, rule.confidence)

    def _states_figure(self, verb: Token, skip: set[int]) -> bool:
        """The verb's clause states a figure after the verb: a number in its object, measure or prepositional phrase
        ("traded up $0.21", "cut its stake by 511 shares"), not a year or a time ("in 2019", "on 3 May")."""
        for child in verb.children:
            if child.i < verb.i or child.i in skip or child.dep_ in ("nsubj", "nsubjpass", "advcl", "conj", "ccomp"):
                continue
            for token in child.subtree:
                if token.i in skip or not token.like_num:
                    continue
                holder = token.head
                if self.words.in_kinds(holder.lemma_.lower(), ("time_noun",)) or holder.pos_ == "PROPN" \
                        or (len(token.text) == 4 and token.text.isdigit()):
                    continue  # "for 3 years", "on 3 May", "in 2019": a time or a date
                return True
        return False

    def _progressive(self, verb: Token, main: Token) -> bool:
        """Whether the parser hung a progressive's participle on its auxiliary "be" ("X was on Friday protesting
        outside Y", with "was" the root): "be" has no predicate of its own (only adverbs or a time phrase stand
        between them, no comma); "thousands were on the streets demanding X" has one (a place)."""
        if main.lemma_.lower() != "be" or verb.dep_ != "advcl" or verb.i < main.i:
            return False
        if any(c.dep_ in ("attr", "acomp", "oprd", "xcomp", "ccomp") for c in main.children):
            return False
        if any(t.is_punct for t in main.doc[main.i + 1:verb.i]):
            return False
        between = [c for c in main.children if main.i < c.i < verb.i]
        return all(c.dep_ in ("advmod", "neg") or syntax.is_time_expression(c, self.words) or (
            c.dep_ == "prep" and any(o.dep_ == "pobj" and syntax.is_time_expression(o, self.words) for o in c.children))
            for c in between)

    @staticmethod
    def _misparsed_participle(verb: Token) -> Token | None:
        """The clause of a participle the parser read as an adjective on its own object ("went on strike demanding
        higher pay", with "demanding" an ``amod`` of "pay"), or None.

        The participle follows a noun directly (not a determiner, an adjective or a verb, as the adjective does in
        "a demanding task", "dispersed protesting crowds"), comes first in its object's phrase and the object phrase has no determiner of its own.
        Returns the verb of the clause the participle tells the motive of.
        """
        doc = verb.doc
        noun = verb.head
        if verb.dep_ != "amod" or verb.tag_ != "VBG" or verb.i == 0 or noun.i <= verb.i \
                or noun.left_edge.i != verb.left_edge.i:
            return None
        before = doc[verb.i - 1]  # "strike" in "went on strike demanding X" (the parser may hang it on the participle)
        if before.pos_ not in ("NOUN", "PROPN") or (before.dep_ == "compound" and before.head.i != verb.i):
            return None
        return next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)

    def _feeling_object(self, verb: Token) -> bool:
        """A past participle of feeling with the object of the feeling in a prepositional phrase ("irked over the
        arrests", "alarmed at the news"; lexicon kind ``emotion_prep``), which names its source as a by-agent does."""
        preps = self.words.by_kind.get("emotion_prep", ())
        return any(c.dep_ == "prep" and c.lower_ in preps and any(o.dep_ in ("pobj", "pcomp") for o in c.children)
                   for c in verb.children)

    def _counterfactual(self, rule: CueRule, token: Token) -> Iterator[TokenLink | None]:
        """"Had X happened, Y would never have Z" / "If X had happened, Y would have Z": X -> Y.

        ``token`` opens the condition: an inverted auxiliary before its subject
        (lexicon kind ``inverted_conditional``) or a subordinator (kind
        ``condition_marker``) of a past-perfect clause. The main clause needs a
        conditional modal and perfect "have" (kind ``conditional_modal``); when
        its verb is a causal cue of its own, that cue's frame reads it instead.
        """
        kinds = self.words.by_kind
        sub = token.head
        if sub.dep_ != "advcl" or sub.pos_ not in ("VERB", "AUX"):
            return
        if token.dep_ in ("aux", "auxpass") and token.lower_ in kinds.get("inverted_conditional", ()):
            if token.i != sub.left_edge.i or any(c.dep_ == "mark" for c in sub.children):
                return
            if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > token.i for c in sub.children):
                return
        elif token.dep_ == "mark" and token.lower_ in kinds.get("condition_marker", ()):
            if sub.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in sub.children):
                return
        else:
            return
        main = sub.head
        modal = [c for c in main.children if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in kinds.get("conditional_modal", ())]
        if main.pos_ not in ("VERB", "AUX") or not modal or not any(
                c.dep_ == "aux" and c.lemma_ == "have" and c.i > modal[0].i for c in main.children):
            return
        if any(self._would_read(r, main) for r in self.by_lemma.get(main.lemma_.lower(), ()) if r.id != rule.id):
            return
        cause_span = syntax.clause_span(sub, exclude={token.i})
        effect_span = syntax.core_clause_span(main, exclude={t.i for t in sub.subtree})
        # "the mutiny would never have begun": what would (not) have emerged is the mutiny
        subject = next((c for c in main.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        negated = any(c.dep_ == "neg" for c in main.children)  # the negation is the link's polarity, not the name's
        intransitive = subject is not None and not syntax.objects(main) and not syntax.is_passive(main) \
            and (negated or main.lemma_.lower() in kinds.get("emergence_verb", ()))
        yield TokenLink(rule.id, (token.i, token.i + 1), cause_span, effect_span, sub.i,
                        subject.i if intransitive else main.i, rule.strength, rule.polarity, rule.confidence)

    @staticmethod
    def _would_read(rule: CueRule, verb: Token) -> bool:
        """Whether ``rule`` can read a link off ``verb`` (a verb cue with an object or complement, or its preposition).

        A passive with no agent names no cause ("millions of deaths could have been prevented"): the cue's frame
        reads nothing off it, so the counterfactual's condition is the cause."""
        if rule.frame in ("verb", "causative"):
            if syntax.is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children):
                return False
            return any(c.dep_ in ("dobj", "xcomp", "ccomp", "agent", "nsubjpass") for c in verb.children)
        if rule.frame == "verb_prep":
            return any(c.dep_ in ("prep", "prt", "agent") and c.lower_ in rule.prep for c in verb.children)
        return False

    def _depictive(self, rule: CueRule, adjective: Token) -> Iterator[TokenLink | None]:
        """"Unable to agree on the budget, the coalition collapsed": a fronted adjective phrase gives the reason.

        The adjective heads a subjectless adverbial phrase before the main
        clause's subject and takes a complement of its own (an infinitive or a
        prepositional phrase), so that a bare "Young, he ..." does not count;
        adjectives of comparison (lexicon kind ``comparison_adjective``) do not
        give reasons ("Similar to X, Y ...").
        """
        misread = adjective.pos_ == "PROPN" and adjective.i == adjective.sent.start  # "Aware of X, ...": capitalised
        if (adjective.pos_ != "ADJ" and not misread) or adjective.dep_ != "advcl" or adjective.head.pos_ not in ("VERB", "AUX"):
            return
        main = adjective.head
        subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or adjective.i > subject.i or adjective.right_edge.i >= subject.i:
            return
        if any(c.dep_ in ("nsubj", "mark", "expl") for c in adjective.children):
            return
        if not any(c.dep_ in ("xcomp", "prep") for c in adjective.children):
            return
        if adjective.lemma_.lower() in self.words.by_kind.get("comparison_adjective", ()):
            return
        if adjective.tag_ in ("JJR", "JJS") or any(c.dep_ == "advmod" and c.tag_ in ("RBR", "RBS") for c in adjective.children):
            return  # "Most striking of all, X": a comment on what follows, not a reason
        if not self._asserted_clause(main):
            return
        cause = syntax.clause_span(adjective)
        effect = syntax.core_clause_span(main, exclude={t.i for t in adjective.subtree})
        yield TokenLink(rule.id, (adjective.i, adjective.i + 1), cause, effect, adjective.i, main.i,
                        rule.strength, rule.polarity, rule.confidence)
