"""One writer (a *sink*) per output file format, fed a slice of records at a time.

Every sink has the same three steps: it is made with the folder it writes
into (and a scratch folder for parts), :meth:`Sink.add` takes one slice (a
:class:`~argmine.graph.result.Result` holding some documents, its causal links
numbered from ``link_offset``) and :meth:`Sink.close` finishes the file and
returns its name. Writing a whole result is adding it as one slice, so
:meth:`argmine.graph.result.Result.write` and ``argmine run`` (which adds the
documents of its cache a slice at a time, :func:`argmine.batch.stream.write_streamed`)
go through the same writers and write the same bytes for the same records.

Memory stays bounded by one slice: tables are appended to their CSV file
(pandas ``to_csv``) and to their Parquet file (pyarrow's ``ParquetWriter``,
one row group per slice); graph elements go to scratch files as they come,
and the head of a GraphML or GEXF file, which declares every attribute seen,
is written when the parts are joined. networkx's ``write_graphml`` and
``write_gexf`` need the whole graph in memory, which a corpus of thousands of
documents does not fit, so the XML is written here, in the form networkx
reads back (:func:`networkx.read_graphml`, :func:`networkx.read_gexf`).

Strings are cleaned of characters XML forbids (:func:`xml_clean`); CSV cells
that a spreadsheet would run as formulas are neutralised (:func:`csv_safe`).

About 620 lines because it holds every format: seven small sink classes
that share the slice protocol and the XML and CSV escaping above them.
"""
from __future__ import annotations

import json
import re
import shutil
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Sequence

from ..layout import TABLE_NAMES

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas as pd

    from ..graph.result import Result

__all__ = ["Sink", "CsvSink", "ParquetSink", "GraphMLSink", "GexfSink", "DotSink", "AifSink", "ArgdownSink",
           "csv_safe", "csv_cell_safe", "csv_cell_restore", "xml_clean", "dot_node_line", "dot_edge_line",
           "DOT_HEADER", "TABLES"]

#: table name -> Result attribute
TABLES = {name: name for name in TABLE_NAMES}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: XML escapes of values up to this length (kinds, labels, ids) are cached; longer ones are not.
_CACHED_LENGTH = 80

# -- CSV cells a spreadsheet would run as formulas -------------------------------------------

#: A cell a spreadsheet reads as a formula (OWASP "CSV injection"): it starts with = + - @, a tab or a
#: carriage return, possibly after quotes this neutralisation added before.
_FORMULA_CELL = re.compile("'*[=+\\-@\t\r]")
_NEUTRALISED_CELL = re.compile("'+[=+\\-@\t\r]")


def csv_cell_safe(value):
    """A CSV cell a spreadsheet shows as text: a string that starts like a formula gets a leading ``'``.

    Strings that begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return (after any number of ``'``) are prefixed with one ``'`` (the OWASP
    advice for CSV injection); other values are returned as they are. The
    change is undone exactly by :func:`csv_cell_restore`.

    >>> csv_cell_safe("=HYPERLINK(1)"), csv_cell_safe("'=1"), csv_cell_safe("plain"), csv_cell_safe(-1)
    ("'=HYPERLINK(1)", "''=1", 'plain', -1)
    """
    if isinstance(value, str) and _FORMULA_CELL.match(value):
        return "'" + value
    return value


def csv_cell_restore(value):
    """The exact value of a cell :func:`csv_cell_safe` neutralised.

    >>> csv_cell_restore("'=HYPERLINK(1)"), csv_cell_restore("''=1"), csv_cell_restore("'quoted")
    ('=HYPERLINK(1)', "'=1", "'quoted")
    """
    if isinstance(value, str) and _NEUTRALISED_CELL.match(value):
        return value[1:]
    return value


def csv_safe(frame):
    """A copy of a DataFrame for ``to_csv`` whose text cells cannot run as spreadsheet formulas (see
    :func:`csv_cell_safe`); numbers and the frame itself are unchanged. Parquet files keep the exact values."""
    from pandas.api.types import is_numeric_dtype

    columns = [name for name in frame.columns if not is_numeric_dtype(frame[name].dtype)
               and frame[name].map(lambda v: isinstance(v, str) and _FORMULA_CELL.match(v) is not None).any()]
    if not columns:
        return frame
    frame = frame.copy()
    for name in columns:
        frame[name] = frame[name].map(csv_cell_safe)
    return frame


def xml_clean(value):
    """A string with every character XML 1.0 forbids replaced by U+FFFD; other values as they are.

    >>> xml_clean("a\\x00b"), xml_clean(3)
    ('a\\ufffdb', 3)
    """
    if isinstance(value, str):
        return _XML_BAD.sub("\ufffd", value)
    return value


# -- the protocol -------------------------------------------------------------------------------


class Sink:
    """One output file, written slice by slice: ``add`` each slice, then ``close``.

    ``folder`` receives the file; ``scratch`` (a folder of the caller's, removed
    after) holds parts of files whose head is only known at the end.
    """

    name: str = ""

    def __init__(self, folder: Path, scratch: Path | None = None):
        self.folder = Path(folder)
        self.scratch = Path(scratch) if scratch is not None else self.folder

    def add(self, part: "Result", link_offset: int = 0) -> None:  # pragma: no cover - every sink overrides it
        raise NotImplementedError

    def close(self) -> list[str]:  # pragma: no cover
        raise NotImplementedError

    def _part(self, label: str) -> IO[str]:
        return open(self.scratch / f"{self.name}.{label}.part", "w", encoding="utf-8")

    def _copy(self, label: str, target: IO[str]) -> None:
        with open(self.scratch / f"{self.name}.{label}.part", encoding="utf-8") as source:
            shutil.copyfileobj(source, target)


# -- tables -------------------------------------------------------------------------------------


class _TableSink(Sink):
    """A table of a :class:`~argmine.graph.result.Result` (``table``: an attribute named in :data:`TABLES`).

    The first slice fixes the columns (``columns``, when given, fixes them
    before: the documents table takes every metadata key of the corpus); later
    slices are reindexed to them. :meth:`write` takes a frame directly (the
    concepts table, which is the corpus's, not a slice's).
    """

    suffix = ""

    def __init__(self, folder: Path, table: str, columns: Sequence[str] | None = None):
        super().__init__(folder)
        self.table = table
        self.name = f"{table}.{self.suffix}"
        self.columns: list[str] | None = list(columns) if columns is not None else None
        self.rows = 0
        self.started = False

    def add(self, part: "Result", link_offset: int = 0) -> None:
        self.write(getattr(part, TABLES[self.table]))

    def write(self, frame: "pd.DataFrame") -> None:
        if self.columns is None:
            self.columns = list(frame.columns)
        frame = frame.reindex(columns=self.columns)
        if self.started and not len(frame):
            return
        self._write(frame)
        self.started = True
        self.rows += len(frame)

    def close(self) -> list[str]:
        if not self.started:
            from ..graph.result import Result

            self.write(getattr(Result(chapters=[]), TABLES[self.table]))
        self._close()
        return [self.name]

    def _write(self, frame) -> None:  # pragma: no cover
        raise NotImplementedError

    def _close(self) -> None:
        pass


class CsvSink(_TableSink):
    """A table as CSV (pandas ``to_csv``, no index), its formula-like text cells neutralised (:func:`csv_safe`)."""

    suffix = "csv"

    def _write(self, frame) -> None:
        csv_safe(frame).to_csv(self.folder / self.name, index=False, header=not self.started,
                               mode="a" if self.started else "w")


class ParquetSink(_TableSink):
    """A table as Parquet (pyarrow), one row group per slice, exact values.

    The schema is the first non-empty slice's, with two changes so that later
    slices fit it: a column without a value there (all null) is a string
    column, and ``text_columns`` (the documents' metadata) are strings whatever
    the first slice holds. A table without rows is written by pandas.
    """

    suffix = "parquet"

    def __init__(self, folder: Path, table: str, columns: Sequence[str] | None = None,
                 text_columns: Sequence[str] = ()):
        super().__init__(folder, table, columns)
        self.text_columns = frozenset(text_columns)
        self.writer = None
        self.schema = None
        self.empty = None

    def _write(self, frame) -> None:
        if not len(frame):
            self.empty = frame
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self.writer is None:
            def typed(f):
                if pa.types.is_string(f.type) or pa.types.is_large_string(f.type):
                    return f
                if f.name in self.text_columns:
                    return pa.field(f.name, pa.large_string())
                return pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f

            self.schema = pa.schema([typed(f) for f in table.schema], metadata=table.schema.metadata)
            self.writer = pq.ParquetWriter(self.folder / self.name, self.schema)
        self.writer.write_table(table.cast(self.schema))

    def _close(self) -> None:
        if self.writer is None:
            self.empty.iloc[0:0].to_parquet(self.folder / self.name, index=False)
        else:
            self.writer.close()


# -- graph files ----------------------------------------------------------------------------------


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
    return xml_clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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


def _element(key: str, value) -> str:
    """``<data key="KEY">value</data>``: a GraphML attribute value (:func:`_text`), kept when short.

    An ``int`` or ``float`` (not a subclass) is written as ``str`` writes it, which never needs escaping: not
    kept, since offsets and indexes rarely repeat."""
    kind = type(value)
    if kind is str:
        if len(value) > _CACHED_LENGTH:
            return f'<data key="{key}">{_escape_text(value)}</data>'
    elif kind is int or kind is float:
        return f'<data key="{key}">{value}</data>'
    return _short_element(key, value)


@lru_cache(maxsize=1 << 15, typed=True)
def _short_element(key: str, value) -> str:
    return f'<data key="{key}">{_short_text(value)}</data>'


def _attvalue(number: int, value) -> str:
    """``<attvalue for="N" value="..." />``: a GEXF attribute value (:func:`_attr`), kept when short (numbers as
    in :func:`_element`: written directly, not kept)."""
    kind = type(value)
    if kind is str:
        if len(value) > _CACHED_LENGTH:
            return f'<attvalue for="{number}" value={_quote(_escape_text(value))} />'
    elif kind is int or kind is float:
        return f'<attvalue for="{number}" value="{value}" />'
    return _short_attvalue(number, value)


@lru_cache(maxsize=1 << 15, typed=True)
def _short_attvalue(number: int, value) -> str:
    return f'<attvalue for="{number}" value={_short_attr(value)} />'


def _elements(prefix: str, data: dict) -> str:
    """``<data key="PREFIXname">value</data>`` for every item of ``data``: :func:`_element` inlined."""
    cells = []
    for k, v in data.items():
        kind = type(v)
        if kind is int or kind is float:
            cells.append(f'<data key="{prefix}{k}">{v}</data>')
        elif kind is str and len(v) > _CACHED_LENGTH:
            cells.append(f'<data key="{prefix}{k}">{_escape_text(v)}</data>')
        else:
            cells.append(_short_element(prefix + k, v))
    return "".join(cells)


def _edge_id(key: str) -> str:
    """An edge key as a quoted attribute (:func:`_attr`), not kept: every edge has its own key."""
    return _quote(_escape_text(key)) if type(key) is str else _attr(key)


class _GraphSink(Sink):
    """A graph file of the argument graph (:func:`argmine.graph.network.build_graph`), which arrives slice by slice.

    A node is written once (the first slice that has it); every edge is
    written. :meth:`add` takes a slice :class:`~argmine.graph.result.Result`
    (its graph, with links numbered from ``link_offset``); :meth:`add_graph`
    takes a networkx multigraph as it is.
    """

    def __init__(self, folder: Path, scratch: Path | None = None):
        super().__init__(folder, scratch)
        self.nodes = self._part("nodes")
        self.edges = self._part("edges")
        self.seen: set[str] = set()
        self.graph_name = ""
        self.edge_count = 0

    def add(self, part: "Result", link_offset: int = 0) -> None:
        self.add_graph(part.argument_graph(link_offset))

    def add_graph(self, graph: "nx.MultiDiGraph") -> None:
        self.graph_name = graph.graph.get("name", self.graph_name)
        for node, data in graph.nodes(data=True):
            if node not in self.seen:
                self.seen.add(node)
                self._node(node, data)
        if graph.is_multigraph():
            for u, v, key, data in graph.edges(keys=True, data=True):
                self._edge(u, v, str(key), data)
        else:
            for u, v, data in graph.edges(data=True):
                self._edge(u, v, str(self.edge_count), data)
        return None

    def _edge(self, u, v, key: str, data: dict) -> None:
        self._write_edge(u, v, key, data)
        self.edge_count += 1

    def close(self) -> list[str]:
        self.nodes.close()
        self.edges.close()
        with open(self.folder / self.name, "w", encoding="utf-8") as out:
            self._join(out)
        return [self.name]


class _Declared:
    """The attributes of nodes and edges seen so far, with their XML type (the first value's)."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], str] = {}  # (domain, attribute) -> type
        self.shapes: set[tuple[str, tuple[str, ...]]] = set()  # (domain, attribute names) whose names are all declared

    def declare(self, domain: str, data: dict) -> None:
        shape = (domain, tuple(data))
        if shape in self.shapes:
            return
        for name, value in data.items():
            if (domain, name) not in self.keys:
                self.keys[(domain, name)] = _xml_type(value)
        self.shapes.add(shape)


class GraphMLSink(_GraphSink):
    """``graph.graphml``: GraphML with key ids ``n.<attribute>`` and ``e.<attribute>``, edge ids the edge keys."""

    name = "graph.graphml"

    def __init__(self, folder: Path, scratch: Path | None = None):
        super().__init__(folder, scratch)
        self.declared = _Declared()

    def _node(self, node, data: dict) -> None:
        self.declared.declare("node", data)
        self.nodes.write(f"    <node id={_attr(node)}>" + _elements("n.", data) + "</node>\n")

    def _write_edge(self, u, v, key: str, data: dict) -> None:
        self.declared.declare("edge", data)
        self.edges.write(f"    <edge source={_attr(u)} target={_attr(v)} id={_edge_id(key)}>"
                         + _elements("e.", data) + "</edge>\n")

    def _join(self, out: IO[str]) -> None:
        out.write("<?xml version='1.0' encoding='utf-8'?>\n"
                  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                  'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                  'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for (domain, name), kind in self.declared.keys.items():
            prefix = "n." if domain == "node" else "e."
            out.write(f'  <key id={_attr(prefix + name)} for="{domain}" attr.name={_attr(name)} '
                      f'attr.type="{kind}" />\n')
        out.write('  <key id="g.name" for="graph" attr.name="name" attr.type="string" />\n')
        out.write(f'  <graph edgedefault="directed">\n    <data key="g.name">{_text(self.graph_name)}</data>\n')
        self._copy("nodes", out)
        self._copy("edges", out)
        out.write("  </graph>\n</graphml>\n")


class GexfSink(_GraphSink):
    """``graph.gexf``: GEXF 1.2, every attribute but ``label`` declared (edges also carry ``networkx_key``)."""

    name = "graph.gexf"

    def __init__(self, folder: Path, scratch: Path | None = None):
        super().__init__(folder, scratch)
        self.declared = _Declared()
        self.ids: dict[tuple[str, str], int] = {}

    def _declare(self, domain: str, data: dict) -> None:
        shape = (domain, tuple(data))
        if shape in self.declared.shapes:
            return
        for name, value in data.items():
            if (domain, name) not in self.declared.keys:
                self.declared.keys[(domain, name)] = _xml_type(value)
                if name != "label":
                    self.ids[(domain, name)] = len(self.ids)
        self.declared.shapes.add(shape)

    def _attvalues(self, domain: str, data: dict) -> str:
        ids = self.ids
        values = []
        for k, v in data.items():  # _attvalue inlined: a call per value is much of the file's cost
            if k == "label":
                continue
            kind = type(v)
            if kind is int or kind is float:
                values.append(f'<attvalue for="{ids[(domain, k)]}" value="{v}" />')
            elif kind is str and len(v) > _CACHED_LENGTH:
                values.append(f'<attvalue for="{ids[(domain, k)]}" value={_quote(_escape_text(v))} />')
            else:
                values.append(_short_attvalue(ids[(domain, k)], v))
        return f"<attvalues>{''.join(values)}</attvalues>" if values else ""

    def _node(self, node, data: dict) -> None:
        self._declare("node", data)
        self.nodes.write(f"      <node id={_attr(node)} label={_attr(data.get('label', node))}>"
                         + self._attvalues("node", data) + "</node>\n")

    def _write_edge(self, u, v, key: str, data: dict) -> None:
        data = {**data, "networkx_key": key}
        self._declare("edge", data)
        label = f" label={_attr(data['label'])}" if "label" in data else ""
        self.edges.write(f'      <edge id="{self.edge_count}" source={_attr(u)} target={_attr(v)}{label}>'
                         + self._attvalues("edge", data) + "</edge>\n")

    def _join(self, out: IO[str]) -> None:
        out.write("<?xml version='1.0' encoding='utf-8'?>\n"
                  '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                  'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
                  'version="1.2">\n  <meta>\n    <creator>argmine</creator>\n  </meta>\n'
                  f'  <graph defaultedgetype="directed" mode="static" name={_attr(self.graph_name)}>\n')
        for domain in ("node", "edge"):
            out.write(f'    <attributes mode="static" class="{domain}">\n')
            for (kind, name), number in self.ids.items():
                if kind == domain:
                    out.write(f'      <attribute id="{number}" title={_attr(name)} '
                              f'type="{self.declared.keys[(kind, name)]}" />\n')
            out.write("    </attributes>\n")
        out.write("    <nodes>\n")
        self._copy("nodes", out)
        out.write("    </nodes>\n    <edges>\n")
        self._copy("edges", out)
        out.write("    </edges>\n  </graph>\n</gexf>\n")


def _dot_quote(value) -> str:
    if type(value) is str and len(value) <= _CACHED_LENGTH:
        return _short_dot_quote(value)  # node ids and cues: repeated edge after edge
    return _dot_quote_text(value)


def _dot_quote_text(value) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{_XML_BAD.sub("", text)}"'


_short_dot_quote = lru_cache(maxsize=1 << 14)(_dot_quote_text)


DOT_HEADER = ("digraph argmine {", "  rankdir=LR;", '  node [shape=box, style="rounded", fontname="Helvetica"];')
_DOT_STYLES = {"support": 'color="darkgreen"', "attack": 'color="firebrick", style=dashed',
               "asserts": 'color="grey", style=dotted'}
_DIRECTION_MARKS = {"increase": "(\u2191)", "decrease": "(\u2193)"}


def dot_node_line(node, data: dict) -> str:
    """The DOT statement of one node."""
    shape = "ellipse" if data.get("kind") == "claim" else "box"
    return f"  {_dot_quote(node)} [label={_dot_quote(data.get('label', node))}, shape={shape}];"


def dot_edge_line(u, v, data: dict) -> str:
    """The DOT statement of one edge."""
    kind = data.get("kind", "")
    style = _DOT_STYLES.get(kind, "")
    if kind == "causal":
        style = ('color="firebrick"' if data.get("polarity") == "negative"
                 else ('color="darkorange", style=dashed' if data.get("hedged") else 'color="black"'))
    label = str(data.get("label", ""))
    if kind == "causal" and data.get("direction") in _DIRECTION_MARKS:
        label += " " + _DIRECTION_MARKS[data["direction"]]  # "cut (↓)": what the cause did to the effect
    attrs = ", ".join(x for x in (f"label={_dot_quote(label)}", style) if x)
    return f"  {_dot_quote(u)} -> {_dot_quote(v)} [{attrs}];"


class DotSink(_GraphSink):
    """``graph.dot``: Graphviz DOT, written by hand (no pydot/pygraphviz needed)."""

    name = "graph.dot"

    def _node(self, node, data: dict) -> None:
        self.nodes.write(dot_node_line(node, data) + "\n")

    def _write_edge(self, u, v, key: str, data: dict) -> None:
        self.edges.write(dot_edge_line(u, v, data) + "\n")

    def _join(self, out: IO[str]) -> None:
        out.write("\n".join(DOT_HEADER) + "\n")
        self._copy("nodes", out)
        self._copy("edges", out)
        out.write("}\n")


# -- argument files ---------------------------------------------------------------------------------


#: ``json.dumps(value, ensure_ascii=False)`` without making an encoder per call (json.dumps makes one for any option)
_json_text = json.JSONEncoder(ensure_ascii=False).encode


class AifSink(Sink):
    """``argument.aif.json``: the AIF documents of every slice (:func:`argmine.graph.argument.aif_document`) as one.

    The lists (nodes, edges, locutions, participants) of the slices follow
    each other, with node, edge and participant numbers continued from the
    slices before; the ``"argmine"`` object (keyed by node id) is merged. One
    JSON object per line.
    """

    name = "argument.aif.json"
    _ID_FIELDS = {"nodeID": "node", "fromID": "node", "toID": "node", "edgeID": "edge", "participantID": "person",
                  "personID": "person"}
    _NUMBERED = frozenset({"nodeID", "edgeID", "participantID"})  # the fields that number new items

    def __init__(self, folder: Path, scratch: Path | None = None):
        super().__init__(folder, scratch)
        self.lists: dict[str, IO[str]] = {}
        self.counts: dict[str, int] = {}
        self.extra: dict[tuple[str, str], IO[str]] = {}
        self.offsets = {"node": 0, "edge": 0, "person": 0}
        self.order: list[str] = []

    def _shift(self, item: dict, offsets: dict[str, int], top: dict[str, int]) -> dict:
        shifted = dict(item)
        fields, numbered = self._ID_FIELDS, self._NUMBERED
        for name, value in item.items():  # the item's few fields, not every id field
            kind = fields.get(name)
            if kind is not None and value is not None:
                number = int(value) + offsets[kind]
                shifted[name] = str(number)
                if name in numbered and number > top[kind]:
                    top[kind] = number
        return shifted

    def add(self, part: "Result", link_offset: int = 0) -> None:
        from ..graph.argument import aif_document

        offsets, top = dict(self.offsets), dict(self.offsets)
        for key, value in aif_document(part, link_offset).items():
            if key not in self.order:
                self.order.append(key)
            if isinstance(value, list):
                for item in value:
                    self._write(key, self._shift(item, offsets, top))
            else:  # {"nodes": {node id: data}}: node ids continued
                for group, entries in value.items():
                    for node_id, data in entries.items():
                        self._write_extra(key, group, str(int(node_id) + offsets["node"]), data)
        self.offsets = top

    def _write(self, key: str, item: dict) -> None:
        if key not in self.lists:
            self.lists[key] = self._part(f"list.{key}")
            self.counts[key] = 0
        self.lists[key].write(("  " if not self.counts[key] else ",\n  ") + _json_text(item))
        self.counts[key] += 1

    def _write_extra(self, key: str, group: str, node_id: str, data: dict) -> None:
        first = (key, group) not in self.extra
        if first:
            self.extra[(key, group)] = self._part(f"extra.{key}.{group}")
        self.extra[(key, group)].write(("   " if first else ",\n   ")
                                       + f"{json.dumps(node_id)}: {_json_text(data)}")

    def close(self) -> list[str]:
        from ..graph.result import Result
        from ..graph.argument import aif_document

        for handle in (*self.lists.values(), *self.extra.values()):
            handle.close()
        empty = aif_document(Result(chapters=[]))
        order = self.order or list(empty)
        with open(self.folder / self.name, "w", encoding="utf-8") as target:
            target.write("{")
            for number, key in enumerate(order):
                target.write(("\n" if not number else ",\n") + f" {json.dumps(key)}: ")
                groups = [group for (name, group) in self.extra if name == key]
                if key in self.lists:
                    target.write("[\n")
                    self._copy(f"list.{key}", target)
                    target.write("\n ]")
                elif groups:
                    target.write("{")
                    for index, group in enumerate(groups):
                        target.write(("\n" if not index else ",\n") + f"  {json.dumps(group)}: {{\n")
                        self._copy(f"extra.{key}.{group}", target)
                        target.write("\n  }")
                    target.write("\n }")
                else:
                    target.write(json.dumps(empty.get(key, []), ensure_ascii=False, indent=1).replace("\n", "\n "))
            target.write("\n}\n")
        return [self.name]


class ArgdownSink(Sink):
    """``argument.argdown``: one header, then every slice's document sections
    (:func:`argmine.graph.argument.argdown_text`, links numbered from ``link_offset``)."""

    name = "argument.argdown"

    def __init__(self, folder: Path, scratch: Path | None = None):
        from ..graph.result import Result
        from ..graph.argument import argdown_text

        super().__init__(folder, scratch)
        self.body = self._part("body")
        self.sections = 0
        self.head = argdown_text(Result(chapters=[]))

    def add(self, part: "Result", link_offset: int = 0) -> None:
        from ..graph.argument import argdown_text

        head = self.head.rstrip("\n") + "\n\n"
        text = argdown_text(part, link_offset)
        if text.startswith(head):  # else no section in this slice
            self.body.write(("\n" if self.sections else "") + text[len(head):])
            self.sections += 1

    def close(self) -> list[str]:
        self.body.close()
        with open(self.folder / self.name, "w", encoding="utf-8") as target:
            if self.sections:
                target.write(self.head.rstrip("\n") + "\n\n")
                self._copy("body", target)
            else:
                target.write(self.head)
        return [self.name]
