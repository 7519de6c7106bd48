"""Interactive HTML view of the graph (pyvis), self-contained and offline.

pyvis 0.3.2 links Bootstrap from a CDN even in its ``in_line`` mode (pyvis
issues #228, #229): the page is post-processed so that no request leaves
the machine when it opens.
"""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
from rdflib import RDF, Graph
from rdflib.namespace import DCTERMS, FOAF, ORG, SDO, SKOS

from ..namespace import UKG

#: Node colours and shapes per class.
STYLE = {
    UKG.TradeUnion: ("#d62728", "dot", "工会"),
    FOAF.Person: ("#1f77b4", "dot", "人物"),
    UKG.Programme: ("#2ca02c", "square", "活动项目"),
    UKG.Award: ("#ff7f0e", "star", "荣誉"),
    UKG.Document: ("#8c564b", "triangle", "文件"),
    ORG.FormalOrganization: ("#9467bd", "diamond", "组织"),
    UKG.Article: ("#7f7f7f", "box", "文章"),
}
EDGE_LABELS = {ORG.subOrganizationOf: "隶属于", UKG.organizedBy: "主办", UKG.receivedAward: "获得",
               SDO.mentions: "提及", ORG.organization: "担任"}
_EXTERNAL = re.compile(r'<(?:link|script)[^>]+(?:href|src)="https?://[^"]*"[^>]*>(?:\s*</script>)?', re.S)


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Entities as nodes (label, class) and their relations as labelled edges.

    Posts (``org:Membership``) become person → organisation edges labelled
    with the role (担任 …); figures are left out (they are in the tables).
    """
    G = nx.MultiDiGraph()
    for cls, (color, shape, group) in STYLE.items():
        for s in g.subjects(RDF.type, cls):
            if s in G:
                continue
            label = str(g.value(s, SKOS.prefLabel) or g.value(s, SKOS.prefLabel) or s).strip()
            if cls == UKG.Article:
                label = str(g.value(s, DCTERMS.title) or "") or str(s).rsplit("/", 1)[-1]
            G.add_node(str(s), label=label, group=group, color=color, shape=shape)
    for p, name in EDGE_LABELS.items():
        if p == ORG.organization:
            continue
        for s, o in g.subject_objects(p):
            if str(s) in G and str(o) in G:
                G.add_edge(str(s), str(o), label=name)
    for m in g.subjects(RDF.type, ORG.Membership):
        who, org, role = g.value(m, ORG.member), g.value(m, ORG.organization), g.value(m, ORG.role)
        if who is not None and org is not None and str(who) in G and str(org) in G:
            G.add_edge(str(who), str(org), label=f"担任 {g.value(role, SKOS.prefLabel) or ''}".strip())
    return G


def offline(html: str) -> str:
    """Remove every tag that would load a resource from the network."""
    return _EXTERNAL.sub("", html)


def write_view(g: Graph, path: str | Path, title: str = "union-kg") -> Path:
    """Write the whole-graph view as one self-contained HTML page.

    Parameters
    ----------
    g : rdflib.Graph
    path : path-like
    title : str

    Returns
    -------
    Path
        The page written; vis.js is inlined, nothing is fetched.
    """
    from pyvis.network import Network

    G = to_networkx(g)
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", heading=title)
    for n, d in G.nodes(data=True):
        net.add_node(n, label=d["label"], title=f"{d['group']}: {d['label']}", color=d["color"], shape=d["shape"],
                     size=10 + 2 * min(G.degree(n), 20))
    for s, o, d in G.edges(data=True):
        net.add_edge(s, o, label=d["label"], title=d["label"])
    net.toggle_physics(True)
    net.set_options('{"physics": {"stabilization": {"iterations": 300}}, "edges": {"font": {"size": 9}}}')
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(offline(net.generate_html()), encoding="utf-8")
    return path
