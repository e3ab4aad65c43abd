"""models/claim_rules.jsonl: every rule decides its own example; the file loads strictly and round-trips."""
from __future__ import annotations

import json

import pytest

from argmine.nlp.rules import ClaimRule, load_claim_rules, rules_dir

CLAIM_RULES = load_claim_rules()
VALUES = {
    "type": {"thesis", "claim", "premise", "background", "meta"},
    "asserted_by": {"author", "cited", "actor"},
    "relation": {"support", "contrast", "contrast-cited"},
}
FIELD = {"type": "type", "asserted_by": "asserted_by", "relation": "relation"}


@pytest.mark.model
@pytest.mark.parametrize("rule", CLAIM_RULES, ids=[r.id for r in CLAIM_RULES])
def test_claim_rules_rule_decides_its_example(nlp, rule):
    units = nlp(rule.example)._.claim_units
    decided = [u[FIELD[rule.sets]] for u in units if rule.id in u["rules"]]
    assert decided == [rule.value], f"{rule.id}: {rule.example!r} gave {[(u['rules'], u[FIELD[rule.sets]]) for u in units]}"


@pytest.mark.parametrize("rule", CLAIM_RULES, ids=[r.id for r in CLAIM_RULES])
def test_claim_rules_value_is_known(rule):
    assert rule.value in VALUES[rule.sets]


@pytest.mark.parametrize("rule", CLAIM_RULES, ids=[r.id for r in CLAIM_RULES])
def test_claim_rules_patterns_are_lower_case_and_anchor_only_at_start(rule):
    bad = [p for p in rule.patterns if p != p.lower() or "^" in p.split()[1:] or not p.split()]
    assert bad == []


@pytest.mark.parametrize("rule", CLAIM_RULES, ids=[r.id for r in CLAIM_RULES])
def test_claim_rules_rule_round_trips(rule):
    assert ClaimRule(**{k: tuple(v) if isinstance(v, list) else v for k, v in rule.to_json().items()}) == rule


def test_claim_rules_file_lines_round_trip():
    lines = [json.loads(line) for line in (rules_dir() / "claim_rules.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("//")]
    assert [rule.to_json() for rule in CLAIM_RULES] == lines


def test_claim_rules_ids_are_unique():
    ids = [rule.id for rule in CLAIM_RULES]
    assert len(ids) == len(set(ids))
