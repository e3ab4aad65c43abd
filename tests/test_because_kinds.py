"""Causal language in first-person speech and in explicit connectives that BECauSE-style annotation marks.

Sentences are ours. A clause with "I" or "we" as its subject is the author
speaking of the work only with a verb of the author's work ("we argue", "I
examine the registers to ..."); a speaker who feels, wants or does something
("I was pleased because ...", "we raised the tariff to ...") states a reason or a
purpose like anyone else (docs/EVALUATION.md, "Wave 7: BECauSE").
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def relations(extract_links, text: str) -> list[tuple[str, str]]:
    """(cause text, effect text) of the explicit links, in text order of the cause."""
    from argmine.batch.links import relations_of

    return [(r["cause"], r["effect"]) for r in relations_of(extract_links(text), text)]


# a first-person speaker's reasons and purposes are links
@pytest.mark.parametrize("text, expected", [
    ("I was pleased, because the committee had finally read the report.",
     ("the committee had finally read the report", "I was pleased")),
    ("We would like to hear from the minister today because the tariff bill comes up next week.",
     ("the tariff bill comes up next week", "We would like to hear from the minister today")),
    ("We lowered the duty on grain to keep bread cheap.",
     ("to keep bread cheap", "We lowered the duty on grain")),
])
def test_speech_reason_of_a_first_person_speaker_is_a_link(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# the author's own acts of writing and method stay meta-discourse
@pytest.mark.parametrize("text", [
    "In this essay I examine the parish registers to show that households grew smaller.",
    "We argue that the famine mattered, because the sources of the period say little else.",
])
def test_speech_authors_own_work_gives_no_link(extract_links, text):
    assert not any(effect.startswith(("I examine", "We argue")) for _, effect in relations(extract_links, text))


# "as" with a first-person subject is the speaker's own time or comment, not a reason
@pytest.mark.parametrize("text", [
    "As we walked along the quay, the customs officers were unloading the ship.",
    "As I read the ledger again, the clerk brought in the morning's letters.",
    # time going by is no reason either
    "As the day wore on, the crowd outside the granary grew larger.",
])
def test_speech_first_person_as_clause_is_no_reason(extract_links, text):
    assert relations(extract_links, text) == []


def component(nlp, text: str) -> list[tuple[str, str, str]]:
    from conftest import component_links

    return component_links(nlp, text, strength=False)


# a gerund of "be" or "have" after a verb of judging is the act judged
@pytest.mark.parametrize("text, expected", [
    ("The guild praised its warden for being honest with the accounts.",
     ("connective-for", "being honest with the accounts", "The guild praised its warden")),
    ("We want to thank the archivists for being so patient with us.",
     ("connective-for", "being so patient with us", "We want to thank the archivists")),
])
def test_for_gerund_of_be_after_judging_is_the_reason(nlp, text, expected):
    assert expected in component(nlp, text)


# "for X" after a verb of going or sending names the journey's purpose when X is an event or act
@pytest.mark.parametrize("text, expected", [
    ("The rebel leader was sent to the capital for trial.",
     [("connective-for-purpose", "trial", "The rebel leader was sent to the capital")]),
    ("Many of the weavers who left for early retirement were never replaced.",
     # the relative clause runs from the noun its pronoun stands for (wave 10, cnc10b)
     [("connective-for-purpose", "early retirement", "the weavers who left")]),
    ("The smuggler was extradited to Lisbon for trial.",
     [("connective-for-purpose", "trial", "The smuggler was extradited to Lisbon")]),
    ("The bishop left for Avignon in the spring.", []),
    ("The garrison stayed in the fort for a week.", []),
])
def test_for_after_motion_verb_is_a_purpose(nlp, text, expected):
    assert [l for l in component(nlp, text) if l[0] == "connective-for-purpose"] == expected


# degree constructions: "so ADJ that S", "ADJ enough to V", "too ADJ to V"
@pytest.mark.parametrize("text, expected", [
    ("The harvest of 1694 was so poor that thousands of peasants left their villages.",
     [("degree-so-that", "so poor", "thousands of peasants left their villages")]),
    ("By 1750 the canal had become so dependent on the coal trade that a bad winter closed it.",
     [("degree-so-that", "so dependent on the coal trade", "a bad winter closed it")]),
    ("The walls of the town were strong enough to withstand the siege guns.",
     [("degree-enough-to", "strong enough", "withstand the siege guns")]),
    ("The garrison was too weak to hold the bridge.",
     [("degree-too-to", "too weak", "hold the bridge")]),
    # the that-clause of a feeling is what it is about, not its result
    ("The monks were so relieved that the raiders had gone.", []),
    # a bare "so" and a comparison are no degree result
    ("The rains failed, so the price of bread rose.", []),
    ("He did not so much resign as retire.", []),
])
def test_degree_result_constructions(nlp, text, expected):
    assert [l for l in component(nlp, text) if l[0].startswith("degree-")] == expected


# "take" + a stretch of time: the infinitive is what the time is needed for, not a purpose
@pytest.mark.parametrize("text, expected", [
    ("It took the city ten years to rebuild the walls.", []),
    ("The council will need to take the time to hear every petition.", []),
    # a point in time is no stretch: the purpose stays
    ("Hundreds of weavers took to the streets yesterday to demand bread.",
     [("purpose-to", "to demand bread", "Hundreds of weavers took to the streets yesterday")]),
])
def test_purpose_not_after_take_a_stretch_of_time(nlp, text, expected):
    assert [l for l in component(nlp, text) if l[0] == "purpose-to"] == expected


# a person under a verb of obliging is the causee, not a means ("required the tenants to pay")
@pytest.mark.parametrize("text, expected", [
    ("The new charter required a woman and her guardian to appear before the court.", []),
    ("The garrison required fresh grain to hold the fort.",
     [("instrument-need-to", "fresh grain", "to hold the fort")]),
])
def test_instrument_not_a_person_obliged(nlp, text, expected):
    assert [l for l in component(nlp, text) if l[0] == "instrument-need-to"] == expected


# "not Y until X": X is a necessary condition of Y, stated positively
@pytest.mark.parametrize("text, expected", [
    ("The guild would not admit new masters until the old debts were paid.",
     [("construction-necessary-condition", "the old debts were paid", "The guild would not admit new masters")]),
    # an affirmative clause with "until" tells how long it lasted
    ("The garrison held out until the relief army arrived.", []),
])
def test_not_until_is_a_necessary_condition(nlp, text, expected):
    assert [l for l in component(nlp, text) if l[0] == "construction-necessary-condition"] == expected


def test_not_until_link_is_positive(extract_links):
    links = [l for l in extract_links("The sanctions could not be lifted until the inspectors were satisfied.")
             if l.rule == "construction-necessary-condition"]
    assert [(l.polarity, l.strength) for l in links] == [("positive", "contributory")]


# the first half of a correlative "not (just) X but because Y" is another reason, not part of the effect
def test_because_effect_leaves_out_not_just_x(nlp):
    text = "The charter should be revoked, not just on financial grounds but because the guild had broken its oath."
    assert ("connective-because", "the guild had broken its oath", "The charter should be revoked") in component(nlp, text)
