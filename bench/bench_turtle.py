"""Benchmark: the canonical Turtle writer on a build's store, on disk and in memory.

:func:`graph.export.turtle.write_turtle` is what a build calls on its
``pyoxigraph.Store`` once the graph is made.  Two cases, each in a fresh
process so that their memory is their own:

- ``disk``: the store folder of a ``union-kg build --store DIR``, opened
  read-only (the writer only reads it);
- ``memory``: an in-memory store bulk-loaded from that build's ``graph.ttl``
  (the load is not timed).

Each case reports wall and CPU seconds of ``write_turtle`` alone, the peak
RSS of the process (``ru_maxrss``), the RSS when the writer starts and the
peak above it while it runs (sampled every 10 ms: in memory the store itself
is most of the process), the triples, the bytes written, whether they equal
a reference file (``--reference``, byte for byte), and the load average
before and after (timings on a shared machine are noisy; CPU seconds and
memory less so).

Run from the repository root::

    python bench/bench_turtle.py --store /work/benchdata/store20 --turtle /work/benchdata/out20/graph.ttl
    python bench/bench_turtle.py --store ... --turtle ... --repo /path/to/other/checkout   # time its writer

Results go to ``bench/results/bench_turtle.json``.  Not part of the test suite.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(case: str, store: str, turtle: str, reference: str | None, repo: str) -> dict:
    """Time one write in this process; the result as a dict."""
    sys.path.insert(0, repo)
    import pyoxigraph as ox

    from graph.export.turtle import write_turtle

    if case == "disk":
        st = ox.Store.read_only(store)
    else:
        st = ox.Store()
        st.bulk_load(path=turtle, format=ox.RdfFormat.TURTLE)
    triples = len(st)
    start_rss = _rss_mb()
    peak = [start_rss]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            peak[0] = max(peak[0], _rss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-turtle-") as d:
        sampler.start()
        t, c = time.perf_counter(), time.process_time()
        out = write_turtle(st, Path(d) / "graph.ttl")
        seconds, cpu = time.perf_counter() - t, time.process_time() - c
        done.set()
        sampler.join()
        identical = filecmp.cmp(out, reference, shallow=False) if reference else None
        size = out.stat().st_size
    return {"case": case, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "rss_at_start_mb": round(start_rss), "writer_peak_above_start_mb": round(peak[0] - start_rss),
            "triples": triples, "bytes": size, "identical_to_reference": identical,
            "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in os.getloadavg()],
            "repo": repo}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True, help="store folder of a build made with --store")
    ap.add_argument("--turtle", required=True, help="that build's graph.ttl (loaded for the memory case)")
    ap.add_argument("--reference", help="Turtle the output must equal byte for byte (default: --turtle)")
    ap.add_argument("--cases", default="memory,disk")
    ap.add_argument("--repo", default=str(ROOT), help="checkout whose graph.export.turtle is timed")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "bench_turtle.json"))
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    reference = args.reference or args.turtle
    if args.child:
        print(json.dumps(child(args.child, args.store, args.turtle, reference, args.repo)))
        return
    results = []
    for case in args.cases.split(","):
        proc = subprocess.run([sys.executable, __file__, "--child", case, "--store", args.store, "--turtle",
                               args.turtle, "--reference", reference, "--repo", args.repo],
                              capture_output=True, text=True, check=True)
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"command": " ".join(sys.argv), "results": results}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
