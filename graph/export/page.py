"""One page of the HTML views (:class:`View`) and the node classes pages draw (:data:`CLASSES`).

Shared by :mod:`graph.export.views` (which plans the pages) and
:mod:`graph.export.html` (which draws one), so neither imports the other.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import FOAF, ORG

from ..namespace import UKG

#: Node classes in the order a node's class is decided (unions before organisations):
#: key -> (rdf class, Chinese name, colour, vis shape, legend symbol).
CLASSES: dict[str, tuple[URIRef, str, str, str, str]] = {
    "union": (UKG.TradeUnion, "工会", "#d62728", "dot", "●"),
    "person": (FOAF.Person, "人物", "#1f77b4", "dot", "●"),
    "programme": (UKG.Programme, "活动项目", "#2ca02c", "square", "■"),
    "award": (UKG.Award, "荣誉", "#ff7f0e", "star", "★"),
    "document": (UKG.Document, "文件", "#8c564b", "triangle", "▲"),
    "organization": (ORG.FormalOrganization, "组织", "#9467bd", "diamond", "◆"),
    "article": (UKG.Article, "文章", "#c7c7c7", "box", "▬"),
}

#: How a cluster node looks: (Chinese name, colour, vis shape, legend symbol).
CLUSTER = ("未显示的节点", "#9e9e9e", "ellipse", "◯")


@dataclass
class View:
    """One page: its file (relative to the output folder), title and subgraph.

    ``total`` is the number of nodes before the cap; ``note`` is said on the page.
    """

    kind: str
    path: str
    title: str
    G: nx.MultiDiGraph
    total: int = 0
    note: str = ""
    label: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    centre: str = ""  # the node an article, union or person page is about

    @property
    def nodes(self) -> int:
        return self.G.number_of_nodes()

    @property
    def edges(self) -> int:
        return self.G.number_of_edges()


__all__ = ["CLASSES", "CLUSTER", "View"]
