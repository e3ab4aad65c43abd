"""The Python API that notebooks use: analyze, analyze_corpus, Result."""
from __future__ import annotations

import pytest

from conftest import SEED
from argmine import InputError, analyze

pytestmark = pytest.mark.model


def test_api_analyze_text_gives_link_table():
    result = analyze("The drought led to widespread hunger.")
    assert result.links[["cause_concept", "effect_concept", "cue"]].values.tolist() == [["drought", "hunger", "led to"]]


def test_api_analyze_missing_path_raises_input_error(tmp_path):
    with pytest.raises(InputError) as error:
        analyze(tmp_path / "nowhere.txt")
    assert str(error.value).startswith(str(tmp_path / "nowhere.txt"))


def test_api_seed_tables_have_design_columns(seed_result):
    required = ["doc_id", "sentence_index", "cause_text", "effect_text", "cause_concept", "effect_concept", "cue",
                "cause_start", "cause_end", "effect_start", "effect_end", "explicit", "hedged", "polarity",
                "confidence", "asserted_by", "sentence"]
    assert [c for c in required if c not in seed_result.links.columns] == []


def test_api_seed_graph_edges_carry_provenance(seed_result):
    causal = [d for _, _, d in seed_result.graph.edges(data=True) if d["kind"] == "causal"]
    keys = {"doc_id", "sentence_index", "cause_start", "cause_end", "effect_start", "effect_end", "cue"}
    assert (len(causal), all(keys <= set(d) for d in causal)) == (len(seed_result.links), True)


def test_api_seed_headline_chain_is_continuous(seed_result):
    chains = seed_result.chains(source="Stakhanovism", target="Great Terror")
    headline = [c for c in chains if list(c) == ["Stakhanovism", "criticism of management", "suspicion of sabotage", "Great Terror"]]
    assert [c.continuous for c in headline] == [True]


def test_api_plot_returns_axes(seed_result):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.axes import Axes

    ax = seed_result.plot()
    concepts = set(seed_result.links["cause_concept"]) | set(seed_result.links["effect_concept"])
    labels = {t.get_text().replace("\n", " ") for t in ax.texts}
    assert (isinstance(ax, Axes), concepts <= labels) == (True, True)


def test_api_load_result_round_trips_links(seed_result, tmp_path):
    from argmine.export.writers import load_result

    seed_result.write(tmp_path, png=False, report=False)
    again = load_result(tmp_path)
    assert again.link_records == seed_result.link_records


def test_api_seed_path_and_text_agree(seed_result):
    text = SEED.read_text(encoding="utf-8")
    assert len(analyze(text).links) == len(seed_result.links)


def _link(doc_id: str, cause: str, effect: str, hedged: bool = False, polarity: str = "positive"):
    from argmine.records import CausalLink

    return CausalLink(doc_id, 0, cause, effect, 0, 1, 2, 3, "caused", 1, 2, cause, effect, True, hedged,
                      "sufficient", polarity, 0.9, "author", f"{cause} caused {effect}.", "test")


def test_api_disagreements_name_opposite_polarity_and_hedging():
    from argmine import Result

    result = Result(chapters=[], link_records=[
        _link("a", "plague", "wages"), _link("b", "plague", "wages", polarity="negative"),
        _link("a", "inflation", "unrest"), _link("b", "inflation", "unrest", hedged=True),
        _link("a", "drought", "famine"), _link("b", "drought", "famine"), _link("a", "war", "debt")])
    table = result.disagreements(include_agreements=True)
    assert table.drop(columns="sentences").values.tolist() == [
        ["drought", "famine", "agree", "a: asserted; b: asserted"],
        ["inflation", "unrest", "hedged vs asserted", "a: asserted; b: hedged"],
        ["plague", "wages", "opposite polarity", "a: asserted; b: negated"]]
    assert list(result.disagreements()["verdict"]) == ["hedged vs asserted", "opposite polarity"]
    assert table["sentences"].iloc[2] == "a: plague caused wages. | b: plague caused wages."
