"""Workloads and blends: parsing, parameters named in errors, the blended price's bounds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeoff.compare.token_workload import Workload
from tradeoff.compare.workload import DEFAULT_BLEND, blend_of, parse_blend_parts
from tradeoff.errors import UsageError


@pytest.mark.parametrize("text", ["abc", "70", "70:", ":30", "-1:30", "70:30:10", "0:0", "1000:1"])
def test_bad_blend_names_parameter(text: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_blend_parts(text)
    assert info.value.field == "--blend"


def test_blend_parsing() -> None:
    assert parse_blend_parts("70:30") == (70, 30)
    assert blend_of(*parse_blend_parts("70:30")) == DEFAULT_BLEND
    assert blend_of(*parse_blend_parts("1/1")).input_share == Decimal("0.5")
    third = blend_of(1, 2)
    assert third.input_share + third.output_share == 1


@pytest.mark.parametrize("field", ["input_tokens", "output_tokens", "cached_tokens", "requests"])
def test_negative_tokens_name_parameter(field: str) -> None:
    args = {"input_tokens": 10, "output_tokens": 10, "cached_tokens": 0, "requests": 1}
    args[field] = -1
    with pytest.raises(UsageError) as info:
        Workload(**args)
    assert info.value.field == "--" + field.replace("_", "-")


prices = st.decimals(min_value=0, max_value=1000, places=4, allow_nan=False, allow_infinity=False)


@given(inp=prices, out=prices, parts=st.tuples(st.integers(0, 100), st.integers(0, 100)))
def test_blended_price_lies_between_input_and_output(
    inp: Decimal, out: Decimal, parts: tuple[int, int]
) -> None:
    if parts == (0, 0):
        return
    blended = blend_of(*parts).price(inp, out)
    assert min(inp, out) <= blended <= max(inp, out)


@pytest.mark.parametrize("text", ["٣:1", "70:３0"])
def test_a_blend_is_written_in_ascii_digits(text: str) -> None:
    with pytest.raises(UsageError):
        parse_blend_parts(text)


@given(st.integers(0, 999), st.integers(0, 999))
def test_the_default_blends_label_is_the_label_of_its_shares(a: int, b: int) -> None:
    # DEFAULT_BLEND's label is written once; any blend, the default's equal included, is
    # labelled from its shares
    assert DEFAULT_BLEND.label == blend_of(70, 30).label == blend_of(7, 3).label == "70/30"
    if a + b:
        blend = blend_of(a, b)
        assert blend.label == blend_of(a * 2, b * 2).label
