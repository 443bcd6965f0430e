"""The catalog table (`/`, CLI `models list`): one row per model, filtered and sorted.

A row's "cheapest" is the comparison engine's (``ModelPricing.cheapest`` at the default 70/30
blend): the cheapest paid, priced offering on an active provider, so the catalog table, its
CSV, the API and the comparison page state the same route.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol, TypedDict

from tradeoff import urls
from tradeoff.compare.pricing import counts_as_availability, provider_of
from tradeoff.db import derived
from tradeoff.db.queries import Catalog
from tradeoff.kinds import MODEL_KINDS, TEXT_GENERATION, kind_label
from tradeoff.pages.jsonable import decimal_text
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.sources import Attribution, attribution, row_sources
from tradeoff.pages.view import catalog_view
from tradeoff.records import CAPABILITIES
from tradeoff.units import unit_label

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
        units = dict.fromkeys(
            unit_label(u.unit)
            for o in offerings
            if o.provider_id in live and not o.prices.token_priced
            for u in o.prices.unit_prices
        )
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


def params(f: CatalogFilters, **override: str) -> dict[str, str | list[str]]:
    """The filters as URL parameters (for links that change one thing, e.g. the sort)."""
    out: dict[str, str | list[str]] = {
        "kind": "" if f.kind == DEFAULT_KIND else f.kind,
        "q": f.q,
        "capability": list(f.capability),
        "modality": list(f.modality),
        "open_weights": f.open_weights,
        "licence": f.licence,
        "lab": f.lab,
        "provider": f.provider,
        "min_context": "" if f.min_context is None else str(f.min_context),
        "max_input_price": "" if f.max_input_price is None else str(f.max_input_price),
        "max_output_price": "" if f.max_output_price is None else str(f.max_output_price),
        "sort": "" if f.sort == "name" else f.sort,
        "order": "" if f.order == "asc" else f.order,
    }
    out.update(override)
    return out


def echo(f: CatalogFilters) -> dict[str, str | list[str]]:
    """The filters as JSON (the .json twin says what it was asked)."""
    return {k: v for k, v in params(f, sort=f.sort, order=f.order, kind=f.kind).items() if v}


def sort_links(f: CatalogFilters) -> dict[str, str]:
    """For each sort column: the table sorted by it (a second click reverses the order)."""
    links: dict[str, str] = {}
    for key in SORTS:
        reverse = f.sort == key and f.order == "asc"
        links[key] = urls.home(params(f, sort=key, order="desc" if reverse else ""))
    return links


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


def matches(row: CatalogRow, query: CatalogFilters, *, kind: bool = True) -> bool:
    """Does a row pass every filter (the kind filter too, unless ``kind`` is False)? Unknown
    values never pass a 'must have' filter."""
    if kind and not kind_matches(row, query.kind):
        return False
    if query.q:
        text = " ".join([row["id"], row["name"], row["lab_name"], row["licence"] or ""]).lower()
        if not all(word in text for word in query.q.lower().split()):
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


SortValue = str | int | Decimal | None


def _sort_value(row: CatalogRow, sort: str) -> SortValue:
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


def filter_rows(rows: list[CatalogRow], query: CatalogFilters) -> list[CatalogRow]:
    """Filter then sort; rows whose sort value is unknown come last in either direction."""
    kept = [(_sort_value(r, query.sort), r) for r in rows if matches(r, query)]
    known = [(value, r) for value, r in kept if value is not None]
    known.sort(
        key=lambda vr: (vr[0], vr[1]["name"].lower(), vr[1]["id"]),
        reverse=query.order == "desc",
    )
    unknown = sorted(
        (r for value, r in kept if value is None), key=lambda r: (r["name"].lower(), r["id"])
    )
    return [r for _, r in known] + unknown


class KindTab(TypedDict):
    """One kind the table can show, with how many models pass the other filters, and its link."""

    kind: str  # a MODEL_KINDS value, "unknown" or "all"
    label: str
    count: int
    url: str
    current: bool


def kind_tabs(rows: list[CatalogRow], query: CatalogFilters) -> list[KindTab]:
    """The default view (text generation), every other kind one click away, and "all"; a kind
    no model passing the other filters has is left out (unless it is the one asked)."""
    passing = [r for r in rows if matches(r, query, kind=False)]
    tabs = []
    for kind in KIND_VALUES:
        count = sum(kind_matches(r, kind) for r in passing)
        if count or kind in (query.kind, DEFAULT_KIND, ALL_KINDS):
            label = {ALL_KINDS: "All kinds", UNKNOWN_KIND: "Kind not yet sourced"}.get(
                kind, kind_label(kind)
            )
            url = urls.home(params(query, kind="" if kind == DEFAULT_KIND else kind))
            tabs.append(
                KindTab(kind=kind, label=label, count=count, url=url, current=kind == query.kind)
            )
    return tabs


class CatalogContext(TypedDict):
    """The catalog table page: the rows shown, the filters asked, the values filters take."""

    title: str
    kind: str  # the kind shown (default text-generation; "all": every kind)
    kinds: list[KindTab]
    models: list[CatalogEntry]
    count: int
    total: int
    filters: dict[str, str | list[str]]
    sort: str
    order: str
    sorts: dict[str, str]
    sort_links: dict[str, str]
    options: CatalogOptions
    providers: dict[str, str]
    labs: dict[str, str]
    sources: list[Attribution]
    catalog_version: str


def catalog_context(catalog: Catalog, query: CatalogFilters) -> CatalogContext:
    """The catalog table, filtered and sorted as ``query`` asks."""
    rows = catalog_rows(catalog)
    shown = filter_rows(rows, query)
    return CatalogContext(
        title=TITLE,
        kind=query.kind,
        kinds=kind_tabs(rows, query),
        models=[entry(r) for r in shown],
        count=len(shown),
        total=len(rows),
        filters=echo(query),
        sort=query.sort,
        order=query.order,
        sorts=SORTS,
        sort_links=sort_links(query),
        options=catalog_options(catalog),
        providers={p.id: p.name for p in catalog.providers.values()},
        labs={lab.id: lab.name for lab in catalog.labs.values()},
        sources=attribution(catalog, row_sources(catalog, [r["id"] for r in shown])),
        catalog_version=catalog.version,
    )
