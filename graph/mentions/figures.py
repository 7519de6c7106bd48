"""Figure mentions: a number, its multiplier and its measure word.

``9.8万余人次`` → 98000 person-time, approximate; ``3.57亿元`` → 357000000
yuan; ``百分之六十五`` → 65 percent; ``近百家`` → 100 count, approximate.

Not figures (GUIDELINES.md): years and dates (no measure word follows),
ordinals (第二届, 第5个), names with digits (“832”平台, 12351热线 — no
measure word, or quoted), ranges (6-7个), durations and ages (年, 小时, 岁
are ``skip`` words in the measure-word lexicon), and small quantities in
Chinese numerals (三大, 四项: optional in the gold).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from .. import lexicon
from ..model import Article, Mention
from ..text.numbers import NumberError, parse_number

#: Words that bound or round the number after them (GUIDELINES: 余, 多, 近, 约, 超过, 逾, 以上); 不少于 and
#: 不低于 bound it as 以上 does, 不足 and 不到 from above, 约占 rounds a share (女职工约占27%), 约为/约有/约达
#: round as 约 does (抽审比例约为35%).
APPROX_BEFORE = ("超过", "突破", "逾", "近", "约占", "约为", "约有", "约达", "约", "超", "上", "数", "大约", "将近",
                 "接近", "高达", "不少于", "不低于", "至少", "不足", "不到")
APPROX_AFTER = ("以上", "左右", "上下", "有余", "多", "余")
_CN = "零〇一二两三四五六七八九十百千万亿"
#: Nouns for people that count without a measure word after 万/亿 or 余: 155万船员, 12.5万困难职工, 150余万职工.
_PERSON_NOUNS = "人士|人员|职工|会员|员工|农民工|群众|船员|海员|工人|劳动者|党员|选手|志愿者"


@cache
def _pattern() -> re.Pattern:
    words = sorted((w for w, cls in lexicon.measure_words().items() if cls != "skip"), key=len, reverse=True)
    words = [w for w in words if w[0] not in "十百千万亿"]  # multipliers are parsed apart
    unit = "|".join(map(re.escape, words))
    pre = "|".join(APPROX_BEFORE)
    return re.compile(
        rf"(?P<pre>{pre})?"
        rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?![\d.])|\d+(?:\.\d+)?|[{_CN}]+)"
        r"(?P<yu>余|多)?(?P<mult>[十百千万亿]{0,2}?)(?P<yu2>余|多)?"
        rf"(?:(?P<unit>{unit})|(?P<noun>(?![十百千万亿])[\u4e00-\u9fff]{{0,2}}?(?:{_PERSON_NOUNS})))"
        r"(?P<post>以上|左右|上下|多)?"
    )


#: A bound, then the base a share is taken of: 不低于当地最低工资标准的 | 120%.
_BOUND_OF_SHARE = re.compile(r"(?:不低于|不少于|不高于|不超过|至少)[^，,。；;、\d]{1,12}的$")
#: Before 前 in 目前, 当前, 此前, 之前, 提前, 以前, 日前: 前 closes another word, not a rank.
_NOW_BEFORE = set("目当此之提以日")
#: After N人以上: the units of that size (企业, 单位, 新建工会), which makes N a threshold, not a figure.
_THRESHOLD_OF = re.compile(r"的?[\u4e00-\u9fff]{0,5}?(?:企业|单位|工会|公司|工地|项目|机构)")

_PERCENT_CN = re.compile(rf"百分之(?P<num>[{_CN}]+(?:点[{_CN}]+)?)")
#: 分5路走访慰问, 兵分3路: the groups a visit splits into (路 counts them only after 分; 5路公交 is a name).
_SPLIT_INTO = re.compile(r"(?<=分)(?P<num>\d{1,2})路")


def find(article: Article) -> list[Mention]:
    """Find figures and normalise their values.

    Returns
    -------
    list of Mention
        kind ``"figure"`` with ``attrs``: ``value`` (Decimal, yuan for
        money, percent points for %), ``unit`` (yuan | percent | person |
        person-time | count), ``unit_text`` (万元, 人次, % ...), ``approx``
        (bool).
    """
    text = article.text
    classes = lexicon.measure_words()
    out: list[Mention] = []
    for m in _pattern().finditer(text):
        num = m.group("num")
        start = m.start("num")
        cn = not num[0].isdigit()
        before = text[max(0, start - 1):start]
        after = text[m.end():m.end() + 1]
        before2 = text[max(0, start - 2):start - 1]
        if before == "第" or (before and before in "-~—–") or (after and after in "-~—–"):
            continue  # ordinal or range (6-7个)
        if before and before in "至到" and before2[-1:].isdigit():
            continue  # range (3至5个)
        if before == "“" and "”" in text[m.end(): m.end() + 2]:
            continue  # a quoted code: “832”
        if not cn and (before.isdigit() or (before.isascii() and before.isalpha())):
            continue  # inside a longer number, or a code: G1373次列车, K8路
        if cn:
            # Chinese numerals only with a magnitude and a bound: 两千余名, 近百家, 上万名
            bounded = m.group("pre") or m.group("yu") or m.group("yu2") or m.group("post")
            if not (set(num) & set("百千万亿")) or not bounded:
                continue
            if m.group("pre") in ("上", "数") and num not in ("万", "千", "百", "十万", "百万"):
                continue
        unit_word = m.group("unit")
        if unit_word is None:
            if not (m.group("mult") or m.group("yu") or m.group("yu2")):
                continue
            unit, unit_text = "person", m.group("mult") or ""
        else:
            unit = classes.get(unit_word, "count")
            unit_text = (m.group("mult") or "") + unit_word
        # 3个月, 24个小时: durations; 2.5个百分点: a difference of percentages, not a count
        duration = unit_word == "个" and re.match(r"月|小时|工作日|星期|季度|年度|百分点", text[m.end():m.end() + 3])
        if unit == "skip" or duration:
            continue  # 3个月, 24个小时: durations
        try:
            value = parse_number(num, m.group("mult") or "")
        except NumberError:
            continue
        if unit_word == "%" and m.group("mult"):
            continue
        if before == "前" and unit_word in ("名", "位") and (
                text[max(0, start - 2):start - 1] not in _NOW_BEFORE or text[max(0, start - 3):start - 1] == "项目"):
            continue  # 前3名选手, 各项目前3名: a rank, not a count (目前3名…, 此前5位… are counts)
        if m.group("post") == "以上" and unit == "person" and _THRESHOLD_OF.match(text, m.end()):
            continue  # 25人以上企业, 女职工50人以上的单位: a size threshold of the units meant, not a count
        pre = m.group("pre") or ""
        if pre in ("上", "数") and not cn:
            pre = ""
        s = m.start("pre") if pre else start
        approx = bool(pre or m.group("yu") or m.group("yu2") or m.group("post"))
        if not approx and unit_word == "%" and _BOUND_OF_SHARE.search(text, max(0, s - 16), s):
            approx = True  # 不低于当地最低工资标准的120%: a bound written before the base of the share
        end = m.end("unit") if unit_word else (m.end("mult") if m.group("mult") else m.end("num"))
        if m.group("post"):
            end = m.end("post")
        elif m.group("yu2") and not unit_word:
            end = m.end("yu2")
        out.append(Mention("figure", s, end, text[s:end],
                           {"value": value, "unit": unit, "unit_text": unit_text, "approx": approx}))
    for m in _PERCENT_CN.finditer(text):
        whole, _, frac = m.group("num").partition("点")
        try:
            value = parse_number(whole, "")
            if frac:  # 八十七点五: digits after 点 are read one by one
                digits = "".join(str("零一二三四五六七八九".index(ch)) for ch in frac if ch in "零一二三四五六七八九")
                value = Decimal(f"{value}.{digits}")
        except (NumberError, ValueError):
            continue
        out.append(Mention("figure", m.start(), m.end(), m.group(),
                           {"value": value, "unit": "percent", "unit_text": "百分之", "approx": False}))
    for m in _SPLIT_INTO.finditer(text):
        out.append(Mention("figure", m.start(), m.end(), m.group(),
                           {"value": Decimal(m.group("num")), "unit": "count", "unit_text": "路", "approx": False}))
    out.sort(key=lambda x: x.start)
    return out
