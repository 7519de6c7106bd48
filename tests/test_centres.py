"""A union's service centre (某区职工法律援助中心, 某州总工会职工服务中心) is an organisation: its figures are
about it, its 主任 holds a post at it, and a later 区…中心 or 中心 names the same centre (invented sentences)."""
from graph.pipeline import extract_text


def _subjects(facts):
    return {f.text: f.subject for f in facts.figures}


def test_a_centre_after_a_bare_union_is_named_with_the_union_and_is_the_subject_of_its_figures():
    text = ("甘孜州总工会召开全委会议\n\n"
            "来源:某报  2025-03-02\n\n"
            "3月1日,甘孜藏族自治州总工会召开全委会议。\n\n"
            "州总工会职工服务中心主任卓玛拉姆介绍,中心开通的职工服务热线三年来接待职工咨询1500余人次,"
            "办理互助保障理赔430件。")
    facts = extract_text(text, "c1")
    centre = "甘孜藏族自治州总工会职工服务中心"
    assert centre in {o.name for o in facts.organizations}
    s = _subjects(facts)
    assert s["1500余人次"] == centre and s["430件"] == centre
    roles = {(p.name, r.title, r.org) for p in facts.persons for r in p.roles}
    assert ("卓玛拉姆", "主任", centre) in roles


def test_a_centre_after_its_place_is_the_subject_and_its_bare_form_is_the_same_entity():
    text = ("某区工会法律援助\n\n"
            "来源:某报  2025-09-10\n\n"
            "记者从重庆市江北区总工会获悉,今年1至8月,江北区职工法律援助中心共办理法律援助案件86件,"
            "为职工挽回经济损失约150万元。其中,涉及建筑工人的案件40件。\n\n"
            "区总工会副主席、区职工法律援助中心主任王立新介绍,区总工会还将开展法律服务进园区活动。")
    facts = extract_text(text, "c2")
    centre = "江北区职工法律援助中心"
    orgs = {o.name: o for o in facts.organizations}
    assert centre in orgs and "区职工法律援助中心" not in orgs
    s = _subjects(facts)
    assert s["86件"] == centre and s["约150万元"] == centre and s["40件"] == centre
    roles = {(p.name, r.title, r.org) for p in facts.persons for r in p.roles}
    assert ("王立新", "主任", centre) in roles


def test_other_centres_and_centres_as_places_are_no_subjects():
    text = ("某县工会就业服务\n\n"
            "来源:某报  2025-02-20\n\n"
            "2月19日,某县总工会在长沙市职工服务中心举办专场招聘会,提供岗位300个。"
            "县总工会依托县级工会职工服务中心开展技能培训1200人次。社区服务中心接待居民800人次。")
    facts = extract_text(text, "c3")
    orgs = {o.name for o in facts.organizations}
    assert "长沙市职工服务中心" in orgs                      # where the fair is held: an organisation, not its agent
    assert not any(o.endswith(("县级工会职工服务中心", "社区服务中心")) for o in orgs)
    s = _subjects(facts)
    assert s["300个"] != "长沙市职工服务中心"
    assert "中心" not in (s["1200人次"] or "")


def test_a_unions_centre_without_whom_it_serves_and_a_help_and_service_centre():
    text = ("某市工会帮扶\n\n"
            "来源:某报  2025-01-20\n\n"
            "2024年,泸州市总工会法律援助中心办理案件65件。县总工会依托叙永县困难职工帮扶服务中心"
            "走访职工300人次。江阳区法律援助中心办理案件40件。")
    facts = extract_text(text, "c4")
    orgs = {o.name for o in facts.organizations}
    assert "泸州市总工会法律援助中心" in orgs and "叙永县困难职工帮扶服务中心" in orgs
    assert "江阳区法律援助中心" not in orgs                  # a legal aid centre of the state, no union's
    assert _subjects(facts)["65件"] == "泸州市总工会法律援助中心"


def test_a_centres_union_and_a_title_naming_a_centre_are_no_centre():
    text = ("某市工会\n\n"
            "来源:某报  2025-01-22\n\n"
            "泸州市职工服务中心工会成立,首批会员42名。泸州市总工会印发《泸州市职工服务中心管理办法》。")
    facts = extract_text(text, "c5")
    assert "泸州市职工服务中心" not in {o.name for o in facts.organizations}


def test_a_later_centre_after_a_time_word_refers_back_but_a_centres_word_does_not():
    text = ("某州工会法律援助\n\n"
            "来源:某报  2025-01-25\n\n"
            "1月24日,记者从凉山彝族自治州总工会获悉,州总工会职工法律援助中心主任阿依介绍,"
            "中心组学习会已召开12次。今年中心共办理法律援助案件58件。")
    facts = extract_text(text, "c6")
    centre = "凉山彝族自治州总工会职工法律援助中心"
    s = _subjects(facts)
    assert s["58件"] == centre
    assert s["12次"] != centre                               # 中心组: a study group, no reference back
