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

from dataclasses import dataclass
from functools import cache

from . import lexicon

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


__all__ = ["Division", "LEVELS", "admin_codes", "divisions", "parse_place"]
