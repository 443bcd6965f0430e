"""The cost calculator (`/calculator`, `/api/v1/cost`, CLI `tradeoff cost`).

A workload (tokens per request × requests) priced on every active offering of the chosen
models by ``compare.cost``, cheapest route first.

No ``from __future__ import annotations`` here: a comparison imports this module
(``pages.comparison``), and a TypedDict's string annotations are each compiled
(``typing.ForwardRef``) at class creation, ~3x the cost of evaluated ones.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypedDict

from tradeoff import urls
from tradeoff.compare.engine import check_distinct
from tradeoff.compare.like_for_like import kind_differ_text, kinds_of
from tradeoff.compare.token_workload import Workload
from tradeoff.compare.wording import short_tokens
from tradeoff.db.queries import Catalog
from tradeoff.errors import UsageError
from tradeoff.money import format_usd
from tradeoff.pages.calculator_summary import (
    TiedRoute,
    cheapest_text,
    conclusions,
    image_output_note,
    nothing_to_price,
    tied_entry,
    tied_routes,
)
from tradeoff.pages.jsonable import decimal_text
from tradeoff.pages.sources import Attribution, attribution, reviewed_and_as_of, reviewed_line
from tradeoff.pages.view import catalog_view
from tradeoff.records import Model, dated_text
from tradeoff.units import (
    NOT_PER_TOKEN,
    NOT_PER_TOKEN_ROUTE,
    PARTLY_PRICED,
    PARTLY_PRICED_ROUTE,
    UNPRICED_ROUTE,
)

if TYPE_CHECKING:
    from tradeoff.compare.cost import CostLine

TITLE = "LLM cost calculator"
# Per request (the cost engine prices one request, then multiplies by the request count).
DEFAULT_WORKLOAD: dict[str, int] = {
    "requests": 100_000,
    "input_tokens": 2_000,
    "output_tokens": 500,
    "cached_tokens": 0,
}


class WorkloadEntry(TypedDict):
    """Tokens of one request, and how many requests."""

    input_tokens: int
    output_tokens: int
    cached_tokens: int
    requests: int


class PricedModel(TypedDict):
    """A model being priced."""

    id: str
    slug: str
    name: str
    url: str


class LineEntry(TypedDict):
    """One offering priced for the workload (USD totals, per-1M rates applied)."""

    model: str
    model_name: str
    provider: str
    provider_name: str
    provider_model_id: str
    input_per_mtok: str | None
    output_per_mtok: str | None
    cache_read_per_mtok: str | None
    input_usd: str | None
    cached_usd: str | None
    output_usd: str | None
    total_usd: str | None
    priced: bool
    tier_above_input_tokens: int | None
    cache_priced_as_input: bool
    free: bool
    fits_context: bool | None
    lifecycle: str
    source: str
    checked: str
    dated: str  # "checked 2026-06-09" / "as of 2026-07-02 (models.dev)"
    note: str | None
    headline_excluded_reason: str | None  # why it is not a comparable price (compare.headline)
    output_applicable: bool  # False: the kind has no output tokens (embedding): not applicable
    # no total only because a side is sold in another unit (docs/units.md): "not per token",
    # never "unpriced" (Oracle bills per character, at a price the catalog does not hold)
    not_per_token: bool
    # no total because one side is priced per token and the other stated in no unit (half a
    # price): "partly priced", its note naming the missing side (``compare.route_gap``)
    partly_priced: bool
    # what the total cell says when there is none: "not per token", "partly priced" or
    # "unpriced" (the route's class, as the comparison lists it); None: it has a total
    total_missing: str | None
    # why a side's cost (and rate per 1M) is missing, worded per side: "not per token" (sold
    # in another unit) or "unpriced" (no price in any unit); None: the side has its cost.
    # Cached tokens without a cache price are billed as input: they share input's reason.
    input_missing: str | None
    cached_missing: str | None
    output_missing: str | None


class CalculatorContext(TypedDict):
    """Everything the calculator shows: the workload and every route, cheapest first."""

    title: str
    models: list[PricedModel]
    workload: WorkloadEntry
    lines: list[LineEntry]
    line_count: int
    priced_count: int
    # routes without a total, by the class the comparison lists them in (``route_gap``)
    unpriced_count: int  # no price stated in any unit
    not_per_token_count: int  # a side the workload uses priced only in another unit
    partly_priced_count: int  # a side priced per token, one the workload uses in no unit
    cheapest: LineEntry | None  # the first comparable route at the lowest total
    # the other comparable routes at that very total: a tie (``cheapest_tie_count`` of them)
    cheapest_ties: list[TiedRoute]
    cheapest_tie_count: int
    # "Cheapest: …" (a tie said as one), "Nothing to price: …" (a zero workload), or None
    cheapest_text: str | None
    # image models' totals are text tokens only (``calculator_summary.image_output_note``)
    image_output_note: str | None
    # the models are not of one known kind: said first, and no cheapest route across them
    kinds_note: str | None
    last_reviewed: str | None  # oldest review date shown (see reviewed_line)
    data_as_of: str | None  # oldest dataset snapshot date a price shown is "as of"
    reviewed_line: str
    sources: list[Attribution]


def unpriced_text(ctx: CalculatorContext) -> str:
    """ "4 unpriced, 1 partly priced, 1 not priced per token": the routes without a total,
    by why."""
    parts = [f"{ctx['unpriced_count']} unpriced"]
    if ctx["partly_priced_count"]:
        parts.append(f"{ctx['partly_priced_count']} {PARTLY_PRICED}")
    if ctx["not_per_token_count"]:
        parts.append(f"{ctx['not_per_token_count']} not priced per token")
    return ", ".join(parts)


_TOTAL_MISSING = {
    NOT_PER_TOKEN_ROUTE: NOT_PER_TOKEN,
    PARTLY_PRICED_ROUTE: PARTLY_PRICED,
    UNPRICED_ROUTE: "unpriced",
}


def _missing(why: str | None) -> str | None:
    """A side's reason (``compare.pricing.NOT_PER_TOKEN_ROUTE``/``UNPRICED_ROUTE``) in words."""
    if why is None:
        return None
    return NOT_PER_TOKEN if why == NOT_PER_TOKEN_ROUTE else "unpriced"


def _line(c: "CostLine", names: dict[str, str]) -> LineEntry:
    input_missing = _missing(c.input_missing)
    return LineEntry(
        model=c.model_id,
        model_name=names[c.model_id],
        provider=c.provider_id,
        provider_name=c.provider_name,
        provider_model_id=c.provider_model_id,
        input_per_mtok=decimal_text(c.input_per_mtok),
        output_per_mtok=decimal_text(c.output_per_mtok),
        cache_read_per_mtok=decimal_text(c.cache_read_per_mtok),
        input_usd=decimal_text(c.input_usd),
        cached_usd=decimal_text(c.cached_usd),
        output_usd=decimal_text(c.output_usd),
        total_usd=decimal_text(c.total_usd),
        priced=c.total_usd is not None,
        tier_above_input_tokens=c.tier_above_input_tokens,
        cache_priced_as_input=c.cache_priced_as_input,
        free=c.free,
        fits_context=c.fits_context,
        lifecycle=c.lifecycle,
        source=c.source_id,
        checked=c.checked,
        dated=dated_text(c.checked, c.as_of) or "",
        note=c.note,
        headline_excluded_reason=c.excluded_reason,
        output_applicable=c.output_applicable,
        not_per_token=c.no_total == NOT_PER_TOKEN_ROUTE,
        partly_priced=c.no_total == PARTLY_PRICED_ROUTE,
        total_missing=None if c.no_total is None else _TOTAL_MISSING[c.no_total],
        input_missing=input_missing,
        cached_missing=(input_missing or "unpriced") if c.cached_usd is None else None,
        output_missing=_missing(c.output_missing) if c.output_applicable else None,
    )


def not_comparable_text(line: LineEntry) -> str | None:
    """ "not comparable: priced in Poe's points, …": why a route is not a comparable price,
    as every format's notes say it (the HTML calculator's too); None when it is comparable,
    or when its reason is its lifecycle or already its note ("partly priced: …")."""
    reason = line["headline_excluded_reason"]
    if reason is None or reason == line["lifecycle"] or reason in (line["note"] or ""):
        return None
    return f"not comparable: {reason}"


FIT_NOTES = {False: "request larger than the served context", None: "context fit not yet sourced"}


def line_notes(line: LineEntry, fit: bool = True) -> str:
    """A route's notes, as every format says them: the prices applied (free tier, context
    tier, cached tokens billed as input), whether the request fits (``fit`` False: the format
    has a column for it), why it is not comparable, what its total leaves out or lacks, and
    its lifecycle when not GA; "" when there is nothing to say."""
    tier = line["tier_above_input_tokens"]
    return "; ".join(
        filter(
            None,
            (
                "free tier" if line["free"] else None,
                None if tier is None else f"price tier above {short_tokens(tier)} input tokens",
                "cached tokens priced as input (no cache price listed)"
                if line["cache_priced_as_input"]
                else None,
                FIT_NOTES.get(line["fits_context"]) if fit else None,
                not_comparable_text(line),
                line["note"],
                None if line["lifecycle"] == "ga" else line["lifecycle"],
            ),
        )
    )


def summary_lines(ctx: CalculatorContext) -> list[str]:
    """What every format says above the routes, after the workload and the kinds note: the
    cheapest line (or why there is none), then the image note unless it ends that line."""
    return conclusions(ctx["cheapest_text"], ctx["image_output_note"])


def after_total(ctx: CalculatorContext) -> str:
    """The cheapest line after "Cheapest: $…" (the HTML sets the total apart, in bold)."""
    text, cheapest = ctx["cheapest_text"], ctx["cheapest"]
    assert text is not None and cheapest is not None
    lead = f"Cheapest: {format_usd(cheapest['total_usd'])}"
    assert text.startswith(lead)
    return text.removeprefix(lead)


def _priced(m: Model) -> PricedModel:
    return PricedModel(id=m.id, slug=m.slug, name=m.name, url=urls.model(m.slug))


def priced_context(catalog: Catalog, models: Sequence[Model], w: Workload) -> CalculatorContext:
    """Every active offering of ``models`` priced for the workload ``w``."""
    # imported here: a comparison imports this module (``pages.comparison``) but never
    # prices a workload, and the cost engine is a cold ``tradeoff compare``'s import time
    from tradeoff.compare.cost import price_workload

    check_distinct(models)
    view = catalog_view(catalog)
    lines = price_workload(models, view.offerings, view.providers, w) if models else []
    names = {m.id: m.name for m in models}
    priced = [c for c in lines if c.total_usd is not None]
    # The cheapest route is a comparable one, as in the comparison (``ModelPricing.cheapest``):
    # a free variant is listed at $0 but is not the price of running the workload, nor is a
    # third-party quantization, a promotion or an unverified far-off-list price.
    paid = [c for c in priced if not c.free and c.excluded_reason is None]
    # Like for like (compare.like_for_like): no cheapest route across models of different kinds.
    kinds_note = kind_differ_text([m.id for m in models], names, kinds_of(models))
    if len(models) > 1 and kinds_note is not None:
        paid = []
        # routes listed model by model (each cheapest first), not ranked across kinds
        order = {m.id: n for n, m in enumerate(models)}
        lines = sorted(lines, key=lambda c: order[c.model_id])
    else:
        kinds_note = None
    nothing = nothing_to_price(w, [c.total_usd for c in paid])
    if nothing is not None:
        paid = []  # every total is $0.00: no route is cheaper than another
    tied = tied_routes(paid)
    image_note = image_output_note(models)
    said = nothing
    if paid:
        said = cheapest_text(paid[0], tied, names, models, image_note)
    reviewed, as_of = reviewed_and_as_of((c.checked, c.as_of) for c in lines)
    return CalculatorContext(
        title=TITLE,
        models=[_priced(m) for m in models],
        workload=WorkloadEntry(
            input_tokens=w.input_tokens,
            output_tokens=w.output_tokens,
            cached_tokens=w.cached_tokens,
            requests=w.requests,
        ),
        lines=[_line(c, names) for c in lines],
        line_count=len(lines),
        priced_count=len(priced),
        unpriced_count=sum(1 for c in lines if c.no_total == UNPRICED_ROUTE),
        not_per_token_count=sum(1 for c in lines if c.no_total == NOT_PER_TOKEN_ROUTE),
        partly_priced_count=sum(1 for c in lines if c.no_total == PARTLY_PRICED_ROUTE),
        cheapest=_line(paid[0], names) if paid else None,
        cheapest_ties=[tied_entry(c, names) for c in tied],
        cheapest_tie_count=len(tied),
        cheapest_text=said,
        image_output_note=image_note,
        kinds_note=kinds_note,
        last_reviewed=reviewed,
        data_as_of=as_of,
        reviewed_line=reviewed_line(reviewed, as_of),
        sources=attribution(catalog, {s for c in lines for s in (c.source_id, *c.cited_sources)}),
    )


def cost_context(
    catalog: Catalog,
    model_ids: Sequence[str],
    input_tokens: int,
    output_tokens: int,
    cached_tokens: int = 0,
    requests: int = 1,
) -> CalculatorContext:
    """The calculator for models named by id, slug or alias (CLI `tradeoff cost`)."""
    workload = Workload(input_tokens, output_tokens, cached_tokens, requests)
    models = [catalog.resolve(n) for n in model_ids]
    if not models:
        raise UsageError("give at least one model", field="MODEL")
    return priced_context(catalog, models, workload)


def calculator_context(
    catalog: Catalog, models: Sequence[Model], workload: Workload
) -> CalculatorContext:
    """The calculator page (or `/api/v1/cost`) for resolved models."""
    return priced_context(catalog, models, workload)
