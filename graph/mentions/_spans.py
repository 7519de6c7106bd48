"""Shared span helpers for the mention extractors.

Chinese has no spaces, so a name's left edge is found by walking back from
a known head (总工会, 公司, a post title) to punctuation, then cutting at the
rightmost function word (在, 和, 向 ...) that is not part of a known place
name, then dropping a leading verb (落实, 作为 ...) when a place name follows.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from .. import lexicon

#: Characters that never occur inside a name.
STOP_CHARS = set("，,、。；;：:！？!?“”‘’\"' \t\n　《》〈〉【】…—·/|[]{}<>") | set("0123456789%")
#: Function words and verbs that open a phrase before a name.
FUNCTION_WORDS = (
    "在", "和", "与", "及", "向", "对", "为", "由", "把", "将", "被", "是", "的", "等", "了", "同",
    "跟", "给", "从", "到", "经", "据", "以", "于", "并", "或", "共", "即", "均", "也", "还", "又",
    "作为", "通过", "联合", "组织", "开展", "推动", "指导", "带领", "会同", "按照", "根据", "围绕",
    "其中", "包括", "成立", "召开", "举办", "参加", "来自", "所属", "所在", "落实", "携手", "配合",
    "依托", "号召", "支持", "要求", "获得", "荣获", "授予", "评为", "命名", "表彰", "印发", "出台",
    "推出", "发布", "邀请", "走进", "慰问", "协助", "深入", "前往", "赴", "来到", "加入", "建立",
    "联手", "协同", "牵头", "主办", "承办", "协办", "指出", "表示", "介绍", "强调", "认为", "当选",
    "担任", "任", "系", "乃", "暨", "各", "全", "该", "本", "其", "此", "这", "那", "每", "兼任", "兼",
    "推荐", "命名", "指导", "当选为", "成为", "改为",
)
_FW_SORTED = tuple(sorted(FUNCTION_WORDS, key=len, reverse=True))


@cache
def _places() -> frozenset[str]:
    # county-level names too (和政县 keeps its 和); two-character ones (和县) stay out, so that
    # 市委和县委 still cuts at 和
    return lexicon.place_names() | {n for n in lexicon.divisions() if len(n) >= 3}


@cache
def _place_lengths_by_first() -> dict[str, tuple[int, ...]]:
    # first character → lengths of the places that start with it, longest first (most characters start none)
    out: dict[str, set[int]] = {}
    for p in _places():
        out.setdefault(p[0], set()).add(len(p))
    return {ch: tuple(sorted(ns, reverse=True)) for ch, ns in out.items()}


def place_at(text: str, i: int) -> int:
    """Length of the longest known place name starting at ``text[i]``, else 0."""
    if i >= len(text):
        return 0
    places = _places()
    for n in _place_lengths_by_first().get(text[i], ()):
        if i + n <= len(text) and text[i:i + n] in places:
            return n
    return 0


#: Government departments whose standard names join two fields with 和 (人力资源和社会保障局, 住房和城乡建设厅,
#: 工业和信息化部 ...), at every level: the 和 cuts no name.
_JOINED_BODY = re.compile(r"人力资源和社会保障|工业和信息化|住房和城乡建设|自然资源和规划|文化和旅游|卫生和计划生育")


def place_cover(text: str) -> list[bool]:
    """For each character, whether it lies inside a known place name (greedy, left to right)."""
    cover = [False] * len(text)
    i = 0
    while i < len(text):
        n = place_at(text, i)
        if n:
            for k in range(i, i + n):
                cover[k] = True
            i += n
        else:
            i += 1
    return cover


def raw_chunk(text: str, end: int, max_len: int = 30) -> int:
    """Start offset of the run of name characters that ends at ``end``."""
    i = end
    while i > 0 and end - i < max_len and text[i - 1] not in STOP_CHARS:
        i -= 1
    while i < end and i > 0 and text[i - 1].isdigit() and text[i] in "年月日号届期次个家名项场件批所支":
        i += 1  # 2023年延庆区总工会, 98个职工教育培训示范点: date or measure word, not name
    return i + _unbalanced_lead(text[i:end])


def _unbalanced_lead(chunk: str) -> int:
    """Characters before the last bracket of ``chunk`` that a name cannot span: a closing one
    with no opening before it (（记者 张伟）中国金融工会 → 中国金融工会), or an opening one never
    closed (（拉萨市总工会 供稿） → 拉萨市总工会); balanced ones (某公司（集团）工会) stay inside.
    """
    cut, depth, opened = 0, 0, []
    for k, ch in enumerate(chunk):
        if ch in "(（":
            opened.append(k)
            depth += 1
        elif ch in ")）":
            if depth:
                depth -= 1
                opened.pop()
            else:
                cut = k + 1
    if opened:
        cut = max(cut, opened[-1] + 1)
    return cut


_FW_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _fw in _FW_SORTED:
    _FW_BY_FIRST.setdefault(_fw[0], ())
    _FW_BY_FIRST[_fw[0]] += (_fw,)


def _function_word_at(s: str, i: int) -> int:
    for fw in _FW_BY_FIRST.get(s[i:i + 1], ()):
        if s.startswith(fw, i):
            return len(fw)
    return 0


def name_start(text: str, end: int, max_len: int = 30) -> int:
    """Left edge of the name that ends at ``end`` (exclusive).

    The chunk back to punctuation is cut after the rightmost function word
    that is not inside a known place name (``在顺义区委和北京市`` → ``北京市``;
    ``和平区`` stays whole because 和平区 is a place).

    Parameters
    ----------
    text : str
        Article text.
    end : int
        Offset just after the name's last character (before its head noun).
    max_len : int
        Longest name considered, in characters.

    Returns
    -------
    int
        Offset of the name's first character; ``end`` when there is none.
    """
    start = raw_chunk(text, end, max_len)
    chunk = text[start:end]
    cover = place_cover(chunk)
    for m in _JOINED_BODY.finditer(chunk):  # 人力资源和社会保障厅: the 和 is inside the body's name
        cover[m.start():m.end()] = [True] * (m.end() - m.start())
    # single-character function words cut only where jieba also sees a word
    # boundary (在/顺义区/委/和/北京市), not inside words (临空/经济/核心区)
    bounds = set()
    pos = 0
    for w in _lcut(chunk):
        bounds.add(pos)
        pos += len(w)
    bounds.add(pos)
    cut = 0
    i = 0
    while i < len(chunk):
        if cover[i]:
            i += 1
            continue
        n = _function_word_at(chunk, i)
        if chunk.startswith("党的", i - 1) and i > 0:
            n = 0  # 党的十九届五中全会: a fixed phrase inside names
        if n and (n > 1 or i == 0 or (i in bounds and i + 1 in bounds) or place_at(chunk, i + 1)):
            cut = i + n
            i += n
        else:
            i += 1
    return start + cut


@lru_cache(maxsize=4096)  # the extractors ask for the name before the same head several times
def _lcut(s: str) -> tuple[str, ...]:
    from ..text.segment import lcut

    return tuple(lcut(s))


def occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` occurs in ``text``: each start, left to right, not overlapping.

    The starts of ``re.finditer(re.escape(word), text)``, without a pattern
    compiled for each name (an article's names overflow ``re``'s cache of
    patterns, which then compiles its own again too).
    """
    step = len(word) or 1
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + step)


def strip_parens(s: str) -> str:
    """Remove ASCII and full-width parentheses, keeping their content."""
    return re.sub(r"[()（）]", "", s)
