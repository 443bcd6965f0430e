"""The output price per 1M image tokens of one offering: what an image model's image costs.

A module of its own, free of the comparison's other imports, so ``compare.pricing`` can read
it on the cold path (docs/units.md: a price is compared only within its unit)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from tradeoff.records import (
        Prices,
        UnitPrice,
    )  # annotations only: the md path loads no dataclasses

IMAGE_TOKENS: Final = "per_mtok_image"  # units.UNITS: USD per 1M image tokens
# its ``units.price_key``: the JSON key, and ``Offering.price_sources["unit.<key>"]`` cites it
IMAGE_OUTPUT_KEY: Final = f"output_{IMAGE_TOKENS}"


def image_output_rate(prices: Prices) -> Decimal | None:
    """The offering's output price per 1M image tokens, when it states one for every size
    (no variant); None otherwise. Per-image prices are another unit and are never read as it."""
    price = image_output_price(prices)
    return None if price is None else price.usd


def image_output_price(prices: Prices) -> UnitPrice | None:
    """The unit price ``image_output_rate`` reads (with its own date), or None."""
    rated = [
        u
        for u in prices.unit_prices
        if u.component == "output" and u.unit == IMAGE_TOKENS and u.variant is None
        if u.usd is not None
    ]
    return min(rated, key=lambda u: u.usd or 0) if rated else None
