"""The argument as argument-mapping tools read it: AIF JSON and Argdown.

AIF (the Argument Interchange Format, in the JSON form AIFdb and OVA
exchange): every claim is an I-node (a proposition) with an L-node (its
locution) spoken by a participant and a YA-node ("Asserting") from the
locution to the proposition. Participants are per document: its author, the
scholarship it cites, and the historical actors whose beliefs it reports.
Support becomes an RA-node ("Default Inference") and contrast a CA-node
("Default Conflict") between two I-nodes. Each causal link is an I-node too
("X contributed to Y (hedged)"), joined to the claim that states it by an
MA-node ("Default Rephrase": the link restates part of the claim); a link
whose asserter differs from its claim's (an actor's belief inside an
author's sentence), or that has no claim, gets its own locution.

Nodes carry only the AIF keys (``nodeID``, ``text``, ``type``,
``timestamp``); what argmine knows beyond AIF (claim ids, types, links) is in
the top-level ``"argmine"`` object, keyed by node id.

Argdown: per document a heading, each unit as a statement ``[title]: text
#type #asserter``, with ``+ [x]`` under it for each unit that supports it and
``- [x]`` for each unit that contrasts with it, then the causal links as
statements supported by the claim that states them.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .result import Result

__all__ = ["aif_document", "write_aif", "argdown_text", "write_argdown", "link_text", "AIF_NODE_TYPES", "validate_aif"]

AIF_NODE_TYPES = frozenset({"I", "L", "YA", "RA", "CA", "MA", "TA", "PA"})
#: scheme nodes that join propositions: each needs an I-node in and an I-node out
_SCHEME_TYPES = ("RA", "CA", "MA")
_ROLES = {"author": ("Author", "of"), "cited": ("Cited scholarship", "in"), "actor": ("Historical actor", "in")}
_TIMESTAMP = "1970-01-01 00:00:00"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def link_text(link) -> str:
    """A causal link as a proposition.

    >>> from types import SimpleNamespace as L
    >>> link_text(L(cause_concept="drought", effect_concept="famine", strength="contributory", polarity="positive", hedged=True))
    'drought contributed to famine (hedged)'
    """
    verb = {"sufficient": "caused", "unspecified": "affected", "contributory": "contributed to",
            "associative": "is linked to", "motive": "was the motive for"}.get(link.strength, "caused")
    if link.polarity == "negative":
        verb = {"caused": "did not cause", "affected": "did not affect", "contributed to": "did not contribute to",
                "is linked to": "is not linked to", "was the motive for": "was not the motive for"}[verb]
    hedge = " (hedged)" if link.hedged else ""
    return f"{link.cause_concept} {verb} {link.effect_concept}{hedge}"


def _plain(text: str) -> str:
    """One line of text without control characters (JSON would escape them; tools choke on them)."""
    return " ".join(_CONTROL.sub(" ", str(text)).split())


def aif_document(result: "Result", link_offset: int = 0) -> dict:
    """The AIF JSON object (nodes, edges, locutions, participants, argmine) of a result.

    A causal link's ``link_index`` is its position in ``result.link_records`` plus ``link_offset``
    (the links of the slices written before this one, see :class:`argmine.export.sinks.AifSink`)."""
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []
    participants: list[dict] = []
    extra: dict[str, dict] = {}
    person_of: dict[tuple[str, str], str] = {}

    def node(kind: str, text: str, **argmine) -> str:
        node_id = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id, "text": _plain(text), "type": kind, "timestamp": _TIMESTAMP})
        if argmine:
            extra[node_id] = argmine
        return node_id

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    def person(doc_id: str, role: str) -> str:
        if (doc_id, role) not in person_of:
            first, joiner = _ROLES[role]
            person_of[(doc_id, role)] = str(len(participants) + 1)
            participants.append({"participantID": person_of[(doc_id, role)], "firstname": first,
                                 "surname": f"{joiner} {_plain(doc_id)}"})
        return person_of[(doc_id, role)]

    def locution(doc_id: str, role: str, text: str, proposition: str) -> None:
        speaker = person(doc_id, role)
        l_node = node("L", f"{_ROLES[role][0]}: {text}")
        locutions.append({"nodeID": l_node, "personID": speaker, "timestamp": _TIMESTAMP})
        ya = node("YA", "Asserting")
        edge(l_node, ya)
        edge(ya, proposition)

    def scheme(kind: str, text: str, source: str, target: str) -> None:
        middle = node(kind, text)
        edge(source, middle)
        edge(middle, target)

    proposition: dict[str, str] = {}
    asserter: dict[str, str] = {}
    claims = list(result.claims.itertuples(index=False))
    for claim in claims:
        i_node = node("I", claim.text, claim_id=claim.claim_id, doc_id=claim.doc_id, type=claim.type,
                      asserted_by=claim.asserted_by, hedged=bool(claim.hedged), polarity=claim.polarity,
                      strength=claim.strength)
        proposition[claim.claim_id] = i_node
        asserter[claim.claim_id] = claim.asserted_by
        locution(claim.doc_id, claim.asserted_by, claim.text, i_node)
    for claim in claims:
        if claim.supports in proposition:
            scheme("RA", "Default Inference", proposition[claim.claim_id], proposition[claim.supports])
        if claim.attacks in proposition:
            scheme("CA", "Default Conflict", proposition[claim.claim_id], proposition[claim.attacks])
    for index, link in enumerate(result.link_records, start=link_offset):
        i_node = node("I", link_text(link), link_index=index, doc_id=link.doc_id, claim_id=link.claim_id,
                      cue=link.cue, hedged=bool(link.hedged), strength=link.strength, polarity=link.polarity,
                      asserted_by=link.asserted_by, explicit=bool(link.explicit))
        if link.claim_id in proposition:
            scheme("MA", "Default Rephrase", proposition[link.claim_id], i_node)
        if link.claim_id not in proposition or asserter[link.claim_id] != link.asserted_by:
            locution(link.doc_id, link.asserted_by, link.sentence, i_node)
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants,
            "argmine": {"nodes": extra}}


def validate_aif(document: dict) -> list[str]:
    """Problems with an AIF JSON object, checked node by node (an empty list when it is valid).

    Checks: node types are AIF types; ids are unique; every edge joins
    existing nodes; every L-node has a locution whose participant exists;
    every YA-node joins a locution to something; every RA/CA/MA node has at
    least one I-node coming in and one I-node going out.

    >>> validate_aif({"nodes": [{"nodeID": "1", "text": "x", "type": "Q"}], "edges": [], "locutions": [], "participants": []})
    ["node 1: type 'Q' is not an AIF node type"]
    """
    problems: list[str] = []
    nodes = document.get("nodes", [])
    kind = {}
    for item in nodes:
        node_id = item.get("nodeID")
        if node_id in kind:
            problems.append(f"node {node_id}: duplicate nodeID")
        kind[node_id] = item.get("type")
        if item.get("type") not in AIF_NODE_TYPES:
            problems.append(f"node {node_id}: type {item.get('type')!r} is not an AIF node type")
        if not isinstance(item.get("text"), str):
            problems.append(f"node {node_id}: text is not a string")
    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for item in document.get("edges", []):
        source, target = item.get("fromID"), item.get("toID")
        for end in (source, target):
            if end not in kind:
                problems.append(f"edge {item.get('edgeID')}: endpoint {end!r} is not a node")
        outgoing[source].append(target)
        incoming[target].append(source)
    people = {p.get("participantID") for p in document.get("participants", [])}
    spoken = {}
    for item in document.get("locutions", []):
        spoken[item.get("nodeID")] = item.get("personID")
        if item.get("nodeID") not in kind or kind[item.get("nodeID")] != "L":
            problems.append(f"locution of {item.get('nodeID')!r}: not an L-node")
    for node_id, node_kind in kind.items():
        if node_kind == "L":
            if node_id not in spoken:
                problems.append(f"node {node_id}: L-node without a locution")
            elif spoken[node_id] not in people:
                problems.append(f"node {node_id}: locution by unknown participant {spoken[node_id]!r}")
        elif node_kind == "YA":
            if not incoming[node_id] or not outgoing[node_id]:
                problems.append(f"node {node_id}: YA-node needs an edge in and an edge out")
        elif node_kind in _SCHEME_TYPES:
            if not any(kind.get(n) == "I" for n in incoming[node_id]):
                problems.append(f"node {node_id}: {node_kind}-node has no I-node coming in")
            if not any(kind.get(n) == "I" for n in outgoing[node_id]):
                problems.append(f"node {node_id}: {node_kind}-node has no I-node going out")
    return problems


def write_aif(result: "Result", path) -> None:
    text = json.dumps(aif_document(result), ensure_ascii=False, indent=1) + "\n"
    Path(path).write_text(text, encoding="utf-8", errors="replace")


_ARGDOWN_SWAP = {"[": "(", "]": ")", "<": "‹", ">": "›", "{": "(", "}": ")", "#": "no. ", "@": "(at)"}
#: :data:`_ARGDOWN_SWAP` as a :meth:`str.translate` table (one C pass instead of a Python step per character)
_ARGDOWN_TABLE = str.maketrans(_ARGDOWN_SWAP)


#: Characters Argdown reads as syntax anywhere in a line: emphasis (``*``, ``_``), the backslash of its escapes,
#: and a ``/`` that starts a comment (``//``; ``/*`` is broken by escaping the ``*``).
_ARGDOWN_SYNTAX = re.compile(r"[\\*_]|/(?=/)")


def _argdown_title(text: str) -> str:
    """Text for a statement title (inside ``[...]``, which Argdown reads as one token): no brackets or controls."""
    return _plain(text).translate(_ARGDOWN_TABLE)


def _argdown_escape(text: str) -> str:
    r"""Text Argdown reads as text: no brackets, tags, mentions, data blocks, emphasis, comments or control characters.

    Brackets, braces, ``#`` and ``@`` are swapped for look-alikes (as before);
    ``*``, ``_``, ``\`` and a ``/`` before another ``/`` get Argdown's escape,
    a backslash, so an unmatched ``*`` or ``_`` or a ``///`` cannot open an
    emphasis or a comment that swallows the rest of the map.

    >>> _argdown_escape("see [1] <x> #3 {a} /// c @me *x _y")
    'see (1) ‹x› no. 3 (a) \\/\\// c (at)me \\*x \\_y'
    """
    return _ARGDOWN_SYNTAX.sub(r"\\\g<0>", _argdown_title(text))


def argdown_text(result: "Result", link_offset: int = 0) -> str:
    """An Argdown rendering: per document, each unit with what supports (+) and contrasts with (-) it.

    A causal link is named ``[<document> link <i>]``, ``i`` its position in ``result.link_records`` plus
    ``link_offset`` (the links of the slices written before this one)."""
    lines = ["===", "title: argmine argument map", "===", ""]
    claims = list(result.claims.itertuples(index=False))
    by_doc = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc_id].append(claim)
    links_by_doc = defaultdict(list)
    for index, link in enumerate(result.link_records, start=link_offset):
        links_by_doc[link.doc_id].append((index, link))
    for doc_id in list(dict.fromkeys([*by_doc, *links_by_doc])):
        doc_claims = by_doc.get(doc_id, [])
        name = _argdown_title(doc_id)
        lines += [f"# {_argdown_escape(doc_id)}", ""]
        title = {c.claim_id: f"{name} {c.claim_id.rsplit(':', 1)[-1]}" for c in doc_claims}
        incoming = defaultdict(list)
        for claim in doc_claims:
            if claim.supports in title:
                incoming[claim.supports].append(("+", claim.claim_id))
            if claim.attacks in title:
                incoming[claim.attacks].append(("-", claim.claim_id))
        for claim in doc_claims:
            tags = f" #{claim.type} #{claim.asserted_by}" + (" #hedged" if claim.hedged else "")
            tags += " #negative" if claim.polarity == "negative" else ""
            tags += f" #{claim.strength}" if claim.strength else ""
            lines.append(f"[{title[claim.claim_id]}]: {_argdown_escape(claim.text)}{tags}")
            for sign, other in incoming.get(claim.claim_id, []):
                lines.append(f"  {sign} [{title[other]}]")
            lines.append("")
        for index, link in links_by_doc.get(doc_id, []):
            tags = f" #causal #{link.strength} #{link.asserted_by}" + (" #hedged" if link.hedged else "")
            tags += " #negative" if link.polarity == "negative" else ""
            lines.append(f"[{name} link {index}]: {_argdown_escape(link_text(link))} (\"{_argdown_escape(link.cue)}\"){tags}")
            if link.claim_id in title:
                lines.append(f"  + [{title[link.claim_id]}]")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write_argdown(result: "Result", path) -> None:
    Path(path).write_text(argdown_text(result), encoding="utf-8", errors="replace")
