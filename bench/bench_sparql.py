"""Benchmark: the saved queries on rdflib's default store and on Oxigraph, and the two Turtle writers.

The graph is the seed corpus scaled ×100: the seed articles' facts are
extracted once (:func:`graph.pipeline.extract_file`) and cloned 100 times
with new article ids, names varied (20 variants of every union, person,
programme, award, organisation and document, so each variant is shared by
5 copies as real entities recur across articles), figure values scaled and
years shifted; the clones are built into one graph by
:func:`graph.store.rdf.build_graph`.

Each saved query (``queries/*.rq``) is timed on ``rdflib.Graph.query`` (the
default in-memory store) and on :func:`graph.sparql.query` (pyoxigraph),
each result fully read; the time is the best of up to 3 runs (1 run when a
run takes over 10 s).  Row counts of the two engines are compared.  Then
the graph is written as Turtle by rdflib and by
:func:`graph.export.turtle.write_turtle`.

Run from the repository root::

    python bench/bench_sparql.py            # ×100
    python bench/bench_sparql.py --copies 10

Not part of the test suite; numbers go in the notes.
"""
from __future__ import annotations

import argparse
import copy
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.export.turtle import write_turtle  # noqa: E402
from graph.model import ArticleFacts  # noqa: E402
from graph.pipeline import extract_file  # noqa: E402
from graph.sparql import open_store, query  # noqa: E402
from graph.store.rdf import build_graph  # noqa: E402
from graph.text.read import find_articles  # noqa: E402

VARIANTS = 20
AGGREGATE = {"union_figures_by_year", "district_spending", "programmes_per_union", "persons_in_several_articles",
             "reporters", "leaders", "union_overview"}


def vary(facts: ArticleFacts, k: int) -> ArticleFacts:
    """Copy ``k`` of an article: new id, names with a variant number, values scaled, years shifted."""
    v = k % VARIANTS

    def n(name: str | None) -> str | None:
        return name if not name or v == 0 else f"{name}{v:02d}"

    f = copy.deepcopy(facts)
    f.doc_id = f"{facts.doc_id}_{k:03d}"
    f.title = f"{facts.title}({k})" if facts.title else ""
    f.creators = [n(c) for c in f.creators]
    for u in f.unions:
        u.name, u.parent, u.aliases = n(u.name), n(u.parent), {n(a) for a in u.aliases}
    for p in f.persons:
        p.name = n(p.name)
        for r in p.roles:
            r.org = n(r.org)
    for x in f.programmes:
        x.name, x.organizer, x.aliases = n(x.name), n(x.organizer), {n(a) for a in x.aliases}
    for a in f.awards:
        a.name, a.recipients, a.aliases = n(a.name), [n(r) for r in a.recipients], {n(x) for x in a.aliases}
    for o in f.organizations + f.documents:
        o.name, o.aliases = n(o.name), {n(a) for a in o.aliases}
    for fig in f.figures:
        fig.subject = n(fig.subject)
        fig.value = (fig.value * (1 + Decimal(k) / 100)).quantize(Decimal("0.01"))
        if fig.year:
            fig.year += k % 5
    return f


def best_time(fn, runs: int = 3, slow: float = 10.0) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(runs):
        t = time.perf_counter()
        n = fn()
        best = min(best, time.perf_counter() - t)
        if best > slow:
            break
    return best, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=100, help="copies of the seed articles (default: 100)")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    seeds = [extract_file(p) for p in find_articles([ROOT / "seeds"])]
    facts = [vary(f, k) for k in range(args.copies) for f in seeds]
    g = build_graph(facts)
    print(f"graph: {len(facts)} articles, {len(g)} triples (extract + clone + build {time.perf_counter() - t:.1f} s)")

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        ttl_rdflib = g.serialize(format="turtle")
        rdflib_write = time.perf_counter() - t
        t = time.perf_counter()
        path = write_turtle(g, Path(tmp) / "graph.ttl")
        ox_write = time.perf_counter() - t
        t = time.perf_counter()
        store = open_store(path)
        load = time.perf_counter() - t
    print(f"Turtle write: rdflib {rdflib_write:.2f} s, union-kg (Oxigraph) {ox_write:.2f} s, "
          f"ratio {rdflib_write / ox_write:.1f}x ({len(ttl_rdflib) / 1e6:.1f} MB by rdflib)")
    print(f"bulk load into pyoxigraph: {load:.2f} s\n", flush=True)

    head = f"{'query':<30}{'rows':>7}{'rdflib s':>11}{'oxigraph s':>12}{'ratio':>9}  kind"
    print(head)
    print("-" * len(head))
    ratios = []
    for q in sorted((ROOT / "queries").glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        r_s, r_n = best_time(lambda text=text: len(list(g.query(text))))
        o_s, o_n = best_time(lambda text=text: len(list(query(store, text))))
        kind = "aggregate" if q.stem in AGGREGATE else ""
        flag = "" if r_n == o_n else f"  (rows differ: rdflib {r_n})"
        ratio = r_s / o_s
        if kind:
            ratios.append(ratio)
        print(f"{q.stem:<30}{o_n:>7}{r_s:>11.3f}{o_s:>12.4f}{ratio:>8.0f}x  {kind}{flag}", flush=True)
    if ratios:
        ratios.sort()
        print(f"\naggregate queries: ratio min {ratios[0]:.0f}x, median {ratios[len(ratios) // 2]:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
