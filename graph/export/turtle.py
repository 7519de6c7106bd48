"""Turtle output, written by Oxigraph in a canonical order.

rdflib's Turtle serialiser is slow (264k triples: 24.7 s, against 4.9 s
here, ``bench/bench_sparql.py``; of those 4.9 s, 2.6 s is rdflib handing
the triples out as N-Triples) and its output order depends on the order the
triples were added.  Here the triples are sorted by their
N-Triples lines (so by subject; ``rdf:type`` first among a subject's
predicates), and written by
:func:`pyoxigraph.serialize` with the project's prefixes given explicitly
(oxrdflib has been reported to drop parsed prefixes, oxrdflib issue #86, so
rdflib's store plugin is not used).  The same graph therefore gives the same
bytes whatever the order of the build, serial or parallel.

A store (a build's) is written in bounded memory: dumped as N-Triples,
sorted in chunks of :data:`CHUNK_BYTES` and merged on disk, then streamed
through Oxigraph's Turtle writer; the bytes are those of the in-memory path.

``ukgid:`` is not used for instance IRIs: their local parts hold ``/``,
which Turtle must escape (``ukgid:union\\/顺义区总工会``); the whole IRI
``<https://w3id.org/union-kg/id/union/顺义区总工会>`` reads better and can be
pasted into a query or searched for as it is.
"""
from __future__ import annotations

import heapq
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF

from ..namespace import PREFIXES

#: Prefixes declared in the Turtle output (all of the project's but ``ukgid:``, see above).
TURTLE_PREFIXES: dict[str, str] = {k: str(v) for k, v in PREFIXES.items() if k != "ukgid"}

_SUBJECT_START = re.compile(rb"\n(?=[^\t@\n])")
_NT_TYPE = f" <{RDF.type}> ".encode()


def _line_key(line: bytes) -> bytes:
    # subject first (an N-Triples subject holds no space), then rdf:type before any other predicate
    return line.replace(_NT_TYPE, b" \x00 ", 1)


def canonical_ntriples(g: Graph | ox.Store) -> bytes:
    """The triples of ``g`` as N-Triples lines in canonical order.

    Parameters
    ----------
    g : rdflib.Graph or pyoxigraph.Store
        A store (or a Graph over one) is dumped by Oxigraph, its default graph.

    Returns
    -------
    bytes
        UTF-8 N-Triples, one triple a line, sorted (so grouped by subject),
        ``rdf:type`` before the other predicates of a subject.  Blank
        nodes, if any, are first relabelled by RDF Dataset Canonicalization
        (RDFC-1.0), so their labels do not depend on the order of the build
        either.

    Notes
    -----
    rdflib writes the N-Triples (each term has one written form); that is
    most of the time this takes, as every triple leaves rdflib's store
    through Python.  Sorting byte strings and letting Oxigraph parse them
    is then cheap.
    """
    from .tables import oxigraph_of

    st = g if isinstance(g, ox.Store) else oxigraph_of(g)
    if st is not None:
        nt = st.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    else:
        nt = g.serialize(format="nt", encoding="utf-8")
    if b"_:" in nt:  # maybe blank nodes (or just the two characters in a literal): canonicalise
        ds = ox.Dataset(ox.parse(nt, format=ox.RdfFormat.N_QUADS))
        if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in ds):
            ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
            nt = ox.serialize(ds, None, ox.RdfFormat.N_QUADS)
    lines = sorted({ln for ln in nt.split(b"\n") if ln.strip()}, key=_line_key)
    return b"\n".join(lines) + b"\n"


def canonical_triples(g: Graph | ox.Store) -> list[ox.Triple]:
    """The triples of ``g`` as pyoxigraph triples, in the order of :func:`canonical_ntriples`."""
    return list(ox.parse(canonical_ntriples(g), format=ox.RdfFormat.N_TRIPLES))


#: Bytes of N-Triples sorted in memory at once when a store is written (:func:`_sorted_lines`).
CHUNK_BYTES = 64 << 20


def _has_blank_nodes(st: ox.Store) -> bool:
    return bool(st.query("ASK { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }"))


def _sorted_lines(nt_path: Path, tmp: Path) -> Iterator[bytes]:
    """The distinct lines of an N-Triples file in canonical order, sorted in chunks and merged (external sort)."""
    chunk_bytes = CHUNK_BYTES
    runs: list[Path] = []
    with open(nt_path, "rb") as fh:
        while True:
            lines = fh.readlines(chunk_bytes)
            if not lines:
                break
            run = tmp / f"run{len(runs)}.nt"
            run.write_bytes(b"".join(sorted({ln if ln.endswith(b"\n") else ln + b"\n" for ln in lines
                                             if ln.strip()}, key=_line_key)))
            runs.append(run)
            del lines
    files = [open(r, "rb") for r in runs]
    try:
        last = None
        for ln in heapq.merge(*files, key=_line_key):
            if ln != last:
                yield ln
                last = ln
    finally:
        for f in files:
            f.close()


def _write_store_turtle(st: ox.Store, path: Path) -> None:
    """Canonical Turtle of a store's default graph, in bounded memory (no blank nodes)."""
    with tempfile.TemporaryDirectory(prefix=".turtle-", dir=path.parent) as d:
        tmp = Path(d)
        st.dump(str(tmp / "all.nt"), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        with open(tmp / "sorted.nt", "wb") as out:
            for ln in _sorted_lines(tmp / "all.nt", tmp):
                out.write(ln)
        os.remove(tmp / "all.nt")
        ox.serialize(ox.parse(path=str(tmp / "sorted.nt"), format=ox.RdfFormat.N_TRIPLES), str(tmp / "raw.ttl"),
                     ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
        with open(tmp / "raw.ttl", "rb") as src, open(path, "wb") as out:
            first = True
            for ln in src:  # a blank line before each subject, as in write_turtle
                if not first and ln[:1] not in (b"\t", b"@", b"\n"):
                    out.write(b"\n")
                out.write(ln)
                first = False


def write_turtle(g: Graph | ox.Store, path: str | Path) -> Path:
    """Serialise ``g`` to Turtle at ``path`` with the project's prefixes, canonically ordered.

    Parameters
    ----------
    g : rdflib.Graph or pyoxigraph.Store
    path : path-like
        Parent folders are created.

    Returns
    -------
    Path
        The file written (UTF-8).  Two graphs with the same triples give
        byte-identical files.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    from .tables import oxigraph_of

    st = g if isinstance(g, ox.Store) else oxigraph_of(g)
    if st is not None and not _has_blank_nodes(st):  # a build's store: sorted on disk, memory stays flat
        _write_store_turtle(st, path)
        return path
    triples = ox.parse(canonical_ntriples(g), format=ox.RdfFormat.N_TRIPLES)  # streamed, in order
    data = ox.serialize(triples, None, ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    # a blank line before each subject, as rdflib writes: every line of Oxigraph's Turtle is either a
    # prefix, a subject's first line (column 0) or a continuation (a tab); literals keep newlines escaped
    path.write_bytes(_SUBJECT_START.sub(b"\n\n", data))
    return path
