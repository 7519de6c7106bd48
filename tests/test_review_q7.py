"""Defects found by the q7 review of the session's rules (invented sentences)."""
from graph.pipeline import extract_text
from graph.text.orgnames import department_in_full


def test_a_department_short_form_written_with_its_place_first_does_not_hide_its_full_name():
    # the short form with its place (青禾市人社局) comes before the full name: look on for the full name
    text = "青禾市人社局联合青禾市人力资源和社会保障局举办招聘会。市人社局副局长某某介绍…"
    assert department_in_full(text, "市人社局", "青禾市人社局") == "青禾市人力资源和社会保障局"


def test_a_department_written_only_in_its_short_form_has_no_full_name():
    text = "青禾市人社局举办招聘会。市人社局副局长某某介绍…"
    assert department_in_full(text, "市人社局", "青禾市人社局") is None


def test_the_longest_form_of_a_centre_is_read_whole_after_its_union():
    # 困难女职工法律援助服务中心: 13 characters, more than the look-back once allowed (12 with 中心)
    text = ("某州工会法律援助\n\n来源:某报  2025-09-10\n\n"
            "3月1日,甘孜藏族自治州总工会召开全委会议,部署全年工作。\n\n"
            "州总工会困难女职工法律援助服务中心今年共办理法律援助案件86件,为女职工挽回经济损失约150万元。")
    facts = extract_text(text, "r1")
    centre = "甘孜藏族自治州总工会困难女职工法律援助服务中心"
    assert centre in {o.name for o in facts.organizations}
    assert {f.text: f.subject for f in facts.figures}["86件"] == centre
