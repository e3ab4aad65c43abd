"""Kinds of reading that made false links on the causal corpora, each restricted to its good readings.

Each case is a sentence of ours and the exact links the ``argmine_causal_links``
component gives: (rule, cause span, effect span, strength). The restrictions
(``models/causal_cues.jsonl``, ``models/causal_verbs.jsonl``,
:meth:`argmine.nlp.components.causal.CausalLinkFinder._rejected`,
:meth:`argmine.nlp.components.means_frames.MeansFrames._means`) keep the
readings a historian's text needs and drop those of instruments, producers,
assistance and manner.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str, str]]:
    return component_links(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # "help (X) (to) V": an event or condition that helps is a contributory cause ...
    ("A run of bad harvests helped to drive the peasants off the land.",
     [("causative-help", "A run of bad harvests", "to drive the peasants off the land", "contributory")]),
    # ... a person or a body that helps gives assistance, not a cause
    ("The banker helped the firm expand its trade.", []),
    ("The envoys helped the prince recover his throne.", []),
    # permission by a person stays a link of "allow / let" (enabling)
    ("Cheap credit enabled the merchants to build new ships.",
     [("causative-enable", "Cheap credit", "the merchants to build new ships", "contributory")]),
])
def test_help_needs_an_event_or_condition(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an event or condition used to an end is the means of that end (a motive)
    ("The governor used the famine to justify a new levy on salt.",
     [("instrument-use-to", "the famine", "to justify a new levy on salt", "motive")]),
    # a tool or a material used to do something is an instrument: no link, and no purpose link either
    ("The cook used a ladle to stir the soup.", []),
    ("The masons used iron clamps to hold the stones together.", []),
    # what is needed or relied on keeps its reading, whatever it is
    ("The garrison needed fresh grain to sustain the siege.",
     [("instrument-need-to", "fresh grain", "to sustain the siege", "motive")]),
])
def test_use_needs_an_event_or_condition(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # creating a condition or a social group is causing it
    ("The reforms created a new class of landless labourers.",
     [("vn-engender", "The reforms", "a new class of landless labourers", "sufficient")]),
    # making an artefact is production
    ("The smith created a sword for the duke.", []),
    ("The potter created a jug for the abbot.", []),
])
def test_creation_needs_an_abstract_effect(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The riots were closely connected with the rise in bread prices.",
     [("verb-prep-connect-with", "the rise in bread prices", "The riots", "associative")]),
    ("The pipe was connected to the cistern.", []),  # a physical joint
])
def test_connected_needs_an_event(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # set before its clause, "By V-ing" is the means to the clause's end
    ("By debasing the coinage, the crown paid its troops.",
     [("means-by-gerund", "debasing the coinage", "paid its troops", "contributory")]),
    # after a verb that is no causal cue it tells how the act was done
    ("The clerk sealed the letter by pressing his ring into the wax.", []),
    # a causal verb reads its own means, wherever the phrase stands
    ("Speculation caused the crash by inflating prices.",
     [("verb-cause", "inflating prices", "the crash", "sufficient"),
      ("verb-cause", "Speculation", "the crash", "sufficient"),
      ("verb-cause", "Speculation", "inflating prices", "sufficient")]),
])
def test_post_verbal_by_gerund_is_manner(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an event or condition that sharpens or strengthens something causes the change ...
    ("The dearth intensified the quarrels between the villages.",
     [("verb-worsen", "The dearth", "the quarrels between the villages", "unspecified")]),
    # ... a person or body doing it to what it runs or owns acts, it causes nothing
    ("The guild strengthened its hold on the cloth trade.", []),
    ("The council intensified the search for the thieves.", []),
])
def test_intensifying_needs_an_event_or_condition(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a passive causal verb's effect is its subject's noun phrase, as the active verb's is its object's: a fronted
    # place or source phrase is left out, and so is the verb
    ("In most river towns, the floods were caused by the spring thaw.",
     [("verb-cause", "the spring thaw", "the floods", "sufficient")]),
    ("According to the chronicler, the fire was caused by a careless baker.",
     [("verb-cause", "a careless baker", "the fire", "sufficient")]),
    ("The floods were caused by the spring thaw.",
     [("verb-cause", "the spring thaw", "The floods", "sufficient")]),
    # a partitive subject ("most of X", "many of X") is a noun phrase too
    ("Most of the cracks in the wall were caused by frost.",
     [("verb-cause", "frost", "Most of the cracks in the wall", "sufficient")]),
    ("Many of the losses are caused by rust.",
     [("verb-cause", "rust", "Many of the losses", "sufficient")]),
])
def test_passive_effect_is_its_subject(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the extraposed subject of an "it" clause with a predicate adjective or noun says what is
    # hard, wise or customary: no purpose
    ("It was hard for the small farms to survive the winter.", []),
    ("It would be wiser to sell the mill than to keep it.", []),
    ("It was the custom to ring the bells at noon.", []),
    # a referring "it" with a verb of action still acts for a purpose
    ("It was built to keep out the floods.",
     [("purpose-to", "to keep out the floods", "It was built", "motive")]),
])
def test_extraposed_infinitive_is_no_purpose(nlp, text, expected):
    assert found(nlp, text) == expected

