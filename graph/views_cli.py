"""``union-kg views GRAPH -o DIR``: regenerate the HTML views from a Turtle file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import command
from .export.views import MAX_NODES


@command("views", "write the HTML views (landing page, whole graph, classes, articles, unions, persons)")
def _args(p: argparse.ArgumentParser):
    p.add_argument("graph", metavar="GRAPH", help="a built graph in Turtle (e.g. out/graph.ttl)")
    p.add_argument("-o", "--out", default="out", metavar="DIR", help="output folder (default: out/)")
    p.add_argument("--max-nodes", type=int, default=MAX_NODES, metavar="N",
                   help=f"at most N nodes per page, highest degree first (default: {MAX_NODES})")
    p.epilog = "example: union-kg views out/graph.ttl -o out/   then open out/index.html"

    def run(args: argparse.Namespace) -> int:
        from rdflib import Graph

        from .export.views import write_views

        path = Path(args.graph)
        if not path.is_file():
            print(f"union-kg views: no such file: {path}", file=sys.stderr)
            return 2
        if args.max_nodes < 1:
            print(f"union-kg views: --max-nodes must be at least 1, not {args.max_nodes}", file=sys.stderr)
            return 2
        try:
            g = Graph().parse(path, format="turtle")
        except Exception as err:  # rdflib raises several parser error types
            why = " ".join(str(err).split())[:200]
            print(f"union-kg views: {path} is not readable Turtle: {why}", file=sys.stderr)
            return 2
        print(f"wrote {write_views(g, args.out, args.max_nodes)}")
        return 0
    return run
