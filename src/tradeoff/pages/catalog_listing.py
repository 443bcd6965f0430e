"""The catalog table page (`/`, `/api/v1/models`): one page of the filtered, sorted rows, the
ticked models (``models=``, kept across searches, filters and pages), the kinds, page links
and a one-line summary of what is shown."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from math import ceil
from typing import Protocol, TypedDict

from tradeoff import urls
from tradeoff.compare.wording import short_tokens
from tradeoff.db.queries import Catalog
from tradeoff.kinds import kind_label
from tradeoff.names import Match
from tradeoff.pages.catalog_table import (
    ALL_KINDS,
    DEFAULT_KIND,
    KIND_VALUES,
    NATURAL_ORDER,
    PER_PAGE,
    RELEVANCE,
    SORTS,
    UNKNOWN_KIND,
    CatalogEntry,
    CatalogFilters,
    CatalogOptions,
    CatalogRow,
    catalog_options,
    catalog_rows,
    entry,
    filter_rows,
    kind_matches,
    matches,
    order_of,
    sort_of,
)
from tradeoff.pages.search import search
from tradeoff.pages.sources import Attribution, attribution, row_sources
from tradeoff.records import CAPABILITY_LABELS

TITLE = "LLM catalog: models, providers and prices"
ORDER_NOTE = (
    "Sorted by number of providers, most first (ties: newest first): the models served by the "
    "most companies are the ones most people compare. A search is sorted by best match."
)


class Listing(CatalogFilters, Protocol):
    """The filters plus the page asked and the ticked models (``CatalogQuery``)."""

    @property
    def page(self) -> int: ...
    @property
    def models(self) -> Sequence[str]: ...


def params(f: Listing, **override: str | list[str]) -> dict[str, str | list[str]]:
    """The filters, ticks and page as URL parameters (for links that change one thing)."""
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
        "sort": f.sort,
        "order": f.order,
        "models": ",".join(f.models),
        "page": "" if f.page == 1 else str(f.page),
    }
    out.update(override)
    return out


def echo(f: Listing) -> dict[str, str | list[str]]:
    """The filters in force as JSON (the .json twin says what it was asked)."""
    asked = params(f, sort=sort_of(f), order=order_of(f), kind=f.kind, page="")
    return {k: v for k, v in asked.items() if v and k != "models"}


def sort_links(f: Listing) -> dict[str, str]:
    """For each sort column: the table sorted by it, from page 1 (a second click reverses)."""
    links: dict[str, str] = {}
    for key in SORTS:
        natural = NATURAL_ORDER[key]
        flipped = "desc" if natural == "asc" else "asc"
        order = flipped if sort_of(f) == key and order_of(f) == natural else ""
        links[key] = urls.home(params(f, sort=key, order=order, page=""))
    return links


class KindTab(TypedDict):
    """One kind the table can show, with how many models pass the other filters, and its link."""

    kind: str  # a MODEL_KINDS value, "unknown" or "all"
    label: str
    count: int
    url: str
    current: bool


def kind_tabs(rows: list[CatalogRow], query: Listing, found: dict[str, Match]) -> list[KindTab]:
    """The default view (text generation), every other kind one click away, and "all"; a kind
    no model passing the other filters has is left out (unless it is the one asked)."""
    passing = [r for r in rows if matches(r, query, found, kind=False)]
    tabs = []
    for kind in KIND_VALUES:
        count = sum(kind_matches(r, kind) for r in passing)
        if count or kind in (query.kind, DEFAULT_KIND, ALL_KINDS):
            label = {ALL_KINDS: "All kinds", UNKNOWN_KIND: "Kind not yet sourced"}.get(
                kind, kind_label(kind)
            )
            link = params(query, kind="" if kind == DEFAULT_KIND else kind, page="")
            tabs.append(
                KindTab(
                    kind=kind,
                    label=label,
                    count=count,
                    url=urls.home(link),
                    current=kind == query.kind,
                )
            )
    return tabs


class PageLink(TypedDict):
    """One page of the table: its number and link."""

    page: int
    url: str
    current: bool


class CatalogContext(TypedDict):
    """The catalog table page: one page of the rows, the ticked models, the filters asked."""

    title: str
    kind: str  # the kind shown (default text-generation; "all": every kind)
    kinds: list[KindTab]
    models: list[CatalogEntry]  # this page's rows (``shown`` of ``count``)
    count: int  # models matching the filters (every page)
    total: int  # models in the catalog
    shown: int
    page: int
    pages: int
    per_page: int
    first: int  # 1-based position of the first row shown (0: none)
    page_links: list[PageLink]
    selected: list[CatalogEntry]  # ticked models (``models=``), shown first whatever the filters
    summary: str  # the filters in force, in one line
    order_note: str  # why the table is in this order
    filters: dict[str, str | list[str]]
    sort: str  # the sort in force
    order: str
    sort_asked: str  # "" : the default (best match when searching, else most providers)
    order_asked: str  # "": the sort's natural order
    sorts: dict[str, str]
    sort_links: dict[str, str]
    options: CatalogOptions
    # "Context at least": (tokens, label) of each choice, the minimum in force among them
    context_options: list[ContextChoice]
    providers: dict[str, str]
    labs: dict[str, str]
    sources: list[Attribution]


CONTEXT_CHOICES = (32_000, 64_000, 128_000, 200_000, 1_000_000)


class ContextChoice(TypedDict):
    """One choice of "Context at least": its token count and its label ("32K")."""

    tokens: int
    label: str


def context_options(applied: int | None) -> list[ContextChoice]:
    """The "Context at least" choices, labelled as the table writes counts ("32K"), with the
    minimum in force among them when it is none of them (a bookmark's min_context=32768):
    the form shows the filter the table applies, never "any"."""
    counts = sorted({*CONTEXT_CHOICES, *(() if applied is None else (applied,))})
    return [ContextChoice(tokens=n, label=short_tokens(n)) for n in counts]


def cap_text(cap: Decimal) -> str:
    """A price cap as the visitor wrote it, thousands grouped ("$1,500", "$0.14999"): never
    rounded, for the table filters by the cap itself (format_usd would print "$0.15")."""
    whole, _, frac = format(cap, "f").partition(".")
    return f"${int(whole):,}" + (f".{frac}" if frac else "")


def summary(query: Listing, ctx_count: int, total: int, names: dict[str, str]) -> str:
    """The filters in force in one line: "Text generation · “gpt4o” · Tool calling · …"."""
    kind = {ALL_KINDS: "All kinds", UNKNOWN_KIND: "Kind not yet sourced"}.get(
        query.kind, kind_label(query.kind)
    )
    parts = [kind]
    if query.q:
        parts.append(f"matching “{query.q}”")
    parts += [f"has {CAPABILITY_LABELS.get(c, c)}" for c in query.capability]
    parts += [f"accepts {m}" for m in query.modality]
    if query.open_weights:
        parts.append(f"open weights: {query.open_weights}")
    if query.licence:
        parts.append(f"licence {query.licence}")
    if query.lab:
        parts.append(f"lab {names.get(query.lab, query.lab)}")
    if query.provider:
        parts.append(f"served by {names.get(query.provider, query.provider)}")
    if query.min_context is not None:
        parts.append(f"context ≥ {query.min_context:,}")
    if query.max_input_price is not None:
        parts.append(f"input ≤ {cap_text(query.max_input_price)}/1M")
    if query.max_output_price is not None:
        parts.append(f"output ≤ {cap_text(query.max_output_price)}/1M")
    sort = sort_of(query)
    direction = "descending" if order_of(query) == "desc" else "ascending"
    parts.append(
        "best match first" if sort == RELEVANCE else f"sorted by {SORTS[sort]} ({direction})"
    )
    return " · ".join(parts) + f" — {ctx_count} of {total} models"


def catalog_context(
    catalog: Catalog,
    query: Listing,
    selected: Sequence[str] = (),
) -> CatalogContext:
    """One page of the catalog table, filtered and sorted as ``query`` asks; ``selected``:
    the ticked models' ids (resolved by the caller)."""
    rows = catalog_rows(catalog)
    found = search(catalog, query.q)
    matching = filter_rows(rows, query, found)
    pages = max(1, ceil(len(matching) / PER_PAGE))
    page = min(query.page, pages)
    shown = matching[(page - 1) * PER_PAGE : page * PER_PAGE]
    by_id = {r["id"]: r for r in rows}
    ticked = [entry(by_id[i]) for i in selected if i in by_id]
    names = {p.id: p.name for p in catalog.providers.values()}
    labs = {lab.id: lab.name for lab in catalog.labs.values()}
    return CatalogContext(
        title=TITLE,
        kind=query.kind,
        kinds=kind_tabs(rows, query, found),
        models=[entry(r) for r in shown],
        count=len(matching),
        total=len(rows),
        shown=len(shown),
        page=page,
        pages=pages,
        per_page=PER_PAGE,
        first=(page - 1) * PER_PAGE + 1 if shown else 0,
        page_links=[
            PageLink(page=n, url=urls.home(params(query, page=str(n))), current=n == page)
            for n in range(1, pages + 1)
        ]
        if pages > 1
        else [],
        selected=ticked,
        summary=summary(query, len(matching), len(rows), {**names, **labs}),
        order_note=ORDER_NOTE,
        filters=echo(query),
        sort=sort_of(query),
        order=order_of(query),
        sort_asked=query.sort,
        order_asked=query.order,
        sorts=SORTS,
        sort_links=sort_links(query),
        options=catalog_options(catalog),
        context_options=context_options(query.min_context),
        providers=names,
        labs=labs,
        sources=attribution(catalog, row_sources(catalog, [r["id"] for r in [*ticked, *shown]])),
    )
