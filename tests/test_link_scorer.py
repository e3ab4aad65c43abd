"""Tests of the learned link scorer (argmine.batch.link_scorer) and where it is applied.

Texts are invented here; nothing comes from ../shared/data.
"""
from __future__ import annotations

import json
from importlib import resources

import pytest
from typer.testing import CliRunner

from argmine.batch.link_scorer import (
    FEATURE_VERSION, LinkScorer, fit_logistic, load_scorer, record_group, relation_features,
)
from argmine.evaluation.link_training import cross_fit
from argmine.batch.links import predict_records
from argmine.cli import app
from argmine.records import CausalLink
from bench.eval_corpora import SCHEMES

TEXT = "Flooding : the mill closed because the river rose over its banks ."


def _at(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def _link(**changes) -> CausalLink:
    (cs, ce), (es, ee), (us, ue) = _at("the river rose over its banks"), _at("the mill closed"), _at("because")
    fields = dict(
        doc_id="d", sentence_index=0, cause_text="the river rose over its banks", effect_text="the mill closed",
        cause_start=cs, cause_end=ce, effect_start=es, effect_end=ee, cue="because", cue_start=us, cue_end=ue,
        cause_concept="river rise", effect_concept="mill closure", explicit=True, hedged=False,
        strength="cause", polarity="positive", confidence=0.9, asserted_by="author", sentence=TEXT,
        rule="connective-because")
    fields.update(changes)
    return CausalLink(**fields)


def _relation(link: CausalLink) -> dict:
    return {"cause": link.cause_text, "effect": link.effect_text, "cause_start": link.cause_start,
            "cause_end": link.cause_end, "effect_start": link.effect_start, "effect_end": link.effect_end,
            "signal": link.cue}


def test_features_name_the_rule_cue_and_span_bins():
    link = _link()
    assert TEXT[link.cause_start:link.cause_end] == link.cause_text
    features = relation_features([link], _relation(link), TEXT, 1)
    assert features["rule=connective-because"] == 1.0
    assert features["cue=because"] == 1.0
    assert features["cause_words=8"] == 1.0  # six words fall in the bin up to eight
    assert features["effect_words=3"] == 1.0
    assert features["after_colon"] == 1.0  # both ends follow a headline colon
    assert "cause_first" not in features  # the effect comes first here


def test_features_hold_no_word_of_the_passage_but_the_cue():
    link = _link()
    names = " ".join(relation_features([link], _relation(link), TEXT, 1))
    for word in ("mill", "river", "banks", "flooding"):
        assert word not in names.lower()


def test_fit_logistic_weighs_a_telling_feature_up_and_a_misleading_one_down():
    rows = [{"bias": 1, "good": 1}] * 6 + [{"bias": 1, "bad": 1}] * 6 + [{"bias": 1, "good": 1}, {"bias": 1, "bad": 1}]
    labels = [1] * 6 + [0] * 6 + [0, 1]
    weights = fit_logistic(rows, labels)
    assert weights["good"] > 0.5 > -0.5 > weights["bad"]


def test_fit_logistic_leaves_out_rare_features():
    weights = fit_logistic([{"bias": 1, "once": 1}, {"bias": 1}, {"bias": 1}], [1, 0, 0], min_count=2)
    assert "once" not in weights


def test_fit_logistic_refuses_mismatched_rows():
    with pytest.raises(ValueError):
        fit_logistic([{"bias": 1}], [1, 0])


def test_scorer_probability_and_threshold():
    scorer = LinkScorer({"bias": 0.0, "rule=weak": -3.0}, threshold=0.2)
    assert scorer.probability({"bias": 1}) == pytest.approx(0.5)
    assert scorer.keeps({"bias": 1})
    assert not scorer.keeps({"bias": 1, "rule=weak": 1})


def test_scorer_uses_the_fold_that_held_a_record_out():
    folds = ((frozenset({"news_4_7"}), {"bias": -5.0}), (frozenset({"news_4_8"}), {"bias": 5.0}))
    scorer = LinkScorer({"bias": 0.0}, 0.2, folds)
    assert record_group("news_4_7_12") == "news_4_7"
    assert not scorer.keeps({"bias": 1}, "news_4_7_12")
    assert scorer.keeps({"bias": 1}, "news_4_8_3")
    assert scorer.probability({"bias": 1}, "other_1_1") == pytest.approx(0.5)  # never trained on: full model


def test_scorer_round_trips_through_json_and_refuses_other_versions():
    folds = ((frozenset({"a_1"}), {"bias": 1.5}),)
    scorer = LinkScorer({"bias": -0.5, "cue=since": 0.25}, 0.3, folds, {"corpus": "made up"})
    data = json.loads(json.dumps(scorer.to_dict()))
    assert LinkScorer.from_dict(data) == scorer
    with pytest.raises(ValueError, match="version"):
        LinkScorer.from_dict(dict(data, feature_version=FEATURE_VERSION + 1))
    with pytest.raises(ValueError, match="threshold"):
        LinkScorer.from_dict(dict(data, threshold=1.5))


def test_cross_fit_holds_each_group_out_once():
    rows = [(f"doc_{g}_{s}", {"bias": 1, "x": g % 2}, g % 2) for g in range(10) for s in range(2)]
    folds = cross_fit(rows, k=5, seed=3)
    held = [group for groups, _ in folds for group in groups]
    assert sorted(held) == sorted({f"doc_{g}" for g in range(10)})
    for groups, weights in folds:
        assert len(groups) == 2 and weights["x"] > 0


def test_shipped_cnc_scorer_loads_small_and_is_named_by_the_cnc_scheme():
    shipped = resources.files("argmine.lexicon").joinpath("cnc_link_scorer.json")
    assert len(shipped.read_bytes()) < 20 * 1024 * 1024
    scorer = load_scorer("cnc_link_scorer.json")
    assert scorer.meta["licence"].startswith("CC0")
    assert len(scorer.folds) == 5 and 0.0 < scorer.threshold < 1.0
    assert SCHEMES["cnc_v2"].scorer == "cnc_link_scorer.json"


def test_load_scorer_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_scorer(tmp_path / "absent.json")


@pytest.mark.model
def test_predict_records_drops_what_the_scorer_rejects_and_keeps_the_causal_label(nlp):
    record = {"id": "t_1_1", "text": "The harvest failed because the spring was dry."}
    [plain] = predict_records([record], nlp)
    assert plain["relations"]
    rejecting = LinkScorer({"bias": -10.0}, 0.2)
    [scored] = predict_records([record], nlp, scorer=rejecting)
    assert scored == {"id": "t_1_1", "causal": True, "relations": []}
    accepting = LinkScorer({"bias": 10.0}, 0.2)
    [kept] = predict_records([record], nlp, scorer=accepting)
    assert kept == plain


@pytest.mark.model
def test_links_command_takes_a_scorer_file(tmp_path, nlp):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "q", "text": "The harvest failed because the spring was dry."}) + "\n")
    model = tmp_path / "reject.json"
    model.write_text(json.dumps(LinkScorer({"bias": -10.0}, 0.2).to_dict()))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["links", str(source), "-o", str(out), "--scorer", str(model)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text()) == {"id": "q", "causal": True, "relations": []}
    missing = CliRunner().invoke(app, ["links", str(source), "--scorer", str(tmp_path / "none.json")])
    assert missing.exit_code == 2


def test_link_scorer_module_doctests_pass():
    import doctest

    from argmine.batch import link_scorer

    failures, tried = doctest.testmod(link_scorer)
    assert tried >= 3 and failures == 0


def test_bench_held_out_predictions_filter_by_each_records_fold():
    from bench.link_scorer_cv import held_out_predictions

    relation = {"cause": "a", "effect": "b", "cause_start": 0, "cause_end": 1, "effect_start": 2, "effect_end": 3}
    items = [({"id": "art_1_1"}, [(relation, {"bias": 1.0}, 1)]), ({"id": "art_2_1"}, [(relation, {"bias": 1.0}, 0)])]
    folds = ((frozenset({"art_1"}), {"bias": 4.0}), (frozenset({"art_2"}), {"bias": -4.0}))
    got = held_out_predictions(items, LinkScorer({}, 0.2, folds))
    assert got == [{"id": "art_1_1", "causal": True, "relations": [relation]},
                   {"id": "art_2_1", "causal": True, "relations": []}]
    assert held_out_predictions(items, None)[1]["relations"] == [relation]
