"""AIF JSON and Argdown: checked node by node and reference by reference."""
from __future__ import annotations

import doctest
import json
import re

import pytest

import argmine.graph.argument
import argmine.nlp.components.claims
import argmine.graph.network
from argmine.graph.argument import AIF_NODE_TYPES, aif_document, argdown_text, validate_aif, write_aif

pytestmark = pytest.mark.model

SCHEMES = {"RA", "CA", "MA"}


def _aif_problems(document: dict) -> list[str]:
    """The checks the issue asks for, written out here independently of ``validate_aif``."""
    problems = []
    kind = {n["nodeID"]: n["type"] for n in document["nodes"]}
    problems += [f"type {n['type']}" for n in document["nodes"] if n["type"] not in {"I", "L", "YA", "RA", "CA", "MA", "TA", "PA"}]
    problems += [f"edge {e['edgeID']}" for e in document["edges"] if e["fromID"] not in kind or e["toID"] not in kind]
    people = {p["participantID"] for p in document["participants"]}
    speaker = {l["nodeID"]: l["personID"] for l in document["locutions"]}
    problems += [f"L {n}" for n, k in kind.items() if k == "L" and speaker.get(n) not in people]
    for node, k in kind.items():
        if k in SCHEMES:
            ins = [e["fromID"] for e in document["edges"] if e["toID"] == node and kind[e["fromID"]] == "I"]
            outs = [e["toID"] for e in document["edges"] if e["fromID"] == node and kind[e["toID"]] == "I"]
            if not ins or not outs:
                problems.append(f"{k} {node}")
    return problems


def test_argument_seed_aif_passes_node_by_node_checks(seed_result):
    document = aif_document(seed_result)
    assert (_aif_problems(document), validate_aif(document)) == ([], [])


def test_argument_chapters_aif_passes_node_by_node_checks(chapters_result):
    document = aif_document(chapters_result)
    assert (_aif_problems(document), validate_aif(document)) == ([], [])


def test_argument_seed_aif_counts(seed_result):
    document = aif_document(seed_result)
    counts = {k: sum(1 for n in document["nodes"] if n["type"] == k) for k in ("I", "L", "YA", "RA", "CA", "MA")}
    claims, links = seed_result.claims, seed_result.link_records
    assert counts == {"I": len(claims) + len(links), "L": len(claims), "YA": len(claims),
                      "RA": int((claims["supports"] != "").sum()), "CA": int((claims["attacks"] != "").sum()),
                      "MA": sum(1 for l in links if l.claim_id)}


def test_argument_seed_participants_are_author_and_cited_scholarship(seed_result):
    people = [(p["firstname"], p["surname"]) for p in aif_document(seed_result)["participants"]]
    assert people == [("Cited scholarship", "in stakhanovite-movement.cambridge-core"),
                      ("Author", "of stakhanovite-movement.cambridge-core")]


def test_argument_seed_graded_links_read_as_propositions(seed_result):
    texts = {n["text"] for n in aif_document(seed_result)["nodes"] if n["type"] == "I"}
    wanted = {"interaction within enterprises caused suspicion of sabotage (hedged)",
              "suspicion of sabotage contributed to Great Terror"}
    assert wanted - texts == set()


def test_argument_aif_nodes_hold_only_aif_keys(seed_result):
    keys = {frozenset(n) for n in aif_document(seed_result)["nodes"]}
    assert keys == {frozenset({"nodeID", "text", "type", "timestamp"})}


def test_argument_written_aif_reads_back(seed_result, tmp_path):
    write_aif(seed_result, tmp_path / "a.json")
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8")) == aif_document(seed_result)


@pytest.mark.parametrize("broken, problem", [
    ({"nodes": [{"nodeID": "1", "text": "x", "type": "Z"}], "edges": []}, "node 1: type 'Z' is not an AIF node type"),
    ({"nodes": [{"nodeID": "1", "text": "x", "type": "I"}], "edges": [{"edgeID": "1", "fromID": "1", "toID": "9"}]},
     "edge 1: endpoint '9' is not a node"),
    ({"nodes": [{"nodeID": "1", "text": "x", "type": "L"}], "edges": []}, "node 1: L-node without a locution"),
    ({"nodes": [{"nodeID": "1", "text": "x", "type": "L"}], "edges": [], "locutions": [{"nodeID": "1", "personID": "7"}]},
     "node 1: locution by unknown participant '7'"),
    ({"nodes": [{"nodeID": "1", "text": "x", "type": "I"}, {"nodeID": "2", "text": "Default Inference", "type": "RA"}],
      "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}]}, "node 2: RA-node has no I-node going out"),
], ids=["type", "dangling-edge", "l-without-locution", "unknown-participant", "ra-without-conclusion"])
def test_argument_validate_aif_names_each_problem(broken, problem):
    assert validate_aif({"locutions": [], "participants": [], **broken}) == [problem]


def test_argument_aif_node_types_are_the_aif_set():
    assert AIF_NODE_TYPES == {"I", "L", "YA", "RA", "CA", "MA", "TA", "PA"}


def test_argument_argdown_relations_refer_to_defined_statements(chapters_result):
    text = argdown_text(chapters_result)
    defined = set(re.findall(r"^\[([^\]]+)\]:", text, flags=re.M))
    referred = set(re.findall(r"^  [+-] \[([^\]]+)\]$", text, flags=re.M))
    assert (len(defined) > 0, referred - defined) == (True, set())


def test_argument_argdown_statement_lines_have_no_stray_syntax(chapters_result):
    lines = [l for l in argdown_text(chapters_result).splitlines() if l.startswith("[")]
    body = [l.split("]: ", 1)[1].split(" #")[0] for l in lines]
    assert [b for b in body if re.search(r"[\[\]<>{}@]|//|/\*", b)] == []


def test_argument_argdown_seed_contrast_with_cited_scholarship(seed_result):
    text = argdown_text(seed_result)
    block = text.split("[stakhanovite-movement.cambridge-core u0]:", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines()[1:] == ["  - [stakhanovite-movement.cambridge-core u1]",
                                      "  - [stakhanovite-movement.cambridge-core u3]",
                                      "  - [stakhanovite-movement.cambridge-core u5]"]


@pytest.mark.parametrize("module", [argmine.graph.argument, argmine.graph.network, argmine.nlp.components.claims],
                         ids=["argument", "graph", "claims"])
def test_argument_module_doctests_pass(module):
    failures, tried = doctest.testmod(module)
    assert (failures, tried > 0) == (0, True)
