"""The Turtle writer: Oxigraph output, project prefixes, canonical bytes whatever the build order."""
import random

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.export.turtle import write_turtle
from graph.namespace import PREFIXES, bind_prefixes


def shuffled(g: Graph, seed: int) -> Graph:
    triples = list(g)
    random.Random(seed).shuffle(triples)
    out = bind_prefixes(Graph())
    for t in triples:
        out.add(t)
    return out


def test_same_triples_in_another_order_give_identical_bytes(seed_graph, tmp_path):
    g = Graph().parse(seed_graph, format="turtle")
    a = write_turtle(shuffled(g, 1), tmp_path / "a.ttl").read_bytes()
    b = write_turtle(shuffled(g, 2), tmp_path / "b.ttl").read_bytes()
    assert a == b
    assert a == seed_graph.read_bytes()  # re-writing a parsed build changes nothing
    assert isomorphic(Graph().parse(data=a, format="turtle"), g)


def test_prefixes_kept_and_output_readable(seed_graph):
    text = seed_graph.read_text(encoding="utf-8")
    for p in ("ukg", "org", "skos", "foaf", "schema", "prov", "dcterms", "xsd"):
        assert f"@prefix {p}: <{PREFIXES[p]}> ." in text
    assert "a ukg:TradeUnion" in text and "org:subOrganizationOf" in text
    assert "<https://w3id.org/union-kg/id/union/顺义区总工会>" in text  # whole IRIs, no \\/ escapes
    assert "\\/" not in text
    assert "\n\n<https://w3id.org/union-kg/id/" in text  # a blank line between subjects


def test_blank_nodes_are_canonical(tmp_path):
    ex = "http://example.org/"

    def build(order):
        g = Graph()
        nodes = {k: BNode() for k in "xy"}
        triples = [(URIRef(ex + "s"), URIRef(ex + "p"), nodes["x"]), (nodes["x"], URIRef(ex + "q"), Literal("1")),
                   (URIRef(ex + "s"), URIRef(ex + "p"), nodes["y"]), (nodes["y"], URIRef(ex + "q"), Literal("2"))]
        for i in order:
            g.add(triples[i])
        return g

    a = write_turtle(build([0, 1, 2, 3]), tmp_path / "a.ttl").read_bytes()
    b = write_turtle(build([3, 2, 1, 0]), tmp_path / "b.ttl").read_bytes()
    assert a == b
    assert len(list(ox.parse(a, format=ox.RdfFormat.TURTLE))) == 4
