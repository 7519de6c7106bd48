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
from collections.abc import Iterable, Mapping
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


def table(caption: str, headers: list[str], rows: list[list[str]], empty: str = "图中没有。",
          id_: str = "") -> str:
    """A ``<section>`` with a heading and a table of ``rows`` (cells are HTML), or a short note when empty."""
    ident = f' id="{id_}"' if id_ else ""
    head = f"<h2>{htmlmod.escape(caption)}（{len(rows)}）</h2>"
    if not rows:
        return f'<section{ident}>{head}<p class="empty">{htmlmod.escape(empty)}</p></section>'
    th = "".join(f"<th>{htmlmod.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (f'<section{ident}>{head}<table class="facts"><thead><tr>{th}</tr></thead>'
            f"<tbody>{body}</tbody></table></section>")


def _sort_rows(rows: list[tuple[tuple, list[str]]]) -> list[list[str]]:
    return [r for _, r in sorted(rows, key=lambda x: x[0])]


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


def _posts(g: Graph, link: Linker, s, of_person: bool) -> list[list[str]]:
    rows = []
    for m in _memberships(g, s, ORG.member if of_person else ORG.organization):
        role = g.value(g.value(m, ORG.role), SKOS.prefLabel)
        other = g.value(m, ORG.organization) if of_person else g.value(m, ORG.member)
        when = interval_text(g, g.value(m, ORG.memberDuring))
        first = link.entity(other) if other is not None else ""
        key = (label(g, other) if other is not None else "", str(role or ""))
        rows.append((key, [first, htmlmod.escape(str(role or "")), htmlmod.escape(when),
                           link.quotes(quotes_of(g, m), _names(g, other, role, s if of_person else None))]))
    return _sort_rows(rows)


def _related(g: Graph, link: Linker, triples: Iterable[tuple], show) -> list[list[str]]:
    """One row per triple: the entity ``show(s, o)`` and the triple's quotes."""
    rows = []
    for s, p, o in triples:
        other = show(s, o)
        rows.append(((label(g, other), str(other)),
                     [link.entity(other), link.quotes(triple_quotes(g, s, p, o), _names(g, other))]))
    return _sort_rows(rows)


def _awards(g: Graph, link: Linker, s) -> list[list[str]]:
    return _related(g, link, ((s, U.receivedAward, a) for a in g.objects(s, U.receivedAward)), lambda s, o: o)


def _articles(g: Graph, link: Linker, s) -> list[list[str]]:
    rows = []
    for doc in set(g.subjects(SDO.mentions, s)):
        issued = g.value(doc, DCTERMS.issued)
        rows.append(((str(issued or "9999"), label(g, doc)),
                     [link.entity(doc), htmlmod.escape(str(issued or "")),
                      link.quotes(triple_quotes(g, doc, SDO.mentions, s), _names(g, s))]))
    return _sort_rows(rows)


def _decimal(v) -> Decimal | None:
    try:
        return Decimal(str(v))
    except (InvalidOperation, ValueError):
        return None


def figures_table(g: Graph, link: Linker, s) -> tuple[list[list[str]], dict]:
    """The figures about ``s`` by time (undated last) and the chart points per unit IRI."""
    rows, points = [], defaultdict(list)
    for f in set(g.subjects(U.about, s)):
        when, start, end = figure_time(g, f)
        text = str(g.value(f, RDFS.label) or f"{g.value(f, RDF.value)}{g.value(f, U.unitText) or ''}")
        measure = str(g.value(f, U.measure) or "")
        unit = g.value(f, U.unit)
        value = _decimal(g.value(f, RDF.value))
        qs = quotes_of(g, f)
        approx = "约" if str(g.value(f, U.approximate)).lower() == "true" else ""
        rows.append(((start if start is not None else end - 1 if end is not None else 1e9, end or 0, measure, str(f)),
                     [htmlmod.escape(when), htmlmod.escape(measure), htmlmod.escape(approx + text),
                      link.quotes(qs, [text])]))
        if start is None and end is not None:  # 截至2022年底: a total up to a date, drawn in that date's year
            start, end = float(math.ceil(end) - 1), float(math.ceil(end))
        if unit in CHART_UNITS and value is not None and start is not None and end is not None:
            _, div, _ = CHART_UNITS[unit]
            points[unit].append(Point(measure, float(value) / div, start, end, text, when,
                                      qs[0].text if qs else ""))
    return _sort_rows(rows), points


def charts(points: dict) -> str:
    """The figures-over-time charts of one entity (money, person-times), or a note when nothing is dated."""
    out = [svg_chart(points[u], unit, caption) for u, (unit, _, caption) in CHART_UNITS.items() if points.get(u)]
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
    parents = _related(g, link, ((s, ORG.subOrganizationOf, o) for o in g.objects(s, ORG.subOrganizationOf)),
                       lambda a, b: b)
    children = _related(g, link, ((c, ORG.subOrganizationOf, s) for c in g.subjects(ORG.subOrganizationOf, s)),
                        lambda a, b: a)
    programmes = _related(g, link, ((x, U.organizedBy, s) for x in g.subjects(U.organizedBy, s)), lambda a, b: a)
    figures, points = figures_table(g, link, s)
    summary = _summary(g, link, s)
    return "".join([
        '<main class="facts">',
        f'<dl class="summary">{summary}</dl>' if summary else "",
        f'<section id="chart"><h2>数字随时间</h2>{charts(points)}</section>',
        table("职务", ["人物", "职务", "任职时间", "原文"], posts, id_="posts"),
        table("上级工会", ["工会", "原文"], parents, id_="parents"),
        table("下级工会", ["工会", "原文"], children, id_="children"),
        table("主办的活动项目", ["活动项目", "原文"], programmes, id_="programmes"),
        table("获得的荣誉", ["荣誉", "原文"], _awards(g, link, s), id_="awards"),
        table("数字（按年份或时期）", ["时间", "指标", "数值", "原文"], figures, id_="figures"),
        table("提及的文章", ["文章", "日期", "原文"], _articles(g, link, s), id_="articles"),
        "</main>"])


def person_main(g: Graph, s, pages: Mapping[str, str], up: str) -> str:
    """The tables of a person's page: posts with their intervals, awards, articles written and mentioning."""
    link = Linker(g, pages, up)
    written = [[link.entity(d), htmlmod.escape(str(g.value(d, DCTERMS.issued) or ""))]
               for d in sorted(g.subjects(DCTERMS.creator, s), key=lambda d: label(g, d))]
    summary = _summary(g, link, s)
    return "".join([
        '<main class="facts">',
        f'<dl class="summary">{summary}</dl>' if summary else "",
        table("职务", ["单位", "职务", "任职时间", "原文"], _posts(g, link, s, of_person=True), id_="posts"),
        table("获得的荣誉", ["荣誉", "原文"], _awards(g, link, s), id_="awards"),
        table("撰写的文章", ["文章", "日期"], written, id_="written") if written else "",
        table("提及的文章", ["文章", "日期", "原文"], _articles(g, link, s), id_="articles"),
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

    The text as read (:func:`graph.read.text_as_read`: the decoded file, or
    the text extracted from HTML) comes first; :func:`graph.read.normalise`
    of it second. An unreadable file gives an empty list (the page then
    shows the quotes only).
    """
    from ..read import ReadError, normalise, text_as_read

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
