"""Strict schemas of the catalog's text files (curated TOML and normalized import JSON).

Unknown keys are errors everywhere (``extra="forbid"``): a misspelled key must never be
silently dropped, which is how upstream datasets lose prices.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, TypeVar

from pydantic import Field, field_validator, model_validator

from tradeoff.catalog.price_schema import (
    MAX_INT,
    ImportedPricePoint,
    ImportedPrices,
    ImportedTier,
    ImportedUnitPrice,
    Money,
    Strict,
)
from tradeoff.kinds import MODEL_KINDS

ISO_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
T = TypeVar("T")
MODEL_ID = re.compile(r"^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9._-]*$")


def not_in_the_future(day: dt.date) -> dt.date:
    """A checked date is when a person read the source: never after today."""
    if day > dt.date.today():
        raise ValueError(f"checked {day.isoformat()} is in the future (today is {dt.date.today()})")
    return day


def check_partial_date(value: str) -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day; raise ValueError."""
    if not ISO_PARTIAL_DATE.match(value):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"month out of range in {value!r}")
    if len(parts) == 3:
        dt.date(parts[0], parts[1], parts[2])  # raises on 2025-02-30
    return value


# --- sources, labs, providers -------------------------------------------------------------


class SourceEntry(Strict):
    """A source of facts: a dataset at a commit, a model card, a vendor page."""

    name: str
    kind: Literal[
        "dataset",
        "model-card",
        "vendor-page",
        "paper",
        "provider-docs",
        "leaderboard",
        "repository",
        "article",
    ]
    url: str
    licence: str = Field(description="Licence of the source text/data, or 'facts' for plain facts")
    retrieved: dt.date = Field(description="Date the source was read")
    commit: str | None = None
    attribution: str | None = None
    redistributable: bool = True


class SourcesFile(Strict):
    """catalog/sources.toml: hand-written sources (vendor pages, model cards, benchmark data).

    A dataset that `tradeoff import` reads is not declared here: its import file's header
    is its one source record."""

    sources: dict[str, SourceEntry] = Field(default_factory=dict)


class LabEntry(Strict):
    name: str
    url: str | None = None


class LabsFile(Strict):
    labs: dict[str, LabEntry]


class ProviderEntry(Strict):
    """Curated provider facts that datasets lack: kind, status, the lab it is first-party for."""

    name: str
    kind: Literal["first-party", "inference-host", "cloud", "aggregator", "local-runtime", "plan"]
    status: Literal["active", "defunct"] = "active"
    defunct_since: str | None = None
    url: str | None = None
    lab: str | None = Field(default=None, description="Lab whose own API this is (first-party)")
    source: str | None = Field(default=None, description="Source id backing status / kind")
    aliases: list[str] = Field(default_factory=list, description="Ids other datasets use")
    # A regional endpoint (mainland China) of the same company: availability counts it once.
    region_of: str | None = Field(default=None, description="The company's main provider id")
    # What its prices are paid in: USD, or the provider's own points (bought by subscription
    # or add-on): a dataset's USD per token figure for it is a conversion, never a list price.
    price_basis: Literal["usd", "points"] = Field(
        default="usd", description="usd, or points: prices paid in the provider's own points"
    )

    @model_validator(mode="after")
    def _defunct_needs_date(self) -> ProviderEntry:
        if self.status == "defunct" and not self.defunct_since:
            raise ValueError("a defunct provider needs defunct_since")
        if self.defunct_since:
            check_partial_date(self.defunct_since)
        if self.price_basis != "usd" and not self.source:
            raise ValueError("a price_basis other than usd needs a source stating it")
        return self


class ProvidersFile(Strict):
    providers: dict[str, ProviderEntry]


# --- curated models -----------------------------------------------------------------------


class CuratedFact(Strict):
    """One hand-checked fact and the source that states it."""

    value: str | int | bool | list[str]
    source: str = Field(
        description="Id of a source declared in the file's [sources] or sources.toml"
    )
    checked: dt.date = Field(description="Date the value was checked against the source")
    quote: str | None = Field(default=None, description="Short words of the source backing it")

    _checked_not_in_the_future = field_validator("checked")(not_in_the_future)

    @model_validator(mode="after")
    def _int_in_range(self) -> CuratedFact:
        value = self.value
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
            raise ValueError(f"value {value} is out of range (at most {MAX_INT})")
        return self


def known_kind(value: T) -> T:
    """A kind (or a cited kind) must be one of ``tradeoff.kinds.MODEL_KINDS``."""
    stated = value.value if isinstance(value, CuratedFact) else value
    if stated is not None and stated not in MODEL_KINDS:
        raise ValueError(f"unknown model kind {stated!r}; expected one of {', '.join(MODEL_KINDS)}")
    return value


CURATED_FACT_TYPES: dict[str, type | tuple[type, ...]] = {
    "kind": str,
    "release_date": str,
    "knowledge_cutoff": str,
    "licence": str,
    "open_weights": bool,
    "parameters_total": int,
    "parameters_active": int,
    "architecture": str,
    "experts_total": int,
    "experts_per_token": int,
    "context_tokens": int,
    "max_output_tokens": int,
    "modalities_input": list,
    "modalities_output": list,
    "vision": bool,
    "multimodal_input": bool,
    "reasoning": bool,
    "tool_call": bool,
    "structured_output": bool,
    "code_execution": bool,
    "base_model": str,
}


class CuratedModel(Strict):
    """A curated model file: catalog/curated/<lab>/<slug>.toml."""

    id: str
    name: str
    lab: str
    family: str | None = None
    aliases: list[str] = Field(
        default_factory=list,
        description="Provider model ids and names that denote exactly this checkpoint",
    )
    weights_url: str | None = None
    sources: dict[str, SourceEntry] = Field(default_factory=dict)
    facts: dict[str, CuratedFact] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not MODEL_ID.match(value):
            raise ValueError(f"model id must look like 'lab/slug' in lower case, got {value!r}")
        return value

    @model_validator(mode="after")
    def _facts_typed(self) -> CuratedModel:
        for name, fact in self.facts.items():
            expected = CURATED_FACT_TYPES.get(name)
            if expected is None:
                raise ValueError(
                    f"facts.{name}: unknown fact (known: {sorted(CURATED_FACT_TYPES)})"
                )
            is_bool = isinstance(fact.value, bool)
            if (expected is int and (is_bool or not isinstance(fact.value, int))) or (
                expected is not int and not isinstance(fact.value, expected)
            ):
                raise ValueError(
                    f"facts.{name}: expected {getattr(expected, '__name__', expected)}"
                )
            if name in ("release_date", "knowledge_cutoff"):
                try:
                    check_partial_date(str(fact.value))
                except ValueError as exc:
                    raise ValueError(f"facts.{name}: {exc}") from exc
            if name == "base_model" and not MODEL_ID.match(str(fact.value)):
                raise ValueError("facts.base_model: expected a model id 'lab/slug' in lower case")
            if name == "architecture" and fact.value not in ("dense", "moe"):
                raise ValueError("facts.architecture: expected 'dense' or 'moe'")
            known_kind(fact) if name == "kind" else None
        if not self.id.startswith(self.lab + "/"):
            raise ValueError(f"id {self.id!r} must start with its lab {self.lab!r}")
        return self


# --- normalized imports (generated; reviewable JSON) -------------------------------------


class ImportedModelFacts(Strict):
    """Model-level facts one source states about a canonical model."""

    id: str
    name: str | None = None
    lab: str | None = None
    family: str | None = None
    floating: bool = False
    weights_url: str | None = None
    facts: dict[str, str | int | bool | list[str]] = Field(default_factory=dict)


# Model-level facts an offering may state about its model (``ImportedOffering.facts``): the
# reconciler uses them only where every offering of a model agrees.
OFFERING_EVIDENCE_FACTS = (
    "release_date",
    "open_weights",
    "knowledge_cutoff",
    "context_tokens",
    "modalities_input",
    "modalities_output",
    "vision",
    "multimodal_input",
    "reasoning",
    "tool_call",
    "structured_output",
)


class ImportedOffering(Strict):
    provider: str
    provider_model_id: str
    aliases: list[str] = Field(
        default_factory=list,
        description="other ids the dataset gives this offering's model (linking only)",
    )
    model_id: str | None = None
    link: str | None = None
    name: str | None = None
    prices: ImportedPrices = Field(default_factory=ImportedPrices)
    context_tokens: int | None = Field(default=None, gt=0, le=MAX_INT)
    max_output_tokens: int | None = Field(default=None, gt=0, le=MAX_INT)
    quantization: str | None = None
    # the kind this entry is sold as (MODEL_KINDS): LiteLLM's mode, or models.dev's modalities
    kind: str | None = None
    capabilities: dict[str, bool] = Field(default_factory=dict)
    lifecycle: Literal["preview", "ga", "deprecated", "retired"] = "ga"
    deprecated_on: str | None = None
    retired_on: str | None = None
    successor: str | None = None
    checked: dt.date | None = None
    source_url: str | None = Field(default=None, description="page the dataset cites")
    price_origin: str | None = Field(
        default=None,
        description="provider whose published price the dataset copied into this entry "
        "(genai-prices: 'Imported from OpenRouter pricing'), as that provider's id",
    )
    history: list[ImportedPricePoint] = Field(default_factory=list)
    facts: dict[str, str | int | bool | list[str]] = Field(
        default_factory=dict, description="model-level facts this offering claims (evidence only)"
    )

    _known_kind = field_validator("kind")(lambda value: known_kind(value))


class ImportedProvider(Strict):
    id: str
    name: str
    url: str | None = None


class Dropped(Strict):
    entity: str
    field: str
    value: str
    reason: str


class Unlinked(Strict):
    provider: str
    provider_model_id: str
    reason: str


__all__ = [  # the price schemas live in price_schema; imported from here as before
    "MAX_INT",
    "ImportedPricePoint",
    "ImportedPrices",
    "ImportedTier",
    "ImportedUnitPrice",
    "Money",
    "Strict",
]


class ImportFile(Strict):
    """catalog/imports/<source>.json, written by `tradeoff import`; do not edit by hand."""

    source_id: str
    source: SourceEntry
    generated_by: str
    providers: list[ImportedProvider] = Field(default_factory=list)
    models: list[ImportedModelFacts] = Field(default_factory=list)
    offerings: list[ImportedOffering] = Field(default_factory=list)
    dropped: list[Dropped] = Field(default_factory=list)
    unlinked: list[Unlinked] = Field(default_factory=list)
    counts: dict[str, int] = Field(
        default_factory=dict, description="what the importer read: entries, kept, skipped"
    )
