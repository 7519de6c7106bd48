"""Interactive HTML pages (pyvis), self-contained and offline.

pyvis 0.3.2 links Bootstrap, and in its ``local``/``remote`` modes also
vis-network and tom-select, from CDNs (pyvis issues #228, #229). Each page
is post-processed: every tag that would load a resource from the network is
removed, and the page loads vis-network and tom-select from ``lib/`` beside
the pages, copied from the installed pyvis package at build time (a file
copy, nothing is downloaded). A small stylesheet replaces Bootstrap.

Every page the views write has its positions computed in Python and no
physics, so the browser draws it at once: overviews in groups
(:func:`grouped_layout`), union, person and article pages in rings around
their centre (:func:`ego_layout`, linear time). A page without a centre
(:func:`write_view` aside) settles with physics, which then stops
(``physics: false`` on ``stabilizationIterationsDone``), up to
:data:`LAYOUT_ABOVE` nodes, and gets a networkx spring layout above that:
pyvis takes minutes to settle 1,500 nodes with physics on (pyvis issue #204).
"""
from __future__ import annotations

import functools
import html as htmlmod
import json
import math
import re
import shutil
from pathlib import Path

import networkx as nx

from .page import CLASSES, CLUSTER, View

#: Pages with more nodes than this get a precomputed layout and no physics.
LAYOUT_ABOVE = 100
#: Files copied from the pyvis package into ``lib/`` (source relative to pyvis/lib, target name).
ASSETS = {"vis-9.1.2/vis-network.min.js": "vis-network.min.js", "vis-9.1.2/vis-network.css": "vis-network.css",
          "tom-select/tom-select.complete.min.js": "tom-select.complete.min.js",
          "tom-select/tom-select.css": "tom-select.css"}
_EXTERNAL = re.compile(r'<(?:link|script)\b[^>]*\b(?:href|src)="(?:https?:)?//[^"]*"[^>]*>(?:\s*</script>)?', re.S)
#: pyvis's menu texts in Chinese (displayed text only; option values stay).
UI_TEXT = {">Select a Node by ID<": ">查找节点…<", ">Reset Selection<": ">取消选择<", ">Filter<": ">筛选<",
           ">Select a network item<": ">筛选节点或边…<", ">Select a property...<": ">选择属性…<",
           ">Select value(s)...<": ">选择取值…<",
           'placeholder="Select node..."': 'placeholder="查找节点…"', ">edge<": ">边<", ">node<": ">节点<"}
VIS_CSS_HEADER = ("/* vis-network 9.1.2 (https://visjs.github.io/vis-network/), (c) 2011-2017 Almende B.V., "
                  "(c) 2017-2019 visjs contributors; dual licensed Apache-2.0 and MIT. Copied from pyvis. */\n")
LICENSES = """\
Third-party files in this folder, copied at build time from the installed pyvis 0.3.2 package (pyvis/lib):
  vis-network.min.js, vis-network.css   vis-network 9.1.2, dual licensed Apache-2.0 and MIT (see the file headers)
  tom-select.complete.min.js, tom-select.css   Tom Select 2.0.0-rc.4, Apache-2.0 (see the file headers)
union-kg.css is union-kg's own stylesheet (MIT).
"""
_OPTION = re.compile(r'<option value="([^"]*)">([^<]*)</option>')
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"<center>\s*<h1>.*?</h1>\s*</center>", re.S)

#: Replaces the Bootstrap classes pyvis's template uses, plus the page header and landing page.
CSS = """\
html, body { overflow-x: hidden; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif; color: #222; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; background: #fafafa; }
header h1 { font-size: 20px; margin: 4px 0; }
header p { margin: 3px 0; font-size: 13px; }
header .note { color: #555; }
header details { font-size: 13px; max-height: 8em; overflow: auto; }
header details a { margin-right: 0.8em; }
.key { font-size: 16px; }
/* the page fills the window: header, then both menus on one line, then the network */
body.view { display: flex; flex-direction: column; height: 100vh; }
body.view header { flex: none; }
.card { flex: 1; min-height: 0; display: grid; grid-template-columns: 2fr 3fr; grid-template-rows: auto 1fr; }
.card-header { padding: 4px 8px; background: #f3f3f3; border-bottom: 1px solid #ddd; }
.row { display: flex; gap: 6px; align-items: center; }
.col-10 { flex: 10; } .col-1 { flex: 1; } .col-2 { flex: 2; } .col-3 { flex: 3; } .pb-2 { padding-bottom: 2px; }
.form-select { width: 100%; }
.btn { padding: 4px 10px; border: 1px solid #1f77b4; background: #1f77b4; color: #fff; border-radius: 3px;
       cursor: pointer; width: 100%; }
.btn-secondary { background: #777; border-color: #777; }
.card-body { padding: 0; }
#mynetwork { float: none !important; box-sizing: border-box; grid-column: 1 / -1; height: 100% !important;
             min-height: 300px; }
.vis-tooltip { white-space: pre-line !important; max-width: 520px; font-family: inherit !important;
               font-size: 13px !important; }
body.landing main { padding: 0 16px; }
body.landing footer { padding: 8px 16px; color: #666; font-size: 12px; }
table.counts { border-collapse: collapse; margin: 10px 0; }
table.counts th, table.counts td { border: 1px solid #ccc; padding: 3px 12px; text-align: center; }
section ul { columns: 3 18em; font-size: 14px; }
section small { color: #777; }
/* entity and article pages: facts on the left (the page scrolls), the ego graph on the right */
body.entity { display: grid; grid-template-columns: minmax(0, 1fr) minmax(360px, 40%); height: auto;
              min-height: 100vh; align-items: start; overflow: visible; }  /* visible: sticky needs it */
body.entity header { grid-column: 1 / -1; }
body.entity main.facts { grid-column: 1; grid-row: 2; padding: 4px 16px 24px; min-width: 0; }
body.entity .card { grid-column: 2; grid-row: 2; position: sticky; top: 0; height: 100vh;
                    grid-template-columns: 1fr; border-left: 1px solid #ddd; }
body.entity #filter-menu { display: none; }
@media (max-width: 900px) {
  body.entity { display: block; }
  body.entity .card { position: static; height: 70vh; border-left: none; }
}
main.facts h2 { font-size: 17px; margin: 18px 0 6px; border-bottom: 1px solid #eee; }
main.facts p.empty, main.facts .plain-note { color: #777; font-size: 13px; margin: 4px 0; }
main.facts p.more, body.landing p.note { color: #555; font-size: 13px; margin: 4px 0; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 14px;
             margin: 8px 0; }
dl.summary dt { color: #666; } dl.summary dd { margin: 0; }
table.facts { border-collapse: collapse; width: 100%; font-size: 13px; }
table.facts th { text-align: left; background: #f3f3f3; font-weight: normal; color: #444; }
table.facts th, table.facts td { border: 1px solid #e2e2e2; padding: 3px 6px; vertical-align: top; }
table.facts td:last-child { width: 55%; }
table.facts q { color: #333; }
table.facts q::before { content: "“"; } table.facts q::after { content: "”"; }
a.src { font-size: 12px; white-space: nowrap; }
figure.chart { margin: 6px 0 12px; }
figure.chart svg { width: 100%; max-width: 930px; height: auto; }
figure.chart figcaption { font-size: 12px; color: #666; }
svg.chart .mark:hover { opacity: 0.6; }
.article-text { white-space: pre-wrap; line-height: 1.8; font-size: 15px; max-width: 48em; }
.article-text .gap { color: #aaa; margin: 0 0.3em; }
mark.quote { background: #ffe066; padding: 1px 0; scroll-margin: 40vh; }
"""


def offline(html: str) -> str:
    """Remove every ``<link>``/``<script>`` tag that would load a resource from the network."""
    return _EXTERNAL.sub("", html)


def copy_assets(lib_dir: str | Path) -> Path:
    """Copy vis-network and tom-select (with their licence headers) from pyvis into ``lib_dir``; write the CSS.

    Returns
    -------
    Path
        ``lib_dir``.

    Raises
    ------
    FileNotFoundError
        When the installed pyvis does not ship these files (pyvis 0.3.2 does).
    """
    import pyvis

    src = Path(pyvis.__file__).parent / "lib"
    lib = Path(lib_dir)
    lib.mkdir(parents=True, exist_ok=True)
    for rel, name in ASSETS.items():
        if not (src / rel).is_file():
            raise FileNotFoundError(f"pyvis does not ship {rel}; pyvis==0.3.2 is required")
        if name == "vis-network.css":  # the only file shipped without its licence header
            (lib / name).write_text(VIS_CSS_HEADER + (src / rel).read_text(encoding="utf-8"), encoding="utf-8")
        else:
            shutil.copyfile(src / rel, lib / name)
    (lib / "LICENSES.txt").write_text(LICENSES, encoding="utf-8")
    (lib / "union-kg.css").write_text(CSS, encoding="utf-8")
    return lib


def canonical(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` with nodes and edges in sorted order.

    Subgraphs built from sets iterate in an order that changes from one
    process to the next (string hashes are salted), and the layout, the
    node list and the select menu of a page follow that order: sorting
    makes a page byte-identical across runs and across serial and parallel builds.
    """
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from(sorted(G.nodes(data=True), key=lambda nd: str(nd[0])))
    H.add_edges_from(sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("label", "")),
                                                               repr(sorted(e[2].items())))))
    return H


def layout(G: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Spring layout (networkx, fixed seed) scaled to screen pixels: about 60 px per node on a side."""
    scale = 60 * math.sqrt(max(G.number_of_nodes(), 1))
    pos = nx.spring_layout(nx.Graph(G.to_undirected()), seed=seed, scale=scale, iterations=60, method="force")
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def ego_layout(G: nx.MultiDiGraph, centre: str) -> dict[str, tuple[float, float]]:
    """Rings around ``centre``: its neighbours on the first circle, the nodes two steps away on the second, ...

    Computed in linear time (a spring layout of a dense neighbourhood takes
    long and draws a hairball); on each circle the nodes sit beside the
    neighbour that brought them in, so that edges between rings stay short.
    Nodes not connected to the centre on this page go on the outermost circle.

    Returns
    -------
    dict
        Node id → (x, y) in pixels.
    """
    U = nx.Graph()  # the links only: G.to_undirected() deep-copies every tooltip (a third of writing the views)
    U.add_nodes_from(G)
    U.add_edges_from((u, v) for u, v in G.edges())
    dist = nx.single_source_shortest_path_length(U, centre) if centre in U else {}
    outer = max(dist.values(), default=0) + 1
    rings: dict[int, list[str]] = {}
    for n in sorted(U, key=str):
        rings.setdefault(dist.get(n, outer), []).append(n)
    pos: dict[str, tuple[float, float]] = {}
    angle: dict[str, float] = {}
    radius = 0.0
    for d in sorted(rings):
        nodes = rings[d]
        if d == 0:
            for n in nodes:
                pos[n], angle[n] = (0.0, 0.0), 0.0
            continue

        def parent_angle(n: str) -> tuple:
            inner = [angle[m] for m in U[n] if m in angle and dist.get(m, outer) < dist.get(n, outer)]
            return (min(inner) if inner else 10.0, G.nodes[n].get("kind", ""), G.nodes[n].get("label", ""), n)
        nodes = sorted(nodes, key=parent_angle)
        radius = max(radius + 220.0, len(nodes) * 34.0 / (2 * math.pi))
        for k, n in enumerate(nodes):
            a = 2 * math.pi * k / len(nodes)
            angle[n] = a
            pos[n] = (radius * math.cos(a), radius * math.sin(a))
    return pos


def groups(G: nx.MultiDiGraph, seed: int = 7) -> list[list[str]]:
    """The node groups of an overview page: communities of the entity graph, then the unconnected nodes.

    Louvain communities (networkx, fixed seed) of the undirected graph: on
    the whole graph they gather each article with what only it mentions and
    each union with its posts and programmes; on a class view each organiser
    with its programmes (or each union with its children). Nodes without any
    edge form the last group. Groups are sorted by size, largest first.
    """
    U = nx.Graph(G.to_undirected())
    lone = sorted(n for n in U if U.degree(n) == 0)
    U.remove_nodes_from(lone)
    comms = nx.community.louvain_communities(U, seed=seed) if U.number_of_nodes() else []
    out = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
    return out + ([lone] if lone else [])


#: Pixels per node in a group's disc, and the gap between discs.
_SPACING, _GAP = 46.0, 60.0
#: vis-network draws no label smaller than this less one on screen (pixels); see :func:`label_fonts`.
DRAW_THRESHOLD = 9
#: The canvas an overview page opens in (screen pixels): a 1400 × 900 browser window less the page's header
#: (measured in headless Chromium: 1398 × 587). Windows from about 0.7 to 1.6 times as large keep the same labels.
VIEW_PX = (1400.0, 590.0)
#: Label sizes on screen at the zoom that fits the page (pixels): hubs start well above the cutoff and grow with
#: degree to ``hub_max`` (``article`` for article titles, long hubs); the others sit well below it. The margin on
#: both sides is what keeps the choice stable when a window, or the graph by one node, differs.
LABEL_SCREEN = {"hub": 1.5 * (DRAW_THRESHOLD - 1), "hub_max": 20.0, "article": 14.0,
                "other": 0.6 * (DRAW_THRESHOLD - 1)}
#: Share of an overview's nodes that are hubs (labelled at the fitting zoom), and its bounds in nodes.
HUB_SHARE, HUB_MIN, HUB_MAX = 0.15, 5, 60


def fit_zoom(pos: dict[str, tuple[float, float]], view: tuple[float, float] = VIEW_PX, pad: float = 40.0) -> float:
    """The zoom vis-network's ``fit()`` picks for nodes at ``pos`` in a canvas of ``view`` pixels.

    vis-network (``View.fit``) takes the smaller of width and height over
    1.1 times the nodes' extent, and never zooms in past 1 on opening;
    ``pad`` (canvas pixels) stands for the dots and labels at the edges.

    Examples
    --------
    >>> round(fit_zoom({"a": (0, 0), "b": (1160, 1160)}), 3)
    0.445
    >>> fit_zoom({"a": (0, 0)})
    1.0
    """
    if not pos:
        return 1.0
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    zoom = min(view[0] / (1.1 * (max(xs) - min(xs) + pad)), view[1] / (1.1 * (max(ys) - min(ys) + pad)))
    return min(zoom, 1.0)


def hubs(G: nx.MultiDiGraph) -> set[str]:
    """The nodes an overview labels at the zoom that fits it: the best connected.

    About :data:`HUB_SHARE` of the nodes (between :data:`HUB_MIN` and
    :data:`HUB_MAX`), taken by degree; a degree shared by more nodes than
    that is left out whole rather than cut in graph order, and a node with
    fewer than 2 links is never a hub.

    Returns
    -------
    set of str
        Node ids.
    """
    degree = dict(G.degree())
    if not degree:
        return set()
    k = min(max(round(HUB_SHARE * len(degree)), HUB_MIN), HUB_MAX, len(degree))
    cut = sorted(degree.values(), reverse=True)[k - 1]
    if sum(d >= cut for d in degree.values()) > 2 * k:
        cut += 1  # the tie at the cut would double the hubs: name only the nodes above it
    return {n for n, d in degree.items() if d >= max(cut, 2)}


def label_fonts(G: nx.MultiDiGraph, pos: dict[str, tuple[float, float]],
                view: tuple[float, float] = VIEW_PX) -> dict[str, float]:
    """Label sizes (canvas pixels) of an overview's nodes, chosen against the zoom that fits the page.

    At the fitting zoom (:func:`fit_zoom`) the :func:`hubs` get labels of
    :data:`LABEL_SCREEN` ``hub`` to ``hub_max`` screen pixels, growing with
    the square root of their degree, and the others ``other`` pixels, below
    vis-network's draw cutoff (``DRAW_THRESHOLD - 1``): they appear as the
    user zooms in, and every label is drawn at 100 % (no size below
    :data:`DRAW_THRESHOLD`). The page's ``maxVisible`` keeps big labels from
    growing past 24 screen pixels when zoomed in.

    Returns
    -------
    dict
        Node id → font size in canvas pixels.
    """
    zoom = fit_zoom(pos, view)
    named = hubs(G)
    low = min((G.degree(n) for n in named), default=1)
    fonts = {}
    for n, d in G.nodes(data=True):
        if n in named:
            top = LABEL_SCREEN["article"] if d.get("kind") == "article" else LABEL_SCREEN["hub_max"]
            screen = min(LABEL_SCREEN["hub"] * math.sqrt(G.degree(n) / low), top)
        else:
            screen = LABEL_SCREEN["other"]
        fonts[n] = max(screen / zoom, float(DRAW_THRESHOLD))
    return fonts

#: Width over height of the group arrangement (a browser window below the page header).
_ASPECT = 2.0


def grouped_layout(G: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in screen pixels with each group of :func:`groups` in its own disc.

    Each group is laid out by a spring layout in a disc whose area grows with
    its size; the discs are packed in rows, largest first, so that the whole
    is about :data:`_ASPECT` times as wide as tall (a browser window) and the
    default zoom that fits it stays large enough to read the hubs' labels;
    the unconnected nodes go on a grid below. Deterministic for a given ``seed``.

    Returns
    -------
    dict
        Node id → (x, y) in pixels, y downwards as vis-network draws it.
    """
    import numpy as np

    parts = groups(G, seed)
    lone = parts.pop() if parts and all(G.degree(n) == 0 for n in parts[-1]) else []
    U = nx.Graph(G.to_undirected())
    pos: dict[str, tuple[float, float]] = {}
    radius, local = [], []
    for nodes in parts:
        r = _SPACING * math.sqrt(len(nodes)) * 0.75 + 10
        if len(nodes) == 1:
            p = {nodes[0]: np.zeros(2)}
        else:
            # a graph in sorted order, not U.subgraph(nodes): a subgraph view iterates its nodes in the
            # order of a set, which changes with each process's string hashes (parallel builds differ)
            sub = nx.Graph()
            sub.add_nodes_from(sorted(nodes))
            sub.add_edges_from(sorted(tuple(sorted(e)) for e in U.subgraph(nodes).edges()))
            p = nx.spring_layout(sub, seed=seed, iterations=80, center=(0, 0), scale=r)
        radius.append(r)
        local.append(p)
    # shelf packing: discs left to right in rows about _ASPECT times as wide as the whole is tall
    area = sum((2 * r + _GAP) ** 2 for r in radius)
    width = math.sqrt(area * _ASPECT) if radius else 0.0
    x = y = row_h = 0.0
    for r, p in zip(radius, local, strict=True):
        d = 2 * r + _GAP
        if x > 0 and x + d > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        row_h = max(row_h, d)
        cx, cy = x + d / 2, y + d / 2
        for n, xy in p.items():
            pos[n] = (float(cx + xy[0]), float(cy + xy[1]))
        x += d
    if lone:
        xs = [x for x, _ in pos.values()] or [0.0]
        ys = [y for _, y in pos.values()] or [0.0]
        cols = max(1, int(math.ceil(math.sqrt(len(lone) * 3 * _ASPECT))))
        x0, y0 = min(xs), max(ys) + _GAP * 2
        step = _SPACING * 2.2
        for k, n in enumerate(lone):
            pos[n] = (x0 + (k % cols) * step, y0 + (k // cols) * _SPACING)
    return pos


#: Characters of an article title shown on an overview page (the tooltip and the menu keep it whole).
TITLE_CHARS = 12


def display_label(d: dict, overview: bool) -> str:
    """The label drawn for a node: an article's title cut to :data:`TITLE_CHARS` on overview pages.

    Examples
    --------
    >>> display_label({"kind": "article", "label": "顺义区总工会推动工会工作再上新台阶"}, True)
    '顺义区总工会推动工会工作…'
    """
    label = d["label"]
    if overview and d.get("kind") == "article" and len(label) > TITLE_CHARS:
        return label[:TITLE_CHARS] + "…"
    return label


@functools.cache
def _template_env(template_dir: str):
    from jinja2 import Environment, FileSystemLoader

    return Environment(loader=FileSystemLoader(template_dir))


_HINTS = {"graph": "节点按文章或工会成组；起初只有连接多的节点显示名称，放大后显示全部。",
          "class": "节点按主办单位或上级工会成组；起初只有连接多的节点显示名称，放大后显示全部。",
          "union": "左侧为图中关于它的事实及原文，右侧为两层邻域图。",
          "person": "左侧为图中关于此人的事实及原文，右侧为两层邻域图。",
          "article": "左侧为原文（链接中的句子高亮显示），右侧为文章提及的实体。"}


def style(kind: str) -> tuple[str, str, str, str]:
    """(Chinese name, colour, vis shape, legend symbol) of a node class, or of a cluster node."""
    return CLUSTER if kind == "cluster" else CLASSES[kind][1:]


def _header(v: View, up: str) -> str:
    esc = htmlmod.escape
    order = [*CLASSES, "cluster"]
    kinds = sorted({k for _, k in v.G.nodes(data="kind")}, key=order.index)
    legend = " ".join(f'<span class="key" style="color:{style(k)[1]}">{style(k)[3]}</span> {style(k)[0]}'
                      for k in kinds)
    rel = sorted({(p, lab) for p, lab in v.links}, key=lambda x: (x[1], x[0]))  # path breaks ties: same bytes
    links = ""
    if rel:
        links = (f"<details><summary>相关页面（{len(rel)}）</summary>"
                 + "".join(f'<a href="{up}{esc(p)}">{esc(lab)}</a>' for p, lab in rel) + "</details>")
    note = f'<p class="note">{esc(v.note)}</p>' if v.note else ""
    return (f'<header><p><a href="{up}index.html">← 首页</a> · <a href="{up}views/graph.html">全图</a></p>'
            f"<h1>{esc(v.title)}</h1>"
            f'<p><span id="counts">{v.nodes} 个节点，{v.edges} 条边</span>。图例：{legend}。'
            f"悬停查看详情，双击工会、人物或文章打开其页面。{_HINTS.get(v.kind, '')}</p>{note}{links}</header>")


def write_page(v: View, out_dir: str | Path, physics_iterations: int = 200, main: str = "") -> Path:
    """Write one view as an HTML page under ``out_dir`` (at ``out_dir / v.path``).

    Parameters
    ----------
    v : View
        Its subgraph nodes carry ``kind``, ``label``, ``tooltip`` (see
        :func:`graph.export.views.to_networkx`); ``v.G.graph["pages"]`` maps
        node ids to page paths (for double-click navigation).
    out_dir : path-like
        Output folder; the page references ``lib/`` in it relatively.
    physics_iterations : int
        Stabilisation iterations before physics stops (small pages).
    main : str
        HTML of the facts shown beside the graph (entity and article pages,
        see :mod:`graph.export.pages`); the page then scrolls, with the
        graph kept in view on the right.

    Returns
    -------
    Path
        The page written. It holds exactly ``v.nodes`` nodes and ``v.edges`` edges.
    """
    from pyvis.network import Network

    out = Path(out_dir)
    path = out / v.path
    up = "../" * (len(Path(v.path).parts) - 1)
    pages = v.G.graph.get("pages", {})
    overview = v.kind in ("graph", "class")
    # entity pages are subgraphs built from sets, whose order changes with each process's string hashes:
    # sorted, they are the same from any build (overviews keep the graph's own order, already fixed)
    G = v.G if overview else canonical(v.G)
    # overviews: grouped, fixed layout and labels on hubs only until zoomed in (label size grows with degree,
    # and vis draws no label smaller than DRAW_THRESHOLD on screen); other pages settle with physics
    pos = None
    if overview:
        pos = grouped_layout(G)
    elif v.centre in G:  # a union, person or article page: rings around its centre, drawn at once
        pos = ego_layout(G, v.centre)
    elif G.number_of_nodes() > LAYOUT_ABOVE:
        pos = layout(G)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote", heading="",
                  select_menu=True, filter_menu=True)
    net.templateEnv = _template_env(net.template_dir)  # compile pyvis's template once, not once per page
    fonts = label_fonts(G, pos) if overview else {}
    for n, d in G.nodes(data=True):
        group, color, shape, _ = style(d["kind"])
        extra = {"x": pos[n][0], "y": pos[n][1], "physics": False} if pos else {}
        extra["类别"] = group  # not vis's "group": group styles would override the class colours
        target = pages.get(d.get("url_of", n))  # a cluster node opens the page of the node it hangs on
        if target and target != v.path:
            extra["url"] = up + target
        elif d.get("list_of"):
            extra["url"] = f"{up}lists/{d['list_of']}-1.html"
        if overview:
            extra["font"] = {"size": round(fonts[n], 2)}
        net.add_node(n, label=display_label(d, overview), title=d["tooltip"], color=color, shape=shape,
                     size=8 + 4 * math.sqrt(G.degree(n)), **extra)
    for s, o, d in G.edges(data=True):  # overviews name edges on hover only
        net.add_edge(s, o, title=d["label"], **({} if overview else {"label": d["label"]}))
    options = {
        "physics": {"enabled": pos is None, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": physics_iterations, "fit": True}},
        "layout": {"randomSeed": 7},  # the same page shows the same picture each time it opens
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, sans-serif"}},
        **({"nodes": {"font": {"face": "Noto Sans CJK SC, sans-serif"},
                      "scaling": {"label": {"enabled": False, "maxVisible": 24,
                                            "drawThreshold": DRAW_THRESHOLD}}}} if overview else {}),
        "edges": {"font": {"size": 10, "face": "Noto Sans CJK SC, sans-serif", "align": "middle"},
                  "color": {"inherit": "from", "opacity": 0.45 if overview else 1.0},
                  "smooth": pos is None, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
    }
    net.set_options(json.dumps(options))
    page = net.generate_html()
    page = _COMMENT.sub("", _HEADING.sub("", offline(page)))  # the template's comments hold dead links
    head = "".join([f'<link rel="stylesheet" href="{up}lib/vis-network.css">',
                    f'<script src="{up}lib/vis-network.min.js"></script>',
                    f'<link rel="stylesheet" href="{up}lib/tom-select.css">',
                    f'<script src="{up}lib/tom-select.complete.min.js"></script>',
                    f'<link rel="stylesheet" href="{up}lib/union-kg.css">',
                    f"<title>{htmlmod.escape(v.title)} · union-kg</title>"])
    page = "<!DOCTYPE html>\n" + page.replace("<html>", '<html lang="zh">', 1)
    page = page.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + head, 1)
    if main:
        page = page.replace("<body>", '<body class="entity">' + _header(v, up) + main, 1)
    else:
        page = page.replace("<body>", '<body class="view">' + _header(v, up), 1)
    labels = {n: htmlmod.escape(d["label"]) for n, d in G.nodes(data=True)}
    page = _OPTION.sub(lambda m: f'<option value="{m[1]}">{labels.get(m[1], m[1])}</option>'
                       if m[1] == m[2] else m[0], page)  # the select menu lists labels, not IRIs
    for en, zh in UI_TEXT.items():
        page = page.replace(en, zh)
    hook = """
                  // union-kg: stop physics once stabilised; double-click opens a node's page
                  // (ukgStable: still; ukgDrawn: drawn once since, what the bench and the browser tests wait for)
                  window.ukgStable = false;
                  window.ukgDrawn = false;
                  function ukgDraw() {
                      window.ukgStable = true;
                      network.once("afterDrawing", function () { window.ukgDrawn = true; });
                      network.redraw();
                  }
                  if (options.physics && options.physics.enabled) {
                      network.once("stabilizationIterationsDone", function () {
                          network.setOptions({physics: false});
                          ukgDraw();
                      });
                  } else { ukgDraw(); }
                  network.on("doubleClick", function (params) {
                      if (params.nodes.length) {
                          var url = nodes.get(params.nodes[0]).url;
                          if (url) { window.location.href = url; }
                      }
                  });
                  return network;"""
    page = page.replace("return network;", hook, 1)
    if re.search(r'(?:src|href)="(?:https?:)?//', page):
        raise RuntimeError(f"{path}: a network reference is left in the page")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


__all__ = ["offline", "copy_assets", "layout", "ego_layout", "groups", "grouped_layout", "display_label",
           "write_page", "fit_zoom", "hubs", "label_fonts", "LAYOUT_ABOVE", "CSS"]
