"""union-kg: a knowledge graph of Chinese trade-union news.

Public API (thin: each call is one pipeline stage module)::

    import graph
    facts = graph.extract_text("朝阳区总工会主席李明表示……")
    g, report = graph.build(["seeds/"], "out")
    g = graph.load("out/graph.ttl")
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


__all__ = ["build", "extract", "extract_file", "extract_text", "load", "__version__"]
