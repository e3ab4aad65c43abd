"""Views of the causal graph without matplotlib: an interactive one (vis-network, inlined from pyvis) and a
static SVG (:func:`graph_svg`, the report's picture of each document).

Concept nodes are sized by how central they are (degree centrality: how many
other concepts a concept is linked with), edges are coloured asserted /
hedged / negated as in :mod:`argmine.views.plots`, and hovering an edge shows the
sentences and documents that state it. Positions come from
:func:`argmine.graph.network.causal_layout`, so causes stand left of their outcomes
as in ``graph.png``.

The view loads nothing from the network: the vis-network script and style
that pyvis ships are inlined. (pyvis's own page template links Bootstrap from
a CDN, so argmine writes the page itself and uses pyvis only for the library.)
Every string from the input reaches the page as JSON with ``<``, ``>`` and
``&`` escaped, and vis-network shows tooltips as text, never as HTML.
"""
from __future__ import annotations

import html
import json
import math
import textwrap
from collections import defaultdict
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

import networkx as nx

from ..graph.network import BUNDLE_MARK, EDGE_COLOURS, bundled_graph, causal_layout, edge_state, label_text, link_state

if TYPE_CHECKING:  # pragma: no cover
    from ..graph.result import Result

__all__ = ["graph_data", "graph_svg", "graph_fragment", "graph_html", "graph_iframe", "library_html", "InteractiveGraph",
           "interactive_graph"]

_VIS = "templates/lib/vis-9.1.2"
_COLUMN_PX = 240
_LINE_PX = 15
_TOOLTIP_SENTENCES = 4

_STYLE = """
.argmine-graph { font-family: Helvetica, Arial, sans-serif; }
.argmine-graph .canvas { width: 100%; border: 1px solid #ddd; background: #fff; }
.argmine-graph .key { font-size: 12px; color: #444; margin: .3rem 0; line-height: 1.6; }
.argmine-graph .key span { margin-right: 1.1rem; white-space: nowrap; }
.argmine-graph .key i { display: inline-block; width: 26px; height: 0; margin-right: .3rem; vertical-align: middle;
                        border-top: 3px solid; }
.argmine-graph .key i.dot { width: 10px; height: 10px; border: 1px solid #6b6b6b; border-radius: 50%;
                            background: #f4f1e8; }
.argmine-graph .key i.dot.big { width: 18px; height: 18px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 30rem; font: 13px/1.4 Helvetica, Arial, sans-serif; }
"""


@lru_cache(maxsize=1)
def library_html() -> str:
    """The vis-network style and script, inline (from the copy pyvis ships)."""
    folder = files("pyvis").joinpath(_VIS)
    script = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    style = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    script = script.replace("</script", "<\\/script")
    return f"<style>{style}{_STYLE}</style>\n<script>{script}</script>"


def _json(value) -> str:
    """JSON safe to place inside a ``<script>`` element."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _how(link) -> str:
    how = [] if link.explicit else ["implied"]
    modality = getattr(link, "modality", "asserted")
    if modality not in ("asserted", "hedged"):  # hedged shows in the edge's style already
        how.append(modality)
    if link.strength not in ("sufficient", "unspecified"):
        how.append(link.strength)
    if link.asserted_by != "author":
        how.append(f"asserted by {link.asserted_by}")
    return f" ({', '.join(how)})" if how else ""


def _edge_tooltip(cause: str, effect: str, links) -> str:
    """Hover text: the pair, how it is stated, and each sentence stating it once, with its cues."""
    states = sorted({link_state(l) for l in links})
    lines = [f"{cause} → {effect}", f"{', '.join(states)}; {len(links)} link{'s' if len(links) != 1 else ''}"]
    by_sentence: dict[tuple[str, int], list] = defaultdict(list)
    for link in links:
        by_sentence[(link.doc_id, link.sentence_index)].append(link)
    for (doc_id, index), group in list(by_sentence.items())[:_TOOLTIP_SENTENCES]:
        cues = ", ".join(f"“{l.cue}”{_how(l)}" for l in group)
        lines += ["", f"{doc_id}, sentence {index}, cue{'s' if len(group) > 1 else ''} {cues}:",
                  f"“{textwrap.shorten(group[0].sentence, 400, placeholder=' …')}”"]
    if len(by_sentence) > _TOOLTIP_SENTENCES:
        lines.append(f"\n… and {len(by_sentence) - _TOOLTIP_SENTENCES} more sentences")
    return "\n".join(lines)


def graph_data(result: "Result", doc_id: str | None = None, aspect: float = 2.0) -> dict:
    """The nodes and edges of the interactive view, as vis-network takes them.

    Node ``size`` grows with degree centrality; ``x``/``y`` are pixels from
    :func:`argmine.graph.network.causal_layout` (unconnected parts packed about
    ``aspect`` times as wide as high); edge ``title`` is the hover text: the
    sentences, documents and cues behind the edge.
    """
    graph = bundled_graph(result, doc_id)  # one bundle per summary or enumeration group
    if graph.number_of_nodes() == 0:
        return {"nodes": [], "edges": []}
    simple = nx.Graph(graph.to_undirected())
    centrality = nx.degree_centrality(simple) if simple.number_of_nodes() > 1 else {n: 1.0 for n in simple}
    top = max(centrality.values()) or 1.0
    size = {n: 8.0 + 18.0 * math.sqrt(centrality[n] / top) for n in graph}
    label = {n: "\n".join(textwrap.wrap(n, 18, break_long_words=False)) or n for n in graph}
    height = {n: 2 * size[n] + _LINE_PX * (label[n].count("\n") + 1) + 6 for n in graph}
    position = causal_layout(graph, height=height.__getitem__, gap=14.0, column_width=float(_COLUMN_PX),
                             aspect=aspect)
    nodes = []
    for node in graph:
        x, y = position[node]
        n_links = sum(len(d["links"]) for _, _, d in graph.in_edges(node, data=True)) + \
            sum(len(d["links"]) for _, _, d in graph.out_edges(node, data=True))
        documents = sorted({l.doc_id for _, _, d in graph.in_edges(node, data=True) for l in d["links"]} |
                           {l.doc_id for _, _, d in graph.out_edges(node, data=True) for l in d["links"]})
        title = (f"{node}\nlinked with {simple.degree(node)} concept{'s' if simple.degree(node) != 1 else ''}"
                 f" in {n_links} causal link{'s' if n_links != 1 else ''}\n" + "\n".join(documents[:8]) +
                 (f"\n… and {len(documents) - 8} more documents" if len(documents) > 8 else ""))
        # the layout gives the centre of the node's room; the dot sits at its top, the label below
        nodes.append({"id": node, "label": label[node], "title": title, "size": round(size[node], 1),
                      "x": round(x * _COLUMN_PX, 1), "y": round(-y - height[node] / 2 + size[node], 1),
                      "centrality": round(centrality[node], 4)})
    edges = []
    for cause, effect, data in graph.edges(data=True):
        links = data["links"]
        state = edge_state(links)
        span = abs(position[effect][0] - position[cause][0])
        edges.append({
            "from": cause, "to": effect, "title": _edge_tooltip(cause, effect, links), "state": state,
            "color": {"color": EDGE_COLOURS[state], "hover": EDGE_COLOURS[state], "highlight": EDGE_COLOURS[state],
                      "opacity": 0.55 if all(not l.explicit for l in links) else 1.0},
            "dashes": [2, 4] if all(not l.explicit for l in links) else (state == "hedged"),
            "width": 1.5 + min(len(links) - 1, 4), "arrows": "to",
            "smooth": ({"enabled": True, "type": "curvedCW", "roundness": 0.2} if span > 1 or span == 0
                       else {"enabled": False}),
            "links": len(links),
        })
    return {"nodes": nodes, "edges": edges}


_OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 60, "hideEdgesOnDrag": False, "navigationButtons": False},
    "nodes": {"shape": "dot", "color": {"background": "#f4f1e8", "border": "#6b6b6b",
                                        "highlight": {"background": "#fbe9c6", "border": "#1f3b73"},
                                        "hover": {"background": "#fbe9c6", "border": "#1f3b73"}},
              "font": {"size": 14, "face": "Helvetica, Arial, sans-serif", "color": "#222"}, "borderWidth": 1},
    "edges": {"arrows": {"to": {"scaleFactor": 0.7}}, "hoverWidth": 1.5, "selectionWidth": 1.5},
}


def _key() -> str:
    items = [f'<span><i style="border-top-color:{EDGE_COLOURS["asserted"]}"></i>asserted</span>',
             f'<span><i style="border-top: 3px dashed {EDGE_COLOURS["hedged"]}"></i>hedged</span>',
             f'<span><i style="border-top-color:{EDGE_COLOURS["negated"]}"></i>negated ("did not lead to")</span>',
             '<span><i style="border-top: 3px dotted #888"></i>implied by a summary or enumeration</span>',
             '<span><i class="dot"></i><i class="dot big"></i>bigger: linked with more concepts</span>']
    return ('<div class="key">' + "".join(items) +
            "<br>Hover over an arrow to read the sentences that state it; drag to move, scroll to zoom.</div>")


def _fitting_height(data: dict, width: int = 1150) -> int:
    """A canvas height (pixels) that shows the whole layout at a readable size in ``width`` pixels."""
    xs = [n["x"] for n in data["nodes"]]
    ys = [n["y"] for n in data["nodes"]]
    layout_width = max(xs) - min(xs) + _COLUMN_PX
    layout_height = max(ys) - min(ys) + 90
    return int(min(900, max(320, width * layout_height / layout_width)))


def graph_fragment(result: "Result", element_id: str = "argmine-graph", height: int | None = None,
                   doc_id: str | None = None) -> str:
    """A ``<div>`` with the interactive graph and its key; needs :func:`library_html` once on the page.

    Without ``height`` the canvas is as high as the layout needs (320 to 900 pixels).
    """
    data = graph_data(result, doc_id)
    safe_id = html.escape(element_id, quote=True)
    if not data["nodes"]:
        return f'<div class="argmine-graph" id="{safe_id}"><p>No causal links found.</p></div>'
    height = height or _fitting_height(data)
    script = (
        "(function () {\n"
        f"  var data = {_json(data)};\n"
        f"  var container = document.getElementById({_json(element_id + '-canvas')});\n"
        "  var network = new vis.Network(container, {nodes: new vis.DataSet(data.nodes),"
        " edges: new vis.DataSet(data.edges)}, " + _json(_OPTIONS) + ");\n"
        "  network.once('afterDrawing', function () { network.fit(); });\n"
        "  window.argmineNetworks = window.argmineNetworks || {};\n"
        f"  window.argmineNetworks[{_json(element_id)}] = network;\n"
        "})();"
    )
    return (f'<div class="argmine-graph" id="{safe_id}">'
            f'<div class="canvas" id="{safe_id}-canvas" style="height:{int(height)}px"></div>{_key()}'
            f"<script>{script}</script></div>")


def graph_html(result: "Result", height: int | None = None, doc_id: str | None = None) -> str:
    """A complete, self-contained HTML page with the interactive causal graph."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>argmine: causal graph</title>"
            f"{library_html()}</head><body style=\"margin:0.5rem\">"
            f"{graph_fragment(result, height=height, doc_id=doc_id)}</body></html>\n")


def graph_iframe(result: "Result", height: int | None = None, doc_id: str | None = None) -> str:
    """The interactive graph as an ``<iframe srcdoc=...>`` (escaped), e.g. for a notebook cell."""
    if height is None:
        data = graph_data(result, doc_id)
        height = _fitting_height(data, width=900) if data["nodes"] else 60
    page = graph_html(result, height=height, doc_id=doc_id)
    return (f'<iframe title="interactive causal graph" sandbox="allow-scripts" '
            f'style="width:100%;height:{height + 80}px;border:0" srcdoc="{html.escape(page, quote=True)}"></iframe>')


class InteractiveGraph:
    """The interactive graph of a result; a notebook shows it when it is a cell's value."""

    def __init__(self, result: "Result", height: int | None = None, doc_id: str | None = None):
        self.result, self.height, self.doc_id = result, height, doc_id

    @property
    def html(self) -> str:
        """The whole page, to save as a file and open in a browser."""
        return graph_html(self.result, self.height, self.doc_id)

    def _repr_html_(self) -> str:
        return graph_iframe(self.result, self.height, self.doc_id)


def interactive_graph(result: "Result", height: int | None = None, doc_id: str | None = None) -> InteractiveGraph:
    """The interactive causal graph; in a notebook, make it a cell's value to explore it."""
    return InteractiveGraph(result, height, doc_id)


# -- a static picture without matplotlib: the report's graph of each document ------------------------------

_SVG_COLUMN = 150.0   # px between two columns of the layout
_SVG_LINE = 14.0      # px of one text line (the layout's y unit)
_SVG_CHAR = 6.1       # px of one character at the picture's font size (an estimate: no font metrics here)
_SVG_PAD = 6.0        # px between a label and its box


def graph_svg(result: "Result", doc_id: str | None = None, title: str | None = None) -> str:
    """The causal graph of ``result`` (one document with ``doc_id``) as an inline SVG element.

    The same graph and layout as ``graph.png`` (:func:`argmine.graph.network.bundled_graph`,
    :func:`argmine.graph.network.causal_layout`): causes left of their outcomes,
    edges coloured asserted / hedged / negated (:data:`argmine.graph.network.EDGE_COLOURS`),
    hedged ones dashed, implied ones (a summary or an enumeration) dotted,
    wider with more links; hovering an edge names its cues. Drawn as text,
    without matplotlib, so a report of 100 documents costs milliseconds per
    picture. Returns ``""`` when there is no link to draw.
    """
    graph = bundled_graph(result, doc_id)
    if graph.number_of_nodes() == 0:
        return ""
    position = causal_layout(graph)
    boxes = {}
    for node, (x, y) in position.items():
        lines = label_text(node).split("\n")
        width = max(len(line) for line in lines) * _SVG_CHAR + 2 * _SVG_PAD
        height = len(lines) * _SVG_LINE + _SVG_PAD
        boxes[node] = (x * _SVG_COLUMN, -y * _SVG_LINE, width / 2, height / 2, lines)
    left = min(cx - w for cx, _, w, _, _ in boxes.values()) - 10
    right = max(cx + w for cx, _, w, _, _ in boxes.values()) + 10
    top = min(cy - h for _, cy, _, h, _ in boxes.values()) - 20
    bottom = max(cy + h for _, cy, _, h, _ in boxes.values()) + 20
    width, height = right - left, bottom - top
    label = html.escape(title or f"causal graph of {doc_id or 'the corpus'}", quote=True)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="argmine-svg" role="img" aria-label="{label}" '
             f'viewBox="{left:.0f} {top:.0f} {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
             'font-family="Helvetica, Arial, sans-serif" font-size="10.5">', "<defs>"]
    for state, colour in EDGE_COLOURS.items():
        parts.append(f'<marker id="arrow-{state}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                     f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/>'
                     "</marker>")
    parts.append("</defs>")
    for cause, effect, data in graph.edges(data=True):
        links = data["links"]
        state = edge_state(links)
        implied = all(not l.explicit for l in links)
        start = _border_point(boxes[cause], boxes[effect])
        end = _border_point(boxes[effect], boxes[cause])
        (x1, y1), (x2, y2) = start, end
        column_span = abs(position[effect][0] - position[cause][0])
        if column_span > 1:  # a long edge bends away from the boxes between its ends
            bend = 0.15 * (1 if y2 <= y1 else -1)
            cx, cy = (x1 + x2) / 2 - bend * (y2 - y1), (y1 + y2) / 2 + bend * (x2 - x1)
            path = f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"
        else:
            path = f"M{x1:.1f},{y1:.1f} L{x2:.1f},{y2:.1f}"
        dash = ' stroke-dasharray="1.5,3"' if implied else (' stroke-dasharray="5,3"' if state == "hedged" else "")
        stroke = (0.8 if implied else 1.2) + 0.5 * min(len(links) - 1, 4)
        cues = "; ".join(dict.fromkeys(l.cue for l in links))
        hover = html.escape(f"{cause} → {effect} ({state}): {cues}", quote=False)
        parts.append(f'<path d="{path}" fill="none" stroke="{EDGE_COLOURS[state]}" stroke-width="{stroke:.1f}"{dash} '
                     f'opacity="{0.65 if implied else 0.95}" marker-end="url(#arrow-{state})"><title>{hover}</title>'
                     "</path>")
    for node, (cx, cy, half_width, half_height, lines) in boxes.items():
        bundle = node.startswith(BUNDLE_MARK)
        fill, dash = ("white", ' stroke-dasharray="2,2"') if bundle else ("#f4f1e8", "")
        parts.append(f'<g><title>{html.escape(node, quote=False)}</title>'
                     f'<rect x="{cx - half_width:.1f}" y="{cy - half_height:.1f}" width="{2 * half_width:.1f}" '
                     f'height="{2 * half_height:.1f}" rx="5" fill="{fill}" stroke="#6b6b6b" stroke-width="0.8"{dash}/>')
        first = cy - (len(lines) - 1) * _SVG_LINE / 2
        style = ' font-style="italic"' if bundle else ""
        for number, line in enumerate(lines):
            parts.append(f'<text x="{cx:.1f}" y="{first + number * _SVG_LINE:.1f}" text-anchor="middle" '
                         f'dominant-baseline="central"{style}>{html.escape(line, quote=False)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _border_point(box, toward) -> tuple[float, float]:
    """Where the line from the centre of ``box`` to the centre of ``toward`` leaves ``box`` (plus 2 px)."""
    cx, cy, half_width, half_height, _ = box
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(half_width / abs(dx) if dx else math.inf, half_height / abs(dy) if dy else math.inf)
    length = math.hypot(dx, dy)
    scale += 2 / length
    return cx + dx * scale, cy + dy * scale
