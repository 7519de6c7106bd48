"""Stage 4, resolve: one article's mentions become :class:`ArticleFacts`.

In-article coreference, as a reader does it (issue 3):

* a bare 区总工会 / 市总工会 is the union of that level the section or the
  article is about (a heading such as ``平谷区总工会`` scopes the
  paragraphs under it); short forms (经开区总工会, 顺义工会) are aliases of
  the full name written elsewhere in the article;
* a union's parent comes from its level and the place lexicon (街道 → the
  district in context; a Beijing district → 北京市总工会; a province →
  中华全国总工会);
* a person keeps every post written before any of their mentions;
* a figure's year is its sentence's, else its paragraph's, else its
  section heading's (【回顾2020】), else the article's; its subject is the
  programme of its clause, else the first union of its sentence, else the
  topic carried by the paragraph, else the section's or article's union.

Corpus-wide entity resolution (one IRI per name across articles) happens in
:mod:`graph.rdf`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .mentions.unions import HEADS, union_level
from .model import (
    Article,
    ArticleFacts,
    AwardFact,
    FigureFact,
    Mention,
    NamedFact,
    PersonFact,
    ProgrammeFact,
    Role,
    UnionFact,
)

NATIONAL = "中华全国总工会"
_BARE_LEVELS = {"区": ("district",), "县": ("district",), "旗": ("district",), "新区": ("district",),
                "州": ("city",), "市": ("provincial", "city"), "公司": ("enterprise",), "集团": ("enterprise",),
                "省": ("provincial",), "街道": ("street",), "镇": ("street",), "乡": ("street",), "": ()}
_QUOTES = "“”‘’\"'「」『』《》"


@lru_cache(maxsize=65536)
def norm_key(name: str) -> str:
    """Matching key of a name: no spaces, no quotation marks."""
    return re.sub(r"\s+", "", "".join(ch for ch in name if ch not in _QUOTES))


def _prefix(name: str) -> str:
    for head in HEADS:
        if name.endswith(head):
            return name[: -len(head)]
    return name


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


# ---------------------------------------------------------------- unions
def resolve_unions(article: Article) -> dict[str, UnionFact]:
    """Give every union mention a canonical ``attrs["name"]``; return the unions.

    Bare forms get the union in context; short forms the full name written
    elsewhere in the article; aliases (全总) their full name.
    """
    mentions = article.of_kind("union")
    named = [m for m in mentions if m.attrs.get("name")]
    # short forms → full forms written in the same article
    zone_full = lexicon.zone_short_forms()
    names = sorted({m.attrs["name"] for m in named}, key=len, reverse=True)
    canon: dict[str, str] = {}
    admin = lexicon.provinces().keys() | lexicon.cities().keys() | lexicon.municipal_districts().keys() \
        | lexicon.counties().keys()
    for n in names:
        p = _prefix(n)
        if n.endswith("工会") and not n.endswith("总工会") and p in admin and p not in lexicon.municipal_zones():
            canon[n] = p + "总工会"  # 北京市工会十四大: a place's union is its 总工会
            continue
        if p in zone_full:
            full = zone_full[p] + (n[len(p):] if n[len(p):] else "总工会")
            canon[n] = full
            continue
        for longer in names:
            if longer == n or len(_prefix(longer)) < len(p):
                continue
            q = _prefix(longer)
            if (q != p or len(longer) > len(n)) and (q[:1] == p[:1] or p[:1] in "省市区县") and _is_subsequence(p, q) \
                    and union_level(n) in (union_level(longer), "other") \
                    and (longer.endswith("总工会") or longer[len(q):] == n[len(p):]):
                canon[n] = canon.get(longer, longer)
                break
    for m in named:
        written = m.attrs.get("written") or m.text
        m.attrs["written"] = written
        m.attrs["name"] = canon.get(m.attrs["name"], m.attrs["name"])

    # scopes: union headings scope their sections
    section_union: dict[int, str] = {}
    current = None
    title_union = None
    for i, sec in enumerate(article.sections):
        head_unions = [m for m in named if sec.start <= m.start < sec.start + len(sec.heading)] if sec.heading else []
        if head_unions:
            current = head_unions[0].attrs["name"]
        section_union[i] = current
    t0 = article.text.find(article.title) if article.title else -1
    if t0 >= 0:  # the headline names the union the whole article is about
        title_union = next((m.attrs["name"] for m in named if t0 <= m.start < t0 + len(article.title)), None)
    counts = Counter(m.attrs["name"] for m in named)
    article_main = title_union or (counts.most_common(1)[0][0] if counts else None)

    def by_level(levels: tuple[str, ...], pos: int) -> str | None:
        sent = article.sentence_at(pos)
        sec = sent.section if sent else 0
        cands = [m for m in named if m.start < pos and (not levels or union_level(m.attrs["name"]) in levels)]
        scoped = section_union.get(sec)
        if scoped and (not levels or union_level(scoped) in levels):
            return scoped
        in_section = [m for m in cands if article.sentence_at(m.start) and article.sentence_at(m.start).section == sec]
        if in_section:
            return in_section[-1].attrs["name"]
        level_counts = Counter(m.attrs["name"] for m in named if not levels or union_level(m.attrs["name"]) in levels)
        if level_counts:
            return level_counts.most_common(1)[0][0]
        if "provincial" in levels:  # 市总工会 in a Beijing district article → 北京市总工会
            for n in counts:
                muni = lexicon.municipal_districts().get(_prefix(n))
                if muni:
                    return muni + "总工会"
        return None

    for m in mentions:
        if m.attrs.get("name") is None:
            m.attrs["name"] = by_level(_BARE_LEVELS.get(m.attrs.get("bare", ""), ()), m.start)
            m.attrs["written"] = m.text

    unions: dict[str, UnionFact] = {}
    for m in mentions:
        n = m.attrs.get("name")
        if not n:
            continue
        u = unions.setdefault(n, UnionFact(n, level=union_level(n)))
        if m.attrs["written"] != n:
            u.aliases.add(m.attrs["written"])
    main_district = next((n for n, _ in counts.most_common() if union_level(n) in ("district", "city")), None)
    for n, u in unions.items():
        u.parent = _parent(n, u.level, unions, section_union, mentions, article, main_district)
    article.main_union = article_main
    article.section_unions = section_union
    article.title_union = title_union
    return unions


def _parent(name: str, level: str | None, unions: dict[str, UnionFact], section_union: dict[int, str],
            mentions: list[Mention], article: Article, main_district: str | None) -> str | None:
    base = _prefix(name)
    if level == "national":
        return None
    if level == "provincial":
        return NATIONAL
    if level == "city":
        prov = lexicon.cities().get(base)
        return prov + "总工会" if prov else None
    for prov in lexicon.provinces():  # 天津市滨海新区 → 滨海新区
        if base.startswith(prov) and base[len(prov):] in lexicon.municipal_districts():
            base = base[len(prov):]
            break
    muni = lexicon.municipal_districts().get(base) or lexicon.municipal_districts().get(
        lexicon.zone_short_forms().get(base, ""))
    if level in ("district", "industrial-park", "street") and not muni:
        # 宁波市北仑区, 重庆市渝北区: the city or municipality written first is the parent
        for n in range(min(len(base) - 1, 10), 1, -1):
            head = base[:n]
            if head in lexicon.cities() or (head in lexicon.provinces() and head.endswith("市")):
                return head + "总工会"
    if level in ("district", "industrial-park") and muni:
        return muni + "总工会"
    if level == "district":
        if base in lexicon.counties():  # 正定县 → 石家庄市 (GB/T 2260 divisions)
            return lexicon.counties()[base] + "总工会"
        cities = [n for n in unions if unions[n].level == "city"]
        return cities[0] if len(cities) == 1 else None
    # street, park, enterprise ...: the district union of its section, else the article's
    for m in mentions:
        if m.attrs.get("name") == name:
            sent = article.sentence_at(m.start)
            scoped = section_union.get(sent.section if sent else 0)
            if scoped and scoped != name and union_level(scoped) in ("district", "city", "provincial"):
                return scoped
    if main_district and main_district != name:
        return main_district
    return None


def parent_of(name: str) -> str | None:
    """Parent of a union from its name and the lexicon alone (no article context).

    Provincial-level unions (including the four municipalities') → 中华全国总工会;
    a prefecture-level city's → its province's; a municipality's district → the
    municipality's.  Used to walk up the hierarchy above the unions an article names.
    """
    level = union_level(name)
    base = _prefix(name)
    if level == "provincial":
        return NATIONAL
    if level == "city":
        prov = lexicon.cities().get(base)
        return prov + "总工会" if prov else None
    if level == "district" and base in lexicon.counties():
        return lexicon.counties()[base] + "总工会"
    muni = lexicon.municipal_districts().get(base)
    return muni + "总工会" if muni and level in ("district", "industrial-park") else None


# ---------------------------------------------------------------- context
def _default_union(article: Article, pos: int) -> str | None:
    sent = article.sentence_at(pos)
    sec = sent.section if sent else 0
    return article.section_unions.get(sec) or article.title_union


# ---------------------------------------------------------------- persons
def resolve_persons(article: Article) -> list[PersonFact]:
    """Merge person mentions by name and attach their posts with resolved organisations."""
    unions = {m.start: m for m in article.of_kind("union")}
    orgs = {m.start: m for m in article.of_kind("organization")}
    people: dict[str, PersonFact] = {}
    for m in article.of_kind("person"):
        p = people.setdefault(m.attrs["name"], PersonFact(m.attrs["name"]))
        for title, org_text, org_start in m.attrs.get("posts", []):
            if not title:
                continue
            # elected at a union's congress (黄伟民当选为经审会主任): the post is in that union
            org = _default_union(article, m.start) or article.main_union if m.attrs.get("via") == "elected" else None
            if org_text is not None:
                org_end = org_start + len(org_text)
                u = unions.get(org_start) or next(
                    (x for x in unions.values() if x.start >= org_start and x.end == org_end), None)
                if u is not None and u.attrs.get("name"):
                    org = u.attrs["name"]
                elif org_start in orgs:
                    org = orgs[org_start].attrs["name"]
                elif org_text in ("党中央", "中共中央", "中央军委", "国务院", "全国人大常委会") or re.search(
                        r"(委员会|常委会|政府|公司|集团|合作社|局|委|厅|部|院|办|中心|协会)$", org_text):
                    org = org_text
            role = Role(title, org)
            if all((r.title, r.org) != (role.title, role.org) for r in p.roles):
                p.roles.append(role)
    return list(people.values())


# ---------------------------------------------------------------- programmes, awards
def resolve_programmes(article: Article) -> list[ProgrammeFact]:
    """Merge programme mentions by name or shared alias; find each organiser."""
    facts: list[ProgrammeFact] = []
    index: dict[str, ProgrammeFact] = {}
    names: dict[str, ProgrammeFact] = {}
    for m in article.of_kind("programme"):
        forms = {m.attrs["name"], *m.attrs.get("aliases", [])}
        # the same programme: same name, or one's name is the other's written form;
        # two names sharing only a quoted core (“北京大工匠”选树 / 挑战者选拔赛) stay apart
        fact = names.get(norm_key(m.attrs["name"])) or next(
            (index[norm_key(f)] for f in forms if norm_key(f) in names), None) or index.get(norm_key(m.attrs["name"]))
        if fact is None:
            fact = ProgrammeFact(m.attrs["name"])
            facts.append(fact)
            names[norm_key(fact.name)] = fact
        fact.aliases |= forms - {fact.name}
        for f in forms:
            index.setdefault(norm_key(f), fact)
        if fact.organizer is None:
            agent = _organizer_before(article, m.start)
            if agent:
                fact.organizer = agent.attrs["name"]
            elif not _in_caption(article, m.start):  # photo captions name no organiser
                fact.organizer = _default_union(article, m.start)
    return _merge_modified(facts)


def _organizer_before(article: Article, pos: int) -> Mention | None:
    """Who runs a programme: the union named nearest before it in the sentence
    (州总工会指导勐海县总工会开展…: the county union); else an organisation that
    opens the sentence (北京市温暖基金会于…发起设立“温暖武汉”项目)."""
    s0, _ = full_sentence(article.text, pos)
    unions = [m for m in article.of_kind("union") if s0 <= m.start < pos and m.attrs.get("name")
              and not m.attrs.get("in_title")]
    while len(unions) > 1 and re.search(r"(?:联合|与|和|会同|携手)$", article.text[s0:unions[-1].start]):
        unions.pop()  # 昆山市总工会联合花桥经济开发区工会举办…: the co-organiser is not the organiser
    if unions:
        return unions[-1]
    orgs = [m for m in article.of_kind("organization") if s0 <= m.start < min(pos, s0 + 3)]
    return orgs[0] if orgs else None


def _in_caption(article: Article, pos: int) -> bool:
    """Whether ``pos`` lies in a short line without sentence punctuation (a heading or photo caption)."""
    for s, e in article.paragraphs:
        if s <= pos < e:
            line = article.text[s:e]
            return len(line) <= 40 and not re.search(r"[。！？；;]", line)
    return False


def _merge_modified(facts: list[ProgrammeFact]) -> list[ProgrammeFact]:
    """Merge a name into the same name with a short modifier: 暖心驿站 into 职工暖心驿站,
    创新工作室 into 区级创新工作室 (the article names one network twice)."""
    out: list[ProgrammeFact] = []
    for f in sorted(facts, key=lambda x: -len(norm_key(x.name))):
        key = norm_key(f.name)
        host = next((o for o in out if norm_key(o.name).endswith(key) and 0 < len(norm_key(o.name)) - len(key) <= 3
                     and len(key) >= 4), None)
        if host is None:
            out.append(f)
        else:
            host.aliases |= {f.name} | f.aliases
            host.organizer = host.organizer or f.organizer
    order = {id(f): i for i, f in enumerate(facts)}
    return sorted(out, key=lambda f: order[id(f)])


def resolve_awards(article: Article) -> list[AwardFact]:
    """Merge award mentions by name; recipients are the names written right after them."""
    facts: dict[str, AwardFact] = {}
    for m in article.of_kind("award"):
        f = facts.setdefault(norm_key(m.attrs["name"]), AwardFact(m.attrs["name"]))
        f.aliases |= set(m.attrs.get("aliases", []))
    for p in article.of_kind("person"):
        h = p.attrs.get("honour")
        if h and norm_key(h) in facts:
            rec = facts[norm_key(h)].recipients
            if p.attrs["name"] not in rec:
                rec.append(p.attrs["name"])
    text = article.text
    agents = [m for m in article.mentions if m.kind in ("person", "organization", "union") and m.attrs.get("name")]
    for m in article.of_kind("award"):
        # 全国劳动模范、…班长贾振宇 (same clause); …班组荣获全国工人先锋号, 其中…吴振海榜上有名
        # (same ；-segment, with a verb of conferring)
        c0, c1 = _bounds(_CLAUSE, text, m.start)
        g0, g1 = _bounds(_SEGMENT, text, m.start)
        conferred = re.search(_CONFERRED, text[g0:g1])
        giver = re.search(r"授予|命名|表彰", text[g0:m.start])  # 省委授予…称号: recipients come after the verb
        rec = facts[norm_key(m.attrs["name"])].recipients
        for p in agents:
            if p.kind == "person" and p.attrs.get("via") == "byline":
                continue
            if giver and p.start < g0 + giver.start():
                continue
            # an apposition right after the honour: 全国劳动模范李红梅, 全国劳动模范、…班长周建军
            # (not the next person joined by 和)
            same_clause = (p.kind == "person" and m.end <= p.start < c1
                           and not re.search(r"[和与及]", text[m.end:p.start])
                           and not any(q.kind == "person" and m.end <= q.start < p.start for q in agents))
            if any(a.start <= p.start < a.end for a in article.of_kind("award")):
                continue  # 全国总工会职工技术成果优秀奖: the union is part of the award's name
            if same_clause or (conferred and g0 <= p.start < g1 and (p.kind == "person" or p.start < m.start)):
                if p.attrs["name"] not in rec and not _names_award_giver(text, p):
                    rec.append(p.attrs["name"])
    # a later sentence naming who got it: …株洲市共有28人获此殊荣,…易冬生名列其中
    awards_in_order = article.of_kind("award")
    for s0, s1 in _full_sentences(text):
        if not re.search(r"获此|名列其中|榜上有名|入选", text[s0:s1]):
            continue
        if any(s0 <= a.start < s1 for a in awards_in_order):
            continue
        prior = [a for a in awards_in_order if a.end <= s0]
        if not prior:
            continue
        verb = re.search(r"获此|名列其中|榜上有名|入选", text[s0:s1]).start() + s0
        rec = facts[norm_key(prior[-1].attrs["name"])].recipients
        for p in agents:
            if s0 <= p.start < s1 and (p.kind == "person" or p.start < verb) and not _names_award_giver(text, p):
                if p.attrs["name"] not in rec:
                    rec.append(p.attrs["name"])
    # 她先后获得…: the pronoun is the person named in the sentence before
    for m in awards_in_order:
        g0, _ = _bounds(_SEGMENT, text, m.start)
        if re.search(r"[她他](?:先后|曾|还|也|已|连续)?(?:获得|荣获|被评为|获评)", text[g0:m.start]):
            before = [p for p in agents if p.kind == "person" and p.start < g0]
            rec = facts[norm_key(m.attrs["name"])].recipients
            if before and before[-1].attrs["name"] not in rec:
                rec.append(before[-1].attrs["name"])
    return list(facts.values())


def _full_sentences(text: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in _FULL_STOP.finditer(text):
        out.append((s, m.end()))
        s = m.end()
    if s < len(text):
        out.append((s, len(text)))
    return out


_CONFERRED = r"荣获|获得|获评|被评为|被授予|授予|命名|入选|获此殊荣|榜上有名|名列其中"


def _names_award_giver(text: str, m: Mention) -> bool:
    """A union or organisation that confers or recommends (市总工会命名…, …工会推荐的…) is no recipient."""
    return bool(re.match(r"(?:命名|授予|推荐|表彰|发布|评选)", text[m.end:m.end + 3]))


# ---------------------------------------------------------------- figures
_FULL_STOP = re.compile(r"[。！？!?]+[”’」』]?|\n")
_CLAUSE = re.compile(r"[，,；;。：:！？!?\n]")
_SEGMENT = re.compile(r"[；;。！？!?\n]")


_STOP_CHARS = "。！？!?\n"
_CLOSERS = "”’」』"


def full_sentence(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence (up to 。！？ or a line end, not ；) around ``pos``.

    Found with ``rfind``/``search`` from ``pos`` (not a scan from the start of
    the text), so resolving an article stays linear in its length.
    """
    s = max(text.rfind(c, 0, pos) for c in _STOP_CHARS) + 1
    while s < pos and text[s] in _CLOSERS and s > 0 and text[s - 1] in _STOP_CHARS:
        s += 1
    m = _FULL_STOP.search(text, pos)
    return s, (m.end() if m else len(text))


#: The characters of each boundary pattern, for a fast backwards search.
_PATTERN_CHARS: dict[re.Pattern, str] = {}


def _bounds(pattern: re.Pattern, text: str, pos: int) -> tuple[int, int]:
    chars = _PATTERN_CHARS.get(pattern)
    if chars is None:
        chars = _PATTERN_CHARS[pattern] = pattern.pattern.strip("[]").replace("\\n", "\n")
    s = max(text.rfind(c, 0, pos) for c in chars) + 1
    m = pattern.search(text, pos)
    return s, (m.start() if m else len(text))


_NUM_CN = r"[\d一二三四五六七八九十两]+"
#: Spans of several years, and recurring amounts: a figure under one has no single year.
_SPAN_RE = (rf"(?:过去|近|这)的?{_NUM_CN}年(?:来|间|中|里)?"
            r"|(?<![\d.])[\d二三四五六七八九十两]+年(?:来|以来|间)"
            rf"|{_NUM_CN}年(?:工作)?回顾|十[一二三四五六七八九]五(?:期间|以来|时期)|(?:多|近|几)年来|历年|每年"
            rf"|连续{_NUM_CN}年|(?:开展|坚持|举办|实施)了?(?!(?:19|20)\d\d年){_NUM_CN}年"
            r"|(?:19|20)\d\d年?(?:至|到|-|—|~)(?:19|20)?\d\d年|(?:19|20)\d\d年(?:以来|起|始)")
_ANCHOR = re.compile(
    rf"(?P<span>{_SPAN_RE})"
    r"|(?P<year>(?<![\d.])(?:19|20)\d{2})(?=年)"
    r"|(?<![比较同于])(?P<rel>今年|本年度?|去年|上一年度?|上年度|前年|明年)"
    r"|(?P<now>截[至止]目前|目前|至今|迄今|现有|现已|如今)"
    r"|(?<![年\d])(?P<date>\d{1,2}月\d{1,2}日)")
_REL_OFFSET = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上一年": -1, "上一年度": -1, "上年度": -1,
               "前年": -2, "明年": 1}
#: A publication date on a header line: 2011年04月06日15:58, 来源:某报2025-08-01 09:35, 28.04.2015 11:28.
_PUB_DATE = re.compile(r"((?:19|20)\d\d)(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})"
                       r"|\d{1,2}\.\d{1,2}\.((?:19|20)\d\d)")
_DATELINE = re.compile(r"((?:19|20)\d\d)年\d{1,2}月\d{1,2}日电")


@dataclass
class _ArticleTime:
    """When an article was written and which year it is about, as its header and lead say."""

    published: int | None = None  # year of a dated header line or dateline
    lead: int | None = None  # year the title or lead names (2021年…送温暖活动启航)
    now: int | None = None  # the year 今年 means: published, else inferred, else lead
    masked: str = ""  # the text with 《》 titles blanked


def _anchors(masked: str, s: int, e: int) -> list[re.Match]:
    return list(_ANCHOR.finditer(masked, s, e))


def _article_time(article: Article) -> _ArticleTime:
    text = article.text
    masked = _doc_masked(text)
    t = _ArticleTime(masked=masked)
    lead_para = None
    header: list[tuple[int, int]] = []
    for p0, p1 in article.paragraphs:
        if p1 - p0 >= 40:
            lead_para = (p0, full_sentence(text, p0)[1])  # the lead's first sentence
            break
        header.append((p0, p1))
    for p0, p1 in header:
        m = _PUB_DATE.search(text, p0, p1)
        if m and t.published is None:
            t.published = int(m.group(1) or m.group(2))
    if lead_para:
        m = _DATELINE.search(text, *lead_para)
        if m and t.published is None:
            t.published = int(m.group(1))
    # the lead's year: the last year its first paragraph names, else the one year of the title lines;
    # none where the lead opens a review of several years (过去的5年, 五年工作回顾)
    titles = [(p0, p1) for p0, p1 in header if not _PUB_DATE.search(text, p0, p1)]
    lead_anchors = _anchors(masked, *lead_para) if lead_para else []
    title_anchors = [a for s, e in titles for a in _anchors(masked, s, e)]
    if not any(a.group("span") for a in lead_anchors + title_anchors):
        in_lead = [int(a.group("year")) for a in lead_anchors if a.group("year")
                   and not _DATELINE.match(text, a.start())]
        in_title = {int(a.group("year")) for a in title_anchors if a.group("year")}
        if in_lead:
            t.lead = in_lead[-1]
        elif len(in_title) == 1:
            t.lead = in_title.pop()
    # 今年: the publication year; else one year after a year named beside 去年; else the lead's year
    t.now = t.published
    if t.now is None:
        for p0, p1 in article.paragraphs:
            found = _anchors(masked, p0, p1)
            if any(a.group("rel") == "去年" for a in found):
                ys = [int(a.group("year")) for a in found if a.group("year")]
                if ys:
                    t.now = ys[0] + 1
                    break
    if t.now is None:
        t.now = t.lead
    return t


def _doc_masked(text: str) -> str:
    """The text with 《》 titles blanked, so that years in titles are not anchors."""
    from .segment import _DOC_SPAN

    return _DOC_SPAN.sub(lambda m: " " * len(m.group()), text)


def _year_for(article: Article, pos: int, time: _ArticleTime | None = None) -> int | None:
    """The year a figure refers to, or None where the text does not give one.

    GUIDELINES.md: "year is the year the figure refers to, from the sentence
    or its paragraph, else null"; issue 12: a figure in a review of several
    years, or in a sentence the text does not date, keeps its year open.
    The rules, in order (each measured on the dev gold and the seeds):

    1. The nearest time anchor before the figure in its sentence (else the
       first year written after it):
       - a span of years or a recurring amount (过去五年, 5年来, 十三五期间,
         2016年至2020年, 2019年以来, 连续3年, 开展了18年, 多年来, 每年) → None;
       - a year (2022年, 截至2021年底) → that year;
       - 今年 / 去年 / 前年 / 明年 → counted from the article's "now" (its
         publication year; else one year after a year written beside 去年;
         else the lead's year); None when the article gives no "now";
       - 目前 / 截至目前 / 现有 / 至今 → the publication year, where the header
         dates the article; else go on to rule 3 (the paragraph's years are
         of earlier events, not of "now");
       - a day without a year (4月27日) → the publication year, where known.
       Comparisons (比去年, 较上年) are not anchors; years inside 《》 titles
       are not anchors.
    2. The nearest anchor earlier in its paragraph: a year, a relative year
       or a span, as in rule 1 (GUIDELINES: "from the sentence or its
       paragraph").  A paragraph that continues a sentence broken over two
       lines (the line before ends without 。！？) counts from that line.
    3. A year opening a headed section's first paragraph (抗疫情 促发展 /
       2020年,在全面参与疫情防控…) scopes that section (seed 000); else the
       year of a 【回顾2020】-style heading above it, up to the previous 【】
       heading.  A year written somewhere else in the section does not
       count: in the dev set (a biography's 1997年退休, a history's 自2018年始)
       it dated the figures after it wrongly more often than rightly.
    4. The lead's year: the last year named in the first sentence of the
       first body paragraph, else the one year of the title lines
       (2021年…送温暖活动启航, …2025年工作综述), unless the lead or title
       opens a review of several years (过去的5年, 五年工作回顾: seed 003).
       A dated header line (来源:…2025-08-01) is when the article was
       written, not what it is about: it is no lead year (dev: as often wrong
       as right, and GUIDELINES say "else null").
    5. Else None: the year is open (no "most frequent year of the article"
       fallback: on the dev set it was wrong more often than right).

    Measured when written (matched figures, text order): dev year_acc
    0.92 → 0.96, year_open_acc 0.59 → 0.96; seeds 0.97 → 0.97 and
    0.00 → 0.99.

    Parameters
    ----------
    article : Article
        Segmented, with its paragraphs and sections.
    pos : int
        Character offset of the figure in ``article.text``.
    time : _ArticleTime, optional
        The article's publication, lead and "now" years, computed once per
        article by :func:`_article_time` (computed here when not given).

    Returns
    -------
    int or None
        A four-digit year, or None where the text leaves it open.
    """
    t = time or _article_time(article)
    text, masked = article.text, t.masked

    def from_rel(word: str) -> int | None:
        base = {"本年度": "本年", "上一年度": "上一年"}.get(word, word)
        return t.now + _REL_OFFSET[base] if t.now is not None else None

    s0, s1 = full_sentence(text, pos)
    found = _anchors(masked, s0, s1)
    before = [a for a in found if a.start() < pos]
    skip_paragraph = False
    for a in reversed(before):
        if a.group("span"):
            return None
        if a.group("year"):
            return int(a.group("year"))
        if a.group("rel"):
            return from_rel(a.group("rel"))
        if a.group("now"):
            if t.published is not None:
                return t.published
            skip_paragraph = True
            break
        if a.group("date") and t.published is not None:
            return t.published
    if not before:
        after = [a for a in found if a.group("year")]
        if after:
            return int(after[0].group("year"))
    sent = article.sentence_at(pos)
    if sent is None:
        return t.lead
    if not skip_paragraph:
        p0 = article.paragraphs[sent.paragraph][0]
        if sent.paragraph > 0 and not re.search(r"[。！？!?”…]$", text[:p0].rstrip()):
            p0 = article.paragraphs[sent.paragraph - 1][0]  # a sentence broken over two lines
        for a in reversed(_anchors(masked, p0, s0)):
            if a.group("span"):
                return None
            if a.group("year"):
                return int(a.group("year"))
            if a.group("rel"):
                return from_rel(a.group("rel"))
    sec = article.sections[sent.section]
    if sent.section > 0 and sec.heading:  # a year opening a headed section scopes it
        first = next((p for p in article.paragraphs if p[0] > sec.start and p[1] - p[0] >= 40), None)
        if first and first[0] <= s0:
            opening = [a for a in _anchors(masked, first[0], full_sentence(text, first[0])[1])]
            if opening and opening[0].group("year") and opening[0].start() == first[0]:
                return int(opening[0].group("year"))
    for i in range(sent.section, -1, -1):  # a heading year scopes the sections after it
        if article.sections[i].year:
            return article.sections[i].year
        if article.sections[i].heading.startswith("【"):
            break
    return t.lead


_NOUNISH = ("n", "nz", "vn", "l", "ng", "nt", "ns", "an")


def _counted_noun(after: str) -> str:
    """The noun a figure counts when it is written after it: 1000元的慰问金塞进… → 的慰问金.

    Cut only where the text after the figure opens with 的 (the noun run
    after it) or where 和/及/与 bring in another counted thing; else the
    words after the figure (用于“送温暖”, 参加…) are kept, up to 16.
    """
    from .segment import words

    if not after.startswith("的"):
        # 100件棉衣和一台彩电送到…: another counted thing follows 和
        return re.split(r"(?:和|及|与)(?=[\d一二两三四五六七八九十几数])", after[:16])[0]
    toks = words(after[:16])
    out, content = "", False
    for w, tag in toks:
        if w == "的" and not content:
            out += w
        elif not content and tag not in ("x", "c", "uj"):
            out, content = out + w, True
        elif content and tag in _NOUNISH and len(out) + len(w) <= 8:
            out += w
        else:
            break
    return out


_TAKER_VERBS = ("参与", "参加", "覆盖", "惠及", "服务", "吸引", "涉及", "受益")


def _tail(phrase: str, size: int = 12) -> str:
    """The last ``size`` characters or so of a phrase, in whole words (医疗互助…, not 疗互助…)."""
    if len(phrase) <= size:
        return phrase
    from .segment import words

    out = ""
    for w, _ in reversed(words(phrase[-(size + 8):])):
        if len(out) >= size or len(out) + len(w) > size + 6:
            break
        out = w + out
    return out or phrase[-size:]


def _first_word(phrase: str) -> str:
    from .segment import words

    toks = words(phrase[:8])
    return toks[0][0] if toks else ""


def _starts_with_verb(phrase: str) -> bool:
    from .segment import words

    toks = words(phrase[:8])
    return bool(toks) and toks[0][1] in ("v", "vd", "vn") and toks[0][0] not in ("职工", "会员")


def _all_nouns(phrase: str) -> bool:
    from .segment import words

    return all(tag in _NOUNISH or tag == "c" for _, tag in words(phrase))


def _measure(text: str, fig: Mention, figures: list[Mention]) -> str:
    """What is counted: the phrase around the figure without the number.

    The clause's words before the figure (up to 12 characters, without a
    leading 其中/累计/共), then the noun it counts when that is written
    after it (``1000元的慰问金`` → 慰问金, cut before the next verb), else
    the words after it (``投入233万元用于“送温暖”``).  A bare noun in a
    list (``职工1994人,会员1992人``) takes the words that open the list, so
    that the measure says whose members they are.  参与/覆盖/惠及…: the
    takers of the activity named in the clause before.
    """
    c0, c1 = _bounds(_CLAUSE, text, fig.start)
    s, e = c0, c1
    nxt = prv = None
    for f in figures:  # stop at neighbouring figures
        if f is fig:
            continue
        if s <= f.start < fig.start:
            s, prv = f.end, f
        elif fig.end <= f.start < e:
            e, nxt = f.start, f
    if nxt is not None and re.fullmatch(r"[至到~-]", text[fig.end:nxt.start]):
        # 给予1000元至4万元经费补助: both ends of a range count what the range counts
        after = text[nxt.end:c1] if not any(nxt.end <= f.start < c1 for f in figures) else ""
        return (_tail(re.sub(r"^(?:\d{4}年)?(?:其中|累计|共计|共|全年|总计|此外|同时)?", "",
                       text[s:fig.start].lstrip("、和及与"))) + after[:16]).strip()
    if prv is not None and re.fullmatch(r"[至到~-]", text[prv.end:fig.start]):
        return _measure(text, prv, figures)
    before = text[s:fig.start].lstrip("、和及与")
    after = text[fig.end:e]
    if nxt is not None and (not after or _starts_with_verb(after)):
        # 拿出398万元慰问了全市4000余名困难职工: the verb's object is written after the next figure
        later = [f for f in figures if nxt.end <= f.start < c1]
        after = after + text[nxt.end:later[0].start if later else c1]
    # 职工之家783个、暖心驿站482个: what follows 、 is the next item's noun, not this one's
    after = "" if after.startswith("、") else after.lstrip("和及与").rstrip("、和及")  # not the 与 of 参与
    before = re.sub(r"^(?:\d{4}年)?(?:其中|累计|共计|共|全年|总计|此外|同时)?", "", before)
    noun = before.split("、", 1)[0]
    if "、" in before and s > 0 and re.search(r"[\d万亿余多]", text[s - 2:s]) and len(noun) <= 4 \
            and _all_nouns(noun):
        # 走访慰问162家企业、6000余名职工: 企业 was the last figure's noun; this one shares the list's verb
        s0, _ = full_sentence(text, fig.start)
        first = next((f for f in figures if s0 <= f.start < fig.start), None)
        c0 = _bounds(_CLAUSE, text, first.start)[0] if first else s
        head = re.sub(r"^(?:\d{4}年)?(?:其中|累计|共计|共|全年|总计|此外|同时)?", "",
                      text[max(c0, s0):first.start].strip()) if first else ""
        before = head + before.rsplit("、", 1)[1]
    measure = (_tail(before) + _counted_noun(after)).strip()
    if 0 < len(before.strip()) <= 3 and _all_nouns(before.strip()):
        # 职工1994人,会员1992人: a list item names only its noun; the list's opening names whose
        s0, _ = full_sentence(text, fig.start)
        first = next((f for f in figures if s0 <= f.start < fig.start), None)
        if first is not None:
            c0, _ = _bounds(_CLAUSE, text, first.start)
            head = text[max(c0, s0):first.start].strip()
            head = re.sub(r"^(?:\d{4}年)?(?:其中|累计|共计|共|全年|总计|此外|同时)?", "", head)
            listed = text[s:s + 1] == "、"  # 基层工会1972家、会员16.6万人: one list in one clause
            if len(head) > 3 and (_all_nouns(head) or listed):  # a noun phrase, not a clause (…现有工会组织)
                measure = (_tail(head) + measure).strip()
    if re.fullmatch(r"(?:同比|比上年|较上年)?(?:增长|提高|下降|增加|减少|上升)了?", measure) and s > 0:
        # 收入1756万元,增长26%: the growth of what the clause before counts
        p0, _ = _bounds(_CLAUSE, text, s - 1)
        prev = re.sub(r"[\d.]+[万亿千百]*[余多]?[\u4e00-\u9fff]?(?=[,,、]|$)", "", text[p0:s - 1])
        measure = (_tail(prev) + measure).strip()
    if not measure:
        # 职工投稿160篇,近13万字 / 二次报销2.8万人次491.35万元: a bare number continues the phrase
        # that named the figure before it in the sentence
        s0, _ = full_sentence(text, fig.start)
        prior = [f for f in figures if s0 <= f.start and f.end <= fig.start]
        if prior:
            measure = _measure(text, prior[-1], figures)
        elif s > s0:  # 全天多时段直播,总计300余场次: the clause before says what
            measure = _tail(text[_bounds(_CLAUSE, text, s - 1)[0]:s - 1].strip())
    if re.match(r"(?:参与|参加|覆盖|惠及|服务|吸引|涉及|受益)", measure) and s > 0 \
            and _first_word(measure) in _TAKER_VERBS:  # not 服务热线, 服务项目
        # 参与职工2.2万余人次 counts the takers of the activity named in the clause before
        p0, _ = _bounds(_CLAUSE, text, s - 1)
        prev = re.sub(r"[\d.]+[万亿千百]*[余多]?[\u4e00-\u9fff]?(?=[,,、]|$)", "", text[p0:s - 1])
        measure = (_tail(prev) + " " + measure).strip()
    return measure


#: A programme followed by more examples and 等 (“A”“B”等, A、“B”等): listed, not the topic.
_LISTED = re.compile(r"(?:[”’]?[、,]?[“‘][^”’]{1,24}[”’][^、,，。；“]{0,8})*[”’]?等")
#: A sentence opening on the article's own event: 本次活动…, 据悉,本届大赛…, 活动以…
_EVENT_ANAPHOR = re.compile(r"(?:据悉|据了解|据介绍|此外|同时)?[,，]?(?:本次|此次|本届|这次|今年的|该)?"
                            r"(?P<head>活动|大赛|比赛|竞赛|赛事)(?![的中期现上])")  # not 活动现场,市总工会…
#: Words before a union that make it an object: 成立…, 入选全总…, 授予…
_UNION_AS_OBJECT = re.compile(r"(?:成立|组建|建立|入选|荣获|获得|获评|授予|命名|联合|邀请|加入|完成)"
                              r"(?:全[国省市县区]|[^,，;；。、]{0,2}?首[个家])?$")
#: A union in a modifier of the counted thing: 省总工会下达的28家工会驿站建设任务.
_UNION_AS_MODIFIER = re.compile(r"(?:下达|布置|部署|确定|命名|授予|推荐|主办)的")
#: A sentence opening on a person: X…, 47岁的X…, 他…
_PERSON_OPENING = re.compile(r"(?:\d{1,3}岁的)?")
#: What a person does when acting for a body, not as the subject of their own story.
_ACTS_FOR = re.compile(r"(?:等人|一行|书记|主席|代表|送上|送去|带着|带领|率|向|为|拿出|捐|慰问|看望|走访|来到|表示|说)")
#: 全市各级工会, 全省工会系统, a bare 总工会 opening a clause: the union the article is about.
_OWN_UNION = re.compile(r"全(?P<level>[省市县区])(?:各级)?工会(?:组织|系统)?"
                        r"|(?:^|(?<=[年,，;；。\s]))总工会(?=[^\s,，])")
#: 九江市各级工会组织, 沈阳市工会组织 (a place named, not 全省)
_PLACE_UNIONS = re.compile(r"(?P<place>[\u4e00-\u9fff]{1,8}[省市县区])(?:各级)?工会(?:组织|系统)?")

#: What may stand between a figure and the programme it counts: 10个区级创新工作室, 11个“职工之家”.
_COUNTED_GAP = r"“?(?:区级|市级|县级|省级|全国|新建|职工|新增)?“?"


class _SubjectFinder:
    """Decides what each figure is about, reading the article in order.

    Rules, from the genre (a programme named as the object of a clause is
    what the following numbers describe; a union named in the sentence is
    what they are about otherwise):

    1. a programme in the figure's clause, or in the clause just before it
       within the same ；-segment (开展“…”竞赛,涉及19项), unless it is the
       counted noun (41个职工之家) or another's event the union took part in
       (参加安全大检查活动,对8个变电站…);
    2. the figure before it in the same ；-segment, with no new agent
       between, passes its programme subject on (…,2736名职工报名参与);
    2b. a sentence that opens on the article's own event (本次活动…, 据悉,本届
       大赛…, 活动以…) is about the programme the title or lead names (the
       first one there; for 大赛/比赛/竞赛 one whose name ends so);
    2c. a sentence that opens on a private person (X和爱人是…, 47岁的X…, 他先后
       收养…) is about that person, unless the person acts for a body
       (代表…, 送上…, 率…) or holds a post in a union;
    3. the first union named in the sentence before the figure, where
       "X各级工会" / "X工会组织" names the union of X when the article has one;
    4. the topic of the previous sentence (a programme or organisation in its
       first clause, or 该项目), when this sentence opens without a subject of
       its own (一共收到…, 陆续推送…, 其中…);
    5. the union of the section or the article.

    A programme listed as an example (“A”“B”等, A、B等系列活动) is never the
    subject.
    """

    def __init__(self, article: Article, figures: list[Mention]):
        self.a = article
        self.text = article.text
        progs = article.of_kind("programme")
        counted = set()
        for p in progs:
            for f in figures:
                gap = self.text[f.end:p.start] if p.start >= f.end else ""
                if p.end in (f.start, f.start - 1) or (p.start >= f.end and re.fullmatch(_COUNTED_GAP, gap)):
                    counted.add(id(p))
        self.progs = [p for p in progs if id(p) not in counted]
        self.orgs = article.of_kind("organization")
        self.last: tuple[int, Mention, int] | None = None  # (segment start, programme subject, figure end)
        self.by_sentence: dict[int, list[Mention | None]] = {}  # subjects found, per sentence start

    def _topic_of_sentence(self, s0: int, s1: int) -> Mention | None:
        c0, c1 = _bounds(_CLAUSE, self.text, s0)
        first = [m for m in self.progs + self.orgs if c0 <= m.start < c1 and not m.attrs.get("network")]
        if first:
            return first[0]
        if re.search(r"该(?:项目|活动|基金|计划|工程)", self.text[s0:s1]):
            prior = [p for p in self.progs if p.start < s0 and not p.attrs.get("network")]
            return prior[-1] if prior else None
        return None

    def _opens_without_subject(self, s0: int) -> bool:
        from .segment import words

        head = self.text[s0:s0 + 8].lstrip("，,、 ")
        if head.startswith(("其中", "该", "一共", "共", "累计", "陆续", "先后", "同时", "此外", "还", "并", "另",
                            "分别", "合计", "全年", "与", "为", "向", "通过")):
            return True
        toks = words(head)
        return bool(toks) and toks[0][1] in ("v", "d", "p", "c", "ad", "vd")

    def __call__(self, fig: Mention) -> Mention | None:
        self.fig = fig
        subject = self._find(fig)
        s0, _ = full_sentence(self.text, fig.start)
        self.by_sentence.setdefault(s0, []).append(subject)
        return subject

    def _find(self, fig: Mention) -> Mention | None:
        text = self.text
        c0, c1 = _bounds(_CLAUSE, text, fig.start)
        g0, _ = _bounds(_SEGMENT, text, fig.start)
        s0, _ = full_sentence(text, fig.start)
        unions = [m for m in self.a.of_kind("union") if s0 <= m.start < fig.start and m.attrs.get("name")
                  and not m.attrs.get("in_title") and self._agent(m, s0)
                  and m.end != fig.start]  # 直属工会7个: the unions counted, not who counts them

        def listed(p: Mention) -> bool:  # “小手拉大手”亲子活动等系列活动: an example, not the topic
            return bool(_LISTED.match(text, p.end))

        # 1. a programme in the clause (after the figure only when it is what the money is for,
        #    or when no union is named before: 选取73家企业开展…行动)
        for p in self.progs:
            if c0 <= p.start < c1 and not listed(p):
                purpose = text[max(c0, p.start - 3):p.start].endswith(("用于", "用于“"))
                if p.start > fig.start and unions and not purpose:
                    continue
                return p
        # … or ending the clause before it: a topic clause (首届职工象棋比赛,来自…) always,
        # an object (开展“…”竞赛,涉及19项…) when no union is the sentence's subject
        for p in reversed(self.progs):
            if g0 <= p.start < c0 and _bounds(_CLAUSE, text, p.start)[1] == c0 - 1 and not listed(p):
                p0, p1 = _bounds(_CLAUSE, text, p.start)
                run = re.search(r"(?:开展|举办|实施|组织|启动|发起)", text[p0:p.start])
                clause = text[p0:p1].strip().replace(p.text, "")
                rest = re.sub(r"今年|去年|本次|此次|期间|在|中|里|^\d{4}年(?:度)?", "", clause)
                if len(rest) <= 2 or run or (not unions and not re.search(r"参加|参与|配合|会同", clause)):
                    return self._remember(g0, p)
                break
        # 2. carried along the segment from a figure that found its programme by rule 1b or 4
        if self.last and self.last[0] == g0 and not any(
                self.last[2] <= m.start < fig.start and m.attrs.get("name")
                for m in self.a.mentions if m.kind in ("union", "programme")):
            return self._remember(g0, self.last[1])
        # 2b. the article's own event: 本次活动共筹集…, 据悉,本届大赛汇聚…
        event = self._event(s0, fig)
        if event is not None:
            return event
        # 2c. a private person's story: 47岁的X是…, 他先后收养…
        person = self._person_topic(s0, fig)
        if person is not None:
            return person
        # 3. the union opening the figure's clause, else the first union of the sentence
        unions = sorted(unions + self._place_unions(s0, fig.start), key=lambda m: m.start)
        in_clause = [m for m in unions if m.start >= c0]
        if in_clause:
            return in_clause[0]
        if unions:
            return unions[0]
        # 4. the previous sentence's topic, when this one opens without a subject
        sent = self.a.sentence_at(fig.start)
        para_start = self.a.paragraphs[sent.paragraph][0] if sent else 0
        if s0 > para_start and self._opens_without_subject(s0):
            p0, _ = full_sentence(text, s0 - 1)
            topic = self._topic_of_sentence(p0, s0)
            earlier = self.by_sentence.get(p0, [])
            if topic is not None and all(e is topic for e in earlier):
                return self._remember(g0, topic) if topic.kind == "programme" else topic
        if re.search(r"该(?:项目|活动|基金|计划|工程)", text[s0:fig.start]):
            prior = [p for p in self.progs if p.start < s0 and not p.attrs.get("network")]
            if prior:
                return self._remember(g0, prior[-1])
        return None

    def _agent(self, m: Mention, s0: int) -> bool:
        """A union that can be what a sentence reports on: not one founded, joined or awarded by it
        (成立…工会联合会, 入选全总…案例), nor one that only set a task (省总工会下达的…任务)."""
        before = self.text[max(s0, m.start - 10):m.start]
        return not (_UNION_AS_OBJECT.search(before) or _UNION_AS_MODIFIER.match(self.text, m.end))

    def _event(self, s0: int, fig: Mention) -> Mention | None:
        m = _EVENT_ANAPHOR.match(self.text, s0)
        if not m:
            return None
        head = m.group("head")
        progs = [p for p in self.a.of_kind("programme") if p.start < s0 and p.attrs.get("name")]
        lead = [p for p in progs if p.start < self._lead_end()]
        if head != "活动":
            named = [p for p in lead or progs if p.attrs["name"].endswith(head) and p.attrs["name"] != head]
            return named[0] if named else None
        return lead[0] if lead else None

    def _lead_end(self) -> int:
        """End of the title and the first body paragraph: where an article names its own event."""
        if not hasattr(self, "_lead"):
            body = [p for p in self.a.paragraphs if p[1] - p[0] >= 40]
            self._lead = body[0][1] if body else len(self.text)
        return self._lead

    def _person_topic(self, s0: int, fig: Mention) -> Mention | None:
        text = self.text
        m = _PERSON_OPENING.match(text, s0)
        if not m:
            return None
        at = m.end()
        persons = [p for p in self.a.of_kind("person") if p.attrs.get("name")]
        if text[at:at + 1] and text[at] in "他她" and not _ACTS_FOR.match(text, at + 1):
            before = [p for p in persons if p.end <= s0]
            return self._private(before[-1]) if before else None
        opening = next((p for p in persons if p.start == at), None)
        if opening is None or _ACTS_FOR.match(text, opening.end) or opening.end > fig.start:
            return None
        return self._private(opening)

    def _private(self, person: Mention) -> Mention | None:
        """A person who holds no post in a regional union (总工会): the figures are of their own story."""
        name = person.attrs["name"]
        for m in self.a.of_kind("person"):
            if m.attrs.get("name") == name and any(org and "总工会" in org for _, org, *_ in m.attrs.get("posts", ())):
                return None
        return person

    def _place_unions(self, s0: int, end: int) -> list[Mention]:
        """九江市各级工会组织 / 沈阳市工会组织: the union of that place, where the article has one."""
        out = []
        names = {m.attrs.get("name") for m in self.a.of_kind("union") if m.attrs.get("name")}
        main = self.a.main_union or ""
        for m in _OWN_UNION.finditer(self.text, s0, end):  # 全市各级工会, 2021年总工会召开…: the article's union
            level = m.group("level")
            if main.endswith("总工会") and (not level or main.endswith(level + "总工会")):
                out.append(Mention("union", m.start(), m.end(), m.group(), {"name": main}))
        for m in _PLACE_UNIONS.finditer(self.text, s0, end):
            place = m.group("place")
            for i in range(len(place) - 1):  # 落实九江市各级工会: the place is a suffix of the run
                if place[i:] + "总工会" in names:
                    out.append(Mention("union", m.start() + i, m.end(), m.group()[i:],
                                       {"name": place[i:] + "总工会"}))
                    break
        return out

    def _remember(self, segment: int, m: Mention) -> Mention:
        self.last = (segment, m, self.fig.end)
        return m


def resolve_figures(article: Article) -> list[FigureFact]:
    """Figures with year, subject, measure and quote; word-for-word repeats once.

    The quote is the whole sentence (to 。！？), so that a reader, and the
    figure checks, see the 累计/其中 that frame the number.
    """
    text = article.text
    figs = article.of_kind("figure")
    subject_of = _SubjectFinder(article, figs)
    time = _article_time(article)
    out: list[FigureFact] = []
    seen: set[tuple] = set()
    for f in figs:
        s0, s1 = full_sentence(text, f.start)
        quote = text[s0:s1].strip()
        # the same words at the same place of the same sentence: a repeated paragraph (two 2家 in
        # one sentence are two figures)
        key = (f.attrs["value"], f.attrs["unit"], quote, f.text, f.start - s0)
        if key in seen:
            continue
        seen.add(key)
        subj = subject_of(f)
        subject, kind = (subj.attrs.get("name"), subj.kind) if subj else (
            _default_union(article, f.start) or article.main_union, "union")
        out.append(FigureFact(
            value=f.attrs["value"], unit=f.attrs["unit"], unit_text=f.attrs["unit_text"], approx=f.attrs["approx"],
            text=f.text, quote=quote, start=f.start, measure=_measure(text, f, figs), subject=subject,
            subject_kind=kind if subject else None, year=_year_for(article, f.start, time)))
    # the title lines: the first paragraph and the short ones after it
    body = [p for p in article.paragraphs[1:] if p[1] - p[0] >= 40]
    return _drop_restated(out, body[0][0] if body else 0)


def _bigram_dice(a: str, b: str) -> float:
    x = {a[i:i + 2] for i in range(len(a) - 1)}
    y = {b[i:i + 2] for i in range(len(b) - 1)}
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _drop_restated(facts: list[FigureFact], header_end: int) -> list[FigureFact]:
    """One fact for a figure the article states twice (GUIDELINES: a repeated figure is one figure).

    A headline figure (in the title lines, before ``header_end``) that the
    body states again with the same words is the body's figure; a body
    figure written again with the same words and much the same measure
    (开展理论宣传宣讲280余场 … 全年开展各类主题宣传宣讲280余场) is one figure, the one
    whose sentence states it whole rather than as a 其中 part.
    The same amount with a different measure (县工会经费突破150万元, 审计到账金额突破150万元)
    stays two.
    """
    kept: list[FigureFact] = []
    for f in facts:
        twins = [k for k in kept if (k.value, k.unit, k.text) == (f.value, f.unit, f.text)]
        header_twin = next((k for k in twins if k.start < header_end), None)
        if header_twin is not None and f.start >= header_end:
            kept[kept.index(header_twin)] = f  # the body's sentence says more than the headline
            continue
        if header_twin is not None:
            continue
        twin = next((k for k in twins if _bigram_dice(k.measure, f.measure) >= 0.4), None)
        if twin is None:
            kept.append(f)
        elif twin.quote.startswith("其中") and not f.quote.startswith("其中"):
            kept[kept.index(twin)] = f  # the sentence that states the whole, not a 其中 part of another
    return sorted(kept, key=lambda f: f.start)  # in text order, as the checks read them


# ---------------------------------------------------------------- all
def resolve(article: Article) -> ArticleFacts:
    """Resolve one article's mentions into facts.

    Parameters
    ----------
    article : Article
        Segmented, with mentions of every kind.

    Returns
    -------
    ArticleFacts
        Entities by canonical name, their relations, and figures.
    """
    unions = resolve_unions(article)
    persons = resolve_persons(article)
    programmes = resolve_programmes(article)
    awards = resolve_awards(article)
    orgs: dict[str, NamedFact] = {}
    for m in article.of_kind("organization"):
        orgs.setdefault(m.attrs["name"], NamedFact(m.attrs["name"]))
    for p in persons:
        for r in p.roles:
            if r.org and r.org not in unions and r.org not in orgs:
                orgs[r.org] = NamedFact(r.org)
    for prog in programmes:
        if prog.organizer and prog.organizer not in unions and prog.organizer not in orgs:
            prog.organizer = None
    docs: dict[str, NamedFact] = {}
    for m in article.of_kind("document"):
        docs.setdefault(norm_key(m.attrs["name"]), NamedFact(m.attrs["name"]))
    figures = resolve_figures(article)
    return ArticleFacts(
        doc_id=article.doc_id, title=article.title, source=article.source, creators=list(article.creators),
        unions=list(unions.values()), persons=persons, programmes=programmes, awards=awards,
        organizations=list(orgs.values()), documents=list(docs.values()), figures=figures)
