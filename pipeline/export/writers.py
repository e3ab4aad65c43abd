"""Writing outputs into a folder: one writer for ``argmine run`` and :meth:`Result.write`, committed atomically.

:class:`OutputWriter` opens an output folder (under its :class:`OutputLock`),
feeds every slice of records it is given to one sink per file format
(:mod:`argmine.export.sinks`), draws ``graph.png`` and ``report.html`` from the
first :data:`VIEW_LIMIT` documents, and commits all the files at once
(:func:`commit_outputs`): every file is first written into a scratch folder
inside the output folder and moved into place only when all of them are
complete, so a failed or killed run never leaves a half-written table where a
user would read it. :func:`write_outputs` writes a whole
:class:`~argmine.graph.result.Result` as one slice; ``argmine run`` adds its
cache a slice at a time (:func:`argmine.batch.stream.write_streamed`).

About 670 lines in three parts, each a candidate module of an ``export``
package: the output folder (:class:`OutputLock`, :func:`commit_outputs` and
the recovery of a killed commit), the writer (:class:`OutputWriter`,
:func:`write_outputs`) and reading a folder back (:func:`load_result`).
"""

import errno
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from ..errors import ArgmineError
from ..layout import LOCK_NAME, OUTPUT_NAMES, is_output_folder
from .sinks import (DOT_HEADER, TABLES, AifSink, ArgdownSink, CsvSink, DotSink, GexfSink, GraphMLSink, ParquetSink,
                    csv_cell_restore, csv_cell_safe, csv_safe, dot_edge_line, dot_node_line, xml_clean)

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import Future

    import networkx as nx
    import pandas as pd

    from ..graph.result import Result
    from ..extraction.merge import Merge
    from ..records import InputProblem

__all__ = ["write_outputs", "OutputWriter", "load_result", "write_graphml", "write_gexf", "write_dot", "TABLES", "atomic_write_text",
           "csv_safe", "csv_cell_safe", "csv_cell_restore", "OutputLock", "OutputBusyError", "LOCK_NAME",
           "commit_outputs", "finish_interrupted_commit", "is_output_folder", "OUTPUT_NAMES", "VIEW_LIMIT",
           "STAGING_PREFIX", "SLICE_DOCUMENTS", "GRAPH_FILES", "write_views", "write_graph_files", "result_part", "document_columns", "DOT_HEADER", "dot_node_line", "dot_edge_line", "xml_clean"]

#: graph.png and report.html show at most this many documents (the first ones); the tables and graph files hold all.
VIEW_LIMIT = 100
#: Documents a writer is given at a time, by ``argmine run`` and by :func:`write_outputs` alike.
SLICE_DOCUMENTS = 100
#: The graph files of an output folder, in the order :class:`OutputWriter` writes them
#: (:class:`~argmine.export.sinks.GraphMLSink`, :class:`~argmine.export.sinks.GexfSink`, :class:`~argmine.export.sinks.DotSink`).
GRAPH_FILES = ("graph.graphml", "graph.gexf", "graph.dot")

# -- the output folder: one run at a time, all files at once -----------------------------------

_COMMIT_NAME = ".argmine-commit.json"
_HELD_LOCKS: dict[str, int] = {}


class OutputBusyError(ArgmineError):
    """Another process holds the lock of the output folder."""


def _stat_or_none(path):
    try:
        return os.stat(path)
    except OSError:
        return None


class OutputLock:
    """An exclusive lock on an output folder (``fcntl.flock`` on ``OUT/.argmine.lock``), for one run at a time.

    Taking it never waits: when another process holds it,
    :class:`OutputBusyError` says so. The file stays empty. The kernel releases the lock when the holder exits,
    even by SIGKILL, so a killed run never blocks the next. Re-entrant within a
    process (the CLI takes it before reading, the writer again before writing).
    The lock file is hard-linked into the folder that :func:`commit_outputs`
    swaps in, so the holder still holds the lock of ``OUT`` after the swap; a
    process that opened the old file just before the swap finds, once it has
    the lock, that the path now names another file, and tries again.
    """

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self) -> "OutputLock":
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        key = os.path.realpath(self.path)
        if key in _HELD_LOCKS:
            _HELD_LOCKS[key] += 1
            self.key = key
            return self
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0),
                         0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise OutputBusyError(f"another argmine run is writing to {self.folder}; wait for it to finish or "
                                      "choose another --out") from None
            held, current = os.fstat(fd), _stat_or_none(self.path)
            if current is not None and (held.st_dev, held.st_ino) == (current.st_dev, current.st_ino):
                break
            os.close(fd)  # the folder was swapped (commit_outputs) between the open and the lock: lock the new one
        self.fd, self.key = fd, key
        _HELD_LOCKS[key] = 1
        return self

    def __exit__(self, *exc) -> None:
        _HELD_LOCKS[self.key] -= 1
        if _HELD_LOCKS[self.key] == 0:
            del _HELD_LOCKS[self.key]
            if self.fd is not None:
                os.close(self.fd)  # releases the flock
                self.fd = None


#: The files argmine writes into an output folder.
def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _load_exchange():
    """``renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)`` from the C library, or None where it is missing.

    glibc has had ``renameat2`` since 2.28; older ones reach the system call
    through ``syscall`` (316 on x86_64, 276 on aarch64). Other systems get None.
    """
    import ctypes
    import ctypes.util
    import platform

    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:  # pragma: no cover - no C library to load
        return None
    at_fdcwd, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE (linux/fcntl.h, linux/fs.h)
    function = getattr(libc, "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        return lambda a, b: function(at_fdcwd, a, at_fdcwd, b, exchange)
    number = {"x86_64": 316, "aarch64": 276}.get(platform.machine())
    if number is None or not hasattr(libc, "syscall"):  # pragma: no cover
        return None
    return lambda a, b: libc.syscall(ctypes.c_long(number), ctypes.c_int(at_fdcwd), ctypes.c_char_p(a),
                                     ctypes.c_int(at_fdcwd), ctypes.c_char_p(b), ctypes.c_uint(exchange))


#: The atomic exchange of two paths (see :func:`_load_exchange`), or None: then outputs are committed by the journal.
_EXCHANGE = _load_exchange()


def exchange_paths(first: str | os.PathLike, second: str | os.PathLike) -> None:
    """Swap two paths in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``): each then names what the other did.

    Raises :class:`OSError` when the system or the file system cannot
    (``ENOSYS`` where the call is missing, ``EINVAL`` on file systems without
    the flag, ``EXDEV`` across file systems); nothing has changed then.
    """
    import ctypes

    if _EXCHANGE is None:
        raise OSError(errno.ENOSYS, "renameat2 with RENAME_EXCHANGE is not available here")
    if _EXCHANGE(os.fsencode(first), os.fsencode(second)) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


#: Scratch folders inside OUT where a run writes its files before committing them.
STAGING_PREFIX = _STAGING_PREFIX = ".argmine-staging-"
#: Sibling folders of OUT that a swap uses: ``.<OUT's name>.argmine-swap-<random>``.
_SWAP_INFIX = ".argmine-swap-"


def _pause_for_tests(point: str) -> None:
    """Tests only: with ``ARGMINE_PAUSE_AT=<point>:<file>``, create ``file`` and wait there (60 s at most) to be killed."""
    setting = os.environ.get("ARGMINE_PAUSE_AT", "")
    if setting.partition(":")[0] == point:
        import time

        Path(setting.partition(":")[2]).touch()
        time.sleep(60)


def commit_outputs(staging: Path, out: Path, names: list[str], remove: list[str] = ()) -> None:
    """Put the complete files ``names`` of ``staging`` into ``out`` all at once, and delete ``remove``.

    Where Linux's ``renameat2(RENAME_EXCHANGE)`` works (:func:`exchange_paths`),
    the new files are moved into a fresh sibling folder of ``out``
    (``.<name>.argmine-swap-<random>``), every other entry of ``out`` is
    carried in beside them, and the two folders are exchanged in one step:
    a process killed at any point leaves ``out`` wholly old or wholly new.
    Plain files (among them the lock file :data:`LOCK_NAME`, so the lock a
    run holds is the lock of the new folder too) are hard-linked before the
    exchange; folders (the cache ``.argmine-cache``, anything of the user's)
    are moved from the old folder into the new one right after it, and a run
    killed in between has them moved back by the next
    :func:`finish_interrupted_commit`. The old folder is then deleted.

    Where the exchange is missing (other systems, file systems without the
    flag, ``out`` a mount point, a parent folder that cannot be written), the
    fallback is a journal (``OUT/.argmine-commit.json``, written atomically)
    naming the staging folder and the files before the first move, deleted
    after the last: a process killed in between leaves the journal, and the
    next :func:`finish_interrupted_commit` (every ``argmine run``, ``show``
    and ``chains`` calls it first) completes the moves, so readers through
    argmine never see a mix of two runs' files.
    """
    for name in names:  # the data must be on disk before the swap or the journal says it is complete
        with open(staging / name, "rb") as handle:
            os.fsync(handle.fileno())
    if _EXCHANGE is not None and _commit_by_exchange(staging, out, names, remove):
        return
    journal = {"staging": staging.name, "files": list(names), "remove": list(remove)}
    atomic_write_text(out / _COMMIT_NAME, json.dumps(journal))
    _fsync_dir(out)
    _apply_commit(out, journal)


def _commit_by_exchange(staging: Path, out: Path, names: list[str], remove) -> bool:
    """The exchange of :func:`commit_outputs`; False (and ``out`` untouched) where it cannot be done."""
    target = Path(os.path.realpath(out))
    here = os.path.realpath(os.getcwd())
    if here == str(target) or here.startswith(str(target) + os.sep):
        return False  # the exchange would leave this process in the deleted old folder
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}{_SWAP_INFIX}", dir=target.parent))
    except OSError:  # the parent folder cannot be written
        return False
    replaced = set(names) | set(remove) | {_COMMIT_NAME}
    folders: list[str] = []
    try:
        os.chmod(fresh, os.stat(target).st_mode & 0o7777)
        for name in names:
            os.replace(staging / name, fresh / name)
        with os.scandir(target) as entries:
            for entry in entries:
                if entry.name in replaced or entry.name.startswith(_STAGING_PREFIX):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.name)
                else:  # the lock file, and anything of the user's
                    os.link(entry.path, fresh / entry.name, follow_symlinks=False)
        _fsync_dir(fresh)
        _pause_for_tests("exchange")
        exchange_paths(fresh, target)
    except OSError:
        for name in names:  # back where the journal expects them
            if (fresh / name).exists():
                os.replace(fresh / name, staging / name)
        shutil.rmtree(fresh, ignore_errors=True)
        return False
    _fsync_dir(target.parent)
    _pause_for_tests("carry")
    old = fresh  # after the exchange the sibling holds the old folder
    _carry_folders(old, target, folders)
    shutil.rmtree(old, ignore_errors=True)
    return True


def _carry_folders(old: Path, out: Path, names) -> None:
    """Move the folders ``names`` of the old output folder into the new one, where it has none of that name."""
    for name in names:
        if (old / name).is_dir() and not os.path.lexists(out / name) and not name.startswith(_STAGING_PREFIX):
            os.replace(old / name, out / name)


def _apply_commit(out: Path, journal: dict) -> None:
    staging = out / journal["staging"]
    for name in journal["files"]:
        if (staging / name).exists():
            os.replace(staging / name, out / name)
    for name in journal["remove"]:
        (out / name).unlink(missing_ok=True)
    _fsync_dir(out)
    (out / _COMMIT_NAME).unlink(missing_ok=True)


def _swap_siblings(out: Path) -> list[Path]:
    """The sibling folders a swap of ``out`` left behind (see :func:`commit_outputs`)."""
    target = Path(os.path.realpath(out))
    pattern = re.compile(re.escape(f".{target.name}{_SWAP_INFIX}") + "[A-Za-z0-9_]{8}")
    try:
        with os.scandir(target.parent) as entries:
            return [Path(e.path) for e in entries if pattern.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def finish_interrupted_commit(out: str | os.PathLike) -> bool:
    """Complete the commit of a run killed while committing its outputs; True when there was one.

    Call it holding the folder's :class:`OutputLock`. A swap sibling
    (:func:`commit_outputs`) is either the new folder never exchanged (it
    holds only files, and is deleted) or the old folder after the exchange
    (its folders, such as the cache, are moved into ``out`` where ``out``
    has none of that name; then it is deleted). A journal that cannot be
    read (it is written atomically, so only a hand edit makes one) is
    removed, with the staging folder it may name left for the next run to
    clean.
    """
    out = Path(out)
    siblings = _swap_siblings(out)
    for sibling in siblings:
        with os.scandir(sibling) as entries:
            folders = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
        _carry_folders(sibling, out, folders)
        shutil.rmtree(sibling, ignore_errors=True)
    path = out / _COMMIT_NAME
    if not path.is_file():
        return bool(siblings)
    try:
        journal = json.loads(path.read_text(encoding="utf-8"))
        names = journal["files"] + journal["remove"]
        if not (isinstance(journal["staging"], str) and all(isinstance(n, str) for n in names)):
            raise ValueError("not a list of names")
        if any(os.path.basename(n) != n or n in ("", ".", "..") for n in names + [journal["staging"]]):
            raise ValueError("a name that is not a plain file name")
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)
        return bool(siblings)
    _apply_commit(out, journal)
    shutil.rmtree(out / journal["staging"], ignore_errors=True)
    return True


def atomic_write_text(path: Path, text: str) -> None:
    """Write a text file so that readers see the old file or the whole new one."""
    path = Path(path)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False)
    try:
        with handle:
            handle.write(text)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise




# -- one graph as a file: the sinks of the argument graph, given one graph -----------------------------


def _write_graph(sink_type, graph: "nx.Graph", path) -> None:
    """``graph`` through one graph sink, into ``path`` (a path, or a binary file object: UTF-8 bytes)."""
    target = None if hasattr(path, "write") else Path(path)
    with tempfile.TemporaryDirectory(prefix=".argmine-scratch-",
                                     dir=target.parent if target is not None else None) as scratch:
        sink = sink_type(Path(scratch), Path(scratch))
        sink.add_graph(graph)
        sink.close()
        if target is not None:
            os.replace(Path(scratch) / sink.name, target)
        else:
            with open(Path(scratch) / sink.name, "rb") as source:
                shutil.copyfileobj(source, path)


def write_graphml(graph: "nx.Graph", path) -> None:
    """``graph`` as GraphML at ``path`` (or into a binary file object), by :class:`argmine.export.sinks.GraphMLSink` (the writer of ``graph.graphml``)."""
    _write_graph(GraphMLSink, graph, path)


def write_gexf(graph: "nx.Graph", path) -> None:
    """``graph`` as GEXF 1.2 at ``path`` (or into a binary file object), by :class:`argmine.export.sinks.GexfSink` (the writer of ``graph.gexf``)."""
    _write_graph(GexfSink, graph, path)


def write_dot(graph: "nx.Graph", path) -> None:
    """``graph`` as Graphviz DOT at ``path`` (or into a binary file object), by :class:`argmine.export.sinks.DotSink` (the writer of ``graph.dot``)."""
    _write_graph(DotSink, graph, path)


# -- the writer of an output folder -----------------------------------------------------------------------


def _clean_stale_staging(out: Path) -> None:
    """Remove the scratch folders of runs that were killed while writing."""
    for folder in out.glob(STAGING_PREFIX + "*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


class OutputWriter:
    """Every output file of a run, written slice by slice: ``open``, ``add`` each slice, ``close``.

    ``add(part)`` takes a :class:`~argmine.graph.result.Result` holding some
    documents with their (canonical) causal links; slices come in document
    order and a document is in one slice only. Each goes to every sink of
    :mod:`argmine.export.sinks` (CSV and, with ``parquet``, Parquet of the
    documents, claims, links and resolutions tables; GraphML, GEXF and DOT
    of the argument graph; AIF and Argdown), its links numbered after those
    of the slices before. The first ``view_limit`` documents are kept for
    ``graph.png`` (``png``) and ``report.html`` (``report``), drawn at close
    with ``merges`` and ``concept_map``. ``document_columns`` fixes the
    columns of the documents table (default: the first slice's).

    ``close(concepts, problems)`` writes the corpus's concepts table and,
    when some input was skipped, ``errors.csv`` (an old one is removed
    otherwise), then moves every file into ``out`` at once
    (:func:`commit_outputs`) and returns their paths. The folder's
    :class:`OutputLock` is held from ``open`` to ``close``
    (:class:`OutputBusyError` when another process holds it); leaving a
    ``with`` block by an exception discards the files (:meth:`abort`).
    ``counts`` holds the documents, links and claims added.

    Work can be handed to other processes: with ``graph_sinks=False`` the
    writer leaves out ``graph.graphml``, ``graph.gexf`` and ``graph.dot``
    (:data:`GRAPH_FILES`), which the caller writes into :attr:`staging` (as
    :class:`~argmine.export.sinks.GraphMLSink` and the others would) and names
    to ``close(..., graph_files=names)``; with ``draw`` the views are drawn by
    ``draw(view, staging)``, called once the first ``view_limit`` documents
    are in (or at close), which returns a :class:`concurrent.futures.Future`
    of the names it wrote (as :func:`write_views` returns them); ``close``
    waits for it before the commit.
    """

    def __init__(self, out: str | os.PathLike, *, parquet: bool = True, png: bool = True, report: bool = True,
                 view_limit: int = VIEW_LIMIT, document_columns: Sequence[str] | None = None,
                 merges: Sequence["Merge"] = (), concept_map: dict | None = None, graph_sinks: bool = True,
                 draw: Callable[["Result", Path], "Future"] | None = None):
        self.out = Path(out)
        self.parquet, self.png, self.report = parquet, png, report
        self.view_limit = view_limit
        self.document_columns = list(document_columns) if document_columns is not None else None
        self.merges = list(merges)
        self.concept_map = dict(concept_map or {})
        self.counts = {"documents": 0, "links": 0, "claims": 0}
        self.view: list = []
        self.view_links: list = []
        self.graph_sinks = graph_sinks
        self.draw = draw
        self.drawn: "Future | None" = None
        self.lock: OutputLock | None = None
        self.staging: Path | None = None

    def __enter__(self) -> "OutputWriter":
        return self.open()

    def __exit__(self, kind, error, trace) -> None:
        if kind is not None:
            self.abort()

    def open(self) -> "OutputWriter":
        self.out.mkdir(parents=True, exist_ok=True)
        self.lock = OutputLock(self.out)
        self.lock.__enter__()
        try:
            finish_interrupted_commit(self.out)
            _clean_stale_staging(self.out)
            self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out))
            scratch = self.staging / ".scratch"
            scratch.mkdir()
            numbers = {"words", "sentences", "claims", "links"}
            self.tables = []
            for name in TABLES:
                if name == "concepts":
                    continue
                columns = self.document_columns if name == "documents" else None
                self.tables.append(CsvSink(self.staging, name, columns))
                if self.parquet:
                    text = [c for c in (columns or ()) if c not in numbers] if name == "documents" else ()
                    self.tables.append(ParquetSink(self.staging, name, columns, text))
            graphs = [GraphMLSink(self.staging, scratch), GexfSink(self.staging, scratch),
                      DotSink(self.staging, scratch)] if self.graph_sinks else []
            self.files = graphs + [AifSink(self.staging, scratch), ArgdownSink(self.staging, scratch)]
        except BaseException:
            self.abort()
            raise
        return self

    def add(self, part: "Result") -> None:
        """Write one slice of documents (see the class)."""
        offset = self.counts["links"]
        for sink in (*self.tables, *self.files):
            sink.add(part, offset)
        if len(self.view) < self.view_limit and (self.png or self.report):
            room = self.view_limit - len(self.view)
            kept = part.chapters[:room]
            self.view.extend(kept)
            ids = {item.chapter.id for item in kept}
            self.view_links.extend(l for l in part.link_records if l.doc_id in ids)
            if self.draw is not None and len(self.view) >= self.view_limit:
                self.drawn = self.draw(self._view(), self.staging)
        self.counts["documents"] += len(part.chapters)
        self.counts["links"] += len(part.link_records)
        self.counts["claims"] += len(part.claims)

    def _view(self) -> "Result":
        """The documents of graph.png and report.html, with their links."""
        from ..graph.result import Result

        return Result(chapters=self.view, merges=self.merges, link_records=self.view_links,
                      concept_map=self.concept_map)

    def close(self, concepts: "pd.DataFrame", problems: Sequence["InputProblem"] = (),
              graph_files: Sequence[str] = ()) -> list[Path]:
        """Finish every file, write the concepts table (and errors.csv), commit; the paths written.

        ``graph_files``: the graph files written into :attr:`staging` by the caller (``graph_sinks=False``).
        """
        from ..graph.result import Result

        try:
            written = [name for sink in self.tables for name in sink.close()] + list(graph_files)
            written += [name for sink in self.files for name in sink.close()]
            concept_sinks = [CsvSink(self.staging, "concepts")] + (
                [ParquetSink(self.staging, "concepts")] if self.parquet else [])
            for sink in concept_sinks:
                sink.write(concepts)
                written += sink.close()
            if problems:
                errors = CsvSink(self.staging, "errors")
                errors.write(Result(chapters=[], problems=list(problems)).errors)
                written += errors.close()
            if self.png or self.report:
                if self.draw is not None:
                    if self.drawn is None:
                        self.drawn = self.draw(self._view(), self.staging)
                    written += self.drawn.result()
                else:
                    written += write_views(self._view(), self.staging, png=self.png, report=self.report)
            commit_outputs(self.staging, self.out, written, [] if problems else ["errors.csv"])
        finally:
            self.abort()
        return [self.out / name for name in written]

    def abort(self) -> None:
        """Discard the files written so far and release the lock (nothing in ``out`` changes)."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
        if self.lock is not None:
            self.lock.__exit__(None, None, None)
            self.lock = None


def write_views(result: "Result", folder: Path, *, png: bool = True, report: bool = True) -> list[str]:
    """``graph.png`` and ``report.html`` of ``result`` in ``folder``; the names written.

    One bundled concept graph and its layout (:func:`argmine.graph.network.concept_graph`,
    :func:`argmine.graph.network.causal_layout`) serve both: the report embeds the
    picture written to ``graph.png`` instead of drawing it again.
    """
    written = []
    if png:
        from ..views.plots import save_causal_graph_png

        save_causal_graph_png(result, folder / "graph.png")
        written.append("graph.png")
    if report:
        from ..views.report import write_report

        write_report(result, folder / "report.html")
        written.append("report.html")
    return written


def write_graph_files(parts: Iterable["Result"], folder: Path) -> list[str]:
    """``graph.graphml``, ``graph.gexf`` and ``graph.dot`` of the slices ``parts`` (in document order, as
    :meth:`OutputWriter.add` takes them) in ``folder``; the names written (:data:`GRAPH_FILES`).

    The same sinks as :class:`OutputWriter` (so the same bytes), with their
    parts in a scratch folder of their own inside ``folder``, removed after;
    the links of each slice are numbered after those of the slices before.
    Meant for a second process while the writer does the rest
    (``OutputWriter(graph_sinks=False)``); raises :class:`FileNotFoundError`
    when ``folder`` disappears (the writer gave up), so it stops at the next slice.
    """
    folder = Path(folder)
    scratch = Path(tempfile.mkdtemp(prefix=".graph-scratch-", dir=folder))
    try:
        sinks = [GraphMLSink(folder, scratch), GexfSink(folder, scratch), DotSink(folder, scratch)]
        offset = 0
        for part in parts:
            if not folder.is_dir():
                raise FileNotFoundError(errno.ENOENT, "the output's scratch folder is gone", str(folder))
            for sink in sinks:
                sink.add(part, offset)
            offset += len(part.link_records)
        return [name for sink in sinks for name in sink.close()]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def document_columns(chapters) -> list[str]:
    """The columns of the documents table: :data:`argmine.graph.result.DOCUMENT_COLUMNS`, then every other metadata
    key of ``chapters`` (:class:`~argmine.records.ChapterResult`) in the order they first appear."""
    from ..graph.result import DOCUMENT_COLUMNS

    extra: dict[str, None] = {}
    for item in chapters:
        for key in item.chapter.metadata:
            if key not in DOCUMENT_COLUMNS:
                extra.setdefault(key)
    return DOCUMENT_COLUMNS + list(extra)


def result_part(chapters, links, concept_map: dict, concepts_by_name: "pd.DataFrame | None") -> "Result":
    """One slice for :meth:`OutputWriter.add`: documents ``chapters`` with their canonical ``links``, the
    corpus's concepts table (indexed by name) cut to the concepts of these links.

    Only the graph files read the slice's concepts (each concept node's corpus-wide counts): a writer
    without them (``OutputWriter(graph_sinks=False)``) may pass ``concepts_by_name=None``, and the slice
    then has no concepts table of the corpus's (:attr:`Result.concepts` would count its own links)."""
    from ..graph.result import Result

    part = Result(chapters=list(chapters), link_records=list(links), concept_map=concept_map)
    if concepts_by_name is None:
        return part
    names = sorted({l.cause_concept for l in part.link_records} | {l.effect_concept for l in part.link_records})
    part.__dict__["concepts"] = concepts_by_name.loc[names].reset_index(drop=True)
    return part


def write_outputs(result: "Result", out_dir: str | os.PathLike, *, png: bool = True, report: bool = True,
                  parquet: bool = True, view_limit: int = VIEW_LIMIT,
                  slice_documents: int = SLICE_DOCUMENTS) -> list[Path]:
    """Write every output file of ``result`` into ``out_dir`` through an :class:`OutputWriter`.

    The result goes to the writer ``slice_documents`` documents at a time, as
    ``argmine run`` gives it its cache (:func:`argmine.batch.stream.write_streamed`),
    so the files are byte for byte those of ``argmine run`` for the same
    documents: tables (CSV and Parquet), graph files, argument files,
    ``graph.png`` and ``report.html`` of the first ``view_limit`` documents.
    Returns the paths written. ``errors.csv`` is written only when some input
    was skipped (and an old one is removed otherwise). Text cells of the CSV
    files that a spreadsheet would run as formulas are prefixed with ``'``
    (:func:`csv_safe`); Parquet keeps the exact values. Raises
    :class:`OutputBusyError` when another process is writing to ``out_dir``.
    """
    concepts = result.concepts
    concepts_by_name = concepts.set_index("concept", drop=False)
    links_of: dict[str, list] = {}
    for link in result.link_records:
        links_of.setdefault(link.doc_id, []).append(link)
    writer = OutputWriter(out_dir, parquet=parquet, png=png, report=report, view_limit=view_limit,
                          document_columns=document_columns(result.chapters), merges=result.merges,
                          concept_map=result.concept_map)
    starts = range(0, max(len(result.chapters), 1), slice_documents)
    known = {item.chapter.id for item in result.chapters}
    orphans = [link for link in result.link_records if link.doc_id not in known]  # kept, with the last slice
    with writer:
        for start in starts:
            chunk = result.chapters[start:start + slice_documents]
            links = [link for item in chunk for link in links_of.get(item.chapter.id, ())]
            if start == starts[-1]:
                links += orphans
            writer.add(result_part(chunk, links, result.concept_map, concepts_by_name))
        return writer.close(concepts, result.problems)


# -- reading an output folder back ---------------------------------------------------------------------


def load_result(out_dir) -> "Result":
    """A :class:`Result` read back from the tables ``argmine run`` wrote into ``out_dir``.

    Cells that the CSV writer neutralised against spreadsheet formulas
    (:func:`argmine.export.sinks.csv_cell_safe`) are restored exactly; the file
    moves of a run killed while committing its outputs are completed first
    (:func:`finish_interrupted_commit`).
    """
    import pandas as pd

    from ..graph.result import Result
    from ..errors import InputError
    from ..records import CausalLink, Chapter, ChapterResult, ArgumentativeUnit, Extraction

    folder = Path(out_dir)
    if (folder / ".argmine-commit.json").is_file():  # a run was killed while moving its files into place
        try:
            with OutputLock(folder):
                finish_interrupted_commit(folder)
        except (OutputBusyError, OSError):
            pass  # the run that holds the folder completes it
    for name in ("documents.csv", "claims.csv", "links.csv"):
        if not (folder / name).is_file():
            if (folder / "errors.csv").is_file():
                raise InputError(str(folder / name), "missing: the run that wrote this folder could read no document "
                                                     f"(see {folder / 'errors.csv'})")
            raise InputError(str(folder / name), "missing: is this a folder written by `argmine run`?")

    def read(name: str) -> pd.DataFrame:  # cells neutralised against spreadsheet formulas get their exact value back
        frame = pd.read_csv(folder / name, keep_default_na=False, dtype=str)
        return frame.apply(lambda column: column.map(csv_cell_restore)) if len(frame) else frame

    documents, claims, links = read("documents.csv"), read("claims.csv"), read("links.csv")

    def typed(row: dict, record_type: type):
        from dataclasses import fields as dc_fields

        values = {}
        for f in dc_fields(record_type):
            value = row.get(f.name, "")
            kind = str(f.type)
            if kind == "int":
                value = int(value or 0)
            elif kind == "float":
                value = float(value or 0)
            elif kind == "bool":
                value = str(value).lower() == "true"
            values[f.name] = value
        return record_type(**values)

    link_records = [typed(r, CausalLink) for r in links.to_dict("records")]
    claim_records = [typed(r, ArgumentativeUnit) for r in claims.to_dict("records")]
    chapters = []
    for row in documents.to_dict("records"):
        doc_id = row["doc_id"]
        meta = {k: v for k, v in row.items() if k not in ("doc_id", "text", "words", "sentences", "claims", "links") and v}
        extraction = Extraction(
            links=[l for l in link_records if l.doc_id == doc_id],
            claims=[c for c in claim_records if c.doc_id == doc_id],
            sentences=int(row.get("sentences") or 0),
        )
        chapters.append(ChapterResult(Chapter(doc_id, row.get("text", ""), meta, row.get("source", "")), extraction,
                                      int(row.get("words") or 0)))
    return Result(chapters=chapters, link_records=link_records)
