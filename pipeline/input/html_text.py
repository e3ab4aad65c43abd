"""The visible text of an HTML page, with :mod:`html.parser` (nothing is executed, scripts and styles are dropped)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .cleanup import _LINE_END_RE

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
