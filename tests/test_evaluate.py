"""Tests of argmine.evaluation.scoring (the scorer behind ``argmine eval``).

Every record here is made by hand; none comes from ../shared/data.
"""
from __future__ import annotations

import json

import pytest

from argmine.errors import InputError
from argmine.evaluation.scoring import (
    Scores,
    format_scores,
    match_relations,
    read_jsonl,
    score_files,
    score_records,
    spans_match,
)

TEXT = "Heavy rain caused severe floods in the valley."
#       0    5    10   15   20   25   30   35   40   45


def rel(cause: tuple[int, int], effect: tuple[int, int], text: str = TEXT) -> dict:
    """A relation in the causal schema over ``text``."""
    return {
        "cause": text[cause[0]:cause[1]],
        "effect": text[effect[0]:effect[1]],
        "cause_start": cause[0],
        "cause_end": cause[1],
        "effect_start": effect[0],
        "effect_end": effect[1],
        "signal": None,
    }


RAIN, FLOODS = (0, 10), (18, 31)  # "Heavy rain", "severe floods"
VALLEY = (35, 45)  # "the valley"


def gold(id_: str, relations: list[dict], causal: bool | None = True, text: str = TEXT) -> dict:
    return {"id": id_, "text": text, "causal": causal, "relations": relations, "source": "t/dev"}


def pred(id_: str, relations: list[dict], causal: bool | None = None) -> dict:
    if causal is None:
        causal = bool(relations)
    return {"id": id_, "causal": causal, "relations": relations}


def counts(scores: Scores) -> tuple[int, int, int]:
    return (scores.tp, scores.fp, scores.fn)


def test_evaluate_exact_match_relation():
    scores = score_records([gold("a", [rel(RAIN, FLOODS)])], [pred("a", [rel(RAIN, FLOODS)])])
    assert scores == Scores(
        records=1, tp=1, fp=0, fn=0, precision=1.0, recall=1.0, f1=1.0,
        sent_tp=1, sent_fp=0, sent_fn=0, sent_precision=1.0, sent_recall=1.0, sent_f1=1.0,
    )


LETTERS = "a b c d e f g h i j k l m n o p q r s t u v w x y z"


@pytest.mark.parametrize(
    ("gold_span", "pred_span", "expected"),
    [
        ((0, 20), (0, 10), True),  # 10/20 = 0.5: the boundary matches
        ((0, 19), (0, 10), True),  # 10/19, just above
        ((0, 21), (0, 10), False),  # 10/21, just below
        ((0, 10), (5, 15), False),  # overlap 5, union 15
    ],
)
def test_evaluate_jaccard_boundary(gold_span, pred_span, expected):
    # Gold spans of 5+ words, so that the head-word rule cannot apply.
    gold_text, pred_text = LETTERS[slice(*gold_span)], LETTERS[slice(*pred_span)]
    assert spans_match(gold_span, pred_span, gold_text, pred_text) is expected


HEAD_TEXT = "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11"
#            0  3  6  9  12 15 18 21 24 27  31


@pytest.mark.parametrize(
    ("gold_span", "pred_span", "expected"),
    [
        ((6, 11), (0, 23), True),  # gold "w3 w4" inside 8 predicted words
        ((6, 11), (0, 26), False),  # inside 9 predicted words: too long
        ((6, 17), (0, 23), False),  # gold of 4 words: no head rule, Jaccard 11/23
        ((6, 11), (9, 23), False),  # gold not inside the prediction
    ],
)
def test_evaluate_head_word_rule(gold_span, pred_span, expected):
    gold_text, pred_text = HEAD_TEXT[slice(*gold_span)], HEAD_TEXT[slice(*pred_span)]
    assert spans_match(gold_span, pred_span, gold_text, pred_text) is expected


def test_evaluate_head_word_rule_in_relation_scoring():
    text = "The storm killed hundreds of people in the coastal towns overnight."
    # gold: "storm" -> "killed"; predicted clauses around them (<= 8 words each).
    gold_rel = rel((4, 9), (10, 16), text)
    pred_rel = rel((0, 9), (10, 35), text)  # "The storm" -> "killed hundreds of people"
    scores = score_records([gold("a", [gold_rel], text=text)], [pred("a", [pred_rel])])
    assert counts(scores) == (1, 0, 0)


def test_evaluate_prediction_matching_nothing():
    scores = score_records([gold("a", [rel(RAIN, FLOODS)])], [pred("a", [rel(RAIN, VALLEY)])])
    assert (counts(scores), scores.precision, scores.recall, scores.f1) == ((0, 1, 1), 0.0, 0.0, 0.0)


def test_evaluate_two_gold_relations_one_prediction():
    gold_records = [gold("a", [rel(RAIN, FLOODS), rel(FLOODS, VALLEY)])]
    scores = score_records(gold_records, [pred("a", [rel(FLOODS, VALLEY)])])
    assert (counts(scores), scores.precision, scores.recall, scores.f1) == (
        (1, 0, 1), 1.0, 0.5, 2 / 3,
    )


def test_evaluate_one_prediction_cannot_match_two_golds():
    # Two gold relations that both match the same prediction (Jaccard >= 0.5).
    gold_records = [gold("a", [rel((0, 10), FLOODS), rel((0, 9), FLOODS)])]
    scores = score_records(gold_records, [pred("a", [rel((0, 10), FLOODS)])])
    assert counts(scores) == (1, 0, 1)


def test_evaluate_two_predictions_cannot_match_one_gold():
    scores = score_records(
        [gold("a", [rel(RAIN, FLOODS)])],
        [pred("a", [rel(RAIN, FLOODS), rel((0, 9), FLOODS)])],
    )
    assert counts(scores) == (1, 1, 0)


def test_evaluate_matching_is_maximum_not_greedy():
    # Prediction 0 matches both golds; prediction 1 only gold 0. A greedy
    # matcher taking gold 0 for prediction 0 would find one match; two exist.
    effect = (40, 50)
    gold_rels = [rel((0, 20), effect, LETTERS), rel((0, 12), effect, LETTERS)]
    pred_rels = [rel((0, 14), effect, LETTERS), rel((0, 26), effect, LETTERS)]
    assert match_relations(gold_rels, pred_rels, LETTERS) == [(0, 1), (1, 0)]


def test_evaluate_swapped_cause_effect_does_not_match():
    scores = score_records([gold("a", [rel(RAIN, FLOODS)])], [pred("a", [rel(FLOODS, RAIN)])])
    assert counts(scores) == (0, 1, 1)


def test_evaluate_matching_is_within_one_record():
    gold_records = [gold("a", [rel(RAIN, FLOODS)]), gold("b", [], causal=False)]
    scores = score_records(gold_records, [pred("a", []), pred("b", [rel(RAIN, FLOODS)])])
    assert counts(scores) == (0, 1, 1)


def test_evaluate_sentence_metrics():
    gold_records = [
        gold("tp", [rel(RAIN, FLOODS)]),
        gold("fp", [], causal=False),
        gold("fn", [rel(RAIN, FLOODS)]),
        gold("tn", [], causal=False),
        gold("null-causal", [rel(RAIN, FLOODS)], causal=None),  # falls back to relations: causal
        gold("null-plain", [], causal=None),  # falls back to relations: not causal
    ]
    predictions = [
        pred("tp", [], causal=True),  # causal flag alone counts
        pred("fp", [rel(RAIN, FLOODS)], causal=False),  # a relation alone counts
        pred("fn", [], causal=False),
        pred("tn", [], causal=False),
        pred("null-causal", [], causal=True),
        pred("null-plain", [], causal=True),
    ]
    scores = score_records(gold_records, predictions)
    assert (scores.sent_tp, scores.sent_fp, scores.sent_fn, scores.sent_tn) == (2, 2, 1, 1)
    assert (scores.sent_precision, scores.sent_recall, scores.sent_f1) == (0.5, 2 / 3, 4 / 7)


def test_evaluate_sentence_only_gold_record():
    # Causal gold without relations: sentence metric only; predicted relations
    # there are neither true nor false positives.
    scores = score_records([gold("a", [], causal=True)], [pred("a", [rel(RAIN, FLOODS)])])
    assert (counts(scores), scores.sent_tp, scores.sentence_only) == ((0, 0, 0), 1, 1)


def test_evaluate_missing_prediction_counts_as_empty():
    gold_records = [gold("a", [rel(RAIN, FLOODS)]), gold("b", [rel(RAIN, FLOODS)])]
    scores = score_records(gold_records, [pred("a", [rel(RAIN, FLOODS)])])
    assert (counts(scores), scores.sent_fn, scores.missing, scores.records) == ((1, 0, 1), 1, 1, 2)


def test_evaluate_error_prediction_counts_as_empty():
    gold_records = [gold("a", [rel(RAIN, FLOODS)]), gold("b", [], causal=False)]
    predictions = [
        {"id": "a", "error": "text is not English", "causal": True, "relations": [rel(RAIN, FLOODS)]},
        pred("b", []),
    ]
    scores = score_records(gold_records, predictions)
    assert (counts(scores), scores.sent_fn, scores.errors, scores.missing) == ((0, 0, 1), 1, 1, 0)


def test_evaluate_prediction_for_unknown_id_is_not_scored():
    scores = score_records([gold("a", [], causal=False)], [pred("a", []), pred("z", [rel(RAIN, FLOODS)])])
    assert (counts(scores), scores.sent_fp, scores.extra) == ((0, 0, 0), 0, 1)


@pytest.mark.parametrize(
    ("pred_cause", "expected"),
    [
        (RAIN, (1, 0, 0)),
        ((0, 9), (0, 1, 1)),  # Jaccard 0.9 is not enough in exact mode
        ((6, 10), (0, 1, 1)),  # nor is the head-word rule
    ],
)
def test_evaluate_exact_mode(pred_cause, expected):
    scores = score_records(
        [gold("a", [rel(RAIN, FLOODS)])], [pred("a", [rel(pred_cause, FLOODS)])], exact=True
    )
    assert (counts(scores), scores.exact) == (expected, True)


@pytest.mark.parametrize(
    ("gold_records", "predictions"),
    [
        ([], []),
        ([gold("a", [], causal=False)], [pred("a", [])]),
        ([gold("a", [rel(RAIN, FLOODS)])], []),
        ([gold("a", [], causal=False)], [pred("a", [rel(RAIN, FLOODS)])]),
    ],
)
def test_evaluate_zero_division_gives_zero(gold_records, predictions):
    scores = score_records(gold_records, predictions)
    rates = (scores.precision, scores.recall, scores.f1,
             scores.sent_precision, scores.sent_recall, scores.sent_f1)
    assert rates == (0.0,) * 6


@pytest.mark.parametrize(
    ("bad_relation", "reason"),
    [
        ({"cause_start": 0, "cause_end": 4}, "effect_start is None, expected an integer offset"),
        ({**rel(RAIN, FLOODS), "effect_end": 99}, "effect_end 99 is past the end of the text"),
        ({**rel(RAIN, FLOODS), "cause_start": 8, "cause_end": 3}, "cause offsets (8, 3) are not"),
    ],
)
def test_evaluate_malformed_prediction_relation_names_file(bad_relation, reason):
    with pytest.raises(InputError) as caught:
        score_records(
            [gold("a", [], causal=False)], [pred("a", [bad_relation])], pred_name="p.jsonl"
        )
    assert caught.value.file == "p.jsonl"
    assert caught.value.reason.startswith(f"record 'a': predicted relation 0: {reason}")


@pytest.mark.parametrize(
    ("records", "reason"),
    [
        ([gold("a", []), gold("a", [])], "record 2: duplicate id 'a'"),
        ([{"text": TEXT}], "record 1 has id None, expected a string"),
    ],
)
def test_evaluate_bad_gold_ids_raise(records, reason):
    with pytest.raises(InputError) as caught:
        score_records(records, [], gold_name="g.jsonl")
    assert (caught.value.file, caught.value.reason) == ("g.jsonl", reason)


def write_jsonl(path, lines: list[str]):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("bad_line", "reason_start"),
    [
        ('{"id": "b", "text": ', "line 3: not valid JSON"),
        ('["a list"]', "line 3: a JSON list, expected an object"),
    ],
)
def test_evaluate_read_jsonl_malformed_line_names_line(tmp_path, bad_line, reason_start):
    path = write_jsonl(tmp_path / "gold.jsonl", [json.dumps(gold("a", [])), "", bad_line])
    with pytest.raises(InputError) as caught:
        list(read_jsonl(path))
    assert (caught.value.file, caught.value.reason.startswith(reason_start)) == (str(path), True)


def test_evaluate_read_jsonl_not_utf8_names_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"id": "a"}\n{"id": "\xff"}\n')
    with pytest.raises(InputError) as caught:
        list(read_jsonl(path))
    assert caught.value.reason.startswith("line 2: not UTF-8")


def test_evaluate_read_jsonl_skips_blank_lines(tmp_path):
    path = write_jsonl(tmp_path / "gold.jsonl", ['{"id": "a"}', "  ", '{"id": "b"}'])
    assert list(read_jsonl(path)) == [{"id": "a"}, {"id": "b"}]


def test_evaluate_score_files(tmp_path):
    gold_path = write_jsonl(tmp_path / "gold.jsonl", [
        json.dumps(gold("a", [rel(RAIN, FLOODS)])),
        json.dumps(gold("b", [], causal=False)),
    ])
    pred_path = write_jsonl(tmp_path / "pred.jsonl", [
        json.dumps(pred("b", [])),
        json.dumps(pred("a", [rel(RAIN, FLOODS), rel(FLOODS, VALLEY)])),
    ])
    scores = score_files(gold_path, pred_path)
    assert (scores.records, counts(scores), scores.sent_tp, scores.sent_tn) == (2, (1, 1, 0), 1, 1)


def test_evaluate_format_scores():
    scores = Scores(
        records=3, tp=1, fp=1, fn=0, precision=0.5, recall=1.0, f1=2 / 3,
        sent_tp=1, sent_fp=0, sent_fn=1, sent_precision=1.0, sent_recall=0.5, sent_f1=2 / 3,
        errors=1, missing=1, exact=True,
    )
    assert format_scores(scores, "gold.jsonl") == (
        "gold.jsonl (exact match)\n"
        "records    3   errors 1   missing 1\n"
        "relations  P 0.500  R 1.000  F1 0.667   tp 1  fp 1  fn 0\n"
        "sentences  P 1.000  R 0.500  F1 0.667   tp 1  fp 0  fn 1"
    )


def test_evaluate_bench_table_with_fake_predictor(tmp_path, capsys):
    eval_corpora = pytest.importorskip("bench.eval_corpora")
    corpus = tmp_path / "data" / "cnc_v2"
    corpus.mkdir(parents=True)
    write_jsonl(corpus / "dev.jsonl", [
        json.dumps(gold("a", [rel(RAIN, FLOODS)])),
        json.dumps(gold("b", [], causal=False)),
        json.dumps(gold("c", [rel(RAIN, FLOODS)])),
    ])

    def fake_predict(records):
        for record in records:
            assert set(record) == {"id", "text"}  # the predictor never sees gold
            yield pred(record["id"], [rel(RAIN, FLOODS)] if record["id"] == "a" else [])

    status = eval_corpora.main(
        ["--data", str(tmp_path / "data"), "--corpora", "cnc_v2", "--limit", "2",
         "--pred-dir", str(tmp_path / "pred"), "--save-json", str(tmp_path / "s.json")],
        predict=fake_predict,
    )
    assert status == 0
    assert capsys.readouterr().out == (
        "| corpus | records | precision | recall | F1 | sentence-causal F1 |\n"
        "|---|---:|---:|---:|---:|---:|\n"
        "| cnc_v2 | 2 | 1.000 | 1.000 | 1.000 | 1.000 |\n"
    )
    assert len((tmp_path / "pred" / "cnc_v2.jsonl").read_text().splitlines()) == 2
    assert json.loads((tmp_path / "s.json").read_text())["cnc_v2"]["tp"] == 1


def test_evaluate_bench_missing_data_dir_exits_2(tmp_path, capsys):
    eval_corpora = pytest.importorskip("bench.eval_corpora")
    status = eval_corpora.main(["--data", str(tmp_path / "nowhere")], predict=lambda rs: iter(()))
    assert (status, "data folder" in capsys.readouterr().err) == (2, True)


def test_evaluate_bench_leaves_motives_out_only_where_the_scheme_holds_none(tmp_path, monkeypatch, capsys):
    eval_corpora = pytest.importorskip("bench.eval_corpora")
    from argmine.batch import links as links_module

    asked = {}

    scored = {}

    def fake_predict_records(records, nlp=None, n_process=1, motives=True, scorer=None):
        records = list(records)
        asked[records[0]["id"]] = motives
        scored[records[0]["id"]] = scorer is not None
        return iter([pred(r["id"], []) for r in records])

    monkeypatch.setattr(links_module, "predict_records", fake_predict_records)
    for name in ("cnc_v2", "unicausal_semeval"):
        (tmp_path / "data" / name).mkdir(parents=True)
        write_jsonl(tmp_path / "data" / name / "dev.jsonl", [json.dumps(gold(name, [], causal=False))])
    argv = ["--data", str(tmp_path / "data"), "--corpora", "cnc_v2,unicausal_semeval", "--pred-dir", str(tmp_path / "p")]
    assert eval_corpora.main(argv) == 0
    assert asked == {"cnc_v2": True, "unicausal_semeval": False}
    assert scored == {"cnc_v2": True, "unicausal_semeval": False}  # CNC's scheme takes its learned scorer
    assert eval_corpora.main(argv + ["--raw"]) == 0
    assert asked == {"cnc_v2": True, "unicausal_semeval": True}
    assert scored == {"cnc_v2": False, "unicausal_semeval": False}


def test_evaluate_bench_fincausal_scheme_keeps_quantified_effects(tmp_path, capsys):
    # FinCausal annotates causes of quantified facts: a relation whose effect states no figure
    # is left out (and a record left with none is non-causal); --raw scores every relation
    eval_corpora = pytest.importorskip("bench.eval_corpora")
    text = "Output fell 4% because of the strike, and the strike angered the mayor."
    fell, strike, mayor = (0, 14), (26, 36), (56, 71)
    gold_record = {"id": "q", "text": text, "causal": True,
                   "relations": [{"cause_start": strike[0], "cause_end": strike[1],
                                  "effect_start": fell[0], "effect_end": fell[1]}]}
    (tmp_path / "data" / "fincausal").mkdir(parents=True)
    write_jsonl(tmp_path / "data" / "fincausal" / "dev.jsonl", [json.dumps(gold_record)])

    def span(a, b):
        return {"cause_start": a[0], "cause_end": a[1], "effect_start": b[0], "effect_end": b[1],
                "cause": text[a[0]:a[1]], "effect": text[b[0]:b[1]]}

    def fake_predict(records):
        for record in records:
            yield {"id": record["id"], "causal": True, "relations": [span(strike, fell), span(strike, mayor)]}

    argv = ["--data", str(tmp_path / "data"), "--corpora", "fincausal", "--pred-dir", str(tmp_path / "p")]
    assert eval_corpora.main(argv, predict=fake_predict) == 0
    assert "| fincausal | 1 | 1.000 | 1.000 | 1.000 | 1.000 |" in capsys.readouterr().out
    assert eval_corpora.main(argv + ["--raw"], predict=fake_predict) == 0
    assert "| fincausal | 1 | 0.500 | 1.000 | 0.667 | 1.000 |" in capsys.readouterr().out


def test_rescore_puts_old_predictions_under_the_scheme(tmp_path, capsys):
    # Predictions written by an older version carry no strength: a purpose is told by its signal,
    # and only on a scheme that holds no motives; raw scores every relation
    rescore = pytest.importorskip("bench.rescore")
    (tmp_path / "data" / "unicausal_semeval").mkdir(parents=True)
    write_jsonl(tmp_path / "data" / "unicausal_semeval" / "dev.jsonl",
                [json.dumps(gold("a", [rel(RAIN, FLOODS)])), json.dumps(gold("b", [], causal=False))])
    (tmp_path / "pred").mkdir()
    purpose = dict(rel(RAIN, FLOODS), signal="in order to")
    write_jsonl(tmp_path / "pred" / "unicausal_semeval.jsonl",
                [json.dumps(pred("a", [dict(rel(RAIN, FLOODS), signal="caused")])),
                 json.dumps(pred("b", [purpose]))])
    argv = ["--pred-dir", str(tmp_path / "pred"), "--data", str(tmp_path / "data")]
    assert rescore.main(argv + ["--purpose-signals", "to,in order to"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "| unicausal_semeval | 0.500 | 1.000 | 0.667 | 1.000 | 1.000 | 1.000 |")
    assert rescore.main(argv) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("| 0.500 | 1.000 | 0.667 |")
    assert rescore.main(["--pred-dir", str(tmp_path / "nowhere")]) == 2
