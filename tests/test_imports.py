"""The package's import graph: stages in data-flow order, no circle, and a light command line.

The package (folder ``pipeline/``, imported as ``argmine``) has one subpackage per stage, in the
order the data flows (:data:`STAGES`). A module may import its own stage and the stages before
it, never a later one, and no two modules import each other, directly or round a circle.

Every ``from .x import`` / ``import argmine.x`` counts, at module level and inside functions
alike, except under ``if TYPE_CHECKING:`` (annotations only) and in the few functions
:data:`UPWARD` names: the thin view methods of :class:`argmine.graph.result.Result` (``plot``,
``show``, ``write``), which import the views and the writer lazily when called, and the package's
``__getattr__``, which imports ``Result`` and ``run`` on first use.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
#: The stages in the order the data flows; ``base`` is the shared records and errors.
STAGES = ("base", "input", "nlp", "extraction", "graph", "views", "export", "batch", "evaluation", "cli")
#: (module, qualified function) whose imports may point upwards (see the module docstring)
UPWARD = frozenset({("argmine.graph.result", "Result.plot"), ("argmine.graph.result", "Result.show"),
                    ("argmine.graph.result", "Result.write"), ("argmine", "__getattr__")})


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(("argmine",) + (parts[:-1] if parts[-1] == "__init__" else parts))


def stage_of(module: str) -> str:
    """The stage a module belongs to: its subpackage, ``cli`` for the command line, else ``base``."""
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    if parts[1] in ("cli", "__main__"):
        return "cli"
    return parts[1] if parts[1] in STAGES else "base"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(tree: ast.Module, module: str, is_package: bool, known: set[str]) -> set[str]:
    """The argmine modules ``module`` imports (see the module docstring for what counts).

    ``from .a import b`` counts ``a``, and ``a.b`` too when that is a module of ``known``.
    """
    here = module.split(".") if is_package else module.split(".")[:-1]
    found: set[str] = set()

    def add(base: str, names: list[str]) -> None:
        found.add(base)
        found.update(f"{base}.{name}" for name in names if f"{base}.{name}" in known)

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
            names = [alias.name for alias in node.names]
            if node.level:
                base = here[: len(here) - (node.level - 1)] + (node.module.split(".") if node.module else [])
                add(".".join(base), names)
            elif node.module and node.module.split(".")[0] == "argmine":
                add(node.module, names)

        def visit_Import(self, node: ast.Import) -> None:
            for alias in node.names:
                if alias.name.split(".")[0] == "argmine":
                    found.add(alias.name)

    Visitor().visit(tree)
    found.discard(module)
    return {name for name in found if name in known}


def import_graph() -> nx.DiGraph:
    """argmine module -> the argmine modules it imports."""
    paths = sorted(PACKAGE.rglob("*.py"))
    known = {module_name(path) for path in paths}
    graph = nx.DiGraph()
    for path in paths:
        module = module_name(path)
        graph.add_node(module)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for target in imports_of(tree, module, path.name == "__init__.py", known):
            graph.add_edge(module, target)
    return graph


def test_the_checker_counts_lazy_imports_and_skips_type_checking_and_the_view_methods():
    known = {"argmine.graph.b", "argmine.graph.c", "argmine.nlp", "argmine.nlp.d", "argmine.views.e", "argmine.views"}
    a = ast.parse("from .b import x\nif TYPE_CHECKING:\n    from .c import y\ndef f():\n    from ..nlp import d\n"
                  "class Result:\n    def write(self):\n        from ..views.e import w\n")
    assert imports_of(a, "argmine.graph.a", False, known) == {"argmine.graph.b", "argmine.nlp", "argmine.nlp.d",
                                                             "argmine.views.e"}
    assert imports_of(a, "argmine.graph.result", False, known) == {"argmine.graph.b", "argmine.nlp", "argmine.nlp.d"}
    graph = nx.DiGraph([("argmine.a", "argmine.b"), ("argmine.b", "argmine.a")])
    assert sorted(map(sorted, nx.simple_cycles(graph))) == [["argmine.a", "argmine.b"]]


def test_the_checker_places_modules_in_their_stage():
    assert [stage_of(m) for m in ("argmine", "argmine.errors", "argmine.input.reader", "argmine.nlp.components.causal",
                                  "argmine.cli", "argmine.__main__")] == ["base", "base", "input", "nlp", "cli", "cli"]


def test_no_import_circle_among_argmine_modules():
    graph = import_graph()
    assert graph.number_of_nodes() > 40
    assert sorted(sorted(cycle) for cycle in nx.simple_cycles(graph)) == []


def test_each_stage_imports_only_itself_and_the_stages_before_it():
    graph = import_graph()
    order = {stage: rank for rank, stage in enumerate(STAGES)}
    upward = sorted((source, target) for source, target in graph.edges
                    if source != "argmine" and order[stage_of(target)] > order[stage_of(source)])
    assert upward == []


def test_every_module_sits_in_a_stage_folder():
    loose = sorted(module_name(path) for path in PACKAGE.glob("*.py") if path.name != "__init__.py")
    assert loose == ["argmine.__main__", "argmine.cli", "argmine.errors", "argmine.layout", "argmine.records"]


def test_command_line_help_loads_no_heavy_library():
    code = ("import sys, argmine.cli; heavy = ('matplotlib', 'pandas', 'spacy', 'networkx', 'pyarrow'); "
            "print(sorted(m for m in heavy if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_reading_an_output_folder_loads_neither_spacy_nor_matplotlib():
    code = ("import sys; from argmine.export.writers import load_result; import argmine.views.terminal; "
            "print(sorted(m for m in ('matplotlib', 'spacy') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
