"""SPARQL over the built graph: the Python API behind ``union-kg query`` and ``union-kg serve``.

Queries run on Oxigraph (pyoxigraph), not on rdflib's default store: on the
seed corpus scaled to 264k triples the saved aggregate queries run 19× to
3700× faster there (median 560×; ``bench/bench_sparql.py``).  rdflib stays the graph API of the build; the
Turtle it writes is bulk-loaded into a :class:`pyoxigraph.Store`.

The project's prefixes (``ukg:``, ``ukgid:``, ``org:``, ``skos:``, ``foaf:``,
``schema:``, ``prov:``, ``dcterms:``, ``xsd:``, ``rdf:``, ``rdfs:``, see
:data:`graph.namespace.PREFIXES`) are predeclared, so a query may use them
without ``PREFIX`` lines; a ``PREFIX`` in the query overrides them.

Examples
--------
>>> from graph.sparql import rows
>>> rows("out/graph.ttl",
...     "SELECT ?name WHERE { ?u a ukg:TradeUnion ; skos:prefLabel ?name }")  # doctest: +SKIP
[{'name': '北京市总工会'}, ...]
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..namespace import PREFIXES

#: Prefixes predeclared in every query (name → namespace IRI).
QUERY_PREFIXES: dict[str, str] = {k: str(v) for k, v in PREFIXES.items()}

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

_XSD = "http://www.w3.org/2001/XMLSchema#"
_LOCAL = re.compile(r"[A-Za-z_][\w\-]*")  # a safe subset of SPARQL's PN_LOCAL
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


class QueryError(ValueError):
    """A query the engine cannot parse.

    Attributes
    ----------
    message : str
        The engine's message, e.g. ``"expected one of LATERAL, SERVICE, [_]"``.
    line, column : int or None
        1-based position of the error in the query, when the engine gives it.
    query : str
        The query text.
    kind : str
        What is wrong, the start of the message: ``"malformed query"``,
        ``"unknown prefix"``, ``"updates are refused"``.
    """

    def __init__(self, message: str, line: int | None, column: int | None, query: str,
                 kind: str = "malformed query") -> None:
        self.message, self.line, self.column, self.query, self.kind = message, line, column, query, kind
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{kind}: {where}{message}")

    def pointer(self) -> str:
        """The offending line of the query with a caret under the column ('' if unknown or not needed)."""
        lines = self.query.splitlines()
        if self.kind != "malformed query" or self.line is None or not 0 < self.line <= len(lines):
            return ""
        text = lines[self.line - 1]
        col = max(1, self.column or 1)
        return f"  {text}\n  {' ' * _width(text[:col - 1])}^"


class GraphLoadError(ValueError):
    """The graph file is missing or is not valid RDF."""


#: Comments, strings and IRIs: skipped when looking at a query's keywords and prefixed names.
_NOISE = re.compile(r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>')
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*(?:<[^>]*>)?\s*)*", re.I)
#: The operations of SPARQL 1.1 Update (https://www.w3.org/TR/sparql11-update/), first word after the prologue.
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_PREFIXED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|[\s;,.)}\]]|$)")
_DECLARED = re.compile(r"PREFIX\s+([\w.-]*):", re.I)


def _blank(m: re.Match) -> str:
    return re.sub(r"\S", " ", m.group(0))


def update_operation(sparql: str) -> str | None:
    """The SPARQL Update operation a text starts with (``"INSERT"``, ``"DROP"`` ...), or None.

    Only the first word after ``PREFIX``/``BASE`` declarations and comments
    is looked at: it tells an update sent as a query apart from a malformed query.
    """
    text = re.sub(r"#[^\n]*", " ", sparql)
    m = _PROLOGUE.match(text)
    word = re.match(r"[A-Za-z]+", text[m.end():] if m else text)
    return word.group(0).upper() if word and word.group(0).upper() in UPDATE_WORDS else None


def unknown_prefix(sparql: str, prefixes: dict[str, str] | None = None) -> tuple[str, int, int] | None:
    """The first prefixed name whose prefix is neither declared in ``sparql`` nor predeclared.

    Returns
    -------
    (str, int, int) or None
        The prefix (``"foo"`` for ``foo:bar``; ``""`` for ``:bar``), and its
        1-based line and column; None when every prefix is known.
    """
    known = set(QUERY_PREFIXES if prefixes is None else prefixes)
    text = _NOISE.sub(_blank, sparql)  # same length: positions stay
    known |= set(_DECLARED.findall(text))
    for m in _PREFIXED.finditer(text):
        name = m.group(1) or ""
        if name in known or re.search(r"(?i)PREFIX\s+$", text[max(0, m.start() - 40):m.start()]):
            continue
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        return name, line, col
    return None


def _syntax_error(err: SyntaxError, sparql: str) -> QueryError:
    msg = str(err)
    op = update_operation(sparql)
    if op:
        return QueryError(f"this is a SPARQL Update ({op}); only SELECT, ASK, CONSTRUCT and DESCRIBE queries "
                          "are run, the graph is read-only", None, None, sparql, kind="updates are refused")
    m = _POSITION.match(msg)
    if m and "Prefix not found" in msg:
        found = unknown_prefix(sparql)
        if found:
            name, line, col = found
            return QueryError(f"'{name}:' is not declared: add PREFIX {name}: <...> or use a predeclared one ("
                              + " ".join(f"{p}:" for p in QUERY_PREFIXES) + ")", line, col, sparql,
                              kind="unknown prefix")
    if m:
        return QueryError(m.group(3).strip(), int(m.group(1)), int(m.group(2)), sparql)
    return QueryError(msg, None, None, sparql)


def _rdf_format(path: Path) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    return fmt or ox.RdfFormat.TURTLE


def is_store_dir(path: str | Path) -> bool:
    """True when ``path`` is the folder of an on-disk Oxigraph store (``union-kg build --store DIR``)."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file()  # RocksDB's marker file


def graph_file(path: str | Path) -> Path:
    """The RDF file for a ``GRAPH`` argument: a file, a build folder holding ``graph.ttl``, or a store folder.

    Raises
    ------
    GraphLoadError
        When neither exists.
    """
    p = Path(path)
    if is_store_dir(p):
        return p
    if p.is_dir() and (p / "graph.ttl").is_file():
        return p / "graph.ttl"
    if not p.is_file():
        raise GraphLoadError(f"no graph at {p}: run `union-kg build` first, or give the path of a .ttl file "
                             "or of a store folder (union-kg build --store DIR)")
    return p


def open_store(graph: str | Path | ox.Store | Any, path: str | Path | None = None) -> ox.Store:
    """An Oxigraph store holding a graph.

    Parameters
    ----------
    graph : path-like, pyoxigraph.Store or rdflib.Graph
        A Turtle file (or N-Triples, RDF/XML ... by extension), a build
        folder holding ``graph.ttl``, the folder of an on-disk store
        (``union-kg build --store DIR``: opened read-only, nothing is
        parsed), a store (returned as is) or an rdflib graph (copied
        through N-Triples; a build's graph gives its own store).
    path : path-like, optional
        Folder for an on-disk store (created); in memory by default.

    Returns
    -------
    pyoxigraph.Store

    Raises
    ------
    GraphLoadError
        When the file is missing or not valid RDF.
    """
    if isinstance(graph, ox.Store):
        return graph
    if isinstance(graph, str | Path) and is_store_dir(graph) and path is None:
        try:
            return ox.Store.read_only(str(graph))
        except OSError as err:
            raise GraphLoadError(f"{graph} is not a readable Oxigraph store: {err}") from None
    if not isinstance(graph, str | Path):
        from ..export.tables import oxigraph_of

        if oxigraph_of(graph) is not None:
            return oxigraph_of(graph)
    store = ox.Store(str(path)) if path is not None else ox.Store()
    if isinstance(graph, str | Path):
        f = graph_file(graph)
        if f.is_dir():  # a store folder copied into another store (serve copies files, not stores)
            store.bulk_load(ox.Store.read_only(str(f)).dump(format=ox.RdfFormat.N_QUADS),
                            format=ox.RdfFormat.N_QUADS)
            return store
        try:
            store.bulk_load(path=str(f), format=_rdf_format(f))
        except SyntaxError as err:
            raise GraphLoadError(f"{f} is not valid RDF: {err}") from None
    else:  # an rdflib graph
        store.bulk_load(input=graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def query(graph: str | Path | ox.Store | Any, sparql: str, **options: Any) -> Result:
    """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE).

    Parameters
    ----------
    graph : path-like, pyoxigraph.Store or rdflib.Graph
        See :func:`open_store`; pass a store to run many queries on one load.
    sparql : str
        The query; the project's prefixes (:data:`QUERY_PREFIXES`) are predeclared.
    **options
        Passed to :meth:`pyoxigraph.Store.query` (``substitutions``, ...).

    Returns
    -------
    pyoxigraph.QuerySolutions, pyoxigraph.QueryBoolean or pyoxigraph.QueryTriples
        An iterator of solutions (SELECT), a boolean (ASK) or an iterator
        of triples (CONSTRUCT, DESCRIBE); the iterators are single-pass.

    Raises
    ------
    QueryError
        When the query is malformed (message, line and column of the engine).
    GraphLoadError
        When the graph file cannot be loaded.
    """
    store = open_store(graph)
    options.setdefault("prefixes", QUERY_PREFIXES)
    try:
        return store.query(sparql, **options)
    except SyntaxError as err:
        raise _syntax_error(err, sparql) from None


def python_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> Any:
    """A term as a plain Python value.

    IRIs become ``str``, blank nodes ``"_:id"``; literals of
    ``xsd:integer`` become ``int``, ``xsd:decimal`` ``Decimal``,
    ``xsd:double``/``float`` ``float``, ``xsd:boolean`` ``bool``, any other
    literal (strings, language-tagged text, ``xsd:gYear`` ...) its lexical
    form as ``str``; unbound is ``None``.
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt == _XSD + "integer" or dt == _XSD + "int" or dt == _XSD + "long":
                return int(term.value)
            if dt == _XSD + "decimal":
                return Decimal(term.value)
            if dt in (_XSD + "double", _XSD + "float"):
                return float(term.value)
            if dt == _XSD + "boolean":
                return term.value in ("true", "1")
        except ValueError:
            return term.value
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def rows(graph: str | Path | ox.Store | Any, sparql: str, **options: Any) -> list[dict[str, Any]]:
    """Run a query and return its answer as a list of dicts (no pandas needed).

    Parameters
    ----------
    graph, sparql, **options
        As for :func:`query`.

    Returns
    -------
    list of dict
        SELECT: one dict per solution, ``{variable: value}`` with values
        from :func:`python_value` (unbound variables map to ``None``);
        ASK: ``[{"ask": bool}]``; CONSTRUCT/DESCRIBE: one
        ``{"subject", "predicate", "object"}`` dict per triple.

    Raises
    ------
    QueryError, GraphLoadError
        As for :func:`query`.
    """
    res = query(graph, sparql, **options)
    return result_rows(res)


def result_rows(res: Result) -> list[dict[str, Any]]:
    """The rows of a result of :func:`query` (see :func:`rows`); consumes the iterator."""
    if isinstance(res, ox.QueryBoolean):
        return [{"ask": bool(res)}]
    if isinstance(res, ox.QueryTriples):
        return [{"subject": python_value(t.subject), "predicate": python_value(t.predicate),
                 "object": python_value(t.object)} for t in res]
    names = [v.value for v in res.variables]
    return [{n: python_value(s[n]) for n in names} for s in res]


# ---------------------------------------------------------------- text output
def _width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def short(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str:
    """A term for reading: IRIs as prefixed names when a project prefix fits, literals as their text.

    IRIs whose local part is no valid SPARQL prefixed name (``ukgid:`` IRIs
    hold a ``/``) stay whole, ``<...>``, so they can be pasted into a query.
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for p, ns in QUERY_PREFIXES.items():
            if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns):]):
                return f"{p}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def format_table(res: ox.QuerySolutions) -> str:
    """SELECT solutions as an aligned text table (CJK-aware), with a row count."""
    names = [v.value for v in res.variables]
    body = [[short(s[n]).replace("\n", " ") for n in names] for s in res]
    widths = [max([_width(n)] + [_width(r[i]) for r in body]) for i, n in enumerate(names)]
    out = ["  ".join(_pad(n, w) for n, w in zip(names, widths, strict=True)).rstrip(),
           "  ".join("-" * w for w in widths)]
    out += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    out.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(out)


#: ``--format`` names → pyoxigraph result formats (SELECT, ASK).
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
#: ``--format`` names → pyoxigraph RDF formats (CONSTRUCT, DESCRIBE).
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                 "xml": ox.RdfFormat.RDF_XML}


def render(res: Result, fmt: str = "table") -> str:
    """A query result as text in a ``--format``.

    Parameters
    ----------
    res : result of :func:`query`
    fmt : str
        ``table`` (readable; Turtle for graph results), ``json`` (W3C SPARQL
        1.1 Query Results JSON), ``xml``, ``csv``, ``tsv`` (W3C SPARQL 1.1
        CSV/TSV); for CONSTRUCT/DESCRIBE also ``turtle``, ``ntriples``,
        ``jsonld``.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        When the format does not fit the kind of result.
    """
    if isinstance(res, ox.QueryTriples):
        if fmt == "table":
            fmt = "turtle"
        if fmt not in GRAPH_FORMATS:
            raise ValueError(f"a CONSTRUCT or DESCRIBE answer is a graph: use --format {'|'.join(GRAPH_FORMATS)}")
        from ..export.turtle import TURTLE_PREFIXES

        return ox.serialize(res, format=GRAPH_FORMATS[fmt], prefixes=TURTLE_PREFIXES).decode("utf-8")
    if fmt == "table":
        return ("yes" if bool(res) else "no") if isinstance(res, ox.QueryBoolean) else format_table(res)
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"a SELECT or ASK answer is a table: use --format table|{'|'.join(RESULT_FORMATS)}")
    return res.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")


__all__ = ["query", "rows", "result_rows", "open_store", "render", "format_table", "python_value", "short",
           "graph_file", "is_store_dir", "QueryError", "GraphLoadError", "QUERY_PREFIXES"]
