"""union-kg: a knowledge graph of Chinese trade-union news.

Public API (thin: each call is one pipeline stage module)::

    import graph
    facts = graph.extract_text("朝阳区总工会主席李明表示……")
    g, report = graph.build(["seeds/"], "out")
    g = graph.load("out/graph.ttl")
    for row in graph.query("out/graph.ttl", "SELECT ?name WHERE { ?u a ukg:TradeUnion ; skos:prefLabel ?name }"):
        print(row["name"].value)
"""
from __future__ import annotations

from pathlib import Path

from .build import build
from .pipeline import extract, extract_file, extract_text

__version__ = "0.1.0"


def load(path: str | Path):
    """Load a built graph (Turtle) into an rdflib Graph with the project's prefixes."""
    from rdflib import Graph

    from .namespace import bind_prefixes

    return bind_prefixes(Graph().parse(str(path), format="turtle"))


def query(graph, sparql: str, **options):
    """Run a SPARQL query on a built graph (Oxigraph); see :func:`graph.sparql.query`.

    ``graph`` is a Turtle file, a build folder, a ``pyoxigraph.Store`` or an
    rdflib graph; returns solutions (SELECT), a boolean (ASK) or triples
    (CONSTRUCT, DESCRIBE). :func:`graph.sparql.rows` gives a list of dicts.
    """
    from .sparql import query as _query

    return _query(graph, sparql, **options)


__all__ = ["build", "extract", "extract_file", "extract_text", "load", "query", "__version__"]
