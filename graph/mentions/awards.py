"""Award mentions: honours and titles conferred on persons or units.

Patterns of the genre (general naming of Chinese commendations, not any one article):

* a conferring level or place before an honour core: 全国工人先锋号, 省五一劳动奖状,
  省级劳动模范, 市级示范工会, 江苏省五一劳动奖章, 北京大工匠 (``省/市/县/区`` alone
  too: the province or city of the article confers it), a ranking word between
  them (省十佳文明职工), 五一 with or without quotes (全国“五一”劳动奖章);
* one level shared by several cores: 全国劳动模范和先进工作者 is 全国劳动模范 and
  全国先进工作者; 全国模范职工之家、职工小家 gives 全国模范职工小家;
* nationally used honours from the lexicon (全国五一劳动奖章, 工人先锋号 ...);
* a quoted title before 等…奖项/称号 or after 荣获/获得/被评为;
* a list of unquoted titles after a verb of conferring, each ending in a title
  head (荣获全国工会财务工作先进单位、全国安康杯竞赛优秀组织奖等多项荣誉).
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Article, Mention
from ._spans import place_at

_GIVEN = r"(?:荣获|获得|获评|被评为|被授予|授予|评为|命名为|当选)"
_MODIFIER_AFTER = re.compile(
    r"(?:创新)?(?:交流)?大会|论坛|精神|宣讲|培育|年度人物|评选|选树|学院|学校|基地"
    # a studio named after the title, possibly shared: 市级劳模和工匠人才、职工创新工作室
    r"|(?:(?!的)[和与及、\u4e00-\u9fff]){0,12}?工作室"
    # the launch of a selection (“最美职工”发布会), not a conferral
    r"|[”’]?发布(?:会|仪式)"
    # a group of people, not a title: 东城区劳模和职工参与…
    r"|[和与及](?:职工|群众|家属|员工|青年)")
#: Kinds of people listed right before a bare title, which then names a group of people too.
_PEOPLE_BEFORE = re.compile(r"(?:职工|农民工|群众|工人|员工|家属)[、和与及]$")
#: Conferring levels written before an honour core, longest first (全国工人先锋号, 省级劳动模范).
LEVELS = ("市级以上", "省级以上", "省部级", "地市级", "国家级", "全国", "自治区", "自治州", "省级", "市级", "县级",
          "区级", "省", "市", "县", "区")
#: Characters before a one-character level that make it part of a word (城市, 社区, 园区), not a level.
_WORD_BEFORE_LEVEL = set("城都社园小景郊山乡街厂校地辖军分发新片矿库营")
#: A ranking word between the level and the core: 省十佳文明职工.
_RANKS = ("十佳", "十大", "百佳", "百名")
#: Heads that end a title of honour in a list after a verb of conferring.
_TITLE_HEADS = ("先进单位", "先进集体", "先进个人", "示范单位", "示范企业", "示范点", "组织奖", "等奖", "金奖",
                "银奖", "铜奖", "优秀奖", "标兵岗", "标兵", "模范", "能手", "先锋号", "奖章", "奖状", "工作者",
                "积极分子", "红旗手", "文明岗", "文明号", "职工之家", "职工小家", "示范工会", "班组", "奖")
#: A title's head right after a quote, up to where titles end: 被评为“安康杯”竞赛|优胜班组.
_TITLE_RUNS_ON = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?(?:{'|'.join(map(re.escape, _TITLE_HEADS))})"
                            r"(?=等|称号|荣誉|[，。；,;：:\s）)]|$)")
#: Heads of a quoted title conferred on persons, whatever the verb around it: “某某工匠”, “某某技术能手”.
_PERSON_TITLE_HEADS = ("工匠", "能手", "标兵", "之星", "劳模")
_DEMONSTRATIVE = ("此次", "本次", "本届", "该", "这", "上述", "各类", "多项", "一批", "相关")


@cache
def _honours_re() -> re.Pattern:
    return _alternation(sorted(lexicon.honours(), key=len, reverse=True))


def _alternation(words: list[str] | tuple[str, ...]) -> re.Pattern:
    """The :func:`_five_one` patterns of ``words``, tried in that order, behind a look-ahead for the characters
    they start with: the same matches, but ``re`` skips the many positions where no word starts instead of
    trying each word there (five times faster on an article)."""
    first = {w[0] for w in words if w} | ({"“", "‘"} if any(w.startswith("五一") for w in words) else set())
    guard = f"(?=[{re.escape(''.join(sorted(first)))}])" if all(words) else ""
    return re.compile(guard + "(?:" + "|".join(map(_five_one, words)) + ")")


def _five_one(s: str) -> str:
    """Regex for ``s`` that also accepts 五一 in quotes (全国“五一”劳动奖章)."""
    return re.escape(s).replace("五一", "(?:五一|“五一”|‘五一’)")


@cache
def cores() -> tuple[str, ...]:
    """Honour cores that a level or place may precede, longest first.

    Returns
    -------
    tuple of str
        The lexicon's honour tails and its bare honours (those not starting
        with 全国/中国/中华): ``("五一劳动奖章", ..., "劳动模范", "劳模", ...)``.
    """
    bare = [h for h in lexicon.honours() if not h.startswith(("全国", "中国", "中华", "首都"))]
    return tuple(sorted(set(lexicon.honour_suffixes()) | set(bare), key=len, reverse=True))


@cache
def _cores_re() -> re.Pattern:
    return _alternation(cores())


def _plain(s: str) -> str:
    return re.sub(r"[“”‘’]", "", s)


@cache
def _sector_forms() -> tuple[dict[str, int], tuple[int, ...]]:
    """The sector forms that may stand before an honour's core (each industry term + 系统, then the term, in the
    lexicon's order) → their rank in that order; and their lengths (a few), so that :func:`_prefix_before`
    looks up the text before a core once per length instead of testing every form there."""
    order: dict[str, int] = {}
    for term in lexicon.industry_union_terms():
        for t in (term + "系统", term):
            order.setdefault(t, len(order))
    return order, tuple(sorted({len(t) for t in order}))


def _prefix_before(text: str, s: int) -> int:
    """Start of the conferring place or level written right before ``text[s]`` (``s`` if none).

    A ranking word (十佳) may stand between them; a place may be followed by a
    level (北京市级).
    """
    for rank in _RANKS:
        if s >= len(rank) and text.startswith(rank, s - len(rank)):  # a negative start would read the text's end
            p = _prefix_before(text, s - len(rank))
            return p if p < s - len(rank) else s
    # a sector between the level and the core: 全国金融五一劳动奖章, 省交通系统先进集体 (each form written
    # right before s, in the order of the lexicon's terms)
    order, lengths = _sector_forms()
    for _, t in sorted((order[w], w) for n in lengths if n < s and (w := text[s - n:s]) in order):
        p = s - len(t)
        q = _prefix_before(text, p)
        if q < p:
            return q
    for k in range(min(s, 10), 1, -1):  # a known place: 北京市, 甘肃省, 齐鲁
        if place_at(text, s - k) == k:
            return s - k
    for lv in LEVELS:
        p = s - len(lv)
        if p >= 0 and text.startswith(lv, p):
            if len(lv) == 1 and p > 0 and text[p - 1] in _WORD_BEFORE_LEVEL:
                continue
            if len(lv) == 1 and p > 0 and place_at(text, p - 1) == 0 and text[p - 1] in "全":
                continue  # 全市劳动模范: the city's model workers, not a title
            return p
    return s


class TakenSpans:
    """Character spans already taken by mentions, with an overlap test whose cost is
    the span's length, not the number of spans taken (a long file has thousands).

    Parameters
    ----------
    length : int
        Length of the text, in characters.
    spans : iterable of (start, end)
        Spans taken from the start.
    """

    def __init__(self, length: int, spans=()):
        self.cover = bytearray(length + 1)
        for s, e in spans:
            self.take(s, e)

    def free(self, s: int, e: int) -> bool:
        """Whether no character of ``[s, e)`` is taken."""
        return not any(self.cover[max(s, 0):e])

    def take(self, s: int, e: int) -> None:
        """Mark ``[s, e)`` as taken."""
        s = max(s, 0)
        e = min(max(e, s), len(self.cover))
        self.cover[s:e] = b"\x01" * (e - s)


def find(article: Article, blocked: list[tuple[int, int]] = ()) -> list[Mention]:
    """Find award mentions outside the ``blocked`` spans (quoted programme names).

    Parameters
    ----------
    article : Article
    blocked : list of (start, end)
        Spans already taken (quoted programmes, documents).

    Returns
    -------
    list of Mention
        kind ``"award"``, ``attrs["name"]``, ``attrs["aliases"]`` and
        ``attrs["core"]`` (the bare title, such as 劳动模范, where the name is
        a level or place before a core; else None).
    """
    text = article.text
    out: list[Mention] = []
    taken = TakenSpans(len(text), blocked)
    # an honour inside an organisation's name names the organisation (上海市劳动模范协会), not a conferral
    orgs = [(m.start, m.end) for m in article.mentions if m.kind == "organization"]

    def add(s: int, e: int, name: str, aliases=(), core: str | None = None) -> bool:
        if not taken.free(s, e) or len(name) < 2:
            return False
        if any(s0 <= s and e <= e0 and e0 - s0 > e - s for s0, e0 in orgs):
            return False
        if _MODIFIER_AFTER.match(text, e):
            return False  # 大国工匠创新交流大会, 劳模表彰大会: the honour names an event, not a conferral
        if name in cores() and _PEOPLE_BEFORE.search(text, max(0, s - 4), s):
            return False  # 慰问困难职工、农民工和劳动模范: a group of people beside others, not a title conferred
        taken.take(s, e)
        out.append(Mention("award", s, e, text[s:e], {"name": name, "aliases": sorted(set(aliases) - {name}),
                                                      "core": core}))
        return True

    def _ellipsis() -> None:
        """An honour's head shared by the next name: 全国模范职工之家、职工小家 → 全国模范职工小家."""
        honours = set(lexicon.honours())
        for a in list(out):
            m = re.match(r"[、和]([\u4e00-\u9fff]{2,8})", text[a.end:a.end + 10])
            if not m:
                continue
            for k in range(2, len(a.attrs["name"])):
                for n in range(len(m.group(1)), 1, -1):
                    cand = a.attrs["name"][:k] + m.group(1)[:n]
                    if cand in honours:
                        s = a.end + 1
                        add(s, s + n, cand, [m.group(1)[:n]])
                        break

    # quoted titles given as honours
    for m in re.finditer(r"“([^”“\n]{4,40})”(?=(?:“[^”]*”)*等[^，。,]{0,8}(?:奖项|称号|荣誉|奖))", text):
        add(m.start(), m.end(), m.group(1))
    heads = "|".join(map(re.escape, _TITLE_HEADS))
    for m in re.finditer(_GIVEN + r"“([^”“\n]{2,40})”", text):
        if _TITLE_RUNS_ON.match(text, m.end()):
            continue  # 被评为“安康杯”竞赛优胜班组: the quote opens the title, the list of titles below takes it whole
        add(m.start(1) - 1, m.end(1) + 1, m.group(1))
    # a quoted title commended with the count of those who got it: 表彰了“十佳护士”10名, 评选出“最美职工”20名
    counted = r"“[^”“\n]{2,20}”(?:\d+|[一二三四五六七八九十百两]+)(?:名|个|位|人|家|支|户)"
    for m in re.finditer(rf"(?:表彰|评选出|评出|命名)了?((?:{counted}[、和及]?)+)", text):
        for q in re.finditer(r"“([^”“\n]{2,20})”", m.group(1)):
            add(m.start(1) + q.start(), m.start(1) + q.end(), q.group(1))
    # a quoted title before 称号 whatever stands between it and the verb: 授予56个集体“某某先进集体”称号
    for m in re.finditer(r"“([^”“\n]{2,40})”(?=(?:荣誉)?称号)", text):
        add(m.start(), m.end(), m.group(1))

    # level or place + core: 北京市劳动模范, 全国工人先锋号, 省五一劳动奖状; then cores that share it
    for m in _cores_re().finditer(text):
        s = _prefix_before(text, m.start())
        if s == m.start() or text.startswith("表彰", m.end()):  # 北京市劳模表彰大会 names the meeting
            continue
        prefix, core = text[s:m.start()], _plain(m.group())
        if not add(s, m.end(), text[s:m.end()], [prefix + core] if "“" in m.group() else (), core):
            continue
        e = m.end()
        while e < len(text) and text[e] in "和及与、":
            nxt = _cores_re().match(text, e + 1)
            if not nxt or _prefix_before(text, nxt.start()) != nxt.start():
                break
            c2 = _plain(nxt.group())
            if not add(nxt.start(), nxt.end(), prefix + c2, [c2], c2):
                break
            e = nxt.end()

    _ellipsis()

    # titles listed after a verb of conferring: 荣获全国工会财务工作先进单位、全国安康杯竞赛优秀组织奖等多项荣誉,
    # 获得2021年全国总工会职工技术成果优秀奖, 被评为全省A级县级规范化建设先进单位
    item = rf"(?:[\u4e00-\u9fffA-Za-z0-9]|“[^”“\n]{{1,12}}”){{2,30}}?(?:{heads})"
    # (表彰了2024年度某某先进单位，A、B获此殊荣: the meeting's verb of commending names the title too)
    # (…获某总工会授予的某奖章: the title follows 授予的)
    lst = rf"(?:{_GIVEN}|表彰)[了的]?(?:\d{{4}}年度?)?((?:{item}[、和])*{item})(?=等|称号|荣誉|[，。；,;：:\s）)]|$)"
    for m in re.finditer(lst, text):
        pos = m.start(1)
        for part in re.split(r"[、和]", m.group(1)):
            s, pos = pos, pos + len(part) + 1
            name = re.sub(r"^\d{4}年度?", "", part)
            # 表彰21个先进集体: the count of those commended opens no title
            name = re.sub(r"^(?:\d+|[一二三四五六七八九十百两]+)[个名位家支批]", "", name)
            s += len(part) - len(name)
            if len(_plain(name)) < 4 or name.startswith(_DEMONSTRATIVE) \
                    or not re.search(f"(?:{heads})$", name) or re.search(r"等(?:\d|[一二三四五六七八九十两])", name):
                continue  # (授予某某队等10个班组…称号: recipients and their count, not a title)
            add(s, s + len(name), name)
    # 获 alone before a title with no conferrer in between: 某某等8个单位获优秀组织奖 (获某总工会授予的… is above)
    for m in re.finditer(rf"获(?![奖此得评])((?:(?!的|授予|颁发)[\u4e00-\u9fff]){{2,20}}?(?:{heads}))"
                         rf"(?=等|称号|荣誉|[，。；,;：:\s）)]|$)", text):
        if len(_plain(m.group(1))) >= 4 and not m.group(1).startswith(_DEMONSTRATIVE):
            add(m.start(1), m.end(1), m.group(1))
    # a title written right before 称号 after its recipients and their count: 授予A、B等15个单位2024年度“安康杯”竞赛
    # 优胜单位称号 (the count, a year or a verb opens the title)
    before_title = r"(?:单位|集体|班组|职工|个人|[个名位家人]|授予|获得|荣获|年度?)"
    titled = rf"(?:[\u4e00-\u9fffA-Za-z0-9]|“[^”“\n]{{1,12}}”){{2,30}}?(?:{heads}|单位|集体|个人)"
    for m in re.finditer(rf"{before_title}({titled})(?=(?:荣誉)?称号)", text):
        # 授予某某队等10个班组|…称号: the title follows the count
        counted = list(re.finditer(r"等(?:\d+|[一二三四五六七八九十两]+)[个名家位支]?"
                                   r"(?:单位|集体|班组|职工|企业|车间)?", m.group(1)))
        lead = counted[-1].end() if counted else 0
        lead += re.match(r"(?:单位|集体|班组|职工|个人)?(?:\d{4}年度?)?", m.group(1)[lead:]).end()
        name = m.group(1)[lead:]
        if len(_plain(name)) >= 4 and not name.startswith(_DEMONSTRATIVE) and not name[0].isdigit():
            add(m.start(1) + lead, m.end(1), name)
    # a list of those honoured, published: 公布2025年全国某某系统“某某”建设示范单位名单
    for m in re.finditer(rf"(?:公布|公示|发布|印发)了?(?:\d{{4}}年度?)?({titled})(?=(?:拟表彰)?名单)", text):
        name = m.group(1)
        if len(_plain(name)) >= 4 and not name.startswith(_DEMONSTRATIVE):
            add(m.start(1), m.end(1), name)
    # honours from the lexicon
    for m in _honours_re().finditer(text):
        add(m.start(), m.end(), m.group(), [_plain(m.group())] if "“" in m.group() else ())
    # a quoted name that ends in the head of a medal, cup or certificate is one, whatever the verb (after the
    # patterns above, which know its level):
    # 共评选“某某奖章”获得者300名、“某某奖杯”集体60个
    for m in re.finditer(r"“([^”“\n]{2,16}(?:奖章|奖杯|奖状))”", text):
        add(m.start(), m.end(), m.group(1))
    # a quoted title of persons (命名第二批“某某工匠”, 为2024年度“某某工匠”颁发证书); 选树/评选 after it names the
    # selection, which add() leaves to the programmes
    heads_p = "|".join(_PERSON_TITLE_HEADS)
    for m in re.finditer(rf"“([^”“\n]{{2,12}}(?:{heads_p}))”", text):
        add(m.start(), m.end(), m.group(1))

    _ellipsis()
    out = _widen_to_named(text, out)
    out.sort(key=lambda x: x.start)
    return out


def _widen_to_named(text: str, out: list[Mention]) -> list[Mention]:
    """A title written in full elsewhere in the article (“某系统先进集体”称号) read whole where it
    is written unquoted too (表彰某系统先进集体), not as its bare tail (先进集体)."""
    names = {m.attrs["name"] for m in out}
    widened: list[Mention] = []
    for m in sorted(out, key=lambda x: x.start):
        name = m.attrs["name"]
        full = max((n for n in names if len(n) > len(name) and n.endswith(name)
                    and text[max(0, m.start - len(n) + len(name)):m.end] == n), key=len, default=None)
        prev = widened[-1] if widened else None
        if full is None and prev is not None and prev.end == m.start - 1 and text[prev.end] in "和与及、":
            # 某系统先进集体和优秀工会工作者: the second title shares the first one's prefix
            full = next((n for n in names if len(n) > len(name) and n.endswith(name)
                         and prev.attrs["name"].startswith(n[:len(n) - len(name)])), None)
            if full is not None:
                m = Mention("award", m.start, m.end, m.text, {**m.attrs, "name": full, "core": None,
                                                              "aliases": sorted({*m.attrs["aliases"], name})})
                full = None
        if full is not None:
            s = m.start - len(full) + len(name)
            m = Mention("award", s, m.end, text[s:m.end], {**m.attrs, "name": full, "core": None})
        widened.append(m)
    return widened


# ---------------------------------------------------------------- recipients named in lists
#: Verbs of receiving an honour written right after its recipients.
_RECEIVED = r"(?:先后|曾|还|也|均|分别|同时|一同|共同)?(?:荣获|获得|获评|被评为|被授予|荣膺|当选为?|入选)"
#: A Han name of two or three characters, or a transcribed one whose parts a middle dot joins
#: (艾力·买买提: Uyghur, Kazakh and other names written in Chinese characters).
_NAME = r"(?:[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,8}(?:·[\u4e00-\u9fff]{2,8})?|[\u4e00-\u9fff]{2,3})"
#: The count after a list of names: 等3人, 等10名职工, 等同志.
_COUNT = (r"(?:等(?:\d+|[一二三四五六七八九十两]+)(?:人|名|位)(?:职工|同志|选手|员工|教师|个人|劳动者|工匠)?"
          r"|等人|等同志|同志|等)?")


#: What may follow a name written right after an honour (全国劳动模范孔德平家里).
_AFTER_APPOSED = re.compile(r"家里|家中|家|同志|的|等|在|是|说|表示|介绍|[，,。；;、：:（(]")


def find_recipient_names(article: Article) -> list[Mention]:
    """Person names in the list forms of conferring, with clear boundaries on both sides.

    * a clause that opens with names and a verb of receiving:
      ``张三、李四、王五等3人获得…称号``, ``来自某地的张三获得…一等奖``;
    * names after 授予 and before the title or 等/同志: ``授予张三、李四“…”称号``;
    * names listed after 的有/的是: ``荣获…称号的有：张三、李四``;
    * a name right after an honour, before a clear boundary: ``全国劳动模范孔德平家里``.

    Only names that :func:`graph.mentions.persons.is_plausible_name` accepts
    (a surname from the lexicon and one or two characters) are kept; names
    already found by :mod:`graph.mentions.persons` are not repeated.

    Parameters
    ----------
    article : Article
        With award and person mentions found.

    Returns
    -------
    list of Mention
        kind ``"person"``, ``attrs["via"] == "award-list"``.
    """
    from .persons import is_plausible_name

    text = article.text
    persons = {m.start: m for m in article.of_kind("person")}
    known = set(persons)
    award_starts = {m.start for m in article.of_kind("award")}
    out: list[Mention] = []

    def take(group_start: int, names: str) -> None:
        pos = group_start
        for name in names.split("、"):
            found = persons.get(pos)
            if "·" in name and found is not None and len(found.text) < len(name) and name.startswith(found.text):
                # the list shows the whole transcribed name where the name finder stopped short
                found.end, found.text = pos + len(name), name
                found.attrs["name"] = name
            elif "·" in name and pos not in known and all(len(part) >= 2 for part in name.split("·")):
                known.add(pos)
                out.append(Mention("person", pos, pos + len(name), name,
                                   {"name": name, "via": "award-list", "posts": [], "honour": None}))
            elif is_plausible_name(name) and pos not in known:
                known.add(pos)
                out.append(Mention("person", pos, pos + len(name), name,
                                   {"name": name, "via": "award-list", "posts": [], "honour": None}))
            pos += len(name) + 1

    names = rf"({_NAME}(?:、{_NAME})*)"
    # names opening a clause (or after 的) before a verb of receiving
    for m in re.finditer(rf"(?:^|(?<=[，,。；;：:\n的]))(?:其中)?{names}{_COUNT}{_RECEIVED}", text, re.M):
        take(m.start(1), m.group(1))
    # 授予 + names + title or 等/同志
    for m in re.finditer(rf"授予{names}(?={_COUNT}(?:“|$))|授予{names}(?=等|同志)", text):
        g = 1 if m.group(1) else 2
        take(m.start(g), m.group(g))
    for m in re.finditer(rf"授予{names}", text):
        # the last name ends where an award mention starts: 授予张三全国劳动模范称号
        end = next((m.start(1) + k for k in range(len(m.group(1)), 1, -1) if m.start(1) + k in award_starts), None)
        if end is not None:
            take(m.start(1), text[m.start(1):end])
    # an honour right before a name: 全国劳动模范孔德平家里, 省五一劳动奖章获得者… (not), 市劳动模范王刚的事迹
    for a in article.of_kind("award"):
        for n in (3, 2):
            name = text[a.end:a.end + n]
            if re.fullmatch(r"[\u4e00-\u9fff]+", name) and is_plausible_name(name) \
                    and _AFTER_APPOSED.match(text, a.end + n):
                take(a.end, name)
                break
    # 荣获…的有：张三、李四
    listed = rf"(?:荣获|获得|获评|被评为|被授予)[^。\n]{{2,40}}?的(?:有|是|为)[:：]?{names}(?=[。，,；;\n等]|$)"
    for m in re.finditer(listed, text):
        take(m.start(1), m.group(1))
    return out
