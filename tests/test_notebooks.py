"""The notebooks: stored without outputs, and run top to bottom on the seed corpus.

Each notebook is executed in memory (the file is not touched) by nbclient with the ``python3``
kernel of the current environment. The graph is built once, by the first notebook, into a
temporary folder named by ``UNION_KG_GRAPH``; the second reuses it. The checks compare what the
notebooks display with the built graph and with the scorer run directly.
"""
import html
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from rdflib import Graph
from rdflib.namespace import ORG, SKOS

from graph.evaluate import LISTS, RELATIONS, evaluate
from graph.namespace import UKG

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXTERNAL = re.compile(r'<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["\']?(?:https?:)?//', re.I)


def fetches(page: str) -> list[str]:
    """The script and link tags of an HTML page that would load something from the network."""
    return EXTERNAL.findall(re.sub(r"<!--.*?-->", "", page, flags=re.S))


def test_the_notebooks_are_there():
    assert {"01-explore.ipynb", "02-quality.ipynb"} <= {p.name for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{path.name}: cells {dirty} keep outputs; clear them before committing"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Both notebooks executed in order (01 from notebooks/, 02 from the root), and the output folder."""
    out = tmp_path_factory.mktemp("notebooks") / "out"
    runs = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("UNION_KG_GRAPH", str(out / "graph.ttl"))  # the kernel inherits it
        for name, cwd in (("01-explore.ipynb", ROOT / "notebooks"), ("02-quality.ipynb", ROOT)):
            nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
            NotebookClient(nb, timeout=180, kernel_name="python3",
                           resources={"metadata": {"path": str(cwd)}}).execute()
            runs[name] = nb
    return runs, out


def cell(nb, tag: str):
    """The one code cell carrying ``tag``."""
    cells = [c for c in nb.cells if tag in c.metadata.get("tags", [])]
    assert len(cells) == 1, tag
    return cells[0]


def shown(c, mime: str = "text/plain") -> str:
    """Everything a cell displayed as ``mime`` (stream output counts as text/plain)."""
    parts = []
    for o in c.outputs:
        if o.output_type == "stream" and mime == "text/plain":
            parts.append(o.text)
        elif "data" in o and mime in o.data:
            parts.append(o.data[mime])
    return "\n".join(parts)


def labels(g: Graph, nodes) -> set[str]:
    return {str(g.value(n, SKOS.prefLabel)) for n in nodes}


@pytest.mark.parametrize("name", ["01-explore.ipynb", "02-quality.ipynb"])
def test_no_cell_failed(executed, name):
    nb = executed[0][name]
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")


def test_explore_tables_show_the_graph(executed):
    runs, out = executed
    nb = runs["01-explore.ipynb"]
    g = Graph().parse(out / "graph.ttl")
    members = labels(g, g.objects(None, ORG.member))
    assert members and all(p in shown(cell(nb, "leaders")) for p in members)
    funded = labels(g, (g.value(f, UKG.about) for f in g.subjects(UKG.unit, UKG.Yuan)
                        if (g.value(f, UKG.about), None, UKG.TradeUnion) in g))
    assert funded and all(u in shown(cell(nb, "money")) for u in funded)
    children = {c for c, p in g.subject_objects(ORG.subOrganizationOf)
                if (c, None, UKG.TradeUnion) in g and (p, None, UKG.TradeUnion) in g}
    tree = shown(cell(nb, "hierarchy"))
    assert children and all(u in tree for u in labels(g, children))
    kinds = [line.split()[2] for line in shown(cell(nb, "centrality")).splitlines()[1:]]
    assert 0 < len(kinds) <= 12 and set(kinds) <= {"person", "union"}


def test_explore_view_is_inline_and_offline(executed):
    runs, out = executed
    page = (out / "explore-view.html").read_text(encoding="utf-8")
    assert "vis-network" in page and "new vis.Network" in page
    assert not fetches(page)
    frame = shown(cell(runs["01-explore.ipynb"], "pyvis"), "text/html")
    assert "<iframe srcdoc=" in frame and "vis-network" in frame and not fetches(html.unescape(frame))


def test_explore_chart_written(executed):
    runs, out = executed
    png = out / "money_by_union.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert shown(cell(runs["01-explore.ipynb"], "chart"), "image/png")


def test_quality_tables_are_the_scorers(executed):
    runs, out = executed
    nb = runs["02-quality.ipynb"]
    result = evaluate(out / "graph.ttl", ROOT / "tests" / "gold", show=True)
    for tag, keys in (("lists", LISTS), ("relations", RELATIONS)):
        rows = {line.split()[0]: line.split()[1:] for line in shown(cell(nb, tag)).splitlines()[2:]}
        for key in keys:
            s = result[key]
            assert rows[key] == [f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}", str(s["tp"]), str(s["fp"]),
                                 str(s["fn"])], key
    attrs = shown(cell(nb, "figure_attributes"))
    assert all(k in attrs for k in result["figure_attributes"])
    listed = html.unescape(shown(cell(nb, "misses"), "text/html"))
    items = [str(i) for per_list in result["details"].values() for kinds in per_list.values()
             for found in kinds.values() for i in found]
    assert items and all(i in listed for i in items)
