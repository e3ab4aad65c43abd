"""Typed records passed between argmine's stages.

Every stage boundary in the data flow (see ``design.md``) carries one of these
frozen dataclasses, never a dict of strings.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Literal, Mapping

__all__ = [
    "renumber_plain",
    "Chapter",
    "InputProblem",
    "CausalLink",
    "ArgumentativeUnit",
    "Resolution",
    "Strength",
    "Polarity",
    "Direction",
    "Asserter",
    "Modality",
    "UnitType",
    "record_columns",
    "Extraction",
    "ChapterResult",
]

Strength = Literal["sufficient", "unspecified", "contributory", "associative", "motive"]
Polarity = Literal["positive", "negative"]
Direction = Literal["increase", "decrease", ""]
Asserter = Literal["author", "cited", "actor"]
#: FactBank modality of a link: asserted, hedged, hypothetical (condition, counterfactual,
#: forecast, intention) or question
Modality = Literal["asserted", "hedged", "hypothetical", "question"]
UnitType = Literal["thesis", "claim", "premise", "background", "meta"]


@dataclass(frozen=True)
class Chapter:
    """One input document: its id, the text argmine analyses and its metadata.

    ``text`` is the only part the NLP stages see; for a publisher page it is
    the Summary alone. ``metadata`` holds plain strings (title, book, pages,
    publisher, ...) and ``source`` names the file (and line) it came from.
    """

    id: str
    text: str
    metadata: Mapping[str, str] = field(default_factory=dict)
    source: str = ""


@dataclass(frozen=True)
class InputProblem:
    """An input that was skipped or changed, reported in ``errors.csv``.

    ``action`` says what argmine did: ``"skipped"`` or, for inputs that were
    still processed, e.g. ``"decoded as cp1252"``.
    """

    file: str
    reason: str
    action: str = "skipped"
    doc_id: str = ""


@dataclass(frozen=True)
class Resolution:
    """How an anaphoric mention was resolved to earlier concepts."""

    doc_id: str
    sentence_index: int
    mention: str
    start: int
    end: int
    antecedents: tuple[str, ...]
    antecedent_mentions: tuple[str, ...]
    reason: str  # "head-noun", "synonym", "apposition", "one-anaphora", "summary", "enumeration", "unresolved"


@dataclass(frozen=True)
class CausalLink:
    """One causal link stated in a document, with its provenance.

    Offsets are characters into the document text (end-exclusive), so
    ``text[cause_start:cause_end] == cause_text``.

    Factuality after FactBank (:mod:`argmine.extraction.factuality`): ``polarity``,
    ``modality`` and ``asserted_by`` (the source). ``hedged`` is derived:
    True exactly when ``modality`` is not ``"asserted"`` (a record built
    with ``hedged=True`` and no modality, or read from a table without the
    column, gets ``modality="hedged"``).
    """

    doc_id: str
    sentence_index: int
    cause_text: str
    effect_text: str
    cause_start: int
    cause_end: int
    effect_start: int
    effect_end: int
    cue: str
    cue_start: int
    cue_end: int
    cause_concept: str
    effect_concept: str
    explicit: bool
    hedged: bool
    strength: Strength
    polarity: Polarity
    confidence: float
    asserted_by: Asserter
    sentence: str
    rule: str
    claim_id: str = ""
    via: str = ""  # how an end was resolved, e.g. "anaphora:summary 'Such interaction'"
    direction: Direction = ""  # what the cause does to the effect: "increase", "decrease" or "" (not said)
    modality: Modality = "asserted"

    def __post_init__(self) -> None:
        if not self.modality or (self.modality == "asserted" and self.hedged):
            # an older table without the column, or a record built with hedged=True only
            object.__setattr__(self, "modality", "hedged" if self.hedged else "asserted")
        elif self.modality != "asserted" and not self.hedged:
            object.__setattr__(self, "hedged", True)
    group: str = ""  # links one summary anaphor or one enumeration produces share it ("doc:summary@1234")


@dataclass(frozen=True)
class ArgumentativeUnit:
    """An argumentative unit (ADU): a sentence or a clause that makes one claim, with its type and relations.

    One row of ``claims.csv``. ``type`` is the unit's role in the argument
    (``thesis``, ``claim``, ``premise``, ``background`` or ``meta``);
    ``supports`` and ``attacks`` are the ``claim_id`` of the unit it supports
    or attacks (contradicts, or sets itself against with "however", "but"),
    as argument mining's support and attack relations.
    """

    doc_id: str
    claim_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    type: UnitType
    asserted_by: Asserter
    hedged: bool
    polarity: Polarity
    cue: str = ""
    hedge: str = ""  # the hedging words ("at least", "may"), if any
    strength: str = ""  # of the causal link the unit states: sufficient, contributory, associative ("" for none)
    supports: str = ""  # claim_id this unit supports, if any
    attacks: str = ""  # claim_id this unit attacks (contradicts or contrasts with), if any


def record_columns(record_type: type) -> list[str]:
    """Column names of a record type, in declaration order.

    >>> record_columns(InputProblem)
    ['file', 'reason', 'action', 'doc_id']
    """
    return [f.name for f in fields(record_type)]


@lru_cache(maxsize=None)
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))


def as_row(record) -> dict:
    """A record as a flat dict for a DataFrame row (records hold plain values: no deep copy needed)."""
    row = {name: getattr(record, name) for name in _field_names(type(record))}
    for key, value in row.items():
        if isinstance(value, (str, int, float)):
            continue
        if isinstance(value, tuple):
            row[key] = "; ".join(map(str, value))
        elif isinstance(value, Mapping):
            row[key] = dict(value)
    return row


@dataclass
class Extraction:
    """Everything extracted from one document (or one piece of a long one)."""

    links: list[CausalLink] = field(default_factory=list)
    claims: list[ArgumentativeUnit] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    sentences: int = 0
    #: named entities and years of the document (:func:`argmine.extraction.concepts.document_context`)
    context: frozenset[str] = frozenset()

    def extend(self, other: "Extraction") -> None:
        self.links.extend(other.links)
        self.claims.extend(other.claims)
        self.resolutions.extend(other.resolutions)
        self.sentences += other.sentences
        self.context = self.context | other.context


@dataclass
class ChapterResult:
    """A chapter and everything extracted from it (:func:`argmine.batch.process.process_chapters` makes them)."""

    chapter: Chapter
    extraction: Extraction = field(default_factory=Extraction)
    words: int = 0


def _claim_shifter(doc_id: str, claim_offset: int):
    """A function that moves a claim id of document ``doc_id`` (``doc_id:u<n>``) on by ``claim_offset``; an empty id
    stays empty, and so does every id when ``claim_offset`` is 0. ValueError for an id of another document."""
    prefix = f"{doc_id}:u"
    start = len(prefix)

    def claim(claim_id: str) -> str:
        if not claim_id or not claim_offset:
            return claim_id
        if not claim_id.startswith(prefix) or not claim_id[start:].isdigit():
            raise ValueError(f"claim id {claim_id!r} is not one of document {doc_id!r}")
        return f"{prefix}{int(claim_id[start:]) + claim_offset}"

    return claim


def renumber_plain(extraction: dict, doc_id: str, sentence_offset: int, claim_offset: int) -> None:
    """:func:`argmine.extraction.extract.renumbered` on the plain (JSON) form of an extraction, in place.

    ``extraction`` is the ``"extraction"`` object of a cache record
    (:func:`argmine.batch.runner.encode_result`): lists ``links``, ``claims``
    and ``resolutions`` of objects with the fields of
    :class:`~argmine.records.CausalLink`, :class:`~argmine.records.ArgumentativeUnit`
    and :class:`~argmine.records.Resolution`. The same fields move by the same
    amounts as in ``renumbered`` (ValueError for a claim id of another
    document), so encoding the result gives the bytes of encoding
    ``renumbered``'s; nothing else is read or changed. The join of a long
    document's pieces uses it to skip building record objects (it lives here,
    with the records, so that the process that joins need not import spaCy).

    >>> plain = {"links": [], "resolutions": [], "claims": [{"claim_id": "d:u0", "sentence_index": 0,
    ...          "supports": "d:u1", "attacks": ""}]}
    >>> renumber_plain(plain, "d", 10, 4)
    >>> plain["claims"]
    [{'claim_id': 'd:u4', 'sentence_index': 10, 'supports': 'd:u5', 'attacks': ''}]
    """
    if not sentence_offset and not claim_offset:
        return
    claim = _claim_shifter(doc_id, claim_offset)
    for link in extraction["links"]:
        link["sentence_index"] += sentence_offset
        link["claim_id"] = claim(link["claim_id"])
    for unit in extraction["claims"]:
        unit["sentence_index"] += sentence_offset
        unit["claim_id"] = claim(unit["claim_id"])
        unit["supports"] = claim(unit["supports"])
        unit["attacks"] = claim(unit["attacks"])
    for item in extraction["resolutions"]:
        item["sentence_index"] += sentence_offset
