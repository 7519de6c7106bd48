"""Number normalisation: exact decimals, multipliers, Chinese numerals."""
from decimal import Decimal

import pytest

from graph.text.numbers import NumberError, parse_number


@pytest.mark.parametrize("num, mult, expected", [
    ("32.69", "万", "326900"),
    ("3.57", "亿", "357000000"),
    ("16.4", "亿", "1640000000"),       # cn2an gives 1639999999 through floats (cn2an #55)
    ("4188.57", "万", "41885700"),
    ("9.8", "万", "98000"),
    ("65.3", "", "65.3"),
    ("94896", "万", "948960000"),
    ("两千", "", "2000"),
    ("百", "", "100"),
    ("万", "", "10000"),
    ("3", "千", "3000"),
    ("30", "万", "300000"),
])
def test_parse_number_is_exact(num, mult, expected):
    value = parse_number(num, mult)
    assert value == Decimal(expected)
    assert "E" not in str(value)


@pytest.mark.parametrize("bad", ["", "abc", "1.2.3", "十四五x"])
def test_parse_number_rejects_non_numbers(bad):
    with pytest.raises(NumberError):
        parse_number(bad)
