"""Figures, sixth round: spans opened by 自…以来, 现有 in the graph's year, quarters of a reviewed year,
约为, size thresholds and subjects (invented sentences; patterns of tests/data/heldout-q6-figures and
heldout-q5-links, never their words)."""
from test_figures_q3 import _by_text, _graph_years


def test_a_year_and_its_yilai_parted_by_what_began_then_leave_the_total_open():
    text = ("某州总工会职工互助\n\n"
            "2024-06-20  来源:某州总工会\n\n"
            "本报讯 6月18日,湘西州总工会召开职工互助保障工作会。自2015年推行职工互助保障以来,全州工会累计"
            "为患病职工赔付互助金约3200万元,受益职工逾2.4万人次。今年参保职工1.6万人。")
    years = _graph_years(text)
    assert years["约3200万元"] is None and years["逾2.4万人次"] is None
    assert years["1.6万人"] == 2024
    plain = text.replace("自2015年推行职工互助保障以来", "2015年")
    assert _graph_years(plain)["约3200万元"] == 2015  # a year alone still dates the sentence


def test_xianyou_dates_its_figures_by_the_dateline_even_under_a_span_opening_the_paragraph_above():
    text = ("某厂工会创新工作室\n\n"
            "来源:某市总工会  2024-09-02\n\n"
            "8月30日,某市总工会在蓝星机械厂召开创新工作室交流会。\n\n"
            "五年来,该厂创新工作室累计完成技术革新项目268项。\n\n"
            "以技术能手命名的“焊花创新工作室”现有成员18人,其中技师7人。")
    years = _graph_years(text)
    assert years["268项"] is None     # the span opening its own paragraph keeps it open
    assert years["18人"] == 2024 and years["7人"] == 2024


def test_a_bare_quarter_is_of_the_year_that_opens_the_review_not_of_the_year_it_was_published():
    text = ("某市总工会2024年帮扶工作综述\n\n"
            "来源:某市总工会  2025-01-10\n\n"
            "2024年,铜陵市总工会全年投入帮扶资金860万元,帮扶困难职工5200人次。\n\n"
            "分季度看,一季度慰问困难职工1800人次;三季度资助困难职工子女210名。")
    years = _graph_years(text)
    assert years["1800人次"] == 2024 and years["210名"] == 2024
    assert _by_text(text)["1800人次"].year == 2024
    # a part written with its year still wins (2025年一季度 … ¶ 三季度 …)
    later = text.replace("分季度看,一季度", "2025年一季度")
    assert _graph_years(later)["210名"] == 2025


def test_yue_wei_rounds_the_number_after_it():
    f = _by_text("某市总工会经审会\n\n2024年,某市总工会经审会对基层工会开展抽审,抽审比例约为30%,"
                 "问题金额约有12万元。")
    assert f["约为30%"].approx and f["约为30%"].value == 30
    assert f["约有12万元"].approx


def test_a_size_threshold_of_the_units_meant_is_no_figure():
    f = _by_text("某县总工会集体协商\n\n县总工会对县内50人以上非公企业开展集体协商指导,推动职工人数"
                 "300人以上的企业全部建会,全年慰问职工800人以上。")
    assert "50人以上" not in f and "300人以上" not in f
    assert f["800人以上"].approx  # a bound count of people stays a figure


def test_a_place_listed_or_naming_a_body_is_no_agent_of_the_figures():
    text = ("某市总工会经审会通报审计情况\n\n"
            "2024年,鹰潭市总工会经审会审计基层工会经费单位88个。其中,对月湖区、余江区的区级工会开展全面审计,"
            "审计金额2100万元。\n\n"
            "余江区总工会副主席介绍,该区今年新建职工书屋12家。")
    f = _by_text(text)
    assert "余江区" not in f["2100万元"].subject
    hospital = ("怒江州人民医院召开职代会\n\n"
                "3月2日,怒江傈僳族自治州人民医院第三届职工代表大会第二次会议召开,96名职工代表参加会议。"
                "怒江傈僳族自治州总工会副主席出席会议。\n\n医院工会主席作工会工作报告:去年医院工会开展活动30场。")
    assert _by_text(hospital)["96名"].subject != "怒江傈僳族自治州总工会"


def test_a_clause_opening_a_new_action_after_a_counted_one_is_no_figure_of_the_programme_before():
    text = ("某区总工会服务职工\n\n"
            "本报讯 今年以来,某某高新区总工会持续开展职工服务。\n\n"
            "一季度“春风送岗”招聘会提供岗位920个,二季度开展技能比武11场,三季度新建职工驿站4个。")
    f = _by_text(text)
    assert f["920个"].subject_kind == "programme"
    assert f["11场"].subject_kind == "union" and f["4个"].subject_kind == "union"
    # a clause that goes on about the programme's takers keeps it (…招聘会提供岗位920个,吸引求职者3000人次)
    goes_on = text.replace("二季度开展技能比武11场,三季度新建职工驿站4个", "吸引求职者3000人次")
    assert _by_text(goes_on)["3000人次"].subject_kind == "programme"


def test_the_places_a_contest_gives_are_the_contests():
    text = ("某省林业系统职工技能大赛闭幕\n\n"
            "本报讯 10月9日,由某省林业工会主办的第三届林业系统职工职业技能大赛闭幕,132名选手参赛。\n\n"
            "经过两天比拼,大赛共决出一等奖5名、二等奖10名、三等奖15名,获奖比例约22.7%。")
    f = _by_text(text)
    for k in ("5名", "10名", "15名", "约22.7%"):
        assert f[k].subject_kind == "programme" and "技能大赛" in f[k].subject, k


def test_each_union_opening_a_part_of_a_breakdown_after_a_counted_part_has_its_own_figure():
    text = ("某市总工会建设服务站点\n\n"
            "2024年,全市建成职工服务站点52个,其中钟山区总工会建成30个、盘县总工会建成22个。")
    f = _by_text(text)
    assert f["30个"].subject == "钟山区总工会" and f["22个"].subject == "盘县总工会"
    # a union listed after 、 with nothing counted before it is not split off (A工会、B工会共建成…)
    joint = _by_text("某市总工会建设服务站点\n\n2024年,钟山区总工会、盘县总工会共建成职工服务站点52个。")
    assert joint["52个"].subject == "钟山区总工会"


def test_yixian_after_he_is_a_word_not_another_counted_thing():
    f = _by_text("某市总工会女职工关爱\n\n2024年,市总工会为全市8600名困难和一线女职工免费开展健康体检。")
    assert "一线女职工" in f["8600名"].measure


def test_a_headlines_qunian_is_the_year_the_lead_reviews_and_a_planned_year_is_no_past_year():
    text = ("鹤壁市总工会去年为农民工追回欠薪920万元\n\n"
            "本报讯 1月6日,记者从鹤壁市总工会获悉,2024年,市总工会法律援助中心为农民工追回欠薪920万元。\n\n"
            "市总工会主席说,2025年市总工会将扩大法律援助覆盖面。中心今年还将开展普法活动40场。"
            "淇县总工会去年调解劳动纠纷58起。")
    years = _graph_years(text)
    assert years["40场"] == 2025 and years["58起"] == 2024
    assert _by_text(text)["920万元"].year == 2024
    # no headline 去年: the year a plan is written for, beside a 去年, is the year the article was written in
    plain = text.replace("鹤壁市总工会去年为农民工追回欠薪920万元", "鹤壁市总工会法律援助工作综述")
    years = _graph_years(plain)
    assert years["40场"] == 2025 and years["58起"] == 2024


def test_a_clause_opening_on_an_enterprise_is_about_it_and_its_qizhong_part_too():
    text = ("省总工会慰问团走进企业\n\n"
            "本报讯 1月20日,慰问团在安徽省、芜湖市总工会负责人陪同下来到芜湖江城重工集团,了解到江城重工集团"
            "目前有88名困难职工,其中包括12名特困职工。慰问团向江城重工集团的职工捐赠慰问金3万元。")
    f = _by_text(text)
    assert f["88名"].subject == "芜湖江城重工集团"
    assert f["12名"].subject == "芜湖江城重工集团"
    assert f["3万元"].subject != "芜湖江城重工集团"  # 向…集团: the enterprise is who receives, not who gives


def test_a_rank_written_qian_n_ming_is_no_count():
    f = _by_text("某市职工技能大赛\n\n2024年,大赛各项目前3名选手由市总工会授予奖章,获得前10名的选手晋升技能等级。"
                 "目前5名选手已完成申报。")
    assert "3名" not in f and "10名" not in f
    assert f["5名"].value == 5  # 目前 closes its own word: a count


def test_a_bound_written_before_the_base_of_a_share_makes_the_share_approximate():
    f = _by_text("某市工资集体协商\n\n"
                 "2024年,行业最低工资标准不低于当地最低工资标准的115%,一线职工工资增长的企业占比82%。")
    assert f["115%"].approx and not f["82%"].approx
