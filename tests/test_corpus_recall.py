"""Kinds of causal English that news corpora annotate and historians write too, on the real parse.

Each case is a sentence of ours and the exact links the ``argmine_causal_links``
component gives: (rule, cause span, effect span[, strength]). The kinds
(docs/EVALUATION.md, "Wave 4: corpus recall"): participial result clauses
("..., killing twelve", "..., leaving hundreds homeless"), the reasons of verbs
of judging ("rebuked X for Y-ing", "criticised over X", "arrested in connection
with X"), a purpose infinitive the parser hangs on an event noun or a time
expression, and the passive of a resultative ("were left stranded by X").
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


def found_strength(nlp, text: str) -> list[tuple[str, str, str, str]]:
    doc = nlp(text)
    return [(l["rule"], doc[slice(*l["cause"])].text, doc[slice(*l["effect"])].text, l["strength"])
            for l in doc._.causal_links]


# a subjectless participial clause of killing or injuring tells what the main clause's act did
@pytest.mark.parametrize("text, expected", [
    ("The garrison fired on the crowd, killing twelve townsmen.",
     [("participle-result-harm", "The garrison fired on the crowd", "killing twelve townsmen")]),
    ("A mine exploded under the bridge, injuring forty soldiers.",
     [("participle-result-harm", "A mine exploded under the bridge", "injuring forty soldiers")]),
    # the participle's clause stops before a subordinate clause of its own
    ("The dragoons charged the market, killing six and wounding many more while trying to clear the square.",
     [("participle-result-harm", "The dragoons charged the market", "killing six and wounding many more")]),
    # damage to things, whoever acted
    ("The rebels burned the customs house, damaging the archives.",
     [("participle-result-harm", "The rebels burned the customs house", "damaging the archives")]),
    ("The strike entered its third day, hurting trade in the port.",
     [("participle-result-harm", "The strike entered its third day", "hurting trade in the port")]),
    # a participle that is the complement of a verb is no result clause
    ("The old soldier spent his last years killing time in the tavern.", []),
])
def test_harm_participle_is_a_result(nlp, text, expected):
    assert found(nlp, text) == expected


# "leaving Y ADJ" as a result participle, and the passive "Y was left ADJ by X"
@pytest.mark.parametrize("text, expected", [
    ("The flood swept through the lower town, leaving hundreds homeless.",
     [("resultative-leave", "The flood swept through the lower town", "hundreds homeless")]),
    ("Thousands of travellers were left stranded by the strike.",
     [("resultative-leave", "the strike", "Thousands of travellers were left stranded")]),
    ("The villages were left deserted by the plague of 1348.",
     [("resultative-leave", "the plague of 1348", "The villages were left deserted")]),
])
def test_resultative_leave_participle_and_passive(nlp, text, expected):
    assert found(nlp, text) == expected


# a verb of judging gives its "for"/"over" phrase as the reason (VerbNet judgment-33.1)
@pytest.mark.parametrize("text, expected", [
    ("The council rebuked the mayor for ignoring the petition.",
     [("connective-for", "ignoring the petition", "The council rebuked the mayor")]),
    ("The bishop was praised for his charity during the famine.",
     [("connective-for", "his charity", "The bishop was praised")]),
    ("The minister was criticised over his handling of the famine.",
     [("connective-over", "his handling of the famine", "The minister was criticised")]),
    ("Police have arrested twelve men in connection with the riot at the docks.",
     [("connective-for", "the riot", "Police have arrested twelve men")]),
    # no word of dispute, sanction or judgment: a destination, not a reason
    ("The ships sailed for Lisbon in connection with the trade.", []),
    # "responsibility for X" names who did X, not a reason for the responsibility
    ("No faction claimed responsibility for the fire at the customs house.", []),
])
def test_reason_of_judging_and_sanction(nlp, text, expected):
    assert found(nlp, text) == expected


# a purpose infinitive the parser hangs on the event noun of a support verb or on a time expression
@pytest.mark.parametrize("text, expected", [
    ("The guilds held a meeting to discuss the new levy.",
     [("purpose-to", "to discuss the new levy", "The guilds held a meeting", "motive")]),
    # the parser may hang the infinitive as a relative clause
    ("The guild organised a great procession to mark the anniversary of the charter.",
     [("purpose-to", "to mark the anniversary of the charter", "The guild organised a great procession", "motive")]),
    ("They found a house to live in.", []),
    ("Residents of the parish staged a demonstration on Tuesday to protest the enclosure of the common.",
     [("purpose-to", "to protest the enclosure of the common",
       "Residents of the parish staged a demonstration on Tuesday", "motive")]),
    # a person, group, place or thing in an adverbial phrase: the infinitive is the act's purpose
    ("The envoys crossed the river on a mule to meet the rebel leaders.",
     [("purpose-to", "to meet the rebel leaders", "The envoys crossed the river on a mule", "motive")]),
    ("The abbot rode to the town with two monks to ask for a remission of the tithe.",
     [("purpose-to", "to ask for a remission of the tithe", "The abbot rode to the town with two monks", "motive")]),
    # the infinitive says what the noun is, or which one it is: no purpose
    ("The council drew up a plan to build a new bridge.", []),
    ("He was the first bishop in the province to preach in the vernacular.", []),
    # a closing comma-set apposition is a comment, not part of the purpose
    ("The guild sent a petition to hold a fair in Ely, the market town of the fens.",
     [("purpose-to", "to hold a fair in Ely", "The guild sent a petition", "motive")]),
])
def test_purpose_on_event_noun_or_time(nlp, text, expected):
    assert found_strength(nlp, text) == expected


# "when" gives a cause, as "after" does, only when the main clause is a reaction (dispute, protest, sanction,
# violence) and "when" opens an adverbial clause
@pytest.mark.parametrize("text, expected", [
    ("Fighting erupted when the magistrates raised the price of bread.",
     [("connective-when", "the magistrates raised the price of bread", "Fighting erupted")]),
    ("Forty weavers were arrested when they tried to storm the town hall.",
     [("connective-when", "they tried to storm the town hall", "Forty weavers were arrested")]),
    # a main clause of no reaction: a time, not a cause
    ("The king was in Paris when the riots broke out.", []),
    ("He was a child when the war began.", []),
    # "when" after a noun is a relative adverb
    ("The strike began on the day when the mills reopened.", []),
])
def test_when_with_a_reaction(nlp, text, expected):
    assert found(nlp, text) == expected


# a fronted absolute "with X V-ing / X ADJ / X left" states the circumstance a reaction answers
@pytest.mark.parametrize("text, expected", [
    ("With grain prices rising, the townsmen attacked the granaries.",
     [("connective-with", "grain prices rising", "the townsmen attacked the granaries")]),
    ("With the army unable to pay its soldiers, mutinies spread.",
     [("connective-with", "the army unable to pay its soldiers", "mutinies spread")]),
    # after its clause the absolute accompanies it; "even with" concedes; no predicate of its own: no absolute
    ("The regiment marched north, with the cavalry leading the way.", []),
    ("Even with the strike continuing, the builders said the work was on track.", []),
    ("Even as the weavers were protesting, another worker set fire to the mill.", []),
    ("With the help of the bishop, the guild rebuilt the hall.", []),
    ("The villagers fled with their cattle.", []),
])
def test_fronted_with_absolute(nlp, text, expected):
    assert found(nlp, text) == expected


# the clause a connective explains leaves out a fronted, comma-set phrase that sets the scene
@pytest.mark.parametrize("text, expected", [
    ("In the spring of 1789, the peasants rioted because bread was dear.",
     [("connective-because", "bread was dear", "the peasants rioted")]),
    ("According to the chronicler, the townsmen rebelled because of the salt tax.",
     [("connective-because-of", "the salt tax", "the townsmen rebelled")]),
])
def test_connective_effect_without_fronted_scene(nlp, text, expected):
    assert found(nlp, text) == expected


# a reason clause ends before a closing participle clause, which tells a result of its own
@pytest.mark.parametrize("text, expected", [
    ("The banks remained shut on Friday as a strike by their clerks entered its second day, hurting trade in the port.",
     [("participle-result-harm", "a strike by their clerks entered its second day", "hurting trade in the port"),
      ("connective-as", "a strike by their clerks entered its second day", "The banks remained shut on Friday")]),
])
def test_reason_clause_without_result_participle(nlp, text, expected):
    assert found(nlp, text) == expected


# "X were killed / injured / damaged in Y": the event Y did the harm; a place, a date or a person does not
@pytest.mark.parametrize("text, expected", [
    ("Forty miners were killed in the explosion at the pit.",
     [("connective-in-harm", "the explosion at the pit", "Forty miners were killed")]),
    ("Six houses were damaged during the riot.",
     [("connective-in-harm", "the riot", "Six houses were damaged")]),
    # a relative pronoun stands for the noun its clause describes
    ("He was accused of planning the explosion in which forty miners were killed.",
     [("connective-in-harm", "the explosion", "forty miners were killed")]),
    # a participle or relative clause on a noun: the noun with what befell it
    ("Of the ten men injured in the riot, three died.",
     [("connective-in-harm", "the riot", "the ten men injured")]),
    ("The bishop died in prison in 1644.", []),
    # conjoined clauses of harm share the event
    ("Seven people were killed and fifty injured in two explosions at the docks.",
     [("connective-in-harm", "two explosions at the docks", "Seven people were killed and fifty injured")]),
])
def test_harm_in_an_event(nlp, text, expected):
    assert found(nlp, text) == expected


# a relative pronoun after a connective preposition stands for its antecedent ("the meadow over which X quarrelled")
def test_connective_relative_antecedent(nlp):
    assert found(nlp, "The townsmen seized the meadow over which the two villages had quarrelled for years.") == [
        ("connective-over", "the meadow", "the two villages had quarrelled for years")]


# "on the ground(s) that X" gives a reason; "on suspicion / charges of X" after a sanction
@pytest.mark.parametrize("text, expected", [
    ("The court granted bail on the ground that he had not taken part in the assault.",
     [("connective-because", "he had not taken part in the assault", "The court granted bail")]),
    ("Two weavers were arrested on suspicion of arson.",
     [("connective-for", "arson", "Two weavers were arrested")]),
    ("The magistrates detained the printer on charges of sedition.",
     [("connective-for", "sedition", "The magistrates detained the printer")]),
])
def test_grounds_and_charges(nlp, text, expected):
    assert found(nlp, text) == expected


# a bare date or measure before the subject is no part of the clause a connective explains
def test_effect_without_leading_measure(nlp):
    assert found(nlp, "Two years later the weavers went on strike because their wages had been cut.") == [
        ("connective-because", "their wages had been cut", "the weavers went on strike")]


# a reason clause leaves out a motive participle, which is a link of its own
def test_reason_clause_without_motive(nlp):
    assert found(nlp, "Traffic on the main roads was paralysed for seven hours as lawyers held a protest at the circle "
                      "demanding the suspension of a constable.") == [
        ("participle-motive", "demanding the suspension of a constable", "lawyers held a protest at the circle"),
        ("connective-as", "lawyers held a protest at the circle", "Traffic on the main roads was paralysed for seven hours")]


# a noun of sanction under a verb of sanction: the verb's act is what the reason explains
def test_sanction_noun_under_sanction_verb(nlp):
    assert found(nlp, "The judge sentenced the printer to ten years' imprisonment for sedition.") == [
        ("connective-for", "sedition", "The judge sentenced the printer to ten years' imprisonment")]


# a clock time after "after" is a time, not an event
def test_after_clock_time(nlp):
    assert found(nlp, "The unions called off the strike after 5 pm.") == []


# a motive participle states an intention, as a purpose does (strength motive); a participle of feeling with its
# agent gives an asserted cause
@pytest.mark.parametrize("text, expected", [
    ("The weavers blocked the road, demanding higher wages.",
     [("participle-motive", "demanding higher wages", "The weavers blocked the road", "motive")]),
    ("Angered by the new tax, the townsmen rioted.",
     [("participle-emotion", "Angered by the new tax", "the townsmen rioted", "sufficient")]),
])
def test_motive_participle_strength(nlp, text, expected):
    assert found_strength(nlp, text) == expected
