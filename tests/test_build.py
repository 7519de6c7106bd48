"""End to end on the seed corpus: Turtle, SHACL, IRIs, HTML."""
import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, Graph
from rdflib.namespace import FOAF, SKOS

from graph.build import build
from graph.namespace import UKG
from graph.store.rdf import entity_iri

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    g, report = build([SEEDS], out)
    return g, report, out


def test_summary_counts(seed_build):
    g, report, out = seed_build
    assert report.articles == 5 and not report.failures
    assert report.counts["unions"] >= 10
    assert report.counts["figures"] >= 100
    assert report.triples == len(g)
    assert "articles read: 5" in report.summary()


def test_turtle_parses_with_rdflib_and_pyoxigraph(seed_build):
    g, _, out = seed_build
    ttl = (out / "graph.ttl").read_bytes()
    assert len(Graph().parse(data=ttl, format="turtle")) == len(g)
    quads = list(pyoxigraph.parse(ttl, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(g)
    assert b"@prefix ukg:" in ttl and b"@prefix org:" in ttl


def test_graph_conforms_to_shapes(seed_build):
    from graph.store.validate import validate

    g, _, _ = seed_build
    conforms, _, text = validate(g)
    assert conforms, text[:3000]


def test_entities_shared_across_articles(seed_build):
    g, _, _ = seed_build
    shunyi = entity_iri("union", "顺义区总工会")
    articles = set(g.subjects(None, shunyi))
    docs = {a for a in articles if (a, RDF.type, UKG.Article) in g}
    assert len(docs) == 2
    wang = [s for s in g.subjects(RDF.type, FOAF.Person) if str(g.value(s, SKOS.prefLabel)) == "王路曼"]
    assert len(wang) == 1
    assert len(set(g.subjects(None, wang[0]))) >= 3


def test_rebuild_gives_the_same_iris(seed_build, tmp_path):
    g1, _, _ = seed_build
    g2, _ = build([SEEDS], tmp_path, html=False)
    subjects1 = {s for s in g1.subjects() if not isinstance(s, type(None))}
    assert subjects1 == set(g2.subjects())
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8").count("\n") > 100


def test_html_view_is_offline(seed_build):
    _, _, out = seed_build
    assert "views/graph.html" in (out / "index.html").read_text(encoding="utf-8")
    html = (out / "views" / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in html or "new vis" in html
    assert not re.search(r'(?:src|href)="https?://', html)


def test_a_broken_article_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text("朝阳区总工会主席李明表示,全年投入50万元。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    g, report = build([tmp_path], tmp_path / "out", html=False)
    assert report.articles == 1
    assert sorted(Path(e.path).name for e in report.failures) == ["binary.txt", "empty.txt"]
