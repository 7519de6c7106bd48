"""Turtle output."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ..namespace import bind_prefixes


def write_turtle(g: Graph, path: str | Path) -> Path:
    """Serialise ``g`` to Turtle at ``path`` with the project's prefixes.

    Parameters
    ----------
    g : rdflib.Graph
    path : path-like
        Parent folders are created.

    Returns
    -------
    Path
        The file written (UTF-8).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    bind_prefixes(g)
    path.write_text(g.serialize(format="turtle"), encoding="utf-8")
    return path
