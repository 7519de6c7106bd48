"""Link patterns the held-out figures set (tests/data/heldout-figures) showed the programme
rules missing, one invented sentence each.

Every name, unit and number here is made up for the test; none is copied from the seed,
dev, unseen or held-out texts.
"""
import pytest

from graph.pipeline import extract_text


def _programmes(text: str) -> dict[str, str | None]:
    """Each programme's name and its organiser."""
    return {p.name: p.organizer for p in extract_text(text).programmes}


@pytest.mark.parametrize(("text", "name"), [
    # a company opens the clause after the speaker's union post: the company's fund
    ("职工技能提升\n\n本报讯 宜宾市总工会召开会议。宜宾天成机械有限公司工会主席李强介绍，"
     "公司每年拿出300万元设立技能提升基金。", "技能提升基金"),
    # a group company's own studios
    ("调研\n\n本报讯 宜宾市总工会来到宜宾港务集团调研。据介绍，集团现有劳模创新工作室27个。", "劳模创新工作室"),
    # a sector of the state (not of the unions) builds them
    ("年度会议\n\n本报讯 宜宾市总工会召开会议。会议披露，2024年，全市卫生系统建成“医护之家”230个。", "医护之家"),
    # the union is where the reporter heard it; the sector built them
    ("驿站建设\n\n本报讯（记者 王某）记者从中国能源化学地质工会获悉，截至今年5月底，"
     "全国煤炭系统已建成“矿工驿站”2860个。", "矿工驿站"),
    # a company named after 在 is where the plaque was unveiled, not who runs the studio
    ("慰问\n\n本报讯 慰问组来到宜宾。在宜宾天成机械有限公司，慰问组看望了劳动模范李强，"
     "并为公司新建的劳模创新工作室揭牌。", "劳模创新工作室"),
    # television channels, not a union, put on the programmes
    ("五一宣传\n\n本报讯 四川省总工会开展五一宣传。其中，宜宾、泸州等频道推出“劳动最光荣”等五一特别节目。",
     "劳动最光荣"),
    # the union applied for a recognition the level above confers
    ("工会工作\n\n本报讯 宜宾市总工会召开会议。截至目前，宜宾市总工会成功申报省级劳模创新工作室3家。",
     "劳模创新工作室"),
])
def test_a_body_other_than_a_union_opening_the_clause_leaves_no_organiser(text, name):
    assert _programmes(text)[name] is None


@pytest.mark.parametrize(("text", "name"), [
    # the union's own sector (工会系统), its unions of every level, a union leading the clause
    ("疗休养\n\n本报讯 宜宾市总工会召开会议。2024年，全市工会系统共组织职工疗休养1.2万人次。", "职工疗休养"),
    ("竞赛\n\n本报讯 宜宾市总工会召开会议。去年，全市各级工会开展劳动和技能竞赛300场次。", "劳动和技能竞赛"),
    ("书屋\n\n本报讯 宜宾市总工会召开会议。宜宾市总工会以百人以上企业为重点，开展职工书屋建设。", "职工书屋"),
    # the union names the studios itself
    ("命名\n\n本报讯 宜宾市总工会召开会议。宜宾市总工会今年命名市级劳模创新工作室3家。", "劳模创新工作室"),
])
def test_the_union_s_own_sector_or_a_focus_on_companies_keeps_the_organiser(text, name):
    assert _programmes(text)[name] == "宜宾市总工会"


def test_a_single_quoted_facility_name_inside_a_quoted_speech_is_a_programme():
    text = "骑手服务\n\n本报讯 宜宾市总工会副主席张明说：“我们在全市布设了300余个‘青禾驿站’，深受欢迎。”"
    assert _programmes(text) == {"青禾驿站": "宜宾市总工会"}


def test_a_legal_aid_workstation_is_named_whole():
    text = "法律服务\n\n本报讯 宜宾市总工会在临港经开区设立职工法律援助工作站，为职工提供法律咨询。"
    assert _programmes(text) == {"职工法律援助工作站": "宜宾市总工会"}


def test_quoted_medals_and_cups_counted_by_a_speaker_are_honours_received_by_nobody_named():
    text = ("表彰\n\n本报讯 中国铁路工会召开会议。中国铁路工会主席王长河在讲话中指出，过去一年，"
            "全路共评选“钢轨先锋奖章”获得者300名、“钢轨先锋奖杯”集体60个。")
    awards = {a.name: a.recipients for a in extract_text(text).awards}
    assert awards == {"钢轨先锋奖章": [], "钢轨先锋奖杯": []}


@pytest.mark.parametrize("lead", [
    "本报讯（记者 萨仁其其格 通讯员 高建军）赤峰市总工会日前通报今年前三季度情况。",
    "本报赤峰9月18日电（记者 萨仁其其格）17日，全区职工技能大赛闭幕。",
])
def test_a_five_character_mongolian_name_in_a_byline_is_the_reporter(lead):
    persons = {p.name: [r.title for r in p.roles] for p in extract_text(lead).persons}
    assert persons["萨仁其其格"] == ["记者"]


def test_a_post_at_an_industry_union_written_by_its_level_is_a_post_of_the_one_named_in_full():
    text = ("会议\n\n本报讯 广西壮族自治区教科文卫体工会召开会议。自治区教科文卫体工会主席张丽表示，"
            "全区现有教职工18万人。")
    (person,) = extract_text(text).persons
    assert [(r.title, r.org) for r in person.roles] == [("主席", "广西壮族自治区教科文卫体工会")]


def test_a_regional_department_with_a_long_name_is_named_from_the_region():
    text = ("闭幕\n\n本报讯 广西壮族自治区总工会召开会议。自治区总工会党组书记王海，"
            "自治区人力资源和社会保障厅副厅长李明出席闭幕式。")
    persons = {p.name: [(r.title, r.org) for r in p.roles] for p in extract_text(text).persons}
    assert persons["李明"] == [("副厅长", "广西壮族自治区人力资源和社会保障厅")]
