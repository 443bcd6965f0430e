"""Decimals as JSON-ready strings: plain digits, trailing zeros dropped, never an exponent."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeoff.money import normalize
from tradeoff.pages.jsonable import decimal_str


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("0.60", "0.6"),
        ("10", "10"),
        ("1E+1", "10"),
        ("6E-1", "0.6"),
        ("0.000", "0"),
        ("1E+30", "1" + "0" * 30),
        ("1.23456789012345678901234567890123", "1.23456789012345678901234567890123"),
    ],
)
def test_decimal_str(value: str, text: str) -> None:
    assert decimal_str(Decimal(value)) == text


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_decimal_str_is_the_normalized_value(value: Decimal) -> None:
    # the short path (Decimal.normalize in the current context) gives what money.normalize does
    assert decimal_str(value) == format(normalize(value), "f")


@pytest.mark.parametrize(
    "value", ["-0", "-0.0", "0.0", "100", "-2.50", "0.000135", "1E-7", "1.5E+2"]
)
def test_decimal_str_positional_shortcut(value: str) -> None:
    # str(Decimal) without an exponent, trailing zeros dropped: what normalize then "f" gives
    assert decimal_str(Decimal(value)) == format(normalize(Decimal(value)), "f")
