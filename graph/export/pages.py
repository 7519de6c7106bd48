"""Entity and article pages: what the graph knows about one union, person or article, as tables.

A union's page lists its posts (who holds which post, over which
interval), its parent and child unions, the programmes it organises, the
awards it received, its figures by year or period with a chart
(:mod:`graph.export.chart`) and the articles that mention it; a person's
page lists the posts, awards and articles. Every row carries its quote:
the sentence the fact was read from, linked to the article page at
``article/<id>.html#q-START-END``, where that sentence is highlighted.

The vocabulary read here is the one of ``schema/ontology.ttl`` (issue 13):

- evidence: ``?fact prov:wasDerivedFrom ?ev . ?ev a ukg:Evidence ;
  dcterms:source ?doc ; ukg:quote ?q ; ukg:startOffset ?s ; ukg:endOffset ?e``;
  a fact that is one triple is named on its evidence with ``rdf:subject``,
  ``rdf:predicate``, ``rdf:object``;
- time: ``org:memberDuring`` and ``ukg:refPeriod`` are ``time:Interval``
  nodes with ``time:hasBeginning``/``time:hasEnd``/``time:inside`` instants
  (``time:inXSDDate``, ``time:inXSDgYear``); ``ukg:year`` on figures;
- places: ``schema:location`` of a union; ``dcterms:issued`` of an article.

Whatever a graph lacks is an empty cell, never an error: a graph built
before evidence or intervals existed still gives every page (a figure's own
``ukg:quote`` is then shown, linked to its article without an anchor).

Article pages show the article text when the graph or the caller has it
(:func:`article_segments`); otherwise the quoted sentences in text order,
each at its own offsets, with ``……`` for what lies between. Either way the
text is cut at every evidence boundary into ``<span data-s="OFFSET">``
pieces, and a small script wraps the pieces of ``#q-START-END`` in a
``<mark>`` on load and on every change of the address's fragment, so the
``<mark>``'s text is exactly the quote.
"""
from __future__ import annotations

import html as htmlmod
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SDO, SKOS, TIME

from ..namespace import UKG
from .chart import Point, svg_chart

#: ukg: terms read by name, so that a graph (and a namespace) without them still works.
U = UKG._NS
#: Quotes shown per row (the others are counted).
QUOTES_PER_ROW = 3
#: Rows shown per table of an entity page (the others are counted, and the page says where to find them): a union
#: named in a thousand articles would otherwise give a page of megabytes that no one reads to the end.
TABLE_ROWS = 100
#: Marks drawn per chart (whole measures, most marks first, until the budget is spent; the caption counts the rest).
CHART_POINTS = 300
#: Union levels (``ukg:unionLevel``, see lexicon/data/union_levels.tsv) in Chinese.
LEVELS = {"national": "全国", "provincial": "省级", "city": "市级", "district": "区县级", "street": "街道乡镇",
          "community": "社区", "industry": "产业（行业）", "industrial-park": "园区", "joint": "联合工会",
          "enterprise": "基层（企事业单位）", "branch": "分会", "group": "工会小组", "other": "其他"}
#: Chart per unit IRI: (unit shown, divisor, caption).
CHART_UNITS = {U.Yuan: ("万元", 10_000, "金额（万元）"), U.PersonTime: ("人次", 1, "人次")}


@dataclass(frozen=True)
class Quote:
    """Where a fact was read: the quote, its article and offsets (``None`` when unknown)."""

    text: str
    article: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def anchor(self) -> str:
        """The fragment of the article page that highlights the quote ("" without offsets)."""
        return f"q-{self.start}-{self.end}" if self.start is not None and self.end is not None else ""


def _int(x) -> int | None:
    try:
        return int(x)
    except (TypeError, ValueError):
        return None


def _evidence(g: Graph, ev) -> Quote | None:
    text = g.value(ev, U.quote)
    if text is None:
        return None
    doc = g.value(ev, DCTERMS.source)
    return Quote(str(text), str(doc) if doc is not None else None, _int(g.value(ev, U.startOffset)),
                 _int(g.value(ev, U.endOffset)))


def quotes_of(g: Graph, fact) -> list[Quote]:
    """The quotes of a fact that is a node (figure, membership), in text order.

    Parameters
    ----------
    g : rdflib.Graph
    fact : rdflib term
        The figure or membership.

    Returns
    -------
    list of Quote
        One per ``ukg:Evidence`` the fact was derived from; without any,
        the fact's own ``ukg:quote`` with its source article (no offsets);
        else an empty list.
    """
    found = {q for ev in g.objects(fact, PROV.wasDerivedFrom) if (q := _evidence(g, ev)) is not None}
    if not found:
        own = g.value(fact, U.quote)
        if own is not None:
            docs = sorted(str(d) for d in g.objects(fact, PROV.wasDerivedFrom) if (d, RDF.type, U.Article) in g)
            found = {Quote(str(own), docs[0] if docs else None)}
    return sorted(found, key=_quote_key)


def triple_quotes(g: Graph, s, p, o) -> list[Quote]:
    """The quotes of a fact that is one triple, from evidence naming it (``rdf:subject``/``predicate``/``object``)."""
    found = set()
    for ev in g.subjects(RDF.subject, s):
        if (ev, RDF.predicate, p) in g and (ev, RDF.object, o) in g:
            q = _evidence(g, ev)
            if q is not None:
                found.add(q)
    return sorted(found, key=_quote_key)


def _quote_key(q: Quote) -> tuple:
    return (q.article or "", q.start if q.start is not None else -1, q.text)


# ---------------------------------------------------------------- time
def _instant(g: Graph, t) -> str:
    """An instant as text: its xsd:date or xsd:gYear (``time:inXSDDate``, ``inXSDgYear``, ...); "" if none."""
    if t is None:
        return ""
    if isinstance(t, Literal):
        return str(t)
    for p in (TIME.inXSDDate, TIME.inXSDgYear, TIME.inXSDgYearMonth, TIME.inXSDDateTimeStamp, TIME.inXSDDateTime):
        v = g.value(t, p)
        if v is not None:
            return str(v)[:10]
    return ""


def interval_text(g: Graph, interval) -> str:
    """An OWL-Time interval as a short Chinese phrase.

    Examples: ``2016年 至 2020年``, ``2021-03-01 起``, ``至 2022-12-31``,
    ``见于 2021-07-29、2023-01-05`` (instants ``time:inside`` it: the dates
    of the articles that attest a post). "" when ``interval`` is None or
    carries none of these.
    """
    if interval is None:
        return ""
    begin = _instant(g, g.value(interval, TIME.hasBeginning))
    end = _instant(g, g.value(interval, TIME.hasEnd))
    inside = sorted({_instant(g, t) for t in g.objects(interval, TIME.inside)} - {""})
    parts = []
    if begin and end:
        parts.append(f"{_year_text(begin)} 至 {_year_text(end)}" if begin != end else _year_text(begin))
    elif begin:
        parts.append(f"{_year_text(begin)} 起")
    elif end:
        parts.append(f"至 {_year_text(end)}")
    if inside:
        parts.append("见于 " + "、".join(inside))
    return "；".join(parts)


def _year_text(s: str) -> str:
    return f"{s}年" if re.fullmatch(r"\d{4}", s) else s


def _fractional_year(s: str, end: bool) -> float | None:
    """'2020' → 2020.0 (or 2021.0 as an end), '2022-12-31' → 2023.0 as an end, '2021-07-01' → 2021.5."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", s)
    if not m:
        return None
    y = int(m[1])
    if m[2] is None:
        return y + 1.0 if end else float(y)
    month, day = int(m[2]), int(m[3] or (28 if end else 1))
    frac = ((month - 1) * 30.5 + day - (0 if end else 1)) / 366
    return y + min(frac, 1.0)


def figure_time(g: Graph, f) -> tuple[str, float | None, float | None]:
    """A figure's time: (text, start, end) in fractional years, from ``ukg:refPeriod`` else ``ukg:year``.

    An open side of a period is left ``None``; the chart draws a period open at its start (截至2022年底)
    in its end's year, and does not draw one open at its end.
    """
    period = g.value(f, U.refPeriod)
    if period is not None:
        begin = _instant(g, g.value(period, TIME.hasBeginning))
        end = _instant(g, g.value(period, TIME.hasEnd))
        b = _fractional_year(begin, False) if begin else None
        e = _fractional_year(end, True) if end else None
        return interval_text(g, period), b, e
    year = g.value(f, U.year)
    if year is not None:
        y = _fractional_year(str(year), False)
        return f"{year}年", y, None if y is None else y + 1
    return "", None, None


# ---------------------------------------------------------------- rendering helpers
def label(g: Graph, s) -> str:
    """The Chinese preferred label (or article title, or the IRI's last part)."""
    if (s, RDF.type, U.Article) in g:
        t = g.value(s, DCTERMS.title) or g.value(s, DCTERMS.identifier)
        if t is not None:
            return str(t)
    labels = sorted(g.objects(s, SKOS.prefLabel), key=lambda x: (getattr(x, "language", None) != "zh", str(x)))
    return str(labels[0]).strip() if labels else str(s).rsplit("/", 1)[-1]


class Linker:
    """Makes links between pages: entity names to their pages, quotes to highlighted sentences."""

    def __init__(self, g: Graph, pages: Mapping[str, str], up: str) -> None:
        self.g, self.pages, self.up = g, pages, up

    def entity(self, s) -> str:
        name = htmlmod.escape(label(self.g, s))
        path = self.pages.get(str(s))
        return f'<a href="{self.up}{htmlmod.escape(path)}">{name}</a>' if path else name

    def quote_href(self, q: Quote) -> str:
        path = self.pages.get(q.article or "")
        if not path:
            return ""
        return f"{self.up}{htmlmod.escape(path)}" + (f"#{q.anchor}" if q.anchor else "")

    def quotes(self, qs: list[Quote], emphasis: Iterable[str] = ()) -> str:
        """The quote cell: up to :data:`QUOTES_PER_ROW` quotes, each linked to its article's page.

        The first occurrence in a quote of each string of ``emphasis`` (a
        figure as written, a person's or union's name) is set in bold, so
        that a long sentence shows at a glance where the fact is.
        """
        esc = htmlmod.escape
        out = []
        for q in qs[:QUOTES_PER_ROW]:
            href = self.quote_href(q)
            doc = esc(label(self.g, URIRef(q.article))) if q.article else ""
            link = f' <a class="src" href="{href}" title="{doc}">原文</a>' if href else ""
            out.append(f"<q>{_emphasise(q.text, emphasis)}</q>{link}")
        if len(qs) > QUOTES_PER_ROW:
            out.append(f"<small>另有 {len(qs) - QUOTES_PER_ROW} 处</small>")
        return "<br>".join(out)


def _emphasise(text: str, words: Iterable[str]) -> str:
    """``text`` escaped, with the first occurrence of each of ``words`` in ``<b>`` (non-overlapping)."""
    spans: list[tuple[int, int]] = []
    for w in sorted({w for w in words if w}, key=len, reverse=True):
        i = text.find(w)
        if i >= 0 and all(i + len(w) <= a or i >= b for a, b in spans):
            spans.append((i, i + len(w)))
    out, pos = [], 0
    for a, b in sorted(spans):
        out.append(htmlmod.escape(text[pos:a]) + "<b>" + htmlmod.escape(text[a:b]) + "</b>")
        pos = b
    return "".join(out) + htmlmod.escape(text[pos:])


def table(caption: str, headers: list[str], rows: list[list[str]], total: int | None = None,
          empty: str = "图中没有。", id_: str = "", where: str = "") -> str:
    """A ``<section>`` with a heading and a table of ``rows`` (cells are HTML), or a short note when empty.

    Parameters
    ----------
    caption, headers : str, list of str
        Plain text (escaped here).
    rows : list of list of str
        The rows shown, cells as HTML.
    empty : str
        The note when there is no row.
    id_ : str
        The section's ``id``.
    total : int, optional
        The number of rows before a cut (:data:`TABLE_ROWS`): the heading
        counts them all and a note under the table says how many are not
        listed and ``where`` (HTML) to find them.
    where : str
        HTML naming where the rows left out are.

    Returns
    -------
    str
        HTML.
    """
    total = len(rows) if total is None else total
    ident = f' id="{id_}"' if id_ else ""
    head = f"<h2>{htmlmod.escape(caption)}（{total}）</h2>"
    if not rows:
        return f'<section{ident}>{head}<p class="empty">{htmlmod.escape(empty)}</p></section>'
    th = "".join(f"<th>{htmlmod.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    more = ""
    if total > len(rows):
        more = (f'<p class="more">共 {total} 行，此处列出前 {len(rows)} 行，其余 {total - len(rows)} 行未列出'
                + (f"：{where}" if where else "") + "。</p>")
    return (f'<section{ident}>{head}<table class="facts"><thead><tr>{th}</tr></thead>'
            f"<tbody>{body}</tbody></table>{more}</section>")


def _sort_rows(rows: list[tuple[tuple, list[str]]]) -> list[list[str]]:
    return [r for _, r in sorted(rows, key=lambda x: x[0])]


def _first_rows(items: Iterable[tuple[tuple, Callable[[], list[str]]]], limit: int | None = TABLE_ROWS
                ) -> tuple[list[list[str]], int]:
    """The rows of the ``limit`` smallest keys, rendered (only those: rendering reads quotes), and the total."""
    items = sorted(items, key=lambda x: x[0])
    shown = items if limit is None else items[:limit]
    return [render() for _, render in shown], len(items)


def _names(g: Graph, *things) -> list[str]:
    """Labels and aliases of entities (and literal texts) to set in bold in their quotes."""
    out = []
    for t in things:
        if t is None:
            continue
        if isinstance(t, Literal):
            out.append(str(t))
        else:
            out.append(label(g, t))
            out += [str(a) for a in g.objects(t, SKOS.altLabel)]
    return out


def _memberships(g: Graph, s, side) -> list:
    return sorted(set(g.subjects(side, s)), key=str)


def quote_index(g: Graph, p, o=None, s=None) -> dict:
    """The quotes of every triple ``(?x p o)`` keyed by ``?x`` (or ``(s p ?x)`` by ``?x`` when ``s`` is given).

    One pass over the evidence that names ``o`` (or ``s``), where
    :func:`triple_quotes` per row would scan it once per row: a union named
    in a thousand articles has thousands of evidence nodes.

    Returns
    -------
    dict
        Term → list of Quote in text order.
    """
    found: dict = defaultdict(set)
    side, other = (RDF.object, RDF.subject) if s is None else (RDF.subject, RDF.object)
    for ev in g.subjects(side, o if s is None else s):
        if (ev, RDF.predicate, p) not in g:
            continue
        q = _evidence(g, ev)
        if q is not None:
            for x in g.objects(ev, other):
                found[x].add(q)
    return {x: sorted(qs, key=_quote_key) for x, qs in found.items()}


def _posts(g: Graph, link: Linker, s, of_person: bool) -> tuple[list[list[str]], int]:
    items = []
    for m in _memberships(g, s, ORG.member if of_person else ORG.organization):
        role = g.value(g.value(m, ORG.role), SKOS.prefLabel)
        other = g.value(m, ORG.organization) if of_person else g.value(m, ORG.member)

        def render(m=m, role=role, other=other) -> list[str]:
            when = interval_text(g, g.value(m, ORG.memberDuring))
            first = link.entity(other) if other is not None else ""
            return [first, htmlmod.escape(str(role or "")), htmlmod.escape(when),
                    link.quotes(quotes_of(g, m), _names(g, other, role, s if of_person else None))]
        items.append(((label(g, other) if other is not None else "", str(role or ""), str(m)), render))
    return _first_rows(items)


def _related(g: Graph, link: Linker, others: Iterable, quotes: Mapping) -> tuple[list[list[str]], int]:
    """One row per related entity: the entity and the quotes of its triple (``quotes``: from :func:`quote_index`)."""
    items = []
    for other in set(others):
        def render(other=other) -> list[str]:
            return [link.entity(other), link.quotes(quotes.get(other, []), _names(g, other))]
        items.append(((label(g, other), str(other)), render))
    return _first_rows(items)


def _awards(g: Graph, link: Linker, s) -> tuple[list[list[str]], int]:
    return _related(g, link, g.objects(s, U.receivedAward), quote_index(g, U.receivedAward, s=s))


def _articles(g: Graph, link: Linker, s) -> tuple[list[list[str]], int]:
    quotes = quote_index(g, SDO.mentions, o=s)
    items = []
    for doc in set(g.subjects(SDO.mentions, s)):
        issued = g.value(doc, DCTERMS.issued)

        def render(doc=doc, issued=issued) -> list[str]:
            return [link.entity(doc), htmlmod.escape(str(issued or "")),
                    link.quotes(quotes.get(doc, []), _names(g, s))]
        items.append(((str(issued or "9999"), label(g, doc), str(doc)), render))
    return _first_rows(items)


def _decimal(v) -> Decimal | None:
    try:
        return Decimal(str(v))
    except (InvalidOperation, ValueError):
        return None


def figures_table(g: Graph, link: Linker, s, limit: int | None = None) -> tuple[list[list[str]], dict]:
    """The figures about ``s`` by time (undated last) and the chart points per unit IRI.

    Parameters
    ----------
    g : rdflib.Graph
    link : Linker
    s : URIRef
        The entity the figures are about (``ukg:about``).
    limit : int, optional
        Rows rendered (the first by time); all when None.

    Returns
    -------
    (list of list of str, dict)
        The rows (cells as HTML) and unit IRI → list of :class:`graph.export.chart.Point`
        (every dated figure in a unit of :data:`CHART_UNITS`; the quote is read only for the marks drawn,
        see :func:`charts`).
    """
    rows, _, points = _figures(g, link, s, limit)
    return rows, points


def _figures(g: Graph, link: Linker, s, limit: int | None) -> tuple[list[list[str]], int, dict]:
    items, points = [], defaultdict(list)
    for f in set(g.subjects(U.about, s)):
        when, start, end = figure_time(g, f)
        text = str(g.value(f, RDFS.label) or f"{g.value(f, RDF.value)}{g.value(f, U.unitText) or ''}")
        measure = str(g.value(f, U.measure) or "")
        unit = g.value(f, U.unit)
        value = _decimal(g.value(f, RDF.value))

        def render(f=f, when=when, measure=measure, text=text) -> list[str]:
            approx = "约" if str(g.value(f, U.approximate)).lower() == "true" else ""
            return [htmlmod.escape(when), htmlmod.escape(measure), htmlmod.escape(approx + text),
                    link.quotes(quotes_of(g, f), [text])]
        key = (start if start is not None else end - 1 if end is not None else 1e9, end or 0, measure, str(f))
        items.append((key, render))
        if start is None and end is not None:  # 截至2022年底: a total up to a date, drawn in that date's year
            start, end = float(math.ceil(end) - 1), float(math.ceil(end))
        if unit in CHART_UNITS and value is not None and start is not None and end is not None:
            _, div, _ = CHART_UNITS[unit]
            points[unit].append((Point(measure, float(value) / div, start, end, text, when, ""), f))
    chosen = {u: _chart_subset(ps) for u, ps in points.items()}
    drawn = {}
    for u, (kept, left) in chosen.items():
        ps = []
        for p, f in kept:
            qs = quotes_of(g, f)
            ps.append(Point(p.measure, p.value, p.start, p.end, p.label, p.when, qs[0].text if qs else ""))
        drawn[u] = _Points(ps, left)
    rows, total = _first_rows(items, limit)
    return rows, total, drawn


class _Points(list):
    """The points of one chart, with the number of figures left out of it (:data:`CHART_POINTS`)."""

    def __init__(self, points: Iterable[Point], left_out: int = 0) -> None:
        super().__init__(points)
        self.left_out = left_out


def _chart_subset(points: list[tuple[Point, object]], budget: int = CHART_POINTS) -> tuple[list, int]:
    """At most ``budget`` points: whole measures first (those with the most figures first, while they fit), then
    the latest figures of the measures that did not fit, until the budget is spent; and the number left out.
    """
    if len(points) <= budget:
        return points, 0
    by: dict[str, list] = defaultdict(list)
    for p in points:
        by[p[0].measure].append(p)
    kept: list = []
    skipped = []
    for m in sorted(by, key=lambda m: (-len(by[m]), m)):
        if len(kept) + len(by[m]) <= budget:
            kept += by[m]
        else:
            skipped.append(m)
    for m in skipped:
        room = budget - len(kept)
        if room <= 0:
            break
        kept += sorted(by[m], key=lambda p: (p[0].start, p[0].end, str(p[1])))[-room:]
    return kept, len(points) - len(kept)


def charts(points: dict) -> str:
    """The figures-over-time charts of one entity (money, person-times), or a note when nothing is dated.

    A chart draws at most :data:`CHART_POINTS` marks; its caption counts those left out (they are in the table).
    """
    out = [svg_chart(points[u], unit, caption, getattr(points[u], "left_out", 0))
           for u, (unit, _, caption) in CHART_UNITS.items() if points.get(u)]
    if not out:
        return '<p class="empty">没有注明年份或时期的金额、人次数字，无图。</p>'
    return "".join(out)


# ---------------------------------------------------------------- the pages
def _summary(g: Graph, link: Linker, s) -> str:
    esc = htmlmod.escape
    items = []
    alts = sorted({str(a) for a in g.objects(s, SKOS.altLabel)} - {label(g, s)})
    if alts:
        items.append(("别名", esc("、".join(alts))))
    level = g.value(s, U.unionLevel)
    if level is not None:
        items.append(("级别", esc(LEVELS.get(str(level), str(level)))))
    places = []
    for place in g.objects(s, SDO.location):
        chain, seen, p = [], set(), place
        while p is not None and p not in seen:  # 顺义区 ⊂ 北京市: walk up schema:containedInPlace
            seen.add(p)
            chain.append(label(g, p))
            p = g.value(p, SDO.containedInPlace)
        code = g.value(place, U.adminCode)
        places.append(esc(" · ".join(reversed(chain))) + (f" <small>({esc(str(code))})</small>" if code else ""))
    if places:
        items.append(("地区", "；".join(sorted(places))))
    return "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items)


def union_main(g: Graph, s, pages: Mapping[str, str], up: str) -> str:
    """The tables and chart of a union's page (the ``<main>`` element).

    Parameters
    ----------
    g : rdflib.Graph
    s : URIRef
        The union.
    pages : mapping
        Entity/article IRI string → page path relative to the output folder.
    up : str
        Prefix from this page to the output folder, e.g. ``"../"``.

    Returns
    -------
    str
        HTML: summary, chart, then tables of posts, parent and child unions,
        programmes, awards, figures and articles.
    """
    link = Linker(g, pages, up)
    posts = _posts(g, link, s, of_person=False)
    parents = _related(g, link, g.objects(s, ORG.subOrganizationOf), quote_index(g, ORG.subOrganizationOf, s=s))
    children = _related(g, link, g.subjects(ORG.subOrganizationOf, s), quote_index(g, ORG.subOrganizationOf, o=s))
    programmes = _related(g, link, g.subjects(U.organizedBy, s), quote_index(g, U.organizedBy, o=s))
    figures, n_figures, points = _figures(g, link, s, TABLE_ROWS)
    summary = _summary(g, link, s)
    return "".join([
        '<main class="facts">',
        f'<dl class="summary">{summary}</dl>' if summary else "",
        f'<section id="chart"><h2>数字随时间</h2>{charts(points)}</section>',
        table("职务", ["人物", "职务", "任职时间", "原文"], *posts, id_="posts",
              where=_ask(f"SELECT ?who ?role WHERE {{ ?m <{ORG.organization}> <{s}> ; <{ORG.member}> ?who ; "
                         f"<{ORG.role}> ?role }}")),
        table("上级工会", ["工会", "原文"], *parents, id_="parents"),
        table("下级工会", ["工会", "原文"], *children, id_="children",
              where=_ask(f"SELECT ?c WHERE {{ ?c <{ORG.subOrganizationOf}> <{s}> }}")),
        table("主办的活动项目", ["活动项目", "原文"], *programmes, id_="programmes",
              where=_ask(f"SELECT ?x WHERE {{ ?x <{U.organizedBy}> <{s}> }}")),
        table("获得的荣誉", ["荣誉", "原文"], *_awards(g, link, s), id_="awards"),
        table("数字（按年份或时期）", ["时间", "指标", "数值", "原文"], figures, id_="figures", total=n_figures,
              where="全部数字见 <code>union-kg figures graph.ttl</code>（subject 列为此工会）"),
        table("提及的文章", ["文章", "日期", "原文"], *_articles(g, link, s), id_="articles",
              where=_ask(f"SELECT ?doc WHERE {{ ?doc <{SDO.mentions}> <{s}> }}")),
        "</main>"])


def _ask(sparql: str) -> str:
    """Where the rows left out of a table are: the ``union-kg query`` command that lists them all (HTML)."""
    return f"全部可用 <code>union-kg query graph.ttl '{htmlmod.escape(sparql)}'</code> 列出"


def person_main(g: Graph, s, pages: Mapping[str, str], up: str) -> str:
    """The tables of a person's page: posts with their intervals, awards, articles written and mentioning.

    Each table lists at most :data:`TABLE_ROWS` rows and says how to list the others.
    """
    link = Linker(g, pages, up)
    written = [(label(g, d), str(d), d) for d in g.subjects(DCTERMS.creator, s)]
    written_rows = [[link.entity(d), htmlmod.escape(str(g.value(d, DCTERMS.issued) or ""))]
                    for *_, d in sorted(written)[:TABLE_ROWS]]
    summary = _summary(g, link, s)
    return "".join([
        '<main class="facts">',
        f'<dl class="summary">{summary}</dl>' if summary else "",
        table("职务", ["单位", "职务", "任职时间", "原文"], *_posts(g, link, s, of_person=True), id_="posts",
              where=_ask(f"SELECT ?org ?role WHERE {{ ?m <{ORG.member}> <{s}> ; <{ORG.organization}> ?org ; "
                         f"<{ORG.role}> ?role }}")),
        table("获得的荣誉", ["荣誉", "原文"], *_awards(g, link, s), id_="awards"),
        table("撰写的文章", ["文章", "日期"], written_rows, id_="written", total=len(written),
              where=_ask(f"SELECT ?doc WHERE {{ ?doc <{DCTERMS.creator}> <{s}> }}")) if written else "",
        table("提及的文章", ["文章", "日期", "原文"], *_articles(g, link, s), id_="articles",
              where=_ask(f"SELECT ?doc WHERE {{ ?doc <{SDO.mentions}> <{s}> }}")),
        "</main>"])


# ---------------------------------------------------------------- article text
def article_quotes(g: Graph, doc) -> list[Quote]:
    """Every evidence span of one article with offsets (duplicates removed), in text order."""
    found = set()
    for ev in g.subjects(DCTERMS.source, doc):
        q = _evidence(g, ev)
        if q is not None and q.anchor and 0 <= q.start <= q.end:
            found.add(q)
    return sorted(found, key=_quote_key)


def source_texts(path) -> list[str]:
    """Candidate texts of an article file, as the offsets may count them: as read, then NFKC-normalised.

    The text as read (:func:`graph.text.read.text_as_read`: the decoded file, or
    the text extracted from HTML) comes first; :func:`graph.text.read.normalise`
    of it second. An unreadable file gives an empty list (the page then
    shows the quotes only).
    """
    from ..text.read import ReadError, normalise, text_as_read

    try:
        text = text_as_read(path)
    except (OSError, ReadError, ValueError):
        return []
    norm = normalise(text)
    return [text] if norm == text else [text, norm]


def fits(text: str, quotes: Iterable[Quote]) -> bool:
    """True when every quote is ``text[start:end]``: only then is the text shown with its quotes marked."""
    return all(text[q.start:q.end] == q.text for q in quotes)


def article_segments(g: Graph, doc, text: str | None = None) -> tuple[list[tuple[int, str]], bool]:
    """The known text of an article as ``(offset, text)`` segments, and whether it is the whole text.

    Parameters
    ----------
    g : rdflib.Graph
    doc : URIRef
        The article.
    text : str, optional
        The article text as read (offsets count its characters); the
        graph's ``schema:text`` of the article is used when this is None.

    Returns
    -------
    (list of (int, str), bool)
        With a text that holds every quote at its offsets:
        ``[(0, text)], True``. Else the evidence quotes merged where they
        overlap or touch, in text order, and False.
    """
    if text is None:
        t = g.value(doc, SDO.text)
        text = str(t) if t is not None else None
    if text is not None and fits(text, article_quotes(g, doc)):
        return [(0, text)], True
    segments: list[tuple[int, str]] = []
    for q in article_quotes(g, doc):
        if segments and q.start <= segments[-1][0] + len(segments[-1][1]):
            s0, t0 = segments[-1]
            end0 = s0 + len(t0)
            if q.end > end0:
                segments[-1] = (s0, t0 + q.text[end0 - q.start:])
        else:
            segments.append((q.start, q.text))
    return segments, False


def text_html(segments: list[tuple[int, str]], cuts: Iterable[int], whole: bool) -> str:
    """The article text cut at ``cuts`` into ``<span data-s="OFFSET">`` pieces (gaps shown as ``……``)."""
    esc = htmlmod.escape
    cut = sorted(set(cuts))
    out = []
    prev_end = 0
    for start, text in segments:
        if not whole and start > prev_end:
            out.append('<span class="gap">……</span>')
        end = start + len(text)
        points = [start] + [c for c in cut if start < c < end] + [end]
        for a, b in zip(points, points[1:], strict=False):
            if b > a:
                out.append(f'<span data-s="{a}">{esc(text[a - start:b - start])}</span>')
        prev_end = end
    return "".join(out)


#: Highlights the quote named by the fragment (#q-START-END): wraps its pieces in a <mark>.
HIGHLIGHT_JS = """
(function () {
  function clear() {
    document.querySelectorAll("mark.quote").forEach(function (m) {
      while (m.firstChild) { m.parentNode.insertBefore(m.firstChild, m); }
      m.remove();
    });
  }
  function show() {
    clear();
    var m = /^#q-(\\d+)-(\\d+)$/.exec(window.location.hash);
    if (!m) { return; }
    var s = Number(m[1]), e = Number(m[2]);
    var parts = Array.prototype.filter.call(document.querySelectorAll("#text span[data-s]"), function (x) {
      var a = Number(x.getAttribute("data-s")); return a >= s && a < e;
    });
    if (!parts.length) { return; }
    var mark = document.createElement("mark");
    mark.id = "q-" + s + "-" + e;
    mark.className = "quote";
    parts[0].parentNode.insertBefore(mark, parts[0]);
    parts.forEach(function (p) { mark.appendChild(p); });
    mark.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", show);
  show();
})();
"""


def article_main(g: Graph, doc, pages: Mapping[str, str], up: str, text: str | None = None,
                 source=None) -> str:
    """The text part of an article's page: date, place, and the text with its quotes linkable.

    Parameters
    ----------
    g : rdflib.Graph
    doc : URIRef
        The article.
    pages : mapping
        IRI string → page path.
    up : str
        Prefix from the page to the output folder.
    text : str, optional
        The article text as read, when the caller has it.
    source : path-like, optional
        The article's file, read when ``text`` is None (:func:`source_texts`).

    Returns
    -------
    str
        ``<main>`` with a ``<div id="text">`` and the highlighting script.
    """
    esc = htmlmod.escape
    link = Linker(g, pages, up)
    qs = article_quotes(g, doc)
    if text is None and source is not None:
        text = next((t for t in source_texts(source) if fits(t, qs)), None)
    segments, whole = article_segments(g, doc, text)
    cuts = [c for q in qs for c in (q.start, q.end)]
    meta = []
    for name, p in (("日期", DCTERMS.issued), ("电头地点", DCTERMS.spatial), ("发布者", DCTERMS.publisher)):
        v = g.value(doc, p)
        if v is not None:
            meta.append((name, esc(label(g, v)) if isinstance(v, URIRef) else esc(str(v))))
    creators = sorted(g.objects(doc, DCTERMS.creator), key=lambda c: label(g, c))
    if creators:
        meta.append(("作者", "、".join(link.entity(c) for c in creators)))
    ident = g.value(doc, DCTERMS.identifier)
    if ident is not None:
        meta.append(("编号", esc(str(ident))))
    summary = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta)
    if whole:
        note = ""
    elif segments:
        note = '<p class="plain-note">图中没有全文：下面按原文位置列出图中引用过的句子，“……”为其间未引用的文字。</p>'
    else:
        note = '<p class="plain-note">图中没有这篇文章的原文或引文。</p>'
    body = text_html(segments, cuts, whole)
    return (f'<main class="facts"><dl class="summary">{summary}</dl><section><h2>原文</h2>{note}'
            f'<div id="text" class="article-text">{body}</div></section></main>'
            f"<script>{HIGHLIGHT_JS}</script>")


__all__ = ["Quote", "quotes_of", "triple_quotes", "interval_text", "figure_time", "union_main", "person_main",
           "article_main", "article_segments", "article_quotes", "source_texts", "fits", "text_html", "table",
           "charts", "HIGHLIGHT_JS"]
