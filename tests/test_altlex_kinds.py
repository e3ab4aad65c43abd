"""Connectives and alternative lexicalisations between clauses, read on the real parse (wave 9, branch altlex9).

Each kind is a construction of English (docs/wave9/altlex9.md): "as the
result of" and "as a direct result of" beside "as a result of"; a comma-set "which"
after a person, or parsed as a clause of the verb before it, standing for
that clause; a span that opens a bracket closing it; a conjunct placed
after an antecedent's relative clause not read as a second antecedent; a
result participle coordinated with another sharing its main clause.
Sentences are ours; each case is (rule, cause span, effect span) as the
``argmine_causal_links`` component gives it.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


# "as the result of", "as a direct result of": the same prepositional cue as "as a result of"
@pytest.mark.parametrize("text, expected", [
    ("The bridge collapsed as the result of a flood in the upper valley .",
     ("a flood in the upper valley", "The bridge collapsed")),
    ("Hundreds of cottages were abandoned as a direct result of the enclosures .",
     ("the enclosures", "Hundreds of cottages were abandoned")),
    ("Many weavers left the town as a direct or indirect result of the new tariff .",
     ("the new tariff", "Many weavers left the town")),
])
def test_as_the_result_of(nlp, text, expected):
    assert ("connective-because-of", *expected) in found(nlp, text)


# "which" never stands for a person: after a person it stands for the clause that ends with the person
def test_which_after_a_person_stands_for_the_clause(nlp):
    text = "The king exiled his brother , which caused a revolt ."
    assert ("verb-cause", "The king exiled his brother", "a revolt") in found(nlp, text)


# a comma-set "which" clause the parser hangs on the verb before it: "which" stands for that verb's clause
def test_which_clause_hung_on_the_verb_before(nlp):
    text = "The activists organised the miners , which led to violent repression from the police ."
    assert ("verb-prep-lead-to", "The activists organised the miners", "violent repression from the police") \
        in found(nlp, text)


# a span that opens a bracket runs on to its close
def test_span_closes_its_bracket(nlp):
    text = "The siege , which resulted in the surrender of the town ( 1573 ) , ended the revolt ."
    assert any(effect.endswith("( 1573 )") for rule, cause, effect in found(nlp, text)
               if rule == "verb-prep-result-in"), found(nlp, text)


# a noun coordinated with the antecedent but placed after its relative clause is no second antecedent
def test_conjunct_after_a_relative_clause_is_no_second_cause(nlp):
    text = ("Spain fought the Dutch Revolt , which resulted in the loss of the northern provinces ( 1581 ) "
            "and the decline of Antwerp .")
    causes = [cause for rule, cause, effect in found(nlp, text) if rule == "verb-prep-result-in"]
    assert causes and all("Antwerp" not in cause for cause in causes), found(nlp, text)


# a result participle coordinated with another tells a result of the same main clause, not of its subject alone
@pytest.mark.parametrize("text, rule, expected", [
    ("In May the army invaded the two duchies , making rapid progress and forcing both dukes to surrender "
     "within the month .", "causative-lead",
     ("In May the army invaded the two duchies", "both dukes to surrender within the month")),
    ("The duke sold the mills , allowing the monks to clear the forest , leading to a quarrel with the villagers .",
     "verb-prep-lead-to", ("The duke sold the mills", "a quarrel with the villagers")),
])
def test_coordinated_result_participles_share_the_main_clause(nlp, text, rule, expected):
    assert (rule, *expected) in found(nlp, text), found(nlp, text)
