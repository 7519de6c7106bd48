"""``union-kg query`` (one SPARQL query, answered on stdout) and ``union-kg serve`` (the endpoint).

Thin: the work is in :mod:`graph.sparql` (query, render) and :mod:`graph.sparql.server`.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..sparql import RESULT_FORMATS, GraphLoadError, QueryError, query, render
from .registry import command

_QUERY_EPILOG = """\
The project's prefixes (ukg: ukgid: org: skos: foaf: schema: prov: dcterms: xsd: rdf: rdfs:)
are predeclared. Saved queries are in queries/.

examples:
  union-kg query out/ 'SELECT ?name WHERE { ?u a ukg:TradeUnion ; skos:prefLabel ?name }'
  union-kg query out/graph.ttl -f queries/union_hierarchy.rq
  union-kg query out/ -f queries/leaders.rq --format csv > leaders.csv
  union-kg query out/ 'ASK { ?u skos:prefLabel "顺义区总工会"@zh }'
  union-kg query out/ 'DESCRIBE <https://w3id.org/union-kg/id/union/顺义区总工会>'
"""


@command("query", "run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on a built graph")
def _query_args(p: argparse.ArgumentParser):
    p.add_argument("graph", metavar="GRAPH",
                   help="the built graph: a .ttl file, a build folder (out/) or a store folder (build --store)")
    p.add_argument("sparql", nargs="?", metavar="QUERY", help="the query text (or use -f)")
    p.add_argument("-f", "--file", metavar="FILE.rq", help="read the query from a file")
    p.add_argument("--format", default="table", choices=["table", *RESULT_FORMATS, "turtle", "ntriples", "jsonld"],
                   help="table (default; Turtle for graphs), json (W3C SPARQL results JSON), xml, csv, tsv; "
                        "for CONSTRUCT/DESCRIBE: turtle, ntriples, jsonld, xml")
    p.epilog = _QUERY_EPILOG

    def run(args: argparse.Namespace) -> int:
        prog = "union-kg query"
        if (args.sparql is None) == (args.file is None):
            print(f"{prog}: give the query text or -f FILE.rq (one of them)", file=sys.stderr)
            return 2
        if args.file:
            try:
                sparql = Path(args.file).read_text(encoding="utf-8")
            except OSError as err:
                print(f"{prog}: cannot read {args.file}: {err.strerror}", file=sys.stderr)
                return 2
        else:
            sparql = args.sparql
        try:
            text = render(query(args.graph, sparql), args.format)
        except QueryError as err:
            print(f"{prog}: {err}", file=sys.stderr)
            if err.pointer():
                print(err.pointer(), file=sys.stderr)
            return 2
        except (GraphLoadError, ValueError) as err:
            print(f"{prog}: {err}", file=sys.stderr)
            return 2
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    return run


_SERVE_EPILOG = """\
Endpoint: http://HOST:PORT/sparql (also /query). SPARQL 1.1 Protocol: GET ?query=..., POST a form
(query=...) or POST application/sparql-query. Answers by the Accept header: JSON (default), XML, CSV,
TSV; CONSTRUCT/DESCRIBE as Turtle (default), N-Triples, RDF/XML, JSON-LD. Updates are refused (403);
a malformed query or a request that is not UTF-8 gets 400; a query past the time limit (counted from
its arrival) 503; an answer larger than the cap 422. Each refused or stopped query is one line on
stderr: time, status, query=<hash of the query>, reason.

Lanes: a query runs first among the short ones (--workers); one still running after --budget seconds
is moved to the long lane (--long-workers, lowest CPU priority) and remembered, so heavy queries never
hold up light ones for more than the budget.

examples:
  union-kg serve out/
  union-kg serve out/graph.ttl --port 8000 --timeout 5 --max-bytes 10000000
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
       http://127.0.0.1:7878/sparql
"""


@command("serve", "serve a built graph as a read-only SPARQL 1.1 Protocol endpoint (loopback by default)")
def _serve_args(p: argparse.ArgumentParser):
    p.add_argument("graph", metavar="GRAPH",
                   help="the built graph: a .ttl file, a build folder (out/) or a store folder (build --store)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 opens it to all)")
    p.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                   help="time limit of one query, in seconds (default: 10)")
    p.add_argument("--max-bytes", type=int, default=50_000_000, metavar="N",
                   help="cap on the size of one answer, in bytes (default: 50000000)")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="short queries run at once, each in its own process (default: 2)")
    p.add_argument("--long-workers", type=int, default=1, metavar="N",
                   help="queries that outgrew the budget run at once, at the lowest CPU priority (default: 1)")
    p.add_argument("--budget", type=float, default=0.5, metavar="SECONDS",
                   help="seconds a query may run among the short ones before it moves to the long lane "
                        "(default: 0.5)")
    p.epilog = _SERVE_EPILOG

    def run(args: argparse.Namespace) -> int:
        from ..sparql.server import serve

        try:
            return serve(args.graph, host=args.host, port=args.port, timeout=args.timeout,
                         max_bytes=args.max_bytes, workers=args.workers, long_workers=args.long_workers,
                         budget=args.budget)
        except (GraphLoadError, OSError, ValueError) as err:
            print(f"union-kg serve: {err}", file=sys.stderr)
            return 2
    return run
