"""The package's import graph: no circle among pipeline modules, and a light command line.

Every ``from .x import`` / ``import pipeline.x`` counts, at module level and
inside functions alike, except under ``if TYPE_CHECKING:`` (annotations only)
and in the few functions :data:`UPWARD` names: the thin view methods of
:class:`pipeline.analysis.Result` (``plot``, ``show``, ``write``), which import
the views and the writer lazily when called, and the package's ``__getattr__``,
which imports ``Result`` and ``run`` on first use.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
#: (module, qualified function) whose imports may point upwards (see the module docstring)
UPWARD = frozenset({("pipeline.analysis", "Result.plot"), ("pipeline.analysis", "Result.show"),
                    ("pipeline.analysis", "Result.write"), ("pipeline", "__getattr__")})


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(tree: ast.Module, module: str) -> set[str]:
    """The pipeline modules ``module`` imports (see the module docstring for what counts)."""
    found: set[str] = set()

    class Visitor(ast.NodeVisitor):
        def __init__(self) -> None:
            self.scope: list[str] = []

        def _scoped(self, node) -> None:
            self.scope.append(node.name)
            if (module, ".".join(self.scope)) not in UPWARD:
                self.generic_visit(node)
            self.scope.pop()

        visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scoped

        def visit_If(self, node: ast.If) -> None:
            if not _is_type_checking(node.test):
                for child in node.body:
                    self.visit(child)
            for child in node.orelse:
                self.visit(child)

        def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
            if node.level == 1:
                for name in ([node.module] if node.module else [alias.name for alias in node.names]):
                    found.add(f"pipeline.{name.split('.')[0]}")
            elif node.level == 0 and node.module and node.module.split(".")[0] == "pipeline":
                found.add(".".join(node.module.split(".")[:2]))

        def visit_Import(self, node: ast.Import) -> None:
            for alias in node.names:
                if alias.name.split(".")[0] == "pipeline":
                    found.add(".".join(alias.name.split(".")[:2]))

    Visitor().visit(tree)
    found.discard(module)
    return found


def import_graph() -> nx.DiGraph:
    """pipeline module -> the pipeline modules it imports."""
    graph = nx.DiGraph()
    for path in sorted(PACKAGE.glob("*.py")):
        module = "pipeline" if path.stem == "__init__" else f"pipeline.{path.stem}"
        graph.add_node(module)
        for target in imports_of(ast.parse(path.read_text(encoding="utf-8")), module):
            graph.add_edge(module, target)
    return graph


def test_the_checker_counts_lazy_imports_and_skips_type_checking_and_the_view_methods():
    a = ast.parse("from .b import x\nif TYPE_CHECKING:\n    from .c import y\ndef f():\n    from .d import z\n"
                  "class Result:\n    def write(self):\n        from .e import w\n")
    assert imports_of(a, "pipeline.a") == {"pipeline.b", "pipeline.d", "pipeline.e"}
    assert imports_of(a, "pipeline.analysis") == {"pipeline.b", "pipeline.d"}
    graph = nx.DiGraph([("pipeline.a", "pipeline.b"), ("pipeline.b", "pipeline.a")])
    assert sorted(map(sorted, nx.simple_cycles(graph))) == [["pipeline.a", "pipeline.b"]]


def test_no_import_circle_among_pipeline_modules():
    graph = import_graph()
    assert graph.number_of_nodes() > 20
    assert sorted(sorted(cycle) for cycle in nx.simple_cycles(graph)) == []


def test_views_and_writers_sit_above_the_result():
    graph = import_graph()
    below = nx.descendants(graph, "pipeline.analysis")
    for upper in ("pipeline.plots", "pipeline.report", "pipeline.interactive", "pipeline.terminal",
                  "pipeline.export", "pipeline.sinks", "pipeline.stream", "pipeline.cli"):
        assert upper not in below, f"pipeline.analysis imports {upper} at import time"
    assert "pipeline.plots" not in nx.descendants(graph, "pipeline.interactive")  # no matplotlib for a layout


def test_command_line_help_loads_no_heavy_library():
    code = ("import sys, pipeline.cli; heavy = ('matplotlib', 'pandas', 'spacy', 'networkx', 'pyarrow'); "
            "print(sorted(m for m in heavy if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_reading_an_output_folder_loads_neither_spacy_nor_matplotlib():
    code = ("import sys; from pipeline.export import load_result; import pipeline.terminal; "
            "print(sorted(m for m in ('matplotlib', 'spacy') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
