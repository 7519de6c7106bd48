"""Benchmark: one long file against the same text as many files (issue 15's target: at most 2×).

The five seed articles are repeated ``--copies`` times (default 20) and
written twice into ``bench/data/long/`` (git-ignored): concatenated into
one file, and as ``5 × copies`` files.  Each is built in its own process
(``graph.build.build``, no cache, no HTML, one job) and its wall and CPU
time recorded; the ratio one-file / many-files is the target (≤ 2).

``--stub`` replaces functions by ``module:function=replacement`` in the
building process, to see what the rest costs while a part is being
rewritten elsewhere, e.g. ``--stub graph.resolve:resolve_awards=list``
(no award facts: the remainder without ``resolve_awards``)::

    python bench/bench_long.py
    python bench/bench_long.py --stub graph.resolve:resolve_awards=list
    python bench/bench_long.py --copies 5 --root /work/main --python /work/main/.venv/bin/python

Results are printed and appended to ``bench/results/bench_long.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "long"
RESULTS = ROOT / "bench" / "results"

_BUILD = """
import importlib, sys
for spec in sys.argv[3:]:
    target, repl = spec.split("=")
    mod, name = target.split(":")
    setattr(importlib.import_module(mod), name, lambda *a, **k: eval(repl)())
from graph.build import build
_, report = build([sys.argv[1]], sys.argv[2], html=False, cache=False)
print(report.articles, report.triples, report.seconds.get("extract", 0.0))
"""


def corpus(copies: int) -> tuple[Path, Path]:
    """(folder holding one file, folder holding 5 × copies files) of the seeds repeated ``copies`` times."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    one, many = DATA / f"x{copies}-one", DATA / f"x{copies}-many"
    if not one.is_dir():
        one.mkdir(parents=True)
        many.mkdir(parents=True)
        parts = []
        for i in range(copies):
            for f in seeds:
                text = f.read_text(encoding="utf-8")
                parts.append(text)
                (many / f"{i:03d}_{f.name}").write_text(text, encoding="utf-8")
        (one / "all.txt").write_text("\n".join(parts), encoding="utf-8")
    return one, many


def timed_build(python: str, root: Path, src: Path, stubs: list[str]) -> dict:
    out = DATA / "out"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    res = subprocess.run([python, "-c", _BUILD, str(src), str(out), *stubs], cwd=root, capture_output=True,
                         text=True, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    articles, triples, extract = res.stdout.split()
    return {"wall_s": round(wall, 2), "cpu_s": round(after.ru_utime - before.ru_utime, 2),
            "extract_s": round(float(extract), 2), "articles": int(articles), "triples": int(triples)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--stub", action="append", default=[], metavar="MODULE:FUNCTION=CALLABLE")
    ap.add_argument("--root", type=Path, default=ROOT, help="checkout whose build is measured")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--label", default="")
    args = ap.parse_args()

    one, many = corpus(args.copies)
    r_many = timed_build(args.python, args.root, many, args.stub)
    r_one = timed_build(args.python, args.root, one, args.stub)
    result = {"label": args.label or str(args.root), "copies": args.copies, "stubs": args.stub,
              "bytes": (one / "all.txt").stat().st_size, "many_files": r_many, "one_file": r_one,
              "ratio_wall": round(r_one["wall_s"] / r_many["wall_s"], 2),
              "ratio_cpu": round(r_one["cpu_s"] / r_many["cpu_s"], 2), "loadavg": os.getloadavg()}
    result["target_met"] = result["ratio_cpu"] <= 2
    print(json.dumps(result, indent=1))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "bench_long.json"
    runs = json.loads(path.read_text()) if path.is_file() else []
    runs.append(result)
    path.write_text(json.dumps(runs, indent=1) + "\n")


if __name__ == "__main__":
    main()
