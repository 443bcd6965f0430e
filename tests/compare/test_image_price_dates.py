"""The image-output price is a fact of its own: its own source (cited and numbered on the
page wherever the route comes from) and its own date (counted in the reviewed dates)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from support.compare_helpers import PROVIDERS, model, offering

from tradeoff.compare.capabilities import model_capability_cells
from tradeoff.compare.model_side import model_side
from tradeoff.compare.pricing import ModelPricing, model_pricing
from tradeoff.compare.specs import model_spec_cells
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.records import UnitPrice

IMAGE = "image-generation"


def _side(pricing: ModelPricing) -> tuple[tuple[str | None, str | None], frozenset[str]]:
    m = model(pricing.model_id, kind=IMAGE)
    side = model_side(m, model_spec_cells(m), model_capability_cells(m), pricing)
    return side.price_dates, side.price_sources


def test_the_image_price_carries_its_own_date_and_the_reviewed_dates_count_it() -> None:
    # the route's text prices are checked 2026-01-01; its image price, from another source,
    # was checked 2025-06-01
    rate = UnitPrice("output", "per_mtok_image", Decimal("30"), checked="2025-06-01")
    sold = offering("lab/a", "host", "0.3", "2.5")
    sold = replace(
        sold,
        prices=replace(sold.prices, unit_prices=(rate,)),
        price_sources={"unit.output_per_mtok_image": "img-src"},
    )
    pricing = model_pricing(model("lab/a", kind=IMAGE), [sold], PROVIDERS, DEFAULT_BLEND)
    route = pricing.image_output
    assert route is not None
    assert route.output_per_mtok_image_dated == "checked 2025-06-01"
    assert route.dated == "checked 2026-01-01"
    dates, sources = _side(pricing)
    assert dates == ("2025-06-01", None)
    assert "img-src" in sources


def test_an_image_price_without_a_date_of_its_own_is_dated_by_its_offering() -> None:
    rate = UnitPrice("output", "per_mtok_image", Decimal("30"))
    sold = offering("lab/a", "host", "0.3", "2.5")
    sold = replace(sold, prices=replace(sold.prices, unit_prices=(rate,)))
    route = model_pricing(model("lab/a", kind=IMAGE), [sold], PROVIDERS, DEFAULT_BLEND).image_output
    assert route is not None and route.output_per_mtok_image_dated == "checked 2026-01-01"


def test_an_image_route_among_other_routes_has_its_source_numbered() -> None:
    # the image route is an offering shown as no provider row (a counted provider's other,
    # not comparable, offering): its image price's source is still one of the page's sources
    head = model_pricing(
        model("lab/a", kind=IMAGE), [offering("lab/a", "host", "1", "2")], PROVIDERS, DEFAULT_BLEND
    )
    assert head.cheapest is not None and head.image_output is None
    other = head.cheapest._replace(
        provider_model_id="lab/a-image",
        excluded_reason="a text-token reason",
        output_per_mtok_image=Decimal("20"),
        output_per_mtok_image_source="image-only-src",
        output_per_mtok_image_checked="2025-03-01",
        price_source_ids=("image-only-src",),
    )
    pricing = head._replace(other_routes=(other,))
    assert pricing.image_output == other
    dates, sources = _side(pricing)
    assert "image-only-src" in sources
    assert dates == ("2025-03-01", None)
