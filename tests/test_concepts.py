"""Concept naming within a document and concept merging across documents."""
from __future__ import annotations

from collections import Counter

import pytest

from argmine.extraction.concepts import Merge, concept_key, document_context, merge_concepts


def _pairs(links):
    return [(l.cause_concept, l.effect_concept) for l in links]


@pytest.mark.parametrize("a, b", [
    ("failure of harvest", "harvest failures"),
    ("strains", "tensions"),
    ("Rebellion", "revolt"),
])
def test_concepts_key_joins_variants(a, b):
    assert concept_key(a) == concept_key(b)


def test_concepts_key_keeps_starvation_apart_from_famine():
    assert concept_key("starvation") != concept_key("famine")


@pytest.mark.model
def test_concepts_causal_clause_names_its_result(extract_links):
    links = extract_links("Because so many smallholders relied on a single crop, "
                          "the harvest failure produced mass starvation within months.")
    assert _pairs(links) == [("dependence on single crop", "starvation"), ("harvest failure", "starvation")]


@pytest.mark.model
@pytest.mark.parametrize("text, pair", [
    # a copula with a participle names the changed thing; an intransitive nominalization takes its subject
    ("The unions were overwhelmed, so that relief collapsed.", ("overwhelmed unions", "collapse of relief")),
    # a negated verb is a failure
    ("Because the state could not pay its soldiers, the army dissolved.", ("failure to pay soldiers", "dissolution of army")),
    # a change of state names the new state
    ("Because labour had become scarce, wages rose.", ("scarce labour", "rise in wages")),
    # a verb of emergence names what emerged
    ("Because credit vanished, a black market emerged.", ("vanishing of credit", "black market")),
])
def test_concepts_clause_names(extract_links, text, pair):
    assert _pairs(extract_links(text)) == [pair]


@pytest.mark.model
def test_concepts_turned_into_names_the_new_state(extract_links):
    # "turned A into B" is B as the clause's concept; the frame "turn X into Y" also links A -> B,
    # and the agent of the change (not a person) brings about B
    links = extract_links("Because procurements turned shortage into famine, millions died.")
    assert sorted(_pairs(links)) == [("famine", "death of millions"), ("procurements", "famine"), ("shortage", "famine")]


@pytest.mark.model
def test_concepts_relative_pronoun_names_its_noun(extract_links):
    links = extract_links("A black market grew, which exacerbated the shortages.")
    assert _pairs(links) == [("black market", "shortages")]


@pytest.mark.model
def test_concepts_effect_complement_not_taken_by_the_cause(extract_links):
    links = extract_links("The effects of inflation on urban households were severe.")
    assert _pairs(links) == [("inflation", "urban households")]


@pytest.mark.model
def test_concepts_sentence_initial_capital_dropped_names_kept(extract_links):
    links = extract_links("Rising prices provoked unrest. However, British relief policy caused riots.")
    assert _pairs(links) == [("rising prices", "unrest"), ("British relief policy", "riots")]


@pytest.mark.model
def test_concepts_transparent_noun_with_clause_names_the_clause(nlp):
    from argmine.extraction.concepts import name_token

    doc = nlp("Mergers offer smaller miners a chance to grow.")
    assert name_token(next(t for t in doc if t.lower_ == "chance")).name == "growth"


def test_concepts_merge_short_proper_name_needs_shared_setting():
    mapping, merges = merge_concepts(
        {("fr", "Terror"): Counter({"the Terror": 1}), ("su", "harshness of Terror"): Counter({"x": 1}),
         ("gt", "Great Terror"): Counter({"the Great Terror": 2})},
        {"fr": frozenset({"paris", "year:1793"}), "su": frozenset({"ukraine", "year:1937"}),
         "gt": frozenset({"leningrad", "year:1937"})})
    assert (mapping[("fr", "Terror")], mapping[("su", "harshness of Terror")]) == ("Terror", "harshness of Great Terror")
    assert merges == [Merge("harshness of Terror", "harshness of Great Terror",
                            "shorter form of the proper name 'Great Terror'; su and gt share '1937'", ("su",))]


def test_concepts_merge_ite_movement_into_ism():
    mapping, merges = merge_concepts({("a", "Stakhanovite movement"): Counter({"the Stakhanovite movement": 1}),
                                      ("b", "Stakhanovism"): Counter({"Stakhanovism": 3})})
    assert (mapping[("a", "Stakhanovite movement")], [(m.alias, m.documents) for m in merges]) == (
        "Stakhanovism", [("Stakhanovite movement", ("a",))])


def test_concepts_merge_same_key_to_most_mentioned():
    mapping, merges = merge_concepts({("a", "failure of harvest"): Counter({"x": 1}),
                                      ("b", "harvest failures"): Counter({"y": 2})})
    assert (mapping[("a", "failure of harvest")], len(merges)) == ("harvest failures", 1)


@pytest.mark.model
def test_concepts_document_context_has_entities_and_years(nlp):
    context = document_context(nlp("The purge began in Moscow in 1937."))
    assert {"moscow", "year:1937"} <= context


@pytest.mark.model
def test_concepts_object_with_its_resulting_state_names_the_state(extract_links):
    # "holding X steady", "keep Y quiet": the clause is named after the state of the thing, as a resultative's
    # adjective end is ("steady grain prices"), so that "this" can take it up under the same name
    links = extract_links("The crown was sure that holding grain prices steady was the surest way to keep the capital quiet.")
    assert _pairs(links) == [("steady grain prices", "quiet capital")]
