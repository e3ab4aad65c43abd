"""The report in a real browser: headless Chromium driven over the DevTools protocol.

Chromium talks the protocol over a pipe (``--remote-debugging-pipe``: it reads
commands from file descriptor 3 and writes replies and events to 4, each
message JSON ended by a NUL byte), so the test needs no websocket client and
no browser download: only a ``chromium`` binary (Debian's, which .ci/run
installs). Without one the tests skip.
"""
from __future__ import annotations

import base64
import fcntl
import io
import json
import os
import queue
import shutil
import subprocess
import threading
import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-pipe", "--window-size=1400,2000"]
WIDTH, HEIGHT = 1400, 2000


class Browser:
    """A headless Chromium and one page, driven over the DevTools pipe."""

    def __init__(self, profile):
        to_child_read, self._write = os.pipe()
        self._read, from_child_write = os.pipe()
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_child_read, from_child_write)]
        for fd in (to_child_read, from_child_write):
            os.close(fd)

        def wire():  # in the child: the pipe ends become fds 3 and 4 (dup2 leaves them inheritable)
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                        preexec_fn=wire, close_fds=False,  # close_fds would close 3 and 4 again
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in high:
            os.close(fd)
        self.events: list[dict] = []
        self._replies: "queue.Queue[dict]" = queue.Queue()
        self._next_id = 0
        threading.Thread(target=self._listen, daemon=True).start()
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=WIDTH, height=HEIGHT,
                  deviceScaleFactor=1, mobile=False)

    def _listen(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                message = json.loads(raw)
                (self._replies.put if "id" in message else self.events.append)(message)

    def call(self, method: str, session: bool = False, timeout: float = 30.0, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._replies.get(timeout=max(deadline - time.monotonic(), 0.01))
            if reply["id"] == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r} raised {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, timeout: float = 30.0) -> None:
        seen = len(self.events)
        self.call("Page.navigate", session=True, url=url)
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events[seen:]):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load in {timeout}s")
            time.sleep(0.05)

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads reported so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(params["exceptionDetails"].get("exception", {}).get("description")
                             or params["exceptionDetails"].get("text"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(" ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"{params['entry'].get('source')}: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        return found

    def screenshot(self, path) -> bytes:
        data = base64.b64decode(self.call("Page.captureScreenshot", session=True, format="png")["data"])
        path.write_bytes(data)
        return data

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except Exception:  # noqa: BLE001 - the browser may already be gone; it is killed below anyway
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write)


@pytest.fixture(scope="module")
def seed_page(seed_result, tmp_path_factory):
    """The seed's report opened in Chromium: (browser, folder with report.html)."""
    if CHROMIUM is None:
        pytest.skip("no chromium binary (apt-get install chromium; .ci/run does)")
    from argmine.views.report import write_report

    folder = tmp_path_factory.mktemp("browser")
    write_report(seed_result, folder / "report.html")
    browser = Browser(folder / "profile")
    try:
        browser.open((folder / "report.html").as_uri())
        browser.evaluate("new Promise(r => setTimeout(r, 300))")  # let the graph draw
        yield browser, folder
    finally:
        browser.close()


def test_browser_report_has_no_console_errors(seed_page):
    browser, _ = seed_page
    assert browser.errors() == []


def test_browser_report_draws_the_interactive_graph(seed_page, seed_result):
    browser, _ = seed_page
    drawn = browser.evaluate(
        "(() => { const n = window.argmineNetworks['argmine-graph'];"
        " const c = document.querySelector('#argmine-graph canvas').getBoundingClientRect();"
        " return [n.body.data.nodes.length, n.body.data.edges.length, c.width > 600 && c.height > 250]; })()")
    from argmine.views import plots

    # the concepts and their arrows, with one bundle node per summary phrase ("all of these factors")
    graph = plots.bundled_graph(seed_result)
    bundles = [n for n in graph.nodes if n.startswith(plots.BUNDLE_MARK)]
    assert (drawn, len(bundles)) == ([graph.number_of_nodes(), graph.number_of_edges(), True], 2)


def test_browser_hovering_an_edge_shows_its_sentence(seed_page):
    browser, _ = seed_page
    point = browser.evaluate(
        "(() => { const n = window.argmineNetworks['argmine-graph'];"
        " document.getElementById('argmine-graph').scrollIntoView();"
        " const e = n.body.data.edges.get().find(e => e.smooth && e.smooth.enabled === false && e.links === 1);"
        " const p = n.getPositions([e.from, e.to]);"
        " const d = n.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});"
        " const r = document.querySelector('#argmine-graph canvas').getBoundingClientRect();"
        " return {x: r.left + d.x, y: r.top + d.y, from: e.from, to: e.to}; })()")
    for step in (-6, -3, 0):  # a short approach, as a hand would make
        browser.call("Input.dispatchMouseEvent", session=True, type="mouseMoved", x=point["x"] + step, y=point["y"])
    tooltip = browser.evaluate(
        "new Promise(r => setTimeout(() => { const t = document.querySelector('div.vis-tooltip');"
        " r(t && getComputedStyle(t).visibility === 'visible' ? t.innerText : null); }, 400))")
    assert (tooltip or "").splitlines()[0] == f"{point['from']} → {point['to']}"
    assert "stakhanovite-movement.cambridge-core, sentence" in tooltip


def test_browser_evidence_is_highlighted_and_visible(seed_page):
    browser, folder = seed_page
    styles = browser.evaluate(
        "(() => { const out = {};"
        " for (const kind of ['cause', 'effect', 'cue']) {"
        "   const el = document.querySelector('.sentence .' + kind); el.scrollIntoView({block: 'center'});"
        "   const r = el.getBoundingClientRect(); const s = getComputedStyle(el);"
        "   const top = document.elementFromPoint(r.left + 2, r.top + r.height / 2);"
        "   out[kind] = [r.width > 5 && r.height > 5, el.contains(top) || top.contains(el),"
        "                kind === 'cue' ? s.color : s.backgroundColor]; }"
        " window.scrollTo(0, 0); return out; })()")
    assert styles == {"cause": [True, True, "rgb(219, 232, 251)"], "effect": [True, True, "rgb(253, 228, 200)"],
                      "cue": [True, True, "rgb(178, 24, 43)"]}


def test_browser_screenshot_shows_highlights(seed_page):
    from PIL import Image

    browser, folder = seed_page
    browser.evaluate("(() => { document.querySelector('.doc').scrollIntoView(); return true; })()")
    png = browser.screenshot(folder / "report.png")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
    counts = dict((colour, n) for n, colour in image.getcolors(maxcolors=1 << 20))
    cause, effect = (219, 232, 251), (253, 228, 200)
    assert (image.size, cause in colours and counts[cause] > 500, effect in colours and counts[effect] > 500) == \
        ((WIDTH, HEIGHT), True, True)
