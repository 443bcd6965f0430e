"""Pricing and availability of models: first-party, headline route, provider table.

Availability counts providers that sell API access per use, not offerings: one provider serving
a model under three ids is one place to run it, and so is one company under two provider ids
(a regional endpoint, ``Provider.region_of``: its row stands for the company). Defunct
providers and retired offerings are never availability, nor are local runtimes and
subscription plans; they are listed apart with the reason, so a reader can see why a provider
they know is missing. The headline route (``cheapest``) is the cheapest *comparable* offering
(``compare.headline``); every other route carries the reason it is not the headline. Rows are in
``route_order``: the headline route, the other comparable routes, then the rest by reason kind.
"""

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

from tradeoff.compare.first_party import lab_route
from tradeoff.compare.image_rate import IMAGE_OUTPUT_KEY, image_output_price, image_route
from tradeoff.compare.route_gap import RouteGap, not_per_token_sides, route_gap, sold_components
from tradeoff.compare.workload import Blend
from tradeoff.kinds import has_output_price
from tradeoff.records import Model, Provider, dated_text
from tradeoff.units import UNPRICED_ROUTE

TYPE_CHECKING = False  # typing.TYPE_CHECKING (mypy knows the name)
if TYPE_CHECKING:
    from tradeoff.compare.headline import HeadlineRules
    from tradeoff.records import Offering  # annotations only: not on cold paths

_TOKEN_PRICES = ("input_per_mtok", "output_per_mtok")  # the two prices a blend reads


class Quote(NamedTuple):
    """One offering of a model at one provider, priced at a blend."""

    provider_id: str
    provider_name: str
    provider_kind: str
    provider_model_id: str
    input_per_mtok: Decimal | None
    output_per_mtok: Decimal | None
    cache_read_per_mtok: Decimal | None
    cache_write_per_mtok: Decimal | None
    blended_per_mtok: Decimal | None
    free: bool
    lifecycle: str
    context_tokens: int | None
    source_id: str
    checked: str
    price_source_ids: tuple[str, ...]
    offering_count: int = 1  # offerings of this model at this provider (and its regions)
    defunct_since: str | None = None
    quantization: str | None = None  # served precision (``headline.quantization_of``)
    own_price: bool = True  # the price is the provider's own (``headline.own_price``)
    excluded_reason: str | None = None  # why it is not the headline route; None: comparable
    as_of: str | None = None  # the dataset whose snapshot date ``checked`` is; None: reviewed
    retired_on: str | None = None  # the offering's retirement date (past or scheduled)
    output_applicable: bool = True  # False: no output tokens (an embedding): "not applicable"
    # the units of the prices not sold per text token (``units.UNITS`` keys), in order
    other_units: tuple[str, ...] = ()
    # each such price's side and unit, "component:unit" ("output:per_mtok_image"), in order
    other_unit_pairs: tuple[str, ...] = ()
    # the output price per 1M image tokens (``compare.image_output``), never blended with text
    output_per_mtok_image: Decimal | None = None
    output_per_mtok_image_source: str | None = None  # the source of that price
    # that price's own date, and the dataset whose snapshot date it is (``Quote.as_of``)
    output_per_mtok_image_checked: str | None = None
    output_per_mtok_image_as_of: str | None = None
    # why that price is not comparable (``HeadlineRules.image_reason``); None: it is, or none
    image_excluded_reason: str | None = None
    # ``headline.Exclusion`` of ``excluded_reason``: orders a routes table (``route_order``)
    excluded_kind: int | None = None

    @property
    def dated(self) -> str:
        """ "checked 2026-06-09" / "as of 2026-07-02 (models.dev)"."""
        return dated_text(self.checked, self.as_of) or ""

    @property
    def output_per_mtok_image_dated(self) -> str:
        """That price's date in words ("as of 2026-08-21 (genai-prices)"); "" without one."""
        return (
            dated_text(self.output_per_mtok_image_checked, self.output_per_mtok_image_as_of) or ""
        )

    @property
    def priced(self) -> bool:
        """Its token prices are known (free counts as priced at zero)."""
        return self.blended_per_mtok is not None

    @property
    def sold_otherwise(self) -> frozenset[str]:
        """Every component priced in another unit than text tokens (``sold_components``)."""
        return sold_components(self.other_unit_pairs)

    @property
    def sides_not_per_token(self) -> tuple[str, ...]:
        """The sides ("input", "output", in that order) without a price per token that are
        sold in another unit: each per-token cell says "not per token" only for its own side
        (fal states output per image and no input at all)."""
        return not_per_token_sides(
            self.input_per_mtok,
            self.output_per_mtok,
            self.sold_otherwise,
            self.free,
            self.output_applicable,
        )

    def units_of(self, sides: Sequence[str]) -> tuple[str, ...]:
        """The other units the given sides are sold in, in order (``units.UNITS`` keys)."""
        pairs = (pair.partition(":") for pair in self.other_unit_pairs)
        return tuple(dict.fromkeys(unit for side, _, unit in pairs if side in sides))

    @property
    def gap(self) -> RouteGap | None:
        """Why it has no total per token (``route_gap``, the rule of every page); None: it has."""
        return route_gap(
            self.input_per_mtok,
            self.output_per_mtok,
            self.sold_otherwise,
            self.free,
            self.output_applicable,
        )


class ModelPricing(NamedTuple):
    """Where one model runs and what it costs there."""

    model_id: str
    cheapest: Quote | None  # the headline route: cheapest comparable offering (or None)
    first_party: Quote | None  # the model's lab's own API, when it serves the model
    providers: tuple[Quote, ...]  # one row per active per-use provider (``route_order``)
    defunct: tuple[Quote, ...]  # offerings on defunct providers or retired offerings
    free_providers: tuple[str, ...]  # active providers that also offer a free variant
    # offerings of counted providers not shown as their provider's row that are not
    # comparable (a provider's FP4 variant, its promotion), with their reasons
    other_routes: tuple[Quote, ...] = ()
    # local runtimes, subscriptions and plans: one row per provider, not availability
    not_per_use: tuple[Quote, ...] = ()
    # why ``first_party`` is None, in words (``compare.first_party``); None when it is not
    first_party_missing: str | None = None

    @property
    def provider_count(self) -> int:
        """Number of active providers; always ``len(self.providers)``."""
        return len(self.providers)

    @property
    def provider_ids(self) -> tuple[str, ...]:
        return tuple(q.provider_id for q in self.providers)

    @property
    def image_output(self) -> Quote | None:
        """The route with the lowest comparable output price per 1M image tokens
        (``image_rate.image_route``); None: no route states a comparable one."""
        return image_route(self.cheapest, (*self.providers, *self.other_routes))

    @property
    def unpriced_providers(self) -> tuple[Quote, ...]:
        """Providers whose route states no price at all: a route sold only per minute of
        audio, or with only its output price stated, has a sourced price (not a per-token
        blend, which ``Quote.priced`` is about)."""
        return self.providers_without_total(UNPRICED_ROUTE)

    def providers_without_total(self, kind: str) -> tuple[Quote, ...]:
        """Provider rows of one ``route_gap`` class (``units.*_ROUTE``), in row order."""
        return tuple(q for q in self.providers if (g := q.gap) is not None and g.kind == kind)


def provider_of(offering: "Offering", providers: Mapping[str, Provider]) -> Provider:
    """The offering's provider; an id missing from the registry is shown as an active host."""
    known = providers.get(offering.provider_id)
    if known is not None:
        return known
    return Provider(offering.provider_id, offering.provider_id, "inference-host", "active")


def is_live(offering: "Offering", provider: Provider | None) -> bool:
    """An offering counts as availability: not retired, on a provider not marked defunct.

    A provider missing from the registry (``None``) is an active host, never defunct.
    """
    return offering.lifecycle != "retired" and (provider is None or provider.active)


def counts_as_availability(offering: "Offering", providers: Mapping[str, Provider]) -> bool:
    """Live (``is_live``) on a provider that sells API access per use: what counts count."""
    from tradeoff.compare.headline import sells_per_use  # not on the cold md path

    provider = provider_of(offering, providers)
    return is_live(offering, provider) and sells_per_use(provider)


def blended_price(offering: "Offering", blend: Blend, has_output: bool = True) -> Decimal | None:
    """Blended USD per 1M tokens of an offering; None when unpriced, 0 only when free.

    A model kind without output tokens (``kinds.has_output_price``: embedding, rerank,
    moderation) is priced by its input alone: there is nothing to blend."""
    prices = offering.prices
    if not has_output and prices.input_per_mtok is not None:
        return prices.input_per_mtok
    if prices.input_per_mtok is not None and prices.output_per_mtok is not None:
        return blend.price(prices.input_per_mtok, prices.output_per_mtok)
    if prices.free:
        return Decimal(0)
    return None


def quote(
    offering: "Offering",
    provider: Provider,
    blend: Blend,
    count: int = 1,
    rules: "HeadlineRules | None" = None,
    has_output: bool = True,
) -> Quote:
    """Price one offering at a blend; with ``rules``, say why it is not a headline route.
    Without ``has_output`` (the model's kind has no output tokens) the output price is not
    applicable: None, whatever the dataset states, and the quote says so."""
    from tradeoff.compare.headline import own_price, quantization_of  # not on the cold md path

    p = offering.prices
    free_zero = Decimal(0) if p.free else None
    image = image_output_price(p)
    image_rate = None if image is None else image.usd
    dated_by = image if image is None or image.checked else offering  # a fixture's: undated
    excluded = rules.exclusion(offering, provider) if rules is not None else None
    sources = sorted(
        {offering.price_sources.get(f, offering.source_id) for f in _TOKEN_PRICES}
        # a price in another unit cites its own source (Oracle's page on billing per character)
        | {offering.price_sources.get(f"unit.{u.key}", offering.source_id) for u in p.unit_prices}
    )
    return Quote(
        provider_id=provider.id,
        provider_name=provider.name,
        provider_kind=provider.kind,
        provider_model_id=offering.provider_model_id,
        input_per_mtok=p.input_per_mtok if p.input_per_mtok is not None else free_zero,
        output_per_mtok=(p.output_per_mtok if p.output_per_mtok is not None else free_zero)
        if has_output
        else None,
        output_applicable=has_output,
        cache_read_per_mtok=p.cache_read_per_mtok,
        cache_write_per_mtok=p.cache_write_per_mtok,
        blended_per_mtok=blended_price(offering, blend, has_output),
        free=p.free,
        lifecycle=offering.lifecycle,
        context_tokens=offering.context_tokens,
        source_id=offering.dated_by,  # cited beside ``checked``: the source it is a date of
        checked=offering.checked,
        price_source_ids=tuple(sources),
        offering_count=count,
        defunct_since=provider.defunct_since,
        quantization=quantization_of(offering),
        own_price=own_price(offering),
        excluded_reason=None if excluded is None else excluded[1],
        excluded_kind=None if excluded is None else int(excluded[0]),
        as_of=offering.as_of,
        retired_on=offering.retired_on,
        other_units=p.other_units(),
        other_unit_pairs=tuple(dict.fromkeys(f"{u.component}:{u.unit}" for u in p.unit_prices)),
        output_per_mtok_image=image_rate,
        output_per_mtok_image_source=None
        if image_rate is None
        else offering.price_sources.get(f"unit.{IMAGE_OUTPUT_KEY}", offering.source_id),
        output_per_mtok_image_checked=None if dated_by is None else dated_by.checked,
        output_per_mtok_image_as_of=None if dated_by is None else dated_by.as_of,
        image_excluded_reason=rules.image_reason(offering, provider)
        if rules is not None and image_rate is not None
        else None,
    )


def _price_order(q: Quote) -> tuple[bool, bool, Decimal, str, str]:
    # Priced paid routes first, cheapest first; then free variants, then unpriced routes.
    # Name breaks ties so the order is stable.
    return (
        not q.priced,
        q.free,
        q.blended_per_mtok if q.blended_per_mtok is not None else Decimal(0),
        q.provider_name.lower(),
        q.provider_model_id,
    )


def route_order(q: Quote, headline: Quote | None) -> tuple[int, int, bool, Decimal, str, str]:
    """A routes table's order: the headline route, then the other comparable routes by
    blended price (then provider name), then the routes that are not comparable by their
    reason's kind (``headline.Exclusion``), then price. A reader takes the first row for the
    price: a cheaper route that is not comparable (a points conversion, an unverified far-off
    price) never sits above the headline."""
    is_headline = headline is not None and (q.provider_id, q.provider_model_id) == (
        headline.provider_id,
        headline.provider_model_id,
    )
    group = 0 if is_headline else 1 if q.excluded_reason is None else 2
    kind = q.excluded_kind if q.excluded_kind is not None else -1
    unpriced, _, blended, name, pmid = _price_order(q)
    return (group, kind, unpriced, blended, name, pmid)


def _within_provider(q: Quote) -> tuple[bool, bool, bool, bool, Decimal, str, str]:
    # The offering that stands for its provider: in price order, but a comparable route
    # first, and a deprecated route only when the provider has no live one at the same footing.
    unpriced, free, blended, name, pmid = _price_order(q)
    excluded = q.excluded_reason is not None
    return (unpriced, free, excluded, q.lifecycle == "deprecated", blended, name, pmid)


def _cheapest_key(q: Quote) -> tuple[Decimal, Decimal, str, str]:
    assert q.blended_per_mtok is not None and q.input_per_mtok is not None
    return (q.blended_per_mtok, q.input_per_mtok, q.provider_name.lower(), q.provider_model_id)


def in_route_order(quotes: Iterable[Quote]) -> tuple[Quote | None, list[Quote]]:
    """The headline route of a model's live per-use routes (the cheapest comparable one, or
    None) and the routes in ``route_order``."""
    quotes = list(quotes)
    comparable = [q for q in quotes if q.priced and not q.free and q.excluded_reason is None]
    headline = min(comparable, key=_cheapest_key, default=None)
    return headline, sorted(quotes, key=lambda q: route_order(q, headline))


def model_pricing(
    model: Model,
    offerings: "Iterable[Offering]",
    providers: Mapping[str, Provider],
    blend: Blend,
) -> ModelPricing:
    """Headline route, first-party, one row per active per-use provider; the rest apart."""
    from tradeoff.compare.headline import headline_rules, sells_per_use  # not on the cold md path

    offerings = list(offerings)
    rules = headline_rules(model, offerings, providers)
    has_output = has_output_price(model.kind.value)
    live: dict[str, list[Quote]] = {}
    elsewhere: dict[str, list[Quote]] = {}
    gone: list[Quote] = []
    for offering in offerings:
        provider = provider_of(offering, providers)
        q = quote(offering, provider, blend, rules=rules, has_output=has_output)
        if not is_live(offering, provider):
            gone.append(q)
        elif sells_per_use(provider):
            # A regional endpoint (Moonshot AI (China)) is its company's: one row, one count.
            live.setdefault(provider.company_id, []).append(q)
        else:
            elsewhere.setdefault(provider.id, []).append(q)
    rows: list[Quote] = []
    others: list[Quote] = []
    free_at: list[str] = []
    for company_id, quotes in live.items():
        quotes.sort(key=_within_provider)
        rows.append(quotes[0]._replace(offering_count=len(quotes)))
        others += [q for q in quotes[1:] if q.excluded_reason is not None and q.priced]
        if any(q.free for q in quotes):
            free_at.append(company_id)
    apart = [
        sorted(qs, key=_within_provider)[0]._replace(offering_count=len(qs))
        for qs in elsewhere.values()
    ]
    cheapest, rows = in_route_order(rows)
    first, first_missing = lab_route(model, rows, gone, providers, _price_order)
    by_name = lambda q: (q.provider_name.lower(), q.provider_model_id)  # noqa: E731
    return ModelPricing(
        model_id=model.id,
        cheapest=cheapest,
        first_party=first,
        first_party_missing=first_missing,
        providers=tuple(rows),
        defunct=tuple(sorted(gone, key=by_name)),
        free_providers=tuple(sorted(free_at)),
        other_routes=tuple(sorted(others, key=lambda q: route_order(q, None))),
        not_per_use=tuple(sorted(apart, key=by_name)),
    )


def shared_providers(pricings: Sequence[ModelPricing]) -> tuple[str, ...]:
    """Active providers that serve every one of the models, by id."""
    if not pricings:
        return ()
    common = {q.provider_id for q in pricings[0].providers}  # ``provider_ids``, as a set
    for p in pricings[1:]:
        common.intersection_update([q.provider_id for q in p.providers])
    return tuple(sorted(common))
