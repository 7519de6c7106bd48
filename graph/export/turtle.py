"""Turtle output, written by Oxigraph in a canonical order.

rdflib's Turtle serialiser is slow (on a 200k-triple graph, about 60× slower
than Oxigraph's; ``bench/bench_sparql.py``) and its output order depends on
the order the triples were added.  Here the triples are converted to
pyoxigraph terms, sorted (subject, then ``rdf:type`` first, then predicate
and object, each compared in its N-Triples form), and written by
:func:`pyoxigraph.serialize` with the project's prefixes given explicitly
(oxrdflib has been reported to drop parsed prefixes, oxrdflib issue #86, so
rdflib's store plugin is not used).  The same graph therefore gives the same
bytes whatever the order of the build, serial or parallel.

``ukgid:`` is not used for instance IRIs: their local parts hold ``/``,
which Turtle must escape (``ukgid:union\\/顺义区总工会``); the whole IRI
``<https://w3id.org/union-kg/id/union/顺义区总工会>`` reads better and can be
pasted into a query or searched for as it is.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from ..namespace import PREFIXES

#: Prefixes declared in the Turtle output (all of the project's but ``ukgid:``, see above).
TURTLE_PREFIXES: dict[str, str] = {k: str(v) for k, v in PREFIXES.items() if k != "ukgid"}

_SUBJECT_START = re.compile(rb"\n(?=[^\t@\n])")
_RDF_TYPE = ox.NamedNode(str(RDF.type))


def _term(t, bnodes: dict):
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    if isinstance(t, BNode):
        if t not in bnodes:
            bnodes[t] = ox.BlankNode(str(t))
        return bnodes[t]
    raise TypeError(f"cannot write {type(t).__name__} {t!r} in Turtle")


def canonical_triples(g: Graph) -> list[ox.Triple]:
    """The triples of ``g`` as pyoxigraph triples in canonical order.

    Parameters
    ----------
    g : rdflib.Graph

    Returns
    -------
    list of pyoxigraph.Triple
        Sorted by subject, ``rdf:type`` before other predicates, then
        predicate and object (N-Triples forms).  Blank nodes, if any, are
        first relabelled by RDF Dataset Canonicalization (RDFC-1.0), so
        their labels do not depend on the order of the build either.

    Raises
    ------
    TypeError
        For a term that is no IRI, literal or blank node (e.g. a variable).
    """
    bnodes: dict = {}
    triples = [ox.Triple(_term(s, bnodes), _term(p, bnodes), _term(o, bnodes)) for s, p, o in g]
    if bnodes:
        ds = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        triples = [q.triple for q in ds]
    return sorted(triples, key=lambda t: (str(t.subject), t.predicate != _RDF_TYPE, str(t.predicate), str(t.object)))


def write_turtle(g: Graph, path: str | Path) -> Path:
    """Serialise ``g`` to Turtle at ``path`` with the project's prefixes, canonically ordered.

    Parameters
    ----------
    g : rdflib.Graph
    path : path-like
        Parent folders are created.

    Returns
    -------
    Path
        The file written (UTF-8).  Two graphs with the same triples give
        byte-identical files.

    Raises
    ------
    TypeError
        For a term Turtle cannot hold (see :func:`canonical_triples`).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = ox.serialize(canonical_triples(g), None, ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    # a blank line before each subject, as rdflib writes: every line of Oxigraph's Turtle is either a
    # prefix, a subject's first line (column 0) or a continuation (a tab); literals keep newlines escaped
    path.write_bytes(_SUBJECT_START.sub(b"\n\n", data))
    return path
