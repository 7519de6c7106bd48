"""Figures over time as inline SVG, drawn in Python (no JavaScript library to ship).

One chart per unit (money in 万元, person-times in 人次): the x axis is
calendar time in years, the y axis the value. A figure that refers to one
year is a dot in the middle of that year; a figure that refers to a period
(``ukg:refPeriod``, e.g. 2016–2020 for “十三五”期间) is a bar across the
period at its value, since the value is the period's total, not a yearly
rate. Dots of the same measure in several years are joined by a line. Each
mark carries an SVG ``<title>`` (shown on hover) with the measure, the value
as written, the time and the quote. The y axis is logarithmic when the
values span two orders of magnitude or more (a union's budget and one
programme's spending are on one page), linear otherwise.
"""
from __future__ import annotations

import html as htmlmod
import math
from collections import defaultdict
from dataclasses import dataclass

#: Category colours (matplotlib's tab10), one per measure; further measures are grey.
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f")
OTHER = "#b0b0b0"
#: Chart size in CSS pixels: plot plus legend.
WIDTH, HEIGHT, LEGEND = 720, 260, 210
_MARGIN = {"left": 64, "right": 16, "top": 22, "bottom": 34}


@dataclass(frozen=True)
class Point:
    """One figure placed in time.

    Attributes
    ----------
    measure : str
        What is counted, in the article's words ("" when unknown).
    value : float
        In the chart's unit (万元 for money, 人次 for person-times).
    start, end : float
        Fractional calendar years: a single year 2020 is ``[2020, 2021)``; a
        period 2016-01-01..2020-12-31 is ``[2016, 2021)``.
    label : str
        The value as written, e.g. "3.2万元".
    when : str
        The time as shown, e.g. "2020年" or "2016–2020年".
    quote : str
        The sentence it was read from ("" when none).
    """

    measure: str
    value: float
    start: float
    end: float
    label: str
    when: str
    quote: str = ""

    @property
    def single(self) -> bool:
        """True for a figure of one calendar year (drawn as a dot)."""
        return self.end - self.start <= 1.0001


def _nice_linear(lo: float, hi: float, n: int = 5) -> list[float]:
    """About ``n`` round tick values (1, 2, 5 × 10^k) covering ``[lo, hi]``."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step) * step
    return [first + i * step for i in range(int(math.ceil((hi - first) / step)) + 1)]


def _fmt(v: float) -> str:
    """A tick label: 12000 → "1.2万", 3 → "3", 0.5 → "0.5"."""
    if abs(v) >= 1e8:
        return f"{v / 1e8:g}亿"
    if abs(v) >= 1e4:
        return f"{v / 1e4:g}万"
    return f"{v:g}"


def svg_chart(points: list[Point], unit: str, title: str, left_out: int = 0) -> str:
    """One chart as an inline ``<svg>`` element.

    Parameters
    ----------
    points : list of Point
        The figures of one unit; an empty list gives "".
    unit : str
        The axis unit as shown, e.g. "万元" or "人次".
    title : str
        Caption above the chart.
    left_out : int
        Figures of this unit not drawn (a cap on the marks); the caption
        says how many, and that the table under the chart lists them.

    Returns
    -------
    str
        ``<figure class="chart">`` with the SVG and its caption; the SVG has
        ``role="img"`` and an ``aria-label``.

    Examples
    --------
    >>> svg = svg_chart([Point("经费", 32.5, 2020, 2021, "32.5万元", "2020年")], "万元", "金额")
    >>> svg.count('<circle class="mark"')
    1
    """
    if not points:
        return ""
    # drawn in one order whatever order the graph gave them in (pages byte-identical across builds)
    points = sorted(points, key=lambda p: tuple(str(v) for v in vars(p).values()))
    esc = htmlmod.escape
    left, right, top, bottom = (_MARGIN[k] for k in ("left", "right", "top", "bottom"))
    pw, ph = WIDTH - left - right, HEIGHT - top - bottom
    x0 = math.floor(min(p.start for p in points))
    x1 = math.ceil(max(p.end for p in points))
    if x1 - x0 < 3:  # at least three years, the figures' years in the middle
        pad = 3 - (x1 - x0)
        x0, x1 = x0 - pad // 2 - pad % 2, x1 + pad // 2
    values = [p.value for p in points]
    lo, hi = min(values), max(values)
    log = lo > 0 and hi / lo >= 100
    if log:
        e0, e1 = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
        e1 = max(e1, e0 + 1)
        ticks = [10.0 ** e for e in range(e0, e1 + 1)]
        ymin, ymax = math.log10(ticks[0]), math.log10(ticks[-1])

        def ty(v: float) -> float:
            return top + ph - (math.log10(v) - ymin) / (ymax - ymin) * ph
    else:
        ticks = _nice_linear(min(0.0, lo), hi)
        ymin, ymax = ticks[0], ticks[-1]

        def ty(v: float) -> float:
            return top + ph - (v - ymin) / (ymax - ymin or 1) * ph

    def tx(year: float) -> float:
        return left + (year - x0) / (x1 - x0) * pw

    # measures by their largest value, so that the first colours go to the main ones
    order = sorted({p.measure for p in points}, key=lambda m: (-max(p.value for p in points if p.measure == m), m))
    colour = {m: PALETTE[i] if i < len(PALETTE) - 1 else OTHER for i, m in enumerate(order)}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH + LEGEND}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH + LEGEND} {HEIGHT}" role="img" aria-label="{esc(title)}" '
           'font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-size="11">']
    # axes and grid
    for t in ticks:
        y = ty(t)
        out.append(f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{_fmt(t)}</text>')
    step = max(1, math.ceil((x1 - x0) / 12))
    for yr in range(x0, x1 + 1):
        x = tx(yr)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + ph}" stroke="#f0f0f0"/>')
        if yr < x1 and (yr - x0) % step == 0:
            out.append(f'<text x="{tx(yr + 0.5):.1f}" y="{top + ph + 16}" text-anchor="middle" fill="#555">{yr}</text>')
    out.append(f'<line x1="{left}" x2="{left + pw}" y1="{top + ph}" y2="{top + ph}" stroke="#888"/>'
               f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + ph}" stroke="#888"/>'
               f'<text x="4" y="{top - 3}" fill="#555">{esc(unit)}{"（对数刻度）" if log else ""}</text>')
    # marks: lines joining one measure's single years, then bars for periods, then dots
    by_measure: dict[str, list[Point]] = defaultdict(list)
    for p in points:
        by_measure[p.measure].append(p)
    for m in order:
        singles = sorted((p for p in by_measure[m] if p.single), key=lambda p: p.start)
        if len({p.start for p in singles}) > 1:
            pts = " ".join(f"{tx((p.start + p.end) / 2):.1f},{ty(p.value):.1f}" for p in singles)
            out.append(f'<polyline points="{pts}" fill="none" stroke="{colour[m]}" stroke-width="1.5" '
                       'stroke-opacity="0.7"/>')
    for m in order:
        for p in by_measure[m]:
            tip = esc(f"{p.measure or '（未注明指标）'}：{p.label}（{p.when}）" + (f"\n{p.quote}" if p.quote else ""))
            y = ty(p.value)
            if p.single:
                out.append(f'<circle class="mark" cx="{tx((p.start + p.end) / 2):.1f}" cy="{y:.1f}" r="4.5" '
                           f'fill="{colour[m]}" stroke="#fff"><title>{tip}</title></circle>')
            else:
                a, b = tx(p.start) + 2, tx(p.end) - 2
                out.append(f'<g class="mark"><title>{tip}</title>'
                           f'<line x1="{a:.1f}" x2="{b:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour[m]}" '
                           'stroke-width="4" stroke-opacity="0.85"/>'
                           f'<line x1="{a:.1f}" x2="{a:.1f}" y1="{y - 5:.1f}" y2="{y + 5:.1f}" stroke="{colour[m]}"/>'
                           f'<line x1="{b:.1f}" x2="{b:.1f}" y1="{y - 5:.1f}" y2="{y + 5:.1f}" stroke="{colour[m]}"/>'
                           '</g>')
    # legend: one line per measure (the grey ones summed up in the last line)
    lx, ly = WIDTH + 8, top + 6
    rows = order[:len(PALETTE) - 1]
    for i, m in enumerate(rows):
        name = m or "（未注明指标）"
        short = name if len(name) <= 13 else name[:12] + "…"
        y = ly + i * 17
        out.append(f'<g><title>{esc(name)}</title><rect x="{lx}" y="{y - 8}" width="10" height="10" '
                   f'fill="{colour[m]}"/><text x="{lx + 15}" y="{y + 1}" fill="#333">{esc(short)}</text></g>')
    if len(order) > len(rows):
        y = ly + len(rows) * 17
        out.append(f'<rect x="{lx}" y="{y - 8}" width="10" height="10" fill="{OTHER}"/>'
                   f'<text x="{lx + 15}" y="{y + 1}" fill="#333">其他 {len(order) - len(rows)} 项</text>')
    y = HEIGHT - 10
    out.append(f'<circle cx="{lx + 5}" cy="{y - 4}" r="4" fill="#777"/><text x="{lx + 15}" y="{y}" fill="#555">'
               '某一年</text><line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="#777" stroke-width="4"/>'
               .format(lx + 60, lx + 84, y - 4)
               + f'<text x="{lx + 90}" y="{y}" fill="#555">一个时期的合计</text>')
    out.append("</svg>")
    n_single = sum(p.single for p in points)
    caption = (f"{esc(title)}：{len(points)} 个数字（{n_single} 个属于某一年，{len(points) - n_single} 个属于"
               "一个时期）。悬停查看原句。")
    if left_out:
        caption += f"另有 {left_out} 个数字未画出（整组画出数字少的指标，其余指标只画最近的数字），见下面的数字表。"
    return f'<figure class="chart">{"".join(out)}<figcaption>{caption}</figcaption></figure>'


__all__ = ["Point", "svg_chart", "PALETTE"]
