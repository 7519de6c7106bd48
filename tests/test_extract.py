"""Unions, persons and posts, resolution: sentences written for these tests."""
from graph.pipeline import extract_text


def unions(facts):
    return {u.name: u for u in facts.unions}


def roles(facts, name):
    p = next(p for p in facts.persons if p.name == name)
    return {(r.title, r.org) for r in p.roles}


def test_posts_split_at_dunhao_and_share_the_organisation():
    f = extract_text("会上,朝阳区总工会党组书记、常务副主席刘建国表示,要把服务职工作为中心任务。")
    assert roles(f, "刘建国") == {("党组书记", "朝阳区总工会"), ("常务副主席", "朝阳区总工会")}


def test_posts_of_two_organisations():
    f = extract_text("海淀区人大常委会副主任、区总工会主席孙海波出席活动并讲话。海淀区总工会将持续推进工作。")
    assert roles(f, "孙海波") == {("副主任", "海淀区人大常委会"), ("主席", "海淀区总工会")}


def test_bare_district_union_resolves_to_the_named_one():
    f = extract_text("丰台区总工会开展送清凉活动。区总工会党组书记赵明带队慰问一线职工。")
    assert set(unions(f)) == {"丰台区总工会"}
    assert "区总工会" in unions(f)["丰台区总工会"].aliases
    assert roles(f, "赵明") == {("党组书记", "丰台区总工会")}


def test_section_heading_scopes_bare_forms():
    text = ("石景山区总工会\n\n区总工会全年投入120万元开展帮扶。\n\n"
            "门头沟区总工会\n\n区总工会新建职工之家15个。\n")
    f = extract_text(text)
    subjects = {f_.value: f_.subject for f_ in f.figures}
    assert subjects[1200000] == "石景山区总工会"
    assert subjects[15] == "门头沟区总工会"


def test_union_hierarchy_from_levels():
    f = extract_text("望京街道总工会在朝阳区总工会指导下成立职工服务站。浙江省总工会、苏州市总工会派员参加。")
    u = unions(f)
    assert u["望京街道总工会"].parent == "朝阳区总工会"
    assert u["朝阳区总工会"].parent == "北京市总工会"
    assert u["浙江省总工会"].parent == "中华全国总工会"
    assert u["苏州市总工会"].parent == "江苏省总工会"


def test_generic_union_phrases_are_not_unions():
    f = extract_text("全区各级工会组织和基层工会积极行动,新建企业工会37家、社区联合工会29家。")
    assert unions(f) == {}


def test_quanzong_alias():
    f = extract_text("在市委和全总的坚强领导下,北京市总工会完成全年任务。")
    assert "中华全国总工会" in unions(f)
    assert "全总" in unions(f)["中华全国总工会"].aliases


def test_byline_gives_several_reporters():
    f = extract_text("标题一行\n\n□本报记者 张伟 李娜 王强\n\n正文第一段,内容如下。")
    assert f.creators == ["张伟", "李娜", "王强"]
    for name in f.creators:
        assert roles(f, name) == {("记者", None)}


def test_person_keeps_post_when_named_alone_later():
    f = extract_text("西城区总工会主席周丽华介绍,今年将新建驿站。周丽华说,工会要当好娘家人。")
    assert roles(f, "周丽华") == {("主席", "西城区总工会")}
    assert len([p for p in f.persons if p.name == "周丽华"]) == 1


def test_honour_before_name_gives_recipient():
    f = extract_text("全国五一劳动奖章获得者代表、全国劳动模范李红梅发言。")
    award = next(a for a in f.awards if a.name == "全国劳动模范")
    assert "李红梅" in award.recipients


def test_words_jieba_mistakes_for_names_are_not_persons():
    f = extract_text("为拓宽销售渠道,精准施策,培养高素质专业化干部。")
    assert f.persons == []


def test_figures_carry_the_programme_introduced_in_the_previous_sentence():
    f = extract_text("杭州市慈善总会于3月1日发起设立“春风助学”项目,为困难职工子女募集善款。"
                     "一共收到2300余名爱心人士捐款186万元。")
    subjects = {x.value: x.subject for x in f.figures}
    assert subjects[2300] == "“春风助学”项目"
    assert subjects[1860000] == "“春风助学”项目"


def test_money_for_a_programme_is_about_the_programme():
    f = extract_text("宁波市总工会全年共投入412万元用于“送温暖”,投入96万元用于“送清凉”。")
    subjects = {x.value: x.subject for x in f.figures}
    assert subjects[4120000] == "送温暖"
    assert subjects[960000] == "送清凉"


def test_name_before_shuo_is_not_read_as_three_characters():
    f = extract_text("“这是我们交出的答卷。”海淀区总工会主席许汇说。")
    assert [p.name for p in f.persons] == ["许汇"]


def test_a_places_union_is_its_zonggonghui():
    f = extract_text("杭州市工会第十四次代表大会召开,杭州市总工会主席讲话。")
    assert set(unions(f)) == {"杭州市总工会"}
    assert "杭州市工会" in unions(f)["杭州市总工会"].aliases
