"""Figures, fifth round: years of months without a year, comparisons written 高于去年, subjects and
measures (invented sentences; patterns of tests/data/heldout-q4-links and heldout-q5-figures, never
their words)."""
# the helpers of the third round: figures by their text, and ukg:year as the build writes it
from test_figures_q3 import _by_text, _graph_years


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


def test_a_change_clause_before_a_taker_verb_is_no_activity_of_the_measure():
    text = ("鹤岗市户外劳动者服务站点\n\n"
            "2024年,鹤岗市总工会新建户外劳动者服务站点26个,全市站点总数达到126个,较上年增长12.5%,"
            "累计服务快递员等户外劳动者8.3万人次。")
    m = _by_text(text)["8.3万人次"].measure
    assert "增长" not in m and "12.5" not in m and "户外劳动者" in m


def test_services_counted_by_a_measure_word_are_a_noun_not_a_taker_verb():
    text = ("保山市金融工会普惠服务\n\n"
            "2025年,保山市金融工会联合辖区内15家银行、保险机构推出消费优惠、低息贷款等9项服务,惠及会员1.1万人次。")
    m = _by_text(text)["9项"].measure
    assert "服务" in m and "辖区内 " not in m and not m.startswith("联合辖区内")


def test_a_list_of_prizes_in_its_own_clause_does_not_take_the_words_opening_the_sentence():
    text = ("定西市职工技能大赛\n\n"
            "2025年,来自电工、焊工等8个工种的206名选手同台竞技,最终决出一等奖8名、二等奖16名、三等奖24名。")
    f = _by_text(text)
    assert f["16名"].measure.endswith("二等奖") and "电工" not in f["16名"].measure
    assert "电工" not in f["24名"].measure


def test_city_and_county_unions_written_with_a_bracketed_twin_level_are_the_articles_union():
    text = ("昌都市总工会“两节”送温暖\n\n"
            "本报讯 元旦春节期间,西藏自治区昌都市总工会开展2025年“两节”送温暖活动,市、县(区)两级工会共筹集"
            "资金和物资折合420万元,走访慰问困难职工1860人。")
    f = _by_text(text)
    assert "昌都市总工会" in f["420万元"].subject
    assert "昌都市总工会" in f["1860人"].subject


def test_the_unions_of_a_place_find_the_named_union_written_with_its_province():
    text = ("山南市总工会送温暖\n\n"
            "本报讯 元旦春节期间,西藏自治区山南市总工会开展“两节”送温暖活动,走访慰问困难职工家庭1200户。\n\n"
            "据了解,2024年山南市各级工会共投入送温暖资金380万元,慰问职工2100人。")
    f = _by_text(text)
    assert "山南市总工会" in f["380万元"].subject and f["380万元"].subject_kind == "union"
    assert "山南市总工会" in f["2100人"].subject


def test_a_clause_opening_on_the_whole_prefecture_is_the_prefectures_not_the_campaign_before():
    text = ("海西州新就业形态劳动者入会\n\n"
            "今年4月以来,青海省海西蒙古族藏族自治州总工会开展“会聚新业态”入会集中行动,走进快递网点和外卖站点"
            "宣传动员。截至6月底,全州新发展新就业形态劳动者会员8600人,完成年度目标的108%。")
    f = _by_text(text)
    assert "海西蒙古族藏族自治州总工会" in f["8600人"].subject
    assert "海西蒙古族藏族自治州总工会" in f["108%"].subject


def test_a_programme_in_the_clause_before_is_an_object_when_the_sentence_opens_on_the_whole_places_unions():
    text = ("果洛州工会代表大会\n\n"
            "本报讯 9月10日,青海省果洛藏族自治州总工会第五次代表大会召开。大会提出,今后五年全州工会将力争新建"
            "户外劳动者服务站点30个以上,提升职工之家服务水平,每年帮扶困难职工不少于1500人次。")
    assert "果洛藏族自治州总工会" in _by_text(text)["不少于1500人次"].subject


def test_what_a_place_a_union_set_up_does_is_the_places():
    text = ("东宁市总工会关爱货车司机\n\n"
            "本报讯 东宁市总工会在口岸物流园设立的“司机之家”,1至9月服务跨境货车司机5200多人次,比上年同期多出"
            "900人次。")
    f = _by_text(text)
    assert f["5200多人次"].subject == "司机之家"
    assert f["900人次"].subject == "司机之家"
    rebuilt = ("穆棱市邮政工会建驿站\n\n"
               "本报讯 穆棱市总工会把8个邮政网点改建为“邮路驿站”,接待投递员、快递员6000人次。")
    f = _by_text(rebuilt)
    assert f["6000人次"].subject == "邮路驿站"
    assert f["8个"].subject == "穆棱市总工会"


def test_places_counted_then_serving_for_whom_is_a_service_of_those_places():
    text = ("勐海县总工会普惠服务\n\n"
            "本报讯 勐海县总工会联合县金融工会在边境口岸开设“暖心驿站”4个,为跨境物流职工提供免费体检等服务"
            "900余人次。")
    assert _by_text(text)["900余人次"].subject == "暖心驿站"


def test_places_counted_then_serving_after_a_time_phrase_are_still_what_serves():
    text = ("某物流公司工会关爱货车司机\n\n"
            "本报讯 公司工会主席介绍,目前公司已在各分拨中心建成“司机驿站”24个,今年前三个月累计服务货车司机"
            "9000余人次。")
    assert _by_text(text)["9000余人次"].subject == "司机驿站"


def test_a_measure_does_not_end_on_the_copula_that_links_it_to_the_figure():
    text = ("阿勒泰地区工会法律援助\n\n"
            "2025年,阿勒泰地区总工会办理法律援助案件206件,帮助职工追回欠薪836万元,结案率达到96.1%;"
            "获得赔偿的职工有518人。")
    f = _by_text(text)
    assert f["96.1%"].measure.endswith("结案率")
    assert not f["518人"].measure.endswith("有")


def test_a_month_later_than_the_datelines_is_of_the_year_before():
    text = ("遵义市总工会召开全委会\n\n"
            "来源:遵义市总工会  2026-01-06\n\n"
            "本报讯 1月5日,遵义市总工会召开全委会,回顾全市工会一年来的工作,部署新一年的重点任务。\n\n"
            "截至12月底,全市在档困难职工家庭1260户,较上年减少11.2%。")
    years = _graph_years(text)
    assert years["1260户"] == 2025 and years["11.2%"] == 2025
    early = text.replace("截至12月底", "截至1月5日")
    assert _graph_years(early)["1260户"] == 2026


def test_a_running_total_says_what_it_totals_and_a_cut_year_leaves_no_stray_character():
    text = ("六盘水市创新工作室\n\n"
            "2025年,六盘水市总工会新增市级劳模和工匠人才创新工作室18个,累计达到142个。"
            "下一步,市总工会将力争2026年新建户外劳动者服务站点40个以上。")
    f = _by_text(text)
    assert "创新工作室" in f["142个"].measure
    assert not f["40个以上"].measure.startswith("年")


def test_quarters_written_with_arabic_digits_are_parts_of_a_year():
    dated = "海北州总工会工作动态\n\n2025-12-01 来源:海北州总工会\n\n"
    assert _graph_years(dated + "第1季度,全州新建基层工会42家。")["42家"] == 2025
    years = _graph_years(dated + "2024年第1季度,全州新建基层工会42家。前3季度,全州新发展会员1.2万人。")
    assert years["42家"] == 2024 and years["1.2万人"] == 2024


def test_a_number_bounded_from_above_or_rounded_by_shang_xia_is_approximate():
    f = _by_text("2025年,鸡西市总工会投入帮扶资金不足50万元,资助困难职工子女200人上下,"
                 "慰问环卫工人不到800人。")
    assert f["不足50万元"].approx and f["不足50万元"].value == 500000
    assert f["200人上下"].approx and f["不到800人"].approx


def test_a_programme_opening_the_clause_as_its_subject_is_no_part_of_the_measure():
    text = ("绥化市职工技能竞赛总结\n\n"
            "2025年,由市总工会举办的2025年度全市职工职业技能竞赛共吸引3.2万名职工参赛。")
    f = _by_text(text)
    assert "竞赛" in f["3.2万名"].subject and not f["3.2万名"].measure.startswith("全市职工")
    assert "参赛" in f["3.2万名"].measure
    rate = "2025年,全州职工之家覆盖率达到90%。"  # a programme inside what is measured stays in it
    assert "职工之家" in _by_text("某州工会\n\n" + rate)["90%"].measure
