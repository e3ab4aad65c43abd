"""The writing phase of ``argmine run`` (issue 14, "two cores"): the concepts table from the records gathered
while the workers parse, the graph files and the views in helper processes; the files stay byte for byte those
of one process, and a failing helper commits nothing."""
from __future__ import annotations

import sqlite3

import pytest

from argmine.batch.runner import LocalEngine, RunCache, encode_result, run_corpus
from argmine.batch.stream import ConceptInputs, write_streamed
from argmine.graph.result import build_result
from argmine.records import CausalLink, Chapter, ChapterResult, Extraction, Resolution

TABLES = ["claims.csv", "claims.parquet", "concepts.csv", "concepts.parquet", "documents.csv", "documents.parquet",
          "links.csv", "links.parquet", "resolutions.csv", "resolutions.parquet"]
FILES = TABLES + ["argument.aif.json", "argument.argdown", "graph.dot", "graph.gexf", "graph.graphml"]


def _link(doc_id: str, cause: str, effect: str, number: int) -> CausalLink:
    sentence = f"{cause} caused {effect}."
    return CausalLink(doc_id=doc_id, sentence_index=number, cause_text=cause, effect_text=effect, cause_start=0,
                      cause_end=len(cause), effect_start=len(cause) + 8, effect_end=len(sentence) - 1, cue="caused",
                      cue_start=len(cause) + 1, cue_end=len(cause) + 7, cause_concept=cause, effect_concept=effect,
                      explicit=True, hedged=False, strength="sufficient", polarity="positive", confidence=0.9,
                      asserted_by="author", sentence=sentence, rule="test")


def _item(doc_id: str, pairs, mentions=(), **metadata) -> ChapterResult:
    """A document whose links join ``pairs`` of concepts and whose anaphors ``mentions`` ((text, antecedents))
    were resolved."""
    links = [_link(doc_id, cause, effect, n) for n, (cause, effect) in enumerate(pairs)]
    text = " ".join(link.sentence for link in links)
    resolutions = [Resolution(doc_id=doc_id, sentence_index=n, mention=mention, start=100 + 10 * n,
                              end=105 + 10 * n, antecedents=tuple(names), antecedent_mentions=tuple(names),
                              reason="head-noun") for n, (mention, names) in enumerate(mentions)]
    return ChapterResult(Chapter(doc_id, text, metadata), Extraction(links=links, resolutions=resolutions,
                                                                     sentences=len(links)),
                         words=len(text.split()))


@pytest.fixture(scope="module")
def items() -> list[ChapterResult]:
    """Four made-up documents: a '-ite movement' merged into its '-ism' across documents, anaphors resolved to one
    concept (a pronoun adds a mention but no alias) and to two, a link whose ends merge into one concept."""
    return [
        _item("a", [("Luddite movement", "machine breaking"), ("machine breaking", "repression")],
              [("the movement", ["Luddite movement"]), ("it", ["repression"])], title="One"),
        _item("b", [("Luddism", "repression"), ("enclosure", "Luddism")],
              [("these troubles", ["enclosure", "repression"])], publisher="=SUM(1)"),
        _item("c", [("Luddite movement", "Luddism"), ("bad harvests", "bread riots")], title="Three"),
        _item("d", [("bread riots", "repression")], [("the riots", ["bread riots"])], pages="3-9"),
    ]


def _same(first, second, names) -> list[str]:
    return [name for name in names if (first / name).read_bytes() != (second / name).read_bytes()]


def test_concepts_table_from_gathered_records_is_the_result_concepts(items, tmp_path):
    from argmine.export.writers import write_outputs

    whole = build_result(items)
    assert [m.canonical for m in whole.merges] == ["Luddism"]
    write_outputs(whole, tmp_path / "whole", png=False, report=False, slice_documents=2)
    records = [(item.chapter.id, encode_result(item)) for item in items]
    gathered = ConceptInputs()
    gathered.add_records(records[:2])  # as the workers stored them
    for item in items[2:]:  # as run_corpus read them from the cache
        gathered.add_result(item.chapter.id, item)
    with RunCache(tmp_path / "cache") as cache:
        cache.put_many(records)
        written, counts = write_streamed([item.chapter.id for item in items], cache, [], tmp_path / "gathered",
                                         png=False, report=False, slice_documents=2, gathered=gathered)
    assert gathered.by_key == {}
    assert counts == {"documents": 4, "links": 6, "claims": 0}  # c's 'Luddite movement -> Luddism' is dropped
    assert sorted(path.name for path in written) == sorted(FILES)
    assert _same(tmp_path / "whole", tmp_path / "gathered", FILES) == []
    concepts = (tmp_path / "gathered" / "concepts.csv").read_text(encoding="utf-8").splitlines()
    assert concepts[0] == "concept,mentions,documents,n_documents,aliases,merged_from,as_cause,as_effect"
    luddism = next(line for line in concepts if line.startswith("Luddism,"))
    # two link ends in b, one in a, 'the movement' in a; c's link was dropped, its mention with it
    assert luddism == ("Luddism,4,a; b,2,Luddism | Luddite movement | the movement,"
                       "\"Luddite movement [a, c] ('-ite movement' is the movement of '-ism')\",2,1")
    repression = next(line for line in concepts if line.startswith("repression,"))
    assert repression == "repression,4,a; b; d,3,repression,,0,3"  # 'it' is a mention, not an alias


def test_helper_processes_write_the_same_bytes(items, tmp_path):
    keys = [item.chapter.id for item in items]
    with RunCache(tmp_path / "cache") as cache:
        cache.put_many([(item.chapter.id, encode_result(item)) for item in items])
        one, one_counts = write_streamed(keys, cache, [], tmp_path / "one", slice_documents=3, view_limit=3)
        three, three_counts = write_streamed(keys, cache, [], tmp_path / "three", slice_documents=3, view_limit=3,
                                             processes=2, helper_links=0)
    assert [path.name for path in three] == [path.name for path in one]
    assert sorted(path.name for path in one) == sorted(FILES + ["graph.png", "report.html"])
    assert three_counts == one_counts == {"documents": 4, "links": 6, "claims": 0}
    assert _same(tmp_path / "one", tmp_path / "three", FILES + ["graph.png", "report.html"]) == []
    assert [p.name for p in (tmp_path / "three").iterdir() if p.name.startswith(".argmine-staging")] == []


def test_a_failing_helper_commits_nothing(items, tmp_path):
    keys = [item.chapter.id for item in items]
    out = tmp_path / "out"
    with RunCache(tmp_path / "cache") as cache:
        cache.put_many([(item.chapter.id, encode_result(item)) for item in items])
        write_streamed(keys[:2], cache, [], out, png=False, report=False)
        before = {name: (out / name).read_bytes() for name in FILES}
        cache.folder = tmp_path / "gone"  # the graph files' helper opens the cache by its folder, and fails
        with pytest.raises(sqlite3.OperationalError):
            write_streamed(keys, cache, [], out, png=False, report=True, processes=2, helper_links=0)
        assert {name: (out / name).read_bytes() for name in FILES} == before
        assert not (out / "report.html").exists()
        assert [p.name for p in out.iterdir() if p.name.startswith(".argmine-staging")] == []
        cache.folder = tmp_path / "cache"
        written, counts = write_streamed(keys, cache, [], out, png=False, report=False, processes=2,
                                         helper_links=0)  # the lock is free again
    assert counts["documents"] == 4 and len(written) == len(FILES)


def test_graph_files_stop_when_the_writer_gave_up(items, tmp_path):
    import shutil

    from argmine.export.writers import write_graph_files

    folder = tmp_path / "staging"
    folder.mkdir()
    result = build_result(items)

    def parts():
        yield result
        shutil.rmtree(folder)  # what OutputWriter.abort does when the run fails
        yield result

    with pytest.raises(FileNotFoundError):
        write_graph_files(parts(), folder)
    assert not folder.exists()


def test_run_corpus_hands_each_cached_record_over_once(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text("The long drought caused a famine in the valley.", encoding="utf-8")
    (tmp_path / "in" / "two.txt").write_text("Heavy taxes caused unrest among the peasants.", encoding="utf-8")
    with RunCache(tmp_path / "cache") as cache:
        stored = []
        first = run_corpus([str(tmp_path / "in")], cache, LocalEngine(1), on_stored=stored.extend)
        seen = []
        again = run_corpus([str(tmp_path / "in")], cache, LocalEngine(1), on_stored=stored.extend,
                           on_cached=lambda key, item: seen.append((key, item.chapter.id)))
    assert (first.processed, first.cached, again.processed, again.cached) == (2, 0, 0, 2)
    assert [key for key, _ in stored] == first.keys
    assert seen == list(zip(first.keys, ["one", "two"]))


def test_a_small_run_starts_no_helper(items, tmp_path, monkeypatch):
    from argmine.batch import stream

    def no_helpers(*args):
        raise AssertionError("a helper process was started for a few links")

    monkeypatch.setattr(stream, "_Helpers", no_helpers)
    gathered = ConceptInputs()
    gathered.add_records([(item.chapter.id, encode_result(item)) for item in items])
    with RunCache(tmp_path / "cache") as cache:
        cache.put_many([(item.chapter.id, encode_result(item)) for item in items])
        written, counts = write_streamed([item.chapter.id for item in items], cache, [], tmp_path / "out",
                                         png=False, report=False, gathered=gathered, processes=2)
    assert stream.HELPER_LINKS > counts["links"] == 6 and len(written) == len(FILES)
    with RunCache(tmp_path / "cache") as cache, pytest.raises(AssertionError, match="a helper process"):
        write_streamed(["a"], cache, [], tmp_path / "out", png=False, report=False, processes=2,
                       helper_links=0)  # the check above did look


@pytest.mark.model
@pytest.mark.slow
def test_workers_started_before_the_tasks_parse_them_and_end():
    import multiprocessing

    from argmine.batch.process import process_chapters
    from argmine.batch.runner import decode_result

    texts = ["The long drought caused a famine in the valley.", "Heavy taxes caused unrest among the peasants.",
             "The flood destroyed the harvest, so prices rose."]
    tasks = [[(f"k{n}", Chapter(f"d{n}", text))] for n, text in enumerate(texts)]
    engine = LocalEngine(workers=2, batch_size=1)
    engine.start(progress=True)
    assert len(multiprocessing.active_children()) == 2  # started before map, each loading the pipeline
    parsed: list[int] = []
    results = [pair for task in engine.map(iter(tasks), on_chars=parsed.append) for pair in task]
    here = list(process_chapters([chapter for task in tasks for _, chapter in task]))
    links = {key: [(l.cause_text, l.effect_text) for l in decode_result(record).extraction.links]
             for key, record in results}
    assert links == {f"k{n}": [(l.cause_text, l.effect_text) for l in item.extraction.links]
                     for n, item in enumerate(here)}
    assert sorted(parsed) == sorted(len(text) for text in texts)
    engine.close()
    assert multiprocessing.active_children() == []

    unused = LocalEngine(workers=2)
    unused.start()
    unused.close()  # no task came: the workers end all the same
    assert multiprocessing.active_children() == []
