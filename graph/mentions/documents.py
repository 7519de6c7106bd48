"""Document mentions (《》 titles) and other named organisations.

Organisations are found as a name before an organisation head (公司, 基金会,
合作社, 常委会, 学院 ...), with the same left-edge rule as unions; they are
kept apart from unions so that a company is never mistaken for its union.
"""
from __future__ import annotations

import re

from ..model import Article, Mention
from ._spans import name_start

_DOC = re.compile(r"《([^《》\n]{2,80})》")
#: Heads that end the name of a non-union organisation.
ORG_HEADS = ("有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "基金会", "合作社", "人大常委会", "常委会",
             "委员会", "学院", "大学", "医院", "银行", "研究院", "纪念馆", "博物馆", "仲裁院", "法院", "检察院",
             "宣讲团", "服务队", "管理局", "领导小组", "联盟", "协会", "商会", "区委", "市委", "县委", "省委", "政府",
             "事务所",  # 律师事务所, 会计师事务所
             "分公司", "班组", "车间", "分行", "支行", "中学", "小学", "学校",
             # teams of a mine, a farm or a site (综采一队, 农机作业队, 施工队): units honoured like 班组
             "作业队", "工程队", "施工队", "突击队", "综采[一二三四五六七八九十]?队", "掘进[一二三四五六七八九十]?队",
             # railway units: 某某车站, 某某车辆段 / 机务段 / 工务段 / 电务段 / 供电段
             "车站", "车辆段", "机务段", "工务段", "电务段", "供电段")
_ORG_RE = re.compile("|".join(ORG_HEADS))
GENERIC_ORGS = {"公司", "企业", "党中央", "中共中央", "区委", "市委", "县委", "省委", "党委政府", "党委", "政府"}
#: A union's own committees (第二届委员会, 经费审查委员会, 女职工委员会): part of the union, not organisations.
_UNION_COMMITTEE = re.compile(r"(?:工会.*|^)(?:第[一二三四五六七八九十\d]+届|经费审查|女职工)(?:经费审查)?委员会$")
#: A body of a level written without its place (自治区人大常委会): named in full only with a post (resolve).
_BARE_BODY = re.compile(r"^(?:自治区|自治州|省|市|州|县|区|旗)(?:人大常委会|人大|人民政府|政府|政协|党委|委|纪委)$")


def _official_inside(name: str, head: str) -> bool:
    """Whether a post and a personal name stand before ``head`` in ``name``: 董事长沈某某作|公司 is
    a clause about an official (作公司工作报告), not the name of a company."""
    from .. import lexicon

    body = name[:len(name) - len(head)]
    for post in lexicon.posts():
        at = body.find(post)
        after = body[at + len(post):]
        if at >= 0 and len(after) >= 2 and (after[0] in lexicon.surnames() or after[:2] in lexicon.surnames()) \
                and after[:2] not in lexicon.not_names() and after[:3] not in lexicon.not_names():
            return True  # a surname right after the post: the official's name
    return False


def _after_verb(name: str, company: bool = False) -> int:
    """Offset in ``name`` just after its last verb of two or more characters (考上|大学, 完成|区委).

    Before a company's head (``company``) a verb that ends the name after a word of its own is the
    company's trade, part of its name (湟源精工铸造|有限公司, 某某机械制造|公司), not a clause before it."""
    from .. import lexicon
    from ..text.segment import words

    cut, pos, prev = 0, 0, 0
    for w, flag in words(name):
        pos += len(w)
        if flag == "v" and len(w) >= 2 and w not in lexicon.place_names():  # 遵义 is a city, not a verb
            if company and pos == len(name) and pos - len(w) - prev >= 2:
                break
            prev = cut = pos
    return cut


def _bare_head_after_adverb(name: str, head: str) -> bool:
    """Whether ``name`` is only time words, adverbs or conjunctions before its head (目前公司,
    同时集团): the bare word 公司 in a clause, not a company's name."""
    from ..text.segment import words

    body = name[:len(name) - len(head)]
    parts = list(words(body)) if body else []
    return bool(parts) and all(flag in ("t", "c", "d") for _, flag in parts)


#: A service centre a union runs: 职工服务中心, 职工法律援助中心, 困难职工帮扶中心, 农民工维权服务中心.
#: Who it serves (职工, 困难职工 ...) may be left out only right after the union (某市总工会法律援助中心);
#: matched back from a 中心 (search with endpos just after it).
_CENTRE = re.compile(r"((?:困难)?(?:职工|农民工|女职工|劳动者))?"
                     r"(?:(?:法律援助|法律服务|维权|帮扶|援助|救助)(?:服务)?|服务)中心$")
#: How far back from its 中心 a centre's name may start: 困难女职工法律援助服务中心 is 11 characters and 中心.
_CENTRE_BEFORE = 11
#: A level written bare before a centre (区职工法律援助中心): the short form of a centre the article also names
#: with its place (某某区职工法律援助中心), else no centre of one union.
_BARE_LEVEL = ("自治区", "自治州", "省", "市", "州", "县", "区", "旗", "盟")
#: 中心 referring back to the centre just named (，中心开通的…, 该中心, 。今年中心…): opening a clause, after a
#: time word or 该, and not a word of its own (中心城区, 中心工作, 中心组, 中心校).
_BACK_OPENS = "，,。；;：:“\n"
_BACK_TIME = ("今年", "去年", "全年", "目前", "同时", "此外", "近年来", "多年来")
_NOT_BACK_AFTER = "城区镇街任工组校医"


def find_centres(article: Article) -> list[Mention]:
    """A union's service centres as organisations, named as written with the union or place in front.

    A centre counts when a union mention ends right before it (州总工会|职工服务中心), when a place
    (ending in a level: 某某区|职工法律援助中心) or a bare level (区|职工法律援助中心, only where the article
    also names that centre with its place) stands before it;
    a centre after any other word (县级工会职工服务中心: a network) is none.  A later 中心 / 该中心 in
    the same paragraph refers back to the last one named there.

    Parameters
    ----------
    article : Article
        With union mentions found.

    Returns
    -------
    list of Mention
        kind ``"organization"``, ``attrs["name"]`` (as written; resolve puts a bare union's full
        name in front) and ``attrs["centre"] = True``.
    """
    text = article.text
    if "中心" not in text:
        return []
    by_end = {m.end: m for m in article.mentions if m.kind == "union"}
    out: list[Mention] = []
    centres, ats = [], []
    at = text.find("中心")
    while at >= 0:  # read back from each 中心 (a pattern scanned over the whole text costs more)
        ats.append(at)
        m = _CENTRE.search(text, max(0, at - _CENTRE_BEFORE), at + 2)
        if m is not None:
            centres.append(m)
        at = text.find("中心", at + 2)
    for m in centres:
        if text.startswith("工会", m.end()) or text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start()):
            continue  # 某市职工服务中心工会 is a union; 《某中心工作规则》 a document's title
        u = by_end.get(m.start())
        if u is not None:
            start = u.start
        elif m.group(1) is None:
            continue  # 社区服务中心, 党群服务中心, 某区法律援助中心: not a union's
        else:
            start = name_start(text, m.start(), 12)
            start += _after_verb(text[start:m.start()])  # 整合|区职工服务中心
            body = text[start:m.start()]
            if not body.endswith(_BARE_LEVEL) or "工会" in body:
                continue  # 依托县级工会|职工服务中心, 社区|服务中心: no centre of one union
        written = text[start:m.end()]
        out.append(Mention("organization", start, m.end(), written, {"name": written, "centre": True}))
    # a bare level's centre (区职工服务中心) only as the short form of one the article names with its place
    out = [c for c in out if c.text[:c.text.index(_CENTRE.search(c.text).group())] not in _BARE_LEVEL
           or any(len(o.text) > len(c.text) and o.text.endswith(c.text) for o in out)]
    if out:
        paras = article.paragraphs
        for s in ats:
            if text[s + 2:s + 3] and text[s + 2] in _NOT_BACK_AFTER or not _opens_back(text, s):
                continue
            before = [c for c in out if c.end <= s and c.attrs.get("centre") and c.text != "中心"]
            if not before:
                continue
            last = before[-1]
            same = any(p0 <= last.start and s < p1 for p0, p1 in paras)
            if same:
                out.append(Mention("organization", s, s + 2, "中心", {"name": last.attrs["name"], "centre": True,
                                                                     "back": last.start}))
    return sorted(out, key=lambda m: m.start)


def _opens_back(text: str, at: int) -> bool:
    """Whether the 中心 at ``at`` opens a clause (after punctuation, 该, or a time word that opens one)."""
    if at == 0 or text[at - 1] in _BACK_OPENS or text[at - 1] == "该":
        return True
    word = next((w for w in _BACK_TIME if text.startswith(w, at - len(w))), None)
    return word is not None and (at == len(word) or text[at - len(word) - 1] in _BACK_OPENS)


def find_documents(article: Article) -> list[Mention]:
    """Titles in 《》 as ``Mention(kind="document")`` with ``attrs["name"]``."""
    return [Mention("document", m.start(), m.end(), m.group(), {"name": m.group(1).strip()})
            for m in _DOC.finditer(article.text)]


def find_organizations(article: Article) -> list[Mention]:
    """Named organisations that are not unions (companies, foundations, committees).

    Returns
    -------
    list of Mention
        kind ``"organization"``, ``attrs["name"]``.
    """
    text = article.text
    out: list[Mention] = []
    ends: set[int] = set()
    unions = [(m.start, m.end) for m in article.mentions if m.kind == "union"]
    for m in _ORG_RE.finditer(text):
        if text.startswith("工会", m.end()) or m.end() in ends:
            continue  # 某某公司工会 is a union
        start = name_start(text, m.start(), 20)
        # keep a parenthesised place inside a company name: 卡尔哈佛纳(北京)乐器有限公司
        while start > 1 and text[start - 1] in ")）":
            open_at = max(text.rfind("(", 0, start), text.rfind("（", 0, start))
            if open_at <= 0:
                break
            start = name_start(text, open_at, 20)
        if m.group() in ("班组", "车间", "集团") and text.startswith("长", m.end()):
            continue  # 班组长, 车间长: a post
        if text[start - 1:start + 1] == "经费":
            start -= 1  # 经|费审查委员会 is 经费
        for w in ("获得者", "获奖者", "得主"):
            at = text.rfind(w, start, m.start())
            if at >= 0:
                start = max(start, at + len(w))  # 获得者|中国邮政…公司
        # a clause before the name: 考上|大学, 完成|区委
        start += _after_verb(text[start:m.start()], m.group().endswith("公司"))
        name = text[start:m.end()]
        if _official_inside(name, m.group()):
            continue  # 董事长某某作公司…: a clause about an official, no organisation's name
        if len(name) - len(m.group()) < 2 and name not in ("党中央", "中共中央"):
            continue
        if _bare_head_after_adverb(name, m.group()):
            continue  # 目前|公司已在…, 随后|集团…: a bare head after a time word or adverb names no one
        if name in GENERIC_ORGS or _UNION_COMMITTEE.search(name) or _BARE_BODY.match(name):
            continue
        if re.fullmatch(r"[\u4e00-\u9fff]{2,8}(?:省|市|县|区|州)委", name):
            from ..text.orgnames import Region, body_name

            name = body_name(name, Region()) or name  # 广元市委 is 中共广元市委
        if any(s <= start and m.end() <= e for s, e in unions):
            continue  # inside a union's name: 广州地铁集团|有限公司工会
        ends.add(m.end())
        # one name, several heads (…集团…有限公司…班组): keep the longest
        out = [o for o in out if o.start != start]
        out.append(Mention("organization", start, m.end(), text[start:m.end()], {"name": name}))
    return out + find_centres(article)
