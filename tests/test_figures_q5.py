"""Figures, fifth round: years of months without a year, comparisons written 高于去年, subjects and
measures (invented sentences; patterns of tests/data/heldout-q4-links and heldout-q5-figures, never
their words)."""
from graph.namespace import UKG
from graph.pipeline import extract_text
from graph.store.rdf import build_graph


def _by_text(text, doc="t"):
    return {f.text: f for f in extract_text(text, doc).figures}


def _graph_years(text, doc="t"):
    """ukg:year of each figure (by its label) as the build writes it: resolve's year checked by when's period."""
    from rdflib.namespace import RDFS

    g = build_graph([extract_text(text, doc)])
    out = {}
    for f in g.subjects(UKG.quote, None):
        y = g.value(f, UKG.year)
        out[str(g.value(f, RDFS.label))] = int(str(y)) if y is not None else None
    return out


def test_a_month_without_its_year_dates_its_figures_by_the_dateline_like_a_day_does():
    text = ("临沧市邮政工会为投递员办实事\n\n"
            "2025-09-12  来源:临沧日报\n\n"
            "本报讯 9月10日,云南省临沧市邮政工会召开职工服务工作会。\n\n"
            "截至8月底,全市邮政系统已为投递员办理互助保障3120份,参保率达到88.6%。"
            "市邮政工会还为乡村投递员配发雨具460套。")
    years = _graph_years(text)
    assert years["3120份"] == 2025 and years["88.6%"] == 2025
    assert years["460套"] == 2025  # the paragraph's 8月底 dates the sentence after it too
    undated = text.replace("2025-09-12  来源:临沧日报\n\n", "")
    assert _graph_years(undated)["3120份"] is None  # no dateline: the month gives no year


def test_a_month_range_without_its_year_is_of_the_dateline_year():
    text = ("双鸭山市总工会普惠服务\n\n"
            "2024-11-03  来源:双鸭山市总工会\n\n"
            "本报讯 11月1日,双鸭山市总工会召开普惠服务推进会。\n\n"
            "1至10月,全市工会会员卡新增绑卡1.2万张。")
    assert _graph_years(text)["1.2万张"] == 2024


def test_a_value_compared_with_last_year_by_gao_yu_is_last_years_and_does_not_date_the_others():
    text = ("昭通市总工会职工疗休养\n\n"
            "2025-10-20  来源:昭通日报\n\n"
            "今年以来,昭通市总工会分批组织环卫、交通、医疗等行业的一线职工和劳动模范赴省内各地疗休养。\n\n"
            "参加的职工中,一线职工占比达到61%,高于去年的48%;获得市级以上劳模称号的有35人。")
    years = _graph_years(text)
    assert years["48%"] == 2024   # 去年的48%: the compared value is of last year
    assert years["61%"] == 2025   # the sentence's own value keeps the article's year
    assert years["35人"] == 2025  # after the ；, 去年 dates nothing
    lower = text.replace("高于去年的48%", "低于2024年的72%")
    years = _graph_years(lower)
    assert years["72%"] == 2024 and years["61%"] == 2025
