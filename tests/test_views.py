"""Which views exist and what they hold (no browser; see test_views_browser.py for that)."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from rdflib import URIRef
from rdflib.namespace import ORG, SKOS

from graph.export.html import write_page
from graph.export.views import plan_views, to_networkx, write_views
from graph.namespace import UKG
from graph.store.rdf import entity_iri


@pytest.fixture(scope="module")
def seed(seed_site):
    g, _, out = seed_site
    return g, out, to_networkx(g)


def test_every_page_is_written_and_every_link_resolves(seed):
    g, out, G = seed
    views = plan_views(G)
    pages = sorted(out.rglob("*.html"))
    lists = {f"lists/{k}-1.html" for k in ("article", "union", "person")}  # few pages: one list page per class
    assert {p.relative_to(out).as_posix() for p in pages} == {v.path for v in views} | {"index.html"} | lists
    kinds = {v.kind for v in views}
    assert kinds == {"graph", "class", "article", "union", "person"}
    assert sum(v.kind == "union" for v in views) == len([n for n, k in G.nodes(data="kind") if k == "union"])
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), page
        for ref in re.findall(r'(?:src|href)="([^"#][^"]*)"', html):
            assert (page.parent / ref.split("#")[0]).resolve().is_file(), (page, ref)
        assert re.fullmatch(r"[A-Za-z0-9_.-]+\.html", page.name)


def test_class_views_hold_their_class_and_relation(seed):
    _, _, G = seed
    views = {v.path: v for v in plan_views(G)}
    unions = views["views/unions.html"].G
    assert {n for n, k in G.nodes(data="kind") if k == "union"} <= set(unions)
    assert {d["label"] for *_, d in unions.edges(data=True)} == {"隶属于"}
    persons = views["views/persons.html"].G
    assert all(d["label"].startswith("担任") for *_, d in persons.edges(data=True))
    assert persons.number_of_edges() > 0


def test_cap_keeps_highest_degree_nodes_and_says_so(seed, tmp_path):
    _, _, G = seed
    whole = plan_views(G, max_nodes=40)[0]
    shown = [n for n, k in whole.G.nodes(data="kind") if k != "cluster"]
    assert whole.kind == "graph" and len(shown) == 40 and whole.total == G.number_of_nodes()
    cutoff = min(G.degree(n) for n in shown)
    assert all(G.degree(n) <= cutoff for n in G if n not in whole.G)
    html = write_page(whole, tmp_path).read_text(encoding="utf-8")
    assert f"共 {G.number_of_nodes()} 个节点" in html and "连接最多的 40 个" in html
    with pytest.raises(ValueError):
        plan_views(G, max_nodes=0)


def test_ego_view_is_the_depth_two_neighbourhood(seed):
    g, _, G = seed
    centre = str(entity_iri("union", "顺义区总工会"))
    view = next(v for v in plan_views(G) if v.kind == "union" and v.G.graph["pages"][centre] == v.path)
    assert "顺义区总工会" in view.title
    entities = nx.Graph(G.subgraph([n for n, k in G.nodes(data="kind") if k != "article"]))
    near = nx.single_source_shortest_path_length(entities, centre, cutoff=2)
    docs = {s for s, _, lab in G.in_edges(centre, data="label") if lab == "提及"}
    assert set(view.G) == set(near) | docs
    assert len(docs) == 2  # the seed corpus names 顺义区总工会 in two articles


def test_tooltips_carry_labels_posts_figures_and_sources(seed):
    g, _, G = seed
    with_alt = next(s for s in g.subjects(SKOS.altLabel, None) if str(s) in G)
    tip = G.nodes[str(with_alt)]["tooltip"]
    assert all(str(a) in tip for a in g.objects(with_alt, SKOS.altLabel)) and "别名" in tip
    member = next(iter(g.objects(None, ORG.member)))
    tip = G.nodes[str(member)]["tooltip"]
    assert "职务：" in tip and "来源文章：" in tip
    about = next(s for s in g.objects(None, UKG.about) if str(s) in G)
    assert "数字（共" in G.nodes[str(about)]["tooltip"]


def test_views_cli_regenerates_from_turtle(seed, tmp_path):
    from graph.cli import main

    _, out, G = seed
    assert main(["views", str(out / "graph.ttl"), "-o", str(tmp_path), "--max-nodes", "30"]) == 0
    html = (tmp_path / "views" / "graph.html").read_text(encoding="utf-8")
    assert "连接最多的 30 个" in html
    assert main(["views", str(tmp_path / "missing.ttl"), "-o", str(tmp_path)]) == 2


def test_write_views_returns_the_landing_page(seed, tmp_path):
    g, _, _ = seed
    sub = g.__class__()
    for t in g.triples((None, None, None)):
        if isinstance(t[0], URIRef) and "/union/" in str(t[0]):
            sub.add(t)
    landing = write_views(sub, tmp_path)
    assert landing == tmp_path / "index.html"
    lib = tmp_path / "lib"
    assert "@license" in (lib / "vis-network.min.js").read_text(encoding="utf-8")[:2000]
    assert "Apache" in (lib / "vis-network.css").read_text(encoding="utf-8")[:300]
    assert "Apache" in (lib / "tom-select.complete.min.js").read_text(encoding="utf-8")[:300]
    assert "每页最多 300 个" in (tmp_path / "views" / "graph.html").read_text(encoding="utf-8")


def test_capped_page_clusters_what_it_left_out(seed, tmp_path):
    """Every node a capped page leaves out is counted in exactly one grey cluster node, which says where it is."""
    _, _, G = seed
    whole = plan_views(G, max_nodes=40)[0]
    clusters = {n: d for n, d in whole.G.nodes(data=True) if d["kind"] == "cluster"}
    assert clusters and len(clusters) <= 40 + 7
    counted = sum(int(re.match(r"另 (\d+) 个", d["label"])[1]) for d in clusters.values())
    assert counted == G.number_of_nodes() - 40 == whole.total - 40
    for n, d in clusters.items():
        assert "未在此页显示" in d["tooltip"]
        if n.removeprefix("cluster:") in G:  # tied to a shown node: an edge to it and its page
            assert whole.G.has_edge(n.removeprefix("cluster:"), n)
    note = whole.note
    assert f"其余 {G.number_of_nodes() - 40} 个并为 {len(clusters)} 个灰色" in note and "首页列出全部" in note
    html = write_page(whole, tmp_path).read_text(encoding="utf-8")
    assert note in html and "未显示的节点" in html  # the note and the legend entry
    # positions are fixed above the cap: every node has x, y and physics is off
    data = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", html, re.S)[1])
    assert len(data) == whole.nodes and all("x" in d and "y" in d and d["physics"] is False for d in data)
    assert '"enabled": false' in re.search(r"var options = (\{.*?\});", html, re.S)[1].split('"layout"')[0]
    urls = {d["id"]: d.get("url") for d in data}
    assert all(urls[n] for n, d in clusters.items() if "双击" in d["tooltip"])


def test_capped_ego_page_keeps_the_nearest(seed):
    """An ego page cut short keeps the centre and its neighbours before the nodes two steps away."""
    _, _, G = seed
    from graph.export.views import ego_nodes

    centre = str(entity_iri("union", "顺义区总工会"))
    order = ego_nodes(G, centre)
    assert order[0] == centre and set(order) == set(nx.ego_graph(
        nx.Graph(G.subgraph([n for n, k in G.nodes(data="kind") if k != "article"])), centre, 2)) | {
        s for s, _, lab in G.in_edges(centre, data="label") if lab == "提及"}
    first = set(G.successors(centre)) | set(G.predecessors(centre))
    k = len([n for n in order if n in first])
    assert set(order[1:k + 1]) <= first  # neighbours (and the articles naming it) first
    views = {v.path: v for v in plan_views(G, max_nodes=5)}
    v = next(v for v in views.values() if v.centre == centre)
    assert [n for n in v.G if not n.startswith("cluster:")] == order[:5] or set(
        n for n in v.G if not n.startswith("cluster:")) == set(order[:5])
    assert "离中心最近" in v.note
    # union, person and article pages have their own, smaller cap; overviews keep max_nodes
    views = plan_views(G, max_nodes=300, ego_max=5)
    v = next(v for v in views if v.centre == centre)
    assert len([n for n in v.G if not n.startswith("cluster:")]) == 5 and "--ego-nodes" in v.note
    assert views[0].nodes == G.number_of_nodes()


def test_landing_page_lists_stay_bounded(seed, tmp_path, monkeypatch):
    """Above INDEX_LIST pages a section lists its best-connected ones and links full, paginated lists."""
    import graph.export.views as gv

    g, _, G = seed
    monkeypatch.setattr(gv, "INDEX_LIST", 3)
    monkeypatch.setattr(gv, "INDEX_TOP", 2)
    views = plan_views(G)
    gv.write_lists(tmp_path, views, per_page=2)
    index = gv.write_index(tmp_path / "index.html", views, gv.Counter(), G).read_text(encoding="utf-8")
    arts = [v for v in views if v.kind == "article"]
    assert len(arts) > 3 and f"共 {len(arts)} 个，此处列出连接最多的 2 个" in index
    assert 'href="lists/article-1.html"' in index
    listed = []
    for k in range(1, -(-len(arts) // 2) + 1):
        page = (tmp_path / "lists" / f"article-{k}.html").read_text(encoding="utf-8")
        listed += re.findall(r'<li><a href="\.\./(article/[^"]+)"', page)
    assert sorted(listed) == sorted(v.path for v in arts)


def test_thin_edges_keeps_the_centre_and_one_edge_per_node():
    from graph.export.views import thin_edges

    H = nx.MultiDiGraph()
    nodes = [f"n{i}" for i in range(30)]
    H.add_nodes_from(nodes, kind="person", label="x")
    for i, a in enumerate(nodes):  # a dense graph: every pair
        for b in nodes[i + 1:]:
            H.add_edge(a, b, label="r")
    dropped = thin_edges(H, "n7", 60)
    assert dropped == 435 - H.number_of_edges() and H.number_of_edges() <= 60
    assert H.degree("n7") == 29  # the centre keeps all its edges
    assert all(H.degree(n) >= 1 for n in H)
    assert thin_edges(H, "n7", 1000) == 0


def test_capped_ego_page_has_fixed_rings(seed, tmp_path):
    """An ego page is laid out in rings around its centre, physics off; capped, it says what it left."""
    _, _, G = seed
    centre = str(entity_iri("union", "顺义区总工会"))
    v = next(v for v in plan_views(G, max_nodes=20) if v.centre == centre)
    assert v.total > 20 and v.nodes > 5
    html = write_page(v, tmp_path).read_text(encoding="utf-8")
    data = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", html, re.S)[1])
    pos = {d["id"]: (d["x"], d["y"]) for d in data}
    assert pos[centre] == (0.0, 0.0) and all(d["physics"] is False for d in data)
    near = set(G.successors(centre)) | set(G.predecessors(centre))
    r = {n: (x * x + y * y) ** 0.5 for n, (x, y) in pos.items()}
    assert max(r[n] for n in near if n in r) < min(r[n] for n in r if n not in near and n != centre)
    assert "其余" in v.note and "灰色" in html


def _overview_graph(n: int, seed: int) -> nx.MultiDiGraph:
    """A scale-free graph of ``n`` union/person nodes, the degree spread of an entity graph."""
    U = nx.barabasi_albert_graph(n, 1, seed=seed)
    G = nx.MultiDiGraph()
    G.add_nodes_from((str(v), {"kind": "union" if v % 3 else "person"}) for v in U)
    G.add_edges_from((str(a), str(b)) for a, b in U.edges())
    return G


def _shown(G, pos, view) -> set[str]:
    """The labels vis-network draws at the zoom that fits ``view``: screen size at least drawThreshold - 1."""
    from graph.export.html import DRAW_THRESHOLD, fit_zoom, label_fonts

    zoom = fit_zoom(pos, view)
    return {n for n, f in label_fonts(G, pos).items() if f * zoom >= DRAW_THRESHOLD - 1}


@pytest.mark.parametrize("n,seed", [(240, 2), (600, 3), (1200, 4)])
def test_overview_labels_are_chosen_against_the_fitting_zoom(n, seed):
    """The hubs' labels show at the zoom that fits the page and the others' do not, in any window from 0.7 to
    1.6 times the one the sizes were chosen for; at 100 % every label is drawn."""
    from graph.export.html import DRAW_THRESHOLD, VIEW_PX, grouped_layout, hubs, label_fonts

    G = _overview_graph(n, seed)
    pos = grouped_layout(G)
    named = hubs(G)
    assert 5 <= len(named) <= 0.3 * n
    assert max(G.nodes, key=G.degree) in named and all(G.degree(v) >= 2 for v in named)
    assert min(label_fonts(G, pos).values()) >= DRAW_THRESHOLD
    for f in (0.7, 1.0, 1.6):
        assert _shown(G, pos, (VIEW_PX[0] * f, VIEW_PX[1] * f)) == named, f


def test_overview_labels_hold_when_one_leaf_joins():
    """A graph one leaf larger labels the same hubs (the old absolute sizes flipped on such a change)."""
    from graph.export.html import VIEW_PX, grouped_layout

    G = _overview_graph(240, 5)
    before = _shown(G, grouped_layout(G), VIEW_PX)
    leaf = max(G.nodes, key=lambda v: (G.degree(v) == 1, v))
    G.add_node("new", kind="person")
    G.add_edge("new", leaf)
    after = _shown(G, grouped_layout(G), VIEW_PX)
    assert after - {leaf} == before
