"""One writer per output format: a result written whole and the same records written slice by slice agree byte
for byte; the report draws each document's graph as SVG without matplotlib."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

from argmine.graph.result import build_result
from argmine.batch.runner import RunCache, encode_result
from argmine.records import CausalLink, Chapter, ChapterResult, Extraction
from argmine.batch.stream import write_streamed

FILES = ["argument.aif.json", "argument.argdown", "claims.csv", "claims.parquet", "concepts.csv", "concepts.parquet",
         "documents.csv", "documents.parquet", "graph.dot", "graph.gexf", "graph.graphml", "links.csv",
         "links.parquet", "resolutions.csv", "resolutions.parquet"]


def _link(doc_id: str, cause: str, effect: str, number: int, hedged: bool = False) -> CausalLink:
    sentence = f"{cause} caused {effect}."
    return CausalLink(doc_id=doc_id, sentence_index=number, cause_text=cause, effect_text=effect, cause_start=0,
                      cause_end=len(cause), effect_start=len(cause) + 8, effect_end=len(sentence) - 1, cue="caused",
                      cue_start=len(cause) + 1, cue_end=len(cause) + 7, cause_concept=cause, effect_concept=effect,
                      explicit=True, hedged=hedged, strength="sufficient", polarity="positive", confidence=0.9,
                      asserted_by="author", sentence=sentence, rule="test")


def _item(doc_id: str, pairs, **metadata) -> ChapterResult:
    links = [_link(doc_id, cause, effect, n, hedged=n % 2 == 1) for n, (cause, effect) in enumerate(pairs)]
    text = " ".join(link.sentence for link in links)
    return ChapterResult(Chapter(doc_id, text, metadata), Extraction(links=links, sentences=len(links)),
                         words=len(text.split()))


@pytest.fixture(scope="module")
def items() -> list[ChapterResult]:
    """Three made-up documents that share concepts (the graph files list a shared node once)."""
    return [_item("a", [("drought", "famine"), ("famine", "unrest")], title="First"),
            _item("b", [("war", "famine"), ("famine", "migration"), ("migration", "unrest")], publisher="=HYPER"),
            _item("c", [("drought", "harvest failure")], title="Third", pages="3-9")]


@pytest.mark.parametrize("slice_documents", [1, 2, 100])
def test_sinks_result_write_and_the_streamed_run_write_the_same_bytes(items, tmp_path, slice_documents):
    from argmine.export.writers import write_outputs

    write_outputs(build_result(items), tmp_path / "whole", png=False, report=False, slice_documents=slice_documents)
    with RunCache(tmp_path / "cache") as cache:
        cache.put_many([(item.chapter.id, encode_result(item)) for item in items])
        written, counts = write_streamed([item.chapter.id for item in items], cache, [], tmp_path / "sliced",
                                         png=False, report=False, slice_documents=slice_documents)
    assert counts == {"documents": 3, "links": 6, "claims": 0}
    assert sorted(path.name for path in written) == FILES
    differing = [name for name in FILES
                 if (tmp_path / "whole" / name).read_bytes() != (tmp_path / "sliced" / name).read_bytes()]
    assert differing == []


def test_sinks_slices_change_the_layout_of_parquet_and_graph_files_not_their_data(items, tmp_path):
    from argmine.export.writers import write_outputs

    result = build_result(items)
    for size in (1, 100):
        write_outputs(result, tmp_path / str(size), png=False, report=False, slice_documents=size)
    for name in ("documents.parquet", "links.parquet"):
        one, whole = pd.read_parquet(tmp_path / "1" / name), pd.read_parquet(tmp_path / "100" / name)
        assert one.to_dict("records") == whole.to_dict("records")
    one, whole = (nx.read_graphml(tmp_path / size / "graph.graphml") for size in ("1", "100"))
    def edges(graph):
        return sorted((u, v, sorted(d.items())) for u, v, d in graph.edges(data=True))

    assert (edges(one), len(one)) == (edges(whole), len(whole))
    assert [(tmp_path / "1" / n).read_bytes() == (tmp_path / "100" / n).read_bytes()
            for n in ("links.csv", "argument.argdown")] == [True, True]


def test_sinks_graph_files_number_links_across_slices_and_read_back(items, tmp_path):
    with RunCache(tmp_path / "cache") as cache:
        cache.put_many([(item.chapter.id, encode_result(item)) for item in items])
        write_streamed(["a", "b", "c"], cache, [], tmp_path / "out", png=False, report=False, slice_documents=2)
    graph = nx.read_graphml(tmp_path / "out" / "graph.graphml")
    causal = sorted((int(d["link_index"]), u, v) for u, v, d in graph.edges(data=True) if d["kind"] == "causal")
    assert causal == [(0, "concept:drought", "concept:famine"), (1, "concept:famine", "concept:unrest"),
                      (2, "concept:war", "concept:famine"), (3, "concept:famine", "concept:migration"),
                      (4, "concept:migration", "concept:unrest"), (5, "concept:drought", "concept:harvest failure")]
    assert graph.nodes["concept:famine"]["documents"] == "a; b"  # the corpus's concepts table, not one slice's
    assert nx.read_gexf(tmp_path / "out" / "graph.gexf").number_of_edges() == 6
    argdown = (tmp_path / "out" / "argument.argdown").read_text(encoding="utf-8")
    assert re.findall(r"^\[(\w) link (\d)\]", argdown, re.M) == [("a", "0"), ("a", "1"), ("b", "2"), ("b", "3"),
                                                                   ("b", "4"), ("c", "5")]


def test_sinks_csv_cells_are_neutralised_and_parquet_keeps_them(items, tmp_path):
    build_result(items).write(tmp_path, png=False, report=False)
    csv = pd.read_csv(tmp_path / "documents.csv", keep_default_na=False, dtype=str)
    parquet = pd.read_parquet(tmp_path / "documents.parquet")
    assert (list(csv["publisher"]), list(parquet["publisher"])) == (["", "'=HYPER", ""], ["", "=HYPER", ""])


def test_report_draws_each_document_graph_as_svg_without_matplotlib(items):
    import subprocess
    import sys

    from argmine.views.interactive import graph_svg

    svg = graph_svg(build_result(items), "b")
    root = ET.fromstring(svg)
    name = "{http://www.w3.org/2000/svg}"
    edges = root.findall(f"{name}path")
    labels = ["".join(text.itertext()) for text in root.iter(f"{name}text")]
    assert (len(edges), sorted(labels)) == (3, ["famine", "migration", "unrest", "war"])
    assert [edge.get("stroke-dasharray") for edge in edges] == [None, "5,3", None]  # the hedged link is dashed
    assert graph_svg(build_result(items), "nothing") == ""
    code = ("import sys; from argmine.views.report import render_report; from argmine.graph.result import Result; "
            "render_report(Result(chapters=[])); print('matplotlib' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_sinks_first_pass_gathered_while_parsing_changes_no_byte(items, tmp_path):
    from argmine.batch.stream import ConceptInputs

    records = [(item.chapter.id, encode_result(item)) for item in items]
    gathered = ConceptInputs()
    gathered.add_records(records[1:])  # "b" and "c" as the workers stored them; "a" comes from the cache
    with RunCache(tmp_path / "cache") as cache:
        cache.put_many(records)
        write_streamed(["a", "b", "c"], cache, [], tmp_path / "plain", png=False, report=False, slice_documents=2)
        write_streamed(["a", "b", "c"], cache, [], tmp_path / "gathered", png=False, report=False,
                       slice_documents=2, gathered=gathered)
    assert gathered.by_key == {}
    assert [n for n in FILES if (tmp_path / "plain" / n).read_bytes() != (tmp_path / "gathered" / n).read_bytes()] == []


def test_library_run_writes_what_the_command_writes(tmp_path):
    import argmine

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text("Heavy rains caused floods in the valley. The floods destroyed the harvest.",
                                             encoding="utf-8")
    with pytest.raises(ValueError, match="engine 'spark'"):
        argmine.run([tmp_path / "in"], tmp_path / "never", engine="spark")
    done = argmine.run([tmp_path / "in"], tmp_path / "out", workers=1, png=False, report=False)
    again = argmine.run([tmp_path / "in"], tmp_path / "out", workers=1, png=False, report=False)
    assert (done.counts["documents"], done.processed, done.cached, again.processed, again.cached) == (1, 1, 0, 0, 1)
    assert sorted(p.name for p in done.written) == FILES
    assert done.counts["links"] == len(pd.read_csv(tmp_path / "out" / "links.csv")) >= 1
    assert not (tmp_path / "never").exists()
