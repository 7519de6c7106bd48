"""Checks on figures: numbers that cannot be right, and numbers that cannot be placed.

Four kinds of :class:`Finding`, each decided from the graph's public
vocabulary only (the figure's ``rdfs:label``, ``rdf:value``, ``ukg:unit``,
``ukg:approximate``, ``ukg:measure``, ``ukg:about``, ``ukg:year``,
``ukg:quote`` and its IRI ``…/figure/<article>/<n>``, *n* = order in the
article), never from a list of known cases:

``part-exceeds-whole``
    A *whole* is a figure whose clause, before the number, has 累计, 共,
    共计, 共有, 总计, 合计, 总共, 一共 or 全年 (jieba words, so 中国共产党 or
    共建 do not count).  A *part* is a figure whose clause has 其中, 用于,
    包括 or 包含 before the number, or any figure of a sentence that opens
    with one of them.  A part is paired with the nearest figure before it,
    of the same unit, that is not itself a part — in its own sentence or, if
    its sentence opens with a part word, in the sentence before (through a
    run of such sentences, as in ``其中用于…;用于…;``).  The pair is a
    finding when that figure is a whole and the part is larger.  Percentages
    are not added up, so they are not checked.
``conflicting-values``
    The same measure stated twice with values that cannot both hold: same
    unit; measure texts identical or with a character-bigram Dice
    coefficient of at least :data:`MEASURE_SIMILARITY`; within one article
    subject and year must agree where both are known, across articles both
    must be known and equal.  Figures of the same sentence, and a part with
    anything, are not compared.
``missing-subject`` / ``missing-year``
    A figure with no ``ukg:about`` / with neither a ``ukg:year`` nor a
    ``ukg:refPeriod`` (a five-year review's figure has a period, not a year).

Posts are checked too (:func:`conflicting_posts`, reported by ``union-kg
check`` but not written into the graph): one person named in a post and in
its deputy post (主席 / 副主席) of one union by two articles dated in the
same year; both posts stay, each with its evidence.

Approximate values (余, 多, 近, 约 ...) stand for a range: one unit of their
last significant digit either side (30余万人 ≈ 200000–400000), so 30余万 and
32万 do not conflict.

:func:`add_findings` writes the findings into a graph as ``ukg:Finding``
nodes (``ukg:findingType``, ``ukg:concerns``, ``ukg:explanation`` @zh and
@en, ``prov:wasDerivedFrom`` the articles), with IRIs derived from the
figures they concern, so a rebuild gives the same IRIs.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pyoxigraph
import rdflib
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from .export.tables import FigureRow, figure_rows
from .namespace import ID, UKG

#: Words that make the figure after them (in the same clause) a whole.
WHOLE_WORDS = frozenset({"累计", "共", "共计", "共有", "总计", "合计", "总共", "一共", "全年"})
#: Words that make the figure after them (in the same clause) a part.
PART_WORDS = frozenset({"其中", "用于", "包括", "包含"})
#: Clause boundaries (after NFKC normalisation).
CLAUSE_ENDS = ",;:。!?;:,\n"
#: Units whose values add up; parts and wholes are compared only in these.
ADDITIVE_UNITS = frozenset({"yuan", "person", "person-time", "count"})
#: Minimum character-bigram Dice coefficient for two measure texts to be "the same measure".
MEASURE_SIMILARITY = 0.8

FINDING_TYPES = ("part-exceeds-whole", "conflicting-values", "missing-subject", "missing-year")
UNIT_NAMES = {"yuan": "元", "percent": "%", "person": "人", "person-time": "人次", "count": "个"}


@dataclass
class Finding:
    """A data-quality finding about one or more figures.

    ``figures`` are the rows concerned (for ``part-exceeds-whole``: the
    whole, then the part); ``explanation`` maps a language tag (``zh``,
    ``en``) to a sentence; ``iri`` is stable (derived from the figures).
    """

    type: str
    figures: list[FigureRow]
    explanation: dict[str, str] = field(default_factory=dict)

    @property
    def iri(self) -> URIRef:
        tails = [_tail(f.figure) for f in self.figures]
        return ID[f"finding/{self.type}/{'+'.join(tails)}"]

    @property
    def articles(self) -> list[str]:
        """Article ids of the figures, in order, without repeats."""
        return list(dict.fromkeys(f.article for f in self.figures))

    def as_record(self) -> dict:
        """JSON-ready dict: type, iri, articles, explanation, figures (records with ``n``)."""
        return {"type": self.type, "iri": str(self.iri), "articles": self.articles,
                "explanation": self.explanation,
                "figures": [{**f.as_record(), "n": f.n} for f in self.figures]}


def _tail(iri: str) -> str:
    marker = "/figure/"
    return iri.split(marker, 1)[1] if marker in iri else iri.rsplit("/", 1)[-1]


# ---------------------------------------------------------------- clause roles
@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    from .segment import lcut

    return tuple(lcut(text))


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def _clause_before(quote: str, pos: int) -> str:
    """The clause of ``quote`` up to ``pos``; a clause before it that is only a marker (``其中,``) joins it."""
    start = max(quote.rfind(c, 0, pos) for c in CLAUSE_ENDS) + 1
    if start > 0:
        prev_start = max(quote.rfind(c, 0, start - 1) for c in CLAUSE_ENDS) + 1
        prev = quote[prev_start:start - 1].strip()
        if prev and all(w in PART_WORDS | WHOLE_WORDS for w in _words(prev)):
            start = prev_start
    return quote[start:pos]


def _opens_with_part(quote: str) -> bool:
    """True when the sentence's first word is a part word (其中, 用于 …)."""
    head = _norm(quote).lstrip(" \u3000\"“”'")[:6]
    words = _words(head)
    return bool(words) and words[0] in PART_WORDS


def roles(rows: list[FigureRow]) -> dict[str, str | None]:
    """The clause role of each figure: ``"whole"``, ``"part"`` or ``None``.

    Parameters
    ----------
    rows : list of FigureRow
        The figures of one article, in order (``n``).

    Returns
    -------
    dict
        figure IRI → role.  The figure is located in its quote by its label
        (the k-th figure of the article with that quote and label is taken
        at the k-th occurrence); a figure not found there has role ``None``
        unless its sentence opens with a part word.
    """
    out: dict[str, str | None] = {}
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows:
        quote, label = _norm(r.quote), _norm(r.label)
        k = seen[(quote, label)]
        seen[(quote, label)] += 1
        pos = -1
        for _ in range(k + 1):
            pos = quote.find(label, pos + 1) if label else -1
            if pos < 0:
                break
        role = None
        if pos >= 0:
            words = set(_words(_clause_before(quote, pos)))
            role = "part" if words & PART_WORDS else "whole" if words & WHOLE_WORDS else None
        if role is None and _opens_with_part(quote):
            role = "part"
        out[r.figure] = role
    return out


# ---------------------------------------------------------------- values
def value_range(r: FigureRow) -> tuple[Decimal, Decimal]:
    """The values a figure can stand for: ``(v, v)`` if exact, else one unit of its last significant digit around it.

    Examples
    --------
    A figure of 300000 written 30余万 (approximate) stands for 200000–400000;
    4188.57万余元 (41885700) for 41885600–41885800.
    """
    v = r.value
    if not r.approximate or not v.is_finite() or v == 0:
        return v, v
    step = Decimal(1).scaleb(v.normalize().as_tuple().exponent)
    return v - step, v + step


def _amount(r: FigureRow) -> str:
    return f"{r.label or r.value}"


def _plain(v: Decimal) -> str:
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _value_en(r: FigureRow) -> str:
    return f"{_plain(r.value)} {r.unit}"


def _value_zh(r: FigureRow) -> str:
    return f"{_plain(r.value)}{UNIT_NAMES.get(r.unit, r.unit)}"


# ---------------------------------------------------------------- the checks
def part_exceeds_whole(rows: list[FigureRow]) -> list[Finding]:
    """Parts (其中/用于 …) larger than the whole (累计/共/总计/全年 …) they follow; see the module docstring."""
    found = []
    for article_rows in _by_article(rows).values():
        role = roles(article_rows)
        for i, part in enumerate(article_rows):
            if role[part.figure] != "part" or part.unit not in ADDITIVE_UNITS or not part.value.is_finite():
                continue
            sentence, whole = part.quote, None
            for prev in reversed(article_rows[:i]):
                if prev.quote != sentence:  # crossing into the sentence before
                    if not _opens_with_part(sentence):
                        break
                    sentence = prev.quote
                if prev.unit != part.unit or role[prev.figure] == "part":
                    continue
                whole = prev
                break
            if whole is None or role[whole.figure] != "whole" or not whole.value.is_finite():
                continue
            if value_range(part)[0] > value_range(whole)[1]:
                found.append(Finding("part-exceeds-whole", [whole, part], {
                    "zh": f"部分大于整体:“{_amount(part)}”({_value_zh(part)})是“{_amount(whole)}”"
                          f"({_value_zh(whole)})的一部分,却比它大。",
                    "en": f"A part is larger than its whole: {_amount(part)} ({_value_en(part)}), stated as part of "
                          f"{_amount(whole)} ({_value_en(whole)}), exceeds it."}))
    return found


def dice(a: str, b: str) -> float:
    """Dice coefficient of the character-bigram multisets of two strings (1.0 for equal strings).

    References
    ----------
    L. R. Dice, "Measures of the amount of ecologic association between
    species", Ecology 26 (1945); on bigrams as in string similarity since.

    Examples
    --------
    >>> dice("新发展会员", "新发展会员")
    1.0
    >>> round(dice("开展职工沟通会", "职工沟通会"), 2)
    0.8
    """
    if a == b:
        return 1.0
    return _dice_grams(_bigrams(a), _bigrams(b))


@lru_cache(maxsize=65536)
def _bigrams(s: str) -> Counter:
    return Counter(s[i:i + 2] for i in range(len(s) - 1))


def _dice_grams(ga: Counter, gb: Counter) -> float:
    total = ga.total() + gb.total()
    return 2 * (ga & gb).total() / total if total else 0.0


def _agree(a, b, both_needed: bool) -> bool:
    if a and b:
        return a == b
    return not both_needed


def _when(r: FigureRow) -> tuple | None:
    """The time a figure refers to: its year, else its period; None if neither."""
    if r.year is not None:
        return ("year", r.year)
    if r.period_start or r.period_end:
        return ("period", r.period_start, r.period_end)
    return None


def conflicting_values(rows: list[FigureRow]) -> list[Finding]:
    """Figures that state the same measure with values that cannot both hold; see the module docstring.

    Figures linked by "same measure" form groups (connected components);
    a group with at least one pair of incompatible values is one finding
    concerning all its figures.
    """
    parts = {iri for art in _by_article(rows).values() for iri, role in roles(art).items() if role == "part"}
    cands = [r for r in rows if r.measure.strip() and r.figure not in parts and r.value.is_finite()]
    # blocking: only figures of one article, or of one subject and year, can state the same quantity
    blocks: dict[tuple, list[FigureRow]] = defaultdict(list)
    for r in cands:
        blocks[("article", r.article, r.unit)].append(r)
        if _when(r) is not None:
            # across articles only identical measures are compared (keeps a big corpus linear)
            for s in r.subject_iris:
                blocks[("subject", s, _when(r), r.unit, _norm(r.measure))].append(r)
    parent = {r.figure: r.figure for r in cands}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    conflict_edges = []
    # a pair found in two blocks (its article's and its subject's) is weighed twice, which changes nothing;
    # remembering the pairs seen held every pair of a big block (600 MB on the 20 MB bench, 9x that at 60 MB)
    for group in blocks.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if not _same_measure(a, b):
                    continue
                parent[find(a.figure)] = find(b.figure)
                lo_a, hi_a = value_range(a)
                lo_b, hi_b = value_range(b)
                if hi_a < lo_b or hi_b < lo_a:
                    conflict_edges.append(a.figure)
    components: dict[str, list[FigureRow]] = defaultdict(list)
    for r in cands:
        components[find(r.figure)].append(r)
    conflicted = {find(x) for x in conflict_edges}
    found = []
    for root, members in components.items():
        if root not in conflicted:
            continue
        members.sort(key=_row_key)
        measures = "、".join(dict.fromkeys(m.measure for m in members))
        zh_vals = "、".join(_amount(m) for m in members)
        en_vals = ", ".join(_value_en(m) for m in members)
        found.append(Finding("conflicting-values", members, {
            "zh": f"同一数量数值不一致:“{measures}”先后为 {zh_vals}。",
            "en": f"The same quantity ({measures}) is stated with different values: {en_vals}."}))
    return found


def _same_measure(a: FigureRow, b: FigureRow) -> bool:
    if a.quote == b.quote:  # one statement, even when two articles repeat it
        return False
    same_article = a.article == b.article
    if not _agree(a.subject_iris, b.subject_iris, not same_article):
        return False
    if not _agree(_when(a), _when(b), not same_article):
        return False
    ma, mb = _measure_key(a.measure), _measure_key(b.measure)
    if ma == mb:
        return True
    la, lb = len(ma) - 1, len(mb) - 1
    if la <= 0 or lb <= 0 or 2 * min(la, lb) < MEASURE_SIMILARITY * (la + lb):
        return False  # Dice cannot reach the threshold with bigram counts this different
    return _dice_grams(_bigrams(ma), _bigrams(mb)) >= MEASURE_SIMILARITY


@lru_cache(maxsize=65536)
def _measure_key(measure: str) -> str:
    return _norm(measure).strip()


def missing(rows: list[FigureRow]) -> list[Finding]:
    """Figures without ``ukg:about`` (``missing-subject``) or ``ukg:year`` (``missing-year``): one finding each."""
    found = []
    for r in rows:
        if not r.subject_iris:
            found.append(Finding("missing-subject", [r], {
                "zh": f"统计数字“{_amount(r)}”没有统计主体(ukg:about)。",
                "en": f"The figure {_amount(r)} has no subject (ukg:about)."}))
        if r.year is None and not (r.period_start or r.period_end):
            found.append(Finding("missing-year", [r], {
                "zh": f"统计数字“{_amount(r)}”没有年份(ukg:year)。",
                "en": f"The figure {_amount(r)} has no year (ukg:year)."}))
    return found


def _row_key(r: FigureRow):
    return (r.article, r.n if r.n is not None else 1 << 62, r.figure)


def _by_article(rows: Iterable[FigureRow]) -> dict[str, list[FigureRow]]:
    out: dict[str, list[FigureRow]] = defaultdict(list)
    for r in sorted(rows, key=_row_key):
        out[r.article].append(r)
    return out


def check(source: str | Path | rdflib.Graph | pyoxigraph.Store | list[FigureRow]) -> list[Finding]:
    """All findings about the figures of a graph.

    Parameters
    ----------
    source : path-like, rdflib.Graph, pyoxigraph.Store or list of FigureRow
        A graph (see :func:`graph.export.tables.load_store`) or its figure rows.

    Returns
    -------
    list of Finding
        Ordered by type (as in :data:`FINDING_TYPES`), then by the first
        figure concerned (article, order).

    Raises
    ------
    graph.export.tables.TableError
        When the graph cannot be read.

    Examples
    --------
    >>> from graph.pipeline import extract_text
    >>> from graph.rdf import build_graph
    >>> g = build_graph([extract_text("朝阳区总工会累计发放补助10万元,其中发放困难职工补助12万元。", "x")])
    >>> [f.type for f in check(g) if f.type == "part-exceeds-whole"]
    ['part-exceeds-whole']
    """
    rows = source if isinstance(source, list) else figure_rows(source)
    found = part_exceeds_whole(rows) + conflicting_values(rows) + missing(rows)
    order = {t: i for i, t in enumerate(FINDING_TYPES)}
    found.sort(key=lambda f: (order[f.type], _row_key(f.figures[0]), str(f.iri)))
    return found


def add_findings(g: rdflib.Graph | pyoxigraph.Store) -> list[Finding]:
    """Check the figures of ``g`` and add one ``ukg:Finding`` node per finding to it.

    Parameters
    ----------
    g : rdflib.Graph or pyoxigraph.Store
        A built graph; modified in place (a store: checked by SPARQL on it,
        findings loaded into it).  Findings already in it are kept;
        re-adding the same finding adds nothing (same IRI, same triples).

    Returns
    -------
    list of Finding
        As :func:`check` returns them.

    Notes
    -----
    Each node: ``a ukg:Finding ; ukg:findingType "part-exceeds-whole" ;
    ukg:concerns <figure> … ; ukg:explanation "…"@zh, "…"@en ;
    prov:wasDerivedFrom <article> …`` (shape ``ukgsh:FindingShape``).
    """
    findings = check(g)
    target = g
    if isinstance(g, pyoxigraph.Store):
        target = g
        g = rdflib.Graph()
    for f in findings:
        node = f.iri
        g.add((node, RDF.type, UKG.Finding))
        g.add((node, UKG.findingType, Literal(f.type)))
        for r in f.figures:
            g.add((node, UKG.concerns, URIRef(r.figure)))
            if r.article_iri:
                g.add((node, PROV.wasDerivedFrom, URIRef(r.article_iri)))
        for lang, text in f.explanation.items():
            g.add((node, UKG.explanation, Literal(text, lang=lang)))
    if target is not g:
        target.load(g.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return findings


# ---------------------------------------------------------------- posts
POSTS_QUERY = """
PREFIX ukg: <https://w3id.org/union-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?m ?person ?org ?title ?article ?date ?quote ?start WHERE {
  ?m a org:Membership ; org:member/skos:prefLabel ?person ; org:organization/skos:prefLabel ?org ;
     org:role/skos:prefLabel ?title ; prov:wasDerivedFrom ?ev .
  ?ev a ukg:Evidence ; dcterms:source ?doc ; ukg:quote ?quote ; ukg:startOffset ?start .
  ?doc dcterms:identifier ?article ; dcterms:issued ?date .
}
"""


@dataclass
class PostConflict:
    """One person in two posts of one union that cannot both be held at one time, per two articles.

    ``posts`` holds two ``(title, article, date, quote)``.
    """

    person: str
    org: str
    posts: tuple[tuple[str, str, str, str], tuple[str, str, str, str]]

    def as_record(self) -> dict:
        keys = ("title", "article", "date", "quote")
        return {"person": self.person, "org": self.org, "posts": [dict(zip(keys, p, strict=True)) for p in self.posts]}


def _ranks_clash(a: str, b: str) -> bool:
    """True for a post and its own deputy (主席 / 副主席 / 常务副主席): one person holds only one of them."""
    def base(t: str) -> str:
        return t.removeprefix("常务").removeprefix("副")
    return a != b and base(a) == base(b) and bool(base(a))


def conflicting_posts(source) -> list[PostConflict]:
    """Posts two articles give one person in one union at one time that cannot both hold.

    Parameters
    ----------
    source : path-like, rdflib.Graph or pyoxigraph.Store
        See :func:`graph.export.tables.load_store`.

    Returns
    -------
    list of PostConflict
        A pair is reported when the titles are a post and its deputy
        (主席 and 副主席, 副主席 and 常务副主席), both articles are dated
        (``dcterms:issued``) in the same year, and they are different
        articles.  Posts of undated articles are not compared: without a
        time, a promotion is not a disagreement.  Both posts stay in the
        graph, each with its evidence.
    """
    from .export.tables import load_store

    store = load_store(source)
    posts: dict[tuple[str, str], dict[tuple[str, str], tuple[str, str, str, str]]] = defaultdict(dict)
    for sol in store.query(POSTS_QUERY):
        key = (sol["person"].value, sol["org"].value)
        post = (sol["title"].value, sol["article"].value)
        cand = (sol["title"].value, sol["article"].value, sol["date"].value, sol["quote"].value)
        old = posts[key].get(post)
        if old is None or cand < old:  # one evidence per post and article, the same on every run
            posts[key][post] = cand
    found = []
    for (person, org), by_post in sorted(posts.items()):
        items = sorted(by_post.values())
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if a[1] != b[1] and a[2][:4] == b[2][:4] and _ranks_clash(a[0], b[0]):
                    found.append(PostConflict(person, org, (a, b)))
    return found


def format_posts(conflicts: list[PostConflict], quote_width: int = 120) -> str:
    """Readable report of :func:`conflicting_posts`, each post with its article, date and quote."""
    lines = []
    for c in conflicts:
        lines.append(f"[conflicting-posts] {c.posts[0][1]}, {c.posts[1][1]}")
        lines.append(f"  {c.person} in {c.org}: {c.posts[0][0]} or {c.posts[1][0]}?")
        for title, article, date, quote in c.posts:
            q = quote if len(quote) <= quote_width else quote[:quote_width - 1] + "…"
            lines.append(f"  {title} ({article}, {date})")
            lines.append(f"    “{q}”")
    return "\n".join(lines) + ("\n" if lines else "")


# ---------------------------------------------------------------- reports
def summary(findings: list[Finding]) -> str:
    """``"3 findings: 1 part-exceeds-whole, 2 conflicting-values, 0 missing-subject, 0 missing-year"``."""
    counts = {t: 0 for t in FINDING_TYPES}
    for f in findings:
        counts[f.type] += 1
    return f"{len(findings)} findings: " + ", ".join(f"{n} {t}" for t, n in counts.items())


def format_text(findings: list[Finding], lang: str = "en", quote_width: int = 120) -> str:
    """Readable report: per finding its type, article(s), explanation and each figure with its quote."""
    lines = []
    for f in findings:
        lines.append(f"[{f.type}] {', '.join(f.articles)}")
        lines.append(f"  {f.explanation.get(lang) or next(iter(f.explanation.values()), '')}")
        labels = {"part-exceeds-whole": ("whole", "part")}.get(f.type, ())
        for i, r in enumerate(f.figures):
            tag = labels[i] if i < len(labels) else "figure"
            q = r.quote if len(r.quote) <= quote_width else r.quote[:quote_width - 1] + "…"
            title = f" 《{r.title}》" if r.title and len(f.articles) > 1 else ""
            when = r.year or (f"{r.period_start or '…'}–{r.period_end or '…'}" if r.period_start or r.period_end
                              else "no year")
            lines.append(f"  {tag} #{r.n} {r.label} ({_value_en(r)}, {when}, "
                         f"{r.subject or 'no subject'}){title}")
            lines.append(f"    “{q}”")
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"


def format_json(findings: list[Finding]) -> str:
    """The findings as a JSON object: ``{"summary": {type: count}, "findings": [...]}``."""
    counts = {t: sum(1 for f in findings if f.type == t) for t in FINDING_TYPES}
    return json.dumps({"summary": counts, "findings": [f.as_record() for f in findings]},
                      ensure_ascii=False, indent=1) + "\n"


__all__ = ["Finding", "FINDING_TYPES", "PostConflict", "add_findings", "check", "conflicting_posts",
           "conflicting_values", "dice", "format_json", "format_posts",
           "format_text", "missing", "part_exceeds_whole", "roles", "summary", "value_range"]
