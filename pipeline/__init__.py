"""argmine: the claims and causal links of historical scholarship, as data.

>>> from argmine import analyze
>>> result = analyze("The drought led to widespread hunger.")
>>> result.links[["cause_concept", "effect_concept", "cue"]].values.tolist()
[['drought', 'hunger', 'led to']]
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

if __name__ != "argmine":  # pragma: no cover - the folder is pipeline/, the package is argmine
    raise ImportError(f"argmine's package is imported as 'argmine', not {__name__!r}: pyproject.toml maps the "
                      "folder pipeline/ to it; run 'pip install -e .' and use 'import argmine'")

from .errors import ArgmineError, InputError

if TYPE_CHECKING:  # pragma: no cover
    from .graph.result import Chain, Result
    from .batch.stream import RunReport, run

__all__ = ["analyze", "analyze_corpus", "run", "RunReport", "Result", "Chain", "ArgmineError", "InputError", "__version__"]

__version__ = "0.1.0"

_PATH_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".jsonl")


def __getattr__(name: str):
    """``Result``, ``Chain`` and ``run`` are imported when first used, so that ``import argmine`` (and
    ``argmine --help``) does not load pandas, networkx or spaCy."""
    if name in ("Result", "Chain"):
        from .graph import result as analysis

        return getattr(analysis, name)
    if name in ("run", "RunReport"):
        from .batch import stream

        return getattr(stream, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    return os.path.exists(value) or value.lower().endswith(_PATH_SUFFIXES) or value.endswith(("/", os.sep))


def analyze(text_or_path: str | os.PathLike, *, doc_id: str | None = None, n_process: int = 1) -> Result:
    """Analyse one document: a path to a file (any supported format) or a text.

    A path that does not exist raises :class:`InputError`; a file that cannot
    be used raises it too, with the reason. Text given directly goes through
    the same publisher-page detection as a file.
    """
    from .input import chapter_from_text, read_corpus
    from .batch.process import process_chapters

    if isinstance(text_or_path, Path) or _looks_like_path(str(text_or_path)):
        path = str(text_or_path)
        chapters, problems = read_corpus([path])
        if not chapters:
            reason = problems[0].reason if problems else "no document could be read"
            raise InputError(path, reason)
    else:
        chapters = [chapter_from_text(str(text_or_path), doc_id=doc_id or "text")]
        problems = []
    from .graph.result import build_result

    return build_result(process_chapters(chapters, n_process=n_process), problems)


def analyze_corpus(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, n_process: int = 1) -> Result:
    """Analyse many documents: files and folders. Unusable inputs are listed in ``result.errors``.

    When nothing at all could be read, a ``UserWarning`` names the first
    problems and the (empty) result is still returned.
    """
    from .input import read_corpus
    from .batch.process import process_chapters

    import warnings

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    chapters, problems = read_corpus([str(p) for p in paths])
    if not chapters:  # as analyze() raises for a missing path, say so rather than return an empty result silently
        reasons = "; ".join(f"{p.file}: {p.reason}" for p in problems[:3]) or "no supported files found"
        warnings.warn(f"analyze_corpus: nothing could be read ({reasons}); the result is empty", UserWarning,
                      stacklevel=2)
    from .graph.result import build_result

    return build_result(process_chapters(chapters, n_process=n_process), problems)
