"""Full names of the bodies that officials' posts belong to.

News writes a post's body the short way a local reader understands it:
``市委副书记``, ``自治区人大常委会副主任``, ``县委书记``, ``省总工会主席``.  The
body's full name comes from the region the article is about:

* Party committees take 中共 and the place: 市委 → 中共石嘴山市委, 广元市委
  → 中共广元市委, 省委 → 中共辽宁省委, 县委 → 中共平罗县委 (the form of the
  committees' own seals and of Xinhua's style);
* people's congresses, governments and CPPCC committees take the place:
  市人大常委会 → 石嘴山市人大常委会, 自治区人大常委会 → 宁夏回族自治区人大常委会;
* a bare union of a level (市总工会, 省总工会) takes its place too.

The region is the article's, as :func:`graph.text.places.article_region` reads it
for unions and bodies alike.
"""
from __future__ import annotations

import re

from .. import lexicon
from .places import Region

#: A body of the Party, the state or the CPPCC written after an optional place and level.
_BODY = re.compile(r"^(?P<party>中共)?(?P<place>[\u4e00-\u9fff]*?)(?P<level>自治区|自治州|省|市|州|盟|县|区|旗)?"
                   r"(?P<body>党委|党工委|纪委|委|人大常委会|人大|人民政府|政府|政协|总工会)$")
#: A department of a level's Party committee or government, written without its place: 市人社局, 市委宣传部.
_DEPT = re.compile(r"^(?P<level>自治区|省|市|州|县|区)(?!.*工会)(?P<rest>(?:委|纪委)?[\u4e00-\u9fff]{1,12}?"
                   r"(?:局|厅|部|办公室|办|委员会|中心|研究室))$")


def _is_place(form: str) -> bool:
    """True if ``form`` is a written form of a GB/T 2260 division (广元, 广元市, 平罗)."""
    return form in lexicon.divisions() or form in lexicon.county_short_forms()


def body_name(org_text: str, region: Region) -> str | None:
    """The full name of a Party, state or union body written as ``org_text``.

    Parameters
    ----------
    org_text : str
        The body as written before a post: 市委, 广元市委, 自治区人大常委会,
        市总工会.
    region : Region
        What the article is about.

    Returns
    -------
    str or None
        中共石嘴山市委, 中共广元市委, 宁夏回族自治区人大常委会, 广元市总工会;
        None when ``org_text`` is no such body, or its place is not known.

    Examples
    --------
    >>> body_name("广元市委", Region())
    '中共广元市委'
    >>> body_name("市人大常委会", Region("宁夏回族自治区", "石嘴山市", None))
    '石嘴山市人大常委会'
    """
    d = _DEPT.match(org_text)
    if d is not None:  # 市人社局 → 嘉兴市人社局, 市委宣传部 → 中共嘉兴市委宣传部
        full = region.at(d.group("level"))
        if full is None:
            return None
        rest = d.group("rest")
        return f"中共{full}{rest}" if rest.startswith(("委", "纪委")) else f"{full}{rest}"
    m = _BODY.match(org_text)
    if m is None or org_text in ("中共中央", "党中央", "全国人大常委会", "全国人大", "全国政协", "中华全国总工会"):
        return None
    place, level, body = m.group("place"), m.group("level") or "", m.group("body")
    if place.startswith("全国"):
        return None
    if place:
        if not (_is_place(place + level) or _is_place(place)):
            return None
        full = place + level
    else:
        full = region.at(level) if level else None
        if full is None:
            return None
    if body in ("委", "党委", "党工委", "纪委"):
        if body == "党委" and full.endswith("自治区"):
            return f"中共{full}委员会"
        return f"中共{full}{body}"
    return f"{full}{body}"


def department_in_full(text: str, org_text: str, body: str) -> str | None:
    """The full name an article also writes a department in, for its short form before a post.

    Parameters
    ----------
    text : str
        The article's text.
    org_text : str
        The department as written before the post: 市人社局.
    body : str
        Its name from :func:`body_name`: 洛阳市人社局.

    Returns
    -------
    str or None
        洛阳市人力资源和社会保障局 where the text writes, anywhere, the place followed by a name longer than
        the short form that starts with its first character and holds all its characters in order (人…社…局);
        None where it does not, or where ``org_text`` is no department of a level.

    Examples
    --------
    >>> department_in_full("洛阳市人力资源和社会保障局主办。市人社局副局长某某说", "市人社局", "洛阳市人社局")
    '洛阳市人力资源和社会保障局'
    """
    d = _DEPT.match(org_text)
    if d is None or d.group("rest").startswith(("委", "纪委")):
        return None
    rest = d.group("rest")
    place = body[:len(body) - len(rest)]
    if not place:
        return None
    i = text.find(place + rest[0])
    while i >= 0:
        j = i + len(place)
        k, seen = j, 0
        while k < len(text) and k - j < 16 and "\u4e00" <= text[k] <= "\u9fff":
            if seen < len(rest) and text[k] == rest[seen]:
                seen += 1
                if seen == len(rest):
                    if k + 1 - j > len(rest):
                        return text[i:k + 1]
                    break  # the short form written with its place (洛阳市人社局): look on for the full name
            k += 1
        i = text.find(place + rest[0], i + 1)
    return None
