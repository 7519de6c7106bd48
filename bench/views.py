"""Benchmark: HTML views of a large synthetic graph, written and opened in headless Chromium.

Usage::

    python bench/views.py [--entities 1500] [--articles 100] [--physics]

Prints the time to turn the graph into pages (networkx, layout, pyvis) and the
time until the whole-graph page (all nodes, no cap) is drawn and still in
Chromium. With ``--physics`` it also times the same page with physics on
(what pyvis does by default; pyvis issue #204), up to 120 s.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import RDF, Graph, Literal  # noqa: E402
from rdflib.namespace import DCTERMS, FOAF, ORG, SDO, SKOS  # noqa: E402

from graph.export.html import copy_assets, write_page  # noqa: E402
from graph.export.views import plan_views, to_networkx, write_views  # noqa: E402
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


def open_in_chromium(page: Path, timeout: float) -> float | None:
    """Seconds until ``window.ukgStable`` (physics stopped or never ran), None after ``timeout``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--window-size=1400,900",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='ukg-bench-')}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        driver.set_script_timeout(timeout + 5)
        start = time.perf_counter()
        driver.get(page.as_uri())
        while time.perf_counter() - start < timeout:
            if driver.execute_script("return window.ukgStable === true"):
                return time.perf_counter() - start
            time.sleep(0.1)
        return None
    finally:
        driver.quit()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=1500)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--physics", action="store_true", help="also time the page with physics on (slow)")
    args = ap.parse_args()
    g = synthetic(args.entities, args.articles)
    with tempfile.TemporaryDirectory(prefix="ukg-bench-views-") as tmp:
        out = Path(tmp)
        t = time.perf_counter()
        write_views(g, out)
        pages = len(list(out.rglob("*.html")))
        print(f"write_views: {pages} pages for {args.entities} entities + {args.articles} articles "
              f"in {time.perf_counter() - t:.1f} s")
        G = to_networkx(g)
        full = plan_views(G, max_nodes=G.number_of_nodes())[0]
        copy_assets(out / "big" / "lib")
        t = time.perf_counter()
        page = write_page(full, out / "big")
        print(f"whole graph uncapped: {full.nodes} nodes, {full.edges} edges, page written in "
              f"{time.perf_counter() - t:.1f} s ({page.stat().st_size / 1e6:.1f} MB)")
        print(f"  Chromium, precomputed layout: drawn in {open_in_chromium(page, 120):.1f} s")
        capped = write_page(plan_views(G)[0], out / "big")
        print(f"  Chromium, capped at 300 nodes: drawn in {open_in_chromium(capped, 120):.1f} s")
        if args.physics:
            from graph.export import html

            html.LAYOUT_ABOVE = 10**9
            page = write_page(full, out / "big")
            took = open_in_chromium(page, 120)
            print("  Chromium, physics on: " + (f"stabilised in {took:.1f} s" if took else "not stable after 120 s"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
