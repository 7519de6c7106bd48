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
import heapq
import html as htmlmod
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, SDO, SKOS

from ..namespace import UKG
from .page import CLASSES, CLUSTER, View

#: Edge labels per relation (posts are labelled ``担任 <role>``).
EDGE_LABELS = {ORG.subOrganizationOf: "隶属于", UKG.organizedBy: "主办", UKG.receivedAward: "获得",
               SDO.mentions: "提及"}
#: Default cap on the nodes of one page (highest degree first).
MAX_NODES = 300
#: Default cap on the nodes of a union, person or article page (nearest first): most persons of a big corpus are
#: two steps from a provincial union with thousands of neighbours, and their pages would all be that hub's
#: 300-node neighbourhood; 150 halves the pages' size and keeps the rings readable.
EGO_NODES = 150
#: Cluster nodes drawn for what a capped page leaves out: one per shown node with the most left-out neighbours
#: (up to this many), then one per class for the rest.
CLUSTERS = 40
#: Cap on the edges of one page, per node of the cap (a neighbourhood of 300 nodes can hold 13,000 edges).
EDGES_PER_NODE = 4
#: The landing page lists every page of a section up to this many; above, the best-connected
#: :data:`INDEX_TOP` and a link to the full list, :data:`LIST_PAGE` entries per list page.
INDEX_LIST, INDEX_TOP, LIST_PAGE = 300, 100, 500
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


def ego_nodes(G: nx.MultiDiGraph, centre: str, radius: int = 2, entities: nx.Graph | None = None,
              degree: Mapping[str, int] | None = None) -> list[str]:
    """The nodes of :func:`ego` in the order a capped page keeps them.

    The centre, then its neighbours, the articles that mention it, the
    nodes two steps away, ...; within each ring the best-connected (degree in
    ``G``) first. Cutting this list keeps what is nearest the centre, without
    copying a neighbourhood of thousands of nodes first. ``degree`` (node →
    degree in ``G``) saves recounting it when the caller asks for many
    neighbourhoods: a multigraph counts a node's degree edge by edge.
    """
    if entities is None:
        entities = _entities(G)
    if degree is None:
        degree = dict(G.degree())
    near = nx.single_source_shortest_path_length(entities, centre, cutoff=radius)
    docs = {s for s, _, lab in G.in_edges(centre, data="label") if lab == "提及"}
    ring = {n: (0 if n == centre else 2 * d - 1 if d == 1 else 2 * d) for n, d in near.items()}
    ring.update({d: 2 for d in docs if d not in ring})
    return sorted(ring, key=lambda n: (ring[n], -degree[n], n))


def add_clusters(H: nx.MultiDiGraph, G: nx.MultiDiGraph, left: list[str], pages: Mapping[str, str],
                 limit: int = CLUSTERS, anchored: bool = True, degree: Mapping[str, int] | None = None) -> int:
    """Draw the nodes ``left`` out of page ``H`` as grey cluster nodes, each with a count; returns their number.

    Each left-out node belongs to a shown neighbour (in ``G``): one that has a
    page, else any; the least connected, so that the cluster is specific.
    The ``limit`` shown nodes with the most left-out neighbours get a
    cluster node ``另 k 个`` linked to them, whose tooltip lists what it
    holds and whose double-click opens that neighbour's page (where the
    left-out nodes are drawn); the rest go into one cluster per class,
    opening the full list of that class (``lists/``) when there is one.

    Parameters
    ----------
    H : networkx.MultiDiGraph
        The page's graph, changed in place.
    G : networkx.MultiDiGraph
        The graph ``left`` was cut from.
    left : list of str
        Node ids of ``G`` not in ``H``.
    pages : mapping
        Node id → page path.
    limit : int
        Cluster nodes tied to a shown node, at most.
    anchored : bool
        False: one cluster per class only (linear in ``left``; the ego pages,
        thousands of them, whose left-outs are their outer ring).
    degree : mapping, optional
        Node → degree in ``G``, when the caller has it.

    Returns
    -------
    int
        Cluster nodes added.
    """
    deg = degree if degree is not None else dict(G.degree())
    by_anchor: dict[str | None, list[str]] = {None: []} if anchored else {None: list(left)}
    for n in left if anchored else ():
        near = {m for m in G.successors(n)} | {m for m in G.predecessors(n)}
        shown = [m for m in near if m in H and H.nodes[m].get("kind") != "cluster"]
        anchor = min(shown, key=lambda m: (m not in pages, deg[m], m)) if shown else None
        by_anchor.setdefault(anchor, []).append(n)
    anchors = sorted((a for a in by_anchor if a is not None), key=lambda a: (-len(by_anchor[a]), a))
    rest = list(by_anchor.get(None, []))
    for a in anchors[limit:]:
        rest += by_anchor[a]
    added = 0
    for a in anchors[:limit]:
        members = by_anchor[a]
        name = H.nodes[a]["label"]
        where = f"双击打开“{name}”的页面，那里画出了它们。" if a in pages else ""
        H.add_node(f"cluster:{a}", kind="cluster", label=f"另 {len(members)} 个",
                   tooltip=_cluster_tip(G, members, f"“{name}”的 {len(members)} 个邻居未在此页显示：", where, deg))
        if a in pages:
            H.nodes[f"cluster:{a}"]["url_of"] = a
        H.add_edge(a, f"cluster:{a}", label=f"{len(members)} 个未显示")
        added += 1
    by_kind: dict[str, list[str]] = {}
    for n in rest:
        by_kind.setdefault(G.nodes[n]["kind"], []).append(n)
    for kind in sorted(by_kind, key=list(CLASSES).index):
        members = by_kind[kind]
        name = CLASSES[kind][1]
        where = f"双击打开全部{name}的列表。" if kind in LISTED else ""
        H.add_node(f"cluster:{kind}", kind="cluster", label=f"另 {len(members)} 个{name}",
                   tooltip=_cluster_tip(G, members, f"另有 {len(members)} 个{name}未在此页显示：", where, deg))
        if kind in LISTED:
            H.nodes[f"cluster:{kind}"]["list_of"] = kind
        added += 1
    return added


def thin_edges(H: nx.MultiDiGraph, keep: str | None, limit: int) -> int:
    """Drop edges of ``H`` (in place) until at most ``limit`` are left; returns the number dropped.

    Kept first: every edge of ``keep`` (a page's centre), then for each node
    its edge to its best-connected neighbour (no node is left floating), then
    the edges between the best-connected nodes, up to ``limit``.
    """
    if H.number_of_edges() <= limit:
        return 0
    deg = dict(H.degree())
    edges = sorted(H.edges(keys=True, data="label"), key=lambda e: (str(e[0]), str(e[1]), str(e[3]), e[2]))
    chosen: set = set()
    best: dict[str, tuple] = {}
    for e in edges:
        u, v = e[0], e[1]
        if keep is not None and keep in (u, v):
            chosen.add(e[:3])
        for a, b in ((u, v), (v, u)):
            if a not in best or (deg[b], str(b)) > best[a][0]:
                best[a] = ((deg[b], str(b)), e[:3])
    chosen |= {e for _, e in best.values()}
    for e in sorted(edges, key=lambda e: (-(deg[e[0]] + deg[e[1]]), str(e[0]), str(e[1]), str(e[3]))):
        if len(chosen) >= limit:
            break
        chosen.add(e[:3])
    drop = [e[:3] for e in edges if e[:3] not in chosen]
    H.remove_edges_from(drop)
    return len(drop)


#: Classes whose pages are listed under ``lists/`` (each of their nodes has a page).
LISTED = ("article", "union", "person")


def _cluster_tip(G: nx.MultiDiGraph, members: list[str], head: str, where: str, deg: Mapping[str, int]) -> str:
    kinds = Counter(G.nodes[n]["kind"] for n in members)
    lines = [head, "、".join(f"{CLASSES[k][1]} {c}" for k, c in sorted(kinds.items(), key=lambda x: -x[1]))]
    top = heapq.nsmallest(TIP_ARTICLES * 2, members, key=lambda n: (-deg[n], n))
    lines += [f"  · {G.nodes[n]['label']}" for n in top]
    if len(members) > len(top):
        lines.append(f"  … 共 {len(members)} 个")
    if where:
        lines.append(where)
    return "\n".join(lines)


def plan_views(G: nx.MultiDiGraph, max_nodes: int = MAX_NODES, ego_max: int = EGO_NODES) -> list[View]:
    """Every view of the entity graph ``G``, landing page excluded.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        From :func:`to_networkx`.
    max_nodes : int
        Cap on the nodes of each page (highest degree first).
    ego_max : int
        Cap on the nodes of a union, person or article page (the smaller of
        the two caps applies; the centre's nearest nodes first).

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
    if max_nodes < 1 or ego_max < 1:
        raise ValueError(f"max_nodes and ego_max must be at least 1, not {max_nodes}, {ego_max}")
    whole_cap = max_nodes
    views: list[View] = []
    pages = {n: f"{k}/{file_name(n, k)}" for n, k in G.nodes(data="kind") if k in LISTED}
    degree = dict(G.degree())  # counted once: a multigraph counts a node's degree edge by edge

    def add(kind: str, path: str, title: str, sub: nx.MultiDiGraph | None, keep: str | None = None,
            label: str = "", order: list[str] | None = None) -> View:
        """A page of ``sub`` (or of ``order``, nodes of ``G`` by priority), capped with its left-outs clustered."""
        max_nodes = whole_cap if kind in ("graph", "class") else min(whole_cap, ego_max)
        if order is None:
            sub_degree = dict(sub.degree())
            order = sorted(sub.nodes, key=lambda n: (n != keep, -sub_degree[n], n))
            whole = sub
        else:
            whole = G
        total = len(order)
        if total <= max_nodes:
            shown = sub if sub is not None else G.subgraph(order).copy()
        else:
            shown = whole.subgraph(order[:max_nodes]).copy()
        note = f"全部 {total} 个节点都在此页（每页最多 {max_nodes} 个）。" if kind == "graph" else ""
        if total > max_nodes:
            n = shown.number_of_nodes()
            clusters = add_clusters(shown, whole, order[max_nodes:], pages, anchored=kind in ("graph", "class"),
                                    degree=degree if whole is G else None)
            ego = kind in ("union", "person", "article")
            which = "离中心最近、连接最多" if ego else "连接最多"
            option = "--ego-nodes" if ego and max_nodes < whole_cap else "--max-nodes"
            note = (f"共 {total} 个节点，此页显示{which}的 {n} 个（每页最多 {max_nodes} 个，可用 union-kg views "
                    f"{option} 调整）；其余 {total - n} 个并为 {clusters} 个灰色“另 k 个”节点：悬停看其中有谁，"
                    + ("双击打开该类的全部列表。" if ego else "双击打开所连实体的页面。")
                    + "每个工会、人物和文章都有自己的页面，首页列出全部。")
        edges, most = shown.number_of_edges(), EDGES_PER_NODE * max_nodes
        if edges > most:
            if shown is sub or shown is G:  # never thin the caller's graph
                shown = shown.copy()
            thin_edges(shown, keep, most)
            note += (f"节点间共 {edges} 条边，此页画出 {shown.number_of_edges()} 条（每页最多 {most} 条："
                     "中心的边全部保留，每个节点至少保留一条，其余按连接多少取舍）。")
        v = View(kind, path, title, shown, total, note, label or title)
        views.append(v)
        return v

    add("graph", "views/graph.html", "全图", G)
    add("class", "views/unions.html", "工会及其隶属关系", _with_all(G, "union", _relations(G, ("隶属于",))))
    add("class", "views/persons.html", "人物及其职务", _with_all(G, "person", _relations(G, ("担任",))))
    add("class", "views/programmes.html", "活动项目及主办单位", _with_all(G, "programme", _relations(G, ("主办",))))
    add("class", "views/awards.html", "荣誉及获得者", _with_all(G, "award", _relations(G, ("获得",))))
    for n, d in G.nodes(data=True):
        if d["kind"] == "article":
            near = set(G.successors(n))
            order = [n] + sorted(near - {n}, key=lambda m: (-degree[m], m))
            v = add("article", pages[n], f"文章：{d['label']}", None, keep=n, label=d["label"], order=order)
            v.centre = n
            v.links = [(pages[m], G.nodes[m]["label"]) for m in G.successors(n) if m in pages]
    entities = _entities(G)
    for n, d in G.nodes(data=True):
        if d["kind"] in ("union", "person"):
            title = f"{CLASSES[d['kind']][1]}：{d['label']}"
            v = add(d["kind"], pages[n], title, None, keep=n, label=d["label"],
                    order=ego_nodes(G, n, 2, entities, degree))
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
                texts: Mapping[str, str] | None = None, sources: Mapping[str, str | Path] | None = None,
                ego_nodes: int = EGO_NODES) -> Path:
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
    ego_nodes : int
        Cap on the nodes of a union, person or article page.
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
    views = plan_views(G, max_nodes, ego_nodes)  # ego_nodes: write_views's cap, not the function
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
    write_lists(out, views)
    return write_index(out / "index.html", views, class_counts(g), G)


SECTIONS = (("article", "文章"), ("union", "工会"), ("person", "人物"))


def _li(v: View, up: str = "") -> str:
    esc = htmlmod.escape
    size = f"{v.nodes} 节点 · {v.edges} 边" + (f"（共 {v.total}）" if v.total > v.nodes else "")
    return f'<li><a href="{up}{esc(v.path)}">{esc(v.label)}</a> <small>{size}</small></li>'


def _page(title: str, body: str, up: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{htmlmod.escape(title)}</title>
<link rel="stylesheet" href="{up}lib/union-kg.css"></head>
{body}
</html>
"""


def write_lists(out: Path, views: list[View], per_page: int = LIST_PAGE) -> list[Path]:
    """Every article, union and person page listed by title, ``per_page`` to a page: ``lists/<kind>-<n>.html``.

    Parameters
    ----------
    out : Path
        The output folder.
    views : list of View
        From :func:`plan_views`.
    per_page : int
        Links per list page.

    Returns
    -------
    list of Path
        The list pages written (at least one per class, possibly empty).
    """
    esc = htmlmod.escape
    written = []
    for kind, name in SECTIONS:
        vs = sorted((v for v in views if v.kind == kind), key=lambda v: (v.label, v.path))
        n_pages = max(1, -(-len(vs) // per_page))
        for i in range(n_pages):
            part = vs[i * per_page:(i + 1) * per_page]
            nav = " ".join(f"<b>{k + 1}</b>" if k == i else f'<a href="{kind}-{k + 1}.html">{k + 1}</a>'
                           for k in range(n_pages))
            body = (f'<body class="landing"><header><p><a href="../index.html">← 首页</a></p>'
                    f"<h1>全部{esc(name)}（{len(vs)}）</h1><p>按名称排列，第 {i + 1}/{n_pages} 页"
                    f"（每页 {per_page} 个）：{nav}</p></header>"
                    f"<main><section><ul>{''.join(_li(v, '../') for v in part)}</ul></section></main></body>")
            path = out / "lists" / f"{kind}-{i + 1}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_page(f"全部{name} {i + 1}/{n_pages} · union-kg", body, "../"), encoding="utf-8")
            written.append(path)
    return written


def write_index(path: Path, views: list[View], counts: Counter, G: nx.MultiDiGraph) -> Path:
    """The landing page: counts per class and a link to every view.

    A section of more than :data:`INDEX_LIST` pages lists its
    :data:`INDEX_TOP` best-connected ones and links the full lists
    (:func:`write_lists`), so that the page stays small on a big graph.
    """
    esc = htmlmod.escape
    sections = [("总览", "", [v for v in views if v.kind in ("graph", "class")])]
    sections += [(name, kind, [v for v in views if v.kind == kind]) for kind, name in SECTIONS]
    counts_html = ("<tr>" + "".join(f"<th>{name}</th>" for name in COUNT_NAMES.values()) + "</tr><tr>"
                   + "".join(f'<td id="count-{k}">{counts.get(k, 0)}</td>' for k in COUNT_NAMES) + "</tr>")
    parts = []
    for title, kind, vs in sections:
        if not vs:
            continue
        more, n = "", len(vs)
        if n > INDEX_LIST:
            more = (f'<p class="note">共 {n} 个，此处列出连接最多的 {INDEX_TOP} 个；'
                    f'<a href="lists/{kind}-1.html">全部{esc(title)}（按名称，每页 {LIST_PAGE} 个）</a>。</p>')
            vs = sorted(vs, key=lambda v: (-v.total, v.label, v.path))[:INDEX_TOP]
        parts.append(f"<section><h2>{esc(title)}（{n}）</h2>"
                     f"{more}<ul>{''.join(_li(v) for v in vs)}</ul></section>")
    body = "".join(parts)
    legend = "".join(f'<span class="key" style="color:{c}">{sym}</span> {name} '
                     for _, name, c, _, sym in CLASSES.values())
    page = _page("union-kg 知识图谱", f"""<body class="landing"><header><h1>union-kg 工会新闻知识图谱</h1>
<p>{G.number_of_nodes()} 个实体，{G.number_of_edges()} 条关系。图例：{legend}</p></header>
<main><table class="counts">{counts_html}</table>{body}</main>
<footer>页面离线可用：vis-network（Apache-2.0/MIT）与 tom-select（Apache-2.0）位于 lib/。</footer>
</body>""")
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


__all__ = ["CLASSES", "CLUSTER", "EDGE_LABELS", "MAX_NODES", "EGO_NODES", "View", "to_networkx", "plan_views",
           "ego", "ego_nodes", "cap", "add_clusters", "file_name", "write_views", "write_index", "write_lists",
           "write_view", "class_counts"]
