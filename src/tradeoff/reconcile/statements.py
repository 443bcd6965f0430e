"""Statements: one origin's word on one offering, a dataset's entry or a hand-written offering.

Merging (``reconcile.offerings``) ranks statements and picks one value per field. A dataset's
entry cites its dataset for every value; a hand-written offering cites a source per value
(``HandOffering.citations``), so each of its values carries its own source and checked date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tradeoff.catalog.offering_schema import HandOffering
from tradeoff.catalog.schema import ImportedOffering, ImportedPrices, ImportFile, SourceEntry
from tradeoff.reconcile.resolved import HAND_WRITTEN, rank
from tradeoff.records import PricePoint


@dataclass(frozen=True)
class Statement:
    """What one origin states about one offering, and how strongly it ranks."""

    offering: ImportedOffering  # the values (a hand-written offering in the same shape)
    origin: str  # an import's source id, or HAND_WRITTEN
    source_id: str  # the source of values not cited one by one
    checked: str  # ISO date; for a hand-written offering, its oldest citation
    rank: tuple[int, str]  # sorted ascending = strongest first
    history: tuple[PricePoint, ...] = ()
    cited: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # field → (source, date)

    @property
    def hand_written(self) -> bool:
        return self.origin == HAND_WRITTEN

    def source_of(self, name: str) -> tuple[str, str]:
        """(source id, checked date) behind one field's value."""
        return self.cited.get(name, (self.source_id, self.checked))

    def states(self, name: str, value: object) -> bool:
        """Whether this statement says something about a field. A hand-written lifecycle
        states all its fields: no retirement date written means none announced."""
        return value is not None or name in self.cited


def from_import(offering: ImportedOffering, imported: ImportFile, first_party: bool) -> Statement:
    """A dataset's entry: every value cites the dataset, checked when the entry says."""
    checked = (offering.checked or imported.source.retrieved).isoformat()
    return Statement(
        offering=offering,
        origin=imported.source_id,
        source_id=imported.source_id,
        checked=checked,
        rank=rank(imported.source_id, checked, first_party),
        history=tuple(
            PricePoint(p.effective, p.input_per_mtok, p.output_per_mtok, imported.source_id)
            for p in offering.history
        ),
    )


def from_hand(
    entry: HandOffering, provider_id: str, sources: Mapping[str, SourceEntry]
) -> Statement:
    """A hand-written offering: each value with its own source; it outranks every dataset."""
    citations = entry.citations()
    cited = {name: (source, day.isoformat()) for name, (source, day) in citations.items()}
    # The offering's own source: the one its input price cites, else its first citation.
    main_source, _ = cited.get("input_per_mtok") or next(iter(cited.values()))
    oldest = min(day for _, day in citations.values())
    prices = entry.prices
    life = entry.lifecycle
    offering = ImportedOffering(
        provider=provider_id,
        provider_model_id=entry.provider_model_id,
        model_id=entry.model,
        name=entry.name,
        prices=ImportedPrices(
            **{name: price.value for name, price in prices.cited().items()},
            free=prices.free.value if prices.free is not None else False,
            unit_prices=[u.imported() for u in prices.unit_prices],
        ),
        context_tokens=entry.context_tokens.value if entry.context_tokens else None,
        max_output_tokens=entry.max_output_tokens.value if entry.max_output_tokens else None,
        quantization=entry.quantization.value if entry.quantization else None,
        capabilities={name: flag.value for name, flag in entry.capabilities.items()},
        lifecycle=life.stage if life else "ga",
        deprecated_on=life.deprecated_on if life else None,
        retired_on=life.retired_on if life else None,
        successor=life.successor if life else None,
        checked=oldest,
        source_url=sources[main_source].url,
    )
    return Statement(
        offering=offering,
        origin=HAND_WRITTEN,
        source_id=main_source,
        checked=oldest.isoformat(),
        rank=rank(main_source, oldest.isoformat(), hand_written=True),
        history=tuple(
            PricePoint(p.effective.isoformat(), p.input_per_mtok, p.output_per_mtok, p.source)
            for p in entry.history
        ),
        cited=cited,
    )
