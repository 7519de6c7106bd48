"""Awards and their recipients, programmes and their organisers: the genre's list forms.

Every sentence here is invented for the test (names, places and units made up);
each one exercises one pattern of :mod:`graph.mentions.awards` or
:func:`graph.resolve.resolve_awards`.
"""
from graph.pipeline import extract_text


def awards(text: str) -> dict[str, list[str]]:
    return {a.name: a.recipients for a in extract_text(text).awards}


def test_level_before_core_names_the_honour():
    got = awards("大会对省五一劳动奖状和省工人先锋号、市级示范工会、省十佳文明职工获奖代表进行了表彰。")
    assert {"省五一劳动奖状", "省工人先锋号", "市级示范工会", "省十佳文明职工"} <= set(got)
    assert "工人先锋号" not in got and "五一劳动奖状" not in got


def test_quoted_five_one_is_the_same_honour():
    f = extract_text("培育选树全国“五一”劳动奖章1人、全国巾帼标兵岗2个。")
    medal = next(a for a in f.awards if "劳动奖章" in a.name)
    assert "全国五一劳动奖章" in {medal.name, *medal.aliases}
    assert "全国巾帼标兵岗" in {a.name for a in f.awards}


def test_one_level_shared_by_two_cores():
    got = awards("五年来全市涌现出全国劳动模范和先进工作者6名，河南省劳动模范和先进工作者40名。")
    assert {"全国劳动模范", "全国先进工作者", "河南省劳动模范", "河南省先进工作者"} <= set(got)
    assert "先进工作者" not in got


def test_titles_listed_after_a_verb_go_to_the_subject_union():
    got = awards("宜宾市总工会先后荣获全国工会财务工作先进单位、全国职工教育培训示范单位、"
                 "全省厂务公开民主管理先进单位等多项荣誉。")
    for name in ("全国工会财务工作先进单位", "全国职工教育培训示范单位", "全省厂务公开民主管理先进单位"):
        assert got[name] == ["宜宾市总工会"], (name, got)
    assert "先进单位" not in got


def test_clause_subject_receives_its_own_prize():
    got = awards("决赛中，来自绵阳的骆青松获得数控车床竞赛一等奖，来自德阳的闵晓岚获得焊接竞赛一等奖。")
    assert got["数控车床竞赛一等奖"] == ["骆青松"]
    assert got["焊接竞赛一等奖"] == ["闵晓岚"]


def test_names_listed_before_the_verb_receive():
    got = awards("郑大海、钱小兰等2人荣获省五一劳动奖章。")
    assert set(got["省五一劳动奖章"]) == {"郑大海", "钱小兰"}


def test_names_listed_after_de_you():
    got = awards("本届荣获市劳动模范称号的有：邝建平、窦丽芸。")
    assert set(got["市劳动模范"]) == {"邝建平", "窦丽芸"}


def test_unit_as_subject_of_pingwei():
    got = awards("石门县供电公司运检班组被评为“全国工人先锋号”。")
    assert got["全国工人先锋号"] == ["石门县供电公司运检班组"]


def test_an_honour_sought_has_no_recipient_yet():
    got = awards("经过角逐，祁振东、卢晓萍等6人获得一等奖，市总工会将推荐获奖选手申报省五一劳动奖章。")
    assert got["省五一劳动奖章"] == []
    got = awards("全县各级工会积极争创全国模范职工之家。")
    assert got.get("全国模范职工之家", []) == []


def test_a_decision_to_commend_is_no_giver_in_the_clause():
    # 发布表彰决定 names a decision: each clause's own subject receives its own honour
    got = awards("近日，省总工会发布表彰决定，某某建工集团有限公司荣获省五一劳动奖状，"
                 "该公司焊工柏明远荣获省五一劳动奖章。")
    assert got["省五一劳动奖章"] == ["柏明远"]
    assert "柏明远" not in got["省五一劳动奖状"]


def test_the_receivers_employer_is_no_recipient():
    got = awards("会上，某某船舶工程有限公司电焊工邝立华被授予“省五一劳动奖章”。")
    assert got["省五一劳动奖章"] == ["邝立华"]
    got = awards("某某船舶工程有限公司和邝立华分别获得省五一劳动奖状和省五一劳动奖章。")
    assert "某某船舶工程有限公司" in got.get("省五一劳动奖状", []) + got.get("省五一劳动奖章", [])


def test_giver_is_no_recipient():
    got = awards("省总工会授予沙河镇污水处理厂检修班“工人先锋号”称号。")
    assert "省总工会" not in got.get("工人先锋号", [])


def test_short_level_form_merges_into_the_full_one():
    f = extract_text("“湖南省五一劳动奖章”获得者刘某某作报告。会上为省五一劳动奖章获得者颁奖。")
    names = [a.name for a in f.awards if "劳动奖章" in a.name]
    assert len(names) == 1 and "湖南省五一劳动奖章" in names[0]


def test_bare_title_joins_the_full_form_written_before_it():
    f = extract_text("会议表彰了安徽省劳动模范、先进工作者。会议表彰了300名劳动模范、120名先进工作者。")
    forms = {a.name: a.aliases for a in f.awards}
    assert "先进工作者" not in forms and "劳动模范" not in forms
    assert "先进工作者" in forms["安徽省先进工作者"]


def test_studio_and_group_of_people_are_no_honours():
    got = awards("创建5家市级劳模和工匠人才、职工创新工作室。在纪念馆，城关区劳模和职工参加了活动。")
    assert not any(n.endswith(("劳模", "工匠人才")) for n in got), got


def test_long_article_resolves_awards_in_one_pass():
    # issue 15: one long file with many awards and persons must not stall (a scan of every
    # mention per award was quadratic); windowed lookups keep it linear
    one = ("溧阳市总工会先后荣获全国工会财务工作先进单位、全省厂务公开民主管理先进单位等荣誉。"
           "决赛中，来自溧阳的骆青松获得数控车床竞赛一等奖。\n")
    f = extract_text(one * 400)
    got = {a.name: a.recipients for a in f.awards}
    assert got["全国工会财务工作先进单位"] == ["溧阳市总工会"]
    assert got["数控车床竞赛一等奖"] == ["骆青松"]


def test_programme_organiser_from_the_lead_union():
    f = extract_text("近日，临沧市总工会召开全委会议。\n\n去年，全市举办“技能强市”职业技能大赛12场。")
    prog = next(p for p in f.programmes if "技能强市" in p.name)
    assert prog.organizer == "临沧市总工会"


def programmes(text: str) -> dict[str, object]:
    return {p.name: p for p in extract_text(text).programmes}


def test_term_with_its_tail_is_the_name_and_merges_short_forms():
    got = programmes("昭通市总工会启动2023年元旦春节送温暖活动。今年的送温暖活动覆盖全市。")
    assert "元旦春节送温暖活动" in got
    assert "送温暖活动" in got["元旦春节送温暖活动"].aliases and "送温暖活动" not in got


def test_quoted_theme_hosts_the_bare_activity():
    got = programmes("遵义市总工会启动“冬日暖阳，情系职工”送温暖活动。据悉，送温暖活动将持续一个月。")
    assert len([n for n in got if "送温暖" in n]) == 1, got


def test_kinds_of_activity_are_no_programmes():
    got = programmes("各级工会组织慰问和文体活动，开展竞赛活动和文艺活动。")
    assert not got, got


def test_quoted_list_before_ge_xiang_work():
    got = programmes("做实“工会帮就业”“工会送温情”等各项职工服务工作。")
    assert {"工会帮就业", "工会送温情"} <= {n.strip("“”") for n in got}


def test_quoted_facility_name():
    got = programmes("创建全省首个新就业形态劳动者“工会健康小屋”。")
    assert any("工会健康小屋" in n for n in got), got


def test_quoted_name_then_a_phrase_is_no_programme():
    got = programmes("牢记“国之大者”在思想上政治上行动上同党中央保持高度一致。")
    assert not got, got


def test_longer_name_wins_over_its_first_tail():
    got = programmes("建好用好玉溪市职工活动中心项目。")
    assert "玉溪市职工活动中心项目" in got, got


def test_theme_belongs_to_the_activity_it_names():
    got = programmes("近日，曲靖市总工会开展以“寒冬送暖·工会同行”为主题的送温暖活动。")
    assert "寒冬送暖·工会同行" not in got
    host = next(p for p in got.values() if "送温暖" in p.name)
    assert "寒冬送暖·工会同行" in {a.strip("“”") for a in host.aliases}
    assert host.organizer == "曲靖市总工会"


def test_declared_short_form_and_organiser_written_after():
    got = programmes("“技能兴滇”滇中城市群第二届职业技能大赛（以下简称“大赛”）日前落幕。\n\n"
                     "据了解，大赛由云南省总工会联合有关部门共同主办。")
    prog = next(p for p in got.values() if "第二届职业技能大赛" in p.name)
    assert "大赛" in prog.aliases
    assert prog.organizer == "云南省总工会"


def test_name_right_after_the_honour():
    assert awards("慰问组又来到全国劳动模范闫桂年家里。")["全国劳动模范"] == ["闫桂年"]
    assert awards("大家学习了市劳动模范卢刚的事迹。")["市劳动模范"] == ["卢刚"]
    assert awards("全国劳动模范代表发言。")["全国劳动模范"] == []


def test_passive_receiver_is_the_recipient():
    assert awards("汤晓峰被授予全国五一劳动奖章。")["全国五一劳动奖章"] == ["汤晓峰"]


def test_listed_units_before_the_verb():
    got = awards("宁海县供电公司配电运检班、象山县石浦镇卫生院获得浙江省工人先锋号。")
    assert got["浙江省工人先锋号"] == ["宁海县供电公司配电运检班", "象山县石浦镇卫生院"]


def test_units_after_shouyu():
    got = awards("省总工会授予沙河镇污水处理厂检修班、城南供水公司调度中心“工人先锋号”称号。")
    assert got["工人先锋号"] == ["沙河镇污水处理厂检修班", "城南供水公司调度中心"]


def test_an_office_holder_named_in_an_event_title_receives_nothing():
    # the honour and a person titled after the name share one event name joined by 暨
    got = awards("2021年，县总工会举办表彰先进个人暨赵德明主席给劳模班回信两周年座谈会，"
                 "全国劳动模范孙桂芳在会上发言。")
    assert "赵德明" not in got.get("先进个人", [])
    assert got.get("全国劳动模范") == ["孙桂芳"]


def test_selected_into_another_list_is_no_recipient_of_the_honour_before():
    got = awards("某某园区工会获得省五一劳动奖状1个。2023年,新成立的快递行业工会联合会入选全省创新案例2篇。")
    assert "快递行业工会联合会" not in got.get("省五一劳动奖状", [])


def test_a_later_sentence_naming_who_got_it():
    got = awards("今年全市共有12人荣获省劳动模范称号。市电力公司高级技师孙国梁入选。")
    assert "孙国梁" in got.get("省劳动模范", [])


def test_prefix_before_at_the_start_of_a_text_ending_in_a_rank():
    # A core at offset 0 of a text cut right after a rank word (评选百名): the look-behind must not
    # wrap round to the text's end (a negative start), which recursed without end.
    from graph.mentions.awards import _prefix_before

    for text in ("十佳", "五一劳动奖章获得者评选百名", "劳动模范十大"):
        assert _prefix_before(text, 0) == 0
