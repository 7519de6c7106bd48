"""Figures, fourth round: subjects of contest takers and other held-out patterns (invented sentences;
patterns of tests/data/heldout-links3 and tests/data/heldout-q4-figures, never their words)."""
from graph.pipeline import extract_text


def _by_text(text, doc="t"):
    return {f.text: f for f in extract_text(text, doc).figures}


def test_the_takers_of_a_contest_named_in_the_sentence_are_the_contests_not_the_organising_unions():
    text = ("南通船舶企业职工比技能\n\n"
            "本报讯 5月8日，由江苏省总工会主办的江苏省第三届船舶电焊工职业技能大赛在南通开幕，"
            "来自全省19家船舶企业的86名选手同台竞技。")
    f = _by_text(text)
    assert f["19家"].subject == "江苏省第三届船舶电焊工职业技能大赛"
    assert f["86名"].subject == "江苏省第三届船舶电焊工职业技能大赛"


def test_winners_of_the_leads_contest_named_in_a_later_sentence_without_a_union_are_the_contests():
    text = ("安庆市第七届职工职业技能大赛落幕\n\n"
            "来源：安庆市总工会　发布时间：2024-11-02\n\n"
            "10月30日至31日，安庆市第七届职工职业技能大赛决赛在大观区举行，大赛设置钳工、电工等9个工种。\n\n"
            "经过激烈角逐，安庆华宇机械有限公司的褚明远等21名选手获得一等奖，市总工会将推荐他们申报五一劳动奖章。")
    f = _by_text(text)
    assert f["9个"].subject == "安庆市第七届职工职业技能大赛"
    assert f["21名"].subject == "安庆市第七届职工职业技能大赛"
    listed = text.replace("经过激烈角逐，安庆华宇机械有限公司的褚明远等21名选手获得一等奖",
                          "安庆华宇机械有限公司钳工褚明远、安庆港务集团电工邵佳怡等21人获得各工种一等奖")
    assert _by_text(listed)["21人"].subject == "安庆市第七届职工职业技能大赛"


def test_takers_in_the_sentence_after_the_contests_lead_sentence_are_the_contests():
    text = ("全省邮政快递职工比技能\n\n"
            "本报南京6月3日电 2日，由江苏省总工会主办、南京市总工会承办的江苏省第四届快递员职业技能竞赛决赛"
            "在南京落幕。来自全省13个设区市的96名选手参加了决赛。")
    assert _by_text(text)["96名"].subject == "江苏省第四届快递员职业技能竞赛"
    units = text + "\n\n南京市邮政管理局等6个单位获优秀组织奖。"
    assert _by_text(units)["6个"].subject == "江苏省第四届快递员职业技能竞赛"  # the contest's organising units


def test_takers_of_contests_the_sentence_counts_or_of_a_years_series_stay_with_the_union():
    text = ("潜山县总工会召开2024年度职工技能竞赛总结会\n\n"
            "1月5日，潜山县总工会召开2024年度职工技能竞赛总结会。2024年，全县各级工会共举办技能竞赛42场次，"
            "参赛职工3100余人次。\n\n"
            "会议对在竞赛中成绩突出的18名选手给予表彰。")
    f = _by_text(text)
    assert f["3100余人次"].subject == "潜山县总工会"   # the takers of the 42 contests counted, not one contest
    assert f["18名"].subject == "潜山县总工会"         # the year's contests as a whole: the union that holds them


def test_takers_of_a_contest_only_listed_as_a_kind_are_not_given_to_it():
    text = ("迎江区工会劳动竞赛成效明显\n\n"
            "2024年，迎江区总工会组织开展各类职工技能竞赛，参赛职工1.2万人次。")
    assert _by_text(text)["1.2万人次"].subject == "迎江区总工会"


def test_a_union_named_in_the_figures_own_clause_beats_the_campaign_the_clause_before_runs():
    text = ("某地工会冬送温暖\n\n"
            "1月以来，汉中市总工会开展“冬送温暖”活动，全市各级工会共筹集资金约960万元，慰问困难职工近1.3万人。")
    f = _by_text(text)
    assert f["约960万元"].subject == "汉中市总工会"
    assert f["近1.3万人"].subject == "汉中市总工会"
    # a clause that only frames the campaign (…活动中,) keeps the figures the campaign's
    framed = _by_text("某地工会冬送温暖\n\n今年“冬送温暖”活动中，汉中市总工会共筹集资金约960万元。")
    assert framed["约960万元"].subject == "冬送温暖"


def test_the_unions_of_several_levels_of_the_articles_place_are_the_articles_union():
    text = ("汉中市总工会送清凉\n\n"
            "本报讯 入伏以来，陕西省汉中市总工会开展“送清凉”活动，市、县两级工会共筹措资金95万元。")
    assert _by_text(text)["95万元"].subject == "陕西省汉中市总工会"  # the fullest form of the article's union


def test_all_unions_of_a_prefecture_or_league_are_the_articles_union_giving_campaign_money():
    text = ("阿坝州总工会部署两节送温暖\n\n"
            "本报讯 1月6日，阿坝藏族羌族自治州总工会召开会议部署“两节”送温暖活动。据了解，今年全州各级工会"
            "计划投入送温暖资金430万元。")
    assert _by_text(text)["430万元"].subject == "阿坝藏族羌族自治州总工会"


def test_a_sentence_opening_on_this_session_of_the_training_course_is_about_that_course():
    text = ("“指尖苗绣”女职工技能培训班开班\n\n"
            "5月6日，由黔东南州总工会主办的“指尖苗绣”女职工技能培训班在台江县开班。\n\n"
            "本期培训班为期8天，邀请刺绣艺人潘某等4名传承人授课，来自全州各县的95名绣娘参加培训。")
    f = _by_text(text)
    assert f["4名"].subject == "“指尖苗绣”女职工技能培训班"
    assert f["95名"].subject == "“指尖苗绣”女职工技能培训班"


def test_a_sentence_opening_on_the_fair_the_lead_holds_for_a_campaign_is_about_that_campaign():
    text = ("襄州区总工会启动“春暖送岗”行动\n\n"
            "2月20日，襄州区总工会在张湾街道举办“春暖送岗”行动启动仪式暨就业招聘会。\n\n"
            "招聘会上，31家企业提供就业岗位900余个，现场达成就业意向186人。")
    f = _by_text(text)
    assert f["31家"].subject == f["900余个"].subject == f["186人"].subject == "“春暖送岗”行动"


def test_a_programme_before_a_comma_or_a_preposition_is_not_what_the_next_figure_counts():
    text = ("荆门市总工会春季招聘\n\n"
            "本报讯 3月2日，荆门市总工会举办“春暖就业”专场招聘会，58家企业提供就业岗位1300余个。\n\n"
            "荆门市总工会通过“荆楚职工温暖基金”为37户困难职工家庭送去救助金29万元。")
    f = _by_text(text)
    assert f["58家"].subject == f["1300余个"].subject == "“春暖就业”专场招聘会"
    assert f["37户"].subject == f["29万元"].subject == "荆楚职工温暖基金"
    # one written right after the programme is still a count of it: the union's
    counted = _by_text("荆门市总工会建家\n\n2024年，荆门市总工会新建“职工驿站”42个。")
    assert counted["42个"].subject == "荆门市总工会"


def test_a_place_inside_the_examples_a_figure_counts_does_not_make_its_union_the_subject():
    text = ("米林县总工会召开第三次代表大会\n\n"
            "本报讯 6月3日，米林县总工会第三次代表大会召开。大会还宣读了西藏自治区总工会的表彰决定，"
            "授予米林县人民医院、米林县南伊水电有限公司等5个集体自治区五一劳动奖状。")
    assert _by_text(text)["5个"].subject == "西藏自治区总工会"
