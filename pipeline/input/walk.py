"""Walking input folders: which entries are inputs, loops and depth limits, argmine's own output folders skipped."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Iterator

from ..layout import OUTPUT_NAMES, is_output_folder
from ..records import InputProblem
from .items import ProblemHandler, logger

#: Files a folder walk passes over: a corpus folder's own documentation, not chapters.
_NOT_A_CHAPTER_RE = re.compile(r"^(readme|licen[cs]e|copying|changelog|changes|contributing|notice|authors)(\.[a-z]+)?$", re.IGNORECASE)


@dataclass
class _WalkState:
    """Directories already read in this batch, by (device, inode)."""

    visited: dict[tuple[int, int], str] = field(default_factory=dict)


def _expand(path: str, walk: _WalkState, on_problem: ProblemHandler) -> Iterator[tuple[str, bool]]:
    """Yield (file path, named explicitly?) for a given path."""
    if not os.path.lexists(path):
        on_problem(InputProblem(path, "no such file or directory"))
        return
    if not os.path.exists(path):
        on_problem(InputProblem(path, "broken symbolic link"))
        return
    if os.path.isdir(path):
        yield from ((file, False) for file in _walk(path, (), walk, on_problem))
    else:
        yield path, True


def _walk(
    directory: str,
    ancestors: tuple[tuple[int, int], ...],
    walk: _WalkState,
    on_problem: ProblemHandler,
) -> Iterator[str]:
    """Files under a directory, depth first in name order, never in circles.

    The walk keeps its own stack (no recursion), so a folder nested thousands
    of levels deep is walked like any other. argmine's own output folders
    (see :func:`argmine.layout.is_output_folder`) below ``directory`` are
    passed over: they hold argmine's outputs, not chapters; when
    ``directory`` itself is one (``--out`` equal to the input folder), the
    files argmine writes there are passed over.
    """

    stack: list[tuple[str, tuple[tuple[int, int], ...], Iterator[str]]] = []
    entered = _enter_directory(directory, ancestors, walk, on_problem)
    if entered is None:
        return
    names = entered[1]
    if is_output_folder(directory):
        names = [name for name in names if name not in OUTPUT_NAMES]
    stack.append((directory, ancestors + (entered[0],), iter(names)))
    while stack:
        folder, chain, names = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        if name.startswith(".") or _NOT_A_CHAPTER_RE.match(name):
            continue
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            if is_output_folder(path):
                logger.debug("%s is an argmine output folder: not read", path)
                continue
            entered = _enter_directory(path, chain, walk, on_problem)
            if entered is not None:
                stack.append((path, chain + (entered[0],), iter(entered[1])))
        elif os.path.isfile(path):
            yield path
        elif os.path.islink(path) and not os.path.exists(path):
            on_problem(InputProblem(path, "broken symbolic link"))
        else:
            on_problem(InputProblem(path, "not a regular file"))


def _enter_directory(
    directory: str, ancestors: tuple[tuple[int, int], ...], walk: _WalkState, on_problem: ProblemHandler
) -> tuple[tuple[int, int], list[str]] | None:
    """The (device, inode) and sorted entry names of a directory not yet read, or None (reported)."""
    try:
        info = os.stat(directory)
    except OSError as err:
        on_problem(InputProblem(directory, f"cannot read the directory ({err.strerror or err})"))
        return None
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        target = walk.visited.get(key, os.path.realpath(directory))
        on_problem(InputProblem(directory, f"symlink loop (points back to {target})", "not followed"))
        return None
    if key in walk.visited:
        on_problem(
            InputProblem(directory, f"directory already read as {walk.visited[key]}", "not followed")
        )
        return None
    walk.visited[key] = directory
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries)
    except PermissionError:
        on_problem(InputProblem(directory, "permission denied"))
        return None
    except OSError as err:
        on_problem(InputProblem(directory, f"cannot read the directory ({err.strerror or err})"))
        return None
    return key, names
