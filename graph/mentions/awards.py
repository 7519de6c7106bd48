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
                add(s, m.end(), text[s:m.end()])
                break

    # honours from the lexicon
    for m in _honours_re().finditer(text):
        add(m.start(), m.end(), m.group())

    # 获得2021年全国总工会职工技术成果优秀奖
    for m in re.finditer(_GIVEN + r"(?:\d{4}年(?:度)?)?([\u4e00-\u9fff]{4,24}?奖)(?![\u4e00-\u9fff])", text):
        add(m.start(1), m.end(1), m.group(1))
    out.sort(key=lambda x: x.start)
    return out
