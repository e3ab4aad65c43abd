"""Batch runs at scale: a cache of processed documents, parallel and resumable runs, Dask.

A run (:func:`run_corpus`) goes in three steps:

1. read the corpus to give every chapter its **key**: a SHA-256 of the
   chapter (id, text, metadata, source) and of the pipeline's
   :func:`fingerprint` (argmine's version and code, the rule files, the
   spaCy model and version);
2. read it again, and parse and extract every chapter whose key is not yet
   in the :class:`RunCache`, in tasks of a few documents, on an engine:
   :class:`LocalEngine` (this process, or ``workers`` processes each loading
   the pipeline once) or :class:`DaskEngine` (a Dask distributed cluster);
   each finished task is committed to the cache at once;
3. hand the keys, in input order, to :func:`pipeline.stream.write_streamed`,
   which assembles the output files from the cache with bounded memory.

The cache is an SQLite database (``documents.sqlite``) in a folder, by
default ``OUT/.argmine-cache``. SQLite commits are atomic, so a run killed at
any moment leaves every finished task in the cache and nothing half-written:
running it again skips what is done and ends with the same outputs as an
uninterrupted run. Outputs depend only on the cache and the input order, never
on which worker finished first, so any number of workers or engines gives
identical files.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata as importlib_metadata
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from .records import Chapter, InputProblem

__all__ = [
    "CACHE_DIRNAME", "RunCache", "RunSummary", "fingerprint", "document_key", "encode_result", "decode_result",
    "process_task", "LocalEngine", "DaskEngine", "pipeline_plugin", "run_corpus", "default_workers",
]

#: Name of the cache folder inside the output folder (when no ``--cache`` is given).
CACHE_DIRNAME = ".argmine-cache"
_CACHE_FILE = "documents.sqlite"
#: A task ends when it holds this many characters (or ``batch_size`` documents).
TASK_CHARS = 40_000


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# -- keys -----------------------------------------------------------------------


def _package_version(name: str) -> str:
    try:
        return importlib_metadata.version(name)
    except importlib_metadata.PackageNotFoundError:
        return "not installed"


@lru_cache(maxsize=None)
def _code_digest() -> str:
    """A digest of argmine's own source, so that a changed extraction never reuses old results."""
    digest = hashlib.sha256()
    root = resources.files("pipeline")
    for path in sorted(Path(str(root)).rglob("*.py")):
        digest.update(path.relative_to(str(root)).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=None)
def fingerprint(model: str | None = None) -> str:
    """What a cached result depends on besides its document: versions of argmine, its code and rules, the model.

    >>> len(fingerprint())
    16
    """
    from . import __version__
    from .nlp import EXCLUDED, MODEL_NAME
    from .rules import rules_version

    model = model or MODEL_NAME
    parts = {
        "argmine": __version__, "code": _code_digest(), "rules": rules_version(), "model": model,
        "model_version": _package_version(model.replace("_", "-")), "spacy": _package_version("spacy"),
        "excluded": list(EXCLUDED),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def document_key(chapter: Chapter, version: str) -> str:
    """The cache key of a chapter: a hash of its content and of the pipeline ``version``.

    >>> document_key(Chapter("a", "Some text."), "v1") == document_key(Chapter("a", "Some text."), "v1")
    True
    >>> document_key(Chapter("a", "Some text."), "v1") == document_key(Chapter("a", "Some text."), "v2")
    False
    """
    content = json.dumps([version, chapter.id, chapter.text, sorted(dict(chapter.metadata).items()), chapter.source],
                         ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


# -- results as bytes ---------------------------------------------------------------


def encode_result(item) -> bytes:
    """A :class:`~pipeline.process.ChapterResult` as bytes for the cache (a pickle of its typed records).

    Pickles keep every record type as it is, whatever fields the extraction
    adds; the :func:`fingerprint` in every key changes with argmine's code,
    so a cache is never read by a version that did not write it. Like any
    pickle, a cache folder is to be trusted only if you wrote it.
    """
    return pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)


def decode_result(data: bytes):
    """The :class:`~pipeline.process.ChapterResult` that :func:`encode_result` wrote."""
    return pickle.loads(data)


# -- the cache ----------------------------------------------------------------------


class RunCache:
    """Processed documents in an SQLite file, keyed by :func:`document_key`.

    Every :meth:`put_many` is one transaction: after a crash or a SIGKILL the
    cache holds whole tasks or nothing of them. Only the process that runs the
    command writes (workers send their results back), so one file serves
    local and Dask runs alike. Keep the folder on a local disk: SQLite's
    locking is unreliable on network file systems.
    """

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / _CACHE_FILE
        self._db = sqlite3.connect(self.path, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, record BLOB NOT NULL)")
        self._db.commit()

    def __enter__(self) -> "RunCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def __contains__(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone() is not None

    def present(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` are cached."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = list(keys[start:start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in self._db.execute(f"SELECT key FROM documents WHERE key IN ({marks})", chunk))
        return found

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store ``(key, encoded result)`` pairs in one transaction."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO documents (key, record) VALUES (?, ?)", list(items))

    def get(self, key: str):
        """The cached :class:`~pipeline.process.ChapterResult` of ``key`` (KeyError when absent)."""
        row = self._db.execute("SELECT record FROM documents WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return decode_result(row[0])

    def iter_results(self, keys: Iterable[str]) -> Iterator:
        """The cached results of ``keys``, in that order."""
        for key in keys:
            yield self.get(key)

    def close(self) -> None:
        self._db.close()


# -- work done where the pipeline is ---------------------------------------------------


def process_task(task: Sequence[tuple[str, Chapter]], batch_size: int = 16) -> list[tuple[str, bytes]]:
    """Parse and extract the chapters of one task; ``(key, encoded result)`` per chapter.

    Runs wherever the pipeline is: in this process, in a worker process or on
    a Dask worker. The pipeline is loaded once per process
    (:func:`pipeline.nlp.load_nlp` is cached), which also imports and
    registers argmine's components there.
    """
    from .nlp import limit_blas_threads, load_nlp
    from .process import process_chapters

    limit_blas_threads()
    nlp = load_nlp()
    keys = [key for key, _ in task]
    results = process_chapters([chapter for _, chapter in task], nlp, batch_size=batch_size)
    return [(key, encode_result(result)) for key, result in zip(keys, results)]


class LocalEngine:
    """Tasks run in this process (``workers=1``) or in ``workers`` spawned processes.

    At most two tasks per worker are in flight, so memory does not grow with
    the corpus; results come back as tasks finish (the cache restores order).
    """

    name = "local"

    def __init__(self, workers: int = 1, batch_size: int = 16):
        self.workers = max(1, workers)
        self.batch_size = batch_size

    def map(self, tasks: Iterable[list[tuple[str, Chapter]]]) -> Iterator[list[tuple[str, bytes]]]:
        if self.workers == 1:
            for task in tasks:
                yield process_task(task, self.batch_size)
            return
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        context = multiprocessing.get_context("spawn")
        # no initializer: a pipeline that fails to load raises its own error from the first task
        with _single_threaded_children(), ProcessPoolExecutor(self.workers, mp_context=context) as pool:
            pending = set()
            source = iter(tasks)
            exhausted = False
            while pending or not exhausted:
                while not exhausted and len(pending) < 2 * self.workers:
                    task = next(source, None)
                    if task is None:
                        exhausted = True
                    else:
                        pending.add(pool.submit(process_task, task, self.batch_size))
                if not pending:
                    break
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()


class _single_threaded_children:
    """Worker processes use one BLAS/OpenMP thread each: the processes are the parallelism."""

    _NAMES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

    def __enter__(self):
        self.saved = {name: os.environ.get(name) for name in self._NAMES}
        for name in self._NAMES:
            os.environ.setdefault(name, "1")
        return self

    def __exit__(self, *exc):
        for name, value in self.saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def pipeline_plugin():
    """A Dask worker plugin that loads argmine's pipeline once in each worker, when the worker starts
    (built on demand: Dask is an optional dependency)."""
    from distributed import WorkerPlugin

    class ArgminePipelinePlugin(WorkerPlugin):
        name = "argmine-pipeline"

        def setup(self, worker) -> None:
            from .nlp import load_nlp

            load_nlp()

    return ArgminePipelinePlugin()


class DaskEngine:
    """Tasks run on a Dask distributed cluster: ``scheduler`` is its address, or None for a local cluster.

    Every worker needs argmine and its model installed (``pip install
    "argmine[dask]"``); the pipeline is loaded once per worker by
    :func:`pipeline_plugin`. Results travel back to this process, which
    alone writes the cache and the outputs.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 1, batch_size: int = 16):
        self.scheduler = scheduler
        self.workers = max(1, workers)
        self.batch_size = batch_size

    def client(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - depends on the installation
            from .errors import ArgmineError

            raise ArgmineError('the dask engine needs Dask distributed: pip install "argmine[dask]"') from None
        if self.scheduler:
            return Client(self.scheduler), None
        cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, env={name: "1" for name in _single_threaded_children._NAMES})
        return Client(cluster), cluster

    def map(self, tasks: Iterable[list[tuple[str, Chapter]]]) -> Iterator[list[tuple[str, bytes]]]:
        from distributed import as_completed

        client, cluster = self.client()
        try:
            client.register_plugin(pipeline_plugin(), name="argmine-pipeline")
            capacity = 2 * max(1, sum(client.nthreads().values()))
            source = iter(tasks)
            running = as_completed()
            for task in source:
                running.add(client.submit(process_task, task, self.batch_size, pure=False))
                if running.count() >= capacity:
                    break
            for future in running:
                yield future.result()
                future.release()
                task = next(source, None)
                if task is not None:
                    running.add(client.submit(process_task, task, self.batch_size, pure=False))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


# -- a whole run ------------------------------------------------------------------------


@dataclass
class RunSummary:
    """What :func:`run_corpus` did."""

    keys: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    cached: int = 0
    processed: int = 0


def _tasks(chapters: Iterable[tuple[str, Chapter]], batch_size: int) -> Iterator[list[tuple[str, Chapter]]]:
    task: list[tuple[str, Chapter]] = []
    chars = 0
    for key, chapter in chapters:
        task.append((key, chapter))
        chars += len(chapter.text)
        if len(task) >= batch_size or chars >= TASK_CHARS:
            yield task
            task, chars = [], 0
    if task:
        yield task


def run_corpus(inputs: Sequence[str], cache: RunCache, engine, *, batch_size: int = 16,
               on_problem: Callable[[InputProblem], None] | None = None,
               on_start: Callable[[int, int], None] | None = None,
               on_done: Callable[[int], None] | None = None) -> RunSummary:
    """Bring every chapter of ``inputs`` into ``cache``; the keys in input order.

    The corpus is read twice: once to key every chapter (and report bad
    input), once to hand the chapters not yet cached to ``engine`` in tasks of
    at most ``batch_size`` documents. ``on_start(total, cached)`` is called
    between the two, ``on_done(n)`` after every committed task.
    """
    from .corpus import iter_corpus

    summary = RunSummary()

    def problem(item: InputProblem) -> None:
        summary.problems.append(item)
        if on_problem is not None:
            on_problem(item)

    version = fingerprint()
    for chapter in iter_corpus(list(inputs), problem):
        summary.keys.append(document_key(chapter, version))
    done = cache.present(summary.keys)
    summary.cached = len(done)
    if on_start is not None:
        on_start(len(summary.keys), summary.cached)
    if len(done) == len(summary.keys):
        return summary
    wanted = set(summary.keys) - done

    def todo() -> Iterator[tuple[str, Chapter]]:
        for chapter in iter_corpus(list(inputs), lambda _problem: None):
            key = document_key(chapter, version)
            if key in wanted:
                wanted.discard(key)
                yield key, chapter

    for results in engine.map(_tasks(todo(), batch_size)):
        cache.put_many(results)
        summary.processed += len(results)
        if on_done is not None:
            on_done(len(results))
    missing = len(summary.keys) - len(cache.present(summary.keys))
    if missing:
        from .errors import ArgmineError

        raise ArgmineError(f"{missing} document(s) changed on disk while argmine ran; run again")
    return summary
