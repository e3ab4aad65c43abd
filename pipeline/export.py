"""Writing a :class:`~pipeline.analysis.Result` to files, atomically.

Every file is first written into a temporary folder inside the output folder
and moved into place with :func:`os.replace` only when all of them are
complete, so a failed or killed run never leaves a half-written table where a
user would read it.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import networkx as nx

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Result

__all__ = ["write_outputs", "xml_safe_graph", "write_graphml", "write_gexf", "write_dot", "TABLES", "atomic_write_text"]

#: table name -> Result attribute
TABLES = {
    "documents": "documents",
    "claims": "claims",
    "links": "links",
    "concepts": "concepts",
    "resolutions": "resolutions",
}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(value):
    if isinstance(value, str):
        return _XML_BAD.sub("\ufffd", value)
    return value


def xml_safe_graph(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose strings hold no character XML 1.0 forbids.

    Edge keys become strings: GEXF declares one type for all of them, and the
    graph mixes ``0`` (argument edges) with ``"link3"`` (causal edges).
    """
    safe = graph.__class__()
    safe.graph.update({k: _clean(v) for k, v in graph.graph.items()})
    mapping = {n: _clean(n) for n in graph.nodes}
    for node, data in graph.nodes(data=True):
        safe.add_node(mapping[node], **{k: _clean(v) for k, v in data.items()})
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(keys=True, data=True):
            safe.add_edge(mapping[u], mapping[v], key=_clean(str(key)), **{k: _clean(x) for k, x in data.items()})
    else:
        for u, v, data in graph.edges(data=True):
            safe.add_edge(mapping[u], mapping[v], **{k: _clean(x) for k, x in data.items()})
    return safe


def write_graphml(graph: nx.Graph, path: Path) -> None:
    nx.write_graphml(xml_safe_graph(graph), path)  # key ids d0, d1, …: GraphML needs them unique across node and edge keys


def write_gexf(graph: nx.Graph, path: Path) -> None:
    nx.write_gexf(xml_safe_graph(graph), path)


def _dot_quote(value) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{_XML_BAD.sub("", text)}"'


DOT_HEADER = ("digraph argmine {", "  rankdir=LR;", '  node [shape=box, style="rounded", fontname="Helvetica"];')
_DOT_STYLES = {"support": 'color="darkgreen"', "contrast": 'color="firebrick", style=dashed', "asserts": 'color="grey", style=dotted'}


def dot_node_line(node, data: dict) -> str:
    """The DOT statement of one node (also used by the streaming writer of ``argmine run``)."""
    shape = "ellipse" if data.get("kind") == "claim" else "box"
    return f"  {_dot_quote(node)} [label={_dot_quote(data.get('label', node))}, shape={shape}];"


_DIRECTION_MARKS = {"increase": "(\u2191)", "decrease": "(\u2193)"}


def dot_edge_line(u, v, data: dict) -> str:
    """The DOT statement of one edge."""
    kind = data.get("kind", "")
    style = _DOT_STYLES.get(kind, "")
    if kind == "causal":
        style = 'color="firebrick"' if data.get("polarity") == "negative" else ('color="darkorange", style=dashed' if data.get("hedged") else 'color="black"')
    label = str(data.get("label", ""))
    if kind == "causal" and data.get("direction") in _DIRECTION_MARKS:
        label += " " + _DIRECTION_MARKS[data["direction"]]  # "cut (↓)": what the cause did to the effect
    attrs = ", ".join(x for x in (f"label={_dot_quote(label)}", style) if x)
    return f"  {_dot_quote(u)} -> {_dot_quote(v)} [{attrs}];"


def write_dot(graph: nx.Graph, path: Path) -> None:
    """Graphviz DOT, written by hand (no pydot/pygraphviz needed)."""
    lines = list(DOT_HEADER)
    lines.extend(dot_node_line(node, data) for node, data in graph.nodes(data=True))
    lines.extend(dot_edge_line(u, v, data) for u, v, data in graph.edges(data=True))
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def atomic_write_text(path: Path, text: str) -> None:
    """Write a text file so that readers see the old file or the whole new one."""
    path = Path(path)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False)
    try:
        with handle:
            handle.write(text)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def write_outputs(result: "Result", out_dir: str | os.PathLike, *, png: bool = True, report: bool = True,
                  parquet: bool = True) -> list[Path]:
    """Write tables (CSV and Parquet), graph files, the plot and the report into ``out_dir``.

    Returns the paths written. ``errors.csv`` is written only when some input
    was skipped (and an old one is removed otherwise).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".argmine-", dir=out))
    written: list[str] = []
    try:
        def stage(name: str, writer: Callable[[Path], None]) -> None:
            writer(staging / name)
            written.append(name)

        for name, attribute in TABLES.items():
            frame = getattr(result, attribute)
            stage(f"{name}.csv", lambda p, f=frame: f.to_csv(p, index=False))
            if parquet:
                stage(f"{name}.parquet", lambda p, f=frame: f.to_parquet(p, index=False))
        if len(result.problems):
            stage("errors.csv", lambda p: result.errors.to_csv(p, index=False))
        graph = result.graph
        stage("graph.graphml", lambda p: write_graphml(graph, p))
        stage("graph.gexf", lambda p: write_gexf(graph, p))
        stage("graph.dot", lambda p: write_dot(graph, p))
        from .argument import write_aif, write_argdown

        stage("argument.aif.json", lambda p: write_aif(result, p))
        stage("argument.argdown", lambda p: write_argdown(result, p))
        if png:
            from .plots import save_causal_graph_png

            stage("graph.png", lambda p: save_causal_graph_png(result, p))
        if report:
            from .report import write_report

            stage("report.html", lambda p: write_report(result, p))
        for name in written:
            os.replace(staging / name, out / name)
        if not len(result.problems):
            (out / "errors.csv").unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in written]
