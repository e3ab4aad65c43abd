"""Kinds of English read for SemEval-2010's head-word spans (wave 10, branch semeval10).

Sentences are ours. Each test names the kind: a phrase of place that closes a
verb cue's noun end says where, not what (docs/wave10/semeval10.md).
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def relations(extract_links, text: str) -> list[tuple[str, str]]:
    """(cause text, effect text) of the explicit links."""
    from argmine.batch.links import relations_of

    return [(r["cause"], r["effect"]) for r in relations_of(extract_links(text), text)]


# a phrase of place (a location, landform or part of the body in WordNet) that closes a verb cue's
# noun end is where the thing was, not what it was
@pytest.mark.parametrize("text, expected", [
    ("The storm caused heavy damage on the northern coast.", ("The storm", "heavy damage")),
    ("The frost caused a deep crack along the left side of the tower.", ("The frost", "a deep crack")),
    ("The cough was caused by an infection in the left lung.", ("an infection", "The cough")),
    ("The heavy rain resulted in a flood in the lower valley.", ("The heavy rain", "a flood")),
    # a gerund the tagger reads as a verb, used as the noun of the "by" phrase
    ("The pain was caused by clogging of the small vessels in the leg.", ("clogging of the small vessels", "The pain")),
])
def test_place_phrase_closing_a_verb_cue_end_is_left_out(extract_links, text, expected):
    assert expected in relations(extract_links, text)


# what completes the noun stays: an object that is no place, and a place phrase that is not at the end
@pytest.mark.parametrize("text, expected", [
    ("The reform caused a rise in prices.", ("The reform", "a rise in prices")),
    ("The drought caused a fall in the price of grain.", ("The drought", "a fall in the price of grain")),
])
def test_complement_that_is_no_place_stays(extract_links, text, expected):
    assert expected in relations(extract_links, text)


def test_setting_cut_unit(nlp):
    """:func:`argmine.nlp.nominal.without_setting` on a parsed sentence: only the closing place phrase goes."""
    from argmine.nlp.nominal import lexicon_words, without_setting

    doc = nlp("The storm caused heavy damage on the northern coast.")
    head = next(t for t in doc if t.text == "damage")
    start, end = without_setting((head.i - 1, len(doc) - 1), head.i, doc, lexicon_words())
    assert doc[start:end].text == "heavy damage"
    verb = next(t for t in doc if t.text == "caused")
    assert without_setting((0, len(doc) - 1), verb.i, doc, lexicon_words()) == (0, len(doc) - 1)
