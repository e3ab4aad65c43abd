"""Wall time, CPU time and peak memory (the parent and each worker apart) of ``argmine run`` on one long text.

Run from the repository root::

    python -m bench.long_run BOOK.txt --out /tmp/out-book --workers 2
    python -m bench.long_run BIG.txt --out /tmp/out-big --workers 2 --max-chars 60000000 --progress /tmp/big.log

Runs ``python -m argmine run PATH --out OUT --workers N --no-png --no-report --quiet`` (with ``--max-chars``
when given) in a fresh subprocess with an empty output folder and cache, and samples the process tree
every ``--every`` seconds (psutil): the peak RSS of the parent (the ``argmine run`` process), the peak RSS
of any one worker process, and the peak of their sum. CPU seconds are user + system of the whole tree
(``getrusage(RUSAGE_CHILDREN)``); ``cpu_by_process`` gives each process's own CPU seconds at its last sample
(how the work was shared: on an idle machine the busiest process bounds the wall time). Prints one JSON
object (also the last line of ``--progress``).

``--progress FILE`` runs the same thing through :func:`argmine.batch.stream.run` (the function ``argmine
run`` calls, with the same arguments) in the subprocess instead, so that its ``on_chars`` and ``on_done``
callbacks (what moves the progress bar) are logged to FILE with a time stamp, with a line of the sampler
every ``--log-every`` seconds: how far a very long run has got, while it runs. The book
(``docs/PERFORMANCE.md``) is ``python -m bench.long_parse BOOK.txt --make 1000000``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROGRESS_SCRIPT = """
import sys, time
from argmine.batch.stream import run
path, out, workers, max_chars, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
started = time.perf_counter()
handle = open(log, "a", buffering=1, encoding="utf-8")
state = {"chars": 0, "pieces": 0, "documents": 0}
def say(what):
    handle.write(f"{time.perf_counter() - started:9.1f} s  {what}\\n")
def on_start(total, cached, characters=0):
    say(f"start: {total} document(s), {cached} cached, {characters:,} characters to parse")
def on_chars(n):
    state["chars"] += n
    state["pieces"] += 1
    say(f"piece {state['pieces']} parsed ({n:,} chars): {state['chars']:,} characters done")
def on_done(n):
    state["documents"] += n
    say(f"{state['documents']} document(s) stored")
report = run([path], out, workers=workers, max_chars=int(max_chars) if max_chars else None, png=False,
             report=False, on_start=on_start, on_chars=on_chars, on_done=on_done,
             on_problem=lambda p: say(f"problem: {p.file}: {p.reason} ({p.action})"))
say(f"written {len(report.written)} files: {report.counts}")
"""


def measure(command: list[str], every: float = 0.2, log=None, log_every: float = 30.0) -> dict:
    """Run ``command`` and sample its process tree; wall, CPU and peak RSS figures (MB)."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(process.pid)
    peak = {"parent": 0, "worker": 0, "total": 0}
    workers_seen: set[int] = set()
    cpu: dict[int, float] = {}  # CPU seconds (user + system) of each process at its last sample
    last_log = started
    while process.poll() is None:
        try:
            own = parent.memory_info().rss
            times = parent.cpu_times()
            cpu[parent.pid] = times.user + times.system
            children = []
            for child in parent.children(recursive=True):
                try:
                    children.append(child.memory_info().rss)
                    times = child.cpu_times()
                    cpu[child.pid] = times.user + times.system
                    workers_seen.add(child.pid)
                except psutil.Error:
                    pass
            peak["parent"] = max(peak["parent"], own)
            peak["worker"] = max([peak["worker"], *children])
            peak["total"] = max(peak["total"], own + sum(children))
            if log is not None and time.perf_counter() - last_log >= log_every:
                last_log = time.perf_counter()
                log.write(f"{last_log - started:9.1f} s  sampler: parent {own / 2**20:.0f} MB, workers "
                          f"{[round(c / 2**20) for c in children]} MB, peak total {peak['total'] / 2**20:.0f} MB\n")
                log.flush()
        except psutil.Error:
            pass
        time.sleep(every)
    wall = time.perf_counter() - started
    stdout, stderr = process.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"exit": process.returncode, "wall_seconds": round(wall, 1),
            "cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
            "peak_rss_mb": {name: round(value / 2**20) for name, value in peak.items()},
            "processes_seen": len(workers_seen) + 1,
            # CPU seconds of the parent and of each other process (workers, helpers), at their last sample: how the
            # work was shared, whatever the load (the busiest process bounds the wall time on an idle machine)
            "cpu_by_process": {"parent": round(cpu.pop(process.pid, 0.0), 1),
                               "others": sorted((round(value, 1) for value in cpu.values()), reverse=True)},
            "stderr": stderr[-2000:], "stdout": stdout[-2000:]}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--out", required=True, help="output folder (emptied first, cache included)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-chars", type=int, default=None)
    parser.add_argument("--every", type=float, default=0.2, help="sampling interval, seconds")
    parser.add_argument("--progress", default=None, metavar="FILE", help="log progress events to FILE")
    parser.add_argument("--log-every", type=float, default=30.0, help="with --progress: a sampler line this often")
    args = parser.parse_args(argv)
    shutil.rmtree(args.out, ignore_errors=True)
    log = None
    if args.progress:
        log = open(args.progress, "a", encoding="utf-8")
        command = [sys.executable, "-c", _PROGRESS_SCRIPT, args.path, args.out, str(args.workers),
                   str(args.max_chars or ""), args.progress]
    else:
        command = [sys.executable, "-m", "argmine", "run", args.path, "--out", args.out, "--workers",
                   str(args.workers), "--no-png", "--no-report", "--quiet"]
        if args.max_chars:
            command += ["--max-chars", str(args.max_chars)]
    load = os.getloadavg()[0]
    report = {"command": " ".join(command if not args.progress else ["bench.long_run", *sys.argv[1:]]),
              "load_before": round(load, 2), **measure(command, args.every, log, args.log_every)}
    line = json.dumps(report)
    if log is not None:
        log.write(line + "\n")
        log.close()
    print(line)
    return report


if __name__ == "__main__":
    main()
