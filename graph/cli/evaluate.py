"""``union-kg evaluate GOLD_DIR``: score a build against gold annotations.

Thin: the work is in :mod:`graph.evaluate` and the vendored scorer :mod:`graph.evaluate.scoring`.
"""
from __future__ import annotations

import argparse
import json

from ..evaluate import evaluate, format_report
from .registry import command


@command("evaluate", "score a build against gold annotations (precision, recall, F1)")
def _args(p: argparse.ArgumentParser):
    p.add_argument("gold", metavar="GOLD_DIR", help="folder of gold JSON files (e.g. tests/gold)")
    p.add_argument("--graph", default="out/graph.ttl", help="the built graph (default: out/graph.ttl)")
    p.add_argument("--show", action="store_true", help="list missed and spurious items")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.epilog = "example: union-kg evaluate tests/gold --graph out/graph.ttl --show"

    def run(args: argparse.Namespace) -> int:
        try:
            result = evaluate(args.graph, args.gold, show=args.show)
        except (FileNotFoundError, ValueError) as err:
            print(f"union-kg evaluate: {err}")
            return 2
        print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else format_report(result))
        return 0
    return run
