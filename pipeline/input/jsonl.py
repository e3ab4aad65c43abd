"""JSON Lines inputs: one document per line, with ``id``, ``text`` and any metadata keys."""
from __future__ import annotations

import json

from ..errors import InputError
from ..records import Chapter, InputProblem
from .cleanup import _printable, scrub_text
from .ids import make_safe_id
from .items import FORMAT_JSONL, _Item, _too_long
from .prepare import _prepare_text

_RESERVED_METADATA_KEYS = frozenset({"source", "format", "original_id"})
_JSON_TYPE_NAMES = {
    dict: "an object", list: "an array", str: "a string", int: "a number",
    float: "a number", bool: "a boolean", type(None): "null",
}


def _jsonl_items(text: str, path: str, stem: str, max_chars: int | None = None
                 ) -> tuple[list[_Item], list[InputProblem]]:
    """One item per good record; one problem per bad line (file ``path:line``)."""
    items: list[_Item] = []
    problems: list[InputProblem] = []
    first_line_of_id: dict[str, int] = {}
    safe_stem = make_safe_id(stem)
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        label = f"{path}:{number}"

        def skip(reason: str) -> None:
            problems.append(InputProblem(label, f"line {number}: {reason}"))

        try:
            record = json.loads(line, strict=False)
        except json.JSONDecodeError as err:
            skip(f"not valid JSON ({err.msg} at column {err.colno})")
            continue
        except RecursionError:
            skip("not usable JSON (nested too deeply)")
            continue
        if not isinstance(record, dict):
            skip(f"not a JSON object (got {_JSON_TYPE_NAMES.get(type(record), 'a value')})")
            continue
        if "text" not in record:
            skip("the record has no 'text'")
            continue
        if not isinstance(record["text"], str):
            skip(f"'text' is not a string (got {_JSON_TYPE_NAMES.get(type(record['text']), 'a value')})")
            continue
        too_long = _too_long(len(record["text"]), max_chars)
        if too_long:
            skip(too_long)
            continue

        warnings: list[tuple[str, str]] = []
        raw_id = record.get("id")
        generated = f"{safe_stem}-{number}"
        if isinstance(raw_id, int) and not isinstance(raw_id, bool):
            raw_id = str(raw_id)
        if raw_id is None or not isinstance(raw_id, str) or not raw_id.strip():
            if "id" not in record or raw_id is None:
                problem = "the record has no 'id'"
            elif isinstance(raw_id, str):
                problem = "the record's 'id' is empty"
            else:
                problem = f"'id' is not a string (got {_JSON_TYPE_NAMES.get(type(raw_id), 'a value')})"
            warnings.append((f"line {number}: {problem}", f"loaded with id '{generated}'"))
            raw_id = generated
        elif raw_id in first_line_of_id:
            skip(f"duplicate id '{_printable(raw_id)}' (first at line {first_line_of_id[raw_id]})")
            continue

        try:
            final, parsed, parsed_format, more = _prepare_text(record["text"], label, "'text'")
        except InputError as err:
            skip(err.reason)
            continue
        warnings.extend((f"line {number}: {reason}", action) for reason, action in more)
        first_line_of_id[raw_id] = number

        metadata = dict(parsed)
        for key, value in record.items():
            if key in ("id", "text"):
                continue
            name = f"record_{key}" if key in _RESERVED_METADATA_KEYS else key
            try:
                metadata[name] = _metadata_string(value)
            except RecursionError:
                warnings.append((f"line {number}: the value of {_printable(scrub_text(key))!r} is nested too deeply",
                                 "value left out"))
        metadata["source"] = label
        metadata["format"] = parsed_format or FORMAT_JSONL
        chapter_id = make_safe_id(raw_id, fallback=generated)
        chapter = Chapter(id=chapter_id, text=final, metadata=metadata, source=label)
        items.append(_Item(chapter, raw_id, label, warnings))
    return items, problems


def _metadata_string(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False)
