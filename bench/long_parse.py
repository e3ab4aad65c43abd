"""Bare spaCy parse time of one long text, cut and batched as argmine cuts it (for docs/PERFORMANCE.md "Long documents").

Run from the repository root::

    python -m bench.long_parse FILE.txt [--batch-size 16]
    python -m bench.long_parse FILE.txt --make 1000000   # first write the ~1 MB book used in docs/PERFORMANCE.md

Loads exactly the spaCy components argmine loads (``argmine.nlp.model.make_nlp(components=())``,
as ``bench.benchmark`` builds its bare pipeline), cuts the text into the pieces argmine
parses (``argmine.batch.process.split_text``) and gives ``nlp.pipe`` the same bounded batches
(``argmine.batch.process._bounded_batches``), in a fresh subprocess. Prints one JSON object:
wall seconds, CPU seconds (user + system), peak RSS in MB of the process, the pieces and
tokens parsed. Nothing is written.
"""
from __future__ import annotations

import argparse
import json
import sys

from bench.benchmark import _timed

_SCRIPT = """
import json, sys
from argmine.nlp.model import limit_blas_threads, make_nlp
from argmine.batch.process import _bounded_batches, split_text
limit_blas_threads()  # as argmine's batch runs do
nlp = make_nlp(components=())
text = open(sys.argv[1], encoding="utf-8").read()
pieces = [(piece, None) for _, piece in split_text(text)]
tokens = 0
for group in _bounded_batches(pieces, int(sys.argv[2])):
    for doc, _ in nlp.pipe(group, as_tuples=True, batch_size=len(group)):
        tokens += len(doc)
print(json.dumps({"components": nlp.pipe_names, "pieces": len(pieces), "tokens": tokens, "characters": len(text)}))
"""


def make_book(characters: int) -> str:
    """A long text of about ``characters`` characters (at most that many; ValueError below 1).

    The benchmark documents of ``bench.benchmark.make_documents(400, seed=3)``
    joined with blank lines, repeated, and cut after the last whole document
    that fits: the "1 MB book" of docs/PERFORMANCE.md is ``make_book(1_000_000)``.
    """
    from bench.benchmark import make_documents

    if characters < 1:
        raise ValueError(f"characters must be at least 1, got {characters}")
    texts = [document["text"] for document in make_documents(400, seed=3)]
    parts: list[str] = []
    size = 0
    while True:
        for text in texts:
            added = len(text) + (2 if parts else 0)
            if size + added > characters:
                return "\n\n".join(parts) if parts else texts[0][:characters]
            parts.append(text)
            size += added


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--make", type=int, default=None, metavar="CHARS",
                        help="first write make_book(CHARS) to PATH (UTF-8), then time its parse")
    args = parser.parse_args(argv)
    if args.make is not None:
        with open(args.path, "w", encoding="utf-8") as handle:
            handle.write(make_book(args.make))
    wall, peak, cpu = _timed([sys.executable, "-c", _SCRIPT, args.path, str(args.batch_size)])
    report = {"wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1), "peak_rss_mb": round(peak)}
    print(json.dumps(report))
    return report


if __name__ == "__main__":
    main()
