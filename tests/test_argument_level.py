"""bench.argument_level: predictions stretched to a split-sentence corpus's arguments (records of ours, no model)."""
from __future__ import annotations

import doctest
import json

import bench.argument_level
from bench.argument_level import main, stretch_predictions, stretch_relation

TEXT = "Years of poor harvests drained the treasury, which forced the crown to borrow abroad."


def relation(cause: str, effect: str, text: str = TEXT) -> dict:
    cs, es = text.index(cause), text.index(effect)
    return {"cause": cause, "cause_start": cs, "cause_end": cs + len(cause),
            "effect": effect, "effect_start": es, "effect_end": es + len(effect), "signal": "forced"}


def test_first_end_runs_from_the_start_and_second_to_the_end_direction_kept():
    stretched = stretch_relation(relation("the treasury", "the crown"), TEXT)
    assert stretched["cause"] == "Years of poor harvests drained the treasury"
    assert stretched["effect"] == "the crown to borrow abroad."
    backwards = stretch_relation(relation("the crown", "the treasury"), TEXT)
    assert backwards["effect"] == "Years of poor harvests drained the treasury"
    assert backwards["cause"] == "the crown to borrow abroad."


def test_overlapping_ends_are_dropped_and_unknown_ids_pass_unchanged():
    nested = relation("poor harvests drained the treasury", "the treasury")
    assert stretch_relation(nested, TEXT) is None
    out = list(stretch_predictions([{"id": "a", "relations": [nested]}, {"id": "b", "relations": [nested]}], {"a": TEXT}))
    assert out[0]["relations"] == [] and out[1]["relations"] == [nested]


def test_stretching_turns_a_concept_level_near_miss_into_an_argument_level_match(tmp_path, capsys):
    gold_rel = relation("Years of poor harvests drained the treasury", "the crown to borrow abroad.")
    (tmp_path / "data" / "toy").mkdir(parents=True)
    (tmp_path / "data" / "toy" / "dev.jsonl").write_text(json.dumps({"id": "a", "text": TEXT, "causal": True, "relations": [gold_rel]}) + "\n")
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "toy.jsonl").write_text(json.dumps({"id": "a", "relations": [relation("the treasury", "the crown")]}) + "\n")
    assert main(["--data", str(tmp_path / "data"), "--pred-dir", str(tmp_path / "p"), "--corpora", "toy"]) == 0
    row = capsys.readouterr().out.splitlines()[-1]
    assert row == "| toy | 0.000 / 0.000 / 0.000 | 1.000 / 1.000 / 1.000 |"


def test_missing_prediction_file_is_named(tmp_path, capsys):
    assert main(["--data", str(tmp_path), "--pred-dir", str(tmp_path / "none"), "--corpora", "toy"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_module_doctests_pass():
    failures, tried = doctest.testmod(bench.argument_level)
    assert tried and not failures
