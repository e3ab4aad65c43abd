"""Kinds read in wave 11 (branch cnc11, docs/wave11/cnc11.md), on the real parse.

Each case is a sentence of ours and the links the ``argmine_causal_links``
component gives: (rule, cause span, effect span).

- an end that is the second of two coordinated passive clauses ("twelve
  were injured" in "two were killed and twelve were injured when X"), or a
  gapped one ("and twelve injured"), runs from the subject of the first: the
  adjunct after the coordination scopes over both clauses; not when the first
  clause is active, nor when the two are of different voice;
- an infinitive the parser hangs as ``xcomp`` on a verb that takes no
  infinitive complement, with an adverbial between the two ("the weavers had
  barged in violently to break up the meeting"), is a purpose, as it is when
  hung as ``advcl``; not right after the verb, not after a verb of lexicon kind
  ``control_verb`` (now with object-control verbs: "were told to leave"), not
  after a verb without a subject (a headline's noun read as a verb) or with a
  thing as its subject ("the barge leaves from the quay at nine to arrive in the
  town"), not a question's infinitive ("did not know whom to ask");
- "for" with a gerund clause after a verb that has a person, group or name
  before it ("the guards targeted two women for wearing red scarves", "the
  guild flayed the mayor for keeping silent") gives the reason for the act
  (rule flag ``judged_target`` of ``connective-for``); not when what the verb
  acts on is a thing ("used the hall for dancing"), nor with a noun after "for"
  ("visited the bishop for the feast" names no act of the bishop).
"""
from __future__ import annotations

import pytest
from conftest import component_effects as effects
from conftest import component_links

from argmine.nlp.syntax import with_coordinated_passive

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


@pytest.mark.parametrize("text, effect", [
    ("Two wardens were killed and nine others were hurt as the convicts stormed the gate.",
     "Two wardens were killed and nine others were hurt"),
    ("Six porters were arrested and three injured when the guards charged the crowd.",
     "Six porters were arrested and three injured"),
])
def test_coordinated_passive_end_runs_from_the_first_clause(nlp, text, effect):
    assert effect in effects(nlp, text)


@pytest.mark.parametrize("text, effect", [
    # the first clause is active: the adjunct is the second clause's alone
    ("The mill stayed open and the weavers were fined after the riot.", "the weavers were fined"),
])
def test_coordination_of_other_voice_is_not_joined(nlp, text, effect):
    got = effects(nlp, text)
    assert effect in got
    assert not any(e.startswith("The mill") for e in got)


def test_coordinated_passive_helper_on_the_parse(nlp):
    doc = nlp("Two wardens were killed and nine others were hurt as the convicts stormed the gate.")
    hurt = next(t for t in doc if t.lower_ == "hurt")
    nine = next(t for t in doc if t.lower_ == "nine")
    span = (nine.i, hurt.i + 1)
    assert doc[slice(*with_coordinated_passive(span, hurt.i, doc))].text == "Two wardens were killed and nine others were hurt"
    killed = next(t for t in doc if t.lower_ == "killed")
    assert with_coordinated_passive((0, killed.i + 1), killed.i, doc) == (0, killed.i + 1)  # the first clause stays


@pytest.mark.parametrize("text, cause, effect", [
    ("The weavers had barged in violently to break up the meeting of the guild.",
     "to break up the meeting of the guild", "The weavers had barged in violently"),
    ("The guild has called for a strike on Monday to condemn the levy.",
     "to condemn the levy", "The guild has called for a strike on Monday"),
])
def test_xcomp_infinitive_of_a_verb_without_one_is_a_purpose(nlp, text, cause, effect):
    assert ("purpose-to", cause, effect) in found(nlp, text)


@pytest.mark.parametrize("text", [
    "The clerks did not know whom to ask about the levy.",
    "The weavers were told to leave the hall.",
    "The weavers decided to leave the hall.",
    "The barge leaves from the quay at about nine to arrive in the town two hours later.",
])
def test_complement_infinitives_stay_no_purpose(nlp, text):
    assert not [link for link in found(nlp, text) if link[0] == "purpose-to"]


@pytest.mark.parametrize("text, cause, effect", [
    ("The guards targeted two weavers for wearing red scarves.",
     "wearing red scarves", "The guards targeted two weavers"),
    ("The guild flayed the mayor for keeping silent about the levy.",
     "keeping silent about the levy", "The guild flayed the mayor"),
])
def test_for_gerund_after_a_verb_on_a_person_is_a_reason(nlp, text, cause, effect):
    assert ("connective-for", cause, effect) in found(nlp, text)


@pytest.mark.parametrize("text", [
    "The weavers used the hall for dancing on Sundays.",
    "The miller visited the bishop for the feast of Easter.",
    "Cited by the watch in May for riding without a lamp, the carter was sent home.",
])
def test_for_without_a_person_or_a_gerund_stays_no_reason(nlp, text):
    assert not [link for link in found(nlp, text) if link[0] == "connective-for"]
