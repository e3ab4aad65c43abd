"""The result of an analysis: tables, the graph, chains.

:class:`Result` is what :func:`argmine.analyze` and
:func:`argmine.analyze_corpus` return and what the CLI writes out.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

import networkx as nx
import pandas as pd

from .network import build_graph, concept_graph
from ..records import CausalLink, ChapterResult, ArgumentativeUnit, InputProblem, Resolution, as_row, record_columns

if TYPE_CHECKING:  # pragma: no cover
    from ..extraction.merge import Merge

__all__ = ["Result", "Chain", "ConceptTable", "build_result", "count_concept_occurrences", "canonical_links", "DOCUMENT_COLUMNS", "CONCEPT_COLUMNS"]

DOCUMENT_COLUMNS = [
    "doc_id", "source", "format", "title", "chapter_number", "book_title", "book_subtitle", "pages",
    "publisher", "print_year", "online_date", "content_type", "words", "sentences", "claims", "links", "text",
]
CONCEPT_COLUMNS = ["concept", "mentions", "documents", "n_documents", "aliases", "merged_from", "as_cause", "as_effect"]
_MAX_PATHS = 500
_MAX_HOPS = 8



def _anaphoric_pronouns() -> frozenset[str]:
    """The pronouns of lexicon kind ``anaphoric_pronoun`` (both numbers): a resolution of one adds no alias."""
    from ..nlp.rules import load_lexicon

    return load_lexicon().words("anaphoric_pronoun")


@dataclass(frozen=True)
class Chain:
    """A causal path through concepts, with the links behind every hop.

    Iterating a chain gives its concept names, so ``list(chain)`` is the path.
    ``continuous`` is True when one document asserts every hop; a chain that
    joins hops from different documents is marked ``continuous=False`` and
    only returned when asked for (the "transitivity trap").
    """

    concepts: tuple[str, ...]
    hops: tuple[tuple[CausalLink, ...], ...]
    documents: tuple[str, ...]
    continuous: bool

    def __iter__(self) -> Iterator[str]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def __getitem__(self, index):
        return self.concepts[index]

    def __str__(self) -> str:
        return " → ".join(self.concepts)

    @property
    def hedged(self) -> bool:
        return any(all(l.hedged for l in hop) for hop in self.hops)


@dataclass
class Result:
    """Documents, claims, causal links, concepts and the argument graph of a corpus."""

    chapters: list[ChapterResult]
    problems: list[InputProblem] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    link_records: list[CausalLink] = field(default_factory=list)
    #: (doc_id, concept name in that document) -> canonical concept name across the corpus
    concept_map: dict[tuple[str, str], str] = field(default_factory=dict)

    # -- tables ---------------------------------------------------------------

    @cached_property
    def documents(self) -> pd.DataFrame:
        rows = []
        for item in self.chapters:
            meta = dict(item.chapter.metadata)
            row = {column: meta.get(column, "") for column in DOCUMENT_COLUMNS}
            row.update(doc_id=item.chapter.id, source=item.chapter.source or meta.get("source", ""),
                       words=item.words, sentences=item.extraction.sentences,
                       claims=len(item.extraction.claims),
                       links=sum(1 for l in self.link_records if l.doc_id == item.chapter.id),
                       text=item.chapter.text)
            extra = {k: v for k, v in meta.items() if k not in row}
            row.update(extra)
            rows.append(row)
        return pd.DataFrame(rows, columns=list(dict.fromkeys(DOCUMENT_COLUMNS + [k for r in rows for k in r])))

    @cached_property
    def claims(self) -> pd.DataFrame:
        return _frame([c for item in self.chapters for c in item.extraction.claims], ArgumentativeUnit)

    @cached_property
    def links(self) -> pd.DataFrame:
        """One row per causal link; ``link_id`` (second column, an int from 0) is the link's position among its
        document's links, the number the report and ``argmine show`` cite ("link 0" is a document's first)."""
        frame = _frame(self.link_records, CausalLink)
        frame.insert(1, "link_id", frame.groupby("doc_id", sort=False).cumcount().astype("int64") if len(frame)
                     else pd.Series(dtype="int64"))
        return frame

    @cached_property
    def resolutions(self) -> pd.DataFrame:
        """Every anaphoric mention with its antecedent concepts (canonical names) and the reason."""
        return _frame(self.resolution_records, Resolution)

    @cached_property
    def resolution_records(self) -> list[Resolution]:
        out = []
        for item in self.chapters:
            for res in item.extraction.resolutions:
                names = tuple(self.concept_map.get((res.doc_id, n), n) for n in res.antecedents)
                out.append(replace(res, antecedents=names))
        return out

    @cached_property
    def errors(self) -> pd.DataFrame:
        return _frame(self.problems, InputProblem)

    @cached_property
    def concepts(self) -> pd.DataFrame:
        """Each concept of the causal links: its mentions, documents, aliases and cross-document merges
        (see :class:`ConceptTable`)."""
        table = ConceptTable()
        table.add_links(self.link_records)
        table.add_resolutions(self.resolution_records)
        return table.frame(self.merges)

    # -- graph and chains -----------------------------------------------------

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The argument graph (:func:`argmine.graph.network.build_graph`): concepts, claims and the edges between them."""
        return build_graph(self)

    def argument_graph(self, link_offset: int = 0) -> nx.MultiDiGraph:
        """:attr:`graph` with the causal links numbered from ``link_offset`` (a slice of a bigger corpus)."""
        if not link_offset:
            return self.graph
        cached = self.__dict__.setdefault("_offset_graphs", {})
        if link_offset not in cached:
            cached.clear()
            cached[link_offset] = build_graph(self, link_offset)
        return cached[link_offset]

    def causal_graph(self, doc_id: str | None = None) -> nx.DiGraph:
        """Concepts and the causal links between them (one edge per pair, links in ``links``), negated links
        left out (:func:`argmine.graph.network.concept_graph`)."""
        return concept_graph(self.link_records, doc_id, negated=False)

    def chains(self, source: str | None = None, target: str | None = None, *,
               across_documents: bool = False, min_hops: int = 2) -> list[Chain]:
        """Causal chains as concept paths, each hop with its links.

        By default only *continuous* chains: paths that one document asserts
        hop by hop. ``across_documents=True`` also joins hops from different
        documents; those chains are labelled ``continuous=False``.
        """
        source = self.concept_named(source) or source if source is not None else None
        target = self.concept_named(target) or target if target is not None else None
        found: dict[tuple[str, ...], Chain] = {}
        doc_ids = [item.chapter.id for item in self.chapters]
        for doc_id in doc_ids:
            for chain in _paths(self.causal_graph(doc_id), source, target, min_hops, continuous=True):
                found.setdefault(chain.concepts, chain)
        if across_documents:
            for chain in _paths(self.causal_graph(), source, target, min_hops, continuous=False):
                if chain.concepts not in found:
                    docs = {l.doc_id for hop in chain.hops for l in hop}
                    single = [d for d in docs if all(any(l.doc_id == d for l in hop) for hop in chain.hops)]
                    found[chain.concepts] = replace(chain, continuous=bool(single))
        return sorted(found.values(), key=lambda c: (-len(c), c.concepts))

    def disagreements(self, include_agreements: bool = False) -> pd.DataFrame:
        """Cause–effect pairs that two or more documents state, and where they disagree.

        A document's stance on a pair is ``asserted``, ``hedged`` or ``negated``
        (asserted when any of its links asserts the pair). The ``verdict`` is
        ``opposite polarity`` when one document negates what another states,
        ``hedged vs asserted`` when one hedges what another asserts, and
        ``agree`` otherwise (those rows only with ``include_agreements=True``).
        ``sentences`` quotes each document's first sentence stating the pair.
        """
        stances: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        quotes: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for link in self.link_records:
            state = "negated" if link.polarity == "negative" else ("hedged" if link.hedged else "asserted")
            stances[(link.cause_concept, link.effect_concept)][link.doc_id].add(state)
            quotes[(link.cause_concept, link.effect_concept)].setdefault(link.doc_id, link.sentence)
        rows = []
        for (cause, effect), by_doc in sorted(stances.items()):
            if len(by_doc) < 2:
                continue
            stance = {doc: next(s for s in ("asserted", "hedged", "negated") if s in states)
                      for doc, states in sorted(by_doc.items())}
            kinds = set(stance.values())
            verdict = ("opposite polarity" if "negated" in kinds and len(kinds) > 1
                       else "hedged vs asserted" if kinds == {"asserted", "hedged"} else "agree")
            if verdict != "agree" or include_agreements:
                rows.append({"cause_concept": cause, "effect_concept": effect, "verdict": verdict,
                             "stances": "; ".join(f"{doc}: {s}" for doc, s in stance.items()),
                             "sentences": " | ".join(f"{doc}: {quotes[(cause, effect)][doc]}" for doc in stance)})
        return pd.DataFrame(rows, columns=["cause_concept", "effect_concept", "verdict", "stances", "sentences"])

    def concept_named(self, name: str) -> str | None:
        """The concept a name stands for: the concept itself, the same name in other case, or one of its
        aliases (a mention text or a name merged into it); None when nothing matches."""
        concepts = self.concepts
        if name in set(concepts["concept"]):
            return name
        low = name.strip().lower()
        for row in concepts.itertuples():
            if row.concept.lower() == low or low in (a.strip().lower() for a in row.aliases.split(" | ")):
                return row.concept
        return None

    # -- views ------------------------------------------------------------------

    def plot(self, ax=None, doc_id: str | None = None):
        """Draw the causal graph left to right; returns the matplotlib Axes."""
        from ..views.plots import plot_causal_graph

        return plot_causal_graph(self, ax=ax, doc_id=doc_id)

    def show(self, doc_id: str | None = None, jupyter: bool | None = None, style: str = "evidence"):
        """Each sentence with causes, effects and cues marked, claim types and who asserts them.

        ``style`` is ``"evidence"`` (argmine's view) or ``"displacy"``; see
        :func:`argmine.views.report.show_document`. Raises :class:`~argmine.errors.ArgmineError`
        when the result holds no document, KeyError-free.
        """
        from ..errors import ArgmineError
        from ..views.report import show_document

        if not self.chapters:
            raise ArgmineError("this result holds no document" + (
                f" ({len(self.problems)} input(s) could not be read: see .errors)" if self.problems else ""))
        return show_document(self, doc_id, jupyter=jupyter, style=style)

    def write(self, out_dir, **options):
        """Write every output file into ``out_dir`` (see :func:`argmine.export.writers.write_outputs`)."""
        from ..export.writers import write_outputs

        return write_outputs(self, out_dir, **options)


class ConceptTable:
    """Builds the concepts table from links and resolutions given in any number of slices.

    ``mentions`` counts distinct places in the texts that name a concept:
    link ends (a summary anaphor such as "all of these factors" is not a
    mention of each concept it sums up) and anaphors resolved to that concept
    alone ("the terror" -> Great Terror). ``aliases`` are those texts and the
    names merged into the concept; ``merged_from`` says which name was merged,
    from which documents, and why.

    >>> from argmine.extraction.concepts import Merge
    >>> table = ConceptTable()
    >>> table.frame([Merge("Terror", "Great Terror", "shorter form", ("b",))]).shape[0]
    0
    """

    def __init__(self) -> None:
        self.places: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
        self.texts: dict[str, set[str]] = defaultdict(set)
        self.docs: dict[str, set[str]] = defaultdict(set)
        self.as_cause: Counter = Counter()
        self.as_effect: Counter = Counter()

    def add_links(self, links: Iterable[CausalLink]) -> None:
        for link in links:
            for concept, text, start, end in ((link.cause_concept, link.cause_text, link.cause_start, link.cause_end),
                                              (link.effect_concept, link.effect_text, link.effect_start, link.effect_end)):
                self.docs[concept].add(link.doc_id)
                if f"'{text}' includes" not in link.via:
                    self.places[concept].add((link.doc_id, start, end))
                    self.texts[concept].add(text)
            self.as_cause[link.cause_concept] += 1
            self.as_effect[link.effect_concept] += 1

    def add_resolutions(self, resolutions: Iterable[Resolution]) -> None:
        """Call after every link was added: only concepts of links gain mentions."""
        pronouns = _anaphoric_pronouns()
        for res in resolutions:
            if len(res.antecedents) == 1 and res.antecedents[0] in self.docs:
                self.places[res.antecedents[0]].add((res.doc_id, res.start, res.end))
                if res.mention.lower() not in pronouns:
                    self.texts[res.antecedents[0]].add(res.mention)

    def frame(self, merges: Iterable[Merge] = ()) -> pd.DataFrame:
        merges = list(merges)
        merged_from: dict[str, list[str]] = defaultdict(list)
        for merge in merges:
            where = f" [{', '.join(merge.documents)}]" if merge.documents else ""
            merged_from[merge.canonical].append(f"{merge.alias}{where} ({merge.reason})")
        rows = []
        for concept in sorted(self.docs, key=lambda c: (-len(self.places[c]), c)):
            aliases = sorted(self.texts[concept] | {m.alias for m in merges if m.canonical == concept})
            rows.append({
                "concept": concept, "mentions": len(self.places[concept]),
                "documents": "; ".join(sorted(self.docs[concept])), "n_documents": len(self.docs[concept]),
                "aliases": " | ".join(aliases), "merged_from": "; ".join(merged_from.get(concept, [])),
                "as_cause": self.as_cause[concept], "as_effect": self.as_effect[concept],
            })
        return pd.DataFrame(rows, columns=CONCEPT_COLUMNS)


def _frame(records: Sequence, record_type: type) -> pd.DataFrame:
    return pd.DataFrame([as_row(r) for r in records], columns=record_columns(record_type))


def _paths(graph: nx.DiGraph, source, target, min_hops, continuous: bool) -> Iterator[Chain]:
    if graph.number_of_nodes() == 0:
        return
    if source is not None and source not in graph or target is not None and target not in graph:
        return
    starts = [source] if source is not None else [n for n in graph if graph.in_degree(n) == 0] or list(graph)
    ends = [target] if target is not None else [n for n in graph if graph.out_degree(n) == 0] or list(graph)
    count = 0
    for start in starts:
        for end in ends:
            if start == end:
                continue
            for path in nx.all_simple_paths(graph, start, end, cutoff=_MAX_HOPS):
                if len(path) - 1 < min_hops:
                    continue
                hops = tuple(tuple(graph[a][b]["links"]) for a, b in zip(path, path[1:]))
                docs = tuple(sorted({l.doc_id for hop in hops for l in hop}))
                yield Chain(tuple(path), hops, docs, continuous)
                count += 1
                if count >= _MAX_PATHS:
                    return


def count_concept_occurrences(links: Iterable[CausalLink],
                              into: dict[tuple[str, str], Counter] | None = None) -> dict[tuple[str, str], Counter]:
    """(document, concept name) -> Counter of mention texts: the input of :func:`argmine.extraction.concepts.merge_concepts`."""
    occurrences: dict[tuple[str, str], Counter] = into if into is not None else defaultdict(Counter)
    for link in links:
        for name, text in ((link.cause_concept, link.cause_text), (link.effect_concept, link.effect_text)):
            occurrences[(link.doc_id, name)][text] += 1
    return occurrences


def canonical_links(links: Iterable[CausalLink], mapping: dict[tuple[str, str], str]) -> list[CausalLink]:
    """Links with canonical concept names; a link whose two ends became one concept is dropped."""
    out = []
    for link in links:
        cause = mapping.get((link.doc_id, link.cause_concept), link.cause_concept)
        effect = mapping.get((link.doc_id, link.effect_concept), link.effect_concept)
        if cause != effect:
            out.append(replace(link, cause_concept=cause, effect_concept=effect))
    return out


def build_result(chapters: Iterable[ChapterResult], problems: Iterable[InputProblem] = ()) -> Result:
    """Gather chapter results, merge concepts across documents and make a :class:`Result`.

    Concept names are merged per document (see :func:`argmine.extraction.concepts.merge_concepts`),
    so one document's "Terror" can join "Great Terror" while another's stays apart.
    """
    from ..extraction.merge import merge_concepts

    chapters = list(chapters)
    links = [l for item in chapters for l in item.extraction.links]
    contexts = {item.chapter.id: item.extraction.context for item in chapters}
    mapping, merges = merge_concepts(count_concept_occurrences(links), contexts)
    return Result(chapters=chapters, problems=list(problems), merges=merges,
                  link_records=canonical_links(links, mapping), concept_map=mapping)
