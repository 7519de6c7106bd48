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

Two lanes keep light queries flowing while heavy ones run (issue 15): with
one pool, four clients sending a cross product held both workers and the
saved queries fell from 835 to 2.4 answers/s with a p95 of 10 s
(``bench/bench_server.py``).  Every query gets a short first budget in the
short lane; one that outgrows it is moved to a small long lane whose
processes run at the lowest CPU priority, and its hash is remembered so it
goes there directly next time (:class:`QueryPool`).  The time limit counts
from a request's arrival, so no answer comes later than the limit (plus the
moment it takes to kill a worker).  Each refused or stopped query is one log
line (time, status, ``query=<hash>``, reason); waitress's "Task queue depth"
warnings are silenced, as a queue is no error here.

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
import hashlib
import logging
import multiprocessing as mp
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import parse_qsl

import pyoxigraph as ox
from werkzeug.exceptions import RequestEntityTooLarge

from ..export.turtle import TURTLE_PREFIXES
from . import QUERY_PREFIXES, _syntax_error, graph_file, is_store_dir, open_store

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

_TEXT = "text/plain; charset=utf-8"

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
        malformed query, ``403`` an update sent as a query, ``406`` no acceptable format, ``422`` answer
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
        qe = _syntax_error(err, sparql)
        return 403 if qe.kind == "updates are refused" else 400, text, str(qe).encode()
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
def _worker_main(store_path: str, conn, max_bytes: int, niceness: int = 0) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    if niceness:
        os.nice(niceness)  # the lane of long queries yields the CPU to the short ones
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
    def __init__(self, ctx, store_path: str, max_bytes: int, niceness: int = 0) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(store_path, child, max_bytes, niceness), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(max(0.0, timeout)):
            self.ready = self.conn.recv() == "ready"
        return self.ready

    def kill(self, wait: bool = True) -> None:
        """SIGKILL the process; ``wait=False`` reaps it on another thread (a process at the lowest
        CPU priority may take a second to exit on a busy machine, and no answer should wait for that)."""
        self.proc.kill()
        self.conn.close()
        if wait:
            self.proc.join(5)
        else:
            threading.Thread(target=self.proc.join, args=(30,), daemon=True).start()


class _Lane:
    """Worker processes of one kind (short or long queries); an idle one answers the next query."""

    def __init__(self, pool: QueryPool, name: str, size: int, niceness: int) -> None:
        self.pool, self.name, self.niceness = pool, name, niceness
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.started = [self.spawn() for _ in range(size)]

    def spawn(self) -> _Worker:
        return self.pool._spawn(self.niceness)

    def get(self, until: float) -> _Worker | None:
        """An idle worker, waiting at most until the monotonic time ``until``; None when none came."""
        try:
            return self.idle.get(timeout=max(0.0, until - time.monotonic()))
        except queue.Empty:
            return None

    def retire(self, w: _Worker) -> None:
        """Kill a worker (stopped query, broken pipe) and put a fresh one in its place.

        The new process is started on another thread: the stopped query's
        answer (503) need not wait for it.
        """
        self.pool._kill(w)
        if not self.pool._closed:
            threading.Thread(target=self._replace, daemon=True).start()

    def _replace(self) -> None:
        if not self.pool._closed:
            self.idle.put(self.spawn())


def query_key(sparql: str) -> str:
    """A short hash naming a query in the log and in the memory of long queries (12 hex digits of SHA-256)."""
    return hashlib.sha256(sparql.encode("utf-8", "surrogatepass")).hexdigest()[:12]


class QueryPool:
    """Worker processes answering queries in two lanes, each query stopped at its time limit.

    Every query starts in the *short* lane (``workers`` processes) with a
    first budget of ``budget`` seconds.  A query that outgrows it is stopped
    there (its worker is replaced) and run again in the *long* lane
    (``long_workers`` processes at the lowest CPU priority), until its time
    limit; a query seen to outgrow the budget is remembered by its hash
    (the last 1,024) and goes straight to the long lane next time.  So a
    long query holds a short worker at most ``budget`` seconds once, and the
    long lane takes only the CPU the short one leaves: light queries keep
    flowing while heavy ones run.  At most ``4 * long_workers + 4`` requests
    are in the long lane at once (running or waiting); more get ``503``
    after a second's hold (so clients retrying at once do not spin), and
    heavy clients cannot hold every server thread.  The time limit counts
    from the request's arrival, waiting for a worker included.

    Not covered: many clients each sending a *different* heavy query get a
    budget in the short lane for every one of them.  Measured on the seed
    graph (``bench/bench_server.py``, a shared 2-core machine): with 4 heavy
    clients the 8 light ones kept 69 % to 145 % of their throughput (noise of
    the machine), p95 under 60 ms, no failure; with 16 heavy clients, 71 %.

    Parameters
    ----------
    store_path : str
        An Oxigraph store folder (opened read-only by every worker).
    workers : int
        Short queries answered at once (the short lane).
    timeout : float
        Time limit of one query in seconds, from its arrival (waiting,
        evaluation and serialisation).
    max_bytes : int
        Cap on one answer's size in bytes.
    long_workers : int
        Long queries answered at once (the long lane).
    budget : float
        Seconds a query may run in the short lane before it moves to the long lane.
    """

    MEMORY = 1024
    REFUSAL_DELAY = 1.0

    def __init__(self, store_path: str, workers: int = 2, timeout: float = 10.0, max_bytes: int = 50_000_000,
                 long_workers: int = 1, budget: float = 0.5) -> None:
        if workers < 1 or long_workers < 1 or timeout <= 0 or max_bytes < 1 or budget <= 0:
            raise ValueError("workers, long workers, timeout, budget and max-bytes must be positive")
        self.ctx = mp.get_context("forkserver")
        self.ctx.set_forkserver_preload(["graph.sparql.server"])
        self.store_path, self.timeout, self.max_bytes = store_path, timeout, max_bytes
        self.budget = min(budget, timeout)
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._long_keys: OrderedDict[str, None] = OrderedDict()
        # requests in the long lane (running or waiting) hold a server thread each: bounded, so that
        # a crowd of heavy clients cannot take every thread from the light ones
        self.max_waiting = 4 * long_workers + 4
        self._waiting = self._holding = 0
        self.short = _Lane(self, "short", workers, 0)
        self.long = _Lane(self, "long", long_workers, 19)
        for lane in (self.short, self.long):
            for w in lane.started:
                if not w.wait_ready(60):
                    self.close()
                    raise OSError("a query worker did not start")
                lane.idle.put(w)

    def _spawn(self, niceness: int) -> _Worker:
        w = _Worker(self.ctx, self.store_path, self.max_bytes, niceness)
        with self._lock:
            self._all.add(w)
        return w

    def _kill(self, w: _Worker) -> None:
        w.kill(wait=False)
        with self._lock:
            self._all.discard(w)

    def is_long(self, key: str) -> bool:
        """Whether the query of hash ``key`` outgrew the short lane's budget before."""
        with self._lock:
            if key in self._long_keys:
                self._long_keys.move_to_end(key)
                return True
            return False

    def _remember_long(self, key: str) -> None:
        with self._lock:
            self._long_keys[key] = None
            self._long_keys.move_to_end(key)
            while len(self._long_keys) > self.MEMORY:
                self._long_keys.popitem(last=False)

    def _attempt(self, lane: _Lane, job: tuple, deadline: float, budget: float | None = None, key: str = ""):
        """Run ``job`` in ``lane``, waiting for a worker until the monotonic time ``deadline``.

        With a ``budget`` the query runs at most that many seconds (and not
        past ``deadline``).  Returns the worker's answer, ``"busy"`` when no
        worker of the lane was free in time, ``"late"`` when the query was
        stopped, ``"long"`` when the query was found long (``key``) while
        it waited for a short worker.
        """
        w = lane.get(deadline)
        if w is None:
            return "busy"
        if budget is not None and self.is_long(key):  # another request found it long meanwhile
            lane.idle.put(w)
            return "long"
        until = deadline if budget is None else min(deadline, time.monotonic() + budget)
        try:
            if not w.wait_ready(deadline - time.monotonic()):
                raise TimeoutError
            w.conn.send(job)
            if not w.conn.poll(max(0.0, until - time.monotonic())):
                raise TimeoutError
            result = w.conn.recv()
        except TimeoutError:
            lane.retire(w)
            return "late"
        except (EOFError, OSError):
            lane.retire(w)
            return (500, _TEXT, b"the query worker failed; the query may have exhausted memory")
        lane.idle.put(w)
        return result

    def _long(self, job: tuple, deadline: float):
        """Run ``job`` in the long lane; ``"full"`` when too many long queries wait already.

        A refusal is itself held for up to :attr:`REFUSAL_DELAY` seconds (by at
        most ``max_waiting`` requests at once): a crowd of heavy clients that
        retry at once would otherwise spin on refusals, taking the CPU and
        filling the log, while they do not need an answer sooner.
        """
        with self._lock:
            if self._waiting >= self.max_waiting:
                hold = self._holding < self.max_waiting
                self._holding += hold
            else:
                hold = None
                self._waiting += 1
        if hold is not None:
            if hold:
                time.sleep(max(0.0, min(self.REFUSAL_DELAY, deadline - time.monotonic())))
                with self._lock:
                    self._holding -= 1
            return "full"
        try:
            return self._attempt(self.long, job, deadline)
        finally:
            with self._lock:
                self._waiting -= 1

    def run(self, sparql: str, accept: str, default_graph: list[str], named_graphs: list[str],
            arrival: float | None = None) -> tuple[int, str, bytes]:
        """Answer one query: ``(status, content type, body)`` as :func:`answer`, or 503.

        Parameters
        ----------
        sparql, accept, default_graph, named_graphs
            As for :func:`answer`.
        arrival : float, optional
            ``time.monotonic()`` when the request arrived; the time limit
            counts from it (now by default).

        Returns
        -------
        (int, str, bytes)
            As :func:`answer`; ``503`` when the query was stopped at the
            time limit or no worker was free before it.
        """
        deadline = (time.monotonic() if arrival is None else arrival) + self.timeout
        job = (sparql, accept, default_graph, named_graphs)
        key = query_key(sparql)
        lane = self.long if self.is_long(key) else self.short
        if lane is self.short:
            result = self._attempt(lane, job, deadline, self.budget, key)
            if result in ("late", "long") and time.monotonic() < deadline:
                if result == "late":
                    self._remember_long(key)
                lane = self.long
                result = self._long(job, deadline)
        else:
            result = self._long(job, deadline)
        if result == "full":
            return 503, _TEXT, (f"{self.max_waiting} long queries are already waiting for this endpoint's "
                                "long-query lane: try again later").encode()
        if result in ("late", "long"):
            return 503, _TEXT, f"the query was stopped at this endpoint's time limit of {self.timeout:g} s".encode()
        if result == "busy":
            which = "long queries are" if lane is self.long else "query workers are"
            return 503, _TEXT, (f"all workers for {which} busy: the query waited its time limit of "
                                f"{self.timeout:g} s; try again later").encode()
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


#: Logger of refused and stopped queries: one line each (time, status, hash of the query, why).
log = logging.getLogger("union_kg.server")


def _params(raw: bytes) -> dict[str, list[str]]:
    """Decode a query string or an urlencoded form strictly as UTF-8.

    Raises
    ------
    UnicodeDecodeError
        When a name or value, percent-decoded, is not valid UTF-8 (werkzeug
        would replace the bad bytes with U+FFFD and the query would run
        changed).
    """
    out: dict[str, list[str]] = {}
    for k, v in parse_qsl(raw.decode("latin-1"), keep_blank_values=True, encoding="latin-1"):
        out.setdefault(k.encode("latin-1").decode("utf-8"), []).append(v.encode("latin-1").decode("utf-8"))
    return out


def make_app(pool: QueryPool):
    """The WSGI application answering the SPARQL 1.1 Protocol with ``pool``.

    Every answer of a query path that is not ``200`` is logged as one line
    on :data:`log` (``<status> query=<hash> <reason>``).
    """
    from werkzeug.wrappers import Request, Response

    home = _HOME.format(timeout=pool.timeout, max_bytes=pool.max_bytes,
                        prefixes=" ".join(f"{p}:" for p in QUERY_PREFIXES))

    def plain(status: int, message: str, **headers) -> Response:
        return Response(message.rstrip("\n") + "\n", status=status, content_type=_TEXT, headers=headers)

    def refused(status: int, message: str, sparql: str | bytes = "", **headers) -> Response:
        if isinstance(sparql, bytes):
            sparql = sparql.decode("utf-8", "surrogateescape")
        first = message.strip().splitlines()[0] if message.strip() else ""
        log.warning("%d query=%s %s", status, query_key(sparql) if sparql else "-", first[:200])
        return plain(status, message, **headers)

    def handle(request: Request, arrival: float) -> Response:
        request.max_content_length = MAX_REQUEST_BYTES
        if request.path == "/" and request.method == "GET" and b"query=" not in request.query_string:
            return plain(200, home)
        if request.path not in QUERY_PATHS:
            return plain(404, f"no such path: send queries to {QUERY_PATHS[0]}")
        if request.method not in ("GET", "POST"):
            return refused(405, "use GET or POST", Allow="GET, POST")
        body = b""
        try:
            params = _params(request.query_string)
            if request.method == "POST":
                if request.content_length is not None and request.content_length > MAX_REQUEST_BYTES:
                    return refused(413, f"the request body is larger than {MAX_REQUEST_BYTES} bytes")
                body = request.get_data(cache=True)
                if len(body) > MAX_REQUEST_BYTES:
                    return refused(413, f"the request body is larger than {MAX_REQUEST_BYTES} bytes")
                if request.mimetype == "application/x-www-form-urlencoded":
                    for k, v in _params(body).items():
                        params.setdefault(k, []).extend(v)
                elif request.mimetype == "multipart/form-data":
                    for k, v in request.form.lists():
                        params.setdefault(k, []).extend(v)
            if request.mimetype == "application/sparql-update" or "update" in params:
                return refused(403, "this endpoint is read-only: SPARQL Update is refused",
                               body or (params.get("update") or [""])[0])
            if request.method == "POST" and request.mimetype == "application/sparql-query":
                sparql = body.decode("utf-8")
            elif request.method == "POST" and request.mimetype not in ("application/x-www-form-urlencoded",
                                                                        "multipart/form-data"):
                return refused(415, "POST a form (query=...) or Content-Type: application/sparql-query", body)
            else:
                sparql = (params.get("query") or [""])[0]
        except UnicodeDecodeError as err:
            return refused(400, f"the request is not valid UTF-8 (byte {err.start} of a parameter or the body): "
                           "send the query encoded as UTF-8", request.query_string + body)
        if not sparql or not sparql.strip():
            return refused(400, "missing query: give query=... (SPARQL 1.1 Protocol)")
        status, ctype, answer_body = pool.run(sparql, request.headers.get("Accept", ""),
                                              params.get("default-graph-uri", []),
                                              params.get("named-graph-uri", []), arrival=arrival)
        if status != 200:
            return refused(status, answer_body.decode("utf-8", "replace"), sparql)
        return Response(answer_body, status=status, content_type=ctype, headers={"Vary": "Accept"})

    def app(environ, start_response):
        arrival = time.monotonic()
        request = Request(environ)
        try:
            response = handle(request, arrival)
        except RequestEntityTooLarge:
            response = refused(413, f"the request body is larger than {MAX_REQUEST_BYTES} bytes")
        return response(environ, start_response)

    return app


def _setup_logging() -> None:
    """Refused and stopped queries one line each on stderr; no waitress "Task queue depth" lines."""
    # waitress logs every queued task at WARNING under load; a full queue is no error here
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        fmt = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y-%m-%dT%H:%M:%SZ")
        fmt.converter = time.gmtime
        handler.setFormatter(fmt)
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


def serve(graph: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
          max_bytes: int = 50_000_000, workers: int = 2, ready=None, long_workers: int = 1,
          budget: float = 0.5) -> int:
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
        Time limit of one query, seconds, counted from its arrival.
    max_bytes : int
        Cap on one answer, bytes.
    workers : int
        Short queries answered at once, one process each.
    ready : callable, optional
        Called with the endpoint URL once it listens (tests use it).
    long_workers : int
        Queries that outgrew ``budget`` answered at once (processes at the
        lowest CPU priority); see :class:`QueryPool`.
    budget : float
        Seconds a query may run among the short ones, before it moves to the long lane.

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
    _setup_logging()
    try:
        if is_store_dir(src):  # built with --store: the workers open it read-only, nothing is copied
            triples = len(open_store(src))
            gc.collect()
            where = str(src)
        else:
            store = open_store(src, path=tmp)
            triples = len(store)
            del store
            gc.collect()  # close the read-write store before the workers open it read-only
            where = tmp
        pool = QueryPool(where, workers=workers, timeout=timeout, max_bytes=max_bytes, long_workers=long_workers,
                         budget=budget)
        # Requests waiting for a worker hold a thread, not a CPU: enough threads that a burst of long
        # queries does not queue the short ones in waitress (where the time limit could not see them).
        try:
            server = waitress.create_server(make_app(pool), host=host, port=port,
                                            threads=max(32, 4 * (workers + long_workers)), ident="union-kg")
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

