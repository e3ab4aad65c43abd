"""Concept names of clauses (wave 11, after a fresh read of history-dev): verbs of undergoing, adjectives with an infinitive.

"the towns suffered a long depression": what the towns underwent is the concept ("long depression"), not a
nominalization of the verb ("sufferance of ...", "experiencing ..."). The verbs are lexicon kind
``undergoing_verb`` (Open English WordNet's "undergo" and the synsets below it). Sentences are ours.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def effects(extract_links, text: str) -> list[str]:
    return [l.effect_concept for l in extract_links(text)]


@pytest.mark.parametrize("text, effect", [
    ("Because of the blockade, the port towns experienced a sharp fall in trade.", "fall in trade"),
    ("Deflation was severe, and the states that kept the silver standard suffered much deeper slumps.",
     "much deeper slumps"),
    ("The collapse of the banks meant that the province underwent a long recession.", "recession"),
])
def test_what_is_undergone_names_the_effect(extract_links, text, effect):
    assert effect in effects(extract_links, text)


def test_other_verbs_keep_their_nominalization(extract_links):
    # a verb that is no undergoing is still named by its nominalization with its object
    assert "abandonment of farms" in effects(extract_links, "The famine drove the peasants to abandon their farms.")


# a predicative adjective with an infinitive complement is named with what it is about, not as an adjective on
# the subject ("unable masters")
@pytest.mark.parametrize("text, effect", [
    ("The guild masters proved unable to break into the export trade, because foreign cloth was cheaper.",
     "unable to break into export trade"),
    ("Because the crown had defaulted twice, the Genoese bankers were reluctant to lend money to the king.",
     "reluctant to lend money"),
])
def test_adjective_with_infinitive_names_what_it_is_about(extract_links, text, effect):
    assert effect in effects(extract_links, text)


def test_adjective_without_infinitive_names_the_changed_thing(extract_links):
    assert "scarce labour" in effects(extract_links, "Because of the plague, labour became scarce.")
