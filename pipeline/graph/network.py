"""The argument graph: concept nodes, claim nodes, causal and argumentative edges.

One ``networkx.MultiDiGraph`` holds

- concept nodes (``kind="concept"``) joined by causal edges (``kind="causal"``),
  one edge per link, each with its provenance: document, sentence, character
  offsets, cue, hedged, modality, strength, polarity, direction (increase /
  decrease / ""), asserted_by and the claim that
  states it;
- claim nodes (``kind="claim"``: type, asserted_by, hedged, hedge, polarity,
  strength) joined by ``support`` and ``contrast`` edges that carry the
  source claim's grading, and an ``asserts`` edge from each claim to the
  causal links it states (from the claim node to the cause concept, with the
  link's index, effect concept and grading), so every causal edge is tied to
  the claim that asserts it (also through its ``claim_id``).

Every attribute is a string, number or boolean, so GraphML and GEXF writers
take the graph as it is.
"""
from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, Callable, Iterable

import networkx as nx

if TYPE_CHECKING:  # pragma: no cover
    from .result import Result

__all__ = ["build_graph", "concept_node", "claim_node", "causal_subgraph", "concept_graph", "collapsed_graph",
           "bundled_graph", "BUNDLE_MARK", "causal_layout", "link_state", "edge_state", "EDGE_COLOURS", "label_text"]

#: marks a bundle node of :func:`concept_graph` (the phrase that sums several concepts up)
BUNDLE_MARK = "\u2039"


def concept_node(name: str) -> str:
    """Node id of a concept.

    >>> concept_node("Great Terror")
    'concept:Great Terror'
    """
    return f"concept:{name}"


def claim_node(claim_id: str) -> str:
    """Node id of a claim.

    >>> claim_node("doc:u3")
    'claim:doc:u3'
    """
    return f"claim:{claim_id}"


def build_graph(result: "Result", link_offset: int = 0) -> nx.MultiDiGraph:
    """The argument graph of a result: claims, concepts, and the edges between them.

    Edge keys say what an edge is: ``link<i>`` for the i-th causal link (``i`` counted from
    ``link_offset``: the links of the slices written before this one, see :mod:`argmine.export.sinks`),
    ``support:<claim_id>``/``attack:<claim_id>`` for argumentative edges
    (keyed by their source claim) and ``asserts:link<i>``.
    """
    graph = nx.MultiDiGraph(name="argmine argument graph")
    concepts = result.concepts.set_index("concept") if len(result.concepts) else None
    counts = None  # concept -> (mentions, documents), read once instead of a .loc per concept
    if concepts is not None and concepts.index.is_unique:
        counts = dict(zip(concepts.index, zip(concepts["mentions"], concepts["documents"])))
    claims = list(result.claims.itertuples(index=False))
    by_id = {claim.claim_id: claim for claim in claims}
    for claim in claims:
        graph.add_node(claim_node(claim.claim_id), kind="claim", label=_short(claim.text), text=claim.text,
                       claim_id=claim.claim_id, doc_id=claim.doc_id, sentence_index=int(claim.sentence_index),
                       start=int(claim.start), end=int(claim.end), type=claim.type, asserted_by=claim.asserted_by,
                       hedged=bool(claim.hedged), hedge=claim.hedge, polarity=claim.polarity,
                       strength=claim.strength, cue=claim.cue)
    for claim in claims:
        grading = dict(asserted_by=claim.asserted_by, hedged=bool(claim.hedged), polarity=claim.polarity,
                       strength=claim.strength)
        if claim.supports in by_id:
            graph.add_edge(claim_node(claim.claim_id), claim_node(claim.supports), key=f"support:{claim.claim_id}",
                           kind="support", label="supports", doc_id=claim.doc_id, **grading)
        if claim.attacks in by_id:
            graph.add_edge(claim_node(claim.claim_id), claim_node(claim.attacks), key=f"attack:{claim.claim_id}",
                           kind="attack", label="attacks", doc_id=claim.doc_id, **grading)
    for index, link in enumerate(result.link_records, start=link_offset):
        for name in (link.cause_concept, link.effect_concept):
            node = concept_node(name)
            if node not in graph:
                if counts is not None:
                    found = counts.get(name)
                    row = {"mentions": found[0], "documents": found[1]} if found is not None else None
                else:
                    row = concepts.loc[name] if concepts is not None and name in concepts.index else None
                graph.add_node(node, kind="concept", label=name,
                               mentions=int(row["mentions"]) if row is not None else 0,
                               documents=str(row["documents"]) if row is not None else "")
        grading = dict(hedged=bool(link.hedged), modality=link.modality, strength=link.strength,
                       polarity=link.polarity, asserted_by=link.asserted_by)
        graph.add_edge(
            concept_node(link.cause_concept), concept_node(link.effect_concept), key=f"link{index}",
            kind="causal", label=link.cue, link_index=index, doc_id=link.doc_id,
            sentence_index=int(link.sentence_index), cue=link.cue,
            cause_text=link.cause_text, effect_text=link.effect_text,
            cause_start=link.cause_start, cause_end=link.cause_end,
            effect_start=link.effect_start, effect_end=link.effect_end,
            explicit=bool(link.explicit), confidence=float(link.confidence),
            claim_id=link.claim_id, via=link.via, sentence=link.sentence, rule=link.rule,
            direction=link.direction, **grading,
        )
        if link.claim_id and claim_node(link.claim_id) in graph:
            graph.add_edge(claim_node(link.claim_id), concept_node(link.cause_concept), key=f"asserts:link{index}",
                           kind="asserts", label="asserts", link_index=index, doc_id=link.doc_id,
                           effect_concept=link.effect_concept, **grading)
    return graph


def causal_subgraph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Only the concept nodes and causal edges."""
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("kind") == "concept")
    sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if d.get("kind") == "causal")
    return sub


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- the concept graph of the causal links, and its layout (pure networkx: no drawing here) ----------

EDGE_COLOURS = {"asserted": "#1f3b73", "hedged": "#e08a00", "negated": "#b2182b"}
_WRAP = 18            # characters per line of a concept label
_GAP = 1.2            # vertical space between two boxes, in text lines
_COLUMN_INCHES = 2.1  # one layer of the causal graph, left to right
_LINE_INCHES = 0.2    # one text line of a label, top to bottom
_PAGE_ASPECT = 1.45   # width / height the parts of a big graph are packed into


def link_state(link) -> str:
    """``"negated"``, ``"hedged"`` or ``"asserted"``: how firmly a link is stated.

    >>> from types import SimpleNamespace as L
    >>> [link_state(L(polarity=p, hedged=h)) for p, h in (("positive", False), ("positive", True), ("negative", True))]
    ['asserted', 'hedged', 'negated']
    """
    if link.polarity == "negative":
        return "negated"
    return "hedged" if link.hedged else "asserted"


def edge_state(links: Iterable) -> str:
    """The state of an edge that stands for several links: asserted if any link asserts it."""
    states = {link_state(l) for l in links}
    for state in ("asserted", "hedged", "negated"):
        if state in states:
            return state
    raise ValueError("an edge needs at least one link")


def concept_graph(links: Iterable, doc_id: str | None = None, *, negated: bool = True,
                  bundles: bool = False) -> nx.DiGraph:
    """Concepts and one edge per (cause, effect) pair, the pair's links (in order) in the edge's ``links``.

    The one place the causal links of a result become a concept graph:
    ``links`` are :class:`~argmine.records.CausalLink` records (only those of
    ``doc_id`` when given). ``negated=False`` leaves out negated links ("did
    not lead to" is not a step of a chain: :meth:`argmine.graph.result.Result.chains`).
    ``bundles=True`` draws the links one summary anaphor ("all of these
    factors") or one enumeration produces (they share a ``group``) as one
    bundle: each summed-up concept -> a bundle node named after the phrase
    ("‹all of these factors›", starting with :data:`BUNDLE_MARK`) -> the
    shared end; groups whose links do not share one end stay plain edges.

    >>> from types import SimpleNamespace as L
    >>> g = concept_graph([L(doc_id="d", cause_concept="drought", effect_concept="famine", polarity="positive")])
    >>> list(g.edges)
    [('drought', 'famine')]
    """
    graph = nx.DiGraph()
    groups: dict[str, list] = {}
    for link in links:
        if doc_id is not None and link.doc_id != doc_id:
            continue
        if not negated and link.polarity == "negative":
            continue
        group = (getattr(link, "group", "") or "") if bundles else ""
        if group:
            groups.setdefault(group, []).append(link)
            continue
        _add(graph, link.cause_concept, link.effect_concept, link)
    for group, members in groups.items():
        causes = {l.cause_concept for l in members}
        effects = {l.effect_concept for l in members}
        first = members[0]
        if len(effects) == 1 and len(causes) > 1:
            hub = f"{BUNDLE_MARK}{first.cause_text.strip()}\u203a"
            for link in members:
                _add(graph, link.cause_concept, hub, link)
            _add(graph, hub, first.effect_concept, *members)
        elif len(causes) == 1 and len(effects) > 1:
            phrase = first.cause_text.strip() if first.rule != "enumeration" else first.cue.split(" …")[0]
            hub = f"{BUNDLE_MARK}{phrase}\u203a"
            _add(graph, first.cause_concept, hub, *members)
            for link in members:
                _add(graph, hub, link.effect_concept, link)
        else:
            for link in members:
                _add(graph, link.cause_concept, link.effect_concept, link)
    return graph


def collapsed_graph(result: "Result", doc_id: str | None = None) -> nx.DiGraph:
    """:func:`concept_graph` of a result's links, negated links included."""
    return concept_graph(result.link_records, doc_id)


def bundled_graph(result: "Result", doc_id: str | None = None) -> nx.DiGraph:
    """:func:`concept_graph` of a result's links with one bundle per link group (graph.png, the interactive view)."""
    return concept_graph(result.link_records, doc_id, bundles=True)


def _add(graph: nx.DiGraph, cause: str, effect: str, *links) -> None:
    if graph.has_edge(cause, effect):
        graph[cause][effect]["links"].extend(links)
    else:
        graph.add_edge(cause, effect, links=list(links))


def label_text(name: str) -> str:
    """A concept name wrapped at 18 characters a line (the label of its box)."""
    return "\n".join(textwrap.wrap(name, _WRAP, break_long_words=False)) or name


def _label_lines(name: str) -> float:
    return float(label_text(name).count("\n") + 1)


def _layers(graph: nx.DiGraph) -> dict[str, int]:
    """Each concept one layer right of its furthest cause; a cycle's concepts share a layer."""
    dag = nx.condensation(graph)
    layer_of: dict[int, int] = {}
    for component in nx.topological_sort(dag):
        layer_of[component] = max((layer_of[p] + 1 for p in dag.predecessors(component)), default=0)
    return {node: layer_of[dag.graph["mapping"][node]] for node in graph}


def _ordered_columns(graph: nx.DiGraph, layer: dict[str, int]) -> list[list[str]]:
    """Nodes per layer, ordered by barycentre sweeps (left to right, then back) to limit crossings."""
    columns: list[list[str]] = [[] for _ in range(max(layer.values()) + 1)]
    for node in sorted(graph, key=str.lower):
        columns[layer[node]].append(node)

    def sweep(order: Iterable[int], neighbours: Callable) -> None:
        rank = {n: i for column in columns for i, n in enumerate(column)}
        for c in order:
            def barycentre(node, c=c):
                ranks = [rank[m] for m in neighbours(node)]
                return sum(ranks) / len(ranks) if ranks else rank[node]
            columns[c].sort(key=barycentre)
            rank.update({n: i for i, n in enumerate(columns[c])})

    for _ in range(2):
        sweep(range(1, len(columns)), graph.predecessors)
        sweep(range(len(columns) - 2, -1, -1), graph.successors)
    sweep(range(1, len(columns)), graph.predecessors)
    return columns


def _part_layout(graph: nx.DiGraph, height: Callable[[str], float], gap: float):
    """Positions of one connected part with its top-left at (0, 0), y growing downwards; and its size."""
    columns = _ordered_columns(graph, _layers(graph))
    totals = [sum(height(n) + gap for n in column) for column in columns]
    tallest = max(totals)
    position = {}
    for c, column in enumerate(columns):
        y = (tallest - totals[c]) / 2
        for node in column:
            position[node] = (float(c), y + (height(node) + gap) / 2)
            y += height(node) + gap
    return position, len(columns), tallest


def _pack(parts: list[tuple[dict, int, float]], unit_ratio: float, aspect: float) -> list[tuple[float, float]]:
    """Offsets that pack parts (positions, columns, height) into a page of about ``aspect`` (skyline packing).

    Width is counted in half-column slots; a part of ``n`` columns takes
    ``2n + 1`` slots, so unrelated parts stand further apart than the layers of
    one part. ``unit_ratio`` is the width of one column in y units.
    """
    widths = [2 * columns + 1 for _, columns, _ in parts]

    def place(total: int):
        skyline = [0.0] * total
        offsets = []
        for width, (_, _, height) in zip(widths, parts):
            best = min(range(total - width + 1), key=lambda s: (max(skyline[s:s + width]), s))
            top = max(skyline[best:best + width])
            offsets.append((best / 2, top))
            skyline[best:best + width] = [top + height + 1.5] * width
        return offsets, max(skyline)

    area = sum(w * h for w, (_, _, h) in zip(widths, parts))
    ideal = math.sqrt(2 * aspect * area / unit_ratio)  # slots for which width / height == aspect without waste
    candidates = sorted({max(widths)} | {min(sum(widths), max(max(widths), round(ideal * f / 20)))
                                          for f in range(12, 41)})
    best_offsets, best_score = None, math.inf
    for total in candidates:
        offsets, page_height = place(total)
        used = max(o[0] * 2 + w for o, w in zip(offsets, widths))
        score = abs(math.log((used / 2 * unit_ratio) / max(page_height, 1e-9) / aspect))
        if score < best_score - 1e-9:
            best_offsets, best_score = offsets, score
    return best_offsets


def causal_layout(graph: nx.DiGraph, height: Callable[[str], float] | None = None, gap: float = _GAP,
                  column_width: float = _COLUMN_INCHES / _LINE_INCHES,
                  aspect: float = _PAGE_ASPECT) -> dict[str, tuple[float, float]]:
    """Left-to-right layers: each concept one column right of its furthest cause.

    x counts columns and y counts text lines (upwards, as matplotlib draws).
    Cycles are collapsed first, so a cycle's concepts share a column. Within a
    column, barycentre sweeps order concepts to keep edges short and limit
    crossings; ``height(node)`` is the room a node takes (default: its label's
    lines) and ``gap`` the room between two. Unconnected parts of the graph
    are laid out each on its own and packed like a page about ``aspect`` times
    as wide as high, where one column is ``column_width`` y units wide.

    >>> layout = causal_layout(nx.DiGraph([("drought", "famine"), ("famine", "revolt")]))
    >>> [x for x, _ in (layout["drought"], layout["famine"], layout["revolt"])]
    [0.0, 1.0, 2.0]
    """
    if graph.number_of_nodes() == 0:
        return {}
    height = height or _label_lines
    parts = [_part_layout(graph.subgraph(nodes), height, gap)
             for nodes in sorted(nx.weakly_connected_components(graph), key=lambda c: (-len(c), min(c)))]
    offsets = _pack(parts, column_width, aspect) if len(parts) > 1 else [(0.0, 0.0)]
    layout = {}
    for (position, _, _), (dx, dy) in zip(parts, offsets):
        for node, (x, y) in position.items():
            layout[node] = (x + dx, -(y + dy))
    return layout
