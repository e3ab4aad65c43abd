"""Check that two ``argmine run`` output folders hold the same files, byte for byte.

Usage::

    python -m bench.same_outputs REFERENCE_DIR NEW_DIR

Exit status 0 when both folders hold the same file names (argmine's cache
folder ``.argmine-cache`` and staging folders left aside) with identical
bytes; 1 otherwise, naming the first differing file and, for a text file, the
first differing line (1-based) with both versions of it; 2 on a usage error.

No output file of ``argmine run`` carries a timestamp or a path of the run
(checked by running the shipped corpus twice into two folders: ``diff -r``
finds nothing, ``graph.png`` and the Parquet files included), so the
comparison is exact; ``--ignore REGEX`` masks a pattern in text lines should
that ever change (e.g. ``--ignore 'created="[^"]*"'``).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

__all__ = ["compare", "main"]

#: files and folders of an output folder that are not outputs
SKIPPED = (".argmine-cache",)
TEXT_SUFFIXES = {".csv", ".dot", ".gexf", ".graphml", ".json", ".argdown", ".html", ".txt", ".jsonl"}


def _files(folder: Path) -> dict[str, Path]:
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part in SKIPPED or part.startswith(".argmine-") for part in relative.parts):
            found[relative.as_posix()] = path
    return found


def _first_line_difference(old: bytes, new: bytes, ignore: re.Pattern | None) -> tuple[int, str, str] | None:
    old_lines = old.decode("utf-8", "replace").splitlines()
    new_lines = new.decode("utf-8", "replace").splitlines()
    for number in range(max(len(old_lines), len(new_lines))):
        a = old_lines[number] if number < len(old_lines) else "<end of file>"
        b = new_lines[number] if number < len(new_lines) else "<end of file>"
        if ignore is not None:
            a, b = ignore.sub("", a), ignore.sub("", b)
        if a != b:
            return number + 1, a, b
    return None


def compare(reference: Path, new: Path, ignore: str | None = None) -> list[str]:
    """Differences between two output folders, one message each; empty when they are the same.

    A text file whose lines are equal once ``ignore`` (a regular expression) is
    removed from each counts as the same.
    """
    pattern = re.compile(ignore) if ignore else None
    old_files, new_files = _files(reference), _files(new)
    problems = [f"only in {reference}: {name}" for name in sorted(set(old_files) - set(new_files))]
    problems += [f"only in {new}: {name}" for name in sorted(set(new_files) - set(old_files))]
    for name in sorted(set(old_files) & set(new_files)):
        a, b = old_files[name].read_bytes(), new_files[name].read_bytes()
        if a == b:
            continue
        if Path(name).suffix in TEXT_SUFFIXES:
            found = _first_line_difference(a, b, pattern)
            if found is None:
                continue  # equal up to the ignored pattern
            line, before, after = found
            problems.append(f"{name}: first difference at line {line}\n  - {before[:300]}\n  + {after[:300]}")
        else:
            offset = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            problems.append(f"{name}: binary files differ (first at byte {offset}; sizes {len(a)} and {len(b)})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--ignore", default=None, help="a regular expression removed from text lines before comparing")
    args = parser.parse_args(argv)
    for folder in (args.reference, args.new):
        if not folder.is_dir():
            print(f"same_outputs: {folder} is not a folder", file=sys.stderr)
            return 2
    problems = compare(args.reference, args.new, args.ignore)
    if problems:
        print("\n".join(problems))
        return 1
    print(f"same outputs: {len(_files(args.reference))} files identical in {args.reference} and {args.new}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
