"""Where a long text's CPU goes, stage by stage, in one process (for docs/PERFORMANCE.md "Wave 10").

Run from the repository root::

    python -m bench.long_stages BOOK.txt                 # every piece
    python -m bench.long_stages BOOK.txt --pieces 2,5    # some pieces only (the join is then of those)

Cuts the text into the pieces ``argmine run`` sends to its workers
(:func:`argmine.batch.process.split_text`, 100,000 characters) and, for each piece, measures the CPU
seconds (user + system of this process, ``os.times``) of what a worker does with it:

- ``bare_parse``: the spaCy components alone (``make_nlp(components=())``, as ``bench.long_parse``);
- ``components``: argmine's parse (``load_nlp()``, the same spaCy components plus argmine's two) minus
  ``bare_parse`` of the same piece;
- ``extract``: :func:`argmine.extraction.extract.extract` of the parsed piece;
- ``encode``: :func:`argmine.batch.runner.encode_result` of the piece's result (the record sent back).

Then what the process that runs the command does with the pieces' records, once all are in:

- ``join_json``: :func:`argmine.batch.runner.join_pieces` (on the pieces' JSON, as since Wave 10);
- ``join_objects``: the join before Wave 10, for comparison: each record decoded to record objects
  (:func:`~argmine.batch.runner.decode_result`), shifted with :func:`~argmine.extraction.extract.renumbered`,
  and the whole encoded again (:func:`~argmine.batch.runner.encode_result`); it must give the same bytes;
- ``gather_record``: :meth:`argmine.batch.stream.ConceptInputs.add_records` of the joined record (what the
  writer's first pass cost before Wave 10, on top of the join);
- ``decode``: :func:`~argmine.batch.runner.decode_result` of the joined record (what the writer does once per
  process that writes).

``join_peak_mb`` gives the peak of memory allocated by Python (``tracemalloc``, MB) while each join runs,
above what the pieces' records already take. Both pipelines are loaded first and warmed on a short text;
the loaded objects are frozen (``gc.freeze``) as in a worker. Prints one JSON object; ``--repeats`` runs
the join figures that many times and keeps the lowest.
"""
from __future__ import annotations

import argparse
import json
import os


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="a plain-text file (e.g. python -m bench.long_parse BOOK.txt --make 1000000)")
    parser.add_argument("--pieces", default="", help="comma-separated piece numbers (from 0); default: all")
    parser.add_argument("--repeats", type=int, default=2, help="runs of the join figures (the lowest is kept)")
    args = parser.parse_args(argv)

    from argmine.batch.process import split_text
    from argmine.batch.runner import _freeze_loaded_objects, decode_result, encode_result, join_pieces
    from argmine.batch.stream import ConceptInputs
    from argmine.extraction.extract import extract, renumbered
    from argmine.nlp.model import limit_blas_threads, load_nlp, make_nlp
    from argmine.records import Chapter, ChapterResult, Extraction

    limit_blas_threads()
    text = open(args.path, encoding="utf-8").read()
    pieces = split_text(text)
    chosen = [int(n) for n in args.pieces.split(",")] if args.pieces else list(range(len(pieces)))
    bare, full = make_nlp(components=()), load_nlp()
    _freeze_loaded_objects()
    for nlp in (bare, full):
        nlp(pieces[0][1][:2000])
    stages = dict.fromkeys(("bare_parse", "components", "extract", "encode"), 0.0)
    records = []
    for number in chosen:
        offset, piece = pieces[number]
        started = _cpu()
        doc = bare(piece)
        bare_seconds = _cpu() - started
        del doc
        started = _cpu()
        doc = full(piece)
        full_seconds = _cpu() - started
        started = _cpu()
        extraction = extract(doc, "book", char_offset=offset)
        stages["extract"] += _cpu() - started
        words = sum(1 for token in doc if not token.is_punct and not token.is_space)
        del doc
        started = _cpu()
        records.append(encode_result(ChapterResult(Chapter("book", ""), extraction, words)))
        stages["encode"] += _cpu() - started
        stages["bare_parse"] += bare_seconds
        stages["components"] += full_seconds - bare_seconds

    chapter = Chapter("book", text, {}, args.path)
    join: dict[str, float] = {}

    def timed(name, run):
        started = _cpu()
        value = run()
        join[name] = min(join.get(name, float("inf")), _cpu() - started)
        return value

    def join_objects() -> bytes:
        joined = ChapterResult(chapter, Extraction())
        for record in records:
            piece = decode_result(record)
            joined.extraction.extend(renumbered(piece.extraction, chapter.id, joined.extraction.sentences,
                                                len(joined.extraction.claims)))
            joined.words += piece.words
        return encode_result(joined)

    for _ in range(max(1, args.repeats)):
        by_json = timed("join_json", lambda: join_pieces(chapter, records))
        by_objects = timed("join_objects", join_objects)
        timed("gather_record", lambda: ConceptInputs().add_records([("key", by_json)]))
        timed("decode", lambda: decode_result(by_json))
    if by_json != by_objects:
        raise SystemExit("the two joins differ")
    import tracemalloc

    peaks = {}
    for name, run in (("join_json", lambda: join_pieces(chapter, records)), ("join_objects", join_objects)):
        tracemalloc.start()
        run()
        peaks[name] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    result = {"pieces": len(chosen), "characters": sum(len(pieces[n][1]) for n in chosen),
              "record_bytes": len(by_json),
              "worker_cpu_seconds": {name: round(value, 2) for name, value in stages.items()},
              "parent_cpu_seconds": {name: round(value, 2) for name, value in join.items()},
              "join_peak_mb": peaks}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
