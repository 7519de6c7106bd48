"""The HTML views in a real browser: headless Chromium from Debian, driven by selenium.

Each kind of page (landing, whole graph, a class view, an article view, an
ego view) is opened from disk; the vis network must hold the nodes and
edges the Python side put on that page, no request may leave the machine
(DevTools performance log: every ``Network.requestWillBeSent`` is file: or
data:, and host resolution is blocked besides), and no console error may be
logged. Screenshots go to the tmp dir; set ``UKG_SCREENSHOT=docs/screenshot.png``
to also refresh the README's screenshot
(whole-graph page, 256 colours).
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from graph.export.html import display_label
from graph.export.views import plan_views, to_networkx

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists() or not DRIVER.exists(),
                                reason="Debian chromium/chromium-driver not installed (/usr/bin/chromium)")


@pytest.fixture(scope="module")
def site(seed_site):
    g, report, out = seed_site
    return out, report, {v.path: v for v in plan_views(to_networkx(g))}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-extensions", "--window-size=1400,900", "--host-resolver-rules=MAP * ~NOTFOUND",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def open_page(driver, path: Path, shots: Path) -> dict:
    """Load ``path``, wait for the network to settle; return what the page shows and the logs."""
    driver.get_log("performance")  # drop entries of earlier pages
    driver.get_log("browser")
    driver.get(path.as_uri())
    state = None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        state = driver.execute_script(
            "if (typeof network === 'undefined' || !network) return null;"
            "return {nodes: network.body.data.nodes.length, edges: network.body.data.edges.length,"
            " stable: window.ukgStable === true && window.ukgDrawn === true, physics: network.physics.options.enabled,"
            " labels: network.body.data.nodes.get().map(n => n.label)};")
        if state is None or state["stable"]:
            break
        time.sleep(0.2)
    time.sleep(0.3)
    requests = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    # (url, document that asked): chrome:// documents are the browser's own pages, not ours
    urls = [(m["params"]["request"]["url"], m["params"].get("documentURL", "")) for m in requests
            if m["method"] == "Network.requestWillBeSent"]
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    shot = shots / (path.stem + ".png")
    driver.save_screenshot(str(shot))
    return {"state": state, "urls": urls, "errors": errors, "shot": shot}


def assert_offline(result: dict) -> None:
    ours = [u for u, doc in result["urls"] if not doc.startswith("chrome:")]
    assert ours, "the performance log recorded no request of the page at all"
    outside = [u for u in ours if not u.startswith(("file:", "data:"))]
    assert not outside, outside
    assert not result["errors"], result["errors"]


def kinds(views: dict) -> dict:
    """One page of each kind: whole graph, a class view, an article, a union and a person ego view."""
    picked = {"graph": "views/graph.html", "class": "views/unions.html"}
    for kind in ("article", "union", "person"):
        # the largest page of its kind, so that the check is not about a one-node page
        picked[kind] = max((v for v in views.values() if v.kind == kind), key=lambda v: (v.nodes, v.path)).path
    return picked


def test_landing_page(site, browser, tmp_path):
    out, report, views = site
    assert report.outputs[-1] == out / "index.html"
    result = open_page(browser, out / "index.html", tmp_path)
    assert_offline(result)
    hrefs = browser.execute_script("return Array.from(document.querySelectorAll('a')).map(a => a.href);")
    assert {(out / p).as_uri() for p in views} <= set(hrefs)
    shown = browser.execute_script(
        "return Object.fromEntries(Array.from(document.querySelectorAll('td[id^=count-]'))"
        ".map(td => [td.id.slice(6), Number(td.textContent)]));")
    assert shown == {**{k: report.counts[k] for k in report.counts}, "articles": report.articles}


@pytest.mark.parametrize("kind", ["graph", "class", "article", "union", "person"])
def test_view_in_browser(site, browser, tmp_path, kind):
    out, _, views = site
    view = views[kinds(views)[kind]]
    result = open_page(browser, out / view.path, tmp_path)
    state = result["state"]
    assert state is not None, "no vis network on the page"
    assert (state["nodes"], state["edges"]) == (view.nodes, view.edges)
    assert state["stable"] and state["physics"] is False  # physics stopped after stabilising (or never ran)
    overview = view.kind in ("graph", "class")  # article titles are cut short there
    assert sorted(state["labels"]) == sorted(display_label(d, overview) for _, d in view.G.nodes(data=True))
    assert_offline(result)
    assert browser.find_element("id", "counts").text.startswith(f"{view.nodes} 个节点")
    # the select menu (tom-select) is live and lists every node by its label
    options = browser.execute_script(
        "var ts = document.getElementById('select-node').tomselect;"
        "return ts ? Object.values(ts.options).map(o => o.text) : null;")
    assert options is not None
    assert sorted(o for o in options if o != "查找节点…") == sorted(d["label"] for _, d in view.G.nodes(data=True))
    if kind == "graph":
        target = os.environ.get("UKG_SCREENSHOT")
        if target:  # the README's picture, kept small: 256-colour PNG
            from PIL import Image

            Image.open(result["shot"]).convert("RGB").quantize(colors=256).save(ROOT / target, optimize=True)


def test_capped_whole_graph_in_browser(site, browser, tmp_path):
    """A whole-graph page cut to 150 nodes: fixed positions, no physics, grey clusters for the rest, and a note."""
    from graph.export.html import LAYOUT_ABOVE, copy_assets, write_page

    out, _, views = site
    G = views["views/graph.html"].G
    capped = plan_views(G, max_nodes=150)[0]
    clusters = [n for n, k in capped.G.nodes(data="kind") if k == "cluster"]
    assert capped.nodes - len(clusters) == 150 > LAYOUT_ABOVE and clusters
    copy_assets(tmp_path / "lib")
    page = write_page(capped, tmp_path)
    result = open_page(browser, page, tmp_path)
    assert (result["state"]["nodes"], result["state"]["edges"]) == (capped.nodes, capped.edges) != (G.number_of_nodes(),
                                                                                                  G.number_of_edges())
    assert result["state"]["stable"] and result["state"]["physics"] is False
    fixed = browser.execute_script("return network.body.data.nodes.get().every(n => n.physics === false"
                                   " && typeof n.x === 'number' && typeof n.y === 'number');")
    assert fixed
    note = browser.find_element("class name", "note").text
    assert f"共 {G.number_of_nodes()} 个节点" in note and f"其余 {G.number_of_nodes() - 150} 个" in note
    shown = browser.execute_script("return network.body.data.nodes.get().filter(n => n.id.startsWith('cluster:'))"
                                   ".map(n => n.label);")
    assert sorted(shown) == sorted(capped.G.nodes[n]["label"] for n in clusters)
    assert_offline(result)


# ---------------------------------------------------------------- entity and article pages
@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The small graph of test_views_pages (evidence with offsets, intervals, periods) written as a site."""
    from test_views_pages import TEXT, tiny_graph

    from graph.export.views import write_views

    g, iris = tiny_graph()
    out = tmp_path_factory.mktemp("tiny-site")
    write_views(g, out, texts={str(iris["doc"]): TEXT})
    return out, iris


def follow_first_quote(driver, page: Path, shots: Path) -> dict:
    """Open an entity page, click its first quote link that names offsets, and wait for the highlight."""
    from selenium.webdriver.common.by import By

    result = open_page(driver, page, shots)
    assert_offline(result)
    link = driver.find_element(By.CSS_SELECTOR, 'main.facts a.src[href*="#q-"]')
    quote = driver.execute_script("return arguments[0].previousElementSibling.textContent;", link)
    href = link.get_attribute("href")
    driver.get_log("performance")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
    link.click()
    mark = None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and mark is None:
        mark = driver.execute_script(
            "var m = document.querySelector('mark.quote'); if (!m) return null;"
            "var r = m.getBoundingClientRect();"
            "return {id: m.id, text: m.textContent, top: r.top, bottom: r.bottom, height: window.innerHeight,"
            " url: window.location.href};")
        time.sleep(0.1)
    requests = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    urls = [(m["params"]["request"]["url"], m["params"].get("documentURL", "")) for m in requests
            if m["method"] == "Network.requestWillBeSent"]
    driver.save_screenshot(str(shots / "highlight.png"))
    return {"quote": quote, "href": href, "mark": mark, "urls": urls, "errors": []}


def check_highlight(followed: dict) -> None:
    mark, href = followed["mark"], followed["href"]
    assert mark is not None, f"no <mark> on {href}"
    assert mark["url"] == href and href.endswith("#" + mark["id"])
    assert mark["text"] == followed["quote"]  # the sentence shown on the entity page, highlighted on its article
    assert 0 <= mark["top"] < mark["bottom"] <= mark["height"]  # scrolled into view
    assert_offline(followed)


def test_quote_link_highlights_the_sentence(tiny, browser, tmp_path):
    from graph.export.views import file_name

    out, iris = tiny
    page = out / "union" / file_name(str(iris["union"]), "union")
    check_highlight(follow_first_quote(browser, page, tmp_path))


def test_quote_link_highlights_the_sentence_on_the_seeds(site, browser, tmp_path):
    out, _, views = site
    pages = sorted(p for p in (out / "union").glob("*.html") if '#q-' in p.read_text(encoding="utf-8"))
    if not pages:
        pytest.skip("this seed build has no evidence with offsets")
    check_highlight(follow_first_quote(browser, pages[0], tmp_path))


def test_union_page_chart_and_graph(site, browser, tmp_path):
    from graph.export.views import file_name
    from graph.store.rdf import entity_iri

    out, _, views = site
    path = f"union/{file_name(str(entity_iri('union', '顺义区总工会')), 'union')}"
    result = open_page(browser, out / path, tmp_path)
    assert_offline(result)
    assert (result["state"]["nodes"], result["state"]["edges"]) == (views[path].nodes, views[path].edges)
    chart = browser.execute_script(
        "var svgs = document.querySelectorAll('#chart svg.chart');"
        "return {charts: svgs.length, marks: document.querySelectorAll('#chart svg.chart .mark').length,"
        " width: svgs.length ? svgs[0].getBoundingClientRect().width : 0};")
    assert chart["charts"] >= 1 and chart["marks"] >= 1 and chart["width"] > 300
    rows = browser.execute_script("return document.querySelectorAll('#figures tbody tr').length;")
    assert rows > 0


def test_overview_labels_hubs_until_zoomed_in(site, browser, tmp_path):
    """At the default zoom the best-connected nodes carry readable labels and the leaves none; zoomed in, all do.

    vis-network skips a label whose size on screen is below its drawThreshold less one pixel.
    """
    out, _, views = site
    open_page(browser, out / "views/graph.html", tmp_path)
    sizes = browser.execute_script(
        "var s = network.getScale(), out = [];"
        "network.body.nodeIndices.forEach(function (id) { var n = network.body.nodes[id];"
        "  out.push([n.labelModule.fontOptions.size, n.labelModule.elementOptions.scaling.label.drawThreshold]); });"
        "return {scale: s, nodes: out};")
    scale, nodes = sizes["scale"], sorted(sizes["nodes"], reverse=True)
    least = nodes[0][1] - 1
    shown = [font for font, _ in nodes if font * scale >= least]
    assert 5 <= len(shown) < len(nodes) / 2  # some hubs are named, most leaves wait for the zoom
    assert all(font * scale >= least for font, _ in nodes[:3]) and nodes[-1][0] * scale < least
    assert nodes[-1][0] >= least  # at 100 % every label is drawn
