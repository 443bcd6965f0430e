"""The output price per 1M image tokens of one offering: what an image model's image costs.

A module of its own, free of the comparison's other imports, so ``compare.pricing`` can read
it on the cold path (docs/units.md: a price is compared only within its unit)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tradeoff.records import (
        Prices,
        UnitPrice,
    )  # annotations only: the md path loads no dataclasses

IMAGE_TOKENS: Final = "per_mtok_image"  # units.UNITS: USD per 1M image tokens
# its ``units.price_key``: the JSON key, and ``Offering.price_sources["unit.<key>"]`` cites it
IMAGE_OUTPUT_KEY: Final = f"output_{IMAGE_TOKENS}"


def image_output_price(prices: Prices) -> UnitPrice | None:
    """The offering's output price per 1M image tokens (with its own date), when it states one
    for every size (no variant); None otherwise. Per-image prices are another unit and are
    never read as it."""
    rated = [
        u
        for u in prices.unit_prices
        if u.component == "output" and u.unit == IMAGE_TOKENS and u.variant is None
        if u.usd is not None
    ]
    return min(rated, key=lambda u: u.usd or 0) if rated else None


class RatedRoute(Protocol):
    """What ``image_route`` reads of a route (``compare.pricing.Quote``, which imports this
    module)."""

    @property
    def provider_id(self) -> str: ...
    @property
    def provider_kind(self) -> str: ...
    @property
    def provider_name(self) -> str: ...
    @property
    def provider_model_id(self) -> str: ...
    @property
    def output_per_mtok_image(self) -> Decimal | None: ...
    @property
    def image_excluded_reason(self) -> str | None: ...


Route = TypeVar("Route", bound=RatedRoute)


def image_route(head: RatedRoute | None, routes: Iterable[Route]) -> Route | None:
    """The route with the lowest comparable output price per 1M image tokens (the headline
    rules but those about text tokens: ``HeadlineRules.image_reason``) of a model's live routes
    and its other non-comparable offerings; at equal rates the headline route (``head``), then
    a first-party API, then by name. None: no route states a comparable one
    (``compare.image_output``)."""
    rated = [
        q for q in routes if q.output_per_mtok_image is not None and q.image_excluded_reason is None
    ]

    def order(q: Route) -> tuple[Decimal, bool, bool, str, str]:
        assert q.output_per_mtok_image is not None
        other = head is None or q.provider_id != head.provider_id
        third_party = q.provider_kind != "first-party"
        name = q.provider_name.lower()
        return (q.output_per_mtok_image, other, third_party, name, q.provider_model_id)

    return min(rated, key=order, default=None)
