"""Text clean-up shared by every format: line ends, control characters, lone surrogates, printable messages."""
from __future__ import annotations

import re
from collections import Counter



__all__ = ["scrub_text"]

# Text clean-up. Applied after \r\n / \r have become \n.
_LINE_END_RE = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_CONTROL_CHAR_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
# Characters a one-line message must not hold as they are (they are shown escaped).
_UNPRINTABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
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


def _remove_control_characters(text: str) -> tuple[str, Counter[str]]:
    if _CONTROL_CHAR_RE.search(text) is None:
        return text, Counter()
    removed = Counter(_CONTROL_CHAR_RE.findall(text))
    return _CONTROL_CHAR_RE.sub("", text), removed


def _printable(text: str) -> str:
    """``text`` with line breaks and control characters escaped, for a one-line reason.

    >>> _printable("a\\nb\\x1b")
    'a\\\\nb\\\\x1b'
    """
    return _UNPRINTABLE_RE.sub(lambda match: repr(match.group())[1:-1], text)
