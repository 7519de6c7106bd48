"""Link patterns the seventh held-out links set (tests/data/heldout-q7-links) showed the rules missing,
one invented sentence each.

Every name, unit and number here is made up for the test; none is copied from the seed,
dev, unseen or held-out texts.
"""
from test_links_q4 import _programmes, _roles, _unions  # posts, unions' forms and parents, programmes

from graph.pipeline import extract_text


def _names(text: str) -> set[str]:
    return {p.name for p in extract_text(text).persons}


# ---------------------------------------------------------------- names
def test_manchu_surname_zhao_after_a_post():
    roles = _roles("本报讯 3月6日，丹东市总工会副主席肇秀芝到宽甸县走访困难职工，了解他们的生活情况。")
    assert roles["肇秀芝"] == {("副主席", "丹东市总工会")}


def test_manchu_surname_na_only_after_a_post():
    text = ("本报讯 5月8日，营口市总工会召开会议。市总工会副主席那立群出席并讲话。"
            "那些年轻职工说，那天的活动很好。")
    roles = _roles(text)
    assert roles["那立群"] == {("副主席", "营口市总工会")}
    assert not any(n.startswith("那") and n != "那立群" for n in roles)


def test_a_surname_and_a_post_name_a_person_again_not_a_new_one():
    text = ("本报讯 9月3日，四平市总工会主席吕文昌到企业调研。吕主席一行走访了三家企业。"
            "据吕主席介绍，全市新建工会驿站12个。")
    assert _names(text) == {"吕文昌"}


# ---------------------------------------------------------------- unions written several ways
def test_the_new_term_of_a_union_committee_is_not_part_of_its_name():
    text = ("鑫源物流集团工会召开会员代表大会\n\n本报讯 6月2日，辽宁鑫源物流集团有限公司工会召开会员代表大会，"
            "高雪松当选集团工会主席。新一届集团工会委员会将深化“安康杯”竞赛。")
    unions = _unions(text)
    assert set(unions) == {"辽宁鑫源物流集团有限公司工会"}
    assert _programmes(text)["“安康杯”竞赛"][1] == "辽宁鑫源物流集团有限公司工会"


# ---------------------------------------------------------------- programmes and awards
def test_womens_care_rooms_and_womens_illness_insurance_are_programmes():
    text = ("本报讯 3月5日，铜陵市总工会召开女职工工作会议。今年市总工会新建女职工关爱室15个，"
            "并将女职工特殊疾病互助保障覆盖到全市非公企业。")
    progs = _programmes(text)
    assert progs["女职工关爱室"][1] == "铜陵市总工会"
    assert progs["女职工特殊疾病互助保障"][1] == "铜陵市总工会"


def test_a_legal_aid_centre_is_no_legal_aid_programme():
    text = "本报讯 记者从巢湖市总工会获悉，市职工法律援助中心今年受理欠薪案件46件，为职工追回工资80万元。"
    assert "职工法律援助" not in _programmes(text)


def test_a_quoted_model_home_conferred_on_unions_is_an_award():
    text = ("本报讯 12月1日，盘锦市教育工会召开全委会。会议表彰了盘锦市第二中学工会等6个“模范职工之家”"
            "和15名优秀工会工作者。")
    f = extract_text(text)
    assert "模范职工之家" not in {p.name for p in f.programmes}
    assert "模范职工之家" in {a.name for a in f.awards}
