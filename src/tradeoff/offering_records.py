"""Read-side records of offerings (a model as one provider serves it, with its prices and
their history) and of the reconciliation (conflicts, dropped values).

``tradeoff.records`` names them too, on first use: the cold ``compare --format md`` path
never builds one, so it does not define them (``bench/cold_paths.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tradeoff.records import AS_OF, CHECKED, PRICE_FIELDS, dated_text
from tradeoff.units import price_key


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
    the size, quality or resolution the price is for, when the source states one. ``usd``
    None: the provider bills in this unit at a price the catalog does not hold (never $0).
    ``checked``: the date of the statement it was taken from (an offering merges several,
    each with its own date); ``as_of``: the dataset whose snapshot date that is (not a review
    date). None: dated by its offering. Neither is part of the price (equality, order)."""

    component: str
    unit: str
    usd: Decimal | None
    variant: str | None = None
    checked: str | None = field(default=None, compare=False)
    as_of: str | None = field(default=None, compare=False)

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
    # the source of the value ``checked`` is the date of; None: ``source_id``
    checked_source: str | None = None

    @property
    def dated_by(self) -> str:
        """The source ``checked`` is a date of: cite it beside ``dated``, never another."""
        return self.checked_source or self.source_id

    @property
    def cited_sources(self) -> frozenset[str]:
        """Every source of a value the offering shows (to attribute): its own, its date's,
        each price's and lifecycle date's."""
        return frozenset((self.source_id, self.dated_by, *self.price_sources.values()))

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
