"""Which relations news-style causal English states, and which readings are wrong by kind (wave 7), on the real parse.

Each case is a sentence of ours and the exact links the ``argmine_causal_links``
component gives: (rule, cause span, effect span). The kinds (docs/EVALUATION.md,
"Wave 7: CNC"): a clause of death, injury or damage (lexicon kind ``harm``) with
a "when" clause says what did the harm ("after" stays a time there); a person or body after
"against" is whom a protest is aimed at (``actor_target``), not its cause.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


# "X were killed / injured when Y": the clause of harm is the effect of what happened
@pytest.mark.parametrize("text, expected", [
    ("Six weavers were wounded when the dragoons fired into the crowd.",
     [("connective-when", "the dragoons fired into the crowd", "Six weavers were wounded")]),
    ("Two customs officers were killed when smugglers ambushed their boat.",
     [("connective-when", "smugglers ambushed their boat", "Two customs officers were killed")]),
    # "after" with a clause of harm stays a time: "died after the war ended"
    ("The old sergeant died after the war ended.", []),
    # a clause of no harm and no reaction stays a time
    ("The abbot was in Rome when the chapter met.", []),
    ("The bishop wrote to the king after the synod ended.", []),
])
def test_harm_clause_with_when(nlp, text, expected):
    assert found(nlp, text) == expected


# "against" after a word of protest: an act or a measure is the cause; a person or body is the target
@pytest.mark.parametrize("text, expected", [
    ("The weavers protested against the new duty on linen.",
     [("connective-against", "the new duty on linen", "The weavers protested")]),
    ("The apprentices shouted slogans against the mayor.", []),
    ("The crowd marched against the Company.", []),
    ("The guilds protested against them.", []),
])
def test_protest_target_is_no_cause(nlp, text, expected):
    assert found(nlp, text) == expected


# a past participle of feeling with the feeling's object after "over / at / about / with" gives its source, as
# "angered by X" does
@pytest.mark.parametrize("text, expected", [
    ("Irked over the new tolls, the carters blocked the bridge.",
     [("participle-emotion", "Irked over the new tolls", "the carters blocked the bridge")]),
    # a participle of no feeling describes
    ("Stationed over the gate, the guards watched the road.", []),
])
def test_feeling_participle_with_its_object(nlp, text, expected):
    assert found(nlp, text) == expected


# a protest or dispute kept up "until / till" a condition is met: the condition would end it (negative, as "unless")
@pytest.mark.parametrize("text, expected", [
    ("The carters kept up the strike until their wages were restored.",
     [("connective-until", "their wages were restored", "The carters kept up the strike")]),
    ("The boycott of the mills went on until the owners gave way.",
     [("connective-until", "the owners gave way", "The boycott of the mills went on")]),
    ("We will continue our boycott till the council hears our demands.",
     [("connective-until", "the council hears our demands", "We will continue our boycott")]),
    # any other clause: a time
    ("He lived in Paris until the war began.", []),
])
def test_protest_until_a_condition(nlp, text, expected):
    assert found(nlp, text) == expected


# a motive participle the parser reads as an adjective on its own object ("strike demanding(amod) tolls") is the
# participle clause it is; an adjective after a determiner or on a verb's object stays one
@pytest.mark.parametrize("text, expected", [
    ("The bus owners went on strike demanding exemption from the new tax.",
     [("participle-motive", "demanding exemption from the new tax", "The bus owners went on strike")]),
    ("The carters' guild went on strike demanding exemption from tolls.",
     [("participle-motive", "demanding exemption from tolls", "The carters' guild went on strike")]),
    ("The abbot gave the monks a demanding task.", []),
    ("The guards dispersed protesting weavers.", []),
])
def test_motive_participle_read_as_adjective(nlp, text, expected):
    assert found(nlp, text) == expected


# the infinitive of "it is ADJ (for X) to V" is the extraposed subject, not a purpose
@pytest.mark.parametrize("text, expected", [
    ("It is natural for some members to resign in protest.", []),
    ("It was impossible for the army to cross the river.", []),
    ("The guild was ready to strike to win better pay.",
     [("purpose-to", "to win better pay", "to strike")]),
])
def test_extraposed_infinitive_is_no_purpose(nlp, text, expected):
    assert found(nlp, text) == expected


# "for X" after a verb of death, injury or damage gives the reason, as after a verb of sanction
@pytest.mark.parametrize("text, expected", [
    ("The rebels killed three farmers for hiding grain.",
     [("connective-for", "hiding grain", "The rebels killed three farmers")]),
    ("Two monks were burned for refusing to recant.",
     [("connective-for", "refusing to recant", "Two monks were burned")]),
    ("The bridge was damaged for weeks.", []),
])
def test_reason_of_harm(nlp, text, expected):
    assert found(nlp, text) == expected
