"""The catalog table (`/`, CLI `models list`): one row per model, filtered and sorted.

A row's "cheapest" is the comparison engine's (``ModelPricing.cheapest`` at the default 70/30
blend): the cheapest paid, priced offering on an active provider, so the catalog table, its
CSV, the API and the comparison page state the same route.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Protocol, TypedDict

from tradeoff import urls
from tradeoff.compare.pricing import counts_as_availability, provider_of
from tradeoff.compare.route_gap import not_per_token_sides, route_gap, sold_components
from tradeoff.db import derived
from tradeoff.db.queries import Catalog
from tradeoff.kinds import (
    MODEL_KINDS,
    NOT_APPLICABLE,
    TEXT_GENERATION,
    has_output_price,
    kind_label,
)
from tradeoff.names import Match
from tradeoff.pages.jsonable import decimal_text
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.view import catalog_view
from tradeoff.records import CAPABILITIES, Prices
from tradeoff.units import NOT_PER_TOKEN, NOT_PER_TOKEN_ROUTE, unit_label

TITLE = "LLM catalog: models, providers and prices"
SORTS: dict[str, str] = {
    "name": "Name",
    "lab": "Lab",
    "released": "Released",
    "context": "Context",
    "input_price": "Input $/1M",
    "output_price": "Output $/1M",
    "providers": "Providers",
}
# The default order: most providers first — the models served by the most companies are the
# ones most people look up and compare (an obscure model sorted first by name is not); ties
# newest first. A search ranks by relevance (tradeoff.names: best match first).
DEFAULT_SORT = "providers"
RELEVANCE = "relevance"
NATURAL_ORDER: dict[str, str] = {
    "name": "asc",
    "lab": "asc",
    "released": "desc",
    "context": "desc",
    "input_price": "asc",
    "output_price": "asc",
    "providers": "desc",
    RELEVANCE: "desc",
}
PER_PAGE = 50  # rows per page of the HTML table and its twins (no-JS paging)
TRI_VALUES = ("yes", "no", "unknown")
# The kind filter: the default view is text generation; "all" lifts the filter, "unknown"
# lists the models whose kind is not yet sourced.
DEFAULT_KIND = TEXT_GENERATION
ALL_KINDS = "all"
UNKNOWN_KIND = "unknown"
KIND_VALUES = (*MODEL_KINDS, UNKNOWN_KIND, ALL_KINDS)


class RowQuote(TypedDict):
    """A row's cheapest route."""

    provider: str
    provider_model_id: str
    input_per_mtok: str | None
    output_per_mtok: str | None
    blended_per_mtok: str | None
    free: bool
    lifecycle: str
    output_applicable: bool  # False: the kind has no output tokens (embedding): not applicable


class CatalogRow(TypedDict):
    """One model in the catalog table."""

    id: str
    slug: str
    name: str
    lab: str
    lab_name: str
    kind: str | None  # tradeoff.kinds.MODEL_KINDS; None: not yet sourced
    kind_label: str
    release_date: str | None
    context_tokens: int | None
    open_weights: bool | None
    licence: str | None
    capabilities: dict[str, bool | None]
    modalities_input: list[str]
    providers: list[str]
    offering_count: int
    provider_count: int
    cheapest: RowQuote | None
    # no per-token route, but prices in other units: their units ("per minute of audio"),
    # shown instead of "unpriced"; None otherwise
    not_per_token: str | None
    # the sides those routes sell in other units (``compare.route_gap``): gpt-image-1-mini's
    # output, not its input (priced per token on every route)
    not_per_token_sides: list[str]
    # the sides some live route prices per token (or free): without a headline route, their
    # cells read "no comparable route", never "unpriced"
    token_priced_sides: list[str]


class CatalogEntry(CatalogRow):
    """A row as a page lists it: with the model page's URL."""

    url: str


class CatalogOptions(TypedDict):
    """The values each filter can take, from the catalog itself."""

    capabilities: list[str]
    modalities: list[str]
    licences: list[str]
    labs: list[str]
    providers: list[str]


@per_catalog
def catalog_rows(catalog: Catalog) -> list[CatalogRow]:
    """One row per model: as stored at database build (``pages.precompute``), else computed
    from the whole catalog."""
    stored: list[CatalogRow] | None = derived.stored_value(catalog, "catalog_rows")
    return computed_catalog_rows(catalog) if stored is None else stored


def not_per_token_units(p: Prices, has_output: bool) -> tuple[list[str], tuple[str, ...]]:
    """The units a route with no total per token sells its other sides in, and those sides,
    when its class is "not per token" (``compare.route_gap``): gpt-image-1-mini at OpenAI
    prices input per token and sells output per image and per 1M image tokens; fal sells an
    image model per image (both sides)."""
    sold = sold_components(u.component for u in p.unit_prices)
    gap = route_gap(p.input_per_mtok, p.output_per_mtok, sold, p.free, has_output)
    if gap is None or gap.kind != NOT_PER_TOKEN_ROUTE:
        return [], ()
    whole = not p.token_priced  # no side priced per token: every unit it is sold in
    units = [unit_label(u.unit) for u in p.unit_prices if whole or u.component in gap.sides]
    # the cells that read "not per token" (as a comparison's): a side stated in no unit at
    # all (DALL-E 3's input beside its per-image output) is unpriced all the same
    return units, not_per_token_sides(p.input_per_mtok, p.output_per_mtok, sold, p.free, has_output)


def token_priced_sides(p: Prices, has_output: bool) -> list[str]:
    """The sides a route prices per 1M text tokens (all of them when it is free)."""
    sides = [("input", p.input_per_mtok), ("output", p.output_per_mtok if has_output else None)]
    return [side for side, usd in sides if usd is not None or (p.free and side == "input")]


def missing_row_price(row: CatalogRow, side: str) -> str:
    """A catalog row's input or output cell without a headline route, in every format: "not
    applicable" for the output of a kind without output tokens, "not per token (per image, …)"
    for a side its routes sell in another unit, "no comparable route" for a side a route
    prices per token (none is comparable: ministral-3b-2512's five routes serve 131K of its
    262K context), else "unpriced" (no route prices it in any unit)."""
    if side == "output" and not has_output_price(row["kind"]):
        return NOT_APPLICABLE
    if row["not_per_token"] is not None and side in row["not_per_token_sides"]:
        return f"{NOT_PER_TOKEN} ({row['not_per_token']})"
    if side in row["token_priced_sides"]:
        return "no comparable route"
    return "unpriced"


def computed_catalog_rows(catalog: Catalog) -> list[CatalogRow]:
    """One row per model: identity, key facts, and its cheapest route."""
    view = catalog_view(catalog)
    rows: list[CatalogRow] = []
    for model in catalog.models.values():
        offerings = view.offerings.get(model.id, ())
        # one per company: a regional endpoint counts as its main provider (compare.pricing)
        live = {
            provider_of(o, catalog.providers).company_id
            for o in offerings
            if counts_as_availability(o, catalog.providers)
        }
        q = view.cheapest_quotes.get(model.id)
        lab = catalog.labs.get(model.lab_id)
        has_output = has_output_price(model.kind.value)
        units: dict[str, None] = {}
        sides: dict[str, None] = {}
        priced: dict[str, None] = {}
        for o in offerings:
            if o.provider_id in live:
                sold, gap_sides = not_per_token_units(o.prices, has_output)
                units.update(dict.fromkeys(sold))
                sides.update(dict.fromkeys(gap_sides))
                priced.update(dict.fromkeys(token_priced_sides(o.prices, has_output)))
        rows.append(
            CatalogRow(
                id=model.id,
                slug=model.slug,
                name=model.name,
                lab=model.lab_id,
                lab_name=lab.name if lab else model.lab_id,
                kind=model.kind.value,
                kind_label=kind_label(model.kind.value),
                release_date=model.release_date.value.iso if model.release_date.value else None,
                context_tokens=model.context_tokens.value,
                open_weights=model.open_weights.value,
                licence=model.licence.value,
                capabilities={k: f.value for k, f in model.capabilities.items()},
                modalities_input=list(model.modalities_input.value or ()),
                providers=sorted(live),
                offering_count=len(offerings),
                provider_count=len(live),
                cheapest=None
                if q is None
                else RowQuote(
                    provider=q.provider_id,
                    provider_model_id=q.provider_model_id,
                    input_per_mtok=decimal_text(q.input_per_mtok),
                    output_per_mtok=decimal_text(q.output_per_mtok),
                    blended_per_mtok=decimal_text(q.blended_per_mtok),
                    free=q.free,
                    lifecycle=q.lifecycle,
                    output_applicable=q.output_applicable,
                ),
                not_per_token=", ".join(units) if q is None and units else None,
                not_per_token_sides=[s for s in ("input", "output") if s in sides]
                if q is None and units
                else [],
                token_priced_sides=[s for s in ("input", "output") if s in priced],
            )
        )
    return rows


def entry(row: CatalogRow) -> CatalogEntry:
    """A row with its model page's URL."""
    return CatalogEntry(**row, url=urls.model(row["slug"]))


@per_catalog
def catalog_options(catalog: Catalog) -> CatalogOptions:
    """The values each filter can take."""
    rows = catalog_rows(catalog)
    return CatalogOptions(
        capabilities=list(CAPABILITIES),
        modalities=sorted({m for r in rows for m in r["modalities_input"]}),
        licences=sorted({r["licence"] for r in rows if r["licence"]}, key=str.lower),
        labs=sorted({r["lab"] for r in rows}),
        providers=sorted({p for r in rows for p in r["providers"]}),
    )


class CatalogFilters(Protocol):
    """Search, filters and sort of the table (``pages.queries.CatalogQuery`` validates them)."""

    @property
    def q(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def capability(self) -> Sequence[str]: ...
    @property
    def modality(self) -> Sequence[str]: ...
    @property
    def open_weights(self) -> str: ...
    @property
    def licence(self) -> str: ...
    @property
    def lab(self) -> str: ...
    @property
    def provider(self) -> str: ...
    @property
    def min_context(self) -> int | None: ...
    @property
    def max_input_price(self) -> Decimal | None: ...
    @property
    def max_output_price(self) -> Decimal | None: ...
    @property
    def sort(self) -> str: ...
    @property
    def order(self) -> str: ...


def _tri(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _price(row: CatalogRow, key: str) -> Decimal | None:
    cheapest = row["cheapest"]
    text = None if cheapest is None else cheapest.get(key)
    return None if text is None or not isinstance(text, str) else Decimal(text)


def kind_matches(row: CatalogRow, kind: str) -> bool:
    """Is the row of the asked kind ("all": any; "unknown": kind not yet sourced)?"""
    if kind == ALL_KINDS:
        return True
    return row["kind"] == (None if kind == UNKNOWN_KIND else kind)


def matches(
    row: CatalogRow, query: CatalogFilters, found: Mapping[str, Match], *, kind: bool = True
) -> bool:
    """Does a row pass every filter (the kind filter too, unless ``kind`` is False)? Unknown
    values never pass a 'must have' filter. ``found``: the search's matches (``pages.search``),
    read only when the query searches."""
    if kind and not kind_matches(row, query.kind):
        return False
    if query.q and row["id"] not in found:
        return False
    if any(row["capabilities"].get(c) is not True for c in query.capability):
        return False
    if any(m not in row["modalities_input"] for m in query.modality):
        return False
    if query.open_weights and _tri(row["open_weights"]) != query.open_weights:
        return False
    if query.licence and (row["licence"] or "").lower() != query.licence.lower():
        return False
    if query.lab and row["lab"] != query.lab:
        return False
    if query.provider and query.provider not in row["providers"]:
        return False
    if query.min_context is not None and (row["context_tokens"] or 0) < query.min_context:
        return False
    for limit, key in (
        (query.max_input_price, "input_per_mtok"),
        (query.max_output_price, "output_per_mtok"),
    ):
        if limit is not None:
            price = _price(row, key)
            if price is None or price > limit:
                return False
    return True


SortValue = str | int | float | Decimal | None


def _sort_value(row: CatalogRow, sort: str, found: Mapping[str, Match]) -> SortValue:
    if sort == RELEVANCE:
        match = found.get(row["id"])
        return None if match is None else match.score
    values: dict[str, SortValue] = {
        "name": row["name"].lower(),
        "lab": row["lab_name"].lower(),
        "released": row["release_date"],
        "context": row["context_tokens"],
        "input_price": _price(row, "input_per_mtok"),
        "output_price": _price(row, "output_per_mtok"),
        "providers": row["provider_count"],
    }
    return values[sort]


def filter_rows(
    rows: list[CatalogRow], query: CatalogFilters, found: Mapping[str, Match]
) -> list[CatalogRow]:
    """Filter then sort (``sort_of``, ``order_of``); ties: most providers, then newest, then
    name; rows whose sort value is unknown come last in either direction."""
    sort, order = sort_of(query), order_of(query)
    kept = [r for r in rows if matches(r, query, found)]
    # tie-breaks first, then a stable sort by the value (reverse keeps the tie order)
    kept.sort(key=lambda r: (r["name"].lower(), r["id"]))
    kept.sort(key=lambda r: r["release_date"] or "", reverse=True)
    kept.sort(key=lambda r: r["provider_count"], reverse=True)
    valued = [(_sort_value(r, sort, found), r) for r in kept]
    known = [(value, r) for value, r in valued if value is not None]
    known.sort(key=lambda vr: vr[0], reverse=order == "desc")
    return [r for _, r in known] + [r for value, r in valued if value is None]


def sort_of(query: CatalogFilters) -> str:
    """The sort in force: the one asked, else relevance when searching, else most providers."""
    return query.sort or (RELEVANCE if query.q else DEFAULT_SORT)


def order_of(query: CatalogFilters) -> str:
    """The order in force: the one asked, else the sort's natural one."""
    return query.order or NATURAL_ORDER[sort_of(query)]
