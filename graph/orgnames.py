"""Full names of the bodies that officials' posts belong to.

News writes a post's body the short way a local reader understands it:
``市委副书记``, ``自治区人大常委会副主任``, ``县委书记``, ``省总工会主席``.  The
body's full name comes from the region the article is about:

* Party committees take 中共 and the place: 市委 → 中共石嘴山市委, 广元市委
  → 中共广元市委, 省委 → 中共辽宁省委, 县委 → 中共平罗县委 (the form of the
  committees' own seals and of Xinhua's style);
* people's congresses, governments and CPPCC committees take the place:
  市人大常委会 → 石嘴山市人大常委会, 自治区人大常委会 → 宁夏回族自治区人大常委会;
* a bare union of a level (市总工会, 省总工会) takes its place too.

The region is read from the article: the places it names (full or short
forms of GB/T 2260 divisions), with a county giving its city and a city its
province (平罗 → 平罗县 → 石嘴山市 → 宁夏回族自治区).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from . import lexicon

#: A body of the Party, the state or the CPPCC written after an optional place and level.
_BODY = re.compile(r"^(?P<party>中共)?(?P<place>[\u4e00-\u9fff]*?)(?P<level>自治区|自治州|省|市|州|盟|县|区|旗)?"
                   r"(?P<body>党委|党工委|纪委|委|人大常委会|人大|人民政府|政府|政协|总工会)$")
#: A department of a level's Party committee or government, written without its place: 市人社局, 市委宣传部.
_DEPT = re.compile(r"^(?P<level>自治区|省|市|州|县|区)(?!.*工会)(?P<rest>(?:委|纪委)?[\u4e00-\u9fff]{1,8}?"
                   r"(?:局|厅|部|办公室|办|委员会|中心|研究室))$")
_LEVEL_OF = {"自治区": "province", "省": "province", "市": "city", "自治州": "city", "州": "city", "盟": "city",
             "县": "county", "区": "county", "旗": "county"}


@dataclass(frozen=True)
class Region:
    """The divisions an article is about, by full name (None where it names none)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None

    def at(self, level: str) -> str | None:
        """The division of a level written before a body: 省/自治区, 市/州/盟, 县/区/旗.

        A 市 of a municipality (北京市) is the province-level division.
        """
        kind = _LEVEL_OF.get(level)
        if kind == "province":
            return self.province if self.province and self.province.endswith(level) else None
        if kind == "city":
            if level == "市" and self.city is None and self.province and self.province.endswith("市"):
                return self.province  # 北京市委 in an article about 北京
            return self.city if self.city and self.city.endswith(level) else None
        if kind == "county":
            return self.county if self.county and self.county.endswith(level) else None
        return None


@cache
def place_forms() -> dict[str, tuple[str, str]]:
    """Written form of a place → (kind, full name): 平罗 → (county, 平罗县)."""
    out: dict[str, tuple[str, str]] = {}

    def put(form: str, kind: str, full: str) -> None:
        if len(form) >= 2 and form not in out:
            out[form] = (kind, full)

    provinces = lexicon.provinces()
    for full, short in provinces.items():
        put(full, "province", full)
        put(short, "province", full)
    for full in lexicon.cities():
        put(full, "city", full)
    for alias, full in lexicon.city_aliases().items():
        put(alias, "city", full)
    counties = lexicon.counties()
    for full in counties:
        put(full, "county", full)
    for full in lexicon.municipal_districts():
        put(full, "county", full)
    places = lexicon.place_names()
    for full in lexicon.cities():
        for suffix in ("市", "盟", "地区"):
            short = full[:-len(suffix)] if full.endswith(suffix) else ""
            if len(short) >= 2 and short in places:  # the place lexicon's short forms, its stoplist applied
                put(short, "city", full)
    for full in counties:
        # a county's or county-level city's short form (平罗县 → 平罗, 张家港市 → 张家港);
        # not a district's: 平安, 城关, 新华 are common words
        if full.endswith(("县", "市")) and not full.endswith("自治县") and len(full) >= 3:
            put(full[:-1], "county", full)
    return out


def _province_of(kind: str, full: str) -> str | None:
    if kind == "province":
        return full
    if kind == "city":
        return lexicon.cities().get(full)
    city = lexicon.counties().get(full)
    if city:
        return lexicon.cities().get(city)
    return lexicon.municipal_districts().get(full)


def _city_of(kind: str, full: str) -> str | None:
    if kind == "city":
        return full
    if kind == "county":
        return lexicon.counties().get(full)
    return None


def region_of(text: str, hints: list[str] = (), masks: list[tuple[int, int]] = ()) -> Region:
    """The province, city and county an article is about.

    Parameters
    ----------
    text : str
        The article's text.
    hints : list of str
        Names that weigh more than a passing mention: the article's unions
        (石嘴山市总工会) and its dateline place.
    masks : list of (int, int)
        Spans of ``text`` that hold no place, whatever they spell: persons'
        names (邢玉山 is no 玉山县).

    Returns
    -------
    Region
        Full names; each level is the one named most often (a full name
        counts twice a short form, hints three times that), a county's city
        and a city's province filling the levels above it where the text
        does not name them.

    Examples
    --------
    >>> region_of("在平罗工业园区调研，树立平罗形象。").city
    '石嘴山市'
    """
    forms = place_forms()
    counts: Counter[tuple[str, str]] = Counter()

    masked = set()
    for a, b in masks:
        masked.update(range(a, b))

    def scan(s: str, weight: int, skip: set[int]) -> None:
        i = 0
        while i < len(s):
            for n in range(min(9, len(s) - i), 1, -1):
                hit = forms.get(s[i:i + n])
                if hit and not skip.intersection(range(i, i + n)):
                    counts[hit] += weight * (2 if s[i:i + n] == hit[1] else 1)
                    i += n
                    break
            else:
                i += 1

    scan(text, 1, masked)
    for h in hints:
        scan(h, 3, set())
    counties = {full: c for (k, full), c in counts.items() if k == "county"}
    # a city's votes include its counties' (an article about 平罗县 that names 银川 once is about 石嘴山);
    # a municipality's districts vote for the municipality, which is province and city at once
    cities: Counter[str] = Counter({full: c for (k, full), c in counts.items() if k == "city"})
    provinces: Counter[str] = Counter({full: c for (k, full), c in counts.items() if k == "province"})
    for full, c in counties.items():
        if _city_of("county", full):
            cities[_city_of("county", full)] += c
        elif _province_of("county", full):
            provinces[_province_of("county", full)] += c
    for full, c in list(cities.items()):
        if _province_of("city", full):
            provinces[_province_of("city", full)] += c
    province = max(provinces, key=lambda f: (provinces[f], f)) if provinces else None
    here = [f for f in cities if province is None or _province_of("city", f) == province]
    city = max(here, key=lambda f: (cities[f], f)) if here else None
    mine = [f for f in counties if (_city_of("county", f) == city if city else _province_of("county", f) == province)]
    county = max(mine, key=lambda f: (counties[f], f)) if mine else None
    return Region(province, city, county)


def body_name(org_text: str, region: Region) -> str | None:
    """The full name of a Party, state or union body written as ``org_text``.

    Parameters
    ----------
    org_text : str
        The body as written before a post: 市委, 广元市委, 自治区人大常委会,
        市总工会.
    region : Region
        What the article is about.

    Returns
    -------
    str or None
        中共石嘴山市委, 中共广元市委, 宁夏回族自治区人大常委会, 广元市总工会;
        None when ``org_text`` is no such body, or its place is not known.

    Examples
    --------
    >>> body_name("广元市委", Region())
    '中共广元市委'
    >>> body_name("市人大常委会", Region("宁夏回族自治区", "石嘴山市", None))
    '石嘴山市人大常委会'
    """
    d = _DEPT.match(org_text)
    if d is not None:  # 市人社局 → 嘉兴市人社局, 市委宣传部 → 中共嘉兴市委宣传部
        full = region.at(d.group("level"))
        if full is None:
            return None
        rest = d.group("rest")
        return f"中共{full}{rest}" if rest.startswith(("委", "纪委")) else f"{full}{rest}"
    m = _BODY.match(org_text)
    if m is None or org_text in ("中共中央", "党中央", "全国人大常委会", "全国人大", "全国政协", "中华全国总工会"):
        return None
    place, level, body = m.group("place"), m.group("level") or "", m.group("body")
    if place.startswith("全国"):
        return None
    if place:
        if not (place + level in place_forms() or place in place_forms()):
            return None
        full = place + level
    else:
        full = region.at(level) if level else None
        if full is None:
            return None
    if body in ("委", "党委", "党工委", "纪委"):
        if body == "党委" and full.endswith("自治区"):
            return f"中共{full}委员会"
        return f"中共{full}{body}"
    return f"{full}{body}"
