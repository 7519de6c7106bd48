"""The project's RDF namespaces: the checked ``ukg:`` vocabulary, instance IRIs and prefixes.

``UKG`` follows rdflib's own closed namespaces (``rdflib/namespace/_ORG.py``):
every term of ``schema/ontology.ttl`` is an annotated attribute, and asking
for any other name raises ``AttributeError``, so a typo in code fails at
once instead of minting a term the ontology does not define.
"""
from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef


class UKG(DefinedNamespace):
    """
    union-kg ontology

    Vocabulary of a knowledge graph of Chinese trade-union news: articles,
    trade unions, union programmes, honours, policy documents, statistical
    figures and data-quality findings about them.

    Defined in: ``schema/ontology.ttl``
    """

    _fail = True
    _NS = Namespace("https://w3id.org/union-kg/ontology#")

    # http://www.w3.org/2002/07/owl#Class
    Article: URIRef  # A news article (⊑ schema:NewsArticle, prov:Entity); dcterms:identifier is the file stem.
    TradeUnion: URIRef  # 工会: a trade union at any level (⊑ org:FormalOrganization).
    Programme: URIRef  # 工会活动/项目/品牌/阵地: campaign, contest, scheme, fund, service brand, hotline.
    Award: URIRef  # 荣誉称号: an honour or title conferred on persons or units (⊑ skos:Concept).
    Document: URIRef  # 《》: a policy document or publication (⊑ foaf:Document).
    Figure: URIRef  # A statistical quantity stated in an article (⊑ prov:Entity, schema:QuantitativeValue).
    Unit: URIRef  # The unit of a figure (⊑ skos:Concept); its individuals are in ukg:Units.
    Finding: URIRef  # A data-quality finding about figures (⊑ prov:Entity).
    Evidence: URIRef  # A span of an article a fact was read from: dcterms:source, ukg:quote, offsets (⊑ prov:Entity).

    # http://www.w3.org/2002/07/owl#ObjectProperty
    organizedBy: URIRef  # Programme → org:Organization that organises or hosts it (主办/组织).
    receivedAward: URIRef  # Person, union or organisation → Award it received (获得).
    unit: URIRef  # Figure → its normalised Unit.
    about: URIRef  # Figure → the union, organisation, programme, award or place it is about (⊑ schema:about).
    concerns: URIRef  # Finding → a Figure it is about.
    refPeriod: URIRef  # Figure → the time:Interval it refers to (OWL-Time; open sides left out).

    # http://www.w3.org/2002/07/owl#DatatypeProperty
    unitText: URIRef  # Figure → the measure word as written, e.g. "万元" (xsd:string).
    approximate: URIRef  # Figure → true if qualified by 余/多/近/约/超过/逾/以上 (xsd:boolean).
    measure: URIRef  # Figure → what is counted, in the article's words (rdf:langString).
    year: URIRef  # Figure → the year the figure refers to (xsd:gYear).
    quote: URIRef  # Figure or Evidence → the source sentence / the text at the offsets (rdf:langString).
    startOffset: URIRef  # Evidence → offset of its first character in the article text as read (xsd:integer).
    endOffset: URIRef  # Evidence → offset just past its last character (xsd:integer, exclusive).
    adminCode: URIRef  # schema:Place → GB/T 2260 six-digit code (xsd:string).
    adminLevel: URIRef  # schema:Place → province/city/county (xsd:string).
    unionLevel: URIRef  # TradeUnion → national/provincial/city/district/street/industrial-park/enterprise/...
    findingType: URIRef  # Finding → part-exceeds-whole/conflicting-values/missing-subject/missing-year.
    explanation: URIRef  # Finding → a human-readable explanation (rdf:langString).

    # http://www.w3.org/2002/07/owl#NamedIndividual
    Units: URIRef  # The skos:ConceptScheme of the five units below.
    Yuan: URIRef  # Unit: renminbi yuan (qudt currency:CNY).
    Percent: URIRef  # Unit: percent (qudt unit:PERCENT).
    Person: URIRef  # Unit: a count of people (人/名/位).
    PersonTime: URIRef  # Unit: person-times (人次).
    Count: URIRef  # Unit: a count with any other measure word (个/家/场/件/项...).


#: Namespace of instance IRIs (articles, unions, persons, figures, ...).
ID = Namespace("https://w3id.org/union-kg/id/")

#: Namespace of the SHACL shapes in ``schema/shapes.ttl``.
SH_NS = Namespace("https://w3id.org/union-kg/shapes#")

#: Directory of the schema files, at the root of the source tree.
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"

#: Directory of the schema files when shipped as package data (if a packager copies them there).
_PACKAGE_SCHEMA_DIR = Path(__file__).resolve().parent / "schema_data"


def _schema_file(name: str) -> Path:
    packaged = _PACKAGE_SCHEMA_DIR / name
    return packaged if packaged.is_file() else SCHEMA_DIR / name


def ontology_path() -> Path:
    """Path of the ontology (Turtle).

    Returns
    -------
    pathlib.Path
        ``graph/schema_data/ontology.ttl`` if the package ships it,
        else ``schema/ontology.ttl`` of the source tree.
    """
    return _schema_file("ontology.ttl")


def shapes_path() -> Path:
    """Path of the SHACL shapes (Turtle).

    Returns
    -------
    pathlib.Path
        ``graph/schema_data/shapes.ttl`` if the package ships it,
        else ``schema/shapes.ttl`` of the source tree.
    """
    return _schema_file("shapes.ttl")


#: Path of ``ontology.ttl``.
ONTOLOGY_PATH: Path = ontology_path()

#: Path of ``shapes.ttl``.
SHAPES_PATH: Path = shapes_path()

#: Prefixes bound in the project's Turtle output.
PREFIXES: dict[str, Namespace] = {
    "ukg": UKG._NS,
    "ukgid": ID,
    "org": ORG._NS,
    "foaf": FOAF._NS,
    "skos": SKOS._NS,
    "schema": SDO._NS,
    "prov": PROV._NS,
    "dcterms": DCTERMS._NS,
    "xsd": XSD._NS,
    "time": TIME._NS,
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
}


def bind_prefixes(g: rdflib.Graph) -> rdflib.Graph:
    """Bind the project's prefixes on a graph.

    Parameters
    ----------
    g : rdflib.Graph
        Any graph; existing bindings of the same prefixes or namespaces are
        replaced (rdflib binds ``schema:`` to ``https://schema.org/`` by
        default, others may differ).

    Returns
    -------
    rdflib.Graph
        ``g`` itself, for chaining.

    Examples
    --------
    >>> g = bind_prefixes(rdflib.Graph())
    >>> dict(g.namespaces())["ukg"]
    rdflib.term.URIRef('https://w3id.org/union-kg/ontology#')
    """
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


__all__ = [
    "UKG",
    "ID",
    "SH_NS",
    "SCHEMA_DIR",
    "ONTOLOGY_PATH",
    "SHAPES_PATH",
    "PREFIXES",
    "bind_prefixes",
    "ontology_path",
    "shapes_path",
]
