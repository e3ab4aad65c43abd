"""Passage-level extraction for evaluation: ``argmine links IN.jsonl -o OUT.jsonl``.

Each input line is ``{"id": ..., "text": ...}``; each output line is the
design.md schema ``{"id", "causal", "relations": [{"cause", "effect",
"cause_start", "cause_end", "effect_start", "effect_end", "signal"}]}`` with
offsets into that line's text, one output line per input line, in order. The
extraction is the same as ``argmine run``'s (:func:`argmine.batch.process.process_chapters`);
only the explicit links are reported, each pair of spans once. A purpose or motive
(strength ``motive``: what an actor meant to bring about, not an achieved effect) is
reported as a relation by default, since some annotation schemes count purposes as
causal (BECauSE's Purpose type, the Causal News Corpus); ``motives=False``
(``argmine links --no-motives``) leaves intentions out, for schemes that relate only
achieved causes and effects.

A line that is not JSON, not an object, or lacks a usable ``id`` or ``text``
is reported through ``on_error`` (the CLI prints it on stderr with its line
number); when it has an id its output line is ``{"id": ..., "error": "line N:
..."}``, otherwise it has no output line. Blank lines are skipped. The run goes on.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, TextIO

from .link_scorer import LinkScorer, relation_features
from .process import process_chapters
from ..records import CausalLink, Chapter

__all__ = ["predict_records", "extract_records", "relations_of", "relation_of", "explicit_links", "stated_relations", "parse_line", "LineError", "run_links"]

#: What may stand between two coordinated ends of one stated relation.
_COORDINATION = re.compile(r"\s*(,\s*)?(and|or|and/or|nor|as well as|but also|but)?\s*(,\s*)?")


@dataclass(frozen=True)
class LineError:
    """An input line that could not be used."""

    line: int
    id: str | int | None
    reason: str

    @property
    def message(self) -> str:
        """The reason with the line number, as the output line's ``error`` says it."""
        return f"line {self.line}: {self.reason}"


def explicit_links(links: Iterable[CausalLink]) -> list[CausalLink]:
    """The explicit links of one passage, the first of each (cause span, effect span) pair."""
    seen = set()
    out = []
    for link in links:
        if not link.explicit:
            continue
        key = (link.cause_start, link.cause_end, link.effect_start, link.effect_end)
        if key in seen:
            continue
        seen.add(key)
        out.append(link)
    return out


def relation_of(link: CausalLink) -> dict:
    """One link as a relation of the ``argmine links`` schema."""
    return {
        "cause": link.cause_text, "effect": link.effect_text,
        "cause_start": link.cause_start, "cause_end": link.cause_end,
        "effect_start": link.effect_start, "effect_end": link.effect_end,
        "signal": link.cue or None,
    }


def _joinable(text: str, spans: list[tuple[int, int]]) -> bool:
    ordered = sorted(spans)
    return all(_COORDINATION.fullmatch(text[a[1]:b[0]]) for a, b in zip(ordered, ordered[1:]))


def _merge(group: list[CausalLink], role: str, text: str) -> dict:
    relation = relation_of(group[0])
    start = min(getattr(l, f"{role}_start") for l in group)
    end = max(getattr(l, f"{role}_end") for l in group)
    relation.update({role: text[start:end], f"{role}_start": start, f"{role}_end": end})
    return relation


def stated_relations(links: Iterable[CausalLink], text: str) -> list[tuple[list[CausalLink], dict]]:
    """The relations a passage states, each with the links behind it.

    The explicit links, one per (cause span, effect span). Links that share a
    cue and one end and whose other ends are coordinated ("X and Y caused Z")
    are one stated relation whose end spans the coordination: the graph keeps
    one link per concept, the passage states one relation.
    """
    groups: dict[tuple, list[CausalLink]] = {}
    for link in explicit_links(links):
        groups.setdefault((link.cue_start, link.cue_end, link.effect_start, link.effect_end), []).append(link)
    merged: list[tuple[list[CausalLink], dict]] = []
    for group in groups.values():
        spans = [(l.cause_start, l.cause_end) for l in group]
        if len(group) > 1 and _joinable(text, spans):
            merged.append((group, _merge(group, "cause", text)))
        else:
            merged.extend(([l], relation_of(l)) for l in group)
    by_cause: dict[tuple, list[tuple[list[CausalLink], dict]]] = {}
    for item in merged:
        rel = item[1]
        by_cause.setdefault((item[0][0].cue_start, item[0][0].cue_end, rel["cause_start"], rel["cause_end"]), []).append(item)
    out = []
    for items in by_cause.values():
        spans = [(rel["effect_start"], rel["effect_end"]) for _, rel in items]
        if len(items) > 1 and _joinable(text, spans):
            start, end = min(a for a, _ in spans), max(b for _, b in spans)
            relation = dict(items[0][1], effect=text[start:end], effect_start=start, effect_end=end)
            out.append(([l for links_, _ in items for l in links_], relation))
        else:
            out.extend(items)
    return sorted(out, key=lambda item: (item[1]["cause_start"], item[1]["effect_start"]))


def relations_of(links: Iterable[CausalLink], text: str) -> list[dict]:
    """The relations of one passage (see :func:`stated_relations`)."""
    return [relation for _, relation in stated_relations(links, text)]


def parse_line(line: str, number: int) -> dict | LineError:
    """One JSONL line as a record with an ``id`` (string or integer) and a string ``text``, or why it is not one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return LineError(number, None, f"not valid JSON ({error.msg})")
    if not isinstance(record, dict):
        return LineError(number, None, f"expected a JSON object, found {type(record).__name__}")
    record_id = record.get("id")
    if record_id is None:
        return LineError(number, None, "the record has no 'id'")
    if not isinstance(record_id, (str, int)) or isinstance(record_id, bool):
        return LineError(number, None, f"'id' is {json.dumps(record_id)}, expected a string or an integer")
    if "text" not in record:
        return LineError(number, record_id, f"the record {record_id!r} has no 'text'")
    if not isinstance(record["text"], str):
        return LineError(number, record_id, f"'text' of {record_id!r} is {type(record['text']).__name__}, expected a string")
    return {"id": record_id, "text": record["text"]}


def extract_records(records: Iterable[dict], nlp=None, n_process: int = 1
                    ) -> Iterator[tuple[dict, list[CausalLink] | Exception]]:
    """Each record (``id`` and ``text``) with its links, in order, or the exception its extraction raised.

    An empty text is not parsed (it has no links); after a record whose
    extraction fails, the records after it are still processed.
    """
    records = list(records)
    position = 0
    while position < len(records):
        rest = records[position:]
        chapters = (Chapter(id=str(r["id"]), text=r["text"]) for r in rest if r["text"])
        results = process_chapters(chapters, nlp, n_process=n_process)
        try:
            for record in rest:
                links = next(results).extraction.links if record["text"] else []
                yield record, links
                position += 1
        except Exception as error:  # a fault in extraction of this one record: hand it on, go on
            yield records[position], error
            position += 1


def predict_records(records: Iterable[dict], nlp=None, n_process: int = 1, motives: bool = True,
                    scorer: LinkScorer | None = None) -> Iterator[dict]:
    """One prediction per record (``id`` and ``text``), in order, each with the record's own ``id``.

    An empty text is non-causal with no relations; a record whose extraction
    fails gets ``{"id": ..., "error": ...}``. ``motives=False`` leaves out the
    links of strength ``motive`` (purposes and motives: intentions, not
    achieved effects). ``scorer`` (:class:`argmine.batch.link_scorer.LinkScorer`,
    default none) drops each relation whose probability under it is below its
    threshold, computed with the weights that never saw the record's id
    (:meth:`~argmine.batch.link_scorer.LinkScorer.weights_for`); ``causal`` stays
    whether the rules state any relation (the scorer judges which relations a
    scheme counts, not whether the passage is causal).
    """
    for record, links in extract_records(records, nlp, n_process):
        if isinstance(links, Exception):
            yield {"id": record["id"], "error": f"extraction failed ({type(links).__name__}: {links})"}
            continue
        if not motives:
            links = [link for link in links if link.strength != "motive"]
        items = stated_relations(links, record["text"])
        causal = bool(items)
        if scorer is not None:
            items = [(group, relation) for group, relation in items
                     if scorer.keeps(relation_features(group, relation, record["text"], len(items)), record["id"])]
        yield {"id": record["id"], "causal": causal, "relations": [relation for _, relation in items]}


def run_links(lines: Iterable[str], out: TextIO, on_error: Callable[[LineError], None], nlp=None,
              n_process: int = 1, motives: bool = True, scorer: LinkScorer | None = None) -> tuple[int, int]:
    """Read JSONL lines, write one prediction line per input line; returns (records, errors).

    ``motives``: report purposes and motives as relations; ``scorer``: drop the relations a
    learned link scorer rates below its threshold (see :func:`predict_records`).
    """
    parsed: list[tuple[int, dict | LineError]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parsed.append((number, parse_line(line, number)))
    good = [item for _, item in parsed if isinstance(item, dict)]
    predictions = predict_records(good, nlp, n_process=n_process, motives=motives, scorer=scorer)
    errors = 0
    for number, item in parsed:
        if isinstance(item, LineError):
            errors += 1
            on_error(item)
            if item.id is not None:
                out.write(json.dumps({"id": item.id, "error": item.message}, ensure_ascii=False) + "\n")
            continue
        prediction = next(predictions)
        if "error" in prediction:
            errors += 1
            on_error(LineError(number, prediction["id"], prediction["error"]))
        out.write(json.dumps(prediction, ensure_ascii=False) + "\n")
    return len(parsed), errors
