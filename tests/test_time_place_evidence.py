"""When, where and says who (issue 13): evidence offsets, article dates, figure periods, places, posts over time.

The sentences here are invented for the tests (places and names are ordinary examples), except where a
seed file is named.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, Namespace

from graph.build import build
from graph.cli import main
from graph.export.tables import figure_rows
from graph.namespace import UKG
from graph.resolve.evidence import offset_map
from graph.sparql import rows
from graph.store.check import check, conflicting_posts, format_posts
from graph.text.places import admin_codes, divisions, parse_place
from graph.text.read import normalise, read_bytes, text_as_read
from graph.text.when import (
    Period,
    TimeRef,
    apply_date,
    find_dateline,
    parse_date,
    plan_before,
    resolve_period,
    time_refs,
)

# Plain namespaces: pytest's collection probes module attributes, and rdflib's closed ones warn on unknown names.
SDO = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"

A1 = ("朝阳区工会工作综述\n新华社长春2021年3月5日电 长春市朝阳区总工会主席王建国在会上表示,五年来,区总工会累计投入"
      "帮扶资金1200万元,惠及职工3万人次。\n去年,区总工会发放慰问金80万元。\n")
A2 = ("本报长春2021年9月8日电 日前,长春市朝阳区总工会召开第五次代表大会,王建国当选区总工会副主席。"
      "今年上半年,区总工会发放慰问金60万元。\n")
A3 = "长春市朝阳区总工会主席王建国表示,五年来,区总工会累计投入帮扶资金900万元。\n"  # no date in reach


def _build(tmp_path: Path, files: dict[str, str | bytes], **kw) -> Graph:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    for name, content in files.items():
        p = src / name
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    g, report = build([src], tmp_path / "out", html=False, cache=False, **kw)
    assert not report.failures
    return g


def _evidence_ok(g: Graph, src: Path) -> int:
    """Every evidence node's quote is the text as read at its offsets; returns how many were checked."""
    files = {p.stem: p for p in src.rglob("*") if p.is_file() and p.suffix != ".json"}
    texts: dict[str, str] = {}
    n = 0
    for ev in g.subjects(RDF.type, UKG.Evidence):
        doc_id = str(g.value(g.value(ev, DCTERMS.source), DCTERMS.identifier))
        text = texts.setdefault(doc_id, text_as_read(files[doc_id]))
        start, end = int(g.value(ev, UKG.startOffset)), int(g.value(ev, UKG.endOffset))
        assert text[start:end] == str(g.value(ev, UKG.quote)), (doc_id, start, end)
        n += 1
    return n


# ---------------------------------------------------------------- evidence
@pytest.fixture(scope="module")
def seed(seed_graph) -> Graph:
    return Graph().parse(seed_graph)


def test_every_evidence_node_of_the_seed_build_reproduces_its_quote(seed):
    assert _evidence_ok(seed, ROOT / "seeds") > 300


def test_every_fact_of_the_seed_build_has_evidence(seed):
    for cls in (UKG.Figure, ORG.Membership):
        facts = set(seed.subjects(RDF.type, cls))
        assert facts
        for f in facts:
            assert any((e, RDF.type, UKG.Evidence) in seed for e in seed.objects(f, PROV.wasDerivedFrom)), f
    for p in (ORG.subOrganizationOf, UKG.organizedBy, UKG.receivedAward, SDO.mentions):
        triples = list(seed.triples((None, p, None)))
        assert triples, p
        for s, _, o in triples:
            named = set(seed.subjects(RDF.subject, s)) & set(seed.subjects(RDF.predicate, p)) \
                & set(seed.subjects(RDF.object, o))
            assert named, (s, p, o)


def test_offsets_count_the_text_as_read_crlf_full_width_traditional_and_html(tmp_path):
    files = {
        "crlf.txt": "标题\r\n朝阳区总工会投入资金１２００万元。\r\n区总工会主席王建国表示,要做好服务。\r\n".encode(),
        "trad.txt": "臺北\n朝陽區總工會投入資金1200萬元。\n".encode(),
        "page.html": ("<html><body><h1>标题</h1><p>朝阳区总工会&nbsp;投入资金１２００万元。</p>"
                      "<p>区总工会开展“送温暖”活动。</p></body></html>").encode(),
    }
    g = _build(tmp_path, files)
    assert _evidence_ok(g, tmp_path / "src") >= 6
    quotes = {str(q) for q in g.objects(None, UKG.quote)}
    assert "朝阳区总工会投入资金１２００万元。" in quotes  # as written, full-width digits kept
    assert "朝陽區總工會投入資金1200萬元。" in quotes  # traditional characters kept


def test_offset_map_replays_normalisation():
    raw = "Ａ１\r\n㎡x\u0301y"
    m = offset_map(raw, normalise(raw))
    norm = normalise(raw)
    assert len(m) == len(norm) + 1 and m[-1] == len(raw)
    assert raw[m[norm.index("m")]:m[norm.index("x")]] == "㎡"
    assert offset_map("abc", "abc") == [0, 1, 2, 3]


# ---------------------------------------------------------------- dates
@pytest.mark.parametrize("text, date, place, publisher", [
    ("标题\n新华社北京2021年7月29日电 全国总工会召开会议", "2021-07-29", "北京", "新华社"),
    ("标题\n本报西宁3月2日电 记者从省总工会获悉", None, "西宁", None),
    ("标题\n2011年04月06日15:58\n新华网北京4月6日电(记者 张三)会议6日举行", "2011-04-06", "北京", "新华网"),
    ("标题\n来源:某某日报2025-08-01 09:35\n日前,省总工会举办活动", "2025-08-01", None, "某某日报"),
    ("标题\n28.04.2015  11:28\n4月27日,省总工会主席率团出发", "2015-04-28", None, None),
    ("标题\n某市晚报讯(记者 李四)近日,市总工会召开全委会", None, None, "某市晚报"),
    ("标题\n本报讯 近日,区总工会开展活动", None, None, None),
    ("中国某某网5月6日讯 市总工会……2019年5月6日,市总工会召开大会", "2019-05-06", None, "中国某某网"),
    ("标题\n据新华社电 日前,全总召开会议", None, None, "新华社"),
    ("标题\n发布时间:2023-01-05 09:00 来源:工人日报 作者:张三\n日前", "2023-01-05", None, "工人日报"),
])
def test_dateline(text, date, place, publisher):
    d = find_dateline(text)
    assert d is not None
    assert (d.date, d.place, d.publisher) == (date, place, publisher)


def test_no_dateline_no_date():
    assert find_dateline("2020年11月24日上午,全国劳动模范表彰大会在北京举行。区总工会组织收看。") is None
    assert find_dateline("标题\n电力公司工会开展活动,供电所职工参加。") is None


@pytest.mark.parametrize("value, expected", [("2023-01-05", "2023-01-05"), ("2023/1/5", "2023-01-05"),
                                             ("2023年1月5日", "2023-01-05"), ("2023-01", "2023-01"),
                                             ("2023-02-30", None), ("yesterday", None)])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# ---------------------------------------------------------------- periods
def _ref(text: str) -> TimeRef:
    refs = time_refs(text)
    assert len(refs) == 1, refs
    return refs[0][2]


@pytest.mark.parametrize("text, issued, start, end", [
    ("2020年,区总工会", None, "2020", "2020"),
    ("过去五年,区总工会", "2021-07-29", "2016", "2020"),
    ("5年来,区总工会", "2021-07", "2016", "2020"),
    ("近三年,区总工会", "2023-01-05", "2020", "2022"),
    ("“十三五”期间,区总工会", None, "2016", "2020"),
    ("截至2022年底,全区", None, None, "2022-12-31"),
    ("截至2022年6月底,全区", None, None, "2022-06-30"),
    ("2021年上半年,全区", None, "2021-01-01", "2021-06-30"),
    ("今年一季度,全区", "2022-05-01", "2022-01-01", "2022-03-31"),
    ("去年,全区", "2022-05-01", "2021", "2021"),
    ("2019年以来,全区", "2022-05-01", "2019", "2022-05-01"),
    ("2016—2020年,全区", None, "2016", "2020"),
    ("截至目前,全区", "2022-05-01", None, "2022-05-01"),
])
def test_period_rules(text, issued, start, end):
    assert resolve_period(_ref(text), issued) == Period(start, end)


@pytest.mark.parametrize("text", ["过去五年,区总工会", "去年,全区", "今年上半年,全区", "全年组织", "截至目前,全区"])
def test_no_date_in_reach_no_period(text):
    assert resolve_period(_ref(text), None) is None


def test_expressions_inside_titles_are_not_times():
    assert time_refs("印发《2020年工作要点》") == []


def test_undated_review_takes_the_plan_period_before_the_one_it_looks_ahead_to():
    text = "五年来,区总工会投入资金。\n今后五年,是全面实施“十四五”规划的关键时期。"
    plan = plan_before(text)
    assert plan == Period("2016", "2020")
    assert resolve_period(_ref("五年来,区总工会"), None, plan) == plan
    assert plan_before("五年来,区总工会投入资金。") is None


def _figures(g: Graph) -> dict[str, URIRef]:
    return {str(g.value(f, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))): f
            for f in g.subjects(RDF.type, UKG.Figure)}


def _period_of(g: Graph, f: URIRef) -> tuple[str | None, str | None]:
    p = g.value(f, UKG.refPeriod)
    if p is None:
        return None, None
    ends = []
    for side in (TIME.hasBeginning, TIME.hasEnd):
        inst = g.value(p, side)
        ends.append(None if inst is None else str(next(o for _, o in g.predicate_objects(inst)
                                                        if isinstance(o, Literal))))
    return tuple(ends)


def test_figures_get_periods_against_the_article_date(tmp_path):
    g = _build(tmp_path, {"a1.txt": A1, "a2.txt": A2, "a3.txt": A3})
    figs = _figures(g)
    assert _period_of(g, figs["1200万元"]) == ("2016", "2020")
    assert g.value(figs["1200万元"], UKG.year) is None  # a five-year period, no single year
    assert _period_of(g, figs["80万元"]) == ("2020", "2020")  # 去年 in an article of 2021
    assert g.value(figs["80万元"], UKG.year) == Literal("2020", datatype=XSD.gYear)
    assert _period_of(g, figs["60万元"]) == ("2021-01-01", "2021-06-30")
    assert _period_of(g, figs["900万元"]) == (None, None)  # undated: no period, never a guess
    rows_ = {r.label: r for r in figure_rows(g)}
    assert (rows_["1200万元"].period_start, rows_["1200万元"].period_end) == ("2016", "2020")
    missing = {f.figures[0].label for f in check(g) if f.type == "missing-year"}
    assert "1200万元" not in missing


def test_seed_003_figures_carry_a_five_year_period_and_no_single_year(seed):
    doc = next(seed.subjects(DCTERMS.identifier, Literal("003_096c99b1aebdbe8c")))
    figs = [f for f in seed.subjects(RDF.type, UKG.Figure) if (f, PROV.wasDerivedFrom, doc) in seed]
    assert len(figs) >= 40
    for f in figs:
        assert _period_of(seed, f) == ("2016", "2020")
        assert seed.value(f, UKG.year) is None


# ---------------------------------------------------------------- article date, sidecar, command line
def test_article_date_place_and_publisher(tmp_path):
    g = _build(tmp_path, {"a1.txt": A1})
    doc = next(g.subjects(RDF.type, UKG.Article))
    assert g.value(doc, DCTERMS.issued) == Literal("2021-03-05", datatype=XSD.date)
    assert str(g.value(doc, DCTERMS.publisher)) == "新华社"
    place = g.value(doc, DCTERMS.spatial)
    assert str(g.value(place, UKG.adminCode)) == "220100"


def test_sidecar_and_command_line_date_win(tmp_path):
    g = _build(tmp_path, {"a1.txt": A1, "a1.json": json.dumps({"date": "2022-01-05"}), "a3.txt": A3})
    dates = {str(g.value(d, DCTERMS.identifier)): g.value(d, DCTERMS.issued) for d in g.subjects(RDF.type, UKG.Article)}
    assert dates == {"a1": Literal("2022-01-05", datatype=XSD.date), "a3": None}
    # the 五年来 of a1 now counts back from 2022
    assert _period_of(g, _figures(g)["1200万元"]) == ("2017", "2021")
    g = _build(tmp_path, {}, date="2020-06")
    dates = {str(g.value(d, DCTERMS.identifier)): g.value(d, DCTERMS.issued) for d in g.subjects(RDF.type, UKG.Article)}
    assert set(dates.values()) == {Literal("2020-06", datatype=XSD.gYearMonth)}


def test_cli_rejects_a_bad_date(tmp_path, capsys):
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "o"), "--date", "soon", "-q"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_apply_date_keeps_the_inferred_date_without_override(tmp_path):
    class F:
        issued = "2021-03-05"
    assert apply_date(F(), tmp_path / "none.txt").issued == "2021-03-05"


# ---------------------------------------------------------------- places
def test_admin_codes_match_the_lexicon():
    divs = divisions()
    coded = [d for d in divs.values() if d.code]
    assert len([d for d in coded if d.level == "province"]) == 34
    assert len(coded) > 450
    for d in coded:
        assert d.code[:2] == divs[(d.province,)].code[:2], d
    assert sum(len(v) for v in admin_codes().values()) == len({c for v in admin_codes().values() for c in v.values()})


@pytest.mark.parametrize("text, path, level", [
    ("北京市顺义区总工会", ("北京市", "顺义区"), "county"),
    ("海淀区总工会", ("北京市", "海淀区"), "county"),
    ("成都", ("四川省", "成都市"), "city"),
    ("江苏省总工会", ("江苏省",), "province"),
    ("苏州市昆山市总工会", ("江苏省", "苏州市", "昆山市"), "county"),
    ("延边州总工会", ("吉林省", "延边朝鲜族自治州"), "city"),
])
def test_parse_place(text, path, level):
    d = parse_place(text)
    assert d is not None and d.path == path and d.level == level


def test_a_shared_district_name_needs_context():
    assert parse_place("朝阳区总工会") is None  # 北京 or 长春: no guess
    changchun = parse_place("长春市")
    assert parse_place("朝阳区总工会", (changchun,)).path == ("吉林省", "长春市", "朝阳区")
    assert parse_place("中国海员工会") is None


def test_unions_are_tied_to_their_place(tmp_path):
    g = _build(tmp_path, {"a1.txt": A1})
    union = next(u for u in g.subjects(RDF.type, UKG.TradeUnion) if "朝阳区" in str(u))
    place = g.value(union, SDO.location)
    assert str(g.value(place, UKG.adminLevel)) == "county"
    city = g.value(place, SDO.containedInPlace)
    assert str(g.value(city, UKG.adminCode)) == "220100"
    assert str(g.value(g.value(city, SDO.containedInPlace), UKG.adminCode)) == "220000"


# ---------------------------------------------------------------- posts over time
def test_posts_merge_across_articles_and_span_their_dates(tmp_path):
    g = _build(tmp_path, {"a1.txt": A1, "a2.txt": A2, "a4.txt": A1.replace("2021年3月5日", "2022年4月1日")})
    got = {(r["person"], r["post"]): r for r in rows(g, (QUERIES / "posts_over_time.rq").read_text())}
    chair = got[("王建国", "主席")]
    assert (chair["first_seen"], chair["last_seen"], chair["articles"]) == ("2021-03-05", "2022-04-01", 2)
    deputy = got[("王建国", "副主席")]
    assert deputy["began"] == "2021-09-08"  # 当选 in an article of that day
    memberships = [m for m in g.subjects(RDF.type, ORG.Membership) if "主席" in str(m) and "副" not in str(m)]
    assert len(memberships) == 1


def test_two_posts_of_one_person_at_one_time_are_reported_with_both_quotes(tmp_path):
    g = _build(tmp_path, {"a1.txt": A1, "a2.txt": A2})
    conflicts = conflicting_posts(g)
    assert len(conflicts) == 1
    c = conflicts[0]
    assert {p[0] for p in c.posts} == {"主席", "副主席"}
    report = format_posts(conflicts)
    assert "长春市朝阳区总工会主席王建国" in report and "王建国当选区总工会副主席" in report
    # both posts stay in the graph
    titles = {str(m).split("/")[-2] for m in g.subjects(RDF.type, ORG.Membership)}
    assert {"主席", "副主席"} <= titles


def test_undated_posts_are_not_compared(tmp_path):
    g = _build(tmp_path, {"a3.txt": A3, "a5.txt": A3.replace("主席", "副主席")})
    assert conflicting_posts(g) == []


# ---------------------------------------------------------------- saved queries on the seed build
def _saved(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def test_query_fact_evidence(seed_graph):
    got = rows(seed_graph, _saved("fact_evidence"))
    # 002: 平谷区总工会党组书记、常务副主席张艳革说。
    post = [r for r in got if r["kind"] == "post" and "张艳革" in r["fact"]]
    assert post and all(r["quote"] == "平谷区总工会党组书记、常务副主席张艳革说。" for r in post)
    text = text_as_read(ROOT / "seeds" / "002_4e1fcc6106327083.txt")
    for r in got:
        assert text[int(r["start"]):int(r["end"])] == r["quote"]
    assert {"figure", "post", "object of mentions"} <= {r["kind"] for r in got}


def test_query_union_figures_over_time(seed_graph):
    got = rows(seed_graph, _saved("union_figures_over_time"))
    assert len(got) >= 20
    assert {(r["from"], r["to"], r["year"]) for r in got} == {("2016", "2020", None)}
    assert any(r["label"] == "1.04亿元" and r["value"] == Decimal("104000000") for r in got)


def test_query_posts_over_time_on_seeds(seed_graph):
    got = {(r["union"], r["person"], r["post"]): r for r in rows(seed_graph, _saved("posts_over_time"))}
    row = got[("平谷区总工会", "张艳革", "常务副主席")]
    assert row["articles"] == 1 and row["first_seen"] is None  # seed articles carry no date


def test_query_money_per_province_and_city(seed_graph):
    prov = rows(seed_graph, _saved("money_per_province"))
    assert [(r["province"], r["code"]) for r in prov] == [("北京市", "110000")]
    city = rows(seed_graph, _saved("money_per_city"))
    assert [(r["city"], r["province"]) for r in city] == [("北京市", "北京市")]
    assert prov[0]["total_yuan"] == city[0]["total_yuan"] >= Decimal("7520000")  # 000: 752万余元 among them


def test_money_per_city_outside_a_municipality(tmp_path):
    g = _build(tmp_path, {"a1.txt": A1})
    city = {r["city"]: r for r in rows(g, _saved("money_per_city"))}
    assert city["长春市"]["province"] == "吉林省" and city["长春市"]["total_yuan"] >= Decimal("12000000")


def test_read_bytes_keeps_the_text_as_read():
    a = read_bytes("Ａ１\r\n".encode(), "x.txt")
    assert a.raw == "Ａ１\r\n" and a.original == "A1\n"


# ---------------------------------------------------------------- the dev set
@pytest.fixture(scope="module")
def dev(tmp_path_factory) -> Graph:
    g, report = build([ROOT / "tests" / "dev" / "texts"], tmp_path_factory.mktemp("dev"), html=False, cache=False)
    assert not report.failures
    return g


def test_dev_evidence_reproduces_quotes_and_the_graph_conforms(dev):
    from graph.store.validate import validate

    assert _evidence_ok(dev, ROOT / "tests" / "dev" / "texts") > 300
    conforms, _, text = validate(dev)
    assert conforms, text


def test_dev_articles_whose_dateline_has_a_year_in_reach_are_dated(dev):
    dated = {str(dev.value(d, DCTERMS.identifier)): str(dev.value(d, DCTERMS.issued))
             for d in dev.subjects(RDF.type, UKG.Article) if dev.value(d, DCTERMS.issued) is not None}
    # dv02: 2011年04月06日15:58 / 新华网北京4月6日电; dv21: 28.04.2015 11:28; dv25: 来源:辽宁日报2025-08-01 09:35
    assert dated == {"dv02": "2011-04-06", "dv21": "2015-04-28", "dv25": "2025-08-01"}
    for doc_id in dated:
        text = text_as_read(ROOT / "tests" / "dev" / "texts" / f"{doc_id}.txt")
        assert find_dateline(normalise(text)).date == dated[doc_id]


def test_post_beginning_from_a_month_or_from_since(tmp_path):
    g = _build(tmp_path, {
        "b1.txt": "标题\n本报长春2021年9月8日电 2021年3月,王建国当选长春市朝阳区总工会主席。\n",
        "b2.txt": "标题\n本报长春2022年9月8日电 自2020年5月起,李红任长春市朝阳区总工会副主席。\n"})
    got = {(r["person"], r["post"]): r["began"] for r in rows(g, _saved("posts_over_time"))}
    assert got.get(("王建国", "主席")) == "2021-03"
    assert got.get(("李红", "副主席")) in ("2020-05", None)  # 任 is not always read as a post by the resolver


def test_two_articles_disagreeing_on_a_value_both_stay_and_check_quotes_both(tmp_path):
    from graph.store.check import format_text

    g = _build(tmp_path, {"c1.txt": "标题\n2020年,长春市朝阳区总工会发放困难职工慰问金80万元。\n",
                          "c2.txt": "标题\n2020年,长春市朝阳区总工会发放困难职工慰问金95万元。\n"})
    found = [f for f in check(g) if f.type == "conflicting-values"]
    assert len(found) == 1 and {r.label for r in found[0].figures} == {"80万元", "95万元"}
    report = format_text(found)
    assert "发放困难职工慰问金80万元" in report and "发放困难职工慰问金95万元" in report
    figs = _figures(g)
    for label in ("80万元", "95万元"):
        assert any((e, RDF.type, UKG.Evidence) in g for e in g.objects(figs[label], PROV.wasDerivedFrom))


def test_a_street_union_lies_in_the_division_of_its_parent(seed):
    # 002: 晁怀新对口联系的鼓楼街道总工会 (密云区总工会)
    # (a street's name carries no city: its IRI names the division after it, union/鼓楼街道总工会/in/北京市)
    street = next(u for u in seed.subjects(RDF.type, UKG.TradeUnion) if "/鼓楼街道总工会/" in str(u))
    assert str(seed.value(seed.value(street, SDO.location), UKG.adminCode)) == "110118"
