"""Programme mentions: campaigns, contests, schemes, funds, service brands.

Patterns of the genre, in order of confidence:

1. a quoted name with a programme tail: ``“安康杯”竞赛``, ``“温暖武汉”项目``,
   ``第二届“北京大工匠”选树``; several quoted names sharing one tail
   (``“A”“B”主题展览``); a quoted name that itself ends in a tail
   (``“某某职工专项温暖基金”``).  Run before honours, so that 最美劳动者 in
   ``“最美劳动者”主题活动`` is the programme's name (:func:`find_quoted`);
2. quoted names introduced as themes, listed before 等 + tail, or right
   after a verb of running a programme: ``以“中国梦·劳动美”为主题``,
   ``“最美职工”“暖在京城”等活动``, ``唱响“四季歌”``;
3. an ordinal, a verb, or a clause edge before an unquoted name ending in
   a tail: ``首届职工象棋比赛``, ``实施思想引领工程、保障凝聚工程``,
   ``职工心理援助热线``;
4. names with digits for hotlines and platforms: ``12351热线``;
5. nationally used programme names from the lexicon: 职工之家, 送温暖 ...
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Article, Mention
from ._spans import name_start, occurrences, place_at
from .awards import TakenSpans

_Q = r"“([^”“\n]{2,40})”"
_ORDINAL = r"(?:首届|第[一二三四五六七八九十\d]+届|第[一二三四五六七八九十\d]+期)"
#: Verbs that introduce a programme name.
INTRO_VERBS = ("开展", "实施", "举办", "组织", "推出", "启动", "设立", "打造", "创建", "深化", "推进", "举行",
               "发起", "承办", "主办", "参加", "推行", "制定实施", "建立", "开通", "叫响", "探索", "选树完成",
               "创新开展", "广泛开展", "组织开展", "持续开展", "深入开展", "继续实施", "顺利开展", "成功举办",
               "唱响", "打好", "打响", "擦亮", "用好", "推动", "完善", "参与")
#: A verb of setting up a programme, then the field it works in, before a quoted name: 建立劳动争议|“一站式”….
_OPENED = re.compile(r"(?:建立|设立|推行|开通|创建)([\u4e00-\u9fff]{2,4})$")
#: Tails too generic to delimit an unquoted name (长效机制, 知识讲座 ...).
WEAK_TAILS = ("机制", "讲座", "志愿服务", "课堂", "讲堂", "品牌", "联盟", "座谈会", "交流会", "推进会", "现场会",
              "服务站", "驿站", "工作室")
#: Verbs after which a bare quoted name is a programme (唱响“四季歌”, 推动“五站进港”).
QUOTE_VERBS = ("唱响", "打好", "打响", "擦亮", "叫响", "推出", "开展", "举办", "启动", "推动", "实施", "设立", "发起",
               "建成", "打造", "送上", "送去", "开通", "组建")
#: What may follow a programme name that ends in a strong tail.
_AFTER_STRONG = re.compile(r"$|[，,。；;、：:！？!?”）)\s]|[和与及等中]|创建|建设|工作|活动|[\u4e00-\u9fff]{1,3}决赛"
                           # the programme's own meeting: …集中行动推进会, …劳动竞赛总结表彰会
                           r"|(?:推进|启动|动员|部署|总结表彰|总结|表彰)(?:会|大会|仪式)")
#: A service given to workers, written after a quoted name right after a verb (开展“某某”筛查).
_SERVICE_TAIL = "(?:筛查|体检|义诊|服务|咨询)"
#: Tails that mark a programme even without a verb or quotes before them.
STRONG_TAILS = ("热线", "工程", "专项基金", "基金", "行动计划", "专项行动", "集中行动", "选拔赛", "技能大赛", "大赛",
                "比赛", "竞赛", "培训班", "艺术节", "运动会", "示范点")
#: Words that, alone before a tail, make a kind of activity, not a programme's name
#: (竞赛活动, 技能竞赛, 文艺活动, 慰问和文体活动).
GENERIC_WORDS = ("群众性文体", "文体", "文艺", "书法", "绘画", "美术", "摄影", "书画", "手工", "职工群众",
                 "慰问", "竞赛", "培训", "宣传", "服务", "技能", "帮扶", "走访", "安全",
                 "体育", "娱乐", "公益", "志愿", "学习", "教育", "实践", "交流", "主题", "职业", "职工", "联谊",
                 "心理健康", "健康", "法律", "普法", "专场", "读书", "和", "、", "及")
#: People a programme serves, written before 的 and its name (困难职工、劳动模范的春节慰问活动).
_SERVED = re.compile(r"(?:职工|工人|[员者]|模范|劳模|群众|家庭|子女|农民工|人才|小哥|骑手|司机|师傅|教师|党员"
                     r"|干部|会员)$")
_BAD_START = ("各种", "各类", "一系列", "多种", "多项", "相关", "各项", "有关", "一批", "多个", "各级", "这些", "该",
              "系列", "丰富多彩", "形式多样", "不同", "一些", "了", "着", "过", "广泛", "各", "本",
              "以", "在", "对", "到", "仪式", "暨")


@cache
def _tails() -> tuple[str, ...]:
    return tuple(sorted(lexicon.programme_tails(), key=len, reverse=True))


@cache
def _tails_re(strong_only: bool = False, quoted: bool = False) -> str:
    tails = STRONG_TAILS if strong_only else [t for t in _tails() if quoted or t not in WEAK_TAILS]
    if quoted:
        tails = list(tails) + ["栏目", "举措", "专项工作", "工作"]
    return "(?:" + "|".join(map(re.escape, sorted(tails, key=len, reverse=True))) + ")"


@cache
def _generic_re() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(GENERIC_WORDS, key=len, reverse=True)))
    return re.compile(rf"(?:{words})+(?:[\u4e00-\u9fff]{{0,2}}活动|技能竞赛|竞赛|比赛|大赛|培训班?|讲座|演出|展演"
                      rf"|书画摄影展|书画展|书法展|摄影展|美术展|画展|作品展|展览"
                      # 举办专场招聘会6场, 开展读书分享会24场: a kind of meeting, none named
                      rf"|招聘会|分享会|交流会|见面会|双选会|联谊会|报告会|宣讲会|座谈会)")


@cache
def _honours() -> frozenset[str]:
    return frozenset(lexicon.honours())


@cache
def _terms() -> tuple[str, ...]:
    return tuple(sorted(lexicon.programme_terms(), key=len, reverse=True))


#: 成为 (真正成为…的) before a quoted name: what something is likened to, not a programme's name.
_BECOMES = re.compile(r"成为[^，,。；;！？“”]{0,14}$")
#: The rest of a title of honour right after a programme's name: (竞赛)优胜单位称号, ”称号, ”建设示范单位名单.
_TITLE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:(?:荣誉)?称号|(?:单位|集体|个人|班组)名单)"
                          r"|(?:优胜|先进)(?:单位|集体|个人|班组)")  # “安康杯”竞赛|优胜班组: the title won


#: A verb of winning a title between a quoted name and a tail: the tail ends the title won, not the name.
_CONFERRED_IN_TAIL = re.compile(r"获评|荣获|获得|入选|评为|被评")


#: A count right before the tail (两个项目, 3项活动): the phrase counts items of a kind, it names none.
_COUNTED_TAIL = re.compile(r"[一二两三四五六七八九十百\d]+(?:个|项)(?:项目|活动|比赛|赛项|竞赛)$")


class _Collector:
    """Collects non-overlapping programme mentions."""

    def __init__(self, article: Article, blocked):
        self.text = article.text
        self.out: list[Mention] = []
        self.taken = TakenSpans(len(self.text), blocked)

    def free(self, s: int, e: int) -> bool:
        return self.taken.free(s, e)

    def add(self, s: int, e: int, name: str, aliases=(), network: bool = False) -> None:
        name = name.strip()
        core = re.sub(r"[“”\s]", "", name)
        if len(core) < 2 or not self.free(s, e) or any(core.startswith(b) for b in _BAD_START):
            return
        if core.endswith("项目") and re.match(r"\d+项", self.text[e:e + 8]):
            return  # 开展劳动竞赛项目147项: the projects counted, a kind, no programme's name
        if name.count("“") != name.count("”"):
            return  # 开展工资集体协商“要约行动|月”: a span that ends or starts inside a quoted name
        if _COUNTED_TAIL.search(core):
            return  # 承办大赛数控车工、电工两个项目的决赛: a count of a contest's events, no programme's name
        if core.endswith("活动") and self.text.startswith(("中心", "室", "场所", "阵地"), e):
            return  # 在公司职工活动|中心召开: a place for activities, no programme
        if not network and _generic_re().fullmatch(core):
            return
        self.taken.take(s, e)
        self.out.append(Mention("programme", s, e, self.text[s:e],
                                {"name": name, "aliases": sorted(set(aliases) - {name}), "network": network}))


def find_quoted(article: Article, blocked: list[tuple[int, int]] = ()) -> list[Mention]:
    """Quoted programme names with a tail (pattern 1); see the module docstring."""
    c = _Collector(article, blocked)
    text = c.text
    tails = _tails_re(quoted=True)
    # (ordinal)(place)“X”“Y”...(modifier)tail: each quoted name gets the tail
    pat = re.compile(rf"({_ORDINAL})?([\u4e00-\u9fff]{{0,6}}?)((?:“[^”“\n]{{2,40}}”)+)"
                     rf"((?![和与及])[^\W\d等各的在]{{0,8}}?{tails})")  # (…”和某某驿站: no tail; 劳动和技能竞赛 is one)
    for m in pat.finditer(text):
        if text.startswith("上", m.end()):
            continue  # “国之大者”在思想上政治上行动上: a phrase, not a tail
        if _TITLE_AFTER.match(text, m.end()):
            continue  # “安康杯”竞赛优胜单位称号: the contest names a title conferred here (an award)
        ordinal, pre, quotes, tail = m.group(1) or "", m.group(2) or "", m.group(3), m.group(4)
        keep_pre = pre and _is_place_prefix(pre)
        items = list(re.finditer(_Q, quotes))
        if re.search(r"(?:工作|举措)$", tail) and len(tail) > 4:
            continue  # “两新组织”建会建家工作: a task, not a programme's name
        if _CONFERRED_IN_TAIL.search(tail):
            continue  # “职工书屋”获评全国示范点: the programme is the quote, the rest a title it won
        for q in items:
            qs, qe = m.start(3) + q.start(), m.start(3) + q.end()
            core = q.group(1)
            if len(items) == 1:
                s = m.start() if (keep_pre or not pre) else qs
                # 建立劳动争议“一站式”联动化解机制: after a verb of setting one up, the field it works in,
                # written before the quote, opens the name
                opened = None if keep_pre or ordinal else _OPENED.search(pre)
                if opened and _nominal(opened.group(1)):  # (建立建成“某某”机制: no field, a second verb)
                    s = m.start(2) + opened.start(1)
                full = text[s:m.end()]
                c.add(s, m.end(), full, {core, f"“{core}”{tail}", full.replace(ordinal, "", 1) if ordinal else full})
            else:
                c.add(qs, qe, f"“{core}”{tail}", {core})
    # themes and quoted lists before 等 + tail: 以“中国梦·劳动美”为主题, “最美职工”“暖在京城”等活动,
    # “双沟通”联系等工作模式 (a short modifier may follow a quoted name)
    for m in re.finditer(rf"以{_Q}为主题", text):
        c.add(m.start(1) - 1, m.end(1) + 1, m.group(1))
    # 围绕“某某”主题, 聚焦“某某”这一主题: the quote names the theme the work is run under
    # (围绕“某某”主题教育: a campaign of the party, whose name runs on after 主题)
    for m in re.finditer(rf"(?:围绕|聚焦|紧扣|紧紧围绕){_Q}(?:这一|这个)?主题(?=[，,。；;、！？\s]|开展|组织|举办)",
                         text):
        c.add(m.start(1) - 1, m.end(1) + 1, m.group(1), {f"“{m.group(1)}”主题"})
    listed = (rf"((?:{_Q}[\u4e00-\u9fff]{{0,4}}?[、和及]?){{1,8}})等(?:为主题|{_tails_re(quoted=True)}|品牌"
              # “工会帮就业”“工会送技能”等各项职工服务工作
              rf"|(?:各项|多项|系列|一系列)[\u4e00-\u9fff]{{0,6}}?(?:工作|服务|活动|品牌|项目))")
    for m in re.finditer(listed, text):
        for q in re.finditer(rf"{_Q}([\u4e00-\u9fff]{{0,4}}?)(?=[、和及“]|$)", m.group(1)):
            name = q.group(0) if q.group(2) else q.group(1)
            c.add(m.start(1) + q.start(), m.start(1) + q.end(), name, {q.group(1)})
    # a campaign period: “女职工权益保护月”启动仪式
    for m in re.finditer(r"“([^”“\n]{2,20}(?:月|周|季))”(?=启动|活动|期间|中|,|，)", text):
        c.add(m.start(), m.end(), m.group(1))
    # a quoted name that ends in a tail or a facility head itself: “顺义区职工专项温暖基金”, “工会健康之家”;
    # single quotes too, as inside a quoted speech (“我们建了300个‘某某驿站’”)
    for m in [*re.finditer(_Q, text), *re.finditer(r"‘([^’‘“”\n]{2,20})’", text)]:
        name = m.group(1)
        if re.search(f"(?:{_tails_re()}|之家|小家|小屋|书屋|驿站|工作室)$", name) and c.free(m.start(), m.end()) \
                and not _TITLE_AFTER.match(text, m.end()) and name not in _honours() \
                and not _BECOMES.search(text, max(0, m.start() - 16), m.start()):
            # (“全国某系统模范职工之家”称号, 表彰某某工会等10个“模范职工之家”: a title; 成为劳动者的“温暖之家”:
            # a figure of speech)
            c.add(m.start(), m.end(), name)
    return c.out


def find(article: Article, blocked: list[tuple[int, int]] = ()) -> list[Mention]:
    """Find programme mentions (patterns 2–5; pattern 1 is :func:`find_quoted`).

    Parameters
    ----------
    article : Article
    blocked : list of (start, end)
        Spans already taken by other mentions (quoted programmes, awards:
        全国模范职工之家 is an honour, not the 职工之家 programme).

    Returns
    -------
    list of Mention
        kind ``"programme"``; ``attrs["name"]`` the fullest form,
        ``attrs["aliases"]`` other forms, ``attrs["network"]`` True for
        lexicon service networks (职工之家 ...), which are counted more
        than they act.
    """
    c = _Collector(article, blocked)
    text = c.text
    tails = _tails_re()
    verbs = "|".join(sorted(map(re.escape, INTRO_VERBS), key=len, reverse=True))

    # 2. quoted names right after a verb of running a programme
    qverbs = "|".join(QUOTE_VERBS)
    # (设立“某某服务站”45个: a count may follow the name)
    for m in re.finditer(rf"(?:{qverbs})了?((?:{_Q}[、和及]?)+)(?=[，,。；;、！？\s等的]|\d|$)", text):
        for q in re.finditer(_Q, m.group(1)):
            c.add(m.start(1) + q.start(), m.start(1) + q.end(), q.group(1))
    # (开展“某某”筛查, 开展“某某”服务3200人次: a service given to workers, written after its quoted name)
    # (“两癌”筛查 written unquoted is a lexicon term: a service network as pattern 5 would find it)
    # (开展女职工“两癌”筛查: those served may stand between the verb and the quote)
    for m in re.finditer(rf"(?:{qverbs})了?(?:女职工|职工|农民工)?{_Q}({_SERVICE_TAIL})(?=[，,。；;、！？\s]|\d|$)",
                         text):
        q = m.group().index("“")
        c.add(m.start() + q, m.end(), m.group()[q:], {m.group(1)}, network=m.group(1) + m.group(2) in _terms())

    # 4. hotlines and platforms named by a number, before pattern 3 can take the words after the number
    # (12351职工服务热线 is one name, not 职工服务热线)
    for m in re.finditer(r"(?<![\d.])(\d{4,6})(?:[\u4e00-\u9fff]{0,4}?(?:热线|平台)|APP)", text):
        c.add(m.start(), m.end(), m.group())

    # 3. ordinal, verb or clause edge + unquoted name ending in a tail
    for m in re.finditer(rf"{_ORDINAL}[\u4e00-\u9fff]{{2,16}}?{tails}", text):
        short = re.sub(_ORDINAL, "", m.group(), count=1)
        # the region that holds it, written after a quote or clause edge: 粤港澳大湾区第四届职业技能大赛
        region = re.search(r"(?:^|(?<=[”\s，,。；;：:]))([\u4e00-\u9fff]{2,8}(?:湾区|经济区|地区|省|市|区|县|州))$",
                           text[max(0, m.start() - 9):m.start()]) \
            or re.search(r"(?:^|(?<=[”\s，,。；;：:的]))([\u4e00-\u9fff]{2,8}(?:省|市|区|县|州)[\u4e00-\u9fff]{2,4}"
                         r"(?:行业|系统))$", text[max(0, m.start() - 15):m.start()]) \
            or re.search(r"(?<=[”\s，,。；;：:的])([\u4e00-\u9fff]{2,6}(?:行业|系统))$",
                         text[max(0, m.start() - 12):m.start()])  # 主办的某省某某系统第八届… (a place opens it)
        held = region.group(1).rsplit("的", 1)[-1] if region else ""  # 联合主办的|某市第十二届…
        if held and not re.search(r"湾区|经济区", held):
            # the window's edge is no clause edge: the region starts at a known place (本次|某市第五届…)
            held = held[next((k for k in range(len(held) - 1) if place_at(held, k)), len(held)):]
        s = m.start() - len(held) if held and not held.startswith(("全", "各")) else m.start()
        c.add(s, m.end(), text[s:m.end()], {short, m.group()})
    item = rf"(?:[\u4e00-\u9fff]{{2,12}}、)*[\u4e00-\u9fff+“”()]{{2,24}}?{tails}"
    # (联合开展的某某劳动竞赛: the verb of a relative clause before the name)
    for m in re.finditer(rf"(?:{verbs})[了的]?((?:{item}[、和])*{item})(?![\u4e00-\u9fff]{{0,3}}{tails})", text):
        group = m.group(1)
        # split at 、, and at 和 only between names that each end in a tail (和谐劳动关系创建活动 keeps its 和)
        parts = []
        for chunk in group.split("、"):
            subs = chunk.split("和")
            parts += subs if len(subs) > 1 and all(len(p) >= 4 and re.search(tails + "$", p) for p in subs) \
                else [chunk]
        if "等" in group:
            continue
        if "的" in group.replace("党的", ""):
            # 启动困难职工、劳动模范的春节慰问活动: the name is what follows the last 的 (the rest says for whom)
            k = group.rindex("的") + 1
            # (not 丰富多彩的特色服务项目, 的重要平台: a quality before 的 describes a kind, it names none)
            if "、" not in group[k:] and "和" not in group[k:] and len(group) - k >= 5 \
                    and _SERVED.search(group[:k - 1]):
                c.add(m.start(1) + k, m.end(1), group[k:])
            continue
        # 中式烹调、工程试验工职业技能竞赛: items without their own tail share the last one
        if all(re.search(tails + "$", p) for p in parts):
            pos = m.start(1)
            for p in parts:
                c.add(pos, pos + len(p), p)
                pos += len(p) + 1
        elif all(len(p) <= 6 for p in parts[:-1]):  # names sharing a tail are short: 中式烹调、工程试验工…竞赛
            c.add(m.start(1), m.end(1), group)
    for m in re.finditer(_tails_re(strong_only=True), text):
        s = name_start(text, m.start(), 24)
        if s > 0 and text[s - 1] == "全" and text[s] in _SCOPES and (s == 1 or not _HAN1.match(text[s - 2])):
            s -= 1  # 全|国某某大赛 opening a headline or clause: 全国 is the contest's scope, not a cut word
        year = _year_before(text, s, m.start())
        core = re.sub(r"^(?:全市|全区|全省|全国|全县)", "", text[s:m.start()])
        if core in ("重点", "重大", "民生", "各项", "惠民", "重要", "一批"):
            continue  # 全市重点工程: a kind of project, not a programme
        name = text[s:m.end()]
        if year is not None:
            if m.start() - year.end() >= 3 and "的" not in name and not _opens_badly(text[year.end():m.start()]):
                # (2025年新建省级示范点2家: a verb after the year counts what was done, it names nothing)
                # 2024年度职工技能竞赛, 2025年全省…大赛: the year opens the name (and delimits it)
                c.add(year.start(), m.end(), text[year.start():m.end()],
                      {text[year.start(1):m.end()], text[year.end(1):m.end()]})
            continue  # (2025年度|劳动竞赛: too short after the year to name one; no name opens inside a year)
        if m.start() - s >= 3 and "的" not in name.replace("党的", "") and not _ends_in_verb(text[s:m.start()]) \
                and _AFTER_STRONG.match(text, m.end()):
            c.add(s, m.end(), name)

    # a year opens a name that ends in any tail (2025年度职工技能比武将于5月启动): the year delimits it
    for m in re.finditer(rf"(?<!\d)(?:19|20)\d{{2}}年度?(?:全[{_SCOPES}])?([\u4e00-\u9fff]{{2,16}}?){tails}"
                         rf"(?![\u4e00-\u9fff]{{0,3}}{tails})", text):
        body = m.group(1)
        if "的" in body or any(v in body for v in INTRO_VERBS) or _opens_badly(body):
            continue  # 2024年以来开展…, 2025年上半年…: a time before a clause, not a name
        if re.fullmatch(tails, body) or re.fullmatch(tails, text[m.start(1):m.end()]):
            continue  # 2025年竞赛项目, 2025年度劳动竞赛: a year and a kind (tail words only) name nothing
        if any(t in m.group() for t in _terms()):
            continue  # 2025年元旦春节送温暖活动: a campaign of the lexicon, named by pattern 5 with its modifiers
        c.add(m.start(), m.end(), m.group(), {text[m.start(1):m.end()]})


    # 5. lexicon terms
    tail_after = re.compile(_tails_re(quoted=True))
    for term in _terms():
        if term not in text:  # most terms are not in a given article: skip building their patterns
            continue
        for start in occurrences(text, term):
            if _FACILITY_AFTER.match(text, start + len(term)):
                continue  # 某某工会法律援助工作站: the term names what a facility does, inside the facility's name
            if term.endswith("站") and text.startswith("点", start + len(term)):
                continue  # 建成乡镇职工服务站点47个: sites of a kind (服务站点), not the network the term names
            if _SET_UP_UNIONS.search(text, max(0, start - 6), start) and c.free(start - 2, start + len(term)):
                # 设立工会劳动争议调解工作室: the union's own facility, 工会 is part of its written name
                c.add(start - 2, start + len(term), "工会" + term, {term}, network=True)
                continue
            # 送温暖活动, 元旦春节送温暖活动: the term with its tail is the written name
            t = tail_after.match(text, start + len(term))
            if t and not re.match(r"工作|举措|栏目", t.group()) and c.free(start, t.end()):
                c.add(start, t.end(), text[start:t.end()], {term}, network=True)
            else:
                c.add(start, start + len(term), term, network=True)
    # a name found once names the same programme wherever the article repeats it (共同举办的某某计划)
    found = {m.attrs["name"]: m.attrs["aliases"] for m in reversed(c.out)
             if len(m.attrs["name"]) >= 4 and not m.attrs["network"]}
    for name, aliases in sorted(found.items()):
        for start in occurrences(text, name):
            c.add(start, start + len(name), name, aliases)
    c.out.sort(key=lambda x: x.start)
    return c.out


#: A verb of setting a facility up and 工会 right before a lexicon term (设立工会|劳动争议调解工作室).
_SET_UP_UNIONS = re.compile(r"(?:设立|建立|成立|建成|开设|打造|组建|新建)工会$")
#: A facility's head right after a lexicon term: the term is part of the facility's name.
_FACILITY_AFTER = re.compile(r"工作站|服务站|调处中心|中心")  # (某区职工法律援助中心: a centre of the union)
#: What 全 makes a scope of (全国, 全省 …).
_SCOPES = "国省市区县州盟旗"
_HAN1 = re.compile(r"[\u4e00-\u9fff]")
#: A year written before a programme's name, with the scope the name may open with (2025年度全市).
_YEAR_OPEN = re.compile(rf"(?<!\d)(?:19|20)\d{{2}}年度?((全[{_SCOPES}])?)")


def _year_before(text: str, s: int, tail: int) -> re.Match | None:
    """The year (and 全国/全省 …) that opens the name whose left edge :func:`name_start` put at ``s``
    (digits stop it: 2024年|度职工…竞赛, 2025年全|国…大赛), when it runs on to ``s`` or into the name."""
    for m in _YEAR_OPEN.finditer(text, max(0, s - 10), min(tail, s + 4)):
        if m.start() < s <= m.end() and m.end() < tail:
            return m
    return None


def _opens_badly(body: str) -> bool:
    """Whether what follows a year opens no name: a time word, a verb, a preposition (以来, 上半年, 起)."""
    from ..text.segment import words

    toks = words(body)
    return not toks or toks[0][1] in ("v", "p", "d", "f", "t", "c", "m", "q", "r", "u") \
        or body.startswith(("以来", "来", "起", "初", "底", "末", "上半年", "下半年", "前", "至", "到", "全年", "共",
                            "累计")) \
        or re.match(r"(?:新建|新增|建成|新设)(?![区县])", body) is not None  # (jieba: 新建 a county, ns)


def _nominal(phrase: str) -> bool:
    """Whether jieba reads ``phrase`` as nouns (劳动争议, 法律援助), its last word a noun."""
    from ..text.segment import words

    toks = words(phrase)
    return bool(toks) and toks[-1][1].startswith("n") and all(t[1][:1] in ("n", "v", "a") and t[1] != "v"
                                                               for t in toks)


def _ends_in_verb(prefix: str) -> bool:
    from ..text.segment import words

    toks = words(prefix)
    return bool(toks) and toks[-1][1] in ("v", "d", "p", "c", "u")


def _is_place_prefix(pre: str) -> bool:
    from ._spans import place_at

    return place_at(pre, 0) == len(pre)
