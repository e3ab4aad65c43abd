"""Plots of a result. Every function takes ``ax=None`` and returns the Axes.

The functions neither save nor show; :func:`save_causal_graph_png` is the one
place that writes a file (the CLI calls it). matplotlib is imported only here.
"""
from __future__ import annotations

import textwrap
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.patches import FancyArrowPatch

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Result

__all__ = [
    "causal_layout", "plot_causal_graph", "save_causal_graph_png", "plot_top_concepts",
    "plot_chain_lengths", "plot_concept_heatmap", "plot_link_strength", "EDGE_COLOURS",
]

EDGE_COLOURS = {"asserted": "#1f3b73", "hedged": "#e08a00", "negated": "#b2182b"}
_WRAP = 18


def _edge_state(links) -> str:
    if all(l.polarity == "negative" for l in links):
        return "negated"
    if all(l.hedged or l.strength != "sufficient" for l in links):
        return "hedged"
    return "asserted"


def _collapsed(result: "Result", doc_id: str | None) -> nx.DiGraph:
    graph = nx.DiGraph()
    for link in result.link_records:
        if doc_id is not None and link.doc_id != doc_id:
            continue
        if graph.has_edge(link.cause_concept, link.effect_concept):
            graph[link.cause_concept][link.effect_concept]["links"].append(link)
        else:
            graph.add_edge(link.cause_concept, link.effect_concept, links=[link])
    return graph


def causal_layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Left-to-right layers: each concept one column right of its furthest cause.

    Cycles are collapsed first (a cycle's concepts share a column). Within a
    column, concepts are ordered by the mean height of their causes, which
    keeps edges short and limits crossings.
    """
    if graph.number_of_nodes() == 0:
        return {}
    dag = nx.condensation(graph)
    layer_of_component: dict[int, int] = {}
    for component in nx.topological_sort(dag):
        preds = list(dag.predecessors(component))
        layer_of_component[component] = max((layer_of_component[p] + 1 for p in preds), default=0)
    layer = {node: layer_of_component[dag.graph["mapping"][node]] for node in graph}
    columns: dict[int, list[str]] = defaultdict(list)
    for node in sorted(graph, key=lambda n: (layer[n], n.lower())):
        columns[layer[node]].append(node)
    heights = {node: _label_lines(node) for node in graph}
    position: dict[str, tuple[float, float]] = {}
    for column in sorted(columns):
        nodes = columns[column]
        if column > 0:
            def barycentre(n):
                ys = [position[p][1] for p in graph.predecessors(n) if p in position]
                return sum(ys) / len(ys) if ys else 0.0
            nodes.sort(key=barycentre, reverse=True)
        total = sum(heights[n] + 1.2 for n in nodes)
        y = total / 2
        for node in nodes:
            y -= (heights[node] + 1.2) / 2
            position[node] = (float(column), y)
            y -= (heights[node] + 1.2) / 2
    return position


def _label(name: str) -> str:
    return "\n".join(textwrap.wrap(name, _WRAP)) or name


def _label_lines(name: str) -> int:
    return _label(name).count("\n") + 1


def plot_causal_graph(result: "Result", ax=None, doc_id: str | None = None, title: str | None = None):
    """The causal graph, causes on the left, outcomes on the right.

    Edge colour: asserted (dark blue), hedged or contributory (orange, dashed),
    negated (red); edge width grows with the number of links behind it.
    """
    graph = _collapsed(result, doc_id)
    position = causal_layout(graph)
    if ax is None:
        columns = max((x for x, _ in position.values()), default=0) + 1
        rows = max(Counter(x for x, _ in position.values()).values(), default=1)
        tallest = max((sum(_label_lines(n) + 1.2 for n in graph if position[n][0] == c) for c in range(int(columns))), default=4)
        _, ax = plt.subplots(figsize=(max(6.0, 2.4 * columns), max(3.5, 0.42 * tallest + 0.3 * rows)))
    ax.set_axis_off()
    if not position:
        ax.text(0.5, 0.5, "no causal links found", ha="center", va="center", transform=ax.transAxes)
        return ax
    boxes = {}
    for node, (x, y) in position.items():
        boxes[node] = ax.text(x, y, _label(node), ha="center", va="center", fontsize=9.5, zorder=3,
                              bbox=dict(boxstyle="round,pad=0.35", facecolor="#f4f1e8", edgecolor="#6b6b6b", linewidth=0.8))
    for cause, effect, data in graph.edges(data=True):
        state = _edge_state(data["links"])
        implicit = all(not l.explicit for l in data["links"])
        (x1, y1), (x2, y2) = position[cause], position[effect]
        rad = 0.0 if abs(x2 - x1) <= 1 else (0.18 if y2 >= y1 else -0.18)
        arrow = FancyArrowPatch(
            (x1, y1), (x2, y2), patchA=boxes[cause].get_bbox_patch(), patchB=boxes[effect].get_bbox_patch(),
            arrowstyle="-|>", mutation_scale=13, shrinkA=2, shrinkB=2,
            connectionstyle=f"arc3,rad={rad}", color=EDGE_COLOURS[state],
            linewidth=(0.7 if implicit else 1.1) + 0.4 * min(len(data["links"]) - 1, 4),
            linestyle=":" if implicit else ("--" if state == "hedged" else "-"),
            alpha=0.55 if implicit else 0.9, zorder=1,
        )
        ax.add_patch(arrow)
    xs = [x for x, _ in position.values()]
    ys = [y for _, y in position.values()]
    ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
    ax.set_ylim(min(ys) - 1.2, max(ys) + 1.2)
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], color=c, linestyle="--" if k == "hedged" else "-", label=k) for k, c in EDGE_COLOURS.items()]
    handles.append(Line2D([], [], color="#555555", linestyle=":", label="implied (enumeration, summary)"))
    ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False, ncol=4)
    if title is None:
        title = "Causal links" + (f" in {doc_id}" if doc_id else "")
    ax.set_title(title, fontsize=11, loc="left")
    return ax


def save_causal_graph_png(result: "Result", path, dpi: int = 150) -> None:
    """Draw the whole causal graph and save it as a PNG (the CLI's graph.png)."""
    ax = plot_causal_graph(result)
    figure = ax.figure
    figure.tight_layout()
    figure.savefig(path, dpi=dpi, format="png")
    plt.close(figure)


def plot_top_concepts(result: "Result", ax=None, n: int = 10):
    """The concepts most often named as causes and as outcomes across the corpus."""
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.35 * n + 1.5))
    links = result.links
    causes = links["cause_concept"].value_counts().head(n)
    effects = links["effect_concept"].value_counts().head(n)
    labels = list(dict.fromkeys(list(causes.index) + list(effects.index)))[: 2 * n]
    labels = sorted(labels, key=lambda c: causes.get(c, 0) + effects.get(c, 0))
    y = range(len(labels))
    ax.barh([i + 0.2 for i in y], [causes.get(c, 0) for c in labels], height=0.4, label="as cause", color="#1f3b73")
    ax.barh([i - 0.2 for i in y], [effects.get(c, 0) for c in labels], height=0.4, label="as outcome", color="#e08a00")
    ax.set_yticks(list(y), labels, fontsize=8)
    ax.set_xlabel("links")
    ax.legend(fontsize=8, frameon=False)
    ax.set_title("Most frequent causes and outcomes", loc="left")
    return ax


def plot_chain_lengths(result: "Result", ax=None, across_documents: bool = False):
    """How many concepts the causal chains run through."""
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    lengths = Counter(len(chain) for chain in result.chains(across_documents=across_documents))
    xs = sorted(lengths)
    ax.bar(xs, [lengths[x] for x in xs], color="#1f3b73")
    ax.set_xlabel("concepts in chain")
    ax.set_ylabel("chains")
    ax.set_xticks(xs)
    ax.set_title("Chain lengths", loc="left")
    return ax


def plot_concept_heatmap(result: "Result", ax=None, n: int = 15):
    """Which chapters name which concepts (mentions in causal links)."""
    links = result.links
    top = list(result.concepts["concept"].head(n))
    docs = list(result.documents["doc_id"])
    counts = [[0] * len(docs) for _ in top]
    index = {c: i for i, c in enumerate(top)}
    doc_index = {d: j for j, d in enumerate(docs)}
    for row in links.itertuples(index=False):
        for concept in (row.cause_concept, row.effect_concept):
            if concept in index and row.doc_id in doc_index:
                counts[index[concept]][doc_index[row.doc_id]] += 1
    if ax is None:
        _, ax = plt.subplots(figsize=(max(5, 0.6 * len(docs) + 3), 0.35 * len(top) + 2))
    image = ax.imshow(counts, aspect="auto", cmap="YlOrBr")
    ax.set_yticks(range(len(top)), top, fontsize=8)
    ax.set_xticks(range(len(docs)), [textwrap.shorten(d, 22) for d in docs], rotation=45, ha="right", fontsize=8)
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label="mentions")
    ax.set_title("Concepts per chapter", loc="left")
    return ax


def plot_link_strength(result: "Result", ax=None):
    """Asserted, hedged and negated links per chapter."""
    links = result.links
    docs = list(result.documents["doc_id"])
    states = {"asserted": [], "hedged": [], "negated": []}
    for doc in docs:
        rows = links[links["doc_id"] == doc]
        negated = int((rows["polarity"] == "negative").sum())
        hedged = int(((rows["polarity"] != "negative") & (rows["hedged"] | (rows["strength"] != "sufficient"))).sum())
        states["negated"].append(negated)
        states["hedged"].append(hedged)
        states["asserted"].append(len(rows) - negated - hedged)
    if ax is None:
        _, ax = plt.subplots(figsize=(max(5, 0.6 * len(docs) + 2), 4))
    bottom = [0] * len(docs)
    for state, values in states.items():
        ax.bar(range(len(docs)), values, bottom=bottom, color=EDGE_COLOURS[state], label=state)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_xticks(range(len(docs)), [textwrap.shorten(d, 22) for d in docs], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("links")
    ax.legend(fontsize=8, frameon=False)
    ax.set_title("Asserted, hedged and negated links per chapter", loc="left")
    return ax
