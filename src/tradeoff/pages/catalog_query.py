"""The catalog table's query model (`/`, `/api/v1/models`): search, filters, sort, page and
the ticked models (``pages.queries`` holds the base and the other pages' models)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import Field, ValidationInfo, field_validator

from tradeoff.pages.catalog_table import (
    DEFAULT_KIND,
    KIND_VALUES,
    PER_PAGE,
    SORTS,
    TRI_VALUES,
    catalog_options,
)
from tradeoff.pages.queries import (
    PageQuery,
    ParamError,
    catalog_of,
    name_list,
    usd_amount,
    whole_number,
)
from tradeoff.records import CAPABILITIES

SORTS_HELP = ", ".join(SORTS)


class CatalogQuery(PageQuery):
    """Search, filters, sort, page and ticked models of the catalog table; one GET parameter
    per field."""

    repeatable: ClassVar[frozenset[str]] = frozenset({"capability", "modality", "models"})

    kind: str = Field(
        DEFAULT_KIND,
        description="model kind ('unknown': kind not yet sourced; 'all': every kind); "
        "default text-generation",
        examples=["speech-to-text"],
        json_schema_extra={"enum": list(KIND_VALUES)},
    )
    q: str = Field(
        "",
        description="a model's id, slug, alias or name as typed ('gpt4o'), or words of its "
        "name, lab or licence; near spellings match too, best match first",
    )
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
    sort: str = Field(
        "", description=f"{SORTS_HELP}; default: relevance when searching, else providers"
    )
    order: str = Field("", description="asc or desc; default: the sort's natural order")
    page: int = Field(1, description=f"page of {PER_PAGE} rows, from 1")
    models: list[str] = Field(
        default_factory=list,
        description="ticked models (slugs, ids or aliases), kept across searches and pages",
    )
    compare: str = Field("", description="any value: compare the ticked models (2 to 4)")

    @field_validator("models", mode="before")
    @classmethod
    def _ticked(cls, value: object) -> object:
        names = name_list(value)
        return list(dict.fromkeys(names)) if isinstance(names, list) else names

    @field_validator("page", mode="before")
    @classmethod
    def _page(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        if not value.strip().isascii() or not value.strip().isdigit() or int(value) < 1:
            raise ParamError("page", f"page must be a page number (1 or more), got {value!r}")
        return whole_number("page", value.strip())

    @field_validator("q", "licence", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return value.strip()[:200] if isinstance(value, str) else value

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in KIND_VALUES:
            raise ValueError(f"unknown kind {value!r}; one of {', '.join(KIND_VALUES)}")
        return value

    @field_validator("capability")
    @classmethod
    def _capability(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for c in value:
            if c not in CAPABILITIES:
                raise ValueError(f"unknown capability {c!r}; one of {', '.join(CAPABILITIES)}")
        return value

    @field_validator("modality")
    @classmethod
    def _modality(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        allowed = catalog_options(catalog_of(info))["modalities"]
        for m in value:
            if m not in allowed:
                raise ValueError(f"unknown modality {m!r}; one of {', '.join(allowed)}")
        return value

    @field_validator("open_weights")
    @classmethod
    def _tri(cls, value: str) -> str:
        if value not in TRI_VALUES:
            raise ValueError(f"open_weights must be one of {', '.join(TRI_VALUES)}, got {value!r}")
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
        if value and value not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, got {value!r}")
        return value

    @field_validator("order")
    @classmethod
    def _order(cls, value: str) -> str:
        if value not in ("", "asc", "desc"):
            raise ValueError("order must be asc or desc")
        return value
