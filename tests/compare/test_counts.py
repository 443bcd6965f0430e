"""The one count parser (web forms, /api/v1/cost, CLI `cost`): round-trips and refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeoff.compare.workload import MAX_COUNT, parse_count
from tradeoff.errors import UsageError

counts = st.integers(min_value=0, max_value=MAX_COUNT - 1)


def with_suffix(n: int, unit: int, suffix: str) -> str:
    """``n`` written as a decimal of ``unit`` with its suffix: 1500000 → "1.5M"."""
    text = format((Decimal(n) / unit).normalize(), "f")
    return f"{text}{suffix}"


@given(counts)
def test_plain_and_grouped_counts_round_trip(n: int) -> None:
    assert parse_count("input_tokens", str(n)) == n
    assert parse_count("input_tokens", f"{n:,}") == n
    assert parse_count("input_tokens", f"{n:_}") == n
    assert parse_count("input_tokens", f"  {n}  ") == n


@given(counts, st.sampled_from([(10**3, "k"), (10**6, "M"), (10**9, "B"), (10**6, "m")]))
def test_suffixed_counts_round_trip(n: int, unit_suffix: tuple[int, str]) -> None:
    unit, suffix = unit_suffix
    assert parse_count("output_tokens", with_suffix(n, unit, suffix)) == n
    assert parse_count("output_tokens", with_suffix(n, unit, " " + suffix)) == n


@pytest.mark.parametrize(
    ("text", "n"),
    [("100k", 100_000), ("1.5M", 1_500_000), ("1,000", 1000), ("2B", 2 * 10**9), (".5k", 500)],
)
def test_the_spellings_people_type(text: str, n: int) -> None:
    assert parse_count("input_tokens", text) == n


@pytest.mark.parametrize(
    "text",
    [
        "0,5",
        "1,5",
        "1,00",
        "10,0000",
        "1.5",
        "1.2345k",
        "-5",
        "+5",
        "1e9",
        "many",
        "k",
        "",
        "1,000,00",
        "1__000",
        "٣",
        "²",
        "1" + "0" * 15,
        "1000T",
        "1.5 MM",
    ],
)
def test_refusals_name_the_field(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_count("input_tokens", text)
    assert caught.value.field == "input_tokens"
    assert caught.value.message.startswith("input_tokens must be")


def test_a_decimal_comma_says_so() -> None:
    with pytest.raises(UsageError, match="decimal comma"):
        parse_count("cached_tokens", "0,5")


@given(st.text(max_size=30))
def test_any_text_is_a_count_or_a_message(text: str) -> None:
    try:
        n = parse_count("requests", text)
    except UsageError as exc:
        assert "requests" in exc.message
    else:
        assert 0 <= n < MAX_COUNT
