"""General-knowledge lexicons used by the extractor.

Every lexicon is a UTF-8 data file in ``graph/lexicon/data/`` (one entry a
line, ``#`` starts a comment line, columns separated by tabs) read through
:func:`importlib.resources.files`, so the package works from a wheel as well
as from the source tree.  The files must be shipped as package data
(``[tool.setuptools.package-data] graph = ["lexicon/data/*"]`` in
``pyproject.toml``).

The lexicons hold general knowledge only -- administrative divisions, union
levels, post titles, national honour names, measure words, surnames -- and
no names of people, organisations or programmes taken from news articles.
Each loader is cached, so the files are read once per process; the returned
objects are shared and must not be mutated.
"""
from __future__ import annotations

import pathlib
import shutil
import tempfile
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

__all__ = [
    "ambiguous_counties",
    "cities",
    "city_aliases",
    "city_types",
    "counties",
    "county_short_forms",
    "district_aliases",
    "divisions",
    "honour_suffixes",
    "honours",
    "industry_union_terms",
    "measure_words",
    "municipal_districts",
    "municipal_zones",
    "not_names",
    "place_names",
    "posts",
    "programme_tails",
    "programme_terms",
    "province_abbreviations",
    "province_aliases",
    "province_short_to_full",
    "province_types",
    "provinces",
    "mongolian_name_parts",
    "surnameless_given_names",
    "surnames",
    "tibetan_name_parts",
    "turkic_name_parts",
    "union_aliases",
    "union_levels",
    "userdict_path",
    "zone_short_forms",
]

#: Kinds of rows in ``municipal_districts.tsv`` that are functional areas, not divisions.
_ZONE_KIND = "功能区"
#: Generic suffixes stripped to form short place names, longest first.
_STRIP_SUFFIXES = ("地区", "市", "区", "县", "盟")
#: Endings after which nothing is stripped (浦东新区 is not 浦东新; its short form is listed).
_NO_STRIP_ENDINGS = ("新区", "林区", "自治州", "自治县", "自治区", "特别行政区")
#: Classes allowed in ``measure_words.tsv``.
MEASURE_CLASSES = frozenset({"person", "person-time", "yuan", "percent", "count", "skip"})


# ---------------------------------------------------------------- reading
def _resource(name: str) -> Traversable:
    return resources.files("graph.lexicon") / "data" / name


def _rows(name: str) -> list[list[str]]:
    """Non-comment, non-blank lines of a data file, split on tabs.

    Trailing empty columns are kept as empty strings up to the last tab
    written; surrounding spaces of each field are removed.
    """
    rows = []
    for line in _resource(name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([field.strip() for field in line.split("\t")])
    return rows


def _words(name: str) -> list[str]:
    """First column of every row of a data file, in file order."""
    return [row[0] for row in _rows(name)]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    """Unique ``words``, longest first, then in file order."""
    unique = list(dict.fromkeys(words))
    return tuple(sorted(unique, key=len, reverse=True))


def _col(row: list[str], i: int) -> str:
    return row[i] if len(row) > i else ""


def _split(field: str) -> list[str]:
    return [x.strip() for x in field.replace("，", ",").split(",") if x.strip()]


# ---------------------------------------------------------------- provinces
@cache
def provinces() -> dict[str, str]:
    """The 34 provincial-level divisions: full name → short name.

    Returns
    -------
    dict of str to str
        ``{"北京市": "北京", "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", ...}``
        (23 provinces including 台湾省, 5 autonomous regions, 4 municipalities,
        2 special administrative regions).

    References
    ----------
    GB/T 2260, codes for the administrative divisions of the People's Republic
    of China (``data/provinces.tsv``).
    """
    return {row[0]: row[1] for row in _rows("provinces.tsv")}


@cache
def province_short_to_full() -> dict[str, str]:
    """Short name of a provincial-level division → its full name.

    Returns
    -------
    dict of str to str
        ``{"北京": "北京市", "广西": "广西壮族自治区", ...}``.

    References
    ----------
    GB/T 2260 administrative division codes (``data/provinces.tsv``).
    """
    return {short: full for full, short in provinces().items()}


@cache
def province_types() -> dict[str, str]:
    """Full name of a provincial-level division → its type.

    Returns
    -------
    dict of str to str
        Type is one of ``省``, ``自治区``, ``直辖市``, ``特别行政区``.

    References
    ----------
    GB/T 2260 administrative division codes (``data/provinces.tsv``).
    """
    return {row[0]: row[2] for row in _rows("provinces.tsv")}


@cache
def province_abbreviations() -> dict[str, str]:
    """One-character abbreviation (简称) → full province name.

    Returns
    -------
    dict of str to str
        ``{"京": "北京市", "沪": "上海市", "粤": "广东省", ...}``; a province may
        have two (``川``/``蜀``).  These are single characters and so are not
        part of :func:`place_names`.

    References
    ----------
    GB/T 2260 administrative division codes, whose table gives the
    abbreviation of each provincial-level division (``data/provinces.tsv``).
    """
    out: dict[str, str] = {}
    for row in _rows("provinces.tsv"):
        for abbr in _split(_col(row, 3)):
            out.setdefault(abbr, row[0])
    return out


@cache
def province_aliases() -> dict[str, str]:
    """Literary or descriptive names of provinces → full name.

    Returns
    -------
    dict of str to str
        ``{"齐鲁": "山东省", "三秦": "陕西省", "首都": "北京市", "巴渝": "重庆市", ...}``,
        as used in regional honour names (齐鲁大工匠, 三秦工匠, 首都劳动奖章).

    References
    ----------
    General knowledge of the traditional names of Chinese provinces
    (``data/provinces.tsv``, last column).
    """
    out: dict[str, str] = {}
    for row in _rows("provinces.tsv"):
        for alias in _split(_col(row, 4)):
            out.setdefault(alias, row[0])
    return out


# ---------------------------------------------------------------- cities
@cache
def cities() -> dict[str, str]:
    """Prefecture-level divisions (and units directly under a province) → province.

    Returns
    -------
    dict of str to str
        City full name → province full name: ``{"广州市": "广东省",
        "延边朝鲜族自治州": "吉林省", "兴安盟": "内蒙古自治区", ...}``.  Besides the
        333 prefecture-level divisions (地级市, 自治州, 地区, 盟) it holds the
        county-level units a province administers directly (济源市, 仙桃市,
        海南's 省直辖县, 新疆's 兵团 cities) and 雄安新区, whose unions report
        straight to the provincial union; see :func:`city_types`.

    References
    ----------
    GB/T 2260 administrative division codes, as of 2023 (``data/cities.tsv``).
    """
    return {row[0]: row[1] for row in _rows("cities.tsv")}


@cache
def city_types() -> dict[str, str]:
    """City full name → type of division.

    Returns
    -------
    dict of str to str
        Type is one of ``副省级市`` (the 15 sub-provincial cities), ``地级市``,
        ``自治州``, ``地区``, ``盟``, ``省直辖县级市``, ``省直辖县``, ``林区``,
        ``国家级新区``.

    References
    ----------
    GB/T 2260 administrative division codes (``data/cities.tsv``).
    """
    return {row[0]: _col(row, 2) for row in _rows("cities.tsv")}


@cache
def city_aliases() -> dict[str, str]:
    """Other common forms of city names → full name.

    Returns
    -------
    dict of str to str
        ``{"延边州": "延边朝鲜族自治州", "延边": "延边朝鲜族自治州", "巴州": "巴音郭楞蒙古自治州", ...}``.

    References
    ----------
    General knowledge of the usual short forms of autonomous prefectures and
    counties (``data/cities.tsv``, last column).
    """
    out: dict[str, str] = {}
    for row in _rows("cities.tsv"):
        for alias in _split(_col(row, 3)):
            out.setdefault(alias, row[0])
    return out


# ---------------------------------------------------------------- municipalities
@cache
def municipal_districts() -> dict[str, str]:
    """Districts, counties and functional areas → the municipality (or city) they belong to.

    Returns
    -------
    dict of str to str
        ``{"朝阳区": "北京市", "顺义区": "北京市", "浦东新区": "上海市",
        "北京经济技术开发区": "北京市", ...}``: every district and county of
        北京, 天津, 上海 and 重庆, their well-known functional areas, and a
        general list of national-level zones elsewhere mapped to the
        prefecture-level city whose union they report to (苏州工业园区 →
        苏州市).  :func:`municipal_zones` tells the functional areas apart.

    References
    ----------
    GB/T 2260 administrative division codes, as of 2023, and the State
    Council's lists of national-level new areas and development zones
    (``data/municipal_districts.tsv``).
    """
    return {row[0]: row[1] for row in _rows("municipal_districts.tsv")}


@cache
def municipal_zones() -> frozenset[str]:
    """Full names of the functional areas in :func:`municipal_districts`.

    Returns
    -------
    frozenset of str
        Development zones, new areas, free-trade zones (北京经济技术开发区,
        中新天津生态城, 苏州工业园区 ...), i.e. the entries that are not
        administrative districts or counties.

    References
    ----------
    State Council lists of national-level new areas and development zones
    (``data/municipal_districts.tsv``, kind ``功能区``).
    """
    return frozenset(row[0] for row in _rows("municipal_districts.tsv") if _col(row, 3) == _ZONE_KIND)


@cache
def zone_short_forms() -> dict[str, str]:
    """Short forms of functional areas → full name.

    Returns
    -------
    dict of str to str
        ``{"经开区": "北京经济技术开发区", "泰达": "天津经济技术开发区",
        "东湖高新区": "武汉东湖新技术开发区", ...}``.  Note that ``经开区`` alone
        is mapped to Beijing's zone (its usual meaning in Beijing news); other
        cities' zones are written with the city name (合肥经开区).

    References
    ----------
    General knowledge of the usual short forms of national-level zones
    (``data/municipal_districts.tsv``, third column of the ``功能区`` rows).
    """
    out: dict[str, str] = {}
    for row in _rows("municipal_districts.tsv"):
        if _col(row, 3) == _ZONE_KIND:
            for short in _split(_col(row, 2)):
                out.setdefault(short, row[0])
    return out


@cache
def district_aliases() -> dict[str, str]:
    """Short forms of municipal districts and counties → full name.

    Returns
    -------
    dict of str to str
        ``{"浦东": "浦东新区", "滨海": "滨海新区", "石柱县": "石柱土家族自治县", ...}``:
        the forms listed in the data file (stripped forms such as 朝阳 are not
        listed; see :func:`place_names`).

    References
    ----------
    GB/T 2260 administrative division codes and general usage
    (``data/municipal_districts.tsv``, third column of the district rows).
    """
    out: dict[str, str] = {}
    for row in _rows("municipal_districts.tsv"):
        if _col(row, 3) != _ZONE_KIND:
            for short in _split(_col(row, 2)):
                out.setdefault(short, row[0])
    return out


# ---------------------------------------------------------------- place names
def _stripped(name: str) -> str | None:
    """``name`` without its generic suffix, or None when it has none to strip."""
    if name.endswith(_NO_STRIP_ENDINGS):
        return None
    for suffix in _STRIP_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


@cache
def place_names() -> frozenset[str]:
    """Every known place name: full names, listed short forms, and stripped forms.

    Stripped forms drop a generic suffix (市, 区, 县, 地区, 盟) when at least two
    characters remain (广州市 → 广州, 朝阳区 → 朝阳, 大兴安岭地区 → 大兴安岭; 忠县
    stays whole) and the result is not a common word listed in
    ``data/place_short_stoplist.txt`` (大兴区 gives no 大兴: 大兴调查研究).
    Names ending in 新区, 自治州, 自治县 are not stripped; their listed short
    forms (浦东, 延边州) are used instead.  Functional areas contribute their
    full names and listed short forms only.

    Returns
    -------
    frozenset of str
        Provinces (full, short and literary names), cities, districts,
        counties and zones; no entry is a single character.

    References
    ----------
    GB/T 2260 administrative division codes; the other place files of this
    package.
    """
    stop = set(_words("place_short_stoplist.txt"))
    names: set[str] = set()
    names.update(provinces())
    names.update(provinces().values())
    names.update(province_aliases())
    names.update(cities())
    names.update(city_aliases())
    names.update(municipal_districts())
    names.update(zone_short_forms())
    names.update(district_aliases())
    zones = municipal_zones()
    candidates = [n for n in cities()] + [a for a in city_aliases()] + [d for d in municipal_districts()
                                                                         if d not in zones]
    for name in candidates:
        short = _stripped(name)
        if short and short not in stop:
            names.add(short)
    return frozenset(n for n in names if len(n) >= 2)


# ---------------------------------------------------------------- people
@cache
def surnames() -> frozenset[str]:
    """Chinese surnames, single-character and compound.

    Returns
    -------
    frozenset of str
        About 510 single surnames (王, 李, 张 ...) and about 60 compound ones
        (欧阳, 司马, 上官, 诸葛 ...).  A few rare surnames that are mostly
        function words (都, 来, 区, 位 ...) are left out on purpose.

    References
    ----------
    The most common surnames of the national population statistics (2020
    census surname ranking) and the classical 百家姓 (``data/surnames.txt``).
    """
    return frozenset(_words("surnames.txt"))


@cache
def posts() -> tuple[str, ...]:
    """Post titles written before officials' names, longest first.

    Returns
    -------
    tuple of str
        ``("经费审查委员会副主任", ..., "常务副主席", ..., "主席", ...)``: union,
        Party, state, civil-service, enterprise and press titles, with their
        副 forms.

    References
    ----------
    Constitution of the Chinese Trade Unions (工会章程); Civil Servant Law of
    the PRC and its rank regulations (一级巡视员 ... 四级主任科员); ordinary
    titles of Party, government and enterprise posts (``data/posts.txt``).
    """
    return _longest_first(_words("posts.txt"))


@cache
def tibetan_name_parts() -> frozenset[str]:
    """Two-character elements of Tibetan personal names (扎西, 次仁, 卓玛, 多吉 ...).

    Returns
    -------
    frozenset of str
        A name made of two of them (次仁卓玛) is a personal name with no surname.

    References
    ----------
    General knowledge of Tibetan naming, as transcribed in Chinese news
    (``data/tibetan_name_parts.txt``).
    """
    return frozenset(_words("tibetan_name_parts.txt"))


@cache
def tibetan_name_finals() -> frozenset[str]:
    """One-syllable endings of three-character Tibetan names (措, 吉, 加 ...).

    Returns
    -------
    frozenset of str
        A name element of :func:`tibetan_name_parts` then one of these (拉毛措, 卓玛吉) is a
        personal name with no surname, as Amdo names often are.

    References
    ----------
    General knowledge of Tibetan naming, as transcribed in Chinese news
    (``data/tibetan_name_finals.txt``).
    """
    return frozenset(_words("tibetan_name_finals.txt"))


@cache
def turkic_name_parts() -> tuple[str, ...]:
    """Common Uyghur, Kazakh and Kyrgyz given names (买买提, 库尔班, 叶尔兰 ...), longest first.

    Returns
    -------
    tuple of str
        A name of these written alone after a post (县总工会主席库尔班) is a personal name with no surname.

    References
    ----------
    General knowledge of Turkic naming in Xinjiang, as transcribed in Chinese news
    (``data/turkic_name_parts.txt``).
    """
    return _longest_first(_words("turkic_name_parts.txt"))


@cache
def mongolian_name_parts() -> tuple[str, ...]:
    """Common Mongolian given names and name elements (巴特尔, 额尔敦, 其木格 ...), longest first.

    Returns
    -------
    tuple of str
        One or two of these written alone after a post (董事长额尔敦巴特尔) are a personal name with no
        surname, as for :func:`turkic_name_parts`.

    References
    ----------
    General knowledge of Mongolian naming, as transcribed in Chinese news
    (``data/mongolian_name_parts.txt``).
    """
    return _longest_first(_words("mongolian_name_parts.txt"))


@cache
def surnameless_given_names() -> tuple[str, ...]:
    """The given names written without a surname: :func:`turkic_name_parts` and
    :func:`mongolian_name_parts` together, without repeats, longest first (then in file order).

    Returns
    -------
    tuple of str
        One or two of these alone after a post (县总工会主席库尔班, 董事长额尔敦巴特尔) are a personal name.
    """
    return _longest_first([*turkic_name_parts(), *mongolian_name_parts()])


@cache
def not_names() -> frozenset[str]:
    """Words that look like, or are tagged as, personal names but are not.

    Returns
    -------
    frozenset of str
        Words of two or more characters that jieba.posseg tags ``nr`` in
        government and union prose (拓宽, 施策, 高素质, 文明 ...) or that begin
        with a surname character (高度, 张贴, 周边, 方案, 马上 ...).

    References
    ----------
    jieba 0.42.1 run over generic government / union prose written for this
    purpose, and jieba's own dictionary (``data/not_names.txt``).
    """
    return frozenset(w for w in _words("not_names.txt") if len(w) >= 2)


# ---------------------------------------------------------------- honours
@cache
def honours() -> tuple[str, ...]:
    """Honour titles conferred on persons or units, longest first.

    Returns
    -------
    tuple of str
        ``("全国示范性劳模和工匠人才创新工作室", ..., "全国五一劳动奖章", ...,
        "工人先锋号", ...)``.

    References
    ----------
    The national commendation system: State Council (全国劳动模范, 全国先进工作者),
    ACFTU (全国五一劳动奖, 工人先锋号, 模范职工之家, 优秀工会工作者), Ministry of
    Human Resources and Social Security (中华技能大奖, 全国技术能手), All-China
    Women's Federation, Communist Youth League, Central Civilisation Office
    (``data/honours.txt``).
    """
    return _longest_first(_words("honours.txt"))


@cache
def honour_suffixes() -> tuple[str, ...]:
    """Generic honour tails that follow a place name, longest first.

    Returns
    -------
    tuple of str
        ``("五一劳动奖章", "劳动模范", "大工匠", "工匠", ...)``: 北京市 + 劳动模范,
        齐鲁 + 大工匠.

    References
    ----------
    Naming pattern of provincial and city commendations (conferring place +
    title) (``data/honour_suffixes.txt``).
    """
    return _longest_first(_words("honour_suffixes.txt"))


# ---------------------------------------------------------------- figures
@cache
def measure_words() -> dict[str, str]:
    """Measure words and units → class of the quantity.

    Returns
    -------
    dict of str to str
        Class is one of ``person`` (人, 名, 位), ``person-time`` (人次),
        ``yuan`` (元, 万元), ``percent`` (%), ``count`` (个, 家, 场, 件 ...) or
        ``skip`` (durations, ages, dates and physical measures: 年, 天, 岁, 届,
        公里; and 百分点, which is not a percentage).

    Raises
    ------
    ValueError
        If the data file names an unknown class.

    References
    ----------
    Modern Chinese classifiers (《现代汉语词典》 量词 entries) and the statutory
    units of measurement (GB 3100) (``data/measure_words.tsv``).
    """
    out: dict[str, str] = {}
    for row in _rows("measure_words.tsv"):
        word, cls = row[0], _col(row, 1)
        if cls not in MEASURE_CLASSES:
            raise ValueError(f"measure_words.tsv: unknown class {cls!r} for {word!r}")
        out.setdefault(word, cls)
    return out


# ---------------------------------------------------------------- programmes
@cache
def programme_terms() -> tuple[str, ...]:
    """Nationally used names of union programmes and service brands, longest first.

    Returns
    -------
    tuple of str
        ``("劳模和工匠人才创新工作室", ..., "职工之家", "送温暖", "金秋助学", ...)``.

    References
    ----------
    ACFTU national work programmes and the Trade Union Law's duties
    (集体协商, 职工代表大会, 厂务公开) (``data/programme_terms.txt``).
    """
    return _longest_first(_words("programme_terms.txt"))


@cache
def programme_tails() -> tuple[str, ...]:
    """Head nouns that end programme, campaign and event names, longest first.

    Returns
    -------
    tuple of str
        ``("主题教育活动", ..., "专项行动", ..., "活动", "工程", ...)``.

    References
    ----------
    How Chinese government and union programmes are named
    (``data/programme_tails.txt``).
    """
    return _longest_first(_words("programme_tails.txt"))


# ---------------------------------------------------------------- unions
@cache
def union_levels() -> list[tuple[str, str, str]]:
    """Union name patterns → level and level of the parent, longest pattern first.

    Returns
    -------
    list of (str, str, str)
        ``(pattern, level, parent_level)``: ``("省总工会", "provincial",
        "national")``, ``("北京市总工会", "provincial", "national")``,
        ``("街道总工会", "street", "district")``, ``("公司工会", "enterprise",
        "local")`` ...  A name's level is that of the longest pattern it ends
        with.  Parent level ``local`` means the 总工会 of the place written
        before the pattern; ``-`` means none.

    References
    ----------
    Trade Union Law of the PRC (arts. 11-12) and the Constitution of the
    Chinese Trade Unions (``data/union_levels.tsv``).
    """
    rows = [(row[0], _col(row, 1), _col(row, 2)) for row in _rows("union_levels.tsv")]
    return sorted(rows, key=lambda r: len(r[0]), reverse=True)


@cache
def union_aliases() -> dict[str, str]:
    """Fixed short forms of union names → full name.

    Returns
    -------
    dict of str to str
        ``{"全总": "中华全国总工会", "全国总工会": "中华全国总工会", ...}``.

    References
    ----------
    General usage of the names of the All-China Federation of Trade Unions
    (``data/union_aliases.tsv``).
    """
    return {row[0]: _col(row, 1) for row in _rows("union_aliases.tsv")}


# ---------------------------------------------------------------- jieba
@cache
def userdict_path() -> pathlib.Path:
    """Filesystem path of the jieba user dictionary of domain vocabulary.

    Returns
    -------
    pathlib.Path
        ``data/userdict.txt`` (``word freq pos`` lines: 总工会 nt, post titles n,
        honours and programme terms nz, 人次/万元 q, place names ns), suitable
        for ``jieba.load_userdict``.  When the package is not installed as
        plain files (a zip), the file is copied to a temporary directory.

    References
    ----------
    Generated from the other files of this package; format of jieba 0.42
    user dictionaries.
    """
    res = _resource("userdict.txt")
    if isinstance(res, pathlib.Path):
        return res
    target = pathlib.Path(tempfile.mkdtemp(prefix="union-kg-lexicon-")) / "userdict.txt"
    with resources.as_file(res) as real, open(target, "wb") as out, open(real, "rb") as src:
        shutil.copyfileobj(src, out)
    return target


# ---------------------------------------------------------------- counties
#: District names that are generic words rather than place names (阳泉市 矿区, 攀枝花市 东区 ...);
#: they never resolve to a prefecture on their own.
_GENERIC_COUNTY_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区"})


@cache
def _county_prefectures() -> dict[str, frozenset[str]]:
    """County name → the prefectures in ``counties.tsv`` that have a county of that name."""
    out: dict[str, set[str]] = {}
    for row in _rows("counties.tsv"):
        out.setdefault(row[0], set()).add(_col(row, 1))
    return {name: frozenset(prefs) for name, prefs in out.items()}


@cache
def ambiguous_counties() -> frozenset[str]:
    """County-level names that do not determine a single prefecture.

    A name is ambiguous when ``data/counties.tsv`` lists it under more than
    one prefecture (鼓楼区: 南京, 徐州, 福州, 开封), when it is also a district
    or county of a municipality in :func:`municipal_districts` (朝阳区 is in
    长春 and in 北京; 普陀区 in 舟山 and in 上海), or when it is one of the
    generic district names 城区, 郊区, 矿区, 东区, 西区.

    Returns
    -------
    frozenset of str
        ``{"鼓楼区", "新华区", "铁西区", "朝阳区", "城区", ...}``; none of these
        is a key of :func:`counties`.

    References
    ----------
    GB/T 2260 administrative division codes, as of 2023
    (``data/counties.tsv``, ``data/municipal_districts.tsv``).
    """
    municipal = municipal_districts()
    return frozenset(
        name for name, prefs in _county_prefectures().items()
        if len(prefs) > 1 or name in _GENERIC_COUNTY_NAMES or (name in municipal and municipal[name] not in prefs)
    )


@cache
def counties() -> dict[str, str]:
    """County-level divisions → full name of the prefecture-level division they belong to.

    Returns
    -------
    dict of str to str
        ``{"正定县": "石家庄市", "昆山市": "苏州市", "义乌市": "金华市",
        "勐海县": "西双版纳傣族自治州", "鄂伦春自治旗": "呼伦贝尔市", ...}``: the
        市辖区, 县, 自治县, 县级市, 旗, 自治旗 and 特区 of every prefecture-level
        division outside the four municipalities, keyed by full name.  Names in
        :func:`ambiguous_counties` (鼓楼区, 朝阳区 ...) are left out; every value
        is a key of :func:`cities`.

    References
    ----------
    GB/T 2260 administrative division codes, as of 2023, with the changes
    the State Council approved up to then (``data/counties.tsv``).
    """
    ambiguous = ambiguous_counties()
    return {name: next(iter(prefs)) for name, prefs in _county_prefectures().items() if name not in ambiguous}


# ---------------------------------------------------------------- divisions
#: Endings stripped from county-level names to give their short forms (平罗县 → 平罗), longest first.
_COUNTY_SUFFIXES = ("自治县", "自治旗", "特区", "林区", "县", "区", "市", "旗")

@cache
def divisions() -> dict[str, tuple[tuple[str, str | None, str | None], ...]]:
    """Every written form of a province, prefecture or county → where it sits in GB/T 2260.

    Returns
    -------
    dict of str to tuple of (str, str or None, str or None)
        ``{"海口": (("海南省", "海口市", None),), "利州区": (("四川省", "广元市", "利州区"),),
        "鼓楼区": (("江苏省", "南京市", "鼓楼区"), ("福建省", "福州市", "鼓楼区"), ...),
        "顺义区": (("北京市", None, "顺义区"),), ...}``: full names, listed short forms and
        stripped forms (as in :func:`place_names`) of provinces, prefecture-level divisions,
        the districts and counties of the four municipalities (no prefecture: their parent is
        the municipality) and the county-level divisions of :func:`counties` and
        :func:`ambiguous_counties` (every prefecture that has one of that name).  Functional
        areas, literary province names (齐鲁) and one-character abbreviations are left out: they
        do not pin a place down.  A form with several entries names several places; the article
        around it must choose.

    References
    ----------
    GB/T 2260 administrative division codes, as of 2023 (``data/provinces.tsv``,
    ``data/cities.tsv``, ``data/municipal_districts.tsv``, ``data/counties.tsv``).
    """
    stop = set(_words("place_short_stoplist.txt"))
    out: dict[str, list[tuple[str, str | None, str | None]]] = {}

    def add(form: str | None, div: tuple[str, str | None, str | None]) -> None:
        if form and len(form) >= 2 and form not in stop and div not in out.setdefault(form, []):
            out[form].append(div)

    for full, short in provinces().items():
        add(full, (full, None, None))
        add(short, (full, None, None))
    aliases = {}
    for alias, full in city_aliases().items():
        aliases.setdefault(full, []).append(alias)
    for city, prov in cities().items():
        for form in (city, _stripped(city), *aliases.get(city, ())):
            add(form, (prov, city, None))
    zones = municipal_zones()
    short_of = {}
    for short, full in district_aliases().items():
        short_of.setdefault(full, []).append(short)
    for district, muni in municipal_districts().items():
        if district in zones or muni not in provinces():
            continue
        for form in (district, _stripped(district), *short_of.get(district, ())):
            add(form, (muni, None, district))
    for row in _rows("counties.tsv"):
        county, pref = row[0], _col(row, 1)
        if pref not in cities() or county in _GENERIC_COUNTY_NAMES:
            continue
        add(county, (cities()[pref], pref, county))
    return {form: tuple(divs) for form, divs in out.items()}


@cache
def county_short_forms() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Short forms of county-level divisions (平罗县 → 平罗) → the divisions they may name.

    Returns
    -------
    dict of str to tuple of (str, str, str)
        ``{"平罗": (("宁夏回族自治区", "石嘴山市", "平罗县"),), ...}``: the county name without
        its generic ending (县, 区, 市, 旗, 自治县 ...) when at least two characters remain
        and the form is not already a province or prefecture form of :func:`divisions`.
        Many such forms are also common words (城关, 新城, 长安), so they are weak evidence:
        use them only where the province or prefecture is already known.

    References
    ----------
    GB/T 2260 administrative division codes, as of 2023 (``data/counties.tsv``).
    """
    full = divisions()
    stop = set(_words("place_short_stoplist.txt"))
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in _rows("counties.tsv"):
        county, pref = row[0], _col(row, 1)
        if pref not in cities() or county in _GENERIC_COUNTY_NAMES:
            continue
        for suffix in _COUNTY_SUFFIXES:
            if county.endswith(suffix) and len(county) - len(suffix) >= 2:
                short = county[: -len(suffix)]
                if short not in full and short not in stop:
                    out.setdefault(short, []).append((cities()[pref], pref, county))
                break
    return {form: tuple(divs) for form, divs in out.items()}


@cache
def industry_union_terms() -> tuple[str, ...]:
    """Sector words that industry (产业) unions are named from, longest first.

    Returns
    -------
    tuple of str
        ``("公路运输", "教科文卫体", "能源", "化学", "海员", "邮电", ...)``: a union whose name
        before 工会 is made of these words alone (教科文卫体工会, 国防邮电工会, 中国海员建设工会
        after 中国) is an industry union.

    References
    ----------
    The national industry unions of the All-China Federation of Trade Unions and their
    provincial counterparts (``data/industry_union_terms.txt``).
    """
    return _longest_first(_words("industry_union_terms.txt"))
