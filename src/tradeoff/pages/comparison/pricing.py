"""The comparison's pricing and availability section (``compare.pricing``), and the blend."""

from collections.abc import Sequence
from typing import TypedDict

from tradeoff.compare.engine import Comparison
from tradeoff.compare.first_party import NO_LAB_PRICE as NO_LAB_PRICE
from tradeoff.compare.image_output import (
    image_output_gap,
    outputs_images,
)
from tradeoff.compare.pricing import ModelPricing, Quote
from tradeoff.compare.wording import count, side_price_text
from tradeoff.compare.workload import Blend
from tradeoff.kinds import NOT_APPLICABLE
from tradeoff.money import format_usd
from tradeoff.pages.comparison.bases import NO_BASES, Bases
from tradeoff.pages.jsonable import decimal_str, decimal_text
from tradeoff.records import AS_OF, CHECKED
from tradeoff.units import NOT_PER_TOKEN, NOT_PER_TOKEN_ROUTE, PARTLY_PRICED, PARTLY_PRICED_ROUTE


class QuoteEntry(TypedDict):
    """One route: a provider's offering of a model, priced at the comparison's blend."""

    provider: str
    provider_name: str
    provider_kind: str
    provider_model_id: str
    input_per_mtok: str | None
    output_per_mtok: str | None
    cache_read_per_mtok: str | None
    cache_write_per_mtok: str | None
    blended_per_mtok: str | None
    free: bool
    lifecycle: str
    context_tokens: int | None
    offering_count: int
    defunct_since: str | None
    quantization: str | None
    headline_excluded_reason: str | None
    # False: the model's kind has no output tokens (an embedding): output "not applicable"
    output_applicable: bool
    # no total per token, every missing side sold in another unit (per minute of audio, per
    # image…; ``compare.route_gap``): "not per token", not unpriced; ``other_units`` names
    # the units of its prices not per text token
    not_per_token: bool
    other_units: list[str]
    # a token price on one side, the other stated in no unit: no total (``compare.route_gap``)
    partly_priced: bool
    # the sides ("input", "output") with no price per token that are sold in another unit:
    # only their cells read "not per token"; a side stated in no unit at all reads "unpriced"
    not_per_token_sides: list[str]
    # the route's output price per 1M image tokens (decimal string; null: none stated)
    output_per_mtok_image: str | None
    output_per_mtok_image_source: str | None  # that price's own source, and its number
    output_per_mtok_image_source_n: int | None
    # that price's own date (its source's check date or snapshot "as of"), not the route's
    output_per_mtok_image_checked: str | None
    output_per_mtok_image_dated: str  # "as of 2026-08-21 (genai-prices)"; "" without a price
    source: str
    source_n: int | None
    price_sources: list[str]
    checked: str
    date_kind: str  # "checked" (a review date) or "as_of" (a dataset snapshot's date)
    dated: str  # "checked 2026-06-09" or "as of 2026-07-02 (models.dev)"


class PricingEntry(TypedDict):
    """One model's prices: the headline routes, every active provider, what is not counted."""

    model: str
    model_name: str
    cheapest: QuoteEntry | None  # the headline route: cheapest comparable one
    first_party: QuoteEntry | None
    # why first_party is null, in words (``compare.first_party``); null when it is not
    first_party_missing: str | None
    # the comparable route with the lowest output price per 1M image tokens (null: none; the
    # reason is ``image_output_missing``, "not comparable: …"): compare.image_output
    image_output: QuoteEntry | None
    image_output_missing: str | None
    outputs_images: bool | None  # its kind or cited output modalities say; null: not sourced
    providers: list[QuoteEntry]
    provider_count: int
    unpriced_count: int
    # provider rows without a total per token, by class (``compare.route_gap``): the counts
    # of the availability lists "not priced per token" and "a price for one side only"
    not_per_token_count: int
    partly_priced_count: int
    excluded_count: int  # provider rows with a headline_excluded_reason
    other_routes: list[QuoteEntry]  # a counted provider's other non-comparable offerings
    not_per_use: list[QuoteEntry]  # local runtimes and plans: not availability
    defunct: list[QuoteEntry]
    free_providers: list[str]


class ProviderRef(TypedDict):
    """A provider serving every compared model."""

    id: str
    name: str


class BlendEntry(TypedDict):
    """Input and output shares of the blended price (decimal strings) and its label."""

    input_share: str
    output_share: str
    label: str


def quote_base(q: Quote) -> QuoteEntry:
    """A route, JSON-ready, without its source's number (``source_n`` None: the page numbers
    its sources): a pure function of the route, kept per catalog (``comparison.kept``)."""
    gap = q.gap
    return {
        "provider": q.provider_id,
        "provider_name": q.provider_name,
        "provider_kind": q.provider_kind,
        "provider_model_id": q.provider_model_id,
        "input_per_mtok": decimal_text(q.input_per_mtok),
        "output_per_mtok": decimal_text(q.output_per_mtok),
        "cache_read_per_mtok": decimal_text(q.cache_read_per_mtok),
        "cache_write_per_mtok": decimal_text(q.cache_write_per_mtok),
        "blended_per_mtok": decimal_text(q.blended_per_mtok),
        "free": q.free,
        "lifecycle": q.lifecycle,
        "context_tokens": q.context_tokens,
        "offering_count": q.offering_count,
        "defunct_since": q.defunct_since,
        "quantization": q.quantization,
        "headline_excluded_reason": q.excluded_reason,
        "output_applicable": q.output_applicable,
        "not_per_token": gap is not None and gap.kind == NOT_PER_TOKEN_ROUTE,
        "other_units": list(q.other_units),
        "partly_priced": gap is not None and gap.kind == PARTLY_PRICED_ROUTE,
        "not_per_token_sides": list(q.sides_not_per_token),
        "output_per_mtok_image": decimal_text(q.output_per_mtok_image),
        "output_per_mtok_image_source": q.output_per_mtok_image_source,
        "output_per_mtok_image_source_n": None,
        "output_per_mtok_image_checked": q.output_per_mtok_image_checked,
        "output_per_mtok_image_dated": q.output_per_mtok_image_dated,
        "source": q.source_id,
        "source_n": None,
        "price_sources": list(q.price_source_ids),
        "checked": q.checked,
        "date_kind": AS_OF if q.as_of else CHECKED,
        "dated": q.dated,
    }


def quote_entry(q: Quote, numbers: dict[str, int]) -> QuoteEntry:
    """A route, JSON-ready, citing its source's number."""
    entry = quote_base(q)
    _number(entry, numbers)
    return entry


def _number(entry: QuoteEntry, numbers: dict[str, int]) -> None:
    """Cite the route's sources by their numbers on the page."""
    entry["source_n"] = numbers.get(entry["source"])
    image_source = entry["output_per_mtok_image_source"]
    entry["output_per_mtok_image_source_n"] = (
        None if image_source is None else numbers.get(image_source)
    )


def _numbered(bases: Sequence[QuoteEntry], numbers: dict[str, int]) -> list[QuoteEntry]:
    """Copies of kept routes' entries, each citing its source's number."""
    out: list[QuoteEntry] = []
    for base in bases:
        entry = base.copy()  # the page's own dict and lists, never the kept ones
        entry["other_units"] = base["other_units"].copy()
        entry["not_per_token_sides"] = base["not_per_token_sides"].copy()
        entry["price_sources"] = base["price_sources"].copy()
        _number(entry, numbers)
        out.append(entry)
    return out


def pricing_entry(
    p: ModelPricing, name: str, numbers: dict[str, int], images: bool | None = False
) -> PricingEntry:
    """One model's pricing (``p``, at any blend), its routes citing their sources' numbers;
    ``images``: the model outputs images (``image_output_missing`` then says why it has no
    comparable image-output price, if it has none)."""
    heads = [quote_entry(q, numbers) for q in (p.cheapest, p.first_party) if q is not None]
    image = p.image_output
    return {
        "model": p.model_id,
        "model_name": name,
        # the headline and first-party routes are usually provider rows too: each is its own
        # copy all the same (a page's entries share nothing)
        "cheapest": None if p.cheapest is None else heads[0],
        "first_party": None if p.first_party is None else heads[-1],
        "first_party_missing": p.first_party_missing,
        "image_output": None if image is None else quote_entry(image, numbers),
        "image_output_missing": image_output_gap(p) if image is None and images else None,
        "outputs_images": images,
        "providers": [quote_entry(q, numbers) for q in p.providers],
        "provider_count": p.provider_count,
        "unpriced_count": len(p.unpriced_providers),
        "not_per_token_count": len(p.providers_without_total(NOT_PER_TOKEN_ROUTE)),
        "partly_priced_count": len(p.providers_without_total(PARTLY_PRICED_ROUTE)),
        "excluded_count": sum(q.excluded_reason is not None for q in p.providers),
        "other_routes": [quote_entry(q, numbers) for q in p.other_routes],
        "not_per_use": [quote_entry(q, numbers) for q in p.not_per_use],
        "defunct": [quote_entry(q, numbers) for q in p.defunct],
        "free_providers": list(p.free_providers),
    }


def pricing_base(p: ModelPricing, name: str, images: bool | None = False) -> PricingEntry:
    """A model's pricing entry without its routes' source numbers: a pure function of its
    stored pricing (and whether the model outputs images), kept per catalog
    (``comparison.kept``)."""
    return pricing_entry(p, name, {}, images)


def _numbered_pricing(base: PricingEntry, numbers: dict[str, int]) -> PricingEntry:
    entry = base.copy()  # the page's own dict, lists and routes, never the kept ones
    cheapest, first_party = base["cheapest"], base["first_party"]
    if cheapest is not None:
        entry["cheapest"] = _numbered((cheapest,), numbers)[0]
    if first_party is not None:
        entry["first_party"] = _numbered((first_party,), numbers)[0]
    if base["image_output"] is not None:
        entry["image_output"] = _numbered((base["image_output"],), numbers)[0]
    entry["providers"] = _numbered(base["providers"], numbers)
    entry["other_routes"] = _numbered(base["other_routes"], numbers)
    entry["not_per_use"] = _numbered(base["not_per_use"], numbers)
    entry["defunct"] = _numbered(base["defunct"], numbers)
    entry["free_providers"] = base["free_providers"].copy()
    return entry


def pricing_section(
    result: Comparison, numbers: dict[str, int], bases: Bases | None = None
) -> list[PricingEntry]:
    """Per model: headline and first-party routes, every active provider, the rest apart
    (``bases``: models' pricing entries kept per catalog, ``pricing_base``)."""
    names = {m.id: m.name for m in result.models}
    images = {m.id: outputs_images(m) for m in result.models}
    kept = (bases or NO_BASES).get  # a hit is used only for this very record
    out: list[PricingEntry] = []
    for p in result.pricing:
        hit = kept(id(p))
        if hit is None or hit[0] is not p:  # priced for this page (another blend)
            out.append(pricing_entry(p, names[p.model_id], numbers, images[p.model_id]))
        else:
            out.append(_numbered_pricing(hit[1], numbers))
    return out


def shared_providers_section(result: Comparison) -> list[ProviderRef]:
    """Providers that serve every compared model (the count equals this list)."""
    names = {q.provider_id: q.provider_name for p in result.pricing for q in p.providers}
    return [{"id": pid, "name": names.get(pid, pid)} for pid in result.shared_providers]


def blend_entry(blend: Blend) -> BlendEntry:
    """The blend the prices are stated at."""
    return {
        "input_share": decimal_str(blend.input_share),
        "output_share": decimal_str(blend.output_share),
        "label": blend.label,
    }


# The headline rule as every format states it (docs/compare.md "The headline route").
HEADLINE_RULE = (
    "Headline route = the cheapest comparable offering: an active provider selling per use, "
    "GA, paid, full or the lab's own precision, not a promotion, not an unverified price far "
    "off the lab's list price, serving the model's documented context. Every other route says "
    "why it is not the headline."
)
NO_HEADLINE = "no comparable route (see the reasons below)"
NO_ROUTE = "none in the catalog"


def route_price_text(q: QuoteEntry, field: str) -> str:
    """A route's price cell (input, output or blended) for people: the one wording of every
    format. A kind without output tokens (an embedding) reads "not applicable" for output,
    never $0, and its blended price is its input price ("input only")."""
    if not q["output_applicable"] and field == "output_per_mtok":
        return NOT_APPLICABLE
    if not q["output_applicable"] and field == "blended_per_mtok" and q["input_per_mtok"]:
        return f"{format_usd(q['input_per_mtok'], free=q['free'])} (input only)"
    value = q[field]  # type: ignore[literal-required]
    side = field.removesuffix("_per_mtok")  # input | output | blended
    if side != "blended":  # the rule of every side cell (``wording.side_price_text``)
        return side_price_text(value, side, q["not_per_token_sides"], q["free"])
    if value is None and q["not_per_token"]:
        return NOT_PER_TOKEN
    if value is None and q["partly_priced"]:
        # partly priced (``compare.route_gap``), as its reason and the calculator say it
        return PARTLY_PRICED
    return format_usd(value if isinstance(value, str) else None, free=q["free"])


def routes_order_text(pricing: PricingEntry) -> str | None:
    """How a model's routes table is ordered, with its counts (``compare.pricing.route_order``;
    each count is the rows it counts): "The headline route first, then 4 other comparable
    routes by blended price, then 4 routes that are not comparable (by reason, then price)."
    None for a table of one row or none."""
    total, excluded = pricing["provider_count"], pricing["excluded_count"]
    comparable = total - excluded
    if total < 2:
        return None
    parts = []
    if comparable:
        parts.append("The headline route first")
    if comparable > 1:
        parts.append(f"then {count(comparable - 1, 'other comparable route')} by blended price")
    if not comparable:
        return f"No comparable route: the {count(total, 'route')} by reason, then price."
    if excluded:
        verb = "is" if excluded == 1 else "are"
        parts.append(
            f"then {count(excluded, 'route')} that {verb} not comparable (by reason, then price)"
        )
    return ", ".join(parts) + "."


def not_comparable_label(pricing: PricingEntry) -> str:
    """The heading of a routes table's rows that are not comparable: "Not comparable: 4
    routes, each with its reason"."""
    return f"Not comparable: {count(pricing['excluded_count'], 'route')}, each with its reason"


def missing_route_text(key: str, pricing: PricingEntry) -> str:
    """What a summary cell says when a model has no headline ("cheapest") or first-party route."""
    if key == "cheapest":
        return NO_HEADLINE if pricing["providers"] else NO_ROUTE
    # why, as the catalog says it (a retired offering of the lab's, …): ``compare.first_party``
    return pricing["first_party_missing"] or NO_LAB_PRICE


class Quantized(TypedDict):
    """An offerings-table row's served precision (every offerings table has it)."""

    quantization: str | None


class RouteMarks(Quantized):
    """What a row's headline cell reads (comparison, model and API offerings tables)."""

    provider: str
    provider_model_id: str
    headline_excluded_reason: str | None


def quantization_text(q: Quantized) -> str:
    """The served precision as the offering names it, or that it does not."""
    return q["quantization"] or "not stated"


def headline_text(q: RouteMarks, headline: RouteMarks | None) -> str:
    """Why a provider row is, or is not, the headline route."""
    if q["headline_excluded_reason"]:
        return f"not headline: {q['headline_excluded_reason']}"
    if headline is not None and (q["provider"], q["provider_model_id"]) == (
        headline["provider"],
        headline["provider_model_id"],
    ):
        return "headline route"
    return "comparable"
