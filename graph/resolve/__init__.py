"""Stage 4, resolve: one article's mentions become :class:`ArticleFacts`.

In-article coreference, as a reader does it (issue 3):

* a bare 区总工会 / 市总工会 / 省总工会 / 市总 is the union of that level the
  section or the article is about (a heading such as ``平谷区总工会`` scopes
  the paragraphs under it), else the one of the article's own region
  (:func:`article_region`, from the GB/T 2260 places the text names: 省总工会
  in an article about 海口 is 海南省总工会); short forms (经开区总工会,
  顺义工会, 山东工会) are aliases of the full name written elsewhere in the
  article or of the place's 总工会;
* a union's parent comes from its level and the place lexicon (街道 → the
  district in context; a county → its prefecture, a name several
  prefectures share (鼓楼区) read in the article's region; a
  municipality's district → the municipality; a prefecture → its province;
  a province → 中华全国总工会; 中国X工会 → 中华全国总工会; a workplace
  union → none unless the text says);
* a person keeps every post written before any of their mentions;
* a figure's year is its sentence's, else its paragraph's, else its
  section heading's (【回顾2020】), else the article's; its subject is the
  programme of its clause, else the first union of its sentence, else the
  topic carried by the paragraph, else the section's or article's union.

Corpus-wide entity resolution (one IRI per name across articles) happens in
:mod:`graph.store.rdf`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from ..mentions._spans import occurrences
from ..mentions.persons import _posts_re
from ..mentions.unions import BARE_ZONES, HEADS, XPCC_DIVISION, industry_name, union_level
from ..model import (
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
from ..text.places import Region, article_region
from ..text.when import date_line, dated_part_year, find_dateline, states_compared_value, time_refs

NATIONAL = "中华全国总工会"
#: The union of the Xinjiang Production and Construction Corps, above its divisions' unions.
XPCC_UNION = "新疆生产建设兵团总工会"
#: Level of the union a bare level word before 总工会 names (区总工会 → a district's).
_BARE_LEVELS = {"区": ("district",), "县": ("district",), "旗": ("district",), "新区": ("district",),
                "自治县": ("district",), "自治旗": ("district",), "州": ("city",), "自治州": ("city",),
                "盟": ("city",), "地区": ("city",), "师市": ("city",), "市": ("city",), "公司": ("enterprise",),
                "集团": ("enterprise",),
                "省": ("provincial",), "自治区": ("provincial",), "街道": ("street",), "镇": ("street",),
                "乡": ("street",), "": ()}
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
def _division_union(form: str, region: Region | None = None) -> str | None:
    """The 总工会 of a place form (山东 → 山东省总工会, 六安 → 六安市总工会), where it names one place.

    A form shared by several places (朝阳, 鼓楼区) is read as the one in ``region``.
    """
    divs = lexicon.divisions().get(form)
    if not divs:
        return None
    if len(divs) > 1 and region and region.province:
        divs = tuple(d for d in divs if d[0] == region.province and (not region.city or d[1] in (None, region.city))) \
            or tuple(d for d in divs if d[0] == region.province)
    if len(divs) != 1:
        return None
    prov, city, county = divs[0]
    return (county or city or prov) + "总工会"


def _place_prefix(base: str) -> tuple[str, int]:
    """The longest place form that ``base`` starts with, and its length ('' and 0 if none)."""
    full = lexicon.divisions()
    for n in range(min(len(base), 12), 1, -1):
        if base[:n] in full:
            return base[:n], n
    return "", 0


def _whole_place_chain(s: str) -> bool:
    """Whether ``s`` is places written one after another and nothing else (嘉兴市, 浙江省嘉兴市)."""
    return 0 < _chain_end(s) == len(s)


def _place_chain(base: str) -> list[tuple[str, int]]:
    """The place forms ``base`` starts with, one after another, with the offset each ends at
    (杭州市余杭区良渚街道 → [("杭州市", 3), ("余杭区", 6)])."""
    chain, n = [], 0
    while n < len(base):
        form, k = _place_prefix(base[n:])
        if not k:
            break
        n += k
        chain.append((form, n))
    return chain


def _chain_end(base: str) -> int:
    """Where the places ``base`` starts with end (宁夏吴忠市 → 5, 宁波市 → 3; 0 if none): 利通区总工会
    is the union written 宁夏吴忠市利通区总工会 as much as 北仑区总工会 is 宁波市北仑区总工会."""
    chain = _place_chain(base)
    return chain[-1][1] if chain else 0


#: Short forms of a zone's kind (芜湖经开区 = 芜湖经济技术开发区).
_ZONE_ABBREVIATIONS = (("经开区", "经济技术开发区"), ("高新区", "高新技术产业开发区"))
#: A zone's kind written alone (开发区总工会): the zone the article names in full; the mentions' bare zones and
#: 高新技术产业开发区, which they do not strip from a company's name.
_BARE_ZONE_WORDS = frozenset(BARE_ZONES) | {"高新技术产业开发区"}


def _zone_written(n: str, names: list[str]) -> str | None:
    """The zone union written in full elsewhere in the article that ``n`` is a short form of: 开发区总工会
    (the only zone union named), 芜湖经开区总工会 (芜湖经济技术开发区总工会, 安徽省芜湖经济技术开发区总工会);
    the longest such name, or None."""
    full = n
    for short, long in _ZONE_ABBREVIATIONS:
        full = full.replace(short, long)
    if union_level(full) != "industrial-park":  # (芜湖经开区总工会 reads as a district's: 区总工会)
        return None
    zones = [z for z in names if z != n and union_level(z) == "industrial-park" and len(z) > len(n)]
    if _prefix(n) in _BARE_ZONE_WORDS:
        kind = _prefix(full)  # 经开区 → 经济技术开发区: only a zone of that kind; 开发区, 园区: any zone
        if kind not in ("开发区", "园区"):
            zones = [z for z in zones if _prefix(z).endswith(kind)]
        return _one_zone(zones)
    found = [z for z in zones if z.endswith(full) and _chain_end(z[:len(z) - len(full)]) == len(z) - len(full)]
    return _one_zone(found) if full != n else None


def _one_zone(zones: list[str]) -> str | None:
    """The longest of ``zones`` if they are all forms of one zone (each the longest's name less places before
    it: 芜湖经济技术开发区总工会 of 安徽省芜湖经济技术开发区总工会), else None: two zones (成都 and 杭州
    高新技术产业开发区) leave a short form unresolved, whatever order the names come in."""
    if not zones:
        return None
    longest = max(zones, key=lambda z: (len(z), z))
    return longest if all(longest.endswith(z) for z in zones) else None


def _in_breakdown(article: Article, pos: int) -> bool:
    """Whether ``pos`` follows 其中 in its sentence (…4200人，其中某市总工会… / 其中，…: a breakdown of the
    total before it), or is in a sentence that opens on the area's parts one by one (从各县市区看，…)."""
    sent = article.sentence_at(pos)
    return sent is not None and (article.text.find("其中", sent.start, pos) >= 0
                                 or _BY_AREA.match(article.text, sent.start, pos) is not None)


#: A sentence opening on the parts of an area one by one: 从各县市区看, 分区县看, 分地区看.
_BY_AREA = re.compile(r"\s*(?:从|分)各?(?:县|市|区|旗|地区|县市区|县区|区县|县（市、区）|县\(市、区\))看")


def _fits(name: str, bare: str) -> bool:
    """Whether a named union is of the level a bare word names (市 → a city, or a municipality)."""
    level = union_level(name)
    if bare == "市":  # a prefecture, a municipality, or a county-level city (昆山市); not a 州, 盟 or 地区
        return level == "city" and not _prefix(name).endswith(("州", "盟", "地区")) or (level == "provincial" and
                                   lexicon.province_types().get(_prefix(name)) == "直辖市") \
            or (level == "district" and _prefix(name).endswith("市") and name.endswith("总工会"))
    if bare in ("省", "自治区"):
        return level == "provincial" and lexicon.province_types().get(_prefix(name), bare) in (bare, "特别行政区")
    if bare == "联合会":  # 兼任联合会主席: the federation of unions the article names
        return name.endswith("工会联合会")
    return level in _BARE_LEVELS.get(bare, ())


_CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n（(]")
_LEVEL_WORD = re.compile(r"(自治区|自治州|省|市|区|县|旗|盟)")


def _clause_level(text: str, pos: int, region: Region) -> str | None:
    """For a bare 总工会: the union of the body that opens its clause.

    ``苏州市人大常委会副主任、总工会主席`` → 苏州市总工会; ``自治区人大常委会副主任、总工会主席`` →
    the region's 自治区总工会.  None where the clause opens with neither a place nor a level word.
    """
    i = pos
    while i > 0 and pos - i < 30 and not _CLAUSE_END.match(text[i - 1]):
        i -= 1
    clause = text[i:pos]
    if not clause:
        return None
    form, n = _place_prefix(clause)
    if n:
        # the lowest place of a chain written together (苏州市吴中区 → 吴中区)
        while True:
            lower, k = _place_prefix(clause[n:])
            if not k:
                break
            form, n = lower, n + k
        return _division_union(form, region)
    m = _LEVEL_WORD.match(clause)
    return region.union(m.group()) if m else None


def _merge_same_place(canon: dict[str, str], names: list[str]) -> None:
    """One union for the names that differ only in how the same place is written before the same
    body (德宏州金融工会, 云南省德宏傣族景颇族自治州金融工会): each goes to the longest of them.

    ``canon`` maps forms to full names (changed in place; forms already mapped are kept);
    ``names`` are the names written in the article, longest first.
    """
    groups: dict[tuple, list[str]] = {}
    divisions = lexicon.divisions()
    for n in names:
        head = n[len(_prefix(n)):]
        chain = _place_chain(n[:len(n) - len(head)])
        if not chain or not head:
            continue
        divs = divisions.get(chain[-1][0], ())
        rest = n[chain[-1][1]:]
        if len(divs) == 1 and rest != head:  # a body after the place, not the place's own 工会
            groups.setdefault((divs[0], rest), []).append(n)
    for group in groups.values():
        for n in group[1:]:  # names are longest first
            canon.setdefault(n, group[0])


def _province_written(canon: dict[str, str], names: list[str]) -> None:
    """Point a short form's full name at the same name written with its province before it.

    延边州总工会 expands to 延边朝鲜族自治州总工会; where the article writes 吉林省延边朝鲜族自治州总工会,
    that is the union meant, so every form of it is one union; a form whose full name is itself a short
    form of a longer name goes to the longer one.  ``canon`` maps forms to full names
    (changed in place); ``names`` are the names written in the article.
    """
    for n, full in list(canon.items()):  # 博州工会 → 博尔塔拉蒙古自治州总工会 → 新疆博尔塔拉蒙古自治州总工会
        if full in canon and canon[full] != n:
            canon[n] = canon[full]
    written = set(names)
    by_tail: dict[str, str] = {}
    for longer in names:
        chain = _place_chain(_prefix(longer))
        if len(chain) >= 2 and union_level(longer) not in ("national", "provincial"):
            by_tail.setdefault(longer[chain[0][1]:], longer)  # 吉林省|延边朝鲜族自治州总工会
    if not by_tail:
        return
    for n, full in canon.items():
        if full not in written and full in by_tail:
            target = by_tail[full]
            canon[n] = canon.get(target, target)


def _without_province(name: str) -> str | None:
    """A union of a prefecture or county written after its province, without the province
    (云南省楚雄彝族自治州总工会 → 楚雄彝族自治州总工会, 云南省某某州金融工会 → 某某州金融工会): the name it
    goes by in its own province.  None for other names."""
    chain = _place_chain(_prefix(name))
    if len(chain) < 2:
        return None
    divs = lexicon.divisions().get(chain[0][0], ())
    if len(divs) != 1 or divs[0][1] is not None:  # the first place is a province, not a city
        return None
    return name[chain[0][1]:]


def resolve_unions(article: Article) -> dict[str, UnionFact]:
    """Give every union mention a canonical ``attrs["name"]``; return the unions.

    Bare forms get the union in context (the section's, one named in the article, else
    the one of the article's region, :func:`article_region`); short forms the full name
    written elsewhere in the article or the place's 总工会 (山东工会 → 山东省总工会);
    aliases (全总) their full name.
    """
    mentions = article.of_kind("union")
    named = [m for m in mentions if m.attrs.get("name")]
    region = article_region(article, named)
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
        if n.endswith("工会") and p not in admin and p in lexicon.divisions():
            full = _division_union(p, region)  # 山东工会, 山东总工会 → 山东省总工会
            if full and full != n:
                canon[n] = full
                continue
        zone = _zone_written(n, names)
        if zone:
            canon[n] = zone
            continue
        if p in zone_full and _zone_in_region(zone_full[p], region):
            full = zone_full[p] + (n[len(p):] if n[len(p):] else "总工会")
            canon[n] = full
            continue
        for longer in names:
            if longer == n or len(_prefix(longer)) < len(p):
                continue
            q = _prefix(longer)
            if len(q) > len(p) and q.endswith(p) and longer[len(q):] == n[len(p):] \
                    and (_chain_end(q[:len(q) - len(p)]) == len(q) - len(p)
                         or _CORPS_PREFIX.fullmatch(q[:len(q) - len(p)])) \
                    and union_level(n) != "national":
                canon[n] = canon.get(longer, longer)  # 北仑区总工会 ← 宁波市北仑区总工会
                break
            if (q != p or len(longer) > len(n)) and (q[:1] == p[:1] or p[:1] in "省市区县") and _is_subsequence(p, q) \
                    and union_level(n) in (union_level(longer), "other") \
                    and not (industry_name(p) and industry_name(q)) \
                    and (longer.endswith("总工会") or longer[len(q):] == n[len(p):]):
                canon[n] = canon.get(longer, longer)
                break
        else:
            level_word = next((w for w in ("自治区", "自治州", "省", "市", "区", "县", "州", "盟")
                               if p.startswith(w)), "")
            # (全州金融系统工会: the union of a sector's 系统 throughout the place is the place's sector union)
            sector = p[len(level_word):].removesuffix("系统") if n.endswith("系统工会") else p[len(level_word):]
            place = (region.union(level_word) or "")[:-3] if level_word and industry_name(sector) else ""
            if place:  # 省教育工会 → 青海省教育工会: the region's industry union
                canon[n] = place + sector + n[len(p):]
    # 金龙铸造公司工会 after 阳城县金龙铸造有限公司: a company's short form → the union of its full name
    companies = {m.attrs["name"] for m in article.of_kind("organization") if m.attrs.get("name", "").endswith("公司")}
    for n in names:
        if n in canon or not n.endswith("公司工会") or n.endswith("有限公司工会") or len(n) < 7:
            continue
        core = re.escape(n[:-4])
        full = {o for o in companies
                if len(o) > len(n) - 2 and re.search(core + _COMPANY_FORM.pattern, o)}
        if len(full) == 1:
            canon[n] = next(iter(full)) + "工会"
    # 某某局集团公司工会, 集团公司工会 after 中国铁路某某局集团有限公司工会: a group's short form → its union
    for n in names:
        if n in canon or not n.endswith("集团公司工会"):
            continue
        core = _COMPANY_FORM.sub("", n[:-2])
        # 某某(集团)有限责任公司: the legal name may bracket 集团
        full = {canon.get(o, o) for o in names if o != n and o.endswith("公司工会") and len(o) > len(n)
                and re.sub(r"[()（）]", "", _COMPANY_FORM.sub("", o[:-2])).endswith(core)}
        if len(full) == 1:
            canon[n] = next(iter(full))
    _merge_same_place(canon, names)
    _province_written(canon, names)
    for m in named:
        written = m.attrs.get("written") or m.text
        m.attrs["written"] = written
        n = m.attrs["name"]
        level_word = n[:1] if n[:1] in "市区县" and industry_name(_prefix(n)[1:]) else ""
        scene = _scene_place(article.text, m.start, level_word) if level_word else None
        # 在某某市，市总工会联合市金融工会…: the industry union of the place the sentence opens on
        m.attrs["name"] = scene[:-3] + n[1:] if scene else canon.get(n, n)

    # scopes: union headings scope their sections
    section_union: dict[int, str] = {}
    current = None
    title_union = None
    named_starts = [m.start for m in named]  # named is in text order (of_kind)
    for i, sec in enumerate(article.sections):
        head_unions = named[bisect_left(named_starts, sec.start):bisect_left(named_starts, sec.start + len(
            sec.heading))] if sec.heading else []
        if head_unions:
            current = head_unions[0].attrs["name"]
        section_union[i] = current
    t0 = article.text.find(article.title) if article.title else -1
    if t0 >= 0:  # the headline names the union the whole article is about
        title_union = next((m.attrs["name"] for m in named if t0 <= m.start < t0 + len(article.title)), None)
    counts = Counter(m.attrs["name"] for m in named)
    article_main = title_union or (counts.most_common(1)[0][0] if counts else None)

    # indexes for the bare mentions below, built once per bare word, so a long article stays linear:
    # per section, the starts and names of the named mentions that fit the word; their counts
    fits: dict[tuple[str, str], bool] = {}

    def fit(name: str, bare: str) -> bool:
        if (name, bare) not in fits:
            fits[name, bare] = _fits(name, bare)
        return fits[name, bare]

    indexes: dict[str, tuple[dict[int, tuple[list[int], list[str]]], Counter]] = {}

    def index(bare: str):
        if bare not in indexes:
            per_section: dict[int, tuple[list[int], list[str]]] = {}
            fitting = [m for m in named if fit(m.attrs["name"], bare)]
            for m in fitting:
                sent = article.sentence_at(m.start)
                if sent:
                    starts, names = per_section.setdefault(sent.section, ([], []))
                    starts.append(m.start)
                    names.append(m.attrs["name"])
            indexes[bare] = per_section, Counter(m.attrs["name"] for m in fitting)
        return indexes[bare]

    def by_level(bare: str, pos: int) -> str | None:
        if bare == "":
            return _clause_level(article.text, pos, region) or article_main
        chained = _chained_body_place(article.text, pos, bare) or _scene_place(article.text, pos, bare)
        if chained:
            return chained
        sent = article.sentence_at(pos)
        sec = sent.section if sent else 0
        scoped = section_union.get(sec)
        if scoped and fit(scoped, bare):
            return scoped
        per_section, level_counts = index(bare)
        starts, names = per_section.get(sec, ([], []))
        i = bisect_left(starts, pos)  # the last one before pos in this section
        if bare in _BARE_EMPLOYERS:
            # 某某有限公司承建。公司工会主席…: a company named after the last union that fits is the one meant
            company = _company_before(article, bare, pos, starts[i - 1] if i else -1)
            if company:
                return company
        # 其中，某县级市总工会新发展会员960人: a county-level city's union named in a breakdown is a part of
        # the whole the article reports, so a later bare 市总工会 is not it (the prefecture's, named elsewhere)
        parts = {names[k] for k in range(len(names)) if bare == "市" and union_level(names[k]) == "district"
                 and _in_breakdown(article, starts[k])} if i else set()
        while i and names[i - 1] in parts:
            i -= 1
        if i:
            return names[i - 1]
        own = region.union(bare)
        if own and own in level_counts:
            return own
        rest = [(n, c) for n, c in level_counts.most_common() if n not in parts]
        if rest:
            return rest[0][0]
        if level_counts:
            return level_counts.most_common(1)[0][0]
        if own is None and bare in _BARE_EMPLOYERS:
            return _company_union(article, bare, pos)
        return own

    for m in mentions:
        if m.attrs.get("name") is None:
            m.attrs["name"] = by_level(m.attrs.get("bare", ""), m.start)
            m.attrs["written"] = m.attrs.get("written") or m.text

    same = _company_forms(mentions)
    if same:  # 某某集团工会 in the headline, 省名+某某集团有限公司工会 in the body: one union
        for m in mentions:
            m.attrs["name"] = same.get(m.attrs.get("name"), m.attrs.get("name"))
        section_union = {k: same.get(v, v) for k, v in section_union.items()}
        title_union = same.get(title_union, title_union)
        counts = Counter(same.get(n, n) for n in counts.elements())

    unions: dict[str, UnionFact] = {}
    for m in mentions:
        n = m.attrs.get("name")
        if not n:
            continue
        u = unions.setdefault(n, UnionFact(n, level=union_level(n)))
        if m.attrs["written"] != n:
            u.aliases.add(m.attrs["written"])
    for n, u in unions.items():
        bare = _without_province(n)
        if bare:
            u.aliases.add(bare)
    main_district = next((n for n, _ in counts.most_common() if union_level(n) in ("district", "city")), None) \
        or next((n for n, _ in counts.most_common() if union_level(n) == "industrial-park"), None)
    main_local = next((n for n, _ in Counter(m.attrs["name"] for m in mentions if m.attrs.get("name")).most_common()
                       if union_level(n) in ("provincial", "city", "district", "industrial-park")), None)
    by_body = {_body_key(n): n for n in unions}
    # a form the article also writes a union in (双桥区总工会 for 承德市双桥区总工会), where it is one union's
    written_as: dict[str, set[str]] = {}
    for n, u in unions.items():
        for a in u.aliases:
            written_as.setdefault(a, set()).add(n)
    for n, u in unions.items():
        u.parent = _parent(n, u.level, unions, section_union, mentions, article, main_district, region, main_local)
        if u.parent and u.parent not in unions:  # the article's own form of the same union (贵州省黔东南州总工会)
            same_as = written_as.get(u.parent, set()) - {n}
            # (嘉兴市南湖区总工会 for a federation named after its city and district, where the article writes
            # the district's union as 南湖区总工会: the city before it is a place chain, the union the same)
            shorter = {o for o in unions if o != n and len(o) >= 5 and u.parent.endswith(o)
                       and _whole_place_chain(u.parent[:-len(o)])} if not same_as else set()
            u.parent = by_body.get(_body_key(u.parent)) or (min(same_as) if len(same_as) == 1 else None) \
                or (min(shorter) if len(shorter) == 1 else u.parent)
    # the article's main union counts bare mentions too (市总工会 three times beats 利州区总工会 once)
    all_counts = Counter(m.attrs["name"] for m in mentions if m.attrs.get("name"))
    article.main_union = title_union or (all_counts.most_common(1)[0][0] if all_counts else None)
    article.section_unions = section_union
    article.title_union = title_union
    return unions


#: What the Corps writes before a division's city (第十师|北屯市, 新疆生产建设兵团|第三师图木舒克市).
_CORPS_PREFIX = re.compile(r"(?:新疆生产建设兵团|兵团)?(?:第[一二三四五六七八九十]{1,3}师)?")
#: A company's legal form before 工会 (某某物流股份有限公司工会 → 某某物流).
_COMPANY_FORM = re.compile(r"(?:股份)?(?:有限)?(?:责任)?公司$")


def _company_key(name: str, shortest: int = 3) -> str | None:
    """Key under which the forms of one company's union agree: the name without its place
    chain, its legal form and 工会 (辽宁某某集团有限公司工会, 某某集团工会 → 某某集团); None for
    other unions or a key shorter than ``shortest`` (too short to tell companies apart)."""
    if not name.endswith("工会") or name.endswith("总工会") or union_level(name) not in ("enterprise", "other"):
        return None
    body = _COMPANY_FORM.sub("", name[:-2]) or name[:-2]
    chain = _place_chain(body)
    if chain and len(body) - chain[-1][1] >= 2:
        body = body[chain[-1][1]:]
    return body if len(body) >= shortest else None


#: Words of a company's trade that end its name before the legal form (某某输变电工程有限公司, 某某精工机械有限公司):
#: the short form a text writes it in drops them (某某公司).  General knowledge of Chinese company names.
_TRADE_WORDS = ("工程", "机械", "化工", "电力", "运营", "物流", "科技", "实业", "建设", "制造", "装备", "能源", "材料",
                "电子", "电气", "设备", "技术", "发展", "投资", "控股", "贸易", "商贸", "服务", "管理", "工业", "矿业",
                "汽车", "钢铁", "纺织", "食品", "医药", "农业", "港务", "航运", "交通", "信息", "通信", "重工", "建材",
                "环保", "水务", "燃气", "热力", "置业", "开发", "集团")


def _short_company_keys(keys: set[str]) -> dict[str, str]:
    """Company keys that are another key less the trade words before its legal form (某某 for 某某输变电工程,
    某某精工 for 某某精工机械), each mapped to that key where exactly one key of ``keys`` extends it so."""
    out = {}
    for k in keys:
        longer = {k2 for k2 in keys if k2 != k and k2.startswith(k) and len(k2) - len(k) <= 6
                  and k2[len(k):].endswith(_TRADE_WORDS)}
        if len(longer) == 1:
            out[k] = longer.pop()
    return out


def _places_differ(forms: set[str]) -> bool:
    """Whether ``forms`` (names of one :func:`_company_key`) name places that differ: 甲市烟草分公司 and
    乙区烟草分公司 are two branches, not one company written two ways (a form without a place, or with
    a place another form's place chain contains, agrees with every form)."""
    places = set()
    for f in forms:
        chain = _place_chain(_COMPANY_FORM.sub("", f.removesuffix("工会")))
        if chain:
            places.add(frozenset(p for p, _ in chain))
    return any(not (a <= b or b <= a) for a in places for b in places)


def _company_groups(names: set[str], suffix: str = "", shortest: int = 2) -> dict[str, set[str]]:
    """The ``names`` grouped by the company key of ``name + suffix`` (suffix 工会 for a company's
    own name); names without a key (not a company's union, key shorter than ``shortest``) are left out."""
    groups: dict[str, set[str]] = {}
    for n in names:
        key = _company_key(n + suffix, shortest)
        if key:
            groups.setdefault(key, set()).add(n)
    return groups


def _union_bodies(article: Article, keep: Callable[[str], bool]) -> set[str]:
    """The bodies (the name less 工会) of the article's unions whose name ends in 工会 and passes ``keep``."""
    return {u.attrs["name"][:-2] for u in article.of_kind("union")
            if (u.attrs.get("name") or "").endswith("工会") and keep(u.attrs["name"])}


def _merge_company_names(article: Article) -> None:
    """Give one company written two ways (某某港务集团 in the headline, 福建某某港务集团有限公司 in the body)
    its fullest name on every mention."""
    orgs = [m for m in article.of_kind("organization") if m.attrs.get("name", "").endswith(("公司", "集团"))]
    groups = _company_groups({m.attrs["name"] for m in orgs}, "工会", 3)
    best = {n: max(forms, key=lambda f: (len(f), f)) for forms in groups.values()
            if len(forms) > 1 and not _places_differ(forms) for n in forms}
    for m in orgs:
        m.attrs["name"] = best.get(m.attrs["name"], m.attrs["name"])
    # 某某公司 in the headline, 九江某某输变电工程有限公司(工会) in the body: a short form less the trade words
    companies = _union_bodies(article, lambda name: name.endswith("有限公司工会"))
    fulls = _company_groups({m.attrs["name"] for m in orgs} | companies, "工会")
    short = _short_company_keys(set(fulls))
    for m in orgs:
        key = _company_key(m.attrs["name"] + "工会", 2)
        if key in short and m.attrs["name"].endswith("公司") and not m.attrs["name"].endswith("有限公司"):
            m.attrs["name"] = max(fulls[short[key]], key=lambda f: (len(f), f))


#: A group's branch in a place, by its legal name: 中国某某集团有限公司|某市|分公司工会.
_LEGAL_BRANCH = re.compile(r"(?P<group>[\u4e00-\u9fff]{2,16}?(?:集团)?(?:股份)?有限(?:责任)?公司)"
                           r"(?P<place>[\u4e00-\u9fff]{2,8})分公司工会")


def _branch_forms(names: set[str]) -> dict[str, str]:
    """A branch written the short way (某市邮政分公司工会: the place, the group's trade word, 分公司) mapped to
    the one branch the article names by its legal name in the same place (中国邮政集团有限公司某市分公司工会)."""
    legal = [(m.group("group"), m.group("place"), n) for n in sorted(names) if (m := _LEGAL_BRANCH.fullmatch(n))]
    out: dict[str, str] = {}
    if not legal:
        return out
    for n in names:
        if not n.endswith("分公司工会") or _LEGAL_BRANCH.fullmatch(n):
            continue
        chain = _place_chain(n[:-5])
        if not chain:
            continue
        place, word = n[:chain[-1][1]], n[chain[-1][1]:-5]
        full = {f for g, p, f in legal if p == place and 2 <= len(word) <= 4 and word in g}
        if len(full) == 1:
            out[n] = full.pop()
    return out


def _company_forms(mentions: list[Mention]) -> dict[str, str]:
    """The union names of one company written several ways in an article, each mapped to the
    fullest form the text writes (a form only inferred from 公司工会 and the company's name
    yields to one the text writes)."""
    written = {m.attrs["name"] for m in mentions if m.attrs.get("name") and m.attrs.get("written") == m.attrs["name"]}
    groups = _company_groups({m.attrs["name"] for m in mentions if m.attrs.get("name")})
    # 某某公司工会 for 九江某某输变电工程有限公司工会: a short form less the trade words joins the one company's forms
    for short, full in sorted(_short_company_keys(set(groups)).items(), key=lambda kv: -len(kv[0])):
        if short in groups and full in groups and all(n.endswith(("公司工会", "集团工会")) for n in groups[short]):
            groups[full] |= groups.pop(short)
    groups = {k: v for k, v in groups.items() if len(k) >= 3}
    out: dict[str, str] = _branch_forms({m.attrs["name"] for m in mentions if m.attrs.get("name")})
    for forms in groups.values():
        if len(forms) > 1 and not _places_differ(forms):
            # (蒙晟化工工会 and 通辽蒙晟化工有限责任公司工会: the form that reads as a company's union)
            best = max(forms, key=lambda f: (union_level(f) == "enterprise", f in written, len(f), f))
            out.update({f: best for f in forms if f != best})
    return out


#: Employers a text names once in full, then by their kind alone (公司工会, 医院党委书记).
_BARE_EMPLOYERS = ("公司", "集团", "集团公司", "厂", "医院", "学校", "学院", "大学", "银行", "中学", "小学")


def _company_union(article: Article, bare: str, pos: int) -> str | None:
    """公司工会 / 集团工会 with no name before it: the union of the company the text named last
    before it (else first after it), when that name ends in the same word."""
    orgs = [m for m in article.of_kind("organization") if m.attrs.get("name", "").endswith(bare)]
    before = [m for m in orgs if m.end <= pos]
    pick = before[-1] if before else (orgs[0] if orgs else None)
    return pick.attrs["name"] + "工会" if pick is not None else None


#: A place's Party committee, congress or government with posts, then 、 and a bare level: 康定市委常委、|市总工会.
_CHAINED_BODY = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:市|县|区|旗))(?:委|人大常委会|人民政府|政府|政协)"
                           r"[\u4e00-\u9fff]{1,8}、$")


def _chained_body_place(text: str, pos: int, bare: str) -> str | None:
    """The union of the place whose body opens the post chain a bare 市/县/区总工会 closes
    (康定市委常委、市总工会主席 → 康定市总工会), where that place ends in the bare level word."""
    m = _CHAINED_BODY.search(text, max(0, pos - 20), pos)
    if m is None or not m.group(1).endswith(bare):
        return None
    place = m.group(1)
    for k in range(len(place) - 1, -1, -1):  # 在|康定市: the longest known place that ends the run
        if place[k:] in lexicon.counties() or place[k:] in lexicon.cities() \
                or place[k:] in lexicon.municipal_districts():
            return place[k:] + "总工会"
    return None


#: A clause that only names a place (在瑞安市，…): the scene the next clause is set in.
_SCENE = re.compile(r"(?:^|(?<=[。！？!?\n；;]))\s*在([\u4e00-\u9fff]{2,10}?(?:市|县|区|旗))[，,]"
                    r"[^，,。；;：:！？!?\n]{0,12}$")


def _scene_place(text: str, pos: int, bare: str) -> str | None:
    """The union of the place a sentence opens on, for a bare 市/县/区总工会 in its next clause
    (在某某市，市总工会联合… → 某某市总工会), where the place ends in the bare level word.

    Parameters
    ----------
    text : str
        The article's text.
    pos : int
        Character offset of the bare mention.
    bare : str
        Its level word (市, 县, 区 ...).

    Returns
    -------
    str or None
        The place's 总工会, or None where the sentence opens otherwise.
    """
    m = _SCENE.search(text, max(0, pos - 16), pos)
    if m is None or not m.group(1).endswith(bare):
        return None
    place = m.group(1)
    for k in range(len(place) - 1):  # the longest known place that ends the run
        tail = place[k:]
        if tail in lexicon.counties() or tail in lexicon.cities() or tail in lexicon.municipal_districts():
            return tail + "总工会"
    return None


def _county_written_before(text: str, town: str) -> str | None:
    """The county (district, county-level city) written right before a town's name somewhere in the
    text (泸定县磨西镇 → 泸定县), or None."""
    if len(town) < 2:
        return None
    for i in occurrences(text, town):
        before = text[max(0, i - 8):i]
        for k in range(len(before) - 1):  # the longest known name that ends there: 来到|泸定县
            if before[k:] in lexicon.counties() or before[k:] in lexicon.municipal_districts():
                return before[k:]
    return None


def _company_before(article: Article, bare: str, pos: int, after: int) -> str | None:
    """The union of the company (hospital, school …) named last between ``after`` and ``pos`` whose name
    ends in ``bare`` (公司), for 公司工会 written after it; None where no such name stands there."""
    orgs = [m for m in article.of_kind("organization")
            if after < m.start and m.end <= pos and _ends_in_kind(m.attrs.get("name", ""), bare)]
    return orgs[-1].attrs["name"] + "工会" if orgs else None


def _ends_in_kind(name: str, kind: str) -> bool:
    """Whether an organisation's name ends in ``kind`` (公司), or a group's in 集团(股份)有限公司."""
    return name.endswith(kind) or kind in ("集团", "集团公司") \
        and re.search("集团" + _COMPANY_FORM.pattern, name) is not None


#: Union posts written alone before a name, their union named earlier in the sentence.
_BARE_UNION_POSTS = ("副主席", "常务副主席", "主席")


def _union_before_in_sentence(article: Article, pos: int) -> str | None:
    """The union named last before ``pos`` in its sentence, as the body of an earlier post (某市总工会党组书记、
    主席某某作报告，副主席…); None where the sentence names no union before it so."""
    text = article.text
    s0, _ = _near_bounds(_SENTENCE, text, pos)
    named = [u for u in article.of_kind("union") if s0 <= u.start < pos and u.attrs.get("name")]
    if not named or not _posts_re().match(text, named[-1].end):
        return None
    return named[-1].attrs["name"]


#: Heads of an employer written without it (董事长某某作工作报告) → the kinds of employer they head.
_HEAD_POSTS = {t: kinds for kinds, titles in (
    (("医院", "卫生院", "学院", "研究院"), ("院长", "副院长")),
    (("公司", "集团"), ("董事长", "副董事长", "总经理", "副总经理")),
    (("学校", "中学", "小学", "大学", "学院"), ("校长", "副校长")),
    (("银行", "分行", "支行"), ("行长", "副行长")),
    (("厂",), ("厂长", "副厂长"))) for t in titles}


def _only_employer(article: Article, kinds: tuple[str, ...]) -> str | None:
    """The one employer of one of ``kinds`` the article names (an organisation, or the body of an enterprise
    union), for a head of it written without its name; None where it names none or several."""
    names = {m.attrs["name"] for m in article.of_kind("organization")
             if m.attrs.get("name", "").endswith(kinds) and m.attrs["name"] not in _BARE_EMPLOYERS}
    names |= _union_bodies(article, lambda name: name[:-2].endswith(kinds)
                           and union_level(name) in ("enterprise", "other"))
    names = {n for n in names if not any(o != n and o.endswith(n) for o in names)}  # 某某医院 in 某州某某医院

    def key(name: str) -> tuple[str, str]:  # 某某州人民医院 and 某某傣族自治州人民医院: one hospital
        chain = _place_chain(name)
        if not chain:
            return "", name
        place = chain[-1][0]
        return lexicon.city_aliases().get(place, place), name[chain[-1][1]:]
    by_key: dict[tuple[str, str], str] = {}
    for n in sorted(names, key=lambda x: (-len(x), x)):  # the fullest form of each
        by_key.setdefault(key(n), n)
    return next(iter(by_key.values())) if len(by_key) == 1 else None


def _employer_named(article: Article, kind: str, pos: int) -> str | None:
    """The full name of the employer a bare 公司 / 集团公司 / 医院 at ``pos`` stands for: the organisation of
    that kind named last before it, else the body of the one enterprise union of that kind the article
    names (中国铁路某某局集团有限公司工会 … 集团公司党委副书记 → 中国铁路某某局集团有限公司)."""
    orgs = [m.attrs["name"] for m in article.of_kind("organization")
            if m.end <= pos and m.attrs.get("name") not in _BARE_EMPLOYERS
            and _ends_in_kind(m.attrs.get("name", ""), kind)]
    if orgs:
        return orgs[-1]
    bodies = _union_bodies(article, lambda name: not name.endswith("总工会") and len(name) > len(kind) + 4
                           and _ends_in_kind(name[:-2], kind))
    return next(iter(bodies)) if len(bodies) == 1 else None


def _zone_in_region(zone: str, region: Region | None) -> bool:
    """Whether a functional area (北京经济技术开发区) lies in the article's province (any, if unknown)."""
    if not region or not region.province:
        return True
    owner = lexicon.municipal_districts().get(zone, "")
    return owner == region.province or lexicon.cities().get(owner) == region.province


def _district_parent(base: str, region: Region | None) -> str | None:
    """Union above a county-level division's: its prefecture's, or its municipality's.

    A name several prefectures share (鼓楼区) is read as the one in the article's region.
    """
    divs = lexicon.divisions().get(base, ())
    divs = tuple(d for d in divs if d[2] == base)
    if len(divs) > 1 and region and region.province:
        divs = tuple(d for d in divs if d[0] == region.province and (not region.city or d[1] == region.city)) \
            or tuple(d for d in divs if d[0] == region.province)
    if len(divs) != 1:
        return None
    prov, city, _ = divs[0]
    return (city or prov) + "总工会"


def _body_key(name: str) -> str:
    """Key under which the forms of one place's 总工会 agree: 贵州省黔东南州总工会, 黔东南州总工会 and
    黔东南苗族侗族自治州总工会 → 黔东南苗族侗族自治州总工会.  Other names are their own key."""
    if not name.endswith("总工会"):
        return name
    base = name[:-3]
    form, n = _place_prefix(base)
    if n and n < len(base) and len(lexicon.divisions().get(form, ())) == 1 \
            and lexicon.divisions()[form][0][1] is None and base[n:] in lexicon.divisions():
        base = base[n:]  # a province written before its city or county
    base = lexicon.city_aliases().get(base, lexicon.province_short_to_full().get(base, base))
    return base + "总工会"


def _province_of_prefixed_city(base: str) -> str | None:
    """广西柳州市 → 广西壮族自治区: a city written after its province's name."""
    form, n = _place_prefix(base)
    divs = lexicon.divisions().get(form, ())
    rest = lexicon.city_aliases().get(base[n:], base[n:])
    if n and len(divs) == 1 and divs[0][1] is None and lexicon.cities().get(rest) == divs[0][0]:
        return divs[0][0]
    return None


#: Grassroots unions of a place's shops or offices (商圈工会, 楼宇工会), not federations of them (…工会联合会).
_GRASSROOTS_SECTORS = ("商圈", "楼宇", "市场", "商厦")
_GRASSROOTS_SECTOR_UNIONS = tuple(s + "工会" for s in _GRASSROOTS_SECTORS)


def _parent(name: str, level: str | None, unions: dict[str, UnionFact], section_union: dict[int, str],
            mentions: list[Mention], article: Article, main_district: str | None,
            region: Region | None = None, main_local: str | None = None) -> str | None:
    base = _prefix(name)
    if level == "national":
        return None
    if level == "provincial":
        return NATIONAL
    if level == "city":
        if XPCC_DIVISION.match(base):
            return XPCC_UNION  # 第三师图木舒克市总工会 → 新疆生产建设兵团总工会
        prov = lexicon.cities().get(base) or _province_of_prefixed_city(base)
        return prov + "总工会" if prov else None
    if level == "enterprise":
        if name.endswith("分公司工会") and "集团" not in name:
            # 建三江分公司工会 in an article about one group's union: the branch's union is under the group's
            # (the group union named last before the branch's first mention)
            first = min((m.start for m in mentions if m.attrs.get("name") == name), default=0)
            groups = [m.attrs["name"] for m in mentions if m.start < first and m.attrs.get("name") != name
                      and "集团" in (m.attrs.get("name") or "") and union_level(m.attrs["name"]) == "enterprise"]
            if groups:
                return groups[-1]
        return None  # a workplace union reports where the text says so, not by its name
    if level == "other" and name.endswith(_GRASSROOTS_SECTOR_UNIONS):
        return None  # 某区某某大道商圈工会: a grassroots union like a workplace's, under whom the text says
    if level == "branch" and "工会" in name and name.endswith("工作委员会"):
        return name[: name.index("工会") + 2]  # a union's regional committee → the union
    if level == "industry":
        if base.startswith("中国"):
            return NATIONAL  # 中国海员建设工会: a national industry union
        # (香港工会联合会 names a place alone: a body of its own, under no 总工会)
        chain = [c for c in _place_chain(base) if c[1] < len(base)]
        if len(chain) >= 2 and union_level(base[:chain[-1][1]] + "总工会") == "district":
            return base[:chain[-1][1]] + "总工会"  # 泉州市丰泽区快递行业工会联合会 → 泉州市丰泽区总工会
        form, n = _place_prefix(base)
        if n:
            return _division_union(form, region)
        if main_local and main_local != name:
            return main_local  # 教科文卫体工会 in a provincial union's yearbook entry
        return region.union("省") or region.union("自治区") if region else None
    if level == "other" and name.endswith(("工会联合会", "联合工会")):
        # 某市新就业形态劳动者工会联合会: a federation of a place's workers of one kind is under the place's union
        # (香港工会联合会 names a place alone: a body of its own, under no 总工会)
        chain = [c for c in _place_chain(base) if c[1] < len(base)]
        if len(chain) >= 2 and union_level(base[:chain[-1][1]] + "总工会") == "district":
            return base[:chain[-1][1]] + "总工会"  # as 泉州市丰泽区快递行业工会联合会 → 泉州市丰泽区总工会
        towns = [n for n in unions if n != name and unions[n].level == "street" and n.endswith("总工会")
                 and base.startswith(n[:-3], chain[-1][1] if chain else 0)]
        if towns:  # 某市某某镇商圈工会联合会 where the article names 某某镇总工会: the town's federation
            return max(towns, key=len)
        head = _division_union(chain[-1][0], region) if chain else None
        if head and head != name:
            return head
        if base.endswith(_GRASSROOTS_SECTORS):
            return None  # 开发区楼宇工会联合会: like a 商圈工会, under whom the text says (else none)
    for prov in lexicon.provinces():  # 天津市滨海新区 → 滨海新区
        if base.startswith(prov) and base[len(prov):] in lexicon.municipal_districts():
            base = base[len(prov):]
            break
    muni = lexicon.municipal_districts().get(base)
    if base in lexicon.zone_short_forms() and _zone_in_region(lexicon.zone_short_forms()[base], region):
        muni = muni or lexicon.municipal_districts().get(lexicon.zone_short_forms()[base])
    if muni and base in lexicon.ambiguous_counties() and region and region.province not in (None, muni) \
            and any(d[0] == region.province for d in lexicon.divisions().get(base, ())):
        muni = None  # 朝阳区 in a 长春 article is 长春's
    if level in ("district", "industrial-park", "street") and not muni:
        # 宁波市北仑区, 重庆市渝北区, 六安开发区: the city or municipality written first is the parent
        chain = _place_chain(base)
        if chain and level == "street" and not any(chain[0][0] in d for d in lexicon.divisions().get(chain[0][0], ())):
            chain = []  # 杭州道街道 is a street of 天津, not of 杭州: only a full division name heads a street's name
        if chain and chain[-1][1] == len(base):
            chain = chain[:-1]  # 宁波市北仑区: the name ends with the district itself
        elif chain and level == "street" and len(chain) > 1 and base[chain[-1][1]:] in ("街道", "镇", "乡", "苏木"):
            chain = chain[:-1]  # 武侯区玉林街道: 玉林 is the street's own name, not the city 玉林
        if chain:  # 杭州市余杭区良渚街道 → 余杭区: the lowest place written before it
            head = _division_union(chain[-1][0], region)
            if head and head != name:
                return head
    if level in ("district", "industrial-park") and muni:
        return muni + "总工会"
    if level == "district":
        above = _district_parent(base, region)
        if above:
            return above
        cities = [n for n in unions if unions[n].level == "city"]
        return cities[0] if len(cities) == 1 else None
    if level == "street":
        county = _county_written_before(article.text, base)
        if county and county + "总工会" != name:
            return county + "总工会"  # 来到泸定县磨西镇…磨西镇工会联合会 → 泸定县总工会
        districts = [n for n in unions if unions[n].level == "district" and n != name] \
            or [n for n in unions if unions[n].level == "industrial-park" and n != name]
        if len(districts) == 1:  # 某某镇总工会 in an article about one district (or one zone that has
            return districts[0]  # streets of its own: 某某新区, 某某开发区): that one's union
    # street, park, enterprise ...: the district union of its section, else the article's
    for m in mentions:
        if m.attrs.get("name") == name:
            sent = article.sentence_at(m.start)
            scoped = section_union.get(sent.section if sent else 0)
            if scoped and scoped != name and union_level(scoped) in ("district", "city", "provincial"):
                return scoped
    if main_district and main_district != name:
        return main_district
    if level == "street" and region and region.county:
        return region.county + "总工会"  # 望京街道总工会 in an article about 朝阳区
    if level == "industrial-park" and region:
        return region.union("市")  # 经开区总工会 in an article about 合肥: the city's zone
    return None


def parent_of(name: str) -> str | None:
    """Parent of a union from its name and the lexicon alone (no article context).

    Provincial-level unions (including the four municipalities') → 中华全国总工会;
    a prefecture-level city's → its province's; a county's → its prefecture's (where
    the county name is unique); a municipality's district → the municipality's;
    a national industry union (中国海员建设工会) → 中华全国总工会.  Used to walk up the
    hierarchy above the unions an article names.
    """
    level = union_level(name)
    base = _prefix(name)
    if level == "provincial":
        return NATIONAL
    if level == "city":
        prov = lexicon.cities().get(base)
        return prov + "总工会" if prov else None
    if level == "industry" and base.startswith("中国"):
        return NATIONAL
    if level == "district" and base in lexicon.counties():
        return lexicon.counties()[base] + "总工会"
    muni = lexicon.municipal_districts().get(base)
    return muni + "总工会" if muni and level in ("district", "industrial-park") else None


# ---------------------------------------------------------------- context
#: A sentence about a place of the article's own (全县新增…, 我市建成…), not about a national body.
_LOCAL_SCOPE = re.compile(r"[全我本](?:县|市|区|州|盟|旗)")


def _default_union(article: Article, pos: int) -> str | None:
    """The union a sentence is about when it names none: its section's, else the headline's;
    not the national union for a sentence about a place of the article's own (中华全国总工会调研组
    来我县… 全县新增工会33家: the county's)."""
    sent = article.sentence_at(pos)
    sec = sent.section if sent else 0
    return _unless_national_here(article, pos, article.section_unions.get(sec) or article.title_union)


def _electing_union(article: Article, pos: int) -> str | None:
    """The union named last before ``pos`` in its sentence, whose congress elects the person at ``pos``:
    某某工会联合会成立大会召开，选举产生了第一届委员会，某某当选兼职副主席 (not the section's union)."""
    sent = article.sentence_at(pos)
    if sent is None:
        return None
    named = [u for u in article.of_kind("union") if sent.start <= u.start and u.end <= pos and u.attrs.get("name")]
    return named[-1].attrs["name"] if named else None


def _own_place_union(article: Article, pos: int) -> str | None:
    """The union of the place a paragraph calls its own (全县 → the article's county's union), where
    the article's region names it."""
    sent = article.sentence_at(pos)
    if sent is None:
        return None
    p0 = article.paragraphs[sent.paragraph][0] if sent.paragraph < len(article.paragraphs) else sent.start
    m = _LOCAL_SCOPE.search(article.text, min(p0, sent.start), pos)
    if m is None:
        return None
    named = [u for u in article.of_kind("union") if u.attrs.get("name")]
    return article_region(article, named).union(m.group()[1:])


def _unless_national_here(article: Article, pos: int, union: str | None) -> str | None:
    """``union``, unless it is the national union and the paragraph at ``pos`` is about a place of
    the article's own (全县, 我市 ... before ``pos``): then None."""
    if union != NATIONAL:
        return union
    sent = article.sentence_at(pos)
    if sent is None:
        return union
    p0 = article.paragraphs[sent.paragraph][0] if sent.paragraph < len(article.paragraphs) else sent.start
    return None if _LOCAL_SCOPE.search(article.text, min(p0, sent.start), pos) else union


# ---------------------------------------------------------------- persons
#: A department or committee inside a body, written between the body and a post (法律保障部|部长).
_DEPARTMENT = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:部|处|科|室|办公室|委员会|工作委员会)$")
#: A union written by its level alone, then one of its departments: 自治区总工会|权益保障部, 市总工会|办公室.
_BARE_UNION_DEPARTMENT = re.compile(r"^((?:自治区|自治州|省|市|州|盟|县|区|旗)总工会)"
                                    r"([\u4e00-\u9fff]{1,10}?(?:部|处|科|室|办公室|委员会|工作委员会))$")
#: A named town, township or street written as a body: 茅坪镇, 某某乡, 某某街道 (not a bare 镇).
_TOWN = re.compile(r"[\u4e00-\u9fff]{2,10}(?:镇|乡|街道)")
#: A unit a union runs, written after the union's name: 职工服务中心, 职工法律援助中心, 困难职工帮扶中心.
_UNION_UNIT = re.compile(r"[\u4e00-\u9fff]{2,10}中心")
#: The bodies a bare org text names by itself, whatever the region.
_NATIONAL_BODIES = ("党中央", "中共中央", "中央军委", "国务院", "全国人大常委会", "全国政协")


def resolve_persons(article: Article) -> list[PersonFact]:
    """Merge person mentions by name and attach their posts with resolved organisations.

    A post's organisation is, in this order: the union written before it
    (with a department of that union moving into the title: 青海省总工会
    法律保障部部长 → 法律保障部部长 of 青海省总工会), a named organisation
    (a company with its sub-units as written), a Party, state or union body
    named in full from the article's region (:func:`graph.text.orgnames.body_name`:
    市委 → 中共石嘴山市委), a department of the previous post's body
    (全总书记处书记、组织部部长), or the text as written where it ends in the
    head of a body.  总书记 is a post of 中共中央 (the Party constitution).
    """
    from ..text.orgnames import body_name, department_in_full

    text = article.text
    unions = {m.start: m for m in article.of_kind("union")}
    orgs = {m.start: m for m in article.of_kind("organization")}
    people: dict[str, PersonFact] = {}
    region = None

    def region_() -> Region:
        nonlocal region
        if region is None:  # the same region as the unions' (resolve_unions named them)
            region = article_region(article, [m for m in unions.values() if m.attrs.get("name")])
        return region

    for m in article.of_kind("person"):
        p = people.setdefault(m.attrs["name"], PersonFact(m.attrs["name"]))
        prev_org, prev_text, prev_start = None, None, None
        elected = m.attrs.get("elected")  # the index of a post elected to after the ones held (persons.find)
        held_from = min((s for _, _, s in m.attrs.get("posts", []) if s is not None), default=m.start)
        for k, (title, org_text, org_start) in enumerate(m.attrs.get("posts", [])):
            if not title:
                continue
            if k == elected and org_text is None:
                # 某公司经理某某当选主席: the union the sentence names before the person's own posts elects
                role = Role(*_union_post(title, _electing_union(article, held_from)))
                if role.org is not None and role not in p.roles:
                    p.roles.append(role)
                continue
            if org_text is not None and (org_text, org_start) == (prev_text, prev_start) and prev_org is not None:
                # a post sharing the body written before the one before it: 自治区党委常委、秘书长;
                # 公司党委副书记、工会主席: 主席 of the company's union
                role = Role(*_union_post(title, prev_org))
                if role not in p.roles:
                    p.roles.append(role)
                continue
            written, body = org_text, None
            if title.startswith("党委") and len(title) > 2 and org_text is not None:
                party = body_name(org_text + "党委", region_())
                if party is not None:  # 自治区党委常委: 常委 of the region's Party committee
                    title, org_text = title[2:], org_text + "党委"
                elif _TOWN.fullmatch(org_text):  # 某某镇党委副书记: 副书记 of the town's Party committee
                    title, org_text = title[2:], org_text + "党委"
            # elected at a union's congress (黄伟民当选为经审会主任): the post is in that union
            # the same for a yearbook's officers (主席:张三) under the union's heading
            via = m.attrs.get("via", "")  # "elected", "ner+elected", "officer" ...
            org = (_electing_union(article, m.start) or _default_union(article, m.start) or article.main_union
                   if via.endswith(("elected", "officer")) else None)
            if org_text is not None:
                org_end = org_start + len(org_text)
                inner = next((x for x in unions.values() if x.start >= org_start and x.end < org_end
                              and x.attrs.get("name") and _DEPARTMENT.match(text[x.end:org_end])), None)
                u = None if inner is not None else unions.get(org_start) or next(
                    (x for x in unions.values() if x.start >= org_start and x.end == org_end), None)
                body = body_name(org_text, region_())
                if body is not None:  # 市人社局 where the article names 某市人力资源和社会保障局 in full
                    body = department_in_full(text, org_text, body) or body
                if org_text == "总工会" and prev_text is not None:
                    # 自治区人大常委会副主任、总工会主席: the union of the region just named
                    level = re.match(r"^(?:中共)?[\u4e00-\u9fff]*?(自治区|自治州|省|市|州|盟|县|区|旗)", prev_text)
                    body = body_name(level.group(1) + "总工会", region_()) if level else None
                named_union = u is not None and u.attrs.get("name")
                if named_union and u.end < org_end and _UNION_UNIT.fullmatch(text[u.end:org_end]):
                    org = u.attrs["name"] + text[u.end:org_end]  # 州总工会职工服务中心|主任: the centre's head
                elif body is not None and inner is None and (org_text == "总工会" or not named_union):
                    org = body
                elif u is not None and u.attrs.get("name"):
                    org = u.attrs["name"]
                elif inner is not None:
                    org = inner.attrs["name"]
                    dept = text[inner.end:org_end]
                    # 总工会第十五届委员会|委员 is a 委员 of the union, not of a department
                    if not re.match(r"第[一二三四五六七八九十\d]+届", dept):
                        title = dept + title
                elif org_start in orgs and orgs[org_start].end <= org_end:
                    org = orgs[org_start].attrs["name"]
                    if org in _BARE_EMPLOYERS:  # 集团公司党委副书记: the group the article names in full
                        org = _employer_named(article, org, m.start) or org
                    rest = text[orgs[org_start].end:org_end]
                    if rest and re.search(r"(?:院|所|室|部|处|科|厂|车间|中心|分公司|分行|支行|班组|队)$", rest):
                        org = org_text  # a company's sub-unit as written: …公司透平设计院设计三室
                elif prev_org is not None and _DEPARTMENT.match(org_text) and len(org_text) <= 8:
                    org, title = prev_org, org_text + title  # 中华全国总工会书记处书记、组织部部长
                elif org_text in _BARE_EMPLOYERS:  # 公司党委书记, 医院院长: the one the text named last before
                    org = next((x.attrs["name"] for x in sorted(orgs.values(), key=lambda x: -x.start)
                                if x.end <= m.start and _ends_in_kind(x.attrs.get("name", ""), org_text)), None) \
                        or _employer_named(article, org_text, m.start)  # or whose union it names (某某集团有限公司工会)
                elif title.startswith("工会") and len(full := [
                        x for x in {u.attrs["name"] for u in unions.values() if u.attrs.get("name")}
                        if x.endswith(org_text + "工会") and len(x) > len(org_text) + 2]) == 1:
                    # 自治区教科文卫体工会主席: the industry union of the article's region, named in full before
                    org, title = full[0], title[2:]
                elif re.match(r"^(?:自治区|自治州|省|市|州|县|区|旗|镇|乡)(?:总工会$|(?!.*工会))", org_text):
                    # 市委, 区人社局, a bare 县总工会, no place known: one name for every city's body would merge them
                    org = None
                elif (bare := _BARE_UNION_DEPARTMENT.match(org_text)) is not None:
                    # 自治区总工会权益保障部部长 where no province is named: a post of the department, at
                    # the region's union where the region is known (else none: not the department as a body)
                    org, title = body_name(bare.group(1), region_()), bare.group(2) + title
                elif org_text in _NATIONAL_BODIES or re.search(
                        r"(委员会|常委会|政府|公司|集团|合作社|局|委|厅|部|院|办|中心|协会|厂|学校|大学|研究所|银行|车间|班组"
                        r"|.{2}工会)$", org_text):  # 某某客运公司工会: a union the union finder missed
                    org = org_text
            if org is not None and org == body:
                article.org_forms.setdefault(org, set()).add(org_text)  # the body as the text writes it (市委)
            if org is None and org_text is None and k == 0 and title in _BARE_UNION_POSTS:
                # 某市总工会主席某某作报告，副主席甲、乙出席: the union named before it in the sentence
                org = _union_before_in_sentence(article, m.start)
            if org is None and org_text is None and title in _HEAD_POSTS:
                org = _only_employer(article, _HEAD_POSTS[title])  # 院长某某作医院工作报告: the hospital's head
            title, org = _union_post(title, org)
            if org is None and title == "总书记":
                org = "中共中央"
            if title in ("政治局委员", "政治局常委") and org in (None, "中共中央"):
                title, org = title[3:], "中共中央政治局"  # 中共中央政治局委员: a 委员 of the Politburo
            if org_text is not None:
                prev_text, prev_start = written, org_start
            prev_org = org
            role = Role(title, org)
            if all((r.title, r.org) != (role.title, role.org) for r in p.roles):
                p.roles.append(role)
    return list(people.values())


def _union_post(title: str, org: str | None) -> tuple[str, str | None]:
    """A 工会 post at a body as a post of that body's union: 当选工会主席 → 主席 of that union,
    医院工会主席 → 主席 of the hospital's union; any other post unchanged."""
    if title.startswith("工会") and len(title) > 3 and org is not None:
        return title[2:], (org if org.endswith("工会") else org + "工会")
    return title, org


# ---------------------------------------------------------------- programmes, awards
def resolve_programmes(article: Article) -> list[ProgrammeFact]:
    """Merge programme mentions by name or shared alias; find each organiser.

    Forms of one programme: the same name, or one's name is the other's
    written form; a short form declared in the text (…大赛（以下简称“大赛”）);
    a theme written before it (以“X”为主题的送温暖活动: X is that activity's).
    The organiser is the union named before it in its sentence, else the one
    that runs it after it (大赛由某省总工会…主办), else the union of the
    section or of the article's lead (see :func:`_lead_union`).
    """
    text = article.text
    facts: list[ProgrammeFact] = []
    ctx = _ProgrammeContext(article)
    index: dict[str, ProgrammeFact] = {}
    names: dict[str, ProgrammeFact] = {}
    explicit: set[int] = set()  # facts whose organiser the text names
    progs = article.of_kind("programme")
    starts = [m.start for m in progs]
    host: dict[int, Mention] = {}  # theme mention → the programme it is the theme of
    for m in progs:
        if text[m.start - 1:m.start] == "以" and text.startswith("为主题的", m.end):
            i = bisect_left(starts, m.end + 4)
            if i < len(progs) and progs[i].start < m.end + 12:
                host[id(m)] = progs[i]
    for a, b in zip(progs, progs[1:], strict=False):
        if a.end == b.start and b.text.startswith("“") and b.text.endswith("”") and not a.text.endswith("”"):
            # 开展某某集中行动“某某季”: the quoted name right after a programme's name is that programme's
            a.attrs["aliases"] = sorted({*a.attrs.get("aliases", ()), b.attrs["name"]})
    fact_of: dict[int, ProgrammeFact] = {}
    by_quote: dict[tuple[str, str], ProgrammeFact] = {}  # (quoted name, head without 工会/职工) → its fact
    for m in sorted(progs, key=lambda x: id(x) in host):  # themes after the programmes they belong to
        forms = {m.attrs["name"], *m.attrs.get("aliases", [])}
        short = re.match(r"[(（]以下简称“([^”]{1,12})”[)）]", text[m.end:m.end + 20])
        if short:
            forms.add(short.group(1))
        fact = fact_of.get(id(host[id(m)])) if id(m) in host else None
        fact = fact or names.get(norm_key(m.attrs["name"])) or next(
            (index[norm_key(f)] for f in forms if norm_key(f) in names), None) or index.get(norm_key(m.attrs["name"]))
        # “某某之家”工会驿站 and later “某某之家”驿站: one quoted name, its head with and without 工会 or 职工
        quoted = _QUOTED_HEAD.fullmatch(m.attrs["name"])
        qkey = (quoted.group(1), re.sub(r"^(?:工会|职工)+", "", quoted.group(2))) if quoted else None
        fact = fact or (by_quote.get(qkey) if qkey else None)
        if fact is None:
            fact = ProgrammeFact(m.attrs["name"])
            facts.append(fact)
            names[norm_key(fact.name)] = fact
        if qkey:
            by_quote.setdefault(qkey, fact)
        fact_of[id(m)] = fact
        fact.aliases |= forms - {fact.name}
        for f in forms:
            index.setdefault(norm_key(f), fact)
        if id(fact) in explicit:
            continue
        if _other_agent(article, m.start, ctx):
            continue  # 公司每年拿出…设立…基金, 全区教育系统建成“教工之家”: run by no union
        agent = _organizer_before(article, m.start, ctx) or _organizer_after(article, m, ctx) \
            or _official_union(article, m.start, ctx)
        if agent is not None and agent.kind == "organization":
            # 某某公司“安康杯”竞赛 where the article names the company's union: the union runs it
            agent = next((u for u in ctx.unions if u.attrs["name"] == agent.attrs["name"] + "工会"), agent)
        if agent:
            fact.organizer = agent.attrs["name"]
            explicit.add(id(fact))
        elif fact.organizer is None and not ctx.in_caption(m.start) and not _whole_place_count(article, m.start) \
                and not _USED_BY_WORKERS.search(text, max(0, m.start - 12), m.start) \
                and not (_VISIT_PLACE.search(text, max(0, m.start - 20), m.start) and text[m.end:m.end + 1] in "，,"):
            # (photo captions name no organiser; nor does a count for a whole place, see _whole_place_count, nor
            # a platform workers use: 职工通过“某某”APP申领…, nor a facility visited: 在某某物流园职工驿站，…:
            # services the item reports on, not ones it says who runs)
            fact.organizer = _default_union(article, m.start) or _unless_national_here(article, m.start,
                                                                                      ctx.lead_union)
    # a later sentence that says who runs a programme by one of its forms: 大赛由某省总工会…主办
    for u in ctx.unions:
        if text[u.start - 1:u.start] != "由":
            continue
        s0, s1 = _near_bounds(_SENTENCE, text, u.start)
        if not re.search(r"主办|承办|举办|组织|发起|牵头", text[u.end:s1]):
            continue
        before = text[max(s0, u.start - 17):u.start - 1]
        fact = next((index[norm_key(before[k:])] for k in range(len(before) - 1) if norm_key(before[k:]) in index),
                    None)
        if fact is not None and id(fact) not in explicit:
            fact.organizer = u.attrs["name"]
            explicit.add(id(fact))
    for fact in facts:
        if fact.organizer and not _scope_fits(fact, fact.organizer):
            fact.organizer = None  # 推荐参加全省职工职业技能大赛: a city union sends, the province's runs it
    return _merge_modified(facts)


#: The local union levels too low to run a programme of a scope (全国…, 全省…).
_BELOW_SCOPE = (("全国", ("provincial", "city", "district", "street", "community", "industrial-park")),
                ("全省", ("city", "district", "street", "community", "industrial-park")))


#: A programme named by a quote and a head after it: “某某之家”工会驿站 → (某某之家, 工会驿站).
_QUOTED_HEAD = re.compile(r"“([^”“]{2,20})”([\u4e00-\u9fff]{1,8})")


def _scope_fits(fact: ProgrammeFact, organizer: str) -> bool:
    """Whether a union of ``organizer``'s level can run ``fact``: not a city's or a district's union for a
    全省 contest, nor any local union for a 全国 one; any other programme fits any union."""
    level = union_level(organizer)
    for scope, below in _BELOW_SCOPE:
        if any(f.lstrip("“").startswith(scope) for f in (fact.name, *fact.aliases)):
            return level not in below
    return True


#: A body other than a union opening a clause as its subject, then what it does: 公司每年拿出,
#: 集团现有, 全区教育系统建成, 甲、乙等频道推出 (not 工会系统, 公司工会, 以百人以上企业为重点, 围绕高新企业).
_OTHER_AGENT = re.compile(r"(?![以在对为向与围])[^，,；;：:]{0,10}?"
                          r"(?:公司|集团|企业|(?<!工会)系统|频道|电视台|电台|报社|项目部)"
                          r"(?:每年|今年|当年|已经|已|共|先后|累计|还|也|均)?"
                          r"(?:现有|拿出|投入|设立|建成|建立|建设|开设|成立|打造|推出|实施|出资|筹集|组织)")


_CLAUSE_MARK = re.compile(r"[，,；;：:]")
#: A verb of applying for a recognition right before a programme.
_SOUGHT_BEFORE = re.compile(r"(?:申报|争创|参评)[了的]?(?:全国|国家级|省级|市级|县级|区级)?$")


#: Workers as the subject that uses a platform or service right after: 职工通过, 会员可登录, 骑手们使用.
_USED_BY_WORKERS = re.compile(r"(?:职工|会员|劳动者|群众|市民|骑手|司机|快递员)们?(?:可以|可|均可|还可)?"
                              r"(?:通过|登录|使用|借助)“?$")
#: A sentence that opens on the place a delegation visits, a facility of a programme: 在某某物流园|职工驿站，
#: 调研组与快递员座谈 (the visit does not say who runs it).
_VISIT_PLACE = re.compile(r"(?:^|(?<=[。！？\n]))\s*在[\u4e00-\u9fff]{0,16}$")
#: A clause whose subject is a whole place (全市共建成…, 全州新建…), not a union: 全市各级工会 excepted.
_WHOLE_PLACE = re.compile(r"(?:^|(?<=[，,；;：:。]))\s*(?:(?:19|20)\d{2}年(?:底|末)?[，,]?)?"
                          r"全(?:省|市|县|区|州|盟|旗)(?!各级|工会|总工会)")


def _whole_place_count(article: Article, pos: int) -> bool:
    """Whether ``pos`` lies in a clause about a whole place in an item whose headline names no union
    (呼伦贝尔：… 2024年，全市共建成“某某驿站”52家): the item reports what was built all over the place, and
    no union of its lead is the programme's organiser.  A union's own report, whose headline names it
    (某市总工会：…), keeps its union as the organiser of what it counts."""
    first = article.paragraphs[0] if article.paragraphs else (0, 0)
    if any(first[0] <= u.start < first[1] for u in article.of_kind("union")):
        return False  # the first line, the headline, names a union
    sent = article.sentence_at(pos)
    if sent is None or not _WHOLE_PLACE.search(article.text[sent.start:pos]):
        return False
    return not any(sent.start <= u.start < pos for u in article.of_kind("union"))


def _other_agent(article: Article, pos: int, ctx: _ProgrammeContext) -> bool:
    """Whether a clause of the sentence before ``pos``, after the last union it names, opens on
    another body as its subject (据介绍，集团现有劳模创新工作室27个): then no union runs the programme."""
    text = article.text
    s0, _ = _near_bounds(_SENTENCE, text, pos)
    if _SOUGHT_BEFORE.search(text, max(s0, pos - 8), pos):
        return True  # 成功申报省级劳模创新工作室1家: the union applied; the level above runs it
    named = ctx.unions_between(s0, pos)
    # the clauses after the one naming the union (公司工会主席某某介绍，公司每年…), or all of them
    starts = [] if named else [s0]
    starts += [c.end() for c in _CLAUSE_MARK.finditer(text, named[-1].end if named else s0, pos)]
    return any(_OTHER_AGENT.match(text, c, pos) for c in starts)


def _organizer_after(article: Article, m: Mention, ctx: _ProgrammeContext) -> Mention | None:
    """The union that runs a programme, written after it: 大赛由广东省总工会携手…共同主办."""
    text = article.text
    _, s1 = _near_bounds(_SENTENCE, text, m.end)
    for u in ctx.unions_between(m.end, min(s1, m.end + 8)):
        if text[u.start - 1:u.start] == "由" and re.search(r"主办|承办|举办|组织|发起|牵头", text[u.end:s1]):
            return u
    return None


class _ProgrammeContext:
    """Per-article indexes for the organiser lookups: union and organisation mentions
    by position, paragraphs by start, and the lead union, each found by bisect so
    that resolving every programme of a long file stays linear (issue 15)."""

    def __init__(self, article: Article):
        self.article = article
        self.unions = [m for m in article.of_kind("union") if m.attrs.get("name") and not m.attrs.get("in_title")]
        self.union_starts = [m.start for m in self.unions]
        self.orgs = article.of_kind("organization")
        self.org_starts = [m.start for m in self.orgs]
        self.par_starts = [s for s, _ in article.paragraphs]
        self.lead_union = _lead_union(article)
        persons = article.of_kind("person")
        self.person_starts = sorted(m.start for m in persons)
        self.person_at = {m.start: m for m in persons}
        self.persons_by_surname: dict[str, list[Mention]] = {}
        for m in persons:
            self.persons_by_surname.setdefault(m.attrs["name"][:1], []).append(m)
        self.union_at = {m.start: m for m in self.unions}

    def person_within(self, pos: int, n: int) -> bool:
        """Whether a person is named starting at most ``n`` characters after ``pos`` (a post between)."""
        i = bisect_left(self.person_starts, pos)
        return i < len(self.person_starts) and self.person_starts[i] <= pos + n

    def unions_between(self, s: int, e: int) -> list[Mention]:
        return self.unions[bisect_left(self.union_starts, s):bisect_left(self.union_starts, e)]

    def orgs_between(self, s: int, e: int) -> list[Mention]:
        return self.orgs[bisect_left(self.org_starts, s):bisect_left(self.org_starts, e)]

    def in_caption(self, pos: int) -> bool:
        """Whether ``pos`` lies in a short line without sentence punctuation (a heading or photo caption)."""
        i = bisect_right(self.par_starts, pos) - 1
        if i < 0:
            return False
        s, e = self.article.paragraphs[i]
        if not s <= pos < e:
            return False
        line = self.article.text[s:e]
        return len(line) <= 40 and not re.search(r"[。！？；;]", line)


def _lead_union(article: Article) -> str | None:
    """The article's main union where its lead (the text up to the first paragraph
    that ends a sentence) names it: 近日，海口市总工会…会议召开 scopes the report to
    that union, so the programmes it lists are the union's; a report whose lead
    names no union leaves them without an organiser."""
    if not article.main_union:
        return None
    end = next((e for s, e in article.paragraphs if re.search(r"[。！？]", article.text[s:e])), 0)
    return next((article.main_union for u in article.of_kind("union")
                 if u.start < end and u.attrs.get("name") == article.main_union), None)


#: What joins co-organising unions in one list: 联合, 与, 和, 、 ... (nothing else between them).
_CO_ORGANISER = re.compile(r"(?:、|，|和|与|及|以及|联合|会同|携手|同)")


#: A preposition before a union that receives something (向某工会赠送, 为某工会授牌).
_GIVEN_TO = ("向", "给")


#: 主办 then 承办 (协办) in the words before a programme: the hosts, then those who carry it out.
_HOSTED = re.compile(r"(?P<host>主办)[^。；;！？]{0,60}?(?:承办|协办)")


def _organizer_before(article: Article, pos: int, ctx: _ProgrammeContext | None = None) -> Mention | None:
    """Who runs a programme: the union named nearest before it in the sentence
    (州总工会指导勐海县总工会开展…: the county union); else an organisation that
    opens the sentence (北京市温暖基金会于…发起设立“温暖武汉”项目)."""
    ctx = ctx or _ProgrammeContext(article)
    text = article.text
    s0, _ = _near_bounds(_SENTENCE, text, pos)
    # not a union the sentence founds or joins (成立…工会联合会，创建…), nor one that only set a task
    # (省总工会下达的…建设任务): who runs the programme is the sentence's subject
    named = ctx.unions_between(s0, pos)
    unions = [u for u in named
              if text[u.start - 1:u.start] not in _GIVEN_TO  # 市总工会向某某工会联合会赠送…: who receives, not runs
              and not ((_UNION_AS_OBJECT.search(text[max(s0, u.start - 10):u.start])
                       or _VISITED.search(text, max(s0, u.start - 4), u.start))
                      and not _BUILT_BY.match(text, u.end)  # 参观了集团工会建设的…: it built what was seen
                      or _UNION_AS_MODIFIER.match(text, u.end))]
    hosted = _HOSTED.search(text, s0, pos)
    if hosted and unions:
        # 由甲、乙总工会主办，丙工会承办的…: the union among the hosts runs it, the one that carries it out helps
        hosts = [u for u in unions if u.end <= hosted.start("host")]
        if hosts:
            unions = hosts
    if unions:
        # 昆山市总工会联合花桥经济开发区工会举办…, 某市总工会联合某行业工会、某区总工会开展…: the co-organisers
        # joined to the first by a conjunction or a list comma are not the organiser; the first-named is
        k = named.index(unions[-1])
        first = unions[-1]
        while k > 0 and _CO_ORGANISER.fullmatch(text[named[k - 1].end:named[k].start]):
            k -= 1
            first = named[k] if named[k] in unions else first
        return first
    orgs = ctx.orgs_between(s0, min(pos, s0 + 3))
    # 在某某公司，…为公司新建的劳模创新工作室揭牌: the body is where it happens, not who runs it;
    # 某某律师事务所律师某某…到“某某驿站”坐班: a post right after it makes its official the subject
    return orgs[0] if orgs and text[orgs[0].start - 1:orgs[0].start] != "在" \
        and not ctx.person_within(orgs[0].end, 6) else None


#: Union posts whose holder runs the union's programmes (某某主席牵头组建…).
_CHAIR_POSTS = ("主席", "常务副主席", "副主席")
#: A surname and a chair's post naming a person again (王主席).
_CHAIR_REF = re.compile(rf"([\u4e00-\u9fff])({'|'.join(_CHAIR_POSTS)})")


def _official_union(article: Article, pos: int, ctx: _ProgrammeContext) -> Mention | None:
    """The union of a chair who opens the programme's sentence, by name or by surname and post
    (王主席牵头组建“某某议事会”, the article having named 某某联合会主席王某某); None where the opener holds
    no such post in one named union."""
    text = article.text
    s0, _ = _near_bounds(_SENTENCE, text, pos)
    while s0 < pos and text[s0] in " \u3000\n":
        s0 += 1
    ref = _CHAIR_REF.match(text, s0, pos)
    people = ctx.persons_by_surname.get(ref.group(1), []) if ref else \
        [ctx.person_at[s0]] if s0 in ctx.person_at else []
    held = {ctx.union_at[o_s].attrs["name"]: ctx.union_at[o_s] for p in people for t, _, o_s in p.attrs.get("posts", [])
            if o_s in ctx.union_at and t == (ref.group(2) if ref else t) and t in _CHAIR_POSTS}
    return next(iter(held.values())) if len(held) == 1 else None


def _absorb(host: ProgrammeFact, f: ProgrammeFact) -> None:
    """Merge ``f`` into ``host``: ``f``'s names become aliases of ``host``, its organizer fills a missing one."""
    host.aliases |= {f.name} | f.aliases
    host.organizer = host.organizer or f.organizer


def _merge_modified(facts: list[ProgrammeFact]) -> list[ProgrammeFact]:
    """Merge a name into the same name with a short modifier: 暖心驿站 into 职工暖心驿站,
    创新工作室 into 区级创新工作室, 送温暖活动 into 元旦春节送温暖活动 or into
    “心系职工情，温暖进万家”送温暖活动 (the article names one programme twice)."""
    out: list[ProgrammeFact] = []
    hosts: dict[str, ProgrammeFact] = {}  # a kept name less its first 1-3 characters → the name (first kept)
    for f in sorted(facts, key=lambda x: -len(norm_key(x.name))):
        key = norm_key(f.name)
        host = hosts.get(key) if len(key) >= 4 else None
        if host is None:
            out.append(f)
            for k in (1, 2, 3, 4):
                if len(key) - k >= 4 and not key.startswith(_VARIANT_MODIFIERS):
                    hosts.setdefault(key[k:], f)
            # “心系职工情，温暖进万家”送温暖活动 hosts a later 送温暖活动
            q = re.match(r"“[^”]{2,40}”", f.name)
            if q and len(norm_key(f.name[q.end():])) >= 4:
                hosts.setdefault(norm_key(f.name[q.end():]), f)
        else:
            _absorb(host, f)
    # one festival campaign named by two of its festival words (“两节”送温暖活动, 2025年元旦春节送温暖活动):
    # the same campaign of the article, merged into the first named
    seasonal: dict[str, ProgrammeFact] = {}
    for f in list(out):
        core = _FESTIVAL_HEAD.sub("", norm_key(f.name))
        if core == norm_key(f.name) or len(core) < 4:
            continue
        host = seasonal.setdefault(core, f)
        if host is not f:
            _absorb(host, f)
            out.remove(f)
    # a campaign name of the lexicon (送温暖, 职工疗休养) into the one programme that is it with a modifier
    # before and an activity tail after (新春送温暖活动, 医务职工疗休养活动): the headline's short form of the body's
    # name
    terms = set(lexicon.programme_terms())
    for f in [f for f in out if f.name in terms]:
        key = norm_key(f.name)
        hosts = [h for h in out if h is not f and re.fullmatch(rf".+{re.escape(key)}(?:活动|行动)?", norm_key(h.name))
                 and not norm_key(h.name).startswith(_VARIANT_MODIFIERS)]
        if len(hosts) == 1:
            _absorb(hosts[0], f)
            out.remove(f)
    # 全国某某技能竞赛 (the headline's) into 2025年全国某某职业技能竞赛 (the body's): a year-named programme
    # hosts a short form of its name written without the year and a word or two
    for f in list(out):
        key = norm_key(f.name)
        hosts = [h for h in out if h is not f and _abridges(key, _YEAR_HEAD.sub("", norm_key(h.name)))
                 and _YEAR_HEAD.match(norm_key(h.name))]
        if len(hosts) == 1 and not _YEAR_HEAD.match(key):
            _absorb(hosts[0], f)
            out.remove(f)
    # “某某助学” and 开展某某助学活动: the article writes the short form too, so the tail 活动 is only generic
    # (a name is kept short where the text uses the short form, GUIDELINES)
    short_of = {norm_key(f.name): f for f in out}
    for f in list(out):
        key = norm_key(f.name)
        host = short_of.get(key[:-2]) if key.endswith("活动") and len(key) >= 6 else None
        if host is not None and host is not f:
            _absorb(host, f)
            out.remove(f)
    order = {id(f): i for i, f in enumerate(facts)}
    return sorted(out, key=lambda f: order[id(f)])


#: Modifiers that make a variant of a facility or service, not the same one named longer: 城市职工书屋 and
#: 职工书屋, 流动职工之家 and 职工之家 are two programmes of an article.
_VARIANT_MODIFIERS = ("城市", "流动", "网上", "线上", "数字", "电子", "移动", "乡村", "户外", "智慧", "云上")
_YEAR_HEAD = re.compile(r"(?:19|20)\d{2}年度?")
#: The festivals a seasonal campaign is named after, with its year: 2025年元旦春节|送温暖活动, 两节|送温暖活动.
_FESTIVAL_HEAD = re.compile(r"^(?:(?:19|20)\d{2}年度?)?(?:两节|元旦春节|元旦、春节|春节|新春|元旦)")


def _abridges(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` less a word or two (at most three characters) inside it, with the
    same two first and last characters."""
    return short != full and len(short) >= 6 and len(full) - 3 <= len(short) < len(full) \
        and short[:2] == full[:2] and short[-2:] == full[-2:] and _is_subsequence(short, full)


#: A list of honours published right before the honour's name: 公布(了)(2025年)….
_PUBLISHED = re.compile(r"(?:公布|公示|发布|印发)了?(?:\d{4}年度?)?$")


def resolve_awards(article: Article) -> list[AwardFact]:
    """Merge award mentions into facts and find who received each.

    Merging (one honour, several written forms, as a reader takes them):
    a short level form merges into the one full form with the same level
    and core (省五一劳动奖状 into 江苏省五一劳动奖状, 市级劳模 into 北京市劳动模范),
    and a bare core into the one form with a level or place (劳动模范 into
    全国劳动模范) when the article writes only one.

    Recipients, each found by a lookup in a window around the award (cost
    linear in the article's length, issue 15):

    * a person named right after the honour in its clause (全国劳动模范李红梅);
    * the subject of a verb of conferring in the award's clause (…的张三获得…一等奖),
      else the persons and organisations of its ；-segment when the segment
      confers (…班组荣获全国工人先锋号, 其中…吴振海榜上有名);
    * a unit written as the subject before 被评为/荣获 (某某协调小组被评为…), and
      the union of the section for 全区各级工会组织荣获…;
    * a later sentence naming who got it (…获此殊荣, 某某名列其中);
    * the person of the sentence before for 她先后获得….

    Returns
    -------
    list of AwardFact
        In order of first mention; recipients as written.
    """
    text = article.text
    awards = article.of_kind("award")
    target = _award_merges(awards)
    facts: dict[str, AwardFact] = {}
    fact_of: list[AwardFact] = []
    for m in awards:
        key = target.get(norm_key(m.attrs["name"]), norm_key(m.attrs["name"]))
        f = facts.get(key)
        if f is None:
            f = facts[key] = AwardFact(next(a.attrs["name"] for a in awards if norm_key(a.attrs["name"]) == key))
        f.aliases |= set(m.attrs.get("aliases", [])) | ({m.attrs["name"]} - {f.name})
        fact_of.append(f)
    by_name = {norm_key(a.attrs["name"]): fact_of[i] for i, a in enumerate(awards)}

    def give(f: AwardFact, who: str) -> None:
        if who not in f.recipients:
            f.recipients.append(who)

    for p in article.of_kind("person"):
        h = p.attrs.get("honour")
        if h and norm_key(h) in by_name:
            give(by_name[norm_key(h)], p.attrs["name"])
    agents = sorted((m for m in article.mentions if m.kind in ("person", "organization", "union")
                     and m.attrs.get("name") and not (m.kind == "person" and m.attrs.get("via") == "byline")),
                    key=lambda m: m.start)
    agent_starts = [m.start for m in agents]
    people = [m for m in agents if m.kind == "person"]
    person_starts = [m.start for m in people]
    award_starts = [a.start for a in awards]

    def in_award(pos: int) -> bool:  # 全国总工会职工技术成果优秀奖: the union is part of the award's name
        i = bisect_right(award_starts, pos) - 1
        return i >= 0 and awards[i].start <= pos < awards[i].end

    def window(s: int, e: int) -> list[Mention]:
        return agents[bisect_left(agent_starts, s):bisect_left(agent_starts, e)]

    for i, m in enumerate(awards):
        f = fact_of[i]
        c0, c1 = _near_bounds(_CLAUSE, text, m.start)
        g0, g1 = _near_bounds(_SEGMENT, text, m.start)
        if _sought(text, c0, m.start):
            continue  # 推荐…申报某省五一劳动奖章: an honour sought, not yet conferred on anyone
        if _PUBLISHED.search(text, c0, m.start):
            continue  # 某工会公布…示范单位名单: the publisher confers; those named after it receive (below)
        # 省委授予…称号: recipients come after the verb (but 某某被授予… is the receiver's own clause)
        # the last verb of conferring before the honour: 授予A“甲”称号，授予B“乙” gives 乙 to B alone
        givers = list(re.finditer(r"(?<!被)(?:授予|命名|表彰(?!决定|大会|会|通报|名单))", text[g0:m.start]))
        giver = givers[-1] if givers else None  # not 表彰决定
        # an apposition right after the honour: 全国劳动模范李红梅, 全国劳动模范、…班长周建军
        listed_after = None  # 福州市劳动模范林某、陈某: the names listed right after the first one receive it too
        for p in window(m.end, c1):
            first = bisect_left(person_starts, p.start) == bisect_left(person_starts, m.end)
            if p.kind == "person" and first and not re.search(r"[和与及暨]", text[m.end:p.start]) \
                    and not in_award(p.start) and not _titled_after(text, p):
                give(f, p.attrs["name"])
                listed_after = p
            elif listed_after is not None and p.kind == "person" and text[listed_after.end:p.start] == "、" \
                    and not _titled_after(text, p):
                give(f, p.attrs["name"])
                listed_after = p
        # 某某车间获省总工会授予的工人先锋号: the body before 授予的 confers, the clause's subject receives
        by = _CONFERRED_BY.search(text, c0, m.start)
        if by is not None and (by.end() == m.start or by.end() == m.start + 1 and text[m.start] == "“"):
            s0 = c0 + len(re.match(_LEAD_IN, text[c0:by.start()]).group())
            subject = [p for p in window(s0, by.start()) if not in_award(p.start)]
            persons = [p.attrs["name"] for p in subject if p.kind == "person"]
            # 公司工会去年获…: a time word between the subject and its verb is not part of the unit
            written = re.sub(r"(?:去年|今年|前年|近日|日前|此前|近年来|\d{4}年)$", "", text[s0:by.start()])
            for who in persons or _unit_list(written, s0, subject):
                give(f, who)
            continue
        # units that open the clause as its subject: 某某供电公司配电运检班、某某卫生院获得…;
        # units right after 授予: 省总工会授予某某检修班“工人先锋号”称号
        units = _unit_subject(text, c0, m.start, article, window(c0, m.start))
        if not units and giver and giver.group() in ("授予", "表彰"):
            # (表彰了某某医院工会等10个“模范职工之家”: the units commended, and their count, before the title)
            gs = g0 + giver.end() + (text[g0 + giver.end():g0 + giver.end() + 1] == "了")
            units = _unit_list(text[gs:m.start].rstrip("“"), gs, window(gs, m.start))
        if units:
            for u in units:
                give(f, u)
            continue
        # the subject of a verb of conferring in the award's own clause: …的张三获得…一等奖
        verb = None
        for v in re.finditer(_CONFERRED + r"|获(?=“?$)", text[c0:m.start]):  # 某某获全国…奖章
            verb = v
        subject = [p for p in window(c0, c0 + verb.start()) if not in_award(p.start)
                   and not _names_award_giver(text, p)] if verb and not giver else []
        if subject:
            for k, p in enumerate(subject):
                nxt = subject[k + 1] if k + 1 < len(subject) else None
                if p.kind != "person" and nxt is not None and nxt.kind == "person" \
                        and not re.search(r"[和与及、,，]", text[p.end:nxt.start]):
                    continue  # 某某公司电焊工张三被授予…: the company is where the receiver works
                give(f, p.attrs["name"])
            continue
        if not re.search(_CONFERRED, text[g0:g1]):
            continue
        gives = re.search(r"(?<!被)授予", text[g0:g1])  # 某工会召开…表彰会，授予…: the union confers
        got = []
        for p in window(g0, g1):
            if giver and p.start < g0 + giver.start():
                continue
            if gives and p.kind == "union" and p.start < g0 + gives.start():
                continue
            if in_award(p.start) or _names_award_giver(text, p) or _titled_after(text, p):
                continue
            if p.kind == "person" or p.start < m.start or _ANAPHORIC_AFTER.match(text, p.end):
                got.append(p)  # 表彰了…先进单位，A、B等12个单位获此殊荣: units after it too
        for k, p in enumerate(got):
            nxt = got[k + 1] if k + 1 < len(got) else None
            if p.kind != "person" and nxt is not None and nxt.kind == "person" \
                    and not re.search(r"[和与及、,，]", text[p.end:nxt.start]):
                continue  # 授予某中学教师张三…: the school is where the receiver works
            if p.kind == "person" and _SPEAKS.match(text, p.end):
                continue  # 某工会主席某某在讲话中指出: the speaker (and their union) report the honour
            give(f, p.attrs["name"])
    # a later sentence naming who got it: …株洲市共有28人获此殊荣,…易冬生名列其中
    # 入选 only when it names no object of its own (入选其中, …入选。): 入选全省创新案例 is another list
    anaphoric = re.compile(r"获此|名列其中|榜上有名|入选(?=其中|[，,。；;！!])")
    for v in anaphoric.finditer(text):
        s0, s1 = _near_bounds(_SENTENCE, text, v.start())
        if anaphoric.search(text, s0).start() != v.start():
            continue  # one pass per sentence
        k = bisect_left(award_starts, s0)
        if k < len(awards) and awards[k].start < s1:
            # the sentence names its own award: 公布…示范单位名单，甲、乙榜上有名 names who got it between
            last = bisect_left(award_starts, v.start()) - 1
            if last >= k and awards[last].end <= v.start() and re.match(r"[^。；;]{0,4}名单", text[awards[last].end:]):
                named = window(awards[last].end, v.start())
                for j, p in enumerate(named):
                    nxt = named[j + 1] if j + 1 < len(named) else None
                    if p.kind != "person" and nxt is not None and nxt.kind == "person" \
                            and not re.search(r"[和与及、,，]", text[p.end:nxt.start]):
                        continue  # 某某分行客户经理张三: the bank is where the receiver works
                    give(fact_of[last], p.attrs["name"])
            continue
        if k == 0:
            continue
        named_in = [(g.start, g.end) for g in article.of_kind("programme") if s0 <= g.start < s1]
        for p in window(s0, s1):
            if any(a <= p.start and p.end <= b for a, b in named_in):
                continue  # “某某精密加工创新工作室”名列其中: the person names the studio, which is what is listed
            if (p.kind == "person" or p.start < v.start()) and not _names_award_giver(text, p):
                give(fact_of[k - 1], p.attrs["name"])
    # 她先后获得…: the pronoun is the person named in the sentence before
    for i, m in enumerate(awards):
        g0, _ = _near_bounds(_SEGMENT, text, m.start)
        if re.search(r"[她他](?:先后|曾|还|也|已|连续)?(?:于?\d{4}年)?(?:获得|荣获|被评为|获评)", text[g0:m.start]):
            j = bisect_left(person_starts, g0)
            if j:
                give(fact_of[i], people[j - 1].attrs["name"])
    return list(facts.values())


def _titled_after(text: str, p: Mention) -> bool:
    """A person named with a post written after the name (某某总书记, 某某主席给…回信).

    In a sentence that merely shares a segment with an honour, such a person
    is cited as an office-holder, not listed as a recipient: recipient lists
    put the honour or the post before the name (全国劳动模范某某).
    """
    if p.kind != "person":
        return False
    return _posts_re().match(text, p.end) is not None


#: A speaker after their name (某某在讲话中指出，…共评选“某奖章”获得者300名): the one who reports
#: the honours, not one who received them.
_SPEAKS = re.compile(r"(?:在[^，,。；;]{0,10}?)?(?:指出|表示|强调|介绍|说|认为|要求|讲话)")


#: Sentence ends for the windowed lookups of awards and programmes (not ；).
_SENTENCE = re.compile(r"[。！？!?\n]")
#: How far a windowed lookup looks for a boundary, in characters: no clause of the genre is longer.
_REACH = 600


def _near_bounds(pattern: re.Pattern, text: str, pos: int, reach: int = _REACH) -> tuple[int, int]:
    """Bounds of the span around ``pos`` delimited by the one-character ``pattern``,
    looked for within ``reach`` characters on each side.

    Unlike a search back from ``pos`` to the start of the text for a character
    that may never occur, the cost is bounded by ``reach``, so resolving every
    award of a long file stays linear in its length (issue 15).
    """
    lo = max(0, pos - reach)
    at = _positions(text, _chars_of(pattern))  # the pattern's characters in the text, found once per text
    i = bisect_left(at, pos)
    s = at[i - 1] + 1 if i and at[i - 1] >= lo else lo
    return s, (at[i] if i < len(at) and at[i] < pos + reach else min(len(text), pos + reach))


#: Short level forms and the last character of the place they stand for (省 → 江苏省).
_LEVEL_CHAR = {"省": "省", "省级": "省", "市": "市", "市级": "市", "县": "县", "县级": "县", "区": "区", "区级": "区"}
#: Short and full forms of one honour core.
_CORE_FORMS = {"劳模": "劳动模范", "劳动奖章": "五一劳动奖章", "劳动奖状": "五一劳动奖状"}


def _award_merges(awards: list[Mention]) -> dict[str, str]:
    """Which award names are another form of one written in full in the same article.

    Returns
    -------
    dict of str to str
        Name key → name key of the form it merges into (see :func:`resolve_awards`).
    """
    from ..mentions.awards import cores

    def core_of(m: Mention) -> str | None:
        c = m.attrs.get("core")
        if c is None and norm_key(m.attrs["name"]) in _bare_cores(cores()):
            c = norm_key(m.attrs["name"])
        return _CORE_FORMS.get(c, c) if c else None

    full: dict[tuple[str, str], set[str]] = {}  # (level char, core) → place forms
    prefixed: dict[str, set[str]] = {}  # core → every form with a level or place
    last: dict[str, str] = {}  # core → the form with a level or place written last so far
    info = []
    for m in awards:
        key, core = norm_key(m.attrs["name"]), core_of(m)
        if core is None:
            continue
        raw_core = m.attrs.get("core")
        prefix = key[: len(key) - len(norm_key(raw_core))] if raw_core and key.endswith(norm_key(raw_core)) else ""
        info.append((key, prefix, core, last.get(core)))
        if prefix:
            last[core] = key
            prefixed.setdefault(core, set()).add(key)
            if prefix not in _LEVEL_CHAR and prefix[-1:] in "省市县区":
                full.setdefault((prefix[-1], core), set()).add(key)
    out: dict[str, str] = {}
    for key, prefix, core, before in info:
        if key in out or key in full.get((prefix[-1:], core), ()):
            continue
        if prefix in _LEVEL_CHAR:
            hosts = full.get((_LEVEL_CHAR[prefix], core), set())
            if len(hosts) == 1:
                out[key] = next(iter(hosts))
        elif not prefix:
            # the bare title stands for the full form written last before it (北京市劳动模范、…
            # 664名劳动模范), else for the only full form of the article
            hosts = prefixed.get(core, set())
            if before or len(hosts) == 1:
                out[key] = before or next(iter(hosts))
    # a title written with and without its conferring place (“最美职工” and 伊犁州最美职工): one honour
    from ..mentions._spans import place_at
    keys = {norm_key(m.attrs["name"]) for m in awards}
    for key in keys - set(out):
        hosts = [k for k in keys if len(k) > len(key) and k.endswith(key) and len(key) >= 3
                 and place_at(k, 0) == len(k) - len(key)]
        if len(hosts) == 1:
            out[key] = hosts[0]
    # a title written by its scope and its last word (全国示范点) after it was written in full (全国职工书屋示范点):
    # one honour, where the short form's last word is no title of its own (not 全国|先进工作者)
    own = _bare_cores(cores())
    for key in keys - set(out):
        tail = key[2:]
        if len(key) < 5 or key[:2] not in _SCOPE_WORDS or tail in own:
            continue
        hosts = [k for k in keys if len(k) > len(key) and k[:2] == key[:2] and k.endswith(tail)]
        if len(hosts) == 1:
            out[key] = hosts[0]
    # a short form merged into a full one carries bare forms along
    return {k: out.get(v, v) for k, v in out.items()}


#: Scopes that open a title (全国…, 省级…).
_SCOPE_WORDS = ("全国", "全省", "全市", "省级", "市级", "国家")


@lru_cache(maxsize=4)
def _bare_cores(all_cores: tuple[str, ...]) -> frozenset[str]:
    return frozenset(norm_key(c) for c in all_cores)


#: Heads of a unit that can receive an honour (某某协调小组, 某某班组, 某某车间).
_UNIT_HEADS = (r"(?:小组|班组|班|车间|队|公司|集团|工会|委员会|中心|站|所|厂|院|学校|分局|支局|科|处|部|室"
               r"|协会|联合会|馆|社|矿|场|局|中学|小学|大学|幼儿园|银行|分行|支行|段)")
_COLLECTIVE_UNIONS = r"(?:全区|全市|全省|全县|全州|全旗)?各级工会(?:组织)?"


def _unit_subject(text: str, c0: int, pos: int, article: Article, agents: list[Mention]) -> list[str]:
    """Units that open the clause as the subject of 被评为/荣获 before ``pos``.

    某某厂务公开协调小组被评为“…先进单位” and 某某供电公司配电运检班、某某卫生院获得…
    give the units as written (or as the union or organisation mention that spans
    one exactly resolves it); 全区各级工会组织先后荣获… gives the union of the
    section (the unions of the area, taken as one).  Every listed part must end
    in a unit's head, else none is taken.
    """
    m = re.match(rf"([\u4e00-\u9fff、]{{2,60}}?){_RECEIVED_UNIT}", text[c0:pos])
    if not m:
        return []
    subject = m.group(1)
    if re.fullmatch(_COLLECTIVE_UNIONS, subject):
        u = _default_union(article, c0) or article.main_union
        return [u] if u else []
    return _unit_list(subject, c0, agents)


def _unit_list(written: str, start: int, agents: list[Mention]) -> list[str]:
    """The units of ``written`` (at offset ``start``), split at 、, if every part ends in a unit's head."""
    out = []
    exact = {(a.start, a.end): a.attrs["name"] for a in agents if a.kind != "person"}
    # 授予某公司装配车间等5个集体…: the count after the list is not part of the last unit
    written = re.sub(r"等(?:\d+|[一二三四五六七八九十两]+)(?:个|家)(?:集体|单位|班组|企业|车间)?$", "", written)
    for part in written.split("、"):
        if not (re.search(_UNIT_HEADS + "$", part) and len(part) >= 4 and not re.search(r"[的了在与]", part)
                and not _joins_two(part)) \
                or re.match(r"[\d一二三四五六七八九十百千万两]+[个家名支]", part):  # 授予120个班组: a count
            return []
        out.append(exact.get((start, start + len(part)), part))
        start += len(part) + 1
    return out


def _joins_two(part: str) -> bool:
    """Whether ``part`` joins two things with 和 (某车间和某班组), not a 和 inside a word (和谐号, 和平区)."""
    if "和" not in part:
        return False
    from ..text.segment import words

    return any(w == "和" for w, _ in words(part))


#: What follows a unit that the clause says received the honour just named (A、B等12个单位获此殊荣).
_ANAPHORIC_AFTER = re.compile(r"(?:[、和及][^，,。；;、]{2,24}?)*"
                              r"(?:等[\d一二三四五六七八九十两]*[个家名位]?[\u4e00-\u9fff]{0,3})?"
                              r"(?:获此殊荣|获此荣誉|榜上有名|名列其中)")

_RECEIVED_UNIT = r"(?:先后|曾|还|也|均|多次|连续)?(?:荣获|获得|获评|被评为|被授予|被命名为|获)"


#: A verb of receiving, then a body and 授予的 (or 颁发的) right before the honour:
#: …获全国总工会授予的…, …荣获省总工会颁发的“…”.
_CONFERRED_BY = re.compile(r"(?:先后|曾|还|也|均)?荣?获(?:得|评)?了?[^，,。；;获]{2,24}?(?:授予|颁发)的“?")
#: Words that open a clause before its subject: 其中, 去年, 此外 ...
_LEAD_IN = r"(?:其中|此外|另外|同时|去年|今年|近年来|此前)?，?"

_CONFERRED = r"荣获|获得|获评|被评为|被授予|授予|命名|入选|获此殊荣|榜上有名|名列其中"
#: Verbs before an honour in its clause that make it one sought, not received (推荐…申报, 争创).
_SOUGHT = re.compile(r"申报|推荐(?!的)|争创|争当|参评")


def _sought(text: str, c0: int, pos: int) -> bool:
    """Whether the clause ``text[c0:pos]`` before an honour only seeks it: a verb of seeking
    (推荐…申报, 争创) with no verb of conferring after it (…推荐的班组荣获… is conferred)."""
    ends = [m.end() for m in _SOUGHT.finditer(text, c0, pos)]
    return bool(ends) and not re.search(_CONFERRED, text[ends[-1]:pos])


def _names_award_giver(text: str, m: Mention) -> bool:
    """A union or organisation that confers or recommends (市总工会命名…, …工会推荐的…, 公司工会为…“某某工匠”颁发
    证书) is no recipient."""
    return bool(re.match(r"(?:命名|授予|推荐|表彰|发布|评选|为[^，,。；;]{1,30}?(?:颁发|颁奖|授牌))",
                         text[m.end:m.end + 36]))


# ---------------------------------------------------------------- figures
_FULL_STOP = re.compile(r"[。！？!?]+[”’」』]?|\n")
_CLAUSE = re.compile(r"[，,；;。：:！？!?\n【】]")  # 【帮扶工作】全年…: a bracketed heading ends a clause
_SEGMENT = re.compile(r"[；;。！？!?\n]")


_STOP_CHARS = "。！？!?\n"
_CLOSERS = "”’」』"


@lru_cache(maxsize=32)
def _positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every character of ``chars`` in ``text`` (found once per text)."""
    return [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)]


def _last_of(text: str, chars: str, pos: int) -> int:
    """``max(text.rfind(c, 0, pos) for c in chars)`` by binary search: an ``rfind`` of a
    character the text lacks scans back to its start, which made long articles quadratic."""
    at = _positions(text, chars)
    i = bisect_left(at, pos)
    return at[i - 1] if i else -1


def full_sentence(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence (up to 。！？ or a line end, not ；) around ``pos``.

    Found with ``rfind``/``search`` from ``pos`` (not a scan from the start of
    the text), so resolving an article stays linear in its length.
    """
    s = _last_of(text, _STOP_CHARS, pos) + 1
    while s < pos and text[s] in _CLOSERS and s > 0 and text[s - 1] in _STOP_CHARS:
        s += 1
    m = _FULL_STOP.search(text, pos)
    return s, (m.end() if m else len(text))


#: The characters of each boundary pattern, for a fast backwards search.
_PATTERN_CHARS: dict[re.Pattern, str] = {}


def _chars_of(pattern: re.Pattern) -> str:
    """The characters of a one-character-class boundary pattern (``[。！？!?\\n]``)."""
    chars = _PATTERN_CHARS.get(pattern)
    if chars is None:
        chars = _PATTERN_CHARS[pattern] = pattern.pattern.strip("[]").replace("\\n", "\n")
    return chars


def _bounds(pattern: re.Pattern, text: str, pos: int) -> tuple[int, int]:
    s = _last_of(text, _chars_of(pattern), pos) + 1
    m = pattern.search(text, pos)
    return s, (m.start() if m else len(text))


_NUM_CN = r"[\d一二三四五六七八九十两]+"
#: Spans of several years, and recurring amounts: a figure under one has no single year.
_SPAN_RE = (rf"(?:过去|近|这|今后|未来)的?{_NUM_CN}年(?:来|间|中|里)?"
            r"|(?<![\d.])[\d二三四五六七八九十两]+年(?:来|以来|间)"
            rf"|{_NUM_CN}年(?:工作)?回顾|[“\"‘]?十[一二三四五六七八九]五[”\"’]?(?:规划)?(?:期间|以来|时期)|(?:多|近|几)年来|历年"
            r"|每年|年均|平均每年"  # 年均开展…24场: a yearly average, of no one year
            rf"|连续{_NUM_CN}年|(?:开展|坚持|举办|实施)了?(?!(?:19|20)\d\d年){_NUM_CN}年"
            r"|(?:19|20)\d\d年?(?:至|到|-|—|~)(?:19|20)?\d\d年|(?:19|20)\d\d年(?:以来|起|始)"
            # 自2016年开展金秋助学活动以来: the year and its 以来 parted by what began then
            r"|[自从](?:19|20)\d\d年[^，,。；;！？!?“”]{1,16}?以来")
_ANCHOR = re.compile(
    rf"(?P<span>{_SPAN_RE})"
    # a year compared with (比2023年增长, 与2023年相比): the base of a change, not the year of the figures
    r"|(?:(?<=[比较])|(?<=[高低多少]于))(?P<base>(?:19|20)\d{2})(?=年)|(?<=[与同])(?P<base_>(?:19|20)\d{2})(?=年(?:同期)?相比)"
    # the starting point of a change (由2022年底的56%提高到81.3%): dates the value it starts from only
    r"|(?<=[由从])(?P<from>(?:19|20)\d{2})(?=年[底末]?(?:同期)?的)"
    r"|(?P<year>(?<![\d.])(?:19|20)\d{2})(?=年)"
    r"|(?<![比较同于])(?P<rel>今年|本年度?|去年|上一年度?|上年度|前年|明年)"
    r"|(?P<now>截[至止]目前|目前|至今|迄今|现有|现已|如今)"
    # a day or month without its year (4月27日, 截至9月底, 1至10月): of the year the article is dated in
    r"|(?<![年\d])(?P<date>\d{1,2}月(?:\d{1,2}日|底|末|份|[上中下]旬)?)"
    # a part of a year written without its year (上半年,…): the year comes from elsewhere (when.dated_part_year)
    r"|(?<![年\d])(?P<part>上半年|下半年|前[三3]季度|第?[一二三四1-4]季度)")
#: After a year: a day, month or part of it (2024年5月, 2024年上半年), not the whole year.
_PART_OF_YEAR = re.compile(r"年(?:\d{1,2}月|[一二三四五六七八九十]{1,2}月|[上下]半年|第?[一二三四1-4]季度)")
_REL_OFFSET = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上一年": -1, "上一年度": -1, "上年度": -1,
               "前年": -2, "明年": 1}


@dataclass
class _ArticleTime:
    """When an article was written and which year it is about, as its header and lead say."""

    published: int | None = None  # year of a dated header line or dateline
    published_month: int | None = None  # its month, where it gives one
    lead: int | None = None  # year the title or lead names (2021年…送温暖活动启航)
    now: int | None = None  # the year 今年 means: published, else inferred, else lead
    masked: str = ""  # the text with 《》 titles blanked
    refs: list | None = None  # when.time_refs of the text, read once where a bare 上半年 needs them
    anchors: dict = field(default_factory=dict)  # (start, end) → _anchors there; figures share sentences


#: A lead that dates its event by a recent day (近日,…召开): it is about the present, not a year named after it.
_RECENT = re.compile(r"近日|日前|近期|昨天|昨日|今天|今日|上午|下午|当天|当日")
#: After a year: what is planned for it (2026年州总工会将推动…, 2026年计划…), so it is no past year.
_PLANNED_AFTER = re.compile(r"年[^，,。；;！？!?]{0,8}?(?:将|计划|力争|预计|拟)")


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
    # the publication year: the article's one dateline reader (a date line, 新华社北京2021年7月29日电)
    dl = find_dateline(text)
    if dl is not None and dl.date:
        t.published = int(dl.date[:4])
        t.published_month = int(dl.date[5:7]) if len(dl.date) >= 7 else None
    in_dateline = (dl.start, dl.end) if dl is not None else (0, 0)
    # the lead's year: the last year its first paragraph names, else the one year of the title lines;
    # none where the lead opens a review of several years (过去的5年, 五年工作回顾)
    whole_year = False
    titles = [(p0, p1) for p0, p1 in header if not date_line(text[p0:p1])]
    lead_anchors = _anchors(masked, *lead_para) if lead_para else []
    if lead_para and not _RECENT.search(text, lead_para[0], lead_para[1]) and all(
            in_dateline[0] <= a.start() < in_dateline[1] for a in lead_anchors):
        # 本报某地1月5日讯 某地是全国重要的物流集散地。截至2025年底,…: a lead opening on a timeless line is dated
        # by its next sentence
        nxt = (lead_para[1], full_sentence(text, lead_para[1])[1])
        if nxt[0] < nxt[1] and text[lead_para[1] - 1] in "。！？!?" and article.sentence_at(nxt[0]) is not None \
                and article.sentence_at(nxt[0]).paragraph == article.sentence_at(lead_para[0]).paragraph:
            lead_para = nxt
            lead_anchors = _anchors(masked, *lead_para)
    title_anchors = [a for s, e in titles for a in _anchors(masked, s, e)]
    if not any(a.group("span") for a in lead_anchors + title_anchors):
        in_lead = [int(a.group("year")) for a in lead_anchors if a.group("year")
                   and not in_dateline[0] <= a.start() < in_dateline[1]]
        in_title = {int(a.group("year")) for a in title_anchors if a.group("year")}
        if in_lead:
            t.lead = in_lead[-1]
        elif len(in_title) == 1:
            t.lead = in_title.pop()
        # the lead's year names a whole year (2024年,… / 2024年全市…), not a day or month of it (2024年5月)
        whole_year = t.lead is not None and all(
            not _PART_OF_YEAR.match(text, a.end()) for a in lead_anchors + title_anchors
            if a.group("year") and int(a.group("year")) == t.lead)
    # 今年: the publication year; else one year after a year named beside 去年; else the lead's year
    t.now = t.published
    if t.now is None and dl is not None:
        # 本报西安9月18日电 … 截至2025年8月底: a stock counted up to a month just before the dateline's
        # month is of the year the article was written in
        day = re.search(r"(\d{1,2})月\d{1,2}日", text[dl.start:dl.end])
        month = int(day.group(1)) if day else None
        cut = [int(y) for y, mo in re.findall(r"(?:截至|截止到?)((?:19|20)\d\d)年(\d{1,2})月", masked)
               if month is not None and 0 <= month - int(mo) <= 3]
        if cut:
            t.now = max(cut)
    if t.now is None and t.lead is not None and any(a.group("rel") == "去年" for a in title_anchors) \
            and not any(a.group("year") for a in title_anchors):
        # 某州总工会去年为职工挽回…1860万元 ¶ 2025年,…1860万元: the headline's 去年 is the year the lead reviews
        t.now = t.lead + 1
    if t.now is None:
        for p0, p1 in article.paragraphs:
            found = _anchors(masked, p0, p1)
            if any(a.group("rel") == "去年" for a in found):
                # the latest year it names as past (从2022年…提高到2024年…。去年…: written in 2025), not a target
                ys = [int(a.group("year")) for a in found if a.group("year")
                      and not re.search(r"(?:力争|计划|预计|目标|将|要)(?:在|到|至)?$",
                                        masked[max(0, a.start() - 4):a.start()])]
                # 2026年州总工会将推动… beside 去年…: the year planned for is the year written in, not one past
                planned = [y for y in ys for a in found if a.group("year") and int(a.group("year")) == y
                           and _PLANNED_AFTER.match(masked, a.end())]
                past = [y for y in ys if y not in planned]
                if past:
                    t.now = max(past) + 1
                    break
                if planned:
                    t.now = max(planned)
                    break
    if t.now is None and t.lead is not None and whole_year and "去年" in masked \
            and not re.search(r"今年|本年", masked):
        # an undated review of a whole year (2024年,市总工会累计投入…) that speaks of 去年 and never of 今年 was
        # written after that year ended: its 去年 is the year reviewed
        t.now = t.lead + 1
    if t.now is None:
        t.now = t.lead
    if t.lead is None and t.now is not None and any(a.group("rel") in ("今年", "本年") for a in lead_anchors) \
            and not any(a.group("span") or a.group("year") for a in lead_anchors):
        t.lead = t.now  # 今年以来,市总工会…: a lead about this year, dated by the header
    return t


def _doc_masked(text: str) -> str:
    """The text with 《》 titles blanked, so that years in titles are not anchors."""
    from ..text.segment import _DOC_SPAN

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
       A span closing a sentence with no anchor before the figure (对12家
       企业,连续3年全额返还…) covers it: None.
       Comparisons (比去年, 较上年) and the starting point of a change
       (由2022年底的56%提高到…: dates the 56% only) are not anchors; years
       inside 《》 titles are not anchors.  A bare part of a year (上半年,
       前三季度) is no anchor by itself: see rule 2½.
    2. The nearest anchor earlier in its paragraph: a year, a relative year
       or a span, as in rule 1 (GUIDELINES: "from the sentence or its
       paragraph").  A paragraph that continues a sentence broken over two
       lines (the line before ends without 。！？) counts from that line.
       目前 / 现有 or a day earlier in the paragraph → the publication
       year, where the header dates the article (中国现有…53所。…93%以上…).
    2½. A bare part of a year in the sentence or paragraph, with no year
       there: the year that part of a year was written with earlier in the
       article (2025年前三季度,… ¶ 前三季度,…), else the article's "now"
       (when.figure_ref dates its period alike: the build keeps them equal).
    3. A year opening a headed section's first paragraph (抗疫情 促发展 /
       2020年,在全面参与疫情防控…) scopes that section (seed 000); else the
       year of a 【回顾2020】-style heading above it, up to the previous 【】
       heading.  A year written somewhere else in the section does not
       count: in the dev set (a biography's 1997年退休, a history's 自2018年始)
       it dated the figures after it wrongly more often than rightly.
    4. The lead's year: the last year named in the first sentence of the
       first body paragraph (its second sentence where the first names no
       time at all: 本报某地1月5日讯 某地是…集散地。2025年,…), else the one
       year of the title lines
       (2021年…送温暖活动启航, …2025年工作综述), unless the lead or title
       opens a review of several years (过去的5年, 五年工作回顾: seed 003).
       A lead about 今年 (今年以来,市总工会…) has the article's "now" as
       its year.  A dated header line (来源:…2025-08-01) is when the article was
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

    def decides(a: re.Match) -> tuple[bool, int | None]:
        """Whether anchor ``a`` settles the year, and the year it gives (None: a span, left open)."""
        if a.group("span"):
            return True, None
        if a.group("year"):
            return True, int(a.group("year"))
        if a.group("rel"):
            return True, from_rel(a.group("rel"))
        return False, None

    def anchors(s: int, e: int) -> list[re.Match]:
        hit = t.anchors.get((s, e))
        if hit is None:
            hit = t.anchors[s, e] = _anchors(masked, s, e)
        return hit

    s0, s1 = full_sentence(text, pos)
    found = anchors(s0, s1)
    before = [a for a in found if a.start() < pos]
    base = _base_year(text, before, pos)
    if base is not None:
        return base
    skip_paragraph = False
    part_at = next((a.start() for a in reversed(before) if a.group("part")), None)
    for a in reversed(before):
        done, year = decides(a)
        if done:
            return year
        if a.group("now"):
            if t.published is not None:
                return t.published
            skip_paragraph = True
            break
        if a.group("date") and t.published is not None:
            return _day_year(t, a)
    if not before:
        if found and found[0].group("span"):
            return None  # 对12家企业,连续3年全额返还…: a span closing the sentence covers the figure before it
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
        for a in reversed(anchors(p0, s0)):
            done, year = decides(a)
            if done:
                return year
            if (a.group("now") or a.group("date")) and t.published is not None:
                # 中国现有…53所。…93%以上…: the paragraph speaks of the day it was written
                return _day_year(t, a) if a.group("date") else t.published
            if a.group("part") and part_at is None:
                part_at = a.start()
    if part_at is not None:
        # 上半年/前三季度 with no year in its paragraph: the year that part was written with earlier
        # (2025年前三季度,… ¶ 前三季度,…), else the article's year (when.figure_ref dates it alike)
        if t.refs is None:
            t.refs = time_refs(text)
        year = dated_part_year(text, t.refs, part_at) or t.now
        if year is not None:
            return year
    sec = article.sections[sent.section]
    if sent.section > 0 and sec.heading:  # a year opening a headed section scopes it
        first = next((p for p in article.paragraphs if p[0] > sec.start and p[1] - p[0] >= 40), None)
        if first and first[0] <= s0:
            opening = anchors(first[0], full_sentence(text, first[0])[1])
            if opening and opening[0].group("year") and opening[0].start() == first[0]:
                return int(opening[0].group("year"))
    for i in range(sent.section, -1, -1):  # a heading year scopes the sections after it
        if article.sections[i].year:
            return article.sections[i].year
        if article.sections[i].heading.startswith("【"):
            break
    return t.lead


def _day_year(t: _ArticleTime, a: re.Match) -> int | None:
    """The year of a day or month written without one (截至12月底) in an article dated ``t.published``.

    A month later than the dateline's (12月底 in an item dated 2026-01-08) is of the year before:
    news reports what has happened, and a year-end review is published in the new year.
    """
    month = int(re.match(r"\d+", a.group("date")).group())
    late = t.published_month is not None and month > t.published_month
    return t.published - 1 if late and t.published is not None else t.published


def _base_year(text: str, before: list[re.Match], pos: int) -> int | None:
    """The compared year, for the figure that states its value (比2023年的31.2万人次, 与2023年相比…从1.1万户).

    A compared year is no anchor for the other figures of its sentence (the
    growth, the value it fell to): they keep the year of the sentence or
    paragraph around them.

    Parameters
    ----------
    text : str
        The article text.
    before : list of re.Match
        The sentence's time anchors before the figure (``_ANCHOR`` matches).
    pos : int
        Character offset of the figure.

    Returns
    -------
    int or None
        The compared year, or None where the figure is not the compared value.
    """
    for a in reversed(before):
        year = a.group("base") or a.group("base_") or a.group("from")
        if not year:
            continue
        if states_compared_value(text, a.end() + 1, pos):  # a.end(): the 年 after the year
            return int(year)
    return None


_NOUNISH = ("n", "nz", "vn", "l", "ng", "nt", "ns", "an")


def _counted_noun(after: str) -> str:
    """The noun a figure counts when it is written after it: 1000元的慰问金塞进… → 的慰问金.

    Cut only where the text after the figure opens with 的 (the noun run
    after it) or where 和/及/与 bring in another counted thing; else the
    words after the figure (用于“送温暖”, 参加…) are kept, up to 16.
    """
    from ..text.segment import words

    if not after.startswith("的"):
        # 100件棉衣和一台彩电送到…: another counted thing follows 和
        # (困难和一线女职工: 一线 is a word, no count)
        return re.split(r"(?:和|及|与)(?!一线)(?=[\d一二两三四五六七八九十几数])", after[:16])[0]
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
    from ..text.segment import words

    out = ""
    for w, _ in reversed(words(phrase[-(size + 8):])):
        if len(out) >= size or len(out) + len(w) > size + 6:
            break
        out = w + out
    out = re.sub(r"^[年月日](?!度)", "", out)  # 力争2026年新建…: the year is cut, its 年 goes with it
    if out.startswith("、"):
        # 走访慰问困难职工、劳动模范和一线职工家庭: a cut inside a list keeps the whole list and its verb
        return phrase if len(phrase) <= 2 * size else out[1:]
    return out or phrase[-size:]


def _first_word(phrase: str) -> str:
    from ..text.segment import words

    toks = words(phrase[:8])
    return toks[0][0] if toks else ""


def _starts_with_verb(phrase: str) -> bool:
    from ..text.segment import words

    toks = words(phrase[:8])
    return bool(toks) and toks[0][1] in ("v", "vd", "vn") and toks[0][0] not in ("职工", "会员")


def _all_nouns(phrase: str) -> bool:
    from ..text.segment import words

    return all(tag in _NOUNISH or tag == "c" for _, tag in words(phrase))


#: The start and the verb of a change between two figures: 从(2022年的)8.1万元 | 提高到(2024年的)9.6万元.
_FROM_YEAR = r"[从由](?:(?:19|20)\d\d年(?:底|末)?的)?$"
_CHANGED_TO = (r"(?:下降|降|减少|减|增加|增|上升|升|提高|提升|扩大)(?:至|到|为)"
               r"(?:(?:19|20)\d\d年(?:底|末)?的|(?:目前|现在|当前)的)?")
#: A union opening a measure phrase, with the adverbs after it: 州总工会将|投入, 市总工会共|筹措资金.
_LEADING_AGENT = re.compile(r"(?:今年|去年)?[\u4e00-\u9fff]{0,12}?总工会(?:今年|去年|还|将|共|也|已|累计|先后|又|再)+")
_BARE_AGENT = re.compile(r"(?:今年|去年)?[\u4e00-\u9fff]{0,12}?总工会")
#: A measure that names only a property of what came before: 点击量达, 办结率, 参保率为.
_PROPERTY_ONLY = re.compile(r"[\u4e00-\u9fff]{1,3}(?:量|率)(?:达到|达|为|是)?")
#: A measure that says only "in all, it reached": 全市累计达到, 总数达.
_TOTAL_ONLY = re.compile(r"(?:全[省市县区州]|全年|共|累计|总数|总计|目前|现已|已)+(?:达到|达|增至|增加到)?"
                         r"|达到|增至|增加到")  # 累计达到186个: 累计 itself is cut as an opening adverb
#: Words opening a measure that say only how the count was made or when: 其中, 累计, 目前已…
_OPENING_ADVERBS = r"^(?:\d{4}年(?:以来)?|以来)?(?:其中|累计|共计|共|全年|总计|此外|同时|目前|现已|已经|已)*"
#: What the listed examples before 等 received (A、B等8人获此荣誉, 某车间等10个集体获…): the measure.
_RECEIVED = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:荣获|获得|获评|获)")
_EXAMPLES = re.compile(r"(?<![\d.])((?:[\u4e00-\u9fff]{1,10}、)*[\u4e00-\u9fff]{1,10})等(?![奖级次同])")


def _drop_examples(phrase: str) -> str:
    """A phrase without the examples it lists: 设电工、焊工、数控车工等 → 设.

    The first example is glued to the verb before it (设电工): the words up
    to the last verb are kept, the example's own words (组织|外卖|配送员) dropped.
    """
    from ..text.segment import words

    m = _EXAMPLES.search(phrase)
    if m is None:
        return phrase
    head = phrase[:m.start()] + m.group(1).split("、", 1)[0]
    toks = words(head)
    keep = len(toks) - 1  # the first example: the words after the last verb (设|电工, 组织|外卖|配送员)
    while keep > 0 and not toks[keep - 1][1].startswith("v"):
        keep -= 1
    done = next((i for i, (w, _) in enumerate(toks[:keep]) if w == "了"), None)
    if done is not None:  # 审议通过了2025年职工收入分配方案等: 了 ends the verb; the example's own verbs stay out
        keep = done + 1
    return "".join(w for w, _ in toks[:keep]) + phrase[m.end():]


#: A number with its multiplier and measure word inside a phrase (4860家企业、213万名职工参加…): no part of
#: what a later figure of the sentence measures.
_FIGURE_WORDS = re.compile(r"[\d.]+[万亿千百]*[余多]?"
                           r"(?:[\u4e00-\u9fff]?(?=[,,、]|$)|(?:人次|名|家|个|人|元|张|项|所|户)(?=[\u4e00-\u9fff“]))")
#: A clause of changes shared out over the figures before it: 同比分别增长5.2%和4.6%.
_EACH_CHANGE = re.compile(r"\s*((?:同比|比上年|较上年|比去年)?)分别((?:增长|提高|下降|增加|减少|上升)了?)")
#: A clause that only names a part of the year: 一季度, 前三季度, 上半年, 1至8月.
_PART_OF_YEAR_CLAUSE = re.compile(r"前?第?[一二三四1-4]季度|[上下]半年|\d{1,2}(?:至|到|-)\d{1,2}月|\d{1,2}月份?")


def _in_part_of_year(text: str, fig: Mention, measure: str) -> str:
    """The measure with the part of the year a clause before it names (一季度,参赛职工2.6万人 → 一季度…).

    A table turned into prose repeats one measure per quarter or month: the
    part of the year is what tells its rows apart.
    """
    c0, _ = _bounds(_CLAUSE, text, fig.start)
    if c0 < 2 or text[c0 - 1] not in ",，":
        return measure
    p0, _ = _bounds(_CLAUSE, text, c0 - 2)
    part = text[p0:c0 - 1].strip()
    if _PART_OF_YEAR_CLAUSE.fullmatch(part) and not measure.startswith(part):
        return part + measure
    return measure


def _joined_by_list(text: str, fig: Mention, figures: list[Mention], c1: int) -> str:
    """参加“X”竞赛 for each item of N家单位、N个班组、N万余名职工参加“X”竞赛: the verb of taking part that
    closes a 、-list of counted nouns, for an item before the last; "" where the list closes otherwise."""
    chain = _within(figures, fig.start, c1)
    for a, b in zip(chain, chain[1:], strict=False):
        if not re.fullmatch(r"[\u4e00-\u9fff]{1,8}、", text[a.end:b.start]):
            return ""
    m = re.match(r"[\u4e00-\u9fff]{1,6}?((?:参加|参与)了?[^，,。；;、]{2,16})", text[chain[-1].end:c1])
    return m.group(1) if m and len(chain) > 1 else ""


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
    changes = _within(figures, c0, c1)
    each = _EACH_CHANGE.fullmatch(text, c0, changes[0].start) if changes else None
    if each and c0 > 1:
        # 收入2.36亿元,支出2.12亿元,同比分别增长5.2%和4.6%: the n-th change is of the n-th figure before
        s0, _ = full_sentence(text, fig.start)
        prior = [f for f in _within(figures, s0, c0) if f.end <= c0][-len(changes):]
        if len(prior) == len(changes):
            base = _measure(text, prior[changes.index(fig)], figures)
            return (base + each.group(1) + each.group(2)).strip()
    s, e = c0, c1
    nxt = prv = None
    for f in _within(figures, c0, c1):  # stop at neighbouring figures
        if f is fig:
            continue
        if s <= f.start < fig.start:
            s, prv = f.end, f
        elif fig.end <= f.start < e:
            e, nxt = f.start, f
    if nxt is not None and re.fullmatch(r"[至到~-]", text[fig.end:nxt.start]):
        # 给予1000元至4万元经费补助: both ends of a range count what the range counts
        after = text[nxt.end:c1] if not _within(figures, nxt.end, c1) else ""
        return (_tail(re.sub(_OPENING_ADVERBS, "",
                       text[s:fig.start].lstrip("、和及与"))) + after[:16]).strip()
    if prv is not None and re.fullmatch(r"[至到~-]", text[prv.end:fig.start]):
        return _measure(text, prv, figures)
    if prv is not None and re.search(_FROM_YEAR, text[max(0, prv.start - 8):prv.start]) and re.fullmatch(
            _CHANGED_TO, text[prv.end:fig.start]):
        # 从1.1万户降至8600户: the value reached counts what the value it changed from counts
        return _measure(text, prv, figures)
    before = text[s:fig.start].lstrip("、和及与")
    if prv is None and c0 > 0 and re.fullmatch(r"约?占(?:比|到)?(?:为|达)?", before) \
            and fig.attrs.get("unit") == "percent":
        # 其中女职工780人,占61.9%: the share is of what the figure ending the clause before counts
        prior = _within(figures, _bounds(_CLAUSE, text, c0 - 1)[0], c0 - 1)
        if prior and text[prior[-1].end:c0 - 1] == "":
            return _measure(text, prior[-1], figures) + "占比"
    if re.fullmatch(r"(?:比|较)(?:(?:19|20)\d\d年|去年|上年)(?:同期)?的", before):
        # 疗休养38.5万人次,比2023年的31.2万人次增长…: the compared value counts what the figure before counts
        s0, _ = full_sentence(text, fig.start)
        prior = [f for f in _within(figures, s0, fig.start) if f.end <= fig.start]
        if prior:
            return _measure(text, prior[-1], figures)
    # A、B两家单位分别投入80万元和35万元: what follows 分别 is the measure, before it the agents; but in
    # 常委、委员中…比例分别提升至33%和40% what follows is only the change, and what precedes says what
    shared = before.rsplit("分别", 1)[-1]
    if len(shared) >= 4 and not re.match(r"(?:提升|提高|增长|增加|下降|减少|上升|降低|达到|达|为|是|占)", shared):
        before = shared
    if re.search(_FROM_YEAR, before):  # 建档数从1.1万户, 收入由2022年的8.1万元: 从/由 opens the change
        before = re.sub(r"(?:已经|已|将)$", "", re.sub(_FROM_YEAR, "", before))
    target = re.search(r"把([\u4e00-\u9fff]{2,14}?)(?:提高|提升|增加|扩大|降低|降|减少|控制)(?:到|至|在)", before)
    if target:  # 将把帮扶产品采购比例提高到…总额的30%以上: what is raised is the measure
        before = target.group(1)
    if re.search(r"(?:这一|这个|该|此)(?:数字|数据|数量|人数|比例)", before):
        # 2024年…培训职工12.6万人次,今年这一数字预计将超过15万人次: the figure before says what is counted
        s0, _ = full_sentence(text, fig.start)
        p0 = text.rfind("\n", 0, s0) + 1
        prior = [f for f in _within(figures, p0, fig.start) if f.end <= fig.start]
        if prior:
            return _measure(text, prior[-1], figures)
    if before.endswith("等") and _RECEIVED.match(text, fig.end, e):
        # A、B等8人获此荣誉, 某车间等10个集体获某奖: the examples are those counted; what they got is the measure
        before = ""
    elif before.endswith("等") and re.match(r"[\u4e00-\u9fff]", text[fig.end:fig.end + 1]):
        # 设电工、焊工等12个工种: examples of the kind written after the figure (not 慰问A、B等6.5万人,
        # where the examples are the people counted)
        before = _drop_examples(before)
    elif re.search(r"[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,10}){2,}$", before) and re.match(
            r"[\u4e00-\u9fff]{2}", text[fig.end:e]) and not _starts_with_verb(text[fig.end:e]):
        # 设收银审核员、茶艺师、商品营业员3个赛项: a list of the kind written after the figure, as 等 lists it
        before = _drop_examples(before + "等")
    after = text[fig.end:e]
    if nxt is not None and re.fullmatch(_CHANGED_TO, after):
        after = ""  # …8.1万元提高到2024年的9.6万元: the change is no part of what is counted
    elif nxt is not None and (not after or _starts_with_verb(after)):
        # 拿出398万元慰问了全市4000余名困难职工: the verb's object is written after the next figure
        later = _within(figures, nxt.end, c1)
        after = after + text[nxt.end:later[0].start if later else c1]
    # 职工之家783个、暖心驿站482个: what follows 、 is the next item's noun, not this one's
    after = "" if after.startswith("、") else after.lstrip("和及与").rstrip("、和及")  # not the 与 of 参与
    joined = _joined_by_list(text, fig, figures, c1) if nxt is not None and re.fullmatch(
        r"[\u4e00-\u9fff]{1,8}", after) and text.startswith("、", fig.end + len(after)) else ""
    if before[:1] in "“‘" and not re.search("[”’]", before):
        before = before[1:]  # “2024年大赛带动…: a quote opening, not a name quoted
    before = re.sub(_OPENING_ADVERBS, "", before)
    noun = before.split("、", 1)[0]
    if "、" in before and s > 0 and re.search(r"[\d万亿余多]", text[s - 2:s]) and len(noun) <= 4 \
            and _all_nouns(noun):
        # 走访慰问162家企业、6000余名职工: 企业 was the last figure's noun; this one shares the list's verb
        s0, _ = full_sentence(text, fig.start)
        first = next(iter(_within(figures, s0, fig.start)), None)
        c0 = _bounds(_CLAUSE, text, first.start)[0] if first else s
        head = re.sub(_OPENING_ADVERBS, "",
                      text[max(c0, s0):first.start].strip()) if first else ""
        before = head + before.rsplit("、", 1)[1]
    if joined:
        before = ""  # 共有46家单位、1086个班组…参加竞赛: the list's verb says what each item counts
        after = after + joined
    # 州总工会将投入300万元: the union is the figure's subject, not part of what it measures
    agent = _LEADING_AGENT.match(before) or _BARE_AGENT.match(before)
    if agent and agent.re is _LEADING_AGENT and len(before) - agent.end() >= 2:
        before = before[agent.end():]
    elif agent and len(before) > agent.end() and _starts_with_verb(before[agent.end():]) and (
            len(before) - agent.end() >= 2 or after):  # 市总工会设组织部等12个部门: 设|部门
        before = before[agent.end():]
    # 全区12个盟市的860名职工: the 的 that ties the counted noun to the next figure is no part of it
    measure = (_tail(before) + _counted_noun(after)).strip().removesuffix("的")
    if 0 < len(before.strip()) <= 3 and _all_nouns(before.strip()):
        # 职工1994人,会员1992人: a list item names only its noun; the list's opening names whose
        s0, _ = full_sentence(text, fig.start)
        listed = text[s:s + 1] == "、"  # 基层工会1972家、会员16.6万人: one list in one clause
        # …等6个工种的312名选手…,最终决出一等奖6名、二等奖12名: a 、 list opens in the figure's own clause
        first = next(iter(_within(figures, _bounds(_CLAUSE, text, fig.start)[0] if listed else s0, fig.start)),
                     None)
        if first is not None:
            c0, _ = _bounds(_CLAUSE, text, first.start)
            head = text[max(c0, s0):first.start].strip()
            head = re.sub(_OPENING_ADVERBS, "", head)
            if len(head) > 3 and (_all_nouns(head) or listed):  # a noun phrase, not a clause (…现有工会组织)
                measure = (_tail(head) + measure).strip()
    if re.fullmatch(r"(?:同比|比上年|较上年)?(?:增长|提高|下降|增加|减少|上升)了?", measure) and s > 0:
        # 收入1756万元,增长26%: the growth of what the clause before counts
        p0, _ = _bounds(_CLAUSE, text, s - 1)
        prev = _FIGURE_WORDS.sub("", text[p0:s - 1])
        measure = (_tail(prev) + measure).strip()
    if not measure:
        # 职工投稿160篇,近13万字 / 二次报销2.8万人次491.35万元: a bare number continues the phrase
        # that named the figure before it in the sentence
        s0, _ = full_sentence(text, fig.start)
        prior = [f for f in _within(figures, s0, fig.start) if f.end <= fig.start]
        if prior:
            measure = _measure(text, prior[-1], figures)
        elif s > s0:  # 全天多时段直播,总计300余场次: the clause before says what
            measure = _tail(text[_bounds(_CLAUSE, text, s - 1)[0]:s - 1].strip())
    if re.fullmatch(r"[\u4e00-\u9fff]{1,3}级", measure):
        # 工作室27个,其中国家级3个、省级9个: a level alone counts what the figure before the 其中 counts
        s0, _ = full_sentence(text, fig.start)
        k0 = _bounds(_CLAUSE, text, fig.start)[0]
        whole = [f for f in _within(figures, s0, k0) if f.end <= k0]
        if whole and text.startswith("其中", k0):
            noun = _measure(text, whole[-1], figures)
            if _starts_with_verb(noun):
                noun = noun[len(_first_word(noun)):]
            measure = measure + noun
    if _PROPERTY_ONLY.fullmatch(measure) and s > 0:
        # 发布信息近3000条,点击量达414万人次: the clicks of what the clause before counts
        s0, _ = full_sentence(text, fig.start)
        g0 = _bounds(_SEGMENT, text, fig.start)[0]
        prior = [f for f in _within(figures, max(s0, g0), fig.start) if f.end <= fig.start]
        if prior and _bounds(_CLAUSE, text, prior[-1].start)[1] == _bounds(_CLAUSE, text, fig.start)[0] - 1:
            measure = (_tail(_measure(text, prior[-1], figures), 8) + measure).strip()
    if _TOTAL_ONLY.fullmatch(measure):
        # 新建创新工作室36家,全市累计达到218家: a running total of what the figure before counts
        s0, _ = full_sentence(text, fig.start)
        prior = [f for f in _within(figures, s0, fig.start) if f.end <= fig.start]
        if prior:
            measure = (_measure(text, prior[-1], figures) + measure).strip()
    if re.match(r"(?:参与|参加|覆盖|惠及|服务|吸引|涉及|受益)", measure) and s > 0 \
            and _first_word(measure) in _TAKER_VERBS \
            and (before.strip() or fig.attrs.get("unit") != "count"):  # not 服务热线, 服务项目, 12项服务
        # 参与职工2.2万余人次 counts the takers of the activity named in the clause before; a change
        # (…318个,较去年底增长16.9%,服务户外劳动者52.6万人次) names no activity
        p0, _ = _bounds(_CLAUSE, text, s - 1)
        if not re.match(r"\s*(?:同比|环比|比|较)", text[p0:s - 1]):
            prev = _FIGURE_WORDS.sub("", text[p0:s - 1])
            measure = (_tail(prev) + " " + measure).strip()
    return measure


#: A programme followed by more examples and 等 (“A”“B”等, A、“B”等): listed, not the topic.
_LISTED = re.compile(r"(?:[”’]?[、,]?[“‘][^”’]{1,24}[”’][^、,，。；“]{0,8})*[”’]?等")
#: A sentence opening on the article's own event: 本次活动…, 据悉,本届大赛…, 活动以…
_EVENT_ANAPHOR = re.compile(r"(?:据悉|据了解|据介绍|此外|同时)?[,，]?(?:本次|此次|本届|本期|这次|今年的|该)?"
                            r"(?P<head>(?:活动|大赛|比赛|竞赛|赛事)(?![的中期现上])"  # not 活动现场,市总工会…
                            r"|(?:培训班|训练营|运动会|招聘会)(?![的中期现]))")  # 招聘会上,…: at the fair
#: A contest by its name's end (职业技能大赛, 选拔赛, 岗位练兵比武), and the words that make it a kind of event.
_CONTEST_NAME = re.compile(r"(?:竞赛|大赛|比赛|选拔赛|技能赛|比武)[”’\"]?$")
_CONTESTS_COUNTED = re.compile(r"(?:竞赛|比赛|大赛|比武)\d+(?:\.\d+)?[万]?[余多]?(?:场次|场|项|次|个)")
_GENERIC_BEFORE = re.compile(r"(?:各类|各级|各项|系列|多项)[“‘]?$")
#: Those who take part in a contest, after the figure in its clause (108名选手, 43家企业的356名职工参加决赛,
#: 等36人获得各工种一等奖) or right before it (参赛职工3600余名, 参赛企业420家).
_TAKERS_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:选手|参赛|参加(?:了)?(?:决赛|比赛|竞赛|初赛|复赛)|同台竞技|同场竞技"
                           r"|获(?:得)?[^，,。；;]{0,8}?(?:[一二三]等奖|优秀奖|优胜奖|优秀组织奖|组织奖|名次))")
_TAKERS_BEFORE = re.compile(r"(?:参赛|报名参赛|决赛)(?:选手|职工|企业|单位|队伍|代表队|班组)?(?:力争|预计|将|计划)?"
                            r"(?:达到?|共|有)?$"
                            # 决出一等奖8名、二等奖16名, 获奖比例约16.8%: the places a contest gives
                            r"|(?:[一二三]等奖|优秀奖|金奖|银奖|铜奖|获奖(?:比例|率))(?:为|达到?|共)?$")
#: A verb that runs an activity (开展, 组织…), and one written right before a programme (开展了“…).
_RUNS = re.compile(r"开展|举办|启动|推出|实施|组织")
_RUNS_IT = re.compile(r"(?:开展|举办|启动|推出|实施)了?[“‘]?$")
#: A speaker's verb: what follows is reported, and a union named there is what the figures are about.
_REPORTED = re.compile(r"(?:介绍|表示|指出|透露|说)[,，:：]")
#: Words before a union that make it an object: 成立…, 入选全总…, 授予…
_UNION_AS_OBJECT = re.compile(r"(?:成立|组建|建立|入选|荣获|获得|获评|授予|命名|联合|邀请|加入|完成)"
                              r"(?:全[国省市县区]|[^,，;；。、]{0,2}?首[个家])?$")
#: A union the reporter learns the news from (记者从某市总工会获悉,…): the source, not what the figures are about.
_SOURCE_OF_NEWS = re.compile(r"(?:获悉|了解到|得知)")
#: A union visited (走访了某某工会联合会和“某某驿站”) runs none of the places visited with it.
_VISITED = re.compile(r"(?:走访|参观|来到)了?$")
#: A union as the agent of a relative clause: 集团工会建设的“某某小屋”.
_BUILT_BY = re.compile(r"(?:建设|建成|打造|设立|开设|建立|创建)的")
#: A union in a modifier of the counted thing: 省总工会下达的28家工会驿站建设任务.
_UNION_AS_MODIFIER = re.compile(r"(?:下达|布置|部署|确定|命名|授予|推荐|主办)的")
#: A sentence opening on this batch or round of an activity (本批疗休养人员中, 此次培训学员…): the word names it.
_THIS_BATCH = re.compile(r"\s*(?:本批|这批|该批|本次|此次|这次)(?P<word>[\u4e00-\u9fff]{2,4}?)(?:人员|学员|团员|团|中)")
#: Where a clause opens: after a comma, semicolon or colon.
_CLAUSE_OPEN = re.compile(r"[，,；;：:]")
#: A union that made what the sentence is about (市总工会开通的12351热线…): its organiser, not the agent of the
#: figures that follow (kept apart from _UNION_AS_MODIFIER, which also tells who organises a programme).
_UNION_MADE = re.compile(r"(?:推出|打造|开通|创办|开设|建立|创建)的")
#: A clause opening on 其中 (其中包括…): a part of the figure before it, with that figure's subject.
_PART_OF_PRIOR = re.compile(r"\s*其中(?:包括|有|含)?")
#: A clause that only states a change of the figure before it: 比去年同期增长, 同比下降了, 较上年提高.
_CHANGE_CLAUSE = re.compile(r"\s*(?:同比|环比|比|较)[^，,；;。：:]{0,8}?"
                            r"(?:增长|增加|提高|提升|上升|下降|减少|降低|多出|少)了?")
#: A clause opening on what a place does for those it serves (a time phrase first, or 为…提供): 服务…, 接待…,
#: 1至10月服务…, 为跨境物流职工提供…服务.
_SERVES = re.compile(r"(?:(?:今年|去年|年初)(?:以来)?|全年|\d{1,2}(?:至|到|-)\d{1,2}月"
                     r"|前?[\d一二两三四五六七八九十]{1,2}个月|\d{1,2}月以来)*"
                     r"(?:已|共|累计)*"
                     r"(?:参与|参加|覆盖|惠及|服务|吸引|涉及|受益|接待|为[^，,。；;]{1,16}?提供)")
#: The place a union sets up, at the end of a clause: 设立的“司机之家”, 改建为“邮爱驿站”, 开设“普惠驿站”5个.
_SET_UP = re.compile(r"(?:建设|建成|打造|设立|开设|建立|创建|改建|改造)(?:的|为|成)?“?$")
#: The end of an enterprise's name, and an enterprise called by its kind (2024年集团…, 公司现有…), not its union.
_ENTERPRISE_END = r"(?:公司|集团|厂)$"
#: A clause opening on an enterprise's short form: 电缆集团目前有…, 该公司…; not its union (集团工会).
_ENTERPRISE_OPENING = re.compile(r"\s*(?:了解到|获悉|得知|据悉)?(?P<this>该)?"
                                 r"(?P<short>(?![向为给对到在赴从与和及把将])[\u4e00-\u9fff]{0,4}?(?:集团|公司|厂))"
                                 r"(?![\u4e00-\u9fff]{0,2}工会)")
_BARE_ENTERPRISE = re.compile(r"(?:^|(?<=[，,。；;：:\s年]))(?:集团|公司)(?![\u4e00-\u9fff]{0,2}工会)")
#: A sentence opening on a person: X…, 47岁的X…, 他…
_PERSON_OPENING = re.compile(r"(?:\d{1,3}岁的)?")
#: What a person does when acting for a body, not as the subject of their own story.
_ACTS_FOR = re.compile(r"(?:等人|一行|书记|主席|代表|送上|送去|带着|带领|率|向|为|拿出|捐|慰问|看望|走访|来到|表示|说"
                       r"|介绍|指出|强调|透露)")  # 某某介绍,公司工会今年新建…: reporting for a body
#: 全市各级工会, 全省工会系统, a bare 总工会 opening a clause: the union the article is about.
_OWN_UNION = re.compile(r"全(?P<level>[省市县区州盟旗])(?:各级)?工会(?:组织|系统)?"
                        r"|(?:^|(?<=[年,，;；。\s]))总工会(?=[^\s,，])"
                        r"|(?<![\u4e00-\u9fff])(?P<top>[省市县区])(?:、[市县区乡镇街](?:[(（][市县区旗][)）])?)+"
                        r"[两三四]级工会(?:组织)?")  # 市、县(区)两级工会: the county level written with its twin
#: 截至5月底,全州新发展会员1.9万人: 全州 opening a clause, without 工会, is the article's own place as a whole.
_OWN_SCOPE = re.compile(r"(?:^|(?<=[年,，;；。\s]))全(?P<level>[省市县区州盟旗])"
                        r"(?![\u4e00-\u9fff]{0,4}工会|范围|人民|上下)")
#: 九江市各级工会组织, 沈阳市工会组织 (a place named, not 全省)
_PLACE_UNIONS = re.compile(r"(?P<place>[\u4e00-\u9fff]{1,8}[省市县区])(?:各级)?工会(?:组织|系统)?")

#: A programme's name used as a modifier of the money or places a union gives (送温暖资金, 疗休养名额).
_FUNDS_OF = re.compile(r"[”’]?(?:活动)?(?:专项资金|资金|经费|名额|图书|书籍|物资|慰问品)")
#: Unions listed as examples of what a figure counts: 包河区总工会、肥西县总工会等8个单位.
_COUNTED_LIST = re.compile(r"(?:[、和及与][^，,。；;、]{2,20})*等")
#: What may stand between a figure and the programme it counts: 10个区级创新工作室, 11个“职工之家”.
_COUNTED_GAP = r"“?(?:区级|市级|县级|省级|全国|新建|职工|新增)?“?"
_COUNTED_GAP_MAX = 4  # the longest text _COUNTED_GAP matches


def _within(mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The mentions (in text order) starting in ``[lo, hi)``, by binary search."""
    starts = _starts(mentions)
    return mentions[bisect_left(starts, lo):bisect_left(starts, hi)]


def _starts(mentions: list[Mention]) -> list[int]:
    """The starts of mentions in text order (for bisect), computed once per list."""
    key = id(mentions)
    hit = _STARTS.get(key)
    if hit is None or hit[0] is not mentions or len(hit[1]) != len(mentions):
        hit = _STARTS[key] = (mentions, [m.start for m in mentions])
        if len(_STARTS) > 64:
            _STARTS.pop(next(iter(_STARTS)))
    return hit[1]


_STARTS: dict[int, tuple[list, list[int]]] = {}


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
       大赛…, 本期培训班…, 活动以…) is about the programme the title or lead names
       (the first one there; for 大赛/培训班/招聘会… one whose name ends so);
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
        self.text = self_text = article.text
        progs = article.of_kind("programme")
        counted = set()
        # a programme is counted by a figure right before it (41个职工之家) or right after it: look up
        # figures by their ends and starts, not every figure per programme (long articles)
        by_end: dict[int, list[Mention]] = {}
        for f in figures:
            by_end.setdefault(f.end, []).append(f)
        fig_starts = {f.start for f in figures}
        for p in progs:
            # right before a figure, or one character before it (“爱心驿站”86个); not across a comma or a
            # preposition (举办“春风送岗”专场招聘会,82家企业…, 通过“某基金”为63户…: no count of the fund)
            if p.end in fig_starts or (p.end + 1 in fig_starts and self_text[p.end] not in "，,、；;。：:为给向对"):
                counted.add(id(p))
                continue
            for end in range(p.start - _COUNTED_GAP_MAX, p.start + 1):
                if end in by_end and re.fullmatch(_COUNTED_GAP, self.text[end:p.start]):
                    counted.add(id(p))
                    break
        self.progs = [p for p in progs if id(p) not in counted]
        self.all_progs, self.counted, self.figures = progs, counted, figures
        self.orgs = article.of_kind("organization")
        # the enterprises (…公司/集团/厂) _clause_enterprise and _employer look among, once per article
        self.enterprises = [o for o in self.orgs if o.attrs.get("name") and re.search(_ENTERPRISE_END, o.attrs["name"])]
        self.prog_starts = [p.start for p in self.progs]
        self.prog_start_set = set(self.prog_starts)
        self.unions = [m for m in article.of_kind("union") if m.attrs.get("name") and not m.attrs.get("in_title")]
        self.union_starts = [m.start for m in self.unions]
        self.unions_named = [m for m in article.of_kind("union") if m.attrs.get("name")]
        self._by_end: dict[str, str] | None = None  # union names by their ends: _union_by_end
        self._levels: dict[str, tuple[list, list]] | None = None  # named unions per level: _one_of_level
        places = {m.attrs["name"][:-3] for m in self.unions_named if m.attrs["name"].endswith("总工会")}
        places = sorted((p for p in places if len(p) >= 3 and p[-1] in "省市县区州旗"), key=len, reverse=True)
        self.named_places = re.compile(  # the places of the named unions, not written as part of a union's name
            "(?:" + "|".join(map(re.escape, places)) + r")(?![\u4e00-\u9fff]{0,4}工会)") if places else None
        self.agents = [m for m in article.mentions if m.kind in ("union", "programme") and m.attrs.get("name")]
        self.agents.sort(key=lambda m: m.start)
        self.agent_starts = [m.start for m in self.agents]
        self.org_starts = [m.start for m in self.orgs]
        self.last: tuple[int, Mention, int] | None = None  # (segment start, programme subject, figure end)
        self.by_sentence: dict[int, list[Mention | None]] = {}  # subjects found, per sentence start

    def _topic_of_sentence(self, s0: int, s1: int) -> Mention | None:
        c0, c1 = _bounds(_CLAUSE, self.text, s0)
        ps, os_ = self.prog_starts, self.org_starts  # programmes first, then organisations
        window = self.progs[bisect_left(ps, c0):bisect_left(ps, c1)] + \
            self.orgs[bisect_left(os_, c0):bisect_left(os_, c1)]
        first = [m for m in window if not m.attrs.get("network")]
        if first:
            return first[0]
        if re.search(r"该(?:项目|活动|基金|计划|工程)", self.text[s0:s1]):
            return self._prior_programme(s0)
        return None

    def _run_programme(self, p0: int, s0: int, fig: Mention) -> Mention | None:
        """某工会开展了“某某”系列活动。截至5月5日,已累计发放…: the one programme the sentence before runs,
        when the figure's sentence runs nothing of its own (not 围绕…组织开展志愿服务活动,受益…)."""
        if _RUNS.search(self.text, s0, fig.start):
            return None
        ps = self.prog_starts
        run = [p for p in self.progs[bisect_left(ps, p0):bisect_left(ps, s0)] if not p.attrs.get("network")
               and _RUNS_IT.search(self.text[max(p0, p.start - 4):p.start])]
        return run[0] if len(run) == 1 else None

    def _prior_programme(self, pos: int) -> Mention | None:
        """The last programme (not a network) starting before ``pos``."""
        for i in range(bisect_left(self.prog_starts, pos) - 1, -1, -1):
            if not self.progs[i].attrs.get("network"):
                return self.progs[i]
        return None

    def _opens_without_subject(self, s0: int) -> bool:
        from ..text.segment import words

        head = self.text[s0:s0 + 8].lstrip("，,、 ")
        if re.match(_PART_OF_YEAR_CLAUSE.pattern + "[，,]", head):
            return True  # 一季度，全行业参赛班组1420个: a part of the year opens the sentence, then no subject
        if head.startswith(("其中", "该", "一共", "共", "累计", "陆续", "先后", "同时", "此外", "还", "并", "另",
                            "分别", "合计", "全年", "与", "为", "向", "通过", "当天", "当日", "同日", "次日")):
            return True
        toks = words(head)
        return bool(toks) and toks[0][1] in ("v", "d", "p", "c", "ad", "vd")

    def __call__(self, fig: Mention) -> Mention | None:
        self.fig = fig
        subject = self._change_of_prior(fig)
        if subject is None:
            subject = self._find(fig)
        s0, _ = full_sentence(self.text, fig.start)
        self.by_sentence.setdefault(s0, []).append(subject)
        self.prior = (fig, subject)
        return subject

    def _change_of_prior(self, fig: Mention) -> Mention | None:
        """接听咨询1.8万余个,比去年同期增长15%: a clause that opens on the change of the figure just before
        it (in the same ；-segment, no agent named between) is about what that figure is about."""
        prior = getattr(self, "prior", None)
        if prior is None or prior[1] is None:
            return None
        text = self.text
        c0, _ = _bounds(_CLAUSE, text, fig.start)
        g0, _ = _bounds(_SEGMENT, text, fig.start)
        before, subject = prior
        if not (g0 <= before.start and before.end < c0) or _within(self.agents, before.end, fig.start):
            return None
        # …有160名困难职工,其中包括50名特困职工: a part of the figure before is about what it is about
        return subject if _CHANGE_CLAUSE.fullmatch(text, c0, fig.start) or _PART_OF_PRIOR.match(text, c0) else None

    def _find(self, fig: Mention) -> Mention | None:
        text = self.text
        c0, c1 = _bounds(_CLAUSE, text, fig.start)
        g0, _ = _bounds(_SEGMENT, text, fig.start)
        s0, _ = full_sentence(text, fig.start)
        unions = [m for m in self.unions[bisect_left(self.union_starts, s0):bisect_left(self.union_starts, fig.start)]
                  if self._agent(m, s0) and m.end != fig.start  # 直属工会7个: the unions counted, not who counts them
                  and not _COUNTED_LIST.fullmatch(text, m.end, fig.start)]  # A、B等8个单位: examples of what is counted
        share = self._each(fig, unions, c0)
        if share is not None:
            return share
        centre = self._centre(fig, s0, c0)
        if centre is not None:
            return centre
        ps = self.prog_starts

        def listed(p: Mention) -> bool:  # “小手拉大手”亲子活动等系列活动: an example, not the topic
            return bool(_LISTED.match(text, p.end))

        # 1. a programme in the clause (after the figure only when it is what the money is for,
        #    or when no union is named before: 选取73家企业开展…行动)
        in_clause = self.progs[bisect_left(ps, c0):bisect_left(ps, c1)]
        # 开展“A”实践活动到基层开展“B”活动调研走访…5639户: the programme nearest before the figure runs it
        before_fig = [p for p in in_clause if p.end <= fig.start]
        for p in before_fig[::-1] + in_clause[len(before_fig):]:
            if not listed(p):
                purpose = text[max(c0, p.start - 3):p.start].endswith(("用于", "用于“"))
                if p.start > fig.start and unions and not purpose:
                    continue
                if p.end <= fig.start and self._funds_of_union(p, unions, s0):
                    continue  # 省总工会筹措送温暖资金5200万元: the union's money, named after its campaign
                if p.end <= fig.start and not self._acting(unions) and not any(
                        "工会" in m.text for m in self._place_unions(s0, fig.start)):
                    # 某地职工互助保障活动参保职工达N万人,筹集互助金…: what the programme does goes on in the
                    # clauses after, while no union or other programme is named (not in a sentence with a union
                    # of its own: 全州工会…服务站点40个,职工之家覆盖率达到90%,每年帮扶…: the union's)
                    return self._remember(g0, p)
                return p
        # … or ending the clause before it: a topic clause (首届职工象棋比赛,来自…) always,
        # an object (开展“…”竞赛,涉及19项…) when no union is the sentence's subject
        # 市总工会开展“送清凉”活动,市、县两级工会共筹措资金…: a union named in the figure's own clause is its
        # agent, unless the clause before only frames it (今年“金秋助学”活动中,市总工会共资助…: the campaign's)
        own_agent = any(c0 <= u.start for u in unions) or bool(self._place_unions(c0, fig.start))
        for p in reversed(self.progs[bisect_left(ps, g0):bisect_left(ps, c0)]):
            if self._funds_of_union(p, unions, s0):
                break  # 全省各级工会筹集送温暖资金5.62亿元,同比增长6.4%: still the union's
            if _bounds(_CLAUSE, text, p.start)[1] == c0 - 1 and not listed(p):
                p0, p1 = _bounds(_CLAUSE, text, p.start)
                if _NEW_ITEM.match(text, c0) and _within(self.figures, p.end, p1):
                    break  # “A”招聘会提供岗位1860个,二季度开展竞赛14场: a new item of a list, not A's

                run = re.search(r"(?:开展|举办|实施|组织|启动|发起)", text[p0:p.start])
                clause = text[p0:p1].strip().replace(p.text, "")
                rest = re.sub(r"今年|去年|本次|此次|期间|在|中|里|^\d{4}年(?:度)?", "", clause)
                # N万余名职工参加“安康杯”竞赛,查找整改…: the clause counted those who take part, so the programme is
                # its topic, not another's event a subject joined (参加安全大检查活动,对8个变电站…)
                takers = _within(self.figures, p0, p.start) and re.search(
                    r"(?:参加|参与)了?[“‘]?$", text[max(p0, p.start - 4):p.start])
                if len(rest) <= 2 or (not own_agent and (run or (not self._union_opens(unions, s0, fig) and (
                        takers or not re.search(r"参加|参与|配合|会同", clause))))):
                    return self._remember(g0, p)
                break
        # 1c. 建成“爱心驿站”86个,服务户外劳动者近12万人次: the places just counted are what serve
        served = self._served_by_counted(fig, c0, g0)
        if served is not None:
            return served
        # 1d. 来自27家企业的108名选手, 参赛职工3600余名, 等36人获得一等奖: those who compete in a contest the
        #     sentence (or, where it names no union, the lead) names are the contest's
        contest = self._contest_of_takers(fig, s0, c0, c1, unions)
        if contest is not None:
            return contest
        # 2. carried along the segment from a figure that found its programme by rule 1b or 4
        #    (or over a ； that goes on with a breakdown), with no named union or programme between
        if self.last and (self.last[0] == g0 or self._breakdown_goes_on(g0, s0) or self._segment_goes_on(
                g0, s0)) and bisect_left(
                self.agent_starts, self.last[2]) == bisect_left(self.agent_starts, fig.start):
            return self._remember(g0, self.last[1])
        # 2b. the article's own event: 本次活动共筹集…, 据悉,本届大赛汇聚…
        event = self._event(s0, fig)
        if event is not None:
            return event
        # 2c. a private person's story: 47岁的X是…, 他先后收养…
        person = self._person_topic(s0, fig)
        if person is not None:
            return person
        # 2e. 集团现有劳模创新工作室27个…。2023年，各工作室完成…: 各 and the end of a programme named before
        if not unions:
            back = self._each_named(s0, fig)
            if back is not None:
                return back
        # 2f. 某部长介绍,工作站聘请了12名…: a sentence (or what is reported in it) opening on the head noun of a
        #     programme named before (工作站 of 职工法律援助工作站) is about that programme
        head = self._head_named(s0, fig)
        if head is not None:
            return self._remember(g0, head)
        # 2d. those counted received an honour a union of the sentence confers: about that union
        giver = self._conferrer(fig, s0, c0, c1)
        if giver is not None:
            return giver
        # 3a. a clause that opens on an enterprise (…陪同下,来到某集团,…电缆集团目前有160名困难职工) is about it,
        #     not about a union named earlier in the sentence
        if not any(u.start >= c0 for u in unions):
            opener = self._clause_enterprise(c0, fig)
            if opener is not None:
                return opener
        # 3. the union opening the figure's clause, else the first union of the sentence
        # 授予疏附县人民医院、某某公司等3个集体…: a place written inside the examples counted names no agent
        places = [m for m in self._place_unions(s0, fig.start)
                  if m.text.endswith("工会") or not re.fullmatch(r"[^，,。；;：:的]{0,40}等", text[m.end:fig.start])]
        unions = sorted(unions + places, key=lambda m: m.start)
        said = [m.end() for m in _REPORTED.finditer(text, s0, fig.start)]
        if said and any(m.start >= said[-1] for m in unions):
            # 某市总工会副主席某某介绍，某园区工会成立于…，已覆盖企业57家: the reported union, not the speaker's
            unions = [m for m in unions if m.start >= said[-1]]
        part = text.rfind("、", c0, fig.start) + 1
        if part > 0:  # 其中A工会建成29个、B工会建成18个: a union opening the 、-part after a counted part is its own
            opening = [m for m in unions if m.start == part]
            if opening and _within(self.figures, max(c0, text.rfind("、", c0, part - 1) + 1), part):
                return opening[0]
        in_clause = [m for m in unions if m.start >= c0]
        if in_clause:
            return in_clause[0]
        in_segment = [m for m in unions if m.start >= g0]  # …77名；株洲市教育工会资助49名,发放…: the segment's
        if in_segment:
            return in_segment[0]
        if unions:
            return unions[0]
        # 3b. no union named: an enterprise the sentence names, or calls 集团/公司 (2024年集团完成…)
        employer = self._employer(s0, fig)
        if employer is not None:
            return employer
        # 4. the previous sentence's topic, when this one opens without a subject
        sent = self.a.sentence_at(fig.start)
        para_start = self.a.paragraphs[sent.paragraph][0] if sent else 0
        prior = getattr(self, "prior", None)
        if s0 == para_start and re.match(r"\s*其中", text[s0:s0 + 4]) and prior is not None \
                and prior[1] is not None and prior[0].end <= s0:
            # …人均获赔约N元。¶ 其中,住院医疗互助赔付N万人次: a paragraph opening on 其中 breaks down the
            # figures just before it, and is about what they are about
            return self._remember(g0, prior[1]) if prior[1].kind == "programme" else prior[1]
        if s0 > para_start and self._opens_without_subject(s0):
            p0, _ = full_sentence(text, s0 - 1)
            earlier = self.by_sentence.get(p0, [])
            # …招聘会吸引企业N家参会,提供岗位N余个。当天进场求职者约N人次: the one programme all the
            # figures of the sentence before are about, when its first clause names none
            topic = self._topic_of_sentence(p0, s0) or self._run_programme(p0, s0, fig) or (
                earlier[0] if earlier and earlier[0] is not None and (
                    earlier[0].kind == "programme" or earlier[0].attrs.get("centre"))
                and not _RUNS.search(text, s0, fig.start) else None)
            if topic is not None and all(e is topic for e in earlier):
                return self._remember(g0, topic) if topic.kind == "programme" else topic
        if re.search(r"该(?:项目|活动|基金|计划|工程)", text[s0:fig.start]):
            prior = self._prior_programme(s0)
            if prior:
                return self._remember(g0, prior)
        return None

    def _centre(self, fig: Mention, s0: int, c0: int) -> Mention | None:
        """某区职工法律援助中心共接待…N人次,办理…N件: a union's service centre that is the agent of the
        sentence before the figure, with no union named after it and no programme after its own clause; not a
        centre whose head is named (…中心主任某某介绍) nor a place (在…中心举行, 依托…中心)."""
        text = self.text
        os_ = self.org_starts
        for m in reversed(self.orgs[bisect_left(os_, s0):bisect_left(os_, fig.start)]):
            if not m.attrs.get("centre") or m.end > fig.start:
                continue
            if _CENTRE_NOT_AGENT_AFTER.match(text, m.end) or _CENTRE_NOT_AGENT_BEFORE.search(text, s0, m.start):
                continue
            _, m1 = _bounds(_CLAUSE, text, m.start)
            if any(u.start >= m.end for u in self.unions[bisect_left(self.union_starts, m.end):
                                                         bisect_left(self.union_starts, fig.start)]):
                return None
            if any(p.start >= m1 for p in self.progs[bisect_left(self.prog_starts, m.end):
                                                      bisect_left(self.prog_starts, fig.start)]):
                return None
            return m
        return None

    def _union_by_end(self) -> dict[str, str]:
        """Each named union by its ends (林芝市总工会 → 西藏自治区林芝市总工会), for 林芝市各级工会; built once,
        where an article first needs it."""
        if self._by_end is None:
            self._by_end = {}
            for n in sorted({m.attrs["name"] for m in self.unions_named}):
                for j in range(len(n) - 4):  # ends of five characters or more (芒市总工会)
                    self._by_end.setdefault(n[j:], n)
        return self._by_end

    def _union_opens(self, unions: list[Mention], s0: int, fig: Mention) -> bool:
        """Whether a union is the subject of the sentence before the figure: one named, or the place's unions
        (全州工会将…新建站点40个以上,职工之家覆盖率达到90%,每年帮扶…), not a place only named (安庆市第七届…大赛)
        nor a union that only owns the programme named right after it (某市总工会“金秋助学”金发放仪式举行,为…)."""
        return bool(self._acting(unions)) or any(m.end <= fig.start and ("工会" in m.text or m.text.startswith("全"))
                                   for m in self._place_unions(s0, fig.start))

    def _contest_of_takers(self, fig: Mention, s0: int, c0: int, c1: int, unions: list[Mention]) -> Mention | None:
        """The named contest whose takers the figure counts (选手, 参赛…, those placed 一等奖): the last one
        named in the sentence before the figure, else, when the sentence names no union before it, the
        first one of the title and lead.  A contest that a figure counts (开展劳动和技能竞赛1260场次) or
        that is listed as an example is a kind of event, not the one the takers entered."""
        text = self.text
        before = text[max(c0, fig.start - 10):fig.start]
        if not (_TAKERS_AFTER.match(text, fig.end, c1) or _TAKERS_BEFORE.search(before)):
            return None
        contests = [p for p in self.progs if _CONTEST_NAME.search(p.attrs.get("name") or "")
                    and not _LISTED.match(text, p.end)
                    and not _GENERIC_BEFORE.search(text[max(0, p.start - 3):p.start])]
        in_sentence = [p for p in contests if s0 <= p.start and p.end <= fig.start]
        if in_sentence:
            return in_sentence[-1]
        if unions:
            return None
        if _CONTESTS_COUNTED.search(text, s0, fig.start):
            return None  # 举办技能竞赛86场次,参赛职工4300余人次: the takers of those contests, not the lead's
        # a year's series (2024年度职工技能竞赛), its year written before the name or inside it, is no one contest
        lead = [p for p in contests if p.start < self._lead_end() and p.end <= fig.start
                and "年度" not in text[max(0, p.start - 2):p.start + 1]
                and not re.match(r"[\d〇零一二三四五六七八九]{2,4}年度", p.attrs.get("name") or "")]
        return lead[0] if lead else None

    def _clause_enterprise(self, c0: int, fig: Mention) -> Mention | None:
        """The enterprise that opens the figure's clause, named in full or by its short form (电缆集团, 该公司)
        after its full name earlier in the article; None where the clause opens otherwise."""
        text = self.text
        m = _ENTERPRISE_OPENING.match(text, c0, fig.start)
        if m is None:
            return None
        short = m.group("short")
        orgs = [o for o in self.enterprises if o.start < c0 + len(m.group())]
        fits = [o for o in orgs if o.start >= c0 or (len(short) > 2 and short in o.attrs["name"])
                or (len(short) == 2 and m.group("this") and o.attrs["name"].endswith(short))]
        return fits[-1] if fits else None

    def _employer(self, s0: int, fig: Mention) -> Mention | None:
        """The enterprise a sentence without a union reports on: one it names before the figure
        (某某有限公司第三届职代会召开,186名职工代表参加), else the one named last before it that the
        sentence calls 集团/公司 (2024年集团实现营业收入…; not 集团工会, the enterprise's union)."""
        text = self.text
        orgs = self.enterprises
        # the enterprise as the subject: not an object (向某集团的职工捐赠…) nor part of what is counted
        # (某电力公司及直属单位职工147599人)
        named = [o for o in orgs if s0 <= o.start and o.end <= fig.start and not text.startswith("工会", o.end)
                 and not re.search(r"[向为给对到赴走进深入]$", text[max(s0, o.start - 2):o.start])
                 and not re.match(r"[及和与的、]|(?:职工|员工|会员)", text[o.end:o.end + 2])
                 and "等" not in text[o.end:fig.start]]  # 某公司焊工某某、…等36人: a list of those counted
        if named:
            return named[0]
        bare = [m.group() for m in _BARE_ENTERPRISE.finditer(text, s0, fig.start)]
        if bare:
            before = [o for o in orgs if o.end <= s0 and bare[0] in o.attrs["name"]]
            return before[-1] if before else None
        return None

    def _named_ending(self, s0: int, tail: str) -> list[Mention]:
        """The programmes named before ``s0`` whose name, without its quotes, ends in ``tail`` (in the order
        of the article's mentions)."""
        return [p for p in self.all_progs if p.end <= s0 and p.attrs.get("name")
                and p.attrs["name"].strip("“”‘’\"").endswith(tail)]

    def _each_named(self, s0: int, fig: Mention) -> Mention | None:
        """The programme named before the sentence whose name ends in what 各 points at (各工作室, 各驿站)."""
        for m in re.finditer(r"各([\u4e00-\u9fff]{2,4})", self.text[s0:fig.start]):
            for n in range(len(m.group(1)), 1, -1):  # 各工作室完成: the longest end of a name that fits
                tail = m.group(1)[:n]
                named = self._named_ending(s0, tail)
                if named:
                    return named[-1]
        return None

    def _head_named(self, s0: int, fig: Mention) -> Mention | None:
        """The programme named before the sentence whose name ends in the head noun opening the sentence or the
        words reported in it (工作站聘请…, 介绍,驿站全年服务…), with no union between that noun and the figure."""
        text = self.text
        for start in [m.end() for m in _REPORTED.finditer(text, s0, fig.start)][::-1] + [s0]:
            m = _HEAD_NOUN.match(text, start, fig.start)
            if m is None or _within(self.unions, m.end(), fig.start) or re.match(
                    r"(?:共有|共计|合计|总计|共|有|达到|达|为)?\d", text[m.end():]):
                continue  # 驿站7481个, 驿站共有52个: the places counted, not what acts (工作室共受理…: acts)
            word = m.group(1)
            named = self._named_ending(s0, word)
            if named:
                return named[-1]
        return None

    def _breakdown_goes_on(self, g0: int, s0: int) -> bool:
        """其中劳动模范1264人,送去…；困难职工1287人,送去…: a breakdown opened by 其中 in the sentence's ；-segment
        before goes on in this one, so its figures keep that segment's subject."""
        if g0 - 2 <= s0 or self.last is None or self.last[2] < s0:
            return False
        p0, _ = _bounds(_SEGMENT, self.text, g0 - 2)
        return self.last[2] > p0 and bool(re.search(r"(?:^|[,，])其中", self.text[p0:g0]))

    def _acting(self, unions: list[Mention]) -> list[Mention]:
        """The unions that act in their sentence: not one naming a person's post (某公司工会主席白某牵头的…) nor
        one owning the programme written right after it (县总工会职工法律援助工作站共接待…)."""
        posts = lexicon.posts()
        starts = self.prog_start_set
        return [u for u in unions if not self.text.startswith(posts, u.end) and u.end not in starts
                and not (self.text[u.end:u.end + 1] in "“‘" and u.end + 1 in starts)]

    def _segment_goes_on(self, g0: int, s0: int) -> bool:
        """某活动参保职工达N万人,筹集互助金N万元；全年赔付职工N万人次: a ；-segment of the same sentence
        that opens without a subject of its own (全年, 累计, a verb) goes on with the segment just before it."""
        if g0 - 2 <= s0 or self.last is None or self.last[2] < s0:
            return False
        p0, _ = _bounds(_SEGMENT, self.text, g0 - 2)
        # a continuation (全年, 累计, 人均…), not a new action (；举办…, ；在17个县设立…: the sentence's subject's)
        return self.last[2] > p0 and re.match(r"\s*(?:全年|累计|共计|合计|总计|人均|其中|同比|环比|分别|共)",
                                              self.text[g0:g0 + 4]) is not None

    def _conferrer(self, fig: Mention, s0: int, c0: int, c1: int) -> Mention | None:
        """某车间等10个集体获省总工会授予的…, 由市总工会授予…奖章，A、B等8人获此荣誉: the union that confers
        the honour those counted received (in the figure's clause, else the last one before it)."""
        text = self.text
        if not _RECEIVED.match(text, fig.end, c1):
            return None
        givers = [m for m in self.unions[bisect_left(self.union_starts, s0):bisect_left(self.union_starts, c1)]
                  if text.startswith("授予", m.end)]
        own = [m for m in givers if m.start >= c0]
        before = [m for m in givers if m.end <= fig.start]
        return own[0] if own else before[-1] if before else None

    def _funds_of_union(self, p: Mention, unions: list[Mention], s0: int) -> bool:
        """Whether programme ``p`` only names the money, places or goods a union of the sentence gives (省总工会筹措
        送温暖资金…, 全省各级工会筹集送温暖资金…, 市总工会将安排疗休养名额…, 某工会向…赠送“职工书屋”图书…)."""
        return bool(_FUNDS_OF.match(self.text, p.end)) and (
            any(u.start < p.start for u in unions) or bool(self._place_unions(s0, p.start)))

    def _each(self, fig: Mention, unions: list[Mention], c0: int) -> Mention | None:
        """A、B分别投入80万元和35万元: the n-th union listed before 分别 is the subject of the n-th figure."""
        text = self.text
        at = text.rfind("分别", c0, fig.start)
        if at < 0:
            return None
        listed = [m for m in unions if c0 <= m.start and m.end <= at]
        if len(listed) < 2 or any(not re.fullmatch(r"[、和及与]", text[a.end:b.start])
                                            for a, b in zip(listed, listed[1:], strict=False)):
            return None
        _, c1 = _bounds(_CLAUSE, text, fig.start)
        shared = _within(self.figures, at + 1, c1)
        if len(shared) != len(listed) or fig not in shared:
            return None
        return listed[shared.index(fig)]

    def _served_by_counted(self, fig: Mention, c0: int, g0: int) -> Mention | None:
        """The programme counted at the end of the clause before (建成“爱心驿站”86个), when this clause opens
        on what those places do (服务…, 覆盖…, 惠及…) and names no programme or union of its own."""
        text = self.text
        if c0 <= g0 or not _SERVES.match(text, c0) or _within(self.agents, c0, fig.start):
            return None
        p0, _ = _bounds(_CLAUSE, text, c0 - 1)
        # 绥芬河市总工会…设立的“司机之家”,1至10月服务…: the place the clause before sets up, named last in it
        last_in = _within(self.progs, p0, c0 - 1)
        if last_in and text[last_in[-1].end:c0 - 1] in ("", "”", "’") and _SET_UP.search(
                text, p0, last_in[-1].start):
            return self._remember(g0, last_in[-1])
        counted = [p for p in _within(self.all_progs, p0, c0 - 1) if id(p) in self.counted]
        if not counted:
            return None
        last = counted[-1]
        # one brand the text quotes (“爱心驿站”86个), not a list (书屋48家、驿站35个) nor a generic 服务项目1426个
        tail = text[last.end:c0 - 1]
        quoted = text[last.start - 1:last.start] in "“‘" or text[last.start:last.start + 1] in "“‘"
        alone = "、" not in text[p0:last.start]
        fits = re.fullmatch(r"[”’]\d+(?:\.\d+)?[万亿]?[余多]?[个家座处间所]", tail) or (
            text[last.end - 1:last.end] in "”’" and re.fullmatch(r"\d+(?:\.\d+)?[万亿]?[余多]?[个家座处间所]", tail))
        return last if quoted and alone and fits else None

    def _agent(self, m: Mention, s0: int) -> bool:
        """A union that can be what a sentence reports on: not one founded, joined or awarded by it
        (成立…工会联合会, 入选全总…案例), nor one that only set a task (省总工会下达的…任务)."""
        before = self.text[max(s0, m.start - 10):m.start]
        return not (_UNION_AS_OBJECT.search(before) or _UNION_AS_MODIFIER.match(self.text, m.end)
                    or _UNION_MADE.match(self.text, m.end) or _SOURCE_OF_NEWS.match(self.text, m.end))

    def _event(self, s0: int, fig: Mention) -> Mention | None:
        m = _EVENT_ANAPHOR.match(self.text, s0)
        if not m:
            # 本批疗休养人员中,全国劳动模范3人: this batch of the programme named before whose name ends so
            b = _THIS_BATCH.match(self.text, s0, fig.start)
            if b is None:
                return None
            named = self._named_ending(s0, b.group("word"))
            return named[0] if named else None
        head = m.group("head")
        progs = [p for p in self.a.of_kind("programme") if p.start < s0 and p.attrs.get("name")]
        lead = [p for p in progs if p.start < self._lead_end()]
        if head != "活动":
            named = [p for p in lead or progs if p.attrs["name"].endswith(head) and p.attrs["name"] != head]
            if named:
                return named[0]
            # 招聘会上,…: the fair the lead holds as part of a programme (“春风行动”启动仪式暨招聘会)
            at = self.text.find(head, 0, min(s0, self._lead_end()))
            if at < 0:
                return None
            c0, _ = _bounds(_CLAUSE, self.text, at)
            part_of = [p for p in lead if c0 <= p.start and p.end <= at]
            return part_of[-1] if part_of else None
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
            posts = m.attrs.get("posts", ())
            if m.attrs.get("name") == name and any(
                    (org and "总工会" in org) or (not org and "工会" in title) for title, org, *_ in posts):
                return None  # 某某当选工会主席 … 某某在报告中回顾…: the union's officer reporting, no private story
        return person

    def _place_unions(self, s0: int, end: int) -> list[Mention]:
        """九江市各级工会组织 / 沈阳市工会组织: the union of that place, where the article has one."""
        out = []
        main = self.a.main_union or ""
        for m in _OWN_UNION.finditer(self.text, s0, end):  # 全市各级工会, 2021年总工会召开…: the article's union
            level = m.group("level") or m.group("top")  # 市、县两级工会: the article's union at the top level
            if main.endswith("总工会") and (not level or main.endswith(level + "总工会")):
                out.append(Mention("union", m.start(), m.end(), m.group(), {"name": main}))
            elif m.group("level"):  # 全州工会系统 in an item most about a city's union: the one 州 union named
                name = self._one_of_level(m.group("level"), s0)
                if name:
                    out.append(Mention("union", m.start(), m.end(), m.group(), {"name": name}))
        for m in _OWN_SCOPE.finditer(self.text, s0, end):  # 全州新发展…: the place of the article's union
            name = main if main.endswith(m.group("level") + "总工会") else self._one_of_level(m.group("level"), s0)
            if name:
                out.append(Mention("union", m.start(), m.end(), m.group(), {"name": name}))
        out.sort(key=lambda m: m.start)
        if self.named_places is not None:  # 其中,天河区今年已建成…: a place whose union the article names
            for m in self.named_places.finditer(self.text, s0, end):
                place = m.group()
                if self._in_list_or_name(m.start(), m.end()):
                    continue  # 对A县、B县…开展审计, A州人民医院召开…: a place listed or naming a body is no agent
                out.append(Mention("union", m.start(), m.end(), place, {"name": place + "总工会"}))
        for at in [s0] + [c.end() for c in _CLAUSE_OPEN.finditer(self.text, s0, end)]:
            # 从各区县看,某县参保职工N万人: a county or district opening a clause, whose union the article does
            # not name, stands for its union (its 总工会), as 沈阳市工会组织 does
            at += 2 if self.text.startswith("其中", at) else 0
            place = self._division_from(at, end)
            if place and not any(m.start <= at < m.end for m in out):
                out.append(Mention("union", at, at + len(place), place, {"name": place + "总工会"}))
        out.sort(key=lambda m: m.start)
        for m in _PLACE_UNIONS.finditer(self.text, s0, end):
            place = m.group("place")
            for i in range(len(place) - 1):  # 落实九江市各级工会: the place is a suffix of the run
                # 林芝市各级工会 of 西藏自治区林芝市总工会: the named union may carry its province before the place
                name = self._union_by_end().get(place[i:] + "总工会")
                if name is not None and (name == place[i:] + "总工会" or len(place) - i >= 3):
                    out.append(Mention("union", m.start() + i, m.end(), m.group()[i:], {"name": name}))
                    break
            else:
                # 沈阳市工会组织在…: the unions of a city the article names only as a place are that city's union
                # (its 总工会), where the place is a division the lexicon knows
                whole = self._division_at(m.start(), m.start("place") + len(place))
                if whole:
                    out.append(Mention("union", m.start() + len(place) - len(whole), m.end(),
                                       m.group()[len(place) - len(whole):], {"name": whole + "总工会"}))
        return out

    def _division_from(self, start: int, end: int) -> str | None:
        """The county or district the lexicon knows written at ``start`` (德清县参保…), not naming a union or
        body (德清县总工会, 德清县人民医院) and not in a list (德清县、长兴县)."""
        text = self.text
        for n in range(6, 2, -1):
            name = text[start:start + n]
            if start + n <= end and name[-1] in "县区旗" and lexicon.divisions().get(name):
                rest = text[start + n:start + n + 4]
                if re.match(r"(?:总?工会|各级|人民|政府|[、和与及])", rest):
                    return None
                return name
        return None

    def _division_at(self, start: int, end: int) -> str | None:
        """The longest city or prefecture the lexicon knows ending at ``end`` (沈阳市 of 在沈阳市), from ``start``."""
        for i in range(start, end - 2):
            name = self.text[i:end]
            if name[-1] in "市州盟" and lexicon.divisions().get(name):
                return name
        return None

    def _one_of_level(self, level: str, pos: int) -> str | None:
        """The one union of a ``level`` (区, 县…) named before ``pos``, where the article's own union is of
        another level (吴忠市总工会's item: 利通区总工会在全区开展… 。截至…,全区已有…: 全区 is that district)."""
        if self._levels is None:  # per level: union starts, and the name while only one was named so far
            self._levels = {}
            for m in sorted(self.unions_named, key=lambda u: u.start):
                name = m.attrs["name"]
                if not name.endswith("总工会") or len(name) < 5:
                    continue
                starts, names = self._levels.setdefault(name[-4], ([], []))
                starts.append(m.start)
                names.append(name if not names or names[-1] == name else None)
        starts, names = self._levels.get(level, ((), ()))
        i = bisect_left(starts, pos)
        return names[i - 1] if i else None

    def _in_list_or_name(self, start: int, end: int) -> bool:
        """Whether the place written at ``[start, end)`` is one of a list (A县、B县) or begins the name of an
        organisation the article names (A州人民医院)."""
        text = self.text
        if text[end:end + 1] == "、" or text[start - 1:start] == "、":
            return True
        i = bisect_right(self.org_starts, start) - 1
        return i >= 0 and self.orgs[i].end >= end

    def _remember(self, segment: int, m: Mention) -> Mention:
        self.last = (segment, m, self.fig.end)
        return m


#: A bare head noun of a facility or service (工作站, 驿站, 书屋, 热线…) opening a sentence: the programme it ends.
_HEAD_NOUN = re.compile(r"\s*(?:(?:[一二三四1-4]季度|[上下]半年|\d{1,2}(?:至|到|-)\d{1,2}月|今年以来|全年)[，,])?"
                        r"(?:该|这个|这一)?([\u4e00-\u9fff]{0,4}?(?:工作站|服务站|驿站|书屋|工作室|服务中心|热线|平台|基金))"
                        r"(?![\u4e00-\u9fff]{0,2}工会)")
#: A clause opening on a new action of its own (二季度开展…, 举办…), after one that counted its own figure.
_NEW_ITEM = re.compile(r"\s*(?:[一二三四1-4]季度|[上下]半年|\d{1,2}月(?:份|以来)?)?[，,]?(?:还|又|另)?"
                       r"(?:开展|举办|组织|实施|启动|新建|建成)")

#: A copula or 有 closing a measure (结案率达到97.4%, 获奖的职工有73人): it links the figure, it counts nothing.
_COPULA_END = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:达到|达|为|是|有)$")


def _measure_of(text: str, fig: Mention, figures: list[Mention]) -> str:
    """:func:`_measure` without the copula that links it to the figure (办卡率达到 → 办卡率)."""
    return _COPULA_END.sub("", _measure(text, fig, figures))


#: An adverb after the programme that opens a clause as its subject: …技能竞赛共吸引, “春风行动”累计帮助.
_SUBJECT_ADVERB = re.compile(r"[”’]?(?:共计|共|累计|总计|合计|已经|已)")


def _without_subject(measure: str, programme: Mention | None) -> str:
    """The measure without the programme that is the figure's subject where the clause opens on it
    (2024年度全市职工劳动技能竞赛共吸引4.6万名职工参赛 → 吸引职工参赛): it says what is about, not what is
    counted.  Only where an adverb (共, 累计, 已…) follows the name, so that 职工之家覆盖率 keeps its 职工之家."""
    if programme is None:
        return measure
    name = programme.text.strip("“”‘’\"")
    for i in range(len(name) - 1):  # the measure may open on the end of the name only (…全市职工劳动技能竞赛)
        if measure.startswith(name[i:]):
            rest = _SUBJECT_ADVERB.match(measure, len(name) - i)
            if rest and len(measure) - rest.end() >= 2:
                return measure[rest.end():]
            break
    return measure


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
            _default_union(article, f.start) or _unless_national_here(article, f.start, article.main_union)
            or _own_place_union(article, f.start), "union")
        out.append(FigureFact(
            value=f.attrs["value"], unit=f.attrs["unit"], unit_text=f.attrs["unit_text"], approx=f.attrs["approx"],
            text=f.text, quote=quote, start=f.start,
            measure=_named_honour(article, f, s0, _in_part_of_year(text, f, _without_subject(
                _measure_of(text, f, figs), subj if subj is not None and subj.kind == "programme" else None))),
            subject=subject,
            subject_kind=kind if subject else None, year=_year_for(article, f.start, time)))
    # the title lines: the first paragraph and the short ones after it
    body = [p for p in article.paragraphs[1:] if p[1] - p[0] >= 40]
    return _drop_restated(out, body[0][0] if body else 0)


#: An honour named earlier in the sentence and only pointed at here: 获此荣誉, 获此殊荣, 获该称号.
_THIS_HONOUR = re.compile(r"[此该](?:项)?(?:荣誉|殊荣|称号|奖项|奖励)")


def _named_honour(article: Article, fig: Mention, s0: int, measure: str) -> str:
    """The measure with 此荣誉/此殊荣 replaced by the award the sentence names before the figure.

    由市总工会授予某市五一劳动奖章，A、B等8人获此荣誉: the eight received 某市五一劳动奖章.
    """
    m = _THIS_HONOUR.search(measure)
    if m is None:
        return measure
    named = [a for a in article.of_kind("award") if s0 <= a.start < fig.start and a.attrs.get("name")]
    return measure[:m.start()] + named[-1].attrs["name"] + measure[m.end():] if named else measure


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


def _name_centres(article: Article) -> None:
    """Name each union's service centre in full: the union's name in front (州总工会职工服务中心 →
    某某自治州总工会职工服务中心), a bare level as the centre of that level named in full elsewhere in the
    article (区职工法律援助中心 → 某某区职工法律援助中心); a 中心 referring back takes its centre's name."""
    centres = [m for m in article.of_kind("organization") if m.attrs.get("centre")]
    if not centres:
        return
    unions = {m.start: m for m in article.of_kind("union") if m.attrs.get("name")}
    for m in centres:
        u = unions.get(m.start)
        if "back" not in m.attrs and u is not None and m.text.startswith(u.text):
            m.attrs["name"] = u.attrs["name"] + m.text[len(u.text):]
    names = {m.attrs["name"] for m in centres}
    for m in centres:
        if "back" not in m.attrs and m.attrs["name"] == m.text:
            longer = sorted(n for n in names if len(n) > len(m.text) and n.endswith(m.text))
            if len(longer) == 1:
                m.attrs["name"] = longer[0]
    at = {m.start: m for m in centres}
    for m in centres:
        if "back" in m.attrs and m.attrs["back"] in at:
            m.attrs["name"] = at[m.attrs["back"]].attrs["name"]


#: A centre written as a place or with its head, not as the agent of its clause.
_CENTRE_NOT_AGENT_AFTER = re.compile(r"(?:副?主任|负责人|工作人员|律师|举行|召开|开展的|的)")
_CENTRE_NOT_AGENT_BEFORE = re.compile(r"(?:在|依托|到|于|来到|走进|前往)[^，,。；;：:]{0,30}$")


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
    _merge_company_names(article)
    unions = resolve_unions(article)
    _name_centres(article)
    persons = resolve_persons(article)
    programmes = resolve_programmes(article)
    awards = resolve_awards(article)
    orgs: dict[str, NamedFact] = {}
    for m in article.of_kind("organization"):
        o = orgs.setdefault(m.attrs["name"], NamedFact(m.attrs["name"]))
        if m.text != o.name:
            o.aliases.add(m.text)  # 顺义区委, named 中共顺义区委
    for p in persons:
        for r in p.roles:
            written = article.org_forms.get(r.org or "", set())
            if r.org and r.org.endswith("总工会") and r.org not in unions and union_level(r.org) != "other":
                # a region's union that only a post names in full (自治区人大常委会副主任、总工会主席)
                unions[r.org] = UnionFact(r.org, set(written), parent=parent_of(r.org), level=union_level(r.org))
            elif r.org and r.org not in unions and r.org not in orgs:
                orgs[r.org] = NamedFact(r.org, set(written))
            elif r.org in orgs:
                orgs[r.org].aliases |= written
    for prog in programmes:
        if prog.organizer and prog.organizer not in unions and prog.organizer not in orgs:
            prog.organizer = None
    docs: dict[str, NamedFact] = {}
    for m in article.of_kind("document"):
        docs.setdefault(norm_key(m.attrs["name"]), NamedFact(m.attrs["name"]))
    figures = resolve_figures(article)
    # a figure about a programme names it as the programme's fact does (its subject may be a written form)
    prog_name = {a: p.name for p in programmes for a in (*p.aliases, p.name)}
    for f in figures:
        if f.subject_kind == "programme" and f.subject in prog_name:
            f.subject = prog_name[f.subject]
    return ArticleFacts(
        doc_id=article.doc_id, title=article.title, source=article.source, creators=list(article.creators),
        unions=list(unions.values()), persons=persons, programmes=programmes, awards=awards,
        organizations=list(orgs.values()), documents=list(docs.values()), figures=figures)
