"""Award mentions: honours and titles conferred on persons or units.

* nationally used honours from the lexicon (全国五一劳动奖章, 工人先锋号 ...);
* a place name before an honour tail (北京市劳动模范, 苏州工匠, 北京大工匠);
* a quoted title before 等…奖项/称号 or after 荣获/获得/被评为;
* an unquoted name ending in 奖 after 获得/荣获 (全国总工会职工技术成果优秀奖).
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Article, Mention
from ._spans import place_at

_GIVEN = r"(?:荣获|获得|获评|被评为|被授予|授予|评为|命名为|当选)"
_MODIFIER_AFTER = re.compile(r"(?:创新)?(?:交流)?大会|论坛|精神|宣讲|创新工作室|培育|年度人物|工作室")


@cache
def _honours_re() -> re.Pattern:
    hs = sorted(lexicon.honours(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, hs)))


@cache
def _suffix_re() -> re.Pattern:
    tails = sorted(lexicon.honour_suffixes(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, tails)))


def find(article: Article, blocked: list[tuple[int, int]] = ()) -> list[Mention]:
    """Find award mentions outside the ``blocked`` spans (quoted programme names).

    Returns
    -------
    list of Mention
        kind ``"award"``, ``attrs["name"]`` and ``attrs["aliases"]``.
    """
    text = article.text
    out: list[Mention] = []
    taken: list[tuple[int, int]] = list(blocked)

    def add(s: int, e: int, name: str, aliases=()) -> None:
        if any(a < e and s < b for a, b in taken) or len(name) < 2:
            return
        if _MODIFIER_AFTER.match(text, e):
            return  # 大国工匠创新交流大会, 劳模表彰大会: the honour names an event, not a conferral
        taken.append((s, e))
        out.append(Mention("award", s, e, text[s:e], {"name": name, "aliases": sorted(set(aliases) - {name})}))

    # quoted titles given as honours
    for m in re.finditer(r"“([^”“\n]{4,40})”(?=(?:“[^”]*”)*等[^，。,]{0,8}(?:奖项|称号|荣誉|奖))", text):
        add(m.start(), m.end(), m.group(1))
    for m in re.finditer(_GIVEN + r"“([^”“\n]{2,40})”", text):
        add(m.start(1) - 1, m.end(1) + 1, m.group(1))

    # place + honour tail: 北京市劳动模范, 顺义工匠, 北京大工匠
    for m in _suffix_re().finditer(text):
        for k in range(min(m.start(), 10), 1, -1):
            s = m.start() - k
            if place_at(text, s) == k:
                if not text.startswith("表彰", m.end()):  # 北京市劳模表彰大会 names the meeting
                    add(s, m.end(), text[s:m.end()])
                break

    # honours from the lexicon
    for m in _honours_re().finditer(text):
        add(m.start(), m.end(), m.group())

    # ellipsis after an honour: 全国模范职工之家、职工小家 → 全国模范职工小家
    honours = set(lexicon.honours())
    for a in list(out):
        m = re.match(r"[、和]([\u4e00-\u9fff]{2,8})", text[a.end:])
        if not m:
            continue
        for k in range(2, len(a.attrs["name"])):
            for n in range(len(m.group(1)), 1, -1):
                cand = a.attrs["name"][:k] + m.group(1)[:n]
                if cand in honours:
                    s = a.end + 1
                    add(s, s + n, cand, [m.group(1)[:n]])
                    break

    # 获得2021年全国总工会职工技术成果优秀奖
    for m in re.finditer(_GIVEN + r"(?:\d{4}年(?:度)?)?([\u4e00-\u9fff]{4,24}?奖)(?![\u4e00-\u9fff])", text):
        add(m.start(1), m.end(1), m.group(1))
    out.sort(key=lambda x: x.start)
    return out
