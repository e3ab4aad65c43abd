"""Frames of causal nouns: "the cause of", copular nouns, links between two nouns, findings across units ("in regions where X"), elliptic and described consequences.

The methods of :class:`NounFrames` are mixed into
:class:`argmine.nlp.components.causal.CausalLinkFinder`, which gives them ``self.words``,
``self.by_lemma`` and the shared helpers they call; each frame yields
:class:`~argmine.nlp.components.causal.TokenLink` records (or ``None`` for a cue it read and rejected).
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from .. import nominal
from .. import syntax
from ..rules import CueRule
from ..wordnet import wordnet
from .token_link import TokenLink

__all__ = ["NounFrames"]


class NounFrames:
    """Frames of causal nouns (a mixin of the causal link finder)."""

    def _between_noun(self, rule: CueRule, noun: Token) -> Iterator[TokenLink | None]:
        """"a link (connection) between X and Y": X -> Y, with the rule's strength (associative).

        Both ends must be events or conditions (WordNet event nouns), not people, bodies, places or things.
        A negative determiner on the noun ("no link between X and Y") is read by the factuality module.
        """
        if noun.pos_ != "NOUN":
            return
        between = next((p for p in noun.children if p.dep_ == "prep" and p.lower_ in rule.prep), None)
        first = next(iter(syntax.prep_objects(between)), None) if between is not None else None
        if first is None:
            return
        second = next((c for c in first.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
        if second is None:
            return
        for end in (first, second):
            if end.pos_ != "NOUN" or self._concrete(end) or self._actor(end) or not self._eventive(end):
                return  # "the relationship between state and society" relates bodies, not events
        yield TokenLink(rule.id, (noun.i, noun.i + 1), syntax.np_span(first, exclude={t.i for t in second.subtree}
                                                                          | {c.i for c in first.children if c.dep_ == "cc"}),
                        syntax.np_span(second), first.i, second.i, rule.strength, rule.polarity, rule.confidence, (between.i,))

    def _unit_condition(self, rule: CueRule, noun: Token) -> Iterator[TokenLink | None]:
        """A finding across units (places, polities, groups) that share a condition.

        - "Y happened in [areas] where X" / "in [areas] experiencing X": the condition X -> the clause Y;
        - "[Colonies] that did X were Y-er" / "[drought-struck districts] had more Y": X -> the predicate, only when
          the predicate compares (a comparative: a finding across units, not a description of one place).
        ``noun`` is a plural unit noun of the rule's lemmas; the condition is its relative clause, participle or
        participial adjective. Polarity is the rule's; factuality reads negation and hedges later.
        """
        if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
            return
        mods = [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX") and c.i > noun.i]
        mods += [c for c in noun.children if c.dep_ == "amod" and c.tag_ == "VBN" and c.i < noun.i]
        mods += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" and c.i == noun.i + 1
                 for o in c.children if o.dep_ == "pobj"]  # "parishes with more enclosures"
        if not mods:
            return
        prep = noun.head
        elided = noun.head if noun.head.lemma_ == "do" and self._inverted_ellipsis(noun.head) else None
        if elided is not None and elided.dep_ in ("advcl", "conj") and elided.head.pos_ in ("VERB", "AUX"):
            # "Y-ed more, as did [countries that X]": the predicate is the one the ellipsis copies
            main = elided.head
            if not any(t.tag_ in ("JJR", "RBR") for t in main.subtree if t.i < elided.i):
                return
            subject = {t.i for s in syntax.subjects(main) for t in s.subtree}
            effect = syntax.core_clause_span(main, exclude=subject | {t.i for t in elided.subtree} | {
                t.i for t in main.children if t.dep_ in ("advmod", "aux", "cc") and t.i < main.i})
            for mod in mods:
                yield self._unit_condition_link(rule, noun, mod, effect, main)
            return
        if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in rule.prep and prep.head.pos_ in ("VERB", "AUX") \
                and prep.i > prep.head.i:
            main = prep.head
            if any(self._person(s) for s in syntax.subjects(main) + syntax.passive_subjects(main)):
                return  # "he was born in villages where ...": a life's setting, not a finding across units
            effect = syntax.core_clause_span(main, exclude={t.i for t in prep.subtree})
        elif noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") and any(
                t.tag_ in ("JJR", "RBR") for t in noun.head.subtree if t.i > noun.right_edge.i):
            main = noun.head
            elided = [c for c in main.children if c.dep_ == "conj" and c.lemma_ == "do" and self._inverted_ellipsis(c)]
            effect = syntax.core_clause_span(main, exclude={t.i for t in noun.subtree} | {t.i for t in main.children
                                                                                       if t.dep_ in ("advmod", "aux") and t.i < main.i}
                                             | {t.i for c in elided for t in c.subtree}
                                             | {c.i for c in main.children if c.dep_ in ("cc", "punct") and elided and c.i < elided[0].i and c.i > main.i})
        else:
            return
        for mod in mods:
            yield self._unit_condition_link(rule, noun, mod, effect, main)

    def _unit_condition_link(self, rule: CueRule, noun: Token, mod: Token, effect: tuple[int, int], main: Token) -> TokenLink:
        """The link of one condition ``mod`` (relative clause, participle, participial adjective or "with" object)."""
        if mod.dep_ == "pobj":
            cause = syntax.np_span(mod)
        elif mod.dep_ == "amod":
            cause = (mod.left_edge.i, mod.i + 1)
        else:
            relative = {c.i for c in mod.children if c.tag_ in ("WDT", "WRB", "WP") or c.lower_ == "that"}
            cause = syntax.clause_span(mod, exclude=relative)
        return TokenLink(rule.id, (noun.i, noun.i + 1), cause, effect, mod.i, main.i,
                         rule.strength, rule.polarity, rule.confidence)

    def _noun(self, rule: CueRule, noun: Token) -> Iterator[TokenLink | None]:
        if noun.pos_ != "NOUN":
            return
        causes = [t for p in noun.children if p.dep_ == "prep" and p.lower_ in rule.cause_prep for t in syntax.prep_objects(p)]
        if not causes:
            # the possessor: a noun, or a singular anaphoric pronoun ("X and its effects on Y", lexicon kind
            # ``anaphoric_pronoun``, value singular), which the anaphora stage resolves; "his"/"their" name actors
            singular = self.lexicon.words("anaphoric_pronoun", "singular")
            owner = next((c for c in noun.children if c.dep_ == "poss" and (
                c.pos_ in ("NOUN", "PROPN") or (c.pos_ == "PRON" and c.lower_ in singular))), None)
            if owner is not None and not rule.effect_is_self:
                causes = [owner]
        if not causes:
            holder = syntax.have_subject(noun, self.words)
            if holder is not None:
                causes = [holder]
        if rule.effect_is_self:
            if noun.dep_ == "attr" and syntax.copula_partner(noun) is not None:
                return  # "X was a reaction to Y": the copula frame names X as the effect
            exclude = {t.i for p in noun.children if p.dep_ == "prep" and p.lower_ in rule.cause_prep for t in p.subtree}
            effects = [noun]
            effect_span = syntax.np_span(noun, exclude=exclude)
        else:
            holders = [noun] + [c for c in causes if c.i > noun.i]  # "the effects of X on Y": "on Y" may hang on X
            effects = [t for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in rule.effect_prep
                       for t in syntax.prep_objects(p)]
            effect_span = None
            if not effects and causes and self._described_consequences(noun, causes[0]):
                # "the tax farms had dire consequences": the consequences are the effect
                yield from (TokenLink(rule.id, (noun.i, noun.i + 1), syntax.np_span(c), syntax.np_span(noun), c.i, noun.i,
                                      rule.strength, rule.polarity, rule.confidence)
                            for c in syntax.conjuncts(causes[0]))
                return
        for cause in causes:
            for c in syntax.conjuncts(cause):
                for effect in effects:
                    for e in ([effect] if rule.effect_is_self else syntax.conjuncts(effect)):
                        span = effect_span if rule.effect_is_self else syntax.np_span(e)
                        inner = {t.i for t in e.head.subtree} if not rule.effect_is_self and e.head.head.i == c.i else ()
                        yield TokenLink(rule.id, (noun.i, noun.i + 1), syntax.np_span(c, exclude=inner), span, c.i, e.i,
                                        rule.strength, rule.polarity, rule.confidence)

    def _copula_noun(self, rule: CueRule, noun: Token) -> Iterator[TokenLink | None]:
        if noun.pos_ != "NOUN":
            return
        inner_prep = rule.cause_prep if rule.reverse else rule.effect_prep
        misparse = syntax.locative_copula_misparse(noun, self.words) if not rule.reverse and "of" in inner_prep else None
        if misparse is not None:  # "the roots of Y lie in X", "lie" parsed as a noun
            effect_span, effect, cause = misparse
            for c in syntax.conjuncts(cause):
                yield TokenLink(rule.id, (noun.i, noun.i + 1), syntax.np_span(c), effect_span, c.i, effect.i,
                                rule.strength, rule.polarity, rule.confidence)
            return
        inner = [t for p in noun.children if p.dep_ == "prep" and p.lower_ in inner_prep for t in syntax.prep_objects(p)]
        if not inner and noun.dep_ == "attr" and noun.head.lemma_ == "be" and noun.right_edge.i + 1 < len(noun.doc):
            # "X was a key factor in Y": the parser may hang the noun's "in Y" on the copula, right after the noun
            after = noun.doc[noun.right_edge.i + 1]
            if after.dep_ == "prep" and after.head.i == noun.head.i and after.lower_ in inner_prep and after.lower_ != "of":
                inner = [t for t in syntax.prep_objects(after) if not (t.like_num or t.ent_type_ in ("DATE", "TIME"))]
        if not inner:  # "not a cause but a consequence of Y", "a symptom rather than a cause of Y": the last noun's "of Y"
            partner = noun.head if noun.dep_ == "conj" else next((c for c in noun.children if c.dep_ == "conj"), None)
            sharing = partner is not None and partner.pos_ == "NOUN" and partner.i > noun.i and not any(
                p.dep_ == "prep" for p in noun.children)
            if sharing and inner_prep:  # "as both trigger and pretext for Y": the partner's "for Y" too
                shared = self.words.by_kind.get("shared_complement_prep", ())
                inner = [t for p in partner.children if p.dep_ == "prep" and p.lower_ in shared and p.lower_ in inner_prep
                         for t in syntax.prep_objects(p)]
        if not inner:
            yield from self._elliptic_cause_noun(rule, noun)
            return
        outer = syntax.copula_partner(noun) or nominal.regarded_as_partner(noun, self.words)
        if outer is None and noun.dep_ == "conj" and noun.head.dep_ == "attr":
            outer = syntax.copula_partner(noun.head)  # "X was not a cause but a consequence of Y": X for both nouns
        if outer is None:
            return
        if not rule.reverse and nominal.denied_rank(noun, self.words):
            # "X was not the root of Y": X may still have worsened Y; what is denied is X as "the root of Y"
            for o in syntax.conjuncts(outer):
                yield TokenLink(rule.id, (noun.i, noun.i + 1), syntax.np_span(o), syntax.np_span(noun), o.i, noun.i,
                                rule.strength, rule.polarity, rule.confidence)
            return
        # "saw the blockade as the cause of X": an "as" the parser hung on the partner is no part of its phrase
        hung_as = (noun.head.i,) if noun.head.head.i == outer.i and outer.pos_ in ("NOUN", "PROPN") else ()
        for o in syntax.conjuncts(outer):
            for i in syntax.conjuncts(inner[0]):
                cause, effect = (i, o) if rule.reverse else (o, i)
                yield self._make(rule, (noun.i, noun.i + 1), cause, effect, hung_as)

    def _elliptic_cause_noun(self, rule: CueRule, noun: Token) -> Iterator[TokenLink | None]:
        """"X was the deeper cause of Y, while the immediate cause was Z": Z -> Y.

        A cause noun without a complement, the subject of a copula whose
        predicate (an adjective or a noun) names the cause; the effect is what a
        sibling cause noun of the same rule in the sentence is the cause of.
        """
        if rule.reverse:
            return
        predicate = nominal.copula_complement(noun)
        if predicate is None:
            return
        effects = nominal.sibling_effects(noun, rule.lemmas, rule.effect_prep)
        cause_span = syntax.np_span(predicate) if predicate.pos_ != "ADJ" else (predicate.left_edge.i, predicate.right_edge.i + 1)
        for effect in effects:
            yield TokenLink(rule.id, (noun.i, noun.i + 1), cause_span, syntax.np_span(effect), predicate.i, effect.i,
                            rule.strength, rule.polarity, rule.confidence)

    def _described_consequences(self, noun: Token, holder: Token) -> bool:
        """"X had dire consequences": a plural effect noun, had by X, described by an adjective, not counted.

        A counted or quantified noun ("had three effects", "had many
        consequences") announces a list (the enumeration stage reads it).
        """
        have = syntax.have_subject(noun, self.words)
        if noun.tag_ != "NNS" or have is None or have.i != holder.i or noun.dep_ != "dobj":
            return False
        if any(c.dep_ in ("nummod", "quantmod") for c in noun.children):
            return False
        described = [c for c in noun.children if c.dep_ == "amod" and c.i < noun.i]
        drop = self.words.by_kind.get("drop_modifier", ())
        return bool(described) and not any(c.lower_ in drop for c in described)

    def _decrease_noun(self, token: Token) -> bool:
        """A noun of decrease or loss ("depletion", "decline", "shortage").

        It is the WordNet nominalization of a verb that a ``decrease`` cue rule
        reads ("depletion" < deplete), or one of its WordNet hypernyms (two
        levels up, any sense) is a noun of lexicon kind ``decrease_noun_root``
        ("decline" < decrease, "shortage" < deficiency). Sources: Open English
        WordNet via :mod:`argmine.nlp.wordnet`.
        """
        if token.pos_ != "NOUN":
            return False
        noun = token.lemma_.lower()
        net = wordnet()
        if net.verb_of.get(noun) in self.decrease_verbs:
            return True
        roots = self.words.by_kind.get("decrease_noun_root", frozenset())
        return noun in roots or bool(net.ancestors(noun, depth=2, words=False) & roots)
