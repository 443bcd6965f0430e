"""Strict schema of catalog/exclusions.toml: reviewed dataset entries (offerings) and dataset
model facts left out of the catalog, each with its evidence."""

from __future__ import annotations

from pydantic import Field

from tradeoff.catalog.schema import Strict


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
    per-token prices."""

    source: str = Field(description="Source id of the import that states them")
    provider: str = Field(description="Provider id as the catalog knows it")
    provider_model_ids: list[str] = Field(min_length=1)
    reason: str


class ExclusionsFile(Strict):
    """catalog/exclusions.toml: reviewed dataset entries left out of the catalog."""

    excluded: list[ExcludedOffering] = Field(default_factory=list)
    excluded_fact: list[ExcludedFact] = Field(default_factory=list)
    excluded_prices: list[ExcludedPrices] = Field(default_factory=list)
