"""Kinds of English read for history prose (wave 11, branch reader11).

Sentences are ours. Each test names the kind (docs/wave11/reader11.md):

1. a noun whose sense needs its prepositional complement keeps it in the concept name ("dependence on
   foreign grain", "commitment to free trade", "confidence in the currency"): lexicon kind
   ``relational_noun`` entries with a preposition (``models/complement_nouns.jsonl``);
2. a causal verb coordinated after another verb, which the parser read as an adjective on its object ("seized
   the islands and undermined Portuguese trade"), shares the first verb's subject;
3. present-tense "the roots of Y lie in X", "lie" parsed as a noun;
4. a comma-set ", which led to ..." clause after an end is a further link, not part of the end.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def relations(extract_links, text: str) -> list[tuple[str, str]]:
    """(cause text, effect text) of the explicit links."""
    from argmine.batch.links import relations_of

    return [(r["cause"], r["effect"]) for r in relations_of(extract_links(text), text)]


def concepts(extract_links, text: str) -> list[tuple[str, str]]:
    """(cause concept, effect concept) of the links."""
    return [(l.cause_concept, l.effect_concept) for l in extract_links(text)]


# 1. a noun whose complement the noun's sense needs: the preposition comes from the verb's VerbNet frames
# (rely on, depend on, commit to) or the noun's own usage in WordNet (confidence in, interest in)
@pytest.mark.parametrize("text, cause", [
    ("The dependence of the towns on foreign grain caused repeated famines.", "dependence of towns on foreign grain"),
    ("The cabinet's commitment to free trade led to the ruin of small farmers.", "cabinet's commitment to free trade"),
    ("Confidence in the currency encouraged foreign investment.", "confidence in currency"),
    ("Their reliance on slave labour weakened the planters in the long run.", "reliance on slave labour"),
    ("A growing interest in classical learning led to the founding of new schools.", "interest in classical learning"),
])
def test_relational_noun_keeps_its_complement(extract_links, text, cause):
    assert cause in [c for c, _ in concepts(extract_links, text)]


# a noun of a causal cue keeps no complement in its name (its complement is a link's end), and a plain noun
# keeps none of a preposition its sense does not need
@pytest.mark.parametrize("text, expected", [
    ("The harvest of 1788 caused widespread hunger in the provinces.", ("harvest", "hunger")),
    ("The drought was a factor in the decline of the abbey.", ("drought", "decline of abbey")),
])
def test_other_nouns_keep_short_names(extract_links, text, expected):
    assert expected in concepts(extract_links, text)


# 2. a second verb read as an adjective on its object shares the subject of the first
@pytest.mark.parametrize("text, expected", [
    ("The Dutch seized the spice islands and undermined Portuguese trade.", ("The Dutch", "Portuguese trade")),
    ("The guilds closed their markets and weakened rural industry.", ("The guilds", "rural industry")),
])
def test_coordinated_verb_read_as_adjective(extract_links, text, expected):
    assert expected in relations(extract_links, text)
    assert all("undermined" not in e and "weakened" not in e for _, e in concepts(extract_links, text))


# a participle after a determiner is an adjective of its noun, not a coordinated verb
def test_participle_after_determiner_is_no_verb(extract_links):
    links = extract_links("The army burned the villages and the ruined mills.")
    assert not any(l.cue == "ruined" for l in links)


# 3. present-tense "the roots of Y lie in X" ("lie" parsed as a noun)
@pytest.mark.parametrize("text, expected", [
    ("The roots of the rebellion lie in the heavy taxes of the viceroy.", ("the heavy taxes of the viceroy", "the rebellion")),
    ("The origins of the schism lie in a quarrel over the election of the abbot.",
     ("a quarrel over the election of the abbot", "the schism")),
])
def test_present_tense_lie_in(extract_links, text, expected):
    assert expected in relations(extract_links, text)


def test_lie_in_without_cause_noun_states_no_link(extract_links):
    assert relations(extract_links, "The strength of the garrison lies in its artillery.") == []


# 4. a comma-set relative clause whose verb is a cue is a further link of a chain, not part of the end
def test_effect_stops_before_which_led_to(extract_links):
    found = relations(extract_links, "High grain prices caused riots in the capital, which led to the fall of the ministry.")
    assert ("High grain prices", "riots in the capital") in found


def test_cause_stops_before_which_caused(extract_links):
    found = relations(extract_links,
                      "The collapse of the silver mines, which caused a sharp fall in revenue, forced the king to borrow.")
    assert any(c == "The collapse of the silver mines" for c, _ in found)
    assert not any("which" in c for c, _ in found)

