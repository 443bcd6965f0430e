"""Each price cell of a route says what is true of its own side (defect: fal's per-image
route read "not per token" for its input too, where fal states no input price at all)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from support.compare_helpers import PROVIDERS, model, offering

from tradeoff.compare.pricing import model_pricing, quote
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.pages.comparison.pricing import pricing_entry, quote_base, route_price_text
from tradeoff.records import UnitPrice
from tradeoff.render.provider_table import provider_sections
from tradeoff.units import NOT_PER_TOKEN


def _cells(*prices: UnitPrice) -> tuple[str, str, str]:
    o = offering("lab/a", "host", None, None)
    o = replace(o, prices=replace(o.prices, unit_prices=prices))
    q = quote_base(quote(o, PROVIDERS["host"], DEFAULT_BLEND))
    return (
        route_price_text(q, "input_per_mtok"),
        route_price_text(q, "output_per_mtok"),
        route_price_text(q, "blended_per_mtok"),
    )


def test_a_route_sold_per_image_only_leaves_its_input_unpriced() -> None:
    # fal's nano-banana: "output $0.039 per image", no input price in any unit
    cells = _cells(UnitPrice("output", "per_image", Decimal("0.039")))
    assert cells == ("unpriced", NOT_PER_TOKEN, NOT_PER_TOKEN)


def test_a_side_sold_in_another_unit_is_not_per_token() -> None:
    cells = _cells(UnitPrice("input", "per_audio_minute", Decimal("0.0023")))
    assert cells == (NOT_PER_TOKEN, "unpriced", NOT_PER_TOKEN)
    both = _cells(
        UnitPrice("input", "per_mtok_image", Decimal("8")),
        UnitPrice("output", "per_mtok_image", Decimal("32")),
    )
    assert both == (NOT_PER_TOKEN, NOT_PER_TOKEN, NOT_PER_TOKEN)


def test_the_html_provider_row_words_each_side_alone() -> None:
    # the HTML row is written from a cached tuple of the route's values: the sides too
    o = offering("lab/a", "host", None, None)
    per_image = (UnitPrice("output", "per_image", Decimal("0.039")),)
    o = replace(o, prices=replace(o.prices, unit_prices=per_image))
    p = pricing_entry(model_pricing(model("lab/a"), [o], PROVIDERS, DEFAULT_BLEND), "A", {})
    row = next(line for line in provider_sections([p], "70/30").splitlines() if "Host" in line)
    assert row.count(">unpriced<") == 1 and row.count(">not per token<") == 2
