"""Trade-union mentions: 顺义区总工会, 望京街道总工会, 某某公司工会, 全总, 区总工会.

A union name is a specific prefix (a place, a park, a company) followed by
a union head (总工会, 工会联合会, 联合工会, 工会).  Bare heads with a level
(区总工会, 市总工会, 县总工会 ...) are kept as *bare* mentions: the resolver
links them to the union the article or section is about (GUIDELINES.md:
"a bare 区总工会 is an alias of the union the article is about").
Generic phrases (各级工会, 基层工会, 企业工会 37家) are not unions.

A name starts at a place or a proper name, never at the verb, adverbial or
person before it (:func:`lead_length`: 学习宣传贯彻上海工会 → 上海工会,
何志远代表苏州市总工会 → 苏州市总工会); collective phrases (各市总工会,
兰州市基层工会, 10人以上新建工会) are no union.  Short forms 省总/市总 and
elided levels (自治区、市总工会) are bare mentions too.  Industry unions are
named from sector words (中国海员建设工会, 教科文卫体工会: ``industry_union_terms``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..model import Article, Mention
from ..text.segment import words
from ._spans import name_start, occurrences, place_at, strip_parens

HEADS = ("工会联合总会", "工会联合委员会", "工会联合会", "总工会", "联合工会", "工会")
_HEAD_RE = re.compile("|".join(HEADS))
#: Heads of a union that several units join (a new one may be founded in the text).
_JOINT_HEADS = ("工会联合会", "工会联合委员会", "联合工会")
_JOINT_HEAD_RE = re.compile("(?:" + "|".join(_JOINT_HEADS) + ")$")
#: Level words that, alone before 总工会, name no union (区总工会, 市总工会).
LEVEL_WORDS = ("省", "自治区", "市", "区", "县", "自治县", "镇", "乡", "街道", "旗", "自治旗", "新区", "州",
               "自治州", "盟", "地区", "公司", "集团", "师市", "")  # 师市: a Corps division and its city
#: Words that make 工会 part of a common noun (工会组织, 工会干部 ...).
COMPOUND_AFTER = ("会员", "组织", "干部", "经费", "工作", "改革", "服务", "系统", "建设", "自身", "法", "会籍",
                  "媒体", "帮扶", "阵地", "代表", "积极分子", "工作者", "名片", "特色", "组建", "党员", "报刊",
                  "网站", "自媒体", "力量", "社会工作者", "专职", "领导", "作用", "优势", "资源", "合作",
                  "品牌", "事业")
#: 组织, 帮扶 as the verb of a clause after a union's name, with its object (某某商圈工会组织商户的职工…),
#: not the noun of 工会组织建设, 工会组织的 (a generic prefix is still dropped below; 服务 stays a noun:
#: 某市园区工会服务月)
_VERB_AFTER = re.compile(r"(?:组织|帮扶)(?=[\u4e00-\u9fff])(?![建体作覆的和与及工网机力化中]"
                         r"|职能|阵地|站|中心|平台|品牌|项目|能力|水平|质量|范围|对象)")


def _verb_after(text: str, head: int, end: int) -> bool:
    """Whether 组织/帮扶 after the 工会 ending at ``end`` is the verb of a named union (某某商圈工会组织商户的
    职工…), not the noun 工会组织 (推动开发区工会组织迅速…: an adverb follows, a bare zone or level opens it)."""
    if not _VERB_AFTER.match(text, end):
        return False
    prefix = text[name_start(text, head):head]
    if prefix in BARE_ZONES or prefix in LEVEL_WORDS or prefix in _BARE_EMPLOYERS:
        return False
    toks = words(text[end + 2:end + 8])
    return bool(toks) and toks[0][1] not in ("d", "v", "c", "p", "u")


#: Modifiers that make a union phrase generic rather than a name.
GENERIC_PARTS = (
    "全区", "全市", "全省", "全县", "全国", "各级", "各", "基层", "企业", "机关", "社区", "联合", "非公",
    "单独", "行业", "产业", "区级", "市级", "县级", "省级", "新建", "百人以上", "所在", "上级",
    "地方", "中国", "系统", "会员", "乡镇", "街道", "村", "楼宇", "区域", "相关", "有关", "各类",
    "本", "该", "所属", "直属", "会员单位", "单位", "小微", "中小微", "规模以上", "级", "事业单位",
    "外资", "民营", "私营", "国有", "分", "基层工会", "两新", "新就业形态", "建", "已", "未", "首都",
    "对口联系", "对口", "联系", "辖区", "属地", "明确", "所辖", "各个", "当地",
)
_GENERIC_RE = re.compile("|".join(sorted(map(re.escape, GENERIC_PARTS), key=len, reverse=True)))
_ZONE_TAILS = ("经济技术开发区", "技术开发区", "开发区", "高新区", "园区", "工业园", "产业园", "科技园", "核心区",
               "综保区", "保税区", "新区", "功能区", "园")
_ENTERPRISE_TAILS = ("有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "厂", "医院", "学校", "大学", "学院",
                     "中学", "小学", "幼儿园",
                     "银行", "分行", "支行", "中心", "研究院", "研究所", "酒店", "商场", "超市", "站", "局", "委")


#: A zone written alone, as the article's zone (开发区某某公司工会 → 某某公司工会); longest first, as names are
#: matched by their start.
BARE_ZONES = ("经济技术开发区", "经开区", "高新区", "开发区", "园区")


#: Words that open a phrase before a union's name without being part of it: verbs of electing,
#: attending or commemorating that jieba tags as nouns, 原 (former), 代表 (on behalf of).
LEAD_WORDS = frozenset({"纪念", "原", "代表", "产生", "标志", "选举产生", "宣传", "学习", "贯彻", "落实", "庆祝",
                        "祝贺", "欢迎", "感谢", "致", "经", "由", "新", "首家", "全新", "正式", "召开", "举行", "成立"})
#: Parts of speech (jieba/ICTCLAS) of words that never begin a union's name: verbs, adverbs,
#: prepositions, conjunctions, particles, time words, pronouns, numerals, measure words, set phrases.
_LEAD_FLAGS = ("v", "vn", "vd", "d", "p", "c", "u", "t", "r", "m", "q", "f", "nr", "l", "i")
#: Endings of a prefix that make the phrase a class of unions (兰州市基层工会, 驻会产业工会).
COLLECTIVE_TAILS = ("基层", "各级", "所属", "下属", "驻会产业", "各类")
#: A count of levels ending a prefix (三级, 两级, 多级): the unions of those levels together.
_LEVELS_OF = re.compile(r"[一二三四五六七八九十两多]级$")
#: Collective phrases before a bare level (各市总工会, 各区县总工会): every such union, not one.
_COLLECTIVE_BEFORE = ("各", "各级", "全省各", "全市各", "以及各")


@lru_cache(maxsize=65536)
def industry_name(base: str) -> bool:
    """Whether ``base`` (a union name before 工会) is made of sector words alone (教科文卫体, 国防邮电),
    after an optional 中国: the name of an industry union.
    """
    if base.startswith("中国"):
        base = base[2:]
    terms = lexicon.industry_union_terms()
    ok = [False] * (len(base) + 1)
    ok[0] = True
    for i in range(len(base)):
        if ok[i]:
            for t in terms:
                if base.startswith(t, i):
                    ok[i + len(t)] = True
    return len(base) >= 2 and ok[len(base)] and any(len(t) >= 2 and t in base for t in terms)


#: The Xinjiang Production and Construction Corps (新疆生产建设兵团), a province-level body with its own union.
XPCC = ("新疆生产建设兵团", "兵团")
#: A division of the Corps, numbered (第三师, 兵团第八师石河子市): a city-level body.
XPCC_DIVISION = re.compile(r"(?:新疆生产建设兵团|兵团)?第[一二三四五六七八九十]{1,3}师")
#: A regiment farm of a division, numbered in words (四十四团, 一〇二团): a county-level body.
XPCC_REGIMENT = re.compile(r"[一二三四五六七八九十〇零]{1,4}团(?:场)?")


@lru_cache(maxsize=65536)
def union_level(name: str) -> str:
    """Level of a union from its name: national, provincial, city, district, street,
    industrial-park, enterprise, industry or other.

    Notes
    -----
    Follows the hierarchy of the Trade Union Law of the PRC (全国总工会 >
    省、自治区、直辖市总工会 > 市 > 县/区 > 街道/乡镇) and the place lexicon:
    the four municipalities' unions are provincial-level.
    """
    base = strip_parens(name)
    for head in HEADS:
        if base.endswith(head):
            base = base[: -len(head)]
            break
    if name in ("中华全国总工会", "全国总工会"):
        return "national"
    if base in XPCC:
        return "provincial"  # 新疆生产建设兵团总工会 reports to 全总 like a province's
    if XPCC_DIVISION.match(base):
        return "city"  # 第三师图木舒克市总工会: a division of the Corps (and its city)
    if XPCC_REGIMENT.fullmatch(base):
        return "district"  # 四十四团工会: a regiment farm of a division
    if industry_name(base):
        return "industry"
    if name.endswith("工作委员会") and "工会" in name:
        return "branch"  # 中国能源化学工会华东电力工作委员会
    rest = _after_places(base)
    if rest != base and industry_name(rest):
        return "industry"  # 湖南省教科文卫体工会, 某市交通运输工会: a region's industry union
    if base in lexicon.provinces():
        return "provincial"
    for form in (*lexicon.provinces(), *lexicon.provinces().values()):  # 贵州省黔东南州 → 黔东南州
        if base.startswith(form) and (base[len(form):] in lexicon.cities() or base[len(form):] in
                                      lexicon.city_aliases() or base[len(form):] in lexicon.counties()):
            base = base[len(form):]
            break
    if base in lexicon.city_aliases() and base.endswith(("州", "盟", "地区")):
        return "city"  # 黔东南州, 延边州
    if base.endswith(("街道", "镇", "乡", "地区办事处", "苏木")):
        return "street"
    if any(base.endswith(t) for t in _ENTERPRISE_TAILS):
        return "enterprise"
    for prov in lexicon.provinces():  # 天津市滨海新区 → 滨海新区
        if base.startswith(prov) and base[len(prov):] in lexicon.municipal_districts():
            base = base[len(prov):]
            break
    if base in lexicon.municipal_districts() and base not in lexicon.municipal_zones():
        return "district"  # 浦东新区, 滨海新区 are districts, not parks
    if any(base.endswith(t) for t in _ZONE_TAILS) or base in lexicon.zone_short_forms():
        return "industrial-park"
    if base in lexicon.cities():
        return "city"
    if base in lexicon.counties():
        return "district"  # counties, county-level cities (昆山市) and city districts
    if base in lexicon.municipal_districts() or base.endswith(("区", "县", "旗", "县级市")):
        return "district"
    if base.endswith("市"):
        return "city" if len(base) > 2 else "other"
    if base.endswith(("省", "自治区")):
        return "provincial"
    if base.endswith(("产业", "行业", "系统", "建设", "教育", "科技", "卫生", "交通", "农林", "财贸", "机械",
                      "能源", "邮电", "金融", "国防", "冶金")):
        return "industry"
    return "other"


def _after_places(base: str) -> str:
    """``base`` without the full division names it starts with (湖南省长沙市教育 → 教育)."""
    full = lexicon.divisions()
    while True:
        n = next((n for n in range(min(len(base), 12), 1, -1) if base[:n] in full and full[base[:n]]
                  and base[:n] in {d for div in full[base[:n]] for d in div if d}), 0)
        if not n:
            return base
        base = base[n:]


_DIVISION_TAILS = ("镇", "乡", "街道", "区", "县", "市", "旗", "村", "社区")
_STREET_TAILS = ("街道", "镇", "乡", "社区", "村")


def _is_proper(prefix: str) -> bool:
    """Whether a union prefix names something: a known place, an organisation or
    zone head (公司, 集团, 开发区 ...), or a word jieba tags as a place or name.

    Rejects prose that merely ends before 工会 (进一步当好新时代工会, 结合工会).
    """
    from ._spans import place_cover

    base = strip_parens(prefix)
    toks = words(base)
    if toks and toks[-1][1] == "v" and not (len(toks[-1][0]) >= 3 and toks[-1][0].endswith(_DIVISION_TAILS)) \
            and not (toks[-1][0] in ("分行", "支行") and len(toks) > 1):
        # prose before 工会: 三大主题活动彰显|工会 (jieba's 塘厦镇/v is a town, though; 某地|分行/v a bank's branch)
        return False
    if any(place_cover(prefix)):
        return True
    full = lexicon.divisions()
    if any(base[:n] in full for n in range(2, min(len(base), 12) + 1)):
        return True  # 鼓楼区, 平罗县: county names (place_names() leaves them out)
    tails = _ENTERPRISE_TAILS + _ZONE_TAILS + ("街道", "镇", "乡", "村", "社区", "系统", "行业", "产业", "班组")
    if base in _ZONE_TAILS and len(base) >= 3:
        return True  # 综保区工会: the zone of the article's district
    for t in tails:
        if base.endswith(t) and len(base) - len(t) >= 2 and not set(base[: -len(t)]) <= set("省市区县镇乡"):
            return True
    if re.fullmatch(r"[省市区县](?:建设|教育|卫生|交通|金融|邮电|能源|农林|财贸|机械|冶金|国防|科技|商贸|文化)", base) \
            or base[:1] in "省市区县州" and industry_name(base[1:]):
        return True  # 省建设工会, 省教科文卫工会: the region's industry union, named in full elsewhere
    if industry_name(base):
        return True  # 教科文卫体工会, 中国海员建设工会
    if XPCC_REGIMENT.fullmatch(base) or XPCC_DIVISION.match(base):
        return True  # 四十四团工会, 第三师总工会: the Corps' regiments and divisions
    return any(flag in ("ns", "nt", "nrt") for _, flag in toks)


#: Legal forms after a company's name.
_LEGAL_FORMS = ("有限责任公司", "股份有限公司", "有限公司", "集团")


def _company_core(text: str, prefix: str) -> bool:
    """Whether ``prefix`` (蒙晟化工 before 工会) is a company's name the article writes with its legal form
    too (通辽蒙晟化工有限责任公司): the company's union, written short."""
    return len(prefix) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", prefix) is not None \
        and any(prefix + f in text for f in _LEGAL_FORMS)


def _is_generic(prefix: str) -> bool:
    if prefix.startswith("中国") and industry_name(prefix):
        return False  # 中国建设工会: a national industry union whose industry word is also a common word
    rest = _GENERIC_RE.sub("", prefix)
    rest = re.sub(r"[()（）]", "", rest)
    return len(rest) < 2


#: 联合会 alone as the body of a post, after a verb of taking it or a clause edge (兼任联合会主席).
_BARE_FEDERATION = re.compile(r"(?:^|(?<=[，,。；;、：:\s])|(?<=兼任|担任|当选|出任|选举|推选))"
                              r"(联合会)(?=(?:常务)?副?主席|委员)")
#: Employers named by their kind alone before 工会 (公司工会, 医院工会): the one the text named earlier.
_BARE_EMPLOYERS = ("公司", "集团", "医院", "学校", "学院", "大学", "银行", "中学", "小学")
#: Time words that may open the clause before a union's name.
_TIME_WORDS = ("近年来", "去年", "今年", "前年", "明年", "当年", "同年", "近日", "日前",
               # the term of a body (新一届集团工会委员会, 本届市总工会): when, not which union
               "新一届", "上一届", "下一届", "本届", "上届", "历届", "新一任")

#: A span of years opening a clause: 近三年, 近5年来, 五年来, 三年以来.
_SPAN_OF_YEARS = re.compile(r"(?:近|过去)?[一二三四五六七八九十两几\d]+年(?:来|以来)?")
_SHORT_RE = re.compile(r"(省|市|区|县)总(?!工会)")
_ELIDED_RE = re.compile(r"(自治区|省|市|区|县)[、和与及]$")
#: A district or county written before a bare level: 顺庆区、高坪区总工会 (its 区 is the head's).
_ELIDED_PLACE_RE = re.compile(r"([区县市旗])[、和与及]$")

_BRANCH_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?工作委员会")
#: Words between 成立 and a new union's name that are not part of it (成立全市首家…工会联合会).
_FOUNDING_MODIFIERS = ("全省", "全市", "全区", "全县", "首家", "首个", "第一家", "第一个", "一家", "一个", "了")


def _founded(text: str, start: int, prefix: str) -> int | None:
    """For a joint union (工会联合会, 联合工会) whose prefix names no place: when the clause says
    it is being founded (成立/组建 + 全市首家 ...), the offset in ``prefix`` where its name starts
    (0 where the modifiers all stand before the prefix); None otherwise.
    """
    i = 0
    while True:
        mod = next((w for w in _FOUNDING_MODIFIERS if prefix.startswith(w, i)), None)
        if not mod:
            break
        i += len(mod)
    before = text[max(0, start - 12):start]
    modified = i > 0
    while True:  # 成立全市|首家…: the modifiers may sit before the name's left edge too
        mod = next((w for w in _FOUNDING_MODIFIERS if before.endswith(w)), None)
        if not mod:
            break
        before, modified = before[: -len(mod)], True
    # one union founded (成立全市首家…, 成立了…), not a class of them (成立一批区域性…工会联合会)
    if not modified or not before.endswith(("成立", "组建")) or len(prefix) - i < 2:
        return None
    rest = prefix[i:]
    if any(flag.startswith(("v", "p", "c", "u")) for _, flag in words(rest)):
        return None
    if _is_generic(rest) and (rest.startswith(_FOUNDED_COLLECTIVE) or not rest.endswith(_FOUNDED_SECTORS)):
        return None  # 成立了新就业形态工会联合会 names the one founded; 成立各级…工会联合会 does not
    return i


#: Sector words that name a joint union being founded (成立了新就业形态工会联合会), though they
#: make a class of unions elsewhere (新就业形态工会 at large).
_FOUNDED_SECTORS = ("新就业形态", "新业态", "行业", "楼宇", "区域", "园区", "商圈", "市场", "快递", "外卖", "物流",
                    "货运", "网约车", "家政", "非公")

_FOUNDED_COLLECTIVE = ("各", "基层", "所属", "下属", "相关", "有关", "一批", "多个", "若干")


def _short_form_at(text: str, start: int, end: int) -> bool:
    """Whether 市总 / 省总 at ``text[start:end]`` is the short form of 市总工会 (市总班子成员, 衡水市总),
    not the start of a word with 总 (市总体规划, 全县总人口): jieba keeps 总 apart, or with the level word.
    """
    toks = _lcut(text[start:end + 6])
    if not toks:
        return False
    if toks[0] == text[start:end]:
        return True
    return len(toks) > 1 and toks[0] == text[start] and toks[1] == "总"


def _word_at(text: str, start: int, end: int) -> bool:
    """Whether jieba reads ``text[start:end]`` as one word in its context (入选|全总|创新)."""
    w0 = max(0, start - 4)
    pos, bounds = w0, set()
    for w in _lcut(text[w0:end + 4]):
        bounds.add(pos)
        pos += len(w)
    bounds.add(pos)
    return start in bounds and end in bounds


def _all_places(s: str) -> bool:
    """Whether ``s`` is made of known places, one after another (南充市顺庆区)."""
    i = 0
    while i < len(s):
        n = place_at(s, i)
        if not n:
            return False
        i += n
    return bool(s)


def _elided_level(text: str, start: int, add) -> None:
    """``自治区、市总工会``, ``省、市总工会``: the first level word names a union of its own;
    ``宁夏回族自治区、市总工会``: the place written there does.
    """
    m = _ELIDED_RE.search(text[max(0, start - 4):start])
    if not m:
        m = _ELIDED_PLACE_RE.search(text[max(0, start - 4):start])
    if not m:
        return
    end = max(0, start - 4) + m.end(1)
    s0 = name_start(text, end)
    pre = text[s0:end]
    cut = lead_length(pre)
    pre, s0 = pre[cut:], s0 + cut
    if pre == m.group(1):
        add(s0, end, name=None, bare=pre, written=pre + "总工会")
    elif _all_places(pre):  # 宁夏回族自治区、市总工会; 南充市顺庆区、高坪区总工会
        add(s0, end, name=pre + "总工会", written=pre + "总工会")


_SHARED_BEFORE_RE = re.compile(r"([\u4e00-\u9fff]{2,10}?)[、和与及]$")


def _shared_tail(text: str, start: int, name: str, add) -> None:
    """``岳阳市、常德市教育工会``: a place written before a place-led union shares its tail
    (教育工会) and names a union of its own, when both places are of one level."""
    n = place_at(name, 0)
    tail = name[n:]
    if not n or len(tail) < 3 or not industry_name(tail[:-2] if tail.endswith("工会") else tail):
        return
    m = _SHARED_BEFORE_RE.search(text[max(0, start - 11):start])
    if not m:
        return
    k = next((k for k in range(len(m.group(1)), 1, -1) if place_at(m.group(1), len(m.group(1)) - k) == k), 0)
    other = m.group(1)[len(m.group(1)) - k:] if k else ""
    if other and other[-1] == name[n - 1]:
        s0 = max(0, start - 11) + m.start(1) + len(m.group(1)) - k
        add(s0, s0 + k, name=other + tail, written=other + tail)


def lead_length(prefix: str) -> int:
    """Length of the words before a union's name proper: a union's name starts at a place
    or a proper name, never at a verb, adverbial or clause before it.

    Parameters
    ----------
    prefix : str
        The text between the left edge :func:`name_start` found and the head (总工会, 工会).

    Returns
    -------
    int
        Characters to drop: those before the first word that is a known place, a bare
        level word (省, 市 ...) or that jieba tags as a place, organisation or other proper
        name (``ns``, ``nt``, ``nz``), when the word just before it is a verb, adverb,
        preposition, particle, time word, pronoun, numeral, person name (何志远代表…) or one
        of :data:`LEAD_WORDS` (学习宣传贯彻上海工会 → 上海工会; 大会选举产生临沂高新区总工会 →
        临沂高新区总工会); a bare level word or a street or town (…街道, …镇) right after a
        verb (超额完成省总工会 → 省总工会; 走访文新街道总工会 → 文新街道总工会); else 0.  A
        prefix that is one known place (经开区) is kept whole.
    """
    if place_at(prefix, 0) == len(prefix) or _all_places(prefix):
        return 0  # 经开区, 芜湖经开区: places as a whole, whatever jieba makes of them (芜湖/经/开区)
    division = XPCC_DIVISION.search(prefix)
    if division:
        return division.start()  # 深入|第三师图木舒克市: the Corps' division opens the name
    toks = words(prefix)
    pos = 0
    for i, (w, flag) in enumerate(toks):
        if i:
            prev_w, prev_flag = toks[i - 1]
            verb = prev_w in LEAD_WORDS or prev_flag.startswith(("v", "l", "i", "d", "p", "c", "u"))
            rest = prefix[pos:]
            if (place_at(prefix, pos) or flag in ("ns", "nt", "nz")) and (verb or prev_flag.startswith(_LEAD_FLAGS)) \
                    and not _all_places(prefix[:pos]) \
                    and not (len(prev_w) == 1 and len(w) == 2 and w.endswith(("镇", "乡", "村"))):
                # (磨/v|西镇: a town's name has two characters before 镇, so the one-character "verb" is its first)
                return pos  # 大会选举产生|临沂高新区; 何志远代表|苏州市
            if verb and prev_flag != "vn" and rest in LEVEL_WORDS and rest not in ("公司", "集团"):
                return pos  # 超额完成|省总工会: a bare level word after a verb
            if (prev_flag == "v" or prev_w in LEAD_WORDS) and len(rest) >= 3 and rest.endswith(_STREET_TAILS) \
                    and not any(f.startswith("v") for _, f in toks[i:]):
                return pos  # 走访|文新街道: a street or town after a verb
        pos += len(w)
    return 0


def _lcut(s: str) -> list[str]:
    from ..text.segment import lcut

    return lcut(s)


def find(article: Article) -> list[Mention]:
    """Find union mentions in an article.

    Parameters
    ----------
    article : Article
        Segmented article.

    Returns
    -------
    list of Mention
        kind ``"union"``; ``attrs["name"]`` is the name as written, or for a
        bare form ``attrs["bare"]`` holds its level word (区, 市 ...) and
        ``attrs["name"]`` is None until resolution.
    """
    text = article.text
    out: list[Mention] = []
    federations: list[tuple[int, int]] = []  # joint unions written without a proper name (see below)
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, **attrs) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(Mention("union", start, end, text[start:end], dict(attrs)))

    # 1. fixed aliases (全国总工会, 中华全国总工会, 全总)
    for alias, full in sorted(lexicon.union_aliases().items(), key=lambda kv: -len(kv[0])):
        if alias not in text:
            continue
        for i in occurrences(text, alias):
            j = i + len(alias)
            if alias == "全总" and re.match(r"[\u4e00-\u9fff]", text[i - 1:i] or " ") \
                    and text[i - 1] not in "和与及、在的" and not _word_at(text, i, j):
                continue  # 安全总监, 健全总体: 全 and 总 belong to other words
            add(i, j, name=full, written=alias)

    # 2. named unions: a specific prefix before a head; a bare level word
    #    (区总工会, 在市总工会) is kept for the resolver
    for m in _HEAD_RE.finditer(text):
        end = m.end()
        if m.group() == "工会" and text.startswith(COMPOUND_AFTER, end) \
                and not text.startswith(("建设的", "建成的", "打造的"), end) and not _verb_after(text, m.start(), end):
            continue  # 工会组织, 工会干部, 工会经费 ...: a common noun, not a name (集团工会建设的“某某小屋”: a union)
        start = name_start(text, m.start())
        prefix = text[start:m.start()]
        cut = lead_length(prefix)  # 纪念中国海员工会 → 中国海员工会; 何志远代表苏州市总工会 → 苏州市总工会
        prefix, start = prefix[cut:], start + cut
        for g in ("辖区", "全区", "全市", "全县", "各级", "所属", "首家", "首个", "第一家", "第一个"):
            # 辖区快递行业联合工会 → 快递行业联合工会; 全区首家X工会联合会 → X工会联合会 (an ordinal is no name)
            if prefix.startswith(g) and len(prefix) > len(g) + 1:
                prefix, start = prefix[len(g):], start + len(g)
        zone = next((z for z in BARE_ZONES if prefix.startswith(z)), None)
        if zone and m.group() == "工会" and len(prefix) >= len(zone) + 4 and prefix.endswith(("公司", "集团", "厂")) \
                and not prefix[len(zone):].startswith(_ZONE_TAILS):
            # 开发区某某汽车零部件有限公司工会: a company in the zone the article is about, not a body of the zone
            prefix, start = prefix[len(zone):], start + len(zone)
        if start > 0 and text[start - 1].isdigit() and not place_at(prefix, 0):
            continue  # 10人以上新建工会: a count of unions, not one
        for t in _TIME_WORDS:  # 去年医院工会, 今年市总工会: a time word opens the clause, not the name
            if prefix.startswith(t) and (len(prefix) > len(t) + 1 or prefix[len(t):] in LEVEL_WORDS):
                prefix, start = prefix[len(t):], start + len(t)
                break
        else:
            span = _SPAN_OF_YEARS.match(prefix)  # 近三年公司工会, 五年来市总工会: a span of years opens the clause
            if span and len(prefix) > span.end() + 1:
                prefix, start = prefix[span.end():], start + span.end()
        if prefix[:1] in "原前" and prefix[1:] in LEVEL_WORDS and prefix[1:] and m.group() == "总工会":
            prefix, start = prefix[1:], start + 1  # 原市总工会副主席: a post once held in the city's union
        if prefix in _BARE_EMPLOYERS and m.group() == "工会":  # 公司工会: the company's union named earlier
            add(start, end, name=None, bare=prefix)
            continue
        if prefix in LEVEL_WORDS and m.group() == "总工会":
            before = text[:start]
            elided = _ELIDED_RE.search(before[-4:])
            if prefix and (before.endswith(_COLLECTIVE_BEFORE) or elided and before[:len(before) - len(
                    elided.group())].endswith(_COLLECTIVE_BEFORE)):
                continue  # 各市总工会, 各省、市总工会: every such union
            add(start, end, name=None, bare=prefix)
            _elided_level(text, start, add)
            continue
        if m.group() in _JOINT_HEADS and prefix and not prefix.endswith(COLLECTIVE_TAILS):
            founded = _founded(text, start, prefix)
            if founded is not None:  # 成立全市首家综合性新业态工会联合会: the union being founded
                add(start + founded, end, name=text[start + founded:end], written=text[start:end])
                continue
        if not prefix or prefix.endswith(COLLECTIVE_TAILS) or _is_generic(prefix) \
                or not (_is_proper(prefix) or _company_core(text, prefix)):
            if m.group() in _JOINT_HEADS and 2 <= len(prefix) <= 8 and not prefix.endswith(COLLECTIVE_TAILS):
                federations.append((start, end))  # 商圈工会联合会: perhaps a short form of one named in full
            continue
        if _LEVELS_OF.search(prefix):
            continue  # 某市三级工会, 省市两级工会: the unions of several levels, not one
        name = text[start:end]
        branch = _BRANCH_RE.match(text, end)
        if branch and name.startswith("中国") and industry_name(name[:-2]):
            # 中国能源化学工会华东电力工作委员会: a national industry union's regional committee
            add(start, branch.end(), name=text[start:branch.end()])
            continue
        add(start, end, name=name)
        if m.group() == "总工会" and _all_places(prefix):
            _elided_level(text, start, add)  # 顺庆区、高坪区总工会
        else:
            _shared_tail(text, start, name, add)  # 岳阳市、常德市教育工会
    # a federation written by its kind alone (选举产生了商圈工会联合会第一届委员会) after it was named with its
    # place (某市某镇商圈工会联合会): the one federation of the article whose name ends so
    for s, e in federations:
        short = text[s:e]
        full = {x.attrs["name"] for x in out if x.attrs.get("name") and x.attrs["name"].endswith(short)
                and len(x.attrs["name"]) > len(short) and x.start < s}
        longest = max(full, key=len, default="")
        if full and all(longest.endswith(f) for f in full):  # (海南省琼海市…, 琼海市…: one federation)
            add(s, e, name=longest, written=short)
        elif not full and (zone := next((z for z in BARE_ZONES if short.startswith(z)), None)) \
                and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", _JOINT_HEAD_RE.sub("", short[len(zone):])):
            # 开发区楼宇工会联合会: the federation of one sector of the zone the article is about
            add(s, e, name=short)
    # a federation of unions named again by its kind alone, as the body of a post (兼任联合会主席, 当选联合会
    # 副主席) after the article named it in full (某区快递行业工会联合会): kept bare for the resolver
    if any(x.attrs.get("name") and x.attrs["name"].endswith("工会联合会") for x in out):
        for m in _BARE_FEDERATION.finditer(text):
            add(m.start(1), m.end(1), name=None, bare="联合会")
    # 3. short forms: 市总, 省总 (the region's), 衡水市总 (衡水市总工会)
    for m in _SHORT_RE.finditer(text):
        if not _short_form_at(text, m.start(), m.end()):
            continue
        start = name_start(text, m.start())
        prefix = text[start:m.start()]
        if not prefix:
            if not text[:start].endswith(_COLLECTIVE_BEFORE):
                add(m.start(), m.end(), name=None, bare=m.group(1))
        elif place_at(prefix, 0) == len(prefix):
            add(start, m.end(), name=prefix + m.group(1) + "总工会", written=text[start:m.end()])
    # a union named inside a document title (《北京市总工会关于…》) is mentioned, but is not
    # the agent of the sentence around the title
    for t in re.finditer(r"《[^》]*》", text):
        for m in out:
            if t.start() < m.start < t.end():
                m.attrs["in_title"] = True
    out.sort(key=lambda x: x.start)
    return out
