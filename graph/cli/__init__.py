"""The ``union-kg`` command. Thin: each subcommand calls one module.

Subcommands register themselves in :data:`graph.cli.registry.COMMANDS` as
``name -> (add_arguments, run)``; ``run(args) -> int`` is the exit status.
This module imports them (:func:`_load_plugins`); they import only the registry.
"""
from __future__ import annotations

import argparse
import sys

from .._version import __version__
from .registry import COMMANDS, command


# ---------------------------------------------------------------- build
@command("build", "extract articles and write out/graph.ttl and out/index.html")
def _build_args(p: argparse.ArgumentParser):
    p.add_argument("paths", nargs="*", default=["seeds"], metavar="PATH",
                   help="article files or folders of them (default: seeds/)")
    p.add_argument("-o", "--out", default="out", metavar="DIR", help="output folder (default: out/)")
    p.add_argument("--no-html", action="store_true", help="write only the Turtle file")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="extract in N processes on this machine (0: one per CPU; default: 1)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="extract on a Dask cluster, e.g. tcp://10.0.0.5:8786 (workers must see the same files)")
    p.add_argument("--cache", metavar="DIR", help="folder of the extraction cache (default: OUT/.cache)")
    p.add_argument("--no-cache", action="store_true", help="re-extract every article; read and write no cache")
    p.add_argument("--strict", action="store_true", help="exit with status 1 if any file was skipped")
    p.add_argument("--store", metavar="DIR",
                   help="build into an on-disk Oxigraph store in DIR (emptied first; memory stays flat on big "
                        "corpora); `union-kg query DIR` and `serve DIR` open it read-only")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="date of the articles, over their datelines and sidecars (for a build of one file)")
    p.epilog = ("example: union-kg build seeds/ -o out/\n"
                "         union-kg build corpus/ -o out/ --jobs 4      (a rebuild re-extracts only changed files)\n"
                "exit status: 0 built; 1 nothing built, or a file skipped with --strict; 2 bad arguments, "
                "output folder not writable or Dask scheduler unusable")

    def run(args: argparse.Namespace) -> int:
        from ..build import build

        if args.jobs < 0:
            print("union-kg build: --jobs must be 0 or more", file=sys.stderr)
            return 2
        cache = False if args.no_cache else (args.cache or True)
        if args.date is not None:
            from ..text.when import parse_date

            if parse_date(args.date) is None:
                print(f"union-kg build: --date {args.date!r} is not a date (YYYY-MM-DD or YYYY-MM)", file=sys.stderr)
                return 2
        try:
            _, report = build(args.paths, args.out, progress=not args.quiet, html=not args.no_html,
                              jobs=args.jobs, scheduler=args.scheduler, cache=cache, date=args.date, store=args.store)
        except (OSError, TimeoutError) as err:  # output folder not writable, scheduler unreachable
            print(f"union-kg build: {err}", file=sys.stderr)
            return 2
        print(report.summary())
        if not report.articles:
            print("union-kg build: no article could be built; nothing written", file=sys.stderr)
            return 1
        return 1 if args.strict and report.failures else 0
    return run


def parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    ap = argparse.ArgumentParser(
        prog="union-kg",
        description="Build a knowledge graph (RDF) of Chinese trade-union news: unions, officials and their posts, "
                    "programmes, awards and reported figures; export Turtle and interactive HTML views.",
        epilog="Start with: union-kg build seeds/ -o out/   then open out/index.html",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"union-kg {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_arguments) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(_run=add_arguments(p))
    return ap


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``union-kg`` console script; returns the exit status."""
    args = None
    try:
        _load_plugins()
        ap = parser()
        args = ap.parse_args(argv)
        if not getattr(args, "_run", None):
            ap.print_help()
            return 2
        return args._run(args)
    except KeyboardInterrupt:  # Ctrl-C: one line, no traceback; 130 is the shell's status for SIGINT
        build_mod = sys.modules.get("graph.build")
        if getattr(build_mod, "progress_line_open", False):
            sys.stderr.write("\n")  # a progress bar interrupted mid-line: the message gets its own line
        name = f"union-kg {args.command}" if args is not None and args.command else "union-kg"
        sys.stderr.write(f"{name}: interrupted\n")
        sys.stderr.flush()
        return 130


def _load_plugins() -> None:
    """Import the modules that register further subcommands."""
    # importing registers them, in the order `union-kg --help` lists them
    from . import evaluate  # noqa: F401, I001
    from . import query  # noqa: F401
    from . import figures  # noqa: F401
    from . import views  # noqa: F401
