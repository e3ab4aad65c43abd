"""Factuality of causal links (pipeline/factuality.py): polarity, modality and source, after FactBank.

Each test is one behaviour on a sentence written for it; the expected value is
what a careful reader takes the author to commit to.
"""
from __future__ import annotations

import pytest

from pipeline.factuality import Factuality, factuality_words, rejection_of_previous
from pipeline.records import CausalLink
from pipeline.rules import load_lexicon

pytestmark = pytest.mark.model


def _read(extract_links, text):
    """(cause concept, effect concept, polarity, modality, asserted_by, strength) per link, in text order."""
    return [(l.cause_concept, l.effect_concept, l.polarity, l.modality, l.asserted_by, l.strength)
            for l in extract_links(text)]


# -- polarity: negation scope is per clause ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The new tariff did not lead to a recovery of trade.",
     [("tariff", "recovery of trade", "negative", "asserted", "author", "sufficient")]),
    ("While the drought of 1315 caused a famine, the drought of 1320 did not produce any comparable dearth.",
     [("drought", "famine", "positive", "asserted", "author", "sufficient"),
      ("drought", "comparable dearth", "negative", "asserted", "author", "sufficient")]),
    ("The famine was not caused by the war, but the drought certainly worsened it.",
     [("war", "famine", "negative", "asserted", "author", "sufficient"),
      ("drought", "famine", "positive", "asserted", "author", "unspecified")]),  # worsen: a change-of-state verb
    ("The tax did not cause or worsen the unrest.",
     [("tax", "unrest", "negative", "asserted", "author", "sufficient")]),
], ids=["did-not-lead-to", "negated-second-clause-of-contrast",
        "negated-first-clause-positive-second", "negation-shared-under-or"])
def test_factuality_negation_stays_in_its_clause(extract_links, text, expected):
    assert _read(extract_links, text) == expected


def test_factuality_negation_inside_the_cause_clause_does_not_negate_the_link(extract_links):
    links = extract_links("The guild expelled its members because the masters could not pay the levy.")
    assert [(l.cause_text, l.effect_text, l.polarity, l.modality) for l in links] == [
        ("the masters could not pay the levy", "The guild expelled its members", "positive", "asserted")]


@pytest.mark.parametrize("text, expected", [
    ("There is no evidence that the sermons caused the uprising.",
     [("sermons", "uprising", "negative", "asserted", "author", "sufficient")]),
    ("It is untrue that the sermons caused the uprising.",
     [("sermons", "uprising", "negative", "asserted", "author", "sufficient")]),
    ("It is not true that the sermons caused the uprising.",
     [("sermons", "uprising", "negative", "asserted", "author", "sufficient")]),
    ("Nothing suggests that the sermons caused the uprising.",
     [("sermons", "uprising", "negative", "asserted", "author", "sufficient")]),
    ("It seems improbable that the frost alone brought about the famine.",
     [("frost", "famine", "negative", "hedged", "author", "sufficient")]),
], ids=["no-evidence-that", "untrue-that", "not-true-that", "nothing-suggests-that", "seems-improbable-that"])
def test_factuality_governing_clause_negates_the_embedded_link(extract_links, text, expected):
    assert _read(extract_links, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The council raised the tolls not because of the war but because the bridge had collapsed.",
     [("war", "increase in tolls", "negative", "asserted", "author", "sufficient"),
      ("collapse of bridge", "increase in tolls", "positive", "asserted", "author", "sufficient")]),
    ("The famine was caused not by the war but by the drought.",
     [("war", "famine", "negative", "asserted", "author", "sufficient"),
      ("drought", "famine", "positive", "asserted", "author", "sufficient")]),
    ("Most famines were the product of scarcity, not distribution problems.",
     [("scarcity", "famines", "positive", "asserted", "author", "sufficient"),
      ("distribution problems", "famines", "negative", "asserted", "author", "sufficient")]),
], ids=["not-because-of-but-because", "not-by-but-by", "product-of-A-not-B"])
def test_factuality_rejected_alternative_is_negative_and_the_other_positive(extract_links, text, expected):
    assert _read(extract_links, text) == expected


def test_factuality_rather_than_rejects_the_second_conjunct(extract_links):
    links = extract_links("Rising wool prices, rather than scarce labour, seem to have encouraged lords to enclose.")
    assert [(l.cause_concept, l.polarity, l.modality) for l in links] == [
        ("rising wool prices", "positive", "hedged"), ("scarce labour", "negative", "hedged")]


def test_factuality_link_inside_the_subject_is_not_negated_by_the_predicate(extract_links):
    links = extract_links("Grievances over enclosure were not the only factor, however.")
    assert [(l.cause_concept, l.polarity) for l in links] == [("enclosure", "positive")]


def test_factuality_cleft_focus_is_the_cause_and_its_alternative_is_denied(extract_links):
    links = extract_links("It was the failure of the banks, not the drought, that caused the slump.")
    assert [(l.cause_text, l.effect_concept, l.polarity) for l in links] == [
        ("the failure of the banks", "slump", "positive"), ("the drought", "slump", "negative")]


@pytest.mark.parametrize("text, expected", [
    ("The schism was not only a consequence of the plague.",
     [("plague", "schism", "positive", "asserted", "author", "contributory")]),
    ("The drought was not the only cause of the famine.",
     [("drought", "famine", "positive", "asserted", "author", "contributory")]),
    ("The flood did not simply cause the famine.",
     [("flood", "famine", "positive", "asserted", "author", "contributory")]),
    ("The revolt was more than a by-product of the new taxes.",
     [("taxes", "revolt", "positive", "asserted", "author", "contributory")]),
    ("The revolt was more than a consequence of the new taxes.",
     [("taxes", "revolt", "positive", "asserted", "author", "contributory")]),
], ids=["not-only-a-consequence", "not-the-only-cause", "did-not-simply-cause", "more-than-a-by-product",
        "more-than-a-consequence"])
def test_factuality_partial_cause_is_positive_and_contributory(extract_links, text, expected):
    assert _read(extract_links, text) == expected


def test_factuality_no_effect_on_is_negative(extract_links):
    assert _read(extract_links, "The reform had no effect on the revolt.") == [
        ("reform", "revolt", "negative", "asserted", "author", "sufficient")]


def test_factuality_could_not_have_caused_denies_without_hedging(extract_links):
    assert _read(extract_links, "The sermons could not have caused the uprising.") == [
        ("sermons", "uprising", "negative", "asserted", "author", "sufficient")]


# -- modality ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The tariff might have caused the collapse of the port.",
     [("tariff", "collapse of port", "positive", "hedged", "author", "sufficient")]),
    ("Perhaps the frost triggered the famine.",
     [("frost", "famine", "positive", "hedged", "author", "sufficient")]),
    ("It is likely that the frost brought about the famine.",
     [("frost", "famine", "positive", "hedged", "author", "sufficient")]),
    ("Wars tended to cause inflation.",
     [("wars", "inflation", "positive", "hedged", "author", "sufficient")]),
], ids=["might-have", "perhaps", "it-is-likely-that", "tended-to"])
def test_factuality_hedges(extract_links, text, expected):
    assert _read(extract_links, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("If the harvest failed again, the shortage would cause a revolt.",
     [("shortage", "revolt", "positive", "hypothetical", "author", "sufficient")]),
    ("Without Dutch loans, the siege would have caused the surrender of the city.",
     [("siege", "surrender of city", "positive", "hypothetical", "author", "sufficient")]),
    ("The blockade would have caused a surrender of the port.",
     [("blockade", "surrender of port", "positive", "hypothetical", "author", "sufficient")]),
    ("If the rains had come, the harvest could have prevented the famine.",
     [("harvest", "famine", "negative", "hypothetical", "author", "sufficient")]),
], ids=["if-would", "without-would-have", "would-have", "if-had-could-have"])
def test_factuality_conditionals_and_counterfactuals_are_hypothetical(extract_links, text, expected):
    assert _read(extract_links, text) == expected


@pytest.mark.parametrize("text", [
    "Had the council lowered the bread price, the riots would never have started.",
    "If the council had lowered the bread price, the riots would not have started.",
], ids=["inverted-had", "if-had"])
def test_factuality_counterfactual_construction_gives_a_hypothetical_negative_link(extract_links, text):
    assert _read(extract_links, text) == [
        ("reduction of bread price", "riots", "negative", "hypothetical", "author", "sufficient")]


def test_factuality_would_alone_is_a_past_future_and_stays_asserted(extract_links):
    assert _read(extract_links, "The treaty would cause a war a decade later.") == [
        ("treaty", "war", "positive", "asserted", "author", "sufficient")]


@pytest.mark.parametrize("text, expected", [
    ("The merchants predicted that the embargo would cause the ruin of the port.",
     [("embargo", "ruin of port", "positive", "hypothetical", "actor", "sufficient")]),
    ("The governors hoped that the new tax would produce a surplus.",
     [("tax", "surplus", "positive", "hypothetical", "actor", "sufficient")]),
], ids=["predicted-that-would", "hoped-that-would"])
def test_factuality_forecasts_and_hopes_are_hypothetical_and_the_actors(extract_links, text, expected):
    assert _read(extract_links, text) == expected


def test_factuality_polar_question_is_a_question(extract_links):
    assert _read(extract_links, "Did the embargo cause the decline of the port?") == [
        ("embargo", "decline of port", "positive", "question", "author", "sufficient")]


@pytest.mark.parametrize("text", ["What caused the fall of the city?", "Which factor caused the fall of the city?"],
                         ids=["what", "which-factor"])
def test_factuality_wh_question_gives_no_link(extract_links, text):
    assert _read(extract_links, text) == []


def test_factuality_debate_whether_is_a_question_of_scholarship(extract_links):
    assert _read(extract_links, "Scholars still debate whether the embargo caused the decline of the port.") == [
        ("embargo", "decline of port", "positive", "question", "cited", "sufficient")]


def test_factuality_why_complement_presupposes_its_negated_link(extract_links):
    text = "This raises the question why the textile trade did not produce an industrial revolution."
    assert _read(extract_links, text) == [
        ("textile trade", "industrial revolution", "negative", "asserted", "author", "sufficient")]


# -- source -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, source", [
    ("The prefect said that the floods had caused the epidemic.", "actor"),
    ("Smith (1990) claims that the floods caused the epidemic.", "cited"),
    ("Historians have argued that the floods caused the epidemic.", "cited"),
    ("I argue that the floods caused the epidemic.", "author"),
    ("According to the officials, the floods caused the epidemic.", "actor"),
], ids=["prefect-said", "name-with-year-claims", "historians-have-argued", "i-argue", "according-to-officials"])
def test_factuality_source_of_reported_links(extract_links, text, source):
    assert _read(extract_links, text) == [("floods", "epidemic", "positive", "asserted", source, "sufficient")]


@pytest.mark.parametrize("text, expected", [
    ("Few historians now believe that the sermons caused the uprising.", ("negative", "hedged", "cited")),
    ("Some historians have wrongly argued that the sermons caused the uprising.", ("negative", "asserted", "cited")),
    ("Historians have rightly argued that the sermons caused the uprising.", ("positive", "asserted", "author")),
    ("Historians long held that the sermons caused the uprising. This view has been rejected.",
     ("negative", "asserted", "cited")),
    ("Historians long held that the sermons caused the uprising. This view has been challenged.",
     ("negative", "hedged", "cited")),
], ids=["few-believe", "wrongly-argued", "rightly-argued", "view-rejected-next-sentence", "view-challenged"])
def test_factuality_author_stance_on_attributed_claims(extract_links, text, expected):
    assert [(l.polarity, l.modality, l.asserted_by) for l in extract_links(text)] == [expected]


def test_factuality_governing_clause_stops_at_a_semicolon(extract_links):
    text = "Recent studies have argued that the printing press caused the Reformation; I will suggest a cautious reading."
    assert [(l.polarity, l.modality, l.asserted_by) for l in extract_links(text)] == [("positive", "asserted", "cited")]


def test_factuality_some_argue_leaves_the_source_to_the_claim_rules(extract_links):
    text = "Some argue that the famine was the product of a campaign of requisitions."
    assert [(l.cause_concept, l.asserted_by) for l in extract_links(text)] == [("campaign of requisitions", "cited")]


def test_factuality_rejection_needs_a_demonstrative_proposition_noun(nlp):
    doc = nlp("The view has been rejected. This view has been rejected. This view has not been rejected.")
    assert [rejection_of_previous(s) for s in doc.sents] == [None, (True, False), None]


# -- records and tables ---------------------------------------------------------------------

def _link(**grading) -> CausalLink:
    base = dict(doc_id="d", sentence_index=0, cause_text="a", effect_text="b", cause_start=0, cause_end=1,
                effect_start=2, effect_end=3, cue="caused", cue_start=1, cue_end=2, cause_concept="a",
                effect_concept="b", explicit=True, hedged=False, strength="sufficient", polarity="positive",
                confidence=0.9, asserted_by="author", sentence="a caused b", rule="verb-cause")
    return CausalLink(**{**base, **grading})


@pytest.mark.parametrize("grading, expected", [
    (dict(modality="hypothetical"), ("hypothetical", True)),
    (dict(modality="question"), ("question", True)),
    (dict(hedged=True), ("hedged", True)),
    (dict(modality=""), ("asserted", False)),
    (dict(), ("asserted", False)),
], ids=["hypothetical", "question", "hedged-only", "older-table", "default"])
def test_factuality_hedged_is_derived_from_modality(grading, expected):
    link = _link(**grading)
    assert (link.modality, link.hedged) == expected


def test_factuality_factuality_hedged_property():
    assert [Factuality(modality=m).hedged for m in ("asserted", "hedged", "hypothetical", "question")] == [
        False, True, True, True]


def test_factuality_modality_in_links_table_and_on_graph_edges(tmp_path, nlp):
    from pipeline import analyze

    source = tmp_path / "forecast.txt"
    source.write_text("The merchants predicted that the embargo would cause the ruin of the port.\n", encoding="utf-8")
    result = analyze(source)
    edges = [d for _, _, d in result.graph.edges(data=True) if d["kind"] == "causal"]
    assert (list(result.links["modality"]), [(d["modality"], d["hedged"]) for d in edges]) == (
        ["hypothetical"], [("hypothetical", True)])


# -- the lexicon kinds' examples ------------------------------------------------------------

_EXAMPLE_READINGS = {
    "speech-verbs": ("positive", "asserted", "actor"),
    "prediction-verbs": ("positive", "hypothetical", "actor"),
    "denial-predicates": ("negative", "asserted", "author"),
    "doubt-predicates": ("negative", "hedged", "author"),
    "hedge-predicates": ("positive", "hedged", "author"),
    "question-complementizers": ("positive", "question", "cited"),
    "condition-markers": ("positive", "hypothetical", "author"),
    "counterfactual-prepositions": ("positive", "hypothetical", "author"),
    "counterfactual-modals": ("positive", "hypothetical", "author"),
    "conditional-modals": ("negative", "hypothetical", "author"),
    "inverted-conditional-auxiliaries": ("negative", "hypothetical", "author"),
    "exclusive-focus": ("positive", "asserted", "author"),
    "exceeding-phrases": ("positive", "asserted", "author"),
    "rejecting-coordinators": ("negative", "asserted", "author"),
    "cited-subjects-works": ("positive", "asserted", "cited"),
    "negative-quantifiers": ("negative", "asserted", "author"),
    "weak-negative-quantifiers": ("negative", "hedged", "cited"),
    "stance-denying-adverbs": ("negative", "asserted", "cited"),
    "stance-endorsing-adverbs": ("positive", "asserted", "author"),
    "proposition-nouns": ("negative", "asserted", "cited"),
    "self-determiners": ("positive", "asserted", "author"),
}


@pytest.mark.parametrize("rule_id", sorted(_EXAMPLE_READINGS))
def test_factuality_lexicon_example_reads_as_its_kind_says(extract_links, rule_id):
    rule = next(r for r in load_lexicon() if r.id == rule_id)
    # the last link of the example is the one its kind is about ("A rather than B": B)
    assert [(l.polarity, l.modality, l.asserted_by) for l in extract_links(rule.example)][-1:] == [_EXAMPLE_READINGS[rule_id]]


def test_factuality_every_factuality_kind_is_in_the_lexicon():
    kinds = {"speech_verb", "prediction_verb", "denial", "doubt", "hedge_predicate", "question_complementizer",
             "condition_marker", "counterfactual_prep", "conditional_modal", "counterfactual_modal",
             "inverted_conditional", "exclusive", "exceeding", "negative_quantifier", "weak_negative_quantifier",
             "stance_negative", "stance_positive", "proposition_noun", "self_determiner", "rejecting_coordinator"}
    assert sorted(kinds - set(factuality_words().by_kind)) == []


def test_factuality_claim_and_link_agree_on_reported_speech(nlp):
    from pipeline.process import extract_text

    found = extract_text("The prefect said that the floods had caused the epidemic.", nlp=nlp)
    assert ([c.asserted_by for c in found.claims], [l.asserted_by for l in found.links]) == (["actor"], ["actor"])
