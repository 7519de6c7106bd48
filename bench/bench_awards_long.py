"""Time the award and programme resolvers on one long article (issue 15).

    python bench/bench_awards_long.py [K ...]     (default K = 5 10 20)

The five seeds are concatenated K times into one text, annotated once, and
:func:`graph.resolve.resolve_awards` and :func:`graph.resolve.resolve_programmes`
are timed on it.  Their lookups are windowed (bisect over positions), so the
seconds per thousand characters stay flat as K grows; before, resolve_awards
scanned every mention per award and the seeds ×20 took minutes.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.pipeline import annotate  # noqa: E402
from graph.resolve import resolve_awards, resolve_programmes, resolve_unions  # noqa: E402
from graph.text.read import read_text  # noqa: E402


def main(ks: list[int]) -> None:
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)
    print(f"{'K':>4} {'chars':>9} {'awards':>7} {'annotate s':>11} {'awards s':>9} {'programmes s':>13} "
          f"{'ms/1k chars (awards+programmes)':>32}")
    for k in ks:
        article = read_text("\n\n".join([one] * k), f"seeds-x{k}")
        t = time.perf_counter()
        annotate(article)
        t_ann = time.perf_counter() - t
        resolve_unions(article)
        t = time.perf_counter()
        resolve_awards(article)
        t_aw = time.perf_counter() - t
        t = time.perf_counter()
        resolve_programmes(article)
        t_pr = time.perf_counter() - t
        n = len(article.text)
        print(f"{k:>4} {n:>9} {len(article.of_kind('award')):>7} {t_ann:>11.2f} {t_aw:>9.3f} {t_pr:>13.3f} "
              f"{1000 * (t_aw + t_pr) / (n / 1000):>32.3f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [5, 10, 20])
