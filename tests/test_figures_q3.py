"""Figures, third round: years of bare parts of a year, starting points of a change, subjects and
non-figures (invented sentences; held-out patterns of tests/data/heldout-figures3)."""
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
    for f in g.subjects(UKG.year, None):
        out[str(g.value(f, RDFS.label))] = int(str(g.value(f, UKG.year)))
    for f in g.subjects(UKG.quote, None):
        out.setdefault(str(g.value(f, RDFS.label)), None)
    return out


def test_the_starting_point_of_a_change_dates_only_the_value_it_starts_from():
    text = ("某市总工会推进建会入会\n\n"
            "本报讯 记者日前从某市总工会获悉，截至2024年10月底，全市物流行业货车司机入会率"
            "由2021年底的48%提高到76.5%，新建司机之家64个。\n\n"
            "市总工会负责人说：“今年力争再建司机之家30个。”")
    f = _by_text(text)
    assert f["48%"].year == 2021
    assert f["76.5%"].year == 2024  # the value reached: of the sentence's own time
    assert f["64个"].year == 2024
    assert f["30个"].year == 2024   # 今年 of an undated article: the lead's year, not the compared 2021
    years = _graph_years(text)
    assert years["48%"] == 2021 and years["76.5%"] == 2024


def test_a_bare_quarter_takes_the_year_it_was_written_with_earlier_in_an_undated_article():
    text = ("某州总工会召开推进会\n\n"
            "本报讯（记者 某某）9月30日，某州总工会召开工作推进会。2024年前三季度，全州工会为职工"
            "追回工资报酬1350万元。\n\n"
            "前三季度，州总工会职工服务热线接听来电9600余个，比去年同期增长11%。\n\n"
            "第四季度，州总工会将为不少于2000名环卫工人送去冬季慰问品。")
    f = _by_text(text)
    assert f["1350万元"].year == 2024
    assert f["9600余个"].year == 2024 and f["11%"].year == 2024
    assert f["不少于2000名"].year == 2024  # a part of the same year, named bare
    years = _graph_years(text)
    assert years["9600余个"] == 2024 and years["不少于2000名"] == 2024


def test_a_bare_half_year_in_a_dated_website_item_is_of_the_publication_year():
    text = ("某区总工会上半年工作通报\n\n"
            "来源：某区总工会　发布时间：2023-07-20\n\n"
            "今年以来，某区总工会持续推进普惠服务，全区工会会员服务水平不断提升，各项工作稳步推进。\n\n"
            "一、会员服务\n"
            "上半年，区总工会为会员办理意外伤害互助保障4.3万人次，给付保障金860万元。")
    f = _by_text(text)
    assert f["4.3万人次"].year == 2023 and f["860万元"].year == 2023
    years = _graph_years(text)
    assert years["4.3万人次"] == 2023 and years["860万元"] == 2023


def test_a_bare_whole_year_in_a_later_paragraph_keeps_the_year_reported_not_the_publication_year():
    text = ("某县总工会2023年度经费收支公告\n\n"
            "来源：某县总工会　发布时间：2024-03-05\n\n"
            "现将某县总工会2023年度经费收支情况公告如下，请广大会员监督，县总工会将认真听取意见建议。\n\n"
            "2023年，县总工会经费总收入1860万元，总支出1720万元。\n\n"
            "全年用于困难职工帮扶的资金达215万元，占总支出的12.5%。")
    years = _graph_years(text)
    assert years["215万元"] == 2023 and years["12.5%"] == 2023


def test_an_enterprise_without_a_union_in_the_sentence_is_what_its_figures_are_about():
    text = ("某某机床集团召开职代会\n\n"
            "本报讯（记者 某某）3月2日，江城精工机床集团有限公司第二届职工代表大会第三次会议召开，"
            "142名职工代表参加会议。\n\n"
            "集团董事长在报告中介绍，2024年集团实现营业收入36.4亿元，同比增长9.1%。"
            "集团工会全年投入职工帮扶资金420万元。\n\n"
            "随后，慰问组向江城精工机床集团的职工捐赠慰问金5万元。")
    f = _by_text(text)
    assert f["142名"].subject == "江城精工机床集团有限公司" and f["142名"].subject_kind == "organization"
    assert f["36.4亿元"].subject == "江城精工机床集团有限公司"  # 集团 = the enterprise named before
    assert f["9.1%"].subject == "江城精工机床集团有限公司"
    assert f["420万元"].subject_kind == "union"                 # 集团工会: the enterprise's union
    assert f["5万元"].subject_kind != "organization"            # given to the enterprise's workers


def test_a_union_officer_reporting_is_no_private_person_whose_story_the_figures_tell():
    text = ("某林业集团工会召开会员代表大会\n\n"
            "来源：某省总工会　发布时间：2025-05-10\n\n"
            "5月8日，某林业集团有限公司工会第三次会员代表大会召开。大会选举产生新一届工会委员会，"
            "周立恒当选工会主席。\n\n"
            "周立恒在报告中回顾了过去五年的工作：集团工会累计投入帮扶资金880万元，建成职工书屋21个。")
    f = _by_text(text)
    assert f["880万元"].subject_kind == "union" and f["21个"].subject_kind == "union"


def test_a_change_opened_by_you_or_to_now_measures_both_values_alike():
    f = _by_text("截至2024年9月底，全市环卫工人入会率由2020年底的61%提高到88.4%。"
                 "“全区零就业家庭已由2019年的132户下降到目前的15户。”")
    assert f["88.4%"].measure == f["61%"].measure and "入会率" in f["88.4%"].measure
    assert f["15户"].measure == f["132户"].measure == "全区零就业家庭"


def test_what_ba_raises_is_the_measure_not_the_base_of_the_share():
    f = _by_text("区总工会负责人表示，将把职工疗休养经费比例提高到年度经费预算的15%以上。")
    assert f["15%以上"].measure == "职工疗休养经费比例"


def test_this_number_points_at_the_figure_before_it():
    f = _by_text("2024年，全省工会组织职工技能培训8.3万人次。今年这一数字预计将超过10万人次。")
    assert f["超过10万人次"].measure == f["8.3万人次"].measure and "技能培训" in f["8.3万人次"].measure


def test_examples_after_le_stay_out_of_the_measure():
    f = _by_text("大会审议通过了职工福利费使用办法等4项议案。")
    assert f["4项"].measure.endswith("议案") and "福利" not in f["4项"].measure


def test_a_target_of_the_coming_years_has_no_year_of_the_target_after_it():
    text = ("某集团工会召开会员代表大会\n\n"
            "本报讯 6月3日，某集团工会召开第二次会员代表大会，集团工会委员会委员和会员代表出席了会议。\n\n"
            "大会提出，今后五年职工收入年均增长不低于6%，到2030年建成职工书屋50个。")
    f = _by_text(text)
    assert f["不低于6%"].year is None
    assert f["50个"].year == 2030


def test_a_list_of_the_kind_counted_after_the_figure_stays_out_of_the_measure():
    f = _by_text("本次竞赛设汽车维修工、叉车司机、电梯安装维修工4个工种，走访慰问环卫工人、快递员、外卖骑手3200人。")
    assert f["4个"].measure == "本次竞赛设工种"
    assert "环卫工人" in f["3200人"].measure  # those counted, written before the figure: kept


def test_a_change_clause_is_about_what_the_figure_it_changes_is_about():
    text = ("宜宾市总工会通报热线工作\n\n"
            "本报讯 宜宾市总工会日前通报了上半年职工服务工作情况，市总工会领导班子成员出席会议。\n\n"
            "2024年上半年，市总工会依托“12351”职工服务热线受理职工诉求6200余件，比去年同期增长18%。")
    f = _by_text(text)
    assert f["6200余件"].subject_kind == "programme"
    assert f["18%"].subject == f["6200余件"].subject


def test_a_stock_counted_to_the_month_before_the_dateline_dates_this_year_of_an_undated_article():
    text = ("某省新发展工会会员\n\n"
            "本报兰州10月9日电（记者 某某）记者从某省总工会获悉，“十四五”以来全省累计新发展会员52万人，"
            "截至2024年9月底，全省已建工会的企业达3.2万家。\n\n"
            "今年1至9月，全省新建行业工会联合会17个。")
    f = _by_text(text)
    assert f["3.2万家"].year == 2024 and f["17个"].year == 2024
    far = text.replace("10月9日电", "3月9日电")  # a stock of half a year before: no clue to the year of writing
    assert _by_text(far)["17个"].year is None


def test_changes_shared_out_with_fenbie_measure_the_figures_before_in_order():
    f = _by_text("2023年，全县工会经费收入860万元，支出790万元，同比分别增长6.1%和3.8%。")
    assert f["6.1%"].measure.startswith(f["860万元"].measure) and f["6.1%"].measure.endswith("增长")
    assert f["3.8%"].measure.startswith(f["790万元"].measure)


def test_numbers_inside_the_clause_before_are_no_part_of_a_change_measure():
    f = _by_text("2024年，全市共有1260家企业、18.6万名职工参加劳动竞赛，比上年增加85家。")
    assert not any(ch.isdigit() or ch == "万" for ch in f["85家"].measure)
    assert "劳动竞赛" in f["85家"].measure and f["85家"].measure.endswith("增加")


def test_a_span_opening_the_clause_is_no_part_of_the_measure():
    f = _by_text("2022年以来累计为户外劳动者建成驿站460个。")
    assert f["460个"].measure.startswith("为户外劳动者") and f["460个"].year is None
