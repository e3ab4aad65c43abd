"""An interactive, self-contained view of the causal graph (pyvis, resources inline).

Concept nodes are sized by how central they are (degree centrality), edges
are coloured asserted / hedged / negated, and hovering an edge shows the
sentence and the document that state it. The page loads nothing from the
network: vis-network is inlined by pyvis (``cdn_resources="in_line"``).
"""
from __future__ import annotations

import html
from collections import defaultdict
from typing import TYPE_CHECKING

import networkx as nx

from .plots import EDGE_COLOURS

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Result

__all__ = ["graph_html", "graph_iframe"]


def _state(link) -> str:
    if link.polarity == "negative":
        return "negated"
    if link.hedged or link.strength != "sufficient":
        return "hedged"
    return "asserted"


def graph_html(result: "Result", height: str = "520px") -> str:
    """A complete HTML page with the interactive causal graph."""
    from pyvis.network import Network

    pairs: dict[tuple[str, str], list] = defaultdict(list)
    for link in result.link_records:
        pairs[(link.cause_concept, link.effect_concept)].append(link)
    simple = nx.DiGraph(list(pairs))
    centrality = nx.degree_centrality(simple) if simple.number_of_nodes() > 1 else {n: 1.0 for n in simple}
    network = Network(height=height, width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    for node in simple.nodes:
        network.add_node(node, label=node, title=node, size=12 + 30 * centrality.get(node, 0.0),
                         color={"background": "#f4f1e8", "border": "#6b6b6b"}, shape="dot")
    for (cause, effect), links in pairs.items():
        states = {_state(l) for l in links}
        state = "asserted" if "asserted" in states else ("hedged" if "hedged" in states else "negated")
        tooltip = "\n\n".join(f"{l.doc_id}, sentence {l.sentence_index} [{l.cue}]: {l.sentence}" for l in links[:5])
        network.add_edge(cause, effect, title=tooltip, color=EDGE_COLOURS[state], width=1 + min(len(links), 5),
                         dashes=state == "hedged", arrows="to")
    network.set_options('{"layout": {"hierarchical": {"enabled": true, "direction": "LR", "sortMethod": "directed",'
                        ' "levelSeparation": 230, "nodeSpacing": 110}}, "physics": {"enabled": false},'
                        ' "interaction": {"hover": true, "tooltipDelay": 100}}')
    return network.generate_html(notebook=False)


def graph_iframe(result: "Result", height: int = 520) -> str:
    """The interactive graph as an ``<iframe srcdoc=...>`` (escaped) to embed in a page."""
    page = graph_html(result, height=f"{height - 20}px")
    return (f'<iframe class="graph-interactive" title="interactive causal graph" sandbox="allow-scripts" '
            f'style="height:{height}px" srcdoc="{html.escape(page, quote=True)}"></iframe>')
