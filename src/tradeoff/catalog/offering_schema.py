"""Strict schema of a hand-written provider file: catalog/providers/<provider-id>.toml.

One reviewed file per provider holds that provider's offerings, written by a person. Every
value that states something about the offering is cited the way curated model facts are:
``{ value = …, source = "<source id>", checked = YYYY-MM-DD, quote = "…" }``. Prices are read
from the TOML as exact decimals (``0.30`` stays 0.30). docs/recipe-new-provider.md shows a
whole file.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BeforeValidator, Field, field_validator, model_validator

from tradeoff.catalog.schema import (
    MAX_INT,
    MODEL_ID,
    ImportedUnitPrice,
    ProviderEntry,
    SourceEntry,
    Strict,
    check_partial_date,
    not_in_the_future,
)
from tradeoff.money import round_significant
from tradeoff.records import CAPABILITIES
from tradeoff.units import price_key

PROVIDER_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
T = TypeVar("T")
PositiveInt = Annotated[int, Field(gt=0, le=MAX_INT)]


def _a_number(value: object) -> object:
    """A price is written as a TOML number (read exactly); "0.45" in quotes is a typo."""
    if isinstance(value, str):
        raise ValueError(f"write the price as a number, not a string: {value} (no quotes)")
    return value


Money = Annotated[Decimal, BeforeValidator(_a_number), Field(ge=0, description="USD per 1M tokens")]


class Cited(Strict, Generic[T]):
    """One value a person read at a source: ``{ value, source, checked, quote }``."""

    value: T
    source: str = Field(description="Id of a source declared in this file or in sources.toml")
    checked: dt.date = Field(description="Date the value was checked against the source")
    quote: str | None = Field(default=None, description="Short words of the source backing it")

    _checked_not_in_the_future = field_validator("checked")(not_in_the_future)


CitedPrice = Cited[Money]


class HandUnitPrice(Strict):
    """A price sold in another unit than text tokens (docs/units.md), with its source:
    ``{ component = "input", unit = "per_audio_minute", value = 0.003, source, checked }``."""

    component: str
    unit: str
    value: Annotated[
        Decimal, BeforeValidator(_a_number), Field(ge=0, description="USD per one `unit`")
    ]
    variant: str | None = Field(default=None, description="size or resolution, e.g. 1024x1024")
    source: str = Field(description="Id of a source declared in this file or in sources.toml")
    checked: dt.date
    quote: str | None = None

    _checked_not_in_the_future = field_validator("checked")(not_in_the_future)

    @model_validator(mode="after")
    def _known_unit(self) -> HandUnitPrice:
        # the import schema's vocabulary check, one rule for both
        ImportedUnitPrice(component=self.component, unit=self.unit, usd=self.value)
        if round_significant(self.value, 10) != self.value:
            raise ValueError(f"{self.value} looks like a float artifact")
        return self

    def imported(self) -> ImportedUnitPrice:
        return ImportedUnitPrice(
            component=self.component, unit=self.unit, usd=self.value, variant=self.variant
        )

    @property
    def key(self) -> str:
        return price_key(self.component, self.unit, self.variant)


class HandPrices(Strict):
    """USD per 1M tokens, each with its source; a price not written is unpriced, never $0."""

    input_per_mtok: CitedPrice | None = None
    output_per_mtok: CitedPrice | None = None
    cache_read_per_mtok: CitedPrice | None = None
    cache_write_per_mtok: CitedPrice | None = None
    reasoning_per_mtok: CitedPrice | None = None
    batch_input_per_mtok: CitedPrice | None = None
    batch_output_per_mtok: CitedPrice | None = None
    flex_input_per_mtok: CitedPrice | None = None
    flex_output_per_mtok: CitedPrice | None = None
    priority_input_per_mtok: CitedPrice | None = None
    priority_output_per_mtok: CitedPrice | None = None
    free: Cited[bool] | None = Field(default=None, description="The provider says it is free")
    unit_prices: list[HandUnitPrice] = Field(
        default_factory=list, description="prices sold per minute of audio, per image… (cited)"
    )

    def cited(self) -> dict[str, Cited[Decimal]]:
        """The prices written, by field name (``free`` apart)."""
        return {
            name: value
            for name, value in self
            if name != "free" and isinstance(value, Cited) and value is not None
        }

    @model_validator(mode="after")
    def _exact_and_not_silently_free(self) -> HandPrices:
        for name, price in self.cited().items():
            if round_significant(price.value, 10) != price.value:
                raise ValueError(f"{name}: {price.value} looks like a float artifact")
        token = [self.input_per_mtok, self.output_per_mtok]
        free = self.free is not None and self.free.value
        if all(p is not None and p.value == 0 for p in token) and not free:
            raise ValueError(
                "input and output prices are zero: if the provider serves it free, say so with "
                "free = { value = true, source = …, checked = … }"
            )
        return self


class HandLifecycle(Strict):
    """Where the offering is in its life, from the provider's own notice."""

    stage: Literal["preview", "ga", "deprecated", "retired"]
    deprecated_on: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    retired_on: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    successor: str | None = Field(default=None, description="What the provider says replaces it")
    source: str
    checked: dt.date
    quote: str | None = None

    _checked_not_in_the_future = field_validator("checked")(not_in_the_future)

    @model_validator(mode="after")
    def _dates_fit_the_stage(self) -> HandLifecycle:
        for name in ("deprecated_on", "retired_on"):
            value = getattr(self, name)
            if value is not None:
                check_partial_date(value)
                if self.stage in ("preview", "ga"):
                    raise ValueError(f"{name} is set but stage is {self.stage!r}")
        return self


class HandPricePoint(Strict):
    """An earlier price of this offering, with the source that shows it (e.g. an archived page)."""

    effective: dt.date = Field(description="Date from which the price applied")
    input_per_mtok: Money | None = None
    output_per_mtok: Money | None = None
    source: str
    quote: str | None = None


class HandOffering(Strict):
    """One model as this provider serves it."""

    model: str = Field(description="Canonical model id, e.g. 'moonshotai/kimi-k2-instruct'")
    provider_model_id: str = Field(min_length=1, description="The id the provider's API takes")
    name: str | None = Field(default=None, description="The provider's display name")
    prices: HandPrices = Field(default_factory=HandPrices)
    context_tokens: Cited[PositiveInt] | None = Field(default=None, description="As served")
    max_output_tokens: Cited[PositiveInt] | None = Field(default=None, description="As served")
    quantization: Cited[str] | None = Field(default=None, description="e.g. fp8, as served")
    capabilities: dict[str, Cited[bool]] = Field(
        default_factory=dict, description="Only what this provider changes (e.g. no tool calls)"
    )
    lifecycle: HandLifecycle | None = None
    history: list[HandPricePoint] = Field(default_factory=list)

    @field_validator("model")
    @classmethod
    def _model_id_shape(cls, value: str) -> str:
        if not MODEL_ID.match(value):
            raise ValueError(f"model must be a canonical id like 'lab/slug', got {value!r}")
        return value

    @field_validator("capabilities")
    @classmethod
    def _known_capabilities(cls, value: dict[str, Cited[bool]]) -> dict[str, Cited[bool]]:
        unknown = sorted(set(value) - set(CAPABILITIES))
        if unknown:
            raise ValueError(f"unknown capability {unknown[0]!r} (known: {list(CAPABILITIES)})")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> HandOffering:
        if not self.citations():
            raise ValueError(
                "states nothing: give at least one cited price, limit, quantization or lifecycle"
            )
        if (
            self.context_tokens
            and self.max_output_tokens
            and self.max_output_tokens.value > self.context_tokens.value
        ):
            raise ValueError(
                f"max_output_tokens {self.max_output_tokens.value} is above "
                f"context_tokens {self.context_tokens.value}"
            )
        return self

    def citations(self) -> dict[str, tuple[str, dt.date]]:
        """Every cited field → (source id, checked date); lifecycle fields cite its notice."""
        out: dict[str, tuple[str, dt.date]] = {
            name: (price.source, price.checked) for name, price in self.prices.cited().items()
        }
        if self.prices.free is not None:
            out["free"] = (self.prices.free.source, self.prices.free.checked)
        for unit_price in self.prices.unit_prices:
            out[f"unit.{unit_price.key}"] = (unit_price.source, unit_price.checked)
        for name in ("context_tokens", "max_output_tokens", "quantization"):
            cited = getattr(self, name)
            if cited is not None:
                out[name] = (cited.source, cited.checked)
        for capability, cited_flag in self.capabilities.items():
            out[f"capability.{capability}"] = (cited_flag.source, cited_flag.checked)
        if self.lifecycle is not None:
            for name in ("lifecycle", "deprecated_on", "retired_on", "successor"):
                out[name] = (self.lifecycle.source, self.lifecycle.checked)
        return out


class ProviderFile(Strict):
    """catalog/providers/<provider-id>.toml: one provider's hand-written offerings."""

    provider: ProviderEntry | None = Field(
        default=None, description="Declare the provider here when providers.toml does not list it"
    )
    sources: dict[str, SourceEntry] = Field(default_factory=dict)
    offerings: list[HandOffering] = Field(default_factory=list)
