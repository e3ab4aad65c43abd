"""Plots of a result. Every function takes ``ax=None`` and returns the Axes.

The functions neither save nor show; :func:`save_causal_graph_png` is the one
place that writes a file (the CLI calls it). matplotlib is imported only here.
"""
from __future__ import annotations

import math
import textwrap
from collections import Counter
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from ..graph.network import (BUNDLE_MARK, EDGE_COLOURS, _COLUMN_INCHES, _LINE_INCHES, bundled_graph, causal_layout,
                    collapsed_graph, edge_state, link_state)
from ..graph.network import label_text as _label

_FONT_SIZE = 9.5

if TYPE_CHECKING:  # pragma: no cover
    from ..graph.result import Result

__all__ = [
    "causal_layout", "collapsed_graph", "bundled_graph", "BUNDLE_MARK", "link_state", "edge_state", "plot_causal_graph", "save_causal_graph_png",
    "plot_top_concepts", "plot_chain_lengths", "plot_concept_heatmap", "plot_link_strength", "EDGE_COLOURS",
]

def _title(result: "Result", doc_id: str | None) -> str:
    documents = result.documents
    if doc_id is None and len(documents) == 1:
        doc_id = documents["doc_id"].iloc[0]
    if doc_id is None:
        return f"Causal links across {len(documents)} documents (concepts merged)"
    row = documents[documents["doc_id"] == doc_id]
    title = str(row["title"].iloc[0]) if len(row) and isinstance(row["title"].iloc[0], str) and row["title"].iloc[0] else doc_id
    return "Causal links in " + textwrap.shorten(title, 90, placeholder="…")


class _BoxPlacer(Artist):
    """Places the label boxes before the arrows are drawn, so arrows end at the boxes' edges.

    A text's box is positioned only when the text is drawn; the arrows (drawn
    first, beneath the boxes) clip themselves against those boxes, so without
    this they would use the boxes of the previous draw, or none.
    """

    def __init__(self, texts):
        super().__init__()
        self.texts = texts
        self.set_zorder(0)

    def draw(self, renderer):
        for text in self.texts:
            text.update_bbox_position_size(renderer)


def plot_causal_graph(result: "Result", ax=None, doc_id: str | None = None, title: str | None = None):
    """The causal graph, causes on the left, outcomes on the right.

    Edge colour: asserted (dark blue), hedged (orange, dashed), negated (red);
    dotted edges are implied (by an enumeration or a summary such as "all of
    these factors"); the width grows with the number of links behind an edge.
    Without ``ax`` the figure is sized so that no two labels overlap.
    """
    graph = bundled_graph(result, doc_id)
    position = causal_layout(graph)
    xs = [x for x, _ in position.values()] or [0.0]
    ys = [y for _, y in position.values()] or [0.0]
    x_range = (min(xs) - 0.55, max(xs) + 0.55)
    y_range = (min(ys) - 1.6, max(ys) + 1.6)
    if ax is None:
        width = (x_range[1] - x_range[0]) * _COLUMN_INCHES
        height = (y_range[1] - y_range[0]) * _LINE_INCHES
        margin_top, margin_bottom = 0.45, 0.5
        figure = plt.figure(figsize=(max(width, 6.5), height + margin_top + margin_bottom))
        figure_width, figure_height = figure.get_size_inches()
        ax = figure.add_axes([(figure_width - width) / 2 / figure_width, margin_bottom / figure_height,
                              width / figure_width, height / figure_height])
    ax.set_axis_off()
    ax.set_title(title if title is not None else _title(result, doc_id), fontsize=11, loc="left")
    if not position:
        ax.text(0.5, 0.5, "no causal links found", ha="center", va="center", transform=ax.transAxes)
        return ax
    boxes = {}
    for node, (x, y) in position.items():
        bundle = node.startswith(BUNDLE_MARK)
        boxes[node] = ax.text(x, y, _label(node), ha="center", va="center", fontsize=_FONT_SIZE, zorder=3,
                              style="italic" if bundle else "normal",
                              bbox=dict(boxstyle="round,pad=0.35", facecolor="white" if bundle else "#f4f1e8",
                                        edgecolor="#6b6b6b", linewidth=0.8, linestyle=":" if bundle else "-"))
    ax.add_artist(_BoxPlacer(list(boxes.values())))
    for cause, effect, data in graph.edges(data=True):
        state = edge_state(data["links"])
        implied = all(not l.explicit for l in data["links"])
        (x1, y1), (x2, y2) = position[cause], position[effect]
        # an arc bulges by rad x its length / 2: at most 0.3 inch, which the 1.6-line margin above and
        # below the labels holds, so no long arc leaves the picture
        length = math.hypot((x2 - x1) * _COLUMN_INCHES, (y2 - y1) * _LINE_INCHES)
        bend = min(0.15, 0.6 / length) if length else 0.15
        rad = 0.0 if abs(x2 - x1) <= 1 else (bend if y2 >= y1 else -bend)
        ax.add_patch(FancyArrowPatch(
            (x1, y1), (x2, y2), patchA=boxes[cause].get_bbox_patch(), patchB=boxes[effect].get_bbox_patch(),
            arrowstyle="-|>", mutation_scale=13, shrinkA=2, shrinkB=2,
            connectionstyle=f"arc3,rad={rad}", color=EDGE_COLOURS[state],
            linewidth=(0.8 if implied else 1.2) + 0.5 * min(len(data["links"]) - 1, 4),
            linestyle=":" if implied else ("--" if state == "hedged" else "-"),
            alpha=0.65 if implied else 0.95, zorder=1,
        ))
    ax.set_xlim(*x_range)
    ax.set_ylim(*y_range)
    handles = [Line2D([], [], color=c, linestyle="--" if k == "hedged" else "-", label=k) for k, c in EDGE_COLOURS.items()]
    handles.append(Line2D([], [], color="#555555", linestyle=":", label="implied by a summary or enumeration (‹bundle›)"))
    handles.append(Line2D([], [], color="#555555", linewidth=2.7, label="thicker: more links"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.0), fontsize=8, frameon=False,
              ncol=len(handles), borderaxespad=0.2, handlelength=2.5)
    return ax


def save_causal_graph_png(result: "Result", path, dpi: int = 150) -> None:
    """Draw the whole causal graph and save it as a PNG (the CLI's graph.png)."""
    ax = plot_causal_graph(result)
    figure = ax.figure
    figure.savefig(path, dpi=dpi, format="png", bbox_inches="tight", pad_inches=0.15, facecolor="white")
    plt.close(figure)


def plot_top_concepts(result: "Result", ax=None, n: int = 10):
    """The concepts most often named as causes and as outcomes across the corpus."""
    links = result.links
    causes = links["cause_concept"].value_counts()
    effects = links["effect_concept"].value_counts()
    labels = list(dict.fromkeys(list(causes.head(n).index) + list(effects.head(n).index)))
    labels = sorted(labels, key=lambda c: (causes.get(c, 0) + effects.get(c, 0), c.lower()))
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.32 * len(labels) + 1.2), layout="constrained")
    y = range(len(labels))
    ax.barh([i + 0.2 for i in y], [causes.get(c, 0) for c in labels], height=0.4, label="named as a cause", color=EDGE_COLOURS["asserted"])
    ax.barh([i - 0.2 for i in y], [effects.get(c, 0) for c in labels], height=0.4, label="named as an outcome", color=EDGE_COLOURS["hedged"])
    ax.set_yticks(list(y), labels, fontsize=8)
    ax.set_xlabel("causal links")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.set_title(f"Most frequent causes and outcomes (top {n} of each)", loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_chain_lengths(result: "Result", ax=None, across_documents: bool = False):
    """How many concepts the causal chains run through (a chain A → B → C has three)."""
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
    lengths = Counter(len(chain) for chain in result.chains(across_documents=across_documents))
    xs = sorted(lengths)
    ax.bar(xs, [lengths[x] for x in xs], color=EDGE_COLOURS["asserted"])
    ax.set_xlabel("concepts in the chain (A → B → C is 3)")
    ax.set_ylabel("chains")
    ax.set_xticks(xs)
    ax.yaxis.get_major_locator().set_params(integer=True)
    kind = "including chains joined across documents" if across_documents else "each stated hop by hop in one document"
    ax.set_title(f"Chain lengths ({kind})", loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    if not xs:
        ax.text(0.5, 0.5, "no chains of two or more hops", ha="center", va="center", transform=ax.transAxes)
    return ax


def _document_labels(result: "Result") -> list[str]:
    return [textwrap.shorten(d, 28, placeholder="…") for d in result.documents["doc_id"]]


def plot_concept_heatmap(result: "Result", ax=None, n: int = 15):
    """Which chapters name which concepts: mentions in causal links, the ``n`` most mentioned concepts."""
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
        _, ax = plt.subplots(figsize=(max(5, 0.45 * len(docs) + 3.5), 0.3 * len(top) + 2.2), layout="constrained")
    image = ax.imshow(counts, aspect="auto", cmap="YlOrBr", vmin=0)
    for i, row in enumerate(counts):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=7,
                        color="white" if value > 0.6 * max(max(r) for r in counts) else "#333333")
    ax.set_yticks(range(len(top)), top, fontsize=8)
    ax.set_xticks(range(len(docs)), _document_labels(result), rotation=45, ha="right", fontsize=8)
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label="mentions in causal links")
    ax.set_title(f"Where the {len(top)} most mentioned concepts appear", loc="left", fontsize=11)
    return ax


def plot_link_strength(result: "Result", ax=None):
    """Asserted, hedged and negated links per chapter (stacked bars)."""
    docs = list(result.documents["doc_id"])
    states = {state: [0] * len(docs) for state in EDGE_COLOURS}
    doc_index = {d: j for j, d in enumerate(docs)}
    for link in result.link_records:
        if link.doc_id in doc_index:
            states[link_state(link)][doc_index[link.doc_id]] += 1
    if ax is None:
        _, ax = plt.subplots(figsize=(max(5, 0.5 * len(docs) + 2.5), 4), layout="constrained")
    bottom = [0] * len(docs)
    for state, values in states.items():
        ax.bar(range(len(docs)), values, bottom=bottom, color=EDGE_COLOURS[state], label=state)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_xticks(range(len(docs)), _document_labels(result), rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("causal links")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, frameon=False, ncol=3, loc="upper left", bbox_to_anchor=(0, 1.0))
    ax.set_ylim(0, max(bottom + [1]) * 1.15)
    ax.set_title("Asserted, hedged and negated links per chapter", loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return ax
