"""The ``argmine_causal_links`` component: causal links read off the parse.

The cue lexicon (``models/causal_cues.jsonl``) says which words signal a causal
link and which *frame* finds its cause and effect on the dependency parse; the
frames are the grammar below. Each found link is stored as plain data in
``doc._.causal_links``: token indices of cue, cause and effect, the rule id and
the rule's strength, polarity and confidence. Spans go to
``doc.spans["argmine_cause"]``, ``["argmine_effect"]`` and ``["argmine_cue"]``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..extensions import ensure_extensions
from ..rules import CueRule, load_cue_rules, load_lexicon, record_lexicon
from .. import nominal
from .. import syntax
from ..wordnet import wordnet

__all__ = ["CausalLinkFinder", "make_causal_link_finder", "TokenLink"]


@dataclass(frozen=True)
class TokenLink:
    """A causal link as token indices (end-exclusive) into one ``Doc``."""

    rule: str
    cue: tuple[int, int]
    cause: tuple[int, int]
    effect: tuple[int, int]
    cause_head: int
    effect_head: int
    strength: str
    polarity: str
    confidence: float
    cue_extra: tuple[int, ...] = ()  # further cue tokens, e.g. "led ... to"
    direction: str = ""  # what the cue does to the effect: "increase", "decrease" or ""

    def to_data(self) -> dict:
        return {
            "rule": self.rule, "cue": list(self.cue), "cause": list(self.cause),
            "effect": list(self.effect), "cause_head": self.cause_head,
            "effect_head": self.effect_head, "strength": self.strength,
            "polarity": self.polarity, "confidence": self.confidence,
            "cue_extra": list(self.cue_extra), "direction": self.direction,
        }


@Language.factory(
    "argmine_causal_links",
    # token.pos is read too; it comes from the attribute_ruler, which does not declare it
    requires=["token.dep", "token.head", "token.lemma", "token.tag"],
    assigns=["doc._.causal_links", "doc.spans"],
    default_config={"cues_path": None, "lexicon_path": None},
)
def make_causal_link_finder(nlp: Language, name: str, cues_path: str | None, lexicon_path: str | None):
    return CausalLinkFinder(nlp, cues_path=cues_path, lexicon_path=lexicon_path)


class CausalLinkFinder:
    """Find causal links in a parsed ``Doc`` with the cue lexicon's frames.

    The cue rules are compiled once, when the component is made or
    (re)initialised (:meth:`initialize`, :meth:`from_disk`): single-word cues
    into a lemma index (one dict look-up per token), multiword and connective
    cues into one ``PhraseMatcher`` over the whole ``Doc``. :meth:`to_disk`
    saves the rules with a pipeline, so ``spacy.load`` of the saved folder
    gives the same links in another process.
    """

    #: the file :meth:`to_disk` writes the cue rules to, inside the component's folder
    RULES_FILE = "cues.jsonl"

    def __init__(self, nlp: Language, cues_path: str | None = None, lexicon_path: str | None = None):
        ensure_extensions()
        self.rules = load_cue_rules(cues_path)
        self.lexicon = load_lexicon(lexicon_path)
        self.words = syntax.WordLists.of(self.lexicon)
        classes = self.lexicon.of_kind("concrete_noun")
        self.concrete = frozenset(w for rule in classes if rule.value != "group" for w in rule.words)
        self.groups = frozenset(w for rule in classes if rule.value == "group" for w in rule.words)
        self.persons = frozenset(w for rule in classes if rule.value == "person" for w in rule.words)

        self.vocab = nlp.vocab
        self.make_doc = nlp.make_doc
        self.compile_rules(self.rules)

    def compile_rules(self, rules: Iterable[CueRule]) -> None:
        """Use ``rules`` as the cue lexicon: index them by lemma and build the phrase matcher (once)."""
        self.rules = tuple(rules)
        self.rule_by_id = {rule.id: rule for rule in self.rules}
        # verbs that make their object smaller or weaker: their nominalizations name a decrease
        self.decrease_verbs = frozenset(lemma for rule in self.rules if rule.direction == "decrease"
                                        and rule.frame in ("verb", "verb_prep") for lemma in rule.lemmas)
        self.by_lemma: dict[str, list[CueRule]] = {}
        self.phrase_rules: dict[str, CueRule] = {}
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        # frames whose cue is a construction, not a word: tried on every token
        self.construction_rules = [rule for rule in self.rules if rule.frame in _CONSTRUCTION_FRAMES]
        self.result_rules = frozenset(rule.id for rule in self.rules if rule.frame == "result_adverb")
        self.result_adverbs = frozenset(w for rule in self.rules if rule.frame == "result_adverb" for w in rule.lemmas)
        for rule in self.rules:
            for lemma in rule.lemmas:
                if " " in lemma or rule.frame in ("connective_prep", "connective_adverb", "connective_mark", "purpose"):
                    key = f"{rule.id}::{lemma}"
                    self.phrase_rules[key] = rule
                    self.matcher.add(key, [self.make_doc(lemma)])
                else:
                    self.by_lemma.setdefault(lemma, []).append(rule)

    # -- spaCy's component protocol ------------------------------------------

    def initialize(self, get_examples=None, *, nlp: Language | None = None, cues_path: str | None = None) -> None:
        """Compile the cue rules of ``cues_path`` (a cue JSONL file), or keep the ones loaded; nothing is trained.

        Called by ``nlp.initialize()``; ``[initialize.components.argmine_causal_links]``
        ``cues_path`` in a pipeline config chooses the file. Raises
        :class:`argmine.errors.RuleFileError` on a malformed file.
        """
        if cues_path is not None:
            self.compile_rules(load_cue_rules(cues_path))

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        """Write the cue rules in use (hand and derived, merged) to ``path``/``cues.jsonl``."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps(rule.to_json(), ensure_ascii=False) for rule in self.rules)
        (folder / self.RULES_FILE).write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "CausalLinkFinder":
        """Read the cue rules :meth:`to_disk` wrote under ``path`` and compile them."""
        file = Path(path) / self.RULES_FILE
        self.compile_rules(load_cue_rules(str(file), verbs_path="", nouns_path=""))
        return self

    def __call__(self, doc: Doc) -> Doc:
        record_lexicon(doc, self.lexicon)
        links = list(self.find(doc))
        doc._.causal_links = [link.to_data() for link in links]
        doc.spans["argmine_cause"] = [Span(doc, *link.cause, label=link.rule) for link in links]
        doc.spans["argmine_effect"] = [Span(doc, *link.effect, label=link.rule) for link in links]
        doc.spans["argmine_cue"] = [Span(doc, *link.cue, label=link.rule) for link in links]
        return doc

    # -- finding ------------------------------------------------------------

    def find(self, doc: Doc) -> Iterator[TokenLink]:
        seen: set[tuple] = set()
        for link in self._candidates(doc):
            if link is None:
                continue
            if not syntax.valid_pair(link.cause, link.effect):
                continue
            if link.rule not in self.result_rules and self._result_conjunct(doc[link.effect_head]):
                continue  # "eroded wages and thus urban demand": demand is the effect of wages (result_adverb frame)
            cause, cause_head = syntax.degree_question_end(doc, link.cause, link.cause_head)
            effect, effect_head = syntax.degree_question_end(doc, link.effect, link.effect_head)
            if (cause, effect) != (link.cause, link.effect):  # "how much of X was due to Y": the link is about X
                link = replace(link, cause=cause, cause_head=cause_head, effect=effect, effect_head=effect_head)
            ends = self._binomial_end(doc, link.cause, link.cause_head), self._binomial_end(doc, link.effect, link.effect_head)
            if None in ends:
                continue  # "the ebb and flow of X": the second noun of the pair is read with the first
            if ends != ((link.cause, link.cause_head), (link.effect, link.effect_head)):
                link = replace(link, cause=ends[0][0], cause_head=ends[0][1], effect=ends[1][0], effect_head=ends[1][1])
            key = (link.cause, link.effect)
            heads = (link.cause_head, link.effect_head, link.polarity)
            if key in seen or heads in seen:  # "forced the king into exile": one link, however many rules read it
                continue
            rule = self.rule_by_id[link.rule]
            effect = doc[link.effect_head]
            if self._rejected(rule, link, doc):
                continue
            seen.update((key, heads))
            link = self._without_time(doc, link)
            if rule.direction:
                link = replace(link, direction=rule.direction)
            if rule.direction == "decrease" and link.polarity == "positive" and self._decrease_noun(effect):
                link = replace(link, polarity="negative")  # "reduced the depletion of X": a double negative
            yield link

    def _binomial_end(self, doc: Doc, span: tuple[int, int], head: int) -> tuple[tuple[int, int], int] | None:
        """One end of a link widened to a whole binomial pair ("the rise and fall of X", lexicon kind ``binomial``).

        Returns ``(span, head)``: unchanged unless ``head`` is the first noun of a pair, then the span runs to the
        end of the second noun's phrase (which holds the shared complement); ``None`` when ``head`` is the second
        noun of a pair, whose link the first noun's link already gives.
        """
        token = doc[head]
        pairs = self.words.by_kind.get("binomial", ())
        if token.pos_ != "NOUN" or not pairs:
            return span, head
        if token.dep_ == "conj" and token.head.pos_ == "NOUN" and token.i == token.head.i + 2 \
                and f"{token.head.lower_} and {token.lower_}" in pairs:
            return None
        second = next((c for c in token.children if c.dep_ == "conj" and c.i == token.i + 2), None)
        if second is None or f"{token.lower_} and {second.lower_}" not in pairs:
            return span, head
        # the shared complement hangs on the second noun or, after it, on the first ("the ebb and flow of X")
        shared = [c.right_edge.i + 1 for c in token.children if c.dep_ == "prep" and c.i > second.i]
        return (span[0], max([span[1], syntax.np_span(second)[1]] + shared)), head

    def _rejected(self, rule: CueRule, link: TokenLink, doc: Doc) -> bool:
        """Whether the rule's conditions on its ends turn ``link`` down (checked before it can shadow another cue)."""
        effect = doc[link.effect_head]
        if effect.morph.get("Reflex") == ["Yes"] and rule.frame in ("verb", "verb_prep"):
            return True  # "they cut themselves": the cause acts on itself
        if rule.abstract_end and self._agent(doc[link.cause_head]) and (self._concrete(effect) or effect.pos_ == "PROPN"):
            return True  # "the bishop broke the seal": a person's act on a person or thing, not a historian's cause
        if rule.abstract_effect and self._concrete(effect):
            return True  # "the cartographer created an atlas": making a thing is production, not causation
        if rule.event_effect and not self._eventive(effect):
            return True  # "the envoy brought a letter": carrying a thing is no cause; "the siege brought famine" is
        if rule.experiencer and self._concrete(effect) and not self._person(effect):
            return True  # "the news alarmed the guilds" yes, "... alarmed the mixture" no: a feeling needs a person
        if rule.event_cause and self._actor(doc[link.cause_head]):
            return True  # "the union launched a strike": an agent's deliberate act, not a cause
        if rule.event_cause and doc[link.cause_head].pos_ == "PROPN" and doc[link.cause_head].ent_type_ != "EVENT":
            return True  # "Braudel explains X": a name not marked as a named event is taken for a person's act
        if rule.event_cause and doc[link.cause_head].pos_ != "VERB" and any(
                c.dep_ == "poss" and c.tag_ == "PRP$" for c in effect.children):
            return True  # "the bank doubled its capital": a body managing what it owns
        if rule.frame == "verb" and rule.object and effect.lemma_.lower() not in rule.object:
            return True  # "X posed a threat": only the nouns the rule names
        return False

    def _candidates(self, doc: Doc) -> Iterator[TokenLink | None]:
        taken: set[int] = set()  # cue tokens of links found so far
        for token in doc:
            for rule in self.construction_rules:
                yield from _CONSTRUCTION_FRAMES[rule.frame](self, rule, token)
            for rule in self.by_lemma.get(token.lemma_.lower(), ()):
                frame = _FRAMES.get(rule.frame)
                if rule.frame == "participle" and token.i in taken:
                    continue  # "..., prompting X": the verb's own frame has read it
                if frame is not None:
                    for link in frame(self, rule, token):
                        if link is not None and not rule.source and not self._rejected(rule, link, doc):
                            # a derived verb, or a link its rule turns down, does not shadow a connective's link
                            taken.update(range(*link.cue), link.cue_extra)
                        yield link
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        for match_id, start, end in matches:
            if any(i in taken for i in range(start, end)):
                continue
            rule = self.phrase_rules[doc.vocab.strings[match_id]]
            frame = _PHRASE_FRAMES[rule.frame]
            found = list(frame(self, rule, doc[start:end]))
            if rule.frame == "connective_prep":  # "protesting against X" is the participle's link
                found = [link for link in found if link is not None and link.effect_head not in taken]
            if any(found):
                taken.update(range(start, end))
            yield from found

    # -- verb frames ----------------------------------------------------------

    def _verb(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        if verb.pos_ not in ("VERB",) or not self._asserted_clause(verb):
            return
        causes: list[Token] = []
        relative = syntax.relative_misparse(verb)
        if relative is not None:  # "a massacre that hardened demands": read as the relative clause it is
            for c in self._members(relative[0]):
                for e in syntax.conjuncts(relative[1]):
                    yield self._make(rule, (verb.i, verb.i + 1), c, e)
            return
        if syntax.is_participial_passive(verb) and verb.lemma_.lower() in self.words.by_kind.get("emotion_verb", ()):
            return  # "Angered by the tax, the townsmen rioted": the motive of the main clause (participle frame)
        if syntax.is_passive(verb):
            causes = syntax.agents(verb)
            cause = causes[0] if causes else None
            effects = syntax.passive_subjects(verb)
            if rule.object:  # "the threat to order posed by X": the parser may hang "posed" on "order"
                effects = [self._named_noun(e, rule.object) for e in effects]
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if causes and subject is not None and subject.tag_ not in ("WDT", "WP"):
                # "the floods were caused by rains": the effect is what happened to the subject
                by_phrases = {t.i for by in causes for t in by.head.subtree}
                effect_span = syntax.clause_span(verb, exclude=by_phrases)
                for by in causes:
                    for c in self._members(by):
                        yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c), effect_span, c.i, subject.i,
                                        rule.strength, rule.polarity, rule.confidence)
                return
        else:
            complement = syntax.infinitive_complement(verb)
            if (syntax.has_xcomp_to(verb) or (complement is not None and complement.dep_ == "advcl")) and not rule.keeps_infinitive:
                return  # "led X to do": the causative frame reads it
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
            objects = [o for o in syntax.objects(verb) if o.i not in extra]
            first = objects if objects and prep.dep_ != "prt" else syntax.subjects(verb)
            by_agent = None
        if rule.object or rule.acomp or prep.dep_ == "prt":
            first = syntax.passive_subjects(verb) or syntax.subjects(verb)
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
        if clause.dep_ == "advcl" and verb.lemma_.lower() in self.words.by_kind.get("bare_causative", ()):
            return  # "they made bread to feed the troops": "make X V" takes no "to"; this is a purpose
        if verb.tag_ == "VB" and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.tag_ != "VB")) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
            return  # an imperative ("Let's get it done", "Make them pay"): nobody's act brings it about
        if syntax.is_passive(verb):
            # "peasants were forced by hunger to leave"
            cause = syntax.agent(verb)
            subject = next(iter(syntax.passive_subjects(verb)), None)
        else:
            causes = syntax.subjects(verb)
            cause = causes[0] if causes else None
            subject = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if subject is None:
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is None and rule.strength == "contributory" and clause.dep_ == "xcomp":
                subject = clause  # "the reform helped (to) keep wages low": an enabling verb needs no causee
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

    def _causative_result(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        """"The levies drove the peasants into revolt": the causee's result state (``rule.prep``) is the effect."""
        if not rule.prep or verb.lemma_.lower() in self.words.by_kind.get("bare_causative", ()) or syntax.is_passive(verb):
            return
        causee = next((c for c in verb.children if c.dep_ == "dobj"), None)
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in rule.prep and c.i > verb.i), None)
        if causee is None or prep is None or prep.i < causee.i:
            return
        if any(r.frame == "verb_prep" and prep.lower_ in r.prep for r in self.by_lemma.get(verb.lemma_.lower(), ())):
            return  # "drove X into debt": the lexicon's verb-preposition rule reads it
        # a state ("into revolt", "into a war", "into debt"), not a place ("into the valley", "into their towns")
        results = [t for t in syntax.prep_objects(prep) if t.pos_ == "NOUN"
                   and not any(c.dep_ in ("det", "poss") and c.tag_ in ("DT", "PRP$", "POS") and c.lower_ not in self.words.by_kind.get("state_determiner", ())
                               for c in t.children)]
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
            return  # "the reform helped to keep wages low": the causative already reads its infinitive, with its strength
        subject, predicate = found
        causes = syntax.agents(verb) if syntax.is_passive(verb) else syntax.subjects(verb)
        event = syntax.participle_event(verb) if not syntax.is_passive(verb) else None
        start = min(subject.left_edge.i, predicate.i)
        effect = (start, max(syntax.clause_end(predicate), subject.right_edge.i + 1))
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

    # -- means, instruments and result adverbs ---------------------------------

    def _result_conjunct(self, token: Token) -> bool:
        """A coordinated noun marked as a result: "wages and thus demand" (``demand``)."""
        return token.pos_ in ("NOUN", "PROPN") and token.dep_ == "conj" and any(
            c.dep_ == "advmod" and c.lower_ in self.result_adverbs for c in token.children)

    def _own_cause(self, verb: Token) -> bool:
        """The clause states a cause of its own: a nominal subject and a causal verb or causal object noun.

        A negated clause ("Thus exports were not encouraged by the crown") states
        a failure, and the "thus" gives its reason: it is not a conclusion of its own.
        """
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "neg" for c in verb.children):
            return False
        if any(self._would_read(r, verb) for r in self.by_lemma.get(verb.lemma_.lower(), ())):
            return True  # "The collapse thus had an impact on X", "... thus weakened the crown"
        nouns = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        # an intransitive change ("As a result, prices doubled") states no cause of its own
        return any(r.frame in ("noun", "copula_noun") for w in nouns for r in self.by_lemma.get(w.lemma_.lower(), ()))

    def _actor(self, token: Token) -> bool:
        """A person, a group, a pronoun or a named people/organisation: an agent that acts, not an event."""
        # a plural proper noun names a people, a dynasty or a party ("the Latin Americans", "the Habsburgs")
        if token.pos_ == "PRON":  # "they", "we"; not "this", "which"
            return token.lower_ in self.words.by_kind.get("personal_pronoun", ())
        return token.tag_ == "NNPS" or token.ent_type_ in ("PERSON", "NORP", "ORG") or self._agent(token)

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
        troops"). A verb whose own frame reads the means ("caused X by doing Y")
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
        was not reached for want of the thing.
        """
        if verb.pos_ != "VERB" or not self._asserted_clause(verb) or syntax.author_subject(verb, self.words):
            return
        things = [c for c in verb.children if c.dep_ == "dobj"]
        if rule.prep:
            things += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in rule.prep for o in syntax.prep_objects(c)]
        things = [t for t in things if t.pos_ in ("NOUN", "PROPN", "VERB")]
        if not things:
            return
        last = max(t.right_edge.i for t in things)
        clause = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and c.i > last
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if clause is None:
            clause = next((c for t in things for c in t.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if clause is None:
            return
        ends = [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        for thing in things:
            for c in syntax.conjuncts(thing):
                for end in ends:
                    skip = {t.i for k in end.children if k.dep_ in ("conj", "cc") for t in k.subtree}
                    yield TokenLink(rule.id, (verb.i, verb.i + 1), syntax.np_span(c), syntax.clause_span(end, exclude=skip),
                                    c.i, end.i, rule.strength, rule.polarity, rule.confidence)

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

    # -- phrase frames --------------------------------------------------------

    def _connective_mark(self, rule: CueRule, phrase: Span) -> Iterator[TokenLink | None]:
        marker = phrase[-1]
        if marker.dep_ != "mark" or marker.head.dep_ not in ("advcl", "ccomp", "conj"):
            return
        sub = marker.head
        main = syntax.subordinate_main(sub)
        while main.dep_ == "xcomp" and main.head.pos_ in ("VERB", "AUX"):
            main = main.head  # "warned motorists to stay away as ...": the reason is for the finite clause
        if main.i == sub.i or main.pos_ not in ("VERB", "AUX", "ADJ"):
            return
        if rule.attach and not self._attached_to(main, rule.attach) \
                and not (rule.cause_attach and self._attached_to(sub, rule.cause_attach)):
            return  # "after police arrested the leaders, the town was quiet": the arrest is a sanction, so a reason
        if syntax.measured_time(marker, self.words):
            return  # "two years after the treaty was signed": a stretch of time, not a reason
        if marker.lower_ == "since" and syntax.is_temporal(sub):
            return
        if marker.lower_ == "as" and not syntax.causal_as(phrase, sub, main, self.words):
            return
        cause_span = syntax.clause_span(sub, exclude={t.i for t in phrase})
        effect_span = syntax.core_clause_span(main, exclude={t.i for t in sub.subtree})
        if rule.reverse:
            cause_span, effect_span = effect_span, cause_span
            cause_head, effect_head = main.i, sub.i
        else:
            cause_head, effect_head = sub.i, main.i
        yield TokenLink(rule.id, (phrase.start, phrase.end), cause_span, effect_span, cause_head, effect_head,
                        rule.strength, rule.polarity, rule.confidence)

    def _connective_prep(self, rule: CueRule, phrase: Span) -> Iterator[TokenLink | None]:
        if phrase[0].dep_ not in ("prep", "agent", "advmod", "npadvmod", "mark", "advcl", "acl") and phrase[0].head.i not in {t.i for t in phrase} \
                and not (phrase[0].tag_ == "VBG" and phrase[0].dep_ == "xcomp"):
            return
        targets = [t for t in syntax.phrase_objects(phrase)
                   if t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") and not syntax.is_time_expression(t, self.words)]
        if phrase.text.lower() in self.words.by_kind.get("temporal_connective", ()):
            targets = [t for t in targets if t.pos_ == "NOUN"]  # "after the clashes", not "after Smith"
            if syntax.measured_time(phrase[0], self.words):
                return
        if not targets:
            return
        attach = syntax.phrase_attachment(phrase)
        if attach is None:
            return
        if rule.attach and not self._attached_to(attach, rule.attach, skip=range(phrase.start, phrase.end)) \
                and not (rule.cause_attach and any(self._attached_to(t, rule.cause_attach) for t in targets)):
            return  # "following the clashes, the curfew was extended": a reaction to a disruption
        exclude = {t.i for t in phrase} | {t.i for target in targets for t in target.subtree}
        for token in phrase:
            exclude.update(t.i for t in token.subtree)
        doc = phrase.doc
        act = syntax.support_verb(attach, self.words)
        if act is None and not (attach.pos_ == "NOUN" and self._eventive(attach)) and "result_noun" not in rule.attach:
            # "farmers shouted slogans against X"; not "triggered a strike for X", nor "fear from X" (the noun is the result)
            act = self._governing_act(attach)
        if act is not None:  # "villagers staged a protest against X": the act is the effect
            effect_span = syntax.core_clause_span(act, exclude=exclude)
            while effect_span[0] < act.i and (doc[effect_span[0]].tag_ in ("WDT", "WP", "WRB") or doc[effect_span[0]].dep_ == "mark"):
                effect_span = (effect_span[0] + 1, effect_span[1])  # "..., which triggered X": the clause without its relative word
        elif attach.pos_ in ("VERB", "AUX"):
            effect_span = syntax.core_clause_span(attach, exclude=exclude)
        else:
            effect_span = syntax.np_span(attach, exclude=exclude)
        for target in targets:
            members = syntax.conjuncts(target)
            for c in members:
                cause_span = self._np_extent(c, exclude={t.i for t in phrase}) if len(members) == 1 else syntax.arg_span(c)
                yield TokenLink(rule.id, (phrase.start, phrase.end), cause_span, effect_span, c.i, attach.i,
                                rule.strength, rule.polarity, rule.confidence)

    @staticmethod
    def _motive_span(verb: Token) -> tuple[int, int]:
        """The clause of a purpose or motive verb without a non-restrictive relative clause that closes it.

        "They marched to the town hall, demanding a new road, which the council
        had promised": the motive is "demanding a new road"; what the
        comma-set relative clause says of the road is a comment, not part of
        it. A restrictive one ("to disperse a crowd that was throwing stones")
        stays: it tells which crowd. Returns ``(start, end)``
        token offsets, end-exclusive (:func:`argmine.nlp.syntax.clause_span`).
        """
        closing: set[int] = set()
        for relative in verb.subtree:
            if relative.dep_ == "relcl" and relative.right_edge.i == verb.right_edge.i \
                    and relative.left_edge.i > 0 and relative.doc[relative.left_edge.i - 1].text in (",", ";", "(", "–", "—"):
                closing.update(t.i for t in relative.subtree)
        return syntax.clause_span(verb, exclude=closing)

    @staticmethod
    def _main_clause_span(verb: Token, exclude: Iterable[int] = ()) -> tuple[int, int]:
        """:func:`argmine.nlp.syntax.core_clause_span` without a source attribution ("According to X, ...").

        The phrase names who reports the clause, not what happened: "According
        to the union, the workers walked out, demanding X" gives the effect
        "the workers walked out". Returns ``(start, end)``, end-exclusive.
        """
        excluded = set(exclude)
        for child in verb.children:
            if child.i < verb.i and child.lower_ == "according" and child.dep_ in ("prep", "advcl", "advmod"):
                excluded.update(t.i for t in child.subtree)
        return syntax.core_clause_span(verb, exclude=excluded)

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

    def _connective_adverb(self, rule: CueRule, phrase: Span) -> Iterator[TokenLink | None]:
        if phrase.text.lower() == "so" and not syntax.resultative_so(phrase[0]):
            return
        if phrase.text.lower() == "so" and phrase.end + 1 < len(phrase.doc) and self._inverted_ellipsis(phrase.doc[phrase.end]):
            return  # "..., and so did the towns that X": an elided predicate shared, not a result
        attach = syntax.phrase_attachment(phrase)
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

    def _purpose(self, rule: CueRule, phrase: Span) -> Iterator[TokenLink | None]:
        to = phrase[-1]
        verb = to.head
        if to.dep_ != "aux" or verb.pos_ != "VERB" or verb.tag_ != "VB":
            return
        if verb.dep_ == "advcl":
            main = verb.head
        elif len(phrase) > 1 and verb.dep_ in ("acl", "relcl", "xcomp") and verb.head.i in range(phrase.start, phrase.end):
            main = syntax.phrase_attachment(phrase)  # "in a bid to X", "in order to X"
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
        cause_span = self._motive_span(verb)
        if len(phrase) > 1:
            cause_span = (min(cause_span[0], phrase.start), cause_span[1])
        effect_span = self._main_clause_span(main, exclude={t.i for t in verb.subtree} | set(range(phrase.start, phrase.end)))
        yield TokenLink(rule.id, (phrase.start, phrase.end), cause_span, effect_span, verb.i, main.i,
                        rule.strength, rule.polarity, rule.confidence)

    def _participle(self, rule: CueRule, verb: Token) -> Iterator[TokenLink | None]:
        """"They marched, demanding Y" (motive: the participle causes) or, reversed, "it exploded, killing five"."""
        if verb.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children):
            return
        emotion = verb.lemma_.lower() in self.words.by_kind.get("emotion_verb", ())
        if verb.tag_ == "VBN" and (syntax.agent(verb) is None or not emotion):
            return  # "a method called X", "money demanded by rebels" describe; "angered by X" gives a motive
        if verb.tag_ == "VBG" and emotion:
            return  # "..., angering residents" tells a result, not a motive
        if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
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
        own = self._motive_span(verb) if not rule.reverse else syntax.clause_span(verb)
        other = self._main_clause_span(main, exclude={t.i for t in verb.subtree})
        if rule.reverse:
            head = syntax.subjects(main)
            yield TokenLink(rule.id, (verb.i, verb.i + 1), other, own, (head[0] if head else main).i, verb.i,
                            rule.strength, rule.polarity, rule.confidence)
        else:
            yield TokenLink(rule.id, (verb.i, verb.i + 1), own, other, verb.i, main.i,
                            rule.strength, rule.polarity, rule.confidence)

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
        # "the revolt would never have broken out": what would (not) have emerged is the revolt
        subject = next((c for c in main.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        negated = any(c.dep_ == "neg" for c in main.children)  # the negation is the link's polarity, not the name's
        intransitive = subject is not None and not syntax.objects(main) and not syntax.is_passive(main) \
            and (negated or main.lemma_.lower() in kinds.get("emergence_verb", ()))
        yield TokenLink(rule.id, (token.i, token.i + 1), cause_span, effect_span, sub.i,
                        subject.i if intransitive else main.i, rule.strength, rule.polarity, rule.confidence)

    @staticmethod
    def _would_read(rule: CueRule, verb: Token) -> bool:
        """Whether ``rule`` can read a link off ``verb`` (a verb cue with an object or complement, or its preposition)."""
        if rule.frame in ("verb", "causative"):
            return any(c.dep_ in ("dobj", "xcomp", "ccomp", "agent", "nsubjpass") for c in verb.children)
        if rule.frame == "verb_prep":
            return any(c.dep_ in ("prep", "prt", "agent") and c.lower_ in rule.prep for c in verb.children)
        return False

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

    # -- noun frames ----------------------------------------------------------

    def _noun(self, rule: CueRule, noun: Token) -> Iterator[TokenLink | None]:
        if noun.pos_ != "NOUN":
            return
        causes = [t for p in noun.children if p.dep_ == "prep" and p.lower_ in rule.cause_prep for t in syntax.prep_objects(p)]
        if not causes:
            owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
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
            if sharing and inner_prep:
                inner = [t for p in partner.children if p.dep_ == "prep" and p.lower_ == "of" and "of" in inner_prep
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
        for o in syntax.conjuncts(outer):
            for i in syntax.conjuncts(inner[0]):
                cause, effect = (i, o) if rule.reverse else (o, i)
                yield self._make(rule, (noun.i, noun.i + 1), cause, effect)

    # -- construction frames (no cue word: the construction is the cue) --------

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
        named = [] if own else syntax.subjects(main)  # "X was Z and was only imposed when ...": the shared subject
        effect_head = named[0] if named and named[0].pos_ in ("NOUN", "PROPN") else main
        yield TokenLink(rule.id, (marker.i, marker.i + 1), cause_span, effect_span, sub.i, effect_head.i,
                        rule.strength, rule.polarity, rule.confidence, (focus.i,))

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

    def _without_time(self, doc: Doc, link: TokenLink) -> TokenLink:
        """The link with years and time phrases cut from the edges of its spans (:func:`argmine.nlp.nominal.without_time`)
        and a possessor split off by a curly apostrophe put back (:func:`argmine.nlp.nominal.with_possessor`)."""
        spans = []
        for span, head in ((link.cause, link.cause_head), (link.effect, link.effect_head)):
            trimmed = nominal.without_time(span, head, doc, self.words) if span[0] <= head < span[1] else span
            trimmed = trimmed if trimmed[0] < trimmed[1] else span
            spans.append(nominal.with_possessor(trimmed, doc[head]))  # "the merchants’ activities"
        if tuple(spans) == (link.cause, link.effect):
            return link
        return replace(link, cause=spans[0], effect=spans[1])

    def _connective_phrase(self, verb: Token, prep: Token) -> bool:
        """"owing to X": a participle and its preposition that make a connective cue of their own."""
        phrase = f"{verb.lower_} {prep.lower_}"
        return any(key.endswith(f"::{phrase}") and rule.frame == "connective_prep" for key, rule in self.phrase_rules.items())

    def _coordinated_prep_objects(self, prep: Token) -> list[Token]:
        """"resulting from war or from shocks": the objects of a preposition coordinated with ``prep``."""
        return [t for other in prep.conjuncts if other.dep_ == "conj" and other.lower_ == prep.lower_
                for t in syntax.prep_objects(other)]

    def _bridged_subjects(self, verb: Token) -> list[Token]:
        """The antecedent of a relative extracted across a reporting verb ("a tariff that historians argue caused Y")."""
        found = nominal.bridged_antecedent(verb, self.words) or nominal.relative_subject(verb, self.words)
        return [found[0]] if found is not None else []

    # -- helpers --------------------------------------------------------------

    def _partitive_conjuncts(self, token: Token) -> list[Token]:
        """:func:`syntax.conjuncts` plus the conjuncts the parser hangs elsewhere. Returns tokens in text order.

        - coordinated partitive heads: "all of X and much of Y", "X and half of Y" (a quantity word, adjective,
          determiner or number, with an "of" complement);
        - an event noun coordinated with the agent of a "by" phrase: "concentration of land by the elite and the
          rise of a new class": an agent cannot be coordinated with an event, so the event is the object's conjunct.
        """
        items = syntax.conjuncts(token)
        if token.pos_ in ("VERB", "AUX"):
            return items
        extra = [c for c in token.conjuncts if c.pos_ in ("ADJ", "DET", "NUM") and c not in items
                 and any(k.dep_ == "prep" and k.lower_ == "of" for k in c.children)]
        for by in (k for k in token.children if k.dep_ == "prep" and k.lower_ == "by"):
            for agent in (o for o in by.children if o.dep_ == "pobj" and self._agent(o)):
                extra += [c for c in agent.conjuncts if c.i > agent.i and c.pos_ == "NOUN" and self._eventive(c)
                          and not self._agent(c) and c not in items + extra]
        return sorted(items + extra, key=lambda t: t.i)

    def _members(self, token: Token) -> list[Token]:
        """The causes a cause noun stands for: its conjuncts, and the members of "the combination of X and Y"."""
        members = [m for c in syntax.conjuncts(token) for m in syntax.combination_members(c, self.words)]
        # "X, coupled with (combined with, together with) Y, caused Z": Y is a cause beside X
        withs = [p for a in token.children if a.dep_ in ("acl", "advmod") and self._additive(a)
                 for p in a.children if p.dep_ == "prep" and p.lower_ == "with"]
        withs += [p for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
                  and any(c.dep_ == "advmod" and self._additive(c) for c in p.children)]  # "together with Y"
        added = [o for p in withs for o in syntax.prep_objects(p)]
        members += [m for o in added for m in syntax.conjuncts(o) if m not in members]
        return members + [h for h in syntax.hung_list(token) if h not in members]

    def _additive(self, word: Token) -> bool:
        """A participle or adverb that adds a co-cause to a noun ("coupled with", "together with"; lexicon kind
        ``additive_participle``); a bare "with" does not."""
        return word.lower_ != "with" and self.words.in_kinds(word.lower_, ("additive_participle",))

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

    def _asserted_clause(self, verb: Token) -> bool:
        """False for a cue inside an intention that only describes a noun ("a movement intended to spur X").

        A stated intention ("the crown intended to spur X", "the reform was
        intended to end X") is kept, and argmine.extraction.factuality gives it
        modality hypothetical; "failed to spur X" is kept and negated. A
        reduced relative names what the noun is for (its design), which is
        part of the noun's description, not a link the text claims.
        """
        head = verb
        while head.dep_ == "conj":
            head = head.head
        intention = head.head
        if not (head.dep_ == "xcomp" and intention.lemma_ in self.words.intention_verbs
                and intention.lemma_ not in self.words.by_kind.get("negative_implicative", ())):
            return True
        if intention.dep_ == "acl":
            return False
        # "..., the movement of workers intended to spur X" parsed as a clause joined without a coordinator:
        # a participle with no auxiliary after an apposition is the same reduced relative
        joined = intention.dep_ == "conj" and not any(c.dep_ == "cc" and c.i < intention.i for c in intention.head.children)
        return not (joined and intention.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in intention.children))

    @staticmethod
    def _named_noun(token: Token, nouns: tuple[str, ...]) -> Token:
        """``token``, or the noun of ``nouns`` whose prepositional phrase holds it ("threat" for "order" in "the threat to order")."""
        holder = token
        for _ in range(2):
            if holder.lemma_.lower() in nouns or holder.dep_ != "pobj" or holder.head.dep_ != "prep":
                break
            holder = holder.head.head
        return holder if holder.lemma_.lower() in nouns else token

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

    def _person(self, token: Token) -> bool:
        """A person: a WordNet person noun, a personal pronoun or a named person."""
        if token.pos_ == "PRON":
            return token.lower_ in self.words.by_kind.get("personal_pronoun", ())
        if token.pos_ == "PROPN":
            return token.ent_type_ == "PERSON"
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.persons

    def _agent(self, token: Token) -> bool:
        """A person or a group of persons (WordNet noun.person / noun.group), or a plural name of a people ("the Croats")."""
        return self._person(token) or (token.pos_ == "NOUN" and token.lemma_.lower() in self.groups) or token.tag_ == "NNPS"

    def _actor(self, token: Token) -> bool:
        """A person or group (:meth:`_agent`), a personal pronoun, a plural proper noun ("the Venetians"), or a named person, organisation, place or people."""
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.tag_ == "NNPS":
            return True
        return self._agent(token) or (token.pos_ == "PRON" and token.lower_ in self.words.by_kind.get("personal_pronoun", ()))

    @staticmethod
    def _eventive(token: Token) -> bool:
        """An event or condition: a clause, a noun whose first WordNet sense is an act, event, state, process,
        phenomenon or attribute (``models/wordnet_events.json.gz``), or a named event."""
        if token.pos_ in ("VERB", "AUX"):
            return True
        if token.pos_ == "PROPN":
            return token.ent_type_ == "EVENT"
        return token.pos_ == "NOUN" and token.lemma_.lower() in wordnet().event_nouns

    def _concrete(self, token: Token) -> bool:
        """A plain person or concrete thing (lexicon kind ``concrete_noun``: person, artifact, thing)."""
        return self._person(token) or (token.pos_ == "NOUN" and token.lemma_.lower() in self.concrete)

    def _attached_to(self, word: Token, kinds: tuple[str, ...], skip: Iterable[int] = ()) -> bool:
        """The word is in the lists of ``kinds``, or is a verb whose subject or object is ("anger grows over X")."""
        if self.words.in_kinds(word.lemma_.lower(), kinds) or self.words.in_kinds(word.lower_, kinds):
            return True
        if word.pos_ in ("VERB", "AUX"):
            # "residents were angry over X", "staff had to retreat after X": the predicate names it
            if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "acomp", "attr", "xcomp") and self.words.in_kinds(c.lemma_.lower(), kinds)
                   for c in word.children):
                return True
            # "the workers went on strike after X", "ten were injured in the clash over X": the predicate's
            # prepositional object names it (``skip``: the cue's own preposition, whose object is the cause: "to pay for war")
            return any(c.dep_ == "prep" and c.i not in skip and o.dep_ == "pobj" and self.words.in_kinds(o.lemma_.lower(), kinds)
                       for c in word.children for o in c.children)
        return False

    def _make_event(self, rule: CueRule, cue: tuple[int, int], event: tuple[tuple[int, int], Token], effect: Token,
                    extra: Iterable[int] = ()) -> TokenLink | None:
        """A link whose cause is the event of a clause (its span and the token naming it)."""
        cue_tokens = set(range(*cue)) | set(extra)
        if effect.i in cue_tokens:
            return None
        span, head = event
        return TokenLink(rule.id, cue, span, syntax.arg_span(effect, exclude=cue_tokens), head.i, effect.i,
                         rule.strength, rule.polarity, rule.confidence, tuple(extra))

    def _make(self, rule: CueRule, cue: tuple[int, int], cause: Token, effect: Token,
              extra: Iterable[int] = ()) -> TokenLink | None:
        cue_tokens = set(range(*cue)) | set(extra)
        if cause.i in cue_tokens or effect.i in cue_tokens:
            return None
        cause_span = syntax.arg_span(cause, exclude=cue_tokens)
        effect_span = syntax.arg_span(effect, exclude=cue_tokens)
        return TokenLink(rule.id, cue, cause_span, effect_span, cause.i, effect.i,
                         rule.strength, rule.polarity, rule.confidence, tuple(extra))


_FRAMES = {
    "participle": CausalLinkFinder._participle,
    "verb": CausalLinkFinder._verb,
    "verb_prep": CausalLinkFinder._verb_prep,
    "causative": CausalLinkFinder._causative,
    "noun": CausalLinkFinder._noun,
    "copula_noun": CausalLinkFinder._copula_noun,
    "resultative": CausalLinkFinder._resultative,
    "verb_clause": CausalLinkFinder._verb_clause,
    "counterfactual": CausalLinkFinder._counterfactual,
    "necessary_condition": CausalLinkFinder._necessary_condition,
    "means": CausalLinkFinder._means,
    "instrument": CausalLinkFinder._instrument,
    "way_means": CausalLinkFinder._way_means,
    "result_adverb": CausalLinkFinder._result_adverb,
    "lack_means": CausalLinkFinder._lack_means,
    "unit_condition": CausalLinkFinder._unit_condition,
    "degree_effort": CausalLinkFinder._degree_effort,
    "between_noun": CausalLinkFinder._between_noun,
}
_CONSTRUCTION_FRAMES = {
    "depictive": CausalLinkFinder._depictive,
}
_PHRASE_FRAMES = {
    "connective_mark": CausalLinkFinder._connective_mark,
    "connective_prep": CausalLinkFinder._connective_prep,
    "connective_adverb": CausalLinkFinder._connective_adverb,
    "purpose": CausalLinkFinder._purpose,
    # multiword verbs and nouns are matched by lemma of their first word
    "verb": lambda self, rule, span: iter(()),
    "verb_prep": lambda self, rule, span: iter(()),
    "causative": lambda self, rule, span: iter(()),
    "noun": lambda self, rule, span: iter(()),
    "copula_noun": lambda self, rule, span: iter(()),
    "participle": lambda self, rule, span: iter(()),
    "resultative": lambda self, rule, span: iter(()),
    "verb_clause": lambda self, rule, span: iter(()),
    "counterfactual": lambda self, rule, span: iter(()),
    "depictive": lambda self, rule, span: iter(()),
    "necessary_condition": lambda self, rule, span: iter(()),
    "means": lambda self, rule, span: iter(()),
    "instrument": lambda self, rule, span: iter(()),
    "way_means": lambda self, rule, span: iter(()),
    "result_adverb": lambda self, rule, span: iter(()),
    "lack_means": lambda self, rule, span: iter(()),
    "unit_condition": lambda self, rule, span: iter(()),
    "degree_effort": lambda self, rule, span: iter(()),
    "between_noun": lambda self, rule, span: iter(()),
}
