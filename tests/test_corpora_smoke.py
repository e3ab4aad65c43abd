"""The evaluation harness on the real annotated corpora of ../shared/data (skipped where absent).

A smoke test, not a measurement (docs/EVALUATION.md has the figures): the first
records of every causal corpus go through `argmine links` and `argmine eval`,
one output line per input line, offsets that index the text, and a score.
"""
from __future__ import annotations

import json
import subprocess
import sys
from itertools import islice

import pytest

from conftest import ROOT
from argmine.evaluation.scoring import read_jsonl, score_records
from argmine.batch.links import predict_records

pytestmark = [pytest.mark.model, pytest.mark.shared]

CAUSAL = ["cnc_v2", "because", "unicausal_altlex", "unicausal_ctb", "unicausal_esl", "unicausal_semeval", "fincausal"]
SAMPLE = 25


@pytest.fixture(scope="module")
def samples(shared_data):
    out = {}
    for corpus in CAUSAL:
        gold = list(islice(read_jsonl(shared_data / corpus / "dev.jsonl"), SAMPLE))
        preds = list(predict_records({"id": r["id"], "text": r["text"]} for r in gold))
        out[corpus] = (gold, preds)
    return out


@pytest.mark.parametrize("corpus", CAUSAL)
def test_corpora_smoke_one_prediction_per_record_in_order(samples, corpus):
    gold, preds = samples[corpus]
    assert [p["id"] for p in preds] == [str(g["id"]) for g in gold]


@pytest.mark.parametrize("corpus", CAUSAL)
def test_corpora_smoke_offsets_index_the_text(samples, corpus):
    gold, preds = samples[corpus]
    bad = [(g["id"], r) for g, p in zip(gold, preds) for r in p["relations"]
           if g["text"][r["cause_start"]:r["cause_end"]] != r["cause"]
           or g["text"][r["effect_start"]:r["effect_end"]] != r["effect"]]
    assert bad == []


@pytest.mark.parametrize("corpus", CAUSAL)
def test_corpora_smoke_scores_every_record(samples, corpus):
    gold, preds = samples[corpus]
    scores = score_records(gold, preds)
    assert (scores.records, scores.errors, 0.0 <= scores.f1 <= 1.0) == (SAMPLE, 0, True)


def test_corpora_smoke_eval_command_prints_scores(shared_data, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in islice(read_jsonl(shared_data / "cnc_v2" / "dev.jsonl"), 10)),
                    encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "argmine", "eval", str(gold)], cwd=ROOT,
                               capture_output=True, text=True, timeout=300)
    assert (completed.returncode, "F1" in completed.stdout or "f1" in completed.stdout.lower()) == (0, True)
