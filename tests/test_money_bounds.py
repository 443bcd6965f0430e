"""Money formatting never overflows: a calculator total can exceed Decimal's 28 digits."""

from __future__ import annotations

from decimal import Decimal

from tradeoff.money import format_usd


def test_format_usd_of_a_huge_total_does_not_overflow() -> None:
    """10^15 requests x 10^15 tokens at a dollar per 1M tokens is a 25-digit total; more
    than 28 digits once the four decimals are added (quantize raised InvalidOperation)."""
    assert format_usd(Decimal(10) ** 30) == "$1" + ",000" * 10 + ".00"
    assert format_usd(Decimal("123456789012345678901234567890.5")) == (
        "$123,456,789,012,345,678,901,234,567,890.50"
    )
    assert format_usd(Decimal("999999999999999999999999.99995")) == ("$1" + ",000" * 8 + ".00")
