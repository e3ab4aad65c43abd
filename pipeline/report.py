"""The HTML report and the in-notebook view of the evidence.

Every piece of input text goes through :func:`html.escape` before it reaches
the page; the page holds no script of its own apart from the graph view, and
nothing from the input is ever placed in a script, a style or an attribute
without escaping.
"""
from __future__ import annotations

import base64
import html
import io
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Result

__all__ = ["highlight_text", "render_report", "write_report", "show_document", "displacy_data"]

_STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; margin: 0; color: #222; background: #fbfaf6; }
header { padding: 1rem 2rem; background: #1f3b73; color: #fff; }
header h1 { margin: 0; font-size: 1.4rem; } header p { margin: .3rem 0 0; font-size: .9rem; opacity: .85; }
main { padding: 1rem 2rem; }
.doc { display: flex; flex-wrap: wrap; gap: 2rem; border-bottom: 1px solid #ccc; padding-bottom: 1.5rem; margin-bottom: 1.5rem; }
.text { flex: 1 1 34rem; max-width: 48rem; line-height: 1.7; }
.side { flex: 1 1 30rem; }
.side img { max-width: 100%; border: 1px solid #ddd; background: #fff; }
.meta { font-size: .85rem; color: #555; }
.sentence { margin: .2rem 0 .6rem; }
.badge { font: .7rem/1.2 Helvetica, Arial, sans-serif; padding: .05rem .35rem; border-radius: .6rem; margin-right: .35rem;
         background: #e4e4e4; color: #333; vertical-align: middle; white-space: nowrap; }
.badge.thesis { background: #1f3b73; color: #fff; } .badge.background { background: #9aa5b1; color: #fff; }
.badge.meta { background: #ddd; } .badge.premise { background: #3c7a4a; color: #fff; } .badge.claim { background: #c9d6ea; }
.badge.cited { background: #f2e3c6; } .badge.hedged { background: #ffe0b2; }
.cause { background: #dbe8fb; border-bottom: 2px solid #1f3b73; }
.effect { background: #fde4c8; border-bottom: 2px solid #e08a00; }
.cause.effect { background: linear-gradient(#dbe8fb, #fde4c8); }
.cue { font-weight: bold; color: #b2182b; }
.legend span { margin-right: 1rem; font-size: .85rem; }
table { border-collapse: collapse; font: .8rem Helvetica, Arial, sans-serif; margin-top: .8rem; }
td, th { border: 1px solid #ddd; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.graph-interactive { width: 100%; height: 520px; border: 1px solid #ddd; background: #fff; }
"""


def _classes_by_char(text_length: int, links, offset: int = 0) -> list[set[str]]:
    classes: list[set[str]] = [set() for _ in range(text_length)]
    for link in links:
        for start, end, name in ((link.cause_start, link.cause_end, "cause"), (link.effect_start, link.effect_end, "effect"),
                                 (link.cue_start, link.cue_end, "cue")):
            for i in range(max(start - offset, 0), min(end - offset, text_length)):
                classes[i].add(name)
    return classes


def highlight_text(text: str, links, offset: int = 0) -> str:
    """HTML of ``text`` with causes, effects and cues wrapped in classed spans (all escaped).

    >>> from types import SimpleNamespace as L
    >>> highlight_text("A <b> caused C", [L(cause_start=0, cause_end=5, effect_start=13, effect_end=14, cue_start=6, cue_end=12)])
    '<span class="cause">A &lt;b&gt;</span> <span class="cue">caused</span> <span class="effect">C</span>'
    """
    classes = _classes_by_char(len(text), links, offset)
    out = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or classes[i] != classes[start]:
            piece = html.escape(text[start:i])
            names = classes[start]
            if "cue" in names:
                names = {"cue"}
            if names:
                out.append(f'<span class="{" ".join(sorted(names))}">{piece}</span>')
            else:
                out.append(piece)
            start = i
    return "".join(out)


def _png_data_uri(result: "Result", doc_id: str | None) -> str:
    import matplotlib.pyplot as plt

    ax = result.plot(doc_id=doc_id)
    buffer = io.BytesIO()
    ax.figure.tight_layout()
    ax.figure.savefig(buffer, format="png", dpi=110)
    plt.close(ax.figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _document_section(result: "Result", row, links_by_doc, claims_by_doc, graph_html: str | None) -> str:
    doc_id = row.doc_id
    text = row.text
    links = links_by_doc.get(doc_id, [])
    explicit = [l for l in links if l.explicit or l.rule == "enumeration"]
    parts = [f'<section class="doc" id="{html.escape(doc_id, quote=True)}"><div class="text">']
    title = row.title or doc_id
    parts.append(f"<h2>{html.escape(str(title))}</h2>")
    meta_bits = [str(getattr(row, k)) for k in ("book_title", "book_subtitle", "pages", "publisher", "print_year") if getattr(row, k, "")]
    if meta_bits:
        parts.append(f'<p class="meta">{html.escape(" · ".join(meta_bits))}</p>')
    parts.append('<p class="legend"><span class="cause">cause</span><span class="effect">effect</span><span class="cue">cue</span></p>')
    claims = claims_by_doc.get(doc_id, [])
    for claim in claims:
        sentence_links = [l for l in explicit if claim.start <= l.cue_start < claim.end]
        badges = [f'<span class="badge {html.escape(claim.type)}">{html.escape(claim.type)}</span>']
        if claim.asserted_by != "author":
            badges.append(f'<span class="badge cited">{html.escape(claim.asserted_by)}</span>')
        if claim.hedged:
            badges.append('<span class="badge hedged">hedged</span>')
        body = highlight_text(text[claim.start:claim.end], sentence_links, offset=claim.start)
        parts.append(f'<p class="sentence">{"".join(badges)}{body}</p>')
    if not claims:
        parts.append(f"<p>{html.escape(text)}</p>")
    parts.append("</div><div class=\"side\">")
    if graph_html:
        parts.append(graph_html)
    parts.append(f'<img alt="causal graph of {html.escape(doc_id, quote=True)}" src="{_png_data_uri(result, doc_id)}">')
    parts.append(_links_table(links))
    parts.append("</div></section>")
    return "\n".join(parts)


def _links_table(links) -> str:
    rows = ["<table><tr><th>#</th><th>cause</th><th>cue</th><th>effect</th><th>how</th></tr>"]
    for link in links:
        how = []
        if link.hedged:
            how.append("hedged")
        if link.strength != "sufficient":
            how.append(link.strength)
        if link.polarity == "negative":
            how.append("negated")
        if not link.explicit:
            how.append("implicit")
        rows.append(
            f"<tr><td>{link.sentence_index}</td><td>{html.escape(link.cause_concept)}</td><td>{html.escape(link.cue)}</td>"
            f"<td>{html.escape(link.effect_concept)}</td><td title=\"{html.escape(link.via, quote=True)}\">{html.escape(', '.join(how))}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def render_report(result: "Result", interactive: bool = True) -> str:
    """The whole report as one self-contained HTML string."""
    links_by_doc = defaultdict(list)
    for link in result.link_records:
        links_by_doc[link.doc_id].append(link)
    claims_by_doc = defaultdict(list)
    for item in result.chapters:
        claims_by_doc[item.chapter.id] = sorted(item.extraction.claims, key=lambda c: c.start)
    graph_html = None
    if interactive and result.link_records:
        from .interactive import graph_iframe

        graph_html = graph_iframe(result)
    sections = []
    for number, row in enumerate(result.documents.itertuples(index=False)):
        sections.append(_document_section(result, row, links_by_doc, claims_by_doc, graph_html if number == 0 else None))
    n_docs = len(result.chapters)
    summary = f"{n_docs} document{'s' if n_docs != 1 else ''}, {len(result.link_records)} causal links, {len(result.claims)} claims"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>argmine report</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>argmine report</h1><p>{html.escape(summary)}</p></header><main>"
        + "\n".join(sections)
        + "</main></body></html>\n"
    )


def write_report(result: "Result", path) -> None:
    Path(path).write_text(render_report(result), encoding="utf-8")


def displacy_data(result: "Result", doc_id: str) -> dict:
    """The manual data for displaCy's span visualizer: tokens and labelled spans."""
    import spacy

    row = result.documents[result.documents["doc_id"] == doc_id]
    if row.empty:
        raise KeyError(f"no document {doc_id!r}; documents are {list(result.documents['doc_id'])}")
    text = row.iloc[0]["text"]
    doc = spacy.blank("en").make_doc(text)
    spans = []
    for link in result.link_records:
        if link.doc_id != doc_id or not (link.explicit or link.rule == "enumeration"):
            continue
        for start, end, label in ((link.cause_start, link.cause_end, f"CAUSE {link.sentence_index}"),
                                  (link.effect_start, link.effect_end, f"EFFECT {link.sentence_index}"),
                                  (link.cue_start, link.cue_end, "CUE")):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                spans.append({"start_token": span.start, "end_token": span.end, "label": label})
    unique = {(s["start_token"], s["end_token"], s["label"]): s for s in spans}
    return {"text": text, "tokens": [t.text for t in doc], "spans": list(unique.values())}


def show_document(result: "Result", doc_id: str | None = None, jupyter: bool | None = None):
    """Render a document's causes, effects and cues with displaCy's span visualizer."""
    from spacy import displacy

    doc_id = doc_id or result.documents["doc_id"].iloc[0]
    data = displacy_data(result, doc_id)
    colors = {}
    for span in data["spans"]:
        label = span["label"]
        colors[label] = "#dbe8fb" if label.startswith("CAUSE") else "#fde4c8" if label.startswith("EFFECT") else "#f4b6b6"
    return displacy.render(data, style="span", manual=True, jupyter=jupyter, options={"colors": colors})
