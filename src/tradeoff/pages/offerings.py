"""An offering as pages list it (model and provider pages): prices, limits, lifecycle, source."""

from __future__ import annotations

from typing import TypedDict

from tradeoff.compare.headline import HeadlineRules, headline_rules, quantization_of, sells_per_use
from tradeoff.compare.pricing import Quote, in_route_order, is_live, provider_of, quote
from tradeoff.compare.route_gap import not_per_token_sides, sold_components
from tradeoff.compare.wording import (
    lifecycle_text,
    not_per_token_text,
    side_price_text,
    unit_price_text,
)
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.queries import Catalog
from tradeoff.kinds import has_output_price
from tradeoff.pages.jsonable import decimal_text
from tradeoff.pages.memo import per_catalog
from tradeoff.records import Model, Offering, Prices
from tradeoff.units import unit_label


class TierEntry(TypedDict):
    """Prices that apply once a request's input exceeds a size."""

    above_input_tokens: int
    input_per_mtok: str | None
    output_per_mtok: str | None
    cache_read_per_mtok: str | None
    cache_write_per_mtok: str | None


class UnitPriceEntry(TypedDict):
    """A price sold in another unit than text tokens; ``key`` names its unit
    (``input_per_audio_minute``), ``text`` says it ("input $0.0023 per minute of audio");
    ``usd`` None: billed in that unit at a price the catalog does not hold (never $0)."""

    key: str
    component: str
    unit: str
    unit_label: str
    variant: str | None
    usd: str | None
    text: str


class PricesEntry(TypedDict):
    """An offering's prices: the ``*_per_mtok`` keys are USD per 1M text tokens as decimal
    strings (None is unpriced); ``unit_prices`` are the prices sold in any other unit."""

    input_per_mtok: str | None
    output_per_mtok: str | None
    cache_read_per_mtok: str | None
    cache_write_per_mtok: str | None
    reasoning_per_mtok: str | None
    batch_input_per_mtok: str | None
    batch_output_per_mtok: str | None
    flex_input_per_mtok: str | None
    flex_output_per_mtok: str | None
    priority_input_per_mtok: str | None
    priority_output_per_mtok: str | None
    free: bool
    tiers: list[TierEntry]
    unit_prices: list[UnitPriceEntry]
    # "not priced per token: input $0.0023 per minute of audio" when only other units are
    # stated, else None
    not_per_token: str | None
    # the sides without a token price that are sold in another unit: their cells read "not per
    # token", the comparison's rule (``compare.route_gap.not_per_token_sides``)
    not_per_token_sides: list[str]


class PricePointEntry(TypedDict):
    """One dated price of an offering."""

    effective: str
    input_per_mtok: str | None
    output_per_mtok: str | None
    source_id: str


class OfferingEntry(TypedDict):
    """One offering: who serves the model under which id, at what price, checked when."""

    provider: str
    provider_name: str
    provider_kind: str
    provider_status: str
    live: bool
    sells_per_use: bool  # the provider's kind sells API access per use (counts as availability)
    provider_model_id: str
    prices: PricesEntry
    priced: bool
    context_tokens: int | None
    max_output_tokens: int | None
    quantization: str | None  # served precision (compare.headline.quantization_of)
    headline_excluded_reason: str | None  # why it is not a comparable (headline) price
    # False: the model's kind has no output tokens (an embedding): output "not applicable"
    output_applicable: bool
    lifecycle: str  # preview | ga | deprecated | retired
    deprecated_on: str | None
    retired_on: str | None  # past: retired on; ahead: the retirement the provider scheduled
    successor: str | None  # the provider's id of the replacement its notice names
    lifecycle_text: str  # the stage with its dates (compare.wording.lifecycle_text)
    link: str | None
    source: str
    source_url: str | None
    checked: str
    date_kind: str  # "checked" (a review date) or "as_of" (a dataset snapshot's date)
    dated: str  # "checked 2026-06-09" / "as of 2026-07-02 (models.dev)"
    price_sources: dict[str, str]
    disputed_fields: list[str]
    history: list[PricePointEntry]


def prices_entry(p: Prices) -> PricesEntry:
    """Prices as decimal strings."""
    return PricesEntry(
        input_per_mtok=decimal_text(p.input_per_mtok),
        output_per_mtok=decimal_text(p.output_per_mtok),
        cache_read_per_mtok=decimal_text(p.cache_read_per_mtok),
        cache_write_per_mtok=decimal_text(p.cache_write_per_mtok),
        reasoning_per_mtok=decimal_text(p.reasoning_per_mtok),
        batch_input_per_mtok=decimal_text(p.batch_input_per_mtok),
        batch_output_per_mtok=decimal_text(p.batch_output_per_mtok),
        flex_input_per_mtok=decimal_text(p.flex_input_per_mtok),
        flex_output_per_mtok=decimal_text(p.flex_output_per_mtok),
        priority_input_per_mtok=decimal_text(p.priority_input_per_mtok),
        priority_output_per_mtok=decimal_text(p.priority_output_per_mtok),
        free=p.free,
        tiers=[
            TierEntry(
                above_input_tokens=t.above_input_tokens,
                input_per_mtok=decimal_text(t.input_per_mtok),
                output_per_mtok=decimal_text(t.output_per_mtok),
                cache_read_per_mtok=decimal_text(t.cache_read_per_mtok),
                cache_write_per_mtok=decimal_text(t.cache_write_per_mtok),
            )
            for t in p.tiers
        ],
        unit_prices=[
            UnitPriceEntry(
                key=u.key,
                component=u.component,
                unit=u.unit,
                unit_label=unit_label(u.unit),
                variant=u.variant,
                usd=decimal_text(u.usd),
                text=unit_price_text(u),
            )
            for u in p.unit_prices
        ],
        not_per_token=not_per_token_text(p) if p.unit_prices and not p.token_priced else None,
        not_per_token_sides=list(
            not_per_token_sides(
                p.input_per_mtok,
                p.output_per_mtok,
                sold_components(u.component for u in p.unit_prices),
                p.free,
            )
        ),
    )


def price_cell_text(prices: PricesEntry, key: str) -> str:
    """An offering's input or output cell (``key``: ``input_per_mtok`` / ``output_per_mtok``)
    for people, in every format, as a comparison's route cell says it (``route_price_text``):
    "free", the price, "not per token" for a side sold in another unit, else "unpriced"."""
    if prices["free"]:
        return "free"
    value: str | None = prices[key]  # type: ignore[literal-required]
    return side_price_text(value, key.removesuffix("_per_mtok"), prices["not_per_token_sides"])


@per_catalog
def _known_rules(catalog: Catalog) -> dict[str, HeadlineRules | None]:
    return {}  # filled model by model: a page reads only the models it shows


def _rules_of(catalog: Catalog, model_id: str) -> HeadlineRules | None:
    known = _known_rules(catalog)
    if model_id not in known:
        model = catalog.models_of([model_id]).get(model_id)
        known[model_id] = (
            None
            if model is None
            else headline_rules(model, catalog.offerings_for(model_id), catalog.providers)
        )
    return known[model_id]


def headline_reason(offering: Offering, catalog: Catalog) -> str | None:
    """Why an offering is not a comparable (headline) price of its model, as the comparison
    says it (``compare.headline``); None when it is one, or when it is linked to no model."""
    rules = _rules_of(catalog, offering.model_id) if offering.model_id else None
    if rules is None:
        return None
    return rules.reason(offering, provider_of(offering, catalog.providers))


def in_page_order(
    model: Model, offerings: list[Offering], catalog: Catalog
) -> list[tuple[Offering, Quote | None]]:
    """A model's offerings in the order of the comparison's routes tables
    (``compare.pricing.route_order``, at the default blend): the headline route, the other
    comparable routes, those that are not comparable by their reason's kind; then those not
    sold per use (local runtimes, plans), then those that are not availability (defunct
    provider, retired offering), each by provider name. A reader takes the first row for the
    price, as the page's price box states it. Each live per-use offering comes with its
    route (``offering_entry`` reads its reason from it rather than judging it again)."""
    rules = _rules_of(catalog, model.id)
    has_output = has_output_price(model.kind.value)
    routes: dict[int, Offering] = {}  # by id() of its quote: in_route_order sorts the quotes
    quotes: list[Quote] = []
    apart: list[Offering] = []
    gone: list[Offering] = []
    for offering in offerings:
        provider = provider_of(offering, catalog.providers)
        if not is_live(offering, provider):
            gone.append(offering)
        elif not sells_per_use(provider):
            apart.append(offering)
        else:
            q = quote(offering, provider, DEFAULT_BLEND, rules=rules, has_output=has_output)
            routes[id(q)] = offering
            quotes.append(q)

    def by_name(o: Offering) -> tuple[str, str]:
        return provider_of(o, catalog.providers).name.lower(), o.provider_model_id

    _, ordered = in_route_order(quotes)
    rest = sorted(apart, key=by_name) + sorted(gone, key=by_name)
    return [(routes[id(q)], q) for q in ordered] + [(o, None) for o in rest]


def _kind_of(offering: Offering, catalog: Catalog) -> str | None:
    model = (
        catalog.models_of([offering.model_id]).get(offering.model_id) if offering.model_id else None
    )
    return model.kind.value if model else None


def offering_entry(
    offering: Offering, catalog: Catalog, route: Quote | None = None
) -> OfferingEntry:
    """One offering, JSON-ready; ``route``: the offering priced as a route of its model
    (``in_page_order``), whose reason it reuses."""
    provider = catalog.providers.get(offering.provider_id)
    return OfferingEntry(
        provider=offering.provider_id,
        provider_name=provider.name if provider else offering.provider_id,
        provider_kind=provider.kind if provider else "unknown",
        # Not in the provider registry: nothing says it is defunct (compare.pricing.is_live).
        provider_status=provider.status if provider else "active",
        live=is_live(offering, provider),
        sells_per_use=sells_per_use(provider_of(offering, catalog.providers)),
        provider_model_id=offering.provider_model_id,
        prices=prices_entry(offering.prices),
        priced=offering.prices.priced,
        context_tokens=offering.context_tokens,
        max_output_tokens=offering.max_output_tokens,
        quantization=quantization_of(offering) if route is None else route.quantization,
        headline_excluded_reason=headline_reason(offering, catalog)
        if route is None
        else route.excluded_reason,
        output_applicable=has_output_price(_kind_of(offering, catalog)),
        lifecycle=offering.lifecycle,
        deprecated_on=offering.deprecated_on,
        retired_on=offering.retired_on,
        successor=offering.successor,
        lifecycle_text=lifecycle_text(
            offering.lifecycle, offering.deprecated_on, offering.retired_on
        ),
        link=offering.link,
        source=offering.dated_by,  # the source its date ("dated") is of
        source_url=offering.source_url,
        checked=offering.checked,
        date_kind=offering.date_kind,
        dated=offering.dated,
        price_sources=dict(offering.price_sources),
        disputed_fields=list(offering.disputed_fields),
        history=[
            PricePointEntry(
                effective=p.effective,
                input_per_mtok=decimal_text(p.input_per_mtok),
                output_per_mtok=decimal_text(p.output_per_mtok),
                source_id=p.source_id,
            )
            for p in offering.history
        ],
    )
