"""Plots: each takes ax= and returns it; graph.png reads left to right with no overlapping labels."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402
from matplotlib.path import Path  # noqa: E402

from argmine.views import plots  # noqa: E402

PLOTS = ["plot_causal_graph", "plot_top_concepts", "plot_chain_lengths", "plot_concept_heatmap", "plot_link_strength"]


def _drawn_boxes(ax):
    """Window extents of the concept label boxes after a full draw."""
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    return {t.get_text(): t.get_bbox_patch().get_window_extent(renderer) for t in ax.texts if t.get_bbox_patch()}


def _overlapping(boxes) -> list[tuple[str, str]]:
    names = sorted(boxes)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if boxes[a].overlaps(boxes[b])]


def test_plots_causal_layout_puts_causes_left_of_effects():
    graph = nx.DiGraph([("drought", "famine"), ("famine", "revolt"), ("war", "revolt"), ("revolt", "repression")])
    layout = plots.causal_layout(graph)
    assert [layout[n][0] for n in ("drought", "war", "famine", "revolt", "repression")] == [0.0, 0.0, 1.0, 2.0, 3.0]


def test_plots_causal_layout_gives_a_cycle_one_column():
    layout = plots.causal_layout(nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")]))
    assert (layout["a"][0] == layout["b"][0], layout["c"][0] - layout["b"][0]) == (True, 1.0)


@pytest.mark.model
@pytest.mark.parametrize("which", ["seed_result", "chapters_result"])
def test_plots_causal_graph_labels_do_not_overlap(which, request):
    result = request.getfixturevalue(which)
    ax = plots.plot_causal_graph(result)
    boxes = _drawn_boxes(ax)
    figure_box = ax.figure.bbox
    outside = [name for name, box in boxes.items() if not figure_box.contains(box.x0, box.y0) or not figure_box.contains(box.x1, box.y1)]
    concepts = set(result.links["cause_concept"]) | set(result.links["effect_concept"])
    bundles = [n for n in plots.bundled_graph(result).nodes if n.startswith(plots.BUNDLE_MARK)]
    assert (len(boxes), _overlapping(boxes), outside) == (len(concepts) + len(bundles), [], [])
    plt.close(ax.figure)


@pytest.mark.model
def test_plots_seed_summaries_are_drawn_as_bundles(seed_result):
    """"Such interaction ..." and "All of these factors" each become one bundle node, not 13 arrows."""
    graph = plots.bundled_graph(seed_result)
    bundles = sorted(n for n in graph.nodes if n.startswith(plots.BUNDLE_MARK))
    assert bundles == ["\u2039All of these factors\u203a", "\u2039Such interaction within enterprises\u203a"]
    assert [graph.out_degree(b) for b in bundles] == [1, 1]


@pytest.mark.model
@pytest.mark.parametrize("which", ["seed_result", "chapters_result"])
def test_plots_causal_graph_edges_run_left_to_right(which, request):
    result = request.getfixturevalue(which)
    graph = plots.collapsed_graph(result)
    layout = plots.causal_layout(graph)
    in_cycle = {n for component in nx.strongly_connected_components(graph) if len(component) > 1 for n in component}
    backwards = [(a, b) for a, b in graph.edges if not {a, b} & in_cycle and layout[a][0] >= layout[b][0]]
    assert backwards == []


def _distance_outside(box, point) -> float | None:
    """Distance from a point to a box, or None when the point lies well inside it."""
    x, y = point
    if box.x0 + 3 < x < box.x1 - 3 and box.y0 + 3 < y < box.y1 - 3:
        return None
    return float(np.hypot(max(box.x0 - x, 0, x - box.x1), max(box.y0 - y, 0, y - box.y1)))


@pytest.mark.model
def test_plots_causal_graph_arrows_end_at_the_boxes(seed_result):
    ax = plots.plot_causal_graph(seed_result)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    drawn = {}  # each arrow's path as it was when the arrow was drawn, in the figure's first draw
    for arrow in arrows:
        def spy(renderer, arrow=arrow, draw=arrow.draw):
            drawn[arrow] = arrow.get_path()
            return draw(renderer)
        arrow.draw = spy
    boxes = {name.replace("\n", " "): box for name, box in _drawn_boxes(ax).items()}
    misses = []
    for arrow, (cause, effect) in zip(arrows, plots.bundled_graph(seed_result).edges):
        path = drawn[arrow]
        points = ax.transData.transform(path.vertices[path.codes != Path.CLOSEPOLY])
        for end in (cause, effect):
            gaps = [_distance_outside(boxes[end], p) for p in points]
            closest = min(gaps, key=lambda g: -1 if g is None else g)
            if closest is None or closest > 6:
                misses.append((cause, effect, end))
    assert (len(arrows), misses) == (len(plots.bundled_graph(seed_result).edges), [])
    plt.close(ax.figure)


@pytest.mark.model
@pytest.mark.parametrize("name", PLOTS)
def test_plots_function_draws_into_given_ax_and_returns_it(name, chapters_result):
    figure, ax = plt.subplots()
    returned = getattr(plots, name)(chapters_result, ax=ax)
    drawn = len(ax.texts) + len(ax.patches) + len(ax.images) + len(ax.collections) + len(ax.lines)
    assert (returned is ax, drawn > 0, ax.get_title(loc="left") != "") == (True, True, True)
    plt.close(figure)


@pytest.mark.model
def test_plots_link_strength_stacks_every_link(chapters_result):
    ax = plots.plot_link_strength(chapters_result)
    heights = {}
    for container, state in zip(ax.containers, plots.EDGE_COLOURS):
        heights[state] = [round(bar.get_height()) for bar in container]
    totals = [sum(values) for values in zip(*heights.values())]
    expected = [int((chapters_result.links["doc_id"] == d).sum()) for d in chapters_result.documents["doc_id"]]
    negated = [sum(1 for l in chapters_result.link_records if l.doc_id == d and l.polarity == "negative")
               for d in chapters_result.documents["doc_id"]]
    assert (totals, heights["negated"]) == (expected, negated)
    plt.close(ax.figure)


@pytest.mark.model
def test_plots_top_concepts_counts_causes_and_outcomes(seed_result):
    ax = plots.plot_top_concepts(seed_result)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    as_cause = dict(zip(labels, (round(b.get_width()) for b in ax.containers[0])))
    as_outcome = dict(zip(labels, (round(b.get_width()) for b in ax.containers[1])))
    links = seed_result.links
    assert (as_cause["Stakhanovism"], as_outcome["Great Terror"]) == (
        int((links["cause_concept"] == "Stakhanovism").sum()), int((links["effect_concept"] == "Great Terror").sum()))
    plt.close(ax.figure)


@pytest.mark.model
def test_plots_chain_lengths_count_the_chains(seed_result):
    ax = plots.plot_chain_lengths(seed_result)
    drawn = {round(b.get_x() + b.get_width() / 2): round(b.get_height()) for b in ax.containers[0]}
    expected = {}
    for chain in seed_result.chains():
        expected[len(chain)] = expected.get(len(chain), 0) + 1
    assert drawn == expected
    plt.close(ax.figure)


def test_plots_edge_state_prefers_asserted():
    from types import SimpleNamespace as L

    links = [L(polarity="positive", hedged=True), L(polarity="negative", hedged=False), L(polarity="positive", hedged=False)]
    assert [plots.edge_state(links[:1]), plots.edge_state(links[1:2]), plots.edge_state(links)] == ["hedged", "negated", "asserted"]
