"""Security (issue 6): input shows up as text, never as code; argmine writes only into --out.

One `argmine run` (typer's CliRunner, in this process) reads a folder of
hostile inputs: a text and JSONL metadata carrying script tags and event
handlers, ids and file names that try to climb out of ``--out``, strings that
a careless program would evaluate or format, and an HTML page that points at
a local server and declares an external entity. The tests then read what the
run wrote. ``report.html`` is checked twice: parsed with :mod:`html.parser`
(every payload is text; no element, attribute or script came from the input)
and, when chromium is installed, rendered by a real browser, which must run
none of the payloads and fetch nothing.
"""
from __future__ import annotations

import ast
import html
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import argmine

pytestmark = pytest.mark.model

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "</script><script>alert(1)</script>",
    '<b onmouseover="alert(1)">strikes</b>',
    "<iframe src=javascript:alert(1)></iframe>",
]
# Payloads a browser test can see running: they log a marker that never appears in the page as written.
LOGGED = [
    '<script>console.log("argmine-" + "xss")</script>',
    '<img src=x onerror=\'console.log("argmine-" + "xss")\'>',
    '</script><script>console.log("argmine-" + "xss")</script>',
]
XSS_TEXT = (
    "The {0} decree caused riots in the capital. The {1} famine led to unrest among the peasants. "
    "Hunger provoked {5} in the ports, and the strikes weakened the regime. The {3} campaign resulted in "
    "mass arrests. The {4} reforms caused a crisis of {2} credit. The {6} blockade led to shortages. "
    "The {7} purge caused fear in the factories, and the fear led to {8} denunciations. The {9} quotas "
    "provoked resentment among older workers."
).format(*XSS, *LOGGED)
XSS_METADATA = {"title": "</title><script>alert(1)</script>", "book_title": "<img src=x onerror=alert(1)>",
                "publisher": '" onmouseover="alert(1)'}
# Ids that try to leave --out or to clash with argmine's own files.
CLIMBING_IDS = ["../../pwned-id", "/tmp/argmine-pwned-abs", "..", "....//....//pwned-dots", "%2e%2e%2fpwned-url",
                "C:\\Windows\\pwned-win", "report.html", "errors.csv", "../out/links.csv", "\u0000pwned-nul",
                "a" * 300, ".argmine-cache", "~/pwned-home"]
CLIMBING_NAMES = ["$(touch PWNED).txt", "`touch PWNED`.txt", "; touch PWNED.txt", "x\\..\\..\\pwned-name.txt"]
# Strings a program that evaluated, formatted or templated its input would change or run.
EVALUATED = ("The {{7*7}} decree of ${7*7} and {0.__class__} and %(x)s caused $(touch PWNED) riots, which led to "
             "`touch PWNED` strikes and __import__('os').system('touch PWNED') protests. The =1+1 levy led to "
             "@SUM(1+1) debts.")


def numbered(n: int) -> str:
    return f"Reform number {n} caused unrest in the province, and the unrest led to arrests."


class _Server:
    """A TCP server on localhost that counts connections (nothing should connect)."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.hits += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


def fetching_page(port: int) -> str:
    url = f"http://127.0.0.1:{port}"
    return f"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html><head><link rel="stylesheet" href="{url}/style.css"><script src="{url}/script.js"></script>
<meta http-equiv="refresh" content="0; url={url}/refresh"><style>@import url("{url}/import.css");</style></head>
<body background="{url}/background.png"><p>The drought &xxe; caused famine in the north, and the famine led to
migration. <img src="{url}/image.png"></p><iframe src="{url}/frame"></iframe>
<object data="{url}/object"></object><video src="{url}/video" autoplay></video></body></html>"""


@dataclass
class Run:
    root: Path
    folder: Path
    out: Path
    exit_code: int
    stderr: str
    server: "_Server"
    server_hits: int
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_csv(self.out / f"{name}.csv", dtype=str, keep_default_na=False)


def _tree(root: Path, skip: Path) -> dict[str, tuple]:
    entries = {}
    for directory, names, files in os.walk(root):
        names[:] = [n for n in names if Path(directory) / n != skip]
        for name in names + files:
            path = Path(directory) / name
            info = path.lstat()
            entries[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return entries


@pytest.fixture(scope="module")
def server():
    listening = _Server()
    yield listening
    listening.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, server) -> Run:
    import json

    from argmine.cli import app

    root = tmp_path_factory.mktemp("hostile")
    folder, out = root / "in", root / "deep" / "out"
    folder.mkdir()
    out.mkdir(parents=True)
    (root / "victim.html").write_text("not argmine's to write")
    os.symlink(root / "victim.html", out / "report.html")
    (folder / "xss.txt").write_text(XSS_TEXT, encoding="utf-8")
    (folder / "fetching.html").write_text(fetching_page(server.port), encoding="utf-8")
    for n, name in enumerate(CLIMBING_NAMES):
        (folder / name).write_text(numbered(100 + n), encoding="utf-8")
    records = [{"id": "xss-metadata", "text": numbered(0), **XSS_METADATA},
               {"id": "evaluated", "text": EVALUATED, "note": "{{7*7}} ${7*7} {0.__class__}"}]
    records += [{"id": raw, "text": numbered(n)} for n, raw in enumerate(CLIMBING_IDS, start=1)]
    (folder / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    before = _tree(root, skip=out)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--workers", "1", "--no-png"])
    after = _tree(root, skip=out)
    return Run(root, folder, out, result.exit_code, result.stderr, server, server.hits, before, after)


# --------------------------------------------------------------------------- the report, parsed


class _Page(HTMLParser):
    """Elements, attributes, script bodies and visible text of a page (and of any iframe srcdoc in it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag in ("script", "style"):
            self._in.append(tag)
            if tag == "script":
                self.scripts.append("")
        if tag == "iframe" and attributes.get("srcdoc"):
            inner = _Page()
            inner.feed(attributes["srcdoc"])
            self.elements += [(t, {**a, "in-frame": attributes.get("sandbox")}) for t, a in inner.elements]
            self.scripts += inner.scripts
            self.text += inner.text

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "script":
            self.scripts[-1] += data
        elif not self._in:
            self.text.append(data)


@pytest.fixture(scope="module")
def page(hostile) -> _Page:
    parsed = _Page()
    parsed.feed((hostile.out / "report.html").read_text(encoding="utf-8"))
    parsed.close()
    return parsed


_STRING_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')


@pytest.mark.parametrize("payload", XSS + LOGGED + list(XSS_METADATA.values()))
def test_security_report_shows_payload_as_text(page, payload):
    assert payload in "".join(page.text)


def test_security_report_has_no_event_handler_attribute(page):
    handlers = [(tag, name) for tag, attributes in page.elements for name in attributes if name.startswith("on")]
    assert handlers == []


def test_security_report_has_no_javascript_url(page):
    urls = [(tag, name) for tag, attributes in page.elements for name, value in attributes.items()
            if name in ("href", "src", "action", "formaction", "data") and (value or "").strip().lower()
            .startswith("javascript:")]
    assert urls == []


def test_security_report_has_no_element_made_by_input(page):
    # argmine's own pictures: one <svg class="argmine-svg"> per document graph (argmine.views.interactive.graph_svg)
    own = [attributes for tag, attributes in page.elements if tag == "svg" and attributes.get("class") == "argmine-svg"
           and set(attributes) == {"xmlns", "class", "role", "aria-label", "viewbox", "width", "height",
                                   "font-family", "font-size"}]
    made = [(tag, attributes) for tag, attributes in page.elements
            if tag in ("svg", "iframe", "object", "embed", "video", "audio") and not attributes.get("srcdoc")
            and attributes not in own
            or tag == "img" and not (attributes.get("src") or "").startswith("data:image/png;base64,")
            or tag in ("foreignobject", "use", "image", "animate", "set")]
    assert (made, len(own) > 0) == ([], True)


def test_security_report_scripts_hold_no_input_code(page):
    running = [script[:80] for script in page.scripts
               if "alert(1)" in _STRING_LITERAL.sub('""', script) or "argmine-" in _STRING_LITERAL.sub('""', script)]
    assert running == []


def test_security_report_scripts_load_nothing(page):
    loaded = [attributes for tag, attributes in page.elements if tag in ("script", "link", "img", "iframe")
              and re.match(r"\s*(https?:)?//", (attributes.get("src") or attributes.get("href") or ""))]
    assert loaded == []


def test_security_report_frames_are_sandboxed_without_same_origin(page):
    frames = [attributes.get("sandbox") for tag, attributes in page.elements if tag == "iframe"]
    assert [s for s in frames if s is None or "allow-same-origin" in s] == []


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _render(path: Path) -> str:
    """Chromium's log (console messages included) after loading ``path`` headless."""
    with tempfile.TemporaryDirectory() as profile:
        completed = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=4000",
             "--dump-dom", path.as_uri()],
            capture_output=True, text=True, timeout=120)
    return completed.stderr


@pytest.mark.browser
def test_security_browser_runs_no_payload_and_fetches_nothing(hostile, tmp_path):
    """The report (whose text names the local server) is loaded; a control page shows that logging is seen."""
    if _chromium() is None:
        pytest.skip("chromium is not installed")
    control = tmp_path / "control.html"
    control.write_text('<script>console.log("argmine-" + "control")</script>')
    hits = hostile.server.hits
    seen = (_render(control), _render(hostile.out / "report.html"))
    assert ('"argmine-control"' in seen[0], '"argmine-xss"' in seen[1], hostile.server.hits - hits) == (True, False, 0)


# --------------------------------------------------------------------------- nothing outside --out


def test_security_run_succeeds_on_hostile_input(hostile):
    assert (hostile.exit_code, "Traceback" in hostile.stderr) == (0, False)


def test_security_nothing_is_written_outside_out(hostile):
    # The outputs are swapped in from a sibling folder of OUT (argmine.export.writers.commit_outputs), created and removed
    # within the run: only the modification time of OUT's parent may change; no entry is added, removed or changed.
    parent = str(hostile.out.parent.relative_to(hostile.root))

    def without_parent_mtime(tree: dict) -> dict:
        return {name: (entry[:2] if name == parent else entry) for name, entry in tree.items()}

    assert without_parent_mtime(hostile.after) == without_parent_mtime(hostile.before)


@pytest.mark.parametrize("where", ["/tmp/argmine-pwned-abs", "~/pwned-home"])
def test_security_absolute_and_home_ids_write_nowhere(hostile, where):
    assert os.path.lexists(os.path.expanduser(where)) is False


def test_security_out_holds_no_file_named_by_input(hostile):
    names = [str(p.relative_to(hostile.out)) for p in hostile.out.rglob("*")]
    assert [n for n in names if re.search(r"pwned|PWNED|xss|touch|evaluated", n)] == []


def test_security_output_symlink_is_replaced_not_followed(hostile):
    victim = hostile.root / "victim.html"
    assert (victim.read_text(), (hostile.out / "report.html").is_symlink()) == ("not argmine's to write", False)


def test_security_ids_are_safe_file_name_parts(hostile):
    unsafe = [i for i in hostile.table("documents")["doc_id"]
              if not re.fullmatch(r"\w[\w.-]{0,99}", i) or i.endswith((".", "-", "_"))]
    assert unsafe == []


def test_security_changed_ids_keep_their_original_in_metadata(hostile):
    from argmine.input import make_safe_id

    documents = hostile.table("documents")
    wanted = CLIMBING_IDS + [Path(n).stem for n in CLIMBING_NAMES]
    changed = sorted(raw for raw in wanted if make_safe_id(raw) != raw)
    assert sorted(o for o in documents["original_id"] if o) == changed


# --------------------------------------------------------------------------- nothing evaluated


def test_security_evaluable_text_is_kept_verbatim(hostile):
    documents = hostile.table("documents").set_index("doc_id")
    assert (documents.loc["evaluated", "text"], documents.loc["evaluated", "note"]) == (
        EVALUATED, "{{7*7}} ${7*7} {0.__class__}")


def test_security_shell_file_names_run_nothing(hostile):
    assert sorted(str(p.relative_to(hostile.root)) for p in hostile.root.rglob("PWNED*")) == []


def test_security_html_input_fetches_nothing(hostile):
    assert hostile.server_hits == 0


def test_security_html_input_expands_no_external_entity(hostile):
    text = hostile.table("documents").set_index("doc_id").loc["fetching", "text"]
    assert ("The drought &xxe; caused famine" in text, "root:" in text) == (True, False)


# Calls that would run or deserialise code. Nothing may use pickle: the run cache holds JSON records
# checked field by field (pipeline/batch/runner.py), so a planted cache folder cannot run code.
_EVALUATING_NAMES = {"eval", "exec", "compile", "breakpoint", "execfile"}
_EVALUATING_ATTRIBUTES = {("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execvp"), ("os", "spawnv"),
                          ("yaml", "load"), ("yaml", "unsafe_load"), ("marshal", "loads"), ("marshal", "load"),
                          ("shelve", "open"), ("pd", "eval"), ("pandas", "eval"), ("pickle", "loads"),
                          ("pickle", "load"), ("dill", "loads"), ("cloudpickle", "loads")}
_EVALUATING_MODULES = {"subprocess", "pickle", "marshal", "shelve", "yaml", "dill", "cloudpickle", "code", "pty"}
_PICKLE_ALLOWED: set[str] = set()


def _evaluating_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    allowed = {"pickle"} if path.name in _PICKLE_ALLOWED else set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"import {n}" for n in names if n.split(".")[0] in _EVALUATING_MODULES - allowed]
        elif isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name) and function.id in _EVALUATING_NAMES:
                found.append(f"{function.id}()")
            elif isinstance(function, ast.Name) and function.id == "__import__" and not (
                    node.args and isinstance(node.args[0], ast.Constant)):
                found.append("__import__(variable)")
            elif isinstance(function, ast.Attribute):
                owner = function.value.id if isinstance(function.value, ast.Name) else ""
                if (owner, function.attr) in _EVALUATING_ATTRIBUTES and owner not in allowed:
                    found.append(f"{owner}.{function.attr}()")
                elif function.attr in ("query", "eval") and owner not in ("re",):
                    found.append(f".{function.attr}()")
    return [f"{path.name}: {call}" for call in found]


def test_security_package_evaluates_nothing():
    package = Path(argmine.__file__).parent
    assert [c for path in sorted(package.rglob("*.py")) for c in _evaluating_calls(path)] == []
