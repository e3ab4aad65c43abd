"""The HTML report, the notebook evidence view, the interactive graph and `argmine show`."""
from __future__ import annotations

import html
import json
import re

import pytest

from argmine import analyze
from argmine.views.interactive import graph_data, graph_html, interactive_graph
from argmine.views.report import displacy_data, document_html, highlight_text, render_report, show_document

SEED_ID = "stakhanovite-movement.cambridge-core"
REMOTE = re.compile(r"<(?:script|link|img|iframe|source|embed)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", re.I)


@pytest.fixture(scope="module")
def seed_report(seed_result) -> str:
    return render_report(seed_result)


def _ranges(text: str) -> set[int]:
    numbers = set()
    for part in text.split(","):
        first, _, last = part.partition("–")
        numbers.update(range(int(first), int(last or first) + 1))
    return numbers


def test_report_highlight_text_numbers_spans_and_inserts_references():
    from types import SimpleNamespace as L

    link = L(cause_start=0, cause_end=7, effect_start=15, effect_end=21, cue_start=8, cue_end=14)
    marked = highlight_text("Drought caused famine.", [(3, link)], inserts={14: "<sup>3</sup>"})
    assert marked == ('<span class="cause" title="cause of link 3">Drought</span> '
                      '<span class="cue" title="cue of link 3">caused</span><sup>3</sup> '
                      '<span class="effect" title="effect of link 3">famine</span>.')


@pytest.mark.model
def test_report_loads_nothing_from_the_network(seed_report):
    assert REMOTE.findall(seed_report) == []


@pytest.mark.model
def test_report_every_link_has_a_reference_and_a_table_row(seed_report, seed_result):
    referenced = set()
    for text in re.findall(r'<sup class="ref"><a [^>]*>([0-9,–]+)</a></sup>', seed_report):
        referenced |= _ranges(text)
    rows = {int(n) for n in re.findall(r'<tr id="stakhanovite-movement_cambridge-core-link(\d+)">', seed_report)}
    expected = set(seed_result.links["link_id"])  # the report cites links by their link_id, from 0
    assert expected == set(range(len(seed_result.links)))
    assert (referenced, rows) == (expected, expected)


@pytest.mark.model
def test_report_every_claim_shows_its_type_and_who_asserts_it(seed_report, seed_result):
    badges = re.findall(r'<span class="badge (thesis|claim|premise|background|meta)"[^>]*>\w+</span>'
                        r'<span class="badge by (\w+)"', seed_report)
    claims = seed_result.claims.sort_values("start")
    assert badges == list(zip(claims["type"], claims["asserted_by"]))


@pytest.mark.model
def test_report_marks_causes_effects_and_cues_of_a_sentence(seed_report):
    sentence = re.search(r'<p class="sentence" id="stakhanovite-movement_cambridge-core-s8">(.*?)</p>', seed_report).group(1)
    marked = [(kind, html.unescape(text)) for kind, text in re.findall(r'<span class="(cause|effect|cue)"[^>]*>([^<]*)</span>', sentence)]
    assert marked == [("cause", "This wave of criticism"), ("cue", "enhanced"), ("effect", "old tensions"),
                      ("cue", "provoked"), ("effect", "new ones")]


@pytest.mark.model
def test_report_escapes_the_input(nlp):
    result = analyze("<script>alert(1)</script> The drought led to <b>widespread hunger</b>.")
    page = render_report(result)
    assert ("<script>alert" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page, "<b>widespread" in page) == \
        (False, True, False)


@pytest.mark.model
def test_report_show_returns_the_evidence_view(seed_result):
    view = seed_result.show()
    markup = view._repr_html_()
    assert (markup == show_document(seed_result, jupyter=False) == document_html(seed_result, SEED_ID),
            markup.count('<p class="sentence"'), markup.count("<tr id=")) == (True, 13, len(seed_result.links))


@pytest.mark.model
def test_report_show_unknown_document_names_the_known_ones(seed_result):
    with pytest.raises(KeyError) as error:
        seed_result.show("nope")
    assert SEED_ID in str(error.value)


@pytest.mark.model
def test_report_displacy_data_labels_links_and_claims(seed_result):
    from argmine.views.report import ASSERTERS

    sentence = displacy_data(seed_result, SEED_ID)[8]
    labels = [(" ".join(sentence["tokens"][s["start_token"]:s["end_token"]]), s["label"]) for s in sentence["spans"]]
    claim = seed_result.claims[seed_result.claims["sentence_index"] == 8].iloc[0]
    claim_label = " · ".join([claim["type"], ASSERTERS[claim["asserted_by"]]] + (["hedged"] if claim["hedged"] else []))
    links = seed_result.links[seed_result.links["doc_id"] == SEED_ID].set_index("link_id")
    # link numbers are links.csv's link_id, counted from 0 like sentence 8
    assert labels[:4] == [("This wave of criticism", "cause 7,8"), ("This wave of criticism enhanced old tensions and "
                          "provoked new ones within the factories .", claim_label), ("enhanced", "cue 7"),
                          ("old tensions", "effect 7")]
    assert [(links.loc[n, "cue"], links.loc[n, "sentence_index"]) for n in (7, 8)] == [("enhanced", 8), ("provoked", 8)]


@pytest.mark.model
def test_interactive_graph_sizes_nodes_by_centrality(seed_result):
    from argmine.views.plots import bundled_graph

    nodes = graph_data(seed_result)["nodes"]
    by_centrality = [n["id"] for n in sorted(nodes, key=lambda n: (-n["centrality"], n["id"]))]
    by_size = [n["id"] for n in sorted(nodes, key=lambda n: (-n["size"], n["id"]))]
    neighbours = bundled_graph(seed_result).to_undirected().degree  # the graph drawn: summaries are bundles
    most_linked = max(sorted(neighbours), key=lambda item: item[1])[0]
    assert (by_size, by_size[0]) == (by_centrality, most_linked)


@pytest.mark.model
def test_interactive_graph_colours_edges_by_state(seed_result):
    from argmine.views.plots import EDGE_COLOURS

    edges = graph_data(seed_result)["edges"]
    assert sorted({(e["state"], e["color"]["color"]) for e in edges}) == sorted(
        {("asserted", EDGE_COLOURS["asserted"]), ("hedged", EDGE_COLOURS["hedged"])})


@pytest.mark.model
def test_interactive_graph_edge_hover_names_sentence_and_document(seed_result):
    edge = next(e for e in graph_data(seed_result)["edges"] if (e["from"], e["to"]) == ("Stakhanovism", "factory life"))
    assert edge["title"] == ("Stakhanovism → factory life\nasserted; 1 link\n\n"
                             f"{SEED_ID}, sentence 6, cue “effects”:\n"
                             "“Stakhanovism had a wide range of unsettling effects on factory life.”")


@pytest.mark.model
def test_interactive_graph_page_is_self_contained(seed_result):
    page = graph_html(seed_result)
    iframe = interactive_graph(seed_result)._repr_html_()
    assert (REMOTE.findall(page), "vis.Network(" in page, iframe.startswith("<iframe"), "srcdoc=" in iframe) == \
        ([], True, True, True)


@pytest.mark.model
def test_interactive_graph_data_cannot_close_the_script(nlp):
    result = analyze("The </script><script>alert(1)</script> drought led to hunger.")
    page = graph_html(result)
    script = page[page.rindex("<script>"):]
    assert (script.count("</script>"), "\\u003c/script\\u003e" in script or "alert" not in script) == (1, True)


@pytest.mark.model
def test_terminal_show_prints_chains_and_links(seed_result):
    from rich.console import Console

    from argmine.views.terminal import print_result

    console = Console(record=True, width=160, color_system=None)
    print_result(seed_result, console=console)
    text = console.export_text()
    headline = "Stakhanovism → criticism of management → suspicion of sabotage → Great Terror"
    rows = [line for line in text.splitlines() if re.match(r"│\s+\d+ │", line)]
    assert (headline in text, "criticism of management → tensions: “enhanced”, sentence 8, link 7" in text,
            len(rows)) == (True, True, len(seed_result.links))


def test_report_graph_key_data_is_json_safe():
    from argmine.views.interactive import _json

    assert json.loads(_json({"a": "</script>&"})) == {"a": "</script>&"} and "<" not in _json("</script>")


def test_report_says_in_words_which_links_one_phrase_produced(seed_report):
    # The seed's summary phrases each stand for several causes named before them: the
    # table names the other links of the bundle instead of an internal group id.
    notes = re.findall(r"one of links ([0-9–,]+), read from a summary phrase", seed_report)
    assert notes, "no summary bundle described in the seed's report"
    assert all(len(_ranges(n)) >= 2 for n in notes)
    assert "summary@" not in seed_report and "enumeration@" not in seed_report


def test_report_module_doctests_pass():
    import doctest

    import argmine.views.report

    failures, tried = doctest.testmod(argmine.views.report)
    assert (failures, tried >= 4) == (0, True)


def test_terminal_module_doctests_pass():
    import doctest

    import argmine.views.terminal

    failures, tried = doctest.testmod(argmine.views.terminal)
    assert (failures, tried >= 3) == (0, True)


def test_show_words_a_resolution_as_the_report_does():
    # `argmine show` and the report's "how" column describe an implied link the same way
    from types import SimpleNamespace

    from argmine.views.terminal import describe_link

    link = SimpleNamespace(hedged=False, modality="asserted", strength="sufficient", polarity="positive",
                           explicit=False, asserted_by="author", via="anaphora:pronoun 'it' = 'the famine'")
    assert describe_link(link) == "implied (through a pronoun: 'it' = 'the famine')"


def test_report_says_in_words_how_a_phrase_was_resolved(seed_report):
    # links.csv keeps the via column's notation ("anaphora:summary ..."); the report's "how" column words it
    assert "anaphora:" not in seed_report
    assert "through a summary phrase: " in seed_report
