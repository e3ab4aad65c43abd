"""The ``argmine`` command line. Thin: each command parses arguments and calls the library.

Exit codes (design.md): 0 when every input was processed, 1 when some were
skipped (listed in ``errors.csv``), 2 on unusable arguments or when nothing
could be read. Errors are one line on stderr; ``--debug`` shows tracebacks.
"""
from __future__ import annotations

import os
import re
import sys
import time
import warnings
from pathlib import Path
from typing import List, Optional

import typer

from .errors import ArgmineError

__all__ = ["app", "main"]

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Mine claims and causal links out of historical scholarship.")

_DEBUG = {"on": False}
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _say(message: str) -> None:
    """One line on stderr: line breaks and control characters (from file names, ids) are shown escaped."""
    typer.echo(_UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], message), err=True)


def _fail(message: str, code: int = 2) -> None:
    _say(f"argmine: error: {message}")
    raise typer.Exit(code)


def _guard(function):
    """Run a command body: argmine errors become one line on stderr and exit 2."""
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except typer.Exit:
            raise
        except ArgmineError as error:
            if _DEBUG["on"]:
                raise
            _fail(str(error))
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as error:  # a bug: say so plainly, keep the traceback for --debug
            if _DEBUG["on"]:
                raise
            _fail(f"unexpected {type(error).__name__}: {error} (run with --debug for the traceback)")
    wrapper.__wrapped__ = function
    return wrapper


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors.")) -> None:
    _DEBUG["on"] = debug
    # A concept in a script the plot font lacks (CJK, emoji) is drawn as boxes; do not flood stderr about it.
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@app.command()
def run(
    paths: Optional[List[Path]] = typer.Argument(None, help="Files or folders (default: corpus/)."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for parsing."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr."),
    no_png: bool = typer.Option(False, "--no-png", help="Skip graph.png (faster on big corpora)."),
    no_report: bool = typer.Option(False, "--no-report", help="Skip report.html."),
) -> None:
    """Analyse chapters and write tables, graph files, graph.png and report.html into OUT."""
    if out.exists() and not out.is_dir():
        _fail(f"--out {out} exists and is not a folder")
    _guard(_run)(paths, out, workers, quiet, no_png, no_report)


def _run(paths, out, workers, quiet, no_png, no_report) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from .analysis import build_result
    from .corpus import iter_corpus
    from .process import process_chapters

    inputs = [str(p) for p in paths] if paths else ["corpus"]
    if not paths and not Path("corpus").exists():
        _fail("no input given and there is no corpus/ folder here; pass files or folders to analyse")
    problems = []

    def on_problem(problem) -> None:
        problems.append(problem)
        if not quiet:
            _say(f"argmine: {problem.file}: {problem.reason} ({problem.action})")

    started = time.perf_counter()
    chapters = iter_corpus(inputs, on_problem=on_problem)
    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    results = []
    for item in process_chapters(chapters, n_process=workers):
        results.append(item)
        progress.step(item.words)
    progress.close()
    skipped = [p for p in problems if p.action == "skipped"]
    if not results:
        if problems:
            _write_errors_only(problems, out)
        _fail("nothing could be read from " + ", ".join(inputs) + (" (see errors.csv)" if problems else ""))
    result = build_result(results, problems)
    written = result.write(out, png=not no_png, report=not no_report)
    if not quiet:
        elapsed = time.perf_counter() - started
        _say(f"argmine: {len(results)} document(s), {len(result.link_records)} causal links, "
             f"{len(result.claims)} claims in {elapsed:.1f}s -> {out}/ ({len(written)} files)")
        if skipped:
            _say(f"argmine: {len(skipped)} input(s) skipped, listed in {out / 'errors.csv'}")
    raise typer.Exit(1 if skipped else 0)


def _write_errors_only(problems, out: Path) -> None:
    import pandas as pd

    from .export import atomic_write_text
    from .records import InputProblem, as_row, record_columns

    out.mkdir(parents=True, exist_ok=True)
    frame = pd.DataFrame([as_row(p) for p in problems], columns=record_columns(InputProblem))
    atomic_write_text(out / "errors.csv", frame.to_csv(index=False))


class _Progress:
    """A rich progress line on a terminal; silent otherwise."""

    def __init__(self, enabled: bool):
        self.bar = None
        if enabled:
            from rich.progress import Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.completed} documents"), TextColumn("{task.fields[rate]}"),
                                TimeElapsedColumn(), transient=True, console=None)
            self.bar.start()
            self.task = self.bar.add_task("run", total=None, rate="")
            self.words = 0
            self.started = time.perf_counter()

    def step(self, words: int) -> None:
        if self.bar is None:
            return
        self.words += words
        rate = self.words / max(time.perf_counter() - self.started, 1e-6)
        self.bar.update(self.task, advance=1, rate=f"{rate:,.0f} words/s")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
def links(
    input: Path = typer.Argument(..., help="JSONL with 'id' and 'text' per line."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output JSONL (default: stdout)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1),
) -> None:
    """Passage-level causal relations, one output line per input line (for evaluation)."""
    _guard(_links)(input, output, workers)


def _links(input: Path, output: Optional[Path], workers: int) -> None:
    from .links import run_links

    if not input.is_file():
        _fail(f"{input}: no such file")
    counts = {"errors": 0}

    def on_error(error) -> None:
        counts["errors"] += 1
        _say(f"argmine: {input}:{error.line}: {error.reason}")

    with open(input, encoding="utf-8", errors="replace") as lines:
        if output is None:
            total, errors = run_links(lines, sys.stdout, on_error, n_process=workers)
        else:
            import tempfile

            output.parent.mkdir(parents=True, exist_ok=True)
            handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=output.parent, delete=False,
                                                 prefix=f".{output.name}.")
            try:
                with handle:
                    total, errors = run_links(lines, handle, on_error, n_process=workers)
                os.replace(handle.name, output)
            except BaseException:
                Path(handle.name).unlink(missing_ok=True)
                raise
    raise typer.Exit(1 if errors else 0)


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSONL (../shared/data schema)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Predictions JSONL; computed when absent."),
    exact: bool = typer.Option(False, "--exact", help="Spans must match exactly."),
) -> None:
    """Score causal relations: precision, recall, F1 and sentence-level detection."""
    _guard(_evaluate)(gold, pred, exact)


def _evaluate(gold: Path, pred: Optional[Path], exact: bool) -> None:
    from .evaluate import format_scores, read_jsonl, score_records
    from .links import predict_records

    gold_records = list(read_jsonl(gold))
    if pred is not None:
        predictions = list(read_jsonl(pred))
    else:
        predictions = list(predict_records({"id": r["id"], "text": r["text"]} for r in gold_records))
    scores = score_records(gold_records, predictions, exact=exact)
    typer.echo(format_scores(scores, name=gold.parent.name or gold.name))


@app.command()
def chains(
    out_dir: Path = typer.Argument(Path("out"), help="A folder written by `argmine run`."),
    source: Optional[str] = typer.Option(None, "--from", help="Start concept."),
    target: Optional[str] = typer.Option(None, "--to", help="End concept."),
    across_documents: bool = typer.Option(False, "--across-documents",
                                          help="Also join hops asserted by different documents (labelled)."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only chains of this document."),
) -> None:
    """List causal chains as concept paths, with the links behind each hop."""
    _guard(_chains)(out_dir, source, target, across_documents, doc)


def _chains(out_dir, source, target, across_documents, doc) -> None:
    from .analysis import load_result

    result = load_result(out_dir)
    known = set(result.links["cause_concept"]) | set(result.links["effect_concept"])
    for name, value in (("--from", source), ("--to", target)):
        if value is not None and value not in known:
            close = sorted(c for c in known if value.lower() in c.lower())[:5]
            _fail(f"{name} {value!r} is not a concept in {out_dir}" + (f"; did you mean {close}?" if close else ""))
    found = result.chains(source, target, across_documents=across_documents)
    if doc:
        found = [c for c in found if doc in c.documents]
    for chain in found:
        label = "continuous" if chain.continuous else "cross-document (transitivity not guaranteed)"
        typer.echo(f"{chain}    [{label}; {', '.join(chain.documents)}]")
        for (a, b), hop in zip(zip(chain.concepts, chain.concepts[1:]), chain.hops):
            first = hop[0]
            typer.echo(f"    {a} -> {b}: '{first.cue}' ({first.doc_id}, sentence {first.sentence_index})")
    if not found:
        _say("argmine: no chains found")


@app.command()
def show(
    out_dir: Path = typer.Argument(Path("out"), help="A folder written by `argmine run`."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Document id (default: every document)."),
) -> None:
    """Print each chapter's chains and the links behind them."""
    _guard(_show)(out_dir, doc)


def _show(out_dir, doc) -> None:
    from .analysis import load_result
    from .terminal import print_result

    result = load_result(out_dir)
    ids = list(result.documents["doc_id"])
    if doc is not None and doc not in ids:
        _fail(f"no document {doc!r} in {out_dir}; documents are: {', '.join(ids[:10])}")
    print_result(result, doc)


def main() -> None:
    """Entry point of the ``argmine`` command."""
    app()
