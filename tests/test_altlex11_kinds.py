"""Kinds of English read on the real parse for AltLex (wave 11, branch altlex11, issue 12).

Each kind is a construction (docs/wave11/altlex11.md). A coordinating "so"
between two clauses ("X, so Y") states that X brings about Y; the parser
hangs such a "so" on the first clause as ``cc``, as it hangs "and", so the
clause it opens is the conjunct after it. A noun of the ``combination``
class bundles its of-object's members only when they are coordinated ("the
combination of X and Y"); with a single of-object ("the convergence of the
plates") the noun names the event that is the cause. Sentences are ours;
each case is (rule, cause span, effect span) as the ``argmine_causal_links``
component gives it.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


@pytest.mark.parametrize("text, expected", [
    ("The harvest failed , so the price of bread rose .",
     ("connective-adverb", "The harvest failed", "the price of bread rose")),
    ("The garrison had no water left , so it surrendered the fort within a week .",
     ("connective-adverb", "The garrison had no water left", "it surrendered the fort within a week")),
    ("Most of the sheep died in the winter , so by spring there was no wool to sell .",
     ("connective-adverb", "Most of the sheep died in the winter", "there was no wool to sell")),
])
def test_coordinating_so_links_the_clause_it_opens(nlp, text, expected):
    assert expected in found(nlp, text), found(nlp, text)


@pytest.mark.parametrize("text", [
    "The harvest was so poor that the villagers left .",
    "The roads were flooded and so were the fields .",
])
def test_so_of_degree_or_ellipsis_is_no_coordinated_result(nlp, text):
    links = [link for link in found(nlp, text) if link[0] == "connective-adverb"]
    assert not links, links


@pytest.mark.parametrize("text, expected", [
    ("The quarrel reflects tensions resulting from the convergence of the two dynasties .",
     ("the convergence of the two dynasties", "tensions")),
    ("The faults show stresses caused by the convergence of the plates .",
     ("the convergence of the plates", "stresses")),
])
def test_a_combination_noun_with_one_of_object_is_the_cause(nlp, text, expected):
    assert expected in [(cause, effect) for _, cause, effect in found(nlp, text)], found(nlp, text)


def test_a_combination_noun_with_coordinated_members_still_gives_each_member(nlp):
    links = [(cause, effect) for _, cause, effect in found(nlp, "The combination of debt and drought ruined the farmers .")]
    assert ("debt", "the farmers") in links and ("drought", "the farmers") in links, links



@pytest.mark.parametrize("text, expected", [
    ("The worst danger was the release of milk normally triggered by the cry of the calf .",
     ("the cry of the calf", "the release of milk")),
    ("The main problem was the release of grain caused by the panic .",
     ("the panic", "the release of grain")),
])
def test_a_participle_on_the_object_of_a_nominalization_is_said_of_the_event(nlp, text, expected):
    # the parser hangs the participle on the nearest noun; water or gas is not brought about, its release is
    # ("release" is derived from the verb in WordNet, though its first sense is no act)
    assert expected in [(cause, effect) for _, cause, effect in found(nlp, text)], found(nlp, text)
