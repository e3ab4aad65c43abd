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
