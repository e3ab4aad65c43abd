"""The HTML report and the in-notebook view of the evidence.

The report shows every sentence of every document with its causes, effects
and cue words marked, the type of each claim and who asserts it, numbered
links that lead to a table of the links, the interactive graph and the chains.

Every piece of input text goes through :func:`html.escape` before it reaches
the page; the only script is the graph view, whose data is escaped JSON (see
:mod:`argmine.views.interactive`). The page loads nothing from the network.
"""
from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from .terminal import describe_link, via_in_words

if TYPE_CHECKING:  # pragma: no cover
    from ..graph.result import Result

__all__ = ["highlight_text", "render_report", "write_report", "show_document", "document_html", "EvidenceView",
           "displacy_data",
           "CLAIM_TYPES", "ASSERTERS"]

CLAIM_TYPES = {
    "thesis": "the author's central argument",
    "claim": "a point the text argues",
    "premise": "evidence or a ground given for another claim",
    "background": "what others established, or the context",
    "meta": "the text speaking about itself (\"this chapter looks at\")",
}
ASSERTERS = {"author": "the author", "cited": "cited scholarship", "actor": "historical actors"}
_MAX_CHAINS = 8

_PAGE_STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; margin: 0; color: #222; background: #fbfaf6; }
header { padding: 1rem 2rem; background: #1f3b73; color: #fff; }
header h1 { margin: 0; font-size: 1.4rem; } header p { margin: .3rem 0 0; font-size: .9rem; opacity: .9; }
main { padding: 1rem 2rem; max-width: 96rem; }
.overview { border-bottom: 1px solid #ccc; padding-bottom: 1.2rem; margin-bottom: 1.5rem; }
.chains { font: .9rem/1.6 Helvetica, Arial, sans-serif; padding-left: 1.2rem; }
.chains .where { color: #666; font-size: .8rem; }
.doc { display: flex; flex-wrap: wrap; gap: 2rem; border-bottom: 1px solid #ccc; padding-bottom: 1.5rem; margin-bottom: 1.5rem; }
.doc .text { flex: 1 1 34rem; max-width: 50rem; }
.side { flex: 1 1 42rem; min-width: 0; overflow-x: auto; }
.side svg.argmine-svg { max-width: 100%; height: auto; border: 1px solid #ddd; background: #fff; }
"""

# The evidence view, scoped under .argmine so that it can sit inside a notebook page.
_EVIDENCE_STYLE = """
.argmine h2 { font-size: 1.25rem; margin: .4rem 0; }
.argmine .howto { font: .85rem/1.8 Helvetica, Arial, sans-serif; color: #333; background: #fff; border: 1px solid #ddd;
                  padding: .6rem .9rem; margin-bottom: 1.2rem; }
.argmine .howto b { font-weight: 600; }
.argmine .text { line-height: 1.75; font-family: Georgia, 'Times New Roman', serif; }
.argmine .meta { font-size: .85rem; color: #555; margin-top: 0; }
.argmine .sentence { margin: .2rem 0 .7rem; position: relative; padding-left: 2.1rem; }
.argmine .sentence .n { position: absolute; left: 0; top: .15rem; font: .72rem Helvetica, Arial, sans-serif; color: #888;
                        text-decoration: none; width: 1.7rem; text-align: right; }
.argmine .sentence:target, .argmine tr:target { background: #fff4cf; }
.argmine .plain { color: #666; padding-left: 2.1rem; }
.argmine .badge { font: .7rem/1.2 Helvetica, Arial, sans-serif; padding: .08rem .4rem; border-radius: .6rem;
                  margin-right: .3rem; background: #e4e4e4; color: #333; vertical-align: middle; white-space: nowrap;
                  cursor: help; }
.argmine .badge.thesis { background: #1f3b73; color: #fff; } .argmine .badge.background { background: #7d8a99; color: #fff; }
.argmine .badge.meta { background: #ddd; } .argmine .badge.premise { background: #3c7a4a; color: #fff; }
.argmine .badge.claim { background: #c9d6ea; }
.argmine .badge.by { background: #fff; border: 1px solid #bbb; }
.argmine .badge.by.cited, .argmine .badge.by.actor { background: #f2e3c6; border-color: #d9b77a; }
.argmine .badge.hedged { background: #ffe0b2; } .argmine .badge.negative { background: #f6d0d0; }
.argmine .cause { background: #dbe8fb; border-bottom: 2px solid #1f3b73; }
.argmine .effect { background: #fde4c8; border-bottom: 2px solid #e08a00; }
.argmine .cause.effect { background: linear-gradient(#dbe8fb, #fde4c8); border-bottom: 2px double #555; }
.argmine .cue { font-weight: bold; color: #b2182b; }
.argmine sup.ref { font: .62rem Helvetica, Arial, sans-serif; margin: 0 .1rem; }
.argmine sup.ref a { color: #b2182b; text-decoration: none; }
.argmine table { border-collapse: collapse; font: .8rem Helvetica, Arial, sans-serif; margin-top: .8rem; width: 100%; }
.argmine td, .argmine th { border: 1px solid #ddd; padding: .2rem .4rem; text-align: left; vertical-align: top;
                             overflow-wrap: break-word; }
.argmine th { background: #eee; }
.argmine td.how { color: #555; } .argmine td.how small { color: #777; font-size: .7rem; }
.argmine td a { color: #1f3b73; }
"""


def _char_marks(text_length: int, links: Iterable, offset: int) -> list[set[tuple[str, int]]]:
    """For every character, the (kind, link number) pairs that cover it."""
    marks: list[set[tuple[str, int]]] = [set() for _ in range(text_length)]
    for number, link in links:
        for start, end, kind in ((link.cause_start, link.cause_end, "cause"), (link.effect_start, link.effect_end, "effect"),
                                 (link.cue_start, link.cue_end, "cue")):
            for i in range(max(start - offset, 0), min(end - offset, text_length)):
                marks[i].add((kind, number))
    return marks


def _span_title(marks: set[tuple[str, int]]) -> str:
    by_kind: dict[str, list[int]] = defaultdict(list)
    for kind, number in sorted(marks, key=lambda m: (m[1], m[0])):
        by_kind[kind].append(number)
    return "; ".join(f"{kind} of link{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}"
                     for kind, numbers in sorted(by_kind.items()))


def highlight_text(text: str, links, offset: int = 0, inserts: Mapping[int, str] | None = None) -> str:
    """HTML of ``text`` with causes, effects and cues wrapped in classed spans (all escaped).

    ``links`` are link records or ``(number, link)`` pairs; a numbered span's
    ``title`` says which links it belongs to. ``inserts`` maps a position in
    ``text`` to ready-made HTML placed there (e.g. a link reference).

    >>> from types import SimpleNamespace as L
    >>> highlight_text("A <b> caused C", [L(cause_start=0, cause_end=5, effect_start=13, effect_end=14, cue_start=6, cue_end=12)])
    '<span class="cause">A &lt;b&gt;</span> <span class="cue">caused</span> <span class="effect">C</span>'
    """
    links = list(links)
    numbered = all(isinstance(item, tuple) for item in links)
    pairs = links if numbered else [(0, link) for link in links]
    marks = _char_marks(len(text), pairs, offset)
    inserts = dict(inserts or {})
    out = [inserts[0]] if 0 in inserts else []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[start] or i in inserts:
            piece = html.escape(text[start:i])
            kinds = {kind for kind, _ in marks[start]}
            if "cue" in kinds:
                kinds = {"cue"}
            if kinds:
                title = f' title="{html.escape(_span_title(marks[start]), quote=True)}"' if numbered and links else ""
                out.append(f'<span class="{" ".join(sorted(kinds))}"{title}>{piece}</span>')
            else:
                out.append(piece)
            if i in inserts and i < len(text):
                out.append(inserts[i])
            start = i
    if len(text) in inserts and len(text):
        out.append(inserts[len(text)])
    return "".join(out)


def _numbers(numbers: Iterable[int]) -> str:
    """Link numbers with runs shortened: ``1,2,3,5`` becomes ``1–3,5``.

    >>> _numbers([5, 1, 2, 3])
    '1–3,5'
    """
    values = sorted(set(numbers))
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ",".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ",".join(map(str, r)) for r in runs)


def _anchor(doc_id: str, kind: str, number: int) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", doc_id) + f"-{kind}{number}"


def _badges(claim) -> str:
    kind = html.escape(claim.type)
    badges = [f'<span class="badge {kind}" title="{html.escape(claim.type + ": " + CLAIM_TYPES.get(claim.type, ""), quote=True)}">'
              f"{kind}</span>"]
    who = ASSERTERS.get(claim.asserted_by, claim.asserted_by)
    badges.append(f'<span class="badge by {html.escape(claim.asserted_by, quote=True)}" '
                  f'title="asserted by {html.escape(who, quote=True)}">{html.escape(who)}</span>')
    if claim.hedged:
        badges.append('<span class="badge hedged" title="stated with a hedge (may, perhaps, seems…)">hedged</span>')
    if claim.polarity == "negative":
        badges.append('<span class="badge negative" title="the claim denies something">denies</span>')
    return "".join(badges)


def _sentences(text: str, claims) -> list[tuple[int | None, int, int, list]]:
    """(sentence index or None for uncovered text, start, end, claims) in text order."""
    grouped: dict[int, list] = defaultdict(list)
    for claim in claims:
        grouped[claim.sentence_index].append(claim)
    spans = sorted(((i, min(c.start for c in cs), max(c.end for c in cs), sorted(cs, key=lambda c: c.start))
                    for i, cs in grouped.items()), key=lambda s: s[1])
    out: list[tuple[int | None, int, int, list]] = []
    cursor = 0
    for index, start, end, members in spans:
        if text[cursor:start].strip():
            out.append((None, cursor, start, []))
        out.append((index, start, end, members))
        cursor = max(cursor, end)
    if text[cursor:].strip():
        out.append((None, cursor, len(text), []))
    return out


def _document_text(doc_id: str, text: str, claims, numbered_links) -> str:
    parts = []
    for index, start, end, members in _sentences(text, claims):
        if index is None:
            parts.append(f'<p class="plain">{html.escape(text[start:end].strip())}</p>')
            continue
        inside = [(n, l) for n, l in numbered_links if start <= l.cue_start < end or l.sentence_index == index]
        inserts: dict[int, list[int]] = defaultdict(list)
        for number, link in inside:
            inserts[min(max(link.cue_end, start), end) - start].append(number)
        refs = {pos: f'<sup class="ref"><a href="#{_anchor(doc_id, "link", min(numbers))}" '
                     f'title="link{"s" if len(numbers) > 1 else ""} {_numbers(numbers)} in the table">{_numbers(numbers)}</a></sup>'
                for pos, numbers in inserts.items()}
        for claim in members:
            refs[claim.start - start] = _badges(claim) + refs.get(claim.start - start, "")
        body = highlight_text(text[start:end], inside, offset=start, inserts=refs)
        anchor = _anchor(doc_id, "s", index)
        parts.append(f'<p class="sentence" id="{anchor}"><a class="n" href="#{anchor}" title="sentence {index}">{index}</a>'
                     f"{body}</p>")
    if not claims:
        parts.append(f"<p>{html.escape(text)}</p>")
    return "\n".join(parts)


def _how(link) -> str:
    """The links table's "how" column (who asserts it has a column of its own)."""
    return describe_link(link, detail=False, asserter=False) or "asserted"


def _group_members(numbered_links) -> dict[str, list[int]]:
    """The link numbers of each link group of one document, in table order."""
    members: dict[str, list[int]] = defaultdict(list)
    for number, link in numbered_links:
        if getattr(link, "group", ""):
            members[link.group].append(number)
    return members


def _bundle_note(group: str, number: int, numbers: list[int]) -> str:
    """What a link's group means, in words: "one of links 3–5, read from a summary phrase".

    ``group`` is a :attr:`argmine.records.CausalLink.group` id (``"<doc>:<kind>@<offset>"``);
    the kind is ``summary`` (a phrase that sums up causes named before it) or
    ``enumeration`` (a list that an announcing sentence introduces).

    >>> _bundle_note("d:enumeration@97", 4, [3, 4, 5])
    'one of links 3–5, read from an enumeration'
    >>> _bundle_note("d:summary@12", 2, [2])
    'read from a summary phrase'
    """
    kind = group.rpartition(":")[2].partition("@")[0]
    source = {"summary": "a summary phrase", "enumeration": "an enumeration"}.get(kind, "one phrase")
    others = [n for n in numbers if n != number]
    if not others:
        return f"read from {source}"
    return f"one of links {_numbers(numbers)}, read from {source}"


def _links_table(doc_id: str, numbered_links) -> str:
    rows = ['<table class="links"><tr><th>link</th><th>sentence</th><th>cause</th><th>cue</th><th>effect</th>'
            "<th>how</th><th>asserted by</th></tr>"]
    members = _group_members(numbered_links)
    for number, link in numbered_links:
        via = f'<br><small title="how a phrase was resolved">{html.escape(via_in_words(link.via))}</small>' if link.via else ""
        if getattr(link, "group", ""):
            via += f"<br><small>{html.escape(_bundle_note(link.group, number, members[link.group]))}</small>"
        rows.append(
            f'<tr id="{_anchor(doc_id, "link", number)}"><td>{number}</td>'
            f'<td><a href="#{_anchor(doc_id, "s", link.sentence_index)}">{link.sentence_index}</a></td>'
            f'<td title="{html.escape(link.cause_text, quote=True)}">{html.escape(link.cause_concept)}</td>'
            f"<td>{html.escape(link.cue)}</td>"
            f'<td title="{html.escape(link.effect_text, quote=True)}">{html.escape(link.effect_concept)}</td>'
            f'<td class="how">{html.escape(_how(link))}{via}</td>'
            f"<td>{html.escape(ASSERTERS.get(link.asserted_by, link.asserted_by))}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _meta_line(row, title: str) -> str:
    bits = [str(getattr(row, k)) for k in ("book_title", "book_subtitle", "pages", "publisher", "print_year")
            if isinstance(getattr(row, k, ""), str) and getattr(row, k, "")]
    if title != row.doc_id:
        bits.append(row.doc_id)
    return f'<p class="meta">{html.escape(" · ".join(bits))}</p>'


def _title_of(row) -> str:
    return row.title if isinstance(row.title, str) and row.title else row.doc_id


def _document_section(result: "Result", row, numbered_links, claims, with_png: bool) -> str:
    doc_id = row.doc_id
    title = _title_of(row)
    parts = [f'<section class="doc" id="{html.escape(_anchor(doc_id, "doc", 0), quote=True)}"><div class="text">',
             f"<h2>{html.escape(str(title))}</h2>", _meta_line(row, title),
             _document_text(doc_id, row.text, claims, numbered_links), '</div><div class="side">']
    if with_png and numbered_links:
        from .interactive import graph_svg

        parts.append(graph_svg(result, doc_id))
    if numbered_links:
        parts.append(_links_table(doc_id, numbered_links))
    else:
        parts.append("<p>No causal links found in this document.</p>")
    parts.append("</div></section>")
    return "\n".join(parts)


def _howto() -> str:
    types = " ".join(f'<span class="badge {t}" title="{html.escape(d, quote=True)}">{t}</span>' for t, d in CLAIM_TYPES.items())
    who = " ".join(f'<span class="badge by {k}">{html.escape(v)}</span>' for k, v in ASSERTERS.items())
    return ('<div class="howto"><b>How to read this.</b> In the text, '
            '<span class="cause">causes</span>, <span class="effect">effects</span> and '
            '<span class="cue">cue words</span> are marked; the small red number after a cue is the link it states '
            '(click it for the row in the table; hover over marked words to see their links). '
            f"Each sentence starts with the type of its claim {types} and who asserts it {who}"
            '<span class="badge hedged">hedged</span> when it is hedged. '
            "Grey numbers in the margin are sentence numbers, as in links.csv.</div>")


def _chains(result: "Result") -> str:
    chains = [c for c in result.chains() if c.continuous][:_MAX_CHAINS]
    if not chains:
        return "<p>No chains of two or more hops in any one document.</p>"
    items = []
    for chain in chains:
        steps = []
        for hop in chain.hops:
            link = hop[0]
            steps.append(f'<a href="#{_anchor(link.doc_id, "s", link.sentence_index)}">{link.sentence_index}</a>')
        where = (f'{html.escape(", ".join(chain.documents))}, ' if len(result.chapters) > 1 else "") + \
            f'sentences {", ".join(steps)}'
        items.append(f'<li>{html.escape(" → ".join(chain.concepts))} <span class="where">({where})</span></li>')
    more = len([c for c in result.chains() if c.continuous]) - len(chains)
    tail = (f'<p class="meta">… and {more} more: <code>argmine chains</code> with the folder this report is in '
            "lists them all.</p>") if more > 0 else ""
    return f'<ul class="chains">{"".join(items)}</ul>{tail}'


def _numbered_links(result: "Result") -> dict[str, list[tuple[int, object]]]:
    """doc_id -> its links as (link_id, link): the position among the document's links, from 0,
    as ``link_id`` numbers them in ``links.csv`` (:meth:`argmine.graph.result.Result.links`)."""
    numbered: dict[str, list] = defaultdict(list)
    for link in result.link_records:
        numbered[link.doc_id].append((len(numbered[link.doc_id]), link))
    return numbered


def render_report(result: "Result", interactive: bool = True) -> str:
    """The whole report as one self-contained HTML string."""
    numbered = _numbered_links(result)
    claims_by_doc = defaultdict(list)
    for item in result.chapters:
        claims_by_doc[item.chapter.id] = sorted(item.extraction.claims, key=lambda c: c.start)
    library, graph = "", ""
    if interactive and result.link_records:
        from .interactive import graph_fragment, library_html

        library = library_html()
        graph = graph_fragment(result, element_id="argmine-graph")
    n_docs = len(result.chapters)
    overview = ['<section class="overview">', _howto()]
    if graph:
        overview.append("<h2>The causal graph</h2>" + graph)
    overview.append("<h2>Chains</h2><p class=\"meta\">Paths that one document states hop by hop, longest first; "
                    "the numbers are the sentences that state each hop.</p>" + _chains(result))
    overview.append("</section>")
    sections = [_document_section(result, row, numbered.get(row.doc_id, []), claims_by_doc.get(row.doc_id, []),
                                  with_png=n_docs > 1)
                for row in result.documents.itertuples(index=False)]
    summary = (f"{n_docs} document{'s' if n_docs != 1 else ''}, {len(result.link_records)} causal links, "
               f"{len(result.claims)} claims")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>argmine report</title><style>{_PAGE_STYLE}{_EVIDENCE_STYLE}</style>{library}</head><body>"
        f"<header><h1>argmine report</h1><p>{html.escape(summary)}</p></header><main class=\"argmine\">"
        + "\n".join(overview) + "\n".join(sections)
        + "</main></body></html>\n"
    )


def write_report(result: "Result", path) -> None:
    Path(path).write_text(render_report(result), encoding="utf-8")


# -- in a notebook ---------------------------------------------------------------

_SPAN_COLOURS = {"cause": "#1f3b73", "effect": "#e08a00", "cue": "#b2182b", "thesis": "#1f3b73", "claim": "#9fb3d1",
                 "premise": "#3c7a4a", "background": "#7d8a99", "meta": "#bbbbbb"}




def displacy_data(result: "Result", doc_id: str) -> list[dict]:
    """displaCy span-visualizer data for a document, one dict per sentence.

    Each sentence carries its claim (labelled with type, who asserts it and
    whether it is hedged) and the causes, effects and cues of its links,
    labelled with the link numbers (``cause 3`` and ``effect 3`` belong to
    link 3, the link with ``link_id`` 3 in ``result.links``: a document's links count from 0).
    """
    import spacy

    row = result.documents[result.documents["doc_id"] == doc_id]
    if row.empty:
        raise KeyError(f"no document {doc_id!r}; documents are {list(result.documents['doc_id'])}")
    text = row.iloc[0]["text"]
    chapter = next(item for item in result.chapters if item.chapter.id == doc_id)
    claims = sorted(chapter.extraction.claims, key=lambda c: c.start)
    links = _numbered_links(result).get(doc_id, [])
    make_doc = spacy.blank("en").make_doc
    out = []
    for index, start, end, members in _sentences(text, claims) or [(None, 0, len(text), [])]:
        doc = make_doc(text[start:end])
        spans: dict[tuple[int, int, str], list[int]] = defaultdict(list)
        for claim in members:
            label = " · ".join([claim.type, ASSERTERS.get(claim.asserted_by, claim.asserted_by)] +
                               (["hedged"] if claim.hedged else []))
            span = doc.char_span(claim.start - start, claim.end - start, alignment_mode="expand")
            if span is not None:
                spans[(span.start, span.end, label)] = []
        for number, link in links:
            if not (start <= link.cue_start < end or link.sentence_index == index):
                continue
            for s, e, kind in ((link.cause_start, link.cause_end, "cause"), (link.effect_start, link.effect_end, "effect"),
                               (link.cue_start, link.cue_end, "cue")):
                span = doc.char_span(max(s, start) - start, min(e, end) - start, alignment_mode="expand")
                if span is not None and len(span):
                    spans[(span.start, span.end, kind)].append(number)
        out.append({
            "text": doc.text, "tokens": [t.text for t in doc],
            "title": f"sentence {index}" if index is not None else None,
            "spans": [{"start_token": s, "end_token": e, "label": f"{label} {_numbers(numbers)}".strip()}
                      for (s, e, label), numbers in sorted(spans.items())],
        })
    return out


def document_html(result: "Result", doc_id: str | None = None, key: bool = True) -> str:
    """One document's evidence as an HTML fragment with its own (scoped) style.

    Every sentence with its claim type, who asserts it and whether it is
    hedged; causes, effects and cues marked; after each cue the numbers of the
    links it states, leading to the links table underneath.
    """
    doc_id = doc_id or result.documents["doc_id"].iloc[0]
    rows = result.documents[result.documents["doc_id"] == doc_id]
    if rows.empty:
        raise KeyError(f"no document {doc_id!r}; documents are {list(result.documents['doc_id'])}")
    row = next(rows.itertuples(index=False))
    chapter = next(item for item in result.chapters if item.chapter.id == doc_id)
    claims = sorted(chapter.extraction.claims, key=lambda c: c.start)
    links = _numbered_links(result).get(doc_id, [])
    title = _title_of(row)
    parts = [f"<style>{_EVIDENCE_STYLE}</style>", '<div class="argmine">', _howto() if key else "",
             f"<h2>{html.escape(str(title))}</h2>", _meta_line(row, title),
             f'<div class="text">{_document_text(doc_id, row.text, claims, links)}</div>',
             _links_table(doc_id, links) if links else "<p>No causal links found in this document.</p>", "</div>"]
    return "\n".join(p for p in parts if p)


class EvidenceView:
    """A document's evidence; a notebook shows it when it is a cell's value (``.html`` is the markup)."""

    def __init__(self, markup: str):
        self.html = markup

    def _repr_html_(self) -> str:
        return self.html


def show_document(result: "Result", doc_id: str | None = None, jupyter: bool | None = None, style: str = "evidence"):
    """Show a document's sentences with causes, effects and cues marked, claim types and who asserts them.

    ``style="evidence"`` (the default) gives argmine's view (:func:`document_html`);
    ``style="displacy"`` gives displaCy's span visualizer on :func:`displacy_data`,
    which draws the same spans as coloured lines but squeezes long labels under
    short words, so it is harder to read. With ``jupyter=None`` the result is an
    object a notebook displays (or displaCy's own choice), ``False`` returns the
    HTML string and ``True`` displays it now.
    """
    doc_id = doc_id or result.documents["doc_id"].iloc[0]
    if style == "displacy":
        from spacy import displacy

        data = displacy_data(result, doc_id)
        colours = {}
        for sentence in data:
            for span in sentence["spans"]:
                colours[span["label"]] = _SPAN_COLOURS.get(span["label"].split(" ")[0], "#999999")
        return displacy.render(data, style="span", manual=True, jupyter=jupyter, options={"colors": colours})
    if style != "evidence":
        raise ValueError(f"style must be 'evidence' or 'displacy', not {style!r}")
    markup = document_html(result, doc_id)
    if jupyter is False:
        return markup
    view = EvidenceView(markup)
    if jupyter:
        from IPython.display import display

        display(view)
        return None
    return view
