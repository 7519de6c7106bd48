"""Tests of the general-knowledge lexicons in :mod:`graph.lexicon`."""
from __future__ import annotations

import logging
import re
from importlib import resources

import pytest

from graph import lexicon

DATA = resources.files("graph.lexicon") / "data"
DATA_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".txt", ".tsv")))


def _entries(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


# ---------------------------------------------------------------- files
def test_expected_data_files_present():
    expected = {
        "provinces.tsv", "cities.tsv", "municipal_districts.tsv", "surnames.txt", "posts.txt", "honours.txt",
        "honour_suffixes.txt", "measure_words.tsv", "programme_terms.txt", "programme_tails.txt",
        "union_levels.tsv", "union_aliases.tsv", "not_names.txt", "userdict.txt", "place_short_stoplist.txt",
    }
    assert expected <= set(DATA_FILES)


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_duplicate_lines(name):
    entries = _entries(name)
    dups = sorted({e for e in entries if entries.count(e) > 1})
    assert not dups, f"{name}: duplicate lines {dups[:10]}"


# county names repeat across prefectures (鼓楼区): that file is checked for exact duplicates only
@pytest.mark.parametrize("name", [n for n in DATA_FILES if n.endswith(".tsv") and n != "counties.tsv"])
def test_no_duplicate_keys_in_tsv(name):
    keys = [e.split("\t")[0] for e in _entries(name)]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, f"{name}: duplicate keys {dups[:10]}"


# ---------------------------------------------------------------- places
def test_34_provinces():
    provs = lexicon.provinces()
    assert len(provs) == 34
    assert provs["北京市"] == "北京"
    assert provs["内蒙古自治区"] == "内蒙古"
    assert provs["广西壮族自治区"] == "广西"
    types = lexicon.province_types()
    assert sorted(types.values()).count("直辖市") == 4
    assert sorted(types.values()).count("自治区") == 5
    assert sorted(types.values()).count("特别行政区") == 2
    assert lexicon.province_short_to_full()["新疆"] == "新疆维吾尔自治区"
    assert lexicon.province_abbreviations()["沪"] == "上海市"


def test_cities_cover_the_country():
    cities = lexicon.cities()
    assert len(cities) >= 300
    provs = lexicon.provinces()
    assert all(p in provs for p in cities.values())
    assert cities["广州市"] == "广东省"
    assert cities["延边朝鲜族自治州"] == "吉林省"
    assert cities["兴安盟"] == "内蒙古自治区"
    assert cities["阿里地区"] == "西藏自治区"
    # every province except the municipalities, 台湾, 香港 and 澳门 has prefecture-level cities
    covered = set(cities.values())
    expected = {p for p, t in lexicon.province_types().items() if t in ("省", "自治区")} - {"台湾省"}
    assert expected <= covered
    prefecture = [c for c, t in lexicon.city_types().items() if t in ("副省级市", "地级市", "自治州", "地区", "盟")]
    assert len(prefecture) == 333
    assert sum(t == "副省级市" for t in lexicon.city_types().values()) == 15


def test_city_aliases_point_to_cities():
    cities = lexicon.cities()
    aliases = lexicon.city_aliases()
    assert aliases["延边州"] == "延边朝鲜族自治州"
    assert all(full in cities for full in aliases.values())


def test_municipal_districts():
    districts = lexicon.municipal_districts()
    zones = lexicon.municipal_zones()
    beijing = [d for d, m in districts.items() if m == "北京市" and d not in zones]
    assert len(beijing) == 16
    for muni in ("天津市", "上海市"):
        assert len([d for d, m in districts.items() if m == muni and d not in zones]) == 16
    chongqing = [d for d, m in districts.items() if m == "重庆市" and d not in zones]
    assert len(chongqing) == 38
    assert districts["顺义区"] == "北京市"
    assert districts["朝阳区"] == "北京市"
    assert districts["浦东新区"] == "上海市"
    assert districts["滨海新区"] == "天津市"
    assert districts["渝中区"] == "重庆市"
    assert districts["北京经济技术开发区"] == "北京市"
    # parents are municipalities or prefecture-level cities
    parents = set(lexicon.provinces()) | set(lexicon.cities())
    assert all(m in parents for m in districts.values())


def test_zone_short_forms():
    zs = lexicon.zone_short_forms()
    assert zs["经开区"] == "北京经济技术开发区"
    assert all(full in lexicon.municipal_zones() for full in zs.values())
    assert lexicon.district_aliases()["浦东"] == "浦东新区"


def test_place_names():
    places = lexicon.place_names()
    for name in ("广州市", "广州", "朝阳区", "朝阳", "顺义", "浦东新区", "浦东", "北京", "内蒙古", "延边州",
                 "大兴安岭", "经开区", "石柱"):
        assert name in places, name
    assert all(len(p) >= 2 for p in places)
    assert "浦东新" not in places
    assert "大兴" not in places  # common word (大兴调查研究): on the stoplist
    assert "大兴区" in places


# ---------------------------------------------------------------- people
def test_surnames():
    s = lexicon.surnames()
    assert len([x for x in s if len(x) == 1]) >= 500
    for name in ("王", "李", "张", "欧阳", "司马", "上官", "诸葛"):
        assert name in s


def test_posts_longest_first():
    posts = lexicon.posts()
    assert len(posts) >= 80
    assert [len(p) for p in posts] == sorted((len(p) for p in posts), reverse=True)
    for p in ("主席", "副主席", "常务副主席", "党组书记", "经审会主任", "一级巡视员", "记者"):
        assert p in posts
    assert posts.index("常务副主席") < posts.index("副主席") < posts.index("主席")


def test_not_names():
    nn = lexicon.not_names()
    assert all(len(w) >= 2 for w in nn)
    for w in ("拓宽", "施策", "高素质", "严格", "常态化", "文明", "高度", "张贴", "周边", "方案", "马上"):
        assert w in nn, w
    assert not nn & lexicon.surnames()


# ---------------------------------------------------------------- honours, figures, programmes
def test_honours():
    hs = lexicon.honours()
    assert len(hs) >= 50
    assert [len(h) for h in hs] == sorted((len(h) for h in hs), reverse=True)
    for h in ("全国劳动模范", "全国五一劳动奖章", "工人先锋号", "大国工匠", "中华技能大奖"):
        assert h in hs
    tails = lexicon.honour_suffixes()
    assert {"劳动模范", "五一劳动奖章", "工匠", "大工匠"} <= set(tails)


def test_measure_words():
    mw = lexicon.measure_words()
    assert len(mw) >= 50
    assert mw["人次"] == "person-time"
    assert mw["人"] == "person"
    assert mw["元"] == mw["万元"] == "yuan"
    assert mw["%"] == "percent"
    assert mw["百分点"] == "skip"
    assert mw["个"] == mw["场次"] == "count"
    for w in ("年", "月", "日", "天", "小时", "分钟", "周", "周年", "岁", "届"):
        assert mw[w] == "skip", w
    assert set(mw.values()) <= lexicon.MEASURE_CLASSES


def test_programmes():
    terms = lexicon.programme_terms()
    for t in ("职工之家", "职工书屋", "送温暖", "金秋助学", "12351热线", "安康杯竞赛"):
        assert t in terms
    tails = lexicon.programme_tails()
    assert [len(t) for t in tails] == sorted((len(t) for t in tails), reverse=True)
    assert {"活动", "主题活动", "专项行动", "技能大赛", "工作室"} <= set(tails)


# ---------------------------------------------------------------- unions
def test_union_levels():
    levels = lexicon.union_levels()
    assert [len(p) for p, _, _ in levels] == sorted((len(p) for p, _, _ in levels), reverse=True)
    table = {p: (lvl, parent) for p, lvl, parent in levels}
    assert table["中华全国总工会"] == ("national", "-")
    assert table["省总工会"] == ("provincial", "national")
    assert table["北京市总工会"] == ("provincial", "national")
    assert table["市总工会"] == ("city", "provincial")
    assert table["区总工会"] == ("district", "city")
    assert table["街道总工会"] == ("street", "district")

    def level_of(name: str) -> str:
        return next(lvl for p, lvl, _ in levels if name.endswith(p))

    assert level_of("上海市总工会") == "provincial"
    assert level_of("广州市总工会") == "city"
    assert level_of("朝阳区总工会") == "district"
    assert level_of("建外街道总工会") == "street"
    assert level_of("西城区金融街地区办事处总工会") == "street"


def test_union_aliases():
    aliases = lexicon.union_aliases()
    assert aliases["全总"] == "中华全国总工会"
    assert aliases["全国总工会"] == "中华全国总工会"


# ---------------------------------------------------------------- jieba
def test_userdict_format():
    path = lexicon.userdict_path()
    assert path.is_file()
    for line in path.read_text(encoding="utf-8").splitlines():
        assert re.fullmatch(r"\S+ \d+ [a-z]+", line), line


def test_jieba_keeps_domain_terms_whole():
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(str(lexicon.userdict_path()))
    words = jieba.lcut("市总工会举办职工之家建设推进会")
    assert "总工会" in words
    assert "职工之家" in words
    assert "常务副主席" in jieba.lcut("区总工会常务副主席主持会议")
    assert "全国五一劳动奖章" in jieba.lcut("他荣获全国五一劳动奖章")


# ---------------------------------------------------------------- counties
def _county_rows() -> list[list[str]]:
    return [line.split("\t") for line in _entries("counties.tsv")]


def test_counties_file_parses():
    rows = _county_rows()
    assert len(rows) >= 1800
    assert all(len(row) == 3 and all(f.strip() == f and f for f in row) for row in rows)
    lines = _entries("counties.tsv")
    assert len(lines) == len(set(lines)), "a line is repeated exactly"


def test_counties_parents_exist():
    cities, provs = lexicon.cities(), lexicon.provinces()
    rows = _county_rows()
    assert {pref for _, pref, _ in rows} <= set(cities)
    assert {prov for _, _, prov in rows} <= set(provs)
    assert all(cities[pref] == prov for _, pref, prov in rows)
    # the municipalities' districts live in municipal_districts.tsv, not here
    assert not {prov for _, _, prov in rows} & {"北京市", "天津市", "上海市", "重庆市"}
    assert set(lexicon.counties().values()) <= set(cities)


def test_counties_map_to_prefecture():
    counties = lexicon.counties()
    assert counties["正定县"] == "石家庄市"
    assert counties["昆山市"] == "苏州市"
    assert counties["义乌市"] == "金华市"
    assert counties["林州市"] == "安阳市"
    assert counties["勐海县"] == "西双版纳傣族自治州"


def test_ambiguous_counties_left_out():
    counties, ambiguous = lexicon.counties(), lexicon.ambiguous_counties()
    for name in ("鼓楼区", "新华区", "铁西区", "朝阳区", "城区"):
        assert name in ambiguous, name
        assert name not in counties, name
    assert not ambiguous & set(counties)
    assert len(counties) + len(ambiguous) == len({row[0] for row in _county_rows()})
