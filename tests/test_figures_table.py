"""Figures as data: SPARQL-friendly modelling, the table, its formats and the `figures` command."""
import csv
import io
import json
from decimal import Decimal

import pyoxigraph
import pytest

from graph.cli import main
from graph.export.tables import COLUMNS, figure_rows, to_csv, write_rows
from graph.export.turtle import write_turtle
from graph.pipeline import extract_text
from graph.store.rdf import build_graph

ZHAOYANG = ("2021年,朝阳区总工会全年投入送温暖资金233万元,慰问困难职工1200人,"
            "发放助学金45.5万元。新就业形态职工入会率达到了65.3%。")
# eleven figures, so that order 10 and 11 must sort after 9 (numeric, not textual)
MANY = "2020年,海淀区总工会" + ",".join(f"新建职工之家{i}个" for i in range(1, 12)) + "。"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    g = build_graph([extract_text(ZHAOYANG, "b_zhaoyang"), extract_text(MANY, "a_many")])
    path = tmp_path_factory.mktemp("fig") / "graph.ttl"
    write_turtle(g, path)
    return path


def test_sparql_sums_are_decimals_by_unit_and_year(graph_file):
    store = pyoxigraph.Store()
    store.load(path=str(graph_file), format=pyoxigraph.RdfFormat.TURTLE)
    q = """PREFIX ukg: <https://w3id.org/union-kg/ontology#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?unit ?year (SUM(?v) AS ?total) WHERE { ?f a ukg:Figure ; rdf:value ?v ; ukg:unit ?unit ; ukg:year ?year }
    GROUP BY ?unit ?year"""
    sums = {(s["unit"].value.rsplit("#")[-1], s["year"].value): s["total"] for s in store.query(q)}
    yuan = sums[("Yuan", "2021")]
    assert yuan.datatype.value == "http://www.w3.org/2001/XMLSchema#decimal"
    assert Decimal(yuan.value) == Decimal(2330000) + Decimal(455000)
    assert Decimal(sums[("Count", "2020")].value) == sum(range(1, 12))
    year_types = {s["t"].value for s in store.query(
        "PREFIX ukg: <https://w3id.org/union-kg/ontology#> SELECT DISTINCT (DATATYPE(?y) AS ?t) { ?f ukg:year ?y }")}
    assert year_types == {"http://www.w3.org/2001/XMLSchema#gYear"}


def test_units_are_iris_matched_to_qudt(graph_file):
    store = pyoxigraph.Store()
    store.load(path=str(graph_file), format=pyoxigraph.RdfFormat.TURTLE)
    q = """PREFIX ukg: <https://w3id.org/union-kg/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?unit ?match WHERE { ?f ukg:unit ?unit . OPTIONAL { ?unit skos:exactMatch ?match } }"""
    matches = {s["unit"].value.rsplit("#")[-1]: s["match"] and s["match"].value for s in store.query(q)}
    assert matches["Yuan"] == "http://qudt.org/vocab/currency/CNY"
    assert matches["Percent"] == "http://qudt.org/vocab/unit/PERCENT"
    assert matches["Person"] is None  # QUDT has no unit for a head count; none is claimed


def test_rows_sorted_by_article_then_order(graph_file):
    rows = figure_rows(graph_file)
    assert [r.article for r in rows] == sorted(r.article for r in rows)
    many = [r for r in rows if r.article == "a_many"]
    assert [r.n for r in many] == list(range(1, 12))
    assert [r.value for r in many] == [Decimal(i) for i in range(1, 12)]
    z = {r.label: r for r in rows if r.article == "b_zhaoyang"}
    assert z["233万元"].value == Decimal(2330000) and z["233万元"].unit == "yuan"
    assert z["233万元"].unit_text == "万元" and z["233万元"].year == 2021
    fact = next(f for f in extract_text(ZHAOYANG, "b_zhaoyang").figures if f.text == "233万元")
    assert fact.subject and z["233万元"].subject == fact.subject  # the label of its ukg:about
    assert "233万元" in z["233万元"].quote
    assert z["65.3%"].unit == "percent" and z["65.3%"].value == Decimal("65.3")


def test_csv_has_every_column_and_exact_values(graph_file):
    rows = figure_rows(graph_file)
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert list(parsed[0]) == list(COLUMNS)
    assert len(parsed) == len(rows)
    by_label = {p["label"]: p for p in parsed}
    assert by_label["45.5万元"]["value"] == "455000"
    assert by_label["65.3%"]["value"] == "65.3"
    assert by_label["233万元"]["approximate"] == "false"
    assert by_label["233万元"]["title"] == rows[-1].title


def test_bom_file_opens_as_utf8_in_pandas(graph_file, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "figures.csv"
    write_rows(figure_rows(graph_file), "csv", out, bom=True)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert list(df.columns) == list(COLUMNS)
    assert df["value"].sum() == pytest.approx(sum(range(1, 12)) + 2330000 + 1200 + 455000 + 65.3)
    assert df["approximate"].dtype == bool
    plain = tmp_path / "plain.csv"
    write_rows(figure_rows(graph_file), "csv", plain)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_json_and_table(graph_file, tmp_path, capsys):
    out = tmp_path / "f.json"
    assert main(["figures", str(graph_file), "--format", "json", "-o", str(out)]) == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["article"] for r in records][:1] == ["a_many"]
    assert len(records) == len(figure_rows(graph_file)) == 15
    assert {r["label"]: r["value"] for r in records}["45.5万元"] == 455000
    assert main(["figures", str(graph_file), "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["article", "n", "label"]
    assert len(table.splitlines()) == 16


def test_cli_missing_or_broken_graph_is_one_line(tmp_path, capsys):
    assert main(["figures", str(tmp_path / "none.ttl")]) == 2
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <", encoding="utf-8")
    assert main(["figures", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("union-kg figures: ") for line in err)
