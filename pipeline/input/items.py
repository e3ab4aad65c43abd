"""What every input format shares: the suffix table, the problem handler and the raw item a format yields."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Mapping

from ..records import Chapter, InputProblem

__all__ = ["SUPPORTED_SUFFIXES", "FORMAT_TEXT", "FORMAT_HTML", "FORMAT_JSONL"]

logger = logging.getLogger("argmine.input")
#: File suffix (lower case) -> the ``format`` recorded in the metadata.
SUPPORTED_SUFFIXES: Mapping[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
FORMAT_TEXT = "txt"
FORMAT_HTML = "html"
FORMAT_JSONL = "jsonl"
ProblemHandler = Callable[[InputProblem], None]


@dataclass
class _Item:
    """A chapter read from a file, before batch-wide id and duplicate checks."""

    chapter: Chapter
    raw_id: str
    label: str  # names the file (or file:line) in problems
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (reason, action)


def _too_long(length: int, max_chars: int | None) -> str | None:
    if max_chars is None or length <= max_chars:
        return None
    return (f"the text is too long ({length:,} characters; the limit is {max_chars:,}: raise it with "
            "--max-chars to analyse it)")


def _warning_problem(label: str, warnings: list[tuple[str, str]], doc_id: str) -> InputProblem:
    return InputProblem(
        file=label,
        reason="; ".join(reason for reason, _ in warnings),
        action="; ".join(action for _, action in warnings),
        doc_id=doc_id,
    )


def _log_problem(problem: InputProblem) -> None:
    logger.warning("%s: %s (%s)", problem.file, problem.reason, problem.action)
