"""Posts in every organisation, each with its body: sentences written for these tests."""
import pytest

from graph.pipeline import extract_text
from graph.text.orgnames import body_name
from graph.text.places import Region, article_region
from graph.text.read import read_text
from graph.text.segment import segment


def roles(facts, name):
    p = next(p for p in facts.persons if p.name == name)
    return {(r.title, r.org) for r in p.roles}


def test_party_and_congress_bodies_take_the_region_of_the_article():
    f = extract_text("3月2日，某调研组来我县调研。市人大常委会主任范建国，市委副书记、县委书记邵立新出席。"
                     "调研组走访了隆德县的两家企业，并在固原市召开座谈会。")
    assert roles(f, "范建国") == {("主任", "固原市人大常委会")}
    assert roles(f, "邵立新") == {("副书记", "中共固原市委"), ("书记", "中共隆德县委")}


def test_bare_union_after_a_regional_body_is_the_region_union():
    f = extract_text("自治区人大常委会副主任、总工会主席柯文斌出席会议。会议在南宁市召开，广西各地代表参加。")
    assert roles(f, "柯文斌") == {("副主任", "广西壮族自治区人大常委会"), ("主席", "广西壮族自治区总工会")}


def test_a_named_party_committee_gets_zhonggong():
    f = extract_text("遵义市委常委、市总工会主席谭明远出席活动并讲话。")
    assert roles(f, "谭明远") == {("常委", "中共遵义市委"), ("主席", "遵义市总工会")}


def test_provincial_committee_and_union_from_the_province_named():
    f = extract_text("吉林省劳模表彰会召开。省委常委、省总工会主席鲁海鹰，省委副书记殷德胜出席。")
    assert roles(f, "鲁海鹰") == {("常委", "中共吉林省委"), ("主席", "吉林省总工会")}
    assert roles(f, "殷德胜") == {("副书记", "中共吉林省委")}


def test_department_of_a_union_goes_into_the_title():
    f = extract_text("据云南省总工会权益保障部部长陶秀兰介绍，今年将继续开展活动。")
    assert roles(f, "陶秀兰") == {("权益保障部部长", "云南省总工会")}


def test_department_after_a_post_of_the_same_body():
    f = extract_text("中华全国总工会书记处书记、党组成员、宣传教育部部长巩志强一行来我市调研。")
    assert roles(f, "巩志强") == {("书记处书记", "中华全国总工会"), ("党组成员", "中华全国总工会"),
                                 ("宣传教育部部长", "中华全国总工会")}


def test_posts_listed_after_a_union_official_share_the_union():
    f = extract_text("佛山市总工会召开全委会。市总工会党组书记康宏达、副主席甄美玲、一级调研员滕新宇出席。")
    assert roles(f, "甄美玲") == {("副主席", "佛山市总工会")}
    assert roles(f, "滕新宇") == {("一级调研员", "佛山市总工会")}


def test_a_government_post_after_a_party_official_keeps_no_body():
    f = extract_text("哈尔滨市委副书记蒋鸿飞、副市长樊启明为劳模送行。")
    assert roles(f, "樊启明") == {("副市长", None)}


def test_company_post_keeps_the_sub_unit_as_written():
    f = extract_text("“这是一份责任。”某某重工机械股份有限公司技术研究院测试二室主任尚雅琴说。")
    assert roles(f, "尚雅琴") == {("主任", "某某重工机械股份有限公司技术研究院测试二室")}


def test_general_secretary_names_his_body():
    f = extract_text("会上，习近平总书记发表重要讲话。")
    assert roles(f, "习近平") == {("总书记", "中共中央")}


@pytest.mark.parametrize("text, region, expected", [
    ("市委", Region("宁夏回族自治区", "石嘴山市", "平罗县"), "中共石嘴山市委"),
    ("县委", Region("宁夏回族自治区", "石嘴山市", "平罗县"), "中共平罗县委"),
    ("自治区人大常委会", Region("宁夏回族自治区", "石嘴山市", None), "宁夏回族自治区人大常委会"),
    ("市政协", Region("广东省", "汕头市", None), "汕头市政协"),
    ("市委", Region("北京市", None, None), "中共北京市委"),
    ("广元市委", Region(), "中共广元市委"),
    ("区委", Region("广东省", "汕头市", None), None),  # no district named: no guess
    ("中共中央", Region(), None),
    ("全国人大常委会", Region(), None),
])
def test_body_name(text, region, expected):
    assert body_name(text, region) == expected


def test_region_from_a_county_short_form():
    r = article_region(segment(read_text("调研组来到隆德，走访隆德的企业。", "t")))
    assert (r.province, r.city, r.county) == ("宁夏回族自治区", "固原市", "隆德县")
    # a short form that several counties share is no evidence on its own
    assert article_region(segment(read_text("调研组来到城关，走访城关的企业。", "t"))) == Region()


def test_elected_by_a_congress():
    f = extract_text("湖州市吴兴区总工会召开第三次代表大会，选举严立明为主席，祁芳、殷小川为副主席，会议圆满结束。")
    assert roles(f, "严立明") == {("主席", "湖州市吴兴区总工会")}
    assert roles(f, "祁芳") == {("副主席", "湖州市吴兴区总工会")}
    assert roles(f, "殷小川") == {("副主席", "湖州市吴兴区总工会")}


def test_yearbook_officers_under_the_union_heading():
    f = extract_text("衢州市总工会\n\n主席:甘大勇\n\n副主席:祁芳、邬小川\n\n【概况】全年新建基层工会12家。")
    assert roles(f, "甘大勇") == {("主席", "衢州市总工会")}
    assert roles(f, "邬小川") == {("副主席", "衢州市总工会")}


def test_post_in_an_enterprise_union_the_union_finder_missed():
    f = extract_text("“我很高兴。”某某长途客运公司工会主席邬小川说。")
    assert ("主席", "某某长途客运公司工会") in roles(f, "邬小川")


def test_job_title_at_a_named_employer():
    f = extract_text("全国劳动模范、某某钢铁集团有限公司高级技师甘大勇表示，要把技术传给年轻人。")
    assert ("高级技师", "某某钢铁集团有限公司") in roles(f, "甘大勇")


def test_head_of_government_after_a_party_post_is_not_in_the_party():
    f = extract_text("区委副书记、区长宁海松出席。会议在嘉定区召开。")
    assert roles(f, "宁海松") == {("副书记", "中共嘉定区委"), ("区长", None)}


def test_region_party_committee_written_as_dangwei():
    f = extract_text("自治区党委常委、秘书长甘红梅出席。会议在南宁市召开，广西各地代表参加。")
    assert roles(f, "甘红梅") == {("常委", "中共广西壮族自治区委员会"), ("秘书长", "中共广西壮族自治区委员会")}


def test_concurrent_post_after_the_name():
    f = extract_text("副省长邬长林兼任省总工会主席。会议在杭州召开，浙江省各界代表参加。")
    assert roles(f, "邬长林") == {("副省长", None), ("主席", "浙江省总工会")}


def test_short_national_union_owns_all_its_posts():
    f = extract_text("全总党组成员、副主席、书记处第一书记甘立新出席。")
    assert roles(f, "甘立新") == {("党组成员", "中华全国总工会"), ("副主席", "中华全国总工会"),
                                 ("书记处第一书记", "中华全国总工会")}


def test_a_region_is_not_read_out_of_a_persons_name():
    # 邬玉山 holds 玉山 (玉山县, 上饶): the article is about 嘉定区
    f = extract_text("区人大常委会主任邬玉山出席。会议在嘉定区召开。")
    assert roles(f, "邬玉山") == {("主任", "嘉定区人大常委会")}


def test_elected_named_after_the_post():
    f = extract_text("湖州市总工会第九次代表大会闭幕。我区共有3人当选市总工会第九届委员会委员，"
                     "他们是祁立新、甘红梅和邬长林。")
    for name in ("祁立新", "甘红梅", "邬长林"):
        assert roles(f, name) == {("委员", "湖州市总工会")}


def test_national_posts_in_a_chain():
    f = extract_text("中共中央政治局委员、全国人大常委会副委员长、中华全国总工会主席柯建国出席会议。")
    assert roles(f, "柯建国") == {("委员", "中共中央政治局"), ("副委员长", "全国人大常委会"),
                                 ("主席", "中华全国总工会")}


def test_a_region_union_named_only_by_a_post_is_a_union():
    f = extract_text("自治区人大常委会副主任、总工会主席柯文斌出席会议。会议在南宁市召开，广西各地代表参加。")
    u = {x.name: x for x in f.unions}
    assert u["广西壮族自治区总工会"].parent == "中华全国总工会"


@pytest.mark.parametrize("text, names, not_names", [
    ("他去年考上大学，今年又帮助某某科技有限公司完成改造。", {"某某科技有限公司"}, {"大学", "去年考上大学"}),
    ("大家一定要用实际行动回报党委政府。", set(), {"党委政府"}),
    ("会议选举产生湖州市总工会第九届委员会和经费审查委员会。", set(), {"湖州市总工会第九届委员会", "费审查委员会"}),
    ("获奖者中国邮政集团有限公司某某分公司班组长发言。", {"中国邮政集团有限公司某某分公司"}, set()),
    ("遵义市委高度重视职工工作。", {"中共遵义市委"}, {"遵义市委"}),
])
def test_organisations_named_as_written(text, names, not_names):
    found = {o.name for o in extract_text(text).organizations}
    assert names <= found
    assert not (not_names & found)


def test_a_government_department_takes_the_region():
    f = extract_text("市人社局局长柏立新，市委宣传部副部长房小雨出席。会议在嘉兴市召开。")
    assert roles(f, "柏立新") == {("局长", "嘉兴市人社局")}
    assert roles(f, "房小雨") == {("副部长", "中共嘉兴市委宣传部")}


def test_post_at_the_employer_named_before_de():
    f = extract_text("来自某某电力公司的工程师邬长林发言。")
    assert roles(f, "邬长林") == {("工程师", "某某电力公司")}


def test_a_bare_body_with_no_region_known_stays_unnamed():
    f = extract_text("市委副书记柏立新出席。")
    assert roles(f, "柏立新") == {("副书记", None)}


def test_elected_in_order_of_the_counts():
    f = extract_text("湖州市总工会第九次代表大会闭幕。我区共有2人当选市总工会第九届委员会委员，"
                     "1人当选经费审查委员会委员，他们分别是祁立新、甘红梅和邬长林。")
    assert roles(f, "祁立新") == {("委员", "湖州市总工会")}
    assert roles(f, "甘红梅") == {("委员", "湖州市总工会")}
    assert roles(f, "邬长林") == {("经费审查委员会委员", "湖州市总工会")}


def test_a_body_named_in_full_keeps_the_form_the_text_writes():
    f = extract_text("市委副书记、县委书记邬立新出席。调研组走访了隆德县的企业，会议在固原市召开。顺义区委高度重视。")
    orgs = {o.name: o.aliases for o in f.organizations}
    assert "市委" in orgs["中共固原市委"] and "县委" in orgs["中共隆德县委"]
    assert "顺义区委" in orgs["中共顺义区委"]


def test_officers_listed_inside_a_sentence():
    # a yearbook entry's officers may follow the prose on the same line, separated by ；
    f = extract_text("邯郸市总工会2022年概况\n【概况】全市新建工会86家。肥乡区总工会主席：蒋立平；副主席：庞小燕。"
                     "市总工会主席：祝卫东；副主席：滕静、牛小军。")
    assert roles(f, "蒋立平") == {("主席", "肥乡区总工会")}
    assert roles(f, "庞小燕") == {("副主席", "肥乡区总工会")}
    assert roles(f, "祝卫东") == {("主席", "邯郸市总工会")}
    assert roles(f, "牛小军") == {("副主席", "邯郸市总工会")}


def test_a_transliterated_name_after_a_post_is_read_whole():
    f = extract_text("和田讯 和田地区总工会副主席吐尔洪江·阿不力米提介绍，今年全地区新建驿站30个。"
                     "副主席阿孜古丽·热合曼带队走访了企业。")
    assert roles(f, "吐尔洪江·阿不力米提") == {("副主席", "和田地区总工会")}
    assert "阿孜古丽·热合曼" in {p.name for p in f.persons}


def test_a_transliterated_name_the_model_cuts_short_is_read_to_its_end():
    f = extract_text("塔城讯 牧民叶尔兰·别克木拉提说，今年的收入比去年多了。")
    assert {p.name for p in f.persons} == {"叶尔兰·别克木拉提"}


def test_a_theme_in_quotes_with_a_dot_is_no_name():
    f = extract_text("近期，某市总工会开展以“工会相伴·温暖同行”为主题的慰问活动。")
    assert not f.persons


def test_every_name_listed_before_elected_gets_the_post():
    f = extract_text("5月8日，梧州市长洲区总工会召开第三次代表大会。邓永昌当选区总工会主席，"
                     "杨慧芳、蒋立新当选副主席。")
    assert roles(f, "杨慧芳") == roles(f, "蒋立新") == {("副主席", "梧州市长洲区总工会")}
    f = extract_text("会议选举产生新一届委员会。黎振邦当选工会主席，戴秋月、祁文斌和潘晓东当选工会副主席。")
    assert roles(f, "戴秋月") == roles(f, "祁文斌") == roles(f, "潘晓东") == {("工会副主席", None)}


def test_a_post_after_an_officers_name_shares_the_body_written_before():
    f = extract_text("4月10日，柳州市工人医院第五届职工代表大会召开。医院党委书记韦振东、院长覃立平出席会议。")
    assert roles(f, "覃立平") == {("院长", "柳州市工人医院")}
    f = extract_text("河池市委书记韦振东、市长覃立平出席。")
    assert roles(f, "覃立平") == {("市长", None)}  # the mayor heads the government, not the Party committee


def test_a_job_at_a_named_employer_is_a_post_there():
    f = extract_text("南宁讯 广西玉柴机器股份有限公司钳工韦振东、柳州五菱汽车集团电工覃立平等20人获得一等奖。"
                     "全国劳动模范、广西华锡集团掘进工蒙大勇接受了慰问。")
    assert roles(f, "韦振东") == {("钳工", "广西玉柴机器股份有限公司")}
    assert roles(f, "覃立平") == {("电工", "柳州五菱汽车集团")}
    assert roles(f, "蒙大勇") == {("掘进工", "广西华锡集团")}


def test_no_post_at_an_unnamed_employer_nor_for_a_contestant():
    f = extract_text("南宁某物流公司驾驶员韦振东作交流发言。广西北部湾港股份有限公司选手覃立平获得第一名。")
    assert not any(r.org for p in f.persons for r in p.roles)


def test_a_job_in_a_department_written_alone_is_at_the_employer_named_before():
    f = extract_text("4月10日，柳州市工人医院第五届职工代表大会召开。会上，急诊科护士长蓝秋菊等5人受到表彰。")
    assert roles(f, "蓝秋菊") == {("护士长", "柳州市工人医院")}
    f = extract_text("会上，急诊科护士长蓝秋菊等5人受到表彰。")  # no employer named: no body to give
    assert not any(r.org for p in f.persons for r in p.roles)


def test_a_worker_elected_at_a_congress_holds_the_post_in_the_union_that_met():
    f = extract_text("梧州成立快递行业工会联合会\n\n5月8日，梧州市快递行业工会联合会成立大会召开，选举产生了联合会"
                     "第一届委员会，快递员邓永昌当选兼职副主席。梧州市总工会副主席黎振邦为联合会授牌。")
    assert roles(f, "邓永昌") == {("兼职副主席", "梧州市快递行业工会联合会")}
    assert roles(f, "黎振邦") == {("副主席", "梧州市总工会")}
