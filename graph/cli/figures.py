"""``union-kg figures`` (the figures as a table) and ``union-kg check`` (findings about them).

Thin: the work is in :mod:`graph.export.tables` and :mod:`graph.store.check`.
"""
from __future__ import annotations

import argparse
import sys

from .registry import command


@command("figures", "write the figures of a graph as a table (CSV, JSON or text) for pandas or a spreadsheet")
def _figures_args(p: argparse.ArgumentParser):
    p.add_argument("graph", metavar="GRAPH", help="the built graph, e.g. out/graph.ttl")
    p.add_argument("--format", choices=("csv", "json", "table"), default="csv",
                   help="csv (default), json (array of records) or table (aligned text)")
    p.add_argument("--bom", action="store_true", help="start with a UTF-8 byte order mark, for Excel")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.epilog = ("one row per figure: article, title, figure, label, subject, measure, value, unit, unit_text,\n"
                "approximate, year, period_start, period_end, quote; sorted by article, then order in the article.\n"
                "example: union-kg figures out/graph.ttl -o figures.csv --bom")

    def run(args: argparse.Namespace) -> int:
        from ..export.tables import TableError, figure_rows, write_rows

        try:
            rows = figure_rows(args.graph)
            write_rows(rows, args.format, args.output, bom=args.bom)
        except TableError as err:
            print(f"union-kg figures: {err}", file=sys.stderr)
            return 2
        if args.output:
            print(f"wrote {len(rows)} figures to {args.output}", file=sys.stderr)
        return 0
    return run


@command("check", "report figures that cannot be right (part > whole, conflicting values) or lack subject/year")
def _check_args(p: argparse.ArgumentParser):
    p.add_argument("graph", metavar="GRAPH", help="the built graph, e.g. out/graph.ttl")
    p.add_argument("--strict", action="store_true", help="exit with status 1 when there are findings")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the explanations in text output")
    p.epilog = ("finding types: part-exceeds-whole, conflicting-values, missing-subject, missing-year;\n"
                "conflicting-posts (one person, one union, a post and its deputy, two articles of one year)\n"
                "(the build also writes them into the graph as ukg:Finding nodes).\n"
                "example: union-kg check out/graph.ttl --strict")

    def run(args: argparse.Namespace) -> int:
        import json

        from ..export.tables import TableError, load_store
        from ..store.check import check, conflicting_posts, format_json, format_posts, format_text

        try:
            store = load_store(args.graph)
            findings = check(store)
            posts = conflicting_posts(store)
        except TableError as err:
            print(f"union-kg check: {err}", file=sys.stderr)
            return 2
        if args.format == "json":
            data = json.loads(format_json(findings))
            data["post_conflicts"] = [c.as_record() for c in posts]
            text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        else:
            text = format_posts(posts) + format_text(findings, lang=args.lang)
        sys.stdout.write(text)
        return 1 if args.strict and (findings or posts) else 0
    return run
