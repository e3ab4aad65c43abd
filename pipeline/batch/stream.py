"""``argmine run`` as a library call: the cache, the engine and the writer wired together.

:func:`run` reads the inputs, brings every document into the run's cache
(:func:`argmine.batch.runner.run_corpus`, with a :class:`~argmine.batch.runner.LocalEngine`
or :class:`~argmine.batch.runner.DaskEngine`) and writes the outputs with
:func:`write_streamed`; the ``argmine run`` command only parses its options,
shows progress and calls it.

:func:`write_streamed` reads the cached results a slice of documents at a
time, in three passes:

1. each document's concept names with their mention texts, and its context,
   to merge concepts across the corpus (the inputs of
   :func:`argmine.extraction.concepts.merge_concepts`, as
   :func:`argmine.graph.result.build_result` gathers them);
2. the canonical links and resolutions into a
   :class:`argmine.graph.result.ConceptTable` (per-concept aggregates);
3. every slice to an :class:`argmine.export.writers.OutputWriter`, the writer
   :meth:`argmine.graph.result.Result.write` uses too (one sink per format, so
   the files are the same for the same records).

Memory holds the concept aggregates and one slice: it grows with the number
of distinct concepts, of (document, concept) pairs that the merge needs and
of concept mentions, not with the text. ``graph.png`` and ``report.html``
show the first ``view_limit`` documents (all of a corpus that small).
"""
from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator, Mapping, Sequence

from ..graph.result import DOCUMENT_COLUMNS, ConceptTable, Result, canonical_links
from ..export.writers import (SLICE_DOCUMENTS, STAGING_PREFIX, VIEW_LIMIT, OutputLock, OutputWriter, finish_interrupted_commit,
                     result_part)
from ..records import InputProblem

__all__ = ["run", "RunReport", "write_streamed", "ConceptInputs", "SLICE_DOCUMENTS", "VIEW_LIMIT", "STAGING_PREFIX"]  # the constants: see argmine.export.writers

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


class ConceptInputs:
    """The first pass of :func:`write_streamed` for documents as they are stored, while others are parsed.

    For each cache key: the document id, the ``(doc_id, concept, mention text)`` of
    each end of each link (in link order), the document's context and its
    metadata keys: what the concept merge and the documents table's columns
    need. :meth:`add_records` reads them from the records
    :func:`argmine.batch.runner.encode_result` wrote this run (JSON, not checked
    again: the full check comes when the writer decodes them from the cache).
    Memory: the concept names and mention texts of the links, not the text.
    """

    def __init__(self) -> None:
        self.by_key: dict[str, tuple[str, list[tuple[str, str, str]], frozenset, tuple[str, ...]]] = {}

    def add_records(self, records: Sequence[tuple[str, bytes]]) -> None:
        import json

        for key, data in records:
            record = json.loads(bytes(data).decode("utf-8", "surrogatepass"))
            ends = [(link["doc_id"], link[concept], link[text]) for link in record["extraction"]["links"]
                    for concept, text in (("cause_concept", "cause_text"), ("effect_concept", "effect_text"))]
            self.by_key[key] = (record["chapter"]["id"], ends, frozenset(record["extraction"]["context"]),
                                tuple(record["chapter"]["metadata"]))

    def add_result(self, key: str, item) -> None:
        """The same from a decoded :class:`~argmine.records.ChapterResult`."""
        ends = [(link.doc_id, name, text) for link in item.extraction.links
                for name, text in ((link.cause_concept, link.cause_text), (link.effect_concept, link.effect_text))]
        self.by_key[key] = (item.chapter.id, ends, item.extraction.context, tuple(item.chapter.metadata))


def _concept_inputs(cache, keys, size, headers, gathered: ConceptInputs | None):
    """Occurrences, contexts and document columns of ``keys`` in key order: from ``gathered`` where it has the
    key, else decoded from the cache a slice at a time."""
    gathered = gathered or ConceptInputs()
    occurrences: dict[tuple[str, str], Counter] = defaultdict(Counter)
    contexts: dict[str, object] = {}
    columns: dict[str, None] = dict.fromkeys(DOCUMENT_COLUMNS)
    for start in range(0, len(keys), size):
        part = keys[start:start + size]
        missing = [key for key in part if key not in gathered.by_key]
        for key, item in zip(missing, cache.iter_results(missing)):
            gathered.add_result(key, item)
        for key in part:
            doc_id, ends, context, metadata_keys = gathered.by_key.pop(key)
            for link_doc, name, text in ends:  # as count_concept_occurrences counts them
                occurrences[(link_doc, name)][text] += 1
            contexts[doc_id] = context
            columns.update(dict.fromkeys(headers[key][1] if headers and key in headers else metadata_keys))
    return occurrences, contexts, list(columns)


def write_streamed(keys: Sequence[str], cache, problems: Sequence[InputProblem], out_dir: str | os.PathLike, *,
                   png: bool = True, report: bool = True, parquet: bool = True,
                   slice_documents: int = SLICE_DOCUMENTS, view_limit: int = VIEW_LIMIT,
                   headers: Mapping[str, tuple[str, Mapping[str, str]]] | None = None,
                   gathered: ConceptInputs | None = None) -> tuple[list[Path], dict]:
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
    """
    from ..extraction.concepts import merge_concepts

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with OutputLock(out):
        finish_interrupted_commit(out)
        # 1: concept names across the corpus -> canonical names (the inputs of build_result's merge)
        occurrences, contexts, columns = _concept_inputs(cache, keys, slice_documents, headers, gathered)
        mapping, merges = merge_concepts(occurrences, contexts)
        mapping = {key: name for key, name in mapping.items() if key[1] != name}  # the rest map to themselves
        del occurrences, contexts

        # 2: the concepts table from the canonical links and the resolutions (as Result.concepts); the graph
        # files give each concept node its corpus-wide mentions and documents
        table = ConceptTable()
        resolutions = []  # the table takes them after every link (only concepts of links gain mentions)
        for chunk in _slices(cache, keys, slice_documents, headers):
            table.add_links(canonical_links((link for item in chunk for link in item.extraction.links), mapping))
            resolutions.extend(res for res in Result(chapters=chunk, concept_map=mapping).resolution_records
                               if len(res.antecedents) == 1)
        table.add_resolutions(resolutions)
        del resolutions
        concepts = table.frame(merges)
        del table
        concepts_by_name = concepts.set_index("concept", drop=False)

        # 3: every slice to the writer (tables, graph and argument files; the first documents for the views)
        writer = OutputWriter(out, parquet=parquet, png=png, report=report, view_limit=view_limit,
                              document_columns=columns, merges=merges, concept_map=mapping)
        with writer:
            for chunk in _slices(cache, keys, slice_documents, headers):
                links = canonical_links((link for item in chunk for link in item.extraction.links), mapping)
                writer.add(result_part(chunk, links, mapping, concepts_by_name))
            written = writer.close(concepts, problems)
        return written, dict(writer.counts)


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
        on_done: Callable[[int], None] | None = None, on_chars: Callable[[int], None] | None = None) -> RunReport:
    """Analyse the files and folders ``inputs`` and write every output file into ``out`` (``argmine run``).

    ``workers`` processes parse (default: the cores available,
    :func:`argmine.batch.runner.default_workers`), on this machine (``engine="local"``)
    or a Dask cluster (``"dask"``, ``scheduler`` its address or None for a
    local one). Processed documents are kept in ``cache`` (default:
    ``OUT/.argmine-cache``, a :class:`~argmine.batch.runner.RunCache`), so a rerun
    only does what is left. ``batch_size`` documents go to a task;
    documents over ``max_chars`` characters are skipped as problems. The
    callbacks are :func:`argmine.batch.runner.run_corpus`'s. ``out`` is locked for
    the whole run (:class:`~argmine.export.writers.OutputBusyError` when another run
    holds it). When no document could be read, nothing but ``errors.csv``
    (if there were problems) is written and the report has no files.

    Raises :class:`ValueError` for an engine other than ``"local"`` or ``"dask"``.
    """
    from .runner import CACHE_DIRNAME, DaskEngine, LocalEngine, RunCache, default_workers, run_corpus

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
    with OutputLock(out), RunCache(Path(cache) if cache is not None else out / CACHE_DIRNAME) as store:
        finish_interrupted_commit(out)
        gathered = ConceptInputs()
        summary = run_corpus([str(p) for p in inputs], store, runner, batch_size=batch_size, on_problem=on_problem,
                             on_start=on_start, on_done=on_done, on_warning=on_warning, on_chars=on_chars,
                             max_chars=max_chars, on_stored=gathered.add_records)
        report_.problems, report_.cached = summary.problems, summary.cached
        report_.processed, report_.warnings = summary.processed, summary.warnings
        if not summary.keys:
            if summary.problems:
                _write_errors_only(summary.problems, out)
        else:
            report_.written, report_.counts = write_streamed(summary.keys, store, summary.problems, out, png=png,
                                                             report=report, parquet=parquet,
                                                             headers=summary.headers, gathered=gathered)
    report_.seconds = time.perf_counter() - started
    return report_


def _write_errors_only(problems, out: Path) -> None:
    """errors.csv alone, for a run that could read nothing."""
    from ..export.writers import atomic_write_text
    from ..export.sinks import csv_safe

    atomic_write_text(out / "errors.csv", csv_safe(Result(chapters=[], problems=list(problems)).errors)
                      .to_csv(index=False))
