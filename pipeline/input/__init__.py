"""The input stage: plain text, HTML, JSON Lines and saved publisher pages become documents.

Every input becomes a :class:`~argmine.records.Chapter` whose ``text`` is
exactly the text the NLP stages see (character offsets downstream index into
it), or an :class:`~argmine.records.InputProblem` that names the file, the
reason and what was done. A bad file never stops a batch.

Choices this stage makes
------------------------
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

Modules, in the order an input passes through them
--------------------------------------------------
:mod:`.items` (the suffix table, the problem handler and the raw item every format yields), :mod:`.walk` (folders), :mod:`.decode` (bytes to text), :mod:`.html_text` and :mod:`.jsonl`
(formats), :mod:`.cambridge_core` (one publisher's pages), :mod:`.cleanup`, :mod:`.language` and
:mod:`.prepare` (checks on every text), :mod:`.ids` (ids and duplicates), :mod:`.reader` (the
public entry points). The function words of the language guess and the month names of
publisher dates are data, in ``models/languages.json``.
"""
from __future__ import annotations

from .cambridge_core import NO_SUMMARY_REASON, parse_publisher_page
from .cleanup import scrub_text
from .ids import make_safe_id
from .items import SUPPORTED_SUFFIXES
from .reader import chapter_from_text, iter_corpus, load_file, read_corpus

__all__ = [
    "read_corpus",
    "iter_corpus",
    "load_file",
    "chapter_from_text",
    "parse_publisher_page",
    "make_safe_id",
    "scrub_text",
    "SUPPORTED_SUFFIXES",
    "NO_SUMMARY_REASON",
]
