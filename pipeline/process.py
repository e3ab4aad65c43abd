"""Running the pipeline over chapters: long texts in pieces, batches through ``nlp.pipe``.

:func:`process_chapters` streams one :class:`ChapterResult` per chapter, in
input order. A chapter longer than :data:`pipeline.nlp.MAX_LENGTH` characters
is cut at paragraph (else sentence, else space) boundaries and its pieces are
parsed separately; every offset in the results still indexes the chapter text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from .extract import Extraction, extract
from .nlp import MAX_LENGTH, load_nlp
from .records import Chapter

__all__ = ["ChapterResult", "split_text", "process_chapters", "extract_text"]

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


@dataclass
class ChapterResult:
    """A chapter and everything extracted from it."""

    chapter: Chapter
    extraction: Extraction = field(default_factory=Extraction)
    words: int = 0


def split_text(text: str, max_chars: int = MAX_LENGTH) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` pieces of at most ``max_chars`` characters.

    Cuts fall at a paragraph break if one is in the second half of the window,
    else at a sentence end, else at whitespace, else hard.

    >>> split_text("aaa bbb ccc", 8)
    [(0, 'aaa bbb '), (8, 'ccc')]
    """
    pieces = []
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
        pieces.append((start, text[start:start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece]


def process_chapters(chapters: Iterable[Chapter], nlp: Language | None = None, *, n_process: int = 1,
                     batch_size: int = 16, on_done: Callable[[ChapterResult], None] | None = None
                     ) -> Iterator[ChapterResult]:
    """Parse and extract every chapter, yielding results in input order."""
    nlp = nlp or load_nlp()

    def pieces() -> Iterator[tuple[str, tuple[Chapter, int, int, bool]]]:
        for chapter in chapters:
            parts = split_text(chapter.text) or [(0, "")]  # an empty text still gives its (empty) result
            for number, (offset, piece) in enumerate(parts):
                yield piece, (chapter, offset, number, number == len(parts) - 1)

    current: ChapterResult | None = None
    for doc, (chapter, offset, number, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        if number == 0:
            current = ChapterResult(chapter)
        assert current is not None
        extraction = extract(doc, chapter.id, char_offset=offset, sentence_offset=current.extraction.sentences,
                             claim_offset=len(current.extraction.claims))
        current.extraction.extend(extraction)
        current.words += sum(1 for t in doc if not (t.is_punct or t.is_space))
        if last:
            if on_done is not None:
                on_done(current)
            yield current
            current = None


def extract_text(text: str, doc_id: str = "text", nlp: Language | None = None) -> Extraction:
    """Extraction of one plain text (no loader, no metadata)."""
    chapter = Chapter(id=doc_id, text=text)
    return next(process_chapters([chapter], nlp)).extraction
