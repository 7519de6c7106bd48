"""``union-kg serve`` as a real client sees it: SPARQLWrapper over loopback."""
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import ORG
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

ROOT = Path(__file__).resolve().parent.parent
CAP = 200_000  # bytes; the whole seed graph as JSON is larger
ID = "https://w3id.org/union-kg/id/"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def endpoint(seed_graph):
    # what `union-kg serve GRAPH --port 0 --timeout 1 --max-bytes CAP --workers 2` runs, in its own process
    code = "import sys; from graph.server import serve; sys.exit(serve(sys.argv[1], port=0, timeout=1.0, " \
           f"max_bytes={CAP}, workers=2))"
    cmd = [sys.executable, "-c", code, str(seed_graph)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(60)
        assert line and "http://127.0.0.1:" in line[0], proc.stderr.read() if proc.poll() is not None else line
        yield line[0].split(" at ")[1].split()[0]
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0


def client(url, query, fmt=JSON, method=None):
    w = SPARQLWrapper(url, updateEndpoint=url)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    if method:
        w.setMethod(method)
    return w


def test_select_get_and_post(endpoint):
    q = (ROOT / "queries" / "leaders.rq").read_text(encoding="utf-8")
    for method in (None, POST):
        res = client(endpoint, q, method=method).queryAndConvert()
        rows = {(b["union"]["value"], b["person"]["value"]): b["posts"]["value"] for b in res["results"]["bindings"]}
        assert set(rows[("平谷区总工会", "张艳革")].split("、")) == {"党组书记", "常务副主席"}


def test_select_as_csv_and_a_raw_sparql_query_post(endpoint):
    q = 'SELECT ?n WHERE { ?u skos:prefLabel ?n FILTER(?n = "顺义区总工会"@zh) }'
    assert client(endpoint, q, CSV).queryAndConvert().decode("utf-8").split() == ["n", "顺义区总工会"]
    headers = {"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"}
    req = urllib.request.Request(endpoint, data=q.encode(), method="POST", headers=headers)
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.headers["Content-Type"].startswith("text/tab-separated-values")
        assert r.read().decode("utf-8").split("\n")[:2] == ["?n", '"顺义区总工会"@zh']


def test_ask(endpoint):
    assert client(endpoint, 'ASK { ?p skos:prefLabel "王路曼"@zh }').queryAndConvert()["boolean"] is True
    assert client(endpoint, 'ASK { ?p skos:prefLabel "无名氏"@zh }').queryAndConvert()["boolean"] is False


def test_construct_as_turtle(endpoint):
    q = "CONSTRUCT { ?c org:subOrganizationOf ?p } WHERE { ?c org:subOrganizationOf ?p }"
    ttl = client(endpoint, q, TURTLE).queryAndConvert()
    g = Graph().parse(data=ttl, format="turtle")
    assert (URIRef(ID + "union/顺义区总工会"), ORG.subOrganizationOf, URIRef(ID + "union/北京市总工会")) in g
    assert b"@prefix org:" in ttl


def test_update_is_refused(endpoint):
    w = client(endpoint, f"INSERT DATA {{ <{ID}x> <{ID}y> <{ID}z> }}", method=POST)
    with pytest.raises(urllib.error.HTTPError) as err:
        w.query()
    assert err.value.code == 403
    assert client(endpoint, f"ASK {{ <{ID}x> ?p ?o }}").queryAndConvert()["boolean"] is False


def test_malformed_query_is_400_with_the_message(endpoint):
    with pytest.raises(QueryBadFormed) as err:
        client(endpoint, "SELECT ?x WHERE { ?x ?y }").query()
    assert "malformed query: line 1, column" in str(err.value)


def test_long_query_is_stopped_at_the_time_limit(endpoint):
    start = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as err:
        client(endpoint, CROSS).query()
    took = time.monotonic() - start
    assert err.value.code == 503 and b"time limit of 1 s" in err.value.read()
    assert took < 10
    # the stopped worker was replaced: the endpoint still answers
    assert client(endpoint, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True


def test_answer_larger_than_the_cap_is_refused(endpoint):
    with pytest.raises(urllib.error.HTTPError) as err:
        client(endpoint, "SELECT * WHERE { ?s ?p ?o }").query()
    assert err.value.code == 422 and str(CAP).encode() in err.value.read()
    res = client(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 10").queryAndConvert()
    assert len(res["results"]["bindings"]) == 10
