"""Kinds of English read for history prose (wave 11, branch reader11b): who commits to a causal link.

Sentences are ours. Each test names the kind (docs/wave11/reader11b.md): a causal claim whose holder is
named in an earlier sentence ("Hobsbawm rejected this explanation. He argued that X caused Y"), by a
demonstrative noun of persons ("These historians attribute Y to X"), or by a fronted "according to"
that covers every coordinated predicate of its clause, is the holder's (``cited``), not the author's.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _sources(links) -> list[tuple[str, str, str, str]]:
    return [(l.cause_text, l.effect_text, l.polarity, l.asserted_by) for l in links]


# a demonstrative noun of persons points back at the scholars just named ("these historians"), unlike a
# demonstrative noun of a work or view ("this view ignores ..."), which is the author judging cited work
@pytest.mark.parametrize("text, expected", [
    ("Many historians believe that the drought ruined the harvest. "
     "These historians attribute the unrest of the weavers to the price of bread.",
     ("the price of bread", "the unrest of the weavers", "positive", "cited")),
    ("Several economists have written on the crisis. "
     "Those scholars trace the collapse of the bank to the failure of the harvest.",
     ("the failure of the harvest", "the collapse of the bank", "positive", "cited")),
], ids=["these-historians-attribute", "those-scholars-trace"])
def test_demonstrative_scholars_hold_the_link(extract_links, text, expected):
    assert expected in _sources(extract_links(text))


# a pronoun that says what it holds ("He argued that", "They claimed that") after a sentence that names a
# scholar taking a side in a debate: a name that rejects an explanation, a plural noun exemplified by a
# name ("Economists like Keynes") that denies a claim
@pytest.mark.parametrize("text, expected", [
    ("The revolt has often been explained by famine. Hobsbawm rejected this explanation. "
     "He argued that the collapse of wages caused the revolt.",
     ("the collapse of wages", "the revolt", "positive", "cited")),
    ("Liberals like Acton denied that the crown had lost its power. "
     "They claimed that the reform of 1832 caused the decline of the Lords.",
     ("the reform of 1832", "the decline of the Lords", "positive", "cited")),
    ("Marxists such as Hill challenged this interpretation. "
     "They held that the sale of church lands produced a new gentry.",
     ("the sale of church lands", "a new gentry", "positive", "cited")),
    ("Economists like Keynes denied that thrift was a virtue in a slump. "
     "They claimed that falling demand caused the depression.",
     ("falling demand", "the depression", "positive", "cited")),
], ids=["name-rejects-explanation-he-argued", "liberals-like-name-denied-they-claimed",
        "marxists-such-as-name-challenged-they-held", "economists-like-name-denied-they-claimed"])
def test_pronoun_after_named_scholar_is_cited(extract_links, text, expected):
    assert expected in _sources(extract_links(text))


# the author's own sentences after such a debate stay the author's
def test_author_after_named_scholar_stays_author(extract_links):
    text = ("Hobsbawm rejected this explanation. "
            "This chapter argues that the collapse of wages caused the revolt.")
    assert ("the collapse of wages", "the revolt", "positive", "author") in _sources(extract_links(text))


# a fronted "according to X" covers every coordinated predicate of its clause
@pytest.mark.parametrize("text, expected", [
    ("According to the older view, the blockade ruined the merchants and provoked the riots of 1812.",
     [("the blockade", "the merchants", "positive", "cited"),
      ("the blockade", "the riots of 1812", "positive", "cited")]),
    ("According to most historians, the war ruined the treasury and caused the default of the crown.",
     [("the war", "the treasury", "positive", "cited"),
      ("the war", "the default of the crown", "positive", "cited")]),
], ids=["according-to-view-two-verbs", "according-to-historians-two-verbs"])
def test_according_to_covers_coordinated_predicates(extract_links, text, expected):
    found = _sources(extract_links(text))
    for link in expected:
        assert link in found


# the negation of an elliptical clause before the link's clause ("where they were not,", "when they did
# not,") is that clause's own: it does not deny the phrase that follows it
@pytest.mark.parametrize("text, expected", [
    ("Where the guilds were strong, the famine weakened the town; where they were not, the famine ruined it.",
     ("the famine", "it", "positive")),
    ("When the rains came, the crops recovered; when they did not, the drought ruined the villages.",
     ("the drought", "the villages", "positive")),
], ids=["where-they-were-not", "when-they-did-not"])
def test_elliptical_negation_stays_in_its_clause(extract_links, text, expected):
    found = [(l.cause_text, l.effect_text, l.polarity) for l in extract_links(text)]
    assert expected in found


# "Y owed much / a great deal / more / little to X" (lexicon kind amount_word): the object says how much
# is owed, so Y itself is the effect; "little" denies weakly, "more" makes X one cause among others
@pytest.mark.parametrize("text, expected", [
    ("The revival of trade owed much to the end of the blockade.",
     ("the end of the blockade", "The revival of trade", "positive", "asserted", "sufficient")),
    ("The survival of the abbey owed a great deal to the patronage of the counts.",
     ("the patronage of the counts", "The survival of the abbey", "positive", "asserted", "sufficient")),
    ("The recovery of trade owed little to the treaty.",
     ("the treaty", "The recovery of trade", "negative", "hedged", "sufficient")),
    ("The growth of the towns owed more to the cloth trade.",
     ("the cloth trade", "The growth of the towns", "positive", "asserted", "contributory")),
], ids=["owed-much", "owed-a-great-deal", "owed-little", "owed-more"])
def test_owed_an_amount_to(extract_links, text, expected):
    found = [(l.cause_text, l.effect_text, l.polarity, l.modality, l.strength) for l in extract_links(text)]
    assert found == [expected]


# a person who attributes much to X is the judge, not the effect: no link with "much" or the person as effect
def test_attributing_much_names_no_effect(extract_links):
    assert [l for l in extract_links("Historians attribute much to the war.")
            if l.effect_text in ("much", "Historians")] == []


# "blame Y on X" (the other frame of "blame X for Y"): X caused Y, in the blamer's view; a perfect
# passive of a verb of attributing with no agent ("has been blamed on", "has been ascribed to") reports
# what others have held, as "it has been argued" does
@pytest.mark.parametrize("text, expected", [
    ("The dearth of 1596 has been blamed on the hoarding of the merchants.",
     ("the hoarding of the merchants", "The dearth of 1596", "positive", "cited")),
    ("Contemporaries blamed the dearth on the hoarding of the merchants.",
     ("the hoarding of the merchants", "the dearth", "positive", "actor")),
    ("The collapse of the bank has been ascribed to the loss of the silver fleet.",
     ("the loss of the silver fleet", "The collapse of the bank", "positive", "cited")),
], ids=["has-been-blamed-on", "contemporaries-blamed-on", "has-been-ascribed-to"])
def test_blame_on_and_attributed_by_others(extract_links, text, expected):
    assert expected in _sources(extract_links(text))


# "X made Y PP ADJ": with a phrase after the object the parser hangs the adjective as the object of the
# preposition ("[Rome impossible]") or as a clause with no subject; it is the object's predicative
@pytest.mark.parametrize("text, cause, effect", [
    ("The war made a return to Rome impossible.", "The war", "a return to Rome impossible"),
    ("The new tariff made the import of grain unprofitable.", "The new tariff", "the import of grain unprofitable"),
    ("This party, I argue, made a return to Rome impossible after 1558.", "This party",
     "a return to Rome impossible"),
], ids=["return-to-rome-impossible", "import-of-grain-unprofitable", "adjective-as-subjectless-clause"])
def test_object_predicative_after_a_phrase(extract_links, text, cause, effect):
    assert [(l.cause_text, l.effect_text) for l in extract_links(text)] == [(cause, effect)]


# an adjective that is the whole object of its preposition ("for good") is no predicative, nor is a
# post-nominal attribute of the inner noun ("the shares outstanding")
@pytest.mark.parametrize("text", [
    "The war kept the house for good.",
    "The guild will make an offer for the shares outstanding.",
], ids=["for-good", "post-nominal-attribute"])
def test_no_predicative(extract_links, text):
    assert [l for l in extract_links(text) if l.rule == "resultative-leave"] == []


# a counterfactual whose main clause is an agentless passive of a causal verb ("could have been prevented"):
# the verb's own frame names no cause, so the condition is the cause
@pytest.mark.parametrize("text, cause", [
    ("Had the council lowered the price of bread, the riots could have been prevented.",
     "the council lowered the price of bread"),
    ("Had the navy sailed in March, the invasion would have been stopped.", "the navy sailed in March"),
], ids=["had-x-could-have-been-prevented", "had-x-would-have-been-stopped"])
def test_counterfactual_with_agentless_passive(extract_links, text, cause):
    found = [(l.cause_text, l.modality, l.rule) for l in extract_links(text)]
    assert (cause, "hypothetical", "construction-counterfactual") in found


# with an agent the verb's own frame reads the link, as before
def test_counterfactual_passive_with_agent_is_the_verbs(extract_links):
    text = "Had the council acted, the riots would have been prevented by the guards."
    assert [(l.cause_text, l.rule) for l in extract_links(text)] == [("the guards", "verb-prevent")]


# blaming Y on a person or group is an accusation, not a cause named (the rule's event_cause); the repair of
# "V the N of N ADJ" is made only when the verb's subject names a factor, not a pronoun ("we leave ... open")
@pytest.mark.parametrize("text", [
    "Their rivals blamed the riot on us.",
    "The mob blamed the fire on the weavers.",
    "We leave the gate of the yard open.",
], ids=["blamed-on-us", "blamed-on-a-group", "we-leave-the-gate-open"])
def test_no_link_for_accusation_or_instruction(extract_links, text):
    assert extract_links(text) == []
