"""Per-article shards merged in one Oxigraph store give the graph one builder gives; store folders are queried."""
import gc
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import XSD, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.plugins.serializers.nt import _nt_row

from graph.build import build
from graph.export.turtle import canonical_ntriples
from graph.pipeline import extract_file, extract_text
from graph.sparql import is_store_dir, open_store, rows
from graph.store.rdf import FIRST, LAST, MIN, Shard, ShardMerger, _Triples, article_shard, build_graph

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# invented articles: one union, programme and post named in several, in different written forms
TEXTS = {
    "a1": "本报讯 2021年3月5日，朝阳区总工会开展“送温暖”活动，朝阳区总工会主席李明出席。",
    "a2": "本报讯 2019年5月1日，朝阳区总工会开展送温暖活动。李明自2018年起任朝阳区总工会主席。",
    "a3": "本报讯 2022年1月8日，北京市总工会表彰朝阳区总工会，朝阳区总工会 主席李明讲话。",
}


def _facts(texts: dict[str, str]):
    out = []
    for doc_id, text in sorted(texts.items()):
        f = extract_text(text, doc_id)
        f.source = f"{doc_id}.txt"
        out.append(f)
    return out


def _merged(facts, seed: int) -> ox.Store:
    shards = [article_shard(f) for f in facts]
    random.Random(seed).shuffle(shards)  # workers finish in any order
    st = ox.Store()
    m = ShardMerger(st, batch=1)
    for s in shards:
        m.add(s)
    m.finish()
    return st


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_merged_shards_equal_one_builder(seed):
    facts = _facts(TEXTS)
    assert canonical_ntriples(_merged(facts, seed)) == canonical_ntriples(build_graph(facts))


def test_merged_seed_shards_equal_one_builder():
    facts = []
    for p in sorted(SEEDS.glob("*.txt")):
        f = extract_file(p)
        f.doc_id, f.source = p.stem, str(p)
        facts.append(f)
    assert canonical_ntriples(_merged(facts, 3)) == canonical_ntriples(build_graph(facts))


def test_merger_rules_first_last_min_whatever_the_order():
    s, p, note = "http://x/s", str(SKOS.prefLabel), str(SKOS.note)  # IRIs, and objects in N-Triples
    t = "http://x/t"
    shards = [Shard(("b", ""), b"", [(s, p, '"B"', FIRST), (t, p, '"B"', LAST),
                                    (s, note, "<http://x/instant/2020>", MIN)]),
              Shard(("a", ""), b"", [(s, p, '"A"', FIRST), (t, p, '"A"', LAST),
                                    (s, note, "<http://x/instant/2019-05>", MIN)])]
    for order in (shards, shards[::-1]):
        st = ox.Store()
        m = ShardMerger(st)
        for sh in order:
            m.add(sh)
        m.finish()
        got = {(q.subject.value, q.predicate.value, q.object.value) for q in st}
        assert got == {(str(s), str(p), "A"), (str(t), str(p), "B"), (str(s), str(SKOS.note), "http://x/instant/2019-05")}


def test_store_folder_build_query_and_rebuild_without_a_removed_article(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id, text in TEXTS.items():
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    mem = tmp_path / "mem"
    build([corpus], mem, html=False, cache=False)
    store = tmp_path / "store"
    g, report = build([corpus], tmp_path / "disk", html=False, store=store)
    assert (tmp_path / "disk" / "graph.ttl").read_bytes() == (mem / "graph.ttl").read_bytes()
    assert len(g) == report.triples
    assert is_store_dir(store)
    q = "SELECT ?id WHERE { ?a a ukg:Article ; dcterms:identifier ?id } ORDER BY ?id"
    assert [r["id"] for r in rows(store, q)] == ["a1", "a2", "a3"]
    (corpus / "a3.txt").unlink()
    del g
    gc.collect()  # the graph a build returns holds the store open (read-only)
    build([corpus], tmp_path / "disk", html=False, store=store)
    gc.collect()
    assert [r["id"] for r in rows(store, q)] == ["a1", "a2"]
    st = open_store(store)  # read-only: nothing parsed, no evidence of a3 left
    assert not st.query("ASK { ?s ?p ?o FILTER(CONTAINS(STR(?s), '/a3')) }")


def test_store_folder_refuses_a_folder_of_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OSError, match="not an Oxigraph store"):
        build([SEEDS / "004_4bcc54c899a9d085.txt"], tmp_path / "out", html=False, cache=False, store=tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    base = tmp_path_factory.mktemp("seedstore")
    g, _ = build([SEEDS], base / "out", html=False, cache=False, store=base / "store")
    del g
    gc.collect()
    return base


def test_query_cli_answers_from_a_store_folder(seed_store):
    import contextlib
    import io

    from graph.cli import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["query", str(seed_store / "store"), "-f", str(ROOT / "queries" / "leaders.rq"),
                     "--format", "csv"]) == 0
    ttl = rows(seed_store / "out" / "graph.ttl", (ROOT / "queries" / "leaders.rq").read_text(encoding="utf-8"))
    assert len(buf.getvalue().strip().splitlines()) == len(ttl) + 1 > 1


def test_serve_answers_from_a_store_folder(seed_store):
    from test_server import client, running

    with running(seed_store / "store") as (url, _):
        res = client(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ukg:Article }").queryAndConvert()
    assert res["results"]["bindings"][0]["n"]["value"] == "5"


def test_unchanged_rebuild_reuses_every_shard_and_a_sidecar_remakes_one(tmp_path, monkeypatch):
    import importlib
    import json

    gb = importlib.import_module("graph.build")
    made: list[str] = []
    real = gb.article_shard

    def article_shard(facts):
        made.append(facts.doc_id)
        return real(facts)

    monkeypatch.setattr(gb, "article_shard", article_shard)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id, text in TEXTS.items():
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    _, first = build([corpus], out, html=False)
    ttl = (out / "graph.ttl").read_bytes()
    assert sorted(made) == ["a1", "a2", "a3"]
    made.clear()
    _, again = build([corpus], out, html=False)
    assert made == [] and (again.cached, again.extracted) == (3, 0)
    assert (out / "graph.ttl").read_bytes() == ttl
    (corpus / "a2.json").write_text(json.dumps({"date": "2020-02-02"}), encoding="utf-8")
    _, third = build([corpus], out, html=False)
    assert made == ["a2"] and third.extracted == 0  # facts from the cache, the shard made again
    assert b'"2020-02-02"^^xsd:date' in (out / "graph.ttl").read_bytes()


def test_store_turtle_sorted_on_disk_equals_the_in_memory_writer(tmp_path, monkeypatch):
    from graph.export import turtle

    facts = _facts(TEXTS)
    want = turtle.write_turtle(build_graph(facts), tmp_path / "mem.ttl").read_bytes()
    monkeypatch.setattr(turtle, "CHUNK_BYTES", 2000)  # many sorted runs to merge
    st = _merged(facts, 4)
    got = turtle.write_turtle(st, tmp_path / "disk.ttl").read_bytes()
    assert got == want
    assert not list(tmp_path.glob(".turtle-*"))  # its temporary files are gone


def test_load_a_store_folder_as_an_rdflib_graph(seed_store):
    from rdflib import Graph

    import graph

    g = graph.load(seed_store / "store")
    ttl = Graph().parse(seed_store / "out" / "graph.ttl", format="turtle")
    assert len(g) == len(ttl)
    q = "SELECT (COUNT(?u) AS ?n) WHERE { ?u a <https://w3id.org/union-kg/ontology#TradeUnion> }"
    assert list(g.query(q))[0][0] == list(ttl.query(q))[0][0]


def test_a_big_corpus_is_built_on_disk_without_being_asked(tmp_path, monkeypatch, capsys):
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id, text in TEXTS.items():
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    build([corpus], tmp_path / "mem", html=False, cache=False)
    assert not (tmp_path / "mem" / ".store").exists()  # a small corpus stays in memory
    monkeypatch.setattr(sys.modules["graph.build"], "SPILL_BYTES", 100)  # "big": more than 100 bytes
    g, report = build([corpus], tmp_path / "big", html=False, cache=False)
    assert "building the graph on disk in" in capsys.readouterr().err
    assert is_store_dir(tmp_path / "big" / ".store")
    assert len(g) == report.triples
    assert (tmp_path / "big" / "graph.ttl").read_bytes() == (tmp_path / "mem" / "graph.ttl").read_bytes()


# ---------------------------------------------------------------- the shard's N-Triples writer
_TEXT = st.text(st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ['say "hi"', "a\\b", "line\nbreak", "cr\rlf\r\n", "\x00\x01\x1f\x7f", "𠀀𝄞😀", "", " "])
_IRI = st.builds(lambda tail: URIRef("https://w3id.org/union-kg/id/" + tail),
                 st.text(st.characters(codec="utf-8", exclude_characters='<>" {}|\\^`'), max_size=12))
_LITERAL = (st.builds(lambda t, lang: Literal(t, lang=lang), _TEXT, st.sampled_from(["zh", "en", "zh-Hans"]))
            | st.builds(lambda t, dt: Literal(t, datatype=dt), _TEXT,
                        st.sampled_from([XSD.gYear, XSD.date, XSD.string]))
            | st.builds(Literal, _TEXT) | st.builds(Literal, st.integers()) | st.builds(Literal, st.booleans())
            | st.builds(Literal, st.decimals(allow_nan=False, allow_infinity=False)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_IRI, _IRI, _IRI | _LITERAL), max_size=12))
def test_shard_ntriples_are_rdflibs_lines(triples):
    """The shard writer writes each triple as rdflib's N-Triples writer does (quotes, backslashes, line breaks,
    control and non-BMP characters, language tags, datatypes), once per distinct triple, in the order added."""
    g = _Triples()
    for t in triples:
        g.add(t)
    want = {}  # what an rdflib Graph holds: each distinct triple once
    for t in triples:
        want.setdefault(t, None)
    held = [(s, p, o) for (s, p), d in g._sp.items() for o in d]
    assert sorted(map(_nt_row, held)) == sorted(map(_nt_row, want))
    assert g.ntriples() == "".join(map(_nt_row, held)).encode()


def test_shard_writer_refuses_what_rdflib_refuses():
    """An IRI that N-Triples cannot hold fails the shard (and so that one article), as rdflib's writer fails."""
    g = _Triples()
    g.add((URIRef("https://w3id.org/union-kg/id/a b"), SKOS.prefLabel, Literal("x")))
    with pytest.raises(Exception, match="does not look like a valid URI"):
        g.ntriples()
