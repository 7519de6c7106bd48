"""Time the figure table and the checks on a corpus of N copies of the seeds.

    python bench/bench_figures.py [N]     (default N = 50)

Copies get new article ids, so their figures are distinct nodes but share
subjects and years: the cross-article conflict check sees large blocks.
Prints figures, findings per type, and seconds per step.
"""
from __future__ import annotations

import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.build import extract_corpus  # noqa: E402
from graph.export.tables import figure_rows, load_store, to_csv  # noqa: E402
from graph.store.check import add_findings  # noqa: E402
from graph.store.rdf import build_graph  # noqa: E402


def main(n: int = 50) -> None:
    facts, _ = extract_corpus([Path(__file__).resolve().parent.parent / "seeds"])
    corpus = [dataclasses.replace(f, doc_id=f"{f.doc_id}_{i:04d}") for i in range(n) for f in facts]
    g = build_graph(corpus)
    print(f"{len(corpus)} articles, {len(g)} triples")
    t = time.perf_counter()
    store = load_store(g)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    rows = figure_rows(store)
    t_rows = time.perf_counter() - t
    t = time.perf_counter()
    to_csv(rows)
    t_csv = time.perf_counter() - t
    t = time.perf_counter()
    found = add_findings(g)
    t_check = time.perf_counter() - t
    print(f"figures: {len(rows)}; findings: {dict(Counter(f.type for f in found))}")
    print(f"rdflib graph -> pyoxigraph store: {t_load:.2f} s; figure rows (SPARQL): {t_rows:.2f} s; "
          f"CSV: {t_csv:.2f} s; add_findings (load + rows + checks + triples): {t_check:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
