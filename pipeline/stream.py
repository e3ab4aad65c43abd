"""Writing the outputs of a run from the cache, with memory that does not grow with the corpus.

:func:`write_streamed` reads the cached results of a run (see
:mod:`pipeline.batch`) a slice of documents at a time, in four passes:

1. each document's concept names with their mention texts, and its context,
   to merge concepts across the corpus (the inputs of
   :func:`pipeline.concepts.merge_concepts`, as
   :func:`pipeline.analysis.build_result` gathers them);
2. the canonical links, then the resolutions, into a
   :class:`pipeline.analysis.ConceptTable` (per-concept aggregates);
3. everything else, written slice by slice: the tables are appended to their
   CSV and Parquet files, each slice's argument graph (built by
   :func:`pipeline.graph.build_graph`, its link numbers made corpus-wide) to
   GraphML, GEXF and DOT, and each slice's AIF and Argdown to theirs.

Memory holds the concept aggregates and one slice: it grows with the number
of distinct concepts and of (document, concept) pairs that the merge needs,
not with the text. ``graph.png`` and ``report.html`` are views for reading
and show the first ``view_limit`` documents (all of a corpus that small).

The files hold the same data as :meth:`pipeline.analysis.Result.write`
writes for the whole corpus; the tests check it. GraphML, GEXF and DOT list
the same nodes and edges (in slice order), AIF numbers its nodes slice by
slice and holds one JSON object per line.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from dataclasses import replace
from typing import IO, Iterator, Mapping, Sequence

import pandas as pd

from .analysis import DOCUMENT_COLUMNS, ConceptTable, Result, canonical_links, count_concept_occurrences
from .concepts import merge_concepts
from .export import (DOT_HEADER, TABLES, OutputLock, _clean, commit_outputs, csv_safe, dot_edge_line, dot_node_line,
                     finish_interrupted_commit)
from .records import InputProblem

__all__ = ["write_streamed", "SLICE_DOCUMENTS", "VIEW_LIMIT", "STAGING_PREFIX"]

#: Documents read from the cache at a time.
SLICE_DOCUMENTS = 100
#: graph.png and report.html show at most this many documents.
VIEW_LIMIT = 100
STAGING_PREFIX = ".argmine-staging-"
#: XML escapes of values up to this length (kinds, labels, ids) are cached; longer ones are not.
_CACHED_LENGTH = 80
_LINK_NUMBER = re.compile(r"link(\d+)")


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


# -- tables -------------------------------------------------------------------------


class _TableSink:
    """One table appended slice by slice to its CSV and (optionally) Parquet file."""

    def __init__(self, folder: Path, name: str, parquet: bool, text_columns: Sequence[str] = ()):
        self.csv_path = folder / f"{name}.csv"
        self.parquet_path = folder / f"{name}.parquet" if parquet else None
        self.columns: list[str] | None = None
        self.writer = None
        self.schema = None
        #: columns that hold strings in every slice (metadata): Parquet type string, whatever the first slice holds
        self.text_columns = frozenset(text_columns)

    def write(self, frame: pd.DataFrame) -> None:
        first = self.columns is None
        if first:
            self.columns = list(frame.columns)
        frame = frame.reindex(columns=self.columns)
        if not len(frame) and not first:
            return
        csv_safe(frame).to_csv(self.csv_path, index=False, header=first, mode="w" if first else "a")
        if self.parquet_path is not None and len(frame):
            self._parquet(frame)

    def _parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self.writer is None:
            # a column without a value in the first slice (null, or NaN read as double) and every metadata
            # column are strings: a later slice that has values in them must fit the schema
            def typed(f):
                if pa.types.is_string(f.type) or pa.types.is_large_string(f.type):
                    return f
                if f.name in self.text_columns:
                    return pa.field(f.name, pa.large_string())
                return pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f

            fields = [typed(f) for f in table.schema]
            self.schema = pa.schema(fields, metadata=table.schema.metadata)
            self.writer = pq.ParquetWriter(self.parquet_path, self.schema)
        self.writer.write_table(table.cast(self.schema))

    def close(self, empty: pd.DataFrame) -> None:
        if self.columns is None:
            self.write(empty)
        if self.parquet_path is not None:
            if self.writer is None:
                empty.reindex(columns=self.columns).iloc[0:0].to_parquet(self.parquet_path, index=False)
            else:
                self.writer.close()


# -- graph files --------------------------------------------------------------------------


def _xml_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _text(value) -> str:
    """A value as XML element text: booleans as GraphML writes them, characters XML forbids replaced."""
    if isinstance(value, str) and len(value) > _CACHED_LENGTH:
        return _escape_text(value)  # sentences and spans: rarely repeated, not worth keeping
    return _short_text(value)


@lru_cache(maxsize=1 << 14, typed=True)
def _short_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _escape_text(str(value))


def _escape_text(text: str) -> str:
    return _clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value) -> str:
    """A value as a quoted XML attribute."""
    if isinstance(value, str) and len(value) > _CACHED_LENGTH:
        return _quote(_text(value))
    return _short_attr(value)


@lru_cache(maxsize=1 << 14, typed=True)
def _short_attr(value) -> str:
    return _quote(_short_text(value))


def _quote(text: str) -> str:
    return '"' + text.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


class _GraphSinks:
    """GraphML, GEXF and DOT of the argument graph, which arrives slice by slice.

    Node and edge elements go to scratch files as they come (a node only
    once); the headers, which declare every attribute seen, are written when
    the files are put together in :meth:`finish`. Strings are cleaned of
    characters XML forbids, as :func:`pipeline.export.xml_safe_graph` does.
    """

    def __init__(self, scratch: Path):
        self.scratch = scratch
        self.parts: dict[str, IO[str]] = {name: open(scratch / f"{name}.part", "w", encoding="utf-8")
                                          for name in ("graphml_nodes", "graphml_edges", "gexf_nodes", "gexf_edges",
                                                       "dot_nodes", "dot_edges")}
        self.seen: set[str] = set()
        self.keys: dict[tuple[str, str], str] = {}  # (domain, attribute) -> type
        self.gexf_ids: dict[tuple[str, str], int] = {}
        self.name = ""
        self.edges = 0

    def _declare(self, domain: str, data: dict) -> None:
        for name, value in data.items():
            if (domain, name) not in self.keys:
                self.keys[(domain, name)] = _xml_type(value)
                if name != "label":
                    self.gexf_ids[(domain, name)] = len(self.gexf_ids)

    def _attvalues(self, domain: str, data: dict) -> str:
        ids = self.gexf_ids
        values = "".join(f'<attvalue for="{ids[(domain, k)]}" value={_attr(v)} />' for k, v in data.items()
                         if k != "label")
        return f"<attvalues>{values}</attvalues>" if values else ""

    def add(self, graph, link_offset: int = 0) -> None:
        """Append a slice's graph; its link numbers (keys ``…link<i>``, ``link_index``) are shifted by ``link_offset``."""
        self.name = graph.graph.get("name", self.name)
        write = self.parts
        for node, data in graph.nodes(data=True):
            if node in self.seen:
                continue
            self.seen.add(node)
            self._declare("node", data)
            node_id = _attr(node)
            write["graphml_nodes"].write(
                f"    <node id={node_id}>"
                + "".join(f'<data key="n.{k}">{_text(v)}</data>' for k, v in data.items()) + "</node>\n")
            write["gexf_nodes"].write(f"      <node id={node_id} label={_attr(data.get('label', node))}>"
                                      + self._attvalues("node", data) + "</node>\n")
            write["dot_nodes"].write(dot_node_line(node, data) + "\n")
        for u, v, key, data in graph.edges(keys=True, data=True):
            key = str(key)
            if link_offset:
                key = _LINK_NUMBER.sub(lambda m: f"link{int(m.group(1)) + link_offset}", key)
                if "link_index" in data:
                    data = {**data, "link_index": int(data["link_index"]) + link_offset}
            self._declare("edge", {**data, "networkx_key": key})
            source, target = _attr(u), _attr(v)
            write["graphml_edges"].write(
                f"    <edge source={source} target={target} id={_attr(key)}>"
                + "".join(f'<data key="e.{k}">{_text(x)}</data>' for k, x in data.items()) + "</edge>\n")
            label = f" label={_attr(data['label'])}" if "label" in data else ""
            write["gexf_edges"].write(f'      <edge id="{self.edges}" source={source} target={target}{label}>'
                                      + self._attvalues("edge", {**data, "networkx_key": key}) + "</edge>\n")
            write["dot_edges"].write(dot_edge_line(u, v, data) + "\n")
            self.edges += 1

    def finish(self, out: Path) -> list[str]:
        for handle in self.parts.values():
            handle.close()
        self._graphml(out / "graph.graphml")
        self._gexf(out / "graph.gexf")
        self._dot(out / "graph.dot")
        return ["graph.graphml", "graph.gexf", "graph.dot"]

    def _copy(self, name: str, target: IO[str]) -> None:
        with open(self.scratch / f"{name}.part", encoding="utf-8") as source:
            shutil.copyfileobj(source, target)

    def _graphml(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as out:
            out.write("<?xml version='1.0' encoding='utf-8'?>\n"
                      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                      'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
            for (domain, name), kind in self.keys.items():
                if name == "networkx_key":
                    continue
                prefix = "n." if domain == "node" else "e."
                out.write(f'  <key id={_attr(prefix + name)} for="{domain}" attr.name={_attr(name)} '
                          f'attr.type="{kind}" />\n')
            out.write('  <key id="g.name" for="graph" attr.name="name" attr.type="string" />\n')
            out.write(f'  <graph edgedefault="directed">\n    <data key="g.name">{_text(self.name)}</data>\n')
            self._copy("graphml_nodes", out)
            self._copy("graphml_edges", out)
            out.write("  </graph>\n</graphml>\n")

    def _gexf(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as out:
            out.write("<?xml version='1.0' encoding='utf-8'?>\n"
                      '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                      'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
                      'version="1.2">\n  <meta>\n    <creator>argmine</creator>\n  </meta>\n'
                      f'  <graph defaultedgetype="directed" mode="static" name={_attr(self.name)}>\n')
            for domain in ("node", "edge"):
                out.write(f'    <attributes mode="static" class="{domain}">\n')
                for (kind, name), number in self.gexf_ids.items():
                    if kind == domain:
                        out.write(f'      <attribute id="{number}" title={_attr(name)} type="{self.keys[(kind, name)]}" />\n')
                out.write("    </attributes>\n")
            out.write("    <nodes>\n")
            self._copy("gexf_nodes", out)
            out.write("    </nodes>\n    <edges>\n")
            self._copy("gexf_edges", out)
            out.write("    </edges>\n  </graph>\n</gexf>\n")

    def _dot(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(DOT_HEADER) + "\n")
            self._copy("dot_nodes", out)
            self._copy("dot_edges", out)
            out.write("}\n")


# -- argument files ------------------------------------------------------------------------


class _ArgumentSinks:
    """AIF JSON and Argdown joined from each slice's, with node, edge, participant and link numbers made corpus-wide.

    AIF: the lists of every slice's document are concatenated and the
    ``"argmine"`` object (keyed by node id) merged. Argdown: the per-document
    sections of every slice follow one header.
    """

    _ID_FIELDS = {"nodeID": "node", "fromID": "node", "toID": "node", "edgeID": "edge", "participantID": "person",
                  "personID": "person"}

    def __init__(self, scratch: Path):
        self.scratch = scratch
        self.lists: dict[str, IO[str]] = {}
        self.counts: Counter = Counter()
        self.extra: dict[str, IO[str]] = {}
        self.extra_counts: Counter = Counter()
        self.offsets = {"node": 0, "edge": 0, "person": 0}
        self.order: list[str] = []
        self.argdown = open(scratch / "argdown.part", "w", encoding="utf-8")
        self.argdown_sections = 0
        self.argdown_head: str | None = None

    def _shift(self, item: dict, offsets: dict[str, int], top: dict[str, int]) -> dict:
        shifted = dict(item)
        for name, kind in self._ID_FIELDS.items():
            if name in shifted and shifted[name] is not None:
                number = int(shifted[name])
                shifted[name] = str(number + offsets[kind])
                if name in ("nodeID", "edgeID", "participantID"):
                    top[kind] = max(top[kind], number + offsets[kind])
        return shifted

    def add(self, result: Result, link_offset: int) -> None:
        from .argument import aif_document, argdown_text

        document = aif_document(result)
        offsets = dict(self.offsets)
        top = dict(self.offsets)
        for key, value in document.items():
            if key not in self.order:
                self.order.append(key)
            if isinstance(value, list):
                for item in value:
                    self._write(key, self._shift(item, offsets, top))
            else:  # {"nodes": {node id: data}}: ids shifted, link numbers made corpus-wide
                for group, entries in value.items():
                    for node_id, data in entries.items():
                        if "link_index" in data:
                            data = dict(data, link_index=int(data["link_index"]) + link_offset)
                        self._write_extra(key, group, str(int(node_id) + offsets["node"]), data)
        self.offsets = top
        self._argdown(argdown_text(result), link_offset)

    def _write(self, key: str, item: dict) -> None:
        if key not in self.lists:
            self.lists[key] = open(self.scratch / f"aif_{key}.part", "w", encoding="utf-8")
        body = json.dumps(item, ensure_ascii=False)
        self.lists[key].write(("  " if not self.counts[key] else ",\n  ") + body)
        self.counts[key] += 1

    def _write_extra(self, key: str, group: str, node_id: str, data: dict) -> None:
        name = f"{key}\t{group}"
        if name not in self.extra:
            self.extra[name] = open(self.scratch / f"aif_{key}_{group}.part", "w", encoding="utf-8")
        body = json.dumps(data, ensure_ascii=False)
        self.extra[name].write(("   " if not self.extra_counts[name] else ",\n   ") + f"{json.dumps(node_id)}: {body}")
        self.extra_counts[name] += 1

    _ARGDOWN_LINK = re.compile(r"^(\[.* link )(\d+)(\]:)", re.MULTILINE)

    def _argdown(self, text: str, link_offset: int) -> None:
        from .argument import argdown_text

        if self.argdown_head is None:
            self.argdown_head = argdown_text(Result(chapters=[]))
        head = self.argdown_head.rstrip("\n") + "\n\n"
        if not text.startswith(head):
            return  # no section in this slice
        body = self._ARGDOWN_LINK.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + link_offset}{m.group(3)}",
                                      text[len(head):])
        self.argdown.write(("\n" if self.argdown_sections else "") + body)
        self.argdown_sections += 1

    def finish(self, out: Path) -> list[str]:
        from .argument import aif_document, argdown_text

        for handle in (*self.lists.values(), *self.extra.values(), self.argdown):
            handle.close()
        empty = aif_document(Result(chapters=[]))
        self.order = self.order or list(empty)
        with open(out / "argument.aif.json", "w", encoding="utf-8") as target:
            target.write("{")
            for number, key in enumerate(self.order):
                target.write(("\n" if not number else ",\n") + f" {json.dumps(key)}: ")
                groups = [name.split("\t", 1)[1] for name in self.extra if name.split("\t", 1)[0] == key]
                if key in self.lists:
                    target.write("[\n")
                    self._copy(f"aif_{key}.part", target)
                    target.write("\n ]")
                elif groups:
                    target.write("{")
                    for index, group in enumerate(groups):
                        target.write(("\n" if not index else ",\n") + f"  {json.dumps(group)}: {{\n")
                        self._copy(f"aif_{key}_{group}.part", target)
                        target.write("\n  }")
                    target.write("\n }")
                else:
                    target.write(json.dumps(empty.get(key, []), ensure_ascii=False, indent=1).replace("\n", "\n "))
            target.write("\n}\n")
        with open(out / "argument.argdown", "w", encoding="utf-8") as target:
            head = self.argdown_head or argdown_text(Result(chapters=[]))
            if self.argdown_sections:
                target.write(head.rstrip("\n") + "\n\n")
                self._copy("argdown.part", target)
            else:
                target.write(head)
        return ["argument.aif.json", "argument.argdown"]

    def _copy(self, name: str, target: IO[str]) -> None:
        with open(self.scratch / name, encoding="utf-8") as source:
            shutil.copyfileobj(source, target)


# -- the whole output folder --------------------------------------------------------------------


def _clean_stale_staging(out: Path) -> None:
    """Remove the scratch folders of runs that were killed while writing."""
    for folder in out.glob(STAGING_PREFIX + "*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def write_streamed(keys: Sequence[str], cache, problems: Sequence[InputProblem], out_dir: str | os.PathLike, *,
                   png: bool = True, report: bool = True, parquet: bool = True,
                   slice_documents: int = SLICE_DOCUMENTS, view_limit: int = VIEW_LIMIT,
                   headers: Mapping[str, tuple[str, Mapping[str, str]]] | None = None) -> tuple[list[Path], dict]:
    """Write every output file of ``argmine run`` for the cached documents ``keys`` (in that order).

    Returns the paths written and counts (``documents``, ``links``,
    ``claims``). ``headers`` (key -> ``(source, metadata)``, as
    :class:`pipeline.batch.RunSummary` gives them) replace the source and
    metadata a cached record was stored with, so outputs name the paths of
    this run. Every file is written into a scratch folder inside ``out_dir``
    and all are moved into place in one journaled step
    (:func:`pipeline.export.commit_outputs`), under the folder's
    :class:`~pipeline.export.OutputLock` (:class:`~pipeline.export.OutputBusyError`
    when another process holds it). CSV cells that a spreadsheet would run
    as formulas are neutralised (:func:`pipeline.export.csv_safe`).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with OutputLock(out):
        finish_interrupted_commit(out)
        _clean_stale_staging(out)
        return _write_streamed(keys, cache, problems, out, png=png, report=report, parquet=parquet,
                               slice_documents=slice_documents, view_limit=view_limit, headers=headers)


def _write_streamed(keys, cache, problems, out: Path, *, png, report, parquet, slice_documents, view_limit, headers):
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    scratch = staging / ".scratch"
    scratch.mkdir()
    try:
        # 1: concept names across the corpus -> canonical names (the inputs of build_result's merge)
        occurrences: dict[tuple[str, str], Counter] = defaultdict(Counter)
        contexts: dict[str, object] = {}
        extra_columns: dict[str, None] = {}
        for chunk in _slices(cache, keys, slice_documents, headers):
            for item in chunk:
                count_concept_occurrences(item.extraction.links, into=occurrences)
                contexts[item.chapter.id] = item.extraction.context
                for key in item.chapter.metadata:
                    if key not in DOCUMENT_COLUMNS:
                        extra_columns.setdefault(key)
        mapping, merges = merge_concepts(occurrences, contexts)
        mapping = {key: name for key, name in mapping.items() if key[1] != name}  # the rest map to themselves
        del occurrences, contexts

        # 2: the concepts table from the canonical links, then from the resolutions (as Result.concepts)
        table = ConceptTable()
        for chunk in _slices(cache, keys, slice_documents, headers):
            table.add_links(link for item in chunk for link in canonical_links(item.extraction.links, mapping))
        for chunk in _slices(cache, keys, slice_documents, headers):
            table.add_resolutions(Result(chapters=chunk, concept_map=mapping).resolution_records)
        concepts = table.frame(merges)
        del table
        concepts_by_name = concepts.set_index("concept", drop=False)

        # 3: tables, graph and argument files, slice by slice
        document_columns = DOCUMENT_COLUMNS + [c for c in extra_columns if c not in DOCUMENT_COLUMNS]
        numbers = {"words", "sentences", "claims", "links"}
        sinks = {name: _TableSink(staging, name, parquet,
                                  [c for c in document_columns if c not in numbers] if name == "documents" else ())
                 for name in TABLES if name != "concepts"}
        graphs = _GraphSinks(scratch)
        arguments = _ArgumentSinks(scratch)
        counts = {"documents": 0, "links": 0, "claims": 0}
        view: list = []
        view_links: list = []
        for chunk in _slices(cache, keys, slice_documents, headers):
            links = [link for item in chunk for link in canonical_links(item.extraction.links, mapping)]
            result = Result(chapters=chunk, link_records=links, concept_map=mapping)
            names = sorted({l.cause_concept for l in links} | {l.effect_concept for l in links})
            result.__dict__["concepts"] = concepts_by_name.loc[names].reset_index(drop=True)
            sinks["documents"].write(result.documents.reindex(columns=document_columns))
            for name in ("claims", "links", "resolutions"):
                sinks[name].write(getattr(result, name))
            graphs.add(result.graph, counts["links"])
            arguments.add(result, counts["links"])
            if len(view) < view_limit:
                room = view_limit - len(view)
                view.extend(chunk[:room])
                kept = {item.chapter.id for item in chunk[:room]}
                view_links.extend(l for l in links if l.doc_id in kept)
            counts["documents"] += len(chunk)
            counts["links"] += len(links)
            counts["claims"] += len(result.claims)
        for name, sink in sinks.items():
            sink.close(getattr(Result(chapters=[]), name).reindex(
                columns=document_columns if name == "documents" else None))
        written = [f"{name}.{kind}" for name in sinks for kind in (("csv", "parquet") if parquet else ("csv",))]
        csv_safe(concepts).to_csv(staging / "concepts.csv", index=False)
        written.append("concepts.csv")
        if parquet:
            concepts.to_parquet(staging / "concepts.parquet", index=False)
            written.append("concepts.parquet")
        if problems:
            csv_safe(Result(chapters=[], problems=list(problems)).errors).to_csv(staging / "errors.csv", index=False)
            written.append("errors.csv")
        written += graphs.finish(staging)
        written += arguments.finish(staging)
        if png or report:
            view_result = Result(chapters=view, merges=merges, link_records=view_links, concept_map=mapping)
            if png:
                from .plots import save_causal_graph_png

                save_causal_graph_png(view_result, staging / "graph.png")
                written.append("graph.png")
            if report:
                from .report import write_report

                write_report(view_result, staging / "report.html")
                written.append("report.html")
        commit_outputs(staging, out, written, [] if problems else ["errors.csv"])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in written], counts
