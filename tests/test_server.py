"""``union-kg serve`` as a real client sees it: SPARQLWrapper over loopback."""
import contextlib
import hashlib
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
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


@contextlib.contextmanager
def running(graph, timeout=1.0, **options):
    """An endpoint in its own process (what `union-kg serve` runs): yields (URL, lines of its stderr so far)."""
    kwargs = "".join(f", {k}={v!r}" for k, v in options.items())
    code = "import sys; from graph.sparql.server import serve; sys.exit(serve(sys.argv[1], port=0, " \
           f"timeout={timeout}, max_bytes={CAP}, workers=2{kwargs}))"
    cmd = [sys.executable, "-c", code, str(graph)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    # drain stderr all along: a full pipe would block the server
    threading.Thread(target=lambda: log.extend(proc.stderr), daemon=True).start()
    try:
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(60)
        assert line and "http://127.0.0.1:" in line[0], log if proc.poll() is not None else line
        yield line[0].split(" at ")[1].split()[0], log
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0


@pytest.fixture(scope="module")
def served(seed_graph):
    # what `union-kg serve GRAPH --port 0 --timeout 1 --max-bytes CAP --workers 2` runs
    with running(seed_graph) as (url, log):
        yield url, log


@pytest.fixture(scope="module")
def endpoint(served):
    return served[0]


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


def post(url, body: bytes, ctype="application/sparql-query", timeout=30):
    """POST ``body``; returns (status, body) for any status."""
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def get(url, raw_query: str, timeout=30):
    try:
        with urllib.request.urlopen(f"{url}?{raw_query}", timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def key(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()[:12]


def lines_of(log, query: str, want: int = 1, tries: int = 50) -> list[str]:
    """The server's log lines naming ``query`` by its hash; waits (bounded) for ``want`` of them."""
    for _ in range(tries):
        found = [x for x in list(log) if f"query={key(query)}" in x]
        if len(found) >= want:
            return found
        time.sleep(0.1)
    return found


def test_invalid_utf8_is_400_and_never_run(served):
    url, _ = served
    status, body = post(url, b'ASK { ?s ?p "\xff\xfe" }')
    assert status == 400 and b"not valid UTF-8" in body
    assert get(url, "query=ASK%20%7B%20%3Fs%20%3Fp%20%22%FF%22%20%7D")[0] == 400
    assert post(url, b"query=ASK%20%7B%20%3Fs%20%3Fp%20%22%C3%28%22%20%7D",
                "application/x-www-form-urlencoded")[0] == 400
    # valid UTF-8, percent-encoded or raw, still runs
    assert get(url, "query=" + urllib.parse.quote('ASK { ?p skos:prefLabel "王路曼"@zh }'))[0] == 200
    assert post(url, 'ASK { ?p skos:prefLabel "王路曼"@zh }'.encode())[0] == 200


def test_an_update_sent_as_a_query_is_refused_as_an_update(endpoint):
    status, body = get(endpoint, "query=" + urllib.parse.quote(f"DROP GRAPH <{ID}g>"))
    assert status == 403 and b"updates are refused" in body


def test_each_refused_or_stopped_query_is_one_log_line(served):
    url, log = served
    bad = "SELECT ?x WHERE { ?x ?y }  # log-test"
    update = f"INSERT DATA {{ <{ID}log> <{ID}test> <{ID}line> }}"
    long = CROSS + " # log-test"
    assert post(url, bad.encode())[0] == 400
    assert post(url, update.encode(), "application/sparql-update")[0] == 403
    assert post(url, long.encode())[0] == 503
    for q, status in ((bad, "400"), (update, "403"), (long, "503")):
        found = lines_of(log, q)
        assert len(found) == 1, found
        stamp, code = found[0].split()[:2]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp) and code == status
    assert "time limit" in lines_of(log, long)[0]
    assert not [x for x in log if "Task queue depth" in x]


@pytest.fixture(scope="module")
def lanes(seed_graph):
    # a longer limit, so a light query's answer provably comes while heavy ones still run
    with running(seed_graph, timeout=3.0, long_workers=1, budget=0.3) as (url, log):
        yield url, log


def test_the_time_limit_counts_from_arrival(lanes):
    url, _ = lanes
    post(url, CROSS.encode())  # found long once; from now on it goes straight to the long lane
    took: list[float] = []
    statuses: list[int] = []

    def one():
        start = time.monotonic()
        statuses.append(post(url, CROSS.encode())[0])
        took.append(time.monotonic() - start)

    # three at once for one long worker: two wait for it, and their waiting counts
    threads = [threading.Thread(target=one) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert statuses == [503, 503, 503]
    assert max(took) < 3.0 * 1.1 + 0.25  # the limit, its 10 % margin, and the loopback round trip


def test_a_light_query_is_answered_while_heavy_ones_run(lanes):
    url, _ = lanes
    post(url, CROSS.encode())  # remembered as long
    done: list[float] = []

    def heavy():
        post(url, CROSS.encode())
        done.append(time.monotonic())

    threads = [threading.Thread(target=heavy) for _ in range(4)]
    for t in threads:
        t.start()
    light = (ROOT / "queries" / "leaders.rq").read_text(encoding="utf-8")
    answered = []
    for _ in range(5):
        status, body = post(url, light.encode())
        assert status == 200 and "张艳革" in body.decode("utf-8")
        answered.append(time.monotonic())
    assert not done or min(done) > max(answered)  # every light answer came before any heavy one ended
    for t in threads:
        t.join(30)
    assert len(done) == 4
