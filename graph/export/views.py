"""Which HTML views exist, and which nodes each one shows.

The RDF graph becomes one networkx graph of entities (nodes: unions,
persons, programmes, awards, documents, organisations, articles; edges:
担任 <role>, 隶属于, 主办, 获得, 提及). Each view is a subgraph of it:

- ``views/graph.html``: the whole graph, cut to the ``max_nodes`` nodes of
  highest degree (the page says so);
- ``views/<class>.html``: unions with their hierarchy, persons with their
  posts, programmes with their organisers, awards with their recipients;
- ``article/<id>.html``: an article and what it mentions;
- ``union/<hash>.html``, ``person/<hash>.html``: the neighbourhood of one
  union or person at depth 2 (over relations between entities; the
  articles that mention the centre are added as leaves).

:func:`write_views` writes them all, the landing page ``index.html`` and
the scripts they need (``lib/``); :mod:`graph.export.html` writes one page.
"""
from __future__ import annotations

import hashlib
import html as htmlmod
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, SDO, SKOS

from ..namespace import UKG
from .page import CLASSES, View

#: Edge labels per relation (posts are labelled ``担任 <role>``).
EDGE_LABELS = {ORG.subOrganizationOf: "隶属于", UKG.organizedBy: "主办", UKG.receivedAward: "获得",
               SDO.mentions: "提及"}
#: Default cap on the nodes of one page (highest degree first).
MAX_NODES = 300
#: Tooltip limits: figures, articles and posts listed per entity.
TIP_FIGURES, TIP_ARTICLES, TIP_POSTS = 3, 5, 6


def _label(g: Graph, s: URIRef, kind: str) -> str:
    if kind == "article":
        return str(g.value(s, DCTERMS.title) or g.value(s, DCTERMS.identifier) or str(s).rsplit("/", 1)[-1])
    labels = sorted(g.objects(s, SKOS.prefLabel), key=lambda x: (getattr(x, "language", None) != "zh", str(x)))
    return str(labels[0]).strip() if labels else str(s).rsplit("/", 1)[-1]


def _tooltip(g: Graph, s: URIRef, kind: str, label: str, labels: dict[str, str]) -> str:
    """Plain-text tooltip (vis-network shows strings as text): labels, posts, figures, articles."""
    lines = [f"{CLASSES[kind][1]}：{label}"]
    alts = sorted({str(a) for a in g.objects(s, SKOS.altLabel)} - {label})
    if alts:
        lines.append("别名：" + "、".join(alts))
    level = g.value(s, UKG.unionLevel)
    if level is not None:
        lines.append(f"级别：{level}")
    posts = []
    if kind == "person":
        for m in g.subjects(ORG.member, s):
            role = g.value(g.value(m, ORG.role), SKOS.prefLabel)
            org = g.value(m, ORG.organization)
            posts.append(f"{role or '?'}" + (f"（{labels.get(str(org), org)}）" if org is not None else ""))
    elif kind in ("union", "organization"):
        for m in g.subjects(ORG.organization, s):
            role = g.value(g.value(m, ORG.role), SKOS.prefLabel)
            posts.append(f"{labels.get(str(g.value(m, ORG.member)), '?')} {role or ''}".strip())
    if posts:
        posts = sorted(set(posts))
        more = f" 等 {len(posts)} 项" if len(posts) > TIP_POSTS else ""
        lines.append("职务：" + "；".join(posts[:TIP_POSTS]) + more)
    figures = sorted(g.subjects(UKG.about, s), key=_natural)
    if figures:
        lines.append(f"数字（共 {len(figures)} 项）：")
        for f in figures[:TIP_FIGURES]:
            text = g.value(f, RDFS.label) or f"{g.value(f, RDF.value)}{g.value(f, UKG.unitText) or ''}"
            year = g.value(f, UKG.year)
            measure = g.value(f, UKG.measure)
            lines.append(f"  · {measure + '：' if measure else ''}{text}" + (f"（{year}年）" if year else ""))
    if kind != "article":
        docs = sorted({labels.get(str(d), str(d)) for d in g.subjects(SDO.mentions, s)})
        if docs:
            lines.append("来源文章：")
            lines += [f"  · {t}" for t in docs[:TIP_ARTICLES]]
            if len(docs) > TIP_ARTICLES:
                lines.append(f"  … 共 {len(docs)} 篇")
    return "\n".join(lines)


def _natural(iri: URIRef) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(iri)))


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The entity graph of ``g``: one node per entity, one labelled edge per relation.

    Parameters
    ----------
    g : rdflib.Graph
        A union-kg graph (vocabulary of ``VOCABULARY.md``).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by IRI string with attributes ``kind`` (a key of
        :data:`CLASSES`), ``label`` (Chinese preferred label or article
        title) and ``tooltip`` (plain text); edges with ``label``: posts
        (``org:Membership`` with an organisation) become person →
        organisation edges ``担任 <role>``, the others follow
        :data:`EDGE_LABELS`. Figures and roles are not nodes (figures are in
        the tooltips).
    """
    G = nx.MultiDiGraph()
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    for kind, (cls, *_) in CLASSES.items():
        for s in g.subjects(RDF.type, cls):
            if str(s) not in kinds:
                kinds[str(s)] = kind
                labels[str(s)] = _label(g, s, kind)
    for n in sorted(kinds, key=lambda n: (list(CLASSES).index(kinds[n]), labels[n], n)):
        G.add_node(n, kind=kinds[n], label=labels[n],
                   tooltip=_tooltip(g, URIRef(n), kinds[n], labels[n], labels))
    edges = set()
    for p, name in EDGE_LABELS.items():
        for s, o in g.subject_objects(p):
            if str(s) in kinds and str(o) in kinds and str(s) != str(o):
                edges.add((str(s), str(o), name))
    for m in g.subjects(RDF.type, ORG.Membership):
        who, org = g.value(m, ORG.member), g.value(m, ORG.organization)
        if who is not None and org is not None and str(who) in kinds and str(org) in kinds:
            role = g.value(g.value(m, ORG.role), SKOS.prefLabel)
            edges.add((str(who), str(org), f"担任 {role}" if role else "担任"))
    for s, o, name in sorted(edges):
        G.add_edge(s, o, label=name)
    return G


def file_name(iri: str, kind: str) -> str:
    """Safe file name of an entity's page: article id if plain ASCII, else a 12-digit SHA-1 prefix.

    Examples
    --------
    >>> file_name("https://w3id.org/union-kg/id/article/000_01ed", "article")
    '000_01ed.html'
    >>> len(file_name("https://w3id.org/union-kg/id/union/顺义区总工会", "union"))
    17
    """
    tail = iri.rsplit("/", 1)[-1]
    if kind == "article" and re.fullmatch(r"[A-Za-z0-9_.-]{1,80}", tail):
        return f"{tail}.html"
    return hashlib.sha1(iri.encode("utf-8")).hexdigest()[:12] + ".html"


def cap(G: nx.MultiDiGraph, max_nodes: int, keep: str | None = None) -> nx.MultiDiGraph:
    """The subgraph on at most ``max_nodes`` nodes, highest degree (in ``G``) first; ``keep`` always stays."""
    if G.number_of_nodes() <= max_nodes:
        return G
    order = sorted(G.nodes, key=lambda n: (n != keep, -G.degree(n), n))
    return G.subgraph(order[:max_nodes]).copy()


def _relations(G: nx.MultiDiGraph, labels: tuple[str, ...]) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    for s, o, d in G.edges(data=True):
        if d["label"].startswith(labels):
            H.add_node(s, **G.nodes[s])
            H.add_node(o, **G.nodes[o])
            H.add_edge(s, o, **d)
    return H


def ego(G: nx.MultiDiGraph, centre: str, radius: int = 2, entities: nx.Graph | None = None) -> nx.MultiDiGraph:
    """Neighbourhood of ``centre`` at depth ``radius`` over entity relations, plus the articles mentioning it.

    Edges are followed in both directions; articles are not walked through
    (every entity of an article would be two steps from every other).
    ``entities`` (optional) is ``G`` without articles, undirected, when the
    caller computes many neighbourhoods.
    """
    if entities is None:
        entities = _entities(G)
    near = nx.single_source_shortest_path_length(entities, centre, cutoff=radius)
    docs = [s for s, _, lab in G.in_edges(centre, data="label") if lab == "提及"]
    return G.subgraph(set(near) | set(docs)).copy()


def _entities(G: nx.MultiDiGraph) -> nx.Graph:
    return nx.Graph(G.subgraph([n for n, k in G.nodes(data="kind") if k != "article"]))


def plan_views(G: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> list[View]:
    """Every view of the entity graph ``G``, landing page excluded.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        From :func:`to_networkx`.
    max_nodes : int
        Cap on the nodes of each page (highest degree first).

    Returns
    -------
    list of View
        The whole graph, the class views, one per article, one per union
        and per person, in that order.

    Raises
    ------
    ValueError
        When ``max_nodes`` < 1.
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    views: list[View] = []

    def add(kind: str, path: str, title: str, sub: nx.MultiDiGraph, keep: str | None = None,
            label: str = "") -> View:
        shown = cap(sub, max_nodes, keep)
        note = f"全部 {sub.number_of_nodes()} 个节点都在此页（每页最多 {max_nodes} 个）。" if kind == "graph" else ""
        if shown.number_of_nodes() < sub.number_of_nodes():
            note = (f"共 {sub.number_of_nodes()} 个节点，此页显示连接最多的 {shown.number_of_nodes()} 个"
                    f"（每页最多 {max_nodes} 个，可用 union-kg views --max-nodes 调整）。")
        v = View(kind, path, title, shown, sub.number_of_nodes(), note, label or title)
        views.append(v)
        return v

    add("graph", "views/graph.html", "全图", G)
    add("class", "views/unions.html", "工会及其隶属关系", _with_all(G, "union", _relations(G, ("隶属于",))))
    add("class", "views/persons.html", "人物及其职务", _with_all(G, "person", _relations(G, ("担任",))))
    add("class", "views/programmes.html", "活动项目及主办单位", _with_all(G, "programme", _relations(G, ("主办",))))
    add("class", "views/awards.html", "荣誉及获得者", _with_all(G, "award", _relations(G, ("获得",))))
    pages = {n: f"{k}/{file_name(n, k)}" for n, k in G.nodes(data="kind") if k in ("article", "union", "person")}
    for n, d in G.nodes(data=True):
        if d["kind"] == "article":
            sub = G.subgraph({n} | set(G.successors(n))).copy()
            v = add("article", pages[n], f"文章：{d['label']}", sub, keep=n, label=d["label"])
            v.centre = n
            v.links = [(pages[m], G.nodes[m]["label"]) for m in G.successors(n) if m in pages]
    entities = _entities(G)
    for n, d in G.nodes(data=True):
        if d["kind"] in ("union", "person"):
            title = f"{CLASSES[d['kind']][1]}：{d['label']}"
            v = add(d["kind"], pages[n], title, ego(G, n, 2, entities), keep=n, label=d["label"])
            v.centre = n
            v.links = [(pages[m], G.nodes[m]["label"]) for m in v.G if m in pages and m != n]
    for v in views:
        v.G.graph["pages"] = pages
    return views


def _with_all(G: nx.MultiDiGraph, kind: str, H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``H`` plus every node of class ``kind`` (also those without a relation)."""
    H = H.copy()
    for n, d in G.nodes(data=True):
        if d["kind"] == kind and n not in H:
            H.add_node(n, **d)
    return H


def class_counts(g: Graph) -> Counter:
    """Entities per class for the landing page: unions, persons, …, figures, articles."""
    from .counts import count_classes

    c = count_classes(g)
    c["articles"] = len(set(g.subjects(RDF.type, UKG.Article)))
    return c


COUNT_NAMES = {"unions": "工会", "persons": "人物", "programmes": "活动项目", "awards": "荣誉", "documents": "文件",
               "organizations": "组织", "figures": "数字", "articles": "文章"}


def write_views(g: Graph, out_dir: str | Path, max_nodes: int = MAX_NODES,
                texts: Mapping[str, str] | None = None, sources: Mapping[str, str | Path] | None = None) -> Path:
    """Write the landing page, every view and the scripts they need under ``out_dir``.

    Parameters
    ----------
    g : rdflib.Graph
    out_dir : path-like
        Output folder (created): ``index.html``, ``views/``, ``article/``,
        ``union/``, ``person/`` and ``lib/`` (vis-network, tom-select,
        copied from the installed pyvis package).
    max_nodes : int
        Cap on the nodes of one page.
    texts : mapping, optional
        Article IRI string → the article text as read, shown on the article
        pages (else the graph's ``schema:text``, else the quoted sentences).
    sources : mapping, optional
        Article IRI string → its file, read for the article page when
        ``texts`` lacks it (a build passes the files it read).

    Returns
    -------
    Path
        The landing page ``out_dir/index.html``: union, person and article
        pages hold their facts as tables beside the ego graph
        (:mod:`graph.export.pages`).
    """
    from .html import copy_assets, write_page
    from .pages import article_main, person_main, union_main

    out = Path(out_dir)
    copy_assets(out / "lib")
    G = to_networkx(g)
    views = plan_views(G, max_nodes)
    texts, sources = texts or {}, sources or {}
    for v in views:
        main = ""
        if v.kind in ("union", "person", "article"):
            centre = v.centre
            up = "../" * (len(Path(v.path).parts) - 1)
            pages = v.G.graph["pages"]
            if v.kind == "union":
                main = union_main(g, URIRef(centre), pages, up)
            elif v.kind == "person":
                main = person_main(g, URIRef(centre), pages, up)
            else:
                main = article_main(g, URIRef(centre), pages, up, texts.get(centre), sources.get(centre))
        write_page(v, out, main=main)
    return write_index(out / "index.html", views, class_counts(g), G)


def write_index(path: Path, views: list[View], counts: Counter, G: nx.MultiDiGraph) -> Path:
    """The landing page: counts per class and a link to every view."""
    esc = htmlmod.escape

    def li(v: View) -> str:
        size = f"{v.nodes} 节点 · {v.edges} 边" + (f"（共 {v.total}）" if v.total > v.nodes else "")
        return f'<li><a href="{esc(v.path)}">{esc(v.label)}</a> <small>{size}</small></li>'

    sections = [("总览", [v for v in views if v.kind in ("graph", "class")]),
                ("文章", [v for v in views if v.kind == "article"]),
                ("工会", [v for v in views if v.kind == "union"]),
                ("人物", [v for v in views if v.kind == "person"])]
    counts_html = ("<tr>" + "".join(f"<th>{name}</th>" for name in COUNT_NAMES.values()) + "</tr><tr>"
                   + "".join(f'<td id="count-{k}">{counts.get(k, 0)}</td>' for k in COUNT_NAMES) + "</tr>")
    body = "".join(f"<section><h2>{esc(t)}（{len(vs)}）</h2><ul>{''.join(li(v) for v in vs)}</ul></section>"
                   for t, vs in sections if vs)
    legend = "".join(f'<span class="key" style="color:{c}">{sym}</span> {name} '
                     for _, name, c, _, sym in CLASSES.values())
    page = f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>union-kg 知识图谱</title>
<link rel="stylesheet" href="lib/union-kg.css"></head>
<body class="landing"><header><h1>union-kg 工会新闻知识图谱</h1>
<p>{G.number_of_nodes()} 个实体，{G.number_of_edges()} 条关系。图例：{legend}</p></header>
<main><table class="counts">{counts_html}</table>{body}</main>
<footer>页面离线可用：vis-network（Apache-2.0/MIT）与 tom-select（Apache-2.0）位于 lib/。</footer>
</body></html>
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def write_view(g: Graph, path: str | Path, title: str = "union-kg") -> Path:
    """Write the whole graph as one page at ``path``, with ``lib/`` beside it.

    Parameters
    ----------
    g : rdflib.Graph
    path : path-like
    title : str

    Returns
    -------
    Path
        The page written; its scripts are in ``path.parent / "lib"``.
    """
    from .html import copy_assets, write_page

    path = Path(path)
    copy_assets(path.parent / "lib")
    G = to_networkx(g)
    return write_page(View("graph", path.name, title, G, G.number_of_nodes()), path.parent)


__all__ = ["CLASSES", "EDGE_LABELS", "MAX_NODES", "View", "to_networkx", "plan_views", "ego", "cap",
           "file_name", "write_views", "write_index", "write_view", "class_counts"]
