"""The bad-input matrix of issue 6: `argmine run` on a folder that mixes good and bad files.

One run of the real command (``python -m argmine run``, a separate process, so
stderr, exit code and tracebacks are what a user sees) over a mixed folder
serves most cases. A second run over only the files that the first one
processed (bad JSONL lines blanked, so line numbers stay) is the reference:
the good files' tables must be identical to it. Runs that must fail midway
use typer's CliRunner in this process, where a failure can be injected.

Every matrix case is one :class:`Case`: the file, what ``errors.csv`` says
about it (reason and action) and the document id it got when it was still
processed. What argmine does with each kind of bad input is decided in
:mod:`argmine.input` (see its docstring) and summarised in the README
section "What argmine does with bad input".

The 50 MB case does not run the parser over 50 MB (that takes about half an
hour on two cores): it loads a 50 MB file through the loader with memory
measured, cuts it with :func:`argmine.batch.process.split_text` and checks every
piece against spaCy's limit, and checks the offset mapping of the pieces with
the real pipeline on a text cut into small pieces.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tracemalloc
import zipfile
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import CHAPTERS, ROOT
from argmine.input import NO_SUMMARY_REASON, read_corpus
from argmine.nlp.model import MAX_LENGTH

pytestmark = pytest.mark.model

GOOD_1 = (CHAPTERS / "01-irish-famine-emigration.txt").read_bytes()
GOOD_2 = (CHAPTERS / "05-drought-ming-collapse.txt").read_bytes()
LATIN_1 = "The café owners of Zürich read the verdicts, and the verdicts provoked a strike."
CP_1252 = "The “new norms” – announced in 1935 – caused resentment among older workers."
UTF_8_BOM = "Inflation eroded wages, which provoked strikes in the ports."
UTF_16_LE = "The blockade caused shortages of grain in the capital."
UTF_16_BE = "The shortages of grain led to bread riots in the suburbs."
CONTROLS = b"The famine\x00 caused\x07 mass \x1b[31memigration\x7f to America."
CONTROLS_TEXT = "The famine caused mass [31memigration to America."
# Words with the five XML-special characters and with characters XML 1.0 forbids.
XML_WORDS = 'The "A&B" <bank> crash caused the collapse of the Z\x01&Co\'s <mills> and\x1f "forges"\ufffe.'
XML_WORDS_TEXT = 'The "A&B" <bank> crash caused the collapse of the Z&Co\'s <mills> and "forges".'
EMOJI = "The 😀 campaign led to rapid growth of 中国 trade."
HTML_PAGE = """<!DOCTYPE html><html><head><title>Enclosure</title>
<style>p { color: red } body::after { content: "styled away" }</style>
<script>alert('script ran'); document.write("written by a script")</script></head>
<body onload="alert('onload ran')"><h1 onclick="alert('onclick ran')">Enclosure and riot</h1>
<p onmouseover="alert('hover ran')">The enclosure of the commons caused <b>riots</b> in the villages.</p>
<img src="x" onerror="alert(1)"><a href="javascript:alert('link ran')">Landlords</a> answered with troops.
<noscript>enable scripts</noscript><iframe src="https://example.org/tracker">framed</iframe></body></html>"""
HTML_TEXT = "Enclosure and riot\n\nThe enclosure of the commons caused riots in the villages.\n\nLandlords answered with troops."
GERMAN = ("Die Kollektivierung der Landwirtschaft führte zu einer Hungersnot, die Millionen von Menschen das "
          "Leben kostete und das Vertrauen der Bauern in den Staat zerstörte.")
RUSSIAN = ("Коллективизация сельского хозяйства привела к голоду, который унёс жизни миллионов людей и "
           "подорвал доверие крестьян к государству.")
NO_SUMMARY_PAGE = """Skip to main content
Accessibility help
Chapter 3 - Foremen and Quotas
Published online by Cambridge University Press: 14 March 2011
Get access
Save book to Kindle
Information
Type
Chapter
"""
WEIRD_ID = "a/b\"c'\nd😀"
RECORDS = [
    '{"id": "r1", "text": "The drought caused widespread hunger in the north."}',
    '{broken',
    '{"id": "r3", "title": "a record without text"}',
    '{"id": "r4", "text": 42}',
    '{"id": "r1", "text": "Wars led to heavy debts in the treasury."}',
    '{"id": "../../etc/passwd", "text": "War led to heavy taxation of the peasants."}',
    '{"id": "a/b\\"c\'\\nd😀", "text": "Heavy taxation provoked revolts in the provinces."}',
    '{"id": "a/b\\"c\'\\nd😀", "text": "The revolts weakened the authority of the governors."}',
    '{"id": "/srv/out/../../x", "text": "The famine of 1921 forced the state to retreat."}',
]
BAD_LINES = (2, 3, 4, 5, 8)


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("chapter.txt", "The drought caused famine.")
    return buffer.getvalue()


@dataclass(frozen=True)
class Case:
    """One input of the mixed folder and what errors.csv must say about it."""

    name: str  # path inside the input folder; ``records.jsonl:N`` for a JSONL line
    reason: str = ""  # "" when the input is processed without a row
    action: str = "skipped"
    doc_id: str = ""  # the id of the document made of it, when processed

    @property
    def processed(self) -> bool:
        return self.doc_id != ""


# name -> bytes of every file of the mixed folder (the symlink loop is made apart).
FILES: dict[str, bytes] = {
    "good1.txt": GOOD_1,
    "good2.txt": GOOD_2,
    "empty.txt": b"",
    "blank.txt": b"  \n\t \r\n  ",
    "empty\nname.txt": b"",
    "scan.png": _png(),
    "scan.txt": _png(),
    "notes.zip": _zip(),
    "notes.txt": _zip(),
    "latin1.txt": LATIN_1.encode("latin-1"),
    "cp1252.txt": CP_1252.encode("cp1252"),
    "utf8-bom.txt": b"\xef\xbb\xbf" + UTF_8_BOM.encode("utf-8"),
    "utf16le-bom.txt": b"\xff\xfe" + UTF_16_LE.encode("utf-16-le"),
    "utf16be-bom.txt": b"\xfe\xff" + UTF_16_BE.encode("utf-16-be"),
    "controls.txt": CONTROLS,
    "xml-words.txt": XML_WORDS.encode("utf-8"),
    "emoji.txt": EMOJI.encode("utf-8"),
    "german.txt": GERMAN.encode("utf-8"),
    "russian.txt": RUSSIAN.encode("utf-8"),
    "page.html": HTML_PAGE.encode("utf-8"),
    "nosummary.cambridge-core.txt": NO_SUMMARY_PAGE.encode("utf-8"),
    "records.jsonl": "\n".join(RECORDS).encode("utf-8") + b"\n",
    "quo\"te's name😀.txt": b"The printing press spread the pamphlets of the reformers.",
    "new\nline.txt": b"The epidemic reduced the labour force and raised wages.",
    "x\\..\\..\\evil.txt": b"The embargo ruined the merchants of the coastal towns.",
    "locked.txt": b"The secret police arrested the engineers of the works.",
    "zz-duplicate.txt": GOOD_1,
}
LOCKED = "locked.txt"


def cases(folder: Path) -> list[Case]:
    """Every matrix case with its expected errors.csv row, for the folder the files are in."""
    at = lambda name: str(folder / name)  # noqa: E731
    return [
        Case("good1.txt", doc_id="good1"),
        Case("good2.txt", doc_id="good2"),
        Case("empty.txt", "the file is empty"),
        Case("blank.txt", "the file holds only whitespace"),
        Case("empty\nname.txt", "the file is empty"),
        Case("scan.png", "unsupported file type .png"),
        Case("scan.txt", "binary file (PNG image)"),
        Case("notes.zip", "unsupported file type .zip"),
        Case("notes.txt", "binary file (ZIP archive)"),
        Case("latin1.txt", "not valid UTF-8 (byte 0xE9 at offset 7)", "decoded as cp1252", "latin1"),
        Case("cp1252.txt", "not valid UTF-8 (byte 0x93 at offset 4)", "decoded as cp1252", "cp1252"),
        Case("utf8-bom.txt", doc_id="utf8-bom"),
        Case("utf16le-bom.txt", doc_id="utf16le-bom"),
        Case("utf16be-bom.txt", doc_id="utf16be-bom"),
        Case("controls.txt", "the file holds 4 control characters (U+0000 ×1, U+0007 ×1, U+001B ×1, U+007F ×1)",
             "removed 4 control characters", "controls"),
        Case("xml-words.txt", "the file holds 3 control characters (U+0001 ×1, U+001F ×1, U+FFFE ×1)",
             "removed 3 control characters", "xml-words"),
        Case("emoji.txt", doc_id="emoji"),
        Case("german.txt", "not English (looks like German)"),
        Case("russian.txt", "not English (looks like Russian)"),
        Case("page.html", doc_id="page"),
        Case("nosummary.cambridge-core.txt", NO_SUMMARY_REASON),
        Case("records.jsonl:1", doc_id="r1"),
        Case("records.jsonl:2", "line 2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
        Case("records.jsonl:3", "line 3: the record has no 'text'"),
        Case("records.jsonl:4", "line 4: 'text' is not a string (got a number)"),
        Case("records.jsonl:5", "line 5: duplicate id 'r1' (first at line 1)"),
        Case("records.jsonl:6", doc_id="etc_passwd"),
        Case("records.jsonl:7", doc_id="a_b_c_d"),
        Case("records.jsonl:8", "line 8: duplicate id 'a/b\"c'\\nd😀' (first at line 7)"),
        Case("records.jsonl:9", doc_id="srv_out_.._.._x"),
        Case("quo\"te's name😀.txt", doc_id="quo_te_s_name"),
        Case("new\nline.txt", doc_id="new_line"),
        Case("x\\..\\..\\evil.txt", doc_id="x_.._.._evil"),
        Case(LOCKED, "permission denied"),
        Case("zz-duplicate.txt", f"duplicate of {at('good1.txt')}"),
        Case("loop/back", f"symlink loop (points back to {folder})", "not followed"),
    ]


CASE_NAMES = [case.name for case in cases(Path("in"))]
REPORTED = [case.name for case in cases(Path("in")) if case.reason]
OUTPUT_FILES = {
    "documents.csv", "claims.csv", "links.csv", "concepts.csv", "resolutions.csv", "documents.parquet",
    "claims.parquet", "links.parquet", "concepts.parquet", "resolutions.parquet", "graph.graphml", "graph.gexf",
    "graph.dot", "argument.aif.json", "argument.argdown", "graph.png", "report.html", "errors.csv",
}
TABLES = ["documents", "claims", "links", "concepts", "resolutions"]

# chmod 000 does not stop root (CI runs as root), so a wrapper refuses the
# locked file as the OS refuses it to any other user; the rest is `argmine run`.
_RUN_AS_ANOTHER_USER = """
import os, sys
import argmine.input.decode as decode
locked = sys.argv.pop(1)
real_open = open
def guarded_open(file, *args, **kwargs):
    if os.fspath(file) == locked:
        raise PermissionError(13, "Permission denied", file)
    return real_open(file, *args, **kwargs)
decode.open = guarded_open
from argmine.cli import main
sys.argv[0] = "argmine"
main()
"""


@dataclass
class Run:
    """One `argmine run`: where it read and wrote, what it said, and what lay outside --out."""

    folder: Path
    out: Path
    returncode: int
    stderr: str
    outside_before: dict | None = None
    outside_after: dict | None = None

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_csv(self.out / f"{name}.csv", dtype=str, keep_default_na=False)


def make_mixed_folder(folder: Path) -> None:
    folder.mkdir()
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    (folder / "loop").mkdir()
    os.symlink("..", folder / "loop" / "back")
    os.chmod(folder / LOCKED, 0)


def argmine_command(*args: str, locked: Path | None = None) -> list[str]:
    if locked is not None and os.geteuid() == 0:
        return [sys.executable, "-c", _RUN_AS_ANOTHER_USER, str(locked), *args]
    return [sys.executable, "-m", "argmine", *args]


def snapshot(root: Path, skip: Path) -> dict[str, tuple]:
    """Every entry under ``root`` but ``skip``, with its type, size and modification time."""
    entries = {}
    for directory, names, files in os.walk(root):
        names[:] = [n for n in names if Path(directory) / n != skip]
        for name in names + files:
            path = Path(directory) / name
            info = path.lstat()
            entries[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return entries


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Run:
    """`argmine run` over the mixed folder, run from the folder above it.

    ``out/links.csv`` is set up beforehand as a symbolic link to a file outside
    ``out/``: a run must replace the link, never write through it.
    """
    root = tmp_path_factory.mktemp("mixed")
    folder, out = root / "in", root / "out"
    make_mixed_folder(folder)
    out.mkdir()
    (root / "victim.txt").write_text("not argmine's to write")
    os.symlink(root / "victim.txt", out / "links.csv")
    before = snapshot(root, skip=out)
    # One worker: the parallel engine is the end-to-end test's business; this run is about the inputs.
    completed = subprocess.run(argmine_command("run", str(folder), "--out", str(out), "--workers", "1",
                                               locked=folder / LOCKED),
                               cwd=root, capture_output=True, text=True, timeout=600)
    return Run(folder, out, completed.returncode, completed.stderr, before, snapshot(root, skip=out))


@pytest.fixture(scope="module")
def clean(tmp_path_factory, mixed) -> Run:
    """`argmine run` over only what the mixed run processed (bad JSONL lines blanked)."""
    root = tmp_path_factory.mktemp("clean")
    folder, out = root / "in", root / "out"
    folder.mkdir()
    for case in cases(mixed.folder):
        name = case.name.split(":")[0]
        if case.processed and name != "records.jsonl":
            (folder / name).write_bytes(FILES[name])
    lines = ["" if number in BAD_LINES else line for number, line in enumerate(RECORDS, start=1)]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["run", str(folder), "--out", str(out), "--workers", "1", "--no-png",
                                         "--no-report"])
    return Run(folder, out, result.exit_code, result.stderr)


def _app():
    from argmine.cli import app

    return app


def _rows(run: Run, folder: Path) -> dict[str, list[tuple[str, str, str]]]:
    """errors.csv rows by the file they name (relative to ``folder``)."""
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for row in run.table("errors").itertuples(index=False):
        name = os.path.relpath(row.file, folder)
        rows.setdefault(name, []).append((row.reason, row.action, row.doc_id))
    return rows


def _escaped(text: str) -> str:
    """How a one-line stderr message shows line breaks and control characters."""
    return text.replace("\n", "\\n")


# --------------------------------------------------------------------------- errors.csv and stderr


@pytest.mark.parametrize("name", CASE_NAMES)
def test_bad_input_case_has_the_errors_csv_row_it_deserves(mixed, name):
    case = next(c for c in cases(mixed.folder) if c.name == name)
    expected = [(case.reason, case.action, case.doc_id)] if case.reason else []
    assert _rows(mixed, mixed.folder).get(name, []) == expected


def test_bad_input_errors_csv_names_only_the_matrix_cases(mixed):
    assert sorted(_rows(mixed, mixed.folder)) == sorted(REPORTED)


def test_bad_input_errors_csv_has_file_reason_action_columns(mixed):
    assert list(mixed.table("errors").columns) == ["file", "reason", "action", "doc_id"]


@pytest.mark.parametrize("name", REPORTED)
def test_bad_input_case_has_one_stderr_line(mixed, name):
    case = next(c for c in cases(mixed.folder) if c.name == name)
    prefix = f"argmine: {_escaped(str(mixed.folder / name))}: "
    lines = [line for line in mixed.stderr.splitlines() if line.startswith(prefix)]
    assert lines == [f"{prefix}{_escaped(case.reason)} ({case.action})"]


def test_bad_input_stderr_holds_only_argmine_lines(mixed):
    strays = [line for line in mixed.stderr.splitlines() if not line.startswith("argmine: ")]
    assert strays == []


def test_bad_input_stderr_has_no_traceback(mixed):
    assert "Traceback" not in mixed.stderr


def test_bad_input_run_exits_1_when_some_inputs_are_skipped(mixed):
    assert mixed.returncode == 1


def test_bad_input_run_exits_0_when_every_input_was_processed(clean):
    assert (clean.returncode, clean.stderr.count("(skipped)")) == (0, 0)


def test_bad_input_repairs_are_listed_even_when_nothing_was_skipped(clean, mixed):
    repaired = sorted((n, r) for n, rows in _rows(mixed, mixed.folder).items() for r in rows if r[1] != "skipped"
                      and n != "loop/back")
    assert sorted((n, r) for n, rows in _rows(clean, clean.folder).items() for r in rows) == repaired


# --------------------------------------------------------------------------- the good files


def _comparable(run: Run, name: str) -> pd.DataFrame:
    """A table with the input folder's path replaced by ``<in>``."""
    frame = run.table(name)
    for column in ("source", "file"):
        if column in frame:
            frame[column] = frame[column].str.replace(str(run.folder), "<in>", regex=False)
    return frame


@pytest.mark.parametrize("name", TABLES)
def test_bad_input_good_files_are_processed_as_if_the_bad_ones_were_absent(mixed, clean, name):
    pd.testing.assert_frame_equal(_comparable(mixed, name), _comparable(clean, name))


def test_bad_input_processed_documents_are_exactly_the_good_ones(mixed):
    expected = sorted(c.doc_id for c in cases(mixed.folder) if c.processed)
    assert sorted(mixed.table("documents")["doc_id"]) == expected


@pytest.mark.parametrize(
    ("doc_id", "text"),
    [("latin1", LATIN_1), ("cp1252", CP_1252), ("utf8-bom", UTF_8_BOM), ("utf16le-bom", UTF_16_LE),
     ("utf16be-bom", UTF_16_BE), ("controls", CONTROLS_TEXT), ("xml-words", XML_WORDS_TEXT), ("emoji", EMOJI),
     ("page", HTML_TEXT)],
)
def test_bad_input_repaired_document_holds_the_decoded_text(mixed, doc_id, text):
    documents = mixed.table("documents").set_index("doc_id")
    assert documents.loc[doc_id, "text"] == text


def test_bad_input_html_scripts_styles_and_handlers_leave_no_text(mixed):
    frames = [mixed.table(name) for name in TABLES]
    cells = [str(v) for frame in frames for v in frame.to_numpy().ravel()]
    found = sorted({w for w in ("alert", "script ran", "written by a script", "styled away", "enable scripts",
                                "framed", "javascript", "color: red") for cell in cells if w in cell})
    assert found == []


@pytest.mark.parametrize(
    ("doc_id", "original_id"),
    [("etc_passwd", "../../etc/passwd"), ("a_b_c_d", WEIRD_ID), ("srv_out_.._.._x", "/srv/out/../../x"),
     ("quo_te_s_name", "quo\"te's name😀"), ("new_line", "new\nline"), ("x_.._.._evil", "x\\..\\..\\evil")],
)
def test_bad_input_unsafe_names_and_ids_become_safe_ids(mixed, doc_id, original_id):
    documents = mixed.table("documents").set_index("doc_id")
    assert documents.loc[doc_id, "original_id"] == original_id


# --------------------------------------------------------------------------- what --out holds


def test_bad_input_nothing_is_written_outside_out(mixed):
    assert mixed.outside_after == mixed.outside_before


def test_bad_input_out_holds_only_argmine_files(mixed):
    visible = sorted(p.name for p in mixed.out.iterdir() if not p.name.startswith("."))
    assert visible == sorted(OUTPUT_FILES)


def test_bad_input_out_holds_nothing_that_leads_outside(mixed):
    inside = mixed.out.resolve()
    escaping = [str(p) for p in mixed.out.rglob("*") if not p.resolve().is_relative_to(inside)]
    assert escaping == []


def test_bad_input_symlink_in_out_is_replaced_not_written_through(mixed):
    victim = mixed.out.parent / "victim.txt"
    assert (victim.read_text(), (mixed.out / "links.csv").is_symlink()) == ("not argmine's to write", False)


def test_bad_input_graphml_and_gexf_read_back_with_xml_special_words(mixed):
    concepts = set(mixed.table("concepts")["concept"])
    graphml = nx.read_graphml(mixed.out / "graph.graphml")
    gexf = nx.read_gexf(mixed.out / "graph.gexf")
    labels = [{d["label"] for _, d in g.nodes(data=True) if d.get("kind") == "concept"} for g in (graphml, gexf)]
    special = sorted(c for c in concepts if set(c) & set("<>&\"'"))
    assert (labels, special != []) == ([concepts, concepts], True)


def test_bad_input_graph_edges_survive_both_xml_formats(mixed):
    graphml = nx.read_graphml(mixed.out / "graph.graphml")
    gexf = nx.read_gexf(mixed.out / "graph.gexf")
    causal = len(mixed.table("links"))
    counts = [sum(1 for *_, d in g.edges(data=True) if d.get("kind") == "causal") for g in (graphml, gexf)]
    assert counts == [causal, causal]


# --------------------------------------------------------------------------- nothing readable, unusable arguments


@pytest.fixture
def previous_out(clean, tmp_path) -> Path:
    """An output folder holding the results of an earlier run."""
    out = tmp_path / "out"
    shutil.copytree(clean.out, out, symlinks=True)
    return out


def test_bad_input_nothing_readable_exits_2_and_keeps_earlier_results(tmp_path, previous_out):
    folder = tmp_path / "bad"
    folder.mkdir()
    names = ["empty.txt", "german.txt", "scan.txt"]
    for name in names:
        (folder / name).write_bytes(FILES[name])
    before = contents(previous_out)
    completed = subprocess.run(argmine_command("run", str(folder), "--out", str(previous_out)), cwd=tmp_path,
                               capture_output=True, text=True, timeout=600)
    after = contents(previous_out)
    errors = pd.read_csv(previous_out / "errors.csv", dtype=str, keep_default_na=False)
    del before["errors.csv"], after["errors.csv"]
    assert (completed.returncode, "Traceback" in completed.stderr, after, list(errors["file"])) == (
        2, False, before, [str(folder / name) for name in names])


def test_bad_input_nothing_readable_says_so_on_one_line(tmp_path):
    result = CliRunner().invoke(_app(), ["run", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")])
    assert (result.exit_code, result.stderr.splitlines()) == (2, [
        f"argmine: {tmp_path / 'missing.txt'}: no such file or directory (skipped)",
        f"argmine: error: nothing could be read from {tmp_path / 'missing.txt'} (see {tmp_path / 'out' / 'errors.csv'})",
    ])
    assert (tmp_path / "out" / "errors.csv").is_file()


def test_bad_input_summary_counts_skipped_and_repaired_inputs_apart(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("The long drought caused a famine in the northern province.", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "legacy.txt").write_bytes("The war led to hunger in the towns of the caf\u00e9 owners.".encode("cp1252"))
    result = CliRunner().invoke(_app(), ["run", str(folder), "--out", str(tmp_path / "out"), "--no-png", "--no-report"])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        1, f"argmine: 1 input(s) skipped and 1 repaired (read with a warning), listed in {tmp_path / 'out' / 'errors.csv'}")


def test_bad_input_out_that_is_a_file_exits_2_before_reading(tmp_path):
    out = tmp_path / "out"
    out.write_text("a file, not a folder")
    result = CliRunner().invoke(_app(), ["run", str(CHAPTERS), "--out", str(out)])
    assert (result.exit_code, result.stderr.splitlines(), out.read_text()) == (
        2, [f"argmine: error: --out {out} exists and is not a folder"], "a file, not a folder")


def test_bad_input_unusable_option_exits_2(tmp_path):
    result = CliRunner().invoke(_app(), ["run", str(CHAPTERS), "--out", str(tmp_path / "out"), "--workers", "0"])
    assert (result.exit_code, (tmp_path / "out").exists()) == (2, False)


# --------------------------------------------------------------------------- a run that fails midway


def _one_good_file(tmp_path: Path) -> Path:
    """A folder with one chapter that no earlier run here has processed (nor cached)."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CHAPTERS / "03-wall-street-crash-bank-failures.txt", folder)
    return folder


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _boom(*args, **kwargs):
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize("where", ["argmine.batch.process.extract", "argmine.views.report.write_report"],
                         ids=["while-parsing", "while-writing"])
def test_bad_input_failed_run_leaves_earlier_out_intact(tmp_path, previous_out, monkeypatch, where):
    before, hidden = contents(previous_out), _hidden(previous_out)
    monkeypatch.setattr(where, _boom)
    result = CliRunner().invoke(_app(), ["run", str(_one_good_file(tmp_path)), "--out", str(previous_out),
                                         "--workers", "1", "--no-png"])
    assert (result.exit_code, contents(previous_out), _hidden(previous_out)) == (2, before, hidden)


def test_bad_input_failed_run_says_so_on_one_line_without_traceback(tmp_path, monkeypatch):
    monkeypatch.setattr("argmine.views.report.write_report", _boom)
    result = CliRunner().invoke(_app(), ["run", str(_one_good_file(tmp_path)), "--out", str(tmp_path / "out"),
                                         "--workers", "1", "--no-png", "--quiet"])
    assert result.stderr.splitlines() == [
        "argmine: error: unexpected RuntimeError: disk on fire (run with --debug for the traceback)"]


def test_bad_input_debug_lets_the_traceback_through(tmp_path, monkeypatch):
    monkeypatch.setattr("argmine.views.report.write_report", _boom)
    result = CliRunner().invoke(_app(), ["--debug", "run", str(_one_good_file(tmp_path)), "--out",
                                         str(tmp_path / "out"), "--workers", "1", "--no-png", "--quiet"])
    assert (type(result.exception), str(result.exception)) == (RuntimeError, "disk on fire")


def test_bad_input_interrupted_run_leaves_earlier_out_intact(tmp_path, previous_out, monkeypatch):
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    before = contents(previous_out)
    monkeypatch.setattr("argmine.views.report.write_report", interrupt)
    result = CliRunner().invoke(_app(), ["run", str(_one_good_file(tmp_path)), "--out", str(previous_out),
                                         "--workers", "1", "--no-png", "--quiet"])
    assert (result.exit_code, result.stderr, contents(previous_out)) == (130, "argmine: error: interrupted\n", before)


# --------------------------------------------------------------------------- 50 MB


PARAGRAPH = ("Grain requisitions in the spring of 1930 angered the villages, and the anger spread to the towns. "
             "Local officials blamed the shortages on hoarders, which in turn hardened the policy of the centre.")
FIFTY_MB = 50 * 2**20


@pytest.fixture(scope="module")
def huge(tmp_path_factory):
    """A 50 MB text file of numbered paragraphs, loaded with its peak memory measured."""
    path = tmp_path_factory.mktemp("huge") / "huge.txt"
    count = FIFTY_MB // (len(PARAGRAPH) + 12) + 1
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(f"{number:08d}. {PARAGRAPH}\n\n")
    tracemalloc.start()
    try:
        chapters, problems = read_corpus([path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return path, chapters, problems, peak


@pytest.mark.slow
def test_bad_input_50mb_text_loads_whole(huge):
    path, chapters, problems, _ = huge
    assert (problems, len(chapters), len(chapters[0].text)) == ([], 1, path.stat().st_size - 2)


@pytest.mark.slow
def test_bad_input_50mb_text_loads_in_bounded_memory(huge):
    path, _, _, peak = huge
    assert peak < 3 * path.stat().st_size


@pytest.mark.slow
def test_bad_input_50mb_text_is_cut_into_pieces_spacy_accepts(huge, nlp):
    from argmine.batch.process import split_text

    text = huge[1][0].text
    pieces = split_text(text)
    too_long = [offset for offset, piece in pieces if len(piece) > min(MAX_LENGTH, nlp.max_length)]
    assert (len(pieces) > len(text) // MAX_LENGTH, too_long) == (True, [])


@pytest.mark.slow
def test_bad_input_50mb_text_pieces_tile_the_text_at_paragraph_breaks(huge):
    from argmine.batch.process import split_text

    text = huge[1][0].text
    pieces = split_text(text)
    starts = [offset for offset, _ in pieces]
    ends = [offset + len(piece) for offset, piece in pieces]
    mismatched = [o for o, piece in pieces if text[o:o + len(piece)] != piece]
    off_break = [end for end in ends[:-1] if text[end - 2:end] != "\n\n"]
    assert (starts[0], starts[1:] == ends[:-1], ends[-1], mismatched, off_break) == (0, True, len(text), [], [])


def test_bad_input_long_text_offsets_index_the_whole_text(nlp, monkeypatch):
    """A text cut into one piece per paragraph: each piece's links are the first one's, shifted."""
    from argmine.batch import process
    from argmine.records import Chapter

    paragraph = "The drought caused famine in the north. The famine led to revolts against the governors.\n\n"
    count = 12
    real_split = process.split_text
    monkeypatch.setattr(process, "split_text", lambda text, *args, **kwargs: real_split(text, len(paragraph)))
    links = next(process.process_chapters([Chapter("long", paragraph * count)], nlp)).extraction.links
    shifted = {k: sorted((l.cause_start - k * len(paragraph), l.cause_end - k * len(paragraph),
                          l.effect_start - k * len(paragraph), l.effect_end - k * len(paragraph),
                          l.cause_text, l.effect_text, l.sentence_index - 2 * k)
                         for l in links if l.cause_start // len(paragraph) == k) for k in range(count)}
    first = shifted[0]
    assert (len(first) > 0, [k for k in range(count) if shifted[k] != first], len(links)) == (
        True, [], count * len(first))


def test_bad_input_long_text_offsets_slice_to_the_reported_words(nlp, monkeypatch):
    from argmine.batch import process
    from argmine.records import Chapter

    text = "\n\n".join(f"In {1900 + n} the drought caused famine, and the famine led to revolts in province {n}."
                       for n in range(30))
    real_split = process.split_text
    monkeypatch.setattr(process, "split_text", lambda text, *args, **kwargs: real_split(text, 300))
    links = next(process.process_chapters([Chapter("long", text)], nlp)).extraction.links
    wrong = [l for l in links if text[l.cause_start:l.cause_end] != l.cause_text
             or text[l.effect_start:l.effect_end] != l.effect_text]
    late = [l for l in links if l.cause_start > 300]
    assert (wrong, len(late) > 0) == ([], True)


def test_bad_input_chains_on_a_run_that_read_nothing_points_at_its_errors(tmp_path):
    out = tmp_path / "out"
    CliRunner().invoke(_app(), ["run", str(tmp_path / "missing.txt"), "--out", str(out)])
    result = CliRunner().invoke(_app(), ["chains", str(out)])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, (
        f"argmine: error: {out / 'documents.csv'}: missing: the run that wrote this folder could read no document "
        f"(see {out / 'errors.csv'})"))
