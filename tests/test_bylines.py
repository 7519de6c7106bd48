"""Bylines in their common forms, and the dateline: sentences written for these tests."""
import pytest

from graph.pipeline import extract_text
from graph.text.bylines import parse_credits
from graph.text.read import read_text
from graph.text.segment import segment
from graph.text.when import find_dateline


def credited(text: str) -> list[tuple[str, str]]:
    return [(n, t) for n, t, _ in segment(read_text(text, "t")).bylines]


def roles(facts, name):
    p = next(p for p in facts.persons if p.name == name)
    return {(r.title, r.org) for r in p.roles}


@pytest.mark.parametrize("text, expected", [
    # 本报讯（记者 X 通讯员 Y）
    ("职工书屋落户园区\n\n本报讯（记者 罗海峰 通讯员 简宁）日前，某区总工会在园区建成职工书屋。",
     [("罗海峰", "记者"), ("简宁", "通讯员")]),
    # 本报某地某月某日电（记者 X）
    ("本报昆明3月5日电（记者 范晓雯）云南省总工会今天启动春风行动。", [("范晓雯", "记者")]),
    # a bare name in a dateline bracket is the reporter
    ("中新网福州8月9日电(邱志远) 福建省总工会举办技能大赛。", [("邱志远", "记者")]),
    # a medium's name glued to 记者, two names separated by a space
    ("某省网5月2日讯 据某省日报报道(某省日报记者 孔令珊 蒋文博)全省新建工会驿站百余家。",
     [("孔令珊", "记者"), ("蒋文博", "记者")]),
    # a lead without brackets
    ("本报讯 记者 宁可欣 通讯员 卓越 日前，市总工会召开全委会议。", [("宁可欣", "记者"), ("卓越", "通讯员")]),
    # □本报记者 X, names on their own line
    ("标题一行\n\n□本报记者 司马青 柏玉成\n\n正文第一段，内容如下。", [("司马青", "记者"), ("柏玉成", "记者")]),
    # □通讯员 … 记者 … 报道, given names without surnames
    ("标题一行\n\n□通讯员 晓东 嘉禾 记者 春燕 报道\n\n本报讯 全省职工参加活动。",
     [("晓东", "通讯员"), ("嘉禾", "通讯员"), ("春燕", "记者")]),
    # a trailing credit at the end of the text
    ("市总工会开展送清凉活动，为一线职工送去防暑物品。\n\n活动覆盖全市各区县。（通讯员 费雪松）",
     [("费雪松", "通讯员")]),
    ("市总工会开展送清凉活动，为一线职工送去防暑物品。（甘露）(完)", [("甘露", "记者")]),
    # a credit line at the end
    ("市总工会开展送清凉活动，为一线职工送去防暑物品。\n\n记者 滕飞燕", [("滕飞燕", "记者")]),
    # photo credits
    ("劳模工匠走进校园。\n\n图为活动现场。（记者 闻人杰 摄）\n\n活动持续三天。", [("闻人杰", "记者")]),
    ("劳模工匠走进校园。\n\n图为活动现场。（尹浩然 摄）\n\n活动持续三天。", [("尹浩然", "摄影")]),
    # 文/图 X, 作者 and editor lines
    ("劳模工匠走进校园\n\n文/图 郝思佳\n\n活动持续三天，学生们收获满满。", [("郝思佳", "作者")]),
    ("劳模工匠走进校园，活动持续三天，学生们收获满满。\n\n作者：路遥远\n\n责任编辑：钟秀",
     [("路遥远", "作者"), ("钟秀", "责任编辑")]),
    # a medium before 记者, on a line of its own or in a lead
    ("标题一行\n\n某某日报-某某网记者 柏青 通讯员 房小雨\n\n正文内容，很多。",
     [("柏青", "记者"), ("房小雨", "通讯员")]),
    ("标题一行\n\n新华社记者 柏青\n\n正文内容，很多。", [("柏青", "记者")]),
    # a photo credit closing a caption, or alone on its line
    ("正文内容，很多。\n\n图为活动现场。 记者 柏青/摄\n\n正文。", [("柏青", "记者")]),
    ("正文内容，很多。\n\n柏青 摄", [("柏青", "摄影")]),
    # a source line that goes on to its author
    ("正文内容，很多。\n\n来源：某某日报 作者：柏青", [("柏青", "作者")]),
    # given names only where a title introduces them
    ("正文内容，很多。(柏青 房小雨)", [("柏青", "记者"), ("房小雨", "记者")]),
])
def test_byline_forms(text, expected):
    assert credited(text) == expected


@pytest.mark.parametrize("text", [
    "记者从会上获悉，全市新建工会组织120家。",
    "活动现场（见下图）气氛热烈，职工纷纷点赞。",
    "来源：某某日报\n\n市总工会开展活动。",
    "全市职工踊跃参加。（完）",
    "记者手记\n\n这是一段正文，写了很多内容。",
    "正文内容，很多。\n\n(作者单位：某某公司)",
    "正文内容，很多。\n\n现场拍摄",
    "市总工会开展活动。（见习）",
    "活动在江苏举行，职工踊跃参加。（张家港）",
    "全年慰问困难职工1200人。（单位：万元）",
])
def test_prose_is_no_byline(text):
    assert credited(text) == []


def test_only_reporters_and_authors_are_creators():
    f = extract_text("标题一行\n\n本报讯（记者 罗海峰 通讯员 简宁）日前，某区总工会在园区建成职工书屋。")
    assert f.creators == ["罗海峰"]
    assert roles(f, "罗海峰") == {("记者", None)}
    assert roles(f, "简宁") == {("通讯员", None)}


def test_dateline_place_and_publisher():
    # one reader of datelines (graph.text.when): the bylines around it are this module's
    d = find_dateline("新华社银川7月3日专电（记者 和平安）宁夏回族自治区总工会发布消息。")
    assert (d.place, d.publisher) == ("银川", "新华社")
    d = find_dateline("某某网6月1日讯（记者 和平安）全市工会开展活动。")
    assert (d.place, d.publisher) == (None, "某某网")
    a = segment(read_text("新华社银川7月3日专电（记者 和平安）宁夏回族自治区总工会发布消息。", "t"))
    assert [(n, t) for n, t, _ in a.bylines] == [("和平安", "记者")]


def test_a_credit_line_is_not_the_title():
    a = segment(read_text("市总工会开展送清凉活动，为一线职工送去防暑物品。\n\n记者 滕飞燕", "t"))
    assert a.title != "记者 滕飞燕"


def test_parse_credits_rejects_prose():
    assert parse_credits("记者了解到情况") is None
    assert parse_credits("完", "记者") is None
    assert parse_credits("记者 张伟 通讯员 李娜") == [("张伟", "记者", 3), ("李娜", "通讯员", 10)]
