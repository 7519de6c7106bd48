"""Exact parsing of the numbers written in Chinese news.

Arabic digits with 万/亿/千 multipliers are parsed here with
:class:`decimal.Decimal`, never through floats: ``16.4亿`` is exactly
``1640000000`` (cn2an returns a float for such input and has been reported
to give ``1639999999``, cn2an issue #55).  Numbers written wholly in Chinese
numerals (``两千``, ``六十五``) are parsed by cn2an, whose integer results
are exact.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

#: Multipliers written after a number (``32.69万`` → ×10 000).
MULTIPLIERS = {"十": Decimal(10), "百": Decimal(100), "千": Decimal(1000), "万": Decimal(10_000),
               "亿": Decimal(100_000_000)}

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")


class NumberError(ValueError):
    """A string that is not a number this module can read."""


def parse_arabic(digits: str) -> Decimal:
    """Parse ASCII digits with optional thousands commas and decimals.

    Parameters
    ----------
    digits : str
        e.g. ``"4188.57"``, ``"1,203"``.

    Returns
    -------
    Decimal
        Exact value.

    Raises
    ------
    NumberError
        When ``digits`` is not such a number.

    Examples
    --------
    >>> parse_arabic("32.69")
    Decimal('32.69')
    """
    if not _ARABIC.match(digits):
        raise NumberError(digits)
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex guards this
        raise NumberError(digits) from exc


def parse_chinese(numerals: str) -> Decimal:
    """Parse a number written in Chinese numerals with cn2an.

    Parameters
    ----------
    numerals : str
        e.g. ``"两千"``, ``"六十五"``, ``"百"`` (read as 一百), ``"万"`` (一万).

    Returns
    -------
    Decimal

    Raises
    ------
    NumberError
        When cn2an cannot read it.

    Examples
    --------
    >>> parse_chinese("两千")
    Decimal('2000')
    """
    if not numerals or any(ch not in CN_DIGITS for ch in numerals):
        raise NumberError(numerals)
    if numerals[0] in "十百千万亿":  # 百 → 一百, 万 → 一万 (近百家, 上万名)
        numerals = "一" + numerals
    import cn2an

    try:
        value = cn2an.cn2an(numerals, "smart")
    except (ValueError, KeyError) as exc:
        raise NumberError(numerals) from exc
    if isinstance(value, float) and not value.is_integer():
        raise NumberError(numerals)
    return Decimal(int(value))


def parse_number(number: str, multiplier: str = "") -> Decimal:
    """Parse a number and apply its multipliers exactly.

    Parameters
    ----------
    number : str
        Arabic (``"9.8"``) or Chinese (``"两千"``) numerals.
    multiplier : str
        Characters from 十百千万亿 written after the number (``"万"``,
        ``"千万"``), applied in turn.

    Returns
    -------
    Decimal
        The value with multipliers applied and trailing zeros normalised
        away from the exponent (``Decimal('98000')``, not ``9.8E+4``).

    Raises
    ------
    NumberError
        For anything that is not a number.

    Examples
    --------
    >>> parse_number("16.4", "亿")
    Decimal('1640000000')
    >>> parse_number("9.8", "万")
    Decimal('98000')
    """
    value = parse_arabic(number) if number[:1].isdigit() else parse_chinese(number)
    for ch in multiplier:
        if ch not in MULTIPLIERS:
            raise NumberError(multiplier)
        value *= MULTIPLIERS[ch]
    return plain(value)


def plain(value: Decimal) -> Decimal:
    """Drop exponent form and needless trailing zeros: 98000.0 → 98000, 12.50 → 12.5."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
