"""Benchmark of ``union-kg serve`` under load: do light queries keep flowing while heavy ones run?

On loopback only.  The seed graph is built (``bench/data/seed-graph``,
git-ignored), the endpoint is started in its own process with ``port=0``,
and two phases of ``--seconds`` each are run:

* **light**: ``--light`` clients (default 8), each a process sending the
  saved SELECT queries (``queries/*.rq``) one after the other, as
  ``POST application/sparql-query`` on a new connection, for as long as the
  phase lasts (and at most ``--max-requests`` requests each);
* **light + heavy**: the same, while ``--heavy`` clients (default 4) send
  ``SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }``
  (a cross product that never finishes within the time limit) in a loop.

Per phase it prints the light queries' throughput (answers per second),
median, p95 and largest latency, and every answer that was not ``200``;
for the heavy clients the statuses and the longest wait (which must stay
under 1.1 × the time limit).  The target of issue 15: under heavy load the
light clients keep at least half their throughput, p95 under 500 ms, no
failures.

Any checkout's server can be measured (``--root``, ``--python``), so the
design before and after a change runs on the same machine::

    python bench/bench_server.py                       # this checkout, 20 s per phase
    python bench/bench_server.py --root /work/main --python /work/main/.venv/bin/python --no-lanes

Results are printed and written to ``bench/results/bench_server.json``.
Wall times depend on what else the machine runs; the load average is recorded.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def seed_graph() -> Path:
    """The seed corpus built once into ``bench/data/seed-graph/graph.ttl``."""
    out = DATA / "seed-graph"
    if not (out / "graph.ttl").is_file():
        subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                        "from graph.build import build; build(['seeds'], sys.argv[2], html=False, cache=False)",
                        str(ROOT), str(out)], cwd=ROOT, check=True)
    return out / "graph.ttl"


def light_queries() -> list[str]:
    """The saved SELECT queries."""
    qs = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "queries").glob("*.rq"))]
    return [q for q in qs if "SELECT" in q.upper() and "CONSTRUCT" not in q.upper()]


def start_server(python: str, root: Path, graph: Path, timeout: float, extra: dict):
    """Start an endpoint in its own process; returns (process, URL, lines of its stderr)."""
    kwargs = ", ".join(f"{k}={v!r}" for k, v in extra.items())
    code = ("import sys; from graph.sparql.server import serve; "
            f"sys.exit(serve(sys.argv[1], port=0, timeout={timeout}, workers=2{', ' + kwargs if kwargs else ''}))")
    proc = subprocess.Popen([python, "-c", code, str(graph)], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if " at http" not in line:
        proc.kill()
        raise SystemExit(f"the server did not start: {line}{proc.stderr.read()}")
    errors: list[str] = []
    threading.Thread(target=lambda: errors.extend(proc.stderr), daemon=True).start()
    return proc, line.split(" at ")[1].split()[0], errors


def _client(url: str, queries: list[str], until: float, max_requests: int, out) -> None:
    """One client: send queries in turn until ``until`` (wall clock) or ``max_requests``; put (status, s) pairs."""
    results = []
    i = 0
    while time.time() < until and i < max_requests:
        q = queries[i % len(queries)]
        i += 1
        req = urllib.request.Request(url, data=q.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query"})
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                r.read()
                status = r.status
        except urllib.error.HTTPError as err:
            status = err.code
        except OSError as err:
            status = f"{type(err).__name__}"
        results.append((status, time.perf_counter() - t))
    out.put(results)


def phase(url: str, seconds: float, light: int, heavy: int, max_requests: int) -> dict:
    """Run ``light`` and ``heavy`` clients for ``seconds``; statistics of each kind."""
    ctx = mp.get_context("spawn")
    until = time.time() + seconds
    lq, hq = ctx.Queue(), ctx.Queue()
    procs = [ctx.Process(target=_client, args=(url, light_queries(), until, max_requests, lq)) for _ in range(light)]
    procs += [ctx.Process(target=_client, args=(url, [HEAVY], until, max_requests, hq)) for _ in range(heavy)]
    for p in procs:
        p.start()
    lres = [r for _ in range(light) for r in lq.get()]
    hres = [r for _ in range(heavy) for r in hq.get()]
    for p in procs:
        p.join()

    def stats(res: list, span: float) -> dict:
        ok = sorted(t for s, t in res if s == 200)
        codes: dict[str, int] = {}
        for s, _ in res:
            codes[str(s)] = codes.get(str(s), 0) + 1
        pick = (lambda f: round(ok[min(len(ok) - 1, int(f * len(ok)))] * 1000, 1)) if ok else (lambda f: None)
        return {"requests": len(res), "statuses": codes, "per_second": round(len(ok) / span, 1),
                "p50_ms": pick(0.5), "p95_ms": pick(0.95), "max_ms": pick(1.0),
                "longest_any_s": round(max((t for _, t in res), default=0), 2)}

    return {"light": stats(lres, seconds), "heavy": stats(hres, seconds)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=20.0, help="length of each phase (default 20)")
    ap.add_argument("--light", type=int, default=8)
    ap.add_argument("--heavy", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=10.0, help="the endpoint's time limit (default 10 s)")
    ap.add_argument("--max-requests", type=int, default=100_000, help="bound on one client's requests")
    ap.add_argument("--root", type=Path, default=ROOT, help="checkout whose server is measured")
    ap.add_argument("--python", default=sys.executable, help="its Python")
    ap.add_argument("--no-lanes", action="store_true", help="a server without long_workers/budget (before issue 15)")
    ap.add_argument("--long-workers", type=int, default=1)
    ap.add_argument("--budget", type=float, default=0.5)
    ap.add_argument("--label", default="", help="name of this run in the results file")
    ap.add_argument("--light-only", action="store_true",
                    help="only the light phase (what a design costs when nothing heavy runs)")
    args = ap.parse_args()

    graph = seed_graph()
    extra = {} if args.no_lanes else {"long_workers": args.long_workers, "budget": args.budget}
    proc, url, errors = start_server(args.python, args.root, graph, args.timeout, extra)
    try:
        alone = phase(url, args.seconds, args.light, 0, args.max_requests)
        loaded = alone if args.light_only else phase(url, args.seconds, args.light, args.heavy, args.max_requests)
    finally:
        proc.terminate()
        proc.wait(30)
    a, b = alone["light"], loaded["light"]
    keep = round(b["per_second"] / a["per_second"], 3) if a["per_second"] else None
    failures = sum(n for s, n in b["statuses"].items() if s != "200")
    result = {"label": args.label or str(args.root), "server": str(args.root), "extra": extra,
              "timeout_s": args.timeout, "seconds": args.seconds, "clients": [args.light, args.heavy],
              "light_alone": a, "light_under_heavy": None if args.light_only else b,
              "heavy": None if args.light_only else loaded["heavy"],
              "throughput_kept": keep,
              "target_met": bool(keep and keep >= 0.5 and b["p95_ms"] is not None and b["p95_ms"] < 500
                                 and failures == 0),
              "server_log_lines": len(errors), "queue_depth_lines": sum("Task queue depth" in e for e in errors),
              "loadavg": os.getloadavg()}
    print(json.dumps(result, indent=1, ensure_ascii=False))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "bench_server.json"
    runs = json.loads(path.read_text()) if path.is_file() else []
    runs.append(result)
    path.write_text(json.dumps(runs, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
