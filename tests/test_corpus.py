"""Tests of argmine.input: formats, publisher pages and every kind of bad input.

All texts below are invented for these tests, except the seed page, which is
read from ``corpus/``. Bad files are generated in ``tmp_path``.
"""
from __future__ import annotations

import inspect
import json
import os
import random
import re
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmine.input import decode
from argmine.input import (
    NO_SUMMARY_REASON,
    chapter_from_text,
    iter_corpus,
    load_file,
    make_safe_id,
    parse_publisher_page,
    read_corpus,
)
from argmine.errors import InputError
from argmine.records import Chapter, InputProblem

SEED_PAGE = Path(__file__).resolve().parents[1] / "corpus" / "stakhanovite-movement.cambridge-core.txt"

ENGLISH = (
    "Grain requisitions in the spring of 1930 angered the villages, and the anger spread "
    "to the towns when bread queues lengthened. Local officials blamed the shortages on "
    "hoarders, which in turn hardened the policy of the centre."
)
ENGLISH_2 = "Rationing ended in 1935, but the shops were still empty for most of the year."
ENGLISH_3 = "The new norms were announced in the autumn and were resented by older workers."

CHROME_WORDS = (
    "Skip to main content",
    "Accessibility help",
    "Hostname",
    "Get access",
    "Save book",
    "Kindle",
    "Dropbox",
    "Google Drive",
    "e-mail",
    "Available formats",
    "Access options",
    "Published online",
    "Loading",
    "cookies",
    "×",
)

PARAGRAPH_1 = (
    "Output norms in the engineering works of the Volga region rose three times between "
    "1929 and 1932. Foremen who could not meet them were blamed by both the workers below "
    "and the planners above."
)
PARAGRAPH_2 = (
    "This chapter argues that the quarrels over norms weakened the authority of the "
    "foremen. That loss of authority in turn made the factories harder to run when the "
    "next campaign began."
)
PAGE_METADATA = {
    "chapter_number": "3",
    "title": "Foremen and Quotas: Shop-Floor Conflict, 1929–1932",
    "online_date": "2011-03-14",
    "content_type": "Chapter",
    "pages": "55–78",
    "book_title": "Factory Life Under Pressure",
    "book_subtitle": "Essays in Industrial History",
    "publisher": "Cambridge University Press",
    "print_year": "2001",
    "summary_heading": "Summary",
    "format": "cambridge-core",
}


def cambridge_page(
    *,
    title_line: str = "3 - Foremen and Quotas: Shop-Floor Conflict, 1929–1932",
    heading: str | None = "Summary",
    paragraphs: tuple[str, ...] = (PARAGRAPH_1, PARAGRAPH_2),
    extra_chrome: bool = False,
    newline: str = "\n",
) -> str:
    """An invented page laid out like a Cambridge Core chapter page saved as text."""
    lines = [
        "Skip to main content Accessibility help",
        "×",
        "Hostname: page-component-0000000000-abcde Total loading time: 0 Render date: "
        "2025-01-02T03:04:05.000Z Has data issue: false hasContentIssue false",
        "",
        title_line,
        "",
        "Published online by Cambridge University Press:\xa0 14 March 2011",
        "",
        "Get access",
        "",
    ]
    if heading is not None:
        lines += [heading, ""]
        if extra_chrome:
            lines += ["Get access", "", "×", "", "Accept all cookies", ""]
        for number, paragraph in enumerate(paragraphs):
            if extra_chrome and number:
                lines += ["Loading…", "", "Log in", "", "PDF", ""]
            lines += [paragraph, ""]
    lines += [
        "Type",
        "Chapter",
        "Information",
        "Factory Life Under Pressure",
        "Essays in Industrial History",
        ", pp. 55 - 78",
        "Publisher: Cambridge University Press",
        "Print publication year: 2001",
        "",
        "Access options",
        "",
        "Get access to this content with one of the options below.",
        "",
        "Save book to Kindle",
        "",
        "To send this book to a Kindle, first add our e-mail address to your approved list.",
        "",
        "Available formats",
        "×",
        "",
        "Save book to Dropbox",
        "",
        "Connect your Dropbox account before saving content to it.",
        "",
        "Available formats",
        "×",
        "",
        "Save book to Google Drive",
        "",
        "Connect your Google Drive account before saving content to it.",
        "",
        "Available formats",
        "×",
    ]
    return newline.join(lines)


def write(path: Path, data: bytes | str) -> str:
    """Write a file and return its path as a string (as a user would give it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def load_one(path: Path, data: bytes | str) -> tuple[str, list[Chapter], list[InputProblem]]:
    name = write(path, data)
    chapters, problems = read_corpus([name])
    return name, chapters, problems


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("suffix", [".txt", ".text", ".md"])
def test_corpus_plain_text_loads(tmp_path, suffix):
    name, chapters, problems = load_one(tmp_path / f"grain{suffix}", ENGLISH + "\n")
    assert problems == []
    assert chapters == [
        Chapter(id="grain", text=ENGLISH, metadata={"source": name, "format": "txt"}, source=name)
    ]


def test_corpus_windows_line_endings_become_newlines(tmp_path):
    _, chapters, problems = load_one(tmp_path / "crlf.txt", "First line here.\r\nSecond line there.\rThird.")
    assert problems == []
    assert [c.text for c in chapters] == ["First line here.\nSecond line there.\nThird."]


def test_corpus_html_keeps_visible_text_only(tmp_path):
    markup = textwrap.dedent(
        """\
        <!DOCTYPE html>
        <html><head><title>Quotas &amp; Foremen</title>
        <style>p { color: red }</style>
        <script>document.write("injected words")</script>
        </head>
        <body onload="alert('loaded')">
        <noscript>Enable scripts to read this.</noscript>
        <template><p>Hidden template words.</p></template>
        <h1 class="headline">Quotas   and
         foremen</h1>
        <p onclick="steal()">Quota campaigns <em>divided</em> the shop floor.<br>Foremen sided with planners.</p>
        <div>Workers&nbsp;complained &lt;loudly&gt;.</div>
        <script type="module">import x from "y"</script>
        <ul><li>First point about grain.</li><li>Second point about bread.</li></ul>
        </body></html>
        """
    )
    name, chapters, problems = load_one(tmp_path / "page.html", markup)
    assert problems == []
    assert chapters == [
        Chapter(
            id="page",
            text=(
                "Quotas and foremen\n\nQuota campaigns divided the shop floor.\n"
                "Foremen sided with planners.\n\nWorkers complained <loudly>.\n\n"
                "First point about grain.\n\nSecond point about bread."
            ),
            metadata={"title": "Quotas & Foremen", "source": name, "format": "html"},
            source=name,
        )
    ]


def test_corpus_html_without_visible_text_is_skipped(tmp_path):
    name, chapters, problems = load_one(
        tmp_path / "blank.htm", "<html><script>var words = 'not shown';</script><p>  </p></html>"
    )
    assert chapters == []
    assert problems == [InputProblem(name, "the HTML page holds no visible text")]


def test_corpus_jsonl_records_load_with_metadata(tmp_path):
    lines = [
        '{"id": "ch-1", "text": "%s", "author": "A. Writer", "year": 1999, '
        '"tags": ["terror", "factories"], "draft": true, "note": null, "source": "archive"}' % ENGLISH,
        "",
        '{"id": 7, "text": "%s"}' % ENGLISH_2,
    ]
    name, chapters, problems = load_one(tmp_path / "records.jsonl", "\n".join(lines) + "\n")
    assert problems == []
    assert chapters == [
        Chapter(
            id="ch-1",
            text=ENGLISH,
            metadata={
                "author": "A. Writer",
                "year": "1999",
                "tags": '["terror", "factories"]',
                "draft": "true",
                "note": "",
                "record_source": "archive",
                "source": f"{name}:1",
                "format": "jsonl",
            },
            source=f"{name}:1",
        ),
        Chapter(id="7", text=ENGLISH_2, metadata={"source": f"{name}:3", "format": "jsonl"}, source=f"{name}:3"),
    ]


# --------------------------------------------------------------------------- publisher pages


def test_corpus_seed_page_metadata():
    chapters, problems = read_corpus([SEED_PAGE])
    assert problems == []
    assert len(chapters) == 1
    assert chapters[0].id == "stakhanovite-movement.cambridge-core"
    assert dict(chapters[0].metadata) == {
        "chapter_number": "6",
        "title": "The Stakhanovite Movement: The Background to the Great Terror in the Factories, 1935–1938",
        "online_date": "2009-12-07",
        "content_type": "Chapter",
        "pages": "142–160",
        "book_title": "Stalinist Terror",
        "book_subtitle": "New Perspectives",
        "publisher": "Cambridge University Press",
        "print_year": "1993",
        "summary_heading": "Summary",
        "source": str(SEED_PAGE),
        "format": "cambridge-core",
    }


def test_corpus_seed_page_text_is_the_summary_only():
    raw_lines = SEED_PAGE.read_text(encoding="utf-8").split("\n")
    summary = raw_lines[raw_lines.index("Summary") + 1 : raw_lines.index("Type")]
    expected = "\n\n".join(line.strip() for line in summary if line.strip())
    chapters, _ = read_corpus([SEED_PAGE])
    assert chapters[0].text == expected
    assert chapters[0].text.count("\n\n") == 1
    assert [word for word in CHROME_WORDS if word in chapters[0].text] == []


@pytest.mark.parametrize(
    ("page", "text", "changed"),
    [
        pytest.param(cambridge_page(), f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}", {}, id="plain"),
        pytest.param(
            cambridge_page(heading="Abstract"),
            f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}",
            {"summary_heading": "Abstract"},
            id="abstract",
        ),
        pytest.param(
            cambridge_page(title_line="11 - Night Shifts and Broken Lathes"),
            f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}",
            {"chapter_number": "11", "title": "Night Shifts and Broken Lathes"},
            id="other-number-and-title",
        ),
        pytest.param(
            cambridge_page(title_line="Introduction", paragraphs=(PARAGRAPH_2,)),
            PARAGRAPH_2,
            {"chapter_number": None, "title": "Introduction"},
            id="unnumbered-one-paragraph",
        ),
        pytest.param(
            cambridge_page(extra_chrome=True),
            f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}",
            {},
            id="extra-chrome",
        ),
        pytest.param(
            cambridge_page(newline="\r\n"), f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}", {}, id="windows-line-ends"
        ),
        pytest.param(
            cambridge_page(paragraphs=("\n".join(textwrap.wrap(PARAGRAPH_1, 60)), PARAGRAPH_2)),
            f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}",
            {},
            id="hard-wrapped",
        ),
    ],
)
def test_corpus_publisher_page_variations(tmp_path, page, text, changed):
    name, chapters, problems = load_one(tmp_path / "page.txt", page)
    expected_metadata = {**PAGE_METADATA, **changed, "source": name}
    expected_metadata = {key: value for key, value in expected_metadata.items() if value is not None}
    assert problems == []
    assert len(chapters) == 1
    assert chapters[0].text == text
    assert dict(chapters[0].metadata) == expected_metadata
    assert [word for word in CHROME_WORDS if word in chapters[0].text] == []


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(cambridge_page(heading=None), id="no-heading"),
        pytest.param(cambridge_page(paragraphs=()), id="empty-section"),
        pytest.param(cambridge_page(heading=None, newline="\r\n"), id="no-heading-windows"),
    ],
)
def test_corpus_publisher_page_without_summary_is_reported(tmp_path, page):
    name, chapters, problems = load_one(tmp_path / "page.txt", page)
    assert chapters == []
    assert problems == [InputProblem(name, NO_SUMMARY_REASON)]


def test_corpus_publisher_page_in_html_is_recognised(tmp_path):
    body = "".join(f"<p>{line}</p>\n" for line in cambridge_page().split("\n") if line)
    name, chapters, problems = load_one(tmp_path / "page.html", f"<html><body>{body}</body></html>")
    assert problems == []
    assert [(c.text, dict(c.metadata)) for c in chapters] == [
        (f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}", {**PAGE_METADATA, "source": name})
    ]


def test_corpus_publisher_page_in_jsonl_record_is_recognised(tmp_path):
    record = json.dumps({"id": "page", "text": cambridge_page()})
    name, chapters, problems = load_one(tmp_path / "pages.jsonl", record + "\n")
    assert problems == []
    assert [(c.id, c.text, c.metadata["format"]) for c in chapters] == [
        ("page", f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}", "cambridge-core")
    ]


def test_corpus_parse_publisher_page_returns_none_for_ordinary_text():
    text = (
        "The essay was published online by Cambridge University Press in 2011.\n"
        "Summary\nIts argument is that quotas divided the shop floor."
    )
    assert parse_publisher_page(text, "<text>") is None


def test_corpus_parse_publisher_page_direct_call_with_windows_line_ends():
    summary, metadata = parse_publisher_page(cambridge_page(newline="\r\n"), "<text>")
    assert summary == f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}"
    assert metadata == PAGE_METADATA


def test_corpus_chapter_from_text_detects_publisher_page():
    chapter = chapter_from_text(cambridge_page(), doc_id="pasted")
    assert chapter == Chapter(
        id="pasted",
        text=f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}",
        metadata={**PAGE_METADATA, "source": "<text>"},
        source="<text>",
    )


def test_corpus_chapter_from_text_without_summary_raises():
    with pytest.raises(InputError) as raised:
        chapter_from_text(cambridge_page(heading=None))
    assert (raised.value.file, raised.value.reason) == ("<text>", NO_SUMMARY_REASON)


# --------------------------------------------------------------------------- empty and binary


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"   \n\t \r\n  ", "the file holds only whitespace"),
        (b"\xef\xbb\xbf", "the file is empty"),
    ],
    ids=["empty", "whitespace", "bom-only"],
)
def test_corpus_empty_file_is_skipped(tmp_path, data, reason):
    name, chapters, problems = load_one(tmp_path / "blank.txt", data)
    assert chapters == []
    assert problems == [InputProblem(name, reason)]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (PNG image)"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"chapter.txt" + bytes(64), "binary file (ZIP archive)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF document)"),
        (b"\x00" * 4096, "binary file (many NUL bytes)"),
        (b"Quota" + b"\x00\x01\x02\x03" * 400, "binary file (many NUL bytes)"),
        (random.Random(7).randbytes(4096), "binary file (many control bytes)"),
    ],
    ids=["png", "zip", "pdf", "nul-bytes", "nul-padded", "random"],
)
def test_corpus_binary_file_is_skipped(tmp_path, data, reason):
    name, chapters, problems = load_one(tmp_path / "scan.txt", data)
    assert chapters == []
    assert problems == [InputProblem(name, reason)]


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "text", "reason", "action"),
    [
        (
            "The Stakhanovites’ norms rose in 1935–1936, “quickly” and unevenly.".encode("cp1252"),
            "The Stakhanovites’ norms rose in 1935–1936, “quickly” and unevenly.",
            "not valid UTF-8 (byte 0x92 at offset 17)",
            "decoded as cp1252",
        ),
        (
            "The café owners of Zürich read about the trials in the évening papers.".encode("latin-1"),
            "The café owners of Zürich read about the trials in the évening papers.",
            "not valid UTF-8 (byte 0xE9 at offset 7)",
            "decoded as cp1252",
        ),
        (
            b"The quotas rose \x81in the d\xe9partement of the north.",
            "The quotas rose in the département of the north.",
            "not valid UTF-8 (byte 0x81 at offset 16); the file holds 1 control character (U+0081 ×1)",
            "decoded as latin-1; removed 1 control character",
        ),
    ],
    ids=["cp1252", "latin-1-text", "latin-1-fallback"],
)
def test_corpus_legacy_encoding_is_decoded_with_warning(tmp_path, data, text, reason, action):
    name, chapters, problems = load_one(tmp_path / "legacy.txt", data)
    assert [c.text for c in chapters] == [text]
    assert problems == [InputProblem(name, reason, action, doc_id="legacy")]


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"),
        b"\xff\xfe" + ENGLISH.encode("utf-16-le"),
        b"\xfe\xff" + ENGLISH.encode("utf-16-be"),
        ENGLISH.encode("utf-32"),
    ],
    ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom"],
)
def test_corpus_byte_order_mark_is_decoded_silently(tmp_path, data):
    _, chapters, problems = load_one(tmp_path / "bom.txt", data)
    assert problems == []
    assert [c.text for c in chapters] == [ENGLISH]


def test_corpus_utf16_without_bom_is_decoded_with_warning(tmp_path):
    name, chapters, problems = load_one(tmp_path / "wide.txt", ENGLISH.encode("utf-16-le"))
    assert [c.text for c in chapters] == [ENGLISH]
    assert problems == [
        InputProblem(name, "UTF-16 text without a byte-order mark", "decoded as utf-16-le", doc_id="wide")
    ]


def test_corpus_declared_html_charset_is_used(tmp_path):
    markup = '<html><head><meta charset="koi8-r"></head><body><p>The slogan «Кадры» was on every wall of the works.</p></body></html>'
    name, chapters, problems = load_one(tmp_path / "old.html", markup.encode("koi8-r", errors="replace"))
    assert [c.text for c in chapters] == ["The slogan ?Кадры? was on every wall of the works."]
    assert problems == [
        InputProblem(
            name,
            f"not valid UTF-8 (byte 0xEB at offset {markup.index('Кадры')})",
            "decoded as koi8-r (declared by the page)",
            doc_id="old",
        )
    ]


# --------------------------------------------------------------------------- control characters


def test_corpus_control_characters_are_removed_with_warning(tmp_path):
    data = b"Grain\x00 requisitions\x1b angered the villages\x07 and the towns."
    name, chapters, problems = load_one(tmp_path / "noisy.txt", data)
    assert [c.text for c in chapters] == ["Grain requisitions angered the villages and the towns."]
    assert problems == [
        InputProblem(
            name,
            "the file holds 3 control characters (U+0000 ×1, U+0007 ×1, U+001B ×1)",
            "removed 3 control characters",
            doc_id="noisy",
        )
    ]


def test_corpus_control_characters_only_file_is_skipped(tmp_path):
    name, chapters, problems = load_one(tmp_path / "controls.txt", b"    \x00   \n\x1b     \n   ")
    assert chapters == []
    assert problems == [InputProblem(name, "the file holds only control characters and whitespace")]


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Die Kampagne für höhere Normen hat das Verhältnis zwischen den Arbeitern und der "
            "Leitung verändert. Viele Ingenieure wurden nach dem Jahr 1936 verhaftet, weil man "
            "ihnen Sabotage vorwarf, aber die Gründe dafür sind nicht immer klar.",
            "German",
        ),
        (
            "Кампания за повышение норм изменила отношения между рабочими и руководством. "
            "Многих инженеров арестовали после тридцать шестого года.",
            "Russian",
        ),
        (
            "La campagne pour des normes plus élevées a changé les relations entre les ouvriers "
            "et la direction. Beaucoup d'ingénieurs ont été arrêtés après 1936, mais les raisons "
            "ne sont pas toujours claires.",
            "French",
        ),
        ("工場のノルマは一九三五年に大きく上がり、古い職工たちは不満を抱いた。", "Japanese"),
        (
            "Rabochie na zavode ne verili direktoru i inzheneram po etomu voprosu, a partkom "
            "molchal i ne otvechal na ikh pis'ma.",
            "transliterated Russian",
        ),
    ],
    ids=["german", "russian", "french", "japanese", "transliterated-russian"],
)
def test_corpus_non_english_text_is_skipped(tmp_path, text, language):
    name, chapters, problems = load_one(tmp_path / "foreign.txt", text)
    assert chapters == []
    assert problems == [InputProblem(name, f"not English (looks like {language})")]


@pytest.mark.parametrize(
    "text",
    [
        "Quotas rose.",
        "Der Plan.",
        "Second, the ITR (inzhenernye-tekhnicheskie rabotniki) of Magnitostroi and Uralmash "
        "faced new demands from the obkom, the raikom and the NKVD.",
        "Ordzhonikidze, Kaganovich, Molotov, Zhdanov and Ezhov met Stakhanov, Busygin and "
        "Krivonos at Kadievka, Gorlovka and Stalino in the Donbass.",
        "The slogan «Кадры решают всё» was repeated in every factory newspaper, and managers "
        "were judged by whether they met it.",
        "Za industrializatsiiu printed the letters of udarniki from Sverdlovsk, Cheliabinsk "
        "and Zlatoust, while Pravda reprinted only those from Gor'kii.",
    ],
    ids=["short", "short-german-words", "transliteration", "proper-nouns", "cyrillic-quote", "titles"],
)
def test_corpus_english_text_is_not_rejected(tmp_path, text):
    _, chapters, problems = load_one(tmp_path / "english.txt", text)
    assert problems == []
    assert [c.text for c in chapters] == [text]


# --------------------------------------------------------------------------- size


@pytest.mark.slow
def test_corpus_huge_file_loads(tmp_path):
    paragraph = (ENGLISH + "\n\n").encode("utf-8")
    data = paragraph * (50 * 2**20 // len(paragraph) + 1)
    path = write(tmp_path / "huge.txt", data)
    del data
    started = time.perf_counter()
    chapters, problems = read_corpus([path])
    elapsed = time.perf_counter() - started
    assert problems == []
    assert len(chapters) == 1
    assert len(chapters[0].text) == os.path.getsize(path) - 2
    assert elapsed < 10


# --------------------------------------------------------------------------- JSONL


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("not json {", "line 2: not valid JSON (Expecting value at column 1)"),
        ('{"id": "ch-2"}', "line 2: the record has no 'text'"),
        ('{"id": "ch-2", "text": 42}', "line 2: 'text' is not a string (got a number)"),
        ('{"id": "ch-2", "text": null}', "line 2: 'text' is not a string (got null)"),
        ('["ch-2", "text"]', "line 2: not a JSON object (got an array)"),
        ('{"id": "ch-1", "text": "%s"}' % ENGLISH_2, "line 2: duplicate id 'ch-1' (first at line 1)"),
        ('{"id": "ch-2", "text": "  "}', "line 2: 'text' holds only whitespace"),
        ('{"id": "ch-2", "text": ""}', "line 2: 'text' is empty"),
        (
            '{"id": "ch-2", "text": "Die Arbeiter und die Ingenieure sind nicht mit dem Plan zufrieden."}',
            "line 2: not English (looks like German)",
        ),
    ],
    ids=["not-json", "no-text", "number-text", "null-text", "array", "duplicate-id", "blank-text",
         "empty-text", "german"],
)
def test_corpus_jsonl_bad_line_is_skipped_and_others_load(tmp_path, bad_line, reason):
    lines = ['{"id": "ch-1", "text": "%s"}' % ENGLISH, bad_line, '{"id": "ch-3", "text": "%s"}' % ENGLISH_3]
    name, chapters, problems = load_one(tmp_path / "records.jsonl", "\n".join(lines))
    assert [c.id for c in chapters] == ["ch-1", "ch-3"]
    assert problems == [InputProblem(f"{name}:2", reason)]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ('{"text": "%s"}' % ENGLISH_2, "line 2: the record has no 'id'"),
        ('{"id": null, "text": "%s"}' % ENGLISH_2, "line 2: the record has no 'id'"),
        ('{"id": "", "text": "%s"}' % ENGLISH_2, "line 2: the record's 'id' is empty"),
        ('{"id": ["x"], "text": "%s"}' % ENGLISH_2, "line 2: 'id' is not a string (got an array)"),
    ],
    ids=["missing", "null", "empty", "array"],
)
def test_corpus_jsonl_record_without_id_gets_generated_id(tmp_path, record, reason):
    lines = ['{"id": "ch-1", "text": "%s"}' % ENGLISH, record]
    name, chapters, problems = load_one(tmp_path / "my records.jsonl", "\n".join(lines))
    assert [(c.id, c.text) for c in chapters] == [("ch-1", ENGLISH), ("my_records-2", ENGLISH_2)]
    assert problems == [InputProblem(f"{name}:2", reason, "loaded with id 'my_records-2'", doc_id="my_records-2")]


def test_corpus_jsonl_record_control_characters_reported_per_line(tmp_path):
    lines = ['{"id": "ch-1", "text": "Bread queues\\u0000 grew."}']
    name, chapters, problems = load_one(tmp_path / "records.jsonl", "\n".join(lines))
    assert [c.text for c in chapters] == ["Bread queues grew."]
    assert problems == [
        InputProblem(
            f"{name}:1",
            "line 1: 'text' holds 1 control character (U+0000 ×1)",
            "removed 1 control character",
            doc_id="ch-1",
        )
    ]


# --------------------------------------------------------------------------- ids


@pytest.mark.parametrize(
    ("raw_id", "safe_id"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ("a/b\\c", "a_b_c"),
        ('say "hi" \'now\'', "say_hi_now"),
        ("line\nbreak\r\tend", "line_break_end"),
        ("chapter 6 🙂", "chapter_6"),
        ("🙂🙂", "records-1"),
        ("..", "records-1"),
        ("Сталин и заводы", "Сталин_и_заводы"),
        ("x" * 150, "x" * 100),
    ],
    ids=["dot-dot", "slashes", "quotes", "newlines", "emoji-suffix", "only-emoji", "only-dots",
         "cyrillic", "long"],
)
def test_corpus_jsonl_ids_are_made_safe(tmp_path, raw_id, safe_id):
    record = json.dumps({"id": raw_id, "text": ENGLISH})
    _, chapters, problems = load_one(tmp_path / "records.jsonl", record)
    assert problems == []
    assert [(c.id, c.metadata["original_id"]) for c in chapters] == [(safe_id, raw_id)]


@pytest.mark.parametrize(
    ("file_name", "safe_id"),
    [
        ('it\'s "quoted".txt', "it_s_quoted"),
        ("new\nline.txt", "new_line"),
        ("smile 🙂.txt", "smile"),
        ("🙂.txt", "doc"),
        ("..notes...txt", "notes"),
    ],
    ids=["quotes", "newline", "emoji-suffix", "only-emoji", "dots"],
)
def test_corpus_file_name_ids_are_made_safe(tmp_path, file_name, safe_id):
    _, chapters, problems = load_one(tmp_path / file_name, ENGLISH)
    assert problems == []
    assert [c.id for c in chapters] == [safe_id]


def test_corpus_id_collisions_get_numbered_suffixes(tmp_path):
    write(tmp_path / "in" / "a.txt", ENGLISH)
    write(tmp_path / "in" / "a.md", ENGLISH_2)
    write(tmp_path / "in" / "a-2.txt", ENGLISH_3)
    chapters, problems = read_corpus([tmp_path / "in"])
    assert problems == []
    assert [(c.id, c.metadata.get("original_id")) for c in chapters] == [
        ("a-2", None),
        ("a", None),
        ("a-3", "a"),
    ]


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_corpus_safe_id_is_always_safe(raw):
    safe = make_safe_id(raw)
    assert re.fullmatch(r"[\w.\-]{1,100}", safe)
    assert safe.isprintable()
    assert safe[0] not in "._-" and safe[-1] not in "._-"


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_corpus_chapter_from_text_returns_clean_text_or_raises(raw):
    try:
        chapter = chapter_from_text(raw, on_problem=lambda problem: None)
    except InputError as err:
        assert err.file == "<text>"
    else:
        assert chapter.text == chapter.text.strip()
        assert chapter.text
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", chapter.text)


# --------------------------------------------------------------------------- walking


def test_corpus_directory_walk_is_sorted_and_recursive(tmp_path):
    write(tmp_path / "in" / "b.txt", ENGLISH)
    write(tmp_path / "in" / "a" / "z.txt", ENGLISH_2)
    write(tmp_path / "in" / "c" / "d" / "e.md", ENGLISH_3)
    chapters, problems = read_corpus([str(tmp_path / "in")])
    assert problems == []
    assert [c.source for c in chapters] == [
        str(tmp_path / "in" / "a" / "z.txt"),
        str(tmp_path / "in" / "b.txt"),
        str(tmp_path / "in" / "c" / "d" / "e.md"),
    ]


def test_corpus_hidden_entries_are_not_inputs(tmp_path):
    write(tmp_path / "in" / ".gitkeep", b"")
    write(tmp_path / "in" / ".cache" / "old.txt", ENGLISH)
    write(tmp_path / "in" / "kept.txt", ENGLISH_2)
    chapters, problems = read_corpus([tmp_path / "in"])
    assert problems == []
    assert [c.id for c in chapters] == ["kept"]


def test_corpus_unsupported_file_type_in_directory_is_skipped(tmp_path):
    notes = write(tmp_path / "in" / "notes.rtf", ENGLISH)
    bare = write(tmp_path / "in" / "notes", ENGLISH_2)
    chapters, problems = read_corpus([tmp_path / "in"])
    assert chapters == []
    assert problems == [
        InputProblem(bare, "unsupported file type (no suffix)"),
        InputProblem(notes, "unsupported file type .rtf"),
    ]


def test_corpus_named_file_with_unknown_suffix_is_read_as_text(tmp_path):
    name, chapters, problems = load_one(tmp_path / "notes.rtf", ENGLISH)
    assert problems == []
    assert [(c.id, dict(c.metadata)) for c in chapters] == [("notes", {"source": name, "format": "txt"})]


def test_corpus_symlink_loop_is_reported_and_not_followed(tmp_path):
    top = tmp_path / "in"
    write(top / "one.txt", ENGLISH)
    write(top / "sub" / "two.txt", ENGLISH_2)
    os.symlink(top, top / "sub" / "loop")
    chapters, problems = read_corpus([str(top)])
    assert [c.id for c in chapters] == ["one", "two"]
    assert problems == [
        InputProblem(str(top / "sub" / "loop"), f"symlink loop (points back to {top})", "not followed")
    ]


def test_corpus_directory_reached_twice_is_read_once(tmp_path):
    write(tmp_path / "in" / "real" / "one.txt", ENGLISH)
    os.symlink(tmp_path / "in" / "real", tmp_path / "in" / "view")
    chapters, problems = read_corpus([tmp_path / "in"])
    assert [c.id for c in chapters] == ["one"]
    assert problems == [
        InputProblem(
            str(tmp_path / "in" / "view"),
            f"directory already read as {tmp_path / 'in' / 'real'}",
            "not followed",
        )
    ]


def test_corpus_broken_symlink_is_reported(tmp_path):
    (tmp_path / "in").mkdir()
    os.symlink(tmp_path / "gone.txt", tmp_path / "in" / "dangling.txt")
    chapters, problems = read_corpus([tmp_path / "in"])
    assert chapters == []
    assert problems == [InputProblem(str(tmp_path / "in" / "dangling.txt"), "broken symbolic link")]


def test_corpus_unreadable_file_is_skipped(tmp_path, monkeypatch):
    locked = write(tmp_path / "in" / "locked.txt", ENGLISH)
    write(tmp_path / "in" / "open.txt", ENGLISH_2)
    real_open = open

    def guarded_open(file, *args, **kwargs):
        # chmod 000 does not stop root, so refuse the file here as the OS would.
        if os.fspath(file) == locked:
            raise PermissionError(13, "Permission denied", file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(decode, "open", guarded_open, raising=False)
    os.chmod(locked, 0)
    chapters, problems = read_corpus([tmp_path / "in"])
    assert [c.id for c in chapters] == ["open"]
    assert problems == [InputProblem(locked, "permission denied")]


def test_corpus_same_text_under_two_names_is_read_once(tmp_path):
    first = write(tmp_path / "in" / "first.txt", ENGLISH)
    second = write(tmp_path / "in" / "second.txt", (ENGLISH + "\n").replace("\n", "\r\n"))
    chapters, problems = read_corpus([tmp_path / "in"])
    assert [c.id for c in chapters] == ["first"]
    assert problems == [InputProblem(second, f"duplicate of {first}")]


def test_corpus_missing_path_is_reported(tmp_path):
    missing = str(tmp_path / "missing.txt")
    assert read_corpus([missing]) == ([], [InputProblem(missing, "no such file or directory")])


def test_corpus_batch_goes_on_after_bad_files(tmp_path):
    empty = write(tmp_path / "in" / "a-empty.txt", b"")
    fake = write(tmp_path / "in" / "b-fake.txt", b"\x89PNG\r\n\x1a\n" + bytes(100))
    good = write(tmp_path / "in" / "c-good.txt", ENGLISH)
    german = write(tmp_path / "in" / "d-german.txt", "Die Arbeiter und die Ingenieure sind nicht mit dem Plan zufrieden.")
    missing = str(tmp_path / "nowhere")
    chapters, problems = read_corpus([tmp_path / "in", missing, good])
    assert [c.source for c in chapters] == [good]
    assert problems == [
        InputProblem(empty, "the file is empty"),
        InputProblem(fake, "binary file (PNG image)"),
        InputProblem(german, "not English (looks like German)"),
        InputProblem(missing, "no such file or directory"),
        InputProblem(good, f"duplicate of {good}"),
    ]


# --------------------------------------------------------------------------- API shape


def test_corpus_iter_corpus_streams_chapters(tmp_path):
    write(tmp_path / "in" / "a.txt", b"")
    write(tmp_path / "in" / "b.txt", ENGLISH)
    problems: list[InputProblem] = []
    stream = iter_corpus([tmp_path / "in"], problems.append)
    assert inspect.isgenerator(stream)
    assert problems == []
    first = next(stream)
    assert (first.id, len(problems)) == ("b", 1)


def test_corpus_read_corpus_accepts_a_single_path(tmp_path):
    name = write(tmp_path / "only.txt", ENGLISH)
    chapters, problems = read_corpus(name)
    assert ([c.id for c in chapters], problems) == (["only"], [])


def test_corpus_load_file_raises_for_unusable_file(tmp_path):
    name = write(tmp_path / "empty.txt", b"")
    with pytest.raises(InputError) as raised:
        load_file(name)
    assert (raised.value.file, raised.value.reason) == (name, "the file is empty")


def test_corpus_load_file_reports_bad_jsonl_lines(tmp_path):
    name = write(tmp_path / "r.jsonl", '{"id": "x", "text": "%s"}\n{"id": "y"}\n' % ENGLISH)
    problems: list[InputProblem] = []
    chapters = load_file(name, on_problem=problems.append)
    assert [c.id for c in chapters] == ["x"]
    assert problems == [InputProblem(f"{name}:2", "line 2: the record has no 'text'")]


def test_corpus_chapter_from_text_makes_id_safe_and_reports_repairs():
    problems: list[InputProblem] = []
    chapter = chapter_from_text("Queues\x00 grew.", doc_id="notes/1", on_problem=problems.append)
    assert chapter == Chapter(
        id="notes_1",
        text="Queues grew.",
        metadata={"source": "<text>", "format": "txt", "original_id": "notes/1"},
        source="<text>",
    )
    assert problems == [
        InputProblem(
            "<text>", "the text holds 1 control character (U+0000 ×1)", "removed 1 control character", "notes_1"
        )
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "the text is empty"), (" \n ", "the text holds only whitespace")],
    ids=["empty", "whitespace"],
)
def test_corpus_chapter_from_text_rejects_blank_text(text, reason):
    with pytest.raises(InputError) as raised:
        chapter_from_text(text)
    assert raised.value.reason == reason


@pytest.mark.parametrize("name", ["README.md", "readme.txt", "LICENSE", "CHANGELOG.md"])
def test_corpus_folder_walk_passes_over_corpus_documentation(tmp_path, name):
    (tmp_path / name).write_text("This folder holds the chapters of the book.\n", encoding="utf-8")
    (tmp_path / "chapter.txt").write_text("The drought led to widespread hunger in the province.\n", encoding="utf-8")
    chapters, problems = read_corpus([tmp_path])
    assert ([c.id for c in chapters], problems) == (["chapter"], [])


def test_corpus_readme_named_explicitly_is_read(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("The drought led to widespread hunger in the province.\n", encoding="utf-8")
    chapters, problems = read_corpus([readme])
    assert ([c.id for c in chapters], problems) == (["README"], [])
