"""Printing a result readably in a terminal (``argmine show``), with rich."""
from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.tree import Tree

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Result

__all__ = ["print_result"]


def print_result(result: "Result", doc_id: str | None = None, console: Console | None = None, max_chains: int = 8) -> None:
    """For each chapter: its title, its longest continuous chains with the links behind each hop, and its links."""
    console = console or Console()
    for row in result.documents.itertuples(index=False):
        if doc_id is not None and row.doc_id != doc_id:
            continue
        title = row.title or row.doc_id
        console.rule(f"[bold]{title}[/bold]  [dim]({row.doc_id})[/dim]")
        chains = [c for c in result.chains() if row.doc_id in c.documents][:max_chains]
        if chains:
            tree = Tree("[bold]Chains[/bold] (longest first; every hop stated in this chapter)")
            for chain in chains:
                branch = tree.add(" → ".join(f"[cyan]{c}[/cyan]" for c in chain.concepts))
                for (a, b), hop in zip(zip(chain.concepts, chain.concepts[1:]), chain.hops):
                    link = next((l for l in hop if l.doc_id == row.doc_id), hop[0])
                    how = "" if link.explicit else f" [dim]({link.via.split(' ')[0]})[/dim]"
                    hedge = " [yellow]hedged[/yellow]" if link.hedged else ""
                    branch.add(f"{a} → {b}: “{link.cue}”, sentence {link.sentence_index}{hedge}{how}")
            console.print(tree)
        else:
            console.print("[dim]no chains of two or more hops[/dim]")
        table = Table(title="Causal links", show_lines=False, header_style="bold")
        for column in ("#", "cause", "cue", "effect", "how"):
            table.add_column(column, overflow="fold")
        for link in (l for l in result.link_records if l.doc_id == row.doc_id):
            how = ", ".join(x for x in (
                "hedged" if link.hedged else "", link.strength if link.strength != "sufficient" else "",
                "negated" if link.polarity == "negative" else "", "implied" if not link.explicit else "",
                link.asserted_by if link.asserted_by != "author" else "") if x)
            table.add_row(str(link.sentence_index), link.cause_concept, link.cue, link.effect_concept, how)
        console.print(table)
