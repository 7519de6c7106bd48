"""A read-only SPARQL 1.1 Protocol endpoint over a built graph (``union-kg serve``).

Why this design
---------------
The endpoint must stop a query at a time limit and cap the size of an
answer.  Oxigraph's own server (``oxigraph serve-read-only --timeout-s``,
PyPI package ``oxigraph`` 0.5) was tried first and does not meet either:
it has no cap on the answer, and its time limit does not stop a query
whose solutions stream: a cross product ``SELECT * { ?a ?b ?c . ?d ?e ?f .
?g ?h ?i }`` on the seed graph ran 215 s and sent 4.5 GB with a 1 s limit;
an aggregate that is cancelled answers ``200 OK`` with a truncated body
ending in "The SPARQL operation has been cancelled", which a client cannot
tell from data.  pyoxigraph has no query time limit, and a Rust call cannot
be interrupted from another Python thread.

So this is a thin WSGI layer over pyoxigraph, served by waitress (a
production WSGI server) with werkzeug for request parsing and content
negotiation.  Each query runs in a worker process (a small pool, forked
from a ``forkserver`` with the modules preloaded, so a new worker starts in
milliseconds); the worker opens the store read-only and serialises the
answer with Oxigraph's own SPARQL results and RDF writers into a buffer
that refuses to grow past the cap.  When a query outlives the limit its
worker is killed and replaced, and the client gets ``503``; an answer past
the cap gets ``422``; either way no partial answer is ever sent as ``200``.

Protocol (https://www.w3.org/TR/sparql11-protocol/)
---------------------------------------------------
``GET /sparql?query=...``, ``POST /sparql`` with a form (``query=...``) or
with ``Content-Type: application/sparql-query``; ``default-graph-uri`` and
``named-graph-uri`` are honoured.  ``/query`` is an alias (Oxigraph's path).
Answers by the ``Accept`` header: SELECT and ASK as JSON (default), XML,
CSV or TSV; CONSTRUCT and DESCRIBE as Turtle (default, with the project's
prefixes), N-Triples, RDF/XML or JSON-LD.  ``406`` when none fits.
Updates (``update=`` or ``application/sparql-update``) get ``403``: the
store is also opened read-only, so nothing could write it anyway.  A
malformed query gets ``400`` with the engine's message, line and column.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import queue
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from .export.turtle import TURTLE_PREFIXES
from .sparql import QUERY_PREFIXES, _syntax_error, graph_file, open_store

#: Paths answering SPARQL queries.
QUERY_PATHS = ("/sparql", "/query")

#: Media types of SELECT/ASK answers, first is the default.
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
#: Media types of CONSTRUCT/DESCRIBE answers, first is the default.
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}

#: Largest query accepted in a request body, in bytes.
MAX_REQUEST_BYTES = 1_000_000


class _TooLarge(Exception):
    pass


class _CappedBuffer:
    """A binary sink for Oxigraph's writers that raises past ``cap`` bytes."""

    def __init__(self, cap: int) -> None:
        self.cap, self.size, self.parts = cap, 0, []

    def write(self, b) -> int:
        self.size += len(b)
        if self.size > self.cap:
            raise _TooLarge
        self.parts.append(bytes(b))
        return len(b)

    def flush(self) -> None:
        pass


def _negotiate(accept: str, offered: Iterable[str]) -> str | None:
    from werkzeug.datastructures import MIMEAccept
    from werkzeug.http import parse_accept_header

    offered = list(offered)
    if not accept.strip():
        return offered[0]
    return parse_accept_header(accept, MIMEAccept).best_match(offered)


def answer(store: ox.Store, sparql: str, accept: str = "*/*", max_bytes: int = 50_000_000,
           default_graph: list[str] | None = None, named_graphs: list[str] | None = None
           ) -> tuple[int, str, bytes]:
    """Run one query and serialise its answer for an ``Accept`` header (what a worker does).

    Parameters
    ----------
    store : pyoxigraph.Store
    sparql : str
        The query; the project's prefixes are predeclared.
    accept : str
        The request's ``Accept`` header.
    max_bytes : int
        Cap on the answer's size in bytes.
    default_graph, named_graphs : list of str, optional
        IRIs from ``default-graph-uri`` and ``named-graph-uri``.

    Returns
    -------
    (int, str, bytes)
        HTTP status, content type, body: ``200`` with the answer, ``400``
        malformed query, ``406`` no acceptable format, ``422`` answer
        larger than ``max_bytes``.
    """
    options: dict = {"prefixes": QUERY_PREFIXES}
    if default_graph:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graph]
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    text = "text/plain; charset=utf-8"
    try:
        res = store.query(sparql, **options)
    except SyntaxError as err:
        return 400, text, str(_syntax_error(err, sparql)).encode()
    except ValueError as err:  # e.g. an invalid graph IRI
        return 400, text, str(err).encode()
    graph = isinstance(res, ox.QueryTriples)
    offered = GRAPH_TYPES if graph else RESULT_TYPES
    mime = _negotiate(accept, offered)
    if mime is None:
        return 406, text, f"no acceptable format: this answer is offered as {', '.join(offered)}".encode()
    buf = _CappedBuffer(max_bytes)
    try:
        if graph:
            ox.serialize(res, buf, GRAPH_TYPES[mime], prefixes=TURTLE_PREFIXES if mime.endswith("turtle") else None)
        else:
            res.serialize(buf, RESULT_TYPES[mime])
    except _TooLarge:
        return 422, text, (f"the answer is larger than this endpoint's cap of {max_bytes} bytes: "
                           "ask for less (LIMIT, fewer variables, a narrower pattern)").encode()
    ctype = mime + ("; charset=utf-8" if mime.startswith("text/") or "json" in mime or "xml" in mime else "")
    return 200, ctype, b"".join(buf.parts)


# ---------------------------------------------------------------- worker processes
def _worker_main(store_path: str, conn, max_bytes: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    store = ox.Store.read_only(store_path)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the server is gone
            return
        try:
            sparql, accept, default_graph, named_graphs = job
            conn.send(answer(store, sparql, accept, max_bytes, default_graph, named_graphs))
        except Exception as exc:  # never let one query end the worker silently
            conn.send((500, "text/plain; charset=utf-8", f"{type(exc).__name__}: {exc}".encode()))


class _Worker:
    def __init__(self, ctx, store_path: str, max_bytes: int) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(store_path, child, max_bytes), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(timeout):
            self.ready = self.conn.recv() == "ready"
        return self.ready

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class QueryPool:
    """Worker processes that each answer one query at a time, killed at the time limit.

    Parameters
    ----------
    store_path : str
        An Oxigraph store folder (opened read-only by every worker).
    workers : int
        Queries answered at once.
    timeout : float
        Time limit of one query in seconds (evaluation and serialisation).
    max_bytes : int
        Cap on one answer's size in bytes.
    """

    def __init__(self, store_path: str, workers: int = 2, timeout: float = 10.0, max_bytes: int = 50_000_000) -> None:
        if workers < 1 or timeout <= 0 or max_bytes < 1:
            raise ValueError("workers, timeout and max-bytes must be positive")
        self.ctx = mp.get_context("forkserver")
        self.ctx.set_forkserver_preload(["graph.server"])
        self.store_path, self.timeout, self.max_bytes = store_path, timeout, max_bytes
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._spawn() for _ in range(workers)]
        for w in started:
            if not w.wait_ready(60):
                self.close()
                raise OSError("a query worker did not start")
            self.idle.put(w)

    def _spawn(self) -> _Worker:
        w = _Worker(self.ctx, self.store_path, self.max_bytes)
        with self._lock:
            self._all.add(w)
        return w

    def _retire(self, w: _Worker) -> None:
        w.kill()
        with self._lock:
            self._all.discard(w)
        if not self._closed:
            self.idle.put(self._spawn())

    def run(self, sparql: str, accept: str, default_graph: list[str], named_graphs: list[str]
            ) -> tuple[int, str, bytes]:
        """Answer one query in a worker: ``(status, content type, body)`` as :func:`answer`, or 503."""
        text = "text/plain; charset=utf-8"
        try:
            w = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return 503, text, b"all query workers are busy: try again later"
        try:
            if not w.wait_ready(self.timeout):
                raise TimeoutError
            w.conn.send((sparql, accept, default_graph, named_graphs))
            if not w.conn.poll(self.timeout):
                raise TimeoutError
            result = w.conn.recv()
        except TimeoutError:
            self._retire(w)
            return 503, text, f"the query was stopped at this endpoint's time limit of {self.timeout:g} s".encode()
        except (EOFError, OSError, BrokenPipeError):
            self._retire(w)
            return 500, text, b"the query worker failed; the query may have exhausted memory"
        self.idle.put(w)
        return result

    def close(self) -> None:
        """Kill every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()


# ---------------------------------------------------------------- WSGI
_HOME = """union-kg SPARQL endpoint (read-only)

Send SPARQL 1.1 queries to /sparql:
  GET  /sparql?query=SELECT...
  POST /sparql  (form: query=...) or (Content-Type: application/sparql-query)
Answers: JSON, XML, CSV, TSV (SELECT, ASK); Turtle, N-Triples, RDF/XML, JSON-LD (CONSTRUCT, DESCRIBE).
Time limit per query: {timeout:g} s; answers are capped at {max_bytes} bytes; updates are refused.
Prefixes predeclared: {prefixes}
"""


def make_app(pool: QueryPool):
    """The WSGI application answering the SPARQL 1.1 Protocol with ``pool``."""
    from werkzeug.wrappers import Request, Response

    home = _HOME.format(timeout=pool.timeout, max_bytes=pool.max_bytes,
                        prefixes=" ".join(f"{p}:" for p in QUERY_PREFIXES))

    def plain(status: int, message: str, **headers) -> Response:
        return Response(message.rstrip("\n") + "\n", status=status, content_type="text/plain; charset=utf-8",
                        headers=headers)

    @Request.application
    def app(request: Request) -> Response:
        request.max_content_length = MAX_REQUEST_BYTES
        if request.path == "/" and request.method == "GET" and "query" not in request.args:
            return plain(200, home)
        if request.path not in QUERY_PATHS:
            return plain(404, f"no such path: send queries to {QUERY_PATHS[0]}")
        if request.method not in ("GET", "POST"):
            return plain(405, "use GET or POST", Allow="GET, POST")
        if request.mimetype == "application/sparql-update" or "update" in request.values:
            return plain(403, "this endpoint is read-only: SPARQL Update is refused")
        if request.method == "POST" and request.mimetype == "application/sparql-query":
            sparql = request.get_data(as_text=True)
        elif request.method == "POST" and request.mimetype not in ("application/x-www-form-urlencoded",
                                                                    "multipart/form-data"):
            return plain(415, "POST a form (query=...) or Content-Type: application/sparql-query")
        else:
            sparql = request.values.get("query")
        if not sparql or not sparql.strip():
            return plain(400, "missing query: give query=... (SPARQL 1.1 Protocol)")
        status, ctype, body = pool.run(sparql, request.headers.get("Accept", ""),
                                       request.values.getlist("default-graph-uri"),
                                       request.values.getlist("named-graph-uri"))
        return Response(body, status=status, content_type=ctype, headers={"Vary": "Accept"})

    return app


def serve(graph: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
          max_bytes: int = 50_000_000, workers: int = 2, ready=None) -> int:
    """Serve a built graph until interrupted (Ctrl-C or SIGTERM); returns the exit status.

    Parameters
    ----------
    graph : path-like
        A Turtle file or a build folder holding ``graph.ttl``.
    host : str
        Address to listen on; loopback by default.
    port : int
        TCP port; 0 picks a free one (the line printed on start gives it).
    timeout : float
        Time limit of one query, seconds.
    max_bytes : int
        Cap on one answer, bytes.
    workers : int
        Queries answered at once, one process each.
    ready : callable, optional
        Called with the endpoint URL once it listens (tests use it).

    Raises
    ------
    GraphLoadError
        When the graph cannot be loaded.
    OSError
        When the address cannot be bound.
    """
    import waitress

    src = graph_file(graph)
    tmp = tempfile.mkdtemp(prefix="union-kg-store-")
    pool = server = None

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        store = open_store(src, path=tmp)
        triples = len(store)
        del store
        gc.collect()  # close the read-write store before the workers open it read-only
        pool = QueryPool(tmp, workers=workers, timeout=timeout, max_bytes=max_bytes)
        try:
            server = waitress.create_server(make_app(pool), host=host, port=port, threads=max(4, workers + 2),
                                            ident="union-kg")
        except OSError as err:
            raise OSError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
        url = f"http://{host if ':' not in host else f'[{host}]'}:{server.effective_port}{QUERY_PATHS[0]}"
        print(f"serving {src} ({triples} triples) at {url}  (read-only; time limit {timeout:g} s, "
              f"answers up to {max_bytes} bytes; Ctrl-C stops)", flush=True)
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(f"warning: listening on {host}, not loopback only: other machines can query this graph",
                  file=sys.stderr, flush=True)
        if ready:
            ready(url)
        server.run()
    except KeyboardInterrupt:  # waitress handles it itself while it runs
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        print("stopped", file=sys.stderr)
        if server is not None:
            server.close()
        if pool is not None:
            pool.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


__all__ = ["serve", "make_app", "answer", "QueryPool", "RESULT_TYPES", "GRAPH_TYPES", "QUERY_PATHS"]

