"""Batch runs at scale: a cache of processed documents, parallel and resumable runs, Dask.

A run (:func:`run_corpus`) goes in three steps:

1. read the corpus to give every chapter its **key**: a SHA-256 of the
   chapter (id, text and metadata, not where it was read from) and of the pipeline's
   :func:`fingerprint` (argmine's version and code, the rule files, the
   spaCy model and version);
2. read it again, and parse and extract every chapter whose key is not yet
   in the :class:`RunCache`, in tasks of a few documents, on an engine:
   :class:`LocalEngine` (this process, or ``workers`` processes each loading
   the pipeline once) or :class:`DaskEngine` (a Dask distributed cluster);
   each finished task is committed to the cache at once;
3. hand the keys, in input order, to :func:`argmine.batch.stream.write_streamed`,
   which assembles the output files from the cache with bounded memory
   (``on_stored`` and ``on_cached`` hand it each record's concept names as
   the record is stored or checked, so the writer decodes each record once).

The cache is an SQLite database (``documents.sqlite``) in a folder, by
default ``OUT/.argmine-cache``. SQLite commits are atomic, so a run killed at
any moment leaves every finished task in the cache and nothing half-written:
running it again skips what is done and ends with the same outputs as an
uninterrupted run. Outputs depend only on the cache and the input order, never
on which worker finished first, so any number of workers or engines gives
identical files.

Cache records are JSON, checked field by field when read (never pickles: a
planted or corrupt cache can give wrong values at worst, never run code); a
record that fails the check is recomputed with a warning.

Size: about 860 lines: the cache (SQLite, JSON records checked on read), the
two engines (local processes, Dask) and the corpus loop that ties them; the
cache's record codec is the part to move out first.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata as importlib_metadata
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ..layout import CACHE_DIRNAME
from ..records import Chapter, ChapterResult, Extraction, InputProblem

__all__ = [
    "CACHE_DIRNAME", "RunCache", "CacheRecordError", "CHANGED_REASON", "RunSummary", "fingerprint", "document_key", "encode_result", "decode_result",
    "process_task", "Piece", "PieceResult", "join_pieces", "die_with_parent", "LocalEngine", "DaskEngine", "pipeline_plugin", "run_corpus", "default_workers",
]

#: Name of the cache folder inside the output folder (when no ``--cache`` is given).
_CACHE_FILE = "documents.sqlite"
#: A task ends when it holds this many characters (or ``batch_size`` documents).
TASK_CHARS = 40_000


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# -- keys -----------------------------------------------------------------------


def _package_version(name: str) -> str:
    try:
        return importlib_metadata.version(name)
    except importlib_metadata.PackageNotFoundError:
        return "not installed"


@lru_cache(maxsize=None)
def _code_digest() -> str:
    """A digest of argmine's own source, so that a changed extraction never reuses old results."""
    digest = hashlib.sha256()
    root = resources.files("argmine")
    for path in sorted(Path(str(root)).rglob("*.py")):
        digest.update(path.relative_to(str(root)).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=None)
def fingerprint(model: str | None = None) -> str:
    """What a cached result depends on besides its document: versions of argmine, its code and rules, the model.

    >>> len(fingerprint())
    16
    """
    from .. import __version__
    from ..nlp.model import EXCLUDED, MODEL_NAME
    from ..nlp.rules import rules_version

    model = model or MODEL_NAME
    parts = {
        "argmine": __version__, "code": _code_digest(), "rules": rules_version(), "model": model,
        "model_version": _package_version(model.replace("_", "-")), "spacy": _package_version("spacy"),
        "excluded": list(EXCLUDED),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def document_key(chapter: Chapter, version: str) -> str:
    """The cache key of a chapter: a hash of its id, text and metadata and of the pipeline ``version``.

    Where the chapter was read from (``source``, ``metadata["source"]``) is not
    part of the key: the same corpus named by a relative or an absolute path,
    or moved, is taken from the cache (its outputs still name the path given
    this time, see :func:`run_corpus`).

    >>> document_key(Chapter("a", "Some text."), "v1") == document_key(Chapter("a", "Some text."), "v1")
    True
    >>> document_key(Chapter("a", "Some text."), "v1") == document_key(Chapter("a", "Some text."), "v2")
    False
    >>> document_key(Chapter("a", "T.", {"source": "a.txt"}, "a.txt"), "v") == document_key(
    ...     Chapter("a", "T.", {"source": "/data/a.txt"}, "/data/a.txt"), "v")
    True
    """
    metadata = sorted((name, value) for name, value in dict(chapter.metadata).items() if name != "source")
    content = json.dumps([version, chapter.id, chapter.text, metadata], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


# -- results as JSON records ----------------------------------------------------------

#: Version of the record layout; a record of another version is recomputed.
RECORD_FORMAT = 1


class CacheRecordError(ValueError):
    """A cache record that is not a valid :func:`encode_result` record (corrupt, truncated, planted).

    ``reason`` says what was wrong. :func:`run_corpus` recomputes such a
    document and warns; it never runs anything a record holds.
    """

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _record_fields(record_type: type) -> tuple[tuple[str, object, bool], ...]:
    """(name, resolved type, required?) of a record dataclass's fields, resolved once per type."""
    found = _FIELD_CACHE.get(record_type)
    if found is None:  # not setdefault: its argument would resolve the type hints on every call
        found = _FIELD_CACHE[record_type] = _resolve_fields(record_type)
    return found


_FIELD_CACHE: dict[type, tuple] = {}


def _resolve_fields(record_type: type) -> tuple[tuple[str, object, bool], ...]:
    from dataclasses import MISSING, fields
    from typing import get_type_hints

    hints = get_type_hints(record_type)
    return tuple((f.name, hints[f.name], f.default is MISSING and f.default_factory is MISSING)
                 for f in fields(record_type))


def _plain(record) -> dict:
    """A record dataclass as a JSON object (tuples become lists)."""
    out = {}
    for name, _, _ in _record_fields(type(record)):
        value = getattr(record, name)
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


def _checked(value, kind, where: str):
    """``value`` read from JSON, checked against the field type ``kind``; CacheRecordError otherwise."""
    from collections.abc import Mapping as AbcMapping
    from typing import Literal, get_args, get_origin

    origin = get_origin(kind)
    if kind is str:
        ok = isinstance(value, str)
    elif kind is bool:
        ok = isinstance(value, bool)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif origin is Literal:
        ok = isinstance(value, str) and value in get_args(kind)
    elif origin is tuple:
        ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
        value = tuple(value) if ok else value
    elif origin in (dict, AbcMapping):
        ok = isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    else:
        raise CacheRecordError(f"{where}: a field of type {kind!r} cannot be read from a record")
    if not ok:
        raise CacheRecordError(f"{where}: expected {getattr(kind, '__name__', kind)}, got {type(value).__name__}")
    return value


def _record(record_type: type, data, where: str):
    """A ``record_type`` built from a JSON object whose keys are exactly its fields (the optional ones may be absent).

    The common record (every value already of its field's type, as
    :func:`encode_result` writes it) is recognised by its keys and value types
    together, one lookup per record (:func:`_fast_shape`), and its ``Literal``
    fields by set membership; anything else goes field by field through
    :func:`_checked`, which converts or raises :class:`CacheRecordError` naming the field.
    """
    if type(data) is dict:
        shape = (record_type, tuple(data), tuple(map(type, data.values())))
        literals = _FAST_SHAPES.get(shape)
        if literals is None:
            literals = _fast_shape(record_type, shape[1], shape[2])
            if len(_FAST_SHAPES) < 4096:  # a planted cache cannot grow it without bound
                _FAST_SHAPES[shape] = literals
        if literals is not False:
            checks, lists = literals
            if all(data[name] in allowed for name, allowed in checks):
                if not lists:
                    return record_type(**data)
                if all(type(item) is str for name in lists for item in data[name]):
                    values = dict(data)
                    for name in lists:
                        values[name] = tuple(values[name])
                    return record_type(**values)
    return _record_checked(record_type, data, where)


#: (record type, keys, value types) -> (the Literal fields to check ((name, allowed values), ...), the list fields
#: to check and make tuples of strings), or False
_FAST_SHAPES: dict[tuple, object] = {}


def _fast_shape(record_type: type, keys: tuple, types: tuple):
    """What is left to check of a record whose keys are ``keys`` and values of ``types``: its string ``Literal``
    fields and its ``tuple[str, ...]`` fields (JSON lists), when that shape needs no other check (every key a
    field, every required field there, every other value exactly of its field's type: str, bool, int or float);
    False otherwise."""
    from typing import Literal, get_args, get_origin

    spec = {name: (kind, required) for name, kind, required in _record_fields(record_type)}
    if len(set(keys)) != len(keys) or any(name not in spec for name in keys):
        return False
    if any(required and name not in keys for name, (_, required) in spec.items()):
        return False
    literals, lists = [], []
    for name, value_type in zip(keys, types):
        kind = spec[name][0]
        if get_origin(kind) is tuple and get_args(kind) == (str, ...) and value_type is list:
            lists.append(name)
        elif get_origin(kind) is Literal:
            allowed = get_args(kind)
            if value_type is not str or not all(isinstance(a, str) for a in allowed):
                return False
            literals.append((name, frozenset(allowed)))
        elif kind not in (str, bool, int, float) or value_type is not kind:
            return False
    return tuple(literals), tuple(lists)


def _record_checked(record_type: type, data, where: str):
    """:func:`_record` field by field, with a message that names the first bad field."""
    if not isinstance(data, dict):
        raise CacheRecordError(f"{where}: expected an object, got {type(data).__name__}")
    spec = _record_fields(record_type)
    names = {name for name, _, _ in spec}
    unknown = set(data) - names
    if unknown:
        raise CacheRecordError(f"{where}: unknown field(s) {sorted(unknown)}")
    values = {}
    for name, kind, required in spec:
        if name not in data:
            if required:
                raise CacheRecordError(f"{where}: missing field {name!r}")
            continue
        value = data[name]
        passes = _quick_check(kind)
        # the common case is checked without building a message; anything else goes through _checked
        values[name] = value if passes is not None and passes(value) else _checked(value, kind, f"{where}.{name}")
    return record_type(**values)


_QUICK_CHECKS: dict[object, object] = {}


def _quick_check(kind):
    """A predicate that accepts a JSON value already of field type ``kind`` as it is (no conversion), or None.

    Built once per type: ``str``, ``bool``, ``int`` (not a bool), ``float`` (a float, not an int that
    :func:`_checked` converts) and string ``Literal`` types. Values it does not accept are left to
    :func:`_checked`, which converts or raises :class:`CacheRecordError` with the field's name.
    """
    if kind in _QUICK_CHECKS:
        return _QUICK_CHECKS[kind]
    from typing import Literal, get_args, get_origin

    if kind is str:
        check = lambda value: type(value) is str  # noqa: E731
    elif kind is bool:
        check = lambda value: type(value) is bool  # noqa: E731
    elif kind is int:
        check = lambda value: type(value) is int  # noqa: E731
    elif kind is float:
        check = lambda value: type(value) is float  # noqa: E731
    elif get_origin(kind) is Literal:
        allowed = frozenset(get_args(kind))
        check = lambda value: type(value) is str and value in allowed  # noqa: E731
    else:
        check = None
    _QUICK_CHECKS[kind] = check
    return check


def encode_result(item) -> bytes:
    """A :class:`~argmine.batch.process.ChapterResult` as a JSON record (UTF-8 bytes) for the cache.

    The record holds plain values only: ``{"format": 1, "chapter": {...},
    "words": n, "extraction": {"links": [...], "claims": [...],
    "resolutions": [...], "sentences": n, "context": [...]}}``, each list
    item an object with exactly the fields of its record type
    (:class:`~argmine.records.CausalLink`, :class:`~argmine.records.ArgumentativeUnit`,
    :class:`~argmine.records.Resolution`). Reading one back
    (:func:`decode_result`) builds records only, so a planted cache can at
    worst give wrong values, never run code.
    """
    extraction = item.extraction
    lists = {name: [_plain(record) for record in getattr(extraction, name)] for name in _RECORD_LISTS}
    return _record_bytes(item.chapter, item.words, {name: [_json_list_body(items)] for name, items in lists.items()},
                         extraction.sentences, extraction.context)


#: The lists of records of an extraction, in the order a cache record holds them.
_RECORD_LISTS = ("links", "claims", "resolutions")


def _json_text(value) -> bytes:
    """``value`` as the JSON of a cache record: compact, UTF-8 (lone surrogates kept), no NaN."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _json_list_body(items: list) -> bytes:
    """The JSON of ``items`` without its brackets (empty for an empty list): bodies joined with ``,`` make one list."""
    return _json_text(items)[1:-1]


def _record_bytes(chapter: Chapter, words: int, bodies: "dict[str, list[bytes]]", sentences: int,
                  context: Iterable[str]) -> bytes:
    """The cache record of :func:`encode_result`, from each list's items already in JSON (``bodies``: per name in
    :data:`_RECORD_LISTS`, parts of the list's body; empty parts are skipped); the layout is written here only.

    The same bytes as one ``json.dumps`` of the whole record (compact separators, the keys in this order), so a
    long document's record can be assembled from its pieces' JSON (:func:`join_pieces`); the parts are copied once,
    into the record (memory: the parts and the record, not a third copy of each list).
    """
    head = {"id": chapter.id, "text": chapter.text, "metadata": dict(chapter.metadata), "source": chapter.source}
    parts = [b'{"format":', _json_text(RECORD_FORMAT), b',"chapter":', _json_text(head), b',"words":',
             _json_text(words), b',"extraction":{']
    for name in _RECORD_LISTS:
        parts += [b'"', name.encode("ascii"), b'":[']
        for body in bodies[name]:
            if body:
                parts += [body, b","]
        if parts[-1] == b",":
            parts.pop()
        parts.append(b"],")
    parts += [b'"sentences":', _json_text(sentences), b',"context":', _json_text(sorted(context)), b"}}"]
    return b"".join(parts)


def decode_result(data: bytes):
    """The :class:`~argmine.batch.process.ChapterResult` of a record :func:`encode_result` wrote.

    Raises :class:`CacheRecordError` when ``data`` is not such a record: not
    UTF-8 JSON, another format version, a missing or unknown field, a value
    of the wrong type (every field is checked against its record type).
    """
    from ..records import CausalLink, ChapterResult, ArgumentativeUnit, Extraction, Resolution

    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise CacheRecordError(f"the record is {type(data).__name__}, not JSON text")
    try:
        record = json.loads(bytes(data).decode("utf-8", "surrogatepass"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise CacheRecordError(f"not a JSON record ({type(error).__name__})") from None
    if not isinstance(record, dict):
        raise CacheRecordError(f"expected an object, got {type(record).__name__}")
    if record.get("format") != RECORD_FORMAT:
        raise CacheRecordError(f"record format {record.get('format')!r}, expected {RECORD_FORMAT}")
    if set(record) != {"format", "chapter", "words", "extraction"}:
        raise CacheRecordError(f"unexpected top-level fields {sorted(record)}")
    chapter = _record(Chapter, record["chapter"], "chapter")
    words = _checked(record["words"], int, "words")
    raw = record["extraction"]
    if not isinstance(raw, dict) or set(raw) != {"links", "claims", "resolutions", "sentences", "context"}:
        raise CacheRecordError("extraction: expected links, claims, resolutions, sentences and context")
    lists = {}
    for name, record_type in (("links", CausalLink), ("claims", ArgumentativeUnit), ("resolutions", Resolution)):
        if not isinstance(raw[name], list):
            raise CacheRecordError(f"extraction.{name}: expected a list")
        lists[name] = [_record(record_type, value, f"extraction.{name}[{index}]")
                       for index, value in enumerate(raw[name])]
    sentences = _checked(raw["sentences"], int, "extraction.sentences")
    context = _checked(raw["context"], tuple[str, ...], "extraction.context")
    extraction = Extraction(links=lists["links"], claims=lists["claims"], resolutions=lists["resolutions"],
                            sentences=sentences, context=frozenset(context))
    return ChapterResult(chapter, extraction, words)


# -- the cache ----------------------------------------------------------------------


class RunCache:
    """Processed documents in an SQLite file, keyed by :func:`document_key`, as JSON records.

    Every :meth:`put_many` is one transaction: after a crash or a SIGKILL the
    cache holds whole tasks or nothing of them. Only the process that runs the
    command writes (workers send their results back), so one file serves
    local and Dask runs alike. Records are JSON (:func:`encode_result`),
    checked field by field when read: a corrupt or planted record raises
    :class:`CacheRecordError` (and :func:`run_corpus` recomputes it), it never
    runs code. A cache file that is not an SQLite database at all is moved
    aside (``documents.sqlite.corrupt-<n>``) and a new one started;
    ``warnings`` lists what was done. Keep the folder on a local disk:
    SQLite's locking is unreliable on network file systems.

    ``readonly=True`` opens an existing cache for reading only (the writing
    phase's helper process, :func:`argmine.batch.stream.write_streamed`):
    nothing is created, moved or written, and :class:`sqlite3.Error` says
    when the file cannot be read.
    """

    _TABLE = "documents"  # records of an older format (pickles) fail the JSON check and are recomputed

    def __init__(self, folder: str | os.PathLike, *, readonly: bool = False):
        self.folder = Path(folder)
        self.path = self.folder / _CACHE_FILE
        self.warnings: list[str] = []
        if readonly:
            self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=60)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self._open()
        except sqlite3.DatabaseError as error:
            aside = self._move_aside()
            self.warnings.append(f"the cache {self.path} was unreadable ({error}); moved to {aside.name}, "
                                 "every document is processed again")
            self._open()

    def _open(self) -> None:
        self._db = sqlite3.connect(self.path, timeout=60)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(f"CREATE TABLE IF NOT EXISTS {self._TABLE} (key TEXT PRIMARY KEY, record BLOB NOT NULL)")
            self._db.commit()
        except sqlite3.DatabaseError:
            self._db.close()
            raise

    def _move_aside(self) -> Path:
        number = 1
        while (self.folder / f"{_CACHE_FILE}.corrupt-{number}").exists():
            number += 1
        aside = self.folder / f"{_CACHE_FILE}.corrupt-{number}"
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        return aside

    def __enter__(self) -> "RunCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        return self._db.execute(f"SELECT COUNT(*) FROM {self._TABLE}").fetchone()[0]

    def __contains__(self, key: str) -> bool:
        return self._db.execute(f"SELECT 1 FROM {self._TABLE} WHERE key = ?", (key,)).fetchone() is not None

    def present(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` are cached."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = list(keys[start:start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in self._db.execute(
                f"SELECT key FROM {self._TABLE} WHERE key IN ({marks})", chunk))
        return found

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store ``(key, encoded result)`` pairs in one transaction."""
        with self._db:
            self._db.executemany(f"INSERT OR REPLACE INTO {self._TABLE} (key, record) VALUES (?, ?)", list(items))

    def delete(self, keys: Iterable[str]) -> None:
        """Forget ``keys`` (one transaction)."""
        with self._db:
            self._db.executemany(f"DELETE FROM {self._TABLE} WHERE key = ?", [(key,) for key in keys])

    def get(self, key: str):
        """The cached :class:`~argmine.batch.process.ChapterResult` of ``key``.

        Raises KeyError when absent, :class:`CacheRecordError` when the record is not valid.
        """
        row = self._db.execute(f"SELECT record FROM {self._TABLE} WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return decode_result(row[0])

    def iter_results(self, keys: Iterable[str]) -> Iterator:
        """The cached results of ``keys``, in that order."""
        for key in keys:
            yield self.get(key)

    def close(self) -> None:
        self._db.close()


# -- work done where the pipeline is ---------------------------------------------------


#: In a worker process of :class:`LocalEngine`: the queue that carries progress (characters parsed) back.
_PROGRESS_QUEUE = None


#: Whether :func:`_freeze_loaded_objects` has run in this process.
_FROZEN = False


def _freeze_loaded_objects() -> None:
    """Move what is alive now (the pipeline, its vocabulary, the lexicons) out of the cyclic collector's sight.

    Once per process, after the pipeline is loaded: :func:`gc.freeze` puts
    every object then alive into a permanent generation, so the full
    collections a batch run triggers no longer traverse the model's millions
    of objects (about 1.2 CPU s per 1,000 documents, docs/PERFORMANCE.md).
    Frozen objects are still freed by reference counting; only cycles among
    them stay until the process ends, and the pipeline lives that long anyway.
    """
    global _FROZEN
    if not _FROZEN:
        import gc

        gc.collect()
        gc.freeze()
        _FROZEN = True


def process_task(task: "Sequence[tuple[str, Chapter]] | Piece", batch_size: int = 16,
                 on_chars: Callable[[int], None] | None = None) -> "list[tuple[str, bytes]] | PieceResult":
    """Parse and extract the chapters of one task; ``(key, encoded result)`` per chapter.

    A task is a list of ``(key, chapter)`` pairs or one :class:`Piece` of a
    long document, whose :class:`PieceResult` it returns instead (an error
    in the piece is returned in it, not raised, so the other tasks go on).
    Runs wherever the pipeline is: in this process, in a worker process or on
    a Dask worker. The pipeline is loaded once per process
    (:func:`argmine.nlp.model.load_nlp` is cached), which also imports and
    registers argmine's components there. ``on_chars(n)`` is called after
    each parsed piece of ``n`` characters (in a :class:`LocalEngine` worker,
    the piece sizes go back to the parent through a queue instead).
    """
    from ..nlp.model import limit_blas_threads, load_nlp
    from .process import process_chapters

    limit_blas_threads()
    nlp = load_nlp()
    _freeze_loaded_objects()
    if on_chars is None and _PROGRESS_QUEUE is not None:
        on_chars = _PROGRESS_QUEUE.put
    if isinstance(task, Piece):
        return _process_piece(task, nlp, on_chars)
    keys = [key for key, _ in task]
    results = process_chapters([chapter for _, chapter in task], nlp, batch_size=batch_size, on_piece=on_chars)
    return [(key, encode_result(result)) for key, result in zip(keys, results)]


# -- long documents: one task per piece -------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """One piece of a document longer than a piece (``piece_chars``): a task of its own.

    ``number`` counts the document's pieces from 0; ``offset`` is where
    ``text`` starts in the document's text; ``last`` marks its final piece.
    The pieces of one document are parsed in any worker, in parallel, and
    joined in text order by :func:`join_pieces` in the process that runs the
    command. A piece holds its own text only, never the whole document's.
    """

    key: str
    doc_id: str
    source: str
    number: int
    offset: int
    text: str
    last: bool


@dataclass(frozen=True)
class PieceResult:
    """What a worker sends back for a :class:`Piece`: the piece's record (:func:`encode_result` of its
    extraction, sentence indexes and claim ids counted from the piece's start), or ``error`` when it failed.

    ``characters`` is the piece's length (for the progress bar)."""

    key: str
    number: int
    offset: int
    characters: int
    last: bool
    record: bytes = b""
    error: str = ""


def _process_piece(piece: Piece, nlp, on_chars: Callable[[int], None] | None) -> PieceResult:
    from .process import process_piece

    try:
        result, characters = process_piece(piece.doc_id, piece.offset, piece.text, nlp)
        record = encode_result(result)
    except Exception as error:  # noqa: BLE001 - one failed piece leaves its document out, the batch goes on
        return PieceResult(piece.key, piece.number, piece.offset, len(piece.text), piece.last,
                           error=f"{type(error).__name__}: {error}")
    if on_chars is not None:
        on_chars(characters)
    return PieceResult(piece.key, piece.number, piece.offset, characters, piece.last, record=record)


def join_pieces(chapter: Chapter, records: Sequence[bytes]) -> bytes:
    """The cache record of ``chapter`` from its pieces' records (:attr:`PieceResult.record`), in text order.

    Each piece's sentence indexes and claim ids are shifted by the sentences
    and claims of the pieces before it (:func:`argmine.records.renumber_plain`,
    the plain form of :func:`~argmine.extraction.extract.renumbered`);
    character offsets already index the whole text. The record is the one a
    single task parsing the pieces one after another gives
    (:func:`argmine.batch.process.process_chapters`), byte for byte. The
    pieces are joined on their JSON (no record objects are built);
    :class:`_LongDocuments` does the same piece by piece as they come back.
    """
    joining = _Joining(chapter)
    for record in records:
        joining.take(record)
    return joining.record()


class _Joining:
    """One long document's record, joined from its pieces' JSON records in text order (see :func:`join_pieces`).

    :meth:`take` decodes a piece's record, shifts its sentence indexes and
    claim ids by what the pieces before it hold, and keeps its lists as JSON
    text (not as objects); :meth:`record` assembles the document's record
    (:func:`_record_bytes`). Memory: the JSON of the pieces taken, about the
    size of the final record.
    """

    def __init__(self, chapter: Chapter) -> None:
        self.chapter = chapter
        self.words = 0
        self.sentences = 0
        self.claims = 0
        self.context: set[str] = set()
        self.bodies: dict[str, list[bytes]] = {name: [] for name in _RECORD_LISTS}

    def take(self, data: bytes) -> dict:
        """Add the next piece's record (:func:`encode_result` of its own extraction); its decoded, shifted record,
        whose ``chapter`` is the document's with an empty text.

        Raises :class:`CacheRecordError` when ``data`` is not such a record, ValueError for a claim id of another
        document (:func:`~argmine.records.renumber_plain`)."""
        from ..records import renumber_plain

        try:
            piece = json.loads(bytes(data).decode("utf-8", "surrogatepass"))
            extraction = piece["extraction"]
            lists = [extraction[name] for name in _RECORD_LISTS]
            words, sentences, context = piece["words"], extraction["sentences"], extraction["context"]
        except (UnicodeDecodeError, ValueError, RecursionError, KeyError, TypeError) as error:
            raise CacheRecordError(f"not a piece record ({type(error).__name__})") from None
        renumber_plain(extraction, self.chapter.id, self.sentences, self.claims)
        for name, items in zip(_RECORD_LISTS, lists):
            if items:
                self.bodies[name].append(_json_list_body(items))
        chapter = self.chapter  # the document's (a piece's own has no metadata), without its text
        piece["chapter"] = {"id": chapter.id, "text": "", "metadata": dict(chapter.metadata), "source": chapter.source}
        self.words += words
        self.sentences += sentences
        self.claims += len(extraction["claims"])
        self.context.update(context)
        return piece

    def record(self) -> bytes:
        """The document's record (its chapter, every piece taken so far)."""
        record = _record_bytes(self.chapter, self.words, self.bodies, self.sentences, self.context)
        self.bodies = {name: [] for name in _RECORD_LISTS}
        return record


class _LongDocuments:
    """The documents whose pieces are out (:class:`Piece`), in the process that runs the command.

    Each is joined (:class:`_Joining`) as its pieces come back: a piece is
    taken as soon as every piece before it is in, so only pieces back early
    wait as they came (their records' bytes), and the joining is spread over
    the parse. ``on_piece(key, record, last)``, if given, gets each piece's
    decoded and renumbered record in text order as it is taken (``last`` for
    the document's final piece), so that a caller can read what it needs
    without decoding the document's record again. A document is handed on
    (its record, to be cached) only when all of its pieces are back, and given
    up at its first failed piece (its pieces not yet sent are not sent).
    """

    def __init__(self, on_piece: "Callable[[str, dict, bool], None] | None" = None) -> None:
        self.joining: dict[str, _Joining] = {}
        self.waiting: dict[str, dict[int, bytes]] = {}
        self.taken: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        self.failed: set[str] = set()
        self.on_piece = on_piece

    def pieces(self, key: str, chapter: Chapter, piece_chars: int) -> Iterator[Piece]:
        """The pieces of ``chapter``, made as they are asked for; none after the document has failed."""
        from .pieces import iter_pieces

        self.joining[key] = _Joining(chapter)
        self.waiting[key] = {}
        self.taken[key] = 0
        made = iter_pieces(chapter.text, piece_chars)
        number, current = 0, next(made)
        for following in made:
            if key in self.failed:
                return
            yield Piece(key, chapter.id, chapter.source, number, current[0], current[1], False)
            number, current = number + 1, following
        if key not in self.failed:
            yield Piece(key, chapter.id, chapter.source, number, current[0], current[1], True)

    def add(self, result: PieceResult) -> "tuple[str, bytes] | InputProblem | None":
        """Take one piece back: the document's ``(key, record)`` once it is whole, an
        :class:`InputProblem` at its first failed piece, None otherwise."""
        key = result.key
        if key in self.failed or key not in self.joining:
            return None
        joining = self.joining[key]
        chapter = joining.chapter
        if result.error:
            self.failed.add(key)
            del self.joining[key], self.waiting[key], self.taken[key]
            self.counts.pop(key, None)
            end = result.offset + result.characters
            return InputProblem(chapter.source, f"piece {result.number + 1} (characters {result.offset:,}-{end:,}) "
                                f"of document {chapter.id!r} could not be processed ({result.error})",
                                "skipped", chapter.id)
        waiting = self.waiting[key]
        waiting[result.number] = result.record
        if result.last:
            self.counts[key] = result.number + 1
        while self.taken[key] in waiting:
            number = self.taken[key]
            piece = joining.take(waiting.pop(number))
            self.taken[key] = number + 1
            if self.on_piece is not None:
                self.on_piece(key, piece, self.counts.get(key) == number + 1)
        if self.counts.get(key) != self.taken[key]:
            return None
        del self.joining[key], self.waiting[key], self.taken[key], self.counts[key]
        return key, joining.record()


def _start_worker(parent: int, progress, warm: bool = False) -> None:
    """Initializer of a :class:`LocalEngine` worker: end with the parent, report progress on ``progress``; with
    ``warm``, load the pipeline now (a pipeline that fails to load raises its own error from the first task)."""
    global _PROGRESS_QUEUE
    die_with_parent(parent)
    _PROGRESS_QUEUE = progress
    if warm:
        from ..nlp.model import limit_blas_threads, load_nlp

        limit_blas_threads()
        try:
            load_nlp()
        except Exception:  # noqa: BLE001 - process_task loads it again and raises the error there
            return
        _freeze_loaded_objects()


def _no_task() -> None:
    """Nothing: submitted by :meth:`LocalEngine.start` to make the pool start its processes."""


class LocalEngine:
    """Tasks run in this process (``workers=1``) or in ``workers`` spawned processes.

    At most two tasks per worker are in flight, so memory does not grow with
    the corpus; results come back as tasks finish (the cache restores order).
    Workers end when the process that started them ends, even by SIGKILL
    (:func:`die_with_parent`). ``on_chars(n)`` of :meth:`map` hears of every
    parsed piece, from any worker, so progress moves within a long document.
    :meth:`start` starts the workers before the tasks are known (each loads
    the pipeline while this process reads the corpus); :meth:`close` (or the
    end of a ``with`` block) ends them if :meth:`map` did not.
    """

    name = "local"

    def __init__(self, workers: int = 1, batch_size: int = 16):
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self._pool = None
        self._progress = None

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self, progress: bool = False) -> None:
        """Start the worker processes now, each loading the pipeline; ``progress``: :meth:`map` will get ``on_chars``.

        Nothing happens with one worker (the pipeline is loaded by the first task) or when already started.
        """
        if self.workers == 1 or self._pool is not None:
            return
        with _single_threaded_children():
            self._open(progress, warm=True)
            for _ in range(self.workers):  # the pool starts a process per task submitted while none is idle
                self._pool.submit(_no_task)

    def _open(self, progress: bool, warm: bool = False) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")
        self._progress = context.Queue() if progress else None
        # the initializer ties each worker's life to this process and hands it the progress queue
        self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                         initargs=(os.getpid(), self._progress, warm))

    def close(self) -> None:
        """End the worker processes (after the tasks in flight)."""
        pool, progress = self._pool, self._progress
        self._pool = self._progress = None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if progress is not None:
            progress.close()

    def map(self, tasks: Iterable[list[tuple[str, Chapter]]],
            on_chars: Callable[[int], None] | None = None) -> Iterator[list[tuple[str, bytes]]]:
        if self.workers == 1:
            for task in tasks:
                yield process_task(task, self.batch_size, on_chars)
            return
        import queue as queue_module
        from concurrent.futures import FIRST_COMPLETED, wait

        if self._pool is None or (on_chars is not None) != (self._progress is not None):
            self.close()
            with _single_threaded_children():
                self._open(on_chars is not None)
        pool, progress = self._pool, self._progress

        def drain() -> None:
            while progress is not None:
                try:
                    on_chars(progress.get_nowait())
                except queue_module.Empty:
                    return

        # processes start at the first submit (while they start, the variables below keep BLAS single-threaded);
        # a pipeline that fails to load raises its own error from the first task
        with _single_threaded_children():
            try:
                pending = set()
                source = iter(tasks)
                exhausted = False
                while pending or not exhausted:
                    while not exhausted and len(pending) < 2 * self.workers:
                        task = next(source, None)
                        if task is None:
                            exhausted = True
                        else:
                            pending.add(pool.submit(process_task, task, self.batch_size))
                    if not pending:
                        break
                    done, pending = wait(pending, timeout=0.5 if progress is not None else None,
                                         return_when=FIRST_COMPLETED)
                    drain()
                    for future in done:
                        yield future.result()
            finally:
                self._pool = self._progress = None
                pool.shutdown(wait=True, cancel_futures=True)
        drain()  # the workers have exited, so their queue feeders have flushed the last pieces
        if progress is not None:
            progress.close()


#: How often (seconds) a worker checks that the process that started it is still there.
WATCHDOG_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` (the process that runs the command) ends, even by SIGKILL.

    On Linux the kernel sends the worker SIGKILL the moment its parent dies
    (``prctl(PR_SET_PDEATHSIG)``); everywhere a watchdog thread also checks
    every :data:`WATCHDOG_SECONDS` that the parent is still its parent and
    exits otherwise. So a killed ``argmine run`` leaves no worker behind, and
    none holds the caller's pipes open (a ``| tee`` or a CI step ends).
    """
    import signal
    import sys
    import threading
    import time

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no libc symbol: the watchdog remains
            pass
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="argmine-watchdog", daemon=True).start()


class _single_threaded_children:
    """Worker processes use one BLAS/OpenMP thread each: the processes are the parallelism."""

    _NAMES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

    def __enter__(self):
        self.saved = {name: os.environ.get(name) for name in self._NAMES}
        for name in self._NAMES:
            os.environ.setdefault(name, "1")
        return self

    def __exit__(self, *exc):
        for name, value in self.saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def pipeline_plugin():
    """A Dask worker plugin that loads argmine's pipeline once in each worker, when the worker starts
    (built on demand: Dask is an optional dependency)."""
    from distributed import WorkerPlugin

    class ArgminePipelinePlugin(WorkerPlugin):
        name = "argmine-pipeline"

        def setup(self, worker) -> None:
            from ..nlp.model import load_nlp

            load_nlp()

    return ArgminePipelinePlugin()


class DaskEngine:
    """Tasks run on a Dask distributed cluster: ``scheduler`` is its address, or None for a local cluster.

    Every worker needs argmine and its model installed (``pip install
    "argmine[dask]"``); the pipeline is loaded once per worker by
    :func:`pipeline_plugin`. Results travel back to this process, which
    alone writes the cache and the outputs.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 1, batch_size: int = 16):
        self.scheduler = scheduler
        self.workers = max(1, workers)
        self.batch_size = batch_size

    def client(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - depends on the installation
            from ..errors import ArgmineError

            raise ArgmineError('the dask engine needs Dask distributed: pip install "argmine[dask]"') from None
        if self.scheduler:
            return Client(self.scheduler), None
        cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, env={name: "1" for name in _single_threaded_children._NAMES})
        return Client(cluster), cluster

    def map(self, tasks: Iterable[list[tuple[str, Chapter]]],
            on_chars: Callable[[int], None] | None = None) -> Iterator[list[tuple[str, bytes]]]:
        """Results of ``tasks`` as they finish; ``on_chars(n)`` hears of each finished task's characters."""
        from distributed import as_completed

        sizes: dict[str, int] = {}

        def submit(task) -> object:
            future = client.submit(process_task, task, self.batch_size, pure=False)
            sizes[future.key] = (len(task.text) if isinstance(task, Piece)
                                 else sum(len(chapter.text) for _, chapter in task))
            return future

        client, cluster = self.client()
        try:
            client.register_plugin(pipeline_plugin(), name="argmine-pipeline")
            capacity = 2 * max(1, sum(client.nthreads().values()))
            source = iter(tasks)
            running = as_completed()
            for task in source:
                running.add(submit(task))
                if running.count() >= capacity:
                    break
            for future in running:
                result = future.result()
                if on_chars is not None:
                    on_chars(sizes.get(future.key, 0))
                sizes.pop(future.key, None)
                yield result
                future.release()
                task = next(source, None)
                if task is not None:
                    running.add(submit(task))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


# -- a whole run ------------------------------------------------------------------------


@dataclass
class RunSummary:
    """What :func:`run_corpus` did.

    ``keys`` are the cache keys of the documents to write, in input order;
    ``headers`` maps each key to the ``(source, metadata)`` of the document as
    read this time (pass them to :func:`argmine.batch.stream.write_streamed`);
    ``warnings`` are one-line notes about the cache (records recomputed).
    """

    keys: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    cached: int = 0
    processed: int = 0
    headers: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _tasks(chapters: Iterable[tuple[str, Chapter]], batch_size: int, piece_chars: int | None = None,
           long_documents: _LongDocuments | None = None) -> Iterator["list[tuple[str, Chapter]] | Piece"]:
    """Tasks of at most ``batch_size`` chapters and about :data:`TASK_CHARS` characters; a chapter longer than
    ``piece_chars`` is sent as one :class:`Piece` task per piece instead (registered in ``long_documents``)."""
    task: list[tuple[str, Chapter]] = []
    chars = 0
    for key, chapter in chapters:
        if long_documents is not None and piece_chars is not None and len(chapter.text) > piece_chars:
            yield from long_documents.pieces(key, chapter, piece_chars)
            continue
        task.append((key, chapter))
        chars += len(chapter.text)
        if len(task) >= batch_size or chars >= TASK_CHARS:
            yield task
            task, chars = [], 0
    if task:
        yield task


#: Reason given for a document whose file changed or disappeared between the two readings of a run.
CHANGED_REASON = "the file changed or disappeared while argmine ran"


def run_corpus(inputs: Sequence[str], cache: RunCache, engine, *, batch_size: int = 16,
               on_problem: Callable[[InputProblem], None] | None = None,
               on_start: Callable[[int, int], None] | None = None,
               on_done: Callable[[int], None] | None = None,
               on_warning: Callable[[str], None] | None = None,
               on_chars: Callable[[int], None] | None = None,
               max_chars: int | None = None,
               on_stored: Callable[[list[tuple[str, bytes]]], None] | None = None,
               on_cached: Callable[[str, object], None] | None = None,
               piece_chars: int | None = None,
               on_joined_piece: Callable[[str, dict, bool], None] | None = None) -> RunSummary:
    """Bring every chapter of ``inputs`` into ``cache``; the keys in input order.

    The corpus is read twice: once to key every chapter (and report bad
    input), once to hand the chapters not yet cached to ``engine`` in tasks of
    at most ``batch_size`` documents. ``on_start(total, cached, characters)``
    is called between the two (``characters``: the text still to process),
    ``on_chars(n)`` as pieces of ``n`` characters are parsed (how often
    depends on the engine) and ``on_done(n)`` after every committed task of
    ``n`` documents; ``on_stored(results)`` gets each committed task's
    ``(key, record)`` pairs, ``on_cached(key, result)`` the decoded result of
    each valid record already in the cache (read once here, to check it). Documents longer than ``max_chars`` characters are
    skipped as problems (see :func:`argmine.input.iter_corpus`).

    A document longer than ``piece_chars`` characters (at most, and by
    default, :data:`argmine.nlp.model.MAX_LENGTH`: 100,000) is cut into pieces
    (:func:`argmine.batch.process.split_text`) sent as one task each
    (:class:`Piece`), so its pieces are parsed by all the workers at once,
    one piece per worker at a time; this process joins their results in text
    order (:func:`join_pieces`: the same record as one task would give) and
    caches the document when all its pieces are back. A piece that fails
    leaves its document out with a problem that names the file, the document
    and the piece (``skipped``); the other documents go on.
    ``on_joined_piece(key, record, last)`` gets each piece's record (decoded,
    renumbered, its ``chapter`` the document's without the text: :func:`encode_result`'s layout) in
    text order as the document is joined, ``last`` true for its final piece;
    ``on_stored`` then gets the document's record as for any other.

    A cached record that is not valid (:class:`CacheRecordError`) is deleted
    and its document processed again; ``on_warning`` gets one line about it.
    A document whose file changed or vanished between the two readings is
    left out of ``keys`` and reported as a problem (:data:`CHANGED_REASON`,
    ``skipped``); the other documents go on.
    """
    from ..input import iter_corpus
    from ..nlp.model import MAX_LENGTH  # not at module level (the package's import order)

    piece_chars = MAX_LENGTH if piece_chars is None else piece_chars
    if not 1 <= piece_chars <= MAX_LENGTH:
        raise ValueError(f"piece_chars must be between 1 and {MAX_LENGTH:,}, got {piece_chars}")
    summary = RunSummary()

    def problem(item: InputProblem) -> None:
        summary.problems.append(item)
        if on_problem is not None:
            on_problem(item)

    def warn(message: str) -> None:
        summary.warnings.append(message)
        if on_warning is not None:
            on_warning(message)

    for message in getattr(cache, "warnings", ()):
        warn(message)
    version = fingerprint()
    names: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for chapter in iter_corpus(list(inputs), problem, max_chars):
        key = document_key(chapter, version)
        summary.keys.append(key)
        summary.headers[key] = (chapter.source, dict(chapter.metadata))
        names[key] = chapter.id
        sizes[key] = len(chapter.text)
    done = cache.present(summary.keys)
    corrupt = []
    for key in summary.keys:
        if key in done:
            try:
                item = cache.get(key)
            except CacheRecordError as error:
                corrupt.append(key)
                warn(f"{summary.headers[key][0]}: the cached record is not valid ({error.reason}); processed again")
            else:
                if on_cached is not None:
                    on_cached(key, item)
    if corrupt:
        cache.delete(corrupt)
        done -= set(corrupt)
    summary.cached = len(done)
    if on_start is not None:
        on_start(len(summary.keys), summary.cached, sum(size for key, size in sizes.items() if key not in done))
    if len(done) == len(summary.keys):
        return summary
    wanted = set(summary.keys) - done

    def todo() -> Iterator[tuple[str, Chapter]]:
        for chapter in iter_corpus(list(inputs), lambda _problem: None, max_chars):
            key = document_key(chapter, version)
            if key in wanted:
                wanted.discard(key)
                yield key, chapter

    long_documents = _LongDocuments(on_joined_piece)
    for results in engine.map(_tasks(todo(), batch_size, piece_chars, long_documents), on_chars):
        if isinstance(results, PieceResult):
            joined = long_documents.add(results)
            if joined is None:
                continue
            if isinstance(joined, InputProblem):
                problem(joined)
                continue
            results = [joined]
        cache.put_many(results)
        if on_stored is not None:  # while the workers parse the next tasks (argmine.batch.stream.ConceptInputs)
            on_stored(results)
        summary.processed += len(results)
        if on_done is not None:
            on_done(len(results))
    missing = set(summary.keys) - cache.present(summary.keys)
    if missing:
        for key in summary.keys:
            if key in missing and key not in long_documents.failed:  # a failed piece was reported as it came back
                problem(InputProblem(summary.headers[key][0], CHANGED_REASON, "skipped", names[key]))
            if key in missing:
                del summary.headers[key]
        summary.keys = [key for key in summary.keys if key not in missing]
    return summary
