"""Defects found by the q7 review of the session's rules (invented sentences)."""
from graph.text.orgnames import department_in_full


def test_a_department_short_form_written_with_its_place_first_does_not_hide_its_full_name():
    # the short form with its place (青禾市人社局) comes before the full name: look on for the full name
    text = "青禾市人社局联合青禾市人力资源和社会保障局举办招聘会。市人社局副局长某某介绍…"
    assert department_in_full(text, "市人社局", "青禾市人社局") == "青禾市人力资源和社会保障局"


def test_a_department_written_only_in_its_short_form_has_no_full_name():
    text = "青禾市人社局举办招聘会。市人社局副局长某某介绍…"
    assert department_in_full(text, "市人社局", "青禾市人社局") is None
