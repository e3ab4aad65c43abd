"""Cambridge Core chapter pages saved as text or HTML: recognise one, keep its Summary, read its publication data.

The regular expressions below are this one publisher's page format: the fixed
interface strings of its pages ("Save book to Kindle", "Print publication
year:"), not English vocabulary, so they live with the reader of that format
(another publisher's pages get a module of their own beside this one). The
month names of its dates are data (``month_names`` in ``models/languages.json``).
"""
from __future__ import annotations

import functools
import re
from datetime import date
from typing import Mapping

from ..errors import InputError
from .cleanup import _LINE_END_RE
from .language import language_data

__all__ = ["FORMAT_CAMBRIDGE_CORE", "NO_SUMMARY_REASON", "parse_publisher_page"]

FORMAT_CAMBRIDGE_CORE = "cambridge-core"
NO_SUMMARY_REASON = "publisher page (Cambridge Core) has no Summary section"
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
_HARD_WRAP_WIDTH = 100  # a block whose lines are all this short is one wrapped paragraph


@functools.cache
def _month_numbers() -> Mapping[str, int]:
    """English month names and abbreviations ("sept") -> 1-12, from ``month_names`` in ``languages.json``."""
    return language_data()["month_names"]


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
        month = _month_numbers().get(match["month"].lower())
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
