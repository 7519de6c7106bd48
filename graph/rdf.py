"""Stage 5, build RDF: article facts become one rdflib graph in the public vocabulary.

Corpus-wide entity resolution happens here: an entity's IRI is minted from
its class and its canonical name (quotes and spaces removed), so 顺义区总工会
named in two articles is one node, and a rebuild gives the same IRIs.
Figures are identified by their article and their order in it.

Vocabulary (``../shared/gold/VOCABULARY.md``): W3C ORG for unions, posts
(``org:Membership``) and hierarchy (``org:subOrganizationOf``); SKOS labels;
FOAF persons; schema.org ``mentions``; Dublin Core for articles; PROV-O for
provenance of figures; ``ukg:`` for the rest.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS

from .mentions.unions import union_level
from .model import ArticleFacts, FigureFact
from .namespace import ID, UKG, bind_prefixes
from .resolve import norm_key, parent_of

UNIT_IRIS = {"yuan": UKG.Yuan, "percent": UKG.Percent, "person": UKG.Person,
             "person-time": UKG.PersonTime, "count": UKG.Count}
UNIT_LABELS = {"yuan": ("元", "yuan"), "percent": ("百分比", "percent"), "person": ("人", "person"),
               "person-time": ("人次", "person-time"), "count": ("个", "count")}
QUDT = {"yuan": URIRef("http://qudt.org/vocab/currency/CNY"), "percent": URIRef("http://qudt.org/vocab/unit/PERCENT")}
_SAFE = re.compile(r"[0-9A-Za-z\u4e00-\u9fff\-_.]")


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
    return ID[f"{kind}/{slug(name)}"]


def article_iri(doc_id: str) -> URIRef:
    """IRI of an article: ``ID/article/<doc_id>``."""
    return ID[f"article/{quote(doc_id, safe='')}"]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class GraphBuilder:
    """Accumulates articles' facts into one graph; merges entities by IRI."""

    def __init__(self) -> None:
        self.g = bind_prefixes(Graph())
        self._labels: dict[URIRef, str] = {}
        for unit, iri in UNIT_IRIS.items():
            self.g.add((iri, RDF.type, UKG.Unit))
            self.g.add((iri, SKOS.prefLabel, zh(UNIT_LABELS[unit][0])))
            self.g.add((iri, SKOS.prefLabel, Literal(UNIT_LABELS[unit][1], lang="en")))
            self.g.add((iri, SKOS.notation, Literal(unit)))
            if unit in QUDT:
                self.g.add((iri, SKOS.exactMatch, QUDT[unit]))

    # -- entities
    def _entity(self, kind: str, cls: URIRef, name: str, aliases: Iterable[str] = ()) -> URIRef:
        iri = entity_iri(kind, name)
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

    def union(self, name: str, aliases: Iterable[str] = (), level: str | None = None) -> URIRef:
        iri = self._entity("union", UKG.TradeUnion, name, aliases)
        if level and (iri, UKG.unionLevel, None) not in self.g:
            self.g.add((iri, UKG.unionLevel, Literal(level)))
        return iri

    def agent(self, name: str, unions: set[str]) -> URIRef:
        """A union if the article knows ``name`` as one, else an organisation."""
        if name in unions:
            return entity_iri("union", name)
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

        def mention(iri: URIRef) -> URIRef:
            g.add((doc, SDO.mentions, iri))
            return iri

        union_names = {u.name for u in facts.unions}
        for u in facts.unions:
            iri = mention(self.union(u.name, u.aliases, u.level))
            child, parent = iri, u.parent
            seen = {u.name}
            while parent and parent not in seen:  # walk up: 街道 → 区 → 市 → 全总
                seen.add(parent)
                p_iri = self.union(parent, level=union_level(parent))
                g.add((child, ORG.subOrganizationOf, p_iri))
                child, parent = p_iri, parent_of(parent)
        for o in facts.organizations:
            mention(self._entity("org", ORG.FormalOrganization, o.name, o.aliases))
        for d in facts.documents:
            mention(self._entity("document", UKG.Document, d.name, d.aliases))
        creators = set(facts.creators)
        for p in facts.persons:
            person = mention(self._entity("person", FOAF.Person, p.name))
            if p.name in creators:
                g.add((doc, DCTERMS.creator, person))
            for r in p.roles:
                org_iri = self.agent(r.org, union_names) if r.org else None
                m = ID[f"membership/{slug(p.name)}/{slug(r.title)}/{slug(r.org or '-')}"]
                role = ID[f"role/{slug(r.title)}"]
                g.add((m, RDF.type, ORG.Membership))
                g.add((m, ORG.member, person))
                g.add((m, ORG.role, role))
                g.add((m, PROV.wasDerivedFrom, doc))
                g.add((role, RDF.type, ORG.Role))
                g.set((role, SKOS.prefLabel, zh(r.title)))
                if org_iri is not None:
                    g.add((m, ORG.organization, org_iri))
        for c in facts.creators:
            if not any(p.name == c for p in facts.persons):
                g.add((doc, DCTERMS.creator, mention(self._entity("person", FOAF.Person, c))))
        for x in facts.programmes:
            iri = mention(self._entity("programme", UKG.Programme, x.name, x.aliases))
            if x.organizer:
                g.add((iri, UKG.organizedBy, self.agent(x.organizer, union_names)))
        persons = {p.name for p in facts.persons}
        for a in facts.awards:
            iri = mention(self._entity("award", UKG.Award, a.name, a.aliases))
            for who in a.recipients:
                rec = entity_iri("person", who) if who in persons else self.agent(who, union_names)
                g.add((rec, UKG.receivedAward, iri))
        subjects = {"union": "union", "organization": "org", "programme": "programme", "award": "award",
                    "person": "person"}  # a private person's own figures (47岁的X…仅手术费就需要10余万元)
        for i, f in enumerate(facts.figures, 1):
            self._figure(doc, facts.doc_id, i, f, union_names, subjects)
        return doc

    def _figure(self, doc: URIRef, doc_id: str, i: int, f: FigureFact, unions: set[str],
                subjects: dict[str, str]) -> None:
        g = self.g
        iri = ID[f"figure/{quote(doc_id, safe='')}/{i}"]
        g.add((iri, RDF.type, UKG.Figure))
        g.add((iri, RDFS.label, zh(f.text)))
        g.add((iri, RDF.value, Literal(f.value, datatype=XSD.decimal)))
        g.add((iri, UKG.unit, UNIT_IRIS[f.unit]))
        g.add((iri, UKG.unitText, Literal(f.unit_text)))
        g.add((iri, UKG.approximate, Literal(f.approx)))
        if f.measure:
            g.add((iri, UKG.measure, zh(f.measure)))
        if f.year:
            g.add((iri, UKG.year, Literal(str(f.year), datatype=XSD.gYear)))
        g.add((iri, UKG.quote, zh(f.quote)))
        g.add((iri, PROV.wasDerivedFrom, doc))
        if f.subject:
            kind = subjects.get(f.subject_kind or "union", "union")
            subj = entity_iri(kind, f.subject) if kind != "union" or f.subject in unions else None
            if subj is not None and (subj, RDF.type, None) in g:
                g.add((iri, UKG.about, subj))
            elif kind == "union":
                g.add((iri, UKG.about, self.union(f.subject)))


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


__all__ = ["build_graph", "GraphBuilder", "entity_iri", "article_iri", "slug"]
