"""The ontology, the SHACL shapes and the checked ``UKG`` namespace agree with each other."""
from __future__ import annotations

from collections.abc import Callable

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS, Namespace

from graph.namespace import ID, ONTOLOGY_PATH, PREFIXES, SH_NS, SHAPES_PATH, UKG, bind_prefixes
from graph.store.validate import validate

UKG_NS = str(UKG._NS)
ONTOLOGY_IRI = URIRef("https://w3id.org/union-kg/ontology")
DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
# Plain namespaces: pytest's collection probes module attributes, and rdflib's open XSD and SDO
# namespaces warn on every unknown name it asks for.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SDO = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
UNITS = {UKG.Yuan: "yuan", UKG.Percent: "percent", UKG.Person: "person", UKG.PersonTime: "person-time",
         UKG.Count: "count"}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def declared(g: Graph, *types: URIRef) -> set[URIRef]:
    """``ukg:`` IRIs typed with one of ``types`` in ``g``."""
    return {s for t in types for s in g.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(UKG_NS)}


# ---------------------------------------------------------------------------------------------
# (a) parsing


@pytest.mark.parametrize("path", [ONTOLOGY_PATH, SHAPES_PATH], ids=["ontology", "shapes"])
def test_schema_files_parse_with_rdflib_and_pyoxigraph(path):
    g = Graph().parse(path, format="turtle")
    assert len(g) > 50
    triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(g)


def test_ontology_header(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    for p in (DCTERMS.title, DCTERMS.description):
        assert {lit.language for lit in ontology.objects(ONTOLOGY_IRI, p)} >= {"en", "zh"}


# ---------------------------------------------------------------------------------------------
# (b) UKG namespace <-> ontology, both directions


def test_every_declared_term_is_in_the_namespace(ontology):
    terms = declared(ontology, *DECLARATION_TYPES)
    assert len(terms) >= 27
    missing = sorted(str(t)[len(UKG_NS):] for t in terms if str(t)[len(UKG_NS):] not in UKG.__annotations__)
    assert not missing, f"declared in ontology.ttl but not in UKG: {missing}"


def test_every_namespace_term_is_declared(ontology):
    terms = declared(ontology, *DECLARATION_TYPES)
    undeclared = sorted(name for name in UKG.__annotations__ if UKG[name] not in terms)
    assert not undeclared, f"in UKG but not declared in ontology.ttl: {undeclared}"


def test_no_undeclared_ukg_iri_is_used_in_the_schema(ontology, shapes):
    used = {t for g in (ontology, shapes) for triple in g for t in triple
            if isinstance(t, URIRef) and str(t).startswith(UKG_NS)}
    assert used <= declared(ontology, *DECLARATION_TYPES)


def test_namespace_attributes_are_iris():
    assert UKG.TradeUnion == URIRef(UKG_NS + "TradeUnion")
    assert UKG.organizedBy == URIRef(UKG_NS + "organizedBy")
    assert UKG["Figure"] == URIRef(UKG_NS + "Figure")


# ---------------------------------------------------------------------------------------------
# (c) labels, comments, axioms


def classes_and_properties(ontology: Graph) -> list[URIRef]:
    return sorted(declared(ontology, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty))


def test_classes_and_properties_counted(ontology):
    assert len(declared(ontology, OWL.Class)) == 9
    assert len(declared(ontology, OWL.ObjectProperty)) == 6
    assert len(declared(ontology, OWL.DatatypeProperty)) == 12


def test_every_term_has_zh_and_en_labels_a_comment_and_is_defined_by(ontology):
    problems = []
    for term in classes_and_properties(ontology) + sorted(declared(ontology, OWL.NamedIndividual)):
        langs = {lit.language for lit in ontology.objects(term, RDFS.label)}
        if not {"zh", "en"} <= langs:
            problems.append(f"{term}: labels {langs}")
        if "en" not in {lit.language for lit in ontology.objects(term, RDFS.comment)}:
            problems.append(f"{term}: no English rdfs:comment")
        if (term, RDFS.isDefinedBy, ONTOLOGY_IRI) not in ontology:
            problems.append(f"{term}: no rdfs:isDefinedBy")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("cls, supers", [
    (UKG.Article, {SDO.NewsArticle, PROV.Entity}),
    (UKG.TradeUnion, {ORG.FormalOrganization}),
    (UKG.Programme, {PROV.Activity}),
    (UKG.Award, {SKOS.Concept}),
    (UKG.Document, {FOAF.Document}),
    (UKG.Figure, {PROV.Entity, SDO.QuantitativeValue}),
    (UKG.Unit, {SKOS.Concept}),
    (UKG.Finding, {PROV.Entity}),
    (UKG.Evidence, {PROV.Entity}),
])
def test_class_reuses_standard_vocabularies(ontology, cls, supers):
    assert set(ontology.objects(cls, RDFS.subClassOf)) >= supers


@pytest.mark.parametrize("prop, domain, range_", [
    (UKG.organizedBy, UKG.Programme, ORG.Organization),
    (UKG.receivedAward, None, UKG.Award),
    (UKG.unit, UKG.Figure, UKG.Unit),
    (UKG.concerns, UKG.Finding, UKG.Figure),
    (UKG.unitText, UKG.Figure, XSD.string),
    (UKG.approximate, UKG.Figure, XSD.boolean),
    (UKG.measure, UKG.Figure, RDF.langString),
    (UKG.year, UKG.Figure, XSD.gYear),
    (UKG.quote, None, RDF.langString),
    (UKG.refPeriod, UKG.Figure, TIME.Interval),
    (UKG.startOffset, UKG.Evidence, XSD.integer),
    (UKG.endOffset, UKG.Evidence, XSD.integer),
    (UKG.adminCode, SDO.Place, XSD.string),
    (UKG.adminLevel, SDO.Place, XSD.string),
    (UKG.unionLevel, UKG.TradeUnion, XSD.string),
    (UKG.findingType, UKG.Finding, XSD.string),
    (UKG.explanation, UKG.Finding, RDF.langString),
])
def test_property_domain_and_range(ontology, prop, domain, range_):
    if domain is not None:
        assert ontology.value(prop, RDFS.domain) == domain
    assert ontology.value(prop, RDFS.range) == range_


def test_quote_has_no_domain(ontology):
    # on figures and evidence alike: a domain would make every evidence node a figure under RDFS
    assert ontology.value(UKG.quote, RDFS.domain) is None


def test_about_specialises_schema_about(ontology):
    assert (UKG.about, RDFS.subPropertyOf, SDO.about) in ontology


def test_units_are_a_concept_scheme(ontology):
    assert (UKG.Units, RDF.type, SKOS.ConceptScheme) in ontology
    assert set(ontology.subjects(RDF.type, UKG.Unit)) == set(UNITS)
    for unit, notation in UNITS.items():
        assert (unit, RDF.type, SKOS.Concept) in ontology
        assert (unit, SKOS.inScheme, UKG.Units) in ontology
        assert ontology.value(unit, SKOS.notation) == Literal(notation)
        assert {lit.language for lit in ontology.objects(unit, SKOS.prefLabel)} == {"zh", "en"}
    assert (UKG.Yuan, SKOS.exactMatch, URIRef("http://qudt.org/vocab/currency/CNY")) in ontology
    assert (UKG.Percent, SKOS.exactMatch, URIRef("http://qudt.org/vocab/unit/PERCENT")) in ontology


# ---------------------------------------------------------------------------------------------
# (d) closed namespace, prefixes


def test_unknown_term_raises():
    with pytest.raises(AttributeError):
        UKG.NotATerm  # noqa: B018
    with pytest.raises(AttributeError):
        UKG.tradeUnion  # noqa: B018  (case matters)


def test_bind_prefixes():
    g = Graph()
    g.bind("schema", URIRef("http://schema.org/"), override=True)
    assert bind_prefixes(g) is g
    bound = {p: str(n) for p, n in g.namespaces()}
    for prefix, ns in PREFIXES.items():
        assert bound[prefix] == str(ns)
    assert set(PREFIXES) == {"ukg", "ukgid", "org", "foaf", "skos", "schema", "prov", "dcterms", "xsd", "time",
                             "rdf", "rdfs"}
    assert bound["schema"] == "https://schema.org/"
    assert bound["ukgid"] == str(ID) == "https://w3id.org/union-kg/id/"
    g.add((ID["union/x"], RDF.type, UKG.TradeUnion))
    assert "@prefix ukg: <https://w3id.org/union-kg/ontology#>" in g.serialize(format="turtle")


# ---------------------------------------------------------------------------------------------
# shapes


def test_every_shape_has_a_target_class_a_name_and_a_comment(shapes):
    from rdflib.namespace import SH

    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    targets = {shapes.value(s, SH.targetClass) for s in node_shapes}
    assert targets == {UKG.Article, UKG.TradeUnion, ORG.FormalOrganization, FOAF.Person, ORG.Membership,
                       ORG.Role, UKG.Programme, UKG.Award, UKG.Document, UKG.Figure, UKG.Finding,
                       UKG.Evidence, TIME.Interval, TIME.Instant, SDO.Place}
    for s in node_shapes:
        assert str(s).startswith(str(SH_NS))
        assert shapes.value(s, SH.name) is not None and shapes.value(s, RDFS.comment) is not None


# ---------------------------------------------------------------------------------------------
# (e) SHACL validation

DOC = ID["article/000_test"]
UNION = ID["union/朝阳区总工会"]
PARENT = ID["union/北京市总工会"]
PERSON = ID["person/李明"]
MEMBERSHIP = ID["membership/李明/主席/朝阳区总工会"]
ROLE = ID["role/主席"]
FIGURE = ID["figure/000_test/1"]
PROGRAMME = ID["programme/送温暖"]
AWARD = ID["award/全国五一劳动奖章"]
DOCUMENT = ID["document/工会法"]
ORGANIZATION = ID["org/某公司"]
FINDING = ID["finding/000_test/1"]
EVIDENCE = ID["evidence/000_test/0-20"]
TRIPLE_EVIDENCE = ID["evidence/000_test/abc"]
PERIOD = ID["interval/2016--2020"]
DURING = ID["membership/李明/主席/朝阳区总工会/during"]
Y2016, Y2020, DAY = ID["instant/2016"], ID["instant/2020"], ID["instant/2021-07-29"]
PLACE, CITY = ID["place/110105"], ID["place/110000"]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def conforming_graph() -> Graph:
    """One of everything, as ``graph.store.rdf`` builds it."""
    g = bind_prefixes(Graph())
    g.add((DOC, RDF.type, UKG.Article))
    g.add((DOC, DCTERMS.identifier, Literal("000_test")))
    g.add((DOC, DCTERMS.title, zh("朝阳区总工会开展送温暖活动")))
    g.add((DOC, DCTERMS.creator, PERSON))
    for union, name, level in ((UNION, "朝阳区总工会", "district"), (PARENT, "北京市总工会", "city")):
        g.add((union, RDF.type, UKG.TradeUnion))
        g.add((union, SKOS.prefLabel, zh(name)))
        g.add((union, UKG.unionLevel, Literal(level)))
        g.add((DOC, SDO.mentions, union))
    g.add((UNION, SKOS.altLabel, zh("区总工会")))
    g.add((UNION, ORG.subOrganizationOf, PARENT))
    g.add((ORGANIZATION, RDF.type, ORG.FormalOrganization))
    g.add((ORGANIZATION, SKOS.prefLabel, zh("某公司")))
    g.add((PERSON, RDF.type, FOAF.Person))
    g.add((PERSON, SKOS.prefLabel, zh("李明")))
    g.add((PERSON, FOAF.name, zh("李明")))
    g.add((MEMBERSHIP, RDF.type, ORG.Membership))
    g.add((MEMBERSHIP, ORG.member, PERSON))
    g.add((MEMBERSHIP, ORG.role, ROLE))
    g.add((MEMBERSHIP, ORG.organization, UNION))  # an org:Organization only by RDFS inference
    g.add((MEMBERSHIP, PROV.wasDerivedFrom, DOC))
    g.add((ROLE, RDF.type, ORG.Role))
    g.add((ROLE, SKOS.prefLabel, zh("主席")))
    g.add((PROGRAMME, RDF.type, UKG.Programme))
    g.add((PROGRAMME, SKOS.prefLabel, zh("送温暖")))
    g.add((PROGRAMME, UKG.organizedBy, UNION))
    g.add((AWARD, RDF.type, UKG.Award))
    g.add((AWARD, SKOS.prefLabel, zh("全国五一劳动奖章")))
    g.add((PERSON, UKG.receivedAward, AWARD))
    g.add((DOCUMENT, RDF.type, UKG.Document))
    g.add((DOCUMENT, SKOS.prefLabel, zh("工会法")))
    for x in (PERSON, PROGRAMME, AWARD, DOCUMENT, ORGANIZATION):
        g.add((DOC, SDO.mentions, x))
    g.add((FIGURE, RDF.type, UKG.Figure))
    g.add((FIGURE, RDFS.label, zh("50万元")))
    g.add((FIGURE, RDF.value, Literal("500000", datatype=XSD.decimal)))
    g.add((FIGURE, UKG.unit, UKG.Yuan))
    g.add((FIGURE, UKG.unitText, Literal("万元")))
    g.add((FIGURE, UKG.approximate, Literal(False)))
    g.add((FIGURE, UKG.measure, zh("慰问金")))
    g.add((FIGURE, UKG.year, Literal("2020", datatype=XSD.gYear)))
    g.add((FIGURE, UKG.quote, zh("2020年,朝阳区总工会投入慰问金50万元。")))
    g.add((FIGURE, PROV.wasDerivedFrom, DOC))
    g.add((FIGURE, UKG.about, UNION))
    g.add((FIGURE, UKG.about, PROGRAMME))
    g.add((FINDING, RDF.type, UKG.Finding))
    g.add((FINDING, UKG.findingType, Literal("missing-subject")))
    g.add((FINDING, UKG.concerns, FIGURE))
    g.add((FINDING, UKG.explanation, Literal("example", lang="en")))
    # when, where, says who
    g.add((DOC, DCTERMS.issued, Literal("2021-07-29", datatype=XSD.date)))
    g.add((DOC, DCTERMS.spatial, CITY))
    g.add((DOC, DCTERMS.publisher, zh("工人日报")))
    for place, name, code, level in ((PLACE, "朝阳区", "110105", "county"), (CITY, "北京市", "110000", "province")):
        g.add((place, RDF.type, SDO.Place))
        g.add((place, SKOS.prefLabel, zh(name)))
        g.add((place, UKG.adminCode, Literal(code)))
        g.add((place, UKG.adminLevel, Literal(level)))
    g.add((PLACE, SDO.containedInPlace, CITY))
    g.add((UNION, SDO.location, PLACE))
    g.add((EVIDENCE, RDF.type, UKG.Evidence))
    g.add((EVIDENCE, DCTERMS.source, DOC))
    g.add((EVIDENCE, UKG.quote, zh("2020年,朝阳区总工会投入慰问金50万元。")))
    g.add((EVIDENCE, UKG.startOffset, Literal(0)))
    g.add((EVIDENCE, UKG.endOffset, Literal(20)))
    g.add((FIGURE, PROV.wasDerivedFrom, EVIDENCE))
    g.add((MEMBERSHIP, PROV.wasDerivedFrom, EVIDENCE))
    g.add((TRIPLE_EVIDENCE, RDF.type, UKG.Evidence))
    g.add((TRIPLE_EVIDENCE, DCTERMS.source, DOC))
    g.add((TRIPLE_EVIDENCE, UKG.quote, zh("朝阳区总工会")))
    g.add((TRIPLE_EVIDENCE, UKG.startOffset, Literal(5)))
    g.add((TRIPLE_EVIDENCE, UKG.endOffset, Literal(11)))
    g.add((TRIPLE_EVIDENCE, RDF.subject, UNION))
    g.add((TRIPLE_EVIDENCE, RDF.predicate, ORG.subOrganizationOf))
    g.add((TRIPLE_EVIDENCE, RDF.object, PARENT))
    g.add((FIGURE, UKG.refPeriod, PERIOD))
    g.add((PERIOD, RDF.type, TIME.Interval))
    g.add((PERIOD, TIME.hasBeginning, Y2016))
    g.add((PERIOD, TIME.hasEnd, Y2020))
    for instant, year in ((Y2016, "2016"), (Y2020, "2020")):
        g.add((instant, RDF.type, TIME.Instant))
        g.add((instant, TIME.inXSDgYear, Literal(year, datatype=XSD.gYear)))
    g.add((DAY, RDF.type, TIME.Instant))
    g.add((DAY, TIME.inXSDDate, Literal("2021-07-29", datatype=XSD.date)))
    g.add((MEMBERSHIP, ORG.memberDuring, DURING))
    g.add((DURING, RDF.type, TIME.Interval))
    g.add((DURING, TIME.inside, DAY))
    return g


def test_conforming_graph_conforms():
    g = conforming_graph()
    n = len(g)
    conforms, report, text = validate(g)
    assert conforms, text
    assert isinstance(report, Graph)
    assert len(g) == n, "validate must not modify the data graph"


def test_validation_is_repeatable():
    assert validate(conforming_graph())[0]
    assert not validate(_break(_drop(FIGURE, RDF.value)))[0]
    assert validate(conforming_graph())[0]


Mutation = Callable[[Graph], None]


def _drop(s: URIRef, p: URIRef) -> Mutation:
    return lambda g: g.remove((s, p, None))


def _set(s: URIRef, p: URIRef, o) -> Mutation:
    return lambda g: g.set((s, p, o))


def _add(s: URIRef, p: URIRef, o) -> Mutation:
    return lambda g: g.add((s, p, o))


def _break(mutation: Mutation) -> Graph:
    g = conforming_graph()
    mutation(g)
    return g


BROKEN: dict[str, tuple[Mutation, URIRef]] = {
    # id: (mutation, the path the report must name)
    "figure-without-value": (_drop(FIGURE, RDF.value), RDF.value),
    "figure-value-plain-literal": (_set(FIGURE, RDF.value, Literal("500000")), RDF.value),
    "figure-value-integer": (_set(FIGURE, RDF.value, Literal(500000)), RDF.value),
    "figure-two-values": (_add(FIGURE, RDF.value, Literal("1", datatype=XSD.decimal)), RDF.value),
    "figure-unit-not-one-of-five": (_set(FIGURE, UKG.unit, ID["unit/斤"]), UKG.unit),
    "figure-unit-is-the-class": (_set(FIGURE, UKG.unit, UKG.Unit), UKG.unit),
    "figure-without-unit": (_drop(FIGURE, UKG.unit), UKG.unit),
    "figure-approximate-string": (_set(FIGURE, UKG.approximate, Literal("false")), UKG.approximate),
    "figure-year-integer": (_set(FIGURE, UKG.year, Literal(2020)), UKG.year),
    "figure-quote-without-language": (_set(FIGURE, UKG.quote, Literal("原句")), UKG.quote),
    "figure-without-quote": (_drop(FIGURE, UKG.quote), UKG.quote),
    "figure-from-non-article": (_set(FIGURE, PROV.wasDerivedFrom, UNION), PROV.wasDerivedFrom),
    "figure-about-literal": (_add(FIGURE, UKG.about, zh("朝阳区总工会")), UKG.about),
    "union-two-preflabels": (_add(UNION, SKOS.prefLabel, zh("朝阳总工会")), SKOS.prefLabel),
    "union-preflabel-english": (_set(UNION, SKOS.prefLabel, Literal("Chaoyang FTU", lang="en")), SKOS.prefLabel),
    "union-parent-not-union": (_set(UNION, ORG.subOrganizationOf, ORGANIZATION), ORG.subOrganizationOf),
    "union-two-levels": (_add(UNION, UKG.unionLevel, Literal("city")), UKG.unionLevel),
    "organization-without-preflabel": (_drop(ORGANIZATION, SKOS.prefLabel), SKOS.prefLabel),
    "person-without-preflabel": (_drop(PERSON, SKOS.prefLabel), SKOS.prefLabel),
    "membership-without-role": (_drop(MEMBERSHIP, ORG.role), ORG.role),
    "membership-role-not-role": (_set(MEMBERSHIP, ORG.role, zh("主席")), ORG.role),
    "membership-member-not-person": (_set(MEMBERSHIP, ORG.member, UNION), ORG.member),
    "membership-organization-untyped": (_set(MEMBERSHIP, ORG.organization, ID["org/unknown"]), ORG.organization),
    "role-without-preflabel": (_drop(ROLE, SKOS.prefLabel), SKOS.prefLabel),
    "article-two-identifiers": (_add(DOC, DCTERMS.identifier, Literal("other")), DCTERMS.identifier),
    "article-without-identifier": (_drop(DOC, DCTERMS.identifier), DCTERMS.identifier),
    "article-two-titles": (_add(DOC, DCTERMS.title, zh("另一标题")), DCTERMS.title),
    "article-creator-not-person": (_set(DOC, DCTERMS.creator, UNION), DCTERMS.creator),
    "article-mentions-blank-node": (_add(DOC, SDO.mentions, BNode()), SDO.mentions),
    "programme-without-preflabel": (_drop(PROGRAMME, SKOS.prefLabel), SKOS.prefLabel),
    "programme-organizer-literal": (_set(PROGRAMME, UKG.organizedBy, zh("朝阳区总工会")), UKG.organizedBy),
    "award-two-preflabels": (_add(AWARD, SKOS.prefLabel, zh("五一劳动奖章")), SKOS.prefLabel),
    "document-without-preflabel": (_drop(DOCUMENT, SKOS.prefLabel), SKOS.prefLabel),
    "finding-unknown-type": (_set(FINDING, UKG.findingType, Literal("typo")), UKG.findingType),
    "finding-concerns-nothing": (_drop(FINDING, UKG.concerns), UKG.concerns),
    "article-issued-string": (_set(DOC, DCTERMS.issued, Literal("2021年7月29日")), DCTERMS.issued),
    "article-spatial-not-place": (_set(DOC, DCTERMS.spatial, UNION), DCTERMS.spatial),
    "union-location-literal": (_set(UNION, SDO.location, zh("朝阳区")), SDO.location),
    "figure-without-evidence": (_drop(FIGURE, PROV.wasDerivedFrom), PROV.wasDerivedFrom),
    "figure-two-articles": (lambda g: (g.add((ID["article/other"], RDF.type, UKG.Article)),
                                        g.add((FIGURE, PROV.wasDerivedFrom, ID["article/other"]))),
                            PROV.wasDerivedFrom),
    "figure-period-literal": (_set(FIGURE, UKG.refPeriod, Literal("2016-2020")), UKG.refPeriod),
    "membership-without-interval": (_drop(MEMBERSHIP, ORG.memberDuring), ORG.memberDuring),
    "membership-without-evidence": (_set(MEMBERSHIP, PROV.wasDerivedFrom, DOC), PROV.wasDerivedFrom),
    "evidence-without-article": (_drop(EVIDENCE, DCTERMS.source), DCTERMS.source),
    "evidence-without-quote": (_drop(EVIDENCE, UKG.quote), UKG.quote),
    "evidence-offset-string": (_set(EVIDENCE, UKG.startOffset, Literal("0")), UKG.startOffset),
    "evidence-start-after-end": (_set(EVIDENCE, UKG.startOffset, Literal(30)), UKG.startOffset),
    "evidence-negative-start": (_set(EVIDENCE, UKG.startOffset, Literal(-1)), UKG.startOffset),
    "evidence-unknown-predicate": (_set(TRIPLE_EVIDENCE, RDF.predicate, RDFS.label), RDF.predicate),
    "interval-two-ends": (_add(PERIOD, TIME.hasEnd, Y2016), TIME.hasEnd),
    "interval-begins-with-literal": (_set(PERIOD, TIME.hasBeginning, Literal("2016")), TIME.hasBeginning),
    "place-code-not-six-digits": (_set(PLACE, UKG.adminCode, Literal("1101")), UKG.adminCode),
    "place-unknown-level": (_set(PLACE, UKG.adminLevel, Literal("town")), UKG.adminLevel),
    "place-without-label": (_drop(PLACE, SKOS.prefLabel), SKOS.prefLabel),
    "place-in-two-places": (_add(PLACE, SDO.containedInPlace, PLACE), SDO.containedInPlace),
}


def test_empty_interval_conforms():
    # a post in an undated article: held at some time, no date in reach
    g = conforming_graph()
    g.remove((DURING, TIME.inside, None))
    assert validate(g)[0]


def test_instant_with_two_forms_does_not_conform():
    g = conforming_graph()
    g.add((Y2016, TIME.inXSDDate, Literal("2016-01-01", datatype=XSD.date)))
    assert not validate(g)[0]
    g = conforming_graph()
    g.set((Y2016, TIME.inXSDgYear, Literal(2016)))
    assert not validate(g)[0]


@pytest.mark.parametrize("mutation, path", BROKEN.values(), ids=BROKEN.keys())
def test_broken_graph_does_not_conform(mutation, path):
    from rdflib.namespace import SH

    conforms, report, text = validate(_break(mutation))
    assert not conforms
    paths = set(report.objects(None, SH.resultPath))
    assert path in paths, text
