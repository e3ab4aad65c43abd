"""The names of what argmine writes into an output folder: tables, graph files, the lock, the cache.

The writers (:mod:`argmine.export`) and the run (:mod:`argmine.batch`) create these files; the
input walk (:mod:`argmine.input.walk`) reads the names to pass over argmine's own output folders.
They live here, below every stage, so that the input stage need not import the writers.
"""
from __future__ import annotations

import os

__all__ = ["TABLE_NAMES", "OUTPUT_NAMES", "LOCK_NAME", "CACHE_DIRNAME", "is_output_folder"]

#: The tables of a run, each written as ``<name>.csv`` and ``<name>.parquet``, in this order.
TABLE_NAMES = ("documents", "claims", "links", "concepts", "resolutions")
#: Every file name a run writes into its output folder.
OUTPUT_NAMES = frozenset({f"{table}.{kind}" for table in TABLE_NAMES for kind in ("csv", "parquet")} | {
    "errors.csv", "graph.graphml", "graph.gexf", "graph.dot", "graph.png", "report.html", "argument.aif.json",
    "argument.argdown"})
#: The lock file of an output folder; its presence also marks a folder as argmine's output.
LOCK_NAME = ".argmine.lock"
#: The default cache folder inside an output folder.
CACHE_DIRNAME = ".argmine-cache"


def is_output_folder(path: str | os.PathLike) -> bool:
    """True for a folder argmine writes its outputs into (it holds the lock file or the default cache)."""
    return os.path.isfile(os.path.join(path, LOCK_NAME)) or os.path.isdir(os.path.join(path, CACHE_DIRNAME))
