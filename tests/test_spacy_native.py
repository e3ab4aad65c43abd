"""argmine's components follow spaCy's component protocol: ``initialize``,
``to_disk`` and ``from_disk`` carry their rules with a saved pipeline, which
``spacy.load`` opens in a new process; the compiled claim rules and hedge index
decide exactly as the plain scan over every pattern does."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

from argmine.nlp.components.causal import CausalLinkFinder
from argmine.nlp.components.claims import ClaimUnitFinder, PhraseRules, RuleMatch, find_pattern
from argmine.nlp.rules import ClaimRule, load_claim_rules, load_cue_rules

TEXT = ("This essay surveys the grain trade of the river ports. Poor harvests caused a famine in the north. "
        "We survey the ledgers of the merchants, but the clerks may have destroyed the older books.")

#: a claim rule of the test's own, ranked above every shipped rule
EXTRA_RULE = {"id": "test-we-survey", "sets": "type", "value": "background", "patterns": ["we survey"],
              "example": "We survey the ledgers of the merchants.", "priority": 99}

LOAD = """
import json, sys
from thinc.api import NumpyOps, set_current_ops
set_current_ops(NumpyOps(use_blis=False))  # the ops argmine parses with (argmine.nlp.model.use_fast_ops)
import spacy
nlp = spacy.load(sys.argv[1])
doc = nlp(sys.argv[2])
print(json.dumps({"pipes": nlp.pipe_names, "links": doc._.causal_links, "units": doc._.claim_units}))
"""


def _naive_first(rules: tuple[ClaimRule, ...], forms, sets):
    """Every pattern of every rule deciding ``sets``, highest priority first: what PhraseRules compiles."""
    for rule in sorted((r for r in rules if r.sets == sets), key=lambda r: -r.priority):
        for pattern in rule.patterns:
            found = find_pattern(forms, pattern)
            if found is not None:
                return RuleMatch(rule, " ".join(forms[i][0] for i in range(*found)))
    return None


def test_claim_rules_round_trip_through_to_disk_and_from_disk(tmp_path):
    finder = ClaimUnitFinder()
    finder.to_disk(tmp_path / "claims")
    assert (tmp_path / "claims" / "claim_rules.jsonl").read_text(encoding="utf-8").count("\n") == len(finder.rules.rules)
    other = ClaimUnitFinder(rules_path=None)
    other.compile_rules(())
    assert other.rules.rules == ()
    assert other.from_disk(tmp_path / "claims") is other
    assert other.rules.rules == load_claim_rules()


def test_cue_rules_round_trip_through_to_disk_and_from_disk(tmp_path):
    nlp = spacy.blank("en")
    finder = CausalLinkFinder(nlp)
    finder.to_disk(tmp_path / "causal")
    other = CausalLinkFinder(nlp)
    other.compile_rules(())
    assert other.by_lemma == {} and other.phrase_rules == {}
    other.from_disk(tmp_path / "causal")
    assert other.rules == load_cue_rules()
    assert other.rules == finder.rules
    assert sorted(other.phrase_rules) == sorted(finder.phrase_rules)
    assert {k: [r.id for r in v] for k, v in other.by_lemma.items()} == {k: [r.id for r in v] for k, v in finder.by_lemma.items()}


def test_initialize_reads_a_rule_file_and_the_rule_decides(tmp_path):
    path = tmp_path / "rules.jsonl"
    path.write_text(json.dumps(EXTRA_RULE) + "\n", encoding="utf-8")
    finder = ClaimUnitFinder()
    finder.initialize(rules_path=str(path))
    assert [r.id for r in finder.rules.rules] == ["test-we-survey"]
    forms = [("we", "we"), ("survey", "survey"), ("the", "the"), ("ledgers", "ledger")]
    match = finder.rules.first(forms, "type")
    assert (match.rule.id, match.words) == ("test-we-survey", "we survey")
    assert finder.rules.first(forms, "asserted_by") is None
    finder.initialize()  # no file: the rules stay
    assert [r.id for r in finder.rules.rules] == ["test-we-survey"]


@pytest.mark.parametrize("words", [
    "this essay argues that the tariff ruined the weavers",
    "in sum , the famine followed the war",
    "however , the harvest failed",
    "these findings suggest that rents rose",
    "the council , in short , was bankrupt",
    "historians have argued that the revolt was local",
    "our study of the ports shows that trade fell",
    "",
])
def test_compiled_claim_rules_decide_as_the_plain_scan(words):
    rules = load_claim_rules()
    compiled = PhraseRules(rules)
    lemmas = {"argues": "argue", "findings": "finding", "argued": "argue", "shows": "show", "was": "be", "rose": "rise",
              "followed": "follow", "failed": "fail", "ruined": "ruin", "weavers": "weaver", "rents": "rent", "ports": "port"}
    forms = [(w, lemmas.get(w, w)) for w in words.split()]
    for sets in ("type", "asserted_by", "relation"):
        assert compiled.first(forms, sets) == _naive_first(rules, forms, sets)


@pytest.mark.model
def test_compiled_hedges_find_what_the_plain_scan_finds(nlp):
    """The hedge index against the scan it replaced (every hedge, longest first, at every position)."""
    from argmine.nlp.components.claims import _MODALS, _in_main_clause

    finder = nlp.get_pipe("argmine_claims")

    def plain(unit):
        tokens = [t for t in unit if not t.is_space]
        lows = [t.lower_ for t in tokens]
        lemmas = [t.lemma_.lower() for t in tokens]
        for hedge in finder.hedges:
            width = len(hedge)
            for start in range(len(tokens) - width + 1):
                if tuple(lows[start:start + width]) != hedge and tuple(lemmas[start:start + width]) != hedge:
                    continue
                head = tokens[start]
                if width == 1 and head.pos_ in ("PROPN", "NOUN"):
                    continue
                if head.lower_ in _MODALS and not _in_main_clause(head, unit):
                    continue
                if head.lower_ in ("could", "can") and start + 1 < len(tokens) and lows[start + 1] in ("not", "n't", "no"):
                    continue
                if hedge == ("at", "least") and start + 2 < len(tokens) and lows[start + 2] == "as":
                    continue
                return " ".join(lows[start:start + width])
        return ""

    doc = nlp("The drought perhaps weakened the town, and it may well have ruined the guilds. "
              "It seems likely that the tax was at least as heavy as the tithe. They could not leave, "
              "although the council might possibly have helped them. In May the mills probably closed.")
    found = [finder._hedge(doc[u["start"]:u["end"]]) for u in doc._.claim_units]
    assert found == [plain(doc[u["start"]:u["end"]]) for u in doc._.claim_units]
    assert found == [u["hedge"] for u in doc._.claim_units]
    assert any(found)


@pytest.mark.model
def test_every_requirement_of_the_components_is_assigned_before_them(nlp):
    analysis = nlp.analyze_pipes()
    assert analysis["problems"]["argmine_causal_links"] == []
    assert analysis["problems"]["argmine_claims"] == []
    assert "doc._.causal_links" in analysis["summary"]["argmine_claims"]["requires"]
    assert nlp.pipe_names.index("argmine_causal_links") < nlp.pipe_names.index("argmine_claims")


@pytest.mark.model
@pytest.mark.slow
def test_a_saved_pipeline_loads_with_spacy_load_in_a_new_process(tmp_path):
    from argmine.nlp.model import make_nlp

    rules = tmp_path / "rules.jsonl"
    shipped = [json.dumps(rule.to_json()) for rule in load_claim_rules()]
    rules.write_text("\n".join([json.dumps(EXTRA_RULE), *shipped]) + "\n", encoding="utf-8")
    nlp = make_nlp()
    nlp.get_pipe("argmine_claims").initialize(rules_path=str(rules))
    expected = nlp(TEXT)
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    rules.unlink()  # the rules must travel inside the saved folder
    assert (saved / "argmine_claims" / "claim_rules.jsonl").exists()
    assert (saved / "argmine_causal_links" / "cues.jsonl").exists()

    done = subprocess.run([sys.executable, "-c", LOAD, str(saved), TEXT], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded["pipes"] == nlp.pipe_names
    assert loaded["links"] == json.loads(json.dumps(expected._.causal_links))
    assert loaded["units"] == json.loads(json.dumps(expected._.claim_units))
    assert [u["rules"][:1] for u in loaded["units"] if u["type"] == "background"] == [["test-we-survey"]]
    assert [l["rule"] for l in loaded["links"]][:1] == ["verb-cause"]


@pytest.mark.model
def test_paragraph_breaks_count_blank_lines_as_str_count_does(nlp):
    from argmine.nlp.components.claims import _paragraph_breaks
    from bisect import bisect_right

    text = ("The mills closed.\n\nThe weavers left the town.  \n \n\nRents fell, and the guild\nsold its hall.\n\n\n"
            "Prices rose again.\n\n\n\nThe council met.\n\n")
    doc = nlp.make_doc(text)
    breaks = _paragraph_breaks(doc)
    assert [bisect_right(breaks, k) for k in range(len(text) + 1)] == [text[:k].count("\n\n") for k in range(len(text) + 1)]
    assert len(breaks) == text.count("\n\n") == 6


@pytest.mark.model
def test_component_output_survives_docbin_as_plain_data(nlp):
    """doc._ holds plain data (lists and dicts of numbers and strings), so it survives Doc serialisation.

    DocBin, Doc.to_bytes and nlp.pipe(n_process>1) pass ``user_data`` through msgpack, which takes
    plain data only; the typed view of the same links is the Span groups argmine_cause/effect/cue.
    """
    from spacy.tokens import DocBin

    doc = nlp("The long drought led to widespread hunger, so the peasants of the valley rebelled.")
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = next(DocBin(store_user_data=True).from_bytes(stored).get_docs(nlp.vocab))
    as_lists = [{key: list(value) if isinstance(value, tuple) else value for key, value in link.items()}
                for link in back._.causal_links]
    assert as_lists == doc._.causal_links
    assert [(s.start, s.end) for s in back.spans["argmine_cause"]] == [(s.start, s.end) for s in doc.spans["argmine_cause"]]
    assert len(doc._.causal_links) == 2
