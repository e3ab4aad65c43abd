"""Writing the outputs of a run from the cache, with memory that does not grow with the corpus.

:func:`write_streamed` reads the cached results of a run (see
:mod:`pipeline.batch`) three times, a slice of documents at a time:

1. concept names and mention texts per name, to merge concepts across the
   corpus (:func:`pipeline.concepts.merge_concepts` needs only these
   per-concept aggregates);
2. the canonical links, for the concepts table (mentions, documents, aliases);
3. everything, written slice by slice: the tables are appended to their CSV
   and Parquet files, and each slice's argument graph (built by
   :func:`pipeline.graph.build_graph`, its link numbers shifted to the
   corpus-wide ones) is appended to GraphML, GEXF and DOT; the AIF and
   Argdown files are joined from each slice's in the same way.

Only the aggregates (one entry per concept) and one slice are in memory at a
time. ``graph.png`` and ``report.html`` are views for reading: they show the
first ``view_limit`` documents (all of them in a corpus that small) and say so.

For a corpus of one slice the files hold the same data as
:meth:`pipeline.analysis.Result.write`; the tests check it.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import IO, Iterator, Sequence
from xml.sax.saxutils import escape, quoteattr

import pandas as pd

from .analysis import CONCEPT_COLUMNS, DOCUMENT_COLUMNS, Result
from .concepts import merge_concepts
from .export import DOT_HEADER, TABLES, dot_edge_line, dot_node_line, xml_safe_graph
from .records import InputProblem

__all__ = ["write_streamed", "SLICE_DOCUMENTS", "VIEW_LIMIT", "STAGING_PREFIX"]

#: Documents per slice of the third pass.
SLICE_DOCUMENTS = 100
#: graph.png and report.html show at most this many documents.
VIEW_LIMIT = 100
STAGING_PREFIX = ".argmine-staging-"
_LINK_NUMBER = re.compile(r"link(\d+)")


def _slices(cache, keys: Sequence[str], size: int) -> Iterator[list]:
    for start in range(0, len(keys), size):
        yield list(cache.iter_results(keys[start:start + size]))


def _canonical(links, mapping: dict[tuple[str, str], str]) -> list:
    """Links with canonical concept names; a link whose two ends became one concept is dropped
    (as :func:`pipeline.analysis.build_result` does)."""
    from dataclasses import replace

    out = []
    for link in links:
        cause = mapping.get((link.doc_id, link.cause_concept), link.cause_concept)
        effect = mapping.get((link.doc_id, link.effect_concept), link.effect_concept)
        if cause != effect:
            out.append(replace(link, cause_concept=cause, effect_concept=effect))
    return out


# -- tables -------------------------------------------------------------------------


class _TableSink:
    """One table appended slice by slice to its CSV and (optionally) Parquet file."""

    def __init__(self, folder: Path, name: str, parquet: bool):
        self.csv_path = folder / f"{name}.csv"
        self.parquet_path = folder / f"{name}.parquet" if parquet else None
        self.columns: list[str] | None = None
        self.writer = None
        self.schema = None

    def write(self, frame: pd.DataFrame) -> None:
        first = self.columns is None
        if first:
            self.columns = list(frame.columns)
        frame = frame.reindex(columns=self.columns)
        if not len(frame) and not first:
            return
        frame.to_csv(self.csv_path, index=False, header=first, mode="w" if first else "a")
        if self.parquet_path is not None and len(frame):
            self._parquet(frame)

    def _parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self.writer is None:
            fields = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in table.schema]
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


def _xml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _GraphSinks:
    """GraphML, GEXF and DOT of a graph that arrives slice by slice.

    Node and edge elements go to scratch files as they come (a node only
    once); the headers, which declare every attribute seen, are written when
    the files are put together in :meth:`finish`.
    """

    def __init__(self, scratch: Path):
        self.scratch = scratch
        self.parts: dict[str, IO[str]] = {name: open(scratch / f"{name}.part", "w", encoding="utf-8")
                                          for name in ("graphml_nodes", "graphml_edges", "gexf_nodes", "gexf_edges",
                                                       "dot_nodes", "dot_edges")}
        self.seen: set[str] = set()
        self.keys: dict[tuple[str, str], str] = {}  # (domain, attribute) -> type
        self.name = ""
        self.edges = 0

    def _declare(self, domain: str, data: dict) -> None:
        for name, value in data.items():
            self.keys.setdefault((domain, name), _xml_type(value))

    def add(self, graph) -> None:
        safe = xml_safe_graph(graph)
        self.name = safe.graph.get("name", self.name)
        for node, data in safe.nodes(data=True):
            if node in self.seen:
                continue
            self.seen.add(node)
            self._declare("node", data)
            self.parts["graphml_nodes"].write(
                f'    <node id={quoteattr(str(node))}>'
                + "".join(f'<data key={quoteattr("n." + k)}>{escape(_xml_value(v))}</data>' for k, v in data.items())
                + "</node>\n")
            attvalues = {k: v for k, v in data.items() if k != "label"}
            self.parts["gexf_nodes"].write(
                f'      <node id={quoteattr(str(node))} label={quoteattr(str(data.get("label", node)))}>'
                + self._attvalues("node", attvalues) + "</node>\n")
            self.parts["dot_nodes"].write(dot_node_line(node, data) + "\n")
        for u, v, key, data in safe.edges(keys=True, data=True):
            self._declare("edge", data)
            self.keys.setdefault(("edge", "networkx_key"), "string")
            self.parts["graphml_edges"].write(
                f'    <edge source={quoteattr(str(u))} target={quoteattr(str(v))} id={quoteattr(str(key))}>'
                + "".join(f'<data key={quoteattr("e." + k)}>{escape(_xml_value(x))}</data>' for k, x in data.items())
                + "</edge>\n")
            attvalues = {k: x for k, x in data.items() if k != "label"}
            attvalues["networkx_key"] = str(key)
            label = f" label={quoteattr(str(data['label']))}" if "label" in data else ""
            self.parts["gexf_edges"].write(
                f'      <edge id="{self.edges}" source={quoteattr(str(u))} target={quoteattr(str(v))}{label}>'
                + self._attvalues("edge", attvalues) + "</edge>\n")
            self.parts["dot_edges"].write(dot_edge_line(u, v, data) + "\n")
            self.edges += 1

    def _gexf_ids(self, domain: str) -> dict[str, int]:
        names = [name for (kind, name) in self.keys if kind == domain and not (domain == "node" and name == "label")]
        offset = 0 if domain == "node" else sum(1 for (kind, name) in self.keys if kind == "node" and name != "label")
        return {name: offset + i for i, name in enumerate(names)}

    def _attvalues(self, domain: str, data: dict) -> str:
        # ids are resolved when the header is written: keep the attribute name for now
        if not data:
            return ""
        return "<attvalues>" + "".join(
            f'<attvalue for="{{{domain}:{name}}}" value={quoteattr(_xml_value(value))} />' for name, value in data.items()
        ) + "</attvalues>"

    def finish(self, out: Path) -> list[str]:
        for handle in self.parts.values():
            handle.close()
        self._graphml(out / "graph.graphml")
        self._gexf(out / "graph.gexf")
        self._dot(out / "graph.dot")
        return ["graph.graphml", "graph.gexf", "graph.dot"]

    def _copy(self, name: str, target: IO[str], replace=None) -> None:
        with open(self.scratch / f"{name}.part", encoding="utf-8") as source:
            for line in source:
                target.write(replace(line) if replace else line)

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
                out.write(f'  <key id={quoteattr(prefix + name)} for="{domain}" attr.name={quoteattr(name)} '
                          f'attr.type="{kind}" />\n')
            out.write('  <key id="g.name" for="graph" attr.name="name" attr.type="string" />\n')
            out.write(f'  <graph edgedefault="directed">\n    <data key="g.name">{escape(self.name)}</data>\n')
            self._copy("graphml_nodes", out)
            self._copy("graphml_edges", out)
            out.write("  </graph>\n</graphml>\n")

    def _gexf(self, path: Path) -> None:
        ids = {"node": self._gexf_ids("node"), "edge": self._gexf_ids("edge")}
        pattern = re.compile(r'for="\{(node|edge):([^}]*)\}"')

        def resolve(line: str) -> str:
            return pattern.sub(lambda m: f'for="{ids[m.group(1)][m.group(2)]}"', line)

        with open(path, "w", encoding="utf-8") as out:
            out.write("<?xml version='1.0' encoding='utf-8'?>\n"
                      '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                      'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
                      'version="1.2">\n  <meta>\n    <creator>argmine</creator>\n  </meta>\n'
                      f'  <graph defaultedgetype="directed" mode="static" name={quoteattr(self.name)}>\n')
            for domain in ("node", "edge"):
                out.write(f'    <attributes mode="static" class="{domain}">\n')
                for name, number in ids[domain].items():
                    out.write(f'      <attribute id="{number}" title={quoteattr(name)} type="{self.keys[(domain, name)]}" />\n')
                out.write("    </attributes>\n")
            out.write("    <nodes>\n")
            self._copy("gexf_nodes", out, resolve)
            out.write("    </nodes>\n    <edges>\n")
            self._copy("gexf_edges", out, resolve)
            out.write("    </edges>\n  </graph>\n</gexf>\n")

    def _dot(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(DOT_HEADER) + "\n")
            self._copy("dot_nodes", out)
            self._copy("dot_edges", out)
            out.write("}\n")


def _shift_links(graph, offset: int):
    """The slice graph with link numbers (edge keys ``…link<i>``, ``link_index``) made corpus-wide."""
    if not offset:
        return graph
    import networkx as nx

    shifted = nx.MultiDiGraph(**graph.graph)
    shifted.add_nodes_from(graph.nodes(data=True))
    for u, v, key, data in graph.edges(keys=True, data=True):
        if isinstance(key, str):
            key = _LINK_NUMBER.sub(lambda m: f"link{int(m.group(1)) + offset}", key)
        if "link_index" in data:
            data = {**data, "link_index": int(data["link_index"]) + offset}
        shifted.add_edge(u, v, key=key, **data)
    return shifted


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
        body = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        self.lists[key].write(("  " if not self.counts[key] else ",\n  ") + body)
        self.counts[key] += 1

    def _write_extra(self, key: str, group: str, node_id: str, data: dict) -> None:
        name = f"{key}\t{group}"
        if name not in self.extra:
            self.extra[name] = open(self.scratch / f"aif_{key}_{group}.part", "w", encoding="utf-8")
        body = json.dumps(data, ensure_ascii=False, indent=1).replace("\n", "\n   ")
        self.extra[name].write(("   " if not self.extra_counts[name] else ",\n   ") + f"{json.dumps(node_id)}: {body}")
        self.extra_counts[name] += 1

    _ARGDOWN_LINK = re.compile(r"^(\[.* link )(\d+)(\]:)", re.MULTILINE)

    def _argdown(self, text: str, link_offset: int) -> None:
        from .argument import argdown_text

        if not hasattr(self, "argdown_head"):
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
            head = getattr(self, "argdown_head", None) or argdown_text(Result(chapters=[]))
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


def _concepts_frame(mentions: dict[str, Counter], documents: dict[str, set[str]], as_cause: Counter,
                    as_effect: Counter, merges) -> pd.DataFrame:
    """The concepts table from per-concept aggregates (as :attr:`Result.concepts` computes it from links)."""
    merged_from: dict[str, list[str]] = defaultdict(list)
    merged_aliases: dict[str, set[str]] = defaultdict(set)
    for merge in merges:
        merged_from[merge.canonical].append(f"{merge.alias} ({merge.reason})")
        merged_aliases[merge.canonical].add(merge.alias)
    rows = []
    for concept in sorted(mentions, key=lambda c: (-sum(mentions[c].values()), c)):
        rows.append({
            "concept": concept, "mentions": sum(mentions[concept].values()),
            "documents": "; ".join(sorted(documents[concept])), "n_documents": len(documents[concept]),
            "aliases": " | ".join(sorted(set(mentions[concept]) | merged_aliases[concept])),
            "merged_from": "; ".join(merged_from.get(concept, [])),
            "as_cause": as_cause[concept], "as_effect": as_effect[concept],
        })
    return pd.DataFrame(rows, columns=CONCEPT_COLUMNS)


def _clean_stale_staging(out: Path) -> None:
    """Remove the scratch folders of runs that were killed while writing."""
    for folder in out.glob(STAGING_PREFIX + "*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def write_streamed(keys: Sequence[str], cache, problems: Sequence[InputProblem], out_dir: str | os.PathLike, *,
                   png: bool = True, report: bool = True, parquet: bool = True,
                   slice_documents: int = SLICE_DOCUMENTS, view_limit: int = VIEW_LIMIT) -> tuple[list[Path], dict]:
    """Write every output file of ``argmine run`` for the cached documents ``keys`` (in that order).

    Returns the paths written and counts (``documents``, ``links``,
    ``claims``). Every file is written into a scratch folder inside
    ``out_dir`` and moved into place only when all are complete.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _clean_stale_staging(out)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    scratch = staging / ".scratch"
    scratch.mkdir()
    try:
        # 1: concept names across the corpus -> canonical names (the inputs of build_result's merge)
        occurrences: dict[tuple[str, str], Counter] = defaultdict(Counter)
        contexts: dict[str, object] = {}
        extra_columns: dict[str, None] = {}
        for chunk in _slices(cache, keys, slice_documents):
            for item in chunk:
                for link in item.extraction.links:
                    for name, text in ((link.cause_concept, link.cause_text), (link.effect_concept, link.effect_text)):
                        occurrences[(link.doc_id, name)][text] += 1
                contexts[item.chapter.id] = item.extraction.context
                for key in item.chapter.metadata:
                    if key not in DOCUMENT_COLUMNS:
                        extra_columns.setdefault(key)
        mapping, merges = merge_concepts(occurrences, contexts)
        mapping = {key: name for key, name in mapping.items() if key[1] != name}  # the rest map to themselves
        del occurrences, contexts

        # 2: the concepts table from the canonical links
        mentions: dict[str, Counter] = defaultdict(Counter)
        documents: dict[str, set[str]] = defaultdict(set)
        as_cause: Counter = Counter()
        as_effect: Counter = Counter()
        for chunk in _slices(cache, keys, slice_documents):
            for item in chunk:
                for link in _canonical(item.extraction.links, mapping):
                    mentions[link.cause_concept][link.cause_text] += 1
                    mentions[link.effect_concept][link.effect_text] += 1
                    documents[link.cause_concept].add(link.doc_id)
                    documents[link.effect_concept].add(link.doc_id)
                    as_cause[link.cause_concept] += 1
                    as_effect[link.effect_concept] += 1
        concepts = _concepts_frame(mentions, documents, as_cause, as_effect, merges)
        del mentions, documents
        concepts_by_name = concepts.set_index("concept", drop=False)

        # 3: tables, graph and argument files, slice by slice
        document_columns = DOCUMENT_COLUMNS + [c for c in extra_columns if c not in DOCUMENT_COLUMNS]
        sinks = {name: _TableSink(staging, name, parquet) for name in TABLES if name != "concepts"}
        graphs = _GraphSinks(scratch)
        arguments = _ArgumentSinks(scratch)
        counts = {"documents": 0, "links": 0, "claims": 0}
        view: list = []
        view_links: list = []
        for chunk in _slices(cache, keys, slice_documents):
            links = [link for item in chunk for link in _canonical(item.extraction.links, mapping)]
            result = Result(chapters=chunk, link_records=links)
            names = sorted({l.cause_concept for l in links} | {l.effect_concept for l in links})
            result.__dict__["concepts"] = concepts_by_name.loc[names].reset_index(drop=True)
            sinks["documents"].write(result.documents.reindex(columns=document_columns))
            for name in ("claims", "links", "resolutions"):
                sinks[name].write(getattr(result, name))
            graphs.add(_shift_links(result.graph, counts["links"]))
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
        concepts.to_csv(staging / "concepts.csv", index=False)
        written.append("concepts.csv")
        if parquet:
            concepts.to_parquet(staging / "concepts.parquet", index=False)
            written.append("concepts.parquet")
        if problems:
            Result(chapters=[], problems=list(problems)).errors.to_csv(staging / "errors.csv", index=False)
            written.append("errors.csv")
        written += graphs.finish(staging)
        written += arguments.finish(staging)
        if png or report:
            view_result = Result(chapters=view, merges=merges, link_records=view_links)
            if png:
                from .plots import save_causal_graph_png

                save_causal_graph_png(view_result, staging / "graph.png")
                written.append("graph.png")
            if report:
                from .report import write_report

                write_report(view_result, staging / "report.html")
                written.append("report.html")
        for name in written:
            os.replace(staging / name, out / name)
        if not problems:
            (out / "errors.csv").unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in written], counts
