"""Unions resolved from the article's own region, and where a union's name starts.

Sentences written for these tests (issue 12): provinces and autonomous regions
other than Beijing, bare 省/市/县/区总工会 and 省总/市总, county names shared by
several prefectures, verbs and collective phrases before 工会.
"""
import pytest

from graph import lexicon
from graph.mentions.unions import industry_name, lead_length, union_level
from graph.pipeline import extract_text
from graph.resolve import Region, article_region, parent_of
from graph.text.read import read_text
from graph.text.segment import segment


def unions(facts):
    return {u.name: u for u in facts.unions}


# ---------------------------------------------------------------- region
def test_county_union_in_sichuan_reports_to_its_city():
    f = extract_text("本报讯 近日，南江县总工会在县城广场举办职工法律服务月启动仪式。县总工会负责人介绍，"
                     "今年将在全县建成职工法律服务站12个。巴中市总工会派员参加。")
    u = unions(f)
    assert set(u) == {"南江县总工会", "巴中市总工会"}
    assert u["南江县总工会"].parent == "巴中市总工会"
    assert u["巴中市总工会"].parent == "四川省总工会"
    assert "县总工会" in u["南江县总工会"].aliases


def test_bare_provincial_union_from_the_city_named():
    f = extract_text("遵义市总工会日前召开全委会。会议传达了省总工会全委会精神，市总工会将开展职工技能大赛。")
    u = unions(f)
    assert set(u) == {"遵义市总工会", "贵州省总工会"}
    assert "省总工会" in u["贵州省总工会"].aliases
    assert "市总工会" in u["遵义市总工会"].aliases
    assert u["贵州省总工会"].parent == "中华全国总工会"


def test_autonomous_region_and_city_unions_from_place_names():
    # 自治区、市总工会: two bare unions; the county short form (德保) names the city
    f = extract_text("德保县召开职工代表大会\n\n3月2日，德保县第三次职工代表大会召开。会议要求认真贯彻"
                     "自治区、市总工会各项部署，做好德保职工服务工作。")
    u = unions(f)
    assert "广西壮族自治区总工会" in u
    assert "百色市总工会" in u
    assert u["百色市总工会"].parent == "广西壮族自治区总工会"


def test_bare_city_union_is_not_the_provincial_one():
    f = extract_text("江西省总工会主席到赣州调研。市总工会负责人汇报了赣州职工服务工作。")
    u = unions(f)
    assert "赣州市总工会" in u and "市总工会" in u["赣州市总工会"].aliases
    assert "市总工会" not in u["江西省总工会"].aliases


def test_municipality_city_union_is_the_municipality():
    f = extract_text("重庆市渝中区总工会近日举办职工运动会，市总工会副主席到场。")
    u = unions(f)
    assert "重庆市总工会" in u and "市总工会" in u["重庆市总工会"].aliases


def test_short_forms_of_city_and_provincial_unions():
    f = extract_text("1月5日，绵阳市总工会召开全委会。市总领导班子成员出席，省总有关部门负责人到会指导。")
    u = unions(f)
    assert "市总" in u["绵阳市总工会"].aliases
    assert "四川省总工会" in u and "省总" in u["四川省总工会"].aliases


def test_named_short_form_of_a_city_union():
    f = extract_text("会上，宜宾市总领导带队走访了困难职工。")
    assert "宜宾市总工会" in unions(f)


def test_short_form_is_not_a_word_with_zong():
    f = extract_text("全市总人口达到300万，全县总产值增长6%。")
    assert unions(f) == {}


def test_place_short_form_union_is_the_places_federation():
    f = extract_text("河南工会“职工之家”平台上线以来，全省职工踊跃参与。省总工会表示将持续优化服务。")
    u = unions(f)
    assert set(u) == {"河南省总工会"}
    assert {"河南工会", "省总工会"} <= u["河南省总工会"].aliases


def test_shared_district_name_follows_the_texts_city():
    f = extract_text("福州市鼓楼区总工会开展送清凉活动，鼓楼区总工会负责人介绍，全区已建成驿站30个。")
    assert unions(f)["福州市鼓楼区总工会"].parent == "福州市总工会"
    f = extract_text("南京市总工会指导鼓楼区总工会开展职工技能竞赛，南京各区积极参与。")
    assert unions(f)["鼓楼区总工会"].parent == "南京市总工会"


def test_chaoyang_district_of_changchun_is_not_beijings():
    f = extract_text("长春市朝阳区总工会近日为一线职工送去防暑用品。吉林省总工会、长春市总工会有关负责人参加。")
    u = unions(f)
    assert u["长春市朝阳区总工会"].parent == "长春市总工会"
    f = extract_text("长春市总工会日前指导朝阳区总工会建成户外劳动者驿站。吉林省总工会相关负责人参加。")
    assert unions(f)["朝阳区总工会"].parent == "长春市总工会"


def test_beijing_district_keeps_beijing_where_nothing_else_is_said():
    f = extract_text("朝阳区总工会开展职工心理健康讲座。")
    assert unions(f)["朝阳区总工会"].parent == "北京市总工会"


def test_park_union_under_the_city_written_first():
    f = extract_text("滁州开发区总工会近日成立，开发区工会将为园区职工提供服务。")
    assert unions(f)["滁州开发区总工会"].parent == "滁州市总工会"


def test_beijing_zone_short_form_only_in_beijing():
    f = extract_text("合肥市总工会联合经开区总工会举办招聘会，合肥职工踊跃参加。")
    assert "北京经济技术开发区总工会" not in unions(f)


def test_bare_union_after_a_regional_post():
    f = extract_text("宝鸡市人大常委会副主任、总工会主席李建华出席会议。宝鸡市总工会将开展送温暖活动。")
    assert set(unions(f)) == {"宝鸡市总工会"}


def test_region_of_an_article():
    a = segment(read_text("晋中市总工会召开全委会\n\n本报讯 晋中市总工会日前召开全委会，榆次区总工会作交流发言。",
                          "t"))
    assert article_region(a) == Region("山西省", "晋中市", "榆次区")
    assert article_region(segment(read_text("职工之家建设推进会召开。", "t"))) == Region()


def test_region_union_of_bare_levels():
    r = Region("宁夏回族自治区", "石嘴山市", "平罗县")
    assert r.union("自治区") == "宁夏回族自治区总工会"
    assert r.union("市") == "石嘴山市总工会"
    assert r.union("县") == "平罗县总工会"
    assert r.union("区") is None
    assert r.union("省") is None
    assert Region("内蒙古自治区").union("区") == "内蒙古自治区总工会"
    assert Region("上海市", None, "浦东新区").union("市") == "上海市总工会"


# ---------------------------------------------------------------- boundaries
@pytest.mark.parametrize("text, name", [
    ("会议号召学习宣传贯彻云南工会十三大精神。", "云南省总工会"),
    ("大会选举产生临沂高新区总工会第一届委员会。", "临沂高新区总工会"),
    ("会议的召开，标志着晋江经济开发区总工会正式成立。", "晋江经济开发区总工会"),
    ("王立新代表株洲市总工会向困难职工发放慰问金。", "株洲市总工会"),
    ("纪念中国铁路工会成立百年座谈会在京召开。", "中国铁路工会"),
])
def test_name_starts_at_a_place_or_proper_name(text, name):
    assert name in unions(extract_text(text))


@pytest.mark.parametrize("text", [
    "全市各级工会要切实履行维权职责。",
    "对20人以上新建工会给予经费补助。",
    "柳州市基层工会已达4000家。",
    "各市总工会要抓好落实，确保取得实效。",
    "打造粤港澳大湾区工会合作品牌。",
    "全总要求，各省、市总工会要加强组织领导。西宁职工积极参与。",
])
def test_collective_phrases_are_not_unions(text):
    assert set(unions(extract_text(text))) <= {"中华全国总工会"}


def test_lead_length():
    assert lead_length("学习宣传贯彻上海") == len("学习宣传贯彻")
    assert lead_length("临空经济核心区") == 0
    assert lead_length("经开区") == 0
    assert lead_length("超额完成省") == len("超额完成")


# ---------------------------------------------------------------- industry unions
def test_industry_unions_of_a_province_and_of_the_nation():
    f = extract_text("广西壮族自治区总工会下设4个产业工会，分别是教科文卫体工会、农林水利工会、"
                     "机械冶金建材工会和金融工会。会上，中国教育工会负责人作了发言。")
    u = unions(f)
    for name in ("教科文卫体工会", "农林水利工会", "机械冶金建材工会", "金融工会"):
        assert u[name].parent == "广西壮族自治区总工会", name
    assert u["中国教育工会"].parent == "中华全国总工会"


def test_industry_name():
    assert industry_name("中国海员建设") and industry_name("财贸轻纺农牧林水") and industry_name("国防邮电")
    assert not industry_name("兰州市") and not industry_name("水") and not industry_name("中国")
    assert union_level("中国海员工会") == "industry"


def test_industry_unions_are_not_merged_by_name():
    f = extract_text("在原中国海员工会和中国公路运输工会的基础上，成立了中国海员建设工会。")
    assert {"中国海员工会", "中国公路运输工会", "中国海员建设工会"} <= set(unions(f))


def test_enterprise_union_has_no_parent_by_name():
    f = extract_text("常州市总工会向天合光能股份有限公司工会拨付帮扶资金。")
    assert unions(f)["天合光能股份有限公司工会"].parent is None


def test_two_headed_federations():
    f = extract_text("大赛由广东省总工会携手香港工会联合会、澳门工会联合总会共同主办。")
    assert {"香港工会联合会", "澳门工会联合总会"} <= set(unions(f))


# ---------------------------------------------------------------- lexicon
def test_divisions_lexicon():
    d = lexicon.divisions()
    assert d["平罗县"] == (("宁夏回族自治区", "石嘴山市", "平罗县"),)
    assert len(d["鼓楼区"]) == 4
    assert ("北京市", None, "顺义区") in d["顺义"]
    assert lexicon.county_short_forms()["平罗"] == (("宁夏回族自治区", "石嘴山市", "平罗县"),)
    assert "城区" not in d


def test_founded_joint_union_without_a_place():
    f = extract_text("今年，滁州开发区总工会成立全市首家货运物流行业工会联合会，吸纳会员800余人。")
    u = unions(f)
    assert "货运物流行业工会联合会" in u
    assert u["货运物流行业工会联合会"].parent == "滁州开发区总工会"
    assert unions(extract_text("推动成立一批区域性行业性工会联合会。")) == {}
    # the ordinal is no part of the name, whatever the words after it (快递 reads as a verb to jieba),
    # and a name the modifiers leave whole (offset 0) is kept
    assert "快递行业工会联合会" in unions(extract_text("日前，某县成立全县首家快递行业工会联合会，吸纳会员86人。"))
    assert "综合性新业态工会联合会" in unions(extract_text("日前，某区成立全区首家综合性新业态工会联合会。"))


def test_regional_committee_of_a_national_industry_union():
    f = extract_text("中国金融工会西南工作委员会召开全委会，部署年度工作。")
    u = unions(f)
    assert u["中国金融工会西南工作委员会"].parent == "中国金融工会"
    assert parent_of("中国金融工会") == "中华全国总工会"


def test_county_name_that_starts_with_a_function_word():
    f = extract_text("临夏州总工会召开会议，康乐县总工会、和政县总工会作经验交流。")
    u = unions(f)
    assert u["和政县总工会"].parent == "临夏回族自治州总工会"
    assert "州总工会" not in u


def test_short_form_without_the_city_is_the_same_union():
    f = extract_text("宁波市北仑区总工会日前召开全委会。北仑区总工会主席作报告，大碶街道总工会作交流发言。")
    u = unions(f)
    assert set(u) == {"宁波市北仑区总工会", "大碶街道总工会"}
    assert u["大碶街道总工会"].parent == "宁波市北仑区总工会"


def test_street_union_under_the_district_the_text_names():
    f = extract_text("本报讯 近日，东莞市塘厦镇总工会为外来务工人员送去清凉物资。塘厦职工纷纷点赞。")
    assert "东莞市塘厦镇总工会" in unions(f)
    f = extract_text("本报讯 西湖区人大代表走访文新街道总工会，了解西湖区职工服务站建设情况。")
    assert unions(f)["文新街道总工会"].parent == "西湖区总工会"


def test_street_named_after_another_city_stays_in_its_district():
    f = extract_text("沈阳市和平区总工会指导南京南街道总工会开展职工培训，沈阳职工踊跃参加。")
    assert unions(f)["南京南街道总工会"].parent == "沈阳市和平区总工会"


def test_bare_city_union_in_a_county_level_city():
    f = extract_text("昆山市总工会召开全委会。市总工会主席在会上讲话，昆山职工踊跃参与，苏州市总工会派员参加。")
    u = unions(f)
    assert "市总工会" in u["昆山市总工会"].aliases and not u["苏州市总工会"].aliases
    f = extract_text("苏州市人社局与昆山市相关部门召开会议。苏州各区县积极参与，"
                     "市总工会表示将加大投入。苏州职工踊跃参与。")
    assert set(unions(f)) == {"苏州市总工会"}


def test_company_union_with_a_verb_inside_its_name():
    f = extract_text("会上，国网西宁供电公司工会委员会作经验交流，青海省总工会女职工委员会主任出席。")
    assert {"国网西宁供电公司工会", "青海省总工会"} <= set(unions(f))


def test_city_written_after_its_province():
    f = extract_text("广西柳州市总工会联合市人社局举办招聘会。市总工会副主席介绍，共有150家企业参会。")
    u = unions(f)
    assert u["广西柳州市总工会"].parent == "广西壮族自治区总工会"
    assert "市总工会" in u["广西柳州市总工会"].aliases


def test_no_region_no_guess():
    f = extract_text("县委副书记、县总工会主席李强出席，由县总工会、县人社局联合主办。")
    assert unions(f) == {}


def test_bare_industry_union_of_the_region():
    f = extract_text("青海省教育厅联合省教育工会举办教师技能大赛。西宁职工积极参与。")
    u = unions(f)
    assert "省教育工会" in u["青海省教育工会"].aliases
    assert u["青海省教育工会"].parent == "青海省总工会"


def test_zone_short_form_outside_beijing_reports_to_the_city():
    f = extract_text("合肥市人社局联合经开区总工会举办招聘会，合肥职工踊跃参加。")
    assert unions(f)["经开区总工会"].parent == "合肥市总工会"


def test_bare_union_after_a_district_post():
    f = extract_text("苏州市吴中区人大常委会副主任、总工会主席王明出席。吴中区总工会将开展送温暖活动。")
    assert set(unions(f)) == {"吴中区总工会"}
    assert unions(f)["吴中区总工会"].parent == "苏州市总工会"


def test_prefecture_written_after_its_province_and_its_counties():
    f = extract_text("12月5日，贵州省黔东南州总工会在凯里召开推进会。州总工会副主席杨梅指出，全州已发展会员1.2万人。"
                     "凯里市总工会、镇远县总工会作交流发言。")
    u = unions(f)
    assert u["贵州省黔东南州总工会"].parent == "贵州省总工会"
    assert "州总工会" in u["贵州省黔东南州总工会"].aliases
    assert u["镇远县总工会"].parent == "贵州省黔东南州总工会"


def test_bare_prefecture_union_of_a_diqu():
    f = extract_text("近日，阿克苏地区总工会联合地区人社局开展法律宣传。地区总工会法律服务中心为职工答疑300余次。")
    u = unions(f)
    assert set(u) == {"阿克苏地区总工会"} and "地区总工会" in u["阿克苏地区总工会"].aliases
    assert u["阿克苏地区总工会"].parent == "新疆维吾尔自治区总工会"


def test_street_under_the_lowest_place_written_before_it():
    f = extract_text("绍兴市柯桥区华舍街道总工会向区总工会报送年度总结，全年走访困难职工52户。")
    u = unions(f)
    assert u["绍兴市柯桥区华舍街道总工会"].parent == "柯桥区总工会"
    assert u["柯桥区总工会"].parent == "绍兴市总工会"


def test_elided_head_after_a_named_district():
    f = extract_text("本报讯 近日，南充市总工会举办招聘会。南充市顺庆区、高坪区总工会派员参加。")
    u = unions(f)
    assert {"南充市顺庆区总工会", "高坪区总工会"} <= set(u)
    assert u["南充市顺庆区总工会"].parent == "南充市总工会"


def test_bare_new_area_union_needs_a_new_area():
    assert Region("北京市", None, "海淀区").union("新区") is None
    assert Region("上海市", None, "浦东新区").union("新区") == "浦东新区总工会"


def test_a_regions_industry_union_reports_to_the_regions_union():
    # the sector words after a full place name (industry_union_terms), not only after 中国
    f = extract_text("近日，云南省教科文卫体工会召开全委会，曲靖市交通运输工会作交流发言。")
    u = unions(f)
    assert u["云南省教科文卫体工会"].parent == "云南省总工会"
    assert u["曲靖市交通运输工会"].parent == "曲靖市总工会"
    assert union_level("云南省教科文卫体工会") == "industry"
    assert union_level("丽水市总工会") == "city"


def test_a_district_jieba_reads_as_a_name_still_heads_its_street():
    # jieba tags 武侯区 and 玉林 as person names; 玉林 is also a city (广西), here the street's own name
    u = unions(extract_text("近日，武侯区玉林街道总工会召开第一次会员代表大会。"))
    assert u["武侯区玉林街道总工会"].parent == "武侯区总工会"


def test_a_common_word_holding_a_county_short_form_is_no_place():
    # 人力资源 holds 资源 (资源县, 广西): with no other place named, it must not put the article in 广西
    f = extract_text("近日，自治区总工会联合自治区人力资源和社会保障厅举办职工技能大赛。")
    assert not any("广西" in u.name for u in f.unions)
    assert article_region(segment(read_text("近日，市总工会会同人社部门开展职工技能培训。", "t"))).province is None
    # a county's short form that is no common word still names the article's county where nothing else does
    assert article_region(segment(read_text("隆德讯 近日，县总工会举办职工技能大赛。", "t"))).county == "隆德县"
