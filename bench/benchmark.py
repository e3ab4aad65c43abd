"""argmine against bare spaCy: throughput, 1 -> 2 worker speed-up, peak memory, where the time goes.

Run from the repository root::

    python -m bench.benchmark                 # everything (about 15 minutes on 2 cores)
    python -m bench.benchmark --quick         # small sizes, a smoke test of the script

Documents are made by recombining the project's own texts (the seed page's
summary in ``corpus/`` and ``tests/texts/chapters/*.txt``) with a fixed seed:
each document joins runs of consecutive sentences from two of them. Nothing is
downloaded.

What is measured, each in fresh subprocesses (wall clock from start to exit,
so loading the model counts on both sides):

- ``spacy``: ``nlp.pipe`` over the texts with exactly the spaCy components
  argmine loads (``argmine.nlp.model.make_nlp`` without argmine's own), same ops
  and batch size, one process;
- ``argmine``: ``argmine run DOCS.jsonl --workers 1`` (parse, extract, write
  every table and graph file; ``--no-png --no-report``, whose cost is shown
  apart) with an empty cache;
- ``argmine --workers 2``: the same with two worker processes;
- peak memory (sum of the RSS of the process and its children, sampled every
  50 ms) of ``argmine run`` with the default workers for 100, 1,000 and 10,000
  documents;
- the writing phase alone (``--parts writing``), by one process and by this
  process with its helper (``write_streamed(processes=2)``), CPU seconds of each;
- the time of each pipeline component over the throughput documents, and
  optionally a pyinstrument profile of a whole run (``--profile``).

Words are whitespace-separated tokens of the input texts, counted the same
way for every side. Results go to ``bench/results/benchmark.json`` and are
printed as Markdown tables.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SEED = 20261128
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“(])")


def source_texts() -> list[str]:
    """The project's own texts: the seed page's summary and the test chapters."""
    from argmine.input import read_corpus

    chapters, _ = read_corpus([str(ROOT / "corpus"), *sorted(str(p) for p in (ROOT / "tests" / "texts" / "chapters").glob("*.txt"))])
    return [chapter.text for chapter in chapters]


def make_documents(n: int, seed: int = SEED) -> list[dict]:
    """``n`` distinct documents, each a run of sentences from one text followed by a run from another."""
    rng = random.Random(seed)
    texts = [[s.strip() for s in _SENTENCE_END.split(text) if s.strip()] for text in source_texts()]
    texts = [t for t in texts if len(t) >= 4]
    seen: set[str] = set()
    documents = []
    while len(documents) < n:
        parts = []
        for sentences in rng.sample(texts, 2):
            length = rng.randint(3, min(8, len(sentences)))
            start = rng.randint(0, len(sentences) - length)
            parts.append(" ".join(sentences[start:start + length]))
        text = "\n\n".join(parts)
        if text in seen:
            continue
        seen.add(text)
        documents.append({"id": f"bench-{len(documents):05d}", "text": text})
    return documents


def write_documents(documents: list[dict], path: Path) -> int:
    """Write JSON Lines; returns the number of words."""
    with open(path, "w", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps(document, ensure_ascii=False) + "\n")
    return sum(len(d["text"].split()) for d in documents)


# -- the measured commands ------------------------------------------------------------------------

_SPACY_SCRIPT = """
import json, sys
from argmine.nlp.model import limit_blas_threads, make_nlp
limit_blas_threads()  # as argmine's batch runs do
nlp = make_nlp(components=())
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = 0
for doc in nlp.pipe(texts, batch_size=int(sys.argv[2]), n_process=int(sys.argv[3])):
    n += len(doc)
print(json.dumps({"components": nlp.pipe_names, "tokens": n}))
"""


def _timed(command: list[str], env: dict | None = None) -> tuple[float, float, float]:
    """Wall time, peak RSS (MB) of the process tree, and CPU seconds (user + system, all processes) of ``command``."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    peak = 0
    watched = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    stdout, stderr = process.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-3000:]}")
    return elapsed, peak / 2**20, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def spacy_pipe(path: Path, batch_size: int, processes: int = 1) -> tuple[float, float, float]:
    return _timed([sys.executable, "-c", _SPACY_SCRIPT, str(path), str(batch_size), str(processes)])


def argmine_run(path: Path, out: Path, workers: int | None, batch_size: int, views: bool = False) -> tuple[float, float, float]:
    command = [sys.executable, "-m", "argmine", "run", str(path), "--out", str(out), "--quiet",
               "--batch-size", str(batch_size)]
    if workers:
        command += ["--workers", str(workers)]
    if not views:
        command += ["--no-png", "--no-report"]
    return _timed(command)


def component_costs(texts: list[str], batch_size: int) -> dict[str, float]:
    """CPU seconds (``time.process_time``) each component of argmine's pipeline takes over ``texts`` (one process, after a warm-up).

    CPU seconds, not wall time: the machine is often shared, and the process runs one BLAS
    thread, so its CPU time is the work of the component alone.
    """
    from argmine.nlp.model import limit_blas_threads, make_nlp

    limit_blas_threads()  # as argmine's batch runs and the spaCy baseline
    nlp = make_nlp()
    list(nlp.pipe(texts[:20]))
    costs = {"tokenizer": 0.0}
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    costs["tokenizer"] = time.process_time() - started
    for name, component in nlp.pipeline:
        started = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        costs[name] = time.process_time() - started
    from argmine.extraction.extract import extract

    started = time.process_time()
    for number, doc in enumerate(docs):
        extract(doc, f"d{number}")
    costs["extract (records)"] = time.process_time() - started
    return costs


def excluded_costs(texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds each component argmine does not load (``argmine.nlp.model.EXCLUDED``) would add over ``texts``."""
    import spacy

    from argmine.nlp.model import EXCLUDED, MODEL_NAME, limit_blas_threads, use_fast_ops

    limit_blas_threads()
    use_fast_ops()
    nlp = spacy.load(MODEL_NAME)
    list(nlp.pipe(texts[:20]))
    docs = list(nlp.pipe(texts, batch_size=batch_size, disable=list(EXCLUDED)))
    costs = {}
    for name in EXCLUDED:
        started = time.perf_counter()
        list(nlp.get_pipe(name).pipe(docs, batch_size=batch_size))
        costs[name] = time.perf_counter() - started
    return costs


def phase_times(path: Path, out: Path, batch_size: int) -> dict[str, float]:
    """Seconds of the two phases of a one-process run: processing into the cache, then writing the outputs."""
    from argmine.batch.runner import LocalEngine, RunCache, run_corpus
    from argmine.batch.stream import write_streamed

    import resource

    def peak_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    started = time.perf_counter()
    with RunCache(out / ".argmine-cache") as cache:
        summary = run_corpus([str(path)], cache, LocalEngine(1, batch_size), batch_size=batch_size)
        processed = time.perf_counter()
        after_processing = peak_mb()
        write_streamed(summary.keys, cache, summary.problems, out, png=False, report=False)
    return {"process (read, parse, extract)": processed - started, "write outputs": time.perf_counter() - processed,
            "peak RSS MB after processing": after_processing, "peak RSS MB after writing": peak_mb()}


def writing_split(path: Path, out: Path, batch_size: int) -> dict[str, dict[str, float]]:
    """The writing phase of ``argmine run`` (no views) over the documents of ``path``, written by one process and
    by this process with its helper (``write_streamed(processes=2)``): wall seconds, CPU seconds of this process
    and of the helper. The documents are processed into a cache once, their first pass gathered as ``run`` does
    while the workers parse; the longer of the two CPU figures bounds the phase on two idle cores."""
    import resource

    from argmine.batch.runner import LocalEngine, RunCache, run_corpus
    from argmine.batch.stream import ConceptInputs, write_streamed

    def cpu(who) -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    figures = {}
    with RunCache(out / ".argmine-cache") as cache:
        summary = run_corpus([str(path)], cache, LocalEngine(1, batch_size), batch_size=batch_size)
        for processes in (1, 2):
            gathered = ConceptInputs()
            for key in summary.keys:
                gathered.add_result(key, cache.get(key))
            load = os.getloadavg()[0]
            wall, own, helpers = time.perf_counter(), cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
            write_streamed(summary.keys, cache, summary.problems, out / f"out-{processes}", png=False, report=False,
                           headers=summary.headers, gathered=gathered, processes=processes)
            figures[f"processes={processes}"] = {
                "wall": time.perf_counter() - wall, "this process CPU": cpu(resource.RUSAGE_SELF) - own,
                "helpers CPU": cpu(resource.RUSAGE_CHILDREN) - helpers, "load before": load}
    return figures


def view_times(path: Path, out: Path, batch_size: int) -> dict[str, float]:
    """Wall and CPU seconds of graph.png and report.html for the first 100 documents of ``path``, drawn as
    ``argmine run`` draws them (the writer's view of its first documents), after the documents are in a cache."""
    import matplotlib

    matplotlib.use("Agg")
    from argmine.export import writers as export
    from argmine.batch.runner import LocalEngine, RunCache, run_corpus
    from argmine.batch.stream import write_streamed

    timed: dict[str, float] = {}
    draw = export.write_views

    def measured(result, folder, *, png=True, report=True):
        written = []
        for name, flags in (("graph.png", dict(png=True, report=False)), ("report.html", dict(png=False, report=True))):
            if flags["png"] and not png or flags["report"] and not report:
                continue
            wall, cpu = time.perf_counter(), time.process_time()
            written += draw(result, folder, **flags)
            timed[f"{name} wall"] = time.perf_counter() - wall
            timed[f"{name} CPU"] = time.process_time() - cpu
        timed["documents drawn"] = len(result.chapters)
        return written

    with RunCache(out / ".argmine-cache") as cache:
        summary = run_corpus([str(path)], cache, LocalEngine(1, batch_size), batch_size=batch_size)
        export.write_views = measured
        try:
            write_streamed(summary.keys, cache, summary.problems, out, png=True, report=True)
        finally:
            export.write_views = draw
    return timed


def profile_run(path: Path, out: Path, batch_size: int) -> str:
    """A pyinstrument text profile of ``argmine run --workers 1`` in this process."""
    from pyinstrument import Profiler

    from argmine.cli import app

    profiler = Profiler(interval=0.005)
    profiler.start()
    try:
        app(["run", str(path), "--out", str(out), "--workers", "1", "--quiet", "--no-png", "--no-report",
             "--batch-size", str(batch_size)], standalone_mode=False)
    except SystemExit:
        pass
    profiler.stop()
    return profiler.output_text(unicode=True, color=False, show_all=False)


# -- the benchmark ------------------------------------------------------------------------------------


def machine() -> dict:
    import psutil
    import spacy

    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "spacy": spacy.__version__, "platform": platform.platform()}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents for throughput (default 1000)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", default="100,1000,10000", help="document counts for peak memory")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--views", action="store_true", help="also measure peak memory with graph.png and report.html")
    parser.add_argument("--memory-workers", type=int, default=None,
                        help="--workers of the memory runs (default: argmine's default, the cores available)")
    parser.add_argument("--profile", action="store_true", help="pyinstrument profile of a 1-worker run")
    parser.add_argument("--parts", default="throughput,memory,components,excluded,phases",
                        help="what to measure, comma-separated: throughput, memory, components (argmine's), "
                             "excluded (spaCy's components argmine leaves out), phases (process vs write), "
                             "views (graph.png and report.html of 100 documents), writing (the writing phase by "
                             "one process and with its helper process); "
                             "default: all")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks the script, not the figures")
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    if args.quick:
        args.docs, args.repeats, args.sizes = 40, 1, "20,40"
    sizes = [int(s) for s in args.sizes.split(",") if s]
    RESULTS.mkdir(parents=True, exist_ok=True)
    report: dict = {"machine": machine(), "command": "python -m bench.benchmark " + " ".join(argv or sys.argv[1:]),
                    "seed": SEED, "batch_size": args.batch_size}
    with tempfile.TemporaryDirectory(prefix="argmine-bench-") as folder:
        work = Path(folder)
        documents = make_documents(max([args.docs, *sizes]))
        path = work / "throughput.jsonl"
        words = write_documents(documents[:args.docs], path)
        if "throughput" in parts:
            measure_throughput(report, args, path, words, work)
        if "memory" in parts:
            report["memory"] = []
            for size in sizes:
                sized = work / f"docs-{size}.jsonl"
                size_words = write_documents(documents[:size], sized)
                for views in ([False, True] if args.views else [False]):
                    elapsed, peak, cpu = argmine_run(sized, work / f"mem-{size}-{views}", args.memory_workers,
                                                     args.batch_size, views=views)
                    report["memory"].append({"documents": size, "words": size_words, "views": views,
                                             "workers": args.memory_workers or "default",
                                             "seconds": elapsed, "cpu_seconds": cpu, "peak_rss_mb": peak})
                    print(f"  memory: {size} documents, views={views}: {peak:.0f} MB in {elapsed:.1f} s", file=sys.stderr)
        if "components" in parts:
            report["components_seconds"] = component_costs([d["text"] for d in documents[:args.docs]], args.batch_size)
        if "phases" in parts:
            report["phases_documents"] = args.docs
            report["phases_seconds"] = phase_times(path, work / "out-phases", args.batch_size)
        if "views" in parts:
            report["views_seconds"] = view_times(path, work / "out-views-only", args.batch_size)
        if "writing" in parts:
            report["writing_documents"] = args.docs
            report["writing_seconds"] = writing_split(path, work / "out-writing", args.batch_size)
        if "excluded" in parts:
            report["excluded_components_seconds"] = excluded_costs([d["text"] for d in documents[:args.docs]],
                                                                   args.batch_size)
        if args.profile:
            (RESULTS / "profile.txt").write_text(profile_run(path, work / "out-profile", args.batch_size), encoding="utf-8")
    name = "benchmark-quick.json" if args.quick else f"benchmark-{'-'.join(sorted(parts))}.json"
    if args.memory_workers and "memory" in parts:
        name = name.replace(".json", f"-workers{args.memory_workers}.json")
    (RESULTS / name).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(markdown(report))
    return report


def measure_throughput(report: dict, args, path: Path, words: int, work: Path) -> None:
    """argmine and spaCy side by side over the same documents, ``args.repeats`` times each, interleaved."""
    report["throughput"] = {"documents": args.docs, "words": words, "runs": {}}
    runs = report["throughput"]["runs"]
    for repeat in range(args.repeats):
        for name, measure in (
            ("spacy nlp.pipe, 1 process", lambda: spacy_pipe(path, args.batch_size)),
            ("argmine run --workers 1", lambda: argmine_run(path, work / f"out-{repeat}-1", 1, args.batch_size)),
            ("argmine run --workers 2", lambda: argmine_run(path, work / f"out-{repeat}-2", 2, args.batch_size)),
            ("spacy nlp.pipe, n_process=2", lambda: spacy_pipe(path, args.batch_size, 2)),
        ):
            load = os.getloadavg()[0]
            elapsed, _, cpu = measure()
            runs.setdefault(name, []).append(elapsed)
            report["throughput"].setdefault("cpu_seconds", {}).setdefault(name, []).append(cpu)
            report["throughput"].setdefault("load_before", {}).setdefault(name, []).append(load)
            print(f"  repeat {repeat + 1}: {name}: {elapsed:.1f} s, {cpu:.1f} CPU s, load {load:.1f}",
                  file=sys.stderr)
    medians = {name: statistics.median(times) for name, times in runs.items()}
    report["throughput"]["median_seconds"] = medians
    report["throughput"]["words_per_second"] = {name: words / t for name, t in medians.items()}
    report["throughput"]["ratio_argmine_to_spacy"] = medians["spacy nlp.pipe, 1 process"] / medians["argmine run --workers 1"]
    report["throughput"]["speedup_1_to_2_workers"] = medians["argmine run --workers 1"] / medians["argmine run --workers 2"]
    views_time, _, _ = argmine_run(path, work / "out-views", 1, args.batch_size, views=True)
    report["throughput"]["argmine run --workers 1 with graph.png and report.html (1 run)"] = views_time


def markdown(report: dict) -> str:
    """The figures as Markdown tables (for docs/PERFORMANCE.md)."""
    lines = []
    if "throughput" in report:
        t = report["throughput"]
        lines += [f"Throughput: {t['documents']} documents, {t['words']:,} words, median of "
                  f"{len(next(iter(t['runs'].values())))} runs.", "",
                  "| command | median s | words/s | CPU s | cores used | load before |", "|---|---:|---:|---:|---:|---:|"]
        for name, seconds in t["median_seconds"].items():
            cpu = statistics.median(t["cpu_seconds"][name])
            load = statistics.median(t["load_before"][name])
            lines.append(f"| {name} | {seconds:.1f} | {t['words_per_second'][name]:,.0f} | {cpu:.1f} | "
                         f"{cpu / seconds:.2f} | {load:.1f} |")
        cpu = {name: statistics.median(values) for name, values in t["cpu_seconds"].items()}
        lines += ["", f"argmine / spaCy throughput: **{t['ratio_argmine_to_spacy']:.2f}** (by CPU seconds: "
                  f"{cpu['spacy nlp.pipe, 1 process'] / cpu['argmine run --workers 1']:.2f}); "
                  f"speed-up 1 -> 2 workers: **{t['speedup_1_to_2_workers']:.2f}x** (spaCy's own n_process=2: "
                  f"{t['median_seconds']['spacy nlp.pipe, 1 process'] / t['median_seconds']['spacy nlp.pipe, n_process=2']:.2f}x)",
                  ""]
    if "memory" in report:
        lines += ["| documents | words | views | peak RSS (MB) | seconds |", "|---:|---:|---|---:|---:|"]
        for row in report["memory"]:
            lines.append(f"| {row['documents']:,} | {row['words']:,} | {'yes' if row['views'] else 'no'} | "
                         f"{row['peak_rss_mb']:.0f} | {row['seconds']:.1f} |")
        plain = [r for r in report["memory"] if not r["views"]]
        if len(plain) >= 2:
            lines += ["", f"peak memory at {plain[-1]['documents']:,} / at {plain[0]['documents']:,} documents: "
                      f"**{plain[-1]['peak_rss_mb'] / plain[0]['peak_rss_mb']:.2f}**", ""]
    if "components_seconds" in report:
        lines += ["| component | CPU seconds |", "|---|---:|"]
        lines += [f"| {name} | {seconds:.2f} |" for name, seconds in report["components_seconds"].items()]
    if "phases_seconds" in report:
        lines += ["", f"| phase of a 1-process run ({report['phases_documents']:,} documents) | value |", "|---|---:|"]
        lines += [f"| {name} | {value:.1f} |" for name, value in report["phases_seconds"].items()]
    if "views_seconds" in report:
        lines += ["", "| views of the first 100 documents | seconds |", "|---|---:|"]
        lines += [f"| {name} | {value:.2f} |" for name, value in report["views_seconds"].items()]
    if "writing_seconds" in report:
        lines += ["", f"| writing phase, {report['writing_documents']:,} documents, no views | wall s | this process CPU s "
                      "| helpers CPU s | load before |", "|---|---:|---:|---:|---:|"]
        lines += [f"| {name} | {v['wall']:.2f} | {v['this process CPU']:.2f} | {v['helpers CPU']:.2f} | "
                  f"{v['load before']:.1f} |" for name, v in report["writing_seconds"].items()]
    if "excluded_components_seconds" in report:
        lines += ["", "| not loaded | seconds it would add |", "|---|---:|"]
        lines += [f"| {name} | {seconds:.2f} |" for name, seconds in report["excluded_components_seconds"].items()]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
