"""Cutting a long text into the pieces that are parsed apart (no spaCy here).

:func:`iter_pieces` and :func:`split_text` are named in :mod:`argmine.batch.process` too; they live here so
that the process that runs a batch command can cut a long document into tasks without importing spaCy.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..nlp.model import MAX_LENGTH

__all__ = ["iter_pieces", "split_text"]

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def iter_pieces(text: str, max_chars: int = MAX_LENGTH) -> Iterator[tuple[int, str]]:
    """The ``(offset, piece)`` pieces of :func:`split_text`, one at a time (only the piece at hand is copied).

    >>> list(iter_pieces("aaa bbb ccc", 8))
    [(0, 'aaa bbb '), (8, 'ccc')]
    """
    start = 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = None
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > max_chars // 2]
            if ends:
                cut = ends[-1]
                break
        cut = cut or max_chars
        yield start, window[:cut]
        start += cut
    if start < len(text):
        yield start, text[start:]


def split_text(text: str, max_chars: int = MAX_LENGTH) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` pieces of at most ``max_chars`` characters.

    Cuts fall at a paragraph break if one is in the second half of the window,
    else at a sentence end, else at whitespace, else hard.

    >>> split_text("aaa bbb ccc", 8)
    [(0, 'aaa bbb '), (8, 'ccc')]
    """
    return list(iter_pieces(text, max_chars))
