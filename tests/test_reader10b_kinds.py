"""Kinds of English read for history prose (wave 10, branch reader10b).

Sentences are ours. Each test names the kind: a noun of cause whose verb says
where it lies ("the roots of Y lay in X"), read as the copula "X was the root
of Y" is (docs/wave10/reader10b.md).
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def relations(extract_links, text: str) -> list[tuple[str, str]]:
    """(cause text, effect text) of the explicit links."""
    from argmine.batch.links import relations_of

    return [(r["cause"], r["effect"]) for r in relations_of(extract_links(text), text)]


# "the roots / origins / cause of Y lay in X": a verb of OEWN 02659476-v "originate (in)" (lexicon kind
# locative_copula) joins the noun of cause to the object of its "in", as a copula joins it to its predicate
@pytest.mark.parametrize("text, expected", [
    ("The origins of the mutiny lay in the arrears of the soldiers' pay.",
     ("the arrears of the soldiers' pay", "the mutiny")),
    ("The cause of the schism lay in a quarrel over the election of the abbot.",
     ("a quarrel over the election of the abbot", "the schism")),
    ("The roots of the civil war lay in the rivalry between the two dynasties.",
     ("the rivalry between the two dynasties", "the civil war")),
    ("The main reason for the defeat consisted in the poor supply of the army.",
     ("the poor supply of the army", "the defeat")),
])
def test_cause_noun_that_lies_in_its_cause(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# "lie in" without a noun of cause as subject states no link: where a thing lies is a place or a content
@pytest.mark.parametrize("text", [
    "The archive of the abbey lay in the cellar of the cathedral.",
    "The strength of the garrison lay in its artillery.",
])
def test_lie_in_without_cause_noun_states_no_link(extract_links, text):
    assert relations(extract_links, text) == []


# "Owing to X, S did Y": the participle and its preposition are the connective "owing to", whose effect is
# the whole main clause, not the verb "owe" ("Y owes Z to X") with the main clause's subject as its effect
@pytest.mark.parametrize("text, expected", [
    ("Owing to the protection of the duke, the printer escaped the censors.",
     ("the protection of the duke", "the printer escaped the censors")),
    ("Owing to heavy rains in the spring, the army abandoned the siege.",
     ("heavy rains in the spring", "the army abandoned the siege")),
])
def test_fronted_owing_to_is_a_connective(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# the verb itself still reads "Y owed its Z to X"
def test_owe_to_with_object_stays_a_verb(extract_links):
    assert ("the grain trade", "its wealth") in relations(extract_links, "The town owed its wealth to the grain trade.")
