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

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Result

__all__ = ["build_graph", "concept_node", "claim_node", "causal_subgraph"]


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


def build_graph(result: "Result") -> nx.MultiDiGraph:
    """The argument graph of a result: claims, concepts, and the edges between them.

    Edge keys say what an edge is: ``link<i>`` for the i-th causal link,
    ``support:<claim_id>``/``contrast:<claim_id>`` for argumentative edges
    (keyed by their source claim) and ``asserts:link<i>``.
    """
    graph = nx.MultiDiGraph(name="argmine argument graph")
    concepts = result.concepts.set_index("concept") if len(result.concepts) else None
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
        if claim.contrasts in by_id:
            graph.add_edge(claim_node(claim.claim_id), claim_node(claim.contrasts), key=f"contrast:{claim.claim_id}",
                           kind="contrast", label="contrasts with", doc_id=claim.doc_id, **grading)
    for index, link in enumerate(result.link_records):
        for name in (link.cause_concept, link.effect_concept):
            node = concept_node(name)
            if node not in graph:
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
