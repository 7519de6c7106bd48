"""SHACL validation of a built graph against ``schema/shapes.ttl``.

Subclass axioms of the ontology are applied to a copy of the data before
validation (a ``ukg:TradeUnion`` is also an ``org:FormalOrganization`` and
an ``org:Organization``); the data graph itself is never modified.
"""
from __future__ import annotations

from functools import lru_cache

import pyshacl
import rdflib

from ..namespace import ontology_path, shapes_path


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """The parsed SHACL shapes (cached; do not modify).

    Returns
    -------
    rdflib.Graph
        ``schema/shapes.ttl``.
    """
    return rdflib.Graph().parse(shapes_path(), format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> rdflib.Graph:
    """The parsed ontology (cached; do not modify).

    Returns
    -------
    rdflib.Graph
        ``schema/ontology.ttl``.
    """
    return rdflib.Graph().parse(ontology_path(), format="turtle")


@lru_cache(maxsize=1)
def _superclasses() -> dict[rdflib.term.Node, frozenset]:
    """rdfs:subClassOf closure of the ontology: class → all its superclasses."""
    from rdflib import RDFS

    onto = ontology_graph()
    return {c: frozenset(onto.transitive_objects(c, RDFS.subClassOf)) - {c}
            for c in set(onto.subjects(RDFS.subClassOf, None))}


def with_superclasses(data: rdflib.Graph) -> rdflib.Graph:
    """A copy of ``data`` with each resource also typed by its classes' superclasses.

    This is the only RDFS entailment the shapes need (a ukg:TradeUnion is an
    org:Organization); computing it directly takes milliseconds, where
    pyshacl's full RDFS inference (owlrl) takes minutes on a seed build.
    """
    from rdflib import RDF

    g = rdflib.Graph()
    for t in data:
        g.add(t)
    sup = _superclasses()
    for s, c in list(g.subject_objects(RDF.type)):
        for parent in sup.get(c, ()):
            g.add((s, RDF.type, parent))
    return g


def validate(data: rdflib.Graph) -> tuple[bool, rdflib.Graph, str]:
    """Validate a graph against the project's SHACL shapes.

    Parameters
    ----------
    data : rdflib.Graph
        The graph to check, e.g. the output of ``graph.store.rdf.build_graph``.
        It is not modified.

    Returns
    -------
    conforms : bool
        True if no shape is violated.
    results_graph : rdflib.Graph
        The SHACL validation report as RDF.
    results_text : str
        The same report as text, for error messages.

    Examples
    --------
    >>> conforms, _, _ = validate(rdflib.Graph())
    >>> conforms
    True
    """
    conforms, results_graph, results_text = pyshacl.validate(
        with_superclasses(data),
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        inplace=True,
    )
    return bool(conforms), results_graph, str(results_text)


__all__ = ["validate", "shapes_graph", "ontology_graph"]
