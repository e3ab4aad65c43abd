"""Read inputs into documents: files and folders in, :class:`~argmine.records.Chapter` records and problems out."""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Iterable, Iterator

from ..errors import InputError
from ..records import Chapter, InputProblem
from .cleanup import _SURROGATE_RE, scrub_text
from .decode import _decode, _read_bytes
from .html_text import _visible_html_text
from .ids import _Registry, make_safe_id
from .items import FORMAT_HTML, FORMAT_JSONL, FORMAT_TEXT, ProblemHandler, SUPPORTED_SUFFIXES, _Item, _log_problem, _too_long, _warning_problem, logger
from .jsonl import _jsonl_items
from .prepare import _prepare_text
from .walk import _WalkState, _expand

__all__ = ["read_corpus", "iter_corpus", "load_file", "chapter_from_text"]

def read_corpus(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
) -> tuple[list[Chapter], list[InputProblem]]:
    """Read files and directories into chapters, collecting every problem.

    Parameters
    ----------
    paths : iterable of str or os.PathLike
        Files and directories. Directories are walked recursively in sorted
        order. A single path is accepted as well.

    Returns
    -------
    chapters : list of Chapter
        The usable chapters, in input order, with unique ids.
    problems : list of InputProblem
        Skipped inputs and warnings about inputs that were still loaded.

    Examples
    --------
    >>> read_corpus(["/no/such/dir"])
    ([], [InputProblem(file='/no/such/dir', reason='no such file or directory', action='skipped', doc_id='')])
    """
    problems: list[InputProblem] = []
    chapters = list(iter_corpus(paths, problems.append))
    return chapters, problems


def iter_corpus(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    on_problem: ProblemHandler,
    max_chars: int | None = None,
) -> Iterator[Chapter]:
    """Yield chapters one input at a time; report problems as they arise.

    Parameters
    ----------
    paths : iterable of str or os.PathLike
        Files and directories, as for :func:`read_corpus`.
    on_problem : callable
        Called with each :class:`InputProblem`: one per skipped file or
        record, and one per loaded chapter that needed a repair (its
        ``action`` says which).
    max_chars : int, optional
        A document whose text is longer is skipped ("the text is too long");
        a plain-text or HTML file of more than ``4 * max_chars`` bytes is
        skipped without being read. ``None``: no limit.

    Yields
    ------
    Chapter
        Usable chapters with ids unique across the whole batch.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    registry = _Registry()
    walk = _WalkState()
    report = _scrubbing(on_problem)
    for given in paths:
        for path, explicit in _expand(os.fsdecode(given), walk, report):
            try:
                items, problems = _load_items(path, explicit, max_chars)
            except InputError as err:
                report(InputProblem(err.file, err.reason))
                continue
            except Exception as err:  # noqa: BLE001 - one file must never stop a batch
                logger.debug("reading %r failed", path, exc_info=True)
                report(InputProblem(path, f"cannot be read ({type(err).__name__}: {err})"))
                continue
            for problem in problems:
                report(problem)
            for item in items:
                chapter, problem = registry.admit(_scrub_item(item))
                if problem is not None:
                    report(problem)
                if chapter is not None:
                    yield chapter


def load_file(path: str | os.PathLike, on_problem: ProblemHandler | None = None) -> list[Chapter]:
    """Load one file (a ``.jsonl`` file gives one chapter per good record).

    Parameters
    ----------
    path : str or os.PathLike
        The file. Any suffix is accepted; an unknown one is read as text.
    on_problem : callable, optional
        Receives warnings and skipped JSONL records; by default they are
        logged on the ``argmine.input`` logger.

    Returns
    -------
    list of Chapter

    Raises
    ------
    InputError
        When the file as a whole cannot be used (missing, unreadable,
        empty, binary, not English, a publisher page without a Summary...).
    """
    handler = _scrubbing(on_problem if on_problem is not None else _log_problem)
    path = os.fsdecode(path)
    try:
        items, problems = _load_items(path, explicit=True)
    except InputError as err:
        raise InputError(scrub_text(err.file), scrub_text(err.reason)) from None
    for problem in problems:
        handler(problem)
    registry = _Registry()
    chapters = []
    for item in items:
        chapter, problem = registry.admit(_scrub_item(item))
        if problem is not None:
            handler(problem)
        if chapter is not None:
            chapters.append(chapter)
    return chapters


def chapter_from_text(
    text: str,
    doc_id: str = "text",
    source: str = "<text>",
    on_problem: ProblemHandler | None = None,
) -> Chapter:
    """Make a chapter of raw text, as ``analyze("...")`` receives it.

    The text gets the same clean-up and checks as a file, including the
    detection of a pasted publisher page.

    Parameters
    ----------
    text : str
        The raw text.
    doc_id : str, default "text"
        The wanted id; it is made safe with :func:`make_safe_id`.
    source : str, default "<text>"
        What to name as the source in metadata and problems.
    on_problem : callable, optional
        Receives a warning when the text needed repairs; by default it is
        logged.

    Returns
    -------
    Chapter

    Raises
    ------
    InputError
        When the text is empty, not English, or a publisher page without a
        Summary.

    Examples
    --------
    >>> chapter_from_text("Shortages bred distrust, which fed the purges.").text
    'Shortages bred distrust, which fed the purges.'
    >>> chapter_from_text("  ")
    Traceback (most recent call last):
    ...
    argmine.errors.InputError: <text>: the text holds only whitespace
    """
    if not isinstance(text, str):
        raise InputError(source, f"the text is not a string (got {type(text).__name__})")
    final, metadata, fmt, warnings = _prepare_text(text, source, "the text")
    chapter_id = make_safe_id(doc_id, fallback="text")
    metadata = {**metadata, "source": source, "format": fmt or FORMAT_TEXT}
    if chapter_id != doc_id:
        metadata["original_id"] = str(doc_id)
    chapter = Chapter(id=chapter_id, text=final, metadata=metadata, source=source)
    if warnings:
        handler = on_problem if on_problem is not None else _log_problem
        handler(_warning_problem(source, warnings, chapter_id))
    return chapter


def _scrubbing(handler: ProblemHandler) -> ProblemHandler:
    """``handler`` for problems whose texts are scrubbed of lone surrogates first."""
    def report(problem: InputProblem) -> None:
        handler(replace(problem, file=scrub_text(problem.file), reason=scrub_text(problem.reason),
                        action=scrub_text(problem.action), doc_id=scrub_text(problem.doc_id)))
    return report


def _scrub_item(item: "_Item") -> "_Item":
    """An item whose source, label, id and metadata hold no lone surrogate (its text is cleaned already)."""
    chapter = item.chapter
    metadata = {scrub_text(key): scrub_text(value) for key, value in chapter.metadata.items()}
    label, source, raw_id = scrub_text(item.label), scrub_text(chapter.source), scrub_text(item.raw_id)
    if (metadata == dict(chapter.metadata) and label == item.label and source == chapter.source
            and raw_id == item.raw_id):
        return item
    warnings = list(item.warnings)
    if any(_SURROGATE_RE.search(f"{key}{value}") for key, value in chapter.metadata.items()
           if key != "source"):
        warnings.append(("the metadata holds lone surrogate characters", "replaced with U+FFFD"))
    chapter = replace(chapter, source=source, metadata=metadata)
    return _Item(chapter, raw_id, label, warnings)


def _load_items(path: str, explicit: bool, max_chars: int | None = None) -> tuple[list[_Item], list[InputProblem]]:
    """Read one file into items and record-level problems; raise for a bad file."""
    suffix = os.path.splitext(path)[1].lower()
    fmt = SUPPORTED_SUFFIXES.get(suffix)
    if fmt is None:
        if not explicit:
            kind = f"unsupported file type {suffix}" if suffix else "unsupported file type (no suffix)"
            raise InputError(path, kind)
        fmt = FORMAT_TEXT
    data = _read_bytes(path, None if max_chars is None or fmt == FORMAT_JSONL else 4 * max_chars)
    text, warnings = _decode(data, path, html=fmt == FORMAT_HTML)
    del data  # keep memory near a few times the file size
    stem = os.path.splitext(os.path.basename(path))[0]
    if fmt == FORMAT_JSONL:
        items, problems = _jsonl_items(text, path, stem, max_chars)
        if warnings:
            # File-level repairs (decoding) are reported once for the file.
            problems.insert(0, _warning_problem(path, warnings, ""))
        return items, problems

    metadata: dict[str, str] = {}
    if fmt == FORMAT_HTML:
        text, title = _visible_html_text(text)
        if not text.strip():
            raise InputError(path, "the HTML page holds no visible text")
        if title:
            metadata["title"] = title
    too_long = _too_long(len(text), max_chars)
    if too_long:
        raise InputError(path, too_long)
    final, parsed, parsed_format, more_warnings = _prepare_text(text, path, "the file")
    metadata.update(parsed)
    metadata["source"] = path
    metadata["format"] = parsed_format or fmt
    chapter_id = make_safe_id(stem)
    chapter = Chapter(id=chapter_id, text=final, metadata=metadata, source=path)
    return [_Item(chapter, stem, path, warnings + more_warnings)], []
