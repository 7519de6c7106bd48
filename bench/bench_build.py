"""Benchmark of a corpus build: throughput against jieba, 1 → 2 workers, peak memory.

Generates a synthetic corpus of at least ``--mb`` megabytes (default 20)
into ``bench/data/corpus/`` (git-ignored) from the seed articles, varying
the district names, the persons' names and the numbers of each copy, then
in one run measures

* jieba: ``jieba.lcut`` (default dictionary, initialised beforehand) over
  the text of every file, in KB/s;
* builds with ``jobs=1`` and ``jobs=2`` (no cache, no HTML), each in its
  own process (``graph.build.build``, what ``union-kg build`` calls): wall time, KB/s of article
  bytes, peak RSS of the process tree (sampled with psutil every 0.1 s);
* the ratio of build throughput to jieba's (goal >= 0.5) and the speed-up
  from 1 to 2 workers (goal >= 1.7), with the bound the build process's
  own CPU share sets on it (``2 / (1 + share)``).

Wall times depend on what else the machine runs, so CPU seconds (of this
process for jieba; of the build and its workers, from ``getrusage``) and
the load average are recorded too.

Run from the repository root::

    python bench/bench_build.py            # ~20 MB; a few minutes
    python bench/bench_build.py --mb 2     # quick look
    python bench/bench_build.py --corpus DIR --runs j2-store --no-jieba   # one corpus, one build

Results are printed and written to ``bench/results/bench_build.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # not in a Dask worker, which imports this file again: it has the builder's path (--code)
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "seeds"
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏海燕晓东文博"


def _seed_persons() -> set[str]:
    from graph.pipeline import extract_file

    names: set[str] = set()
    for f in sorted(SEEDS.glob("*.txt")):
        facts = extract_file(f)
        names.update(p.name for p in getattr(facts, "persons", []) if 2 <= len(p.name) <= 4)
    return names


def make_corpus(target_mb: float, out: Path, seed: int = 8) -> tuple[int, int]:
    """Write variants of the seed articles until ``target_mb`` MB; return (files, bytes).

    Each variant maps every district of the lexicon found in the seed to a
    random other district, every person name found by the extractor to a
    random name (lexicon surname + one or two given-name characters), and
    every number except years to a random number of the same digit count.
    """
    from graph.lexicon import municipal_districts, surnames

    rng = random.Random(seed)
    districts = sorted(municipal_districts())
    family = sorted(s for s in surnames() if len(s) == 1)
    persons = sorted(_seed_persons(), key=len, reverse=True)
    district_re = re.compile("|".join(map(re.escape, sorted(districts, key=len, reverse=True))))
    person_re = re.compile("|".join(map(re.escape, persons))) if persons else None
    number_re = re.compile(r"\d+")
    seeds = [(f.stem, f.read_text(encoding="utf-8")) for f in sorted(SEEDS.glob("*.txt"))]

    def number(m: re.Match) -> str:
        s = m.group()
        if len(s) == 4 and s[:2] in ("19", "20"):
            return s  # keep years
        lo = 10 ** (len(s) - 1) if len(s) > 1 else 0
        return str(rng.randint(lo, 10 ** len(s) - 1))

    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    total = n = 0
    while total < target_mb * 1e6:
        stem, text = seeds[n % len(seeds)]
        dmap: dict[str, str] = {}
        pmap: dict[str, str] = {}
        text = district_re.sub(lambda m, dmap=dmap: dmap.setdefault(m.group(), rng.choice(districts)), text)
        if person_re:
            text = person_re.sub(lambda m, pmap=pmap: pmap.setdefault(
                m.group(), rng.choice(family) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))), text)
        text = number_re.sub(number, text)
        data = text.encode("utf-8")
        (out / f"{n:06d}_{stem[4:]}.txt").write_bytes(data)
        total += len(data)
        n += 1
    return n, total


def bench_jieba(corpus: Path) -> dict:
    """Seconds and KB/s of ``jieba.lcut`` over every file (initialisation excluded)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    size = 0
    t, cpu = time.perf_counter(), time.process_time()
    for f in sorted(corpus.glob("*.txt")):
        data = f.read_bytes()
        size += len(data)
        jieba.lcut(data.decode("utf-8"))
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    return {"seconds": round(secs, 2), "kb_per_s": round(size / 1024 / secs, 1),
            "cpu_seconds": round(cpu, 2), "kb_per_cpu_s": round(size / 1024 / cpu, 1)}


def bench_build(corpus: Path, jobs: int, size: int, store: bool = False, scheduler: bool = False,
                dask_defaults: bool = False) -> dict:
    """Run ``python -m graph build`` with ``jobs`` workers; wall time, KB/s, peak RSS of its process tree.

    ``store``: build into an on-disk store (``--store``); ``scheduler``: on a
    ``jobs``-worker Dask LocalCluster (its workers count in the tree's RSS).
    """
    import psutil

    tag = f"{'dask' if scheduler else 'j'}{jobs}{'-store' if store else ''}"
    out = DATA / f"out-{tag}"
    cmd = [sys.executable, __file__, "--one", str(jobs), str(corpus), str(out), "--code", sys.path[0]]
    if store:
        cmd += ["--store-dir", str(DATA / f"store-{tag}")]
    if scheduler:
        cmd += ["--dask"] + (["--dask-defaults"] if dask_defaults else [])
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_tree = peak_main = 0
    cpu_seen: dict[int, float] = {}  # CPU seconds of each process of the tree when last seen (workers
    # started by a forkserver or a Dask nanny are not always reaped where getrusage would count them)
    while proc.poll() is None:
        try:
            kids = ps.children(recursive=True)
            main = ps.memory_info().rss
            tree = main + sum(c.memory_info().rss for c in kids)
            for c in (ps, *kids):
                ct = c.cpu_times()
                cpu_seen[c.pid] = ct.user + ct.system
        except psutil.Error:
            main = tree = 0
        peak_main, peak_tree = max(peak_main, main), max(peak_tree, tree)
        time.sleep(0.1)
    stdout, stderr = proc.communicate()
    secs = time.perf_counter() - t
    ru2 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build and its worker processes, once reaped
    cpu = ru2.ru_utime + ru2.ru_stime - ru.ru_utime - ru.ru_stime
    cpu = max(cpu, sum(cpu_seen.values()))
    if proc.returncode:
        raise SystemExit(f"build failed ({proc.returncode}): {stderr[-2000:]}")
    articles = re.search(r"articles read: (\d+)", stdout)
    triples = re.search(r"triples written: (\d+)", stdout)
    times = re.search(r"^time: (.*)$", stdout, re.M)
    phases = {k: float(v) for k, v in re.findall(r"(extract|graph|write) ([\d.]+) s", times.group(1) if times else "")}
    main_cpu_line = re.search(r"main-process CPU: (.*)", stdout)  # absent in code before BuildReport.cpu
    main_cpu = json.loads(main_cpu_line.group(1)) if main_cpu_line else {}
    call = re.search(r"^build call: ([\d.]+) s$", stdout, re.M)
    return {"jobs": jobs, "store": store, "dask": scheduler,
            "seconds": round(secs, 2),
            # graph.build.build() alone: without the Python start of the build process, and for Dask without
            # starting and closing the LocalCluster (a user's `--scheduler` cluster is already running)
            "build_call_seconds": float(call.group(1)) if call else None, "kb_per_s": round(size / 1024 / secs, 1),
            "cpu_seconds": round(cpu, 1), "kb_per_cpu_s": round(size / 1024 / cpu, 1),
            "peak_rss_mb_tree": round(peak_tree / 2**20), "peak_rss_mb_main": round(peak_main / 2**20),
            "articles": int(articles.group(1)) if articles else None,
            "triples": int(triples.group(1)) if triples else None,
            "phase_seconds": phases,
            # CPU of the build's own process (not its workers) per phase, and its share of all the CPU used:
            # the part that does not run in parallel, so 2 workers speed the build up at most 2 / (1 + share)
            "main_cpu_seconds": {k: round(v, 1) for k, v in main_cpu.items()},
            # the workers' CPU (all of the tree's but the build process's; with Dask's scheduler and nannies in
            # the build process)
            "workers_cpu_seconds": round(cpu - sum(main_cpu.values()), 1) if main_cpu else None,
            "main_cpu_share": round(sum(main_cpu.values()) / cpu, 3) if cpu and main_cpu else None,
            "speedup_bound_2": round(2 / (1 + sum(main_cpu.values()) / cpu), 2) if cpu and main_cpu else None,
            "load": os.getloadavg(),
            "extract_kb_per_s": round(size / 1024 / phases["extract"], 1) if phases.get("extract") else None,
            "ttl_identical_to_first": None, "ttl": str(out / "graph.ttl"),
            "store_dir": str(DATA / f"store-{tag}") if store else None,
            "store_mb": round(sum(f.stat().st_size for f in (DATA / f"store-{tag}").iterdir()) / 2**20)
            if store else None}


def build_once(jobs: int, corpus: str, out: str, store: str | None = None, dask: bool = False,
               dask_defaults: bool = False) -> int:
    """One build as ``union-kg build CORPUS -o OUT --no-html --no-cache -q --jobs JOBS [--store DIR]`` does it."""
    import shutil

    from graph.build import build

    kw = {}
    if store:
        shutil.rmtree(store, ignore_errors=True)
        kw["store"] = store
    if dask:
        import dask as dask_lib
        from distributed import LocalCluster

        # the settings the README gives for a cluster that runs builds (none with --dask-defaults, or in
        # code from before them); the module from sys.modules: ``graph.build`` is the package's build function
        config = {} if dask_defaults else getattr(sys.modules["graph.build"], "DASK_CONFIG", {})
        with dask_lib.config.set(config), LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                       dashboard_address=None, silence_logs=40) as cluster:
            t = time.perf_counter()  # the build on a running cluster, as `--scheduler tcp://...` sees it
            _, report = build([corpus], out, html=False, cache=False, scheduler=cluster.scheduler_address, **kw)
            call = time.perf_counter() - t
    else:
        t = time.perf_counter()  # the pool's start and stop are part of the call
        _, report = build([corpus], out, html=False, jobs=jobs, cache=False, **kw)
        call = time.perf_counter() - t
    print(report.summary())
    print(f"build call: {call:.2f} s")
    print("main-process CPU: " + json.dumps(report.cpu))
    return 0 if report.articles else 1


def bench_query(graph: Path, rq: Path = ROOT / "queries" / "leaders.rq") -> dict:
    """Cold start of ``union-kg query GRAPH -f leaders.rq`` in a new process: wall seconds and answer rows."""
    code = "import sys; from graph.cli import main; sys.exit(main(sys.argv[1:]))"
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code, "query", str(graph), "-f", str(rq), "--format", "csv"],
                       cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": sys.path[0]})
    secs = time.perf_counter() - t
    return {"graph": str(graph), "seconds": round(secs, 2), "rows": len(p.stdout.splitlines()) - 1,
            "ok": p.returncode == 0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default: 20)")
    ap.add_argument("--reuse", action="store_true", help="reuse bench/data/corpus if it is big enough")
    ap.add_argument("--code", metavar="DIR", help="import graph from this checkout (default: this one)")
    ap.add_argument("--one", nargs=3, metavar=("JOBS", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--store-dir", help=argparse.SUPPRESS)
    ap.add_argument("--dask", action="store_true", help="also build on a Dask LocalCluster of 1 and 2 workers")
    ap.add_argument("--dask-defaults", action="store_true",
                    help="Dask runs: distributed's default settings, not graph.build.DASK_CONFIG")
    ap.add_argument("--store", action="store_true", help="also build into an on-disk store (--store), 1 worker")
    ap.add_argument("--runs", help="builds to run, comma-separated: j<N> (N workers), dask<N> (a LocalCluster), "
                                   "a -store suffix for --store (default: j1,j2 and what --store/--dask add)")
    ap.add_argument("--json", help="results file name in bench/results (default: bench_build.json)")
    ap.add_argument("--corpus", metavar="DIR", help="build this corpus instead of generating one")
    ap.add_argument("--no-jieba", action="store_true", help="skip the jieba reference")
    args = ap.parse_args(argv)
    if args.code:
        sys.path.insert(0, str(Path(args.code).resolve()))
    if args.one:
        return build_once(int(args.one[0]), args.one[1], args.one[2], args.store_dir, args.dask, args.dask_defaults)

    if args.runs is None:
        args.runs = "j1,j2" + (",j1-store" if args.store else "") + (",dask1,dask2" if args.dask else "")
    corpus = Path(args.corpus) if args.corpus else DATA / "corpus"
    existing = sum(f.stat().st_size for f in corpus.glob("*.txt")) if corpus.is_dir() else 0
    t = time.perf_counter()
    if args.corpus or args.reuse and existing >= args.mb * 1e6:
        files, size = len(list(corpus.glob("*.txt"))), existing
    else:
        files, size = make_corpus(args.mb, corpus)
    print(f"corpus: {files} files, {size / 1e6:.1f} MB in {corpus} ({time.perf_counter() - t:.0f} s to make)",
          flush=True)
    import graph

    res: dict = {"files": files, "bytes": size, "cpus": os.cpu_count(), "load_before": os.getloadavg(),
                 "code": str(Path(graph.__file__).parent)}
    print(f"code: {res['code']}", flush=True)
    res["jieba"] = bench_jieba(corpus) if not args.no_jieba else {"kb_per_s": float("nan"), "seconds": 0,
                                                                  "kb_per_cpu_s": float("nan")}
    print(f"jieba.lcut: {res['jieba']['kb_per_s']} KB/s ({res['jieba']['seconds']} s; "
          f"{res['jieba']['kb_per_cpu_s']} KB per CPU second)", flush=True)
    runs = []
    for tag in args.runs.split(","):
        m = re.fullmatch(r"(j|dask)(\d+)(-store)?", tag.strip())
        if m is None:
            raise SystemExit(f"bad run {tag!r}: j1, j2, dask2, j2-store ...")
        jobs, dask, store = int(m.group(2)), m.group(1) == "dask", bool(m.group(3))
        r = bench_build(corpus, jobs, size, store=store, scheduler=dask, dask_defaults=args.dask_defaults)
        r["tag"] = tag
        runs.append(r)
        print(f"build {tag}: {r['seconds']} s, {r['kb_per_s']} KB/s ({r['kb_per_cpu_s']} KB per CPU s), "
              f"peak RSS {r['peak_rss_mb_tree']} MB (main process {r['peak_rss_mb_main']} MB), "
              f"{r['articles']} articles, {r['triples']} triples; phases {r['phase_seconds']} s; "
              f"main-process CPU {r['main_cpu_seconds']} s, {r['main_cpu_share']} of all, workers' "
              f"CPU {r['workers_cpu_seconds']} s "
              f"(2-worker bound {r['speedup_bound_2']}x)" + (f"; store {r['store_mb']} MB" if store else "")
              + f"; load {r['load']}", flush=True)
    by_tag = {r["tag"]: r for r in runs}
    res["query_cold"] = [bench_query(Path(runs[0]["ttl"]))]
    res["query_cold"] += [bench_query(Path(r["store_dir"])) for r in runs if r.get("store_dir")][:1]
    for q in res["query_cold"]:
        print(f"union-kg query {q['graph']} -f queries/leaders.rq: {q['seconds']} s cold, {q['rows']} rows", flush=True)
    ttl1 = Path(runs[0]["ttl"]).read_bytes()
    for r in runs:
        r["ttl_identical_to_first"] = Path(r["ttl"]).read_bytes() == ttl1
    res["builds"] = runs
    if "j1" in by_tag and res["jieba"]["seconds"]:
        one = by_tag["j1"]
        res["ratio_to_jieba"] = round(one["kb_per_s"] / res["jieba"]["kb_per_s"], 2)
        res["cpu_ratio_to_jieba"] = round(one["kb_per_cpu_s"] / res["jieba"]["kb_per_cpu_s"], 2)
        res["extract_ratio_to_jieba"] = round(one["extract_kb_per_s"] / res["jieba"]["kb_per_s"], 2)
        print(f"build/jieba throughput (1 worker): {res['ratio_to_jieba']} whole build, "
              f"{res['extract_ratio_to_jieba']} extraction only, {res['cpu_ratio_to_jieba']} per CPU second "
              "(goal >= 0.5)")
    for a, b in (("j1", "j2"), ("dask1", "dask2"), ("j1-store", "j2-store")):
        if a in by_tag and b in by_tag:
            ra, rb = by_tag[a], by_tag[b]
            res[f"speedup_{a}_to_{b}"] = round(ra["seconds"] / rb["seconds"], 2)
            if ra.get("build_call_seconds") and rb.get("build_call_seconds"):
                res[f"call_speedup_{a}_to_{b}"] = round(ra["build_call_seconds"] / rb["build_call_seconds"], 2)
            res[f"extract_speedup_{a}_to_{b}"] = round(ra["phase_seconds"]["extract"]
                                                       / rb["phase_seconds"]["extract"], 2)
            print(f"speed-up {a} -> {b}: {res[f'speedup_{a}_to_{b}']} whole build, "
                  f"{res[f'extract_speedup_{a}_to_{b}']} extraction (goal >= 1.7; wall times, so only on a quiet "
                  f"machine); bound from {b}'s main-process CPU share: {rb['speedup_bound_2']}"
                  + (f"; build() call alone: {res[f'call_speedup_{a}_to_{b}']}" if f"call_speedup_{a}_to_{b}" in res
                     else ""))
    res["load_after"] = os.getloadavg()
    print(f"Turtle identical across runs: {all(r['ttl_identical_to_first'] for r in runs)}; "
          f"load average before/after: {res['load_before']} / {res['load_after']}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = args.json or f"bench_build{'-' + Path(args.code).name if args.code else ''}.json"
    (RESULTS / name).write_text(json.dumps(res, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
