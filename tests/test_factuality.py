"""Factuality of causal links (pipeline/extraction/factuality.py): polarity, modality and source, after FactBank.

Each test is one behaviour on a sentence written for it; the expected value is
what a careful reader takes the author to commit to.
"""
from __future__ import annotations

import pytest

from argmine.extraction.factuality import Factuality, factuality_words, rejection_of_previous
from argmine.records import CausalLink
from argmine.nlp.rules import load_lexicon

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
    ("It seems improbable that the frost brought about the famine.",
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


@pytest.mark.parametrize("text, expected", [
    ("Neither the drought nor the war caused the famine.", [("negative", "asserted"), ("negative", "asserted")]),
    ("Either the drought or the war caused the famine.", [("positive", "hedged"), ("positive", "hedged")]),
    ("Hunger and disease caused the deaths.", [("positive", "asserted"), ("positive", "asserted")]),
], ids=["neither-nor", "either-or", "and"])
def test_factuality_coordinated_causes(extract_links, text, expected):
    assert [(l.polarity, l.modality) for l in extract_links(text)] == expected


def test_factuality_link_inside_the_subject_is_not_negated_by_the_predicate(extract_links):
    links = extract_links("Grievances over enclosure were not the only factor, however.")
    assert [(l.cause_concept, l.polarity) for l in links] == [("enclosure", "positive")]


def test_factuality_not_because_clause_but_because_clause(extract_links):
    text = "The ministry abandoned the scheme not because the rebels objected but because the harbour had silted up."
    assert _read(extract_links, text) == [
        ("objection of rebels", "abandonment of scheme", "negative", "asserted", "author", "sufficient"),
        ("silting of harbour", "abandonment of scheme", "positive", "asserted", "author", "sufficient")]


def test_factuality_cleft_with_alternative_at_the_end(extract_links):
    links = extract_links("It was the drought that caused the famine, not the war.")
    assert [(l.cause_concept, l.effect_concept, l.polarity) for l in links] == [
        ("drought", "famine", "positive"), ("war", "famine", "negative")]


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


@pytest.mark.parametrize("text, expected", [
    ("Prices rose regardless of the harvest.", [("harvest", "rise in prices", "negative", "asserted", "author", "sufficient")]),
    ("The guilds declined irrespective of the new tariffs.",
     [("tariffs", "decline of guilds", "negative", "asserted", "author", "sufficient")]),
], ids=["regardless-of", "irrespective-of"])
def test_factuality_independently_of_denies_the_link(extract_links, text, expected):
    assert _read(extract_links, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The new loans failed to produce a recovery of trade.",
     [("loans", "recovery of trade", "negative", "asserted", "author", "sufficient")]),
    ("The reforms did not prevent the revolt.", [("reforms", "revolt", "negative", "asserted", "author", "sufficient")]),
    ("It is untrue that the tax did not cause the revolt.",
     [("tax", "revolt", "positive", "asserted", "author", "sufficient")]),
], ids=["failed-to-produce", "did-not-prevent-stays-negative", "double-negation-cancels"])
def test_factuality_implicatives_and_denied_preventions(extract_links, text, expected):
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
    ("The tax allegedly caused the revolt.",
     [("tax", "revolt", "positive", "hedged", "author", "sufficient")]),
], ids=["might-have", "perhaps", "it-is-likely-that", "tended-to", "allegedly"])
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
    ("Should the rains fail, the shortage would cause a famine.",
     [("shortage", "famine", "positive", "hypothetical", "author", "sufficient")]),
    ("Were the harvest to fail, the shortage would cause a famine.",
     [("shortage", "famine", "positive", "hypothetical", "author", "sufficient")]),
], ids=["if-would", "without-would-have", "would-have", "if-had-could-have", "inverted-should", "inverted-were"])
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


def test_factuality_questioned_cleft_is_a_question(extract_links):
    assert _read(extract_links, "Was it the war that caused the collapse of the bank?") == [
        ("war", "collapse of bank", "positive", "question", "author", "sufficient")]


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


@pytest.mark.parametrize("text, expected", [
    ("How far did the famine cause the revolt?", ("positive", "question", "author")),
    ("Why did the famine cause the revolt?", ("positive", "asserted", "author")),
    ("The peasants asked whether the tax had caused the famine.", ("positive", "question", "actor")),
    ("It is doubtful whether the famine caused the revolt.", ("negative", "hedged", "author")),
    ("The famine may not have caused the revolt.", ("negative", "hedged", "author")),
], ids=["how-far-asks", "why-presupposes", "asked-whether", "doubtful-whether-doubts", "may-not-have"])
def test_factuality_questions_and_doubts(extract_links, text, expected):
    assert [(l.polarity, l.modality, l.asserted_by) for l in extract_links(text)] == [expected]


def test_factuality_question_of_whether_is_a_question(extract_links):
    links = extract_links("The question of whether the famine caused the revolt remains open.")
    assert [(l.cause_concept, l.polarity, l.modality) for l in links] == [("famine", "positive", "question")]


def test_factuality_why_complement_presupposes_its_negated_link(extract_links):
    text = "This raises the question why the textile trade did not produce an industrial revolution."
    assert _read(extract_links, text) == [
        ("textile trade", "industrial revolution", "negative", "asserted", "author", "sufficient")]


# -- source -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, source", [
    ("The governor said that the storms had caused the outbreak.", "actor"),
    ("Smith (1990) claims that the storms caused the outbreak.", "cited"),
    ("Historians have argued that the storms caused the outbreak.", "cited"),
    ("I argue that the storms caused the outbreak.", "author"),
    ("According to the officials, the storms caused the outbreak.", "actor"),
    ("The storms, contemporaries claimed, caused the outbreak.", "actor"),
    ("The storms caused the outbreak, the governor said.", "actor"),
], ids=["governor-said", "name-with-year-claims", "historians-have-argued", "i-argue", "according-to-officials",
        "parenthetical-claimed", "final-said"])
def test_factuality_source_of_reported_links(extract_links, text, source):
    assert _read(extract_links, text) == [("storms", "outbreak", "positive", "asserted", source, "sufficient")]


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


@pytest.mark.parametrize("text, source", [
    ("It is argued that the tax caused the revolt.", "author"),
    ("It has been argued that the tax caused the revolt.", "cited"),
    ("It was rumoured that the tax had caused the revolt.", "actor"),
], ids=["is-argued-here", "has-been-argued", "was-rumoured"])
def test_factuality_source_of_agentless_passive_reports(extract_links, text, source):
    assert [l.asserted_by for l in extract_links(text)] == [source]


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


def test_factuality_module_doctests_pass():
    import doctest

    import argmine.extraction.factuality

    failures, tried = doctest.testmod(argmine.extraction.factuality)
    assert (failures, tried > 0) == (0, True)


def test_factuality_factuality_hedged_property():
    assert [Factuality(modality=m).hedged for m in ("asserted", "hedged", "hypothetical", "question")] == [
        False, True, True, True]


def test_factuality_modality_in_links_table_and_on_graph_edges(tmp_path, nlp):
    from argmine import analyze

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
    "negative-implicative-verbs": ("negative", "asserted", "author"),
    "disjunctions": ("positive", "hedged", "author"),
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
             "stance_negative", "stance_positive", "proposition_noun", "self_determiner", "rejecting_coordinator", "disjunction", "negative_implicative"}
    assert sorted(kinds - set(factuality_words().by_kind)) == []


def test_factuality_claim_and_link_agree_on_reported_speech(nlp):
    from argmine.batch.process import extract_text

    found = extract_text("The governor said that the storms had caused the outbreak.", nlp=nlp)
    assert ([c.asserted_by for c in found.claims], [l.asserted_by for l in found.links]) == (["actor"], ["actor"])


# -- wave 2: negated effect after a connective, embedded questions of degree, the work as source, intentions --

@pytest.mark.parametrize("text", [
    "The guilds were never fully reformed. Thus exports were not encouraged by the crown.",
    "The guilds were never reformed. Therefore the crown did not encourage exports.",
    "The guilds were never reformed, so the crown did not encourage exports.",
    "Because the guilds were never reformed, exports were not encouraged by the crown.",
    "The crown did not encourage exports because the guilds were never reformed.",
], ids=["thus-passive", "therefore-active", "so-comma", "because-fronted", "because-final"])
def test_factuality_negated_causal_effect_clause_after_a_connective_is_a_negative_link_to_its_result(extract_links, text):
    # the effect clause stands for its result (exports); its own negation denies that result
    assert [l for l in _read(extract_links, text) if l[0] == "failure to reform guilds"] == [
        ("failure to reform guilds", "exports", "negative", "asserted", "author", "sufficient")]


def test_factuality_negated_causal_cause_clause_is_named_as_a_failure(extract_links):
    assert _read(extract_links, "Because the crown did not encourage exports, the guilds declined.") == [
        ("failure to encourage exports", "decline of guilds", "positive", "asserted", "author", "sufficient"),
        ("crown", "exports", "negative", "asserted", "author", "unspecified")]


def test_factuality_negated_plain_effect_clause_after_so_is_a_failure(extract_links):
    assert _read(extract_links, "The harbour was never dredged, so the merchants did not prosper.") == [
        ("failure to dredge harbour", "failure to prosper", "positive", "asserted", "author", "sufficient")]


@pytest.mark.parametrize("text, cause, effect", [
    ("We ask how much of the decline of the guilds was due to the salt tax.", "the salt tax", "the decline of the guilds"),
    ("The question is how much of the slump was due to the war.", "the war", "the slump"),
    ("We examine how far the salt tax caused the riots.", "the salt tax", "the riots"),
    ("I ask to what extent the famine was due to the war.", "the war", "the famine"),
], ids=["ask-how-much", "question-is-how-much", "examine-how-far", "to-what-extent"])
def test_factuality_embedded_question_of_degree_asks_and_leaves_how_much_out_of_the_spans(extract_links, text, cause, effect):
    assert [(l.cause_text, l.effect_text, l.modality, l.asserted_by) for l in extract_links(text)] == [
        (cause, effect, "question", "author")]


def test_factuality_embedded_why_clause_presupposes_the_link(extract_links):
    assert [(l.modality, l.polarity) for l in extract_links("We examine why the salt tax provoked the riots.")] == [
        ("asserted", "positive")]


@pytest.mark.parametrize("text, source", [
    ("The article argues that the land grants provoked the revolt of the tribes.", "author"),
    ("The present study demonstrates that the salt tax caused the riots.", "author"),
    ("It is maintained that the salt tax caused the riots.", "author"),
    ("The notion that the settlers ‘fairly’ acquired the valleys for ‘modest’ payments is rejected, and it is maintained "
     "that the raids were caused by hunger.", "author"),
    ("Smith's article argues that the land grants provoked the revolt.", "cited"),
    ("A book by Smith contends that the land grants provoked the revolt.", "cited"),
    ("The pamphlet claimed that the Jews had caused the plague.", "actor"),
], ids=["the-article-argues", "the-present-study", "it-is-maintained", "it-is-maintained-second-subject", "owned-article", "book-by", "past-pamphlet"])
def test_factuality_the_work_itself_is_the_author_and_claims_agree(nlp, text, source):
    from argmine.batch.process import extract_text

    found = extract_text(text, nlp=nlp)
    assert ([l.asserted_by for l in found.links], [c.asserted_by for c in found.claims]) == ([source], [source])


@pytest.mark.parametrize("text, expected", [
    # ending a famine (a noun of shortage) works against it: a negative link (the double negative rule)
    ("The reform was intended to end the famine.",
     [("reform", "famine", "negative", "hypothetical", "author", "unspecified")]),
    ("The crown intended to provoke a war with the Dutch.",
     [("crown", "war", "positive", "hypothetical", "author", "sufficient")]),
    ("The council tried to prevent the riots.",
     [("council", "riots", "negative", "hypothetical", "author", "sufficient")]),
    ("The new loans failed to produce a recovery.",
     [("loans", "recovery", "negative", "asserted", "author", "sufficient")]),
], ids=["was-intended-to", "intended-to", "tried-to-prevent", "failed-to-stays-asserted"])
def test_factuality_intention_keeps_the_link_as_hypothetical(extract_links, text, expected):
    assert _read(extract_links, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The drought cannot be blamed for the famine.",
     [("drought", "famine", "negative", "asserted", "author", "sufficient")]),
    ("The drought was blamed by the peasants for the famine.",
     [("drought", "famine", "positive", "asserted", "actor", "sufficient")]),
    ("These villages were not necessarily responsible for the decline of the mills.",
     [("villages", "decline of mills", "negative", "hedged", "author", "sufficient")]),
    ("We explain why the cloth trade did not cause an industrial revolution.",
     [("cloth trade", "industrial revolution", "negative", "asserted", "author", "sufficient")]),
], ids=["agentless-passive-blame-is-the-authors", "blamed-by-actors", "not-necessarily-hedges", "why-not-presupposes-denial"])
def test_factuality_denials_with_their_source(extract_links, text, expected):
    assert _read(extract_links, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Recent studies have considerably deepened our understanding of the Chartists, the league of radical artisans "
     "intended to provoke unrest among others, which began in 1838.", []),
    ("The ministers met in the spring and intended to curb smuggling on the coast.",
     [("ministers", "smuggling on coast", "positive", "hypothetical", "author", "unspecified")]),
], ids=["apposition-participle-describes", "coordinated-intention-kept"])
def test_factuality_reduced_relative_intention_describes_the_noun(extract_links, text, expected):
    assert _read(extract_links, text) == expected
