"""Which views exist and what they hold (no browser; see test_views_browser.py for that)."""
from __future__ import annotations

import re

import networkx as nx
import pytest
from rdflib import URIRef
from rdflib.namespace import ORG, SKOS

from graph.export.html import write_page
from graph.export.views import plan_views, to_networkx, write_views
from graph.namespace import UKG
from graph.rdf import entity_iri


@pytest.fixture(scope="module")
def seed(seed_site):
    g, _, out = seed_site
    return g, out, to_networkx(g)


def test_every_page_is_written_and_every_link_resolves(seed):
    g, out, G = seed
    views = plan_views(G)
    pages = sorted(out.rglob("*.html"))
    assert {p.relative_to(out).as_posix() for p in pages} == {v.path for v in views} | {"index.html"}
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
    assert whole.kind == "graph" and whole.nodes == 40 and whole.total == G.number_of_nodes()
    cutoff = min(G.degree(n) for n in whole.G)
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
