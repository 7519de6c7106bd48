"""Link patterns the sixth held-out figures set (tests/data/heldout-q6-figures) showed the link rules missing,
one invented sentence each.

Every name, unit and number here is made up for the test; none is copied from the seed,
dev, unseen or held-out texts.
"""
from test_links_q4 import _programmes, _roles, _unions  # programmes, posts, unions by name

from graph.pipeline import annotate
from graph.text.read import read_text


# ---------------------------------------------------------------- programmes
def test_a_quoted_theme_after_weirao_is_a_programme():
    progs = _programmes("本报讯 今年以来，安顺市总工会女职工委员会围绕“芳华建新业”主题，组织女职工开展岗位练兵。")
    assert any("芳华建新业" == n or "芳华建新业" in a for n, (a, _) in progs.items())


def test_a_quoted_service_after_a_verb_is_a_programme():
    progs = _programmes("本报讯 今年，铜川市总工会为全市3000名一线女职工免费开展“乳腺”筛查，"
                        "并开展“职工口腔义检”服务1200人次。")
    names = {n.replace("“", "").replace("”", "") for n in progs}
    assert "乳腺筛查" in names
    assert "职工口腔义检服务" in names


def test_a_system_named_with_its_place_opens_a_contest_name():
    progs = _programmes("本报讯 5月8日，由云南省农林工会主办的云南农垦系统第五届职工职业技能大赛在景洪市开幕。")
    assert "云南农垦系统第五届职工职业技能大赛" in progs


def test_a_count_of_new_demonstration_sites_after_a_year_is_no_programme():
    progs = _programmes("本报讯 全市已建成职工书屋120家，其中2025年新建全国级示范点3家、省级示范点6家。")
    assert not any(n.startswith("2025年新建") for n in progs)


def test_a_quoted_theme_before_a_party_campaign_is_not_cut_at_zhuti():
    progs = _programmes("本报讯 今年，宜宾市总工会围绕“守正创新、砥砺前行”主题教育，推进各项工作。")
    assert "守正创新、砥砺前行" not in progs


def test_a_quoted_name_and_the_same_name_with_huodong_are_one_programme():
    progs = _programmes("本报讯 2月12日，河池市总工会举行“春送岗位”专场启动仪式。市总工会主席说，"
                        "自2018年开展春送岗位活动以来，全市累计提供岗位3000个。")
    assert "春送岗位活动" not in progs
    assert "春送岗位活动" in progs["春送岗位"][0]


# ---------------------------------------------------------------- unions
def test_zuzhi_after_a_named_union_is_its_verb():
    unions = _unions("本报讯 6月3日，台州市总工会召开会议。椒江区海门老街商圈工会组织商圈内20家商户的职工开展读书会。")
    assert unions["椒江区海门老街商圈工会"][1] is None  # a grassroots union: its parent only where the text says


def test_zuzhi_after_a_generic_union_is_still_no_union():
    unions = _unions("本报讯 台州市总工会要求，基层工会组织职工开展读书会，企业工会组织建设要加强。")
    assert set(unions) <= {"台州市总工会"}


# ---------------------------------------------------------------- persons
def test_a_four_character_yi_name_with_the_zhe_surname_after_a_post():
    roles = _roles("本报讯 1月5日，楚雄州总工会召开全委会。州总工会党组书记、常务副主席者木阿依表示，要做好帮扶工作。"
                   "州总工会副主席者玉兰说，要抓好落实。")
    assert roles["者木阿依"] == {("党组书记", "楚雄彝族自治州总工会"), ("常务副主席", "楚雄彝族自治州总工会")}
    assert roles["者玉兰"] == {("副主席", "楚雄彝族自治州总工会")}


def test_a_quoted_service_that_is_a_lexicon_term_unquoted_is_a_network_as_the_term_is():
    # “两癌”筛查 written with quotes: the same service network as the unquoted lexicon term (the figures
    # after it are the union's that provides it, not the network's)
    article = annotate(read_text("本报讯 今年，铜川市总工会为全市3000名一线女职工免费开展“两癌”筛查。", "t"))
    progs = [m for m in article.of_kind("programme") if "两癌" in m.text]
    assert progs and all(m.attrs["network"] for m in progs)
