"""Anaphora resolution: each rule on a short text, and every anaphoric mention of the seed."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT

pytestmark = pytest.mark.model


@pytest.fixture
def resolve(nlp):
    """Resolutions of a short text as (mention, antecedents, reason) triples."""
    from argmine.batch.process import extract_text

    def run(text: str):
        return [(r.mention, r.antecedents, r.reason) for r in extract_text(text, nlp=nlp).resolutions]

    return run


@pytest.mark.parametrize("text, expected", [
    ("The reforms produced new tensions and exacerbated old ones.",
     [("old ones", ("tensions",), "one-anaphora")]),
    ("The harvest failure produced starvation. In the west the harvest failure caused deaths.",
     [("the harvest failure", ("harvest failure",), "head-noun")]),
    ("The war caused new tensions. These strains provoked riots.",
     [("These strains", ("tensions",), "synonym")]),
    ("Stakhanovism, the movement of model workers, began in 1935. The movement produced new tensions.",
     [("The movement", ("Stakhanovism",), "apposition")]),
    ("The reform allowed workers to criticize management. This wave of criticism provoked new tensions.",
     [("This wave of criticism", ("criticism of management",), "nominalization")]),
    ("The famine seems to have left the leadership deeply suspicious of the villages. "
     "Arguably, this suspicion contributed to the harshness of the repression.",
     [("this suspicion", ("suspicion of villages",), "nominalization")]),
])
def test_anaphora_noun_phrase_rules(resolve, text, expected):
    assert resolve(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the subject of the clause it is coordinated with
    ("The first wave of bank failures was triggered by the collapse of a large investment house, "
     "and it sparked runs on banks.",
     [("it", ("bank failures",), "pronoun")]),
    # "X and its Y"
    ("The Stakhanovites' story and its connection to the coming of mass arrests reveal new aspects.",
     [("its", ("Stakhanovites' story",), "pronoun (coordinated noun phrase)")]),
    # a reflexive is the subject of its clause
    ("The money sent home paid for passages, and thus emigration sustained itself.",
     [("itself", ("emigration",), "reflexive")]),
    # "those who ..." and relative pronouns do not refer back
    ("The money sent home by those who had left paid for passages.", []),
])
def test_anaphora_pronouns(resolve, text, expected):
    assert resolve(text) == expected


def test_anaphora_number_picks_the_coordination(resolve):
    got = resolve("The drought, the famine and the rebellion together brought about the fall of Beijing. "
                  "The conquest was possible because these three calamities had hollowed out Ming authority.")
    assert got == [("these three calamities", ("drought", "famine", "rebellion"), "coordination of 3")]


def test_anaphora_definite_with_other_words_is_not_anaphoric(resolve):
    assert resolve("Tax receipts fell. The drought brought about the fall of Beijing.") == []


def test_anaphora_summary_sums_up_paragraph_effects(resolve):
    got = resolve("Stakhanovism had a wide range of effects on factory life. First, the movement broadened "
                  "workers' opportunities to criticize management. Second, additional demands on managers arose. "
                  "All of these factors played a part in engendering the Great Terror.")
    assert got[-1] == ("All of these factors", ("criticism of management", "demands on managers"), "summary")


def test_anaphora_summary_at_paragraph_start_takes_the_outcomes_before(resolve):
    got = resolve("A severe drought caused harvest failures, which resulted in famine. The famine forced many "
                  "peasants to abandon their fields. Because the state could not pay its soldiers, deserters "
                  "joined the vagrants.\n\nSuch conditions led to a rebellion.")
    assert got[-1] == ("Such conditions", ("abandonment of fields", "joining vagrants"), "summary")


def test_anaphora_unmatched_demonstrative_left_unresolved(resolve):
    got = resolve("Catholic polemicists answered in kind, and this competition led to a hardening of identities.")
    assert got == [("this competition", (), "unresolved (demonstrative)")]


def _seed_anaphora():
    path = ROOT / "gold" / "seed-anaphora.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("gold", _seed_anaphora(), ids=lambda g: f"s{g['sentence_index']}-{g['mention']}")
def test_anaphora_seed_mention_resolves_with_evidence(seed_result, gold):
    from bench.eval_seed import resolution_correct

    rows = [r for r in seed_result.resolution_records if (r.start, r.end) == (gold["start"], gold["end"])]
    assert len(rows) == 1
    row = rows[0]
    assert (resolution_correct(row.antecedents, gold), bool(row.reason), len(row.antecedent_mentions)) == (
        True, True, len(gold["antecedents"]))


def test_anaphora_summary_leaves_aside_an_effect_the_discourse_dropped(resolve):
    # "this wave of protest" takes up one of the two effects of the first sentence; the summary that follows
    # sums up what the text went on with, not the effect it left aside
    got = resolve("The decree widened the guildsmen's opportunities to protest against the council and to petition "
                  "the king. This wave of protest hardened the council's mood. The hardening provoked new quarrels. "
                  "All of these factors played a part in the revolt.")
    assert got[-1] == ("All of these factors", ("protest against council", "quarrels"), "summary")


def test_anaphora_summary_keeps_both_effects_when_neither_is_taken_up(resolve):
    got = resolve("The decree widened the guildsmen's opportunities to protest against the council and to petition "
                  "the king. The hardening of the council provoked new quarrels. "
                  "All of these factors played a part in the revolt.")
    assert got[-1][0] == "All of these factors" and {"protest against council", "petitioning king"} <= set(got[-1][1])
