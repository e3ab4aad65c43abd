"""The argmine_claims component: units, their type, attribution, hedges, polarity, strength and relations."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT

pytestmark = pytest.mark.model


def _units(nlp, text):
    doc = nlp(text)
    return [(doc[u["start"]:u["end"]].text, u) for u in doc._.claim_units]


def _texts(nlp, text):
    return [t for t, _ in _units(nlp, text)]


def test_claims_but_splits_two_claims(nlp):
    text = "The regime did not set out to starve the countryside, but its refusal to cut procurements caused the famine."
    assert _texts(nlp, text) == ["The regime did not set out to starve the countryside,",
                                 "but its refusal to cut procurements caused the famine."]


def test_claims_coordinated_infinitives_stay_one_unit(nlp):
    text = ("First, the movement broadened workers' opportunities to criticize management and to offer "
            "suggestions about production organization.")
    assert _texts(nlp, text) == [text]


def test_claims_semicolon_splits_units(nlp):
    text = "Some argue that the famine was deliberate; others stress incompetence and ideological blindness."
    assert [(u["type"], u["asserted_by"]) for _, u in _units(nlp, text)] == [("background", "cited"), ("background", "cited")]


def test_claims_leading_concession_contrasts_the_main_clause(nlp):
    units = _units(nlp, "Although wages rose after the plague, the lords kept their hold on the land.")
    assert [(t, u["attacks"]) for t, u in units] == [("Although wages rose after the plague,", 1),
                                                        ("the lords kept their hold on the land.", -1)]


def test_claims_no_cut_inside_brackets(nlp):
    text = "Output rose sharply (by 43%; P = .01) in the engineering works."
    assert _texts(nlp, text) == [text]


@pytest.mark.parametrize("text, expected", [
    ("This chapter looks at how the movement produced new tensions.", ("meta", "author")),
    ("Finally, I will also discuss the fate of workers in more detail.", ("meta", "author")),
    ("Recent studies have argued that the blockade caused the famine.", ("background", "cited")),
    ("I argue that the drought brought about the fall of the dynasty.", ("thesis", "author")),
    ("Archival materials opened recently have provided new evidence on the dynamics of the movement.", ("premise", "author")),
    ("The leadership suspected managers of sabotage.", ("claim", "actor")),
    ("Davies argues that the purges began in the factories.", ("background", "cited")),
], ids=["meta-chapter", "meta-i-will", "cited", "thesis", "evidence", "actor", "named-scholar"])
def test_claims_unit_type_and_asserter(nlp, text, expected):
    assert [(u["type"], u["asserted_by"]) for _, u in _units(nlp, text)] == [expected]


def test_claims_against_cited_scholarship_is_author_thesis_contrasting_it(nlp):
    text = ("Recent studies have deepened our understanding of the famine. These strains will be linked much more "
            "directly than other inquiries have done to the revolt.")
    assert [(u["type"], u["asserted_by"], u["attacks"]) for _, u in _units(nlp, text)] == [
        ("background", "cited", -1), ("thesis", "author", 0)]


def test_claims_they_after_cited_scholarship_stays_cited(nlp):
    text = "Earlier historians held that the famine merely accelerated emigration. They also argued that landlords were to blame."
    assert [u["asserted_by"] for _, u in _units(nlp, text)] == ["cited", "cited"]


@pytest.mark.parametrize("text, hedge", [
    ("The drought may have contributed to the revolt.", "may"),
    ("The famine seems to have left the leadership deeply suspicious of the villages.", "seems"),
    ("Such interaction led at least a significant part of the leadership to suspect managers of sabotage.", "at least"),
    ("In May 1937 the purge reached the factories.", ""),
    ("Starving villagers could not leave in search of food.", ""),
    ("Preaching in the towns was at least as important as print.", ""),
    ("Councils adopted reform so that they could control its pace.", ""),
], ids=["may", "seems", "at-least", "month-may", "could-not", "at-least-as", "purpose-could"])
def test_claims_hedge_words(nlp, text, hedge):
    assert [(u["hedged"], u["hedge"]) for _, u in _units(nlp, text)] == [(bool(hedge), hedge)]


@pytest.mark.parametrize("text, polarity", [
    ("The reforms did not lead to lasting peace.", "negative"),
    ("The reforms led to lasting peace.", "positive"),
    ("Court factionalism never caused the fiscal crisis.", "negative"),
])
def test_claims_polarity(nlp, text, polarity):
    assert [u["polarity"] for _, u in _units(nlp, text)] == [polarity]


@pytest.mark.parametrize("text, strength", [
    ("All of these factors played a part in engendering the revolt.", "contributory"),
    ("The drought caused the famine in the north.", "sufficient"),
    ("The drought was partly responsible for the famine.", "contributory"),
    ("The harvest of 1932 was poor.", ""),
])
def test_claims_strength_of_the_link_stated(nlp, text, strength):
    assert [u["strength"] for _, u in _units(nlp, text)] == [strength]


def test_claims_however_contrasts_the_unit_before(nlp):
    units = _units(nlp, "Wages rose after the plague. However, the lords kept their hold on the land.")
    assert [u["attacks"] for _, u in units] == [-1, 0]


def test_claims_enumeration_premises_support_the_conclusion(nlp):
    text = ("The famine had several effects on rural society. First, evictions multiplied. Second, relief collapsed "
            "in the western districts. All of these factors drove families to emigrate.")
    assert [(u["type"], u["supports"]) for _, u in _units(nlp, text)] == [
        ("claim", 3), ("premise", 3), ("premise", 3), ("thesis", -1)]


def test_claims_unmarked_text_concludes_with_its_last_unit(nlp):
    text = "Prices rose in the towns. The guilds lost their members. The old order collapsed."
    assert [(u["type"], u["supports"]) for _, u in _units(nlp, text)] == [("premise", 2), ("premise", 2), ("claim", -1)]


def test_claims_table_has_grading_columns(seed_result):
    wanted = ["type", "asserted_by", "hedged", "hedge", "polarity", "strength", "supports", "attacks"]
    assert [c for c in wanted if c not in seed_result.claims.columns] == []


def test_claims_seed_units_match_the_gold(seed_result):
    gold = [json.loads(line) for line in (ROOT / "gold" / "seed-claims.jsonl").read_text(encoding="utf-8").splitlines()]
    claims = seed_result.claims
    gold_of_claim = dict(zip(claims["claim_id"], [row["id"] for row in gold]))
    got = [(text, kind, who, gold_of_claim.get(sup), gold_of_claim.get(con)) for text, kind, who, sup, con in
           zip(claims["text"], claims["type"], claims["asserted_by"], claims["supports"], claims["attacks"])]
    assert got == [(r["text"], r["type"], r["asserted_by"], r["supports"], r["attacks"]) for r in gold]


def test_claims_seed_hedged_and_contributory_links_on_graph_edges(seed_result):
    edges = [d for _, v, d in seed_result.graph.edges(data=True) if d["kind"] == "causal"]
    suspicion = {d["hedged"] for d in edges if d["cue"] == "led … to" and d["explicit"]}
    part = {d["strength"] for d in edges if d["cue"] == "played a part in engendering"}
    assert (suspicion, part) == ({True}, {"contributory"})


@pytest.mark.parametrize("text, grading", [
    ("The reforms did not lead to lasting peace.", ("sufficient", "negative")),
    ("Swift relief prevented a famine in the northern provinces.", ("sufficient", "negative")),
    ("The drought contributed to the revolt.", ("contributory", "positive")),
    ("The drought caused the revolt.", ("sufficient", "positive")),
], ids=["did-not-lead-to", "prevented", "contributed-to", "caused"])
def test_claims_link_strength_and_polarity(extract_links, text, grading):
    assert [(l.strength, l.polarity) for l in extract_links(text)] == [grading]


def test_claims_every_causal_link_is_tied_to_its_claim(seed_result):
    claim_ids = set(seed_result.claims["claim_id"])
    assert [l.claim_id for l in seed_result.link_records if l.claim_id not in claim_ids] == []
