"""Printing a result readably in a terminal (``argmine show``), with rich."""
from __future__ import annotations

import re
import shlex

import textwrap
from collections import Counter
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

if TYPE_CHECKING:  # pragma: no cover
    from ..graph.result import Result

__all__ = ["print_result", "describe_link", "via_in_words"]

_ASSERTERS = {"author": "the author", "cited": "cited scholarship", "actor": "historical actors"}


#: How the views name each kind of resolution that ``links.csv``'s ``via`` column records as ``anaphora:KIND``.
_RESOLUTION_WORDS = {
    "summary": "a summary phrase", "head-noun": "the same head noun", "event": "an event noun",
    "nominalization": "a nominalization", "consequence": "a consequence phrase", "pronoun": "a pronoun",
    "one-anaphora": "'one' or 'ones'", "synonym": "a synonym", "hypernym": "a broader term",
    "apposition": "an apposition", "enumeration": "an enumeration", "demonstrative": "a demonstrative",
}
_RESOLUTION = re.compile(r"anaphora:([a-z-]+)((?: \([^)]*\))?)")


def via_in_words(via: str) -> str:
    """A link's ``via`` (how its phrases were resolved) in words for the report's "how" column and ``argmine show``.

    ``anaphora:KIND (QUALIFIER)`` becomes "through KIND-in-words (QUALIFIER):" (a kind without
    words stays as it is); the quoted phrases are kept.

    >>> via_in_words("anaphora:synonym 'These strains' = 'new tensions'")
    "through a synonym: 'These strains' = 'new tensions'"
    >>> via_in_words("anaphora:summary (joint causes) 'both' includes 'the war'")
    "through a summary phrase (joint causes): 'both' includes 'the war'"
    """
    def words(match: re.Match) -> str:
        kind = _RESOLUTION_WORDS.get(match.group(1))
        return match.group(0) if kind is None else f"through {kind}{match.group(2)}:"
    return _RESOLUTION.sub(words, via)


def describe_link(link, detail: bool = True, asserter: bool = True) -> str:
    """How a link is stated, in words: its modality when not asserted (hedged, hypothetical, question),
    contributory, negated, implied (and, with ``detail``, by what), who asserts it.

    >>> from types import SimpleNamespace as L
    >>> describe_link(L(hedged=True, strength="sufficient", polarity="positive", explicit=False, asserted_by="author",
    ...                 via="anaphora:summary 'Such interaction' includes 'old tensions'"))
    "hedged, implied (through a summary phrase: 'Such interaction' includes 'old tensions')"
    """
    how = []
    modality = getattr(link, "modality", "") or ("hedged" if link.hedged else "asserted")
    if modality != "asserted":
        how.append(modality)
    if link.strength not in ("sufficient", "unspecified"):  # the default grades go unsaid
        how.append(link.strength)
    if link.polarity == "negative":
        how.append("negated")
    if not link.explicit:
        how.append(f"implied ({textwrap.shorten(via_in_words(link.via), 90, placeholder=' …')})" if link.via and detail else "implied")
    if asserter and link.asserted_by != "author":
        how.append(f"asserted by {_ASSERTERS.get(link.asserted_by, link.asserted_by)}")
    return ", ".join(how)


def _heading(console: Console, row, n_links: int) -> None:
    title = row.title if isinstance(row.title, str) and row.title else row.doc_id
    console.rule(f"[bold]{escape(title)}[/bold]", align="left")
    meta = [str(getattr(row, k)) for k in ("book_title", "pages", "publisher", "print_year")
            if isinstance(getattr(row, k, ""), str) and getattr(row, k, "")]
    console.print(f"[dim]{escape(' · '.join(meta + [row.doc_id]))}[/dim]")
    console.print(f"{row.sentences} sentences, {row.claims} claims, {n_links} causal links")


def print_result(result: "Result", doc_id: str | None = None, console: Console | None = None, max_chains: int = 8,
                 out_dir: str = "OUT_DIR") -> None:
    """For each chapter: its title, its longest continuous chains with the links behind each hop, and its links.

    Link numbers are the ``link_id`` of ``links.csv`` (a document's links counted
    from 0, as in the report); sentence numbers are ``sentence_index`` (from 0).
    """
    console = console or Console()
    all_chains = [c for c in result.chains() if c.continuous]
    chapters = {item.chapter.id: item for item in result.chapters}
    for row in result.documents.itertuples(index=False):
        if doc_id is not None and row.doc_id != doc_id:
            continue
        links = [l for l in result.link_records if l.doc_id == row.doc_id]
        number = {id(l): n for n, l in enumerate(links)}  # link_id in links.csv
        _heading(console, row, len(links))
        chains = [c for c in all_chains if row.doc_id in c.documents]
        if chains:
            tree = Tree(f"[bold]Chains[/bold] [dim](longest first; every hop stated in this chapter; "
                        f"{min(len(chains), max_chains)} of {len(chains)})[/dim]")
            for chain in chains[:max_chains]:
                branch = tree.add(" → ".join(f"[cyan]{escape(c)}[/cyan]" for c in chain.concepts))
                for (a, b), hop in zip(zip(chain.concepts, chain.concepts[1:]), chain.hops):
                    link = next((l for l in hop if l.doc_id == row.doc_id), hop[0])
                    how = describe_link(link, detail=False)
                    branch.add(f"{escape(a)} → {escape(b)}: “[bold]{escape(link.cue)}[/bold]”, "
                               f"sentence {link.sentence_index}, link {number.get(id(link), '?')}"
                               + (f" [yellow]{escape(how)}[/yellow]" if how else ""))
            console.print(tree)
            if len(chains) > max_chains:
                console.print(f"[dim]… {len(chains) - max_chains} more: argmine chains {escape(shlex.quote(out_dir))} "
                              f"--doc {escape(shlex.quote(row.doc_id))}[/dim]")
        else:
            console.print("[dim]No chains of two or more hops in this chapter.[/dim]")
        if not links:
            console.print("[dim]No causal links.[/dim]\n")
            continue
        table = Table(title="Causal links", title_justify="left", header_style="bold", show_lines=False)
        table.add_column("link", justify="right")
        table.add_column("sent.", justify="right")
        for column in ("cause", "cue", "effect", "how"):
            table.add_column(column, overflow="fold")
        for link in links:
            how = describe_link(link)
            style = "red" if link.polarity == "negative" else ("yellow" if link.hedged else "")
            table.add_row(str(number[id(link)]), str(link.sentence_index), escape(link.cause_concept),
                          escape(link.cue), escape(link.effect_concept), escape(how) or "asserted", style=style or None)
        console.print(table)
        kinds = Counter(c.type for c in chapters[row.doc_id].extraction.claims)
        if kinds:
            console.print("[dim]Claims: " + ", ".join(f"{n} {k}" for k, n in kinds.most_common()) + "[/dim]\n")
