"""A model page's first screen: its headline and first-party price and who serves it.

The routes are the comparison engine's own (``compare.pricing.model_pricing`` at the default
blend, over the same catalog view a comparison reads), so a model page and every comparison
of that model state the same headline route and price.
"""

from __future__ import annotations

from typing import TypedDict

from tradeoff.compare.first_party import NO_LAB_PRICE
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison.pricing import (
    NO_HEADLINE,
    NO_ROUTE,
    ProviderRef,
    QuoteEntry,
    quote_entry,
    route_price_text,
)
from tradeoff.pages.view import compare_view
from tradeoff.records import Model

SHOWN_PROVIDERS = 8  # names listed in the first screen; the rest are counted


class RouteGlance(TypedDict):
    """A route as the first screen states it."""

    route: QuoteEntry | None
    price: str  # the blended (or input-only) price as every page prints it, or why none
    input: str
    output: str


class ModelGlance(TypedDict):
    """Headline and first-party route, and the active providers selling per use."""

    blend: str  # "70/30": the blend the prices are stated at
    headline: RouteGlance
    first_party: RouteGlance
    providers: list[ProviderRef]  # one per company, headline route first (the comparison's rows)
    provider_count: int
    more_providers: int  # providers not named in the first screen


def _route(q: QuoteEntry | None, missing: str) -> RouteGlance:
    if q is None:
        return RouteGlance(route=None, price=missing, input="", output="")
    return RouteGlance(
        route=q,
        price=route_price_text(q, "blended_per_mtok"),
        input=route_price_text(q, "input_per_mtok"),
        output=route_price_text(q, "output_per_mtok"),
    )


def model_glance(catalog: Catalog, model: Model) -> ModelGlance:
    """The model page's price box, from the comparison engine's pricing of the model."""
    view = compare_view(catalog, [model])  # this model's offerings, not the whole catalog
    p = model_pricing(model, view.offerings.get(model.id, ()), view.providers, DEFAULT_BLEND)
    cheapest = None if p.cheapest is None else quote_entry(p.cheapest, {})
    first = None if p.first_party is None else quote_entry(p.first_party, {})
    providers = [ProviderRef(id=q.provider_id, name=q.provider_name) for q in p.providers]
    return ModelGlance(
        blend=DEFAULT_BLEND.label,
        headline=_route(cheapest, NO_HEADLINE if p.providers else NO_ROUTE),
        # why there is none, as every comparison of the model says it (compare.first_party)
        first_party=_route(first, p.first_party_missing or NO_LAB_PRICE),
        providers=providers[:SHOWN_PROVIDERS],
        provider_count=p.provider_count,
        more_providers=max(0, len(providers) - SHOWN_PROVIDERS),
    )
