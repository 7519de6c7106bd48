"""The saved queries (queries/*.rq), ``union-kg query`` and the Python API, on the seed graph.

Each expected row is a fact a reader can check in seeds/ (file and sentence noted).
"""
import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph
from graph.cli import parser
from graph.sparql import QueryError, open_store, rows

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"


@pytest.fixture(scope="session")
def store(seed_graph):
    return open_store(seed_graph)


def saved(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def test_every_saved_query_says_what_it_answers_and_runs(store):
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 10
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.startswith("# ") and "?" in text.splitlines()[0], f.name
        graph.sparql.query(store, text)  # parses and runs


def test_leaders(store):
    # 002: 平谷区总工会党组书记、常务副主席张艳革; 密云区总工会党组书记、常务副主席晁怀新
    got = {(r["union"], r["person"]): set(r["posts"].split("、")) for r in rows(store, saved("leaders"))}
    assert got[("平谷区总工会", "张艳革")] == {"党组书记", "常务副主席"}
    assert got[("密云区总工会", "晁怀新")] == {"党组书记", "常务副主席"}
    assert "主席" in got[("平谷区总工会", "付湘生")]  # 区总工会主席付湘生
    assert all(u.endswith("工会") for u, _ in got)  # only unions, not 平谷区人大常委会


def test_union_hierarchy(store):
    got = {(r["union"], r["parent"]) for r in rows(store, saved("union_hierarchy"))}
    for district in ("顺义区总工会", "平谷区总工会", "东城区总工会", "延庆区总工会"):
        assert (district, "北京市总工会") in got
    assert ("北京市总工会", "中华全国总工会") in got
    levels = {r["union"]: r["level"] for r in rows(store, saved("union_hierarchy"))}
    assert levels["顺义区总工会"] == "district" and levels["鼓楼街道总工会"] == "street"


def test_union_figures_by_year(store):
    got = {(r["year"], r["unit"].rsplit("#")[-1]): r for r in rows(store, saved("union_figures_by_year"))}
    # 000 (about 2020): 顺义区总工会 ... 752万余元 ...; 全年共退还工会经费1334万余元
    money_2020 = got[("2020", "Yuan")]
    assert "752万余元" in money_2020["as_written"].split(" | ")
    assert money_2020["total"] >= Decimal("7520000") and isinstance(money_2020["total"], Decimal)
    assert any("1334万余元" in r["as_written"] for (_, unit), r in got.items() if unit == "Yuan")
    # the sum is over the figures listed
    for r in got.values():
        assert r["figures"] == len(r["as_written"].split(" | "))


def test_district_spending(store):
    got = {(r["union"], r["year"]): r["total_yuan"] for r in rows(store, saved("district_spending"))}
    # 002: 平谷区 2022年 ... 疫情期间累计投入520余万元
    assert got[("平谷区总工会", "2022")] >= Decimal("5200000")
    assert got[("顺义区总工会", "2020")] >= Decimal("7520000")
    assert not any("北京市" in u for u, _ in got)  # district unions only


def test_award_recipients(store):
    # 002: 全国劳动模范陈兰颖
    got = {(r["award"], r["recipient"], r["kind"]) for r in rows(store, saved("award_recipients"))}
    assert ("全国劳动模范", "陈兰颖", "person") in got


def test_programmes_per_union(store):
    got = {r["union"]: r for r in rows(store, saved("programmes_per_union"))}
    # 002: 平谷区总工会 ... 平谷大桃专场直播活动
    assert "平谷大桃专场直播活动" in got["平谷区总工会"]["names"].split(" | ")
    assert got["东城区总工会"]["programmes"] >= 10
    assert all(r["programmes"] == len(set(r["names"].split(" | "))) for r in got.values())


def test_persons_in_several_articles(store):
    got = {r["person"]: r["articles"] for r in rows(store, saved("persons_in_several_articles"))}
    assert got["王路曼"] == 3  # reporter of 000, 002 and 004
    assert all(n > 1 for n in got.values())


def test_articles_mentioning_union(store):
    got = {r["id"] for r in rows(store, saved("articles_mentioning_union"))}
    assert got == {"000_01ed80bf8b9c969b", "004_4bcc54c899a9d085"}  # the two 顺义 articles


def test_reporters(store):
    got = {r["reporter"]: r for r in rows(store, saved("reporters"))}
    assert got["王路曼"]["articles"] == 3
    assert set(got["王路曼"]["ids"].split()) == {"000_01ed80bf8b9c969b", "002_4e1fcc6106327083",
                                                "004_4bcc54c899a9d085"}
    assert got["韩悦"]["ids"] == "003_096c99b1aebdbe8c"


def test_largest_money_figures(store):
    got = rows(store, saved("largest_money_figures"))
    assert len(got) == 10
    values = [r["yuan"] for r in got]
    assert values == sorted(values, reverse=True)
    # 001: 首都工会 ... 94896万元
    assert (Decimal("948960000"), "94896万元") in {(r["yuan"], r["as_written"]) for r in got}


def test_union_network_is_a_graph(store):
    res = graph.sparql.query(store, saved("union_network"))
    assert isinstance(res, ox.QueryTriples)
    triples = {(t.subject.value, t.predicate.value, t.object.value) for t in res}
    shunyi = "https://w3id.org/union-kg/id/union/顺义区总工会"
    assert (shunyi, "http://www.w3.org/ns/org#subOrganizationOf",
            "https://w3id.org/union-kg/id/union/北京市总工会") in triples


def test_union_overview(store):
    got = {r["union"]: r for r in rows(store, saved("union_overview"))}
    assert got["顺义区总工会"]["articles"] == 2
    assert got["平谷区总工会"]["officials"] == 2  # 付湘生, 张艳革
    assert got["顺义区总工会"]["figures"] > 10


# ---------------------------------------------------------------- API and CLI
def test_python_api_accepts_path_folder_store_and_rdflib_graph(seed_graph, store):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?u a ukg:TradeUnion }"
    n = rows(store, q)[0]["n"]
    assert n > 5
    assert rows(seed_graph, q) == rows(seed_graph.parent, q) == [{"n": n}]
    assert rows(graph.load(seed_graph), q) == [{"n": n}]
    assert bool(graph.query(store, 'ASK { ?p skos:prefLabel "王路曼"@zh }'))
    assert rows(store, 'ASK { ?p skos:prefLabel "没有此人"@zh }') == [{"ask": False}]


def test_malformed_query_gives_line_and_column(store):
    with pytest.raises(QueryError) as err:
        graph.sparql.query(store, "SELECT ?x\nWHERE { ?x ?y }")
    assert err.value.line == 2 and err.value.column >= 15  # the missing object, at or after "}"
    assert f"line 2, column {err.value.column}" in str(err.value)
    assert err.value.pointer().splitlines()[1].index("^") == 2 + err.value.column - 1


def run_cli(capsys, *argv):
    """``union-kg query ARGV``: the registered subcommand, parsed and run as the console script does."""
    args = parser().parse_args(["query", *map(str, argv)])
    code = args._run(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_formats(seed_graph, capsys):
    q = 'SELECT ?name WHERE { ?u a ukg:TradeUnion ; skos:prefLabel ?name FILTER(?name = "顺义区总工会"@zh) }'
    code, out, _ = run_cli(capsys, seed_graph, q)
    assert code == 0 and "顺义区总工会" in out and "(1 row)" in out
    code, out, _ = run_cli(capsys, seed_graph, q, "--format", "json")
    doc = json.loads(out)  # W3C SPARQL 1.1 Query Results JSON
    assert doc["head"]["vars"] == ["name"]
    assert doc["results"]["bindings"] == [{"name": {"type": "literal", "value": "顺义区总工会", "xml:lang": "zh"}}]
    code, out, _ = run_cli(capsys, seed_graph, q, "--format", "csv")
    assert list(csv.reader(io.StringIO(out))) == [["name"], ["顺义区总工会"]]
    code, out, _ = run_cli(capsys, seed_graph, q, "--format", "tsv")
    assert out.splitlines() == ["?name", '"顺义区总工会"@zh']
    code, out, _ = run_cli(capsys, seed_graph, "ASK { ?u a ukg:TradeUnion }", "--format", "json")
    assert json.loads(out)["boolean"] is True


def test_cli_file_construct_and_describe(seed_graph, capsys):
    code, out, _ = run_cli(capsys, seed_graph, "-f", QUERIES / "reporters.rq", "--format", "csv")
    assert code == 0 and "王路曼,3," in out
    code, out, _ = run_cli(capsys, seed_graph, "-f", QUERIES / "union_network.rq")
    assert code == 0 and "@prefix org:" in out
    assert len(list(ox.parse(out.encode(), format=ox.RdfFormat.TURTLE))) > 20
    code, out, _ = run_cli(capsys, seed_graph, "DESCRIBE <https://w3id.org/union-kg/id/union/顺义区总工会>")
    assert code == 0 and "顺义区总工会" in out and "org:subOrganizationOf" in out


def test_cli_errors_are_one_message_not_a_traceback(seed_graph, tmp_path, capsys):
    code, out, err = run_cli(capsys, seed_graph, "SELECT ?x WHERE { ?x ?y }")
    assert code == 2 and out == ""
    assert err.startswith("union-kg query: malformed query: line 1, column ") and "Traceback" not in err
    code, _, err = run_cli(capsys, tmp_path / "nothing.ttl", "ASK {}")
    assert code == 2 and "no graph at" in err
    code, _, err = run_cli(capsys, seed_graph, "-f", tmp_path / "missing.rq")
    assert code == 2 and "cannot read" in err
    code, _, err = run_cli(capsys, seed_graph, "ASK { ?s ?p ?o }", "--format", "turtle")
    assert code == 2 and "table" in err
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    code, _, err = run_cli(capsys, bad, "ASK {}")
    assert code == 2 and "not valid RDF" in err
