"""Strict schema of catalog/exclusions.toml: reviewed dataset entries (offerings) and dataset
model facts left out of the catalog, each with its evidence."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from tradeoff.catalog.schema import Strict
from tradeoff.units import TEXT_TOKENS, UNITS


class ExcludedOffering(Strict):
    """A dataset entry that must not become an offering (e.g. a price filed under the wrong
    provider), with the evidence that it is wrong."""

    source: str = Field(description="Source id of the import that states it")
    provider: str = Field(description="Provider id as the catalog knows it")
    provider_model_id: str
    reason: str


class ExcludedFact(Strict):
    """A model fact a dataset states that is wrong, with the evidence that it is: the
    reconciler drops it (reported among the dropped values); the dataset's other facts stay.
    The value is named, so a changed upstream value is never dropped unseen."""

    source: str = Field(description="Source id of the import that states it")
    model: str = Field(description="Canonical model id")
    field: str = Field(description="Model fact name (release_date, knowledge_cutoff, ...)")
    value: str = Field(description="The value as the dataset states it")
    reason: str


class ExcludedPrices(Strict):
    """Offerings whose token prices a dataset states in a unit the provider does not bill
    (a per-token conversion of a per-character price): the offerings stay, their token
    prices are dropped (reported among the dropped values), so they are never compared as
    per-token prices. With ``billed_in``, each side whose token price is dropped says the
    unit the provider bills it in, its price not held (``UnitPrice.usd`` None), cited to
    ``billing_source``: a page says "billed per character", not "unpriced". With ``sides``,
    only those sides' token prices are dropped (a text-to-speech model's text output price:
    it outputs audio only; its text input price stands)."""

    source: str = Field(description="Source id of the import that states them")
    provider: str = Field(description="Provider id as the catalog knows it")
    provider_model_ids: list[str] = Field(min_length=1)
    reason: str
    billed_in: str | None = Field(
        default=None, description="The unit the provider bills in (tradeoff.units.UNITS)"
    )
    sides: list[Literal["input", "output"]] | None = Field(
        default=None,
        min_length=1,
        description="The sides whose token prices are dropped; none named: every side",
    )
    billing_source: str | None = Field(
        default=None, description="Source id (catalog/sources.toml) that states the unit"
    )

    @field_validator("billed_in")
    @classmethod
    def _known_unit(cls, value: str | None) -> str | None:
        if value is not None and (value not in UNITS or value == TEXT_TOKENS):
            raise ValueError(
                f"unknown unit {value!r}; expected one of "
                + ", ".join(u for u in UNITS if u != TEXT_TOKENS)
            )
        return value

    @model_validator(mode="after")
    def _unit_with_its_source(self) -> ExcludedPrices:
        if (self.billed_in is None) != (self.billing_source is None):
            raise ValueError("billed_in and billing_source go together")
        return self


class ExclusionsFile(Strict):
    """catalog/exclusions.toml: reviewed dataset entries left out of the catalog."""

    excluded: list[ExcludedOffering] = Field(default_factory=list)
    excluded_fact: list[ExcludedFact] = Field(default_factory=list)
    excluded_prices: list[ExcludedPrices] = Field(default_factory=list)
