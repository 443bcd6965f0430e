"""The headline route: which offerings of a model are comparable prices (docs/compare.md).

A page's headline price ("the cheapest route") is a claim that one can buy the model at that
price, like for like with the lab's own API. An offering is *comparable* when none of the
rules below gives it a reason; otherwise it stays in the providers table with that reason.
Every rule is deterministic and reads only the records (no SQLite, no files):

1. ``kind``      — the provider sells API access per use (not a local runtime, not a plan);
2. ``lifecycle`` — the offering is GA (not preview, deprecated or retired);
3. ``own price`` — the price is the provider's own, not one a dataset copied from another
   provider's listing (``Offering.price_origin``);
4. ``quantization`` — full precision, or a precision the lab itself released (see
   ``quantization_of`` and ``lab_precisions``). Most routes state no precision; one that does
   not is presumed to serve the model as released unless the catalog holds evidence against
   it: a serving-variant marker in its id or name that the model's own id and name lack
   ("kimi-k2-instruct-fast": another serving configuration, often quantized or speculative;
   ``precision.VARIANT``), or the same provider selling a third-party quantization of the model at
   exactly the same prices (NanoGPT's Kimi K2 routes all cost what its FP4 route costs).
   The lab's own API is never a variant of its own model;
5. ``promotion`` — no promotion marker in the provider's model id or name (``PROMOTION``);
6. ``paid``      — priced and paid per use in USD (a free variant or an unpriced route is not
   a price; nor is a price in the provider's own points, ``Provider.price_basis``);
7. ``list price`` — a closed-weight model's reseller within ½×–2× of the lab's own input
   price and of its output price (``off_list_price``; ``tradeoff check`` warns on every
   offering outside it, either side: ``reseller-far-off-list-price``), unless another company
   sells the model at exactly the same prices (a price two providers list is corroborated;
   one reseller's alone is unverified);
8. ``context``   — serves at least ``CONTEXT_SHARE`` of the model's documented context (a
   stated input limit that, with the model's max output, makes up the documented window is
   the full context: GPT-5's 272K input + 128K output = 400K).

The first rule that fails gives the reason shown. An image model's output price per 1M image
tokens is comparable by the same rules but those about text tokens (``image_reason``: rule 6
asks for that price in USD, rule 7 does not apply): ``compare.image_output``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from tradeoff.compare.precision import FULL_PRECISION as FULL_PRECISION
from tradeoff.compare.precision import lab_precisions as lab_precisions
from tradeoff.compare.precision import quantization_of as quantization_of
from tradeoff.compare.precision import quantized_prices as quantized_prices
from tradeoff.compare.precision import variant_of as variant_of
from tradeoff.compare.route_gap import partly_priced_text, route_gap, sold_components
from tradeoff.compare.wording import not_per_token_text, short_tokens, side_not_per_token_text
from tradeoff.kinds import has_output_price
from tradeoff.records import Model, Provider
from tradeoff.units import PARTLY_PRICED_ROUTE, UNPRICED_ROUTE

if TYPE_CHECKING:
    from tradeoff.records import Offering  # annotations only: not on cold paths

# Provider kinds that sell API access per use: the only ones counted as availability.
PER_USE_KINDS = frozenset({"first-party", "inference-host", "cloud", "aggregator"})
# Kinds listed apart, with why they are not availability.
NOT_PER_USE = {
    "local-runtime": "local runtime, runs on your machine, not sold per use",
    "plan": "subscription or plan, not sold per use",
    "unknown": "provider kind not yet classified",
}

# Promotion markers in a provider's model id or name: a price that is not the list price.
PROMOTION = re.compile(
    r"stealth|\bpromo(?:tion(?:al)?)?\b|\d+\s*%\s*off\b|\bfree[\s_-]*trial\b|\bdiscount(?:ed)?\b"
    r"|\blimited[\s_-]*time\b",
    re.IGNORECASE,
)
FAR_OFF_LIST_PRICE = Decimal(2)  # a reseller at more than 2× or under ½ of the lab's own price
CONTEXT_SHARE = Decimal("0.95")  # a route serving less than 95% of the documented context


class Exclusion(IntEnum):
    """The kind of a route's reason, in the order a routes table lists the routes that are not
    comparable: those with a USD price per token first, in the rules' order, then those
    without one (a conversion from points, a free variant, a price only in other units, no
    price), so the prices nearest to comparable are read first and "unpriced" last."""

    NOT_PER_USE = 0  # rule 1: listed apart, never a row
    LIFECYCLE = 1  # rule 2: preview, deprecated
    COPIED_PRICE = 2  # rule 3
    PRECISION = 3  # rule 4: a third-party quantization, a serving variant
    PROMOTION = 4  # rule 5
    FAR_OFF_LIST = 5  # rule 7
    SHORT_CONTEXT = 6  # rule 8
    POINTS = 7  # rule 6: the USD figure is a conversion
    FREE = 8  # rule 6
    NOT_PER_TOKEN = 9  # rule 6: a side (or every price) sold in another unit
    PARTLY_PRICED = 10  # rule 6: a token price on one side, the other stated in no unit
    UNPRICED = 11  # rule 6


def sells_per_use(provider: Provider) -> bool:
    """The provider sells API access per use (its offerings can be availability)."""
    return provider.kind in PER_USE_KINDS


def own_price(offering: Offering) -> bool:
    """The offering's price is its provider's own: no dataset says it copied it from another
    provider's listing (``Offering.price_origin``)."""
    return offering.price_origin in (None, offering.provider_id)


def list_input_price(
    model: Model, offerings: Iterable[Offering], providers: Mapping[str, Provider]
) -> Decimal | None:
    """The lab's own input price (its first-party API's GA offering), the lowest if several."""
    return _list_price(model, offerings, providers, "input_per_mtok")


def list_output_price(
    model: Model, offerings: Iterable[Offering], providers: Mapping[str, Provider]
) -> Decimal | None:
    """The lab's own output price (its first-party API's GA offering), the lowest if several."""
    return _list_price(model, offerings, providers, "output_per_mtok")


def _list_price(
    model: Model,
    offerings: Iterable[Offering],
    providers: Mapping[str, Provider],
    side: Literal["input_per_mtok", "output_per_mtok"],
) -> Decimal | None:
    prices: list[Decimal] = [
        price
        for o in offerings
        if (price := getattr(o.prices, side))
        and o.lifecycle != "retired"
        and (p := providers.get(o.provider_id)) is not None
        and p.is_first_party_for(model.lab_id)
        and own_price(o)
    ]
    return min(prices) if prices else None


def off_list_price(
    model: Model, price: Decimal | None, provider: Provider, list_price: Decimal | None
) -> Decimal | None:
    """The ratio of one side's price (input or output) to the lab's list price of that side,
    when a closed-weight model's reseller is far off it (outside ½×–2×), else None. The
    headline rule and ``tradeoff check`` hold both sides to it."""
    if (
        model.open_weights.value is not False
        or provider.is_first_party_for(model.lab_id)
        or not list_price
        or not price
    ):
        return None
    ratio = price / list_price
    if ratio > FAR_OFF_LIST_PRICE or ratio < 1 / FAR_OFF_LIST_PRICE:
        return ratio
    return None


def ratio_text(ratio: Decimal) -> str:
    """'1/7 of list price', '38% of list price' or '2.5× list price'."""
    if ratio >= 1:
        return f"{ratio.quantize(Decimal('0.1'))}× list price"
    inverse = Fraction(ratio).limit_denominator(20)
    if inverse.numerator == 1 and abs(Fraction(ratio) - inverse) < Fraction(1, 1000):
        return f"1/{inverse.denominator} of list price"
    return f"{(ratio * 100).quantize(Decimal('1'))}% of list price"


@dataclass(frozen=True)
class HeadlineRules:
    """What the rules need to know of one model: its documented context, the lab's list
    price and the lab's own released precisions."""

    model: Model
    list_price: Decimal | None
    own_precisions: frozenset[str]
    provider_names: Mapping[str, str] = field(default_factory=dict)
    list_output: Decimal | None = None
    # (input, output) → the companies selling the model at exactly those prices
    sellers: Mapping[tuple[Decimal | None, Decimal | None], frozenset[str]] = field(
        default_factory=dict
    )
    # (provider, input, output) of third-party quantized routes (``quantized_prices``)
    quantized: Mapping[tuple[str, Decimal | None, Decimal | None], str] = field(
        default_factory=dict
    )

    def reason(self, offering: Offering, provider: Provider) -> str | None:
        """Why this offering is not a comparable (headline) price; None when it is one."""
        excluded = self.exclusion(offering, provider)
        return None if excluded is None else excluded[1]

    def exclusion(self, offering: Offering, provider: Provider) -> tuple[Exclusion, str] | None:
        """The kind and the words of ``reason``: the first rule the offering fails."""
        why = self._route_reason(offering, provider)
        if why is not None:
            return why
        p = offering.prices
        has_output = has_output_price(self.model.kind.value)  # an embedding has no output
        sold = sold_components(u.component for u in p.unit_prices)  # every page's set
        gap = route_gap(p.input_per_mtok, p.output_per_mtok, sold, False, has_output)
        if gap is not None:  # the class every page gives the route (``compare.route_gap``)
            if gap.kind == PARTLY_PRICED_ROUTE:
                return Exclusion.PARTLY_PRICED, f"partly priced: {partly_priced_text(gap)}"
            if gap.kind == UNPRICED_ROUTE:
                return Exclusion.UNPRICED, "unpriced"
            # sold per minute of audio, per image…: never a price per token, nor compared to one
            if not p.token_priced:
                return Exclusion.NOT_PER_TOKEN, not_per_token_text(p)
            text = side_not_per_token_text(p, gap.sides[0]) or not_per_token_text(p)
            return Exclusion.NOT_PER_TOKEN, text
        if provider.price_basis != "usd":
            return Exclusion.POINTS, _not_usd(provider)
        far = self._far_off_list(offering, provider)
        if far is not None:
            return Exclusion.FAR_OFF_LIST, far
        short = self._short_context(offering)
        return None if short is None else (Exclusion.SHORT_CONTEXT, short)

    def image_reason(self, offering: Offering, provider: Provider) -> str | None:
        """Why the output price per 1M image tokens an offering states (``compare.pricing.quote``
        asks only then) is not a comparable one; None when it is (``compare.image_output``): the
        rules above but those about text tokens — rule 6 asks for that price in USD instead, and
        rule 7 (the lab's list price per text token) does not apply."""
        why = self._route_reason(offering, provider)
        if why is not None:
            return why[1]
        if provider.price_basis != "usd":
            return _not_usd(provider)
        return self._short_context(offering)

    def _route_reason(self, offering: Offering, provider: Provider) -> tuple[Exclusion, str] | None:
        """Rules 1–5 and a free variant: what holds whatever the unit of the price."""
        if not sells_per_use(provider):
            return Exclusion.NOT_PER_USE, NOT_PER_USE.get(
                provider.kind, f"{provider.kind}, not sold per use"
            )
        if offering.lifecycle != "ga":
            return Exclusion.LIFECYCLE, offering.lifecycle
        if not own_price(offering):
            origin = offering.price_origin or ""
            origin = self.provider_names.get(origin, origin)
            return (
                Exclusion.COPIED_PRICE,
                f"price copied from {origin}'s listing, not {provider.name}'s own",
            )
        quant = quantization_of(offering)
        if quant and quant not in FULL_PRECISION and quant not in self.own_precisions:
            return Exclusion.PRECISION, f"third-party {quant.upper()} quantization"
        if quant is None and not provider.is_first_party_for(self.model.lab_id):
            unstated = self._unstated_precision(offering, provider)
            if unstated is not None:
                return Exclusion.PRECISION, unstated
        text = f"{offering.provider_model_id} {offering.name or ''}"
        if PROMOTION.search(text):
            return Exclusion.PROMOTION, "promotion"
        if offering.prices.free:
            return Exclusion.FREE, "free variant"
        return None

    def _short_context(self, offering: Offering) -> str | None:
        """Rule 8: the route serves less than ``CONTEXT_SHARE`` of the documented context."""
        documented = self.model.context_tokens.value
        served = offering.context_tokens
        # a dataset's input limit of the same window (GPT-5: 272K input + 128K output = 400K)
        # is the full context in another unit, not a shorter one
        input_only = served is not None and (
            served + (self.model.max_output_tokens.value or 0) == documented
        )
        if documented and served and served < documented * CONTEXT_SHARE and not input_only:
            return f"{short_tokens(served)} of {short_tokens(documented)} context"
        return None

    def _far_off_list(self, offering: Offering, provider: Provider) -> str | None:
        """Rule 7: a lone reseller's price far off the lab's list price, on either side."""
        p = offering.prices
        side, ratio = "", off_list_price(self.model, p.input_per_mtok, provider, self.list_price)
        if ratio is None:
            ratio = off_list_price(self.model, p.output_per_mtok, provider, self.list_output)
            side = "output "
        if ratio is None:
            return None
        prices = (offering.prices.input_per_mtok, offering.prices.output_per_mtok)
        if self.sellers.get(prices, frozenset()) - {provider.company_id}:
            return None  # another company sells at these very prices: corroborated
        return f"{side}{ratio_text(ratio)}, unverified"

    def _unstated_precision(self, offering: Offering, provider: Provider) -> str | None:
        """Why a route that states no precision is not presumed to serve the model as
        released (rule 4), or None."""
        variant = variant_of(offering, self.model)
        if variant is not None:
            return f"“{variant}” serving variant, precision not stated"
        p = offering.prices
        quant = self.quantized.get((offering.provider_id, p.input_per_mtok, p.output_per_mtok))
        if quant is not None:
            return (
                f"precision not stated, same price as {provider.name}'s third-party "
                f"{quant.upper()} route"
            )
        return None


def _not_usd(provider: Provider) -> str:
    return (
        f"priced in {provider.name}'s {provider.price_basis}, not USD per token "
        "(the USD figure is a conversion)"
    )


def headline_rules(
    model: Model, offerings: Iterable[Offering], providers: Mapping[str, Provider]
) -> HeadlineRules:
    """The rules for one model, from all its offerings."""
    offerings = list(offerings)
    own = lab_precisions(model, offerings)
    return HeadlineRules(
        model=model,
        list_price=list_input_price(model, offerings, providers),
        list_output=list_output_price(model, offerings, providers),
        sellers=_sellers(offerings, providers),
        own_precisions=own,
        quantized=quantized_prices(offerings, own),
        provider_names={
            o.price_origin: providers[o.price_origin].name
            for o in offerings
            if o.price_origin and o.price_origin in providers
        },
    )


def _sellers(
    offerings: Iterable[Offering], providers: Mapping[str, Provider]
) -> dict[tuple[Decimal | None, Decimal | None], frozenset[str]]:
    """(input, output) → the companies whose live offerings sell the model at those prices."""
    out: dict[tuple[Decimal | None, Decimal | None], set[str]] = {}
    for o in offerings:
        provider = providers.get(o.provider_id)
        if o.lifecycle == "retired" or (provider is not None and not provider.active):
            continue
        company = provider.company_id if provider is not None else o.provider_id
        out.setdefault((o.prices.input_per_mtok, o.prices.output_per_mtok), set()).add(company)
    return {k: frozenset(v) for k, v in out.items()}
