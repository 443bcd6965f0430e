"""Relative wording computed from the numbers: percentages, ratios, ties, lists, money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tradeoff.compare import wording as w
from tradeoff.render.markdown import tokens as md_tokens


@pytest.mark.parametrize(
    ("low", "high", "pct", "ratio"),
    [("0.3", "0.6", 50, "2.0"), ("0.67", "0.9", 26, "1.3"), ("1", "10", 90, "10.0")],
)
def test_relative_wording(low: str, high: str, pct: int, ratio: str) -> None:
    assert w.percent_less(Decimal(low), Decimal(high)) == pct
    assert str(w.ratio(Decimal(high), Decimal(low))) == ratio


@pytest.mark.parametrize(
    ("a", "b", "tie"), [("1", "1.01", True), ("1", "1.0102", False), ("0", "0", True)]
)
def test_tie_within_one_percent(a: str, b: str, tie: bool) -> None:
    assert w.is_tie(Decimal(a), Decimal(b)) is tie


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")],
)
def test_join(items: list[str], text: str) -> None:
    assert w.join(items) == text


def test_count_plural() -> None:
    assert (
        w.count(1, "provider"),
        w.count(0, "provider"),
        w.count(3, "capability", "capabilities"),
    ) == (
        "1 provider",
        "0 providers",
        "3 capabilities",
    )


def test_usd_never_float_formatted() -> None:
    assert [w.usd(Decimal(x)) for x in ("0.6", "1.045", "0.0375", "3")] == [
        "$0.60",
        "$1.045",
        "$0.0375",
        "$3.00",
    ]


def test_whole_percent_rounds_half_up() -> None:
    assert w.whole_percent(Decimal("0.745")) == 75
    assert w.whole_percent(Decimal("0.725")) == 73


@pytest.mark.parametrize(
    ("n", "short"),
    [
        (131_072, "128K"),
        (128_000, "128K"),
        (65_536, "64K"),
        (1_048_576, "1M"),
        (1_000_000, "1M"),
        (1_500_000, "1.5M"),
        (1_500, "1.5K"),
    ],
)
def test_one_short_token_form_for_every_format(n: int, short: str) -> None:
    assert w.short_tokens(n) == short
    assert md_tokens(n) == f"{n:,} ({short})"
