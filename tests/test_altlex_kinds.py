"""Connectives and alternative lexicalisations between clauses, read on the real parse (wave 9, branch altlex9).

Each kind is a construction of English (docs/wave9/altlex9.md): "X, so Y"
when the parser makes "so" the coordinator of two finite clauses; bare "so"
as a subordinator of purpose ("so that" without "that"); "as the result of"
and "as a direct result of" beside "as a result of"; a comma-set "which"
after a person, or parsed as a clause of the verb before it, standing for
that clause; a span that opens a bracket closing it; a conjunct placed
after an antecedent's relative clause not read as a second antecedent.
Sentences are ours; each case is (rule, cause span, effect span) as the
``argmine_causal_links`` component gives it.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


# "X, so Y" with "so" parsed as the coordinator: the result is the conjunct clause after "so", the reason the clause before
@pytest.mark.parametrize("text, expected", [
    ("Venice did not accept the papal call for its fleet , so it was attacked in April 1509 .",
     ("Venice did not accept the papal call for its fleet", "it was attacked in April 1509")),
    ("The press is far slower than the new machines however , so its use is limited to small pamphlets .",
     ("The press is far slower than the new machines however", "its use is limited to small pamphlets")),
])
def test_so_between_two_finite_clauses(nlp, text, expected):
    assert ("connective-adverb", *expected) in found(nlp, text)


# bare "so" with a subject and a modal in its clause is a purpose, read as "so that"
@pytest.mark.parametrize("text, expected", [
    ("The abbot sold the orchard so he could repair the roof .",
     ("The abbot sold the orchard", "he could repair the roof")),
    ("The guild shipped its old looms to the colonies so they can be used again .",
     ("The guild shipped its old looms to the colonies", "they can be used again")),
])
def test_bare_so_of_purpose(nlp, text, expected):
    assert ("connective-so-that", *expected) in found(nlp, text)


# no purpose without a modal, and not the degree "so ADJ (that)"
@pytest.mark.parametrize("text", [
    "The mill was so large it ground all the grain of the valley .",
    "The winter was so cold that the river froze .",
])
def test_so_that_is_no_purpose(nlp, text):
    assert not [link for link in found(nlp, text) if link[0] == "connective-so-that"]


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


# "X forced Y" with an act or condition as Y brings Y about; a concrete object ("forced the gate") is no link
@pytest.mark.parametrize("text, expected", [
    ("The long blockade forced the surrender of the port .", ("The long blockade", "the surrender of the port")),
    ("The envoy delivered an ultimatum to the duke , forcing the cession of the border forts .",
     ("The envoy delivered an ultimatum to the duke", "the cession of the border forts")),
])
def test_forced_an_act(nlp, text, expected):
    assert ("verb-force", *expected) in found(nlp, text)


def test_forced_a_thing_is_no_link(nlp):
    assert not [link for link in found(nlp, "The soldiers forced the gate .") if link[0] == "verb-force"]


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
