"""Figures: bounds, compared years, shared verbs and counted lists (invented sentences, held-out patterns)."""
from decimal import Decimal

import pytest

from graph.pipeline import extract_text


def _by_text(text):
    return {f.text: f for f in extract_text(text).figures}


def _article(union, headline, lead, body):
    """A short news article: headline, a lead about ``union`` (long enough to be the lead), then ``body``."""
    return f"{headline}\n\n本报讯 {lead}，{union}领导班子成员出席，职工代表参加了会议。\n\n{body}"


@pytest.mark.parametrize("text, shown, value", [
    ("其中劳模占比不低于60%。", "不低于60%", "60"),
    ("每年培训一线班组长不少于300名。", "不少于300名", "300"),
    ("全年安排疗休养名额至少800个。", "至少800个", "800"),
    ("在全县职工中，农民工约占41%。", "约占41%", "41"),
])
def test_a_lower_bound_or_a_rounded_share_is_approximate(text, shown, value):
    f = _by_text(text)[shown]
    assert f.value == Decimal(value) and f.approx


def test_a_compared_year_dates_only_the_compared_value():
    text = ("某省总工会通报全年工作\n\n"
            "本报讯 日前，某省总工会通报了全省工会的年度工作情况，省总工会领导班子成员出席会议。\n\n"
            "2024年，全省工会组织职工参加技能培训8.6万人次，比2023年的7.1万人次增长21.1%。"
            "与2023年相比，全省困难职工档案从5200户降至4100户。")
    f = _by_text(text)
    assert f["7.1万人次"].year == 2023          # 比2023年的…: the value compared with
    assert f["21.1%"].year == 2024              # the growth is of the year the paragraph reports
    assert f["5200户"].year == 2023             # 从… after 与2023年相比: the starting value
    assert f["4100户"].year == 2024             # 降至…: the value reached, in the paragraph's year


def test_a_compared_year_is_no_time_of_the_figure_in_the_graph():
    # the build stamps ukg:year from the figure's time reference (graph.text.when.figure_ref): it must agree
    from graph.text.when import figure_ref, time_refs

    text = "2024年，全市新建驿站120个，较2023年增加30个。"
    refs = time_refs(text)
    pos = text.index("30个")
    ref = figure_ref(text, pos, (0, len(text)), (0, len(text)), [(0, len(text))], refs)
    assert ref is not None and ref.text.startswith("2024")


def test_the_value_reached_and_the_compared_value_say_what_they_count():
    text = ("2024年，全省工会组织职工疗休养9.2万人次，比2023年的8.4万人次有所增加。"
            "全市失业职工人数从3100人降至2600人。")
    f = _by_text(text)
    assert "疗休养" in f["8.4万人次"].measure
    assert f["2600人"].measure == f["3100人"].measure and "失业职工" in f["2600人"].measure
    assert not f["3100人"].measure.endswith("从")


def test_figures_shared_out_with_分别_go_to_each_union_in_turn():
    text = ("遵义市总工会启动助学活动\n\n"
            "本报讯 日前，遵义市总工会启动今年的助学活动，州总工会今年安排助学资金300万元。\n\n"
            "东山县总工会、西河县总工会还分别配套资金40万元和25万元。")
    f = _by_text(text)
    assert f["40万元"].subject == "东山县总工会"
    assert f["25万元"].subject == "西河县总工会"
    assert f["25万元"].measure.startswith("配套资金") and "总工会" not in f["40万元"].measure


def test_unions_listed_as_examples_of_what_is_counted_are_not_the_subject():
    text = _article("芜湖市总工会", "芜湖市总工会召开全市工会工作会议",
                    "3月2日，芜湖市总工会召开全市工会工作会议，部署全年工作",
                    "会上，镜湖区总工会、南陵县总工会等6个单位作交流发言。")
    assert _by_text(text)["6个"].subject == "芜湖市总工会"


def test_what_the_places_just_counted_do_is_about_those_places():
    text = ("今年以来，遂宁市总工会投入资金约80万元，在全市建成“暖心驿站”64个，服务环卫工人近9万人次。"
            "全区建成“职工书屋”210个，覆盖规上企业的88%。")
    f = _by_text(text)
    assert f["近9万人次"].subject == "暖心驿站"
    assert f["88%"].subject == "职工书屋"
    # a clause with an agent of its own is not carried over
    text = "全区建成“职工书屋”210个，区总工会还培训职工5000人次。"
    assert _by_text(text)["5000人次"].subject != "职工书屋"


def test_a_change_shared_with_分别_keeps_what_changed():
    m = {f.text: f.measure for f in extract_text("县总工会常委、委员中女职工的比例分别提高到30%和35%。").figures}
    assert "女职工的比例" in m["30%"]


def test_places_in_a_list_or_unquoted_are_not_what_serves():
    text = "区总工会今年建成职工书屋18家、爱心驿站12个，服务环卫工人超过3万人次。"
    assert _by_text(text)["超过3万人次"].subject != "爱心驿站"
    text = "区总工会推出普惠服务项目120个，服务职工6万人次，组织招聘会8场。"
    subjects = {k: f.subject for k, f in _by_text(text).items()}
    assert subjects["8场"] == subjects["6万人次"] != "普惠服务项目"


def test_an_undated_review_of_a_year_speaks_of_that_year_as_去年():
    review = ("丹棱县总工会2024年筹集帮扶资金860万元\n\n"
              "本报讯 记者从丹棱县总工会获悉，2024年，县总工会累计筹集帮扶资金860万元，慰问困难职工3200人次。\n\n"
              "县总工会负责人介绍，去年全县新建职工之家46家，职工满意率达96%。")
    f = _by_text(review)
    assert f["46家"].year == 2024 and f["96%"].year == 2024
    # a lead dated within the year (2024年5月…) is this year: its 去年 is the year before
    dated = ("丹棱县总工会举办职工运动会\n\n"
             "本报讯 2024年5月10日，丹棱县总工会举办第三届职工运动会，全县职工代表参加，县总工会领导出席。\n\n"
             "据介绍，去年全县新建职工之家46家。")
    assert _by_text(dated)["46家"].year == 2023


def test_a_level_in_a_breakdown_counts_what_the_whole_counts():
    m = {f.text: f.measure for f in extract_text("全市现有职工书屋126家，其中国家级4家、省级19家。").figures}
    assert m["19家"].startswith("省级") and "职工书屋" in m["19家"]
    assert "职工书屋" in m["4家"]


def test_money_named_after_a_campaign_is_the_union_s():
    text = ("某省总工会2024年工作综述\n\n"
            "本报讯 2024年，安徽省总工会围绕中心、服务大局，各项工作取得新进展，全省工会会员达到1200万人。\n\n"
            "2024年，安徽省总工会筹集送温暖资金2.1亿元，同比增长5.2%，走访慰问职工36万人次。"
            "安徽省总工会还将安排职工疗休养名额8000个。")
    f = _by_text(text)
    assert {f[k].subject for k in ("2.1亿元", "5.2%", "36万人次", "8000个")} == {"安徽省总工会"}
    # the campaign's own money, with no union giving it in the sentence, is the campaign's
    text = "某市今年的“金秋助学”资金共发放126万元，资助困难职工子女560名。"
    assert _by_text(text)["126万元"].subject == "金秋助学"


def test_a_quoted_plan_period_keeps_the_year_open():
    text = ("遂宁市总工会2025年工作会议召开\n\n"
            "本报讯 2025年，遂宁市总工会将新建职工驿站60个，市总工会领导班子成员出席会议并讲话。\n\n"
            "“十四五”以来，全市工会累计帮扶困难职工1.6万户；“十三五”规划期间，新建职工之家820家。")
    f = _by_text(text)
    assert f["60个"].year == 2025
    assert f["1.6万户"].year is None and f["820家"].year is None


def test_examples_listed_with_等_are_no_part_of_the_measure():
    m = {f.text: f.measure for f in extract_text("本届竞赛设钳工、车工、叉车司机等8个工种。").figures}
    assert m["8个"].endswith("设工种") and "钳工" not in m["8个"]
    # the examples are the people counted: kept
    m = {f.text: f.measure for f in extract_text("走访慰问环卫工人、快递员和外卖配送员等3200人。").figures}
    assert "快递员" in m["3200人"]
    # prize ranks are no examples
    m = {f.text: f.measure for f in extract_text("其中一等奖5项、二等奖12项。").figures}
    assert "二等奖" in m["12项"]
    m = {f.text: f.measure for f in extract_text("东湖区总工会、南岭县总工会等6个单位获评先进。").figures}
    assert "东湖区" not in m["6个"]


@pytest.mark.parametrize("text", [
    "沪昆高铁G1373次列车乘务组获评工人先锋号。",
    "公交K8路车队开展安全竞赛。",
])
def test_a_letter_and_digits_are_a_code_not_a_figure(text):
    assert extract_text(text).figures == []


def test_目前_earlier_in_the_paragraph_dates_its_figures_by_the_publication_date():
    text = ("某省职工队伍发展综述\n\n来源：某某日报\n\n2023年06月12日09:30\n\n"
            "本报讯 记者从某省总工会获悉，全省职工队伍建设取得新进展，省总工会有关负责人介绍了相关情况。\n\n"
            "目前，全省共有技能人才86万人。其中高技能人才占比达31%以上。")
    f = _by_text(text)
    assert f["86万人"].year == 2023
    assert f["31%以上"].year == 2023


def test_a_running_total_counts_what_the_figure_before_counts():
    m = {f.text: f.measure for f in extract_text("今年新建职工疗休养基地12家，全省累计达到150家。").figures}
    assert "疗休养基地" in m["150家"] and "累计" in m["150家"]


def test_the_union_opening_a_measure_is_its_subject_not_its_measure():
    f = _by_text("下半年，县总工会还将投入60万元，为环卫工人购买意外保险。")
    assert not f["60万元"].measure.startswith("县总工会") and "投入" in f["60万元"].measure
    # 工会 inside what is counted stays: 基层工会组织
    m = {x.text: x.measure for x in extract_text("全县新建基层工会组织45家。").figures}
    assert "基层工会组织" in m["45家"]


def test_a_segment_opening_on_another_union_is_about_that_union():
    text = ("今年，芜湖市教育工会筹集助学资金20万元，资助困难教职工子女40名；"
            "铜陵市教育工会资助25名，发放助学金12.5万元。")
    f = _by_text(text)
    assert f["12.5万元"].subject == "铜陵市教育工会"
    assert f["20万元"].subject == "芜湖市教育工会"


def test_a_change_between_two_years_measures_both_values_alike():
    f = _by_text("全县职工人均年收入从2021年的6.2万元提高到2023年的7.4万元。")
    assert f["6.2万元"].year == 2021 and f["7.4万元"].year == 2023
    assert f["6.2万元"].measure == f["7.4万元"].measure and f["7.4万元"].measure.endswith("人均年收入")


def test_去年_beside_several_years_counts_from_the_latest_past_one():
    text = ("某集团职代会召开\n\n"
            "本报讯 近日，某集团召开职工代表大会，集团领导班子成员出席会议，职工代表审议了工作报告。\n\n"
            "集团员工人均收入从2021年的7万元提高到2023年的8万元。去年集团工会发放慰问金52万元，"
            "力争到2026年建成职工书屋30家。")
    assert _by_text(text)["52万元"].year == 2023   # written in 2024: not 2022, nor after the 2026 target


def test_percentage_points_are_not_a_count():
    assert extract_text("一线职工收入增幅高出1.5个百分点。").figures == []


def test_a_place_whose_union_the_article_names_stands_for_that_union():
    text = _article("芜湖市总工会", "芜湖市总工会推进骑手驿站建设",
                    "记者从芜湖市总工会获悉，全市已建成骑手驿站120个，镜湖区总工会、弋江区总工会介绍了做法",
                    "其中，镜湖区今年已建成“骑手之家”18个。")
    assert _by_text(text)["18个"].subject == "镜湖区总工会"


def test_a_bare_property_says_whose_it_is():
    m = {f.text: f.measure for f in extract_text("工会公众号全年推送文章1200篇，阅读量达86万人次。").figures}
    assert "推送文章" in m["86万人次"] and m["86万人次"].endswith("阅读量")  # the copula 达 dropped (figures-q5)


def test_a_quarter_heading_its_clause_tells_the_rows_of_a_table_apart():
    text = "上半年，全市参赛班组820个、职工1.1万人；下半年，参赛班组增至960个、职工1.4万人。"
    m = {f.text: f.measure for f in extract_text(text).figures}
    assert m["1.1万人"].startswith("上半年") and m["1.4万人"].startswith("下半年")
    assert "职工" in m["1.4万人"]


def test_those_listed_before_deng_received_an_honour_the_union_confers():
    # the examples name a place whose union the article names: the honour's giver, not that union
    text = _article("汇川区总工会", "汇川区职工技能比武落幕", "日前，汇川区总工会举办第三届职工技能比武",
                    "按照比武规则，各项目第一名由遵义市总工会授予遵义市五一劳动奖章，仁怀水泥厂钳工甲某、汇川区自来水公司"
                    "管道工乙某等6人获此荣誉。\n\n会上，汇川区供电所配电班等7个集体获遵义市总工会授予的遵义市工人先锋号。")
    f = _by_text(text)
    assert f["6人"].subject == "遵义市总工会" and f["7个"].subject == "遵义市总工会"
    assert f["6人"].measure == "获遵义市五一劳动奖章"        # 此荣誉: the honour the sentence named
    assert f["7个"].measure.startswith("集体获")           # not the examples before 等
    assert "甲某" not in f["6人"].measure


def test_a_union_reported_by_a_speaker_is_what_its_figures_are_about():
    text = _article("遂宁市总工会", "遂宁市园区工会服务月启动", "日前，遂宁市总工会在高新区启动职工服务月",
                    "遂宁市总工会副主席丙某介绍，高新区工会成立于2021年，目前已覆盖区内企业43家、职工6100余人。")
    f = _by_text(text)
    assert f["43家"].subject == "高新区工会"
    assert not f["43家"].measure.startswith("目前")


def test_a_measure_cut_inside_a_list_keeps_the_list_and_no_trailing_de():
    text = ("丹棱县总工会开展送温暖活动\n\n本报讯 日前，丹棱县总工会开展新春送温暖活动，走访慰问困难职工、"
            "环卫工人和一线职工家庭83户。全县9个乡镇的410名职工参加。")
    f = _by_text(text)
    assert f["83户"].measure.startswith("走访慰问")
    assert not f["9个"].measure.endswith("的")


def test_a_breakdown_opened_by_qizhong_keeps_its_programme_over_a_semicolon():
    text = ("某市总工会开展春节慰问\n\n本报讯 日前，宜宾市总工会召开会议，部署春节慰问工作，市总工会领导班子成员出席。"
            "\n\n"
            "据悉，宜宾市总工会启动劳动模范、困难职工的“冬日暖心”慰问活动，分5个组走访，其中劳动模范312人，"
            "送去慰问金64万元；困难职工508人，送去慰问金47万元。")
    f = _by_text(text)
    assert f["312人"].subject == f["508人"].subject == f["47万元"].subject
    assert "冬日暖心" in f["508人"].subject


def test_a_sentence_without_subject_is_about_the_programme_the_one_before_ran():
    text = ("某省职工端午惠工活动\n\n本报讯 日前，江西省总工会召开会议，部署端午节普惠服务，省总工会领导班子成员出席。"
            "\n\n"
            "为丰富职工节日生活，江西工会面向全省职工开展了“端午惠职工”系列活动。截至6月12日，已累计发放"
            "各类消费券8万余张，吸引40余万职工参与。")
    f = _by_text(text)
    assert "端午惠职工" in f["8万余张"].subject and "端午惠职工" in f["40余万"].subject
    assert not f["8万余张"].measure.startswith(("已", "累计"))


def test_the_programme_nearest_before_the_figure_runs_it_in_an_unpunctuated_clause():
    text = ("某区工会年度工作\n\n本报讯 日前，鼓楼区总工会召开全委会，总结全年工作，区总工会领导班子成员出席。\n\n"
            "2023年区总工会开展“职工心向党”主题活动深入企业开展“暖心进车间”活动走访慰问一线职工860人。"
            "围绕技能提升组织开展职工读书活动受益职工3000余人。")
    f = _by_text(text)
    assert "暖心进车间" in f["860人"].subject
    assert "暖心进车间" not in (f["3000余人"].subject or "")   # its sentence runs an activity of its own


def test_a_sentence_that_runs_its_own_activity_is_not_about_the_programme_before():
    text = ("某区工会年度工作\n\n本报讯 日前，鼓楼区总工会召开全委会，总结全年工作，区总工会领导班子成员出席。\n\n"
            "为丰富职工生活，区总工会深入企业开展“暖心进车间”活动。围绕助力乡村振兴组织开展结对帮扶，帮扶农户3000余户。")
    assert "暖心进车间" not in (_by_text(text)["3000余户"].subject or "")


def test_a_union_opening_the_measure_with_its_verb_and_one_example_leaves_it():
    text = "【概况】江西省总工会设宣传部等9个部门，另有驻会产业工会4个。"
    m = {f.text: f.measure for f in extract_text(text).figures}
    assert m["9个"] == "设部门"                       # not 江西省总工会设宣传部等部门


def test_a_sentence_opening_on_a_quarter_keeps_the_topic_of_the_sentence_before():
    text = ("襄阳市交通行业工会通报技能竞赛情况\n\n本报讯 襄阳市交通行业工会日前通报上半年“金扳手”竞赛情况。"
            "一季度，全行业参赛车间64个、职工5300人；二季度，参赛车间增至71个。")
    f = _by_text(text)
    assert all("金扳手" in (f[k].subject or "") for k in ("64个", "5300人", "71个"))


def test_ge_and_the_end_of_a_programme_named_before_point_back_at_it():
    text = ("某集团工会创新工作\n\n本报讯 日前，烟台港集团工会召开创新工作推进会，集团工会领导班子成员出席。"
            "\n\n"
            "据介绍，集团现有职工创新工作室18个。2024年，各工作室完成攻关项目96项，创造经济效益6200万元。")
    f = _by_text(text)
    assert "职工创新工作室" in (f["96项"].subject or "") and "职工创新工作室" in (f["6200万元"].subject or "")
