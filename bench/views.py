"""Benchmark: the HTML views of a built graph, written and opened in headless Chromium.

Usage::

    python bench/views.py --graph /work/benchdata/out20/graph.ttl [--out DIR] [--json bench/results/bench_views.json]
    python bench/views.py [--entities 1500] [--articles 100]      # a synthetic graph instead

Loads the Turtle file into an in-memory Oxigraph store (as a build holds
it), times :func:`graph.export.views.write_views` (wall and CPU seconds),
counts the files and bytes written, then opens one page of each kind in
Debian's headless Chromium (``/usr/bin/chromium`` through selenium): the
landing page, the whole-graph page, a class view, the largest union page, the
largest person page and the largest article page. For each it records the
seconds from navigation until the network is drawn and still
(``window.ukgStable``: physics stopped, or never ran, and vis-network's first
``afterDrawing`` done), the page's size and its node count. Load average
(``os.getloadavg``) is recorded with the numbers: the machine is shared.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import RDF, Graph, Literal  # noqa: E402
from rdflib.namespace import DCTERMS, FOAF, ORG, SDO, SKOS  # noqa: E402

from graph.namespace import ID, UKG  # noqa: E402

ROLES = ["主席", "副主席", "常务副主席", "党组书记", "记者", "部长", "委员"]


def synthetic(entities: int, articles: int, seed: int = 1) -> Graph:
    """A union-kg-shaped graph: unions in a hierarchy, persons with posts, programmes, awards, articles."""
    rnd = random.Random(seed)
    g = Graph()
    n_union, n_person, n_prog = entities // 5, entities // 5, entities * 2 // 5
    n_award = entities - n_union - n_person - n_prog
    unions = [ID[f"union/u{i}"] for i in range(n_union)]
    for i, u in enumerate(unions):
        g.add((u, RDF.type, UKG.TradeUnion))
        g.add((u, SKOS.prefLabel, Literal(f"第{i}区总工会", lang="zh")))
        if i:
            g.add((u, ORG.subOrganizationOf, unions[rnd.randrange(i)]))
    people = []
    for i in range(n_person):
        p = ID[f"person/p{i}"]
        people.append(p)
        g.add((p, RDF.type, FOAF.Person))
        g.add((p, SKOS.prefLabel, Literal(f"人物{i}号", lang="zh")))
        m, role = ID[f"membership/{i}"], ID[f"role/r{i % 7}"]
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, p))
        g.add((m, ORG.organization, rnd.choice(unions)))
        g.add((m, ORG.role, role))
        g.add((role, SKOS.prefLabel, Literal(ROLES[i % 7], lang="zh")))
    others = []
    for i in range(n_prog):
        x = ID[f"programme/x{i}"]
        others.append(x)
        g.add((x, RDF.type, UKG.Programme))
        g.add((x, SKOS.prefLabel, Literal(f"“送温暖”活动{i}", lang="zh")))
        g.add((x, UKG.organizedBy, rnd.choice(unions)))
    for i in range(n_award):
        a = ID[f"award/a{i}"]
        others.append(a)
        g.add((a, RDF.type, UKG.Award))
        g.add((a, SKOS.prefLabel, Literal(f"劳动模范称号{i}", lang="zh")))
        g.add((rnd.choice(people), UKG.receivedAward, a))
    every = unions + people + others
    for i in range(articles):
        d = ID[f"article/d{i}"]
        g.add((d, RDF.type, UKG.Article))
        g.add((d, DCTERMS.title, Literal(f"工会新闻第{i}篇", lang="zh")))
        for e in rnd.sample(every, min(len(every), 15)):
            g.add((d, SDO.mentions, e))
    return g


def load(path: Path):
    """The graph of a Turtle file as a build holds it: an rdflib Graph over an in-memory Oxigraph store."""
    import pyoxigraph as ox

    from graph.build import as_graph

    st = ox.Store()
    st.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    return as_graph(st)


def chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--window-size=1400,900",
                 "--host-resolver-rules=MAP * ~NOTFOUND",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='ukg-bench-')}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(300)
    return driver


#: True once the network is still and drawn; older pages (no ukgDrawn flag) count as drawn when stable.
_READY = ("if (window.ukgStable !== true) return null;"
          "if (window.ukgDrawn === false) return null;"
          "return performance.now();")


def open_timed(driver, page: Path, timeout: float, shot: Path | None = None) -> dict:
    """Open ``page``; seconds from navigation start until the network is drawn and still (None after ``timeout``)."""
    driver.get("about:blank")
    driver.get_log("browser")
    start = time.perf_counter()
    driver.get(page.as_uri())
    loaded = time.perf_counter() - start
    ready = None
    while time.perf_counter() - start < timeout:
        ms = driver.execute_script(_READY)
        if ms is not None:
            ready = ms / 1000
            break
        if driver.execute_script("return typeof network === 'undefined'"):  # a page without a network
            ready = driver.execute_script("return performance.now()") / 1000
            break
        time.sleep(0.05)
    nodes = driver.execute_script("return typeof network === 'undefined' ? null : network.body.data.nodes.length")
    physics = driver.execute_script("return typeof network === 'undefined' ? null : network.physics.options.enabled")
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    if shot is not None:
        driver.save_screenshot(str(shot))
    return {"ready_s": None if ready is None else round(ready, 2), "load_event_s": round(loaded, 2),
            "nodes_drawn": nodes, "physics_after": physics, "js_errors": errors[:5]}


def pick_pages(out: Path) -> dict[str, Path]:
    """One page of each kind: the largest (in bytes) of the union, person and article pages."""
    picked = {"index": out / "index.html", "graph": out / "views" / "graph.html",
              "class_unions": out / "views" / "unions.html"}
    for kind in ("union", "person", "article"):
        files = sorted((out / kind).glob("*.html"), key=lambda p: (-p.stat().st_size, p.name))
        if files:
            picked[kind] = files[0]
    return {k: p for k, p in picked.items() if p.is_file()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, help="a built graph.ttl (default: a synthetic graph)")
    ap.add_argument("--entities", type=int, default=1500)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--out", type=Path, help="output folder (default: a temporary folder, removed)")
    ap.add_argument("--json", type=Path, default=Path("bench/results/bench_views.json"))
    ap.add_argument("--label", default="", help="a name for this run in the JSON (e.g. before/after)")
    ap.add_argument("--timeout", type=float, default=180, help="seconds to wait for one page in Chromium")
    ap.add_argument("--shots", type=Path, help="save a screenshot of each page here")
    args = ap.parse_args()
    from graph.export.views import write_views

    result: dict = {"label": args.label, "loadavg_start": [round(x, 2) for x in os.getloadavg()]}
    t = time.perf_counter()
    if args.graph:
        g = load(args.graph)
        result["graph"] = str(args.graph)
    else:
        g = synthetic(args.entities, args.articles)
        result["graph"] = f"synthetic {args.entities} entities, {args.articles} articles"
    result["triples"] = len(g)
    result["load_s"] = round(time.perf_counter() - t, 1)
    tmp = None if args.out else tempfile.TemporaryDirectory(prefix="ukg-bench-views-")
    out = args.out or Path(tmp.name)
    t, c = time.perf_counter(), time.process_time()
    write_views(g, out)
    result["write_s"] = round(time.perf_counter() - t, 1)
    result["write_cpu_s"] = round(time.process_time() - c, 1)
    result["loadavg_after_write"] = [round(x, 2) for x in os.getloadavg()]
    files = [p for p in out.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    result["files"] = len(files)
    result["html_pages"] = len(html)
    result["total_mb"] = round(sum(p.stat().st_size for p in files) / 1e6, 1)
    result["pages_per_folder"] = {d.name: len(list(d.glob("*.html"))) for d in sorted(out.iterdir()) if d.is_dir()}
    print(json.dumps(result, ensure_ascii=False), flush=True)
    pages = {}
    driver = chromium()
    try:
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
        for kind, page in pick_pages(out).items():
            shot = args.shots / f"{args.label or 'run'}-{kind}.png" if args.shots else None
            r = open_timed(driver, page, args.timeout, shot)
            r.update(page=str(page.relative_to(out)), size_kb=round(page.stat().st_size / 1e3, 1))
            pages[kind] = r
            print(kind, json.dumps(r, ensure_ascii=False), flush=True)
    finally:
        driver.quit()
    result["pages"] = pages
    result["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    runs = json.loads(args.json.read_text()) if args.json.is_file() else {}
    runs[args.label or "run"] = result
    args.json.write_text(json.dumps(runs, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {args.json}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
