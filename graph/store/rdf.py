"""Stage 5, build RDF: article facts become one rdflib graph in the public vocabulary.

Corpus-wide entity resolution happens here: an entity's IRI is minted from
its class and its canonical name (quotes and spaces removed), so 顺义区总工会
named in two articles is one node, and a rebuild gives the same IRIs.
Figures are identified by their article and their order in it.

Vocabulary (``../shared/gold/VOCABULARY.md``): W3C ORG for unions, posts
(``org:Membership``) and hierarchy (``org:subOrganizationOf``); SKOS labels;
FOAF persons; schema.org ``mentions`` and places; Dublin Core for articles;
OWL-Time for dates and periods; PROV-O for provenance; ``ukg:`` for the rest.

Evidence (``ukg:Evidence``, see ``schema/ontology.ttl``): a figure or a post
points to the span it was read from with ``prov:wasDerivedFrom``; a fact that
is one triple is named on its evidence node with ``rdf:subject``,
``rdf:predicate`` and ``rdf:object``.  Evidence IRIs are made of the article,
the offsets and (for a triple) a hash of the triple, so a rebuild gives the
same IRIs and parallel builds the same Turtle.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME
from rdflib.plugins.serializers.nt import _quoteLiteral

from ..mentions.unions import union_level
from ..model import ArticleFacts, Evidence, FigureFact
from ..namespace import ID, UKG, bind_prefixes
from ..resolve import norm_key, parent_of
from ..text.places import Division, divisions, parse_place
from ..text.when import Period, TimeRef, resolve_period


class _Terms:
    """A namespace whose terms, once asked for, are plain attributes.

    An attribute of rdflib's closed namespaces (``RDF.type``, ``UKG.quote``)
    runs Python code on every access, a few per triple written; here only
    the first access does (so an unknown ``ukg:`` term still raises).
    """

    def __init__(self, ns) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._ns, name)
        setattr(self, name, term)
        return term


RDF, RDFS, XSD, DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME, UKG = map(
    _Terms, (RDF, RDFS, XSD, DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME, UKG))

UNIT_IRIS = {"yuan": UKG.Yuan, "percent": UKG.Percent, "person": UKG.Person,
             "person-time": UKG.PersonTime, "count": UKG.Count}
UNIT_LABELS = {"yuan": ("元", "yuan"), "percent": ("百分比", "percent"), "person": ("人", "person"),
               "person-time": ("人次", "person-time"), "count": ("个", "count")}
QUDT = {"yuan": URIRef("http://qudt.org/vocab/currency/CNY"), "percent": URIRef("http://qudt.org/vocab/unit/PERCENT")}
_SAFE = re.compile(r"[0-9A-Za-z\u4e00-\u9fff\-_.]")


@lru_cache(maxsize=1 << 14)  # names recur in an article (mentions, posts, figures' subjects) and across articles
def slug(name: str) -> str:
    """IRI path segment for a name: readable CJK kept, other characters percent-encoded.

    Parameters
    ----------
    name : str
        Canonical name, e.g. ``"“送温暖”"``.

    Returns
    -------
    str
        ``"送温暖"``: quotes and spaces removed (they do not distinguish
        entities), remaining unsafe characters percent-encoded (RFC 3987
        allows the CJK characters in IRIs).

    Examples
    --------
    >>> slug("“互联网+”职业培训模式")
    '互联网%2B职业培训模式'
    """
    key = norm_key(name)
    return "".join(ch if _SAFE.match(ch) else quote(ch, safe="") for ch in key)


def entity_iri(kind: str, name: str) -> URIRef:
    """Stable IRI of an entity: ``ID/<kind>/<slug(name)>``."""
    return _id(f"{kind}/{slug(name)}")


def union_iri(name: str, region: Division | None = None) -> URIRef:
    """Stable IRI of a union: ``ID/union/<slug(name)>``, and for a name that carries no place of its
    own (综保区工会, 开发区工会, 某某街道总工会: many cities have one) the division it lies in after it,
    ``ID/union/<slug(name)>/in/<province>/<city>``, so that those of different cities stay apart.

    Parameters
    ----------
    name : str
        The union's canonical name.
    region : Division or None
        The city (else province) the union lies in, for a place-less name; None keeps the name alone.

    Returns
    -------
    URIRef
    """
    if region is None:
        return entity_iri("union", name)
    return _id(f"union/{slug(name)}/in/" + "/".join(slug(x) for x in region.path))


_PLACE_LESS_LEVELS = ("industrial-park", "street")


def _union_region(name: str, level: str | None, near: Division | None) -> Division | None:
    """The division under the province of ``near`` (its city; a municipality's district), else the
    province, that a place-less union name is keyed by (see :func:`union_iri`); None for a name that
    starts with its place, or when no division is known."""
    if level not in _PLACE_LESS_LEVELS or near is None or parse_place(name) is not None:
        return None
    # 海口市龙华区 → 海口市; 北京市顺义区 → 顺义区 (a municipality has no city level: its districts are one)
    return divisions().get(near.path[:2], near)


def article_iri(doc_id: str) -> URIRef:
    """IRI of an article: ``ID/article/<doc_id>``."""
    return _id(f"article/{quote(doc_id, safe='')}")


@lru_cache(maxsize=1 << 12)  # a third of an article's calls repeat a label or name; a Literal is immutable
def zh(text: str) -> Literal:
    """A Chinese literal: ``text@zh``."""
    return Literal(text, lang="zh")


_ID = str(ID)


def _id(tail: str) -> URIRef:
    """``ID[tail]``, the IRI of an instance: rdflib's ``Namespace`` makes the same URIRef through two more
    Python calls (a few per triple written)."""
    return URIRef(_ID + tail)


@lru_cache(maxsize=1 << 12, typed=True)
def _literal(value: str | bool, datatype: URIRef | None = None) -> Literal:
    """``Literal(value, datatype=datatype)``, made once: units, years and flags recur in every article."""
    return Literal(value, datatype=datatype)


@lru_cache(maxsize=1 << 12)
def _integer(n: int) -> Literal:
    """``Literal(n)`` (an ``xsd:integer``), made once: evidence offsets recur."""
    return Literal(n)


@lru_cache(maxsize=1 << 10)
def _segment(doc_id: str) -> str:
    """An article's id as one IRI path segment (percent-encoded), made once per article."""
    return quote(doc_id, safe="")


class _Triples:
    """The few rdflib ``Graph`` methods :class:`GraphBuilder` uses, over dicts: one article's triples, fast.

    Indexed by (subject, predicate); patterns give both (the object may be None).
    rdflib's in-memory store costs about 25 µs an added triple, most of an
    article's RDF time; this is what a worker fills for a shard.
    """

    def __init__(self) -> None:
        self._sp: dict[tuple, dict] = {}
        self._nt: dict[URIRef, str] = {}  # IRI → its N-Triples text (:meth:`term`)

    def add(self, t: tuple) -> None:
        d = self._sp.get(sp := (t[0], t[1]))
        if d is None:
            self._sp[sp] = {t[2]: None}
        else:
            d[t[2]] = None

    def __contains__(self, t: tuple) -> bool:
        d = self._sp.get((t[0], t[1]))
        return bool(d) and (t[2] is None or t[2] in d)

    def remove(self, t: tuple) -> None:
        if t[2] is None:
            self._sp.pop((t[0], t[1]), None)
        else:
            self._sp.get((t[0], t[1]), {}).pop(t[2], None)

    def set(self, t: tuple) -> None:
        self._sp[(t[0], t[1])] = {t[2]: None}

    def value(self, s, p):
        return next(iter(self._sp.get((s, p), ())), None)

    def objects(self, s, p) -> list:
        return list(self._sp.get((s, p), ()))

    def subjects(self, p, o) -> list:
        # the object first: a lookup in a dict, where rdflib's == is a Python call for every (subject, predicate)
        return [s for (s, q), d in self._sp.items() if o in d and q == p]

    def term(self, t) -> str:
        """A term as N-Triples, as rdflib's writer (``_nt_row``) writes it; an IRI's text is made once.

        Raises
        ------
        Exception
            rdflib's, for an IRI that cannot be written (it holds a space, ``<``, ``"``...).
        """
        if type(t) is URIRef:
            text = self._nt.get(t)
            if text is None:  # rdflib's URIRef.n3 checks the IRI every time it is written
                text = self._nt[t] = t.n3()
            return text
        if isinstance(t, Literal):  # mostly distinct (quotes): not worth a lookup
            return _quoteLiteral(t)
        return t.n3()

    def ntriples(self) -> bytes:
        """The triples as N-Triples (the lines rdflib's ``_nt_row`` writes, each subject and predicate written once)."""
        term, iris = self.term, self._nt
        lines = []
        for (s, p), d in self._sp.items():
            head = f"{iris.get(s) or term(s)} {iris.get(p) or term(p)} "
            lines += [f"{head}{iris.get(o) or term(o) if type(o) is URIRef else term(o)} .\n" for o in d]
        return "".join(lines).encode("utf-8")


class GraphBuilder:
    """Accumulates articles' facts into one graph; merges entities by IRI.

    Parameters
    ----------
    fast : bool
        Fill a plain triple index instead of an rdflib Graph (for one
        article's shard, :func:`article_shard`).
    """

    def __init__(self, fast: bool = False) -> None:
        self.g = _Triples() if fast else bind_prefixes(Graph())
        self._labels: dict[URIRef, str] = {}
        self._union_iris: dict[str, URIRef] = {}  # the current article's place-less unions, keyed by region
        for unit, iri in UNIT_IRIS.items():
            self.g.add((iri, RDF.type, UKG.Unit))
            self.g.add((iri, SKOS.prefLabel, zh(UNIT_LABELS[unit][0])))
            self.g.add((iri, SKOS.prefLabel, Literal(UNIT_LABELS[unit][1], lang="en")))
            self.g.add((iri, SKOS.notation, Literal(unit)))
            if unit in QUDT:
                self.g.add((iri, SKOS.exactMatch, QUDT[unit]))

    # -- entities
    def _entity(self, kind: str, cls: URIRef, name: str, aliases: Iterable[str] = (),
                iri: URIRef | None = None) -> URIRef:
        iri = iri or entity_iri(kind, name)
        g = self.g
        if iri not in self._labels:
            self._labels[iri] = name
            g.add((iri, RDF.type, cls))
            g.add((iri, SKOS.prefLabel, zh(name)))
            if cls == FOAF.Person:
                g.add((iri, FOAF.name, zh(name)))
        pref = self._labels[iri]
        for a in aliases:
            if a and a != pref:
                g.add((iri, SKOS.altLabel, zh(a)))
        return iri

    def union(self, name: str, aliases: Iterable[str] = (), level: str | None = None,
              context: tuple[Division, ...] = ()) -> URIRef:
        iri = self._entity("union", UKG.TradeUnion, name, aliases, self._union_iris.get(name))
        if level and (iri, UKG.unionLevel, None) not in self.g:
            self.g.add((iri, UKG.unionLevel, Literal(level)))
        if (iri, SDO.location, None) not in self.g:
            d = parse_place(name, context)
            if d is not None:
                self.g.add((iri, SDO.location, self.place(d)))
        return iri

    # -- places, time, evidence
    def place(self, d: Division) -> URIRef:
        """The schema:Place of a division, with its code, level and the divisions above it."""
        iri = _id("place/" + "/".join(slug(x) for x in d.path))
        g = self.g
        if (iri, RDF.type, SDO.Place) not in g:
            g.add((iri, RDF.type, SDO.Place))
            g.add((iri, SKOS.prefLabel, zh(d.name)))
            g.add((iri, UKG.adminLevel, Literal(d.level)))
            if d.code:
                g.add((iri, UKG.adminCode, Literal(d.code)))
            parent = d.parent()
            if parent is not None:
                g.add((iri, SDO.containedInPlace, self.place(parent)))
        return iri

    def instant(self, value: str) -> URIRef:
        """A time:Instant for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        iri = _id(f"instant/{value}")
        if (iri, RDF.type, TIME.Instant) not in self.g:
            self.g.add((iri, RDF.type, TIME.Instant))
            self.g.add((iri, *_time_literal(value)))
        return iri

    def interval(self, p: Period) -> URIRef:
        """A time:Interval with its beginning and end (an open side left out), shared by equal periods."""
        iri = _id(f"interval/{p.start or ''}--{p.end or ''}")
        if (iri, RDF.type, TIME.Interval) not in self.g:
            self.g.add((iri, RDF.type, TIME.Interval))
            if p.start:
                self.g.add((iri, TIME.hasBeginning, self.instant(p.start)))
            if p.end:
                self.g.add((iri, TIME.hasEnd, self.instant(p.end)))
        return iri

    def evidence(self, doc: URIRef, doc_id: str, e: Evidence | None,
                 triple: tuple[URIRef, URIRef, URIRef | Literal] | None = None) -> URIRef | None:
        """The ukg:Evidence node of a span (and of the triple it supports), or None without a span."""
        if e is None:
            return None
        name = f"evidence/{_segment(doc_id)}/{e.start}-{e.end}"
        if triple is not None:
            name += "/" + hashlib.sha1("\n".join(triple).encode()).hexdigest()[:12]
        iri = _id(name)
        g = self.g
        if (iri, RDF.type, UKG.Evidence) not in g:
            g.add((iri, RDF.type, UKG.Evidence))
            g.add((iri, DCTERMS.source, doc))
            g.add((iri, UKG.quote, zh(e.quote)))
            g.add((iri, UKG.startOffset, _integer(e.start)))
            g.add((iri, UKG.endOffset, _integer(e.end)))
            if triple is not None:
                g.add((iri, RDF.subject, triple[0]))
                g.add((iri, RDF.predicate, triple[1]))
                g.add((iri, RDF.object, triple[2]))
        return iri

    def agent(self, name: str, unions: set[str]) -> URIRef:
        """A union if the article knows ``name`` as one, else an organisation."""
        if name in unions:
            return self._union_iris.get(name) or entity_iri("union", name)
        return self._entity("org", ORG.FormalOrganization, name)

    # -- one article
    def add_article(self, facts: ArticleFacts) -> URIRef:
        """Add one article's facts.

        Parameters
        ----------
        facts : ArticleFacts

        Returns
        -------
        URIRef
            The article's IRI.
        """
        g = self.g
        doc = article_iri(facts.doc_id)
        g.add((doc, RDF.type, UKG.Article))
        g.add((doc, DCTERMS.identifier, Literal(facts.doc_id)))
        if facts.title:
            g.add((doc, DCTERMS.title, zh(facts.title)))
        ev = getattr(facts, "evidence", None) or {}
        issued = getattr(facts, "issued", None)
        divs = divisions()
        here = divs.get(tuple(facts.dateline_place)) if getattr(facts, "dateline_place", None) else None
        context = (here,) if here is not None else ()
        if issued:
            g.add((doc, DCTERMS.issued, _date_literal(issued)))
            self.evidence(doc, facts.doc_id, ev.get(("dateline",)),
                          (doc, DCTERMS.issued, _date_literal(issued)))
        if here is not None:
            g.add((doc, DCTERMS.spatial, self.place(here)))
        if getattr(facts, "publisher", None):
            g.add((doc, DCTERMS.publisher, zh(facts.publisher)))

        def said(key: tuple, triple: tuple[URIRef, URIRef, URIRef] | None = None) -> URIRef | None:
            return self.evidence(doc, facts.doc_id, ev.get(key), triple)

        def mention(iri: URIRef, kind: str, name: str) -> URIRef:
            g.add((doc, SDO.mentions, iri))
            said(("mention", kind, name), (doc, SDO.mentions, iri))
            return iri

        union_names = {u.name for u in facts.unions}
        by_name = {u.name: u for u in facts.unions}

        def union_context(name: str, seen: frozenset = frozenset()) -> tuple[Division, ...]:
            # a union's parent, named in the article, tells 朝阳区 in 北京 from 朝阳区 in 长春
            u = by_name.get(name)
            parent = u.parent if u is not None else parent_of(name)
            if not parent or parent in seen:
                return context
            d = parse_place(parent, union_context(parent, seen | {name}))
            return (d, *context) if d is not None else context

        self._union_iris = {}
        for u in facts.unions:
            # the division of its parent (or of the parent's own chain: a park's union under a zone's), else
            # the dateline's; the dateline's city where it lies inside the parent's province
            chain = union_context(u.parent) if u.parent else ()
            near = (parse_place(u.parent, chain) or next(iter(chain[:len(chain) - len(context)]), None)
                    if u.parent else None) or here
            if here is not None and near.contains(here):
                near = here
            region = _union_region(u.name, u.level or union_level(u.name), near)
            if region is not None:
                self._union_iris[u.name] = union_iri(u.name, region)
        for u in facts.unions:
            iri = mention(self.union(u.name, u.aliases, u.level, union_context(u.name)), "union", u.name)
            if u.level in ("street", "industrial-park") and u.parent and (iri, SDO.location, None) not in g:
                # a street's or a park's union lies in the division of the union the text puts it under
                d = parse_place(u.parent, union_context(u.parent))
                if d is not None and d.level != "province":
                    g.add((iri, SDO.location, self.place(d)))
            child, parent, child_name = iri, u.parent, u.name
            seen = {u.name}
            while parent and parent not in seen:  # walk up: 街道 → 区 → 市 → 全总
                seen.add(parent)
                p_iri = self.union(parent, level=union_level(parent), context=union_context(parent))
                g.add((child, ORG.subOrganizationOf, p_iri))
                # the link the article states, else the name the lexicon inferred it from
                said(("parent", child_name, parent), (child, ORG.subOrganizationOf, p_iri)) \
                    or said(("mention", "union", u.name), (child, ORG.subOrganizationOf, p_iri))
                child, child_name, parent = p_iri, parent, parent_of(parent)
        for o in facts.organizations:
            mention(self._entity("org", ORG.FormalOrganization, o.name, o.aliases), "org", o.name)
        for d in facts.documents:
            mention(self._entity("document", UKG.Document, d.name, d.aliases), "document", d.name)
        creators = set(facts.creators)
        for p in facts.persons:
            person = mention(self._entity("person", FOAF.Person, p.name), "person", p.name)
            if p.name in creators:
                g.add((doc, DCTERMS.creator, person))
            for r in p.roles:
                org_iri = self.agent(r.org, union_names) if r.org else None
                m = _id(f"membership/{slug(p.name)}/{slug(r.title)}/{slug(r.org or '-')}")
                role = _id(f"role/{slug(r.title)}")
                g.add((m, RDF.type, ORG.Membership))
                g.add((m, ORG.member, person))
                g.add((m, ORG.role, role))
                g.add((m, PROV.wasDerivedFrom, doc))
                e = said(("member", p.name, r.title, r.org))
                if e is not None:
                    g.add((m, PROV.wasDerivedFrom, e))
                g.add((role, RDF.type, ORG.Role))
                g.set((role, SKOS.prefLabel, zh(r.title)))
                if org_iri is not None:
                    g.add((m, ORG.organization, org_iri))
                self._during(m, issued, getattr(r, "begin", None))
        for c in facts.creators:
            if not any(p.name == c for p in facts.persons):
                g.add((doc, DCTERMS.creator, mention(self._entity("person", FOAF.Person, c), "person", c)))
        for x in facts.programmes:
            iri = mention(self._entity("programme", UKG.Programme, x.name, x.aliases), "programme", x.name)
            if x.organizer:
                org = self.agent(x.organizer, union_names)
                g.add((iri, UKG.organizedBy, org))
                said(("organizer", x.name, x.organizer), (iri, UKG.organizedBy, org))
        persons = {p.name for p in facts.persons}
        for a in facts.awards:
            iri = mention(self._entity("award", UKG.Award, a.name, a.aliases), "award", a.name)
            for who in a.recipients:
                rec = entity_iri("person", who) if who in persons else self.agent(who, union_names)
                g.add((rec, UKG.receivedAward, iri))
                said(("recipient", a.name, who), (rec, UKG.receivedAward, iri))
        subjects = {"union": "union", "organization": "org", "programme": "programme", "award": "award",
                    "person": "person"}  # a private person's own figures (47岁的X…仅手术费就需要10余万元)
        plan = Period(*facts.plan) if getattr(facts, "plan", None) else None
        for i, f in enumerate(facts.figures, 1):
            self._figure(doc, facts.doc_id, i, f, union_names, subjects)
            iri = _id(f"figure/{_segment(facts.doc_id)}/{i}")
            e = said(("figure", i))
            if e is not None:
                g.add((iri, PROV.wasDerivedFrom, e))
            self._period(iri, f, issued, plan)
        return doc

    def _during(self, m: URIRef, issued: str | None, begin: TimeRef | None) -> None:
        """org:memberDuring of a post: the article's date inside it, a beginning where the text gives one."""
        g = self.g
        during = URIRef(f"{m}/during")
        g.add((m, ORG.memberDuring, during))
        g.add((during, RDF.type, TIME.Interval))
        if issued:
            g.add((during, TIME.inside, self.instant(issued)))
        start = None
        if begin is not None:
            start = issued if begin.kind == "now" else (resolve_period(begin, issued) or Period(None, None)).start
        if start:
            old = g.value(during, TIME.hasBeginning)
            if old is None or str(old).rsplit("/", 1)[-1] > start:  # two articles: the earlier start
                g.set((during, TIME.hasBeginning, self.instant(start)))

    def _period(self, iri: URIRef, f: FigureFact, issued: str | None, plan: Period | None) -> None:
        """ukg:refPeriod of a figure; ukg:year only for a period within one calendar year (then they agree)."""
        p = resolve_period(getattr(f, "when", None), issued, plan)
        if p is None or (p.start is None and p.end is None):
            return
        year = p.single_year()
        if year is not None and f.year is None:
            # within one year, but the resolver's rules (resolve._year_for) found no year the text gives
            # this figure: a time phrase carried from another sentence is not stamped on it
            return
        g = self.g
        g.add((iri, UKG.refPeriod, self.interval(p)))
        if year is None and p.start is None:  # 截至2022年底: a stock at the end of a year
            side = int(p.end[:4])
            year = side if f.year == side else None
        g.remove((iri, UKG.year, None))
        if year is not None:
            g.add((iri, UKG.year, _literal(str(year), XSD.gYear)))

    def _figure(self, doc: URIRef, doc_id: str, i: int, f: FigureFact, unions: set[str],
                subjects: dict[str, str]) -> None:
        g = self.g
        iri = _id(f"figure/{_segment(doc_id)}/{i}")
        g.add((iri, RDF.type, UKG.Figure))
        g.add((iri, RDFS.label, zh(f.text)))
        g.add((iri, RDF.value, Literal(f.value, datatype=XSD.decimal)))
        g.add((iri, UKG.unit, UNIT_IRIS[f.unit]))
        g.add((iri, UKG.unitText, _literal(f.unit_text)))
        g.add((iri, UKG.approximate, _literal(f.approx)))
        if f.measure:
            g.add((iri, UKG.measure, zh(f.measure)))
        if f.year:
            g.add((iri, UKG.year, _literal(str(f.year), XSD.gYear)))
        g.add((iri, UKG.quote, zh(f.quote)))
        g.add((iri, PROV.wasDerivedFrom, doc))
        if f.subject:
            kind = subjects.get(f.subject_kind or "union", "union")
            subj = (self._union_iris.get(f.subject) if kind == "union" else None) or (
                entity_iri(kind, f.subject) if kind != "union" or f.subject in unions else None)
            if subj is not None and (subj, RDF.type, None) in g:
                g.add((iri, UKG.about, subj))
            elif kind == "union":
                g.add((iri, UKG.about, self.union(f.subject)))


def _time_literal(value: str) -> tuple[URIRef, Literal]:
    """(OWL-Time property, literal) for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if len(value) == 4:
        return TIME.inXSDgYear, Literal(value, datatype=XSD.gYear)
    if len(value) == 7:
        return TIME.inXSDgYearMonth, Literal(value, datatype=XSD.gYearMonth)
    return TIME.inXSDDate, Literal(value, datatype=XSD.date)


def _date_literal(value: str) -> Literal:
    """An article date: xsd:date, or xsd:gYearMonth without a day."""
    return Literal(value, datatype=XSD.gYearMonth if len(value) == 7 else XSD.date)


def build_graph(facts: Iterable[ArticleFacts]) -> Graph:
    """Build one graph from many articles' facts.

    Parameters
    ----------
    facts : iterable of ArticleFacts
        In any order; the result does not depend on it except for which
        form of a name becomes the preferred label when two articles
        disagree (the first wins), so callers pass articles sorted by id.

    Returns
    -------
    rdflib.Graph
        With the project's prefixes bound.
    """
    b = GraphBuilder()
    for f in facts:
        b.add_article(f)
    return b.g


# ---------------------------------------------------------------- per-article shards
#: Rules for the few values an entity holds once although several articles give one.
#: ``first``: the value of the first article (by article id) wins, as in one :class:`GraphBuilder`;
#: ``last``: the last article's (a role's label is set, not added); ``min``: the smallest value (the
#: earliest beginning of a post).
FIRST, LAST, MIN = "first", "last", "min"


@dataclass
class Shard:
    """One article's triples, made where the article was extracted (a worker), merged by :class:`ShardMerger`.

    ``ntriples`` holds every triple but the ones an entity holds once (``functional``: the subject's
    and the predicate's IRIs, the object in N-Triples and the rule, see :data:`FIRST`), which the
    merger decides between articles.  ``key`` orders articles: ``(doc_id, source)``, the order of a
    serial build.  Plain strings, not rdflib terms: the build process unpickles every shard, and
    making rdflib terms there (IRI and language-tag checks) cost as much as the rest of a shard.
    ``check``: the article's part of the corpus-wide consistency check
    (:func:`graph.store.check.shard_check`, set by the build's workers, whose ``ntriples`` then hold
    the article's own findings too).  ``path``: a file of N-Triples a worker wrote for the merger to load
    instead of ``ntriples`` (then empty), holding the triples of this shard and of the other shards of its
    task (:func:`graph.build.articles_task`); the merger loads it once, then deletes it.
    """

    key: tuple[str, str]
    ntriples: bytes
    functional: list[tuple[str, str, str, str]] = field(default_factory=list)
    check: object | None = None
    path: str | None = None


def article_shard(facts: ArticleFacts) -> Shard:
    """One article's triples, independent of every other article.

    Parameters
    ----------
    facts : ArticleFacts
        With ``doc_id`` and ``source`` set.

    Returns
    -------
    Shard
        Merging the shards of a corpus (:class:`ShardMerger`) gives the
        graph :func:`build_graph` gives for the same articles, but for two
        cross-article lookups made per article here: a figure's subject
        entity must be named in the figure's own article, and a place or an
        instant only a losing value pointed to is dropped.

    Notes
    -----
    IRIs are minted from names, so no article needs another's: the only
    values that depend on article order (a preferred label, a union's level
    and location, a role's label, a post's beginning) are handed to the
    merger as ``functional`` instead of being written.
    """
    b = GraphBuilder(fast=True)
    b.add_article(facts)
    g = b.g
    functional: list[tuple[str, str, str, str]] = []

    def take(s: URIRef, p: URIRef, rule: str) -> None:
        objects = g.objects(s, p)
        if objects:
            g.term(s), g.term(p)  # an IRI N-Triples cannot hold fails here, as in ntriples()
        for o in objects:
            functional.append((str(s), str(p), g.term(o), rule))  # the object as ntriples() writes it
            g.remove((s, p, o))

    for iri in b._labels:
        for p in (SKOS.prefLabel, FOAF.name, UKG.unionLevel, SDO.location):
            take(iri, p, FIRST)
    for role in list(g.subjects(RDF.type, ORG.Role)):
        take(role, SKOS.prefLabel, LAST)
    for m in list(g.subjects(RDF.type, ORG.Membership)):
        take(URIRef(f"{m}/during"), TIME.hasBeginning, MIN)
    return Shard((facts.doc_id, facts.source or ""), g.ntriples(), functional)


class FunctionalValues:
    """The values of rule :data:`FIRST`, :data:`LAST` or :data:`MIN` that articles give, weighed once all are in.

    Kept in a private temporary SQLite database on disk (``sqlite3``, a
    page cache of a few MB), not in a dict: one row per value and article,
    so a build's memory does not grow with the entities of its corpus.
    The outcome does not depend on the order articles come in.
    """

    def __init__(self) -> None:
        import sqlite3

        self._db = sqlite3.connect("")  # "": a temporary database on disk, deleted when closed
        self._db.execute("CREATE TABLE v (s TEXT, p TEXT, rule TEXT, k1 TEXT, k2 TEXT, tail TEXT, iri TEXT, line TEXT)")

    def add(self, key: tuple[str, str], functional: Iterable[tuple[str, str, str, str]]) -> None:
        """Queue one article's values (``key`` orders articles, as :attr:`Shard.key`; the values as
        :attr:`Shard.functional` holds them)."""
        self._db.executemany("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
            (s, p, rule, key[0], key[1], (o[1:-1] if o[:1] == "<" else o).rsplit("/", 1)[-1],
             o[1:-1] if o[:1] == "<" else None, f"<{s}> <{p}> {o} .\n") for s, p, o, rule in functional])

    def settle(self) -> tuple[Iterator[bytes], Callable[[], list[str]]]:
        """The winning triples, and a function giving the IRIs only losing values named (call it after them).

        Per subject and predicate the value of the smallest article key
        wins (``first``), of the largest (``last``), or the smallest by the
        last segment of its IRI (``min``: the earliest instant).

        Returns
        -------
        (iterator of bytes, callable)
            N-Triples lines of the winners; then the losers' IRIs that no
            winner names (nodes a serial build would not have made).
        """
        db = self._db
        db.execute("CREATE TABLE won (iri TEXT PRIMARY KEY) WITHOUT ROWID")
        db.execute("CREATE TABLE lost (iri TEXT PRIMARY KEY) WITHOUT ROWID")

        def winners() -> Iterator[bytes]:
            group: list[tuple] = []
            rows = db.execute("SELECT s, p, rule, k1, k2, tail, iri, line FROM v ORDER BY s, p")
            for row in chain(rows, [None]):  # fetched lazily: SQLite sorts on disk
                if group and (row is None or row[:2] != group[0][:2]):
                    rule = group[0][2]
                    if rule == MIN:
                        best = min(group, key=lambda r: (r[5], r[7]))
                    else:
                        best = (min if rule == FIRST else max)(group, key=lambda r: (r[3], r[4]))
                    if best[6] is not None:
                        db.execute("INSERT OR IGNORE INTO won VALUES (?)", (best[6],))
                    db.executemany("INSERT OR IGNORE INTO lost VALUES (?)",
                                   [(r[6],) for r in group if r[6] is not None and r[7] != best[7]])
                    yield best[7].encode("utf-8")
                    group = []
                if row is not None:
                    group.append(row)

        def losers() -> list[str]:
            out = [r[0] for r in db.execute("SELECT iri FROM lost WHERE iri NOT IN (SELECT iri FROM won)")]
            db.close()
            return out

        return winners(), losers


class ShardMerger:
    """Bulk-loads article shards into a :class:`pyoxigraph.Store`, in any order, and settles their functional values.

    Parameters
    ----------
    store : pyoxigraph.Store
        In memory or on disk; triples are added to its default graph.
    batch : int
        Bytes of N-Triples gathered before one bulk load.
    bulk : bool
        Load batches with :meth:`pyoxigraph.Store.bulk_load` (for an on-disk store: RocksDB ingests sorted
        files) rather than :meth:`pyoxigraph.Store.load` (in memory: 15-20% less CPU for the same triples,
        and the build process's CPU is what two workers share with it).

    Notes
    -----
    The result does not depend on the order shards arrive in: a value of
    rule ``first`` is the one of the smallest article key, whichever came
    first.  Memory held here: two batches (one gathering, one loading); the
    functional values (a few per entity) wait on disk (:class:`FunctionalValues`).

    A batch is bulk-loaded on a thread of its own (Oxigraph releases the GIL
    while it parses and indexes), so the build's main loop keeps taking
    workers' results meanwhile instead of leaving them idle behind a full
    window of pending articles.
    """

    def __init__(self, store, batch: int = 16 << 20, bulk: bool = True) -> None:
        from concurrent.futures import Future, ThreadPoolExecutor

        self.store = store
        self.batch = batch
        self.bulk = bulk
        self._buf: list[bytes] = []
        self._files: list[str] = []  # shards' files (:attr:`Shard.path`), loaded with the next batch
        self._size = 0
        self._loader: ThreadPoolExecutor | None = None
        self._loading: Future | None = None
        self._values = FunctionalValues()

    def add(self, shard: Shard) -> None:
        """Queue one article's triples and its functional values (weighed against the others' in :meth:`finish`)."""
        self._buf.append(shard.ntriples)
        self._size += len(shard.ntriples)
        if shard.path is not None:
            self._files.append(shard.path)
            with contextlib.suppress(OSError):
                self._size += os.path.getsize(shard.path)
        if self._size >= self.batch:
            self._flush()
        self._values.add(shard.key, shard.functional)

    def _flush(self) -> None:
        import pyoxigraph as ox

        if not self._buf and not self._files:
            return
        data = b"".join(self._buf)
        files = self._files
        self._buf, self._files, self._size = [], [], 0
        self._wait()  # one batch loading at a time: memory stays at two batches
        if self._loader is None:
            from concurrent.futures import ThreadPoolExecutor

            self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="union-kg-load")
        load = self.store.bulk_load if self.bulk else self.store.load

        def load_all() -> None:
            # lenient: no second validation of the IRIs and language tags rdflib wrote (slug and quote make
            # the IRIs; 20% less CPU to load)
            if data:
                load(data, format=ox.RdfFormat.N_TRIPLES, lenient=True)
            for path in files:  # read by Oxigraph itself: the bytes never become a Python object here
                load(path=path, format=ox.RdfFormat.N_TRIPLES, lenient=True)
                os.unlink(path)

        self._loading = self._loader.submit(load_all)

    def _wait(self) -> None:
        """Wait for the batch being loaded (its error, if any, is raised here)."""
        fut, self._loading = self._loading, None
        if fut is not None:
            fut.result()

    def close(self) -> None:
        """Wait for the batch being loaded and stop the loader thread (:meth:`finish` does it too)."""
        try:
            self._wait()
        finally:
            if self._loader is not None:
                self._loader.shutdown()
                self._loader = None

    def finish(self) -> None:
        """Load what is queued and the winning functional values; drop places and instants only losers named."""
        import pyoxigraph as ox

        self._flush()
        self.close()
        winners, losers = self._values.settle()
        batch: list[bytes] = []
        for line in winners:  # loaded in batches: the winners are about one triple per entity
            batch.append(line)
            if len(batch) >= 100_000:
                self.store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_TRIPLES)
                batch = []
        self.store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_TRIPLES)
        todo = losers()
        while todo:  # a place or instant no triple points to is one a serial build would not have made
            node = ox.NamedNode(todo.pop())
            if next(iter(self.store.quads_for_pattern(None, None, node, ox.DefaultGraph())), None) is not None:
                continue
            for q in list(self.store.quads_for_pattern(node, None, None, ox.DefaultGraph())):
                self.store.remove(q)
                if q.predicate.value == str(SDO.containedInPlace):
                    todo.append(q.object.value)
        self._values = FunctionalValues()


__all__ = ["build_graph", "GraphBuilder", "entity_iri", "article_iri", "slug", "Shard", "article_shard",
           "ShardMerger", "FunctionalValues"]
