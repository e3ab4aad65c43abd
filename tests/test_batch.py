"""Batch runs: the cache, parallel and Dask engines, resuming after SIGKILL, streamed outputs."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from conftest import ROOT

pytestmark = pytest.mark.model

N_DOCS = 24


def _files(folder: Path) -> dict[str, bytes]:
    """Every output file (not the cache) by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _run(corpus: Path, out: Path, *options: str, check: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "argmine", "run", str(corpus), "--out", str(out), "--no-png", "--no-report",
               *options]
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if check:
        assert completed.returncode == 0, completed.stderr
    return completed


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from bench.benchmark import make_documents, write_documents

    path = tmp_path_factory.mktemp("batch") / "docs.jsonl"
    write_documents(make_documents(N_DOCS, seed=7), path)
    return path


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """An uninterrupted one-worker run, and what it printed."""
    out = tmp_path_factory.mktemp("reference")
    completed = _run(corpus, out, "--workers", "1", "--batch-size", "4")
    return out, completed.stderr


def test_batch_reference_run_prints_only_its_summary_when_not_a_terminal(reference):
    _, stderr = reference
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"argmine: {N_DOCS} document(s), ")


def test_batch_two_workers_write_identical_files(corpus, reference, tmp_path):
    _run(corpus, tmp_path, "--workers", "2", "--batch-size", "4", "--quiet")
    assert _files(tmp_path) == _files(reference[0])


def test_batch_rerun_takes_every_document_from_the_cache(corpus, reference, tmp_path):
    cache = tmp_path / "cache"
    _run(corpus, tmp_path / "first", "--workers", "1", "--cache", str(cache), "--quiet")
    second = _run(corpus, tmp_path / "second", "--workers", "1", "--cache", str(cache))
    assert f"{N_DOCS} document(s) ({N_DOCS} from the cache)" in second.stderr
    assert _files(tmp_path / "second") == _files(reference[0])


def _cached(cache_file: Path) -> int:
    if not cache_file.exists():
        return 0
    try:
        with sqlite3.connect(cache_file, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the table is not created yet
        return 0


def test_batch_run_killed_midway_resumes_to_identical_outputs(corpus, reference, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "argmine", "run", str(corpus), "--out", str(out), "--no-png", "--no-report",
               "--workers", "1", "--batch-size", "1", "--quiet"]
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    cache_file = out / ".argmine-cache" / "documents.sqlite"
    deadline = time.monotonic() + 300
    while _cached(cache_file) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done_before = _cached(cache_file)
    assert 3 <= done_before < N_DOCS
    assert not (out / "links.csv").exists()
    second = _run(corpus, out, "--workers", "1", "--batch-size", "1")
    assert f"({done_before} from the cache)" in second.stderr
    assert _files(out) == _files(reference[0])
    assert [p.name for p in out.iterdir() if p.name.startswith(".argmine-staging-")] == []


def test_batch_dask_local_cluster_writes_identical_files_loading_the_pipeline_once_per_worker(corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    from argmine.batch.runner import DaskEngine, RunCache, run_corpus
    from argmine.batch.stream import write_streamed

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        with RunCache(tmp_path / "cache") as cache:
            summary = run_corpus([str(corpus)], cache, DaskEngine(cluster.scheduler_address, batch_size=4), batch_size=4)
            write_streamed(summary.keys, cache, summary.problems, tmp_path / "out", png=False, report=False)
        loads = client.run(lambda: __import__("argmine.nlp.model", fromlist=["load_nlp"]).load_nlp.cache_info().misses)
    assert sorted(loads.values()) == [1, 1]
    assert _files(tmp_path / "out") == _files(reference[0])


def test_batch_dask_engine_from_the_command_line_matches_local(corpus, reference, tmp_path):
    pytest.importorskip("distributed")
    _run(corpus, tmp_path, "--engine", "dask", "--workers", "2", "--batch-size", "4", "--quiet")
    assert _files(tmp_path) == _files(reference[0])


def test_batch_scheduler_without_dask_engine_is_a_usage_error(corpus, tmp_path):
    completed = _run(corpus, tmp_path, "--scheduler", "tcp://127.0.0.1:8786", check=False)
    assert (completed.returncode, completed.stderr.strip()) == (2, "argmine: error: --scheduler needs --engine dask")


# -- the cache and the streamed writer, without parsing ------------------------------------------------


def test_batch_cache_round_trips_a_chapter_result(chapters_result, tmp_path):
    from argmine.batch.runner import RunCache, encode_result

    item = chapters_result.chapters[0]
    with RunCache(tmp_path) as cache:
        cache.put_many([("k", encode_result(item))])
        assert ("k" in cache, cache.get("k")) == (True, item)


def test_batch_document_key_changes_with_metadata():
    from argmine.batch.runner import document_key
    from argmine.records import Chapter

    keys = {document_key(Chapter("a", "Text.", {"title": title}), "v") for title in ("One", "Two")}
    assert len(keys) == 2


@pytest.fixture(scope="module")
def streamed(chapters_result, tmp_path_factory):
    """The test chapters written by the streaming writer in slices of 3 documents, and by Result.write."""
    from argmine.batch.runner import RunCache, encode_result
    from argmine.batch.stream import write_streamed

    folder = tmp_path_factory.mktemp("streamed")
    keys = [f"key{i}" for i in range(len(chapters_result.chapters))]
    with RunCache(folder / "cache") as cache:
        cache.put_many((key, encode_result(item)) for key, item in zip(keys, chapters_result.chapters))
        write_streamed(keys, cache, chapters_result.problems, folder / "streamed", png=False, report=False,
                       slice_documents=3)
    chapters_result.write(folder / "memory", png=False, report=False)
    return folder / "streamed", folder / "memory"


def test_batch_streamed_writes_the_files_result_write_writes(streamed):
    ours, theirs = (sorted(p.name for p in folder.iterdir() if p.is_file()) for folder in streamed)
    assert ours == theirs


@pytest.mark.parametrize("table", ["documents", "claims", "links", "concepts", "resolutions"])
def test_batch_streamed_csv_equals_in_memory(streamed, table):
    read = lambda folder: pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)  # noqa: E731
    pd.testing.assert_frame_equal(read(streamed[0]), read(streamed[1]))


@pytest.mark.parametrize("table", ["documents", "claims", "links", "concepts", "resolutions"])
def test_batch_streamed_parquet_equals_in_memory(streamed, table):
    pd.testing.assert_frame_equal(pd.read_parquet(streamed[0] / f"{table}.parquet"),
                                  pd.read_parquet(streamed[1] / f"{table}.parquet"))


def _edges(graph, drop=()):
    return sorted((u, v, str(k), sorted((a, b) for a, b in d.items() if a not in drop))
                  for u, v, k, d in graph.edges(keys=True, data=True))


def test_batch_streamed_graphml_equals_in_memory(streamed):
    ours, theirs = (nx.read_graphml(folder / "graph.graphml") for folder in streamed)
    assert (dict(ours.nodes(data=True)), _edges(ours)) == (dict(theirs.nodes(data=True)), _edges(theirs))


def test_batch_streamed_gexf_holds_the_graph(streamed):
    ours = nx.read_gexf(streamed[0] / "graph.gexf")
    theirs = nx.read_graphml(streamed[1] / "graph.graphml")
    assert (dict(ours.nodes(data=True)), _edges(ours, drop={"id"})) == (dict(theirs.nodes(data=True)), _edges(theirs))


def test_batch_streamed_dot_holds_the_same_statements(streamed):
    ours, theirs = ((folder / "graph.dot").read_text(encoding="utf-8").splitlines() for folder in streamed)
    assert (ours[:3], sorted(ours)) == (theirs[:3], sorted(theirs))


def test_batch_streamed_argdown_equals_in_memory(streamed):
    ours, theirs = ((folder / "argument.argdown").read_text(encoding="utf-8") for folder in streamed)
    assert ours == theirs


def _aif_shape(path: Path):
    """An AIF document with node ids replaced by what the nodes say, so numbering does not matter."""
    document = json.loads(path.read_text(encoding="utf-8"))
    extra = document.get("argmine", {}).get("nodes", {})
    people = {p["participantID"]: (p["firstname"], p["surname"]) for p in document["participants"]}
    said = {n["nodeID"]: json.dumps([n["type"], n["text"], extra.get(n["nodeID"])], sort_keys=True)
            for n in document["nodes"]}
    return (sorted(said.values()), sorted((said[e["fromID"]], said[e["toID"]]) for e in document["edges"]),
            sorted((said[l["nodeID"]], people[l["personID"]]) for l in document["locutions"]), sorted(people.values()))


def test_batch_streamed_aif_is_the_same_argument(streamed):
    assert _aif_shape(streamed[0] / "argument.aif.json") == _aif_shape(streamed[1] / "argument.aif.json")


def test_batch_streamed_aif_is_valid(streamed):
    from argmine.graph.argument import validate_aif

    assert validate_aif(json.loads((streamed[0] / "argument.aif.json").read_text(encoding="utf-8"))) == []


def test_a_process_that_parses_freezes_the_loaded_pipeline_out_of_the_cyclic_collector():
    # Full collections in a batch run should not traverse the model's objects: after the first
    # task the objects alive are frozen once (gc.freeze), and a second task freezes nothing more.
    code = (
        "import gc\n"
        "from argmine.batch.runner import process_task\n"
        "from argmine.records import Chapter\n"
        "chapter = Chapter(id='d', text='The drought caused a famine. The famine led to unrest.')\n"
        "assert gc.get_freeze_count() == 0\n"
        "process_task([('k', chapter)])\n"
        "first = gc.get_freeze_count()\n"
        "process_task([('k', chapter)])\n"
        "print(first > 10000, gc.get_freeze_count() == first)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
