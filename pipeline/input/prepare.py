"""The checks every text passes before analysis: clean-up, publisher-page detection, language."""
from __future__ import annotations

from ..errors import InputError
from .cambridge_core import parse_publisher_page
from .cleanup import _LINE_END_RE, _remove_control_characters
from .language import _UNRECOGNISED_LANGUAGE, _foreign_language

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
