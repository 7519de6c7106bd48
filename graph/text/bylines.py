"""Bylines: who wrote, reported or photographed an article.

Chinese news credits its people in a handful of fixed places (forms of the
genre as printed by 新华社, 中新网, provincial and union papers):

* a lead dateline with the credits in brackets: ``本报讯（记者 张伟 通讯员
  李娜）``, ``新华社西宁1月2日专电（记者王芳）``, ``中新网东莞10月12日电(刘洋)``,
  ``据某某日报报道(某某日报记者 张伟 李娜)``, or without brackets
  ``本报讯 记者 张伟 通讯员 李娜 日前…``;
* a credit line of its own: ``□本报记者 张伟 李娜``, ``□通讯员 甲乙 记者 丙丁 报道``,
  ``记者 张伟``, ``文/图 张伟``, ``作者：张伟``, ``责任编辑：李娜``;
* a trailing credit in brackets at the end of the text: ``…。（通讯员 张伟）``;
* photo credits: ``（记者 张伟 摄）``.

Names in a credit are separated by spaces or 、; a bare name in a dateline
bracket is the reporter (``(刘洋)``).  Given names without a surname occur
(``通讯员 柏明 苗青``) and are kept: a credit slot holds nothing but names.
"""
from __future__ import annotations

import re
from functools import cache

#: Credit titles as written, longest first, and the title a person is given for each.
_TITLES = (
    ("责任编辑", "责任编辑"), ("责编", "编辑"), ("编辑", "编辑"), ("审核", "审核"), ("校对", "校对"),
    ("通讯员", "通讯员"), ("实习生", "实习生"), ("记者", "记者"), ("摄影", "摄影"), ("作者", "作者"),
    ("撰文", "作者"), ("文图", "作者"), ("图文", "作者"), ("文", "作者"), ("图", "摄影"), ("摄", "摄影"),
)
_TITLE_OF = dict(_TITLES)
#: Titles that a word may carry in front (本报记者, 新华社记者, 甘肃日报记者, 本报通讯员, 特约记者).
_PREFIXED = ("记者", "通讯员", "实习生", "编辑")
#: Titles whose holders are the article's creators (dcterms:creator): its reporters and authors.
CREATOR_TITLES = frozenset({"记者", "作者"})
#: Words that end a credit and are not names (…记者 张伟 报道, …张伟 摄).
_TAIL = re.compile(r"\s*(?:摄影报道|图文报道|综合报道|联合报道|报道|报导|整理|摄)$")
#: Tokens of a credit that are neither titles nor names.
_NOT_NAMES = frozenset({"本报", "本刊", "综合", "整理", "报道", "完", "来源", "供图", "图片", "视频", "实习", "特约",
                        "见习", "首席", "摄影", "通讯", "记者", "编辑", "作者", "电", "讯", "全文", "原标题"})

_OPEN, _CLOSE = "(（", ")）"
#: A lead: the head of a dateline up to 讯/电/报道, then the credits in brackets.
_LEAD = re.compile(
    r"^(?P<head>[^()（）\n。，,]{0,40}?(?:讯|电|报道|消息))\s*"
    r"(?:据[^()（）\n。，,]{1,20}?(?:报道|消息)\s*)?"
    r"[(（](?P<cred>[^()（）\n]{2,60})[)）]\s*[:：]?")
#: A lead without brackets: 本报讯 记者 张伟 通讯员 李娜 日前, …
_LEAD_BARE = re.compile(
    r"^(?P<head>[^()（）\n。，,]{0,40}?(?:讯|电))\s+"
    r"(?P<cred>(?:(?:本报|本刊)?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4})*\s*?)+)"
    r"(?=\s)")
#: A photo credit anywhere: （记者 张伟 摄）, （张伟 摄）.
_PHOTO = re.compile(r"[(（](?P<cred>[^()（）\n]{2,30}?\s*摄)[)）]")
#: A credit line: it starts with a box mark or a title and holds nothing but credits.
_LINE = re.compile(r"^(?:[□■●◎]\s*)?(?P<cred>(?:(?:本报|本刊|(?:[\u4e00-\u9fff]{1,8}(?:社|报|网|台)[-－—·]?){1,2})?"
                   r"(?:特约|见习|实习|首席)?(?:记者|通讯员)|实习生|作者|撰文|"
                   r"责任编辑|编辑|责编|文/图|图/文|文|图|摄影)\s*[:：/]?\s*[^\n]{2,60})$")
#: A photo credit closing a caption or standing alone: 图为活动现场。记者 张伟/摄, 张伟 摄.
_PHOTO_END = re.compile(r"(?:^|[。\s])(?P<cred>(?:(?:本报)?记者|通讯员|摄影)?\s*[\u4e00-\u9fff·]{2,4}"
                        r"(?:\s+[\u4e00-\u9fff·]{2,4})*\s*/?\s*摄)\s*$")
#: Where a source line goes on to its author: 来源：某某日报 作者：张伟.
_AFTER_SOURCE = re.compile(r"^来源[:：][^\n]*?\s(?P<cred>(?:作者|记者|通讯员|编辑|责任编辑)[:：]?\s*[^\n]{2,30})$")
_BOX_LINE = re.compile(r"^[□■●◎]\s*(?P<cred>[^\n]{2,60})$")


def _is_name(tok: str) -> bool:
    """A credited name: 2–5 Han characters (萨仁其其格: a Mongolian name is written in five), or a
    minority name with a middle dot."""
    if tok in _NOT_NAMES or tok in _TITLE_OF or any(w in tok for w in _PREFIXED + ("作者", "单位")):
        return False
    if "·" in tok:
        return 3 <= len(tok) <= 12 and all(re.fullmatch(r"[\u4e00-\u9fff]+", p) for p in tok.split("·"))
    # a medium is no name: 新华网, 甘肃日报, 央视新闻
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,5}", tok)) and not re.search(r"[网报社台]$|新闻", tok)


def _has_surname(name: str) -> bool:
    from .. import lexicon

    return any(name[:n] in lexicon.surnames() for n in (1, 2))


def _title_in(tok: str) -> tuple[str, str] | None:
    """Split a token that holds a title: ``本报记者`` → (记者, ""), ``记者邱敏`` → (记者, 邱敏).

    Returns (title, the rest of the token after it), or None when the token
    holds no title.  A title may carry a prefix (本报, 新华社, 甘肃日报, 特约);
    the one-character titles 文, 图, 摄 count only as the whole token.
    """
    if tok in _TITLE_OF:
        return _TITLE_OF[tok], ""
    best = None
    for word in _PREFIXED:
        i = tok.rfind(word)
        if i >= 0 and (best is None or i > best[0]):
            best = (i, word)
    if best is None:
        for word, _ in _TITLES:
            if len(word) >= 2 and tok.startswith(word):
                return _TITLE_OF[word], tok[len(word):]
        return None
    i, word = best
    return _TITLE_OF[word], tok[i + len(word):]


def parse_credits(cred: str, default: str | None = None) -> list[tuple[str, str, int]] | None:
    """Read a credit string into ``(name, title, offset in cred)`` triples.

    Parameters
    ----------
    cred : str
        What a byline says, without its brackets: ``记者 张伟 通讯员 李娜``,
        ``通讯员 甲乙 记者 丙丁 报道``, ``文/图 张伟``, ``张伟 摄``.
    default : str or None
        The title of names before any title (``(刘洋)`` in a dateline: 记者).

    Returns
    -------
    list of (str, str, int) or None
        One triple per name, titles as in ``_TITLES`` (本报记者 → 记者); None
        when the string holds anything but titles and names (it is prose,
        not a credit), or no name at all.

    Examples
    --------
    >>> parse_credits("记者 张伟 通讯员 李娜")
    [('张伟', '记者', 3), ('李娜', '通讯员', 10)]
    """
    body = cred.strip()
    photo = bool(re.search(r"摄(?:影报道)?$", body))
    body = _TAIL.sub("", body)
    body = re.sub(r"^(文|图)\s*/\s*(图|文)", r"\1\2", body)  # 文/图 is one credit, not two
    title = "摄影" if photo and default is None else default
    explicit = False
    out: list[tuple[str, str, int]] = []
    for m in re.finditer(r"[^\s\u3000、，,;；:：/|]+", body):
        tok, at = m.group(), m.start() + (len(cred) - len(cred.lstrip()))
        found = _title_in(tok) if not _is_name(tok) else None
        if found is not None:
            explicit = True
            title, rest = found
            at += len(tok) - len(rest)
            tok = rest
            if not tok:
                continue
            if not _has_surname(tok):  # glued to its title (记者邱敏) a name starts with a surname: not 记者手记
                return None
        if tok in _NOT_NAMES:
            continue
        if not _is_name(tok) or title is None:
            return None
        if not explicit and (not _has_surname(tok) or tok in _places()):
            return None  # a name no title introduces is a full one: (潘雯), not (作者单位) or (张家港)
        out.append((tok, title, at))
    return out or None


def is_credit_line(line: str) -> bool:
    """Whether a whole line is a credit (``□本报记者 张伟``, ``记者郑兰``, ``文/图 张伟``), not a heading."""
    line = line.strip()
    if len(line) > 64:
        return False
    m = _BOX_LINE.match(line)
    if m:
        return parse_credits(m.group("cred"), "记者") is not None
    m = _LINE.match(line)
    return bool(m) and parse_credits(m.group("cred")) is not None


def _paren_end(line: str) -> tuple[str, int] | None:
    """The credit in brackets that ends a line (``…。（通讯员 张伟）``): (text, offset)."""
    line = re.sub(r"\s*[(（]完[)）]\s*$", "", line.rstrip())
    if not line or line[-1] not in _CLOSE:
        return None
    open_at = max(line.rfind("("), line.rfind("（"))
    if open_at < 0:
        return None
    return line[open_at + 1:-1], open_at + 1


@cache
def _places() -> frozenset[str]:
    """Written forms of places, which a bracket holding no title never credits: (张家港)."""
    from .. import lexicon

    return lexicon.place_names() | frozenset(lexicon.divisions()) | frozenset(lexicon.county_short_forms())


def find(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[str, str, int]]:
    """Every credited person of an article.

    The dateline's date, place and publisher are read by :func:`graph.text.when.find_dateline`.

    Parameters
    ----------
    text : str
        The article's (normalised) text.
    paragraphs : list of (int, int)
        Paragraph offsets, as :func:`graph.text.segment.segment` finds them.

    Returns
    -------
    bylines : list of (str, str, int)
        ``(name, title, offset in text)`` in text order, one per name and
        title (a name credited twice keeps its first place).

    References
    ----------
    Byline and dateline forms of Chinese news writing (电头, 署名): 新华社
    style ``新华社某地某月某日电（记者 某某）``, newspapers' ``本报讯（记者 某某
    通讯员 某某）`` and ``□本报记者 某某``, and end-of-text credits.
    """
    out: list[tuple[str, str, int]] = []

    def take(cred: str, at: int, default: str | None) -> bool:
        got = parse_credits(cred, default)
        if not got:
            return False
        out.extend((name, title, at + off) for name, title, off in got)
        return True

    lines = [(s, text[s:e]) for s, e in paragraphs]
    for i, (start, line) in enumerate(lines):
        if len(line) <= 64:
            m = _BOX_LINE.match(line) or _LINE.match(line)
            if m and take(m.group("cred"), start + m.start("cred"), None if not _BOX_LINE.match(line) else "记者"):
                continue
            # a title alone on its line, the names on the next: □本报记者 / 张伟 李娜
            if re.fullmatch(r"[□■●◎]\s*(?:本报|本刊)?(?:记者|通讯员|特约记者)\s*", line) and i + 1 < len(lines):
                nxt_start, nxt = lines[i + 1]
                title = "通讯员" if "通讯员" in line else "记者"
                take(nxt, nxt_start, title)
                continue
        if i < 4:  # the lead of the article: 本报讯（记者 张伟）, 新华社西宁1月2日电（记者 王芳）
            m = _LEAD.match(line) or _LEAD_BARE.match(line)
            if m:
                take(m.group("cred"), start + m.start("cred"), "记者")
        for pm in _PHOTO.finditer(line):
            take(pm.group("cred"), start + pm.start("cred"), None)
        pm = _PHOTO_END.search(line) if not _PHOTO.search(line) else None
        if pm:
            take(pm.group("cred"), start + pm.start("cred"), None)
        sm = _AFTER_SOURCE.match(line)
        if sm:
            take(sm.group("cred"), start + sm.start("cred"), None)
    # a trailing credit: the last paragraph ends in （通讯员 张伟） or （张伟）
    for start, line in lines[-2:]:
        tail = _paren_end(line)
        if tail is not None and not _PHOTO.search(line[tail[1] - 1:]):
            take(tail[0], start + tail[1], "记者")
    seen: set[tuple[str, str]] = set()
    uniq = []
    for name, title, at in sorted(out, key=lambda x: x[2]):
        if (name, title) not in seen:
            seen.add((name, title))
            uniq.append((name, title, at))
    return uniq
