"""Entities per class of a built graph: the numbers of the build summary and of the landing page.

Shared by :mod:`graph.build` (its report) and :mod:`graph.export.views` (the
landing page), so neither imports the other.
"""
from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
from rdflib import RDF, Graph
from rdflib.namespace import FOAF, ORG

from ..namespace import UKG
from .tables import oxigraph_of

#: Classes counted in the build summary, with their names in it.
SUMMARY_CLASSES = {"unions": UKG.TradeUnion, "persons": FOAF.Person, "programmes": UKG.Programme,
                   "awards": UKG.Award, "documents": UKG.Document, "organizations": ORG.FormalOrganization,
                   "figures": UKG.Figure}

_COUNT_QUERY = """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {
  VALUES ?c { %s } ?s a ?c . %s
} GROUP BY ?c"""


def count_classes(g: Graph | ox.Store) -> Counter:
    """Entities per class of :data:`SUMMARY_CLASSES` (organisations exclude unions).

    Parameters
    ----------
    g : rdflib.Graph or pyoxigraph.Store
        The built graph; counted with one SPARQL query per group when it is,
        or sits on, an Oxigraph store, else by walking ``rdf:type`` triples.

    Returns
    -------
    collections.Counter
        Key of :data:`SUMMARY_CLASSES` -> number of distinct subjects of that class.
    """
    st = g if isinstance(g, ox.Store) else oxigraph_of(g)
    if st is not None:
        c = Counter({name: 0 for name in SUMMARY_CLASSES})
        names = {str(cls): name for name, cls in SUMMARY_CLASSES.items()}
        plain = " ".join(f"<{k}>" for k in names if k != str(ORG.FormalOrganization))
        for vals, extra in ((plain, ""), (f"<{ORG.FormalOrganization}>",
                                          f"FILTER NOT EXISTS {{ ?s a <{UKG.TradeUnion}> }}")):
            for sol in st.query(_COUNT_QUERY % (vals, extra)):
                c[names[sol["c"].value]] = int(sol["n"].value)
        return c
    c = Counter()
    for name, cls in SUMMARY_CLASSES.items():
        subjects = set(g.subjects(RDF.type, cls))
        if cls == ORG.FormalOrganization:
            subjects -= set(g.subjects(RDF.type, UKG.TradeUnion))
        c[name] = len(subjects)
    return c


__all__ = ["SUMMARY_CLASSES", "count_classes"]
