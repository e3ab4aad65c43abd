"""``argmine run`` as a library call: the cache, the engine and the writer wired together.

:func:`run` reads the inputs, brings every document into the run's cache
(:func:`argmine.batch.runner.run_corpus`, with a :class:`~argmine.batch.runner.LocalEngine`
or :class:`~argmine.batch.runner.DaskEngine`) and writes the outputs with
:func:`write_streamed`; the ``argmine run`` command only parses its options,
shows progress and calls it.

:func:`write_streamed` writes in three passes:

1. each document's concept names with their mention texts, and its context,
   to merge concepts across the corpus (the inputs of
   :func:`argmine.extraction.concepts.merge_concepts`, as
   :func:`argmine.graph.result.build_result` gathers them);
2. the canonical links and resolutions into a
   :class:`argmine.graph.result.ConceptTable` (per-concept aggregates);
3. every slice of cached results to an :class:`argmine.export.writers.OutputWriter`,
   the writer :meth:`argmine.graph.result.Result.write` uses too (one sink
   per format, so the files are the same for the same records).

The first two passes read what :class:`ConceptInputs` gathered from each
record as it was stored, while the workers parsed the next documents (or
as :func:`argmine.batch.runner.run_corpus` checked a record already in the
cache), so the writer decodes each cached record once, in the third pass.
With more than one worker and a corpus of some size (:data:`HELPER_LINKS`),
the third pass is shared: a helper process writes the graph files
(GraphML, GEXF, DOT) from its own reading of the cache while this one
writes the tables and argument files, and another draws ``graph.png`` and
``report.html`` as soon as their documents are written; the files are the
same bytes.

Memory holds the concept aggregates, a few small tuples per causal link
and resolved mention (:class:`ConceptInputs`), and one slice per process: it
grows with the number of distinct concepts, of (document, concept) pairs
that the merge needs and of concept mentions, not with the text.
``graph.png`` and ``report.html`` show the first ``view_limit`` documents
(all of a corpus that small).
"""
from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator, Mapping, NamedTuple, Sequence

from ..graph.result import DOCUMENT_COLUMNS, ConceptTable, Result, canonical_links
from ..export.writers import (SLICE_DOCUMENTS, STAGING_PREFIX, VIEW_LIMIT, OutputLock, OutputWriter, finish_interrupted_commit,
                     result_part)
from ..records import InputProblem

__all__ = ["run", "RunReport", "write_streamed", "ConceptInputs", "HELPER_LINKS", "SLICE_DOCUMENTS", "VIEW_LIMIT", "STAGING_PREFIX"]  # the constants: see argmine.export.writers

def _slices(cache, keys: Sequence[str], size: int, headers: Mapping[str, tuple[str, Mapping]] | None = None
            ) -> Iterator[list]:
    """The cached results of ``keys``, ``size`` at a time; each chapter's source and metadata from ``headers``."""
    for start in range(0, len(keys), size):
        part = keys[start:start + size]
        results = list(cache.iter_results(part))
        if headers:
            for index, (key, item) in enumerate(zip(part, results)):
                if key in headers:
                    source, metadata = headers[key]
                    if source != item.chapter.source or dict(metadata) != dict(item.chapter.metadata):
                        chapter = replace(item.chapter, source=source, metadata=dict(metadata))
                        results[index] = replace(item, chapter=chapter)
        yield results


# -- the whole output folder --------------------------------------------------------------------


class _LinkEnds(NamedTuple):
    """What :class:`argmine.graph.result.ConceptTable` reads of a causal link (the attributes of the same name)."""

    doc_id: str
    cause_concept: str
    effect_concept: str
    cause_text: str
    effect_text: str
    cause_start: int
    cause_end: int
    effect_start: int
    effect_end: int
    via: str


class _Mention(NamedTuple):
    """What :class:`argmine.graph.result.ConceptTable` reads of a resolution with one antecedent."""

    doc_id: str
    start: int
    end: int
    mention: str
    antecedents: tuple[str]


class ConceptInputs:
    """The first two passes of :func:`write_streamed` for documents as they are stored, while others are parsed.

    For each cache key: the document id, each causal link's ends
    (:class:`_LinkEnds`: concept names, mention texts and offsets, ``via``),
    each resolution with one antecedent (:class:`_Mention`), the document's
    context and its metadata keys: what the concept merge, the concepts table
    and the documents table's columns need, so that the writer decodes each
    cached record once (for the files themselves). :meth:`add_records` reads
    them from the records :func:`argmine.batch.runner.encode_result` wrote this
    run (JSON, not checked again); :meth:`add_result` from a decoded
    :class:`~argmine.records.ChapterResult` (a record already in the cache,
    checked when :func:`argmine.batch.runner.run_corpus` read it). Equal strings
    are kept once. Memory: a few small tuples per link and per resolved
    mention, not the text.
    """

    def __init__(self) -> None:
        self.by_key: dict[str, tuple[str, list[_LinkEnds], list[_Mention], frozenset, tuple[str, ...]]] = {}
        self._strings: dict[str, str] = {}
        self._partial: dict[str, tuple] = {}  # long documents whose last piece is not in yet (add_piece)
        self._from_pieces: set[str] = set()  # documents complete from their pieces, whose record is not read again

    def _same(self, text: str) -> str:
        return self._strings.setdefault(text, text)

    def add_records(self, records: Sequence[tuple[str, bytes]]) -> None:
        import json

        for key, data in records:
            if key in self.by_key and key in self._from_pieces:  # gathered piece by piece (add_piece)
                self._from_pieces.discard(key)
                continue
            self._add_plain(key, json.loads(bytes(data).decode("utf-8", "surrogatepass")))

    def add_piece(self, key: str, record: dict, last: bool) -> None:
        """The same from one piece of a long document (its record's JSON form, as
        :func:`argmine.batch.runner.run_corpus`'s ``on_joined_piece`` gives it, in text order): the document's entry
        grows piece by piece, and is complete at its ``last`` piece; :meth:`add_records` then skips the document's
        record (the same links, resolutions and context, not decoded again)."""
        if key not in self._partial:
            self._partial[key] = (record["chapter"]["id"], [], [], set(), ())
        doc_id, links, mentions, context, _ = self._partial[key]
        self._gather(record["extraction"], links, mentions)
        context.update(record["extraction"]["context"])
        if last:
            del self._partial[key]
            self.by_key[key] = (doc_id, links, mentions, frozenset(context), tuple(record["chapter"]["metadata"]))
            self._from_pieces.add(key)

    def _add_plain(self, key: str, record: dict) -> None:
        links, mentions = [], []
        self._gather(record["extraction"], links, mentions)
        self.by_key[key] = (record["chapter"]["id"], links, mentions, frozenset(record["extraction"]["context"]),
                            tuple(record["chapter"]["metadata"]))

    def _gather(self, extraction: dict, links: list, mentions: list) -> None:
        same = self._same
        links.extend(_LinkEnds(same(l["doc_id"]), same(l["cause_concept"]), same(l["effect_concept"]),
                               same(l["cause_text"]), same(l["effect_text"]), l["cause_start"], l["cause_end"],
                               l["effect_start"], l["effect_end"], same(l["via"])) for l in extraction["links"])
        mentions.extend(_Mention(same(r["doc_id"]), r["start"], r["end"], same(r["mention"]), (same(r["antecedents"][0]),))
                        for r in extraction["resolutions"] if len(r["antecedents"]) == 1)

    def add_result(self, key: str, item) -> None:
        """The same from a decoded :class:`~argmine.records.ChapterResult`."""
        same = self._same
        links = [_LinkEnds(same(l.doc_id), same(l.cause_concept), same(l.effect_concept), same(l.cause_text),
                           same(l.effect_text), l.cause_start, l.cause_end, l.effect_start, l.effect_end, same(l.via))
                 for l in item.extraction.links]
        mentions = [_Mention(same(r.doc_id), r.start, r.end, same(r.mention), (same(r.antecedents[0]),))
                    for r in item.extraction.resolutions if len(r.antecedents) == 1]
        self.by_key[key] = (item.chapter.id, links, mentions, item.extraction.context, tuple(item.chapter.metadata))


def _concept_inputs(cache, keys, size, headers, gathered: ConceptInputs):
    """Occurrences, contexts and document columns of ``keys`` in key order: from ``gathered`` where it has the
    key, else decoded from the cache a slice at a time (and kept in ``gathered`` for :func:`_concept_table`)."""
    occurrences: dict[tuple[str, str], Counter] = defaultdict(Counter)
    contexts: dict[str, object] = {}
    columns: dict[str, None] = dict.fromkeys(DOCUMENT_COLUMNS)
    for start in range(0, len(keys), size):
        part = keys[start:start + size]
        missing = [key for key in part if key not in gathered.by_key]
        for key, item in zip(missing, cache.iter_results(missing)):
            gathered.add_result(key, item)
        for key in part:
            doc_id, links, _, context, metadata_keys = gathered.by_key[key]
            for link in links:  # as count_concept_occurrences counts them
                occurrences[(link.doc_id, link.cause_concept)][link.cause_text] += 1
                occurrences[(link.doc_id, link.effect_concept)][link.effect_text] += 1
            contexts[doc_id] = context
            columns.update(dict.fromkeys(headers[key][1] if headers and key in headers else metadata_keys))
    return occurrences, contexts, list(columns)


def _concept_table(keys, gathered: ConceptInputs, mapping: Mapping[tuple[str, str], str]) -> ConceptTable:
    """The concepts of the canonical links of ``keys`` and of their resolved mentions (as :attr:`Result.concepts`
    builds them from :func:`canonical_links` and :attr:`Result.resolution_records`); empties ``gathered``."""
    table = ConceptTable()
    mentions = []  # the table takes them after every link (only concepts of links gain mentions)
    for key in keys:
        _, links, resolved, _, _ = gathered.by_key[key]  # a key listed twice counts twice, as its slices did
        canonical = []
        for link in links:
            cause = mapping.get((link.doc_id, link.cause_concept), link.cause_concept)
            effect = mapping.get((link.doc_id, link.effect_concept), link.effect_concept)
            if cause != effect:  # a link whose two ends became one concept is dropped
                canonical.append(link._replace(cause_concept=cause, effect_concept=effect))
        table.add_links(canonical)
        mentions.extend(m._replace(antecedents=(mapping.get((m.doc_id, m.antecedents[0]), m.antecedents[0]),))
                        for m in resolved)
    gathered.by_key.clear()
    table.add_resolutions(mentions)
    return table


def write_streamed(keys: Sequence[str], cache, problems: Sequence[InputProblem], out_dir: str | os.PathLike, *,
                   png: bool = True, report: bool = True, parquet: bool = True,
                   slice_documents: int = SLICE_DOCUMENTS, view_limit: int = VIEW_LIMIT,
                   headers: Mapping[str, tuple[str, Mapping[str, str]]] | None = None,
                   gathered: ConceptInputs | None = None, processes: int = 1,
                   helper_links: int | None = None) -> tuple[list[Path], dict]:
    """Write every output file of ``argmine run`` for the cached documents ``keys`` (in that order).

    Returns the paths written and counts (``documents``, ``links``,
    ``claims``). ``headers`` (key -> ``(source, metadata)``, as
    :class:`argmine.batch.runner.RunSummary` gives them) replace the source and
    metadata a cached record was stored with, so outputs name the paths of
    this run. ``gathered`` holds the first pass for documents read as they
    were stored (:class:`ConceptInputs`); it is emptied. The files are written by an :class:`~argmine.export.writers.OutputWriter`
    (a scratch folder inside ``out_dir``, all files moved into place in one
    step, under the folder's :class:`~argmine.export.writers.OutputLock`:
    :class:`~argmine.export.writers.OutputBusyError` when another process holds it).
    CSV cells that a spreadsheet would run as formulas are neutralised
    (:func:`argmine.export.sinks.csv_safe`).

    ``processes`` above 1 (and ``cache`` a :class:`~argmine.batch.runner.RunCache`,
    and ``gathered`` holding at least ``helper_links`` causal links, default
    :data:`HELPER_LINKS`: below that, starting a process costs more than it
    saves) spreads the writing over helper processes (:class:`_Helpers`): one
    writes ``graph.graphml``, ``graph.gexf`` and ``graph.dot`` while this one
    writes the tables and argument files, and one draws ``graph.png`` and
    ``report.html`` as soon as their documents are written; the files are
    byte for byte those of one process. A helper's error is raised here and
    nothing is committed.
    """
    from contextlib import nullcontext

    from ..extraction.merge import merge_concepts
    from .runner import RunCache

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    least = HELPER_LINKS if helper_links is None else helper_links
    parallel = (processes > 1 and isinstance(cache, RunCache) and
                sum(len(entry[1]) for entry in (gathered.by_key.values() if gathered else ())) >= least)
    with OutputLock(out), (_Helpers(png, report) if parallel else nullcontext()) as helpers:
        finish_interrupted_commit(out)
        # 1: concept names across the corpus -> canonical names (the inputs of build_result's merge)
        gathered = gathered if gathered is not None else ConceptInputs()
        occurrences, contexts, columns = _concept_inputs(cache, keys, slice_documents, headers, gathered)
        mapping, merges = merge_concepts(occurrences, contexts)
        mapping = {key: name for key, name in mapping.items() if key[1] != name}  # the rest map to themselves
        del occurrences, contexts

        # 2: the concepts table from the canonical links and the resolutions (as Result.concepts); the graph
        # files give each concept node its corpus-wide mentions and documents
        concepts = _concept_table(keys, gathered, mapping).frame(merges)
        concepts_by_name = concepts.set_index("concept", drop=False)

        # 3: every slice to the writer (tables, graph and argument files; the first documents for the views); with
        # helpers, a second process writes the graph files and a third draws the views, from the same slices
        writer = OutputWriter(out, parquet=parquet, png=png, report=report, view_limit=view_limit,
                              document_columns=columns, merges=merges, concept_map=mapping,
                              graph_sinks=helpers is None,
                              draw=helpers.draw if helpers is not None and (png or report) else None)
        with writer:
            graph_files = None
            if helpers is not None:
                graph_files = helpers.graph_files(cache, keys, headers, slice_documents, mapping, concepts,
                                                  writer.staging)
            for chunk in _slices(cache, keys, slice_documents, headers):
                links = canonical_links((link for item in chunk for link in item.extraction.links), mapping)
                writer.add(result_part(chunk, links, mapping, concepts_by_name if helpers is None else None))
            written = writer.close(concepts, problems, graph_files.result() if graph_files is not None else ())
        return written, dict(writer.counts)


#: The causal links a run needs before :func:`write_streamed` hands work to helper processes: each costs about
#: half a CPU second to start (its imports), which the graph files of some 5,000 links take to write.
HELPER_LINKS = 5000


def _ready() -> None:
    """A task that does nothing: submitted first, it starts a helper process (and its imports) at once."""


def _start_helper(parent: int, views: bool) -> None:
    """Initializer of a writing helper: end with ``parent``; load what its task needs (the views: matplotlib, Agg)."""
    from .runner import die_with_parent

    die_with_parent(parent)
    if views:
        import matplotlib

        matplotlib.use("Agg")  # no window: the views are written to files
        from ..views import plots, report  # noqa: F401
    else:
        from ..graph import network  # noqa: F401
        from ..export import sinks  # noqa: F401


def _cache_parts(cache, keys, size, headers, mapping, concepts_by_name) -> Iterator[Result]:
    """The slices :func:`write_streamed` gives its writer: documents of ``keys`` from the cache, canonical links."""
    for chunk in _slices(cache, keys, size, headers):
        links = canonical_links((link for item in chunk for link in item.extraction.links), mapping)
        yield result_part(chunk, links, mapping, concepts_by_name)


def _graph_files_from_cache(cache_folder: str, keys, headers, size: int, mapping, concepts, staging: str) -> list[str]:
    """The graph files of :func:`write_streamed`'s slices, written into ``staging`` (a helper process's task)."""
    from ..export.writers import write_graph_files
    from .runner import RunCache

    concepts_by_name = concepts.set_index("concept", drop=False)
    with RunCache(cache_folder, readonly=True) as cache:
        return write_graph_files(_cache_parts(cache, keys, size, headers, mapping, concepts_by_name), Path(staging))


class _Helpers:
    """The helper processes of the writing phase: one writes the graph files, one draws the views.

    Each is a :class:`concurrent.futures.ProcessPoolExecutor` of one spawned
    process that ends with this one (:func:`argmine.batch.runner.die_with_parent`),
    started when the helpers are made so that its imports overlap the concept
    merge. The graph files' helper reads the cache itself (its own read-only
    connection) and decodes each record once, as this process does for the
    tables; the views' helper gets the first documents, pickled. Leaving the
    ``with`` block waits for both (cancelling what has not started) and then
    removes the writer's staging folder again if the run failed, in case a
    helper wrote into it after the writer had removed it.
    """

    def __init__(self, png: bool, report: bool) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")
        self.pools = []
        self.png, self.report = png, report
        self.staging: Path | None = None
        try:
            for drawing in ([False, True] if png or report else [False]):
                self.pools.append(ProcessPoolExecutor(1, mp_context=context, initializer=_start_helper,
                                                      initargs=(os.getpid(), drawing)))
                self.pools[-1].submit(_ready)
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def __enter__(self) -> "_Helpers":
        return self

    def __exit__(self, kind, error, trace) -> None:
        for pool in self.pools:
            pool.shutdown(wait=True, cancel_futures=True)
        if kind is not None and self.staging is not None:
            import shutil

            shutil.rmtree(self.staging, ignore_errors=True)

    def graph_files(self, cache, keys, headers, size, mapping, concepts, staging: Path):
        """A future of the names of the graph files written into ``staging`` (see :func:`_graph_files_from_cache`)."""
        self.staging = staging
        return self.pools[0].submit(_graph_files_from_cache, str(cache.folder), list(keys), dict(headers or {}),
                                    size, mapping, concepts, str(staging))

    def draw(self, view: Result, staging: Path):
        """A future of the names of graph.png and report.html of ``view``, drawn into ``staging``."""
        from ..export.writers import write_views

        self.staging = staging
        return self.pools[-1].submit(write_views, view, staging, png=self.png, report=self.report)


@dataclass
class RunReport:
    """What :func:`run` did: the files written, the counts written, and what the reading and the cache said.

    ``counts`` has ``documents``, ``links`` and ``claims``; ``cached`` the
    documents taken from the cache; ``problems`` the inputs skipped or
    repaired (:class:`~argmine.records.InputProblem`); ``warnings`` one-line
    notes about the cache; ``seconds`` the wall time.
    """

    written: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"documents": 0, "links": 0, "claims": 0})
    problems: list[InputProblem] = field(default_factory=list)
    cached: int = 0
    processed: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def skipped(self) -> list[InputProblem]:
        """The problems whose input was left out."""
        return [p for p in self.problems if p.action == "skipped"]


def run(inputs: Sequence[str | os.PathLike], out: str | os.PathLike, *, workers: int | None = None,
        engine: str = "local", scheduler: str | None = None, cache: str | os.PathLike | None = None,
        batch_size: int = 16, max_chars: int | None = None, png: bool = True, report: bool = True,
        parquet: bool = True, on_problem: Callable[[InputProblem], None] | None = None,
        on_warning: Callable[[str], None] | None = None, on_start: Callable | None = None,
        on_done: Callable[[int], None] | None = None, on_chars: Callable[[int], None] | None = None,
        piece_chars: int | None = None) -> RunReport:
    """Analyse the files and folders ``inputs`` and write every output file into ``out`` (``argmine run``).

    ``workers`` processes parse (default: the cores available,
    :func:`argmine.batch.runner.default_workers`), on this machine (``engine="local"``)
    or a Dask cluster (``"dask"``, ``scheduler`` its address or None for a
    local one). Processed documents are kept in ``cache`` (default:
    ``OUT/.argmine-cache``, a :class:`~argmine.batch.runner.RunCache`), so a rerun
    only does what is left. ``batch_size`` documents go to a task;
    documents over ``max_chars`` characters are skipped as problems. The
    callbacks are :func:`argmine.batch.runner.run_corpus`'s, and so is ``piece_chars`` (a document longer than
    a piece, by default 100,000 characters, is parsed piece by piece by all the workers at once). ``out`` is locked for
    the whole run (:class:`~argmine.export.writers.OutputBusyError` when another run
    holds it). With more than one local worker, the workers start while the
    corpus is read (on a fresh cache) and a large run's files are written with
    helper processes (see :func:`write_streamed`). When no document could be read, nothing but ``errors.csv``
    (if there were problems) is written and the report has no files.

    Raises :class:`ValueError` for an engine other than ``"local"`` or ``"dask"``.
    """
    from contextlib import nullcontext

    from .runner import CACHE_DIRNAME, TASK_CHARS, DaskEngine, LocalEngine, RunCache, default_workers, run_corpus

    if engine not in ("local", "dask"):
        raise ValueError(f"engine {engine!r}: expected 'local' or 'dask'")
    if png or report:
        import matplotlib

        matplotlib.use("Agg")  # no window: the views are written to files
    started = time.perf_counter()
    out = Path(out)
    workers = workers or default_workers()
    runner = DaskEngine(scheduler, workers, batch_size) if engine == "dask" else LocalEngine(workers, batch_size)
    report_ = RunReport()
    with OutputLock(out), RunCache(Path(cache) if cache is not None else out / CACHE_DIRNAME) as store, \
            (runner if engine == "local" else nullcontext()):
        if engine == "local" and workers > 1 and len(store) == 0 and _has_bytes(inputs, workers * TASK_CHARS, max_chars):
            runner.start(progress=on_chars is not None)  # a task for each: they load the pipeline while the corpus is read
        finish_interrupted_commit(out)
        gathered = ConceptInputs()
        summary = run_corpus([str(p) for p in inputs], store, runner, batch_size=batch_size, on_problem=on_problem,
                             on_start=on_start, on_done=on_done, on_warning=on_warning, on_chars=on_chars,
                             max_chars=max_chars, on_stored=gathered.add_records, on_cached=gathered.add_result,
                             piece_chars=piece_chars, on_joined_piece=gathered.add_piece)
        report_.problems, report_.cached = summary.problems, summary.cached
        report_.processed, report_.warnings = summary.processed, summary.warnings
        if not summary.keys:
            if summary.problems:
                _write_errors_only(summary.problems, out)
        else:
            report_.written, report_.counts = write_streamed(summary.keys, store, summary.problems, out, png=png,
                                                             report=report, parquet=parquet,
                                                             headers=summary.headers, gathered=gathered,
                                                             processes=workers if engine == "local" else 1)
    report_.seconds = time.perf_counter() - started
    return report_


def _has_bytes(inputs: Sequence[str | os.PathLike], least: int, max_chars: int | None = None) -> bool:
    """Whether the files ``inputs`` names (files, or folders walked) hold at least ``least`` bytes; stops there.

    With ``max_chars``, a file that the reader refuses unread (not JSONL, more than ``4 * max_chars`` bytes:
    :func:`argmine.input.iter_corpus`) does not count, so a run that can only refuse it starts no workers.
    """
    from ..input.items import FORMAT_JSONL
    from ..input.reader import SUPPORTED_SUFFIXES

    total = 0
    for name in inputs:
        path = Path(name)
        files = path.rglob("*") if path.is_dir() else [path]
        for file in files:
            try:
                if file.is_file():
                    size = file.stat().st_size
                    if (max_chars is not None and size > 4 * max_chars
                            and SUPPORTED_SUFFIXES.get(file.suffix.lower()) != FORMAT_JSONL):
                        continue
                    total += size
            except OSError:
                continue
            if total >= least:
                return True
    return False


def _write_errors_only(problems, out: Path) -> None:
    """errors.csv alone, for a run that could read nothing."""
    from ..export.writers import atomic_write_text
    from ..export.sinks import csv_safe

    atomic_write_text(out / "errors.csv", csv_safe(Result(chapters=[], problems=list(problems)).errors)
                      .to_csv(index=False))
