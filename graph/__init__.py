"""union-kg: a knowledge graph of Chinese trade-union news.

Public API (thin: each call is one pipeline stage module)::

    import graph
    facts = graph.extract_text("朝阳区总工会主席李明表示……")
    g, report = graph.build(["seeds/"], "out")
    g = graph.load("out/graph.ttl")          # or a store folder: graph.load("out/store")
    for row in graph.query("out/graph.ttl", "SELECT ?name WHERE { ?u a ukg:TradeUnion ; skos:prefLabel ?name }"):
        print(row["name"].value)
"""
from __future__ import annotations

from pathlib import Path

from ._version import __version__
from .build import build
from .pipeline import extract, extract_file, extract_text


def load(path: str | Path):
    """A built graph as an rdflib Graph with the project's prefixes.

    ``path`` is a Turtle file (parsed into memory) or the folder of a store
    (``union-kg build --store DIR``: opened read-only, the Graph reads it
    through oxrdflib, nothing is parsed or copied).
    """
    from rdflib import Graph

    from .namespace import bind_prefixes
    from .sparql import is_store_dir

    if is_store_dir(path):
        import pyoxigraph

        from .build import as_graph

        return as_graph(pyoxigraph.Store.read_only(str(path)))
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
