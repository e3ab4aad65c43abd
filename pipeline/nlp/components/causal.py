"""The ``argmine_causal_links`` component: causal links read off the parse.

The cue lexicon (``models/causal_cues.jsonl``) says which words signal a causal
link and which *frame* finds its cause and effect on the dependency parse; the
frames are the grammar below. Each found link is stored as plain data in
``doc._.causal_links``: token indices of cue, cause and effect, the rule id and
the rule's strength, polarity and confidence. Spans go to
``doc.spans["argmine_cause"]``, ``["argmine_effect"]`` and ``["argmine_cue"]``.

This module holds the component (settings, rule compilation, serialisation,
the pass over the Doc) and the helpers the frames share; the frames themselves
sit in one module per family, mixed into :class:`CausalLinkFinder`:
:mod:`.verb_frames`, :mod:`.means_frames`, :mod:`.connective_frames` and
:mod:`.noun_frames`; :mod:`.token_link` holds the record they yield.
"""
from __future__ import annotations

import json
from dataclasses import replace
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
from .connective_frames import ConnectiveFrames
from .means_frames import MeansFrames
from .noun_frames import NounFrames
from .token_link import TokenLink
from .verb_frames import VerbFrames

__all__ = ["CausalLinkFinder", "make_causal_link_finder", "TokenLink"]


@Language.factory(
    "argmine_causal_links",
    # token.pos is read too; it comes from the attribute_ruler, which does not declare it
    requires=["token.dep", "token.head", "token.lemma", "token.tag"],
    assigns=["doc._.causal_links", "doc.spans"],
    default_config={"cues_path": None, "lexicon_path": None},
)
def make_causal_link_finder(nlp: Language, name: str, cues_path: str | None, lexicon_path: str | None):
    return CausalLinkFinder(nlp, cues_path=cues_path, lexicon_path=lexicon_path)


class CausalLinkFinder(VerbFrames, MeansFrames, ConnectiveFrames, NounFrames):
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
        self.things = self.concrete - self.persons  # artifacts and things (substances, animals, plants)

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
        self.phrase_order: dict[int, int] = {}  # matcher id -> rank of its rule and lemma in the rule file
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
                    self.phrase_order[self.vocab.strings[key]] = len(self.phrase_order)
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
        # a verb cue's effect grows to its whole phrase first, then coordinated infinitives split it
        extended = (found if found is None else self._argument_extent(found, doc) for found in self._candidates(doc))
        for link in (member for found in extended for member in self._infinitive_members(doc, found)):
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

    def _infinitive_members(self, doc: Doc, link: TokenLink | None) -> list[TokenLink | None]:
        """``link``, or one link per coordinated infinitive when an end is a transparent noun with several.

        "X broadened the opportunities to criticize A and to offer B": a transparent noun (lexicon kind
        ``transparent``: "opportunity", "chance", "ability", ...) is named after its infinitival clause
        (:func:`argmine.extraction.concepts.name_token`), so coordinated infinitives ("to criticize A and (to)
        offer B") are distinct ends, as coordinated objects are ("caused A and B"). The first end keeps the noun as
        its head, its span cut before the coordination; each later infinitive is an end of its own (its clause,
        head its verb). Returns ``[link]`` unchanged otherwise (and ``[None]`` for ``None``).
        """
        if link is None or self._rejected(self.rule_by_id[link.rule], link, doc):
            return [link]  # a link its rule turns down on the noun stays one (and is turned down in :meth:`find`)
        ends = [self._infinitive_ends(doc, link.cause, link.cause_head),
                self._infinitive_ends(doc, link.effect, link.effect_head)]
        if len(ends[0]) == 1 and len(ends[1]) == 1:
            return [link]
        return [replace(link, cause=c[0], cause_head=c[1], effect=e[0], effect_head=e[1]) for c in ends[0] for e in ends[1]]

    def _infinitive_ends(self, doc: Doc, span: tuple[int, int], head: int) -> list[tuple[tuple[int, int], int]]:
        """The (span, head) ends one end stands for: see :meth:`_infinitive_members`."""
        noun = doc[head]
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.words.transparent:
            return [(span, head)]
        clause = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > noun.i
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if clause is None:
            return [(span, head)]
        others = [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > clause.i
                  and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
        others = [c for c in others if span[0] <= c.i < span[1]]
        if not others:
            return [(span, head)]
        # the coordinator with its own modifiers ("as well as") is in neither end
        cut = min([c.left_edge.i for c in others] + [c.left_edge.i for c in clause.children if c.dep_ == "cc" and c.i > clause.i])
        ends = [((span[0], cut), head)]
        for other in others:
            later = [c.left_edge.i for c in others if c.i > other.i]
            later += [c.left_edge.i for c in other.children if c.dep_ == "cc" and c.i > other.i]
            end = min([other.right_edge.i + 1, span[1]] + [i for i in later if i > other.i])
            start = other.left_edge.i
            ends.append(((start, end), other.i))
        return ends

    def _argument_extent(self, link: TokenLink, doc: Doc) -> TokenLink:
        """A verb cue's effect noun as its whole phrase: "the leak caused 558 injuries, including 40 deaths".

        For the frames ``verb`` and ``verb_prep`` only: when the effect's head is
        a noun (or number) that is the cue verb's object, or the object of its
        preposition, after the verb ("caused X", "led to X", "resulted in X"),
        the effect spans the noun's whole phrase
        (:func:`argmine.nlp.syntax.phrase_extent`): what the clause says was
        brought about, with its relative clauses, participles and appositions.
        A relative clause or participle whose verb is itself a cue (any rule's
        lemma) stays out: "triggered a tsunami that killed thousands" is a chain
        of two links, and the tsunami is the first one's effect. The verb's own
        adjuncts after the object ("caused a crash on Wednesday", "caused an
        accident by breaking the wheel") say when and how it caused, and stay
        out. The cause and other frames' ends are unchanged.
        """
        rule = self.rule_by_id.get(link.rule)
        if rule is None or rule.frame not in ("verb", "verb_prep"):
            return link
        link = self._clause_antecedent(link, doc)
        token = doc[link.effect_head]
        if link.effect_head < link.cue[1] or token.pos_ not in ("NOUN", "PROPN", "NUM") \
                or token.dep_ not in ("dobj", "pobj", "attr", "oprd") \
                or not link.effect[0] <= token.i < link.effect[1]:
            return link
        governor = token.head.head if token.dep_ == "pobj" else token.head
        if governor.i != link.cue[0]:
            return link
        skip = set(range(*link.cue)) | set(link.cue_extra)
        skip |= {t.i for t in token.subtree if t.dep_ in ("relcl", "acl") and t.lemma_.lower() in self.by_lemma}
        wide = syntax.phrase_extent(token, exclude=skip)
        if rule.object_pp and token.dep_ == "dobj" and not self.words.in_kinds(token.lower_, ("one_anaphor",)):
            # an anaphoric "ones" keeps its own span: the resolver reads the mention off it
            wide = self._object_pp_extent(doc, governor, wide)
        span = (min(link.effect[0], wide[0]), max(link.effect[1], wide[1]))
        if span == link.effect or not syntax.valid_pair(link.cause, span):
            return link
        return replace(link, effect=span)

    def _chained_clauses(self, token: Token) -> set[int]:
        """The tokens of comma-set relative clauses and participles in ``token``'s subtree whose verb is itself a
        cue (any rule's lemma): "riots in the capital, which led to the fall of the ministry" is a chain of two
        links, and the relative clause is no part of the first one's effect. A restrictive clause ("the people
        who had different faiths") says which, and stays."""
        doc = token.doc
        found: set[int] = set()
        for t in token.subtree:
            if t.dep_ in ("relcl", "acl") and t.lemma_.lower() in self.by_lemma and t.left_edge.i > 0 \
                    and doc[t.left_edge.i - 1].text == ",":
                found |= {d.i for d in t.subtree}
        return found

    def _object_pp_extent(self, doc: Doc, verb: Token, span: tuple[int, int]) -> tuple[int, int]:
        """``span`` (the effect object's phrase) run on over a prepositional phrase the parser hung on ``verb``.

        For rules with ``object_pp`` (verbs with no prepositional argument, VerbNet engender-27.1): a phrase
        that starts right after the object, headed by a preposition of lexicon kind ``object_pp_prep``, says
        whom the effect reaches ("caused hardship among the weavers", "damage to the granaries") and is part
        of the effect; a time ("in 1848", "in the spring") and a place ("in the hills",
        :func:`argmine.nlp.nominal.is_setting_phrase`) stay out, as they do from a noun end. Returns end-exclusive token
        offsets ``(start, end)``, ``span`` unchanged when no such phrase follows.
        """
        pp = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.left_edge.i == span[1]), None)
        if pp is None or pp.lower_ not in self.words.by_kind.get("object_pp_prep", ()):
            return span
        objects = [c for c in pp.children if c.dep_ == "pobj"]
        if not objects or any(syntax.is_time_expression(o, self.words) or nominal.is_date_phrase(o, self.words)
                              for o in objects):
            return span
        if nominal.is_setting_phrase(pp, self.words):
            return span  # "produced a famine in the hills": a place says where, and stays out (nominal.without_setting)
        end = pp.right_edge.i + 1
        chained = self._chained_clauses(pp)
        if chained:  # "caused riots in the capital, which led to X": up to the chained clause
            end = min(end, min(chained))
        while end - 1 > span[1] and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc",)
                                     or doc[end - 1].tag_ in ("WDT", "WP")):
            end -= 1
        return (span[0], end)

    #: lexicon kinds whose nouns name events WordNet's first sense may miss ("rally", "strike", "clash", "injury")
    _EVENT_KINDS = ("dispute", "protest", "sanction", "harm")

    def _clause_antecedent(self, link: TokenLink, doc: Doc) -> TokenLink:
        """"The river rose over the fields, which caused X": the cause is the clause "which" stands for.

        When the cue verb heads a comma-set relative clause whose subject is a
        pronoun that can stand for a clause (lexicon kind ``sentential_relative``:
        "which"), and the noun it hangs on (the link's cause head) is a common
        noun that names no event and is no person or group ("the fields", "the
        northern coast", "vocabulary"), that noun cannot have brought anything
        about: the relative clause comments on the clause that ends with it. The
        cause is then that clause (its verb heads the cause; the relative clause
        is left out). Unchanged otherwise ("the riots, which caused X": the riots).
        """
        verb = doc[link.cue[0]]
        noun = doc[link.cause_head]
        if noun.dep_ == "nsubj" and noun.head.i == verb.i and verb.dep_ in ("advcl", "conj", "ccomp") \
                and self.words.in_kinds(noun.lower_, ("sentential_relative",)) and verb.left_edge.i == noun.i \
                and noun.i > 0 and doc[noun.i - 1].text == "," and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < noun.i:
            # "the activists organised the victims, which led to X" parsed with "which led to X" as a clause of the
            # verb before it: "which" stands for that clause
            span = syntax.core_clause_span(verb.head, exclude={t.i for t in verb.subtree})
            if span[1] <= noun.i and syntax.valid_pair(span, link.effect):
                return replace(link, cause=span, cause_head=verb.head.i)
            return link
        if verb.dep_ != "relcl" or verb.head.i != noun.i:
            return link
        # "which" never stands for a person ("the envoys, who ..."): after a person it stands for the clause
        person = self._person(noun) or (noun.pos_ == "PROPN" and noun.ent_type_ == "NORP")
        if not person and (noun.pos_ != "NOUN" or self._eventive(noun) or self._agent(noun)
                           or self.words.in_kinds(noun.lemma_.lower(), self._EVENT_KINDS)):
            return link
        if not any(c.dep_ == "nsubj" and self.words.in_kinds(c.lower_, ("sentential_relative",)) for c in verb.children):
            return link
        if verb.left_edge.i == 0 or doc[verb.left_edge.i - 1].text != ",":
            return link  # a sentential relative is set off by a comma; "oils which cause acne" restricts the noun
        # the finite clause the noun ends (past an infinitive or participle on the way: "an inability to recall X")
        clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")
                       and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in a.children)
                       and not any(c.dep_ == "aux" and c.tag_ == "TO" for c in a.children)), None)
        if clause is None or clause.i > noun.i or syntax.is_passive(clause) and noun.dep_ == "pobj" \
                and noun.head.dep_ == "agent":
            return link  # the noun must end a clause before it; "caused by the trough, which": the agent's own phrase
        span = syntax.core_clause_span(clause, exclude={t.i for t in verb.subtree})
        if not span[0] <= noun.i < span[1] or not syntax.valid_pair(span, link.effect):
            return link
        return replace(link, cause=span, cause_head=clause.i)

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
        if rule.eventive_cause and not self._eventive(doc[link.cause_head]):
            return True  # "used a ladle to stir the soup": a tool is an instrument; "used the famine to justify X" is a cause
        if rule.actor_target and self._target(doc[link.cause_head]):
            return True  # "raised slogans against the governor": whom a protest is aimed at is its target, not its cause
        if rule.actor_event_effect and (self._actor(doc[link.cause_head]) or self._unmarked_name(doc[link.cause_head])) \
                and not self._eventive(effect) and (doc[link.cause_head].pos_ != "PRON" or self._thing(effect)):
            # "the cartographer created an atlas": a maker and the thing made, not a cause and its effect (a
            # pronoun is judged only on a thing made, "he created figures of wire": "we create rates below the
            # market's" speaks for a body's policy)
            return True
        if rule.event_end and not self._eventive(effect) and not self._eventive(doc[link.cause_head]):
            return True  # "the mint was producing coins": a thing making a thing is production
        if rule.event_cause and self._actor(doc[link.cause_head]):
            return True  # "the union launched a strike": an agent's deliberate act, not a cause
        if rule.event_cause and doc[link.cause_head].pos_ == "PROPN" and not self._named_event(doc[link.cause_head]):
            return True  # "Braudel explains X": a name not marked as a named event is taken for a person's act
        if rule.event_cause and doc[link.cause_head].pos_ != "VERB" and any(
                c.dep_ == "poss" and c.tag_ == "PRP$" for c in effect.children):
            return True  # "the bank doubled its capital": a body managing what it owns
        if rule.state_result and effect.pos_ == "NOUN" and self._thing(effect):
            return True  # "threw a stone into the window", "converted the barn into a studio": a thing moved or remade
        if rule.account_cause and doc[link.cause_head].pos_ == "NOUN" \
                and doc[link.cause_head].lemma_.lower() in self.words.by_kind.get("account_noun", ()):
            return True  # "the preamble explains the purpose": a text or an idea gives an account, not a cause
        if rule.frame == "verb_prep" and link.effect_head > link.cue[0] and effect.dep_ == "pobj" \
                and nominal.is_date_phrase(effect, self.words):
            return True  # "the campaign ended in May 1941": a date after the preposition says when, not what came of it
        if rule.frame == "verb" and rule.object and effect.lemma_.lower() not in rule.object:
            return True  # "X posed a threat": only the nouns the rule names
        return False

    def _candidates(self, doc: Doc) -> Iterator[TokenLink | None]:
        taken: set[int] = set()  # cue tokens of links found so far
        # the token table says which tokens a frame can read, so that a Token is made only for those
        table = syntax.doc_table(doc)
        by_lemma = self.by_lemma
        gated: dict[int, list] = {}  # token index -> the construction rules (in rule order) to try on it
        for rule in self.construction_rules:
            for i in _CONSTRUCTION_GATES[rule.frame](table):
                gated.setdefault(i, []).append(rule)
        lemmas = table.lemma_lower
        cues = [i for i, lemma in enumerate(lemmas) if lemma in by_lemma]
        for i in sorted(gated.keys() | set(cues)) if gated else cues:
            token = doc[i]
            for rule in gated.get(i, ()):
                yield from _CONSTRUCTION_FRAMES[rule.frame](self, rule, token)
            for rule in by_lemma.get(lemmas[i], ()):
                frame = _FRAMES.get(rule.frame)
                if rule.frame == "participle" and token.i in taken:
                    continue  # "..., prompting X": the verb's own frame has read it
                if frame is not None:
                    for link in frame(self, rule, token):
                        if link is not None and not rule.source and not self._rejected(rule, link, doc):
                            # a derived verb, or a link its rule turns down, does not shadow a connective's link
                            taken.update(range(*link.cue), link.cue_extra)
                        yield link
        # longest first at each start; on one span, rules in file order ("fought for X": the goal rule before the reason)
        order = self.phrase_order
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]), order[m[0]]))
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








    # -- means, instruments and result adverbs ---------------------------------

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

    def _without_time(self, doc: Doc, link: TokenLink) -> TokenLink:
        """The link with years and time phrases cut from the edges of its spans (:func:`argmine.nlp.nominal.without_time`),
        for a verb cue, a phrase of place that closes a noun end cut (:func:`argmine.nlp.nominal.without_setting`),
        a possessor split off by a curly apostrophe put back (:func:`argmine.nlp.nominal.with_possessor`) and a
        bracket opened inside a span closed (:func:`argmine.nlp.syntax.closed_brackets`), and an end that is a relative
        clause run from the noun phrase its pronoun stands for (:func:`argmine.nlp.syntax.with_relative_antecedent`)
        when that phrase is not in the other end."""
        spans = []
        for span, head in ((link.cause, link.cause_head), (link.effect, link.effect_head)):
            trimmed = nominal.without_time(span, head, doc, self.words) if span[0] <= head < span[1] else span
            if self.rule_by_id[link.rule].frame in ("verb", "verb_prep"):
                # "caused damage on the coast": the place may be the verb's adjunct (where it caused it) as well as the
                # noun's, and a verb's adjuncts stay out of its ends (see _argument_extent)
                trimmed = nominal.without_setting(trimmed, head, doc, self.words)
            trimmed = trimmed if trimmed[0] < trimmed[1] else span
            spans.append(syntax.closed_brackets(nominal.with_possessor(trimmed, doc[head]), doc))  # "the merchants’ activities"
        for n, head in enumerate((link.cause_head, link.effect_head)):
            # "the farmers who marched": a relative clause end runs from the noun its pronoun stands for,
            # unless that noun lies in the other end
            widened = syntax.with_relative_antecedent(spans[n], head, doc)
            if widened == spans[n]:  # "the minister is set to meet X": an infinitive end runs from its subject
                widened = syntax.with_controller(spans[n], head, doc)
            if widened == spans[n] and link.cue[0] >= spans[n][1]:
                # "ten were killed and forty injured when X": an adjunct after coordinated passives scopes over both
                widened = syntax.with_coordinated_passive(spans[n], head, doc)
            other = spans[1 - n]
            if widened != spans[n] and (widened[1] <= other[0] or other[1] <= widened[0]) \
                    and (link.cue[1] <= widened[0] or widened[1] <= link.cue[0]):
                spans[n] = widened
        if tuple(spans) == (link.cause, link.effect):
            return link
        return replace(link, cause=spans[0], effect=spans[1])

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
        - an event noun coordinated with the agent of a "by" phrase: "seizure of mills by the guilds and the
          growth of a new trade": an agent cannot be coordinated with an event, so the event is the object's conjunct.
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
        relatives = [c.i for c in token.children if c.dep_ == "relcl"]
        if relatives:  # "the war, which resulted in X and the rise of Y": a conjunct after the antecedent's relative
            # clause is not a second antecedent (the relative clause would stand between them); the parser misplaced it
            # a cleft's rejected alternative ("It was A that caused C, not B") follows the relative clause by rule
            alternatives = {a.i for a in syntax.negated_alternatives(token)}
            members = [m for m in members if m.i <= token.i or m.i < min(relatives) or m.i in alternatives]
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

    def _target(self, token: Token) -> bool:
        """Whom an act can be aimed at: a person or group (:meth:`_actor`), a pronoun other than a demonstrative, or a
        name that is not a named event ("the Company", "Beijing", "them"; not "this", "the Salt March", nor a
        capitalised noun of an act in a headline, "Arrested for Attack on Police")."""
        if token.pos_ == "PRON":
            return token.tag_ in ("PRP", "PRP$")
        if token.pos_ == "PROPN":  # a capitalised word of an act or event in a headline ("Arrested for Attack") is no name
            return token.ent_type_ not in ("EVENT", "LAW") and token.lower_ not in wordnet().event_nouns
        return self._actor(token)

    @staticmethod
    def _eventive(token: Token) -> bool:
        """An event or condition: a clause, a noun whose first WordNet sense is an act, event, state, process,
        phenomenon or attribute (``models/wordnet_events.json.gz``), or a named event."""
        if token.pos_ in ("VERB", "AUX"):
            return True
        if token.pos_ == "PROPN":
            return CausalLinkFinder._named_event(token)
        return token.pos_ == "NOUN" and token.lemma_.lower() in wordnet().event_nouns

    @staticmethod
    def _named_event(token: Token) -> bool:
        """A proper noun that names an event: marked EVENT by the tagger, or a name of several words whose head,
        in lower case, is a WordNet event noun ("the Black Death", "the Justinianic Plague", "the Great Famine";
        not "Braudel", nor a one-word name such as "Labour")."""
        if token.ent_type_ == "EVENT":
            return True
        return token.lower_ in wordnet().event_nouns and any(
            c.dep_ in ("compound", "amod") and c.i < token.i and c.pos_ in ("PROPN", "ADJ") for c in token.children)

    @staticmethod
    def _unmarked_name(token: Token) -> bool:
        """A proper noun not marked as a named event: taken for a maker (a person, firm or body), as ``event_cause``
        takes it ("Jane Doe created a calendar", "the Bureau created a council"; not "the Depression")."""
        return token.pos_ == "PROPN" and not CausalLinkFinder._named_event(token)

    def _thing(self, token: Token) -> bool:
        """A concrete thing that is no person or group: an artifact, a substance, an animal, a plant (``concrete_noun``
        values ``artifact`` and ``thing``)."""
        return token.lemma_.lower() in self.things

    def _concrete(self, token: Token) -> bool:
        """A plain person or concrete thing (lexicon kind ``concrete_noun``: person, artifact, thing)."""
        return self._person(token) or (token.pos_ == "NOUN" and token.lemma_.lower() in self.concrete)

    def _attached_to(self, word: Token, kinds: tuple[str, ...], skip: Iterable[int] = (), nominal: bool = False) -> bool:
        """The word is in the lists of ``kinds``, or is a verb whose subject or object is ("anger grows over X")."""
        if self.words.in_kinds(word.lemma_.lower(), kinds) or self.words.in_kinds(word.lower_, kinds):
            return True
        if nominal and word.pos_ == "NOUN" and self.words.in_kinds(wordnet().verb_of.get(word.lemma_.lower(), ""), kinds):
            return True  # "the evacuation after the eruption": the noun of a listed verb (WordNet derivation) names its act
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
    "degree_result": CausalLinkFinder._degree_result,
}
_CONSTRUCTION_FRAMES = {
    "depictive": CausalLinkFinder._depictive,
}
#: for each construction frame, the indices (ascending) of the tokens of a token table that the frame can read
#: (it is not called on the others): ``_depictive`` reads only an adverbial clause (dep ``advcl``)
_CONSTRUCTION_GATES = {
    "depictive": lambda table: [i for i, dep in enumerate(table.dep) if dep == "advcl"],
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
