"""CPU of what a build's worker does per article: extraction, the RDF shard and the shard's check.

A worker's time is what every build (one process, a pool, a Dask cluster)
spends per article (:func:`graph.build.article_task`).  This bench runs the
same steps on the first ``--articles`` files of a corpus in this process,
after loading jieba and the NER model and one other article, and measures
each in CPU seconds (``time.process_time``: what other processes do on a
shared machine moves it less than the wall clock).  The first pass is the
one to compare (later passes find the memoised names, labels and
segmentations of the articles they already saw); ``--passes`` gives more.

Run from the repository root::

    python bench/bench_worker.py                                   # 150 articles of the 20 MB bench corpus
    python bench/bench_worker.py --corpus seeds --articles 5 --passes 3

Results are printed and written to ``bench/results/bench_worker.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"


def run(files: list[Path]) -> dict[str, float]:
    """CPU seconds of extraction, shard and check over ``files``, each article in turn."""
    from graph.build import _checked
    from graph.pipeline import extract_file
    from graph.store.rdf import article_shard
    from graph.text.when import apply_date

    cpu = time.process_time
    out = {"extract": 0.0, "shard": 0.0, "check": 0.0}
    for f in files:
        c = cpu()
        facts = extract_file(str(f))
        facts.doc_id, facts.source = f.stem, str(f)
        apply_date(facts, str(f), None)
        c1 = cpu()
        shard = article_shard(facts)
        c2 = cpu()
        _checked(shard)
        c3 = cpu()
        out["extract"] += c1 - c
        out["shard"] += c2 - c1
        out["check"] += c3 - c2
    out["total"] = sum(out.values())
    return {k: round(v, 3) for k, v in out.items()}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", default="/work/benchdata/corpus20", help="folder of .txt articles")
    ap.add_argument("--articles", type=int, default=150, help="how many of its files, in name order")
    ap.add_argument("--passes", type=int, default=1, help="passes over the same articles")
    args = ap.parse_args(argv)
    from graph.build import _warm_up
    from graph.pipeline import extract_file

    files = sorted(Path(args.corpus).glob("*.txt"))
    if len(files) <= args.articles:
        ap.error(f"{args.corpus} has {len(files)} articles: one more than --articles is needed (the warm-up)")
    _warm_up()
    extract_file(str(files[args.articles]))  # lexicons, patterns and the model loaded on an article not measured
    passes = [run(files[:args.articles]) for _ in range(args.passes)]
    result = {"corpus": args.corpus, "articles": args.articles, "cpu_s": passes,
              "load_average": round(os.getloadavg()[0], 2)}
    print(json.dumps(result, indent=1))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench_worker.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
