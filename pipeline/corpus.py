"""Read argmine's inputs: plain text, HTML, JSON Lines and saved publisher pages.

Every input becomes a :class:`~pipeline.records.Chapter` whose ``text`` is
exactly the text the NLP stages see (character offsets downstream index into
it), or an :class:`~pipeline.records.InputProblem` that names the file, the
reason and what was done. A bad file never stops a batch.

Choices this module makes
-------------------------
Formats
    ``.txt``, ``.text`` and ``.md`` are plain text; ``.html``/``.htm`` are
    reduced to their visible text with :mod:`html.parser` (the contents of
    ``<script>``, ``<style>``, ``<noscript>``, ``<template>`` and ``<iframe>``
    and every attribute are dropped, block elements become paragraph breaks,
    ``<br>`` a line break; nothing is executed); ``.jsonl``/``.ndjson`` hold
    one record per line. In a directory walk any other suffix is reported as
    ``unsupported file type .xyz``; a file named explicitly is tried as text.
    Entries whose name starts with ``.`` (``.gitkeep``, ``.DS_Store``,
    ``.ipynb_checkpoints``) are not inputs and are passed over in a walk, and
    so are a folder's own documentation files (``README``, ``LICENSE``,
    ``CHANGELOG``... with any suffix); named explicitly, they are read.
Encodings
    A byte-order mark decides first (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) and is
    removed, silently. Without one, UTF-8 is tried, then Windows-1252
    (cp1252), then Latin-1, and a fallback is reported as a warning
    (action ``"decoded as cp1252"``). Latin-1 text decodes identically under
    cp1252 except for the bytes 0x80-0x9F, which real Latin-1 text does not
    hold (they are C1 control codes there) but Windows text uses for curly
    quotes and dashes; so cp1252 is the better guess, and Latin-1 is used
    only when a byte undefined in cp1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D) makes
    cp1252 fail. UTF-16 without a byte-order mark is recognised by its zero
    bytes and decoded with a warning. An HTML page that is not UTF-8 is
    decoded with the charset its ``<meta>`` declares, when Python knows it.
Text clean-up
    Line ends become ``\\n`` (``\\r\\n``, ``\\r``, form feed, vertical tab and
    U+2028 all count as line ends), control characters other than tab and
    newline (C0, DEL, C1, stray byte-order marks, the non-characters U+FFFE
    and U+FFFF, and lone surrogates) are removed and counted (action
    ``"removed N control characters"``), and the text is stripped of leading
    and trailing whitespace. A file with several warnings gets one problem
    whose reasons and actions are joined with ``"; "``.
Binary files
    Recognised by their signature (``binary file (PNG image)``) or, failing
    that, by the share of control bytes in the first 64 KiB: above 30 % for
    a file that is valid UTF-8, above 5 % for one that is not.
Language
    argmine's rules are English. A small heuristic (script counts, then the
    share of function words of English, seven other European languages and
    transliterated Russian) skips text that is clearly in another language
    (``not English (looks like German)``). Short texts and texts it cannot
    place are kept: it errs towards analysing.
Ids
    A file's id is its stem; a record's id is its ``id``. Both are made safe
    by :func:`make_safe_id` (letters, digits, ``_``, ``-`` and ``.`` only,
    no leading or trailing ``.``/``-``/``_``, at most 100 characters); the
    first of two equal ids wins and later ones get ``-2``, ``-3``, ... in
    input order. ``metadata["original_id"]`` keeps the original when the id
    was changed.
Duplicates
    A chapter whose final text equals an earlier one (SHA-256 of the text) is
    skipped as ``duplicate of <first source>``.
Publisher pages
    A Cambridge Core chapter page saved as text (or HTML) is recognised by its
    structural markers ("Published online by Cambridge University Press",
    "Save book to Kindle", "Hostname: page-component...", ...). Only its
    Summary (or Abstract, Introduction, Extract) paragraphs, joined with a
    blank line, become the text; the publication data become metadata.
    ``pages`` is normalised to ``"142–160"`` (first and last page joined by an
    en dash, no spaces) and ``online_date`` to ISO ``"2009-12-07"``. A
    recognised page without a Summary is reported, never analysed as chrome.

Examples
--------
>>> chapter = chapter_from_text("Quotas rose, so foremen feared the planners.", doc_id="note 1")
>>> chapter.id, chapter.metadata["format"]
('note_1', 'txt')
"""
from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from html.parser import HTMLParser
from typing import Callable, Iterable, Iterator, Mapping

from pipeline.errors import InputError
from pipeline.records import Chapter, InputProblem

__all__ = [
    "read_corpus",
    "iter_corpus",
    "load_file",
    "chapter_from_text",
    "parse_publisher_page",
    "make_safe_id",
    "SUPPORTED_SUFFIXES",
    "NO_SUMMARY_REASON",
]

logger = logging.getLogger("argmine.corpus")

# ---------------------------------------------------------------------------
# Constants: formats, thresholds, signatures, compiled regexes, word lists.
# ---------------------------------------------------------------------------

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
FORMAT_CAMBRIDGE_CORE = "cambridge-core"

NO_SUMMARY_REASON = "publisher page (Cambridge Core) has no Summary section"

_MAX_ID_LENGTH = 100
_FALLBACK_ID = "doc"
_RESERVED_METADATA_KEYS = frozenset({"source", "format", "original_id"})

# Binary detection.
_BINARY_SAMPLE_BYTES = 65536
_BINARY_CONTROL_RATIO_UTF8 = 0.30
_BINARY_CONTROL_RATIO_LEGACY = 0.05
_UTF16_ZERO_RATIO = 0.40  # share of zero bytes in the high byte of each pair
_UTF16_OTHER_ZERO_RATIO = 0.05
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x20)) | {0x7F})
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
)
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY_ENCODINGS = ("cp1252", "latin-1")
#: A well-formed multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
_UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HTML_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# Text clean-up. Applied after \r\n / \r have become \n.
_LINE_END_RE = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_CONTROL_CHAR_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
# Characters a one-line message must not hold as they are (they are shown escaped).
_UNPRINTABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# Ids.
_UNSAFE_ID_RE = re.compile(r"[^\w.\-]+")
#: Files a folder walk passes over: a corpus folder's own documentation, not chapters.
_NOT_A_CHAPTER_RE = re.compile(r"^(readme|licen[cs]e|copying|changelog|changes|contributing|notice|authors)(\.[a-z]+)?$", re.IGNORECASE)
_ID_EDGE_CHARS = "._-"

# HTML.
_HTML_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe"})
_HTML_BLOCK_TAGS = frozenset(
    """address article aside blockquote caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p
    pre section summary table tbody td tfoot th thead tr ul""".split()
)
_HTML_SPACE_RE = re.compile(r"\s+")
_HTML_BREAKS_RE = re.compile(r"[ \t]*\n[ \t\n]*")
_MULTI_SPACE_RE = re.compile(r" {2,}")

# Language detection.
_LANGUAGE_SAMPLE_CHARS = 20000  # per window; three windows for long texts
_MIN_WORDS_TO_JUDGE = 5
_MIN_FOREIGN_HITS = 3
_MIN_FOREIGN_SHARE = 0.10
_MAX_ENGLISH_SHARE_FOR_UNKNOWN = 0.10
_MIN_NON_ASCII_LATIN_SHARE = 0.25
_MIN_WORDS_FOR_NO_ENGLISH = 40
_MIN_ENGLISH_SHARE = 0.03
_WORD_RE = re.compile(r"[^\W\d_]+")
_UNRECOGNISED_LANGUAGE = "language not recognised"
_SCRIPT_LANGUAGES: Mapping[str, str] = {
    "CYRILLIC": "Russian",
    "GREEK": "Greek",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "CJK": "Chinese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "DEVANAGARI": "Hindi",
    "THAI": "Thai",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
}
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_ENGLISH_WORDS = frozenset(
    """the of and to in a is that for it as was with be by on not he she they this are or
    his her from at which but have has had an were been their its would will there these
    those who whom what when also than more into other some such can only over after did
    does our we should could may might about between both all any each how then them so no
    if because while through during under against why where most many much up out one two
    it's itself themselves us my me you your being became become very same own""".split()
)
# Frequent function words of other languages; words that are also English
# (in, an, die, war, so, was, also, ...) are removed below so that they count
# for English only.
_FOREIGN_WORDS_RAW: Mapping[str, str] = {
    "German": """der die das den dem des und ist nicht sich mit auf ein eine einen einem einer
        zu von für auch es sie wir ich er wurde wurden werden sind im zum zur bei nach aus über
        wie oder aber dass daß noch nur vor durch diese dieser dieses als bis seine seiner ihre
        ihr haben hatte kann können zwischen sowie unter gegen schon wenn weil mehr sehr wieder
        jedoch hat""",
    "French": """le la les des du de et est un une que qui dans pour pas sur par au aux ce
        cette ces il elle ils elles sont été être avec mais ou leur leurs nous vous se sa son
        ses ne à où comme tout fait très entre était avait""",
    "Spanish": """el la los las de del que y en un una es por con para se su sus al lo como
        más pero fue este esta sobre entre también ha muy sin desde hasta hay ya cuando porque
        era estaba""",
    "Italian": """il lo la i gli le di del della dei delle che e è un una per con non si sono
        da al alla nel nella come più ma anche questo questa ha era essere stato tra fra""",
    "Dutch": """de het een en van dat die niet op te zijn voor met hij ze maar ook als er aan
        om bij nog wordt werd tot naar uit dan heeft deze dit wat worden kan geen door""",
    "Portuguese": """o os as de do da dos das que e em um uma para com não se por mais na ao
        foi ser são como mas também pelo pela entre seu sua""",
    "Polish": """i w z na się nie że jest o jak ale po co od za już tak przez oraz jego być był
        była które który która tylko dla przy""",
    "transliterated Russian": """i v na ne s po za k ot iz chto kak eto no a u o zhe uzhe ili
        dlia dlya pri ikh ego ee ona oni bylo byl byla byli takzhe tolko vse vsekh ikh kotorye
        kotoryi mezhdu posle""",
}
_FOREIGN_WORDS: Mapping[str, frozenset[str]] = {
    language: frozenset(words.split()) - _ENGLISH_WORDS
    for language, words in _FOREIGN_WORDS_RAW.items()
}

# Cambridge Core pages. Lines are stripped, with NBSP turned into spaces,
# before the line regexes below are matched (always with fullmatch).
_CAMBRIDGE_GATE = "Cambridge"
_PUBLISHED_ONLINE_RE = re.compile(
    r"^[ \t\xa0]*Published online by Cambridge University Press\b", re.MULTILINE
)
_CAMBRIDGE_MARKER_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.MULTILINE)
    for pattern in (
        r"^[ \t]*Skip to main content",
        r"^[ \t]*Hostname: page-component",
        r"^[ \t]*Save (?:book|chapter|article|content) to (?:Kindle|Dropbox|Google Drive)[ \t]*$",
        r"coreplatform@cambridge\.org",
        r"\bCambridge Core\b",
        r"^[ \t]*Print publication year:",
        r"^[ \t]*Get access[ \t]*$",
        r"^[ \t]*Access options[ \t]*$",
    )
)
_MIN_MARKERS_WITH_PUBLISHED_LINE = 1
_MIN_MARKERS_WITHOUT_PUBLISHED_LINE = 3
_PUBLISHED_LINE_RE = re.compile(
    r"Published online by Cambridge University Press\s*:?\s*(?P<date>.*)", re.IGNORECASE
)
_SUMMARY_HEADING_RE = re.compile(r"(?P<heading>Summary|Abstract|Introduction|Extract|Synopsis)\s*:?", re.IGNORECASE)
_SECTION_END_RE = re.compile(
    r"""(?:Type(?:\s*:.*)?|Information|Access\ options|Keywords?(?:\s*:.*)?
    |Save\ (?:book|chapter|article|content)\ to\ (?:Kindle|Dropbox|Google\ Drive)
    |References|Notes|Footnotes|Bibliography|Further\ reading|Cited\ by(?:\ \d+)?|Metrics
    |Related\ content|Publisher\s*:.*|Print\ publication\ year\s*:.*
    |Online\ publication\ date\s*:.*|(?:Chapter\ )?DOI\s*:.*|https?://doi\.org/\S+
    |Summary|Abstract|Introduction|Extract|Synopsis)\s*:?""",
    re.IGNORECASE | re.VERBOSE,
)
_CHROME_LINE_RE = re.compile(
    r"""(?:Skip\ to\ main\ content.*|Accessibility\ help|Hostname\s*:.*|Render\ date\s*:.*
    |Total\ loading\ time\s*:.*|Has\ data\ issue\s*:.*|Get\ access.*|Check\ access
    |Access\ through\ your\ institution|Institutional\ login|Log\ ?in|Sign\ in|Register
    |Available\ formats|Loading(?:\.\.\.|…)?|PDF|ePub|HTML|Cite|Share|Export\ citation
    |Recommend\ this\ book|Add\ to\ cart|Buy\ (?:this|the)\ .*|Rent\ .*|Find\ out\ more\ about\ .*
    |Accept(?:\ all)?\ cookies|Reject(?:\ all)?(?:\ cookies)?|Manage\ cookies
    |Cookie\ (?:settings|preferences|policy)|[\W_]*)""",
    re.IGNORECASE | re.VERBOSE,
)
_CHAPTER_TITLE_RE = re.compile(
    r"(?:Chapter\s+)?(?P<number>\d{1,3}[A-Za-z]?|[IVXLC]{1,7})\s+[-–—.:]\s+(?P<title>\S.*)"
)
_INFORMATION_RE = re.compile(r"Information\s*:?", re.IGNORECASE)
_TYPE_RE = re.compile(r"Type\s*:?\s*(?P<value>.*)", re.IGNORECASE)
_PAGES_RE = re.compile(
    r",?\s*pp?\.?\s*(?P<first>[0-9]+|[ivxlcdm]+)(?:\s*[-–—]\s*(?P<last>[0-9]+|[ivxlcdm]+))?\s*$",
    re.IGNORECASE,
)
_PUBLISHER_RE = re.compile(r"Publisher\s*:\s*(?P<value>.+)", re.IGNORECASE)
_PRINT_YEAR_RE = re.compile(r"Print publication year\s*:\s*(?P<value>\d{4})", re.IGNORECASE)
_ONLINE_DATE_RE = re.compile(r"Online publication date\s*:\s*(?P<value>.+)", re.IGNORECASE)
_DOI_RE = re.compile(r"(?:Chapter\s+)?DOI\s*:\s*(?P<value>\S+)", re.IGNORECASE)
_EDITORS_RE = re.compile(r"Edited by\s+(?P<value>.+)", re.IGNORECASE)
_DAY_MONTH_YEAR_RE = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})")
_MONTH_DAY_YEAR_RE = re.compile(r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})")
_MONTHS: Mapping[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_HARD_WRAP_WIDTH = 100  # a block whose lines are all this short is one wrapped paragraph


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

ProblemHandler = Callable[[InputProblem], None]


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
        logged on the ``argmine.corpus`` logger.

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
    pipeline.errors.InputError: <text>: the text holds only whitespace
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


def parse_publisher_page(text: str, source: str) -> tuple[str, dict[str, str]] | None:
    """Extract the summary and publication data of a saved publisher page.

    Recognises a Cambridge Core chapter page by its structure (the
    "Published online by Cambridge University Press" line and the page
    chrome), not by its content. Only the paragraphs of the Summary (or
    Abstract, Introduction, Extract) section are kept, joined with a blank
    line; no line of chrome is ever part of them.

    Parameters
    ----------
    text : str
        The page as text (any line ends).
    source : str
        Names the page in an :class:`InputError`.

    Returns
    -------
    tuple of (str, dict) or None
        ``None`` when the text is not a recognised publisher page; else the
        summary text and the metadata: ``format`` and, when the page gives
        them, ``chapter_number``, ``title``, ``book_title``,
        ``book_subtitle``, ``book_editors``, ``pages`` (``"142–160"``),
        ``publisher``, ``print_year``, ``online_date`` (ISO), ``doi``,
        ``content_type`` and ``summary_heading``.

    Raises
    ------
    InputError
        When the page is recognised but has no Summary section.

    Examples
    --------
    >>> parse_publisher_page("An ordinary paragraph about Cambridge.", "<text>") is None
    True
    """
    if _CAMBRIDGE_GATE not in text:
        return None
    text = _LINE_END_RE.sub("\n", text)
    if not _looks_like_cambridge_core(text):
        return None
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.split("\n")]
    published = next((i for i, line in enumerate(lines) if _PUBLISHED_LINE_RE.fullmatch(line)), None)
    start = published + 1 if published is not None else 0
    heading = next(
        (i for i in range(start, len(lines)) if _SUMMARY_HEADING_RE.fullmatch(lines[i])), None
    )
    if heading is None:
        raise InputError(source, NO_SUMMARY_REASON)
    end = next(
        (j for j in range(heading + 1, len(lines)) if _SECTION_END_RE.fullmatch(lines[j])),
        len(lines),
    )
    body = ["" if _CHROME_LINE_RE.fullmatch(line) else line for line in lines[heading + 1 : end]]
    paragraphs = _paragraphs(body)
    if not paragraphs:
        raise InputError(source, NO_SUMMARY_REASON)

    metadata: dict[str, str] = {"format": FORMAT_CAMBRIDGE_CORE}
    metadata.update(_title_metadata(lines[: published if published is not None else heading]))
    if published is not None:
        online = _published_date(lines, published)
        if online:
            metadata["online_date"] = online
    outside = lines[:heading] + [""] + lines[end:]
    metadata.update(_publication_metadata(outside))
    metadata["summary_heading"] = _SUMMARY_HEADING_RE.fullmatch(lines[heading])["heading"].title()
    return "\n\n".join(paragraphs), metadata


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


# ---------------------------------------------------------------------------
# Strings that cannot be written: lone surrogates
# ---------------------------------------------------------------------------

#: A lone surrogate: from a file name that is not UTF-8 (os.fsdecode maps byte 0xNN to U+DCNN) or a JSON escape.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def scrub_text(text: str) -> str:
    r"""``text`` without lone surrogates, which no UTF-8 file can hold.

    A byte of a file name that is not UTF-8 (``os.fsdecode`` turns byte 0xE9
    into U+DCE9) is shown as the four characters ``\xe9``; any other lone
    surrogate (from a JSON escape such as ``"\ud800"``) becomes U+FFFD.

    >>> scrub_text("caf\udce9.txt"), scrub_text("a\ud800b") == "a\ufffdb", scrub_text("plain")
    ('caf\\xe9.txt', True, 'plain')
    """
    if not isinstance(text, str) or _SURROGATE_RE.search(text) is None:
        return text
    return _SURROGATE_RE.sub(
        lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}" if 0xDC80 <= ord(m.group()) <= 0xDCFF else "\ufffd", text)


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


# ---------------------------------------------------------------------------
# Loading one file
# ---------------------------------------------------------------------------


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


def _read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file, or an InputError that says why not (also when it exceeds ``max_bytes``)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read the file ({err.strerror or err})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise InputError(path, f"the file is too large ({info.st_size:,} bytes, more than the {max_bytes // 4:,} "
                               "characters allowed: raise the limit with --max-chars to analyse it)")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except MemoryError:
        raise InputError(path, f"the file is too large to read into memory ({info.st_size} bytes)") from None
    except OSError as err:
        raise InputError(path, f"cannot read the file ({err.strerror or err})") from None


def _decode(data: bytes, path: str, html: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """Decode file bytes; return the text and any (reason, action) warnings."""
    if not data:
        raise InputError(path, "the file is empty")
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(path, f"binary file ({kind})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(path, f"invalid {encoding.upper()} text ({err.reason} at byte {err.start + len(bom)})") from None
            return _check_blank(text, path), []

    sample = data[:_BINARY_SAMPLE_BYTES]
    utf16 = _bomless_utf16(sample)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(path, "binary file (many NUL bytes)") from None
        return _check_blank(text, path), [("UTF-16 text without a byte-order mark", f"decoded as {utf16}")]

    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad_byte, bad_at = data[err.start], err.start
    else:
        if controls > _BINARY_CONTROL_RATIO_UTF8 * len(sample):
            raise InputError(path, _binary_reason(sample, controls))
        return _check_blank(text, path), []

    repaired = _mostly_utf8(data)
    if repaired is not None:
        if controls > _BINARY_CONTROL_RATIO_UTF8 * len(sample):
            raise InputError(path, _binary_reason(sample, controls))
        text, invalid = repaired
        noun = "byte" if invalid == 1 else "bytes"
        return _check_blank(text, path), [
            (f"not valid UTF-8 ({invalid} invalid {noun}, the first 0x{bad_byte:02X} at offset {bad_at})",
             f"decoded as UTF-8, {invalid} invalid {noun} replaced with U+FFFD")]
    if controls > _BINARY_CONTROL_RATIO_LEGACY * len(sample):
        raise InputError(path, _binary_reason(sample, controls))
    reason = f"not valid UTF-8 (byte 0x{bad_byte:02X} at offset {bad_at})"
    encodings = list(_LEGACY_ENCODINGS)
    declared = _declared_charset(data) if html else None
    if declared is not None:
        encodings.insert(0, declared)
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # try the next, more permissive encoding
        action = f"decoded as {encoding}"
        if encoding == declared:
            action += " (declared by the page)"
        return _check_blank(text, path), [(reason, action)]
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with its invalid bytes replaced, and their number, when the bytes are UTF-8 but for a few.

    "A few": the file holds at least as many well-formed multi-byte UTF-8
    sequences as invalid bytes. Decoding such a file as cp1252 would turn
    every one of its accented letters and curly quotes into mojibake, for the
    sake of a stray byte; a legacy-encoded file rarely holds even one
    well-formed multi-byte sequence. Returns None otherwise.
    """
    multibyte = sum(1 for _ in _UTF8_MULTIBYTE_RE.finditer(data))
    if not multibyte:
        return None
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if invalid > multibyte:
        return None
    return text, invalid


def _check_blank(text: str, path: str) -> str:
    if not text:
        raise InputError(path, "the file is empty")
    if text.isspace():
        raise InputError(path, "the file holds only whitespace")
    return text


def _binary_reason(sample: bytes, controls: int) -> str:
    if sample.count(0) * 2 >= controls:
        return "binary file (many NUL bytes)"
    return "binary file (many control bytes)"


def _bomless_utf16(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the sample looks like BOM-less UTF-16."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_zeros = sample[0 : pairs * 2 : 2].count(0)
    odd_zeros = sample[1 : pairs * 2 : 2].count(0)
    if odd_zeros >= _UTF16_ZERO_RATIO * pairs and even_zeros <= _UTF16_OTHER_ZERO_RATIO * pairs:
        return "utf-16-le"
    if even_zeros >= _UTF16_ZERO_RATIO * pairs and odd_zeros <= _UTF16_OTHER_ZERO_RATIO * pairs:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if Python knows it."""
    match = _HTML_CHARSET_RE.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        logger.debug("unknown charset %r declared by an HTML page", name)
        return None
    return None if encoding in ("utf-8", "cp1252", "latin-1", "iso8859-1") else encoding


# ---------------------------------------------------------------------------
# Text clean-up and checks shared by every format
# ---------------------------------------------------------------------------


def _prepare_text(
    raw: str, source: str, what: str
) -> tuple[str, dict[str, str], str | None, list[tuple[str, str]]]:
    """Clean text, detect a publisher page, and check it is usable English.

    Returns the final text, publisher metadata, the publisher format (or
    ``None``) and warnings; raises InputError naming ``source``.
    """
    if not raw:
        raise InputError(source, f"{what} is empty")
    text = raw[1:] if raw.startswith("\ufeff") else raw
    if _LINE_END_RE.search(text):
        text = _LINE_END_RE.sub("\n", text)
    text, removed = _remove_control_characters(text)
    warnings: list[tuple[str, str]] = []
    if removed:
        total = sum(removed.values())
        listed = ", ".join(f"U+{ord(char):04X} ×{count}" for char, count in sorted(removed.items()))
        noun = "character" if total == 1 else "characters"
        warnings.append(
            (f"{what} holds {total} control {noun} ({listed})", f"removed {total} control {noun}")
        )
    metadata: dict[str, str] = {}
    fmt = None
    parsed = parse_publisher_page(text, source)
    if parsed is not None:
        text, metadata = parsed
        fmt = metadata.pop("format")
    text = text.strip()
    if not text:
        if removed:
            raise InputError(source, f"{what} holds only control characters and whitespace")
        raise InputError(source, f"{what} holds only whitespace")
    language = _foreign_language(text)
    if language is not None:
        detail = language if language == _UNRECOGNISED_LANGUAGE else f"looks like {language}"
        raise InputError(source, f"not English ({detail})")
    return text, metadata, fmt, warnings


def _remove_control_characters(text: str) -> tuple[str, Counter[str]]:
    if _CONTROL_CHAR_RE.search(text) is None:
        return text, Counter()
    removed = Counter(_CONTROL_CHAR_RE.findall(text))
    return _CONTROL_CHAR_RE.sub("", text), removed


def _foreign_language(text: str) -> str | None:
    """The language the text looks like when that is clearly not English.

    Returns ``None`` for English and for text too short or too odd to judge.
    """
    if len(text) <= 3 * _LANGUAGE_SAMPLE_CHARS:
        sample = text
    else:
        middle = len(text) // 2
        window = _LANGUAGE_SAMPLE_CHARS
        sample = " ".join(
            (text[:window], text[middle : middle + window], text[-window:])
        )
    latin = non_ascii_latin = 0
    scripts: Counter[str] = Counter()
    for char in sample:
        if not char.isalpha():
            continue
        if char.isascii():
            latin += 1
            continue
        script = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
        if script == "LATIN":
            latin += 1
            non_ascii_latin += 1
        else:
            scripts[script] += 1
    foreign_letters = sum(scripts.values())
    if foreign_letters * 2 > latin + foreign_letters:
        return _script_language(scripts.most_common(1)[0][0], scripts, sample)

    words = Counter(word.lower() for word in _WORD_RE.findall(sample))
    total = sum(words.values())
    if total < _MIN_WORDS_TO_JUDGE:
        return None
    english = sum(count for word, count in words.items() if word in _ENGLISH_WORDS)
    scores = {
        language: sum(count for word, count in words.items() if word in vocabulary)
        for language, vocabulary in _FOREIGN_WORDS.items()
    }
    language, best = max(scores.items(), key=lambda pair: pair[1])
    if best >= _MIN_FOREIGN_HITS and best >= _MIN_FOREIGN_SHARE * total and best > 2 * english:
        return language
    if english < _MAX_ENGLISH_SHARE_FOR_UNKNOWN * total and non_ascii_latin > _MIN_NON_ASCII_LATIN_SHARE * latin:
        return _UNRECOGNISED_LANGUAGE
    if total >= _MIN_WORDS_FOR_NO_ENGLISH and english < _MIN_ENGLISH_SHARE * total:
        return _UNRECOGNISED_LANGUAGE
    return None


def _script_language(script: str, scripts: Counter[str], sample: str) -> str:
    if script == "CYRILLIC" and sum(char in _UKRAINIAN_LETTERS for char in sample) * 100 > scripts[script]:
        return "Ukrainian"
    if script == "CJK" and (scripts["HIRAGANA"] or scripts["KATAKANA"]):
        return "Japanese"
    return _SCRIPT_LANGUAGES.get(script, f"{script.title()} script")


def _warning_problem(label: str, warnings: list[tuple[str, str]], doc_id: str) -> InputProblem:
    return InputProblem(
        file=label,
        reason="; ".join(reason for reason, _ in warnings),
        action="; ".join(action for _, action in warnings),
        doc_id=doc_id,
    )


def _log_problem(problem: InputProblem) -> None:
    logger.warning("%s: %s (%s)", problem.file, problem.reason, problem.action)


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


class _VisibleTextParser(HTMLParser):
    """Collects the text a browser shows; ignores attributes, runs nothing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._pre_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:  # attrs are dropped on purpose
        if tag in _HTML_SKIP_TAGS:
            self._skip_depth += 1
        elif self._skip_depth:
            return
        elif tag == "title":
            self._in_title = True
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _HTML_BLOCK_TAGS:
            self.parts.append("\n\n")
            if tag == "pre":
                self._pre_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif self._skip_depth:
            return
        elif tag == "title":
            self._in_title = False
        elif tag in _HTML_BLOCK_TAGS:
            self.parts.append("\n\n")
            if tag == "pre":
                self._pre_depth = max(0, self._pre_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_title:
            self.title_parts.append(data)
        elif self._pre_depth:
            self.parts.append(data)
        else:
            self.parts.append(_HTML_SPACE_RE.sub(" ", data))


def _visible_html_text(markup: str) -> tuple[str, str]:
    """The visible text of an HTML page and its <title>."""
    parser = _VisibleTextParser()
    parser.feed(_LINE_END_RE.sub("\n", markup))
    parser.close()
    text = "".join(parser.parts)
    text = _HTML_BREAKS_RE.sub(lambda m: "\n\n" if m.group().count("\n") > 1 else "\n", text)
    text = _MULTI_SPACE_RE.sub(" ", text).strip()
    title = " ".join("".join(parser.title_parts).split())
    return text, title


# ---------------------------------------------------------------------------
# JSON Lines
# ---------------------------------------------------------------------------

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


def _printable(text: str) -> str:
    """``text`` with line breaks and control characters escaped, for a one-line reason.

    >>> _printable("a\\nb\\x1b")
    'a\\\\nb\\\\x1b'
    """
    return _UNPRINTABLE_RE.sub(lambda match: repr(match.group())[1:-1], text)


def _metadata_string(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------------------
# Batch: directory walk, ids, duplicates
# ---------------------------------------------------------------------------


@dataclass
class _WalkState:
    """Directories already read in this batch, by (device, inode)."""

    visited: dict[tuple[int, int], str] = field(default_factory=dict)


def _expand(path: str, walk: _WalkState, on_problem: ProblemHandler) -> Iterator[tuple[str, bool]]:
    """Yield (file path, named explicitly?) for a given path."""
    if not os.path.lexists(path):
        on_problem(InputProblem(path, "no such file or directory"))
        return
    if not os.path.exists(path):
        on_problem(InputProblem(path, "broken symbolic link"))
        return
    if os.path.isdir(path):
        yield from ((file, False) for file in _walk(path, (), walk, on_problem))
    else:
        yield path, True


def _walk(
    directory: str,
    ancestors: tuple[tuple[int, int], ...],
    walk: _WalkState,
    on_problem: ProblemHandler,
) -> Iterator[str]:
    """Files under a directory, depth first in name order, never in circles.

    The walk keeps its own stack (no recursion), so a folder nested thousands
    of levels deep is walked like any other. argmine's own output folders
    (see :func:`pipeline.export.is_output_folder`) below ``directory`` are
    passed over: they hold argmine's outputs, not chapters; when
    ``directory`` itself is one (``--out`` equal to the input folder), the
    files argmine writes there are passed over.
    """
    from .export import OUTPUT_NAMES, is_output_folder

    stack: list[tuple[str, tuple[tuple[int, int], ...], Iterator[str]]] = []
    entered = _enter_directory(directory, ancestors, walk, on_problem)
    if entered is None:
        return
    names = entered[1]
    if is_output_folder(directory):
        names = [name for name in names if name not in OUTPUT_NAMES]
    stack.append((directory, ancestors + (entered[0],), iter(names)))
    while stack:
        folder, chain, names = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        if name.startswith(".") or _NOT_A_CHAPTER_RE.match(name):
            continue
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            if is_output_folder(path):
                logger.debug("%s is an argmine output folder: not read", path)
                continue
            entered = _enter_directory(path, chain, walk, on_problem)
            if entered is not None:
                stack.append((path, chain + (entered[0],), iter(entered[1])))
        elif os.path.isfile(path):
            yield path
        elif os.path.islink(path) and not os.path.exists(path):
            on_problem(InputProblem(path, "broken symbolic link"))
        else:
            on_problem(InputProblem(path, "not a regular file"))


def _enter_directory(
    directory: str, ancestors: tuple[tuple[int, int], ...], walk: _WalkState, on_problem: ProblemHandler
) -> tuple[tuple[int, int], list[str]] | None:
    """The (device, inode) and sorted entry names of a directory not yet read, or None (reported)."""
    try:
        info = os.stat(directory)
    except OSError as err:
        on_problem(InputProblem(directory, f"cannot read the directory ({err.strerror or err})"))
        return None
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        target = walk.visited.get(key, os.path.realpath(directory))
        on_problem(InputProblem(directory, f"symlink loop (points back to {target})", "not followed"))
        return None
    if key in walk.visited:
        on_problem(
            InputProblem(directory, f"directory already read as {walk.visited[key]}", "not followed")
        )
        return None
    walk.visited[key] = directory
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries)
    except PermissionError:
        on_problem(InputProblem(directory, "permission denied"))
        return None
    except OSError as err:
        on_problem(InputProblem(directory, f"cannot read the directory ({err.strerror or err})"))
        return None
    return key, names


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


# ---------------------------------------------------------------------------
# Cambridge Core helpers
# ---------------------------------------------------------------------------


def _looks_like_cambridge_core(text: str) -> bool:
    markers = sum(1 for pattern in _CAMBRIDGE_MARKER_RES if pattern.search(text))
    if _PUBLISHED_ONLINE_RE.search(text):
        return markers >= _MIN_MARKERS_WITH_PUBLISHED_LINE
    return markers >= _MIN_MARKERS_WITHOUT_PUBLISHED_LINE


def _paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs of a section: blocks split by blank lines.

    A block of short lines is one hard-wrapped paragraph; a block with long
    lines holds one paragraph per line.
    """
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    paragraphs: list[str] = []
    for block in blocks:
        if all(len(line) <= _HARD_WRAP_WIDTH for line in block[:-1]):
            paragraphs.append(" ".join(block))
        else:
            paragraphs.extend(block)
    return paragraphs


def _title_metadata(header: list[str]) -> dict[str, str]:
    """Chapter number and title from the lines above the publication line."""
    candidates = [line for line in header if line and not _CHROME_LINE_RE.fullmatch(line)]
    numbered = [m for m in map(_CHAPTER_TITLE_RE.fullmatch, candidates) if m is not None]
    if numbered:
        match = numbered[-1]
        return {"chapter_number": match["number"], "title": match["title"]}
    if candidates:
        return {"title": candidates[0]}
    return {}


def _published_date(lines: list[str], index: int) -> str | None:
    rest = _PUBLISHED_LINE_RE.fullmatch(lines[index])["date"]
    if not rest:
        rest = next((line for line in lines[index + 1 :] if line), "")
    return _iso_date(rest)


def _iso_date(text: str) -> str | None:
    """'07 December 2009' or 'December 7, 2009' -> '2009-12-07'."""
    for pattern in (_DAY_MONTH_YEAR_RE, _MONTH_DAY_YEAR_RE):
        match = pattern.search(text)
        if match is None:
            continue
        month = _MONTHS.get(match["month"].lower())
        if month is None:
            continue
        try:
            return date(int(match["year"]), month, int(match["day"])).isoformat()
        except ValueError:
            continue  # e.g. 31 February: try the other pattern
    return None


def _publication_metadata(lines: list[str]) -> dict[str, str]:
    """Type, book, pages, publisher and dates from outside the summary."""
    metadata: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line:
            continue
        type_match = _TYPE_RE.fullmatch(line)
        if type_match and "content_type" not in metadata:
            value = type_match["value"] or next((nxt for nxt in lines[index + 1 :] if nxt), "")
            if value and not _SECTION_END_RE.fullmatch(value):
                metadata["content_type"] = value
        elif _INFORMATION_RE.fullmatch(line) and "book_title" not in metadata:
            metadata.update(_information_block(lines[index + 1 :]))
        elif (match := _PUBLISHER_RE.fullmatch(line)) and "publisher" not in metadata:
            metadata["publisher"] = match["value"]
        elif (match := _PRINT_YEAR_RE.fullmatch(line)) and "print_year" not in metadata:
            metadata["print_year"] = match["value"]
        elif (match := _ONLINE_DATE_RE.fullmatch(line)) and "online_date" not in metadata:
            iso = _iso_date(match["value"])
            if iso:
                metadata["online_date"] = iso
        elif (match := _DOI_RE.fullmatch(line)) and "doi" not in metadata:
            metadata["doi"] = match["value"]
    return metadata


def _information_block(lines: list[str]) -> dict[str, str]:
    """Book title, subtitle, editors and pages from an 'Information' block."""
    metadata: dict[str, str] = {}
    titles: list[str] = []
    past_titles = False  # book titles come before the pages and publisher lines
    for line in lines:
        if not line:
            continue  # blank lines separate the items when the page was saved from HTML
        if _PUBLISHER_RE.fullmatch(line) or _PRINT_YEAR_RE.fullmatch(line) or _DOI_RE.fullmatch(line):
            past_titles = True
            continue  # read by _publication_metadata
        if _SECTION_END_RE.fullmatch(line) or _CHROME_LINE_RE.fullmatch(line):
            break
        pages = _PAGES_RE.search(line)
        if pages:
            first, last = pages["first"], pages["last"]
            metadata["pages"] = f"{first}–{last}" if last else first
            line = line[: pages.start()].strip()
            if not line or past_titles:
                past_titles = True
                continue
            past_titles = True
        elif past_titles:
            break
        editors = _EDITORS_RE.fullmatch(line)
        if editors:
            metadata["book_editors"] = editors["value"]
        else:
            titles.append(line)
    if titles:
        metadata["book_title"] = titles[0]
    if len(titles) > 1:
        metadata["book_subtitle"] = ": ".join(titles[1:])
    return metadata
