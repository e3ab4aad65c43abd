"""Tests of argmine.batch.links and the ``argmine links`` / ``argmine eval`` commands.

Texts are invented here; nothing comes from ../shared/data.
"""
from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from argmine.cli import app
from argmine.batch.links import LineError, parse_line, predict_records, run_links

CAUSAL = "The strike failed because the union ran out of funds."
PLAIN = "The committee met on Tuesday in the town hall."


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


@pytest.mark.parametrize("line, expected", [
    ('{"id": "a", "text": "x"}', {"id": "a", "text": "x"}),
    ('{"id": 7, "text": "x", "causal": true}', {"id": 7, "text": "x"}),
    ('{"id": "a", "text": ', LineError(3, None, "not valid JSON (Expecting value)")),
    ('["a", "x"]', LineError(3, None, "expected a JSON object, found list")),
    ('{"text": "x"}', LineError(3, None, "the record has no 'id'")),
    ('{"id": true, "text": "x"}', LineError(3, None, "'id' is true, expected a string or an integer")),
    ('{"id": "a"}', LineError(3, "a", "the record 'a' has no 'text'")),
    ('{"id": "a", "text": 5}', LineError(3, "a", "'text' of 'a' is int, expected a string")),
])
def test_links_parse_line(line, expected):
    assert parse_line(line, 3) == expected


def test_links_line_error_message_names_line():
    assert LineError(4, "a", "the record 'a' has no 'text'").message == "line 4: the record 'a' has no 'text'"


@pytest.mark.model
def test_links_predict_records_offsets_index_text(nlp):
    [prediction] = predict_records([{"id": "a", "text": CAUSAL}], nlp)
    relation = prediction["relations"][0]
    got = (CAUSAL[relation["cause_start"]:relation["cause_end"]], CAUSAL[relation["effect_start"]:relation["effect_end"]])
    assert got == (relation["cause"], relation["effect"])


@pytest.mark.model
def test_links_predict_records_causal_passage(nlp):
    [prediction] = predict_records([{"id": "a", "text": CAUSAL}], nlp)
    assert prediction == {"id": "a", "causal": True, "relations": [{
        "cause": "the union ran out of funds", "effect": "The strike failed",
        "cause_start": 26, "cause_end": 52, "effect_start": 0, "effect_end": 17, "signal": "because",
    }]}


@pytest.mark.model
def test_links_predict_records_empty_text_keeps_order(nlp):
    predictions = list(predict_records([{"id": "e", "text": ""}, {"id": 2, "text": PLAIN}], nlp))
    assert predictions == [{"id": "e", "causal": False, "relations": []},
                           {"id": 2, "causal": False, "relations": []}]


@pytest.mark.model
def test_links_run_links_bad_lines(nlp):
    lines = jsonl({"id": "a", "text": PLAIN}, '{"id": "b", "text": ', {"text": PLAIN}, "",
                  {"id": "c"}, {"id": "d", "text": PLAIN}).splitlines(keepends=True)
    out, errors = io.StringIO(), []
    counts = run_links(lines, out, errors.append, nlp)
    written = [json.loads(line) for line in out.getvalue().splitlines()]
    assert (counts, [(e.line, e.id) for e in errors], written) == (
        (5, 3),
        [(2, None), (3, None), (5, "c")],
        [{"id": "a", "causal": False, "relations": []},
         {"id": "c", "error": "line 5: the record 'c' has no 'text'"},
         {"id": "d", "causal": False, "relations": []}],
    )


@pytest.mark.model
def test_links_cli_reports_bad_lines_on_stderr(nlp, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl({"id": "a", "text": CAUSAL}, "not json", {"id": "c"}), encoding="utf-8")
    result = CliRunner().invoke(app, ["links", str(source), "-o", str(tmp_path / "out.jsonl")])
    assert (result.exit_code, result.stderr.splitlines()) == (1, [
        f"argmine: {source}:2: not valid JSON (Expecting value)",
        f"argmine: {source}:3: the record 'c' has no 'text'",
    ])


@pytest.mark.model
def test_links_cli_one_output_line_per_input_in_order(nlp, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl({"id": "x", "text": PLAIN}, {"id": "y", "text": CAUSAL}, {"id": "z", "text": ""}),
                      encoding="utf-8")
    result = CliRunner().invoke(app, ["links", str(source), "-o", str(tmp_path / "out.jsonl")])
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (result.exit_code, [(w["id"], w["causal"]) for w in written]) == (0, [("x", False), ("y", True), ("z", False)])


@pytest.mark.model
def test_links_cli_missing_input_exits_2(tmp_path):
    result = CliRunner().invoke(app, ["links", str(tmp_path / "absent.jsonl")])
    assert (result.exit_code, result.stderr) == (2, f"argmine: error: {tmp_path / 'absent.jsonl'}: no such file\n")


def _gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    relation = {"cause": "the union ran out of funds", "effect": "The strike failed", "cause_start": 26,
                "cause_end": 52, "effect_start": 0, "effect_end": 17, "signal": "because", "signal_spans": [[18, 25]]}
    gold.write_text(jsonl({"id": "g1", "text": CAUSAL, "causal": True, "relations": [relation]},
                          {"id": "g2", "text": PLAIN, "causal": False, "relations": []}), encoding="utf-8")
    return gold


def test_links_cli_eval_with_pred_file(tmp_path):
    gold = _gold_file(tmp_path)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(jsonl({"id": "g1", "causal": True, "relations": [
        {"cause": "the union", "effect": "The strike failed", "cause_start": 26, "cause_end": 35,
         "effect_start": 0, "effect_end": 17, "signal": "because"}]}, {"id": "g2", "causal": False, "relations": []}),
        encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred)])
    assert (result.exit_code, result.stdout.splitlines()[2]) == (
        0, "relations  P 0.000  R 0.000  F1 0.000   tp 0  fp 1  fn 1")


def test_links_cli_eval_exact_mode(tmp_path):
    gold = _gold_file(tmp_path)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(jsonl({"id": "g1", "causal": True, "relations": [
        {"cause": "the union ran out of funds", "effect": "strike failed", "cause_start": 26, "cause_end": 52,
         "effect_start": 4, "effect_end": 17, "signal": "because"}]}), encoding="utf-8")
    overlap = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred)]).stdout.splitlines()
    exact = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred), "--exact"]).stdout.splitlines()
    assert (overlap[2], exact[0], exact[2]) == (
        "relations  P 1.000  R 1.000  F1 1.000   tp 1  fp 0  fn 0",
        f"{tmp_path.name} (exact match)",
        "relations  P 0.000  R 0.000  F1 0.000   tp 0  fp 1  fn 1",
    )


@pytest.mark.model
def test_links_cli_eval_computes_predictions(nlp, tmp_path):
    result = CliRunner().invoke(app, ["eval", str(_gold_file(tmp_path))])
    assert (result.exit_code, result.stdout.splitlines()[2:4]) == (0, [
        "relations  P 1.000  R 1.000  F1 1.000   tp 1  fp 0  fn 0",
        "sentences  P 1.000  R 1.000  F1 1.000   tp 1  fp 0  fn 0",
    ])


def test_links_failed_extraction_yields_error_line_and_goes_on(monkeypatch):
    from argmine.batch import links as links_module
    from argmine.batch.process import ChapterResult

    def fake_process(chapters, nlp=None, n_process=1):
        for chapter in chapters:
            if chapter.id == "bad":
                raise RecursionError("maximum recursion depth exceeded")
            yield ChapterResult(chapter)

    monkeypatch.setattr(links_module, "process_chapters", fake_process)
    records = [{"id": "a", "text": "x"}, {"id": "bad", "text": "y"}, {"id": "c", "text": "z"}]
    assert list(predict_records(records)) == [
        {"id": "a", "causal": False, "relations": []},
        {"id": "bad", "error": "extraction failed (RecursionError: maximum recursion depth exceeded)"},
        {"id": "c", "causal": False, "relations": []},
    ]


@pytest.mark.model
def test_links_coordinated_causes_are_one_stated_relation(nlp):
    text = "Heavy rains and strong winds caused floods."
    [prediction] = predict_records([{"id": "a", "text": text}], nlp)
    assert [(r["cause"], r["effect"]) for r in prediction["relations"]] == [("Heavy rains and strong winds", "floods")]


@pytest.mark.model
def test_links_motives_are_reported_by_default_and_left_out_on_request(nlp):
    # a purpose is an intention (strength motive): reported for schemes that count purposes,
    # left out with motives=False; an achieved cause in the same passage stays either way
    text = "The millers closed the sluices to save the harvest. The dam burst because the rain did not stop."
    [kept] = predict_records([{"id": "a", "text": text}], nlp)
    [left] = predict_records([{"id": "a", "text": text}], nlp, motives=False)
    causes = lambda p: [r["cause"] for r in p["relations"]]
    assert "to save the harvest" in causes(kept)
    assert causes(left) == ["the rain did not stop"]
    assert left["causal"] is True


@pytest.mark.model
def test_links_cli_no_motives_option(tmp_path, nlp):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl({"id": "p", "text": "The envoys sailed to Genoa to negotiate a truce."}))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["links", str(source), "-o", str(out), "--no-motives"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text()) == {"id": "p", "causal": False, "relations": []}
