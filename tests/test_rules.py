"""The rule files in models/: every cue rule matches its example; loaders are strict and round-trip."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmine.errors import RuleFileError
from argmine.nlp.rules import CueRule, LexiconRule, load_cue_rules, load_lexicon, read_rule_file, rules_dir
from argmine.records import CausalLink, ArgumentativeUnit

_PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"

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


@pytest.mark.parametrize("rule", LEXICON.entries, ids=[r.id for r in LEXICON])
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
    assert [rule.to_json() for rule in LEXICON][:len(lines)] == lines
    nouns = [json.loads(line) for name in ("noun_classes.jsonl", "state_nouns.jsonl", "level_verbs.jsonl",
                                                                    "stance_words.jsonl", "locative_copulas.jsonl",
                                                                    "complement_nouns.jsonl")
             for line in (rules_dir() / name).read_text(encoding="utf-8").splitlines()]
    assert [rule.to_json() for rule in LEXICON][len(lines):] == nouns


def _shows_a_word(doc, rule) -> bool:
    """Whether the parsed example holds one of the entry's words (a token's lower form or lemma, or a phrase)."""
    lows, lemmas = [t.lower_ for t in doc], [t.lemma_.lower() for t in doc]
    for word in rule.words:
        parts = word.split()
        for i in range(len(doc) - len(parts) + 1):
            if all(parts[k] in (lows[i + k], lemmas[i + k]) for k in range(len(parts))):
                return True
    return False


@pytest.mark.model
@pytest.mark.parametrize("rule", LEXICON.entries, ids=[r.id for r in LEXICON])
def test_rules_lexicon_example_shows_its_words(nlp, rule):
    """Every lexicon and noun class entry's example holds one of its words (decrease roots: a noun below one)."""
    doc = nlp(rule.example)
    if rule.kind == "decrease_noun_root":
        from argmine.nlp.wordnet import wordnet

        net = wordnet()
        assert any(set(rule.words) & net.ancestors(t.lemma_.lower(), 3) for t in doc if t.pos_ == "NOUN"), rule.example
    else:
        assert _shows_a_word(doc, rule), f"{rule.id}: {rule.example!r} holds none of {rule.words[:8]}"


def _custom_lexicon(path, kind: str, word: str) -> str:
    """A copy of models/lexicon.jsonl without ``word`` in the entries of ``kind``."""
    out = []
    for line in (rules_dir() / "lexicon.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["kind"] == kind:
            record["words"] = [w for w in record["words"] if w != word]
        out.append(json.dumps(record))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return str(path)


def _pipeline(lexicon_path: str | None):
    from argmine.nlp.model import make_nlp

    nlp = make_nlp(components=())
    nlp.add_pipe("argmine_causal_links", config={"lexicon_path": lexicon_path})
    nlp.add_pipe("argmine_claims", config={"lexicon_path": lexicon_path})
    return nlp


def _summary(nlp, text: str):
    from argmine.extraction.extract import extract

    extraction = extract(nlp(text), "d")
    return ([(l.cause_concept, l.effect_concept, l.hedged) for l in extraction.links],
            [c.hedged for c in extraction.claims], [r.antecedents for r in extraction.resolutions])


@pytest.mark.model
@pytest.mark.parametrize("kind, word, text, packaged, custom", [
    # the causal component's frames (kind reaction): "erupted after X" is X -> fighting
    ("reaction", "erupt", "Fighting erupted after the council raised the bread price.",
     ([("increase in bread price", "fighting", False)], [False], []), ([], [False], [])),
    # the claims component (hedged unit) and factuality (hedged link) read the hedges
    ("hedge", "perhaps", "Perhaps the drought caused the famine.",
     ([("drought", "famine", True)], [True], []), ([("drought", "famine", False)], [False], [])),
    # concept naming drops "new"
    ("drop_modifier", "new", "New taxes caused riots.",
     ([("taxes", "riots", False)], [False], []), ([("new taxes", "riots", False)], [False], [])),
    # anaphora resolves "it"
    ("anaphoric_pronoun", "it", "The drought ruined the harvest. It caused a famine.",
     ([("drought", "harvest", False), ("drought", "famine", False)], [False, False], [("drought",)]),
     ([("drought", "harvest", False), ("it", "famine", False)], [False, False], [])),
])
def test_rules_custom_lexicon_reaches_every_stage(tmp_path, kind, word, text, packaged, custom):
    path = _custom_lexicon(tmp_path / "lexicon.jsonl", kind, word)
    assert _summary(_pipeline(None), text) == packaged
    assert _summary(_pipeline(path), text) == custom


@pytest.mark.model
def test_rules_components_with_different_lexicons_are_refused(tmp_path):
    from argmine.errors import LexiconMismatchError
    from argmine.nlp.model import make_nlp

    nlp = make_nlp(components=())
    nlp.add_pipe("argmine_causal_links", config={"lexicon_path": _custom_lexicon(tmp_path / "a.jsonl", "hedge", "may")})
    nlp.add_pipe("argmine_claims")
    with pytest.raises(LexiconMismatchError, match="different lexicons"):
        nlp("The drought may have caused the famine.")


def test_rules_custom_lexicon_may_not_change_packaged_kinds(tmp_path):
    path = _custom_lexicon(tmp_path / "lexicon.jsonl", "relative_pronoun", "whose")
    with pytest.raises(RuleFileError, match="kind 'relative_pronoun' differs"):
        load_lexicon(path)


def test_rules_lexicon_groups_words_by_kind_and_value():
    assert LEXICON.words("anaphoric_pronoun", "plural") == frozenset(
        {"they", "them", "their", "themselves", "these", "those"})
    assert LEXICON.value_of("ordinal_number", "second") == "2"
    assert LEXICON.words("no_such_kind") == frozenset()
    assert LEXICON.words("concrete_noun", "group") | LEXICON.words("group_noun") >= {"audience", "guild"}


@pytest.mark.parametrize("line, message", [
    ('{"id": "x", "frame": "verb", "lemmas": ["cause"], "example": "A caused B.", "cause": "A", "effect": "B", '
     '"keeps_infinitive": "yes"}', "'keeps_infinitive' must be true or false"),
    ('{"id": "x", "frame": "verbal", "lemmas": ["cause"], "example": "A caused B.", "cause": "A", "effect": "B"}',
     "'frame' must be one of"),
    ('{"id": "x", "frame": "verb", "lemmas": ["cause"], "example": "A caused B.", "cause": "A", "effect": "B", '
     '"confidence": "high"}', "'confidence' must be a number"),
])
def test_rules_loader_rejects_wrong_value_types(tmp_path, line, message):
    path = tmp_path / "cues.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=message):
        read_rule_file(path, CueRule, {"id", "frame", "lemmas", "example", "cause", "effect"})


def test_rules_behaviour_flags_are_rule_fields():
    from argmine.nlp.rules import load_claim_rules

    assert [r.id for r in CUE_RULES if r.nominalized_effect] == ["verb-weaken"]
    assert [r.id for r in CUE_RULES if r.keeps_infinitive] == ["verb-prevent"]
    assert [r.id for r in load_claim_rules() if r.conclusion] == ["thesis-conclusion"]


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
    from argmine.nlp.components.causal import _FRAMES, _PHRASE_FRAMES

    assert sorted({r.frame for r in CUE_RULES} - set(_FRAMES) - set(_PHRASE_FRAMES)) == []


@pytest.mark.model
def test_rules_analyze_pipes_reports_no_problems(nlp):
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}


# -- no English word lists in code ---------------------------------------------------

#: the modules that read words (the components' inline lists and corpus.py's language data are not yet moved)
#: Every module of the stages that read words: the NLP stage (components included), extraction and graph.
_WORD_READERS = tuple(sorted(str(path.relative_to(_PACKAGE).with_suffix("")) for stage in ("nlp", "extraction", "graph")
                             for path in (_PACKAGE / stage).rglob("*.py")))
#: dependency labels, part-of-speech names and spaCy's morphology: not English words
_PARSE_LABELS = frozenset(
    "nsubj nsubjpass dobj pobj prep amod acl advcl conj cc punct mark compound poss det relcl ccomp xcomp attr acomp "
    "neg aux auxpass npadvmod nmod appos pcomp advmod agent dative oprd csubj csubjpass expl quantmod nummod "
    "preconj predet prt parataxis dep case intj meta obj".split())


def _code_vocabulary() -> frozenset[str]:
    """Strings that name argmine's own values (kinds, fields, frames, modalities), not English words."""
    import typing

    from argmine.extraction.factuality import MODALITIES
    from argmine.nlp.rules import ClaimRule

    names = set(LEXICON.by_kind) | set(MODALITIES) | {"synonym", "hypernym", "demonstrative", "summary",
                                                             "negated"}  # "negated": an edge state of the graph
    for record in (CueRule, LexiconRule, ClaimRule, CausalLink, ArgumentativeUnit):
        for name, hint in typing.get_type_hints(record).items():
            names.add(name)
            names.update(a for a in typing.get_args(hint) if isinstance(a, str))
    return frozenset(names) | _PARSE_LABELS


def _word_lists(path) -> list[tuple[int, list[str]]]:
    import ast
    import re

    allowed = _code_vocabulary()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    suffixes = {id(arg) for call in ast.walk(tree) if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr in ("endswith", "startswith") for arg in call.args}  # spelling, not words
    found = []
    for node in ast.walk(tree):
        if id(node) in suffixes:
            continue
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)) and len(node.elts) >= 2 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            values = [e.value for e in node.elts]
            if all(re.fullmatch(r"[a-z][a-z' ]*", v) for v in values) and not set(values) <= allowed:
                found.append((node.lineno, values))
    return found


def test_rules_no_english_word_lists_in_code():
    """Tuples, sets and lists of two or more lower-case words live in models/lexicon.jsonl, not in pipeline/."""
    from pathlib import Path

    import argmine

    root = Path(argmine.__file__).parent
    found = {name: lists for name in _WORD_READERS if (lists := _word_lists(root / f"{name}.py"))}
    assert found == {}


def test_rules_word_list_check_finds_a_list(tmp_path):
    path = tmp_path / "module.py"
    path.write_text('QUANTIFIERS = ("all", "each")\nDEPS = ("nsubj", "dobj")\nx = "ties".endswith(("ss", "us"))\n',
                    encoding="utf-8")
    assert _word_lists(path) == [(1, ["all", "each"])]
