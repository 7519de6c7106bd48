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


# ---------------------------------------------------------------- years (resolve._year_for)
def _years(text):
    return {f.text: f.year for f in extract_text(text).figures}


def test_year_from_the_sentence_and_its_paragraph():
    text = ("某县总工会召开全委会\n\n"
            "3月2日,某县总工会召开第八届委员会第三次全体会议,会议回顾总结了工会各项工作,部署了新任务。\n\n"
            "2022年,全县新建职工书屋12个。同时,慰问困难职工300人。\n\n"
            "会上还表彰了一批先进集体,共有15个单位受到表彰。")
    years = _years(text)
    assert years["12个"] == 2022
    assert years["300人"] == 2022          # the paragraph's year
    assert years["15个"] is None           # another paragraph, no year of its own: open


def test_a_review_of_several_years_keeps_the_year_open():
    text = ("某市总工会第五次代表大会开幕\n\n"
            "2023年5月10日,某市总工会第五次代表大会开幕,大会听取并审议了上一届委员会的工作报告。\n\n"
            "过去五年,全市工会累计投入帮扶资金800万元。5年来新建职工之家64个。"
            "十三五期间,全市共培养技能人才1.2万名。2019年至2023年,共开展劳动竞赛90场。")
    years = _years(text)
    assert years["800万元"] is None
    assert years["64个"] is None
    assert years["1.2万名"] is None
    assert years["90场"] is None


def test_a_review_opening_the_article_opens_every_undated_figure():
    text = ("过去的5年,在市委的领导下,某区总工会团结带领全区职工砥砺奋进,各项工作取得了新的成效和新的进展。\n\n"
            "凝心聚力 奋楫笃行\n\n全区工会共建成职工之家36家,慰问职工1.5万人次。\n\n"
            "2021年,区总工会开展职工技能大赛12场。")
    years = _years(text)
    assert years["36家"] is None and years["1.5万人次"] is None
    assert years["12场"] == 2021


def test_the_lead_or_title_year_scopes_the_article():
    text = ("2023年某市总工会金秋助学活动启动\n\n"
            "9月1日,某市总工会在市职工服务中心举行金秋助学活动启动仪式,来自各区县的职工代表参加了启动仪式。\n\n"
            "活动共资助困难职工子女260名,发放助学金78万元。")
    years = _years(text)
    assert years["260名"] == 2023 and years["78万元"] == 2023


def test_a_year_in_the_middle_of_a_story_does_not_date_the_article():
    text = ("某市总工会走访慰问困难职工\n\n"
            "本报讯 日前,某市总工会领导班子成员分成4个小组,走访慰问了全市各区县的困难职工和劳动模范。\n\n"
            "老李1998年进厂,2005年因病致困,工会向他送去慰问金2000元。\n\n"
            "此次活动共慰问困难职工860人。")
    years = _years(text)
    assert years["2000元"] == 2005         # its own sentence's year
    assert years["860人"] is None          # undated: not the story's year, nor the most frequent year


def test_relative_years_count_from_the_publication_date():
    text = ("某省总工会召开全委会\n\n来源:某某日报 2024-01-15 10:20\n\n"
            "1月14日,某省总工会召开全委会议,总结去年工作,部署今年任务,省总工会领导班子成员出席。\n\n"
            "去年,全省新建基层工会1500家,会员人数比去年增长12%。今年,全省将新建职工驿站200个。\n\n"
            "目前,全省工会会员已达860万人。")
    years = _years(text)
    assert years["1500家"] == 2023
    assert years["12%"] == 2023            # 比去年 is a comparison, not the figure's year
    assert years["200个"] == 2024
    assert years["860万人"] == 2024        # 目前: the year the article was written


def test_relative_years_without_a_date_stay_open_or_are_inferred():
    undated = ("某市总工会慰问一线职工\n\n"
               "本报讯 日前,某市总工会来到建筑工地,看望慰问坚守岗位的一线职工,为他们送去防暑降温用品。\n\n"
               "目前,全市已建成户外劳动者服务站210个。工人王某去年受伤,工会为他申请救助金5000元。")
    years = _years(undated)
    assert years["210个"] is None          # 目前 with no date of writing
    assert years["5000元"] is None         # 去年 of an undated article
    inferred = ("某市总工会召开全委会\n\n"
                "本报讯 近日,某市总工会召开全委(扩大)会议,记者从会上获悉了全市工会工作的最新进展情况。\n\n"
                "去年,全市新增会员4万人,兑现2023年为职工办实事承诺。今年,全市将新建职工驿站30个。")
    years = _years(inferred)
    assert years["4万人"] == 2023          # 去年 written beside 2023: the article was written in 2024
    assert years["30个"] == 2024


def test_a_year_after_a_verb_is_a_year_not_a_span():
    # 开展2024年“…”活动 names the year; 开展了18年 is a span
    text = ("某省总工会部署开展2024年“职工互助保障”活动,省总工会将为此安排专项资金1.5亿元。"
            "该活动已经开展了18年,累计受益职工120万人次。")
    years = _years(text)
    assert years["1.5亿元"] == 2024
    assert years["120万人次"] is None


# ---------------------------------------------------------------- measures (resolve._measure)
def _measures(text):
    return {f.text: f.measure for f in extract_text(text).figures}


def test_measure_is_the_counted_noun_not_the_rest_of_the_clause():
    m = _measures("工会主席当即拿出1000元的慰问金塞进老人手中。")
    assert m["1000元"].endswith("慰问金") and "手中" not in m["1000元"]
    m = _measures("慰问团把200件棉衣和一台电视机送到建筑工地。")
    assert "棉衣" in m["200件"] and "电视" not in m["200件"]
    m = _measures("区总工会拿出3万元用于金秋助学。")
    assert "用于金秋助学" in m["3万元"]       # a verb after the figure says what the money is for


def test_a_list_item_keeps_whose_it_is():
    m = _measures("华兴电子公司工会会员320人,女职工86人。")
    assert "华兴电子公司工会" in m["86人"] and "女职工" in m["86人"]
    m = _measures("三年来新建基层工会35家、会员2100人。")
    assert "新建基层工会" in m["2100人"] and m["2100人"].endswith("会员")
    # a clause, not a noun phrase, opening the sentence is not carried into the next item
    m = _measures("某街道总工会现有工会组织24家,女职工800多人。")
    assert m["800多人"] == "女职工"


def test_a_growth_rate_says_what_grew():
    m = _measures("全区工会经费收入860万元,增长12%。")
    assert "工会经费收入" in m["12%"] and m["12%"].endswith("增长")


# ---------------------------------------------------------------- subjects (resolve._SubjectFinder)
def _subjects(text):
    return {f.text: (f.subject, f.subject_kind) for f in extract_text(text).figures}


def test_the_article_own_event_is_the_subject_of_its_figures():
    text = ("宜昌市总工会举行2023年金秋助学活动启动仪式\n\n"
            "8月20日,宜昌市总工会在市职工服务中心举行金秋助学活动启动仪式,市总工会领导出席并讲话。\n\n"
            "本次活动共筹集助学资金86万元,其中企业捐助30万元。\n\n"
            "活动将资助困难职工子女420名。")
    subjects = _subjects(text)
    for fig in ("86万元", "30万元", "420名"):
        assert subjects[fig][1] == "programme" and subjects[fig][0].startswith("金秋助学"), (fig, subjects[fig])


def test_a_contest_named_in_the_lead_is_what_本届大赛_counts():
    text = ("本报讯 第三届全省职工职业技能大赛12日在临江开幕,来自全省各地的选手将在五个工种中展开角逐。\n\n"
            "据悉,本届大赛汇聚了来自16个城市的230名选手。")
    subjects = _subjects(text)
    assert subjects["230名"][0].endswith("职业技能大赛")


def test_examples_listed_with_等_are_not_the_subject():
    text = ("宜昌市总工会先后以“书香三月”“健康同行”“送清凉”等为主题,开展特色服务项目58个,服务职工1.2万人次。")
    subjects = _subjects(text)
    assert subjects["58个"] == ("宜昌市总工会", "union")


def test_a_private_person_story_is_about_the_person():
    text = ("全国劳动模范张建国是一名电焊工。\n\n张建国从事电焊工作多年,先后带出徒弟36名。\n\n"
            "宜昌市总工会主席李华来到张建国家中。他代表市总工会送上慰问金5000元。")
    subjects = _subjects(text)
    assert subjects["36名"] == ("张建国", "person")
    assert subjects["5000元"][1] != "person"          # 他 acts for the union (代表…)
    text = "宜昌市总工会主席李华送上2000元慰问金,鼓励困难职工树立信心。"
    assert _subjects(text)["2000元"] == ("宜昌市总工会", "union")  # an official giving for the union


def test_the_union_of_a_place_named_with_各级工会():
    text = ("九河市总工会\n\n【概 况】 2019年,九河市各级工会组织动员全市职工建功立业,"
            "全市新建职工之家35个,落实全国总工会部署,帮扶困难职工1200户。")
    subjects = _subjects(text)
    assert subjects["1200户"] == ("九河市总工会", "union")


# ---------------------------------------------------------------- found once, and found at all
@pytest.mark.parametrize("text, value", [
    ("为全省12.5万困难职工送去慰问。", "125000"),
    ("吸引150余万职工在线参与。", "1500000"),
    ("全国现有165万船员。", "1650000"),
    ("全市工会会员达到38.2万会员。", "382000"),
])
def test_people_counted_without_a_measure_word(text, value):
    assert (Decimal(value), "person") in [(v, u) for v, u, _ in figures(text)]


def test_words_are_counted():
    assert (Decimal(130000), "count", True) in figures("职工投稿160篇,近13万字。")


def test_the_same_words_twice_in_one_sentence_are_two_figures():
    facts = extract_text("全县建成职工之家3家,母婴室2家,职工书屋2家。")
    assert sorted(f.value for f in facts.figures) == [Decimal(2), Decimal(2), Decimal(3)]


def test_a_headline_figure_restated_in_the_body_is_one_figure():
    text = ("宜昌市去年新建基层工会326家\n\n"
            "本报讯 近日,宜昌市总工会召开全委会议,记者从会上获悉,去年全市新建基层工会326家,发展会员2.1万人。")
    facts = extract_text(text)
    assert [f.text for f in facts.figures] == ["326家", "2.1万人"]
    assert "发展会员" not in facts.figures[0].quote or "全委会议" in facts.figures[0].quote  # the body's sentence


def test_a_summary_restated_in_detail_is_one_figure_but_other_measures_stay():
    text = ("一年来,全市工会开展理论宣传宣讲280余场,服务职工5万人次。\n\n"
            "全年开展各类主题宣传宣讲280余场,覆盖全市各行业。\n\n"
            "2个县工会经费突破150万元。全市审计到账金额突破150万元。")
    texts = [f.text for f in extract_text(text).figures]
    assert texts.count("280余场") == 1
    assert texts.count("突破150万元") == 2


def test_a_bare_number_continues_the_phrase_before_it():
    m = _measures("职工投稿160篇,近13万字。")
    assert m["近13万字"] == "职工投稿"
    m = _measures("为职工提供互助保障金176万元,二次报销2.8万人次491万元。")
    assert m["491万元"] == "二次报销"
    m = _measures("全天多时段直播,总计300余场次。")
    assert m["300余场次"] == "全天多时段直播"


def test_a_union_founded_joined_or_setting_a_task_is_not_the_subject():
    text = ("宜昌开发区总工会\n\n"
            "本报讯 日前,宜昌开发区工会第一次代表大会召开,选举产生宜昌开发区总工会第一届委员会。\n\n"
            "2024年,成立全市首家快递行业工会联合会,入选全省创新案例3篇。")
    subjects = _subjects(text)
    assert subjects["3篇"][0] != "快递行业工会联合会"
    text = "全市各级工会超额完成省总工会下达的28家工会驿站建设任务。"
    assert _subjects(text)["28家"][0] != "省总工会"


def test_活动现场_is_a_place_not_the_event():
    text = ("宜昌市总工会举行“两节”送温暖集中慰问活动\n\n"
            "1月9日,宜昌市总工会在帮扶中心举行“两节”送温暖集中慰问活动,市总工会领导出席活动并讲话。\n\n"
            "活动现场,宜昌市总工会向150名困难职工发放救助金12万元。")
    assert _subjects(text)["12万元"] == ("宜昌市总工会", "union")


def test_units_counted_and_events_taken_part_in_are_not_the_subject():
    text = ("江南电力工会\n\n"
            "【概况】江南电力工会是全省电力系统的产业工会,下设组宣部、生产部等部门,负责全省电力企业工会工作。\n\n"
            "江北地区直属工会7个,职工1994人。会同行政认真参加安全大检查活动,对8个变电站进行检查。")
    subjects = _subjects(text)
    assert subjects["7个"][0] != "江北地区直属工会"
    assert subjects["8个"][1] != "programme"


def test_a_list_of_figures_shares_its_verb_and_keeps_each_noun():
    m = _measures("截至目前,宜昌市总工会共走访慰问85家企业、3000余名职工。")
    assert m["85家"].endswith("走访慰问企业") and m["3000余名"].endswith("走访慰问职工")
    m = _measures("全区建成职工之家78个、暖心驿站42个。")
    assert m["78个"].endswith("职工之家") and "驿站" not in m["78个"]


def test_ranges_and_objects_written_after_the_next_figure():
    m = _measures("对新建工会给予2000元至5万元经费补助。")
    assert m["2000元"] == m["5万元"] and m["5万元"].endswith("经费补助")
    m = _measures("区总工会拿出126万元慰问了全区2000余名困难职工。")
    assert m["126万元"].endswith("慰问了全区困难职工")


def test_a_service_noun_is_not_a_verb_of_taking_part():
    m = _measures("开展职工书画展,服务热线累计受理职工诉求3200件。")
    assert m["3200件"].startswith("服务热线")             # no clause before carried in
    m = _measures("开展法律咨询活动,服务职工3万人次。")
    assert "法律咨询活动" in m["3万人次"]                  # 服务 as a verb: the activity's takers


def test_a_measure_starts_on_a_whole_word():
    m = _measures("通过职工医疗互助等保障计划服务职工16万人次。")
    assert m["16万人次"].startswith("医疗互助") or m["16万人次"].startswith("职工医疗")


def test_a_programme_subject_is_named_as_the_programme_fact():
    # the headline writes the bare term, the body the quoted form with its tail: one programme, one name
    f = extract_text("某市总工会：“冬送温暖”帮扶困难职工\n"
                     "元旦春节期间，某市总工会开展“冬送温暖”活动，共筹集资金86万元，走访慰问困难职工320户。")
    names = {p.name for p in f.programmes}
    about = {x.subject for x in f.figures if x.subject_kind == "programme"}
    assert about and about <= names


def test_a_bracketed_heading_is_no_part_of_a_measure():
    f = extract_text("某市总工会2021年工作概况\n【帮扶工作】全年筹集送温暖资金126万元，慰问困难职工680户。")
    money = next(x for x in f.figures if x.text == "126万元")
    assert "】" not in money.measure and "工作" not in money.measure
