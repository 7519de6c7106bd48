"""Places: the administrative divisions that unions and datelines name, as ``schema:Place`` nodes.

A :class:`Division` is a province (省级), a prefecture-level division
(地级: 地级市, 自治州, 地区, 盟) or a county-level one (县级: 市辖区, 县, 县级市,
旗 ...), with the division that contains it and, where
``lexicon/data/admin_codes.tsv`` holds it, its GB/T 2260 code.  The
divisions themselves come from the lexicon's place files (provinces,
cities, counties, municipal districts), so this module adds no names.

:func:`parse_place` reads the longest run of division names at the start
of a string (``北京市顺义区`` → 顺义区 in 北京市; ``西宁`` → 西宁市) and keeps
only a reading in which every name lies inside the one before it; a name
that several divisions share (朝阳区 in 北京 and in 长春) is decided by a
division named before it or by the ``context`` divisions (the article's
other places, the union's parent), else it is left out: no guess.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .. import lexicon

if TYPE_CHECKING:
    from ..model import Article, Mention

#: Levels of ``ukg:adminLevel``.
LEVELS = ("province", "city", "county")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


@dataclass(frozen=True)
class Division:
    """An administrative division.

    ``path`` is the chain of full names from the province down to it
    (``("北京市", "顺义区")``); it identifies the division, since county
    names repeat across the country.
    """

    path: tuple[str, ...]
    level: str
    code: str | None = None

    @property
    def name(self) -> str:
        """Full name, e.g. ``"顺义区"``."""
        return self.path[-1]

    @property
    def province(self) -> str:
        """Full name of the province it is in (itself for a province)."""
        return self.path[0]

    def parent(self) -> Division | None:
        """The division that contains it, or None for a province."""
        return divisions().get(self.path[:-1]) if len(self.path) > 1 else None

    def contains(self, other: Division) -> bool:
        """True if ``other`` is this division or lies inside it."""
        return other.path[:len(self.path)] == self.path


@cache
def admin_codes() -> dict[str, dict[str, str]]:
    """GB/T 2260 codes: ``{parent full name or "": {full name: code}}``.

    Returns
    -------
    dict
        From ``lexicon/data/admin_codes.tsv`` (general knowledge of GB/T
        2260, as of 2023): provinces (parent ``""``), prefecture-level
        divisions, the county-level units a province administers directly,
        and the districts and counties of the four municipalities.
    """
    out: dict[str, dict[str, str]] = {}
    for row in lexicon._rows("admin_codes.tsv"):
        out.setdefault(lexicon._col(row, 1), {})[row[0]] = lexicon._col(row, 2)
    return out


@cache
def divisions() -> dict[tuple[str, ...], Division]:
    """Every division the lexicon knows, by path.

    Returns
    -------
    dict of tuple to Division
        Provinces, prefecture-level divisions (and a province's directly
        administered county-level units), county-level divisions, and the
        municipalities' districts and counties.  Functional areas (开发区)
        are not divisions and are left out.
    """
    codes = admin_codes()
    out: dict[tuple[str, ...], Division] = {}
    for prov in lexicon.provinces():
        out[(prov,)] = Division((prov,), "province", codes.get("", {}).get(prov))
    for city, prov in lexicon.cities().items():
        code = codes.get(prov, {}).get(city)
        # 济源市, 仙桃市 …: county-level units a province administers directly (code xx90xx)
        level = "county" if code and code[2:4] == "90" else "city"
        if (prov,) in out:
            out[(prov, city)] = Division((prov, city), level, code)
    zones = lexicon.municipal_zones()
    for dist, muni in lexicon.municipal_districts().items():
        if dist not in zones and (muni,) in out:
            out[(muni, dist)] = Division((muni, dist), "county", codes.get(muni, {}).get(dist))
    cities = lexicon.cities()
    for county, prefs in lexicon._county_prefectures().items():
        for pref in prefs:
            prov = cities.get(pref)
            if prov and (prov, pref) in out:
                out[(prov, pref, county)] = Division((prov, pref, county), "county")
    return out


@cache
def _index() -> dict[str, tuple[Division, ...]]:
    """Name as written → the divisions it may name (full names, short and listed forms)."""
    names: dict[str, set[Division]] = {}

    def add(name: str, d: Division) -> None:
        if len(name) >= 2:
            names.setdefault(name, set()).add(d)

    divs = divisions()
    stop = set(lexicon._words("place_short_stoplist.txt"))
    for d in divs.values():
        add(d.name, d)
        if d.level != "county" or d.province in _MUNICIPALITIES:
            short = lexicon._stripped(d.name)
            if short and short not in stop:
                add(short, d)
    for full, short in lexicon.provinces().items():
        add(short, divs[(full,)])
    for alias, full in lexicon.province_aliases().items():
        if (full,) in divs:
            add(alias, divs[(full,)])
    cities = lexicon.cities()
    for alias, full in lexicon.city_aliases().items():
        prov = cities.get(full)
        if prov and (prov, full) in divs:
            add(alias, divs[(prov, full)])
    munis = lexicon.municipal_districts()
    for alias, full in lexicon.district_aliases().items():
        muni = munis.get(full)
        if muni and (muni, full) in divs:
            add(alias, divs[(muni, full)])
    return {k: tuple(sorted(v, key=lambda d: d.path)) for k, v in names.items()}


def _longest_at(text: str, i: int) -> list[tuple[str, tuple[Division, ...]]]:
    """Names of the index that start at ``text[i]``, longest first."""
    idx = _index()
    return [(text[i:j], idx[text[i:j]]) for j in range(min(len(text), i + 12), i + 1, -1) if text[i:j] in idx]


def place_names_at(text: str, i: int) -> list[str]:
    """Names of divisions (full or short forms) that start at ``text[i]``, longest first.

    Parameters
    ----------
    text : str
    i : int
        Character offset.

    Returns
    -------
    list of str
        E.g. ``["原平市", "原平"]`` for ``原平市总工会`` at 0; empty where no place starts there.
    """
    return [name for name, _ in _longest_at(text, i)]


def parse_place(text: str, context: tuple[Division, ...] = ()) -> Division | None:
    """The most specific division named by the run of place names at the start of ``text``.

    Parameters
    ----------
    text : str
        E.g. a union's name (``北京市顺义区总工会``), a dateline's place
        (``西宁``), or any string that starts with a place name.
    context : tuple of Division
        Divisions known to be near (the article's other places, the
        division of a union's parent): one that contains a candidate, or
        lies inside it, decides between divisions of the same name.

    Returns
    -------
    Division or None
        None when ``text`` starts with no division name, or with a name
        that several divisions share and nothing decides between them.

    Examples
    --------
    >>> parse_place("北京市顺义区总工会").path
    ('北京市', '顺义区')
    >>> parse_place("西宁").name
    '西宁市'
    """
    i, best = 0, None
    while i < len(text):
        for word, cands in _longest_at(text, i):
            if best is not None:
                cands = tuple(c for c in cands if best.contains(c) and c != best)
            if not cands:
                continue
            if len(cands) > 1:
                near = tuple(c for c in cands if any(x.contains(c) or c.contains(x) for x in context))
                cands = near or cands
            if len(cands) > 1:  # 朝阳区 with nothing to tell 北京 from 长春
                return best
            best = cands[0]
            i += len(word)
            break
        else:
            break
    return best


# ---------------------------------------------------------------- region of an article
#: Level of a division that a level word before a body names (市委 → the city's).
_LEVEL_OF = {"自治区": "province", "省": "province", "市": "city", "自治州": "city", "州": "city", "盟": "city",
             "县": "county", "区": "county", "旗": "county"}


@dataclass(frozen=True)
class Region:
    """Where an article is from: province, prefecture and county-level division (GB/T 2260 full names).

    ``city`` is None for the four municipalities, whose districts sit straight under them.
    """

    province: str | None = None
    city: str | None = None
    county: str | None = None
    #: whether the county is named at least as often as its prefecture on its own
    #: (an article about 昆山市 rather than about 苏州)
    county_led: bool = False

    def at(self, level: str) -> str | None:
        """The division of a level word written before a body: 省/自治区, 市/州/盟, 县/区/旗.

        Parameters
        ----------
        level : str
            The level word as written (市 in 市委, 自治区 in 自治区人大常委会).

        Returns
        -------
        str or None
            The full name of the region's division of that level; a 市 of a municipality
            (北京市) is the province-level division.  None where the region has none.
        """
        kind = _LEVEL_OF.get(level)
        if kind == "province":
            return self.province if self.province and self.province.endswith(level) else None
        if kind == "city":
            if level == "市" and self.city is None and self.province and self.province.endswith("市"):
                return self.province  # 北京市委 in an article about 北京
            return self.city if self.city and self.city.endswith(level) else None
        if kind == "county":
            return self.county if self.county and self.county.endswith(level) else None
        return None

    def union(self, bare: str) -> str | None:
        """The 总工会 a bare level word names in this region.

        Parameters
        ----------
        bare : str
            The level word written before 总工会: 省, 自治区, 市, 区, 县, 旗 ...

        Returns
        -------
        str or None
            ``"海南省总工会"`` for 省 in a 海南 article; 市 is the prefecture's union, or the
            municipality's in 北京/天津/上海/重庆, or a county-level city's (昆山市) where the
            article is about one; 区/县/旗 the county-level division's, or in an autonomous
            region without a county the region's (区总工会 is its usual short form there).
            None where the region does not say.
        """
        prov, city, county = self.province, self.city, self.county
        ptype = lexicon.province_types().get(prov or "", "")
        if bare in ("省", "自治区"):
            return prov + "总工会" if prov and (ptype == bare or bare == "省" and ptype == "省") else None
        if bare == "市":
            if ptype == "直辖市":
                return prov + "总工会"
            if county and county.endswith("市") and (self.county_led or not city):
                return county + "总工会"
            return city + "总工会" if city else None
        if bare in ("区", "县", "旗", "新区", "自治县", "自治旗"):
            if county and county.endswith("新区" if bare == "新区" else bare[-1]):
                return county + "总工会"
            if bare == "区" and not county and ptype == "自治区":
                return prov + "总工会"
        if bare in ("州", "盟", "自治州", "地区") and city and city.endswith(bare[-1:] if bare != "地区" else bare):
            return city + "总工会"
        return None


@cache
def _form_lengths() -> dict[str, tuple[int, ...]]:
    """First character of a place form → the lengths of the forms that start with it, longest first."""
    out: dict[str, set[int]] = {}
    for form in list(lexicon.divisions()) + list(lexicon.county_short_forms()):
        out.setdefault(form[0], set()).add(len(form))
    return {ch: tuple(sorted(ns, reverse=True)) for ch, ns in out.items()}


@cache
def _pair_lengths() -> tuple[dict[str, tuple[int, ...]], int]:
    """First two characters of a place form → the lengths of the forms that start with them, longest first;
    and the longest form's length (a text's last that many characters are read as before, see
    :func:`_place_hits`; all of it if a form has one character)."""
    out: dict[str, set[int]] = {}
    forms = list(lexicon.divisions()) + list(lexicon.county_short_forms())
    for form in forms:
        out.setdefault(form[:2], set()).add(len(form))
    longest = max(map(len, forms)) if min(map(len, forms)) >= 2 else 1 << 62
    return {pair: tuple(sorted(ns, reverse=True)) for pair, ns in out.items()}, longest


@cache
def _form_starts() -> re.Pattern:
    """Any character that starts a place form (:func:`_form_lengths`)."""
    return re.compile("[" + "".join(sorted(map(re.escape, _form_lengths()))) + "]")


def _place_hits(text: str) -> list[tuple[int, int, tuple, bool]]:
    """Known place forms in ``text``, longest match first: (start, end, divisions, weak)."""
    return list(_place_hits_of(text))


@lru_cache(maxsize=4)
def _place_hits_of(text: str) -> tuple[tuple[int, int, tuple, bool], ...]:
    """:func:`_place_hits`, kept for the last few texts: resolve asks :func:`article_region` about one
    article about twice, with different unions named (145 bench articles: 261 scans, 0.4 s)."""
    full, short = lexicon.divisions(), lexicon.county_short_forms()
    by_first = _form_lengths()
    by_pair, longest = _pair_lengths()
    hits = []
    starts = _form_starts()  # jump to the next character that starts a form (most do not)
    i, far = 0, len(text) - longest
    while i < len(text):
        found = starts.search(text, i)
        if found is None:
            break
        i = found.start()
        # the lengths of the forms that start with the next two characters (few, most often none); near the
        # end, where a form may be cut short by it, of those that start with the next one, as always
        for n in by_pair.get(text[i:i + 2], ()) if i <= far else by_first.get(text[i], ()):
            w = text[i:i + n]
            if len(w) == n and (w in full or w in short):  # a form cut short by the text's end is tried at its length
                hits.append((i, i + n, full.get(w) or short[w], w not in full))
                i += n
                break
        else:
            i += 1
    return tuple(hits)


@cache
def _common_word_forms() -> frozenset[str]:
    """County short forms that are, first of all, common words: 资源 (人力资源), 合作, 会同, 同心, 解放.

    A form counts as a common word when jieba's dictionary holds it with a
    frequency of at least 500 and a part of speech other than ``ns`` (place
    name); such a form never decides an article's region on its own.  Source:
    jieba's default dictionary (word frequencies and POS tags of a general
    corpus), not any article.
    """
    from .segment import _jieba

    jb = _jieba()
    freq, tags = jb.dt.FREQ, jb.posseg.dt.word_tag_tab
    return frozenset(w for w in lexicon.county_short_forms() if freq.get(w, 0) >= 500 and tags.get(w) != "ns")


def article_region(article: Article, named: list[Mention] | None = None) -> Region:
    """The region an article is about, from the places it names.

    Every province, prefecture or county form in the text is a vote for its province
    (a prefecture or county also for its prefecture, a county for itself); a form
    in the headline or in the dateline (the first 60 characters of the body) counts three
    and two times, one inside a named union (海口市总工会) three times.  The province with
    most votes wins, then its prefecture with most votes, then that prefecture's county.
    A form that names several places (鼓楼区, 朝阳区) votes for each; a county's short
    form (平罗 for 平罗县) votes only where its province already leads, or, where the
    text names no other place, if it names one county alone and is not first of all a
    common word (:func:`_common_word_forms`: 资源 in 人力资源).

    Parameters
    ----------
    article : Article
        Segmented article.
    named : list of Mention, optional
        Union mentions with a name; places inside them weigh more.

    Returns
    -------
    Region
        Empty where the text names no place.
    """
    text = article.text
    t0 = text.find(article.title) if article.title else -1
    title_end = t0 + len(article.title) if t0 >= 0 else 0
    in_union, in_person = bytearray(len(text) + 1), bytearray(len(text) + 1)
    for m in named or ():
        in_union[m.start:m.end] = b"\x01" * (m.end - m.start)
    for m in article.of_kind("person"):
        in_person[m.start:m.end] = b"\x01" * (m.end - m.start)
    prov, city, county, city_alone = Counter(), Counter(), Counter(), Counter()
    weak = []  # (weight, divisions, form)
    for start, end, divs, is_weak in _place_hits(text):
        if any(in_person[start:end]):
            continue  # 韩玉林 is a person, not 玉林市
        w = 3 if start < title_end or in_union[start] else 2 if start < title_end + 60 else 1
        if is_weak:
            weak.append((w, divs, text[start:end]))
            continue
        share = w / len(divs) if len(divs) > 1 else w
        for p, c, k in divs:
            prov[p] += share
            if c:
                city[(p, c)] += share
                if not k:
                    city_alone[(p, c)] += share
            if k:
                county[(p, c, k)] += share
    if not prov:
        # only county short forms: trust those that name one county alone (隆德 → 隆德县), not
        # the common words several counties share (城关, 新城) or any common word (人力资源 is no 资源县)
        for w, divs, form in weak:
            if len(divs) == 1 and form not in _common_word_forms():
                prov[divs[0][0]] += w
        if not prov:
            return Region()
    best_p = max(prov, key=lambda p: prov[p])  # ties: first seen
    for w, divs, _ in weak:
        for p, c, k in divs:
            if p == best_p:
                city[(p, c)] += w / 2
                county[(p, c, k)] += w
    cities = [(c, v) for (p, c), v in city.items() if p == best_p]
    best_c = max(cities, key=lambda cv: cv[1])[0] if cities else None
    counties = [(k, v) for (p, c, k), v in county.items() if p == best_p and c == best_c]
    best_k, k_votes = max(counties, key=lambda kv: kv[1]) if counties else (None, 0)
    return Region(best_p, best_c, best_k, bool(best_k) and k_votes >= city_alone[(best_p, best_c)])


__all__ = ["Division", "LEVELS", "Region", "admin_codes", "article_region", "divisions", "parse_place"]
