"""The rule files in models/: every cue rule matches its example; loaders are strict and round-trip."""
from __future__ import annotations

import json

import pytest

from pipeline.errors import RuleFileError
from pipeline.rules import CueRule, LexiconRule, load_cue_rules, load_lexicon, read_rule_file, rules_dir

CUE_RULES = load_cue_rules()
LEXICON = load_lexicon()


def _words(span) -> list[str]:
    return [t.lower_ for t in span]


@pytest.mark.model
@pytest.mark.parametrize("rule", CUE_RULES, ids=[r.id for r in CUE_RULES])
def test_rules_cue_rule_matches_its_example(nlp, rule):
    doc = nlp(rule.example)
    found = [
        (doc[link["cause"][0]:link["cause"][1]], doc[link["effect"][0]:link["effect"][1]])
        for link in doc._.causal_links if link["rule"] == rule.id
    ]
    hits = [(c.text, e.text) for c, e in found if rule.cause.lower() in _words(c) and rule.effect.lower() in _words(e)]
    assert len(hits) >= 1, f"{rule.id}: {rule.example!r} gave {[(c.text, e.text) for c, e in found]}"


@pytest.mark.parametrize("rule", CUE_RULES, ids=[r.id for r in CUE_RULES])
def test_rules_cue_rule_round_trips(rule):
    assert CueRule(**{k: tuple(v) if isinstance(v, list) else v for k, v in rule.to_json().items()}) == rule


@pytest.mark.parametrize("rule", LEXICON, ids=[r.id for r in LEXICON])
def test_rules_lexicon_entry_round_trips(rule):
    assert LexiconRule(**{k: tuple(v) if isinstance(v, list) else v for k, v in rule.to_json().items()}) == rule


def _lines(name: str) -> list[dict]:
    return [json.loads(line) for line in (rules_dir() / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("//")]


def test_rules_cue_file_lines_round_trip():
    assert [rule.to_json() for rule in load_cue_rules(verbs_path="", nouns_path="")] == _lines("causal_cues.jsonl")


def test_rules_derived_verb_file_lines_round_trip():
    """Every derived rule loads and round-trips (none is shadowed whole by a hand rule)."""
    hand = load_cue_rules(verbs_path="", nouns_path="")
    derived = load_cue_rules(nouns_path="")[len(hand):]
    assert [rule.id for rule in derived] == [line["id"] for line in _lines("causal_verbs.jsonl")]


def test_rules_derived_noun_file_lines_load_after_the_verbs():
    """The derived nouns come last; a lemma a hand rule of the same frame reads is left to the hand rule."""
    derived = CUE_RULES[len(load_cue_rules(nouns_path="")):]
    lines = _lines("causal_nouns.jsonl")
    assert [rule.id for rule in derived] == [line["id"] for line in lines]
    hand = {(r.frame, lemma) for r in load_cue_rules(verbs_path="", nouns_path="") for lemma in r.lemmas}
    for rule, line in zip(derived, lines):
        assert list(rule.lemmas) == [l for l in line["lemmas"] if (line["frame"], l) not in hand]


def test_rules_derived_rules_name_source_and_direction():
    derived = CUE_RULES[len(load_cue_rules(verbs_path="", nouns_path="")):]
    assert len(derived) >= 20
    assert [r.id for r in derived if not r.source.startswith(("VerbNet 3.4", "OEWN", "Open English WordNet"))] == []
    assert sorted({r.direction for r in derived}) == ["", "decrease", "increase"]


def test_rules_hand_rules_win_over_derived_lemmas(tmp_path):
    hand = tmp_path / "hand.jsonl"
    hand.write_text(json.dumps({"id": "mine", "frame": "verb", "lemmas": ["ravage", "curb"],
                                "example": "Floods ravaged the delta.", "cause": "floods", "effect": "delta"}) + "\n",
                    encoding="utf-8")
    rules = load_cue_rules(str(hand))
    assert rules[0].id == "mine"
    assert [r.id for r in rules if "ravage" in r.lemmas or "curb" in r.lemmas] == ["mine"]
    assert "vn-destroy-decrease" in {r.id for r in rules}
    assert [r.id for r in load_cue_rules(str(hand), verbs_path="", nouns_path="")] == ["mine"]


def test_rules_lexicon_file_lines_round_trip():
    lines = [json.loads(line) for line in (rules_dir() / "lexicon.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("//")]
    assert [rule.to_json() for rule in LEXICON] == lines


def test_rules_loader_rejects_unknown_key_with_file_and_line(tmp_path):
    path = tmp_path / "cues.jsonl"
    good = {"id": "a", "frame": "verb", "lemmas": ["cause"], "example": "Rain caused floods.", "cause": "rain",
            "effect": "floods"}
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "id": "b", "lemma": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        read_rule_file(path, CueRule, {"id", "frame", "lemmas", "example", "cause", "effect"})
    assert (caught.value.file, caught.value.line, caught.value.reason.startswith("unknown keys ['lemma']")) == (
        str(path), 2, True)


def test_rules_loader_rejects_missing_key_with_line(tmp_path):
    path = tmp_path / "lexicon.jsonl"
    path.write_text(json.dumps({"id": "w", "kind": "hedge", "words": ["may"]}) + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        read_rule_file(path, LexiconRule, {"id", "kind", "words", "example"})
    assert (caught.value.line, caught.value.reason) == (1, "missing keys ['example']")


def test_rules_cue_frames_are_known():
    from pipeline.components.causal import _FRAMES, _PHRASE_FRAMES

    assert sorted({r.frame for r in CUE_RULES} - set(_FRAMES) - set(_PHRASE_FRAMES)) == []


@pytest.mark.model
def test_rules_analyze_pipes_reports_no_problems(nlp):
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
