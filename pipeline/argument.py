"""The argument as argument-mapping tools read it: AIF JSON and Argdown.

AIF (the Argument Interchange Format, as AIFdb and OVA exchange it): every
claim is an I-node (a proposition) with an L-node (its locution) spoken by a
participant (the author, cited scholarship or a historical actor) and a
YA-node ("Asserting") from the locution to the proposition; support becomes
an RA-node and contrast a CA-node between propositions. Each causal link is
an I-node too ("X caused Y"), supported (RA) by the claim that states it.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Result

__all__ = ["aif_document", "write_aif", "argdown_text", "write_argdown", "AIF_NODE_TYPES"]

AIF_NODE_TYPES = {"I", "L", "YA", "RA", "CA", "MA", "TA"}
_SPEAKERS = {"author": ("Author", ""), "cited": ("Cited", "scholarship"), "actor": ("Historical", "actor")}
_TIMESTAMP = "1970-01-01 00:00:00"


def _link_text(link) -> str:
    verb = {"sufficient": "caused", "contributory": "contributed to", "associative": "is linked to"}[link.strength]
    if link.polarity == "negative":
        verb = {"caused": "did not cause", "contributed to": "did not contribute to", "is linked to": "is not linked to"}[verb]
    hedge = " (hedged)" if link.hedged else ""
    return f"{link.cause_concept} {verb} {link.effect_concept}{hedge}"


def aif_document(result: "Result") -> dict:
    """The AIF JSON object (nodes, edges, locutions, participants) of a result."""
    nodes, edges, locutions = [], [], []
    counter = {"node": 0, "edge": 0}

    def node(kind: str, text: str, **extra) -> str:
        counter["node"] += 1
        node_id = str(counter["node"])
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": _TIMESTAMP, **extra})
        return node_id

    def edge(source: str, target: str) -> None:
        counter["edge"] += 1
        edges.append({"edgeID": str(counter["edge"]), "fromID": source, "toID": target, "formEdgeID": None})

    participants = []
    person_of = {}
    for number, (role, (first, last)) in enumerate(_SPEAKERS.items(), start=1):
        participants.append({"participantID": str(number), "firstname": first, "surname": last})
        person_of[role] = str(number)

    proposition = {}
    claims = list(result.claims.itertuples(index=False))
    for claim in claims:
        i_node = node("I", claim.text, argmine_claim_id=claim.claim_id, argmine_type=claim.type)
        proposition[claim.claim_id] = i_node
        speaker = _SPEAKERS[claim.asserted_by][0] + (" " + _SPEAKERS[claim.asserted_by][1] if _SPEAKERS[claim.asserted_by][1] else "")
        l_node = node("L", f"{speaker}: {claim.text}")
        locutions.append({"nodeID": l_node, "personID": person_of[claim.asserted_by], "timestamp": _TIMESTAMP})
        ya = node("YA", "Asserting")
        edge(l_node, ya)
        edge(ya, i_node)
    for claim in claims:
        if claim.supports and claim.supports in proposition:
            ra = node("RA", "Default Inference")
            edge(proposition[claim.claim_id], ra)
            edge(ra, proposition[claim.supports])
        if claim.contrasts and claim.contrasts in proposition:
            ca = node("CA", "Default Conflict")
            edge(proposition[claim.claim_id], ca)
            edge(ca, proposition[claim.contrasts])
    for index, link in enumerate(result.link_records):
        i_node = node("I", _link_text(link), argmine_link_index=index, argmine_doc_id=link.doc_id)
        if link.claim_id in proposition:
            ra = node("RA", "Default Inference")
            edge(proposition[link.claim_id], ra)
            edge(ra, i_node)
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}


def write_aif(result: "Result", path) -> None:
    Path(path).write_text(json.dumps(aif_document(result), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _argdown_escape(text: str) -> str:
    """Argdown reads [..], <..>, # and leading +/- as syntax; keep them as text."""
    text = " ".join(text.split())
    for char in "[]<>":
        text = text.replace(char, {"[": "(", "]": ")", "<": "‹", ">": "›"}[char])
    return text.replace("#", "no. ")


def argdown_text(result: "Result") -> str:
    """An Argdown rendering: per document, each thesis with what supports (+) and contrasts with (-) it."""
    lines = ["===", "title: argmine argument map", "===", ""]
    claims = list(result.claims.itertuples(index=False))
    by_doc = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc_id].append(claim)
    links_by_claim = defaultdict(list)
    for link in result.link_records:
        links_by_claim[link.claim_id].append(link)
    for doc_id, doc_claims in by_doc.items():
        lines.append(f"# {_argdown_escape(doc_id)}")
        lines.append("")
        label = {c.claim_id: f"{_argdown_escape(doc_id)} {c.claim_id.rsplit(':', 1)[-1]}" for c in doc_claims}
        supporters = defaultdict(list)
        for claim in doc_claims:
            if claim.supports:
                supporters[claim.supports].append(claim)
        for claim in doc_claims:
            tags = f" #{claim.type} #{claim.asserted_by}" + (" #hedged" if claim.hedged else "")
            lines.append(f"[{label[claim.claim_id]}]: {_argdown_escape(claim.text)}{tags}")
            for supporter in supporters.get(claim.claim_id, []):
                lines.append(f"  + [{label[supporter.claim_id]}]")
            if claim.contrasts and claim.contrasts in label:
                lines.append(f"  - [{label[claim.contrasts]}]")
            for link in links_by_claim.get(claim.claim_id, []):
                lines.append(f"  + <{_argdown_escape(_link_text(link))}>: stated with \"{_argdown_escape(link.cue)}\" #causal")
            lines.append("")
    return "\n".join(lines) + "\n"


def write_argdown(result: "Result", path) -> None:
    Path(path).write_text(argdown_text(result), encoding="utf-8")
