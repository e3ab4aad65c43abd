"""Every export file opens again: GraphML and GEXF in networkx, DOT, AIF, Argdown, Parquet beside CSV.

Checked on what `argmine run` writes (the streamed writer) and on what ``Result.write`` writes, for a
corpus whose text holds XML-special characters, and on hand-made records holding control characters.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

from conftest import ROOT, SEED
from argmine.graph.result import Result
from argmine.graph.argument import aif_document, argdown_text, validate_aif, write_aif, write_argdown
from argmine.export.writers import write_dot, write_gexf, write_graphml
from argmine.extraction.extract import Extraction
from argmine.batch.process import ChapterResult
from argmine.records import CausalLink, Chapter, ArgumentativeUnit
from test_argument import _aif_problems

pytestmark = pytest.mark.model

SPECIAL = ("Heavy <rains> & \"floods\" caused the famine in the valley of O'Neill. Recent studies have argued "
           "that the <b>blockade</b> & the harvest caused the famine.\n")
HOSTILE = "a <b> & \"c\" 'd' \x01\x0b\x1f\ud800\ufffe end"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEED, folder / SEED.name)
    (folder / "special.txt").write_text(SPECIAL, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def run_dir(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    completed = subprocess.run([sys.executable, "-m", "argmine", "run", str(corpus), "--out", str(out), "--quiet"],
                               cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr
    return out


@pytest.fixture(scope="module")
def api_dir(corpus, tmp_path_factory):
    from argmine import analyze_corpus

    out = tmp_path_factory.mktemp("api")
    analyze_corpus([corpus]).write(out, png=False, report=False)
    return out


@pytest.fixture(params=["run", "api"])
def out_dir(request):
    return request.getfixturevalue(f"{request.param}_dir")


def _tables(folder):
    return (pd.read_csv(folder / "claims.csv", keep_default_na=False), pd.read_csv(folder / "links.csv", keep_default_na=False))


def _kinds(graph) -> dict[str, int]:
    kinds = {}
    for _, data in graph.nodes(data=True):
        kinds[f"node:{data['kind']}"] = kinds.get(f"node:{data['kind']}", 0) + 1
    for _, _, data in graph.edges(data=True):
        kinds[f"edge:{data['kind']}"] = kinds.get(f"edge:{data['kind']}", 0) + 1
    return kinds


def test_export_graphml_reads_back_with_every_claim_and_link(out_dir):
    graph = nx.read_graphml(out_dir / "graph.graphml")
    claims, links = _tables(out_dir)
    kinds = _kinds(graph)
    assert (kinds["node:claim"], kinds["edge:causal"], kinds["edge:support"], kinds["edge:attack"]) == (
        len(claims), len(links), int((claims["supports"] != "").sum()), int((claims["attacks"] != "").sum()))


def test_export_gexf_reads_back_like_graphml(out_dir):
    assert _kinds(nx.read_gexf(out_dir / "graph.gexf")) == _kinds(nx.read_graphml(out_dir / "graph.graphml"))


def test_export_graphml_causal_edges_carry_grading(out_dir):
    graph = nx.read_graphml(out_dir / "graph.graphml")
    causal = [d for _, _, d in graph.edges(data=True) if d["kind"] == "causal"]
    missing = [d for d in causal if not {"hedged", "strength", "polarity", "asserted_by", "claim_id"} <= set(d)]
    assert (len(causal) > 0, missing) == (True, [])


def test_export_graphml_key_ids_are_unique_and_declared(out_dir):
    root = ET.parse(out_dir / "graph.graphml").getroot()
    keys = [(k.get("id"), k.get("for")) for k in root.iter(f"{GRAPHML}key")]
    declared = {key_id: domain for key_id, domain in keys}
    used = {(d.get("key"), parent) for parent in ("node", "edge") for element in root.iter(f"{GRAPHML}{parent}")
            for d in element.iter(f"{GRAPHML}data")}
    assert (len(keys) == len(declared), sorted(u for u in used if declared.get(u[0]) != u[1])) == (True, [])


def test_export_graphml_keeps_xml_special_characters(out_dir):
    graph = nx.read_graphml(out_dir / "graph.graphml")
    texts = {d.get("text") for _, d in graph.nodes(data=True) if d["kind"] == "claim"}
    claims, _ = _tables(out_dir)
    assert texts == set(claims["text"])


def test_export_dot_has_a_statement_per_node_and_edge(out_dir):
    graph = nx.read_graphml(out_dir / "graph.graphml")
    lines = (out_dir / "graph.dot").read_text(encoding="utf-8").splitlines()
    quoted = r'"(?:[^"\\]|\\.)*"'
    nodes = [l for l in lines if re.fullmatch(rf"  {quoted} \[label={quoted}, shape=\w+\];", l)]
    edges = [l for l in lines if re.fullmatch(rf"  {quoted} -> {quoted} \[label={quoted}(, [^\]]*)?\];", l)]
    assert (lines[0], lines[-1], len(nodes), len(edges), len(lines)) == (
        "digraph argmine {", "}", graph.number_of_nodes(), graph.number_of_edges(), graph.number_of_nodes() + graph.number_of_edges() + 4)


def test_export_aif_validates_node_by_node(out_dir):
    document = json.loads((out_dir / "argument.aif.json").read_text(encoding="utf-8"))
    claims, links = _tables(out_dir)
    i_nodes = sum(1 for n in document["nodes"] if n["type"] == "I")
    assert (validate_aif(document), _aif_problems(document), i_nodes) == ([], [], len(claims) + len(links))


def test_export_argdown_relations_refer_to_defined_statements(out_dir):
    text = (out_dir / "argument.argdown").read_text(encoding="utf-8")
    defined = re.findall(r"^\[([^\]]+)\]:", text, flags=re.M)
    referred = set(re.findall(r"^  [+-] \[([^\]]+)\]$", text, flags=re.M))
    claims, links = _tables(out_dir)
    assert (len(defined), len(set(defined)), referred - set(defined)) == (len(claims) + len(links), len(defined), set())


@pytest.mark.parametrize("table", ["documents", "claims", "links", "concepts", "resolutions"])
def test_export_parquet_beside_each_csv_holds_the_same_rows(out_dir, table):
    csv = pd.read_csv(out_dir / f"{table}.csv", keep_default_na=False)
    parquet = pd.read_parquet(out_dir / f"{table}.parquet")
    assert (list(parquet.columns), len(parquet)) == (list(csv.columns), len(csv))


def _hostile_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name=HOSTILE)
    graph.add_node(f"claim:{HOSTILE}", kind="claim", label=HOSTILE, text=HOSTILE, hedged=True)
    graph.add_node("concept:x", kind="concept", label="x", mentions=1)
    graph.add_edge(f"claim:{HOSTILE}", "concept:x", key=f"k{HOSTILE}", kind="asserts", label=HOSTILE, strength="sufficient")
    return graph


CLEAN = "a <b> & \"c\" 'd' \ufffd\ufffd\ufffd\ufffd\ufffd end"


@pytest.mark.parametrize("writer, reader", [(write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)], ids=["graphml", "gexf"])
def test_export_xml_writers_escape_any_text(tmp_path, writer, reader):
    path = tmp_path / "g.xml"
    writer(_hostile_graph(), path)
    graph = reader(path)
    node = f"claim:{CLEAN}"
    edge = next(iter(graph.edges(data=True)))
    assert (sorted(graph.nodes), graph.nodes[node]["label"], edge[2]["label"]) == (sorted([node, "concept:x"]), CLEAN, CLEAN)


def test_export_dot_writer_drops_control_characters_and_escapes_quotes(tmp_path):
    write_dot(_hostile_graph(), tmp_path / "g.dot")
    text = (tmp_path / "g.dot").read_text(encoding="utf-8")
    assert (re.findall("[\x00-\x08\x0b\x0c\x0e-\x1f]", text), 'label="a <b> & \\"c\\" \'d\'  end"' in text) == ([], True)


TABLE_HOSTILE = HOSTILE.replace("\ud800", "")  # pandas' Arrow strings cannot hold a lone surrogate


def _hostile_result() -> Result:
    claim = ArgumentativeUnit(doc_id=f"d{TABLE_HOSTILE}", claim_id=f"d{TABLE_HOSTILE}:u0", sentence_index=0, start=0, end=len(TABLE_HOSTILE),
                  text=TABLE_HOSTILE, type="claim", asserted_by="author", hedged=False, polarity="positive")
    link = CausalLink(doc_id=claim.doc_id, sentence_index=0, cause_text="a", effect_text="end", cause_start=0, cause_end=1,
                      effect_start=len(TABLE_HOSTILE) - 3, effect_end=len(TABLE_HOSTILE), cue=TABLE_HOSTILE, cue_start=2,
                      cue_end=3, cause_concept=f"<{TABLE_HOSTILE}>", effect_concept="end", explicit=True, hedged=True,
                      strength="contributory", polarity="positive", confidence=0.5, asserted_by="actor",
                      sentence=TABLE_HOSTILE, rule="r", claim_id=claim.claim_id)
    chapter = ChapterResult(Chapter(claim.doc_id, TABLE_HOSTILE), Extraction(links=[link], claims=[claim]))
    return Result(chapters=[chapter], link_records=[link])


def test_export_aif_of_hostile_text_is_valid_json_without_control_characters(tmp_path):
    write_aif(_hostile_result(), tmp_path / "a.json")
    raw = (tmp_path / "a.json").read_text(encoding="utf-8")
    document = json.loads(raw)
    texts = [n["text"] for n in document["nodes"]]
    assert (validate_aif(document), [t for t in texts if re.search("[\x00-\x1f\ud800-\udfff]", t)]) == ([], [])


def test_export_argdown_of_hostile_text_keeps_one_statement_per_line(tmp_path):
    write_argdown(_hostile_result(), tmp_path / "a.argdown")
    lines = (tmp_path / "a.argdown").read_text(encoding="utf-8").splitlines()
    statements = [l for l in lines if l.startswith("[")]
    assert (len(statements), [l for l in lines if re.search("[\x00-\x08\x0b-\x1f<>{}]", l)]) == (2, [])


def test_export_argmine_run_and_result_write_write_the_same_bytes(run_dir, api_dir):
    """One writer per format: every file Result.write wrote equals the one `argmine run` wrote."""
    names = sorted(p.name for p in api_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    assert len(names) == 15
    assert [n for n in names if (api_dir / n).read_bytes() != (run_dir / n).read_bytes()] == []
