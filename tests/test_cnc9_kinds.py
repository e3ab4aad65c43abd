"""Kinds of news-style causal English read in wave 9 (branch cnc9, docs/wave9/cnc9.md), on the real parse.

Each case is a sentence of ours and the exact links the ``argmine_causal_links``
component gives: (rule, cause span, effect span).

- an additive "too" before the verb ("the weavers too marched out to X") is
  "also", not the degree word of "too weak to X": the infinitive stays a purpose;
- "after / following" + a gerund clause of protest or reaction is an act, read
  as "after" + an event noun is (the main clause a reaction or sanction);
- coordinated objects of a connective keep the modifier the parser hangs on the
  first one after the whole coordination ("against the rape and murder of X");
- a protest connective inside a purpose infinitive ("marched to protest against
  X") is part of the intention the purpose link states, no relation of its own;
- a progressive participle the parser hangs on "be" is the predicate, no motive;
- an act of protest done "as part of" a larger whole is done for it.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


@pytest.mark.parametrize("text, expected", [
    ("The dyers too walked out of the mill to back the weavers.",
     [("purpose-to", "to back the weavers", "The dyers too walked out of the mill")]),
    # a degree word on an adjective is still a degree: no purpose
    ("The planks were too rotten to hold the cart.",
     [("degree-too-to", "too rotten", "hold the cart")]),
])
def test_additive_too_keeps_the_purpose(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nine carters were arrested after protesting at the toll gate.",
     [("connective-following", "protesting at the toll gate", "Nine carters were arrested")]),
    # a gerund after "after" with a main clause of no reaction stays a time
    ("The vicar moved to York after finishing his studies.", []),
    # the gerund's subject is the main clause's: a verb of market movement used of an agent is no market move
    ("After soaking the hides overnight, we slipped them into the vat.", []),
    # a gerund of no protest, sanction or reaction after a sanction: one actor's acts in sequence
    ("The clerk was arrested after trying to sell the seal.", []),
])
def test_after_gerund_clause(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hundreds of spinners marched against the seizure and sale of a widow's loom.",
     [("connective-against", "the seizure", "Hundreds of spinners marched"),
      ("connective-against", "sale of a widow's loom", "Hundreds of spinners marched")]),
])
def test_coordinated_objects_share_their_modifier(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The carters blocked the bridge to protest against the new tolls.",
     [("purpose-to", "to protest against the new tolls", "The carters blocked the bridge")]),
    # an infinitive complement is no purpose: the against-phrase is read
    ("The carters decided to protest against the new tolls.",
     [("connective-against", "the new tolls", "The carters decided to protest")]),
])
def test_connective_inside_a_purpose(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a progressive the parser hung on its "be": the participle is the predicate, no motive
    ("The guild was on Monday protesting outside the town hall.", []),
    # "be" with a place of its own and a participle: a motive
    ("Hundreds were on the quay demanding the release of the boatmen.",
     [("participle-motive", "demanding the release of the boatmen", "Hundreds were on the quay")]),
])
def test_progressive_is_no_motive(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The porters struck work as part of the general strike.",
     [("connective-part-of", "the general strike", "The porters struck work")]),
    # a part of no protest or campaign: no link
    ("The fishing rights were settled as part of the treaty.", []),
])
def test_act_as_part_of_a_protest(nlp, text, expected):
    assert found(nlp, text) == expected
