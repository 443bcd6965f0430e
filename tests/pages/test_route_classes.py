"""A route without a total per token is classed and worded alike on every page (reviewer's
findings: a partly priced route read "unpriced" on the comparison page and "partly priced" in
the calculator; ``not_per_token_sides`` listed sides priced per token; the comparison and the
calculator decided "sold in another unit" from different components)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from support.compare_helpers import PROVIDERS, model, offering

from tradeoff.compare.cost import price_offering
from tradeoff.compare.headline import Exclusion, headline_rules
from tradeoff.compare.pricing import quote
from tradeoff.compare.token_workload import Workload
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.pages.comparison.pricing import quote_base, route_price_text
from tradeoff.records import Offering, UnitPrice
from tradeoff.units import NOT_PER_TOKEN, PARTLY_PRICED

_ROUTE_KIND = {
    Exclusion.NOT_PER_TOKEN: "not_per_token",
    Exclusion.PARTLY_PRICED: "partly_priced",
    Exclusion.UNPRICED: "unpriced",
}


def _offering(inp: str | None, out: str | None, *prices: UnitPrice) -> Offering:
    o = offering("lab/a", "host", inp, out)
    return replace(o, prices=replace(o.prices, unit_prices=prices))


def _cells(o: Offering) -> tuple[str, str, str]:
    q = quote_base(quote(o, PROVIDERS["host"], DEFAULT_BLEND))
    return tuple(  # type: ignore[return-value]
        route_price_text(q, f"{side}_per_mtok") for side in ("input", "output", "blended")
    )


def test_a_partly_priced_route_reads_partly_priced_in_its_blended_cell() -> None:
    # Vercel AI Gateway's gpt-image-1-mini: input $2.00 per 1M tokens, output not sourced
    assert _cells(_offering("2", None)) == ("$2.00", "unpriced", PARTLY_PRICED)
    # a price in another unit for a third component does not make it "not per token"
    cache = UnitPrice("cache_read", "per_mtok_image", Decimal("0.25"))
    assert _cells(_offering("2", None, cache)) == ("$2.00", "unpriced", PARTLY_PRICED)


def test_not_per_token_sides_lists_only_sides_without_a_token_price() -> None:
    # Google's gemini-2.5-flash-image: text tokens priced both sides, image tokens as well
    both = (
        UnitPrice("input", "per_mtok_image", Decimal("0.3")),
        UnitPrice("output", "per_mtok_image", Decimal("30")),
    )
    priced = quote_base(quote(_offering("0.3", "2.5", *both), PROVIDERS["host"], DEFAULT_BLEND))
    assert priced["not_per_token_sides"] == []
    half = quote_base(quote(_offering("2", None, *both), PROVIDERS["host"], DEFAULT_BLEND))
    assert half["not_per_token_sides"] == ["output"]


@pytest.mark.parametrize(
    ("inp", "out", "unit_price"),
    [
        (None, None, UnitPrice("cache_read", "per_mtok_image", Decimal("0.25"))),
        (None, None, UnitPrice("request", "per_request", Decimal("0.01"))),
        ("2", None, UnitPrice("cache_read", "per_mtok_image", Decimal("0.25"))),
        ("2", None, UnitPrice("request", "per_request", Decimal("0.01"))),
        ("2", None, UnitPrice("output", "per_mtok_image", Decimal("8"))),
    ],
)
def test_the_comparison_and_the_calculator_class_a_route_alike(
    inp: str | None, out: str | None, unit_price: UnitPrice
) -> None:
    o = _offering(inp, out, unit_price)
    m = model("lab/a")
    gap = quote(o, PROVIDERS["host"], DEFAULT_BLEND).gap
    excluded = headline_rules(m, [o], PROVIDERS).exclusion(o, PROVIDERS["host"])
    line = price_offering("lab/a", o, PROVIDERS["host"], Workload(1000, 1000))
    assert gap is not None and excluded is not None
    assert gap.kind == _ROUTE_KIND[excluded[0]] == line.no_total


def test_a_route_sold_per_image_only_reads_not_per_token_in_its_blended_cell() -> None:
    cells = _cells(_offering(None, None, UnitPrice("output", "per_image", Decimal("0.039"))))
    assert cells == ("unpriced", NOT_PER_TOKEN, NOT_PER_TOKEN)


@pytest.mark.parametrize(
    ("inp", "out", "unit_prices"),
    [
        ("2", None, ()),
        (None, "8", ()),
        ("2", None, (UnitPrice("cache_read", "per_mtok_image", Decimal("0.25")),)),
        ("2", None, (UnitPrice("output", "per_mtok_image", Decimal("8")),)),
        (None, None, ()),
        (None, None, (UnitPrice("output", "per_image", Decimal("0.039")),)),
        ("2", "8", ()),
    ],
)
def test_the_blended_cell_reads_the_routes_class(
    inp: str | None, out: str | None, unit_prices: tuple[UnitPrice, ...]
) -> None:
    q = quote_base(quote(_offering(inp, out, *unit_prices), PROVIDERS["host"], DEFAULT_BLEND))
    blended = route_price_text(q, "blended_per_mtok")
    assert (blended == PARTLY_PRICED) is q["partly_priced"]
    assert (blended == NOT_PER_TOKEN) is q["not_per_token"]


def test_the_calculator_note_names_the_missing_sides_own_price_first() -> None:
    # gpt-image-1-mini at OpenAI: the output $8.00 per 1M image tokens was in "9 more"
    others = tuple(
        UnitPrice("input", "per_mpx", Decimal(f"0.03{i}"), variant=f"v{i}") for i in range(5)
    )
    output = UnitPrice("output", "per_mtok_image", Decimal("8"))
    o = _offering("2", None, UnitPrice("cache_read", "per_mtok_image", Decimal("0.25")), *others)
    o = replace(o, prices=replace(o.prices, unit_prices=(*o.prices.unit_prices, output)))
    line = price_offering("lab/a", o, PROVIDERS["host"], Workload(1000, 1000))
    assert line.note is not None
    assert line.note.startswith("output not priced per token: output $8.00 per 1M image tokens")
    assert "cache read $0.25 per 1M image tokens" in line.note  # the others still listed
