"""Price a token workload on every offering: tiers, cache reads, cheapest route first.

A context tier applies to the whole request once its input exceeds ``above_input_tokens``
(the pricing cliff providers document), so the tier is chosen per request, then the request
cost is multiplied by the number of requests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from decimal import Context, Decimal, localcontext

from tradeoff.compare.headline import headline_rules, sells_per_use
from tradeoff.compare.pricing import is_live, provider_of
from tradeoff.compare.route_gap import missing_sides, partly_priced_text, route_gap, sold_components
from tradeoff.compare.token_workload import Workload
from tradeoff.compare.wording import (
    join,
    side_not_per_token_text,
    unit_price_summaries,
    unit_prices_text,
)
from tradeoff.compare.workload import MAX_COUNT_DIGITS
from tradeoff.kinds import has_output_price
from tradeoff.money import PER_MTOK
from tradeoff.records import Model, Offering, Prices, PriceTier, Provider
from tradeoff.units import NOT_PER_TOKEN_ROUTE, PARTLY_PRICED_ROUTE, UNPRICED_ROUTE


@dataclass(frozen=True)
class CostLine:
    """One offering priced for a workload; ``total_usd`` None means unpriced, never $0."""

    model_id: str
    provider_id: str
    provider_name: str
    provider_model_id: str
    input_per_mtok: Decimal | None  # the rates applied (after a context tier, if any)
    output_per_mtok: Decimal | None
    cache_read_per_mtok: Decimal | None
    input_usd: Decimal | None
    cached_usd: Decimal | None
    output_usd: Decimal | None
    total_usd: Decimal | None
    tier_above_input_tokens: int | None  # the context tier applied, if any
    cache_priced_as_input: bool  # no cache-read price sourced: cached tokens billed as input
    free: bool
    fits_context: bool | None  # input + output within the served context; None if unknown
    lifecycle: str
    source_id: str  # the source ``checked`` is a date of (``Offering.dated_by``)
    checked: str
    cited_sources: frozenset[str] = frozenset()  # every source of a value shown (attribution)
    note: str | None = None
    excluded_reason: str | None = None  # why it is not a comparable price (compare.headline)
    as_of: str | None = None  # the dataset whose snapshot date ``checked`` is; None: reviewed
    # False: the model's kind has no output tokens (an embedding): its output is not
    # applicable (no rate, no cost — never $0) and the total is input and cached tokens
    output_applicable: bool = True
    # Why there is no total (``route_gap``, the rule the comparison lists routes by):
    # ``UNPRICED_ROUTE`` (no price in any unit), ``PARTLY_PRICED_ROUTE`` (a side priced per
    # token, the other stated in no unit), ``NOT_PER_TOKEN_ROUTE`` (a side sold in another
    # unit: per image token, billed per character; or only other units, as fal per image).
    # None: it has a total (a workload that leaves the missing side unused has one).
    no_total: str | None = None
    unpriced: bool = False  # no_total == UNPRICED_ROUTE
    # Why a side has no rate per 1M tokens (``pricing.NOT_PER_TOKEN_ROUTE``: sold in another
    # unit; ``pricing.UNPRICED_ROUTE``: no price in any unit); None: it has one (or no output)
    input_missing: str | None = None
    output_missing: str | None = None


def _tier(offering: Offering, input_tokens: int) -> PriceTier | None:
    above = [t for t in offering.prices.tiers if input_tokens > t.above_input_tokens]
    return max(above, key=lambda t: t.above_input_tokens, default=None)


_NAMED = 3  # other-unit prices a note names before "N more" (``wording.unit_prices_text``)


def _exact(*rates: Decimal | None) -> AbstractContextManager[Context]:
    """A decimal context in which a bill is exact: counts below 10^15 (``MAX_COUNT``) times
    requests below 10^15 times a rate need the digits of all three (the default 28 rounded
    10^15 requests of 10^15 tokens)."""
    rate_digits = max((len(r.as_tuple().digits) for r in rates if r is not None), default=1)
    return localcontext(prec=2 * MAX_COUNT_DIGITS + rate_digits + 8)


def _usd(tokens: int, per_mtok: Decimal | None) -> Decimal | None:
    """The cost of some tokens; zero tokens cost zero even when the rate is not sourced."""
    if tokens == 0:
        return Decimal(0)
    if per_mtok is None:
        return None
    return Decimal(tokens) * per_mtok / PER_MTOK


def price_offering(
    model_id: str,
    offering: Offering,
    provider: Provider,
    workload: Workload,
    has_output: bool = True,
) -> CostLine:
    """The cost of a workload on one offering, with the rates that produced it; without
    ``has_output`` (``kinds.has_output_price``) output tokens are not applicable."""
    p = offering.prices
    tier = _tier(offering, workload.input_tokens)
    rate_in = p.input_per_mtok
    rate_out = p.output_per_mtok
    rate_cache = p.cache_read_per_mtok
    if tier is not None:
        # A tier's missing cache price does not fall back to the base rate: the cliff may
        # change it too, so it stays unknown and cached tokens are billed as input.
        rate_in, rate_out, rate_cache = (
            tier.input_per_mtok,
            tier.output_per_mtok,
            tier.cache_read_per_mtok,
        )
    note = None
    if p.free and rate_in is None and rate_out is None:
        rate_in = rate_out = Decimal(0)
        note = "free variant"
    if not has_output:
        rate_out = None
    with _exact(rate_in, rate_out, rate_cache):
        cache_as_input = workload.cached_tokens > 0 and rate_cache is None
        input_usd = _usd(workload.uncached_tokens, rate_in)
        cached_usd = _usd(workload.cached_tokens, rate_in if cache_as_input else rate_cache)
        output_usd = _usd(workload.output_tokens, rate_out) if has_output else Decimal(0)
        total = None
        if input_usd is not None and cached_usd is not None and output_usd is not None:
            total = (input_usd + cached_usd + output_usd) * workload.requests
        # each side priced per token shows its cost, even when another side has no total
        input_usd, cached_usd, output_usd = (
            None if v is None else v * workload.requests
            for v in (input_usd, cached_usd, output_usd)
        )
    # A side sold in another unit (an image model's output per 1M image tokens) is priced,
    # just not per text token: never "not yet sourced".
    sold_otherwise = sold_components(u.component for u in p.unit_prices)
    missing = missing_sides(rate_in, rate_out, has_output)
    unsourced = [name for name in missing if name not in sold_otherwise]
    side_gap = {
        name: UNPRICED_ROUTE if name in unsourced else NOT_PER_TOKEN_ROUTE for name in missing
    }
    # a free route's missing rates are zero by now: ``free`` needs no second say here
    gap = route_gap(rate_in, rate_out, sold_otherwise, False, has_output)
    # no total means a side the workload uses has no rate, so ``gap`` is set
    no_total = gap.kind if total is None and gap is not None else None
    if no_total == UNPRICED_ROUTE:
        note = f"unpriced: {join(unsourced)} price not yet sourced"
    elif no_total == PARTLY_PRICED_ROUTE and gap is not None:
        note = f"partly priced: {partly_priced_text(gap)}"
    if p.unit_prices:
        # The workload is tokens: a price per minute of audio, per image… is not in any total.
        others = unit_prices_text(p)
        if no_total == NOT_PER_TOKEN_ROUTE and not p.token_priced:
            note = f"not priced per token: {others}"
        elif no_total == NOT_PER_TOKEN_ROUTE:
            note = (
                _sides_first_text(p, missing)
                or f"{' and '.join(missing)} not priced per token: {others}"
            )
        else:
            note = f"{note}; " if note else ""
            note += f"not priced per token (not in the total): {others}"
    context = offering.context_tokens
    fits = None if context is None else workload.input_tokens + workload.output_tokens <= context
    return CostLine(
        model_id=model_id,
        provider_id=provider.id,
        provider_name=provider.name,
        provider_model_id=offering.provider_model_id,
        input_per_mtok=rate_in,
        output_per_mtok=rate_out,
        cache_read_per_mtok=rate_cache,
        input_usd=input_usd,
        cached_usd=cached_usd,
        output_usd=output_usd if has_output else None,
        total_usd=total,
        tier_above_input_tokens=None if tier is None else tier.above_input_tokens,
        cache_priced_as_input=cache_as_input,
        free=p.free,
        fits_context=fits,
        lifecycle=offering.lifecycle,
        source_id=offering.dated_by,
        checked=offering.checked,
        cited_sources=offering.cited_sources,
        note=note,
        as_of=offering.as_of,
        output_applicable=has_output,
        no_total=no_total,
        unpriced=no_total == UNPRICED_ROUTE,
        input_missing=side_gap.get("input"),
        output_missing=side_gap.get("output"),
    )


def _sides_first_text(p: Prices, sides: Sequence[str]) -> str | None:
    """ "output not priced per token: output $8.00 per 1M image tokens; other prices not per
    token (not in the total): cache read $0.25 per 1M image tokens; …": the missing sides' own
    prices first, as the comparison's reason (``HeadlineRules.exclusion``) words them, then
    the offering's other prices in other units; None when no missing side has one."""
    own = [text for side in sides if (text := side_not_per_token_text(p, side)) is not None]
    if not own:
        return None
    rest = unit_price_summaries(u for u in p.unit_prices if u.component not in sides)
    shown = "; ".join(rest[:_NAMED])
    more = f"; {len(rest) - _NAMED} more" if len(rest) > _NAMED else ""
    tail = f"; other prices not per token (not in the total): {shown}{more}" if rest else ""
    return "; ".join(own) + tail


def price_workload(
    models: Iterable[Model],
    offerings: Mapping[str, Iterable[Offering]],
    providers: Mapping[str, Provider],
    workload: Workload,
) -> list[CostLine]:
    """Every active offering of the models priced for the workload, cheapest comparable
    route first, then the priced routes that are not comparable (each says why).

    Only providers that sell API access per use (local runtimes and plans are not a price of
    a workload); each line says why it is not a comparable price (``compare.headline``).

    Unpriced offerings follow the priced ones (never as $0); routes whose served context
    is too small for the request are ranked after those that fit.
    """
    lines: list[CostLine] = []
    for model in models:
        offers = list(offerings.get(model.id, ()))
        rules = headline_rules(model, offers, providers)
        for offering in offers:
            provider = provider_of(offering, providers)
            if not is_live(offering, provider) or not sells_per_use(provider):
                continue
            line = price_offering(
                model.id, offering, provider, workload, has_output_price(model.kind.value)
            )
            lines.append(replace(line, excluded_reason=rules.reason(offering, provider)))
    lines.sort(
        key=lambda c: (
            c.total_usd is None,
            c.fits_context is False,
            # comparable routes first, as a routes table (``pricing.route_order``): a cheaper
            # points conversion or free variant never sits above the price of the workload
            c.excluded_reason is not None,
            c.total_usd if c.total_usd is not None else Decimal(0),
            c.provider_name.lower(),
            c.provider_model_id,
        )
    )
    return lines
