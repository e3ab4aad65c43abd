"""Causal nouns read on the parse of the English model: copular reactions and
the nouns derived from WordNet (models/causal_nouns.jsonl). Sentences are ours."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(links):
    return sorted((l.cause_concept, l.effect_concept, l.polarity) for l in links)


def test_causal_nouns_copular_reaction_names_the_subject_as_effect(extract_links):
    links = extract_links("The riots in the capital were a reaction to the price of bread.")
    assert triples(links) == [("price of bread", "riots", "positive")]


def test_causal_nouns_reaction_outside_a_copula_is_its_own_effect(extract_links):
    links = extract_links("The nobles' reaction to the new taxes was swift.")
    assert [(l.cause_concept, l.effect_text) for l in links] == [("taxes", "The nobles' reaction")]


# -- relational nouns of connection (noun-derived-link-to: OEWN 13813601-n connection, 13814791-n linkage) ----------

def _links_with_strength(links):
    return sorted((l.cause_concept, l.effect_concept, l.polarity, l.strength) for l in links)


@pytest.mark.parametrize("text, expected", [
    ("Few scholars doubt the embargo's connection to the ruin of the port.",
     ("embargo", "ruin of port", "positive", "associative")),
    ("The link of the currency reform with the revolt in the provinces is plain.",
     ("currency reform", "revolt", "positive", "associative")),
    ("The epidemic had no connection with the decline of the wool trade.",
     ("epidemic", "decline of wool trade", "negative", "associative")),
])
def test_causal_nouns_connection_to_is_an_associative_link(extract_links, text, expected):
    assert _links_with_strength(extract_links(text)) == [expected]


def test_causal_nouns_connection_of_a_pronoun_follows_its_antecedent(extract_links):
    links = extract_links("The salt monopoly and its nexus with the unrest of 1788 deserve a closer look.")
    assert _links_with_strength(links) == [("salt monopoly", "unrest", "positive", "associative")]


@pytest.mark.parametrize("text", [
    "The bishop's connection to the revolt was never proved.",  # a person's tie to an event
    "The abbey's connection with the crown was close.",  # two bodies
    "The town's link to the sea was a narrow canal.",  # a place and a thing
    "His connection to the conspiracy ruined him.",  # a person's possessive
    "In relation to the war, the harvest mattered little.",  # 'relation' is not in the class
])
def test_causal_nouns_connection_between_actors_or_things_is_no_link(extract_links, text):
    assert [l for l in extract_links(text) if l.rule == "noun-derived-link-to"] == []


def test_causal_nouns_its_effects_on_read_the_pronoun_possessor(extract_links):
    links = extract_links("The long drought came in 1876. Its impact on the rice harvest was severe.")
    assert triples(links) == [("drought", "rice harvest", "positive")]
