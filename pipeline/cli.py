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

# rich_markup_mode=None: plain click help, which does not print a "<bool>" type after every flag
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Mine claims and causal links out of historical scholarship.")

_DEBUG = {"on": False}
#: Default of ``run --max-chars``: about five long books; a longer document is skipped unless the limit is raised.
DEFAULT_MAX_CHARS = 5_000_000
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
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so that flushing stdout at exit does not raise again
            raise typer.Exit(141)
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


@app.command()
def run(
    paths: Optional[List[Path]] = typer.Argument(None, help="Files or folders (default: corpus/)."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="Worker processes (default: the cores available)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Nothing on stderr: no progress, no summary, no per-file problem lines (errors.csv still lists them)."),
    no_png: bool = typer.Option(False, "--no-png", help="Skip graph.png (faster on big corpora)."),
    no_report: bool = typer.Option(False, "--no-report", help="Skip report.html."),
    engine: str = typer.Option("local", "--engine", help="Where documents are processed: 'local' or 'dask'."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                            help="Dask scheduler address (default: a local cluster)."),
    cache: Optional[Path] = typer.Option(None, "--cache",
                                         help="Cache folder of processed documents (default: OUT/.argmine-cache)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per task and per nlp.pipe batch."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1,
                                  help="Skip (as an error) any document longer than this many characters; "
                                       "plain-text and HTML files of more than 4x as many bytes are skipped "
                                       "unread."),
) -> None:
    """Analyse chapters and write tables, graph files, graph.png and report.html into OUT.

    Documents already processed by an earlier (even interrupted) run with the
    same pipeline are taken from the cache, so a rerun only does what is left.
    """
    if out.exists() and not out.is_dir():
        _fail(f"--out {out} exists and is not a folder")
    if engine not in ("local", "dask"):
        _fail(f"--engine {engine!r}: expected 'local' or 'dask'")
    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask")
    _guard(_run)(paths, out, workers, quiet, no_png, no_report, engine, scheduler, cache, batch_size, max_chars)


def _run(paths, out, workers, quiet, no_png, no_report, engine="local", scheduler=None, cache=None,
         batch_size=16, max_chars=None) -> None:
    from .batch.stream import VIEW_LIMIT, run as run_library

    inputs = [str(p) for p in paths] if paths else ["corpus"]
    if not paths and not Path("corpus").exists():
        _fail("no input given and there is no corpus/ folder here; pass files or folders to analyse")

    def on_problem(problem) -> None:
        if not quiet:
            _say(f"argmine: {problem.file}: {problem.reason} ({problem.action})")

    def on_warning(message: str) -> None:
        _say(f"argmine: warning: {message}")

    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        done = run_library(inputs, out, workers=workers, engine=engine, scheduler=scheduler, cache=cache,
                           batch_size=batch_size, max_chars=max_chars, png=not no_png, report=not no_report,
                           on_problem=on_problem, on_warning=on_warning, on_start=progress.start,
                           on_done=progress.advance, on_chars=progress.advance_chars)
    finally:
        progress.close()
    if not done.written:
        _fail("nothing could be read from " + ", ".join(inputs) + (f" (see {out / 'errors.csv'})" if done.problems else ""))
    counts = done.counts
    if not quiet:
        reused = f" ({done.cached} from the cache)" if done.cached else ""
        _say(f"argmine: {counts['documents']} document(s){reused}, {counts['links']} causal links, "
             f"{counts['claims']} claims in {done.seconds:.1f}s -> {out}/ ({len(done.written)} files)")
        if counts["documents"] > VIEW_LIMIT and not (no_png and no_report):
            _say(f"argmine: graph.png and report.html show the first {VIEW_LIMIT} documents; the tables and graph "
                 "files hold all of them")
        repaired = len(done.problems) - len(done.skipped)
        if done.problems:
            said = [f"{len(done.skipped)} input(s) skipped"] if done.skipped else []
            said += [f"{repaired} repaired (read with a warning)"] if repaired else []
            _say(f"argmine: {' and '.join(said)}, listed in {out / 'errors.csv'}")
    raise typer.Exit(1 if done.skipped else 0)


class _Progress:
    """A progress bar on a terminal, in characters parsed (so it moves within one long document), with the
    documents done, the rate and the time left; silent otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None

    def start(self, total: int, cached: int, characters: int = 0) -> None:
        if not self.enabled or total == cached:
            return
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("{task.fields[documents]}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                            TextColumn("{task.fields[rate]}"), TextColumn("elapsed"), TimeElapsedColumn(),
                            TextColumn("left"), TimeRemainingColumn(), transient=True, console=Console(stderr=True))
        self.bar.start()
        self.total, self.done = total, cached
        self.task = self.bar.add_task("run", total=max(characters, 1), completed=0, rate="",
                                      documents=f"documents {cached}/{total}")
        self.started = time.perf_counter()
        self.chars = 0

    def advance_chars(self, characters: int) -> None:
        if self.bar is None:
            return
        self.chars += characters
        rate = self.chars / max(time.perf_counter() - self.started, 1e-6)
        self.bar.update(self.task, advance=characters, rate=f"{rate / 1000:,.1f}k chars/s")

    def advance(self, documents: int) -> None:
        if self.bar is None:
            return
        self.done += documents
        self.bar.update(self.task, documents=f"documents {self.done}/{self.total}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@app.command()
def links(
    input: Path = typer.Argument(..., help="JSONL with 'id' and 'text' per line."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output JSONL (default: stdout)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes that parse (spaCy n_process)."),
    motives: bool = typer.Option(True, "--motives/--no-motives",
                                 help="Report purposes and motives (intentions) as relations, as BECauSE and the "
                                      "Causal News Corpus annotate them; --no-motives leaves them out."),
    scorer: Optional[str] = typer.Option(None, "--scorer",
                                         help="A learned link scorer (JSON file, or the name of one shipped in "
                                              "models/, e.g. cnc_link_scorer.json for news of protest events): "
                                              "relations it rates below its threshold are left out. Off by default."),
) -> None:
    """Passage-level causal relations, one output line per input line (for evaluation)."""
    _guard(_links)(input, output, workers, motives, scorer)


def _links(input: Path, output: Optional[Path], workers: int, motives: bool = True,
           scorer: Optional[str] = None) -> None:
    from .batch.links import run_links

    if not input.is_file():
        _fail(f"{input}: no such file")
    loaded = None
    if scorer:
        from .batch.link_scorer import load_scorer

        try:
            loaded = load_scorer(scorer)
        except (OSError, ValueError, KeyError) as error:
            _fail(f"--scorer {scorer}: {error}")
    counts = {"errors": 0}

    def on_error(error) -> None:
        counts["errors"] += 1
        _say(f"argmine: {input}:{error.line}: {error.reason}")

    with open(input, encoding="utf-8", errors="replace") as lines:
        if output is None:
            total, errors = run_links(lines, sys.stdout, on_error, n_process=workers, motives=motives,
                                      scorer=loaded)
        else:
            import tempfile

            output.parent.mkdir(parents=True, exist_ok=True)
            handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=output.parent, delete=False,
                                                 prefix=f".{output.name}.")
            try:
                with handle:
                    total, errors = run_links(lines, handle, on_error, n_process=workers, motives=motives,
                                              scorer=loaded)
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
    from .evaluation.scoring import format_scores, read_jsonl, score_records
    from .batch.links import predict_records

    gold_records = list(read_jsonl(gold))
    if not any(isinstance(r, dict) and (r.get("relations") or r.get("causal") is not None) for r in gold_records):
        _fail(f"{gold}: no record has gold annotations ('relations' or 'causal'); nothing to score against")
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
    min_hops: int = typer.Option(2, "--min-hops", min=1,
                                 help="Shortest chain listed, in links (1 also lists single links)."),
) -> None:
    """List causal chains as concept paths, with the links behind each hop."""
    _guard(_chains)(out_dir, source, target, across_documents, doc, min_hops)


def _chains(out_dir, source, target, across_documents, doc, min_hops=2) -> None:
    from .export.writers import load_result

    result = load_result(out_dir)
    known = set(result.links["cause_concept"]) | set(result.links["effect_concept"])
    for name, value in (("--from", source), ("--to", target)):
        if value is not None and result.concept_named(value) is None:
            close = sorted(c for c in known if value.lower() in c.lower())[:5]
            listed = sorted(known, key=str.lower)
            hint = (f"; did you mean {close}?" if close else
                    f"; concepts are: {', '.join(listed[:20])}" + (f" ... ({len(listed)} in all)" if len(listed) > 20
                                                                    else "") if listed else "; it has no concepts")
            _fail(f"{name} {value!r} is not a concept in {out_dir}{hint}")
    found = result.chains(source, target, across_documents=across_documents, min_hops=min_hops)
    if doc:
        found = [c for c in found if doc in c.documents]
    for chain in found:
        label = "continuous" if chain.continuous else "cross-document (transitivity not guaranteed)"
        typer.echo(f"{chain}    [{label}; {', '.join(chain.documents)}]")
        for (a, b), hop in zip(zip(chain.concepts, chain.concepts[1:]), chain.hops):
            first = hop[0]
            typer.echo(f"    {a} -> {b}: '{first.cue}' ({first.doc_id}, sentence {first.sentence_index})"
                       + (f" via {first.via}" if first.via else ""))
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
    from .export.writers import load_result
    from .views.terminal import print_result

    result = load_result(out_dir)
    ids = list(result.documents["doc_id"])
    if doc is not None and doc not in ids:
        _fail(f"no document {doc!r} in {out_dir}; documents are: {', '.join(ids[:10])}")
    print_result(result, doc, out_dir=str(out_dir))


def main() -> None:
    """Entry point of the ``argmine`` command."""
    try:
        app()
    except BrokenPipeError:  # raised outside a command body (help text into `| head`)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(141)
