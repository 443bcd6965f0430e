"""Read-side records: plain frozen dataclasses returned by the query layer.

Everything above the database (compare, render, web, CLI) works with these records only,
never with SQL rows or source files. Money is Decimal with its unit in the field name (USD
per 1M text tokens) or beside it (``UnitPrice.unit``); unknown is None
(or ``Tri.UNKNOWN``) and every fact carries where it came from and when it was checked.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

from tradeoff.units import price_key

T = TypeVar("T")


class Tri(enum.Enum):
    """A tri-state capability: known yes, known no, or not yet sourced."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, value: bool | None) -> Tri:
        """Map an optional bool to a tri-state."""
        if value is None:
            return cls.UNKNOWN
        return cls.YES if value else cls.NO


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to day, month or year: ISO text such as 2025, 2025-07 or 2025-07-11."""

    iso: str

    def __str__(self) -> str:
        return self.iso

    def after(self, other: PartialDate) -> bool:
        """Certainly later than ``other``, at the coarser of the two precisions (2025-06 is
        not after 2025-06-10, nor 2025 after 2025-03)."""
        common = min(len(self.iso), len(other.iso))
        return self.iso[:common] > other.iso[:common]


@dataclass(frozen=True)
class Source:
    """Where facts come from: a dataset at a commit, a vendor page or a model card."""

    id: str
    name: str
    kind: str  # dataset | model-card | vendor-page | paper | provider-docs | leaderboard
    url: str
    licence: str
    retrieved: str  # ISO date the source was read
    commit: str | None = None
    attribution: str | None = None
    redistributable: bool = True


# What a value's date means. "checked": a review date — a person read the source that day
# (curated facts, hand-written provider files), or the dataset itself states when it checked
# the value (genai-prices ``prices_checked``). "as_of": only the date of the dataset snapshot
# the value was copied from; nobody says it was checked then.
CHECKED = "checked"
AS_OF = "as_of"


def snapshot_name(source: Source | None, date: str | None) -> str | None:
    """The dataset whose snapshot date ``date`` is, when a value of ``source`` carries it.

    A dataset's value dated with the dataset's own retrieved (snapshot) date has no check date
    of its own: it is "as of" that snapshot. A dataset's stated check date that happened to
    fall on its snapshot day would also read "as of" — understated, never overstated.
    """
    if source is not None and source.kind == "dataset" and date == source.retrieved:
        # the short name: "genai-prices (Pydantic)" → "genai-prices"
        return source.name.split(" (", 1)[0]
    return None


def dated_text(date: str | None, as_of: str | None) -> str | None:
    """A value's date in words: "checked 2025-08-12" or "as of 2026-07-02 (models.dev)"."""
    if not date:
        return None
    return f"as of {date} ({as_of})" if as_of else f"checked {date}"


@dataclass(frozen=True)
class Fact(Generic[T]):
    """One value with its provenance. ``value is None`` means not yet sourced."""

    value: T | None
    source_id: str | None = None
    checked: str | None = None  # ISO date of the value: a review date, or see ``as_of``
    note: str | None = None  # why a value is missing or was corrected
    disputed: bool = False  # sources disagree (see conflicts)
    # the dataset whose snapshot date ``checked`` is (not a review date); None: reviewed
    as_of: str | None = None

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def date_kind(self) -> str:
        """CHECKED (a review date) or AS_OF (a dataset snapshot's date)."""
        return AS_OF if self.as_of else CHECKED

    @property
    def dated(self) -> str | None:
        """ "checked 2025-08-12", "as of 2026-07-02 (models.dev)", or None without a date."""
        return dated_text(self.checked, self.as_of)


@dataclass(frozen=True)
class Lab:
    id: str
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    # first-party | inference-host | cloud | aggregator (these sell API access per use) |
    # local-runtime | plan (subscription or coding/token plan) | unknown (not yet classified)
    kind: str
    status: str  # active | defunct
    defunct_since: str | None = None
    url: str | None = None
    lab_id: str | None = None  # set when this provider is a lab's own API (first-party)
    region_of: str | None = None  # the same company's main provider: this is a regional endpoint
    # what its prices are paid in: "usd", or "points" (its own points, bought by subscription
    # or add-on: a USD price per token is a dataset's conversion, never a comparable price)
    price_basis: str = "usd"

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def company_id(self) -> str:
        """The provider that stands for its company: a regional endpoint counts as its main
        provider in availability (one company, one place to buy)."""
        return self.region_of or self.id

    def is_first_party_for(self, lab_id: str) -> bool:
        """Is this the lab's own API (the one price a lab sets itself)?"""
        return self.kind == "first-party" and self.lab_id == lab_id


# The model-level facts of ``Model`` (capabilities are apart), in display order.
MODEL_FACT_FIELDS: tuple[str, ...] = (
    "kind",
    "release_date",
    "knowledge_cutoff",
    "licence",
    "open_weights",
    "parameters_total",
    "parameters_active",
    "architecture",
    "experts_total",
    "experts_per_token",
    "context_tokens",
    "max_output_tokens",
    "modalities_input",
    "modalities_output",
    "base_model",
)

CAPABILITIES: tuple[str, ...] = (
    "vision",
    "multimodal_input",
    "reasoning",
    "tool_call",
    "structured_output",
    "code_execution",
    "prompt_caching",
    "batch_api",
)

CAPABILITY_LABELS: dict[str, str] = {
    "vision": "Vision (image input)",
    "multimodal_input": "Multimodal input",
    "reasoning": "Reasoning mode",
    "tool_call": "Function / tool calling",
    "structured_output": "Structured outputs",
    "code_execution": "Code execution",
    "prompt_caching": "Prompt caching",
    "batch_api": "Batch API",
}


def model_slug(model_id: str) -> str:
    """A model's URL slug: its canonical id with "--" for "/" (``Model.slug``)."""
    return model_id.replace("/", "--")


@dataclass(frozen=True)
class Model:
    """One released checkpoint (Kimi K2 Instruct 0711 and 0905 are two models)."""

    id: str  # canonical "<lab>/<slug>"
    name: str
    lab_id: str
    family: str | None
    release_date: Fact[PartialDate]
    knowledge_cutoff: Fact[PartialDate]
    licence: Fact[str]
    open_weights: Fact[bool]
    parameters_total: Fact[int]
    parameters_active: Fact[int]
    architecture: Fact[str]  # dense | moe
    experts_total: Fact[int]
    experts_per_token: Fact[int]
    context_tokens: Fact[int]
    max_output_tokens: Fact[int]
    modalities_input: Fact[tuple[str, ...]]
    modalities_output: Fact[tuple[str, ...]]
    capabilities: dict[str, Fact[bool]]
    weights_url: str | None = None
    # What the model is sold for (tradeoff.kinds.MODEL_KINDS); prices and claims are compared
    # only within one kind. Unknown (None) is "kind not yet sourced".
    kind: Fact[str] = field(default_factory=lambda: Fact(None))
    # The checkpoint a fine-tune was trained from ("lab/slug"); its lab may differ from ours.
    base_model: Fact[str] = field(default_factory=lambda: Fact(None))

    @property
    def slug(self) -> str:
        return model_slug(self.id)

    def facts(self) -> dict[str, Fact[Any]]:
        """Every model fact by field name, then every capability as ``capability.<name>``."""
        out: dict[str, Fact[Any]] = {name: getattr(self, name) for name in MODEL_FACT_FIELDS}
        out.update({f"capability.{name}": fact for name, fact in self.capabilities.items()})
        return out


@dataclass(frozen=True)
class PriceTier:
    """Prices that apply to the whole request once its input exceeds ``above_input_tokens``."""

    above_input_tokens: int
    input_per_mtok: Decimal | None
    output_per_mtok: Decimal | None
    cache_read_per_mtok: Decimal | None = None
    cache_write_per_mtok: Decimal | None = None


@dataclass(frozen=True, order=True)
class UnitPrice:
    """One price sold in a unit other than text tokens: USD per ``unit`` (``units.UNITS``)
    for ``component`` (``units.COMPONENTS``), e.g. output, per_image, 0.04; ``variant`` is
    the size, quality or resolution the price is for, when the source states one."""

    component: str
    unit: str
    usd: Decimal
    variant: str | None = None

    @property
    def key(self) -> str:
        """Its JSON key, the unit in the name (``output_per_image``)."""
        return price_key(self.component, self.unit, self.variant)


@dataclass(frozen=True)
class Prices:
    """Prices of one offering. The ``*_per_mtok`` fields are USD per 1M text tokens;
    ``unit_prices`` are the prices sold in any other unit (per 1M audio tokens, per image,
    per minute of audio…), each with its unit. None = unpriced, never zero."""

    input_per_mtok: Decimal | None = None
    output_per_mtok: Decimal | None = None
    cache_read_per_mtok: Decimal | None = None
    cache_write_per_mtok: Decimal | None = None
    reasoning_per_mtok: Decimal | None = None
    batch_input_per_mtok: Decimal | None = None
    batch_output_per_mtok: Decimal | None = None
    flex_input_per_mtok: Decimal | None = None
    flex_output_per_mtok: Decimal | None = None
    priority_input_per_mtok: Decimal | None = None
    priority_output_per_mtok: Decimal | None = None
    free: bool = False
    tiers: tuple[PriceTier, ...] = ()
    unit_prices: tuple[UnitPrice, ...] = ()

    @property
    def priced(self) -> bool:
        """Priced per text token (input and output known, or free)."""
        return self.free or (self.input_per_mtok is not None and self.output_per_mtok is not None)

    @property
    def token_priced(self) -> bool:
        """States at least one price per 1M text tokens."""
        return any(getattr(self, name) is not None for name in PRICE_FIELDS)

    def other_units(self) -> tuple[str, ...]:
        """The units of the prices not sold per text token, in order of first mention."""
        return tuple(dict.fromkeys(p.unit for p in self.unit_prices))


# The Decimal price fields of ``Prices``, in display order.
PRICE_FIELDS = (
    "input_per_mtok",
    "output_per_mtok",
    "cache_read_per_mtok",
    "cache_write_per_mtok",
    "reasoning_per_mtok",
    "batch_input_per_mtok",
    "batch_output_per_mtok",
    "flex_input_per_mtok",
    "flex_output_per_mtok",
    "priority_input_per_mtok",
    "priority_output_per_mtok",
)


@dataclass(frozen=True)
class PricePoint:
    """One dated price of an offering (price history)."""

    effective: str  # ISO date from which the price applied (or was observed)
    input_per_mtok: Decimal | None
    output_per_mtok: Decimal | None
    source_id: str


@dataclass(frozen=True)
class Offering:
    """A model as served by one provider."""

    provider_id: str
    provider_model_id: str
    model_id: str | None  # canonical model; None when unlinked
    name: str | None
    prices: Prices
    source_id: str
    checked: str
    context_tokens: int | None = None
    max_output_tokens: int | None = None
    quantization: str | None = None
    capabilities: dict[str, bool] = field(default_factory=dict)  # provider overrides only
    lifecycle: str = "ga"  # preview | ga | deprecated | retired
    deprecated_on: str | None = None
    retired_on: str | None = None
    successor: str | None = None
    link: str | None = None  # how model_id was found: base_model, canonical, alias, normalized
    source_url: str | None = None  # the provider page the dataset cites for this offering
    # the provider whose published price a dataset copied into this offering (genai-prices
    # "Imported from OpenRouter pricing"); None: the dataset states it as this provider's own
    price_origin: str | None = None
    price_sources: dict[str, str] = field(default_factory=dict)  # field -> source id
    history: tuple[PricePoint, ...] = ()
    disputed_fields: tuple[str, ...] = ()
    # the dataset whose snapshot date ``checked`` is (not a review date); None: reviewed
    as_of: str | None = None

    @property
    def date_kind(self) -> str:
        """CHECKED (a review date) or AS_OF (a dataset snapshot's date)."""
        return AS_OF if self.as_of else CHECKED

    @property
    def dated(self) -> str:
        """ "checked 2026-06-09" or "as of 2026-08-21 (genai-prices (Pydantic))"."""
        return dated_text(self.checked, self.as_of) or ""


@dataclass(frozen=True)
class Conflict:
    """Sources disagree on one fact; ``chosen`` is the value the catalog shows."""

    entity: str  # "model:<id>" or "offering:<provider>/<provider_model_id>"
    field: str
    chosen: str
    chosen_source_id: str
    values: tuple[tuple[str, str, str], ...]  # (value, source id, checked)
    rule: str


@dataclass(frozen=True)
class DroppedValue:
    """An upstream value that did not become a fact, and why."""

    source_id: str
    entity: str
    field: str
    value: str
    reason: str
