"""``union-kg views GRAPH -o DIR``: regenerate the HTML views from a Turtle file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..export.views import EGO_NODES, MAX_NODES
from .registry import command


@command("views", "write the HTML views (landing page, whole graph, classes, articles, unions, persons)")
def _args(p: argparse.ArgumentParser):
    p.add_argument("graph", metavar="GRAPH", help="a built graph in Turtle (e.g. out/graph.ttl) or a store folder")
    p.add_argument("-o", "--out", default="out", metavar="DIR", help="output folder (default: out/)")
    p.add_argument("--max-nodes", type=int, default=MAX_NODES, metavar="N",
                   help=f"at most N nodes per page, highest degree first (default: {MAX_NODES})")
    p.add_argument("--ego-nodes", type=int, default=EGO_NODES, metavar="N",
                   help=f"at most N nodes on a union, person or article page, nearest first (default: {EGO_NODES})")
    p.epilog = "example: union-kg views out/graph.ttl -o out/   then open out/index.html"

    def run(args: argparse.Namespace) -> int:
        from ..build import as_graph
        from ..export.views import write_views
        from ..sparql import GraphLoadError, open_store

        path = Path(args.graph)
        if min(args.max_nodes, args.ego_nodes) < 1:
            print(f"union-kg views: --max-nodes and --ego-nodes must be at least 1, not {args.max_nodes}, "
                  f"{args.ego_nodes}", file=sys.stderr)
            return 2
        try:
            g = as_graph(open_store(path))  # a store folder read-only; a Turtle file bulk-loaded by Oxigraph
        except GraphLoadError as err:
            print(f"union-kg views: {err}", file=sys.stderr)
            return 2
        print(f"wrote {write_views(g, args.out, args.max_nodes, ego_nodes=args.ego_nodes)}")
        return 0
    return run

