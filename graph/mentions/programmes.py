"""Programme mentions: campaigns, contests, schemes, funds, service brands.

Four patterns of the genre, in order of confidence:

1. a quoted name with a programme tail: ``“安康杯”竞赛``, ``“温暖武汉”项目``
   (name = the whole, alias = the quoted core);
2. quoted names introduced as themes or listed before a tail:
   ``以“中国梦·劳动美”为主题``, ``“最美职工”“暖在京城”等活动``;
3. an ordinal or a verb before an unquoted name ending in a tail:
   ``首届职工象棋比赛``, ``实施思想引领工程、保障凝聚工程``;
4. nationally used programme names from the lexicon: 职工之家, 送温暖,
   职工书屋, 12351热线 ...
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Article, Mention

_Q = r"“([^”“\n]{2,30})”"
_ORDINAL = r"(?:首届|第[一二三四五六七八九十\d]+届|第[一二三四五六七八九十\d]+期)"
#: Verbs that introduce a programme name.
INTRO_VERBS = ("开展", "实施", "举办", "组织", "推出", "启动", "设立", "打造", "创建", "深化", "推进", "举行",
               "发起", "承办", "主办", "参加", "推行", "制定实施", "建立", "开通", "叫响", "探索", "选树完成",
               "创新开展", "广泛开展", "组织开展", "持续开展", "深入开展", "继续实施", "顺利开展", "成功举办")
_BAD_START = ("各种", "各类", "一系列", "多种", "多项", "相关", "各项", "有关", "一批", "多个", "各级", "这些", "该",
              "系列", "丰富多彩", "形式多样", "不同", "一些")


@cache
def _tails_re() -> str:
    tails = sorted(lexicon.programme_tails(), key=len, reverse=True)
    return "(?:" + "|".join(map(re.escape, tails)) + ")"


@cache
def _terms() -> tuple[str, ...]:
    return tuple(sorted(lexicon.programme_terms(), key=len, reverse=True))


def find(article: Article, blocked: list[tuple[int, int]] = ()) -> list[Mention]:
    """Find programme mentions.

    Parameters
    ----------
    article : Article
    blocked : list of (start, end)
        Spans already taken by other mentions (awards: 全国模范职工之家
        is an honour, not the 职工之家 programme).

    Returns
    -------
    list of Mention
        kind ``"programme"``; ``attrs["name"]`` the fullest form,
        ``attrs["aliases"]`` other forms, ``attrs["network"]`` True for
        lexicon service networks (职工之家 ...), which are counted more
        than they act.
    """
    text = article.text
    out: list[Mention] = []
    taken = list(blocked)

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def add(s: int, e: int, name: str, aliases=(), network: bool = False, overlap_ok: bool = False) -> None:
        name = name.strip()
        if len(re.sub(r"[“”\s]", "", name)) < 2 or (not overlap_ok and not free(s, e)):
            return
        if any(name.startswith(b) for b in _BAD_START):
            return
        taken.append((s, e))
        out.append(Mention("programme", s, e, text[s:e],
                           {"name": name, "aliases": sorted(set(aliases) - {name}), "network": network}))

    tails = _tails_re()
    # 1. (ordinal)(place)“X”(modifier)tail
    pat1 = re.compile(rf"({_ORDINAL})?([\u4e00-\u9fff]{{0,6}}?)“([^”“\n]{{2,30}})”([\u4e00-\u9fff]{{0,8}}?{tails})")
    for m in pat1.finditer(text):
        pre = m.group(2) or ""
        # keep a place prefix (顺义区“舞动青春”…), drop verbs (开展“…”)
        if pre and not _is_place_prefix(pre):
            s = m.start(3) - 1
            full = text[s:m.end()]
        else:
            s = m.start()
            full = m.group()
        core = m.group(3)
        tail_form = f"“{core}”{m.group(4)}"
        add(s, m.end(), full, {core, tail_form, full.replace(m.group(1) or "", "", 1)})

    # 2. themes and quoted lists before 等 + tail / 为主题
    for m in re.finditer(rf"以{_Q}为主题", text):
        add(m.start(1) - 1, m.end(1) + 1, m.group(1))
    for m in re.finditer(rf"((?:{_Q}[、和及]?){{1,8}})等(?:为主题|{tails}|品牌|工作)", text):
        for q in re.finditer(_Q, m.group(1)):
            add(m.start(1) + q.start(), m.start(1) + q.end(), q.group(1))

    # 3. ordinal or verb + unquoted name ending in a tail
    for m in re.finditer(rf"{_ORDINAL}[\u4e00-\u9fff]{{2,16}}?{tails}", text):
        short = re.sub(_ORDINAL, "", m.group(), count=1)
        add(m.start(), m.end(), m.group(), {short})
    verbs = "|".join(sorted(map(re.escape, INTRO_VERBS), key=len, reverse=True))
    item = rf"[\u4e00-\u9fff+“”]{{2,24}}?{tails}"
    for m in re.finditer(rf"(?:{verbs})((?:{item}[、和])*{item})(?![\u4e00-\u9fff]{{0,1}}{tails})", text):
        group = m.group(1)
        parts = re.split(r"[、和]", group)
        # 中式烹调、工程试验工职业技能竞赛: items without their own tail share the last one
        if all(re.search(tails + "$", p) for p in parts):
            pos = m.start(1)
            for p in parts:
                add(pos, pos + len(p), p)
                pos += len(p) + 1
        else:
            add(m.start(1), m.end(1), group)

    # 4. lexicon terms, extended to the left by a level word (区级创新工作室)
    for term in _terms():
        for m in re.finditer(re.escape(term), text):
            add(m.start(), m.end(), term, network=True)
    out.sort(key=lambda x: x.start)
    return out


def _is_place_prefix(pre: str) -> bool:
    from ._spans import place_at

    return place_at(pre, 0) == len(pre)
