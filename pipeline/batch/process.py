"""Running the pipeline over chapters: long texts in pieces, batches through ``nlp.pipe``.

:func:`process_chapters` streams one :class:`ChapterResult` per chapter, in
input order. A chapter longer than :data:`argmine.nlp.model.MAX_LENGTH` characters
is cut at paragraph (else sentence, else space) boundaries and its pieces are
parsed separately; every offset in the results still indexes the chapter text.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language

from ..extraction.extract import Extraction, extract
from ..nlp.model import MAX_LENGTH, load_nlp
from .pieces import iter_pieces, split_text  # noqa: F401  (named here too, where they were first)
from ..records import Chapter, ChapterResult  # ChapterResult lives with the other records; named here too

__all__ = ["ChapterResult", "iter_pieces", "split_text", "process_chapters", "process_piece", "extract_text", "PIPE_BATCH_CHARS"]

#: ``nlp.pipe`` parses at most this many characters at once (and at most ``batch_size`` pieces): the memory
#: of a parse grows with the text in it, so a batch of long pieces is cut down to one or two.
PIPE_BATCH_CHARS = 100_000


def _bounded_batches(pieces: Iterable[tuple[str, object]], batch_size: int) -> Iterator[list[tuple[str, object]]]:
    """Consecutive groups of at most ``batch_size`` pieces and, unless one piece is longer, :data:`PIPE_BATCH_CHARS`."""
    group: list[tuple[str, object]] = []
    chars = 0
    for piece in pieces:
        if group and (len(group) >= batch_size or chars + len(piece[0]) > PIPE_BATCH_CHARS):
            yield group
            group, chars = [], 0
        group.append(piece)
        chars += len(piece[0])
    if group:
        yield group


def process_chapters(chapters: Iterable[Chapter], nlp: Language | None = None, *, n_process: int = 1,
                     batch_size: int = 16, on_done: Callable[[ChapterResult], None] | None = None,
                     on_piece: Callable[[int], None] | None = None,
                     piece_chars: int = MAX_LENGTH) -> Iterator[ChapterResult]:
    """Parse and extract every chapter, yielding results in input order.

    A chapter is parsed in pieces of at most ``piece_chars`` (by default
    :data:`argmine.nlp.model.MAX_LENGTH`) characters (:func:`split_text`), and with ``n_process=1`` ``nlp.pipe``
    gets at most ``batch_size`` pieces and :data:`PIPE_BATCH_CHARS`
    characters at a time, so memory stays flat however long a chapter is.
    ``on_piece(n)`` is called with the length of every piece once it is
    extracted (progress within a long chapter); ``on_done`` with every result.
    """
    nlp = nlp or load_nlp()

    def pieces() -> Iterator[tuple[str, tuple[Chapter, int, int, bool]]]:
        for chapter in chapters:
            parts = split_text(chapter.text, piece_chars) or [(0, "")]  # an empty text still gives its (empty) result
            for number, (offset, piece) in enumerate(parts):
                yield piece, (chapter, offset, number, number == len(parts) - 1)

    if n_process == 1:
        parsed = (pair for group in _bounded_batches(pieces(), batch_size)
                  for pair in nlp.pipe(group, as_tuples=True, batch_size=len(group)))
    else:
        parsed = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    current: ChapterResult | None = None
    for doc, (chapter, offset, number, last) in parsed:
        if number == 0:
            current = ChapterResult(chapter)
        assert current is not None
        extraction = extract(doc, chapter.id, char_offset=offset, sentence_offset=current.extraction.sentences,
                             claim_offset=len(current.extraction.claims))
        current.extraction.extend(extraction)
        current.words += _words(doc)
        if on_piece is not None:
            on_piece(_text_length(doc))
        del doc
        if last:
            if on_done is not None:
                on_done(current)
            yield current
            current = None


def process_piece(doc_id: str, offset: int, text: str, nlp: Language | None = None) -> tuple[ChapterResult, int]:
    """Parse and extract one piece of a long document on its own; its result and its length in characters.

    ``offset`` is where the piece starts in the document text: the records'
    character offsets index the whole text, as in :func:`process_chapters`,
    but their sentence indexes and claim ids count from the piece's start (the
    caller shifts them with :func:`argmine.extraction.extract.renumbered` once
    the pieces before it are known). The result's chapter is ``doc_id`` with
    an empty text.
    """
    nlp = nlp or load_nlp()
    doc = next(iter(nlp.pipe([text], batch_size=1)))
    result = ChapterResult(Chapter(doc_id, ""), extract(doc, doc_id, char_offset=offset), _words(doc))
    return result, _text_length(doc)


def _words(doc) -> int:
    """Tokens that are neither punctuation nor space (``is_punct``, ``is_space``), read as one array."""
    if not len(doc):
        return 0
    flags = doc.to_array([IS_PUNCT, IS_SPACE])
    return int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())


def _text_length(doc) -> int:
    """``len(doc.text)`` without building the text: where the last token and its whitespace end."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def extract_text(text: str, doc_id: str = "text", nlp: Language | None = None) -> Extraction:
    """Extraction of one plain text (no loader, no metadata)."""
    chapter = Chapter(id=doc_id, text=text)
    return next(process_chapters([chapter], nlp)).extraction
