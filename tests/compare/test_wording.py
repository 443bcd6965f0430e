"""Relative wording computed from the numbers: percentages, ratios, ties, lists, money."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeoff.compare import wording as w
from tradeoff.offering_records import Prices, UnitPrice
from tradeoff.render.markdown import tokens as md_tokens


@pytest.mark.parametrize(
    ("low", "high", "pct", "ratio"),
    [("0.3", "0.6", 50, "2.0"), ("0.67", "0.9", 26, "1.3"), ("1", "10", 90, "10.0")],
)
def test_relative_wording(low: str, high: str, pct: int, ratio: str) -> None:
    assert w.percent_less(Decimal(low), Decimal(high)) == f"{pct}%"
    assert str(w.ratio(Decimal(high), Decimal(low))) == ratio


@pytest.mark.parametrize(
    ("high", "low", "text"),
    [
        # 131,072 vs 128,000 tokens: 2.4% larger, never "1.0× as large"
        ("131072", "128000", "2% larger"),
        ("1.02", "1", "2% larger"),
        ("1.004", "1", "0.4% larger"),
        ("1.0999", "1", "10% larger"),
        ("1.1", "1", "1.1× as large"),
        ("4.7481", "0.67", "7.1× as large"),
        ("2", "2", "the same"),
    ],
)
def test_relative_size_never_rounds_a_difference_away(high: str, low: str, text: str) -> None:
    assert w.relative(Decimal(high), Decimal(low), "larger", "as large") == text


@pytest.mark.parametrize(
    ("share", "text"),
    [
        ("0", "0%"),
        ("0.38", "38%"),
        ("0.735", "74%"),
        ("0.004", "0.4%"),
        ("0.0004", "0.04%"),
        ("0.00045", "0.05%"),
        ("0.996", "99.6%"),
        ("0.99999", "99.999%"),
        ("1", "100%"),
    ],
)
def test_percent_text_says_zero_and_all_only_when_they_are(share: str, text: str) -> None:
    assert w.percent_text(Decimal(share)) == text


@pytest.mark.parametrize(
    ("share", "text"),
    [
        # LLM Gateway's Qwen3-235B-A22B rise read "+189.4736842105263157894736842% blended"
        (str(Decimal("0.95") / Decimal("0.50") - 1), "90%"),
        (str(Decimal("1.445") / Decimal("0.50") - 1), "189%"),
        ("1.8947368421052631578947368421", "189%"),
        ("1.003", "100.3%"),
        ("2", "200%"),
    ],
)
def test_a_share_above_all_is_a_whole_percent(share: str, text: str) -> None:
    assert w.percent_text(Decimal(share)) == text


@given(
    st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(10**6), places=4),
    st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(10**6), places=4),
)
def test_relative_wording_is_never_a_rounded_away_difference(a: Decimal, b: Decimal) -> None:
    high, low = max(a, b), min(a, b)
    text = w.relative(high, low, "more", "as much")
    assert (text == "the same") == (high == low)
    assert not text.startswith(("1.0×", "0%")), text
    assert text.endswith(("more", "as much", "the same"))
    less = w.percent_less(low, high)
    assert (less == "0%") == (high == low) and (less == "100%") == (low == 0)


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
        (131_072, "131K"),  # decimal, as 131,000 is: never "128K" beside it
        (131_000, "131K"),
        (128_000, "128K"),
        (65_536, "65.5K"),
        (1_048_576, "1.05M"),
        (1_047_576, "1.05M"),
        (1_000_000, "1M"),
        (1_500_000, "1.5M"),
        (16_384, "16.4K"),
        (8_191, "8.19K"),
        (999_999, "1M"),  # rounds up into millions: "1M", never "1000K"
        (1_000, "1K"),
    ],
)
def test_one_short_token_form_for_every_format(n: int, short: str) -> None:
    assert w.short_tokens(n) == short
    assert md_tokens(n) == f"{n:,} ({short})"


@pytest.mark.parametrize("n", [0, 1, 512, 999])
def test_a_count_below_a_thousand_is_written_in_full(n: int) -> None:
    assert w.short_tokens(n) == f"{n:,}"
    assert md_tokens(n) == f"{n:,}"


def _short_value(short: str) -> Decimal:
    """The count a short form reads as: "131K" → 131,000; "1.05M" → 1,050,000; "512" → 512."""
    scale = {"K": 1000, "M": 1000**2}.get(short[-1])
    if scale is None:
        return Decimal(short.replace(",", ""))
    return Decimal(short[:-1]) * scale


# any count, and the whole thousands and whole 1,024s that context windows mostly are
counts = st.one_of(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=10**6).map(lambda k: k * 1000),
    st.integers(min_value=0, max_value=10**6).map(lambda k: k * 1024),
)


# a whole number of 1,024s and a whole number of thousands near it (131,072 and 131,000)
near_pairs = st.builds(
    lambda k, d: (k * 1024, max(0, (k * 1024 + d) // 1000 * 1000)),
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=-5000, max_value=5000),
)


@given(st.one_of(st.tuples(counts, counts), near_pairs))
def test_short_token_forms_never_order_inversely_to_the_counts(pair: tuple[int, int]) -> None:
    # 131,000 read "131K" beside 131,072's binary "128K": the smaller count, the larger short
    # form. Whatever two counts a page shows, their short forms keep the counts' order.
    low, high = sorted(pair)
    assert _short_value(w.short_tokens(low)) <= _short_value(w.short_tokens(high))


@given(counts)
def test_a_short_token_form_is_the_count_to_three_significant_figures(n: int) -> None:
    value = _short_value(w.short_tokens(n))
    assert abs(value - n) <= Decimal(n) * Decimal("0.005"), w.short_tokens(n)


@pytest.mark.parametrize(
    ("score", "unit", "text"),
    [
        ("8.3", "%", "8.3%"),
        ("8.39", "0-10", "8.39 / 10"),  # a 0–10 scale, not "8.39 0-10"
        ("1418", "Elo", "1418 Elo"),
        ("113.304", "minutes", "113.304 minutes"),
        ("57.3", "points", "57.3 points"),
        ("0.5", "", "0.5"),
    ],
)
def test_a_score_reads_as_a_person_writes_it(score: str, unit: str, text: str) -> None:
    assert w.score_text(score, unit) == text
    assert w.score_text(Decimal(score), unit) == text


def test_the_unit_of_a_set_of_scores_in_words() -> None:
    assert w.unit_words("%") == "in %"
    assert w.unit_words("0-10") == "on the 0-10 scale"
    assert w.unit_words("Elo") == "in Elo"
    assert w.unit_words("") == "in their unit"


def _gpt_image_1_mini_at_openai() -> Prices:
    """OpenAI's gpt-image-1-mini: text input per token, image output per 1M image tokens, and
    a price per generated image for each quality and size (LiteLLM)."""
    per_image = [
        UnitPrice("output", "per_image", Decimal(usd), variant=variant)
        for usd, variant in [
            ("0.005", "low, 1024x1024"),
            ("0.006", "low, 1024x1536"),
            ("0.006", "low, 1536x1024"),
            ("0.011", "medium, 1024x1024"),
            ("0.015", "medium, 1024x1536"),
            ("0.015", "medium, 1536x1024"),
        ]
    ]
    return Prices(
        input_per_mtok=Decimal("2"),
        unit_prices=(
            UnitPrice("cache_read", "per_mtok_image", Decimal("0.25")),
            UnitPrice("input", "per_mtok_image", Decimal("2.5")),
            *per_image,
            UnitPrice("output", "per_mtok_image", Decimal("8")),
        ),
    )


def test_a_side_sold_in_other_units_names_each_unit_the_token_rate_first() -> None:
    # the per-1M-image-token rate was cut off by three of six per-image sizes: never again
    text = w.side_not_per_token_text(_gpt_image_1_mini_at_openai(), "output")
    assert text == (
        "output not priced per token: output $8.00 per 1M image tokens; "
        "output $0.005 to $0.015 per image (6 variants)"
    )


def test_other_unit_prices_are_summarised_by_unit_and_the_rest_counted() -> None:
    text = w.unit_prices_text(_gpt_image_1_mini_at_openai(), limit=2)
    assert text == ("cache read $0.25 per 1M image tokens; input $2.50 per 1M image tokens; 2 more")
    one_price = Prices(
        unit_prices=(
            UnitPrice("output", "per_image", Decimal("0.04"), variant="1K"),
            UnitPrice("output", "per_image", Decimal("0.04"), variant="2K"),
        )
    )
    assert w.unit_prices_text(one_price) == "output $0.04 per image (2 variants)"
    billed = Prices(unit_prices=(UnitPrice("input", "per_character", None),))
    assert w.unit_prices_text(billed) == ("input billed per character (price not in the catalog)")
