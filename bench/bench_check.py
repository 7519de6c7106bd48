"""Benchmark of the consistency check (``graph.store.check.add_findings``) on a built Oxigraph store.

    python bench/bench_check.py --store DIR [--work DIR] [--reference FILE] [--label NAME] [--code REPO]

``DIR`` is a store written by ``union-kg build --store DIR`` (findings
included or not).  The store is copied into a work folder (the original is
never opened writable), its ``ukg:Finding`` triples are deleted with one
SPARQL UPDATE, and then, in a fresh process, ``add_findings`` runs on it.
Recorded:

* wall seconds and CPU seconds (user + system of that process, from
  ``getrusage``; wall time depends on what else runs, CPU time less so);
* peak RSS of the process (``ru_maxrss``) and its RSS before the check, so
  the check's own share is the difference;
* the number of findings per type and of Finding triples, and the SHA-256
  of the Finding triples as sorted N-Triples lines: two runs with the same
  digest wrote the same findings (same IRIs, same triples);
* the load average before and after.

``--code REPO`` imports ``graph`` from another checkout (e.g. an export of
main) to measure before and after under the same load.
``--reference FILE`` compares the Finding triples with a sorted N-Triples
file (as ``--dump`` writes one) and fails when they differ.

Results are printed and appended to ``bench/results/bench_check.json``
(a list of runs).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
FINDINGS = """PREFIX ukg: <https://w3id.org/union-kg/ontology#>
CONSTRUCT { ?f ?p ?o } WHERE { ?f a ukg:Finding ; ?p ?o }"""
DROP = """PREFIX ukg: <https://w3id.org/union-kg/ontology#>
DELETE { ?f ?p ?o } WHERE { ?f a ukg:Finding ; ?p ?o }"""


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def prepare(src: Path, work: Path) -> Path:
    """Copy the store ``src`` into ``work`` and delete its findings; return the copy's path."""
    import pyoxigraph as ox

    dst = work / "store"
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("LOCK"))
    st = ox.Store(str(dst))
    st.update(DROP)
    st.flush()
    del st
    return dst


def run_check(store: Path, code: Path = ROOT) -> dict:
    """In this process: open ``store``, run ``add_findings`` (of the checkout ``code``), return the measurements."""
    sys.path.insert(0, str(code))
    import pyoxigraph as ox

    from graph.store.check import add_findings

    st = ox.Store(str(store))
    rss0 = _rss_mb()
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    found = add_findings(st)
    wall = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    counts: dict[str, int] = {}
    for f in found:
        counts[f.type] = counts.get(f.type, 0) + 1
    lines = sorted(str(t) + " ." for t in st.query(FINDINGS))
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    cpu = ru1.ru_utime + ru1.ru_stime - ru0.ru_utime - ru0.ru_stime
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3),
            "rss_before_mb": round(rss0, 1), "peak_rss_mb": round(ru1.ru_maxrss / 1024, 1),
            "findings": len(found), "by_type": counts, "finding_triples": len(lines), "sha256": digest,
            "triples": len(st)}


def dump(store: Path, out: Path) -> int:
    """Write the Finding triples of ``store`` (read-only) as sorted N-Triples lines; return their number."""
    import pyoxigraph as ox

    lines = sorted(str(t) + " ." for t in ox.Store.read_only(str(store)).query(FINDINGS))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True, help="a store built with `union-kg build --store`")
    ap.add_argument("--work", type=Path, help="work folder for the copy (default: a temporary folder)")
    ap.add_argument("--reference", type=Path, help="sorted N-Triples of the expected Finding triples")
    ap.add_argument("--dump", type=Path, help="write the Finding triples of the checked copy here")
    ap.add_argument("--label", default="", help="name of the store in the results (default: its path)")
    ap.add_argument("--code", type=Path, default=ROOT, help="checkout whose graph package is measured")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:  # the measured process: only the check's own memory and time
        print(json.dumps(run_check(args.store, args.code)))
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="bench_check_"))
    work.mkdir(parents=True, exist_ok=True)
    copy = prepare(args.store, work)
    load0 = os.getloadavg()
    proc = subprocess.run([sys.executable, __file__, "--child", "--store", str(copy), "--code", str(args.code)],
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        sys.stderr.write(proc.stderr)
        return proc.returncode
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    res.update(store=args.label or str(args.store), code=str(args.code), load_before=[round(x, 2) for x in load0],
               load_after=[round(x, 2) for x in os.getloadavg()], python=sys.version.split()[0],
               when=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    status = 0
    if args.dump or args.reference:
        out = args.dump or work / "findings.nt"
        dump(copy, out)
        if args.reference:
            same = out.read_bytes() == args.reference.read_bytes()
            res["identical_to_reference"] = same
            status = 0 if same else 1
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(res, indent=1))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "bench_check.json"
    runs = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    runs.append(res)
    path.write_text(json.dumps(runs, indent=1) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
