"""The catalog table (`/`, CLI `models list`): one row per model, filtered and sorted.

A row's "cheapest" is the comparison engine's (``ModelPricing.cheapest`` at the default 70/30
blend): the cheapest paid, priced offering on an active provider, so the catalog table, its
CSV, the API and the comparison page state the same route.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, TypedDict

from pydantic import Field, ValidationInfo, field_validator

from tradeoff import urls
from tradeoff.compare.pricing import is_live
from tradeoff.db.queries import Catalog
from tradeoff.pages.jsonable import decimal_text
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.query import PageQuery, catalog_of, usd_amount, whole_number
from tradeoff.pages.sources import Attribution, attribution, row_sources
from tradeoff.pages.view import catalog_view
from tradeoff.records import CAPABILITIES

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


class RowQuote(TypedDict):
    """A row's cheapest route."""

    provider: str
    provider_model_id: str
    input_per_mtok: str | None
    output_per_mtok: str | None
    blended_per_mtok: str | None
    free: bool
    lifecycle: str


class CatalogRow(TypedDict):
    """One model in the catalog table."""

    id: str
    slug: str
    name: str
    lab: str
    lab_name: str
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
    """One row per model: identity, key facts, and its cheapest route."""
    view = catalog_view(catalog)
    rows: list[CatalogRow] = []
    for model in catalog.models.values():
        offerings = view.offerings.get(model.id, ())
        live = {
            o.provider_id for o in offerings if is_live(o, catalog.providers.get(o.provider_id))
        }
        q = view.cheapest_quotes.get(model.id)
        lab = catalog.labs.get(model.lab_id)
        rows.append(
            CatalogRow(
                id=model.id,
                slug=model.slug,
                name=model.name,
                lab=model.lab_id,
                lab_name=lab.name if lab else model.lab_id,
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
                ),
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


class CatalogQuery(PageQuery):
    """Search, filters and sort of the catalog table; each field is one GET parameter."""

    repeatable: ClassVar[frozenset[str]] = frozenset({"capability", "modality"})

    q: str = Field("", description="words that must all appear in id, name, lab or licence")
    capability: tuple[str, ...] = Field(
        (), description="capability the model must have (repeatable)"
    )
    modality: tuple[str, ...] = Field(
        (), description="input modality the model must accept (repeatable)"
    )
    open_weights: str = Field("", description="yes, no or unknown")
    licence: str = Field("", description="licence name, exact (case-insensitive)")
    lab: str = Field("", description="lab id")
    provider: str = Field("", description="provider id that must serve the model")
    min_context: int | None = Field(None, description="minimum context window, tokens")
    max_input_price: Decimal | None = Field(
        None, description="max cheapest input price, USD per 1M"
    )
    max_output_price: Decimal | None = Field(
        None, description="max cheapest output price, USD per 1M"
    )
    sort: str = Field("name", description=", ".join(SORTS))
    order: str = Field("asc", description="asc or desc")

    @field_validator("q", "licence", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return value.strip()[:200] if isinstance(value, str) else value

    @field_validator("capability")
    @classmethod
    def _capability(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for c in value:
            if c not in CAPABILITIES:
                raise ValueError(f"unknown capability {c!r}; one of {CAPABILITIES}")
        return value

    @field_validator("modality")
    @classmethod
    def _modality(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        allowed = catalog_options(catalog_of(info))["modalities"]
        for m in value:
            if m not in allowed:
                raise ValueError(f"unknown modality {m!r}; one of {allowed}")
        return value

    @field_validator("open_weights")
    @classmethod
    def _tri(cls, value: str) -> str:
        if value not in TRI_VALUES:
            raise ValueError(f"open_weights must be one of {TRI_VALUES}")
        return value

    @field_validator("lab", "provider")
    @classmethod
    def _known(cls, value: str, info: ValidationInfo) -> str:
        options = catalog_options(catalog_of(info))
        known = options["labs"] if info.field_name == "lab" else options["providers"]
        if value not in known:
            raise ValueError(f"unknown {info.field_name} {value!r}")
        return value

    @field_validator("min_context", mode="before")
    @classmethod
    def _tokens(cls, value: object) -> object:
        return whole_number("min_context", value)

    @field_validator("max_input_price", "max_output_price", mode="before")
    @classmethod
    def _usd(cls, value: object, info: ValidationInfo) -> object:
        return usd_amount(info.field_name or "price", value)

    @field_validator("sort")
    @classmethod
    def _sort(cls, value: str) -> str:
        if value not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, got {value!r}")
        return value

    @field_validator("order")
    @classmethod
    def _order(cls, value: str) -> str:
        if value not in ("asc", "desc"):
            raise ValueError("order must be asc or desc")
        return value

    def params(self, **override: str) -> dict[str, str | list[str]]:
        """The query as URL parameters (for links that change one thing, e.g. the sort)."""
        out: dict[str, str | list[str]] = {
            "q": self.q,
            "capability": list(self.capability),
            "modality": list(self.modality),
            "open_weights": self.open_weights,
            "licence": self.licence,
            "lab": self.lab,
            "provider": self.provider,
            "min_context": "" if self.min_context is None else str(self.min_context),
            "max_input_price": "" if self.max_input_price is None else str(self.max_input_price),
            "max_output_price": "" if self.max_output_price is None else str(self.max_output_price),
            "sort": "" if self.sort == "name" else self.sort,
            "order": "" if self.order == "asc" else self.order,
        }
        out.update(override)
        return out

    def echo(self) -> dict[str, str | list[str]]:
        """The filters as JSON (the .json twin says what it was asked)."""
        return {k: v for k, v in self.params(sort=self.sort, order=self.order).items() if v}

    def sort_links(self) -> dict[str, str]:
        """For each sort column: the table sorted by it (a second click reverses the order)."""
        links: dict[str, str] = {}
        for key in SORTS:
            reverse = self.sort == key and self.order == "asc"
            links[key] = urls.home(self.params(sort=key, order="desc" if reverse else ""))
        return links


def _tri(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _price(row: CatalogRow, key: str) -> Decimal | None:
    cheapest = row["cheapest"]
    text = None if cheapest is None else cheapest.get(key)
    return None if text is None or not isinstance(text, str) else Decimal(text)


def matches(row: CatalogRow, query: CatalogQuery) -> bool:
    """Does a row pass every filter? Unknown values never pass a 'must have' filter."""
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


def filter_rows(rows: list[CatalogRow], query: CatalogQuery) -> list[CatalogRow]:
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


class CatalogContext(TypedDict):
    """The catalog table page: the rows shown, the filters asked, the values filters take."""

    title: str
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


def catalog_context(catalog: Catalog, query: CatalogQuery) -> CatalogContext:
    """The catalog table, filtered and sorted as ``query`` asks."""
    rows = catalog_rows(catalog)
    shown = filter_rows(rows, query)
    return CatalogContext(
        title=TITLE,
        models=[entry(r) for r in shown],
        count=len(shown),
        total=len(rows),
        filters=query.echo(),
        sort=query.sort,
        order=query.order,
        sorts=SORTS,
        sort_links=query.sort_links(),
        options=catalog_options(catalog),
        providers={p.id: p.name for p in catalog.providers.values()},
        labs={lab.id: lab.name for lab in catalog.labs.values()},
        sources=attribution(catalog, row_sources(catalog, [r["id"] for r in shown])),
        catalog_version=catalog.version,
    )
