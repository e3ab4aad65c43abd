"""Writing a :class:`~pipeline.analysis.Result` to files, atomically.

Every file is first written into a temporary folder inside the output folder
and moved into place with :func:`os.replace` only when all of them are
complete, so a failed or killed run never leaves a half-written table where a
user would read it.
"""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import networkx as nx

from .errors import ArgmineError

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Result

__all__ = ["write_outputs", "xml_safe_graph", "write_graphml", "write_gexf", "write_dot", "TABLES", "atomic_write_text",
           "csv_safe", "csv_cell_safe", "csv_cell_restore", "OutputLock", "OutputBusyError", "LOCK_NAME",
           "commit_outputs", "finish_interrupted_commit", "is_output_folder", "OUTPUT_NAMES"]

#: table name -> Result attribute
TABLES = {
    "documents": "documents",
    "claims": "claims",
    "links": "links",
    "concepts": "concepts",
    "resolutions": "resolutions",
}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# -- CSV cells a spreadsheet would run as formulas -------------------------------------------

#: A cell a spreadsheet reads as a formula (OWASP "CSV injection"): it starts with = + - @, a tab or a
#: carriage return, possibly after quotes this neutralisation added before.
_FORMULA_CELL = re.compile("'*[=+\\-@\t\r]")
_NEUTRALISED_CELL = re.compile("'+[=+\\-@\t\r]")


def csv_cell_safe(value):
    """A CSV cell a spreadsheet shows as text: a string that starts like a formula gets a leading ``'``.

    Strings that begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return (after any number of ``'``) are prefixed with one ``'`` (the OWASP
    advice for CSV injection); other values are returned as they are. The
    change is undone exactly by :func:`csv_cell_restore`.

    >>> csv_cell_safe("=HYPERLINK(1)"), csv_cell_safe("'=1"), csv_cell_safe("plain"), csv_cell_safe(-1)
    ("'=HYPERLINK(1)", "''=1", 'plain', -1)
    """
    if isinstance(value, str) and _FORMULA_CELL.match(value):
        return "'" + value
    return value


def csv_cell_restore(value):
    """The exact value of a cell :func:`csv_cell_safe` neutralised.

    >>> csv_cell_restore("'=HYPERLINK(1)"), csv_cell_restore("''=1"), csv_cell_restore("'quoted")
    ('=HYPERLINK(1)', "'=1", "'quoted")
    """
    if isinstance(value, str) and _NEUTRALISED_CELL.match(value):
        return value[1:]
    return value


def csv_safe(frame):
    """A copy of a DataFrame for ``to_csv`` whose text cells cannot run as spreadsheet formulas (see
    :func:`csv_cell_safe`); numbers and the frame itself are unchanged. Parquet files keep the exact values."""
    from pandas.api.types import is_numeric_dtype

    columns = [name for name in frame.columns if not is_numeric_dtype(frame[name].dtype)
               and frame[name].map(lambda v: isinstance(v, str) and _FORMULA_CELL.match(v) is not None).any()]
    if not columns:
        return frame
    frame = frame.copy()
    for name in columns:
        frame[name] = frame[name].map(csv_cell_safe)
    return frame


# -- the output folder: one run at a time, all files at once -----------------------------------

#: The lock file of an output folder; its presence also marks a folder as argmine's output.
LOCK_NAME = ".argmine.lock"
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
OUTPUT_NAMES = frozenset({f"{table}.{kind}" for table in TABLES for kind in ("csv", "parquet")} | {
    "errors.csv", "graph.graphml", "graph.gexf", "graph.dot", "graph.png", "report.html", "argument.aif.json",
    "argument.argdown"})


def is_output_folder(path: str | os.PathLike) -> bool:
    """True for a folder argmine writes its outputs into (it holds the lock file or the default cache)."""
    return os.path.isfile(os.path.join(path, LOCK_NAME)) or os.path.isdir(os.path.join(path, ".argmine-cache"))


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
_STAGING_PREFIX = ".argmine-staging-"
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


def _clean(value):
    if isinstance(value, str):
        return _XML_BAD.sub("\ufffd", value)
    return value


def xml_safe_graph(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose strings hold no character XML 1.0 forbids.

    Edge keys become strings: GEXF declares one type for all of them, and the
    graph mixes ``0`` (argument edges) with ``"link3"`` (causal edges).
    """
    safe = graph.__class__()
    safe.graph.update({k: _clean(v) for k, v in graph.graph.items()})
    mapping = {n: _clean(n) for n in graph.nodes}
    for node, data in graph.nodes(data=True):
        safe.add_node(mapping[node], **{k: _clean(v) for k, v in data.items()})
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(keys=True, data=True):
            safe.add_edge(mapping[u], mapping[v], key=_clean(str(key)), **{k: _clean(x) for k, x in data.items()})
    else:
        for u, v, data in graph.edges(data=True):
            safe.add_edge(mapping[u], mapping[v], **{k: _clean(x) for k, x in data.items()})
    return safe


def write_graphml(graph: nx.Graph, path: Path) -> None:
    nx.write_graphml(xml_safe_graph(graph), path)  # key ids d0, d1, …: GraphML needs them unique across node and edge keys


def write_gexf(graph: nx.Graph, path: Path) -> None:
    nx.write_gexf(xml_safe_graph(graph), path)


def _dot_quote(value) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{_XML_BAD.sub("", text)}"'


DOT_HEADER = ("digraph argmine {", "  rankdir=LR;", '  node [shape=box, style="rounded", fontname="Helvetica"];')
_DOT_STYLES = {"support": 'color="darkgreen"', "contrast": 'color="firebrick", style=dashed', "asserts": 'color="grey", style=dotted'}


def dot_node_line(node, data: dict) -> str:
    """The DOT statement of one node (also used by the streaming writer of ``argmine run``)."""
    shape = "ellipse" if data.get("kind") == "claim" else "box"
    return f"  {_dot_quote(node)} [label={_dot_quote(data.get('label', node))}, shape={shape}];"


_DIRECTION_MARKS = {"increase": "(\u2191)", "decrease": "(\u2193)"}


def dot_edge_line(u, v, data: dict) -> str:
    """The DOT statement of one edge."""
    kind = data.get("kind", "")
    style = _DOT_STYLES.get(kind, "")
    if kind == "causal":
        style = 'color="firebrick"' if data.get("polarity") == "negative" else ('color="darkorange", style=dashed' if data.get("hedged") else 'color="black"')
    label = str(data.get("label", ""))
    if kind == "causal" and data.get("direction") in _DIRECTION_MARKS:
        label += " " + _DIRECTION_MARKS[data["direction"]]  # "cut (↓)": what the cause did to the effect
    attrs = ", ".join(x for x in (f"label={_dot_quote(label)}", style) if x)
    return f"  {_dot_quote(u)} -> {_dot_quote(v)} [{attrs}];"


def write_dot(graph: nx.Graph, path: Path) -> None:
    """Graphviz DOT, written by hand (no pydot/pygraphviz needed)."""
    lines = list(DOT_HEADER)
    lines.extend(dot_node_line(node, data) for node, data in graph.nodes(data=True))
    lines.extend(dot_edge_line(u, v, data) for u, v, data in graph.edges(data=True))
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


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


def write_outputs(result: "Result", out_dir: str | os.PathLike, *, png: bool = True, report: bool = True,
                  parquet: bool = True) -> list[Path]:
    """Write tables (CSV and Parquet), graph files, the plot and the report into ``out_dir``.

    Returns the paths written. ``errors.csv`` is written only when some input
    was skipped (and an old one is removed otherwise). Text cells of the CSV
    files that a spreadsheet would run as formulas are prefixed with ``'``
    (:func:`csv_safe`); Parquet keeps the exact values. Raises
    :class:`OutputBusyError` when another process is writing to ``out_dir``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with OutputLock(out):
        finish_interrupted_commit(out)
        return _write_outputs(result, out, png=png, report=report, parquet=parquet)


def _write_outputs(result: "Result", out: Path, *, png: bool, report: bool, parquet: bool) -> list[Path]:
    staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=out))
    written: list[str] = []
    try:
        def stage(name: str, writer: Callable[[Path], None]) -> None:
            writer(staging / name)
            written.append(name)

        for name, attribute in TABLES.items():
            frame = getattr(result, attribute)
            stage(f"{name}.csv", lambda p, f=frame: csv_safe(f).to_csv(p, index=False))
            if parquet:
                stage(f"{name}.parquet", lambda p, f=frame: f.to_parquet(p, index=False))
        if len(result.problems):
            stage("errors.csv", lambda p: csv_safe(result.errors).to_csv(p, index=False))
        graph = result.graph
        stage("graph.graphml", lambda p: write_graphml(graph, p))
        stage("graph.gexf", lambda p: write_gexf(graph, p))
        stage("graph.dot", lambda p: write_dot(graph, p))
        from .argument import write_aif, write_argdown

        stage("argument.aif.json", lambda p: write_aif(result, p))
        stage("argument.argdown", lambda p: write_argdown(result, p))
        if png:
            from .plots import save_causal_graph_png

            stage("graph.png", lambda p: save_causal_graph_png(result, p))
        if report:
            from .report import write_report

            stage("report.html", lambda p: write_report(result, p))
        commit_outputs(staging, out, written, [] if len(result.problems) else ["errors.csv"])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in written]
