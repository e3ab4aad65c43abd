"""Document ids: safe file-system names, and the first-wins registry that numbers repeats and skips duplicates."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace

from ..records import Chapter, InputProblem
from .items import _Item, _warning_problem

__all__ = ["make_safe_id"]

_MAX_ID_LENGTH = 100
_FALLBACK_ID = "doc"
# Ids.
_UNSAFE_ID_RE = re.compile(r"[^\w.\-]+")
_ID_EDGE_CHARS = "._-"


def make_safe_id(raw: object, fallback: str = _FALLBACK_ID) -> str:
    """Turn a file stem or record id into a safe document id.

    Keeps letters, digits, ``_``, ``-`` and ``.``; every other run of
    characters (slashes, quotes, spaces, newlines, emoji...) becomes one
    ``_``; leading and trailing ``.``, ``_`` and ``-`` are removed, so ``..``
    cannot survive; the result is cut to 100 characters.

    Parameters
    ----------
    raw : object
        The wanted id (converted with ``str``).
    fallback : str, default "doc"
        Returned when nothing safe is left.

    Returns
    -------
    str

    Examples
    --------
    >>> make_safe_id("../drafts/chapter 6")
    'drafts_chapter_6'
    >>> make_safe_id("🙂", fallback="notes-3")
    'notes-3'
    """
    text = unicodedata.normalize("NFC", str(raw))
    safe = _UNSAFE_ID_RE.sub("_", text).strip(_ID_EDGE_CHARS)
    safe = safe[:_MAX_ID_LENGTH].rstrip(_ID_EDGE_CHARS)
    return safe or fallback


class _Registry:
    """Gives chapters batch-unique ids and drops repeated texts."""

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._first_source: dict[bytes, str] = {}

    def admit(self, item: _Item) -> tuple[Chapter | None, InputProblem | None]:
        chapter = item.chapter
        digest = hashlib.sha256(chapter.text.encode("utf-8")).digest()
        if digest in self._first_source:
            return None, InputProblem(item.label, f"duplicate of {self._first_source[digest]}")
        self._first_source[digest] = chapter.source
        chapter_id = chapter.id
        if chapter_id in self._ids:
            suffix = 2
            while f"{chapter.id}-{suffix}" in self._ids:
                suffix += 1
            chapter_id = f"{chapter.id}-{suffix}"
        self._ids.add(chapter_id)
        if chapter_id != item.raw_id:
            chapter = replace(
                chapter, id=chapter_id, metadata={**chapter.metadata, "original_id": item.raw_id}
            )
        problem = _warning_problem(item.label, item.warnings, chapter_id) if item.warnings else None
        return chapter, problem
