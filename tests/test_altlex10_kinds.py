"""Kinds of English read on the real parse for AltLex (wave 10, branch altlex10, issue 12).

Each kind is a construction (docs/wave10/altlex10.md). A verb of VerbNet's
engender-27.1 ("cause", "trigger", "provoke", "spark", "produce", "prompt")
has no prepositional argument (its frames are NP V NP and NP V S), so a
prepositional phrase right after its object, which the parser often hangs on
the verb, says whom or where the effect reaches and belongs to the effect
("caused severe hardship among the weavers"); a time ("on Monday") or a means
("by X") stays out. Sentences are ours; each case is (rule, cause span, effect
span) as the ``argmine_causal_links`` component gives it.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


@pytest.mark.parametrize("text, expected", [
    ("The drought caused severe hardship among the weavers of the valley .",
     ("verb-cause", "The drought", "severe hardship among the weavers of the valley")),
    ("The new levy provoked open resentment among the northern guilds .",
     ("verb-cause", "The new levy", "open resentment among the northern guilds")),
    ("The flood caused heavy damage to the granaries .",
     ("verb-cause", "The flood", "heavy damage to the granaries")),
])
def test_object_pp_of_an_engender_verb_is_part_of_the_effect(nlp, text, expected):
    assert expected in found(nlp, text), found(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("The storm caused a fire on Monday .", ("verb-cause", "The storm", "a fire")),
    # a place says where, as it does after a noun end (nominal.without_setting)
    ("The new levy provoked open resentment in the northern towns .", ("verb-cause", "The new levy", "open resentment")),
    ("The strike caused a famine by closing the ports .", ("verb-cause", "The strike", "a famine")),
])
def test_a_time_place_or_means_after_the_object_stays_out(nlp, text, expected):
    assert expected in found(nlp, text), found(nlp, text)


# "result in" / "end in" take no object (VerbNet result-27.2, NP V PP): a date after "in" says when the thing ended,
# and with a direct object "end" is the transitive verb, not the outcome frame
@pytest.mark.parametrize("text", [
    "The blockade largely ended in March 1802 .",
    "The long strike finally ended in 1926 .",
    "The second campaign ended in the spring of 1645 .",
])
def test_a_date_after_end_in_is_no_outcome(nlp, text):
    assert not [link for link in found(nlp, text) if link[0] == "verb-prep-result-in"], found(nlp, text)


def test_transitive_end_is_not_the_outcome_frame(nlp):
    text = "The reformers hoped to end serfdom in the eastern provinces ."
    assert not [link for link in found(nlp, text) if link[0] == "verb-prep-result-in"], found(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("The long siege ended in a famine .", ("verb-prep-result-in", "The long siege", "a famine")),
    ("The talks ended in failure in 1923 .", ("verb-prep-result-in", "The talks", "failure")),
])
def test_end_in_an_outcome_stays_a_link(nlp, text, expected):
    assert expected in found(nlp, text), found(nlp, text)


# a noun set off by a comma after the preposition's object is an apposition to it, not the verb's object: the
# verb + preposition frame still reads "X led to Y" (before, "led ... , a series" was taken for "led X to Y")
def test_apposition_after_the_prepositional_object_is_no_object(nlp):
    text = ("The duke claimed the crown of Navarre ; a dispute over the succession led to the Long War "
            "( 1402 -- 1431 ) , a series of sieges .")
    assert any(rule == "verb-prep-lead-to" and cause == "a dispute over the succession" and effect.startswith("the Long War")
               for rule, cause, effect in found(nlp, text)), found(nlp, text)


# 'for' after a word of judgment gives the reason, an act or a condition: a person, group or named place after it
# is whom the thing is for (actor_target), not a cause
@pytest.mark.parametrize("text", [
    "After a few early setbacks the siege went remarkably well for Genoa .",
    "The old soldiers fought bravely for the duke .",
])
def test_for_an_actor_is_no_reason(nlp, text):
    assert not [link for link in found(nlp, text) if link[0] == "connective-for"], found(nlp, text)


def test_for_an_act_stays_a_reason(nlp):
    text = "Police arrested the bakers for selling short loaves ."
    assert any(rule == "connective-for" and cause == "selling short loaves" for rule, cause, effect in found(nlp, text)), \
        found(nlp, text)


def test_a_capitalised_act_in_a_headline_stays_a_reason(nlp):
    text = "Forty Villagers Held for Attack on Grain Store"
    assert any(rule == "connective-for" and cause.startswith("Attack") for rule, cause, effect in found(nlp, text)), \
        found(nlp, text)
