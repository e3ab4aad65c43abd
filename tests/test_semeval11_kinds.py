"""Kinds of English read for SemEval-2010 (wave 11, branch semeval11, issue 12).

Sentences are ours. Each test names the kind (docs/wave11/semeval11.md): "come from" and "ensue from"
in their sense of being the result of something; a "from X to Y" path or range, whose X is where
it starts, not a cause; the event noun that a participle of causing describes when the parser hangs
the participle on a place or a part several phrases down.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def relations(extract_links, text: str) -> list[tuple[str, str]]:
    """(cause text, effect text) of the explicit links."""
    from argmine.batch.links import relations_of

    return [(r["cause"], r["effect"]) for r in relations_of(extract_links(text), text)]


# "come from" in OEWN 02631420-v (come, follow: to be the product or result): an event or a condition
# comes from its cause
@pytest.mark.parametrize("text, expected", [
    # (the phrase of place closing the end is left out, as for every verb cue: tests/test_semeval10_kinds.py)
    ("The unrest in the valley came from the new tithe.", ("the new tithe", "The unrest")),
    ("Their wealth comes from trade with the east.", ("trade", "Their wealth")),
])
def test_come_from_names_a_cause(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# "come" is also a verb of motion: a thing or a person coming from a person or a place is no link
@pytest.mark.parametrize("text", [
    "The letter came from the bishop.",
    "The grain came from Egypt.",
    "The refugees came from the burning villages.",
    "The call came from a farmer in the hills.",
    # with a particle "come" is a phrasal verb of motion
    "Prices came down from their peak in May.",
])
def test_come_from_a_place_or_a_sender_is_no_link(extract_links, text):
    assert relations(extract_links, text) == []


# "ensue" shares its OEWN sense with "result" (02640440-v); "ensue from" names the cause as "result from" does
@pytest.mark.parametrize("text, expected", [
    ("A long quarrel ensued from the verdict of the court.", ("the verdict of the court", "A long quarrel")),
    ("Years of unrest ensued from the new tax on salt.", ("the new tax on salt", "Years of unrest")),
])
def test_ensue_from_names_a_cause(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# "from X to Y" (or "into", "until") is a path or a range: X is where it starts
@pytest.mark.parametrize("text", [
    "The pain spread from the wrist to the elbow.",
    "Their mood passed from hope into despair.",
    "The fever moved from the children to the old.",
])
def test_from_to_range_is_no_cause(extract_links, text):
    assert not any(cause.startswith(("the wrist", "hope", "the children")) for cause, _ in relations(extract_links, text))


# a "from" phrase of cause after a noun of harm or feeling is still read when no range follows
@pytest.mark.parametrize("text, expected", [
    ("Deaths from hunger rose in the winter.", ("hunger", "Deaths")),
    ("Deaths from hunger rose to a thousand.", ("hunger", "Deaths")),
])
def test_from_without_range_stays(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# a participle of causing hung on a place or a part several phrases below the event noun describes the event
@pytest.mark.parametrize("text, expected", [
    ("The swelling in the upper part of the knee caused by gout lasted a week.",
     ("gout", "The swelling in the upper part of the knee")),
    ("The famine in the northern part of the province caused by the drought lasted two years.",
     ("the drought", "The famine in the northern part of the province")),
])
def test_participle_on_a_place_describes_the_event_above_it(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# no event noun above: the noun the participle hangs on stays
def test_participle_without_event_noun_above_stays(extract_links):
    assert ("the storm", "the house") in relations(
        extract_links, "The roof of the north wing of the house damaged by the storm was rebuilt.")


# the climb goes only from a place or a thing: a noun of time is what was caused ("a delay caused by X")
def test_participle_on_a_noun_of_time_stays(extract_links):
    assert ("the airline", "a delay") in relations(
        extract_links, "Passengers have rights in the event of a delay that has been caused by the airline.")


# a participle right after a noun, with no comma, is a reduced relative on that noun even where the parser
# hangs it on a verb as an adverbial clause; set off by a comma or fronted, it is said of the subject
@pytest.mark.parametrize("text, expected", [
    ("The new drug helped the patients avoid pain and swelling caused by the fever.",
     ("the fever", "pain and swelling")),
    ("The kingdom fell, weakened by drought.", ("drought", "The kingdom")),
    ("Weakened by drought, the kingdom fell.", ("drought", "the kingdom")),
])
def test_participle_after_a_noun_modifies_the_noun(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# a superlative with no noun after a copula stands for the subject's noun
def test_superlative_without_noun_stands_for_the_subject(extract_links):
    assert ("a storm", "The flood of 1913") in relations(
        extract_links, "The flood of 1913 was the worst ever caused by a storm.")


# a place phrase the parser hangs on the verb, with a causing participle on the place: the event noun right
# before the phrase is what the participle describes
def test_participle_on_a_verb_attached_place_describes_the_event_before_it(extract_links):
    assert ("the recession", "the debt crisis") in relations(
        extract_links, "The bank was caught in the debt crisis in the developing world caused by the recession.")
