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
    ("The new levy provoked open resentment in the northern towns .",
     ("verb-cause", "The new levy", "open resentment in the northern towns")),
    ("The flood caused heavy damage to the granaries .",
     ("verb-cause", "The flood", "heavy damage to the granaries")),
])
def test_object_pp_of_an_engender_verb_is_part_of_the_effect(nlp, text, expected):
    assert expected in found(nlp, text), found(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("The storm caused a fire on Monday .", ("verb-cause", "The storm", "a fire")),
    ("The strike caused a famine by closing the ports .", ("verb-cause", "The strike", "a famine")),
])
def test_a_time_or_means_after_the_object_stays_out(nlp, text, expected):
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
