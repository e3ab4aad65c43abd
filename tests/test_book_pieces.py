"""A long document's pieces are tasks of their own, spread over the workers and joined in text order.

The texts are ``bench.long_parse.make_book`` (the project's own texts joined), cut into small pieces
(``piece_chars``) so that the tests stay fast; argmine's default piece is 100,000 characters.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.model

PIECE = 1200


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A folder with one long text (several pieces of PIECE characters) and one short text."""
    from bench.long_parse import make_book

    folder = tmp_path_factory.mktemp("pieces") / "in"
    folder.mkdir()
    (folder / "book.txt").write_text(make_book(6000), encoding="utf-8")
    (folder / "note.txt").write_text("The flood ruined the harvest. The ruined harvest led to hunger in the towns.",
                                     encoding="utf-8")
    return folder


def _chapters(folder: Path):
    from argmine.input import iter_corpus

    return {chapter.id: chapter for chapter in iter_corpus([str(folder)], lambda problem: None, None)}


@pytest.fixture(scope="module")
def one_task(folder) -> dict[str, bytes]:
    """Each document's cache record as one task parsing its pieces one after another gives it (before this change)."""
    from argmine.batch.process import process_chapters
    from argmine.batch.runner import encode_result

    chapters = list(_chapters(folder).values())
    return {chapter.id: encode_result(result)
            for chapter, result in zip(chapters, process_chapters(chapters, piece_chars=PIECE))}


def _cached(cache, keys) -> dict[str, bytes]:
    from argmine.batch.runner import decode_result

    records = {}
    for key in keys:
        record = cache._db.execute("SELECT record FROM documents WHERE key = ?", (key,)).fetchone()[0]
        records[decode_result(record).chapter.id] = record
    return records


class _Recording:
    """An engine that runs every task in this process, as LocalEngine(1) does, and remembers the tasks."""

    name = "recording"

    def __init__(self, reverse: bool = False, check=None):
        self.tasks = []
        self.reverse = reverse
        self.check = check

    def map(self, tasks, on_chars=None):
        from argmine.batch.runner import process_task

        results = []
        for task in tasks:
            self.tasks.append(task)
            results.append(process_task(task, 16, on_chars))
            if not self.reverse:
                yield results.pop()
        for index, result in enumerate(reversed(results)):  # the pieces come back last first
            if self.check is not None:
                self.check(index, len(results))
            yield result


def test_a_long_document_is_one_task_per_piece_joined_into_the_record_of_one_task(folder, one_task, tmp_path):
    from argmine.batch.process import split_text
    from argmine.batch.runner import Piece, RunCache, run_corpus

    engine = _Recording()
    with RunCache(tmp_path / "cache") as cache:
        summary = run_corpus([str(folder)], cache, engine, piece_chars=PIECE)
        records = _cached(cache, summary.keys)
    book = _chapters(folder)["book"].text
    pieces = [task for task in engine.tasks if isinstance(task, Piece)]
    assert [(p.number, p.offset, p.text) for p in pieces] == [
        (number, offset, text) for number, (offset, text) in enumerate(split_text(book, PIECE))]
    assert len(pieces) >= 5 and [p.last for p in pieces] == [False] * (len(pieces) - 1) + [True]
    assert all(len(p.text) <= PIECE for p in pieces)
    assert records == one_task


def test_the_join_renumbers_sentences_and_claims_of_the_later_pieces(folder, tmp_path):
    from argmine.batch.process import split_text
    from argmine.batch.runner import RunCache, decode_result, run_corpus

    with RunCache(tmp_path / "cache") as cache:
        summary = run_corpus([str(folder)], cache, _Recording(), piece_chars=PIECE)
        extraction = decode_result(_cached(cache, summary.keys)["book"]).extraction
    second = split_text(_chapters(folder)["book"].text, PIECE)[1][0]
    later = [claim for claim in extraction.claims if claim.start >= second]
    assert later and min(claim.sentence_index for claim in later) > 0
    numbers = [int(claim.claim_id.rsplit(":u", 1)[1]) for claim in extraction.claims]
    assert numbers == list(range(len(numbers)))  # one numbering across the pieces
    ids = {claim.claim_id for claim in extraction.claims}
    assert any(claim.supports or claim.attacks for claim in later)
    assert all(target in ids for claim in extraction.claims for target in (claim.supports, claim.attacks) if target)
    assert all(link.claim_id in ids for link in extraction.links if link.claim_id)


def test_pieces_back_in_any_order_give_the_same_record_cached_only_when_all_are_back(folder, one_task, tmp_path):
    from argmine.batch.runner import RunCache, run_corpus

    seen = []

    def check(index: int, total: int) -> None:
        seen.append(len(cache))  # documents in the cache before each result comes back

    with RunCache(tmp_path / "cache") as cache:
        summary = run_corpus([str(folder)], cache, _Recording(reverse=True, check=check), piece_chars=PIECE)
        records = _cached(cache, summary.keys)
        assert len(cache) == 2
    # the note's task comes back first, then the book's pieces, last first: the book is cached only after its
    # first piece, the last to come back
    assert seen == [0] + [1] * len(_pieces_of_book(folder))
    assert records == one_task


def test_two_workers_parse_the_pieces_and_write_the_files_one_worker_writes(folder, tmp_path):
    from argmine.batch.stream import run

    characters = []
    run([folder], tmp_path / "one", workers=1, png=False, report=False, piece_chars=PIECE)
    run([folder], tmp_path / "two", workers=2, png=False, report=False, piece_chars=PIECE,
        on_chars=characters.append)
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir() if p.is_file()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir() if p.is_file()}
    assert one == two and "links.csv" in one
    # the progress moves piece by piece: one call per piece of the book, one for the note
    assert len(characters) == len(_pieces_of_book(folder)) + 1
    assert sum(characters) == sum(len(chapter.text) for chapter in _chapters(folder).values())


def _pieces_of_book(folder: Path):
    from argmine.batch.process import split_text

    return split_text(_chapters(folder)["book"].text, PIECE)


def test_a_failed_piece_leaves_its_document_out_with_an_error_row_and_the_batch_goes_on(folder, tmp_path, monkeypatch):
    import argmine.batch.process as process
    from argmine.batch.stream import run

    broken = 2  # the third piece fails
    start, text = _pieces_of_book(folder)[broken]
    parsed = []
    real = process.extract

    def failing(doc, doc_id, **options):
        if doc_id == "book":
            parsed.append(doc.text)
        if doc.text == text:
            raise RuntimeError("the parse went wrong")
        return real(doc, doc_id, **options)

    monkeypatch.setattr(process, "extract", failing)
    out = tmp_path / "out"
    report = run([folder], out, workers=1, png=False, report=False, piece_chars=PIECE)
    errors = pd.read_csv(out / "errors.csv")
    assert len(errors) == 1
    row = errors.iloc[0]
    assert row["file"].endswith("book.txt") and row["doc_id"] == "book" and row["action"] == "skipped"
    assert f"piece {broken + 1} (characters {start:,}-{start + len(text):,})" in row["reason"]
    assert "RuntimeError: the parse went wrong" in row["reason"]
    assert pd.read_csv(out / "documents.csv")["doc_id"].tolist() == ["note"]
    assert [p.doc_id for p in report.skipped] == ["book"]
    assert len(parsed) == broken + 1  # the pieces after the failed one were not sent
    # the book is not cached: the next run (nothing failing now) processes it
    monkeypatch.setattr(process, "extract", real)
    again = run([folder], out, workers=1, png=False, report=False, piece_chars=PIECE)
    assert again.cached == 1 and again.processed == 1 and not again.problems


def test_renumbered_equals_extracting_with_the_offsets(nlp):
    from argmine.extraction.extract import extract, renumbered

    doc = nlp("Heavy rain ruined the crops. However, the harvest failure did not cause the revolt. "
              "The revolt was caused by new taxes, which the peasants could not pay.")
    direct = extract(doc, "d", char_offset=40, sentence_offset=7, claim_offset=3)
    shifted = renumbered(extract(doc, "d", char_offset=40), "d", 7, 3)
    assert direct.claims and direct.links
    assert shifted == direct


def test_a_piece_longer_than_the_parse_limit_is_refused(tmp_path):
    from argmine.batch.runner import LocalEngine, RunCache, run_corpus

    with RunCache(tmp_path / "cache") as cache, pytest.raises(ValueError, match="piece_chars"):
        run_corpus([], cache, LocalEngine(1), piece_chars=200_000)


def test_a_file_refused_unread_starts_no_workers(tmp_path, monkeypatch):
    # a text file over 4 x --max-chars bytes is refused without being read: the run should not first start (and
    # load the pipeline in) its worker processes for it, so the refusal stays quick
    from argmine.batch import runner
    from argmine.batch.stream import run

    started = []
    monkeypatch.setattr(runner.LocalEngine, "start", lambda self, progress=False: started.append(self.workers))
    big = tmp_path / "big.txt"
    big.write_text("The flood ruined the harvest. " * 3000, encoding="utf-8")  # 90,000 bytes
    report = run([big], tmp_path / "out", workers=2, max_chars=20_000, png=False, report=False)
    assert started == [] and not report.written
    assert "the file is too large (90,000 bytes" in report.skipped[0].reason
    # read (under 4 x 25,000 bytes), so the workers start while the corpus is read (the text is then too long)
    run([big], tmp_path / "out2", workers=2, max_chars=25_000, png=False, report=False)
    assert started == [2]


def test_renumber_plain_shifts_the_json_form_as_renumbered_shifts_the_records(nlp):
    """The join works on the pieces' JSON: its shift gives the JSON of renumbered's records, and refuses the same ids."""
    from argmine.batch.runner import _plain
    from argmine.extraction.extract import extract, renumber_plain, renumbered
    from argmine.records import Extraction

    doc = nlp("Heavy rain ruined the crops. However, the harvest failure did not cause the revolt. "
              "The revolt was caused by new taxes, which the peasants could not pay.")
    extraction = extract(doc, "d", char_offset=40)
    assert extraction.claims and extraction.links and any(c.supports or c.attacks for c in extraction.claims)
    plain = {name: [_plain(item) for item in getattr(extraction, name)] for name in ("links", "claims", "resolutions")}
    renumber_plain(plain, "d", 7, 3)
    shifted = renumbered(extraction, "d", 7, 3)
    assert plain == {name: [_plain(item) for item in getattr(shifted, name)] for name in ("links", "claims", "resolutions")}
    stranger = Extraction(claims=[replace_claim(extraction.claims[0], "other:u0")])
    with pytest.raises(ValueError, match="not one of document 'd'"):
        renumbered(stranger, "d", 0, 2)
    with pytest.raises(ValueError, match="not one of document 'd'"):
        renumber_plain({"links": [], "resolutions": [], "claims": [_plain(stranger.claims[0])]}, "d", 0, 2)


def replace_claim(claim, claim_id: str):
    from dataclasses import replace

    return replace(claim, claim_id=claim_id)


def test_the_concept_inputs_are_gathered_from_the_pieces_and_the_joined_record_is_not_decoded_again(folder, tmp_path,
                                                                                                  monkeypatch):
    """The writer's first pass (ConceptInputs) reads a long document piece by piece as it is joined, with the
    document's metadata (not a piece's), and equals reading its joined record; the record is then not decoded."""
    import json

    from argmine.batch import stream
    from argmine.batch.runner import RunCache, run_corpus

    (folder.parent / "meta").mkdir(exist_ok=True)
    book = (folder / "book.txt").read_text(encoding="utf-8")
    meta = folder.parent / "meta" / "book.jsonl"
    meta.write_text(json.dumps({"id": "book", "text": book, "era": "early modern"}) + "\n", encoding="utf-8")
    from_pieces, from_records = stream.ConceptInputs(), stream.ConceptInputs()
    stored = []
    with RunCache(tmp_path / "cache") as cache:
        summary = run_corpus([str(meta)], cache, _Recording(reverse=True), piece_chars=PIECE,
                             on_stored=lambda records: (stored.extend(records), from_pieces.add_records(records)),
                             on_joined_piece=from_pieces.add_piece)
    from_records.add_records(stored)
    assert len(summary.keys) == 1 and from_pieces.by_key == from_records.by_key
    doc_id, links, mentions, context, metadata_keys = from_pieces.by_key[summary.keys[0]]
    assert doc_id == "book" and links and context and "era" in metadata_keys
    assert not from_pieces._partial and not from_pieces._from_pieces  # the record's turn came and was skipped
    calls = []
    monkeypatch.setattr(stream.ConceptInputs, "_add_plain", lambda self, *args: calls.append(args))
    again = stream.ConceptInputs()
    with RunCache(tmp_path / "cache2") as cache:
        run_corpus([str(meta)], cache, _Recording(), piece_chars=PIECE, on_stored=again.add_records,
                   on_joined_piece=again.add_piece)
    assert calls == [] and again.by_key == from_records.by_key


def test_the_process_that_runs_the_command_does_not_import_spacy(folder, tmp_path):
    """With worker processes, the command's own process reads, cuts, joins and writes: spaCy is the workers'."""
    import subprocess
    import sys

    code = ("import sys\n"
            "if __name__ == '__main__':\n"
            "    from argmine.batch.stream import run\n"
            f"    report = run([{str(folder)!r}], {str(tmp_path / 'out')!r}, workers=2, png=False, report=False,"
            f" piece_chars={PIECE})\n"
            "    print(report.counts['documents'], 'spacy' in sys.modules)\n")
    script = tmp_path / "parent.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "False"]
