"""Figures as a table: one row per ``ukg:Figure``, read with SPARQL, written as CSV, JSON or text.

The rows are read from the public vocabulary only (``VOCABULARY.md``), with
one SPARQL query run by pyoxigraph, so any graph in that vocabulary works,
whoever built it.  Columns, in order: ``article`` (dcterms:identifier),
``title``, ``figure`` (IRI), ``label`` (the number as written), ``subject``
(skos:prefLabel of ``ukg:about``), ``measure``, ``value`` (xsd:decimal,
normalised: yuan, percent points, persons ...), ``unit`` (skos:notation of
the unit), ``unit_text``, ``approximate``, ``year``, ``period_start`` and
``period_end`` (the figure's ``ukg:refPeriod``: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``, empty when open or absent), ``quote``.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO

import pyoxigraph
import rdflib

#: Column names of the table, in order.
COLUMNS = ("article", "title", "figure", "label", "subject", "measure", "value", "unit", "unit_text",
           "approximate", "year", "period_start", "period_end", "quote")

FIGURES_QUERY = """
PREFIX ukg: <https://w3id.org/union-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time: <http://www.w3.org/2006/time#>
SELECT ?figure ?doc ?article ?title ?label ?subject ?subjectLabel ?measure ?value ?unit ?unitNotation
       ?unitText ?approximate ?year ?quote ?periodStart ?periodEnd
WHERE {
  ?figure a ukg:Figure ; rdf:value ?value .
  OPTIONAL { ?figure prov:wasDerivedFrom ?doc . ?doc a ukg:Article ; dcterms:identifier ?article .
             OPTIONAL { ?doc dcterms:title ?title } }
  OPTIONAL { ?figure rdfs:label ?label }
  OPTIONAL { ?figure ukg:about ?subject . OPTIONAL { ?subject skos:prefLabel ?subjectLabel } }
  OPTIONAL { ?figure ukg:measure ?measure }
  OPTIONAL { ?figure ukg:unit ?unit . OPTIONAL { ?unit skos:notation ?unitNotation } }
  OPTIONAL { ?figure ukg:unitText ?unitText }
  OPTIONAL { ?figure ukg:approximate ?approximate }
  OPTIONAL { ?figure ukg:year ?year }
  OPTIONAL { ?figure ukg:quote ?quote }
  OPTIONAL { ?figure ukg:refPeriod ?period .
             OPTIONAL { ?period time:hasBeginning/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate) ?periodStart }
             OPTIONAL { ?period time:hasEnd/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate) ?periodEnd } }
}
"""

_ORDER = re.compile(r"/(\d+)$")


class TableError(Exception):
    """A graph that cannot be read, or an output that cannot be written (one-line message)."""


@dataclass
class FigureRow:
    """One figure of the graph, flattened.

    ``value`` is the normalised ``rdf:value`` (Decimal; yuan for money,
    percent points for %); ``n`` is the figure's order in its article (the
    number that ends its IRI ``…/figure/<article>/<n>``), ``None`` if the
    IRI has another form.  Multi-valued properties keep their first value in
    a stable order, except ``subject``, which joins all labels with ``；``.
    """

    article: str
    title: str
    figure: str
    label: str
    subject: str
    measure: str
    value: Decimal
    unit: str
    unit_text: str
    approximate: bool
    year: int | None
    quote: str
    n: int | None = None
    subject_iris: tuple[str, ...] = ()
    unit_iri: str = ""
    article_iri: str = ""
    period_start: str = ""
    period_end: str = ""

    def as_record(self) -> dict:
        """The row as a JSON-ready dict of :data:`COLUMNS` (value a number or None, year an int or None)."""
        rec = {c: getattr(self, c) for c in COLUMNS}
        v = self.value
        if not v.is_finite():  # an rdf:value that is not a number
            rec["value"] = None
        else:
            rec["value"] = int(v) if v == v.to_integral_value() else float(v)
        return rec


def oxigraph_of(g) -> pyoxigraph.Store | None:
    """The pyoxigraph store under an rdflib Graph made over one (oxrdflib, as a build returns), else None."""
    inner = getattr(getattr(g, "store", None), "_inner", None)
    return inner if isinstance(inner, pyoxigraph.Store) else None


def load_store(source: str | Path | rdflib.Graph | pyoxigraph.Store) -> pyoxigraph.Store:
    """A pyoxigraph store holding ``source``.

    Parameters
    ----------
    source : path-like, rdflib.Graph or pyoxigraph.Store
        A Turtle file (or any RDF file whose extension pyoxigraph knows:
        .nt, .nq, .trig, .rdf, .jsonld), an rdflib graph (copied through
        N-Triples), or a store (returned as is).

    Returns
    -------
    pyoxigraph.Store
        An in-memory store.

    Raises
    ------
    TableError
        When the file does not exist or is not valid RDF.
    """
    if isinstance(source, pyoxigraph.Store):
        return source
    if oxigraph_of(source) is not None:  # a build's graph: its store, not a copy
        return oxigraph_of(source)
    store = pyoxigraph.Store()
    if isinstance(source, rdflib.Graph):
        store.load(source.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
        return store
    path = Path(source)
    if not path.is_file():
        raise TableError(f"no graph at {path}: run `union-kg build` first")
    fmt = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip(".")) or pyoxigraph.RdfFormat.TURTLE
    try:
        store.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise TableError(f"{path} is not valid RDF: {first}") from None
    return store


def _text(term) -> str:
    return "" if term is None else term.value


def figure_rows(source: str | Path | rdflib.Graph | pyoxigraph.Store) -> list[FigureRow]:
    """Every ``ukg:Figure`` of a graph as a :class:`FigureRow`, sorted by article then order in it.

    Parameters
    ----------
    source : path-like, rdflib.Graph or pyoxigraph.Store
        See :func:`load_store`.

    Returns
    -------
    list of FigureRow
        Sorted by (article id, ``n``, figure IRI); figures without an
        article sort first.

    Raises
    ------
    TableError
        When the graph cannot be read.

    Examples
    --------
    >>> from graph.pipeline import extract_text
    >>> from graph.store.rdf import build_graph
    >>> rows = figure_rows(build_graph([extract_text("全年共投入233万元。", "a")]))
    >>> (rows[0].value, rows[0].unit, rows[0].unit_text)
    (Decimal('2330000'), 'yuan', '万元')
    """
    store = load_store(source)
    acc: dict[str, dict] = {}
    for sol in store.query(FIGURES_QUERY):
        iri = sol["figure"].value
        r = acc.setdefault(iri, {"subjects": {}})
        for var in ("article", "title", "label", "measure", "value", "unitText", "approximate", "year", "quote",
                    "unit", "unitNotation", "doc", "periodStart", "periodEnd"):
            term = sol[var]
            if term is not None:
                r.setdefault(var, set()).add(term.value)
        if sol["subject"] is not None:
            labels = r["subjects"].setdefault(sol["subject"].value, set())
            lab = sol["subjectLabel"]
            if lab is not None:
                labels.add((0 if getattr(lab, "language", None) == "zh" else 1, lab.value))
    rows = [_row(iri, r) for iri, r in acc.items()]
    rows.sort(key=lambda x: (x.article, x.n if x.n is not None else sys.maxsize, x.figure))
    return rows


def _first(r: dict, var: str) -> str:
    vals = r.get(var)
    return min(vals) if vals else ""


def _row(iri: str, r: dict) -> FigureRow:
    try:
        value = Decimal(_first(r, "value"))
    except InvalidOperation:
        value = Decimal("NaN")
    year_text = _first(r, "year")
    m = re.match(r"-?\d+", year_text)
    order = _ORDER.search(iri)
    unit_iri = _first(r, "unit")
    subjects = sorted(r["subjects"])
    labels = [min(r["subjects"][s])[1] if r["subjects"][s] else s for s in subjects]
    return FigureRow(
        article=_first(r, "article"), title=_first(r, "title"), figure=iri, label=_first(r, "label"),
        subject="；".join(labels), measure=_first(r, "measure"), value=value,
        unit=_first(r, "unitNotation") or re.split(r"[#/]", unit_iri)[-1],
        unit_text=_first(r, "unitText"), approximate=_first(r, "approximate") in ("true", "1"),
        year=int(m.group()) if m else None, quote=_first(r, "quote"),
        n=int(order.group(1)) if order else None, subject_iris=tuple(subjects), unit_iri=unit_iri,
        article_iri=_first(r, "doc"), period_start=_first(r, "periodStart"), period_end=_first(r, "periodEnd"))


# ---------------------------------------------------------------- writers
def _plain(v: Decimal) -> str:
    """A decimal without exponent: ``Decimal('1.2E+8')`` → ``'120000000'``."""
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def to_csv(rows: list[FigureRow]) -> str:
    """The rows as CSV text (RFC 4180, header line, ``true``/``false``, empty cell for no year)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for r in rows:
        rec = {c: getattr(r, c) for c in COLUMNS}
        rec["value"] = _plain(r.value)
        rec["approximate"] = "true" if r.approximate else "false"
        rec["year"] = "" if r.year is None else str(r.year)
        w.writerow([rec[c] for c in COLUMNS])
    return buf.getvalue()


def to_json(rows: list[FigureRow]) -> str:
    """The rows as a JSON array of records (``pandas.read_json(..., orient="records")`` reads it)."""
    return json.dumps([r.as_record() for r in rows], ensure_ascii=False, indent=1) + "\n"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _cut(s: str, width: int) -> str:
    out, w = "", 0
    for ch in s:
        cw = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if w + cw > width - 1 and _width(s) > width:
            return out + "…"
        out, w = out + ch, w + cw
    return out


def _period(r: FigureRow) -> str:
    """``2016–2020``, ``–2022-12-31`` (open start), ``2021`` (one year) or empty."""
    if not (r.period_start or r.period_end):
        return ""
    if r.period_start == r.period_end:
        return r.period_start
    return f"{r.period_start}–{r.period_end}"


def to_table(rows: list[FigureRow], quote_width: int = 40) -> str:
    """The rows as an aligned plain-text table for a terminal (CJK counted double width; long cells cut)."""
    cols = ("article", "n", "label", "subject", "measure", "value", "unit", "approx", "year", "period", "quote")
    limits = {"article": 20, "subject": 16, "measure": 16, "quote": quote_width}
    table = [cols]
    for r in rows:
        cells = (r.article, "" if r.n is None else str(r.n), r.label, r.subject, r.measure, _plain(r.value), r.unit,
                 "~" if r.approximate else "", "" if r.year is None else str(r.year), _period(r), r.quote)
        table.append(tuple(_cut(c, limits[k]) if k in limits else c for k, c in zip(cols, cells, strict=True)))
    widths = [max(_width(row[i]) for row in table) for i in range(len(cols))]
    right = {"n", "value"}
    lines = []
    for row in table:
        parts = []
        for i, c in enumerate(row):
            pad = " " * (widths[i] - _width(c))
            parts.append(pad + c if cols[i] in right else c + pad)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines) + "\n"


FORMATS = {"csv": to_csv, "json": to_json, "table": to_table}


def write_rows(rows: list[FigureRow], fmt: str = "csv", out: str | Path | IO[str] | None = None,
               bom: bool = False) -> str:
    """Format the rows and write them to a file or stream.

    Parameters
    ----------
    rows : list of FigureRow
    fmt : {"csv", "json", "table"}
    out : path-like, text stream or None
        A file to (over)write, a stream, or ``None`` for standard output.
    bom : bool
        Start with a UTF-8 byte order mark (U+FEFF), so that Excel opens a
        CSV file as UTF-8.

    Returns
    -------
    str
        The text written (without the BOM).

    Raises
    ------
    ValueError
        For an unknown format.
    TableError
        When the file cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    text = FORMATS[fmt](rows)
    if out is None or hasattr(out, "write"):
        stream = out or sys.stdout
        if hasattr(stream, "buffer"):
            stream.flush()
            stream.buffer.write(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
            stream.buffer.flush()
        else:
            stream.write(("\ufeff" if bom else "") + text)
        return text
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8-sig" if bom else "utf-8", newline="")
    except OSError as err:
        raise TableError(f"cannot write {path}: {err.strerror}") from None
    return text


__all__ = ["COLUMNS", "FIGURES_QUERY", "FigureRow", "TableError", "figure_rows", "load_store", "to_csv", "to_json",
           "to_table", "write_rows"]
