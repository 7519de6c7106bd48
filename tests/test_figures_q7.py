"""Figures, seventh round: the year of a lead opening on a timeless line, of a bare quarter after a year
opening a sentence, of a figure before a later clause's 今年; subjects of a programme's figures in a sentence
whose only union is the reporter's source, of a paragraph opening on 其中, of a contest's takers counted in the
clause before, of a sentence opening on 当天, and of a 全州工会系统 in an item most about a city's union
(invented sentences; patterns of tests/data/heldout-q7-figures, never its words)."""
from test_figures_q3 import _by_text, _graph_years


def test_a_lead_opening_on_a_timeless_line_is_dated_by_its_next_sentence():
    text = ("某市总工会:1.1万名船员加入工会\n\n"
            "来源:某报  2025-01-09\n\n"
            "本报舟山1月8日讯(记者 韦春燕)舟山是全国重要的渔港城市。2024年,舟山市总工会开展渔船船员"
            "“海上入会”行动,全年吸纳船员入会1.1万名。\n\n"
            "市总工会在渔港码头建成船员服务站16个,全年服务船员4.3万人次。")
    f = _by_text(text)
    assert f["16个"].year == 2024 and f["4.3万人次"].year == 2024
    years = _graph_years(text)
    assert years["16个"] == 2024 and years["4.3万人次"] == 2024
    # a lead that dates its event by 近日 is about the present: its 现有 stays open in an undated item
    undated = ("某省卫生工会为基层医务人员办实事\n\n"
               "本报西宁3月2日电(记者 韦春燕)近日,某省卫生工会召开全委会议。会议通报,2024年,全省卫生系统"
               "建成职工之家312个。\n\n"
               "省卫生工会主席表示,全省现有医务职工9.6万人。")
    assert _by_text(undated)["9.6万人"].year is None


def test_a_bare_quarter_takes_the_year_opening_a_sentence_of_the_lead():
    text = ("某市总工会货车司机服务\n\n"
            "来源:某报  2025-01-12\n\n"
            "本报讯 某市地处交通要道。2024年,泉州市总工会建成司机之家22个,全年服务货车司机5.2万人次。\n\n"
            "司机之家配备休息室和淋浴间,其中四季度服务1.6万人次,环比增长18.5%。")
    f = _by_text(text)
    assert f["1.6万人次"].year == 2024 and f["18.5%"].year == 2024
    years = _graph_years(text)
    assert years["1.6万人次"] == 2024 and years["18.5%"] == 2024


def test_a_later_clauses_jinnian_does_not_date_the_figure_before_it_in_the_graph():
    text = ("某县总工会书屋建设\n\n"
            "来源:某县总工会  2025-02-06\n\n"
            "2024年,某县总工会推进职工书屋建设,全县职工书屋达到73家。\n\n"
            "县总工会还在全县建成职工驿站41个,其中今年新建9个。")
    years = _graph_years(text)
    assert years["41个"] == 2024          # the paragraph's year, as resolve gives it
    assert years["9个"] == 2025           # its own 今年: the year the item is dated
    assert _by_text(text)["41个"].year == 2024


def test_a_programmes_figures_go_on_past_the_source_union_and_a_semicolon_opening_on_quannian():
    text = ("某市职工互助保障参保人数再创新高\n\n"
            "本报讯(记者 韦春燕)3月4日,记者从丽水市总工会获悉,2024年全市职工互助保障活动共有18.4万名职工参保,"
            "收缴互助金2270万元;全年理赔8600人次,理赔金额1530万元。\n\n"
            "其中,住院理赔6100人次,金额1120万元。")
    f = _by_text(text)
    for key in ("18.4万名", "2270万元", "8600人次", "1530万元", "6100人次", "1120万元"):
        assert f[key].subject_kind == "programme", (key, f[key].subject)
        assert "互助保障" in f[key].subject
    # a ；-segment opening on a new action is the sentence's subject's, not the programme's
    new_action = text.replace("全年理赔8600人次", "举办健康讲座86场")
    assert _by_text(new_action)["86场"].subject_kind != "programme"


def test_those_counted_taking_part_in_a_contest_make_it_the_topic_of_the_clauses_after():
    text = ("某集团工会安全竞赛总结\n\n"
            "2024年,某矿业集团有限公司工会召开“安康杯”竞赛总结会。全集团共有27家单位、6300余名职工参加"
            "“安康杯”竞赛,排查整改安全隐患1870项,整改率99.2%。\n\n"
            "集团工会主席表示,2025年新招录的职工都要参加“安康杯”竞赛,参赛班组力争达到800个。")
    f = _by_text(text)
    assert f["1870项"].subject_kind == "programme" and "安康杯" in f["1870项"].subject
    assert f["99.2%"].subject_kind == "programme"
    assert f["800个"].subject_kind == "programme" and "安康杯" in f["800个"].subject


def test_a_sentence_opening_on_dangtian_goes_on_with_the_programme_of_the_sentence_before():
    text = ("某州“春风行动”招聘会举行\n\n"
            "本报讯 2月26日,某州总工会主办的“春风行动”专场招聘会在州府举行。招聘会吸引企业118家参会,"
            "提供就业岗位4200余个。当天前来应聘的求职者约3100人次,有860人与企业初步达成意向。")
    f = _by_text(text)
    assert f["约3100人次"].subject_kind == "programme" and "春风行动" in f["约3100人次"].subject
    assert f["860人"].subject_kind == "programme"


def test_quanzhou_unions_in_an_item_most_about_a_city_union_are_the_prefectures_union():
    text = ("某市总工会就业服务\n\n"
            "本报讯 2025年,黔南布依族苗族自治州总工会联合都匀市总工会举办招聘会。都匀市总工会在工会驿站设立"
            "求职服务点,提供岗位260个;都匀市总工会还为骑手开展技能培训。\n\n"
            "据介绍,2024年全州工会系统共举办各类招聘会38场,提供岗位2.6万个。")
    f = _by_text(text)
    assert f["38场"].subject == "黔南布依族苗族自治州总工会"
    assert f["2.6万个"].subject == "黔南布依族苗族自治州总工会"


def test_a_union_naming_a_post_or_owning_the_programme_after_it_does_not_stop_the_programmes_figures():
    text = ("某县总工会法律援助\n\n"
            "2024年,某县总工会职工法律援助工作站共接待职工咨询960人次,办理法律援助案件132件,为职工挽回损失"
            "418万元。\n\n"
            "市总工会主席介绍,市机械工会主席葛秋云牵头的“葛秋云劳模创新工作室”今年完成攻关项目7项,节约成本"
            "约260万元。")
    f = _by_text(text)
    assert f["132件"].subject_kind == "programme" and f["418万元"].subject_kind == "programme"
    assert f["约260万元"].subject_kind == "programme" and "工作室" in f["约260万元"].subject


def test_a_union_owning_the_quoted_programme_after_it_leaves_the_clauses_after_to_the_programme():
    text = ("某市总工会助学金发放\n\n"
            "本报讯 8月20日,遵义市总工会“金秋助学”金发放仪式举行,为今年考入大学的96名困难职工子女每人发放"
            "助学金4000元,共计38.4万元。")
    f = _by_text(text)
    for key in ("96名", "4000元", "38.4万元"):
        assert f[key].subject_kind == "programme" and "金秋助学" in f[key].subject, (key, f[key].subject)
    # the union as the subject of its own action keeps the figures
    acting = text.replace("遵义市总工会“金秋助学”金发放仪式举行", "遵义市总工会举行“金秋助学”金发放仪式")
    assert _by_text(acting)["96名"].subject == "遵义市总工会"


def test_a_sentence_opening_on_the_head_noun_of_a_programme_named_before_is_about_that_programme():
    text = ("某州职工法律援助\n\n"
            "2024年,某州总工会在州府建成职工法律援助工作站。\n\n"
            "州总工会法律工作部部长介绍,工作站聘请了9名执业律师轮流坐班,全年线上咨询量达到6400人次。")
    f = _by_text(text)
    assert f["9名"].subject_kind == "programme" and f["9名"].subject.endswith("工作站")
    assert f["6400人次"].subject_kind == "programme"
    # the head noun counted (工作站31个) is what is counted, not what acts
    counted = text.replace("工作站聘请了9名执业律师轮流坐班", "全州工作站31个,聘请律师9名")
    assert _by_text(counted)["31个"].subject_kind != "programme"


def test_a_union_in_a_modifier_of_the_programme_is_no_agent_of_its_figures():
    text = ("三明市总工会热线服务\n\n"
            "本报讯 三明市总工会持续做好职工维权服务。\n\n"
            "2024年,市总工会开通的12351职工服务热线共受理职工来电5230件,办结率98.6%;与政务热线联动转办212件。")
    f = _by_text(text)
    assert f["5230件"].subject_kind == "programme" and f["98.6%"].subject_kind == "programme"


def test_a_span_of_years_closing_the_sentence_leaves_the_figure_before_it_open():
    text = ("某省工会服务新就业形态劳动者\n\n"
            "2024年,某省总工会推进新就业形态劳动者入会,全年新发展外卖骑手、快递员和网约车司机会员2.1万名。\n\n"
            "省总工会对首批建会的8家快递企业,连续两年减半收取工会经费,并为其驿站配备冷柜。")
    f = _by_text(text)
    assert f["8家"].year is None
    assert _graph_years(text)["8家"] is None
    dated = text.replace(",连续两年减半收取工会经费", ",减半收取工会经费")
    assert _by_text(dated)["8家"].year == 2024  # without the span, the paragraph's year


def test_the_groups_a_visit_splits_into_are_a_count_and_a_bus_line_is_not():
    f = _by_text("某区总工会春节慰问\n\n1月20日,区总工会班子成员兵分4路,走访慰问困难职工家庭120户。")
    assert f["4路"].value == 4 and f["4路"].unit == "count" and not f["4路"].approx
    assert "16路" not in _by_text("某区总工会春节慰问\n\n慰问组乘坐16路公交车来到社区,慰问困难职工120户。")


def test_the_unions_of_a_city_named_only_as_a_place_are_that_citys_union():
    text = ("某省推进新就业形态劳动者建会\n\n"
            "2024年,吉林省总工会推动平台企业建会入会,全省新发展会员3.6万名。\n\n"
            "长春市工会组织在全市9个物流园区推动企业同步建会,园区内企业建会率达到93%。")
    f = _by_text(text)
    assert f["9个"].subject == "长春市总工会" and f["93%"].subject == "长春市总工会"
    assert f["3.6万名"].subject == "吉林省总工会"


def test_each_item_of_a_list_closed_by_taking_part_is_measured_by_that_verb():
    text = ("某局工会技能比武\n\n"
            "2024年,某市交通运输局工会举办技能比武,全系统19家单位、74个班组、860名职工参与了“匠心杯”技能比武。")
    f = _by_text(text)
    assert "参与" in f["19家"].measure and "单位" in f["19家"].measure
    assert "参与" in f["74个"].measure and "班组" in f["74个"].measure
    # a list closed otherwise keeps each item's own noun only
    plain = _by_text(text.replace("参与了“匠心杯”技能比武", "完成了年度培训"))
    assert "参与" not in plain["74个"].measure and "班组" in plain["74个"].measure


def test_a_person_reporting_for_a_union_is_no_private_story_and_a_head_noun_may_follow_a_period():
    text = ("某公司工会女职工工作\n\n"
            "2024年,某电力安装有限公司工会召开女职工工作会,公司工会女职工委员会主任韦丽娜作报告。\n\n"
            "韦丽娜介绍,公司工会今年新建母婴室2个,为女职工开展健康体检320人次。")
    f = _by_text(text)
    assert f["2个"].subject_kind == "union" and f["320人次"].subject_kind == "union"
    dispute = ("某区劳动争议调解\n\n"
               "2024年,某区总工会与区人民法院联合建立劳动争议多元化解机制,在区仲裁院设立工会劳动争议调解工作室。"
               "1至6月,调解工作室共受理劳动争议案件95件,调解成功71件。")
    g = _by_text(dispute)
    assert g["95件"].subject_kind == "programme" and g["95件"].subject.endswith("调解工作室")
    assert g["71件"].subject_kind == "programme"


def test_a_county_opening_a_clause_of_a_breakdown_stands_for_its_union():
    text = ("某市工会会员发展\n\n"
            "2024年,温州市总工会全年新发展会员5.6万人。从各县区看,平阳县新发展会员2300人,苍南县新发展会员"
            "1800人;其中泰顺县建成驿站12个。\n\n"
            "温州市总工会还在平阳县人民医院设立母婴室3个。")
    f = _by_text(text)
    assert f["2300人"].subject == "平阳县总工会" and f["1800人"].subject == "苍南县总工会"
    assert f["12个"].subject == "泰顺县总工会"
    assert f["3个"].subject == "温州市总工会"  # a county naming a body is no agent


def test_a_sentence_opening_on_this_batch_of_an_activity_is_about_that_activity():
    text = ("某州职工疗休养\n\n"
            "本报讯 7月6日,恩施土家族苗族自治州总工会2024年第二批职工疗休养团一行38人抵达利川市。"
            "本批疗休养人员中,一线职工26人、技术骨干9人。")
    f = _by_text(text)
    assert f["26人"].subject_kind == "programme" and f["26人"].subject.endswith("疗休养")
    assert f["9人"].subject_kind == "programme"
