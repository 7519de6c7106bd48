"""The modules of ``graph`` import each other one way: no import cycle, however deep or late.

Every import counts: top-level ones, those inside functions (a lazy import
hides a cycle from Python but not from a reader), those under
``TYPE_CHECKING`` and ``importlib.import_module("graph...")`` with a literal
name.  Importing ``graph.a.b`` also runs ``graph/__init__.py`` and
``graph/a/__init__.py``; those implicit parent imports are not edges (else
every package that re-exports a submodule would be a cycle), but an explicit
``from graph import build`` is an edge to the package ``graph``.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "graph"


def module_names(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every ``.py`` file of the package at ``root``."""
    mods = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        mods[".".join(parts)] = path
    return mods


def _base(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module a ``from ... import`` names (relative imports resolved against ``module``)."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str, path: Path, known: set[str]) -> list[tuple[str, int]]:
    """The package modules ``module`` imports anywhere in its file, with line numbers.

    A name is mapped to the longest known module it starts with, so
    ``from .lexicon import X`` is an edge to the module ``lexicon`` and
    ``from . import lexicon`` too.
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _base(module, path, node)
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names = [node.args[0].value]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.append((name, node.lineno))
    return found


def import_graph(root: Path) -> nx.DiGraph:
    """Directed graph of the package at ``root``: an edge ``a -> b`` when module ``a`` imports ``b``."""
    mods = module_names(root)
    G = nx.DiGraph()
    G.add_nodes_from(mods)
    for mod, path in mods.items():
        for target, line in imports(mod, path, set(mods)):
            G.add_edge(mod, target, where=f"{path.relative_to(root.parent)}:{line}")
    return G


def cycles_report(G: nx.DiGraph, limit: int = 10) -> str:
    """The first ``limit`` cycles of ``G``, each as ``a -> b (file:line) -> ... -> a``."""
    lines = []
    for cycle in nx.simple_cycles(G):
        hops = [f"{a} -> {b} ({G.edges[a, b]['where']})" for a, b in zip(cycle, cycle[1:] + cycle[:1], strict=True)]
        lines.append("; ".join(hops))
        if len(lines) == limit:
            break
    return "\n".join(lines)


def test_graph_modules_import_without_cycles():
    G = import_graph(PACKAGE)
    assert nx.is_directed_acyclic_graph(G), "import cycles among graph modules:\n" + cycles_report(G)


def _stage(module: str) -> str:
    """The folder (or top-level module) of ``graph`` a module belongs to: ``graph.export.views`` -> ``export``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "graph"


def test_stages_import_one_way():
    """Folders too: no two stages import each other; only the facade and the CLI import the build or the CLI."""
    G = import_graph(PACKAGE)
    F = nx.DiGraph()
    for a, b, d in G.edges(data=True):
        if _stage(a) != _stage(b):
            F.add_edge(_stage(a), _stage(b))
            F.edges[_stage(a), _stage(b)].setdefault("via", []).append(f"{a} -> {b} ({d['where']})")
    cycles = [" / ".join(F.edges[a, b]["via"][0] for a, b in zip(c, c[1:] + c[:1], strict=True))
              for c in nx.simple_cycles(F)]
    assert not cycles, "stages importing each other:\n" + "\n".join(cycles)
    assert {a for a, _ in G.in_edges("graph")} == set(), "modules importing the package facade"
    assert {_stage(a) for a, _ in G.in_edges("graph.build")} <= {"graph", "cli"}
    assert {_stage(a) for a, b in G.edges if _stage(b) == "cli" and _stage(a) != "cli"} <= {"__main__"}


def test_the_graph_sees_lazy_imports():
    """Not vacuous: the build's late import of the views (inside ``build()``) is an edge."""
    G = import_graph(PACKAGE)
    assert G.has_edge("graph.build", "graph.export.views")
    assert G.number_of_edges() > 50


def test_a_cycle_through_a_function_level_import_is_named(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from ..a import x\n    return x\n")
    (pkg / "c.py").write_text("import importlib\nimportlib.import_module('pkg.a')\n")
    G = import_graph(pkg)
    assert not nx.is_directed_acyclic_graph(G)
    report = cycles_report(G)
    assert "pkg.a -> pkg.sub.b (pkg/a.py:1)" in report and "pkg.sub.b -> pkg.a (pkg/sub/b.py:2)" in report
    assert G.has_edge("pkg.c", "pkg.a")
