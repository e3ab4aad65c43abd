"""The notebooks run top to bottom (nbclient, kernel python3) and are stored without outputs."""
from __future__ import annotations

import pytest

from conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01-seed.ipynb", "02-corpus.ipynb"]


def _outputs(notebook, kind: str) -> list[str]:
    """Every output of the given MIME type, in cell order."""
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if kind in data:
                found.append(data[kind])
            elif kind == "text/plain" and output.get("output_type") == "stream":
                found.append(output["text"])
    return found


@pytest.fixture(scope="module")
def executed():
    """Each notebook executed in the notebooks folder, as a reader would run it."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    run = {}
    for name in NAMES:
        notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
        client = nbclient.NotebookClient(notebook, kernel_name="python3", timeout=300,
                                         resources={"metadata": {"path": str(NOTEBOOKS)}})
        client.execute()
        run[name] = notebook
    return run


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_are_stored_without_outputs(name):
    import json

    cells = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert [(c["outputs"], c["execution_count"]) for c in code] == [([], None)] * len(code)


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_hold_no_path_hacks(name):
    text = (NOTEBOOKS / name).read_text(encoding="utf-8")
    assert ("sys.path" in text, "__file__" in text) == (False, False)


@pytest.mark.model
@pytest.mark.slow
def test_notebooks_seed_shows_evidence_graph_and_chains(executed):
    notebook = executed["01-seed.ipynb"]
    pages = _outputs(notebook, "text/html")
    printed = "".join(_outputs(notebook, "text/plain"))
    assert (sum('<p class="sentence"' in p for p in pages), sum("<iframe" in p for p in pages),
            len(_outputs(notebook, "image/png")),
            "Stakhanovism → criticism of management → suspicion of sabotage → Great Terror" in printed,
            "report.html" in printed) == (1, 1, 1, True, True)


@pytest.mark.model
@pytest.mark.slow
def test_notebooks_corpus_shows_graph_plots_and_agreement(executed):
    notebook = executed["02-corpus.ipynb"]
    pages = _outputs(notebook, "text/html")
    assert (len(_outputs(notebook, "image/png")), sum("<iframe" in p for p in pages),
            sum("verdict" in p for p in pages)) == (5, 1, 1)
