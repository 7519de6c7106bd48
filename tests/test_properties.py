"""Property tests: any text extracts without raising, to finite figures, and to a valid graph."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graph.pipeline import extract
from graph.store.rdf import build_graph
from graph.store.validate import validate
from graph.text.read import read_text

#: Pieces of union news, so that generated text reaches the extractors' rules, not only their guards.
FRAGMENTS = ["朝阳区", "總工會", "总工会", "区总工会", "主席", "副主席", "党组书记", "李明", "王", "表示", "全年",
             "投入", "累计", "其中", "共", "约", "近", "万元", "亿元", "元", "人次", "名", "个", "%", "％", "百分之",
             "万", "千", "点", "1", "0", "5", "12.5", "1,200", "-", "—", "~", "至", "余", "多", "年", "2020", "2021年",
             "《", "》", "“", "”", "【", "】", "、", ",", "。", "\n", " ", "□本报记者 ", "荣获", "全国五一劳动奖章",
             "“送温暖”活动", "工程", "困难职工", "帮扶", "〇", "一", "二十", "两", "零", "第", "届", "∞",
             "NaN", "1e999", "９９９", "元/人", "/", "倍", "增长", "下降"]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=30).map("".join),
)

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_extraction_never_raises_and_figures_are_finite(text):
    facts = extract(read_text(text, "t"))
    for f in facts.figures:
        assert f.value.is_finite(), f
        assert f.unit in {"yuan", "percent", "person", "person-time", "count"}, f


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=3))
def test_turtle_parses_and_conforms_to_the_shapes(articles):
    g = build_graph([extract(read_text(t, f"doc{i}")) for i, t in enumerate(articles)])
    ttl = g.serialize(format="turtle")
    back = Graph().parse(data=ttl, format="turtle")
    assert len(back) == len(g)
    conforms, _, report = validate(back)
    assert conforms, report[:2000]
