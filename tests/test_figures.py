"""Figures: values, units, approximation, and what is not a figure."""
from decimal import Decimal

import pytest

from graph.pipeline import extract_text


def figures(text):
    return [(f.value, f.unit, f.approx) for f in extract_text(text).figures]


@pytest.mark.parametrize("text, value, unit, approx", [
    ("全年共投入233万元用于送温暖。", "2330000", "yuan", False),
    ("惠及各行各业职工9.8万余人次。", "98000", "person-time", True),
    ("累计投入752万余元,购买防疫物资。", "7520000", "yuan", True),
    ("为2.23万家企业返还工会经费3.57亿元。", "357000000", "yuan", False),
    ("新就业形态职工入会率达到了65.3%。", "65.3", "percent", False),
    ("非公企业工会占比95%以上。", "95", "percent", True),
    ("涉及19项近54场次竞赛。", "54", "count", True),
    ("累计观看人数30余万人。", "300000", "person", True),
    ("女职工2000多人。", "2000", "person", True),
    ("全市1.2亿元专项资金已经下拨。", "120000000", "yuan", False),
    ("吸引3千余人参加。", "3000", "person", True),
    ("两千余名职工参与。", "2000", "person", True),
    ("入会率达到百分之六十五。", "65", "percent", False),
    ("覆盖近百家企业。", "100", "count", True),
    ("服务职工万余人次。", "10000", "person-time", True),
    ("超过300人到场。", "300", "person", True),
    ("全区１２３名职工参加。", "123", "person", False),     # full-width digits, NFKC
])
def test_figure_values(text, value, unit, approx):
    assert (Decimal(value), unit, approx) in figures(text)


@pytest.mark.parametrize("text", [
    "2020年11月24日上午,大会隆重举行。",
    "第二届“北京大工匠”选树活动启动。",
    "用好12351热线和职工心理援助热线。",
    "通过“832”等平台购买农副产品。",
    "实施“十四五”规划的开局之年。",
    "驿站实现“24小时不打烊”。",
    "今年是中国共产党成立100周年。",
    "他今年56岁,从事电工工作5年。",
    "分别联系6-7个街道总工会。",
    "开展“三大主题活动”,完成四项重点任务。",
])
def test_not_figures(text):
    assert figures(text) == []


def test_figure_year_from_section_heading():
    text = "【回顾2020】\n\n全区新建职工之家41个。\n\n【启航2021】\n\n计划新建职工书屋10个。"
    years = {f.value: f.year for f in extract_text(text).figures}
    assert years[Decimal(41)] == 2020
    assert years[Decimal(10)] == 2021


def test_repeated_paragraph_counts_once():
    para = "2020年新增工会组织3553家。"
    facts = extract_text(f"{para}\n\n{para}\n")
    assert [f.value for f in facts.figures] == [Decimal(3553)]


def test_thousands_separators_are_one_number():
    # after NFKC a full-width comma looks like a thousands separator; three digits after it are one
    assert (Decimal(1200), "person-time", False) in figures("帮扶困难职工1,200人次。")
    assert (Decimal(5), "count", False) in figures("新建站点5个,200人参加揭牌。")
