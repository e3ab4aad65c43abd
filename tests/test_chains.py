"""Chains, cross-document concept merging, and the seed scored against its gold."""
from __future__ import annotations

import json

import pytest

from conftest import CHAPTERS, ROOT, SEED

pytestmark = pytest.mark.model

HEADLINE = ("Stakhanovism", "criticism of management", "suspicion of sabotage", "Great Terror")


def _read(name: str) -> list[dict]:
    path = ROOT / "gold" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def soviet_result():
    """The seed with the invented French, Soviet-famine and Stakhanovite chapters: merges across documents."""
    from argmine import analyze_corpus

    names = ["06-french-revolution-terror.txt", "07-soviet-collectivisation-famine.txt",
             "08-stakhanovite-movement-great-terror.txt"]
    return analyze_corpus([SEED, *(CHAPTERS / n for n in names)])


def _result_of(nlp, texts: dict[str, str]):
    from argmine.graph.result import build_result
    from argmine.batch.process import process_chapters
    from argmine.records import Chapter

    return build_result(process_chapters([Chapter(i, t) for i, t in texts.items()], nlp))


def test_chains_seed_headline_is_continuous(seed_result):
    found = [c for c in seed_result.chains("Stakhanovism", "Great Terror") if c.concepts == HEADLINE]
    assert [(c.continuous, c.documents) for c in found] == [(True, ("stakhanovite-movement.cambridge-core",))]


def test_chains_seed_headline_hops_come_from_the_summaries(seed_result):
    chain = next(c for c in seed_result.chains("Stakhanovism", "Great Terror") if c.concepts == HEADLINE)
    vias = [sorted({l.via.split(" includes ")[0] for l in hop if "includes" in l.via}) for hop in chain.hops[1:]]
    assert vias == [["anaphora:summary 'Such interaction within enterprises'"],
                    ["anaphora:summary 'All of these factors'"]]


def test_chains_user_names_map_to_concepts(seed_result):
    assert (seed_result.concept_named("stakhanovism"), seed_result.concept_named("the Great Terror"),
            seed_result.concept_named("no such thing")) == ("Stakhanovism", "Great Terror", None)


def test_chains_across_documents_only_when_asked_and_labelled(nlp):
    result = _result_of(nlp, {"a": "The drought caused a famine.", "b": "The famine caused a rebellion."})
    joined = result.chains("drought", "rebellion", across_documents=True)
    assert (result.chains("drought", "rebellion"), [(c.concepts, c.continuous) for c in joined]) == (
        [], [(("drought", "famine", "rebellion"), False)])


def test_chains_merge_stakhanovite_movement_into_stakhanovism(soviet_result):
    row = soviet_result.concepts.set_index("concept").loc["Stakhanovism"]
    assert (row["n_documents"], row["merged_from"]) == (
        2, "Stakhanovite movement [08-stakhanovite-movement-great-terror] ('-ite movement' is the movement of '-ism')")


def test_chains_soviet_terror_joins_great_terror_french_does_not(soviet_result):
    links = soviet_result.links
    effects_07 = set(links[links["doc_id"] == "07-soviet-collectivisation-famine"]["effect_concept"])
    effects_06 = set(links[links["doc_id"] == "06-french-revolution-terror"]["effect_concept"])
    assert ("harshness of Great Terror" in effects_07, "Terror" in effects_06,
            any("Great Terror" in e for e in effects_06)) == (True, True, False)


def test_chains_concepts_table_lists_mentions_documents_aliases(seed_result):
    row = seed_result.concepts.set_index("concept").loc["Great Terror"]
    assert (row["mentions"], row["documents"], row["aliases"]) == (
        4, "stakhanovite-movement.cambridge-core", "the Great Terror | the terror")


def test_chains_seed_gold_precision_and_headline(seed_result):
    from bench.eval_seed import concept_names, find_chain, score_links

    gold = _read("seed.jsonl")
    texts = dict(zip(seed_result.documents["doc_id"], seed_result.documents["text"]))
    scores = score_links(seed_result.links.to_dict("records"), texts, gold)
    path = find_chain(seed_result, gold[0]["doc_id"], HEADLINE, concept_names(gold))
    assert (scores.precision, scores.recall_of("enumeration"), path) == (1.0, 1.0, list(HEADLINE))


def test_chains_seed_gold_every_anaphor_resolved(seed_result):
    from bench.eval_seed import score_resolutions

    scores = score_resolutions(seed_result.resolutions.to_dict("records"), _read("seed-anaphora.jsonl"))
    assert (scores.correct, scores.with_evidence, scores.gold) == (13, 13, 13)


def test_chains_cli_prints_provenance(seed_result, tmp_path):
    from typer.testing import CliRunner

    from argmine.cli import app

    for name in ("documents", "claims", "links"):
        getattr(seed_result, name).to_csv(tmp_path / f"{name}.csv", index=False)
    out = CliRunner().invoke(app, ["chains", str(tmp_path), "--from", "stakhanovism", "--to", "Great Terror"]).output
    headline = out.split("Stakhanovism → criticism of management → suspicion of sabotage → Great Terror    [continuous")[1]
    assert "via anaphora:summary 'Such interaction within enterprises' includes" in headline.split("\n")[2]


@pytest.mark.parametrize("text, expected", [
    ("The famine transformed rural society in several ways. First, evictions multiplied. Second, relief collapsed."
     "\n\nFirst, the war ended.",
     [("famine", "evictions", "sufficient"), ("famine", "collapse of relief", "sufficient")]),
    ("The revolt had three causes. First, taxes rose. Second, the harvest failed.",
     [("rise in taxes", "revolt", "contributory"), ("failure of harvest", "revolt", "contributory")]),
])
def test_chains_enumeration_items_become_implicit_links(extract_links, text, expected):
    implicit = [(l.cause_concept, l.effect_concept, l.strength) for l in extract_links(text) if not l.explicit]
    assert implicit == expected
