"""Strict schemas of imported prices: per 1M text tokens (``*_per_mtok``), context tiers,
dated price points, and prices sold in any other unit (``unit_prices``, tradeoff.units)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tradeoff.units import COMPONENTS, TEXT_TOKENS, UNITS

Money = Annotated[Decimal, Field(ge=0, description="USD per 1M text tokens")]
# The largest integer SQLite stores: a larger count is a typo, and would crash the build.
MAX_INT = 2**63 - 1


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ImportedTier(Strict):
    above_input_tokens: int = Field(ge=0, le=MAX_INT)
    input_per_mtok: Money | None = None
    output_per_mtok: Money | None = None
    cache_read_per_mtok: Money | None = None
    cache_write_per_mtok: Money | None = None


class ImportedUnitPrice(Strict):
    """A price sold in a unit other than text tokens (tradeoff.units.UNITS), e.g. output
    per image, input per minute of audio; ``variant``: the size or resolution it is for."""

    component: str
    unit: str
    usd: Decimal | None = Field(
        ge=0,
        description="USD per one `unit`; null: billed in this unit at a price not held "
        "(written only by a reviewed `[[excluded_prices]]` entry, catalog/exclusions.toml)",
    )
    variant: str | None = None

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, value: str) -> str:
        if value not in UNITS or value == TEXT_TOKENS:
            raise ValueError(
                f"unknown price unit {value!r}; expected one of "
                f"{', '.join(u for u in UNITS if u != TEXT_TOKENS)} "
                "(prices per 1M text tokens are the *_per_mtok fields)"
            )
        return value

    @field_validator("component")
    @classmethod
    def _known_component(cls, value: str) -> str:
        if value not in COMPONENTS:
            raise ValueError(
                f"unknown price component {value!r}; expected one of {', '.join(COMPONENTS)}"
            )
        return value


class ImportedPrices(Strict):
    input_per_mtok: Money | None = None
    output_per_mtok: Money | None = None
    cache_read_per_mtok: Money | None = None
    cache_write_per_mtok: Money | None = None
    reasoning_per_mtok: Money | None = None
    batch_input_per_mtok: Money | None = None
    batch_output_per_mtok: Money | None = None
    flex_input_per_mtok: Money | None = None
    flex_output_per_mtok: Money | None = None
    priority_input_per_mtok: Money | None = None
    priority_output_per_mtok: Money | None = None
    free: bool = False
    tiers: list[ImportedTier] = Field(default_factory=list)
    unit_prices: list[ImportedUnitPrice] = Field(
        default_factory=list, description="prices not sold per text token, each with its unit"
    )

    @model_validator(mode="after")
    def _one_price_per_unit(self) -> ImportedPrices:
        keys = [(p.component, p.unit, p.variant) for p in self.unit_prices]
        if len(set(keys)) != len(keys):
            raise ValueError(f"a unit price is stated twice: {sorted(map(str, keys))}")
        return self


class ImportedPricePoint(Strict):
    effective: str
    input_per_mtok: Money | None = None
    output_per_mtok: Money | None = None
