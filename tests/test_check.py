"""Checks on figures: constructed articles for each kind of finding, findings in the graph, the seed case."""
import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from graph.build import build
from graph.cli import main
from graph.export.tables import FigureRow
from graph.export.turtle import write_turtle
from graph.namespace import UKG
from graph.pipeline import extract_text
from graph.store.check import add_findings, check, dice, value_range
from graph.store.rdf import article_iri, build_graph

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def findings(*texts, kind=None):
    g = build_graph([extract_text(t, f"t{i}") for i, t in enumerate(texts)])
    return [f for f in check(g) if kind is None or f.type == kind]


def values(finding):
    return [f.value for f in finding.figures]


# ---------------------------------------------------------------- part exceeds whole
def test_part_in_next_sentence_larger_than_whole():
    text = "2021年,朝阳区总工会累计发放困难职工补助金120万元。其中向困难职工家庭发放补助金150万元。"
    (f,) = findings(text, kind="part-exceeds-whole")
    assert values(f) == [Decimal(1200000), Decimal(1500000)]  # whole, then part
    assert "150万元" in f.explanation["zh"] and "120万元" in f.explanation["en"]
    assert f.figures[1].quote.startswith("其中")


def test_part_in_same_sentence_and_through_a_run_of_part_clauses():
    text = ("2021年,朝阳区总工会全年共投入资金200万元。其中用于送温暖50万元;用于送清凉60万元;"
            "用于金秋助学300万元。")
    (f,) = findings(text, kind="part-exceeds-whole")
    assert values(f) == [Decimal(2000000), Decimal(3000000)]
    same = "2021年,朝阳区总工会总计慰问职工500人,其中劳模600人。"
    assert [values(f) for f in findings(same, kind="part-exceeds-whole")] == [[Decimal(500), Decimal(600)]]


@pytest.mark.parametrize("text", [
    # parts within the whole
    "2021年,朝阳区总工会累计发放困难职工补助金120万元,其中向困难职工家庭发放补助金80万元。",
    # a nearer figure without a whole word is what 其中 refers to
    "2021年,朝阳区总工会累计投入资金100万元,拨付专项资金300万元。其中向基层工会拨付200万元。",
    # 共 inside 中国共产党 is no whole word
    "2021年,朝阳区总工会庆祝中国共产党成立100周年,拨付资金100万元,其中用于慰问劳模150万元。",
    # an approximate whole (3万余) may hold 35000
    "2021年,朝阳区总工会累计服务职工3万余人次,其中服务农民工35000人次。",
    # different units are not compared
    "2021年,朝阳区总工会累计慰问职工120人,其中发放慰问金150万元。",
])
def test_no_part_exceeds_whole(text):
    assert findings(text, kind="part-exceeds-whole") == []


# ---------------------------------------------------------------- conflicting values
def test_same_measure_twice_in_an_article_with_different_values():
    text = ("2021年,朝阳区总工会新建职工之家41个。\n\n朝阳区总工会还开展了技能竞赛。\n\n"
            "2021年,朝阳区总工会新建职工之家45个。")
    (f,) = findings(text, kind="conflicting-values")
    assert sorted(values(f)) == [Decimal(41), Decimal(45)]
    assert "41个" in f.explanation["zh"] and "45" in f.explanation["en"]


def test_same_subject_year_and_measure_across_articles():
    a = "2021年,朝阳区总工会新建职工之家41个。"
    b = "据统计,2021年,朝阳区总工会新建职工之家45个。"
    (f,) = findings(a, b, kind="conflicting-values")
    assert sorted(f.articles) == ["t0", "t1"]
    assert findings(a, a.replace("41", "41"), kind="conflicting-values") == []


def test_approximate_and_equal_values_do_not_conflict():
    text = "2021年,朝阳区总工会服务职工3万余人次。\n\n2021年,朝阳区总工会服务职工32000人次。"
    assert findings(text, kind="conflicting-values") == []


def _row(n, value, measure, year=2021, subject="u", article="a", approx=False, quote=None, unit="count"):
    return FigureRow(article=article, title="", figure=f"https://w3id.org/union-kg/id/figure/{article}/{n}",
                     label=f"{value}个", subject=subject, measure=measure, value=Decimal(value), unit=unit,
                     unit_text="个", approximate=approx, year=year, quote=quote or f"{article}的句子{n}。", n=n,
                     subject_iris=(subject,) if subject else ())


def test_conflict_rules_on_rows():
    # different years, subjects or units are different quantities
    assert check([_row(1, 41, "新建职工之家"), _row(2, 45, "新建职工之家", year=2020)]) == []
    assert check([_row(1, 41, "新建职工之家"), _row(2, 45, "新建职工之家", subject="v")]) == []
    assert check([_row(1, 41, "新建职工之家"), _row(2, 45, "新建职工之家", unit="person")]) == []
    # across articles both subject and year must be known
    assert check([_row(1, 41, "新建职工之家"), _row(1, 45, "新建职工之家", article="b", year=None)])[0].type \
        == "missing-year"
    assert [f.type for f in check([_row(1, 41, "新建职工之家"), _row(1, 45, "新建职工之家", article="b")])] \
        == ["conflicting-values"]
    # similar measures (Dice ≥ 0.8) count, dissimilar ones do not; the same sentence is one statement
    assert check([_row(1, 41, "全区新建职工之家"), _row(2, 45, "新建职工之家")])
    assert check([_row(1, 41, "新建职工之家"), _row(2, 45, "新建职工书屋")]) == []
    assert check([_row(1, 41, "新建职工之家", quote="同一句。"), _row(2, 45, "新建职工之家", quote="同一句。")]) == []
    assert check([_row(1, 41, "新建职工之家", quote="同一句。"), _row(1, 45, "新建职工之家", quote="同一句。",
                                                           article="b")]) == []  # a sentence repeated elsewhere
    # three statements of one measure are one finding about the three figures
    three = check([_row(1, 41, "新建职工之家"), _row(2, 41, "新建职工之家"), _row(3, 45, "新建职工之家")])
    assert len(three) == 1 and [r.n for r in three[0].figures] == [1, 2, 3]


def test_dice_and_ranges():
    assert dice("新发展会员", "新发展会员") == 1.0 and dice("职工", "书屋") == 0.0
    assert dice("开展职工沟通会", "职工沟通会") == pytest.approx(0.8)
    assert value_range(_row(1, 300000, "x", approx=True)) == (Decimal(200000), Decimal(400000))
    assert value_range(_row(1, 41885700, "x", approx=True)) == (Decimal(41885600), Decimal(41885800))
    assert value_range(_row(1, 41, "x")) == (Decimal(41), Decimal(41))


# ---------------------------------------------------------------- missing subject / year
def test_figure_without_subject_or_year():
    text = "活动吸引300余名职工参加。"
    kinds = sorted(f.type for f in findings(text))
    assert kinds == ["missing-subject", "missing-year"]
    assert findings("2021年,朝阳区总工会新建职工之家41个。", kind="missing-year") == []


# ---------------------------------------------------------------- findings in the graph
def test_findings_are_nodes_of_the_graph_and_conform():
    from graph.store.validate import validate

    text = "2021年,朝阳区总工会累计发放困难职工补助金120万元。其中向困难职工家庭发放补助金150万元。"
    other = "活动吸引300余名职工参加。"
    g = build_graph([extract_text(text, "t0"), extract_text(other, "t1")])
    found = add_findings(g)
    n = len(g)
    assert {f.type for f in found} >= {"part-exceeds-whole", "missing-year"}
    pew = next(f for f in found if f.type == "part-exceeds-whole")
    node = pew.iri
    assert (node, RDF.type, UKG.Finding) in g
    assert (node, UKG.findingType, Literal("part-exceeds-whole")) in g
    assert set(g.objects(node, UKG.concerns)) == {URIRef(r.figure) for r in pew.figures}
    assert set(g.objects(node, PROV.wasDerivedFrom)) == {article_iri("t0")}
    assert {lit.language for lit in g.objects(node, UKG.explanation)} == {"zh", "en"}
    # stable: the same graph built again gives the same finding IRIs, and adding twice adds nothing
    g2 = build_graph([extract_text(text, "t0"), extract_text(other, "t1")])
    assert {f.iri for f in add_findings(g2)} == {f.iri for f in found}
    add_findings(g)
    assert len(g) == n
    conforms, _, report = validate(g)
    assert conforms, report[:2000]


# ---------------------------------------------------------------- the seeds
@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    build([SEEDS], out, html=False)
    return out / "graph.ttl"


def test_seed_build_holds_the_part_exceeding_its_whole(seed_out):
    store = pyoxigraph.Store()
    store.load(path=str(seed_out), format=pyoxigraph.RdfFormat.TURTLE)
    q = """PREFIX ukg: <https://w3id.org/union-kg/ontology#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?id (GROUP_CONCAT(?label; separator=" ") AS ?labels) WHERE {
      ?x a ukg:Finding ; ukg:findingType "part-exceeds-whole" ; ukg:concerns ?f ; prov:wasDerivedFrom ?doc .
      ?doc dcterms:identifier ?id . ?f rdfs:label ?label } GROUP BY ?x ?id"""
    rows = [(s["id"].value, set(s["labels"].value.split())) for s in store.query(q)]
    assert ("001_329b1f9935359fff", {"1299.75万元", "94896万元"}) in rows


def test_check_command_on_the_seeds(seed_out, capsys):
    assert main(["check", str(seed_out)]) == 0
    text = capsys.readouterr().out
    assert "[part-exceeds-whole] 001_329b1f9935359fff" in text
    assert "其中拨付武汉市94896万元" in text and "累计拨付武汉市、湖北省善款1299.75万元" in text
    assert main(["check", str(seed_out), "--strict", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["part-exceeds-whole"] == len(
        [f for f in data["findings"] if f["type"] == "part-exceeds-whole"]) >= 1


def test_check_strict_passes_on_clean_figures(tmp_path, capsys):
    g = build_graph([extract_text("2021年,朝阳区总工会累计发放补助金120万元,其中向困难职工家庭发放80万元。", "ok")])
    path = tmp_path / "g.ttl"
    write_turtle(g, path)
    assert main(["check", str(path), "--strict"]) == 0
    assert capsys.readouterr().out.strip().startswith("0 findings")
    assert main(["check", str(tmp_path / "missing.ttl")]) == 2


def test_finding_iri_stays_short_for_big_conflicts():
    # a conflict among hundreds of copies of one figure must not give an IRI naming each of them:
    # every triple of the finding repeats its IRI, so the output would grow with the square
    from graph.store.check import IRI_FIGURES, Finding

    few = [_row(1, i, "m", article=f"a{i}") for i in range(IRI_FIGURES)]
    many = [_row(1, i, "m", article=f"a{i}") for i in range(300)]
    assert str(Finding("conflicting-values", few).iri).endswith("+".join(f"a{i}/1" for i in range(IRI_FIGURES)))
    big = str(Finding("conflicting-values", many).iri)
    assert len(big) < 120 and "a0/1" in big and "299more" in big
    # the hash covers every member: one figure more or less is another finding
    assert Finding("conflicting-values", many[:-1]).iri != Finding("conflicting-values", many).iri
    assert Finding("conflicting-values", many).iri == Finding("conflicting-values", list(many)).iri
