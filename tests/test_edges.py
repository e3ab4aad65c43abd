"""Edges of `argmine run` (issue 15): inputs that used to stop a batch, runs killed or run twice, the cache.

Most tests drive :func:`argmine.batch.runner.run_corpus` and
:func:`argmine.batch.stream.write_streamed` with an engine that makes results
without parsing (:class:`RecordingEngine`), so they take milliseconds; the
behaviours of the command itself (exit codes, errors.csv, the lock, workers
after a SIGKILL) go through the real command in a subprocess.
"""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import ROOT
from argmine.batch.runner import CHANGED_REASON, RunCache, document_key, encode_result, fingerprint, run_corpus
from argmine.input import load_file, read_corpus
from argmine.extraction.extract import Extraction
from argmine.batch.process import ChapterResult
from argmine.records import Chapter, InputProblem
from argmine.batch.stream import write_streamed

ENGLISH = "The harvest failed in the north, and the shortage of grain drove prices up in every market town."


def english(number: int) -> str:
    """A short English text that differs from every other number's (duplicates are dropped)."""
    return f"In year {number} the mills closed. {ENGLISH}"


def deep_chain(top: str, depth: int) -> str:
    """Make ``top/d/d/.../d`` (``depth`` levels) without recursion (os.makedirs recurses); the deepest folder."""
    os.mkdir(top)
    path = top
    for _ in range(depth):
        path = os.path.join(path, "d")
        os.mkdir(path)
    return path


def remove_chain(top: str) -> None:
    """Remove a tree made by :func:`deep_chain` bottom-up, without recursion: shutil.rmtree (and so pytest's
    clean-up of old temporary folders) recurses once per level and fails at a thousand."""
    chain = [top]
    while True:
        entries = list(os.scandir(chain[-1]))
        for entry in entries:
            if not entry.is_dir(follow_symlinks=False):
                os.unlink(entry.path)
        folders = [entry.path for entry in entries if entry.is_dir(follow_symlinks=False)]
        if not folders:
            break
        chain.append(folders[0])
    for path in reversed(chain):
        os.rmdir(path)


def made_up(chapter: Chapter) -> ChapterResult:
    """A result for ``chapter`` without parsing: no links or claims, one sentence."""
    return ChapterResult(chapter, Extraction(sentences=1), words=len(chapter.text.split()))


class RecordingEngine:
    """An engine that 'processes' chapters with :func:`made_up`, remembering their ids; ``before`` runs first."""

    name = "recording"

    def __init__(self, before=None):
        self.seen: list[str] = []
        self.before = before

    def map(self, tasks, on_chars=None):
        if self.before is not None:
            self.before()
        for task in tasks:
            self.seen += [chapter.id for _, chapter in task]
            if on_chars is not None:
                on_chars(sum(len(chapter.text) for _, chapter in task))
            yield [(key, encode_result(made_up(chapter))) for key, chapter in task]


def run(inputs, folder: Path, engine=None, **options):
    """run_corpus + write_streamed into ``folder/out`` with ``folder/cache``; the summary, engine and warnings."""
    engine = engine or RecordingEngine()
    warnings: list[str] = []
    with RunCache(folder / "cache") as cache:
        summary = run_corpus([str(p) for p in inputs], cache, engine, on_warning=warnings.append, **options)
        if summary.keys:
            write_streamed(summary.keys, cache, summary.problems, folder / "out", png=False, report=False,
                           headers=summary.headers, slice_documents=2)
    return summary, engine, warnings


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "argmine", *args]


# -- 1. metadata columns that appear late or sparsely ---------------------------------------------------


def test_edges_metadata_key_first_seen_after_the_first_slice_reaches_parquet(tmp_path):
    records = [{"id": f"r{i}", "text": english(i)} for i in range(5)]
    records[3]["author"] = "A. Writer"
    (tmp_path / "late.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    run([tmp_path / "late.jsonl"], tmp_path)
    table = pq.read_table(tmp_path / "out" / "documents.parquet")
    assert table.column("author").to_pylist() == [None, None, None, "A. Writer", None]


def test_edges_every_record_with_a_metadata_key_of_its_own_gives_one_string_column_each(tmp_path):
    records = [{"id": f"r{i}", "text": english(i), f"field_{i}": str(i)} for i in range(7)]
    (tmp_path / "sparse.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    run([tmp_path / "sparse.jsonl"], tmp_path)
    table = pq.read_table(tmp_path / "out" / "documents.parquet")
    csv = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert [(table.column(f"field_{i}").to_pylist()[i], str(table.schema.field(f"field_{i}").type))
            for i in range(7)] == [(str(i), "large_string") for i in range(7)]
    assert list(csv.columns) == table.schema.names


# -- 2. JSON Lines that abort a parser ---------------------------------------------------------------


def test_edges_deeply_nested_jsonl_line_is_skipped_and_the_rest_loads(tmp_path):
    deep = '{"id": "deep", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = tmp_path / "nested.jsonl"
    path.write_text("\n".join([json.dumps({"id": "a", "text": english(1)}), deep,
                               json.dumps({"id": "b", "text": english(2)})]), encoding="utf-8")
    chapters, problems = read_corpus([path])
    assert ([c.id for c in chapters], [(p.file, p.reason, p.action) for p in problems]) == (
        ["a", "b"], [(f"{path}:2", "line 2: not usable JSON (nested too deeply)", "skipped")])


def test_edges_lone_surrogate_escapes_in_a_record_become_replacement_characters(tmp_path):
    path = tmp_path / "surrogates.jsonl"
    path.write_text('{"id": "s\\udc80", "text": "' + english(3) + '", "place": "Lyon \\ud800"}\n', encoding="utf-8")
    summary, _, _ = run([path], tmp_path)
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert (documents.loc[0, "place"], documents.loc[0, "original_id"], summary.problems[0].action) == (
        "Lyon \ufffd", "s\\x80", "replaced with U+FFFD")


# -- 3. file names that are not UTF-8, folders nested deeper than Python's recursion limit -------------------


def test_edges_file_name_that_is_not_utf8_is_read_and_named_with_its_byte(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as handle:
        handle.write(english(4))
    summary, _, _ = run([folder], tmp_path)
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert (list(documents["doc_id"]), list(documents["source"])) == (["caf"], [f"{folder}/caf\\xe9.txt"])


def test_edges_folder_nested_1100_deep_is_walked(tmp_path):
    deep = deep_chain(str(tmp_path / "tree"), 1100)
    Path(deep, "bottom.txt").write_text(english(5), encoding="utf-8")
    try:
        chapters, problems = read_corpus([tmp_path / "tree"])
    finally:
        remove_chain(str(tmp_path / "tree"))
    assert ([c.id for c in chapters], problems) == (["bottom"], [])


# -- 4. files that change or vanish while a run reads them -----------------------------------------------


def test_edges_file_that_vanishes_between_the_two_readings_is_one_error_and_the_rest_is_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"doc{number}.txt").write_text(english(number), encoding="utf-8")
    engine = RecordingEngine(before=lambda: (folder / "doc1.txt").unlink())
    summary, _, _ = run([folder], tmp_path, engine)
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", dtype=str, keep_default_na=False)
    assert (list(documents["doc_id"]), errors.values.tolist()) == (
        ["doc0", "doc2"], [[str(folder / "doc1.txt"), CHANGED_REASON, "skipped", "doc1"]])


def test_edges_file_that_changes_between_the_two_readings_is_one_error(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(2):
        (folder / f"doc{number}.txt").write_text(english(number), encoding="utf-8")
    engine = RecordingEngine(before=lambda: (folder / "doc0.txt").write_text(english(9), encoding="utf-8"))
    summary, engine, _ = run([folder], tmp_path, engine)
    assert (engine.seen, [(p.doc_id, p.reason) for p in summary.problems]) == (
        ["doc1"], [("doc0", CHANGED_REASON)])


# -- 5. two runs on one --out ---------------------------------------------------------------------------


def test_edges_second_run_on_a_busy_out_is_refused_and_touches_nothing(tmp_path):
    from argmine.export.writers import OutputLock

    out = tmp_path / "out"
    (tmp_path / "doc.txt").write_text(english(6), encoding="utf-8")
    staging = out / ".argmine-staging-earlier"
    staging.mkdir(parents=True)
    (staging / "links.csv").write_text("half written", encoding="utf-8")
    with OutputLock(out):
        completed = subprocess.run(command("run", str(tmp_path / "doc.txt"), "--out", str(out)), cwd=tmp_path,
                                   capture_output=True, text=True, timeout=300)
    assert (completed.returncode, completed.stderr, (staging / "links.csv").read_text(encoding="utf-8")) == (
        2, f"argmine: error: another argmine run is writing to {out}; wait for it to finish or choose another "
           "--out\n", "half written")


# -- 6. a run killed while it moves its outputs into place -------------------------------------------------

_KILLED_WHILE_COMMITTING = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_edges import made_up
from argmine.batch.runner import RunCache, encode_result
from argmine.records import Chapter
from argmine.batch.stream import write_streamed
import argmine.export.writers
argmine.export.writers._EXCHANGE = None  # the journaled fallback, used where renameat2(RENAME_EXCHANGE) is missing

out = Path({out!r})
moved = []
real_replace = os.replace

def replace_then_die(source, target):
    real_replace(source, target)
    if Path(target).parent == out and not Path(target).name.startswith("."):
        moved.append(target)
        if len(moved) == 1:
            os.kill(os.getpid(), signal.SIGKILL)

os.replace = replace_then_die
with RunCache(Path({cache!r})) as cache:
    cache.put_many([("new", encode_result(made_up(Chapter("new", {text!r}))))])
    write_streamed(["new"], cache, [], out, png=False, report=False)
"""


def _write(out: Path, cache: Path, key: str, text: str) -> dict[str, bytes]:
    with RunCache(cache) as store:
        store.put_many([(key, encode_result(made_up(Chapter(key, text))))])
        write_streamed([key], store, [], out, png=False, report=False)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


def test_edges_without_the_exchange_a_run_killed_between_the_moves_is_completed_before_anyone_reads_the_folder(tmp_path):
    from argmine.export.writers import load_result

    new = _write(tmp_path / "reference", tmp_path / "cache-ref", "new", english(8))
    old = _write(tmp_path / "out", tmp_path / "cache", "old", english(7))
    script = _KILLED_WHILE_COMMITTING.format(tests=str(ROOT / "tests"), out=str(tmp_path / "out"),
                                             cache=str(tmp_path / "cache"), text=english(8))
    killed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=300)
    on_disk = {p.name: p.read_bytes() for p in sorted((tmp_path / "out").iterdir()) if p.is_file()
               and not p.name.startswith(".")}
    mixed = sorted(name for name in on_disk if on_disk[name] == new[name] != old[name])
    result = load_result(tmp_path / "out")
    after = {p.name: p.read_bytes() for p in sorted((tmp_path / "out").iterdir()) if p.is_file()
             and not p.name.startswith(".")}
    # killed with some files of the new run in place and others of the old one; read, it is the new run's
    assert (killed.returncode, bool(mixed), on_disk != new, list(result.documents["doc_id"]), after) == (
        -signal.SIGKILL, True, True, ["new"], new)


_KILLED_AT_THE_EXCHANGE = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_edges import made_up
from argmine.batch.runner import RunCache, encode_result
from argmine.records import Chapter
from argmine.batch.stream import write_streamed

out = Path({out!r})
with RunCache(out / ".argmine-cache") as cache:
    cache.put_many([("new", encode_result(made_up(Chapter("new", {text!r}))))])
    write_streamed(["new"], cache, [], out, png=False, report=False)
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _kill_at(point: str, tmp_path: Path) -> tuple[int, dict, dict]:
    """Write an old run into tmp_path/out, then a new one killed by SIGKILL where it pauses at ``point``."""
    out, cache = tmp_path / "out", tmp_path / "out" / ".argmine-cache"
    new = _write(tmp_path / "reference", tmp_path / "cache-ref", "new", english(8))
    old = _write(out, cache, "old", english(7))
    (out / "notes.txt").write_text("the user's own file", encoding="utf-8")
    paused = tmp_path / "paused"
    script = _KILLED_AT_THE_EXCHANGE.format(tests=str(ROOT / "tests"), out=str(out), text=english(8))
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ, "ARGMINE_PAUSE_AT": f"{point}:{paused}"})
    deadline = time.monotonic() + 120
    while not paused.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.kill()
    process.wait(timeout=30)
    return process.returncode, {**old, "notes.txt": b"the user's own file"}, {**new, "notes.txt": b"the user's own file"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2(RENAME_EXCHANGE) is Linux's")
def test_edges_run_killed_just_before_the_exchange_leaves_the_old_outputs_whole(tmp_path):
    from argmine.export.writers import OutputLock, finish_interrupted_commit

    code, old, new = _kill_at("exchange", tmp_path)
    on_disk = _files(tmp_path / "out")
    with OutputLock(tmp_path / "out"):
        recovered = finish_interrupted_commit(tmp_path / "out")
    left = sorted(p.name for p in tmp_path.iterdir() if ".argmine-swap-" in p.name)
    assert (code, on_disk == old, on_disk != new, recovered, left, _files(tmp_path / "out") == old) == (
        -signal.SIGKILL, True, True, True, [], True)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2(RENAME_EXCHANGE) is Linux's")
def test_edges_run_killed_just_after_the_exchange_leaves_the_new_outputs_whole_and_the_cache_comes_back(tmp_path):
    from argmine.export.writers import OutputLock, finish_interrupted_commit

    code, old, new = _kill_at("carry", tmp_path)
    on_disk = _files(tmp_path / "out")
    cache_before = (tmp_path / "out" / ".argmine-cache").is_dir()
    with OutputLock(tmp_path / "out"):
        recovered = finish_interrupted_commit(tmp_path / "out")
    left = sorted(p.name for p in tmp_path.iterdir() if ".argmine-swap-" in p.name)
    with RunCache(tmp_path / "out" / ".argmine-cache") as store:
        cached = sorted(key for key in ("old", "new") if key in store)
    # the cache folder sat in the old folder when the run died; the next run moves it back, with both records
    assert (code, on_disk == new, cache_before, recovered, left, cached) == (
        -signal.SIGKILL, True, False, True, [], ["new", "old"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2(RENAME_EXCHANGE) is Linux's")
def test_edges_the_lock_is_still_held_after_the_folder_is_swapped(tmp_path):
    import fcntl

    from argmine.export.writers import OutputLock

    out = tmp_path / "out"
    _write(out, tmp_path / "cache", "old", english(7))
    inode = os.stat(out).st_ino
    with OutputLock(out):
        _write(out, tmp_path / "cache", "new", english(8))
        fd = os.open(out / ".argmine.lock", os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
    assert (os.stat(out).st_ino != inode, list(pd.read_csv(out / "documents.csv")["doc_id"])) == (True, ["new"])


# -- 7. workers after a SIGKILL of the main process -----------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_edges_workers_end_when_the_run_is_killed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(8):
        (folder / f"doc{number}.txt").write_text(" ".join([english(number)] * 150), encoding="utf-8")
    process = subprocess.Popen(command("run", str(folder), "--out", str(tmp_path / "out"), "--workers", "2",
                                       "--batch-size", "1", "--no-png", "--no-report"), cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = _children(process.pid)
    time.sleep(0.5)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:  # do not leave them behind if the test fails
        os.kill(pid, signal.SIGKILL)
    assert (len(workers) >= 2, left) == (True, [])


# -- 8. the cache: corrupt records, keys without the path ------------------------------------------------------


def test_edges_corrupt_cache_record_is_recomputed_with_a_warning(tmp_path):
    (tmp_path / "doc.txt").write_text(english(10), encoding="utf-8")
    first, _, _ = run([tmp_path / "doc.txt"], tmp_path)
    with sqlite3.connect(tmp_path / "cache" / "documents.sqlite") as db:
        db.execute("UPDATE documents SET record = ?", (b'{"format": 1, "chapter": {"id": 3',))
    second, engine, warnings = run([tmp_path / "doc.txt"], tmp_path)
    assert (engine.seen, warnings) == (["doc"], [
        f"{tmp_path / 'doc.txt'}: the cached record is not valid (not a JSON record (JSONDecodeError)); "
        "processed again"])


def test_edges_cache_record_with_a_wrong_field_type_is_recomputed(tmp_path):
    (tmp_path / "doc.txt").write_text(english(11), encoding="utf-8")
    run([tmp_path / "doc.txt"], tmp_path)
    with sqlite3.connect(tmp_path / "cache" / "documents.sqlite") as db:
        record = json.loads(db.execute("SELECT record FROM documents").fetchone()[0])
        record["words"] = "many"
        db.execute("UPDATE documents SET record = ?", (json.dumps(record).encode(),))
    _, engine, warnings = run([tmp_path / "doc.txt"], tmp_path)
    assert (engine.seen, [w.split("(", 1)[1] for w in warnings]) == (
        ["doc"], ["words: expected int, got str); processed again"])


def test_edges_cache_file_that_is_not_a_database_is_moved_aside(tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "documents.sqlite").write_bytes(b"this is not SQLite" * 100)
    (tmp_path / "doc.txt").write_text(english(12), encoding="utf-8")
    summary, engine, warnings = run([tmp_path / "doc.txt"], tmp_path)
    assert (engine.seen, len(warnings), sorted(p.name for p in (tmp_path / "cache").iterdir())[:2]) == (
        ["doc"], 1, ["documents.sqlite", "documents.sqlite.corrupt-1"])


def test_edges_same_corpus_by_another_path_comes_from_the_cache_and_names_the_new_path(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "doc.txt").write_text(english(13), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run([Path("corpus")], tmp_path)
    summary, engine, _ = run([folder.resolve()], tmp_path)
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert (engine.seen, summary.cached, list(documents["source"])) == (
        [], 1, [str(folder.resolve() / "doc.txt")])


# -- 9. one invalid byte in a UTF-8 file ----------------------------------------------------------------


def test_edges_one_bad_byte_in_utf8_text_is_replaced_not_the_whole_file_reread_as_cp1252(tmp_path):
    path = tmp_path / "nearly.txt"
    good = "The café’s “regulars” – dockers, mostly – struck after the wage cut."
    path.write_bytes(good.encode("utf-8") + b" \xff" + " It spread.".encode("utf-8"))
    problems: list[InputProblem] = []
    chapter, = load_file(path, problems.append)
    assert (chapter.text, [(p.reason, p.action) for p in problems]) == (good + " \ufffd It spread.", [(
        f"not valid UTF-8 (1 invalid byte, the first 0xFF at offset {len(good.encode()) + 1})",
        "decoded as UTF-8, 1 invalid byte replaced with U+FFFD")])


# -- 10. big inputs: bounded parse batches, progress, a size limit ---------------------------------------


def test_edges_parse_batches_hold_at_most_pipe_batch_chars(nlp, monkeypatch):
    from argmine.batch import process

    texts = [" ".join([english(n)] * 30) for n in range(6)]  # about 3,000 characters each

    class Spy:
        def __init__(self):
            self.batches: list[int] = []

        def pipe(self, items, **options):
            items = list(items)
            self.batches.append(sum(len(text) for text, _ in items))
            return nlp.pipe(items, **options)

    spy = Spy()
    pieces: list[int] = []
    monkeypatch.setattr(process, "PIPE_BATCH_CHARS", 8_000)
    bounded = list(process.process_chapters([Chapter(f"d{n}", t) for n, t in enumerate(texts)], spy,
                                            on_piece=pieces.append))
    monkeypatch.setattr(process, "PIPE_BATCH_CHARS", 10**9)
    whole = list(process.process_chapters([Chapter(f"d{n}", t) for n, t in enumerate(texts)], nlp))
    assert (max(spy.batches) <= 8_000, len(spy.batches), pieces, bounded) == (
        True, 3, [len(t) for t in texts], whole)


def test_edges_document_over_max_chars_is_refused_unread_with_the_option_named(tmp_path):
    (tmp_path / "big.txt").write_text(" ".join([ENGLISH] * 60), encoding="utf-8")  # about 5,800 bytes
    long_record = " ".join([ENGLISH] * 20)
    (tmp_path / "bigger.jsonl").write_text(json.dumps({"id": "r", "text": long_record}), encoding="utf-8")
    started = time.monotonic()
    completed = subprocess.run(command("run", str(tmp_path / "big.txt"), str(tmp_path / "bigger.jsonl"),
                                       "--out", str(tmp_path / "out"), "--max-chars", "1000"),
                               cwd=tmp_path, capture_output=True, text=True, timeout=300)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", dtype=str, keep_default_na=False)
    assert (completed.returncode, list(errors["reason"])) == (2, [
        f"the file is too large ({(tmp_path / 'big.txt').stat().st_size:,} bytes, more than the 1,000 characters "
        "allowed: raise the limit with --max-chars to analyse it)",
        f"line 1: the text is too long ({len(long_record):,} characters; the limit is 1,000: raise it with "
        "--max-chars to analyse it)"])
    assert time.monotonic() - started < 60


# -- 11. the cache runs no code ----------------------------------------------------------------------------


class _Payload:
    """Unpickling this would create the file ``path``."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_edges_planted_pickle_in_the_cache_runs_nothing_and_is_recomputed(tmp_path):
    import pickle

    (tmp_path / "doc.txt").write_text(english(14), encoding="utf-8")
    chapter, = load_file(tmp_path / "doc.txt")
    key = document_key(chapter, fingerprint())
    marker = tmp_path / "planted-code-ran"
    with RunCache(tmp_path / "cache") as cache:
        cache.put_many([(key, pickle.dumps(_Payload(str(marker))))])
    _, engine, warnings = run([tmp_path / "doc.txt"], tmp_path)
    assert (marker.exists(), engine.seen, len(warnings)) == (False, ["doc"], 1)


# -- 12. CSV cells that a spreadsheet runs ---------------------------------------------------------------


def test_edges_formula_cells_are_neutralised_in_csv_and_exact_in_parquet(tmp_path):
    from argmine.export.writers import load_result

    record = {"id": "=cmd", "text": english(15), "note": "@SUM(A1:A9)", "sign": "-2+3", "quoted": "'=x"}
    (tmp_path / "formulas.jsonl").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "+bad.txt").write_bytes(b"")
    run([tmp_path / "formulas.jsonl", tmp_path / "+bad.txt"], tmp_path)
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", dtype=str, keep_default_na=False)
    exact = pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()[0]
    loaded = load_result(tmp_path / "out").chapters[0].chapter.metadata
    assert [documents.loc[0, c] for c in ("original_id", "note", "sign", "quoted")] == [
        "'=cmd", "'@SUM(A1:A9)", "'-2+3", "''=x"]
    assert errors.loc[0, "file"] == str(tmp_path / "+bad.txt")  # an absolute path starts with '/'
    assert [exact[c] for c in ("original_id", "note", "sign", "quoted")] == ["=cmd", "@SUM(A1:A9)", "-2+3", "'=x"]
    assert [loaded[c] for c in ("original_id", "note", "sign", "quoted")] == ["=cmd", "@SUM(A1:A9)", "-2+3", "'=x"]


def test_edges_errors_csv_neutralises_a_relative_file_name_that_starts_like_a_formula(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("=HYPERLINK.txt").write_bytes(b"")
    Path("doc.txt").write_text(english(16), encoding="utf-8")
    run([Path("=HYPERLINK.txt"), Path("doc.txt")], tmp_path)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", dtype=str, keep_default_na=False)
    assert list(errors["file"]) == ["'=HYPERLINK.txt"]


# -- 14. an output folder inside the input folder --------------------------------------------------------------


def test_edges_output_folder_inside_the_input_folder_is_not_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "doc.txt").write_text(english(17), encoding="utf-8")
    with RunCache(tmp_path / "cache") as cache:
        cache.put_many([("k", encode_result(made_up(Chapter("doc", english(17)))))])
        write_streamed(["k"], cache, [], folder / "out", png=False, report=True)
    chapters, problems = read_corpus([folder])
    assert (sorted(p.name for p in (folder / "out").iterdir())[:2], [c.id for c in chapters], problems) == (
        [".argmine.lock", "argument.aif.json"], ["doc"], [])


# -- 13. Argdown syntax in the text -------------------------------------------------------------------------


def _argdown_syntax_left(text: str) -> list[str]:
    """Emphasis markers and comment starts that Argdown's lexer would act on (a backslash escapes one character)."""
    found, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char in "*_" or text.startswith("//", index) or text.startswith("/*", index):
            found.append(text[index:index + 2])
        index += 1
    return found


def test_edges_argdown_escapes_emphasis_and_comment_marks_of_the_text():
    from argmine.graph.result import Result
    from argmine.graph.argument import argdown_text
    from argmine.records import ArgumentativeUnit

    text = "Tariffs *rose_ sharply /// and 5*3 = 15 /* so */ the_mills closed \\ twice."
    claim = ArgumentativeUnit(doc_id="doc_1", claim_id="doc_1:u0", sentence_index=0, start=0, end=len(text), text=text,
                  type="claim", asserted_by="author", hedged=False, polarity="positive")
    result = Result(chapters=[ChapterResult(Chapter("doc_1", text), Extraction(claims=[claim]))])
    lines = argdown_text(result).splitlines()
    statement = next(line for line in lines if line.startswith("[doc_1 u0]: "))
    body = statement[len("[doc_1 u0]: "):statement.index(" #claim")]
    heading = next(line for line in lines if line.startswith("# "))
    assert (body, _argdown_syntax_left(body), heading) == (
        "Tariffs \\*rose\\_ sharply \\/\\// and 5\\*3 = 15 /\\* so \\*/ the\\_mills closed \\\\ twice.", [],
        "# doc\\_1")


# -- 15-20. papercuts a new user hits ------------------------------------------------------------------------


def test_edges_notebooks_extra_brings_jupyter_and_the_readme_says_so():
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    names = sorted(requirement.split(">")[0].split("=")[0] for requirement in extras["notebooks"])
    assert (names, 'pip install -e ".[notebooks]"' in (ROOT / "README.md").read_text(encoding="utf-8")) == (
        ["ipykernel", "notebook"], True)


@pytest.mark.model
def test_edges_result_show_takes_the_displacy_style(seed_result):
    markup = seed_result.show(style="displacy", jupyter=False)
    assert (isinstance(markup, str), "spans" in markup) == (True, True)


def test_edges_analyze_corpus_of_nothing_readable_warns_and_show_says_why(tmp_path):
    from argmine import analyze_corpus
    from argmine.errors import ArgmineError

    with pytest.warns(UserWarning, match="nothing could be read .*missing: no such file or directory"):
        result = analyze_corpus([tmp_path / "missing"])
    with pytest.raises(ArgmineError, match="this result holds no document .1 input.s. could not be read"):
        result.show()


def test_edges_links_into_a_closed_pipe_stops_quietly(tmp_path):
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "a", "text": ENGLISH}) + "\n", encoding="utf-8")
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first line, as after `| head -0`
    completed = subprocess.run(command("links", str(tmp_path / "in.jsonl")), cwd=tmp_path, stdout=writer,
                               stderr=subprocess.PIPE, text=True, timeout=300)
    os.close(writer)
    assert (completed.returncode, completed.stderr) == (141, "")


def _link(cause: str, effect: str, number: int) -> "CausalLink":
    from argmine.records import CausalLink

    sentence = f"{cause} caused {effect}."
    return CausalLink(doc_id="d", sentence_index=number, cause_text=cause, effect_text=effect, cause_start=0,
                      cause_end=len(cause), effect_start=len(cause) + 8, effect_end=len(sentence) - 1, cue="caused",
                      cue_start=len(cause) + 1, cue_end=len(cause) + 7, cause_concept=cause, effect_concept=effect,
                      explicit=True, hedged=False, strength="sufficient", polarity="positive", confidence=0.9,
                      asserted_by="author", sentence=sentence, rule="test")


@pytest.fixture(scope="module")
def linked_out(tmp_path_factory) -> Path:
    """An output folder of one made-up document: drought -> famine, famine -> each of ten outcomes."""
    folder = tmp_path_factory.mktemp("linked")
    outcomes = [f"outcome {n}" for n in range(10)]
    links = [_link("drought", "famine", 0)] + [_link("famine", o, n + 1) for n, o in enumerate(outcomes)]
    text = " ".join(link.sentence for link in links)
    item = ChapterResult(Chapter("d", text), Extraction(links=links, sentences=len(links)), words=len(text.split()))
    with RunCache(folder / "cache") as cache:
        cache.put_many([("d", encode_result(item))])
        write_streamed(["d"], cache, [], folder / "out", png=False, report=False)
    return folder / "out"


def _cli(*args: str):
    from typer.testing import CliRunner

    from argmine.cli import app

    return CliRunner().invoke(app, list(args))


def test_edges_chains_min_hops_1_lists_a_direct_link(linked_out):
    default = _cli("chains", str(linked_out), "--from", "outcome 3", "--to", "drought")
    direct = _cli("chains", str(linked_out), "--from", "drought", "--to", "famine", "--min-hops", "1")
    assert (default.stderr, direct.stdout.splitlines()[0].split("    [")[0]) == (
        "argmine: no chains found\n", "drought → famine")


def test_edges_chains_unknown_concept_lists_the_known_ones(linked_out):
    result = _cli("chains", str(linked_out), "--from", "locusts")
    assert (result.exit_code, result.stderr) == (2, f"argmine: error: --from 'locusts' is not a concept in "
                                                    f"{linked_out}; concepts are: drought, famine, " +
                                                    ", ".join(f"outcome {n}" for n in range(10)) + "\n")


def test_edges_show_names_the_real_folder_in_its_hint(linked_out):
    result = _cli("show", str(linked_out))
    assert f"argmine chains {linked_out} --doc d" in " ".join(result.stdout.split())


def test_edges_eval_without_gold_annotations_is_an_error(tmp_path):
    (tmp_path / "plain.jsonl").write_text(json.dumps({"id": "a", "text": ENGLISH}) + "\n", encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(json.dumps({"id": "a", "causal": True, "relations": []}) + "\n",
                                         encoding="utf-8")
    result = _cli("eval", str(tmp_path / "plain.jsonl"), "--pred", str(tmp_path / "pred.jsonl"))
    assert (result.exit_code, result.stderr) == (2, f"argmine: error: {tmp_path / 'plain.jsonl'}: no record has "
                                                    "gold annotations ('relations' or 'causal'); nothing to score "
                                                    "against\n")


def test_edges_help_shows_no_bool_placeholders_and_links_workers_is_explained():
    run_help, links_help = _cli("run", "--help").stdout, _cli("links", "--help").stdout
    after = links_help[links_help.index("--workers"):]
    # the option's own lines: up to the next line that starts with an option
    workers = " ".join(re.split(r"\n\s+-", after)[0].split())
    assert ("<bool>" in run_help, "-q, --quiet" in run_help, workers) == (
        False, True, "--workers <int range> Processes that parse (spaCy n_process). [default: 1; x>=1]")


def test_edges_tables_doc_names_every_column_of_every_table():

    from argmine.graph.result import CONCEPT_COLUMNS, DOCUMENT_COLUMNS
    from argmine.records import CausalLink, ArgumentativeUnit, Resolution, record_columns

    doc = (ROOT / "docs" / "TABLES.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (\w+)\n(.*?)(?=^## |\Z)", doc, re.S | re.M))
    tables = {"documents": DOCUMENT_COLUMNS, "claims": record_columns(ArgumentativeUnit), "links": record_columns(CausalLink),
              "concepts": CONCEPT_COLUMNS, "resolutions": record_columns(Resolution),
              "errors": record_columns(InputProblem)}
    missing = {name: [c for c in columns if f"`{c}`" not in sections.get(name, "")]
               for name, columns in tables.items()}
    assert missing == {name: [] for name in tables}


# -- the kinds above together, through the command ------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """`argmine run` over a folder of the hostile inputs above, with --out inside it; run twice (cache)."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    folder.mkdir()
    records = [{"id": f"r{i}", "text": english(i)} for i in range(101)]
    records[100]["author"] = "Late Key"  # first seen after the first slice of 100 documents
    lines = [json.dumps(r) for r in records]
    lines.insert(50, '{"id": "deep", "text": "x", "v": ' + "[" * 100_000 + "]" * 100_000 + "}")
    lines.insert(60, '{"id": "lone", "text": "' + english(500) + '", "place": "Rouen \\ud800"}')
    (folder / "records.jsonl").write_text("\n".join(lines), encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as handle:
        handle.write(english(600))
    nested = deep_chain(str(folder / "deep"), 1100)
    Path(nested, "bottom.txt").write_text(english(700), encoding="utf-8")
    (folder / "stray.txt").write_bytes("Prices rose – sharply – in the “lean” year.".encode() + b"\x81 " +
                                      english(800).encode())
    out = folder / "out"
    try:
        runs = [subprocess.run(command("run", str(folder), "--out", str(out), "--workers", "1", "--no-png"),
                               cwd=root, capture_output=True, text=True, timeout=600) for _ in range(2)]
    finally:
        remove_chain(str(folder / "deep"))
    return folder, out, runs


@pytest.mark.model
@pytest.mark.slow
def test_edges_command_processes_every_hostile_kind_and_lists_each_once(hostile_run):
    folder, out, runs = hostile_run
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert (runs[0].returncode, "Traceback" in runs[0].stderr, len(documents)) == (1, False, 101 + 4)
    assert errors[["file", "action"]].values.tolist() == [
        [f"{folder / 'records.jsonl'}:51", "skipped"], [f"{folder / 'records.jsonl'}:61", "replaced with U+FFFD"],
        [str(folder / "stray.txt"), "decoded as UTF-8, 1 invalid byte replaced with U+FFFD"]]
    assert f"{folder}/caf\\xe9.txt" in list(documents["source"])
    assert (documents.set_index("doc_id").loc["r100", "author"], documents.set_index("doc_id").loc["lone", "place"],
            pq.read_table(out / "documents.parquet").num_rows) == ("Late Key", "Rouen \ufffd", 105)


@pytest.mark.model
@pytest.mark.slow
def test_edges_command_rerun_over_its_own_output_reads_the_same_and_takes_all_from_the_cache(hostile_run):
    _, _, runs = hostile_run
    assert (runs[1].returncode, "105 document(s) (105 from the cache)" in runs[1].stderr) == (1, True)


# -- 10. progress in characters -------------------------------------------------------------------------------


def test_edges_run_reports_the_characters_to_parse_and_their_progress(tmp_path):
    for number in range(3):
        (tmp_path / f"doc{number}.txt").write_text(english(number), encoding="utf-8")
    started: list[tuple] = []
    parsed: list[int] = []
    run([tmp_path], tmp_path, on_start=lambda *counts: started.append(counts), on_chars=parsed.append)
    total = sum(len(english(number)) for number in range(3))
    assert (started, sum(parsed)) == ([(3, 0, total)], total)


@pytest.mark.model
@pytest.mark.slow
def test_edges_worker_processes_report_each_parsed_piece():
    from argmine.batch.runner import LocalEngine

    tasks = [[(f"k{n}", Chapter(f"d{n}", english(n)))] for n in range(3)]
    parsed: list[int] = []
    results = list(LocalEngine(workers=2, batch_size=1).map(iter(tasks), on_chars=parsed.append))
    assert (sorted(parsed), len(results)) == (sorted(len(english(n)) for n in range(3)), 3)


def test_edges_out_equal_to_the_input_folder_passes_over_the_outputs(tmp_path):
    (tmp_path / "doc.txt").write_text(english(18), encoding="utf-8")
    with RunCache(tmp_path / ".argmine-cache") as cache:
        cache.put_many([("k", encode_result(made_up(Chapter("doc", english(18)))))])
        write_streamed(["k"], cache, [InputProblem("x.txt", "the file is empty")], tmp_path, png=False, report=True)
    chapters, problems = read_corpus([tmp_path])
    assert ((tmp_path / "report.html").is_file(), [c.id for c in chapters], problems) == (True, ["doc"], [])


# -- 19. tables: link_id and the strength of plain change-of-state verbs ---------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # the cue asserts that the cause brought the effect about
    ("The long blockade caused a severe famine in the port.", ("blockade", "famine", "sufficient")),
    ("The new levy led to a revolt of the weavers.", ("levy", "revolt", "sufficient")),
    ("The collapse of the bank brought about a panic among the merchants.", ("collapse", "panic", "sufficient")),
    ("The disputed election resulted in a long civil war.", ("election", "civil war", "sufficient")),
    # a plain change-of-state verb: the cause changed the effect, no claim that it sufficed alone
    ("The blight reduced the harvest of the northern farms.", ("blight", "harvest", "unspecified")),
    ("The long siege weakened the garrison of the fortress.", ("siege", "garrison", "unspecified")),
    ("The earthquake destroyed the harbour of the old city.", ("earthquake", "harbour", "unspecified")),
    ("The drought worsened the poverty of the villages.", ("drought", "poverty", "unspecified")),
    # one cause among others stays contributory
    ("The blight contributed to the famine of the winter.", ("blight", "famine", "contributory")),
], ids=["cause", "lead-to", "bring-about", "result-in", "reduce", "weaken", "destroy", "worsen", "contribute-to"])
def test_edges_strength_is_sufficient_only_where_the_cue_asserts_a_sufficient_cause(extract_links, text, expected):
    links = extract_links(text)
    assert [(expected[0] in l.cause_text, expected[1] in l.effect_text, l.strength) for l in links] == [
        (True, True, expected[2])]


def test_edges_links_table_numbers_each_documents_links_from_0_in_link_id(tmp_path):
    from argmine.graph.result import Result
    from argmine.records import CausalLink

    def link(doc_id: str, cause: str) -> CausalLink:
        return CausalLink(doc_id, 0, cause, "famine", 0, 1, 2, 3, "caused", 1, 2, cause, "famine", True, False,
                          "sufficient", "positive", 0.9, "author", f"{cause} caused famine.", "test")

    records = [link("a", "drought"), link("a", "war"), link("b", "flood"), link("a", "tax")]
    frame = Result(chapters=[], link_records=records).links
    empty = Result(chapters=[]).links
    assert (list(frame.columns[:2]), list(zip(frame["doc_id"], frame["link_id"])), str(frame["link_id"].dtype),
            list(empty.columns[:2])) == (["doc_id", "link_id"], [("a", 0), ("a", 1), ("b", 0), ("a", 2)], "int64",
                                         ["doc_id", "link_id"])


# -- 4. a file named on the command line that cannot be read ---------------------------------------------------


@pytest.mark.model
def test_edges_unreadable_files_named_on_the_command_line_are_per_file_errors(tmp_path, monkeypatch):
    import builtins

    from typer.testing import CliRunner

    from argmine.cli import app

    (tmp_path / "good.txt").write_text("The long drought caused a famine in the northern provinces.", encoding="utf-8")
    (tmp_path / "locked.txt").write_text("The flood ruined the harvest of the valley.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait for a writer for ever
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):  # root reads a chmod 000 file, so refuse it as the OS would
        if isinstance(file, (str, os.PathLike)) and os.fspath(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["run", "good.txt", "locked.txt", "pipe.txt", "--out", "out", "--workers", "1",
                                      "--no-png", "--no-report", "--quiet"])
    monkeypatch.setattr(builtins, "open", real_open)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", keep_default_na=False)
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert (result.exit_code, sorted(zip(errors["file"], errors["reason"], errors["action"])),
            list(documents["doc_id"])) == (
        1, [("locked.txt", "permission denied", "skipped"), ("pipe.txt", "not a regular file", "skipped")], ["good"])
