"""Passage-level extraction for evaluation: ``argmine links IN.jsonl -o OUT.jsonl``.

Each input line is ``{"id": ..., "text": ...}``; each output line is the
design.md schema ``{"id", "causal", "relations": [{"cause", "effect",
"cause_start", "cause_end", "effect_start", "effect_end", "signal"}]}`` with
offsets into that line's text, one output line per input line, in order. The
extraction is the same as ``argmine run``'s (:func:`pipeline.process.process_chapters`);
only the explicit links are reported, each pair of spans once.

A line that is not JSON, not an object, or lacks a usable ``id`` or ``text``
is reported through ``on_error`` (the CLI prints it on stderr with its line
number); when it has an id its output line is ``{"id": ..., "error": "line N:
..."}``, otherwise it has no output line. Blank lines are skipped. The run goes on.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, TextIO

from .process import process_chapters
from .records import CausalLink, Chapter

__all__ = ["predict_records", "relations_of", "relation_of", "explicit_links", "parse_line", "LineError", "run_links"]


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


def relations_of(links: Iterable[CausalLink]) -> list[dict]:
    """The relations of one passage: explicit links, one per (cause span, effect span)."""
    return [relation_of(link) for link in explicit_links(links)]


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


def predict_records(records: Iterable[dict], nlp=None, n_process: int = 1) -> Iterator[dict]:
    """One prediction per record (``id`` and ``text``), in order, each with the record's own ``id``.

    An empty text is not parsed: its prediction is non-causal with no relations.
    """
    records = list(records)
    chapters = (Chapter(id=str(r["id"]), text=r["text"]) for r in records if r["text"])
    results = process_chapters(chapters, nlp, n_process=n_process)
    for record in records:
        relations = relations_of(next(results).extraction.links) if record["text"] else []
        yield {"id": record["id"], "causal": bool(relations), "relations": relations}


def run_links(lines: Iterable[str], out: TextIO, on_error: Callable[[LineError], None], nlp=None,
              n_process: int = 1) -> tuple[int, int]:
    """Read JSONL lines, write one prediction line per input line; returns (records, errors)."""
    parsed: list[dict | LineError] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parsed.append(parse_line(line, number))
    good = [p for p in parsed if isinstance(p, dict)]
    predictions = predict_records(good, nlp, n_process=n_process)
    errors = 0
    for item in parsed:
        if isinstance(item, LineError):
            errors += 1
            on_error(item)
            if item.id is not None:
                out.write(json.dumps({"id": item.id, "error": item.message}, ensure_ascii=False) + "\n")
            continue
        out.write(json.dumps(next(predictions), ensure_ascii=False) + "\n")
    return len(parsed), errors
