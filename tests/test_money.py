"""Exact money: Decimal everywhere, float artifacts repaired, per-token converted exactly."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeoff.money import (
    clean_decimal,
    format_usd,
    normalize,
    per_token_to_per_mtok,
    round_significant,
)


@pytest.mark.parametrize(
    ("raw", "value", "repaired"),
    [
        (0.5700000000000001, Decimal("0.57"), True),
        (0.6, Decimal("0.6"), False),
        (2.5, Decimal("2.5"), False),
        (10, Decimal("10"), False),
        (0.08333333333333333, Decimal("0.08333333333"), True),
    ],
)
def test_clean_decimal(raw: float, value: Decimal, repaired: bool) -> None:
    assert clean_decimal(raw) == (value, repaired)


@pytest.mark.parametrize("raw", [True, None, "abc", float("nan"), float("inf")])
def test_clean_decimal_rejects_non_numbers(raw: object) -> None:
    with pytest.raises(ValueError):
        clean_decimal(raw)


@pytest.mark.parametrize(
    ("per_token", "per_mtok"),
    [("0.0000006", Decimal("0.6")), ("0.00003", Decimal("30")), (3e-06, Decimal("3"))],
)
def test_per_token_to_per_mtok(per_token: object, per_mtok: Decimal) -> None:
    assert per_token_to_per_mtok(per_token)[0] == per_mtok


@given(st.decimals(min_value=0, max_value=1000, places=4, allow_nan=False))
def test_exact_decimals_are_never_changed(value: Decimal) -> None:
    cleaned, repaired = clean_decimal(str(value))
    assert cleaned == value and not repaired


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "unpriced"),
        ("0.6", "$0.60"),
        ("1.045", "$1.045"),
        ("10", "$10.00"),
        (Decimal("1.366733333333333333"), "$1.3667"),
        ("0.000135", "$0.000135"),
        ("0.00013549", "$0.000135"),
        ("0", "$0.00"),
        # a calculator total: thousands grouped, as token counts are ("$9996.00" read alone)
        ("9996", "$9,996.00"),
        ("2500500", "$2,500,500.00"),
        (Decimal("1234.56789"), "$1,234.5679"),
        ("999.99", "$999.99"),
    ],
)
def test_format_usd(value: Decimal | str | None, text: str) -> None:
    assert format_usd(value) == text


def test_format_usd_free() -> None:
    assert format_usd("0", free=True) == "free"
    assert format_usd("0.5", free=True) == "$0.50"


def _usd_by_the_rule(text: str, free: bool) -> str:
    """format_usd's documented rule, step by step in Decimal arithmetic (the reference)."""
    amount = Decimal(text)
    if free and amount == 0:
        return "free"
    with localcontext() as context:
        context.prec = 60
        if amount != 0 and abs(amount) < Decimal("0.01"):
            amount = round_significant(amount, 3)
        else:
            amount = amount.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
        whole, _, frac = format(normalize(amount), "f").partition(".")
    sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    return f"${sign}{int(digits):,}.{frac.ljust(2, '0')}"


@given(
    st.from_regex(r"-?[0-9]{1,6}(\.[0-9]{0,7})?", fullmatch=True),
    st.booleans(),
)
def test_a_price_formats_by_the_rule(text: str, free: bool) -> None:
    # format_usd reads a plain listed price ("0.6", "1.045") without Decimal arithmetic:
    # the text must always be the rule's, from a string or a Decimal
    assert format_usd(text, free=free) == _usd_by_the_rule(text, free)
    assert format_usd(Decimal(text), free=free) == _usd_by_the_rule(text, free)


@pytest.mark.parametrize(
    "text",
    ["0", "0.0", "0.0000", "007", "10", "1.50", "0.0075", "0.00001", "1.23456", "15", "1E+1"],
)
def test_edge_prices_format_by_the_rule(text: str) -> None:
    for free in (False, True):
        assert format_usd(text, free=free) == _usd_by_the_rule(text, free)
        assert format_usd(Decimal(text), free=free) == _usd_by_the_rule(text, free)
