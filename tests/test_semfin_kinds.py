"""Kinds of English read for SemEval-2010 and FinCausal precision and recall (wave 9, branch semfin9).

Sentences are ours. Each test names the kind: a passive causative takes a
to-infinitive only; a maker and the thing made are no cause and effect; a
feeling answers the event it follows; a thing thrown or a text that explains
is no cause; a change of level brings about what its participle clause says
(docs/wave9/semfin9.md).
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def relations(extract_links, text: str) -> list[tuple[str, str]]:
    """(cause text, effect text) of the explicit links."""
    from argmine.batch.links import relations_of

    return [(r["cause"], r["effect"]) for r in relations_of(extract_links(text), text)]


# a passive causative's complement is a to-infinitive; a clause inside the agent's phrase is not its effect
@pytest.mark.parametrize("text, wrong", [
    ("The riots were caused by rumours that the bakers had been hoarding flour.", "the bakers had been hoarding flour"),
    ("The shortage was caused by the one mill and the other standing idle all winter.", "the other standing idle all winter"),
])
def test_passive_causative_does_not_read_the_agents_clause(extract_links, text, wrong):
    assert not any(effect == wrong for _, effect in relations(extract_links, text))


def test_passive_causative_with_an_infinitive_is_read(extract_links):
    text = "The tenants were forced by the new rents to abandon their holdings."
    assert ("the new rents", "to abandon their holdings") in relations(extract_links, text)


# a named maker and the thing made are production, not causation
@pytest.mark.parametrize("text", [
    "Maria Lindqvist created a new map of the northern coast.",
    "In 1603 the Company created a council of merchants in Bantam.",
])
def test_named_maker_and_thing_made_give_no_link(extract_links, text):
    assert relations(extract_links, text) == []


def test_named_event_still_creates(extract_links):
    assert ("The Depression", "a wave of radical movements") in relations(
        extract_links, "The Depression created a wave of radical movements.")


# a feeling or an ailment answers what it follows or comes from (WordNet noun.feeling, pathological states)
@pytest.mark.parametrize("text, expected", [
    ("There was deep sorrow in the village after the loss of the fishing fleet.",
     ("the loss of the fishing fleet", "There was deep sorrow in the village")),
    ("Fever from the marsh water thinned the garrison.", ("the marsh water", "Fever")),
    ("Officials ordered the evacuation after the flood.", ("the flood", "the evacuation")),
])
def test_feeling_ailment_and_reaction_nouns_attach_the_cue(extract_links, text, expected):
    assert expected in relations(extract_links, text)


def test_after_a_plain_noun_stays_time(extract_links):
    assert relations(extract_links, "The coronation after the funeral was a grand affair.") == []


# the sign of a percentage is part of the span
def test_percent_sign_stays_in_the_span(extract_links):
    text = "Grain exports fell 12% after the harbour silted up."
    assert ("the harbour silted up", "Grain exports fell 12%") in relations(extract_links, text)


# "throw/drive X into Y": Y must be a state, not a thing
def test_thing_thrown_into_a_thing_is_no_link(extract_links):
    assert relations(extract_links, "The sailor threw a bottle into the harbour basin.") == []


@pytest.mark.parametrize("text, expected", [
    ("Debt forced the old king into exile.", ("Debt", "exile")),
    ("The tariff war threw the textile towns into turmoil.", ("The tariff war", "turmoil")),
])
def test_driven_into_a_state_is_a_link(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# a text, a work or an idea that explains gives an account
def test_text_that_explains_gives_no_link(extract_links):
    assert relations(extract_links, "The preamble explains the purpose of the charter.") == []


def test_condition_that_explains_is_a_link(extract_links):
    assert ("The collapse of the silver trade", "the poverty of the port") in relations(
        extract_links, "The collapse of the silver trade explains the poverty of the port.")


# the result of a change of level: the participle clause after a clause that goes up or down or states a figure
@pytest.mark.parametrize("text, expected", [
    ("Bread prices rose by a third in one winter, leaving many households without food.",
     ("Bread prices rose by a third in one winter", "leaving many households without food")),
    ("The company's shares traded down 40 cents on Tuesday, hitting 12 dollars.",
     ("The company's shares traded down 40 cents on Tuesday", "hitting 12 dollars")),
])
def test_change_of_level_brings_its_participle_result(extract_links, text, expected):
    assert expected in relations(extract_links, text)


@pytest.mark.parametrize("text", [
    "The guild elected a new warden, making him the youngest in its history.",
    "The abbey was founded in 1120, making it one of the oldest in the county.",
])
def test_no_change_of_level_no_participle_result(extract_links, text):
    assert not any(effect.startswith("making") for _, effect in relations(extract_links, text))


# a psych verb with a person or body as subject is their act on someone, not a cause of feelings
def test_person_who_alarms_someone_acts(extract_links):
    assert relations(extract_links, "The merchants threatened the governor with a boycott.") == []


def test_event_that_alarms_someone_is_a_cause(extract_links):
    assert ("The news of the defeat", "the court") in relations(extract_links, "The news of the defeat alarmed the court.")


# a fronted prepositional phrase is no object of a verb-preposition cue
def test_fronted_phrase_is_no_prepositional_object(extract_links):
    text = "In addition to the harbour, the raid resulted in the loss of the grain stores."
    assert not any(cause == "the raid" and "harbour" in effect for cause, effect in relations(extract_links, text))


# a level verb with an object is causative ("plunged the country into war"), no change of level
def test_level_verb_with_an_object_is_no_change_of_level(extract_links):
    text = "The regent plunged the duchy into a ruinous war, leaving the treasury empty."
    assert not any(effect.startswith("leaving") for _, effect in relations(extract_links, text))
