"""Numbers written the reader's way without babel on the common path: digit for digit what
babel's ``format_decimal`` writes (the site formats tens of thousands of distinct scores)."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.output.render.text import _formatted, number

LOCALES = ("vi_VN", "en_US")


def babel(value: float, decimals: int, locale: str) -> str:
    return str(format_decimal(value, format="#,##0." + "#" * decimals if decimals else "#,##0", locale=locale))


@given(st.floats(min_value=-1e20, max_value=1e20) | st.sampled_from([float("inf"), float("-inf")]), st.integers(0, 4), st.sampled_from(LOCALES))
@settings(max_examples=3000)
def test_any_float_is_written_as_babel_writes_it(value: float, decimals: int, locale: str) -> None:
    rounded = round(value, decimals) if abs(value) != float("inf") else value
    assert _formatted(rounded, decimals, locale) == babel(rounded, decimals, locale)


@given(st.integers(-10**9, 10**9), st.integers(0, 3), st.sampled_from(LOCALES))
def test_scores_with_few_decimals_are_written_as_babel_writes_them(hundredths: int, decimals: int, locale: str) -> None:
    value = round(hundredths / 100, decimals)
    assert _formatted(value, decimals, locale) == babel(value, decimals, locale)


@pytest.mark.parametrize(("value", "vi", "en"), [
    (1234.5, "1.234,5", "1,234.5"), (-1234.5, "-1.234,5", "-1,234.5"), (67.0, "67", "67"), (0.05, "0,05", "0.05"),
    (-0.0, "-0", "-0"), (123456789.25, "123.456.789,25", "123,456,789.25"), (1e16, "10.000.000.000.000.000", "10,000,000,000,000,000"),
    (2.675, "2,67", "2.67"), (None, "–", "–"),
])
def test_examples(value: float | None, vi: str, en: str) -> None:
    assert (number(value, lang="vi"), number(value, lang="en")) == (vi, en)
