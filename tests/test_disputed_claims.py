"""Kinds a fresh reader found wrong (wave 10): disputed embedded claims, cause grades, relational nouns, and
the second infinitive after "helped to" with a named event as cause.

Every sentence is ours. The expected values follow the contract of docs/TABLES.md and
argmine.extraction.factuality: an attributed claim that the author (or the scholarship the author
reports) disputes is ``negative`` (the author's stance reaches the link), ``hedged`` when it is doubted
rather than denied, and its source is the claim's holder, ``cited`` when the text names none.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _reading(links):
    return [(l.cause_concept, l.effect_concept, l.polarity, l.modality, l.asserted_by) for l in links]


# -- 1. a causal claim embedded under a noun of proposition, a verb or noun of rejection or doubt ------------

@pytest.mark.parametrize("text, expected", [
    ("The records do not support the claim that the frost was a primary cause of the dearth.",
     ("negative", "asserted", "cited")),
    ("This chapter challenges the argument that the tolls led to the decline of the fairs.",
     ("negative", "hedged", "cited")),
    ("I dispute the thesis that the enclosures caused the flight to the towns.",
     ("negative", "hedged", "cited")),
    ("Recent surveys have cast doubt on the notion that the sermons provoked the riots.",
     ("negative", "hedged", "cited")),
    ("Later scholars raised objections to the assumption that the frost caused the dearth.",
     ("negative", "hedged", "cited")),
    ("Historians have rejected the thesis of Pirenne that the raids caused the end of the fairs.",
     ("negative", "asserted", "cited")),
    ("Smith's argument that the tolls produced the slump has been widely accepted.",
     ("positive", "asserted", "cited")),
    ("Our argument that the tolls ruined the carters rests on the customs books.",
     ("positive", "asserted", "author")),
], ids=["not-support-the-claim", "chapter-challenges-argument", "i-dispute-thesis", "cast-doubt-on-notion",
        "objections-to-assumption", "thesis-of-named-scholar-rejected", "named-scholars-argument",
        "our-own-argument"])
def test_disputed_claims_read_as_the_holders_claim(extract_links, text, expected):
    assert [(l.polarity, l.modality, l.asserted_by) for l in extract_links(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("There is no doubt that the frost caused the dearth.", ("positive", "asserted")),
    ("There is some doubt that the frost caused the dearth.", ("negative", "hedged")),
], ids=["no-doubt-asserts", "some-doubt-doubts"])
def test_disputed_claims_a_doubt_noun_governing_the_link(extract_links, text, expected):
    assert [(l.polarity, l.modality) for l in extract_links(text)] == [expected]


# -- 2. adjectives that grade a cause noun --------------------------------------------------------------------

@pytest.mark.parametrize("text, strength", [
    ("The frost was a contributing factor in the dearth.", "contributory"),
    ("The frost was a minor cause of the dearth.", "contributory"),
    ("The frost was a secondary cause of the dearth.", "contributory"),
    ("The frost played a subsidiary role in the dearth.", "contributory"),
    ("The frost was the principal cause of the dearth.", "sufficient"),
    ("The frost was a primary cause of the dearth.", "sufficient"),
], ids=["contributing-factor", "minor-cause", "secondary-cause", "subsidiary-role", "principal-cause",
        "primary-cause"])
def test_disputed_claims_cause_grades(extract_links, text, strength):
    assert [l.strength for l in extract_links(text)] == [strength]


# -- 3. relational nouns keep the complement their sense needs ---------------------------------------------------

@pytest.mark.parametrize("text, effect", [
    ("The collapse of wool prices reduced the means available for imports.", "means available for imports"),
    ("The loss of the harbour ended access to the sea.", "access to sea"),
    ("The truce weakened the threat to the river towns.", "weakening of threat to river towns"),
], ids=["means-available-for", "access-to", "threat-to"])
def test_disputed_claims_relational_nouns_keep_their_complement(extract_links, text, effect):
    assert [l.effect_concept for l in extract_links(text)] == [effect]


def test_disputed_claims_a_plain_noun_keeps_a_short_name(extract_links):
    # "revolt" is no relational noun: "in the hills" is a setting, not part of its name
    assert [l.effect_concept for l in extract_links("The new salt tax provoked a revolt in the hills.")] == ["revolt"]


# -- 4. "helped to V1 X and (to) V2 Y" with a named event as cause ----------------------------------------------

@pytest.mark.parametrize("text", [
    "The Black Death helped to end serfdom and start a new age of wage labour.",
    "The Great Famine helped to end serfdom and to open the towns to migrants.",
], ids=["bare-second-infinitive", "to-second-infinitive"])
def test_disputed_claims_second_infinitive_is_a_second_effect(extract_links, text):
    help_links = [l for l in extract_links(text) if l.rule == "causative-help"]
    assert len(help_links) == 2 and help_links[1].effect_text.split()[-1] in ("labour", "migrants")


def test_disputed_claims_a_one_word_name_is_still_an_actor(extract_links):
    # "Braudel" names no event: a scholar helping is assistance, not a cause
    assert [l.rule for l in extract_links("Braudel helped to end the debate.") if l.rule == "causative-help"] == []


# -- an exclusive focus under a denying or doubting governor: the dispute is about "only" ---------------------

@pytest.mark.parametrize("text, expected", [
    ("It seems improbable that the frost alone brought about the famine.",
     ("positive", "hedged", "contributory")),
    ("The ledgers do not support the view that the frost was the sole cause of the dearth.",
     ("positive", "asserted", "contributory")),
    ("The ledgers do not support the view that the frost was a cause of the dearth.",
     ("negative", "asserted", "sufficient")),
], ids=["improbable-that-x-alone", "not-support-sole-cause", "not-support-plain-cause"])
def test_disputed_claims_denied_exclusiveness_leaves_a_partial_cause(extract_links, text, expected):
    # as "X alone did not cause Y" (argmine.extraction.factuality): X is a partial cause
    assert [(l.polarity, l.modality, l.strength) for l in extract_links(text)] == [expected]


# -- an infinitive right after a relational noun completes it -------------------------------------------------

def test_disputed_claims_infinitive_after_relational_object_is_no_purpose(extract_links):
    links = extract_links("The fall in wool prices reduced the means of the weavers to pay their rents.")
    assert [(l.rule, l.effect_concept) for l in links] == [("vn-scale-decrease", "means of weavers")]


def test_disputed_claims_a_period_noun_keeps_its_complement(extract_links):
    links = extract_links("The Great Famine helped to end serfdom and start a century of emigration.")
    assert "start of century of emigration" in [l.effect_concept for l in links]


# -- "the claim that X caused Y is false": the parser often hangs the predicate inside the content clause -------

@pytest.mark.parametrize("text, expected", [
    ("The common belief that the frost caused the dearth is mistaken.", ("negative", "asserted", "cited")),
    ("The claim that the tolls caused the slump has been refuted.", ("negative", "asserted", "cited")),
    ("The claim that the tolls caused the slump is not supported by the ledgers.", ("negative", "asserted", "cited")),
    ("The notion that the raids led to the ruin of the fairs must be abandoned.", ("negative", "asserted", "cited")),
], ids=["belief-is-mistaken", "claim-refuted", "claim-not-supported", "notion-abandoned"])
def test_disputed_claims_a_disputed_subject_claim(extract_links, text, expected):
    links = extract_links(text)
    assert [(l.polarity, l.modality, l.asserted_by) for l in links] == [expected]


def test_disputed_claims_a_content_clause_keeps_its_object(extract_links):
    links = extract_links("The common belief that the frost caused the dearth is mistaken.")
    assert [(l.cause_concept, l.effect_concept, l.rule) for l in links] == [("frost", "dearth", "verb-cause")]


def test_disputed_claims_criticised_thesis_is_doubted(extract_links):
    links = extract_links("Critics have criticised the thesis that the tolls caused the slump.")
    assert [(l.polarity, l.modality, l.asserted_by) for l in links] == [("negative", "hedged", "cited")]


def test_disputed_claims_gerund_of_a_stressed_final_syllable():
    from argmine.extraction.concepts import _gerund

    assert [_gerund(v) for v in ("begin", "open", "visit")] == ["beginning", "opening", "visiting"]


# -- "X as the cause of Y" after a verb of regarding or of over- and understating ------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Older work saw the levy as the cause of the dearth.", ("levy", "dearth", "cause", "sufficient")),
    ("Earlier writers overstated the role of the canal as the trigger of the boom.",
     ("canal", "boom", "trigger", "contributory")),
    ("Earlier accounts exaggerated the importance of the frost as a cause of the dearth.",
     ("frost", "dearth", "cause", "contributory")),
    ("Older accounts underestimated the importance of the frost as a cause of the dearth.",
     ("frost", "dearth", "cause", "sufficient")),
], ids=["saw-x-as-cause", "overstated-role-as-trigger", "exaggerated-importance-as-cause",
        "underestimated-importance-as-cause"])
def test_disputed_claims_x_as_the_cause_of_y(extract_links, text, expected):
    links = extract_links(text)
    assert [(l.cause_concept, l.effect_concept, l.cue.split()[-1], l.strength) for l in links] == [expected]


def test_disputed_claims_a_cause_noun_shares_for_with_its_partner(extract_links):
    links = extract_links("The toll was both the trigger and the pretext for the boycott.")
    assert [(l.cause_concept, l.effect_concept, l.cue) for l in links] == [("toll", "boycott", "trigger")]


def test_disputed_claims_a_paragraph_read_as_a_historian_would(extract_links):
    text = ("Some writers have argued that the tithe caused the rising. This chapter disputes the argument that the "
            "salt tax was a primary cause of the rising. The drought was the principal cause of the dearth, while the "
            "grain exports were at most a minor factor in the death toll.")
    assert [(l.cause_concept, l.polarity, l.modality, l.asserted_by, l.strength) for l in extract_links(text)] == [
        ("tithe", "positive", "asserted", "cited", "sufficient"),
        ("salt tax", "negative", "hedged", "cited", "sufficient"),
        ("drought", "positive", "asserted", "author", "sufficient"),
        ("grain exports", "positive", "asserted", "author", "contributory"),
    ]


@pytest.mark.parametrize("text", [
    "Contrary to the common view that the frost caused the dearth, the ledgers point to hoarding.",
    "Against the thesis that the tolls caused the slump, this article stresses the war.",
    "In contrast to the view that the tolls caused the slump, we stress the war.",
], ids=["contrary-to-the-view", "against-the-thesis", "in-contrast-to-the-view"])
def test_disputed_claims_a_claim_the_sentence_sets_itself_against(extract_links, text):
    assert [(l.polarity, l.modality, l.asserted_by) for l in extract_links(text)] == [("negative", "asserted", "cited")]


def test_disputed_claims_against_a_plain_noun_is_no_dispute(extract_links):
    links = extract_links("The fleet sailed against the raiders that had caused the blockade.")
    assert [(l.polarity, l.asserted_by) for l in links] == [("positive", "author")]
