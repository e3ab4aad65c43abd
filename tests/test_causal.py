"""Unit tests of the argmine_causal_links component on hand-built parses.

Each Doc is built from words, lemmas, tags and heads (as en_core_web_sm parses
the sentence), so the frames are tested without the statistical model.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from argmine.nlp import syntax
from argmine.nlp.components.causal import CausalLinkFinder

Token = tuple[str, str, str, str, int, str]  # word, lemma, pos, tag, head, dep

RAINS_CAUSED_FLOODS: list[Token] = [
    ("Heavy", "heavy", "ADJ", "JJ", 1, "amod"), ("rains", "rain", "NOUN", "NNS", 2, "nsubj"),
    ("caused", "cause", "VERB", "VBD", 2, "ROOT"), ("floods", "flood", "NOUN", "NNS", 2, "dobj"),
    (".", ".", "PUNCT", ".", 2, "punct")]
CAUSED_BY_OR_BY: list[Token] = [
    ("Floods", "flood", "NOUN", "NNS", 2, "nsubjpass"), ("were", "be", "AUX", "VBD", 2, "auxpass"),
    ("caused", "cause", "VERB", "VBN", 2, "ROOT"), ("by", "by", "ADP", "IN", 2, "agent"),
    ("rains", "rain", "NOUN", "NNS", 3, "pobj"), ("or", "or", "CCONJ", "CC", 3, "cc"),
    ("by", "by", "ADP", "IN", 3, "conj"), ("storms", "storm", "NOUN", "NNS", 6, "pobj"),
    (".", ".", "PUNCT", ".", 2, "punct")]
BECAUSE: list[Token] = [
    ("The", "the", "DET", "DT", 1, "det"), ("strike", "strike", "NOUN", "NN", 2, "nsubj"),
    ("failed", "fail", "VERB", "VBD", 2, "ROOT"), ("because", "because", "SCONJ", "IN", 6, "mark"),
    ("the", "the", "DET", "DT", 5, "det"), ("union", "union", "NOUN", "NN", 6, "nsubj"),
    ("ran", "run", "VERB", "VBD", 2, "advcl"), ("out", "out", "ADP", "IN", 6, "prep"),
    ("of", "of", "ADP", "IN", 7, "prep"), ("funds", "fund", "NOUN", "NNS", 8, "pobj"),
    (".", ".", "PUNCT", ".", 2, "punct")]
AS_HE_SAID: list[Token] = [
    ("Officials", "official", "NOUN", "NNS", 1, "nsubj"), ("left", "leave", "VERB", "VBD", 1, "ROOT"),
    ("as", "as", "SCONJ", "IN", 4, "mark"), ("he", "he", "PRON", "PRP", 4, "nsubj"),
    ("said", "say", "VERB", "VBD", 1, "advcl"), (".", ".", "PUNCT", ".", 1, "punct")]
DECIDED_TO_STRIKE: list[Token] = [
    ("They", "they", "PRON", "PRP", 1, "nsubj"), ("decided", "decide", "VERB", "VBD", 1, "ROOT"),
    ("to", "to", "PART", "TO", 3, "aux"), ("strike", "strike", "VERB", "VB", 1, "xcomp"),
    (".", ".", "PUNCT", ".", 1, "punct")]
DEMANDING: list[Token] = [
    ("Workers", "worker", "NOUN", "NNS", 1, "nsubj"), ("blocked", "block", "VERB", "VBD", 1, "ROOT"),
    ("the", "the", "DET", "DT", 3, "det"), ("road", "road", "NOUN", "NN", 1, "dobj"),
    (",", ",", "PUNCT", ",", 1, "punct"), ("demanding", "demand", "VERB", "VBG", 1, "advcl"),
    ("higher", "high", "ADJ", "JJR", 7, "amod"), ("wages", "wage", "NOUN", "NNS", 5, "dobj"),
    (".", ".", "PUNCT", ".", 1, "punct")]
CALLED: list[Token] = [
    ("Workers", "worker", "NOUN", "NNS", 1, "nsubj"), ("blocked", "block", "VERB", "VBD", 1, "ROOT"),
    ("the", "the", "DET", "DT", 3, "det"), ("road", "road", "NOUN", "NN", 1, "dobj"),
    (",", ",", "PUNCT", ",", 1, "punct"), ("called", "call", "VERB", "VBN", 1, "advcl"),
    ("out", "out", "ADP", "RP", 5, "prt"), (".", ".", "PUNCT", ".", 1, "punct")]
AFTER_TEN_YEARS: list[Token] = [
    ("Prices", "price", "NOUN", "NNS", 1, "nsubj"), ("rose", "rise", "VERB", "VBD", 1, "ROOT"),
    ("after", "after", "ADP", "IN", 1, "prep"), ("ten", "ten", "NUM", "CD", 4, "nummod"),
    ("years", "year", "NOUN", "NNS", 2, "pobj"), (".", ".", "PUNCT", ".", 1, "punct")]
FOLLOWING_CLASHES: list[Token] = [
    ("Police", "police", "NOUN", "NNS", 1, "nsubj"), ("arrested", "arrest", "VERB", "VBD", 1, "ROOT"),
    ("ten", "ten", "NUM", "CD", 3, "nummod"), ("men", "man", "NOUN", "NNS", 1, "dobj"),
    ("following", "follow", "VERB", "VBG", 1, "prep"), ("the", "the", "DET", "DT", 6, "det"),
    ("clashes", "clash", "NOUN", "NNS", 4, "pobj"), (".", ".", "PUNCT", ".", 1, "punct")]
CAUSING: list[Token] = [
    ("The", "the", "DET", "DT", 1, "det"), ("dam", "dam", "NOUN", "NN", 2, "nsubj"),
    ("broke", "break", "VERB", "VBD", 2, "ROOT"), (",", ",", "PUNCT", ",", 2, "punct"),
    ("causing", "cause", "VERB", "VBG", 2, "advcl"), ("floods", "flood", "NOUN", "NNS", 4, "dobj"),
    (".", ".", "PUNCT", ".", 2, "punct")]
STAGED_PROTEST: list[Token] = [
    ("Villagers", "villager", "NOUN", "NNS", 1, "nsubj"), ("staged", "stage", "VERB", "VBD", 1, "ROOT"),
    ("a", "a", "DET", "DT", 3, "det"), ("protest", "protest", "NOUN", "NN", 1, "dobj"),
    ("against", "against", "ADP", "IN", 3, "prep"), ("the", "the", "DET", "DT", 6, "det"),
    ("tax", "tax", "NOUN", "NN", 4, "pobj"), (".", ".", "PUNCT", ".", 1, "punct")]
PROTESTING_AGAINST: list[Token] = [
    ("Workers", "worker", "NOUN", "NNS", 1, "nsubj"), ("struck", "strike", "VERB", "VBD", 1, "ROOT"),
    (",", ",", "PUNCT", ",", 1, "punct"), ("protesting", "protest", "VERB", "VBG", 1, "advcl"),
    ("against", "against", "ADP", "IN", 3, "prep"), ("the", "the", "DET", "DT", 6, "det"),
    ("tax", "tax", "NOUN", "NN", 4, "pobj"), (".", ".", "PUNCT", ".", 1, "punct")]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def finder(blank):
    return CausalLinkFinder(blank)


def make_doc(blank, tokens: list[Token]) -> Doc:
    words, lemmas, pos, tags, heads, deps = zip(*tokens)
    return Doc(blank.vocab, words=list(words), lemmas=list(lemmas), pos=list(pos), tags=list(tags),
               heads=list(heads), deps=list(deps), sent_starts=[True] + [False] * (len(words) - 1))


def links(finder, blank, tokens: list[Token]) -> list[tuple[str, str, str]]:
    doc = finder(make_doc(blank, tokens))
    return [(l["rule"], doc[l["cause"][0]:l["cause"][1]].text, doc[l["effect"][0]:l["effect"][1]].text)
            for l in doc._.causal_links]


def test_causal_verb_subject_causes_object(finder, blank):
    assert links(finder, blank, RAINS_CAUSED_FLOODS) == [("verb-cause", "Heavy rains", "floods")]


def test_causal_passive_every_agent_is_a_cause_of_the_clause(finder, blank):
    assert links(finder, blank, CAUSED_BY_OR_BY) == [
        ("verb-cause", "rains", "Floods"), ("verb-cause", "storms", "Floods")]


def test_causal_because_clause_causes_main_clause(finder, blank):
    assert links(finder, blank, BECAUSE) == [("connective-because", "the union ran out of funds", "The strike failed")]


def test_causal_as_with_a_comment_verb_is_not_a_reason(finder, blank):
    assert links(finder, blank, AS_HE_SAID) == []


def test_causal_infinitive_of_control_verb_is_not_a_purpose(finder, blank):
    assert links(finder, blank, DECIDED_TO_STRIKE) == []


def test_causal_participle_of_motive(finder, blank):
    assert links(finder, blank, DEMANDING) == [("participle-motive", "demanding higher wages", "Workers blocked the road")]


def test_causal_past_participle_without_agent_is_no_motive(finder, blank):
    assert links(finder, blank, CALLED) == []


def test_causal_after_a_time_expression_is_no_cause(finder, blank):
    assert links(finder, blank, AFTER_TEN_YEARS) == []


def test_causal_following_an_event(finder, blank):
    assert links(finder, blank, FOLLOWING_CLASHES) == [("connective-following", "the clashes", "Police arrested ten men")]


def test_causal_participial_clause_takes_main_clause_as_cause(finder, blank):
    assert links(finder, blank, CAUSING) == [("verb-cause", "The dam broke", "floods")]


def test_causal_support_verb_makes_the_act_the_effect(finder, blank):
    assert links(finder, blank, STAGED_PROTEST) == [("connective-against", "the tax", "Villagers staged a protest")]


def test_causal_preposition_on_a_cue_participle_adds_no_link(finder, blank):
    assert links(finder, blank, PROTESTING_AGAINST) == [
        ("participle-motive", "protesting against the tax", "Workers struck")]


def test_causal_spans_are_stored_in_doc_spans(finder, blank):
    doc = finder(make_doc(blank, RAINS_CAUSED_FLOODS))
    got = [(name, [s.text for s in doc.spans[name]]) for name in ("argmine_cause", "argmine_effect", "argmine_cue")]
    assert got == [("argmine_cause", ["Heavy rains"]), ("argmine_effect", ["floods"]), ("argmine_cue", ["caused"])]


@pytest.mark.parametrize("cause, effect, expected", [
    ((0, 2), (3, 4), True),
    ((0, 3), (2, 4), False),
    ((2, 2), (3, 4), False),
])
def test_causal_valid_pair(cause, effect, expected):
    assert syntax.valid_pair(cause, effect) is expected


def test_causal_core_clause_leaves_out_adverbial_clauses(blank):
    doc = make_doc(blank, DEMANDING)
    assert doc[slice(*syntax.core_clause_span(doc[1]))].text == "Workers blocked the road"
