"""Trade-union mentions: 顺义区总工会, 望京街道总工会, 某某公司工会, 全总, 区总工会.

A union name is a specific prefix (a place, a park, a company) followed by
a union head (总工会, 工会联合会, 联合工会, 工会).  Bare heads with a level
(区总工会, 市总工会, 县总工会 ...) are kept as *bare* mentions: the resolver
links them to the union the article or section is about (GUIDELINES.md:
"a bare 区总工会 is an alias of the union the article is about").
Generic phrases (各级工会, 基层工会, 企业工会 37家) are not unions.
"""
from __future__ import annotations

import re

from .. import lexicon
from ..model import Article, Mention
from ..segment import words
from ._spans import name_start, place_at, strip_parens

HEADS = ("工会联合会", "总工会", "联合工会", "工会")
_HEAD_RE = re.compile("|".join(HEADS))
#: Level words that, alone before 总工会, name no union (区总工会, 市总工会).
LEVEL_WORDS = ("省", "市", "区", "县", "镇", "乡", "街道", "旗", "新区", "州", "公司", "集团", "")
#: Words that make 工会 part of a common noun (工会组织, 工会干部 ...).
COMPOUND_AFTER = ("会员", "组织", "干部", "经费", "工作", "改革", "服务", "系统", "建设", "自身", "法", "会籍",
                  "媒体", "帮扶", "阵地", "代表", "积极分子", "工作者", "名片", "特色", "组建", "党员", "报刊",
                  "网站", "自媒体", "力量", "社会工作者", "专职", "领导", "作用", "优势", "资源")
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
                     "银行", "中心", "研究院", "研究所", "酒店", "商场", "超市", "站", "局", "委")


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
    if base in lexicon.provinces():
        return "provincial"
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


def _is_proper(prefix: str) -> bool:
    """Whether a union prefix names something: a known place, an organisation or
    zone head (公司, 集团, 开发区 ...), or a word jieba tags as a place or name.

    Rejects prose that merely ends before 工会 (进一步当好新时代工会, 结合工会).
    """
    from ._spans import place_cover

    base = strip_parens(prefix)
    toks = words(base)
    if toks and toks[-1][1] == "v":
        return False  # prose before 工会: 三大主题活动彰显|工会
    if any(place_cover(prefix)):
        return True
    tails = _ENTERPRISE_TAILS + _ZONE_TAILS + ("街道", "镇", "乡", "村", "社区", "系统", "行业", "产业", "班组")
    if base in _ZONE_TAILS and len(base) >= 3:
        return True  # 综保区工会: the zone of the article's district
    for t in tails:
        if base.endswith(t) and len(base) - len(t) >= 2 and not set(base[: -len(t)]) <= set("省市区县镇乡"):
            return True
    if re.fullmatch(r"[省市区县](?:建设|教育|卫生|交通|金融|邮电|能源|农林|财贸|机械|冶金|国防|科技|商贸|文化)", base):
        return True  # 省建设工会: the province's industry union, named in full elsewhere
    return any(flag in ("ns", "nt", "nrt") for _, flag in toks)


def _is_generic(prefix: str) -> bool:
    rest = _GENERIC_RE.sub("", prefix)
    rest = re.sub(r"[()（）]", "", rest)
    return len(rest) < 2


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
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, **attrs) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(Mention("union", start, end, text[start:end], dict(attrs)))

    # 1. fixed aliases (全国总工会, 中华全国总工会, 全总)
    for alias, full in sorted(lexicon.union_aliases().items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(re.escape(alias), text):
            if alias == "全总" and re.match(r"[\u4e00-\u9fff]", text[m.start() - 1: m.start()] or " ") \
                    and text[m.start() - 1] not in "和与及、在的":
                continue
            add(m.start(), m.end(), name=full, written=alias)

    # 2. named unions: a specific prefix before a head; a bare level word
    #    (区总工会, 在市总工会) is kept for the resolver
    for m in _HEAD_RE.finditer(text):
        end = m.end()
        if m.group() == "工会" and text.startswith(COMPOUND_AFTER, end):
            continue  # 工会组织, 工会干部, 工会经费 ...: a common noun, not a name
        start = name_start(text, m.start())
        prefix = text[start:m.start()]
        # a leading verb before a place name: 落实北京市 → 北京市
        for k in range(1, min(4, len(prefix))):
            if place_at(prefix, k) and not place_at(prefix, 0):
                head = words(prefix[:k])
                if len(head) == 1 and head[0][1][:1] in ("v", "p", "d", "c"):
                    prefix, start = prefix[k:], start + k
                break
        for g in ("辖区", "全区", "全市", "各级", "所属"):  # 辖区快递行业联合工会 → 快递行业联合工会
            if prefix.startswith(g) and len(prefix) > len(g) + 1:
                prefix, start = prefix[len(g):], start + len(g)
        if prefix in ("公司", "集团") and m.group() == "工会":  # 公司工会: the company's union named earlier
            add(start, end, name=None, bare=prefix)
            continue
        if prefix in LEVEL_WORDS and m.group() == "总工会":
            add(start, end, name=None, bare=prefix)
            continue
        if not prefix or _is_generic(prefix) or not _is_proper(prefix):
            continue
        add(start, end, name=text[start:end])
    # a union named inside a document title (《北京市总工会关于…》) is mentioned, but is not
    # the agent of the sentence around the title
    for t in re.finditer(r"《[^》]*》", text):
        for m in out:
            if t.start() < m.start < t.end():
                m.attrs["in_title"] = True
    out.sort(key=lambda x: x.start)
    return out
