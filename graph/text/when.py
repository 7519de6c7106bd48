"""When: an article's date (its dateline), and the period each figure refers to.

Dates are read from the text only; nothing is guessed.

*Article date* (``dcterms:issued``): from the head of the article, the
first of

1. a date line (a line that is a date, maybe with a time and a source:
   ``2011年04月06日15:58``, ``来源:辽宁日报2025-08-01 09:35``, ``28.04.2015 11:28``);
2. a dateline with its year (``新华社北京2021年7月29日电``);
3. a dateline with month and day (``本报北京7月29日电``, ``中国甘肃网1月11日讯``)
   whose year the text gives as a full date with the same month and day.

A dateline without a year in reach gives its place and publisher but no
date.  A date given on the command line or in a sidecar file wins over the
inferred one (:func:`apply_date`).

*Periods* are kept symbolic (:class:`TimeRef`) while an article is
extracted, and made concrete (:func:`resolve_period`) once the article's
date is final, because 去年 and 五年来 depend on it.  The rules:

====================  =====================================================
2020年                2020
2016—2020年           2016 to 2020
2020年上半年 / 一季度   2020-01-01 to 2020-06-30 / 2020-03-31
2021年3月              2021-03
“十三五”期间           2016 to 2020 (the national five-year plans)
截至2022年底           up to 2022-12-31 (no beginning)
2019年以来             2019 to the article's date (open if the article is undated)
今年 / 去年 / 前年       the article's year, minus 0 / 1 / 2
上半年, 全年 (no year)   with the year written before it in the paragraph,
                      else the article's year
过去五年, 五年来, 近5年  the N completed years before the article's year
                      (dated 2021 → 2016–2020): a review is written at the
                      start of the next term, when the current year has
                      barely begun.  In an undated article that names the
                      coming five years as a plan period (今后五年 … “十四五”),
                      the previous plan period (2016–2020).
====================  =====================================================
"""
from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: The national five-year plans: 十一五 … 十五五 → (first year, last year).
PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
         "十五五": (2026, 2030)}
_CN_NUM = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_PARTS = {"上半年": ((1, 1), (6, 30)), "下半年": ((7, 1), (12, 31)), "一季度": ((1, 1), (3, 31)),
          "第一季度": ((1, 1), (3, 31)), "二季度": ((4, 1), (6, 30)), "第二季度": ((4, 1), (6, 30)),
          "三季度": ((7, 1), (9, 30)), "第三季度": ((7, 1), (9, 30)), "四季度": ((10, 1), (12, 31)),
          "第四季度": ((10, 1), (12, 31)), "前三季度": ((1, 1), (9, 30)), "全年": None, "年度": None}
# 1季度, 第2季度, 前3季度: quarters written with Arabic digits, as statistics bureaus and many unions do
_PARTS.update({f"{p}{n}季度": _PARTS[f"{p}{c}季度"]
               for p in ("", "第") for n, c in zip("1234", "一二三四", strict=True)})
_PARTS["前3季度"] = _PARTS["前三季度"]
_PART_RE = "|".join(sorted(_PARTS, key=len, reverse=True))
_REL = {"今年": 0, "本年": 0, "当年": None, "去年": -1, "上年": -1, "前年": -2, "明年": 1}


@dataclass(frozen=True)
class Period:
    """A period: ``start`` and ``end`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None when open."""

    start: str | None
    end: str | None

    def single_year(self) -> int | None:
        """The calendar year the period lies in, or None if it spans several years or is open."""
        if self.start and self.end and self.start[:4] == self.end[:4]:
            return int(self.start[:4])
        return None


@dataclass(frozen=True)
class TimeRef:
    """A time expression of the text, before the article's date is known.

    ``kind`` is one of ``abs`` (``period`` given), ``rel`` (``offset`` years
    from the article's year, ``part`` of it), ``part`` (a part of a year
    with no year: ``year`` from the paragraph, or the article's), ``past``
    (the ``offset`` completed years before the article's year), ``since``
    (``period.start`` to the article's date), ``now`` (up to the article's
    date).  ``text`` is the expression as written.
    """

    kind: str
    text: str
    period: Period | None = None
    offset: int = 0
    part: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Dateline:
    """What the head of an article says about itself; offsets into ``Article.text``."""

    start: int
    end: int
    date: str | None = None  # YYYY-MM-DD or YYYY-MM
    place: str | None = None  # the place as written (北京, 西宁)
    publisher: str | None = None


# ---------------------------------------------------------------- dates
def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """``YYYY[-MM[-DD]]``, or None for an impossible date."""
    if not 1900 <= y <= 2100 or (m is not None and not 1 <= m <= 12):
        return None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month_end(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


_YMD = re.compile(r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
#: A dateline: [publisher][place]M月D日电/讯 (新华社北京7月29日电, 本报讯, 中国甘肃网1月11日讯).
_DATELINE = re.compile(r"(?P<who>[\u4e00-\u9fffA-Za-z0-9]{1,16}?)(?P<y>\d{4}年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
                       r"(?:专|急)?(?:电|讯)")
_SOURCE = re.compile(r"(?:来源|来自|稿源)\s*[:：]\s*(?P<pub>[\u4e00-\u9fffA-Za-z]{2,12}?)(?=\s*\d|\s|$|[|｜])")
_PUBLISHER_TAIL = re.compile(r"(?:日报|晚报|早报|商报|工人报|午报|时报|新闻网|网|社|电视台|广播电台|报)$")


def date_line(line: str) -> str | None:
    """The date of a line that is only a date (with a time, a source name or punctuation around it).

    Parameters
    ----------
    line : str
        One line of the article's head: ``2011年04月06日15:58``, ``来源:某报2025-08-01 09:35``.

    Returns
    -------
    str or None
        ``YYYY-MM-DD``; None where the line holds no date or more than a date (a title that names one).
    """
    m = _YMD.search(line)
    if m:
        y = int(m.group(1))
        mo, d = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        date = _iso(y, int(mo), int(d))
    else:
        m = _DMY.search(line)
        date = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    if date is None:
        return None
    rest = _TIME.sub("", line[:m.start()] + line[m.end():])
    rest = re.sub(r"(?:来源|发布时间|发布日期|时间|日期|稿源|作者|编辑|责任编辑)\s*[:：]?", "", rest)
    rest = re.sub(r"[\s|｜:：,，·\-_/()（）\[\]【】]", "", rest)
    return date if len(rest) <= 12 else None  # a source's name may stand beside the date


def _publisher(name: str) -> str | None:
    """A publisher's name from the text before a dateline (新华社, 中国甘肃网); 本报 names none."""
    name = re.sub(r"^(?:据|来源[:：]?)", "", name).strip()
    if not name or name.startswith("本报") or not _PUBLISHER_TAIL.search(name):
        return None
    return name


@lru_cache(maxsize=64)  # read by resolve (the year of 今年) and evidence (dcterms:issued): one parse per article
def find_dateline(text: str, head: int = 400) -> Dateline | None:
    """Read the article's date, dateline place and publisher from its head.

    Parameters
    ----------
    text : str
        The article text (NFKC-normalised, simplified).
    head : int
        How many characters from the start are searched (characters).

    Returns
    -------
    Dateline or None
        None when the head has neither a date line nor a dateline.  The
        date is None when no year is in reach (see the module docstring).

    Examples
    --------
    >>> find_dateline("标题\\n新华社北京2021年7月29日电 全国总工会…").date
    '2021-07-29'
    >>> d = find_dateline("标题\\n本报西宁3月2日电 记者从省总工会获悉")
    >>> (d.date, d.place, d.publisher)
    (None, '西宁', None)
    """
    from .places import parse_place

    top = text[:head]
    line_date = None
    line_span = (0, 0)
    pos = 0
    for line in top.split("\n"):
        if line.strip() and len(line) <= 60:
            date = date_line(line)
            if date:
                line_date, line_span = date, (pos, pos + len(line))
                break
        pos += len(line) + 1
    publisher = None
    src = _SOURCE.search(top)
    if src:
        publisher = _publisher(src.group("pub"))
    m = _DATELINE.search(top)
    if m is None:
        if line_date:
            return Dateline(line_span[0], line_span[1], line_date, None, publisher)
        m = re.search(r"(?P<who>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)讯", top) \
            or re.search(r"(?P<who>[\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:社|网|报))电", top)  # 据新华社电
        if m is None or not (m.group("who").startswith("本报") or _publisher(m.group("who"))):
            return None
        return Dateline(m.start(), m.end(), None, None, publisher or _publisher(m.group("who")))
    who = m.group("who")
    place = None
    for i in range(len(who) - 1):  # the longest place name that ends the text before the date
        tail = who[i:]
        d = parse_place(tail)
        if d is not None and _covers(tail, d):
            place, who = tail, who[:i]
            break
    publisher = publisher or _publisher(who)
    month, day = int(m.group("m")), int(m.group("d"))
    date = None
    if m.group("y"):
        date = _iso(int(m.group("y")[:4]), month, day)
    elif line_date and line_date[5:] == f"{month:02d}-{day:02d}":
        date = line_date
    else:
        same = [int(x.group(1)) for x in re.finditer(rf"(\d{{4}})年{month}月{day}日", text)]
        if len(set(same)) == 1:
            date = _iso(same[0], month, day)
    if date is None and line_date:
        date = line_date
    return Dateline(m.start(), m.end(), date, place, publisher)


def _covers(text: str, division) -> bool:
    """True if ``text`` is wholly a name of ``division`` or of the divisions above it."""
    from .places import _index

    i = 0
    while i < len(text):
        for j in range(len(text), i, -1):
            if any(d.contains(division) for d in _index().get(text[i:j], ())):
                i = j
                break
        else:
            return False
    return True


def parse_date(value: str) -> str | None:
    """Normalise a date given by a user: ``2023-01-05``, ``2023/1/5``, ``2023年1月5日``, ``2023-01``.

    Returns
    -------
    str or None
        ``YYYY-MM-DD`` or ``YYYY-MM``; None if ``value`` is not a date.
    """
    m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?\s*", value or "")
    if not m:
        return None
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)


def sidecar_date(path: str | Path) -> str | None:
    """The date of an article's sidecar file, if it has one.

    Parameters
    ----------
    path : path-like
        The article file; its sidecar is the file of the same stem with
        suffix ``.json`` (``a.txt`` → ``a.json``) holding ``{"date": "2023-01-05"}``.

    Returns
    -------
    str or None
        The normalised date; None without a sidecar, or when it is not
        readable JSON or holds no valid ``date``.
    """
    side = Path(path).with_suffix(".json")
    if not side.is_file() or side == Path(path):
        return None
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return parse_date(str(data.get("date", ""))) if isinstance(data, dict) else None


def apply_date(facts, path: str | Path | None = None, date: str | None = None):
    """Let a given date win over the one read from the dateline.

    Parameters
    ----------
    facts : ArticleFacts
        Modified in place: ``issued`` is replaced.
    path : path-like, optional
        The article file, whose sidecar (:func:`sidecar_date`) is read.
    date : str, optional
        A date given on the command line (``union-kg build --date``); it
        wins over the sidecar's.

    Returns
    -------
    ArticleFacts
        ``facts``.
    """
    given = parse_date(date) if date else None
    if given is None and path:
        given = sidecar_date(path)
    if given is not None:
        facts.issued = given
    return facts


# ---------------------------------------------------------------- periods
_N = r"(?P<n>10|[2-9]|[两二三四五六七八九十])"
_EXPR = re.compile(
    r"(?P<plan>[“\"‘]?(?P<planname>十[一二三四五]五)[”\"’]?(?:规划)?(?:期间|时期|以来))"
    r"|(?P<range>(?P<r1>\d{4})\s*年?\s*(?:[-—–~至到])\s*(?P<r2>\d{4})\s*年)"
    r"|(?P<until>截至|截止|截止到|到)(?P<uy>\d{4})年(?:(?P<um>\d{1,2})月(?:(?P<ud>\d{1,2})日)?)?(?P<uend>底|末)?"
    r"|(?P<untilnow>截至目前|截至日前|截至发稿|截至当前|目前|现有|现已)"
    r"|(?P<since>(?P<sy>\d{4})年(?:(?P<sm>\d{1,2})月)?以来)"
    r"|(?P<past>(?:过去的?|近|这|最近)" + _N + r"年(?!级|制|期)|" + _N.replace("<n>", "<n2>")
    + r"年(?:来|以来|间)(?!级))"
    r"|(?P<ymd>(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?|(?P<ypart>" + _PART_RE + r"|底|末))?)"
    r"|(?P<rel>今年|本年|去年|上年|前年|明年)(?P<relpart>" + _PART_RE + r")?"
    r"|(?P<bare>(?<![年\d])(?:" + _PART_RE + r"))"
)
_BOOK = re.compile(r"《[^》]*》")


def _part_period(y: int, part: str | None) -> Period:
    span = _PARTS.get(part or "")
    if not span:
        return Period(str(y), str(y))
    (m0, d0), (m1, d1) = span
    return Period(_iso(y, m0, d0), _iso(y, m1, d1))


def time_refs(text: str) -> list[tuple[int, int, TimeRef]]:
    """Every time expression of ``text`` with its offsets, in text order.

    Expressions inside 《》 titles are skipped (《2020年工作要点》 names a
    document, not a time).  Years outside 1900–2100 are ignored.
    """
    books = [(m.start(), m.end()) for m in _BOOK.finditer(text)]
    out: list[tuple[int, int, TimeRef]] = []
    for m in _EXPR.finditer(text):
        if any(s <= m.start() < e for s, e in books):
            continue
        ref = _ref(m)
        if ref is not None:
            out.append((m.start(), m.end(), ref))
    return out


def _ref(m: re.Match) -> TimeRef | None:
    g, t = m.group, m.group(0)
    if g("plan"):
        a, b = PLANS[g("planname")]
        return TimeRef("abs", t, Period(str(a), str(b)))
    if g("range"):
        a, b = int(g("r1")), int(g("r2"))
        if 1900 <= a <= b <= 2100:
            return TimeRef("abs", t, Period(str(a), str(b)))
        return None
    if g("until"):
        y = int(g("uy"))
        if g("until") == "到" and not g("uend") and not g("um"):
            return TimeRef("abs", t, Period(str(y), str(y)))  # 到2025年: a target for that year
        if g("um"):
            mo = int(g("um"))
            if not 1 <= mo <= 12:
                return None
            end = _iso(y, mo, int(g("ud"))) if g("ud") else _month_end(y, mo) if g("uend") else _iso(y, mo)
        else:
            end = _iso(y, 12, 31) if g("uend") or g("until") != "到" else None
        return TimeRef("abs", t, Period(None, end)) if end else None
    if g("untilnow"):
        return TimeRef("now", t)
    if g("since"):
        start = _iso(int(g("sy")), int(g("sm")) if g("sm") else None)
        return TimeRef("since", t, Period(start, None)) if start else None
    if g("past"):
        n = g("n") or g("n2")
        years = int(n) if n.isdigit() else _CN_NUM[n]
        return TimeRef("past", t, offset=years)
    if g("ymd"):
        y = int(g("y"))
        if not 1900 <= y <= 2100:
            return None
        if g("m"):
            mo = int(g("m"))
            day = _iso(y, mo, int(g("d"))) if g("d") else _iso(y, mo)
            return TimeRef("abs", t, Period(day, day)) if day else None
        if g("ypart") in ("底", "末"):
            return TimeRef("abs", t, Period(None, _iso(y, 12, 31)))
        return TimeRef("abs", t, _part_period(y, g("ypart")))
    if g("rel"):
        return TimeRef("rel", t, offset=_REL[g("rel")] or 0, part=g("relpart"))
    if g("bare"):
        return TimeRef("part", t, part=t)
    return None


def plan_before(text: str) -> Period | None:
    """The plan period before the one an undated review looks ahead to.

    A text that names the coming five years together with a plan period
    (``今后五年 … 实施“十四五”规划``, in one sentence) reviews the plan period
    before it: → 2016–2020.  None when the text does not.
    """
    for sent in re.split(r"[。！？!?\n]", text):
        if re.search(r"(?:今后|未来|新的|接下来的?)的?(?:五|5)年", sent):
            for name, (a, _) in PLANS.items():
                if name in sent:
                    prev = [p for p in PLANS.values() if p[1] == a - 1]
                    if prev:
                        return Period(str(prev[0][0]), str(prev[0][1]))
    return None


def resolve_period(ref: TimeRef | None, issued: str | None, plan: Period | None = None) -> Period | None:
    """Make a time expression concrete against the article's date.

    Parameters
    ----------
    ref : TimeRef or None
    issued : str or None
        The article's date (``YYYY-MM-DD`` or ``YYYY-MM``), None if unknown.
    plan : Period, optional
        :func:`plan_before` of the article: the period a 过去五年 of an
        undated article refers to.

    Returns
    -------
    Period or None
        None when the expression needs a date the article does not give.
    """
    if ref is None:
        return None
    year = int(issued[:4]) if issued else None
    if ref.kind == "abs":
        return ref.period
    if ref.kind == "rel":
        return _part_period(year + ref.offset, ref.part) if year else None
    if ref.kind == "part":
        y = ref.year or year
        return _part_period(y, ref.part) if y else None
    if ref.kind == "past":
        if year:
            return Period(str(year - ref.offset), str(year - 1))
        if plan is not None and ref.offset == 5:
            return plan
        return None
    if ref.kind == "since":
        return Period(ref.period.start if ref.period else None, issued)
    if ref.kind == "now":
        return Period(None, issued) if issued else None
    return None


__all__ = ["Dateline", "Period", "TimeRef", "PLANS", "apply_date", "date_line", "find_dateline", "parse_date",
           "sidecar_date", "time_refs", "figure_ref",
           "plan_before", "resolve_period", "states_compared_value", "dated_part_year"]


_COMPARED_BY = ("高于", "低于", "多于", "少于")


def _compared(text: str, ref: tuple[int, int, TimeRef]) -> bool:
    """Whether a year is the base of a comparison, not a figure's time.

    比2023年增长, 较2023年, 高于去年的, 与2023年相比, and the starting point of a change 由2022年底的56%提高到…,
    从2022年的…增至…: the value reached is of the sentence's own time.
    """
    start, end, _ = ref
    before = text[start - 1:start]
    # 高于去年的33%, 低于2024年的…: compared too (a bare 于去年 is "in last year", not a comparison)
    return before in ("比", "较") or text[max(0, start - 2):start] in _COMPARED_BY \
        or (before in ("与", "同") and re.match(r"(?:同期)?相比", text[end:]) is not None) \
        or (before in ("由", "从") and re.match(r"(?:同期)?的", text[end:]) is not None)


def states_compared_value(text: str, end: int, pos: int) -> bool:
    """Whether the figure at ``pos`` states the value of a compared year written up to ``end`` (after its 年).

    比2023年的31.2万人次, 比2023年同期的…, 由2022年底的56%…, 与2023年相比,建档数从1.1万户…: that
    figure is of the compared year; the others of the sentence (the growth, the value it changed to)
    are not.
    """
    gap = text[end:pos]
    return re.fullmatch(r"[底末]?(?:同期)?的", gap) is not None or (
        text[pos - 1:pos] == "从" and not re.search(r"[。；;]", gap))


def dated_part_year(text: str, refs: list[tuple[int, int, TimeRef]], before: int,
                    whole_year: bool = False) -> int | None:
    """The year a part of a year written without one (上半年, 前三季度, 全年) takes from earlier in the text.

    A report names the period once with its year (2025年前三季度,…) and then repeats it bare in
    later paragraphs (前三季度,州总工会…); an undated article has no other way to date those.  A
    part (上半年, 第四季度) takes the year of the latest part of a year written with its year before
    ``before``; the whole year (全年, 年度: ``whole_year``) the latest single year written before it
    (2024年,…总收入… ¶ 全年用于帮扶…: 2024, not the year the report was published in).
    Compared years (比2023年, 由2022年底的) do not count.

    Parameters
    ----------
    text : str
        The article text.
    refs : list of (int, int, TimeRef)
        :func:`time_refs` of the text, in text order.
    before : int
        Offset of the bare part.
    whole_year : bool
        The bare expression names the whole year (全年, 年度) rather than a part of it.

    Returns
    -------
    int or None
        The year, or None where the text names none before the part.
    """
    for a, b, r in reversed(refs):
        if b > before or r.kind != "abs" or r.period is None or _compared(text, (a, b, r)):
            continue
        year = r.period.single_year()
        if year is None:
            continue
        if whole_year or re.search(r"年(?:" + _PART_RE + r")$", r.text):
            return year
    for a, b, r in reversed(refs):
        # none written with a part: a year opening a paragraph or a sentence (2025年,市总工会… ¶ 分季度看,
        # 一季度…; …集散地。2025年,市总工会…) is the year the report reviews, and its quarters are that year's
        if b > before or r.kind != "abs" or r.period is None or not re.fullmatch(r"\d{4}年", r.text):
            continue
        if text[:a].rstrip(" \u3000").endswith(("\n", "。", "！", "？")) and text[b:b + 1] in "，,":
            return r.period.single_year()
    return None


#: A year written in digits (2024年, not 今年): the only time after a figure that dates it (:func:`figure_ref`).
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d")


def figure_ref(text: str, pos: int, sentence: tuple[int, int], paragraph: tuple[int, int],
               paragraphs: list[tuple[int, int]], refs: list[tuple[int, int, TimeRef]],
               heading_len: int = 40, floor: int = 0, starts: list[int] | None = None) -> TimeRef | None:
    """The time expression a figure at ``pos`` refers to.

    Parameters
    ----------
    text : str
        The article text.
    pos : int
        Offset of the figure.
    sentence, paragraph : (int, int)
        Bounds of its sentence and paragraph.
    paragraphs : list of (int, int)
        Every paragraph of the article, in order.
    refs : list
        :func:`time_refs` of the whole text.
    heading_len : int
        Paragraphs up to this many characters count as headings (characters).
    floor : int
        Start of the figure's section: headings above it belong to other
        sections and are not read.
    starts : list of int, optional
        ``[r[0] for r in refs]``, computed once per article by the caller
        so that each figure costs a binary search, not a scan.

    Returns
    -------
    TimeRef or None
        The nearest expression before the figure in its sentence, else the
        first after it in the sentence, else the nearest earlier in its
        paragraph, else the expression of the nearest paragraph above it in
        its section that has one, if that paragraph is a heading line
        (●过去五年●: its last expression) or opens with it (5年来,…: that
        one), else None.  A part of a year with no year (全年) takes the year
        written last before it in the paragraph.
    """
    from bisect import bisect_left

    s0, s1 = sentence
    p0, _ = paragraph
    starts = starts if starts is not None else [r[0] for r in refs]

    def between(a: int, b: int) -> list[tuple[int, int, TimeRef]]:  # refs starting in [a, b)
        return refs[bisect_left(starts, a):bisect_left(starts, b)]

    in_sent = between(s0, s1)
    for r in reversed([r for r in in_sent if r[1] <= pos]):
        if _compared(text, r) and states_compared_value(text, r[1], pos):
            return r[2]  # 比2023年的31.2万人次, 与2023年相比…从1.1万户: the compared value is of that year
    in_sent = [r for r in in_sent if not _compared(text, r)]
    before = [r for r in in_sent if r[1] <= pos]
    # after the figure only a written year (2万人次,较2024年…; not 今年 of a later clause: 58个,其中今年新建14个),
    # as resolve._year_for reads it: the graph's year and the resolver's stay one
    pick = before[-1] if before else next((r for r in in_sent if r[0] >= pos and _YEAR_WRITTEN.search(r[2].text)),
                                          None)
    if pick is None:
        earlier = [r for r in between(p0, s0) if r[1] <= s0 and not _compared(text, r)]
        pick = earlier[-1] if earlier else None
    if pick is None:
        i = bisect_left(paragraphs, (p0, -1)) - 1  # the paragraphs above, nearest first
        while i >= 0 and paragraphs[i][0] >= floor:
            a, b = paragraphs[i]
            head = between(a, b) if b <= p0 else []
            if head:  # the nearest paragraph that names a time: a heading, or one opening with it, scopes what follows
                if b - a <= heading_len:
                    pick = head[-1]
                elif not text[a:head[0][0]].strip(" \u3000“\"●【"):
                    pick = head[0]
                break
            i -= 1
    if pick is None:
        return None
    ref = pick[2]
    if ref.kind == "part":
        years = [r[2].period.single_year() for r in between(p0, pick[0]) if r[2].kind == "abs"
                 and r[2].period and r[2].period.single_year()]
        year = years[-1] if years else dated_part_year(text, refs[:bisect_left(starts, pick[0])], pick[0],
                                                       whole_year=ref.part in ("全年", "年度"))
        if year:
            ref = TimeRef("part", ref.text, part=ref.part, year=year)
    return ref
